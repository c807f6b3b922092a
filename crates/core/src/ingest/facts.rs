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
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::{
    FurniturePhrase, Line, PHOTO_CREDIT_MARKS, count_words, ends_sentence, first_word_flags, furniture_phrase,
};
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

/// The marks of `bytes`, in one pass. Runs of eight ASCII bytes without a byte from '/' to '>' (digits,
/// ':', '>', '/') or a '|', most of running text, are skipped at once.
fn marks_of(bytes: &[u8]) -> u16 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut marks = 0;
    let mut from = 0;
    while let Some(chunk) = bytes.get(from..from + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        if x & HIGH == 0 {
            // For ASCII bytes, adding 0x80 - n sets the high bit of the bytes from n up.
            let from_slash = x.wrapping_add((0x80 - u64::from(b'/')) * ONES);
            let from_question = x.wrapping_add((0x80 - u64::from(b'?')) * ONES);
            let bar = x ^ (u64::from(b'|') * ONES);
            let bars = bar.wrapping_sub(ONES) & !bar;
            if (from_slash & !from_question | bars) & HIGH == 0 {
                from += 8;
                continue;
            }
            // ASCII with a mark: which marks, at once (no lead byte to look past).
            let digits = x.wrapping_add((0x80 - u64::from(b'0')) * ONES)
                & !x.wrapping_add((0x80 - u64::from(b'9') - 1) * ONES);
            let has = |c: u8| {
                let v = x ^ (u64::from(c) * ONES);
                v.wrapping_sub(ONES) & !v & HIGH != 0
            };
            let flag = |set: bool, m: u16| if set { m } else { 0 };
            marks |= flag(digits & HIGH != 0, mark::DIGIT)
                | flag(bars & HIGH != 0, mark::BAR)
                | flag(has(b'/'), mark::SLASH)
                | flag(has(b'>'), mark::GREATER)
                | flag(has(b':'), mark::COLON);
            from += 8;
            continue;
        }
        marks |= marks_at(bytes, from, from + 8);
        from += 8;
    }
    marks | marks_at(bytes, from, bytes.len())
}

/// The marks of the characters that start in `bytes[from..to]` (a character may end past `to`).
fn marks_at(bytes: &[u8], from: usize, to: usize) -> u16 {
    let mut marks = 0;
    for (i, &b) in bytes.iter().enumerate().take(to).skip(from) {
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

/// Pieces of text the copyright, print-edition and contribution tests look for anywhere in a line, as
/// bits of [`Pieces::found`].
pub(super) mod piece {
    /// "eserved" or "ESERVED" ("All rights reserved").
    pub const RESERVED: u8 = 1;
    pub const MAY_NOT_BE: u8 = 1 << 1;
    pub const PERMITTED: u8 = 1 << 2;
    /// "dition" ("the print edition of").
    pub const EDITION: u8 = 1 << 3;
    /// "ontribut" ("contributed to this report").
    pub const CONTRIBUTED: u8 = 1 << 4;
}

/// The pieces, with their bits; the photo credit marks follow them in the automaton.
const PIECES: [(&str, u8); 6] = [
    ("eserved", piece::RESERVED),
    ("ESERVED", piece::RESERVED),
    ("may not be", piece::MAY_NOT_BE),
    ("ermitted provided", piece::PERMITTED),
    ("dition", piece::EDITION),
    ("ontribut", piece::CONTRIBUTED),
];

/// The automaton over the [`PIECES`] and then the [`PHOTO_CREDIT_MARKS`], in that order.
fn patterns() -> impl Iterator<Item = &'static str> {
    PIECES.iter().map(|(p, _)| *p).chain(PHOTO_CREDIT_MARKS)
}

fn pieces_and_marks() -> Option<&'static AhoCorasick> {
    static AUTOMATON: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AUTOMATON
        .get_or_init(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostFirst)
                .build(patterns())
                .ok()
        })
        .as_ref()
}

/// What one search of a line found of the [`PIECES`] and the [`PHOTO_CREDIT_MARKS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Pieces {
    found: u8,
    /// Where the last photo credit mark in the line starts.
    pub last_photo_mark: Option<usize>,
}

impl Pieces {
    /// Whether any of the [`piece`]s is in the line.
    pub fn has(&self, pieces: u8) -> bool {
        self.found & pieces != 0
    }

    /// Every piece and mark in `line`, from one search for all of them (a few tests would otherwise each
    /// search the whole line for their own). Overlapping occurrences count ("editiontributed" has two
    /// pieces). Ingest finds them for the whole page at once ([`of_lines`]); this is that for one line.
    #[cfg(test)]
    pub(in crate::ingest) fn of(line: &str) -> Self {
        let mut pieces = Pieces::default();
        match pieces_and_marks() {
            Some(ac) => each_occurrence(ac, line, |start, pattern| pieces.add(start, pattern)),
            None => pieces = Pieces::without_automaton(line),
        }
        pieces
    }

    /// Notes an occurrence of pattern `pattern` of the automaton at byte `start` of the line.
    fn add(&mut self, start: usize, pattern: usize) {
        match PIECES.get(pattern) {
            Some(&(_, bit)) => self.found |= bit,
            None => self.last_photo_mark = self.last_photo_mark.max(Some(start)),
        }
    }

    /// [`Pieces::of`] by searching for each pattern in turn, should the automaton not build.
    fn without_automaton(line: &str) -> Self {
        let mut pieces = Pieces::default();
        for (p, bit) in PIECES {
            if line.contains(p) {
                pieces.found |= bit;
            }
        }
        pieces.last_photo_mark = PHOTO_CREDIT_MARKS.iter().filter_map(|m| line.rfind(m)).max();
        pieces
    }
}

/// Calls `f` with the start and the pattern of every occurrence of the automaton's patterns in `text`, in
/// order. No pattern opens another (a test checks), so at most one matches at each place: taking the
/// leftmost match, then searching on from the byte after its start, visits every occurrence, and lets
/// the automaton's prefilter skip the text between them (an overlapping search cannot, and costs several
/// times more).
fn each_occurrence(ac: &AhoCorasick, text: &str, mut f: impl FnMut(usize, usize)) {
    let mut at = 0;
    while let Some(m) = ac.find(Input::new(text).span(at..text.len())) {
        f(m.start(), m.pattern().as_usize());
        at = m.start() + 1;
    }
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
    /// The pieces and photo credit marks in the trimmed line (found for the whole page at once).
    pieces: Pieces,
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
            pieces: Pieces::default(),
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

    /// The [`Pieces`] of the line without surrounding whitespace.
    pub fn markers(&self) -> Pieces {
        self.pieces
    }

    /// `furniture_phrase(trimmed)`, where `trimmed` is the line without surrounding whitespace.
    pub fn phrase(&self, trimmed: &str) -> Option<&'static FurniturePhrase> {
        *self.phrase.get_or_init(|| furniture_phrase(trimmed, self.first_word))
    }
}

/// The facts of every line of `text`.
///
/// The [`Pieces`] of every line come from one search of the whole text (one call of the automaton per
/// line cost more than the search itself on lines of ordinary length). No pattern holds a line break or
/// opens or ends with whitespace, so each occurrence lies inside one trimmed line, and the occurrences
/// in a line are those a search of that line finds.
pub(super) fn of_lines(text: &str, lines: &[Line]) -> Vec<LineFacts> {
    let mut facts: Vec<LineFacts> = lines.iter().map(|l| LineFacts::new(&text[l.start..l.end])).collect();
    match pieces_and_marks() {
        Some(ac) => {
            let mut k = 0;
            each_occurrence(ac, text, |start, pattern| {
                while lines.get(k).is_some_and(|l| l.end <= start) {
                    k += 1;
                }
                if let (Some(line), Some(f)) = (lines.get(k), facts.get_mut(k)) {
                    f.pieces.add(start - line.start - f.lead, pattern);
                }
            });
        }
        None => {
            for (line, f) in lines.iter().zip(&mut facts) {
                f.pieces = Pieces::without_automaton(&text[line.start + f.lead..line.start + f.lead + f.len]);
            }
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_piece_or_mark_opens_another() {
        // `Pieces::of` finds every occurrence only if at most one pattern matches at each place.
        let all: Vec<&str> = patterns().collect();
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert!(i == j || !b.starts_with(a), "{a:?} opens {b:?}");
            }
        }
        assert!(pieces_and_marks().is_some());
    }

    #[test]
    fn overlapping_pieces_and_marks_are_all_found() {
        let p = Pieces::of("the editiontributed X/AFP/Y photo");
        assert!(p.has(piece::EDITION) && p.has(piece::CONTRIBUTED));
        // "/AFP" at 21 and "AFP/" at 22.
        assert_eq!(p.last_photo_mark, Some(22));
        let none = Pieces::of("nothing to see here");
        assert!(!none.has(u8::MAX) && none.last_photo_mark.is_none());
    }

    #[test]
    fn marks_eight_bytes_at_a_time_are_the_marks_byte_by_byte() {
        // Lines from an alphabet of every byte from '.' to '?', '|', letters, spaces and marked
        // characters, by a fixed pseudo-random sequence.
        let alphabet =
            ["a", "Z", " ", ".", "/", "0", "5", "9", ":", ";", "<", "=", ">", "?", "|", "é", "»", "›", "©"];
        let mut state = 12345u32;
        for _ in 0..3000 {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let len = (state >> 16) as usize % 40;
            let mut line = String::new();
            for _ in 0..len {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                line.push_str(alphabet[(state >> 16) as usize % alphabet.len()]);
            }
            let bytes = line.as_bytes();
            assert_eq!(marks_of(bytes), marks_at(bytes, 0, bytes.len()), "{line:?}");
        }
    }

    #[test]
    fn marks_and_word_counts_match_the_string_tests() {
        for line in [
            "Home | News › World » Sport • Weather · ©",
            "  plain words,\u{a0}here  ",
            "",
            "a:b/c>d 42",
            "A longer line of plain running text, then a bar | and later on 1 digit",
            "A longer line of plain running text, then a slash / and later on a colon:",
            "Eight by eight bytes of nothing at all to mark in it whatsoever, none",
        ] {
            let f = LineFacts::new(line);
            let t = line.trim();
            assert_eq!(f.has(mark::BAR), t.contains('|'));
            assert_eq!(f.has(mark::SINGLE_GUILLEMET), t.contains('›'));
            assert_eq!(f.has(mark::GUILLEMET), t.contains('»'));
            assert_eq!(f.has(mark::BULLET), t.contains('•'));
            assert_eq!(f.has(mark::MIDDLE_DOT), t.contains('·'));
            assert_eq!(f.has(mark::COPYRIGHT), t.contains('©'));
            assert_eq!(f.has(mark::COLON), t.contains(':'));
            assert_eq!(f.has(mark::DIGIT), t.bytes().any(|b| b.is_ascii_digit()));
            assert_eq!(f.words_up_to(WORD_CAP), t.split_whitespace().count());
            assert_eq!(f.is_blank(), t.is_empty());
        }
    }
}
