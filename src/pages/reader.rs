//! The Reader: one document, its metadata with evidence, the article, and what was removed from the page.

use parallax_core::manifest::OVERRIDE_RULE;
use parallax_core::{Document, Fact, SectionKind};
use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use super::not_found::NotFound;
use super::{date_label, headline_label, outlet_label};
use crate::app::Route;
use crate::corpus::use_corpus;

#[derive(Debug, Properties, PartialEq)]
pub struct ReaderProps {
    pub id: AttrValue,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let corpus = use_corpus();
    let title = corpus.document(&props.id).map(headline_label);
    use_effect_with(title, |title| set_title(title.as_deref().unwrap_or("Not found")));
    let Some(doc) = corpus.document(&props.id) else {
        return html! { <NotFound what={AttrValue::from(format!("document “{}”", props.id))} /> };
    };
    html! {
        <article class="reader" data-id={doc.id.clone()}>
            <p class="back"><Link<Route> to={Route::Library}>{ "← Library" }</Link<Route>></p>
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
                    <dd class="source">{ &doc.source }</dd>
                </dl>
                if !doc.diagnostics.is_empty() {
                    <ul class="diagnostics" aria-label="Notes on this document">
                        { for doc.diagnostics.iter().map(|d| html! { <li>{ &d.message }</li> }) }
                    </ul>
                }
            </header>
            <div class="article-text">
                { for doc.sections.iter().filter_map(|s| article_part(doc, s)) }
            </div>
            { comments(doc) }
            { removed(doc) }
        </article>
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

fn article_part(doc: &Document, section: &parallax_core::Section) -> Option<Html> {
    let text = doc.section_text(section).trim();
    Some(match section.kind {
        SectionKind::Body => html! { <p class="body">{ text }</p> },
        SectionKind::Subheading => html! { <h3 class="subheading">{ text }</h3> },
        SectionKind::Caption => {
            let caption = doc.captions.iter().find(|c| c.start >= section.start && c.end <= section.end);
            let (text, credit) = match caption {
                Some(c) => (span_text(doc, (c.start, c.end)), c.credit.map(|span| span_text(doc, span))),
                None => (text, None),
            };
            html! {
                <figure class="caption">
                    <span class="label">{ "Caption" }</span>
                    <figcaption>{ text }</figcaption>
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
