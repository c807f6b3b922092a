//! What a panic shows: a panel at the top of the page with the message and a way to start again, in
//! place of a page that stops answering. The release build aborts after a panic, so the panel is the
//! last thing the app draws; the rest of the page stays as it was, readable.

use std::panic::PanicHookInfo;

/// The id of the panel, so a second panic replaces the first one's message instead of stacking.
const PANEL: &str = "panic-panel";

/// Installs the hook; `main` calls it before the first render.
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("Parallax stopped: {message}").into());
        show(&message);
    }));
}

/// Puts the panel at the top of the page, with `message` as text (never as HTML).
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if let Some(old) = document.get_element_by_id(PANEL) {
        old.remove();
    }
    let Ok(panel) = document.create_element("section") else { return };
    panel.set_id(PANEL);
    panel.set_class_name("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let parts = [
        ("h2", "Parallax stopped because of an error"),
        ("p", message),
        (
            "p",
            "Nothing you did is lost: reload the page to start again. The address keeps the view you were on.",
        ),
    ];
    for (tag, text) in parts {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
        }
    }
    if let Ok(reload) = document.create_element("a") {
        let _ = reload.set_attribute("href", "");
        reload.set_text_content(Some("Reload"));
        let _ = panel.append_child(&reload);
    }
    let _ = body.insert_before(&panel, body.first_child().as_ref());
}
