//! Offline use: registers the service worker the build writes (`sw.js`, see `www/sw.js` and
//! `scripts/postbuild.mjs`). Once the site has loaded, it works with the network off; a new build is
//! picked up on the next visit. Where the browser has no service workers (or the page is not served
//! securely), the site works as before, online.

/// Registers `sw.js` next to the page, so it covers the site wherever it is hosted.
pub fn register() {
    let Some(window) = web_sys::window() else { return };
    if !window.is_secure_context() {
        return;
    }
    let navigator = window.navigator();
    let has_workers = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if has_workers {
        // The promise's outcome only matters offline; a failed registration leaves the site as it was.
        let _ = navigator.service_worker().register("./sw.js");
    }
}
