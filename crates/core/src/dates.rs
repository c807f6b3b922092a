//! Finding dates in running text, relative day references, and machine-readable timestamps.
//!
//! News pages print dates in many shapes, and the words they are made of (`May`, `March`, `Friday`,
//! `Today`) are also verbs and names. The main design decision is to **read only what is unambiguous and
//! say nothing otherwise**: a date Parallax shows with its evidence must be the date the page meant, so
//! every rule below prefers missing a date to inventing one. Calendar validity is checked with chrono.
//! English month and weekday names only.
//!
//! # Absolute dates: [`find_dates`]
//!
//! A [`DateMention`]'s span covers everything listed here that is printed with the date (weekday, time,
//! zone), but not a preposition before it (`on`, `Published On`).
//!
//! - **Month first**: `April 25, 2013`, `Apr. 25, 2013`, `Sept. 3, 2016`, `April 25th, 2013`,
//!   `April 25 2013`. Months are full or abbreviated (`Sept`, `Febr` too), in any case.
//! - **Day first**: `25 April 2013`, `3 May, 2013`, `25th of April 2013`, `12 Mar 2019`.
//! - **After a weekday**: `Thursday, April 25, 2013`, `Thu 25 Apr 2013`, `Thursday 25th April`. The weekday
//!   is in the span but is not checked against the date: a wrong weekday is more often a typo than a
//!   wrong date.
//! - **Month and year**: `March 2019` (`day: None`).
//! - **Without a year**: `December 15`, `15 of April`, `April 1st` (`year: None`; see
//!   [`DateMention::with_year_from`]). `February 29` is accepted, `February 30` is not.
//! - **Numeric**: ISO `2013-04-25` and `2013/04/25` (year first is never ambiguous); day-first dotted
//!   `14.03.2019` (the dotted form is the European one; month-first dotted dates are rare enough that
//!   `03.14.2019` is refused rather than reordered); slashed or dashed `25/04/2013`, `04/25/2013`,
//!   `25-04-2013` **only when the order is known**: one part is above 12, or both parts are
//!   equal (`05/05/2013`). `04/05/2013` is refused: it is 4 May in London and April 5 in New York, and a
//!   page rarely says which convention it follows. Years have four digits, from 1800 to 2200. A numeric
//!   date glued to more numbers (`1.14.03.2019`, `10:15 March`, `F16 March`) is not a date.
//! - **With a time** (only when the day is known), after the date: `April 26, 2013 7:44 AM`,
//!   `April 26, 2013 at 4:12 pm`, `3 May 2013 09: 16` (scrapers put a space after the colon),
//!   `3 May 2013 18:55`, `12 March 2019 - 10:15 BST`, `Thu, 14 Mar 2019 10:15:00 +0000`; before it:
//!   `14:32 GMT, 14 March 2019`, `7:44 AM, April 26, 2013`, `10:15 on 3 May 2013`; in ISO form:
//!   `2019-03-14T10:15:00Z`, `2019-03-14T10:15:00.123+01:00`, `2019-03-14 10:15`. The separator between
//!   date and time is at most five characters of spaces and `, - – — | · • / @`, or the word `at` (`on`
//!   when the time comes first). Times are `H:MM` (0–23), `H:MM:SS(.fff)`, or a 12-hour clock with
//!   `am`, `pm`, `a.m.`, `p.m.` (`7:44 AM`, `4pm`, `12.30pm`; a dotted `12.30` also counts when a zone
//!   follows or it ends the text, `8 Jan 2019 07.12`; never inside a sentence: `10.50 million`). Zone abbreviations (`GMT`, `UTC`, `BST`, `EDT`, `ET`, ...,
//!   optionally `GMT+1`) and, in ISO and RFC 2822 forms, numeric offsets and `Z` are in the span, but the
//!   time is reported **as printed**: zones are never applied, since the page's local day is what the
//!   page means by its date.
//!
//! Month and weekday words: a full date (day, month and year) may be in any case (`march 25, 2013`);
//! anything shorter needs a capitalised month, because `may` and `march` are verbs (`they may 3 times`).
//! A weekday before a date is always capitalised. A month and year right after a day number that did not
//! make a date (`31 June 2013`) is not reported either.
//!
//! # Relative references: [`find_relative`]
//!
//! - `yesterday` (−1 day), `today`, `tonight` (0), `tomorrow` (+1), `the day before yesterday` (−2),
//!   `the day after tomorrow` (+2), `last night` (−1): [`Relative::Days`]. Capitalised `Today`,
//!   `Tonight`, ... after `the` or inside a run of capitalised words is a name (`USA Today`,
//!   `the Today programme`, `The Tonight Show`) and is skipped.
//! - A weekday word as a day reference, `on Wednesday`, `Wednesday's vote`, `Friday night`, and
//!   `last Tuesday`: [`Relative::Weekday`]. The span is the weekday (with `last`), not `on`. Because
//!   weekdays are also parts of names, a weekday counts only when it is capitalised, not plural
//!   (`Mondays`), not followed by a date (`Thursday, April 25`: that is [`find_dates`]' business), not
//!   followed by another capitalised word after a space (`Friday Night Lights`, `Sunday Times`,
//!   `Tuesday Weld`), and not after a word from a list of name makers, in any case (`Black Friday`,
//!   `Good Friday`, `Cyber Monday`, `Super Tuesday`, `Ash Wednesday`, `Ruby Tuesday`, `Sheffield
//!   Wednesday`, ...). A capitalised word before a weekday is allowed, since wire copy writes `in Moscow
//!   Thursday`; a name missing from the list is read as a day. A weekday after `next`, `this`, `coming`,
//!   `every`, `each`, `following` or `upcoming` is skipped, as is `the last Tuesday of` (a rule, not a
//!   day). The price of the capitalised-next rule is that `on Monday Mr Smith said` and headline case
//!   (`Talks Resume Monday In Cairo`) are missed.
//! - `N units ago` with N a whole number in digits or words (`a`, `an`, `one` to `twelve`, `fifteen`,
//!   `twenty`, `thirty`, `forty`, `fifty`, `sixty`) and units minute (`min`), hour (`hr`), day, week,
//!   month, year (`yr`), singular or plural: `two days ago` is [`Relative::Days`]`(-2)`, the others
//!   [`Relative::Ago`]. Vague amounts (`a few`, `several`, `long ago`, `years ago`), parts of numbers
//!   (`1,200 years ago`, `2.5 years ago`) and vague periods (`this week`, `last month`, `last year`,
//!   `recently`) are skipped.
//!
//! # Resolution rules
//!
//! [`RelativeMention::resolve`] turns a reference into a date given the page's date (the anchor):
//!
//! - `Days(n)`: the anchor plus n days.
//! - `Weekday`, plain: news writes a bare weekday for a day within a week of the page (AP style), mostly
//!   in the past, so it is the most recent such weekday **on or before** the anchor; the anchor's own
//!   weekday means the anchor day. Future uses (`will meet on Friday`) are resolved wrongly: the tense is
//!   not read.
//! - `Weekday` with `last`: the weekday in the calendar week (Monday to Sunday) before the anchor's week.
//!   For an anchor on Thursday 14 March 2019, `Tuesday` is 12 March and `last Tuesday` is 5 March; for
//!   an anchor on Monday, `last Sunday` and `Sunday` are both the day before.
//! - `Ago`: minutes and hours resolve to the anchor's date less the whole days they contain (`3 hours
//!   ago` is the anchor, `48 hours ago` two days before): without the time of publication the remainder
//!   cannot be placed. Days and weeks subtract days; months and years subtract calendar months, clamped
//!   to the end of a shorter month (31 March minus one month is 28 or 29 February).
//!
//! [`DateMention::with_year_from`] places a date without a year in the year that puts it no more than
//! 305 days (about ten months) before the anchor and no more than 60 days after it: pages report the
//! recent past and announce the next weeks. The window is a year long, so one year fits (the nearer of two
//! at its very ends); none does for 29 February without a leap year in reach.
//!
//! # Machine timestamps: [`parse_timestamp`]
//!
//! For `datetime` attributes and meta tags: RFC 3339 and ISO 8601 (with or without zone, seconds,
//! fraction or time), RFC 2822, `2019-03-14 10:15:00 UTC`, compact `20190314`, Unix seconds (10 digits)
//! or milliseconds (13 digits, read as UTC), and otherwise the first full date [`find_dates`] sees. All
//! but the last are chrono's own parsers. Times are as printed, as above.
//!
//! # Cost
//!
//! Both finders run on every line of every page and are linear in its length. [`find_dates`] returns
//! at once on a line without an ASCII digit and otherwise tokenises only the text within 48 bytes of a
//! digit, into a token vector each thread reuses; the work per token is bounded. [`find_relative`] looks at each
//! byte once and looks words up only around the letters `g`, `w` and `y`, one of which every word it
//! knows has; it allocates only for a match. Natively, on the built-in corpus line by line, each costs
//! about 25 instructions per byte (a few hundred MB/s).

use std::cell::Cell;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte of the mention (a weekday or time printed before the date included).
    pub start: usize,
    /// Byte offset just past the mention (a time and zone printed after the date included).
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    /// Hour (0–23) and minute of a time printed with the date, as printed: any zone is not applied.
    pub time: Option<(u32, u32)>,
}

impl DateMention {
    /// ISO 8601 when the year is known: `2013-04-25`, or `2013-04` without a day.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        let mut out = String::with_capacity(16);
        match u32::try_from(year) {
            Ok(year) => push_padded(&mut out, year, 4),
            // Years before 1 are never found in text; the formatter writes their sign.
            Err(_) => out.push_str(&format!("{year:04}")),
        }
        out.push('-');
        push_padded(&mut out, self.month, 2);
        if let Some(day) = self.day {
            out.push('-');
            push_padded(&mut out, day, 2);
        }
        Some(out)
    }

    /// ISO 8601 with the time when one was printed (`2013-04-26T07:44`), otherwise [`Self::iso`].
    pub fn iso_datetime(&self) -> Option<String> {
        let mut date = self.iso()?;
        if let Some((hour, minute)) = self.time {
            date.push('T');
            push_padded(&mut date, hour, 2);
            date.push(':');
            push_padded(&mut date, minute, 2);
        }
        Some(date)
    }

    /// The calendar date, when the year and day are known.
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }

    /// The calendar date, taking a missing year from `anchor` (the page's date): the year that puts the
    /// date at most [`PAST_WINDOW_DAYS`] before the anchor and at most [`FUTURE_WINDOW_DAYS`] after it,
    /// the nearer if two do. A mention with a year is its own date; one without a day has none.
    pub fn with_year_from(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        if self.year.is_some() {
            return self.naive();
        }
        let day = self.day?;
        let earliest = anchor.checked_sub_days(Days::new(PAST_WINDOW_DAYS))?;
        let latest = anchor.checked_add_days(Days::new(FUTURE_WINDOW_DAYS))?;
        (anchor.year() - 1..=anchor.year() + 1)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, self.month, day))
            .filter(|date| (earliest..=latest).contains(date))
            .min_by_key(|date| ((*date - anchor).num_days().abs(), *date > anchor))
    }
}

/// Writes `n` in decimal, with zeros in front up to `width` digits: what `format!("{n:0width$}")` writes,
/// without the formatting machinery, which costs more than the rest of reading a timestamp line.
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in len..width {
        out.push('0');
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// How far before the page's date a date without a year may lie: about ten months. With
/// [`FUTURE_WINDOW_DAYS`] the window is a year, so at most one year fits (two only at its very ends).
pub const PAST_WINDOW_DAYS: u64 = 305;
/// How far after the page's date a date without a year may lie: about two months of announcements.
pub const FUTURE_WINDOW_DAYS: u64 = 60;

/// The month a word names: the full English name, its first three letters, `Sept` or `Febr`, in any
/// case. Decided on the first three letters, so the common case (not a month) costs one comparison.
fn month_number(word: &str) -> Option<u32> {
    let b = word.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    let (month, full) = match [b[0] | 0x20, b[1] | 0x20, b[2] | 0x20] {
        [b'j', b'a', b'n'] => (1, "january"),
        [b'f', b'e', b'b'] => (2, "february"),
        [b'm', b'a', b'r'] => (3, "march"),
        [b'a', b'p', b'r'] => (4, "april"),
        [b'm', b'a', b'y'] => (5, "may"),
        [b'j', b'u', b'n'] => (6, "june"),
        [b'j', b'u', b'l'] => (7, "july"),
        [b'a', b'u', b'g'] => (8, "august"),
        [b's', b'e', b'p'] => (9, "september"),
        [b'o', b'c', b't'] => (10, "october"),
        [b'n', b'o', b'v'] => (11, "november"),
        [b'd', b'e', b'c'] => (12, "december"),
        _ => return None,
    };
    let known = b.len() == 3
        || word.eq_ignore_ascii_case(full)
        || (matches!(month, 2 | 9) && b.len() == 4 && word.eq_ignore_ascii_case(&full[..4]));
    known.then_some(month)
}

/// The weekday a word names before a date: the full English name, its first three letters, `Tues`,
/// `Weds`, `Thur` or `Thurs`, in any case.
fn weekday_name(word: &str) -> Option<Weekday> {
    let b = word.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    let (weekday, full, short) = match [b[0] | 0x20, b[1] | 0x20, b[2] | 0x20] {
        [b'm', b'o', b'n'] => (Weekday::Mon, "monday", ""),
        [b't', b'u', b'e'] => (Weekday::Tue, "tuesday", "tues"),
        [b'w', b'e', b'd'] => (Weekday::Wed, "wednesday", "weds"),
        [b't', b'h', b'u'] => (Weekday::Thu, "thursday", "thurs"),
        [b'f', b'r', b'i'] => (Weekday::Fri, "friday", ""),
        [b's', b'a', b't'] => (Weekday::Sat, "saturday", ""),
        [b's', b'u', b'n'] => (Weekday::Sun, "sunday", ""),
        _ => return None,
    };
    let known = b.len() == 3
        || word.eq_ignore_ascii_case(full)
        || word.eq_ignore_ascii_case(short)
        || (weekday == Weekday::Thu && word.eq_ignore_ascii_case("thur"));
    known.then_some(weekday)
}

/// Time zone abbreviations accepted after a time, exactly as written (upper case). Words that are also
/// English words in capitals (`WEST`, `WET`) are left out.
const ZONES: [&str; 34] = [
    "GMT", "UTC", "UT", "Z", "BST", "IST", "CET", "CEST", "EET", "EEST", "MSK", "EST", "EDT", "CST", "CDT",
    "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST",
    "AWST", "NZST", "NZDT", "ET", "PT",
];

/// Case-insensitive lookup in a small table, without allocating.
fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(name, _)| name.eq_ignore_ascii_case(word)).map(|&(_, value)| value)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A run of ASCII digits or of letters, with its byte span.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    digits: bool,
}

/// Splits `text[start..end]` into runs of ASCII digits and runs of letters, into `out` (cleared first);
/// everything else separates, and stays in the gaps between tokens, which decide whether tokens belong
/// to one date.
fn tokenize<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    out.clear();
    let bytes = &text.as_bytes()[..end];
    let mut i = start;
    while i < end {
        let b = bytes[i];
        let s = i;
        if b.is_ascii_digit() {
            i += 1;
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Token { text: &text[s..i], start: s, end: i, digits: true });
        } else if b.is_ascii_alphabetic() || !b.is_ascii() {
            // Letters, ASCII or not; a non-ASCII character that is not a letter separates.
            loop {
                match bytes.get(i) {
                    Some(b) if b.is_ascii_alphabetic() => i += 1,
                    Some(b) if !b.is_ascii() => match text[i..].chars().next() {
                        Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                        _ => break,
                    },
                    _ => break,
                }
            }
            if i > s {
                out.push(Token { text: &text[s..i], start: s, end: i, digits: false });
            } else {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
            }
        } else {
            i += 1;
        }
    }
}

/// Between words of a date: one or two spaces or commas (`April 25, 2013`), after an optional dot when
/// the word before is an abbreviation (`Sept. 3`).
fn word_gap(gap: &str, allow_dot: bool) -> bool {
    let rest = if allow_dot { gap.strip_prefix('.').unwrap_or(gap) } else { gap };
    let mut count = 0;
    for c in rest.chars() {
        count += 1;
        if count > 2 || !matches!(c, ' ' | ',' | '\u{a0}') {
            return false;
        }
    }
    count > 0
}

/// Between a day and the month after it: spaces only (`25 April`, `25th April`).
fn space_gap(gap: &str) -> bool {
    matches!(gap, " " | "  " | "\u{a0}")
}

/// Between a date and a time printed next to it.
fn time_gap(gap: &str) -> bool {
    let mut count = 0;
    for c in gap.chars() {
        count += 1;
        if count > 5 || !matches!(c, ' ' | '\u{a0}' | ',' | '-' | '–' | '—' | '|' | '·' | '•' | '/' | '@')
        {
            return false;
        }
    }
    count > 0
}

/// A date as recognised at some token, before any time is attached.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
    /// The token after the date.
    next: usize,
    /// Printed in ISO form, so a `T` time and a numeric zone may follow.
    iso: bool,
}

impl Found {
    fn mention(&self) -> DateMention {
        DateMention {
            start: self.start,
            end: self.end,
            year: self.year,
            month: self.month,
            day: self.day,
            time: None,
        }
    }
}

/// A time of day as recognised at some token.
#[derive(Debug, Clone, Copy)]
struct Clock {
    hour: u32,
    minute: u32,
    start: usize,
    end: usize,
    next: usize,
}

/// Dates in one region of a text: `toks` are the tokens of `text[..end]` from some point on.
struct Scanner<'a, 't> {
    text: &'a str,
    end: usize,
    toks: &'t [Token<'a>],
}

impl<'a> Scanner<'a, '_> {
    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    /// The text from byte `from` to the start of token `i`, if there is a token `i`.
    fn gap_to(&self, from: usize, i: usize) -> Option<&'a str> {
        self.toks.get(i).and_then(|t| self.text.get(from..t.start))
    }

    /// The text between token `i` and the next token (or the end of the text).
    fn gap_after(&self, i: usize) -> &'a str {
        let Some(t) = self.toks.get(i) else { return "" };
        let end = self.toks.get(i + 1).map_or(self.end, |n| n.start);
        &self.text[t.end..end]
    }

    /// The value of token `i` if it is a number of at most `max_len` digits.
    fn number(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.digits && t.text.len() <= max_len { t.text.parse().ok() } else { None }
    }

    fn year(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        if !t.digits || t.text.len() != 4 {
            return None;
        }
        let year: i32 = t.text.parse().ok()?;
        (1800..=2200).contains(&year).then_some(year)
    }

    /// The text of token `i` if it is a word.
    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).filter(|t| !t.digits).map(|t| t.text)
    }

    /// Whether number token `i` can begin a date or a time: it does not continue a number (`10:15`,
    /// `1.14`, `2013-13`) or a word (`F16`).
    fn starts_number(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let Some(prev) = i.checked_sub(1).and_then(|p| self.toks.get(p)) else {
            // The first token of a region: only a long word can be glued to it.
            return !self.text[..t.start].chars().next_back().is_some_and(char::is_alphanumeric);
        };
        let gap = &self.text[prev.end..t.start];
        let continues_number = prev.digits && matches!(gap, ":" | ": " | "." | "/" | "-" | ",");
        !gap.is_empty() && !continues_number
    }

    /// The token index and end byte after day number `i` and its ordinal suffix (`25th`), if any.
    fn after_ordinal(&self, i: usize) -> (usize, usize) {
        let end = self.toks.get(i).map_or(0, |t| t.end);
        match self.toks.get(i + 1) {
            Some(s) if !s.digits && s.start == end && is_ordinal_suffix(s.text) => (i + 2, s.end),
            _ => (i + 1, end),
        }
    }

    /// Whether word token `i` comes after a day number: `31 June`, `31st June`, `31 of June`.
    fn follows_day_number(&self, i: usize) -> bool {
        let mut j = i;
        // Whether token `j` is an ordinal suffix, which must be glued to its number.
        let mut on_suffix = false;
        while let Some(p) = j.checked_sub(1) {
            let (prev, cur) = (&self.toks[p], &self.toks[j]);
            let gap = &self.text[prev.end..cur.start];
            if prev.digits {
                return prev.text.len() <= 2
                    && self.starts_number(p)
                    && if on_suffix { gap.is_empty() } else { space_gap(gap) };
            }
            if on_suffix || !space_gap(gap) {
                return false;
            }
            if is_ordinal_suffix(prev.text) {
                on_suffix = true;
            } else if !(j == i && prev.text.eq_ignore_ascii_case("of")) {
                return false;
            }
            j = p;
        }
        false
    }

    /// Every date of the region, in order.
    fn dates(&self, out: &mut Vec<DateMention>) {
        let mut i = 0;
        while i < self.toks.len() {
            match self.time_then_date(i).or_else(|| self.date_then_time(i)) {
                Some((mention, next)) => {
                    out.push(mention);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// `14:32 GMT, 14 March 2019`, `10:15 on 3 May 2013`.
    fn time_then_date(&self, i: usize) -> Option<(DateMention, usize)> {
        if !self.tok(i)?.digits || !self.starts_number(i) {
            return None;
        }
        let clock = self.clock_at(i, false)?;
        let mut j = clock.next;
        if !time_gap(self.gap_to(clock.end, j)?) {
            return None;
        }
        if self.word(j).is_some_and(|w| w.eq_ignore_ascii_case("on")) {
            if !space_gap(self.gap_after(j)) {
                return None;
            }
            j += 1;
        }
        let found = self.date_at(j)?;
        found.day?;
        let mention =
            DateMention { start: clock.start, time: Some((clock.hour, clock.minute)), ..found.mention() };
        Some((mention, found.next))
    }

    /// A date and the time printed after it, if any.
    fn date_then_time(&self, i: usize) -> Option<(DateMention, usize)> {
        let found = self.date_at(i)?;
        let mut mention = found.mention();
        if found.day.is_some()
            && let Some(clock) = self.time_after(&found)
        {
            mention.time = Some((clock.hour, clock.minute));
            mention.end = clock.end;
            return Some((mention, clock.next));
        }
        Some((mention, found.next))
    }

    fn time_after(&self, found: &Found) -> Option<Clock> {
        let k = found.next;
        let t = self.tok(k)?;
        let gap = self.gap_to(found.end, k)?;
        if found.iso && gap.is_empty() && (t.text == "T" || t.text == "t") {
            let hour = self.tok(k + 1)?;
            return if hour.start == t.end { self.clock_at(k + 1, true) } else { None };
        }
        if !time_gap(gap) {
            return None;
        }
        if t.digits {
            return self.clock_at(k, found.iso);
        }
        if t.text.eq_ignore_ascii_case("at") && space_gap(self.gap_after(k)) {
            return self.clock_at(k + 1, found.iso);
        }
        None
    }

    /// A time of day at token `i`: `18:55`, `09: 16`, `10:15:00.123`, `7:44 AM`, `4pm`, `12.30 p.m.`,
    /// with a zone after it if one is printed. `iso` also accepts `Z` and numeric offsets (`+01:00`).
    fn clock_at(&self, i: usize, iso: bool) -> Option<Clock> {
        let h = self.tok(i)?;
        let hour = self.number(i, 2)?;
        let mut k = i + 1;
        let mut end = h.end;
        let mut minute = None;
        let mut dotted = false;
        let mut seconds = false;
        let sep = self.gap_after(i);
        if matches!(sep, ":" | ": " | ".")
            && let Some(m) = self.tok(k).filter(|m| m.digits && m.text.len() == 2)
            && let Some(value) = self.number(k, 2).filter(|v| *v <= 59)
        {
            minute = Some(value);
            dotted = sep == ".";
            end = m.end;
            k += 1;
            if !dotted
                && self.gap_to(end, k) == Some(":")
                && let Some(s) = self.tok(k).filter(|s| s.digits && s.text.len() == 2)
            {
                seconds = true;
                end = s.end;
                k += 1;
                if self.gap_to(end, k) == Some(".")
                    && let Some(f) = self.tok(k).filter(|f| f.digits)
                {
                    end = f.end;
                    k += 1;
                }
            }
        }

        // A 12-hour clock: `AM`, `pm`, `a.m.`.
        let mut pm = None;
        if matches!(self.gap_to(end, k), Some("" | " " | "\u{a0}"))
            && let Some(word) = self.word(k)
        {
            if word.eq_ignore_ascii_case("am") || word.eq_ignore_ascii_case("pm") {
                pm = Some(word.eq_ignore_ascii_case("pm"));
                end = self.toks[k].end;
                k += 1;
            } else if (word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("p"))
                && self.gap_after(k) == "."
                && self.word(k + 1).is_some_and(|m| m.eq_ignore_ascii_case("m"))
            {
                pm = Some(word.eq_ignore_ascii_case("p"));
                end = self.toks[k + 1].end;
                k += 2;
                if self.text[end..].starts_with('.') {
                    end += 1;
                }
            }
        }
        let hour = match pm {
            Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
            Some(_) => return None,
            None if minute.is_some() && hour <= 23 => hour,
            None => return None,
        };

        // The zone, kept in the span but not applied.
        let mut zoned = false;
        if iso {
            let gap = self.gap_to(end, k);
            if gap == Some("") && self.word(k).is_some_and(|z| z == "Z" || z == "z") {
                end = self.toks[k].end;
                k += 1;
                zoned = true;
            } else if matches!(gap, Some("+" | "-"))
                && let Some(offset) = self.tok(k).filter(|o| o.digits && matches!(o.text.len(), 2 | 4))
            {
                end = offset.end;
                k += 1;
                zoned = true;
                if offset.text.len() == 2
                    && self.gap_to(end, k) == Some(":")
                    && let Some(minutes) = self.tok(k).filter(|m| m.digits && m.text.len() == 2)
                {
                    end = minutes.end;
                    k += 1;
                }
            }
        }
        if !zoned {
            let gap = self.gap_to(end, k);
            if matches!(gap, Some(" " | "\u{a0}")) && self.word(k).is_some_and(|z| ZONES.contains(&z)) {
                end = self.toks[k].end;
                k += 1;
                zoned = true;
                // `GMT+1`, `UTC+05:30`
                if matches!(self.gap_to(end, k), Some("+" | "-"))
                    && let Some(offset) = self.tok(k).filter(|o| o.digits && o.text.len() <= 2)
                {
                    end = offset.end;
                    k += 1;
                    if self.gap_to(end, k) == Some(":")
                        && let Some(minutes) = self.tok(k).filter(|m| m.digits && m.text.len() == 2)
                    {
                        end = minutes.end;
                        k += 1;
                    }
                }
            } else if seconds
                && matches!(gap, Some(" +" | " -"))
                && let Some(offset) = self.tok(k).filter(|o| o.digits && o.text.len() == 4)
            {
                // RFC 2822: `10:15:00 +0000`.
                end = offset.end;
                k += 1;
                zoned = true;
            }
        }
        // A dotted time alone is too much like a number (`10.50 million`), unless it ends the text or a
        // line right after a date (`8 Jan 2019 07.12`, as comment systems print it).
        let at_end = self.text[end..].trim().is_empty();
        if dotted && pm.is_none() && !zoned && !(at_end && h.text.len() == 2) {
            return None;
        }
        Some(Clock { hour, minute: minute.unwrap_or(0), start: h.start, end, next: k })
    }

    /// A date at token `i`, with the weekday printed before it if any.
    fn date_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if !t.digits
            && capitalised(t.text)
            && weekday_name(t.text).is_some()
            && word_gap(self.gap_after(i), true)
        {
            let found = self.bare_date_at(i + 1)?;
            found.day?;
            return Some(Found { start: t.start, ..found });
        }
        self.bare_date_at(i)
    }

    fn bare_date_at(&self, i: usize) -> Option<Found> {
        if self.tok(i)?.digits {
            if !self.starts_number(i) {
                return None;
            }
            self.numeric_date(i).or_else(|| self.day_first(i))
        } else {
            self.month_first(i)
        }
    }

    /// `2013-04-25`, `2013/04/25`, `14.03.2019`, and `25/04/2013` or `04/25/2013` when the order is known.
    fn numeric_date(&self, i: usize) -> Option<Found> {
        let a = self.tok(i)?;
        let sep = self.gap_after(i);
        if !matches!(sep, "-" | "/" | ".") || self.gap_after(i + 1) != sep {
            return None;
        }
        let b = self.number(i + 1, 2)?;
        let c = self.tok(i + 2).filter(|c| c.digits)?;
        // Not part of a longer run of numbers: `2013-04-25-7`, `1.2.2019.3`.
        if matches!(self.gap_after(i + 2), "-" | "/" | ".") && self.tok(i + 3).is_some_and(|t| t.digits) {
            return None;
        }
        let (year, month, day) = if a.text.len() == 4 && sep != "." {
            (self.year(i)?, b, self.number(i + 2, 2)?)
        } else if a.text.len() <= 2 {
            let year = self.year(i + 2)?;
            let x = self.number(i, 2)?;
            if sep == "." || x > 12 || x == b {
                (year, b, x)
            } else if b > 12 {
                (year, x, b)
            } else {
                return None;
            }
        } else {
            return None;
        };
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Found {
            start: a.start,
            end: c.end,
            year: Some(year),
            month,
            day: Some(day),
            next: i + 3,
            iso: a.text.len() == 4 && sep == "-",
        })
    }

    /// `April 25, 2013`, `Apr. 25th 2013`, `December 15`, `March 2019`.
    fn month_first(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let month = month_number(t.text)?;
        if !word_gap(self.gap_after(i), true) {
            return None;
        }
        let cap = capitalised(t.text);
        if let Some(day) = self.number(i + 1, 2) {
            // `May 10:15` is a month and a time, not a day (but `May 10: talks resume` is a day).
            let time_follows = matches!(self.gap_after(i + 1), ":" | ": ")
                && self.tok(i + 2).is_some_and(|m| m.digits && m.text.len() == 2);
            if !(1..=31).contains(&day) || time_follows {
                return None;
            }
            let (k, end) = self.after_ordinal(i + 1);
            if let Some(year) = self.year(k)
                && self.gap_to(end, k).is_some_and(|g| word_gap(g, false))
            {
                // An impossible full date (`February 30, 2017`) is not read as a partial one.
                NaiveDate::from_ymd_opt(year, month, day)?;
                let end = self.toks[k].end;
                return Some(Found {
                    start: t.start,
                    end,
                    year: Some(year),
                    month,
                    day: Some(day),
                    next: k + 1,
                    iso: false,
                });
            }
            return (cap && day_exists(month, day)).then_some(Found {
                start: t.start,
                end,
                year: None,
                month,
                day: Some(day),
                next: k,
                iso: false,
            });
        }
        let year = self.year(i + 1).filter(|_| cap)?;
        // After a day number the month belongs to a day-first date, which was impossible (`31 June 2013`)
        // or glued to something else (`F16 March 2013`): its month and year alone are not what was meant.
        if self.follows_day_number(i) {
            return None;
        }
        Some(Found {
            start: t.start,
            end: self.toks[i + 1].end,
            year: Some(year),
            month,
            day: None,
            next: i + 2,
            iso: false,
        })
    }

    /// `25 April 2013`, `3 May, 2013`, `25th of April 2013`, `15 of April`.
    fn day_first(&self, i: usize) -> Option<Found> {
        let d = self.tok(i)?;
        let day = self.number(i, 2).filter(|d| (1..=31).contains(d))?;
        let (mut k, mut end) = self.after_ordinal(i);
        if let Some(of) = self.tok(k)
            && of.text.eq_ignore_ascii_case("of")
            && self.gap_to(end, k).is_some_and(space_gap)
        {
            end = of.end;
            k += 1;
        }
        let m = self.tok(k)?;
        let month = self.word(k).and_then(month_number)?;
        if !self.gap_to(end, k).is_some_and(space_gap) {
            return None;
        }
        if let Some(year) = self.year(k + 1)
            && word_gap(self.gap_after(k), true)
        {
            NaiveDate::from_ymd_opt(year, month, day)?;
            return Some(Found {
                start: d.start,
                end: self.toks[k + 1].end,
                year: Some(year),
                month,
                day: Some(day),
                next: k + 2,
                iso: false,
            });
        }
        (capitalised(m.text) && day_exists(month, day)).then_some(Found {
            start: d.start,
            end: m.end,
            year: None,
            month,
            day: Some(day),
            next: k + 1,
            iso: false,
        })
    }
}

fn is_ordinal_suffix(word: &str) -> bool {
    ["st", "nd", "rd", "th"].iter().any(|o| o.eq_ignore_ascii_case(word))
}

/// Whether the day exists in the month in some year (29 February does).
fn day_exists(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

/// How far from its nearest digit any part of a date can be, in bytes. Every form has digits, and the
/// longest stretch without one inside a date is about 35 bytes (`10:15 a.m. EDT - Wednesday, September
/// 25`); the rest is room for non-breaking spaces. Only text this close to a digit is tokenised.
const REACH: usize = 48;

/// Every date mentioned in `text`, in order. See the module documentation for the forms read.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // The token buffer of the previous search on this thread, emptied: a page asks for the dates of
    // each of its lines that has a digit, and allocating a buffer for each cost more than tokenising.
    let mut toks = recycle(TOKENS.take());
    let mut from = 0;
    // Regions of text around runs of digits less than two reaches apart; most lines have none.
    while let Some(first) = crate::text::find_digit(bytes, from) {
        let mut last = first;
        while let Some(next) =
            crate::text::find_digit(&bytes[..bytes.len().min(last + 2 * REACH + 1)], last + 1)
        {
            last = next;
        }
        let start = region_start(text, first.saturating_sub(REACH).max(from));
        let end = region_end(text, (last + 1 + REACH).min(bytes.len()));
        tokenize(text, start, end, &mut toks);
        Scanner { text, end, toks: &toks }.dates(&mut out);
        from = end;
    }
    TOKENS.set(recycle(toks));
    out
}

thread_local! {
    /// A token buffer kept between searches for its allocation (see [`find_dates`]).
    static TOKENS: Cell<Vec<Token<'static>>> = const { Cell::new(Vec::new()) };
}

/// `tokens`, emptied, as a buffer for the tokens of another text: the same allocation (collecting the
/// iterator of an empty vector into a vector of a type of the same size reuses it).
fn recycle<'b>(mut tokens: Vec<Token<'_>>) -> Vec<Token<'b>> {
    tokens.clear();
    tokens.into_iter().map(|_| unreachable!("the vector is empty")).collect()
}

/// A region starts at a character boundary and not inside a word (a cut word could read as another).
fn region_start(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if text[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
        at += text[at..].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
    }
    at
}

/// A region ends at a character boundary and not inside a word.
fn region_end(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at + text[at..].chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum::<usize>()
}

/// A reference to a day relative to the page's own date, found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativeMention {
    pub start: usize,
    pub end: usize,
    pub relative: Relative,
}

/// What a relative reference says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// A whole number of days from the anchor: `yesterday` is −1, `today` and `tonight` 0, `tomorrow`
    /// +1, `two days ago` −2.
    Days(i32),
    /// A weekday: `on Wednesday` (`last: false`), `last Tuesday` (`last: true`).
    Weekday { weekday: Weekday, last: bool },
    /// `3 hours ago`, `a week ago`, `2 years ago`. [`find_relative`] reports days as [`Relative::Days`],
    /// so it never produces [`Unit::Day`] here; [`RelativeMention::resolve`] accepts it.
    Ago { amount: u32, unit: Unit },
}

/// The unit of an [`Relative::Ago`] amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl RelativeMention {
    /// The date meant, given the page's date. See the module documentation for the rules.
    pub fn resolve(&self, anchor: NaiveDate) -> Option<NaiveDate> {
        match self.relative {
            Relative::Days(n) => {
                let days = Days::new(u64::from(n.unsigned_abs()));
                if n >= 0 { anchor.checked_add_days(days) } else { anchor.checked_sub_days(days) }
            }
            Relative::Weekday { weekday, last: false } => {
                let back = (anchor.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
                anchor.checked_sub_days(Days::new(u64::from(back)))
            }
            Relative::Weekday { weekday, last: true } => {
                let monday =
                    anchor.checked_sub_days(Days::new(u64::from(anchor.weekday().num_days_from_monday())))?;
                monday
                    .checked_sub_days(Days::new(7))?
                    .checked_add_days(Days::new(u64::from(weekday.num_days_from_monday())))
            }
            Relative::Ago { amount, unit } => {
                let amount = u64::from(amount);
                match unit {
                    Unit::Minute => anchor.checked_sub_days(Days::new(amount / (24 * 60))),
                    Unit::Hour => anchor.checked_sub_days(Days::new(amount / 24)),
                    Unit::Day => anchor.checked_sub_days(Days::new(amount)),
                    Unit::Week => anchor.checked_sub_days(Days::new(amount.checked_mul(7)?)),
                    Unit::Month => anchor.checked_sub_months(Months::new(u32::try_from(amount).ok()?)),
                    Unit::Year => {
                        anchor.checked_sub_months(Months::new(u32::try_from(amount.checked_mul(12)?).ok()?))
                    }
                }
            }
        }
    }
}

/// How [`find_relative`] reads a word, if it is one it looks for.
fn relative_word(word: &str) -> Option<RelativeWord> {
    let candidates: &[(&str, RelativeWord)] = match word.len() {
        3 => &[("ago", RelativeWord::Ago)],
        5 => &[("today", RelativeWord::Day(0)), ("night", RelativeWord::Night)],
        6 => &[
            ("monday", RelativeWord::Weekday(Weekday::Mon)),
            ("friday", RelativeWord::Weekday(Weekday::Fri)),
            ("sunday", RelativeWord::Weekday(Weekday::Sun)),
        ],
        7 => &[("tonight", RelativeWord::Day(0)), ("tuesday", RelativeWord::Weekday(Weekday::Tue))],
        8 => &[
            ("tomorrow", RelativeWord::Day(1)),
            ("thursday", RelativeWord::Weekday(Weekday::Thu)),
            ("saturday", RelativeWord::Weekday(Weekday::Sat)),
        ],
        9 => &[("yesterday", RelativeWord::Day(-1)), ("wednesday", RelativeWord::Weekday(Weekday::Wed))],
        _ => return None,
    };
    lookup(candidates, word)
}

#[derive(Debug, Clone, Copy)]
enum RelativeWord {
    Ago,
    Day(i32),
    Night,
    Weekday(Weekday),
}

/// Words that make the weekday after them a name, in any case: `Black Friday`, `Super Tuesday`,
/// `Sheffield Wednesday`. A list rather than a rule such as "after a capitalised word", because wire copy
/// puts weekdays straight after names: `Lula told reporters in Brasilia Thursday`.
const WEEKDAY_NAME_MODIFIERS: &[&str] = &[
    "black",
    "good",
    "great",
    "cyber",
    "super",
    "ash",
    "holy",
    "maundy",
    "easter",
    "palm",
    "bloody",
    "blue",
    "shrove",
    "spy",
    "giving",
    "low",
    "whit",
    "mad",
    "man",
    "girl",
    "ruby",
    "fat",
    "business",
    "bowl",
    "selection",
    "mothering",
    "remembrance",
    "trinity",
    "freaky",
    "casual",
    "manic",
    "sheffield",
    "plough",
];

/// Words after which a weekday is not a past day: `next Tuesday`, `every Monday`.
const WEEKDAY_SKIP_AFTER: [&str; 7] = ["next", "this", "coming", "every", "each", "following", "upcoming"];

/// Capitalised words that may come before `Today`, `Tonight`, ... without making it part of a name.
const FUNCTION_WORDS: [&str; 18] = [
    "on", "by", "since", "until", "till", "from", "before", "after", "and", "or", "through", "to", "as",
    "of", "for", "early", "late", "but",
];

/// Every relative day reference in `text`, in order. See the module documentation for the forms read.
pub fn find_relative(text: &str) -> Vec<RelativeMention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // Every word `relative_word` knows has a `g`, `w` or `y` (in either case): only the words around
    // these letters are looked up, and the text between them is skipped eight bytes at a time.
    while let Some(i) = crate::text::find_byte(bytes, from, 0x20, [b'g', b'w', b'y']) {
        if !may_be_relative_word_at(bytes, i) {
            // Not a word looked for: on past the end of this one, as below.
            let mut end = i + 1;
            while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
                end += 1;
            }
            from = end;
            continue;
        }
        // The ASCII word around the letter; the longest word looked for has nine letters.
        let mut start = i;
        while start > 0 && bytes[start - 1].is_ascii_alphabetic() && i - start < 9 {
            start -= 1;
        }
        let mut end = i + 1;
        while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            let found = match relative_word(&text[start..end]) {
                Some(RelativeWord::Ago) => ago(text, start, end),
                Some(RelativeWord::Day(days)) => day_word(text, start, end, days),
                Some(RelativeWord::Night) => last_night(text, start, end),
                Some(RelativeWord::Weekday(weekday)) => weekday_reference(text, start, end, weekday),
                None => None,
            };
            out.extend(found);
        }
        from = end;
    }
    out
}

/// Whether byte `i`, a `g`, `w` or `y` in either case, can be the first of these letters in a word
/// [`relative_word`] knows, by the letters on either side of it: `ago`, `night` and `tonight` have
/// `a_o` or `i_h` around their `g`; the days have `a` before their `y` or are `yesterday`; `tomorrow`
/// has `o` before its `w`, `wednesday` `e` after it. Most of these letters in running text (`they`,
/// `-ing`, `was`) fail this, and the word around them is not looked up.
fn may_be_relative_word_at(bytes: &[u8], i: usize) -> bool {
    // `| 0x20` lowercases a letter, and makes no other byte a small letter.
    let before = i.checked_sub(1).map_or(0, |p| bytes[p] | 0x20);
    let after = bytes.get(i + 1).map_or(0, |b| b | 0x20);
    match bytes[i] | 0x20 {
        b'g' => before == b'a' && after == b'o' || before == b'i' && after == b'h',
        b'y' => before == b'a' || after == b'e',
        _ => before == b'o' || after == b'e',
    }
}

/// The word (ASCII letters or digits, at most 24 bytes) that ends one space before byte `pos`.
fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let head = text.get(..pos)?;
    let head = head.strip_suffix(' ').or_else(|| head.strip_suffix('\u{a0}'))?;
    let bytes = head.as_bytes();
    let mut start = bytes.len();
    while start > 0 && bytes[start - 1].is_ascii_alphanumeric() && bytes.len() - start < 24 {
        start -= 1;
    }
    let word_ended = start == 0 || !head[..start].chars().next_back().is_some_and(char::is_alphanumeric);
    (start < bytes.len() && word_ended).then(|| (start, &head[start..]))
}

/// The word that starts after the separators (at most four bytes of spaces and commas) at byte `pos`,
/// with the separators.
fn word_after(text: &str, pos: usize) -> (&str, &str) {
    let tail = &text[pos..];
    let sep_len = tail.bytes().take(4).take_while(|b| matches!(b, b' ' | b',')).count();
    let (sep, rest) = if tail[sep_len..].starts_with('\u{a0}') {
        tail.split_at(sep_len + '\u{a0}'.len_utf8())
    } else {
        tail.split_at(sep_len)
    };
    let word_len = rest.bytes().take(24).take_while(u8::is_ascii_alphanumeric).count();
    (sep, &rest[..word_len])
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `yesterday`, `today`, `tonight`, `tomorrow`, and `the day before yesterday`, `the day after tomorrow`.
fn day_word(text: &str, start: usize, end: usize, days: i32) -> Option<RelativeMention> {
    let word = &text[start..end];
    if days != 0
        && let Some((s1, w1)) = word_before(text, start)
        && w1.eq_ignore_ascii_case(if days < 0 { "before" } else { "after" })
        && let Some((s2, w2)) = word_before(text, s1)
        && w2.eq_ignore_ascii_case("day")
    {
        let start = match word_before(text, s2) {
            Some((s3, the)) if the.eq_ignore_ascii_case("the") => s3,
            _ => s2,
        };
        return Some(RelativeMention { start, end, relative: Relative::Days(days * 2) });
    }
    if capitalised(word) {
        // Names: `USA Today`, `the Today programme`, `The Tonight Show`.
        if let Some((_, prev)) = word_before(text, start)
            && (prev.eq_ignore_ascii_case("the") || (capitalised(prev) && !is_one_of(prev, &FUNCTION_WORDS)))
        {
            return None;
        }
        let (sep, next) = word_after(text, end);
        if space_gap(sep) && capitalised(next) {
            return None;
        }
    }
    Some(RelativeMention { start, end, relative: Relative::Days(days) })
}

/// `last night`.
fn last_night(text: &str, start: usize, end: usize) -> Option<RelativeMention> {
    let (s, last) = word_before(text, start)?;
    last.eq_ignore_ascii_case("last").then_some(RelativeMention {
        start: s,
        end,
        relative: Relative::Days(-1),
    })
}

/// `on Wednesday`, `Wednesday's`, `last Tuesday`, but not `Black Friday`, `Friday Night Lights` or the
/// weekday of a printed date.
fn weekday_reference(text: &str, start: usize, end: usize, weekday: Weekday) -> Option<RelativeMention> {
    if !capitalised(&text[start..end]) {
        return None;
    }
    let (sep, next) = word_after(text, end);
    if next.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if month_number(next).is_some() {
        let rest = text.get(end + sep.len() + next.len()..).unwrap_or("");
        let (_, after_month) = word_after(rest.strip_prefix('.').unwrap_or(rest), 0);
        if after_month.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    if space_gap(sep) && capitalised(next) {
        return None;
    }
    let mut start = start;
    let mut last = false;
    if let Some((s, prev)) = word_before(text, start) {
        if prev.eq_ignore_ascii_case("last") {
            // `the last Tuesday of the month` is a rule, not a day.
            if next.eq_ignore_ascii_case("of") {
                return None;
            }
            start = s;
            last = true;
        } else if is_one_of(prev, &WEEKDAY_SKIP_AFTER) || is_one_of(prev, WEEKDAY_NAME_MODIFIERS) {
            return None;
        }
    }
    Some(RelativeMention { start, end, relative: Relative::Weekday { weekday, last } })
}

/// `two days ago`, `3 hours ago`, `a week ago`.
fn ago(text: &str, start: usize, end: usize) -> Option<RelativeMention> {
    let (unit_start, unit_word) = word_before(text, start)?;
    let unit = lookup(&UNITS, unit_word)?;
    let (amount_start, amount_word) = word_before(text, unit_start)?;
    let amount = if amount_word.bytes().all(|b| b.is_ascii_digit()) {
        // Only whole numbers: not the end of `1,200` or `2.5`.
        let head = &text.as_bytes()[..amount_start];
        let part_of_number = matches!(head, [.., d, b',' | b'.'] if d.is_ascii_digit());
        if amount_word.len() > 6 || part_of_number {
            return None;
        }
        amount_word.parse().ok()?
    } else {
        lookup(&NUMBER_WORDS, amount_word)?
    };
    if amount == 0 {
        return None;
    }
    let relative = match unit {
        Unit::Day => Relative::Days(-i32::try_from(amount).ok()?),
        unit => Relative::Ago { amount, unit },
    };
    Some(RelativeMention { start: amount_start, end, relative })
}

const UNITS: [(&str, Unit); 20] = [
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("wk", Unit::Week),
    ("wks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("yr", Unit::Year),
    ("yrs", Unit::Year),
];

const NUMBER_WORDS: [(&str, u32); 20] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
];

/// Zoned ISO 8601 forms RFC 3339 does not cover: no seconds, `+0100` offsets, a space before the zone.
const ZONED_FORMATS: [&str; 4] =
    ["%Y-%m-%dT%H:%M:%S%.f %#z", "%Y-%m-%d %H:%M:%S%.f %#z", "%Y-%m-%dT%H:%M %#z", "%Y-%m-%d %H:%M %#z"];
/// ISO 8601 forms without a numeric zone (a zone name may follow).
const LOCAL_FORMATS: [&str; 4] =
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"];
const DATE_FORMATS: [&str; 2] = ["%Y-%m-%d", "%Y/%m/%d"];

/// Reads a machine-readable timestamp (a `datetime` attribute, a meta tag's content): the date and, when
/// given, the time as printed. See the module documentation for the forms read.
pub fn parse_timestamp(s: &str) -> Option<(NaiveDate, Option<(u32, u32)>)> {
    let s = s.trim();
    let with_time = |dt: NaiveDateTime| Some((dt.date(), Some((dt.hour(), dt.minute()))));
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return with_time(dt.naive_local());
    }
    for format in ZONED_FORMATS {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return with_time(dt.naive_local());
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return with_time(dt.naive_local());
    }
    for format in LOCAL_FORMATS {
        if let Ok((dt, rest)) = NaiveDateTime::parse_and_remainder(s, format)
            && (rest.is_empty() || ZONES.contains(&rest.trim_start()))
        {
            return with_time(dt);
        }
    }
    for format in DATE_FORMATS {
        if let Ok(date) = NaiveDate::parse_from_str(s, format) {
            return Some((date, None));
        }
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        match s.len() {
            8 => return NaiveDate::parse_from_str(s, "%Y%m%d").ok().map(|d| (d, None)),
            10 => return with_time(DateTime::from_timestamp(s.parse().ok()?, 0)?.naive_utc()),
            13 => return with_time(DateTime::from_timestamp_millis(s.parse().ok()?)?.naive_utc()),
            _ => {}
        }
    }
    find_dates(s).into_iter().find_map(|m| Some((m.naive()?, m.time)))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Fixtures mark each expected mention inline as `⟦span‖value⟧`; `check` finds the mentions in the
    // unmarked text, marks them the same way and compares the two strings, so a failure shows both the
    // span and the value that differ.

    const OPEN: char = '⟦';
    const SEP: char = '‖';
    const CLOSE: char = '⟧';

    /// The text without its marks.
    fn unmark(marked: &str) -> String {
        let mut out = String::new();
        let mut in_value = false;
        for c in marked.chars() {
            match c {
                OPEN => {}
                SEP => in_value = true,
                CLOSE => in_value = false,
                c if !in_value => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// The text with each `(start, end, value)` marked.
    fn mark(text: &str, found: impl IntoIterator<Item = (usize, usize, String)>) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (start, end, value) in found {
            out.push_str(&text[at..start]);
            out.push(OPEN);
            out.push_str(&text[start..end]);
            out.push(SEP);
            out.push_str(&value);
            out.push(CLOSE);
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }

    /// ISO-like, with `--MM-DD` for a date without a year and the time when there is one.
    fn describe(m: &DateMention) -> String {
        let date = match (m.year, m.day) {
            (Some(y), Some(d)) => format!("{y:04}-{:02}-{d:02}", m.month),
            (Some(y), None) => format!("{y:04}-{:02}", m.month),
            (None, Some(d)) => format!("--{:02}-{d:02}", m.month),
            (None, None) => format!("--{:02}", m.month),
        };
        match m.time {
            Some((h, min)) => format!("{date}T{h:02}:{min:02}"),
            None => date,
        }
    }

    fn check(marked: &str) {
        let text = unmark(marked);
        let found = find_dates(&text).iter().map(|m| (m.start, m.end, describe(m))).collect::<Vec<_>>();
        assert_eq!(mark(&text, found), marked);
    }

    fn check_all(cases: &[&str]) {
        for case in cases {
            check(case);
        }
    }

    #[test]
    fn every_relative_word_passes_the_letter_test() {
        let words = [
            "ago",
            "today",
            "night",
            "monday",
            "friday",
            "sunday",
            "tonight",
            "tuesday",
            "tomorrow",
            "thursday",
            "saturday",
            "yesterday",
            "wednesday",
        ];
        for word in words {
            for form in [
                word.to_owned(),
                word.to_ascii_uppercase(),
                format!("{}{}", &word[..1].to_uppercase(), &word[1..]),
            ] {
                assert!(relative_word(&form).is_some(), "{form}");
                let bytes = form.as_bytes();
                let first =
                    bytes.iter().position(|b| matches!(b | 0x20, b'g' | b'w' | b'y')).expect("a g, w or y");
                assert!(may_be_relative_word_at(bytes, first), "{form}");
            }
        }
        // Common words with these letters are ruled out at once.
        for word in ["they", "going", "was", "by", "any", "new"] {
            let bytes = word.as_bytes();
            let first =
                bytes.iter().position(|b| matches!(b | 0x20, b'g' | b'w' | b'y')).expect("a g, w or y");
            assert!(!may_be_relative_word_at(bytes, first), "{word}");
        }
    }

    #[test]
    fn iso_forms_are_what_the_formatter_writes() {
        for (year, month, day, time) in [
            (2013, 4, Some(25), None),
            (2013, 4, None, None),
            (1800, 12, Some(1), Some((0, 0))),
            (2200, 1, Some(31), Some((23, 59))),
            (7, 10, Some(10), Some((9, 5))),
            (12345, 123, Some(456), Some((100, 7))),
            (-5, 3, Some(3), None),
        ] {
            let d = DateMention { start: 0, end: 0, year: Some(year), month, day, time };
            let date = match day {
                Some(day) => format!("{year:04}-{month:02}-{day:02}"),
                None => format!("{year:04}-{month:02}"),
            };
            let datetime = match time {
                Some((h, m)) => format!("{date}T{h:02}:{m:02}"),
                None => date.clone(),
            };
            assert_eq!(d.iso(), Some(date));
            assert_eq!(d.iso_datetime(), Some(datetime));
        }
        assert_eq!(DateMention { start: 0, end: 0, year: None, month: 1, day: None, time: None }.iso(), None);
    }

    #[test]
    fn month_first() {
        check_all(&[
            "in Moscow, ⟦April 25, 2013‖2013-04-25⟧. On ⟦Feb 16, 2017‖2017-02-16⟧.",
            "and ⟦Sept. 3, 2016‖2016-09-03⟧.",
            "⟦Apr. 25, 2013‖2013-04-25⟧",
            "⟦April 25th, 2013‖2013-04-25⟧, ⟦May 1st 2013‖2013-05-01⟧, ⟦June 22nd‖--06-22⟧",
            "⟦APRIL 25 2013‖2013-04-25⟧ and ⟦march 25, 2013‖2013-03-25⟧ (any case with a year)",
            "⟦Febr. 3, 2017‖2017-02-03⟧",
            "⟦Dec 31, 1999‖1999-12-31⟧",
        ]);
    }

    #[test]
    fn day_first() {
        check_all(&[
            "Garrin ⟦3 May 2013 18: 55‖2013-05-03T18:55⟧ New; posted ⟦2019-11-02‖2019-11-02⟧",
            "⟦25th of April 2013‖2013-04-25⟧, ⟦3 May, 2013‖2013-05-03⟧, ⟦25 APR 2013‖2013-04-25⟧",
            "Published On ⟦12 Mar 2019‖2019-03-12⟧",
            "⟦1st May‖--05-01⟧ and ⟦12 Mar. 2019‖2019-03-12⟧",
        ]);
    }

    #[test]
    fn weekday_prefix() {
        check_all(&[
            "⟦Thursday, April 25, 2013‖2013-04-25⟧",
            "⟦Thu 25 Apr 2013‖2013-04-25⟧ and ⟦Thurs. April 25, 2013‖2013-04-25⟧",
            "on ⟦Thursday 25th April‖--04-25⟧",
            // The weekday is not checked against the date.
            "⟦Monday, April 25, 2013‖2013-04-25⟧",
            // A weekday without a date after it is not part of anything here.
            "on Thursday, ⟦April 2013‖2013-04⟧",
        ]);
    }

    #[test]
    fn partial_dates_have_no_year() {
        check_all(&[
            "remarks on ⟦December 18‖--12-18⟧ and the letter of ⟦15 of April‖--04-15⟧",
            "⟦February 29‖--02-29⟧ exists in leap years; February 30 never",
            "lower case needs a year: december 18, 15 of april",
        ]);
    }

    #[test]
    fn month_and_year() {
        check_all(&[
            "since ⟦March 2014‖2014-03⟧,",
            "since ⟦Mar. 2014‖2014-03⟧; since march 2014 is not read",
            "they may 2019 nothing",
        ]);
    }

    #[test]
    fn numeric() {
        check_all(&[
            "⟦2013-04-25‖2013-04-25⟧ ⟦2013/04/25‖2013-04-25⟧ ⟦2013-4-5‖2013-04-05⟧",
            "⟦14.03.2019‖2019-03-14⟧ ⟦1.3.2019‖2019-03-01⟧ but 03.14.2019 is not month-first",
            "⟦25/04/2013‖2013-04-25⟧ ⟦04/25/2013‖2013-04-25⟧ ⟦25-04-2013‖2013-04-25⟧ ⟦05/05/2013‖2013-05-05⟧",
            "ambiguous: 04/05/2013 and 4-5-2013",
            "invalid: 2013-13-45, 31/02/2013, 29.02.2019, 2013-02-29",
            "glued: version 1.14.03.2019, 2013-04-25-7, 12/25/2013/4",
            // `16` belongs to `F16`, so it is no day, but the month and year after it are.
            "F16 ⟦March 2013‖2013-03⟧",
            "⟦29.02.2020‖2020-02-29⟧.",
            "years 1799-01-01 and 2201-01-01 are out of range",
        ]);
    }

    #[test]
    fn times_after_the_date() {
        check_all(&[
            "⟦April 26, 2013 7:44 AM‖2013-04-26T07:44⟧ and ⟦April 26, 2013 at 4:12 pm‖2013-04-26T16:12⟧",
            "⟦3 May 2013 09: 16‖2013-05-03T09:16⟧ ⟦3 May 2013 18:55‖2013-05-03T18:55⟧ New",
            "⟦April 26, 2013, 12:30 a.m. EDT‖2013-04-26T00:30⟧ then",
            "⟦April 26, 2013 12:05 PM‖2013-04-26T12:05⟧ ⟦April 26, 2013 12 am‖2013-04-26T00:00⟧",
            "⟦12 March 2019 12.30pm‖2019-03-12T12:30⟧ ⟦12 March 2019 - 10:15 BST‖2019-03-12T10:15⟧",
            "⟦12 March 2019 10.30 GMT‖2019-03-12T10:30⟧ ⟦12 March 2019 | 10:15 GMT+1‖2019-03-12T10:15⟧",
            "⟦Thu, 14 Mar 2019 10:15:00 +0000‖2019-03-14T10:15⟧",
            "⟦December 15 at 10:00‖--12-15T10:00⟧",
            "⟦12 March 2019 @ 4pm‖2019-03-12T16:00⟧",
            "⟦8 Jan 2019 07.12‖2019-01-08T07:12⟧",
        ]);
        // A dotted number inside a sentence is not a time.
        check_all(&["⟦8 Jan 2019‖2019-01-08⟧ 10.50 million people"]);
    }

    #[test]
    fn times_before_the_date() {
        check_all(&[
            "Updated: ⟦14:32 GMT, 14 March 2019‖2019-03-14T14:32⟧",
            "⟦7:44 AM, April 26, 2013‖2013-04-26T07:44⟧ ⟦10:15 on 3 May 2013‖2013-05-03T10:15⟧",
            "⟦10:15 a.m. - Thursday, 25 April 2013‖2013-04-25T10:15⟧",
            // A time before a month and year is not attached, and `15 March` inside it is not a day.
            "10:15 ⟦March 2019‖2019-03⟧",
        ]);
    }

    #[test]
    fn iso_times() {
        check_all(&[
            "⟦2019-03-14T10:15:00Z‖2019-03-14T10:15⟧ ⟦2019-03-14T10:15:00+01:00‖2019-03-14T10:15⟧",
            "⟦2019-03-14T10:15:00.123-05:00‖2019-03-14T10:15⟧ ⟦2019-03-14T23:59+0530‖2019-03-14T23:59⟧",
            "⟦2019-03-14 10:15‖2019-03-14T10:15⟧, ⟦2019-03-14 10:15:00 UTC‖2019-03-14T10:15⟧",
            "⟦2019-03-14‖2019-03-14⟧T25:00 is no time",
        ]);
    }

    #[test]
    fn numbers_after_a_date_are_not_times() {
        check_all(&[
            "on ⟦April 25, 2013‖2013-04-25⟧, 10 people died",
            "⟦April 25, 2013‖2013-04-25⟧ 25:10",
            "⟦3 May 2013‖2013-05-03⟧ 10.5 million",
            "⟦3 May 2013‖2013-05-03⟧ 13 pm",
            "⟦3 May 2013‖2013-05-03⟧, 3:1 win",
            "⟦March 2019‖2019-03⟧ 10:15 (no day, no time)",
        ]);
    }

    #[test]
    fn rejects_non_dates() {
        check_all(&[
            "He may 25 times; 2013-13-45; February 30, 2017 is not a day",
            "they may meet; they may 3 times; they march 25 miles",
            "April 31, 2013 and 31 June 2013 do not exist, nor 31st of June 2013 or Thu 31 June 2013",
            "John 3:16 and May 10:15",
            "timeline: ⟦March 3‖--03-03⟧: protests; ⟦May 10‖--05-10⟧: talks",
            "no digits at all in May or March",
            "",
        ]);
    }

    #[test]
    fn regions_around_digits() {
        // Only text near digits is tokenised: dates must be found whatever comes before and after them,
        // and a cut made inside a word or a multi-byte character must not create or hide one.
        for pad in 0..=130 {
            for filler in ["a", "é", " ", "ab "] {
                let before: String = filler.repeat(pad);
                for marked in [
                    "⟦10:15 a.m. EDT - Wednesday, September 25, 2013‖2013-09-25T10:15⟧",
                    "⟦25\u{a0}April\u{a0}2013‖2013-04-25⟧",
                    "⟦Thursday, 25th of April 2013 at 7:44 pm‖2013-04-25T19:44⟧",
                ] {
                    // A space keeps the filler from gluing onto the date, except for the glued case below.
                    check(&format!("{before} {marked} {before}"));
                }
                // Digits glued to a word, however long, are not a day, wherever the region starts.
                if before.ends_with(char::is_alphabetic) {
                    check(&format!("{before}16 ⟦March 2013‖2013-03⟧"));
                } else {
                    check(&format!("{before}⟦16 March 2013‖2013-03-16⟧"));
                }
            }
        }
        let far = "x ".repeat(200);
        check(&format!("⟦3 May 2013‖2013-05-03⟧{far}⟦4 May 2013‖2013-05-04⟧{far}⟦Sept. 5‖--09-05⟧"));
        check("— ⟦25 April 2013‖2013-04-25⟧ — « le 3 mai 2013 » (English months only)");
    }

    #[test]
    fn iso_datetime() {
        let text = "April 26, 2013 7:44 AM; April 26, 2013; March 2019; December 15 at 10:00";
        let found: Vec<_> = find_dates(text).iter().map(DateMention::iso_datetime).collect();
        assert_eq!(
            found,
            [Some("2013-04-26T07:44".into()), Some("2013-04-26".into()), Some("2019-03".into()), None]
        );
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
    }

    #[test]
    fn with_year_from() {
        let cases = [
            // text, anchor, expected
            ("December 20", "2020-01-10", Some("2019-12-20")),
            ("March 5", "2020-01-10", Some("2020-03-05")),
            ("March 20", "2020-01-10", Some("2019-03-20")),
            ("January 10", "2020-01-10", Some("2020-01-10")),
            ("November 10", "2020-01-10", Some("2019-11-10")),
            ("February 29", "2020-01-10", Some("2020-02-29")),
            ("February 29", "2019-06-01", None),
            ("April 25, 2013", "2020-01-10", Some("2013-04-25")),
            ("March 2019", "2020-01-10", None),
        ];
        for (text, anchor, expected) in cases {
            let mention = find_dates(text).into_iter().next().expect("a mention");
            assert_eq!(mention.with_year_from(date(anchor)), expected.map(date), "{text} from {anchor}");
        }
    }

    fn describe_relative(r: &Relative) -> String {
        match r {
            Relative::Days(n) => format!("{n:+}d"),
            Relative::Weekday { weekday, last: false } => format!("{weekday:?}"),
            Relative::Weekday { weekday, last: true } => format!("last {weekday:?}"),
            Relative::Ago { amount, unit } => format!("{amount} {unit:?} ago"),
        }
    }

    fn check_relative(marked: &str) {
        let text = unmark(marked);
        let found = find_relative(&text)
            .iter()
            .map(|m| (m.start, m.end, describe_relative(&m.relative)))
            .collect::<Vec<_>>();
        assert_eq!(mark(&text, found), marked);
    }

    #[test]
    fn relative_days() {
        for case in [
            "He spoke ⟦yesterday‖-1d⟧ and will again ⟦tomorrow‖+1d⟧; ⟦today‖+0d⟧'s vote, ⟦tonight‖+0d⟧.",
            "⟦Yesterday‖-1d⟧, the minister said. ⟦TODAY‖+0d⟧:",
            "⟦the day before yesterday‖-2d⟧ and ⟦day after tomorrow‖+2d⟧",
            "⟦last night‖-1d⟧; ⟦Last night‖-1d⟧ but not the night before or nightly",
            "names: USA Today reported; the Today programme; The Tonight Show; Russia Today",
            "Todayville, yesterdays, tomorrows",
        ] {
            check_relative(case);
        }
    }

    #[test]
    fn relative_weekdays() {
        for case in [
            "On ⟦Wednesday‖Wed⟧, the ministers met. ⟦Wednesday‖Wed⟧'s vote; ⟦Friday‖Fri⟧ night",
            "⟦last Tuesday‖last Tue⟧ and ⟦Last Sunday‖last Sun⟧; since ⟦Monday‖Mon⟧",
            "by ⟦Saturday‖Sat⟧. until ⟦Thursday‖Thu⟧,",
            "Lula called on Lisbon and Madrid ⟦Thursday‖Thu⟧ to talk; Talks Resume ⟦Monday‖Mon⟧",
            "since ⟦Monday‖Mon⟧’s bombings, ⟦LAST FRIDAY‖last Fri⟧",
            "names: Black Friday sales, black Friday, Good Friday, Friday Night Lights",
            "Sheffield Wednesday won",
            "Cyber Monday, Super Tuesday, Ash Wednesday, the Sunday Times, Ruby Tuesday, Maundy Thursday",
            "Easter Sunday, Palm Sunday, Bloody Sunday, Fat Tuesday, Super Bowl Sunday, His Girl Friday",
            "dates: Thursday, April 25, 2013; Thursday 25 April; Friday 13th; Thu 25 Apr",
            "not past: next Tuesday, this Tuesday, every Monday, on Mondays, the last Tuesday of the month",
            "lower case: on monday",
        ] {
            check_relative(case);
        }
    }

    #[test]
    fn relative_ago() {
        for case in [
            "⟦two days ago‖-2d⟧, ⟦3 hours ago‖3 Hour ago⟧, ⟦2 years ago‖2 Year ago⟧, ⟦a week ago‖1 Week ago⟧",
            "⟦an hour ago‖1 Hour ago⟧ ⟦5 mins ago‖5 Minute ago⟧ ⟦Six months ago‖6 Month ago⟧ ⟦1 day ago‖-1d⟧",
            "vague: a few days ago, several weeks ago, long ago, years ago, some time ago, 0 days ago",
            "not ago: Chicago, agony, 3 days agone, 1,200 years ago, 2.5 years ago",
        ] {
            check_relative(case);
        }
    }

    #[test]
    fn resolve() {
        // Thursday 14 March 2019.
        let anchor = date("2019-03-14");
        let cases = [
            ("yesterday", "2019-03-13"),
            ("tomorrow", "2019-03-15"),
            ("today", "2019-03-14"),
            ("two days ago", "2019-03-12"),
            ("Wednesday", "2019-03-13"),
            ("Thursday", "2019-03-14"),
            ("Friday", "2019-03-08"),
            ("Monday", "2019-03-11"),
            ("last Tuesday", "2019-03-05"),
            ("last Friday", "2019-03-08"),
            ("last Thursday", "2019-03-07"),
            ("last Sunday", "2019-03-10"),
            ("3 hours ago", "2019-03-14"),
            ("48 hours ago", "2019-03-12"),
            ("90 minutes ago", "2019-03-14"),
            ("a week ago", "2019-03-07"),
            ("six months ago", "2018-09-14"),
            ("2 years ago", "2017-03-14"),
        ];
        for (text, expected) in cases {
            let mention = find_relative(text).into_iter().next().expect(text);
            assert_eq!(mention.resolve(anchor), Some(date(expected)), "{text}");
        }
        let month_end = find_relative("a month ago").into_iter().next().expect("a mention");
        assert_eq!(month_end.resolve(date("2019-03-31")), Some(date("2019-02-28")));
        // On a Monday, `last Sunday` and `Sunday` are both the day before.
        let monday = date("2019-03-11");
        for text in ["Sunday", "last Sunday"] {
            let mention = find_relative(text).into_iter().next().expect(text);
            assert_eq!(mention.resolve(monday), Some(date("2019-03-10")), "{text}");
        }
    }

    #[test]
    fn timestamps() {
        let cases = [
            ("2019-03-14T10:15:00Z", Some("2019-03-14T10:15")),
            ("2019-03-14T10:15:00+01:00", Some("2019-03-14T10:15")),
            ("  2019-03-14T23:30:00-05:00 ", Some("2019-03-14T23:30")),
            ("2019-03-14T10:15:00.000+0100", Some("2019-03-14T10:15")),
            ("2019-03-14T10:15Z", Some("2019-03-14T10:15")),
            ("2019-03-14T10:15", Some("2019-03-14T10:15")),
            ("2019-03-14T10:15:00", Some("2019-03-14T10:15")),
            ("2019-03-14 10:15:00", Some("2019-03-14T10:15")),
            ("2019-03-14 10:15:00 UTC", Some("2019-03-14T10:15")),
            ("2019-03-14", Some("2019-03-14")),
            ("2019/03/14", Some("2019-03-14")),
            ("20190314", Some("2019-03-14")),
            ("Thu, 14 Mar 2019 10:15:00 +0000", Some("2019-03-14T10:15")),
            ("Thu, 14 Mar 2019 10:15:00 GMT", Some("2019-03-14T10:15")),
            ("Wed, 14 Mar 2019 10:15:00 +0000", Some("2019-03-14T10:15")),
            ("March 14, 2019 10:15 AM", Some("2019-03-14T10:15")),
            ("14 March 2019", Some("2019-03-14")),
            ("1552558500", Some("2019-03-14T10:15")),
            ("1552558500000", Some("2019-03-14T10:15")),
            ("", None),
            ("not a date", None),
            ("2019-02-30T10:00:00Z", None),
            ("March 2019", None),
            ("12345", None),
        ];
        for (input, expected) in cases {
            let actual = parse_timestamp(input).map(|(d, time)| match time {
                Some((h, m)) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
                None => d.format("%Y-%m-%d").to_string(),
            });
            assert_eq!(actual.as_deref(), expected, "{input:?}");
        }
    }

    // Any text, however broken, gives mentions whose spans are in order, on character boundaries and
    // inside the text, and never panics. The pieces are the ones the rules look at, with multi-byte
    // characters between them.
    #[cfg(not(target_arch = "wasm32"))]
    mod arbitrary_text {
        use proptest::prelude::*;

        use super::super::*;

        const PIECES: [&str; 40] = [
            "1",
            "12",
            "2013",
            "25",
            "31",
            "09",
            "-",
            "/",
            ".",
            ":",
            ": ",
            " ",
            ",",
            "\u{a0}",
            "T",
            "Z",
            "+",
            "am",
            "p.m.",
            "GMT",
            "May",
            "march",
            "Sept",
            "of",
            "th",
            "Thursday",
            "Thu",
            "at",
            "on",
            "last",
            "ago",
            "days",
            "a",
            "two",
            "yesterday",
            "Friday",
            "night",
            "é",
            "—",
            "𝔸",
        ];

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(&PIECES[..]), 0..40).prop_map(|p| p.concat())
        }

        proptest! {
            #[test]
            fn spans_are_sound(text in text()) {
                let mut at = 0;
                for m in find_dates(&text) {
                    prop_assert!(at <= m.start && m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    prop_assert!(m.naive().is_some() || m.year.is_none() || m.day.is_none());
                    at = m.end;
                }
                let mut at = 0;
                for m in find_relative(&text) {
                    prop_assert!(at <= m.start && m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    at = m.end;
                }
                let _ = parse_timestamp(&text);
            }
        }
    }

    const MEGABYTE: usize = 1 << 20;

    fn repeat_to(piece: &str, len: usize) -> (String, usize) {
        let count = len.div_ceil(piece.len());
        (piece.repeat(count), count)
    }

    #[test]
    fn a_megabyte_of_prose_has_no_dates() {
        let (text, _) = repeat_to(
            concat!(
                "The 3 parties may meet 25 times, in Chicago, on holidays and Sundays, nightly; ",
                "they march 12 miles, agonising over Mayday. "
            ),
            MEGABYTE,
        );
        assert!(find_dates(&text).is_empty());
        assert!(find_relative(&text).is_empty());
    }

    #[test]
    fn a_megabyte_of_dates() {
        let (text, count) = repeat_to(
            "On Thursday, April 25, 2013 at 7:44 pm and 2019-03-14T10:15:00Z, two days ago; ",
            MEGABYTE,
        );
        assert!(count > 10_000);
        let dates = find_dates(&text);
        assert_eq!(dates.len(), 2 * count);
        assert_eq!(dates[0].iso_datetime().as_deref(), Some("2013-04-25T19:44"));
        assert_eq!(find_relative(&text).len(), count);
    }

    #[test]
    fn pathological_lines_are_linear() {
        for piece in ["1:", "12/", "1.", "a", " ", "May 1 ", "Monday ", "days ago ", "2019-"] {
            let (text, _) = repeat_to(piece, MEGABYTE);
            let _ = find_dates(&text);
            let _ = find_relative(&text);
        }
    }
}
