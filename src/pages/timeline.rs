//! Timeline: documents (a row per outlet) and events on a time axis the app draws as SVG.
//!
//! The URL is the state: `#/timeline` spans every year, `?zoom=year&at=2013` one year by month,
//! `?zoom=month&at=2013-04` one month by day. Buttons zoom out, zoom in and move earlier or later, and
//! every tick and mark is a link: a document's mark opens it in the Reader, an event's opens the Library
//! filtered on it, a mark of several items zooms in on them (or, at the finest zoom, opens the Library on
//! them). A link that cannot be read says so and offers a way back. Layout (which column, which lane,
//! what is grouped) is `parallax_core::explore::timeline`; this component only draws it.

use parallax_core::Document;
use parallax_core::events::Event;
use parallax_core::explore::{self, Column, Lane, Mark, Period, Timeline as Axis};
use parallax_core::site::Table;
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use super::{date_label, headline_label, outlet_label};
use crate::app::Route;
use crate::corpus::use_corpus;

/// Outlet lanes at most; smaller outlets share the last.
const MAX_LANES: usize = 10;
/// Items listed under the axis before asking the reader to zoom in.
const LIST_ROWS: usize = 60;

// The drawing's geometry, in CSS pixels: the SVG is drawn at its own size (never scaled, so text stays
// legible) and scrolls sideways in its frame when wider than the page.
const LABEL_W: f64 = 132.0;
const PLOT_W: f64 = 760.0;
const MIN_COL_W: f64 = 24.0;
const AXIS_H: f64 = 30.0;
const LANE_H: f64 = 38.0;
const PAD: f64 = 10.0;
/// Characters of an outlet's name shown in the lane label (the full name is in its title).
const LABEL_CHARS: usize = 17;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Document(String),
    Library(Vec<(String, String)>),
    Zoom(Period),
}

impl Target {
    /// The address as the hash router writes it, for the `href` (shown on hover, opened by a middle
    /// click).
    fn href(&self) -> String {
        match self {
            Self::Document(id) => format!("#/doc/{id}"),
            Self::Library(pairs) => with_query("#/", pairs),
            Self::Zoom(p) => with_query("#/timeline", &period_pairs(*p)),
        }
    }
}

fn with_query(path: &str, pairs: &[(String, String)]) -> String {
    match serde_urlencoded::to_string(pairs) {
        Ok(q) if !q.is_empty() => format!("{path}?{q}"),
        _ => path.to_owned(),
    }
}

fn period_pairs(p: Period) -> Vec<(String, String)> {
    match p {
        Period::All => Vec::new(),
        _ => vec![("zoom".to_owned(), p.zoom().to_owned()), ("at".to_owned(), p.at())],
    }
}

/// The view, once the corpus's events are here (on a built site their table is fetched first; the
/// documents' dates, outlets and headlines are on their cards).
#[component]
pub fn Timeline() -> Html {
    let corpus = use_corpus();
    if let Some(waiting) = super::waiting_for(&corpus, &[Table::Events], &[], "Loading the corpus's events…")
    {
        return waiting;
    }
    html! { <TimelinePage /> }
}

#[component]
fn TimelinePage() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    let pairs: Vec<(String, String)> = location
        .as_ref()
        .and_then(|l| serde_urlencoded::from_str(l.query_str().trim_start_matches('?')).ok())
        .unwrap_or_default();
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map_or("", |(_, v)| v.as_str());
    let bundle = corpus.bundle.clone();
    let docs = &bundle.documents;
    let events = &bundle.events;
    // Worked out once per corpus and period, not on each redraw (at a hundred thousand documents the
    // layout reads every document's date).
    let tables = (std::sync::Arc::as_ptr(docs) as usize, std::sync::Arc::as_ptr(events) as usize);
    // Where a zoomed link with no date opens: the earliest date, read only for such a link.
    let undated_zoom = get("at").trim().is_empty() && !matches!(get("zoom").trim(), "" | "all");
    let fallback = {
        let bundle = bundle.clone();
        use_memo((tables, undated_zoom), move |(_, needed)| {
            needed.then(|| explore::earliest(&bundle.documents, &bundle.events)).flatten()
        })
    };
    let period = Period::parse(get("zoom"), get("at"), *fallback);
    let title = match &period {
        Ok(Period::All) => "Timeline".to_owned(),
        Ok(p) => format!("Timeline: {}", p.label()),
        Err(_) => "Timeline: link not understood".to_owned(),
    };
    use_effect_with(title, |title| set_title(title));
    // On a narrow screen the axis scrolls sideways: open it where the first mark is, not at its start.
    let axis = {
        let bundle = bundle.clone();
        use_memo((period.as_ref().ok().copied(), tables), move |(p, _)| {
            p.map(|p| explore::timeline(&bundle.documents, &bundle.events, p, MAX_LANES))
        })
    };
    let axis = axis.as_ref().as_ref();
    let scroller = use_node_ref();
    let first_x = axis.map_or(0, first_mark_x);
    {
        let scroller = scroller.clone();
        use_effect_with(first_x, move |&x| {
            if let Some(frame) = scroller.cast::<web_sys::Element>() {
                frame.set_scroll_left(x);
            }
        });
    }

    let go = {
        let navigator = navigator.clone();
        Callback::from(move |target: Target| {
            let Some(nav) = &navigator else { return };
            let _ = match target {
                Target::Document(id) => {
                    nav.push(&Route::Reader { id });
                    Ok(())
                }
                Target::Library(pairs) if pairs.is_empty() => {
                    nav.push(&Route::Library);
                    Ok(())
                }
                Target::Library(pairs) => nav.push_with_query(&Route::Library, &pairs),
                Target::Zoom(Period::All) => {
                    nav.push(&Route::Timeline);
                    Ok(())
                }
                Target::Zoom(p) => nav.push_with_query(&Route::Timeline, &period_pairs(p)),
            };
        })
    };

    let (period, axis) = match (period, axis) {
        (Ok(p), Some(axis)) => (p, axis),
        (period, _) => {
            let e = period.err().map(|e| e.to_string()).unwrap_or_default();
            return html! {
                <section class="timeline-view" aria-labelledby="timeline-title">
                    <h1 id="timeline-title">{ "Timeline" }</h1>
                    <div class="not-found link-problem" role="alert">
                        <h2>{ "This timeline link cannot be shown" }</h2>
                        <p>{ format!("{e}. The link may be stale or mistyped.") }</p>
                        <p>
                            <Link<Route> to={Route::Timeline} classes="reset">{ "Show every year" }</Link<Route>>
                            { " · " }
                            <Link<Route> to={Route::Library}>{ "Back to the Library" }</Link<Route>>
                        </p>
                    </div>
                </section>
            };
        }
    };
    let (shown_docs, shown_events) = axis.shown();

    let button = |label: String, target: Option<Target>, class: &'static str| {
        let go = go.clone();
        match target {
            Some(t) => {
                let onclick = Callback::from(move |_: MouseEvent| go.emit(t.clone()));
                html! { <button type="button" class={classes!("tl-button", class)} {onclick}>{ label }</button> }
            }
            None => {
                html! { <button type="button" class={classes!("tl-button", class)} disabled=true>{ label }</button> }
            }
        }
    };
    // Zoom in: on the first column with something in it, else the first column.
    let zoom_in = axis
        .columns
        .iter()
        .enumerate()
        .find(|(i, _)| occupied(axis, *i as u32))
        .or_else(|| axis.columns.first().map(|c| (0, c)))
        .and_then(|(_, c)| c.zoom);
    let outside = |(d, e): (u32, u32)| match (d, e) {
        (0, 0) => String::new(),
        (d, 0) => format!(" ({})", count(d, "document", "documents")),
        (0, e) => format!(" ({})", count(e, "event", "events")),
        (d, e) => format!(" ({}, {})", count(d, "document", "documents"), count(e, "event", "events")),
    };
    let summary = format!(
        "{}: {} and {} on the axis",
        capitalise(&period.label()),
        count(shown_docs, "document", "documents"),
        count(shown_events, "event", "events")
    );

    html! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <h1 id="timeline-title">{ "Timeline" }</h1>
            <nav class="timeline-controls" aria-label="Zoom and move along the timeline">
                <p class="period" role="status" aria-live="polite" data-zoom={period.zoom()} data-at={period.at()}>
                    { summary }
                </p>
                <div class="buttons">
                    { button(
                        period.zoom_out().map_or_else(|| "Zoom out".to_owned(), |p| format!("Zoom out to {}", p.label())),
                        period.zoom_out().map(Target::Zoom),
                        "zoom-out",
                    ) }
                    { button(
                        zoom_in.map_or_else(|| "Zoom in".to_owned(), |p| format!("Zoom in to {}", p.label())),
                        zoom_in.map(Target::Zoom),
                        "zoom-in",
                    ) }
                    { button(format!("← Earlier{}", outside(axis.before)), period.earlier().map(Target::Zoom), "earlier") }
                    { button(format!("Later{} →", outside(axis.after)), period.later().map(Target::Zoom), "later") }
                </div>
            </nav>
            if axis.columns.is_empty() {
                <p class="no-results">{ "No document or event has a date the timeline can place." }</p>
            } else {
                <figure class="timeline-chart">
                    <div class="chart-scroll" ref={scroller} role="region" tabindex="0" aria-label="The time axis (scrolls sideways when wide)">
                        { draw(axis, docs, &events.events, &go) }
                    </div>
                    <figcaption class="legend">
                        <span><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" class="tl-doc" /></svg>{ " a document, on its outlet's row" }</span>
                        <span><svg width="14" height="14" aria-hidden="true"><path d="M7 1 L13 7 L7 13 L1 7 Z" class="tl-event" /></svg>{ " an event" }</span>
                        <span><svg width="26" height="14" aria-hidden="true"><rect x="1" y="3" width="24" height="8" rx="4" class="tl-span" /></svg>{ " dated only to the month or year" }</span>
                        <span><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="7" class="tl-doc" /><text x="8" y="8" class="tl-count">{ "3" }</text></svg>{ " several: select to zoom in" }</span>
                    </figcaption>
                </figure>
            }
            { listing(axis, docs, &events.events) }
            { undated(axis, docs, &events.events) }
        </section>
    }
}

fn count(n: u32, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Where the frame of the axis scrolls to: a little before the first mark (0 when that is near the
/// start anyway).
fn first_mark_x(axis: &Axis) -> i32 {
    let first =
        axis.lanes.iter().flat_map(|l| &l.marks).chain(&axis.events).map(|m| m.from).min().unwrap_or(0);
    let col_w = (PLOT_W / axis.columns.len().max(1) as f64).max(MIN_COL_W);
    (col_w * f64::from(first) - col_w).max(0.0) as i32
}

/// Whether any mark starts in column `i`.
fn occupied(axis: &Axis, i: u32) -> bool {
    axis.lanes.iter().flat_map(|l| &l.marks).chain(&axis.events).any(|m| m.from <= i && i < m.to)
}

/// The span of columns `from..to` in words: "2013", "April 2013", "25 April 2013", "2013 to 2015".
fn when(axis: &Axis, m: &Mark) -> String {
    let name = |c: &Column| match axis.period {
        Period::All => c.key.clone(),
        Period::Year(_) => c.zoom.map_or_else(|| c.key.clone(), Period::label),
        Period::Month(..) => format!("{} {}", c.label, axis.period.label()),
    };
    let first = axis.columns.get(m.from as usize);
    let last = axis.columns.get(m.to.saturating_sub(1) as usize);
    if m.to - m.from == axis.columns.len() as u32 && axis.period != Period::All {
        return axis.period.label();
    }
    match (first, last) {
        (Some(a), Some(b)) if m.to - m.from > 1 => format!("{} to {}", name(a), name(b)),
        (Some(a), _) => name(a),
        _ => String::new(),
    }
}

/// Where a mark of several items leads: into its column when the axis can zoom further, else the Library
/// on the same items.
fn gather(axis: &Axis, m: &Mark, filter: Vec<(String, String)>) -> Target {
    let column = axis.columns.get(m.from as usize);
    if m.to - m.from == 1
        && let Some(p) = column.and_then(|c| c.zoom)
    {
        return Target::Zoom(p);
    }
    let (from, to) = if m.to - m.from == axis.columns.len() as u32 && axis.period != Period::All {
        (axis.period.at(), axis.period.at())
    } else {
        let key = |i: u32| axis.columns.get(i as usize).map(|c| c.key.clone()).unwrap_or_default();
        (key(m.from), key(m.to.saturating_sub(1)))
    };
    let mut pairs = filter;
    pairs.push(("from".to_owned(), from));
    pairs.push(("to".to_owned(), to));
    Target::Library(pairs)
}

/// A link inside the drawing: an SVG `<a>` whose click is routed (a modified click is left to the
/// browser, which opens the `href`).
fn svg_link(target: Target, title: String, class: &'static str, go: &Callback<Target>, body: Html) -> Html {
    let href = target.href();
    let onclick = {
        let go = go.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                go.emit(target.clone());
            }
        })
    };
    html! {
        <a {href} class={class} {onclick}>
            <title>{ title }</title>
            { body }
        </a>
    }
}

fn draw(axis: &Axis, docs: &[Document], events: &[Event], go: &Callback<Target>) -> Html {
    let n = axis.columns.len().max(1) as f64;
    let col_w = (PLOT_W / n).max(MIN_COL_W);
    let width = LABEL_W + col_w * n + PAD;
    let lanes = axis.lanes.len() + 1;
    let height = AXIS_H + LANE_H * lanes as f64 + PAD;
    let x = |col: u32| LABEL_W + col_w * f64::from(col);
    // Tick labels every so many columns, so they never overlap.
    let label_every = ((34.0 / col_w).ceil() as usize).max(1);
    let px = |v: f64| format!("{v:.1}");

    let lane_y = |row: usize| AXIS_H + LANE_H * row as f64;
    let ticks = axis.columns.iter().enumerate().map(|(i, c)| {
        let cx = x(i as u32) + col_w / 2.0;
        let line = html! { <line x1={px(x(i as u32))} x2={px(x(i as u32))} y1={px(AXIS_H - 6.0)} y2={px(height - PAD)} class="tl-grid" /> };
        let label = (i % label_every == 0).then(|| {
            let text = html! { <text x={px(cx)} y={px(AXIS_H - 12.0)} class="tl-tick">{ &c.label }</text> };
            match c.zoom {
                Some(p) => svg_link(Target::Zoom(p), format!("Zoom in to {}", p.label()), "tl-tick-link", go, text),
                None => text,
            }
        });
        html! { <g key={c.key.clone()} data-column={c.key.clone()}>{ line }{ for label }</g> }
    });

    let lane = |row: usize, label: &str, full: String, marks: Html, class: &'static str| {
        let y = lane_y(row);
        let short = if label.chars().count() > LABEL_CHARS {
            format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>())
        } else {
            label.to_owned()
        };
        html! {
            <g class={classes!("tl-lane", class)} role="group" aria-label={full.clone()}>
                <rect x="0" y={px(y)} width={px(width)} height={px(LANE_H)} class={if row.is_multiple_of(2) { "tl-band" } else { "tl-band odd" }} />
                <text x={px(PAD)} y={px(y + LANE_H / 2.0)} class="tl-lane-label"><title>{ full }</title>{ short }</text>
                { marks }
            </g>
        }
    };

    let mark = |m: &Mark, row: usize, kind: Kind, target: Target, title: String| {
        let cy = lane_y(row) + LANE_H / 2.0;
        let (x0, x1) = (x(m.from), x(m.to));
        let items = m.items.len();
        let label = (items > 1)
            .then(|| html! { <text x={px((x0 + x1) / 2.0)} y={px(cy)} class="tl-count">{ items }</text> });
        let shape = if m.to - m.from > 1 {
            let h = if items > 1 { 16.0 } else { 10.0 };
            html! { <rect x={px(x0 + 3.0)} y={px(cy - h / 2.0)} width={px((x1 - x0 - 6.0).max(4.0))} height={px(h)} rx={px(h / 2.0)} class="tl-span tl-shape" /> }
        } else {
            let r = if items == 1 {
                6.0
            } else {
                (7.0 + 2.5 * (items as f64).log2()).min(col_w / 2.0 - 1.0).min(LANE_H / 2.0 - 2.0)
            };
            let cx = (x0 + x1) / 2.0;
            match kind {
                Kind::Document => {
                    html! { <circle cx={px(cx)} cy={px(cy)} r={px(r)} class="tl-doc tl-shape" /> }
                }
                Kind::Event => {
                    let r = r + 1.5;
                    let d = format!(
                        "M{} {} L{} {} L{} {} L{} {} Z",
                        px(cx),
                        px(cy - r),
                        px(cx + r),
                        px(cy),
                        px(cx),
                        px(cy + r),
                        px(cx - r),
                        px(cy)
                    );
                    html! { <path {d} class="tl-event tl-shape" /> }
                }
            }
        };
        html! {
            <g data-items={m.items.len().to_string()} data-from={m.from.to_string()} data-to={m.to.to_string()}>
                { svg_link(target, title, if kind == Kind::Document { "tl-mark doc" } else { "tl-mark event" }, go, html! { <>{ shape }{ for label }</> }) }
            </g>
        }
    };

    let event_marks = axis.events.iter().map(|m| {
        let (target, title) = match m.items.as_slice() {
            [one] => match events.get(*one as usize) {
                Some(e) => (
                    Target::Library(vec![("event".to_owned(), e.id.clone())]),
                    format!(
                        "Event: {} ({}). Open its documents in the Library",
                        e.label,
                        e.date.as_deref().unwrap_or("undated")
                    ),
                ),
                None => (Target::Library(Vec::new()), String::new()),
            },
            many => {
                let ids = many
                    .iter()
                    .filter_map(|&i| events.get(i as usize))
                    .map(|e| ("event".to_owned(), e.id.clone()));
                let target = gather(axis, m, ids.collect());
                let target = match target {
                    // Events are one list in the Library: no date filter, they carry their own.
                    Target::Library(pairs) => {
                        Target::Library(pairs.into_iter().filter(|(k, _)| k == "event").collect())
                    }
                    other => other,
                };
                let names: Vec<&str> =
                    many.iter().filter_map(|&i| events.get(i as usize)).map(|e| e.label.as_str()).collect();
                (target, format!("{} events in {}: {}", many.len(), when(axis, m), names.join("; ")))
            }
        };
        mark(m, 0, Kind::Event, target, title)
    });
    let doc_marks = |l: &Lane, row: usize| -> Html {
        html! {
            { for l.marks.iter().map(|m| {
                let (target, title) = match m.items.as_slice() {
                    [one] => match docs.get(*one as usize) {
                        Some(d) => (
                            Target::Document(d.id.clone()),
                            format!("{} ({}, {})", headline_label(d), outlet_label(d), date_label(d)),
                        ),
                        None => (Target::Library(Vec::new()), String::new()),
                    },
                    many => {
                        let filter = l.outlets.iter().map(|o| ("outlet".to_owned(), o.clone())).collect();
                        let target = gather(axis, m, filter);
                        let then = if matches!(target, Target::Zoom(_)) { "zoom in" } else { "open them in the Library" };
                        (target, format!("{} documents from {} in {}: {then}", many.len(), l.label, when(axis, m)))
                    }
                };
                mark(m, row, Kind::Document, target, title)
            }) }
        }
    };

    let description = format!(
        "Time axis of {}: one row of events, then one row per outlet; each mark is a link.",
        axis.period.label()
    );
    html! {
        <svg class="timeline-svg" width={px(width)} height={px(height)} viewBox={format!("0 0 {} {}", px(width), px(height))}
            role="group" aria-label={description} data-columns={axis.columns.len().to_string()}>
            { for ticks }
            { lane(0, "Events", "Events".to_owned(), html! { { for event_marks } }, "events") }
            { for axis.lanes.iter().enumerate().map(|(i, l)| {
                let full = if l.outlets.len() > 1 { format!("{}: {}", l.label, l.outlets.join(", ")) } else { l.label.clone() };
                lane(i + 1, &l.label, full, doc_marks(l, i + 1), "outlet")
            }) }
        </svg>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Event,
}

/// The period's documents and events as a list: the same links as the drawing, for reading and for
/// narrow screens.
fn listing(axis: &Axis, docs: &[Document], events: &[Event]) -> Html {
    let mut in_view: Vec<u32> =
        axis.lanes.iter().flat_map(|l| &l.marks).flat_map(|m| m.items.iter().copied()).collect();
    let listed_docs = first_by(&mut in_view, |d| {
        docs.get(d as usize).and_then(|d| d.meta.published.as_ref()).map(|p| p.value.as_str())
    });
    let mut ev: Vec<u32> = axis.events.iter().flat_map(|m| m.items.iter().copied()).collect();
    let listed_events = first_by(&mut ev, |e| events.get(e as usize).and_then(|e| e.date.as_deref()));
    if in_view.is_empty() && ev.is_empty() {
        return html! {
            <p class="no-results">{ format!("Nothing is dated in {}. Move earlier or later, or zoom out.", axis.period.label()) }</p>
        };
    }
    html! {
        <section class="timeline-list" aria-labelledby="timeline-list-title">
            <h2 id="timeline-list-title">{ format!("In {}", axis.period.label()) }</h2>
            <div class="lists">
                if !ev.is_empty() {
                    <div>
                        <h3>{ "Events" }</h3>
                        <ol class="tl-events">
                            { for listed_events.iter().filter_map(|&e| events.get(e as usize)).map(|e| event_item(e, html! {
                                <time>{ e.date.clone().unwrap_or_default() }</time>
                            })) }
                        </ol>
                    </div>
                }
                if !in_view.is_empty() {
                    <div>
                        <h3>{ "Documents" }</h3>
                        <ol class="tl-docs">
                            { for listed_docs.iter().filter_map(|&d| docs.get(d as usize)).map(doc_item) }
                        </ol>
                        if in_view.len() > LIST_ROWS {
                            <p class="note">{ format!("and {} more: zoom in to list them", in_view.len() - LIST_ROWS) }</p>
                        }
                    </div>
                }
            </div>
        </section>
    }
}

/// The first [`LIST_ROWS`] of `items` by `key` (then by number), in order; `items` is left in another
/// order. At a hundred thousand documents on the axis, sorting them all took most of half a second.
fn first_by<K: Ord>(items: &mut [u32], key: impl Fn(u32) -> K) -> Vec<u32> {
    let order = |a: &u32, b: &u32| key(*a).cmp(&key(*b)).then(a.cmp(b));
    if items.len() > LIST_ROWS {
        items.select_nth_unstable_by(LIST_ROWS, order);
    }
    let mut first = items[..items.len().min(LIST_ROWS)].to_vec();
    first.sort_unstable_by(order);
    first
}

fn doc_item(d: &Document) -> Html {
    html! {
        <li data-id={d.id.clone()}>
            <time>{ date_label(d) }</time>
            <span class="outlet">{ outlet_label(d) }</span>
            <Link<Route> to={Route::Reader { id: d.id.clone() }}>{ headline_label(d) }</Link<Route>>
        </li>
    }
}

/// An event as a list item: what comes before its name, and its name linking to the Library filtered on it.
fn event_item(e: &Event, before: Html) -> Html {
    html! {
        <li data-event={e.id.clone()}>
            { before }
            <Link<Route, Vec<(String, String)>> to={Route::Library} query={Some(vec![("event".to_owned(), e.id.clone())])}>
                { &e.label }
            </Link<Route, Vec<(String, String)>>>
            if e.documents.len() > 1 {
                { " · " }
                <a class="compare-link" href={crate::pages::compare::CompareView::of_event(&e.id).href()}
                    aria-label={format!("Compare the outlets on {}", e.label)}>{ "compare" }</a>
            }
        </li>
    }
}

/// What the axis cannot place: listed, never dropped.
fn undated(axis: &Axis, docs: &[Document], events: &[Event]) -> Html {
    if axis.undated_documents.is_empty() && axis.undated_events.is_empty() {
        return html! {};
    }
    html! {
        <section class="undated" aria-labelledby="undated-title">
            <h2 id="undated-title">{ "Undated" }</h2>
            <p class="hint">
                { format!("{} and {} have no date the timeline can read, so they are listed here instead of on the axis.",
                    count(axis.undated_documents.len() as u32, "document", "documents"),
                    count(axis.undated_events.len() as u32, "event", "events")) }
            </p>
            <ol class="tl-docs">
                { for axis.undated_documents.iter().take(LIST_ROWS).filter_map(|&d| docs.get(d as usize)).map(doc_item) }
                { for axis.undated_events.iter().take(LIST_ROWS).filter_map(|&e| events.get(e as usize)).map(|e| event_item(e, html! {
                    <span class="outlet">{ "Event" }</span>
                })) }
            </ol>
        </section>
    }
}
