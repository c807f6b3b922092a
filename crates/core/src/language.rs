//! The language layer: named entities, quotes with their speakers, hedges.
//!
//! [`analyse_text`] reads a run of plain text (an article body, a comment) and returns an [`Analysis`]:
//! entity mentions with a document-local entity table, quotes and hedges, each a span of byte offsets.
//! [`analyse`] does the same for a whole [`crate::Document`], section by section, and keeps reader
//! comments apart. Canonical identities across documents are made by [`canonical`].

use serde::{Deserialize, Serialize};

/// The kinds of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// A person, real or fictional.
    Person,
    /// An organisation: a government body, agency, company, party, armed group, news outlet.
    Org,
    /// A place: a country, city, region, geographic feature or named building.
    Place,
    /// A named event: "the Boston Marathon bombings", "the G-20 summit", "September 11".
    Event,
    /// A nationality, religious or political group: "Russian", "Muslims", "Republicans".
    Norp,
    /// A date or period: "April 15", "Wednesday", "last year", "2013".
    Date,
}

impl Label {
    pub const ALL: [Label; 6] = [Label::Person, Label::Org, Label::Place, Label::Event, Label::Norp, Label::Date];

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
    /// The fullest name the text (or the gazetteer) gives it: "Vladimir Putin", "United States".
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
    let _ = text;
    Analysis::default()
}
