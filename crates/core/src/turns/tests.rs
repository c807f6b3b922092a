//! Reading in turns gives what reading at once gives, a slice at a time, and refuses what reading at once
//! refuses, without looping or reserving for a damaged length.

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Item {
    name: String,
    at: u32,
    marks: Vec<u16>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Value {
    items: Vec<Item>,
    title: String,
    counts: Vec<u32>,
}

impl ReadInTurns for Value {
    const PARTS: usize = 3;

    fn read_part(&mut self, part: usize, s: &mut Stepper) -> Result<bool, BundleError> {
        match part {
            0 => s.items(&mut self.items),
            1 => {
                self.title = s.value()?;
                Ok(true)
            }
            _ => s.items(&mut self.counts),
        }
    }
}

type Reading = Parts<Value>;

fn value(n: u32) -> Value {
    let items = (0..n)
        .map(|i| Item {
            name: format!("item {i} {}", "x".repeat((i % 97) as usize)),
            at: i * 7,
            marks: vec![1; (i % 5) as usize],
        })
        .collect();
    Value { items, title: "a title".to_owned(), counts: (0..n).collect() }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    d.write_all(bytes).expect("writes to memory");
    d.finish().expect("writes to memory")
}

/// Steps to the end, counting the steps.
fn run(mut reading: Reading) -> (Result<Value, BundleError>, usize) {
    for steps in 1.. {
        match reading.step() {
            Ok(None) => continue,
            Ok(Some(v)) => return (Ok(v), steps),
            Err(e) => return (Err(e), steps),
        }
    }
    unreachable!()
}

#[test]
fn plain_reads_the_same_value_a_slice_at_a_time() {
    let v = value(5_000);
    let mut bytes = b"HEAD".to_vec();
    bytes.extend(postcard::to_allocvec(&v).expect("encodes"));
    let (read, steps) = run(Reading::plain(bytes, 4));
    assert_eq!(read.expect("reads"), v);
    // Each sequence ITEMS_STEP items at a time (its length with the first), the title, the end.
    assert_eq!(steps, 2 * 5_000usize.div_ceil(ITEMS_STEP) + 2);
}

#[test]
fn deflated_inflates_a_slice_at_a_time() {
    let v = value(40_000);
    let payload = postcard::to_allocvec(&v).expect("encodes");
    assert!(payload.len() > 4 * INFLATE_STEP, "the payload is {} bytes", payload.len());
    let mut bytes = vec![9; 8];
    bytes.extend(deflate(&payload));
    let (read, steps) = run(Reading::deflated(bytes, 8, u64::MAX));
    assert_eq!(read.expect("reads"), v);
    assert!(steps > payload.len() / INFLATE_STEP + 2 * 40_000 / ITEMS_STEP, "{steps} steps");
}

#[test]
fn an_empty_sequence_and_finish_read_too() {
    let v = Value { items: Vec::new(), title: String::new(), counts: vec![3] };
    let bytes = postcard::to_allocvec(&v).expect("encodes");
    assert_eq!(Reading::plain(bytes.clone(), 0).finish(), Ok(v.clone()));
    assert_eq!(Reading::deflated(deflate(&bytes), 0, 1_000).finish(), Ok(v));
}

#[test]
fn damaged_input_is_refused() {
    let v = value(300);
    let payload = postcard::to_allocvec(&v).expect("encodes");
    let corrupt = |r: Result<Value, BundleError>| matches!(r, Err(BundleError::Corrupt(_)));

    // Cut short, plain and deflated.
    assert!(corrupt(Reading::plain(payload[..payload.len() / 2].to_vec(), 0).finish()));
    let stream = deflate(&payload);
    let (cut, _) = run(Reading::deflated(stream[..stream.len() / 2].to_vec(), 0, u64::MAX));
    assert!(matches!(cut, Err(BundleError::Corrupt(m)) if m.contains("ends early")));
    // Bytes after the value.
    let mut longer = payload.clone();
    longer.push(0);
    assert!(corrupt(Reading::plain(longer, 0).finish()));
    // Not a deflate stream at all.
    assert!(corrupt(Reading::deflated(vec![0xff; 64], 0, u64::MAX).finish()));
    // A length of four billion items in a few bytes: refused when the bytes run out, nothing reserved for it.
    let mut huge = postcard::to_allocvec(&u64::from(u32::MAX)).expect("encodes");
    huge.extend([1, b'a', 0, 0]);
    let mut reading = Reading::plain(huge, 0);
    assert!(matches!(reading.step(), Err(BundleError::Corrupt(_))));
    assert!(reading.value.items.capacity() < 16, "reserved {}", reading.value.items.capacity());
    // More than the limit once inflated.
    let (over, _) = run(Reading::deflated(deflate(&payload), 0, 1_000));
    assert!(matches!(over, Err(BundleError::Corrupt(m)) if m.contains("1000")));
}
