//! Canonical entities across documents.
//!
//! Each document's analysis has its own entity table (see [`super::entities::link`]); this module merges
//! them into one table for a corpus, so that "Merkel" in one outlet and "Angela Merkel" in another are the
//! same entity everywhere in the app.
//!
//! Entities of the same label merge when
//! - their keys are equal: the gazetteer's canonical name ("U.S." and "America" are both "United
//!   States"), a person's first and last name, or the lowercase form without dots ("Nato", "NATO");
//! - one is a person known by one name only and exactly one person of the corpus has that name as their
//!   last name ("Scholz" and "Olaf Scholz");
//! - one is an acronym that another introduced in its own document ("Federal Customs Service (FCS)").
//!
//! Ids are stable for the same corpus: the label and the name as a slug (`person:angela-merkel`), with a
//! number after it in the rare case of two entities with the same slug.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Analysis, Label};

/// An entity of the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusEntity {
    pub id: String,
    pub name: String,
    pub label: Label,
    /// Every other form the corpus names it by.
    pub aliases: Vec<String>,
    /// Titles and roles, each with the document that gives it.
    pub roles: Vec<Role>,
    /// The documents that mention it, by index into the corpus.
    pub documents: Vec<u32>,
    /// How many mentions it has in the corpus, comments included.
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub role: String,
    /// Index of the document, into the corpus.
    pub document: u32,
}

/// The corpus table and, per document, which corpus entity each of its entities is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Canonical {
    pub entities: Vec<CorpusEntity>,
    /// `links[d][e]` is the corpus entity of entity `e` of document `d`.
    pub links: Vec<Vec<u32>>,
}

/// Merges the entity tables of a corpus's analyses (in corpus order).
pub fn link(analyses: &[&Analysis]) -> Canonical {
    // Union-find over (document, entity).
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    let mut first_node: Vec<usize> = Vec::with_capacity(analyses.len());
    for (d, a) in analyses.iter().enumerate() {
        first_node.push(nodes.len());
        nodes.extend((0..a.entities.len()).map(|e| (d, e)));
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    fn union(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let entity = |n: usize| {
        let (d, e) = nodes[n];
        &analyses[d].entities[e]
    };

    // Equal keys.
    let mut by_key: HashMap<(Label, &str), usize> = HashMap::new();
    for n in 0..nodes.len() {
        let e = entity(n);
        match by_key.get(&(e.label, e.key.as_str())) {
            Some(&m) => union(&mut parent, m, n),
            None => {
                by_key.insert((e.label, e.key.as_str()), n);
            }
        }
    }
    // Acronyms introduced in one document, used alone in another.
    for n in 0..nodes.len() {
        let e = entity(n);
        if e.label == Label::Person {
            continue;
        }
        for alias in &e.aliases {
            let key: String = alias.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
            if let Some(&m) = by_key.get(&(e.label, key.as_str())) {
                union(&mut parent, m, n);
            }
        }
    }
    // One-name people to the single full name that ends with it.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for n in 0..nodes.len() {
        let e = entity(n);
        if e.label == Label::Person
            && let Some((_, last)) = e.key.rsplit_once(' ')
        {
            by_last.entry(last).or_default().push(n);
        }
    }
    for n in 0..nodes.len() {
        let e = entity(n);
        if e.label != Label::Person || e.key.contains(' ') {
            continue;
        }
        if let Some(full) = by_last.get(e.key.as_str()) {
            let roots: Vec<usize> = {
                let mut r: Vec<usize> = full.iter().map(|&m| find(&mut parent, m)).collect();
                r.sort_unstable();
                r.dedup();
                r
            };
            if let [root] = roots[..] {
                union(&mut parent, root, n);
            }
        }
    }

    // Build the table in order of first appearance.
    let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut entities: Vec<CorpusEntity> = Vec::new();
    let mut links: Vec<Vec<u32>> = analyses.iter().map(|a| vec![0; a.entities.len()]).collect();
    let mut counts: Vec<u32> = vec![0; nodes.len()];
    for (d, a) in analyses.iter().enumerate() {
        for m in &a.mentions {
            if let Some(c) = counts.get_mut(first_node[d] + m.entity as usize) {
                *c += 1;
            }
        }
    }
    for n in 0..nodes.len() {
        let root = find(&mut parent, n);
        let g = *group_of.entry(root).or_insert_with(|| {
            let e = entity(root);
            entities.push(CorpusEntity {
                id: String::new(),
                name: e.name.clone(),
                label: e.label,
                aliases: Vec::new(),
                roles: Vec::new(),
                documents: Vec::new(),
                mentions: 0,
            });
            entities.len() - 1
        });
        let (d, local) = nodes[n];
        links[d][local] = u32::try_from(g).unwrap_or(u32::MAX);
        let e = entity(n);
        let c = &mut entities[g];
        let doc = u32::try_from(d).unwrap_or(u32::MAX);
        if counts[n] > 0 && !c.documents.contains(&doc) {
            c.documents.push(doc);
        }
        c.mentions += counts[n];
        // People are shown by their fullest name; others by the first name the corpus gives.
        if e.label == Label::Person && e.name.split_whitespace().count() > c.name.split_whitespace().count() {
            let old = std::mem::replace(&mut c.name, e.name.clone());
            c.aliases.push(old);
        }
        for alias in std::iter::once(&e.name).chain(&e.aliases) {
            if *alias != c.name && !c.aliases.contains(alias) {
                c.aliases.push(alias.clone());
            }
        }
        for role in &e.roles {
            if !c.roles.iter().any(|r| r.role == *role && r.document == doc) {
                c.roles.push(Role { role: role.clone(), document: doc });
            }
        }
    }
    let mut used: HashMap<String, u32> = HashMap::new();
    for c in &mut entities {
        let name = c.name.clone();
        c.aliases.retain(|a| *a != name);
        let base = format!("{}:{}", c.label.as_str().to_lowercase(), slug(&c.name));
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        c.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
    Canonical { entities, links }
}

/// Lowercase letters and digits, other runs as one hyphen: "U.S. Army" → "u-s-army".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
