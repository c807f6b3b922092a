//! The built-in corpus, embedded at build time, and the context that shares it.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::rc::Rc;

use parallax_core::Document;
use parallax_core::bundle::{self, Bundle};
use parallax_core::search::{FacetData, Index};
use yew::prelude::*;

/// The bundle `build.rs` wrote from `corpus/`.
pub static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bundle"));

/// The built-in corpus.
pub fn embedded_bundle() -> Result<Bundle, bundle::BundleError> {
    bundle::decode(EMBEDDED)
}

/// The corpus as components see it: the documents, or why they could not be loaded, and the search
/// index and facet tables, each built once, when first needed (the index is not needed until a word
/// is searched for, so the Library is drawn without waiting for it).
#[derive(Debug, Clone)]
pub struct Corpus {
    pub bundle: Rc<Bundle>,
    /// Set when the embedded bundle could not be read; the app shows it instead of a blank page.
    pub error: Option<String>,
    /// The ids of the documents a person imported (the others are built in).
    pub imported: Rc<HashSet<String>>,
    index: Rc<OnceCell<Index>>,
    facets: Rc<OnceCell<FacetData>>,
    words: Rc<OnceCell<Vec<u32>>>,
    by_id: Rc<OnceCell<std::collections::HashMap<String, usize>>>,
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle) && self.error == other.error
    }
}

impl Corpus {
    /// Decodes the embedded bundle.
    pub fn embedded() -> Self {
        match embedded_bundle() {
            Ok(bundle) => Self::from_bundle(bundle, None),
            Err(e) => Self::from_bundle(Bundle::default(), Some(e.to_string())),
        }
    }

    /// A corpus of documents processed elsewhere (an import, a generated corpus), shown as the embedded
    /// one is.
    pub fn new(bundle: Bundle) -> Self {
        Self::from_bundle(bundle, None)
    }

    /// The built-in documents and imported ones (`imported` their ids).
    pub fn with_imported(bundle: Bundle, imported: HashSet<String>) -> Self {
        Self { imported: Rc::new(imported), ..Self::from_bundle(bundle, None) }
    }

    /// True when the document was imported.
    pub fn is_imported(&self, id: &str) -> bool {
        self.imported.contains(id)
    }

    fn from_bundle(bundle: Bundle, error: Option<String>) -> Self {
        Self {
            bundle: Rc::new(bundle),
            error,
            imported: Rc::default(),
            index: Rc::default(),
            facets: Rc::default(),
            words: Rc::default(),
            by_id: Rc::default(),
        }
    }

    /// The full-text index, built on first use.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.bundle.documents, &self.bundle.canonical))
    }

    /// The facet tables, built on first use.
    pub fn facets(&self) -> &FacetData {
        self.facets.get_or_init(|| {
            FacetData::new(&self.bundle.documents, &self.bundle.canonical, &self.bundle.events)
        })
    }

    /// Each document's body word count, counted once (the Library's cards show it on every render).
    pub fn word_count(&self, document: u32) -> u32 {
        let words =
            self.words.get_or_init(|| self.bundle.documents.iter().map(Document::body_word_count).collect());
        words.get(document as usize).copied().unwrap_or(0)
    }

    pub fn documents(&self) -> &[Document] {
        &self.bundle.documents
    }

    /// The document with this id (a table of ids, built on first use).
    pub fn document(&self, id: &str) -> Option<&Document> {
        let by_id = self.by_id.get_or_init(|| {
            self.bundle.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect()
        });
        by_id.get(id).and_then(|&i| self.bundle.documents.get(i))
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct CorpusProviderProps {
    #[prop_or_default]
    pub children: Html,
    /// The corpus to provide instead of the embedded one.
    #[prop_or_default]
    pub corpus: Option<Rc<Corpus>>,
}

/// Decodes the embedded corpus once (unless given another) and provides it to everything below.
#[component]
pub fn CorpusProvider(props: &CorpusProviderProps) -> Html {
    let given = props.corpus.clone();
    let corpus = use_memo((), move |_| given.map_or_else(Corpus::embedded, |c| (*c).clone()));
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
