//! What the browser test files share: the shell under an in-memory router, rendering it, and reading text
//! back from the DOM.

use std::time::Duration;

use parallax::{CorpusProvider, Shell};
use web_sys::Element;
use yew::prelude::*;
use yew_router::history::AnyHistory;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    pub history: AnyHistory,
}

/// The shell under an in-memory router, so each test controls its own URL.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    html! {
        <CorpusProvider>
            <Router history={props.history.clone()}>
                <Shell />
            </Router>
        </CorpusProvider>
    }
}

/// Renders the app at `history`'s location in a fresh element and waits for it to draw.
pub async fn render(history: AnyHistory) -> (Element, AnyHistory) {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a root element");
    document.body().expect("a body").append_child(&root).expect("attach the root");
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { history: history.clone() })
        .render();
    settle().await;
    (root, history)
}

/// Lets Yew finish what an event started.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    yew::scheduler::flush().await;
}

/// The trimmed text of every element matching `selector`.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}
