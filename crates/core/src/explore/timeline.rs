//! Documents and events on a time axis.
//!
//! A [`Period`] is what the axis spans: every year of the corpus (one column per year), one year (a
//! column per month) or one month (a column per day). Documents fall in lanes, one per outlet, and
//! events in a lane of their own. Items of the same lane and column are one [`Mark`] with a count, so a
//! thousand documents make at most a lane's worth of marks per column. An item dated more coarsely than
//! the columns (a page that gives only its month, on an axis of days) is a mark spanning the columns of
//! its period, never a guess at a day. Items without a usable date are returned apart.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::outlet_name;
use crate::Document;
use crate::events::Events;

/// A calendar date known to the year, the month or the day: `2013`, `2013-04`, `2013-04-25`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1 to 12.
    pub month: Option<u32>,
    /// 1 to the month's length; only with a month.
    pub day: Option<u32>,
}

impl PartialDate {
    /// Reads an ISO 8601 date or its year or month prefix; a time after the day (`T10:15`, or after a
    /// space) is ignored. Anything else, or a day the calendar does not have, is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let head = s.trim().split(['T', ' ']).next()?;
        let mut parts = head.split('-');
        let number = |p: &str, digits: usize| {
            (p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u32>().ok())
                .flatten()
        };
        let year = i32::try_from(number(parts.next()?, 4)?).ok()?;
        let month = match parts.next() {
            None => None,
            Some(p) => Some(number(p, 2).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(p) => {
                let d = number(p, 2)?;
                NaiveDate::from_ymd_opt(year, month?, d)?;
                Some(d)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Self { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

fn document_date(doc: &Document) -> Option<PartialDate> {
    doc.meta.published.as_ref().and_then(|p| PartialDate::parse(&p.value))
}

fn event_date(event: &crate::events::Event) -> Option<PartialDate> {
    event.date.as_deref().and_then(PartialDate::parse)
}

/// What a bucket of [`buckets`] spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Year,
    Month,
}

/// The documents and events of one year or month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bucket {
    /// `2013`, or `2013-04`. An item dated only to its year, bucketed by month, is in the year's bucket
    /// (`2013`), which sorts before that year's months.
    pub key: String,
    /// Indices into the corpus, ascending.
    pub documents: Vec<u32>,
    /// Indices into [`Events::events`], ascending.
    pub events: Vec<u32>,
}

/// Documents and events by year or month, and those without a usable date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Buckets {
    /// In time order; only buckets with something in them.
    pub buckets: Vec<Bucket>,
    pub undated_documents: Vec<u32>,
    pub undated_events: Vec<u32>,
}

/// Counts documents (by publication date) and events (by their date) per year or per month.
pub fn buckets(documents: &[Document], events: &Events, unit: Unit) -> Buckets {
    let key = |d: PartialDate| match (unit, d.month) {
        (Unit::Month, Some(m)) => format!("{:04}-{m:02}", d.year),
        _ => format!("{:04}", d.year),
    };
    let mut map: BTreeMap<String, Bucket> = BTreeMap::new();
    let mut out = Buckets::default();
    for (i, doc) in documents.iter().enumerate() {
        let i = index(i);
        match document_date(doc) {
            Some(d) => map.entry(key(d)).or_default().documents.push(i),
            None => out.undated_documents.push(i),
        }
    }
    for (i, event) in events.events.iter().enumerate() {
        let i = index(i);
        match event_date(event) {
            Some(d) => map.entry(key(d)).or_default().events.push(i),
            None => out.undated_events.push(i),
        }
    }
    out.buckets = map.into_iter().map(|(key, b)| Bucket { key, ..b }).collect();
    out
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The earliest date of any document or event: where a zoomed view with no date given opens.
pub fn earliest(documents: &[Document], events: &Events) -> Option<PartialDate> {
    documents.iter().filter_map(document_date).chain(events.events.iter().filter_map(event_date)).min()
}

/// What the time axis spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// Every year that has a dated document or event; a column per year.
    All,
    /// One year; a column per month.
    Year(i32),
    /// One month (year, 1 to 12); a column per day.
    Month(i32, u32),
}

/// Why a zoom level or date from a URL could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    /// The zoom level is not one of `year`, `month` (or `all`).
    Zoom(String),
    /// The date is not a year or month in ISO form.
    At(String),
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Zoom(z) => write!(f, "“{z}” is not a zoom level: the timeline zooms to a year or a month"),
            Self::At(a) => {
                write!(f, "“{a}” is not a date the timeline can show: use a year (2013) or a month (2013-04)")
            }
        }
    }
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(28)
}

impl Period {
    /// Reads a period from a URL's `zoom` and `at`. No zoom (or `all`) is every year; `year` and
    /// `month` need a date of at least that precision (a longer one is cut to it). With no date, the
    /// period of `fallback` (the earliest item, say) is taken, or every year when there is none.
    pub fn parse(zoom: &str, at: &str, fallback: Option<PartialDate>) -> Result<Self, PeriodError> {
        let date = if at.trim().is_empty() {
            fallback
        } else {
            Some(PartialDate::parse(at).ok_or_else(|| PeriodError::At(at.to_owned()))?)
        };
        match zoom.trim() {
            "" | "all" => Ok(Self::All),
            "year" => Ok(date.map_or(Self::All, |d| Self::Year(d.year))),
            "month" => match date {
                None => Ok(Self::All),
                Some(PartialDate { year, month: Some(m), .. }) => Ok(Self::Month(year, m)),
                // A year alone is not a month; asked for explicitly, that is an error.
                Some(_) if !at.trim().is_empty() => Err(PeriodError::At(at.to_owned())),
                Some(d) => Ok(Self::Month(d.year, 1)),
            },
            other => Err(PeriodError::Zoom(other.to_owned())),
        }
    }

    /// The URL's `zoom` value; empty for every year.
    pub fn zoom(self) -> &'static str {
        match self {
            Self::All => "",
            Self::Year(_) => "year",
            Self::Month(..) => "month",
        }
    }

    /// The URL's `at` value: `2013`, `2013-04`; empty for every year.
    pub fn at(self) -> String {
        match self {
            Self::All => String::new(),
            Self::Year(y) => format!("{y:04}"),
            Self::Month(y, m) => format!("{y:04}-{m:02}"),
        }
    }

    /// The period as people say it: "all years", "2013", "April 2013".
    pub fn label(self) -> String {
        match self {
            Self::All => "all years".to_owned(),
            Self::Year(y) => format!("{y}"),
            Self::Month(y, m) => {
                let name = (m as usize).checked_sub(1).and_then(|i| MONTH_NAMES.get(i)).unwrap_or(&"?");
                format!("{name} {y}")
            }
        }
    }

    /// The period one level out: a month's year, a year's every year; `None` from every year.
    pub fn zoom_out(self) -> Option<Self> {
        match self {
            Self::All => None,
            Self::Year(_) => Some(Self::All),
            Self::Month(y, _) => Some(Self::Year(y)),
        }
    }

    /// The period just before, at the same zoom; `None` for every year.
    pub fn earlier(self) -> Option<Self> {
        match self {
            Self::All => None,
            Self::Year(y) => Some(Self::Year(y - 1)),
            Self::Month(y, m) if m <= 1 => Some(Self::Month(y - 1, 12)),
            Self::Month(y, m) => Some(Self::Month(y, m - 1)),
        }
    }

    /// The period just after, at the same zoom; `None` for every year.
    pub fn later(self) -> Option<Self> {
        match self {
            Self::All => None,
            Self::Year(y) => Some(Self::Year(y + 1)),
            Self::Month(y, m) if m >= 12 => Some(Self::Month(y + 1, 1)),
            Self::Month(y, m) => Some(Self::Month(y, m + 1)),
        }
    }

    /// Where a date falls: before the period, after it, or in columns `from..to`.
    fn place(self, d: PartialDate, first_year: i32, columns: u32) -> Place {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match self {
            Self::All => {
                let from = u32::try_from(d.year - first_year).unwrap_or(0);
                Place::In(from, from + 1)
            }
            Self::Year(y) => match d.year.cmp(&y) {
                Less => Place::Before,
                Greater => Place::After,
                Equal => d.month.map_or(Place::In(0, 12), |m| Place::In(m - 1, m)),
            },
            // A date known only to its year compares as if in the period's month: before or after a
            // month of another year, spanning the whole month in its own year.
            Self::Month(y, m) => match (d.year, d.month.unwrap_or(m)).cmp(&(y, m)) {
                Less => Place::Before,
                Greater => Place::After,
                Equal => d.day.map_or(Place::In(0, columns), |day| Place::In(day - 1, day)),
            },
        }
    }
}

enum Place {
    Before,
    After,
    In(u32, u32),
}

/// A column of the axis: a year, a month or a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// `2013`, `2013-04`, `2013-04-25`: also what the Library's date filter takes.
    pub key: String,
    /// The tick's text: `2013`, `Apr`, `25`.
    pub label: String,
    /// The period a click on the column zooms to; `None` for a day.
    pub zoom: Option<Period>,
}

/// Items of one lane that fall in the same columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The first column, and the column after the last: one column for an item dated as finely as the
    /// axis, several for one dated more coarsely.
    pub from: u32,
    pub to: u32,
    /// Documents (in an outlet's lane) or events (in the events lane), by corpus index, ascending.
    pub items: Vec<u32>,
}

/// A row of the axis: the documents of one outlet, or of the outlets too small to have a row each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub label: String,
    /// The outlets whose documents it holds (one, except for the last lane of a crowded corpus).
    pub outlets: Vec<String>,
    pub marks: Vec<Mark>,
}

/// The time axis of a period, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub period: Period,
    pub columns: Vec<Column>,
    /// One lane per outlet with a dated document, the outlet with most dated documents first: the same
    /// lanes in every period, so moving along the axis keeps each outlet on its row.
    pub lanes: Vec<Lane>,
    /// The events lane.
    pub events: Vec<Mark>,
    /// Dated documents and events before the period and after it: `(documents, events)`.
    pub before: (u32, u32),
    pub after: (u32, u32),
    pub undated_documents: Vec<u32>,
    pub undated_events: Vec<u32>,
}

impl Timeline {
    /// How many documents and events the period shows.
    pub fn shown(&self) -> (u32, u32) {
        let count = |marks: &[Mark]| marks.iter().map(|m| index(m.items.len())).sum::<u32>();
        (self.lanes.iter().map(|l| count(&l.marks)).sum(), count(&self.events))
    }
}

/// The label of the lane that gathers the outlets beyond the first `max_lanes - 1`.
pub const OTHER_OUTLETS: &str = "Other outlets";

/// Lays out the documents and events of `period`, with at most `max_lanes` outlet lanes (at least one):
/// when the corpus has more outlets than that, the smallest share the last lane.
pub fn timeline(documents: &[Document], events: &Events, period: Period, max_lanes: usize) -> Timeline {
    // Each date read once: at a hundred thousand documents, reading them took a tenth of a second.
    let (mut dated_docs, mut undated_documents) = (Vec::new(), Vec::new());
    for (i, d) in documents.iter().enumerate() {
        match document_date(d) {
            Some(date) => dated_docs.push((index(i), date)),
            None => undated_documents.push(index(i)),
        }
    }
    let (mut dated_events, mut undated_events) = (Vec::new(), Vec::new());
    for (i, e) in events.events.iter().enumerate() {
        match event_date(e) {
            Some(date) => dated_events.push((index(i), date)),
            None => undated_events.push(index(i)),
        }
    }
    let years = dated_docs.iter().chain(&dated_events).map(|(_, d)| d.year);
    let (first_year, last_year) = (years.clone().min().unwrap_or(0), years.max().unwrap_or(-1));

    let columns: Vec<Column> = match period {
        Period::All => (first_year..=last_year)
            .map(|y| Column { key: format!("{y:04}"), label: y.to_string(), zoom: Some(Period::Year(y)) })
            .collect(),
        Period::Year(y) => (1..=12)
            .map(|m| Column {
                key: format!("{y:04}-{m:02}"),
                label: MONTHS[m as usize - 1].to_owned(),
                zoom: Some(Period::Month(y, m)),
            })
            .collect(),
        Period::Month(y, m) => (1..=days_in_month(y, m))
            .map(|d| Column { key: format!("{y:04}-{m:02}-{d:02}"), label: d.to_string(), zoom: None })
            .collect(),
    };
    let n = index(columns.len());

    // Lanes: outlets by how many dated documents they have.
    let mut per_outlet: BTreeMap<&str, u32> = BTreeMap::new();
    for &(d, _) in &dated_docs {
        *per_outlet.entry(outlet_name(&documents[d as usize])).or_default() += 1;
    }
    let mut outlets: Vec<(&str, u32)> = per_outlet.into_iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let max_lanes = max_lanes.max(1);
    let own = if outlets.len() > max_lanes { max_lanes - 1 } else { outlets.len() };
    let mut lanes: Vec<Lane> = outlets[..own]
        .iter()
        .map(|(o, _)| Lane { label: (*o).to_owned(), outlets: vec![(*o).to_owned()], marks: Vec::new() })
        .collect();
    if own < outlets.len() {
        lanes.push(Lane {
            label: OTHER_OUTLETS.to_owned(),
            outlets: outlets[own..].iter().map(|(o, _)| (*o).to_owned()).collect(),
            marks: Vec::new(),
        });
    }
    let lane_of: BTreeMap<&str, usize> =
        outlets.iter().enumerate().map(|(i, (o, _))| (*o, i.min(lanes.len().saturating_sub(1)))).collect();

    let mut before = (0, 0);
    let mut after = (0, 0);
    let mut doc_marks: Vec<BTreeMap<(u32, u32), Vec<u32>>> = vec![BTreeMap::new(); lanes.len()];
    for &(d, date) in &dated_docs {
        match period.place(date, first_year, n) {
            Place::Before => before.0 += 1,
            Place::After => after.0 += 1,
            Place::In(from, to) => {
                let lane = lane_of[outlet_name(&documents[d as usize])];
                doc_marks[lane].entry((from, to)).or_default().push(d);
            }
        }
    }
    let mut event_marks: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    for &(e, date) in &dated_events {
        match period.place(date, first_year, n) {
            Place::Before => before.1 += 1,
            Place::After => after.1 += 1,
            Place::In(from, to) => event_marks.entry((from, to)).or_default().push(e),
        }
    }
    let marks = |map: BTreeMap<(u32, u32), Vec<u32>>| -> Vec<Mark> {
        map.into_iter().map(|((from, to), items)| Mark { from, to, items }).collect()
    };
    for (lane, map) in lanes.iter_mut().zip(doc_marks) {
        lane.marks = marks(map);
    }
    Timeline {
        period,
        columns,
        lanes,
        events: marks(event_marks),
        before,
        after,
        undated_documents,
        undated_events,
    }
}
