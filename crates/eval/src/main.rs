//! The `parallax-eval` command: scores Parallax and peers on the evaluation set, hands out its plain
//! texts, and times Parallax's throughput.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use parallax_core::language::analyse_text;
use parallax_eval::annotated::{self, AnnotatedText};
use parallax_eval::prediction;
use parallax_eval::report::{self, FileSummary};
use parallax_eval::score::Score;
use parallax_eval::speed::{self, SpeedResult, SpeedText};

#[derive(Debug, Parser)]
#[command(
    name = "parallax-eval",
    version,
    about = "Score Parallax's language layer against the evaluation set."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run Parallax on every annotated `.txt` file, score it and each peer, print a Markdown report.
    Score {
        /// A peer's predictions: NAME=FILE, FILE being JSON lines
        /// `{"file": "corpus/000.txt", "mentions": [{"start": 0, "end": 5, "label": "PERSON"}]}`.
        #[arg(long = "peer", value_name = "NAME=FILE")]
        peers: Vec<String>,
        /// A paragraph to print under the report's introduction (versions of the peers, for example).
        #[arg(long = "note")]
        notes: Vec<String>,
        /// Write the report here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The evaluation folder.
        #[arg(default_value = "eval")]
        dir: PathBuf,
    },
    /// Write the plain text of every annotated file (marks removed) under OUT, at the same relative path.
    Plain {
        #[arg(long)]
        out: PathBuf,
        /// The evaluation folder.
        #[arg(default_value = "eval")]
        dir: PathBuf,
    },
    /// Time ingest plus language over the built-in corpus pages repeated to at least N words.
    Speed {
        /// The least number of words to time.
        #[arg(long, default_value_t = 1_000_000)]
        words: usize,
        /// The folder of pages to repeat.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        /// Also write the timed text here, for a peer to time the very same text.
        #[arg(long)]
        text_out: Option<PathBuf>,
        /// Also write the measurement here as JSON.
        #[arg(long)]
        json_out: Option<PathBuf>,
        /// How many runs; the best is kept.
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Print a Markdown table of throughput measurements (JSON files), each with its ratio to the first.
    SpeedTable {
        #[arg(required = true)]
        results: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("parallax-eval: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Score { peers, notes, out, dir } => {
            let files = load(&dir)?;
            let mut systems = vec![("Parallax".to_owned(), Score::default())];
            for (_, gold) in &files {
                let analysis = analyse_text(&gold.text);
                systems[0].1.add(gold, &prediction::from_analysis(&analysis));
            }
            for peer in &peers {
                let (name, path) =
                    peer.split_once('=').ok_or_else(|| format!("--peer {peer}: expected NAME=FILE"))?;
                let predictions = prediction::read_peer(path, &read(Path::new(path))?)?;
                if let Some(extra) = predictions.keys().find(|k| !files.iter().any(|(f, _)| f == *k)) {
                    return Err(format!("{path}: `{extra}` is not a file of the evaluation set"));
                }
                let mut score = Score::default();
                for (file, gold) in &files {
                    let p = predictions.get(file).ok_or_else(|| format!("{path}: no line for `{file}`"))?;
                    score.add(gold, p);
                }
                systems.push((name.to_owned(), score));
            }
            for (name, score) in &systems {
                eprintln!("{name}: mentions {}", report::counts_line(score.micro()));
            }
            let summaries: Vec<FileSummary> = files
                .iter()
                .map(|(path, g)| FileSummary {
                    path: path.clone(),
                    words: g.text.split_whitespace().count(),
                    mentions: g.mentions.len(),
                    quotes: g.quotes.len(),
                    hedges: g.hedges.len(),
                })
                .collect();
            let text = report::markdown(&systems, &summaries, &notes);
            write_or_print(out.as_deref(), text.as_bytes())
        }
        Command::Plain { out, dir } => {
            let files = load(&dir)?;
            for (path, gold) in &files {
                let target = out.join(path);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                }
                std::fs::write(&target, &gold.text)
                    .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            }
            eprintln!("wrote {} plain texts under {}", files.len(), out.display());
            Ok(())
        }
        Command::Speed { words, corpus, text_out, json_out, runs } => {
            let mut pages = Vec::new();
            for file in files_with_extension(&corpus, "txt")? {
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                pages.push((name, read(&file)?));
            }
            let text = SpeedText::build(&pages, words);
            if text.words == 0 {
                return Err(format!("no words in the .txt files of {}", corpus.display()));
            }
            if let Some(path) = &text_out {
                std::fs::write(path, text.joined())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            let result = speed::measure(&text, runs);
            let json = serde_json::to_string(&result).map_err(|e| e.to_string())?;
            if let Some(path) = &json_out {
                std::fs::write(path, format!("{json}\n"))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            eprintln!(
                "{}: {} words, best of {} in {:.3} s: {:.0} words/s",
                result.system, result.words, result.runs, result.seconds, result.words_per_second
            );
            write_or_print(None, format!("{json}\n").as_bytes())
        }
        Command::SpeedTable { results } => {
            let mut parsed = Vec::with_capacity(results.len());
            for path in &results {
                let r: SpeedResult = serde_json::from_str(&read(path)?)
                    .map_err(|e| format!("{}: not a speed result: {e}", path.display()))?;
                parsed.push(r);
            }
            write_or_print(None, speed::table(&parsed).as_bytes())
        }
    }
}

/// Every annotated `.txt` file under `dir`, recursively, sorted by relative path, read and parsed.
fn load(dir: &Path) -> Result<Vec<(String, AnnotatedText)>, String> {
    let mut paths = Vec::new();
    collect_txt(dir, dir, &mut paths)?;
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no .txt files under {}", dir.display()));
    }
    let mut files = Vec::with_capacity(paths.len());
    for relative in paths {
        let full = dir.join(&relative);
        let source = read(&full)?;
        let gold = annotated::parse(&full.to_string_lossy(), &source).map_err(|e| e.to_string())?;
        for problem in annotated::lint(&gold) {
            eprintln!("{}: warning: {problem}", full.display());
        }
        files.push((relative, gold));
    }
    Ok(files)
}

fn collect_txt(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_txt(root, &path, out)?;
        } else if path.extension().is_some_and(|x| x == "txt") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> =
                relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// The files of a folder with an extension, sorted by name.
fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == extension))
        .collect();
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write_or_print(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match path {
        Some(path) => {
            std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        None => std::io::stdout().lock().write_all(bytes).map_err(|e| e.to_string()),
    }
}
