//! One module per view.

pub mod compare;
pub mod entities;
pub mod import;
pub mod library;
pub mod not_found;
pub mod reader;
pub mod timeline;

use parallax_core::Document;
use parallax_core::site::Table;
use yew::prelude::*;

use crate::corpus::Corpus;

/// On a built site, a view that needs some corpus tables and some documents whole asks for those not
/// here and says what it waits for (`what`), or that a file could not be had; `None` once all are here
/// (always, for the embedded corpus).
pub(crate) fn waiting_for(corpus: &Corpus, tables: &[Table], documents: &[u32], what: &str) -> Option<Html> {
    let site = corpus.site.as_ref()?;
    let missing: Vec<u32> = documents.iter().copied().filter(|&d| !corpus.is_whole(d)).collect();
    if corpus.has_tables(tables) && missing.is_empty() {
        return None;
    }
    site.request_tables(tables);
    for d in missing {
        site.request_document(d);
    }
    Some(loading_note(site, what))
}

/// What a view waits for, or that a file of the site could not be had.
pub(crate) fn loading_note(site: &crate::site::Site, what: &str) -> Html {
    html! {
        <div class="loading" role="status">
            <p>{ what }</p>
            if let Some(failure) = site.failures().last() {
                <p class="banner error" role="alert">{ format!("It could not all be loaded: {failure}.") }</p>
            }
        </div>
    }
}

/// "1 thing", "2 things".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The key-value pairs of a view's query string (repeated keys kept, in order); nothing for one that
/// cannot be read.
pub(crate) fn query_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query.trim_start_matches('?')).unwrap_or_default()
}

/// The outlet as shown, or a plain statement that it is unknown.
pub(crate) fn outlet_label(doc: &Document) -> String {
    doc.meta.outlet.as_ref().map_or_else(|| "Unknown outlet".to_owned(), |f| f.value.clone())
}

/// The publication date as shown, or a plain statement that it is unknown.
pub(crate) fn date_label(doc: &Document) -> String {
    doc.meta.published.as_ref().map_or_else(|| "date unknown".to_owned(), |f| f.value.clone())
}

/// The headline as shown; a document without one is shown by its source name.
pub(crate) fn headline_label(doc: &Document) -> String {
    doc.meta.headline.as_ref().map_or_else(|| format!("Untitled ({})", doc.source), |f| f.value.clone())
}

/// A citation of a document as the Reader's "Copy citation" gives it: who wrote it (when the page says),
/// the headline, the outlet, the date, the source file it was read from, and the link to this view.
pub(crate) fn citation(doc: &Document, link: &str) -> String {
    let mut out = String::new();
    if let Some(byline) = doc.meta.byline.as_ref().filter(|b| !b.value.is_empty()) {
        out.push_str(&byline.value.join(", "));
        out.push_str(". ");
    }
    out.push_str(&format!("“{}.” ", headline_label(doc).trim_end_matches('.')));
    out.push_str(&format!("{}, {}. ", outlet_label(doc), date_label(doc)));
    out.push_str(&format!("Source file: {}.", doc.source));
    if !link.is_empty() {
        out.push_str(&format!(" Parallax: {link}"));
    }
    out
}
