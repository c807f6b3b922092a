//! The Entities and Timeline numbers on small corpora built by hand, so every count can be checked by
//! reading the fixture.

use super::*;
use crate::document::{Evidence, Fact, Section};
use crate::events::{Event, EventOrigin, Events};
use crate::language::canonical::Role;
use crate::language::{Analysis, Entity, Mention};

/// The corpus entities of the fixture: index, name, type.
const A: usize = 0; // Ana Lima, a person
const B: usize = 1; // Acme Corp, an organisation
const C: usize = 2; // Porto Alegre, a place
const D: usize = 3; // 2013, a date
const E: usize = 4; // Tom Reed, a person only reader comments name
const NAMES: [(&str, Label); 5] = [
    ("Ana Lima", Label::Person),
    ("Acme Corp", Label::Org),
    ("Porto Alegre", Label::Place),
    ("2013", Label::Date),
    ("Tom Reed", Label::Person),
];

fn fact(value: &str) -> Fact<String> {
    Fact { value: value.to_owned(), evidence: Evidence { rule: "test".into(), span: None } }
}

/// A document made of passages, each naming corpus entities in order; returns it with its links (the
/// corpus entity of each of its own entities).
fn page(
    name: &str,
    outlet: Option<&str>,
    published: Option<&str>,
    passages: &[(SectionKind, &[usize])],
) -> (Document, Vec<u32>) {
    let mut doc = crate::ingest::ingest(name, b"placeholder");
    doc.meta.outlet = outlet.map(fact);
    doc.meta.published = published.map(fact);
    let (mut text, mut sections, mut mentions) = (String::new(), Vec::new(), Vec::new());
    let mut local: Vec<usize> = Vec::new();
    for (kind, names) in passages {
        let start = text.len();
        for &n in *names {
            let at = local.iter().position(|&l| l == n).unwrap_or_else(|| {
                local.push(n);
                local.len() - 1
            });
            let s = text.len() as u32;
            text.push_str(NAMES[n].0);
            mentions.push(Mention { start: s, end: text.len() as u32, label: NAMES[n].1, entity: at as u32 });
            text.push_str(" said. ");
        }
        sections.push(Section { kind: *kind, start: start as u32, end: text.len() as u32, reason: None });
        text.push('\n');
    }
    let entities = local
        .iter()
        .map(|&n| Entity {
            name: NAMES[n].0.to_owned(),
            label: NAMES[n].1,
            aliases: Vec::new(),
            roles: Vec::new(),
            key: NAMES[n].0.to_lowercase(),
        })
        .collect();
    doc.text = text;
    doc.sections = sections;
    doc.analysis = Analysis { mentions, entities, quotes: Vec::new(), hedges: Vec::new() };
    (doc, local.into_iter().map(|n| n as u32).collect())
}

/// The fixture:
/// - d0, Reuters, 2013-04-25: headline [A, B]; body [A, B, A]; body [C]; a reader comment [B, B, E]
/// - d1, Associated Press, 2013-04: body [A, C]; caption [A]
/// - d2, Reuters, 2017-12-18: body [B, D]
/// - d3, no outlet, no date: body [C]
fn corpus() -> (Vec<Document>, Canonical) {
    use SectionKind::{Body, Caption, Comment, Headline};
    let pages = [
        page(
            "d0",
            Some("Reuters"),
            Some("2013-04-25"),
            &[(Headline, &[A, B]), (Body, &[A, B, A]), (Body, &[C]), (Comment, &[B, B, E])],
        ),
        page("d1", Some("Associated Press"), Some("2013-04"), &[(Body, &[A, C]), (Caption, &[A])]),
        page("d2", Some("Reuters"), Some("2017-12-18"), &[(Body, &[B, D])]),
        page("d3", None, None, &[(Body, &[C])]),
    ];
    let mut entities: Vec<CorpusEntity> = NAMES
        .iter()
        .map(|(name, label)| CorpusEntity {
            id: format!("{}:{}", label.as_str().to_lowercase(), name.to_lowercase().replace(' ', "-")),
            name: (*name).to_owned(),
            label: *label,
            aliases: Vec::new(),
            roles: Vec::new(),
            documents: Vec::new(),
            mentions: 0,
        })
        .collect();
    for (d, (_, links)) in pages.iter().enumerate() {
        for &e in links {
            entities[e as usize].documents.push(d as u32);
        }
    }
    entities[E].aliases.push("Mr Reed".into());
    let links = pages.iter().map(|(_, l)| l.clone()).collect();
    (pages.into_iter().map(|(d, _)| d).collect(), Canonical { entities, links })
}

#[test]
fn coverage_counts_mentions_per_outlet_and_leaves_comments_out_unless_asked() {
    let (docs, canonical) = corpus();
    let c = coverage(&docs, &canonical, Scope::Article);
    // Most documents first; ties by name. The document without an outlet has a column of its own.
    assert_eq!(c.outlets, ["Reuters", "Associated Press", "Unknown outlet"]);
    assert_eq!(c.outlet_documents, [2, 1, 1]);
    assert_eq!(c.rows[A], EntityCoverage { mentions: 5, documents: 2, counts: vec![3, 2, 0] });
    assert_eq!(c.rows[B], EntityCoverage { mentions: 3, documents: 2, counts: vec![3, 0, 0] });
    assert_eq!(c.rows[C], EntityCoverage { mentions: 3, documents: 3, counts: vec![1, 1, 1] });
    assert_eq!(c.rows[C].outlets(), 3);
    assert_eq!(c.rows[B].outlets(), 1);
    // Dates are not counted; an entity only readers name has nothing in the article.
    assert_eq!(c.rows[D].mentions, 0);
    assert_eq!(c.rows[E].mentions, 0);
    assert_eq!(c.max_count(), 3);

    let all = coverage(&docs, &canonical, Scope::All);
    assert_eq!(all.rows[B], EntityCoverage { mentions: 5, documents: 2, counts: vec![5, 0, 0] });
    assert_eq!(all.rows[E], EntityCoverage { mentions: 1, documents: 1, counts: vec![1, 0, 0] });
    assert_eq!(all.rows[A], c.rows[A], "comments do not name A");
}

#[test]
fn entity_rows_sort_three_ways_and_filter_by_type_and_text() {
    let (docs, canonical) = corpus();
    let c = coverage(&docs, &canonical, Scope::Article);
    let rows = |filter: &EntityFilter, sort| -> Vec<usize> {
        entity_rows(&canonical, &c, filter, sort).into_iter().map(|i| i as usize).collect()
    };
    let every = EntityFilter::default();
    // Mentions: A (5), then C and B with 3 each, C first for its 3 documents against B's 2.
    assert_eq!(rows(&every, EntitySort::Mentions), [A, C, B]);
    // Documents: C (3), then A and B with 2 each, A first for its 5 mentions against B's 3.
    assert_eq!(rows(&every, EntitySort::Documents), [C, A, B]);
    // Name, case aside: Acme Corp, Ana Lima, Porto Alegre.
    assert_eq!(rows(&every, EntitySort::Name), [B, A, C]);
    // The date and the entity with no mention in scope are never rows.
    let person = EntityFilter { label: Some(Label::Person), text: String::new() };
    assert_eq!(rows(&person, EntitySort::Mentions), [A]);
    let text = EntityFilter { label: None, text: " ALEGRE ".into() };
    assert_eq!(rows(&text, EntitySort::Mentions), [C]);
    let nothing = EntityFilter { label: Some(Label::Event), text: String::new() };
    assert!(rows(&nothing, EntitySort::Mentions).is_empty());

    // With reader comments counted, the person only readers name is a row, found by an alias too.
    let all = coverage(&docs, &canonical, Scope::All);
    let alias = EntityFilter { label: None, text: "mr reed".into() };
    let found: Vec<u32> = entity_rows(&canonical, &all, &alias, EntitySort::Name);
    assert_eq!(found, [E as u32]);
    let people: Vec<u32> = entity_rows(&canonical, &all, &person, EntitySort::Mentions);
    assert_eq!(people, [A as u32, E as u32]);
}

#[test]
fn sorts_read_and_write_their_url_names() {
    for s in EntitySort::ALL {
        assert_eq!(EntitySort::parse(s.as_str()), Some(s));
    }
    assert_eq!(EntitySort::parse("bogus"), None);
    assert_eq!(EntitySort::default(), EntitySort::Mentions);
}

#[test]
fn co_occurrence_ranks_shared_passages_before_shared_documents() {
    let (docs, canonical) = corpus();
    let with_a = co_occurrence(&docs, &canonical, A as u32, Scope::Article);
    // B shares the headline and a paragraph of one document (named twice there: counted once); C shares
    // two documents but only the paragraph of d1.
    assert_eq!(
        with_a,
        [
            CoOccurrence { entity: B as u32, documents: 1, passages: 2 },
            CoOccurrence { entity: C as u32, documents: 2, passages: 1 },
        ]
    );
    // B with reader comments: E shares a comment with it; the date beside B in d2 is not an entity here.
    let with_b = co_occurrence(&docs, &canonical, B as u32, Scope::All);
    assert_eq!(
        with_b,
        [
            CoOccurrence { entity: A as u32, documents: 1, passages: 2 },
            CoOccurrence { entity: E as u32, documents: 1, passages: 1 },
            CoOccurrence { entity: C as u32, documents: 1, passages: 0 },
        ]
    );
    assert!(co_occurrence(&docs, &canonical, B as u32, Scope::Article).iter().all(|c| c.entity != E as u32));
    // An entity no one names with another, a date, and an index out of range: nothing, no panic.
    assert!(co_occurrence(&docs, &canonical, D as u32, Scope::All).is_empty());
    assert!(co_occurrence(&docs, &canonical, 99, Scope::All).is_empty());
}

#[test]
fn co_occurrence_lists_cut_each_entitys_list_and_count_the_rest() {
    let (docs, canonical) = corpus();
    for scope in [Scope::Article, Scope::All] {
        for keep in [0, 1, 5] {
            let lists = co_occurrence_lists(&docs, &canonical, scope, keep);
            assert_eq!(lists.len(), canonical.entities.len());
            for (e, list) in lists.iter().enumerate() {
                let full = co_occurrence(&docs, &canonical, e as u32, scope);
                assert_eq!(list.total as usize, full.len());
                assert_eq!(list.top, full[..full.len().min(keep)], "entity {e}, {scope:?}, keep {keep}");
            }
        }
    }
    // A's list, cut to one: B, of the two.
    let lists = co_occurrence_lists(&docs, &canonical, Scope::Article, 1);
    assert_eq!(
        lists[A],
        CoList { top: vec![CoOccurrence { entity: B as u32, documents: 1, passages: 2 }], total: 2 }
    );
}

#[test]
fn roles_are_listed_once_each_most_given_first() {
    let (_, canonical) = corpus();
    let mut e = canonical.entities[A].clone();
    e.roles = ["minister", "Governor", "governor", " ", "minister", "GOVERNOR"]
        .iter()
        .map(|r| Role { role: (*r).to_owned(), document: 0 })
        .collect();
    assert_eq!(distinct_roles(&e), ["Governor", "minister"]);
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let (docs, mut canonical) = corpus();
    canonical.entities[A].aliases = vec!["Lima, Ana".into(), "the \"minister\"".into()];
    canonical.entities[A].roles = vec![Role { role: "Foreign\nMinister".into(), document: 0 }];
    let c = coverage(&docs, &canonical, Scope::Article);
    let rows = entity_rows(&canonical, &c, &EntityFilter::default(), EntitySort::Mentions);
    let csv = entities_csv(&canonical, &c, &rows);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,name,type,aliases,roles,documents,outlets,mentions");
    assert_eq!(
        lines[1],
        "person:ana-lima,Ana Lima,Person,\"Lima, Ana; the \"\"minister\"\"\",\"Foreign\nMinister\",2,2,5"
    );
    assert_eq!(lines[2], "place:porto-alegre,Porto Alegre,Place,,,3,3,3");
    assert_eq!(lines.last(), Some(&""), "every record ends with CRLF");
    // A reader gets back exactly the fields.
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(records.len(), 3);
    assert_eq!(&records[0][3], "Lima, Ana; the \"minister\"");
    assert_eq!(&records[0][4], "Foreign\nMinister");

    let table = coverage_csv(&canonical, &c, &rows);
    let lines: Vec<&str> = table.split("\r\n").collect();
    assert_eq!(lines[0], "id,name,type,Reuters,Associated Press,Unknown outlet,total");
    assert_eq!(lines[1], "person:ana-lima,Ana Lima,Person,3,2,0,5");
    assert_eq!(lines[3], "org:acme-corp,Acme Corp,Organisation,3,0,0,3");
    assert_eq!(lines.len(), 5);
    // No rows: the header alone.
    assert_eq!(
        entities_csv(&canonical, &c, &[]),
        "id,name,type,aliases,roles,documents,outlets,mentions\r\n"
    );
}

#[test]
fn partial_dates_read_iso_prefixes_and_refuse_the_rest() {
    let d = |y, m, d| Some(PartialDate { year: y, month: m, day: d });
    assert_eq!(PartialDate::parse("2013"), d(2013, None, None));
    assert_eq!(PartialDate::parse("2013-04"), d(2013, Some(4), None));
    assert_eq!(PartialDate::parse(" 2013-04-25 "), d(2013, Some(4), Some(25)));
    assert_eq!(PartialDate::parse("2013-04-25T10:15:00Z"), d(2013, Some(4), Some(25)));
    assert_eq!(PartialDate::parse("2016-02-29"), d(2016, Some(2), Some(29)));
    for bad in [
        "",
        "13",
        "2013-4",
        "2013-13",
        "2013-00",
        "2013-02-30",
        "2015-02-29",
        "2013-04-25-01",
        "abcd",
        "2013-04-x",
        "+2013",
    ] {
        assert_eq!(PartialDate::parse(bad), None, "{bad:?}");
    }
    for s in ["2013", "2013-04", "2013-04-05"] {
        assert_eq!(PartialDate::parse(s).map(|d| d.to_string()).as_deref(), Some(s));
    }
}

fn event(id: &str, date: Option<&str>, documents: &[u32]) -> Event {
    Event {
        id: id.to_owned(),
        label: id.to_owned(),
        date: date.map(str::to_owned),
        date_rule: None,
        origin: EventOrigin::Shared,
        documents: documents.to_vec(),
        mentioned_in: Vec::new(),
        passages: Vec::new(),
        entities: Vec::new(),
        terms: Vec::new(),
    }
}

/// Three events: the 19th of April 2013, November 2016, and one with no usable date.
fn events() -> Events {
    Events {
        passages: Vec::new(),
        events: vec![
            event("bombing", Some("2013-04-19"), &[0, 1]),
            event("election", Some("2016-11"), &[2]),
            event("talks", Some("sometime"), &[2]),
        ],
    }
}

#[test]
fn buckets_count_by_year_and_month_and_keep_undated_items_apart() {
    let (docs, _) = corpus();
    let ev = events();
    let years = buckets(&docs, &ev, Unit::Year);
    let keys: Vec<&str> = years.buckets.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys, ["2013", "2016", "2017"]);
    assert_eq!(years.buckets[0].documents, [0, 1]);
    assert_eq!(years.buckets[0].events, [0]);
    assert_eq!(years.buckets[1].documents, Vec::<u32>::new());
    assert_eq!(years.buckets[1].events, [1]);
    assert_eq!(years.buckets[2].documents, [2]);
    assert_eq!(years.undated_documents, [3]);
    assert_eq!(years.undated_events, [2]);

    let months = buckets(&docs, &ev, Unit::Month);
    let keys: Vec<&str> = months.buckets.iter().map(|b| b.key.as_str()).collect();
    assert_eq!(keys, ["2013-04", "2016-11", "2017-12"]);
    // Nothing is lost: every item is in a bucket or undated.
    let total: usize =
        months.buckets.iter().map(|b| b.documents.len()).sum::<usize>() + months.undated_documents.len();
    assert_eq!(total, docs.len());
}

#[test]
fn periods_read_from_a_url_and_move_by_their_own_unit() {
    let april = PartialDate::parse("2013-04-25");
    assert_eq!(Period::parse("", "", april), Ok(Period::All));
    assert_eq!(Period::parse("all", "2013", None), Ok(Period::All));
    assert_eq!(Period::parse("year", "2013-04", None), Ok(Period::Year(2013)));
    assert_eq!(Period::parse("month", "2013-04-25", None), Ok(Period::Month(2013, 4)));
    // No date: the fallback's period, or every year when there is none.
    assert_eq!(Period::parse("year", "", april), Ok(Period::Year(2013)));
    assert_eq!(Period::parse("month", "", april), Ok(Period::Month(2013, 4)));
    assert_eq!(Period::parse("month", "", PartialDate::parse("2013")), Ok(Period::Month(2013, 1)));
    assert_eq!(Period::parse("month", "", None), Ok(Period::All));
    // What a malformed link says.
    assert_eq!(Period::parse("bogus", "", april), Err(PeriodError::Zoom("bogus".into())));
    assert_eq!(Period::parse("month", "2013", april), Err(PeriodError::At("2013".into())));
    assert_eq!(Period::parse("year", "2013-13", april), Err(PeriodError::At("2013-13".into())));
    assert!(PeriodError::Zoom("bogus".into()).to_string().contains("“bogus”"));

    let m = Period::Month(2013, 1);
    assert_eq!(m.earlier(), Some(Period::Month(2012, 12)));
    assert_eq!(Period::Month(2012, 12).later(), Some(m));
    assert_eq!(Period::Year(2013).later(), Some(Period::Year(2014)));
    assert_eq!(Period::All.earlier(), None);
    assert_eq!(m.zoom_out(), Some(Period::Year(2013)));
    assert_eq!(Period::Year(2013).zoom_out(), Some(Period::All));
    assert_eq!(Period::All.zoom_out(), None);
    assert_eq!((m.zoom(), m.at(), m.label()), ("month", "2013-01".to_owned(), "January 2013".to_owned()));
    assert_eq!((Period::All.zoom(), Period::All.at()), ("", String::new()));
    // The URL's values read back as the same period.
    for p in [Period::Year(1999), Period::Month(2017, 12)] {
        assert_eq!(Period::parse(p.zoom(), &p.at(), None), Ok(p));
    }
}

fn lane_marks(t: &Timeline, outlet: &str) -> Vec<(u32, u32, Vec<u32>)> {
    let lane = t.lanes.iter().find(|l| l.label == outlet).expect("the outlet's lane");
    lane.marks.iter().map(|m| (m.from, m.to, m.items.clone())).collect()
}

#[test]
fn every_year_has_a_column_and_each_outlet_a_lane() {
    let (docs, _) = corpus();
    let t = timeline(&docs, &events(), Period::All, 12);
    let keys: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
    // The years between, with nothing in them, are columns too: the axis is to scale.
    assert_eq!(keys, ["2013", "2014", "2015", "2016", "2017"]);
    assert_eq!(t.columns[0].zoom, Some(Period::Year(2013)));
    // Lanes for outlets with a dated document only: the undated one is listed apart instead.
    let lanes: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(lanes, ["Reuters", "Associated Press"]);
    assert_eq!(lane_marks(&t, "Reuters"), [(0, 1, vec![0]), (4, 5, vec![2])]);
    assert_eq!(lane_marks(&t, "Associated Press"), [(0, 1, vec![1])]);
    let events: Vec<(u32, Vec<u32>)> = t.events.iter().map(|m| (m.from, m.items.clone())).collect();
    assert_eq!(events, [(0, vec![0]), (3, vec![1])]);
    assert_eq!((t.before, t.after), ((0, 0), (0, 0)));
    assert_eq!(t.undated_documents, [3]);
    assert_eq!(t.undated_events, [2]);
    assert_eq!(t.shown(), (3, 2));
}

#[test]
fn a_year_has_twelve_months_and_counts_what_lies_outside_it() {
    let (docs, _) = corpus();
    let t = timeline(&docs, &events(), Period::Year(2013), 12);
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels.len(), 12);
    assert_eq!((labels[0], labels[3]), ("Jan", "Apr"));
    assert_eq!(t.columns[3].key, "2013-04");
    assert_eq!(t.columns[3].zoom, Some(Period::Month(2013, 4)));
    assert_eq!(lane_marks(&t, "Reuters"), [(3, 4, vec![0])]);
    assert_eq!(lane_marks(&t, "Associated Press"), [(3, 4, vec![1])]);
    assert_eq!(t.before, (0, 0));
    assert_eq!(t.after, (1, 1), "d2 (2017) and the 2016 election");
    // The lanes stay when a period has nothing for an outlet.
    let empty = timeline(&docs, &events(), Period::Year(2015), 12);
    assert_eq!(empty.lanes.len(), 2);
    assert!(empty.lanes.iter().all(|l| l.marks.is_empty()));
    assert_eq!((empty.before, empty.after), ((2, 1), (1, 1)));
}

#[test]
fn a_month_has_its_days_and_a_document_dated_to_the_month_spans_them() {
    let (docs, _) = corpus();
    let t = timeline(&docs, &events(), Period::Month(2013, 4), 12);
    assert_eq!(t.columns.len(), 30);
    assert_eq!(t.columns[24].key, "2013-04-25");
    assert_eq!(t.columns[24].zoom, None);
    assert_eq!(lane_marks(&t, "Reuters"), [(24, 25, vec![0])]);
    // Published "2013-04": no day is invented.
    assert_eq!(lane_marks(&t, "Associated Press"), [(0, 30, vec![1])]);
    assert_eq!(t.events.iter().map(|m| (m.from, m.to)).collect::<Vec<_>>(), [(18, 19)]);
    assert_eq!(timeline(&docs, &events(), Period::Month(2016, 2), 12).columns.len(), 29);
    // A document dated only to its year spans the months of its year and the days of its months.
    let mut docs = docs;
    docs[3].meta.published = Some(fact("2013"));
    docs[3].meta.outlet = Some(fact("Reuters"));
    let year = timeline(&docs, &events(), Period::Year(2013), 12);
    assert!(lane_marks(&year, "Reuters").contains(&(0, 12, vec![3])));
    let month = timeline(&docs, &events(), Period::Month(2013, 7), 12);
    assert_eq!(lane_marks(&month, "Reuters"), [(0, 31, vec![3])]);
    let before = timeline(&docs, &events(), Period::Month(2014, 1), 12);
    assert_eq!(before.before.0, 3);
}

#[test]
fn a_thousand_documents_make_a_bounded_number_of_marks() {
    let outlets: Vec<String> = (0..20).map(|i| format!("Outlet {i:02}")).collect();
    let mut docs = Vec::new();
    for i in 0..1000u32 {
        let mut doc = crate::ingest::ingest(&format!("doc{i}"), b"placeholder");
        let k = (i % 20) as usize;
        doc.meta.outlet = Some(fact(&outlets[k]));
        let (y, m, d) = (2015 + i % 3, 1 + i % 12, 1 + i % 28);
        doc.meta.published = (i % 100 != 7).then(|| fact(&format!("{y}-{m:02}-{d:02}")));
        docs.push(doc);
    }
    let ev = Events::default();
    let t = timeline(&docs, &ev, Period::All, 8);
    assert_eq!(t.lanes.len(), 8);
    assert_eq!(t.lanes[0].label, "Outlet 00");
    assert_eq!(t.lanes[7].label, OTHER_OUTLETS);
    assert_eq!(t.lanes[7].outlets.len(), 20 - 7);
    assert_eq!(t.undated_documents.len(), 10);
    assert_eq!(t.shown().0 as usize, 1000 - 10);
    assert!(t.lanes.iter().all(|l| l.marks.len() <= t.columns.len()));
    let marks: usize = t.lanes.iter().map(|l| l.marks.len()).sum();
    assert!(marks <= 8 * 3, "{marks} marks for 3 years and 8 lanes");
    // Zoomed to a month, every item is still counted once: shown, before or after.
    let month = timeline(&docs, &ev, Period::Month(2016, 5), 8);
    let (shown, _) = month.shown();
    assert_eq!(shown + month.before.0 + month.after.0, 990);
}
