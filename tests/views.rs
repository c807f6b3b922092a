//! The Entities, Timeline and Compare views in real headless Chromium: mount the shell at a URL, let Yew render,
//! read the DOM, act as a user would.
#![cfg(target_arch = "wasm32")]

use parallax::Corpus;
use parallax::pages::compare::ROWS_SHOWN;
use parallax_core::compare::{self, Focus};
use parallax_core::explore::{self, EntityFilter, EntitySort, Period, Scope};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};

mod common;

use common::{render, settle, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app at `path` with a query string, as a copied link would open it.
async fn mount(path: &str, pairs: &[(&str, &str)]) -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    if pairs.is_empty() {
        history.push(path);
    } else {
        history.push_with_query(path, pairs).expect("a query");
    }
    render(history).await
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

fn attrs(root: &Element, selector: &str, name: &str) -> Vec<String> {
    all(root, selector).iter().filter_map(|e| e.get_attribute(name)).collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Clicks an element as the primary mouse button does (an SVG element has no `click()` of its own).
async fn click(element: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_button(0);
    let event = MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("a click event");
    element.dispatch_event(&event).expect("dispatch");
    settle().await;
}

fn numbers(root: &Element, selector: &str) -> Vec<u32> {
    texts(root, selector).iter().map(|t| t.parse().unwrap_or_else(|_| panic!("not a count: {t:?}"))).collect()
}

/// The engine's own answer for the built-in corpus, to compare the page with.
fn expected_rows(filter: &EntityFilter, sort: EntitySort) -> Vec<String> {
    let corpus = Corpus::embedded();
    let c = explore::coverage(&corpus.bundle.documents, &corpus.bundle.canonical, Scope::Article);
    explore::entity_rows(&corpus.bundle.canonical, &c, filter, sort)
        .into_iter()
        .map(|i| corpus.bundle.canonical.entities[i as usize].id.clone())
        .collect()
}

#[wasm_bindgen_test]
async fn the_entity_table_lists_named_entities_most_mentioned_first() {
    let (root, _) = mount("/entities", &[]).await;
    assert_eq!(gloo::utils::document().title(), "Entities · Parallax");
    let ids = attrs(&root, ".entity-table tbody tr", "data-entity");
    let expected = expected_rows(&EntityFilter::default(), EntitySort::Mentions);
    assert!(ids.len() > 20, "{} rows", ids.len());
    assert_eq!(ids, expected.iter().take(200).cloned().collect::<Vec<_>>());
    let mentions = numbers(&root, ".entity-table tbody td.mentions");
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "{mentions:?}");
    // No dates among them; every row has a type, a document count and an outlet count.
    let types = texts(&root, ".entity-table tbody td.type");
    assert!(!types.iter().any(|t| t == "Date"), "{types:?}");
    assert!(types.iter().any(|t| t == "Person") && types.iter().any(|t| t == "Place"), "{types:?}");
    assert!(numbers(&root, ".entity-table tbody td.outlets").iter().all(|&n| (1..=5).contains(&n)));
    // The column sorted on says so to assistive technology.
    let sorted = attrs(&root, ".entity-table thead th[aria-sort='descending'] button", "data-sort");
    assert_eq!(sorted, ["mentions"]);
    // The heat map: one column per outlet, counts as text, rows in the table's order.
    assert_eq!(all(&root, ".heatmap thead th.outlet-col").len(), 5);
    let heat_ids = attrs(&root, ".heatmap tbody tr", "data-entity");
    assert_eq!(heat_ids, ids.iter().take(25).cloned().collect::<Vec<_>>());
    let first_row = numbers(&root, ".heatmap tbody tr:first-child td.cell");
    assert_eq!(first_row.iter().sum::<u32>(), mentions[0], "a row's cells add up to its mentions");
}

#[wasm_bindgen_test]
async fn a_column_header_sorts_the_table_and_the_url_keeps_the_order() {
    let (root, history) = mount("/entities", &[]).await;
    let button: HtmlElement =
        one(&root, "button.sort[data-sort='name']").dyn_into().expect("an HTML element");
    button.click();
    settle().await;
    assert_eq!(history.location().query_str(), "?sort=name");
    let ids = attrs(&root, ".entity-table tbody tr", "data-entity");
    assert_eq!(
        ids,
        expected_rows(&EntityFilter::default(), EntitySort::Name).into_iter().take(200).collect::<Vec<_>>()
    );
    let names: Vec<String> =
        texts(&root, ".entity-table tbody th.name").iter().map(|n| n.to_lowercase()).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert_eq!(attrs(&root, "th[aria-sort='ascending'] button", "data-sort"), ["name"]);

    one(&root, "button.sort[data-sort='documents']").dyn_into::<HtmlElement>().expect("a button").click();
    settle().await;
    assert_eq!(history.location().query_str(), "?sort=documents");
    let documents = numbers(&root, ".entity-table tbody td.documents .n");
    assert!(documents.windows(2).all(|w| w[0] >= w[1]), "{documents:?}");
    // Back to the default order: the bare address.
    one(&root, "button.sort[data-sort='mentions']").dyn_into::<HtmlElement>().expect("a button").click();
    settle().await;
    assert_eq!(history.location().query_str(), "");
}

#[wasm_bindgen_test]
async fn the_type_filter_and_the_text_box_narrow_the_table() {
    let (root, history) = mount("/entities", &[("type", "PERSON")]).await;
    let types = texts(&root, ".entity-table tbody td.type");
    assert!(!types.is_empty() && types.iter().all(|t| t == "Person"), "{types:?}");
    let select: HtmlSelectElement = one(&root, "#entity-type").dyn_into().expect("a select");
    assert_eq!(select.value(), "PERSON");
    select.set_value("ORG");
    select.dispatch_event(&Event::new("change").expect("an event")).expect("dispatch");
    settle().await;
    assert_eq!(history.location().query_str(), "?type=ORG");
    let types = texts(&root, ".entity-table tbody td.type");
    assert!(!types.is_empty() && types.iter().all(|t| t == "Organisation"), "{types:?}");

    // The text box matches names and aliases, case aside.
    let (root, _) = mount("/entities", &[("q", "PUTIN")]).await;
    let names = texts(&root, ".entity-table tbody th.name");
    assert!(names.contains(&"Vladimir Putin".to_owned()), "{names:?}");
    let filter = EntityFilter { label: None, text: "PUTIN".into() };
    assert_eq!(names.len(), expected_rows(&filter, EntitySort::Mentions).len());
    assert!(texts(&root, ".list-bar .count")[0].contains(" of "), "says the list is narrowed");
    // Nothing matches: a message, not an empty table.
    let (root, _) = mount("/entities", &[("q", "zeppelinfahrt")]).await;
    assert!(all(&root, ".entity-table").is_empty());
    assert_eq!(texts(&root, ".entities .no-results").len(), 1);
}

#[wasm_bindgen_test]
async fn choosing_a_name_shows_who_is_named_with_it() {
    let (root, history) = mount("/entities", &[]).await;
    assert!(texts(&root, ".co-occurrence h2")[0].contains("Named together"));
    let putin = one(&root, ".entity-table tr[data-entity='person:vladimir-putin'] a.entity-name");
    putin.dyn_into::<HtmlElement>().expect("a link").click();
    settle().await;
    assert_eq!(history.location().query_str(), "?entity=person%3Avladimir-putin");
    assert_eq!(texts(&root, ".co-occurrence h2"), ["Named with Vladimir Putin"]);
    assert_eq!(gloo::utils::document().title(), "Entities: Vladimir Putin · Parallax");
    assert_eq!(attrs(&root, ".entity-table tr.selected", "data-entity"), ["person:vladimir-putin"]);
    // The engine's ranking, shown as it is.
    let corpus = Corpus::embedded();
    let index =
        corpus.bundle.canonical.entities.iter().position(|e| e.id == "person:vladimir-putin").expect("Putin");
    let co = explore::co_occurrence(
        &corpus.bundle.documents,
        &corpus.bundle.canonical,
        index as u32,
        Scope::Article,
    );
    let shown = attrs(&root, ".co-table tbody tr", "data-entity");
    assert!(!shown.is_empty());
    let want: Vec<String> =
        co.iter().take(20).map(|c| corpus.bundle.canonical.entities[c.entity as usize].id.clone()).collect();
    assert_eq!(shown, want);
    let passages = numbers(&root, ".co-table tbody td.passages");
    assert!(passages.windows(2).all(|w| w[0] >= w[1]), "{passages:?}");
    // The way to the Library, filtered on it.
    let link = one(&root, ".co-occurrence a.open-library");
    link.dyn_into::<HtmlElement>().expect("a link").click();
    settle().await;
    assert_eq!(history.location().path(), "/");
    assert_eq!(history.location().query_str(), "?entity=person%3Avladimir-putin");
    assert!(!all(&root, ".doc-card").is_empty());
}

#[wasm_bindgen_test]
async fn a_stale_or_malformed_entities_link_says_so() {
    let (root, _) = mount("/entities", &[("entity", "person:nobody-at-all")]).await;
    let message = texts(&root, ".co-occurrence .stale p");
    assert!(message[0].contains("person:nobody-at-all"), "{message:?}");
    assert_eq!(texts(&root, ".co-occurrence a.clear-selection"), ["Clear the selection"]);
    assert!(!all(&root, ".entity-table tbody tr").is_empty(), "the table is still there");

    let (root, _) = mount("/entities", &[("type", "ROBOT"), ("sort", "sideways")]).await;
    let problems = texts(&root, ".link-problem li");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("ROBOT") && problems[1].contains("sideways"), "{problems:?}");
    assert!(!all(&root, ".entity-table tbody tr").is_empty());
}

#[wasm_bindgen_test]
async fn counting_reader_comments_is_a_choice_in_the_url() {
    let (root, history) = mount("/entities", &[]).await;
    let before: u32 = numbers(&root, ".entity-table tbody td.mentions").iter().sum();
    one(&root, "#entity-comments").dyn_into::<HtmlElement>().expect("a checkbox").click();
    settle().await;
    assert_eq!(history.location().query_str(), "?comments=1");
    let after: u32 = numbers(&root, ".entity-table tbody td.mentions").iter().sum();
    assert!(after > before, "the comments of two pages name entities too: {before} then {after}");
}

fn columns(root: &Element) -> Vec<String> {
    attrs(root, "svg.timeline-svg [data-column]", "data-column")
}

#[wasm_bindgen_test]
async fn the_timeline_spans_the_years_and_zooms_to_a_year() {
    let (root, history) = mount("/timeline", &[]).await;
    assert_eq!(gloo::utils::document().title(), "Timeline · Parallax");
    // From the earliest date of the corpus (an event before any document) to the latest document, and
    // the years between are on the axis too.
    let corpus = Corpus::embedded();
    let first =
        explore::earliest(&corpus.bundle.documents, &corpus.bundle.events).expect("a dated item").year;
    let years = columns(&root);
    assert_eq!(years.first(), Some(&first.to_string()));
    assert_eq!(years.last().map(String::as_str), Some("2017"));
    assert_eq!(years.len(), (2017 - first + 1) as usize);
    // Every document is a mark or in the undated list.
    let on_axis: u32 = attrs(&root, "svg.timeline-svg a.tl-mark.doc", "href").len() as u32;
    assert!(on_axis >= 2, "{on_axis}");
    let items: u32 = all(&root, "svg.timeline-svg g[data-items]")
        .iter()
        .filter(|g| g.query_selector("a.tl-mark.doc").ok().flatten().is_some())
        .filter_map(|g| g.get_attribute("data-items")?.parse::<u32>().ok())
        .sum();
    assert_eq!(items as usize + all(&root, ".undated .tl-docs li[data-id]").len(), 5);
    // Marks are links with a title for screen readers.
    let titles = texts(&root, "svg.timeline-svg a.tl-mark title");
    assert!(titles.iter().all(|t| !t.is_empty()), "{titles:?}");

    let zoom_in: HtmlElement = one(&root, "button.zoom-in").dyn_into().expect("a button");
    assert_eq!(
        zoom_in.text_content(),
        Some(format!("Zoom in to {first}")),
        "the first year with something in it"
    );
    // A year's tick zooms to it.
    click(&one(&root, "svg.timeline-svg g[data-column='2013'] a.tl-tick-link")).await;
    assert_eq!(history.location().query_str(), "?zoom=year&at=2013");
    let months = columns(&root);
    assert_eq!(months.len(), 12);
    assert_eq!(months[3], "2013-04");
    assert_eq!(texts(&root, "svg.timeline-svg .tl-tick")[3], "Apr");
    assert_eq!(gloo::utils::document().title(), "Timeline: 2013 · Parallax");
    // Later moves a year on; zooming out returns to every year.
    one(&root, "button.later").dyn_into::<HtmlElement>().expect("a button").click();
    settle().await;
    assert_eq!(history.location().query_str(), "?zoom=year&at=2014");
    one(&root, "button.zoom-out").dyn_into::<HtmlElement>().expect("a button").click();
    settle().await;
    assert_eq!(history.location().query_str(), "");
    assert_eq!(columns(&root), years);
}

#[wasm_bindgen_test]
async fn a_zoom_with_no_date_opens_at_the_earliest_item() {
    let (root, _) = mount("/timeline", &[("zoom", "year")]).await;
    let corpus = Corpus::embedded();
    let first = explore::earliest(&corpus.bundle.documents, &corpus.bundle.events).expect("a dated item");
    let period = one(&root, ".timeline-controls .period");
    assert_eq!(period.get_attribute("data-zoom").as_deref(), Some("year"));
    assert_eq!(period.get_attribute("data-at"), Some(format!("{:04}", first.year)));
    assert_eq!(columns(&root).len(), 12);
}

#[wasm_bindgen_test]
async fn a_month_is_drawn_by_day_and_a_document_mark_opens_the_reader() {
    let (root, history) = mount("/timeline", &[("zoom", "month"), ("at", "2013-04")]).await;
    let days = columns(&root);
    assert_eq!(days.len(), 30);
    assert_eq!(days[24], "2013-04-25");
    let links = attrs(&root, "svg.timeline-svg a.tl-mark.doc", "href");
    assert!(links.contains(&"#/doc/000_52189a89d9381af0".to_owned()), "{links:?}");
    assert!(links.contains(&"#/doc/001_cfa350853c3acd34".to_owned()), "{links:?}");
    // The VOA story of the 25th sits in the 25th column.
    let mark = one(&root, "svg.timeline-svg g[data-items]:has(a[href='#/doc/000_52189a89d9381af0'])");
    assert_eq!(mark.get_attribute("data-from").as_deref(), Some("24"));
    let earlier = texts(&root, "button.earlier");
    assert!(!earlier[0].contains("document"), "no document is dated before April 2013: {earlier:?}");
    click(&one(&root, "svg.timeline-svg a[href='#/doc/000_52189a89d9381af0']")).await;
    assert_eq!(history.location().path(), "/doc/000_52189a89d9381af0");
    assert!(!texts(&root, ".reader h1.headline").is_empty());
}

#[wasm_bindgen_test]
async fn a_tick_zooms_in_and_a_month_of_nothing_says_so() {
    let (root, history) = mount("/timeline", &[("zoom", "year"), ("at", "2013")]).await;
    click(&one(&root, "svg.timeline-svg g[data-column='2013-05'] a.tl-tick-link")).await;
    assert_eq!(history.location().query_str(), "?zoom=month&at=2013-05");
    // The marks drawn are the engine's: a document dated to the day in its day's column, one dated only
    // to the month as a span across the month's days.
    let corpus = Corpus::embedded();
    let axis = explore::timeline(&corpus.bundle.documents, &corpus.bundle.events, Period::Month(2013, 5), 10);
    let mut want: Vec<(String, String)> =
        axis.lanes.iter().flat_map(|l| &l.marks).map(|m| (m.from.to_string(), m.to.to_string())).collect();
    let mut drawn: Vec<(String, String)> = all(&root, "svg.timeline-svg g[data-items]:has(a.tl-mark.doc)")
        .iter()
        .map(|g| {
            (g.get_attribute("data-from").unwrap_or_default(), g.get_attribute("data-to").unwrap_or_default())
        })
        .collect();
    want.sort();
    drawn.sort();
    assert!(!drawn.is_empty());
    assert_eq!(drawn, want);
    let (root, _) = mount("/timeline", &[("zoom", "month"), ("at", "1999-01")]).await;
    assert_eq!(columns(&root).len(), 31);
    let message = texts(&root, ".timeline-view .no-results");
    assert!(message[0].contains("January 1999"), "{message:?}");
    assert!(texts(&root, "button.later")[0].contains("documents"), "the way on says what lies there");
}

#[wasm_bindgen_test]
async fn a_malformed_timeline_link_shows_a_message_and_a_way_back() {
    for (zoom, at, said) in
        [("bogus", "", "bogus"), ("month", "2013-13", "2013-13"), ("month", "2013", "2013")]
    {
        let (root, _) = mount("/timeline", &[("zoom", zoom), ("at", at)]).await;
        let message = texts(&root, ".timeline-view .link-problem p");
        assert!(message[0].contains(said), "{zoom} {at}: {message:?}");
        assert_eq!(texts(&root, ".link-problem a.reset"), ["Show every year"]);
        assert!(all(&root, "svg.timeline-svg").is_empty());
    }
    // A period the engine reads back the same way is fine.
    assert_eq!(Period::parse("year", "2013", None), Ok(Period::Year(2013)));
}

#[wasm_bindgen_test]
async fn the_header_links_to_the_views() {
    let (root, history) = mount("/", &[]).await;
    let nav = texts(&root, "header.top nav a");
    assert_eq!(nav, ["Library", "Entities", "Timeline", "Compare", "Import"]);
    let link: HtmlElement = all(&root, "header.top nav a")[2].clone().dyn_into().expect("a link");
    link.click();
    settle().await;
    assert_eq!(history.location().path(), "/timeline");
    assert!(!all(&root, ".timeline-view").is_empty());
}

#[wasm_bindgen_test]
async fn compare_shows_the_engines_columns_rows_and_matrix_for_every_shared_event() {
    let corpus = Corpus::embedded();
    let b = &corpus.bundle;
    let mut seen = 0;
    for (e, event) in b.events.events.iter().enumerate().filter(|(_, e)| e.documents.len() > 1) {
        let focus = Focus::Event(u32::try_from(e).expect("small"));
        let docs = compare::default_documents(b, focus);
        let expected = compare::compare(b, focus, &docs);
        let (root, _) = mount("/compare", &[("event", event.id.as_str())]).await;
        let ids: Vec<String> = docs.iter().map(|&d| b.documents[d as usize].id.clone()).collect();
        assert_eq!(attrs(&root, ".grid-head .column-head", "data-doc"), ids, "{}", event.id);
        let drawn = expected.rows.len().min(ROWS_SHOWN);
        assert_eq!(all(&root, ".compare-grid .grid-row:not(.grid-head)").len(), drawn);
        assert_eq!(all(&root, ".matrix tbody tr").len(), expected.matrix.len());
        assert_eq!(texts(&root, "#compare-title"), std::slice::from_ref(&event.label));
        // Blank cells where the engine has none.
        let blanks = expected.rows[..drawn].iter().flat_map(|r| &r.cells).filter(|c| c.is_none()).count();
        assert_eq!(all(&root, ".grid-cell.blank").len(), blanks);
        seen += 1;
    }
    assert!(seen >= 2, "the corpus has events reported by several documents");
}

#[wasm_bindgen_test]
async fn a_long_comparison_draws_its_first_rows_and_a_matrix_mark_further_down_draws_the_rest() {
    let corpus = Corpus::embedded();
    let b = &corpus.bundle;
    // An entity whose comparison has more rows than are drawn at first, and a matrix mark whose passage is
    // on one of the rows not drawn.
    let found = (0..b.canonical.entities.len()).find_map(|g| {
        let focus = Focus::Entity(u32::try_from(g).expect("small"));
        let c = compare::compare(b, focus, &compare::default_documents(b, focus));
        let row_of = |k: usize, x: usize| c.rows.iter().position(|r| r.cells.get(k) == Some(&Some(x)));
        let far = c.matrix.iter().flat_map(|m| m.cells.iter().enumerate()).find_map(|(k, cell)| {
            let x = cell.passage?;
            (row_of(k, x)? >= ROWS_SHOWN).then(|| format!("p-{k}-{x}"))
        })?;
        Some((g, c.rows.len(), far))
    });
    let (g, rows, far) = found.expect("the corpus has a comparison longer than the rows drawn at first");
    let entity = &b.canonical.entities[g];
    let (root, _) = mount("/compare", &[("entity", entity.id.as_str())]).await;
    assert_eq!(all(&root, ".compare-grid .grid-row:not(.grid-head)").len(), ROWS_SHOWN);
    let hidden = rows - ROWS_SHOWN;
    let rows_word = if hidden == 1 { "row" } else { "rows" };
    assert_eq!(texts(&root, ".more-rows"), [format!("Show the other {hidden} {rows_word}")]);
    assert!(root.query_selector(&format!("#{far}")).expect("a valid selector").is_none());
    click(&one(&root, &format!(".matrix button[data-open='{far}']"))).await;
    settle().await;
    assert_eq!(all(&root, ".compare-grid .grid-row:not(.grid-head)").len(), rows, "every row drawn");
    assert!(all(&root, ".more-rows").is_empty());
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.get_attribute("id"));
    assert_eq!(focused.as_deref(), Some(far.as_str()), "the passage is opened");
    // In a fresh view, the button draws them all too.
    let (root, _) = mount("/compare", &[("entity", entity.id.as_str())]).await;
    click(&one(&root, ".more-rows")).await;
    assert_eq!(all(&root, ".compare-grid .grid-row:not(.grid-head)").len(), rows);
}

#[wasm_bindgen_test]
async fn compare_keeps_its_choices_in_the_url() {
    let corpus = Corpus::embedded();
    let b = &corpus.bundle;
    let (e, event) =
        b.events.events.iter().enumerate().find(|(_, e)| e.documents.len() > 1).expect("a shared event");
    let focus = Focus::Event(u32::try_from(e).expect("small"));
    let c = compare::compare(b, focus, &compare::default_documents(b, focus));
    let differing = c.matrix.iter().filter(|r| r.differs()).count();
    let (root, history) = mount("/compare", &[("event", event.id.as_str()), ("matrix", "differences")]).await;
    assert_eq!(all(&root, ".matrix tbody tr").len(), differing);
    assert!(
        all(&root, ".matrix tbody tr").iter().all(|tr| tr
            .get_attribute("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == "differs")))
    );
    // Picking out an entity: every mention of it in every column, and only those, and the URL says so.
    let mark = one(&root, ".compare-grid mark.entity[data-entity]");
    let id = mark.get_attribute("data-entity").expect("an entity id");
    click(&mark).await;
    assert!(history.location().query_str().contains("hl="), "{}", history.location().query_str());
    let picked = attrs(&root, "mark.entity.picked", "data-entity");
    assert!(!picked.is_empty() && picked.iter().all(|p| p == &id), "{picked:?}");
    assert_eq!(picked.len(), all(&root, &format!(".compare-grid mark.entity[data-entity=\"{id}\"]")).len());
    // Unlinking the scroll draws free columns.
    let linked: HtmlElement = one(&root, "#compare-linked").dyn_into().expect("a checkbox");
    linked.click();
    settle().await;
    assert!(history.location().query_str().contains("scroll=free"));
    assert_eq!(all(&root, ".free-column").len(), c.columns.len());
}

#[wasm_bindgen_test]
async fn a_phone_shows_the_two_columns_the_url_names() {
    let corpus = Corpus::embedded();
    let b = &corpus.bundle;
    let g = b.canonical.entities.iter().position(|e| e.documents.len() >= 3).expect("an entity named widely");
    let entity = &b.canonical.entities[g];
    let docs = compare::default_documents(b, Focus::Entity(u32::try_from(g).expect("small")));
    assert!(docs.len() >= 3);
    let (root, _) = mount("/compare", &[("entity", entity.id.as_str()), ("left", "3"), ("right", "1")]).await;
    let heads = all(&root, ".grid-head .head-cell");
    let shown: Vec<bool> = heads
        .iter()
        .map(|h| !h.get_attribute("class").is_some_and(|c| c.split_whitespace().any(|x| x == "off-phone")))
        .collect();
    let expected: Vec<bool> = (0..docs.len()).map(|k| k == 0 || k == 2).collect();
    assert_eq!(shown, expected);
    let left: HtmlSelectElement = one(&root, "#phone-left").dyn_into().expect("a menu");
    assert_eq!(left.value(), "2");
}
