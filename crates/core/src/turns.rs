//! Reading a large value in turns, so that the thread reading it can give way between them.
//!
//! A built site's catalog and an imported corpus hold every document: read at once, they are one task
//! of hundreds of milliseconds on a page's thread. [`Parts`] reads the same bytes as
//! [`postcard::from_bytes`] would, a slice at a time: each [`Steps::step`] inflates a little more of the
//! stream (when it is deflated), or reads a few more items of one of the value's sequences, and the
//! caller decides, by its own clock, when to give way. The engine keeps no clock.
//!
//! Postcard encodes a struct as its fields' encodings in order, and a sequence as a varint length then
//! its items: a struct of sequences (and of structs of sequences) is a series of sequences one after
//! another, which [`ReadInTurns`] names, part by part, in the order of the fields. The round-trip tests
//! of each such value hold its parts to its fields.

use serde::de::DeserializeOwned;

use crate::bundle::BundleError;

/// Bytes inflated in one step.
const INFLATE_STEP: usize = 256 * 1024;
/// Items read in one step.
const ITEMS_STEP: usize = 64;

/// A value read in turns: each [`Steps::step`] does a slice of the work.
pub trait Steps {
    type Value;
    /// Does one slice of the work: `Ok(None)` while there is more, the value once it is read.
    fn step(&mut self) -> Result<Option<Self::Value>, BundleError>;

    /// Steps to the end at once: for a thread that has no one to give way to.
    fn finish(mut self) -> Result<Self::Value, BundleError>
    where
        Self: Sized,
    {
        loop {
            if let Some(done) = self.step()? {
                return Ok(done);
            }
        }
    }
}

/// The bytes of a postcard payload, read a slice at a time: the reading of a value in turns is a series
/// of [`Stepper::items`] (a sequence, some items at a time) and [`Stepper::value`] (a value at once),
/// in the order of the value's encoding, then [`Stepper::end`].
pub struct Stepper {
    /// The deflated stream still to inflate (`None` when the input was not deflated, or is inflated).
    inflating: Option<Inflating>,
    /// The postcard payload inflated so far (or the whole of it).
    raw: Vec<u8>,
    /// How much of `raw` has been read.
    at: usize,
    /// Items of the sequence being read still to read: `None` before its length is read.
    left: Option<u64>,
}

impl Stepper {
    /// Reads the postcard payload that starts at `from` in `bytes`.
    pub fn plain(bytes: Vec<u8>, from: usize) -> Self {
        let at = from.min(bytes.len());
        Self { inflating: None, raw: bytes, at, left: None }
    }

    /// Reads the raw-deflate stream of a postcard payload that starts at `from` in `bytes`, refusing one
    /// that inflates to more than `limit` bytes.
    pub fn deflated(bytes: Vec<u8>, from: usize, limit: u64) -> Self {
        let from = from.min(bytes.len());
        let inflating = Inflating { input: bytes, from, state: flate2::Decompress::new(false), limit };
        Self { inflating: Some(inflating), ..Self::plain(Vec::new(), 0) }
    }

    /// Inflates a slice more, if the stream is not all inflated: true when it did (the step is spent).
    pub fn inflate(&mut self) -> Result<bool, BundleError> {
        let Some(inflating) = &mut self.inflating else { return Ok(false) };
        if inflating.step(&mut self.raw)? {
            self.inflating = None;
        }
        Ok(true)
    }

    /// Reads up to [`ITEMS_STEP`] more items of the sequence at hand onto `into`: true once it is read.
    pub fn items<T: DeserializeOwned>(&mut self, into: &mut Vec<T>) -> Result<bool, BundleError> {
        let mut left = match self.left {
            Some(left) => left,
            None => {
                let n: u64 = self.take()?;
                // A damaged length cannot reserve more than the bytes could hold: each item is a byte at least.
                let room = (self.raw.len() - self.at) as u64;
                into.reserve(usize::try_from(n.min(room)).unwrap_or(0));
                n
            }
        };
        for _ in 0..ITEMS_STEP.min(usize::try_from(left).unwrap_or(usize::MAX)) {
            into.push(self.take()?);
            left -= 1;
        }
        self.left = (left > 0).then_some(left);
        Ok(left == 0)
    }

    /// Reads a value at once.
    pub fn value<T: DeserializeOwned>(&mut self) -> Result<T, BundleError> {
        self.take()
    }

    /// Checks that the payload is read to its end, and lets its bytes go.
    pub fn end(&mut self) -> Result<(), BundleError> {
        let rest = self.raw.len() - self.at;
        self.raw = Vec::new();
        self.at = 0;
        if rest > 0 {
            return Err(BundleError::Corrupt(format!("{rest} bytes follow the value")));
        }
        Ok(())
    }

    fn take<T: DeserializeOwned>(&mut self) -> Result<T, BundleError> {
        let (value, rest) = postcard::take_from_bytes::<T>(&self.raw[self.at..])
            .map_err(|e| BundleError::Corrupt(e.to_string()))?;
        self.at = self.raw.len() - rest.len();
        Ok(value)
    }
}

impl std::fmt::Debug for Stepper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stepper")
            .field("inflating", &self.inflating.is_some())
            .field("read", &self.at)
            .field("of", &self.raw.len())
            .field("left", &self.left)
            .finish()
    }
}

/// A value whose encoding is a series of parts (its fields, in order), each read by [`Stepper::items`]
/// some items at a time or by [`Stepper::value`] at once.
pub trait ReadInTurns: Default {
    /// How many parts.
    const PARTS: usize;
    /// Reads a slice of part `part` (below [`ReadInTurns::PARTS`]) into the value: true once it is read.
    fn read_part(&mut self, part: usize, bytes: &mut Stepper) -> Result<bool, BundleError>;
}

/// A value being read in turns, part by part.
#[derive(Debug)]
pub struct Parts<V> {
    bytes: Stepper,
    /// The part being read.
    part: usize,
    value: V,
}

impl<V: ReadInTurns> Parts<V> {
    /// Reads the postcard payload that starts at `from` in `bytes`.
    pub fn plain(bytes: Vec<u8>, from: usize) -> Self {
        Self { bytes: Stepper::plain(bytes, from), part: 0, value: V::default() }
    }

    /// Reads the raw-deflate stream of a postcard payload that starts at `from` in `bytes`, refusing one
    /// that inflates to more than `limit` bytes.
    pub fn deflated(bytes: Vec<u8>, from: usize, limit: u64) -> Self {
        Self { bytes: Stepper::deflated(bytes, from, limit), part: 0, value: V::default() }
    }
}

impl<V: ReadInTurns> Steps for Parts<V> {
    type Value = V;

    fn step(&mut self) -> Result<Option<V>, BundleError> {
        if self.bytes.inflate()? {
            return Ok(None);
        }
        if self.part < V::PARTS {
            if self.value.read_part(self.part, &mut self.bytes)? {
                self.part += 1;
            }
            return Ok(None);
        }
        self.bytes.end()?;
        Ok(Some(std::mem::take(&mut self.value)))
    }
}

struct Inflating {
    input: Vec<u8>,
    /// Where the stream starts in `input`.
    from: usize,
    state: flate2::Decompress,
    limit: u64,
}

impl Inflating {
    /// Inflates up to [`INFLATE_STEP`] more bytes onto `out`; true at the stream's end.
    fn step(&mut self, out: &mut Vec<u8>) -> Result<bool, BundleError> {
        let read = self.total_in();
        let before = out.len();
        if before == 0 {
            // Room for the payload at once, as far as can be told (our payloads deflate to about a third):
            // a buffer grown by doubling copies tens of megabytes in one step at a hundred thousand documents.
            let guess = (self.input.len() as u64).saturating_mul(4).min(self.limit);
            out.reserve(usize::try_from(guess).unwrap_or(0));
        }
        out.resize(before + INFLATE_STEP, 0);
        let status = self
            .state
            .decompress(&self.input[read..], &mut out[before..], flate2::FlushDecompress::None)
            .map_err(|e| BundleError::Corrupt(e.to_string()));
        let produced = usize::try_from(self.state.total_out()).unwrap_or(usize::MAX) - before;
        out.truncate(before + produced.min(INFLATE_STEP));
        if out.len() as u64 > self.limit {
            return Err(BundleError::Corrupt(format!("it inflates to more than {} bytes", self.limit)));
        }
        match status? {
            flate2::Status::StreamEnd => {
                self.input = Vec::new();
                Ok(true)
            }
            // Neither read nor written: the input ended before the stream did.
            _ if produced == 0 && self.total_in() == read => {
                Err(BundleError::Corrupt("the stream ends early".to_owned()))
            }
            _ => Ok(false),
        }
    }

    /// Where the stream's unread part starts in `input`.
    fn total_in(&self) -> usize {
        usize::try_from(self.state.total_in())
            .unwrap_or(usize::MAX)
            .saturating_add(self.from)
            .min(self.input.len())
    }
}

#[cfg(test)]
mod tests;
