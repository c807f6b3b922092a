//! Embeds the built-in corpus (`corpus/` at the workspace root) so that `parallax export` with no path
//! exports it from anywhere. Any change under `corpus/` re-runs it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", corpus.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut code = String::from(
        "/// The built-in corpus: file names and contents.\npub const FILES: &[(&str, &[u8])] = &[\n",
    );
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let full = path.canonicalize().unwrap_or_else(|e| panic!("cannot resolve {}: {e}", path.display()));
        let _ = writeln!(code, "    ({name:?}, include_bytes!({:?})),", full.display().to_string());
    }
    code.push_str("];\n");
    let manifest = corpus.join("manifest.toml");
    match manifest.canonicalize() {
        Ok(full) => {
            let _ = writeln!(
                code,
                "/// The corpus manifest.\npub const MANIFEST: Option<&str> = Some(include_str!({:?}));",
                full.display().to_string()
            );
        }
        Err(_) => code.push_str("/// The corpus manifest.\npub const MANIFEST: Option<&str> = None;\n"),
    }
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir).join("builtin.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
