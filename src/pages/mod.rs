//! One module per view.

pub mod library;
pub mod not_found;
pub mod reader;

use parallax_core::Document;

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
