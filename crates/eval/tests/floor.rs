//! Quality floors on the evaluation set: the language layer must not get worse without someone noticing.
//! The floors sit a little under the figures in `docs/ner-eval.md`; raise them when the engine improves.

use std::path::{Path, PathBuf};

use parallax_core::language::analyse_text;
use parallax_eval::annotated;
use parallax_eval::prediction;
use parallax_eval::score::Score;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn score(dir: &str) -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval").join(dir);
    let mut score = Score::default();
    let paths = files(&root);
    assert!(!paths.is_empty(), "no evaluation files under {}", root.display());
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let gold = annotated::parse(&path.to_string_lossy(), &source).unwrap_or_else(|e| panic!("{e:?}"));
        score.add(&gold, &prediction::from_analysis(&analyse_text(&gold.text)));
    }
    score
}

#[test]
fn entity_f1_over_the_whole_set_stays_above_its_floor() {
    let s = score("");
    let micro = s.micro().f1().unwrap_or(0.0);
    assert!(micro >= 0.90, "micro F1 {micro:.3}");
    for (label, counts) in &s.labels {
        let f1 = counts.f1().unwrap_or(0.0);
        assert!(f1 >= 0.80, "{label:?} F1 {f1:.3}");
    }
    let merging = s.merging.and_then(|m| m.f1()).unwrap_or(0.0);
    assert!(merging >= 0.95, "alias merging F1 {merging:.3}");
}

#[test]
fn every_direct_quote_of_the_built_in_articles_has_the_right_speaker() {
    let s = score("corpus");
    let quotes = s.quotes.expect("Parallax finds quotes");
    assert_eq!(quotes.direct.right, quotes.direct.total, "direct quotes: {:?}", quotes.direct);
    assert!(quotes.direct.total >= 20);
}
