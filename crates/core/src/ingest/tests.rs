use super::*;

/// The sections of `doc` as (kind, trimmed text), blank sections left out.
fn sections(doc: &Document) -> Vec<(SectionKind, String)> {
    doc.sections
        .iter()
        .filter(|s| s.kind != SectionKind::Blank)
        .map(|s| (s.kind, doc.section_text(s).trim().to_owned()))
        .collect()
}

fn assert_tiles(doc: &Document) {
    let mut at = 0;
    for s in &doc.sections {
        assert_eq!(s.start, at, "gap or overlap before {s:?}");
        assert!(s.end > s.start, "empty section {s:?}");
        at = s.end;
    }
    assert_eq!(at as usize, doc.text.len(), "sections do not reach the end of the text");
}

const WIRE: &str = "\
Home | World | Business

Quake aid reaches coastal towns as roads reopen

By Jane Doe

LIMA (AFP) - Aid convoys reached the worst-hit coastal towns on Tuesday after engineers reopened the main highway, officials said.

\"We are working day and night,\" said the regional governor, who asked residents to stay away from damaged buildings.

Rescue teams from three countries joined the search. The death toll stood at 41.

Residents queue for water in Pisco on March 3, 2026. REUTERS/Jane Roe

Additional reporting by Carlos Ruiz; Editing by Tom Smith

Most Read
Ten things to do this weekend
Share
";

#[test]
fn wire_story() {
    let doc = ingest("wire.txt", WIRE.as_bytes());
    assert_tiles(&doc);
    assert_eq!(doc.id, "wire");
    assert_eq!(
        sections(&doc),
        [
            (SectionKind::Furniture, "Home | World | Business".to_owned()),
            (SectionKind::Headline, "Quake aid reaches coastal towns as roads reopen".to_owned()),
            (SectionKind::Byline, "By Jane Doe".to_owned()),
            (SectionKind::Body, "LIMA (AFP) - Aid convoys reached the worst-hit coastal towns on Tuesday after engineers reopened the main highway, officials said.".to_owned()),
            (SectionKind::Body, "\"We are working day and night,\" said the regional governor, who asked residents to stay away from damaged buildings.".to_owned()),
            (SectionKind::Body, "Rescue teams from three countries joined the search. The death toll stood at 41.".to_owned()),
            (SectionKind::Caption, "Residents queue for water in Pisco on March 3, 2026. REUTERS/Jane Roe".to_owned()),
            (SectionKind::Credit, "Additional reporting by Carlos Ruiz; Editing by Tom Smith".to_owned()),
            (SectionKind::Furniture, "Most Read".to_owned()),
            (SectionKind::Furniture, "Ten things to do this weekend".to_owned()),
            (SectionKind::Furniture, "Share".to_owned()),
        ]
    );
    let outlet = doc.meta.outlet.as_ref().expect("outlet");
    assert_eq!(outlet.value, "Agence France-Presse");
    assert_eq!(outlet.evidence.rule, "wire dateline");
    assert_eq!(
        doc.meta.headline.as_ref().map(|h| h.value.as_str()),
        Some("Quake aid reaches coastal towns as roads reopen")
    );
    // The only full date is in a caption: used, and flagged as a guess.
    assert_eq!(doc.meta.published.as_ref().map(|d| d.value.as_str()), Some("2026-03-03"));
    assert!(doc.diagnostics.iter().any(|d| d.code == "meta.date_guessed"));
    assert_eq!(doc.meta.byline.as_ref().map(|b| b.value.clone()), Some(vec!["Jane Doe".to_owned()]));
    assert_eq!(doc.meta.dateline.as_ref().map(|d| d.value.as_str()), Some("Lima"));
}

#[test]
fn bylines_name_authors_not_outlets() {
    assert_eq!(
        byline_authors("By Jane Doe, John O'Brien and Ann-Marie Lee, Reuters"),
        ["Jane Doe", "John O'Brien", "Ann-Marie Lee"]
    );
    assert_eq!(byline_authors("Carol Pearson"), ["Carol Pearson"]);
    assert!(byline_authors("By staff").is_empty());
    assert!(!is_byline("Breaking News Today Now Here"));
    assert!(!is_byline("NATO SUMMIT"));
}

#[test]
fn datelines() {
    assert_eq!(dateline_place("MOSCOW (Reuters) - Talks began."), Some(("MOSCOW", 6)));
    assert_eq!(dateline_place("ST. PETERSBURG, Russia — Police said."), Some(("ST. PETERSBURG", 14)));
    assert_eq!(dateline_place("MOSCOW • Russian President said."), Some(("MOSCOW", 6)));
    assert_eq!(dateline_place("The U.S. (and others) - said"), None);
    assert_eq!(title_case("ST. PETERSBURG"), "St. Petersburg");
    assert_eq!(title_case("ABU DHABI"), "Abu Dhabi");
}

#[test]
fn standfirst_between_headline_and_dateline() {
    let page = "Leaders meet to cut emissions\n\nA summit that many hoped would break the deadlock ends with modest pledges\n\nBy Ana Silva\n\nBONN (dpa) - Leaders agreed on Friday to cut emissions faster, officials said.\n";
    let doc = ingest("s.txt", page.as_bytes());
    assert_eq!(
        doc.meta.standfirst.as_ref().map(|s| s.value.as_str()),
        Some("A summit that many hoped would break the deadlock ends with modest pledges")
    );
    assert_eq!(doc.meta.byline.as_ref().map(|b| b.value.clone()), Some(vec!["Ana Silva".to_owned()]));
    assert_eq!(doc.meta.dateline.as_ref().map(|d| d.value.as_str()), Some("Bonn"));
    assert_eq!(doc.meta.outlet.as_ref().map(|o| o.value.as_str()), Some("Deutsche Presse-Agentur"));
}

const MASTHEAD: &str = "\
Deutsche Welle
Skip to main content
Published 12 January 2024

Flooding forces thousands from homes in Saxony

Thousands of people left their homes in eastern Germany as rivers burst their banks after a week of rain.
Thousands of people left their homes in eastern Germany as rivers burst their banks after a week of rain. Photo: dpa

The state government said the army would help to reinforce dykes along the Elbe.

Comments
Anna: Stay safe everyone, this is terrible news for the whole region.
";

#[test]
fn masthead_timestamp_caption_and_comment_tail() {
    let doc = ingest("dw-floods.html.txt", MASTHEAD.as_bytes());
    assert_tiles(&doc);
    assert_eq!(doc.id, "dw-floods-html");
    let outlet = doc.meta.outlet.as_ref().expect("outlet");
    assert_eq!((outlet.value.as_str(), outlet.evidence.rule.as_str()), ("Deutsche Welle", "masthead"));
    let published = doc.meta.published.as_ref().expect("date");
    assert_eq!(
        (published.value.as_str(), published.evidence.rule.as_str()),
        ("2024-01-12", "page timestamp")
    );
    let got = sections(&doc);
    assert_eq!(got[0].0, SectionKind::Furniture);
    assert_eq!(got[1].0, SectionKind::Furniture);
    assert_eq!(got[2], (SectionKind::PageMeta, "Published 12 January 2024".to_owned()));
    assert_eq!(got[3].0, SectionKind::Headline);
    assert_eq!(got[4].0, SectionKind::Furniture, "the shorter copy of a caption is a duplicate");
    assert_eq!(got[5].0, SectionKind::Caption);
    assert_eq!(got[6].0, SectionKind::Body);
    assert_eq!(got[7].0, SectionKind::Furniture);
    assert_eq!(
        got[8].0,
        SectionKind::Furniture,
        "reader comments after a comment header are not article text"
    );
}

#[test]
fn print_edition_footer_names_outlet_and_date() {
    let page = "Ministers agree on new fishing quotas\n\nMinisters agreed on Monday to cut fishing quotas by a tenth, the agriculture ministry said in a statement.\n\nA version of this article appeared in the print edition of The Japan Times on March 9, 2021, with the headline 'Quotas cut'.\n";
    let doc = ingest("a.txt", page.as_bytes());
    assert_tiles(&doc);
    let outlet = doc.meta.outlet.as_ref().expect("outlet");
    assert_eq!(
        (outlet.value.as_str(), outlet.evidence.rule.as_str()),
        ("The Japan Times", "print-edition line")
    );
    assert_eq!(doc.meta.published.as_ref().map(|d| d.value.as_str()), Some("2021-03-09"));
}

#[test]
fn passing_mentions_and_credits_do_not_outweigh_the_publisher() {
    let page = "Talks resume in Geneva\n\nGENEVA (Reuters) - Talks resumed on Monday, the BBC and CNN reported, citing officials. The BBC said more talks were planned and CNN agreed.\n\nWith reporting by AP and AFP\n";
    let doc = ingest("b.txt", page.as_bytes());
    assert_eq!(doc.meta.outlet.as_ref().map(|o| o.value.as_str()), Some("Reuters"));
}

#[test]
fn no_year_is_said_not_guessed() {
    let page = "Minister resigns\n\nThe minister resigned on December 15 after a week of protests, the government said in a statement.\n";
    let doc = ingest("c.txt", page.as_bytes());
    assert!(doc.meta.published.is_none());
    let d = doc.diagnostics.iter().find(|d| d.code == "meta.no_date").expect("diagnostic");
    assert!(d.message.contains("without a year"), "{}", d.message);
}

#[test]
fn empty_binary_and_crlf_input() {
    let doc = ingest("empty.txt", b"");
    assert!(doc.sections.is_empty());
    assert!(doc.diagnostics.iter().any(|d| d.code == "input.empty"));

    let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
    let doc = ingest("blob.txt", &bytes);
    assert_tiles(&doc);
    assert!(doc.diagnostics.iter().any(|d| d.code == "input.binary"));

    let doc = ingest("crlf.txt", b"Storm hits the northern coast\r\n\r\nA storm hit the northern coast overnight, cutting power to thousands of homes.\r\n");
    assert_tiles(&doc);
    assert_eq!(doc.meta.headline.as_ref().map(|h| h.value.as_str()), Some("Storm hits the northern coast"));
}

#[test]
fn ids_from_names() {
    assert_eq!(id_from_name("pages/017_abc.txt"), "017_abc");
    assert_eq!(id_from_name("C:\\docs\\my story (1).html"), "my-story--1-");
    assert_eq!(id_from_name(".txt"), "-txt");
    assert_eq!(id_from_name(""), "document");
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever the bytes, the sections tile the decoded text.
        #[test]
        fn sections_tile_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let doc = ingest("x.txt", &bytes);
            assert_tiles(&doc);
        }

        /// Line-shaped text made of words, dates, outlet names and furniture phrases tiles too.
        #[test]
        fn sections_tile_page_like_text(lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                Just("Share".to_owned()),
                Just("MOSCOW (Reuters) - The talks went on.".to_owned()),
                Just("April 20, 2013 / 6:22 PM".to_owned()),
                Just("Comments".to_owned()),
                Just("Editing by Someone".to_owned()),
                "[A-Za-z ,.\"“”’-]{0,120}",
            ],
            0..40,
        ), crlf in any::<bool>()) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let doc = ingest("y.txt", text.as_bytes());
            prop_assert_eq!(&doc.text, &text);
            assert_tiles(&doc);
        }

        /// The case-insensitive search finds what searching the lowercased text finds.
        #[test]
        fn case_insensitive_find_is_find_in_lowercase(
            text in "[A-Za-z :,.éÉ’]{0,80}",
            needle in prop_oneof![
                Just(" says:"), Just("ago"), Just("comment"), Just("print edition of"), Just("a"), Just(""),
            ],
        ) {
            prop_assert_eq!(find_ignore_ascii_case(&text, needle), text.to_ascii_lowercase().find(needle));
        }

        /// A line normalised on the stack is the line `normalise_into` writes.
        #[test]
        fn normalising_on_the_stack_is_normalising(text in "[A-Za-z \t\u{b}\u{a0}é.]{0,140}") {
            let mut expected = String::new();
            normalise_into(&text, &mut expected);
            prop_assert_eq!(with_normalised(&text, str::to_owned), expected);
        }

        /// The pieces and photo credit marks found by one search of the page are those a search of each
        /// trimmed line finds.
        #[test]
        fn pieces_of_the_page_are_those_of_each_line(lines in proptest::collection::vec(
            prop_oneof![
                Just(" All rights reserved. ".to_owned()),
                Just("PHOTO: Jane Doe/AFP/Getty Images".to_owned()),
                Just("\tthe print edition of  ".to_owned()),
                Just("editiontributed AP Photo".to_owned()),
                Just("REUTERS/".to_owned()),
                "[A-Za-z /:é\u{a0}]{0,30}",
            ],
            0..12,
        ), crlf in any::<bool>()) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let lines = split_lines(&text);
            for (line, f) in lines.iter().zip(facts::of_lines(&text, &lines)) {
                let trimmed = &text[line.start + f.lead..line.start + f.lead + f.len];
                prop_assert_eq!(f.markers(), facts::Pieces::of(trimmed));
            }
        }

        /// One look at each colon finds each "says:" verb where the case-insensitive search does.
        #[test]
        fn says_verbs_are_found_where_the_search_finds_them(
            text in "[A-Za-z :,.é]{0,40}( (says|SAID|wrote|Commented|said|Says):[a-z :]{0,8}){0,3} ?",
        ) {
            let lines = split_lines(&text);
            let facts = facts::of_lines(&text, &lines);
            let t = text.trim();
            for (verb, at) in comments::SAYS.iter().zip(comments::first_says(t, &facts[0])) {
                prop_assert_eq!(at, find_ignore_ascii_case(t, verb));
            }
        }

        /// Word counts match `split_whitespace` up to the limit, whatever the characters.
        #[test]
        fn word_counts_match_split_whitespace_up_to_the_limit(
            text in "[A-Za-z0-9 \t\u{1}\u{a0}\u{2003}\u{3000}é’.,]{0,100}",
            limit in 1usize..30,
        ) {
            prop_assert_eq!(count_words(&text, limit), text.split_whitespace().count().min(limit));
        }
    }
}

#[test]
fn word_counts_match_split_whitespace() {
    for s in [
        "",
        " ",
        "one",
        " two  words ",
        "a\u{a0}b",
        "x\u{2003}y\u{3000}z",
        "tab\tand\nnewline",
        "é ü ß",
        "\u{85}n",
    ] {
        assert_eq!(words(s), s.split_whitespace().count(), "{s:?}");
        for n in 0..4 {
            assert_eq!(words_at_most(s, n), s.split_whitespace().count() <= n, "{s:?} {n}");
        }
    }
}

#[test]
fn dates_without_a_year_and_relative_dates_resolve_against_the_publication_date() {
    let page = "Ferry strike ends after a week\n\nMarch 5, 2019\n\nOSLO (Reuters) - Ferry crews returned to work yesterday after a strike that began on Monday, February 25, the union said.\n\nTalks resume on March 12, officials said.\n";
    let doc = ingest("f.txt", page.as_bytes());
    assert_eq!(doc.meta.published.as_ref().map(|p| p.value.as_str()), Some("2019-03-05"));
    let found: Vec<(&str, &str, &str)> = doc
        .dates
        .iter()
        .map(|d| (&doc.text[d.start as usize..d.end as usize], d.value.as_str(), d.rule.as_str()))
        .collect();
    assert!(found.contains(&("March 5, 2019", "2019-03-05", "as printed")), "{found:?}");
    assert!(found.contains(&("yesterday", "2019-03-04", "relative to the publication date")), "{found:?}");
    assert!(
        found.iter().any(|(_, v, r)| *v == "2019-02-25" && *r == "year from the publication date"),
        "{found:?}"
    );
    assert!(found.contains(&("March 12", "2019-03-12", "year from the publication date")), "{found:?}");
}
