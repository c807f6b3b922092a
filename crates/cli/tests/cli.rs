//! The `parallax` command, run as a user runs it.

use std::path::PathBuf;
use std::process::Command;

fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

const PAGE: &str = "Ports reopen after strike\n\nROTTERDAM (Reuters) - Dock workers returned to work on Friday after a three-day strike, the union said.\n\nEditing by Ann Lee\n";

#[test]
fn ingest_prints_one_json_document_per_file() {
    let dir = scratch("ingest");
    std::fs::write(dir.join("ports.txt"), PAGE).expect("write");
    std::fs::write(dir.join("empty.txt"), "").expect("write");
    let out =
        parallax().arg("ingest").arg(dir.join("ports.txt")).arg(dir.join("empty.txt")).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let docs: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON document per line")).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "ports");
    assert_eq!(docs[0]["meta"]["outlet"]["value"], "Reuters");
    assert_eq!(docs[0]["meta"]["headline"]["value"], "Ports reopen after strike");
    assert_eq!(docs[1]["diagnostics"][0]["code"], "input.empty");
}

#[test]
fn bundle_writes_what_the_app_reads() {
    let dir = scratch("bundle");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    std::fs::write(corpus.join("b.txt"), PAGE).expect("write");
    std::fs::write(corpus.join("a.txt"), "Short note\n\nNothing else here, said nobody at all today.\n")
        .expect("write");
    std::fs::write(corpus.join("ignored.bin"), [0u8, 1, 2]).expect("write");
    let out_file = dir.join("corpus.bundle");
    let out = parallax().arg("bundle").arg(&corpus).arg("--out").arg(&out_file).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bundle =
        parallax_core::bundle::decode(&std::fs::read(&out_file).expect("read")).expect("a valid bundle");
    let ids: Vec<&str> = bundle.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"], "documents in name order, only .txt files");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = parallax().args(["ingest", "/no/such/file.txt"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("parallax: cannot read /no/such/file.txt:"), "{stderr}");
}

#[test]
fn export_with_no_path_is_the_built_in_corpus_in_the_schema() {
    let out = parallax().arg("export").output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let export: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(export["schema"], "parallax/1");
    let docs = export["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 5);
    for doc in docs {
        assert_eq!(doc["schema"], "parallax/1");
        for key in [
            "id",
            "source",
            "outlet",
            "published",
            "headline",
            "byline",
            "body",
            "captions",
            "credits",
            "comments",
            "removed",
            "overrides",
            "diagnostics",
            "text",
        ] {
            assert!(doc.get(key).is_some(), "{key} missing from {}", doc["id"]);
        }
    }
    // The manifest's override is recorded.
    let overridden: Vec<&serde_json::Value> =
        docs.iter().filter(|d| d["overrides"] == serde_json::json!(["published"])).collect();
    assert_eq!(overridden.len(), 1);
    // Offsets index the text.
    let doc = &docs[1];
    let text = doc["text"].as_str().expect("text").as_bytes();
    for p in doc["body"].as_array().expect("body") {
        let (s, e) = (p["start"].as_u64().expect("start") as usize, p["end"].as_u64().expect("end") as usize);
        assert_eq!(std::str::from_utf8(&text[s..e]).expect("UTF-8"), p["text"]);
    }
}

#[test]
fn export_writes_json_lines_and_csv_for_files_and_folders() {
    let dir = scratch("export");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).expect("mkdir");
    std::fs::write(pages.join("ports.txt"), PAGE).expect("write");
    std::fs::write(
        pages.join("storm.html"),
        "<!doctype html><html><head><meta property=\"og:site_name\" content=\"Deutsche Welle\"></head><body><article><h1>Storm closes ports</h1><p>HAMBURG — A storm closed the port on Monday, officials said.</p><script>alert(1)</script></article></body></html>",
    )
    .expect("write");
    std::fs::write(pages.join("manifest.toml"), "[files.\"ports.txt\"]\npublished = \"2019-03-01\"\n")
        .expect("write");
    let out_file = dir.join("out.jsonl");
    let out = parallax()
        .arg("export")
        .arg(&pages)
        .args(["--format", "jsonl", "--out"])
        .arg(&out_file)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out_file)
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "ports");
    assert_eq!(lines[0]["published"], "2019-03-01", "the folder's manifest applies");
    assert_eq!(lines[1]["outlet"], "Deutsche Welle");
    assert_eq!(lines[1]["headline"], "Storm closes ports");
    assert!(!lines[1]["text"].as_str().expect("text").contains("alert"), "scripts are not text");

    let out = parallax()
        .arg("export")
        .arg(pages.join("ports.txt"))
        .args(["--format", "csv"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).expect("UTF-8");
    let mut rows = csv.lines();
    assert!(rows.next().expect("header").starts_with("id,source,outlet,published,headline"));
    assert!(rows.next().expect("a row").starts_with("ports,ports.txt,Reuters,"), "{csv}");
}

#[test]
fn synth_writes_pages_and_their_truth() {
    let dir = scratch("synth");
    let out_dir = dir.join("pages");
    let out = parallax()
        .args(["synth", "--docs", "30", "--seed", "4", "--out"])
        .arg(&out_dir)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let truth: Vec<serde_json::Value> = std::fs::read_to_string(out_dir.join("truth.jsonl"))
        .expect("truth.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(truth.len(), 30);
    for (i, line) in truth.iter().enumerate() {
        let page = parallax_synth::page(i, 30, 4);
        assert_eq!(line["name"], page.name.as_str());
        assert_eq!(line["truth"]["outlet"], page.truth.outlet.as_str());
        assert_eq!(line["truth"]["published"], page.truth.published.as_str());
        assert_eq!(std::fs::read_to_string(out_dir.join(&page.name)).expect("the page"), page.text);
    }
    // The engine reads the page's outlet back.
    let first = truth[0]["name"].as_str().expect("name");
    let out = parallax().arg("ingest").arg(out_dir.join(first)).output().expect("run");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["meta"]["outlet"]["value"], truth[0]["truth"]["outlet"]);
}

#[test]
fn synth_needs_a_writable_folder() {
    let dir = scratch("synth-blocked");
    let file = dir.join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    let out = parallax().args(["synth", "--docs", "3", "--out"]).arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("parallax: cannot create folder"), "{stderr}");
}
