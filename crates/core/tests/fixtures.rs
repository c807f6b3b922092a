//! Ingest on pages written to imitate other outlets' page text and HTML, and on the built-in corpus,
//! against what a careful reader says the right answer is (`tests/fixtures/NAME.expect.toml` and
//! `tests/corpus/ID.expect.toml`, format in `tests/fixtures/README.md`).
//!
//! Every fixture is checked and every mismatch reported before the test fails, so one run shows the
//! whole picture.

use std::path::{Path, PathBuf};

use parallax_core::export::{self, DocumentExport};
use parallax_core::ingest::ingest;
use parallax_core::manifest;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    outlet: Option<String>,
    published: Option<String>,
    headline: String,
    standfirst: Option<String>,
    byline: Vec<String>,
    dateline: Option<String>,
    body_first: String,
    body_last: String,
    body_paragraphs: usize,
    #[serde(default)]
    body_excludes: Vec<String>,
    captions: Vec<ExpectCaption>,
    credits: Vec<String>,
    #[serde(default)]
    removed_contains: Vec<String>,
    #[serde(default)]
    comments: Vec<ExpectComment>,
    /// Checks this fixture is known to fail, each the start of a mismatch message ("headline",
    /// "body ends"). They are reported, not failed; and listing one that passes is an error, so the list
    /// only shrinks.
    #[serde(default)]
    known_gaps: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectCaption {
    text: String,
    credit: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectComment {
    author: String,
    place: Option<String>,
    posted: Option<String>,
    text: String,
    reply_to: Option<u32>,
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    files.sort();
    files
}

/// Compares one document with its expectations; returns the mismatches in words.
fn check(doc: &DocumentExport, expect: &Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let mut same = |what: &str, got: String, want: String| {
        if got != want {
            problems.push(format!("{what}: got {got}, want {want}"));
        }
    };
    same("outlet", format!("{:?}", doc.outlet), format!("{:?}", expect.outlet));
    same("published", format!("{:?}", doc.published), format!("{:?}", expect.published));
    same("headline", format!("{:?}", doc.headline), format!("{:?}", Some(&expect.headline)));
    if expect.standfirst.is_some() {
        same("standfirst", format!("{:?}", doc.standfirst), format!("{:?}", expect.standfirst));
    }
    same("byline", format!("{:?}", doc.byline), format!("{:?}", expect.byline));
    same("dateline", format!("{:?}", doc.dateline), format!("{:?}", expect.dateline));
    let body: Vec<&str> = doc.body.iter().map(|p| p.text.as_str()).collect();
    let first = body.first().copied().unwrap_or("");
    let last = body.last().copied().unwrap_or("");
    if !first.starts_with(&expect.body_first) {
        problems.push(format!(
            "body starts {:?}, want {:?}",
            first.get(..60).unwrap_or(first),
            expect.body_first
        ));
    }
    if !last.ends_with(&expect.body_last) {
        let tail = last.char_indices().rev().nth(60).map_or(last, |(i, _)| &last[i..]);
        problems.push(format!("body ends {tail:?}, want {:?}", expect.body_last));
    }
    if body.len() != expect.body_paragraphs {
        problems.push(format!("{} body paragraphs, want {}", body.len(), expect.body_paragraphs));
    }
    for excluded in &expect.body_excludes {
        if let Some(p) = body.iter().find(|p| p.contains(excluded.as_str())) {
            problems.push(format!("body contains {excluded:?} (in {:?})", p.get(..60).unwrap_or(p)));
        }
    }
    let captions: Vec<(String, String)> =
        doc.captions.iter().map(|c| (c.text.clone(), c.credit.clone().unwrap_or_default())).collect();
    let caption_ok = captions.len() == expect.captions.len()
        && captions.iter().zip(&expect.captions).all(|((t, c), e)| t.starts_with(&e.text) && *c == e.credit);
    if !caption_ok {
        let want: Vec<(&str, &str)> =
            expect.captions.iter().map(|c| (c.text.as_str(), c.credit.as_str())).collect();
        problems.push(format!("captions: got {captions:?}, want {want:?}"));
    }
    let credits: Vec<&str> = doc.credits.iter().map(|c| c.text.as_str()).collect();
    if credits != expect.credits {
        problems.push(format!("credits: got {credits:?}, want {:?}", expect.credits));
    }
    let removed: String = doc.removed.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join("\n");
    for wanted in &expect.removed_contains {
        if !removed.contains(wanted.as_str()) {
            problems.push(format!("not among the removed parts: {wanted:?}"));
        }
    }
    if doc.comments.len() != expect.comments.len() {
        let authors: Vec<_> = doc.comments.iter().map(|c| c.author.clone().unwrap_or_default()).collect();
        problems.push(format!("{} comments {authors:?}, want {}", doc.comments.len(), expect.comments.len()));
    }
    for (i, (got, want)) in doc.comments.iter().zip(&expect.comments).enumerate() {
        let mut differ = |what: &str, g: String, w: String| {
            if g != w {
                problems.push(format!("comment {i} {what}: got {g}, want {w}"));
            }
        };
        differ("author", format!("{:?}", got.author), format!("{:?}", Some(&want.author)));
        if want.place.is_some() {
            differ("place", format!("{:?}", got.place), format!("{:?}", want.place));
        }
        differ("posted", format!("{:?}", got.posted), format!("{:?}", want.posted));
        differ("reply_to", format!("{:?}", got.reply_to), format!("{:?}", want.reply_to));
        if !got.text.starts_with(&want.text) {
            problems.push(format!(
                "comment {i} text starts {:?}, want {:?}",
                got.text.get(..40).unwrap_or(&got.text),
                want.text
            ));
        }
    }
    problems
}

#[test]
fn fixtures_match_what_a_careful_reader_finds() {
    let files = fixtures();
    assert!(files.len() >= 10, "expected at least ten fixtures, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let expect_path = path.with_extension("expect.toml");
        let expect_text = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let expect: Expect =
            toml::from_str(&expect_text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let bytes = std::fs::read(path).expect("read the fixture");
        let doc = export::document(&ingest(&name, &bytes));
        let problems = check(&doc, &expect);
        let (known, unknown): (Vec<String>, Vec<String>) =
            problems.into_iter().partition(|p| expect.known_gaps.iter().any(|g| p.starts_with(g.as_str())));
        for p in &known {
            eprintln!("{name}: known gap: {p}");
        }
        let stale = expect
            .known_gaps
            .iter()
            .filter(|g| !known.iter().any(|p| p.starts_with(g.as_str())))
            .map(|g| format!("known gap {g:?} now passes: remove it"));
        let report: Vec<String> = unknown.into_iter().chain(stale).collect();
        if !report.is_empty() {
            failures.push(format!("{name}:\n  {}", report.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn built_in_corpus_matches_what_a_careful_reader_finds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the corpus folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut docs: Vec<_> = files
        .iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            ingest(&name, &std::fs::read(p).expect("read a corpus file"))
        })
        .collect();
    let (m, problems) =
        manifest::parse(&std::fs::read_to_string(root.join("manifest.toml")).expect("manifest"));
    assert!(problems.is_empty(), "{problems:?}");
    assert!(manifest::apply_all(&m, &mut docs).is_empty());
    let mut failures = Vec::new();
    for doc in &docs {
        let expect_path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/corpus/{}.expect.toml", doc.id));
        let expect_text = std::fs::read_to_string(&expect_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let expect: Expect =
            toml::from_str(&expect_text).unwrap_or_else(|e| panic!("{}: {e}", expect_path.display()));
        let problems = check(&export::document(doc), &expect);
        if !problems.is_empty() {
            failures.push(format!("{}:\n  {}", doc.source, problems.join("\n  ")));
        }
    }
    assert_eq!(docs.len(), 5, "the built-in corpus has five documents");
    assert!(
        failures.is_empty(),
        "{} of {} documents differ:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}
