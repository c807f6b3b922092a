//! Throughput: ingest plus the language layer, in words per second, over a text built from the corpus.
//!
//! The text is the built-in corpus pages repeated until it holds enough words; each repetition of a
//! page is processed as its own document, as the product does it (`parallax_core::process`: ingest, then
//! the language layer over the article and each reader comment). Words are
//! whitespace-separated words of the input, the definition the peer's timing uses too.

use std::time::{Duration, Instant};

use parallax_core::process;
use serde::{Deserialize, Serialize};

/// The pages to time, in order: (name, text).
#[derive(Debug, Clone, Default)]
pub struct SpeedText {
    pub pages: Vec<(String, String)>,
    pub words: usize,
}

impl SpeedText {
    /// Repeats `pages` in order until the text holds at least `min_words` words (at least one page).
    pub fn build(pages: &[(String, String)], min_words: usize) -> Self {
        let mut out = Self::default();
        if pages.iter().all(|(_, t)| t.split_whitespace().next().is_none()) {
            return out;
        }
        for (name, text) in pages.iter().cycle() {
            out.words += text.split_whitespace().count();
            out.pages.push((name.clone(), text.clone()));
            if out.words >= min_words {
                break;
            }
        }
        out
    }

    /// The whole text as one file: the pages in order, each ending with a blank line, so that every
    /// paragraph of a page is a line of its own.
    pub fn joined(&self) -> String {
        let mut out = String::new();
        for (_, text) in &self.pages {
            out.push_str(text.trim_end());
            out.push_str("\n\n");
        }
        out
    }
}

/// A throughput measurement, as written by `parallax-eval speed` and `scripts/spacy_peer.py speed`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeedResult {
    pub system: String,
    pub words: usize,
    /// The best of the runs.
    pub seconds: f64,
    pub words_per_second: f64,
    pub runs: usize,
}

/// Times ingest plus language over every page, `runs` times, and keeps the best time.
pub fn measure(text: &SpeedText, runs: usize) -> SpeedResult {
    let mut best = Duration::MAX;
    let mut found = 0usize;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        found = 0;
        for (name, page) in &text.pages {
            let doc = process(name, page.as_bytes());
            let a = &doc.analysis;
            found += a.mentions.len() + a.quotes.len() + a.hedges.len() + doc.sections.len();
        }
        best = best.min(started.elapsed());
    }
    // What was found is used, so no part of the work can be optimised away.
    std::hint::black_box(found);
    let seconds = best.as_secs_f64();
    SpeedResult {
        system: "Parallax (ingest + language, native)".into(),
        words: text.words,
        seconds,
        words_per_second: if seconds > 0.0 { text.words as f64 / seconds } else { 0.0 },
        runs: runs.max(1),
    }
}

/// A Markdown table of measurements, each with its ratio to the first.
pub fn table(results: &[SpeedResult]) -> String {
    let mut out = String::from(
        "| system | words | best of | seconds | words/s | first ÷ this |\n|---|---:|---:|---:|---:|---:|\n",
    );
    let first = results.first().map_or(0.0, |r| r.words_per_second);
    for r in results {
        let ratio = if r.words_per_second > 0.0 {
            format!("{:.1}", first / r.words_per_second)
        } else {
            "–".into()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {:.3} | {:.0} | {} |\n",
            r.system, r.words, r.runs, r.seconds, r.words_per_second, ratio
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_repeats_pages_until_it_has_enough_words() {
        let pages =
            vec![("a".to_owned(), "one two\nthree\n".to_owned()), ("b".to_owned(), "four\n".to_owned())];
        let t = SpeedText::build(&pages, 6);
        assert_eq!(t.words, 7);
        assert_eq!(t.pages.len(), 3);
        assert_eq!(t.joined(), "one two\nthree\n\nfour\n\none two\nthree\n\n");
        assert_eq!(t.joined().split_whitespace().count(), t.words);
        assert_eq!(SpeedText::build(&[("e".to_owned(), " \n".to_owned())], 10).words, 0);
    }

    #[test]
    fn a_measurement_counts_the_words() {
        let pages = vec![(
            "a.txt".to_owned(),
            "Moscow, Tuesday.\n\nTalks stalled on Tuesday, officials said.\n".to_owned(),
        )];
        let r = measure(&SpeedText::build(&pages, 20), 1);
        assert_eq!(r.words, 24);
        assert_eq!(r.runs, 1);
        let t = table(&[r.clone(), SpeedResult { words_per_second: r.words_per_second / 4.0, ..r }]);
        assert!(t.lines().nth(3).is_some_and(|l| l.ends_with("| 4.0 |")), "{t}");
    }
}
