//! The evaluation of Parallax's language layer against a hand-annotated evaluation set, and against peer
//! systems run on the same texts.
//!
//! The main design decision is that every system is scored by the same code from the same shape of
//! prediction ([`prediction::Prediction`]), with byte offsets into the same plain text: Parallax's
//! [`parallax_core::language::Analysis`] is converted into it, and a peer (spaCy) writes it as JSON lines
//! from the plain texts this crate hands out. Gold marks are read from the annotated files themselves
//! (`eval/FORMAT.md`), so a fixture and its expected answer can never drift apart.
//!
//! This crate is a tool: it reads files and the clock. The engine it measures does neither.

pub mod annotated;
pub mod prediction;
pub mod report;
pub mod score;
pub mod speed;
