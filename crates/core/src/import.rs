//! Import: the files a person brings (pages, `.jsonl` with one document per line, `.zip` archives of
//! those, and a corpus `manifest.toml`) split into items, one per document, each with its own bytes and
//! the metadata given with it; then each item processed into a [`Document`].
//!
//! Nothing here fails as a whole. A file, an archive entry or a line that cannot be used gives a
//! [`Problem`] that names it and says why, and the rest goes on. Limits ([`Limits`]) keep a hostile file
//! from exhausting memory: a page larger than a news page could be, an archive that expands without end (a
//! zip bomb, whose headers may lie about sizes: entries are read through a counting limit, never trusted).
//!
//! The `.jsonl` format: one JSON object per line with `text` (plain text) or `html` (a page's markup), and
//! optionally `name`, `outlet`, `published` (or `date`; ISO 8601), `headline`, `url` and `language`. Other
//! fields are reported as unused. [`archive`] writes items back as a `.zip` of their bytes and a
//! `manifest.toml` of their metadata, which [`expand`] reads back to the same items.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

pub use crate::manifest::Override;

use crate::manifest;
use crate::{Document, Severity};

/// How much one import may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document (a page, an archive entry that is a page, a `.jsonl` line).
    pub document: u64,
    /// The largest file given.
    pub file: u64,
    /// The most bytes one archive may expand to, all entries together.
    pub archive: u64,
    /// The most entries read from one archive.
    pub entries: usize,
}

impl Limits {
    /// A news page is rarely above 2 MB of markup; 16 MB leaves room for a long one and refuses a dump.
    pub const DEFAULT: Self = Self {
        document: 16 * 1024 * 1024,
        file: 512 * 1024 * 1024,
        archive: 512 * 1024 * 1024,
        entries: 100_000,
    };
}

/// The file types [`expand`] reads, for messages.
pub const ACCEPTED: &str = ".txt, .html, .htm, .md, .jsonl or .zip";

/// A file as given: its name (inside an archive, its path there) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
}

/// One document to be: its name, its own bytes (a page's, or the text of a `.jsonl` line) and the
/// metadata that came with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub name: String,
    #[serde(with = "serde_bytes")]
    pub bytes: Vec<u8>,
    pub over: Override,
}

/// What could not be used, or is worth knowing, about one file, in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file (for an archive entry, `archive.zip: path/in/it`).
    pub file: String,
    /// `Warning`: something was not imported. `Info`: imported, with a note.
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    /// Something not imported.
    pub fn skipped(file: &str, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), severity: Severity::Warning, message: message.into() }
    }

    /// Imported, with a note.
    pub fn note(file: &str, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), severity: Severity::Info, message: message.into() }
    }
}

/// Why a file named `name` of `size` bytes is refused before it is read, if it is: larger than a file may
/// be, or a page larger than a document may be.
pub fn refuse_size(name: &str, size: u64, limits: &Limits) -> Option<String> {
    if size > limits.file {
        Some(format!(
            "is {}, more than the {} a file may be; not imported.",
            megabytes(size),
            megabytes(limits.file)
        ))
    } else if kind(name) == Kind::Page && size > limits.document {
        Some(format!(
            "is {}, more than the {} one document may be; not imported. A collection of articles can be imported as .jsonl, one per line.",
            megabytes(size),
            megabytes(limits.document)
        ))
    } else {
        None
    }
}

/// What a file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A page: `.txt`, `.text`, `.html`, `.htm`, `.xhtml`, `.md`, `.markdown`.
    Page,
    /// One document per line: `.jsonl`, `.ndjson`.
    Lines,
    /// A `.zip` archive.
    Archive,
    /// A corpus manifest (`manifest.toml`).
    Manifest,
    /// Anything else.
    Other,
}

/// The kind of a file, from its name.
pub fn kind(name: &str) -> Kind {
    let base = basename(name);
    if base.eq_ignore_ascii_case("manifest.toml") {
        return Kind::Manifest;
    }
    let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "html" | "htm" | "xhtml" | "md" | "markdown" => Kind::Page,
        "jsonl" | "ndjson" => Kind::Lines,
        "zip" => Kind::Archive,
        _ => Kind::Other,
    }
}

fn basename(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The items of some files, and what could not be used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    pub items: Vec<Item>,
    pub problems: Vec<Problem>,
}

/// Splits files into items under [`Limits::DEFAULT`].
pub fn expand(sources: &[Source]) -> Expanded {
    expand_with(sources, &Limits::DEFAULT)
}

/// Splits files into items: a page is one, a `.jsonl` file one per line, an archive its entries'.
/// A `manifest.toml` among them (or in an archive) sets the metadata of the files it names.
pub fn expand_with(sources: &[Source], limits: &Limits) -> Expanded {
    let mut out = Expanded::default();
    let mut manifests = Vec::new();
    for source in sources {
        let mut reader = Reader { limits, out: &mut out, manifests: &mut manifests };
        reader.file(&source.name, &source.name, &source.bytes, false);
    }
    for found in manifests {
        apply_manifest(&found, &mut out);
    }
    out
}

/// A manifest found among the files: where it was, the folder its names are relative to, what it says.
struct FoundManifest {
    label: String,
    folder: String,
    manifest: manifest::Manifest,
}

struct Reader<'a> {
    limits: &'a Limits,
    out: &'a mut Expanded,
    manifests: &'a mut Vec<FoundManifest>,
}

impl Reader<'_> {
    /// One file: `name` becomes the item's name, `label` names it in messages.
    fn file(&mut self, name: &str, label: &str, bytes: &[u8], in_archive: bool) {
        if let Some(why) = refuse_size(name, bytes.len() as u64, self.limits) {
            self.out.problems.push(Problem::skipped(label, why));
            return;
        }
        match kind(name) {
            Kind::Page => self.out.items.push(Item {
                name: name.to_owned(),
                bytes: bytes.to_vec(),
                over: Override::default(),
            }),
            Kind::Lines => self.lines(name, label, bytes),
            Kind::Archive if in_archive => self.out.problems.push(Problem::skipped(
                label,
                "is an archive inside an archive, which is not opened; import it on its own.",
            )),
            Kind::Archive => self.archive(label, bytes),
            Kind::Manifest => {
                let (text, _) = crate::decode::decode(bytes);
                let (manifest, diagnostics) = manifest::parse(&text);
                for d in diagnostics {
                    self.out.problems.push(Problem::skipped(label, d.message));
                }
                let folder = match name.rfind(['/', '\\']) {
                    Some(i) => name[..=i].to_owned(),
                    None => String::new(),
                };
                self.manifests.push(FoundManifest { label: label.to_owned(), folder, manifest });
            }
            Kind::Other => {
                self.out.problems.push(Problem::skipped(label, format!("is not a {ACCEPTED} file; skipped.")))
            }
        }
    }

    /// A `.jsonl` file: one document per non-blank line.
    fn lines(&mut self, name: &str, label: &str, bytes: &[u8]) {
        let (text, diagnostics) = crate::decode::decode(bytes);
        for d in diagnostics {
            self.out.problems.push(Problem::note(label, d.message));
        }
        let stem = crate::ingest::id_from_name(basename(name));
        let folder = match name.rfind(['/', '\\']) {
            Some(i) => &name[..=i],
            None => "",
        };
        let mut unused: Vec<String> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let number = i + 1;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if line.len() as u64 > self.limits.document {
                self.out.problems.push(Problem::skipped(
                    label,
                    format!(
                        "line {number} is {}, more than the {} one document may be; skipped.",
                        megabytes(line.len() as u64),
                        megabytes(self.limits.document)
                    ),
                ));
                continue;
            }
            let value: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    self.out.problems.push(Problem::skipped(
                        label,
                        format!("line {number} is not valid JSON ({e}); skipped, the other lines were read."),
                    ));
                    continue;
                }
            };
            let Some(object) = value.as_object() else {
                self.out.problems.push(Problem::skipped(
                    label,
                    format!("line {number} is not a JSON object; skipped, the other lines were read."),
                ));
                continue;
            };
            let mut field = |key: &str| -> Option<String> {
                match object.get(key)? {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Null => None,
                    other => {
                        self.out.problems.push(Problem::note(
                            label,
                            format!("line {number}: “{key}” is {other}, not a string; it was not used."),
                        ));
                        None
                    }
                }
            };
            let html = field("html");
            let plain = field("text");
            let given_name = field("name");
            let over = Override {
                outlet: field("outlet"),
                published: field("published").or_else(|| field("date")),
                headline: field("headline"),
                url: field("url"),
                language: field("language"),
            };
            for key in object.keys() {
                if !LINE_FIELDS.contains(&key.as_str()) && !unused.contains(key) {
                    unused.push(key.clone());
                }
            }
            let (body, is_html) = match (html, plain) {
                (Some(h), _) => (h, true),
                (None, Some(t)) => (t, false),
                (None, None) => {
                    self.out.problems.push(Problem::skipped(
                        label,
                        format!("line {number} has neither “text” nor “html”; skipped."),
                    ));
                    continue;
                }
            };
            let mut item_name = match given_name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                Some(n) => format!("{folder}{}", basename(n)),
                None => format!("{folder}{stem}-{number}"),
            };
            let has_extension = kind(&item_name) == Kind::Page;
            if is_html && !matches!(extension(&item_name).as_str(), "html" | "htm" | "xhtml") {
                item_name.push_str(".html");
            } else if !has_extension {
                item_name.push_str(".txt");
            }
            self.out.items.push(Item { name: item_name, bytes: body.into_bytes(), over });
        }
        if !unused.is_empty() {
            self.out.problems.push(Problem::note(
                label,
                format!(
                    "the field{} {} {} not used (a line is read for {}).",
                    if unused.len() == 1 { "" } else { "s" },
                    unused.iter().map(|k| format!("“{k}”")).collect::<Vec<_>>().join(", "),
                    if unused.len() == 1 { "was" } else { "were" },
                    LINE_FIELDS.join(", ")
                ),
            ));
        }
    }

    /// A `.zip` archive: each entry read as a file of its own, within the limits.
    fn archive(&mut self, label: &str, bytes: &[u8]) {
        let mut zip = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
            Ok(z) => z,
            Err(e) => {
                self.out.problems.push(Problem::skipped(
                    label,
                    format!("is not a readable .zip archive ({e}); not imported."),
                ));
                return;
            }
        };
        if zip.len() > self.limits.entries {
            self.out.problems.push(Problem::skipped(
                label,
                format!("has {} entries; only the first {} were read.", zip.len(), self.limits.entries),
            ));
        }
        let mut total: u64 = 0;
        let mut system = 0;
        for index in 0..zip.len().min(self.limits.entries) {
            let mut entry = match zip.by_index(index) {
                Ok(e) => e,
                Err(e) => {
                    self.out.problems.push(Problem::skipped(
                        label,
                        format!("entry {} cannot be read ({e}); skipped.", index + 1),
                    ));
                    continue;
                }
            };
            if entry.is_dir() {
                continue;
            }
            let path = match entry.name() {
                Ok(name) => name.trim_start_matches(['/', '\\']).replace('\\', "/"),
                Err(e) => {
                    self.out.problems.push(Problem::skipped(
                        label,
                        format!("entry {} has a name that cannot be read ({e}); skipped.", index + 1),
                    ));
                    continue;
                }
            };
            let entry_label = format!("{label}: {path}");
            if path.split('/').any(|part| part.starts_with('.') || part == "__MACOSX") {
                system += 1;
                continue;
            }
            let entry_kind = kind(&path);
            if entry_kind == Kind::Other || entry_kind == Kind::Archive {
                self.file(&path, &entry_label, &[], true);
                continue;
            }
            let limit = if entry_kind == Kind::Page {
                self.limits.document
            } else {
                self.limits.archive.saturating_sub(total)
            };
            let mut buf = Vec::new();
            if let Err(e) = (&mut entry).take(limit.saturating_add(1)).read_to_end(&mut buf) {
                self.out
                    .problems
                    .push(Problem::skipped(&entry_label, format!("cannot be read ({e}); skipped.")));
                continue;
            }
            let read = buf.len() as u64;
            total = total.saturating_add(read);
            if total > self.limits.archive {
                self.out.problems.push(Problem::skipped(
                    label,
                    format!(
                        "expands to more than {} (a zip bomb?); it was read no further than {path}, which was not imported.",
                        megabytes(self.limits.archive)
                    ),
                ));
                break;
            }
            if read > limit {
                self.out.problems.push(Problem::skipped(
                    &entry_label,
                    format!(
                        "expands to more than the {} one document may be; not imported.",
                        megabytes(self.limits.document)
                    ),
                ));
                continue;
            }
            self.file(&path, &entry_label, &buf, true);
        }
        if system > 0 {
            self.out.problems.push(Problem::note(
                label,
                format!(
                    "{system} hidden or system file{} (names starting with “.”, __MACOSX) left out.",
                    if system == 1 { "" } else { "s" }
                ),
            ));
        }
    }
}

/// The fields a `.jsonl` line is read for.
const LINE_FIELDS: [&str; 9] =
    ["text", "html", "name", "outlet", "published", "date", "headline", "url", "language"];

fn extension(name: &str) -> String {
    basename(name).rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Sets the metadata a manifest gives on the items it names (relative to its folder, or by file name
/// when only one item has it); a name that matches nothing is reported.
fn apply_manifest(found: &FoundManifest, out: &mut Expanded) {
    if !found.manifest.events.is_empty() {
        out.problems.push(Problem::note(
            &found.label,
            "its [[events]] are not used by an import (they are read by `parallax build`).",
        ));
    }
    for (file, over) in &found.manifest.files {
        let full = format!("{}{file}", found.folder);
        let index = out.items.iter().position(|item| item.name == full).or_else(|| {
            let mut named = out.items.iter().enumerate().filter(|(_, item)| basename(&item.name) == file);
            match (named.next(), named.next()) {
                (Some((i, _)), None) => Some(i),
                _ => None,
            }
        });
        match index {
            Some(i) => merge(&mut out.items[i].over, over),
            None => out.problems.push(Problem::note(
                &found.label,
                format!("names “{file}”, which is not among the files; that entry was not used."),
            )),
        }
    }
}

/// Fields `over` sets replace those of `into`.
fn merge(into: &mut Override, over: &Override) {
    let pick = |a: &mut Option<String>, b: &Option<String>| {
        if b.is_some() {
            a.clone_from(b);
        }
    };
    pick(&mut into.outlet, &over.outlet);
    pick(&mut into.published, &over.published);
    pick(&mut into.headline, &over.headline);
    pick(&mut into.url, &over.url);
    pick(&mut into.language, &over.language);
}

/// Processes an item into a document with its metadata applied. A file that is empty or binary is not a
/// document: it gives a problem instead.
pub fn process(item: &Item) -> Result<Document, Problem> {
    let mut doc = crate::process(&item.name, &item.bytes);
    if doc.diagnostics.iter().any(|d| d.code == "input.empty") {
        return Err(Problem::skipped(
            &item.name,
            "is empty (no text once markup is left out); not imported.",
        ));
    }
    if doc.diagnostics.iter().any(|d| d.code == "input.binary") {
        return Err(Problem::skipped(
            &item.name,
            "looks like binary data, not text (one character in ten or more is a control character); not imported.",
        ));
    }
    if !item.over.is_empty() {
        manifest::apply(&mut doc, &item.over);
    }
    Ok(doc)
}

/// The manifest [`archive`] writes: the items' metadata by name.
#[derive(Serialize)]
struct ManifestOut<'a> {
    files: BTreeMap<&'a str, &'a Override>,
}

/// Items as a `.zip` archive: each item's bytes under its name, and a `manifest.toml` with the metadata of
/// those that have some. [`expand`] reads it back to the same items.
pub fn archive(items: &[Item]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut written = Vec::with_capacity(items.len());
    for item in items {
        // Writing into memory fails only on a duplicate name, which the caller's names rule out; a
        // duplicate is left out of the archive rather than failing it.
        if zip.start_file(item.name.as_str(), options).is_ok() && zip.write_all(&item.bytes).is_ok() {
            written.push(item);
        }
    }
    let files: BTreeMap<&str, &Override> =
        written.iter().filter(|i| !i.over.is_empty()).map(|i| (i.name.as_str(), &i.over)).collect();
    if !files.is_empty() {
        let text = toml::to_string(&ManifestOut { files }).unwrap_or_default();
        if zip.start_file("manifest.toml", options).is_ok() {
            let _ = zip.write_all(text.as_bytes());
        }
    }
    zip.finish().map(std::io::Cursor::into_inner).unwrap_or_default()
}

fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 10.0 { format!("{mb:.0} MB") } else { format!("{mb:.1} MB") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, bytes: &[u8]) -> Source {
        Source { name: name.to_owned(), bytes: bytes.to_vec() }
    }

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).expect("in memory");
            zip.write_all(bytes).expect("in memory");
        }
        zip.finish().expect("in memory").into_inner()
    }

    const PAGE: &[u8] = b"Storm hits coast\n\nA storm hit the coast on May 2, 2020, Mayor Ana Ortiz said.\n";

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind("a/b/Story.HTML"), Kind::Page);
        assert_eq!(kind("notes.md"), Kind::Page);
        assert_eq!(kind("lines.ndjson"), Kind::Lines);
        assert_eq!(kind("x.zip"), Kind::Archive);
        assert_eq!(kind("folder/manifest.toml"), Kind::Manifest);
        assert_eq!(kind("photo.jpg"), Kind::Other);
        assert_eq!(kind("README"), Kind::Other);
    }

    #[test]
    fn jsonl_lines_become_documents_and_a_broken_line_is_named() {
        let lines = concat!(
            r#"{"text": "Storm hits coast\n\nA storm hit the coast.", "outlet": "Coast Times", "date": "2020-05-02", "author": "A. Writer"}"#,
            "\n\n",
            r#"{"html": "<h1>Flood</h1><p>Water rose.</p>", "name": "flood", "headline": "Flood"}"#,
            "\n",
            r#"{"text": "cut off"#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"outlet": "Nothing Else"}"#,
            "\n",
        );
        let out = expand(&[source("feed.jsonl", lines.as_bytes())]);
        let names: Vec<&str> = out.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["feed-1.txt", "flood.html"]);
        assert_eq!(out.items[0].over.outlet.as_deref(), Some("Coast Times"));
        assert_eq!(out.items[0].over.published.as_deref(), Some("2020-05-02"));
        assert_eq!(out.items[1].bytes, b"<h1>Flood</h1><p>Water rose.</p>");
        let messages: Vec<String> =
            out.problems.iter().map(|p| format!("{}: {}", p.file, p.message)).collect();
        assert!(
            messages.iter().any(|m| m.starts_with("feed.jsonl: line 4 is not valid JSON")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.starts_with("feed.jsonl: line 5 is not a JSON object")));
        assert!(messages.iter().any(|m| m.contains("line 6 has neither “text” nor “html”")));
        assert!(messages.iter().any(|m| m.contains("“author” was not used")));
    }

    #[test]
    fn archives_are_read_entry_by_entry_with_their_manifest() {
        let inner = zip_of(&[("x.txt", PAGE)]);
        let manifest = b"[files.\"coast.txt\"]\noutlet = \"Harbour Herald\"\npublished = \"2020-05-03\"\n";
        let archive = zip_of(&[
            ("set/coast.txt", PAGE),
            ("set/manifest.toml", manifest),
            ("set/photo.png", b"\x89PNG"),
            ("set/inner.zip", &inner),
            ("__MACOSX/set/._coast.txt", b"junk"),
            ("set/feed.jsonl", br#"{"text": "Second story\n\nIt rained."}"#),
        ]);
        let out = expand(&[source("batch.zip", &archive)]);
        let names: Vec<&str> = out.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["set/coast.txt", "set/feed-1.txt"]);
        assert_eq!(out.items[0].over.outlet.as_deref(), Some("Harbour Herald"));
        let files: Vec<&str> = out.problems.iter().map(|p| p.file.as_str()).collect();
        assert!(files.contains(&"batch.zip: set/photo.png"), "{:?}", out.problems);
        assert!(files.contains(&"batch.zip: set/inner.zip"));
        assert!(out.problems.iter().any(|p| p.message.contains("1 hidden or system file")));
    }

    #[test]
    fn a_zip_bomb_is_cut_off_and_named() {
        let zeros = vec![b' '; 300_000];
        let limits = Limits { document: 100_000, file: 10_000_000, archive: 500_000, entries: 100 };
        // One entry larger than a document may be.
        let out =
            expand_with(&[source("one.zip", &zip_of(&[("big.txt", &zeros), ("ok.txt", PAGE)]))], &limits);
        assert_eq!(out.items.len(), 1);
        assert!(
            out.problems
                .iter()
                .any(|p| p.file == "one.zip: big.txt" && p.message.contains("expands to more than"))
        );
        // Lines files that together expand past the archive's limit: reading stops there.
        let many: Vec<(String, Vec<u8>)> =
            (0..4).map(|i| (format!("part{i}.jsonl"), zeros.clone())).collect();
        let entries: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        let out = expand_with(&[source("bomb.zip", &zip_of(&entries))], &limits);
        assert!(
            out.problems.iter().any(|p| p.file == "bomb.zip" && p.message.contains("zip bomb")),
            "{:?}",
            out.problems
        );
        // A real archive with a lying header or a broken body is reported, not trusted.
        let mut broken = zip_of(&[("a.txt", PAGE)]);
        let half = broken.len() / 2;
        broken.truncate(half);
        let out = expand(&[source("broken.zip", &broken)]);
        assert!(out.items.is_empty());
        assert!(out.problems[0].message.starts_with("is not a readable .zip archive"));
    }

    #[test]
    fn too_large_unknown_empty_and_binary_files_are_refused_by_name() {
        let limits = Limits { document: 1_000, ..Limits::DEFAULT };
        let out = expand_with(
            &[source("huge.txt", &vec![b'a'; 2_000]), source("data.csv", b"a,b"), source("fine.txt", PAGE)],
            &limits,
        );
        assert_eq!(out.items.len(), 1);
        assert!(
            out.problems[0].message.contains("more than the 0.0 MB one document may be"),
            "{:?}",
            out.problems
        );
        assert_eq!(out.problems[1].file, "data.csv");
        let empty = Item { name: "empty.txt".into(), bytes: Vec::new(), over: Override::default() };
        assert!(process(&empty).expect_err("refused").message.starts_with("is empty"));
        let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        let item = Item { name: "photo.txt".into(), bytes: binary, over: Override::default() };
        assert!(process(&item).expect_err("refused").message.contains("binary"));
        let latin1 = Item {
            name: "caf\u{e9}.txt".into(),
            bytes: b"Caf\xe9 owners protest\n\nThe caf\xe9 owners said prices rose.".to_vec(),
            over: Override::default(),
        };
        let doc = process(&latin1).expect("imported");
        assert!(doc.text.contains("Café"));
        assert!(doc.diagnostics.iter().any(|d| d.code == "encoding.fallback"));
    }

    #[test]
    fn markdown_is_read_as_the_page_it_stands_for() {
        let page = b"# Coastal towns brace for a storm\n\n*Harbour Gazette* - 2 February 2025\n\nEmergency services in **Galway** prepared on Sunday, the [weather service](https://example.org) said.\n";
        let item = Item { name: "notes.md".into(), bytes: page.to_vec(), over: Override::default() };
        let doc = process(&item).expect("imported");
        assert_eq!(doc.meta.headline.map(|f| f.value).as_deref(), Some("Coastal towns brace for a storm"));
        assert!(
            doc.text.contains("Emergency services in Galway prepared on Sunday, the weather service said.")
        );
        assert!(!doc.text.contains('#') && !doc.text.contains("**") && !doc.text.contains("]("));
        assert!(doc.diagnostics.iter().any(|d| d.code == "input.markdown"));
    }

    #[test]
    fn hostile_html_is_read_not_run() {
        let page = br#"<html><body><h1 onclick="steal()">Council votes</h1><script>alert(1)</script><p>The council voted on Monday. <a href="javascript:alert(2)">More</a></p></body></html>"#;
        let item = Item { name: "hostile.html".into(), bytes: page.to_vec(), over: Override::default() };
        let doc = process(&item).expect("imported");
        assert!(doc.text.contains("The council voted on Monday."));
        assert!(!doc.text.contains("alert"));
        assert!(!doc.text.contains("steal"));
    }

    #[test]
    fn an_archive_of_items_reads_back_to_the_same_items() {
        let items = vec![
            Item {
                name: "set/coast.txt".into(),
                bytes: PAGE.to_vec(),
                over: Override { outlet: Some("Harbour \"Herald\"".into()), ..Override::default() },
            },
            Item { name: "flood.html".into(), bytes: b"<h1>Flood</h1>".to_vec(), over: Override::default() },
        ];
        let out = expand(&[source("export.zip", &archive(&items))]);
        assert_eq!(out.items, items);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        // Metadata set on an item is what its document shows.
        let doc = process(&out.items[0]).expect("imported");
        assert_eq!(doc.meta.outlet.map(|f| f.value), Some("Harbour \"Herald\"".to_owned()));
    }
}
