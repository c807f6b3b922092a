//! The few browser services the views use beyond the DOM: saving a file the app wrote, and copying
//! text. Each says what went wrong in words a person can act on; none of them panics.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file named `filename` (a Blob, an object URL and a temporary link).
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    save(filename, mime, &contents.into())
}

/// Offers `bytes` as a file named `filename`.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    save(filename, mime, &js_sys::Uint8Array::from(bytes).into())
}

fn save(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let fail = |what: &str| format!("The file could not be saved: {what}.");
    let window = web_sys::window().ok_or_else(|| fail("no browser window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the browser refused to make it"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no address for it"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link element"))?
        .dyn_into()
        .map_err(|_| fail("no link element"))?;
    link.set_href(&url);
    link.set_download(filename);
    // In the document while clicked (some browsers ignore a detached link's download).
    let body = document.body().ok_or_else(|| fail("no page body"))?;
    let _ = body.append_child(&link);
    link.click();
    let _ = body.remove_child(&link);
    // The download has started from the address; free it once the browser has read it.
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(std::time::Duration::from_secs(5)).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

/// Copies `text` to the clipboard. Browsers allow it only on https or localhost pages.
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    if !window.is_secure_context() {
        return Err("this page is not served securely, so the browser keeps the clipboard closed".to_owned());
    }
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow the copy".to_owned())
}

/// The address of the current view, as the address bar shows it.
pub fn current_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// The bytes at `url` (relative to the page), or why they could not be had. The request goes out at the
/// call, not when the returned future is first polled: a search's requests leave before the page it is
/// drawing is drawn.
pub fn fetch_bytes(url: &str) -> impl Future<Output = Result<Vec<u8>, String>> + 'static {
    let url = url.to_owned();
    let started = web_sys::window().map(|window| window.fetch_with_str(&url));
    read_response(url, started)
}

async fn read_response(url: String, started: Option<js_sys::Promise>) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let started = started.ok_or("no browser window")?;
    let response =
        JsFuture::from(started).await.map_err(|_| format!("{url} could not be fetched (offline?)"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: no response"))?;
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let buffer = response.array_buffer().map_err(|_| format!("{url}: no body"))?;
    let buffer = JsFuture::from(buffer).await.map_err(|_| format!("{url}: the body could not be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The script that fetches a file off the page's thread (`www/fetch-worker.js`, beside the page).
const FETCH_WORKER: &str = "fetch-worker.js";

/// As [`fetch_bytes`], with the request made and its body read in a worker of its own, for large files
/// (a built site's catalog and corpus tables): the body of a 15 MB file, read on the page's thread, held
/// it for over 100 ms in two tasks. The bytes are handed over, not copied. Where no worker can be started
/// (the script is missing, or workers are refused) the page fetches the file itself.
pub async fn fetch_bytes_apart(url: &str) -> Result<Vec<u8>, String> {
    match fetch_in_worker(url).await {
        Some(fetched) => fetched,
        None => fetch_bytes(url).await,
    }
}

/// The file at `url` fetched by a worker; `None` when the worker could not be started or did not run.
async fn fetch_in_worker(url: &str) -> Option<Result<Vec<u8>, String>> {
    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;

    let document = web_sys::window()?.document()?;
    // The worker resolves addresses against its own script's: it is given the page's.
    let base = document.base_uri().ok()??;
    let absolute = web_sys::Url::new_with_base(url, &base).ok()?.href();
    let worker = web_sys::Worker::new(FETCH_WORKER).ok()?;
    let answered = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = reject.call0(&JsValue::NULL);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"url".into(), &absolute.into());
    let _ = js_sys::Reflect::set(&message, &"name".into(), &url.into());
    if worker.post_message(&message).is_err() {
        worker.terminate();
        return None;
    }
    let answer = wasm_bindgen_futures::JsFuture::from(answered).await;
    worker.terminate();
    let answer = answer.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok().filter(|v| !v.is_undefined());
    if let Some(error) = field("error") {
        return Some(Err(error.as_string().unwrap_or_else(|| format!("{url} could not be fetched"))));
    }
    let buffer = field("buffer")?;
    Some(Ok(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Runs `f` once the browser has painted the next frame and has time to spare: in an idle period
/// ([`when_idle`]) asked for from the next animation frame, so that it comes after that frame's paint.
/// Work the user does not see, such as writing the view's state into the address bar, waits here so that
/// it delays neither the frame that shows the result of a click nor the next click. (An idle period asked
/// for at once can come before the next frame, while the page waits for it: a search's address was
/// written there, with the router's redraw, and its answer was painted 8 ms later.) Where no frame comes
/// (a page out of sight), `f` runs after [`PAINT_WAIT_MS`].
///
/// Called from an animation frame's callback, it waits for the frame after that one, and asks for it.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    type Job = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let job: Job = Rc::new(Cell::new(Some(Box::new(f))));
    let run = move || {
        if let Some(f) = job.take() {
            f();
        }
    };
    after(PAINT_WAIT_MS, run.clone());
    let on_frame = Closure::once_into_js(move || when_idle(run));
    let _ = window.request_animation_frame(on_frame.unchecked_ref());
}

/// Runs `f` in the browser's next idle period (`requestIdleCallback`, at most 200 ms away), or where a
/// browser has none, in a task of its own. It asks for no frame: an idle period can come before the next
/// frame (see [`after_paint`]).
pub fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    if js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false) {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(200);
        let callback = Closure::once_into_js(f);
        if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
            // Refused: the work still runs, in a task of its own.
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
        }
        return;
    }
    soon(f);
}

/// How long [`after_paint`] waits for a frame before it runs its work anyway (ms).
pub const PAINT_WAIT_MS: i32 = 1000;

/// Runs `f` in a task of its own, as soon as the browser gets to it (at once where there is no window):
/// what has come by then is handled together.
pub fn soon(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = Closure::once_into_js(f);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Runs `f` in a task of its own after `ms` milliseconds (at once where there is no window).
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = Closure::once_into_js(f);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
}

/// Watches which of `elements` (as they are now) are within `margin` (CSS, as `rootMargin`) of the
/// viewport: `changed` is told an element's place among them and whether it is near, for each at first and
/// whenever that changes. Watching ends when the returned value is dropped; `None` where the browser has
/// no `IntersectionObserver`.
pub fn watch_nearing(
    elements: &web_sys::HtmlCollection,
    margin: &str,
    changed: impl Fn(usize, bool) + 'static,
) -> Option<Nearing> {
    use wasm_bindgen::closure::Closure;
    let watched: Vec<web_sys::Element> = (0..elements.length()).filter_map(|i| elements.item(i)).collect();
    let places = watched.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
            let target = entry.target();
            if let Some(at) = places.iter().position(|e| *e == target) {
                changed(at, entry.is_intersecting());
            }
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    for element in &watched {
        observer.observe(element);
    }
    Some(Nearing { observer, _callback: callback })
}

/// An [`IntersectionObserver`](web_sys::IntersectionObserver) at work; dropped, it stops.
#[derive(Debug)]
pub struct Nearing {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Nearing {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Runs `f` as a named span of the page's User Timing (`performance.measure`), which benchmarks and the
/// browser's profiler read; without a window it just runs `f`.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let span = Span::start(name);
    let out = f();
    span.end();
    out
}

/// A named span of the page's User Timing, from its start to [`Span::end`].
struct Span<'a> {
    name: &'a str,
    performance: Option<web_sys::Performance>,
}

impl<'a> Span<'a> {
    fn start(name: &'a str) -> Self {
        let performance = web_sys::window()
            .and_then(|w| w.performance())
            .filter(|p| p.mark(&format!("{name}:start")).is_ok());
        Self { name, performance }
    }

    fn end(self) {
        if let Some(p) = self.performance {
            let start = format!("{}:start", self.name);
            let _ = p.measure_with_start_mark(self.name, &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}

/// How long work done in turns runs before it gives the page's thread a turn: well under the 50 ms at
/// which a task delays what the user does next.
pub const TASK_BUDGET_MS: f64 = 20.0;

/// Reads `reading` to its end, giving the page's thread a turn before it starts, every [`TASK_BUDGET_MS`]
/// and once at the end, so that a corpus of many documents is not read in one long task; the whole reading
/// is the named span `name` (as [`timed`]).
pub async fn read_in_turns<S: parallax_core::turns::Steps>(
    name: &str,
    mut reading: S,
) -> Result<S::Value, parallax_core::bundle::BundleError> {
    // The bytes were had (and copied into the wasm) in the task they came in: reading starts a task of
    // its own.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let span = Span::start(name);
    let mut turn = js_sys::Date::now();
    let out = loop {
        match reading.step() {
            Ok(None) => {}
            Ok(Some(value)) => break Ok(value),
            Err(e) => break Err(e),
        }
        if js_sys::Date::now() - turn > TASK_BUDGET_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            turn = js_sys::Date::now();
        }
    };
    span.end();
    // What is done with the value (drawing it) starts a task of its own.
    gloo_timers::future::TimeoutFuture::new(0).await;
    out
}
