//! The app in real headless Chromium: mount it, let Yew render, read the DOM.
#![cfg(target_arch = "wasm32")]

use parallax::Corpus;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};

mod common;

use common::{render, settle, texts};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app at `path` in a fresh element and waits for it to render.
async fn mount(path: &str) -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    history.push(path);
    render(history).await
}

/// Mounts the app at the Library with a query string, as a copied link would open it.
async fn mount_query(pairs: &[(&str, &str)]) -> (Element, AnyHistory) {
    let history = AnyHistory::from(MemoryHistory::new());
    history.push_with_query("/", pairs).expect("a query");
    render(history).await
}

#[wasm_bindgen_test]
async fn library_lists_every_document_with_its_headline_and_outlet() {
    let corpus = Corpus::embedded();
    assert_eq!(corpus.error, None);
    assert_eq!(corpus.documents().len(), 5);

    let (root, _) = mount("/").await;
    let headlines = texts(&root, ".doc-card .doc-headline");
    // With no query, the newest last (by publication date).
    let mut by_date: Vec<&parallax_core::Document> = corpus.documents().iter().collect();
    by_date.sort_by_key(|d| d.meta.published.as_ref().map(|p| p.value.clone()));
    let expected: Vec<String> =
        by_date.iter().map(|d| d.meta.headline.as_ref().expect("a headline").value.clone()).collect();
    assert_eq!(headlines, expected);
    assert!(headlines.contains(&"Putin wants dialogue with US intel agencies".to_owned()));
    let outlets = texts(&root, ".doc-card .outlet");
    assert!(outlets.contains(&"Reuters".to_owned()), "{outlets:?}");
    assert!(outlets.contains(&"The Straits Times".to_owned()), "{outlets:?}");
    assert_eq!(texts(&root, ".library .count"), ["5 documents"]);
}

#[wasm_bindgen_test]
async fn clicking_a_card_opens_the_reader_and_changes_the_url() {
    let (root, history) = mount("/").await;
    let link: HtmlElement = root
        .query_selector(".doc-card[data-id='001_cfa350853c3acd34'] a.doc-link")
        .expect("a valid selector")
        .expect("the card's link")
        .dyn_into()
        .expect("an HTML element");
    link.click();
    settle().await;
    assert_eq!(history.location().path(), "/doc/001_cfa350853c3acd34");
    assert_eq!(
        texts(&root, ".reader h1.headline"),
        ["Boston bombings: a chance for U.S.-Russia cooperation"]
    );
    let body = texts(&root, ".reader p.body");
    assert!(body.len() > 10, "{} body paragraphs", body.len());
    assert!(body[0].starts_with("MOSCOW (Reuters)"), "{}", body[0]);
    // Page furniture is not in the article text, but it is kept and shown apart, with reasons.
    assert!(!body.iter().any(|p| p.contains("narrow-browser-and-phone")));
    let removed = texts(&root, ".removed li");
    assert!(removed.iter().any(|r| r.contains("narrow-browser-and-phone")), "{removed:?}");
}

#[wasm_bindgen_test]
async fn reader_shows_metadata_with_its_evidence() {
    let (root, _) = mount("/doc/004_ae0952dab8ca1e97").await;
    let outlet = texts(&root, ".facts dd.outlet");
    assert_eq!(outlet, ["The Straits Times (from the print-edition line)"]);
    assert_eq!(texts(&root, ".facts dd.source"), ["004_ae0952dab8ca1e97.txt"]);
    assert!(!texts(&root, ".reader figure.caption").is_empty());
}

#[wasm_bindgen_test]
async fn a_stale_document_link_says_so_and_offers_a_way_back() {
    let (root, _) = mount("/doc/no-such-document").await;
    let message = texts(&root, ".not-found p");
    assert!(message[0].contains("no-such-document"), "{message:?}");
    assert_eq!(texts(&root, ".not-found a"), ["Back to the Library"]);
}

#[wasm_bindgen_test]
async fn an_unknown_route_is_not_a_blank_page() {
    let (root, _) = mount("/this/is/not/a/view").await;
    assert_eq!(texts(&root, ".not-found h1"), ["Nothing here"]);
}

#[wasm_bindgen_test]
async fn a_manifest_override_is_labelled_as_such() {
    let (root, _) = mount("/doc/003_c56cdf79381bd2d4").await;
    let date = texts(&root, ".facts dd.date");
    assert_eq!(date, ["2017-12-18set in the corpus manifest"]);
    assert_eq!(texts(&root, ".facts dd.date .override"), ["set in the corpus manifest"]);
    // The outlet was read from the page, so it is not labelled.
    assert!(texts(&root, ".facts dd.outlet .override").is_empty());
}

#[wasm_bindgen_test]
async fn the_reader_shows_byline_standfirst_and_dateline() {
    let (root, _) = mount("/doc/000_52189a89d9381af0").await;
    assert_eq!(texts(&root, ".facts dd.byline"), ["James Brooke"]);
    let (root, _) = mount("/doc/004_ae0952dab8ca1e97").await;
    let standfirst = texts(&root, ".reader .standfirst");
    assert_eq!(standfirst.len(), 1);
    assert!(standfirst[0].starts_with("His call for joint anti-terror efforts"), "{standfirst:?}");
    assert_eq!(texts(&root, ".facts dd.dateline"), ["Moscow (from the dateline)"]);
}

#[wasm_bindgen_test]
async fn reader_comments_are_threaded_and_apart_from_the_article() {
    let (root, _) = mount("/doc/000_52189a89d9381af0").await;
    assert_eq!(texts(&root, ".comments h2"), ["Reader comments (4)"]);
    // Three comments on the article, one reply nested under the comment it answers.
    assert_eq!(texts(&root, ".comments > .thread > .comment > details > summary .author").len(), 3);
    let replies = texts(&root, ".comment .thread .comment .author");
    assert_eq!(replies, ["Nirivichara"]);
    let times: Vec<String> = texts(&root, ".comments time.posted");
    assert!(times.contains(&"2013-04-26 07:44".to_owned()), "{times:?}");
    // No comment text in the article body.
    let body = texts(&root, ".article-text p.body");
    assert!(!body.iter().any(|p| p.contains("Childish nonsense")), "{body:?}");
}

#[wasm_bindgen_test]
async fn captions_show_their_photo_credit_apart() {
    let (root, _) = mount("/doc/004_ae0952dab8ca1e97").await;
    assert_eq!(texts(&root, ".reader figure.caption .photo-credit"), ["AFP"]);
    let caption = texts(&root, ".reader figure.caption figcaption");
    assert!(caption[0].ends_with("on Feb 16, 2017."), "{caption:?}");
}

#[wasm_bindgen_test]
async fn library_cards_show_bylines_and_comment_counts() {
    let (root, _) = mount("/").await;
    let counts = texts(&root, ".doc-card .comment-count");
    assert_eq!(counts, ["4 reader comments", "31 reader comments"], "only the pages with comments say so");
    assert_eq!(texts(&root, ".doc-card .doc-byline"), ["By James Brooke"]);
}

#[wasm_bindgen_test]
async fn the_reader_highlights_entities_by_type_and_the_legend_turns_a_type_off() {
    let (root, _) = mount("/doc/001_cfa350853c3acd34").await;
    let people = texts(&root, ".article-text mark.entity.person");
    assert!(people.iter().any(|p| p == "Vladimir Putin"), "{people:?}");
    assert!(texts(&root, ".article-text mark.entity.place").iter().any(|p| p == "U.S."));
    // A mention carries its corpus entity; focusing it opens its card, right after it.
    let mark: HtmlElement = root
        .query_selector(".article-text mark.entity.person[data-entity='person:vladimir-putin']")
        .expect("a valid selector")
        .expect("a mention of the person")
        .dyn_into()
        .expect("an HTML element");
    assert!(root.query_selector(".entity-card").expect("a valid selector").is_none(), "no card before focus");
    mark.focus().expect("focus the mention");
    settle().await;
    let card = texts(&root, ".entity-card");
    assert_eq!(card.len(), 1, "{card:?}");
    assert_eq!(texts(&root, ".entity-card .card-name"), ["Vladimir Putin"]);
    assert_eq!(texts(&root, ".entity-card .card-type"), ["Person"]);
    assert!(card[0].contains("Also Putin"), "{card:?}");
    assert!(card[0].contains("Russian President"), "the roles: {card:?}");
    assert!(card[0].contains("of 5 documents"), "{card:?}");
    assert_eq!(texts(&root, ".entity-card a.card-library").len(), 1, "a link to the Library filtered on it");
    assert_eq!(texts(&root, ".entity-card a.card-pick").len(), 1, "a link to pick it out");
    assert_eq!(
        texts(&root, ".entity-card a.card-compare"),
        ["Compare outlets on it"],
        "named in 5 documents"
    );
    let events = texts(&root, ".entity-card a.card-compare-event");
    assert!((1..=3).contains(&events.len()), "one to three events to compare: {events:?}");
    assert!(events.iter().all(|e| e.starts_with("Compare: ")), "{events:?}");
    // Escape closes it.
    let escape = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .expect("a key event");
    mark.dispatch_event(&escape).expect("dispatch Escape");
    settle().await;
    assert!(texts(&root, ".entity-card").is_empty(), "Escape closes the card");
    // Quotes are marked with their speaker.
    let speakers: Vec<String> = (0..)
        .map_while(|i| root.query_selector_all(".article-text .quote").ok()?.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-speaker"))
        .collect();
    assert!(speakers.iter().any(|s| s == "Matthew Rojansky"), "{speakers:?}");
    // Turning people off.
    let button: HtmlElement = root
        .query_selector(".entity-legend button.person")
        .expect("a valid selector")
        .expect("the people toggle")
        .dyn_into()
        .expect("an HTML element");
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    let text = root.query_selector(".article-text").expect("a valid selector").expect("the article");
    let classes = text.get_attribute("class").unwrap_or_default();
    assert!(classes.split_whitespace().any(|c| c == "hide-person"), "{classes}");
}

#[wasm_bindgen_test]
async fn the_reader_keeps_hidden_types_and_a_picked_entity_in_its_url() {
    let history = AnyHistory::from(MemoryHistory::new());
    history
        .push_with_query(
            "/doc/001_cfa350853c3acd34",
            [("hide", "place"), ("entity", "person:vladimir-putin")],
        )
        .expect("a query");
    let (root, history) = render(history).await;
    let text = root.query_selector(".article-text").expect("a valid selector").expect("the article");
    let classes = text.get_attribute("class").unwrap_or_default();
    assert!(classes.split_whitespace().any(|c| c == "hide-place"), "{classes}");
    let place: HtmlElement = root
        .query_selector(".entity-legend button.place")
        .expect("a valid selector")
        .expect("the places toggle")
        .dyn_into()
        .expect("an HTML element");
    assert_eq!(place.get_attribute("aria-pressed").as_deref(), Some("false"));
    let picked = texts(&root, ".article-text mark.entity.picked");
    assert!(!picked.is_empty() && picked.iter().all(|p| p.contains("Putin")), "{picked:?}");
    // Turning places back on keeps the picked entity, and the URL says so.
    place.click();
    settle().await;
    let query = history.location().query_str().to_owned();
    assert!(!query.contains("hide"), "{query}");
    assert!(query.contains("entity=person%3Avladimir-putin"), "{query}");
    // The card's link picks out another entity in place of this one.
    let other: HtmlElement = root
        .query_selector(".article-text mark.entity.place")
        .expect("a valid selector")
        .expect("a place")
        .dyn_into()
        .expect("an HTML element");
    other.focus().expect("focus");
    settle().await;
    let pick: HtmlElement = root
        .query_selector(".entity-card a.card-pick")
        .expect("a valid selector")
        .expect("the pick link")
        .dyn_into()
        .expect("an HTML element");
    pick.click();
    settle().await;
    let query = history.location().query_str().to_owned();
    assert!(query.contains("entity=place"), "{query}");
    assert!(texts(&root, ".article-text mark.entity.picked").iter().all(|p| !p.contains("Putin")));
}

#[wasm_bindgen_test]
async fn a_malformed_reader_link_says_what_it_cannot_show_and_still_shows_the_document() {
    let history = AnyHistory::from(MemoryHistory::new());
    history
        .push_with_query("/doc/001_cfa350853c3acd34", [("hide", "bogus"), ("entity", "person:nobody-at-all")])
        .expect("a query");
    let (root, _) = render(history).await;
    let notice = texts(&root, ".reader .banner.notice li");
    assert_eq!(notice.len(), 2, "{notice:?}");
    assert!(notice[0].contains("bogus") && notice[1].contains("person:nobody-at-all"), "{notice:?}");
    assert!(!texts(&root, ".reader p.body").is_empty(), "the document is still shown");
    assert!(texts(&root, ".article-text mark.entity.picked").is_empty());
}

#[wasm_bindgen_test]
async fn captions_are_highlighted_and_keep_their_credit_apart() {
    let (root, _) = mount("/doc/001_cfa350853c3acd34").await;
    let in_caption = texts(&root, ".article-text figure.caption figcaption mark.entity");
    assert!(in_caption.iter().any(|t| t == "Vladimir Putin"), "{in_caption:?}");
    let credits = texts(&root, ".article-text figure.caption .photo-credit");
    assert!(credits.iter().all(|c| !c.is_empty()), "{credits:?}");
    assert!(texts(&root, ".article-text figure.caption .photo-credit mark").is_empty());
}

fn search_box(root: &Element) -> web_sys::HtmlInputElement {
    root.query_selector("#search-input")
        .expect("a valid selector")
        .expect("the search box")
        .dyn_into()
        .expect("an input")
}

/// Types into the search box as a user would (value, then an input event).
async fn type_query(root: &Element, text: &str) {
    let input = search_box(root);
    input.set_value(text);
    let event = InputEvent::new("input").expect("an input event");
    input.dispatch_event(&event).expect("dispatch");
    settle().await;
}

fn checkbox(root: &Element, id: &str) -> HtmlElement {
    root.query_selector(&format!("[id='{id}']"))
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element {id}"))
        .dyn_into()
        .expect("an HTML element")
}

#[wasm_bindgen_test]
async fn the_search_box_narrows_the_library_marks_the_matches_and_is_in_the_url() {
    let (root, history) = mount("/").await;
    type_query(&root, "\"intelligence agencies\"").await;
    let cards = texts(&root, ".doc-card .doc-headline");
    assert!(!cards.is_empty() && cards.len() < 5, "{cards:?}");
    let marks = texts(&root, ".snippet mark");
    assert!(!marks.is_empty(), "no highlighted match");
    assert!(marks.iter().all(|m| m.to_lowercase().starts_with("intelligence")), "{marks:?}");
    assert_eq!(history.location().query_str(), "?q=%22intelligence+agencies%22");
    assert!(texts(&root, ".library .count")[0].ends_with("of 5 documents"));
    // A word no document has: a clear message, not an empty page.
    type_query(&root, "zeppelinfahrt").await;
    assert!(texts(&root, ".doc-card").is_empty());
    assert_eq!(texts(&root, ".no-results").len(), 1);
}

#[wasm_bindgen_test]
async fn an_outlet_facet_filters_and_keeps_the_other_outlets_counts() {
    let (root, history) = mount("/").await;
    let before = texts(&root, "[data-facet='outlet'] .facet-row");
    assert_eq!(before.len(), 5, "{before:?}");
    checkbox(&root, "facet-outlet-Reuters").click();
    settle().await;
    assert_eq!(texts(&root, ".doc-card .outlet"), ["Reuters"]);
    assert_eq!(history.location().query_str(), "?outlet=Reuters");
    // The outlet facet still offers every outlet with its count: choosing one does not hide the others.
    assert_eq!(texts(&root, "[data-facet='outlet'] .facet-row"), before);
    // Another facet narrows with it: entity types now count the Reuters story only.
    let types = texts(&root, "[data-facet='type'] .facet-count");
    assert!(types.iter().all(|c| c == "1"), "{types:?}");
    // Unticking it restores the whole library (Back and Forward are tested end to end, in the browser's
    // own history: the in-memory one used here does not tell the router when it moves).
    checkbox(&root, "facet-outlet-Reuters").click();
    settle().await;
    assert_eq!(history.location().query_str(), "");
    assert_eq!(texts(&root, ".doc-card").len(), 5);
}

#[wasm_bindgen_test]
async fn a_copied_library_link_reproduces_the_view() {
    let (root, _) = mount_query(&[("q", "Boston"), ("part", "article"), ("sort", "date")]).await;
    assert_eq!(search_box(&root).value(), "Boston");
    let cards = texts(&root, ".doc-card .doc-headline");
    assert!(!cards.is_empty() && cards.len() < 5, "{cards:?}");
    assert!(texts(&root, ".snippet-part").is_empty(), "comments are not searched");
    // A malformed or stale query narrows to nothing and says so; the page is not blank.
    let (root, _) = mount_query(&[("entity", "no-such-entity")]).await;
    assert!(texts(&root, ".doc-card").is_empty());
    assert_eq!(texts(&root, ".no-results").len(), 1);
    assert_eq!(texts(&root, ".results-bar .clear").len(), 1);
}

#[wasm_bindgen_test]
async fn an_entity_the_reader_names_opens_the_library_filtered_on_it() {
    let (root, history) = mount("/doc/001_cfa350853c3acd34").await;
    let names = texts(&root, ".named .named-link");
    assert!(names.len() > 3, "{names:?}");
    let first: HtmlElement = root
        .query_selector(".named .named-link")
        .expect("a valid selector")
        .expect("a named entity")
        .dyn_into()
        .expect("an HTML element");
    let id = root
        .query_selector(".named .named-entity")
        .expect("a valid selector")
        .and_then(|e| e.get_attribute("data-entity"))
        .expect("an entity id");
    first.click();
    settle().await;
    assert_eq!(history.location().path(), "/");
    assert!(history.location().query_str().contains("entity="), "{}", history.location().query_str());
    // Every listed document mentions it, and the story it came from is among them.
    let cards: Vec<String> = {
        let list = root.query_selector_all(".doc-card").expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter_map(|e| e.get_attribute("data-id"))
            .collect()
    };
    assert!(cards.contains(&"001_cfa350853c3acd34".to_owned()), "{cards:?}");
    let corpus = Corpus::embedded();
    let entity = corpus.bundle.canonical.entities.iter().find(|e| e.id == id).expect("the entity");
    assert_eq!(cards.len(), entity.documents.len(), "{cards:?} vs {:?}", entity.documents);
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_panel_with_its_message_as_text_above_the_page() {
    let (root, _) = mount("/").await;
    parallax::panic::show("index out of bounds <img src=x onerror=alert(1)>");
    parallax::panic::show("the second message replaces the first");
    let document = gloo::utils::document();
    let panels = document.query_selector_all(".panic-panel").expect("a valid selector");
    assert_eq!(panels.length(), 1, "one panel, however many panics");
    let panel = document.get_element_by_id("panic-panel").expect("the panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap_or_default();
    assert!(text.contains("Parallax stopped because of an error"), "{text}");
    assert!(text.contains("the second message replaces the first"), "{text}");
    parallax::panic::show("<img src=x onerror=alert(1)>");
    let panel = document.get_element_by_id("panic-panel").expect("the panel");
    assert!(
        panel.query_selector("img").expect("a valid selector").is_none(),
        "the message is text, not markup"
    );
    assert!(panel.text_content().unwrap_or_default().contains("<img src=x"));
    // The page under it is still there.
    assert!(!texts(&root, ".doc-card").is_empty());
    panel.remove();
}

#[wasm_bindgen_test]
async fn a_stale_or_malformed_library_link_says_what_it_cannot_show() {
    let (root, _) = mount_query(&[
        ("outlet", "The Nowhere Times"),
        ("entity", "person:nobody-at-all"),
        ("sort", "sideways"),
        ("from", "last week"),
    ])
    .await;
    let notice = texts(&root, ".library .banner.notice li");
    assert_eq!(notice.len(), 4, "{notice:?}");
    assert!(notice.iter().any(|n| n.contains("The Nowhere Times")), "{notice:?}");
    assert!(notice.iter().any(|n| n.contains("person:nobody-at-all")), "{notice:?}");
    assert!(notice.iter().any(|n| n.contains("sideways")), "{notice:?}");
    assert!(notice.iter().any(|n| n.contains("last week")), "{notice:?}");
    assert_eq!(texts(&root, ".library .banner.notice a"), ["Show the whole library"]);
    // A link that is fine says nothing.
    let (root, _) = mount_query(&[("outlet", "Reuters"), ("sort", "date")]).await;
    assert!(texts(&root, ".library .banner.notice").is_empty());
}

#[wasm_bindgen_test]
async fn the_section_facet_counts_each_parts_matches_under_the_other_facets() {
    use parallax_core::search::{Part, parse};
    let corpus = Corpus::embedded();
    let docs = corpus.documents();
    let n = docs.len();
    let in_part = |q: &str, part: Part| -> Vec<u32> {
        let matches = corpus.index().matches(&parse(q));
        corpus.index().documents_in(n, &matches, part)
    };
    // A word of some reader comment that the article of its document does not have: searching the
    // articles, that document is a comments match only, counted apart from the results listed.
    let word = docs
        .iter()
        .flat_map(|d| {
            d.comments.iter().flat_map(|c| c.paragraphs.iter().map(|&(a, b)| &d.text[a as usize..b as usize]))
        })
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 5))
        .find(|w| in_part(w, Part::Comments).iter().any(|d| !in_part(w, Part::Article).contains(d)))
        .expect("a comments-only word")
        .to_lowercase();
    let comments = in_part(&word, Part::Comments);
    let article = in_part(&word, Part::Article);
    let outlet_of = |d: u32| docs[d as usize].meta.outlet.as_ref().map(|o| o.value.clone());
    let outlet = outlet_of(comments[0]).expect("an outlet");
    for (pairs, expected) in [
        (vec![("q", word.as_str()), ("part", "article")], [article.len(), comments.len()]),
        (
            vec![("q", word.as_str()), ("part", "article"), ("outlet", outlet.as_str())],
            [
                article.iter().filter(|&&d| outlet_of(d).as_deref() == Some(&outlet)).count(),
                comments.iter().filter(|&&d| outlet_of(d).as_deref() == Some(&outlet)).count(),
            ],
        ),
    ] {
        let (root, _) = mount_query(&pairs).await;
        let counts = texts(&root, "fieldset[data-facet='part'] .facet-count");
        assert_eq!(counts, expected.map(|c| c.to_string()), "{pairs:?}");
        assert_eq!(texts(&root, ".doc-card").len(), expected[0], "{pairs:?}");
    }
}

/// Work left for after the paint runs once the next animation frame has run, never before it: an idle
/// period asked for at once can come while the page waits for that frame (a search's address written
/// there delayed its answer's frame).
#[wasm_bindgen_test]
async fn work_left_for_after_the_paint_waits_for_the_next_frame() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    settle().await;
    for round in 0..5 {
        let order = Rc::new(RefCell::new(Vec::new()));
        let after = order.clone();
        parallax::browser::after_paint(move || after.borrow_mut().push("after the paint"));
        let frame = order.clone();
        let on_frame = Closure::once_into_js(move || frame.borrow_mut().push("frame"));
        web_sys::window()
            .expect("a window")
            .request_animation_frame(on_frame.unchecked_ref())
            .expect("a frame is asked for");
        for _ in 0..200 {
            if order.borrow().len() == 2 {
                break;
            }
            yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        assert_eq!(*order.borrow(), vec!["frame", "after the paint"], "round {round}");
    }
}
