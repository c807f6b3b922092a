//! The import worker: runs [`Builder`] off the page's thread, one item at a time, reporting progress and
//! stopping between items when asked to.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use parallax_core::bundle;
use parallax_core::import::{Problem, Source};
use serde::{Deserialize, Serialize};

use super::build::{Builder, Stored};

/// What the page asks.
#[derive(Debug, Serialize, Deserialize)]
pub enum Request {
    /// Expand `sources` into new items (apart from `items`), process every item not processed yet, and
    /// assemble the corpus of the built-in documents, `items` and the new ones.
    Build { job: u32, items: Vec<Stored>, sources: Vec<Source>, now: f64 },
    /// Stop job `job` after the item in hand; nothing of it is kept.
    Cancel { job: u32 },
}

/// What the worker answers.
#[derive(Debug, Serialize, Deserialize)]
pub enum Response {
    /// `done` of `total` items processed; `name` is the one in hand.
    Progress { job: u32, done: u32, total: u32, name: String },
    /// The job's new items (refused ones left out), what could not be used, and the encoded corpus.
    Built {
        job: u32,
        added: Vec<Stored>,
        problems: Vec<Problem>,
        #[serde(with = "serde_bytes")]
        bundle: Vec<u8>,
    },
    /// The job stopped when asked to.
    Cancelled { job: u32 },
}

/// The worker's state: the builder (documents processed so far) and the job to cancel.
#[derive(Debug)]
pub struct ImportWorker {
    builder: Rc<RefCell<Builder>>,
    cancelled: Rc<Cell<u32>>,
}

impl Worker for ImportWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        let builtin = crate::corpus::embedded_bundle()
            .map(|b| std::sync::Arc::unwrap_or_clone(b.documents))
            .unwrap_or_default();
        Self { builder: Rc::new(RefCell::new(Builder::new(builtin))), cancelled: Rc::new(Cell::new(0)) }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        match msg {
            Request::Cancel { job } => self.cancelled.set(job),
            Request::Build { job, items, sources, now } => {
                let scope = scope.clone();
                let builder = self.builder.clone();
                let cancelled = self.cancelled.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let response =
                        build(&builder, &cancelled, job, items, &sources, now, |done, total, name| {
                            scope.respond(id, Response::Progress { job, done, total, name: name.to_owned() });
                        })
                        .await;
                    scope.respond(id, response);
                });
            }
        }
    }
}

async fn build(
    builder: &RefCell<Builder>,
    cancelled: &Cell<u32>,
    job: u32,
    items: Vec<Stored>,
    sources: &[Source],
    now: f64,
    progress: impl Fn(u32, u32, &str),
) -> Response {
    let (added, mut problems) = builder.borrow().expand(&items, sources, now);
    let todo: Vec<&Stored> = items.iter().chain(added.iter()).filter(|s| builder.borrow().needs(s)).collect();
    let total = todo.len() as u32;
    let mut refused: Vec<String> = Vec::new();
    for (done, stored) in todo.iter().enumerate() {
        progress(done as u32, total, &stored.item.name);
        // Let the Cancel message in between items.
        gloo_timers::future::TimeoutFuture::new(0).await;
        if cancelled.get() == job {
            return Response::Cancelled { job };
        }
        if let Err(problem) = builder.borrow_mut().process(stored) {
            problems.push(problem);
            refused.push(stored.id.clone());
        }
    }
    progress(total, total, "");
    let added: Vec<Stored> = added.into_iter().filter(|s| !refused.contains(&s.id)).collect();
    let all: Vec<Stored> = items.into_iter().chain(added.iter().cloned()).collect();
    let bundle = bundle::encode(&builder.borrow_mut().assemble(&all));
    Response::Built { job, added, problems, bundle }
}
