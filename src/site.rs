//! A corpus built by `parallax build`: its catalog is fetched when the app starts, and everything else
//! (search index chunks, document texts, whole documents, the corpus tables, an event's part of the
//! framing) when a view needs it, each
//! file once. The layout is `parallax_core::site`'s; the page's `<meta name="parallax-data">` names the
//! folder.
//!
//! Arrivals are kept here and handed to the corpus by [`Site::take_arrivals`]. The provider's `notify` is
//! called outside any borrow, once for the files that came together (in a task of its own; for a
//! search's index chunk, at the end of the task it came in). A card's text (for its snippets) is not
//! announced to the whole app: only the cards waiting for it draw again ([`Site::watch_text`]), so that
//! twenty texts arriving do not redraw the Library's facets twenty times.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

use parallax_core::Document;
use parallax_core::events::Events;
use parallax_core::explore::{CoList, Scope};
use parallax_core::framing::{EventPart, Framing};
use parallax_core::language::canonical::Canonical;
use parallax_core::search::chunked::{Chunk, Head};
use parallax_core::site::{self, Catalog, CoChunk, EntityTables, Excerpt, Table};

/// Card texts on their way at once: a browser opens six connections to a host over HTTP/1.1, and a
/// search's index chunk must not wait behind the texts of the search before.
const TEXT_FETCHES: usize = 6;

/// The folder the page's meta element names, when this is a built site.
pub fn data_folder() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector(r#"meta[name="parallax-data"]"#).ok()??;
    let folder = meta.get_attribute("content")?;
    let folder = folder.trim();
    (!folder.is_empty()).then(|| if folder.ends_with('/') { folder.to_owned() } else { format!("{folder}/") })
}

/// Fetches and decodes one file of the site's data.
pub async fn fetch<T: serde::de::DeserializeOwned>(folder: &str, path: &str) -> Result<T, String> {
    let bytes = crate::browser::fetch_bytes(&format!("{folder}{path}")).await?;
    site::decode(&bytes).map_err(|e| format!("{folder}{path}: {e}"))
}

/// Fetches the catalog (in a worker: [`crate::browser::fetch_bytes_apart`]) and reads it in turns
/// ([`crate::browser::read_in_turns`]): at a hundred thousand documents, read at once, it would hold the
/// page's thread for most of a second.
pub async fn fetch_catalog(folder: &str) -> Result<Catalog, String> {
    let path = site::CATALOG;
    let bytes = crate::browser::fetch_bytes_apart(&format!("{folder}{path}")).await?;
    let read = match site::catalog_in_turns(bytes) {
        Ok(reading) => crate::browser::read_in_turns("parallax:read-catalog", reading).await,
        Err(e) => Err(e),
    };
    read.map_err(|e| format!("{folder}{path}: {e}"))
}

/// Called when something has come.
pub type Notify = Rc<dyn Fn()>;

/// A file that took longer than this (in ms) to read is drawn in a task of its own, even when a search
/// waits for it: at a hundred thousand documents an index chunk read and drawn in one task made tasks over
/// 50 ms.
const READ_ALONE_MS: f64 = 8.0;

/// When the views draw what came: in a task of their own (whatever else has come by then is drawn with it),
/// or at the end of the task it came in.
#[derive(Debug, Clone, Copy)]
enum Redraw {
    Soon,
    Now,
}

/// What has come and not yet been taken into the corpus.
#[derive(Debug, Default)]
pub struct Arrivals {
    pub canonical: Option<Canonical>,
    pub events: Option<Events>,
    pub framing: Option<Framing>,
    pub documents: Vec<(u32, Document)>,
}

impl Arrivals {
    pub fn is_empty(&self) -> bool {
        self.canonical.is_none()
            && self.events.is_none()
            && self.framing.is_none()
            && self.documents.is_empty()
    }
}

pub struct Site {
    folder: String,
    /// The search index's head, from the catalog.
    pub head: Head,
    documents: usize,
    chunks: RefCell<HashMap<usize, Rc<Chunk>>>,
    texts: RefCell<HashMap<u32, Rc<Document>>>,
    /// Texts asked for and not yet sent, and how many are on their way.
    text_queue: RefCell<VecDeque<(u32, Document)>>,
    texts_in_flight: Cell<usize>,
    /// What to call when a document's text comes (the cards waiting for it).
    text_watchers: RefCell<HashMap<u32, Vec<Notify>>>,
    /// Called once when the next index chunk comes, before the views draw again.
    chunk_watchers: RefCell<Vec<Notify>>,
    /// Those of a chunk that has come, called as the views' next draw begins: in the task the chunk came
    /// in, or in one of their own when reading it took long.
    chunk_watchers_due: Rc<RefCell<Vec<Notify>>>,
    pending: RefCell<HashSet<String>>,
    arrivals: RefCell<Arrivals>,
    /// The Entities view's tables, and the co-occurrence files that have come.
    entity_tables: RefCell<Option<Rc<EntityTables>>>,
    co: RefCell<HashMap<usize, Rc<CoChunk>>>,
    /// The events' parts of the framing that have come, by event.
    event_parts: RefCell<HashMap<u32, Rc<EventPart>>>,
    /// Whole documents fetched or asked for, and how many are on their way.
    whole: RefCell<HashSet<u32>>,
    documents_in_flight: Cell<usize>,
    index_chunks: Cell<u32>,
    failures: RefCell<Vec<String>>,
    /// Why each file that could not be had was not.
    failed_paths: RefCell<HashMap<String, String>>,
    notify: RefCell<Option<Notify>>,
    /// Set while a redraw for what came is waiting for its task.
    scheduled: Rc<Cell<bool>>,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site").field("folder", &self.folder).field("documents", &self.documents).finish()
    }
}

impl Site {
    pub fn new(folder: String, catalog: &mut Catalog) -> Rc<Self> {
        Rc::new(Self {
            folder,
            head: std::mem::take(&mut catalog.search),
            documents: catalog.documents.len(),
            chunks: RefCell::default(),
            texts: RefCell::default(),
            text_queue: RefCell::default(),
            texts_in_flight: Cell::new(0),
            text_watchers: RefCell::default(),
            chunk_watchers: RefCell::default(),
            chunk_watchers_due: Rc::default(),
            pending: RefCell::default(),
            arrivals: RefCell::default(),
            entity_tables: RefCell::default(),
            co: RefCell::default(),
            event_parts: RefCell::default(),
            whole: RefCell::default(),
            documents_in_flight: Cell::new(0),
            index_chunks: Cell::new(0),
            failures: RefCell::default(),
            failed_paths: RefCell::default(),
            notify: RefCell::default(),
            scheduled: Rc::default(),
        })
    }

    /// What to call when something has come.
    pub fn on_arrival(&self, notify: Notify) {
        *self.notify.borrow_mut() = Some(notify);
    }

    /// Something came: the views draw again once, whatever else has come by then. In a task of their own,
    /// or when a search waits for what came (`Redraw::Now`: an index chunk), at the end of the task it
    /// came in: a timer's task waits behind whatever the page has queued, and the search's cards' texts
    /// are asked for only once it has drawn.
    fn arrived(&self, redraw: Redraw) {
        let Some(notify) = self.notify.borrow().clone() else { return };
        if self.scheduled.replace(true) {
            return;
        }
        let scheduled = self.scheduled.clone();
        let due = self.chunk_watchers_due.clone();
        let draw = move || {
            scheduled.set(false);
            let waiting: Vec<Notify> = due.borrow_mut().drain(..).collect();
            for watcher in waiting {
                watcher();
            }
            notify();
        };
        match redraw {
            Redraw::Now => yew::platform::spawn_local(async move { draw() }),
            Redraw::Soon => crate::browser::soon(draw),
        }
    }

    fn failed(&self, message: String) {
        self.failures.borrow_mut().push(message);
        self.arrived(Redraw::Soon);
    }

    /// Files that could not be had, in words.
    pub fn failures(&self) -> Vec<String> {
        self.failures.borrow().clone()
    }

    /// Whether every index chunk a search for `q` needs has come.
    pub fn has_index_for(&self, q: &str) -> bool {
        let query = parallax_core::search::parse(q);
        self.head.needed(&query).iter().all(|c| self.chunks.borrow().contains_key(c))
    }

    /// How many index chunks have come.
    pub fn index_generation(&self) -> u32 {
        self.index_chunks.get()
    }

    /// Starts fetching `path` unless it is here or on its way; `keep` stores what came, and the views draw
    /// again; a file that cannot be had is named to the whole app.
    fn get<T: serde::de::DeserializeOwned + 'static>(
        self: &Rc<Self>,
        path: String,
        redraw: Redraw,
        keep: impl FnOnce(&Site, T) + 'static,
    ) {
        if !self.pending.borrow_mut().insert(path.clone()) {
            return;
        }
        self.fetch_then(path.clone(), move |site, fetched, took| {
            let redraw = if took > READ_ALONE_MS { Redraw::Soon } else { redraw };
            site.settle(path, fetched, redraw, keep);
        });
    }

    /// Keeps what came (`keep`) and draws the views again, or names the file that could not be had to the
    /// whole app.
    fn settle<T>(&self, path: String, read: Result<T, String>, redraw: Redraw, keep: impl FnOnce(&Site, T)) {
        match read {
            Ok(value) => {
                keep(self, value);
                self.arrived(redraw);
            }
            Err(e) => {
                self.failed_paths.borrow_mut().insert(path, e.clone());
                self.failed(e);
            }
        }
    }

    /// Fetches and decodes `path`, then hands the outcome to `then`, with how long the decoding took (ms).
    /// The request goes out at once: a search's cards' texts are asked for while the Library is drawn,
    /// and leave before the rest of it is.
    fn fetch_then<T: serde::de::DeserializeOwned + 'static>(
        self: &Rc<Self>,
        path: String,
        then: impl FnOnce(&Rc<Site>, Result<T, String>, f64) + 'static,
    ) {
        let site = self.clone();
        let url = format!("{}{path}", self.folder);
        let fetching = crate::browser::fetch_bytes(&url);
        yew::platform::spawn_local(async move {
            let bytes = fetching.await;
            let started = js_sys::Date::now();
            let read = bytes.and_then(|b| site::decode::<T>(&b).map_err(|e| format!("{url}: {e}")));
            then(&site, read, js_sys::Date::now() - started);
        });
    }

    /// The index chunk, if it has come.
    pub fn chunk(&self, n: usize) -> Option<Rc<Chunk>> {
        self.chunks.borrow().get(&n).cloned()
    }

    /// Asks for the index chunks not yet here; true when all of them are.
    pub fn request_chunks(self: &Rc<Self>, chunks: &[usize]) -> bool {
        let mut all = true;
        for &n in chunks {
            if self.chunks.borrow().contains_key(&n) {
                continue;
            }
            all = false;
            self.get(site::index_path(n), Redraw::Now, move |site, chunk: Chunk| {
                site.chunks.borrow_mut().insert(n, Rc::new(chunk));
                site.index_chunks.set(site.index_chunks.get() + 1);
                let waiting: Vec<Notify> = site.chunk_watchers.borrow_mut().drain(..).collect();
                site.chunk_watchers_due.borrow_mut().extend(waiting);
            });
        }
        all
    }

    /// Asks for the index chunks a search for `q` needs, from the handler of the keystroke, before the
    /// Library draws the search as under way; the texts asked for the last search's cards and not yet sent
    /// are dropped.
    pub fn ask_for_search(self: &Rc<Self>, q: &str) {
        let query = parallax_core::search::parse(q);
        if query.include.is_empty() && query.exclude.is_empty() {
            return;
        }
        self.drop_queued_texts();
        self.request_chunks(&self.head.needed(&query));
    }

    /// The document's card with its text and sections, for snippets; asked for if not here.
    ///
    /// Texts are fetched a few at a time, in the order asked (the first screenful of cards first), so that
    /// they leave the browser's connections to the host free for a search's index chunk; those not yet
    /// sent when the search changes are dropped ([`Site::drop_queued_texts`]).
    pub fn text(self: &Rc<Self>, document: u32, card: &Document) -> Option<Rc<Document>> {
        if let Some(doc) = self.texts.borrow().get(&document) {
            return Some(doc.clone());
        }
        if self.pending.borrow_mut().insert(site::text_path(document as usize)) {
            self.text_queue.borrow_mut().push_back((document, card.clone()));
            self.send_texts();
        }
        None
    }

    /// The document's card with its text, if it has come (without asking for it).
    pub fn text_here(&self, document: u32) -> Option<Rc<Document>> {
        self.texts.borrow().get(&document).cloned()
    }

    /// Sends queued text requests while fewer than [`TEXT_FETCHES`] are on their way.
    fn send_texts(self: &Rc<Self>) {
        while self.texts_in_flight.get() < TEXT_FETCHES {
            let Some((document, card)) = self.text_queue.borrow_mut().pop_front() else { return };
            self.texts_in_flight.set(self.texts_in_flight.get() + 1);
            self.fetch_then(
                site::text_path(document as usize),
                move |site, fetched: Result<Excerpt, String>, _| {
                    site.texts_in_flight.set(site.texts_in_flight.get() - 1);
                    match fetched {
                        Ok(excerpt) => {
                            site.texts.borrow_mut().insert(document, Rc::new(excerpt.on(&card)));
                            let waiting =
                                site.text_watchers.borrow_mut().remove(&document).unwrap_or_default();
                            for notify in waiting {
                                notify();
                            }
                        }
                        Err(e) => {
                            let path = site::text_path(document as usize);
                            site.failed_paths.borrow_mut().insert(path, e.clone());
                            site.failed(e);
                        }
                    }
                    site.send_texts();
                },
            );
        }
    }

    /// Forgets the texts asked for and not yet sent (a new search needs others); they are asked for
    /// again if a card still wants them.
    pub fn drop_queued_texts(&self) {
        let dropped: Vec<(u32, Document)> = self.text_queue.borrow_mut().drain(..).collect();
        let mut pending = self.pending.borrow_mut();
        for (document, _) in dropped {
            pending.remove(&site::text_path(document as usize));
        }
    }

    /// Whether the document's text could not be had.
    pub fn text_failed(&self, document: u32) -> bool {
        self.failed_paths.borrow().contains_key(&site::text_path(document as usize))
    }

    /// Calls `notify` once, when the next index chunk has come (before the views draw again).
    pub fn watch_chunks(&self, notify: Notify) {
        self.chunk_watchers.borrow_mut().push(notify);
    }

    /// Calls `notify` once the document's text has come (not at all if it is here already).
    pub fn watch_text(&self, document: u32, notify: Notify) {
        if !self.texts.borrow().contains_key(&document) {
            self.text_watchers.borrow_mut().entry(document).or_default().push(notify);
        }
    }

    /// Asks for a whole document (the Reader's, and the documents of Compare's columns).
    ///
    /// Documents asked for together are taken in together, once the last of them has come: the corpus
    /// writes whole documents into a copy of its cards, and at a hundred thousand documents each copy is a
    /// long task (Compare asks for its columns' documents at once).
    pub fn request_document(self: &Rc<Self>, document: u32) {
        if !self.whole.borrow_mut().insert(document) {
            return;
        }
        let path = site::document_path(document as usize);
        self.pending.borrow_mut().insert(path.clone());
        self.documents_in_flight.set(self.documents_in_flight.get() + 1);
        self.fetch_then(path.clone(), move |site, fetched: Result<Document, String>, _| {
            site.documents_in_flight.set(site.documents_in_flight.get().saturating_sub(1));
            match fetched {
                Ok(doc) => {
                    site.arrivals.borrow_mut().documents.push((document, doc));
                    if site.documents_in_flight.get() == 0 {
                        site.arrived(Redraw::Soon);
                    }
                }
                Err(e) => {
                    site.failed_paths.borrow_mut().insert(path, e.clone());
                    site.failed(e);
                }
            }
        });
    }

    /// Asks for corpus tables (each is fetched once, however often it is asked for). Each is read in turns
    /// ([`crate::browser::read_in_turns`]): at a hundred thousand documents the framing table is 150 MB,
    /// and read at once it held the page's thread for seconds.
    pub fn request_tables(self: &Rc<Self>, tables: &[Table]) {
        for &table in tables {
            let path = table.path().to_owned();
            match table {
                Table::Canonical => self
                    .get_in_turns(path, |site, t: Canonical| site.arrivals.borrow_mut().canonical = Some(t)),
                Table::Events => {
                    self.get_in_turns(path, |site, t: Events| site.arrivals.borrow_mut().events = Some(t))
                }
                Table::Framing => {
                    self.get_in_turns(path, |site, t: Framing| site.arrivals.borrow_mut().framing = Some(t))
                }
            }
        }
    }

    /// As [`Site::get`], for a corpus table read in turns.
    fn get_in_turns<T: parallax_core::turns::ReadInTurns + 'static>(
        self: &Rc<Self>,
        path: String,
        keep: impl FnOnce(&Site, T) + 'static,
    ) {
        if !self.pending.borrow_mut().insert(path.clone()) {
            return;
        }
        let site = self.clone();
        let url = format!("{}{path}", self.folder);
        yew::platform::spawn_local(async move {
            let read = match crate::browser::fetch_bytes_apart(&url).await {
                Ok(bytes) => match site::table_in_turns::<T>(bytes) {
                    Ok(reading) => crate::browser::read_in_turns(&format!("parallax:read-{path}"), reading)
                        .await
                        .map_err(|e| format!("{url}: {e}")),
                    Err(e) => Err(format!("{url}: {e}")),
                },
                Err(e) => Err(e),
            };
            site.settle(path, read, Redraw::Soon, keep);
        });
    }

    /// The Entities view's counts, asked for if not here.
    pub fn entity_tables(self: &Rc<Self>) -> Option<Rc<EntityTables>> {
        if let Some(tables) = self.entity_tables.borrow().clone() {
            return Some(tables);
        }
        self.get(site::ENTITIES.to_owned(), Redraw::Soon, |site, tables: EntityTables| {
            *site.entity_tables.borrow_mut() = Some(Rc::new(tables));
        });
        None
    }

    /// Why the first of `tables` that could not be had was not, if one could not.
    pub fn table_failure(&self, tables: &[Table]) -> Option<String> {
        let failed = self.failed_paths.borrow();
        tables.iter().find_map(|t| failed.get(t.path()).cloned())
    }

    /// Why the file of who is named with `entity` could not be had, if it could not.
    pub fn co_failure(&self, entity: u32) -> Option<String> {
        self.failed_paths.borrow().get(&site::co_path(site::co_place(entity).0)).cloned()
    }

    /// Who is named with `entity` (an index into the corpus entities), asked for if not here.
    pub fn co_list(self: &Rc<Self>, entity: u32, scope: Scope) -> Option<CoList> {
        let (chunk, i) = site::co_place(entity);
        if let Some(co) = self.co.borrow().get(&chunk) {
            return Some(co.list(i, scope).cloned().unwrap_or_default());
        }
        self.get(site::co_path(chunk), Redraw::Soon, move |site, co: CoChunk| {
            site.co.borrow_mut().insert(chunk, Rc::new(co));
        });
        None
    }

    /// Event `event`'s part of the framing (how each document that reports it framed it, and its omission
    /// matrix), asked for if not here: Compare fetches the part of the event it compares, not the whole
    /// framing (at a hundred thousand documents, most of 150 MB).
    pub fn event_part(self: &Rc<Self>, event: u32) -> Option<Rc<EventPart>> {
        if let Some(part) = self.event_parts.borrow().get(&event) {
            return Some(part.clone());
        }
        self.get_in_turns(site::event_part_path(event as usize), move |site, part: EventPart| {
            site.event_parts.borrow_mut().insert(event, Rc::new(part));
        });
        None
    }

    /// The parts of `events`, once all are here; those not here are asked for.
    pub fn event_parts(self: &Rc<Self>, events: &[u32]) -> Option<Vec<Rc<EventPart>>> {
        let parts: Vec<Option<Rc<EventPart>>> = events.iter().map(|&e| self.event_part(e)).collect();
        parts.into_iter().collect()
    }

    /// Why the first of the parts of `events` that could not be had was not, if one could not.
    pub fn event_part_failure(&self, events: &[u32]) -> Option<String> {
        let failed = self.failed_paths.borrow();
        events.iter().find_map(|&e| failed.get(&site::event_part_path(e as usize)).cloned())
    }

    /// What has come for the corpus to take in: the tables, and whole documents.
    pub fn take_arrivals(&self) -> Arrivals {
        std::mem::take(&mut *self.arrivals.borrow_mut())
    }
}
