//! What the import worker does, as plain functions of plain data (so tests can run it on the page's
//! thread): new files expanded into stored items named apart from those already kept, each item processed
//! into a document once, and the corpus assembled from the built-in documents and the imported ones.

use std::collections::{HashMap, HashSet};

use parallax_core::Document;
use parallax_core::bundle::Bundle;
use parallax_core::import::{self, Item, Override, Problem, Source};
use parallax_core::ingest::id_from_name;
use serde::{Deserialize, Serialize};

/// An imported document as kept in IndexedDB: its id in the app (and in links), its item (name, bytes,
/// metadata), when it was imported (milliseconds since the epoch) and its place in that import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    pub id: String,
    pub item: Item,
    pub added: f64,
    pub seq: u32,
}

/// The documents of items, processed once each and kept while their name and metadata stay the same.
#[derive(Debug, Default)]
pub struct Builder {
    builtin: Vec<Document>,
    processed: HashMap<String, (String, Override, Document)>,
}

impl Builder {
    /// A builder over the built-in documents.
    pub fn new(builtin: Vec<Document>) -> Self {
        Self { builtin, processed: HashMap::new() }
    }

    /// New files as stored items: ids and names apart from the built-in documents' and `kept`'s, and a
    /// file already kept (same name, bytes and metadata) not again.
    pub fn expand(&self, kept: &[Stored], sources: &[Source], now: f64) -> (Vec<Stored>, Vec<Problem>) {
        let expanded = import::expand(sources);
        let mut problems = expanded.problems;
        let mut ids: HashSet<String> =
            self.builtin.iter().map(|d| d.id.clone()).chain(kept.iter().map(|s| s.id.clone())).collect();
        let mut names: HashSet<String> = kept.iter().map(|s| s.item.name.clone()).collect();
        let mut added: Vec<Stored> = Vec::new();
        for mut item in expanded.items {
            if kept.iter().chain(added.iter()).any(|s| s.item == item) {
                problems.push(Problem {
                    file: item.name.clone(),
                    severity: parallax_core::Severity::Info,
                    message: "is already imported; it was not added again.".to_owned(),
                });
                continue;
            }
            let id = unique(&id_from_name(&item.name), &ids, |base, n| format!("{base}-{n}"));
            item.name = unique(&item.name, &names, name_variant);
            names.insert(item.name.clone());
            ids.insert(id.clone());
            let seq = added.len() as u32;
            added.push(Stored { id, item, added: now, seq });
        }
        (added, problems)
    }

    /// True when `stored`'s document must be (re)processed.
    pub fn needs(&self, stored: &Stored) -> bool {
        match self.processed.get(&stored.id) {
            Some((name, over, _)) => *name != stored.item.name || *over != stored.item.over,
            None => true,
        }
    }

    /// Processes one item (a refused one, empty or binary, gives its problem).
    pub fn process(&mut self, stored: &Stored) -> Result<(), Problem> {
        let mut doc = import::process(&stored.item)?;
        doc.id.clone_from(&stored.id);
        self.processed.insert(stored.id.clone(), (stored.item.name.clone(), stored.item.over.clone(), doc));
        Ok(())
    }

    /// The corpus: the built-in documents, then those of `items` (in their order) that were processed.
    pub fn assemble(&mut self, items: &[Stored]) -> Bundle {
        let keep: HashSet<&str> = items.iter().map(|s| s.id.as_str()).collect();
        self.processed.retain(|id, _| keep.contains(id.as_str()));
        let mut documents = self.builtin.clone();
        documents.extend(items.iter().filter_map(|s| self.processed.get(&s.id).map(|(_, _, d)| d.clone())));
        Bundle::new(documents)
    }
}

/// `base` if free, else the first free variant of it.
fn unique(base: &str, taken: &HashSet<String>, variant: impl Fn(&str, usize) -> String) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..).map(|n| variant(base, n)).find(|v| !taken.contains(v)).unwrap_or_else(|| base.to_owned())
}

/// `story (2).html` for `story.html`.
fn name_variant(name: &str, n: usize) -> String {
    let split = name.rfind('.').filter(|&i| i > 0 && !name[i..].contains('/'));
    match split {
        Some(i) => format!("{} ({n}){}", &name[..i], &name[i..]),
        None => format!("{name} ({n})"),
    }
}

/// A fingerprint of what an assembled corpus was made from (the bundle format, the built-in corpus and
/// every item's name and metadata): a cached corpus with another one is out of date.
pub fn stamp(builtin: &[u8], items: &[Stored]) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    parallax_core::bundle::FORMAT_VERSION.hash(&mut h);
    builtin.hash(&mut h);
    for s in items {
        s.id.hash(&mut h);
        s.item.name.hash(&mut h);
        s.item.bytes.len().hash(&mut h);
        postcard::to_allocvec(&s.item.over).unwrap_or_default().hash(&mut h);
    }
    format!("{:016x}", h.finish())
}
