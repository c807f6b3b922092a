//! Reading an annotated evaluation file (`eval/FORMAT.md`) into its plain text and its gold marks.
//!
//! The marks are removed as the file is read; every offset the parser records is a byte offset into the
//! plain text that remains, which is the text Parallax and every peer are run on.

use std::fmt;

use parallax_core::language::Label;

/// One gold entity mention: `start..end` in the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    pub start: u32,
    pub end: u32,
    pub label: Label,
    /// The real-world entity, the same in every file of the set.
    pub key: String,
}

/// Who a gold quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldSpeaker {
    /// An entity key, as the entity marks use it.
    Entity(String),
    /// An unnamed source: the description after `source:`.
    Source(String),
    /// Quoted words no one is said to have said.
    Outlet,
}

/// One gold quote: the words said (inside the quote marks) or the reported clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldQuote {
    pub start: u32,
    pub end: u32,
    pub direct: bool,
    pub speaker: GoldSpeaker,
}

/// One gold hedge: a hedging word or phrase, or the words of a scare quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldHedge {
    pub start: u32,
    pub end: u32,
    pub scare: bool,
}

/// An annotated file, read: the plain text and the marks, in text order of their start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotatedText {
    pub text: String,
    pub mentions: Vec<GoldMention>,
    pub quotes: Vec<GoldQuote>,
    pub hedges: Vec<GoldHedge>,
}

/// A malformed mark: where it is (1-based line of the annotated file) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// A mark opened and not yet closed.
#[derive(Debug)]
enum Open {
    Entity { label: Label, key: String, start: usize, line: usize },
    Quote { speaker: GoldSpeaker, direct: bool, start: usize, line: usize },
    Hedge { scare: bool, start: usize, line: usize },
}

impl Open {
    fn line(&self) -> usize {
        match self {
            Self::Entity { line, .. } | Self::Quote { line, .. } | Self::Hedge { line, .. } => *line,
        }
    }

    fn is_entity(&self) -> bool {
        matches!(self, Self::Entity { .. })
    }
}

/// Reads an annotated file. `file` names it in error messages.
///
/// Leading lines that start with `#` are notes and are dropped. Entity marks may sit inside quote and
/// hedge marks; nothing may sit inside an entity mark, and quote marks never nest.
pub fn parse(file: &str, source: &str) -> Result<AnnotatedText, ParseError> {
    let mut line = 1;
    let mut rest = source;
    while rest.starts_with('#') {
        let end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        rest = &rest[end..];
        line += 1;
    }

    let err = |line: usize, message: String| ParseError { file: file.to_owned(), line, message };
    let mut out = AnnotatedText::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut pos = 0;
    let bytes = rest.as_bytes();
    while pos < bytes.len() {
        let tail = &rest[pos..];
        if tail.starts_with("[[") {
            if let Some(open) = stack.last().filter(|o| o.is_entity()) {
                return Err(err(
                    line,
                    format!("an entity mark opened on line {} is not closed", open.line()),
                ));
            }
            let (head, len) =
                mark_head(tail, 2).ok_or_else(|| err(line, "an entity mark without text".into()))?;
            let (label, key) = match head.split_once('=') {
                Some((label, key)) => {
                    check_key(key).map_err(|m| err(line, m))?;
                    (label, Some(key))
                }
                None => (head, None),
            };
            let label = Label::parse(label).ok_or_else(|| err(line, format!("unknown label `{label}`")))?;
            stack.push(Open::Entity {
                label,
                key: key.unwrap_or_default().to_owned(),
                start: out.text.len(),
                line,
            });
            pos += len;
        } else if tail.starts_with("{{") {
            if let Some(open) = stack.last().filter(|o| o.is_entity()) {
                return Err(err(
                    line,
                    format!("a mark inside the entity mark opened on line {}", open.line()),
                ));
            }
            let (head, len) = mark_head(tail, 2).ok_or_else(|| err(line, "a mark without text".into()))?;
            let start = out.text.len();
            let open = match head {
                "H" => Open::Hedge { scare: false, start, line },
                "S" => Open::Hedge { scare: true, start, line },
                _ => {
                    let Some(q) = head.strip_prefix("Q:") else {
                        return Err(err(line, format!("unknown mark `{{{{{head}`: expected Q:, H or S")));
                    };
                    if let Some(outer) = stack.iter().find(|o| matches!(o, Open::Quote { .. })) {
                        return Err(err(
                            line,
                            format!("quote marks nest (outer opened on line {})", outer.line()),
                        ));
                    }
                    let (speaker, direct) = quote_head(q).map_err(|m| err(line, m))?;
                    Open::Quote { speaker, direct, start, line }
                }
            };
            stack.push(open);
            pos += len;
        } else if tail.starts_with("]]") {
            match stack.pop() {
                Some(Open::Entity { label, key, start, line: opened }) => {
                    let words = &out.text[start..];
                    check_words(words).map_err(|m| err(opened, m))?;
                    let key = if key.is_empty() { default_key(words) } else { key };
                    out.mentions.push(GoldMention {
                        start: offset(start),
                        end: offset(out.text.len()),
                        label,
                        key,
                    });
                }
                Some(other) => {
                    return Err(err(
                        line,
                        format!("`]]` closes the `{{{{` mark opened on line {}", other.line()),
                    ));
                }
                None => return Err(err(line, "`]]` with no entity mark open".into())),
            }
            pos += 2;
        } else if tail.starts_with("}}") {
            let (start, opened) = match stack.last() {
                Some(Open::Quote { start, line, .. } | Open::Hedge { start, line, .. }) => (*start, *line),
                Some(Open::Entity { line: opened, .. }) => {
                    return Err(err(line, format!("`}}}}` closes the entity mark opened on line {opened}")));
                }
                None => return Err(err(line, "`}}` with no mark open".into())),
            };
            check_words(&out.text[start..]).map_err(|m| err(opened, m))?;
            let (start, end) = (offset(start), offset(out.text.len()));
            match stack.pop() {
                Some(Open::Quote { speaker, direct, .. }) => {
                    out.quotes.push(GoldQuote { start, end, direct, speaker });
                }
                Some(Open::Hedge { scare, .. }) => out.hedges.push(GoldHedge { start, end, scare }),
                _ => {}
            }
            pos += 2;
        } else {
            let c = tail.chars().next().unwrap_or_default();
            if c == '\n' {
                line += 1;
            }
            out.text.push(c);
            pos += c.len_utf8();
        }
    }
    if let Some(open) = stack.last() {
        return Err(err(open.line(), "a mark opened here is never closed".into()));
    }
    out.mentions.sort_by_key(|m| (m.start, m.end));
    out.quotes.sort_by_key(|q| (q.start, q.end));
    out.hedges.sort_by_key(|h| (h.start, h.end));
    Ok(out)
}

/// Problems that are not errors of form: a quote attributed to an entity key no mention in the same text
/// carries (a typo in a key, most often), or one key given to mentions of different labels.
pub fn lint(text: &AnnotatedText) -> Vec<String> {
    let mut problems = Vec::new();
    for q in &text.quotes {
        if let GoldSpeaker::Entity(key) = &q.speaker
            && !text.mentions.iter().any(|m| &m.key == key)
        {
            problems.push(format!("quote at byte {}: speaker `{key}` is the key of no mention", q.start));
        }
    }
    for (i, m) in text.mentions.iter().enumerate() {
        if let Some(other) = text.mentions[..i].iter().find(|o| o.key == m.key && o.label != m.label) {
            problems.push(format!(
                "key `{}` is {} at byte {} and {} at byte {}",
                m.key,
                other.label.as_str(),
                other.start,
                m.label.as_str(),
                m.start
            ));
        }
    }
    problems
}

/// The head of a mark (`PERSON=key`, `Q:key:d`, `H`): the text after the two opening characters up to
/// the first space, and the length of the opening including that space.
fn mark_head(tail: &str, open_len: usize) -> Option<(&str, usize)> {
    let after = &tail[open_len..];
    let space = after.find([' ', '\n', ']', '}'])?;
    if !after[space..].starts_with(' ') {
        return None;
    }
    Some((&after[..space], open_len + space + 1))
}

/// Reads `KEY:d` or `KEY:r`, where KEY is an entity key, `source:DESCRIPTION` or `outlet`.
fn quote_head(q: &str) -> Result<(GoldSpeaker, bool), String> {
    let Some((key, kind)) = q.rsplit_once(':') else {
        return Err(format!("quote mark `Q:{q}` lacks `:d` or `:r`"));
    };
    let direct = match kind {
        "d" => true,
        "r" => false,
        _ => return Err(format!("quote mark `Q:{q}`: expected `:d` (direct) or `:r` (reported)")),
    };
    let speaker = if key == "outlet" {
        GoldSpeaker::Outlet
    } else if let Some(description) = key.strip_prefix("source:") {
        check_key(description)?;
        GoldSpeaker::Source(description.to_owned())
    } else {
        check_key(key)?;
        GoldSpeaker::Entity(key.to_owned())
    };
    Ok((speaker, direct))
}

/// Keys are lowercase and hyphenated: letters, digits, `-` and `.` (as in "u.s." made a key).
fn check_key(key: &str) -> Result<(), String> {
    if key.is_empty() {
        return Err("an empty key".into());
    }
    if key.chars().any(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, ':' | '[' | ']' | '{' | '}'))
    {
        return Err(format!("key `{key}` is not lowercase and hyphenated"));
    }
    Ok(())
}

/// A mark wraps words exactly: not empty, no space at either end.
fn check_words(words: &str) -> Result<(), String> {
    if words.trim().is_empty() {
        return Err("a mark around no words".into());
    }
    if words.starts_with(char::is_whitespace) || words.ends_with(char::is_whitespace) {
        return Err(format!("the mark around `{words}` includes space at an end"));
    }
    Ok(())
}

/// The key of an entity mark without `=key`: its text lowercased, spaces made hyphens.
pub fn default_key(words: &str) -> String {
    words.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join("-")
}

fn offset(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(source: &str) -> AnnotatedText {
        parse("t.txt", source).expect("parses")
    }

    fn error(source: &str) -> String {
        parse("t.txt", source).expect_err("fails").to_string()
    }

    fn slice(t: &AnnotatedText, start: u32, end: u32) -> &str {
        &t.text[start as usize..end as usize]
    }

    #[test]
    fn entities_with_and_without_keys() {
        let t = ok(
            "# a note\n# another\n[[NORP Russian]] President [[PERSON=vladimir-putin Vladimir Putin]] spoke.\n",
        );
        assert_eq!(t.text, "Russian President Vladimir Putin spoke.\n");
        assert_eq!(t.mentions.len(), 2);
        assert_eq!((t.mentions[0].label, t.mentions[0].key.as_str()), (Label::Norp, "russian"));
        assert_eq!(slice(&t, t.mentions[1].start, t.mentions[1].end), "Vladimir Putin");
        assert_eq!(t.mentions[1].key, "vladimir-putin");
        assert_eq!(default_key("New  York City"), "new-york-city");
    }

    #[test]
    fn an_entity_inside_a_direct_quote() {
        let t =
            ok("He said: \u{201c}{{Q:john-kerry:d [[PLACE=united-states America]] will help}}\u{201d}.\n");
        assert_eq!(t.text, "He said: \u{201c}America will help\u{201d}.\n");
        assert_eq!(t.quotes.len(), 1);
        let q = &t.quotes[0];
        assert_eq!(slice(&t, q.start, q.end), "America will help");
        assert!(q.direct);
        assert_eq!(q.speaker, GoldSpeaker::Entity("john-kerry".into()));
        assert_eq!(slice(&t, t.mentions[0].start, t.mentions[0].end), "America");
        assert_eq!(t.mentions[0].key, "united-states");
    }

    #[test]
    fn speakers_and_hedges() {
        let t = ok(
            "{{Q:source:diplomatic-source:r talks failed}}, {{H reportedly}}; {{Q:outlet:d a b c d e}} {{S x}}\n",
        );
        assert_eq!(t.quotes[0].speaker, GoldSpeaker::Source("diplomatic-source".into()));
        assert!(!t.quotes[0].direct);
        assert_eq!(t.quotes[1].speaker, GoldSpeaker::Outlet);
        assert_eq!(t.hedges.len(), 2);
        assert!(!t.hedges[0].scare);
        assert!(t.hedges[1].scare);
        assert_eq!(slice(&t, t.hedges[0].start, t.hedges[0].end), "reportedly");
    }

    #[test]
    fn byte_offsets_with_non_ascii_text() {
        // "é" is two bytes, the curly quotes three each.
        let t = ok("Café \u{201c}{{S [[ORG Élysée]]}}\u{201d} [[PERSON José]]\n");
        assert_eq!(t.text, "Café \u{201c}Élysée\u{201d} José\n");
        assert_eq!((t.mentions[0].start, t.mentions[0].end), (9, 17));
        assert_eq!(slice(&t, 9, 17), "Élysée");
        assert_eq!((t.mentions[1].start, t.mentions[1].end), (21, 26));
        assert_eq!(t.mentions[1].key, "josé");
        assert_eq!((t.hedges[0].start, t.hedges[0].end), (9, 17));
    }

    #[test]
    fn multi_paragraph_quote_counts_lines() {
        let t = ok("{{Q:a:d one\n\ntwo}} [[DATE Monday]]\n");
        assert_eq!(slice(&t, t.quotes[0].start, t.quotes[0].end), "one\n\ntwo");
        let e = error("x\n\n{{Q:a:d one\n\ntwo}} [[DATE Monday\n");
        assert_eq!(e, "t.txt:5: a mark opened here is never closed");
    }

    #[test]
    fn lint_finds_unknown_speakers_and_mixed_labels() {
        let t = ok("[[PERSON=a A]] said {{Q:b:r x}}; [[ORG=a A]] {{Q:a:r y}}\n");
        assert_eq!(
            lint(&t),
            [
                "quote at byte 7: speaker `b` is the key of no mention",
                "key `a` is PERSON at byte 0 and ORG at byte 10"
            ]
        );
    }

    #[test]
    fn malformed_marks_are_errors_with_file_and_line() {
        assert_eq!(error("a\n[[PERSN Bob]]\n"), "t.txt:2: unknown label `PERSN`");
        assert_eq!(error("a\nb]]\n"), "t.txt:2: `]]` with no entity mark open");
        assert_eq!(error("a}}\n"), "t.txt:1: `}}` with no mark open");
        assert_eq!(error("[[ORG a [[ORG b]]]]\n"), "t.txt:1: an entity mark opened on line 1 is not closed");
        assert_eq!(error("{{Q:a:d x {{Q:b:d y}}}}\n"), "t.txt:1: quote marks nest (outer opened on line 1)");
        assert_eq!(
            error("{{Q:a:x y}}\n"),
            "t.txt:1: quote mark `Q:a:x`: expected `:d` (direct) or `:r` (reported)"
        );
        assert_eq!(error("{{X y}}\n"), "t.txt:1: unknown mark `{{X`: expected Q:, H or S");
        assert_eq!(error("[[ORG=Big-Co x]]\n"), "t.txt:1: key `Big-Co` is not lowercase and hyphenated");
        assert_eq!(error("[[ORG x ]]\n"), "t.txt:1: the mark around `x ` includes space at an end");
        assert_eq!(error("{{H [[ORG x}}]]\n"), "t.txt:1: `}}` closes the entity mark opened on line 1");
        assert_eq!(error("[[ORG x {{H y}}]]\n"), "t.txt:1: a mark inside the entity mark opened on line 1");
        assert_eq!(error("[[ORG]]\n"), "t.txt:1: an entity mark without text");
    }
}
