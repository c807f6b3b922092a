//! The chunked index answers every query as the whole index does, whatever the chunk size.

use super::*;
use crate::bundle::Bundle;
use crate::search::{Index, parse};

fn corpus() -> Bundle {
    let docs = (0..40)
        .map(|i| {
            let page = parallax_synth::page(i, 40, 7);
            crate::process(&page.name, page.text.as_bytes())
        })
        .collect();
    Bundle::with_events(docs, &[])
}

/// Queries made from the corpus itself: its words, consecutive pairs as phrases, prefixes, exclusions,
/// entity names, and words it does not have.
fn queries(b: &Bundle) -> Vec<String> {
    let mut out = vec!["nosuchword".to_owned(), "\"nosuchword at all\"".to_owned(), "zz*".to_owned()];
    for doc in b.documents.iter().step_by(7) {
        let words: Vec<&str> =
            doc.text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2).collect();
        for k in (0..words.len().saturating_sub(1)).step_by(41) {
            out.push(words[k].to_owned());
            out.push(format!("\"{} {}\"", words[k], words[k + 1]));
            out.push(format!("{}*", &words[k][..2]));
            out.push(format!("{} -{}", words[k], words[k + 1]));
        }
    }
    for e in b.canonical.entities.iter().step_by(5) {
        out.push(format!("\"{}\"", e.name));
    }
    out
}

#[test]
fn chunked_search_equals_the_whole_index_at_every_chunk_size() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let n = b.documents.len();
    let queries = queries(&b);
    let names: Vec<String> = b.canonical.entities.iter().map(|e| format!("\"{}\"", e.name)).collect();
    assert!(queries.len() > 40, "{}", queries.len());
    let mut some_hits = 0;
    for chunk_bytes in [1, 3_000, usize::MAX] {
        let (head, chunks) = index.split(n, chunk_bytes);
        assert!(!chunks.is_empty());
        if chunk_bytes == 1 {
            assert!(chunks.len() > 500, "one key per chunk: {}", chunks.len());
        }
        if chunk_bytes == usize::MAX {
            assert_eq!(chunks.len(), 1);
        }
        for q in &queries {
            let query = parse(q);
            let needed = head.needed(&query);
            // Only the chunks the query needs are given: the rest must not be asked for.
            let m = head.matches(&query, |c| needed.contains(&c).then(|| &chunks[c]));
            let matched = index.matches(&query);
            for parts in [&[Part::Article][..], &[Part::Comments], &Part::ALL] {
                let a = index.ranked_matches(n, &matched, parts, None);
                let c = head.ranked_matches(n, &m, parts, None);
                assert_eq!(a.len(), c.len(), "{q} at {chunk_bytes}");
                for (x, y) in a.iter().zip(&c) {
                    assert_eq!((x.document, x.matches), (y.document, y.matches), "{q}");
                    assert!((x.score - y.score).abs() < 1e-4, "{q}: {} vs {}", x.score, y.score);
                    let doc = &b.documents[x.document as usize];
                    let whole = index.snippets_of(doc, &matched, parts, x);
                    let chunked = head.snippets_of(doc, &m, parts, y);
                    if names.contains(q) {
                        // A name's mention is kept as the tokens it covers: "Indonesia" in
                        // "Indonesia's" is highlighted as the whole token.
                        assert_eq!(whole.len(), chunked.len(), "{q}");
                        for (w, c) in whole.iter().zip(&chunked) {
                            assert_eq!(
                                (w.part, w.start, w.highlights.len()),
                                (c.part, c.start, c.highlights.len())
                            );
                            for (hw, hc) in w.highlights.iter().zip(&c.highlights) {
                                assert!(hw.0 == hc.0 && hw.1 <= hc.1, "{q}: {hw:?} {hc:?}");
                            }
                        }
                    } else {
                        assert_eq!(whole, chunked, "{q}");
                    }
                }
                some_hits += usize::from(!a.is_empty());
            }
            for part in Part::ALL {
                assert_eq!(index.documents_in(n, &matched, part), head.documents_in(n, &m, part), "{q}");
            }
        }
    }
    assert!(some_hits > 100, "the queries find things: {some_hits}");
}

#[test]
fn a_word_needs_one_chunk_and_a_prefix_the_chunks_its_words_span() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let (head, chunks) = index.split(b.documents.len(), 200);
    assert!(head.chunks() > 20);
    assert_eq!(head.needed(&parse("storm")).len(), 1);
    let prefix = head.needed(&parse("s*"));
    assert!(prefix.len() > 1, "{prefix:?}");
    // Every word starting so is in one of those chunks, and none outside them.
    for (n, chunk) in chunks.iter().enumerate() {
        let has = chunk.prefixed("s").next().is_some();
        assert_eq!(has, prefix.contains(&n), "chunk {n}");
    }
    // The empty query needs nothing; an exclusion needs its word's chunk.
    assert!(head.needed(&parse("")).is_empty());
    assert_eq!(head.needed(&parse("-storm")), head.needed(&parse("storm")));
}

#[test]
fn postings_survive_their_delta_coding() {
    let list = vec![(0, 0), (0, 4), (0, 9), (5, 0), (5, 1), (9, 3)];
    assert_eq!(decode_words(&encode_words(&list)), list);
    let names = vec![(0, 0, 3), (0, 10, 11), (4, 2, 9)];
    assert_eq!(decode_names(&encode_names(&names)), names);
}
