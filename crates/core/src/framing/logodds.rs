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

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The prior's largest weight in words (α_0). Monroe et al. use the background's own counts, which in a
/// large corpus would swamp any one outlet's few thousand words; the background frequencies are scaled
/// to this size instead, or to half the background when that is smaller, so that a small corpus is not
/// swamped either. Between 500 and 2,000 the rankings of news text hardly change; below a few hundred,
/// words used once or twice rise to the top again, which is what the prior is there to stop.
pub const PRIOR_SIZE: f64 = 1000.0;

/// A term and how distinctive it is of a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    /// How often the group uses it.
    pub count: u32,
    /// The log-odds ratio δ.
    pub delta: f32,
    /// δ divided by its standard error.
    pub z: f32,
}

/// Word counts.
pub type Counts = HashMap<String, u32>;

/// Word counts with their total, summed once: a corpus's background is scored against many groups, and
/// summing its counts for each would make the cost grow with the corpus's vocabulary times the groups.
#[derive(Debug, Clone, Copy)]
pub struct Tally<'a> {
    pub counts: &'a Counts,
    pub total: f64,
}

impl<'a> Tally<'a> {
    pub fn of(counts: &'a Counts) -> Self {
        Self { counts, total: counts.values().map(|&c| f64::from(c)).sum() }
    }
}

/// The z-scored log-odds of every word of `group` against `rest`, with `background`'s frequencies scaled
/// to `prior_size` words (at most half the background's) as the prior, most distinctive first; words the group does not use are left
/// out, and so are words with a z-score below `min_z`. At most `limit` terms.
pub fn distinctive(
    group: &Counts,
    rest: &Counts,
    background: Tally<'_>,
    prior_size: f64,
    min_z: f32,
    limit: usize,
) -> Vec<Term> {
    let n_j: f64 = rest.values().map(|&c| f64::from(c)).sum();
    score(group, |w| rest.get(w).copied().unwrap_or(0), n_j, background, prior_size, min_z, limit)
}

/// As [`distinctive`], with the rest given as `total` minus `group` (`group`'s counts are within
/// `total`), without building the rest: the cost is in the group's words, not the total's.
pub fn distinctive_within(
    group: &Counts,
    total: Tally<'_>,
    background: Tally<'_>,
    prior_size: f64,
    min_z: f32,
    limit: usize,
) -> Vec<Term> {
    let n_i: f64 = group.values().map(|&c| f64::from(c)).sum();
    let rest = |w: &str| {
        total.counts.get(w).copied().unwrap_or(0).saturating_sub(group.get(w).copied().unwrap_or(0))
    };
    score(group, rest, (total.total - n_i).max(0.0), background, prior_size, min_z, limit)
}

fn score(
    group: &Counts,
    rest: impl Fn(&str) -> u32,
    n_j: f64,
    background: Tally<'_>,
    prior_size: f64,
    min_z: f32,
    limit: usize,
) -> Vec<Term> {
    let n_i: f64 = group.values().map(|&c| f64::from(c)).sum();
    let n_b = background.total;
    if n_i == 0.0 || n_b == 0.0 {
        return Vec::new();
    }
    let alpha_0 = prior_size.min(n_b / 2.0);
    let mut out: Vec<Term> = group
        .iter()
        .filter_map(|(word, &y_i)| {
            let y_i = f64::from(y_i);
            let y_j = f64::from(rest(word));
            // A word of the group is in the background too when the background is the corpus; when it
            // is not, the smallest background count stands in for it.
            let b = f64::from(background.counts.get(word).copied().unwrap_or(1).max(1));
            let alpha = alpha_0 * b / n_b;
            let delta = ((y_i + alpha) / (n_i + alpha_0 - y_i - alpha)).ln()
                - ((y_j + alpha) / (n_j + alpha_0 - y_j - alpha)).ln();
            let variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha);
            let z = delta / variance.sqrt();
            (z.is_finite() && z as f32 >= min_z).then(|| Term {
                term: word.clone(),
                count: y_i as u32,
                delta: delta as f32,
                z: z as f32,
            })
        })
        .collect();
    out.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.term.cmp(&b.term)));
    out.truncate(limit);
    out
}

/// Adds `b` to `a`.
pub fn add(a: &mut Counts, b: &Counts) {
    for (w, &c) in b {
        *a.entry(w.clone()).or_default() += c;
    }
}

/// `total` minus `part` (counts of `part` are within `total`).
pub fn minus(total: &Counts, part: &Counts) -> Counts {
    total
        .iter()
        .filter_map(|(w, &c)| {
            let left = c.saturating_sub(part.get(w).copied().unwrap_or(0));
            (left > 0).then(|| (w.clone(), left))
        })
        .collect()
}
