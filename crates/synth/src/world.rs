//! The synthetic world: its events, and which event each document reports.
//!
//! Everything is a pure function of `(docs, seed)` and an index, computed on demand: event `k` is drawn
//! from a random stream of its own (keyed by the seed and `k`), and so is document `i`. Nothing is
//! generated in advance, so one page of a hundred thousand costs the same as the first, and pages can be
//! streamed or generated in parallel.
//!
//! The world has `max(20, docs / 20)` events, so an event is reported by about twenty documents on
//! average at any size. Events are numbered in date order, spread evenly over 2000 to 2025. Which event a
//! document reports is decided so that every event is covered at least twice (when there are enough
//! documents): the first `2 × events` documents go round all events twice, in an order scrambled by a
//! seeded permutation; the rest pick events with a skew, as a few stories in any news cycle draw most of
//! the coverage.

use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::calendar::Day;
use crate::kinds::{Format, KINDS, Kind, Voice, Where};
use crate::tables::{City, tables};

/// The independent random streams of a world. Each `(seed, stream, index)` keys its own ChaCha8
/// generator, so adding draws to one stream never changes another.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stream {
    World = 1,
    Event = 2,
    Assignment = 3,
    Document = 4,
}

/// The generator for one stream and index.
pub(crate) fn rng(seed: u64, stream: Stream, index: u64) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&(stream as u64).to_le_bytes());
    key[16..24].copy_from_slice(&index.to_le_bytes());
    ChaCha8Rng::from_seed(key)
}

/// The share of documents beyond the first two rounds that pick an event uniformly; the others pick
/// with a quadratic skew towards a few events (in 0..=1; 0.7 gives the largest story of a 100,000-page
/// world a few hundred reports, in line with how many pieces a major story draws in a week of wires).
const UNIFORM_SHARE: f64 = 0.7;

/// The first and last days events can fall on: documents come up to ten days later, so the last
/// document is dated in 2025 too.
const FIRST_DAY: (i32, u32, u32) = (2000, 1, 1);
const LAST_DAY: (i32, u32, u32) = (2025, 12, 20);

/// A world: the number of documents and events, and the permutation that spreads documents over events.
#[derive(Debug, Clone, Copy)]
pub(crate) struct World {
    pub seed: u64,
    pub events: u32,
    stride: u64,
    offset: u64,
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl World {
    pub(crate) fn new(docs: usize, seed: u64) -> World {
        let events = u32::try_from((docs / 20).max(20)).unwrap_or(u32::MAX);
        let n = u64::from(events);
        let mut r = rng(seed, Stream::World, 0);
        // An affine map i -> (stride * i + offset) mod n is a permutation when stride and n are coprime.
        let mut stride = r.random_range(1..n);
        while gcd(stride, n) != 1 {
            stride = stride % (n - 1) + 1;
        }
        let offset = r.random_range(0..n);
        World { seed, events, stride, offset }
    }

    /// How many events back a report may look for an earlier event to mention in passing: the events of
    /// the last `years` years (events are in date order, evenly spread), at least one.
    pub(crate) fn reach(&self, years: u32) -> u32 {
        let span = Day::from_ymd(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).0
            - Day::from_ymd(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).0;
        let days_per_event = f64::from(span) / f64::from(self.events);
        ((f64::from(years) * 365.0 / days_per_event) as u32).max(1)
    }

    /// The event document `index` reports.
    pub(crate) fn event_of(&self, index: usize) -> u32 {
        let n = u64::from(self.events);
        let i = index as u64;
        let slot = if i < 2 * n {
            i % n
        } else {
            let mut r = rng(self.seed, Stream::Assignment, i);
            let u: f64 = r.random();
            let x = if r.random_bool(UNIFORM_SHARE) { u } else { u * u };
            ((x * n as f64) as u64).min(n - 1)
        };
        ((slot * self.stride + self.offset) % n) as u32
    }

    /// Event `id`, drawn from its own stream.
    pub(crate) fn event(&self, id: u32) -> Event {
        let t = tables();
        let mut r = rng(self.seed, Stream::Event, u64::from(id));
        let kind = &KINDS[r.random_range(0..KINDS.len())];
        let first = Day::from_ymd(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2);
        let span = f64::from(Day::from_ymd(LAST_DAY.0, LAST_DAY.1, LAST_DAY.2).0 - first.0);
        let at = (f64::from(id) + r.random::<f64>()) / f64::from(self.events);
        let date = first.plus((at * span) as i32);

        let city = match kind.place {
            Where::WithParties => &t.cities[t.party_cities[r.random_range(0..t.party_cities.len())]],
            Where::Anywhere => &t.cities[r.random_range(0..t.cities.len())],
        };
        let other = loop {
            let c = &t.cities[r.random_range(0..t.cities.len())];
            if c.code != city.code {
                break c;
            }
        };
        let subject = kind.subjects[r.random_range(0..kind.subjects.len())];

        let mut organisations = Vec::with_capacity(2);
        for org_kind in kind.organisations {
            let pick = pick_organisation(&mut r, org_kind, city.code, &organisations);
            organisations.push(pick);
        }
        let igo = pick_organisation(&mut r, "intergovernmental", "intl", &organisations);
        let pool = |r: &mut ChaCha8Rng, kind: &str| {
            t.organisations(kind).choose(r).map_or("the United Nations", |o| o.printed.as_str())
        };
        let ngo = pool(&mut r, "ngo");
        let edu = pool(&mut r, "education");
        let co = pool(&mut r, "company");

        let mut quantities = Vec::with_capacity(kind.quantities.len());
        for spec in kind.quantities {
            let v = r.random_range(spec.low..=spec.high);
            let v = match spec.format {
                Format::YearsBefore => u32::try_from(date.year()).unwrap_or(2000).saturating_sub(v),
                _ => v,
            };
            quantities.push((spec.name, v, spec.format));
        }

        // The first two roles always take part; up to two more of the rest may.
        let mut roles: Vec<usize> = vec![0, 1];
        let extra = r.random_range(0..=2usize);
        let mut rest: Vec<usize> = (2..kind.roles.len()).collect();
        for _ in 0..extra {
            if rest.is_empty() {
                break;
            }
            roles.push(rest.swap_remove(r.random_range(0..rest.len())));
        }
        let fill = |text: &str| {
            let mut s = text.to_owned();
            if !s.contains('{') {
                return s;
            }
            for (key, value) in [
                ("{adj}", city.adjective),
                ("{adj2}", other.adjective),
                ("{city}", city.name),
                ("{country}", city.country),
                ("{o0}", organisations[0]),
                ("{o1}", organisations[1]),
                ("{ngo}", ngo),
                ("{edu}", edu),
                ("{igo}", igo),
                ("{co}", co),
            ] {
                if s.contains(key) {
                    s = s.replace(key, value);
                }
            }
            s
        };
        let mut people: Vec<Person> = Vec::with_capacity(roles.len());
        for role in roles.iter().map(|&i| &kind.roles[i]) {
            let given = t.given_names[r.random_range(0..t.given_names.len())];
            let surname = loop {
                let s = t.surnames[r.random_range(0..t.surnames.len())];
                if people.iter().all(|p| p.surname != s) {
                    break s;
                }
            };
            people.push(Person {
                given,
                surname,
                title: fill(role.title),
                apposition: fill(role.apposition),
                short: role.short,
                voice: role.voice,
            });
        }

        Event { id, kind, city, other, date, subject, organisations, igo, people, quantities }
    }
}

/// An organisation of a kind, preferring the event's country (except for intergovernmental bodies);
/// never one already taken. Falls back to any organisation of the kind, then to a generic name.
fn pick_organisation(
    r: &mut ChaCha8Rng,
    kind: &'static str,
    code: &'static str,
    taken: &[&str],
) -> &'static str {
    let t = tables();
    let all = t.organisations(kind);
    let local = if kind == "intergovernmental" { &[][..] } else { t.local(kind, code) };
    // A few draws find a free one: an event takes at most three organisations.
    for attempt in 0..8 {
        let o = if !local.is_empty() && attempt < 4 {
            &all[local[r.random_range(0..local.len())]]
        } else if !all.is_empty() {
            &all[r.random_range(0..all.len())]
        } else {
            break;
        };
        if !taken.contains(&o.printed.as_str()) {
            return &o.printed;
        }
    }
    "a local civic group"
}

/// Words that make an organisation's name take "the" ("the European Union", "the Brookings Institution"),
/// unlike names such as "Amnesty International" or "Harvard University".
const NEEDS_THE: [&str; 65] = [
    "Union",
    "Nations",
    "Organization",
    "Organisation",
    "Council",
    "Bank",
    "Court",
    "Commission",
    "Committee",
    "Ministry",
    "Agency",
    "Office",
    "Programme",
    "Fund",
    "Assembly",
    "Institute",
    "Institution",
    "Community",
    "Association",
    "League",
    "Party",
    "Front",
    "Movement",
    "Army",
    "Forces",
    "Service",
    "Parliament",
    "Federation",
    "Foundation",
    "Centre",
    "Center",
    "Alliance",
    "Tribunal",
    "Board",
    "Authority",
    "Group",
    "Conference",
    "Taliban",
    "Area",
    "Zone",
    "Secretariat",
    "Cooperation",
    "Partnership",
    "Initiative",
    "Forum",
    "Network",
    "Coalition",
    "Observatory",
    "Academy",
    "Mission",
    "Bureau",
    "Directorate",
    "Administration",
    "Department",
    "Corps",
    "Guard",
    "Police",
    "Navy",
    "Command",
    "Commonwealth",
    "Cross",
    "Crescent",
    "Church",
    "Society",
    "Club",
];

/// An organisation's name as running text prints it, with "the" where English puts one.
pub(crate) fn with_article(name: &str) -> String {
    let starts_with_the = name.starts_with("The ") || name.starts_with("the ");
    let of_form = name.split_whitespace().nth(1) == Some("of");
    let acronym = name.len() <= 6 && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let needs = of_form || acronym || name.split_whitespace().any(|w| NEEDS_THE.contains(&w));
    if starts_with_the {
        format!("the {}", &name[4..])
    } else if needs {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// A participant in an event.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub given: &'static str,
    pub surname: &'static str,
    /// Printed before the name ("Turkish Foreign Minister"), or empty.
    pub title: String,
    /// Printed after the name, between commas ("an analyst at Chatham House"), or empty.
    pub apposition: String,
    /// A phrase for the person once introduced ("the minister").
    pub short: &'static str,
    pub voice: Voice,
}

/// One event of the world.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub id: u32,
    pub kind: &'static Kind,
    pub city: &'static City,
    /// A city in another country: the event's second country (the other party to talks, a deal, sanctions).
    pub other: &'static City,
    pub date: Day,
    pub subject: &'static str,
    /// The event's organisations (`{o0}`, `{o1}`), as printed in running text.
    pub organisations: Vec<&'static str>,
    /// An intergovernmental body that comments on the event.
    pub igo: &'static str,
    pub people: Vec<Person>,
    /// The event's quantities by name, with how to print them.
    pub quantities: Vec<(&'static str, u32, Format)>,
}

impl Event {
    pub(crate) fn quantity(&self, name: &str) -> Option<(u32, Format)> {
        self.quantities.iter().find(|(n, _, _)| *n == name).map(|&(_, v, f)| (v, f))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_is_covered_twice_once_there_are_enough_documents() {
        for docs in [100, 1000, 4321] {
            let world = World::new(docs, 7);
            let mut counts = vec![0u32; world.events as usize];
            for i in 0..docs {
                counts[world.event_of(i) as usize] += 1;
            }
            assert!(counts.iter().all(|&c| c >= 2), "{docs}: {counts:?}");
        }
    }

    #[test]
    fn events_are_in_date_order_within_range() {
        let world = World::new(2000, 3);
        let days: Vec<Day> = (0..world.events).map(|k| world.event(k).date).collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]));
        assert!(days[0] >= Day::from_ymd(2000, 1, 1));
        assert!(days[days.len() - 1] <= Day::from_ymd(2025, 12, 20));
    }

    #[test]
    fn articles() {
        assert_eq!(with_article("European Union"), "the European Union");
        assert_eq!(with_article("Amnesty International"), "Amnesty International");
        assert_eq!(with_article("University of Oxford"), "the University of Oxford");
        assert_eq!(with_article("The Carter Center"), "the Carter Center");
        assert_eq!(with_article("G7"), "the G7");
    }
}
