//! `#/import`: bring documents in (files, a folder, or a drop), watch them processed (progress, cancel),
//! read what could not be used, and manage what was imported (open, rename, edit metadata, remove,
//! export).

use parallax_core::Severity;
use parallax_core::import::{ACCEPTED, Override, Problem};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::corpus::use_corpus;
use crate::import::build::Stored;
use crate::import::{Imports, Status, use_imports};

/// Imported documents listed before asking for all.
const ROWS: usize = 100;

/// What the file picker offers.
const PICK: &str = ".txt,.text,.html,.htm,.xhtml,.md,.markdown,.jsonl,.ndjson,.zip,.toml";

#[component]
pub fn Import() -> Html {
    let Some(imports) = use_imports() else {
        let why = if crate::site::data_folder().is_some() {
            "This site was built from a folder of documents (parallax build): to add documents, add them to the folder and build the site again."
        } else {
            "Import is not available here."
        };
        return html! { <p class="empty">{ why }</p> };
    };
    let dragging = use_state(|| false);
    let on_pick = {
        let imports = imports.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            imports.import(files_of(input.files()));
            // The same files can be chosen again later.
            input.set_value("");
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let imports = imports.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(transfer) = e.data_transfer() {
                imports.import(files_of(transfer.files()));
            }
        })
    };
    let busy = imports.busy();
    html! {
        <section class="import-page" aria-labelledby="import-title">
            <h1 id="import-title">{ "Import documents" }</h1>
            <p class="lede">
                { format!("Bring your own pages: {ACCEPTED} files (.jsonl: one document per line, with its text or html and optional name, outlet, published, headline). ") }
                { "They are processed in this browser by the same engine, never uploaded, and kept here across visits, beside the built-in corpus." }
            </p>
            if let Some(storage) = &imports.storage {
                <div class="banner warning" role="alert">{ storage }</div>
            }
            <div class={classes!("dropzone", dragging.then_some("dragging"), busy.then_some("busy"))}
                ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
                <p>{ "Drop files here, or" }</p>
                <div class="pickers">
                    <label class="button">
                        { "Choose files" }
                        <input id="import-files" class="visually-hidden" type="file" multiple=true accept={PICK}
                            disabled={busy} onchange={on_pick.clone()} />
                    </label>
                    <label class="button">
                        { "Choose a folder" }
                        <input id="import-folder" class="visually-hidden" type="file" multiple=true webkitdirectory=true
                            disabled={busy} onchange={on_pick} />
                    </label>
                </div>
            </div>
            <Progress imports={imports.clone()} />
            if let Some(summary) = &imports.summary {
                <p class="import-summary" role="status">{ summary }</p>
            }
            if !imports.report.is_empty() {
                <Report report={imports.report.clone()} />
            }
            <Collection imports={imports.clone()} />
        </section>
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[derive(Properties, PartialEq)]
struct ImportsProps {
    imports: Imports,
}

/// The progress bar and the cancel button while an import runs.
#[component]
fn Progress(props: &ImportsProps) -> Html {
    let imports = &props.imports;
    let cancel = {
        let imports = imports.clone();
        Callback::from(move |_| imports.cancel())
    };
    let (label, value, max, cancellable) = match &imports.status {
        Status::Idle => return html! {},
        Status::Starting => ("Reading the documents kept in this browser…".to_owned(), None, 1, false),
        Status::Reading { files } => {
            (format!("Reading {files} file{}…", if *files == 1 { "" } else { "s" }), None, 1, true)
        }
        Status::Processing { done, total, name } if *total > 0 => (
            if name.is_empty() {
                format!("Processed {done} of {total}; preparing the corpus…")
            } else {
                format!("Processing {} of {total}: {name}", done + 1)
            },
            Some(*done),
            *total,
            true,
        ),
        Status::Processing { .. } => ("Preparing…".to_owned(), None, 1, true),
        Status::Saving => ("Keeping the documents in this browser…".to_owned(), None, 1, false),
    };
    html! {
        <div class="import-progress" role="status" aria-live="polite">
            <progress max={max.to_string()} value={value.map(|v| v.to_string())} aria-label="Import progress"></progress>
            <span class="import-step">{ label }</span>
            if cancellable {
                <button type="button" class="cancel" onclick={cancel}>{ "Cancel" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ReportProps {
    report: std::rc::Rc<Vec<Problem>>,
}

/// What could not be used (not imported) and notes, each naming its file.
#[component]
fn Report(props: &ReportProps) -> Html {
    let (warnings, notes): (Vec<&Problem>, Vec<&Problem>) =
        props.report.iter().partition(|p| p.severity == Severity::Warning);
    let row = |p: &&Problem| {
        html! {
            <li class={classes!("problem", if p.severity == Severity::Warning { "warning" } else { "note" })}>
                <span class="problem-file">{ &p.file }</span>{ " " }{ &p.message }
            </li>
        }
    };
    html! {
        <section class="import-report" aria-labelledby="import-report-title">
            <h2 id="import-report-title">{ "What the import could not use" }</h2>
            if warnings.is_empty() {
                <p>{ "Everything was imported." }</p>
            } else {
                <ul class="problems">{ for warnings.iter().map(row) }</ul>
            }
            if !notes.is_empty() {
                <details>
                    <summary>{ format!("{} note{}", notes.len(), if notes.len() == 1 { "" } else { "s" }) }</summary>
                    <ul class="problems">{ for notes.iter().map(row) }</ul>
                </details>
            }
        </section>
    }
}

/// The imported documents: open, rename and edit, remove; export them all.
#[component]
fn Collection(props: &ImportsProps) -> Html {
    let imports = &props.imports;
    let corpus = use_corpus();
    let editing = use_state(|| None::<String>);
    let message = use_state(|| None::<String>);
    let all = use_state(|| false);
    let export = {
        let imports = imports.clone();
        let message = message.clone();
        Callback::from(move |_| message.set(imports.export().err()))
    };
    let remove_all = {
        let imports = imports.clone();
        Callback::from(move |_| {
            let confirmed = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message("Remove every imported document from this browser?").ok()
                })
                .unwrap_or(false);
            if confirmed {
                imports.remove(imports.items.iter().map(|s| s.id.clone()).collect());
            }
        })
    };
    if imports.items.is_empty() {
        return html! {
            <section class="imported" aria-labelledby="imported-title">
                <h2 id="imported-title">{ "Imported documents" }</h2>
                <p class="empty">{ "None yet. The Library shows the built-in corpus." }</p>
            </section>
        };
    }
    let busy = imports.busy();
    html! {
        <section class="imported" aria-labelledby="imported-title">
            <h2 id="imported-title">{ format!("Imported documents ({})", imports.items.len()) }</h2>
            <div class="actions">
                <button type="button" onclick={export} disabled={busy}>{ "Export all (.zip)" }</button>
                <button type="button" class="danger" onclick={remove_all} disabled={busy}>{ "Remove all" }</button>
            </div>
            if let Some(m) = &*message {
                <p class="banner error" role="alert">{ m }</p>
            }
            <table class="imported-table">
                <thead>
                    <tr>
                        <th scope="col">{ "File" }</th>
                        <th scope="col">{ "Headline" }</th>
                        <th scope="col">{ "Outlet" }</th>
                        <th scope="col">{ "Date" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for imports.items.iter().take(if *all { usize::MAX } else { ROWS }).map(|stored| {
                        let doc = corpus.document(&stored.id);
                        if editing.as_deref() == Some(stored.id.as_str()) {
                            html! { <EditRow key={stored.id.clone()} imports={imports.clone()} stored={stored.clone()}
                                headline={doc.and_then(|d| d.meta.headline.as_ref()).map(|f| f.value.clone()).unwrap_or_default()}
                                outlet={doc.and_then(|d| d.meta.outlet.as_ref()).map(|f| f.value.clone()).unwrap_or_default()}
                                date={doc.and_then(|d| d.meta.published.as_ref()).map(|f| f.value.clone()).unwrap_or_default()}
                                done={{ let editing = editing.clone(); Callback::from(move |()| editing.set(None)) }} /> }
                        } else {
                            let edit = { let editing = editing.clone(); let id = stored.id.clone(); Callback::from(move |_| editing.set(Some(id.clone()))) };
                            let remove = { let imports = imports.clone(); let id = stored.id.clone(); Callback::from(move |_| imports.remove(vec![id.clone()])) };
                            html! {
                                <tr key={stored.id.clone()} data-id={stored.id.clone()}>
                                    <td class="file">{ &stored.item.name }</td>
                                    <td>{ doc.and_then(|d| d.meta.headline.as_ref()).map(|f| f.value.as_str()).unwrap_or("—") }</td>
                                    <td>{ doc.and_then(|d| d.meta.outlet.as_ref()).map(|f| f.value.as_str()).unwrap_or("—") }</td>
                                    <td>{ doc.and_then(|d| d.meta.published.as_ref()).map(|f| f.value.as_str()).unwrap_or("—") }</td>
                                    <td class="row-actions">
                                        if doc.is_some() {
                                            <Link<Route> to={Route::Reader { id: stored.id.clone() }}>{ "Open" }</Link<Route>>
                                        }
                                        <button type="button" onclick={edit} disabled={busy}
                                            aria-label={format!("Edit {}", stored.item.name)}>{ "Edit" }</button>
                                        <button type="button" class="danger" onclick={remove} disabled={busy}
                                            aria-label={format!("Remove {}", stored.item.name)}>{ "Remove" }</button>
                                    </td>
                                </tr>
                            }
                        }
                    }) }
                </tbody>
            </table>
            if imports.items.len() > ROWS && !*all {
                <button type="button" class="show-all" onclick={{ let all = all.clone(); Callback::from(move |_| all.set(true)) }}>
                    { format!("Show all {} imported documents", imports.items.len()) }
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditRowProps {
    imports: Imports,
    stored: Stored,
    headline: String,
    outlet: String,
    date: String,
    done: Callback<()>,
}

/// A row as a form: file name, headline, outlet and date; an empty field goes back to what the page says.
#[component]
fn EditRow(props: &EditRowProps) -> Html {
    let name = use_node_ref();
    let headline = use_node_ref();
    let outlet = use_node_ref();
    let date = use_node_ref();
    let error = use_state(|| None::<String>);
    let value = |r: &NodeRef| {
        r.cast::<web_sys::HtmlInputElement>().map(|i| i.value().trim().to_owned()).unwrap_or_default()
    };
    let save = {
        let (name, headline, outlet, date) = (name.clone(), headline.clone(), outlet.clone(), date.clone());
        let imports = props.imports.clone();
        let stored = props.stored.clone();
        let error = error.clone();
        let done = props.done.clone();
        let shown = (props.headline.clone(), props.outlet.clone(), props.date.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // A field left as the page has it, or emptied, is not an override.
            let field = |r: &NodeRef, kept: &Option<String>, page: &str| {
                let v = value(r);
                if v.is_empty() || (kept.is_none() && v == page) { None } else { Some(v) }
            };
            let old = &stored.item.over;
            let over = Override {
                headline: field(&headline, &old.headline, &shown.0),
                outlet: field(&outlet, &old.outlet, &shown.1),
                published: field(&date, &old.published, &shown.2),
                ..Override::default()
            };
            let new_name = value(&name);
            let unchanged = new_name == stored.item.name
                && over.headline == old.headline
                && over.outlet == old.outlet
                && over.published == old.published;
            let result = if unchanged { Ok(()) } else { imports.update(&stored.id, &new_name, over) };
            match result {
                Ok(()) => done.emit(()),
                Err(m) => error.set(Some(m)),
            }
        })
    };
    let cancel = {
        let done = props.done.clone();
        Callback::from(move |_| done.emit(()))
    };
    let over = &props.stored.item.over;
    let id = &props.stored.id;
    html! {
        <tr class="editing" data-id={id.clone()}>
            <td colspan="5">
                <form class="edit-form" onsubmit={save}>
                    <label>{ "File name" }<input ref={name} value={props.stored.item.name.clone()} required=true /></label>
                    <label>{ "Headline" }<input ref={headline} value={over.headline.clone().unwrap_or_else(|| props.headline.clone())} /></label>
                    <label>{ "Outlet" }<input ref={outlet} value={over.outlet.clone().unwrap_or_else(|| props.outlet.clone())} /></label>
                    <label>{ "Date (YYYY-MM-DD)" }<input ref={date} value={over.published.clone().unwrap_or_else(|| props.date.clone())} /></label>
                    <div class="form-actions">
                        <button type="submit">{ "Save" }</button>
                        <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                    if let Some(e) = &*error {
                        <p class="banner error" role="alert">{ e }</p>
                    }
                </form>
            </td>
        </tr>
    }
}
