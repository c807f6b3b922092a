//! The Library: every document of the corpus, with full-text search and facets.
//!
//! The URL is the state: the query, the parts searched, every facet selection and the sort order are in
//! the fragment's query string (`#/?q=flood&outlet=Reuters&sort=date`), so a copied link reproduces the
//! view and Back undoes a facet click. Typing replaces the current history entry (one entry per search,
//! not per keystroke); a facet click pushes a new one. Ranking, snippets and facet counts come from
//! `parallax_core::search`; this component only shows them.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use parallax_core::Document;
use parallax_core::search::{self, FacetCount, Filter, Matches, Part, Ranked, Snippet};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::navigator::NavigatorKind;
use yew_router::prelude::*;

use super::{date_label, headline_label, outlet_label};
use crate::app::Route;
use crate::browser;
use crate::corpus::use_corpus;

/// Entities listed in the facet before the user narrows the list by typing.
const ENTITY_ROWS: usize = 12;
/// Years listed in the facet before the user asks for all of them: those with most documents, in the
/// order of years (a generated thousand pages span 26 years).
pub const YEAR_ROWS: usize = 12;
/// Events listed in the facet before the user asks for all of them.
const EVENT_ROWS: usize = 12;
/// Outlets listed in the facet before the user narrows the list by typing or asks for all of them: a
/// collection of a thousand pages may come from hundreds of outlets.
pub const OUTLET_ROWS: usize = 12;
/// Cards drawn at first, and added by each "Show more": a long list is drawn a page at a time, so a
/// facet click on a large corpus redraws a page, not the corpus.
const PAGE: usize = 20;
/// How long a typed view's URL waits for its answer to be drawn before it is written anyway.
const URL_WAIT_MS: i32 = 1_000;
/// Cards drawn in the frame that answers a search or a click: a screenful. The rest of the page's cards,
/// below the fold, are drawn as soon as the browser is idle.
pub const FIRST_CARDS: usize = 6;
/// Results above which a search's answer is counted (its facets) in a task after the one that found it.
const COUNT_APART: usize = 5_000;
/// On a built site, how long a new search's view stays busy (its count, facets and address held back) while
/// its first screenful's texts come; their snippets come as the texts do either way.
const TEXT_WAIT_MS: i32 = 250;

/// On a built site, how long a keystroke whose search can be answered at once (its index chunks are here)
/// waits for its first cards' texts before its view is drawn busy without them.
const ANSWER_WAIT_MS: i32 = 100;

/// A typed search ranked from the keystroke's handler, kept for the draw that shows it (so that it is not
/// searched twice): its words and part, the index chunks it was searched in (how many had come), and
/// what was found.
struct Prepared {
    q: String,
    part: String,
    generation: u32,
    matches: Matches,
    hits: Vec<Ranked>,
}

/// What a search typed on a built site waits for before its view is drawn with its answer.
enum Wanting {
    /// Nothing, or its first cards are not known from the search alone (something chosen narrows or
    /// reorders it): the view is drawn now.
    Nothing,
    /// Index chunks, asked for.
    Chunks,
    /// The texts of its first cards, asked for.
    Texts(Vec<u32>),
}

/// For a search typed on a built site: when its index chunks are here and nothing chosen narrows or
/// reorders its answer, asks for the texts of its first cards, and says what is still to come.
fn wanting(
    corpus: &crate::corpus::Corpus,
    site: &Rc<crate::site::Site>,
    view: &View,
    prepared: &RefCell<Option<Prepared>>,
) -> Wanting {
    let query = search::parse(&view.q);
    if query.include.is_empty()
        || !matches!(view.sort.as_str(), "" | "relevance")
        || !view.filter().is_empty()
    {
        return Wanting::Nothing;
    }
    let head = &site.head;
    if head.needed(&query).iter().any(|&c| site.chunk(c).is_none()) {
        return Wanting::Chunks;
    }
    let docs = corpus.documents();
    let matches = head.matches(&query, |c| site.chunk(c));
    let hits = head.ranked_matches(docs.len(), &matches, &view.parts(), None);
    let missing = first_texts_missing(site, docs, &hits);
    *prepared.borrow_mut() = Some(Prepared {
        q: view.q.clone(),
        part: view.part.clone(),
        generation: site.index_generation(),
        matches,
        hits,
    });
    if missing.is_empty() { Wanting::Nothing } else { Wanting::Texts(missing) }
}

/// Asks for the texts of the first screenful of `hits` not yet here, and returns their documents (those
/// whose text could not be had are not waited for).
fn first_texts_missing(site: &Rc<crate::site::Site>, docs: &[Document], hits: &[Ranked]) -> Vec<u32> {
    hits.iter()
        .take(FIRST_CARDS)
        .filter(|h| !h.is_unranked())
        .filter_map(|h| Some((h.document, docs.get(h.document as usize)?)))
        .filter(|&(d, card)| site.text(d, card).is_none() && !site.text_failed(d))
        .map(|(d, _)| d)
        .collect()
}

/// Calls `notify` once every text of `missing` has come.
fn when_texts_come(site: &crate::site::Site, missing: &[u32], notify: Rc<dyn Fn()>) {
    let left = Rc::new(std::cell::Cell::new(missing.len()));
    for &d in missing {
        let (left, notify) = (left.clone(), notify.clone());
        site.watch_text(
            d,
            Rc::new(move || {
                left.set(left.get().saturating_sub(1));
                if left.get() == 0 {
                    notify();
                }
            }),
        );
    }
}

/// Calls `draw` once the typed search `view` can be drawn with its answer: at once (true) when nothing is
/// to come, else when its index chunks and then its first cards' texts have come, while `live` holds.
fn answer_when_ready(
    corpus: Rc<crate::corpus::Corpus>,
    site: Rc<crate::site::Site>,
    view: View,
    prepared: Rc<RefCell<Option<Prepared>>>,
    live: Rc<dyn Fn() -> bool>,
    draw: Rc<dyn Fn()>,
) -> bool {
    match wanting(&corpus, &site, &view, &prepared) {
        Wanting::Nothing => {
            draw();
            true
        }
        Wanting::Chunks => {
            let again = site.clone();
            site.watch_chunks(Rc::new(move || {
                if live() {
                    answer_when_ready(
                        corpus.clone(),
                        again.clone(),
                        view.clone(),
                        prepared.clone(),
                        live.clone(),
                        draw.clone(),
                    );
                }
            }));
            false
        }
        Wanting::Texts(missing) => {
            when_texts_come(&site, &missing, draw);
            false
        }
    }
}

/// The Library's state, as the URL carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub q: String,
    /// `article`, `comments`, or empty for both.
    pub part: String,
    pub outlets: BTreeSet<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub events: BTreeSet<String>,
    pub entities: BTreeSet<String>,
    pub all: bool,
    pub types: BTreeSet<String>,
    /// `relevance` (the default with a query), `date` or `outlet`.
    pub sort: String,
}

impl View {
    /// Whether the two views differ at most in their words searched.
    fn same_but_words(&self, other: &View) -> bool {
        let View { q: _, part, outlets, from, to, events, entities, all, types, sort } = self;
        (part, outlets, from, to, events, entities, all, types, sort)
            == (
                &other.part,
                &other.outlets,
                &other.from,
                &other.to,
                &other.events,
                &other.entities,
                &other.all,
                &other.types,
                &other.sort,
            )
    }

    /// Reads the view from a query string; unknown keys are ignored, a malformed string is an empty view.
    pub fn from_query(query: &str) -> Self {
        let mut view = View::default();
        for (k, v) in super::query_pairs(query) {
            match k.as_str() {
                "q" => view.q = v,
                "part" => view.part = v,
                "outlet" => drop(view.outlets.insert(v)),
                "from" => view.from = Some(v).filter(|v| !v.is_empty()),
                "to" => view.to = Some(v).filter(|v| !v.is_empty()),
                "event" => drop(view.events.insert(v)),
                "entity" => drop(view.entities.insert(v)),
                "match" => view.all = v == "all",
                "type" => drop(view.types.insert(v)),
                "sort" => view.sort = v,
                _ => {}
            }
        }
        view
    }

    /// The query string's pairs, in a stable order; defaults are left out.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut put = |k: &str, v: &str| out.push((k.to_owned(), v.to_owned()));
        if !self.q.is_empty() {
            put("q", &self.q);
        }
        if !self.part.is_empty() {
            put("part", &self.part);
        }
        self.outlets.iter().for_each(|v| put("outlet", v));
        if let Some(v) = &self.from {
            put("from", v);
        }
        if let Some(v) = &self.to {
            put("to", v);
        }
        self.events.iter().for_each(|v| put("event", v));
        self.entities.iter().for_each(|v| put("entity", v));
        if self.all {
            put("match", "all");
        }
        self.types.iter().for_each(|v| put("type", v));
        if !self.sort.is_empty() {
            put("sort", &self.sort);
        }
        out
    }

    fn parts(&self) -> Vec<Part> {
        match self.part.as_str() {
            "article" => vec![Part::Article],
            "comments" => vec![Part::Comments],
            _ => Part::ALL.to_vec(),
        }
    }

    fn filter(&self) -> Filter {
        Filter {
            outlets: self.outlets.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            events: self.events.clone(),
            entities: self.entities.clone(),
            all_entities: self.all,
            types: self
                .types
                .iter()
                .filter_map(|t| parallax_core::language::Label::ALL.into_iter().find(|l| l.as_str() == t))
                .collect(),
        }
    }

    /// What this view asks for that the corpus does not have, or that is not a value of its field, said
    /// plainly: a stale or mistyped link is shown with these, not as an unexplained empty list.
    fn problems(&self, corpus: &crate::corpus::Corpus) -> Vec<String> {
        let bundle = &corpus.bundle;
        let mut out = Vec::new();
        for o in &self.outlets {
            if !bundle.documents.iter().any(|d| &outlet_label(d) == o) {
                out.push(format!("No document in this corpus is from the outlet “{o}”."));
            }
        }
        for e in &self.events {
            if !corpus.facets().has_event(e) {
                out.push(format!("No event “{e}” in this corpus."));
            }
        }
        for e in &self.entities {
            if !corpus.facets().has_entity(e) {
                out.push(format!("No entity “{e}” in this corpus."));
            }
        }
        for t in &self.types {
            if parallax_core::language::Label::parse(t).is_none() {
                out.push(format!("“{t}” is not an entity type."));
            }
        }
        let date = |d: &str| {
            let b = d.as_bytes();
            matches!(b.len(), 4 | 7 | 10)
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        };
        for d in self.from.iter().chain(&self.to) {
            if !date(d) {
                out.push(format!("“{d}” is not a date (a year, year-month or year-month-day)."));
            }
        }
        if !matches!(self.part.as_str(), "" | "article" | "comments") {
            out.push(format!("“{}” is not a part of a document: searching everything.", self.part));
        }
        if !matches!(self.sort.as_str(), "" | "relevance" | "date" | "outlet") {
            out.push(format!("“{}” is not a sort order.", self.sort));
        }
        out
    }

    /// The view after a click on `value`'s box in `facet`: a value of a multi-select facet is added or
    /// removed, a year is chosen or, if it was, let go. `None` for a facet this does not know.
    fn toggled(&self, facet: &str, value: String) -> Option<View> {
        let mut next = self.clone();
        let set = match facet {
            "outlet" => &mut next.outlets,
            "event" => &mut next.events,
            "entity" => &mut next.entities,
            "type" => &mut next.types,
            "year" => {
                let chosen = self.from.as_deref() == Some(&value) && self.to.as_deref() == Some(&value);
                (next.from, next.to) = if chosen { (None, None) } else { (Some(value.clone()), Some(value)) };
                return Some(next);
            }
            _ => return None,
        };
        if !set.remove(&value) {
            set.insert(value);
        }
        Some(next)
    }

    /// Whether anything narrows the list.
    fn narrowed(&self) -> bool {
        let bare = View { sort: self.sort.clone(), ..View::default() };
        *self != bare
    }
}

/// A query's matches and the parts its results were ranked in: what the cards' snippets are cut from.
struct Found {
    matches: Matches,
    parts: Vec<Part>,
}

/// A query's results: the hits in the parts searched, and the documents matching in each part (the
/// section facet's counts).
struct Searched {
    hits: Vec<Ranked>,
    /// Shared with the listings made from it, whose cards cut their snippets from it.
    found: Rc<Found>,
    article: Vec<u32>,
    comments: Vec<u32>,
    /// Whether the query has words to rank by (else the list is sorted by date).
    has_words: bool,
    /// No words searched or excluded: every document.
    every: bool,
    /// On a built site: the index chunks the query needs are on their way.
    waiting: bool,
}

impl Searched {
    /// No answer yet: the index chunks a query needs are on their way.
    fn nothing(parts: Vec<Part>) -> Self {
        Searched {
            hits: Vec::new(),
            found: Rc::new(Found { matches: Matches::default(), parts }),
            article: Vec::new(),
            comments: Vec::new(),
            has_words: true,
            every: false,
            waiting: true,
        }
    }
}

/// What a view lists: the facets' counts and the documents shown, in order. Computed once per view, so a
/// redraw that changes nothing (the URL catching up with a click) costs no search or count.
struct Listing {
    facets: search::Facets,
    shown: Vec<Ranked>,
    found: Rc<Found>,
    /// Per part, how many documents match the query and the facets (the section facet's counts).
    article: usize,
    comments: usize,
    sort: &'static str,
}

impl Listing {
    fn new(corpus: &crate::corpus::Corpus, searched: &Searched, view: &View) -> Self {
        let docs = corpus.documents();
        let candidates: Vec<u32> = searched.hits.iter().map(|h| h.document).collect();
        let filter = view.filter();
        let facet_data = corpus.facets();
        // The counts and the documents kept in one pass over the results; every document with nothing
        // chosen (the first view) was counted when the facet table was made.
        let (facets, kept) = if searched.every && filter.is_empty() {
            (facet_data.counts_of_all(), vec![true; docs.len()])
        } else {
            facet_data.counts_and_kept(&candidates, &filter)
        };
        let mut shown: Vec<Ranked> = searched
            .hits
            .iter()
            .filter(|h| kept.get(h.document as usize).copied().unwrap_or(false))
            .copied()
            .collect();
        let sort = match view.sort.as_str() {
            "date" => "date",
            "outlet" => "outlet",
            "relevance" => "relevance",
            _ if searched.has_words => "relevance",
            _ => "date",
        };
        match sort {
            // At a hundred thousand documents, comparing their dates took a quarter of a second, and
            // sorting by their places in date order a dozen milliseconds: a long list is put in those
            // places instead (each document has its own).
            "date" if shown.len() > docs.len() / 16 => {
                let mut placed: Vec<Option<Ranked>> = vec![None; docs.len()];
                // A document without a place (none should be) goes last, as the sort would put it.
                let mut unplaced = Vec::new();
                for h in shown.drain(..) {
                    match placed.get_mut(facet_data.date_rank(h.document) as usize) {
                        Some(p @ None) => *p = Some(h),
                        _ => unplaced.push(h),
                    }
                }
                shown = placed.into_iter().flatten().chain(unplaced).collect();
            }
            "date" => shown.sort_unstable_by_key(|h| facet_data.date_rank(h.document)),
            "outlet" => shown.sort_by(|a, b| {
                outlet_label(&docs[a.document as usize])
                    .cmp(&outlet_label(&docs[b.document as usize]))
                    .then(a.document.cmp(&b.document))
            }),
            _ => {}
        }
        // A part's documents among the results are counted from `kept`; only the others (those of the
        // part not searched) are put to the filter again.
        let mut listed = vec![false; kept.len()];
        for &d in &candidates {
            if let Some(l) = listed.get_mut(d as usize) {
                *l = true;
            }
        }
        let passing = |part: &[u32]| {
            let at = |d: u32| d as usize;
            let (ours, others): (Vec<u32>, Vec<u32>) =
                part.iter().partition(|&&d| listed.get(at(d)).copied().unwrap_or(false));
            ours.iter().filter(|&&d| kept[at(d)]).count() + facet_data.passing(&others, &filter)
        };
        let (article, comments) = (passing(&searched.article), passing(&searched.comments));
        Self { article, comments, facets, shown, found: searched.found.clone(), sort }
    }
}

#[component]
pub fn Library() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    // A click's view is drawn at once and written into the URL after that frame is painted (pushState
    // costs a millisecond or two, and the router's redraw more): until then it is `pending`.
    let pending = use_state(|| None::<View>);
    let clicks = use_mut_ref(|| 0u64);
    let mounted = use_mut_ref(|| true);
    {
        let mounted = mounted.clone();
        use_effect_with((), move |_| move || *mounted.borrow_mut() = false);
    }
    // The browser's own navigation (Back, Forward, a link to another view of the Library: `popstate`)
    // before a view's URL is written stands: the view not yet written is dropped, not written over it.
    let navigations = use_mut_ref(|| 0u64);
    {
        let navigations = navigations.clone();
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                let on_pop = Closure::<dyn Fn()>::new(move || {
                    *navigations.borrow_mut() += 1;
                    pending.set(None);
                });
                let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
                (window, on_pop)
            });
            move || {
                if let Some((window, on_pop)) = listener {
                    let _ = window
                        .remove_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
                }
            }
        });
    }
    let view = (*pending)
        .clone()
        .unwrap_or_else(|| View::from_query(location.as_ref().map_or("", |l| l.query_str())));
    let problems = view.problems(&corpus);
    use_effect_with((), |_| set_title("Library"));
    let csv_problem = use_state(|| None::<String>);
    // How many cards are drawn, for the view (by its query string) it was raised in.
    let drawn = use_state(|| (String::new(), PAGE));
    let docs = corpus.documents();

    // Navigation: replace while typing, push for a facet click; the view is drawn first, the URL follows.
    // The same callback from one draw to the next (the facets, a component of their own, are not drawn
    // again for a new one).
    // A typed view's URL (a replace) is written once its answer is drawn, not while its index chunks and
    // texts are on their way: the router's redraw then held the page's thread when they came. It is
    // keyed by the view's query string, and written at the latest after `URL_WAIT_MS`.
    let typed_url = use_mut_ref(TypedUrl::default);
    // Bumped by each keystroke and each navigation: a keystroke's view held back for its texts is drawn
    // only if nothing came after it.
    let typed_ticket = use_mut_ref(|| 0u64);
    let go = {
        let pending = pending.clone();
        let typed_url = typed_url.clone();
        let typed_ticket = typed_ticket.clone();
        use_callback(navigator.clone(), move |(next, push): (View, bool), navigator| {
            *typed_ticket.borrow_mut() += 1;
            let click = {
                let mut clicks = clicks.borrow_mut();
                *clicks += 1;
                *clicks
            };
            pending.set(Some(next.clone()));
            let key = serde_urlencoded::to_string(next.pairs()).unwrap_or_default();
            let navigator = navigator.clone();
            let pending = pending.clone();
            let clicks = clicks.clone();
            let mounted = mounted.clone();
            let navigations = navigations.clone();
            let seen = *navigations.borrow();
            let write = move || {
                // Left the Library within the frame, or went elsewhere in it: that URL stands.
                if !*mounted.borrow() || *navigations.borrow() != seen {
                    return;
                }
                if let Some(nav) = &navigator {
                    let pairs = next.pairs();
                    // An empty view is the bare Library address, not "#/?".
                    let _ = match (push, pairs.is_empty()) {
                        (true, true) => {
                            nav.push(&Route::Library);
                            Ok(())
                        }
                        (false, true) => {
                            nav.replace(&Route::Library);
                            Ok(())
                        }
                        (true, false) => nav.push_with_query(&Route::Library, &pairs),
                        (false, false) => nav.replace_with_query(&Route::Library, &pairs),
                    };
                }
                // A later click's view is still to be written: keep showing it.
                if *clicks.borrow() == click {
                    pending.set(None);
                }
            };
            if push {
                // A typed view not yet written goes first, so that the history keeps the order.
                let typed = typed_url.borrow_mut().take();
                browser::after_paint(move || {
                    if let Some((_, typed)) = typed {
                        typed();
                    }
                    write();
                });
            } else {
                *typed_url.borrow_mut() = Some((key.clone(), Box::new(write)));
                let typed_url = typed_url.clone();
                browser::after(URL_WAIT_MS, move || write_typed(&typed_url, &key));
            }
        })
    };

    // Searches run when the query or the part searched changes, not on a facet click or a sort.
    // A typed search ranked by the keystroke's handler, for the draw that shows it.
    let prepared = use_mut_ref(|| None::<Prepared>);
    // On a built site, whether the search's index chunks are all here: it is run again when they come, and
    // not when others do (a chunk a typed search asked for comes while the last view is still drawn).
    let arrived = corpus.site.as_ref().map(|s| s.has_index_for(&view.q));
    let searched = {
        let corpus = corpus.clone();
        let prepared = prepared.clone();
        use_memo((view.q.clone(), view.part.clone(), arrived), move |(q, part, _)| {
            let query = search::parse(q);
            let n = corpus.documents().len();
            let parts = View { part: part.clone(), ..View::default() }.parts();
            if query.include.is_empty() && query.exclude.is_empty() {
                // Every document, and no index needed.
                let all: Vec<u32> = (0..u32::try_from(n).unwrap_or(u32::MAX)).collect();
                let hits = all.iter().map(|&d| Ranked::unranked(d)).collect();
                return Searched {
                    hits,
                    found: Rc::new(Found { matches: Matches::default(), parts }),
                    article: all.clone(),
                    comments: all,
                    has_words: false,
                    every: true,
                    waiting: false,
                };
            }
            if let Some(site) = &corpus.site {
                // The texts of the last search's cards not yet sent are not wanted now.
                site.drop_queued_texts();
                let head = &site.head;
                if !site.request_chunks(&head.needed(&query)) {
                    return Searched::nothing(parts);
                }
                let ready = prepared
                    .borrow_mut()
                    .take()
                    .filter(|p| p.q == *q && p.part == *part && p.generation == site.index_generation());
                let (matches, hits) = match ready {
                    Some(p) => (p.matches, p.hits),
                    None => {
                        let matches = head.matches(&query, |c| site.chunk(c));
                        let hits = head.ranked_matches(n, &matches, &parts, None);
                        (matches, hits)
                    }
                };
                return Searched {
                    hits,
                    article: head.documents_in(n, &matches, Part::Article),
                    comments: head.documents_in(n, &matches, Part::Comments),
                    found: Rc::new(Found { matches, parts }),
                    has_words: !query.include.is_empty(),
                    every: false,
                    waiting: false,
                };
            }
            let index = corpus.index();
            let matches = index.matches(&query);
            Searched {
                hits: index.ranked_matches(n, &matches, &parts, None),
                article: index.documents_in(n, &matches, Part::Article),
                comments: index.documents_in(n, &matches, Part::Comments),
                found: Rc::new(Found { matches, parts }),
                has_words: !query.include.is_empty(),
                every: false,
                waiting: false,
            }
        })
    };
    // A search's answer, once replaced, is freed in an idle period rather than in the task that draws the
    // new one (a common word's matches in a hundred thousand documents). Not after the next paint: a
    // keystroke handled in an animation frame's callback would then ask for another frame.
    let fresh = {
        let last = use_mut_ref(|| None::<Rc<Searched>>);
        let mut last = last.borrow_mut();
        let fresh = !last.as_ref().is_some_and(|l| Rc::ptr_eq(l, &searched));
        if fresh && let Some(old) = last.replace(searched.clone()) {
            browser::when_idle(move || drop(old));
        }
        fresh
    };
    // On a built site, a new answer's first cards are known before its facets are counted when nothing
    // chosen narrows or reorders it: their texts are asked for now, ahead of the counting (a common word's
    // matches took a millisecond or more to count at 1,000 documents, and at 100,000 they are counted in
    // a task of their own).
    if fresh
        && !searched.waiting
        && searched.has_words
        && matches!(view.sort.as_str(), "" | "relevance")
        && view.filter().is_empty()
        && let Some(site) = &corpus.site
    {
        for hit in searched.hits.iter().take(FIRST_CARDS).filter(|h| !h.is_unranked()) {
            if let Some(card) = docs.get(hit.document as usize) {
                site.text(hit.document, card);
            }
        }
    }
    // The last list of every document (no words searched) is kept for its view: clearing the search box
    // draws it again without counting a hundred thousand documents again.
    let unsearched = use_mut_ref(|| None::<(View, usize, Rc<Listing>)>);
    let kept = unsearched
        .borrow()
        .as_ref()
        .filter(|(v, n, _)| searched.every && *v == view && *n == docs.len())
        .map(|(_, _, listing)| listing.clone());
    // A large answer found in this task is counted in the next: at a hundred thousand documents, a word
    // in most of them took 50 to 95 ms to search and count in one task, and the page could not answer
    // a keystroke meanwhile. Until then the view is busy, as while its index chunks come.
    let count_later = fresh && kept.is_none() && !searched.waiting && searched.hits.len() > COUNT_APART;
    let counted = use_force_update();
    if count_later {
        browser::soon(move || counted.force_update());
    }
    let listing = {
        let corpus = corpus.clone();
        let searched = searched.clone();
        // Again when the search's answer changes (on a built site, when its index chunks come). Not keyed
        // by the answer's address: a new answer can be allocated where the old one was.
        use_memo((view.clone(), arrived, count_later), move |(view, _, later)| {
            if *later {
                return None;
            }
            let listing = kept.unwrap_or_else(|| Rc::new(Listing::new(&corpus, &searched, view)));
            if searched.every {
                *unsearched.borrow_mut() = Some((view.clone(), corpus.documents().len(), listing.clone()));
            }
            Some(listing)
        })
    };
    let counting = listing.is_none();
    let view_key = serde_urlencoded::to_string(view.pairs()).unwrap_or_default();

    // The search (words and part) the cards' snippets are cut for.
    let search_key: AttrValue = format!("{}\u{1f}{}", view.q, view.part).into();

    // On a built site, a new search's first screenful of cards is drawn as soon as the search has ranked
    // them, each card keeping the room of its snippet until its text comes; the view stays busy (the count
    // says so, the facets keep their last counts, the address is not yet written) until those texts are
    // all here or `TEXT_WAIT_MS` has passed, whichever is first: a slow text does not hold the rest back.
    // The cards are laid out while their texts are on their way, and the last text to come draws its own
    // snippet, not the answer. A facet click or a sort on a search already drawn is not busy at all: its
    // new cards' snippets come with their texts.
    let text_came = use_force_update();
    let released = use_state(String::new);
    let answered = use_mut_ref(String::new);
    let holding = match (&corpus.site, &*listing) {
        (Some(site), Some(listing))
            if !searched.waiting && *released != view_key && *answered.borrow() != *search_key =>
        {
            let missing = first_texts_missing(site, docs, &listing.shown);
            // Drawn again once, when the last of them has come (a text that cannot be had draws the
            // whole app again, and then no longer counts as missing).
            let came = text_came.clone();
            when_texts_come(site, &missing, Rc::new(move || came.force_update()));
            !missing.is_empty()
        }
        _ => false,
    };
    if !holding && !searched.waiting && !counting {
        *answered.borrow_mut() = search_key.to_string();
    }
    // The view held back now, so that a timer of a search already drawn draws nothing again.
    let held = use_mut_ref(String::new);
    *held.borrow_mut() = if holding { view_key.clone() } else { String::new() };
    {
        let released = released.clone();
        use_effect_with((view_key.clone(), holding), move |(key, holding)| {
            if *holding {
                let key = key.clone();
                browser::after(TEXT_WAIT_MS, move || {
                    if *held.borrow() == key {
                        released.set(key);
                    }
                });
            }
        });
    }
    // What is drawn while a large answer waits to be counted and nothing was drawn before it: the view with
    // no answer yet.
    let searching = {
        let corpus = corpus.clone();
        use_memo((view.clone(), counting), move |(view, counting)| {
            counting.then(|| {
                let nothing = Searched::nothing(view.parts());
                Rc::new(Listing::new(&corpus, &nothing, view))
            })
        })
    };
    let busy = searched.waiting || holding || counting;
    // While a new search's index chunks come (or a large answer waits to be counted), the cards and counts
    // last drawn stay, marked busy, rather than an empty list: when the answer comes they are written over
    // in place, not taken out and made again, and the list does not blink empty at each keystroke.
    let answer_known = !searched.waiting && !counting;
    let last_drawn = use_mut_ref(|| None::<Drawn>);
    let stale = if answer_known { None } else { last_drawn.borrow().clone() };
    let listing: Rc<Listing> = match &stale {
        Some(drawn) => drawn.listing.clone(),
        None => match (&*searching, &*listing) {
            (Some(listing), _) | (None, Some(listing)) => listing.clone(),
            (None, None) => Rc::new(Listing::new(&corpus, &Searched::nothing(view.parts()), &view)),
        },
    };
    // The facets are not drawn again for a keystroke (their view is compared without its words), so the
    // view they hold can be a keystroke behind: a facet click keeps the words typed now.
    // Taken from the view when its words change, not at every draw: a draw while a typed search is held
    // back for its answer (an index chunk come) keeps the words typed.
    let words_now = use_mut_ref(String::new);
    let words_seen = use_mut_ref(String::new);
    if *words_seen.borrow() != view.q {
        (*words_seen.borrow_mut()).clone_from(&view.q);
        (*words_now.borrow_mut()).clone_from(&view.q);
    }
    let go_facets = use_callback(go.clone(), {
        let words_now = words_now.clone();
        move |(next, push): (View, bool), go: &Callback<(View, bool)>| {
            go.emit((View { q: words_now.borrow().clone(), ..next }, push));
        }
    });
    let shown = &listing.shown;
    let sort = listing.sort;

    let on_search = {
        let go = go.clone();
        let view = view.clone();
        let corpus = corpus.clone();
        let words_now = words_now.clone();
        let prepared = prepared.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let next = View { q: input.value(), ..view.clone() };
            let next_view = next.clone();
            let Some(site) = &corpus.site else {
                go.emit((next, false));
                return;
            };
            // On a built site the index chunks are asked for here, before anything is drawn.
            site.ask_for_search(&next.q);
            // The view is drawn once the search's index chunks and then its first cards' texts have come
            // (asked for here, and as soon as the chunks come), with its answer, or after `ANSWER_WAIT_MS`,
            // drawn busy: a search answered within a blink is not first drawn as under way, in a frame
            // that holds the page's thread when its texts come. A view whose first cards depend on what
            // is chosen is drawn at once, as off a built site.
            let ticket = {
                let mut ticket = typed_ticket.borrow_mut();
                *ticket += 1;
                *ticket
            };
            (*words_now.borrow_mut()).clone_from(&next.q);
            let live = {
                let typed_ticket = typed_ticket.clone();
                Rc::new(move || *typed_ticket.borrow() == ticket)
            };
            let draw: Rc<dyn Fn()> = {
                let (go, live) = (go.clone(), live.clone());
                Rc::new(move || {
                    if live() {
                        go.emit((next.clone(), false));
                    }
                })
            };
            if answer_when_ready(
                corpus.clone(),
                site.clone(),
                next_view,
                prepared.clone(),
                live,
                draw.clone(),
            ) {
                return;
            }
            browser::after(ANSWER_WAIT_MS, move || draw());
        })
    };
    let clear = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| go.emit((View::default(), true)))
    };

    let chosen_count = view.outlets.len()
        + view.events.len()
        + view.entities.len()
        + view.types.len()
        + usize::from(view.from.is_some() || view.to.is_some())
        + usize::from(!view.part.is_empty());
    let limit = if drawn.0 == view_key { drawn.1 } else { PAGE };
    {
        let typed_url = typed_url.clone();
        use_effect_with((view_key.clone(), busy), move |(key, busy)| {
            if !*busy {
                let key = key.clone();
                browser::after_paint(move || write_typed(&typed_url, &key));
            }
        });
    }
    // The view whose page of cards is drawn in full (the first screenful comes first). On a built site,
    // not before the search's answer is here: the frame that draws it still draws only a screenful.
    let complete = use_state(String::new);
    {
        let complete = complete.clone();
        use_effect_with((view_key.clone(), busy), move |(key, waiting)| {
            if !*waiting {
                let key = key.clone();
                browser::after_paint(move || complete.set(key));
            }
        });
    }
    // The first screenful of the cards on screen while busy (those below the fold are taken out while
    // the answer is on its way, not in the frame that draws it); then a first screenful of the answer,
    // written over those cards in place; then the page, once that is painted (the texts of the cards
    // below the fold are asked for then, not in the task that answers).
    let drawing = match &stale {
        Some(drawn) => drawn.cards.min(FIRST_CARDS),
        None if *complete == view_key => limit,
        None => limit.min(FIRST_CARDS),
    };
    let (card_search, card_query) = match &stale {
        Some(drawn) => (drawn.search.clone(), drawn.query.clone()),
        None => (search_key.clone(), AttrValue::from(view.q.clone())),
    };
    if answer_known {
        *last_drawn.borrow_mut() = Some(Drawn {
            listing: listing.clone(),
            search: card_search.clone(),
            query: card_query.clone(),
            cards: drawing.min(listing.shown.len()),
        });
    }
    // The facets count a new search's answer in the frame after the one that paints its cards (with the
    // rest of the page of cards): the results come first, and the facets' sixty-odd rows, whose counts,
    // labels and boxes all change, are not laid out in the frame that answers. Until then, and while a
    // search is answered, they keep their last counts. A facet click or a sort on the search drawn
    // counts at once, in the frame that draws its cards.
    let facets_last = use_mut_ref(|| None::<(AttrValue, Rc<Listing>)>);
    let facets_listing = {
        let last = facets_last.borrow().clone();
        match last {
            Some((search, last)) if busy || (search != card_search && *complete != view_key) => last,
            _ => {
                *facets_last.borrow_mut() = Some((card_search.clone(), listing.clone()));
                listing.clone()
            }
        }
    };
    let facets_behind = busy || !Rc::ptr_eq(&facets_listing, &listing);
    let on_more = {
        let drawn = drawn.clone();
        let key = view_key.clone();
        Callback::from(move |_: MouseEvent| drawn.set((key.clone(), limit + PAGE)))
    };
    let on_csv = {
        let listing = listing.clone();
        let corpus = corpus.clone();
        let csv_problem = csv_problem.clone();
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<(u32, f32, u32)> =
                listing.shown.iter().map(|h| (h.document, h.score, h.matches)).collect();
            let result = results_csv(&corpus, &rows)
                .and_then(|csv| browser::download("parallax-results.csv", "text/csv", &csv));
            csv_problem.set(result.err());
        })
    };

    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ "Library" }</h1>
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="search-input" class="visually-hidden">{ "Search the corpus" }</label>
                <input id="search-input" type="search" value={view.q.clone()} oninput={on_search}
                    placeholder={"Search: words, \"exact phrase\", prefix*, -exclude, names"}
                    autocomplete="off" spellcheck="false" />
            </form>
            if !problems.is_empty() {
                <div class="banner notice" role="status">
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    <Link<Route> to={Route::Library}>{ "Show the whole library" }</Link<Route>>
                </div>
            }
            <div class="library-layout">
                // Marked busy while the facets show counts other than those of the results drawn.
                <div class="facets-column" aria-busy={facets_behind.then_some("true")}>
                    <Facets listing={facets_listing} view={view.clone()} corpus={corpus.clone()} go={go_facets} />
                </div>
                <div class="results">
                    <div class="results-bar">
                        // While a search is answered the count says so, in its own place: nothing above the
                        // cards comes and goes, so they are not moved down and back at each keystroke.
                        <p class={classes!("count", busy.then_some("loading"))} role="status" aria-live="polite">
                            { if busy { "Searching…".to_owned() } else { count_label(shown.len(), docs.len()) } }
                        </p>
                        // On a phone the filters follow the results: this takes the reader to them.
                        <button type="button" class="to-filters" onclick={Callback::from(|_: MouseEvent| {
                            if let Some(aside) = element_by_id("filters") {
                                aside.scroll_into_view();
                                let _ = aside.focus();
                            }
                        })}>
                            { match chosen_count {
                                0 => "Filters".to_owned(),
                                n => format!("Filters ({n} chosen)"),
                            } }
                        </button>
                        <label for="sort">{ "Sort by " }</label>
                        <select id="sort" onchange={{
                            let go = go.clone();
                            let view = view.clone();
                            Callback::from(move |e: Event| {
                                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                                go.emit((View { sort: select.value(), ..view.clone() }, true));
                            })
                        }}>
                            { for [("relevance", "relevance"), ("date", "date"), ("outlet", "outlet")].into_iter().map(|(v, l)| html! {
                                <option value={v} selected={sort == v}>{ l }</option>
                            }) }
                        </select>
                        if let [event] = view.events.iter().collect::<Vec<_>>()[..] {
                            <a class="compare-link" href={crate::pages::compare::CompareView::of_event(event).href()}>
                                { "Compare the outlets on this event" }
                            </a>
                        }
                        if view.narrowed() {
                            <button type="button" class="clear" onclick={clear}>{ "Clear search and filters" }</button>
                        }
                        <button type="button" class="download-csv" onclick={on_csv} disabled={shown.is_empty()}>
                            { "Download results (CSV)" }
                        </button>
                        if let Some(problem) = &*csv_problem {
                            <p class="tool-status" role="alert">{ problem }</p>
                        }
                    </div>
                    if !busy && shown.is_empty() {
                        <p class="no-results">{ "No document matches. Remove a word or a filter to widen the search." }</p>
                    }
                    <Cards listing={listing.clone()} {drawing} search={card_search} query={card_query} {busy} corpus={corpus.clone()} />
                    if shown.len() > limit {
                        <button type="button" class="show-more" onclick={on_more}>
                            { format!("Show {} more of {} not shown", PAGE.min(shown.len() - limit), shown.len() - limit) }
                        </button>
                    }
                </div>
            </div>
        </section>
    }
}

#[derive(Properties)]
struct FacetsProps {
    listing: Rc<Listing>,
    view: View,
    corpus: Rc<crate::corpus::Corpus>,
    /// Goes to a view: `(view, push)`.
    go: Callback<(View, bool)>,
}

// The listing and the corpus by address: the props keep the old ones alive while they are compared.
impl PartialEq for FacetsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.listing, &other.listing)
            && Rc::ptr_eq(&self.corpus, &other.corpus)
            && self.view.same_but_words(&other.view)
            && self.go == other.go
    }
}

/// The facets beside the results, a component of their own: a redraw of the Library that changes neither
/// the listing nor the view (the URL catching up with a click, a text come for a card) leaves them be.
#[component]
fn Facets(props: &FacetsProps) -> Html {
    let FacetsProps { listing, view, corpus, go } = props;
    let entity_find = use_state(String::new);
    let all_events = use_state(|| false);
    let all_outlets = use_state(|| false);
    let all_years = use_state(|| false);
    let outlet_find = use_state(String::new);
    let facets = &listing.facets;
    let shown = &listing.shown;
    // One listener for every facet value's box: the box says its value, its fieldset its facet.
    let on_facet = {
        let go = go.clone();
        let view = view.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(value) = input.get_attribute("data-value") else { return };
            let facet = input
                .closest("fieldset[data-facet]")
                .ok()
                .flatten()
                .and_then(|f| f.get_attribute("data-facet"));
            if let Some(next) = facet.and_then(|facet| view.toggled(&facet, value)) {
                go.emit((next, true));
            }
        })
    };
    let set_view = |next: View| {
        let go = go.clone();
        Callback::from(move |_: Event| go.emit((next.clone(), true)))
    };
    let checkbox_group =
        |title: &str, name: &str, counts: &[FacetCount], chosen: &BTreeSet<String>, extra: Html| {
            // Chosen values stay listed even when nothing else is left with them.
            let mut rows: Vec<FacetCount> = counts.to_vec();
            for c in chosen {
                if !rows.iter().any(|r| r.value.as_str() == c) {
                    rows.push(FacetCount { value: c.as_str().into(), label: c.as_str().into(), count: 0 });
                }
            }
            html! {
                <fieldset class="facet" data-facet={name.to_owned()}>
                    <legend>{ title }</legend>
                    { extra }
                    if rows.is_empty() {
                        <p class="facet-empty">{ "none" }</p>
                    }
                    <div class="facet-values">
                        { for rows.iter().enumerate().map(|(at, r)| facet_row(at,
                            format!("facet-{name}-{}", r.value),
                            chosen.contains(r.value.as_str()),
                            r,
                        )) }
                    </div>
                </fieldset>
            }
        };

    let needle = entity_find.to_lowercase();
    let entity_rows: Vec<FacetCount> = facets
        .entities
        .iter()
        .filter(|e| needle.is_empty() || e.label.to_lowercase().contains(&needle))
        .take(if needle.is_empty() { ENTITY_ROWS } else { 50 })
        .cloned()
        .collect();
    let on_entity_find = {
        let entity_find = entity_find.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            entity_find.set(input.value());
        })
    };
    let chosen_entities: BTreeSet<String> = view.entities.clone();
    let entity_names: Vec<(String, String)> = chosen_entities
        .iter()
        .map(|id| {
            let name = corpus
                .bundle
                .canonical
                .entities
                .iter()
                .find(|e| &e.id == id)
                .map_or(id.clone(), |e| e.name.clone());
            (id.clone(), name)
        })
        .collect();
    let mut entity_counts = entity_rows;
    for (id, name) in &entity_names {
        if !entity_counts.iter().any(|r| r.value.as_str() == id) {
            let count = facets.entities.iter().find(|e| e.value.as_str() == id).map_or(0, |e| e.count);
            entity_counts
                .insert(0, FacetCount { value: id.as_str().into(), label: name.as_str().into(), count });
        }
    }

    let year_chosen = |y: &str| view.from.as_deref() == Some(y) && view.to.as_deref() == Some(y);
    let chosen_year: BTreeSet<String> =
        facets.years.iter().filter(|y| year_chosen(&y.value)).map(|y| y.value.to_string()).collect();
    let years = busiest(&facets.years, &chosen_year, (!*all_years).then_some(YEAR_ROWS));
    // The most reported events, and any chosen one further down the list.
    let event_rows = listed(&facets.events, &view.events, (!*all_events).then_some(EVENT_ROWS), "");
    // The outlets with most documents, those whose name holds what was typed, and any chosen one.
    let outlet_needle = outlet_find.trim().to_lowercase();
    let outlet_rows =
        listed(&facets.outlets, &view.outlets, (!*all_outlets).then_some(OUTLET_ROWS), &outlet_needle);
    let many_outlets = facets.outlets.len() > OUTLET_ROWS;
    let outlet_tools = if many_outlets {
        let outlet_find = outlet_find.clone();
        html! {
            <>
                <label for="outlet-find" class="visually-hidden">{ "Find an outlet" }</label>
                <input id="outlet-find" type="search" placeholder={format!("Find one of {} outlets", facets.outlets.len())}
                    value={(*outlet_find).clone()} autocomplete="off"
                    oninput={Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        outlet_find.set(input.value());
                    })} />
            </>
        }
    } else {
        Html::default()
    };

    html! {
        <aside class="facets" id="filters" aria-label="Filters" tabindex="-1" onchange={on_facet}>
            <fieldset class="facet" data-facet="part">
                <legend>{ "Section" }</legend>
                { for [("", "Everything"), ("article", "Article"), ("comments", "Reader comments")].into_iter().map(|(value, label)| {
                    let id = format!("facet-part-{}", if value.is_empty() { "all" } else { value });
                    let count = match value {
                        "article" => listing.article,
                        "comments" => listing.comments,
                        _ => facets.total as usize,
                    };
                    let count = if value.is_empty() && view.part.is_empty() { shown.len() } else { count };
                    html! {
                        <div class="facet-row">
                            <input type="radio" name="part" id={id.clone()} checked={view.part == value}
                                onchange={set_view(View { part: value.to_owned(), ..view.clone() })} />
                            <label for={id}>
                                <span class="facet-label">{ label }</span>
                                if !value.is_empty() || view.part.is_empty() {
                                    <span class="facet-count">{ count }</span>
                                }
                            </label>
                        </div>
                    }
                }) }
            </fieldset>
            { checkbox_group("Outlet", "outlet", &outlet_rows, &view.outlets, outlet_tools) }
            if many_outlets && outlet_needle.is_empty() {
                { facet_more(&all_outlets, "outlets", facets.outlets.len()) }
            }
            <fieldset class="facet" data-facet="year">
                <legend>{ "Year" }</legend>
                <div class="facet-values">
                { for years.iter().enumerate().map(|(at, y)| {
                    facet_row(at, format!("facet-year-{}", y.value), year_chosen(&y.value), y)
                }) }
                </div>
            </fieldset>
            if facets.years.len() > YEAR_ROWS {
                { facet_more(&all_years, "years", facets.years.len()) }
            }
            { checkbox_group("Event", "event", &event_rows, &view.events, Html::default()) }
            if facets.events.len() > EVENT_ROWS {
                { facet_more(&all_events, "events", facets.events.len()) }
            }
            { checkbox_group("Entity type", "type", &facets.types, &view.types, Html::default()) }
            <fieldset class="facet" data-facet="entity">
                <legend>{ "Entity" }</legend>
                <label for="entity-find" class="visually-hidden">{ "Find an entity" }</label>
                <input id="entity-find" type="search" placeholder="Find an entity"
                    value={(*entity_find).clone()} oninput={on_entity_find} autocomplete="off" />
                <div class="facet-row match-mode">
                    <input type="checkbox" id="entity-all" checked={view.all}
                        onchange={set_view(View { all: !view.all, ..view.clone() })} />
                    <label for="entity-all">{ "Mentions all chosen (else any)" }</label>
                </div>
                <div class="facet-values">
                    { for entity_counts.iter().enumerate().map(|(at, r)| facet_row(at,
                        format!("facet-entity-{}", r.value),
                        view.entities.contains(r.value.as_str()),
                        r,
                    )) }
                </div>
            </fieldset>
        </aside>
    }
}

#[derive(Properties)]
struct CardsProps {
    listing: Rc<Listing>,
    /// How many of the listing's cards are drawn.
    drawing: usize,
    /// The search (words and part) the snippets are cut for.
    search: AttrValue,
    query: AttrValue,
    busy: bool,
    corpus: Rc<crate::corpus::Corpus>,
}

impl PartialEq for CardsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.listing, &other.listing)
            && Rc::ptr_eq(&self.corpus, &other.corpus)
            && (self.drawing, self.busy) == (other.drawing, other.busy)
            && (&self.search, &self.query) == (&other.search, &other.query)
    }
}

/// A typed view's URL waiting to be written: its query string, and what writes it.
type TypedUrl = Option<(String, Box<dyn FnOnce()>)>;

/// Writes the URL of the typed view `key` if it is still waiting to be written (not replaced by a later
/// one, nor written already).
fn write_typed(typed: &RefCell<TypedUrl>, key: &str) {
    let write = {
        let mut typed = typed.borrow_mut();
        match typed.take() {
            Some((k, write)) if k == key => Some(write),
            other => {
                *typed = other;
                None
            }
        }
    };
    if let Some(write) = write {
        write();
    }
}

/// The result cards, a component of their own, drawn again only when what they show changes.
#[component]
fn Cards(props: &CardsProps) -> Html {
    let CardsProps { listing, drawing, search, query, busy, corpus } = props;
    let (drawing, busy) = (*drawing, *busy);
    let search_key = search;
    let shown = &listing.shown;
    let docs = corpus.documents();
    let navigator = use_navigator();
    // The cards' links are plain anchors (a router link is a component of its own, and a list redraw
    // made twenty of them); one listener on the list follows them through the router.
    let hash_links = navigator.as_ref().is_some_and(|n| n.kind() == NavigatorKind::Hash);
    // On a built site, the cards after the first screenful ask for their texts when they come within half
    // a screen of the viewport, not all at once: a search that is typed on does not wait behind the texts
    // of the last one's cards below the fold, and a reader who never scrolls does not fetch them.
    let list = use_node_ref();
    let near = use_mut_ref(BTreeSet::<usize>::new);
    let came_near = use_force_update();
    {
        let (list, near, site) = (list.clone(), near.clone(), corpus.site.is_some());
        let count = drawing.min(shown.len());
        use_effect_with((count, site), move |&(count, site)| {
            near.borrow_mut().clear();
            let watching = (site && count > FIRST_CARDS)
                .then(|| list.cast::<web_sys::Element>())
                .flatten()
                .and_then(|list| {
                    browser::watch_nearing(&list.children(), "50% 0px", move |at, is_near| {
                        // A card that comes near draws the cards again, and then asks for its text.
                        let came = if is_near {
                            near.borrow_mut().insert(at)
                        } else {
                            near.borrow_mut().remove(&at);
                            false
                        };
                        if came && at >= FIRST_CARDS {
                            came_near.force_update();
                        }
                    })
                });
            move || drop(watching)
        });
    }
    let on_card_click = {
        let navigator = navigator.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            let target: Option<web_sys::Element> = e.target().and_then(|t| t.dyn_into().ok());
            let card = target
                .and_then(|t| t.closest("a.doc-link").ok().flatten())
                .and_then(|a| a.closest("li.doc-card").ok().flatten())
                .and_then(|li| li.get_attribute("data-id"));
            if let (Some(id), Some(nav)) = (card, &navigator) {
                e.prevent_default();
                nav.push(&Route::Reader { id });
            }
        })
    };
    html! {
        <ol class="doc-list" ref={list} data-query={query.clone()} aria-busy={busy.then_some("true")} onclick={on_card_click}>
            { for shown.iter().take(drawing).enumerate().map(|(at, hit)| {
                let doc = &docs[hit.document as usize];
                // Snippets for the cards drawn only; an unranked list has none. A built site cuts
                // them from the document's text, fetched for the cards drawn.
                let snippets = if hit.is_unranked() {
                    Html::default()
                } else if corpus.site.is_some() {
                    let ask = at < FIRST_CARDS || near.borrow().contains(&at);
                    let found = FoundRef(listing.found.clone());
                    html! { <SiteSnippets hit={*hit} {found} search={search_key.clone()} {ask} /> }
                } else {
                    let found = &listing.found;
                    snippet_list(&corpus.index().snippets_of(doc, &found.matches, &found.parts, hit))
                };
                let path = Route::Reader { id: doc.id.clone() }.to_path();
                let href = if hash_links { format!("#{path}") } else { path };
                card(at, doc, hit, snippets, corpus.word_count(hit.document), href, corpus.is_imported(&doc.id))
            }) }
        </ol>
    }
}

/// The cards last drawn with an answer: what stays on screen while the next search is answered.
#[derive(Clone)]
struct Drawn {
    listing: Rc<Listing>,
    search: AttrValue,
    query: AttrValue,
    cards: usize,
}

/// The rows of a long facet that are listed: the first `limit` (all when `None`) of those whose label
/// holds `needle` (lower case; empty for all), and every chosen one wherever it falls, in the facet's order.
fn listed(
    counts: &[FacetCount],
    chosen: &BTreeSet<String>,
    limit: Option<usize>,
    needle: &str,
) -> Vec<FacetCount> {
    let mut taken = 0usize;
    counts
        .iter()
        .filter(|r| {
            let wanted = (needle.is_empty() || r.label.to_lowercase().contains(needle))
                && limit.is_none_or(|n| taken < n);
            taken += usize::from(wanted);
            wanted || chosen.contains(r.value.as_str())
        })
        .cloned()
        .collect()
}

/// The button under a long facet that lists all `total` of its values (`what`), or the first ones again.
fn facet_more(all: &UseStateHandle<bool>, what: &str, total: usize) -> Html {
    let label = if **all { format!("Fewer {what}") } else { format!("All {total} {what}") };
    let expanded = (**all).to_string();
    let all = all.clone();
    html! {
        <button type="button" class="facet-more" aria-expanded={expanded}
            onclick={Callback::from(move |_: MouseEvent| all.set(!*all))}>
            { label }
        </button>
    }
}

/// The rows of a facet listed in its own order (the years), not all at once: the `limit` (all when
/// `None`) with most documents, and every chosen one.
fn busiest(counts: &[FacetCount], chosen: &BTreeSet<String>, limit: Option<usize>) -> Vec<FacetCount> {
    let Some(limit) = limit.filter(|&n| counts.len() > n) else { return counts.to_vec() };
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by(|&a, &b| counts[b].count.cmp(&counts[a].count).then(a.cmp(&b)));
    let mut keep = vec![false; counts.len()];
    for &i in order.iter().take(limit) {
        keep[i] = true;
    }
    counts
        .iter()
        .zip(keep)
        .filter(|(r, keep)| *keep || chosen.contains(r.value.as_str()))
        .map(|(r, _)| r.clone())
        .collect()
}

/// A facet value as a checkbox with its label and live count, the `at`th of its facet. Rows are keyed by
/// place, and each facet's rows sit in a container of their own: when a click changes which values a list
/// holds (an outlet chosen changes the years, events and entities counted), the rows already there are
/// given the new values rather than taken out and made anew, and what precedes them (a find box being typed
/// in) is left alone. A facet's own click leaves its order as it was (a facet does not narrow itself), so
/// the box just clicked keeps its value and its focus.
fn facet_row(at: usize, id: String, checked: bool, row: &FacetCount) -> Html {
    html! {
        <div class="facet-row" key={at}>
            <input type="checkbox" id={id.clone()} {checked} data-value={row.value.as_str().to_owned()} />
            <label for={id}>
                <span class="facet-label">{ row.label.as_str() }</span>
                <span class="facet-count">{ row.count }</span>
            </label>
        </div>
    }
}

/// The result list as CSV, in the order shown: one row per document, with its rank, score and matches.
fn results_csv(corpus: &crate::corpus::Corpus, rows: &[(u32, f32, u32)]) -> Result<String, String> {
    let docs = corpus.documents();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "rank",
        "id",
        "outlet",
        "published",
        "headline",
        "byline",
        "words",
        "comments",
        "matches",
        "score",
        "source",
    ];
    writer.write_record(header).map_err(|e| e.to_string())?;
    for (rank, &(d, score, matches)) in rows.iter().enumerate() {
        let Some(doc) = docs.get(d as usize) else { continue };
        let opt = |f: Option<&parallax_core::Fact<String>>| f.map(|f| f.value.clone()).unwrap_or_default();
        writer
            .write_record([
                (rank + 1).to_string(),
                doc.id.clone(),
                opt(doc.meta.outlet.as_ref()),
                opt(doc.meta.published.as_ref()),
                opt(doc.meta.headline.as_ref()),
                doc.meta.byline.as_ref().map(|b| b.value.join("; ")).unwrap_or_default(),
                corpus.word_count(d).to_string(),
                doc.comments.len().to_string(),
                matches.to_string(),
                if score > 0.0 { format!("{score:.3}") } else { String::new() },
                doc.source.clone(),
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

fn count_label(shown: usize, total: usize) -> String {
    if shown == total { format!("{total} documents") } else { format!("{shown} of {total} documents") }
}

/// A result card, the `at`th of the list. Cards are keyed by place: a click that changes the list writes
/// the new documents into the cards on screen, which the browser then lays out once, rather than making new
/// cards, whose first layout is done twice (`content-visibility` settling whether each is near the
/// viewport).
fn card(
    at: usize,
    doc: &Document,
    hit: &Ranked,
    snippets: Html,
    words: u32,
    href: String,
    imported: bool,
) -> Html {
    html! {
        <li class="doc-card" key={at} data-id={doc.id.clone()}>
            <a {href} class="doc-link"><span class="doc-headline">{ headline_label(doc) }</span></a>
            <div class="doc-meta">
                <span class="outlet">{ outlet_label(doc) }</span>
                <time class="date">{ date_label(doc) }</time>
                <span class="words">{ format!("{words} words") }</span>
                if !doc.comments.is_empty() {
                    <span class="comment-count">{ comment_count(doc.comments.len()) }</span>
                }
                if hit.matches > 0 {
                    <span class="match-count">{ if hit.matches == 1 { "1 match".to_owned() } else { format!("{} matches", hit.matches) } }</span>
                }
            </div>
            if let Some(byline) = &doc.meta.byline {
                <div class="doc-byline">{ format!("By {}", byline.value.join(", ")) }</div>
            }
            { snippets }
            <div class="doc-source">
                { &doc.source }
                if imported {
                    { " " }<span class="badge-imported">{ "Imported" }</span>
                }
            </div>
        </li>
    }
}

/// Keyword-in-context lines, if there are any.
fn snippet_list(snippets: &[Snippet]) -> Html {
    if snippets.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="snippets">
            { for snippets.iter().map(snippet) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct SiteSnippetsProps {
    hit: Ranked,
    /// Where the search matched (compared by address: a new answer draws the card again).
    found: FoundRef,
    /// The search shown (its words and part): a new one draws the card again, which asks again for a
    /// text whose request the new search dropped before it was sent, even when the hit is the same.
    search: AttrValue,
    /// Whether to ask for the text if it is not here (a card near the viewport), or only to show it.
    ask: bool,
}

/// A search's matches, shared by the cards cut from them; equal when the same answer.
#[derive(Clone)]
struct FoundRef(Rc<Found>);

impl PartialEq for FoundRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A built site's card's snippets, cut from the document's text once it has come. The card draws again
/// alone when it does, not the whole Library.
#[component]
fn SiteSnippets(props: &SiteSnippetsProps) -> Html {
    let corpus = use_corpus();
    let arrived = use_force_update();
    let document = props.hit.document;
    {
        let corpus = corpus.clone();
        use_effect_with(document, move |&d| {
            if let Some(site) = &corpus.site {
                site.watch_text(d, Rc::new(move || arrived.force_update()));
            }
        });
    }
    let site = corpus.site.clone();
    let text = site
        .as_ref()
        .zip(corpus.documents().get(document as usize))
        .and_then(|(s, card)| if props.ask { s.text(document, card) } else { s.text_here(document) });
    // Until its text comes, the card keeps a snippet's room (its cards below do not move when it comes);
    // a text that cannot be had leaves the card without one.
    if text.is_none() && site.as_ref().is_some_and(|s| !s.text_failed(document)) {
        return html! { <ul class="snippets pending" aria-hidden="true"><li class="snippet-room"></li></ul> };
    }
    // Cut once per search and text, not on every redraw of the app (a chunk's arrival draws it again).
    let found = props.found.0.clone();
    let snippets = use_memo((props.hit, props.search.clone(), text.is_some()), move |(hit, _, _)| {
        site.zip(text)
            .map(|(site, text)| site.head.snippets_of(&text, &found.matches, &found.parts, hit))
            .unwrap_or_default()
    });
    snippet_list(&snippets)
}

/// A keyword-in-context line: the matches in `<mark>`, as text nodes (never as HTML).
fn snippet(s: &Snippet) -> Html {
    let mut pieces = Vec::new();
    let mut at = 0usize;
    for &(a, z) in &s.highlights {
        let (a, z) = (a as usize, z as usize);
        if a < at {
            continue;
        }
        if let (Some(before), Some(hit)) = (s.text.get(at..a), s.text.get(a..z)) {
            pieces.push(html! { { before } });
            pieces.push(html! { <mark>{ hit }</mark> });
            at = z;
        }
    }
    pieces.push(html! { { s.text.get(at..).unwrap_or("") } });
    html! {
        <li class={classes!("snippet", (s.part == Part::Comments).then_some("in-comments"))}>
            if s.part == Part::Comments {
                <span class="snippet-part">{ "Reader comment: " }</span>
            }
            if s.before { { "… " } }
            { for pieces }
            if s.after { { " …" } }
        </li>
    }
}

fn comment_count(n: usize) -> String {
    if n == 1 { "1 reader comment".to_owned() } else { format!("{n} reader comments") }
}

/// The page's element with this id, as an HTML element.
fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Sets the browser tab's title for a view.
pub(crate) fn set_title(view: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{view} · Parallax"));
    }
}
