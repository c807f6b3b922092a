//! Events: the same real-world happening, lined up across documents.
//!
//! An [`Event`] groups [`Passage`]s (a document's headline, standfirst and body paragraphs) that report
//! the same happening. Grouping works on what the language layer found and on the words:
//!
//! 1. **Features.** Each passage becomes a sparse vector of the corpus entities it mentions, its content
//!    words (stemmed, function words left out), its numbers, and the days and years it names. Weights are
//!    TF-IDF over passages, with entities counting double: a shared rare name says more about a shared
//!    happening than a shared word.
//! 2. **Time.** Each passage is placed in months: the months of the days it names and every month of a
//!    year it names alone ("the 2016 election"), or, when it names none, its document's publication
//!    month. Two passages can
//!    only be about the same happening when their months lie at most [`MONTH_WINDOW`] apart.
//! 3. **Cores, in one pass.** Body paragraphs that are not stock text (a paragraph whose sentences
//!    recur with the same names and words in documents of several years: see [`stock_passages`]), in
//!    order of publication, each join the cluster whose
//!    centroid they are most like, or start one (see [`single_pass`]). A paragraph joins only a cluster
//!    that shares one of its *names* (people, bodies and named events that few of the month's passages
//!    carry; places when it has none of those), so clusters are found through an index keyed by (name,
//!    month), and only the latest [`CLUSTER_CAP`] clusters under a key are compared: no paragraph is
//!    compared with every other, and the work grows with the corpus, not with its square.
//! 4. **Widening.** A cluster that spans two or more documents is the core of an event; the other
//!    paragraphs of its documents that match another document's member as well as the members do join it.
//! 5. **Members.** The passages of the core's documents, and the passages elsewhere that carry one of the
//!    names its documents share, join the event when they are close enough to its centroid, so a passage
//!    may belong to several events (at most [`EVENTS_PER_PASSAGE`], the closest). A member with enough of
//!    its weight on the event's own features *reports* it; another only *mentions* it in passing.
//!    Drafts that share most of their passages, or whose reports come from mostly the same documents in
//!    the same month (facets of one happening: the strike called, the ships diverted), merge; so does a
//!    draft of two or three documents that a draft of the same month at least twice its size reports
//!    whole (two of twenty earthquake stories quoting one rescuer). Candidate pairs come from shared
//!    passages and documents, never from all pairs.
//! 6. **Lead stories.** A document whose headline and lead belong to no event still reports something:
//!    its lead seeds an event of its own, which the other documents' passages may join like any other.
//! 7. **The user's events.** The corpus manifest may name events by a few anchors (entities or words);
//!    each passage that has at least half of them reports it. Automatic events stay beside them.
//!
//! Each event gets a readable label (a named event the passages share, else its most telling entities
//! and words, the kind of happening first when half of its documents name it: "Izmir: earthquake,
//! magnitude"), a date (the day most of its documents state, else the earliest report) and its documents.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

// Feature ids and passage numbers are hashed millions of times: FxHash, not SipHash.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::document::SectionKind;
use crate::language::Label;
use crate::language::canonical::Canonical;
use crate::text::{self, TokenKind};

#[cfg(test)]
mod tests;

/// Cosine similarity at which a passage may join a cluster of passages of other documents, or match
/// another document's passage (0..1), if they also share two strong features (see [`strong_shared`]).
/// Paragraph vectors are sparse: two reports of one happening in other words score 0.1 to 0.3.
pub const CORE_SIMILARITY: f32 = 0.10;
/// What a shared feature must add to the cosine to count as strong (0..1).
pub const STRONG_FEATURE: f32 = 0.02;
/// Similarity to an event's centroid at which a passage joins it (0..1), lower than the core's because a
/// centroid gathers the features of several passages.
pub const MEMBER_SIMILARITY: f32 = 0.12;
/// Similarity to the centroid at which a member reports the event rather than mentioning it (0..1).
pub const REPORT_SIMILARITY: f32 = 0.22;
/// How many times an event's centroid is recomputed from the passages that report it before the final
/// members are chosen: the first centroid knows only the core.
const REFINEMENTS: usize = 2;
/// The share of a passage's squared weight on an event's own features at which it reports the event
/// rather than mentioning it (0..1).
pub const REPORT_COVERAGE: f32 = 0.15;
/// How many months apart two passages may lie and still be about the same happening.
pub const MONTH_WINDOW: i32 = 2;
/// A (name, month) key listing more passages than this is too common that month to find members by.
pub const BLOCK_CAP: usize = 200;
/// How many of a centroid's heaviest features look for members, and are kept to describe the event.
const CENTROID_FEATURES: usize = 24;

/// A stretch of a document that can report an event: the headline, the standfirst or a body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Index of the document in the corpus.
    pub document: u32,
    pub section: SectionKind,
    /// The body paragraph's index (0 for the first), or 0 for a headline or standfirst.
    pub paragraph: u32,
    /// Byte offsets into the document's text.
    pub start: u32,
    pub end: u32,
}

/// How a passage relates to an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PassageRole {
    /// The passage tells what happened.
    Reports,
    /// The passage refers to it in passing, while telling something else.
    Mentions,
}

impl PassageRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reports => "reports",
            Self::Mentions => "mentions",
        }
    }
}

/// A passage of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPassage {
    /// Index into [`Events::passages`].
    pub passage: u32,
    pub role: PassageRole,
    /// Cosine similarity to the event's centroid (1 for a passage the manifest placed).
    pub score: f32,
}

/// Where an event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventOrigin {
    /// Passages of two or more documents that report the same happening.
    Shared,
    /// The lead story of a document that no other document reports.
    Lead,
    /// Named in the corpus manifest.
    Manifest,
}

impl EventOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shared => "shared",
            Self::Lead => "lead",
            Self::Manifest => "manifest",
        }
    }
}

/// Something that happened, as the corpus reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable for the same corpus: `event-` and the label as a slug.
    pub id: String,
    pub label: String,
    /// ISO 8601 day, when known.
    pub date: Option<String>,
    /// Where the date comes from: "stated in 2 of 3 documents", "earliest report", "corpus manifest".
    pub date_rule: Option<String>,
    pub origin: EventOrigin,
    /// The documents that report it (corpus indices, ascending).
    pub documents: Vec<u32>,
    /// The documents that only mention it in passing.
    pub mentioned_in: Vec<u32>,
    /// Its passages, in corpus order.
    pub passages: Vec<EventPassage>,
    /// The corpus entities that characterise it, the most telling first.
    pub entities: Vec<u32>,
    /// The words that characterise it, the most telling first, as printed (lowercase).
    pub terms: Vec<String>,
}

/// The events of a corpus and the passages they are made of.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Events {
    pub passages: Vec<Passage>,
    pub events: Vec<Event>,
}

impl Events {
    /// The events a document reports, by index into [`Events::events`].
    pub fn of_document(&self, document: u32) -> impl Iterator<Item = usize> + '_ {
        self.events.iter().enumerate().filter(move |(_, e)| e.documents.contains(&document)).map(|(i, _)| i)
    }

    /// The passages of an event, in the event's order, with how each belongs to it.
    pub fn passages_of<'a>(&'a self, event: &'a Event) -> Vec<(&'a Passage, &'a EventPassage)> {
        event.passages.iter().filter_map(|ep| Some((self.passages.get(ep.passage as usize)?, ep))).collect()
    }
}

/// An event the user names in the corpus manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub name: String,
    /// Entity names (any alias) or words; a passage reports the event when it has at least half of them.
    pub anchors: Vec<String>,
    /// ISO 8601 day, when the user knows it.
    pub date: Option<String>,
}

/// What a feature is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A corpus entity, and whether it is a person, organisation or named event (a place or a group is
    /// named in many more happenings, and capitals stand for governments: "Moscow said").
    Entity(u32, bool),
    /// A stemmed content word.
    Term(String),
    Number(String),
    /// An ISO day.
    Day(String),
    Year(i32),
}

impl Key {
    /// How much more than a word this kind of feature says about which happening a passage reports.
    fn weight(&self) -> f32 {
        match self {
            Self::Entity(_, true) => 2.0,
            Self::Entity(_, false) => 1.0,
            Self::Day(_) => 1.5,
            Self::Term(_) | Self::Number(_) | Self::Year(_) => 1.0,
        }
    }
}

/// A sparse vector, sorted by feature id, of unit length.
type Vector = Vec<(u32, f32)>;

/// The features of the corpus's passages.
struct Features {
    keys: Vec<Key>,
    /// Per passage: its unit vector and its months (none when nothing dates it).
    vectors: Vec<Vector>,
    months: Vec<Vec<i32>>,
    /// For a stem, the lowercase form printed most often.
    surface: HashMap<String, String>,
    /// Per passage: whether it is stock text (see [`stock_passages`]).
    stock: Vec<bool>,
}

/// Function words and the most frequent reporting verbs (`data/stopwords.tsv`); also what entity finding
/// allows in lowercase in a title-case headline.
pub(crate) fn stopwords() -> &'static HashSet<&'static str> {
    static CELL: OnceLock<HashSet<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        include_str!("../data/stopwords.tsv")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The stem of a lowercase word, for comparing inflections ("bombings", "bombing", "bombed").
pub fn stem(word: &str) -> String {
    static CELL: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    CELL.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(word)
        .into_owned()
}

/// The content words of a text as (lowercase form, byte offset), skipping function words, words of
/// fewer than three letters, and the spans in `skip` (sorted, not overlapping).
pub fn content_words<'a>(
    text: &'a str,
    base: u32,
    skip: &'a [(u32, u32)],
) -> impl Iterator<Item = (String, u32)> + 'a {
    let (tokens, _) = text::segment(text, base);
    let stop = stopwords();
    let mut next_skip = 0;
    tokens.into_iter().filter_map(move |t| {
        if t.kind != TokenKind::Word {
            return None;
        }
        while next_skip < skip.len() && skip[next_skip].1 <= t.start {
            next_skip += 1;
        }
        if skip.get(next_skip).is_some_and(|&(a, b)| a < t.end && t.start < b) {
            return None;
        }
        let word = &text[(t.start - base) as usize..(t.end - base) as usize];
        let mut lower = word.to_lowercase();
        if lower.contains('\u{2019}') {
            lower = lower.replace('\u{2019}', "'");
        }
        if lower.ends_with("'s") {
            lower.truncate(lower.len() - 2);
        }
        if lower.chars().filter(|c| c.is_alphabetic()).count() < 3 || stop.contains(lower.as_str()) {
            return None;
        }
        Some((lower, t.start))
    })
}

/// Stems, remembered: a corpus has far fewer distinct words than words.
#[derive(Default)]
struct Stems(HashMap<String, String>);

impl Stems {
    fn get(&mut self, lower: &str) -> String {
        if let Some(s) = self.0.get(lower) {
            return s.clone();
        }
        let s = stem(lower);
        self.0.insert(lower.to_owned(), s.clone());
        s
    }
}

/// Months since year 0 of an ISO date's year and month (`2013-04...` gives 2013 * 12 + 3).
fn month_of(iso: &str) -> Option<i32> {
    let year: i32 = iso.get(..4)?.parse().ok()?;
    let month: i32 = iso.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    (1..=12).contains(&month).then_some(year * 12 + month - 1)
}

/// The passages of a document: headline, standfirst and body paragraphs.
fn passages_of(index: u32, doc: &Document) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    for s in &doc.sections {
        let section = match s.kind {
            SectionKind::Headline | SectionKind::Standfirst => 0,
            SectionKind::Body => {
                paragraph += 1;
                paragraph - 1
            }
            _ => continue,
        };
        if doc.text.get(s.start as usize..s.end as usize).is_some_and(|t| !t.trim().is_empty()) {
            out.push(Passage {
                document: index,
                section: s.kind,
                paragraph: section,
                start: s.start,
                end: s.end,
            });
        }
    }
    out
}

fn features(docs: &[Document], canonical: &Canonical, passages: &[Passage]) -> Features {
    let mut ids: HashMap<Key, u32> = HashMap::default();
    let mut keys: Vec<Key> = Vec::new();
    let mut counts: Vec<Vec<(u32, f32)>> = Vec::with_capacity(passages.len());
    let mut months: Vec<Vec<i32>> = Vec::with_capacity(passages.len());
    let mut surfaces: HashMap<String, HashMap<String, u32>> = HashMap::default();
    let mut stems = Stems::default();
    let mut signatures: Vec<Vec<u64>> = Vec::with_capacity(passages.len());
    let mut intern = |key: Key, keys: &mut Vec<Key>| -> u32 {
        *ids.entry(key.clone()).or_insert_with(|| {
            keys.push(key);
            u32::try_from(keys.len() - 1).unwrap_or(u32::MAX)
        })
    };
    for p in passages {
        let doc = &docs[p.document as usize];
        let links = canonical.links.get(p.document as usize);
        let text = &doc.text[p.start as usize..p.end as usize];
        let mut tf: BTreeMap<u32, f32> = BTreeMap::new();
        // Each name and word where it occurs, to tell which sentence has it (see [`stock_passages`]).
        let mut at: Vec<(u32, u32)> = Vec::new();
        let mut skip = Vec::new();
        let mut when: Vec<i32> = Vec::new();
        let mentions = &doc.analysis.mentions;
        let from = mentions.partition_point(|m| m.start < p.start);
        for m in mentions[from..].iter().take_while(|m| m.start < p.end).filter(|m| m.end <= p.end) {
            let surface = &doc.text[m.start as usize..m.end as usize];
            if matches!(m.label, Label::Date | Label::Event) {
                // A year a date or a named event gives ("in 2011", "the 2016 election") dates the passage.
                for year in surface.split(|c: char| !c.is_ascii_digit()).filter(|w| w.len() == 4) {
                    if let Ok(year) = year.parse::<i32>()
                        && (1000..3000).contains(&year)
                    {
                        *tf.entry(intern(Key::Year(year), &mut keys)).or_default() += 1.0;
                        when.extend((0..12).map(|k| year * 12 + k));
                    }
                }
            }
            if m.label == Label::Date {
                skip.push((m.start, m.end));
                continue;
            }
            // The words of a named event are words of the passage too: "the Madrid train bombings"
            // and "the bombings" report the same thing.
            if m.label != Label::Event {
                skip.push((m.start, m.end));
            }
            if let Some(&corpus_id) = links.and_then(|l| l.get(m.entity as usize)) {
                let heavy = matches!(m.label, Label::Person | Label::Org | Label::Event);
                let f = intern(Key::Entity(corpus_id, heavy), &mut keys);
                *tf.entry(f).or_default() += 1.0;
                at.push((m.start, f));
            }
        }
        skip.sort_unstable();
        for (lower, start) in content_words(text, p.start, &skip) {
            let stemmed = stems.get(&lower);
            *surfaces.entry(stemmed.clone()).or_default().entry(lower).or_default() += 1;
            let f = intern(Key::Term(stemmed), &mut keys);
            *tf.entry(f).or_default() += 1.0;
            at.push((start, f));
        }
        let (tokens, sentences) = text::segment(text, p.start);
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Number) {
            let digits: String =
                doc.text[t.start as usize..t.end as usize].chars().filter(|c| c.is_ascii_digit()).collect();
            let in_date = skip.iter().any(|&(a, b)| a <= t.start && t.end <= b);
            if !in_date && digits.len() >= 2 && digits.trim_start_matches('0').len() >= 2 {
                *tf.entry(intern(Key::Number(digits), &mut keys)).or_default() += 1.0;
            }
        }
        for d in doc.dates.iter().filter(|d| d.start >= p.start && d.end <= p.end && d.value.len() >= 10) {
            *tf.entry(intern(Key::Day(d.value[..10].to_owned()), &mut keys)).or_default() += 1.0;
            when.extend(month_of(&d.value));
        }
        let starts: Vec<u32> = sentences.iter().map(|s| s.start).collect();
        signatures.push(sentence_signatures(&starts, at));
        // A passage that dates what it tells ("in 2011", "on Monday") lies in those months only: a
        // paragraph of today's story about a bombing years ago is about years ago. One that dates nothing
        // lies in its document's month.
        if when.is_empty() {
            when.extend(doc.meta.published.as_ref().and_then(|f| month_of(&f.value)));
        }
        when.sort_unstable();
        when.dedup();
        months.push(when);
        counts.push(tf.into_iter().collect());
    }
    // Inverse passage frequency: ln(N / df), so a feature every passage has weighs nothing.
    let mut df = vec![0u32; keys.len()];
    for c in &counts {
        for &(f, _) in c {
            df[f as usize] += 1;
        }
    }
    let n = passages.len().max(1) as f32;
    let vectors = counts
        .into_iter()
        .map(|c| {
            let mut v: Vector = c
                .into_iter()
                .map(|(f, tf)| {
                    let idf = (n / df[f as usize].max(1) as f32).ln().max(0.0);
                    (f, (1.0 + tf.ln()) * idf * keys[f as usize].weight())
                })
                .filter(|&(_, w)| w > 0.0)
                .collect();
            normalise(&mut v);
            v
        })
        .collect();
    let surface = surfaces
        .into_iter()
        .filter_map(|(s, forms)| {
            forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(form, _)| (s, form))
        })
        .collect();
    let stock = stock_passages(docs, passages, &signatures);
    Features { keys, vectors, months, surface, stock }
}

/// Whether a passage is its document's lead: the headline, standfirst or first paragraph, which tell
/// what the document reports.
fn is_lead(p: &Passage) -> bool {
    p.section != SectionKind::Body || p.paragraph == 0
}

/// A sentence with fewer features than this ("He said so.") is too short to tell stock text by.
const STOCK_MIN_FEATURES: usize = 4;
/// A sentence whose names and words recur, all of them and no others, in documents published in this
/// many different years is stock text.
const STOCK_YEARS: usize = 3;

/// The signatures of a passage's sentences: a hash of the set of names and content words each has, for
/// the sentences with at least [`STOCK_MIN_FEATURES`] of them. `starts` are the sentences' start
/// offsets, in order; `at` each name or word (feature id) with the offset where it occurs. Numbers,
/// days and years are left out: a stock sentence often comes back with another figure or date ("talks
/// began in 1992 but stalled twice").
fn sentence_signatures(starts: &[u32], mut at: Vec<(u32, u32)>) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let sentence = |offset: u32| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    at.sort_unstable_by_key(|&(offset, f)| (sentence(offset), f));
    at.dedup_by_key(|&mut (offset, f)| (sentence(offset), f));
    at.chunk_by(|a, b| sentence(a.0) == sentence(b.0))
        .filter(|run| run.len() >= STOCK_MIN_FEATURES)
        .map(|run| {
            let mut h = rustc_hash::FxHasher::default();
            for &(_, f) in run {
                f.hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// Which passages are stock text: every sentence of them (of those long enough to tell) recurs with the
/// same names and words in documents published in at least [`STOCK_YEARS`] different years, and they
/// are not their document's lead. Such a paragraph is background that outlets repeat whatever they
/// report ("Relations between the two countries have been strained for years", "The ministry did not
/// respond to a request for comment"), not the report of a happening: one happening is told within
/// weeks, not over years. Stock passages neither seed nor widen the cores of events, and join an event
/// only as a passage of one of its core's documents: they bring no document into an event. (On
/// generated corpora, stock paragraphs of the reports of different happenings in one country and month
/// made cores of their own, which then gathered the country's reports by place.)
fn stock_passages(docs: &[Document], passages: &[Passage], signatures: &[Vec<u64>]) -> Vec<bool> {
    let year = |p: &Passage| {
        docs[p.document as usize].meta.published.as_ref().and_then(|f| month_of(&f.value)).map(|m| m / 12)
    };
    // Per signature, the first STOCK_YEARS different years it was published in.
    let mut years: HashMap<u64, Vec<i32>> = HashMap::default();
    for (p, sigs) in passages.iter().zip(signatures) {
        let Some(y) = year(p) else { continue };
        for &s in sigs {
            let list = years.entry(s).or_default();
            if list.len() < STOCK_YEARS && !list.contains(&y) {
                list.push(y);
            }
        }
    }
    passages
        .iter()
        .zip(signatures)
        .map(|(p, sigs)| {
            !is_lead(p)
                && !sigs.is_empty()
                && sigs.iter().all(|s| years.get(s).is_some_and(|y| y.len() >= STOCK_YEARS))
        })
        .collect()
}

fn normalise(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// The cosine similarity of two unit vectors.
fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// How many features two unit vectors share that each add at least [`STRONG_FEATURE`] to their cosine:
/// one shared name or word can be chance ("Macron" in two paragraphs about different meetings), two
/// seldom are.
fn strong_shared(a: &Vector, b: &Vector) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if a[i].1 * b[j].1 >= STRONG_FEATURE {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// How many passages name each entity in each month, and how many passages each month has: a name that
/// a large share of the month's passages carry ("United States" in a month of world news) is not specific
/// to any one happening.
struct Specificity {
    named_in: HashMap<(u32, i32), u32>,
    in_month: HashMap<i32, u32>,
}

impl Specificity {
    fn new(features: &Features) -> Self {
        let mut named_in: HashMap<(u32, i32), u32> = HashMap::default();
        let mut in_month: HashMap<i32, u32> = HashMap::default();
        for (v, months) in features.vectors.iter().zip(&features.months) {
            for &m in months {
                *in_month.entry(m).or_default() += 1;
                for &(f, _) in v {
                    if matches!(features.keys[f as usize], Key::Entity(..)) {
                        *named_in.entry((f, m)).or_default() += 1;
                    }
                }
            }
        }
        Self { named_in, in_month }
    }

    /// Whether feature `f` is a name specific to a happening in one of `months` (never, for an undated
    /// passage).
    fn specific(&self, features: &Features, f: u32, months: &[i32]) -> bool {
        matches!(features.keys[f as usize], Key::Entity(..))
            && months.iter().any(|m| {
                let share = self.in_month.get(m).copied().unwrap_or(0) as f32 * SPECIFIC_SHARE;
                self.named_in.get(&(f, *m)).copied().unwrap_or(0) as f32 <= share.max(SPECIFIC_MIN)
            })
    }

    /// The names specific to their passage's months that at least `min_documents` documents among
    /// `members` carry: what a draft's other members are looked up by.
    fn names(
        &self,
        members: &[u32],
        min_documents: usize,
        passages: &[Passage],
        features: &Features,
        docs: &[Document],
        canonical: &Canonical,
    ) -> Vec<u32> {
        let mut docs_with: HashMap<u32, BTreeSet<u32>> = HashMap::default();
        for &p in members {
            let months = &features.months[p as usize];
            let passage = &passages[p as usize];
            // A headline's names are the least reliably read: the capitalised first word of a Title Case
            // headline looks like a name, and every story of a kind may share it. One whose first word
            // the document prints in lower case elsewhere ("Dockworkers Strike ..." over "dockworkers
            // walked off") is common words.
            let common = |f: u32| match features.keys[f as usize] {
                Key::Entity(e, _) => canonical.entities.get(e as usize).is_some_and(|x| {
                    let first = x.name.split_whitespace().next().unwrap_or_default();
                    let lower = first.to_lowercase();
                    lower != first && contains_word(&docs[passage.document as usize].text, &lower)
                }),
                _ => false,
            };
            for &(f, _) in &features.vectors[p as usize] {
                if self.specific(features, f, months)
                    && !(passage.section == SectionKind::Headline && common(f))
                {
                    docs_with.entry(f).or_default().insert(passages[p as usize].document);
                }
            }
        }
        let mut names: Vec<u32> =
            docs_with.into_iter().filter(|(_, d)| d.len() >= min_documents).map(|(f, _)| f).collect();
        // People, bodies and named events, when there are any: places are named in many more happenings
        // (several stories of one country in one month), so they find a shared happening's reports only
        // when it has no other name (an earthquake's towns). A lead story, told by one document so far,
        // looks for other reports by every name its lead gives.
        if min_documents >= 2
            && names.iter().any(|&f| matches!(features.keys[f as usize], Key::Entity(_, true)))
        {
            names.retain(|&f| matches!(features.keys[f as usize], Key::Entity(_, true)));
        }
        names.sort_unstable();
        names
    }
}

/// Whether `text` has `word` with no letter or digit on either side.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

/// The passages by name: a (name, month) inverted index, the postings of undated passages by name, and
/// each document's passages. A draft's members are looked up through its names and its documents only.
struct Index {
    dated: HashMap<(u32, i32), Vec<u32>>,
    undated: HashMap<u32, Vec<u32>>,
    /// Every passage by name, for undated lookups.
    any: HashMap<u32, Vec<u32>>,
    of_document: HashMap<u32, Vec<u32>>,
}

impl Index {
    /// Files each passage under every name it carries.
    fn new(features: &Features, passages: &[Passage]) -> Self {
        let mut dated: HashMap<(u32, i32), Vec<u32>> = HashMap::default();
        let mut undated: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut any: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut of_document: HashMap<u32, Vec<u32>> = HashMap::default();
        for (p, (v, months)) in features.vectors.iter().zip(&features.months).enumerate() {
            let p = u32::try_from(p).unwrap_or(u32::MAX);
            of_document.entry(passages[p as usize].document).or_default().push(p);
            // A passage is filed under each of its months and the next MONTH_WINDOW ones, so two
            // passages at most MONTH_WINDOW months apart meet under at least one key.
            let mut filed: Vec<i32> =
                months.iter().flat_map(|&m| (0..=MONTH_WINDOW).map(move |k| m + k)).collect();
            filed.sort_unstable();
            filed.dedup();
            for &(f, _) in v.iter().filter(|(f, _)| matches!(features.keys[*f as usize], Key::Entity(..))) {
                if months.is_empty() {
                    undated.entry(f).or_default().push(p);
                }
                any.entry(f).or_default().push(p);
                for &m in &filed {
                    dated.entry((f, m)).or_default().push(p);
                }
            }
        }
        Self { dated, undated, any, of_document }
    }

    /// Passages that carry name `f` near `months` (or anywhere, when there are none); a name that more
    /// than [`BLOCK_CAP`] passages carry there is too common to find anything by.
    fn near(&self, f: u32, months: &[i32], out: &mut Vec<u32>) {
        if months.is_empty() {
            if let Some(list) = self.any.get(&f).filter(|l| l.len() <= BLOCK_CAP) {
                out.extend(list);
            }
            return;
        }
        for &m in months {
            for k in 0..=MONTH_WINDOW {
                if let Some(list) = self.dated.get(&(f, m + k)).filter(|l| l.len() <= BLOCK_CAP) {
                    out.extend(list);
                }
            }
        }
        if let Some(list) = self.undated.get(&f).filter(|l| l.len() <= BLOCK_CAP) {
            out.extend(list);
        }
    }
}

/// An event while it is being built: its members by passage, with their similarity and role.
#[derive(Debug, Default)]
struct Draft {
    origin: Option<EventOrigin>,
    centroid: Vector,
    months: Vec<i32>,
    members: BTreeMap<u32, (f32, PassageRole)>,
    /// The passages it was seeded from.
    core: Vec<u32>,
    /// The names specific to its months that its core shares: other members are found through them.
    names: Vec<u32>,
    name: Option<String>,
    date: Option<String>,
}

/// Groups the corpus's passages into events. `canonical` is the corpus's entity table (see
/// [`crate::language::canonical::link`]); `specs` are the manifest's events.
pub fn group_passages(docs: &[Document], canonical: &Canonical, specs: &[EventSpec]) -> Events {
    let mut passages = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        passages.extend(passages_of(u32::try_from(i).unwrap_or(u32::MAX), doc));
    }
    let features = features(docs, canonical, &passages);
    let index = Index::new(&features, &passages);
    let specificity = Specificity::new(&features);
    let cores = single_pass(docs, &passages, &features, &specificity);
    let mut drafts: Vec<Draft> = cores
        .into_iter()
        .filter(|members| {
            let first = passages[members[0] as usize].document;
            members.iter().any(|&m| passages[m as usize].document != first)
        })
        .map(|members| {
            let mut d = seed(EventOrigin::Shared, &members, &features);
            d.names = specificity.names(&members, 2, &passages, &features, docs, canonical);
            d
        })
        .collect();
    for d in &mut drafts {
        attach(d, &features, &index, &passages);
    }
    cap_memberships(&mut drafts);
    drafts = merge(drafts, &features);
    for d in &mut drafts {
        assign_roles(d, &features, &passages);
    }

    // Lead stories no shared event reports.
    let mut leads: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (i, p) in passages.iter().enumerate() {
        if p.section == SectionKind::Headline || (p.section == SectionKind::Body && p.paragraph == 0) {
            leads.entry(p.document).or_default().push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    let reported: HashSet<u32> = drafts
        .iter()
        .filter(|d| reporting_documents(d, &passages).len() >= 2)
        .flat_map(|d| d.members.iter().filter(|(_, (_, r))| *r == PassageRole::Reports).map(|(p, _)| *p))
        .collect();
    for lead in leads.into_values() {
        if lead.iter().any(|p| reported.contains(p)) {
            continue;
        }
        let mut d = seed(EventOrigin::Lead, &lead, &features);
        d.names = specificity.names(&lead, 1, &passages, &features, docs, canonical);
        attach(&mut d, &features, &index, &passages);
        assign_roles(&mut d, &features, &passages);
        drafts.push(d);
    }
    // A shared event only one document reports, whose lead it is not, is left to the lead stories.
    drafts.retain(|d| d.origin == Some(EventOrigin::Lead) || reporting_documents(d, &passages).len() >= 2);
    cap_memberships(&mut drafts);
    drafts = merge(drafts, &features);
    drafts = merge_facets(drafts, docs, &passages, &features);

    for spec in specs {
        drafts.push(from_spec(spec, &features, canonical));
    }
    finish(drafts, docs, canonical, &features, passages)
}

/// A name is specific to a happening in a month when at most this share of the month's passages carry
/// it (or at most [`SPECIFIC_MIN`] passages, in a small corpus).
const SPECIFIC_SHARE: f32 = 0.1;
const SPECIFIC_MIN: f32 = 3.0;
/// How many of the clusters filed under a (name, month) key a passage is compared with: the latest.
const CLUSTER_CAP: usize = 64;

/// A core's documents' other paragraphs are compared with its first this many members only (a large
/// core's first members are as good a sample of it as all of them, and the cost stays linear).
const WIDEN_PEERS: usize = 16;
/// The most events one passage belongs to: those it is most like. A paragraph of general words lies near
/// many events' centroids and says little about any of them; without a bound, the number of memberships,
/// and with it the cost of merging and framing, grows faster than the corpus.
pub const EVENTS_PER_PASSAGE: usize = 8;

/// Keeps each passage in at most [`EVENTS_PER_PASSAGE`] drafts, those whose centroids it is most like; a
/// draft's own core passages always stay in it.
fn cap_memberships(drafts: &mut [Draft]) {
    let mut by_passage: HashMap<u32, Vec<(bool, f32, usize)>> = HashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        let core: HashSet<u32> = d.core.iter().copied().collect();
        for (&p, &(sim, _)) in &d.members {
            by_passage.entry(p).or_default().push((core.contains(&p), sim, i));
        }
    }
    let mut dropped: Vec<Vec<u32>> = vec![Vec::new(); drafts.len()];
    for (p, mut list) in by_passage {
        if list.len() <= EVENTS_PER_PASSAGE {
            continue;
        }
        list.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        for &(core, _, i) in &list[EVENTS_PER_PASSAGE..] {
            if !core {
                dropped[i].push(p);
            }
        }
    }
    for (d, ps) in drafts.iter_mut().zip(dropped) {
        for p in ps {
            d.members.remove(&p);
        }
    }
}

/// The last [`CLUSTER_CAP`] entries of a list.
fn latest(list: &[u32]) -> &[u32] {
    &list[list.len().saturating_sub(CLUSTER_CAP)..]
}

/// A cluster of the single pass: the sum of its members' unit vectors.
struct Cluster {
    sum: HashMap<u32, f32>,
    norm2: f32,
    members: Vec<u32>,
    /// The months of its first member: a passage joins only within [`MONTH_WINDOW`] of them, so a
    /// cluster cannot drift from month to month through a name every month has.
    anchor: Vec<i32>,
}

impl Cluster {
    /// The cosine of a unit vector with the cluster's centroid, and how many features each add at least
    /// [`STRONG_FEATURE`] to it.
    fn similarity(&self, v: &Vector, specific: &dyn Fn(u32) -> bool) -> (f32, usize, bool) {
        let norm = self.norm2.sqrt();
        if norm == 0.0 {
            return (0.0, 0, false);
        }
        let (mut sum, mut strong, mut named) = (0.0, 0, false);
        for &(f, w) in v {
            if let Some(c) = self.sum.get(&f) {
                let part = w * c / norm;
                sum += part;
                if part >= STRONG_FEATURE {
                    strong += 1;
                    named |= specific(f);
                }
            }
        }
        (sum, strong, named)
    }

    fn add(&mut self, p: u32, v: &Vector) {
        for &(f, w) in v {
            let c = self.sum.entry(f).or_default();
            self.norm2 += (*c + w) * (*c + w) - *c * *c;
            *c += w;
        }
        self.members.push(p);
    }
}

/// The cores of events: body passages clustered in one pass, in order of publication, each joining the
/// cluster whose centroid it is most like (at least [`CORE_SIMILARITY`], with two strong features of which
/// one is a name specific to the month: a happening has its people, bodies or places, and stories of one
/// kind share their words but not their names) and
/// that holds no passage of its own document yet, or starting one. A core thus lines up one passage per
/// document, like a row of the comparison; members, lead stories and merging then gather each
/// happening's passages around the cores. Clusters are found through an index keyed by (name, month), so
/// each passage is compared with a bounded number of clusters, never with every passage: the cost grows
/// linearly with the corpus. Comparing with centroids, not with single passages, keeps one shared name from chaining
/// unrelated stories together. Returns the clusters that span two or more documents.
fn single_pass(
    docs: &[Document],
    passages: &[Passage],
    features: &Features,
    specificity: &Specificity,
) -> Vec<Vec<u32>> {
    let published: Vec<i32> = docs
        .iter()
        .map(|d| d.meta.published.as_ref().and_then(|f| month_of(&f.value)).unwrap_or(i32::MAX))
        .collect();
    let mut order: Vec<u32> = (0..passages.len())
        .filter(|&p| passages[p].section == SectionKind::Body && !features.stock[p])
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
        .collect();
    order.sort_by_key(|&p| {
        let passage = &passages[p as usize];
        (published[passage.document as usize], passage.document, passage.paragraph)
    });
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut dated: HashMap<(u32, i32), Vec<u32>> = HashMap::default();
    let mut undated: HashMap<u32, Vec<u32>> = HashMap::default();
    let mut any: HashMap<u32, Vec<u32>> = HashMap::default();
    let mut candidates: Vec<u32> = Vec::new();
    for p in order {
        let v = &features.vectors[p as usize];
        let months = &features.months[p as usize];
        let specific = |f: u32| specificity.specific(features, f, months);
        candidates.clear();
        // A passage joins only a cluster that shares one of its month-specific names, so clusters are
        // looked up by those names alone, and only the latest [`CLUSTER_CAP`] clusters filed under a
        // name are candidates (passages come in order of publication, and a cluster whose first member is
        // further back than that is seldom the one a new report joins).
        // People, bodies and named events first, as for members (see [`Specificity::names`]).
        let mut names: Vec<u32> = v.iter().map(|&(f, _)| f).filter(|&f| specific(f)).collect();
        if names.iter().any(|&f| matches!(features.keys[f as usize], Key::Entity(_, true))) {
            names.retain(|&f| matches!(features.keys[f as usize], Key::Entity(_, true)));
        }
        for f in names {
            if months.is_empty()
                && let Some(list) = any.get(&f)
            {
                candidates.extend_from_slice(latest(list));
            }
            for &m in months {
                for k in -MONTH_WINDOW..=MONTH_WINDOW {
                    if let Some(list) = dated.get(&(f, m + k)) {
                        candidates.extend_from_slice(latest(list));
                    }
                }
            }
            if let Some(list) = undated.get(&f) {
                candidates.extend_from_slice(latest(list));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let doc = passages[p as usize].document;
        let best = candidates
            .iter()
            // Passages come document by document, so a cluster holds one of this document's passages
            // only if its last member is one.
            .filter(|&&c| {
                clusters[c as usize].members.last().is_none_or(|&m| passages[m as usize].document != doc)
            })
            .filter(|&&c| near_in_time(&clusters[c as usize].anchor, months))
            .map(|&c| (c, clusters[c as usize].similarity(v, &specific)))
            .filter(|&(_, (sim, strong, named))| sim >= CORE_SIMILARITY && strong >= 2 && named)
            .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(&a.0)));
        let c = match best {
            Some((c, _)) => c,
            None => {
                clusters.push(Cluster {
                    sum: HashMap::default(),
                    norm2: 0.0,
                    members: Vec::new(),
                    anchor: months.clone(),
                });
                u32::try_from(clusters.len() - 1).unwrap_or(u32::MAX)
            }
        };
        clusters[c as usize].add(p, v);
        // Filed under its names (the lookup's keys), whichever their weight.
        let names =
            v.iter().map(|&(f, _)| f).filter(|&f| matches!(features.keys[f as usize], Key::Entity(..)));
        for f in names {
            let file = |list: &mut Vec<u32>| {
                if list.last() != Some(&c) {
                    list.push(c);
                }
            };
            file(any.entry(f).or_default());
            if months.is_empty() {
                file(undated.entry(f).or_default());
            }
            for &m in months {
                file(dated.entry((f, m)).or_default());
            }
        }
    }
    // A core's documents may report it in more than one paragraph: each other body paragraph of those
    // documents that is as like a member of another document as a core's own members are joins it. Only
    // the first members are compared with, so cores do not chain.
    let mut body_of: HashMap<u32, Vec<u32>> = HashMap::default();
    for (i, p) in passages.iter().enumerate() {
        if p.section == SectionKind::Body {
            body_of.entry(p.document).or_default().push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    clusters
        .into_iter()
        .map(|c| c.members)
        .filter(|members| {
            let first = passages[members[0] as usize].document;
            members.iter().any(|&m| passages[m as usize].document != first)
        })
        .map(|members| {
            let mut core = members.clone();
            let mut taken: HashSet<u32> = members.iter().copied().collect();
            let peers = &members[..members.len().min(WIDEN_PEERS)];
            for &m in &members {
                let doc = passages[m as usize].document;
                for &q in body_of.get(&doc).into_iter().flatten() {
                    if taken.contains(&q) || features.stock[q as usize] {
                        continue;
                    }
                    let v = &features.vectors[q as usize];
                    let joins = peers.iter().any(|&o| {
                        let w = &features.vectors[o as usize];
                        passages[o as usize].document != doc
                            && cosine(v, w) >= CORE_SIMILARITY
                            && strong_shared(v, w) >= 2
                    });
                    if joins {
                        core.push(q);
                        taken.insert(q);
                    }
                }
            }
            core.sort_unstable();
            core
        })
        .collect()
}

/// A draft event whose core is `members`.
fn seed(origin: EventOrigin, members: &[u32], features: &Features) -> Draft {
    let mut sum: HashMap<u32, f32> = HashMap::default();
    let mut months = Vec::new();
    for &m in members {
        for &(f, w) in &features.vectors[m as usize] {
            *sum.entry(f).or_default() += w;
        }
        months.extend(&features.months[m as usize]);
    }
    months.sort_unstable();
    months.dedup();
    let mut top: Vector = sum.into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(CENTROID_FEATURES);
    top.sort_unstable_by_key(|&(f, _)| f);
    normalise(&mut top);
    let core = members.to_vec();
    let members = members.iter().map(|&m| (m, (1.0, PassageRole::Reports))).collect();
    Draft {
        origin: Some(origin),
        centroid: top,
        months,
        members,
        core,
        names: Vec::new(),
        name: None,
        date: None,
    }
}

/// Adds to a draft every passage near enough to its centroid, then recomputes the centroid from the
/// core and the passages that report it, [`REFINEMENTS`] times.
fn attach(d: &mut Draft, features: &Features, index: &Index, passages: &[Passage]) {
    let core: Vec<u32> = d.core.clone();
    let mut documents: Vec<u32> = core.iter().map(|&p| passages[p as usize].document).collect();
    documents.sort_unstable();
    documents.dedup();
    for round in 0..=REFINEMENTS {
        if round > 0 {
            let mut reporting: Vec<u32> =
                d.members.iter().filter(|(_, (_, r))| *r == PassageRole::Reports).map(|(p, _)| *p).collect();
            reporting.extend(&core);
            reporting.sort_unstable();
            reporting.dedup();
            let origin = d.origin.unwrap_or(EventOrigin::Shared);
            // The centroid learns from the members; the months stay the core's, so an event cannot
            // wander in time through its members.
            let refined = seed(origin, &reporting, features);
            d.centroid = refined.centroid;
            d.members = core.iter().map(|&m| (m, (1.0, PassageRole::Reports))).collect();
        }
        attach_once(d, features, index, &documents, passages);
    }
}

/// One round of [`attach`]: the candidates are the passages of the core's documents and those that carry
/// one of the draft's names near its months. A passage of another document that names none of the
/// happening's own people, bodies or places does not report it, however many of its words it shares (a
/// story of the same kind in the same weeks shares them all).
fn attach_once(d: &mut Draft, features: &Features, index: &Index, documents: &[u32], passages: &[Passage]) {
    let mut near = Vec::new();
    for &f in &d.names {
        index.near(f, &d.months, &mut near);
    }
    for doc in documents {
        near.extend(index.of_document.get(doc).into_iter().flatten());
    }
    near.extend(d.members.keys());
    near.sort_unstable();
    near.dedup();
    let core: HashSet<u32> = d.members.keys().copied().collect();
    for p in near {
        // Stock text joins an event only from a document of its core: it brings in no document.
        if features.stock[p as usize] && documents.binary_search(&passages[p as usize].document).is_err() {
            continue;
        }
        let sim = cosine(&features.vectors[p as usize], &d.centroid);
        let in_core = core.contains(&p);
        if in_core || sim >= MEMBER_SIMILARITY {
            let role = if in_core || sim >= REPORT_SIMILARITY {
                PassageRole::Reports
            } else {
                PassageRole::Mentions
            };
            d.members.insert(p, (sim, role));
        }
    }
}

/// The documents with a passage that reports a draft's event.
fn reporting_documents(d: &Draft, passages: &[Passage]) -> BTreeSet<u32> {
    d.members
        .iter()
        .filter(|(_, (_, r))| *r == PassageRole::Reports)
        .map(|(p, _)| passages[*p as usize].document)
        .collect()
}

/// Decides, for each member of a draft, whether it reports the event or mentions it in passing: a
/// member reports it when at least [`REPORT_COVERAGE`] of its squared weight lies on the event's own
/// features. Those are the features that the core passages of two or more documents share (for a lead
/// story, the features of its lead), so a paragraph about something else that names the event in a
/// clause ("since the bombings") only mentions it.
fn assign_roles(d: &mut Draft, features: &Features, passages: &[Passage]) {
    let mut docs_with: HashMap<u32, BTreeSet<u32>> = HashMap::default();
    let core: HashSet<u32> = d.core.iter().copied().collect();
    for p in
        d.members.iter().filter(|(p, (s, _))| core.contains(p) || *s >= REPORT_SIMILARITY).map(|(p, _)| *p)
    {
        for &(f, _) in &features.vectors[p as usize] {
            docs_with.entry(f).or_default().insert(passages[p as usize].document);
        }
    }
    let need = if d.origin == Some(EventOrigin::Lead) { 1 } else { 2 };
    let own: HashSet<u32> =
        docs_with.into_iter().filter(|(_, docs)| docs.len() >= need).map(|(f, _)| f).collect();
    for (p, (_, role)) in d.members.iter_mut() {
        let coverage: f32 =
            features.vectors[*p as usize].iter().filter(|(f, _)| own.contains(f)).map(|(_, w)| w * w).sum();
        *role = if coverage >= REPORT_COVERAGE { PassageRole::Reports } else { PassageRole::Mentions };
    }
}

/// Whether two sets of months have months at most [`MONTH_WINDOW`] apart (undated sets are near all).
fn near_in_time(a: &[i32], b: &[i32]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.iter().any(|y| (x - y).abs() <= MONTH_WINDOW))
}

/// Merges drafts about the same happening: those that share at least half of their passages (Jaccard
/// index) and whose main months are near. (Merging drafts whose centroids were merely alike joined the
/// stories of nearby months that share a country and common words: on 3,000 generated documents it
/// took the pairwise precision of main events from 0.92 to 0.46.)
fn merge(drafts: Vec<Draft>, features: &Features) -> Vec<Draft> {
    // Only drafts that share a passage are compared, and their shared passages are counted passage by
    // passage: each passage belongs to at most [`EVENTS_PER_PASSAGE`] drafts, so this is linear in the
    // number of memberships, not quadratic in the number of drafts or in their sizes.
    let mut by_passage: HashMap<u32, Vec<usize>> = HashMap::default();
    for (i, d) in drafts.iter().enumerate() {
        for &p in d.members.keys() {
            by_passage.entry(p).or_default().push(i);
        }
    }
    let pairs = co_occurrences(by_passage.values());
    // Each draft's main month: the month most of its core passages lie in. Comparing main months, not
    // all months, keeps a background paragraph ("sanctions first imposed in 1996") from bridging a story
    // of today to one of decades ago.
    let main: Vec<Vec<i32>> = drafts
        .iter()
        .map(|d| {
            let mut count: BTreeMap<i32, usize> = BTreeMap::new();
            for &p in &d.core {
                if let Some(&m) = features.months[p as usize].first() {
                    *count.entry(m).or_default() += 1;
                }
            }
            count
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(m, _)| vec![m])
                .unwrap_or_default()
        })
        .collect();
    let mut parent: Vec<usize> = (0..drafts.len()).collect();
    for ((i, j), inter) in pairs {
        let (a, b) = (&drafts[i], &drafts[j]);
        let union = (a.members.len() + b.members.len() - inter).max(1);
        if inter * 2 >= union && near_in_time(&main[i], &main[j]) {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            if ri != rj {
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<Draft>> = BTreeMap::new();
    for (i, d) in drafts.into_iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(d);
    }
    groups
        .into_values()
        .map(|mut group| {
            if group.len() == 1 {
                return group.remove(0);
            }
            let shared = group.iter().any(|d| d.origin == Some(EventOrigin::Shared));
            let mut members: BTreeMap<u32, (f32, PassageRole)> = BTreeMap::new();
            let mut core: Vec<u32> = Vec::new();
            let mut names: Vec<u32> = Vec::new();
            for d in group {
                for (p, (s, r)) in d.members {
                    let e = members.entry(p).or_insert((s, r));
                    e.0 = e.0.max(s);
                }
                core.extend(d.core);
                names.extend(d.names);
            }
            core.sort_unstable();
            core.dedup();
            names.sort_unstable();
            names.dedup();
            let origin = if shared { EventOrigin::Shared } else { EventOrigin::Lead };
            let mut merged = seed(origin, &core, features);
            merged.members = members;
            merged.names = names;
            merged
        })
        .collect()
}

/// Given postings (the drafts that hold one passage, or one document), each pair of drafts that share a
/// posting and how many they share, in order. The cost is the sum of the postings' squared lengths.
fn co_occurrences<'a>(postings: impl Iterator<Item = &'a Vec<usize>>) -> Vec<((usize, usize), usize)> {
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for ds in postings {
        for (k, &a) in ds.iter().enumerate() {
            for &b in &ds[k + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

/// The root of `x` in a union-find forest (with path halving).
fn root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Merges drafts that are facets of one happening: the same two or more documents report them, and
/// their dates agree (the same day or month, or one is the day of the earliest report and the other a
/// day of the same month). "The union called the strike" and "ships were diverted" are one strike; a
/// warning given in 2011 and a phone call in 2013, reported by the same two stories, stay two events.
fn merge_facets(
    drafts: Vec<Draft>,
    docs: &[Document],
    passages: &[Passage],
    features: &Features,
) -> Vec<Draft> {
    let keys: Vec<(BTreeSet<u32>, Option<String>)> = drafts
        .iter()
        .map(|d| {
            let reporting: Vec<u32> =
                d.members.iter().filter(|(_, (_, r))| *r == PassageRole::Reports).map(|(p, _)| *p).collect();
            let documents = reporting_documents(d, passages);
            let list: Vec<u32> = documents.iter().copied().collect();
            let (date, _) = date_of(&reporting, &list, docs, passages, features);
            (documents, date)
        })
        .collect();
    // Drafts of the same month whose two or more documents are mostly the same (Jaccard index at least
    // one half) go to the first of them. Pairs are found through the documents they share, month by
    // month, so drafts that share no document are never compared.
    let mut by_document: HashMap<(String, u32), Vec<usize>> = HashMap::default();
    for (i, (documents, date)) in keys.iter().enumerate() {
        let Some(month) = date.as_ref().filter(|d| d.len() >= 7).map(|d| d[..7].to_owned()) else { continue };
        if documents.len() < 2 {
            continue;
        }
        for &doc in documents {
            by_document.entry((month.clone(), doc)).or_default().push(i);
        }
    }
    let pairs = co_occurrences(by_document.values());
    let mut target: Vec<usize> = (0..drafts.len()).collect();
    for ((a, b), inter) in pairs {
        let union = keys[a].0.len() + keys[b].0.len() - inter;
        if inter * 2 >= union {
            let (ra, rb) = (root(&mut target, a), root(&mut target, b));
            if ra != rb {
                target[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    for j in 0..target.len() {
        target[j] = root(&mut target, j);
    }
    fold_small_facets(&keys, &by_document, &mut target);
    let mut out: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    for j in 0..out.len() {
        let i = target[j];
        if i == j {
            continue;
        }
        let Some(other) = out[j].take() else { continue };
        if let Some(keep) = out[i].as_mut() {
            for (p, (s, r)) in other.members {
                let e = keep.members.entry(p).or_insert((s, r));
                e.0 = e.0.max(s);
                if r == PassageRole::Reports {
                    e.1 = r;
                }
            }
            keep.core.extend(other.core);
            keep.core.sort_unstable();
            keep.core.dedup();
            keep.names.extend(other.names);
            keep.names.sort_unstable();
            keep.names.dedup();
            let refreshed = seed(EventOrigin::Shared, &keep.core, features);
            keep.centroid = refreshed.centroid;
            keep.months = refreshed.months;
            keep.origin = Some(EventOrigin::Shared);
        }
    }
    out.into_iter().flatten().collect()
}

/// The most documents a facet folded into a larger event may have ([`fold_small_facets`]).
const SMALL_FACET: usize = 3;

/// Folds a small draft into a larger one of the same month that reports all of its documents: two of the
/// twenty stories of an earthquake that quote the same rescuer, or share a paragraph on the aid sent,
/// tell a part of the earthquake, not an event of their own. Only a draft standing alone after the
/// merges by likeness (`target[j] == j`, no other draft pointing to it), with two to [`SMALL_FACET`]
/// documents, goes, and only into a group with at least twice its documents, the largest if several
/// hold it: two large events that share a few documents are never joined through a small one. A
/// happening of another month (a past event the stories recall) stays on its own.
fn fold_small_facets(
    keys: &[(BTreeSet<u32>, Option<String>)],
    by_document: &HashMap<(String, u32), Vec<usize>>,
    target: &mut [usize],
) {
    let mut group_documents: HashMap<usize, BTreeSet<u32>> = HashMap::default();
    let mut group_size: HashMap<usize, usize> = HashMap::default();
    for (j, &r) in target.iter().enumerate() {
        group_documents.entry(r).or_default().extend(&keys[j].0);
        *group_size.entry(r).or_default() += 1;
    }
    let mut folds = Vec::new();
    for (j, (documents, date)) in keys.iter().enumerate() {
        let Some(month) = date.as_ref().filter(|d| d.len() >= 7).map(|d| &d[..7]) else { continue };
        if target[j] != j || group_size[&j] != 1 || !(2..=SMALL_FACET).contains(&documents.len()) {
            continue;
        }
        let Some(&first) = documents.first() else { continue };
        let candidates = by_document.get(&(month.to_owned(), first)).map(Vec::as_slice).unwrap_or_default();
        let best = candidates
            .iter()
            .map(|&i| target[i])
            .filter(|&r| r != j)
            .filter_map(|r| Some((r, group_documents.get(&r)?)))
            .filter(|(_, all)| all.len() >= 2 * documents.len() && documents.is_subset(all))
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)));
        if let Some((r, _)) = best {
            folds.push((j, r));
        }
    }
    // Decided on the groups before any fold, so a folded draft never takes another with it.
    for (j, r) in folds {
        target[j] = r;
    }
}

/// A manifest event: the passages with at least half of its anchors.
fn from_spec(spec: &EventSpec, features: &Features, canonical: &Canonical) -> Draft {
    let key_of: HashMap<&Key, u32> =
        features.keys.iter().enumerate().map(|(i, k)| (k, u32::try_from(i).unwrap_or(u32::MAX))).collect();
    // Each anchor is a set of features that must all be present: an entity, or the words of a phrase.
    let anchors: Vec<Vec<Option<u32>>> = spec
        .anchors
        .iter()
        .map(|a| {
            let wanted = a.trim().to_lowercase();
            let entity = canonical.entities.iter().position(|e| {
                e.name.to_lowercase() == wanted || e.aliases.iter().any(|x| x.to_lowercase() == wanted)
            });
            match entity {
                Some(e) => {
                    let id = u32::try_from(e).unwrap_or(u32::MAX);
                    vec![
                        key_of
                            .get(&Key::Entity(id, true))
                            .or_else(|| key_of.get(&Key::Entity(id, false)))
                            .copied(),
                    ]
                }
                None => {
                    content_words(a, 0, &[]).map(|(w, _)| key_of.get(&Key::Term(stem(&w))).copied()).collect()
                }
            }
        })
        .filter(|a: &Vec<Option<u32>>| !a.is_empty())
        .collect();
    let need = anchors.len().div_ceil(2).max(1);
    let mut members = BTreeMap::new();
    for (p, v) in features.vectors.iter().enumerate() {
        let has = |f: Option<u32>| f.is_some_and(|f| v.binary_search_by_key(&f, |&(g, _)| g).is_ok());
        let hits = anchors.iter().filter(|a| a.iter().all(|&f| has(f))).count();
        if !anchors.is_empty() && hits >= need {
            members.insert(u32::try_from(p).unwrap_or(u32::MAX), (1.0, PassageRole::Reports));
        }
    }
    Draft {
        origin: Some(EventOrigin::Manifest),
        centroid: Vec::new(),
        months: Vec::new(),
        members,
        core: Vec::new(),
        names: Vec::new(),
        name: Some(spec.name.trim().to_owned()),
        date: spec.date.clone(),
    }
}

/// Turns drafts into events: label, date, documents, characteristic entities and words; sorted by date.
fn finish(
    drafts: Vec<Draft>,
    docs: &[Document],
    canonical: &Canonical,
    features: &Features,
    passages: Vec<Passage>,
) -> Events {
    let mut events: Vec<Event> = Vec::new();
    for d in drafts {
        let mut origin = d.origin.unwrap_or(EventOrigin::Shared);
        let mut documents: Vec<u32> = Vec::new();
        let mut mentioned_in: Vec<u32> = Vec::new();
        for (&p, &(_, role)) in &d.members {
            let doc = passages[p as usize].document;
            if role == PassageRole::Reports {
                documents.push(doc);
            } else {
                mentioned_in.push(doc);
            }
        }
        documents.sort_unstable();
        documents.dedup();
        mentioned_in.sort_unstable();
        mentioned_in.dedup();
        mentioned_in.retain(|m| documents.binary_search(m).is_err());
        if documents.is_empty() || (origin == EventOrigin::Shared && documents.len() < 2) {
            continue;
        }
        // A lead story another document reports too is a shared event.
        if origin == EventOrigin::Lead && documents.len() >= 2 {
            origin = EventOrigin::Shared;
        }
        let reporting: Vec<u32> =
            d.members.iter().filter(|(_, (_, r))| *r == PassageRole::Reports).map(|(p, _)| *p).collect();
        // Features by weight in the reporting passages, counting each document once per feature.
        let mut weight: HashMap<u32, f32> = HashMap::default();
        let mut docs_with: HashMap<u32, HashSet<u32>> = HashMap::default();
        // Headlines are left out: they are short, and their names are the least reliably read.
        let body: Vec<u32> = reporting
            .iter()
            .copied()
            .filter(|&p| passages[p as usize].section == SectionKind::Body)
            .collect();
        for &p in if body.is_empty() { &reporting } else { &body } {
            for &(f, w) in &features.vectors[p as usize] {
                *weight.entry(f).or_default() += w;
                docs_with.entry(f).or_default().insert(passages[p as usize].document);
            }
        }
        // A feature that several documents share describes the event better than one document's word.
        let mut ranked: Vec<(u32, f32)> = weight
            .into_iter()
            .map(|(f, w)| (f, w * docs_with.get(&f).map_or(1, HashSet::len) as f32))
            .collect();
        let shared = |f: &u32| docs_with.get(f).map_or(0, HashSet::len);
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let entities: Vec<u32> = ranked
            .iter()
            .filter_map(|&(f, _)| match features.keys[f as usize] {
                Key::Entity(e, _)
                    if canonical.entities.get(e as usize).is_some_and(|x| x.label != Label::Date) =>
                {
                    Some(e)
                }
                _ => None,
            })
            .take(8)
            .collect();
        let terms: Vec<String> = ranked
            .iter()
            .filter(|(f, _)| documents.len() < 2 || shared(f) >= 2)
            .filter_map(|&(f, _)| match &features.keys[f as usize] {
                Key::Term(s) => features.surface.get(s).cloned(),
                _ => None,
            })
            .take(8)
            .collect();
        // What kind of happening it is, when its reports say so: the best-ranked event noun ("earthquake",
        // "talks", "protest") that at least half of its documents use.
        let heads = &crate::language::lexicon::lexicon().event_heads;
        let kind: Option<String> = ranked.iter().filter(|(f, _)| shared(f) * 2 >= documents.len()).find_map(
            |&(f, _)| match &features.keys[f as usize] {
                // Surface forms are lowercase.
                Key::Term(s) => features.surface.get(s).filter(|w| heads.contains(w.as_str())).cloned(),
                _ => None,
            },
        );
        let words: Vec<String> =
            kind.iter().cloned().chain(terms.iter().filter(|t| Some(*t) != kind.as_ref()).cloned()).collect();
        // A lead story is told by its document's headline; a shared event by what its reports share.
        let headline = || {
            let doc = documents.first().and_then(|&i| docs.get(i as usize));
            doc.and_then(|d| d.meta.headline.as_ref())
                .map(|h| h.value.trim().to_owned())
                .filter(|h| !h.is_empty())
        };
        let label = match (&d.name, origin) {
            (Some(name), _) => name.clone(),
            (None, EventOrigin::Lead) => {
                headline().unwrap_or_else(|| label(&entities, &words, &reporting, docs, canonical, &passages))
            }
            (None, _) => label(&entities, &words, &reporting, docs, canonical, &passages),
        };
        let (date, date_rule) = match d.date.clone() {
            Some(day) => (Some(day), Some("corpus manifest".to_owned())),
            None => date_of(&reporting, &documents, docs, &passages, features),
        };
        let event_passages =
            d.members.iter().map(|(&p, &(score, role))| EventPassage { passage: p, role, score }).collect();
        events.push(Event {
            id: String::new(),
            label,
            date,
            date_rule,
            origin,
            documents,
            mentioned_in,
            passages: event_passages,
            entities,
            terms,
        });
    }
    events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.label.cmp(&b.label)));
    let mut used: HashMap<String, u32> = HashMap::default();
    for e in &mut events {
        let base = format!("event-{}", slug(&e.label));
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        e.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    Events { passages, events }
}

/// A readable label: the named event its passages share, else its two most telling entities (or one
/// entity and two words, or two words). `terms` are its telling words, the kind of happening first when
/// it is known.
fn label(
    entities: &[u32],
    terms: &[String],
    reporting: &[u32],
    docs: &[Document],
    canonical: &Canonical,
    passages: &[Passage],
) -> String {
    // A named event ("the Madrid train bombings", "the Tokyo Olympics") that the most documents name.
    let mut named: HashMap<u32, HashSet<u32>> = HashMap::default();
    for &p in reporting {
        let passage = &passages[p as usize];
        let doc = &docs[passage.document as usize];
        let links = canonical.links.get(passage.document as usize);
        for m in doc
            .analysis
            .mentions
            .iter()
            .filter(|m| m.label == Label::Event && m.start >= passage.start && m.end <= passage.end)
        {
            if let Some(&e) = links.and_then(|l| l.get(m.entity as usize)) {
                named.entry(e).or_default().insert(passage.document);
            }
        }
    }
    let documents: HashSet<u32> = reporting.iter().map(|&p| passages[p as usize].document).collect();
    // Only a named event that is among the event's most telling entities: a summit named in a report
    // of a phone call about it does not name the call.
    if let Some((e, _)) = named
        .iter()
        .filter(|(e, d)| d.len() * 2 >= documents.len() && entities.iter().take(3).any(|x| x == *e))
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        && let Some(entity) = canonical.entities.get(*e as usize)
    {
        return entity.name.clone();
    }
    let names: Vec<&str> = entities
        .iter()
        .filter_map(|&e| canonical.entities.get(e as usize))
        .filter(|e| !matches!(e.label, Label::Date | Label::Norp))
        .map(|e| e.name.as_str())
        .take(2)
        .collect();
    // Two names say more than any words; words fill in when the passages share fewer names.
    let words: Vec<&str> =
        terms.iter().map(String::as_str).take(if names.len() >= 2 { 0 } else { 2 }).collect();
    match (names.is_empty(), words.is_empty()) {
        (false, false) => format!("{}: {}", names.join(", "), words.join(", ")),
        (false, true) => names.join(", "),
        (true, false) => words.join(", "),
        (true, true) => "Untitled event".to_owned(),
    }
}

/// The body paragraphs that open a story (its lead): where a news story says what happened and when.
const LEAD_PARAGRAPHS: u32 = 3;

/// When the event happened, and how that is known, in this order: a day two or more of its documents
/// state; a year before the first report that at least half of its documents state ("warned the FBI in
/// 2011"); a day one document states, when that is half of them, in its headline, standfirst or first
/// [`LEAD_PARAGRAPHS`] paragraphs if the event is told there; else the day of the earliest report.
/// Days after the first report are later developments and are not candidates. A year or a lone day that
/// fewer state is background ("the 1990 treaty"), not the event's: an event that 22 stories of 2009
/// report is not dated 1990 because two of them recall it, and a story is not dated by a press
/// conference its last paragraphs recall.
fn date_of(
    reporting: &[u32],
    documents: &[u32],
    docs: &[Document],
    passages: &[Passage],
    features: &Features,
) -> (Option<String>, Option<String>) {
    let published = |d: u32| {
        docs[d as usize].meta.published.as_ref().map(|f| f.value.get(..10).unwrap_or(&f.value).to_owned())
    };
    let earliest = documents.iter().filter_map(|&d| published(d)).min();
    let mut days: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    // The days stated where a story says what happened: its headline, standfirst and lead.
    let mut lead_days: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    let mut years: BTreeMap<i32, BTreeSet<u32>> = BTreeMap::new();
    for &p in reporting {
        let passage = &passages[p as usize];
        let doc = &docs[passage.document as usize];
        let lead = passage.paragraph < LEAD_PARAGRAPHS;
        for d in doc
            .dates
            .iter()
            .filter(|d| d.start >= passage.start && d.end <= passage.end && d.value.len() >= 10)
        {
            let day = d.value[..10].to_owned();
            if earliest.as_ref().is_none_or(|e| day.as_str() <= e.as_str()) {
                if lead {
                    lead_days.entry(day.clone()).or_default().insert(passage.document);
                }
                days.entry(day).or_default().insert(passage.document);
            }
        }
        for &(f, _) in &features.vectors[p as usize] {
            if let Key::Year(y) = features.keys[f as usize] {
                let before =
                    earliest.as_ref().and_then(|e| e.get(..4)?.parse::<i32>().ok()).is_none_or(|e| y < e);
                if before {
                    years.entry(y).or_default().insert(passage.document);
                }
            }
        }
    }
    let n = documents.len();
    let most = |days: &'_ BTreeMap<String, BTreeSet<u32>>| {
        days.iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
            .map(|(d, by)| (d.clone(), by.len()))
    };
    let best_day = most(&days);
    // An event told by its stories' leads takes a lone day from a lead; one told by later paragraphs
    // alone (a past happening the stories recall) from those.
    let told_in_leads = reporting.iter().any(|&p| passages[p as usize].paragraph < LEAD_PARAGRAPHS);
    let lone_day = most(if told_in_leads { &lead_days } else { &days });
    let best_year = years
        .iter()
        .filter(|(_, by)| by.len() * 2 >= n)
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)));
    match (best_day, best_year, lone_day) {
        (Some((day, by)), _, _) if by >= 2 => (Some(day), Some(format!("stated in {by} of {n} documents"))),
        (_, Some((year, by)), _) => {
            (Some(year.to_string()), Some(format!("year stated in {} of {n} documents", by.len())))
        }
        (_, None, Some((day, by))) if by * 2 >= n => {
            (Some(day), Some(format!("stated in {by} of {n} documents")))
        }
        _ => match earliest {
            Some(day) => (Some(day), Some("earliest report".to_owned())),
            None => (None, None),
        },
    }
}

/// Lowercase ASCII letters and digits, other runs as one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "event".to_owned()
    } else {
        out.chars().take(60).collect::<String>().trim_end_matches('-').to_owned()
    }
}
