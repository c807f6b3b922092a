//! The `parallax` command: file IO and flags around the engine in `parallax-core`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use parallax_core::bundle::{self, Bundle};
use parallax_core::ingest::ingest;

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
    /// Ingest every file of a folder and write a corpus bundle (the app's binary format).
    Bundle {
        /// The folder of documents; `.txt` files are read, in name order.
        dir: PathBuf,
        /// Where to write the bundle.
        #[arg(long)]
        out: PathBuf,
    },
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
                let doc = ingest(&file.to_string_lossy(), &bytes);
                let json = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
                writeln!(out, "{json}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Command::Bundle { dir, out } => {
            let files = corpus_files(&dir)?;
            let mut documents = Vec::with_capacity(files.len());
            for file in &files {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let doc = ingest(&name, &read(file)?);
                for d in &doc.diagnostics {
                    eprintln!("{name}: {:?}: {}", d.severity, d.message);
                }
                documents.push(doc);
            }
            let bytes = bundle::encode(&Bundle { documents });
            std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            eprintln!("wrote {} documents, {} bytes, to {}", files.len(), bytes.len(), out.display());
            Ok(())
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
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
