//! The table of news outlets and agencies, and finding their names in text.
//!
//! The table is data (`data/outlets.tsv`), compiled into the engine: a world list of agencies,
//! broadcasters, newspapers and sites with the names pages print for them. Which outlet published a page
//! is decided in [`crate::ingest`] from where these names occur (a wire dateline, a masthead, a footer),
//! not from how often.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

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
        // A DFA: every line of every page is searched, and a few hundred names make a small automaton.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds"));
        Self { outlets, matcher, pattern_outlet, by_alias }
    }

    /// Every outlet name in `text`, as whole words.
    pub fn find(&self, text: &str) -> Vec<OutletMention> {
        self.matcher
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| OutletMention {
                outlet: self.pattern_outlet[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            })
            .collect()
    }

    /// The outlet a whole line names, when the line is nothing but one of its names (a masthead).
    pub fn exact(&self, line: &str) -> Option<usize> {
        self.by_alias.get(line.trim()).copied()
    }
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
