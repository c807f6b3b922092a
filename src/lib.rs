//! The Parallax explorer: a Yew front end over the corpus the engine preprocessed at build time.
//!
//! `app` holds the routes and the page shell, `corpus` the embedded bundle and the context that hands it
//! to components, `pages` one module per view. Rules about the data (what a document is, how it is
//! classified) live in `parallax-core`, not here: components only show what the engine computed.

pub mod app;
pub mod browser;
pub mod corpus;
pub mod import;
pub mod offline;
pub mod pages;
pub mod panic;
pub mod site;

pub use app::{App, Route, Shell};
pub use corpus::{Corpus, CorpusProvider, use_corpus};
