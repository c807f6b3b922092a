//! The language layer: named entities, quotes with their speakers, hedges.
//!
//! [`analyse_text`] reads a run of plain text (an article body, a comment) and returns an [`Analysis`]:
//! entity mentions with a document-local entity table, quotes and hedges, each a span of byte offsets.
//! [`analyse`] does the same for a whole [`crate::Document`], section by section, and keeps reader
//! comments apart. Canonical identities across documents are made by [`canonical`].

use serde::{Deserialize, Serialize};

pub mod canonical;
pub mod entities;
pub mod hedges;
pub mod lexicon;
pub mod pieces;
pub mod quotes;
pub mod temporal;

/// The kinds of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person, real or fictional.
    Person,
    /// An organisation: a government body, agency, company, party, armed group, news outlet.
    Org,
    /// A place: a country, city, region, geographic feature or named building.
    Place,
    /// A named event: "the Oklahoma City bombing", "the G-20 summit", "September 11".
    Event,
    /// A nationality, religious or political group: "Russian", "Muslims", "Republicans".
    Norp,
    /// A date or period: "April 15", "Wednesday", "last year", "2013".
    Date,
}

impl Label {
    pub const ALL: [Label; 6] =
        [Label::Person, Label::Org, Label::Place, Label::Event, Label::Norp, Label::Date];

    /// The label as exported and as written in evaluation files (`PERSON`, `ORG`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "PERSON",
            Self::Org => "ORG",
            Self::Place => "PLACE",
            Self::Event => "EVENT",
            Self::Norp => "NORP",
            Self::Date => "DATE",
        }
    }

    /// Reads a label written as [`Label::as_str`] gives it.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// One mention of an entity: `start..end` are byte offsets into the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub label: Label,
    /// Index into [`Analysis::entities`].
    pub entity: u32,
}

/// An entity as one text names it: all its mentions share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name the text (or the gazetteer) gives it: "Angela Merkel", "United States".
    pub name: String,
    pub label: Label,
    /// The other forms it is named by in the text, in order of first use.
    pub aliases: Vec<String>,
    /// Titles and roles given to it ("Russian President", "spokesman"), as printed.
    pub roles: Vec<String>,
    /// A key that identifies it across documents: the gazetteer's canonical name when it has one,
    /// otherwise the normalised name.
    pub key: String,
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speaker {
    /// A named entity (index into [`Analysis::entities`]), named or referred to by a pronoun.
    Entity(u32),
    /// An unnamed source, as described: "a diplomatic source", "officials".
    Unnamed(String),
    /// The outlet's own voice: quoted words with no speaker.
    Outlet,
}

/// A direct or reported statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The span of what was said: for a direct quote the words inside the quote marks, for reported
    /// speech the reported clause.
    pub start: u32,
    pub end: u32,
    pub direct: bool,
    pub speaker: Speaker,
    /// Where the speaker is named in the text (the name, pronoun or description), when it is.
    pub speaker_span: Option<(u32, u32)>,
    /// The speech verb as printed ("said", "insisted", "according to"), and its span.
    pub verb: Option<String>,
    pub verb_span: Option<(u32, u32)>,
}

/// What kind of hedge or distancing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HedgeKind {
    /// A word or phrase of the hedge lexicon: "alleged", "reportedly", "so-called".
    Lexical,
    /// A short quoted phrase with no speaker: the outlet keeping its distance from the words.
    ScareQuote,
}

/// A hedge: `start..end` covers the hedging word or the quoted phrase with its marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    pub start: u32,
    pub end: u32,
    pub kind: HedgeKind,
    /// The lexicon entry ("alleged") or the quoted words.
    pub term: String,
}

/// Everything the language layer finds in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub hedges: Vec<Hedge>,
}

/// Analyses a run of plain text: entities, quotes and hedges, with offsets into `text`.
pub fn analyse_text(text: &str) -> Analysis {
    let lex = lexicon::lexicon();
    let (tokens, sentences) = crate::text::segment(text, 0);
    let pieces = pieces::pieces(text, &tokens, &sentences);
    let found = entities::find(text, &pieces, lex);
    let (mentions, entities) = entities::link(text, &found);
    let (quotes, scare) = quotes::find(text, &pieces, &mentions, &entities, lex);
    let hedges = hedges::find(text, &pieces, &scare, lex);
    Analysis { mentions, entities, quotes, hedges }
}

/// The section kinds whose text is the journalism: analysed together, so that a surname in the body
/// links to the full name in the headline or a caption.
const ARTICLE_SECTIONS: [crate::SectionKind; 5] = [
    crate::SectionKind::Headline,
    crate::SectionKind::Standfirst,
    crate::SectionKind::Subheading,
    crate::SectionKind::Body,
    crate::SectionKind::Caption,
];

/// Analyses a whole document: its article sections (headline, standfirst, subheadings, body, captions)
/// together, then each reader comment on its own, so that the audience never shapes the article's
/// entities. Every offset of the result indexes [`crate::Document::text`]; which section a span is in
/// follows from [`crate::Document::sections`]. Entities found only in comments are separate entities of
/// the table; an entity named by both keeps one entry per part, linked across by [`canonical`].
pub fn analyse_document(doc: &crate::Document) -> Analysis {
    let spans: Vec<(usize, usize)> = doc
        .sections
        .iter()
        .filter(|s| ARTICLE_SECTIONS.contains(&s.kind))
        .map(|s| (s.start as usize, s.end as usize))
        .collect();
    let mut out = analyse_spans(&doc.text, &spans);
    for comment in &doc.comments {
        let spans: Vec<(usize, usize)> =
            comment.paragraphs.iter().map(|&(a, b)| (a as usize, b as usize)).collect();
        let part = analyse_spans(&doc.text, &spans);
        out.append(part);
    }
    out
}

impl Analysis {
    /// Adds another analysis of the same text, renumbering its entities after this one's.
    fn append(&mut self, other: Analysis) {
        let shift = u32::try_from(self.entities.len()).unwrap_or(u32::MAX);
        self.mentions.extend(other.mentions.into_iter().map(|mut m| {
            m.entity = m.entity.saturating_add(shift);
            m
        }));
        self.quotes.extend(other.quotes.into_iter().map(|mut q| {
            if let Speaker::Entity(e) = &mut q.speaker {
                *e = e.saturating_add(shift);
            }
            q
        }));
        self.entities.extend(other.entities);
        self.hedges.extend(other.hedges);
    }
}

/// Analyses the parts `spans` of `text` as one text (joined by blank lines) and maps every offset back
/// into `text`.
fn analyse_spans(text: &str, spans: &[(usize, usize)]) -> Analysis {
    let mut joined = String::new();
    // (offset in `joined`, offset in `text`, length) for each part.
    let mut map: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for &(a, b) in spans {
        let Some(part) = text.get(a..b) else { continue };
        if !joined.is_empty() {
            joined.push_str("\n\n");
        }
        map.push((joined.len(), a, part.len()));
        joined.push_str(part);
    }
    let mut analysis = analyse_text(&joined);
    let to_text = |at: u32| -> u32 {
        let at = at as usize;
        let i = map.partition_point(|&(j, _, _)| j <= at).saturating_sub(1);
        let (j, t, len) = map.get(i).copied().unwrap_or((0, 0, 0));
        u32::try_from(t + (at - j).min(len)).unwrap_or(u32::MAX)
    };
    let end_to_text = |at: u32| -> u32 {
        // An end offset belongs to the part it closes, never to the start of the next.
        let at = at as usize;
        let i = map.partition_point(|&(j, _, _)| j < at).saturating_sub(1);
        let (j, t, len) = map.get(i).copied().unwrap_or((0, 0, 0));
        u32::try_from(t + (at - j).min(len)).unwrap_or(u32::MAX)
    };
    for m in &mut analysis.mentions {
        (m.start, m.end) = (to_text(m.start), end_to_text(m.end));
    }
    for q in &mut analysis.quotes {
        (q.start, q.end) = (to_text(q.start), end_to_text(q.end));
        q.speaker_span = q.speaker_span.map(|(a, b)| (to_text(a), end_to_text(b)));
        q.verb_span = q.verb_span.map(|(a, b)| (to_text(a), end_to_text(b)));
    }
    for h in &mut analysis.hedges {
        (h.start, h.end) = (to_text(h.start), end_to_text(h.end));
    }
    // In text order, whatever order the sections were analysed in: later stages find a passage's
    // mentions by binary search.
    analysis.mentions.sort_by_key(|m| (m.start, m.end));
    analysis
}

/// Fills [`crate::Document::analysis`] from the document's text.
pub fn annotate(doc: &mut crate::Document) {
    doc.analysis = analyse_document(doc);
}

#[cfg(test)]
mod tests;

/// A run of text with the same annotations: what a view needs to show a span of a document with its
/// entities, quotes and hedges marked, without working out overlaps itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: u32,
    pub end: u32,
    /// The mention (index into [`Analysis::mentions`]) this run is part of.
    pub mention: Option<u32>,
    /// The quote (index into [`Analysis::quotes`]) this run is inside.
    pub quote: Option<u32>,
    /// The hedge (index into [`Analysis::hedges`]) this run is part of.
    pub hedge: Option<u32>,
}

/// Cuts `start..end` of the analysed text into runs at every edge of a mention, quote or hedge. The runs
/// tile `start..end` exactly, in order. Where two quotes or two hedges overlap, the first wins.
pub fn runs(analysis: &Analysis, start: u32, end: u32) -> Vec<Run> {
    let mut edges = vec![start, end];
    let spans = analysis
        .mentions
        .iter()
        .map(|m| (m.start, m.end))
        .chain(analysis.quotes.iter().map(|q| (q.start, q.end)))
        .chain(analysis.hedges.iter().map(|h| (h.start, h.end)));
    for (s, e) in spans {
        edges.extend([s, e].into_iter().filter(|&x| x > start && x < end));
    }
    edges.sort_unstable();
    edges.dedup();
    let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    edges
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let covers = |s: u32, e: u32| s <= a && b <= e;
            Run {
                start: a,
                end: b,
                mention: analysis.mentions.iter().position(|m| covers(m.start, m.end)).map(index),
                quote: analysis.quotes.iter().position(|q| covers(q.start, q.end)).map(index),
                hedge: analysis.hedges.iter().position(|h| covers(h.start, h.end)).map(index),
            }
        })
        .collect()
}
