//! Full-text search and facets over a corpus: what the Library's search box and facet panel ask.
//!
//! A document has two searchable *parts*: its article (headline, standfirst, subheadings, body, captions)
//! and its reader comments, kept apart so that a search can be confined to the journalism or to the
//! audience. Each part is indexed by its lowercase word and number tokens with their positions and
//! spans, so a query can ask for:
//!
//! - `words`: every word must occur in the document (in the chosen parts);
//! - `"exact phrases"`: consecutive tokens, punctuation between them ignored;
//! - `prefix*`: any word that starts so (at most [`PREFIX_EXPANSIONS`] words of the vocabulary);
//! - `-exclusion` and `-"excluded phrase"`: no document that has it;
//! - entity names: a word or phrase that is a corpus entity's name or alias (case aside) also matches
//!   every mention of that entity, so "the chancellor" found as a mention of a person is a hit for that
//!   person's name.
//!
//! Results are ranked by Okapi BM25 (k1 = 1.2, b = 0.75) summed over the query's clauses, with each
//! phrase or entity clause scored as one term, and carry keyword-in-context snippets whose highlights are
//! byte ranges into the snippet's text. Facet counts are computed here too, with each facet's own
//! selection left out of its counts (so choosing one outlet still shows how many hits the others have).

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::document::SectionKind;
use crate::events::Events;
use crate::framing::SharedStr;
use crate::language::Label;
use crate::language::canonical::Canonical;
use crate::text::{self, TokenKind};

/// The most vocabulary words one `prefix*` stands for (the most frequent first).
pub const PREFIX_EXPANSIONS: usize = 64;
/// BM25's term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Tokens of context on each side of a hit in a snippet, and snippets per result.
const CONTEXT_TOKENS: usize = 8;
const SNIPPETS: usize = 3;

/// Where a search looks: a document's article, or its reader comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Article,
    Comments,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Article, Part::Comments];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Comments => "comments",
        }
    }

    fn of(kind: SectionKind) -> Option<Part> {
        match kind {
            SectionKind::Headline
            | SectionKind::Subheading
            | SectionKind::Standfirst
            | SectionKind::Body
            | SectionKind::Caption => Some(Part::Article),
            SectionKind::Comment => Some(Part::Comments),
            _ => None,
        }
    }
}

/// One clause of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Lowercase tokens that must follow each other (one token for a plain word).
    Phrase(Vec<String>),
    /// A word prefix, lowercase, without its `*`.
    Prefix(String),
}

/// A parsed query: clauses every result has, and clauses no result has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<Clause>,
    pub exclude: Vec<Clause>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// The lowercase word and number tokens of `text`.
fn words(text: &str) -> Vec<String> {
    let (tokens, _) = text::segment(text, 0);
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| text[t.start as usize..t.end as usize].to_lowercase())
        .collect()
}

/// Parses what a user typed. Quotes group a phrase (an unclosed quote runs to the end), a leading `-`
/// excludes, a trailing `*` makes a prefix; anything else is words. Never fails: text with no words
/// (punctuation only) gives an empty query.
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let mut rest = input.trim();
    while !rest.is_empty() {
        let negate = rest.starts_with('-') && rest.len() > 1;
        let body = if negate { &rest[1..] } else { rest };
        let (chunk, quoted, after) = if let Some(inner) = body.strip_prefix(['"', '\u{201C}']) {
            let end = inner.find(['"', '\u{201D}']).unwrap_or(inner.len());
            let skip = inner[end..].chars().next().map_or(0, char::len_utf8);
            (&inner[..end], true, &inner[end + skip..])
        } else {
            let end = body.find(char::is_whitespace).unwrap_or(body.len());
            (&body[..end], false, &body[end..])
        };
        rest = after.trim_start();
        let mut clauses = Vec::new();
        if quoted {
            let w = words(chunk);
            if !w.is_empty() {
                clauses.push(Clause::Phrase(w));
            }
        } else if let Some(stem) = chunk.strip_suffix('*').filter(|s| !s.is_empty()) {
            match words(stem).as_slice() {
                [] => {}
                [one] => clauses.push(Clause::Prefix(one.clone())),
                // "U.S.*" and the like: the words before the last are a phrase of their own.
                [init @ .., last] => {
                    clauses.push(Clause::Phrase(init.to_vec()));
                    clauses.push(Clause::Prefix(last.clone()));
                }
            }
        } else {
            // A word with inner punctuation ("U.S.-Russia") is the phrase of its tokens.
            let w = words(chunk);
            if !w.is_empty() {
                clauses.push(Clause::Phrase(w));
            }
        }
        if negate {
            query.exclude.extend(clauses);
        } else {
            query.include.extend(clauses);
        }
    }
    query
}

/// A token of a part: its position in the part, and its byte span in the document's text.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    unit: u32,
    position: u32,
    start: u32,
    end: u32,
}

/// A searchable unit: one part of one document.
#[derive(Debug, Clone)]
struct Unit {
    document: u32,
    part: Part,
    /// Tokens in order: (start, end) in the document's text, and the word's id.
    tokens: Vec<(u32, u32, u32)>,
}

/// The search index of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Index {
    units: Vec<Unit>,
    /// Each word's occurrences (by word id), in unit and position order.
    postings: Vec<Vec<Occurrence>>,
    /// The vocabulary in order, with each word's id, for words and prefixes.
    vocabulary: BTreeMap<String, u32>,
    /// Lowercase entity names and aliases → corpus entity.
    names: HashMap<String, Vec<u32>>,
    /// Each corpus entity's mentions: (unit, start, end).
    mentions: Vec<Vec<(u32, u32, u32)>>,
    /// Average unit length in tokens, per part.
    average: [f32; 2],
}

/// Where one clause matches: every hit as (unit, start, end), sorted. The spans are byte spans in the
/// document's text (token positions in a [`chunked`] index). One list, not a list per unit: a common
/// word's hundred thousand units are one allocation to make and to free.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Hits {
    list: Vec<(u32, u32, u32)>,
    /// How many units have a hit (the clause's document frequency, in units).
    units: usize,
}

impl Hits {
    /// The hits, in any order.
    pub(crate) fn new(mut list: Vec<(u32, u32, u32)>) -> Self {
        list.sort_unstable();
        let units = list.chunk_by(|a, b| a.0 == b.0).count();
        Self { list, units }
    }

    /// Each unit with a hit, in order, with its hits.
    pub(crate) fn by_unit(&self) -> impl Iterator<Item = (u32, &[(u32, u32, u32)])> {
        self.list.chunk_by(|a, b| a.0 == b.0).map(|run| (run[0].0, run))
    }

    /// The hits in one unit.
    pub(crate) fn of(&self, unit: u32) -> &[(u32, u32, u32)] {
        let from = self.list.partition_point(|h| h.0 < unit);
        let to = from + self.list[from..].partition_point(|h| h.0 == unit);
        &self.list[from..to]
    }
}

/// A document's hits, per unit: the spans its snippets highlight.
pub(crate) type Spans = BTreeMap<u32, Vec<(u32, u32)>>;

/// A query's clauses matched against the index: per clause, its hits by unit.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    pub(crate) include: Vec<Hits>,
    pub(crate) exclude: Vec<Hits>,
}

/// A ranked result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub document: u32,
    pub score: f32,
    /// How many times the query's clauses match in the document's searched parts.
    pub matches: u32,
    pub snippets: Vec<Snippet>,
}

/// A ranked result before its snippets are made. Its match spans stay in the query's [`Matches`], which
/// give the snippets of the results shown ([`Index::snippets_of`]); a list of a hundred thousand results
/// is a plain array.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub document: u32,
    pub score: f32,
    /// How many times the query's clauses match in the document's searched parts; 0 when unranked.
    pub matches: u32,
}

impl Ranked {
    /// A document listed by a query with no words: no score, no matches, no snippets.
    pub fn unranked(document: u32) -> Self {
        Self { document, score: 0.0, matches: 0 }
    }

    /// Whether the query has no words to rank by (else the list is sorted by date).
    pub fn is_unranked(&self) -> bool {
        self.matches == 0
    }
}

/// Keyword in context: a stretch of a document's text with the matches in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snippet {
    pub part: Part,
    /// Byte span of the snippet in the document's text.
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Whether text comes before and after the snippet in its section.
    pub before: bool,
    pub after: bool,
    /// Byte ranges of the matches, relative to `text`.
    pub highlights: Vec<(u32, u32)>,
}

impl Index {
    /// Indexes every document's article and reader comments, and the corpus entities' names and mentions.
    pub fn new(documents: &[Document], canonical: &Canonical) -> Self {
        let mut index = Index { mentions: vec![Vec::new(); canonical.entities.len()], ..Index::default() };
        let mut lengths = [(0u64, 0u64); 2];
        for (d, doc) in documents.iter().enumerate() {
            let d = u32::try_from(d).unwrap_or(u32::MAX);
            for part in Part::ALL {
                let unit = u32::try_from(index.units.len()).unwrap_or(u32::MAX);
                let (spans, found) = part_tokens(doc, part);
                let mut tokens = Vec::with_capacity(found.len());
                for (start, end) in found {
                    let word = doc.text[start as usize..end as usize].to_lowercase();
                    let next = u32::try_from(index.postings.len()).unwrap_or(u32::MAX);
                    let id = *index.vocabulary.entry(word).or_insert(next);
                    if id == next {
                        index.postings.push(Vec::new());
                    }
                    let position = u32::try_from(tokens.len()).unwrap_or(u32::MAX);
                    index.postings[id as usize].push(Occurrence { unit, position, start, end });
                    tokens.push((start, end, id));
                }
                if tokens.is_empty() {
                    continue;
                }
                let links = canonical.links.get(d as usize);
                let inside = |a: u32, b: u32| spans.iter().any(|&(s, e)| s <= a && b <= e);
                for m in
                    doc.analysis.mentions.iter().filter(|m| m.label != Label::Date && inside(m.start, m.end))
                {
                    if let Some(&c) = links.and_then(|l| l.get(m.entity as usize))
                        && let Some(list) = index.mentions.get_mut(c as usize)
                    {
                        list.push((unit, m.start, m.end));
                    }
                }
                let slot = part as usize;
                lengths[slot].0 += tokens.len() as u64;
                lengths[slot].1 += 1;
                index.units.push(Unit { document: d, part, tokens });
            }
        }
        for (e, entity) in canonical.entities.iter().enumerate() {
            if entity.label == Label::Date {
                continue;
            }
            let e = u32::try_from(e).unwrap_or(u32::MAX);
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = words(name).join(" ");
                if !key.is_empty() {
                    index.names.entry(key).or_default().push(e);
                }
            }
        }
        for list in index.names.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        for (slot, (tokens, units)) in lengths.iter().enumerate() {
            index.average[slot] = if *units > 0 { *tokens as f32 / *units as f32 } else { 0.0 };
        }
        index
    }

    /// The ids of the vocabulary words a prefix stands for, the most frequent first.
    fn expand(&self, prefix: &str) -> Vec<u32> {
        let mut words: Vec<(u32, usize, &str)> = self
            .vocabulary
            .range(prefix.to_owned()..)
            .take_while(|(w, _)| w.starts_with(prefix))
            .map(|(w, &id)| (id, self.postings[id as usize].len(), w.as_str()))
            .collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(b.2)));
        words.truncate(PREFIX_EXPANSIONS);
        words.into_iter().map(|(id, _, _)| id).collect()
    }

    /// Where a clause matches, by unit.
    fn hits(&self, clause: &Clause) -> Hits {
        let mut list = Vec::new();
        match clause {
            Clause::Prefix(prefix) => {
                for id in self.expand(prefix) {
                    list.extend(self.postings[id as usize].iter().map(|o| (o.unit, o.start, o.end)));
                }
            }
            Clause::Phrase(tokens) => {
                // A word the corpus does not have matches nothing.
                let ids: Option<Vec<u32>> = tokens.iter().map(|w| self.vocabulary.get(w).copied()).collect();
                if let Some((first, rest)) = ids.as_deref().and_then(<[u32]>::split_first) {
                    for o in &self.postings[*first as usize] {
                        let unit = &self.units[o.unit as usize];
                        let p = o.position as usize;
                        let follows = rest
                            .iter()
                            .enumerate()
                            .all(|(k, id)| unit.tokens.get(p + 1 + k).is_some_and(|t| t.2 == *id));
                        if follows {
                            let end = unit.tokens.get(p + rest.len()).map_or(o.end, |t| t.1);
                            list.push((o.unit, o.start, end));
                        }
                    }
                }
                // An entity's name also finds its other mentions ("the chancellor", "Mr Scholz").
                let mentions = self.names.get(&tokens.join(" ")).into_iter().flatten();
                let mentions = mentions.flat_map(|&e| self.mentions[e as usize].iter().copied());
                with_mentions(&mut list, mentions);
            }
        }
        Hits::new(list)
    }

    /// Runs a query over the documents in `within` (all when `None`) and the parts in `parts`, ranked by
    /// score, then by document order, each hit with its keyword-in-context snippets. An empty query
    /// matches every document in `within`, unranked.
    pub fn search(
        &self,
        documents: &[Document],
        query: &Query,
        parts: &[Part],
        within: Option<&BTreeSet<u32>>,
    ) -> Vec<SearchHit> {
        let m = self.matches(query);
        self.ranked_matches(documents.len(), &m, parts, within)
            .into_iter()
            .map(|r| {
                let snippets = documents
                    .get(r.document as usize)
                    .map(|d| self.snippets_of(d, &m, parts, &r))
                    .unwrap_or_default();
                SearchHit { document: r.document, score: r.score, matches: r.matches, snippets }
            })
            .collect()
    }

    /// As [`Index::search`], without the snippets: a list that shows a page of results at a time makes
    /// the snippets of that page only, with [`Index::snippets_of`].
    pub fn ranked(
        &self,
        documents: usize,
        query: &Query,
        parts: &[Part],
        within: Option<&BTreeSet<u32>>,
    ) -> Vec<Ranked> {
        self.ranked_matches(documents, &self.matches(query), parts, within)
    }

    /// Where each of a query's clauses matches, found once: a view that ranks in some parts and counts
    /// the documents of each part ([`Index::documents_in`]) reads the posting lists once, not per part.
    pub fn matches(&self, query: &Query) -> Matches {
        Matches {
            include: query.include.iter().map(|c| self.hits(c)).collect(),
            exclude: query.exclude.iter().map(|c| self.hits(c)).collect(),
        }
    }

    /// The documents that match in `part`: every clause in that part's unit, and no excluded one; in
    /// document order. With no clause to include, every document but the excluded.
    pub fn documents_in(&self, documents: usize, m: &Matches, part: Part) -> Vec<u32> {
        documents_in(self, documents, m, part)
    }

    /// As [`Index::ranked`], from clauses already matched.
    pub fn ranked_matches(
        &self,
        documents: usize,
        m: &Matches,
        parts: &[Part],
        within: Option<&BTreeSet<u32>>,
    ) -> Vec<Ranked> {
        rank(self, documents, m, parts, within)
    }

    /// The keyword-in-context snippets of one hit that `m` ranked in `parts`; `doc` is the document it
    /// names.
    pub fn snippets_of(&self, doc: &Document, m: &Matches, parts: &[Part], hit: &Ranked) -> Vec<Snippet> {
        snippets(doc, &spans_of(self, m, parts, hit.document), |unit| {
            let u = &self.units[unit as usize];
            (u.part, u.tokens.iter().map(|t| (t.0, t.1)).collect())
        })
    }
}

impl Units for Index {
    fn unit(&self, unit: u32) -> (u32, Part, u32) {
        let u = &self.units[unit as usize];
        (u.document, u.part, u32::try_from(u.tokens.len()).unwrap_or(u32::MAX))
    }

    fn units_of(&self, document: u32) -> Vec<u32> {
        let from = self.units.partition_point(|u| u.document < document);
        let count = self.units[from..].iter().take_while(|u| u.document == document).count();
        (from..from + count).filter_map(|u| u32::try_from(u).ok()).collect()
    }

    fn count(&self) -> usize {
        self.units.len()
    }

    fn average(&self, part: Part) -> f32 {
        self.average[part as usize]
    }
}

/// What ranking needs to know of the units an index numbers: each one's document, part and length in
/// tokens, how many there are, and their average length per part.
pub(crate) trait Units {
    fn unit(&self, unit: u32) -> (u32, Part, u32);
    /// A document's units, in order.
    fn units_of(&self, document: u32) -> Vec<u32>;
    fn count(&self) -> usize;
    fn average(&self, part: Part) -> f32;
}

/// Adds to a phrase's hits (in unit order) the mentions of the entities it names, each unless it overlaps
/// a hit already in its unit.
pub(crate) fn with_mentions(
    list: &mut Vec<(u32, u32, u32)>,
    mentions: impl Iterator<Item = (u32, u32, u32)>,
) {
    let words = list.len();
    let mut added: BTreeMap<u32, Vec<(u32, u32)>> = BTreeMap::new();
    for (unit, start, end) in mentions {
        let from = list[..words].partition_point(|h| h.0 < unit);
        let overlaps = |&(s, t): &(u32, u32)| s < end && start < t;
        let in_words = list[from..words].iter().take_while(|h| h.0 == unit).any(|h| overlaps(&(h.1, h.2)));
        let here = added.entry(unit).or_default();
        if !in_words && !here.iter().any(overlaps) {
            here.push((start, end));
        }
    }
    list.extend(
        added.into_iter().flat_map(|(unit, spans)| spans.into_iter().map(move |(s, t)| (unit, s, t))),
    );
}

/// A byte span in a document's text.
pub(crate) type Span = (u32, u32);

/// The sections of a document's part (their byte spans) and its word and number tokens in order.
pub(crate) fn part_tokens(doc: &Document, part: Part) -> (Vec<Span>, Vec<Span>) {
    let mut spans = Vec::new();
    let mut tokens = Vec::new();
    for section in doc.sections.iter().filter(|s| Part::of(s.kind) == Some(part)) {
        spans.push((section.start, section.end));
        let (found, _) = text::segment(doc.section_text(section), section.start);
        tokens.extend(
            found
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                .map(|t| (t.start, t.end)),
        );
    }
    (spans, tokens)
}

/// The documents that match in `part`: every clause in that part's unit, and no excluded one; in
/// document order. With no clause to include, every document but the excluded.
pub(crate) fn documents_in(units: &impl Units, documents: usize, m: &Matches, part: Part) -> Vec<u32> {
    // Per document: excluded, and how many of the clauses, in order, it has in `part`.
    let mut excluded = vec![false; documents];
    for hits in &m.exclude {
        for (unit, _) in hits.by_unit() {
            let (d, p, _) = units.unit(unit);
            if p == part
                && let Some(x) = excluded.get_mut(d as usize)
            {
                *x = true;
            }
        }
    }
    let mut seen = vec![0u32; if m.include.is_empty() { 0 } else { documents }];
    for (c, hits) in (0u32..).zip(&m.include) {
        for (unit, _) in hits.by_unit() {
            let (d, p, _) = units.unit(unit);
            if p == part
                && let Some(s) = seen.get_mut(d as usize)
                && *s == c
            {
                *s = c + 1;
            }
        }
    }
    let clauses = u32::try_from(m.include.len()).unwrap_or(u32::MAX);
    (0..u32::try_from(documents).unwrap_or(u32::MAX))
        .filter(|&d| !excluded[d as usize] && (clauses == 0 || seen[d as usize] == clauses))
        .collect()
}

/// A document's hit spans in `parts`, per unit: those of each clause of `m` in turn.
pub(crate) fn spans_of(units: &impl Units, m: &Matches, parts: &[Part], document: u32) -> Spans {
    let mut out = Spans::new();
    for unit in units.units_of(document) {
        if !parts.contains(&units.unit(unit).1) {
            continue;
        }
        for hits in &m.include {
            let here = hits.of(unit);
            if !here.is_empty() {
                out.entry(unit).or_default().extend(here.iter().map(|h| (h.1, h.2)));
            }
        }
    }
    out
}

/// Ranks the documents that have every clause of `m` in `parts` (of `within`, when given) by BM25.
pub(crate) fn rank(
    units: &impl Units,
    documents: usize,
    m: &Matches,
    parts: &[Part],
    within: Option<&BTreeSet<u32>>,
) -> Vec<Ranked> {
    let allowed = |unit: u32| {
        let (document, part, _) = units.unit(unit);
        parts.contains(&part) && within.is_none_or(|w| w.contains(&document))
    };
    let mut excluded = vec![false; documents];
    for hits in &m.exclude {
        for (unit, _) in hits.by_unit().filter(|&(u, _)| allowed(u)) {
            if let Some(x) = excluded.get_mut(units.unit(unit).0 as usize) {
                *x = true;
            }
        }
    }
    if m.include.is_empty() {
        let all: Vec<u32> = match within {
            Some(w) => w.iter().copied().collect(),
            None => (0..u32::try_from(documents).unwrap_or(u32::MAX)).collect(),
        };
        return all
            .into_iter()
            .filter(|&d| !excluded.get(d as usize).copied().unwrap_or(false))
            .map(Ranked::unranked)
            .collect();
    }
    let n = units.count().max(1) as f32;
    // Per document: score, matches, and how many of the query's clauses, in order, it has; and the
    // documents with the first clause, in the order met.
    let mut found = vec![(0.0f32, 0u32, 0u32); documents];
    let mut met = Vec::new();
    for (c, hits) in (0u32..).zip(&m.include) {
        let df = hits.units.max(1) as f32;
        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        for (unit, spans) in hits.by_unit().filter(|&(u, _)| allowed(u)) {
            let (document, part, length) = units.unit(unit);
            // A document that missed an earlier clause cannot be a result.
            let Some(entry) = found.get_mut(document as usize).filter(|e| e.2 >= c) else { continue };
            let tf = spans.len() as f32;
            let average = units.average(part).max(1.0);
            let norm = K1 * (1.0 - B + B * length as f32 / average);
            entry.0 += idf * tf * (K1 + 1.0) / (tf + norm);
            entry.1 += u32::try_from(spans.len()).unwrap_or(u32::MAX);
            if entry.2 == c {
                entry.2 += 1;
                if c == 0 {
                    met.push(document);
                }
            }
        }
    }
    let clauses = u32::try_from(m.include.len()).unwrap_or(u32::MAX);
    let mut out: Vec<Ranked> = met
        .into_iter()
        .filter(|&d| found[d as usize].2 == clauses && !excluded[d as usize])
        .map(|document| {
            let (score, matches, _) = found[document as usize];
            Ranked { document, score, matches }
        })
        .collect();
    out.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.document.cmp(&b.document)));
    out
}

/// Up to [`SNIPPETS`] keyword-in-context snippets, the article's first.
pub(crate) fn snippets(
    doc: &Document,
    units: &Spans,
    tokens_of: impl Fn(u32) -> (Part, Vec<(u32, u32)>),
) -> Vec<Snippet> {
    let mut out = Vec::new();
    for (&unit, spans) in units {
        let (part, tokens) = tokens_of(unit);
        let mut spans = spans.clone();
        spans.sort_unstable();
        spans.dedup();
        let mut i = 0;
        while i < spans.len() && out.len() < SNIPPETS {
            let (start, _) = spans[i];
            let at = tokens.partition_point(|t| t.1 <= start);
            let section = doc.sections.iter().find(|s| s.start <= start && start < s.end);
            let (lo, hi) = section.map_or((0, doc.text.len() as u32), |s| (s.start, s.end));
            let first = tokens[at.saturating_sub(CONTEXT_TOKENS)..at].first().map_or(start, |t| t.0).max(lo);
            let last_hit = spans[i].1;
            // The window runs to CONTEXT_TOKENS past the hit, and takes in later hits inside it.
            let after_at = tokens.partition_point(|t| t.0 < last_hit);
            let mut end =
                tokens[after_at..].iter().take(CONTEXT_TOKENS).next_back().map_or(last_hit, |t| t.1).min(hi);
            let mut highlights = Vec::new();
            while i < spans.len() && spans[i].0 < end {
                end = end.max(spans[i].1.min(hi));
                let (a, z) = (spans[i].0.max(first), spans[i].1.min(end).max(first));
                highlights.push((a - first, z - first));
                i += 1;
            }
            let text = doc.text.get(first as usize..end as usize).unwrap_or("").to_owned();
            out.push(Snippet {
                part,
                start: first,
                end,
                text,
                before: first > lo,
                after: end < hi,
                highlights,
            });
        }
    }
    out
}

/// What the facet panel has chosen. Empty sets choose nothing (no restriction).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub outlets: BTreeSet<String>,
    /// Inclusive bounds on the publication date, as ISO prefixes ("2013", "2013-04", "2013-04-25").
    pub from: Option<String>,
    pub to: Option<String>,
    pub events: BTreeSet<String>,
    /// Corpus entity ids; with `all_entities`, a document must mention every one, else any.
    pub entities: BTreeSet<String>,
    pub all_entities: bool,
    /// Entity types: a document must mention an entity of one of them.
    pub types: BTreeSet<Label>,
}

impl Filter {
    /// Whether nothing is chosen: every document passes.
    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.events.is_empty()
            && self.entities.is_empty()
            && self.types.is_empty()
    }
}

/// A facet value and how many documents have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: SharedStr,
    pub label: SharedStr,
    pub count: u32,
}

/// Live facet counts: for each facet, the documents that pass every other facet's selection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub outlets: Vec<FacetCount>,
    pub years: Vec<FacetCount>,
    pub events: Vec<FacetCount>,
    pub entities: Vec<FacetCount>,
    pub types: Vec<FacetCount>,
    /// How many documents of the result pass all the selections.
    pub total: u32,
}

/// What facets know of each document, precomputed once: every value is numbered, so a count is an
/// increment in a table and a selection a lookup, and the names are shared, not copied, into the counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetData {
    /// Per document, its outlet's number in `outlet_names`.
    outlet: Vec<u32>,
    outlet_names: Vec<SharedStr>,
    published: Vec<Option<String>>,
    /// Per document, its year's number in `year_names` (in order; "undated" last).
    year: Vec<u32>,
    year_names: Vec<SharedStr>,
    /// Per document, its events' and canonical entities' numbers, sorted.
    events: Vec<Vec<u32>>,
    entities: Vec<Vec<u32>>,
    types: Vec<Vec<Label>>,
    event_ids: Vec<(SharedStr, SharedStr)>,
    entity_ids: Vec<(SharedStr, SharedStr, Label)>,
    /// Per document, its place in date order (undated first, then by publication; ties by document
    /// number): a list is sorted by date with a number compared, not two dates looked up and compared.
    date_rank: Vec<u32>,
    /// Per outlet, event and entity number, its place in the order of (label, value): counts are ranked
    /// by comparing numbers, not names (sorting a hundred thousand documents' entity names took the
    /// first view of such a corpus tens of milliseconds).
    name_order: [Vec<u32>; 3],
    /// The counts over every document with nothing chosen, as [`FacetData::counts_and_kept`] counts
    /// them: what the first view of a corpus shows, made with the table rather than on that view's
    /// thread.
    all_counts: Tallies,
}

/// A count per value of each facet (outlet, year, event and entity numbers; labels in [`Label::ALL`]
/// order), and how many documents pass every selection.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Tallies {
    outlets: Vec<u32>,
    years: Vec<u32>,
    events: Vec<u32>,
    entities: Vec<u32>,
    types: Vec<u32>,
    total: u32,
}

/// Its sequences, in the order of its fields.
impl crate::turns::ReadInTurns for FacetData {
    const PARTS: usize = 13;

    fn read_part(
        &mut self,
        part: usize,
        s: &mut crate::turns::Stepper,
    ) -> Result<bool, crate::bundle::BundleError> {
        match part {
            0 => s.items(&mut self.outlet),
            1 => s.items(&mut self.outlet_names),
            2 => s.items(&mut self.published),
            3 => s.items(&mut self.year),
            4 => s.items(&mut self.year_names),
            5 => s.items(&mut self.events),
            6 => s.items(&mut self.entities),
            7 => s.items(&mut self.types),
            8 => s.items(&mut self.event_ids),
            9 => s.items(&mut self.entity_ids),
            10 => s.items(&mut self.date_rank),
            // Small beside the rest: one number per value.
            11 => {
                self.name_order = s.value()?;
                Ok(true)
            }
            _ => {
                self.all_counts = s.value()?;
                Ok(true)
            }
        }
    }
}

/// The name shown for a document without an outlet.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

/// A filter's selections as numbers.
struct Resolved {
    /// Per outlet number, whether it is chosen; `None` when no outlet is.
    outlets: Option<Vec<bool>>,
    /// Chosen entities and events, sorted; an id the corpus does not have is `u32::MAX`, which no document
    /// has (a stale link selects nothing rather than everything).
    entities: Vec<u32>,
    events: Vec<u32>,
}

/// Numbers `values` by their sorted distinct names: each value's number, and the names.
fn numbered(values: Vec<String>) -> (Vec<u32>, Vec<SharedStr>) {
    let names: BTreeSet<&str> = values.iter().map(String::as_str).collect();
    let names: Vec<SharedStr> = names.into_iter().map(SharedStr::from).collect();
    let numbers = values
        .iter()
        .map(|v| {
            let at = names.binary_search_by(|n| n.as_str().cmp(v.as_str())).unwrap_or(0);
            u32::try_from(at).unwrap_or(u32::MAX)
        })
        .collect();
    (numbers, names)
}

impl FacetData {
    /// Document `d`'s place in date order (see `date_rank`); past the end for a document it does not know.
    pub fn date_rank(&self, d: u32) -> u32 {
        self.date_rank.get(d as usize).copied().unwrap_or(u32::MAX)
    }

    pub fn new(documents: &[Document], canonical: &Canonical, events: &Events) -> Self {
        let mut by_document: Vec<Vec<u32>> = vec![Vec::new(); documents.len()];
        for (e, event) in events.events.iter().enumerate() {
            for &d in &event.documents {
                if let Some(list) = by_document.get_mut(d as usize) {
                    list.push(u32::try_from(e).unwrap_or(u32::MAX));
                }
            }
        }
        for list in &mut by_document {
            list.sort_unstable();
            list.dedup();
        }
        let (outlet, outlet_names) = numbered(
            documents
                .iter()
                .map(|doc| {
                    doc.meta.outlet.as_ref().map_or_else(|| UNKNOWN_OUTLET.to_owned(), |o| o.value.clone())
                })
                .collect(),
        );
        let published: Vec<Option<String>> =
            documents.iter().map(|doc| doc.meta.published.as_ref().map(|p| p.value.clone())).collect();
        let (year, year_names) = numbered(
            published
                .iter()
                .map(|p| p.as_ref().and_then(|p| p.get(..4)).unwrap_or("undated").to_owned())
                .collect(),
        );
        let mut order: Vec<u32> = (0..u32::try_from(published.len()).unwrap_or(u32::MAX)).collect();
        order.sort_by(|&a, &b| published[a as usize].cmp(&published[b as usize]).then(a.cmp(&b)));
        let mut date_rank = vec![0; order.len()];
        for (rank, &d) in order.iter().enumerate() {
            date_rank[d as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        let mut data = FacetData {
            outlet,
            outlet_names,
            date_rank,
            published,
            year,
            year_names,
            events: by_document,
            event_ids: events
                .events
                .iter()
                .map(|e| (SharedStr::from(e.id.as_str()), SharedStr::from(e.label.as_str())))
                .collect(),
            entity_ids: canonical
                .entities
                .iter()
                .map(|e| (SharedStr::from(e.id.as_str()), SharedStr::from(e.name.as_str()), e.label))
                .collect(),
            ..FacetData::default()
        };
        for (d, doc) in documents.iter().enumerate() {
            let links = canonical.links.get(d);
            let mut entities = BTreeSet::new();
            let mut types = BTreeSet::new();
            for m in doc.analysis.mentions.iter().filter(|m| m.label != Label::Date) {
                if let Some(&c) = links.and_then(|l| l.get(m.entity as usize)) {
                    entities.insert(c);
                    types.insert(m.label);
                }
            }
            data.entities.push(entities.into_iter().collect());
            data.types.push(types.into_iter().collect());
        }
        data.name_order = data.name_order();
        data.all_counts = data.tally_all();
        data
    }

    /// The tallies of every document with nothing chosen.
    fn tally_all(&self) -> Tallies {
        let every: Vec<u32> = (0..u32::try_from(self.outlet.len()).unwrap_or(u32::MAX)).collect();
        self.tally(&every, &Filter::default()).0
    }

    /// Per outlet, event and entity number, its place in the order of (label, value).
    fn name_order(&self) -> [Vec<u32>; 3] {
        let place = |names: Vec<(&str, &str)>| {
            let mut by_name: Vec<u32> = (0..u32::try_from(names.len()).unwrap_or(u32::MAX)).collect();
            by_name.sort_unstable_by_key(|&i| names[i as usize]);
            let mut place = vec![0; names.len()];
            for (at, &i) in (0u32..).zip(&by_name) {
                place[i as usize] = at;
            }
            place
        };
        [
            place(self.outlet_names.iter().map(|n| (n.as_str(), n.as_str())).collect()),
            place(self.event_ids.iter().map(|(v, l)| (l.as_str(), v.as_str())).collect()),
            place(self.entity_ids.iter().map(|(v, l, _)| (l.as_str(), v.as_str())).collect()),
        ]
    }

    /// Which selections a document passes: outlet, date, event, entity, type.
    fn passes(&self, d: usize, f: &Filter, r: &Resolved) -> [bool; 5] {
        let outlet = r.outlets.as_ref().is_none_or(|chosen| chosen[self.outlet[d] as usize]);
        let date = match &self.published[d] {
            Some(p) => {
                f.from.as_ref().is_none_or(|from| p.as_str() >= from.as_str())
                    && f.to.as_ref().is_none_or(|to| p.get(..to.len()).unwrap_or(p) <= to.as_str())
            }
            None => f.from.is_none() && f.to.is_none(),
        };
        let has = |list: &[u32], x: &u32| list.binary_search(x).is_ok();
        let event = r.events.is_empty() || r.events.iter().any(|e| has(&self.events[d], e));
        let entity = r.entities.is_empty()
            || if f.all_entities {
                r.entities.iter().all(|e| has(&self.entities[d], e))
            } else {
                r.entities.iter().any(|e| has(&self.entities[d], e))
            };
        let types = f.types.is_empty() || self.types[d].iter().any(|t| f.types.contains(t));
        [outlet, date, event, entity, types]
    }

    /// The documents of `candidates` that pass every selection of `filter`.
    /// Whether the corpus has the entity with this id.
    pub fn has_entity(&self, id: &str) -> bool {
        self.entity_ids.iter().any(|(e, _, _)| e.as_str() == id)
    }

    /// Whether the corpus has the event with this id.
    pub fn has_event(&self, id: &str) -> bool {
        self.event_ids.iter().any(|(e, _)| e.as_str() == id)
    }

    pub fn apply(&self, candidates: &[u32], filter: &Filter) -> Vec<u32> {
        let known = |d: u32| (d as usize) < self.outlet.len();
        if filter.is_empty() {
            return candidates.iter().copied().filter(|&d| known(d)).collect();
        }
        let resolved = self.resolve(filter);
        candidates
            .iter()
            .copied()
            .filter(|&d| known(d) && self.passes(d as usize, filter, &resolved).iter().all(|&p| p))
            .collect()
    }

    /// How many of `candidates` pass every selection of `filter`: the length of [`FacetData::apply`]'s
    /// list, without the list.
    pub fn passing(&self, candidates: &[u32], filter: &Filter) -> usize {
        let known = |d: u32| (d as usize) < self.outlet.len();
        if filter.is_empty() {
            return candidates.iter().filter(|&&d| known(d)).count();
        }
        let resolved = self.resolve(filter);
        candidates
            .iter()
            .filter(|&&d| known(d) && self.passes(d as usize, filter, &resolved).iter().all(|&p| p))
            .count()
    }

    fn resolve(&self, filter: &Filter) -> Resolved {
        let number = |found: Option<usize>| found.map_or(u32::MAX, |p| u32::try_from(p).unwrap_or(u32::MAX));
        let mut entities: Vec<u32> = filter
            .entities
            .iter()
            .map(|id| number(self.entity_ids.iter().position(|e| e.0.as_str() == id)))
            .collect();
        let mut events: Vec<u32> = filter
            .events
            .iter()
            .map(|id| number(self.event_ids.iter().position(|e| e.0.as_str() == id)))
            .collect();
        entities.sort_unstable();
        events.sort_unstable();
        let outlets = (!filter.outlets.is_empty())
            .then(|| self.outlet_names.iter().map(|n| filter.outlets.contains(n.as_str())).collect());
        Resolved { outlets, entities, events }
    }

    /// Facet counts over `candidates` (the search's results, or every document).
    pub fn counts(&self, candidates: &[u32], filter: &Filter) -> Facets {
        self.counts_and_kept(candidates, filter).0
    }

    /// Facet counts over `candidates`, and, by document number, which of them pass every selection (the
    /// documents [`FacetData::apply`] keeps), found in the same pass.
    pub fn counts_and_kept(&self, candidates: &[u32], filter: &Filter) -> (Facets, Vec<bool>) {
        let (tallies, kept) = self.tally(candidates, filter);
        (self.ranked(&tallies), kept)
    }

    /// The counts over every document with nothing chosen (the first view's), as [`FacetData::counts`]
    /// gives them, from the tallies made with the table.
    pub fn counts_of_all(&self) -> Facets {
        let t = &self.all_counts;
        let fits = t.outlets.len() == self.outlet_names.len()
            && t.years.len() == self.year_names.len()
            && t.events.len() == self.event_ids.len()
            && t.entities.len() == self.entity_ids.len()
            && t.types.len() == Label::ALL.len();
        if fits {
            self.ranked(t)
        } else {
            // Tallies that do not fit the table (a damaged file) are not trusted: counted again.
            self.ranked(&self.tally_all())
        }
    }

    /// The counting of [`FacetData::counts_and_kept`].
    fn tally(&self, candidates: &[u32], filter: &Filter) -> (Tallies, Vec<bool>) {
        let resolved = self.resolve(filter);
        let everything = filter.is_empty();
        let mut kept = vec![false; self.outlet.len()];
        let mut outlets = vec![0u32; self.outlet_names.len()];
        let mut years = vec![0u32; self.year_names.len()];
        let mut by_event = vec![0u32; self.event_ids.len()];
        let mut by_entity = vec![0u32; self.entity_ids.len()];
        let mut types = [0u32; Label::ALL.len()];
        let mut total = 0;
        let bump = |table: &mut [u32], at: u32| {
            if let Some(n) = table.get_mut(at as usize) {
                *n += 1;
            }
        };
        // In document order: a search's results come by score, and reading each document's facet values
        // in that order, scattered through memory, took longer than counting them.
        let mut in_order = std::borrow::Cow::Borrowed(candidates);
        if !candidates.is_sorted() {
            in_order.to_mut().sort_unstable();
        }
        for &d in in_order.iter() {
            let d = d as usize;
            if d >= self.outlet.len() {
                continue;
            }
            let pass = if everything { [true; 5] } else { self.passes(d, filter, &resolved) };
            // Every selection but facet `k`'s.
            let others = |k: usize| pass.iter().enumerate().all(|(i, &p)| i == k || p);
            if others(0) {
                bump(&mut outlets, self.outlet[d]);
            }
            if others(1) {
                bump(&mut years, self.year[d]);
            }
            if others(2) {
                self.events[d].iter().for_each(|&e| bump(&mut by_event, e));
            }
            if others(3) {
                self.entities[d].iter().for_each(|&e| bump(&mut by_entity, e));
            }
            if others(4) {
                for &t in &self.types[d] {
                    types[t as usize] += 1;
                }
            }
            if pass.iter().all(|&p| p) {
                total += 1;
                kept[d] = true;
            }
        }
        let tallies =
            Tallies { outlets, years, events: by_event, entities: by_entity, types: types.to_vec(), total };
        (tallies, kept)
    }

    /// Counts as [`Facets`]: most documents first, then by name.
    fn ranked(&self, tallies: &Tallies) -> Facets {
        let Tallies { outlets, years, events: by_event, entities: by_entity, types, total } = tallies;
        let total = *total;
        let order = &self.name_order;
        let ranked = |counts: &[u32],
                      place: &dyn Fn(usize) -> u32,
                      name: &dyn Fn(usize) -> (SharedStr, SharedStr)| {
            let mut keyed: Vec<(u64, u32)> = (0u32..)
                .zip(counts)
                .filter(|&(_, &count)| count > 0)
                .map(|(i, &count)| ((u64::from(u32::MAX - count) << 32) | u64::from(place(i as usize)), i))
                .collect();
            keyed.sort_unstable();
            keyed
                .into_iter()
                .map(|(_, i)| {
                    let (value, label) = name(i as usize);
                    FacetCount { value, label, count: counts[i as usize] }
                })
                .collect::<Vec<_>>()
        };
        Facets {
            outlets: ranked(outlets, &|i| order[0].get(i).copied().unwrap_or(u32::MAX), &|i| {
                (self.outlet_names[i].clone(), self.outlet_names[i].clone())
            }),
            years: years
                .iter()
                .enumerate()
                .filter(|&(_, &count)| count > 0)
                .map(|(i, &count)| FacetCount {
                    value: self.year_names[i].clone(),
                    label: self.year_names[i].clone(),
                    count,
                })
                .collect(),
            events: ranked(by_event, &|i| order[1].get(i).copied().unwrap_or(u32::MAX), &|i| {
                (self.event_ids[i].0.clone(), self.event_ids[i].1.clone())
            }),
            entities: ranked(by_entity, &|i| order[2].get(i).copied().unwrap_or(u32::MAX), &|i| {
                (self.entity_ids[i].0.clone(), self.entity_ids[i].1.clone())
            }),
            types: ranked(
                types,
                &|i| Label::ALL.iter().filter(|l| l.as_str() < Label::ALL[i].as_str()).count() as u32,
                &|i| {
                    let name = SharedStr::from(Label::ALL[i].as_str());
                    (name.clone(), name)
                },
            ),
            total,
        }
    }
}

pub mod chunked;

#[cfg(test)]
mod tests;
