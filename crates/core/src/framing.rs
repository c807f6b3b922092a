//! Framing signals: how each document told what it told, and how it told each event.
//!
//! For every document (its article: headline, standfirst, body) and for every (document, event) pair
//! (the document's passages of the event), [`FramingSignals`] gathers:
//!
//! - **voices**: who is quoted, how often, with how many words and which speech verbs, and of what kind
//!   of source ([`VoiceKind`]), with the affiliation the text gives them ("Russian President");
//! - **hedges** and **scare quotes** from the language layer, counted;
//! - **tone** from the VADER lexicon (see [`tone`], which documents its limits on news);
//! - **distinctive terms**: weighted log-odds with an informative Dirichlet prior (see [`logodds`]): for
//!   a document, its outlet's words against the other outlets'; for a (document, event), the document's
//!   words about the event against the other documents' words about it.
//!
//! For a (document, event) pair also [`Prominence`] (headline, lead, where the event first comes up) and
//! the document's column of the event's [`OmissionMatrix`]: the entities, voices and facts (numbers and
//! days) that any document reports for the event, and whether this one has each, has it only in a
//! hedged passage, or leaves it out.
//!
//! Every figure is computed from the spans the earlier stages found, so the app can show the passage
//! behind each number.

pub mod logodds;
pub mod tone;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::Document;
use crate::document::SectionKind;
use crate::events::{Event, EventPassage, Events, Passage, content_words};
use crate::language::canonical::Canonical;
use crate::language::lexicon::lexicon;
use crate::language::{HedgeKind, Label, Speaker};
use crate::text::{self, TokenKind};
use logodds::{Counts, Table, Term, Vocabulary};
use tone::Tone;

/// How many distinctive terms are kept per group.
pub const DISTINCTIVE_TERMS: usize = 12;
/// The smallest z-score a distinctive term may have. Terms are ranked by z and kept down to this, so a
/// short document still shows its most distinctive words; the app marks those at or above 1.96 (the
/// two-sided 5% level), which a corpus of a few documents seldom reaches.
pub const MIN_Z: f32 = 0.5;
/// The most rows an omission matrix keeps per kind, the most widely reported first.
pub const MATRIX_ROWS: usize = 24;

/// The kind of source a voice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VoiceKind {
    /// Governments, officials, diplomats, the military, police, courts, legislators, and the
    /// institutions they speak for ("the ministry said", "Downing Street said").
    Official,
    /// Analysts, academics, researchers, think tanks.
    Expert,
    /// Unnamed sources: "a diplomatic source", "officials said".
    Anonymous,
    /// Quoted words nobody is said to have spoken: the outlet's own voice.
    Outlet,
    /// People quoted as themselves: residents, witnesses, relatives.
    Ordinary,
    /// Anyone else, or a named person whose role the text does not give.
    Other,
}

impl VoiceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Official => "official",
            Self::Expert => "expert",
            Self::Anonymous => "anonymous",
            Self::Outlet => "outlet",
            Self::Ordinary => "ordinary",
            Self::Other => "other",
        }
    }
}

/// Who a voice is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VoiceRef {
    /// A corpus entity, by index into the corpus's canonical entities.
    Entity(u32),
    /// An unnamed source, as the text describes it.
    Unnamed(String),
    /// The outlet's own voice.
    Outlet,
}

/// One voice in a document or in its telling of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    pub speaker: VoiceRef,
    /// The name or the description to show (shared by every scope the voice speaks in).
    pub name: SharedStr,
    pub kind: VoiceKind,
    /// The role or affiliation the text gives ("Russian President", "Columbia University").
    pub affiliation: Option<SharedStr>,
    /// How many quotes, of which direct.
    pub quotes: u32,
    pub direct: u32,
    /// Words quoted, and their share of all the words quoted in the scope (0..1).
    pub words: u32,
    pub share: f32,
    /// Speech verbs by lemma, with counts, the most used first.
    pub verbs: Vec<Count>,
}

/// A label and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// Shared: a corpus has a few hundred labels (speech verbs, hedges, kinds of voice) and millions of
    /// counts.
    pub label: SharedStr,
    pub count: u32,
}

/// The framing signals of one scope: a whole document, or a document's passages of one event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FramingSignals {
    /// Words in the scope.
    pub words: u32,
    /// Words inside quotes (direct and reported).
    pub quoted_words: u32,
    pub voices: Vec<Voice>,
    /// Quotes per kind of voice, in [`VoiceKind`] order, with only the kinds present.
    pub voice_kinds: Vec<Count>,
    /// Speech verbs by lemma, the most used first.
    pub verbs: Vec<Count>,
    /// Lexical hedges by entry, the most used first.
    pub hedges: Vec<Count>,
    /// The scare-quoted phrases, in reading order.
    pub scare_quotes: Vec<String>,
    pub tone: Tone,
    pub distinctive: Vec<Term>,
}

/// Where an event stands in a document: where the document reports it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Prominence {
    pub in_headline: bool,
    /// In the standfirst or the first body paragraph.
    pub in_lead: bool,
    /// The first body paragraph that reports it (0 for the first).
    pub first_paragraph: Option<u32>,
    /// The share of the body's words before that paragraph (0 at the top, near 1 at the end).
    pub first_position: Option<f32>,
}

/// The framing of one event by one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFraming {
    /// Index into [`Events::events`].
    pub event: u32,
    pub document: u32,
    pub signals: FramingSignals,
    pub prominence: Prominence,
}

/// Something a document leaves out: a row of an event's omission matrix whose cell in the document's
/// column is absent ([`OmissionMatrix::omissions`]). Omissions are worked out from the matrix when asked
/// for, not stored: stored, every (document, event) pair would hold its absent rows with the list of the
/// documents that have each, a cost that grows with the square of the event's documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omission {
    pub kind: ItemKind,
    pub label: String,
    /// The documents that report it.
    pub reported_by: Vec<u32>,
}

/// What a row of an omission matrix is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemKind {
    Entity,
    Voice,
    /// A number or a day.
    Fact,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Entity => "entity",
            Self::Voice => "voice",
            Self::Fact => "fact",
        }
    }
}

/// Whether a document has an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presence {
    Present,
    /// Present only in passages that hedge ("alleged", "reportedly", scare quotes).
    Hedged,
    Absent,
}

impl Presence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Present => "present",
            Self::Hedged => "hedged",
            Self::Absent => "absent",
        }
    }
}

/// One cell of an omission matrix: a document that has the item (present or hedged). A document of
/// the matrix without a cell in a row leaves the item out ([`Presence::Absent`]; see [`Item::cell`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub document: u32,
    pub presence: Presence,
    /// The first passage (index into [`Events::passages`]) that has it.
    pub passage: Option<u32>,
}

/// One row of an omission matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub kind: ItemKind,
    /// A stable key: the entity id, the voice, the fact's value.
    pub key: String,
    pub label: String,
    /// The cells of the documents that have it, in the order of [`OmissionMatrix::documents`]; the
    /// matrix's other documents leave it out. Absent cells are not stored: in a large event most
    /// documents lack most rows (at 100,000 generated documents, 72 million of 83 million cells).
    pub cells: Vec<Cell>,
}

impl Item {
    /// The cell of `document`, a document of the matrix: its stored cell, or an absent one.
    pub fn cell(&self, document: u32) -> Cell {
        self.cells.iter().find(|c| c.document == document).cloned().unwrap_or(Cell {
            document,
            presence: Presence::Absent,
            passage: None,
        })
    }

    /// Every document of the matrix's cell, absent ones included, in the order of `documents`.
    pub fn all_cells<'a>(&'a self, documents: &'a [u32]) -> impl Iterator<Item = Cell> + 'a {
        documents.iter().map(|&d| self.cell(d))
    }
}

/// Entities, voices and facts reported for an event, by the documents that report or mention it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OmissionMatrix {
    pub event: u32,
    pub documents: Vec<u32>,
    pub items: Vec<Item>,
}

impl OmissionMatrix {
    /// What `document` leaves out: the rows whose cell in its column is absent, in the matrix's order,
    /// each with the documents that have it (present or hedged). Nothing for a document not in the matrix.
    pub fn omissions(&self, document: u32) -> Vec<Omission> {
        if self.documents.binary_search(&document).is_err() {
            return Vec::new();
        }
        self.items
            .iter()
            .filter(|item| item.cells.binary_search_by_key(&document, |c| c.document).is_err())
            .map(|item| Omission {
                kind: item.kind,
                label: item.label.clone(),
                reported_by: item.cells.iter().map(|c| c.document).collect(),
            })
            .collect()
    }
}

/// The distinctive terms of an outlet against the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletTerms {
    pub outlet: String,
    pub documents: Vec<u32>,
    pub terms: Vec<Term>,
}

/// The framing signals of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// One per document, in corpus order.
    pub documents: Vec<FramingSignals>,
    /// One per (document, event) pair where the document has passages of the event.
    pub events: Vec<EventFraming>,
    /// One per event, in the order of [`Events::events`].
    pub matrices: Vec<OmissionMatrix>,
    /// One per outlet, by name.
    pub outlets: Vec<OutletTerms>,
}

impl Framing {
    /// The framing of `event` by `document`, if it has passages of it.
    pub fn of(&self, event: u32, document: u32) -> Option<&EventFraming> {
        self.events.iter().find(|f| f.event == event && f.document == document)
    }

    /// What a document leaves out of an event that other documents report (its column's absent cells).
    pub fn omissions(&self, framing: &EventFraming) -> Vec<Omission> {
        self.matrix(framing.event).map_or_else(Vec::new, |m| m.omissions(framing.document))
    }

    /// The omission matrix of `event`.
    pub fn matrix(&self, event: u32) -> Option<&OmissionMatrix> {
        self.matrices.get(event as usize).filter(|m| m.event == event)
    }

    /// Takes each event's part out of the table and out of `events` (see [`EventPart`]), one per event in
    /// their order: this table keeps each document's framing and the outlets', and `events` each event's
    /// head (what it is, its documents, entities and terms) with no passages.
    pub fn take_event_parts(&mut self, events: &mut Events) -> Vec<EventPart> {
        let passages = std::mem::take(&mut events.passages);
        let mut parts: Vec<EventPart> = events
            .events
            .iter_mut()
            .enumerate()
            .map(|(i, e)| EventPart {
                event: u32::try_from(i).unwrap_or(u32::MAX),
                passages: std::mem::take(&mut e.passages)
                    .into_iter()
                    .filter_map(|ep| Some((passages.get(ep.passage as usize)?.clone(), ep)))
                    .collect(),
                ..EventPart::default()
            })
            .collect();
        for f in std::mem::take(&mut self.events) {
            if let Some(part) = parts.get_mut(f.event as usize) {
                part.framings.push(f);
            }
        }
        for m in std::mem::take(&mut self.matrices) {
            if let Some(part) = parts.get_mut(m.event as usize) {
                part.matrix = vec![m];
            }
        }
        parts
    }
}

/// One event's part of a corpus: its passages, how each document that reports it framed it, and its
/// omission matrix. A built site keeps each event's part in a file of its own, so that comparing an event
/// fetches that event's passages and framing and no other's, and the table of events (what the list of
/// events, the timeline and the reader show) holds no passage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPart {
    /// The event's index in the corpus's events.
    pub event: u32,
    /// The event's passages, in the event's order, each with how it belongs to the event (whose
    /// `passage` is its index in the whole corpus's passages).
    pub passages: Vec<(Passage, EventPassage)>,
    /// One per document with passages of the event, in the table's order.
    pub framings: Vec<EventFraming>,
    /// The event's omission matrix (one, or none for an event with no matrix).
    pub matrix: Vec<OmissionMatrix>,
}

impl EventPart {
    /// The framing of the event by `document`, if it has passages of it.
    pub fn of(&self, document: u32) -> Option<&EventFraming> {
        self.framings.iter().find(|f| f.document == document)
    }

    /// The event's passages with how each belongs to it, as [`Events::passages_of`] gives them.
    pub fn passages(&self) -> Vec<(&Passage, &EventPassage)> {
        self.passages.iter().map(|(p, ep)| (p, ep)).collect()
    }
}

/// A string held once and shared by every result that names it; it reads, compares and serialises as a
/// plain string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SharedStr(Arc<str>);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        Self(Arc::from(s))
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One copy of each string that framing's results hold many times over (a voice's name in every scope
/// it speaks in, a speech verb in every count of it): every (document, event) pair holds its own lists,
/// and without sharing, their strings were most of their size.
#[derive(Default)]
struct Strings(HashMap<Arc<str>, ()>);

impl Strings {
    fn get(&mut self, s: &str) -> SharedStr {
        if let Some((shared, ())) = self.0.get_key_value(s) {
            return SharedStr(Arc::clone(shared));
        }
        let shared: Arc<str> = Arc::from(s);
        self.0.insert(Arc::clone(&shared), ());
        SharedStr(shared)
    }
}

/// A scope: spans of a document's text.
type Spans = Vec<(u32, u32)>;

fn inside(spans: &Spans, start: u32, end: u32) -> bool {
    spans.iter().any(|&(a, b)| a <= start && end <= b)
}

/// The article's spans: headline, standfirst and body.
fn article(doc: &Document) -> Spans {
    doc.sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Headline | SectionKind::Standfirst | SectionKind::Body))
        .map(|s| (s.start, s.end))
        .collect()
}

fn word_count(text: &str) -> u32 {
    let (tokens, _) = text::segment(text, 0);
    u32::try_from(tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count())
        .unwrap_or(u32::MAX)
}

/// What framing needs of each passage-sized section (headline, standfirst, body paragraph), computed once
/// per document: the scopes it measures (the article, a document's passages of an event) are made of
/// these sections.
struct Prepared {
    sections: HashMap<(u32, u32), SectionData>,
    /// Words in each quote, by the quote's index.
    quote_words: Vec<u32>,
}

#[derive(Default)]
struct SectionData {
    words: u32,
    /// Lowercase content words, as printed, for distinctive terms (by id in the corpus's vocabulary).
    counts: Counts,
    /// VADER scores of its scored sentences.
    scores: Vec<f32>,
}

fn prepare(doc: &Document, vocabulary: &mut Vocabulary) -> Prepared {
    prepare_within(doc, vocabulary, None)
}

/// As [`prepare`]; with `only`, the sections outside those spans get their word counts alone (all a
/// scope's prominence needs of them), not their words' counts and sentence scores.
fn prepare_within(doc: &Document, vocabulary: &mut Vocabulary, only: Option<&Spans>) -> Prepared {
    let mut sections = HashMap::new();
    for s in doc
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Headline | SectionKind::Standfirst | SectionKind::Body))
    {
        let text = &doc.text[s.start as usize..s.end as usize];
        if only.is_some_and(|spans| !spans.contains(&(s.start, s.end))) {
            sections
                .insert((s.start, s.end), SectionData { words: word_count(text), ..SectionData::default() });
            continue;
        }
        let (tokens, sentences) = text::segment(text, 0);
        let words = tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
        let counts = logodds::counts(
            content_words(text, s.start, &[]).map(|(lower, _)| (vocabulary.id(lower), 1)).collect(),
        );
        let scores = sentences
            .iter()
            .filter_map(|x| text.get(x.start as usize..x.end as usize))
            .filter_map(tone::sentence_score)
            .collect();
        sections.insert(
            (s.start, s.end),
            SectionData { words: u32::try_from(words).unwrap_or(u32::MAX), counts, scores },
        );
    }
    let quote_words = doc
        .analysis
        .quotes
        .iter()
        .map(|q| match only {
            Some(spans) if !inside(spans, q.start, q.end) => 0,
            _ => word_count(&doc.text[q.start as usize..q.end as usize]),
        })
        .collect();
    Prepared { sections, quote_words }
}

impl Prepared {
    fn section(&self, span: (u32, u32)) -> Option<&SectionData> {
        self.sections.get(&span)
    }

    /// Content-word counts of a scope.
    fn counts(&self, spans: &Spans) -> Counts {
        logodds::sum(spans.iter().filter_map(|&span| self.section(span)).map(|s| s.counts.as_slice()))
    }
}

/// The kind of source a role names ("Russian President" → official), from the titles table.
fn kind_of_role(role: &str) -> Option<VoiceKind> {
    let lex = lexicon();
    let words: Vec<&str> = role.split_whitespace().collect();
    // The head of a role is its last title: "former finance minister" → "minister".
    for end in (1..=words.len()).rev() {
        for start in 0..end {
            let phrase = words[start..end].join(" ");
            let lower = phrase.to_lowercase();
            // Plural role nouns ("analysts", "officials") name the same kind as the singular.
            let singular = lower.strip_suffix('s').unwrap_or(&lower);
            let found = lex
                .titles
                .get(&phrase)
                .or_else(|| lex.titles.get(&lower))
                .or_else(|| lex.titles.get(singular));
            if let Some(title) = found {
                return match title.kind {
                    "government" | "legislature" | "diplomat" | "military" | "judicial" | "police"
                    | "royal" => Some(VoiceKind::Official),
                    "expert" => Some(VoiceKind::Expert),
                    "other" => Some(VoiceKind::Ordinary),
                    "honorific" => continue,
                    _ => Some(VoiceKind::Other),
                };
            }
        }
    }
    None
}

/// The kind of an organisation speaking, from the organisations table.
fn kind_of_org(name: &str) -> VoiceKind {
    match lexicon().names.get(name).map(|e| e.kind.as_str()) {
        Some(
            "government" | "legislature" | "court" | "military" | "security" | "police" | "intergovernmental",
        ) => VoiceKind::Official,
        Some("education" | "ngo") => VoiceKind::Expert,
        _ => VoiceKind::Other,
    }
}

/// Describes a speaker: who, what kind, which affiliation.
/// Who a quote's speaker is and the name shown: [`describe`] without the kind and affiliation (which
/// look roles up in the lexicon), for callers that only tell voices apart.
fn voice_of(speaker: &Speaker, doc_index: u32, doc: &Document, canonical: &Canonical) -> (VoiceRef, String) {
    match speaker {
        Speaker::Outlet => (
            VoiceRef::Outlet,
            doc.meta.outlet.as_ref().map_or_else(|| "the outlet".to_owned(), |o| o.value.clone()),
        ),
        Speaker::Unnamed(description) => (VoiceRef::Unnamed(description.clone()), description.clone()),
        Speaker::Entity(e) => {
            let corpus = canonical.links.get(doc_index as usize).and_then(|l| l.get(*e as usize)).copied();
            let name = corpus
                .and_then(|c| canonical.entities.get(c as usize))
                .map(|x| x.name.clone())
                .or_else(|| doc.analysis.entities.get(*e as usize).map(|l| l.name.clone()))
                .unwrap_or_default();
            let id = corpus.map_or_else(|| VoiceRef::Unnamed(name.clone()), VoiceRef::Entity);
            (id, name)
        }
    }
}

fn describe(
    speaker: &Speaker,
    speaker_span: Option<(u32, u32)>,
    doc_index: u32,
    doc: &Document,
    canonical: &Canonical,
) -> (VoiceRef, String, VoiceKind, Option<String>) {
    let (id, name) = voice_of(speaker, doc_index, doc, canonical);
    match speaker {
        Speaker::Outlet => (id, name, VoiceKind::Outlet, None),
        Speaker::Unnamed(description) => {
            // "A diplomatic source", "officials", "a U.S. official": anonymous. Unnamed analysts are still
            // experts, and a definite role ("the ministry's spokesman") is whoever holds it.
            let lower = description.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            let head = words.last().copied().unwrap_or("");
            let anonymous = words.iter().any(|w| w.starts_with("source"))
                || matches!(words.first(), Some(&("a" | "an" | "some" | "several" | "two" | "three")))
                || (head.ends_with('s') && lexicon().titles.contains_key(head.trim_end_matches('s')));
            let kind = match kind_of_role(description) {
                Some(VoiceKind::Expert) => VoiceKind::Expert,
                Some(kind) if !anonymous => kind,
                _ => VoiceKind::Anonymous,
            };
            (id, name, kind, None)
        }
        Speaker::Entity(e) => {
            let local = doc.analysis.entities.get(*e as usize);
            let entity = match &id {
                VoiceRef::Entity(c) => canonical.entities.get(*c as usize),
                _ => None,
            };
            let mut roles: Vec<&str> =
                local.map(|l| l.roles.iter().map(String::as_str).collect()).unwrap_or_default();
            if let Some(x) = entity {
                roles.extend(x.roles.iter().filter(|r| r.document == doc_index).map(|r| r.role.as_str()));
            }
            let label = local.map(|l| l.label);
            // The role the text gives, else the words that name the speaker here ("Analysts at the
            // Getulio Vargas Foundation said"), else the kind of organisation.
            let span_text =
                speaker_span.and_then(|(a, b)| doc.text.get(a as usize..b as usize)).unwrap_or("");
            let kind =
                roles.iter().find_map(|r| kind_of_role(r)).or_else(|| kind_of_role(span_text)).unwrap_or(
                    match label {
                        Some(Label::Org) => kind_of_org(&name),
                        _ => VoiceKind::Other,
                    },
                );
            let affiliation = roles.first().map(|r| (*r).to_owned());
            (id, name, kind, affiliation)
        }
    }
}

/// The signals of a scope of a document; distinctive terms are filled in by the caller.
fn signals(
    doc_index: u32,
    doc: &Document,
    prepared: &Prepared,
    spans: &Spans,
    canonical: &Canonical,
    strings: &mut Strings,
) -> FramingSignals {
    let lex = lexicon();
    let words: u32 = spans.iter().filter_map(|&span| prepared.section(span)).map(|s| s.words).sum();
    let mut voices: BTreeMap<VoiceRef, Voice> = BTreeMap::new();
    let mut verbs: BTreeMap<String, u32> = BTreeMap::new();
    let mut quoted_words = 0;
    for (i, q) in doc.analysis.quotes.iter().enumerate().filter(|(_, q)| inside(spans, q.start, q.end)) {
        let (id, name, kind, affiliation) = describe(&q.speaker, q.speaker_span, doc_index, doc, canonical);
        let n = prepared.quote_words.get(i).copied().unwrap_or(0);
        quoted_words += n;
        let v = voices.entry(id.clone()).or_insert_with(|| Voice {
            speaker: id,
            name: strings.get(&name),
            kind,
            affiliation: affiliation.map(|a| strings.get(&a)),
            quotes: 0,
            direct: 0,
            words: 0,
            share: 0.0,
            verbs: Vec::new(),
        });
        v.quotes += 1;
        v.direct += u32::from(q.direct);
        v.words += n;
        if let Some(verb) = &q.verb {
            let lower = verb.to_lowercase();
            let lemma = lex.speech_verbs.get(&lower).map_or(lower.clone(), |s| s.lemma.to_owned());
            *verbs.entry(lemma.clone()).or_default() += 1;
            match v.verbs.iter_mut().find(|c| *c.label == *lemma) {
                Some(c) => c.count += 1,
                None => v.verbs.push(Count { label: strings.get(&lemma), count: 1 }),
            }
        }
    }
    let mut voices: Vec<Voice> = voices.into_values().collect();
    for v in &mut voices {
        v.share = if quoted_words > 0 { v.words as f32 / quoted_words as f32 } else { 0.0 };
        sort_counts(&mut v.verbs);
        // Held for every (document, event) pair: no spare capacity.
        v.verbs.shrink_to_fit();
    }
    voices.sort_by(|a, b| {
        b.words.cmp(&a.words).then(b.quotes.cmp(&a.quotes)).then_with(|| a.name.cmp(&b.name))
    });
    let mut kinds: BTreeMap<VoiceKind, u32> = BTreeMap::new();
    for v in &voices {
        *kinds.entry(v.kind).or_default() += v.quotes;
    }
    let mut hedges: BTreeMap<String, u32> = BTreeMap::new();
    let mut scare_quotes = Vec::new();
    for h in doc.analysis.hedges.iter().filter(|h| inside(spans, h.start, h.end)) {
        match h.kind {
            HedgeKind::Lexical => *hedges.entry(h.term.clone()).or_default() += 1,
            HedgeKind::ScareQuote => scare_quotes.push(h.term.clone()),
        }
    }
    let tone = tone::tone_of_scores(
        spans.iter().filter_map(|&span| prepared.section(span)).flat_map(|s| s.scores.iter().copied()),
    );
    FramingSignals {
        words,
        quoted_words,
        voices,
        voice_kinds: kinds
            .into_iter()
            .map(|(k, n)| Count { label: strings.get(k.as_str()), count: n })
            .collect(),
        verbs: to_counts(verbs, strings),
        hedges: to_counts(hedges, strings),
        scare_quotes,
        tone,
        distinctive: Vec::new(),
    }
}

fn to_counts(map: BTreeMap<String, u32>, strings: &mut Strings) -> Vec<Count> {
    let mut v: Vec<Count> =
        map.into_iter().map(|(label, count)| Count { label: strings.get(&label), count }).collect();
    sort_counts(&mut v);
    v
}

fn sort_counts(v: &mut [Count]) {
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
}

/// A document's passages of one event: their spans, and those that report it.
struct Scope {
    event: u32,
    spans: Spans,
    reporting: Vec<u32>,
}

/// What one document's scope of one event measures, before the event's documents are compared.
struct Measured {
    document: u32,
    signals: FramingSignals,
    counts: Counts,
    prominence: Prominence,
}

/// The content-word counts of a document's article (headline, standfirst, body), as [`prepare`] and
/// [`Prepared::counts`] give them, without the rest of the preparation.
fn article_counts(doc: &Document, vocabulary: &mut Vocabulary) -> Counts {
    let mut sections: HashMap<(u32, u32), Counts> = HashMap::new();
    for s in doc
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Headline | SectionKind::Standfirst | SectionKind::Body))
    {
        let text = &doc.text[s.start as usize..s.end as usize];
        let counts = logodds::counts(
            content_words(text, s.start, &[]).map(|(lower, _)| (vocabulary.id(lower), 1)).collect(),
        );
        sections.insert((s.start, s.end), counts);
    }
    logodds::sum(article(doc).iter().filter_map(|span| sections.get(span)).map(Vec::as_slice))
}

/// What framing an event needs besides its scopes.
struct Context<'a> {
    docs: &'a [Document],
    canonical: &'a Canonical,
    events: &'a Events,
}

impl Context<'_> {
    /// Frames event `e` once all its documents are measured: each document's distinctive terms against
    /// the others', in corpus order, and the event's omission matrix. `total` is a table left empty.
    fn close(
        &self,
        e: usize,
        mut scopes: Vec<Measured>,
        total: &mut Table,
        corpus: &Table,
        vocabulary: &Vocabulary,
    ) -> (Vec<EventFraming>, OmissionMatrix) {
        let event = &self.events.events[e];
        let e = u32::try_from(e).unwrap_or(u32::MAX);
        scopes.sort_by_key(|m| m.document);
        for m in &scopes {
            total.add(&m.counts);
        }
        if scopes.len() > 1 {
            for m in &mut scopes {
                m.signals.distinctive = logodds::distinctive(
                    &m.counts,
                    total,
                    corpus,
                    vocabulary,
                    logodds::PRIOR_SIZE,
                    MIN_Z,
                    DISTINCTIVE_TERMS,
                );
            }
        }
        let mut framed = Vec::with_capacity(scopes.len());
        for m in scopes {
            total.subtract(&m.counts);
            framed.push(EventFraming {
                event: e,
                document: m.document,
                signals: m.signals,
                prominence: m.prominence,
            });
        }
        let columns = columns_of(event, self.events).0;
        (framed, omission_matrix(e, event, &columns, self.docs, self.canonical, self.events))
    }
}

/// An event's passages by document (its columns), and of those the passages that report it.
fn columns_of(event: &Event, events: &Events) -> (BTreeMap<u32, Vec<u32>>, BTreeMap<u32, Vec<u32>>) {
    let mut columns: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut reporting: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for ep in &event.passages {
        let d = events.passages[ep.passage as usize].document;
        columns.entry(d).or_default().push(ep.passage);
        if ep.role == crate::events::PassageRole::Reports {
            reporting.entry(d).or_default().push(ep.passage);
        }
    }
    (columns, reporting)
}

/// The framing signals of a corpus whose events are `events`.
///
/// A first pass counts the words of every document's article: the corpus's counts are the prior of
/// every distinctive-terms list. Then documents are taken one at a time, in order of publication: each
/// is prepared (its paragraphs' words, counts and sentence scores), measured as a whole and in each of
/// its events' scopes, and dropped; and an event is framed (its documents' distinctive terms against
/// each other, its omission matrix) as soon as its last document is measured, and its scopes' word
/// counts dropped. An event's reports lie close together in time, so what is held at once is one
/// document's preparation and the word counts of the events still open, not those of every (document,
/// event) pair of the corpus (at 100,000 generated documents, 1.6 million pairs of about a kilobyte).
pub fn frame(docs: &[Document], canonical: &Canonical, events: &Events) -> Framing {
    let mut scopes_of: Vec<Vec<Scope>> = (0..docs.len()).map(|_| Vec::new()).collect();
    // How many documents of each event are still to be measured.
    let mut open: Vec<usize> = vec![0; events.events.len()];
    for (e, event) in events.events.iter().enumerate() {
        let (columns, mut reporting) = columns_of(event, events);
        for (d, ps) in columns {
            let spans = ps
                .iter()
                .map(|&p| (events.passages[p as usize].start, events.passages[p as usize].end))
                .collect();
            if let Some(list) = scopes_of.get_mut(d as usize) {
                list.push(Scope {
                    event: u32::try_from(e).unwrap_or(u32::MAX),
                    spans,
                    reporting: reporting.remove(&d).unwrap_or_default(),
                });
                open[e] += 1;
            }
        }
    }

    // The corpus's counts and each outlet's, in a first pass.
    let mut vocabulary = Vocabulary::default();
    let mut corpus = Table::default();
    let mut by_outlet: BTreeMap<String, (Vec<u32>, rustc_hash::FxHashMap<u32, u32>)> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let counts = article_counts(doc, &mut vocabulary);
        corpus.add(&counts);
        let outlet =
            doc.meta.outlet.as_ref().map_or_else(|| "Unknown outlet".to_owned(), |o| o.value.clone());
        let group = by_outlet.entry(outlet).or_default();
        group.0.push(i);
        for &(w, c) in &counts {
            *group.1.entry(w).or_default() += c;
        }
    }

    let mut strings = Strings::default();
    let context = Context { docs, canonical, events };
    let mut documents: Vec<FramingSignals> = vec![FramingSignals::default(); docs.len()];
    let mut measured: Vec<Vec<Measured>> = (0..events.events.len()).map(|_| Vec::new()).collect();
    let mut framed: Vec<Vec<EventFraming>> = (0..events.events.len()).map(|_| Vec::new()).collect();
    let mut matrices: Vec<Option<OmissionMatrix>> = vec![None; events.events.len()];
    // One table of an event's documents' counts, filled and emptied event after event.
    let mut total = Table::default();
    // Documents in order of publication (undated ones last), so that each event closes soon after its
    // last report.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_cached_key(|&i| {
        let published = docs[i].meta.published.as_ref().map(|f| f.value.clone());
        (published.is_none(), published, i)
    });
    for i in order {
        let doc = &docs[i];
        let scopes = std::mem::take(&mut scopes_of[i]);
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let prepared = prepare(doc, &mut vocabulary);
        documents[i as usize] = signals(i, doc, &prepared, &article(doc), canonical, &mut strings);
        for scope in scopes {
            let e = scope.event as usize;
            if let Some(list) = measured.get_mut(e) {
                list.push(Measured {
                    document: i,
                    signals: signals(i, doc, &prepared, &scope.spans, canonical, &mut strings),
                    counts: prepared.counts(&scope.spans),
                    prominence: prominence(doc, &prepared, &scope.reporting, events),
                });
                open[e] -= 1;
                if open[e] == 0 {
                    let (f, m) = context.close(e, std::mem::take(list), &mut total, &corpus, &vocabulary);
                    framed[e] = f;
                    matrices[e] = Some(m);
                }
            }
        }
    }
    // Events no document has a passage of.
    for (e, matrix) in matrices.iter_mut().enumerate().filter(|(_, m)| m.is_none()) {
        let (_, m) = context.close(e, Vec::new(), &mut total, &corpus, &vocabulary);
        *matrix = Some(m);
    }

    // Outlets against the rest.
    let outlets: Vec<OutletTerms> = by_outlet
        .into_iter()
        .map(|(outlet, (documents, group))| {
            let group = logodds::counts(group.into_iter().collect());
            let terms = logodds::distinctive(
                &group,
                &corpus,
                &corpus,
                &vocabulary,
                logodds::PRIOR_SIZE,
                MIN_Z,
                DISTINCTIVE_TERMS,
            );
            OutletTerms { outlet, documents, terms }
        })
        .collect();
    for o in &outlets {
        for &d in &o.documents {
            documents[d as usize].distinctive.clone_from(&o.terms);
        }
    }
    let framed = framed.into_iter().flatten().collect();
    let matrices = matrices.into_iter().flatten().collect();
    Framing { documents, events: framed, matrices, outlets }
}

/// Where a document reports an event, given its passages there that report it (a passing mention in the
/// headline does not put the event in the headline).
fn prominence(doc: &Document, prepared: &Prepared, passages: &[u32], events: &Events) -> Prominence {
    let of: Vec<&Passage> = passages.iter().map(|&p| &events.passages[p as usize]).collect();
    let in_headline = of.iter().any(|p| p.section == SectionKind::Headline);
    let in_lead = of.iter().any(|p| {
        p.section == SectionKind::Standfirst || (p.section == SectionKind::Body && p.paragraph == 0)
    });
    let first = of.iter().filter(|p| p.section == SectionKind::Body).min_by_key(|p| p.paragraph);
    let body: Vec<(u32, u32)> =
        doc.sections.iter().filter(|s| s.kind == SectionKind::Body).map(|s| (s.start, s.end)).collect();
    let words = |span: &(u32, u32)| prepared.section(*span).map_or(0, |s| s.words);
    let total: u32 = body.iter().map(words).sum();
    let first_position = first.map(|p| {
        let before: u32 = body.iter().filter(|&&(_, b)| b <= p.start).map(words).sum();
        if total > 0 { before as f32 / total as f32 } else { 0.0 }
    });
    Prominence { in_headline, in_lead, first_paragraph: first.map(|p| p.paragraph), first_position }
}

/// A row of an omission matrix: its kind and key.
type ItemKey = (ItemKind, String);

/// Per document: whether a passage has the item unhedged, and the first passage that has it.
type Cells = BTreeMap<u32, (bool, u32)>;

/// What a passage has: entities, voices, facts, by key with a label; and whether it hedges.
#[derive(Debug, Clone, Default)]
pub struct PassageItems {
    pub items: BTreeMap<(ItemKind, String), String>,
    pub hedged: bool,
}

/// The entities, voices and facts of a passage (the rows an omission matrix can have), and whether it
/// hedges.
pub fn passage_items(passage: &Passage, doc: &Document, canonical: &Canonical) -> PassageItems {
    let mut items = BTreeMap::new();
    let links = canonical.links.get(passage.document as usize);
    let within = |a: u32, b: u32| passage.start <= a && b <= passage.end;
    let mentions = &doc.analysis.mentions;
    let from = mentions.partition_point(|m| m.start < passage.start);
    let here = mentions[from..].iter().take_while(|m| m.start < passage.end);
    for m in here.filter(|m| within(m.start, m.end) && m.label != Label::Date) {
        if let Some(&c) = links.and_then(|l| l.get(m.entity as usize))
            && let Some(entity) = canonical.entities.get(c as usize)
        {
            items.insert((ItemKind::Entity, entity.id.clone()), entity.name.clone());
        }
    }
    for q in doc.analysis.quotes.iter().filter(|q| within(q.start, q.end)) {
        let (id, name) = voice_of(&q.speaker, passage.document, doc, canonical);
        let key = match id {
            VoiceRef::Entity(e) => canonical.entities.get(e as usize).map_or(name.clone(), |x| x.id.clone()),
            VoiceRef::Unnamed(d) => format!("unnamed:{}", d.to_lowercase()),
            // The outlet's own voice is no fact another outlet could leave out.
            VoiceRef::Outlet => continue,
        };
        items.insert((ItemKind::Voice, key), name);
    }
    // Facts: the days stated, and numbers with the word they count ("53 foreign intelligence officers"
    // gives "53 officers"), so "53" and "fifty-three" are not told apart but "53 officers" and "53%" are.
    for d in doc.dates.iter().filter(|d| within(d.start, d.end) && d.value.len() >= 10) {
        let text = doc.text[d.start as usize..d.end as usize].to_owned();
        items.insert(
            (ItemKind::Fact, format!("day:{}", &d.value[..10])),
            format!("{} ({})", text, &d.value[..10]),
        );
    }
    let text = &doc.text[passage.start as usize..passage.end as usize];
    let (tokens, _) = text::segment(text, passage.start);
    let in_date = |t: &text::Token| doc.dates.iter().any(|d| d.start <= t.start && t.end <= d.end);
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Number || in_date(t) {
            continue;
        }
        let number = &doc.text[t.start as usize..t.end as usize];
        let value: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
        if value.len() == 4 && value.starts_with(['1', '2']) {
            continue; // a year: dates say it better
        }
        // The counted word: the next content word within three tokens.
        let noun = tokens[i + 1..tokens.len().min(i + 4)]
            .iter()
            .filter(|n| n.kind == TokenKind::Word)
            .map(|n| doc.text[n.start as usize..n.end as usize].to_lowercase())
            .find(|w| w.len() > 2 && !matches!(w.as_str(), "and" | "the" | "of" | "per"))
            .unwrap_or_default();
        let unit = crate::events::stem(&noun);
        items.insert(
            (ItemKind::Fact, format!("number:{value} {unit}")),
            format!("{number} {noun}").trim().to_owned(),
        );
    }
    let hedged = doc.analysis.hedges.iter().any(|h| within(h.start, h.end));
    PassageItems { items, hedged }
}

/// The omission matrix of an event: every entity, voice and fact of its reporting passages, against the
/// documents that report or mention it.
fn omission_matrix(
    e: u32,
    event: &Event,
    columns: &BTreeMap<u32, Vec<u32>>,
    docs: &[Document],
    canonical: &Canonical,
    events: &Events,
) -> OmissionMatrix {
    let documents: Vec<u32> = columns.keys().copied().collect();
    // Per document: each item, whether any unhedged passage has it, and the first passage that does.
    let mut has: BTreeMap<ItemKey, (String, Cells)> = BTreeMap::new();
    let reporting: BTreeSet<u32> = event
        .passages
        .iter()
        .filter(|p| p.role == crate::events::PassageRole::Reports)
        .map(|p| p.passage)
        .collect();
    let mut reported: BTreeMap<(ItemKind, String), BTreeSet<u32>> = BTreeMap::new();
    for (&d, ps) in columns {
        for &p in ps {
            let found = passage_items(&events.passages[p as usize], &docs[d as usize], canonical);
            for (key, label) in found.items {
                if reporting.contains(&p) {
                    reported.entry(key.clone()).or_default().insert(d);
                }
                let row = has.entry(key).or_insert_with(|| (label, BTreeMap::new()));
                let cell = row.1.entry(d).or_insert((false, p));
                cell.0 |= !found.hedged;
            }
        }
    }
    // Rows: items some document reports; an item only one of several documents has is kept (that is the
    // omission the matrix is for), but the rows are capped per kind, the most widely reported first.
    let mut rows: Vec<(usize, (ItemKind, String))> =
        reported.iter().map(|(k, d)| (d.len(), k.clone())).collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut per_kind: HashMap<ItemKind, usize> = HashMap::new();
    let mut items = Vec::new();
    for (_, key) in rows {
        let taken = per_kind.entry(key.0).or_default();
        if *taken >= MATRIX_ROWS {
            continue;
        }
        *taken += 1;
        let Some((label, cells)) = has.get(&key) else { continue };
        // Only the documents that have the item: `cells` is keyed by document, so in their order.
        let cells = cells
            .iter()
            .map(|(&d, &(plain, p))| Cell {
                document: d,
                presence: if plain { Presence::Present } else { Presence::Hedged },
                passage: Some(p),
            })
            .collect();
        items.push(Item { kind: key.0, key: key.1.clone(), label: label.clone(), cells });
    }
    items.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| b.cells.len().cmp(&a.cells.len()).then_with(|| a.label.cmp(&b.label)))
    });
    OmissionMatrix { event: e, documents, items }
}

/// A scope of a document measured for a comparison: its signals (distinctive terms filled by
/// [`distinguish`]), its content-word counts in the comparison's vocabulary, and its prominence.
#[derive(Debug, Clone)]
pub struct ScopeMeasure {
    pub signals: FramingSignals,
    pub counts: Counts,
    pub prominence: Prominence,
}

/// Measures any scope of a document, as [`frame`] measures a document's passages of an event:
/// `passages` are headline, standfirst or body paragraphs of `doc` (corpus index `doc_index`), and
/// `reporting` indexes those of them whose prominence counts.
pub fn measure_scope(
    doc_index: u32,
    doc: &Document,
    canonical: &Canonical,
    passages: &[Passage],
    reporting: &[u32],
    vocabulary: &mut Vocabulary,
) -> ScopeMeasure {
    let spans: Spans = passages.iter().map(|p| (p.start, p.end)).collect();
    let prepared = prepare_within(doc, vocabulary, Some(&spans));
    let local = Events { passages: passages.to_vec(), events: Vec::new() };
    ScopeMeasure {
        signals: signals(doc_index, doc, &prepared, &spans, canonical, &mut Strings::default()),
        counts: prepared.counts(&spans),
        prominence: prominence(doc, &prepared, reporting, &local),
    }
}

/// Fills each scope's distinctive terms: its words against the other scopes' (nothing for fewer than
/// two scopes, which have nothing to be told apart from).
pub fn distinguish(scopes: &mut [ScopeMeasure], vocabulary: &Vocabulary) {
    if scopes.len() < 2 {
        return;
    }
    let mut total = Table::default();
    for s in scopes.iter() {
        total.add(&s.counts);
    }
    for s in scopes.iter_mut() {
        s.signals.distinctive = logodds::distinctive(
            &s.counts,
            &total,
            &total,
            vocabulary,
            logodds::PRIOR_SIZE,
            MIN_Z,
            DISTINCTIVE_TERMS,
        );
    }
}
