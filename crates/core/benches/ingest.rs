//! Ingest throughput, natively, on the built-in corpus scaled up to more than 10 MB.
//!
//! Two shapes: many ordinary pages (the corpus's five pages, each ingested as its own document, repeated
//! until the batch passes 10 MB) and one huge page (the same text concatenated into a single document,
//! the worst case for anything that is not linear in the page's length). `make bench` runs it; the
//! figures go in docs/perf.md.

// Criterion does not build for wasm32; there the benchmark is an empty program (clippy checks all targets).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::path::Path;

    use criterion::{Criterion, Throughput, criterion_group};
    use parallax_core::ingest::ingest;

    const TARGET_BYTES: usize = 10 * 1024 * 1024;

    fn corpus() -> Vec<(String, Vec<u8>)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("the corpus folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                (
                    p.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                    std::fs::read(&p).expect("read"),
                )
            })
            .collect()
    }

    fn bench(c: &mut Criterion) {
        let pages = corpus();
        let mut batch = Vec::new();
        let mut total = 0;
        while total < TARGET_BYTES {
            for (name, bytes) in &pages {
                total += bytes.len();
                batch.push((name.clone(), bytes.clone()));
            }
        }
        let mut group = c.benchmark_group("ingest");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(format!("{} pages, {} bytes", batch.len(), total), |b| {
            b.iter(|| {
                for (name, bytes) in &batch {
                    black_box(ingest(name, bytes));
                }
            });
        });

        let huge: Vec<u8> = batch.iter().flat_map(|(_, b)| b.iter().copied().chain(*b"\n")).collect();
        group.throughput(Throughput::Bytes(huge.len() as u64));
        group.bench_function(format!("one page of {} bytes", huge.len()), |b| {
            b.iter(|| black_box(ingest("huge.txt", &huge)));
        });
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default().configure_from_args().final_summary();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
