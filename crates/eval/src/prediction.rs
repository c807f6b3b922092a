//! What a system predicts for one text, in one shape for Parallax and for peers.
//!
//! Parallax gives mentions with entity ids, quotes and hedges ([`from_analysis`]); a peer gives mentions
//! only, read from JSON lines ([`read_peer`]), so its alias merging, quotes and hedges are "n/a".

use std::collections::BTreeMap;

use parallax_core::language::{Analysis, HedgeKind, Label, Speaker};
use serde::Deserialize;

/// A predicted mention; `entity` groups mentions of the same entity within one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredMention {
    pub start: u32,
    pub end: u32,
    pub label: Label,
    pub entity: Option<u32>,
}

/// Who a predicted quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PredSpeaker {
    /// An entity id, as in [`PredMention::entity`].
    Entity(u32),
    /// An unnamed source, as the system describes it.
    Source(String),
    Outlet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredQuote {
    pub start: u32,
    pub end: u32,
    pub direct: bool,
    pub speaker: PredSpeaker,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PredHedge {
    pub start: u32,
    pub end: u32,
    pub scare: bool,
}

/// A system's output for one text. `None` means the system does not do that task at all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prediction {
    pub mentions: Vec<PredMention>,
    /// Whether the system groups mentions into entities (then every mention has an `entity`).
    pub merges: bool,
    pub quotes: Option<Vec<PredQuote>>,
    pub hedges: Option<Vec<PredHedge>>,
}

/// Parallax's analysis of a text, as a prediction.
pub fn from_analysis(analysis: &Analysis) -> Prediction {
    let mentions = analysis
        .mentions
        .iter()
        .map(|m| PredMention { start: m.start, end: m.end, label: m.label, entity: Some(m.entity) })
        .collect();
    let quotes = analysis
        .quotes
        .iter()
        .map(|q| PredQuote {
            start: q.start,
            end: q.end,
            direct: q.direct,
            speaker: match &q.speaker {
                Speaker::Entity(e) => PredSpeaker::Entity(*e),
                Speaker::Unnamed(d) => PredSpeaker::Source(d.clone()),
                Speaker::Outlet => PredSpeaker::Outlet,
            },
        })
        .collect();
    let hedges = analysis
        .hedges
        .iter()
        .map(|h| PredHedge { start: h.start, end: h.end, scare: h.kind == HedgeKind::ScareQuote })
        .collect();
    Prediction { mentions, merges: true, quotes: Some(quotes), hedges: Some(hedges) }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeerLine {
    file: String,
    mentions: Vec<PeerMention>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeerMention {
    start: u32,
    end: u32,
    label: String,
}

/// Reads a peer's predictions: one JSON object per line,
/// `{"file": "corpus/000.txt", "mentions": [{"start": 0, "end": 5, "label": "PERSON"}]}`, with byte
/// offsets into the plain text and labels already mapped to Parallax's. Keyed by file.
pub fn read_peer(name: &str, jsonl: &str) -> Result<BTreeMap<String, Prediction>, String> {
    let mut out = BTreeMap::new();
    for (i, line) in jsonl.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = || format!("{name}:{}", i + 1);
        let parsed: PeerLine = serde_json::from_str(line).map_err(|e| format!("{}: {e}", at()))?;
        let mut mentions = Vec::with_capacity(parsed.mentions.len());
        for m in parsed.mentions {
            let label =
                Label::parse(&m.label).ok_or_else(|| format!("{}: unknown label `{}`", at(), m.label))?;
            if m.start >= m.end {
                return Err(format!("{}: empty or reversed span {}..{}", at(), m.start, m.end));
            }
            mentions.push(PredMention { start: m.start, end: m.end, label, entity: None });
        }
        if out
            .insert(parsed.file.clone(), Prediction { mentions, merges: false, quotes: None, hedges: None })
            .is_some()
        {
            return Err(format!("{}: file `{}` listed twice", at(), parsed.file));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use parallax_core::language::{Hedge, Mention, Quote};

    use super::*;

    #[test]
    fn analysis_becomes_a_prediction() {
        let analysis = Analysis {
            mentions: vec![Mention { start: 0, end: 5, label: Label::Person, entity: 0 }],
            entities: Vec::new(),
            quotes: vec![Quote {
                start: 10,
                end: 20,
                direct: true,
                speaker: Speaker::Unnamed("officials".into()),
                speaker_span: None,
                verb: None,
                verb_span: None,
            }],
            hedges: vec![Hedge { start: 1, end: 2, kind: HedgeKind::ScareQuote, term: "x".into() }],
        };
        let p = from_analysis(&analysis);
        assert_eq!(p.mentions[0].entity, Some(0));
        assert_eq!(p.quotes.expect("quotes")[0].speaker, PredSpeaker::Source("officials".into()));
        assert!(p.hedges.expect("hedges")[0].scare);
    }

    #[test]
    fn peer_lines() {
        let jsonl = "{\"file\": \"a.txt\", \"mentions\": [{\"start\": 0, \"end\": 5, \"label\": \"PERSON\"}]}\n\n\
                     {\"file\": \"b.txt\", \"mentions\": []}\n";
        let p = read_peer("peer.jsonl", jsonl).expect("reads");
        assert_eq!(p.len(), 2);
        assert_eq!(p["a.txt"].mentions[0].label, Label::Person);
        assert_eq!(p["a.txt"].mentions[0].entity, None);
        assert!(p["b.txt"].quotes.is_none());
        let bad = read_peer(
            "peer.jsonl",
            "{\"file\": \"a\", \"mentions\": [{\"start\": 0, \"end\": 1, \"label\": \"GPE\"}]}",
        );
        assert_eq!(bad.expect_err("unknown label"), "peer.jsonl:1: unknown label `GPE`");
    }
}
