//! Pieces: the units names are made of.
//!
//! Tokens (from [`crate::text::segment`]) are a little too fine for names: "U.S." is the word `U.S` and a
//! full stop, "al-Qaeda" and "G-20" are three tokens each, and "Merkel's" is one token with a possessive
//! that is not part of the name. A [`Piece`] joins a word with its abbreviation dot and with
//! hyphenated parts, and marks which part of it can be (part of) a name.

use crate::text::{Sentence, Token, TokenKind};

/// A word, number or mark, with the span of its name part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    /// The part that can belong to a name: the whole piece, less a possessive (`Merkel's` → `Merkel`),
    /// a lowercase prefix (`pro-Russian` → `Russian`) or a lowercase tail (`Beijing-backed` → `Beijing`).
    pub name_start: usize,
    pub name_end: usize,
    pub kind: TokenKind,
    /// The first piece of its sentence, or the first after an opening quote mark, a colon or a dash:
    /// a capital letter here says nothing about names.
    pub sentence_start: bool,
    /// The index of its sentence.
    pub sentence: u32,
    /// It ended in a possessive (`'s`, `’s`, or an apostrophe after `s`).
    pub possessive: bool,
    /// It is a hyphenated compound whose name part is not all of it: a name cannot go on past it.
    pub cut: bool,
}

impl Piece {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The name part's text.
    pub fn name<'a>(&self, text: &'a str) -> &'a str {
        &text[self.name_start..self.name_end]
    }

    /// The name part starts with a capital letter (or a digit inside a compound such as `G-20`).
    pub fn capitalised(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word || self.name_end <= self.name_start {
            return false;
        }
        let name = self.name(text);
        // A lowercase particle joined to a capitalised name: `al-Qaeda`, `bin-Laden`.
        name.chars().next().is_some_and(char::is_uppercase)
            || name
                .split_once('-')
                .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Prefixes written before a name with a hyphen: the name starts after them.
const NAME_PREFIXES: &[&str] =
    &["pro", "anti", "ex", "non", "post", "pre", "neo", "mid", "all", "pan", "trans"];

/// Builds the pieces of `text` from its tokens and sentences.
pub fn pieces(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(tokens.len());
    let at = |t: &Token| &text[t.start as usize..t.end as usize];
    for (s_index, sentence) in sentences.iter().enumerate() {
        let range = sentence.tokens.start as usize..(sentence.tokens.end as usize).min(tokens.len());
        let toks = &tokens[range];
        let mut i = 0;
        let mut first = true;
        while i < toks.len() {
            let t = toks[i];
            let mut end = t.end as usize;
            let mut j = i + 1;
            if t.kind == TokenKind::Word || t.kind == TokenKind::Number {
                // The abbreviation's or initial's own full stop: `U.S.`, `J.`, `Mr.`, `Jan.`.
                let word = at(&t);
                let dotted = word.contains('.')
                    || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                    || crate::text::is_abbreviation(word)
                    || is_month_abbreviation(word);
                if dotted && toks.get(j).is_some_and(|n| n.start as usize == end && at(n) == ".") {
                    end = toks[j].end as usize;
                    j += 1;
                }
                // Hyphenated compounds: `al-Qaeda`, `G-20`, `Jean-Claude`, `Beijing-backed`.
                while let (Some(dash), Some(next)) = (toks.get(j), toks.get(j + 1))
                    && dash.start as usize == end
                    && matches!(at(dash), "-" | "‑")
                    && next.start == dash.end
                    && matches!(next.kind, TokenKind::Word | TokenKind::Number)
                    && joins(&text[t.start as usize..end], at(next))
                {
                    end = next.end as usize;
                    j += 2;
                    if next.kind == TokenKind::Word
                        && at(next).contains('.')
                        && toks.get(j).is_some_and(|n| n.start as usize == end && at(n) == ".")
                    {
                        end = toks[j].end as usize;
                        j += 1;
                    }
                }
            }
            let start = t.start as usize;
            let kind = if end > t.end as usize && t.kind == TokenKind::Number {
                if text[start..end].chars().any(char::is_alphabetic) {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                }
            } else {
                t.kind
            };
            let (name_start, name_end, possessive, cut) = name_part(text, start, end);
            let previous = out.last().filter(|p| p.sentence as usize == s_index);
            let after_opening = previous.is_some_and(|p| {
                let mark = p.text(text);
                (p.kind == TokenKind::Quote && !mark.starts_with(['”', '’', '»']) && p.end < start + 1)
                    || matches!(mark, ":" | "—" | "–" | "(" | "--")
                    // A dateline's mark, spaced: "BOISE - A march", "DILI | The rally", "PARIS • A".
                    || matches!(mark, "-" | "•" | "·" | "|") && p.end < start
            });
            out.push(Piece {
                start,
                end,
                name_start,
                name_end,
                kind,
                sentence_start: first || after_opening,
                sentence: u32::try_from(s_index).unwrap_or(u32::MAX),
                possessive,
                cut,
            });
            first = false;
            i = j;
        }
    }
    out
}

/// Whether a hyphen joins `before` and `after` into one piece. Two capitalised names joined by a
/// hyphen are two names ("U.S.-Russia talks", "the Merkel-Macron meeting"). The compound is one piece
/// when it is a gazetteer name ("Guinea-Bissau") or the first word of one ("Anti-Defamation League"), or
/// a given name ("Jean-Claude"); when its first part is a particle or a single letter ("al-Qaeda",
/// "G-20"); and when its first part is a prefix such as "Anti" or "Non" and its second names nothing on
/// its own ("Anti-Slavery Society"; but "Pro-Kremlin" is two).
fn joins(before: &str, after: &str) -> bool {
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if !capital(before)
        || !capital(after)
        || before.contains('-') && !capital(before.rsplit('-').next().unwrap_or(""))
    {
        return true;
    }
    let lex = super::lexicon::lexicon();
    let compound = format!("{before}-{after}");
    before.chars().count() <= 2
        || lex.given_names.contains(before) && lex.given_names.contains(after)
        || lex.names.contains_key(&compound)
        // The first word of a gazetteer name: "Anti-Corruption Foundation", "Non-Aligned Movement".
        || lex.starts.contains_key(&compound)
        // A prefix before a word that names nothing on its own: "Anti-Slavery Society", "Pro-Democracy
        // Movement". Before a name it stays apart, as it does in lowercase: "Pro-Kremlin", "Anti-American".
        || NAME_PREFIXES.contains(&before.to_lowercase().as_str()) && !lex.names.contains_key(after)
        || before.chars().all(|c| !c.is_lowercase()) && after.chars().all(|c| c.is_ascii_digit())
        // A name printed in capitals: "IVANO-FRANKIVSK", "GUINEA-BISSAU".
        || [before, after].iter().all(|w| w.chars().all(|c| !c.is_lowercase())) && {
            let title = super::lexicon::title_word;
            let titled = format!("{}-{}", title(before), title(after));
            lex.names.contains_key(&titled) || lex.starts.contains_key(&titled)
        }
}

fn is_month_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
    )
}

/// The name part of the piece `start..end`: see [`Piece::name_start`].
fn name_part(text: &str, start: usize, end: usize) -> (usize, usize, bool, bool) {
    let s = &text[start..end];
    let mut name_start = start;
    let mut name_end = end;
    let mut possessive = false;
    for suffix in ["'s", "’s", "'S", "’S"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            name_end = end - suffix.len();
            possessive = true;
            break;
        }
    }
    let mut cut = false;
    if s.contains('-') {
        let name = &text[name_start..name_end];
        let parts: Vec<&str> = name.split('-').collect();
        let first = parts.first().copied().unwrap_or("");
        let starts_lower = first.chars().next().is_some_and(char::is_lowercase);
        if starts_lower && NAME_PREFIXES.contains(&first) && parts.len() > 1 {
            name_start += first.len() + 1;
            cut = true;
        }
        let name = &text[name_start..name_end];
        // A lowercase tail: the name is what comes before it (`Beijing-backed`, `U.S.-led`), unless the
        // word is a given name or a gazetteer name's as printed (`Ing-wen`, `Tehreek-e-Insaf`).
        let lex = super::lexicon::lexicon();
        if !lex.given_names.contains(name)
            && !lex.hyphenated.contains(name)
            && let Some(tail) =
                name.split('-').skip(1).find(|p| p.chars().next().is_some_and(char::is_lowercase))
            && let Some(at) = name.find(&format!("-{tail}"))
            && name.chars().next().is_some_and(|c| c.is_uppercase())
        {
            name_end = name_start + at;
            cut = true;
        }
    }
    (name_start, name_end, possessive, cut)
}
