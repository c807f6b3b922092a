//! What a link that leads nowhere shows: a clear message and a way back.

use yew::prelude::*;
use yew_router::prelude::*;

use super::library::set_title;
use crate::app::Route;

#[derive(Debug, Properties, PartialEq)]
pub struct NotFoundProps {
    /// What was looked for, when the route itself was valid but the thing it names is not in the corpus.
    #[prop_or_default]
    pub what: Option<AttrValue>,
}

#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    use_effect_with((), |_| set_title("Not found"));
    let message = match &props.what {
        Some(what) => format!("There is no {what} in this corpus. The link may be stale or mistyped."),
        None => "This link does not lead to a view of Parallax. It may be stale or mistyped.".to_owned(),
    };
    html! {
        <section class="not-found" role="alert">
            <h1>{ "Nothing here" }</h1>
            <p>{ message }</p>
            <p><Link<Route> to={Route::Library}>{ "Back to the Library" }</Link<Route>></p>
        </section>
    }
}
