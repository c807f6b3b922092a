//! Comparisons of small corpora whose alignment and omissions can be told by hand.

use super::*;
use crate::bundle::Bundle;

/// Two outlets on one ferry disaster, telling it in a different order, one with a figure the other
/// leaves out; and an unrelated story.
const WIRE: &str = "Ferry capsizes off Mombasa, killing 23\n\nBy Otieno Kamau\n\nAugust 17, 2024\n\n\
MOMBASA, Kenya (Reuters) - A passenger ferry capsized in the Likoni channel off Mombasa on Saturday, killing \
23 people, the Kenya Ports Authority said.\n\n\
Rescue divers pulled 41 survivors from the water, Kenya Red Cross spokeswoman Amina Yusuf said.\n\n\
\"We will find out what went wrong and those responsible will answer for it,\" Transport Minister Kipchumba \
Murkomen said at the harbour.\n\n\
The MV Harambee was carrying more than 60 passengers when it overturned in rough seas off Mombasa, the Kenya \
Ports Authority said.\n";

const PAPER: &str = "Harambee ferry tragedy: 23 confirmed dead in Likoni channel\n\nBy Wanjiku Mwangi\n\nAugust 18, 2024\n\n\
Twenty-three people died when the MV Harambee overturned in the Likoni channel near Mombasa on Saturday, the \
Kenya Ports Authority said.\n\n\
Transport Minister Kipchumba Murkomen promised an inquiry. \"We will find out what went wrong and those \
responsible will answer for it,\" he told reporters.\n\n\
Residents said the vessel had allegedly been declared unsafe last year.\n\n\
The Kenya Red Cross said 41 survivors were taken to hospital in Mombasa.\n";

const OTHER: &str = "Tea prices climb at Nairobi auction\n\nAugust 19, 2024\n\n\
NAIROBI (Reuters) - Tea prices rose at the weekly Nairobi auction on Monday as buyers from Pakistan and Egypt \
returned, brokers said.\n";

fn bundle() -> Bundle {
    let docs = [("wire.txt", WIRE), ("paper.txt", PAPER), ("tea.txt", OTHER)]
        .iter()
        .map(|(name, text)| crate::process(name, text.as_bytes()))
        .collect();
    Bundle::new(docs)
}

fn ferry(b: &Bundle) -> Focus {
    let e = b.events.events.iter().position(|e| e.documents == [0, 1]).expect("the ferry event");
    Focus::Event(u32::try_from(e).expect("small"))
}

fn text_of<'a>(b: &'a Bundle, c: &Comparison, column: usize, cell: Option<usize>) -> &'a str {
    cell.map_or("", |x| passage_text(b, &c.columns[column].passages[x].passage))
}

#[test]
fn an_event_opens_with_one_document_per_outlet_in_order_of_publication() {
    let b = bundle();
    let focus = ferry(&b);
    assert_eq!(default_documents(&b, focus), vec![0, 1]);
    let found = Focus::find(&b, Some(focus.id(&b)), None);
    assert_eq!(found, Some(focus));
    assert_eq!(Focus::find(&b, Some("event-no-such-thing"), None), None);
    // Asked in the other order, the columns keep the order asked for.
    let c = compare(&b, focus, &[1, 0, 1, 99]);
    assert_eq!(c.columns.iter().map(|c| c.document).collect::<Vec<_>>(), vec![1, 0]);
}

#[test]
fn rows_line_up_the_same_sub_fact_and_keep_each_column_in_reading_order() {
    let b = bundle();
    let c = compare(&b, ferry(&b), &[0, 1]);
    // Every passage is in exactly one row, and down the rows each column reads in order.
    for (k, column) in c.columns.iter().enumerate() {
        let seen: Vec<usize> = c.rows.iter().filter_map(|r| r.cells[k]).collect();
        assert_eq!(seen, (0..column.passages.len()).collect::<Vec<_>>(), "column {k}: {:#?}", c.rows);
    }
    // The minister's quote is one row across both outlets, and the row says why.
    let minister = c
        .rows
        .iter()
        .find(|r| text_of(&b, &c, 0, r.cells[0]).contains("Transport Minister"))
        .expect("the wire's minister paragraph");
    assert!(text_of(&b, &c, 1, minister.cells[1]).contains("promised an inquiry"), "{:#?}", c.rows);
    assert!(minister.shared.iter().any(|s| s.contains("Murkomen")), "{:?}", minister.shared);
    assert!(
        minister.shared.iter().any(|s| s.starts_with('“')),
        "the shared quote is named: {:?}",
        minister.shared
    );
    // The survivors come second in one story and last in the other: both orders cannot be kept with the
    // minister's row, so one of them stands alone, beside a blank cell.
    assert!(
        c.rows.iter().any(|r| r.cells[0].is_none()) && c.rows.iter().any(|r| r.cells[1].is_none()),
        "{:#?}",
        c.rows
    );
    assert!(c.rows.iter().all(|r| r.cells.iter().any(Option::is_some)));
}

#[test]
fn the_matrix_marks_what_one_outlet_reports_and_the_other_leaves_out() {
    let b = bundle();
    let c = compare(&b, ferry(&b), &[0, 1]);
    let passengers = c.matrix.iter().find(|r| r.label.contains("60")).expect("the passengers figure");
    assert_eq!(passengers.kind, ItemKind::Fact);
    assert_eq!(passengers.cells[0].presence, Presence::Present);
    assert_eq!(passengers.cells[1].presence, Presence::Absent);
    assert!(passengers.differs());
    // The cell opens the passage that reports it.
    assert!(text_of(&b, &c, 0, passengers.cells[0].passage).contains("60 passengers"));
    let survivors = c.matrix.iter().find(|r| r.label.contains("41")).expect("the survivors figure");
    assert!(survivors.cells.iter().all(|x| x.presence == Presence::Present), "{survivors:?}");
    assert!(!survivors.differs());
    // The minister speaks in both.
    assert!(
        c.matrix.iter().any(|r| r.kind == ItemKind::Voice && r.label.contains("Murkomen") && !r.differs())
    );
}

#[test]
fn an_entity_compares_the_paragraphs_that_name_it() {
    let b = bundle();
    let g = b.canonical.entities.iter().position(|e| e.name.contains("Red Cross")).expect("the Red Cross");
    let focus = Focus::Entity(u32::try_from(g).expect("small"));
    assert_eq!(default_documents(&b, focus), vec![0, 1]);
    let c = compare(&b, focus, &[0, 1]);
    for (k, column) in c.columns.iter().enumerate() {
        assert_eq!(column.passages.len(), 1, "column {k}: {:?}", column.passages);
        assert!(text_of(&b, &c, k, Some(0)).contains("Red Cross"));
    }
    // Both paragraphs give the 41 survivors: one row.
    assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
    // The entity compared on is no row of its own matrix: every column has it.
    assert!(c.matrix.iter().all(|r| !r.label.contains("Red Cross")), "{:?}", c.matrix);
    // Its framing is measured now: words counted, distinctive terms against the other column.
    assert!(c.columns.iter().all(|col| col.signals.words > 0));
}

#[test]
fn exports_carry_the_columns_rows_and_omissions() {
    let b = bundle();
    let c = compare(&b, ferry(&b), &[0, 1]);
    let csv = to_csv(&b, &c);
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        ["part", "row", "document", "outlet", "published", "headline", "kind", "item", "value", "text"]
    );
    let records: Vec<::csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    let part = |p: &'static str| records.iter().filter(move |r| &r[0] == p);
    assert_eq!(part("document").count(), 2);
    let passages = c.columns.iter().map(|col| col.passages.len()).sum::<usize>();
    assert_eq!(part("passage").count(), passages, "every passage once");
    let absent = part("matrix").find(|r| r[7].contains("60") && &r[8] == "absent").expect("the omission");
    assert_eq!(&absent[2], b.documents[1].id.as_str());
    assert!(part("voice").any(|r| r[7].contains("Murkomen")));

    let md = to_markdown(&b, &c, "https://example.org/#/compare?event=x");
    assert!(md.starts_with("# Compare: "));
    assert!(md.contains("https://example.org/#/compare?event=x"));
    let matrix_line = md
        .lines()
        .find(|l| l.starts_with("| 60 ") || (l.contains("60 passengers") && l.contains("**absent**")));
    assert!(matrix_line.is_some_and(|l| l.contains("present") && l.contains("**absent**")), "{md}");
    // Every table row has as many cells as its header.
    for table in md.split("\n\n").filter(|t| t.starts_with('|')) {
        let widths: Vec<usize> =
            table.lines().filter(|l| !l.starts_with("|---")).map(|l| l.matches(" | ").count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{table}");
    }
}

#[test]
fn nothing_to_compare_is_an_empty_comparison_not_a_panic() {
    let b = bundle();
    let c = compare(&b, Focus::Event(999), &[0, 1]);
    assert!(c.rows.iter().all(|r| r.cells.iter().all(Option::is_none)) || c.rows.is_empty());
    assert!(c.matrix.is_empty());
    let c = compare(&b, Focus::Entity(0), &[]);
    assert!(c.columns.is_empty() && c.rows.is_empty());
    assert!(to_markdown(&b, &c, "").contains("No entity, voice or fact"));
    let empty = Bundle::default();
    assert!(candidates(&empty, Focus::Event(0)).is_empty());
    assert!(default_documents(&empty, Focus::Entity(3)).is_empty());
}
