//! A comparison as CSV (one tidy table, for analysis) and as Markdown (for a paper or an article).

use super::{Column, Comparison, Focus, passage_place, passage_text};
use crate::Document;
use crate::bundle::Bundle;
use crate::framing::{FramingSignals, Presence, Prominence};

const CSV_HEADER: [&str; 10] =
    ["part", "row", "document", "outlet", "published", "headline", "kind", "item", "value", "text"];

fn doc<'a>(bundle: &'a Bundle, column: &Column) -> Option<&'a Document> {
    bundle.documents.get(column.document as usize)
}

fn outlet(d: Option<&Document>) -> String {
    d.and_then(|d| d.meta.outlet.as_ref()).map_or_else(|| "Unknown outlet".to_owned(), |f| f.value.clone())
}

fn published(d: Option<&Document>) -> String {
    d.and_then(|d| d.meta.published.as_ref()).map_or_else(String::new, |f| f.value.clone())
}

fn headline(d: Option<&Document>) -> String {
    d.map_or_else(String::new, |d| {
        d.meta.headline.as_ref().map_or_else(|| format!("Untitled ({})", d.source), |f| f.value.clone())
    })
}

fn presence_word(p: Presence) -> &'static str {
    p.as_str()
}

/// The comparison as one CSV table in long form: `part` says what a record is (`document`, `passage`,
/// `matrix`, `voice`, `hedge`, `scare quote`, `term`, `tone`, `prominence`), and the other fields are
/// filled as that part needs (documented in docs/compare.md).
pub fn to_csv(bundle: &Bundle, c: &Comparison) -> String {
    let mut records: Vec<Vec<String>> = Vec::new();
    let head = |part: &str, row: usize, column: &Column| -> Vec<String> {
        let d = doc(bundle, column);
        vec![
            part.to_owned(),
            row.to_string(),
            d.map_or_else(String::new, |d| d.id.clone()),
            outlet(d),
            published(d),
            headline(d),
        ]
    };
    let push = |records: &mut Vec<Vec<String>>,
                mut r: Vec<String>,
                kind: &str,
                item: &str,
                value: &str,
                text: &str| {
        r.extend([kind.to_owned(), item.to_owned(), value.to_owned(), text.to_owned()]);
        records.push(r);
    };
    for (i, column) in c.columns.iter().enumerate() {
        let d = doc(bundle, column);
        let source = d.map_or("", |d| d.source.as_str());
        push(&mut records, head("document", i + 1, column), "column", c.focus.label(bundle), source, "");
    }
    for (i, row) in c.rows.iter().enumerate() {
        for (column, cell) in c.columns.iter().zip(&row.cells) {
            let Some(x) = *cell else { continue };
            let shown = &column.passages[x];
            let role = shown.role.map_or("", |r| r.as_str());
            push(
                &mut records,
                head("passage", i + 1, column),
                &passage_place(&shown.passage),
                &row.shared.join("; "),
                role,
                passage_text(bundle, &shown.passage),
            );
        }
    }
    for (i, item) in c.matrix.iter().enumerate() {
        for (column, cell) in c.columns.iter().zip(&item.cells) {
            let text = cell.passage.map_or("", |x| passage_text(bundle, &column.passages[x].passage));
            push(
                &mut records,
                head("matrix", i + 1, column),
                item.kind.as_str(),
                &item.label,
                presence_word(cell.presence),
                text,
            );
        }
    }
    for column in &c.columns {
        let s = &column.signals;
        for (i, v) in s.voices.iter().enumerate() {
            let name = match &v.affiliation {
                Some(a) => format!("{} ({a})", v.name),
                None => v.name.to_string(),
            };
            let verbs: Vec<String> = v.verbs.iter().map(|x| format!("{} {}", x.label, x.count)).collect();
            let value =
                format!("quotes={}; direct={}; words={}; share={:.2}", v.quotes, v.direct, v.words, v.share);
            push(
                &mut records,
                head("voice", i + 1, column),
                v.kind.as_str(),
                &name,
                &value,
                &verbs.join(", "),
            );
        }
        for (i, h) in s.hedges.iter().enumerate() {
            push(&mut records, head("hedge", i + 1, column), "lexical", &h.label, &h.count.to_string(), "");
        }
        for (i, q) in s.scare_quotes.iter().enumerate() {
            push(&mut records, head("scare quote", i + 1, column), "scare quote", q, "", "");
        }
        for (i, t) in s.distinctive.iter().enumerate() {
            push(
                &mut records,
                head("term", i + 1, column),
                "z",
                &t.term,
                &format!("{:.2}", t.z),
                &t.count.to_string(),
            );
        }
        let tone = &s.tone;
        push(
            &mut records,
            head("tone", 1, column),
            "compound",
            "mean VADER compound",
            &format!("{:.3}", tone.compound),
            &format!(
                "positive {:.0}%, negative {:.0}%, neutral {:.0}% of {} sentences",
                tone.positive * 100.0,
                tone.negative * 100.0,
                tone.neutral * 100.0,
                tone.sentences
            ),
        );
        push(
            &mut records,
            head("prominence", 1, column),
            "prominence",
            "",
            &prominence_text(&column.prominence),
            "",
        );
    }
    crate::explore::write_csv(CSV_HEADER.iter().map(|s| (*s).to_owned()).collect(), records.into_iter())
}

/// Where the focus stands in a document, in words.
pub fn prominence_text(p: &Prominence) -> String {
    let mut parts = Vec::new();
    if p.in_headline {
        parts.push("in the headline".to_owned());
    }
    if p.in_lead {
        parts.push("in the lead".to_owned());
    }
    match (p.first_paragraph, p.first_position) {
        (Some(n), Some(at)) => parts.push(format!("first in ¶ {} ({:.0}% into the body)", n + 1, at * 100.0)),
        (Some(n), None) => parts.push(format!("first in ¶ {}", n + 1)),
        _ => {}
    }
    if parts.is_empty() { "not in the body".to_owned() } else { parts.join("; ") }
}

/// Text safe inside a Markdown table cell: one line, pipes escaped.
fn cell(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// The comparison as Markdown: the documents, the passages side by side, the omission matrix and each
/// column's framing; `link` (the comparison's address) is cited when given.
pub fn to_markdown(bundle: &Bundle, c: &Comparison, link: &str) -> String {
    let mut out = String::new();
    let what = match c.focus {
        Focus::Event(_) => "event",
        Focus::Entity(_) => "entity",
    };
    out.push_str(&format!("# Compare: {}\n\n", cell(c.focus.label(bundle))));
    let mut about = format!("Outlets side by side on the {what} “{}”", c.focus.label(bundle));
    if let Focus::Event(e) = c.focus
        && let Some(date) = bundle.events.events.get(e as usize).and_then(|e| e.date.as_ref())
    {
        about.push_str(&format!(" ({date})"));
    }
    about.push('.');
    if !link.is_empty() {
        about.push_str(&format!(" Parallax: {link}"));
    }
    out.push_str(&about);
    out.push_str(
        "\n\n## Documents\n\n| # | Outlet | Published | Headline | Source |\n|---|---|---|---|---|\n",
    );
    for (i, column) in c.columns.iter().enumerate() {
        let d = doc(bundle, column);
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            i + 1,
            cell(&outlet(d)),
            cell(&published(d)),
            cell(&headline(d)),
            cell(d.map_or("", |d| d.source.as_str()))
        ));
    }
    let names: Vec<String> = c.columns.iter().map(|col| cell(&outlet(doc(bundle, col)))).collect();
    out.push_str("\n## Passages side by side\n\nRows line up passages that share entities, numbers or quotes; “—” where a document has nothing to match.\n\n");
    out.push_str(&format!("| Row | Shared | {} |\n", names.join(" | ")));
    out.push_str(&format!("|---|---|{}\n", "---|".repeat(names.len())));
    for (i, row) in c.rows.iter().enumerate() {
        let cells: Vec<String> = c
            .columns
            .iter()
            .zip(&row.cells)
            .map(|(column, x)| match x {
                Some(x) => {
                    let p = &column.passages[*x].passage;
                    format!("({}) {}", passage_place(p), cell(passage_text(bundle, p)))
                }
                None => "—".to_owned(),
            })
            .collect();
        out.push_str(&format!("| {} | {} | {} |\n", i + 1, cell(&row.shared.join("; ")), cells.join(" | ")));
    }
    out.push_str("\n## What each document reports, hedges or leaves out\n\n");
    if c.matrix.is_empty() {
        out.push_str("No entity, voice or fact to compare.\n");
    } else {
        out.push_str(&format!(
            "| Item | Kind | {} |\n|---|---|{}\n",
            names.join(" | "),
            "---|".repeat(names.len())
        ));
        for item in &c.matrix {
            let marks: Vec<&str> = item
                .cells
                .iter()
                .map(|x| match x.presence {
                    Presence::Present => "present",
                    Presence::Hedged => "hedged",
                    Presence::Absent => "**absent**",
                })
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&item.label),
                item.kind.as_str(),
                marks.join(" | ")
            ));
        }
    }
    out.push_str("\n## Framing\n");
    for (column, name) in c.columns.iter().zip(&names) {
        out.push_str(&format!("\n### {name}: {}\n\n", cell(&headline(doc(bundle, column)))));
        out.push_str(&framing_lines(&column.signals, &column.prominence));
    }
    out
}

fn framing_lines(s: &FramingSignals, p: &Prominence) -> String {
    let mut out = String::new();
    if s.voices.is_empty() {
        out.push_str("- Voices: nobody is quoted.\n");
    } else {
        out.push_str("- Voices:\n");
        for v in &s.voices {
            let verbs: Vec<String> = v.verbs.iter().map(|x| format!("{} ×{}", x.label, x.count)).collect();
            let affiliation = v.affiliation.as_ref().map(|a| format!(", {a}")).unwrap_or_default();
            out.push_str(&format!(
                "  - {} ({}{affiliation}): {} quote{}, {} words ({:.0}% of quoted words){}\n",
                v.name,
                v.kind.as_str(),
                v.quotes,
                if v.quotes == 1 { "" } else { "s" },
                v.words,
                v.share * 100.0,
                if verbs.is_empty() { String::new() } else { format!("; {}", verbs.join(", ")) }
            ));
        }
    }
    let list = |items: Vec<String>| if items.is_empty() { "none".to_owned() } else { items.join(", ") };
    out.push_str(&format!(
        "- Hedges: {}\n",
        list(s.hedges.iter().map(|h| format!("{} ×{}", h.label, h.count)).collect())
    ));
    out.push_str(&format!(
        "- Scare quotes: {}\n",
        list(s.scare_quotes.iter().map(|q| format!("“{q}”")).collect())
    ));
    out.push_str(&format!(
        "- Distinctive terms: {}\n",
        list(s.distinctive.iter().map(|t| format!("{} (z = {:.2})", t.term, t.z)).collect())
    ));
    out.push_str(&format!(
        "- Tone: mean compound {:+.2} over {} sentences ({:.0}% positive, {:.0}% negative)\n",
        s.tone.compound,
        s.tone.sentences,
        s.tone.positive * 100.0,
        s.tone.negative * 100.0
    ));
    out.push_str(&format!("- Prominence: {}\n", prominence_text(p)));
    out
}
