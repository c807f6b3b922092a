//! Quotes and their speakers.
//!
//! # Direct quotes
//!
//! Quote marks are paired by where they stand: a mark with a space (or the start of the text, a bracket,
//! a dash) before it and a word after it opens; one with a word or mark before it and a space, mark or
//! the end after it closes. This reads straight (`"`) and curly (`“ ”`) double quotes, guillemets, and
//! single quotes (`‘ ’`) where a text uses them for speech. A quote left open at the end of a paragraph
//! goes on when the next paragraph opens with a quote mark: the press convention for a quote over several
//! paragraphs. Single quotes inside a double quote are quotes within the quote and are not separate.
//!
//! A quote's speaker is sought in this order: a speech verb with its subject after the quote, in the
//! same sentence (`“...,” said X`, `“...,” X said`, `“...,” he told reporters`); one before it in the
//! same sentence (`X said: “...”`, `X said the plan was “reckless”`); the sentence before, when it ends
//! with a colon; the previous quote's speaker, when this quote continues the same paragraph or the next
//! one with no other attribution between. A short quote (four words or fewer) with none of these is a
//! scare quote, reported as a hedge; a longer one is the outlet's own voice.
//!
//! # Reported speech
//!
//! A sentence outside direct quotes with a speech verb and a subject it can resolve: `X said (that)
//! CLAUSE`, `X told reporters CLAUSE`, `CLAUSE, X said.`, `according to X, CLAUSE` and `CLAUSE,
//! according to X.` The subject may carry a phrase set off by commas (`X, who chairs the committee, said
//! CLAUSE`, `X, a lecturer at Y, said CLAUSE`) or where the person works (`Analyst X of the Y University
//! said CLAUSE`), an auxiliary (`X has long said CLAUSE`), or come before a second verb (`X did not give
//! figures but said CLAUSE`); `CLAUSE, officials said, forcing ...` keeps the clause before; `which the
//! ministry said was requested by Kenya` reports the relative clause's rest. The span is the clause.
//!
//! # Speakers
//!
//! A subject names an entity mention (a person before an organisation); or is a pronoun (`he`, `she`),
//! resolved to the previous quote's speaker if that is a person, else the nearest person mentioned before;
//! or is a role noun (`the spokesman`), resolved to the entity the text gave that role; or describes an
//! unnamed source (`a diplomatic source`, `officials`, `police`, `witnesses`): the description is kept as
//! printed. Speech verbs come from `data/speech_verbs.tsv`.

use super::lexicon::Lexicon;
use super::pieces::Piece;
use super::{Entity, Mention, Quote, Speaker};
use crate::text::TokenKind;

/// Participles of speech verbs that take what was said straight after them, without "that": "...,
/// adding the plan would fail".
const CLAUSE_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "warning",
    "insisting",
    "arguing",
    "claiming",
    "stressing",
    "explaining",
    "suggesting",
    "acknowledging",
    "admitting",
    "conceding",
    "asserting",
    "contending",
    "predicting",
];

/// Auxiliaries and adverbs that stand between a subject and its speech verb ("has long said").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "long",
    "repeatedly",
    "previously",
    "already",
    "again",
    "often",
    "publicly",
    "privately",
];

/// Words a clause reported inside a relative clause starts with: its verb ("which the ministry said was
/// requested by Kenya") or its subject ("which officials said the minister had done"). Not "described
/// as", "called for".
const RELATIVE_CLAUSE_STARTS: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "might", "may",
    "can", "did", "started", "began", "the", "a", "an", "he", "she", "they", "it", "we",
];

/// Words that open a phrase after "CLAUSE, X said," that is not a second clause.
const TRAILING_PREPOSITIONS: &[&str] =
    &["despite", "after", "before", "amid", "as", "with", "without", "in", "on", "at", "following", "citing"];

/// Words that open a sentence with a phrase of place or time rather than its subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "since",
    "until",
    "when",
    "while",
    "as",
    "by",
    "for",
    "from",
    "with",
    "without",
    "under",
    "over",
    "despite",
    "following",
    "earlier",
    "later",
    "meanwhile",
];

/// Nouns that make a subject an unnamed source when no name comes with them.
const SOURCE_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "witness",
    "witnesses",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "resident",
    "residents",
    "diplomat",
    "diplomats",
    "investigators",
    "investigator",
    "prosecutors",
    "prosecutor",
    "authorities",
    "agency",
    "ministry",
    "government",
    "report",
    "reports",
    "statement",
    "observers",
    "critics",
    "activists",
    "lawmakers",
    "aides",
    "aide",
    "people",
    "person",
    "insiders",
    "someone",
    "officers",
    "officer",
    "military",
    "army",
    "doctors",
    "media",
    "newspaper",
    "experts",
    "scientists",
    "researchers",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Words that end a subject but do not name anyone who speaks: "this shows", "there is".
const NOT_SPEAKERS: &[&str] = &[
    "at",
    "in",
    "on",
    "of",
    "to",
    "for",
    "with",
    "from",
    "by",
    "about",
    "into",
    "over",
    "after",
    "before",
    "as",
    "this",
    "that",
    "these",
    "those",
    "there",
    "which",
    "what",
    "who",
    "whom",
    "one",
    "also",
    "then",
    "and",
    "or",
    "but",
    "not",
    "never",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "would",
    "will",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "previously",
    "later",
    "earlier",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "once",
    "today",
    "yesterday",
    "recently",
    "reportedly",
    "allegedly",
    "him",
    "her",
    "them",
    "us",
    "me",
    "it",
    "its",
    "their",
    "his",
];

/// Objects of "told" that are the audience, not part of the reported clause.
const AUDIENCE: &[&str] =
    &["reporters", "journalists", "the", "a", "an", "his", "her", "their", "parliament", "lawmakers"];

type Previous = (Speaker, Option<(u32, u32)>, usize);

/// A direct quote before its speaker is known: bytes inside the marks, and the pieces of its marks.
#[derive(Debug, Clone, Copy)]
struct Marked {
    start: usize,
    end: usize,
    open: usize,
    close: usize,
}

/// Whether piece `i` (a quote mark) opens, closes, or could do either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
}

fn side(text: &str, p: &Piece) -> Option<Side> {
    let before = text[..p.start].chars().next_back();
    let after = text[p.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let word_after = after.is_some_and(|c| !c.is_whitespace());
    let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-".contains(c));
    let mark = p.text(text);
    match mark {
        "“" | "«" | "„" | "‘" if word_after => Some(Side::Open),
        "”" | "»" | "’" if !space_before || space_after => Some(Side::Close),
        "\"" | "'" if space_before && word_after => Some(Side::Open),
        "\"" | "'" if !space_before && space_after => Some(Side::Close),
        _ => None,
    }
}

fn double(mark: &str) -> bool {
    matches!(mark, "“" | "”" | "\"" | "«" | "»" | "„")
}

/// Pairs the quote marks of the text into direct quotes.
fn marked(text: &str, pieces: &[Piece]) -> Vec<Marked> {
    let uses_double = pieces.iter().any(|p| p.kind == TokenKind::Quote && double(p.text(text)));
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut pending_close: Option<usize> = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.kind != TokenKind::Quote {
            continue;
        }
        let mark = p.text(text);
        if uses_double && !double(mark) {
            continue;
        }
        match (side(text, p), open) {
            (Some(Side::Open), None) => {
                open = Some(i);
                pending_close = None;
            }
            (Some(Side::Open), Some(o)) => {
                // A new paragraph opening with a quote mark continues a quote left open.
                let gap = &text[pieces[i.saturating_sub(1)].end..p.start];
                if !gap.contains("\n\n") && !gap.contains("\r\n\r\n") {
                    open = Some(i);
                } else {
                    open = Some(o);
                }
            }
            (Some(Side::Close), Some(o)) => {
                let start = pieces[o].end;
                let end = p.start;
                if end > start {
                    out.push(Marked { start, end, open: o, close: i });
                }
                open = None;
                pending_close = Some(i);
            }
            _ => {}
        }
    }
    let _ = pending_close;
    // Trim whitespace inside the marks.
    for m in &mut out {
        let inner = &text[m.start..m.end];
        m.start += inner.len() - inner.trim_start().len();
        m.end -= inner.len() - inner.trim_end().len();
    }
    out.retain(|m| m.end > m.start);
    out
}

/// Finds the quotes of a text, given its pieces and its linked entity mentions. Short quotes with no
/// speaker are returned apart, as scare quotes: (start, end) of the quoted words.
pub fn find(
    text: &str,
    pieces: &[Piece],
    mentions: &[Mention],
    entities: &[Entity],
    lex: &Lexicon,
) -> (Vec<Quote>, Vec<(usize, usize)>) {
    let ctx = Context { last_speaker: std::cell::Cell::new(None), text, pieces, mentions, entities, lex };
    let mut quotes: Vec<Quote> = Vec::new();
    let mut scare = Vec::new();
    let direct = marked(text, pieces);
    // The last quote's speaker, how the text named them, and the piece of its closing mark.
    let mut previous: Option<Previous> = None;
    for m in &direct {
        let words = text[m.start..m.end].split_whitespace().count();
        let found = ctx
            .attribution_after(m)
            .or_else(|| ctx.attribution_before(m))
            .or_else(|| ctx.colon_before(m))
            .or_else(|| ctx.attribution_in_sentence(m));
        let (speaker, speaker_span, verb) = match found {
            Some(a) => (a.speaker, a.speaker_span, a.verb),
            None => match &previous {
                Some((s, span, close)) if continues(text, pieces, *close, m.open) => (s.clone(), *span, None),
                // A short phrase held at arm's length is a scare quote; a short utterance ("I told you
                // so") is words put in someone's mouth.
                _ if words <= 4 && !utterance(&text[m.start..m.end]) => {
                    scare.push((m.start, m.end));
                    continue;
                }
                _ => (Speaker::Outlet, None, None),
            },
        };
        if let Speaker::Entity(e) = speaker {
            ctx.last_speaker.set(Some(e));
        }
        previous = Some((speaker.clone(), speaker_span, m.close));
        quotes.push(Quote {
            start: to_u32(m.start),
            end: to_u32(m.end),
            direct: true,
            speaker,
            speaker_span,
            verb: verb.map(|(s, e)| text[s..e].to_string()),
            verb_span: verb.map(|(s, e)| (to_u32(s), to_u32(e))),
        });
    }
    ctx.reported(&direct, &mut quotes);
    quotes.sort_by_key(|q| (q.start, q.end));
    (quotes, scare)
}

/// Whether short quoted words are a sentence someone says rather than a phrase: they open with a
/// personal pronoun ("I told you so", "We will win").
fn utterance(words: &str) -> bool {
    let first = words.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    matches!(
        first,
        "I" | "We" | "You" | "He" | "She" | "They" | "It's" | "It’s" | "I'm" | "I’m" | "We're" | "We’re"
    )
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether the quote opening at piece `open` follows the one that closed at `close` with nothing but
/// its own paragraph's start between: the same paragraph, or the next one.
fn continues(text: &str, pieces: &[Piece], close: usize, open: usize) -> bool {
    let between = &text[pieces[close].end..pieces[open].start];
    let paragraphs = between.matches("\n\n").count();
    // The same paragraph, or the start of the next one.
    paragraphs == 0 || paragraphs == 1 && between.rsplit("\n\n").next().is_some_and(|s| s.trim().is_empty())
}

struct Attribution {
    speaker: Speaker,
    speaker_span: Option<(u32, u32)>,
    verb: Option<(usize, usize)>,
}

struct Context<'a> {
    /// The entity of the last quote's speaker, for pronouns.
    last_speaker: std::cell::Cell<Option<u32>>,
    text: &'a str,
    pieces: &'a [Piece],
    mentions: &'a [Mention],
    entities: &'a [Entity],
    lex: &'a Lexicon,
}

impl Context<'_> {
    fn word(&self, i: usize) -> String {
        self.pieces[i].text(self.text).to_lowercase()
    }

    /// The speech verb at piece `i`: its last piece (for "according to") and span.
    fn verb_at(&self, i: usize) -> Option<(usize, (usize, usize))> {
        let p = self.pieces.get(i)?;
        if !p.is_word() {
            return None;
        }
        let w = self.word(i);
        if w == "according" && self.pieces.get(i + 1).is_some_and(|n| n.text(self.text) == "to") {
            return Some((i + 1, (p.start, self.pieces[i + 1].end)));
        }
        if self.lex.speech_verbs.contains_key(&w) {
            // A noun after a determiner is not a verb: "the claims", "his statement".
            let det = i > 0
                && matches!(
                    self.word(i - 1).as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "these" | "those" | "such"
                );
            if !det {
                return Some((i, (p.start, p.end)));
            }
        }
        None
    }

    /// `“...,” said X` or `“...,” X said` after the closing mark, in the same sentence.
    fn attribution_after(&self, m: &Marked) -> Option<Attribution> {
        let sentence = self.pieces[m.close].sentence;
        let mut i = m.close + 1;
        // The attribution is only right after the quote, past a comma or dash.
        while i < self.pieces.len() && matches!(self.pieces[i].text(self.text), "," | "—" | "–" | "-") {
            i += 1;
        }
        // Far enough for a subject with a phrase about it ("Nicole Ferraro, one of the organisers of the
        // march, said").
        let limit = (i + 20).min(self.pieces.len());
        for k in i..limit {
            if self.pieces[k].sentence != sentence && k > i {
                break;
            }
            if self.pieces[k].kind == TokenKind::Quote {
                break;
            }
            if let Some((vend, verb)) = self.verb_at(k) {
                // Subject before the verb ("X said") or after it ("said X").
                let subject = if k > i {
                    self.subject(i, k)
                } else {
                    self.subject_after(vend + 1, sentence, self.word(k) != "according")
                };
                if let Some((speaker, span)) = subject {
                    return Some(Attribution { speaker, speaker_span: span, verb: Some(verb) });
                }
                return None;
            }
            if matches!(self.pieces[k].text(self.text), "." | "?" | "!" | ";") {
                break;
            }
        }
        None
    }

    /// `X said: “...”`, `X said the plan was “reckless”`: a speech verb earlier in the quote's sentence.
    fn attribution_before(&self, m: &Marked) -> Option<Attribution> {
        let sentence = self.pieces[m.open].sentence;
        let first = self.pieces[..m.open].iter().rposition(|p| p.sentence != sentence).map_or(0, |k| k + 1);
        for k in (first..m.open).rev() {
            if self.pieces[k].kind == TokenKind::Quote {
                return None;
            }
            if let Some((vend, verb)) = self.verb_at(k) {
                let subject = if self.word(k) == "according" {
                    self.subject_after(vend + 1, sentence, self.word(k) != "according")
                } else if self.word(k).ends_with("ing") {
                    self.main_subject(first, k)
                } else {
                    self.subject(first, k)
                };
                if let Some((speaker, span)) = subject {
                    return Some(Attribution { speaker, speaker_span: span, verb: Some(verb) });
                }
            }
        }
        None
    }

    /// A partial quote inside a sentence whose speech verb comes later and not right after it:
    /// `Negotiators "provisionally closed" three chapters, according to a joint statement.`
    fn attribution_in_sentence(&self, m: &Marked) -> Option<Attribution> {
        let sentence = self.pieces[m.close].sentence;
        let first = self.pieces[..m.open].iter().rposition(|p| p.sentence != sentence).map_or(0, |k| k + 1);
        let end = self.pieces[m.close..]
            .iter()
            .position(|p| p.sentence != sentence)
            .map_or(self.pieces.len(), |k| m.close + k);
        for k in m.close + 1..end {
            if self.pieces[k].kind == TokenKind::Quote {
                return None;
            }
            if let Some((vend, verb)) = self.verb_at(k) {
                let subject = if self.word(k) == "according" {
                    self.subject_after(vend + 1, sentence, self.word(k) != "according")
                } else if let Some(comma) = self.trailing_attribution(first, k, vend, end) {
                    self.subject(comma + 1, k)
                } else {
                    None
                };
                return subject.map(|(speaker, span)| Attribution {
                    speaker,
                    speaker_span: span,
                    verb: Some(verb),
                });
            }
        }
        None
    }

    /// A quote that opens its paragraph after a sentence ending in a colon: that sentence's speaker.
    fn colon_before(&self, m: &Marked) -> Option<Attribution> {
        let prev = m.open.checked_sub(1)?;
        if self.pieces[prev].text(self.text) != ":" {
            return None;
        }
        let sentence = self.pieces[prev].sentence;
        let first = self.pieces[..prev].iter().rposition(|p| p.sentence != sentence).map_or(0, |k| k + 1);
        for k in (first..prev).rev() {
            if let Some((_, verb)) = self.verb_at(k) {
                let (speaker, span) = self.subject(first, k)?;
                return Some(Attribution { speaker, speaker_span: span, verb: Some(verb) });
            }
        }
        None
    }

    /// The speaker named by the subject ending just before piece `verb`, looking back from it to `from`.
    fn subject(&self, from: usize, verb: usize) -> Option<(Speaker, Option<(u32, u32)>)> {
        let start_byte = self.pieces[from].start;
        let verb_byte = self.pieces[verb].start;
        // A subject is a short phrase: at most eight pieces, no clause break inside.
        let mut a = verb;
        while a > from {
            let t = self.pieces[a - 1].text(self.text);
            if matches!(t, "," | ";" | ":" | "." | "“" | "”" | "\"") && a < verb {
                // An apposition ("X, a spokesman, said"): keep looking past one comma pair.
                if t == "," && self.apposition_start(from, a - 1).is_some() {
                    a = self.apposition_start(from, a - 1).unwrap_or(a);
                    continue;
                }
                break;
            }
            if matches!(t, "," | "“" | "”" | "\"") && a == verb {
                // "X, a spokesman for Y, said", "X, who chairs the committee, said": the comma closes a
                // phrase about the subject.
                if t == "," {
                    return self.subject_with_insert(from, verb);
                }
                break;
            }
            if verb - a >= 14 {
                break;
            }
            a -= 1;
        }
        // A relative clause belongs to the subject but is not its head: "A diplomat who asked not to be
        // named said".
        let mut stop = verb;
        if let Some(rel) = (a..verb).find(|&k| matches!(self.word(k).as_str(), "who" | "which")) {
            stop = rel;
        }
        // "He has long said", "officials have also said": the subject ends before the auxiliary.
        while stop > a + 1 && AUXILIARIES.contains(&self.word(stop - 1).as_str()) {
            stop -= 1;
        }
        if stop == a {
            return None;
        }
        if stop - a > 8 {
            return self.named_with_affiliation(a, stop);
        }
        let from_byte = self.pieces[a].start.max(start_byte);
        let to_byte = if stop == verb { verb_byte } else { self.pieces[stop - 1].end };
        self.resolve(from_byte, to_byte, a, stop)
    }

    /// A subject longer than a plain one that is a person's name with where they work: "Political analyst
    /// Rosa Villanueva of the San Agustín National University said". The name starts within the first
    /// three pieces of `a..stop` and is followed by "of", "at" or "from".
    fn named_with_affiliation(&self, a: usize, stop: usize) -> Option<(Speaker, Option<(u32, u32)>)> {
        if stop - a > 16 {
            return None;
        }
        let (start, end) = (self.pieces[a].start, self.pieces[stop - 1].end);
        let lead = self.pieces[(a + 3).min(stop - 1)].start;
        let m = self.mentions.iter().find(|m| {
            m.label == super::Label::Person
                && m.start as usize >= start
                && m.start as usize <= lead
                && m.end as usize <= end
        })?;
        let rest = self.text[m.end as usize..end].trim_start();
        ["of ", "at ", "from "]
            .iter()
            .any(|p| rest.starts_with(p))
            .then_some((Speaker::Entity(m.entity), Some((m.start, m.end))))
    }

    /// For a speech verb at piece `k` inside a relative clause ("which the ministry said was ...", "what
    /// officials say was ..."): the relative pronoun, when the words between it and the verb are a short
    /// subject.
    fn relative_before(&self, first: usize, k: usize) -> Option<usize> {
        // The verb as printed in lower case: "which the United States passed" has no speech verb.
        if !self.pieces[k].text(self.text).starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        let rel = (first..k).rev().take(7).find(|&j| matches!(self.word(j).as_str(), "which" | "what"))?;
        let subject_words =
            (rel + 1..k).all(|j| self.pieces[j].is_word() || self.pieces[j].text(self.text) == ".");
        (rel + 1 < k && subject_words).then_some(rel)
    }

    /// "X, who chairs the committee, said CLAUSE", "X, a lecturer at Y, said CLAUSE", "X, 45, said CLAUSE",
    /// "The insurer, Y, said CLAUSE": a short subject opening the sentence at piece `first`, then one
    /// phrase about it set off by commas, the second of them right before the verb at piece `verb`. The
    /// speaker is the subject's, or the name the phrase gives when the subject names no one ("The
    /// operator, Hebridean Island Ferries,").
    fn subject_with_insert(&self, first: usize, verb: usize) -> Option<(Speaker, Option<(u32, u32)>)> {
        let close = verb.checked_sub(1)?;
        let mut commas = (first..close).filter(|&j| self.pieces[j].text(self.text) == ",");
        let open = commas.next()?;
        if commas.next().is_some()
            || open == first
            || open - first > 8
            || close - open < 2
            || close - open > 16
        {
            return None;
        }
        // A sentence that opens with where or when ("At the hearing, X ...") has its subject later.
        if OPENING_PREPOSITIONS.contains(&self.word(first).as_str()) {
            return None;
        }
        let breaks = (first..close).any(|j| {
            matches!(self.pieces[j].text(self.text), ";" | ":" | "(" | ")" | "—" | "–")
                || self.pieces[j].kind == TokenKind::Quote
                || self.verb_at(j).is_some()
        });
        if breaks {
            return None;
        }
        let head = self.pieces[open + 1].text(self.text);
        let w = self.word(open + 1);
        let named = self.mentions.iter().find(|m| {
            m.start as usize == self.pieces[open + 1].start
                && matches!(m.label, super::Label::Person | super::Label::Org)
        });
        let about = matches!(
            w.as_str(),
            "who" | "whose" | "which" | "a" | "an" | "the" | "his" | "her" | "its" | "their" | "one"
        ) || w.chars().all(|c| c.is_ascii_digit())
            || self.lex.titles.contains_key(head)
            || SOURCE_NOUNS.contains(&w.as_str())
            || named.is_some();
        if !about {
            return None;
        }
        let subject = self.resolve(self.pieces[first].start, self.pieces[open - 1].end, first, open);
        match (subject, named) {
            (Some((Speaker::Entity(e), span)), _) => Some((Speaker::Entity(e), span)),
            (_, Some(m)) => Some((Speaker::Entity(m.entity), Some((m.start, m.end)))),
            (subject, None) => subject,
        }
    }

    /// For "X, a spokesman for Y, said": given the comma before the verb at piece `comma`, the piece where
    /// X starts, if the part between is an apposition (starts with a determiner or a role).
    fn apposition_start(&self, from: usize, comma: usize) -> Option<usize> {
        let open = (from..comma).rev().find(|&k| self.pieces[k].text(self.text) == ",")?;
        let first = self.word(open + 1);
        let role = matches!(first.as_str(), "a" | "an" | "the" | "his" | "her" | "its" | "their")
            || self.lex.titles.contains_key(self.pieces[open + 1].text(self.text));
        (role && comma - open <= 10).then_some(open)
    }

    /// The subject right after a verb: "said X", "said Mr X, the minister".
    fn subject_after(
        &self,
        from: usize,
        sentence: u32,
        apposition: bool,
    ) -> Option<(Speaker, Option<(u32, u32)>)> {
        // The phrase up to the first comma; a person named in an apposition after it counts too ("said
        // the chair of the talks, ambassador Jane Doe, as she left").
        let stop = |b: usize| {
            b >= self.pieces.len()
                || self.pieces[b].sentence != sentence
                || matches!(self.pieces[b].text(self.text), "." | ";" | ":" | "?" | "!")
                || self.pieces[b].kind == TokenKind::Quote
        };
        let mut b = from;
        while !stop(b) && b - from < 8 && self.pieces[b].text(self.text) != "," {
            b += 1;
        }
        if b == from {
            return None;
        }
        let mut c = b;
        while !stop(c) && c - from < 16 {
            c += 1;
        }
        let (start, end) = (self.pieces[from].start, self.pieces[c - 1].end);
        let person = self
            .mentions
            .iter()
            .find(|m| m.label == super::Label::Person && m.start as usize >= start && m.end as usize <= end);
        if let Some(m) = person.filter(|_| apposition) {
            return Some((Speaker::Entity(m.entity), Some((m.start, m.end))));
        }
        self.resolve(self.pieces[from].start, self.pieces[b - 1].end, from, b)
    }

    /// The subject of the sentence that starts at piece `first`, for a participle ("..., telling
    /// reporters", "..., saying that"): the first person or organisation named before `verb`.
    fn main_subject(&self, first: usize, verb: usize) -> Option<(Speaker, Option<(u32, u32)>)> {
        let (start, end) = (self.pieces[first].start, self.pieces[verb].start);
        // Not a possessive: in "the mayor's spokeswoman, Ana Ruiz, ... telling", the spokeswoman speaks.
        let inside = |label: super::Label| {
            self.mentions.iter().find(|m| {
                m.label == label
                    && m.start as usize >= start
                    && m.end as usize <= end
                    && !self.text[m.end as usize..].starts_with(['\'', '’'])
            })
        };
        let m = inside(super::Label::Person).or_else(|| inside(super::Label::Org))?;
        Some((Speaker::Entity(m.entity), Some((m.start, m.end))))
    }

    /// Resolves the words between bytes `start..end` (pieces `a..b`) to a speaker.
    fn resolve(&self, start: usize, end: usize, a: usize, b: usize) -> Option<(Speaker, Option<(u32, u32)>)> {
        // A person named in it, else an organisation, else a place (a government by its capital).
        let inside: Vec<&Mention> =
            self.mentions.iter().filter(|m| m.start as usize >= start && m.end as usize <= end).collect();
        let pick = |label: super::Label| inside.iter().rev().find(|m| m.label == label).copied();
        let possessive_then_noun = inside.last().is_some_and(|m| {
            let rest = self.text[m.end as usize..end].trim();
            let rest = rest.trim_start_matches(['\'', '’', 's']).trim();
            !rest.is_empty()
                && rest.split_whitespace().all(|w| {
                    SOURCE_NOUNS.contains(&w.to_lowercase().as_str()) || self.lex.titles.contains_key(w)
                })
        });
        if possessive_then_noun {
            let desc = self.text[start..end].trim();
            return Some((Speaker::Unnamed(desc.to_string()), Some((to_u32(start), to_u32(end)))));
        }
        let words: Vec<String> =
            (a..b).map(|k| self.word(k)).filter(|w| w.chars().any(char::is_alphabetic)).collect();
        // A subject whose head is a source or a role, not a name: "a U.S. law enforcement source", "the
        // Russian president".
        let head_is_name = inside.last().is_some_and(|m| self.text[m.end as usize..end].trim().is_empty());
        if !head_is_name
            && let Some(head) = words.last()
            && (SOURCE_NOUNS.contains(&head.as_str()) || self.lex.titles.contains_key(head.as_str()))
        {
            if matches!(words.first().map(String::as_str), Some("the" | "his" | "her" | "its"))
                && let Some(e) = self.entity_with_role(head)
            {
                return Some((Speaker::Entity(e), Some((to_u32(start), to_u32(end)))));
            }
            let desc = self.text[start..end].trim();
            return Some((Speaker::Unnamed(desc.to_string()), Some((to_u32(start), to_u32(end)))));
        }
        if let Some(m) = pick(super::Label::Person)
            .or_else(|| pick(super::Label::Org))
            .or_else(|| pick(super::Label::Place))
        {
            return Some((Speaker::Entity(m.entity), Some((m.start, m.end))));
        }
        if let [w] = words.as_slice()
            && PRONOUNS.contains(&w.as_str())
        {
            let k = (a..b).find(|&k| self.word(k) == *w)?;
            let p = &self.pieces[k];
            return self.pronoun(w, p.start).map(|s| (s, Some((to_u32(p.start), to_u32(p.end)))));
        }
        let head = words.last()?;
        if SOURCE_NOUNS.contains(&head.as_str()) || self.lex.titles.contains_key(head.as_str()) {
            // A role the text gave someone ("the spokesman") names that someone.
            if words.first().is_some_and(|w| w == "the")
                && let Some(e) = self.entity_with_role(head)
            {
                return Some((Speaker::Entity(e), Some((to_u32(start), to_u32(end)))));
            }
            let desc = self.text[start..end].trim();
            return Some((Speaker::Unnamed(desc.to_string()), Some((to_u32(start), to_u32(end)))));
        }
        // Any other short noun phrase: people or bodies the text does not name ("Organizers",
        // "parents", "the report").
        // Not a participle's phrase ("fearing a repeat of clashes"), nor the rest of a verb's ("has in the
        // past").
        let plain_noun = head.chars().all(char::is_alphabetic)
            && !words.first().is_some_and(|w| w.ends_with("ing") || NOT_SPEAKERS.contains(&w.as_str()))
            && !NOT_SPEAKERS.contains(&head.as_str())
            && !self.lex.speech_verbs.contains_key(head.as_str())
            && words.len() <= 6;
        if plain_noun {
            let desc = self.text[start..end].trim();
            return Some((Speaker::Unnamed(desc.to_string()), Some((to_u32(start), to_u32(end)))));
        }
        None
    }

    fn entity_with_role(&self, noun: &str) -> Option<u32> {
        // The entity most recently given that role, going by its mentions' order.
        let has = |e: usize| {
            self.entities[e].roles.iter().any(|r| r.to_lowercase().split_whitespace().any(|w| w == noun))
        };
        self.mentions.iter().rev().find(|m| has(m.entity as usize)).map(|m| m.entity)
    }

    /// A pronoun's person: the nearest person mentioned before `at`.
    fn pronoun(&self, word: &str, at: usize) -> Option<Speaker> {
        if matches!(word, "they" | "we" | "i") {
            return None;
        }
        // "It said": the organisation named last.
        if word == "it" {
            return self
                .mentions
                .iter()
                .rev()
                .find(|m| (m.end as usize) <= at && m.label == super::Label::Org)
                .map(|m| Speaker::Entity(m.entity));
        }
        // The last quote's speaker, when that is a person the text named recently; else the nearest person.
        let nearest =
            self.mentions.iter().rev().find(|m| (m.end as usize) <= at && m.label == super::Label::Person);
        if let Some(last) = self.last_speaker.get()
            && let Some(seen) =
                self.mentions.iter().rev().find(|m| m.entity == last && (m.end as usize) <= at)
            && seen.label == super::Label::Person
            && nearest.is_none_or(|n| {
                n.entity == last
                    || self.text.get(seen.end as usize..at).is_some_and(|s| s.split_whitespace().count() < 60)
            })
        {
            return Some(Speaker::Entity(last));
        }
        nearest.map(|m| Speaker::Entity(m.entity))
    }

    /// For a speech verb at piece `k` (its last piece `vend`) that ends its sentence (at most four more
    /// words, such as "on Monday"), the comma that ends the reported clause before its subject.
    fn trailing_attribution(&self, first: usize, k: usize, vend: usize, end: usize) -> Option<usize> {
        let rest = (vend + 1..end).filter(|&j| self.pieces[j].is_word()).count();
        // "CLAUSE, officials said, forcing ...", "CLAUSE, organisers said, despite ...": what follows the
        // comma after the verb is a phrase about the clause, not another clause.
        let phrase_after = vend + 2 < end
            && self.pieces[vend + 1].text(self.text) == ","
            && (self.word(vend + 2).ends_with("ing")
                || TRAILING_PREPOSITIONS.contains(&self.word(vend + 2).as_str()));
        if !phrase_after && (rest > 4 || (vend + 1..end).any(|j| self.pieces[j].text(self.text) == ",")) {
            return None;
        }
        let comma = (first..k).rev().take(8).find(|&j| self.pieces[j].text(self.text) == ",")?;
        (comma > first + 2 && comma + 1 < k).then_some(comma)
    }

    /// Reported speech in sentences outside direct quotes.
    fn reported(&self, direct: &[Marked], quotes: &mut Vec<Quote>) {
        let n = self.pieces.len();
        let mut i = 0;
        while i < n {
            let sentence = self.pieces[i].sentence;
            let end = self.pieces[i..].iter().position(|p| p.sentence != sentence).map_or(n, |k| i + k);
            let first = i;
            i = end;
            let (s_start, s_end) = (self.pieces[first].start, self.pieces[end - 1].end);
            // A sentence that is a quote with its attribution is not reported speech as well.
            if direct.iter().any(|m| {
                m.start <= s_start + 3 && m.end + 30 >= s_end || m.start < s_start && m.end > s_start
            }) {
                continue;
            }
            for k in first..end {
                let Some((vend, verb)) = self.verb_at(k) else { continue };
                let according = self.word(k) == "according";
                let comma_before = k > first && self.pieces[k - 1].text(self.text) == ",";
                let found = if according {
                    // "according to X, CLAUSE" or "CLAUSE, according to X."
                    let x_end = (vend + 1..end)
                        .find(|&j| matches!(self.pieces[j].text(self.text), "," | "."))
                        .unwrap_or(end);
                    let subject = self.subject_after(vend + 1, sentence, self.word(k) != "according");
                    let clause = if k == first || (k == first + 1) {
                        (x_end + 1, end)
                    } else {
                        (first, if comma_before { k - 1 } else { k })
                    };
                    subject.map(|s| (s, clause))
                } else if let Some(comma) = self.trailing_attribution(first, k, vend, end) {
                    // "CLAUSE, RIA Novosti reported.", "CLAUSE, officials said on Monday."
                    self.subject(comma + 1, k).map(|s| (s, (first, comma)))
                } else if comma_before && k > first + 2 && self.word(k).ends_with("ing") {
                    // "X praised the harvest, saying (that) CLAUSE": the sentence's subject speaks. Not
                    // "speaking to reporters", "citing figures": only a participle that takes a clause.
                    let that = vend + 1 < end && self.word(vend + 1) == "that";
                    let takes_clause = that || CLAUSE_PARTICIPLES.contains(&self.word(k).as_str());
                    let c = if that { vend + 2 } else { vend + 1 };
                    if takes_clause { self.main_subject(first, k).map(|s| (s, (c, end))) } else { None }
                } else if comma_before
                    && k > first + 2
                    && let Some(subject) = self.subject_with_insert(first, k)
                {
                    // "X, who chairs the committee, said (that) CLAUSE."
                    let c = if vend + 1 < end && self.word(vend + 1) == "that" { vend + 2 } else { vend + 1 };
                    Some((subject, (c, end)))
                } else if comma_before && k > first + 2 {
                    // "CLAUSE, X said." with X after the verb or before it.
                    let subject = self.subject_after(vend + 1, sentence, self.word(k) != "according");
                    subject.map(|s| (s, (first, k - 1)))
                } else if let Some(rel) = self.relative_before(first, k)
                    && vend + 1 < end
                    && RELATIVE_CLAUSE_STARTS.contains(&self.word(vend + 1).as_str())
                {
                    // "The meeting, which the ministry said was requested by Kenya, lasted an hour": the
                    // clause runs from the verb to the comma that closes the relative clause.
                    let close =
                        (vend + 1..end).find(|&j| self.pieces[j].text(self.text) == ",").unwrap_or(end);
                    let (s, e) = (self.pieces[rel + 1].start, self.pieces[k - 1].end);
                    self.resolve(s, e, rel + 1, k).map(|subject| (subject, (vend + 1, close)))
                } else if k > first {
                    let coordinated = matches!(self.word(k - 1).as_str(), "and" | "but");
                    let subject = if self.word(k).ends_with("ing") {
                        self.main_subject(first, k)
                    } else if coordinated {
                        // "X did not give figures but said CLAUSE": the sentence's subject, named or a
                        // pronoun opening it.
                        self.main_subject(first, k).or_else(|| {
                            let w = self.word(first);
                            let p = &self.pieces[first];
                            PRONOUNS
                                .contains(&w.as_str())
                                .then(|| self.pronoun(&w, p.start))
                                .flatten()
                                .map(|s| (s, Some((to_u32(p.start), to_u32(p.end)))))
                        })
                    } else {
                        self.subject(first, k)
                    };
                    let mut c = vend + 1;
                    // "told Reuters on Saturday that ...", "said in a statement that ...".
                    if let Some(that) = (vend + 1..(vend + 9).min(end))
                        .take_while(|&j| {
                            !matches!(self.pieces[j].text(self.text), "," | ":" | ";")
                                && self.pieces[j].kind != TokenKind::Quote
                        })
                        .find(|&j| self.word(j) == "that")
                    {
                        c = that;
                    }
                    let told = matches!(self.word(k).as_str(), "told" | "tells" | "tell" | "telling");
                    if told {
                        while c < end
                            && c < vend + 5
                            && (AUDIENCE.contains(&self.word(c).as_str())
                                || self.pieces[c].capitalised(self.text))
                            && self.word(c) != "that"
                        {
                            c += 1;
                        }
                    }
                    if c < end && self.word(c) == "that" {
                        c += 1;
                    }
                    if c < end && matches!(self.pieces[c].text(self.text), "," | ":") {
                        c = end;
                    }
                    subject.map(|s| (s, (c, end)))
                } else {
                    None
                };
                let Some(((speaker, speaker_span), (a, b))) = found else { continue };
                // The clause: at least three words, without the final full stop.
                let mut b = b;
                while b > a && matches!(self.pieces[b - 1].kind, TokenKind::Punct) {
                    b -= 1;
                }
                if b <= a || (a..b).filter(|&j| self.pieces[j].is_word()).count() < 3 {
                    continue;
                }
                if matches!(speaker, Speaker::Unnamed(ref d) if d.split_whitespace().count() > 6) {
                    continue;
                }
                // Not when the clause is mostly a direct quote already found.
                let (cs, ce) = (self.pieces[a].start, self.pieces[b - 1].end);
                let quoted: usize =
                    direct.iter().map(|m| m.end.min(ce).saturating_sub(m.start.max(cs))).sum();
                if quoted * 2 > ce - cs {
                    continue;
                }
                quotes.push(Quote {
                    start: to_u32(self.pieces[a].start),
                    end: to_u32(self.pieces[b - 1].end),
                    direct: false,
                    speaker,
                    speaker_span,
                    verb: Some(self.text[verb.0..verb.1].to_string()),
                    verb_span: Some((to_u32(verb.0), to_u32(verb.1))),
                });
                break;
            }
        }
    }
}
