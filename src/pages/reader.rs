//! The Reader: one document, its metadata with evidence, the article, and what was removed from the page.
//!
//! The URL is the state: `#/doc/ID?hide=place&hide=date&entity=ENTITY` hides entity types from the
//! highlighting and picks out every mention of one entity, so a copied link shows the same marks. A
//! mention's card (on hover or keyboard focus) is the one piece of state the URL does not keep.

use std::collections::BTreeSet;
use std::rc::Rc;

use parallax_core::framing::EventPart;
use parallax_core::language::{self, Label, Speaker};
use parallax_core::manifest::OVERRIDE_RULE;
use parallax_core::site::Table;
use parallax_core::{Document, Fact, SectionKind};
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use super::not_found::NotFound;
use super::{citation, date_label, headline_label, outlet_label, plural};
use crate::app::Route;
use crate::pages::compare::CompareView;

use crate::browser;
use crate::corpus::{Corpus, use_corpus};

/// Events an entity card offers to compare, at most.
const CARD_EVENTS: usize = 3;

#[derive(Debug, Properties, PartialEq)]
pub struct ReaderProps {
    pub id: AttrValue,
}

/// The Reader's state, as the URL's query carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// Entity types not highlighted.
    pub hidden: BTreeSet<Label>,
    /// The corpus entity whose mentions are picked out.
    pub entity: Option<String>,
    /// What the link asked for that this view cannot show, said plainly.
    pub problems: Vec<String>,
}

impl ReaderView {
    /// Reads the view from a query string. Unknown types are reported, not ignored in silence; an
    /// entity id is checked against the corpus by the caller.
    pub fn from_query(query: &str) -> Self {
        let mut view = Self::default();
        for (k, v) in super::query_pairs(query) {
            match k.as_str() {
                "hide" => match Label::parse(&v.to_uppercase()) {
                    Some(label) => drop(view.hidden.insert(label)),
                    None => view.problems.push(format!("“{v}” is not an entity type, so it is not hidden.")),
                },
                "entity" if !v.is_empty() => view.entity = Some(v),
                _ => {}
            }
        }
        view
    }

    /// The query string's pairs, in a stable order.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            self.hidden.iter().map(|l| ("hide".to_owned(), l.as_str().to_lowercase())).collect();
        if let Some(e) = &self.entity {
            out.push(("entity".to_owned(), e.clone()));
        }
        out
    }
}

/// Goes to the Reader of `id` showing `view`: a new history entry, so Back undoes a toggle.
fn go(navigator: Option<&Navigator>, id: &str, view: &ReaderView) {
    let Some(nav) = navigator else { return };
    let route = Route::Reader { id: id.to_owned() };
    let pairs = view.pairs();
    if pairs.is_empty() {
        nav.push(&route);
    } else {
        let _ = nav.push_with_query(&route, &pairs);
    }
}

/// The Reader, once its document is here whole with the corpus's entities (on a built site they are
/// fetched first). The events, which only an entity's card names, come meanwhile and need not be waited
/// for; the framing table is not the Reader's (at a hundred thousand documents it is 150 MB).
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let corpus = use_corpus();
    if let Some(site) = &corpus.site
        && corpus.position(&props.id).is_some()
    {
        site.request_tables(&[Table::Canonical, Table::Events]);
    }
    if let (Some(site), Some(d)) = (&corpus.site, corpus.position(&props.id))
        && !(corpus.is_whole(d) && corpus.has_tables(&[Table::Canonical]))
    {
        site.request_document(d);
        if let Some(failure) = site.failures().last() {
            return html! { <p class="banner error" role="alert">{ format!("The document could not be loaded: {failure}.") }</p> };
        }
        return html! { <p class="loading" role="status">{ "Loading the document…" }</p> };
    }
    html! { <ReaderPage id={props.id.clone()} /> }
}

#[component]
fn ReaderPage(props: &ReaderProps) -> Html {
    let corpus = use_corpus();
    let location = use_location();
    let navigator = use_navigator();
    let title = corpus.document(&props.id).map(headline_label);
    use_effect_with(title, |title| set_title(title.as_deref().unwrap_or("Not found")));
    // The mention whose card is open, by index into the document's mentions.
    let card = use_state(|| None::<u32>);
    {
        // A card belongs to its document: close it when the Reader moves to another.
        let card = card.clone();
        use_effect_with(props.id.clone(), move |_| card.set(None));
    }
    let Some(doc) = corpus.document(&props.id) else {
        return html! { <NotFound what={AttrValue::from(format!("document “{}”", props.id))} /> };
    };
    let mut view = ReaderView::from_query(location.as_ref().map_or("", |l| l.query_str()));
    if let Some(id) = &view.entity
        && !corpus.bundle.canonical.entities.iter().any(|e| &e.id == id)
    {
        view.problems.push(format!("No entity “{id}” in this corpus: nothing is picked out."));
    }
    let on_view = {
        let navigator = navigator.clone();
        let id = doc.id.clone();
        Callback::from(move |next: ReaderView| go(navigator.as_ref(), &id, &next))
    };
    let on_card = {
        let card = card.clone();
        Callback::from(move |m: Option<u32>| card.set(m))
    };
    let marks = Marks::new(&corpus, doc, &view, *card, on_card.clone());
    let hidden_classes: Vec<String> =
        view.hidden.iter().map(|l| format!("hide-{}", l.as_str().to_lowercase())).collect();
    let onkeydown = {
        let on_card = on_card.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_card.emit(None);
            }
        })
    };
    html! {
        <article class="reader" data-id={doc.id.clone()} {onkeydown}>
            <p class="back"><Link<Route> to={Route::Library}>{ "← Library" }</Link<Route>></p>
            if !view.problems.is_empty() {
                <div class="banner notice" role="status">
                    <ul>{ for view.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    <Link<Route> to={Route::Reader { id: doc.id.clone() }}>{ "Show the document plainly" }</Link<Route>>
                </div>
            }
            <header class="doc-header">
                <h1 class="headline">{ headline_label(doc) }</h1>
                if let Some(standfirst) = &doc.meta.standfirst {
                    <p class="standfirst">{ &standfirst.value }</p>
                }
                <dl class="facts">
                    <dt>{ "Outlet" }</dt>
                    <dd class="outlet">{ outlet_label(doc) }{ evidence(doc.meta.outlet.as_ref()) }</dd>
                    <dt>{ "Published" }</dt>
                    <dd class="date">{ date_label(doc) }{ evidence(doc.meta.published.as_ref()) }</dd>
                    if let Some(byline) = &doc.meta.byline {
                        <dt>{ "By" }</dt>
                        <dd class="byline">{ byline.value.join(", ") }</dd>
                    }
                    if let Some(dateline) = &doc.meta.dateline {
                        <dt>{ "Filed from" }</dt>
                        <dd class="dateline">{ &dateline.value }{ evidence(Some(dateline)) }</dd>
                    }
                    <dt>{ "Source" }</dt>
                    <dd class="source">
                        { &doc.source }
                        if corpus.is_imported(&doc.id) {
                            { " " }<Link<Route> to={Route::Import} classes="badge-imported">{ "Imported" }</Link<Route>>
                        }
                    </dd>
                </dl>
                <DocTools id={doc.id.clone()} />
                if !doc.diagnostics.is_empty() {
                    <ul class="diagnostics" aria-label="Notes on this document">
                        { for doc.diagnostics.iter().map(|d| html! { <li>{ &d.message }</li> }) }
                    </ul>
                }
            </header>
            { legend(doc, &view, &on_view) }
            <div class={classes!("article-text", hidden_classes, view.entity.is_some().then_some("picking"))}>
                { for doc.sections.iter().filter_map(|s| article_part(doc, s, &marks)) }
            </div>
            { named(&corpus, doc) }
            { comments(doc) }
            { removed(doc) }
        </article>
    }
}

#[derive(Debug, Properties, PartialEq)]
struct DocToolsProps {
    id: AttrValue,
}

/// "Copy link", "Copy citation" and the download of the document's annotations, with a status line
/// that says what happened. Where the browser keeps the clipboard closed, the text is shown, selected,
/// for copying by hand.
#[component]
fn DocTools(props: &DocToolsProps) -> Html {
    let corpus = use_corpus();
    let status = use_state(|| None::<(String, Option<String>)>);
    let copy = |what: &'static str, make: fn(&Document, &str) -> String| {
        let corpus = corpus.clone();
        let status = status.clone();
        let id = props.id.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(doc) = corpus.document(&id) else { return };
            let text = make(doc, &browser::current_url());
            let status = status.clone();
            yew::platform::spawn_local(async move {
                match browser::copy(&text).await {
                    Ok(()) => status.set(Some((format!("{what} copied."), None))),
                    Err(why) => {
                        status.set(Some((format!("Not copied: {why}. Copy it from here:"), Some(text))))
                    }
                }
            });
        })
    };
    let on_link = copy("Link", |_, link| link.to_owned());
    let on_citation = copy("Citation", citation);
    // The annotations include the framing: on a built site the Reader has not fetched it, so a click asks
    // for the framing table (each document's framing), then for the parts of the events the document
    // reports or mentions, and the file is saved once they have come (not saved without them).
    let tables = [Table::Events, Table::Framing];
    let waiting = use_state(|| false);
    // The parts of the document's events when all are here (nothing to fetch off a built site); those
    // missing are asked for.
    let parts = {
        let corpus = corpus.clone();
        let id = props.id.clone();
        move || -> Option<Vec<Rc<EventPart>>> {
            let Some(site) = &corpus.site else { return Some(Vec::new()) };
            if !corpus.has_tables(&tables) {
                site.request_tables(&tables);
                return None;
            }
            site.event_parts(&document_events(&corpus, &id))
        }
    };
    let save = {
        let corpus = corpus.clone();
        let status = status.clone();
        let id = props.id.clone();
        move |parts: &[Rc<EventPart>]| {
            let bundle = &corpus.bundle;
            let Some(index) = bundle.documents.iter().position(|d| d.id == *id) else { return };
            let parts: Vec<&EventPart> = parts.iter().map(|p| &**p).collect();
            let result = parallax_core::export::export_document_with(bundle, index, &parts)
                .ok_or_else(|| "the document is not in the corpus".to_owned())
                .and_then(|e| serde_json::to_string_pretty(&e).map_err(|e| e.to_string()))
                .and_then(|json| browser::download(&format!("{id}.json"), "application/json", &json));
            status.set(Some(match result {
                Ok(()) => {
                    (format!("Saved {id}.json: the document and its annotations, schema parallax/1."), None)
                }
                Err(why) => (why, None),
            }));
        }
    };
    {
        let (save, waiting) = (save.clone(), waiting.clone());
        let ready = if *waiting { parts() } else { None };
        use_effect_with((*waiting, ready.is_some()), move |&(asked, _)| {
            if let (true, Some(ready)) = (asked, ready) {
                waiting.set(false);
                save(&ready);
            }
        });
    }
    let on_json = {
        let status = status.clone();
        let waiting = waiting.clone();
        let parts = parts.clone();
        Callback::from(move |_: MouseEvent| match parts() {
            Some(ready) => save(&ready),
            None => {
                waiting.set(true);
                status.set(Some((
                    "Fetching the framing of the document and of its events first; the file is saved when it has come."
                        .to_owned(),
                    None,
                )));
            }
        })
    };
    // A file that could not be had ends the wait with its reason.
    let failed = (*waiting)
        .then(|| {
            corpus.site.as_ref().and_then(|site| {
                site.table_failure(&tables).or_else(|| {
                    corpus
                        .has_tables(&tables)
                        .then(|| site.event_part_failure(&document_events(&corpus, &props.id)))
                        .flatten()
                })
            })
        })
        .flatten()
        .map(|failure| (format!("Not saved: {failure}."), None::<String>));
    let shown = failed.or_else(|| (*status).clone());
    html! {
        <div class="doc-tools" role="group" aria-label="Cite or save this document">
            <button type="button" class="copy-link" onclick={on_link}>{ "Copy link" }</button>
            <button type="button" class="copy-citation" onclick={on_citation}>{ "Copy citation" }</button>
            <button type="button" class="download-json" onclick={on_json}>{ "Download annotations (JSON)" }</button>
            <p class="tool-status" role="status" aria-live="polite">
                if let Some((message, text)) = &shown {
                    { message }
                    if let Some(text) = text {
                        <textarea class="copy-fallback" readonly=true rows="3" aria-label="Text to copy"
                            value={text.clone()} />
                    }
                }
            </p>
        </div>
    }
}

/// Who and what the story names (dates aside), most mentioned first, each linking to the Library
/// filtered on it.
/// The events a document reports or mentions (their annotations are saved with it), by index.
fn document_events(corpus: &Corpus, id: &str) -> Vec<u32> {
    let Some(d) = corpus.position(id) else { return Vec::new() };
    (0..)
        .zip(&corpus.bundle.events.events)
        .filter(|(_, e)| e.documents.contains(&d) || e.mentioned_in.contains(&d))
        .map(|(i, _)| i)
        .collect()
}

fn named(corpus: &Corpus, doc: &Document) -> Html {
    let bundle = &corpus.bundle;
    let Some(d) = bundle.documents.iter().position(|x| x.id == doc.id) else { return html! {} };
    let links = bundle.canonical.links.get(d);
    let mut counts: std::collections::BTreeMap<u32, u32> = std::collections::BTreeMap::new();
    for m in doc.analysis.mentions.iter().filter(|m| m.label != Label::Date) {
        if let Some(&c) = links.and_then(|l| l.get(m.entity as usize)) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut rows: Vec<(u32, &language::canonical::CorpusEntity)> = counts
        .into_iter()
        .filter_map(|(c, n)| bundle.canonical.entities.get(c as usize).map(|e| (n, e)))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    if rows.is_empty() {
        return html! {};
    }
    let total = bundle.documents.len();
    html! {
        <section class="named" aria-labelledby="named-title">
            <h2 id="named-title">{ "Named in this story" }</h2>
            <ul>
                { for rows.iter().map(|(n, e)| {
                    let query = vec![("entity".to_owned(), e.id.clone())];
                    let label = e.label.as_str().to_lowercase();
                    html! {
                        <li class={classes!("named-entity", label)} data-entity={e.id.clone()}>
                            <Link<Route, Vec<(String, String)>> to={Route::Library} query={Some(query)} classes="named-link">
                                { &e.name }
                            </Link<Route, Vec<(String, String)>>>
                            <span class="named-count">
                                { format!(" {} here · in {} of {} documents", n, e.documents.len(), total) }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The evidence for a fact, as a short note after it.
fn evidence(fact: Option<&Fact<String>>) -> Html {
    match fact {
        Some(f) if f.evidence.rule == OVERRIDE_RULE => html! {
            <span class="override" title="This page does not carry this fact; the corpus manifest sets it.">
                { "set in the corpus manifest" }
            </span>
        },
        Some(f) => html! { <span class="evidence">{ format!(" (from the {})", f.evidence.rule) }</span> },
        None => html! {},
    }
}

fn article_part(doc: &Document, section: &parallax_core::Section, marks: &Marks) -> Option<Html> {
    let text = doc.section_text(section).trim();
    let (start, end) = trimmed(doc, section.start, section.end);
    Some(match section.kind {
        SectionKind::Body => html! { <p class="body">{ marks.render(start, end) }</p> },
        SectionKind::Subheading => html! { <h3 class="subheading">{ marks.render(start, end) }</h3> },
        SectionKind::Caption => {
            let caption = doc.captions.iter().find(|c| c.start >= section.start && c.end <= section.end);
            let (span, credit) = match caption {
                Some(c) => (trimmed(doc, c.start, c.end), c.credit.map(|span| span_text(doc, span))),
                None => ((start, end), None),
            };
            html! {
                <figure class="caption">
                    <span class="label">{ "Caption" }</span>
                    <figcaption>{ marks.render(span.0, span.1) }</figcaption>
                    if let Some(credit) = credit {
                        <span class="photo-credit">{ credit }</span>
                    }
                </figure>
            }
        }
        SectionKind::Credit => {
            html! { <p class="credit"><span class="label">{ "Credit" }</span>{ text }</p> }
        }
        SectionKind::PageMeta => {
            html! { <p class="page-meta"><span class="label">{ "Page" }</span>{ text }</p> }
        }
        // Shown in the header, or apart.
        SectionKind::Headline
        | SectionKind::Standfirst
        | SectionKind::Byline
        | SectionKind::Furniture
        | SectionKind::Comment
        | SectionKind::Blank => return None,
    })
}

/// The span `start..end` without the whitespace at its ends.
fn trimmed(doc: &Document, start: u32, end: u32) -> (u32, u32) {
    let raw = doc.text.get(start as usize..end as usize).unwrap_or("");
    let lead = u32::try_from(raw.len() - raw.trim_start().len()).unwrap_or(0);
    let trail = u32::try_from(raw.len() - raw.trim_end().len()).unwrap_or(0);
    (start + lead, end.saturating_sub(trail).max(start + lead))
}

/// The entity types, in the order the legend shows them.
const LABELS: [Label; 6] = [Label::Person, Label::Org, Label::Place, Label::Event, Label::Norp, Label::Date];

pub(crate) fn label_name(label: Label) -> &'static str {
    match label {
        Label::Person => "People",
        Label::Org => "Organisations",
        Label::Place => "Places",
        Label::Event => "Events",
        Label::Norp => "Groups",
        Label::Date => "Dates",
    }
}

/// The legend: one toggle per entity type, with how many mentions of it the article has. A toggle is a
/// link's worth of state: it goes into the URL.
fn legend(doc: &Document, view: &ReaderView, on_view: &Callback<ReaderView>) -> Html {
    let article: Vec<Label> = doc
        .analysis
        .mentions
        .iter()
        .filter(|m| {
            let i = doc.sections.partition_point(|s| s.end <= m.start);
            doc.sections.get(i).is_some_and(|s| s.kind != SectionKind::Comment)
        })
        .map(|m| m.label)
        .collect();
    if article.is_empty() {
        return html! {};
    }
    html! {
        <div class="entity-legend" role="group" aria-label="Highlight entity types">
            { for LABELS.iter().map(|&label| {
                let count = article.iter().filter(|&&l| l == label).count();
                let shown = !view.hidden.contains(&label);
                let onclick = {
                    let on_view = on_view.clone();
                    let mut next = view.clone();
                    next.problems.clear();
                    if !next.hidden.remove(&label) {
                        next.hidden.insert(label);
                    }
                    Callback::from(move |_| on_view.emit(next.clone()))
                };
                let class = format!("legend-item {}", label.as_str().to_lowercase());
                html! {
                    <button type="button" {class} aria-pressed={shown.to_string()} {onclick}>
                        <span class="swatch" aria-hidden="true"></span>
                        { format!("{} {count}", label_name(label)) }
                    </button>
                }
            }) }
            <span class="legend-note">
                <span class="hedge">{ "hedges" }</span>{ " and " }<span class="quote">{ "quotes" }</span>{ " are marked in the text" }
            </span>
        </div>
    }
}

/// What the Reader needs to mark a document's text: its analysis, the corpus entities, the view, and
/// which mention's card is open.
struct Marks<'a> {
    corpus: &'a Corpus,
    doc: &'a Document,
    entities: Vec<Option<&'a language::canonical::CorpusEntity>>,
    view: &'a ReaderView,
    card: Option<u32>,
    on_card: Callback<Option<u32>>,
}

impl<'a> Marks<'a> {
    fn new(
        corpus: &'a Corpus,
        doc: &'a Document,
        view: &'a ReaderView,
        card: Option<u32>,
        on_card: Callback<Option<u32>>,
    ) -> Self {
        let bundle = &corpus.bundle;
        let d = bundle.documents.iter().position(|x| x.id == doc.id);
        let links = d.and_then(|d| bundle.canonical.links.get(d));
        let entities = (0..doc.analysis.entities.len())
            .map(|e| links.and_then(|l| l.get(e)).and_then(|&g| bundle.canonical.entities.get(g as usize)))
            .collect();
        Self { corpus, doc, entities, view, card, on_card }
    }

    /// The text `start..end` with its mentions, quotes and hedges marked.
    fn render(&self, start: u32, end: u32) -> Html {
        let a = &self.doc.analysis;
        html! {
            { for language::runs(a, start, end).into_iter().map(|run| {
                let text = self.doc.text.get(run.start as usize..run.end as usize).unwrap_or("").to_owned();
                let mut node = html! { { text } };
                if let Some(h) = run.hedge.and_then(|h| a.hedges.get(h as usize)) {
                    let title = match h.kind {
                        language::HedgeKind::Lexical => format!("Hedge: “{}”", h.term),
                        language::HedgeKind::ScareQuote => "Scare quote: words quoted at arm's length, with no speaker".to_owned(),
                    };
                    node = html! { <span class="hedge" {title}>{ node }</span> };
                }
                if let Some((i, m)) = run.mention.and_then(|i| Some((i, a.mentions.get(i as usize)?))) {
                    node = self.mention(i, m, run.end, node);
                }
                if let Some(q) = run.quote.and_then(|q| a.quotes.get(q as usize)) {
                    let speaker = match &q.speaker {
                        Speaker::Entity(e) => a.entities.get(*e as usize).map_or("?".to_owned(), |e| e.name.clone()),
                        Speaker::Unnamed(d) => format!("unnamed source: {d}"),
                        Speaker::Outlet => "the outlet (no speaker named)".to_owned(),
                    };
                    let how = if q.direct { "Quote" } else { "Reported speech" };
                    let verb = q.verb.as_deref().map(|v| format!(" ({v})")).unwrap_or_default();
                    let title = format!("{how}: {speaker}{verb}");
                    node = html! {
                        <span class={classes!("quote", (!q.direct).then_some("reported"))} data-speaker={speaker} {title}>{ node }</span>
                    };
                }
                node
            }) }
        }
    }

    /// One run of mention `i`, marked by type; hover, focus or a click opens its card, shown after the
    /// mention's last run.
    fn mention(&self, i: u32, m: &language::Mention, run_end: u32, inner: Html) -> Html {
        let label = m.label.as_str().to_lowercase();
        let entity = self.entities.get(m.entity as usize).copied().flatten();
        let id = entity.map(|e| e.id.clone()).unwrap_or_default();
        let picked = entity.is_some_and(|e| self.view.entity.as_deref() == Some(e.id.as_str()));
        let open = self.card == Some(i);
        let show = {
            let on_card = self.on_card.clone();
            move || on_card.emit(Some(i))
        };
        let onmouseenter = {
            let show = show.clone();
            Callback::from(move |_: MouseEvent| show())
        };
        let onfocus = {
            let show = show.clone();
            Callback::from(move |_: FocusEvent| show())
        };
        let onclick = Callback::from(move |_: MouseEvent| show());
        html! {
            <>
                <mark class={classes!("entity", label, picked.then_some("picked"))} data-entity={id}
                    data-mention={i.to_string()} tabindex="0"
                    aria-describedby={open.then_some("entity-card")}
                    {onmouseenter} {onfocus} {onclick}>{ inner }</mark>
                if open && run_end == m.end {
                    { self.card(m) }
                }
            </>
        }
    }

    /// The card of a mention: what the corpus knows of its entity, and where to go from here.
    fn card(&self, m: &language::Mention) -> Html {
        let close = {
            let on_card = self.on_card.clone();
            Callback::from(move |_: MouseEvent| on_card.emit(None))
        };
        let Some(e) = self.entities.get(m.entity as usize).copied().flatten() else {
            let name =
                self.doc.analysis.entities.get(m.entity as usize).map(|e| e.name.clone()).unwrap_or_default();
            return html! {
                <span class="entity-card" id="entity-card" role="group" aria-label={format!("About {name}")}>
                    <span class="card-head">
                        <strong class="card-name">{ name }</strong>
                        <span class="card-type">{ parallax_core::explore::label_name(m.label) }</span>
                        <button type="button" class="card-close" aria-label="Close the card" onclick={close}>{ "×" }</button>
                    </span>
                </span>
            };
        };
        let docs = &self.corpus.bundle.documents;
        let outlets: BTreeSet<String> =
            e.documents.iter().filter_map(|&d| docs.get(d as usize)).map(outlet_label).collect();
        let mut roles: Vec<&str> = e.roles.iter().map(|r| r.role.as_str()).collect();
        roles.sort_unstable();
        roles.dedup();
        let reach = format!(
            "Mentioned {} in {} of {} documents, by {}",
            plural(e.mentions as usize, "time", "times"),
            e.documents.len(),
            docs.len(),
            plural(outlets.len(), "outlet", "outlets"),
        );
        let library = vec![("entity".to_owned(), e.id.clone())];
        let mut pick = self.view.clone();
        pick.problems.clear();
        let picked = pick.entity.as_deref() == Some(e.id.as_str());
        pick.entity = if picked { None } else { Some(e.id.clone()) };
        let pick_label = if picked { "Stop picking out its mentions" } else { "Pick out its mentions here" };
        let here = Route::Reader { id: self.doc.id.clone() };
        // The events this document reports that the entity characterises: compare them from here.
        let bundle = &self.corpus.bundle;
        let g =
            bundle.canonical.entities.iter().position(|x| x.id == e.id).and_then(|g| u32::try_from(g).ok());
        let d = bundle.documents.iter().position(|x| x.id == self.doc.id).and_then(|d| u32::try_from(d).ok());
        let events_here = self.corpus.has_tables(&[Table::Events]);
        let events: Vec<&parallax_core::events::Event> = bundle
            .events
            .events
            .iter()
            .filter(|ev| {
                d.is_some_and(|d| ev.documents.contains(&d)) && g.is_some_and(|g| ev.entities.contains(&g))
            })
            .take(CARD_EVENTS)
            .collect();
        html! {
            <span class="entity-card" id="entity-card" role="group" aria-label={format!("About {}", e.name)}
                data-entity={e.id.clone()}>
                <span class="card-head">
                    <strong class="card-name">{ &e.name }</strong>
                    <span class={classes!("card-type", m.label.as_str().to_lowercase())}>{ parallax_core::explore::label_name(e.label) }</span>
                    <button type="button" class="card-close" aria-label="Close the card" onclick={close}>{ "×" }</button>
                </span>
                if !e.aliases.is_empty() {
                    <span class="card-row"><span class="card-key">{ "Also " }</span>{ e.aliases.join(", ") }</span>
                }
                if !roles.is_empty() {
                    <span class="card-row"><span class="card-key">{ "Roles " }</span>{ roles.join("; ") }</span>
                }
                <span class="card-row card-reach">{ reach }</span>
                <span class="card-links">
                    <Link<Route, Vec<(String, String)>> to={Route::Library} query={Some(library)} classes="card-library">
                        { "Documents naming it" }
                    </Link<Route, Vec<(String, String)>>>
                    <Link<Route, Vec<(String, String)>> to={here} query={Some(pick.pairs()).filter(|p| !p.is_empty())} classes="card-pick">
                        { pick_label }
                    </Link<Route, Vec<(String, String)>>>
                    if e.documents.len() > 1 {
                        <a class="card-compare" href={CompareView::of_entity(&e.id).href()}>{ "Compare outlets on it" }</a>
                    }
                    if !events_here {
                        <span class="card-row card-events-loading" role="status">{ "Finding the events it is in…" }</span>
                    }
                    { for events.iter().map(|ev| html! {
                        <a class="card-compare-event" data-event={ev.id.clone()} href={CompareView::of_event(&ev.id).href()}>
                            { format!("Compare: {}", ev.label) }
                        </a>
                    }) }
                </span>
            </span>
        }
    }
}

fn span_text(doc: &Document, (start, end): (u32, u32)) -> &str {
    doc.text.get(start as usize..end as usize).unwrap_or("").trim()
}

/// The reader comments, threaded and collapsible, kept visibly apart from the article.
fn comments(doc: &Document) -> Html {
    if doc.comments.is_empty() {
        return html! {};
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); doc.comments.len()];
    let mut roots = Vec::new();
    for (i, c) in doc.comments.iter().enumerate() {
        match c.reply_to.map(|p| p as usize).filter(|&p| p < i) {
            Some(parent) => children[parent].push(i),
            None => roots.push(i),
        }
    }
    html! {
        <section class="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{ format!("Reader comments ({})", doc.comments.len()) }</h2>
            <p class="note">{ "What readers wrote under the article: the audience, not the outlet." }</p>
            <ol class="thread">
                { for roots.iter().map(|&i| comment(doc, &children, i)) }
            </ol>
        </section>
    }
}

fn comment(doc: &Document, children: &[Vec<usize>], i: usize) -> Html {
    let c = &doc.comments[i];
    let replies = &children[i];
    let who = c.author.clone().unwrap_or_else(|| "Anonymous".to_owned());
    html! {
        <li class="comment" data-depth={c.depth.to_string()}>
            <details open=true>
                <summary>
                    <span class="author">{ who }</span>
                    if let Some(place) = &c.place {
                        <span class="place">{ format!(" from {place}") }</span>
                    }
                    if let Some(posted) = &c.posted {
                        <time class="posted" datetime={posted.clone()}>{ posted.replace('T', " ") }</time>
                    }
                    if !replies.is_empty() {
                        <span class="replies">{ format!("{} {}", replies.len(), if replies.len() == 1 { "reply" } else { "replies" }) }</span>
                    }
                </summary>
                { for c.paragraphs.iter().map(|&span| html! { <p>{ span_text(doc, span) }</p> }) }
                if !replies.is_empty() {
                    <ol class="thread">{ for replies.iter().map(|&r| comment(doc, children, r)) }</ol>
                }
            </details>
        </li>
    }
}

/// The page furniture, kept and shown apart, each line with the reason it was set aside.
fn removed(doc: &Document) -> Html {
    let parts: Vec<_> = doc.sections.iter().filter(|s| s.kind == SectionKind::Furniture).collect();
    if parts.is_empty() {
        return html! {};
    }
    html! {
        <details class="removed">
            <summary>{ format!("Show what was removed from the page, and why ({} parts)", parts.len()) }</summary>
            <ol>
                { for parts.iter().map(|s| html! {
                    <li>
                        <span class="reason">{ s.reason.clone().unwrap_or_else(|| "page furniture".to_owned()) }</span>
                        <q>{ doc.section_text(s).trim() }</q>
                    </li>
                }) }
            </ol>
        </details>
    }
}
