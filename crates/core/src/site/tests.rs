//! A site's files read back to what was split, and its cards and excerpts are enough for the Library.

use super::*;
use crate::search::{Part, parse};
use crate::turns::Steps;

fn bundle() -> Bundle {
    let docs = (0..12)
        .map(|i| {
            let page = parallax_synth::page(i, 12, 3);
            crate::process(&page.name, page.text.as_bytes())
        })
        .collect();
    Bundle::new(docs)
}

#[test]
fn every_file_reads_back() {
    let b = bundle();
    let site = split(b.clone());
    let files: Vec<(String, Vec<u8>)> = site.files().collect();
    assert_eq!(
        files.len(),
        5 + site.co.len() + site.index.len() + site.event_parts.len() + 2 * b.documents.len()
    );
    let get = |path: &str| &files.iter().find(|(p, _)| p == path).expect(path).1;
    assert_eq!(decode::<Catalog>(get(CATALOG)).expect("decodes"), site.catalog);
    assert_eq!(decode::<Canonical>(get(Table::Canonical.path())).expect("decodes"), *b.canonical);
    // The events table holds the events without their passages; each event's part has them.
    let heads = decode::<Events>(get(Table::Events.path())).expect("decodes");
    assert_eq!(heads, site.tables.events);
    assert!(heads.passages.is_empty() && heads.events.iter().all(|e| e.passages.is_empty()));
    assert_eq!(heads.events.len(), b.events.events.len());
    for (head, whole) in heads.events.iter().zip(&b.events.events) {
        assert_eq!(head, &crate::events::Event { passages: Vec::new(), ..whole.clone() });
    }
    // The framing table holds each document's framing and the outlets'; each event's part is a file.
    let table = decode::<Framing>(get(Table::Framing.path())).expect("decodes");
    assert_eq!((&table.documents, &table.outlets), (&b.framing.documents, &b.framing.outlets));
    assert!(table.events.is_empty() && table.matrices.is_empty());
    assert_eq!(site.event_parts.len(), b.events.events.len());
    for (n, part) in site.event_parts.iter().enumerate() {
        assert_eq!(&decode::<EventPart>(get(&event_part_path(n))).expect("decodes"), part);
        let event = u32::try_from(n).expect("fits");
        let whole: Vec<&crate::framing::EventFraming> =
            b.framing.events.iter().filter(|f| f.event == event).collect();
        assert_eq!(part.framings.iter().collect::<Vec<_>>(), whole, "event {n}'s framings, in order");
        assert_eq!(part.matrix.first(), b.framing.matrix(event), "event {n}'s matrix");
        assert_eq!(part.event, event);
        assert_eq!(
            part.passages(),
            b.events.passages_of(&b.events.events[n]),
            "event {n}'s passages, in order"
        );
    }
    assert!(site.event_parts.iter().any(|p| !p.passages.is_empty()), "some event has passages");
    assert_eq!(site.event_parts.iter().map(|p| p.framings.len()).sum::<usize>(), b.framing.events.len());
    assert_eq!(decode::<EntityTables>(get(ENTITIES)).expect("decodes"), site.entities);
    for (n, chunk) in site.co.iter().enumerate() {
        assert_eq!(&decode::<CoChunk>(get(&co_path(n))).expect("decodes"), chunk);
    }
    for (n, chunk) in site.index.iter().enumerate() {
        assert_eq!(&decode::<Chunk>(get(&index_path(n))).expect("decodes"), chunk);
    }
    for (n, doc) in b.documents.iter().enumerate() {
        assert_eq!(&decode::<Document>(get(&document_path(n))).expect("decodes"), doc);
        let excerpt: Excerpt = decode(get(&text_path(n))).expect("decodes");
        assert_eq!((&excerpt.text, &excerpt.sections), (&doc.text, &doc.sections));
    }
    // The paths keep folders to a thousand files.
    assert_eq!(document_path(12_345), "doc/12/12345.plx");
}

#[test]
fn entity_tables_equal_what_the_view_counts_from_whole_documents() {
    let b = bundle();
    let site = split(b.clone());
    let entities = b.canonical.entities.len();
    assert!(entities > CO_CHUNK / 4, "the sample names enough entities: {entities}");
    assert_eq!(site.co.len(), entities.div_ceil(CO_CHUNK));
    let mut cut = 0;
    for scope in [Scope::Article, Scope::All] {
        assert_eq!(site.entities.coverage(scope), &explore::coverage(&b.documents, &b.canonical, scope));
        for e in 0..u32::try_from(entities).expect("fits") {
            let full = explore::co_occurrence(&b.documents, &b.canonical, e, scope);
            let (chunk, i) = co_place(e);
            let stored = site.co[chunk].list(i, scope).expect("every entity has a list");
            cut += usize::from(full.len() > CO_ROWS);
            assert_eq!(stored, &CoList::of(full, CO_ROWS), "entity {e}, {scope:?}");
        }
    }
    assert!(cut > 0, "some lists are longer than are kept, so the cut is tested");
    // Comments add mentions: the two scopes differ somewhere.
    assert_ne!(site.entities.article, site.entities.all);
}

#[test]
fn cards_carry_metadata_and_counts_but_no_text() {
    let b = bundle();
    let site = split(b.clone());
    for (card, doc) in site.catalog.documents.iter().zip(b.documents.iter()) {
        assert_eq!((&card.id, &card.source, &card.meta), (&doc.id, &doc.source, &doc.meta));
        assert_eq!(card.comments.len(), doc.comments.len());
        assert!(card.text.is_empty() && card.sections.is_empty() && card.analysis.mentions.is_empty());
    }
    assert!(b.documents.iter().any(|d| !d.comments.is_empty()), "the sample has comments");
    assert_eq!(site.catalog.words, b.documents.iter().map(Document::body_word_count).collect::<Vec<_>>());
    // The catalog is a small part of the whole.
    let whole = crate::bundle::encode(&b).len();
    assert!(encode(&site.catalog).len() * 5 < whole, "{} of {whole}", encode(&site.catalog).len());
}

#[test]
fn snippets_from_a_card_and_its_excerpt_equal_the_whole_documents() {
    let b = bundle();
    let site = split(b.clone());
    let index = Index::new(&b.documents, &b.canonical);
    let head = &site.catalog.search;
    let doc = &b.documents[3];
    let body = doc.sections.iter().find(|s| s.kind == crate::SectionKind::Body).expect("decodes");
    let plain: Vec<String> = doc
        .section_text(body)
        .split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let long = plain.iter().find(|w| w.len() > 5).expect("decodes").clone();
    // A rare word, the commonest (hits all through long texts, cut at the third window), a phrase, a
    // prefix, and two words at once.
    let queries = [
        long.clone(),
        "the".to_owned(),
        format!("\"{} {}\"", plain[4], plain[5]),
        format!("{}*", &long[..3]),
        format!("the {long}"),
    ];
    let mut many = 0;
    for q in &queries {
        let query = parse(q);
        let needed = head.needed(&query);
        let m = head.matches(&query, |c| needed.contains(&c).then(|| &site.index[c]));
        let hits = head.ranked_matches(b.documents.len(), &m, &Part::ALL, None);
        assert!(!hits.is_empty(), "{q}");
        let whole_m = index.matches(&query);
        let whole = index.ranked_matches(b.documents.len(), &whole_m, &Part::ALL, None);
        for hit in &hits {
            let d = hit.document as usize;
            let excerpt =
                Excerpt { text: b.documents[d].text.clone(), sections: b.documents[d].sections.clone() };
            let doc = excerpt.on(&site.catalog.documents[d]);
            let same = whole.iter().find(|h| h.document == hit.document).expect("decodes");
            let snippets = head.snippets_of(&doc, &m, &Part::ALL, hit);
            assert_eq!(
                snippets,
                index.snippets_of(&b.documents[d], &whole_m, &Part::ALL, same),
                "{q} in {d}"
            );
            assert!(!snippets.is_empty());
            let spans = crate::search::spans_of(head, &m, &Part::ALL, hit.document);
            many += usize::from(spans.values().map(Vec::len).sum::<usize>() > 12);
        }
    }
    assert!(many > 0, "some document has more hits than three snippets show");
}

#[test]
fn damaged_foreign_and_overlarge_files_are_refused() {
    let bytes = encode(&Excerpt { text: "x".repeat(10_000), sections: Vec::new() });
    assert!(decode::<Excerpt>(&bytes).is_ok());
    assert_eq!(decode::<Excerpt>(b"PLXB\x07\0\0\0"), Err(BundleError::NotABundle));
    let mut other = bytes.clone();
    other[4..8].copy_from_slice(&9u32.to_le_bytes());
    assert_eq!(decode::<Excerpt>(&other), Err(BundleError::Version { found: 9, expected: FORMAT_VERSION }));
    assert!(matches!(decode::<Excerpt>(&bytes[..bytes.len() / 2]), Err(BundleError::Corrupt(_))));
    // 10,000 bytes of text that would inflate past a limit of 1,000.
    assert!(
        matches!(decode_within::<Excerpt>(&bytes, 1_000), Err(BundleError::Corrupt(m)) if m.contains("1000"))
    );
}

#[test]
fn the_catalog_read_in_turns_equals_the_catalog_read_at_once() {
    let site = split(bundle());
    let bytes = encode(&site.catalog);
    assert_eq!(catalog_in_turns(bytes.clone()).and_then(Steps::finish), decode::<Catalog>(&bytes));
    assert_eq!(catalog_in_turns(bytes).and_then(Steps::finish), Ok(site.catalog));
    assert_eq!(catalog_in_turns(b"PLXB".to_vec()).err(), Some(BundleError::NotABundle));
}

/// The lengths of the corpus tables' sequences, in the order they are read.
fn table_lengths(b: &Bundle) -> [usize; 8] {
    [
        b.canonical.entities.len(),
        b.canonical.links.len(),
        b.events.passages.len(),
        b.events.events.len(),
        b.framing.documents.len(),
        b.framing.events.len(),
        b.framing.matrices.len(),
        b.framing.outlets.len(),
    ]
}

/// A table's file read in turns is the table read at once; cut short, it is refused.
fn read_in_turns_as_at_once<T: ReadInTurns + DeserializeOwned + PartialEq + std::fmt::Debug>(
    table: &T,
    bytes: &[u8],
) {
    assert_eq!(table_in_turns::<T>(bytes.to_vec()).and_then(Steps::finish).as_ref(), Ok(table));
    for cut in [9, bytes.len() / 3, bytes.len() - 1] {
        let read = table_in_turns::<T>(bytes[..cut].to_vec()).and_then(Steps::finish);
        assert!(read.is_err(), "cut at {cut}");
    }
    assert_eq!(table_in_turns::<T>(b"PLXB\x02\0\0\0".to_vec()).err(), Some(BundleError::NotABundle));
}

#[test]
fn the_corpus_tables_read_in_turns_equal_the_tables_read_at_once() {
    let b = bundle();
    let site = split(b.clone());
    let files: Vec<(String, Vec<u8>)> = site.files().collect();
    let get = |path: &str| files.iter().find(|(p, _)| p == path).expect(path).1.clone();
    // Every sequence the reader steps through has items, so each is read and checked.
    let lengths = table_lengths(&b);
    assert!(lengths.iter().all(|&n| n > 0), "{lengths:?}");
    read_in_turns_as_at_once(&*b.canonical, &get(Table::Canonical.path()));
    read_in_turns_as_at_once(&site.tables.events, &get(Table::Events.path()));
    read_in_turns_as_at_once(&site.tables.framing, &get(Table::Framing.path()));
    let (n, part) =
        site.event_parts.iter().enumerate().max_by_key(|(_, p)| p.framings.len()).expect("events");
    assert!(!part.framings.is_empty() && !part.matrix.is_empty() && !part.passages.is_empty());
    read_in_turns_as_at_once(part, &get(&event_part_path(n)));
}

/// What a built site's Compare and Reader make from the events and framing tables and the parts they
/// fetch is what they make from the whole tables.
#[test]
fn the_tables_split_by_event_compare_and_export_as_the_whole_tables() {
    let b = bundle();
    let site = split(b.clone());
    let table = Bundle {
        framing: Arc::new(site.tables.framing.clone()),
        events: Arc::new(site.tables.events.clone()),
        ..b.clone()
    };
    let mut compared = 0;
    for e in 0..b.events.events.len() {
        let focus = crate::compare::Focus::Event(u32::try_from(e).expect("fits"));
        let part = Some(&site.event_parts[e]);
        assert_eq!(
            crate::compare::candidates(&b, focus),
            crate::compare::candidates_with(&table, focus, part),
            "event {e}'s candidates"
        );
        let docs = crate::compare::default_documents(&b, focus);
        assert_eq!(docs, crate::compare::default_documents_with(&table, focus, part), "event {e}");
        let whole = crate::compare::compare(&b, focus, &docs);
        let apart = crate::compare::compare_with(&table, focus, &docs, part);
        assert_eq!(format!("{whole:?}"), format!("{apart:?}"), "event {e}");
        compared += usize::from(docs.len() > 1 && whole.columns.iter().all(|c| !c.passages.is_empty()));
        // Without the part the tables alone have no passage of the event: the test can fail.
        if !whole.columns.iter().all(|c| c.passages.is_empty()) {
            let bare = crate::compare::compare(&table, focus, &docs);
            assert_ne!(format!("{whole:?}"), format!("{bare:?}"), "event {e}");
        }
    }
    assert!(compared > 0, "an event of several documents was compared");
    for (d, _) in b.documents.iter().enumerate() {
        let doc = u32::try_from(d).expect("fits");
        let parts: Vec<&EventPart> = b
            .events
            .events
            .iter()
            .zip(&site.event_parts)
            .filter(|(e, _)| e.documents.contains(&doc) || e.mentioned_in.contains(&doc))
            .map(|(_, p)| p)
            .collect();
        let whole = crate::export::export_document(&b, d).expect("a document");
        let apart = crate::export::export_document_with(&table, d, &parts).expect("a document");
        assert_eq!(format!("{whole:?}"), format!("{apart:?}"), "document {d}");
        // Without its events' parts a document's export lacks their framing: the test can fail.
        if !parts.is_empty() && !whole.documents[0].event_framing.is_empty() {
            let bare = crate::export::export_document(&table, d).expect("a document");
            assert_ne!(format!("{whole:?}"), format!("{bare:?}"), "document {d}");
        }
    }
}

#[test]
fn a_bundle_read_in_turns_equals_the_bundle_read_at_once() {
    let b = bundle();
    // Every sequence the reader steps through has items, so each is read and checked.
    let lengths = table_lengths(&b);
    assert!(!b.documents.is_empty() && lengths.iter().all(|&n| n > 0), "{lengths:?}");
    let bytes = crate::bundle::encode(&b);
    assert_eq!(crate::bundle::decode_in_turns(bytes.clone()).and_then(Steps::finish), Ok(b));
    // Cut short anywhere, it is refused.
    for cut in [9, bytes.len() / 3, bytes.len() - 1] {
        let read = crate::bundle::decode_in_turns(bytes[..cut].to_vec()).and_then(Steps::finish);
        assert!(matches!(read, Err(BundleError::Corrupt(_))), "cut at {cut}");
    }
}
