//! The corpus manifest: optional per-file overrides for facts a page does not carry.
//!
//! ```toml
//! [files."some-page.txt"]
//! published = "2017-12-18"   # the page prints the day and month but never the year
//! ```
//!
//! ```toml
//! [[events]]
//! name = "The harbour strike"          # shown as the event's label
//! anchors = ["Port Authority", "strike", "dockworkers"]   # entities (any alias) or words
//! date = "2021-06-02"                  # optional
//! ```
//!
//! Overrides win over what the engine read from the page, are recorded in [`Metadata::overridden`] and
//! carry the evidence rule [`OVERRIDE_RULE`], so the app can label them. A manifest that cannot be parsed,
//! an unknown field or an invalid value is reported as a diagnostic and ignored, never fatal.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::document::{Evidence, Fact, Metadata};
use crate::{Diagnostic, Document};

/// The evidence rule of every fact set by the manifest.
pub const OVERRIDE_RULE: &str = "corpus manifest";

/// The parsed manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Overrides by source file name.
    #[serde(default)]
    pub files: BTreeMap<String, Override>,
    /// Events the user names (`[[events]]` tables): each a name, a few anchors and an optional date.
    #[serde(default)]
    pub events: Vec<crate::events::EventSpec>,
}

/// The facts the manifest may set for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub outlet: Option<String>,
    /// ISO 8601: `2017`, `2017-12` or `2017-12-18`.
    pub published: Option<String>,
    pub headline: Option<String>,
    pub url: Option<String>,
    /// A BCP 47 language tag such as `en`.
    pub language: Option<String>,
}

impl Override {
    /// True when it sets nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Parses a manifest. A manifest that cannot be read gives an empty one and a diagnostic.
pub fn parse(text: &str) -> (Manifest, Vec<Diagnostic>) {
    match toml::from_str::<Manifest>(text) {
        Ok(manifest) => (manifest, Vec::new()),
        Err(e) => (
            Manifest::default(),
            vec![Diagnostic::warning(
                "manifest.invalid",
                format!("The corpus manifest could not be read and was ignored: {}", e.message()),
            )],
        ),
    }
}

pub fn valid_iso_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    match parts[..] {
        [y] => num(y, 4).is_some(),
        [y, m] => num(y, 4).is_some() && num(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) => {
                i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d)).is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// Applies an override to a document: each field it sets replaces the engine's value and is recorded.
pub fn apply(doc: &mut Document, over: &Override) {
    let fact = |value: &str| Fact {
        value: value.to_owned(),
        evidence: Evidence { rule: OVERRIDE_RULE.to_owned(), span: None },
    };
    let meta: &mut Metadata = &mut doc.meta;
    let mut set = Vec::new();
    if let Some(v) = &over.outlet {
        meta.outlet = Some(fact(v));
        set.push("outlet");
    }
    if let Some(v) = &over.published {
        if valid_iso_date(v) {
            meta.published = Some(fact(v));
            set.push("published");
            doc.diagnostics.retain(|d| d.code != "meta.no_date" && d.code != "meta.date_guessed");
        } else {
            doc.diagnostics.push(Diagnostic::warning(
                "manifest.bad_date",
                format!("The corpus manifest gives the date “{v}”, which is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD); it was ignored."),
            ));
        }
    }
    if let Some(v) = &over.headline {
        meta.headline = Some(fact(v));
        set.push("headline");
    }
    if let Some(v) = &over.url {
        meta.url = Some(fact(v));
        set.push("url");
    }
    if let Some(v) = &over.language {
        meta.language = Some(fact(v));
        set.push("language");
    }
    let date_changed = set.contains(&"published");
    for field in set {
        if !doc.meta.overridden.iter().any(|f| f == field) {
            doc.meta.overridden.push(field.to_owned());
        }
    }
    if date_changed {
        // Dates printed without a year are resolved against the publication date: resolve them again.
        crate::ingest::resolve_dates(doc);
    }
}

/// Applies the manifest to a corpus; returns diagnostics for manifest entries that name no document.
pub fn apply_all(manifest: &Manifest, docs: &mut [Document]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for (file, over) in &manifest.files {
        match docs.iter_mut().find(|d| &d.source == file) {
            Some(doc) => apply(doc, over),
            None => diagnostics.push(Diagnostic::warning(
                "manifest.unknown_file",
                format!(
                    "The corpus manifest names “{file}”, which is not in the corpus; that entry was ignored."
                ),
            )),
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest;

    const PAGE: &str = "Health minister resigns\n\nThe minister resigned on December 15 after a week of protests, the government said.\n";

    #[test]
    fn overrides_win_and_are_recorded() {
        let (manifest, diagnostics) = parse(
            "[files.\"m.txt\"]\npublished = \"2019-12-15\"\noutlet = \"Kyiv Post\"\nurl = \"https://example.org/m\"\n",
        );
        assert!(diagnostics.is_empty());
        let mut docs = vec![ingest("m.txt", PAGE.as_bytes())];
        assert!(docs[0].diagnostics.iter().any(|d| d.code == "meta.no_date"));
        assert!(apply_all(&manifest, &mut docs).is_empty());
        let meta = &docs[0].meta;
        assert_eq!(
            meta.published.as_ref().map(|f| (f.value.as_str(), f.evidence.rule.as_str())),
            Some(("2019-12-15", OVERRIDE_RULE))
        );
        assert_eq!(meta.outlet.as_ref().map(|f| f.value.as_str()), Some("Kyiv Post"));
        assert_eq!(meta.overridden, ["outlet", "published", "url"]);
        assert_eq!(meta.headline.as_ref().map(|f| f.evidence.rule.as_str()), Some("first title-like line"));
        assert!(
            !docs[0].diagnostics.iter().any(|d| d.code == "meta.no_date"),
            "the override answers the missing date"
        );
    }

    #[test]
    fn bad_manifests_are_reported_not_fatal() {
        let (manifest, diagnostics) = parse("[files.\"a.txt\"]\npublisher = \"typo\"\n");
        assert_eq!(manifest, Manifest::default());
        assert_eq!(diagnostics[0].code, "manifest.invalid");
        assert!(diagnostics[0].message.contains("publisher"), "{}", diagnostics[0].message);

        let (manifest, _) =
            parse("[files.\"gone.txt\"]\nheadline = \"x\"\n[files.\"m.txt\"]\npublished = \"18 Dec 2017\"\n");
        let mut docs = vec![ingest("m.txt", PAGE.as_bytes())];
        let diagnostics = apply_all(&manifest, &mut docs);
        assert_eq!(diagnostics[0].code, "manifest.unknown_file");
        assert!(docs[0].meta.published.is_none());
        assert!(docs[0].diagnostics.iter().any(|d| d.code == "manifest.bad_date"));
    }

    #[test]
    fn iso_dates() {
        for ok in ["2017", "2017-12", "2017-12-18", "2016-02-29"] {
            assert!(valid_iso_date(ok), "{ok}");
        }
        for bad in ["17", "2017-13", "2017-02-30", "2017/12/18", "", "2017-1-5"] {
            assert!(!valid_iso_date(bad), "{bad}");
        }
    }
}
