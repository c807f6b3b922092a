//! Import: documents a person brings, processed in a Web Worker by the same engine, kept in IndexedDB and
//! shown in every view beside the built-in corpus.
//!
//! [`ImportProvider`] owns the imported items and the corpus made of them: at start it reads what was
//! kept (the cached corpus when it is up to date, else the items, processed again in the worker); an
//! import reads the files, lets the worker process them (progress, cancel), keeps the new items one by
//! one (a full storage quota names the file and keeps the rest), and swaps the corpus in. Renaming,
//! editing metadata and removing work the same way. Views read it with [`use_imports`].

pub mod build;
pub mod store;
pub mod worker;

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use parallax_core::bundle;
use parallax_core::import::{Limits, Override, Problem, Source};
use rexie::Rexie;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::corpus::{Corpus, EMBEDDED, use_corpus};
use build::Stored;
use worker::{ImportWorker, Request, Response};

/// The worker's loader, beside `index.html` (Trunk writes it from the worker link).
const WORKER_LOADER: &str = "./parallax-worker_loader.js";

/// What the import is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Reading what was kept.
    Starting,
    Idle,
    /// Reading the chosen files.
    Reading {
        files: usize,
    },
    /// The worker is processing: `done` of `total`, `name` in hand.
    Processing {
        done: u32,
        total: u32,
        name: String,
    },
    /// Keeping new documents and the corpus.
    Saving,
}

/// The imports as views see them.
#[derive(Clone)]
pub struct Imports {
    pub items: Rc<Vec<Stored>>,
    pub status: Status,
    /// What the last import or change could not use, and notes on what it did.
    pub report: Rc<Vec<Problem>>,
    /// A sentence on the last import's outcome.
    pub summary: Option<String>,
    /// Set when the browser's storage cannot be used (imports then last until the page is closed).
    pub storage: Option<String>,
    version: u32,
    shared: Shared,
}

impl PartialEq for Imports {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

impl std::fmt::Debug for Imports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imports").field("items", &self.items.len()).field("status", &self.status).finish()
    }
}

impl Imports {
    pub fn busy(&self) -> bool {
        !matches!(self.status, Status::Idle)
    }

    /// Imports files (from a picker or a drop).
    pub fn import(&self, files: Vec<web_sys::File>) {
        let shared = self.shared.clone();
        wasm_bindgen_futures::spawn_local(async move { import(shared, files).await });
    }

    /// Stops the import in progress; nothing of it is kept.
    pub fn cancel(&self) {
        let mut c = self.shared.borrow_mut();
        match c.status {
            Status::Reading { .. } => c.cancel = true,
            Status::Processing { .. } => {
                c.cancel = true;
                if let Some(bridge) = &c.bridge {
                    bridge.send(Request::Cancel { job: c.job });
                }
            }
            _ => {}
        }
    }

    /// Renames an imported document (its file name; names stay unique) and sets its outlet, date and
    /// headline (`None`: as read from the page).
    pub fn update(&self, id: &str, name: &str, over: Override) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("A file name cannot be empty.".to_owned());
        }
        if let Some(date) = &over.published
            && !parallax_core::manifest::valid_iso_date(date)
        {
            return Err(format!("“{date}” is not a date as YYYY, YYYY-MM or YYYY-MM-DD."));
        }
        let c = self.shared.borrow();
        if c.items.iter().any(|s| s.id != id && s.item.name == name) {
            return Err(format!("Another imported document is already named “{name}”."));
        }
        let Some(mut stored) = c.items.iter().find(|s| s.id == id).cloned() else {
            return Err("That document is no longer imported.".to_owned());
        };
        drop(c);
        stored.item.name = name.to_owned();
        stored.item.over = Override {
            url: stored.item.over.url.clone(),
            language: stored.item.over.language.clone(),
            ..over
        };
        self.change(vec![stored], Vec::new());
        Ok(())
    }

    /// Removes imported documents.
    pub fn remove(&self, ids: Vec<String>) {
        self.change(Vec::new(), ids);
    }

    fn change(&self, updated: Vec<Stored>, removed: Vec<String>) {
        let shared = self.shared.clone();
        wasm_bindgen_futures::spawn_local(async move { change(shared, updated, removed).await });
    }

    /// The imported documents as a .zip of their files and a manifest.toml of their metadata, which an
    /// import reads back to the same documents.
    pub fn export(&self) -> Result<(), String> {
        let items: Vec<_> = self.items.iter().map(|s| s.item.clone()).collect();
        let bytes = parallax_core::import::archive(&items);
        crate::browser::download_bytes("parallax-imported.zip", "application/zip", &bytes)
    }
}

type Shared = Rc<RefCell<Controller>>;

/// The provider's state, shared with the async tasks and the worker's callback.
struct Controller {
    items: Vec<Stored>,
    status: Status,
    report: Vec<Problem>,
    summary: Option<String>,
    storage: Option<String>,
    corpus: Option<Rc<Corpus>>,
    db: Option<Rc<Rexie>>,
    bridge: Option<WorkerBridge<ImportWorker>>,
    /// The job in hand, and whether it was asked to stop.
    job: u32,
    cancel: bool,
    /// Where the worker's answer to the job in hand goes.
    waiting: Option<futures_channel::oneshot::Sender<Response>>,
    version: u32,
    notify: Callback<()>,
}

impl Controller {
    /// Redraws the views, once the borrow of the state that called this has ended.
    fn changed(&mut self) {
        self.version = self.version.wrapping_add(1);
        let notify = self.notify.clone();
        yew::platform::spawn_local(async move { notify.emit(()) });
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ImportProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Provides [`Imports`], and the corpus with the imported documents in it to everything below.
#[component]
pub fn ImportProvider(props: &ImportProviderProps) -> Html {
    let builtin = use_corpus();
    let version = use_state(|| 0u32);
    let shared: Shared = {
        let version = version.setter();
        use_memo((), move |_| {
            let counter = Rc::new(std::cell::Cell::new(0u32));
            let notify = Callback::from(move |()| {
                counter.set(counter.get().wrapping_add(1));
                version.set(counter.get());
            });
            Rc::new(RefCell::new(Controller {
                items: Vec::new(),
                status: Status::Starting,
                report: Vec::new(),
                summary: None,
                storage: None,
                corpus: None,
                db: None,
                bridge: None,
                job: 0,
                cancel: false,
                waiting: None,
                version: 0,
                notify,
            }))
        })
        .as_ref()
        .clone()
    };
    // A site built from a folder shows that folder: nothing is imported into it.
    let on_site = *use_memo((), |_| crate::site::data_folder().is_some());
    {
        let shared = shared.clone();
        use_effect_with((), move |_| {
            if !on_site {
                wasm_bindgen_futures::spawn_local(start(shared));
            }
        });
    }
    if on_site {
        return props.children.clone();
    }
    let imports = {
        let c = shared.borrow();
        Imports {
            items: Rc::new(c.items.clone()),
            status: c.status.clone(),
            report: Rc::new(c.report.clone()),
            summary: c.summary.clone(),
            storage: c.storage.clone(),
            version: *version,
            shared: shared.clone(),
        }
    };
    let corpus = shared.borrow().corpus.clone().unwrap_or(builtin);
    html! {
        <ContextProvider<Imports> context={imports}>
            <ContextProvider<Rc<Corpus>> context={corpus}>
                { props.children.clone() }
            </ContextProvider<Rc<Corpus>>>
        </ContextProvider<Imports>>
    }
}

/// The imports, from the nearest [`ImportProvider`].
#[hook]
pub fn use_imports() -> Option<Imports> {
    use_context::<Imports>()
}

/// Reads what was kept: the cached corpus if up to date, else the items processed again.
async fn start(shared: Shared) {
    let db = match store::open().await {
        Ok(db) => Rc::new(db),
        Err(e) => {
            let mut c = shared.borrow_mut();
            c.storage = Some(format!("{e} Imported documents will last only until this page is closed."));
            c.status = Status::Idle;
            c.changed();
            return;
        }
    };
    shared.borrow_mut().db = Some(db.clone());
    let (items, problems) = match store::items(&db).await {
        Ok(found) => found,
        Err(e) => {
            let mut c = shared.borrow_mut();
            c.storage = Some(e);
            c.status = Status::Idle;
            c.changed();
            return;
        }
    };
    // The items are shown with their corpus, once it is ready.
    shared.borrow_mut().report = problems;
    if items.is_empty() {
        let mut c = shared.borrow_mut();
        c.status = Status::Idle;
        c.changed();
        return;
    }
    let stamp = build::stamp(EMBEDDED, &items);
    if let Some(bytes) = store::corpus(&db, &stamp).await
        && let Ok(reading) = bundle::decode_in_turns(bytes)
        && let Ok(bundle) = crate::browser::read_in_turns("parallax:decode-corpus", reading).await
    {
        let mut c = shared.borrow_mut();
        c.corpus = Some(corpus_of(bundle, &items));
        c.items = items;
        c.status = Status::Idle;
        c.changed();
        return;
    }
    match run(&shared, items.clone(), Vec::new()).await {
        Some(Response::Built { bundle: bytes, problems, .. }) => {
            finish(&shared, items, bytes, problems, None).await;
        }
        _ => {
            let mut c = shared.borrow_mut();
            c.items = items;
            c.summary = Some(
                "The imported documents could not be prepared; they are kept, and listed below.".to_owned(),
            );
            c.status = Status::Idle;
            c.changed();
        }
    }
}

/// Sends a build job to the worker (spawned on first use) and waits for its answer, showing progress.
async fn run(shared: &Shared, items: Vec<Stored>, sources: Vec<Source>) -> Option<Response> {
    let (sender, receiver) = futures_channel::oneshot::channel();
    let request = {
        let mut c = shared.borrow_mut();
        c.job = c.job.wrapping_add(1);
        c.cancel = false;
        c.waiting = Some(sender);
        c.status = Status::Processing { done: 0, total: 0, name: String::new() };
        if c.bridge.is_none() {
            let weak = Rc::downgrade(shared);
            let bridge = ImportWorker::spawner()
                .callback(move |response| {
                    if let Some(shared) = weak.upgrade() {
                        answer(&shared, response);
                    }
                })
                .spawn_with_loader(WORKER_LOADER);
            c.bridge = Some(bridge);
        }
        c.changed();
        Request::Build { job: c.job, items, sources, now: js_sys::Date::now() }
    };
    if let Some(bridge) = &shared.borrow().bridge {
        bridge.send(request);
    }
    let response = receiver.await.ok();
    // Receiving a corpus of a thousand documents from the worker is a task of tens of milliseconds: what
    // is done with it starts a task of its own.
    gloo_timers::future::TimeoutFuture::new(0).await;
    response
}

/// A message from the worker: progress is shown, the job's end wakes whoever waits for it.
fn answer(shared: &Shared, response: Response) {
    let mut c = shared.borrow_mut();
    match response {
        Response::Progress { job, done, total, name } => {
            if job == c.job && !c.cancel {
                c.status = Status::Processing { done, total, name };
                c.changed();
            }
        }
        Response::Built { job, .. } | Response::Cancelled { job } if job != c.job => {}
        other => {
            if let Some(waiting) = c.waiting.take() {
                let _ = waiting.send(other);
            }
        }
    }
}

/// Reads the files, has the worker process them, keeps the new documents and shows them.
async fn import(shared: Shared, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    {
        let mut c = shared.borrow_mut();
        if !matches!(c.status, Status::Idle) {
            return;
        }
        c.status = Status::Reading { files: files.len() };
        c.report.clear();
        c.summary = None;
        c.changed();
    }
    let mut sources = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    // Asking a file chosen from disk its size, and to be read, costs the page's thread about a millisecond
    // each, and small files' reads can complete within the same task: the loop gives the page a turn
    // every `TASK_BUDGET_MS`, so that a thousand files do not make one long task.
    let mut turn = js_sys::Date::now();
    for file in &files {
        if js_sys::Date::now() - turn > crate::browser::TASK_BUDGET_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            turn = js_sys::Date::now();
        }
        // A file chosen with its folder has its path in the folder (not in web-sys's bindings).
        let path = js_sys::Reflect::get(file, &"webkitRelativePath".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let name = if path.is_empty() { file.name() } else { path };
        // Refused before it is read: larger than a file may be, or a page larger than an article.
        if let Some(why) = parallax_core::import::refuse_size(&name, file.size() as u64, &Limits::DEFAULT) {
            problems.push(Problem::skipped(&name, why));
            continue;
        }
        match read(file).await {
            Ok(bytes) => sources.push(Source { name, bytes }),
            Err(e) => problems.push(Problem::skipped(&name, e)),
        }
    }
    if shared.borrow().cancel {
        shared.borrow_mut().cancel = false;
        idle(&shared, problems, Some("Import cancelled: nothing of it was kept.".to_owned()));
        return;
    }
    let items = shared.borrow().items.clone();
    let response = run(&shared, items.clone(), sources).await;
    match response {
        Some(Response::Built { added, problems: found, bundle: bytes, .. }) => {
            problems.extend(found);
            shared.borrow_mut().status = Status::Saving;
            let db = shared.borrow().db.clone();
            let mut kept = Vec::with_capacity(added.len());
            let mut lost = 0;
            for stored in added {
                let result = match &db {
                    Some(db) => store::put(db, &stored).await,
                    None => Ok(()),
                };
                match result {
                    Ok(()) => kept.push(stored),
                    Err(e) => {
                        lost += 1;
                        problems.push(Problem::skipped(&stored.item.name, e));
                    }
                }
            }
            let count = kept.len();
            let all: Vec<Stored> = items.into_iter().chain(kept).collect();
            let summary = Some(match (count, lost) {
                (0, 0) => "No document was imported.".to_owned(),
                (n, 0) => format!("Imported {n} document{}.", plural(n)),
                (n, l) => format!("Imported {n} document{}; {l} could not be kept (see below).", plural(n)),
            });
            if lost > 0 {
                // The corpus must hold only what was kept: assemble it again (nothing is processed again).
                match run(&shared, all.clone(), Vec::new()).await {
                    Some(Response::Built { bundle: bytes, .. }) => {
                        finish(&shared, all, bytes, problems, summary).await
                    }
                    _ => idle(&shared, problems, summary),
                }
            } else {
                finish(&shared, all, bytes, problems, summary).await;
            }
        }
        Some(Response::Cancelled { .. }) => {
            idle(&shared, problems, Some("Import cancelled: nothing of it was kept.".to_owned()));
        }
        _ => idle(
            &shared,
            problems,
            Some("The import stopped unexpectedly: nothing of it was kept.".to_owned()),
        ),
    }
}

/// Keeps changed items, forgets removed ones, and shows the corpus assembled again.
async fn change(shared: Shared, updated: Vec<Stored>, removed: Vec<String>) {
    {
        let c = shared.borrow();
        if !matches!(c.status, Status::Idle) {
            return;
        }
    }
    let db = shared.borrow().db.clone();
    let mut problems = Vec::new();
    if let Some(db) = &db {
        for stored in &updated {
            if let Err(e) = store::put(db, stored).await {
                problems.push(Problem::skipped(&stored.item.name, e));
            }
        }
        if !removed.is_empty()
            && let Err(e) = store::delete(db, &removed).await
        {
            problems.push(Problem::skipped("imported documents", e));
        }
    }
    if !problems.is_empty() {
        idle(&shared, problems, Some("The change could not be kept.".to_owned()));
        return;
    }
    let items: Vec<Stored> = shared
        .borrow()
        .items
        .iter()
        .filter(|s| !removed.contains(&s.id))
        .map(|s| updated.iter().find(|u| u.id == s.id).cloned().unwrap_or_else(|| s.clone()))
        .collect();
    let summary = if removed.is_empty() {
        None
    } else {
        Some(format!("Removed {} document{}.", removed.len(), plural(removed.len())))
    };
    if items.is_empty() {
        let mut c = shared.borrow_mut();
        c.items.clear();
        c.corpus = None;
        c.summary = summary;
        c.status = Status::Idle;
        c.changed();
        return;
    }
    match run(&shared, items.clone(), Vec::new()).await {
        Some(Response::Built { bundle: bytes, problems, .. }) => {
            finish(&shared, items, bytes, problems, summary).await
        }
        _ => idle(&shared, Vec::new(), Some("The change stopped unexpectedly.".to_owned())),
    }
}

/// Shows the assembled corpus and caches it.
async fn finish(
    shared: &Shared,
    items: Vec<Stored>,
    bytes: Vec<u8>,
    mut problems: Vec<Problem>,
    summary: Option<String>,
) {
    let db = shared.borrow().db.clone();
    if let Some(db) = db
        && let Err(e) = store::put_corpus(&db, &build::stamp(EMBEDDED, &items), &bytes).await
    {
        problems.push(Problem::note(
            "imported documents",
            format!("the prepared corpus was not cached ({e}); the next visit prepares it again."),
        ));
    }
    let read = match bundle::decode_in_turns(bytes) {
        Ok(reading) => crate::browser::read_in_turns("parallax:decode-corpus", reading).await,
        Err(e) => Err(e),
    };
    match read {
        Ok(bundle) => {
            let corpus = corpus_of(bundle, &items);
            let mut c = shared.borrow_mut();
            c.items = items;
            c.corpus = Some(corpus);
            drop(c);
            idle(shared, problems, summary);
        }
        Err(e) => idle(shared, problems, Some(format!("The imported documents could not be shown: {e}."))),
    }
}

fn idle(shared: &Shared, problems: Vec<Problem>, summary: Option<String>) {
    let mut c = shared.borrow_mut();
    c.report.extend(problems);
    if summary.is_some() {
        c.summary = summary;
    }
    c.status = Status::Idle;
    c.changed();
}

fn corpus_of(bundle: bundle::Bundle, items: &[Stored]) -> Rc<Corpus> {
    let ids: HashSet<String> = items.iter().map(|s| s.id.clone()).collect();
    Rc::new(Corpus::with_imported(bundle, ids))
}

/// A file's bytes.
async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let promise = file.array_buffer();
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| format!("cannot be read ({}); not imported.", describe(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| d.message())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
