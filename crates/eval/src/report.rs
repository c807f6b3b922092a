//! The Markdown report: systems side by side, one table per task, then the files scored.
//!
//! The report holds no date or timing, so the same evaluation set and the same systems give the same
//! bytes, and a change to `docs/ner-eval.md` in a diff is a change in the results.

use std::collections::BTreeMap;
use std::fmt::Write;

use parallax_core::language::Label;

use crate::score::{Accuracy, Counts, Overlap, Score};

/// One scored file, for the list at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    /// The path relative to the evaluation folder, with `/` separators.
    pub path: String,
    pub words: usize,
    pub mentions: usize,
    pub quotes: usize,
    pub hedges: usize,
}

/// The rows of a mentions table: one per label and the micro average, P, R and F1 for each system.
fn mention_rows(
    out: &mut String,
    systems: &[(String, Score)],
    header: &str,
    rule: &str,
    pick: impl Fn(&Score) -> (Counts, &BTreeMap<Label, Counts>),
) {
    let _ = writeln!(out, "{header}\n{rule}");
    let rows =
        Label::ALL.into_iter().map(|l| (l.as_str().to_owned(), Some(l))).chain([("micro".to_owned(), None)]);
    for (name, label) in rows {
        let counts = |s: &Score| {
            let (micro, labels) = pick(s);
            label.map_or(micro, |l| labels.get(&l).copied().unwrap_or_default())
        };
        let support = systems.first().map_or(0, |(_, s)| counts(s).support());
        let name = if label.is_some() { name } else { format!("**{name}**") };
        let _ = write!(out, "| {name} | {support} |");
        for (_, s) in systems {
            let c = counts(s);
            let _ = write!(out, " {} | {} | {} |", num(c.precision()), num(c.recall()), num(c.f1()));
        }
        out.push('\n');
    }
}

/// The report for systems (name and score; the first is Parallax) over the files.
pub fn markdown(systems: &[(String, Score)], files: &[FileSummary], notes: &[String]) -> String {
    let mut out = String::new();
    let names: Vec<&str> = systems.iter().map(|(n, _)| n.as_str()).collect();
    let words: usize = files.iter().map(|f| f.words).sum();
    let _ = writeln!(out, "# Named entities, quotes and hedges: Parallax against its peers\n");
    let _ = writeln!(
        out,
        "Produced by `make compare-ner` (`parallax-eval score`) over the {} files of the evaluation set \
         (`eval/`, {} words; format and guidelines in `eval/FORMAT.md`). Offsets are UTF-8 byte offsets \
         into each file's plain text. A mention is right only with the exact span and label; peers' labels \
         are mapped to Parallax's before scoring.",
        files.len(),
        words
    );
    for note in notes {
        let _ = writeln!(out, "\n{note}");
    }

    let _ = writeln!(out, "\n## Entity mentions (exact span and label)\n");
    let mut header = String::from("| label | gold |");
    let mut rule = String::from("|---|---:|");
    for name in &names {
        let _ = write!(header, " {name} P | {name} R | {name} F1 |");
        rule.push_str("---:|---:|---:|");
    }
    mention_rows(&mut out, systems, &header, &rule, |s| (s.micro(), &s.labels));
    let _ = writeln!(
        out,
        "\n## Entity mentions (lenient: a leading \"the\", a possessive and a final full stop ignored)\n\n\
         The same, with both sides' spans compared after dropping what annotation conventions disagree on \
         (spaCy's model, trained on OntoNotes, often includes \"the\" in organisations' names).\n"
    );
    mention_rows(&mut out, systems, &header, &rule, |s| (s.micro_lenient(), &s.lenient));

    let _ = writeln!(
        out,
        "\n## Alias merging (within each text)\n\nOver the mentions both the gold set and the system found \
         (exact span), each pair in one text is a link when both are the same entity.\n"
    );
    let _ = writeln!(
        out,
        "| system | gold links | system links | right | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for (name, s) in systems {
        match s.merging {
            Some(c) => {
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} | {} | {} | {} | {} |",
                    c.tp + c.fn_,
                    c.tp + c.fp,
                    c.tp,
                    num(c.precision()),
                    num(c.recall()),
                    num(c.f1())
                );
            }
            None => {
                let _ = writeln!(out, "| {name} | n/a | n/a | n/a | n/a | n/a | n/a |");
            }
        }
    }

    let _ = writeln!(
        out,
        "\n## Quote attribution\n\nA gold quote is right when a system quote overlaps it and its speaker is \
         the same entity (or an unnamed source for `source:*`, or the outlet). Detection is by overlap.\n"
    );
    let _ = writeln!(
        out,
        "| system | direct | reported | all | detection P | detection R | detection F1 |\n\
         |---|---:|---:|---:|---:|---:|---:|"
    );
    for (name, s) in systems {
        match &s.quotes {
            Some(q) => {
                let d = q.detection;
                let _ = writeln!(
                    out,
                    "| {name} | {} | {} | {} | {} | {} | {} |",
                    accuracy(q.direct),
                    accuracy(q.reported),
                    accuracy(q.all),
                    num(d.precision()),
                    num(d.recall()),
                    num(d.f1())
                );
            }
            None => {
                let _ = writeln!(out, "| {name} | n/a | n/a | n/a | n/a | n/a | n/a |");
            }
        }
    }

    let _ = writeln!(out, "\n## Hedges and scare quotes (overlap)\n");
    let _ =
        writeln!(out, "| system | kind | gold | found | P | R | F1 |\n|---|---|---:|---:|---:|---:|---:|");
    for (name, s) in systems {
        match &s.hedges {
            Some(h) => {
                for (kind, o) in [("lexical", h.lexical), ("scare quote", h.scare), ("either", h.all)] {
                    let _ =
                        writeln!(out, "| {name} | {kind} | {} | {} |{}", o.gold, o.system, overlap_cells(o));
                }
            }
            None => {
                let _ = writeln!(out, "| {name} | n/a | n/a | n/a | n/a | n/a | n/a |");
            }
        }
    }

    let _ = writeln!(
        out,
        "\n## Files\n\n| file | words | mentions | quotes | hedges |\n|---|---:|---:|---:|---:|"
    );
    for f in files {
        let _ =
            writeln!(out, "| `{}` | {} | {} | {} | {} |", f.path, f.words, f.mentions, f.quotes, f.hedges);
    }
    let total = |g: fn(&FileSummary) -> usize| files.iter().map(g).sum::<usize>();
    let _ = writeln!(
        out,
        "| **all** | {} | {} | {} | {} |",
        words,
        total(|f| f.mentions),
        total(|f| f.quotes),
        total(|f| f.hedges)
    );
    out
}

fn overlap_cells(o: Overlap) -> String {
    format!(" {} | {} | {} |", num(o.precision()), num(o.recall()), num(o.f1()))
}

fn accuracy(a: Accuracy) -> String {
    format!("{} ({}/{})", num(a.value()), a.right, a.total)
}

/// Three decimals, or a dash when undefined (nothing to find and nothing predicted).
fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"))
}

/// A summary line for tests and logs.
pub fn counts_line(c: Counts) -> String {
    format!(
        "P {} R {} F1 {} (tp {}, fp {}, fn {})",
        num(c.precision()),
        num(c.recall()),
        num(c.f1()),
        c.tp,
        c.fp,
        c.fn_
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotated::parse;
    use crate::prediction::{PredMention, Prediction};

    #[test]
    fn a_report_side_by_side() {
        let gold = parse("a.txt", "[[PERSON Bob]] met [[PERSON Ann]] in [[PLACE Rome]].\n").expect("parses");
        let mention = |start, end, label| PredMention { start, end, label, entity: None };
        let peer = Prediction {
            mentions: vec![mention(0, 3, Label::Person), mention(8, 12, Label::Person)],
            ..Prediction::default()
        };
        let mut parallax = Score::default();
        parallax.add(
            &gold,
            &Prediction {
                merges: true,
                quotes: Some(Vec::new()),
                hedges: Some(Vec::new()),
                ..Prediction::default()
            },
        );
        let mut other = Score::default();
        other.add(&gold, &peer);
        let files = [FileSummary { path: "a.txt".into(), words: 6, mentions: 3, quotes: 0, hedges: 0 }];
        let report = markdown(&[("Parallax".into(), parallax), ("peer".into(), other)], &files, &[]);
        assert!(report.contains("| PERSON | 2 | – | 0.000 | 0.000 | 0.500 | 0.500 | 0.500 |"), "{report}");
        assert!(report.contains("| **micro** | 3 | – | 0.000 | 0.000 | 0.500 | 0.333 | 0.400 |"), "{report}");
        assert!(report.contains("| EVENT | 0 | – | – | – | – | – | – |"), "{report}");
        assert!(report.contains("| peer | n/a |"), "{report}");
        assert!(report.contains("| Parallax | – (0/0) |"), "{report}");
        assert_eq!(
            counts_line(Counts { tp: 1, fp: 1, fn_: 2 }),
            "P 0.500 R 0.333 F1 0.400 (tp 1, fp 1, fn 2)"
        );
    }
}
