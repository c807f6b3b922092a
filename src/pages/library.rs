//! The Library: every document of the corpus.

use yew::prelude::*;
use yew_router::prelude::*;

use super::{date_label, headline_label, outlet_label};
use crate::app::Route;
use crate::corpus::use_corpus;

#[component]
pub fn Library() -> Html {
    let corpus = use_corpus();
    use_effect_with((), |_| set_title("Library"));
    let docs = corpus.documents();
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ "Library" }</h1>
            <p class="count">{ format!("{} documents", docs.len()) }</p>
            <ol class="doc-list">
                { for docs.iter().map(|doc| html! {
                    <li class="doc-card" key={doc.id.clone()} data-id={doc.id.clone()}>
                        <Link<Route> to={Route::Reader { id: doc.id.clone() }} classes="doc-link">
                            <span class="doc-headline">{ headline_label(doc) }</span>
                        </Link<Route>>
                        <div class="doc-meta">
                            <span class="outlet">{ outlet_label(doc) }</span>
                            <span class="sep">{ "·" }</span>
                            <time class="date">{ date_label(doc) }</time>
                            <span class="sep">{ "·" }</span>
                            <span class="words">{ format!("{} words", doc.body_word_count()) }</span>
                            if !doc.comments.is_empty() {
                                <span class="sep">{ "·" }</span>
                                <span class="comment-count">{ comment_count(doc.comments.len()) }</span>
                            }
                        </div>
                        if let Some(byline) = &doc.meta.byline {
                            <div class="doc-byline">{ format!("By {}", byline.value.join(", ")) }</div>
                        }
                        <div class="doc-source">{ &doc.source }</div>
                    </li>
                }) }
            </ol>
        </section>
    }
}

fn comment_count(n: usize) -> String {
    if n == 1 { "1 reader comment".to_owned() } else { format!("{n} reader comments") }
}

/// Sets the browser tab's title for a view.
pub(crate) fn set_title(view: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!("{view} · Parallax"));
    }
}
