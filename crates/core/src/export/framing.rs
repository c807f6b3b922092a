//! Events and framing in the export schema: the model's indices spelled out as export ids.

use serde::Serialize;

use super::Names;
use crate::events::{Event, EventPassage, Passage};
use crate::framing::logodds::Term;
use crate::framing::tone::Tone;
use crate::framing::{
    Count, EventFraming, FramingSignals, Omission, OmissionMatrix, OutletTerms, Prominence, SharedStr,
    VoiceRef,
};

/// An event of the corpus.
#[derive(Debug, Clone, Serialize)]
pub struct EventExport {
    /// Stable for the same corpus: `event-` and the label as a slug.
    pub id: String,
    pub label: String,
    /// ISO 8601 (a day, or a year when only the year is known), when known.
    pub date: Option<String>,
    /// Where the date comes from.
    pub date_rule: Option<String>,
    /// `shared` (two or more documents report it), `lead` (one document's lead story) or `manifest`.
    pub origin: &'static str,
    /// Ids of the documents that report it.
    pub documents: Vec<String>,
    /// Ids of the documents that only mention it in passing.
    pub mentioned_in: Vec<String>,
    /// Ids of the entities that characterise it, the most telling first.
    pub entities: Vec<String>,
    pub terms: Vec<String>,
    pub passages: Vec<PassageExport>,
    /// Entities, voices and facts reported for the event, against its documents.
    pub matrix: Vec<ItemExport>,
}

/// A passage of an event.
#[derive(Debug, Clone, Serialize)]
pub struct PassageExport {
    pub document: String,
    /// `headline`, `standfirst` or `body`.
    pub section: &'static str,
    /// The body paragraph's index (0 for the first), 0 for a headline or standfirst.
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    /// `reports` or `mentions`.
    pub role: &'static str,
    /// Similarity to the event (0..1).
    pub score: f32,
    pub text: String,
}

/// A row of an event's omission matrix.
#[derive(Debug, Clone, Serialize)]
pub struct ItemExport {
    /// `entity`, `voice` or `fact`.
    pub kind: &'static str,
    pub key: String,
    pub label: String,
    pub cells: Vec<CellExport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CellExport {
    pub document: String,
    /// `present`, `hedged` or `absent`.
    pub presence: &'static str,
    /// Offsets of the first passage that has it, in the document's text.
    pub start: Option<u32>,
    pub end: Option<u32>,
}

/// Framing signals of a document or of a document's telling of an event.
#[derive(Debug, Clone, Serialize)]
pub struct SignalsExport {
    pub words: u32,
    pub quoted_words: u32,
    pub voices: Vec<VoiceExport>,
    pub voice_kinds: Vec<Count>,
    pub verbs: Vec<Count>,
    pub hedges: Vec<Count>,
    pub scare_quotes: Vec<String>,
    pub tone: Tone,
    /// For a document: its outlet's terms against the other outlets'; for an event: this document's
    /// terms about it against the other documents'.
    pub distinctive: Vec<Term>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoiceExport {
    /// The entity id, or null for an unnamed source or the outlet's own voice.
    pub entity: Option<String>,
    pub name: SharedStr,
    /// `official`, `expert`, `anonymous`, `outlet`, `ordinary` or `other`.
    pub kind: &'static str,
    pub affiliation: Option<SharedStr>,
    pub quotes: u32,
    pub direct: u32,
    pub words: u32,
    pub share: f32,
    pub verbs: Vec<Count>,
}

/// How a document told one event.
#[derive(Debug, Clone, Serialize)]
pub struct EventFramingExport {
    pub event: String,
    #[serde(flatten)]
    pub signals: SignalsExport,
    pub prominence: Prominence,
    pub omissions: Vec<OmissionExport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OmissionExport {
    pub kind: &'static str,
    pub label: String,
    pub reported_by: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutletExport {
    pub outlet: String,
    pub documents: Vec<String>,
    pub terms: Vec<Term>,
}

pub(super) fn signals(s: &FramingSignals, names: &Names<'_>) -> SignalsExport {
    SignalsExport {
        words: s.words,
        quoted_words: s.quoted_words,
        voices: s
            .voices
            .iter()
            .map(|v| VoiceExport {
                entity: match v.speaker {
                    VoiceRef::Entity(e) => Some(names.entity(e)),
                    _ => None,
                },
                name: v.name.clone(),
                kind: v.kind.as_str(),
                affiliation: v.affiliation.clone(),
                quotes: v.quotes,
                direct: v.direct,
                words: v.words,
                share: v.share,
                verbs: v.verbs.clone(),
            })
            .collect(),
        voice_kinds: s.voice_kinds.clone(),
        verbs: s.verbs.clone(),
        hedges: s.hedges.clone(),
        scare_quotes: s.scare_quotes.clone(),
        tone: s.tone,
        distinctive: s.distinctive.clone(),
    }
}

pub(super) fn event_framing(
    f: &EventFraming,
    omissions: &[Omission],
    names: &Names<'_>,
) -> EventFramingExport {
    EventFramingExport {
        event: names.event(f.event),
        signals: signals(&f.signals, names),
        prominence: f.prominence.clone(),
        omissions: omissions
            .iter()
            .map(|o| OmissionExport {
                kind: o.kind.as_str(),
                label: o.label.clone(),
                reported_by: o.reported_by.iter().map(|&d| names.document(d)).collect(),
            })
            .collect(),
    }
}

/// Event `e` in the export schema, with its `passages` ([`crate::events::Events::passages_of`] or the
/// event's part's) and its omission matrix.
pub(super) fn event(
    e: &Event,
    passages: &[(&Passage, &EventPassage)],
    matrix: Option<&OmissionMatrix>,
    names: &Names<'_>,
) -> EventExport {
    // A matrix cell names its passage by its index in the corpus: looked up once per cell, not by a scan
    // of the event's passages (an event of thousands of documents has thousands of each).
    let by_id: std::collections::HashMap<u32, &Passage> =
        passages.iter().map(|&(p, ep)| (ep.passage, p)).collect();
    EventExport {
        id: e.id.clone(),
        label: e.label.clone(),
        date: e.date.clone(),
        date_rule: e.date_rule.clone(),
        origin: e.origin.as_str(),
        documents: e.documents.iter().map(|&d| names.document(d)).collect(),
        mentioned_in: e.mentioned_in.iter().map(|&d| names.document(d)).collect(),
        entities: e.entities.iter().map(|&x| names.entity(x)).collect(),
        terms: e.terms.clone(),
        passages: passages
            .iter()
            .filter_map(|&(p, ep)| {
                let doc = names.documents.get(p.document as usize)?;
                let span = super::span(doc, p.start, p.end);
                Some(PassageExport {
                    document: doc.id.clone(),
                    section: p.section.label(),
                    paragraph: p.paragraph,
                    start: span.start,
                    end: span.end,
                    role: ep.role.as_str(),
                    score: ep.score,
                    text: span.text,
                })
            })
            .collect(),
        matrix: matrix
            .map(|m| {
                m.items
                    .iter()
                    .map(|item| ItemExport {
                        kind: item.kind.as_str(),
                        key: item.key.clone(),
                        label: item.label.clone(),
                        // Every document's cell, the absent ones the matrix does not store included.
                        cells: item
                            .all_cells(&m.documents)
                            .map(|c| {
                                let p = c.passage.and_then(|id| {
                                    by_id.get(&id).copied().or_else(|| names.events.passages.get(id as usize))
                                });
                                CellExport {
                                    document: names.document(c.document),
                                    presence: c.presence.as_str(),
                                    start: p.map(|p| p.start),
                                    end: p.map(|p| p.end),
                                }
                            })
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub(super) fn outlet(o: &OutletTerms, names: &Names<'_>) -> OutletExport {
    OutletExport {
        outlet: o.outlet.clone(),
        documents: o.documents.iter().map(|&d| names.document(d)).collect(),
        terms: o.terms.clone(),
    }
}
