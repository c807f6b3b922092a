//! `parallax build`: a static site from a folder of documents: the app, and the corpus in chunks.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use parallax_core::bundle::Bundle;
use parallax_core::import::{self, Source};
use parallax_core::site;

/// The most problems printed one by one; the rest are counted.
const PRINTED_PROBLEMS: usize = 40;

/// The meta element that tells the app where the site's data is.
const DATA_META: &str = "parallax-data";

pub fn build(dir: &Path, out: &Path, app: &Path) -> Result<(), String> {
    let started = Instant::now();
    let index_html = std::fs::read_to_string(app.join("index.html")).map_err(|e| {
        format!(
            "cannot read the app's index.html in {}: {e}. Build the app first (`make dist`), or name its folder with --app",
            app.display()
        )
    })?;
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    let mut sources = Vec::with_capacity(files.len());
    for (name, path) in files {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        sources.push(Source { name, bytes });
    }
    let read = sources.len();
    let expanded = import::expand(&sources);
    drop(sources);
    let mut problems = expanded.problems;
    let mut documents = Vec::with_capacity(expanded.items.len());
    for item in expanded.items {
        match import::process(&item) {
            Ok(doc) => documents.push(doc),
            Err(problem) => problems.push(problem),
        }
    }
    for p in problems.iter().take(PRINTED_PROBLEMS) {
        eprintln!("{}: {}", p.file, p.message);
    }
    if problems.len() > PRINTED_PROBLEMS {
        eprintln!("… and {} more problems", problems.len() - PRINTED_PROBLEMS);
    }
    if documents.is_empty() {
        return Err(format!(
            "no document in {} ({read} files read): nothing to build. Parallax reads .txt, .html, .htm, .md, .jsonl and .zip",
            dir.display()
        ));
    }
    let processed = started.elapsed();
    let count = documents.len();
    let site = site::split(Bundle::new(documents));
    let analysed = started.elapsed();

    // Data files, under a folder named by their content, so a rebuilt site is never read from a stale cache.
    let data: Vec<(String, Vec<u8>)> = site.files().collect();
    drop(site);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (path, bytes) in &data {
        path.hash(&mut hasher);
        bytes.hash(&mut hasher);
    }
    let folder = format!("data-{:016x}", hasher.finish());
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    remove_old_data(out)?;
    let mut data_bytes = 0u64;
    for (path, bytes) in &data {
        let target = out.join(&folder).join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&target, bytes).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        data_bytes += bytes.len() as u64;
    }
    let app_bytes = copy_app(app, out)?;
    let html = with_data_meta(&index_html, &format!("{folder}/"));
    std::fs::write(out.join("index.html"), html).map_err(|e| format!("cannot write index.html: {e}"))?;

    let catalog = data.iter().find(|(p, _)| p == site::CATALOG).map_or(0, |(_, b)| b.len());
    let index_chunks = data.iter().filter(|(p, _)| p.starts_with("index/")).count();
    eprintln!(
        "built {} from {count} documents ({} problems) in {:.1} s (reading and processing {:.1} s, linking and indexing {:.1} s)",
        out.display(),
        problems.len(),
        started.elapsed().as_secs_f64(),
        processed.as_secs_f64(),
        (analysed - processed).as_secs_f64(),
    );
    eprintln!(
        "data: {} files, {data_bytes} bytes ({} per document); catalog {catalog} bytes; {index_chunks} index chunks; app {app_bytes} bytes",
        data.len(),
        data_bytes / count as u64,
    );
    if let Some(peak) = peak_memory() {
        eprintln!("peak memory: {peak} kB");
    }
    Ok(())
}

/// The document files under `dir`, as (path relative to `root` with `/`, full path); hidden files and
/// folders are left out.
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.is_file() {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let name =
                relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push((name, path));
        }
    }
    Ok(())
}

/// Removes the data folders of an earlier build of this site.
fn remove_old_data(out: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(out).map_err(|e| format!("cannot read folder {}: {e}", out.display()))?;
    for entry in entries.filter_map(Result::ok) {
        if entry.file_name().to_string_lossy().starts_with("data-") && entry.path().is_dir() {
            std::fs::remove_dir_all(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Copies the built app (every file but index.html, written afterwards, and data folders); returns the
/// bytes copied.
fn copy_app(app: &Path, out: &Path) -> Result<u64, String> {
    let mut bytes = 0;
    let entries = std::fs::read_dir(app).map_err(|e| format!("cannot read folder {}: {e}", app.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name == "index.html" || name.starts_with("data-") {
            continue;
        }
        if path.is_dir() {
            std::fs::create_dir_all(out.join(&name)).map_err(|e| format!("cannot create {name}: {e}"))?;
            bytes += copy_app(&path, &out.join(&name))?;
        } else {
            bytes += std::fs::copy(&path, out.join(&name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(bytes)
}

/// The app's page with the meta element naming the data folder (replacing one already there).
pub fn with_data_meta(html: &str, folder: &str) -> String {
    let meta = format!(r#"<meta name="{DATA_META}" content="{folder}">"#);
    let marker = format!(r#"<meta name="{DATA_META}""#);
    if let Some(at) = html.find(&marker) {
        let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
        return format!("{}{meta}{}", &html[..at], &html[end..]);
    }
    match html.find("</head>") {
        Some(at) => format!("{}{meta}\n{}", &html[..at], &html[at..]),
        None => format!("{meta}\n{html}"),
    }
}

/// The process's peak resident memory in kB, where the system says (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_meta_goes_in_the_head_once() {
        let html = "<html><head><title>P</title></head><body></body></html>";
        let once = with_data_meta(html, "data-1/");
        assert_eq!(once.matches("parallax-data").count(), 1);
        assert!(once.find("parallax-data").expect("meta") < once.find("</head>").expect("head"));
        let twice = with_data_meta(&once, "data-2/");
        assert_eq!(twice.matches("parallax-data").count(), 1);
        assert!(twice.contains(r#"content="data-2/""#) && !twice.contains("data-1/"));
    }
}
