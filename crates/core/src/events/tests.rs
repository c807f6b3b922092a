//! Event grouping on small corpora whose events can be told by hand.

use super::*;
use crate::bundle::Bundle;

/// Three outlets: two report the same port strike (in other words), one an earthquake elsewhere that
/// mentions the strike in passing.
const STRIKE_A: &str = "Dockworkers strike shuts Rotterdam port\n\nBy Anna Berg\n\nMarch 3, 2021\n\n\
ROTTERDAM (Reuters) - Thousands of dockworkers walked off the job at the port of Rotterdam on Tuesday, \
halting container traffic at Europe's largest port in a dispute over automation and pay.\n\n\
The FNV union said 4,000 members joined the strike, which it called after talks with terminal operators \
collapsed on Monday.\n\n\
\"We will not accept robots taking our jobs without guarantees,\" said Niek Stam, the union's national secretary.\n\n\
Terminal operator ECT said ships were being diverted to Antwerp and Hamburg while the stoppage lasted.\n";

const STRIKE_B: &str = "Rotterdam port paralysed as dockers walk out over automation\n\nBy Pieter Jansen\n\nMarch 4, 2021\n\n\
The port of Rotterdam was at a standstill for a second day on Wednesday as 4,000 dockworkers stayed on strike \
over automation plans and pay.\n\n\
The FNV union, which called the strike on Monday after talks with terminal operators broke down, said the \
walkout would continue until operators guaranteed jobs.\n\n\
Shipping lines diverted vessels to Antwerp and Hamburg, port authorities said.\n\n\
Economists at ING estimated the strike cost the Dutch economy 50 million euros a day.\n";

const QUAKE: &str = "Strong earthquake hits central Chile\n\nBy Lucia Rojas\n\nMarch 5, 2021\n\n\
SANTIAGO (AP) - A magnitude 6.8 earthquake struck central Chile on Thursday, damaging buildings in Talca \
and cutting power to thousands of homes, the national emergency office said.\n\n\
Rescue teams searched collapsed houses in Talca, where at least 12 people were injured.\n\n\
Copper exports were not affected, the mining ministry said, though European shipping was already \
slowed by the strike in Rotterdam.\n";

/// The same strike story, told again three years later: not the same happening.
const STRIKE_LATER: &str = "Dockworkers strike again at Rotterdam port\n\nBy Anna Berg\n\nJune 10, 2024\n\n\
ROTTERDAM (Reuters) - Thousands of dockworkers walked off the job at the port of Rotterdam on Monday, \
halting container traffic at Europe's largest port in a new dispute over automation and pay.\n\n\
The FNV union said 4,000 members joined the strike after talks with terminal operators collapsed.\n";

fn bundle(pages: &[(&str, &str)], specs: &[EventSpec]) -> Bundle {
    let docs = pages.iter().map(|(name, text)| crate::process(name, text.as_bytes())).collect();
    Bundle::with_events(docs, specs)
}

/// The events that `document` reports, as sets of documents.
fn reported_with(b: &Bundle, document: u32) -> Vec<Vec<u32>> {
    b.events.events.iter().filter(|e| e.documents.contains(&document)).map(|e| e.documents.clone()).collect()
}

#[test]
fn two_reports_of_one_happening_are_one_event_and_the_rest_apart() {
    let b = bundle(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", QUAKE)], &[]);
    let shared: Vec<&Event> = b.events.events.iter().filter(|e| e.origin == EventOrigin::Shared).collect();
    assert_eq!(shared.len(), 1, "{:#?}", b.events.events);
    let strike = shared[0];
    assert_eq!(strike.documents, vec![0, 1], "{strike:#?}");
    // The quake story is its own lead story, reported by it alone.
    assert_eq!(reported_with(&b, 2), vec![vec![2]], "{:#?}", b.events.events);
    // The strike event's label names what the reports share.
    let label = strike.label.to_lowercase();
    assert!(label.contains("rotterdam") || label.contains("fnv") || label.contains("strike"), "{label}");
    // Its date is a day both reports give: Monday, when talks collapsed and the union called the strike,
    // or the first report's date.
    assert!(strike.date.as_deref().is_some_and(|d| d.starts_with("2021-03")), "{strike:?}");
}

#[test]
fn a_passing_mention_is_told_apart_from_a_report() {
    let b = bundle(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", QUAKE)], &[]);
    let strike = b.events.events.iter().find(|e| e.origin == EventOrigin::Shared).expect("the strike");
    // The quake story's paragraph about the strike is in the event, as a mention, and the quake story
    // is not among the documents that report it.
    let quake_passages: Vec<&EventPassage> =
        strike.passages.iter().filter(|p| b.events.passages[p.passage as usize].document == 2).collect();
    assert!(!strike.documents.contains(&2));
    assert!(quake_passages.iter().all(|p| p.role == PassageRole::Mentions), "{quake_passages:?}");
    if !quake_passages.is_empty() {
        assert_eq!(strike.mentioned_in, vec![2]);
    }
}

#[test]
fn the_same_words_years_apart_are_different_happenings() {
    let b = bundle(&[("a.txt", STRIKE_A), ("later.txt", STRIKE_LATER)], &[]);
    assert!(
        b.events.events.iter().all(|e| e.documents.len() == 1),
        "a 2024 strike joined a 2021 one: {:#?}",
        b.events.events
    );
    assert_eq!(b.events.events.len(), 2, "each document's lead story: {:#?}", b.events.events);
}

#[test]
fn every_passage_is_a_headline_standfirst_or_body_paragraph_of_its_document() {
    let b = bundle(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", QUAKE)], &[]);
    for p in &b.events.passages {
        let doc = &b.documents[p.document as usize];
        let section = doc.sections.iter().find(|s| s.start == p.start && s.end == p.end).expect("a section");
        assert!(matches!(section.kind, SectionKind::Headline | SectionKind::Standfirst | SectionKind::Body));
        assert_eq!(section.kind, p.section);
    }
    // Body paragraphs are numbered from 0 in reading order.
    let body: Vec<u32> = b
        .events
        .passages
        .iter()
        .filter(|p| p.document == 0 && p.section == SectionKind::Body)
        .map(|p| p.paragraph)
        .collect();
    assert_eq!(body, (0..u32::try_from(body.len()).unwrap_or(0)).collect::<Vec<_>>());
}

#[test]
fn manifest_events_take_the_passages_with_half_their_anchors() {
    let spec = EventSpec {
        name: "Shipping diverted".into(),
        anchors: vec!["Antwerp".into(), "Hamburg".into(), "diverted".into()],
        date: Some("2021-03-03".into()),
    };
    let b = bundle(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", QUAKE)], &[spec]);
    let e = b.events.events.iter().find(|e| e.origin == EventOrigin::Manifest).expect("the user's event");
    assert_eq!(e.label, "Shipping diverted");
    assert_eq!(e.date.as_deref(), Some("2021-03-03"));
    assert_eq!(e.date_rule.as_deref(), Some("corpus manifest"));
    assert_eq!(e.documents, vec![0, 1]);
    // Exactly the two paragraphs about diverted ships.
    let texts: Vec<&str> = e
        .passages
        .iter()
        .map(|ep| {
            let p = &b.events.passages[ep.passage as usize];
            &b.documents[p.document as usize].text[p.start as usize..p.end as usize]
        })
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().all(|t| t.contains("Antwerp") && t.contains("Hamburg")), "{texts:?}");
    // The automatic events are still there.
    assert!(b.events.events.iter().any(|e| e.origin == EventOrigin::Shared));
}

#[test]
fn ids_are_unique_and_events_are_in_date_order() {
    let b = bundle(
        &[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", QUAKE), ("later.txt", STRIKE_LATER)],
        &[],
    );
    let ids: HashSet<&str> = b.events.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), b.events.events.len());
    let dates: Vec<&str> = b.events.events.iter().filter_map(|e| e.date.as_deref()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
}

#[test]
fn empty_and_tiny_corpora_have_no_events_or_one() {
    let b = bundle(&[], &[]);
    assert!(b.events.events.is_empty() && b.events.passages.is_empty());
    let b = bundle(&[("empty.txt", "")], &[]);
    assert!(b.events.events.is_empty());
    let b = bundle(
        &[("one.txt", "Storm hits coast\n\nA storm hit the coast on May 2, 2020, Mayor Ana Ortiz said.\n")],
        &[],
    );
    assert_eq!(b.events.events.len(), 1);
    assert_eq!(b.events.events[0].origin, EventOrigin::Lead);
    assert_eq!(b.events.events[0].label, "Storm hits coast");
}

#[test]
fn cosine_and_strong_features_by_hand() {
    // Unit vectors: a = (0.6, 0.8) on features 1 and 2; b = (0.8, 0.6) on 1 and 2; c on 3 only.
    let a: Vector = vec![(1, 0.6), (2, 0.8)];
    let b: Vector = vec![(1, 0.8), (2, 0.6)];
    let c: Vector = vec![(3, 1.0)];
    assert!((cosine(&a, &b) - 0.96).abs() < 1e-6);
    assert_eq!(cosine(&a, &c), 0.0);
    // Both shared features add 0.48 to the cosine: two strong features.
    assert_eq!(strong_shared(&a, &b), 2);
    let d: Vector = vec![(1, 1.0)];
    assert_eq!(strong_shared(&a, &d), 1);
}

#[test]
fn months_and_slugs() {
    assert_eq!(month_of("2013-04-20"), Some(2013 * 12 + 3));
    assert_eq!(month_of("2013"), Some(2013 * 12));
    assert_eq!(month_of("2013-13-01"), None);
    assert_eq!(slug("Madrid: the bombings & after"), "madrid-the-bombings-after");
    assert_eq!(slug("!!!"), "event");
}

/// Two strikes in the same week, told in the same words, with different ports, unions and people: the
/// words alone would join them; the names keep them apart.
const GENOA_A: &str = "Dockworkers strike shuts Genoa port\n\nBy Marco Ricci\n\nMarch 3, 2021\n\n\
GENOA (ANSA) - Thousands of dockworkers walked off the job at the port of Genoa on Tuesday, \
halting container traffic at Italy's busiest port in a dispute over automation and pay.\n\n\
The Filt-CGIL union said 3,000 members joined the strike, which it called after talks with terminal \
operators collapsed on Monday.\n\n\
\"We will not accept machines taking our jobs without guarantees,\" said Enrico Ascheri, the union's regional secretary.\n";

const GENOA_B: &str = "Genoa port at standstill as dockers walk out\n\nBy Giulia Ferri\n\nMarch 4, 2021\n\n\
The port of Genoa was at a standstill for a second day on Wednesday as 3,000 dockworkers stayed on strike \
over automation plans and pay.\n\n\
The Filt-CGIL union, which called the strike on Monday after talks with terminal operators broke down, said \
the walkout would go on until operators guaranteed jobs.\n";

#[test]
fn stories_of_one_kind_in_one_week_are_apart_when_their_names_differ() {
    let b = bundle(&[("a.txt", STRIKE_A), ("b.txt", STRIKE_B), ("c.txt", GENOA_A), ("d.txt", GENOA_B)], &[]);
    let shared: Vec<&Event> = b.events.events.iter().filter(|e| e.documents.len() >= 2).collect();
    let sets: Vec<Vec<u32>> = shared.iter().map(|e| e.documents.clone()).collect();
    assert!(sets.contains(&vec![0, 1]), "{sets:?}");
    assert!(sets.contains(&vec![2, 3]), "{sets:?}");
    // No event is reported by a document of each strike.
    for e in &shared {
        let rotterdam = e.documents.iter().any(|d| *d < 2);
        let genoa = e.documents.iter().any(|d| *d >= 2);
        assert!(!(rotterdam && genoa), "{e:#?}");
    }
}

#[test]
fn a_passage_stays_in_the_events_it_is_most_like() {
    // Ten drafts that all hold passage 7; draft 9 has it in its core.
    let mut drafts: Vec<Draft> = (0..10)
        .map(|i| {
            let mut d = Draft::default();
            d.members.insert(7, (0.5 + i as f32 / 100.0, PassageRole::Mentions));
            d.members.insert(100 + i, (1.0, PassageRole::Reports));
            d.core = vec![100 + i];
            d
        })
        .collect();
    drafts[0].core.push(7);
    cap_memberships(&mut drafts);
    let holding: Vec<usize> = (0..10).filter(|&i| drafts[i].members.contains_key(&7)).collect();
    assert_eq!(holding.len(), EVENTS_PER_PASSAGE, "{holding:?}");
    // The core draft keeps it though it is the least alike; the others are the most alike.
    assert!(holding.contains(&0), "{holding:?}");
    assert!(holding.contains(&9) && holding.contains(&8), "{holding:?}");
    assert!(!holding.contains(&1), "{holding:?}");
    // Every draft keeps its own core passage.
    assert!((0..10).all(|i| drafts[i].members.contains_key(&(100 + i as u32))));
}

#[test]
fn sentence_signatures_by_hand() {
    // Two sentences, starting at 0 and 100; the second has too few names and words to tell.
    let starts = [0, 100];
    let first =
        sentence_signatures(&starts, vec![(3, 7), (10, 2), (20, 9), (30, 2), (40, 5), (110, 1), (120, 4)]);
    assert_eq!(first.len(), 1, "{first:?}");
    // The same set of features in another order, with other offsets and repeats, signs the same.
    let again = sentence_signatures(&[0], vec![(50, 5), (0, 9), (9, 7), (12, 2)]);
    assert_eq!(again, first);
    // Another feature, or one fewer, signs otherwise.
    assert_ne!(sentence_signatures(&[0], vec![(0, 7), (1, 2), (2, 9), (3, 5), (4, 6)]), first);
    assert!(sentence_signatures(&[0], vec![(0, 7), (1, 2), (2, 9)]).is_empty());
    // Each sentence is signed apart.
    assert_eq!(
        sentence_signatures(
            &[0, 100],
            vec![(0, 7), (1, 2), (2, 9), (3, 5), (100, 7), (101, 2), (102, 9), (103, 5)]
        ),
        vec![first[0], first[0]]
    );
}

/// A story of its own, published on `date`, whose second paragraph is the same background sentence.
fn with_background(date: &str, lead: &str) -> String {
    format!(
        "{lead}\n\nBy Ana Lima\n\n{date}\n\n{lead} Officials gave few details on Tuesday.\n\n\
Relations between Norway and Peru have been strained for years, although both governments have recently \
signalled a wish to improve them.\n"
    )
}

/// The stock passages of a bundle: (document, whether it is a lead, its first words).
fn stock_of(b: &Bundle) -> Vec<(u32, bool, String)> {
    let f = features(&b.documents, &b.canonical, &b.events.passages);
    b.events
        .passages
        .iter()
        .zip(&f.stock)
        .filter(|(_, s)| **s)
        .map(|(p, _)| {
            let text = &b.documents[p.document as usize].text[p.start as usize..p.end as usize];
            (p.document, is_lead(p), text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn a_paragraph_told_again_in_three_years_is_stock_text_and_a_lead_never_is() {
    let pages = [
        with_background("May 3, 2010", "Floods cut the road from Lima to Huancayo."),
        with_background("June 8, 2014", "Miners in Arequipa went on strike over pay."),
        with_background("March 2, 2018", "A fire destroyed a market in Cusco."),
    ];
    let b = bundle(&[("a.txt", &pages[0]), ("b.txt", &pages[1]), ("c.txt", &pages[2])], &[]);
    // The background paragraph is stock in all three; nothing else is.
    let background = |d: u32| (d, false, "Relations between Norway".to_owned());
    assert_eq!(stock_of(&b), vec![background(0), background(1), background(2)]);
    // In two years only, it is not.
    let b = bundle(&[("a.txt", &pages[0]), ("b.txt", &pages[1])], &[]);
    assert_eq!(stock_of(&b), vec![]);
    // A lead that recurs is still what its document reports.
    let lead = "Relations between Norway and Peru have been strained for years, officials said on Friday.";
    let pages: Vec<String> = ["May 3, 2010", "June 8, 2014", "March 2, 2018"]
        .iter()
        .map(|d| format!("Norway and Peru\n\nBy Ana Lima\n\n{d}\n\n{lead}\n\nMore talks are planned.\n"))
        .collect();
    let b = bundle(&[("a.txt", &pages[0]), ("b.txt", &pages[1]), ("c.txt", &pages[2])], &[]);
    assert!(stock_of(&b).iter().all(|(_, lead, _)| !lead), "{:?}", stock_of(&b));
}

#[test]
fn stock_text_brings_no_document_into_an_event() {
    // Two stories of different happenings in one week that share only a background paragraph, which
    // earlier stories of other years repeat too: no event is reported by both.
    let pages = [
        with_background("May 3, 2010", "Floods cut the road from Lima to Huancayo."),
        with_background("June 8, 2014", "Miners in Arequipa went on strike over pay."),
        with_background("March 2, 2018", "A fire destroyed a market in Cusco."),
        with_background("March 4, 2018", "Fishermen in Paita blocked the harbour in protest at new quotas."),
    ];
    let named: Vec<(String, &str)> =
        pages.iter().enumerate().map(|(i, p)| (format!("{i}.txt"), p.as_str())).collect();
    let named: Vec<(&str, &str)> = named.iter().map(|(n, p)| (n.as_str(), *p)).collect();
    let b = bundle(&named, &[]);
    for e in &b.events.events {
        assert!(!(e.documents.contains(&2) && e.documents.contains(&3)), "{e:#?}");
        assert!(
            !(e.documents.contains(&2) && e.documents.contains(&3)) && e.mentioned_in.is_empty(),
            "{e:#?}"
        );
    }
}

/// An event is dated by a year its documents state, or a day only one of them states, only when at least
/// half of its documents state it: a date a few recall ("the worst since 1990") is background. The
/// generator's stories recall past years in some paragraphs, so among a few hundred of them some events
/// have a year or a day that a minority states.
// Drawn from parallax-synth, a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_date_few_of_an_events_documents_state_is_not_its_date() {
    let docs = (0..300)
        .map(|i| {
            let page = parallax_synth::page(i, 300, 11);
            crate::process(&page.name, page.text.as_bytes())
        })
        .collect();
    let b = Bundle::new(docs);
    let mut by_year = 0;
    for e in &b.events.events {
        let rule = e.date_rule.as_deref().unwrap_or_default();
        let numbers: Vec<usize> = rule.split(' ').filter_map(|w| w.parse().ok()).collect();
        let (year, day) = (rule.starts_with("year stated in"), rule.starts_with("stated in"));
        by_year += usize::from(year);
        if let (&[k, n], true) = (numbers.as_slice(), year || day) {
            assert!(k >= 1 && k <= n, "{rule}");
            if year || k < 2 {
                assert!(2 * k >= n, "{} dated {:?}: {rule}", e.label, e.date);
            }
        }
    }
    assert!(by_year > 0, "some event is dated by a year its documents state");
}

#[test]
fn a_lone_story_is_not_dated_by_a_day_its_last_paragraphs_recall() {
    // The lead reports the strike's end; a closing paragraph recalls an earlier meeting with the same
    // names, and states its day.
    let page = "Dockworkers end strike at Rotterdam port\n\nBy Anna Berg\n\nMarch 18, 2021\n\n\
ROTTERDAM (Reuters) - Dockworkers at the port of Rotterdam ended their strike on Thursday after the FNV \
union and terminal operators agreed on guarantees over automation and pay.\n\n\
Container traffic resumed within hours, and ships diverted to Antwerp and Hamburg began to return, \
port authorities said.\n\n\
\"This is a good day for every dockworker in Rotterdam,\" said Niek Stam of the FNV union.\n\n\
At a meeting on March 14, the FNV union had told terminal operators that dockworkers at the port of \
Rotterdam would not accept automation without guarantees on pay.\n";
    let b = bundle(&[("a.txt", page)], &[]);
    let lead: Vec<&Event> = b.events.events.iter().filter(|e| e.documents == [0]).collect();
    assert!(!lead.is_empty(), "{:?}", b.events.events.iter().map(|e| &e.label).collect::<Vec<_>>());
    for e in lead {
        let recalled = e.passages.iter().any(|p| b.events.passages[p.passage as usize].paragraph == 3);
        assert!(recalled, "the recalling paragraph is one of the event's");
        assert_eq!(e.date.as_deref(), Some("2021-03-18"), "{:?}", e.date_rule);
    }
}

#[test]
fn a_small_facet_folds_into_the_largest_event_of_its_month_that_reports_all_its_documents() {
    let set = |ds: &[u32]| ds.iter().copied().collect::<BTreeSet<u32>>();
    let keys: Vec<(BTreeSet<u32>, Option<String>)> = vec![
        // 0: an earthquake, twelve stories; 1: a storm in the same month, six of the same stories.
        (set(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), Some("2001-06-21".into())),
        (set(&[0, 1, 2, 20, 21, 22]), Some("2001-06-25".into())),
        // 2: two stories quoting the same rescuer: in both events' documents; the larger takes it.
        (set(&[0, 1]), Some("2001-06-23".into())),
        // 3: two of the stories recall a quake of another month: it stays.
        (set(&[3, 4]), Some("2001-05-02".into())),
        // 4: a year only (a past event): it stays.
        (set(&[5, 6]), Some("1984".into())),
        // 5: three documents, one not in any larger event: it stays.
        (set(&[7, 8, 30]), Some("2001-06-24".into())),
        // 6: two documents whose only larger event (7) is not twice their size: both stay.
        (set(&[40, 41]), Some("2001-06-25".into())),
        (set(&[40, 41, 42]), Some("2001-06-26".into())),
        // 8 and 9, merged by likeness: a group of two drafts is no small facet.
        (set(&[0, 1]), Some("2001-06-22".into())),
        (set(&[0, 2]), Some("2001-06-22".into())),
    ];
    let mut by_document: HashMap<(String, u32), Vec<usize>> = HashMap::default();
    for (i, (documents, date)) in keys.iter().enumerate() {
        let Some(month) = date.as_ref().filter(|d| d.len() >= 7).map(|d| d[..7].to_owned()) else { continue };
        for &d in documents {
            by_document.entry((month.clone(), d)).or_default().push(i);
        }
    }
    let mut target: Vec<usize> = vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 8];
    fold_small_facets(&keys, &by_document, &mut target);
    assert_eq!(target, vec![0, 1, 0, 3, 4, 5, 6, 7, 8, 8]);
}

#[test]
fn a_label_of_words_says_what_kind_of_happening_it_is() {
    // Two reports of one earthquake that use the word in most paragraphs, so that it weighs less than the
    // words they share once ("magnitude", "injured"): the label still says it was an earthquake.
    let a = "Izmir earthquake leaves town without power\n\nBy Lucia Rojas\n\nMarch 5, 2021\n\n\
The magnitude 6.8 earthquake struck Izmir on Thursday, injuring 112 people, the emergency office said.\n\n\
After the earthquake a generator at the pharmacy kept medicines cold, and the generator ran all night.\n\n\
Officials said the water network was damaged.\n";
    let b = "Izmir counts the damage after earthquake\n\nBy Tomas Vidal\n\nMarch 5, 2021\n\n\
Thursday's magnitude 6.8 earthquake cut power across Izmir and injured 112 people, officials said.\n\n\
A generator at the pharmacy kept medicines cold after the earthquake; the generator was running at dawn.\n\n\
Engineers said pipes in the water network broke.\n";
    let bundle = bundle(&[("a.txt", a), ("b.txt", b)], &[]);
    let shared: Vec<&Event> =
        bundle.events.events.iter().filter(|e| e.origin == EventOrigin::Shared).collect();
    assert_eq!(shared.len(), 1, "{:#?}", bundle.events.events);
    let label = shared[0].label.to_lowercase();
    assert!(label.contains("earthquake"), "{label} (terms {:?})", shared[0].terms);
}
