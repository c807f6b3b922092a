//! Compare: documents side by side on one event or one entity.
//!
//! A comparison has a focus (an event, or an entity) and two to five documents, its columns. Each column
//! holds the document's passages about the focus in reading order: for an event, its passages of the
//! event; for an entity, the headline, standfirst and body paragraphs that mention it. Rows line up the
//! passages that report the same sub-fact: passages are compared by what they share (entities, voices,
//! numbers and days, weighted by how rare each is in the comparison, and words of the same quote), and the
//! columns are aligned one after another as sequences, so every column keeps its reading order and a row
//! leaves a cell blank where a document has nothing to match. The framing of each column and an omission
//! matrix (entities, voices and facts against the columns: present, hedged or absent) come with it, and
//! [`to_csv`] and [`to_markdown`] export the whole.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::bundle::Bundle;
use crate::document::SectionKind;
use crate::events::{EventPassage, Passage, PassageRole};
use crate::framing::{
    self, EventPart, FramingSignals, ItemKind, MATRIX_ROWS, Presence, Prominence, ScopeMeasure,
    logodds::Vocabulary,
};
use crate::text::{self, TokenKind};

/// The most documents a comparison shows side by side.
pub const MAX_COLUMNS: usize = 5;
/// The least similarity at which two passages share a row.
pub const ALIGN_THRESHOLD: f32 = 0.2;
/// Shared items named per row, to say why its passages were lined up.
const SHARED_SHOWN: usize = 4;

/// What a comparison is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// An event, by index into [`crate::events::Events::events`].
    Event(u32),
    /// A corpus entity, by index into [`crate::language::canonical::Canonical::entities`].
    Entity(u32),
}

impl Focus {
    /// The focus named by an id as URLs carry it: an event's id, or a corpus entity's.
    pub fn find(bundle: &Bundle, event: Option<&str>, entity: Option<&str>) -> Option<Self> {
        if let Some(id) = event {
            let i = bundle.events.events.iter().position(|e| e.id == id)?;
            return Some(Self::Event(u32::try_from(i).ok()?));
        }
        let id = entity?;
        let i = bundle.canonical.entities.iter().position(|e| e.id == id)?;
        Some(Self::Entity(u32::try_from(i).ok()?))
    }

    /// The focus's id, as URLs carry it.
    pub fn id(self, bundle: &Bundle) -> &str {
        match self {
            Self::Event(e) => bundle.events.events.get(e as usize).map_or("", |e| e.id.as_str()),
            Self::Entity(e) => bundle.canonical.entities.get(e as usize).map_or("", |e| e.id.as_str()),
        }
    }

    /// The focus's name: the event's label, or the entity's name.
    pub fn label(self, bundle: &Bundle) -> &str {
        match self {
            Self::Event(e) => bundle.events.events.get(e as usize).map_or("", |e| e.label.as_str()),
            Self::Entity(e) => bundle.canonical.entities.get(e as usize).map_or("", |e| e.name.as_str()),
        }
    }
}

/// A document that can be compared on a focus, with how much it has to say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub document: u32,
    /// Its passages about the focus.
    pub passages: u32,
    /// Whether it reports the focus (an event's reporting documents; any document naming an entity in
    /// its article), rather than mentioning it in passing.
    pub reports: bool,
}

/// An event's passages with how each belongs to it: from `part` when given (a built site's table of
/// events holds none: they come in each event's part), else from the bundle's events.
fn event_passages<'a>(
    bundle: &'a Bundle,
    e: u32,
    part: Option<&'a EventPart>,
) -> Vec<(&'a Passage, &'a EventPassage)> {
    match (part, bundle.events.events.get(e as usize)) {
        (Some(part), _) => part.passages(),
        (None, Some(event)) => bundle.events.passages_of(event),
        (None, None) => Vec::new(),
    }
}

/// Every document that has something about the focus: those that report it first, then by how many
/// passages they have, then in corpus order.
pub fn candidates(bundle: &Bundle, focus: Focus) -> Vec<Candidate> {
    candidates_with(bundle, focus, None)
}

/// As [`candidates`], an event's passages read from its `part` when given ([`EventPart`]).
pub fn candidates_with(bundle: &Bundle, focus: Focus, part: Option<&EventPart>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = match focus {
        Focus::Event(e) => {
            let Some(event) = bundle.events.events.get(e as usize) else { return Vec::new() };
            let mut count: BTreeMap<u32, u32> = BTreeMap::new();
            for (p, _) in event_passages(bundle, e, part) {
                *count.entry(p.document).or_default() += 1;
            }
            count
                .into_iter()
                .map(|(document, passages)| Candidate {
                    document,
                    passages,
                    reports: event.documents.contains(&document),
                })
                .collect()
        }
        Focus::Entity(g) => {
            let Some(entity) = bundle.canonical.entities.get(g as usize) else { return Vec::new() };
            entity
                .documents
                .iter()
                .map(|&d| Candidate {
                    document: d,
                    passages: u32::try_from(entity_passages(bundle, d, g).len()).unwrap_or(u32::MAX),
                    reports: true,
                })
                .filter(|c| c.passages > 0)
                .collect()
        }
    };
    out.sort_by(|a, b| {
        b.reports.cmp(&a.reports).then(b.passages.cmp(&a.passages)).then(a.document.cmp(&b.document))
    });
    out
}

/// The documents a comparison opens with: the candidates that report the focus, one per outlet (the one
/// with most to say), at most [`MAX_COLUMNS`], in order of publication; when fewer than two outlets
/// report it, documents that mention it fill up to two.
pub fn default_documents(bundle: &Bundle, focus: Focus) -> Vec<u32> {
    default_documents_with(bundle, focus, None)
}

/// As [`default_documents`], an event's passages read from its `part` when given ([`EventPart`]).
pub fn default_documents_with(bundle: &Bundle, focus: Focus, part: Option<&EventPart>) -> Vec<u32> {
    let mut seen = BTreeSet::new();
    let mut picked = Vec::new();
    let all = candidates_with(bundle, focus, part);
    for c in all.iter().filter(|c| c.reports) {
        if picked.len() < MAX_COLUMNS && seen.insert(outlet(bundle, c.document)) {
            picked.push(c.document);
        }
    }
    for c in all.iter().filter(|c| !c.reports) {
        if picked.len() < 2 && seen.insert(outlet(bundle, c.document)) {
            picked.push(c.document);
        }
    }
    order_columns(bundle, &mut picked);
    picked
}

/// Columns in order of publication (undated last), then by outlet.
pub fn order_columns(bundle: &Bundle, documents: &mut [u32]) {
    documents.sort_by_cached_key(|&d| {
        let doc = bundle.documents.get(d as usize);
        let date = doc.and_then(|d| d.meta.published.as_ref()).map(|f| f.value.clone());
        (date.is_none(), date, outlet(bundle, d), d)
    });
}

/// The outlet, to keep one document per outlet; a document whose outlet is unknown counts as its own.
fn outlet(bundle: &Bundle, document: u32) -> String {
    match bundle.documents.get(document as usize).and_then(|d| d.meta.outlet.as_ref()) {
        Some(o) => o.value.to_lowercase(),
        None => format!("\u{0}{document}"),
    }
}

/// The headline, standfirst and body paragraphs of document `d` that mention corpus entity `g`.
fn entity_passages(bundle: &Bundle, d: u32, g: u32) -> Vec<Passage> {
    let Some(doc) = bundle.documents.get(d as usize) else { return Vec::new() };
    let Some(links) = bundle.canonical.links.get(d as usize) else { return Vec::new() };
    let mentions: Vec<(u32, u32)> = doc
        .analysis
        .mentions
        .iter()
        .filter(|m| links.get(m.entity as usize) == Some(&g))
        .map(|m| (m.start, m.end))
        .collect();
    let mut out = Vec::new();
    let mut paragraph = 0;
    for s in &doc.sections {
        let counted = matches!(s.kind, SectionKind::Headline | SectionKind::Standfirst | SectionKind::Body);
        if counted && mentions.iter().any(|&(a, b)| s.start <= a && b <= s.end) {
            out.push(Passage {
                document: d,
                section: s.kind,
                paragraph: if s.kind == SectionKind::Body { paragraph } else { 0 },
                start: s.start,
                end: s.end,
            });
        }
        if s.kind == SectionKind::Body {
            paragraph += 1;
        }
    }
    out
}

/// One passage of a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub passage: Passage,
    /// For an event: whether the passage reports it or mentions it in passing.
    pub role: Option<PassageRole>,
}

/// One document's column.
#[derive(Debug, Clone)]
pub struct Column {
    pub document: u32,
    /// Its passages about the focus, in reading order.
    pub passages: Vec<Shown>,
    pub signals: FramingSignals,
    pub prominence: Prominence,
}

/// A row of aligned passages.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Per column, the index of its passage in this row (into [`Column::passages`]), or none.
    pub cells: Vec<Option<usize>>,
    /// What the row's passages share, the rarest first: why they were lined up.
    pub shared: Vec<String>,
}

/// One cell of the omission matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    pub presence: Presence,
    /// The column's first passage that has the item (into [`Column::passages`]).
    pub passage: Option<usize>,
}

/// A row of the omission matrix: an entity, voice or fact reported by one of the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    pub kind: ItemKind,
    pub key: String,
    pub label: String,
    /// One per column.
    pub cells: Vec<MatrixCell>,
}

impl MatrixRow {
    /// Whether some column has it and some other leaves it out.
    pub fn differs(&self) -> bool {
        let absent = self.cells.iter().filter(|c| c.presence == Presence::Absent).count();
        absent > 0 && absent < self.cells.len()
    }
}

/// Documents side by side on a focus.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub focus: Focus,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub matrix: Vec<MatrixRow>,
}

/// Compares `documents` (at most [`MAX_COLUMNS`] are kept, duplicates and unknown indices dropped) on
/// `focus`.
pub fn compare(bundle: &Bundle, focus: Focus, documents: &[u32]) -> Comparison {
    compare_with(bundle, focus, documents, None)
}

/// As [`compare`], an event's passages and framing read from its `part` when given (a built site fetches
/// the event's part alone: [`EventPart`]).
pub fn compare_with(
    bundle: &Bundle,
    focus: Focus,
    documents: &[u32],
    part: Option<&EventPart>,
) -> Comparison {
    let framed = part.map_or(bundle.framing.events.as_slice(), |p| p.framings.as_slice());
    let mut docs: Vec<u32> = Vec::new();
    for &d in documents {
        if (d as usize) < bundle.documents.len() && !docs.contains(&d) && docs.len() < MAX_COLUMNS {
            docs.push(d);
        }
    }
    let mut vocabulary = Vocabulary::default();
    // An event's passages, gathered once for every column.
    let of_event = match focus {
        Focus::Event(e) => event_passages(bundle, e, part),
        Focus::Entity(_) => Vec::new(),
    };
    let mut measures: Vec<ScopeMeasure> = Vec::with_capacity(docs.len());
    let mut columns: Vec<Column> = Vec::with_capacity(docs.len());
    for &d in &docs {
        let passages = column_passages(bundle, focus, d, &of_event);
        let precomputed = match focus {
            Focus::Event(e) => framed.iter().find(|f| f.event == e && f.document == d),
            Focus::Entity(_) => None,
        };
        // An event's framing was measured when the corpus was built; an entity's is measured now, its
        // distinctive terms against the other columns.
        if let Some(f) = precomputed {
            columns.push(Column {
                document: d,
                passages,
                signals: f.signals.clone(),
                prominence: f.prominence.clone(),
            });
        } else {
            let plain: Vec<Passage> = passages.iter().map(|s| s.passage.clone()).collect();
            let reporting: Vec<u32> = passages
                .iter()
                .enumerate()
                .filter(|(_, s)| s.role != Some(PassageRole::Mentions))
                .filter_map(|(i, _)| u32::try_from(i).ok())
                .collect();
            let doc = &bundle.documents[d as usize];
            let m = framing::measure_scope(d, doc, &bundle.canonical, &plain, &reporting, &mut vocabulary);
            columns.push(Column {
                document: d,
                passages,
                signals: FramingSignals::default(),
                prominence: m.prominence.clone(),
            });
            measures.push(m);
        }
    }
    if matches!(focus, Focus::Entity(_)) {
        framing::distinguish(&mut measures, &vocabulary);
        for (c, m) in columns.iter_mut().zip(measures) {
            c.signals = m.signals;
        }
    }
    let features = features(bundle, focus, &columns);
    let rows = align(&columns, &features);
    let matrix = matrix(&columns, &features);
    Comparison { focus, columns, rows, matrix }
}

/// Document `d`'s passages about the focus, in reading order (for an event, from `of_event`: its passages).
fn column_passages(
    bundle: &Bundle,
    focus: Focus,
    d: u32,
    of_event: &[(&Passage, &EventPassage)],
) -> Vec<Shown> {
    match focus {
        Focus::Event(_) => {
            let mut out: Vec<Shown> = of_event
                .iter()
                .filter(|(p, _)| p.document == d)
                .map(|&(p, ep)| Shown { passage: p.clone(), role: Some(ep.role) })
                .collect();
            out.sort_by_key(|s| s.passage.start);
            out
        }
        Focus::Entity(g) => {
            entity_passages(bundle, d, g).into_iter().map(|passage| Shown { passage, role: None }).collect()
        }
    }
}

/// What one passage has, for lining passages up and for the matrix.
#[derive(Debug, Default)]
struct Features {
    /// Entities, voices and facts: key, label.
    items: BTreeMap<(ItemKind, String), String>,
    hedged: bool,
    /// Word trigrams of its direct quotes, lowercase.
    quote: BTreeSet<String>,
    /// The first quote's opening words, to name a shared quote.
    quote_label: Option<String>,
}

/// Per column, per passage.
type Table = Vec<Vec<Features>>;

fn features(bundle: &Bundle, focus: Focus, columns: &[Column]) -> Table {
    let skip = match focus {
        Focus::Entity(g) => bundle.canonical.entities.get(g as usize).map(|e| e.id.clone()),
        Focus::Event(_) => None,
    };
    columns
        .iter()
        .map(|c| {
            let doc = &bundle.documents[c.document as usize];
            c.passages
                .iter()
                .map(|s| {
                    let p = &s.passage;
                    let found = framing::passage_items(p, doc, &bundle.canonical);
                    let mut items = found.items;
                    // The entity compared on is in every passage: it tells none apart.
                    if let Some(id) = &skip {
                        items.remove(&(ItemKind::Entity, id.clone()));
                        items.remove(&(ItemKind::Voice, id.clone()));
                    }
                    let mut quote = BTreeSet::new();
                    let mut quote_label = None;
                    for q in doc
                        .analysis
                        .quotes
                        .iter()
                        .filter(|q| q.direct && p.start <= q.start && q.end <= p.end)
                    {
                        let said = &doc.text[q.start as usize..q.end as usize];
                        let (tokens, _) = text::segment(said, 0);
                        let words: Vec<String> = tokens
                            .iter()
                            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
                            .map(|t| said[t.start as usize..t.end as usize].to_lowercase())
                            .collect();
                        for w in words.windows(3) {
                            quote.insert(w.join(" "));
                        }
                        if quote_label.is_none() && words.len() >= 3 {
                            let opening: Vec<&str> = words.iter().take(6).map(String::as_str).collect();
                            quote_label = Some(format!("“{}…”", opening.join(" ")));
                        }
                    }
                    Features { items, hedged: found.hedged, quote, quote_label }
                })
                .collect()
        })
        .collect()
}

/// How rare each item is among the comparison's passages: ln(1 + n / df).
fn weights(table: &Table) -> HashMap<(ItemKind, String), f32> {
    let mut df: HashMap<(ItemKind, String), u32> = HashMap::new();
    let mut n = 0u32;
    for f in table.iter().flatten() {
        n += 1;
        for key in f.items.keys() {
            *df.entry(key.clone()).or_default() += 1;
        }
    }
    df.into_iter().map(|(k, d)| (k, (1.0 + n as f32 / d as f32).ln())).collect()
}

/// A passage's items as weights by item number, in order, with their norm: two passages' cosine is then
/// a merge of two short lists, not a lookup of every item.
struct Weighted {
    items: Vec<(u32, f32)>,
    norm: f32,
}

fn weighted(table: &Table, w: &HashMap<(ItemKind, String), f32>) -> Vec<Vec<Weighted>> {
    let number: HashMap<&(ItemKind, String), u32> =
        w.keys().enumerate().map(|(i, k)| (k, u32::try_from(i).unwrap_or(u32::MAX))).collect();
    table
        .iter()
        .map(|column| {
            column
                .iter()
                .map(|f| {
                    let mut items: Vec<(u32, f32)> = f
                        .items
                        .keys()
                        .filter_map(|k| Some((*number.get(k)?, w.get(k).copied().unwrap_or(0.0))))
                        .collect();
                    items.sort_unstable_by_key(|&(i, _)| i);
                    let norm = items.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
                    Weighted { items, norm }
                })
                .collect()
        })
        .collect()
}

/// How much two passages share, 0..: the cosine of their items weighted by rarity, plus up to a half for
/// words of the same quote.
fn similarity(a: &Features, va: &Weighted, b: &Features, vb: &Weighted) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < va.items.len() && j < vb.items.len() {
        match va.items[i].0.cmp(&vb.items[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += va.items[i].1 * va.items[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    let cosine = if va.norm > 0.0 && vb.norm > 0.0 { shared / (va.norm * vb.norm) } else { 0.0 };
    let quoted = if a.quote.is_empty() || b.quote.is_empty() {
        0.0
    } else {
        let common = a.quote.intersection(&b.quote).count() as f32;
        (common / a.quote.len().min(b.quote.len()) as f32).min(1.0) * 0.5
    };
    cosine + quoted
}

/// Lines the columns' passages up, column after column: each new column is aligned with the rows so far
/// as two sequences (the best total similarity over matches that keep both orders, a match allowed at
/// [`ALIGN_THRESHOLD`] or more against any passage already in the row).
fn align(columns: &[Column], table: &Table) -> Vec<Row> {
    let w = weights(table);
    let vectors = weighted(table, &w);
    let n = columns.len();
    let mut rows: Vec<Vec<Option<usize>>> = Vec::new();
    for (k, passages) in table.iter().enumerate() {
        if k == 0 {
            rows = (0..passages.len())
                .map(|p| {
                    let mut r = vec![None; n];
                    r[0] = Some(p);
                    r
                })
                .collect();
            continue;
        }
        let (r, p) = (rows.len(), passages.len());
        let score = |i: usize, j: usize| -> Option<f32> {
            let best = rows[i]
                .iter()
                .enumerate()
                .take(k)
                .filter_map(|(c, cell)| {
                    cell.map(|x| similarity(&table[c][x], &vectors[c][x], &passages[j], &vectors[k][j]))
                })
                .fold(0.0f32, f32::max);
            (best >= ALIGN_THRESHOLD).then_some(best)
        };
        let scores: Vec<Vec<Option<f32>>> = (0..r).map(|i| (0..p).map(|j| score(i, j)).collect()).collect();
        let mut d = vec![vec![0.0f32; p + 1]; r + 1];
        for i in 1..=r {
            for j in 1..=p {
                let mut best = d[i - 1][j].max(d[i][j - 1]);
                if let Some(s) = scores[i - 1][j - 1] {
                    best = best.max(d[i - 1][j - 1] + s);
                }
                d[i][j] = best;
            }
        }
        // Walk back: a match, else the row without this column, else the passage on a row of its own.
        let mut merged: Vec<Vec<Option<usize>>> = Vec::with_capacity(r + p);
        let (mut i, mut j) = (r, p);
        while i > 0 || j > 0 {
            let matched = i > 0
                && j > 0
                && scores[i - 1][j - 1].is_some_and(|s| (d[i][j] - (d[i - 1][j - 1] + s)).abs() < 1e-6);
            if matched {
                let mut row = rows[i - 1].clone();
                row[k] = Some(j - 1);
                merged.push(row);
                i -= 1;
                j -= 1;
            } else if i > 0 && (j == 0 || d[i][j] == d[i - 1][j]) {
                merged.push(rows[i - 1].clone());
                i -= 1;
            } else {
                let mut row = vec![None; n];
                row[k] = Some(j - 1);
                merged.push(row);
                j -= 1;
            }
        }
        merged.reverse();
        rows = merged;
    }
    rows.into_iter()
        .map(|cells| {
            let shared = shared_items(&cells, table, &w);
            Row { cells, shared }
        })
        .collect()
}

/// The items two or more of a row's passages have, the rarest first, and a quote they share.
fn shared_items(cells: &[Option<usize>], table: &Table, w: &HashMap<(ItemKind, String), f32>) -> Vec<String> {
    let present: Vec<&Features> =
        cells.iter().enumerate().filter_map(|(c, cell)| cell.map(|x| &table[c][x])).collect();
    if present.len() < 2 {
        return Vec::new();
    }
    let mut count: BTreeMap<&(ItemKind, String), (usize, &str)> = BTreeMap::new();
    for f in &present {
        for (k, label) in &f.items {
            count.entry(k).or_insert((0, label.as_str())).0 += 1;
        }
    }
    let mut shared: Vec<(f32, &str)> = count
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2)
        .map(|(k, (_, label))| (w.get(k).copied().unwrap_or(0.0), label))
        .collect();
    shared.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, label) in shared {
        // A speaker is an entity and a voice: named once.
        if out.len() < SHARED_SHOWN && !out.iter().any(|l| l == label) {
            out.push(label.to_owned());
        }
    }
    let quoted = present.iter().enumerate().find_map(|(i, a)| {
        present[i + 1..]
            .iter()
            .any(|b| a.quote.intersection(&b.quote).next().is_some())
            .then_some(a.quote_label.clone())?
    });
    if let Some(q) = quoted {
        out.push(q);
    }
    out
}

/// The omission matrix of the columns: every entity, voice and fact a column reports (in a passage that
/// reports the focus), and for each column whether it has it unhedged, only hedged, or not at all. Rows
/// are capped at [`MATRIX_ROWS`] per kind, the most widely reported first.
fn matrix(columns: &[Column], table: &Table) -> Vec<MatrixRow> {
    let n = columns.len();
    let mut rows: BTreeMap<(ItemKind, String), (String, Vec<MatrixCell>, bool)> = BTreeMap::new();
    for (c, (column, passages)) in columns.iter().zip(table).enumerate() {
        for (x, (shown, f)) in column.passages.iter().zip(passages).enumerate() {
            let reports = shown.role != Some(PassageRole::Mentions);
            for (key, label) in &f.items {
                let row = rows.entry(key.clone()).or_insert_with(|| {
                    (label.clone(), vec![MatrixCell { presence: Presence::Absent, passage: None }; n], false)
                });
                row.2 |= reports;
                let cell = &mut row.1[c];
                if cell.passage.is_none() {
                    cell.passage = Some(x);
                }
                if !f.hedged {
                    cell.presence = Presence::Present;
                    if cell.passage.is_some_and(|p| table[c][p].hedged) {
                        cell.passage = Some(x);
                    }
                } else if cell.presence == Presence::Absent {
                    cell.presence = Presence::Hedged;
                }
            }
        }
    }
    let have = |cells: &[MatrixCell]| cells.iter().filter(|c| c.presence != Presence::Absent).count();
    let mut out: Vec<MatrixRow> = rows
        .into_iter()
        .filter(|(_, (_, _, reported))| *reported)
        .map(|((kind, key), (label, cells, _))| MatrixRow { kind, key, label, cells })
        .collect();
    out.sort_by(|a, b| {
        a.kind.cmp(&b.kind).then(have(&b.cells).cmp(&have(&a.cells))).then_with(|| a.label.cmp(&b.label))
    });
    let mut per_kind: HashMap<ItemKind, usize> = HashMap::new();
    out.retain(|r| {
        let taken = per_kind.entry(r.kind).or_default();
        *taken += 1;
        *taken <= MATRIX_ROWS
    });
    out
}

/// A passage's text, trimmed.
pub fn passage_text<'a>(bundle: &'a Bundle, passage: &Passage) -> &'a str {
    bundle
        .documents
        .get(passage.document as usize)
        .and_then(|d| d.text.get(passage.start as usize..passage.end as usize))
        .unwrap_or("")
        .trim()
}

/// Where a passage stands in its document: "headline", "standfirst", "¶ 3".
pub fn passage_place(passage: &Passage) -> String {
    match passage.section {
        SectionKind::Headline => "headline".to_owned(),
        SectionKind::Standfirst => "standfirst".to_owned(),
        _ => format!("¶ {}", passage.paragraph + 1),
    }
}

mod export;
pub use export::{prominence_text, to_csv, to_markdown};

#[cfg(test)]
mod tests;
