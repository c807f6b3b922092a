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
