//! Search and facets on small corpora whose answers can be worked out by hand.

use super::*;
use crate::bundle::Bundle;

const FLOOD: &str = "Floods force thousands from homes in Porto Alegre\n\nBy Ana Souza\n\nMay 6, 2024\n\n\
PORTO ALEGRE (Reuters) - Floods forced more than 80,000 people from their homes in southern Brazil on Monday, \
the state civil defence agency said, as rivers kept rising after a week of heavy rain.\n\n\
Governor Eduardo Leite said the floods were the worst disaster in the state's history.\n\n\
\"We will need a Marshall Plan to rebuild,\" Leite told reporters in Porto Alegre.\n";

const FLOOD_LATER: &str = "Brazil flood toll rises as rain returns\n\nBy Carla Mendes\n\nMay 9, 2024\n\n\
The death toll from floods in southern Brazil rose to 107 on Thursday, officials said, as heavy rain returned \
to the flooded region.\n\n\
Governor Leite said rebuilding would take years. Rescue teams were still reaching flooded towns by boat.\n";

const BUDGET: &str = "Parliament passes austerity budget after marathon session\n\nBy Tom Hale\n\nJune 2, 2023\n\n\
LONDON (AP) - Lawmakers passed an austerity budget early on Friday after a marathon overnight session, \
cutting spending on roads and raising fuel duty.\n\n\
The finance minister said the budget would restore confidence. Opposition members called it a flood of cuts.\n\n\
Comments\n\n\
by: Jane Moore from: Leeds\n\
June 2, 2023 10:15\n\
Another budget that hits drivers. Fuel duty again!\n";

fn corpus() -> Bundle {
    let pages = [("flood.txt", FLOOD), ("flood-later.txt", FLOOD_LATER), ("budget.txt", BUDGET)];
    let docs = pages.iter().map(|(name, text)| crate::process(name, text.as_bytes())).collect();
    Bundle::with_events(docs, &[])
}

fn run(b: &Bundle, query: &str, parts: &[Part]) -> Vec<u32> {
    let index = Index::new(&b.documents, &b.canonical);
    index.search(&b.documents, &parse(query), parts, None).iter().map(|h| h.document).collect()
}

/// The documents found, in corpus order.
fn found(b: &Bundle, query: &str) -> Vec<u32> {
    let mut d = run(b, query, &[Part::Article]);
    d.sort_unstable();
    d
}

#[test]
fn queries_parse_into_words_phrases_prefixes_and_exclusions() {
    let q = parse(r#"flood "civil defence" rebuild* -budget -"fuel duty""#);
    assert_eq!(
        q.include,
        vec![
            Clause::Phrase(vec!["flood".into()]),
            Clause::Phrase(vec!["civil".into(), "defence".into()]),
            Clause::Prefix("rebuild".into()),
        ]
    );
    assert_eq!(
        q.exclude,
        vec![Clause::Phrase(vec!["budget".into()]), Clause::Phrase(vec!["fuel".into(), "duty".into()])]
    );
    // Case is ignored, an unclosed quote runs to the end, punctuation alone is no query.
    assert_eq!(parse("\"Porto Alegre").include, vec![Clause::Phrase(vec!["porto".into(), "alegre".into()])]);
    assert!(parse("  ?! -- ").is_empty());
    assert!(parse("").is_empty());
    // A word with inner punctuation is the phrase of its parts.
    assert_eq!(parse("U.S.-led").include, vec![Clause::Phrase(vec!["u.s".into(), "led".into()])]);
}

#[test]
fn every_word_is_required_and_more_matches_rank_higher() {
    let b = corpus();
    // "floods" is in both flood stories (the first has it three times) and in no other.
    assert_eq!(run(&b, "floods", &[Part::Article]), vec![0, 1]);
    // Both words must be there: only the first story names the governor in full.
    assert_eq!(run(&b, "floods Eduardo", &[Part::Article]), vec![0]);
    assert!(run(&b, "floods zeppelin", &[Part::Article]).is_empty());
}

#[test]
fn phrases_are_consecutive_words() {
    let b = corpus();
    assert_eq!(found(&b, "\"heavy rain\""), vec![0, 1]);
    assert_eq!(found(&b, "\"rain heavy\""), Vec::<u32>::new());
    assert_eq!(found(&b, "\"fuel duty\""), vec![2]);
}

#[test]
fn prefixes_and_exclusions() {
    let b = corpus();
    // "flood*": flood, floods, flooded; the budget story's "flood of cuts" too.
    assert_eq!(run(&b, "flood*", &[Part::Article]).len(), 3);
    assert_eq!(found(&b, "flood* -budget"), vec![0, 1]);
    assert_eq!(run(&b, "flood* -\"heavy rain\"", &[Part::Article]), vec![2]);
    // An exclusion alone keeps everything else.
    assert_eq!(run(&b, "-brazil", &[Part::Article]), vec![2]);
}

#[test]
fn the_article_and_the_comments_are_searched_apart() {
    let b = corpus();
    // "drivers" is only in the reader comment.
    assert_eq!(run(&b, "drivers", &[Part::Comments]), vec![2]);
    assert!(run(&b, "drivers", &[Part::Article]).is_empty());
    assert_eq!(run(&b, "drivers", &Part::ALL), vec![2]);
}

#[test]
fn an_entity_name_finds_its_other_mentions() {
    let b = corpus();
    // The first story names the governor in full once and then as "Leite": the full name finds both.
    let index = Index::new(&b.documents, &b.canonical);
    let hits = index.search(&b.documents, &parse("\"Eduardo Leite\""), &[Part::Article], None);
    let first = hits.iter().find(|h| h.document == 0).expect("the first story");
    assert_eq!(first.matches, 2, "{first:?}");
    let highlighted: Vec<&str> = first
        .snippets
        .iter()
        .flat_map(|s| s.highlights.iter().map(|&(a, z)| &s.text[a as usize..z as usize]))
        .collect();
    assert!(highlighted.contains(&"Leite"), "{highlighted:?}");
    // The later story names him "Governor Leite" only; the corpus links it to him.
    let leite = b.canonical.entities.iter().find(|e| e.name == "Eduardo Leite").expect("the governor");
    assert!(leite.documents.contains(&1), "{leite:?}");
    assert!(hits.iter().any(|h| h.document == 1), "{hits:?}");
    // A plain word search for the full name does not find the later story's text.
    assert!(!found(&b, "Eduardo").contains(&1));
}

#[test]
fn snippets_show_the_matches_in_context() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let hits = index.search(&b.documents, &parse("rain"), &[Part::Article], None);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(!hit.snippets.is_empty() && hit.snippets.len() <= SNIPPETS, "{hit:?}");
        for s in &hit.snippets {
            let doc = &b.documents[hit.document as usize];
            assert_eq!(&doc.text[s.start as usize..s.end as usize], s.text);
            assert!(!s.highlights.is_empty());
            for &(a, z) in &s.highlights {
                assert_eq!(s.text[a as usize..z as usize].to_lowercase(), "rain", "{s:?}");
            }
            // A window of context, not the whole paragraph.
            assert!(s.text.split_whitespace().count() <= 2 * CONTEXT_TOKENS + 4, "{s:?}");
        }
    }
}

#[test]
fn facet_counts_leave_out_their_own_selection() {
    let b = corpus();
    let data = FacetData::new(&b.documents, &b.canonical, &b.events);
    let all: Vec<u32> = vec![0, 1, 2];
    let none = data.counts(&all, &Filter::default());
    assert_eq!(none.total, 3);
    let years: Vec<(&str, u32)> = none.years.iter().map(|f| (f.value.as_str(), f.count)).collect();
    assert_eq!(years, vec![("2023", 1), ("2024", 2)]);

    // Choosing 2024 keeps the year counts as they were (each year still shows its documents) and
    // narrows every other facet and the total.
    let filter = Filter { from: Some("2024".into()), to: Some("2024".into()), ..Filter::default() };
    let chosen = data.counts(&all, &filter);
    assert_eq!(chosen.years, none.years);
    assert_eq!(chosen.total, 2);
    assert_eq!(data.apply(&all, &filter), vec![0, 1]);
    let outlet_total: u32 = chosen.outlets.iter().map(|f| f.count).sum();
    assert_eq!(outlet_total, 2);

    // Entities: any or all.
    let leite = b.canonical.entities.iter().find(|e| e.name.contains("Leite")).expect("governor").id.clone();
    let brazil = b.canonical.entities.iter().find(|e| e.name == "Brazil").expect("Brazil").id.clone();
    let any = Filter { entities: [leite.clone(), brazil.clone()].into(), ..Filter::default() };
    assert_eq!(data.apply(&all, &any), vec![0, 1]);
    let london = b.canonical.entities.iter().find(|e| e.name == "London").expect("London").id.clone();
    let both = Filter { entities: [leite, london.clone()].into(), all_entities: true, ..Filter::default() };
    assert!(data.apply(&all, &both).is_empty());
    let either = Filter { entities: [brazil, london].into(), ..Filter::default() };
    assert_eq!(data.apply(&all, &either), vec![0, 1, 2]);

    // An entity id the corpus does not have (a stale link) selects nothing.
    let stale = Filter { entities: ["entity-nobody".to_owned()].into(), ..Filter::default() };
    assert!(data.apply(&all, &stale).is_empty());
}

#[test]
fn odd_and_hostile_queries_never_fail() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let long = "flood ".repeat(5_000);
    for q in [
        "\"",
        "-",
        "*",
        "-*",
        "\"\"",
        "- -",
        "**",
        "\u{0}\u{1}",
        "<script>alert(1)</script>",
        &long,
        "ü*",
        "\"flood",
    ] {
        let hits = index.search(&b.documents, &parse(q), &Part::ALL, None);
        for h in &hits {
            for s in &h.snippets {
                for &(a, z) in &s.highlights {
                    assert!(a <= z && (z as usize) <= s.text.len(), "{q:?}: {s:?}");
                }
            }
        }
    }
    // Markup is searched as words, never interpreted: "<script>" is the word "script".
    assert_eq!(parse("<script>").include, vec![Clause::Phrase(vec!["script".into()])]);
    // A word repeated five thousand times is the same query as the word once: the two stories that
    // print "flood" (the first says "floods" only).
    let hits = index.search(&b.documents, &parse(&long), &[Part::Article], None);
    let mut found: Vec<u32> = hits.iter().map(|h| h.document).collect();
    found.sort_unstable();
    assert_eq!(found, vec![1, 2]);
}

#[test]
fn ranked_hits_make_the_same_snippets_as_a_full_search() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    for q in ["rain", "\"Eduardo Leite\"", "flood* -drought", ""] {
        let query = parse(q);
        let full = index.search(&b.documents, &query, &Part::ALL, None);
        let ranked = index.ranked(b.documents.len(), &query, &Part::ALL, None);
        let matches = index.matches(&query);
        assert_eq!(full.len(), ranked.len(), "{q}");
        for (f, r) in full.iter().zip(&ranked) {
            assert_eq!((f.document, f.score, f.matches), (r.document, r.score, r.matches), "{q}");
            let doc = &b.documents[r.document as usize];
            assert_eq!(f.snippets, index.snippets_of(doc, &matches, &Part::ALL, r), "{q}");
        }
    }
}

#[test]
fn a_hit_ranked_in_one_part_has_snippets_from_that_part_only() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let mut both = 0;
    for q in ["the", "rain", "drivers", "flood*", "budget", "fuel"] {
        let query = parse(q);
        let matches = index.matches(&query);
        for part in Part::ALL {
            for hit in index.ranked_matches(b.documents.len(), &matches, &[part], None) {
                let doc = &b.documents[hit.document as usize];
                let snippets = index.snippets_of(doc, &matches, &[part], &hit);
                assert!(!snippets.is_empty(), "{q} in {}", hit.document);
                assert!(snippets.iter().all(|s| s.part == part), "{q} in {}: {snippets:?}", hit.document);
                // Every highlight is a hit of the query's word.
                for s in &snippets {
                    for &(a, z) in &s.highlights {
                        let word = s.text[a as usize..z as usize].to_lowercase();
                        assert!(word.starts_with(q.trim_end_matches('*')), "{q}: {word}");
                    }
                }
            }
        }
        let n = b.documents.len();
        let article = index.documents_in(n, &matches, Part::Article);
        both +=
            index.documents_in(n, &matches, Part::Comments).iter().filter(|d| article.contains(d)).count();
    }
    assert!(both > 0, "some document matches in both parts");
}

#[test]
fn each_parts_documents_are_those_a_search_of_that_part_finds() {
    let b = corpus();
    let index = Index::new(&b.documents, &b.canonical);
    let n = b.documents.len();
    let mut some_differ = false;
    for q in
        ["budget", "drivers", "fuel", "flood* -drought", "\"finance minister\"", "-drivers", "", "nowhere"]
    {
        let query = parse(q);
        let matches = index.matches(&query);
        for part in Part::ALL {
            let mut searched: Vec<u32> =
                index.ranked(n, &query, &[part], None).iter().map(|h| h.document).collect();
            searched.sort_unstable();
            assert_eq!(index.documents_in(n, &matches, part), searched, "{q:?} in {part:?}");
        }
        some_differ |=
            index.documents_in(n, &matches, Part::Article) != index.documents_in(n, &matches, Part::Comments);
    }
    // "drivers" is only in a comment: the parts must be told apart.
    assert!(some_differ);
    assert!(index.documents_in(n, &index.matches(&parse("drivers")), Part::Article).is_empty());
    assert_eq!(index.documents_in(n, &index.matches(&parse("drivers")), Part::Comments), [2]);
}

/// Facet counts and the filter, checked against a plain recount from each document's metadata on a
/// generated corpus of dozens of outlets, years, events and entities, for selections of every facet.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn facet_counts_match_a_recount_on_a_generated_corpus() {
    let docs: Vec<Document> = parallax_synth::generate(60, 3)
        .into_iter()
        .map(|p| crate::process(&p.name, p.text.as_bytes()))
        .collect();
    let b = Bundle::new(docs);
    let data = FacetData::new(&b.documents, &b.canonical, &b.events);
    let n = b.documents.len();
    // What each document has, read straight from the bundle.
    let outlet =
        |d: usize| b.documents[d].meta.outlet.as_ref().map_or(UNKNOWN_OUTLET.to_owned(), |o| o.value.clone());
    let published = |d: usize| b.documents[d].meta.published.as_ref().map(|p| p.value.clone());
    let events = |d: usize| -> BTreeSet<String> {
        b.events.events.iter().filter(|e| e.documents.contains(&(d as u32))).map(|e| e.id.clone()).collect()
    };
    let entities = |d: usize| -> (BTreeSet<String>, BTreeSet<Label>) {
        let mut ids = BTreeSet::new();
        let mut types = BTreeSet::new();
        for m in b.documents[d].analysis.mentions.iter().filter(|m| m.label != Label::Date) {
            if let Some(&c) = b.canonical.links[d].get(m.entity as usize) {
                ids.insert(b.canonical.entities[c as usize].id.clone());
                types.insert(m.label);
            }
        }
        (ids, types)
    };
    let passes = |d: usize, f: &Filter| -> [bool; 5] {
        let date = match published(d) {
            Some(p) => {
                f.from.as_ref().is_none_or(|from| p >= *from)
                    && f.to.as_ref().is_none_or(|to| p.get(..to.len()).unwrap_or(&p) <= to.as_str())
            }
            None => f.from.is_none() && f.to.is_none(),
        };
        let (ids, types) = entities(d);
        [
            f.outlets.is_empty() || f.outlets.contains(&outlet(d)),
            date,
            f.events.is_empty() || !events(d).is_disjoint(&f.events),
            f.entities.is_empty()
                || if f.all_entities { f.entities.is_subset(&ids) } else { !f.entities.is_disjoint(&ids) },
            f.types.is_empty() || !types.is_disjoint(&f.types),
        ]
    };
    let recount = |f: &Filter| {
        let mut out: [BTreeMap<String, u32>; 5] = Default::default();
        let mut total = 0;
        for d in 0..n {
            let p = passes(d, f);
            let others = |k: usize| p.iter().enumerate().all(|(i, &x)| i == k || x);
            let (ids, types) = entities(d);
            let year = published(d).and_then(|p| p.get(..4).map(str::to_owned)).unwrap_or("undated".into());
            let values: [Vec<String>; 5] = [
                vec![outlet(d)],
                vec![year],
                events(d).into_iter().collect(),
                ids.into_iter().collect(),
                types.iter().map(|t| t.as_str().to_owned()).collect(),
            ];
            for (k, vs) in values.into_iter().enumerate() {
                if others(k) {
                    vs.into_iter().for_each(|v| *out[k].entry(v).or_default() += 1);
                }
            }
            total += u32::from(p.iter().all(|&x| x));
        }
        (out, total)
    };
    let as_map = |v: &[FacetCount]| -> BTreeMap<String, u32> {
        v.iter().map(|c| (c.value.to_string(), c.count)).collect()
    };
    let all: Vec<u32> = (0..n as u32).collect();
    let facets = data.counts(&all, &Filter::default());
    assert!(facets.outlets.len() > 20 && facets.events.len() > 3, "a varied corpus: {facets:?}");
    let outlets: Vec<String> = facets.outlets.iter().take(3).map(|c| c.value.to_string()).collect();
    let event = facets.events[0].value.to_string();
    let people: Vec<String> = facets.entities.iter().take(2).map(|c| c.value.to_string()).collect();
    let year = facets.years[facets.years.len() / 2].value.to_string();
    let filters = [
        Filter::default(),
        Filter { outlets: outlets[..1].iter().cloned().collect(), ..Filter::default() },
        Filter {
            outlets: outlets.iter().cloned().collect(),
            from: Some(year.clone()),
            to: Some(year),
            ..Filter::default()
        },
        Filter { events: [event].into(), ..Filter::default() },
        Filter { entities: people.iter().cloned().collect(), ..Filter::default() },
        Filter { entities: people.iter().cloned().collect(), all_entities: true, ..Filter::default() },
        Filter {
            types: [Label::Person].into(),
            outlets: outlets[1..].iter().cloned().collect(),
            ..Filter::default()
        },
        Filter { outlets: ["No such outlet".to_owned()].into(), ..Filter::default() },
    ];
    for f in &filters {
        let got = data.counts(&all, f);
        let (want, total) = recount(f);
        assert_eq!(got.total, total, "{f:?}");
        for (k, list) in
            [&got.outlets, &got.years, &got.events, &got.entities, &got.types].into_iter().enumerate()
        {
            assert_eq!(as_map(list), want[k], "facet {k} under {f:?}");
            // Most documents first, then by name (years in order).
            if k != 1 {
                assert!(
                    list.windows(2)
                        .all(|w| w[0].count > w[1].count
                            || (w[0].count == w[1].count && w[0].label <= w[1].label)),
                    "{list:?}"
                );
            }
        }
        let kept: Vec<u32> = (0..n).filter(|&d| passes(d, f).iter().all(|&p| p)).map(|d| d as u32).collect();
        assert_eq!(data.apply(&all, f), kept, "{f:?}");
        // Over some of the documents: the counts, the documents kept, and how many pass agree.
        let some: Vec<u32> = all.iter().copied().filter(|d| d % 3 != 1).collect();
        let (facets, flags) = data.counts_and_kept(&some, f);
        assert_eq!(facets, data.counts(&some, f), "{f:?}");
        let kept: Vec<u32> = kept.into_iter().filter(|d| d % 3 != 1).collect();
        assert_eq!(data.apply(&some, f), kept, "{f:?}");
        assert_eq!(data.passing(&some, f), kept.len(), "{f:?}");
        let flagged: Vec<u32> = (0..n as u32).filter(|&d| flags[d as usize]).collect();
        assert_eq!(flagged, kept, "{f:?}");
        assert_eq!(facets.total as usize, kept.len(), "{f:?}");
    }
}

// The corpus comes from parallax-synth, a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn date_ranks_put_documents_in_date_order_undated_first_ties_by_number() {
    let mut docs: Vec<Document> = parallax_synth::generate(40, 5)
        .into_iter()
        .map(|p| crate::process(&p.name, p.text.as_bytes()))
        .collect();
    // Two undated, and a tie on the same date.
    docs[3].meta.published = None;
    docs[17].meta.published = None;
    docs[20].meta.published = docs[5].meta.published.clone();
    let b = Bundle::new(docs);
    let data = FacetData::new(&b.documents, &b.canonical, &b.events);
    let n = u32::try_from(b.documents.len()).expect("fits");
    let published = |d: u32| b.documents[d as usize].meta.published.as_ref().map(|p| p.value.clone());
    let mut expected: Vec<u32> = (0..n).collect();
    expected.sort_by(|&a, &b| published(a).cmp(&published(b)).then(a.cmp(&b)));
    let mut by_rank: Vec<u32> = (0..n).collect();
    by_rank.sort_by_key(|&d| data.date_rank(d));
    assert_eq!(by_rank, expected);
    assert_eq!(&by_rank[..2], &[3, 17]);
    assert!(published(by_rank[2]).is_some());
    assert_eq!(data.date_rank(n), u32::MAX, "a document it does not know sorts last");
}

#[test]
fn the_counts_of_every_document_made_with_the_table_are_those_counted_on_demand() {
    let b = corpus();
    let data = FacetData::new(&b.documents, &b.canonical, &b.events);
    let all: Vec<u32> = (0..b.documents.len() as u32).collect();
    let counted = data.counts(&all, &Filter::default());
    assert!(!counted.outlets.is_empty() && !counted.entities.is_empty() && !counted.events.is_empty());
    assert_eq!(counted.total as usize, b.documents.len());
    assert_eq!(data.counts_of_all(), counted);
    // Not the counts of a part of the corpus.
    assert_ne!(data.counts_of_all(), data.counts(&all[..all.len() / 2], &Filter::default()));

    // Tallies that do not fit the table (a damaged file) are counted again, not read past their end.
    let mut damaged = data.clone();
    damaged.all_counts.entities.pop();
    damaged.all_counts.outlets.push(7);
    assert_eq!(damaged.counts_of_all(), counted);
    // An order that does not cover the names ranks what it lacks last, and does not panic.
    damaged.name_order[2].clear();
    assert_eq!(damaged.counts_of_all().entities.len(), counted.entities.len());
}
