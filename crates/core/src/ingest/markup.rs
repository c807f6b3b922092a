//! HTML pages: what the markup says about each line, used before the text heuristics.
//!
//! [`crate::html::extract`] turns a page into lines of visible text, each with a hint from its markup
//! (navigation, aside, caption, byline, comment, inside the article container, ...). Lines whose markup
//! settles what they are get their kind here; lines inside the article container are left to the same
//! text heuristics as plain-text pages, which still find datelines, credits, pull quotes and in-article
//! promo boxes. Facts from `<head>` (site name, publication time, authors, canonical address) back up what
//! the text says.

use super::{Kinds, Line};
use crate::dates::{find_dates, parse_timestamp};
use crate::document::{Comment, Evidence, Fact, Metadata, SectionKind};
use crate::html::{Block, CommentPart, Hint, HtmlMeta};
use crate::outlets;

/// The kind a line's markup settles, if it does. The first `<h1>` is the headline.
pub(super) fn fixed_kinds(blocks: &[Block], lines: usize) -> Vec<Option<(SectionKind, Option<String>)>> {
    let mut fixed = vec![None; lines];
    let headline = blocks
        .iter()
        .position(|b| matches!(b.hint, Hint::Heading { level: 1, in_article: true }))
        .or_else(|| blocks.iter().position(|b| matches!(b.hint, Hint::Heading { level: 1, .. })));
    for (i, block) in blocks.iter().enumerate().take(lines) {
        let furniture = |why: &str| Some((SectionKind::Furniture, Some(why.to_owned())));
        fixed[i] = match &block.hint {
            _ if Some(i) == headline => Some((SectionKind::Headline, None)),
            Hint::Heading { in_article: true, .. }
                // A heading straight under the headline, before any paragraph, is its standfirst.
                if headline.is_some_and(|h| i > h)
                    && blocks[headline.unwrap_or(0) + 1..i]
                        .iter()
                        .all(|b| !matches!(b.hint, Hint::Heading { .. } | Hint::Article)) =>
            {
                Some((SectionKind::Standfirst, None))
            }
            Hint::Heading { in_article: true, .. } if headline.is_some_and(|h| i > h) => {
                Some((SectionKind::Subheading, None))
            }
            Hint::Heading { .. } => furniture("heading outside the article (from the page's markup)"),
            Hint::Article => None,
            Hint::Caption { .. } => Some((SectionKind::Caption, None)),
            Hint::Byline => Some((SectionKind::Byline, None)),
            Hint::Standfirst => Some((SectionKind::Standfirst, None)),
            Hint::Time { .. } => Some((SectionKind::PageMeta, Some("publication timestamp".to_owned()))),
            Hint::Navigation => furniture("navigation (from the page's markup)"),
            Hint::PageHeader => furniture("the site's page header (from the page's markup)"),
            Hint::PageFooter => furniture("the site's page footer (from the page's markup)"),
            Hint::Aside { what } => furniture(&format!("{what} (from the page's markup)")),
            Hint::Comment { part: CommentPart::Controls, .. } => furniture("comment controls"),
            Hint::Comment { .. } => Some((SectionKind::Comment, None)),
            Hint::Outside => furniture("outside the article (from the page's markup)"),
        };
    }
    fixed
}

/// Where the credit starts inside a caption line, when the markup marks it.
pub(super) fn caption_credit(blocks: &[Block], line: usize) -> Option<usize> {
    match blocks.get(line)?.hint {
        Hint::Caption { credit_start: Some(at) } => Some(at as usize),
        _ => None,
    }
}

/// The reader comments the markup delimits: each comment's author, time and paragraphs, and its parent.
pub(super) fn comments(
    text: &str,
    lines: &[Line],
    blocks: &[Block],
    times: &[(u32, String)],
) -> Vec<Comment> {
    let mut comments: Vec<(u32, Comment)> = Vec::new();
    for (block, line) in blocks.iter().zip(lines) {
        let Hint::Comment { id, depth, parent, part } = block.hint else { continue };
        let content = text[line.start..line.end].trim();
        let span = (line.start as u32, line.end as u32);
        let at = match comments.iter().position(|(cid, _)| *cid == id) {
            Some(at) => at,
            None => {
                comments.push((
                    id,
                    Comment {
                        author: None,
                        place: None,
                        posted: None,
                        header: span,
                        paragraphs: Vec::new(),
                        depth,
                        reply_to: parent,
                    },
                ));
                comments.len() - 1
            }
        };
        let comment = &mut comments[at].1;
        match part {
            CommentPart::Author if comment.author.is_none() => {
                let name = content.trim_end_matches(|c: char| c == ':' || c.is_whitespace());
                let name = name.strip_suffix(" says").unwrap_or(name);
                comment.author = Some(name.to_owned());
                comment.header = (comment.header.0.min(span.0), comment.header.1.max(span.1));
            }
            CommentPart::Place if comment.place.is_none() => {
                comment.place = Some(content.to_owned());
                comment.header = (comment.header.0.min(span.0), comment.header.1.max(span.1));
            }
            CommentPart::Time if comment.posted.is_none() => {
                // The machine-readable time behind a short visible one ("Sept. 24") says more.
                let visible =
                    find_dates(content).into_iter().find(|d| d.year.is_some()).and_then(|d| d.iso_datetime());
                let machine = times.iter().find(|(c, _)| *c == id).and_then(|(_, t)| parse_timestamp(t)).map(
                    |(date, time)| match time {
                        Some((h, m)) => format!("{}T{h:02}:{m:02}", date.format("%Y-%m-%d")),
                        None => date.format("%Y-%m-%d").to_string(),
                    },
                );
                comment.posted = match (visible, machine) {
                    (Some(v), Some(m)) if m.starts_with(&v) || m.len() > v.len() => Some(m),
                    (v, m) => v.or(m),
                };
                comment.header = (comment.header.0.min(span.0), comment.header.1.max(span.1));
            }
            CommentPart::Text => comment.paragraphs.push(span),
            _ => {}
        }
    }
    // `reply_to` refers to positions in the list; the markup's ids are in document order, so they agree,
    // but map them to be sure.
    let ids: Vec<u32> = comments.iter().map(|(id, _)| *id).collect();
    comments
        .into_iter()
        .map(|(_, mut c)| {
            c.reply_to = c.reply_to.and_then(|p| ids.iter().position(|&id| id == p)).map(|p| p as u32);
            c
        })
        .collect()
}

/// Backs up what the text says with what `<head>` says: the site's name, the publication time, the
/// authors, the canonical address and the language.
pub(super) fn apply_meta(meta: &mut Metadata, html: &HtmlMeta, kinds: &Kinds) {
    let fact =
        |value: String, rule: &str| Fact { value, evidence: Evidence { rule: rule.to_owned(), span: None } };
    // The site that published the page is the outlet, whatever agencies it quotes or credits.
    if let Some(site) = html.site_name.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let table = outlets::table();
        let name = table
            .exact(site)
            .or_else(|| table.find(site).first().map(|m| m.outlet))
            .map_or_else(|| site.to_owned(), |i| table.outlets[i].name.clone());
        meta.outlet = Some(fact(name, "site name in the page's metadata (og:site_name)"));
    }
    if let Some((date, _)) = html.published.as_deref().and_then(parse_timestamp) {
        meta.published =
            Some(fact(date.format("%Y-%m-%d").to_string(), "publication time in the page's metadata"));
    }
    if meta.headline.is_none()
        && let Some(title) = &html.title
    {
        meta.headline = Some(fact(title.clone(), "page title in the page's metadata"));
    }
    // Authors from the metadata, when the page prints no byline; organisations ("BBC News") and roles
    // ("Special Correspondent") are not authors.
    let byline_printed = kinds.iter().any(|(k, _)| *k == SectionKind::Byline);
    let authors: Vec<String> = html.authors.iter().flat_map(|a| super::byline_authors(a)).collect();
    if (meta.byline.is_none() || !byline_printed) && !authors.is_empty() {
        meta.byline = Some(Fact {
            value: authors,
            evidence: Evidence { rule: "authors in the page's metadata".to_owned(), span: None },
        });
    }
    if let Some(url) = &html.url {
        meta.url = Some(fact(url.clone(), "canonical address in the page's metadata"));
    }
    if let Some(lang) = &html.language {
        meta.language = Some(fact(lang.clone(), "language in the page's markup"));
    }
}
