//! Finding dates in running text.
//!
//! Recognises the forms English-language news pages print: `April 25, 2013`, `Feb 16, 2017`,
//! `Sept. 3, 2016`, `25 April 2013`, `3 May 2013 18:55`, `2013-04-25`, `04/25/2013` is deliberately not
//! read (day and month order is ambiguous), and partial dates without a year (`December 15`, `15 of
//! April`), which are reported with `year: None` so the caller can resolve them or say it could not.
//! Calendar validity is checked with `chrono`.

use chrono::NaiveDate;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

impl DateMention {
    /// ISO 8601 when the year is known: `2013-04-25`, or `2013-04` without a day.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        Some(match self.day {
            Some(day) => format!("{year:04}-{:02}-{day:02}", self.month),
            None => format!("{year:04}-{:02}", self.month),
        })
    }

    /// The calendar date, when the year and day are known.
    pub fn naive(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day?)
    }
}

const MONTHS: [(&str, u32); 25] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    MONTHS.iter().find(|(name, _)| *name == lower).map(|&(_, n)| n)
}

/// A word-ish token with its byte span.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Splits into runs of letters and runs of digits; everything else separates (and is kept in the gaps).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut current: Option<(usize, bool)> = None;
    for (i, c) in text.char_indices() {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (current, class) {
            (Some((start, digit)), Some(d)) if d == digit => {
                let _ = start;
            }
            (Some((start, _)), _) => {
                out.push(Token { text: &text[start..i], start, end: i });
                current = class.map(|d| (i, d));
            }
            (None, Some(d)) => current = Some((i, d)),
            (None, None) => {}
        }
    }
    if let Some((start, _)) = current {
        out.push(Token { text: &text[start..], start, end: text.len() });
    }
    out
}

fn number(token: &Token<'_>, max_len: usize) -> Option<u32> {
    if token.text.len() <= max_len && token.text.bytes().all(|b| b.is_ascii_digit()) {
        token.text.parse().ok()
    } else {
        None
    }
}

fn year(token: &Token<'_>) -> Option<i32> {
    if token.text.len() == 4 {
        let y: i32 = token.text.parse().ok()?;
        (1800..=2200).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The text between two tokens, which decides whether they belong to one date.
fn gap<'a>(text: &'a str, a: &Token<'_>, b: &Token<'_>) -> &'a str {
    &text[a.end..b.start]
}

fn small_gap(g: &str) -> bool {
    g.len() <= 3 && g.chars().all(|c| c == ' ' || c == ',' || c == '.' || c == '\u{a0}')
}

fn valid(year: Option<i32>, month: u32, day: Option<u32>) -> bool {
    match (year, day) {
        (Some(y), Some(d)) => NaiveDate::from_ymd_opt(y, month, d).is_some(),
        (None, Some(d)) => (1..=31).contains(&d),
        _ => true,
    }
}

/// Every date mentioned in `text`, in order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let toks = tokens(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((mention, used)) = date_at(text, &toks, i) {
            out.push(mention);
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

fn date_at(text: &str, toks: &[Token<'_>], i: usize) -> Option<(DateMention, usize)> {
    let t = &toks[i];
    let next = toks.get(i + 1);
    let after = toks.get(i + 2);

    // ISO: 2013-04-25
    if let (Some(y), Some(m), Some(d)) = (year(t), next, after)
        && gap(text, t, m) == "-"
        && gap(text, m, d) == "-"
        && let (Some(month), Some(day)) = (number(m, 2), number(d, 2))
        && (1..=12).contains(&month)
        && valid(Some(y), month, Some(day))
    {
        let mention = DateMention { start: t.start, end: d.end, year: Some(y), month, day: Some(day) };
        return Some((mention, 3));
    }

    // Month-first: April 25, 2013 / Feb. 16 2017 / April 2013 / December 15
    if let Some(month) = month_number(t.text) {
        // "May" alone is too often the verb; require a day or year after it.
        if let Some(n) = next.filter(|n| small_gap(gap(text, t, n))) {
            if let Some(day) = number(n, 2).filter(|d| (1..=31).contains(d)) {
                if let Some(y) = after.filter(|a| small_gap(gap(text, n, a))).and_then(year)
                    && valid(Some(y), month, Some(day))
                {
                    let end = toks[i + 2].end;
                    return Some((
                        DateMention { start: t.start, end, year: Some(y), month, day: Some(day) },
                        3,
                    ));
                }
                if t.text.len() > 3 || t.text.chars().next().is_some_and(char::is_uppercase) {
                    let mention =
                        DateMention { start: t.start, end: n.end, year: None, month, day: Some(day) };
                    return Some((mention, 2));
                }
            }
            if let Some(y) = year(n)
                && t.text.chars().next().is_some_and(char::is_uppercase)
            {
                let mention = DateMention { start: t.start, end: n.end, year: Some(y), month, day: None };
                return Some((mention, 2));
            }
        }
    }

    // Day-first: 25 April 2013 / 3 May 2013 / 15 of April
    if let Some(day) = number(t, 2).filter(|d| (1..=31).contains(d)) {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|o| o.text.eq_ignore_ascii_case("of") && small_gap(gap(text, t, o))) {
            j += 1;
        }
        let m = toks.get(j)?;
        if !small_gap(gap(text, &toks[j - 1], m)) {
            return None;
        }
        let month = month_number(m.text)?;
        if !m.text.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if let Some(y) = toks.get(j + 1).filter(|a| small_gap(gap(text, m, a))).and_then(year)
            && valid(Some(y), month, Some(day))
        {
            let end = toks[j + 1].end;
            return Some((
                DateMention { start: t.start, end, year: Some(y), month, day: Some(day) },
                j + 2 - i,
            ));
        }
        let mention = DateMention { start: t.start, end: m.end, year: None, month, day: Some(day) };
        return Some((mention, j + 1 - i));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        find_dates(text).into_iter().map(|m| (text[m.start..m.end].to_owned(), m.iso())).collect()
    }

    #[test]
    fn month_first() {
        assert_eq!(
            found("in Moscow, April 25, 2013. On Feb 16, 2017 and Sept. 3, 2016."),
            [
                ("April 25, 2013".into(), Some("2013-04-25".into())),
                ("Feb 16, 2017".into(), Some("2017-02-16".into())),
                ("Sept. 3, 2016".into(), Some("2016-09-03".into())),
            ]
        );
    }

    #[test]
    fn day_first_and_iso() {
        assert_eq!(
            found("Garrin 3 May 2013 18: 55 New; posted 2019-11-02"),
            [
                ("3 May 2013".into(), Some("2013-05-03".into())),
                ("2019-11-02".into(), Some("2019-11-02".into()))
            ]
        );
    }

    #[test]
    fn partial_dates_have_no_year() {
        assert_eq!(
            found("remarks on December 18 and the letter of 15 of April"),
            [("December 18".into(), None), ("15 of April".into(), None)]
        );
    }

    #[test]
    fn month_and_year() {
        assert_eq!(found("since March 2014,"), [("March 2014".into(), Some("2014-03".into()))]);
    }

    #[test]
    fn rejects_non_dates() {
        assert!(
            found("He may 25 times; 2013-13-45; February 30, 2017 is not a day")
                .iter()
                .all(|(_, iso)| iso.is_none())
        );
        assert!(found("they may meet").is_empty());
    }
}
