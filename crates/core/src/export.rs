//! The export schema, `parallax/1`: what a [`Document`] looks like to people and programs outside
//! Parallax (the `parallax export` command, the app's "download" buttons).
//!
//! The internal model keeps spans and section kinds; the export spells each part out with its text, so a
//! consumer needs no knowledge of the model. It is versioned and additive: later stages add fields (entity
//! mentions, quotes, events, framing) and never change the meaning of existing ones. `docs/export-schema.md`
//! documents every field.
//!
//! Offsets (`start`, `end`) are UTF-8 byte offsets into the document's `text`, end exclusive.

use serde::Serialize;

mod framing;

use crate::document::{Fact, SectionKind};
use crate::language::{HedgeKind, Speaker};
use crate::{Diagnostic, Document, Severity};

/// The schema identifier every export carries.
pub const SCHEMA: &str = "parallax/1";

/// A whole export: the schema tag and the documents.
#[derive(Debug, Clone, Serialize)]
pub struct Export {
    pub schema: &'static str,
    /// The corpus's canonical entities; mentions and quotes refer to them by `id`.
    pub entities: Vec<EntityExport>,
    /// The events the documents report, with their passages and omission matrices.
    pub events: Vec<framing::EventExport>,
    /// Each outlet's distinctive terms against the other outlets.
    pub outlets: Vec<framing::OutletExport>,
    pub documents: Vec<DocumentExport>,
}

/// A canonical entity of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityExport {
    /// Stable for the same corpus: the label and the name as a slug (`person:angela-merkel`).
    pub id: String,
    pub name: String,
    /// `PERSON`, `ORG`, `PLACE`, `EVENT`, `NORP` or `DATE`.
    pub label: &'static str,
    pub aliases: Vec<String>,
    pub roles: Vec<RoleExport>,
    /// The ids of the documents that mention it.
    pub documents: Vec<String>,
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleExport {
    pub role: String,
    /// The id of the document that gives it.
    pub document: String,
}

/// A mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionExport {
    /// The id of the entity, in the export's `entities`.
    pub entity: String,
    pub label: &'static str,
    pub text: String,
    /// The section it is in: `body`, `headline`, `standfirst`, `subheading`, `caption` or `comment`.
    pub section: &'static str,
    pub start: u32,
    pub end: u32,
}

/// A direct quote or reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteExport {
    /// The speaker's entity id, when the speaker is a named entity (also when the text names them by a
    /// pronoun).
    pub speaker: Option<String>,
    /// `entity`, `unnamed` (an unnamed source: "a diplomatic source") or `outlet` (no speaker).
    pub speaker_kind: &'static str,
    /// How the text names the speaker: the name, pronoun or description, as printed.
    pub speaker_text: Option<String>,
    /// The speech verb as printed ("said", "insisted", "according to").
    pub verb: Option<String>,
    /// What was said: the words inside the marks, or the reported clause.
    pub text: String,
    pub direct: bool,
    pub section: &'static str,
    pub start: u32,
    pub end: u32,
}

/// A hedge or a scare quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HedgeExport {
    /// The lexicon entry ("alleged") or, for a scare quote, the quoted words.
    pub term: String,
    /// `lexical` or `scare_quote`.
    pub kind: &'static str,
    pub text: String,
    pub section: &'static str,
    pub start: u32,
    pub end: u32,
}

/// One document in the export schema.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentExport {
    pub schema: &'static str,
    pub id: String,
    pub source: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The latest possible publication date (the earliest reader comment), when there are comments.
    pub published_bound: Option<String>,
    pub headline: Option<String>,
    pub standfirst: Option<String>,
    pub byline: Vec<String>,
    pub dateline: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// Where each metadata field above came from.
    pub evidence: Vec<EvidenceExport>,
    pub body: Vec<Span>,
    pub captions: Vec<CaptionExport>,
    pub credits: Vec<Span>,
    /// Headings inside the article ("What happens next"), in page order.
    pub subheadings: Vec<Span>,
    /// Publication facts printed on the page (timestamps, print-edition lines).
    pub page_meta: Vec<Span>,
    pub comments: Vec<CommentExport>,
    pub removed: Vec<Removed>,
    pub dates: Vec<DateExport>,
    /// The metadata fields the corpus manifest set.
    pub overrides: Vec<String>,
    pub diagnostics: Vec<DiagnosticExport>,
    /// The number of words in the body.
    pub words: u32,
    /// Entity mentions, in text order (reader comments included, with `section` = `comment`).
    pub mentions: Vec<MentionExport>,
    pub quotes: Vec<QuoteExport>,
    pub hedges: Vec<HedgeExport>,
    /// The framing signals of the article (absent when a document is exported on its own).
    pub framing: Option<framing::SignalsExport>,
    /// The framing of each event the document reports or mentions.
    pub event_framing: Vec<framing::EventFramingExport>,
    /// The decoded page; every offset in this document indexes it.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceExport {
    pub field: &'static str,
    pub value: String,
    pub rule: String,
    pub start: Option<u32>,
    pub end: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaptionExport {
    pub text: String,
    pub credit: Option<String>,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommentExport {
    /// The comment's index in `comments`; `reply_to` refers to it.
    pub id: u32,
    pub author: Option<String>,
    pub place: Option<String>,
    pub posted: Option<String>,
    /// The comment's paragraphs, joined by blank lines.
    pub text: String,
    pub reply_to: Option<u32>,
    pub depth: u32,
    /// From the start of the header to the end of the last paragraph.
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateExport {
    pub text: String,
    pub value: String,
    pub rule: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticExport {
    pub severity: &'static str,
    pub code: String,
    pub message: String,
}

impl From<&Diagnostic> for DiagnosticExport {
    fn from(d: &Diagnostic) -> Self {
        let severity = match d.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
        };
        Self { severity, code: d.code.clone(), message: d.message.clone() }
    }
}

/// A whole corpus in the export schema: its entities linked across documents, its events, and the
/// framing of each document and of each document's telling of each event.
pub fn export(bundle: &crate::bundle::Bundle) -> Export {
    let names = Names { documents: &bundle.documents, canonical: &bundle.canonical, events: &bundle.events };
    let entities = bundle.canonical.entities.iter().map(|e| entity(e, &names)).collect();
    // Each document's event framings, in the order of the framing's list.
    let mut framed_in: Vec<Vec<&crate::framing::EventFraming>> =
        bundle.documents.iter().map(|_| Vec::new()).collect();
    for f in &bundle.framing.events {
        if let Some(list) = framed_in.get_mut(f.document as usize) {
            list.push(f);
        }
    }
    let documents = framed_in
        .iter()
        .enumerate()
        .filter_map(|(i, framed)| corpus_document(bundle, &names, i, framed, &|e| bundle.framing.matrix(e)))
        .collect();
    let events = bundle
        .events
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let matrix = bundle.framing.matrix(u32::try_from(i).unwrap_or(u32::MAX));
            framing::event(e, &bundle.events.passages_of(e), matrix, &names)
        })
        .collect();
    let outlets = bundle.framing.outlets.iter().map(|o| framing::outlet(o, &names)).collect();
    Export { schema: SCHEMA, entities, events, outlets, documents }
}

/// One document of a corpus in the export schema, as the corpus sees it: the document with its
/// annotations and framing, the entities it names and the events it reports or mentions (each whole,
/// with every document's passages, so ids resolve). No outlet profiles: they describe the corpus.
/// `None` when `index` is not a document of the bundle.
pub fn export_document(bundle: &crate::bundle::Bundle, index: usize) -> Option<Export> {
    export_document_with(bundle, index, &[])
}

/// As [`export_document`], the passages and framing of events read also from `parts`: a built site's
/// tables hold each document's framing and no event's passages or framing, and the document's events'
/// parts come apart ([`crate::framing::EventPart`]; those of the events it reports or mentions are
/// needed).
pub fn export_document_with(
    bundle: &crate::bundle::Bundle,
    index: usize,
    parts: &[&crate::framing::EventPart],
) -> Option<Export> {
    let names = Names { documents: &bundle.documents, canonical: &bundle.canonical, events: &bundle.events };
    let d = u32::try_from(index).ok()?;
    let framed: Vec<&crate::framing::EventFraming> = bundle
        .framing
        .events
        .iter()
        .chain(parts.iter().flat_map(|p| &p.framings))
        .filter(|f| f.document == d)
        .collect();
    let matrix = |e: u32| {
        bundle.framing.matrix(e).or_else(|| parts.iter().flat_map(|p| &p.matrix).find(|m| m.event == e))
    };
    let document = corpus_document(bundle, &names, index, &framed, &matrix)?;
    let mut named: Vec<u32> = bundle.canonical.links.get(index).cloned().unwrap_or_default();
    named.sort_unstable();
    named.dedup();
    let entities = named
        .iter()
        .filter_map(|&g| bundle.canonical.entities.get(g as usize))
        .map(|e| entity(e, &names))
        .collect();
    let events = bundle
        .events
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.documents.contains(&d) || e.mentioned_in.contains(&d))
        .map(|(i, e)| {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let passages = match parts.iter().find(|p| p.event == i) {
                Some(part) => part.passages(),
                None => bundle.events.passages_of(e),
            };
            framing::event(e, &passages, matrix(i), &names)
        })
        .collect();
    Some(Export { schema: SCHEMA, entities, events, outlets: Vec::new(), documents: vec![document] })
}

fn entity(e: &crate::language::canonical::CorpusEntity, names: &Names) -> EntityExport {
    EntityExport {
        id: e.id.clone(),
        name: e.name.clone(),
        label: e.label.as_str(),
        aliases: e.aliases.clone(),
        roles: e
            .roles
            .iter()
            .map(|r| RoleExport { role: r.role.clone(), document: names.document(r.document) })
            .collect(),
        documents: e.documents.iter().map(|&d| names.document(d)).collect(),
        mentions: e.mentions,
    }
}

/// Document `i` of a corpus, with the corpus's entity ids and its framing (`framed`: its event framings).
fn corpus_document<'a>(
    bundle: &crate::bundle::Bundle,
    names: &Names,
    i: usize,
    framed: &[&crate::framing::EventFraming],
    matrix: &dyn Fn(u32) -> Option<&'a crate::framing::OmissionMatrix>,
) -> Option<DocumentExport> {
    let canonical = &bundle.canonical;
    let doc = bundle.documents.get(i)?;
    let links = canonical.links.get(i).map(Vec::as_slice).unwrap_or_default();
    let ids: Vec<String> = links.iter().map(|&g| names.entity(g)).collect();
    let mut d = document_with(doc, &ids);
    let i = u32::try_from(i).ok()?;
    if let Some(f) = bundle.framing.documents.get(i as usize) {
        d.framing = Some(framing::signals(f, names));
    }
    d.event_framing = framed
        .iter()
        .map(|f| {
            let left_out = matrix(f.event).map_or_else(Vec::new, |m| m.omissions(f.document));
            framing::event_framing(f, &left_out, names)
        })
        .collect();
    Some(d)
}

/// What export ids the model's indices stand for.
struct Names<'a> {
    documents: &'a [Document],
    canonical: &'a crate::language::canonical::Canonical,
    events: &'a crate::events::Events,
}

impl Names<'_> {
    fn document(&self, d: u32) -> String {
        self.documents.get(d as usize).map(|d| d.id.clone()).unwrap_or_default()
    }
    fn entity(&self, e: u32) -> String {
        self.canonical.entities.get(e as usize).map(|e| e.id.clone()).unwrap_or_default()
    }
    fn event(&self, e: u32) -> String {
        self.events.events.get(e as usize).map(|e| e.id.clone()).unwrap_or_default()
    }
}

/// The export's name for the section a span starts in.
fn section_at(doc: &Document, at: u32) -> &'static str {
    let i = doc.sections.partition_point(|s| s.end <= at);
    match doc.sections.get(i).map(|s| s.kind) {
        Some(SectionKind::Headline) => "headline",
        Some(SectionKind::Standfirst) => "standfirst",
        Some(SectionKind::Subheading) => "subheading",
        Some(SectionKind::Caption) => "caption",
        Some(SectionKind::Comment) => "comment",
        _ => "body",
    }
}

/// The text of `start..end` with surrounding whitespace trimmed, and the trimmed span.
fn span(doc: &Document, start: u32, end: u32) -> Span {
    let raw = doc.text.get(start as usize..end as usize).unwrap_or("");
    let lead = (raw.len() - raw.trim_start().len()) as u32;
    let text = raw.trim();
    Span { text: text.to_owned(), start: start + lead, end: start + lead + text.len() as u32 }
}

/// One document in the export schema, on its own: its entities' ids are those of a corpus of one.
pub fn document(doc: &Document) -> DocumentExport {
    let canonical = crate::language::canonical::link(&[&doc.analysis]);
    let ids: Vec<String> = canonical
        .links
        .first()
        .map(|links| links.iter().map(|&g| canonical.entities[g as usize].id.clone()).collect())
        .unwrap_or_default();
    document_with(doc, &ids)
}

/// One document in the export schema; `ids` are the export ids of its entities, in its own order.
fn document_with(doc: &Document, ids: &[String]) -> DocumentExport {
    let meta = &doc.meta;
    let mut evidence = Vec::new();
    let mut note = |field: &'static str, fact: Option<&Fact<String>>| {
        if let Some(f) = fact {
            evidence.push(EvidenceExport {
                field,
                value: f.value.clone(),
                rule: f.evidence.rule.clone(),
                start: f.evidence.span.map(|s| s.0),
                end: f.evidence.span.map(|s| s.1),
            });
        }
    };
    note("outlet", meta.outlet.as_ref());
    note("published", meta.published.as_ref());
    note("published_bound", meta.published_bound.as_ref());
    note("headline", meta.headline.as_ref());
    note("standfirst", meta.standfirst.as_ref());
    note("dateline", meta.dateline.as_ref());
    note("url", meta.url.as_ref());
    note("language", meta.language.as_ref());
    if let Some(b) = &meta.byline {
        evidence.push(EvidenceExport {
            field: "byline",
            value: b.value.join(", "),
            rule: b.evidence.rule.clone(),
            start: b.evidence.span.map(|s| s.0),
            end: b.evidence.span.map(|s| s.1),
        });
    }
    let of_kind = |kind: SectionKind| -> Vec<Span> {
        doc.sections.iter().filter(|s| s.kind == kind).map(|s| span(doc, s.start, s.end)).collect()
    };
    let removed = doc
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Furniture)
        .map(|s| {
            let Span { text, start, end } = span(doc, s.start, s.end);
            Removed {
                text,
                reason: s.reason.clone().unwrap_or_else(|| "page furniture".to_owned()),
                start,
                end,
            }
        })
        .collect();
    let captions = doc
        .captions
        .iter()
        .map(|c| CaptionExport {
            text: span(doc, c.start, c.end).text,
            credit: c.credit.map(|(s, e)| span(doc, s, e).text),
            // The credit may be printed before the caption (on the line above) or after it.
            start: c.credit.map_or(c.start, |(s, _)| s.min(c.start)),
            end: c.credit.map_or(c.end, |(_, e)| e.max(c.end)),
        })
        .collect();
    let comments = doc
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| CommentExport {
            id: i as u32,
            author: c.author.clone(),
            place: c.place.clone(),
            posted: c.posted.clone(),
            text: c.paragraphs.iter().map(|&(s, e)| span(doc, s, e).text).collect::<Vec<_>>().join("\n\n"),
            reply_to: c.reply_to,
            depth: c.depth,
            start: c.header.0,
            end: c.paragraphs.last().map_or(c.header.1, |p| p.1),
        })
        .collect();
    let dates = doc
        .dates
        .iter()
        .map(|d| DateExport {
            text: doc.text.get(d.start as usize..d.end as usize).unwrap_or("").to_owned(),
            value: d.value.clone(),
            rule: d.rule.clone(),
            start: d.start,
            end: d.end,
        })
        .collect();
    let a = &doc.analysis;
    let slice = |s: u32, e: u32| doc.text.get(s as usize..e as usize).unwrap_or("").to_owned();
    let id = |e: u32| ids.get(e as usize).cloned().unwrap_or_default();
    let mentions = a
        .mentions
        .iter()
        .map(|m| MentionExport {
            entity: id(m.entity),
            label: m.label.as_str(),
            text: slice(m.start, m.end),
            section: section_at(doc, m.start),
            start: m.start,
            end: m.end,
        })
        .collect();
    let quotes = a
        .quotes
        .iter()
        .map(|q| {
            let (speaker, speaker_kind) = match &q.speaker {
                Speaker::Entity(e) => (Some(id(*e)), "entity"),
                Speaker::Unnamed(_) => (None, "unnamed"),
                Speaker::Outlet => (None, "outlet"),
            };
            QuoteExport {
                speaker,
                speaker_kind,
                speaker_text: q.speaker_span.map(|(s, e)| slice(s, e)),
                verb: q.verb.clone(),
                text: slice(q.start, q.end),
                direct: q.direct,
                section: section_at(doc, q.start),
                start: q.start,
                end: q.end,
            }
        })
        .collect();
    let hedges = a
        .hedges
        .iter()
        .map(|h| HedgeExport {
            term: h.term.clone(),
            kind: match h.kind {
                HedgeKind::Lexical => "lexical",
                HedgeKind::ScareQuote => "scare_quote",
            },
            text: slice(h.start, h.end),
            section: section_at(doc, h.start),
            start: h.start,
            end: h.end,
        })
        .collect();
    let value = |f: Option<&Fact<String>>| f.map(|f| f.value.clone());
    DocumentExport {
        schema: SCHEMA,
        id: doc.id.clone(),
        source: doc.source.clone(),
        outlet: value(meta.outlet.as_ref()),
        published: value(meta.published.as_ref()),
        published_bound: value(meta.published_bound.as_ref()),
        headline: value(meta.headline.as_ref()),
        standfirst: value(meta.standfirst.as_ref()),
        byline: meta.byline.as_ref().map(|b| b.value.clone()).unwrap_or_default(),
        dateline: value(meta.dateline.as_ref()),
        url: value(meta.url.as_ref()),
        language: value(meta.language.as_ref()),
        evidence,
        body: of_kind(SectionKind::Body),
        captions,
        credits: of_kind(SectionKind::Credit),
        subheadings: of_kind(SectionKind::Subheading),
        page_meta: of_kind(SectionKind::PageMeta),
        comments,
        removed,
        dates,
        overrides: meta.overridden.clone(),
        diagnostics: doc.diagnostics.iter().map(DiagnosticExport::from).collect(),
        words: doc.body_word_count(),
        mentions,
        quotes,
        hedges,
        framing: None,
        event_framing: Vec::new(),
        text: doc.text.clone(),
    }
}

/// The columns of the CSV export: one row per document, the facts a spreadsheet user sorts and filters
/// by, and the body text.
pub const CSV_COLUMNS: [&str; 18] = [
    "id",
    "source",
    "outlet",
    "published",
    "headline",
    "standfirst",
    "byline",
    "dateline",
    "url",
    "language",
    "words",
    "body_paragraphs",
    "captions",
    "comments",
    "removed",
    "overrides",
    "diagnostics",
    "body",
];

impl DocumentExport {
    /// The CSV row for this document, in [`CSV_COLUMNS`] order. Lists are joined with "; "; the body's
    /// paragraphs with blank lines.
    pub fn csv_row(&self) -> Vec<String> {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        vec![
            self.id.clone(),
            self.source.clone(),
            opt(&self.outlet),
            opt(&self.published),
            opt(&self.headline),
            opt(&self.standfirst),
            self.byline.join("; "),
            opt(&self.dateline),
            opt(&self.url),
            opt(&self.language),
            self.words.to_string(),
            self.body.len().to_string(),
            self.captions.len().to_string(),
            self.comments.len().to_string(),
            self.removed.len().to_string(),
            self.overrides.join("; "),
            self.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>().join("; "),
            self.body.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n\n"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::ingest::ingest;

    const PAGE: &str = "Home | World | Business\n\nFloods cut off mountain villages\n\nBy Ana Lima and Tom Reed\n\nLIMA (AP) — Rivers burst their banks on Tuesday, cutting roads to a dozen villages, officials said.\n\nRescue teams reached two of them by helicopter.\n\nA flooded street in the capital. (AP Photo/Ana Lima)\n\nEditing by Sam Cole\n\nShare this article\n";

    #[test]
    fn spells_out_every_part_with_offsets_into_text() {
        let doc = ingest("floods.txt", PAGE.as_bytes());
        let e = document(&doc);
        assert_eq!(e.schema, "parallax/1");
        assert_eq!(e.id, "floods");
        assert_eq!(e.outlet.as_deref(), Some("Associated Press"));
        assert_eq!(e.headline.as_deref(), Some("Floods cut off mountain villages"));
        assert_eq!(e.byline, ["Ana Lima", "Tom Reed"]);
        assert_eq!(e.dateline.as_deref(), Some("Lima"));
        assert_eq!(e.body.len(), 2, "{:?}", e.body);
        for p in e.body.iter().chain(&e.credits) {
            assert_eq!(&e.text[p.start as usize..p.end as usize], p.text);
        }
        assert_eq!(e.captions.len(), 1);
        assert_eq!(e.captions[0].text, "A flooded street in the capital.");
        assert_eq!(
            e.captions[0].credit.as_deref(),
            Some("AP Photo/Ana Lima"),
            "the credit without its brackets"
        );
        assert_eq!(e.credits[0].text, "Editing by Sam Cole");
        let reasons: Vec<&str> = e.removed.iter().map(|r| r.text.as_str()).collect();
        assert!(reasons.contains(&"Home | World | Business"), "{reasons:?}");
        assert!(reasons.contains(&"Share this article"), "{reasons:?}");
        assert!(e.evidence.iter().any(|ev| ev.field == "outlet" && ev.rule == "wire dateline"));
        let row = e.csv_row();
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(row[6], "Ana Lima; Tom Reed");
    }

    #[test]
    fn one_document_of_a_corpus_carries_what_it_names_and_reports_and_nothing_else() {
        let second = "Storm floods coastal towns\n\nMANILA (Reuters) - Typhoon Haiyan flooded coastal towns on Friday, \
            President Benigno Aquino said.\n\nThe storm cut power to a million homes, Aquino said.\n";
        let docs = vec![ingest("floods.txt", PAGE.as_bytes()), ingest("storm.txt", second.as_bytes())];
        let bundle = crate::bundle::Bundle::new(docs);
        let whole = export(&bundle);
        let one = export_document(&bundle, 1).expect("document 1 exists");
        assert_eq!(one.schema, SCHEMA);
        assert_eq!(one.documents.len(), 1);
        assert_eq!(one.documents[0].id, "storm");
        // The document is exported exactly as in the whole corpus's export.
        let same = whole.documents.iter().find(|d| d.id == "storm").expect("in the whole export");
        assert_eq!(format!("{:?}", one.documents[0]), format!("{same:?}"));
        // Every entity its mentions refer to is listed, and no entity it does not name.
        let listed: BTreeSet<&str> = one.entities.iter().map(|e| e.id.as_str()).collect();
        let referred: BTreeSet<&str> = one.documents[0].mentions.iter().map(|m| m.entity.as_str()).collect();
        assert_eq!(listed, referred);
        assert!(one.entities.iter().all(|e| e.documents.contains(&"storm".to_owned())));
        assert!(one.events.iter().all(
            |e| e.documents.contains(&"storm".to_owned()) || e.mentioned_in.contains(&"storm".to_owned())
        ));
        assert!(one.outlets.is_empty());
        assert!(export_document(&bundle, 2).is_none(), "no third document");
    }
}
