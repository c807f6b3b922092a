//! The document model every later stage reads.
//!
//! Offsets are byte offsets into [`Document::text`] stored as `u32`, never `usize`: documents are
//! processed on 64-bit machines and read by 32-bit WebAssembly, and the serialised form must not depend on
//! the platform. A single document is therefore limited to 4 GiB of text, far beyond any news page.

use serde::{Deserialize, Serialize};

use crate::Diagnostic;

/// One article, as ingested from one source file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// A stable identifier, derived from the source name (its file stem); used in URLs.
    pub id: String,
    /// The name of the file the document came from.
    pub source: String,
    /// The decoded text of the whole page. Every section's span points into it.
    pub text: String,
    pub meta: Metadata,
    /// Sections in order. Their spans tile `text`: each byte belongs to exactly one section.
    pub sections: Vec<Section>,
    /// The photo captions, in order, each with its credit separated.
    pub captions: Vec<Caption>,
    /// The reader comments, in page order, with their threading. Their text is in `Comment` sections.
    pub comments: Vec<Comment>,
    /// Every date the page prints or implies, resolved to the calendar where possible.
    pub dates: Vec<DateRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// Entities, quotes and hedges, with offsets into `text`: empty until [`crate::language::annotate`]
    /// runs ([`crate::process`] does both).
    pub analysis: crate::language::Analysis,
}

impl Document {
    /// The text of a section.
    pub fn section_text(&self, section: &Section) -> &str {
        self.text.get(section.start as usize..section.end as usize).unwrap_or("")
    }

    /// The number of words in the article body (body paragraphs only).
    pub fn body_word_count(&self) -> u32 {
        let words = self
            .sections
            .iter()
            .filter(|s| s.kind == SectionKind::Body)
            .map(|s| self.section_text(s).split_whitespace().count())
            .sum::<usize>();
        u32::try_from(words).unwrap_or(u32::MAX)
    }
}

/// A photo caption: `start..end` is the caption's text, `credit` the span of its photo credit, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    pub start: u32,
    pub end: u32,
    pub credit: Option<(u32, u32)>,
}

/// A reader comment under the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// The commenter's name as printed.
    pub author: Option<String>,
    /// Where the commenter said they were, when the comment system prints it.
    pub place: Option<String>,
    /// When it was posted: ISO 8601 date or local date-time (`2013-04-26T07:44`), as the page printed it.
    pub posted: Option<String>,
    /// The span of the comment's header (author, place, time).
    pub header: (u32, u32),
    /// The spans of the comment's paragraphs.
    pub paragraphs: Vec<(u32, u32)>,
    /// Nesting level: 0 for a comment on the article, 1 for a reply to one, and so on.
    pub depth: u32,
    /// The index (in [`Document::comments`]) of the comment this one answers.
    pub reply_to: Option<u32>,
}

/// A date in the page: `start..end` is where it is printed, `value` the ISO 8601 date (or date-time, or
/// month) it stands for, `rule` how it was resolved ("as printed", "year from the publication date",
/// "relative to the publication date").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRef {
    pub start: u32,
    pub end: u32,
    pub value: String,
    pub rule: String,
}

/// What the engine knows about a document, each fact with the evidence it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub outlet: Option<Fact<String>>,
    /// The publication date as ISO 8601 (`2013-04-25`, or `2013-04` when only the month is known).
    pub published: Option<Fact<String>>,
    pub headline: Option<Fact<String>>,
    /// The summary printed under the headline, when the page has one.
    pub standfirst: Option<Fact<String>>,
    /// The authors named in the byline, in order.
    pub byline: Option<Fact<Vec<String>>>,
    /// The place the story was filed from, from a dateline such as `MOSCOW (Reuters) -`.
    pub dateline: Option<Fact<String>>,
    /// The page's address, when known (only from the corpus manifest for now).
    pub url: Option<Fact<String>>,
    /// The language as a BCP 47 tag, when known (only from the corpus manifest for now).
    pub language: Option<Fact<String>>,
    /// The latest date the article can have been published: the earliest reader comment's.
    pub published_bound: Option<Fact<String>>,
    /// The names of the fields above that the corpus manifest set, overriding what the page said.
    pub overridden: Vec<String>,
}

/// A value and why the engine believes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact<T> {
    pub value: T,
    pub evidence: Evidence,
}

/// Where a fact came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The rule that found it, in words ("wire dateline", "print-edition footer").
    pub rule: String,
    /// The span of the text it was read from, when it was read from the text.
    pub span: Option<(u32, u32)>,
}

/// A part of the page and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub start: u32,
    pub end: u32,
    /// Why the section was classified so, for kinds a reader may question (furniture above all).
    pub reason: Option<String>,
}

/// The kinds of section a scraped page is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SectionKind {
    Headline,
    /// A heading inside the article ("What happens next").
    Subheading,
    /// The summary under the headline.
    Standfirst,
    /// The line naming the authors.
    Byline,
    Body,
    /// A photo caption, with its credit if it has one.
    Caption,
    /// Reporting and editing credits ("Additional reporting by ...").
    Credit,
    /// Publication facts printed on the page: timestamps, print-edition lines.
    PageMeta,
    /// Text that belongs to the page, not the article: navigation, promos, share lines. Kept, with a reason.
    Furniture,
    /// A reader comment (its header and its text), kept apart from the journalism.
    Comment,
    /// Whitespace between the other sections.
    Blank,
}

impl SectionKind {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Headline => "headline",
            Self::Subheading => "subheading",
            Self::Standfirst => "standfirst",
            Self::Byline => "byline",
            Self::Body => "body",
            Self::Caption => "caption",
            Self::Credit => "credit",
            Self::PageMeta => "page metadata",
            Self::Furniture => "removed page furniture",
            Self::Comment => "reader comment",
            Self::Blank => "blank",
        }
    }
}
