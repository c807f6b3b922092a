//! Property-based fuzzing of ingest and export: arbitrary bytes, page-like text assembled from the
//! fragments scraped pages are made of, and HTML-like markup. Whatever the input, ingest returns (never
//! panics), its sections tile the decoded text on char boundaries, and every span the export spells out is
//! the text it points at. The HTML extractor's lines match its blocks, and no script source or
//! `javascript:` URL reaches its text when the markup's tags are complete.
//!
//! `PARALLAX_FUZZ_CASES` sets the number of cases per strategy (default 256, quick enough for `make test`);
//! `make fuzz` runs 20,000 in release. Failures are not persisted: the report prints the minimal input.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Debug;
use std::time::Instant;

use parallax_core::ingest::ingest;
use parallax_core::{Document, SectionKind};
use parallax_core::{export, html};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{TestCaseError, TestRunner};

/// The number of cases per strategy.
fn cases() -> u32 {
    std::env::var("PARALLAX_FUZZ_CASES").ok().and_then(|v| v.trim().parse().ok()).unwrap_or(256)
}

/// Runs `test` on `cases()` inputs drawn from `strategy`; on failure, panics with the minimal input.
fn run<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = cases();
    let mut runner =
        TestRunner::new(ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() });
    let started = Instant::now();
    let result = runner.run(&strategy, test);
    eprintln!("fuzz {name}: {cases} cases in {:.2?}", started.elapsed());
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

/// `span` is within `text` and on char boundaries.
fn inside(text: &str, (start, end): (u32, u32), what: &str) -> Result<(), TestCaseError> {
    let (s, e) = (start as usize, end as usize);
    prop_assert!(s <= e && e <= text.len(), "{} {}..{} outside the text ({} bytes)", what, s, e, text.len());
    prop_assert!(
        text.is_char_boundary(s) && text.is_char_boundary(e),
        "{} {}..{} not on char boundaries",
        what,
        s,
        e
    );
    Ok(())
}

/// Every property a document must have, whatever the input.
fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    // The sections tile the text.
    if text.is_empty() {
        prop_assert!(doc.sections.is_empty(), "empty text, sections {:?}", doc.sections);
    } else {
        let mut at = 0u32;
        for s in &doc.sections {
            prop_assert_eq!(s.start, at, "gap or overlap before {:?}", s);
            prop_assert!(s.end > s.start, "empty section {:?}", s);
            inside(text, (s.start, s.end), "section")?;
            at = s.end;
        }
        prop_assert_eq!(at as usize, text.len(), "the sections do not reach the end of the text");
    }
    // Captions, comments, dates and evidence point into the text.
    for c in &doc.captions {
        inside(text, (c.start, c.end), "caption")?;
        if let Some((s, e)) = c.credit {
            inside(text, (s, e), "caption credit")?;
            prop_assert!(s >= c.start, "caption credit {}..{} before its caption {:?}", s, e, c);
        }
    }
    for (i, c) in doc.comments.iter().enumerate() {
        if let Some(to) = c.reply_to {
            prop_assert!((to as usize) < i, "comment {} replies to comment {}", i, to);
            prop_assert!(c.depth > 0, "comment {} replies to {} at depth 0", i, to);
        }
        inside(text, c.header, "comment header")?;
        for &p in &c.paragraphs {
            inside(text, p, "comment paragraph")?;
        }
    }
    for d in &doc.dates {
        inside(text, (d.start, d.end), "date")?;
    }
    let m = &doc.meta;
    let evidence = [&m.outlet, &m.published, &m.headline, &m.standfirst, &m.dateline, &m.url, &m.language]
        .into_iter()
        .flatten()
        .map(|f| &f.evidence)
        .chain(m.byline.as_ref().map(|b| &b.evidence));
    for ev in evidence {
        if let Some(span) = ev.span {
            inside(text, span, &format!("evidence for {:?}", ev.rule))?;
        }
    }
    // The export spells out exactly the text each span points at.
    let e = export::document(doc);
    prop_assert_eq!(&e.text, &doc.text);
    for (what, spans) in [("body", &e.body), ("credit", &e.credits), ("page_meta", &e.page_meta)] {
        for s in spans {
            prop_assert_eq!(
                text.get(s.start as usize..s.end as usize),
                Some(s.text.as_str()),
                "{} span",
                what
            );
        }
    }
    for r in &e.removed {
        prop_assert_eq!(text.get(r.start as usize..r.end as usize), Some(r.text.as_str()), "removed span");
    }
    for c in &e.captions {
        prop_assert!(text.get(c.start as usize..c.end as usize).is_some(), "caption {:?}", c);
    }
    for c in &e.comments {
        prop_assert!(c.reply_to.is_none_or(|to| to < c.id), "comment {:?}", c);
        prop_assert!(text.get(c.start as usize..c.end as usize).is_some(), "comment {:?}", c);
    }
    for d in &e.dates {
        prop_assert_eq!(text.get(d.start as usize..d.end as usize), Some(d.text.as_str()), "date span");
    }
    prop_assert_eq!(e.body.len(), doc.sections.iter().filter(|s| s.kind == SectionKind::Body).count());
    // No body, no silence: a page without article paragraphs says so.
    if e.body.is_empty() {
        prop_assert!(
            doc.diagnostics.iter().any(|d| d.code == "ingest.no_body" || d.code == "input.empty"),
            "no body and no diagnostic saying so: {:?}",
            e.diagnostics
        );
    }
    Ok(())
}

// ---- (a) arbitrary bytes ----

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let bom = select(vec![&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"]);
    let body = prop_oneof![
        4 => vec(any::<u8>(), 0..2048),
        // Mostly text with a sprinkling of bytes that break it.
        2 => vec(prop_oneof![8 => 0x20u8..0x7F, 1 => Just(b'\n'), 1 => Just(b'\r'), 1 => any::<u8>()], 0..2048),
        1 => vec(select(vec![0u8, b'\n', b'\r', 0x93, 0x94, 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0xFE]), 0..512),
    ];
    (bom, body).prop_map(|(bom, body)| [bom, body.as_slice()].concat())
}

#[test]
fn arbitrary_bytes() {
    run("arbitrary bytes", bytes(), |bytes| {
        let doc = ingest("fuzz.txt", &bytes);
        check(&doc)?;
        if bytes.is_empty() {
            prop_assert!(doc.diagnostics.iter().any(|d| d.code == "input.empty"));
        }
        if let Ok(text) = std::str::from_utf8(&bytes)
            && !text.starts_with('\u{feff}')
            && !text.trim_start().starts_with('<')
        {
            prop_assert_eq!(&doc.text, text, "valid UTF-8 text was changed");
        }
        Ok(())
    });
}

// ---- (b) page-like text ----

const NAMES: [&str; 14] = [
    "Jane Doe",
    "T-100",
    "Vovka levka",
    "Reasonable, 2,3",
    "evgenm55",
    "José Müller",
    "محمد علي",
    "İlker Başbuğ",
    "O'Brien",
    "a",
    "Dr. Who",
    "ΣΟΦΙΑ",
    "דוד כהן",
    "david lulasa",
];

const PLACES: [&str; 8] =
    ["Russia, Volga Region", "Dallas,TX", "USA", "tambua,gimarakwa", "", "Москва", "İstanbul", "東京"];

const CITIES: [&str; 10] = [
    "MOSCOW",
    "WASHINGTON",
    "LIMA",
    "BRUSSELS",
    "SAN JOSÉ",
    "İSTANBUL",
    "NEW YORK/LONDON",
    "KYIV, Ukraine",
    "القاهرة",
    "ST. PETERSBURG",
];

const OUTLETS: [&str; 9] =
    ["Reuters", "AP", "AFP", "Al Jazeera", "Xinhua", "RIA Novosti", "Bloomberg", "", "dpa"];

const MONTHS: &str = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Sept|Dec|mai|мая|Mayo)";

/// Words news paragraphs are made of, drawn without building a regex tree for each (quick in debug).
const VOCABULARY: [&str; 64] = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "said",
    "on",
    "that",
    "for",
    "with",
    "was",
    "is",
    "by",
    "at",
    "from",
    "talks",
    "minister",
    "officials",
    "government",
    "agreed",
    "Tuesday",
    "Moscow",
    "Washington",
    "Putin",
    "Obama",
    "security",
    "cooperation",
    "attack",
    "Boston",
    "intelligence",
    "services",
    "president",
    "call",
    "U.S.",
    "Mr.",
    "Sochi",
    "(Reuters)",
    "—",
    "-",
    "...",
    "@T-100",
    "“call”",
    "\"quoted\"",
    "Putin’s",
    "it’s",
    "2013",
    "41",
    "8,800",
    "3.5%",
    "$2bn",
    "café",
    "cafe\u{301}",
    "Zürich",
    "naïve",
    "İstanbul",
    "Kyiv",
    "Москва",
    "北京",
    "القاهرة",
    "ירושלים",
    "e.g.",
    "i.e.",
    "No.",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => select(VOCABULARY.to_vec()).prop_map(str::to_owned),
        1 => regex("[a-z]{1,12}"),
        1 => regex("[A-Z][a-z]{1,9}"),
        1 => regex("[0-9]{1,4}(,[0-9]{3})?"),
    ]
}

fn capitalised() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => select(vec!["The", "A", "Officials", "Moscow", "Putin", "In", "It", "He", "She", "“We", "\"It", "Élysée", "İzmir", "2013", "Ministers"])
            .prop_map(str::to_owned),
        1 => regex("[A-Z][a-z]{0,9}"),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (capitalised(), vec(word(), 0..25), select(vec![".", ".", ".", "!", "?", ":", "", ".\"", ".”"])).prop_map(
        |(first, words, end)| {
            let mut s = first;
            for w in words {
                s.push(' ');
                s.push_str(&w);
            }
            s.push_str(end);
            s
        },
    )
}

fn paragraph() -> impl Strategy<Value = String> {
    vec(sentence(), 1..5).prop_map(|s| s.join(" "))
}

fn headline() -> impl Strategy<Value = String> {
    (capitalised(), vec(word(), 1..14)).prop_map(|(first, words)| format!("{first} {}", words.join(" ")))
}

fn dateline() -> impl Strategy<Value = String> {
    (
        select(CITIES.to_vec()),
        select(OUTLETS.to_vec()),
        select(vec!["-", "—", "–", "--", ":"]),
        any::<bool>(),
        paragraph(),
    )
        .prop_map(|(city, outlet, sep, with_date, para)| {
            let date = if with_date { ", May 3" } else { "" };
            if outlet.is_empty() {
                format!("{city}{date} {sep} {para}")
            } else {
                format!("{city}{date} ({outlet}) {sep} {para}")
            }
        })
}

fn byline() -> impl Strategy<Value = String> {
    let name = select(NAMES.to_vec());
    prop_oneof![
        name.clone().prop_map(|n| format!("By {n}")),
        (name.clone(), select(NAMES.to_vec())).prop_map(|(a, b)| format!("By {a} and {b}, Reuters")),
        name.clone().prop_map(|n| format!("By {} FOR MAILONLINE", n.to_uppercase())),
        name.clone().prop_map(|n| format!("Posted by {n} on May 3, 2013")),
        name.prop_map(|n| format!("{n} Environment correspondent")),
        Just("By".to_owned()),
        Just("By:".to_owned()),
    ]
}

fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
    proptest::string::string_regex(pattern).expect("a valid regex")
}

fn timestamp() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "April 20, 2013 / 6:22 PM",
            "Published 3 May 2013",
            "Updated 14:32 GMT, 14 March 2019",
            "Thursday 25 April 2013 10.15 BST",
            "2013-04-25T10:15:00Z",
            "25.04.2013 10:15",
            "3 hours ago",
            "Last updated: 2013-02-30",
            "Posted: 31/02/2013 99:99",
            "0 January 0000",
            "May 2013",
            "2013年5月3日",
            "٣ مايو ٢٠١٣",
            "２０１３年５月３日",
            "Yesterday at 7:44 am",
        ])
        .prop_map(str::to_owned),
        regex(&format!("[0-9]{{1,2}} {MONTHS} [0-9]{{1,4}}( [0-9]{{1,2}}: ?[0-9]{{2}})?( New)?")),
        regex(&format!("{MONTHS} [0-9]{{1,2}}, [0-9]{{4}}( [0-9]{{1,2}}:[0-9]{{2}} (AM|PM|a\\.m\\.))?")),
        regex(
            "(Published|Updated|Posted|Last updated|First published):? [0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}( [0-9]{1,2}:[0-9]{2})?"
        ),
        regex("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?"),
        regex("[0-9]{1,3} (minutes|hours|days|weeks) ago"),
    ]
}

fn furniture() -> impl Strategy<Value = String> {
    let table: Vec<String> = include_str!("../data/furniture.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|p| p.trim_end_matches('*').to_owned())
        .collect();
    prop_oneof![
        4 => select(table),
        1 => select(vec![
            "Home | World | Business",
            "News › World › Europe",
            "© 2013 Reuters. All rights reserved.",
            "Copyright 2013 The Associated Press.",
            "Dear reader, to leave comments on the publication, you must to register.",
            "I have an account? Sign in",
            "Additional reporting by Carlos Ruiz; Editing by Tom Smith",
            "This article appeared in the print edition of The Economist under the headline \"Cod wars\"",
            "• Ten things to do",
            "A flooded street in the capital. (AP Photo/Ana Lima)",
            "Residents queue for water in Pisco on March 3, 2026. REUTERS/Jane Roe",
            "[Jane Doe/Al Jazeera]",
            "Click to enlarge",
            "\"It is a hard decision,\" said the minister.",
        ])
        .prop_map(str::to_owned),
    ]
}

fn comment_header() -> impl Strategy<Value = String> {
    let name = select(NAMES.to_vec());
    prop_oneof![
        (name.clone(), select(PLACES.to_vec())).prop_map(|(n, p)| format!("by: {n} from: {p}")),
        (name.clone(), 0u32..32, 0u32..25, 0u32..70)
            .prop_map(|(n, d, h, m)| format!("{n} {d} May 2013 {h:02}: {m:02} New")),
        (1u32..200, name.clone()).prop_map(|(i, n)| format!("{i}. {n}")),
        name.clone().prop_map(|n| format!("{n} says:")),
        (name.clone(), timestamp()).prop_map(|(n, t)| format!("{n} wrote: {t}")),
        (name.clone(), regex("[0-9]{1,2} (minutes|hours) ago")).prop_map(|(n, t)| format!("{n} • {t}")),
        (name.clone(), select(PLACES.to_vec()), timestamp()).prop_map(|(n, p, t)| format!("{n}, {p}, {t}")),
        (name.clone(), paragraph()).prop_map(|(n, p)| format!("@{n} {p}")),
        name.prop_map(|n| format!("In reply to {n}.")),
        select(vec![
            "In Response",
            "Reply | Report | 3",
            "+5",
            "-2",
            "Load more comments",
            "Quote: T-100",
            "Comments",
            "Reply"
        ])
        .prop_map(str::to_owned),
    ]
}

fn unicode() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
            "מוסקבה (רויטרס) - השיחות נמשכו.",
            "موسكو (رويترز) - استمرت المحادثات.",
            "\u{202E}reversed\u{202C} text",
            "\u{200F}\u{200E}\u{200D}\u{200B}",
            "👩‍👩‍👧 👍🏽 🇺🇦",
            "\u{FEFF}BOM in the middle",
            "line\u{2028}separator\u{2029}paragraph\u{85}next",
            "NUL\0inside",
            "İİİ ßß ﬁ ǅ Σ ΐ",
            "ＭＯＳＣＯＷ （Ｒｅｕｔｅｒｓ） － ",
            "\t\u{b}\u{c}",
            "\u{fffd}\u{fffd}",
        ])
        .prop_map(str::to_owned),
        regex("\\PC{0,60}"),
        regex("[\u{300}-\u{36f}]{1,40}"),
        regex("[\u{590}-\u{6ff} ]{1,60}"),
        vec(any::<char>(), 0..80).prop_map(|c| c.into_iter().collect()),
    ]
}

fn long_word() -> impl Strategy<Value = String> {
    prop_oneof![
        (select(vec!["a", "é", "İ", "ß", "-", "—", ".", "x\u{301}", "字"]), 100usize..3000)
            .prop_map(|(c, n)| c.repeat(n)),
        regex("[a-z]{200,600}"),
        (1usize..200).prop_map(|n| "word ".repeat(n)),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(String::new()),
        3 => headline(),
        8 => paragraph(),
        2 => dateline(),
        2 => byline(),
        3 => timestamp(),
        3 => furniture(),
        4 => comment_header(),
        2 => unicode(),
        1 => long_word(),
        1 => regex("[ \t]{1,8}"),
    ]
}

fn indent() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => Just(String::new()),
        3 => (0usize..20).prop_map(|n| "  ".repeat(n)),
        1 => regex("\t{1,4}"),
        1 => regex("[ \t\u{a0}\u{3000}]{1,10}"),
    ]
}

/// A line end: mostly the page's own, sometimes another.
fn eol() -> impl Strategy<Value = &'static str> {
    select(vec!["\n", "\n", "\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])
}

/// Free-form pages: any sequence of fragments, each indented and ended its own way.
fn line_soup() -> impl Strategy<Value = String> {
    vec((indent(), line(), eol()), 0..40).prop_map(|lines| {
        let mut page = String::new();
        for (indent, line, eol) in lines {
            page.push_str(&indent);
            page.push_str(&line);
            page.push_str(eol);
        }
        page
    })
}

/// A comment: depth, author, its text, and whether it prints "by: NAME from: PLACE".
fn comment() -> impl Strategy<Value = (usize, &'static str, String, bool)> {
    (0usize..8, select(NAMES.to_vec()), paragraph(), any::<bool>())
}

/// Pages shaped like articles: furniture, a header block, paragraphs, captions, credits, then a thread.
fn article() -> impl Strategy<Value = String> {
    (
        vec(furniture(), 0..4),
        headline(),
        prop::option::of(paragraph()),
        prop::option::of(byline()),
        prop::option::of(timestamp()),
        prop::option::of(dateline()),
        vec(prop_oneof![6 => paragraph(), 1 => furniture(), 1 => unicode(), 1 => long_word()], 0..12),
        vec(comment(), 0..20),
        select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
    )
        .prop_map(|(top, headline, standfirst, byline, stamp, dateline, paragraphs, comments, eol, tight)| {
            let gap = if tight { eol.to_owned() } else { eol.repeat(2) };
            let mut blocks: Vec<String> = top;
            blocks.push(headline);
            blocks.extend(standfirst);
            blocks.extend(byline);
            blocks.extend(stamp);
            blocks.extend(dateline);
            blocks.extend(paragraphs);
            if !comments.is_empty() {
                blocks.push("Comments".to_owned());
            }
            let mut page = blocks.join(&gap);
            page.push_str(&gap);
            let mut depth = 0usize;
            for (i, (d, name, text, by_from)) in comments.into_iter().enumerate() {
                // Depth goes up at most one level at a time, as threads do; down by any amount.
                depth = if d > depth { depth + 1 } else { d };
                let pad = "  ".repeat(depth + 1);
                let minute = i % 60;
                if by_from {
                    page.push_str(&format!("{pad}by: {name} from: Somewhere{eol}{pad}April 26, 2013 7:{minute:02} AM{eol}{pad}{text}{eol}{eol}"));
                } else {
                    page.push_str(&format!("{pad}{}. {name}{eol}{pad}  {name} 3 May 2013 09: {minute:02} New{eol}{pad}  {text}{eol}", i + 1));
                }
            }
            page
        })
}

#[test]
fn page_like_text() {
    run("page-like text", prop_oneof![line_soup(), article()], |page| {
        let doc = ingest("page.txt", page.as_bytes());
        check(&doc)?;
        prop_assert_eq!(&doc.text, page.strip_prefix('\u{feff}').unwrap_or(&page), "the text was changed");
        Ok(())
    });
}

// ---- (c) HTML-like markup ----

fn markup() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "<p>", "</p>", "<div>", "</div>", "<article>", "</article>", "<main>", "<h1>", "</h1>", "<h2>",
            "<div class=\"article-body storyBody\">", "<div class=\"comments\">", "<nav>", "</nav>", "<aside>",
            "<footer>", "<header>", "<figure>", "<figcaption>", "</figcaption>", "<ul>", "<li>", "<br>", "<br/>",
            "<span class=\"byline\">", "</span>", "<time datetime=\"2013-05-03T09:16\">", "</time>",
            "<time datetime=\"garbage\">", "<table><tr><td>", "<b>", "</i>", "<p", "<div class=", "<", ">", "</",
            "<!--", "-->", "<!-- comment -->", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>",
            "&amp;", "&nbsp;", "&#x1F600;", "&#0;", "&#xD800;", "&#99999999;", "&lt;script&gt;", "&bogus;", "&",
            "<script>alert(1)</script>", "<script>", "</script>", "<style>p{color:red}</style>",
            "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "</a>", "<a href=\"/x\">",
            "<noscript><p>Enable JavaScript</p></noscript>", "<template><p>hidden</p></template>",
            "<textarea>", "<title>", "</title>", "<plaintext>", "<svg><script>alert(1)</script></svg>",
            "<math><mi>x</mi></math>", "<iframe src=\"x\"></iframe>", "<select><option>",
            "<meta property=\"og:title\" content=\"A &amp; B\">",
            "<meta name=\"author\" content=\"Jane Doe\">",
            "<meta property=\"article:published_time\" content=\"2013-05-03T09:16:00Z\">",
            "<link rel=\"canonical\" href=\"https://example.com/a\">",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"X\",\"datePublished\":\"2013-05-03\",\"author\":[{\"name\":\"Jane Doe\"}]}</script>",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":[\"NewsArticle\"],\"author\":null}],</script>",
            "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>",
        ])
        .prop_map(str::to_owned),
        3 => paragraph(),
        1 => headline(),
        1 => timestamp(),
        1 => comment_header(),
        1 => unicode(),
        1 => (0usize..300).prop_map(|n| "<div>".repeat(n)),
        1 => (0usize..100).prop_map(|n| "<b><i>".repeat(n)),
        1 => regex("<[a-z]{1,8}( [a-z-]{1,8}(=\"[^\"]{0,12}\")?){0,3}/?>"),
        1 => regex("</[a-z]{1,8}>"),
    ]
}

fn html() -> impl Strategy<Value = Html> {
    let prolog = select(vec![
        "",
        "<!DOCTYPE html>\n<html><head><title>Ministers agree to cut cod quotas</title></head><body>\n",
        "<html>",
        "\u{feff}<!doctype html>",
        "<?xml version=\"1.0\"?><!-- saved --><html lang=\"en\">",
        "<div><p>",
    ]);
    (prolog, vec((markup(), select(vec!["", "", "\n", " ", "\r\n"])), 0..50)).prop_map(|(prolog, parts)| {
        let well_formed = parts
            .iter()
            .all(|(p, _)| !BROKEN_TAGS.contains(&p.as_str()) && (p.starts_with('<') || !p.contains('<')));
        let mut page = prolog.to_owned();
        for (part, sep) in parts {
            page.push_str(&part);
            page.push_str(sep);
        }
        Html { page, well_formed }
    })
}

/// Fragments that leave a tag open, so that the markup after them is read differently: `<p<script>` is an
/// element named `p<script`, and a browser shows its content as text.
const BROKEN_TAGS: [&str; 4] = ["<p", "<div class=", "<", "</"];

/// A page of markup, and whether every tag in it is complete (so that a `<script>` in it is a script).
#[derive(Debug, Clone)]
struct Html {
    page: String,
    well_formed: bool,
}

/// Markup in which a script's source may legitimately be visible text (raw-text elements a browser shows).
fn shows_raw_text(page: &str) -> bool {
    let lower = page.to_ascii_lowercase();
    ["<textarea", "<plaintext", "<xmp"].iter().any(|t| lower.contains(t))
}

/// The HTML extractor's own promises: one block per line of its text, and no code in the text.
fn check_extract(Html { page, well_formed }: &Html) -> Result<(), TestCaseError> {
    let p = html::extract(page);
    let text = p.text.as_str();
    let mut at = 0usize;
    for (i, b) in p.blocks.iter().enumerate() {
        let (s, e) = (b.start as usize, b.end as usize);
        prop_assert_eq!(s, at, "block {} starts at {}, its line at {}", i, s, at);
        prop_assert!(s <= e && e <= text.len(), "block {} {}..{} outside the text", i, s, e);
        prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "block {} off char boundaries", i);
        let line = &text[s..e];
        prop_assert!(!line.contains('\n'), "block {} holds a line break: {:?}", i, line);
        prop_assert!(!line.trim().is_empty(), "block {} is empty", i);
        if e < text.len() {
            prop_assert_eq!(&text[e..e + 1], "\n", "block {} is not followed by a line break", i);
        }
        at = e + 1;
    }
    prop_assert!(at >= text.len(), "text after the last block: {:?}", &text[at.min(text.len())..]);
    if *well_formed && !shows_raw_text(page) {
        prop_assert!(!text.contains("alert(1)"), "script source in the text: {:?}", text);
        prop_assert!(!text.contains("javascript:"), "a javascript: URL in the text: {:?}", text);
    }
    Ok(())
}

#[test]
fn html_like_markup() {
    run("html-like markup", html(), |html| {
        check_extract(&html)?;
        let doc = ingest("page.html", html.page.as_bytes());
        check(&doc)
    });
}
