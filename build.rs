//! Runs the engine over `corpus/` natively and writes the bundle the app embeds (`$OUT_DIR/corpus.bundle`).
//! Any change under `corpus/` re-runs it.
//!
//! `PARALLAX_BUNDLE=path` embeds a bundle written by `parallax bundle` instead (the browser benchmark's
//! generated 1,000-document corpus): build scripts are not optimised, so a large corpus is processed by
//! the release-built command, not here.

use std::path::Path;

use parallax_core::bundle::{self, Bundle};
use parallax_core::manifest;
use parallax_core::process;

fn main() {
    println!("cargo:rerun-if-changed=corpus");
    println!("cargo:rerun-if-env-changed=PARALLAX_BUNDLE");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let out = Path::new(&out_dir).join("corpus.bundle");
    if let Some(given) = std::env::var_os("PARALLAX_BUNDLE").filter(|p| !p.is_empty()) {
        let given = Path::new(&given);
        println!("cargo:rerun-if-changed={}", given.display());
        let bytes = std::fs::read(given).unwrap_or_else(|e| panic!("cannot read {}: {e}", given.display()));
        if let Err(e) = bundle::decode(&bytes) {
            panic!("{} is not a bundle this build can read: {e}", given.display());
        }
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        return;
    }
    let corpus = Path::new("corpus");
    let mut files: Vec<_> = std::fs::read_dir(corpus)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", corpus.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut documents: Vec<_> = files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            process(&name, &bytes)
        })
        .collect();
    // The manifest's own problems are warnings of the build: the corpus still builds without it.
    let mut events = Vec::new();
    if let Ok(text) = std::fs::read_to_string(corpus.join("manifest.toml")) {
        let (manifest, mut problems) = manifest::parse(&text);
        problems.extend(manifest::apply_all(&manifest, &mut documents));
        for p in problems {
            println!("cargo:warning=corpus/manifest.toml: {}", p.message);
        }
        events = manifest.events;
    }
    std::fs::write(&out, bundle::encode(&Bundle::with_events(documents, &events)))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
