//! The search index in pieces, for a static site that fetches only what a query needs.
//!
//! [`Index::split`] cuts an index into a small [`Head`] (each unit's length, for ranking, and the first
//! key of every chunk) and [`Chunk`]s, each holding the posting lists of a contiguous range of keys in
//! sorted order: the words of the articles and comments, and the lowercase names and aliases of the
//! corpus entities with their mentions. A query asks [`Head::needed`] which chunks its words, phrases
//! and prefixes fall in; once those are at hand, [`Head::matches`], [`Head::ranked_matches`] and
//! [`Head::snippets_of`] give what [`Index`] gives for the whole corpus, hit for hit.
//!
//! Units are numbered `document × 2 + part`, so a unit's document and part need no table. Posting lists
//! hold token positions only, delta-coded (unit, then position within a unit), which postcard writes as
//! small varints; the byte spans a snippet highlights come from the document's own tokens when it is
//! shown.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Deref;

use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;

use super::{
    CONTEXT_TOKENS, Clause, Document, Hits, Index, Matches, PREFIX_EXPANSIONS, Part, Query, Ranked, SNIPPETS,
    Snippet, Spans, Units,
};
use crate::text;

/// What a site loads before any search: unit lengths and the chunk directory.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// Per document, its article's and its comments' length in tokens (0: the part has no words).
    lengths: Vec<[u32; 2]>,
    /// How many units have words.
    units: u32,
    average: [f32; 2],
    /// The first key of each chunk, in order.
    firsts: Vec<String>,
}

/// Its fields, in order: the lengths some at a time, the rest at once.
impl crate::turns::ReadInTurns for Head {
    const PARTS: usize = 3;

    fn read_part(
        &mut self,
        part: usize,
        s: &mut crate::turns::Stepper,
    ) -> Result<bool, crate::bundle::BundleError> {
        match part {
            0 => s.items(&mut self.lengths),
            1 => {
                (self.units, self.average) = s.value()?;
                Ok(true)
            }
            _ => s.items(&mut self.firsts),
        }
    }
}

/// The posting lists of a range of keys. Each list is kept as its postcard bytes and read when a query asks
/// for its key: reading a chunk then costs a copy per key, not a value per occurrence (a search reads one
/// or two lists of the thousand or so a chunk holds, and reading them all took most of the time from a
/// chunk's arrival to its search).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    /// Words, how many occurrences each has, and the token positions they occur at (a `Vec<Coded>`),
    /// delta-coded: (unit step, position), where the position is a step from the previous one when the
    /// unit step is 0.
    words: Vec<(String, u32, ByteBuf)>,
    /// Entity names and aliases, and every mention of the entities so named (a `Vec<Mention>`), as token
    /// positions: (unit step, first token, tokens after the first).
    names: Vec<(String, ByteBuf)>,
}

/// An occurrence: unit and token position.
type Occurrence = (u32, u32);
/// An occurrence as stored: unit step, position (or position step).
type Coded = (u32, u32);
/// A mention: unit (or unit step, stored), its first token and the token after its last (stored: the
/// count of tokens after the first).
type Mention = (u32, u32, u32);

fn encode_words(list: &[Occurrence]) -> Vec<Coded> {
    let mut previous = (0, 0);
    let mut first = true;
    list.iter()
        .map(|&(unit, position)| {
            let step = unit - previous.0;
            let coded = if step == 0 && !first { (0, position - previous.1) } else { (step, position) };
            previous = (unit, position);
            first = false;
            coded
        })
        .collect()
}

fn decode_words(list: &[Coded]) -> Vec<Occurrence> {
    let mut previous = (0u32, 0u32);
    let mut first = true;
    list.iter()
        .map(|&(step, position)| {
            previous = if step == 0 && !first {
                (previous.0, previous.1 + position)
            } else {
                (previous.0 + step, position)
            };
            first = false;
            previous
        })
        .collect()
}

fn encode_names(list: &[Mention]) -> Vec<Mention> {
    let mut unit = 0;
    list.iter()
        .map(|&(u, first, end)| {
            let step = u - unit;
            unit = u;
            (step, first, end - first - 1)
        })
        .collect()
}

fn decode_names(list: &[Mention]) -> Vec<Mention> {
    let mut unit = 0;
    list.iter()
        .map(|&(step, first, more)| {
            unit += step;
            (unit, first, first + more + 1)
        })
        .collect()
}

impl Index {
    /// Cuts the index into a head and chunks of about `chunk_bytes` encoded bytes each (a key whose
    /// postings are larger has a chunk to itself). `documents` is the corpus size.
    pub fn split(&self, documents: usize, chunk_bytes: usize) -> (Head, Vec<Chunk>) {
        let renumber = |unit: u32| {
            let u = &self.units[unit as usize];
            u.document * 2 + u.part as u32
        };
        let mut lengths = vec![[0u32; 2]; documents];
        for u in &self.units {
            if let Some(l) = lengths.get_mut(u.document as usize) {
                l[u.part as usize] = u32::try_from(u.tokens.len()).unwrap_or(u32::MAX);
            }
        }
        // Every key, in order, with its word postings and its name mentions.
        let mut keys: BTreeMap<&str, (Option<u32>, Vec<u32>)> = BTreeMap::new();
        for (word, &id) in &self.vocabulary {
            keys.entry(word).or_default().0 = Some(id);
        }
        for (name, entities) in &self.names {
            keys.entry(name).or_default().1.clone_from(entities);
        }
        let mut chunks = vec![Chunk::default()];
        let mut firsts = Vec::new();
        let mut size = 0usize;
        for (key, (word, entities)) in keys {
            let words = word.map(|id| {
                let list: Vec<Occurrence> =
                    self.postings[id as usize].iter().map(|o| (renumber(o.unit), o.position)).collect();
                encode_words(&list)
            });
            let names = (!entities.is_empty()).then(|| {
                // A mention's bytes as the tokens it covers: those ending after its start and starting
                // before its end.
                let mut list: Vec<Mention> = entities
                    .iter()
                    .flat_map(|&e| &self.mentions[e as usize])
                    .filter_map(|&(unit, start, end)| {
                        let tokens = &self.units[unit as usize].tokens;
                        let first = tokens.partition_point(|t| t.1 <= start);
                        let after = tokens.partition_point(|t| t.0 < end);
                        let (first, after) = (u32::try_from(first).ok()?, u32::try_from(after).ok()?);
                        (first < after).then_some((renumber(unit), first, after))
                    })
                    .collect();
                list.sort_unstable();
                list.dedup();
                encode_names(&list)
            });
            let bytes =
                key.len() + 2 * words.as_ref().map_or(0, Vec::len) + 3 * names.as_ref().map_or(0, Vec::len);
            if size > 0 && size + bytes > chunk_bytes {
                chunks.push(Chunk::default());
                size = 0;
            }
            if size == 0 {
                firsts.push(key.to_owned());
            }
            size += bytes;
            let chunk = chunks.last_mut().expect("there is always a chunk");
            if let Some(words) = words {
                let count = u32::try_from(words.len()).unwrap_or(u32::MAX);
                chunk.words.push((key.to_owned(), count, stored(&words)));
            }
            if let Some(names) = names {
                chunk.names.push((key.to_owned(), stored(&names)));
            }
        }
        if firsts.is_empty() {
            chunks.clear();
        }
        let head = Head {
            lengths,
            units: u32::try_from(self.units.len()).unwrap_or(u32::MAX),
            average: self.average,
            firsts,
        };
        (head, chunks)
    }
}

/// A posting list as a chunk keeps it. Serialising plain owned data into a Vec cannot fail.
fn stored<T: Serialize>(list: &[T]) -> ByteBuf {
    ByteBuf::from(postcard::to_allocvec(list).unwrap_or_default())
}

impl Chunk {
    /// A word's occurrences; none for a list that cannot be read (a damaged file whose deflate stream
    /// still inflated).
    fn word(&self, key: &str) -> Option<Vec<Occurrence>> {
        let at = self.words.binary_search_by(|(k, ..)| k.as_str().cmp(key)).ok()?;
        let coded: Vec<Coded> = postcard::from_bytes(&self.words[at].2).unwrap_or_default();
        Some(decode_words(&coded))
    }

    fn name(&self, key: &str) -> Option<Vec<(u32, u32, u32)>> {
        let at = self.names.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        let coded: Vec<Mention> = postcard::from_bytes(&self.names[at].1).unwrap_or_default();
        Some(decode_names(&coded))
    }

    /// The words of this chunk that start with `prefix`, with how often each occurs.
    fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        let from = self.words.partition_point(|(k, ..)| k.as_str() < prefix);
        self.words[from..]
            .iter()
            .take_while(move |(k, ..)| k.starts_with(prefix))
            .map(|&(ref k, count, _)| (k.as_str(), count as usize))
    }
}

impl Units for Head {
    fn unit(&self, unit: u32) -> (u32, Part, u32) {
        let document = unit / 2;
        let part = if unit.is_multiple_of(2) { Part::Article } else { Part::Comments };
        let length = self.lengths.get(document as usize).map_or(0, |l| l[part as usize]);
        (document, part, length)
    }

    fn units_of(&self, document: u32) -> Vec<u32> {
        vec![document * 2, document * 2 + 1]
    }

    fn count(&self) -> usize {
        self.units as usize
    }

    fn average(&self, part: Part) -> f32 {
        self.average[part as usize]
    }
}

impl Head {
    /// How many chunks the index has.
    pub fn chunks(&self) -> usize {
        self.firsts.len()
    }

    /// The chunk a key would be in.
    fn chunk_of(&self, key: &str) -> Option<usize> {
        self.firsts.partition_point(|f| f.as_str() <= key).checked_sub(1)
    }

    /// The chunks a query's clauses need, in order, each once.
    pub fn needed(&self, query: &Query) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for clause in query.include.iter().chain(&query.exclude) {
            match clause {
                Clause::Phrase(tokens) => {
                    out.extend(tokens.iter().filter_map(|t| self.chunk_of(t)));
                    out.extend(self.chunk_of(&tokens.join(" ")));
                }
                Clause::Prefix(prefix) => {
                    let first = self.chunk_of(prefix).unwrap_or(0);
                    let mut last = first;
                    while self.firsts.get(last + 1).is_some_and(|f| f.starts_with(prefix.as_str())) {
                        last += 1;
                    }
                    if !self.firsts.is_empty() {
                        out.extend(first..=last);
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// Where each of a query's clauses matches, from the chunks [`Head::needed`] named (`chunk` gives
    /// one by number; a chunk it does not have counts as holding nothing).
    pub fn matches<C: Deref<Target = Chunk>>(
        &self,
        query: &Query,
        chunk: impl Fn(usize) -> Option<C>,
    ) -> Matches {
        let word =
            |key: &str| self.chunk_of(key).and_then(&chunk).and_then(|c| c.word(key)).unwrap_or_default();
        let hits = |clause: &Clause| -> Hits {
            let mut list = Vec::new();
            match clause {
                Clause::Prefix(prefix) => {
                    let mut words: Vec<(String, usize)> = Vec::new();
                    for n in self.needed(&Query { include: vec![clause.clone()], exclude: Vec::new() }) {
                        if let Some(c) = chunk(n) {
                            words.extend(c.prefixed(prefix).map(|(w, n)| (w.to_owned(), n)));
                        }
                    }
                    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                    words.truncate(PREFIX_EXPANSIONS);
                    for (w, _) in words {
                        list.extend(
                            word(&w).into_iter().map(|(unit, position)| (unit, position, position + 1)),
                        );
                    }
                }
                Clause::Phrase(tokens) => {
                    if let Some((first, rest)) = tokens.split_first() {
                        // Each later word's occurrences.
                        let later: Vec<HashSet<(u32, u32)>> =
                            rest.iter().map(|w| word(w).into_iter().collect()).collect();
                        for (unit, position) in word(first) {
                            let follows = later
                                .iter()
                                .enumerate()
                                .all(|(k, set)| set.contains(&(unit, position + 1 + k as u32)));
                            if follows {
                                let end = position + 1 + u32::try_from(rest.len()).unwrap_or(0);
                                list.push((unit, position, end));
                            }
                        }
                    }
                    let key = tokens.join(" ");
                    let mentions =
                        self.chunk_of(&key).and_then(&chunk).and_then(|c| c.name(&key)).unwrap_or_default();
                    super::with_mentions(&mut list, mentions.into_iter());
                }
            }
            Hits::new(list)
        };
        Matches {
            include: query.include.iter().map(hits).collect(),
            exclude: query.exclude.iter().map(hits).collect(),
        }
    }

    /// As [`Index::ranked_matches`].
    pub fn ranked_matches(
        &self,
        documents: usize,
        m: &Matches,
        parts: &[Part],
        within: Option<&BTreeSet<u32>>,
    ) -> Vec<Ranked> {
        super::rank(self, documents, m, parts, within)
    }

    /// As [`Index::documents_in`].
    pub fn documents_in(&self, documents: usize, m: &Matches, part: Part) -> Vec<u32> {
        super::documents_in(self, documents, m, part)
    }

    /// As [`Index::snippets_of`]: `doc` needs its text and sections only. The hits' spans are token
    /// positions here; the document's tokens turn them into bytes.
    ///
    /// Only the tokens a snippet can reach are found: a common word's hits all through a long text need
    /// the text's tokens up to its third window, not to its end.
    pub fn snippets_of(&self, doc: &Document, m: &Matches, parts: &[Part], hit: &Ranked) -> Vec<Snippet> {
        let mut tokens: BTreeMap<u32, (Part, Vec<(u32, u32)>)> = BTreeMap::new();
        let mut spans = Spans::new();
        for (&unit, list) in &super::spans_of(self, m, parts, hit.document) {
            let part = self.unit(unit).1;
            let (_, found) = tokens.entry(unit).or_insert_with(|| {
                let words = doc
                    .sections
                    .iter()
                    .filter(|s| Part::of(s.kind) == Some(part))
                    .flat_map(|s| text::words(doc.section_text(s), s.start));
                (part, words.take(tokens_shown(list)).collect())
            });
            let bytes = list
                .iter()
                .filter_map(|&(a, b)| {
                    let first = found.get(a as usize)?;
                    let last = found.get(b.checked_sub(1)? as usize)?;
                    Some((first.0, last.1))
                })
                .collect();
            spans.insert(unit, bytes);
        }
        super::snippets(doc, &spans, |unit| tokens.get(&unit).cloned().unwrap_or((Part::Article, Vec::new())))
    }
}

/// How many of a unit's tokens the snippets of its hits (token positions) can reach: the windows are
/// reckoned as [`super::snippets`] cuts them, without the section ends that can only cut one short and
/// start the next sooner, and each hit a window takes in may start one of its own then.
fn tokens_shown(hits: &[(u32, u32)]) -> usize {
    let mut hits = hits.to_vec();
    hits.sort_unstable();
    let (mut i, mut through) = (0, 0);
    for _ in 0..SNIPPETS {
        let Some(&(_, b)) = hits.get(i) else { break };
        let mut end = b as usize + CONTEXT_TOKENS;
        while let Some(&(a, b)) = hits.get(i)
            && (a as usize) < end
        {
            end = end.max(b as usize);
            through = through.max(b as usize + CONTEXT_TOKENS);
            i += 1;
        }
    }
    through
}

// The tests draw their corpora from parallax-synth, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
