//! Event grouping and framing at scale: generated corpora of 1,000, 10,000 and 100,000 documents.
//!
//! `cargo bench -p parallax-core --bench events [-- SIZES...]` (`make bench` runs it). Each size is a
//! synthetic corpus from `parallax_synth` (seed 1), ingested and analysed first (not timed); then the
//! three corpus-wide stages are timed once each: canonical entity linking, event grouping and framing.
//! Peak memory is the process's peak resident set size while those stages run, above what it held
//! before (Linux: `/proc/self/clear_refs` resets the peak, `VmHWM` reads it). One run per size: at
//! 100,000 documents a stage takes seconds, far above timer noise, and the growth factor per tenfold is
//! what matters. With `EVENTS_MEMORY=1` set, each size also prints where the memory goes: resident sizes
//! after grouping and after framing, and how much framing returns.

#![allow(clippy::print_stdout)]

// The generator and /proc are native: on wasm32 (which clippy checks) the benchmark is an empty program.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::Instant;

    use parallax_core::events::group_passages;
    use parallax_core::framing::frame;
    use parallax_core::language::canonical;
    use parallax_core::{Document, process};

    /// A `/proc/self/status` field in kB.
    fn status_kb(field: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    fn reset_peak() {
        // "5" resets the peak resident set size (Linux 4.0 and later).
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }

    struct Row {
        docs: usize,
        passages: usize,
        events: usize,
        shared: usize,
        link: f64,
        group: f64,
        frame: f64,
        peak_mb: f64,
        /// Pairwise precision and recall of each document's main event against the generator's truth.
        precision: f64,
        recall: f64,
    }

    /// Pairwise precision and recall of a clustering of documents against the truth: of the pairs of
    /// documents put in the same event, the share that truly report the same event, and of the pairs that
    /// truly do, the share put together.
    fn pairwise(predicted: &[u64], truth: &[u32]) -> (f64, f64) {
        use std::collections::HashMap;
        let pairs = |n: u64| n * n.saturating_sub(1) / 2;
        let mut both: HashMap<(u64, u32), u64> = HashMap::new();
        let mut pred: HashMap<u64, u64> = HashMap::new();
        let mut real: HashMap<u32, u64> = HashMap::new();
        for (&p, &t) in predicted.iter().zip(truth) {
            *both.entry((p, t)).or_default() += 1;
            *pred.entry(p).or_default() += 1;
            *real.entry(t).or_default() += 1;
        }
        let tp: u64 = both.values().map(|&n| pairs(n)).sum();
        let pp: u64 = pred.values().map(|&n| pairs(n)).sum();
        let tt: u64 = real.values().map(|&n| pairs(n)).sum();
        (tp as f64 / pp.max(1) as f64, tp as f64 / tt.max(1) as f64)
    }

    /// Where the memory goes (`EVENTS_MEMORY=1`): resident sizes after each stage, and the sizes of
    /// what framing returns.
    fn memory_detail(
        before: u64,
        (group_rss, group_peak): (u64, u64),
        peak: u64,
        events: &parallax_core::events::Events,
        framing: &parallax_core::framing::Framing,
    ) {
        let mb = |kb: u64| kb.saturating_sub(before) / 1024;
        let now = status_kb("VmRSS:").unwrap_or(0);
        println!(
            "memory above input: after grouping {} MB (peak {} MB); after framing {} MB (peak {} MB)",
            mb(group_rss),
            mb(group_peak),
            mb(now),
            mb(peak)
        );
        let pairs = framing.events.len();
        let cells: usize = framing.matrices.iter().flat_map(|m| &m.items).map(|i| i.cells.len()).sum();
        let terms: usize = framing.events.iter().map(|f| f.signals.distinctive.len()).sum();
        let voices: usize = framing.events.iter().map(|f| f.signals.voices.len()).sum();
        let mut sizes: Vec<usize> =
            events.events.iter().map(|e| e.documents.len() + e.mentioned_in.len()).collect();
        sizes.sort_unstable();
        println!(
            "(document, event) pairs {pairs} ({:.1} per document), matrix cells stored {cells} (present or hedged), distinctive terms {terms}, voices {voices}",
            pairs as f64 / framing.documents.len().max(1) as f64
        );
        heap_detail(events, framing);
        println!(
            "documents per event: largest {:?}, mean {:.1}",
            &sizes[sizes.len().saturating_sub(5)..],
            sizes.iter().sum::<usize>() as f64 / sizes.len().max(1) as f64
        );
    }

    /// Approximate heap bytes of what grouping and framing return, by part: each vector's capacity times
    /// its element's size, plus the strings it owns (the allocator's own overhead is not counted).
    fn heap_detail(events: &parallax_core::events::Events, framing: &parallax_core::framing::Framing) {
        use std::mem::size_of;

        use parallax_core::events::{EventPassage, Passage};
        use parallax_core::framing::logodds::Term;
        use parallax_core::framing::{Cell, Count, EventFraming, FramingSignals, Item, Voice, VoiceRef};

        // Labels, names, affiliations and terms are shared strings, held once for the corpus: not counted.
        fn counts(v: &Vec<Count>) -> usize {
            v.capacity() * size_of::<Count>()
        }
        fn voices(s: &FramingSignals) -> usize {
            s.voices.capacity() * size_of::<Voice>()
                + s.voices
                    .iter()
                    .map(|v| {
                        let unnamed = match &v.speaker {
                            VoiceRef::Unnamed(x) => x.capacity(),
                            _ => 0,
                        };
                        unnamed + counts(&v.verbs)
                    })
                    .sum::<usize>()
        }
        fn terms(s: &FramingSignals) -> usize {
            s.distinctive.capacity() * size_of::<Term>()
        }
        fn rest(s: &FramingSignals) -> usize {
            counts(&s.voice_kinds)
                + counts(&s.verbs)
                + counts(&s.hedges)
                + s.scare_quotes.iter().map(|x| x.capacity() + size_of::<String>()).sum::<usize>()
        }
        let pairs = framing.events.capacity() * size_of::<EventFraming>();
        let pair_voices: usize = framing.events.iter().map(|f| voices(&f.signals)).sum();
        let pair_terms: usize = framing.events.iter().map(|f| terms(&f.signals)).sum();
        let pair_rest: usize = framing.events.iter().map(|f| rest(&f.signals)).sum();
        let items = framing.matrices.iter().flat_map(|m| &m.items);
        let cells: usize = items.clone().map(|i| i.cells.capacity() * size_of::<Cell>()).sum();
        let rows: usize = framing
            .matrices
            .iter()
            .map(|m| m.items.capacity() * size_of::<Item>() + m.documents.capacity() * 4)
            .sum::<usize>()
            + items.map(|i| i.key.capacity() + i.label.capacity()).sum::<usize>();
        let grouped: usize = events.passages.capacity() * size_of::<Passage>()
            + events
                .events
                .iter()
                .map(|e| {
                    e.passages.capacity() * size_of::<EventPassage>()
                        + (e.documents.capacity() + e.mentioned_in.capacity() + e.entities.capacity()) * 4
                })
                .sum::<usize>();
        let mb = |b: usize| b >> 20;
        println!(
            "heap: events {} MB; (document, event) framing {} MB, of which voices {} MB, distinctive terms {} MB, other lists {} MB; omission matrices {} MB in cells, {} MB in rows",
            mb(grouped),
            mb(pairs + pair_voices + pair_terms + pair_rest),
            mb(pair_voices),
            mb(pair_terms),
            mb(pair_rest),
            mb(cells),
            mb(rows)
        );
    }

    fn run(docs: usize) -> Row {
        // Generating and analysing the corpus is not timed: it runs on every core, in order-preserving
        // chunks.
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = docs.div_ceil(threads).max(1);
        let (truth, documents): (Vec<u32>, Vec<Document>) = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..docs)
                .step_by(chunk)
                .map(|from| {
                    scope.spawn(move || {
                        (from..(from + chunk).min(docs))
                            .map(|i| {
                                let page = parallax_synth::page(i, docs, 1);
                                (page.truth.event, process(&page.name, page.text.as_bytes()))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .unzip()
        });
        let before = status_kb("VmRSS:").unwrap_or(0);
        reset_peak();
        let t = Instant::now();
        let analyses: Vec<&parallax_core::language::Analysis> =
            documents.iter().map(|d| &d.analysis).collect();
        let canonical = canonical::link(&analyses);
        let link = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let events = group_passages(&documents, &canonical, &[]);
        let group = t.elapsed().as_secs_f64();
        let after_group = (status_kb("VmRSS:").unwrap_or(0), status_kb("VmHWM:").unwrap_or(0));
        let t = Instant::now();
        let framing = frame(&documents, &canonical, &events);
        let frame_s = t.elapsed().as_secs_f64();
        let peak = status_kb("VmHWM:").unwrap_or(0);
        if std::env::var_os("EVENTS_MEMORY").is_some() {
            memory_detail(before, after_group, peak, &events, &framing);
        }
        let shared = events.events.iter().filter(|e| e.documents.len() >= 2).count();
        // Each document's main event: the one its lead reports, else the one it reports in the most passages
        // (a document in no event is an event of its own).
        let mut best: Vec<(usize, u64)> = (0..docs).map(|d| (0, u64::MAX - d as u64)).collect();
        for (i, e) in events.events.iter().enumerate() {
            let mut per_doc: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
            for ep in e.passages.iter().filter(|ep| ep.role == parallax_core::events::PassageRole::Reports) {
                let p = &events.passages[ep.passage as usize];
                // The lead (headline, first paragraph) says what a document is about: it weighs most.
                let lead = p.section != parallax_core::SectionKind::Body || p.paragraph == 0;
                *per_doc.entry(p.document).or_default() += if lead { 100 } else { 1 };
            }
            for (d, n) in per_doc {
                if n > best[d as usize].0 {
                    best[d as usize] = (n, i as u64);
                }
            }
        }
        let predicted: Vec<u64> = best.iter().map(|&(_, e)| e).collect();
        if std::env::var_os("EVENTS_DETAIL").is_some() {
            let mut by_event: std::collections::BTreeMap<u64, Vec<u32>> = std::collections::BTreeMap::new();
            for (d, &e) in predicted.iter().enumerate() {
                by_event.entry(e).or_default().push(truth[d]);
            }
            for (e, ts) in by_event.iter().filter(|(_, ts)| ts.len() > 1) {
                let label = events.events.get(*e as usize).map_or("-", |x| x.label.as_str());
                let date = events.events.get(*e as usize).and_then(|x| x.date.as_deref()).unwrap_or("-");
                println!("{label} [{date}]: truth {ts:?}");
            }
        }
        let (precision, recall) = pairwise(&predicted, &truth);
        std::hint::black_box(&framing);
        Row {
            docs,
            passages: events.passages.len(),
            events: events.events.len(),
            shared,
            link,
            group,
            frame: frame_s,
            peak_mb: peak.saturating_sub(before) as f64 / 1024.0,
            precision,
            recall,
        }
    }

    pub fn main() {
        let sizes: Vec<usize> =
            std::env::args().skip(1).filter_map(|a| a.replace('_', "").parse().ok()).collect();
        let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000] } else { sizes };
        println!(
            "| documents | passages | events (shared) | link entities | group events | framing | total | peak memory above input |"
        );
        println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
        let mut rows: Vec<Row> = Vec::new();
        for n in sizes {
            let r = run(n);
            println!(
                "| {} | {} | {} ({}) | {:.3} s | {:.3} s | {:.3} s | {:.3} s | {:.0} MB | {:.2} / {:.2} |",
                r.docs,
                r.passages,
                r.events,
                r.shared,
                r.link,
                r.group,
                r.frame,
                r.link + r.group + r.frame,
                r.peak_mb,
                r.precision,
                r.recall
            );
            rows.push(r);
        }
        if rows.len() > 1 {
            println!();
            println!(
                "Growth per tenfold (time and memory ratios between consecutive sizes, scaled to a factor of 10):"
            );
            for w in rows.windows(2) {
                let scale = (w[1].docs as f64 / w[0].docs as f64).log10();
                let per_ten = |a: f64, b: f64| if a > 0.0 { (b / a).powf(1.0 / scale) } else { f64::NAN };
                let total = |r: &Row| r.link + r.group + r.frame;
                println!(
                    "- {} → {}: grouping ×{:.1}, framing ×{:.1}, total ×{:.1}, memory ×{:.1}",
                    w[0].docs,
                    w[1].docs,
                    per_ten(w[0].group, w[1].group),
                    per_ten(w[0].frame, w[1].frame),
                    per_ten(total(&w[0]), total(&w[1])),
                    per_ten(w[0].peak_mb, w[1].peak_mb)
                );
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
