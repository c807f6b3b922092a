//! A corpus split into chunks for a static site, so that a view fetches only what it needs.
//!
//! `parallax build` writes these files under `data/` beside the app; the app reads
//! [`CATALOG`] first and the rest on demand, each at most once:
//!
//! | file | what | fetched when |
//! |---|---|---|
//! | `catalog.plx` | every document's card ([`shell`]: metadata, comment count, no text), body word counts, the facet tables, the search [`Head`] | the first view |
//! | `index/N.plx` | search index chunk `N`: the posting lists of a range of keys | a query needs a key in that range |
//! | `text/K/N.plx` | document `N`'s text and sections ([`Excerpt`]) | its search snippets are shown |
//! | `doc/K/N.plx` | document `N`, whole | it is read, or a view needs every document |
//! | `canonical.plx`, `events.plx`, `framing.plx` | the corpus tables ([`Table`]): entities (and each document's links to them), events (what each is, its date, documents, entities and terms: no passages), each document's framing and the outlets' terms | a view needs that table (Entities the first; Timeline the second; Reader and Compare the first two; a document's annotations saved, the third) |
//! | `framing/K/N.plx` | event `N`'s part ([`EventPart`]): its passages, how each document that reports it framed it, and its omission matrix | the event is compared, or a document that reports or mentions it has its annotations saved |
//! | `entities.plx` | each entity's mentions by outlet, articles alone and with comments ([`EntityTables`]) | the Entities view |
//! | `co/N.plx` | who is named with each of entities `N × CO_CHUNK` onwards, the first [`CO_ROWS`] ([`CoChunk`]) | an entity is chosen in the Entities view |
//!
//! (`K` is `N / 1000`, so that no folder holds more than a thousand files.) At a hundred thousand
//! documents the framing of every (document, event) pair is most of the framing, and the events'
//! passages most of the events: comparing one event fetches that event's part, not all of them, and the
//! list of events, the timeline and the reader fetch the events without their passages.
//!
//! Each file is the magic `PLXS`, the format version (`u32` little-endian), then a raw-deflate stream of
//! the value in postcard encoding: the bytes a host serves are the bytes counted, compressed or not by
//! the host.

use std::io::{Read, Write};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::bundle::{Bundle, BundleError, check_header};
use crate::document::{Comment, Section};
use crate::events::Events;
use crate::explore::{self, CO_ROWS, CoList, Coverage, Scope};
use crate::framing::{EventPart, Framing};
use crate::language::canonical::Canonical;
use crate::search::chunked::{Chunk, Head};
use crate::search::{FacetData, Index};
use crate::turns::{Parts, ReadInTurns, Stepper};
use crate::{Document, Metadata};

pub const MAGIC: [u8; 4] = *b"PLXS";
pub const FORMAT_VERSION: u32 = 6;
/// The catalog's path under the data folder.
pub const CATALOG: &str = "catalog.plx";
/// The corpus tables, each a file of its own, so that a view fetches only those it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// [`Canonical`]: the corpus entities, and each document's mentions linked to them.
    Canonical,
    /// [`Events`].
    Events,
    /// [`Framing`].
    Framing,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Canonical, Table::Events, Table::Framing];

    /// The file's path under the data folder.
    pub fn path(self) -> &'static str {
        match self {
            Table::Canonical => "canonical.plx",
            Table::Events => "events.plx",
            Table::Framing => "framing.plx",
        }
    }
}
pub const ENTITIES: &str = "entities.plx";
/// Entities per co-occurrence file.
pub const CO_CHUNK: usize = 128;
/// About how many bytes of postings a search index chunk holds before compression.
pub const INDEX_CHUNK_BYTES: usize = 64 * 1024;
/// The most bytes a file may inflate to: a damaged or hostile file is refused, not expanded.
pub const MAX_INFLATED: u64 = 512 * 1024 * 1024;

/// What the first view needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Every document as a card: see [`shell`].
    pub documents: Vec<Document>,
    /// Each document's body word count.
    pub words: Vec<u32>,
    pub facets: FacetData,
    pub search: Head,
}

/// The corpus-wide tables: entities, events, framing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tables {
    pub canonical: Canonical,
    pub events: Events,
    pub framing: Framing,
}

/// The Entities view's counts, made at build time so that it needs no document: each entity's mentions
/// by outlet ([`explore::coverage`]) in both scopes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityTables {
    pub article: Coverage,
    pub all: Coverage,
}

impl EntityTables {
    pub fn coverage(&self, scope: Scope) -> &Coverage {
        match scope {
            Scope::Article => &self.article,
            Scope::All => &self.all,
        }
    }
}

/// Who is named with each of [`CO_CHUNK`] entities ([`explore::co_occurrence_lists`]), in both scopes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoChunk {
    pub article: Vec<CoList>,
    pub all: Vec<CoList>,
}

impl CoChunk {
    /// The list of the chunk's `i`th entity.
    pub fn list(&self, i: usize, scope: Scope) -> Option<&CoList> {
        match scope {
            Scope::Article => self.article.get(i),
            Scope::All => self.all.get(i),
        }
    }
}

/// The co-occurrence file that holds `entity`, and the entity's place in it.
pub fn co_place(entity: u32) -> (usize, usize) {
    (entity as usize / CO_CHUNK, entity as usize % CO_CHUNK)
}

/// What a document's search snippets are cut from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub text: String,
    pub sections: Vec<Section>,
}

impl Excerpt {
    /// The card of a document with its text and sections put back: enough for
    /// [`Head::snippets_of`](crate::search::chunked::Head::snippets_of).
    pub fn on(self, shell: &Document) -> Document {
        Document { text: self.text, sections: self.sections, ..shell.clone() }
    }
}

/// A corpus in its files' contents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Site {
    pub catalog: Catalog,
    /// The framing table without its events' parts, which are in `event_parts`.
    pub tables: Tables,
    /// Each event's part of the framing, in the order of the events.
    pub event_parts: Vec<EventPart>,
    pub entities: EntityTables,
    pub co: Vec<CoChunk>,
    pub index: Vec<Chunk>,
    pub documents: Vec<Document>,
}

/// A document's card: its id, source and metadata, and its comments without their text (a card shows
/// how many there are). No text, sections, analysis or diagnostics.
pub fn shell(doc: &Document) -> Document {
    Document {
        id: doc.id.clone(),
        source: doc.source.clone(),
        text: String::new(),
        meta: Metadata { ..doc.meta.clone() },
        sections: Vec::new(),
        captions: Vec::new(),
        comments: doc
            .comments
            .iter()
            .map(|c| Comment {
                author: None,
                place: None,
                posted: None,
                header: (0, 0),
                paragraphs: Vec::new(),
                depth: c.depth,
                reply_to: c.reply_to,
            })
            .collect(),
        dates: Vec::new(),
        diagnostics: Vec::new(),
        analysis: crate::language::Analysis::default(),
    }
}

/// Splits a processed corpus into a site's parts.
pub fn split(bundle: Bundle) -> Site {
    let index = Index::new(&bundle.documents, &bundle.canonical);
    let (search, chunks) = index.split(bundle.documents.len(), INDEX_CHUNK_BYTES);
    drop(index);
    let catalog = Catalog {
        documents: bundle.documents.iter().map(shell).collect(),
        words: bundle.documents.iter().map(Document::body_word_count).collect(),
        facets: FacetData::new(&bundle.documents, &bundle.canonical, &bundle.events),
        search,
    };
    let (docs, canonical) = (&bundle.documents, &bundle.canonical);
    let entities = EntityTables {
        article: explore::coverage(docs, canonical, Scope::Article),
        all: explore::coverage(docs, canonical, Scope::All),
    };
    let article = explore::co_occurrence_lists(docs, canonical, Scope::Article, CO_ROWS);
    let all = explore::co_occurrence_lists(docs, canonical, Scope::All, CO_ROWS);
    let co = article
        .chunks(CO_CHUNK)
        .zip(all.chunks(CO_CHUNK))
        .map(|(article, all)| CoChunk { article: article.to_vec(), all: all.to_vec() })
        .collect();
    let mut framing = Arc::unwrap_or_clone(bundle.framing);
    let mut events = Arc::unwrap_or_clone(bundle.events);
    let event_parts = framing.take_event_parts(&mut events);
    Site {
        catalog,
        event_parts,
        entities,
        co,
        tables: Tables { canonical: Arc::unwrap_or_clone(bundle.canonical), events, framing },
        index: chunks,
        documents: Arc::unwrap_or_clone(bundle.documents),
    }
}

impl Site {
    /// Every file of the site's data, as (path under the data folder, bytes), in a stable order.
    pub fn files(&self) -> impl Iterator<Item = (String, Vec<u8>)> + '_ {
        let head = [
            (CATALOG.to_owned(), encode(&self.catalog)),
            (Table::Canonical.path().to_owned(), encode(&self.tables.canonical)),
            (Table::Events.path().to_owned(), encode(&self.tables.events)),
            (Table::Framing.path().to_owned(), encode(&self.tables.framing)),
            (ENTITIES.to_owned(), encode(&self.entities)),
        ];
        let co = self.co.iter().enumerate().map(|(n, c)| (co_path(n), encode(c)));
        let index = self.index.iter().enumerate().map(|(n, c)| (index_path(n), encode(c)));
        let parts = self.event_parts.iter().enumerate().map(|(n, p)| (event_part_path(n), encode(p)));
        let documents = self.documents.iter().enumerate().flat_map(|(n, d)| {
            let excerpt = Excerpt { text: d.text.clone(), sections: d.sections.clone() };
            [(text_path(n), encode(&excerpt)), (document_path(n), encode(d))]
        });
        head.into_iter().chain(co).chain(index).chain(parts).chain(documents)
    }
}

pub fn co_path(chunk: usize) -> String {
    format!("co/{chunk}.plx")
}

pub fn index_path(chunk: usize) -> String {
    format!("index/{chunk}.plx")
}

pub fn document_path(document: usize) -> String {
    format!("doc/{}/{document}.plx", document / 1000)
}

/// The file of event `event`'s part of the framing.
pub fn event_part_path(event: usize) -> String {
    format!("framing/{}/{event}.plx", event / 1000)
}

pub fn text_path(document: usize) -> String {
    format!("text/{}/{document}.plx", document / 1000)
}

/// One file's bytes: magic, version, deflated postcard.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Serialising plain owned data into a Vec cannot fail, nor can deflating into one.
    let payload = postcard::to_allocvec(value).unwrap_or_default();
    let mut deflate = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
    let _ = deflate.write_all(&payload);
    deflate.finish().unwrap_or_default()
}

/// Reads one file, checking its magic and version, and inflating at most [`MAX_INFLATED`] bytes.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, BundleError> {
    decode_within(bytes, MAX_INFLATED)
}

/// The catalog being read in turns.
pub type CatalogInTurns = Parts<Catalog>;

/// As [`decode`] of a corpus table ([`Table`]), in turns: at a hundred thousand documents the framing table
/// is 150 MB, and read at once it would hold the page's thread for seconds. The magic number and version
/// are checked at once.
pub fn table_in_turns<T: ReadInTurns>(bytes: Vec<u8>) -> Result<Parts<T>, BundleError> {
    check_header(&bytes, MAGIC, FORMAT_VERSION)?;
    Ok(Parts::deflated(bytes, 8, MAX_INFLATED))
}

/// The corpus entities, then each document's links to them.
impl ReadInTurns for Canonical {
    const PARTS: usize = 2;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(&mut self.entities),
            _ => s.items(&mut self.links),
        }
    }
}

/// The passages, then the events.
impl ReadInTurns for Events {
    const PARTS: usize = 2;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(&mut self.passages),
            _ => s.items(&mut self.events),
        }
    }
}

/// Each document's framing, each (document, event) pair's, the omission matrices, the outlets' terms.
impl ReadInTurns for Framing {
    const PARTS: usize = 4;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(&mut self.documents),
            1 => s.items(&mut self.events),
            2 => s.items(&mut self.matrices),
            _ => s.items(&mut self.outlets),
        }
    }
}

/// The event's index, its passages, how each document framed it, then its matrix: an event of thousands
/// of documents is several megabytes.
impl ReadInTurns for EventPart {
    const PARTS: usize = 4;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => {
                self.event = s.value()?;
                Ok(true)
            }
            1 => s.items(&mut self.passages),
            2 => s.items(&mut self.framings),
            _ => s.items(&mut self.matrix),
        }
    }
}

/// As [`decode`] of the [`CATALOG`], in turns ([`crate::turns::Steps`]): at a hundred thousand documents
/// it is most of a second when read at once. The magic number and version are checked at once.
pub fn catalog_in_turns(bytes: Vec<u8>) -> Result<CatalogInTurns, BundleError> {
    check_header(&bytes, MAGIC, FORMAT_VERSION)?;
    Ok(Parts::deflated(bytes, 8, MAX_INFLATED))
}

/// The cards, the word counts, then the facet tables' and the search head's parts.
impl ReadInTurns for Catalog {
    const PARTS: usize = 2 + FacetData::PARTS + Head::PARTS;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(&mut self.documents),
            1 => s.items(&mut self.words),
            p if p < 2 + FacetData::PARTS => self.facets.read_part(p - 2, s),
            p => self.search.read_part(p - 2 - FacetData::PARTS, s),
        }
    }
}

fn decode_within<T: DeserializeOwned>(bytes: &[u8], limit: u64) -> Result<T, BundleError> {
    check_header(bytes, MAGIC, FORMAT_VERSION)?;
    let mut payload = Vec::new();
    flate2::read::DeflateDecoder::new(&bytes[8..])
        .take(limit + 1)
        .read_to_end(&mut payload)
        .map_err(|e| BundleError::Corrupt(e.to_string()))?;
    if payload.len() as u64 > limit {
        return Err(BundleError::Corrupt(format!("it inflates to more than {limit} bytes")));
    }
    postcard::from_bytes(&payload).map_err(|e| BundleError::Corrupt(e.to_string()))
}

// The tests draw their corpora from parallax-synth, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
