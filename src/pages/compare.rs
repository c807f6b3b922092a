//! Compare: outlets side by side on one event or one entity.
//!
//! The URL is the state: `#/compare?event=ID` (or `entity=ID`) with `doc=ID` repeated for the columns
//! (every reporting outlet's fullest document when none is given), `scroll=free` to let each column
//! scroll on its own, `matrix=differences` to show only the rows where the documents differ,
//! `comments=1` for the readers' comments, `hl=ENTITY` for an entity picked out in every column, and
//! `left`/`right` (1-based) for the two columns a phone shows. `#/compare` alone lists the events to pick
//! from. Alignment, the omission matrix, framing and the exports are `parallax_core::compare`; this
//! component only draws them.

use parallax_core::Document;
use parallax_core::bundle::Bundle;
use parallax_core::compare::{self, Column, Comparison, Focus, MatrixRow, Row};
use parallax_core::events::EventOrigin;
use parallax_core::framing::{FramingSignals, Presence};
use parallax_core::language::{self, Speaker};
use parallax_core::site::Table;
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use super::{date_label, headline_label, outlet_label};
use crate::app::Route;
use crate::browser;
use crate::corpus::use_corpus;

/// Voices drawn in a column's chart; the rest are counted.
const CHART_VOICES: usize = 8;
/// Events listed when none is picked.
const LIST_EVENTS: usize = 60;
/// Outlets named beside an event in the list; the others are counted ("and 208 more"): at 100,000
/// documents an event is told by hundreds of outlets.
const LIST_OUTLETS: usize = 5;
/// Documents the picker lists (the chosen ones always are).
const PICK_ROWS: usize = 40;
/// Events the chooser above a comparison offers, in the list's order (the current one always): at
/// 100,000 documents a corpus has over 20,000 events, and a menu of them all took half a second to draw
/// and could not be read. The list of events filters them all.
const PICK_EVENTS: usize = 200;
/// Rows of passages drawn before "Show the other rows": a long comparison is drawn a few screens at a
/// time, as the Library draws its cards, so opening or switching an event on a large corpus stays quick.
/// A matrix mark whose passage is further down draws them all first.
pub const ROWS_SHOWN: usize = 24;
/// Reader comments shown per column before "all".
const COMMENTS_SHOWN: usize = 12;

/// Compare's state, as its URL carries it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareView {
    pub event: Option<String>,
    pub entity: Option<String>,
    /// The columns' documents, by id, in order.
    pub docs: Vec<String>,
    /// Columns scroll independently instead of as aligned rows.
    pub free: bool,
    /// The omission matrix shows only rows where the documents differ.
    pub differences: bool,
    pub comments: bool,
    /// A corpus entity picked out in every column.
    pub hl: Option<String>,
    /// The columns a phone shows (0-based here, 1-based in the URL).
    pub left: Option<usize>,
    pub right: Option<usize>,
}

impl CompareView {
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (k, v) in super::query_pairs(query) {
            match k.as_str() {
                "event" => view.event = Some(v),
                "entity" => view.entity = Some(v),
                "doc" => view.docs.push(v),
                "scroll" => view.free = v == "free",
                "matrix" => view.differences = v == "differences",
                "comments" => view.comments = v == "1",
                "hl" => view.hl = Some(v),
                "left" => view.left = v.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
                "right" => view.right = v.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
                _ => {}
            }
        }
        view
    }

    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut put = |k: &str, v: String| out.push((k.to_owned(), v));
        if let Some(e) = &self.event {
            put("event", e.clone());
        } else if let Some(e) = &self.entity {
            put("entity", e.clone());
        }
        for d in &self.docs {
            put("doc", d.clone());
        }
        if self.free {
            put("scroll", "free".to_owned());
        }
        if self.differences {
            put("matrix", "differences".to_owned());
        }
        if self.comments {
            put("comments", "1".to_owned());
        }
        if let Some(h) = &self.hl {
            put("hl", h.clone());
        }
        if let Some(l) = self.left {
            put("left", (l + 1).to_string());
        }
        if let Some(r) = self.right {
            put("right", (r + 1).to_string());
        }
        out
    }

    /// The address of this view, as the hash router writes it.
    pub fn href(&self) -> String {
        match serde_urlencoded::to_string(self.pairs()) {
            Ok(q) if !q.is_empty() => format!("#/compare?{q}"),
            _ => "#/compare".to_owned(),
        }
    }

    /// A comparison of an event, with the default columns.
    pub fn of_event(id: &str) -> Self {
        Self { event: Some(id.to_owned()), ..Self::default() }
    }

    /// A comparison of an entity, with the default columns.
    pub fn of_entity(id: &str) -> Self {
        Self { entity: Some(id.to_owned()), ..Self::default() }
    }
}

/// The columns a phone shows: the two asked for when they exist and differ, else the first two.
fn phone_pair(view: &CompareView, columns: usize) -> (usize, usize) {
    let valid = |c: Option<usize>| c.filter(|&c| c < columns);
    match (valid(view.left), valid(view.right)) {
        (Some(l), Some(r)) if l != r => (l, r),
        (Some(l), _) => (l, if l == 0 { 1 } else { 0 }),
        (None, Some(r)) => (if r == 0 { 1 } else { 0 }, r),
        _ => (0, 1),
    }
}

/// Compare, once what it compares is here: on a built site the entities and events tables first (they name
/// the events and entities), then, for an event, the event's part (its passages and framing), and the
/// documents of its columns, and only those. A link that names its documents fetches them beside the
/// part; otherwise the part says which documents to open with. The list of events to choose from waits
/// for the events table alone (what each event is, no passages); the entities table is asked for once it
/// is drawn, and comes while an event is chosen. The whole framing table (at 100,000 documents, 41 MB) is
/// never fetched here.
#[component]
pub fn Compare() -> Html {
    const TABLES: [Table; 2] = [Table::Canonical, Table::Events];
    let corpus = use_corpus();
    let location = use_location();
    if let Some(site) = &corpus.site {
        let view = CompareView::from_query(location.as_ref().map_or("", |l| l.query_str()));
        if view.event.is_none() && view.entity.is_none() && view.docs.is_empty() {
            if let Some(waiting) =
                super::waiting_for(&corpus, &[Table::Events], &[], "Loading the corpus's events…")
            {
                return waiting;
            }
            // The list is drawn: the entities come (read in turns) while an event is chosen.
            site.request_tables(&TABLES);
            return html! { <ComparePage /> };
        }
        if let Some(waiting) =
            super::waiting_for(&corpus, &TABLES, &[], "Loading the corpus's events and entities…")
        {
            return waiting;
        }
        let focus = Focus::find(&corpus.bundle, view.event.as_deref(), view.entity.as_deref());
        // The event's part is asked for first, and the documents a link names beside it.
        let part = match focus {
            Some(Focus::Event(e)) => site.event_part(e),
            _ => None,
        };
        let part_here = part.is_some() || !matches!(focus, Some(Focus::Event(_)));
        if !part_here && view.docs.is_empty() {
            return super::loading_note(site, "Loading the event's passages…");
        }
        let (_, mut documents, _) = columns(&corpus.bundle, &view, part.as_deref());
        // The columns drawn: the first few distinct ones (a link can name more).
        let mut seen = std::collections::HashSet::new();
        documents.retain(|&d| seen.insert(d));
        documents.truncate(compare::MAX_COLUMNS);
        let what = if part_here {
            format!("Loading the {} compared…", super::plural(documents.len(), "document", "documents"))
        } else {
            format!(
                "Loading how the {} compared told the event…",
                super::plural(documents.len(), "document", "documents")
            )
        };
        if let Some(waiting) = super::waiting_for(&corpus, &TABLES, &documents, &what) {
            return waiting;
        }
        if !part_here {
            return super::loading_note(site, &what);
        }
    }
    html! { <ComparePage /> }
}

/// The view's focus, the documents of its columns, and what in its link could not be followed. An event's
/// passages are read from its `part` when given (a built site's).
fn columns(
    bundle: &Bundle,
    view: &CompareView,
    part: Option<&parallax_core::framing::EventPart>,
) -> (Option<Focus>, Vec<u32>, Vec<String>) {
    let focus = Focus::find(bundle, view.event.as_deref(), view.entity.as_deref());
    let mut problems = Vec::new();
    match (&view.event, &view.entity, focus) {
        (Some(e), _, None) => problems.push(format!("No event “{e}” in this corpus.")),
        (None, Some(e), None) => problems.push(format!("No entity “{e}” in this corpus.")),
        _ => {}
    }
    let mut picked: Vec<u32> = Vec::new();
    for id in &view.docs {
        match bundle.documents.iter().position(|d| &d.id == id) {
            Some(d) => picked.push(u32::try_from(d).unwrap_or(u32::MAX)),
            None => problems.push(format!("No document “{id}” in this corpus; it was left out.")),
        }
    }
    if picked.len() > compare::MAX_COLUMNS {
        problems.push(format!(
            "At most {} documents side by side: the first {} are shown.",
            compare::MAX_COLUMNS,
            compare::MAX_COLUMNS
        ));
    }
    let documents = match focus {
        Some(f) if picked.is_empty() => compare::default_documents_with(bundle, f, part),
        _ => picked,
    };
    (focus, documents, problems)
}

#[component]
fn ComparePage() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    let view = CompareView::from_query(location.as_ref().map_or("", |l| l.query_str()));
    let bundle = corpus.bundle.clone();
    // On a built site an event's passages and framing are its part, here before this is drawn (`Compare`).
    let part = match (Focus::find(&bundle, view.event.as_deref(), view.entity.as_deref()), &corpus.site) {
        (Some(Focus::Event(e)), Some(site)) => site.event_part(e),
        _ => None,
    };
    let (focus, documents, problems) = columns(&bundle, &view, part.as_deref());
    let comparison = {
        let (bundle, part) = (bundle.clone(), part.clone());
        use_memo((focus, documents.clone(), part.is_some()), move |(focus, documents, _)| {
            focus.map(|f| compare::compare_with(&bundle, f, documents, part.as_deref()))
        })
    };
    // Every document with something about the focus, worked out once per focus: the header counts them
    // and the picker lists them.
    let candidates = {
        let bundle = bundle.clone();
        use_memo((focus, part.is_some()), move |(focus, _)| {
            focus.map(|f| compare::candidates_with(&bundle, f, part.as_deref())).unwrap_or_default()
        })
    };
    // The events the menu offers, in the list's order, worked out once per table of events (at 100,000
    // documents there are over 20,000 to sort).
    let several = {
        let bundle = bundle.clone();
        use_memo(std::sync::Arc::as_ptr(&corpus.bundle.events) as usize, move |_| {
            ordered_events(&bundle)
                .into_iter()
                .filter(|&i| bundle.events.events[i].documents.len() > 1)
                .collect::<Vec<_>>()
        })
    };
    let title = focus.map_or_else(|| "Compare".to_owned(), |f| format!("Compare: {}", f.label(&bundle)));
    use_effect_with(title, |title| set_title(title));
    let status = use_state(|| None::<String>);
    // Whether the list of documents to choose from is open: it is drawn only then (at 1,000 documents an
    // event has dozens of candidates, and the defaults are usually what is wanted).
    let choosing = use_state(|| false);
    // The comparison (focus and documents) whose rows are all drawn, and a passage to open once they are.
    let all_rows = use_state(|| None::<String>);
    let opening = use_state(|| None::<String>);
    {
        let opening = opening.clone();
        use_effect_with((*opening).clone(), move |id| {
            if let Some(id) = id {
                open_passage(id);
                opening.set(None);
            }
        });
    }

    let go = {
        let navigator = navigator.clone();
        Callback::from(move |next: CompareView| {
            if let Some(nav) = &navigator {
                let pairs = next.pairs();
                let _ = if pairs.is_empty() {
                    nav.push(&Route::Compare);
                    Ok(())
                } else {
                    nav.push_with_query(&Route::Compare, &pairs)
                };
            }
        })
    };

    let Some(comparison) = comparison.as_ref().as_ref() else {
        return html! {
            <section class="compare" aria-labelledby="compare-title">
                <h1 id="compare-title">{ "Compare" }</h1>
                { banner(&problems) }
                <EventList />
            </section>
        };
    };
    let focus = comparison.focus;
    let n = comparison.columns.len();
    let (left, right) = phone_pair(&view, n);
    let on_phone = |k: usize| n <= 2 || k == left || k == right;

    let exports = {
        let bundle = bundle.clone();
        let status = status.clone();
        let comparison = comparison.clone();
        let slug = focus.id(&bundle).to_owned();
        Callback::from(move |kind: &'static str| {
            let link = browser::current_url();
            let result = match kind {
                "csv" => browser::download(
                    &format!("compare-{slug}.csv"),
                    "text/csv;charset=utf-8",
                    &compare::to_csv(&bundle, &comparison),
                ),
                _ => browser::download(
                    &format!("compare-{slug}.md"),
                    "text/markdown;charset=utf-8",
                    &compare::to_markdown(&bundle, &comparison, &link),
                ),
            };
            status.set(result.err());
        })
    };
    let copy_link = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            yew::platform::spawn_local(async move {
                let url = browser::current_url();
                status.set(Some(match browser::copy(&url).await {
                    Ok(()) => "Link copied.".to_owned(),
                    Err(e) => {
                        format!("The link could not be copied: {e}. Copy it from the address bar: {url}")
                    }
                }));
            });
        })
    };
    let toggle = |f: fn(&mut CompareView)| {
        let go = go.clone();
        let mut next = view.clone();
        f(&mut next);
        Callback::from(move |_: Event| go.emit(next.clone()))
    };
    // One listener for the whole view, not one per name and mark: a click or Enter on a highlighted name
    // picks the entity out (or drops it), a click on a matrix mark opens its passage.
    let pick = {
        let go = go.clone();
        let view = view.clone();
        move |id: String| {
            let mut next = view.clone();
            next.hl = if next.hl.as_deref() == Some(id.as_str()) { None } else { Some(id) };
            go.emit(next);
        }
    };
    let rows_key = format!("{}|{}", focus.id(&bundle), view.docs.join(","));
    let rows_limit = if all_rows.as_deref() == Some(rows_key.as_str()) { usize::MAX } else { ROWS_SHOWN };
    let onclick = {
        let pick = pick.clone();
        let all_rows = all_rows.clone();
        let opening = opening.clone();
        let rows_key = rows_key.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
            if let Some(id) = target
                .closest("mark[data-entity]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("data-entity"))
            {
                pick(id);
            } else if let Some(id) =
                target.closest("button[data-open]").ok().flatten().and_then(|b| b.get_attribute("data-open"))
                && !open_passage(&id)
            {
                // Further down than the rows drawn: draw them all, then open it.
                all_rows.set(Some(rows_key.clone()));
                opening.set(Some(id));
            }
        })
    };
    let show_all_rows = {
        let all_rows = all_rows.clone();
        let rows_key = rows_key.clone();
        Callback::from(move |_: MouseEvent| all_rows.set(Some(rows_key.clone())))
    };
    let hidden_rows = comparison.rows.len().saturating_sub(rows_limit);
    let most_passages = comparison.columns.iter().map(|c| c.passages.len()).max().unwrap_or(0);
    let hidden_free = most_passages.saturating_sub(rows_limit);
    let more = |hidden: usize, what: &str| {
        html! {
            if hidden > 0 {
                <button type="button" class="show-more more-rows" onclick={show_all_rows.clone()}>
                    { format!("Show the other {hidden} {what}") }
                </button>
            }
        }
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() != "Enter" && e.key() != " " {
            return;
        }
        let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
        if target.matches("mark[data-entity]").unwrap_or(false)
            && let Some(id) = target.get_attribute("data-entity")
        {
            e.prevent_default();
            pick(id);
        }
    });
    let outlets: Vec<String> =
        comparison.columns.iter().map(|c| outlet_label(&bundle.documents[c.document as usize])).collect();
    let ctx = Draw { bundle: &bundle, comparison, hl: view.hl.as_deref(), outlets: &outlets };

    html! {
        <section class="compare" aria-labelledby="compare-title" {onclick} {onkeydown}>
            <header class="compare-head">
                <p class="kicker">{ match focus { Focus::Event(_) => "Compare outlets on an event", Focus::Entity(_) => "Compare outlets on an entity" } }</p>
                <h1 id="compare-title">{ focus.label(&bundle) }</h1>
                <p class="compare-about">{ about(&bundle, focus, comparison, &candidates) }</p>
            </header>
            { banner(&problems) }
            { picker(&bundle, focus, &view, comparison, Choices { candidates: &candidates, events: &several }, &go, &choosing) }
            <div class="compare-tools" role="group" aria-label="Comparison tools">
                <label class="switch">
                    <input type="checkbox" id="compare-linked" checked={!view.free} onchange={toggle(|v| v.free = !v.free)} />
                    { " Scroll columns together, passages lined up" }
                </label>
                <label class="switch">
                    <input type="checkbox" id="compare-comments" checked={view.comments} onchange={toggle(|v| v.comments = !v.comments)} />
                    { " Reader comments" }
                </label>
                <button type="button" class="export-csv" onclick={{ let e = exports.clone(); Callback::from(move |_: MouseEvent| e.emit("csv")) }}>{ "Download CSV" }</button>
                <button type="button" class="export-md" onclick={{ let e = exports.clone(); Callback::from(move |_: MouseEvent| e.emit("md")) }}>{ "Download Markdown" }</button>
                <button type="button" class="copy-link" onclick={copy_link}>{ "Copy link" }</button>
                if let Some(s) = &*status {
                    <p class="tool-status" role="status">{ s }</p>
                }
                <p class="hint">{ "Click a highlighted name, or press Enter on it, to pick it out in every column." }</p>
            </div>
            if n > 2 {
                { phone_tabs(&bundle, comparison, &view, left, right, &go) }
            }
            if n == 0 {
                <p class="no-results">{ "No document to compare: pick documents above." }</p>
            } else if view.free {
                <div class={classes!("compare-free", format!("cols-{n}"))} data-columns={n.to_string()}>
                    { for comparison.columns.iter().enumerate().map(|(k, c)| html! {
                        <div class={classes!("free-column", (!on_phone(k)).then_some("off-phone"))} tabindex="0"
                            aria-label={format!("{} passages", outlet_label(&bundle.documents[c.document as usize]))}>
                            { column_head(&bundle, c) }
                            { for (0..c.passages.len().min(rows_limit)).map(|x| ctx.passage(k, x)) }
                        </div>
                    }) }
                </div>
                { more(hidden_free, "passages of the longest column") }
            } else {
                <div class={classes!("compare-grid", format!("cols-{n}"))} data-columns={n.to_string()} role="table"
                    aria-label="Passages side by side, one column per document">
                    <div class="grid-row grid-head" role="row">
                        { for comparison.columns.iter().enumerate().map(|(k, c)| html! {
                            <div class={classes!("grid-cell", format!("col-{k}"), "head-cell", (!on_phone(k)).then_some("off-phone"))} role="columnheader">
                                { column_head(&bundle, c) }
                            </div>
                        }) }
                    </div>
                    { for comparison.rows.iter().take(rows_limit).enumerate().map(|(i, row)| ctx.row(i, row, &on_phone)) }
                </div>
                { more(hidden_rows, if hidden_rows == 1 { "row" } else { "rows" }) }
            }
            <section class="framing-panels" aria-labelledby="framing-title">
                <h2 id="framing-title">{ "How each document frames it" }</h2>
                <div class={classes!("panel-row", format!("cols-{n}"))}>
                    { for comparison.columns.iter().enumerate().map(|(k, c)| html! {
                        <div class={classes!("framing-panel", (!on_phone(k)).then_some("off-phone"))}>
                            { framing_panel(&bundle, c) }
                        </div>
                    }) }
                </div>
            </section>
            { ctx.matrix(&view, &go, &on_phone) }
            if view.comments {
                { comments_panel(&bundle, comparison, &on_phone) }
            }
        </section>
    }
}

fn banner(problems: &[String]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="banner notice" role="status">
            <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            <Link<Route> to={Route::Compare}>{ "Pick an event to compare" }</Link<Route>>
        </div>
    }
}

/// One line on what is compared.
fn about(bundle: &Bundle, focus: Focus, c: &Comparison, all: &[compare::Candidate]) -> String {
    let reporting = all.iter().filter(|x| x.reports).count();
    let outlets: std::collections::BTreeSet<String> = all
        .iter()
        .filter(|x| x.reports)
        .filter_map(|x| bundle.documents.get(x.document as usize))
        .map(outlet_label)
        .collect();
    let mut out = match focus {
        Focus::Event(e) => {
            let date = bundle.events.events.get(e as usize).and_then(|e| e.date.clone());
            let dated = date.map(|d| format!("{d}. ")).unwrap_or_default();
            format!(
                "{dated}Reported by {reporting} document{} from {} outlet{}",
                if reporting == 1 { "" } else { "s" },
                outlets.len(),
                if outlets.len() == 1 { "" } else { "s" }
            )
        }
        Focus::Entity(_) => format!(
            "Named in the articles of {reporting} document{} from {} outlet{}",
            if reporting == 1 { "" } else { "s" },
            outlets.len(),
            if outlets.len() == 1 { "" } else { "s" }
        ),
    };
    out.push_str(&format!("; {} side by side.", c.columns.len()));
    if reporting < 2 {
        out.push_str(" No other outlet reports it: add a document that mentions it to compare.");
    }
    out
}

/// The events in the order they are listed: those reported by several documents first (not only by one
/// document's lead), then by how many documents report them, then in the corpus's order.
fn ordered_events(bundle: &Bundle) -> Vec<usize> {
    let events = &bundle.events.events;
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let shared = |e: &parallax_core::events::Event| e.origin != EventOrigin::Lead;
        let (ea, eb) = (&events[a], &events[b]);
        shared(eb).cmp(&shared(ea)).then(eb.documents.len().cmp(&ea.documents.len())).then(a.cmp(&b))
    });
    order
}

/// Whether an event's name, date or id holds every word of `filter` (lowercase), case aside.
fn event_matches(e: &parallax_core::events::Event, words: &[String]) -> bool {
    let text = format!("{} {} {}", e.label, e.date.as_deref().unwrap_or(""), e.id).to_lowercase();
    words.iter().all(|w| text.contains(w.as_str()))
}

/// The events to pick from, the first [`LIST_EVENTS`] in [`ordered_events`]'s order; when there are more, a
/// filter by name or date over all of them (a corpus of 100,000 documents has over 20,000).
#[component]
fn EventList() -> Html {
    let corpus = use_corpus();
    let filter = use_state(String::new);
    let bundle = corpus.bundle.clone();
    let order = {
        let bundle = bundle.clone();
        use_memo(std::sync::Arc::as_ptr(&corpus.bundle.events) as usize, move |_| ordered_events(&bundle))
    };
    if order.is_empty() {
        return html! { <p class="no-results">{ "This corpus has no event to compare." }</p> };
    }
    let words: Vec<String> = filter.to_lowercase().split_whitespace().map(str::to_owned).collect();
    let matching: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| words.is_empty() || event_matches(&bundle.events.events[i], &words))
        .collect();
    let shown: Vec<usize> = matching.iter().copied().take(LIST_EVENTS).collect();
    let on_input = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let count = match (words.is_empty(), matching.len()) {
        (true, n) if n > shown.len() => {
            format!("The {} most reported of {n} events; filter to find the others.", shown.len())
        }
        (true, n) => super::plural(n, "event", "events"),
        (false, 0) => "No event matches.".to_owned(),
        (false, n) if n > shown.len() => {
            format!("{n} events match; the {} most reported are listed.", shown.len())
        }
        (false, n) => format!("{} match.", super::plural(n, "event", "events")),
    };
    html! {
        <>
            <p class="note">{ "Pick an event to see its documents side by side: who each lets speak, what it stresses, hedges and leaves out. An entity can be compared from its card in the Reader or from the Entities view." }</p>
            // A corpus whose events all fit in the list has no filter to offer.
            if order.len() > LIST_EVENTS {
                <div class="event-filter">
                    <label for="event-filter">{ "Filter events " }</label>
                    <input type="search" id="event-filter" placeholder="name or date" value={(*filter).clone()} oninput={on_input} />
                    <p class="event-count" role="status" aria-live="polite">{ count }</p>
                </div>
            }
            <ol class="event-list">
                { for shown.iter().map(|&i| { let e = &bundle.events.events[i];
                    let outlets: std::collections::BTreeSet<String> =
                        e.documents.iter().filter_map(|&d| bundle.documents.get(d as usize)).map(outlet_label).collect();
                    let named = outlets.iter().take(LIST_OUTLETS).cloned().collect::<Vec<_>>().join(", ");
                    let outlets = match outlets.len() {
                        n if n > LIST_OUTLETS => format!("{n} outlets: {named} and {} more", n - LIST_OUTLETS),
                        _ => named,
                    };
                    html! {
                        <li>
                            <a href={CompareView::of_event(&e.id).href()} class="event-link" data-event={e.id.clone()}>{ &e.label }</a>
                            <span class="event-meta">
                                { format!(" {} · {} · {outlets}", e.date.as_deref().unwrap_or("date unknown"),
                                    super::plural(e.documents.len(), "document", "documents")) }
                            </span>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

/// What the picker offers: the documents with something on the focus, and the events reported by several
/// documents, in the list's order.
struct Choices<'a> {
    candidates: &'a [compare::Candidate],
    events: &'a [usize],
}

/// The event chooser and the documents' checkboxes.
fn picker(
    bundle: &Bundle,
    focus: Focus,
    view: &CompareView,
    c: &Comparison,
    Choices { candidates, events: several }: Choices<'_>,
    go: &Callback<CompareView>,
    choosing: &UseStateHandle<bool>,
) -> Html {
    let chosen: Vec<u32> = c.columns.iter().map(|c| c.document).collect();
    let on_toggle = {
        let choosing = choosing.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            choosing.set(details.has_attribute("open"));
        })
    };
    let on_event = {
        let go = go.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            go.emit(CompareView::of_event(&select.value()));
        })
    };
    // The documents with most to say, and every chosen one.
    let listed: Vec<&compare::Candidate> = candidates
        .iter()
        .enumerate()
        .filter(|(i, cand)| *i < PICK_ROWS || chosen.contains(&cand.document))
        .map(|(_, cand)| cand)
        .collect();
    let current = match focus {
        Focus::Event(e) => Some(e as usize),
        Focus::Entity(_) => None,
    };
    let mut offered: Vec<usize> = several.iter().copied().take(PICK_EVENTS).collect();
    if let Some(c) = current.filter(|c| !offered.contains(c)) {
        offered.push(c);
    }
    html! {
        <div class="compare-picker">
            <div class="pick-event">
                <label for="compare-event">{ "Event " }</label>
                <select id="compare-event" onchange={on_event}>
                    if current.is_none() {
                        <option value="" selected=true>{ "— pick an event —" }</option>
                    }
                    { for offered.iter().map(|&i| (i, &bundle.events.events[i])).map(|(i, e)| html! {
                        <option value={e.id.clone()} selected={Some(i) == current}>
                            { format!("{} ({})", e.label, e.date.as_deref().unwrap_or("date unknown")) }
                        </option>
                    }) }
                </select>
                if several.len() > PICK_EVENTS {
                    <span class="pick-hint">
                        { format!(" The {PICK_EVENTS} most reported of {} events; ", several.len()) }
                        <Link<Route> to={Route::Compare}>{ "filter them all" }</Link<Route>>
                    </span>
                }
            </div>
            <details class="pick-docs" open={**choosing} ontoggle={on_toggle}>
                <summary>
                    { format!("Documents: {} side by side, of {} with something on it", chosen.len(), candidates.len()) }
                    <span class="pick-hint">{ format!(" · choose up to {}", compare::MAX_COLUMNS) }</span>
                </summary>
                if **choosing {
                <fieldset>
                <legend class="visually-hidden">{ "Documents to compare; the first checked is the reference on a phone" }</legend>
                { for listed.iter().map(|cand| {
                    let doc = &bundle.documents[cand.document as usize];
                    let on = chosen.contains(&cand.document);
                    let full = chosen.len() >= compare::MAX_COLUMNS && !on;
                    let mut next = view.clone();
                    let mut docs = chosen.clone();
                    if on { docs.retain(|&d| d != cand.document) } else { docs.push(cand.document) }
                    compare::order_columns(bundle, &mut docs);
                    next.docs = docs.iter().map(|&d| bundle.documents[d as usize].id.clone()).collect();
                    next.left = None;
                    next.right = None;
                    let go = go.clone();
                    let id = format!("pick-{}", doc.id);
                    html! {
                        <div class="pick-row">
                            <input type="checkbox" id={id.clone()} checked={on} disabled={full} data-doc={doc.id.clone()}
                                onchange={Callback::from(move |_: Event| go.emit(next.clone()))} />
                            <label for={id}>
                                <span class="pick-outlet">{ outlet_label(doc) }</span>
                                { format!(" · {} · {}", date_label(doc), headline_label(doc)) }
                                <span class="pick-count">{ format!(" {} passage{}{}", cand.passages, if cand.passages == 1 { "" } else { "s" }, if cand.reports { "" } else { ", in passing" }) }</span>
                            </label>
                        </div>
                    }
                }) }
                if candidates.len() > listed.len() {
                    <p class="note">{ format!("The {} with most to say of {} documents are listed; narrow the Library to reach the others.", listed.len(), candidates.len()) }</p>
                }
                </fieldset>
                }
            </details>
        </div>
    }
}

/// On a phone, which two columns are shown.
fn phone_tabs(
    bundle: &Bundle,
    c: &Comparison,
    view: &CompareView,
    left: usize,
    right: usize,
    go: &Callback<CompareView>,
) -> Html {
    let side = |which: &'static str, at: usize| {
        let go = go.clone();
        let view = view.clone();
        let id = format!("phone-{which}");
        html! {
            <label for={id.clone()}>
                { if which == "left" { "Left " } else { "Right " } }
                <select id={id} onchange={Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let mut next = view.clone();
                    let k = select.value().parse::<usize>().ok();
                    if which == "left" { next.left = k; next.right = Some(right) } else { next.right = k; next.left = Some(left) }
                    go.emit(next);
                })}>
                    { for c.columns.iter().enumerate().map(|(k, col)| html! {
                        <option value={k.to_string()} selected={k == at}>{ outlet_label(&bundle.documents[col.document as usize]) }</option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <div class="phone-tabs" role="group" aria-label="Columns shown on a narrow screen">
            { side("left", left) }
            { side("right", right) }
        </div>
    }
}

fn column_head(bundle: &Bundle, c: &Column) -> Html {
    let doc = &bundle.documents[c.document as usize];
    html! {
        <div class="column-head" data-doc={doc.id.clone()}>
            <span class="col-outlet">{ outlet_label(doc) }</span>
            <time class="col-date">{ date_label(doc) }</time>
            <Link<Route> to={Route::Reader { id: doc.id.clone() }} classes="col-headline">{ headline_label(doc) }</Link<Route>>
        </div>
    }
}

/// What drawing passages needs.
struct Draw<'a> {
    bundle: &'a Bundle,
    comparison: &'a Comparison,
    hl: Option<&'a str>,
    /// The columns' outlets, as shown.
    outlets: &'a [String],
}

impl Draw<'_> {
    fn row(&self, i: usize, row: &Row, on_phone: &dyn Fn(usize) -> bool) -> Html {
        html! {
            <div class="grid-row" role="row" data-row={i.to_string()}>
                if !row.shared.is_empty() {
                    <div class="row-shared" role="cell">{ format!("Shared: {}", row.shared.join(" · ")) }</div>
                }
                { for row.cells.iter().enumerate().map(|(k, cell)| {
                    let off = (!on_phone(k)).then_some("off-phone");
                    match cell {
                        Some(x) => html! { <div class={classes!("grid-cell", format!("col-{k}"), off)} role="cell">{ self.passage(k, *x) }</div> },
                        None => {
                            let outlet = self.outlets.get(k).map_or("", String::as_str);
                            html! {
                                <div class={classes!("grid-cell", format!("col-{k}"), "blank", off)} role="cell"
                                    aria-label={format!("Nothing in {outlet} to match this row")}></div>
                            }
                        }
                    }
                }) }
            </div>
        }
    }

    /// Passage `x` of column `k`, with its place, its role and its text marked.
    fn passage(&self, k: usize, x: usize) -> Html {
        let col = &self.comparison.columns[k];
        let shown = &col.passages[x];
        let p = &shown.passage;
        let doc = &self.bundle.documents[col.document as usize];
        let role = shown.role.map(|r| r.as_str());
        html! {
            <article class={classes!("passage", (role == Some("mentions")).then_some("in-passing"))} id={format!("p-{k}-{x}")} tabindex="-1">
                <p class="passage-place">
                    { compare::passage_place(p) }
                    if role == Some("mentions") {
                        { " · in passing" }
                    }
                </p>
                <p class="passage-text">{ self.text(col.document, doc, p.start, p.end) }</p>
            </article>
        }
    }

    /// A passage's text with its entities, quotes and hedges marked; an entity can be picked out.
    fn text(&self, d: u32, doc: &Document, start: u32, end: u32) -> Html {
        let a = &doc.analysis;
        let links = self.bundle.canonical.links.get(d as usize);
        // Paragraph spans keep the page's line ends: drawn without them.
        let slice = doc.text.get(start as usize..end as usize).unwrap_or("");
        let start = start + u32::try_from(slice.len() - slice.trim_start().len()).unwrap_or(0);
        let end = end - u32::try_from(slice.len() - slice.trim_end().len()).unwrap_or(0);
        html! {
            { for language::runs(a, start, end).into_iter().map(|run| {
                let text = doc.text.get(run.start as usize..run.end as usize).unwrap_or("").to_owned();
                let mut node = html! { { text } };
                if let Some(h) = run.hedge.and_then(|h| a.hedges.get(h as usize)) {
                    let title = match h.kind {
                        language::HedgeKind::Lexical => format!("Hedge: “{}”", h.term),
                        language::HedgeKind::ScareQuote => "Scare quote".to_owned(),
                    };
                    node = html! { <span class="hedge" {title}>{ node }</span> };
                }
                if let Some(m) = run.mention.and_then(|i| a.mentions.get(i as usize)) {
                    let entity = links.and_then(|l| l.get(m.entity as usize)).and_then(|&g| self.bundle.canonical.entities.get(g as usize));
                    if let Some(e) = entity {
                        let picked = self.hl == Some(e.id.as_str());
                        node = html! {
                            <mark class={classes!("entity", m.label.as_str().to_lowercase(), picked.then_some("picked"))}
                                data-entity={e.id.clone()} role="button" tabindex="0" aria-pressed={picked.to_string()}
                                title={e.name.clone()}>{ node }</mark>
                        };
                    }
                }
                if let Some(q) = run.quote.and_then(|q| a.quotes.get(q as usize)) {
                    let speaker = match &q.speaker {
                        Speaker::Entity(e) => a.entities.get(*e as usize).map_or("?".to_owned(), |e| e.name.clone()),
                        Speaker::Unnamed(d) => format!("unnamed source: {d}"),
                        Speaker::Outlet => "the outlet (no speaker named)".to_owned(),
                    };
                    node = html! { <span class={classes!("quote", (!q.direct).then_some("reported"))} title={format!("Quoted: {speaker}")}>{ node }</span> };
                }
                node
            }) }
        }
    }

    fn matrix(
        &self,
        view: &CompareView,
        go: &Callback<CompareView>,
        on_phone: &dyn Fn(usize) -> bool,
    ) -> Html {
        let c = self.comparison;
        let rows: Vec<&MatrixRow> = c.matrix.iter().filter(|r| !view.differences || r.differs()).collect();
        let differing = c.matrix.iter().filter(|r| r.differs()).count();
        let toggle = {
            let go = go.clone();
            let mut next = view.clone();
            next.differences = !next.differences;
            Callback::from(move |_: Event| go.emit(next.clone()))
        };
        html! {
            <section class="omissions" aria-labelledby="matrix-title">
                <h2 id="matrix-title">{ "What each document reports, hedges or leaves out" }</h2>
                <p class="note">
                    { format!("{} entities, voices and facts that at least one document reports; {differing} of them some document leaves out. ", c.matrix.len()) }
                    <span class="key"><span class="presence present">{ "●" }</span>{ " reports " }<span class="presence hedged">{ "◐" }</span>{ " only hedged " }<span class="presence absent">{ "○" }</span>{ " leaves out. " }</span>
                    { "A mark opens the passage." }
                </p>
                <label class="switch">
                    <input type="checkbox" id="matrix-differences" checked={view.differences} onchange={toggle} />
                    { " Only what some document leaves out" }
                </label>
                if rows.is_empty() {
                    <p class="no-results">{ "Nothing to show here." }</p>
                } else {
                    <div class="matrix-frame">
                        <table class="matrix">
                            <thead>
                                <tr>
                                    <th scope="col">{ "Item" }</th>
                                    <th scope="col">{ "Kind" }</th>
                                    { for c.columns.iter().enumerate().map(|(k, col)| html! {
                                        <th scope="col" class={classes!((!on_phone(k)).then_some("off-phone"))}>{ outlet_label(&self.bundle.documents[col.document as usize]) }</th>
                                    }) }
                                </tr>
                            </thead>
                            <tbody>
                                { for rows.iter().map(|r| html! {
                                    <tr class={classes!(r.differs().then_some("differs"))} data-key={r.key.clone()}>
                                        <th scope="row">{ &r.label }</th>
                                        <td class="kind">{ r.kind.as_str() }</td>
                                        { for r.cells.iter().enumerate().map(|(k, cell)| self.matrix_cell(k, cell, on_phone(k), &r.label)) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                }
            </section>
        }
    }

    fn matrix_cell(&self, k: usize, cell: &compare::MatrixCell, shown: bool, label: &str) -> Html {
        let outlet = self.outlets.get(k).map_or("", String::as_str);
        let (symbol, word) = match cell.presence {
            Presence::Present => ("●", "reports"),
            Presence::Hedged => ("◐", "only hedged"),
            Presence::Absent => ("○", "leaves out"),
        };
        let class = classes!("presence", cell.presence.as_str(), (!shown).then_some("off-phone"));
        let said = format!("{outlet} {word} {label}");
        match cell.passage {
            Some(x) => {
                html! {
                    <td class={class} data-presence={cell.presence.as_str()}>
                        <button type="button" title={said.clone()} aria-label={format!("{said}: open the passage")} data-open={format!("p-{k}-{x}")}>{ symbol }</button>
                    </td>
                }
            }
            None => {
                html! { <td class={class} data-presence={cell.presence.as_str()} title={said.clone()}><span aria-hidden="true">{ symbol }</span><span class="visually-hidden">{ said }</span></td> }
            }
        }
    }
}

/// Scrolls to a passage of the comparison and focuses it.
/// Whether it is drawn (else nothing happens).
fn open_passage(id: &str) -> bool {
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    el.scroll_into_view();
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let _ = el.focus();
    }
    true
}

/// Under a column: its voices as a bar chart, its hedges and scare quotes, its distinctive terms, its
/// tone and where it places the focus.
fn framing_panel(bundle: &Bundle, c: &Column) -> Html {
    let doc = &bundle.documents[c.document as usize];
    let s: &FramingSignals = &c.signals;
    html! {
        <>
            <h3>{ outlet_label(doc) }</h3>
            <h4>{ "Voices" }</h4>
            { voices_chart(s) }
            if !s.voice_kinds.is_empty() {
                <p class="kinds">{ for s.voice_kinds.iter().map(|k| html! {
                    <span class={classes!("kind-chip", format!("kind-{}", k.label))}>{ format!("{} {}", k.label, k.count) }</span>
                }) }</p>
            }
            if !s.verbs.is_empty() {
                <p class="verbs"><span class="card-key">{ "Speech verbs " }</span>{ s.verbs.iter().map(|v| format!("{} ×{}", v.label, v.count)).collect::<Vec<_>>().join(", ") }</p>
            }
            <h4>{ "Hedges and scare quotes" }</h4>
            if s.hedges.is_empty() && s.scare_quotes.is_empty() {
                <p class="none">{ "None." }</p>
            } else {
                <ul class="hedges">
                    { for s.hedges.iter().map(|h| html! { <li>{ format!("{} ×{}", h.label, h.count) }</li> }) }
                    { for s.scare_quotes.iter().map(|q| html! { <li class="scare">{ format!("“{q}”") }</li> }) }
                </ul>
            }
            <h4>{ "Distinctive terms" }</h4>
            if s.distinctive.is_empty() {
                <p class="none">{ "None: too few words, or nothing to set them against." }</p>
            } else {
                <ul class="terms">
                    { for s.distinctive.iter().map(|t| html! {
                        <li class={classes!((t.z >= 1.96).then_some("significant"))} title={format!("used {} times; log-odds {:.2}", t.count, t.delta)}>
                            { &t.term }<span class="z">{ format!(" z {:.2}", t.z) }</span>
                        </li>
                    }) }
                </ul>
            }
            <h4>{ "Tone" }</h4>
            <p class="tone">{ format!("{:+.2} mean compound over {} sentences ({:.0}% positive, {:.0}% negative)", s.tone.compound, s.tone.sentences, s.tone.positive * 100.0, s.tone.negative * 100.0) }</p>
            <h4>{ "Prominence" }</h4>
            <p class="prominence">{ compare::prominence_text(&c.prominence) }</p>
        </>
    }
}

/// Who is quoted, as horizontal bars of quoted words (quotes when no words were counted), coloured by
/// kind of source, with the verbs used.
fn voices_chart(s: &FramingSignals) -> Html {
    if s.voices.is_empty() {
        return html! { <p class="none">{ "Nobody is quoted." }</p> };
    }
    let shown = &s.voices[..s.voices.len().min(CHART_VOICES)];
    let max = shown.iter().map(|v| v.words.max(v.quotes)).max().unwrap_or(1).max(1) as f64;
    let (label_w, bar_w, row_h) = (118.0, 100.0, 20.0);
    let height = row_h * shown.len() as f64 + 4.0;
    html! {
        <>
            <svg class="voices" role="img" width="260" height={height.to_string()} viewBox={format!("0 0 260 {height}")}
                aria-label={format!("Voices: {}", shown.iter().map(|v| format!("{} ({}, {} quotes)", v.name, v.kind.as_str(), v.quotes)).collect::<Vec<_>>().join("; "))}>
                { for shown.iter().enumerate().map(|(i, v)| {
                    let y = i as f64 * row_h;
                    let w = (f64::from(v.words.max(v.quotes)) / max * bar_w).max(2.0);
                    let name: String = if v.name.chars().count() > 18 { format!("{}…", v.name.chars().take(17).collect::<String>()) } else { v.name.to_string() };
                    let verbs = v.verbs.iter().map(|x| format!("{} ×{}", x.label, x.count)).collect::<Vec<_>>().join(", ");
                    html! {
                        <g class={classes!("voice", format!("kind-{}", v.kind.as_str()))}>
                            <title>{ format!("{} ({}{}): {} quotes, {} words, {:.0}% of quoted words; {}", v.name, v.kind.as_str(),
                                v.affiliation.as_ref().map(|a| format!(", {a}")).unwrap_or_default(), v.quotes, v.words, v.share * 100.0, verbs) }</title>
                            <text x="0" y={(y + 14.0).to_string()} class="voice-name">{ name }</text>
                            <rect x={label_w.to_string()} y={(y + 4.0).to_string()} width={format!("{w:.1}")} height="12" rx="2" class="bar" />
                            <text x={format!("{:.1}", label_w + w + 4.0)} y={(y + 14.0).to_string()} class="voice-count">{ v.quotes.to_string() }</text>
                        </g>
                    }
                }) }
            </svg>
            if s.voices.len() > CHART_VOICES {
                <p class="note">{ format!("and {} more", s.voices.len() - CHART_VOICES) }</p>
            }
        </>
    }
}

/// The readers' comments of each column, apart from the journalism.
fn comments_panel(bundle: &Bundle, c: &Comparison, on_phone: &dyn Fn(usize) -> bool) -> Html {
    let n = c.columns.len();
    html! {
        <section class="compare-comments" aria-labelledby="compare-comments-title">
            <h2 id="compare-comments-title">{ "Reader comments" }</h2>
            <p class="note">{ "What readers wrote under each article: the audience, not the outlet." }</p>
            <div class={classes!("panel-row", format!("cols-{n}"))}>
                { for c.columns.iter().enumerate().map(|(k, col)| {
                    let doc = &bundle.documents[col.document as usize];
                    html! {
                        <div class={classes!("comments-column", (!on_phone(k)).then_some("off-phone"))}>
                            <h3>{ format!("{} ({})", outlet_label(doc), doc.comments.len()) }</h3>
                            if doc.comments.is_empty() {
                                <p class="none">{ "No reader comments on this page." }</p>
                            } else {
                                <ol class="thread">
                                    { for doc.comments.iter().take(COMMENTS_SHOWN).map(|cm| {
                                        let text: Vec<&str> = cm.paragraphs.iter().filter_map(|&(a, b)| doc.text.get(a as usize..b as usize)).map(str::trim).collect();
                                        html! {
                                            <li class="comment" data-depth={cm.depth.to_string()}>
                                                <span class="author">{ cm.author.clone().unwrap_or_else(|| "Anonymous".to_owned()) }</span>
                                                if cm.reply_to.is_some() { <span class="replies">{ " (reply)" }</span> }
                                                <p>{ text.join(" ") }</p>
                                            </li>
                                        }
                                    }) }
                                </ol>
                                if doc.comments.len() > COMMENTS_SHOWN {
                                    <Link<Route> to={Route::Reader { id: doc.id.clone() }}>{ format!("All {} in the Reader", doc.comments.len()) }</Link<Route>>
                                }
                            }
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}
