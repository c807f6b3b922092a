//! Import in real headless Chromium: the builder that the worker runs (names and ids kept apart, a file
//! not imported twice, the corpus assembled with the built-in documents), the IndexedDB store, and the
//! Import page showing what a previous visit kept.
#![cfg(target_arch = "wasm32")]

use parallax::corpus::{EMBEDDED, embedded_bundle};
use parallax::import::build::{Builder, Stored, stamp};
use parallax::import::{ImportProvider, store};
use parallax::pages::import::Import;
use parallax_core::Severity;
use parallax_core::import::{Override, Source};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use yew::prelude::*;
use yew_router::history::{AnyHistory, MemoryHistory};
use yew_router::prelude::*;

mod common;

use common::{settle, texts};

wasm_bindgen_test_configure!(run_in_browser);

const STORM: &[u8] = b"Storm floods the harbour district\n\nBy Ines Moreau\n\nMARSEILLE - A storm flooded the harbour district on Tuesday, March 3, 2020, the mayor's office said.\n\n\"We have never seen water this high,\" said Deputy Mayor Paul Girard.\n";

fn builder() -> Builder {
    Builder::new(std::sync::Arc::unwrap_or_clone(embedded_bundle().expect("the built-in corpus").documents))
}

fn source(name: &str, bytes: &[u8]) -> Source {
    Source { name: name.to_owned(), bytes: bytes.to_vec() }
}

#[wasm_bindgen_test]
fn new_files_get_names_and_ids_of_their_own() {
    let builder = builder();
    let builtin = embedded_bundle().expect("the built-in corpus");
    let taken = format!("{}.txt", builtin.documents[0].id);
    let (first, problems) = builder.expand(&[], &[source("storm.txt", STORM), source(&taken, STORM)], 1.0);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(first[0].id, "storm");
    // A file named like a built-in document gets an id apart from it.
    assert_eq!(first[1].id, format!("{}-2", builtin.documents[0].id));
    // The same file again is not imported twice; another file of the same name is, under a new name.
    let (second, problems) = builder.expand(
        &first,
        &[source("storm.txt", STORM), source("storm.txt", b"Another storm\n\nIt rained.")],
        2.0,
    );
    assert_eq!(second.iter().map(|s| s.item.name.as_str()).collect::<Vec<_>>(), ["storm (2).txt"]);
    assert_eq!(second[0].item.name, "storm (2).txt");
    assert_eq!(second[0].id, "storm-2");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].severity, Severity::Info);
    assert!(problems[0].message.contains("already imported"));
}

#[wasm_bindgen_test]
fn the_corpus_holds_the_built_in_documents_and_the_imported_ones() {
    let mut builder = builder();
    let builtin = embedded_bundle().expect("the built-in corpus").documents.len();
    let (added, _) = builder.expand(&[], &[source("storm.txt", STORM), source("blank.txt", b"")], 1.0);
    assert!(builder.needs(&added[0]));
    builder.process(&added[0]).expect("an article");
    assert!(!builder.needs(&added[0]));
    let refused = builder.process(&added[1]).expect_err("an empty file is no document");
    assert_eq!(refused.file, "blank.txt");
    let bundle = builder.assemble(&added[..1]);
    assert_eq!(bundle.documents.len(), builtin + 1);
    let doc = bundle.documents.last().expect("the imported document");
    assert_eq!(doc.id, "storm");
    assert!(
        bundle.canonical.entities.iter().any(|e| e.name == "Paul Girard"),
        "entities linked across the corpus"
    );
    // Edited metadata makes the document be processed again, and is what it shows.
    let mut edited = added[0].clone();
    edited.item.over = Override { outlet: Some("Coast Courier".to_owned()), ..Override::default() };
    assert!(builder.needs(&edited));
    assert_ne!(stamp(EMBEDDED, &added[..1]), stamp(EMBEDDED, std::slice::from_ref(&edited)));
    builder.process(&edited).expect("an article");
    let bundle = builder.assemble(std::slice::from_ref(&edited));
    let doc = bundle.documents.last().expect("the imported document");
    assert_eq!(doc.meta.outlet.as_ref().map(|f| f.value.as_str()), Some("Coast Courier"));
}

#[derive(Properties, PartialEq)]
struct PageProps {
    history: AnyHistory,
}

#[component]
fn ImportPage(props: &PageProps) -> Html {
    html! {
        <parallax::CorpusProvider>
            <ImportProvider>
                <Router history={props.history.clone()}>
                    <Import />
                </Router>
            </ImportProvider>
        </parallax::CorpusProvider>
    }
}

/// Waits (a few seconds at most) until `selector` matches in `root`.
async fn wait_for(root: &web_sys::Element, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn kept_documents_are_stored_read_back_and_shown_on_the_import_page() {
    let _ = rexie::Rexie::delete("parallax").await;
    let db = store::open().await.expect("IndexedDB opens");
    let mut builder = builder();
    let (added, _) = builder.expand(
        &[],
        &[
            source("storm.txt", STORM),
            source(
                "notes/flood.txt",
                b"River floods farms\n\nThe river flooded farms near Lyon on Monday, officials said.",
            ),
        ],
        1.0,
    );
    for s in &added {
        builder.process(s).expect("an article");
        store::put(&db, s).await.expect("kept");
    }
    let (read, problems) = store::items(&db).await.expect("read back");
    assert!(problems.is_empty());
    assert_eq!(read, added);
    // The cached corpus is given only for the items it was made from.
    let bytes = parallax_core::bundle::encode(&builder.assemble(&added));
    let kept: &[Stored] = &added;
    store::put_corpus(&db, &stamp(EMBEDDED, kept), &bytes).await.expect("cached");
    assert_eq!(store::corpus(&db, &stamp(EMBEDDED, kept)).await.as_deref(), Some(bytes.as_slice()));
    assert_eq!(store::corpus(&db, &stamp(EMBEDDED, &added[..1])).await, None);

    // The Import page shows them from the cache, with their headlines.
    let root = gloo::utils::document().create_element("div").expect("a root");
    gloo::utils::body().append_child(&root).expect("attached");
    let history: AnyHistory = MemoryHistory::with_entries(vec!["/import"]).into();
    yew::Renderer::<ImportPage>::with_root_and_props(root.clone(), PageProps { history }).render();
    settle().await;
    wait_for(&root, ".imported-table tbody tr").await;
    let files = texts(&root, ".imported-table td.file");
    assert_eq!(files, ["storm.txt", "notes/flood.txt"]);
    let rows = texts(&root, ".imported-table tbody tr");
    assert!(rows[0].contains("Storm floods the harbour district"), "{rows:?}");
    assert_eq!(texts(&root, "h2#imported-title"), ["Imported documents (2)"]);
    let picker = root.query_selector("#import-files").ok().flatten().expect("a file picker");
    assert!(picker.get_attribute("accept").unwrap_or_default().contains(".jsonl"));
    assert!(root.query_selector("#import-folder[webkitdirectory]").ok().flatten().is_some());

    // Removed: gone from the store (the worker is not needed when nothing is left).
    store::delete(&db, &added.iter().map(|s| s.id.clone()).collect::<Vec<_>>()).await.expect("removed");
    assert!(store::items(&db).await.expect("read back").0.is_empty());
    root.remove();
}
