//! The bundle: the processed corpus in the binary form the app embeds.
//!
//! # Layout (format version 7)
//!
//! | bytes | content |
//! |---|---|
//! | 0..4 | magic `PLXB` |
//! | 4..8 | format version, `u32` little-endian |
//! | 8.. | a [`Bundle`] in postcard encoding |
//!
//! Postcard writes integers as varints whose value, not the platform's word size, decides the bytes, and
//! every integer in the model is a fixed-width type (`u32` offsets, never `usize`), so a bundle written on
//! a 64-bit machine reads the same on 32-bit WebAssembly. Any change to a serialised type bumps
//! [`FORMAT_VERSION`]; a reader refuses other versions with a clear error instead of misreading them.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::Document;
use crate::events::{EventSpec, Events};
use crate::framing::Framing;
use crate::language::canonical::Canonical;
use crate::turns::{Parts, ReadInTurns, Stepper};

pub const MAGIC: [u8; 4] = *b"PLXB";
pub const FORMAT_VERSION: u32 = 7;

/// A processed corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// The documents, shared: a view's corpus that takes in a table (or is copied for any other reason)
    /// shares them rather than copying them, which at a hundred thousand documents took a tenth of a second.
    pub documents: Arc<Vec<Document>>,
    /// The corpus's canonical entities, and which of them each document's entities are.
    pub canonical: Arc<Canonical>,
    /// The events the documents report, and the passages that report them.
    pub events: Arc<Events>,
    /// How each document, and each document's telling of each event, is framed.
    pub framing: Arc<Framing>,
}

impl Bundle {
    /// A bundle of processed documents, with their entities linked across the corpus, their events
    /// grouped and their framing measured.
    pub fn new(documents: Vec<Document>) -> Self {
        Self::with_events(documents, &[])
    }

    /// As [`Bundle::new`], with the events the corpus manifest names beside the automatic ones.
    pub fn with_events(documents: Vec<Document>, specs: &[EventSpec]) -> Self {
        let analyses: Vec<&crate::language::Analysis> = documents.iter().map(|d| &d.analysis).collect();
        let canonical = crate::language::canonical::link(&analyses);
        let events = crate::events::group_passages(&documents, &canonical, specs);
        let framing = crate::framing::frame(&documents, &canonical, &events);
        Self {
            documents: Arc::new(documents),
            canonical: Arc::new(canonical),
            events: Arc::new(events),
            framing: Arc::new(framing),
        }
    }
}

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes do not start with the magic number: not a bundle.
    NotABundle,
    /// A bundle of another format version.
    Version { found: u32, expected: u32 },
    /// The payload is damaged or truncated.
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotABundle => write!(f, "not a Parallax bundle (the magic number is missing)"),
            Self::Version { found, expected } => {
                write!(
                    f,
                    "bundle format version {found}, but this build reads version {expected}: rebuild the bundle"
                )
            }
            Self::Corrupt(why) => write!(f, "the bundle is damaged: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Encodes a bundle.
pub fn encode(bundle: &Bundle) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Serialising plain owned data into a Vec cannot fail.
    let payload = postcard::to_allocvec(bundle).unwrap_or_default();
    out.extend_from_slice(&payload);
    out
}

/// Decodes a bundle, checking its magic number and format version.
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    check_header(bytes, MAGIC, FORMAT_VERSION)?;
    postcard::from_bytes(&bytes[8..]).map_err(|e| BundleError::Corrupt(e.to_string()))
}

/// A bundle being read in turns.
pub type BundleInTurns = Parts<Bundle>;

/// As [`decode`], in turns ([`Steps`]); the magic number and version are checked at once.
pub fn decode_in_turns(bytes: Vec<u8>) -> Result<BundleInTurns, BundleError> {
    check_header(&bytes, MAGIC, FORMAT_VERSION)?;
    Ok(Parts::plain(bytes, 8))
}

/// The documents, then each table's sequences.
impl ReadInTurns for Bundle {
    const PARTS: usize = 9;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(Arc::make_mut(&mut self.documents)),
            1 => s.items(&mut Arc::make_mut(&mut self.canonical).entities),
            2 => s.items(&mut Arc::make_mut(&mut self.canonical).links),
            3 => s.items(&mut Arc::make_mut(&mut self.events).passages),
            4 => s.items(&mut Arc::make_mut(&mut self.events).events),
            5 => s.items(&mut Arc::make_mut(&mut self.framing).documents),
            6 => s.items(&mut Arc::make_mut(&mut self.framing).events),
            7 => s.items(&mut Arc::make_mut(&mut self.framing).matrices),
            _ => s.items(&mut Arc::make_mut(&mut self.framing).outlets),
        }
    }
}

/// Checks a file's first eight bytes: its magic number, then its format version (`u32` little-endian).
pub(crate) fn check_header(bytes: &[u8], magic: [u8; 4], version: u32) -> Result<(), BundleError> {
    if bytes.len() < 8 || bytes[..4] != magic {
        return Err(BundleError::NotABundle);
    }
    let found = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if found != version {
        return Err(BundleError::Version { found, expected: version });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Bundle {
        Bundle::new(vec![
            crate::process(
                "a.txt",
                "Storm hits coast\n\nA storm hit the coast on May 2, 2020, Mayor Ana Ortiz said.\n"
                    .as_bytes(),
            ),
            crate::process("b.txt", b""),
        ])
    }

    #[test]
    fn round_trip() {
        let bundle = sample();
        assert_eq!(decode(&encode(&bundle)), Ok(bundle));
    }

    #[test]
    fn read_in_turns_equals_read_at_once() {
        let bundle = sample();
        let bytes = encode(&bundle);
        assert_eq!(decode_in_turns(bytes.clone()).and_then(crate::turns::Steps::finish), Ok(bundle));
        assert_eq!(decode_in_turns(bytes[..4].to_vec()).err(), Some(BundleError::NotABundle));
        let mut other = bytes;
        other[4] = other[4].wrapping_add(1);
        assert!(matches!(decode_in_turns(other), Err(BundleError::Version { .. })));
    }

    #[test]
    fn header_is_magic_then_little_endian_version() {
        let bytes = encode(&Bundle::default());
        assert_eq!(&bytes[..4], b"PLXB");
        assert_eq!(bytes[4..8], FORMAT_VERSION.to_le_bytes());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(decode(b"PK\x03\x04zipfile"), Err(BundleError::NotABundle));
        let mut other = encode(&sample());
        other[4..8].copy_from_slice(&99u32.to_le_bytes());
        assert_eq!(decode(&other), Err(BundleError::Version { found: 99, expected: FORMAT_VERSION }));
        let full = encode(&sample());
        assert!(matches!(decode(&full[..full.len() / 2]), Err(BundleError::Corrupt(_))));
    }
}
