//! Deterministic synthetic news pages, for scale tests and benchmarks of the Parallax engine.
//!
//! [`generate`] makes `docs` plain-text pages that look like what scrapers capture from news sites:
//! reports by many outlets about a shared world of events, each page with the outlet's furniture around
//! the article (mastheads, menus, bylines, dates in many formats, captions with photo credits, share
//! buttons, promo links, reader comments, footers). With every page comes its [`Truth`]: which outlet
//! published it, when, which event it reports and which events it mentions, so tests can check what the
//! engine reads from it.
//!
//! The main design decision is that **every page is a pure function of `(index, docs, seed)`**, computed
//! on its own ([`page`]). The world (its events and which documents report each) is never built as a
//! whole: an event is drawn when a page needs it, from a random stream keyed by the seed and the event's
//! number, and a document's choices come from a stream keyed by its index. So 100,000 pages can be
//! streamed to disk in constant memory, any page can be regenerated alone to debug it, and the same
//! `(docs, seed)` gives byte-identical pages on every machine and target, wasm included. Randomness is
//! ChaCha8 (`rand_chacha`), seeded explicitly; nothing reads the clock or the operating system.
//!
//! The modules follow the making of a page: `world` (events, participants, which event a document
//! reports), `kinds` (what each kind of event is and the sentences written about it), `prose` (turning
//! templates into a report that differs from every other report of the same event), `layout` (the page
//! around the report), with `tables` (names from the engine's data files) and `calendar` (days).

use serde::Serialize;

mod calendar;
mod kinds;
mod layout;
mod prose;
mod tables;
mod world;

use rand::RngExt;

use crate::prose::Writer;
use crate::tables::tables;
use crate::world::{Stream, World, rng};

/// One synthetic page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The file name: the page's index, zero-padded, and its outlet ("000123_reuters.txt").
    pub name: String,
    /// The page as a scraper's plain-text dump.
    pub text: String,
    pub truth: Truth,
}

/// What is true of a page, for checking what the engine reads from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Truth {
    /// The canonical name of the outlet (column 1 of `crates/core/data/outlets.tsv`).
    pub outlet: String,
    /// The publication date, ISO 8601 (`2013-04-20`).
    pub published: String,
    /// The synthetic event the page reports (its headline and lead are about it). Events are numbered in
    /// date order from 0.
    pub event: u32,
    /// Every event the article text mentions: the reported one first, then any it mentions in passing.
    pub events_mentioned: Vec<u32>,
}

/// The number of events promo links on a page point to (related stories, recent posts).
const PROMOS: usize = 3;

/// How far back, in years, a report looks for an earlier event to mention in passing ("Memories are still
/// fresh of ..."): what news recalls as recent context, rather than history.
const BACKGROUND_YEARS: u32 = 3;

/// The share of reports that mention an earlier event in passing (0..=1). Half: enough for tests of
/// "mentions" against "reports" to have many cases of each.
const BACKGROUND_SHARE: f64 = 0.5;

/// All `docs` pages of the world of `seed`, in index order. The same `(docs, seed)` gives identical pages.
pub fn generate(docs: usize, seed: u64) -> Vec<Page> {
    (0..docs).map(|i| page(i, docs, seed)).collect()
}

/// Page `index` of the `docs` pages of the world of `seed`, alone: the same page [`generate`] returns at
/// that index, at the cost of one page.
pub fn page(index: usize, docs: usize, seed: u64) -> Page {
    let world = World::new(docs, seed);
    let event_id = world.event_of(index);
    let event = world.event(event_id);
    let mut r = rng(seed, Stream::Document, index as u64);

    let t = tables();
    let outlet = &t.outlets[r.random_range(0..t.outlets.len())];
    // Reports come out on the day of the event or up to ten days later.
    let published = event.date.plus(r.random_range(0..=10));
    let background = (event_id > 0 && r.random_bool(BACKGROUND_SHARE)).then(|| {
        let earliest = event_id.saturating_sub(world.reach(BACKGROUND_YEARS));
        world.event(r.random_range(earliest..event_id))
    });
    let mut promos: Vec<_> = (0..PROMOS)
        .map(|_| r.random_range(0..world.events))
        .filter(|&id| id != event_id)
        .map(|id| world.event(id))
        .collect();

    let mut writer = Writer::new(r, event, background, published);
    let layout = layout::choose_layout(&mut writer, outlet);
    let text = layout::render(&mut writer, outlet, layout, &mut promos);

    let mut events_mentioned = vec![event_id];
    if writer.mentioned_background
        && let Some(b) = &writer.background
        && b.id != event_id
    {
        events_mentioned.push(b.id);
    }
    let width = docs.saturating_sub(1).to_string().len().max(6);
    Page {
        name: format!("{index:0width$}_{}.txt", outlet.slug),
        text,
        truth: Truth {
            outlet: outlet.name.to_owned(),
            published: published.iso(),
            event: event_id,
            events_mentioned,
        },
    }
}
