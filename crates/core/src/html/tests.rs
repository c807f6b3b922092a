use super::*;

/// The lines of a page with their hints.
fn lines(html: &str) -> Vec<(String, Hint)> {
    let page = extract(html);
    assert_consistent(&page);
    page.blocks
        .iter()
        .map(|b| (page.text[b.start as usize..b.end as usize].to_owned(), b.hint.clone()))
        .collect()
}

/// The lines of a page as text only.
fn texts(html: &str) -> Vec<String> {
    lines(html).into_iter().map(|(text, _)| text).collect()
}

/// The invariants every page keeps: blocks tile the lines of `text`, in order, one per line, and no line is
/// empty or has whitespace left uncollapsed.
fn assert_consistent(page: &HtmlPage) {
    if page.text.is_empty() {
        assert!(page.blocks.is_empty(), "blocks without text: {page:?}");
        return;
    }
    let text_lines: Vec<&str> = page.text.split('\n').collect();
    assert_eq!(text_lines.len(), page.blocks.len(), "one block per line: {page:?}");
    let mut at = 0usize;
    for (line, block) in text_lines.iter().zip(&page.blocks) {
        let (start, end) = (block.start as usize, block.end as usize);
        assert_eq!(start, at, "blocks are in order and contiguous: {block:?}");
        assert!(end <= page.text.len(), "block inside text: {block:?}");
        assert_eq!(&page.text[start..end], *line);
        assert!(!line.is_empty(), "empty line");
        assert_eq!(line.trim(), *line, "untrimmed line {line:?}");
        assert!(!line.contains("  ") && !line.contains(['\t', '\r']), "uncollapsed whitespace in {line:?}");
        if let Hint::Caption { credit_start: Some(c) } = block.hint {
            assert!(
                (c as usize) < line.len() && line.is_char_boundary(c as usize),
                "credit offset {c} in {line:?}"
            );
        }
        at = end + 1;
    }
}

fn s(text: &str) -> String {
    text.to_owned()
}

fn aside(what: &str) -> Hint {
    Hint::Aside { what: what.to_owned() }
}

#[test]
fn inline_elements_join_and_blocks_break() {
    assert_eq!(
        texts(
            "<p>foo<b>bar</b> baz <em>qux</em>.</p><p>one<br>two</p><div>a<div>b</div>c</div><ul><li>x</li><li>y</li></ul>"
        ),
        ["foobar baz qux.", "one", "two", "a", "b", "c", "x", "y"]
    );
    assert_eq!(texts("<p>  spread \n\t over   <span> lines </span> </p>"), ["spread over lines"]);
    assert_eq!(texts("<table><tr><td>cell one</td><td>cell two</td></tr></table>"), ["cell one", "cell two"]);
    assert_eq!(texts("<pre>line 1\n  line 2</pre>"), ["line 1", "line 2"]);
}

#[test]
fn entities_are_decoded() {
    assert_eq!(
        texts("<p>Tom &amp; Jerry &ldquo;quoted&rdquo; &#233;t&eacute; &lt;b&gt; caf&#xE9;&nbsp;noir</p>"),
        ["Tom & Jerry “quoted” été <b> café noir"]
    );
}

#[test]
fn code_is_skipped_and_handlers_counted() {
    let page = extract(concat!(
        "<html><head><script>var secret = 1;</script><style>.x { color: red }</style></head><body>",
        "<p onclick=\"steal()\">Visible <a href=\"javascript:alert(1)\">link</a></p>",
        "<img src=x onerror=\"alert('xss')\">",
        "<a href=\" JAVA&#9;SCRIPT:void(0)\">other</a>",
        "<template><p>template text</p></template>",
        "<script>document.write('injected')</script>",
        "<noscript><p>Please enable JavaScript</p></noscript>",
        "</body></html>"
    ));
    assert_consistent(&page);
    assert_eq!(page.text, "Visible link\nother\nPlease enable JavaScript");
    for code in ["secret", "color", "alert", "steal", "template text", "injected"] {
        assert!(!page.text.contains(code), "{code} leaked into the text");
    }
    assert_eq!(page.scripts_skipped, 4);
    assert_eq!(page.handlers_seen, 4);
    assert_eq!(page.blocks[2].hint, Hint::Outside);
}

#[test]
fn article_container_and_furniture() {
    let html = r##"<body>
        <header><a href="/">The Daily</a><nav><a>World</a> <a>Business</a></nav></header>
        <div class="layout layout--with-rail">
          <article>
            <h1>Quake aid reaches coastal towns</h1>
            <p class="byline">By <a rel="author">Jane Doe</a></p>
            <time datetime="2026-03-03T10:00:00Z">March 3, 2026</time>
            <p>Aid convoys reached the worst-hit towns on Tuesday.</p>
            <aside class="related-stories"><h2>Related</h2><p>Earlier quake coverage</p></aside>
            <div class="share-tools"><button>Share</button></div>
            <p>Rescue teams joined the search.</p>
          </article>
          <div class="sidebar"><p>Most read today</p></div>
        </div>
        <div id="cookie-consent">We use cookies</div>
        <footer>Copyright The Daily</footer>
        </body>"##;
    let page = extract(html);
    assert_eq!(page.container.as_deref(), Some("<article>"));
    assert_eq!(
        lines(html),
        [
            (s("The Daily"), Hint::PageHeader),
            (s("World Business"), Hint::Navigation),
            (s("Quake aid reaches coastal towns"), Hint::Heading { level: 1, in_article: true }),
            (s("By Jane Doe"), Hint::Byline),
            (s("March 3, 2026"), Hint::Time { datetime: Some(s("2026-03-03T10:00:00Z")) }),
            (s("Aid convoys reached the worst-hit towns on Tuesday."), Hint::Article),
            (s("Related"), aside("related links")),
            (s("Earlier quake coverage"), aside("related links")),
            (s("Share"), aside("share buttons")),
            (s("Rescue teams joined the search."), Hint::Article),
            (s("Most read today"), aside("sidebar")),
            (s("We use cookies"), aside("cookie banner")),
            (s("Copyright The Daily"), Hint::PageFooter),
        ]
    );
    assert_eq!(page.meta.published.as_deref(), Some("2026-03-03T10:00:00Z"));
}

#[test]
fn container_is_the_one_with_most_paragraph_text() {
    let html = r##"<main>
        <article class="teaser"><p>Short teaser.</p></article>
        <div class="story-body"><p>The first long paragraph of the real story.</p><p>And a second one.</p></div>
        <section class="comments"><p>A very long comment that must not make the comments the article, no matter how long it gets.</p></section>
        </main>"##;
    let page = extract(html);
    assert_eq!(page.container.as_deref(), Some(r##"<div class="story-body">"##));
    assert_eq!(page.blocks[0].hint, Hint::Outside);
    assert_eq!(page.blocks[1].hint, Hint::Article);

    // A standfirst outside the article body keeps the whole <article> as the container.
    let page = extract(
        r##"<article><header><p class="standfirst">Aid arrives.</p></header><div class="article-body"><p>A long first paragraph.</p></div></article>"##,
    );
    assert_eq!(page.container.as_deref(), Some("<article>"));
    assert_eq!(page.blocks[0].hint, Hint::Standfirst, "its class says what it is");

    // Without any candidate, the element whose own paragraphs hold most text is the container.
    let page = extract("<div id=top><a>Home</a></div><div id=content><p>One paragraph.</p><p>Two.</p></div>");
    assert_eq!(
        page.blocks.iter().map(|b| b.hint.clone()).collect::<Vec<_>>(),
        [Hint::Outside, Hint::Article, Hint::Article]
    );
}

#[test]
fn captions_with_credit_offsets() {
    let html = r##"<article><p>Body text here.</p>
        <figure><img src="a.jpg" alt="not text"><figcaption>Residents queue for water. <span class="credit">Photo: Jane Roe/AP</span></figcaption></figure>
        <figure><img src="b.jpg"><figcaption>No credit here</figcaption></figure>
        <figure><img src="c.jpg"><span class="caption">Split caption</span> <span class="image-credit">REUTERS</span></figure>
        </article>"##;
    let got = lines(html);
    assert_eq!(
        got[1..],
        [
            (s("Residents queue for water. Photo: Jane Roe/AP"), Hint::Caption { credit_start: Some(27) }),
            (s("No credit here"), Hint::Caption { credit_start: None }),
            (s("Split caption"), Hint::Caption { credit_start: None }),
            (s("REUTERS"), Hint::Caption { credit_start: Some(0) }),
        ]
    );
    assert_eq!(&got[1].0[27..], "Photo: Jane Roe/AP");
}

#[test]
fn nested_comments_have_depth_and_parent() {
    let html = r##"<article><p>Story.</p></article>
        <div id="comments" class="comments-area">
          <h2>2 comments</h2>
          <ol class="comment-list">
            <li id="comment-1" class="comment byuser comment-author-admin depth-1">
              <article class="comment-body">
                <footer class="comment-meta">
                  <div class="comment-author vcard"><b class="fn">Alice</b> <span class="says">says:</span></div>
                  <div class="comment-metadata"><a href="#c1"><time datetime="2026-03-03T12:00">March 3, 2026 at 12:00</time></a></div>
                </footer>
                <div class="comment-content"><p>First!</p><p>Second paragraph.</p></div>
                <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>
              </article>
              <ol class="children">
                <li id="comment-2" class="comment depth-2">
                  <div class="comment-author">Bob</div>
                  <div class="comment-content"><p>A reply with a <a class="user mention" href="/u/alice">@Alice</a> mention.</p></div>
                  <span class="like-count">3 likes</span>
                </li>
              </ol>
            </li>
            <li id="comment-3" class="comment"><p>Top level again.</p></li>
          </ol>
        </div>"##;
    let c = |id, depth, parent, part| Hint::Comment { id, depth, parent, part };
    use CommentPart::*;
    assert_eq!(
        lines(html)[1..],
        [
            (s("2 comments"), aside("comments section")),
            (s("Alice says:"), c(0, 0, None, Author)),
            (s("March 3, 2026 at 12:00"), c(0, 0, None, Time)),
            (s("First!"), c(0, 0, None, Text)),
            (s("Second paragraph."), c(0, 0, None, Text)),
            (s("Reply"), c(0, 0, None, Controls)),
            (s("Bob"), c(1, 1, Some(0), Author)),
            (s("A reply with a @Alice mention."), c(1, 1, Some(0), Text)),
            (s("3 likes"), c(1, 1, Some(0), Controls)),
            (s("Top level again."), c(2, 0, None, Text)),
        ]
    );
}

#[test]
fn inline_roles_get_own_lines_only_outside_running_text() {
    let html = r##"<article>
        <div class="meta"><span class="byline">By Jane Doe</span><span class="date">May 1, 2026</span></div>
        <p>Talks resumed <time datetime="2026-05-01">on Friday</time> in Geneva.</p>
        <p>Written by <a rel="author" href="/jane">Jane Doe</a></p>
        <p>Tags: <a class="related-link">Quakes</a></p>
        </article>"##;
    assert_eq!(
        lines(html),
        [
            (s("By Jane Doe"), Hint::Byline),
            (s("May 1, 2026"), Hint::Time { datetime: None }),
            (s("Talks resumed on Friday in Geneva."), Hint::Article),
            (s("Written by Jane Doe"), Hint::Article),
            (s("Tags: Quakes"), Hint::Article),
        ]
    );
}

#[test]
fn class_names_match_whole_words() {
    // "header" holds "ad", "candidate" holds "date", "shadow" holds "ad": none of them is a role.
    let html = r##"<article>
        <div class="header-block"><p>First paragraph of the story.</p></div>
        <p class="candidate-shadow">Second paragraph.</p>
        <div class="no-ads"><p>Third paragraph.</p></div>
        <div class="c-article__ad-slot">Advertisement</div>
        </article>"##;
    assert_eq!(
        lines(html),
        [
            (s("First paragraph of the story."), Hint::Article),
            (s("Second paragraph."), Hint::Article),
            (s("Third paragraph."), Hint::Article),
            (s("Advertisement"), aside("advertisement")),
        ]
    );
    // A name listing what an element holds is not furniture when it lists article content.
    let page = extract(
        r##"<article><p>Story.</p><div class="byline-and-share">By Ann Lee</div><div class="share-byline">By Ann Lee</div></article>"##,
    );
    assert_eq!(page.blocks[1].hint, Hint::Byline);
    assert_eq!(page.blocks[2].hint, Hint::Byline);
    // A wrapper whose class names a role is not furniture when it holds the article.
    let page = extract(r##"<div class="share-wrapper"><article><p>Story text.</p></article></div>"##);
    assert_eq!(page.blocks[0].hint, Hint::Article);
}

#[test]
fn meta_from_head_and_json_ld() {
    let html = r##"<!DOCTYPE html><html lang="en-GB"><head>
        <title>Quake aid reaches coastal towns | The Daily</title>
        <meta property="og:site_name" content="The Daily">
        <meta name="description" content="Aid  convoys reached towns.">
        <meta property="article:author" content="https://example.com/jane">
        <meta name="author" content="Jane Doe and John Roe">
        <link rel="canonical" href="https://example.com/quake">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "@id": "https://example.com/quake#page"},
          {"@type": ["NewsArticle"], "headline": "Quake aid", "datePublished": "2026-03-03T10:00:00+00:00",
           "dateModified": "2026-03-04", "author": [{"@type": "Person", "name": "Jane Doe"}, {"@id": "#john"}],
           "publisher": {"@id": "#org"}},
          {"@type": "Person", "@id": "#john", "name": "John Roe"},
          {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Daily Media Group"}
        ]}
        </script>
        </head><body><p>Text.</p></body></html>"##;
    let page = extract(html);
    assert_eq!(
        page.meta,
        HtmlMeta {
            title: Some(s("Quake aid reaches coastal towns")),
            site_name: Some(s("The Daily")),
            published: Some(s("2026-03-03T10:00:00+00:00")),
            modified: Some(s("2026-03-04")),
            authors: vec![s("Jane Doe"), s("John Roe")],
            description: Some(s("Aid convoys reached towns.")),
            url: Some(s("https://example.com/quake")),
            language: Some(s("en-GB")),
        }
    );
    assert_eq!(page.text, "Text.");
    assert_eq!(page.scripts_skipped, 1);
}

#[test]
fn meta_fallbacks() {
    let html = r##"<html><head>
        <meta property="og:title" content="OG title">
        <meta name="twitter:title" content="Twitter title">
        <meta name="application-name" content="Site">
        <meta name="dc.date" content="2013-04-25">
        <meta property="article:author" content="Ann Lee">
        <meta name="author" content="Someone Else">
        <meta property="og:url" content="https://example.com/a">
        <script type="application/ld+json">{ "broken": </script>
        </head><body><article><p>x</p></article></body></html>"##;
    let meta = extract(html).meta;
    assert_eq!(meta.title.as_deref(), Some("OG title"));
    assert_eq!(meta.site_name.as_deref(), Some("Site"));
    assert_eq!(meta.published.as_deref(), Some("2013-04-25"));
    assert_eq!(meta.authors, [s("Ann Lee")]);
    assert_eq!(meta.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(meta.language, None);
}

#[test]
fn malformed_html_still_reads() {
    assert_eq!(texts("<p>unclosed <b>bold <i>both</p><p>next"), ["unclosed bold both", "next"]);
    assert_eq!(texts("<div><p>truncated tag <a href=\"x"), ["truncated tag"]);
    assert_eq!(texts("text before any tag</div></span>"), ["text before any tag"]);
    assert_eq!(
        texts("<table><p>foster parented</p><tr><td>cell</td></tr></table>"),
        ["foster parented", "cell"]
    );
    let deep = "<div>".repeat(100) + "deep" + &"</div>".repeat(100);
    assert_eq!(texts(&deep), ["deep"]);
    assert_eq!(texts(""), Vec::<String>::new());
    assert_eq!(texts("\u{0}\u{1}<\u{7f}>\u{fffd}"), ["\u{1}<\u{7f}>\u{fffd}"]);
}

#[test]
fn large_inputs_do_not_explode() {
    let plain = "word ".repeat(200_000);
    let page = extract(&plain);
    assert_eq!(page.blocks.len(), 1);
    assert_eq!(page.text.len(), plain.trim_end().len());

    // The parser's tree construction is quadratic in nesting depth; 2,000 levels is far past real pages.
    let deep = "<div><span class=\"byline\">".repeat(2_000) + "x";
    let page = extract(&deep);
    assert_eq!(page.text, "x");
}

#[test]
fn sniffing_html() {
    for yes in [
        "<!DOCTYPE html><html><body>x</body></html>",
        "\u{feff}  <!doctype HTML>",
        "<html lang=en>",
        "<?xml version=\"1.0\"?>\n<!-- saved -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<meta charset=utf-8><title>X</title><p>text",
        "<div class=story><p>Hello</p></div>",
        "Saved page<br>\n<div>One</div><div>Two</div>",
    ] {
        assert!(looks_like_html(yes), "{yes:?} is HTML");
    }
    for no in [
        "",
        "Quake aid reaches coastal towns\n\nBy Jane Doe\n\nThe <b> tag was once used for bold text, officials said.",
        "Plain text with one <p> in it and a <div in another sentence.",
        "<Reuters> - Markets fell on Monday.",
        "a < b and c > d",
        "<b>Breaking</b> news: the vote was delayed.",
    ] {
        assert!(!looks_like_html(no), "{no:?} is not HTML");
    }
}

#[test]
fn noscript_and_headers_outside_the_article() {
    let html = r##"<body><div class="site-header">Masthead</div>
        <main><article><header><h1>Headline</h1></header><p>Body.</p><footer>Article footer</footer>
        <noscript>Enable JavaScript for the video.</noscript></article></main>
        <p>Stray text.</p></body>"##;
    assert_eq!(
        lines(html),
        [
            (s("Masthead"), Hint::PageHeader),
            (s("Headline"), Hint::Heading { level: 1, in_article: true }),
            (s("Body."), Hint::Article),
            (s("Article footer"), Hint::Article),
            (s("Enable JavaScript for the video."), Hint::Outside),
            (s("Stray text."), Hint::Outside),
        ]
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Pieces of HTML, well formed or not, to glue together.
    fn piece() -> impl Strategy<Value = String> {
        let tags = prop::sample::select(vec![
            "p",
            "div",
            "span",
            "b",
            "a",
            "li",
            "ul",
            "article",
            "main",
            "aside",
            "nav",
            "header",
            "footer",
            "figure",
            "figcaption",
            "time",
            "section",
            "h1",
            "h3",
            "table",
            "td",
            "tr",
            "pre",
            "br",
            "noscript",
            "script",
            "style",
            "template",
            "svg",
            "em",
            "blockquote",
            "iframe",
            "select",
            "option",
        ]);
        let classes = prop::sample::select(vec![
            "",
            " class=\"comments\"",
            " class=\"comment\"",
            " class=\"comment-author\"",
            " class=\"byline\"",
            " class=\"caption\"",
            " class=\"credit\"",
            " class=\"related\"",
            " class=\"article-body\"",
            " id=\"comment-1\"",
            " class=\"reply\"",
            " datetime=\"2026\"",
            " onclick=\"x()\"",
            " class=\"date\"",
        ]);
        prop_oneof![
            (tags.clone(), classes).prop_map(|(t, c)| format!("<{t}{c}>")),
            tags.prop_map(|t| format!("</{t}>")),
            "[a-z \n\t]{0,12}".prop_map(|s| s),
            prop::sample::select(vec![
                "&amp;",
                "&nbsp;",
                "&#0;",
                "&bogus;",
                "<",
                ">",
                "<!--",
                "-->",
                "<!DOCTYPE html>",
                "é",
                "\u{0}",
                "\r\n"
            ])
            .prop_map(str::to_owned),
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn extract_keeps_its_invariants(pieces in prop::collection::vec(piece(), 0..40)) {
            let html = pieces.concat();
            let page = extract(&html);
            assert_consistent(&page);
            looks_like_html(&html);
        }

        #[test]
        fn script_text_never_leaks(pieces in prop::collection::vec(piece(), 0..20), at in 0usize..20) {
            let mut pieces = pieces;
            let at = at.min(pieces.len());
            // The quote and `>` end whatever tag or bogus comment a piece left open, as a browser would.
            pieces.insert(at, "'\">--><script>SECRETCODE</script><style>SECRETSTYLE</style>".to_owned());
            let page = extract(&pieces.concat());
            prop_assert!(!page.text.contains("SECRET"), "{:?}", page.text);
        }
    }
}
