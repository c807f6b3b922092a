//! The Parallax engine.
//!
//! Parallax shows how different news outlets framed the same events. Everything it shows comes from this
//! crate, which turns the raw bytes of a scraped page into a [`Document`]: decoded text, metadata with the
//! evidence for each fact, and sections that say what each part of the page is (headline, body, caption,
//! credit, page furniture, ...).
//!
//! The main design decision is that **the engine is a pure function of its input**. It never touches a
//! file, a clock, the network or the DOM, so the same code runs natively at build time (over `corpus/`,
//! from the app's `build.rs` and from the `parallax` command) and inside the browser (over documents a
//! user imports). Every stage takes plain data and returns plain data plus [`Diagnostic`]s: messy input
//! degrades the result and says so, it never makes a stage fail.
//!
//! Data flows one way: bytes → [`decode`] → [`ingest`] (lines, sections, metadata) → [`language`]
//! (entities, quotes, hedges; canonical entities across the corpus) → [`bundle`] (the versioned binary
//! form the app embeds) or [`export`].

pub mod bundle;
pub mod compare;
pub mod dates;
pub mod decode;
pub mod diagnostic;
pub mod document;
pub mod events;
pub mod explore;
pub mod export;
pub mod framing;
pub mod html;
pub mod import;
pub mod ingest;
pub mod language;
pub mod manifest;
pub mod outlets;
pub mod search;
pub mod site;
pub mod text;
pub mod turns;

pub use diagnostic::{Diagnostic, Severity};

/// Ingests a page and analyses its language: what every caller that wants a whole [`Document`] uses.
pub fn process(name: &str, bytes: &[u8]) -> Document {
    let mut doc = ingest::ingest(name, bytes);
    language::annotate(&mut doc);
    doc
}
pub use document::{Caption, Comment, DateRef, Document, Evidence, Fact, Metadata, Section, SectionKind};
