//! From a scraped page to a [`Document`]: sections, headline, outlet and date.
//!
//! Scraped pages mix the article with the page around it. This stage classifies each line of the page
//! (headline, body, caption, credit, publication line, furniture) from its shape and from general data
//! tables (page-furniture phrases, outlets), then reads metadata off the classified lines, recording the
//! evidence for each fact. Ingest never fails and never drops text: every byte of the decoded input ends
//! up in exactly one section, and what is not article text is kept as furniture with a reason.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::dates::{DateMention, find_dates};
use crate::decode::decode;
use crate::document::{Caption, Evidence, Fact, Metadata, Section, SectionKind};
use crate::outlets::{self, OutletTable};
use crate::{Diagnostic, Document};

mod comments;
mod facts;
mod markup;

use facts::{LineFacts, mark, piece};

/// The kind of every line, and for kinds a reader may question, why.
type Kinds = Vec<(SectionKind, Option<String>)>;

/// The furniture reason that announces a comment area; the comment finder looks for it.
const COMMENT_THREAD: &str = "comment thread";

/// Ingests one source: `name` is its file name (the document id is its stem), `bytes` its content.
pub fn ingest(name: &str, bytes: &[u8]) -> Document {
    let (text, mut diagnostics) = decode(bytes);
    if text.len() > u32::MAX as usize {
        // Offsets are u32; a 4 GiB page is not an article. Keep what fits and say so.
        diagnostics.push(Diagnostic::warning(
            "input.too_large",
            "The file is larger than 4 GiB; only its first 4 GiB were read.",
        ));
    }
    let mut text = truncate_to_u32(text);
    // A Markdown page is read as the HTML it stands for: its headings, paragraphs and lists become lines
    // with hints, and its formatting marks (`#`, `*`, link syntax) are not taken for text.
    let markdown = is_markdown(name);
    if markdown {
        let mut html = String::with_capacity(text.len() + text.len() / 4);
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&text));
        diagnostics.push(Diagnostic::info(
            "input.markdown",
            "Read as Markdown: headings and paragraphs as marked, formatting marks left out of the text.",
        ));
        text = truncate_to_u32(html);
    }
    // An HTML page becomes its visible text, one line per block, with what its markup says of each line.
    let looks_like_html = markdown || crate::html::looks_like_html(&text);
    let too_deep = looks_like_html && markup_depth(&text) > MAX_MARKUP_DEPTH;
    if too_deep {
        diagnostics.push(Diagnostic::warning(
            "html.too_deep",
            format!(
                "The page nests its markup more than {MAX_MARKUP_DEPTH} levels deep, which no news page does; it was read as plain text, tags included, so that reading it stays fast. Nothing in it was run."
            ),
        ));
    }
    let (text, page) = if looks_like_html && !too_deep {
        let mut page = crate::html::extract(&text);
        let text = std::mem::take(&mut page.text);
        diagnostics.push(html_diagnostic(&page));
        (text, Some(page))
    } else {
        (text, None)
    };
    let blocks: &[crate::html::Block] = page.as_ref().map_or(&[], |p| &p.blocks);
    let lines = split_lines(&text);
    let facts = facts::of_lines(&text, &lines);
    let fixed = markup::fixed_kinds(blocks, lines.len());
    let mut kinds = classify(&text, &lines, &facts, &fixed);
    let comments = if blocks.iter().any(|b| matches!(b.hint, crate::html::Hint::Comment { .. })) {
        markup::comments(&text, &lines, blocks, page.as_ref().map_or(&[], |p| &p.comment_times))
    } else {
        comments::find_comments(&text, &lines, &facts, &mut kinds)
    };
    let captions = captions(&text, &lines, &kinds, blocks);
    let sections = build_sections(&lines, &kinds);
    let meta = if text.trim().is_empty() {
        // Nothing to read metadata from: one message says why, instead of one per missing fact.
        diagnostics
            .push(Diagnostic::warning("input.empty", "The file is empty: there is no article to read."));
        Metadata::default()
    } else {
        let mut meta = read_metadata(&text, &lines, &facts, &kinds, &mut diagnostics);
        if let Some(page) = &page {
            markup::apply_meta(&mut meta, &page.meta, &kinds);
            // What the page's metadata answered is no longer missing.
            let answered = |code: &str| match code {
                "meta.no_outlet" => meta.outlet.is_some(),
                "meta.no_date" | "meta.date_guessed" => {
                    meta.published.as_ref().is_some_and(|p| p.evidence.rule.contains("metadata"))
                }
                "meta.no_headline" => meta.headline.is_some(),
                _ => false,
            };
            diagnostics.retain(|d| !answered(&d.code));
        }
        bound_by_comments(&mut meta, &comments, &mut diagnostics);
        if !kinds.iter().any(|(k, _)| *k == SectionKind::Body) {
            diagnostics.push(Diagnostic::warning(
                "ingest.no_body",
                "No article paragraphs were recognised; everything is shown as it was found.",
            ));
        }
        meta
    };
    let mut doc = Document {
        id: id_from_name(name),
        source: name.to_owned(),
        text,
        meta,
        sections,
        captions,
        comments,
        dates: Vec::new(),
        diagnostics,
        analysis: Default::default(),
    };
    // The dates of each line were found for classifying it and reading the publication date: the story's
    // sections are its lines (with their line breaks, which never make or break a date), so they are not
    // looked for again.
    resolve_dates_with(&mut doc, |section, section_text| {
        let i = lines.binary_search_by_key(&(section.start as usize), |l| l.start).ok()?;
        let content = section_text.get(..lines[i].end - lines[i].start)?;
        Some(facts[i].dates(content))
    });
    doc
}

/// Markup nested deeper than this is read as plain text: building the tree of such a page takes time that
/// grows with the square of its depth (12,000 levels take about two seconds natively; real pages nest a
/// few dozen).
const MAX_MARKUP_DEPTH: usize = 12_000;

/// The deepest nesting of elements in `html`, estimated from its tags in one pass: an opening tag goes one
/// level down unless it is a void element or closes itself, a closing tag one level up.
fn markup_depth(html: &str) -> usize {
    const VOID: [&[u8]; 14] = [
        b"br", b"img", b"hr", b"meta", b"link", b"input", b"wbr", b"source", b"area", b"base", b"col",
        b"embed", b"param", b"track",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end =
                    bytes[i..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(bytes.len(), |n| i + n);
                let name = bytes[i..name_end].to_ascii_lowercase();
                let tag_end =
                    bytes[name_end..].iter().position(|&c| c == b'>').map_or(bytes.len(), |n| name_end + n);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !VOID.contains(&name.as_slice()) && !self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// What reading a page as HTML did: the container chosen, and the code that was skipped, never run.
fn html_diagnostic(page: &crate::html::HtmlPage) -> Diagnostic {
    let mut message = String::from("Read as an HTML page: only its visible text is kept");
    if let Some(container) = &page.container {
        message.push_str(&format!(", and the article is read from {container}"));
    }
    message.push('.');
    if page.scripts_skipped > 0 {
        message.push_str(&format!(
            " {} script, style or template element{} skipped; none was run.",
            page.scripts_skipped,
            if page.scripts_skipped == 1 { " was" } else { "s were" }
        ));
    }
    if page.handlers_seen > 0 {
        message.push_str(&format!(
            " {} event handler{} or javascript: link{} ignored.",
            page.handlers_seen,
            if page.handlers_seen == 1 { "" } else { "s" },
            if page.handlers_seen == 1 { " was" } else { "s were" }
        ));
    }
    Diagnostic::info("input.html", message)
}

/// The document id for a source name: its file name without directories and extension, with characters
/// that need escaping in a URL replaced by `-`.
pub fn id_from_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    let id: String =
        stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    if id.is_empty() { "document".to_owned() } else { id }
}

/// True for a file name that says Markdown (`.md`, `.markdown`).
fn is_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

fn truncate_to_u32(mut text: String) -> String {
    let max = u32::MAX as usize;
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

/// One line of the page: `start..end` is its content, `start..next` includes its line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn split_lines(text: &str) -> Vec<Line> {
    // Lines end at "\n", "\r\n", or a "\r" alone (old Mac files).
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while let Some(i) = crate::text::find_byte(bytes, start, 0, [b'\n', b'\r']) {
        let next = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
        lines.push(Line { start, end: i, next });
        start = next;
    }
    if start < text.len() || lines.is_empty() {
        lines.push(Line { start, end: text.len(), next: text.len() });
    }
    lines
}

/// How a furniture phrase applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Effect {
    /// The line alone.
    Line,
    /// The line and everything after it (a promo block or comment area at the end of the page).
    Tail,
    /// The line and the next one, when that one is not a sentence ("Read also" above a linked headline).
    Next,
}

#[derive(Debug)]
pub(crate) struct FurniturePhrase {
    phrase: String,
    prefix: bool,
    pub(crate) effect: Effect,
    pub(crate) reason: String,
}

/// Short lowercased words (the first words of phrases) to what they open, asked about for every line of
/// every page. The standard hasher resists collision attacks, which a fixed table compiled into the engine
/// does not need to, and costs several times more than FNV-1a on a word of a few bytes.
type FirstWords = HashMap<Vec<u8>, u8, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash (64 bits), for the engine's own fixed tables of short keys.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The furniture table, indexed: whole-line phrases by their text, prefixes in a list, and the longest
/// phrase's length, so that long lines (paragraphs) are ruled out without normalising them.
struct FurnitureTable {
    exact: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    prefixes: Vec<usize>,
    phrases: Vec<FurniturePhrase>,
    longest: usize,
}

fn furniture_table() -> &'static FurnitureTable {
    static TABLE: OnceLock<FurnitureTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let phrases: Vec<FurniturePhrase> = include_str!("../data/furniture.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let phrase = cols.next()?;
                let effect = match cols.next()? {
                    "tail" => Effect::Tail,
                    "next" => Effect::Next,
                    _ => Effect::Line,
                };
                let reason = cols.next()?.to_owned();
                let (phrase, prefix) = match phrase.strip_suffix('*') {
                    Some(p) => (p.to_owned(), true),
                    None => (phrase.to_owned(), false),
                };
                Some(FurniturePhrase { phrase, prefix, effect, reason })
            })
            .collect();
        let exact = phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.prefix)
            .map(|(i, p)| (p.phrase.clone(), i))
            .collect();
        let prefixes = phrases.iter().enumerate().filter(|(_, p)| p.prefix).map(|(i, _)| i).collect();
        let longest = phrases.iter().map(|p| p.phrase.len()).max().unwrap_or(0);
        FurnitureTable { exact, prefixes, phrases, longest }
    })
}

/// Bits of [`first_word_flags`]: the first word of a line is the first word of some furniture phrase, of
/// some prefix furniture phrase, of some credit line opening.
const FIRST_OF_PHRASE: u8 = 1;
const FIRST_OF_PREFIX_PHRASE: u8 = 2;
const FIRST_OF_CREDIT: u8 = 4;

/// For each word that opens a furniture phrase or a credit line (lowercased, as [`first_word_lower`]
/// gives it), which of them it opens: one lookup answers for every set a line's first word is tested
/// against.
fn first_words() -> &'static FirstWords {
    static WORDS: OnceLock<FirstWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FirstWords::default();
        for p in &furniture_table().phrases {
            let flags = if p.prefix { FIRST_OF_PHRASE | FIRST_OF_PREFIX_PHRASE } else { FIRST_OF_PHRASE };
            *words.entry(first_word_lower(&p.phrase).into_bytes()).or_default() |= flags;
        }
        for p in CREDIT_PREFIXES {
            *words.entry(first_word_lower(p).into_bytes()).or_default() |= FIRST_OF_CREDIT;
        }
        words
    })
}

/// The first `max` bytes of `line`, shortened to a character boundary.
fn head_bytes(line: &str, max: usize) -> usize {
    let mut end = max.min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Which sets of first words (the `FIRST_OF_*` bits) the first word of `line`, lowercased as
/// [`first_word_lower`] does, is in; without allocating when the word is ASCII, as almost every line's
/// first word is. The word is cut at the first ASCII whitespace, at most 24 bytes in.
fn first_word_flags(line: &str) -> u8 {
    let words = first_words();
    let t = line.trim_start();
    let end = t.bytes().position(|b| b.is_ascii_whitespace()).unwrap_or(t.len()).min(24);
    let word = &t.as_bytes()[..end];
    if word.is_ascii() {
        let mut buf = [0u8; 24];
        for (d, s) in buf.iter_mut().zip(word) {
            *d = s.to_ascii_lowercase();
        }
        words.get(&buf[..end]).copied().unwrap_or(0)
    } else {
        words.get(first_word_lower(line).as_bytes()).copied().unwrap_or(0)
    }
}

/// The first word of a line, lowercased: at most 24 bytes, enough to tell phrases apart.
fn first_word_lower(line: &str) -> String {
    let t = line.trim_start();
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    let word = &t[..head_bytes(&t[..end], 24)];
    if word.is_ascii() { word.to_ascii_lowercase() } else { word.to_lowercase() }
}

/// Writes `line` with runs of whitespace collapsed to one space and letters lowercased into `out`.
pub(crate) fn normalise_into(line: &str, out: &mut String) {
    out.clear();
    if line.is_ascii() {
        // Almost every line: the same result, a byte at a time, written as bytes (pushing characters
        // to a string costs several times more).
        let mut bytes = std::mem::take(out).into_bytes();
        bytes.reserve(line.len());
        let mut space = false;
        for b in line.bytes() {
            if is_ascii_space(b) {
                space = !bytes.is_empty();
            } else {
                if space {
                    bytes.push(b' ');
                    space = false;
                }
                bytes.push(b.to_ascii_lowercase());
            }
        }
        // ASCII in, ASCII out: always valid.
        *out = String::from_utf8(bytes).unwrap_or_default();
        return;
    }
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
}

/// Calls `f` with `line` normalised as [`normalise_into`] writes it. A short ASCII line, as almost every
/// line asked about is, is normalised into a buffer on the stack rather than into a new string.
pub(crate) fn with_normalised<R>(line: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 128;
    if line.len() <= MAX && line.is_ascii() {
        let mut buf = [0u8; MAX];
        let mut len = 0;
        let mut space = false;
        for &b in line.as_bytes() {
            if is_ascii_space(b) {
                space = len > 0;
            } else {
                if space {
                    buf[len] = b' ';
                    len += 1;
                    space = false;
                }
                buf[len] = b.to_ascii_lowercase();
                len += 1;
            }
        }
        // ASCII in, ASCII out (and never longer than the line): always valid.
        return f(std::str::from_utf8(&buf[..len]).unwrap_or_default());
    }
    let mut norm = String::with_capacity(line.len());
    normalise_into(line, &mut norm);
    f(&norm)
}

/// The furniture phrase `line` is or opens with, if any. `first_word` is [`first_word_flags`] of the line.
pub(crate) fn furniture_phrase(line: &str, first_word: u8) -> Option<&'static FurniturePhrase> {
    let table = furniture_table();
    // Only the head of the line can match: whole-line phrases are short, and prefixes are too.
    // Most lines start with a word no phrase starts with: rule them out before normalising anything.
    if first_word & FIRST_OF_PHRASE == 0 {
        return None;
    }
    // A line too long to be a whole-line phrase can only match a prefix phrase.
    if line.len() > table.longest * 2 + 8 && first_word & FIRST_OF_PREFIX_PHRASE == 0 {
        return None;
    }
    let head_end = head_bytes(line, table.longest * 2 + 8);
    with_normalised(&line[..head_end], |norm| {
        if head_end == line.len()
            && let Some(&i) = table.exact.get(norm)
        {
            return Some(&table.phrases[i]);
        }
        table.prefixes.iter().map(|&i| &table.phrases[i]).find(|p| norm.starts_with(&p.phrase))
    })
}

/// A copyright or reuse notice: "© 2021 ...", "Copyright 2019 ...", "All rights reserved.",
/// "may not be published, broadcast, rewritten or redistributed".
fn is_copyright(line: &str, facts: &LineFacts) -> bool {
    if line.len() > 600 {
        return false;
    }
    let maybe = facts.has(mark::COPYRIGHT)
        || facts.markers().has(piece::RESERVED | piece::MAY_NOT_BE | piece::PERMITTED)
        || line.get(..9).is_some_and(|h| h.eq_ignore_ascii_case("copyright"));
    maybe
        && line.len() <= 600
        && facts.words_at_most(60)
        && (facts.has(mark::COPYRIGHT)
            || line.get(..9).is_some_and(|h| h.eq_ignore_ascii_case("copyright"))
            || contains_ignore_ascii_case(line, "all rights reserved")
            || contains_ignore_ascii_case(line, "may not be published, broadcast")
            || contains_ignore_ascii_case(line, "may not be reproduced")
            || contains_ignore_ascii_case(line, "is permitted provided"))
}

/// A line that invites readers to comment, or says how ("Log in to comment", "Dear reader, to leave
/// comments, you must register"): the start of a comment area.
fn is_comment_prompt(line: &str, facts: &LineFacts) -> bool {
    if line.len() > 300 || !facts.words_at_most(25) || !contains_ignore_ascii_case(line, "comment") {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    // A short line about comments that is not reporting ("declined to comment"): "Comments 38",
    // "View comments", "The comments below have not been moderated."
    let reporting = ["for comment", "to comment", "declined", "no comment", "commented", "commentary"];
    if facts.words_at_most(8) && !reporting.iter().any(|r| lower.contains(r)) {
        return true;
    }
    [
        "register",
        "sign in",
        "log in",
        "login",
        "logged in",
        "sign up",
        "be the first",
        "add a comment",
        "post a comment",
        "leave a comment",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Starts of credit lines ("Additional reporting by ...").
const CREDIT_PREFIXES: [&str; 11] = [
    "source:",
    "additional reporting by",
    "reporting by",
    "with reporting by",
    "editing by",
    "edited by",
    "writing by",
    "compiled by",
    "with additional reporting",
    "contributing:",
    "this story has been corrected",
];

/// Editors' initials and the agencies used, as some outlets sign off a story: "kv/rs (Reuters, dpa)",
/// "jsi/aw (AFP, AP)".
fn is_initials_credit(line: &str) -> bool {
    let t = line.trim();
    // Initials are lower case: a line that opens otherwise, as almost every line does, is not one.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let (initials, rest) = match t.split_once(' ') {
        Some((a, b)) => (a, b.trim()),
        None => (t, ""),
    };
    initials.contains('/')
        && initials
            .split('/')
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
        && (rest.is_empty() || rest.starts_with('(') && rest.ends_with(')') && words_at_most(rest, 8))
}

/// Photo credits that end a caption line.
const PHOTO_CREDIT_MARKS: [&str; 12] = [
    "PHOTO:",
    "PHOTOS:",
    "Photo:",
    "Photograph:",
    "Picture:",
    "REUTERS/",
    "AP Photo",
    "Getty Images",
    "/AFP",
    "AFP/",
    "EPA/",
    "Image copyright",
];

fn is_credit(line: &str, facts: &LineFacts) -> bool {
    let by_prefix = || {
        with_normalised(&line[..head_bytes(line, 60)], |norm| {
            CREDIT_PREFIXES.iter().any(|p| norm.starts_with(p))
        })
    };
    is_initials_credit(line)
        || facts.first_word & FIRST_OF_CREDIT != 0 && by_prefix()
        || is_contribution_line(line, facts)
}

/// "Jane Doe and John Roe contributed to this report."
fn is_contribution_line(line: &str, facts: &LineFacts) -> bool {
    const PHRASES: [&str; 4] = [
        "contributed to this report",
        "contributed reporting",
        "contributed research",
        "contributed to this story",
    ];
    line.len() <= 400
        && facts.markers().has(piece::CONTRIBUTED)
        && facts.words_at_most(40)
        && PHRASES.iter().any(|p| contains_ignore_ascii_case(line, p))
}

/// [`has_photo_credit`] of a trimmed line, with the credit marks its `facts` found.
fn has_photo_credit_in(line: &str, facts: &LineFacts) -> bool {
    let tail_start =
        (line.len().saturating_sub(80)..line.len()).find(|&i| line.is_char_boundary(i)).unwrap_or(line.len());
    facts.markers().last_photo_mark.is_some_and(|at| at >= tail_start) || bracketed_credit(line).is_some()
}

fn has_photo_credit(line: &str) -> bool {
    static MARKS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let tail_start =
        (line.len().saturating_sub(80)..line.len()).find(|&i| line.is_char_boundary(i)).unwrap_or(line.len());
    let tail = &line[tail_start..];
    let marks = MARKS.get_or_init(|| {
        AhoCorasick::builder().kind(Some(aho_corasick::AhoCorasickKind::DFA)).build(PHOTO_CREDIT_MARKS).ok()
    });
    let marked = match marks {
        Some(ac) => ac.is_match(tail),
        None => PHOTO_CREDIT_MARKS.iter().any(|m| tail.contains(m)),
    };
    marked || bracketed_credit(line).is_some()
}

/// A credit in brackets at the end of a caption: "[Jane Doe/Al Jazeera]", "(John Roe/EPA)".
fn bracketed_credit(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let open = match t.chars().last()? {
        ']' => t.rfind('[')?,
        ')' => t.rfind('(')?,
        _ => return None,
    };
    let inner = &t[open + 1..t.len() - 1];
    (inner.contains('/') && words_at_most(inner, 7) && !inner.contains(['.', ',']) || inner.contains("Photo"))
        .then_some(open)
}

/// The number of whitespace-separated words, as `str::split_whitespace` counts them.
pub(crate) fn words(line: &str) -> usize {
    count_words(line, usize::MAX)
}

/// `words(line) <= n`, without counting past `n + 1`: most tests ask whether a line is short, and
/// paragraphs can be very long.
pub(crate) fn words_at_most(line: &str, n: usize) -> bool {
    count_words(line, n.saturating_add(1)) <= n
}

/// Counts words up to `limit` (more words count as `limit`). Works on bytes: ASCII is tested directly,
/// and only the lead bytes of the few multi-byte characters Unicode calls whitespace (U+0085, U+00A0,
/// U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) are decoded. Every line of every
/// page goes through here.
///
/// Eight bytes of printable ASCII and spaces, by far the most common run, are counted at once: a word
/// starts at each byte above the space whose byte before is not. Other runs go a character at a time.
fn count_words(line: &str, limit: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = line.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() && count < limit {
        if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let x = u64::from_le_bytes(chunk);
            // All ASCII (no high bit), and none below the space (adding 0x60 sets the high bit of every
            // byte from 0x20 up): tabs and line breaks are spaces, other control characters are not.
            if x & HIGH == 0 && !x.wrapping_add(0x60 * ONES) & HIGH == 0 {
                // The high bit of each byte above the space, i.e. in a word.
                let word = x.wrapping_add(0x5F * ONES) & HIGH;
                let after_word = word << 8 | u64::from(in_word) << 7;
                // The number of word starts: their flags moved to the low bit of each byte, summed by a
                // multiplication into the top byte (a population count is not in the baseline x86-64).
                let starts = (word & !after_word) >> 7;
                count += (starts.wrapping_mul(ONES) >> 56) as usize;
                in_word = word >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let space = if b < 0x80 { usize::from(is_ascii_space(b)) } else { space_len(bytes, i) };
        if space > 0 {
            in_word = false;
            i += space;
        } else {
            count += usize::from(!in_word);
            in_word = true;
            i += 1;
        }
    }
    count.min(limit)
}

/// The ASCII characters Unicode calls whitespace.
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The length of the whitespace character at byte `i`, or 0 when there is none there.
#[inline(always)]
fn space_len(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match next(0) {
        b if b < 0x80 => usize::from(is_ascii_space(b)),
        // U+0085, U+00A0
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if next(1) == 0x9A && next(2) == 0x80 => 3,
        // U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 if next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)
            || next(1) == 0x81 && next(2) == 0x9F =>
        {
            3
        }
        // U+3000
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => 3,
        _ => 0,
    }
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';'])
}

/// `line` is the trimmed line its `facts` are of.
fn is_navigation(line: &str, facts: &LineFacts) -> bool {
    let t = line;
    // '|', '/', '>' or the lead byte of '›', '»', '•', '·'.
    if t.len() > 400 || !facts.has(mark::BAR | mark::SLASH | mark::GREATER | mark::LEAD_C2 | mark::LEAD_E2) {
        return false;
    }
    // The separators, with the mark that says whether the line has them at all.
    let seps = [
        (" / ", mark::SLASH),
        (" | ", mark::BAR),
        (" › ", mark::SINGLE_GUILLEMET),
        (" > ", mark::GREATER),
        (" » ", mark::GUILLEMET),
    ];
    if facts.words_at_most(8)
        && !facts.ends_sentence
        && seps.iter().any(|&(s, m)| facts.has(m) && t.contains(s))
    {
        return true;
    }
    // A menu: three or more short items between separators ("Home | News | Sport | Weather").
    let menu_seps = [
        ('|', mark::BAR),
        ('›', mark::SINGLE_GUILLEMET),
        ('»', mark::GUILLEMET),
        ('•', mark::BULLET),
        ('·', mark::MIDDLE_DOT),
    ];
    menu_seps.iter().filter(|&&(_, m)| facts.has(m)).any(|&(sep, _)| {
        t.matches(sep).nth(1).is_some()
            && t.split(sep)
                .map(str::trim)
                .all(|p| words_at_most(p, 5) && (!p.ends_with('.') || words_at_most(p, 2)))
    })
}

fn is_print_edition(line: &str) -> bool {
    // "dition" is spelled the same in "Edition" and "edition"; the exact search is fast.
    line.len() <= 1000 && line.contains("dition") && contains_ignore_ascii_case(line, "print edition of")
}

/// Case-insensitive substring test for an ASCII needle, without allocating.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    find_ignore_ascii_case(haystack, needle).is_some()
}

/// Where an ASCII needle first occurs in `haystack`, ignoring ASCII case: what `find` gives in the
/// lowercased haystack, without lowercasing it.
///
/// The text is searched for the needle's rarest letter (by its frequency in English), eight bytes at a
/// time, and the needle compared around each place found: "ago" is looked for at its "g", not at every
/// "a" of the line.
pub(crate) fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    /// Letters from the most to the least common in English text.
    const BY_FREQUENCY: &[u8; 26] = b"etaoinsrhldcumfpgwybvkxjqz";
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    if h.len() < n.len() {
        return None;
    }
    let rarity = |b: u8| match b.to_ascii_lowercase() {
        b' ' => 0,
        l if l.is_ascii_lowercase() => BY_FREQUENCY.iter().position(|&f| f == l).unwrap_or(0) + 1,
        _ => 20,
    };
    let (k, &key) =
        n.iter().enumerate().max_by_key(|&(k, &b)| (rarity(b), std::cmp::Reverse(k))).unwrap_or((0, &n[0]));
    // A letter matches in either case; anything else exactly. Places are tried from the left, so the
    // first that matches is the first occurrence.
    let (fold, target) = if key.is_ascii_alphabetic() { (0x20, key.to_ascii_lowercase()) } else { (0, key) };
    let mut from = k;
    while let Some(at) = crate::text::find_byte(h, from, fold, [target]) {
        let start = at - k;
        match h.get(start..start + n.len()) {
            Some(window) if window.eq_ignore_ascii_case(n) => return Some(start),
            Some(_) => from = at + 1,
            None => return None,
        }
    }
    None
}

/// A short line that is mostly a date or time: a page's timestamp. `line` is the trimmed line its `facts`
/// are of, `content` the line as printed.
fn is_timestamp(line: &str, content: &str, facts: &LineFacts) -> bool {
    let t = line;
    let opener = ["published", "updated", "posted", "last updated", "first published", "last modified"]
        .iter()
        .any(|o| t.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o)));
    // The dates of the trimmed line are those of the line as printed (whitespace around a line never
    // makes or breaks a date); only their lengths are used here.
    let dates = facts.dates(content);
    if opener && facts.words_at_most(20) && dates.iter().any(|d| d.year.is_some() && d.day.is_some()) {
        return true;
    }
    let covered: usize = dates.iter().filter(|d| d.year.is_some()).map(|d| d.end - d.start).sum();
    covered > 0 && facts.words_at_most(12) && covered * 3 >= t.chars().filter(|c| c.is_alphanumeric()).count()
}

fn is_list_item(line: &str, facts: &LineFacts) -> bool {
    line.starts_with(['•', '·', '*', '-', '–']) && facts.words_at_most(6) && !facts.ends_sentence
}

/// Classifies every line. Blank lines are `Blank`; every other line gets a kind and, for kinds a reader
/// may question, a reason.
fn classify(
    text: &str,
    lines: &[Line],
    facts: &[LineFacts],
    fixed: &[Option<(SectionKind, Option<String>)>],
) -> Kinds {
    let table = outlets::table();
    let content: Vec<&str> = lines.iter().map(|l| &text[l.start..l.end]).collect();
    let trimmed = |i: usize| &content[i][facts[i].lead..facts[i].lead + facts[i].len];
    let mut kinds: Kinds = vec![(SectionKind::Blank, None); lines.len()];
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !facts[i].is_blank()).collect();

    // Captions are often printed twice (once under the image, once in a lightbox), the second copy
    // sometimes with the credit appended. The longer copy is the caption; the other one is a duplicate.
    let mut duplicate_of: Vec<Option<usize>> = vec![None; lines.len()];
    let mut has_duplicate = vec![false; lines.len()];
    for pair in non_blank.windows(2) {
        let (a, b) = (trimmed(pair[0]), trimmed(pair[1]));
        if !facts[pair[0]].words_at_most(2) && (b.starts_with(a) || a.starts_with(b)) {
            if b.len() > a.len() {
                duplicate_of[pair[0]] = Some(pair[1]);
                has_duplicate[pair[1]] = true;
            } else {
                duplicate_of[pair[1]] = Some(pair[0]);
                has_duplicate[pair[0]] = true;
            }
        }
    }

    let mut body_seen = false;
    let mut story_seen = false;
    // Sentences seen so far: the page's header (byline, timestamp) comes before the second one.
    let mut sentences = 0;
    let mut tail: Option<String> = None;
    // Lines shaped like a headline (a phrase without a final full stop); the header pass picks one.
    let mut title_like = vec![false; lines.len()];
    let mut promo_next: Option<String> = None;
    for (rank, &i) in non_blank.iter().enumerate() {
        let line = trimmed(i);
        let f = &facts[i];
        if let Some(Some(kind)) = fixed.get(i) {
            kinds[i] = kind.clone();
            continue;
        }
        // Every threshold below is at most 45 words: count no further.
        let n_words = f.words_up_to(46);
        // A promo block inside the article (a related-links box) ends where two full paragraphs resume.
        if tail.as_deref().is_some_and(|t| t.starts_with("promo block"))
            && f.ends_sentence
            && !f.words_at_most(19)
            && non_blank.get(rank + 1).is_some_and(|&j| facts[j].ends_sentence && !facts[j].words_at_most(11))
        {
            tail = None;
        }
        if let Some(reason) = promo_next.take()
            && !f.ends_sentence
            && n_words <= 25
        {
            kinds[i] = (SectionKind::Furniture, Some(reason));
            continue;
        }
        let credit = is_credit(line, f);
        let kind = if credit && body_seen {
            tail.get_or_insert_with(|| "after the article's credits".to_owned());
            (SectionKind::Credit, None)
        } else if credit {
            (SectionKind::Credit, None)
        } else if line.len() <= 1000
            && f.markers().has(piece::EDITION)
            && contains_ignore_ascii_case(line, "print edition of")
        {
            tail.get_or_insert_with(|| "after the article's print-edition line".to_owned());
            (SectionKind::PageMeta, Some("print-edition line".to_owned()))
        } else if tail.as_deref().is_some_and(|t| t.starts_with("after the article's credits"))
            && has_photo_credit_in(line, f)
        {
            // Photos printed after the credits (a gallery at the foot of the story) are still its photos.
            (SectionKind::Caption, None)
        } else if let Some(reason) = &tail {
            (SectionKind::Furniture, Some(reason.clone()))
        } else if is_copyright(line, f) {
            if story_seen {
                tail = Some("after the page's copyright notice".to_owned());
            }
            (SectionKind::Furniture, Some("copyright notice".to_owned()))
        } else if story_seen && is_comment_prompt(line, f) {
            tail = Some(format!("{COMMENT_THREAD} (after \"{line}\")"));
            (SectionKind::Furniture, Some(COMMENT_THREAD.to_owned()))
        } else if let Some(p) = f.phrase(line) {
            if p.effect == Effect::Tail && story_seen {
                tail = Some(format!("{} (after \"{}\")", p.reason, line));
            }
            if p.effect == Effect::Next {
                promo_next = Some(format!("{} (the link after \"{}\")", p.reason, line));
            }
            (SectionKind::Furniture, Some(p.reason.clone()))
        } else if let Some(original) = duplicate_of[i] {
            let what = if title_like[original]
                || !story_seen && original > i && !has_photo_credit(content[original])
            {
                "headline"
            } else {
                "caption"
            };
            (SectionKind::Furniture, Some(format!("repeats the {what} next to it")))
        } else if (rank < 6 || sentences < 2) && is_timestamp(line, content[i], f) {
            (SectionKind::PageMeta, Some("publication timestamp".to_owned()))
        } else if table.exact(line).is_some() {
            (SectionKind::Furniture, Some("masthead: the outlet's name".to_owned()))
        } else if is_navigation(line, f) {
            (SectionKind::Furniture, Some("navigation".to_owned()))
        } else if is_list_item(line, f) {
            (SectionKind::Furniture, Some("short list item outside the article text".to_owned()))
        } else if body_seen && is_pull_quote_attribution(line, f) {
            (
                SectionKind::Furniture,
                Some("pull quote: a quotation set apart from the running text".to_owned()),
            )
        } else if sentences < 2 && strip_by(line).is_some() && is_byline(line) {
            (SectionKind::Byline, None)
        } else if has_photo_credit_in(line, f) || has_duplicate[i] && (story_seen || f.ends_sentence) {
            (SectionKind::Caption, None)
        } else {
            // A few capitalised words alone ("Privacy Policy Feedback") are a menu label, not a title.
            let label = n_words <= 4
                && line
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // A full stop, even inside closing quotes, ends a sentence, not a title.
            let full_stop = line.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', ':', ',', ';']);
            title_like[i] = (2..=45).contains(&n_words) && !full_stop && !label;
            if n_words >= 10 || (n_words >= 3 && f.ends_sentence) {
                body_seen = true;
                // A line that does not end a sentence may still be a standfirst: the story has not begun.
                story_seen |= f.ends_sentence && !title_like[i];
                sentences += usize::from(f.ends_sentence && !title_like[i]);
                (SectionKind::Body, None)
            } else {
                (SectionKind::Furniture, Some("short line that is not a sentence".to_owned()))
            }
        };
        kinds[i] = kind;
    }
    mark_header(&content, facts, &mut kinds, &title_like);
    mark_pull_quotes(facts, &mut kinds);
    mark_standfirst(&content, facts, &mut kinds);
    kinds
}

/// Finds the page's header block (headline, standfirst, byline) above the first line that belongs to the
/// story for certain (a byline, a dateline, a caption, a timestamp under a title, or a full sentence), and
/// marks its parts. Above the header block is the site's own furniture (navigation, section labels).
fn mark_header(content: &[&str], facts: &[LineFacts], kinds: &mut Kinds, title_like: &[bool]) {
    let is_blank = |i: usize| facts[i].is_blank();
    // The header is near the top: within the first 200 lines that are not blank.
    let n = (0..content.len()).filter(|&i| !is_blank(i)).nth(200).unwrap_or(content.len());
    // Whether a paragraph opens with a dateline, worked out only for the lines asked about (most are
    // settled by their shape first), from the kinds as they are on entry.
    let datelines: Vec<std::cell::OnceCell<bool>> = vec![std::cell::OnceCell::new(); n];
    let entry_kinds: Vec<SectionKind> = kinds[..n].iter().map(|(k, _)| *k).collect();
    let has_dateline = |i: usize| {
        *datelines[i]
            .get_or_init(|| entry_kinds[i] == SectionKind::Body && dateline_place(content[i]).is_some())
    };
    let anchor_like = |i: usize, kinds: &Kinds| {
        let f = &facts[i];
        match kinds[i].0 {
            SectionKind::Byline | SectionKind::Caption => true,
            SectionKind::PageMeta => kinds[i].1.as_deref() == Some("publication timestamp"),
            SectionKind::Body => {
                (f.ends_sentence && !f.words_at_most(11) && !title_like[i]) || has_dateline(i)
            }
            SectionKind::Furniture => posted_by(&content[i][f.lead..f.lead + f.len]).is_some(),
            _ => false,
        }
    };
    let stops = |i: usize, kinds: &Kinds| match kinds[i].0 {
        SectionKind::Furniture => {
            let reason = kinds[i].1.as_deref().unwrap_or("");
            !(reason.starts_with("repeats")
                || reason == "share and subscribe line"
                || reason == "advertising"
                || reason == "image widget label"
                || reason == "page widget"
                || reason == "promo link")
                && !(reason == "short line that is not a sentence"
                    && title_like[i]
                    && !facts[i].words_at_most(2))
        }
        SectionKind::Body | SectionKind::Caption => false,
        _ => true,
    };
    // A byline, timestamp, dateline or caption anchors the header more surely than a sentence, which may
    // be a standfirst: when one follows the first sentence closely, start from it.
    let strong =
        |i: usize, kinds: &Kinds| anchor_like(i, kinds) && kinds[i].0 != SectionKind::Body || has_dateline(i);
    let candidates: Vec<usize> = (0..n).filter(|&i| !is_blank(i) && anchor_like(i, kinds)).collect();
    let mut order = candidates.clone();
    if let (Some(&weak), Some(&first_strong)) =
        (candidates.first(), candidates.iter().find(|&&i| strong(i, kinds)))
        && weak < first_strong
    {
        let sentences_between = (weak..first_strong)
            .filter(|&i| kinds[i].0 == SectionKind::Body && ends_sentence(content[i]))
            .count();
        if sentences_between <= 1 {
            order.retain(|&i| i >= first_strong);
        }
    }
    // The first anchor with a title-like line above it; or, when the markup named the headline, the first
    // anchor under it.
    let mut found = None;
    if let Some(h) = kinds.iter().position(|(k, _)| *k == SectionKind::Headline) {
        let anchor = order.iter().copied().find(|&a| a > h).unwrap_or(h + 1);
        found = Some((h, anchor));
        order.clear();
    }
    for a in order {
        let mut block = Vec::new();
        for i in (0..a).rev() {
            if is_blank(i) {
                continue;
            }
            if stops(i, kinds) {
                break;
            }
            if kinds[i].0 == SectionKind::Body || title_like[i] {
                if !title_like[i] && !facts[i].words_at_most(45) {
                    break;
                }
                block.push(i);
            }
        }
        block.reverse();
        // The headline is the top title-like line of the block.
        let Some(&headline) = block.iter().find(|&&i| title_like[i]) else { continue };
        found = Some((headline, a));
        break;
    }
    let Some((headline, anchor)) = found else {
        // No header block: the first title-like line near the top, if any.
        if let Some(i) = (0..n).filter(|&i| !is_blank(i)).take(8).find(|&i| title_like[i]) {
            kinds[i] = (SectionKind::Headline, None);
        }
        return;
    };
    kinds[headline] = (SectionKind::Headline, None);
    for kind in kinds.iter_mut().take(headline) {
        if kind.0 == SectionKind::Body {
            *kind = (SectionKind::Furniture, Some("above the headline: the site's own text".to_owned()));
        }
    }
    // Between the headline and the story: standfirst lines and the byline.
    let story = (anchor..content.len())
        .find(|&i| {
            kinds[i].0 == SectionKind::Body
                && (facts[i].ends_sentence || dateline_place(content[i]).is_some())
        })
        .unwrap_or(content.len());
    let mut standfirst_open = true;
    let mut candidates = Vec::new();
    for i in headline + 1..story {
        let line = content[i].trim();
        if line.is_empty() {
            continue;
        }
        match kinds[i].0 {
            SectionKind::Byline => standfirst_open = false,
            SectionKind::Body | SectionKind::Furniture
                if kinds[i].1.as_deref().is_none_or(|r| r == "short line that is not a sentence")
                    && (posted_by(line).is_some()
                        || facts[i].words_at_most(6)
                            && (is_byline(line) || looks_like_name(without_role(line)))) =>
            {
                kinds[i] = (SectionKind::Byline, None);
                standfirst_open = false;
            }
            SectionKind::Body if standfirst_open && !facts[i].words_at_most(4) => candidates.push(i),
            SectionKind::Caption | SectionKind::Furniture | SectionKind::PageMeta => {}
            _ => standfirst_open = false,
        }
    }
    // Lines between the headline and the story: the standfirst. When some end without a full stop (the
    // usual standfirst) and others are full sentences, the sentences tease another story.
    let full_stop = |i: usize| content[i].trim_end().ends_with('.');
    let mixed = candidates.iter().any(|&i| full_stop(i)) && candidates.iter().any(|&i| !full_stop(i));
    for i in candidates {
        kinds[i] = if mixed && full_stop(i) {
            (
                SectionKind::Furniture,
                Some("above the story: a summary or a teaser for another story".to_owned()),
            )
        } else {
            (SectionKind::Standfirst, None)
        };
    }
}

/// "Posted on March 5, 2019 by Tom Keller": the author after " by " in a posting line.
fn posted_by(line: &str) -> Option<&str> {
    let t = line.trim();
    let head = t.get(..6)?;
    if !head.eq_ignore_ascii_case("posted") && !head.eq_ignore_ascii_case("publis") {
        return None;
    }
    let at = t.rfind(" by ")?;
    let name = t[at + 4..].trim();
    looks_like_name(name).then_some(name)
}

/// The attribution under a pull quote: a name in capitals, a comma, and a description
/// ("MR JOHN DOE, in a speech to parliament."). A dateline ("LONDON, May 3 (Reuters) -") is not one.
fn is_pull_quote_attribution(line: &str, facts: &LineFacts) -> bool {
    if line.len() > 400 {
        return false;
    }
    // The name opens the line, in capitals: the first two letters of the line are capitals, or it is not
    // one (most lines open with a capital and a small letter).
    if !line.chars().filter(|c| c.is_alphabetic()).take(2).all(char::is_uppercase) {
        return false;
    }
    let Some((name, rest)) = line.split_once(", ") else { return false };
    let caps_words = name.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    caps_words >= 2
        && words_at_most(name, 5)
        && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && rest.chars().next().is_some_and(char::is_lowercase)
        && facts.words_at_most(40)
        && dateline_place(line).is_none()
}

/// The quotation above a pull-quote attribution is part of the pull quote.
fn mark_pull_quotes(facts: &[LineFacts], kinds: &mut Kinds) {
    let reason = |k: &(SectionKind, Option<String>)| {
        k.0 == SectionKind::Furniture && k.1.as_deref().is_some_and(|r| r.starts_with("pull quote"))
    };
    for i in 0..kinds.len() {
        if !reason(&kinds[i]) {
            continue;
        }
        let Some(prev) = (0..i).rev().find(|&j| kinds[j].0 != SectionKind::Blank) else { continue };
        if kinds[prev].0 == SectionKind::Body && facts[prev].words_at_most(60) {
            kinds[prev] = kinds[i].clone();
        }
    }
}

/// A byline: "By Jane Doe and John Roe", or a bare name of two to four capitalised words in the page's
/// header (between the headline and the first paragraph).
fn is_byline(line: &str) -> bool {
    let t = line.trim();
    if let Some(rest) = strip_by(t) {
        return (1..=12).contains(&words(rest)) && rest.chars().next().is_some_and(char::is_uppercase);
    }
    looks_like_name(t)
}

fn strip_by(line: &str) -> Option<&str> {
    let lower = line.get(..3)?.to_ascii_lowercase();
    (lower == "by ").then(|| line[3..].trim())
}

/// Two to four words, each a capitalised name part or an initial ("J.", "McNeil", "O'Brien", "al-Assad").
fn looks_like_name(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && !p.chars().skip(1).all(char::is_uppercase)
        })
}

/// The authors a byline names: "By Jane Doe, John Roe and Ann Lee, Reuters" gives three names; outlet
/// names and role words are left out.
pub(crate) fn byline_authors(line: &str) -> Vec<String> {
    let t = line.trim();
    let rest = posted_by(t).or_else(|| strip_by(t)).unwrap_or(t);
    // "By JANE DOE FOR MAILONLINE": the outlet the author wrote for is not an author.
    let rest = [" for ", " FOR ", " For "].iter().find_map(|s| rest.split_once(s)).map_or(rest, |(a, _)| a);
    rest.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|name| without_outlet(without_role(name.trim())))
        .filter(|name| {
            (looks_like_name(name) || looks_like_caps_name(name)) && outlets::table().exact(name).is_none()
        })
        .map(str::to_owned)
        .collect()
}

/// A name with an outlet after it removed: "Jane Doe BBC Scotland News" gives "Jane Doe".
fn without_outlet(name: &str) -> &str {
    match outlets::table().find(name).first() {
        Some(m) if m.start > 0 => name[..m.start].trim(),
        _ => name,
    }
}

/// Role words that follow a name in a byline ("Jane Doe Environment correspondent").
const ROLE_WORDS: [&str; 14] = [
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "analyst",
    "staff",
    "producer",
    "journalist",
    "photographer",
    "chief",
    "bureau",
    "presenter",
];

/// A name with a trailing role removed: "Jane Doe Environment correspondent" gives "Jane Doe".
fn without_role(name: &str) -> &str {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let Some(role_at) = parts.iter().position(|p| ROLE_WORDS.iter().any(|r| p.eq_ignore_ascii_case(r)))
    else {
        return name;
    };
    // The words before the role: the name, then perhaps a beat ("Environment", "Senior political").
    let keep =
        parts[..role_at].iter().take_while(|p| p.chars().next().is_some_and(char::is_uppercase)).count();
    let keep = keep.min(role_at).clamp(0, 3).min(if role_at > 2 { 2 } else { role_at });
    let end = parts.iter().take(keep).map(|p| p.len()).sum::<usize>() + keep.saturating_sub(1);
    name.get(..end).unwrap_or(name).trim()
}

/// A name printed in capitals in a byline ("HARRIET LOWE"): two to four words of letters.
fn looks_like_caps_name(text: &str) -> bool {
    let parts: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() >= 2 && p.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'')))
}

/// A standfirst: a sentence-length line without a final full stop between the headline and the first
/// paragraph of the story (the paragraph with the dateline, when there is one).
fn mark_standfirst(content: &[&str], facts: &[LineFacts], kinds: &mut Kinds) {
    let Some(headline) = kinds.iter().position(|(k, _)| *k == SectionKind::Headline) else { return };
    let first_body = |kinds: &[(SectionKind, Option<String>)]| {
        (headline..kinds.len()).find(|&i| kinds[i].0 == SectionKind::Body)
    };
    // A dateline opens one of the first few paragraphs, if any does.
    let story_start = (headline..kinds.len())
        .filter(|&i| kinds[i].0 == SectionKind::Body)
        .take(4)
        .find(|&i| dateline_place(content[i]).is_some())
        .or_else(|| first_body(kinds));
    let Some(end) = story_start else { return };
    let has_standfirst = kinds.iter().any(|(k, _)| *k == SectionKind::Standfirst);
    for i in (headline + 1..end).filter(|_| !has_standfirst) {
        let line = content[i].trim();
        let candidate = kinds[i].0 == SectionKind::Body
            && !facts[i].words_at_most(5)
            && !line.ends_with('.')
            && !has_photo_credit(line);
        if candidate {
            kinds[i] = (SectionKind::Standfirst, None);
            break;
        }
    }
    // Above a dateline, the story has not begun: paragraphs there summarise it or tease another one.
    if dateline_place(content[end]).is_some() {
        let standfirst_seen = (headline + 1..end).any(|i| kinds[i].0 == SectionKind::Standfirst);
        let mut first = !standfirst_seen;
        for kind in &mut kinds[headline + 1..end] {
            if kind.0 == SectionKind::Body {
                *kind = if first {
                    (SectionKind::Standfirst, None)
                } else {
                    (
                        SectionKind::Furniture,
                        Some(
                            "above the story's dateline: a summary or a teaser for another story".to_owned(),
                        ),
                    )
                };
                first = false;
            }
        }
    }
}

/// The place of a dateline at the start of a paragraph: `MOSCOW (Reuters) -`, `MOSCOW •`,
/// `ST. PETERSBURG, Russia —`, `WASHINGTON, April 2 (AP) -`. Returns the place as printed, before any
/// comma, and the byte length of the place.
fn dateline_place(paragraph: &str) -> Option<(&str, usize)> {
    let t = paragraph.trim_start();
    if !t.starts_with(char::is_uppercase) {
        return None;
    }
    let head_end = head_bytes(t, 120);
    let head = &t[..head_end];
    // '(', '-', '/', or the lead byte of '•', '—', '–': without one there is no dateline to cut.
    if !head.bytes().any(|b| matches!(b, b'(' | b'-' | b'/' | 0xE2)) {
        return None;
    }
    let cut =
        [head.find(['(', '•', '—', '–']), head.find(" - "), head.find(". /")].into_iter().flatten().min()?;
    let lead = head[..cut].trim_end();
    let place = lead.split(',').next()?.trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let shape_ok = !place.is_empty()
        && place.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
        && words_at_most(place, 4);
    if !shape_ok {
        return None;
    }
    if all_caps {
        return Some((place, place.len()));
    }
    // "Geneva (AFP) -": a place in title case, then an agency in brackets.
    let capitalised = |s: &str| {
        (1..=3).contains(&words(s))
            && s.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    if !capitalised(place) {
        return None;
    }
    let after = &head[cut..];
    if let Some(inner) = after.strip_prefix('(').and_then(|a| a.split_once(')')).map(|(inner, _)| inner)
        && lead == place
        && outlets::table().exact(inner.trim()).is_some()
    {
        return Some((place, place.len()));
    }
    // "Arequipa, Peru – ": a place, its country or region, and a dash.
    let region = lead[place.len()..].trim_start_matches(',').trim();
    let dash = after.starts_with(['—', '–']) || after.starts_with(" - ");
    (dash && capitalised(region) && !region.contains(',')).then_some((place, place.len()))
}

/// "ST. PETERSBURG" as "St. Petersburg".
fn title_case(place: &str) -> String {
    place
        .split(' ')
        .map(|w| {
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Turns classified lines into sections that tile the text: each line with its line break, runs of
/// blank lines merged.
fn build_sections(lines: &[Line], kinds: &Kinds) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(lines.len());
    for (line, (kind, reason)) in lines.iter().zip(kinds) {
        let (start, end) = (line.start as u32, line.next as u32);
        if start == end {
            continue;
        }
        match sections.last_mut() {
            Some(last) if *kind == SectionKind::Blank && last.kind == SectionKind::Blank => last.end = end,
            _ => sections.push(Section { kind: *kind, start, end, reason: reason.clone() }),
        }
    }
    sections
}

fn read_metadata(
    text: &str,
    lines: &[Line],
    facts: &[LineFacts],
    kinds: &Kinds,
    diagnostics: &mut Vec<Diagnostic>,
) -> Metadata {
    let headline = lines.iter().zip(kinds).find(|(_, (k, _))| *k == SectionKind::Headline).map(|(l, _)| {
        let raw = &text[l.start..l.end];
        let lead = raw.len() - raw.trim_start().len();
        let value = raw.trim().to_owned();
        let start = (l.start + lead) as u32;
        Fact {
            value: value.clone(),
            evidence: Evidence {
                rule: "first title-like line".to_owned(),
                span: Some((start, start + value.len() as u32)),
            },
        }
    });
    if headline.is_none() {
        diagnostics.push(Diagnostic::warning("meta.no_headline", "No headline was recognised."));
    }
    let outlet = find_outlet(text, lines, facts, kinds, outlets::table());
    if outlet.is_none() {
        diagnostics.push(Diagnostic::warning(
            "meta.no_outlet",
            "The page does not name a known outlet; the outlet is unknown.",
        ));
    }
    let published = find_published(text, lines, facts, kinds, diagnostics);
    let line_of = |kind: SectionKind| lines.iter().zip(kinds).find(|(_, (k, _))| *k == kind).map(|(l, _)| *l);
    let trimmed_span = |l: Line| {
        let raw = &text[l.start..l.end];
        let start = l.start + (raw.len() - raw.trim_start().len());
        (start as u32, (start + raw.trim().len()) as u32)
    };
    let standfirst_lines: Vec<Line> = lines
        .iter()
        .zip(kinds)
        .filter(|(_, (k, _))| *k == SectionKind::Standfirst)
        .map(|(l, _)| *l)
        .collect();
    let standfirst = standfirst_lines.first().map(|&first| {
        let last = standfirst_lines.last().copied().unwrap_or(first);
        Fact {
            value: standfirst_lines
                .iter()
                .map(|l| text[l.start..l.end].trim())
                .collect::<Vec<_>>()
                .join("\n"),
            evidence: Evidence {
                rule: "lines under the headline".to_owned(),
                span: Some((trimmed_span(first).0, trimmed_span(last).1)),
            },
        }
    });
    // A byline, or a "Posted on DATE by NAME" line (kept as the page's timestamp).
    let byline_line = line_of(SectionKind::Byline).or_else(|| {
        lines
            .iter()
            .zip(kinds)
            .find(|(l, (k, _))| *k == SectionKind::PageMeta && posted_by(&text[l.start..l.end]).is_some())
            .map(|(l, _)| *l)
    });
    let byline = byline_line
        .map(|l| (byline_authors(&text[l.start..l.end]), l))
        .filter(|(authors, _)| !authors.is_empty())
        .map(|(value, l)| Fact {
            value,
            evidence: Evidence { rule: "byline".to_owned(), span: Some(trimmed_span(l)) },
        });
    // The dateline opens one of the first paragraphs (a teaser or a standfirst may come before it).
    let first_paragraphs = lines.iter().zip(kinds).filter(|(_, (k, _))| *k == SectionKind::Body).take(3);
    let dateline = first_paragraphs.map(|(l, _)| *l).find_map(|l| {
        let raw = &text[l.start..l.end];
        let lead = raw.len() - raw.trim_start().len();
        dateline_place(raw).map(|(place, len)| {
            let start = (l.start + lead) as u32;
            Fact {
                value: title_case(place),
                evidence: Evidence { rule: "dateline".to_owned(), span: Some((start, start + len as u32)) },
            }
        })
    });
    // Some pages print the dateline with the timestamp above the headline: "CHENNAI, May 22, 2019 22:41 IST".
    let dateline = dateline.or_else(|| {
        lines.iter().zip(kinds).filter(|(_, (k, _))| *k == SectionKind::PageMeta).find_map(|(l, _)| {
            let raw = &text[l.start..l.end];
            let lead = raw.len() - raw.trim_start().len();
            let (place, rest) = raw.trim().split_once(", ")?;
            let letters = place.chars().filter(|c| c.is_alphabetic()).count();
            let caps = letters >= 3
                && words_at_most(place, 3)
                && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
            let dated = find_dates(rest).first().is_some_and(|d| d.start == 0);
            (caps && dated).then(|| {
                let start = (l.start + lead) as u32;
                Fact {
                    value: title_case(place),
                    evidence: Evidence {
                        rule: "dateline with the timestamp".to_owned(),
                        span: Some((start, start + place.len() as u32)),
                    },
                }
            })
        })
    });
    Metadata { outlet, published, headline, standfirst, byline, dateline, ..Metadata::default() }
}

/// How much a place in the page says about who published it. Weights are relative; a wire dateline or a
/// print-edition footer outweighs any number of passing mentions (a page that quotes another outlet ten
/// times is still not that outlet), and credits naming contributing agencies count for nothing.
const WEIGHT_DATELINE: u32 = 100;
const WEIGHT_PRINT_EDITION: u32 = 100;
const WEIGHT_MASTHEAD: u32 = 60;
const WEIGHT_BLURB: u32 = 40;
const WEIGHT_MENTION: u32 = 2;

fn find_outlet(
    text: &str,
    lines: &[Line],
    facts: &[LineFacts],
    kinds: &Kinds,
    table: &OutletTable,
) -> Option<Fact<String>> {
    let mut scores: Vec<(u32, Option<(Evidence, u32)>)> = vec![(0, None); table.outlets.len()];
    let mut add = |outlet: usize, weight: u32, rule: &str, span: (usize, usize)| {
        let entry = &mut scores[outlet];
        entry.0 += weight;
        if entry.1.as_ref().is_none_or(|(_, w)| weight > *w) {
            entry.1 = Some((
                Evidence { rule: rule.to_owned(), span: Some((span.0 as u32, span.1 as u32)) },
                weight,
            ));
        }
    };
    // Names are searched line by line (no name spans a line break), skipping the lines whose names say
    // nothing about the publisher; each name is judged by the line it is on.
    for ((line, f), (kind, _)) in lines.iter().zip(facts).zip(kinds) {
        if matches!(kind, SectionKind::Credit | SectionKind::Caption | SectionKind::Comment) {
            continue;
        }
        let content = &text[line.start..line.end];
        for m in table.find(content) {
            let span = (line.start + m.start, line.start + m.end);
            let before = content[..m.start].trim_end();
            let after = content[m.end..].trim_start();
            if before.ends_with('(')
                && (after.starts_with(") -")
                    || after.starts_with(") –")
                    || after.starts_with(") —")
                    || after.starts_with(")-"))
                && m.start < 60
            {
                add(m.outlet, WEIGHT_DATELINE, "wire dateline", span);
            } else if *kind == SectionKind::PageMeta && is_print_edition(content) {
                add(m.outlet, WEIGHT_PRINT_EDITION, "print-edition line", span);
            } else if content.trim() == &content[m.start..m.end] {
                add(m.outlet, WEIGHT_MASTHEAD, "masthead", span);
            } else if m.start == content.len() - content.trim_start().len()
                && *kind == SectionKind::Furniture
                && !f.words_at_most(7)
            {
                add(m.outlet, WEIGHT_BLURB, "publisher blurb", span);
            } else {
                add(m.outlet, WEIGHT_MENTION, "named in the page", span);
            }
        }
    }
    let (best, (score, evidence)) =
        scores.into_iter().enumerate().max_by_key(|(i, (score, _))| (*score, std::cmp::Reverse(*i)))?;
    if score == 0 {
        return None;
    }
    let (evidence, _) = evidence?;
    Some(Fact { value: table.outlets[best].name.clone(), evidence })
}

fn find_published(
    text: &str,
    lines: &[Line],
    facts: &[LineFacts],
    kinds: &Kinds,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Fact<String>> {
    let mut first_full: Option<(DateMention, usize)> = None;
    let mut partial_seen = false;
    for ((line, f), (kind, _)) in lines.iter().zip(facts).zip(kinds) {
        // Dates in promos, comments and other furniture say nothing about this article.
        if matches!(kind, SectionKind::Furniture | SectionKind::Comment | SectionKind::Blank) {
            continue;
        }
        let content = &text[line.start..line.end];
        for &d in f.dates(content) {
            let at = (line.start + d.start, line.start + d.end);
            if d.year.is_none() {
                partial_seen = true;
                continue;
            }
            let rule = match kind {
                SectionKind::PageMeta if is_print_edition(content) => Some("print-edition line"),
                SectionKind::PageMeta => Some("page timestamp"),
                _ => None,
            };
            if let (Some(rule), Some(iso)) = (rule, d.iso()) {
                return Some(Fact {
                    value: iso,
                    evidence: Evidence { rule: rule.to_owned(), span: Some((at.0 as u32, at.1 as u32)) },
                });
            }
            // Dates in promos, comments and other furniture say nothing about this article.
            let article_part = !matches!(kind, SectionKind::Furniture | SectionKind::Comment);
            if first_full.is_none() && d.day.is_some() && article_part {
                first_full = Some((d, line.start));
            }
        }
    }
    if let Some((d, offset)) = first_full {
        let span = Some(((offset + d.start) as u32, (offset + d.end) as u32));
        diagnostics.push(Diagnostic::info(
            "meta.date_guessed",
            "The page prints no publication timestamp; the date is the first full date in the page.",
        ));
        return d.iso().map(|value| Fact {
            value,
            evidence: Evidence { rule: "first full date in the page".to_owned(), span },
        });
    }
    diagnostics.push(Diagnostic::warning(
        "meta.no_date",
        if partial_seen {
            "The page gives dates without a year and no full date: the publication date is unknown."
        } else {
            "The page gives no date: the publication date is unknown."
        },
    ));
    None
}

/// The photo captions, with their credits split off.
fn captions(text: &str, lines: &[Line], kinds: &Kinds, blocks: &[crate::html::Block]) -> Vec<Caption> {
    let mut captions = Vec::new();
    for (i, (l, (kind, _))) in lines.iter().zip(kinds).enumerate() {
        if *kind != SectionKind::Caption {
            continue;
        }
        let raw = &text[l.start..l.end];
        let mut start = l.start + (raw.len() - raw.trim_start().len());
        let mut line = raw.trim();
        let marked = markup::caption_credit(blocks, i)
            .map(|at| at.saturating_sub(raw.len() - raw.trim_start().len()))
            .filter(|&at| at > 0 && at < line.len() && line.is_char_boundary(at));
        let split = marked.or_else(|| photo_credit_split(line));
        // A label some sites print for screen readers ("Image caption") is not part of the caption.
        let (caption_text, mut credit) = match split {
            Some(cut) => {
                let (from, to) = credit_core(line, cut);
                (&line[..cut], Some(((start + from) as u32, (start + to) as u32)))
            }
            None => (line, None),
        };
        let mut caption_text = caption_text.trim_end().trim_end_matches(['|', '-', '–']).trim_end();
        for label in ["Image caption", "Caption:", "Caption"] {
            if let Some(rest) = caption_text.strip_prefix(label)
                && rest.starts_with([' ', ':'])
            {
                let trimmed = rest.trim_start_matches([' ', ':']);
                start += caption_text.len() - trimmed.len();
                line = &line[caption_text.len() - trimmed.len()..];
                caption_text = trimmed;
            }
        }
        let _ = line;
        // A credit printed on its own line just above the caption ("Image copyright Jane Doe/PA").
        if credit.is_none()
            && let Some(prev) = (0..i).rev().find(|&j| !text[lines[j].start..lines[j].end].trim().is_empty())
        {
            let p = &text[lines[prev].start..lines[prev].end];
            let lead = p.len() - p.trim_start().len();
            let pt = p.trim();
            if is_credit_only(pt) {
                let (from, to) = credit_core(pt, 0);
                let base = lines[prev].start + lead;
                credit = Some(((base + from) as u32, (base + to) as u32));
            }
        }
        captions.push(Caption { start: start as u32, end: (start + caption_text.len()) as u32, credit });
    }
    captions
}

/// A line that is only a photo credit: a credit label and a short name ("Image copyright Jane Doe/PA",
/// "Photo: AFP").
fn is_credit_only(line: &str) -> bool {
    [
        "Image copyright",
        "Copyright",
        "Photo:",
        "PHOTO:",
        "Photograph:",
        "Picture:",
        "Credit:",
        "Photo credit:",
    ]
    .iter()
    .any(|l| line.starts_with(l))
        && words_at_most(line, 8)
}

/// The credit itself inside `line[cut..]`: without a label ("Photograph:", "PHOTO:") or enclosing
/// brackets.
fn credit_core(line: &str, cut: usize) -> (usize, usize) {
    let mut from = cut;
    let mut to = line.len();
    let rest = &line[from..to];
    from += rest.len() - rest.trim_start_matches(['|', '-', '–', '—', ' ']).len();
    let rest = &line[from..to];
    if (rest.starts_with('(') && rest.ends_with(')')) || (rest.starts_with('[') && rest.ends_with(']')) {
        from += 1;
        to -= 1;
    }
    const LABELS: [&str; 12] = [
        "PHOTOS:",
        "PHOTO:",
        "Photos:",
        "Photo:",
        "Photograph:",
        "Picture:",
        "Image:",
        "Image copyright",
        "Credit:",
        "FILE PHOTO:",
        "Photo by",
        "Photo Credit:",
    ];
    let rest = &line[from..to];
    if let Some(label) = LABELS.iter().find(|l| rest.starts_with(**l)) {
        from += label.len();
    }
    let rest = &line[from..to];
    from += rest.len() - rest.trim_start().len();
    (from, to.max(from))
}

/// Where the photo credit at the end of a caption begins: "... PHOTO: AFP", "... (AP Photo/Jane Doe)",
/// "... REUTERS/John Roe", "... Photograph: Jane Doe/Getty Images", "... Image copyright AFP".
fn photo_credit_split(line: &str) -> Option<usize> {
    const OPENERS: [&str; 12] = [
        "PHOTO:",
        "PHOTOS:",
        "Photo:",
        "Photos:",
        "Photograph:",
        "Picture:",
        "Image:",
        "Image copyright",
        "Credit:",
        "FILE PHOTO:",
        "(Photo:",
        "Photo by",
    ];
    let tail_start = line.len().saturating_sub(120);
    let tail_start = (tail_start..line.len()).find(|&i| line.is_char_boundary(i)).unwrap_or(line.len());
    let tail = &line[tail_start..];
    let opener = OPENERS.iter().filter_map(|o| tail.find(o)).min();
    if let Some(i) = opener {
        return Some(tail_start + i);
    }
    // "(AP Photo/Jane Doe)", "[Jane Doe/Al Jazeera]" at the end.
    if let Some(open) = bracketed_credit(line) {
        return Some(open);
    }
    // "... | KYODO": a credit after a bar.
    if let Some(bar) = line.rfind(" | ")
        && words_at_most(&line[bar + 3..], 4)
    {
        return Some(bar + 3);
    }
    // "... AFP/File / Jane DOE": an agency credit without a full stop before it.
    for mark in ["AFP/", "REUTERS/", "EPA/", "AP Photo/", "Reuters/"] {
        if let Some(i) = line.rfind(mark)
            && (i == 0 || line[..i].ends_with(' '))
        {
            return Some(i);
        }
    }
    // "REUTERS/Jane Doe", "Jane Doe/AFP", "EPA/JOHN ROE", "Getty Images" at the end.
    let last_sentence_end = line.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let rest = line[last_sentence_end..].trim();
    let credit_like = !rest.is_empty()
        && words_at_most(rest, 6)
        && (rest.contains('/') || rest.ends_with("Getty Images") || rest.ends_with("Shutterstock"))
        && PHOTO_CREDIT_MARKS.iter().any(|m| rest.contains(m.trim_end_matches(':')));
    credit_like.then(|| line.len() - rest.len())
}

/// Reader comments cannot predate the article: the earliest one bounds its date. When the page gives no
/// date of its own, the bound is the best estimate, and says so.
fn bound_by_comments(meta: &mut Metadata, comments: &[crate::Comment], diagnostics: &mut Vec<Diagnostic>) {
    let earliest = comments
        .iter()
        .filter_map(|c| Some((c.posted.as_deref()?, c.header)))
        .filter(|(posted, _)| posted.len() >= 10)
        .min_by(|a, b| a.0.cmp(b.0));
    let Some((posted, header)) = earliest else { return };
    let day = &posted[..10];
    meta.published_bound = Some(Fact {
        value: day.to_owned(),
        evidence: Evidence { rule: "earliest reader comment".to_owned(), span: Some(header) },
    });
    match &meta.published {
        None => {
            diagnostics.push(Diagnostic::info(
                "meta.date_from_comments",
                format!(
                    "The page prints no date for the article; the earliest reader comment ({day}) is the latest it can be, and is used as its date."
                ),
            ));
            meta.published = Some(Fact {
                value: day.to_owned(),
                evidence: Evidence {
                    rule: "earliest reader comment (the article is no later)".to_owned(),
                    span: Some(header),
                },
            });
        }
        Some(p) if p.value.len() >= 10 && p.value.as_str() > day => diagnostics.push(Diagnostic::warning(
            "meta.date_after_comments",
            format!(
                "The publication date found ({}) is later than the earliest reader comment ({day}); one of them is wrong.",
                p.value
            ),
        )),
        Some(_) => {}
    }
}

/// Lists the dates the story prints (not those in page furniture or comments): full dates as printed, and
/// dates without a year ("March 3") and relative ones ("yesterday", "on Monday") resolved against the
/// publication date when it is a full date. Called again when the corpus manifest changes that date.
pub fn resolve_dates(doc: &mut Document) {
    resolve_dates_with(doc, |_, _| None);
}

/// [`resolve_dates`], with the dates of a section (given the section and its text) taken from `known`
/// when it has them, and found in the section's text otherwise.
fn resolve_dates_with<'k>(doc: &mut Document, known: impl Fn(&Section, &str) -> Option<&'k [DateMention]>) {
    let anchor = doc
        .meta
        .published
        .as_ref()
        .and_then(|p| chrono::NaiveDate::parse_from_str(p.value.get(..10)?, "%Y-%m-%d").ok());
    let mut dates = Vec::new();
    for section in &doc.sections {
        // Dates in promos, page furniture and comments say nothing about the story.
        if matches!(section.kind, SectionKind::Blank | SectionKind::Furniture | SectionKind::Comment) {
            continue;
        }
        let text = doc.section_text(section);
        let at = |start: usize, end: usize| (section.start + start as u32, section.start + end as u32);
        let found;
        let section_dates = match known(section, text) {
            Some(dates) => dates,
            None => {
                found = find_dates(text);
                &found
            }
        };
        for d in section_dates {
            let (start, end) = at(d.start, d.end);
            let resolved = match (d.year, anchor) {
                (Some(_), _) => d.iso_datetime().map(|v| (v, "as printed")),
                (None, Some(anchor)) => d
                    .with_year_from(anchor)
                    .map(|day| (day.format("%Y-%m-%d").to_string(), "year from the publication date")),
                (None, None) => None,
            };
            if let Some((value, rule)) = resolved {
                dates.push(crate::DateRef { start, end, value, rule: rule.to_owned() });
            }
        }
        if let Some(anchor) = anchor {
            for r in crate::dates::find_relative(text) {
                let (start, end) = at(r.start, r.end);
                if let Some(day) = r.resolve(anchor) {
                    dates.push(crate::DateRef {
                        start,
                        end,
                        value: day.format("%Y-%m-%d").to_string(),
                        rule: "relative to the publication date".to_owned(),
                    });
                }
            }
        }
    }
    dates.sort_by_key(|d| (d.start, d.end));
    doc.dates = dates;
}

#[cfg(test)]
mod tests;
