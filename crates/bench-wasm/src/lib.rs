//! Throughput of the engine in the browser: ingest plus the language layer, in words per second, over
//! the text that `parallax-eval speed` writes and times natively.
//!
//! That text is the corpus pages repeated in order, each trimmed at its end and followed by a blank line.
//! Pages hold blank lines of their own, so the text alone does not say where one page ends: [`pages_of`]
//! walks it against the corpus pages, in the order the native side repeats them, and gives back the very
//! pages (names and untrimmed texts) the native side ingests. [`run`] then does the native side's work on
//! each, and [`throughput`] is the function the page calls, timing with `performance.now()`.

use parallax_core::process;
use wasm_bindgen::prelude::*;

/// A page of the benchmark: (file name, text).
pub type Page = (String, String);

/// The pages that make up `text`, in order, taken from `corpus` (the pages the text was built from, in the
/// order they repeat). Fails if the text is not those pages repeated, each trimmed at its end and followed
/// by a blank line.
pub fn pages_of<'a>(text: &str, corpus: &'a [Page]) -> Result<Vec<&'a Page>, String> {
    if corpus.is_empty() {
        return Err("no corpus pages to find in the text".into());
    }
    let mut rest = text;
    let mut out = Vec::new();
    for page in corpus.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        match rest.strip_prefix(page.1.trim_end()).and_then(|r| r.strip_prefix("\n\n")) {
            Some(after) => rest = after,
            None => {
                return Err(format!(
                    "the text is not the corpus pages repeated: at byte {} (page {}) it does not continue with {}",
                    text.len() - rest.len(),
                    out.len() + 1,
                    page.0
                ));
            }
        }
        out.push(page);
    }
    Ok(out)
}

/// Processes every page as the native benchmark does (`parallax_core::process`: ingest, then the
/// language layer). Returns how many things were found (mentions, quotes, hedges, plus the sections).
pub fn run(pages: &[&Page]) -> usize {
    let mut found = 0;
    for (name, page) in pages {
        let doc = process(name, page.as_bytes());
        let a = &doc.analysis;
        found += a.mentions.len() + a.quotes.len() + a.hedges.len() + doc.sections.len();
    }
    found
}

/// The best of `runs` (at least one) timed runs over `pages`, in seconds, and what the last run found.
/// `now_ms` is a clock in milliseconds.
pub fn best_of(pages: &[&Page], runs: usize, mut now_ms: impl FnMut() -> f64) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut found = 0;
    for _ in 0..runs.max(1) {
        let started = now_ms();
        found = std::hint::black_box(run(pages));
        best = best.min((now_ms() - started) / 1000.0);
    }
    (best, found)
}

/// A measurement, with the fields of the native benchmark's JSON (less the system's name, which the page
/// knows: the browser and its version).
#[wasm_bindgen]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Throughput {
    /// Whitespace-separated words of the text.
    pub words: usize,
    /// The best of the runs.
    pub seconds: f64,
    pub words_per_second: f64,
    pub runs: usize,
    /// Mentions, quotes, hedges and paragraphs found in one run: the same on every run and natively.
    pub found: usize,
}

/// Times ingest plus language over `text` (written by `parallax-eval speed --text-out`), best of `runs`.
/// `names` and `pages` are the corpus pages the text was built from, in the native side's order (file
/// names sorted), with their texts as read from disk.
#[wasm_bindgen]
pub fn throughput(
    text: &str,
    names: Vec<String>,
    pages: Vec<String>,
    runs: usize,
) -> Result<Throughput, JsError> {
    if names.len() != pages.len() {
        return Err(JsError::new("as many names as pages are needed"));
    }
    let corpus: Vec<Page> = names.into_iter().zip(pages).collect();
    let order = pages_of(text, &corpus).map_err(|e| JsError::new(&e))?;
    let words = text.split_whitespace().count();
    if words == 0 {
        return Err(JsError::new("the text has no words"));
    }
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance clock (run this in a page)"))?;
    let (seconds, found) = best_of(&order, runs, || performance.now());
    Ok(Throughput {
        words,
        seconds,
        words_per_second: if seconds > 0.0 { words as f64 / seconds } else { 0.0 },
        runs: runs.max(1),
        found,
    })
}

#[cfg(test)]
mod tests {
    use parallax_eval::speed::SpeedText;

    use super::*;

    fn corpus() -> Vec<Page> {
        vec![
            ("a.txt".into(), "Moscow, Tuesday.\n\nTalks stalled on Tuesday, officials said.\n\n\n".into()),
            ("b.txt".into(), "One line\n\nand another.".into()),
        ]
    }

    #[test]
    fn the_pages_of_the_native_text_are_the_pages_it_times() {
        let corpus = corpus();
        let native = SpeedText::build(&corpus, 40);
        let found = pages_of(&native.joined(), &corpus).expect("the native text splits");
        let found: Vec<Page> = found.into_iter().cloned().collect();
        assert_eq!(found, native.pages);
        assert_eq!(native.joined().split_whitespace().count(), native.words);
    }

    #[test]
    fn a_text_that_is_not_the_pages_repeated_is_refused() {
        let corpus = corpus();
        // a, b, a, b, a, b, a: 44 words; b would come next.
        let mut text = SpeedText::build(&corpus, 40).joined();
        text.push_str("stray\n\n");
        assert!(pages_of(&text, &corpus).is_err_and(|e| e.contains("(page 8)") && e.ends_with("b.txt")));
        assert!(pages_of("anything", &[]).is_err());
        assert_eq!(pages_of("", &corpus).map(|p| p.len()), Ok(0));
    }

    #[test]
    fn every_run_does_the_same_work_and_the_best_is_kept() {
        let corpus = corpus();
        let pages: Vec<&Page> = corpus.iter().collect();
        let mut ticks = [0.0, 3000.0, 3000.0, 4000.0, 4000.0, 6500.0].into_iter();
        let (seconds, found) = best_of(&pages, 3, || ticks.next().unwrap_or(0.0));
        assert_eq!(seconds, 1.0);
        assert_eq!(found, run(&pages));
        assert!(found >= 3, "{found}");
    }
}
