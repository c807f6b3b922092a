//! Routes and the page shell.
//!
//! Routing is by the URL's fragment (`#/doc/ID`): the site is static, so the server only ever serves
//! `index.html`, and every view's link works on any host, at the root or under a sub-path, and survives a
//! reload without server-side rewrites.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::corpus::{CorpusProvider, use_corpus};
use crate::import::ImportProvider;
use crate::pages::compare::Compare;
use crate::pages::entities::Entities;
use crate::pages::import::Import;
use crate::pages::library::Library;
use crate::pages::not_found::NotFound;
use crate::pages::reader::Reader;
use crate::pages::timeline::Timeline;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Library,
    #[at("/doc/:id")]
    Reader { id: String },
    #[at("/entities")]
    Entities,
    #[at("/timeline")]
    Timeline,
    #[at("/compare")]
    Compare,
    #[at("/import")]
    Import,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Library => html! { <Library /> },
        Route::Reader { id } => html! { <Reader id={id} /> },
        Route::Entities => html! { <Entities /> },
        Route::Timeline => html! { <Timeline /> },
        Route::Compare => html! { <Compare /> },
        Route::Import => html! { <Import /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The whole app, as `main` mounts it.
#[component]
pub fn App() -> Html {
    html! {
        <CorpusProvider>
            <ImportProvider>
                <HashRouter>
                    <Shell />
                </HashRouter>
            </ImportProvider>
        </CorpusProvider>
    }
}

/// The header and the current view; needs a router and a corpus above it.
#[component]
pub fn Shell() -> Html {
    let corpus = use_corpus();
    // Compare spreads up to five columns: the page is wider there.
    let route = use_route::<Route>();
    let wide = matches!(route, Some(Route::Compare));
    html! {
        <>
            <header class="top">
                <Link<Route> to={Route::Library} classes="brand">{ "Parallax" }</Link<Route>>
                <span class="tagline">{ "how outlets framed the same events" }</span>
                <nav aria-label="Views">
                    <Link<Route> to={Route::Library}>{ "Library" }</Link<Route>>
                    <Link<Route> to={Route::Entities}>{ "Entities" }</Link<Route>>
                    <Link<Route> to={Route::Timeline}>{ "Timeline" }</Link<Route>>
                    <Link<Route> to={Route::Compare}>{ "Compare" }</Link<Route>>
                    if corpus.site.is_none() && !corpus.loading {
                        <Link<Route> to={Route::Import}>{ "Import" }</Link<Route>>
                    }
                </nav>
            </header>
            if let Some(error) = &corpus.error {
                <div class="banner error" role="alert">
                    { format!("The corpus could not be loaded: {error}.") }
                </div>
            }
            if let Some(site) = &corpus.site
                && let Some(failure) = site.failures().last()
            {
                <div class="banner error" role="alert">
                    { format!("Part of the corpus could not be loaded ({failure}); what it holds is missing from this view. Reload to try again.") }
                </div>
            }
            <main id="main" class={classes!(wide.then_some("wide"))}>
                if corpus.loading {
                    <p class="loading" role="status">{ "Loading the corpus…" }</p>
                } else {
                    <Switch<Route> render={switch} />
                }
            </main>
        </>
    }
}
