//! DATE mentions: absolute and relative dates and periods, as named-entity mentions.
//!
//! This is not [`crate::dates`], which resolves the dates a page prints to the calendar; here the
//! question is only which words name a date, in the sense of the OntoNotes DATE label: "April 15",
//! "15 April 2013", "Wednesday", "last year", "two years ago", "earlier this month", "the 1990s",
//! "2013", "mid-2014". Times of day are not dates.
//!
//! Forms read, over [`Piece`]s, case-insensitively except where a capital decides:
//! - month and day: `April 15`, `April 15, 2013`, `15 April 2013`, `Apr. 15`, `April 2013`, `April` (a
//!   month alone only after `in`, `since`, `until`, `by`, `early`, `late`, `mid`, `last`, `next`, `this`,
//!   `of`, or before a year; "May" and "March" alone never);
//! - weekdays, optionally with a date after them: `Wednesday`, `Wednesday, April 17`;
//! - years (1000 to 2100) standing alone, decades (`1990s`, `the 1990s`), centuries (`the 19th century`),
//!   ISO dates (`2013-04-15`), and `mid-2013`, `early 2014`, `late 1990s`;
//! - lengths of time and ages, which OntoNotes counts as dates: `12 years`, `two days`, `60-year-old`,
//!   `four-day`;
//! - `yesterday`, `today`, `tomorrow`; `last`, `next`, `this`, `past`, `previous`, `coming` + week, month,
//!   year, weekend, decade, century, a season, a weekday or a month; `earlier this year`, `later this
//!   month`; `the past two years`; `two years ago`, `a week earlier`, `three months later`; `recent
//!   years`.

use super::pieces::Piece;
use crate::text::TokenKind;

/// A DATE mention: bytes `start..end`, pieces `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
    "fortnight",
    "season",
    "seasons",
];
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
const DEICTIC: &[&str] = &["last", "next", "this", "past", "previous", "coming", "following"];
const QUANTITIES: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "several", "few", "many",
];
const MONTH_CUES: &[&str] = &[
    "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "through",
    "till", "before", "after", "during",
];

fn lower(p: &Piece, text: &str) -> String {
    p.text(text).to_lowercase()
}

fn is_month(p: &Piece, text: &str) -> bool {
    p.is_word() && p.capitalised(text) && MONTHS.contains(&lower(p, text).as_str())
}

fn is_weekday(p: &Piece, text: &str) -> bool {
    p.is_word() && p.capitalised(text) && WEEKDAYS.contains(&lower(p, text).as_str())
}

fn day_number(p: &Piece, text: &str) -> bool {
    let s = p.text(text);
    let digits = s.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &s[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && !digits.is_empty()
}

fn year(p: &Piece, text: &str) -> bool {
    p.kind == TokenKind::Number
        && p.text(text).len() == 4
        && p.text(text).parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Every DATE mention among `pieces`, in order, not overlapping.
pub fn find(text: &str, pieces: &[Piece]) -> Vec<DateSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if let Some(last) = date_at(text, pieces, i) {
            let mut first = i;
            let mut last = last;
            let before = |k: usize, words: &[&str]| {
                k > 0
                    && pieces[k - 1].sentence == pieces[k].sentence
                    && words.contains(&lower(&pieces[k - 1], text).as_str())
            };
            // "the 1990s", "the 19th century": the article belongs to the date.
            if before(i, &["the"]) && (decade(&pieces[i], text) || century(text, pieces, i)) {
                first = i - 1;
            }
            // "early next month", "late last year", "end of November", "the end of the month".
            if before(first, &["early", "late", "mid"]) {
                first -= 1;
            } else if before(first, &["of"])
                && first >= 2
                && before(first - 1, &["end", "beginning", "start", "middle", "turn"])
            {
                first -= 2;
            }
            // "March 9 last year", "the same day last year".
            if pieces.get(last + 1).is_some_and(|p| {
                p.sentence == pieces[i].sentence
                    && matches!(lower(p, text).as_str(), "last" | "this" | "next")
            }) && pieces
                .get(last + 2)
                .is_some_and(|u| matches!(lower(u, text).as_str(), "year" | "month" | "week"))
            {
                last += 2;
            }
            out.push(DateSpan { start: pieces[first].start, end: pieces[last].end, first, last });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

fn decade(p: &Piece, text: &str) -> bool {
    let s = p.text(text);
    s.len() == 5
        && s.ends_with('s')
        && s[..4].parse::<u32>().is_ok_and(|y| y % 10 == 0 && (1000..=2100).contains(&y))
}

fn century(text: &str, pieces: &[Piece], i: usize) -> bool {
    let p = &pieces[i];
    let s = lower(p, text);
    (s.ends_with("th") || s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd"))
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && pieces.get(i + 1).is_some_and(|n| matches!(lower(n, text).as_str(), "century" | "centuries"))
}

/// The last piece of a date that starts at piece `i`, if one does.
fn date_at(text: &str, pieces: &[Piece], i: usize) -> Option<usize> {
    let p = &pieces[i];
    let same = |k: usize| pieces.get(k).filter(|q| q.sentence == p.sentence);
    let word = lower(p, text);
    let comma = |k: usize| same(k).is_some_and(|q| q.text(text) == ",");

    // Weekday, optionally followed by ", Month Day[, Year]".
    if is_weekday(p, text) {
        if comma(i + 1)
            && let Some(q) = same(i + 2)
            && is_month(q, text)
            && let Some(end) = month_date(text, pieces, i + 2)
        {
            return Some(end);
        }
        return Some(i);
    }
    if is_month(p, text)
        && let Some(end) = month_date(text, pieces, i)
    {
        return Some(end);
    }
    // Day Month [Year]: "15 April 2013".
    if day_number(p, text)
        && let Some(m) = same(i + 1)
        && is_month(m, text)
    {
        if same(i + 2).is_some_and(|y| year(y, text)) {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    if year(p, text) || decade(p, text) {
        return Some(i);
    }
    if century(text, pieces, i) {
        return Some(i + 1);
    }
    // ISO dates and "mid-2013" come as one compound piece.
    if p.text(text).contains('-') {
        let s = p.text(text);
        let parts: Vec<&str> = s.split('-').collect();
        let iso = parts.len() == 3
            && parts[0].len() == 4
            && parts.iter().all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()));
        let mid = parts.len() == 2
            && matches!(parts[0].to_lowercase().as_str(), "mid" | "early" | "late")
            && (parts[1].len() == 4 && parts[1].chars().all(|c| c.is_ascii_digit())
                || MONTHS.contains(&parts[1].to_lowercase().as_str()));
        // Ages and lengths written as one compound: "60-year-old", "four-day".
        let length = parts.len() >= 2
            && (parts[0].chars().all(|c| c.is_ascii_digit())
                || QUANTITIES.contains(&parts[0].to_lowercase().as_str()))
            && UNITS.contains(&parts[1].to_lowercase().as_str());
        if iso || mid || length {
            return Some(i);
        }
    }
    let prev = (i > 0 && pieces[i - 1].sentence == p.sentence).then(|| lower(&pieces[i - 1], text));
    let prev = prev.as_deref().unwrap_or("");
    match word.as_str() {
        "yesterday" | "today" | "tomorrow" => return Some(i),
        "near" if same(i + 1).is_some_and(|q| lower(q, text) == "future") => return Some(i + 1),
        // "the end of the month", "the start of the year".
        "end" | "beginning" | "start" | "middle"
            if same(i + 1).is_some_and(|q| lower(q, text) == "of")
                && same(i + 2).is_some_and(|q| lower(q, text) == "the")
                && same(i + 3).is_some_and(|q| {
                    matches!(lower(q, text).as_str(), "week" | "month" | "year" | "decade" | "century")
                }) =>
        {
            return Some(i + 3);
        }
        "weekend" if matches!(prev, "the" | "this" | "that") => return Some(i),
        w if SEASONS.contains(&w)
            && matches!(prev, "in" | "during" | "over" | "the" | "by" | "until" | "since" | "this") =>
        {
            let next = same(i + 1).map(|q| lower(q, text)).unwrap_or_default();
            if !next.chars().next().is_some_and(char::is_alphabetic)
                || matches!(next.as_str(), "and" | "or" | "when" | "as")
            {
                return Some(i);
            }
        }
        "early" | "late" if same(i + 1).is_some_and(|q| year(q, text) || decade(q, text)) => {
            return Some(i + 1);
        }
        "recent" if same(i + 1).is_some_and(|q| UNITS.contains(&lower(q, text).as_str())) => {
            return Some(i + 1);
        }
        "earlier" | "later"
            if same(i + 1).is_some_and(|q| matches!(lower(q, text).as_str(), "this" | "last" | "next"))
                && same(i + 2).is_some_and(|q| {
                    UNITS.contains(&lower(q, text).as_str()) || SEASONS.contains(&lower(q, text).as_str())
                }) =>
        {
            return Some(i + 2);
        }
        _ => {}
    }
    if DEICTIC.contains(&word.as_str())
        && let Some(q) = same(i + 1)
    {
        let next = lower(q, text);
        // "last year", "next week"; and with "the" before them, "the past decade", "the coming months".
        let plural_ok =
            matches!(word.as_str(), "coming" | "past" | "next" | "last" | "previous" | "following")
                && prev == "the";
        if UNITS.contains(&next.as_str()) && (!next.ends_with('s') || plural_ok)
            || SEASONS.contains(&next.as_str())
            || is_weekday(q, text)
            || is_month(q, text)
        {
            return Some(i + 1);
        }
        // "the past two years", "the last few months".
        if matches!(word.as_str(), "past" | "last" | "next" | "coming")
            && prev == "the"
            && let Some(u) = same(i + 2)
            && (QUANTITIES.contains(&next.as_str()) || q.kind == TokenKind::Number)
            && UNITS.contains(&lower(u, text).as_str())
        {
            return Some(i + 2);
        }
    }
    // "two years ago", "a week earlier", "three months later"; and lengths of time, "12 years", "two
    // days" (OntoNotes counts durations as DATE; "a day" alone does not count: too often not one).
    if (QUANTITIES.contains(&word.as_str()) || p.kind == TokenKind::Number)
        && let Some(u) = same(i + 1)
        && UNITS.contains(&lower(u, text).as_str())
    {
        if same(i + 2).is_some_and(|a| matches!(lower(a, text).as_str(), "ago" | "earlier" | "later")) {
            return Some(i + 2);
        }
        if word != "many" {
            return Some(i + 1);
        }
    }
    None
}

/// A date that starts with the month at piece `i`: "April 15", "April 15, 2013", "April 2013", or the
/// month alone where a word before it says it is one.
fn month_date(text: &str, pieces: &[Piece], i: usize) -> Option<usize> {
    let p = &pieces[i];
    let same = |k: usize| pieces.get(k).filter(|q| q.sentence == p.sentence);
    if let Some(d) = same(i + 1)
        && day_number(d, text)
        && same(i + 2).is_none_or(|q| q.text(text) != "%")
    {
        if same(i + 2).is_some_and(|c| c.text(text) == ",") && same(i + 3).is_some_and(|y| year(y, text)) {
            return Some(i + 3);
        }
        if same(i + 2).is_some_and(|y| year(y, text)) {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    if same(i + 1).is_some_and(|y| year(y, text)) {
        return Some(i + 1);
    }
    let word = lower(p, text);
    if matches!(word.as_str(), "may" | "march") {
        return None;
    }
    let cue = i > 0
        && pieces[i - 1].sentence == p.sentence
        && MONTH_CUES.contains(&lower(&pieces[i - 1], text).as_str());
    cue.then_some(i)
}
