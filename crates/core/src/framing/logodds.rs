//! Distinctive terms: the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
//! and Quinn 2008, "Fightin' Words", section 3.5).
//!
//! For a word w, a group i (an outlet, or one document's passages of an event) and the rest j:
//!
//! ```text
//! δ_w = ln((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
//! σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
//! z_w = δ_w / σ_w
//! ```
//!
//! where y are word counts, n the groups' totals, α_w the prior's count for w and α_0 their sum. The
//! prior is the word's frequency in a background (the whole corpus), scaled to [`PRIOR_SIZE`] words:
//! it shrinks the estimate for rare words, so a word used once by one outlet and never by the others is
//! not the most "distinctive" of all, which the plain log-odds ratio would make it. A z-score above 1.96
//! is a difference that chance alone would give less than one time in twenty.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::SharedStr;

/// The prior's largest weight in words (α_0). Monroe et al. use the background's own counts, which in a
/// large corpus would swamp any one outlet's few thousand words; the background frequencies are scaled
/// to this size instead, or to half the background when that is smaller, so that a small corpus is not
/// swamped either. Between 500 and 2,000 the rankings of news text hardly change; below a few hundred,
/// words used once or twice rise to the top again, which is what the prior is there to stop.
pub const PRIOR_SIZE: f64 = 1000.0;

/// A term and how distinctive it is of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// Shared with the vocabulary: a word is spelt once however many lists it is in.
    pub term: SharedStr,
    /// How often the group uses it.
    pub count: u32,
    /// The log-odds ratio δ.
    pub delta: f32,
    /// δ divided by its standard error.
    pub z: f32,
}

/// The words counted, each given an id when first seen: counts hold ids, and a word is spelt out only
/// when it is listed as a term.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    words: Vec<SharedStr>,
}

impl Vocabulary {
    /// The id of `word`, given it if it is new.
    pub fn id(&mut self, word: String) -> u32 {
        if let Some(&id) = self.ids.get(&word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(SharedStr::from(word.as_str()));
        self.ids.insert(word, id);
        id
    }

    /// The word of an id ("" for an id it did not give).
    pub fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", SharedStr::as_str)
    }

    /// The word of an id, shared ("" for an id it did not give).
    pub fn shared(&self, id: u32) -> SharedStr {
        self.words.get(id as usize).cloned().unwrap_or_else(|| SharedStr::from(""))
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Word counts: (word id, count) pairs sorted by id, each id once. A scope of a few paragraphs holds a
/// hundred or so, at eight bytes each.
pub type Counts = Vec<(u32, u32)>;

/// Counts from (word id, count) pairs in any order, with repeated ids summed.
pub fn counts(mut pairs: Vec<(u32, u32)>) -> Counts {
    pairs.sort_unstable_by_key(|&(w, _)| w);
    let mut out: Counts = Vec::with_capacity(pairs.len());
    for (w, c) in pairs {
        match out.last_mut() {
            Some(last) if last.0 == w => last.1 += c,
            _ => out.push((w, c)),
        }
    }
    out
}

/// The sum of several counts.
pub fn sum<'a>(parts: impl IntoIterator<Item = &'a [(u32, u32)]>) -> Counts {
    counts(parts.into_iter().flatten().copied().collect())
}

/// Counts summed over many groups (a corpus, an event's documents), by word id, with their total.
#[derive(Debug, Clone, Default)]
pub struct Table {
    counts: Vec<u32>,
    total: u64,
}

impl Table {
    pub fn add(&mut self, counts: &[(u32, u32)]) {
        for &(w, c) in counts {
            let w = w as usize;
            if w >= self.counts.len() {
                self.counts.resize(w + 1, 0);
            }
            self.counts[w] += c;
            self.total += u64::from(c);
        }
    }

    /// Takes back counts added before, so one table can serve group after group.
    pub fn subtract(&mut self, counts: &[(u32, u32)]) {
        for &(w, c) in counts {
            if let Some(n) = self.counts.get_mut(w as usize) {
                let c = c.min(*n);
                *n -= c;
                self.total -= u64::from(c);
            }
        }
    }

    pub fn get(&self, word: u32) -> u32 {
        self.counts.get(word as usize).copied().unwrap_or(0)
    }

    pub fn total(&self) -> f64 {
        self.total as f64
    }
}

/// The z-scored log-odds of every word of `group` against the rest of `within` (`within` minus `group`:
/// the group's counts are part of it), with `background`'s frequencies scaled to `prior_size` words (at
/// most half the background's) as the prior, most distinctive first; words the group does not use are
/// left out, and so are words with a z-score below `min_z`. At most `limit` terms. The cost is in the
/// group's words, not in the whole of `within`.
pub fn distinctive(
    group: &[(u32, u32)],
    within: &Table,
    background: &Table,
    vocabulary: &Vocabulary,
    prior_size: f64,
    min_z: f32,
    limit: usize,
) -> Vec<Term> {
    let n_i: f64 = group.iter().map(|&(_, c)| f64::from(c)).sum();
    let n_j = (within.total() - n_i).max(0.0);
    let n_b = background.total();
    if n_i == 0.0 || n_b == 0.0 {
        return Vec::new();
    }
    let alpha_0 = prior_size.min(n_b / 2.0);
    // Ranked by id first and spelt out only for the `limit` kept, so the list holds exactly those.
    let mut ranked: Vec<(u32, u32, f32, f32)> = group
        .iter()
        .filter_map(|&(word, y_i)| {
            let y_j = f64::from(within.get(word).saturating_sub(y_i));
            let y_i = f64::from(y_i);
            // A word of the group is in the background too when the background is the corpus; when it
            // is not, the smallest background count stands in for it.
            let b = f64::from(background.get(word).max(1));
            let alpha = alpha_0 * b / n_b;
            let delta = ((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)).ln()
                - ((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)).ln();
            let variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha);
            let z = delta / variance.sqrt();
            (z.is_finite() && z as f32 >= min_z).then_some((word, y_i as u32, delta as f32, z as f32))
        })
        .collect();
    ranked.sort_by(|a, b| b.3.total_cmp(&a.3).then_with(|| vocabulary.word(a.0).cmp(vocabulary.word(b.0))));
    ranked.truncate(limit);
    ranked
        .into_iter()
        .map(|(word, count, delta, z)| Term { term: vocabulary.shared(word), count, delta, z })
        .collect()
}
