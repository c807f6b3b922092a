//! Entities: the corpus's canonical entities with their aliases and roles, how much each outlet names
//! them (a heat map of counts), and who is named with a chosen one.
//!
//! The URL is the state (`#/entities?q=putin&type=PERSON&sort=name&entity=person:vladimir-putin`), as in
//! the Library: typing in the filter box replaces the history entry, every other choice pushes one. The
//! counts, orders and CSV files come from `parallax_core::explore`; this component lays them out.

use parallax_core::explore::{
    self, CO_ROWS, CoList, Coverage, EntityFilter, EntitySort, NAMED_LABELS, Scope, coverage_csv,
    entities_csv,
};
use parallax_core::language::Label;
use parallax_core::language::canonical::CorpusEntity;
use parallax_core::site::Table;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use super::reader::label_name;
use crate::app::Route;
use crate::corpus::use_corpus;

/// Rows the table shows before asking the reader to narrow it (the CSV has them all).
const TABLE_ROWS: usize = 200;
/// Rows of the heat map: the first of the table's order.
const HEAT_ROWS: usize = 25;

/// The Entities view's state, as the URL carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntitiesView {
    /// The filter box's text.
    pub q: String,
    /// An entity type as the engine writes it (`PERSON`), or empty for every type.
    pub kind: String,
    /// `mentions` (the default), `documents` or `name`.
    pub sort: String,
    /// The selected entity's id, whose co-occurrences are shown.
    pub entity: String,
    /// Whether reader comments count.
    pub comments: bool,
}

impl EntitiesView {
    /// Reads the view from a query string; unknown keys are ignored.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (k, v) in super::query_pairs(query) {
            match k.as_str() {
                "q" => view.q = v,
                "type" => view.kind = v,
                "sort" => view.sort = v,
                "entity" => view.entity = v,
                "comments" => view.comments = v == "1",
                _ => {}
            }
        }
        view
    }

    /// The query string's pairs, in a stable order; defaults are left out.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut put = |k: &str, v: &str| {
            if !v.is_empty() {
                out.push((k.to_owned(), v.to_owned()));
            }
        };
        put("q", &self.q);
        put("type", &self.kind);
        put("sort", &self.sort);
        put("entity", &self.entity);
        put("comments", if self.comments { "1" } else { "" });
        out
    }

    fn label(&self) -> Option<Label> {
        Label::parse(&self.kind).filter(|l| NAMED_LABELS.contains(l))
    }

    fn sort(&self) -> EntitySort {
        EntitySort::parse(&self.sort).unwrap_or_default()
    }

    fn scope(&self) -> Scope {
        if self.comments { Scope::All } else { Scope::Article }
    }

    /// What in the link could not be read, in words; each is shown and then ignored.
    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.kind.is_empty() && self.label().is_none() {
            out.push(format!("“{}” is not an entity type; every type is shown.", self.kind));
        }
        if !self.sort.is_empty() && EntitySort::parse(&self.sort).is_none() {
            out.push(format!("“{}” is not a sort order; the table is sorted by mentions.", self.sort));
        }
        out
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The view. On a built site it reads the corpus entities and the entity tables made at build time (the
/// counts by outlet), and who is named with a chosen entity from a small file of its own: no document.
#[component]
pub fn Entities() -> Html {
    let corpus = use_corpus();
    if let Some(site) = &corpus.site {
        const WHAT: &str = "Loading the entity tables…";
        // Both files are asked for at once.
        let counts = site.entity_tables();
        if let Some(waiting) = super::waiting_for(&corpus, &[Table::Canonical], &[], WHAT) {
            return waiting;
        }
        if counts.is_none() {
            return super::loading_note(site, WHAT);
        }
    }
    html! { <EntitiesPage /> }
}

#[component]
fn EntitiesPage() -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    let view = EntitiesView::from_query(location.as_ref().map_or("", |l| l.query_str()));
    let bundle = corpus.bundle.clone();
    let scope = view.scope();
    // A built site's counts were made when it was built; the embedded corpus's are counted here, once per
    // scope.
    let built = corpus.site.as_ref().and_then(|site| site.entity_tables());
    let counted = use_memo((scope, built.is_some()), move |&(scope, built)| {
        if built {
            Coverage::default()
        } else {
            explore::coverage(&bundle.documents, &bundle.canonical, scope)
        }
    });
    let coverage: &Coverage = built.as_ref().map_or(&counted, |t| t.coverage(scope));
    let canonical = &corpus.bundle.canonical;
    let selected: Option<(u32, &CorpusEntity)> = canonical
        .entities
        .iter()
        .enumerate()
        .find(|(_, e)| e.id == view.entity)
        .map(|(i, e)| (u32::try_from(i).unwrap_or(u32::MAX), e));
    let title = match selected {
        Some((_, e)) => format!("Entities: {}", e.name),
        None => "Entities".to_owned(),
    };
    use_effect_with(title, |title| set_title(title));
    let bundle = corpus.bundle.clone();
    let chosen = selected.map(|(i, _)| i);
    let counted_co = use_memo((chosen, scope, built.is_some()), move |&(entity, scope, built)| {
        let all = |e| explore::co_occurrence(&bundle.documents, &bundle.canonical, e, scope);
        entity.filter(|_| !built).map(|e| CoList::of(all(e), CO_ROWS))
    });
    // On a built site, `None` until the chosen entity's file has come.
    let co: Option<CoList> = match (&corpus.site, chosen) {
        (Some(site), Some(e)) => site.co_list(e, scope),
        _ => Some((*counted_co).clone().unwrap_or_default()),
    };
    let failure = corpus.site.as_ref().zip(chosen).and_then(|(site, e)| site.co_failure(e));
    let named_with = match (&co, &failure) {
        (Some(co), _) => NamedWith::Here(co),
        (None, Some(failure)) => NamedWith::Failed(failure),
        (None, None) => NamedWith::Loading,
    };

    // Navigation: replace while typing, push for everything else.
    let go = {
        let navigator = navigator.clone();
        Callback::from(move |(next, push): (EntitiesView, bool)| {
            let Some(nav) = &navigator else { return };
            let pairs = next.pairs();
            let _ = match (push, pairs.is_empty()) {
                (true, true) => {
                    nav.push(&Route::Entities);
                    Ok(())
                }
                (false, true) => {
                    nav.replace(&Route::Entities);
                    Ok(())
                }
                (true, false) => nav.push_with_query(&Route::Entities, &pairs),
                (false, false) => nav.replace_with_query(&Route::Entities, &pairs),
            };
        })
    };

    let filter = EntityFilter { label: view.label(), text: view.q.clone() };
    let sort = view.sort();
    let rows = explore::entity_rows(canonical, coverage, &filter, sort);
    let total_named = explore::entity_rows(canonical, coverage, &EntityFilter::default(), sort).len();

    let on_text = {
        let go = go.clone();
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            go.emit((EntitiesView { q: input.value(), ..view.clone() }, false));
        })
    };
    let on_type = {
        let go = go.clone();
        let view = view.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            go.emit((EntitiesView { kind: select.value(), ..view.clone() }, true));
        })
    };
    let on_comments = {
        let go = go.clone();
        let view = view.clone();
        Callback::from(move |_: Event| {
            go.emit((EntitiesView { comments: !view.comments, ..view.clone() }, true))
        })
    };
    let sort_by = |s: EntitySort| {
        let go = go.clone();
        // The default order is the bare address.
        let value = if s == EntitySort::default() { String::new() } else { s.as_str().to_owned() };
        let next = EntitiesView { sort: value, ..view.clone() };
        Callback::from(move |_: MouseEvent| go.emit((next.clone(), true)))
    };
    let header = |s: EntitySort, text: &str, class: &str| {
        let active = s == sort;
        let direction = if s == EntitySort::Name { "ascending" } else { "descending" };
        html! {
            <th scope="col" class={classes!(class.to_owned(), "sortable")} aria-sort={if active { direction } else { "none" }}>
                <button type="button" class={classes!("sort", active.then_some("active"))} onclick={sort_by(s)}
                    data-sort={s.as_str()}>
                    { text }
                    <span class="sort-mark" aria-hidden="true">{ if !active { "" } else if s == EntitySort::Name { " ▲" } else { " ▼" } }</span>
                </button>
            </th>
        }
    };
    let select_link = |e: &CorpusEntity, class: &'static str| {
        let query = EntitiesView { entity: e.id.clone(), ..view.clone() }.pairs();
        html! {
            <Link<Route, Vec<(String, String)>> to={Route::Entities} query={Some(query)} classes={class}>
                { &e.name }
            </Link<Route, Vec<(String, String)>>>
        }
    };
    let library_query = |e: &CorpusEntity| vec![("entity".to_owned(), e.id.clone())];

    let entity_name = |i: u32| canonical.entities.get(i as usize);
    let download_entities = {
        let csv = entities_csv(canonical, coverage, &rows);
        Callback::from(move |_: MouseEvent| download("parallax-entities.csv", &csv))
    };
    let heat_rows: Vec<u32> = rows.iter().copied().take(HEAT_ROWS).collect();
    let download_coverage = {
        let csv = coverage_csv(canonical, coverage, &rows);
        Callback::from(move |_: MouseEvent| download("parallax-coverage.csv", &csv))
    };
    let problems = view.problems();
    let sort_name = match sort {
        EntitySort::Mentions => "most mentions first",
        EntitySort::Documents => "most documents first",
        EntitySort::Name => "by name",
    };
    let count_text = if rows.len() == total_named {
        format!("{} entities, {sort_name}", rows.len())
    } else {
        format!("{} of {} entities, {sort_name}", rows.len(), total_named)
    };

    html! {
        <section class="entities" aria-labelledby="entities-title">
            <h1 id="entities-title">{ "Entities" }</h1>
            <p class="lede">
                { "The people, organisations, places, events and groups the corpus names, each spelling merged into one entity. " }
                { if view.comments { "Counts include reader comments." } else { "Counts cover the articles; reader comments are left out." } }
            </p>
            if !problems.is_empty() {
                <div class="link-problem" role="alert">
                    <p>{ "Part of this link could not be read:" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    <p><Link<Route> to={Route::Entities}>{ "Show every entity" }</Link<Route>></p>
                </div>
            }
            <form class="entity-controls" role="search" aria-label="Filter entities"
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="control">
                    <label for="entity-filter">{ "Name or alias" }</label>
                    <input id="entity-filter" type="search" value={view.q.clone()} oninput={on_text}
                        placeholder="e.g. Putin, FSB" autocomplete="off" spellcheck="false" />
                </div>
                <div class="control">
                    <label for="entity-type">{ "Type" }</label>
                    <select id="entity-type" onchange={on_type}>
                        <option value="" selected={view.label().is_none()}>{ "All types" }</option>
                        { for NAMED_LABELS.iter().map(|&l| html! {
                            <option value={l.as_str()} selected={view.label() == Some(l)}>{ label_name(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="control check">
                    <input id="entity-comments" type="checkbox" checked={view.comments} onchange={on_comments} />
                    <label for="entity-comments">{ "Count reader comments" }</label>
                </div>
            </form>
            <div class="entities-layout">
                <div class="entity-list">
                    <div class="list-bar">
                        <p class="count" role="status" aria-live="polite">{ count_text.clone() }</p>
                        <button type="button" class="download" data-download="entities" onclick={download_entities}
                            disabled={rows.is_empty()}>
                            { "Download CSV" }<span class="visually-hidden">{ " of the entity table" }</span>
                        </button>
                    </div>
                    if rows.is_empty() {
                        <p class="no-results">{ "No entity matches. Clear the box or choose another type." }</p>
                    } else {
                        <div class="table-wrap" role="region" aria-labelledby="entity-table-caption" tabindex="0">
                            <table class="entity-table">
                                <caption id="entity-table-caption" class="visually-hidden">
                                    { format!("Entities: {count_text}. Choose a name to see who is named with it.") }
                                </caption>
                                <thead>
                                    <tr>
                                        { header(EntitySort::Name, "Name", "name") }
                                        <th scope="col" class="type">{ "Type" }</th>
                                        <th scope="col" class="aliases">{ "Also named" }</th>
                                        <th scope="col" class="roles">{ "Roles" }</th>
                                        { header(EntitySort::Documents, "Documents", "num") }
                                        <th scope="col" class="num">{ "Outlets" }</th>
                                        { header(EntitySort::Mentions, "Mentions", "num") }
                                    </tr>
                                </thead>
                                <tbody>
                                    { for rows.iter().take(TABLE_ROWS).filter_map(|&i| {
                                        let e = canonical.entities.get(i as usize)?;
                                        let c = coverage.rows.get(i as usize)?;
                                        let chosen = selected.is_some_and(|(s, _)| s == i);
                                        let roles = explore::distinct_roles(e);
                                        Some(html! {
                                            <tr key={e.id.clone()} data-entity={e.id.clone()}
                                                class={classes!(chosen.then_some("selected"))}
                                                aria-current={chosen.then_some("true")}>
                                                <th scope="row" class="name">{ select_link(e, "entity-name") }</th>
                                                <td class="type"><span class={classes!("type-chip", e.label.as_str().to_lowercase())}>{ explore::label_name(e.label) }</span></td>
                                                <td class="aliases">{ e.aliases.join(", ") }</td>
                                                <td class="roles">{ roles.join("; ") }</td>
                                                <td class="num documents">
                                                    <Link<Route, Vec<(String, String)>> to={Route::Library} query={Some(library_query(e))} classes="library-link">
                                                        <span class="n">{ c.documents }</span>
                                                        <span class="visually-hidden">{ format!(" documents naming {}, in the Library", e.name) }</span>
                                                    </Link<Route, Vec<(String, String)>>>
                                                </td>
                                                <td class="num outlets">{ c.outlets() }</td>
                                                <td class="num mentions">{ c.mentions }</td>
                                            </tr>
                                        })
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        if rows.len() > TABLE_ROWS {
                            <p class="note">{ format!("The first {TABLE_ROWS} of {} are shown: narrow the list with the box or the type. The CSV has them all.", rows.len()) }</p>
                        }
                    }
                </div>
                { co_panel(&view, selected, named_with, coverage, entity_name, &select_link, &library_query) }
            </div>
            { heat_map(coverage, &heat_rows, rows.len(), canonical, &select_link, download_coverage) }
        </section>
    }
}

/// Who is named with the selected entity: here, on its way (a built site's file), or not to be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamedWith<'a> {
    Here(&'a CoList),
    Loading,
    Failed(&'a str),
}

/// The panel of who and what is named with the selected entity.
fn co_panel<'a>(
    view: &EntitiesView,
    selected: Option<(u32, &CorpusEntity)>,
    co: NamedWith<'_>,
    coverage: &Coverage,
    entity: impl Fn(u32) -> Option<&'a CorpusEntity>,
    select_link: &dyn Fn(&CorpusEntity, &'static str) -> Html,
    library_query: &dyn Fn(&CorpusEntity) -> Vec<(String, String)>,
) -> Html {
    let body = match selected {
        None if view.entity.is_empty() => html! {
            <>
                <h2 id="co-title">{ "Named together" }</h2>
                <p class="hint">{ "Choose an entity's name in the table to see who and what the corpus names with it, in the same passages and the same documents." }</p>
            </>
        },
        None => {
            let clear = EntitiesView { entity: String::new(), ..view.clone() }.pairs();
            html! {
                <div class="stale" role="alert">
                    <h2 id="co-title">{ "No such entity" }</h2>
                    <p>{ format!("There is no entity “{}” in this corpus. The link may be stale or mistyped.", view.entity) }</p>
                    <p>
                        <Link<Route, Vec<(String, String)>> to={Route::Entities} query={Some(clear)} classes="clear-selection">
                            { "Clear the selection" }
                        </Link<Route, Vec<(String, String)>>>
                    </p>
                </div>
            }
        }
        Some((i, e)) => {
            let c = coverage.rows.get(i as usize).cloned().unwrap_or_default();
            let roles = explore::distinct_roles(e);
            let (listed, total) = match co {
                NamedWith::Here(co) => (&co.top[..], co.total as usize),
                _ => (&[][..], 0),
            };
            let top = listed.iter().map(|c| c.passages.max(c.documents)).max().unwrap_or(1).max(1);
            let more = total.saturating_sub(listed.len());
            html! {
                <>
                    <h2 id="co-title">{ format!("Named with {}", e.name) }</h2>
                    <p class="co-facts">
                        <span class={classes!("type-chip", e.label.as_str().to_lowercase())}>{ explore::label_name(e.label) }</span>
                        { format!(" {} in {} from {}", plural(c.mentions, "mention", "mentions"),
                            plural(c.documents, "document", "documents"), plural(c.outlets(), "outlet", "outlets")) }
                    </p>
                    if !e.aliases.is_empty() {
                        <p class="aliases"><span class="key">{ "Also named: " }</span>{ e.aliases.join(", ") }</p>
                    }
                    if !roles.is_empty() {
                        <p class="roles"><span class="key">{ "Roles: " }</span>{ roles.join("; ") }</p>
                    }
                    <p>
                        <Link<Route, Vec<(String, String)>> to={Route::Library} query={Some(library_query(e))} classes="library-link open-library">
                            { format!("Open the documents naming {} in the Library", e.name) }
                        </Link<Route, Vec<(String, String)>>>
                    </p>
                    if c.documents > 1 {
                        <p>
                            <a class="compare-link" href={crate::pages::compare::CompareView::of_entity(&e.id).href()}>
                                { format!("Compare how outlets write about {}", e.name) }
                            </a>
                        </p>
                    }
                    if let NamedWith::Failed(failure) = co {
                        <p class="banner error" role="alert">{ format!("Who is named with {} could not be loaded: {failure}.", e.name) }</p>
                    } else if co == NamedWith::Loading {
                        <p class="hint co-loading" role="status">{ format!("Loading who is named with {}…", e.name) }</p>
                    } else if listed.is_empty() {
                        <p class="hint">{ "No other entity is named in the documents that name it." }</p>
                    } else {
                        <table class="co-table">
                            <caption>{ format!("Named with {}: most shared passages first", e.name) }</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{ "Entity" }</th>
                                    <th scope="col" class="num" title="Headlines, paragraphs and captions that name both">{ "Passages" }</th>
                                    <th scope="col" class="num">{ "Documents" }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for listed.iter().take(CO_ROWS).filter_map(|c| {
                                    let other = entity(c.entity)?;
                                    let width = (c.passages * 100 / top).to_string();
                                    Some(html! {
                                        <tr key={other.id.clone()} data-entity={other.id.clone()}>
                                            <th scope="row">{ select_link(other, "co-name") }</th>
                                            <td class="num passages">
                                                <svg class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect {width} height="1" /></svg>
                                                <span class="n">{ c.passages }</span>
                                            </td>
                                            <td class="num documents">{ c.documents }</td>
                                        </tr>
                                    })
                                }) }
                            </tbody>
                        </table>
                        if more > 0 {
                            <p class="note">{ format!("and {more} more") }</p>
                        }
                    }
                </>
            }
        }
    };
    html! {
        <aside class="co-occurrence" aria-labelledby="co-title">{ body }</aside>
    }
}

/// Entities by outlet: counts in cells, the cell's tint growing with the count.
fn heat_map(
    coverage: &Coverage,
    rows: &[u32],
    listed: usize,
    canonical: &parallax_core::language::canonical::Canonical,
    select_link: &dyn Fn(&CorpusEntity, &'static str) -> Html,
    on_download: Callback<MouseEvent>,
) -> Html {
    let shown_max = rows
        .iter()
        .filter_map(|&i| coverage.rows.get(i as usize))
        .flat_map(|r| r.counts.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    html! {
        <section class="coverage" aria-labelledby="coverage-title">
            <div class="list-bar">
                <h2 id="coverage-title">{ "Coverage by outlet" }</h2>
                <button type="button" class="download" data-download="coverage" onclick={on_download} disabled={rows.is_empty()}>
                    { "Download CSV" }<span class="visually-hidden">{ " of the coverage table" }</span>
                </button>
            </div>
            <p class="hint">
                { format!("Mentions per outlet of the first {} entities of the table above, in its order; the darker the cell, the more mentions. The CSV has all {listed}.", rows.len()) }
            </p>
            if !rows.is_empty() {
                <div class="table-wrap" role="region" aria-labelledby="coverage-caption" tabindex="0">
                    <table class="heatmap">
                        <caption id="coverage-caption" class="visually-hidden">{ "Mentions of each entity by each outlet" }</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="entity-col">{ "Entity" }</th>
                                { for coverage.outlets.iter().zip(&coverage.outlet_documents).map(|(o, n)| html! {
                                    <th scope="col" class="outlet-col">
                                        <span class="outlet">{ o }</span>
                                        <span class="docs">{ plural(*n, "doc", "docs") }</span>
                                    </th>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().filter_map(|&i| {
                                let e = canonical.entities.get(i as usize)?;
                                let r = coverage.rows.get(i as usize)?;
                                Some(html! {
                                    <tr key={e.id.clone()} data-entity={e.id.clone()}>
                                        <th scope="row">{ select_link(e, "heat-name") }</th>
                                        { for r.counts.iter().map(|&n| {
                                            let level = heat(n, shown_max);
                                            let hot = level >= HOT;
                                            html! {
                                                <td class={classes!("cell", format!("heat-{level}"), (n == 0).then_some("zero"), hot.then_some("hot"))}>
                                                    { n }
                                                </td>
                                            }
                                        }) }
                                    </tr>
                                })
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The first tint level dark enough to take light text.
const HOT: u32 = 6;

/// A cell's tint level, 0 (none) to 8; `www/style.css` gives each level its share of the accent colour
/// (classes, not inline styles: the Content-Security-Policy allows no inline style). Counts are scaled by
/// their square root, so a few mentions still show against a few dozen. Levels 1 to 5 (8% to 45% of the
/// accent) take the page's text colour, levels 6 to 8 (80% to 100%) the accent's own text colour, each at
/// 4.5:1 or more in both themes.
fn heat(n: u32, max: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    let h = (f64::from(n) / f64::from(max.max(1))).sqrt().min(1.0);
    if h > 0.6 { HOT + (2.0 * (h - 0.6) / 0.4).round() as u32 } else { 1 + (4.0 * h / 0.6).round() as u32 }
}

/// Saves `text` as a CSV file; a browser that refuses says why in the console.
fn download(name: &str, text: &str) {
    if let Err(why) = crate::browser::download(name, "text/csv;charset=utf-8", text) {
        web_sys::console::warn_1(&why.into());
    }
}
