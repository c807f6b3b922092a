//! The table of news outlets and agencies, and finding their names in text.
//!
//! The table is data (`data/outlets.tsv`), compiled into the engine: a world list of agencies,
//! broadcasters, newspapers and sites with the names pages print for them. Which outlet published a page
//! is decided in [`crate::ingest`] from where these names occur (a wire dateline, a masthead, a footer),
//! not from how often.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// One outlet of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The name Parallax shows.
    pub name: String,
    /// `agency`, `broadcaster`, `newspaper`, `magazine` or `online`.
    pub kind: String,
    /// ISO 3166-1 alpha-2, or `intl`.
    pub country: String,
    pub aliases: Vec<String>,
}

/// The outlets and a matcher over all their aliases.
#[derive(Debug)]
pub struct OutletTable {
    pub outlets: Vec<Outlet>,
    matcher: AhoCorasick,
    /// For each pattern of `matcher`, the index of its outlet.
    pattern_outlet: Vec<usize>,
    /// Each alias, for lines that are nothing but a name (the first outlet wins where two share one).
    by_alias: std::collections::HashMap<String, usize>,
    /// Every byte an alias opens with. Text is mostly small letters, and few names open with one: most
    /// places are ruled out by this one lookup, before the pair of bytes is looked at.
    firsts: [bool; 256],
    /// Every pair of bytes an alias opens with, as a set of 65,536 bits. Names begin at few places in
    /// running text (mostly capitals), so most places are ruled out by one lookup here instead of a step
    /// of the automaton.
    openings: Box<[u64; 1024]>,
    /// The pairs that open an alias shorter than four bytes.
    short_openings: Box<[u64; 1024]>,
    /// The first four bytes of every longer alias, hashed into 65,536 bits: "the " and "The " open
    /// pairs that names open too ("theguardian.com", "The Times"), and are common.
    heads: Box<[u64; 1024]>,
    /// The longest alias, in bytes: a longer line cannot be a masthead.
    longest: usize,
}

/// An outlet name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutletMention {
    /// Index into [`OutletTable::outlets`].
    pub outlet: usize,
    pub start: usize,
    pub end: usize,
}

const TABLE: &str = include_str!("../data/outlets.tsv");

/// The built-in outlet table.
pub fn table() -> &'static OutletTable {
    static TABLE_CELL: OnceLock<OutletTable> = OnceLock::new();
    TABLE_CELL.get_or_init(|| OutletTable::parse(TABLE))
}

impl OutletTable {
    /// Parses the tab-separated table; lines starting with `#` are comments. Malformed lines are skipped
    /// (the built-in table is checked by a test).
    pub fn parse(tsv: &str) -> Self {
        let mut outlets = Vec::new();
        for line in tsv.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if let [name, kind, country, aliases] = cols[..] {
                outlets.push(Outlet {
                    name: name.to_owned(),
                    kind: kind.to_owned(),
                    country: country.to_owned(),
                    aliases: aliases.split('|').map(str::to_owned).filter(|a| !a.is_empty()).collect(),
                });
            }
        }
        let mut patterns = Vec::new();
        let mut pattern_outlet = Vec::new();
        let mut by_alias = std::collections::HashMap::new();
        for (i, outlet) in outlets.iter().enumerate() {
            for alias in &outlet.aliases {
                patterns.push(alias.clone());
                pattern_outlet.push(i);
                by_alias.entry(alias.clone()).or_insert(i);
            }
        }
        // A DFA, run anchored at the few places where a name can begin (see `find`): a few hundred names
        // make a small automaton.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds"));
        let mut openings = Box::new([0u64; 1024]);
        let mut short_openings = Box::new([0u64; 1024]);
        let mut heads = Box::new([0u64; 1024]);
        let mut longest = 0;
        let mut firsts = [false; 256];
        for p in &patterns {
            let b = p.as_bytes();
            if let Some(&first) = b.first() {
                firsts[usize::from(first)] = true;
            }
            // A name of one byte opens with that byte and anything after it.
            let seconds = match b.get(1) {
                Some(&second) => second..=second,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                let k = opening(b[0], second);
                set(&mut openings, k);
                if b.len() < 4 {
                    set(&mut short_openings, k);
                }
            }
            if let Some(head) = b.first_chunk::<4>() {
                set(&mut heads, head_key(*head));
            }
            longest = longest.max(b.len());
        }
        Self { outlets, matcher, pattern_outlet, by_alias, firsts, openings, short_openings, heads, longest }
    }

    /// Whether an alias may begin at byte `at` of `bytes`: its first two bytes open some alias, and
    /// either a short one or, by their hash, the first four bytes of a longer one. Never false where
    /// an alias begins.
    #[inline(always)]
    fn may_begin(&self, bytes: &[u8], at: usize) -> bool {
        if !self.firsts[usize::from(bytes[at])] {
            return false;
        }
        let pair = opening(bytes[at], bytes.get(at + 1).copied().unwrap_or(0));
        has(&self.openings, pair)
            && (has(&self.short_openings, pair)
                || bytes
                    .get(at..at + 4)
                    .is_some_and(|h| has(&self.heads, head_key([h[0], h[1], h[2], h[3]]))))
    }

    /// Whether some alias opens with bytes `a` and `b`.
    fn opens(&self, a: u8, b: u8) -> bool {
        has(&self.openings, opening(a, b))
    }

    /// Every outlet name in `text`, as whole words.
    ///
    /// The names are found leftmost-longest and without overlaps (the leftmost place where a name
    /// begins, the longest name there, then on from its end), and only then filtered to whole words.
    /// Rather than running the automaton over every byte, the search tries it, anchored, only where the
    /// bytes open some name: the same matches, at a fraction of the cost.
    pub fn find(&self, text: &str) -> Vec<OutletMention> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if !self.may_begin(bytes, at) {
                at += 1;
                continue;
            }
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            match self.matcher.find(input) {
                Some(m) => {
                    if whole_word(text, m.start(), m.end()) {
                        found.push(OutletMention {
                            outlet: self.pattern_outlet[m.pattern().as_usize()],
                            start: m.start(),
                            end: m.end(),
                        });
                    }
                    at = m.end().max(at + 1);
                }
                None => at += 1,
            }
        }
        found
    }

    /// The outlet a whole line names, when the line is nothing but one of its names (a masthead).
    pub fn exact(&self, line: &str) -> Option<usize> {
        let t = line.trim();
        let b = t.as_bytes();
        // Most lines are too long to be a name, or open as no name does: no need to hash them.
        if b.is_empty() || b.len() > self.longest || !self.opens(b[0], b.get(1).copied().unwrap_or(0)) {
            return None;
        }
        self.by_alias.get(t).copied()
    }
}

/// The index of a pair of bytes in [`OutletTable::openings`]. The helpers below are asked about every
/// byte of every page, and the engine is built for size, which would otherwise leave each a call.
#[inline(always)]
fn opening(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

/// The index of four bytes in [`OutletTable::heads`]: a multiplicative hash, the top 16 bits.
#[inline(always)]
fn head_key(head: [u8; 4]) -> usize {
    (u32::from_le_bytes(head).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

#[inline(always)]
fn has(bits: &[u64; 1024], k: usize) -> bool {
    bits[k >> 6] >> (k & 63) & 1 == 1
}

fn set(bits: &mut [u64; 1024], k: usize) {
    bits[k >> 6] |= 1 << (k & 63);
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_wide_and_well_formed() {
        let t = table();
        assert!(t.outlets.len() >= 150, "{} outlets", t.outlets.len());
        let data_lines = TABLE.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        assert_eq!(data_lines, t.outlets.len(), "a line of outlets.tsv does not have four columns");
        for country in ["US", "GB", "RU", "FR", "DE", "CN", "JP", "IN", "QA", "SG", "BR", "ZA", "NG"] {
            assert!(t.outlets.iter().any(|o| o.country == country), "no outlet from {country}");
        }
        assert!(t.outlets.iter().all(|o| !o.aliases.is_empty()));
    }

    #[test]
    fn finds_whole_names_longest_first() {
        let t = table();
        let text = "WASHINGTON (AP) - said the Associated Press, not APtly; RFA and Radio Free Asia";
        let names: Vec<&str> = t.find(text).iter().map(|m| t.outlets[m.outlet].name.as_str()).collect();
        assert_eq!(names, ["Associated Press", "Associated Press", "Radio Free Asia", "Radio Free Asia"]);
    }

    #[test]
    fn exact_line() {
        let t = table();
        assert_eq!(t.exact("  Deutsche Welle ").map(|i| t.outlets[i].name.as_str()), Some("Deutsche Welle"));
        assert_eq!(t.exact("Deutsche Welle reports"), None);
    }
}
