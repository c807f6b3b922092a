//! Reading a large value in turns, so that the thread reading it can give way between them.
//!
//! A built site's catalog and an imported corpus hold every document: read at once, they are one task
//! of hundreds of milliseconds on a page's thread. [`InTurns`] reads the same bytes as
//! [`postcard::from_bytes`] would, a slice at a time: each [`InTurns::step`] inflates a little more of
//! the stream (when it is deflated), or reads a few more of the leading sequence's items, and the caller
//! decides, by its own clock, when to give way. The engine keeps no clock.
//!
//! The value must be encoded as a sequence of `T` followed by a `Tail`: a struct whose first field is a
//! `Vec<T>` is exactly that in postcard, whose struct encoding is its fields' encodings in order, and
//! whose sequence encoding is a varint length then the items.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use crate::bundle::BundleError;

/// Bytes inflated in one step.
const INFLATE_STEP: usize = 256 * 1024;
/// Items read in one step.
const ITEMS_STEP: usize = 64;

/// A value `V`, encoded as a sequence of `T` and then a `Tail`, being read in turns.
pub struct InTurns<T, Tail, V> {
    /// The deflated stream still to inflate (`None` when the input was not deflated, or is inflated).
    inflating: Option<Inflating>,
    /// The postcard payload inflated so far (or the whole of it).
    raw: Vec<u8>,
    /// How much of `raw` has been read.
    at: usize,
    /// Items still to read: `None` before the sequence's length is read.
    left: Option<u64>,
    items: Vec<T>,
    /// Makes the value of its parts.
    make: fn(Vec<T>, Tail) -> V,
    _tail: PhantomData<fn() -> Tail>,
}

impl<T, Tail, V> std::fmt::Debug for InTurns<T, Tail, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InTurns")
            .field("inflating", &self.inflating.is_some())
            .field("read", &self.at)
            .field("of", &self.raw.len())
            .field("items", &self.items.len())
            .field("left", &self.left)
            .finish()
    }
}

struct Inflating {
    input: Vec<u8>,
    /// Where the stream starts in `input`.
    from: usize,
    state: flate2::Decompress,
    limit: u64,
}

impl<T: DeserializeOwned, Tail: DeserializeOwned, V> InTurns<T, Tail, V> {
    /// Reads the postcard payload that starts at `from` in `bytes`.
    pub fn plain(bytes: Vec<u8>, from: usize, make: fn(Vec<T>, Tail) -> V) -> Self {
        let at = from.min(bytes.len());
        Self { inflating: None, raw: bytes, at, left: None, items: Vec::new(), make, _tail: PhantomData }
    }

    /// Reads the raw-deflate stream of a postcard payload that starts at `from` in `bytes`, refusing one
    /// that inflates to more than `limit` bytes.
    pub fn deflated(bytes: Vec<u8>, from: usize, limit: u64, make: fn(Vec<T>, Tail) -> V) -> Self {
        let from = from.min(bytes.len());
        let inflating = Inflating { input: bytes, from, state: flate2::Decompress::new(false), limit };
        Self { inflating: Some(inflating), ..Self::plain(Vec::new(), 0, make) }
    }

    /// Does one slice of the work: `Ok(None)` while there is more, the value once it is read.
    pub fn step(&mut self) -> Result<Option<V>, BundleError> {
        if let Some(inflating) = &mut self.inflating {
            if inflating.step(&mut self.raw)? {
                self.inflating = None;
            }
            return Ok(None);
        }
        let corrupt = |e: postcard::Error| BundleError::Corrupt(e.to_string());
        let left = match self.left {
            Some(left) => left,
            None => {
                let (n, rest) = postcard::take_from_bytes::<u64>(&self.raw[self.at..]).map_err(corrupt)?;
                self.at = self.raw.len() - rest.len();
                // A damaged length cannot reserve more than the bytes could hold: each item is a byte at least.
                let room = (self.raw.len() - self.at) as u64;
                self.items.reserve(usize::try_from(n.min(room)).unwrap_or(0));
                self.left = Some(n);
                n
            }
        };
        if left > 0 {
            let mut left = left;
            for _ in 0..ITEMS_STEP.min(usize::try_from(left).unwrap_or(usize::MAX)) {
                let (item, rest) = postcard::take_from_bytes::<T>(&self.raw[self.at..]).map_err(corrupt)?;
                self.at = self.raw.len() - rest.len();
                self.items.push(item);
                left -= 1;
            }
            self.left = Some(left);
            return Ok(None);
        }
        let (tail, rest) = postcard::take_from_bytes::<Tail>(&self.raw[self.at..]).map_err(corrupt)?;
        if !rest.is_empty() {
            return Err(BundleError::Corrupt(format!("{} bytes follow the value", rest.len())));
        }
        self.raw = Vec::new();
        Ok(Some((self.make)(std::mem::take(&mut self.items), tail)))
    }

    /// Steps to the end at once: for a thread that has no one to give way to.
    pub fn finish(mut self) -> Result<V, BundleError> {
        loop {
            if let Some(done) = self.step()? {
                return Ok(done);
            }
        }
    }
}

impl Inflating {
    /// Inflates up to [`INFLATE_STEP`] more bytes onto `out`; true at the stream's end.
    fn step(&mut self, out: &mut Vec<u8>) -> Result<bool, BundleError> {
        let read = self.total_in();
        let before = out.len();
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
