//! Hedges and distancing: words of the hedge lexicon (`data/hedges.tsv`: "alleged", "reportedly",
//! "so-called", "according to") and scare quotes, short quoted phrases no one is said to have said
//! (found by [`super::quotes`]).
//!
//! Lexicon entries match whole pieces case-insensitively, longest entry first; a hyphenated entry
//! ("so-called") matches the compound piece. Limits: a word is a hedge wherever it stands, so "claimed"
//! as a plain speech verb counts too; the lexicon's `kind` column tells distancing from epistemic hedges.

use super::lexicon::Lexicon;
use super::pieces::Piece;
use super::{Hedge, HedgeKind};

/// The hedges of a text, in order: lexicon matches and the scare quotes given (`start..end` of the
/// quoted words; the hedge's span takes in the marks around them when they are right there).
pub fn find(text: &str, pieces: &[Piece], scare: &[(usize, usize)], lex: &Lexicon) -> Vec<Hedge> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        if !p.is_word() {
            i += 1;
            continue;
        }
        let word = p.text(text).to_lowercase();
        let entries = lex.hedges.get(word.as_str());
        let matched = entries.and_then(|entries| {
            entries.iter().find(|e| {
                e.words.iter().enumerate().all(|(n, w)| {
                    pieces
                        .get(i + n)
                        .is_some_and(|q| q.sentence == p.sentence && q.text(text).eq_ignore_ascii_case(w))
                })
            })
        });
        if let Some(entry) = matched {
            let last = &pieces[i + entry.words.len() - 1];
            out.push(Hedge {
                start: to_u32(p.start),
                end: to_u32(last.end),
                kind: HedgeKind::Lexical,
                term: entry.words.join(" "),
            });
            i += entry.words.len();
        } else {
            i += 1;
        }
    }
    for &(start, end) in scare {
        out.push(Hedge {
            start: to_u32(start),
            end: to_u32(end),
            kind: HedgeKind::ScareQuote,
            term: text[start..end].to_string(),
        });
    }
    out.sort_by_key(|h| (h.start, h.end));
    out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
