//! From an HTML page to the plain text ingest classifies, with what the markup says about each line.
//!
//! Ingest reads lines of text and decides what each one is from its shape. A saved HTML page says more
//! than its text: the markup names the article container, the navigation, the captions, the bylines and the
//! reader comments. This module turns a page into the visible text, one block per line, plus one [`Hint`]
//! per line recording what the markup said, and the facts in `<head>` and JSON-LD ([`HtmlMeta`]). It only
//! reads structure; what a line finally *is* stays with ingest, which weighs the hints with its heuristics.
//!
//! The main design decision is that **a line's hint is the context of the innermost element that holds all
//! of the line's text**, and each element's context is derived once from its parent's. The page is parsed by
//! html5ever (through `scraper`) the way a browser with scripting off parses it, so broken markup is
//! repaired by the standard's rules rather than by ours and `<noscript>` holds markup. A first pass picks the
//! article container: among `<article>`, `<main>` and elements named like an article body, the one holding
//! most paragraph text, narrowed to a candidate inside it that holds most of that text when nothing else
//! does (see `choose_container`). A second pass walks the tree with a stack of contexts and writes the
//! text. When contexts compete, the strongest wins:
//!
//! 1. inside a comment section, the comment (and which part of it a line is) beats everything;
//! 2. page furniture (navigation, asides, ads, share bars, promos, cookie banners) beats everything inside
//!    it, the article container included;
//! 3. otherwise the innermost meaningful element wins: heading, caption, time, byline, the page's own header
//!    or footer, the article container. Text under none of them is [`Hint::Outside`].
//!
//! An inline element carrying its own hint (a `<time>`, a `span.byline`) gets a line of its own when it is
//! not part of running text, so `<div><span class="byline">By A</span><time>May 1</time></div>` gives a
//! byline line and a time line, while `<p>Updated <time>May 1</time> after talks</p>` stays one sentence.
//!
//! Class and id names are matched word by word (`c-article__share` is `c`, `article`, `share`;
//! `storyBody` is `story`, `body`), never as raw substrings, so a header is not an ad and a candidate is not
//! a date. A word after a modifier such as `has`, `with` or `no` is not a role (`layout--with-rail` is not a
//! sidebar), and the article container and its ancestors are never furniture, whatever their classes say.
//!
//! Nothing in the page is run or kept as text: scripts, styles and templates are skipped and counted, event
//! handler attributes and `javascript:` URLs are only counted, and JSON-LD is parsed as data.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::node::Element;
use scraper::{Html, HtmlTreeSink, Node};
use serde_json::Value;

/// A page turned into lines of visible text, each with what the markup says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// The visible text: one block per line, lines separated by "\n". Whitespace inside a block is
    /// collapsed to single spaces; there are no empty lines.
    pub text: String,
    /// One entry per line of `text`, in order: its byte span (the end excludes the "\n") and its hint.
    pub blocks: Vec<Block>,
    /// Facts from `<head>` and structured markup.
    pub meta: HtmlMeta,
    /// The number of `<script>`, `<style>` and `<template>` elements (code, not text) that were skipped.
    pub scripts_skipped: u32,
    /// The number of event-handler attributes (`onclick`, `onerror`, ...) and `javascript:` URLs seen.
    /// None is ever kept or run; the count is for a diagnostic.
    pub handlers_seen: u32,
    /// The `datetime` attribute of each comment's `<time>`, by comment id: the full timestamp behind a
    /// short visible one ("Sept. 24").
    pub comment_times: Vec<(u32, String)>,
    /// The article container that was chosen, described for people (`<article>`,
    /// `<div class="article-body">`), when the page has one.
    pub container: Option<String>,
}

/// One line of [`HtmlPage::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: u32,
    pub end: u32,
    pub hint: Hint,
}

/// What the markup says a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// An `<h1>` to `<h6>`; `in_article` when inside the article container (or another candidate for it
    /// that holds it, such as the `<article>` around an `article-body`).
    Heading { level: u8, in_article: bool },
    /// Text inside the main article container.
    Article,
    /// A `<figcaption>` or an element whose class says caption. `credit_start` is the byte offset within
    /// the line where a credit element (class or itemprop credit, copyright or author) begins, if any.
    Caption { credit_start: Option<u32> },
    /// An element whose class, itemprop or rel says byline or author, outside comments.
    Byline,
    /// A `<time>` element, or an element whose class says date or timestamp, outside comments; `datetime`
    /// is its `datetime` attribute, if any.
    Time { datetime: Option<String> },
    /// Inside `<nav>`, `role=navigation`, breadcrumbs, menus.
    Navigation,
    /// Inside the page's own `<header>` (not the article's), or `role=banner`.
    PageHeader,
    /// Inside the page's own `<footer>` (not the article's), or `role=contentinfo`.
    PageFooter,
    /// Inside `<aside>` or a related-links, promotion, newsletter, share, cookie, advertisement or
    /// comments-section container; `what` says which, in words ("related links", "cookie banner").
    Aside { what: String },
    /// A reader comment. `depth` is its nesting level (0 for a top-level comment), `id` its 0-based index
    /// in document order, `parent` the index of the comment it replies to; `part` says which part of the
    /// comment the line is.
    Comment { id: u32, depth: u32, parent: Option<u32>, part: CommentPart },
    /// The summary under the headline, by class (`intro`, `standfirst`, `dek`, `summary`, `teaser`).
    Standfirst,
    /// `<noscript>` text and anything else outside the article container.
    Outside,
}

/// The parts of a reader comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentPart {
    Author,
    /// Where the commenter said they were ("Columbus, OH").
    Place,
    Time,
    Text,
    /// "Reply", "Report", like counts.
    Controls,
}

/// Facts from `<head>` and structured markup, each as printed in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlMeta {
    /// `og:title`, else `twitter:title`, else `<title>` (else JSON-LD `headline`), with a " - Site" or
    /// " | Site" suffix removed when it names the site.
    pub title: Option<String>,
    /// `og:site_name`, else `application-name`, else JSON-LD `publisher.name`.
    pub site_name: Option<String>,
    /// `article:published_time`, else JSON-LD `datePublished`, else `<meta name="date">` (or `pubdate`,
    /// `dc.date` and kin), else an `itemprop="datePublished"`, else the first `<time datetime>` in the
    /// article.
    pub published: Option<String>,
    /// `article:modified_time` or `og:updated_time`, else JSON-LD `dateModified`, else `<meta>` names and
    /// `itemprop="dateModified"`.
    pub modified: Option<String>,
    /// JSON-LD author names, else `article:author` values that are not URLs, else `<meta name="author">`:
    /// the first source that names anyone, since they usually name the same people differently.
    pub authors: Vec<String>,
    /// `og:description`, else `<meta name="description">`, else `twitter:description`.
    pub description: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// `<html lang>`, else `<meta http-equiv="content-language">`.
    pub language: Option<String>,
}

/// Is this input HTML? After an optional byte-order mark, whitespace, XML declaration and comments it
/// starts with `<!doctype html` or `<html`, or its first kilobyte holds enough structural tags (`<body>`,
/// `<p>`, `<div>`, ...): two when it starts with a tag, four including a closing tag otherwise. A plain-text
/// page quoting a tag or two in a sentence is not HTML.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    let head = prefix(text, 1024).to_ascii_lowercase();
    let mut rest = head.as_str();
    loop {
        rest = rest.trim_start();
        let skipped = if let Some(r) = rest.strip_prefix("<?xml") {
            r.find("?>").map(|i| &r[i + 2..])
        } else if let Some(r) = rest.strip_prefix("<!--") {
            r.find("-->").map(|i| &r[i + 3..])
        } else {
            None
        };
        match skipped {
            Some(r) => rest = r,
            None => break,
        }
    }
    if rest.starts_with("<!doctype html") || tag_at(rest).is_some_and(|(name, _)| name == "html") {
        return true;
    }
    let (mut tags, mut closing) = (0, 0);
    for (i, _) in head.match_indices('<') {
        if let Some((name, is_closing)) = tag_at(&head[i..])
            && STRUCTURAL_TAGS.contains(&name)
        {
            tags += 1;
            closing += usize::from(is_closing);
        }
    }
    if rest.starts_with('<') { tags >= 2 } else { tags >= 4 && closing >= 1 }
}

/// Tags that mark a text as HTML when several of them appear (formatting tags such as `<b>` do not count:
/// plain text quotes them).
const STRUCTURAL_TAGS: [&str; 32] = [
    "html", "head", "body", "meta", "title", "link", "script", "style", "p", "div", "span", "br", "a", "img",
    "article", "section", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "table", "figure",
];

/// The tag name at the start of `s` (lower case expected) and whether it is a closing tag, when `s` starts
/// with one: `<` or `</`, a name, then whitespace, `>`, `/` or the end.
fn tag_at(s: &str) -> Option<(&str, bool)> {
    let s = s.strip_prefix('<')?;
    let (s, closing) = match s.strip_prefix('/') {
        Some(r) => (r, true),
        None => (s, false),
    };
    let end = s.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(s.len());
    let name = &s[..end];
    let next = s[end..].chars().next();
    let ends = next.is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/');
    (!name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphabetic()) && ends)
        .then_some((name, closing))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Turns an HTML page into lines of visible text with hints, and reads its metadata. Never fails: any input
/// parses to some tree, as it would in a browser.
///
/// The cost is linear in the page for real pages (a few milliseconds for a 300 KB news page in a release
/// build). The standard's tree construction checks the stack of open elements at each tag, so it is
/// quadratic in nesting depth: pages nest a few dozen levels, but a crafted page of 20,000 unclosed
/// `<div>`s takes seconds.
pub fn extract(html: &str) -> HtmlPage {
    // The parser's buffers count in u32; a page beyond 4 GiB is not an article, so only its start is read.
    let html = prefix(html, u32::MAX as usize);
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts { scripting_enabled: false, ..TreeBuilderOpts::default() },
        ..ParseOpts::default()
    };
    let document = driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html);
    let root = document.tree.root();

    let (scripts_skipped, handlers_seen) = count_code(root);
    let container = choose_container(root);
    let mut walker = Walker::new(container.as_ref().map(|c| c.0), root);
    walker.walk(root);
    let meta = read_meta(root, walker.first_article_time.take());
    HtmlPage {
        text: walker.text,
        blocks: walker.blocks,
        meta,
        scripts_skipped,
        handlers_seen,
        comment_times: walker.comment_times,
        container: container.map(|c| c.1),
    }
}

/// Elements whose content is never text: code, data, or text a browser does not show.
const SKIPPED: [&str; 10] =
    ["script", "style", "template", "head", "title", "iframe", "noembed", "noframes", "datalist", "desc"];

/// Elements that start and end a line.
const BLOCKS: [&str; 55] = [
    "address",
    "article",
    "aside",
    "audio",
    "blockquote",
    "body",
    "canvas",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "noscript",
    "ol",
    "optgroup",
    "option",
    "p",
    "plaintext",
    "pre",
    "search",
    "section",
    "select",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
];

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name) || matches!(name, "tr" | "ul" | "video" | "xmp")
}

/// Counts the code elements, event-handler attributes and `javascript:` URLs in the whole tree.
fn count_code(root: NodeRef<'_, Node>) -> (u32, u32) {
    let (mut scripts, mut handlers) = (0u32, 0u32);
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else { continue };
        if matches!(el.name(), "script" | "style" | "template") {
            scripts = scripts.saturating_add(1);
        }
        for (name, value) in el.attrs() {
            let handler = name.len() > 2 && name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"));
            if handler || is_script_url(value) {
                handlers = handlers.saturating_add(1);
            }
        }
    }
    (scripts, handlers)
}

/// Whether an attribute value is a `javascript:` (or `vbscript:`) URL. URL parsers ignore leading spaces
/// and any tab or newline inside the scheme, so `java&#9;script:` counts too.
fn is_script_url(value: &str) -> bool {
    let scheme: String = value
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(11)
        .collect::<String>()
        .to_ascii_lowercase();
    scheme.starts_with("javascript:") || scheme.starts_with("vbscript:")
}

// ---------------------------------------------------------------------------------------------------------
// Reading class names, ids and attributes.

/// The words of an element's class names and id, one list per name: `c-article__share` gives `c`,
/// `article`, `share`, and `storyBody` gives `story`, `body`.
#[derive(Debug)]
struct Marks {
    names: Vec<Vec<String>>,
}

/// Words that make the words after them a modifier, not a role: `has-sidebar`, `no-ads`, `with-share`;
/// and `and`, since a name listing what an element holds (`info-list-and-share`) is not one role.
const MODIFIERS: &str = "has with without no not hide hidden is enable enabled disable disabled and";

impl Marks {
    fn of(el: &Element) -> Self {
        let classes = el.attr("class").unwrap_or("").split_ascii_whitespace();
        let names = classes.chain(el.id()).map(words).filter(|w| !w.is_empty()).collect();
        Self { names }
    }

    /// Whether a class name or the id holds one of `keywords` (space-separated; each a word or words
    /// joined by `-`) as consecutive words, not after a modifier.
    fn has(&self, keywords: &str) -> bool {
        self.names.iter().any(|name| keywords.split_whitespace().any(|k| holds_words(name, k)))
    }

    /// Whether a class name or the id names furniture: holds one of `keywords` and none of the words for
    /// article content. `share-byline-timestamp` names what an element holds, byline included, so it is
    /// not furniture.
    fn has_furniture(&self, keywords: &str) -> bool {
        self.names.iter().any(|name| {
            keywords.split_whitespace().any(|k| holds_words(name, k))
                && !CONTENT.split_whitespace().any(|k| holds_words(name, k))
        })
    }

    /// Whether a class name or the id is, word for word, one of `names` (space-separated).
    fn is(&self, names: &str) -> bool {
        self.names
            .iter()
            .any(|name| names.split_whitespace().any(|n| name.iter().map(String::as_str).eq(n.split('-'))))
    }
}

fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut after_lower = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && after_lower {
                words.push(std::mem::take(&mut word));
            }
            after_lower = !c.is_uppercase();
            word.extend(c.to_lowercase());
        } else {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            after_lower = false;
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn holds_words(name: &[String], keyword: &str) -> bool {
    let len = keyword.split('-').count();
    if len > name.len() {
        return false;
    }
    (0..=name.len() - len).any(|i| {
        name[i..i + len].iter().map(String::as_str).eq(keyword.split('-'))
            && !name[..i].iter().any(|w| MODIFIERS.split(' ').any(|m| m == w))
    })
}

/// An attribute's value in lower case, trimmed; empty when absent.
fn attr_lower(el: &Element, name: &str) -> String {
    el.attr(name).unwrap_or("").trim().to_ascii_lowercase()
}

/// Whether a space-separated attribute (`rel`, `itemprop`) holds one of `tokens` (space-separated, lower
/// case).
fn attr_has(el: &Element, name: &str, tokens: &str) -> bool {
    el.attr(name).is_some_and(|v| {
        v.split_ascii_whitespace().any(|t| tokens.split_whitespace().any(|k| t.eq_ignore_ascii_case(k)))
    })
}

// The keyword lists below come from the class names of news sites, blog engines (WordPress, Jetpack) and
// commenting systems. Each is a space-separated list of names, words joined by `-`.

/// Words for article content, which keep a class name that also names furniture from being furniture.
const CONTENT: &str = "byline author authors date timestamp caption headline title body story";

/// Class names of article body containers.
const ARTICLE_BODY: &str = "article-body articlebody story-body storybody entry-content post-content post-body \
    article-content article-text story-content story-text body-text";

/// Class names and ids of comment sections, matched as whole names.
const COMMENT_SECTIONS: &str = "comments comments-area comments-section comment-section comments-list \
    comment-list commentlist comments-container comments-wrapper comment-thread comments-thread disqus-thread \
    comment-respond respond reader-comments";

/// Class names of single comments, matched as whole names (within a comment section).
const COMMENTS: &str = "comment comment-item comment-entry c-comment js-comment o-comment single-comment \
    user-comment reader-comment member-comment";

/// Furniture containers by class or id, and what each is in words. The first match wins.
const FURNITURE: [(&str, &str); 10] = [
    ("cookie cookies consent gdpr cmp onetrust", "cookie banner"),
    (
        "ad ads advert adverts advertisement advertising adsbygoogle adslot adunit adcontainer adwrapper dfp \
         sponsor sponsored",
        "advertisement",
    ),
    (
        "related recommended recommendations more-stories most-read most-popular popular trending read-next \
         up-next also-read recirc recirculation outbrain taboola more-from further-reading relatedposts \
         relatedarticles relatedstories relatedlinks relatedcontent",
        "related links",
    ),
    ("newsletter newsletters newslettersignup signup sign-up", "newsletter sign-up"),
    // Not "paywall": sites put that class on the article body they lock, not on the prompt.
    ("subscribe subscription membership donate", "subscription prompt"),
    (
        "share sharing sharebar sharetools sharebuttons sharethis sharedaddy social socialshare addthis follow-us",
        "share buttons",
    ),
    ("promo promos promotion promoted", "promotion"),
    ("pullquote pull-quote", "pull quote"),
    ("popup pop-up modal", "pop-up"),
    ("sidebar side-bar rail complementary", "sidebar"),
];

const NAVIGATION: &str = "nav navbar navigation breadcrumb breadcrumbs menu menubar skip-link skiplink \
    skip-to-content pagination pager site-nav tags";

fn furniture_what(marks: &Marks) -> Option<&'static str> {
    FURNITURE.iter().find(|(keywords, _)| marks.has_furniture(keywords)).map(|(_, what)| *what)
}

/// Whether an element may be the article container: `<article>`, `<main>`, `itemprop=articleBody`, or a
/// class or id naming an article body.
fn is_candidate(el: &Element, marks: &Marks) -> bool {
    matches!(el.name(), "article" | "main")
        || attr_has(el, "itemprop", "articlebody")
        || !matches!(el.name(), "html" | "body") && marks.has(ARTICLE_BODY)
}

/// Whether an element is one comment: schema.org markup anywhere, or inside a comment section a comment
/// class name or, on a container, a `comment-123` id (plugins reuse such ids on links inside comments).
fn is_comment(el: &Element, marks: &Marks, in_comments: bool) -> bool {
    let itemtype = el.attr("itemtype").unwrap_or("").trim();
    if attr_has(el, "itemprop", "comment") || itemtype.ends_with("/Comment") {
        return true;
    }
    let container = matches!(el.name(), "li" | "article" | "div" | "section");
    in_comments && (marks.is(COMMENTS) || container && el.id().is_some_and(is_comment_id))
}

/// `comment-123` or `comment123`, the ids blog engines give each comment.
fn is_comment_id(id: &str) -> bool {
    let rest = id.strip_prefix("comment").map(|r| r.strip_prefix(['-', '_']).unwrap_or(r));
    rest.is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
}

fn is_comment_section(marks: &Marks) -> bool {
    marks.is(COMMENT_SECTIONS)
}

/// Which part of a comment an element is, when its tag or class says. Controls are checked first, since
/// their names often mention the others (`comment-author-report`).
fn comment_part(el: &Element, marks: &Marks) -> Option<CommentPart> {
    match el.name() {
        "button" => return Some(CommentPart::Controls),
        "time" => return Some(CommentPart::Time),
        "cite" => return Some(CommentPart::Author),
        _ => {}
    }
    if attr_lower(el, "role") == "button" {
        Some(CommentPart::Controls)
    } else if attr_has(el, "itemprop", "author creator") {
        Some(CommentPart::Author)
    } else if attr_has(el, "itemprop", "datecreated datepublished datemodified") {
        Some(CommentPart::Time)
    } else if attr_has(el, "itemprop", "text") {
        Some(CommentPart::Text)
    } else if marks.has(
        "reply report like likes vote votes upvote downvote flag action actions controls share edit permalink \
         rating reactions toolbar menu",
    ) {
        Some(CommentPart::Controls)
    } else if marks.has("location place city hometown") {
        Some(CommentPart::Place)
    } else if marks.has("author user username name fn nickname commenter vcard avatar") {
        Some(CommentPart::Author)
    } else if marks.has("date time timestamp meta metadata commentmetadata ago") {
        Some(CommentPart::Time)
    } else if marks.has("body content text message") {
        Some(CommentPart::Text)
    } else {
        None
    }
}

fn is_caption(el: &Element, marks: &Marks) -> bool {
    el.name() == "figcaption" || marks.has("caption figcaption")
}

fn is_credit(el: &Element, marks: &Marks) -> bool {
    marks.has("credit credits copyright author photographer byline")
        || attr_has(el, "itemprop", "copyrightholder author creator credittext copyrightnotice")
}

fn is_time(el: &Element, marks: &Marks) -> bool {
    el.name() == "time"
        || marks.has("date dates timestamp published pubdate datetime updated")
        || marks.is("time")
        || attr_has(el, "itemprop", "datepublished datemodified datecreated uploaddate")
}

fn is_byline(el: &Element, marks: &Marks) -> bool {
    marks.has("byline by-line author authors contributor contributors writer")
        || attr_has(el, "rel", "author")
        || attr_has(el, "itemprop", "author creator")
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
        _ => None,
    }
}

/// Navigation or an aside, from the tag, the role, or (unless `by_class` is false) class names and id.
fn furniture(el: &Element, marks: &Marks, by_class: bool) -> Option<Hint> {
    let role = attr_lower(el, "role");
    let aside = |what: &str| Hint::Aside { what: what.to_owned() };
    if el.name() == "nav" || matches!(role.as_str(), "navigation" | "menu" | "menubar" | "search") {
        return Some(Hint::Navigation);
    }
    if el.name() == "aside" || role == "complementary" {
        return Some(aside(furniture_what(marks).unwrap_or("sidebar")));
    }
    if !by_class {
        return None;
    }
    if let Some(what) = furniture_what(marks) {
        return Some(aside(what));
    }
    if marks.has_furniture(NAVIGATION) {
        return Some(Hint::Navigation);
    }
    matches!(role.as_str(), "dialog" | "alertdialog").then(|| aside("pop-up"))
}

// ---------------------------------------------------------------------------------------------------------
// Choosing the article container.

/// A possible article container and the text it holds outside furniture and comments.
#[derive(Debug)]
struct Candidate {
    id: NodeId,
    /// The candidate it is nested in, if any.
    parent: Option<usize>,
    paragraph_text: usize,
    text: usize,
}

/// One open element during the container scan.
#[derive(Debug, Default)]
struct ScanFrame {
    /// Inside comments, `<noscript>` or furniture named by tag or role: its text is not article text.
    excluded: bool,
    /// Inside a comment section, where comment class names mean comments.
    in_comments: bool,
    /// Inside furniture named by class (whose text counts only if it turns out to hold a candidate).
    in_class_furniture: bool,
    /// The parent of the `<p>` this is in, if any.
    paragraph_parent: Option<NodeId>,
    /// For a candidate, its index.
    candidate: Option<usize>,
    /// The innermost candidate open here.
    enclosing: Option<usize>,
    /// Whether this element collects the text inside it: a candidate, or furniture named by class.
    collects: bool,
    /// The stack index of the innermost collecting element open here.
    collector: Option<usize>,
    /// The text collected so far: (paragraph text, all text).
    sums: (usize, usize),
    holds_candidate: bool,
}

/// Picks the article container among the candidates: `<article>`, `<main>`, `itemprop=articleBody`, and
/// elements with a class or id such as `article-body`, outside comments and furniture. The one holding most
/// paragraph text (outside comments and furniture) wins; from there the choice narrows to the candidate
/// inside it holding most of that text, as long as all of the winner's text is inside candidates, so that
/// `<main>` holding a teaser `<article>` and the story's `<div class="story-body">` gives the story, while
/// an `<article>` with a standfirst outside its `article-body` stays the `<article>`. When no candidate
/// holds text, the element whose own paragraphs hold most text is the container. Returns its id and a
/// description for people.
fn choose_container(root: NodeRef<'_, Node>) -> Option<(NodeId, String)> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut paragraph_parents: HashMap<NodeId, usize> = HashMap::new();
    let mut stack: Vec<ScanFrame> = vec![ScanFrame::default()];
    let mut skip: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                let Some(parent) = stack.last() else { break };
                match node.value() {
                    Node::Text(text) => {
                        let len: usize = text.split_whitespace().map(str::len).sum();
                        if parent.excluded || len == 0 {
                            continue;
                        }
                        if let Some(p) = parent.paragraph_parent.filter(|_| !parent.in_class_furniture) {
                            *paragraph_parents.entry(p).or_default() += len;
                        }
                        let in_paragraph = parent.paragraph_parent.is_some();
                        if let Some(collector) = parent.collector.and_then(|i| stack.get_mut(i)) {
                            collector.sums.0 += if in_paragraph { len } else { 0 };
                            collector.sums.1 += len;
                        }
                    }
                    Node::Element(el) => {
                        if SKIPPED.contains(&el.name()) {
                            skip = Some(node.id());
                            continue;
                        }
                        let marks = Marks::of(el);
                        let comments =
                            is_comment_section(&marks) || is_comment(el, &marks, parent.in_comments);
                        let excluded = parent.excluded
                            || comments
                            || el.name() == "noscript"
                            || furniture(el, &marks, false).is_some();
                        let class_furniture = !excluded && furniture(el, &marks, true).is_some();
                        let candidate = !excluded && is_candidate(el, &marks);
                        let candidate = candidate.then(|| {
                            candidates.push(Candidate {
                                id: node.id(),
                                parent: parent.enclosing,
                                paragraph_text: 0,
                                text: 0,
                            });
                            candidates.len() - 1
                        });
                        let paragraph_parent = if el.name() == "p" {
                            node.parent().map(|p| p.id())
                        } else {
                            parent.paragraph_parent
                        };
                        let collects = candidate.is_some() || class_furniture;
                        let frame = ScanFrame {
                            excluded,
                            in_comments: parent.in_comments || comments,
                            in_class_furniture: parent.in_class_furniture || class_furniture,
                            paragraph_parent,
                            candidate,
                            enclosing: candidate.or(parent.enclosing),
                            collects,
                            collector: if collects { Some(stack.len()) } else { parent.collector },
                            sums: (0, 0),
                            holds_candidate: candidate.is_some(),
                        };
                        stack.push(frame);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip == Some(node.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() || !node.value().is_element() {
                    continue;
                }
                let Some(frame) = stack.pop() else { break };
                if let Some(i) = frame.candidate {
                    candidates[i].paragraph_text = frame.sums.0;
                    candidates[i].text = frame.sums.1;
                }
                let Some(parent) = stack.last_mut() else { break };
                parent.holds_candidate |= frame.holds_candidate;
                // Furniture named by class that holds a candidate was a wrapper, not furniture: its text
                // counts after all. Otherwise its text is dropped here.
                let passes_up = frame.candidate.is_some() || frame.holds_candidate;
                let collector = parent.collector;
                if frame.collects
                    && passes_up
                    && let Some(collector) = collector.and_then(|i| stack.get_mut(i))
                {
                    collector.sums.0 += frame.sums.0;
                    collector.sums.1 += frame.sums.1;
                }
            }
        }
    }

    let tree = root.tree();
    let chosen = narrowest_best(&candidates, |c| c.paragraph_text)
        .or_else(|| narrowest_best(&candidates, |c| c.text))
        .and_then(|i| candidates.get(i));
    if let Some(c) = chosen {
        let el = tree.get(c.id).and_then(|n| n.value().as_element())?;
        return Some((c.id, describe(el)));
    }
    let (&id, _) = paragraph_parents.iter().max_by_key(|(id, len)| (**len, std::cmp::Reverse(**id)))?;
    let el = tree.get(id).and_then(|n| n.value().as_element())?;
    Some((id, format!("the element holding most paragraphs, {}", describe(el))))
}

/// The index of the candidate with the highest score (the first of equals), narrowed to the best candidate
/// nested in it while that one holds more than half of the score and the rest is inside other nested
/// candidates. None when no candidate scores.
fn narrowest_best(candidates: &[Candidate], score: fn(&Candidate) -> usize) -> Option<usize> {
    let first_best = |indices: &mut dyn Iterator<Item = usize>| {
        indices
            .filter(|&i| score(&candidates[i]) > 0)
            .max_by_key(|&i| (score(&candidates[i]), std::cmp::Reverse(i)))
    };
    let mut best = first_best(&mut (0..candidates.len()))?;
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); candidates.len()];
    for (i, c) in candidates.iter().enumerate() {
        if let Some(p) = c.parent {
            children[p].push(i);
        }
    }
    loop {
        let nested: usize = children[best].iter().map(|&i| score(&candidates[i])).sum();
        let own = score(&candidates[best]).saturating_sub(nested);
        match first_best(&mut children[best].iter().copied()) {
            Some(inner) if own == 0 && score(&candidates[inner]) * 2 > score(&candidates[best]) => {
                best = inner
            }
            _ => return Some(best),
        }
    }
}

/// An element's start tag with its id and class, for people: `<div class="article-body">`.
fn describe(el: &Element) -> String {
    let mut out = format!("<{}", el.name());
    for attr in ["id", "class", "itemprop"] {
        if let Some(value) = el.attr(attr).filter(|v| !v.trim().is_empty()) {
            let value: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let short = prefix(&value, 60);
            out.push_str(&format!(" {attr}=\"{short}\""));
        }
    }
    out.push('>');
    out
}

// ---------------------------------------------------------------------------------------------------------
// Writing the text.

/// The context of one open element.
#[derive(Debug, Clone)]
struct Frame {
    hint: Hint,
    /// Whether the element starts and ends a line.
    block: bool,
    /// Inside the article container or another candidate holding it.
    in_scope: bool,
    /// Inside `<article>`, `<aside>`, `<main>`, `<nav>` or `<section>`: a `<header>` here is not the page's.
    sectioned: bool,
    in_figure: bool,
    /// Inside a credit within a caption.
    credit: bool,
    /// The comment this is in: (id, depth).
    comment: Option<(u32, u32)>,
    comment_section: bool,
    /// Inside `<pre>`: line breaks in the text are kept.
    pre: bool,
}

/// What an element's own markup says, before the running-text rule is applied.
#[derive(Debug, Default)]
struct Role {
    hint: Option<Hint>,
    /// A new comment: always its own line.
    comment: Option<(u32, u32)>,
    comment_section: bool,
    credit: bool,
}

#[derive(Debug)]
struct Walker {
    container: Option<NodeId>,
    /// The container and its ancestors: never furniture, whatever their classes say.
    exempt: HashSet<NodeId>,
    /// The container and the other candidates holding it (an `<article>` around an `article-body`).
    scope: HashSet<NodeId>,
    stack: Vec<Frame>,
    comments: u32,

    text: String,
    blocks: Vec<Block>,
    /// The line being written, its whitespace collapsed.
    line: String,
    /// Whitespace was seen after the line's last character.
    space: bool,
    /// The stack depth of the innermost element holding all of the line's text so far, and its hint.
    line_depth: Option<usize>,
    line_hint: Option<Hint>,
    /// The lowest stack depth an element close brought the walk to since the line's last text.
    popped_to: Option<usize>,
    /// Where in the line the first credit text begins.
    credit_at: Option<usize>,
    first_article_time: Option<String>,
    comment_times: Vec<(u32, String)>,
}

impl Walker {
    fn new(container: Option<NodeId>, root: NodeRef<'_, Node>) -> Self {
        let mut exempt = HashSet::new();
        let mut scope = HashSet::new();
        if let Some(node) = container.and_then(|id| root.tree().get(id)) {
            exempt.insert(node.id());
            scope.insert(node.id());
            for ancestor in node.ancestors() {
                exempt.insert(ancestor.id());
                if ancestor.value().as_element().is_some_and(|el| is_candidate(el, &Marks::of(el))) {
                    scope.insert(ancestor.id());
                }
            }
        }
        let top = Frame {
            hint: Hint::Outside,
            block: true,
            in_scope: false,
            sectioned: false,
            in_figure: false,
            credit: false,
            comment: None,
            comment_section: false,
            pre: false,
        };
        Self {
            container,
            exempt,
            scope,
            stack: vec![top],
            comments: 0,
            text: String::new(),
            blocks: Vec::new(),
            line: String::new(),
            space: false,
            line_depth: None,
            line_hint: None,
            popped_to: None,
            credit_at: None,
            first_article_time: None,
            comment_times: Vec::new(),
        }
    }

    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut skip: Option<NodeId> = None;
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    match node.value() {
                        Node::Text(text) => self.write(text),
                        Node::Element(el) => skip = (!self.open(node, el)).then(|| node.id()),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    if skip == Some(node.id()) {
                        skip = None;
                    } else if skip.is_none() && node.value().is_element() {
                        self.close();
                    }
                }
            }
        }
        self.end_line();
    }

    /// Opens an element; returns false when its content is to be skipped.
    fn open(&mut self, node: NodeRef<'_, Node>, el: &Element) -> bool {
        let name = el.name();
        if SKIPPED.contains(&name) {
            return false;
        }
        if matches!(name, "br" | "hr") {
            self.end_line();
            return false;
        }
        let Some(parent) = self.stack.last().cloned() else { return false };
        let role = self.role(node, el, &parent);
        let mut frame = Frame {
            block: is_block(name),
            in_scope: parent.in_scope || self.scope.contains(&node.id()),
            sectioned: parent.sectioned || matches!(name, "article" | "aside" | "main" | "nav" | "section"),
            in_figure: parent.in_figure || name == "figure",
            pre: parent.pre || matches!(name, "pre" | "listing" | "plaintext"),
            ..parent.clone()
        };
        if role.credit && role.hint.is_none() {
            frame.credit = true;
        }
        if let Some(hint) = role.hint {
            let changes = hint != parent.hint;
            // An inline element inside running text says nothing about the line it is part of.
            // Where a commenter is from is a line of its own, apart from the name it usually follows.
            let comment_part = matches!(hint, Hint::Comment { part: CommentPart::Place, .. });
            if role.comment.is_some()
                || comment_part
                || frame.block
                || !changes
                || !self.in_running_text(node)
            {
                frame.block |= changes || role.comment.is_some();
                frame.hint = hint;
                frame.comment = role.comment.or(frame.comment);
                frame.comment_section |= role.comment_section || role.comment.is_some();
                frame.credit |= role.credit;
            }
        }
        if name == "time"
            && frame.in_scope
            && frame.comment.is_none()
            && !matches!(frame.hint, Hint::Aside { .. } | Hint::Navigation)
            && self.first_article_time.is_none()
        {
            self.first_article_time = el.attr("datetime").map(clean).filter(|d| !d.is_empty());
        }
        if frame.block {
            self.end_line();
        }
        self.stack.push(frame);
        true
    }

    fn close(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        if frame.block {
            self.end_line();
        } else if !self.line.is_empty() {
            let depth = self.stack.len().saturating_sub(1);
            self.popped_to = Some(self.popped_to.map_or(depth, |d| d.min(depth)));
        }
    }

    /// What an element's markup says, given its parent's context. See the module documentation for the
    /// precedence.
    fn role(&mut self, node: NodeRef<'_, Node>, el: &Element, parent: &Frame) -> Role {
        let marks = Marks::of(el);
        let own = |hint: Hint| Role { hint: Some(hint), ..Role::default() };
        let exempt = self.exempt.contains(&node.id());

        // Comments beat everything inside a comment section.
        let in_comments = parent.comment_section || parent.comment.is_some();
        if !exempt && is_comment(el, &marks, in_comments) {
            let id = self.comments;
            self.comments = self.comments.saturating_add(1);
            let (depth, of) = match parent.comment {
                Some((of, depth)) => (depth.saturating_add(1), Some(of)),
                None => (0, None),
            };
            let hint = Hint::Comment { id, depth, parent: of, part: CommentPart::Text };
            return Role { hint: Some(hint), comment: Some((id, depth)), ..Role::default() };
        }
        if let Hint::Comment { id, depth, parent: of, part } = parent.hint {
            if el.name() == "time"
                && let Some(datetime) = el.attr("datetime").map(clean).filter(|d| !d.is_empty())
                && !self.comment_times.iter().any(|(c, _)| *c == id)
            {
                self.comment_times.push((id, datetime));
            }
            return match comment_part(el, &marks) {
                Some(p) if p != part => own(Hint::Comment { id, depth, parent: of, part: p }),
                _ => Role::default(),
            };
        }
        if parent.comment_section {
            return Role::default();
        }
        if exempt {
            return if Some(node.id()) == self.container { own(Hint::Article) } else { Role::default() };
        }
        if is_comment_section(&marks) {
            let hint = Hint::Aside { what: "comments section".to_owned() };
            return Role { hint: Some(hint), comment_section: true, ..Role::default() };
        }

        // Furniture beats everything inside it.
        if let Some(hint) = furniture(el, &marks, true) {
            return own(hint);
        }
        if matches!(parent.hint, Hint::Aside { .. } | Hint::Navigation) {
            return Role::default();
        }

        // Otherwise the innermost meaningful element wins.
        if el.name() == "noscript" {
            return own(Hint::Outside);
        }
        match parent.hint {
            Hint::Heading { .. } | Hint::Time { .. } => return Role::default(),
            Hint::Caption { .. } => return Role { credit: is_credit(el, &marks), ..Role::default() },
            _ => {}
        }
        if is_caption(el, &marks) {
            return own(Hint::Caption { credit_start: None });
        }
        if parent.in_figure && is_credit(el, &marks) {
            return Role {
                hint: Some(Hint::Caption { credit_start: None }),
                credit: true,
                ..Role::default()
            };
        }
        if let Some(level) = heading_level(el.name()) {
            return own(Hint::Heading { level, in_article: parent.in_scope });
        }
        if is_time(el, &marks) {
            return own(Hint::Time { datetime: el.attr("datetime").map(clean).filter(|d| !d.is_empty()) });
        }
        if parent.hint != Hint::Byline && is_byline(el, &marks) {
            return own(Hint::Byline);
        }
        if matches!(el.name(), "p" | "div" | "h2" | "h3" | "span")
            && marks.is("intro standfirst dek article-summary article-intro story-intro")
        {
            return own(Hint::Standfirst);
        }
        if !parent.in_scope {
            let role = attr_lower(el, "role");
            let tag_level = !parent.sectioned;
            if el.name() == "header" && tag_level
                || role == "banner"
                || marks.is("site-header masthead global-header")
            {
                return own(Hint::PageHeader);
            }
            if el.name() == "footer" && tag_level
                || role == "contentinfo"
                || marks.is("site-footer global-footer")
            {
                return own(Hint::PageFooter);
            }
        }
        Role::default()
    }

    /// Whether an inline element is part of running text: the line already has text, or text follows it
    /// before the next block (looking through a few levels of inline ancestors).
    fn in_running_text(&self, node: NodeRef<'_, Node>) -> bool {
        if !self.line.is_empty() {
            return true;
        }
        let mut child = node;
        for _ in 0..8 {
            for sibling in child.next_siblings().take(64) {
                match sibling.value() {
                    Node::Text(t) if !t.trim().is_empty() => return true,
                    Node::Element(el) if is_block(el.name()) || el.name() == "br" => return false,
                    _ => {}
                }
            }
            match child.parent() {
                Some(parent) if parent.value().as_element().is_some_and(|el| !is_block(el.name())) => {
                    child = parent;
                }
                _ => return false,
            }
        }
        false
    }

    fn write(&mut self, text: &str) {
        let depth = self.stack.len().saturating_sub(1);
        let (pre, credit) = self.stack.last().map_or((false, false), |f| (f.pre, f.credit));
        if pre {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.write_run(part, depth, credit);
            }
        } else {
            self.write_run(text, depth, credit);
        }
    }

    fn write_run(&mut self, text: &str, depth: usize, credit: bool) {
        let mut noted = false;
        for c in text.chars() {
            if c.is_whitespace() {
                self.space |= !self.line.is_empty();
                continue;
            }
            if !noted {
                self.note_text_at(depth);
                noted = true;
            }
            if self.space {
                self.line.push(' ');
                self.space = false;
            }
            if credit && self.credit_at.is_none() {
                self.credit_at = Some(self.line.len());
            }
            self.line.push(c);
        }
    }

    /// Records that the line has text at stack depth `depth`: the line's hint is that of the innermost
    /// element holding all of its text, the lowest depth the walk has been at since the line began.
    fn note_text_at(&mut self, depth: usize) {
        let lowest = self.popped_to.take().map_or(depth, |d| d.min(depth));
        if self.line_depth.is_none_or(|d| lowest < d) {
            self.line_depth = Some(lowest);
            self.line_hint = self.stack.get(lowest).map(|f| f.hint.clone());
        }
    }

    fn end_line(&mut self) {
        self.space = false;
        self.popped_to = None;
        self.line_depth = None;
        let hint = self.line_hint.take();
        let credit_at = self.credit_at.take();
        if self.line.is_empty() {
            return;
        }
        let mut hint = hint.unwrap_or(Hint::Outside);
        if let Hint::Caption { credit_start } = &mut hint {
            *credit_start = credit_at.and_then(|at| u32::try_from(at).ok());
        }
        let separator = usize::from(!self.text.is_empty());
        let start = self.text.len() + separator;
        let end = start + self.line.len();
        if let (Ok(start), Ok(end)) = (u32::try_from(start), u32::try_from(end)) {
            if separator == 1 {
                self.text.push('\n');
            }
            self.text.push_str(&self.line);
            self.blocks.push(Block { start, end, hint });
        }
        self.line.clear();
    }
}

// ---------------------------------------------------------------------------------------------------------
// Reading the metadata.

/// A value with its whitespace collapsed.
fn clean(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("//") || lower.starts_with("www.") || lower.starts_with('/')
}

/// The metadata elements of a page, the first of each kind.
#[derive(Debug, Default)]
struct MetaTags {
    og_title: Option<String>,
    twitter_title: Option<String>,
    title: Option<String>,
    og_site_name: Option<String>,
    application_name: Option<String>,
    published_property: Option<String>,
    published_name: Option<String>,
    published_itemprop: Option<String>,
    modified_property: Option<String>,
    modified_name: Option<String>,
    modified_itemprop: Option<String>,
    author_name: Option<String>,
    article_authors: Vec<String>,
    og_description: Option<String>,
    description: Option<String>,
    twitter_description: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    lang: Option<String>,
    content_language: Option<String>,
    json_ld: Vec<String>,
}

fn set(slot: &mut Option<String>, value: &str) {
    let value = clean(value);
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

/// The text of an element's direct text children (for `<title>` and `<script>`, which hold only text).
fn own_text(node: NodeRef<'_, Node>) -> String {
    node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect()
}

fn read_meta(root: NodeRef<'_, Node>, first_article_time: Option<String>) -> HtmlMeta {
    let mut tags = MetaTags::default();
    for node in root.descendants() {
        let Some(el) = node.value().as_element() else { continue };
        match el.name() {
            "html" => set(&mut tags.lang, el.attr("lang").unwrap_or("")),
            // An SVG <title> is a tooltip, not the page's title.
            "title"
                if node.parent().and_then(|p| p.value().as_element()).is_none_or(|p| p.name() == "head") =>
            {
                set(&mut tags.title, &own_text(node));
            }
            "link" if attr_has(el, "rel", "canonical") => {
                set(&mut tags.canonical, el.attr("href").unwrap_or(""))
            }
            "script"
                if attr_lower(el, "type").starts_with("application/ld+json") && tags.json_ld.len() < 32 =>
            {
                tags.json_ld.push(own_text(node));
            }
            "meta" => read_meta_tag(el, &mut tags),
            _ => {}
        }
        // Microdata dates can sit on any element: <time itemprop="datePublished" datetime="...">.
        if el.name() != "meta" {
            let value = el.attr("datetime").or_else(|| el.attr("content")).unwrap_or("");
            if attr_has(el, "itemprop", "datepublished") {
                set(&mut tags.published_itemprop, value);
            }
            if attr_has(el, "itemprop", "datemodified") {
                set(&mut tags.modified_itemprop, value);
            }
        }
    }
    let ld = read_json_ld(&tags.json_ld);

    let site_name = tags.og_site_name.or(tags.application_name).or(ld.publisher);
    let title = tags.og_title.or(tags.twitter_title).or(tags.title).or(ld.headline);
    let title = title.map(|t| strip_site_suffix(t, site_name.as_deref()));
    let authors = if !ld.authors.is_empty() {
        ld.authors
    } else if !tags.article_authors.is_empty() {
        tags.article_authors
    } else {
        tags.author_name.filter(|a| !is_url(a)).into_iter().collect()
    };
    HtmlMeta {
        title,
        site_name,
        published: tags
            .published_property
            .or(ld.published)
            .or(tags.published_name)
            .or(tags.published_itemprop)
            .or(first_article_time),
        modified: tags.modified_property.or(ld.modified).or(tags.modified_name).or(tags.modified_itemprop),
        authors,
        description: tags.og_description.or(tags.description).or(tags.twitter_description),
        url: tags.canonical.or(tags.og_url),
        language: tags.lang.or(tags.content_language),
    }
}

fn read_meta_tag(el: &Element, tags: &mut MetaTags) {
    let content = el.attr("content").unwrap_or("");
    if attr_lower(el, "http-equiv") == "content-language" {
        set(&mut tags.content_language, content);
    }
    if attr_has(el, "itemprop", "datepublished") {
        set(&mut tags.published_itemprop, content);
    }
    if attr_has(el, "itemprop", "datemodified") {
        set(&mut tags.modified_itemprop, content);
    }
    // Sites mix up `name` and `property`; either is read.
    for key in [attr_lower(el, "property"), attr_lower(el, "name")] {
        let slot = match key.as_str() {
            "og:title" => &mut tags.og_title,
            "twitter:title" => &mut tags.twitter_title,
            "og:site_name" => &mut tags.og_site_name,
            "application-name" => &mut tags.application_name,
            "article:published_time" | "og:published_time" => &mut tags.published_property,
            "date" | "pubdate" | "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.issued"
            | "dcterms.created" | "publish-date" | "publication_date" | "parsely-pub-date"
            | "sailthru.date" => &mut tags.published_name,
            "article:modified_time" | "og:updated_time" => &mut tags.modified_property,
            "dc.date.modified" | "dcterms.modified" | "last-modified" => &mut tags.modified_name,
            "author" => &mut tags.author_name,
            "og:description" => &mut tags.og_description,
            "description" => &mut tags.description,
            "twitter:description" => &mut tags.twitter_description,
            "og:url" => &mut tags.og_url,
            "article:author" => {
                let author = clean(content);
                if !author.is_empty() && !is_url(&author) && !tags.article_authors.contains(&author) {
                    tags.article_authors.push(author);
                }
                continue;
            }
            _ => continue,
        };
        set(slot, content);
    }
}

/// "Quake aid arrives | The Daily" without " | The Daily" when the site is "The Daily".
fn strip_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site else { return title };
    for separator in [" - ", " | ", " – ", " — ", " · ", " :: ", " : "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(site.trim())
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
    }
    title
}

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

/// Parses a JSON-LD script as JSON (data, never run). Pages often put raw line breaks inside strings or
/// wrap the data in an HTML comment; both are forgiven.
fn parse_json(text: &str) -> Option<Value> {
    let text = text.trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text).trim().trim_end_matches(';');
    serde_json::from_str(text).ok().or_else(|| {
        let repaired: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&repaired).ok()
    })
}

/// The objects of a JSON-LD value, in document order: top-level ones, `@graph` members and nested objects,
/// a bounded number of levels deep.
fn collect_objects<'a>(value: &'a Value, depth: usize, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    if depth > 12 || out.len() > 4096 {
        return;
    }
    match value {
        Value::Object(map) => {
            out.push(map);
            for v in map.values() {
                collect_objects(v, depth + 1, out);
            }
        }
        Value::Array(items) => {
            for v in items {
                collect_objects(v, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// The schema.org types of an object, without their vocabulary prefix.
fn types<'a>(object: &'a serde_json::Map<String, Value>) -> Vec<&'a str> {
    let short = |t: &'a str| t.rsplit(['/', ':', '#']).next().unwrap_or(t);
    match object.get("@type") {
        Some(Value::String(t)) => vec![short(t)],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(short).collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(object: &serde_json::Map<String, Value>) -> bool {
    types(object).iter().any(|t| {
        t.ends_with("Article")
            || matches!(*t, "BlogPosting" | "LiveBlogPosting" | "SocialMediaPosting" | "Report")
    })
}

fn read_json_ld(scripts: &[String]) -> LinkedData {
    let values: Vec<Value> = scripts.iter().filter_map(|s| parse_json(s)).collect();
    let mut objects = Vec::new();
    for value in &values {
        collect_objects(value, 0, &mut objects);
    }
    let by_id: HashMap<&str, &serde_json::Map<String, Value>> =
        objects.iter().filter(|o| o.len() > 1).filter_map(|o| Some((o.get("@id")?.as_str()?, *o))).collect();
    let article = objects
        .iter()
        .find(|o| is_article_type(o))
        .or_else(|| objects.iter().find(|o| o.contains_key("datePublished")));
    let Some(article) = article else { return LinkedData::default() };
    let text = |key: &str| -> Option<String> {
        let value = match article.get(key)? {
            Value::Array(items) => items.first()?,
            v => v,
        };
        value.as_str().map(clean).filter(|s| !s.is_empty())
    };
    let mut authors = Vec::new();
    if let Some(author) = article.get("author") {
        names(author, &by_id, 0, &mut authors);
    }
    authors.retain(|a| !is_url(a));
    authors.dedup();
    let mut publishers = Vec::new();
    if let Some(publisher) = article.get("publisher") {
        names(publisher, &by_id, 0, &mut publishers);
    }
    LinkedData {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished"),
        modified: text("dateModified"),
        authors,
        publisher: publishers.into_iter().next(),
    }
}

/// The names in a JSON-LD person or organisation value: a string, an object with a `name` (or an `@id`
/// pointing at one), or an array of those.
fn names(
    value: &Value,
    by_id: &HashMap<&str, &serde_json::Map<String, Value>>,
    depth: usize,
    out: &mut Vec<String>,
) {
    if depth > 4 || out.len() >= 64 {
        return;
    }
    match value {
        Value::String(s) => {
            let s = clean(s);
            if !s.is_empty() {
                out.push(s);
            }
        }
        Value::Array(items) => {
            for item in items {
                names(item, by_id, depth + 1, out);
            }
        }
        Value::Object(object) => {
            let object = match (object.get("name"), object.get("@id").and_then(Value::as_str)) {
                (None, Some(id)) => by_id.get(id).copied().unwrap_or(object),
                _ => object,
            };
            match object.get("name") {
                Some(name @ (Value::String(_) | Value::Array(_))) => names(name, by_id, depth + 1, out),
                _ => {
                    let part =
                        |k: &str| object.get(k).and_then(Value::as_str).unwrap_or("").trim().to_owned();
                    let full = clean(&format!("{} {}", part("givenName"), part("familyName")));
                    if !full.is_empty() {
                        out.push(full);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
