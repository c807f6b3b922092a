//! What the browser test files share: the shell under an in-memory router, rendering it, and reading text
//! back from the DOM.

use std::time::Duration;

use std::rc::Rc;

use parallax::{Corpus, CorpusProvider, Shell};
use web_sys::Element;
use yew::prelude::*;
use yew_router::history::AnyHistory;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HarnessProps {
    pub history: AnyHistory,
    /// A corpus other than the embedded one.
    #[prop_or_default]
    pub corpus: Option<Rc<Corpus>>,
}

/// The shell under an in-memory router, so each test controls its own URL.
#[component]
pub fn Harness(props: &HarnessProps) -> Html {
    html! {
        <CorpusProvider corpus={props.corpus.clone()}>
            <Router history={props.history.clone()}>
                <Shell />
            </Router>
        </CorpusProvider>
    }
}

/// Renders the app at `history`'s location in a fresh element and waits for it to draw.
#[allow(dead_code, reason = "the generated-corpus tests mount with `render_corpus` only")]
pub async fn render(history: AnyHistory) -> (Element, AnyHistory) {
    render_corpus(history, None).await
}

/// As [`render`], with `corpus` instead of the embedded one.
pub async fn render_corpus(history: AnyHistory, corpus: Option<Rc<Corpus>>) -> (Element, AnyHistory) {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a root element");
    document.body().expect("a body").append_child(&root).expect("attach the root");
    yew::Renderer::<Harness>::with_root_and_props(
        root.clone(),
        HarnessProps { history: history.clone(), corpus },
    )
    .render();
    settle().await;
    (root, history)
}

/// Lets Yew finish what an event started, including what the app left for after the frame (the URL, the
/// cards below the fold).
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
    yew::scheduler::flush().await;
    let (done, wait) = futures_channel();
    parallax::browser::after_paint(done);
    wait.await.expect("the signal resolves, never rejects");
    yew::scheduler::flush().await;
}

/// A one-shot signal: the function to call, and the future that completes when it is called.
fn futures_channel() -> (impl FnOnce(), wasm_bindgen_futures::JsFuture) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
    let resolve = resolve.expect("the promise's executor runs at once");
    (
        move || drop(resolve.call0(&wasm_bindgen::JsValue::UNDEFINED)),
        wasm_bindgen_futures::JsFuture::from(promise),
    )
}

/// The trimmed text of every element matching `selector`.
pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_owned())
        .collect()
}
