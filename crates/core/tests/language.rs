//! The language layer on whole documents: the built-in corpus, the fixtures, and random text.
//!
//! - Entities of an article come from the article: no mention lies in page furniture, a byline, credits
//!   or page metadata, and no reader's user name is an entity of the article.
//! - Reader comments are analysed too, and kept apart: their mentions lie in comment sections.
//! - Whatever the text, the analysis returns, and every span is on char boundaries, in order.
//! - Entities link across documents: the canonical table has one entry per key and every document's
//!   entities map to it.

#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use parallax_core::language::{self, Analysis, Speaker, canonical};
use parallax_core::{Document, SectionKind, process};
use proptest::prelude::*;

fn pages(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)))
        .collect();
    files.sort();
    files
}

/// The built-in corpus and the fixtures, processed.
fn documents() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = pages(&root.join("../../corpus"), &["txt"]);
    files.extend(pages(&root.join("tests/fixtures"), &["txt", "html"]));
    files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            process(&p.file_name().unwrap_or_default().to_string_lossy(), &bytes)
        })
        .collect()
}

fn kind_at(doc: &Document, at: u32) -> SectionKind {
    let i = doc.sections.partition_point(|s| s.end <= at);
    doc.sections.get(i).map_or(SectionKind::Blank, |s| s.kind)
}

#[test]
fn entities_of_an_article_come_from_its_article_and_comments_stay_apart() {
    let docs = documents();
    assert!(docs.len() >= 19);
    let mut comment_mentions = 0;
    for doc in &docs {
        assert!(!doc.analysis.mentions.is_empty(), "{}: no entity found", doc.source);
        for m in &doc.analysis.mentions {
            let kind = kind_at(doc, m.start);
            let text = &doc.text[m.start as usize..m.end as usize];
            assert!(
                matches!(
                    kind,
                    SectionKind::Headline
                        | SectionKind::Standfirst
                        | SectionKind::Subheading
                        | SectionKind::Body
                        | SectionKind::Caption
                        | SectionKind::Comment
                ),
                "{}: {text:?} is a mention in a {kind:?} section",
                doc.source
            );
            assert_eq!(kind_at(doc, m.end - 1), kind, "{}: {text:?} crosses sections", doc.source);
            if kind == SectionKind::Comment {
                comment_mentions += 1;
            }
        }
        // No commenter's user name is an entity of the article.
        let article: Vec<&str> = doc
            .analysis
            .mentions
            .iter()
            .filter(|m| kind_at(doc, m.start) != SectionKind::Comment)
            .map(|m| &doc.text[m.start as usize..m.end as usize])
            .collect();
        for c in &doc.comments {
            if let Some(author) = &c.author {
                let in_body = doc
                    .sections
                    .iter()
                    .filter(|s| s.kind == SectionKind::Body)
                    .any(|s| doc.section_text(s).contains(author.as_str()));
                assert!(
                    in_body || !article.contains(&author.as_str()),
                    "{}: commenter {author:?} is an entity of the article",
                    doc.source
                );
            }
        }
    }
    assert!(comment_mentions > 0, "the comment threads name nobody?");
}

#[test]
fn quotes_and_hedges_point_into_the_text() {
    for doc in documents() {
        let a = &doc.analysis;
        for q in &a.quotes {
            assert!(
                q.start < q.end && doc.text.get(q.start as usize..q.end as usize).is_some(),
                "{}",
                doc.source
            );
            if let Speaker::Entity(e) = q.speaker {
                assert!((e as usize) < a.entities.len());
            }
        }
        for h in &a.hedges {
            assert!(doc.text.get(h.start as usize..h.end as usize).is_some());
        }
    }
}

#[test]
fn entities_link_across_the_corpus() {
    let docs = documents();
    let analyses: Vec<&Analysis> = docs.iter().map(|d| &d.analysis).collect();
    let c = canonical::link(&analyses);
    assert_eq!(c.links.len(), docs.len());
    for (d, links) in c.links.iter().enumerate() {
        assert_eq!(links.len(), docs[d].analysis.entities.len());
        for (e, &g) in links.iter().enumerate() {
            let local = &docs[d].analysis.entities[e];
            let global = &c.entities[g as usize];
            assert_eq!(local.label, global.label);
            assert!(
                global.name == local.name || global.aliases.contains(&local.name),
                "{local:?} → {global:?}"
            );
        }
    }
    let mut ids: Vec<&str> = c.entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "entity ids are unique");
    // Several documents of the set name the same countries: some entity is in more than one.
    assert!(c.entities.iter().any(|e| e.documents.len() > 1));
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a = language::analyse_text(text);
    let mut last = 0;
    for m in &a.mentions {
        let (s, e) = (m.start as usize, m.end as usize);
        prop_assert!(s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
        prop_assert!(s >= last, "mentions overlap or are out of order");
        last = e;
        prop_assert!((m.entity as usize) < a.entities.len());
    }
    for q in &a.quotes {
        prop_assert!(text.get(q.start as usize..q.end as usize).is_some());
    }
    for h in &a.hedges {
        prop_assert!(text.get(h.start as usize..h.end as usize).is_some());
    }
    Ok(())
}

/// Fragments news text is made of, for text that exercises the rules.
const FRAGMENTS: &[&str] = &[
    "President ",
    "Mr ",
    "U.S.",
    "al-",
    "Qaeda",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "said",
    "told reporters",
    ", ",
    ". ",
    "\n\n",
    "John Smith",
    "Smith's",
    "according to",
    "alleged",
    "so-called",
    "the ",
    "Ministry of ",
    "Defence",
    "in ",
    "Paris",
    "2016 ",
    "presidential election",
    "G-20",
    "summit",
    "on Wednesday",
    "last year",
    "(",
    ")",
    "FSB",
    "Federal Security Service",
    "-",
    "he said",
    "A source said",
    "é",
    "日本",
    "\u{301}",
    "Hurricane ",
    "Katrina",
    "who ",
    ":",
    "March 9",
    ", 52,",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_analysed_without_panic(text in ".{0,400}") {
        check(&text)?;
    }

    #[test]
    fn news_like_text_is_analysed_without_panic(parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..80)) {
        check(&parts.concat())?;
    }
}
