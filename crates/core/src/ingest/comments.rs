//! Reader comments: finding the thread under an article, and each comment's author, place, time and
//! threading.
//!
//! Comment systems print a header for each comment (who, sometimes where from, when) followed by its
//! text. The header shapes differ between systems, but all are short lines built from a name and a
//! timestamp, which is what this module looks for:
//!
//! - `by: NAME from: PLACE`, with the time on the next line;
//! - `NAME says:` / `NAME wrote:`, with the time on the same or the next line;
//! - `NAME TIME`, `NAME • TIME`, `NAME | TIME`, `NAME, PLACE, TIME` (the time a date, a date-time or
//!   "3 hours ago"), possibly followed by a word such as "New" or "Reply";
//! - `NAME` alone on a line followed by a line that is only a timestamp.
//!
//! Threading comes from what the page shows: indentation of the header (nested lists keep it in text
//! dumps), an "In Response" / "Replies" marker before a reply, or a reply that opens with `@NAME`. A
//! comment at depth `d` answers the closest earlier comment at depth `d - 1`.
//!
//! The thread starts at the first header after the article's first paragraph, when the page announces a
//! comment area before it or prints at least two headers; a lone name-and-date line inside an article is
//! not a thread. It ends at page furniture that belongs to something else (a promo block, a footer).

use super::facts::{LineFacts, mark};
use super::{Effect, Kinds, Line, furniture_phrase, with_normalised, words_at_most};
use crate::dates::{DateMention, Relative, find_dates, find_relative};
use crate::document::{Comment, SectionKind};

/// What a header line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub author: String,
    pub place: Option<String>,
    pub posted: Option<String>,
    /// The time is on the next line.
    pub time_follows: bool,
}

/// Words that open a timestamp line rather than a name ("Updated 14:32 GMT, 14 March 2019").
const NOT_NAMES: [&str; 12] = [
    "updated",
    "published",
    "posted",
    "modified",
    "last",
    "first",
    "date",
    "on",
    "at",
    "printed",
    "reviewed",
    "edited",
];

/// Words that may follow a timestamp in a header: flags and controls comment systems print there.
const HEADER_TRAILERS: [&str; 21] = [
    "new",
    "reply",
    "edited",
    "report",
    "like",
    "share",
    "flag",
    "permalink",
    "link",
    "quote",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "bst",
    "cet",
    "edt",
    "est",
];

/// A name as comment systems print it: one to five tokens, no sentence punctuation, not a timestamp word.
fn looks_like_commenter(name: &str) -> bool {
    let name = name.trim();
    // The cheap tests first; a trimmed name that is not empty has a word.
    name.len() <= 48
        && !name.is_empty()
        && !name.ends_with(['.', '!', '?', ':', ';', '"', '”'])
        && words_at_most(name, 5)
        && name.chars().any(char::is_alphanumeric)
        && name
            .split_whitespace()
            .next()
            .is_none_or(|first| !NOT_NAMES.iter().any(|w| first.eq_ignore_ascii_case(w)))
}

/// The ISO form of the one date-with-year in `text`, with its span.
fn timestamp_in(text: &str) -> Option<(usize, usize, String)> {
    find_dates(text)
        .into_iter()
        .find(|d| d.year.is_some())
        .and_then(|d| Some((d.start, d.end, d.iso_datetime()?)))
}

/// [`timestamp_in`] of a whole trimmed line, from the dates its `facts` hold (found in the line with its
/// surrounding whitespace, which never makes or breaks a date: the spans only move by the leading
/// whitespace), and without writing the ISO form, which few callers need.
fn line_timestamp<'f>(content: &str, facts: &'f LineFacts) -> Option<(usize, usize, &'f DateMention)> {
    let d = facts.dates(content).iter().find(|d| d.year.is_some())?;
    Some((d.start - facts.lead, d.end - facts.lead, d))
}

/// A time a comment system prints relative to when the page was viewed ("2 hours ago"): its span. The
/// viewing time is unknown, so it cannot be resolved to a date.
fn relative_time_in(text: &str) -> Option<(usize, usize)> {
    // Most lines do not say "ago" at all: no need to look for every relative reference in them.
    if !super::contains_ignore_ascii_case(text, "ago") {
        return None;
    }
    find_relative(text)
        .into_iter()
        .find(|r| matches!(r.relative, Relative::Ago { .. }) && text[r.end..].trim().len() < 24)
        .map(|r| (r.start, r.end))
}

/// A line that is only a timestamp (and perhaps a trailer word). `facts` are the line's.
pub(super) fn only_timestamp(line: &str, facts: &LineFacts) -> Option<String> {
    let t = line.trim();
    if t.len() > 80 {
        return None;
    }
    let (start, end, d) = line_timestamp(line, facts)?;
    let iso = d.iso_datetime()?;
    if iso.len() < 10 {
        // "February 2019" is an archive link, not when someone posted.
        return None;
    }
    let before = t[..start].trim_matches(|c: char| !c.is_alphanumeric());
    let after = t[end..].trim();
    let before_ok = before.is_empty() || NOT_NAMES.iter().any(|w| before.eq_ignore_ascii_case(w));
    (before_ok && trailer_only(after)).then_some(iso)
}

/// True when `rest` is empty or only header trailer words and separators.
fn trailer_only(rest: &str) -> bool {
    rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        HEADER_TRAILERS.iter().any(|t| w.eq_ignore_ascii_case(t)) || w.chars().all(|c| c.is_ascii_digit())
    })
}

/// The verbs of "NAME says:" headers, in the order they are tried.
pub(super) const SAYS: [&str; 4] = [" says:", " said:", " wrote:", " commented:"];

/// Where each of the [`SAYS`] first occurs in the trimmed line `t`, in any case: what
/// `find_ignore_ascii_case` gives for each, from one look at each colon. Every verb ends with one: a
/// line without one (its `facts` tell) has none.
pub(super) fn first_says(t: &str, facts: &LineFacts) -> [Option<usize>; 4] {
    let mut first = [None; 4];
    if !facts.has(mark::COLON) {
        return first;
    }
    let bytes = t.as_bytes();
    let mut from = 0;
    while let Some(colon) = crate::text::find_byte(bytes, from, 0, [b':']) {
        for (verb, at) in SAYS.iter().zip(&mut first) {
            let end = colon + 1;
            if at.is_none()
                && let Some(start) = end.checked_sub(verb.len())
                && bytes[start..end].eq_ignore_ascii_case(verb.as_bytes())
            {
                *at = Some(start);
            }
        }
        from = colon + 1;
    }
    first
}

/// Recognises a comment header on one line. `facts` are the line's.
pub(super) fn header(line: &str, facts: &LineFacts) -> Option<Header> {
    if facts.is_blank() || facts.len > 160 {
        return None;
    }
    let t = &line[facts.lead..facts.lead + facts.len];
    // "by: NAME from: PLACE"
    if let Some(rest) = t.get(..3).filter(|p| p.eq_ignore_ascii_case("by:")).map(|_| t[3..].trim()) {
        let lower = rest.to_ascii_lowercase();
        let (author, place) = match lower.find(" from:") {
            Some(i) => (rest[..i].trim(), Some(rest[i + 6..].trim())),
            None => (rest, None),
        };
        if looks_like_commenter(author) {
            return Some(Header {
                author: author.to_owned(),
                place: place.filter(|p| !p.is_empty()).map(str::to_owned),
                posted: None,
                time_follows: true,
            });
        }
        return None;
    }
    // "NAME says:" / "NAME wrote:" (and the time after it, if on the same line)
    for (verb, at) in SAYS.into_iter().zip(first_says(t, facts)) {
        if let Some(i) = at {
            let author = t[..i].trim();
            let rest = &t[i + verb.len()..];
            if looks_like_commenter(author) && (rest.trim().is_empty() || timestamp_in(rest).is_some()) {
                return Some(Header {
                    author: author.to_owned(),
                    place: None,
                    posted: timestamp_in(rest).map(|(_, _, iso)| iso),
                    time_follows: rest.trim().is_empty(),
                });
            }
        }
    }
    // "NAME TIME", "NAME • TIME", "NAME, PLACE, TIME"
    let (start, end, date) = match line_timestamp(line, facts) {
        Some((start, end, d)) => (start, end, Some(d)),
        None => relative_time_in(t).map(|(start, end)| (start, end, None))?,
    };
    if start == 0 || !trailer_only(&t[end..]) {
        return None;
    }
    let lead = t[..start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '|' | ',' | '-' | '–' | '—')
    });
    if !words_at_most(lead, 8) || lead.contains(['(', ')', '"', '“']) {
        return None;
    }
    let (author, place) = match lead.split_once(',') {
        Some((a, p)) if words_at_most(a, 3) => (a.trim(), Some(p.trim().trim_end_matches(',').trim())),
        _ => (lead.trim(), None),
    };
    looks_like_commenter(author).then(|| Header {
        author: author.to_owned(),
        place: place.filter(|p| !p.is_empty()).map(str::to_owned),
        posted: date.and_then(DateMention::iso_datetime),
        time_follows: false,
    })
}

/// A numbered name line that some systems print above the header: `12. NAME`.
fn numbered_name(line: &str) -> Option<&str> {
    let t = line.trim();
    let (number, rest) = t.split_once(". ")?;
    (!number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit()))
        .then(|| rest.trim())
        .filter(|name| looks_like_commenter(name))
}

/// A marker line saying the next comment is a reply.
fn reply_marker(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    // Every marker opens with "in", "replies", "reply", "replying", "show" or "view": rule out the other
    // lines before normalising them.
    if let Some(first) = line.trim_start().bytes().next()
        && first.is_ascii()
        && !matches!(first.to_ascii_lowercase(), b'i' | b'r' | b's' | b'v')
    {
        return false;
    }
    with_normalised(line, |norm| {
        matches!(norm, "in response" | "in reply" | "replies" | "reply" | "show replies" | "view replies")
            || norm.starts_with("in reply to ")
            || norm.starts_with("replying to ")
    })
}

/// "In reply to NAME." / "Replying to @NAME": the name answered.
fn in_reply_to(line: &str) -> Option<&str> {
    let t = line.trim();
    let rest = ["in reply to ", "replying to ", "reply to "]
        .iter()
        .find(|p| t.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
        .map(|p| &t[p.len()..])?;
    let name = rest.trim().trim_start_matches('@').trim_end_matches(['.', ':']).trim();
    looks_like_commenter(name).then_some(name)
}

/// Lines inside a thread that are the comment system's controls rather than what anyone wrote.
fn control_line(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    with_normalised(line, is_control)
}

/// [`control_line`] of a normalised line.
fn is_control(norm: &str) -> bool {
    let controls = [
        "reply",
        "report",
        "report abuse",
        "share",
        "like",
        "flag",
        "permalink",
        "load more comments",
        "show more comments",
        "view more comments",
        "show more",
        "see more",
        "upvote",
        "downvote",
        "recommend",
        "in response",
        "replies",
        "hide replies",
        "show replies",
        "view replies",
        "new",
        "quote",
    ];
    controls.contains(&norm)
        // Vote counts: "34", "+5", "-2".
        || !norm.is_empty() && norm.trim_start_matches(['+', '-']).bytes().all(|b| b.is_ascii_digit())
        || norm.split(['|', '•', '·']).all(|part| {
            let p = part.trim();
            controls.contains(&p) || p.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
        }) && norm.contains(['|', '•', '·'])
}

/// Where a thread stops: page furniture that is not part of the comment area. `facts` are the line's.
fn ends_thread(line: &str, facts: &LineFacts) -> bool {
    let t = &line[facts.lead..facts.lead + facts.len];
    if facts.has(mark::COPYRIGHT) || t.get(..9).is_some_and(|head| head.eq_ignore_ascii_case("copyright")) {
        return true;
    }
    super::is_navigation(t, facts)
        || facts.phrase(t).is_some_and(|p| {
            p.effect == Effect::Tail && p.reason != super::COMMENT_THREAD || p.reason.contains("navigation")
        })
}

/// Finds the comment thread and relabels its lines as `Comment` (or comment-control furniture). Returns the
/// comments in page order.
pub(super) fn find_comments(
    text: &str,
    lines: &[Line],
    facts: &[LineFacts],
    kinds: &mut Kinds,
) -> Vec<Comment> {
    let content = |i: usize| &text[lines[i].start..lines[i].end];
    // Candidate headers after the first paragraph; a name line counts when a timestamp line follows. A page
    // that is nothing but comments has no paragraph of its own: then headers of a shape no article header
    // has ("by: NAME from: PLACE", a numbered name above NAME and a time) count from the top.
    let first_body = kinds.iter().position(|(k, _)| *k == SectionKind::Body).unwrap_or(lines.len());
    let start = kinds.iter().position(|(k, _)| *k != SectionKind::Blank).unwrap_or(0);
    let non_blank: Vec<usize> = (start..lines.len()).filter(|&i| !facts[i].is_blank()).collect();
    let mut headers: Vec<(usize, usize, Header)> = Vec::new(); // (first line, last line, header)
    let mut k = 0;
    while k < non_blank.len() {
        let i = non_blank[k];
        let line = content(i);
        // A timestamp line is the page's own, unless a numbered name above it makes it a comment header.
        let numbered_above = || {
            k.checked_sub(1)
                .and_then(|p| numbered_name(content(non_blank[p])))
                .is_some_and(|name| line.trim().starts_with(name))
        };
        if kinds[i].0 == SectionKind::Credit || kinds[i].0 == SectionKind::PageMeta && !numbered_above() {
            k += 1;
            continue;
        }
        let next = non_blank.get(k + 1).copied();
        let found = match header(line, &facts[i]) {
            Some(mut h) if h.time_follows => {
                match next.and_then(|n| only_timestamp(content(n), &facts[n]).map(|iso| (n, iso))) {
                    Some((n, iso)) => {
                        h.posted = Some(iso);
                        Some((i, n, h))
                    }
                    None => Some((i, i, h)),
                }
            }
            Some(h) => Some((i, i, h)),
            None => {
                // A bare name followed by a timestamp line. (The line's facts hold its trimmed span; the
                // cheap tests go first.)
                let t = &line[facts[i].lead..facts[i].lead + facts[i].len];
                let name_like = next.is_some()
                    && facts[i].words_at_most(4)
                    && !t.contains(['.', ','])
                    && looks_like_commenter(t);
                match next
                    .filter(|_| name_like)
                    .and_then(|n| only_timestamp(content(n), &facts[n]).map(|iso| (n, iso)))
                {
                    Some((n, iso)) => Some((
                        i,
                        n,
                        Header { author: t.to_owned(), place: None, posted: Some(iso), time_follows: false },
                    )),
                    _ => None,
                }
            }
        };
        match found {
            Some((a, b, mut h)) => {
                // "12. NAME" above a header that repeats the name: the numbered line belongs to the header,
                // and its name tells where the author ends (names may contain commas).
                let mut first = a;
                if let Some(prev) = k.checked_sub(1).map(|p| non_blank[p])
                    && let Some(name) = numbered_name(content(prev))
                    && line.trim().starts_with(name)
                    && headers.last().is_none_or(|(_, last, _)| *last < prev)
                {
                    first = prev;
                    let t = line.trim();
                    if h.place.is_some()
                        && let Some((cut, _, _)) = line_timestamp(line, &facts[i])
                    {
                        h.author = t[..cut].trim().trim_end_matches(',').trim().to_owned();
                        h.place = None;
                    }
                }
                let step = non_blank.binary_search(&b).unwrap_or(k) + 1;
                let before_article = first <= first_body;
                let comment_shaped = {
                    let head = content(first).trim();
                    first < a
                        || head.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by:"))
                            && head.to_ascii_lowercase().contains(" from:")
                };
                if !before_article || comment_shaped {
                    headers.push((first, b, h));
                }
                k = step;
            }
            None => k += 1,
        }
    }
    if headers.is_empty() {
        return Vec::new();
    }
    // A thread needs an announcement before it, a header of a comment-only shape, or two headers.
    let announced = (first_body.min(headers[0].0)..headers[0].0).any(|i| {
        kinds[i].0 == SectionKind::Furniture
            && kinds[i].1.as_deref().is_some_and(|r| r.starts_with(super::COMMENT_THREAD))
    });
    let strong = {
        let t = content(headers[0].1).trim();
        let h = content(headers[0].0).trim();
        h.to_ascii_lowercase().starts_with("by:") || t.to_ascii_lowercase().contains(" says:")
    };
    if !(announced || strong || headers.len() >= 2) {
        return Vec::new();
    }
    let indent = |i: usize| {
        let l = content(i);
        l.len() - l.trim_start().len()
    };
    let mut levels: Vec<usize> = headers.iter().map(|(_, b, _)| indent(*b)).collect();
    levels.sort_unstable();
    levels.dedup();

    let mut comments: Vec<Comment> = Vec::new();
    let mut reply_next = false;
    for (n, (first, last, h)) in headers.iter().enumerate() {
        let limit = headers.get(n + 1).map_or(lines.len(), |(f, _, _)| *f);
        for kind in &mut kinds[*first..=*last] {
            *kind = (SectionKind::Comment, None);
        }
        // An "In Response" marker at the end of the previous comment makes this one a reply.
        let marked_reply = std::mem::take(&mut reply_next);
        let mut paragraphs = Vec::new();
        let mut replying_to: Option<String> = None;
        let mut end_of_thread = false;
        for i in last + 1..limit {
            let line = content(i);
            if facts[i].is_blank() {
                continue;
            }
            if ends_thread(line, &facts[i]) {
                end_of_thread = true;
                break;
            }
            if reply_marker(line) && i + 1 < limit && (i + 1..limit).all(|j| content(j).trim().is_empty()) {
                // "In Response" just above the next header.
                reply_next = true;
                kinds[i] = (SectionKind::Furniture, Some("comment controls".to_owned()));
                continue;
            }
            if control_line(line) {
                kinds[i] = (SectionKind::Furniture, Some("comment controls".to_owned()));
                continue;
            }
            // Whitespace around the line counts towards its length there, so only a trimmed line can reuse
            // the phrase its facts hold.
            let phrase = if facts[i].lead == 0 && facts[i].len == line.len() {
                facts[i].phrase(line)
            } else {
                furniture_phrase(line, facts[i].first_word)
            };
            if let Some(p) = phrase {
                kinds[i] = (SectionKind::Furniture, Some(p.reason.clone()));
                continue;
            }
            // "In reply to NAME." opening a comment: the system's note of whom it answers.
            if paragraphs.is_empty()
                && let Some(name) = in_reply_to(line)
            {
                replying_to = Some(name.to_owned());
                kinds[i] = (SectionKind::Furniture, Some("comment controls".to_owned()));
                continue;
            }
            kinds[i] = (SectionKind::Comment, None);
            let lead = line.len() - line.trim_start().len();
            let start = (lines[i].start + lead) as u32;
            paragraphs.push((start, start + line.trim().len() as u32));
        }
        let by_indent =
            if levels.len() > 1 { levels.iter().position(|&l| l == indent(*last)).unwrap_or(0) } else { 0 };
        let mut depth = by_indent as u32;
        let mut reply_to = None;
        if marked_reply && depth == 0 {
            depth = 1;
        }
        // "@NAME" opening the text, or an "In reply to NAME" note, answers NAME's latest comment.
        let named = replying_to.or_else(|| {
            let &(s, _) = paragraphs.first()?;
            let rest = text[s as usize..].strip_prefix('@')?;
            // The longest earlier author the mention starts with ("@Dan Whitcomb she said").
            comments
                .iter()
                .filter_map(|c| c.author.as_deref())
                .filter(|a| rest.starts_with(a) && !rest[a.len()..].starts_with(char::is_alphanumeric))
                .max_by_key(|a| a.len())
                .map(str::to_owned)
        });
        if let Some(named) = named
            && let Some(target) = comments.iter().rposition(|c| c.author.as_deref() == Some(named.as_str()))
        {
            reply_to = Some(target as u32);
            depth = depth.max(comments[target].depth + 1);
        }
        if reply_to.is_none() && depth > 0 {
            reply_to = comments.iter().rposition(|c| c.depth + 1 == depth).map(|p| p as u32);
            if reply_to.is_none() {
                depth = 0;
            }
        }
        let header_span = {
            let (a, b) = (lines[*first], lines[*last]);
            let lead = content(*first).len() - content(*first).trim_start().len();
            ((a.start + lead) as u32, b.end as u32)
        };
        comments.push(Comment {
            author: Some(h.author.clone()),
            place: h.place.clone(),
            posted: h.posted.clone(),
            header: header_span,
            paragraphs,
            depth,
            reply_to,
        });
        if end_of_thread {
            break;
        }
    }
    comments
}
