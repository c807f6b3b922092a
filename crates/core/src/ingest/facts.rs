//! What the line tests share, worked out once per line.
//!
//! Classifying a line runs a dozen tests on it, and the header, pull-quote, standfirst, comment and
//! metadata passes run more. Most of them ask the same few questions about the whole line: how many
//! words it has, whether it ends a sentence, what its first word is, whether some mark (a digit, a bar,
//! a bullet, a colon) is in it, which dates it prints. Asked by each test, every question read the line
//! again; here each line is read once, when the page is split into lines, and the tests look the answers
//! up. The answers are exactly what the string functions they replace would give: the tests keep those
//! functions for the pieces of lines they look at.

use std::cell::OnceCell;

use super::{FurniturePhrase, Line, count_words, ends_sentence, first_word_flags, furniture_phrase};
use crate::dates::{DateMention, find_dates};

/// More words than any test asks about (the largest threshold is 60): a line's count stops here.
const WORD_CAP: usize = 64;

/// Marks a line may contain, as bits of [`LineFacts::marks`].
pub(super) mod mark {
    pub const DIGIT: u16 = 1;
    pub const BAR: u16 = 1 << 1;
    pub const SLASH: u16 = 1 << 2;
    pub const GREATER: u16 = 1 << 3;
    pub const COLON: u16 = 1 << 4;
    /// A byte 0xC2 or 0xE2: the lead bytes of '»', '·', '©' and of '›', '•', '—', '–', curly quotes.
    pub const LEAD_C2: u16 = 1 << 5;
    pub const LEAD_E2: u16 = 1 << 6;
    /// '›'
    pub const SINGLE_GUILLEMET: u16 = 1 << 7;
    /// '»'
    pub const GUILLEMET: u16 = 1 << 8;
    /// '•'
    pub const BULLET: u16 = 1 << 9;
    /// '·'
    pub const MIDDLE_DOT: u16 = 1 << 10;
    /// '©'
    pub const COPYRIGHT: u16 = 1 << 11;
}

/// The class of each byte in [`LineFacts::marks`]: the mark it is, or a lead byte to look past.
const BYTE_MARKS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut d = b'0';
    while d <= b'9' {
        t[d as usize] = mark::DIGIT;
        d += 1;
    }
    t[b'|' as usize] = mark::BAR;
    t[b'/' as usize] = mark::SLASH;
    t[b'>' as usize] = mark::GREATER;
    t[b':' as usize] = mark::COLON;
    t[0xC2] = mark::LEAD_C2;
    t[0xE2] = mark::LEAD_E2;
    t
};

/// The marks of `bytes`, in one pass.
fn marks_of(bytes: &[u8]) -> u16 {
    let mut marks = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let m = BYTE_MARKS[usize::from(b)];
        marks |= m;
        if m & (mark::LEAD_C2 | mark::LEAD_E2) != 0 {
            let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
            marks |= match (b, next(1), next(2)) {
                (0xC2, 0xBB, _) => mark::GUILLEMET,
                (0xC2, 0xB7, _) => mark::MIDDLE_DOT,
                (0xC2, 0xA9, _) => mark::COPYRIGHT,
                (0xE2, 0x80, 0xBA) => mark::SINGLE_GUILLEMET,
                (0xE2, 0x80, 0xA2) => mark::BULLET,
                _ => 0,
            };
        }
    }
    marks
}

/// The facts of one line. Offsets are relative to the line's content (`Line::start..Line::end`).
#[derive(Debug)]
pub(super) struct LineFacts {
    /// The line without its leading and trailing whitespace is `lead..lead + len` of its content.
    pub lead: usize,
    pub len: usize,
    /// The number of words, as [`super::words`] counts them, up to [`WORD_CAP`].
    words: usize,
    /// Whether the line ends as a sentence does ([`super::ends_sentence`]).
    pub ends_sentence: bool,
    /// The [`mark`]s in the (trimmed) line.
    marks: u16,
    /// Which first-word sets the line's first word is in ([`super::first_word_flags`]).
    pub first_word: u8,
    /// The dates the line prints ([`find_dates`] of its content), worked out when first asked for.
    dates: OnceCell<Vec<DateMention>>,
    /// The furniture phrase the trimmed line is, worked out when first asked for.
    phrase: OnceCell<Option<&'static FurniturePhrase>>,
}

impl LineFacts {
    fn new(content: &str) -> Self {
        let trimmed_start = content.trim_start();
        let lead = content.len() - trimmed_start.len();
        let t = trimmed_start.trim_end();
        LineFacts {
            lead,
            len: t.len(),
            words: count_words(t, WORD_CAP),
            ends_sentence: ends_sentence(t),
            marks: marks_of(t.as_bytes()),
            first_word: if t.is_empty() { 0 } else { first_word_flags(t) },
            dates: OnceCell::new(),
            phrase: OnceCell::new(),
        }
    }

    /// Whether the line is blank.
    pub fn is_blank(&self) -> bool {
        self.len == 0
    }

    /// `words_at_most(line, n)`.
    pub fn words_at_most(&self, n: usize) -> bool {
        debug_assert!(n < WORD_CAP);
        self.words <= n
    }

    /// `count_words(line, limit)`.
    pub fn words_up_to(&self, limit: usize) -> usize {
        debug_assert!(limit <= WORD_CAP);
        self.words.min(limit)
    }

    /// Whether any of `marks` is in the line.
    pub fn has(&self, marks: u16) -> bool {
        self.marks & marks != 0
    }

    /// `find_dates(content)`, where `content` is the line's content.
    pub fn dates(&self, content: &str) -> &[DateMention] {
        self.dates.get_or_init(|| if self.has(mark::DIGIT) { find_dates(content) } else { Vec::new() })
    }

    /// `furniture_phrase(trimmed)`, where `trimmed` is the line without surrounding whitespace.
    pub fn phrase(&self, trimmed: &str) -> Option<&'static FurniturePhrase> {
        *self.phrase.get_or_init(|| furniture_phrase(trimmed, self.first_word))
    }
}

/// The facts of every line of `text`.
pub(super) fn of_lines(text: &str, lines: &[Line]) -> Vec<LineFacts> {
    lines.iter().map(|l| LineFacts::new(&text[l.start..l.end])).collect()
}
