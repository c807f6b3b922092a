//! The built-in corpus, embedded at build time, and the context that shares it.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::rc::Rc;

use parallax_core::Document;
use parallax_core::bundle::{self, Bundle};
use parallax_core::search::{FacetData, Index};
use parallax_core::site::{Catalog, Table};
use yew::prelude::*;

use crate::site::Site;

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
    /// A built site's data, fetched in parts (`None` for the embedded corpus).
    pub site: Option<Rc<Site>>,
    /// True until a built site's catalog has come.
    pub loading: bool,
    /// On a built site: the documents that are whole (not cards), and the tables that have come.
    whole: Rc<HashSet<u32>>,
    tables: Rc<HashSet<Table>>,
    /// Bumped whenever something of a built site comes, so that the views draw again.
    generation: u32,
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && self.error == other.error
            && self.generation == other.generation
            && self.loading == other.loading
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
            site: None,
            loading: false,
            whole: Rc::default(),
            tables: Rc::new(Table::ALL.into_iter().collect()),
            generation: 0,
        }
    }

    /// A built site's corpus before its catalog has come.
    pub fn loading() -> Self {
        Self { loading: true, ..Self::from_bundle(Bundle::default(), None) }
    }

    /// A built site's corpus that could not be had.
    pub fn failed(error: String) -> Self {
        Self::from_bundle(Bundle::default(), Some(error))
    }

    /// A built site's corpus from its catalog: every document as a card, the facet tables and word
    /// counts as built; the rest comes when asked for.
    pub fn from_catalog(mut catalog: Catalog, site: Rc<Site>) -> Self {
        let facets = OnceCell::new();
        let _ = facets.set(std::mem::take(&mut catalog.facets));
        let words = OnceCell::new();
        let _ = words.set(std::mem::take(&mut catalog.words));
        let bundle = Bundle { documents: std::sync::Arc::new(catalog.documents), ..Bundle::default() };
        Self {
            facets: Rc::new(facets),
            words: Rc::new(words),
            site: Some(site),
            tables: Rc::default(),
            ..Self::from_bundle(bundle, None)
        }
    }

    /// This corpus with what has come of its site since: the tables, whole documents in place of their
    /// cards. Draws again in any case (a search chunk or a text may have come).
    pub fn absorb(&self) -> Self {
        let mut next = self.clone();
        next.generation = self.generation.wrapping_add(1);
        let Some(site) = &self.site else { return next };
        let arrivals = site.take_arrivals();
        if arrivals.is_empty() {
            return next;
        }
        let mut bundle = (*self.bundle).clone();
        let mut tables = (*self.tables).clone();
        if let Some(canonical) = arrivals.canonical {
            bundle.canonical = std::sync::Arc::new(canonical);
            tables.insert(Table::Canonical);
        }
        if let Some(events) = arrivals.events {
            bundle.events = std::sync::Arc::new(events);
            tables.insert(Table::Events);
        }
        if let Some(framing) = arrivals.framing {
            bundle.framing = std::sync::Arc::new(framing);
            tables.insert(Table::Framing);
        }
        next.tables = Rc::new(tables);
        let mut whole = (*self.whole).clone();
        // The cards are shared with the corpus before (a table that comes does not copy them); whole
        // documents are written into a copy of them.
        for (d, doc) in arrivals.documents {
            if let Some(slot) = std::sync::Arc::make_mut(&mut bundle.documents).get_mut(d as usize)
                && slot.id == doc.id
            {
                *slot = doc;
                whole.insert(d);
            }
        }
        next.bundle = Rc::new(bundle);
        next.whole = Rc::new(whole);
        // The full-text index is built from whole documents; a site searches by its chunks instead.
        next.index = Rc::default();
        next
    }

    /// Whether the document is here whole (always, but on a built site before it has been fetched).
    pub fn is_whole(&self, document: u32) -> bool {
        self.site.is_none() || self.whole.contains(&document)
    }

    /// Whether these corpus tables are here (always, for a corpus that is not a built site's).
    pub fn has_tables(&self, tables: &[Table]) -> bool {
        tables.iter().all(|t| self.tables.contains(t))
    }

    /// The document's number in the corpus.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.by_id().get(id).and_then(|&i| u32::try_from(i).ok())
    }

    fn by_id(&self) -> &std::collections::HashMap<String, usize> {
        self.by_id.get_or_init(|| {
            self.bundle.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect()
        })
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
        self.by_id().get(id).and_then(|&i| self.bundle.documents.get(i))
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

/// Decodes the embedded corpus once (unless given another), or on a built site fetches its catalog and
/// then what the views ask for, and provides the corpus to everything below.
#[component]
pub fn CorpusProvider(props: &CorpusProviderProps) -> Html {
    let given = props.corpus.clone();
    let state = use_mut_ref(move || {
        given.unwrap_or_else(|| {
            Rc::new(if crate::site::data_folder().is_some() { Corpus::loading() } else { Corpus::embedded() })
        })
    });
    let force = use_force_update();
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(folder) = crate::site::data_folder()
                && state.borrow().loading
            {
                yew::platform::spawn_local(async move {
                    let fetched = crate::site::fetch_catalog(&folder).await;
                    let corpus = match fetched {
                        Ok(mut catalog) => {
                            let site = Site::new(folder, &mut catalog);
                            let (state, force) = (state.clone(), force.clone());
                            site.on_arrival(Rc::new(move || {
                                let next = state.borrow().absorb();
                                *state.borrow_mut() = Rc::new(next);
                                force.force_update();
                            }));
                            Corpus::from_catalog(catalog, site)
                        }
                        Err(e) => Corpus::failed(e),
                    };
                    *state.borrow_mut() = Rc::new(corpus);
                    force.force_update();
                });
            }
        });
    }
    let corpus = state.borrow().clone();
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
