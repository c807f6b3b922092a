//! The `parallax` command: file IO and flags around the engine in `parallax-core`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use parallax_core::bundle::{self, Bundle};
use parallax_core::events::EventSpec;
use parallax_core::export::{self, CSV_COLUMNS};
use parallax_core::process;
use parallax_core::{Document, manifest};
use serde::Serialize;

mod build;

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// The file types the engine reads, by extension.
const DOCUMENT_EXTENSIONS: [&str; 5] = ["txt", "html", "htm", "md", "text"];

#[derive(Debug, Parser)]
#[command(name = "parallax", version, about = "Explore how news outlets framed the same events.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Ingest files and print each document (metadata, sections, diagnostics) as JSON, one per line.
    Ingest {
        /// Files to read (.txt or any text).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export documents in the `parallax/1` schema (docs/export-schema.md). With no path, the built-in corpus.
    Export {
        /// Files or folders (a folder's .txt, .html, .htm and .md files, in name order, with its
        /// manifest.toml applied if it has one).
        paths: Vec<PathBuf>,
        /// json: one object with all documents; jsonl: one document per line; csv: one row per document.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Ingest every file of a folder and write a corpus bundle (the app's binary format).
    Bundle {
        /// The folder of documents; `.txt` files are read, in name order.
        dir: PathBuf,
        /// Where to write the bundle.
        #[arg(long)]
        out: PathBuf,
    },
    /// Build a static site from a folder of documents (.txt, .html, .htm, .md, .jsonl, .zip, and a
    /// manifest.toml), with the corpus in chunks the app fetches on demand: see docs/site.md.
    Build {
        /// The folder of documents (read with its subfolders; hidden files are left out).
        dir: PathBuf,
        /// The folder to write the site to (created if missing; an earlier build's data is replaced).
        #[arg(long)]
        out: PathBuf,
        /// The built app to put the data beside (`make dist` writes it to dist/).
        #[arg(long, default_value = "dist")]
        app: PathBuf,
    },
    /// Write synthetic news pages, for scale tests and benchmarks: each page as a file, and truth.jsonl
    /// with what is true of each (outlet, date, event).
    Synth {
        /// How many pages.
        #[arg(long)]
        docs: usize,
        /// The seed of the synthetic world: the same docs and seed give the same pages.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write the pages and truth.jsonl to (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Ingest { files } => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for file in files {
                let bytes = read(&file)?;
                let doc = process(&file.to_string_lossy(), &bytes);
                let json = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Command::Export { paths, format, out } => {
            let (documents, events) = if paths.is_empty() { builtin_corpus() } else { load(&paths)? };
            let bytes = render(&Bundle::with_events(documents, &events), format)?;
            match out {
                Some(path) => std::fs::write(&path, &bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?,
                None => std::io::stdout().lock().write_all(&bytes).map_err(|e| e.to_string())?,
            }
            Ok(())
        }
        Command::Bundle { dir, out } => {
            let files = corpus_files(&dir)?;
            let mut documents = Vec::with_capacity(files.len());
            for file in &files {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let doc = process(&name, &read(file)?);
                for d in &doc.diagnostics {
                    eprintln!("{name}: {:?}: {}", d.severity, d.message);
                }
                documents.push(doc);
            }
            let bytes = bundle::encode(&Bundle::new(documents));
            std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            eprintln!("wrote {} documents, {} bytes, to {}", files.len(), bytes.len(), out.display());
            Ok(())
        }
        Command::Synth { docs, seed, out } => synth(docs, seed, &out),
        Command::Build { dir, out, app } => build::build(&dir, &out, &app),
    }
}

/// One line of truth.jsonl: a page's file name and its truth.
#[derive(Serialize)]
struct TruthLine<'a> {
    name: &'a str,
    truth: &'a parallax_synth::Truth,
}

/// Writes `docs` synthetic pages to `out`, one at a time (a large run never holds them all), and their
/// truth to `out/truth.jsonl`.
fn synth(docs: usize, seed: u64, out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create folder {}: {e}", out.display()))?;
    let truth_path = out.join("truth.jsonl");
    let file = std::fs::File::create(&truth_path)
        .map_err(|e| format!("cannot write {}: {e}", truth_path.display()))?;
    let mut truth = std::io::BufWriter::new(file);
    let mut bytes = 0usize;
    for i in 0..docs {
        let page = parallax_synth::page(i, docs, seed);
        let path = out.join(&page.name);
        std::fs::write(&path, &page.text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += page.text.len();
        serde_json::to_writer(&mut truth, &TruthLine { name: &page.name, truth: &page.truth })
            .map_err(|e| e.to_string())?;
        truth.write_all(b"\n").map_err(|e| format!("cannot write {}: {e}", truth_path.display()))?;
    }
    truth.flush().map_err(|e| format!("cannot write {}: {e}", truth_path.display()))?;
    eprintln!("wrote {docs} pages, {bytes} bytes, and truth.jsonl to {}", out.display());
    Ok(())
}

/// The built-in corpus, ingested now by this version of the engine, with its manifest applied, and the
/// events its manifest names.
fn builtin_corpus() -> (Vec<Document>, Vec<EventSpec>) {
    let mut documents: Vec<Document> =
        builtin::FILES.iter().map(|(name, bytes)| process(name, bytes)).collect();
    let mut events = Vec::new();
    if let Some(text) = builtin::MANIFEST {
        let (manifest, _) = manifest::parse(text);
        manifest::apply_all(&manifest, &mut documents);
        events = manifest.events;
    }
    (documents, events)
}

/// Ingests files and folders; a folder's manifest applies to the documents from it. Problems with the
/// manifest are reported on standard error and do not stop the export. Returns the documents and the
/// events the manifests name.
fn load(paths: &[PathBuf]) -> Result<(Vec<Document>, Vec<EventSpec>), String> {
    let mut documents = Vec::new();
    let mut events = Vec::new();
    for path in paths {
        if path.is_dir() {
            let files = document_files(path)?;
            let mut docs = Vec::with_capacity(files.len());
            for file in &files {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                docs.push(process(&name, &read(file)?));
            }
            let manifest_path = path.join("manifest.toml");
            if manifest_path.is_file() {
                let text = std::fs::read_to_string(&manifest_path)
                    .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
                let (manifest, mut problems) = manifest::parse(&text);
                problems.extend(manifest::apply_all(&manifest, &mut docs));
                for p in problems {
                    eprintln!("{}: {}", manifest_path.display(), p.message);
                }
                events.extend(manifest.events);
            }
            documents.extend(docs);
        } else {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            documents.push(process(&name, &read(path)?));
        }
    }
    Ok((documents, events))
}

fn render(bundle: &Bundle, format: Format) -> Result<Vec<u8>, String> {
    let exported = export::export(bundle);
    let mut out = Vec::new();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &exported).map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        Format::Jsonl => {
            for doc in &exported.documents {
                serde_json::to_writer(&mut out, doc).map_err(|e| e.to_string())?;
                out.push(b'\n');
            }
        }
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record(CSV_COLUMNS).map_err(|e| e.to_string())?;
            for doc in &exported.documents {
                writer.write_record(doc.csv_row()).map_err(|e| e.to_string())?;
            }
            writer.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The document files of a folder, sorted by name so that exports are reproducible.
fn document_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|x| {
                    DOCUMENT_EXTENSIONS.iter().any(|d| x.to_string_lossy().eq_ignore_ascii_case(d))
                })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The `.txt` files of a folder, sorted by name so that bundles are reproducible.
fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}
