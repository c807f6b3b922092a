//! Synthetic pages as the engine reads them: each page through the real ingest
//! (`parallax_core::process`), compared with the page's truth.

use std::collections::HashMap;

use parallax_core::{SectionKind, Severity};
use parallax_synth::{generate, page};

/// How many pages the agreement checks read (the brief: at least 200).
const SAMPLE: usize = 300;

/// The share of pages on which the engine must agree with the truth (0..=1).
const MIN_AGREEMENT: f64 = 0.9;

#[test]
fn same_seed_same_pages_other_seed_other_pages() {
    let a = generate(60, 11);
    let b = generate(60, 11);
    assert_eq!(a, b);
    let c = generate(60, 12);
    assert_ne!(a.iter().map(|p| &p.text).collect::<Vec<_>>(), c.iter().map(|p| &p.text).collect::<Vec<_>>());
    // A page alone is the page of the whole run.
    assert_eq!(page(37, 60, 11), a[37]);
}

#[test]
fn the_requested_number_of_pages_with_distinct_names() {
    for docs in [0, 1, 7, 250] {
        let pages = generate(docs, 3);
        assert_eq!(pages.len(), docs);
        let mut names: Vec<&str> = pages.iter().map(|p| p.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), docs);
    }
    assert_eq!(page(123, 1000, 1).name.split('_').next(), Some("000123"));
    assert_eq!(page(5, 2_000_000, 1).name.split('_').next(), Some("0000005"));
}

#[test]
fn every_event_is_reported_more_than_once() {
    for docs in [100, 500] {
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for p in generate(docs, 5) {
            *counts.entry(p.truth.event).or_default() += 1;
            assert_eq!(p.truth.events_mentioned.first(), Some(&p.truth.event));
        }
        assert_eq!(counts.len(), (docs / 20).max(20), "every event is reported");
        assert!(counts.values().all(|&n| n > 1), "{docs}: {counts:?}");
    }
}

#[test]
fn pages_are_realistic_in_size_and_complete() {
    for p in generate(120, 9) {
        assert!(
            !p.text.contains('{') && !p.text.contains('}'),
            "a template was not filled in {}:\n{}",
            p.name,
            p.text
        );
        let words = p.text.split_whitespace().count();
        assert!((300..3000).contains(&words), "{}: {words} words", p.name);
        assert!(p.truth.published.as_str() >= "2000-01-01" && p.truth.published.as_str() <= "2025-12-31");
    }
}

#[test]
fn the_engine_reads_outlet_date_and_body_from_the_pages() {
    let pages = generate(SAMPLE, 2024);
    let mut outlet_agrees = 0;
    let mut date_agrees = 0;
    let mut disagreements = Vec::new();
    for p in &pages {
        let doc = parallax_core::process(&p.name, p.text.as_bytes());
        let outlet = doc.meta.outlet.as_ref().map(|f| f.value.as_str());
        let published = doc.meta.published.as_ref().map(|f| f.value.as_str());
        if outlet == Some(p.truth.outlet.as_str()) {
            outlet_agrees += 1;
        } else {
            disagreements.push(format!("{}: outlet {outlet:?}, truth {}", p.name, p.truth.outlet));
        }
        if published == Some(p.truth.published.as_str()) {
            date_agrees += 1;
        } else {
            disagreements.push(format!("{}: published {published:?}, truth {}", p.name, p.truth.published));
        }
        let body_words: usize = doc
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Body)
            .map(|s| doc.section_text(s).split_whitespace().count())
            .sum();
        assert!(body_words > 0, "{}: no body", p.name);
        let warnings: Vec<_> = doc.diagnostics.iter().filter(|d| d.severity == Severity::Warning).collect();
        assert!(warnings.is_empty(), "{}: {warnings:?}\n{}", p.name, p.text);
    }
    let rate = |n: usize| n as f64 / pages.len() as f64;
    eprintln!("outlet agreement {:.3}, date agreement {:.3}", rate(outlet_agrees), rate(date_agrees));
    for d in &disagreements {
        eprintln!("{d}");
    }
    assert!(rate(outlet_agrees) >= MIN_AGREEMENT, "outlet agreement {:.3}", rate(outlet_agrees));
    assert!(rate(date_agrees) >= MIN_AGREEMENT, "date agreement {:.3}", rate(date_agrees));
}
