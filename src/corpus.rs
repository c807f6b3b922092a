//! The built-in corpus, embedded at build time, and the context that shares it.

use std::rc::Rc;

use parallax_core::Document;
use parallax_core::bundle::{self, Bundle};
use yew::prelude::*;

/// The bundle `build.rs` wrote from `corpus/`.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bundle"));

/// The corpus as components see it: the documents, or why they could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    pub bundle: Rc<Bundle>,
    /// Set when the embedded bundle could not be read; the app shows it instead of a blank page.
    pub error: Option<String>,
}

impl Corpus {
    /// Decodes the embedded bundle.
    pub fn embedded() -> Self {
        match bundle::decode(EMBEDDED) {
            Ok(bundle) => Self { bundle: Rc::new(bundle), error: None },
            Err(e) => Self { bundle: Rc::new(Bundle::default()), error: Some(e.to_string()) },
        }
    }

    pub fn documents(&self) -> &[Document] {
        &self.bundle.documents
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.bundle.documents.iter().find(|d| d.id == id)
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct CorpusProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Decodes the embedded corpus once and provides it to everything below.
#[component]
pub fn CorpusProvider(props: &CorpusProviderProps) -> Html {
    let corpus = use_memo((), |_| Corpus::embedded());
    html! {
        <ContextProvider<Rc<Corpus>> context={corpus}>
            { props.children.clone() }
        </ContextProvider<Rc<Corpus>>>
    }
}

/// The corpus, from the nearest [`CorpusProvider`].
#[hook]
pub fn use_corpus() -> Rc<Corpus> {
    use_context::<Rc<Corpus>>().unwrap_or_else(|| Rc::new(Corpus::embedded()))
}
