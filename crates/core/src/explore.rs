//! What the Entities and Timeline views show: who is named by which outlet, who is named with whom, and
//! when the documents and events of a corpus fall.
//!
//! Everything here is counted from what earlier stages found (mentions linked to canonical entities,
//! events with their documents, publication dates), so the views only lay it out. Two choices hold
//! throughout:
//!
//! - **The audience is kept apart.** Counts cover the article by default ([`Scope::Article`]); reader
//!   comments count only when asked ([`Scope::All`]), so an outlet is not credited with what its readers
//!   wrote.
//! - **Nothing is dropped silently.** An entity table row says how many mentions, documents and outlets
//!   it has in the chosen scope; a document or event without a usable date is listed as undated rather
//!   than left off the timeline ([`timeline`]).
//!
//! Dates are not rows of the entity table: a date is a point on the timeline, not a who or a what, and
//! the Library's entity filter leaves them out for the same reason.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::Document;
use crate::document::SectionKind;
use crate::language::Label;
use crate::language::canonical::{Canonical, CorpusEntity};
use crate::search::UNKNOWN_OUTLET;

pub mod timeline;

pub use timeline::{
    Bucket, Buckets, Column, Lane, Mark, OTHER_OUTLETS, PartialDate, Period, PeriodError, Timeline, Unit,
    buckets, earliest, timeline,
};

#[cfg(test)]
mod tests;

/// Which part of each document counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The journalism: headline, standfirst, body, captions. Reader comments are left out.
    #[default]
    Article,
    /// The article and its reader comments.
    All,
}

/// The entity types the entity table lists, in the order a type filter offers them.
pub const NAMED_LABELS: [Label; 5] = [Label::Person, Label::Org, Label::Place, Label::Event, Label::Norp];

/// The outlet a document is shown under.
pub fn outlet_name(doc: &Document) -> &str {
    doc.meta.outlet.as_ref().map_or(UNKNOWN_OUTLET, |o| o.value.as_str())
}

/// One mention in scope: the section (passage) it is in and the corpus entity it names.
struct Occurrence {
    section: u32,
    entity: u32,
}

/// The mentions of a document that the scope counts, each with its section and corpus entity.
fn occurrences(doc: &Document, links: Option<&Vec<u32>>, scope: Scope) -> Vec<Occurrence> {
    let Some(links) = links else { return Vec::new() };
    doc.analysis
        .mentions
        .iter()
        .filter(|m| m.label != Label::Date)
        .filter_map(|m| {
            let section = doc.sections.partition_point(|s| s.end <= m.start);
            let kind = doc.sections.get(section).map(|s| s.kind);
            if scope == Scope::Article && kind == Some(SectionKind::Comment) {
                return None;
            }
            let entity = *links.get(m.entity as usize)?;
            Some(Occurrence { section: u32::try_from(section).unwrap_or(u32::MAX), entity })
        })
        .collect()
}

/// Mentions of every corpus entity per outlet: the coverage heat map and the entity table's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// The outlets, as columns: the one with most documents first, then by name.
    pub outlets: Vec<String>,
    /// How many documents each outlet has, in [`Coverage::outlets`] order.
    pub outlet_documents: Vec<u32>,
    /// One row per corpus entity, in [`Canonical::entities`] order.
    pub rows: Vec<EntityCoverage>,
}

/// One entity's counts in the chosen scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCoverage {
    pub mentions: u32,
    /// Documents that mention it.
    pub documents: u32,
    /// Mentions per outlet, in [`Coverage::outlets`] order.
    pub counts: Vec<u32>,
}

impl EntityCoverage {
    /// How many outlets mention it at all.
    pub fn outlets(&self) -> u32 {
        u32::try_from(self.counts.iter().filter(|&&c| c > 0).count()).unwrap_or(u32::MAX)
    }
}

impl Coverage {
    /// The largest count of any cell: what a heat map scales its intensity by.
    pub fn max_count(&self) -> u32 {
        self.rows.iter().flat_map(|r| r.counts.iter().copied()).max().unwrap_or(0)
    }
}

/// Counts every corpus entity's mentions per outlet, in `scope`.
pub fn coverage(documents: &[Document], canonical: &Canonical, scope: Scope) -> Coverage {
    let mut per_outlet: BTreeMap<&str, u32> = BTreeMap::new();
    for doc in documents {
        *per_outlet.entry(outlet_name(doc)).or_default() += 1;
    }
    let mut outlets: Vec<(&str, u32)> = per_outlet.into_iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let column: HashMap<&str, usize> = outlets.iter().enumerate().map(|(i, (o, _))| (*o, i)).collect();

    let mut rows = vec![
        EntityCoverage { mentions: 0, documents: 0, counts: vec![0; outlets.len()] };
        canonical.entities.len()
    ];
    let mut seen_in: Vec<u32> = vec![u32::MAX; canonical.entities.len()];
    for (d, doc) in documents.iter().enumerate() {
        let col = column[outlet_name(doc)];
        let d = u32::try_from(d).unwrap_or(u32::MAX);
        for o in occurrences(doc, canonical.links.get(d as usize), scope) {
            let Some(row) = rows.get_mut(o.entity as usize) else { continue };
            row.mentions += 1;
            row.counts[col] += 1;
            if seen_in[o.entity as usize] != d {
                seen_in[o.entity as usize] = d;
                row.documents += 1;
            }
        }
    }
    Coverage {
        outlets: outlets.iter().map(|(o, _)| (*o).to_owned()).collect(),
        outlet_documents: outlets.iter().map(|(_, n)| *n).collect(),
        rows,
    }
}

/// How the entity table is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum EntitySort {
    /// Most mentions first.
    #[default]
    Mentions,
    /// Most documents first.
    Documents,
    /// By name, A to Z.
    Name,
}

impl EntitySort {
    pub const ALL: [EntitySort; 3] = [EntitySort::Mentions, EntitySort::Documents, EntitySort::Name];

    /// The name a URL carries.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mentions => "mentions",
            Self::Documents => "documents",
            Self::Name => "name",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What narrows the entity table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityFilter {
    /// Only entities of this type; `None` for every type of [`NAMED_LABELS`].
    pub label: Option<Label>,
    /// Only entities whose name or an alias contains this text (case aside); empty for all.
    pub text: String,
}

impl EntityFilter {
    /// Whether an entity passes: a named type (the chosen one, if any) and the text in a name.
    pub fn passes(&self, e: &CorpusEntity) -> bool {
        let label = match self.label {
            Some(l) => e.label == l,
            None => NAMED_LABELS.contains(&e.label),
        };
        label && {
            let needle = self.text.trim().to_lowercase();
            needle.is_empty()
                || e.name.to_lowercase().contains(&needle)
                || e.aliases.iter().any(|a| a.to_lowercase().contains(&needle))
        }
    }
}

/// The entity table's rows: indices into [`Canonical::entities`] of the entities that pass `filter` and
/// have at least one mention in the coverage's scope, in `sort` order (ties by mentions, then name, then
/// id, so the order is total and stable).
pub fn entity_rows(
    canonical: &Canonical,
    coverage: &Coverage,
    filter: &EntityFilter,
    sort: EntitySort,
) -> Vec<u32> {
    let mut rows: Vec<u32> = canonical
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| coverage.rows.get(*i).is_some_and(|r| r.mentions > 0) && filter.passes(e))
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let entity = |i: u32| &canonical.entities[i as usize];
    let counts = |i: u32| &coverage.rows[i as usize];
    let by_name = |a: u32, b: u32| {
        let (ea, eb) = (entity(a), entity(b));
        ea.name.to_lowercase().cmp(&eb.name.to_lowercase()).then_with(|| ea.id.cmp(&eb.id))
    };
    rows.sort_by(|&a, &b| match sort {
        EntitySort::Mentions => counts(b)
            .mentions
            .cmp(&counts(a).mentions)
            .then(counts(b).documents.cmp(&counts(a).documents))
            .then_with(|| by_name(a, b)),
        EntitySort::Documents => counts(b)
            .documents
            .cmp(&counts(a).documents)
            .then(counts(b).mentions.cmp(&counts(a).mentions))
            .then_with(|| by_name(a, b)),
        EntitySort::Name => by_name(a, b),
    });
    rows
}

/// An entity's roles as the table shows them: each distinct role once (case aside), the most often
/// given first, ties in the order the corpus gives them.
pub fn distinct_roles(e: &CorpusEntity) -> Vec<String> {
    let mut roles: Vec<(String, u32, usize)> = Vec::new();
    for (order, r) in e.roles.iter().enumerate() {
        let role = r.role.trim();
        if role.is_empty() {
            continue;
        }
        match roles.iter_mut().find(|(x, _, _)| x.eq_ignore_ascii_case(role)) {
            Some(found) => found.1 += 1,
            None => roles.push((role.to_owned(), 1, order)),
        }
    }
    roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    roles.into_iter().map(|(r, _, _)| r).collect()
}

/// Another entity named with the chosen one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoOccurrence {
    /// Index into [`Canonical::entities`].
    pub entity: u32,
    /// Documents that mention both.
    pub documents: u32,
    /// Passages (a headline, a paragraph, a caption, a comment) that mention both.
    pub passages: u32,
}

/// The entities named with `entity` (an index into [`Canonical::entities`]), those that share the most
/// passages first, then the most documents, then by name. Entities that share no document are left out.
pub fn co_occurrence(
    documents: &[Document],
    canonical: &Canonical,
    entity: u32,
    scope: Scope,
) -> Vec<CoOccurrence> {
    let mut shared: HashMap<u32, (u32, u32)> = HashMap::default();
    for (d, doc) in documents.iter().enumerate() {
        let found = occurrences(doc, canonical.links.get(d), scope);
        let mut sections: Vec<u32> = found.iter().filter(|o| o.entity == entity).map(|o| o.section).collect();
        if sections.is_empty() {
            continue;
        }
        sections.sort_unstable();
        sections.dedup();
        // Each other entity counts once per document and once per passage, however often it is named.
        let mut in_doc: Vec<u32> = Vec::new();
        let mut in_passage: Vec<(u32, u32)> = Vec::new();
        for o in found.iter().filter(|o| o.entity != entity) {
            in_doc.push(o.entity);
            if sections.binary_search(&o.section).is_ok() {
                in_passage.push((o.entity, o.section));
            }
        }
        in_doc.sort_unstable();
        in_doc.dedup();
        in_passage.sort_unstable();
        in_passage.dedup();
        for e in in_doc {
            shared.entry(e).or_default().0 += 1;
        }
        for (e, _) in in_passage {
            shared.entry(e).or_default().1 += 1;
        }
    }
    let mut out: Vec<CoOccurrence> = shared
        .into_iter()
        .map(|(entity, (documents, passages))| CoOccurrence { entity, documents, passages })
        .collect();
    let name = |e: u32| canonical.entities.get(e as usize).map(|x| x.name.to_lowercase()).unwrap_or_default();
    out.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then(b.documents.cmp(&a.documents))
            .then_with(|| name(a.entity).cmp(&name(b.entity)))
            .then(a.entity.cmp(&b.entity))
    });
    out
}

/// How many of the entities named with one the Entities view lists, and a site's tables keep.
pub const CO_ROWS: usize = 20;

/// The first of the entities named with one, in [`co_occurrence`]'s order, and how many there are in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoList {
    pub top: Vec<CoOccurrence>,
    pub total: u32,
}

impl CoList {
    /// The first `keep` of a full list.
    pub fn of(mut all: Vec<CoOccurrence>, keep: usize) -> Self {
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        all.truncate(keep);
        Self { top: all, total }
    }
}

/// [`co_occurrence`] for every corpus entity at once, each list cut to its first `keep`: what a built
/// site stores so that its Entities view needs no document. One pass over the documents that name each
/// entity, so the work grows with the pairs named together, not with entities times documents.
/// Mentions linked to no corpus entity are left out.
pub fn co_occurrence_lists(
    documents: &[Document],
    canonical: &Canonical,
    scope: Scope,
    keep: usize,
) -> Vec<CoList> {
    let n = canonical.entities.len();
    // Each document's (entity, passage) pairs, sorted, once each; and the documents naming each entity.
    let found: Vec<Vec<(u32, u32)>> = documents
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let mut pairs: Vec<(u32, u32)> = occurrences(doc, canonical.links.get(d), scope)
                .into_iter()
                .filter(|o| (o.entity as usize) < n)
                .map(|o| (o.entity, o.section))
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        })
        .collect();
    let mut naming: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (d, pairs) in found.iter().enumerate() {
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            naming[run[0].0 as usize].push(u32::try_from(d).unwrap_or(u32::MAX));
        }
    }
    let names: Vec<String> = canonical.entities.iter().map(|e| e.name.to_lowercase()).collect();
    let mut shared: Vec<(u32, u32)> = vec![(0, 0); n];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for (entity, docs) in naming.iter().enumerate() {
        let entity = u32::try_from(entity).unwrap_or(u32::MAX);
        for &d in docs {
            let runs = found[d as usize].chunk_by(|a, b| a.0 == b.0);
            let Some(own) = runs.clone().find(|r| r[0].0 == entity) else { continue };
            for run in runs.filter(|r| r[0].0 != entity) {
                let other = run[0].0;
                let slot = &mut shared[other as usize];
                if *slot == (0, 0) {
                    touched.push(other);
                }
                slot.0 += 1;
                // Both runs are sorted by passage, once each: the shared passages are found by merging them.
                let (mut i, mut j) = (0, 0);
                while i < own.len() && j < run.len() {
                    match own[i].1.cmp(&run[j].1) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            slot.1 += 1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
            }
        }
        let mut list: Vec<CoOccurrence> = touched
            .drain(..)
            .map(|e| {
                let (documents, passages) = std::mem::take(&mut shared[e as usize]);
                CoOccurrence { entity: e, documents, passages }
            })
            .collect();
        list.sort_by(|a, b| {
            b.passages
                .cmp(&a.passages)
                .then(b.documents.cmp(&a.documents))
                .then_with(|| names[a.entity as usize].cmp(&names[b.entity as usize]))
                .then(a.entity.cmp(&b.entity))
        });
        out.push(CoList::of(list, keep));
    }
    out
}

/// A type as a table shows it.
pub fn label_name(label: Label) -> &'static str {
    match label {
        Label::Person => "Person",
        Label::Org => "Organisation",
        Label::Place => "Place",
        Label::Event => "Event",
        Label::Norp => "Group",
        Label::Date => "Date",
    }
}

/// The columns of the entity table's CSV.
pub const ENTITY_CSV_COLUMNS: [&str; 8] =
    ["id", "name", "type", "aliases", "roles", "documents", "outlets", "mentions"];

/// The entity table as CSV (RFC 4180: CRLF line ends, fields with commas, quotes or line breaks
/// quoted), one row per entry of `rows` (indices into [`Canonical::entities`]). Aliases and roles are
/// joined with "; ".
pub fn entities_csv(canonical: &Canonical, coverage: &Coverage, rows: &[u32]) -> String {
    let header: Vec<String> = ENTITY_CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let body = rows.iter().filter_map(|&i| {
        let e = canonical.entities.get(i as usize)?;
        let c = coverage.rows.get(i as usize)?;
        Some(vec![
            e.id.clone(),
            e.name.clone(),
            label_name(e.label).to_owned(),
            e.aliases.join("; "),
            distinct_roles(e).join("; "),
            c.documents.to_string(),
            c.outlets().to_string(),
            c.mentions.to_string(),
        ])
    });
    write_csv(header, body)
}

/// The coverage table as CSV: `id`, `name`, `type`, one column of mention counts per outlet (named by
/// the outlet), and `total`; one row per entry of `rows`.
pub fn coverage_csv(canonical: &Canonical, coverage: &Coverage, rows: &[u32]) -> String {
    let mut header: Vec<String> = vec!["id".into(), "name".into(), "type".into()];
    header.extend(coverage.outlets.iter().cloned());
    header.push("total".into());
    let body = rows.iter().filter_map(|&i| {
        let e = canonical.entities.get(i as usize)?;
        let c = coverage.rows.get(i as usize)?;
        let mut row = vec![e.id.clone(), e.name.clone(), label_name(e.label).to_owned()];
        row.extend(c.counts.iter().map(u32::to_string));
        row.push(c.mentions.to_string());
        Some(row)
    });
    write_csv(header, body)
}

/// Writes records as CSV with the `csv` crate, which quotes what needs quoting.
pub(crate) fn write_csv(header: Vec<String>, rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's length, so no record is refused;
    // should one be, the rows before it are kept.
    for record in std::iter::once(header).chain(rows) {
        if writer.write_record(&record).is_err() {
            break;
        }
    }
    let bytes = writer.into_inner().unwrap_or_else(|e| e.into_inner().get_ref().clone());
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
