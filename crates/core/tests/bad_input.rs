//! Ingest on input that is not a well-formed news page: empty, huge, binary, mis-encoded, oddly broken
//! into lines, all comments, hostile markup. Each case must give a result and say what it noticed, never
//! panic, and keep the engine's promise that every byte of the decoded text belongs to exactly one section
//! and that no text is silently dropped.

use std::time::Instant;

use parallax_core::export;
use parallax_core::ingest::ingest;
use parallax_core::{Document, SectionKind};

/// Every byte of the decoded text belongs to exactly one section: sections are non-empty, sorted and
/// contiguous, the first starts at 0 and the last ends at `text.len()`, and each span is on char boundaries.
fn assert_tiles(doc: &Document) {
    let len = doc.text.len();
    if len == 0 {
        assert!(doc.sections.is_empty(), "empty text, yet sections {:?}", doc.sections);
        return;
    }
    let first = doc.sections.first().expect("non-empty text has at least one section");
    assert_eq!(first.start, 0, "the first section does not start at 0: {first:?}");
    let mut at = 0u32;
    for s in &doc.sections {
        assert_eq!(s.start, at, "gap or overlap before {s:?}");
        assert!(s.end > s.start, "empty section {s:?}");
        assert!(doc.text.is_char_boundary(s.start as usize), "section starts inside a char: {s:?}");
        assert!(doc.text.is_char_boundary(s.end as usize), "section ends inside a char: {s:?}");
        at = s.end;
    }
    assert_eq!(at as usize, len, "sections end at {at}, the text at {len}");
}

/// The checks every case shares: tiling, and an export whose spans all point at their own text.
fn check(doc: &Document) -> export::DocumentExport {
    assert_tiles(doc);
    let e = export::document(doc);
    assert_eq!(e.text, doc.text);
    for s in e.body.iter().chain(&e.credits).chain(&e.page_meta) {
        assert_eq!(doc.text.get(s.start as usize..s.end as usize), Some(s.text.as_str()), "span {s:?}");
    }
    for r in &e.removed {
        assert_eq!(doc.text.get(r.start as usize..r.end as usize), Some(r.text.as_str()), "removed {r:?}");
    }
    for (i, c) in doc.comments.iter().enumerate() {
        if let Some(to) = c.reply_to {
            assert!((to as usize) < i, "comment {i} replies to a later comment {to}");
        }
    }
    e
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn has(doc: &Document, code: &str) -> bool {
    doc.diagnostics.iter().any(|d| d.code == code)
}

fn count(doc: &Document, kind: SectionKind) -> usize {
    doc.sections.iter().filter(|s| s.kind == kind).count()
}

/// No text is silently dropped: for valid UTF-8 input, the decoded text is the input minus a BOM.
fn assert_kept(doc: &Document, input: &[u8]) {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let input = std::str::from_utf8(input).expect("the case is valid UTF-8");
    assert!(
        doc.text == input,
        "the decoded text differs from the input ({} vs {} bytes)",
        doc.text.len(),
        input.len()
    );
}

/// A small deterministic generator (xorshift64*), so the random cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

const PAGE: &str = "\
World | Europe | Business

Ministers agree to cut cod quotas after all-night talks in Brussels

By Jane Doe and John Roe

BRUSSELS (Reuters) - European fisheries ministers agreed on Tuesday to cut cod quotas by a fifth, officials said after talks that ran through the night.

The agreement, reached shortly before dawn, follows months of pressure from scientists who warn that stocks in the North Sea are close to collapse.

\"We have taken a hard decision, but a necessary one,\" the commission's spokesman told reporters, adding that fleets would be compensated.

Fishing groups in Spain and France said the cuts would cost thousands of jobs, and some promised to challenge them in court.

Additional reporting by Carlos Ruiz; Editing by Tom Smith

Share this article
";

const HEADLINE: &str = "Ministers agree to cut cod quotas after all-night talks in Brussels";

/// A paragraph block to repeat into large pages: three paragraphs, each ending in a blank line.
const BLOCK: &str = "\
The agreement, reached shortly before dawn on Wednesday, follows months of pressure from scientists who warn that cod stocks in the North Sea are close to collapse.

\"We have taken a hard decision, but a necessary one,\" the commission's spokesman told reporters in Brussels, adding that fleets would be compensated from a common fund.

Fishing groups in Spain, Portugal and France said the cuts would cost thousands of jobs in coastal towns, and some promised to challenge them in the European courts.

";

/// A page of about `size` bytes: the page header, then `BLOCK` repeated.
fn big_page(size: usize) -> String {
    let head = PAGE.split("The agreement").next().expect("the page has paragraphs");
    let mut page = String::with_capacity(size + BLOCK.len());
    page.push_str(head);
    while page.len() < size {
        page.push_str(BLOCK);
    }
    page
}

fn big_page_case(size: usize) {
    let page = big_page(size);
    let started = Instant::now();
    let doc = ingest("big.txt", page.as_bytes());
    let took = started.elapsed();
    eprintln!("ingest of {} bytes took {took:?}", page.len());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    let blocks = (page.len() - PAGE.find("The agreement").expect("paragraphs")) / BLOCK.len();
    assert!(e.body.len() >= 3 * blocks, "{} body paragraphs for {blocks} blocks of three", e.body.len());
    assert_eq!(e.headline.as_deref(), Some(HEADLINE));
    assert!(!has(&doc, "ingest.no_body") && !has(&doc, "input.binary"), "{:?}", codes(&doc));
}

#[test]
fn empty_file() {
    let doc = ingest("empty.txt", b"");
    check(&doc);
    assert_eq!(doc.text, "");
    assert!(doc.sections.is_empty());
    assert_eq!(codes(&doc), ["input.empty"]);
    assert_eq!(doc.id, "empty");
}

#[test]
fn whitespace_only() {
    let input = b" \t \n\n   \r\n\t\x0c\n  ";
    let doc = ingest("blank.txt", input);
    let e = check(&doc);
    assert_kept(&doc, input);
    assert!(e.body.is_empty() && e.headline.is_none());
    assert!(doc.sections.iter().all(|s| s.kind == SectionKind::Blank), "{:?}", doc.sections);
    assert!(has(&doc, "input.empty"), "{:?}", codes(&doc));
}

#[test]
fn a_5_mb_page() {
    big_page_case(5 << 20);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "50 MB: run with --release (make fuzz runs it)")]
fn a_50_mb_page() {
    big_page_case(50 << 20);
}

#[test]
fn binary_data() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let bytes: Vec<u8> =
        (0..64 * 1024).map(|i| if i % 5 == 0 { 0 } else { (rng.next() >> 56) as u8 }).collect();
    assert!(bytes.contains(&0) && std::str::from_utf8(&bytes).is_err());
    let doc = ingest("image.jpg", &bytes);
    check(&doc);
    assert!(!doc.text.is_empty());
    assert!(has(&doc, "input.binary"), "{:?}", codes(&doc));
    assert!(has(&doc, "encoding.fallback"), "{:?}", codes(&doc));
}

#[test]
fn binary_data_that_is_valid_utf8() {
    // Control characters only: valid UTF-8, still not text.
    let mut rng = Rng(42);
    let bytes: Vec<u8> = (0..4096).map(|_| (rng.next() >> 59) as u8).collect();
    let doc = ingest("blob.bin", &bytes);
    check(&doc);
    assert_kept(&doc, &bytes);
    assert!(has(&doc, "input.binary"), "{:?}", codes(&doc));
}

#[test]
fn windows_1252_curly_quotes() {
    let input =
        PAGE.replace("\"We have", "\u{93}We have").replace("necessary one,\"", "necessary one,\u{94}");
    // Windows-1252 bytes: the page is ASCII apart from the quotes.
    let bytes: Vec<u8> = input.chars().map(|c| if c.is_ascii() { c as u8 } else { c as u32 as u8 }).collect();
    assert!(bytes.contains(&0x93) && bytes.contains(&0x94));
    let doc = ingest("cp1252.txt", &bytes);
    let e = check(&doc);
    assert!(has(&doc, "encoding.fallback"), "{:?}", codes(&doc));
    assert!(!has(&doc, "input.binary"), "{:?}", codes(&doc));
    assert_eq!(
        doc.text,
        PAGE.replace("\"We have", "“We have").replace("necessary one,\"", "necessary one,”")
    );
    assert!(
        e.body.iter().any(|p| p.text.starts_with("“We have taken a hard decision, but a necessary one,”"))
    );
    assert_eq!(e.headline.as_deref(), Some(HEADLINE));
}

fn utf16(page: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in page.encode_utf16() {
        bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    bytes
}

fn utf16_case(big_endian: bool) {
    let page = PAGE.replace("Brussels\n", "Brussels — “Café”\n");
    let reference = ingest("page.txt", page.as_bytes());
    let doc = ingest("page.txt", &utf16(&page, big_endian));
    let e = check(&doc);
    assert_eq!(doc.text, page);
    assert_eq!(
        codes(&doc).iter().filter(|c| c.starts_with("encoding.")).collect::<Vec<_>>(),
        [&"encoding.bom"]
    );
    assert!(!has(&doc, "input.binary"));
    assert_eq!(doc.sections, reference.sections);
    assert_eq!(e.body.len(), 4);
}

#[test]
fn utf16_le_with_bom() {
    utf16_case(false);
}

#[test]
fn utf16_be_with_bom() {
    utf16_case(true);
}

#[test]
fn utf8_with_bom() {
    let input = [b"\xEF\xBB\xBF".as_slice(), PAGE.as_bytes()].concat();
    let doc = ingest("bom.txt", &input);
    let e = check(&doc);
    assert_kept(&doc, &input);
    assert!(
        !codes(&doc).iter().any(|c| c.starts_with("encoding.") || c.starts_with("input.")),
        "{:?}",
        codes(&doc)
    );
    assert_eq!(e.headline.as_deref(), Some(HEADLINE));
}

fn line_ends_case(eol: &str) {
    let reference = export::document(&ingest("lf.txt", PAGE.as_bytes()));
    assert_eq!(reference.body.len(), 4);
    let page = PAGE.replace('\n', eol);
    let doc = ingest("page.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert!(!has(&doc, "ingest.no_body") && !has(&doc, "input.binary"), "{:?}", codes(&doc));
    assert_eq!(e.headline, reference.headline);
    assert_eq!(e.body.len(), reference.body.len(), "body: {:?}", e.body);
    let texts = |e: &export::DocumentExport| e.body.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&e), texts(&reference));
}

#[test]
fn crlf_line_ends() {
    line_ends_case("\r\n");
}

#[test]
fn cr_only_line_ends() {
    line_ends_case("\r");
}

/// Reader comments, as one comment system prints them, and nothing else.
const COMMENTS_ONLY: &str = "\
by: david lulasa from: tambua,gimarakwa
April 26, 2013 7:44 AM
sharing of intelligence is what russia is not doing...the world should share intelligence with the united states when it is under threat.

by: Gennady from: Russia, Volga Region
April 25, 2013 10:15 AM
By his above cited words Mr Putin looks as if following the saying: “When there is no happiness then misadventure will help”.

by: Nirivichara from: Dallas,TX
April 26, 2013 11:40 AM
Childish nonsense.

Putin is much more mature than many western politicians and is not playing childish \"conspiracy games\".

by: Michael from: USA
April 25, 2013 9:34 AM
The humanitarian aid came as a result of much handshaking which allowed the representatives to set out their version of events.
";

#[test]
fn only_reader_comments() {
    let doc = ingest("comments.txt", COMMENTS_ONLY.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, COMMENTS_ONLY.as_bytes());
    assert!(e.body.is_empty(), "comment text taken for the article: {:?}", e.body);
    assert!(has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
}

#[test]
fn only_reader_comments_name_date_new() {
    let page = "\
  1. T-100
    T-100 3 May 2013 09: 16 New
    What a joint security, they won't do anything, because of them something might happen.
  2. domokl
    domokl 3 May 2013 09: 20 New
    It's funny. Cooperation was and will be, but on certain issues only, and no one will open all the info.
  3. Petrovich-2
    Petrovich-2 3 May 2013 09: 31 New
    Several associations at once: they were warned, but they did not heed, and it has always been so.
";
    let doc = ingest("comments.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert!(e.body.is_empty(), "comment text taken for the article: {:?}", e.body);
    assert!(has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
}

#[test]
fn no_paragraph_breaks() {
    let sentences: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                "Officials in the capital said on Tuesday that talks number {i} had ended without agreement."
            )
        })
        .collect();
    let page = format!("{HEADLINE}\n{}\n", sentences.join(" "));
    let doc = ingest("wall.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert_eq!(e.body.len(), 1, "{} body paragraphs", e.body.len());
    assert_eq!(e.body[0].text.len(), page.len() - HEADLINE.len() - 2);
    assert!(!has(&doc, "ingest.no_body") && !has(&doc, "input.binary"), "{:?}", codes(&doc));
}

#[test]
fn a_1_mb_single_line() {
    let sentence =
        "The ministers met again on Wednesday morning and said they were close to a deal on quotas. ";
    let line = sentence.repeat((1 << 20) / sentence.len() + 1);
    let line = line.trim_end();
    assert!(line.len() >= 1 << 20 && !line.contains('\n'));
    let started = Instant::now();
    let doc = ingest("line.txt", line.as_bytes());
    eprintln!("ingest of a {} byte line took {:?}", line.len(), started.elapsed());
    let e = check(&doc);
    assert_kept(&doc, line.as_bytes());
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(e.body.len(), 1, "{:?}", doc.sections);
    assert_eq!(e.body[0].text, line);
    assert!(!has(&doc, "ingest.no_body") && !has(&doc, "input.binary"), "{:?}", codes(&doc));
}

/// An article, then `n` comments each a reply to the one before, each indented two more spaces.
fn nested_comments(n: usize) -> String {
    let mut page = String::from(
        "Military Review\n\nWashington and Moscow have agreed to be friends special services\n\n\
         The telephone conversation was initiated by the American side, the Kremlin press service said on Friday.\n\n\
         This topic has acquired particular relevance in the light of the terrorist attack in Boston last month.\n\
         Dear reader, to leave comments on the publication, you must to register.\n\n\
         I have an account? Sign in\n\n",
    );
    for k in 0..n {
        let pad = " ".repeat(2 + 2 * k);
        let name = format!("reader{k}");
        let minute = k % 60;
        page.push_str(&format!(
            "{pad}1. {name}\n{pad}  {name} 3 May 2013 09: {minute:02} New\n{pad}  I do not agree with the comment above, number {k}, and I will say why.\n"
        ));
    }
    page
}

#[test]
fn comments_nested_100_deep() {
    let page = nested_comments(100);
    let doc = ingest("thread.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert!(!has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
    assert_eq!(e.body.len(), 2, "{:?}", e.body);
    assert_eq!(doc.comments.len(), 100, "{:?}", e.comments.iter().map(|c| &c.author).collect::<Vec<_>>());
    for (i, c) in doc.comments.iter().enumerate() {
        assert_eq!(c.author.as_deref(), Some(format!("reader{i}").as_str()));
        assert_eq!(c.posted.as_deref(), Some(format!("2013-05-03T09:{:02}", i % 60).as_str()));
        if let Some(to) = c.reply_to {
            assert!((to as usize) < i, "comment {i} answers {to}");
        }
    }
    for pair in doc.comments.windows(2) {
        assert!(pair[1].depth >= pair[0].depth, "depth goes down: {} then {}", pair[0].depth, pair[1].depth);
    }
    assert!(doc.comments.last().is_some_and(|c| c.depth > 0 && c.reply_to.is_some()));
    assert!(e.body.iter().all(|p| !p.text.contains("I do not agree")));
}

const HOSTILE_HTML: &str = r#"<!DOCTYPE html>
<html>
<head>
<title>Ministers agree to cut cod quotas after all-night talks</title>
<script>alert(1)</script>
</head>
<body onload="alert(1)">
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Ministers agree to cut cod quotas after all-night talks</h1>
<p class="byline">By Jane Doe</p>
<p>BRUSSELS (Reuters) - European fisheries ministers agreed on Tuesday to cut cod quotas by a fifth, officials said. <script>alert(1)</script></p>
<p>The agreement follows months of pressure from scientists <img src=x onerror=alert(1)> who warn that stocks are close to collapse.</p>
<p>Fishing groups said the cuts would cost jobs, <a href="javascript:alert(1)">read more</a> and promised to challenge them in court.</p>
<script>
  document.write("<p>alert(1)</p>");
</script>
</article>
</body>
</html>
"#;

#[test]
fn hostile_html() {
    let doc = ingest("hostile.html", HOSTILE_HTML.as_bytes());
    let e = check(&doc);
    assert!(!has(&doc, "input.binary") && !has(&doc, "input.empty"), "{:?}", codes(&doc));
    for p in &e.body {
        assert!(!p.text.contains("alert(1)"), "script in the body: {:?}", p.text);
    }
    assert!(e.headline.as_deref().is_none_or(|h| !h.contains("alert(1)")), "{:?}", e.headline);
    eprintln!("hostile html: body {:?}, diagnostics {:?}", e.body, codes(&doc));
}

#[test]
fn hostile_html_fragment_in_text() {
    // The same markup with no document around it, one tag per line.
    let page = "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n<a href=\"javascript:alert(1)\">Read more</a>\n";
    let doc = ingest("fragment.txt", page.as_bytes());
    let e = check(&doc);
    for p in &e.body {
        assert!(!p.text.contains("alert(1)"), "script in the body: {:?}", p.text);
    }
    assert!(!has(&doc, "input.binary"), "{:?}", codes(&doc));
    eprintln!("html fragment: body {:?}, diagnostics {:?}", e.body, codes(&doc));
}

#[test]
fn a_100000_blank_lines() {
    let page = "\n".repeat(100_000);
    let doc = ingest("blank.txt", page.as_bytes());
    check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert_eq!(doc.sections.len(), 1, "blank lines merge into one section");
    assert_eq!(doc.sections[0].kind, SectionKind::Blank);
    assert!(has(&doc, "input.empty"), "{:?}", codes(&doc));
}

/// Blank lines are not content: a thousand of them above the article must not push its header out of
/// reach.
#[test]
fn blank_lines_around_an_article() {
    let blank = "\n".repeat(1_000);
    let page = format!("{blank}{PAGE}{blank}");
    let doc = ingest("padded.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert_eq!(e.headline.as_deref(), Some(HEADLINE));
    assert_eq!(e.body.len(), 4);
    assert!(!has(&doc, "input.empty") && !has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
}

#[test]
fn nul_in_a_paragraph() {
    let page = PAGE.replace("cut cod quotas by a fifth", "cut cod quotas\0 by a fifth");
    let doc = ingest("nul.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert!(!has(&doc, "input.binary") && !has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
    assert_eq!(e.body.len(), 4);
    assert!(e.body[0].text.contains("quotas\0 by a fifth"), "{:?}", e.body[0].text);
    assert_eq!(e.headline.as_deref(), Some(HEADLINE));
}

#[test]
fn only_a_headline() {
    let page = format!("{HEADLINE}\n");
    let doc = ingest("headline.txt", page.as_bytes());
    let e = check(&doc);
    assert_kept(&doc, page.as_bytes());
    assert!(e.body.is_empty(), "{:?}", e.body);
    assert!(has(&doc, "ingest.no_body"), "{:?}", codes(&doc));
    assert!(!has(&doc, "input.empty"), "{:?}", codes(&doc));
    assert!(
        e.headline.as_deref() == Some(HEADLINE) || has(&doc, "meta.no_headline"),
        "neither a headline nor a diagnostic: {:?}",
        codes(&doc)
    );
    assert_eq!(count(&doc, SectionKind::Headline) + count(&doc, SectionKind::Furniture), 1);
}

/// Elements nested thousands deep. The HTML parser's scope checks make this quadratic in the depth (8,000
/// levels take about 0.9 s in release and 6.5 s in debug), so debug builds nest 2,000 deep.
#[test]
fn html_deeply_nested() {
    let depth = if cfg!(debug_assertions) { 2_000 } else { 10_000 };
    let page = format!(
        "<!DOCTYPE html><html><head><title>{HEADLINE}</title></head><body>{}<h1>{HEADLINE}</h1><p>{}</p>{}</body></html>",
        "<div>".repeat(depth),
        "BRUSSELS (Reuters) - European fisheries ministers agreed on Tuesday to cut cod quotas by a fifth, officials said.",
        "</div>".repeat(depth),
    );
    let started = Instant::now();
    let doc = ingest("deep.html", page.as_bytes());
    eprintln!("ingest of html nested {depth} deep took {:?}", started.elapsed());
    let e = check(&doc);
    assert!(has(&doc, "input.html"), "{:?}", codes(&doc));
    assert!(!doc.text.contains("<div>"), "markup kept as text");
    assert_eq!(e.body.len(), 1, "{:?}", e.body);
    assert!(e.body[0].text.starts_with("BRUSSELS (Reuters)"), "{:?}", e.body);
}

/// Markup nested far deeper than any page is read as plain text, quickly, and says so; nothing is lost.
#[test]
fn html_nested_beyond_reason_is_read_as_text() {
    let page = format!(
        "<!DOCTYPE html><html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(30_000),
        "BRUSSELS (Reuters) - European fisheries ministers agreed on Tuesday to cut cod quotas by a fifth, officials said.",
        "</div>".repeat(30_000),
    );
    let started = Instant::now();
    let doc = ingest("deeper.html", page.as_bytes());
    eprintln!("ingest of html nested 30,000 deep took {:?}", started.elapsed());
    check(&doc);
    assert!(has(&doc, "html.too_deep"), "{:?}", codes(&doc));
    assert_kept(&doc, page.as_bytes());
}
