//! Tokens and sentences: the first stage of the language layer.
//!
//! [`segment`] splits a run of text into [`Token`]s and [`Sentence`]s, each a span of byte offsets, so
//! every later stage (entities, quotes, events) can point back into the document.
//!
//! # Design
//!
//! Words come from the Unicode word boundaries of UAX #29 (the `unicode-segmentation` crate), which
//! already keep `3.5`, `1,000`, `don't` and `U.S` (without its last full stop) in one piece, in every
//! script. Whitespace is dropped; runs of `.`, `?`, `!` and `…` are merged into one token, so `?!` and
//! `...` are single tokens.
//!
//! Sentences are *not* UAX #29 sentence breaks: those split after every "Mr." and "U.S.", which in news
//! text is most of them. Instead a sentence ends only at a terminator token, and whether a terminator ends
//! the sentence is decided by the words on either side of it:
//!
//! - **Closing marks.** Quote marks and `)` `]` `}` written right after a terminator (no space between),
//!   and further terminators after them, belong to the sentence that ends there: `."`, `.”`, `?’`, `!")`.
//!   A quote that runs over several sentences is still split into those sentences; which sentences are
//!   quoted is decided by a later stage.
//! - **`?` and `!`** (and runs such as `?!`) end the sentence unless the next word starts with a lowercase
//!   letter (`"Why?" he asked.`).
//! - **Ellipses** (`...`, `…`) end the sentence only when the next word starts with a capital letter; an
//!   ellipsis before a lowercase word or a number marks words left out.
//! - **A full stop** ends the sentence unless
//!   - the next word starts with a lowercase letter, or the next mark is `,` `;` `:` (an abbreviation
//!     that is not in the table, such as `approx., `);
//!   - the word before it is a *title* in `data/abbreviations.tsv` (`Mr.`, `Gen.`, `Sen.`): these never
//!     end a sentence;
//!   - the word before it is a *numeric* abbreviation (`No.`) and a number follows (`No. 10`);
//!   - the word before it is another abbreviation of the table (`Inc.`, `St.`, `Jan.`, `etc.`), a dotted
//!     acronym or initials (`U.S.`, `E.U.`, `J.F.`, `a.m.`), or a single capital letter (`J. Kennedy`):
//!     then it ends the sentence only when the next word is one of a few capitalised words that commonly
//!     start a sentence ([`SENTENCE_STARTERS`]: The, A, He, It, But, In, This, ...). So "in the U.S. The
//!     next day" splits, "the U.S. Senate" and "St. Louis" do not. This is a guess: "in the U.S. Congress
//!     met" stays one sentence, as does "in the U.S. Mr. Biden said".
//! - **Glued marks.** A terminator with a mark written right after it (`U.S.-led`) ends nothing.
//! - **A paragraph break** (a blank line) always ends a sentence, punctuated or not.
//! - **Datelines.** A story's opening dateline, capitalised words up to a dash or bullet set off by a
//!   space (`MOSCOW (Reuters) -`, `ST. LOUIS, Mo. —`, `LONDON, Jan. 5 (AFP) -`, `MOSCOW •`), never ends a
//!   sentence: it belongs to the first one.
//!
//! Whitespace between sentences belongs to none: a sentence starts at its first token and ends at its
//! last, so it never starts or ends with whitespace. Text with no final terminator still ends a sentence.
//!
//! # Limits
//!
//! English rules on Unicode words: other languages get words and `?` `!` `.` breaks but no abbreviation
//! table. Abbreviations match case-sensitively (`MR.` is not `Mr.`). A numbered list item (`1. The`) is a
//! sentence of its own. Text glued together without a space (`end.The`) is one word, as UAX #29 says.
//! Offsets are `u32` like every span of a [`crate::Document`]; past 4 GiB they saturate.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// A word, number or mark: `start..end` are byte offsets (plus the `base` given to [`segment`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with digits and inner marks: `Lagarde`, `don't`, `U.S`, `2nd`, `日`.
    Word,
    /// Digits with their separators and no letters: `3.5`, `1,000`, `2026`.
    Number,
    /// Any other mark or symbol: `.`, `?!`, `...`, `$`, `-`, `(`.
    Punct,
    /// A straight or curly quote mark, single or double, or a guillemet: `"` `'` `“` `”` `‘` `’` `«` `»`.
    /// An apostrophe written apart from a word (`Jones’`) is one too.
    Quote,
}

/// A sentence: `start..end` are byte offsets (plus `base`) from its first token's start to its last
/// token's end; `tokens` are indices into the token list [`segment`] returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    pub tokens: Range<u32>,
}

/// Capitalised words that commonly start a sentence: after an abbreviation or a dotted acronym, a full
/// stop ends the sentence only before one of these (see the module documentation). Kept short on
/// purpose: each word here must be rare right after "U.S." or "Inc." inside a sentence.
pub const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "But", "And", "In", "On", "At", "This", "That",
    "These", "Those", "His", "Her", "Its", "Their",
];

/// Splits `text` (one paragraph or a run of text) into tokens and sentences. `base` is added to every
/// offset, so callers can pass a section's text and get offsets into the whole document.
///
/// Every token lies inside exactly one sentence; tokens and sentences are in text order and do not
/// overlap. Empty or blank text gives no tokens and no sentences.
pub fn segment(text: &str, base: u32) -> (Vec<Token>, Vec<Sentence>) {
    let spans = tokenize(text);
    let ends = sentence_ends(text, &spans);
    let offset = |at: usize| base.saturating_add(u32::try_from(at).unwrap_or(u32::MAX));
    let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut sentences = Vec::with_capacity(ends.len());
    let mut first = 0;
    for end in ends {
        if let (Some(a), Some(b)) = (spans.get(first), spans.get(end.wrapping_sub(1))) {
            sentences.push(Sentence {
                start: offset(a.start),
                end: offset(b.end),
                tokens: index(first)..index(end),
            });
        }
        first = end;
    }
    let tokens =
        spans.iter().map(|s| Token { start: offset(s.start), end: offset(s.end), kind: s.kind }).collect();
    (tokens, sentences)
}

/// A token with offsets into the text being segmented.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    kind: TokenKind,
}

/// The word and number tokens of `text`, in order, as byte spans (plus `base`): those [`segment`] gives,
/// without finding sentences. Lazy, so a caller that needs only the first few reads no further.
pub fn words(text: &str, base: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
    let offset = move |at: usize| base.saturating_add(u32::try_from(at).unwrap_or(u32::MAX));
    // Runs of terminators, which `tokenize` joins, are marks: words are the same either way.
    pieces(text)
        .filter(|(_, piece)| matches!(classify(piece), TokenKind::Word | TokenKind::Number))
        .map(move |(start, piece)| (offset(start), offset(start + piece.len())))
}

/// The word-boundary segments of `text` that are not blank, trimmed, with their start.
fn pieces(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices().filter_map(|(at, segment)| {
        // A combining mark after a space joins the space's segment (UAX #29 rule WB4): trim the space.
        let trimmed = segment.trim_start();
        let start = at + (segment.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        (!trimmed.is_empty()).then_some((start, trimmed))
    })
}

fn tokenize(text: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::with_capacity(text.len() / 5);
    for (start, trimmed) in pieces(text) {
        let end = start + trimmed.len();
        if is_terminator(trimmed)
            && let Some(last) = spans.last_mut()
            && last.end == start
            && is_terminator(&text[last.start..last.end])
        {
            last.end = end;
            continue;
        }
        spans.push(Span { start, end, kind: classify(trimmed) });
    }
    spans
}

fn classify(segment: &str) -> TokenKind {
    if segment.chars().all(is_quote) {
        TokenKind::Quote
    } else if segment.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if segment.chars().any(char::is_numeric) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '‹' | '›')
}

/// A run of sentence-ending marks: `.`, `?`, `!`, `…`, their combinations and their CJK full-width forms.
fn is_terminator(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '？' | '！'))
}

/// For each sentence, one past the index of its last token; the last entry is `spans.len()`.
fn sentence_ends(text: &str, spans: &[Span]) -> Vec<usize> {
    let at = |i: usize| &text[spans[i].start..spans[i].end];
    let dateline = dateline_end(text, spans);
    let mut ends = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let mut last = i;
        let mut ends_here = false;
        if spans[i].kind == TokenKind::Punct && is_terminator(at(i)) {
            // Closing quotes and brackets, and any further terminators, written against the terminator.
            while let Some(next) = spans.get(last + 1)
                && next.start == spans[last].end
                && (next.kind == TokenKind::Quote
                    || matches!(at(last + 1), ")" | "]" | "}")
                    || (next.kind == TokenKind::Punct && is_terminator(at(last + 1))))
            {
                last += 1;
            }
            ends_here = terminator_ends_sentence(text, spans, i, last);
        }
        if let Some(next) = spans.get(last + 1) {
            ends_here |= is_paragraph_break(&text[spans[last].end..next.start]);
        }
        if dateline.is_some_and(|d| last <= d) {
            ends_here = false;
        }
        if ends_here {
            ends.push(last + 1);
        }
        i = last + 1;
    }
    if ends.last() != Some(&spans.len()) && !spans.is_empty() {
        ends.push(spans.len());
    }
    ends
}

/// Whether the terminator at `term` (followed by closing marks up to `last`) ends its sentence.
fn terminator_ends_sentence(text: &str, spans: &[Span], term: usize, last: usize) -> bool {
    let at = |s: &Span| &text[s.start..s.end];
    let mark = at(&spans[term]);
    let after = spans.get(last + 1);
    // The next word or number, past opening quotes and brackets.
    let next =
        spans[last + 1..].iter().find(|s| s.kind != TokenKind::Quote && !matches!(at(s), "(" | "[" | "{"));
    let next_word = next.filter(|s| s.kind != TokenKind::Punct).map(at);
    let next_lowercase = next_word.and_then(|w| w.chars().next()).is_some_and(char::is_lowercase);
    let next_capital = next_word.and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
    let next_starter = next.is_none() || next_word.is_some_and(|w| SENTENCE_STARTERS.contains(&w));

    // A mark written against the terminator continues the sentence: `U.S.-led`, `Yahoo!-owned`.
    if after.is_some_and(|s| s.kind == TokenKind::Punct && s.start == spans[last].end) {
        return false;
    }

    if mark.contains(['?', '!', '‼', '⁇', '⁈', '⁉', '？', '！']) {
        return !next_lowercase;
    }
    if mark.contains('…') || mark.starts_with("..") {
        return after.is_none() || next_capital;
    }
    if next_lowercase || after.is_some_and(|s| matches!(at(s), "," | ";" | ":")) {
        return false;
    }
    let Some(before) = term.checked_sub(1).map(|b| &spans[b]) else { return true };
    if before.kind != TokenKind::Word || before.end != spans[term].start {
        return true;
    }
    let word = at(before);
    match abbreviations().get(word) {
        Some(AbbreviationKind::Title) => false,
        Some(AbbreviationKind::Numeric) => !after.is_some_and(|s| s.kind == TokenKind::Number),
        Some(AbbreviationKind::Other) => next_starter,
        None => {
            let mut chars = word.chars();
            let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
            if initial || word.contains('.') { next_starter } else { true }
        }
    }
}

/// A blank line (two line ends, or a paragraph separator) in the gap between two tokens.
fn is_paragraph_break(gap: &str) -> bool {
    gap.contains('\u{2029}') || gap.matches('\n').nth(1).is_some() || gap.matches('\r').nth(1).is_some()
}

/// The index of the dash or bullet that ends the opening dateline, if `spans` start with one: an
/// all-capitals word (`MOSCOW`, `ST`), then only capitalised words, numbers, `.` `,` `/` and bracketed
/// groups (`(Reuters)`), then a dash or bullet with a space on at least one side.
fn dateline_end(text: &str, spans: &[Span]) -> Option<usize> {
    const MAX_TOKENS: usize = 24;
    let at = |s: &Span| &text[s.start..s.end];
    let first = at(spans.first()?);
    if first.chars().count() < 2 || !first.chars().all(|c| c.is_alphabetic() && !c.is_lowercase()) {
        return None;
    }
    let mut depth = 0u32;
    for (i, span) in spans.iter().enumerate().take(MAX_TOKENS).skip(1) {
        let s = at(span);
        if depth > 0 {
            match s {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            continue;
        }
        match span.kind {
            TokenKind::Word if s.chars().next().is_some_and(char::is_uppercase) => {}
            TokenKind::Number => {}
            TokenKind::Punct => match s {
                "(" => depth = 1,
                "." | "," | "/" => {}
                "-" | "--" | "–" | "—" | "•" | "·" | "|" => {
                    let spaced_before = spans[i - 1].end < span.start;
                    let spaced_after = spans.get(i + 1).is_none_or(|n| span.end < n.start);
                    return (spaced_before || spaced_after).then_some(i);
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbreviationKind {
    /// Comes before a name and never ends a sentence.
    Title,
    /// Ends a sentence only before a sentence starter.
    Other,
    /// An abbreviation only before a number.
    Numeric,
}

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");

/// The first position at or after `from` where `bytes` holds one of `targets`, each byte compared after
/// setting the bits of `fold` in it (`0x20` folds ASCII capitals to small letters; `0` compares exactly).
///
/// The engine's scanners look for a few bytes in every line of every page (line breaks, the letters
/// every relative-date word has, the rarest letter of a phrase): this tests eight bytes at a time with
/// integer arithmetic (a zero byte of `x ^ t` is a byte equal to `t`; the lowest flag the zero-byte test
/// raises is always a true one), then the last few bytes one by one.
pub(crate) fn find_byte<const N: usize>(
    bytes: &[u8],
    from: usize,
    fold: u8,
    targets: [u8; N],
) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let fold_all = u64::from(fold) * ONES;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk) | fold_all;
        let mut hits = 0;
        for t in targets {
            let v = x ^ (u64::from(t) * ONES);
            hits |= v.wrapping_sub(ONES) & !v & HIGH;
        }
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&b| targets.contains(&(b | fold))).map(|p| i + p)
}

/// The first position at or after `from` where `bytes` holds an ASCII digit, eight bytes at a time as
/// [`find_byte`] does: with the high bit of each byte cleared (so that no sum carries into the next
/// byte), adding `0x80 - n` sets the high bit of the bytes from `n` up, and a digit is a byte from `0`
/// up but not from the byte after `9` up, that had no high bit to begin with.
pub(crate) fn find_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        let low = x & !HIGH;
        let from_zero = low.wrapping_add((0x80 - u64::from(b'0')) * ONES);
        let past_nine = low.wrapping_add((0x80 - u64::from(b'9') - 1) * ONES);
        let digits = from_zero & !past_nine & !x & HIGH;
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(u8::is_ascii_digit).map(|p| i + p)
}

/// Whether `word` (without its final full stop: `St`, `Jan`, `Mr`) is in the abbreviation table.
pub fn is_abbreviation(word: &str) -> bool {
    abbreviations().contains_key(word)
}

/// The abbreviation table, keyed by the form without its final full stop (`Mr`, `e.g`), as UAX #29
/// words come.
fn abbreviations() -> &'static HashMap<&'static str, AbbreviationKind> {
    static TABLE: OnceLock<HashMap<&'static str, AbbreviationKind>> = OnceLock::new();
    TABLE.get_or_init(|| parse_abbreviations(ABBREVIATIONS))
}

/// Parses the tab-separated table; lines starting with `#` are comments. Malformed lines are skipped (the
/// built-in table is checked by a test).
fn parse_abbreviations(tsv: &str) -> HashMap<&str, AbbreviationKind> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let (form, kind) = line.split_once('\t')?;
            let kind = match kind.trim() {
                "title" => AbbreviationKind::Title,
                "abbrev" => AbbreviationKind::Other,
                "numeric" => AbbreviationKind::Numeric,
                _ => return None,
            };
            Some((form.trim().strip_suffix('.')?, kind))
        })
        .collect()
}

#[cfg(test)]
mod tests;
