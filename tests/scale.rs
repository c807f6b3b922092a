//! The Library on a generated corpus larger than the built-in one (more than a page of documents, dozens
//! of outlets), in real headless Chromium: the long outlet facet, "Show more", and the URL written after
//! the frame that shows a click.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use parallax::Corpus;
use parallax::pages::library::{OUTLET_ROWS, YEAR_ROWS};
use parallax_core::bundle::Bundle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement, InputEvent};
use yew_router::history::{AnyHistory, History, MemoryHistory};

mod common;

use common::{render_corpus, settle, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Documents generated and processed as `parallax bundle` processes a folder.
const DOCS: usize = 45;

fn generated() -> Rc<Corpus> {
    let documents = parallax_synth::generate(DOCS, 7)
        .into_iter()
        .map(|page| parallax_core::process(&page.name, page.text.as_bytes()))
        .collect();
    Rc::new(Corpus::new(Bundle::new(documents)))
}

async fn mount(corpus: &Rc<Corpus>, pairs: &[(&str, &str)]) -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    if pairs.is_empty() {
        history.push("/");
    } else {
        history.push_with_query("/", pairs).expect("a query");
    }
    render_corpus(history, Some(corpus.clone())).await
}

fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn outlet_rows(root: &Element) -> Vec<String> {
    texts(root, "fieldset[data-facet='outlet'] .facet-label")
}

/// Every outlet of the corpus, most documents first, then by name (the facet's order).
fn outlets_by_count(corpus: &Corpus) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for d in corpus.documents() {
        let name = d.meta.outlet.as_ref().map_or("Unknown outlet".to_owned(), |o| o.value.clone());
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}

async fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = InputEvent::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatch");
    settle().await;
}

#[wasm_bindgen_test]
async fn many_outlets_list_the_largest_a_find_box_and_all_on_request() {
    let corpus = generated();
    let expected = outlets_by_count(&corpus);
    assert!(expected.len() > OUTLET_ROWS + 5, "the generated corpus has {} outlets", expected.len());
    let (root, history) = mount(&corpus, &[]).await;

    // The largest outlets first, as many as the facet lists before it is asked for more.
    let first: Vec<String> = expected.iter().take(OUTLET_ROWS).map(|(n, _)| n.clone()).collect();
    assert_eq!(outlet_rows(&root), first);
    let counts = texts(&root, "fieldset[data-facet='outlet'] .facet-count");
    let want: Vec<String> = expected.iter().take(OUTLET_ROWS).map(|(_, c)| c.to_string()).collect();
    assert_eq!(counts, want);

    // An outlet further down the list is found by typing part of its name.
    let (far, _) = expected.last().expect("an outlet").clone();
    let find: HtmlInputElement = one(&root, "#outlet-find").unchecked_into();
    type_into(&find, &far.to_uppercase()).await;
    // The box typed in is the one still there (a redrawn list does not replace it, or typing would
    // lose its place).
    let again: HtmlInputElement = one(&root, "#outlet-find").unchecked_into();
    assert!(again.is_same_node(Some(&find)));
    let found = outlet_rows(&root);
    assert!(found.contains(&far), "{far} in {found:?}");
    assert!(found.iter().all(|n| n.to_lowercase().contains(&far.to_lowercase())), "{found:?}");
    type_into(&find, "").await;

    // "All N outlets" lists every one, and "Fewer outlets" goes back.
    let more = one(&root, "fieldset[data-facet='outlet'] + .facet-more");
    assert_eq!(more.text_content().unwrap_or_default(), format!("All {} outlets", expected.len()));
    more.click();
    settle().await;
    assert_eq!(outlet_rows(&root).len(), expected.len());
    one(&root, "fieldset[data-facet='outlet'] + .facet-more").click();
    settle().await;
    assert_eq!(outlet_rows(&root).len(), OUTLET_ROWS);

    // Choosing that far outlet keeps it listed and checked among the first ones, and the URL says so.
    let id = format!("facet-outlet-{far}");
    type_into(&find, &far).await;
    let boxes =
        root.query_selector_all("fieldset[data-facet='outlet'] input[type='checkbox']").expect("boxes");
    let box_far = (0..boxes.length())
        .filter_map(|i| boxes.item(i))
        .filter_map(|n| n.dyn_into::<HtmlInputElement>().ok())
        .find(|b| b.id() == id)
        .expect("the far outlet's box");
    box_far.click();
    settle().await;
    type_into(&find, "").await;
    let rows = outlet_rows(&root);
    assert!(rows.contains(&far) && rows.len() == OUTLET_ROWS + 1, "{rows:?}");
    let query = history.location().query_str().to_owned();
    assert!(query.contains("outlet="), "{query}");
    let n = expected.iter().find(|(o, _)| *o == far).map(|(_, c)| *c).expect("count");
    let cards = texts(&root, ".doc-card .outlet");
    assert_eq!(cards.len(), n);
    assert!(cards.iter().all(|o| *o == far), "{cards:?}");
}

#[wasm_bindgen_test]
async fn a_long_list_draws_a_page_of_cards_and_show_more_draws_the_next() {
    let corpus = generated();
    let (root, _) = mount(&corpus, &[]).await;
    assert_eq!(texts(&root, ".library .count"), [format!("{DOCS} documents")]);
    let first = texts(&root, ".doc-card .doc-headline");
    assert_eq!(first.len(), 20);
    let more = one(&root, ".show-more");
    assert_eq!(more.text_content().unwrap_or_default(), format!("Show 20 more of {} not shown", DOCS - 20));
    more.click();
    settle().await;
    let second = texts(&root, ".doc-card .doc-headline");
    assert_eq!(second.len(), 40);
    assert_eq!(second[..20], first[..], "the first page stays as it was");
    one(&root, ".show-more").click();
    settle().await;
    assert_eq!(texts(&root, ".doc-card").len(), DOCS);
    assert!(root.query_selector(".show-more").expect("a valid selector").is_none());
    // In date order, oldest first, as the unsearched Library sorts.
    let dates = texts(&root, ".doc-card .date");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

fn checkbox_by_id(root: &Element, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("[id='{id}']"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no box {id}"))
        .unchecked_into()
}

/// The years the year facet lists before it is asked for all: the `YEAR_ROWS` with most documents (the
/// earlier of two with as many), in the order of years; and every year, in order.
fn busiest_years(corpus: &Corpus) -> (Vec<String>, Vec<String>) {
    let every: Vec<u32> = (0..DOCS as u32).collect();
    let years = corpus.facets().counts(&every, &parallax_core::search::Filter::default()).years;
    let mut ranked = years.clone();
    ranked.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
    ranked.truncate(YEAR_ROWS);
    let listed = years
        .iter()
        .filter(|y| ranked.iter().any(|r| r.value == y.value))
        .map(|y| y.label.to_string())
        .collect();
    (listed, years.iter().map(|y| y.label.to_string()).collect())
}

fn year_rows(root: &Element) -> Vec<String> {
    texts(root, "fieldset[data-facet='year'] .facet-label")
}

#[wasm_bindgen_test]
async fn many_years_list_the_busiest_in_order_and_all_on_request() {
    let corpus = generated();
    let (listed, every) = busiest_years(&corpus);
    assert!(every.len() > YEAR_ROWS + 3, "the generated corpus spans {} years", every.len());
    let (root, _) = mount(&corpus, &[]).await;
    assert_eq!(year_rows(&root), listed);
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "in the order of years");

    // "All N years" lists every one, in order, and "Fewer years" goes back.
    let more = one(&root, "fieldset[data-facet='year'] + .facet-more");
    assert_eq!(more.text_content().unwrap_or_default(), format!("All {} years", every.len()));
    assert_eq!(more.get_attribute("aria-expanded").as_deref(), Some("false"));
    more.click();
    settle().await;
    assert_eq!(year_rows(&root), every);
    let fewer = one(&root, "fieldset[data-facet='year'] + .facet-more");
    assert_eq!(fewer.text_content().unwrap_or_default(), "Fewer years");
    assert_eq!(fewer.get_attribute("aria-expanded").as_deref(), Some("true"));
    fewer.click();
    settle().await;
    assert_eq!(year_rows(&root), listed);
}

#[wasm_bindgen_test]
async fn a_year_chosen_by_a_link_is_listed_and_checked_among_the_busiest() {
    let corpus = generated();
    let (listed, every) = busiest_years(&corpus);
    let quiet = every.iter().find(|y| !listed.contains(y)).expect("a year not listed at first").clone();
    let (root, _) = mount(&corpus, &[("from", &quiet), ("to", &quiet)]).await;
    let rows = year_rows(&root);
    assert!(rows.contains(&quiet) && rows.len() == YEAR_ROWS + 1, "{quiet} in {rows:?}");
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "in the order of years");
    assert!(checkbox_by_id(&root, &format!("facet-year-{quiet}")).checked());
}

#[wasm_bindgen_test]
async fn a_year_and_an_event_narrow_the_list_and_a_second_click_lets_go() {
    let corpus = generated();
    let (root, history) = mount(&corpus, &[]).await;
    let years = texts(&root, "fieldset[data-facet='year'] .facet-label");
    assert!(years.len() > 3, "{years:?}");
    let year = years[years.len() / 2].clone();
    let count: usize = {
        let labels = texts(&root, "fieldset[data-facet='year'] .facet-count");
        labels[years.len() / 2].parse().expect("a count")
    };

    // A year: only its documents, the year's box checked, the URL holding it as a range of one year. The
    // box clicked from the keyboard keeps the focus, on the same year (the rows are rewritten in place).
    let year_box = checkbox_by_id(&root, &format!("facet-year-{year}"));
    year_box.focus().expect("focus");
    year_box.click();
    settle().await;
    assert!(checkbox_by_id(&root, &format!("facet-year-{year}")).checked());
    let focused = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    assert_eq!(focused.map(|e| e.id()), Some(format!("facet-year-{year}")));
    let dates = texts(&root, ".doc-card .date");
    assert_eq!(dates.len(), count.min(20));
    assert!(dates.iter().all(|d| d.starts_with(&year)), "{dates:?}");
    let query = history.location().query_str().to_owned();
    assert!(query.contains(&format!("from={year}")) && query.contains(&format!("to={year}")), "{query}");
    // The other years keep their counts (a facet does not narrow itself).
    assert_eq!(texts(&root, "fieldset[data-facet='year'] .facet-label"), years);

    // Again: every document.
    checkbox_by_id(&root, &format!("facet-year-{year}")).click();
    settle().await;
    assert_eq!(texts(&root, ".library .count"), [format!("{DOCS} documents")]);
    assert!(!history.location().query_str().contains("from="));

    // An event: the documents that report it, as the engine grouped them.
    let event = corpus.bundle.events.events.iter().max_by_key(|e| e.documents.len()).expect("an event");
    checkbox_by_id(&root, &format!("facet-event-{}", event.id)).click();
    settle().await;
    let ids: Vec<String> = {
        let list = root.query_selector_all(".doc-card").expect("cards");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter_map(|e| e.get_attribute("data-id"))
            .collect()
    };
    let mut want: Vec<String> =
        event.documents.iter().map(|&d| corpus.documents()[d as usize].id.clone()).collect();
    let mut got = ids.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}
