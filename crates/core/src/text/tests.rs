use super::*;

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

/// Checks the sentences of a text written with each expected sentence between `⟦` and `⟧`: the text
/// segmented is `marked` without the markers, and the result, marked the same way, must equal `marked`.
/// Also checks the invariants of [`assert_well_formed`].
#[track_caller]
fn check(marked: &str) {
    let text: String = marked.chars().filter(|&c| c != OPEN && c != CLOSE).collect();
    let (tokens, sentences) = segment(&text, 0);
    assert_well_formed(&text, 0, &tokens, &sentences);
    let mut actual = String::new();
    let mut at = 0;
    for s in &sentences {
        actual.push_str(&text[at..s.start as usize]);
        actual.push(OPEN);
        actual.push_str(&text[s.start as usize..s.end as usize]);
        actual.push(CLOSE);
        at = s.end as usize;
    }
    actual.push_str(&text[at..]);
    assert_eq!(actual, marked);
}

/// The tokens of `text`, each as its text and a letter for its kind (`W`ord, `N`umber, `P`unct, `Q`uote),
/// separated by spaces.
fn tokens(text: &str) -> String {
    segment(text, 0)
        .0
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TokenKind::Word => 'W',
                TokenKind::Number => 'N',
                TokenKind::Punct => 'P',
                TokenKind::Quote => 'Q',
            };
            format!("{}/{kind}", &text[t.start as usize..t.end as usize])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tokens are non-empty, in order, non-overlapping, on char boundaries, without surrounding whitespace,
/// and each inside exactly one sentence; sentences are in order, non-overlapping, span their tokens
/// exactly and together hold every token.
#[track_caller]
fn assert_well_formed(text: &str, base: u32, tokens: &[Token], sentences: &[Sentence]) {
    let local = |at: u32| (at - base) as usize;
    let mut previous_end = base;
    for t in tokens {
        assert!(t.start >= previous_end && t.end > t.start, "token out of order or empty: {t:?}");
        let (start, end) = (local(t.start), local(t.end));
        let slice = text.get(start..end).expect("token on char boundaries and inside the text");
        assert!(
            !slice.starts_with(char::is_whitespace) && !slice.ends_with(char::is_whitespace),
            "{slice:?}"
        );
        previous_end = t.end;
    }
    let mut next_token = 0;
    let mut previous_end = base;
    for s in sentences {
        assert!(s.start >= previous_end && s.end > s.start, "sentence out of order or empty: {s:?}");
        assert_eq!(s.tokens.start, next_token, "sentences do not take the tokens in turn");
        assert!(s.tokens.end > s.tokens.start, "sentence without tokens: {s:?}");
        let first = tokens[s.tokens.start as usize];
        let last = tokens[s.tokens.end as usize - 1];
        assert_eq!((s.start, s.end), (first.start, last.end), "sentence does not span its tokens");
        next_token = s.tokens.end;
        previous_end = s.end;
    }
    assert_eq!(next_token as usize, tokens.len(), "tokens after the last sentence");
}

/// The word and number tokens [`segment`] gives, as spans.
fn word_tokens(text: &str, base: u32) -> Vec<(u32, u32)> {
    let (tokens, _) = segment(text, base);
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| (t.start, t.end))
        .collect()
}

#[test]
fn words_without_sentences_are_the_segmented_words() {
    let text =
        "WASHINGTON (AP) — U.S. officials said... \"It's 3.5%!\" Mr. Smith’s 2nd visit?! 日本 Ж\u{301}.";
    let found: Vec<(u32, u32)> = words(text, 7).collect();
    assert_eq!(found, word_tokens(text, 7));
    let shown: Vec<&str> = found.iter().map(|&(a, b)| &text[a as usize - 7..b as usize - 7]).collect();
    assert_eq!(shown[..4], ["WASHINGTON", "AP", "U.S", "officials"]);
    assert!(shown.contains(&"3.5") && shown.contains(&"2nd") && !shown.contains(&"."));
    assert_eq!(words("", 0).count(), 0);
}

#[test]
fn empty_and_blank() {
    check("");
    check("   \n\t ");
    assert_eq!(segment("", 7), (vec![], vec![]));
}

#[test]
fn plain_sentences() {
    check("⟦The talks ended.⟧ ⟦Both sides left.⟧");
    check("⟦Where now?⟧ ⟦Nobody knows!⟧ ⟦Really?!⟧ ⟦Yes.⟧");
}

#[test]
fn no_final_punctuation() {
    check("⟦The talks ended⟧");
    check("  ⟦The talks ended.⟧ ⟦Both sides left without a deal⟧  ");
}

#[test]
fn whitespace_and_newlines_belong_to_no_sentence() {
    check("  ⟦One.⟧\n  ⟦Two.⟧\t\t⟦Three.⟧\r\n");
}

#[test]
fn paragraph_break_ends_a_sentence() {
    check("⟦Talks collapse in Geneva⟧\n\n⟦Negotiators left on Friday.⟧");
    check("⟦A line broken\nin the middle.⟧");
}

#[test]
fn titles_never_end_a_sentence() {
    check("⟦Mr. Smith went to Washington.⟧ ⟦He said so.⟧");
    check("⟦Mrs. Jones met Dr. Patel and Prof. Lee.⟧ ⟦Gen. Milley and Lt. Col. Vindman agreed.⟧");
    check("⟦Sen. Warren, Rep. Ocasio-Cortez and Gov. Newsom spoke.⟧");
}

#[test]
fn abbreviations_end_a_sentence_only_before_a_starter() {
    check("⟦He works for Acme Inc. in Ohio.⟧");
    check("⟦He works for Acme Inc.⟧ ⟦The company declined to comment.⟧");
    check("⟦The church on St. Mark's Square in St. Louis, Mo. reopened.⟧");
    check("⟦They moved to Main St.⟧ ⟦It was quiet.⟧");
    check("⟦Martin Luther King Jr. spoke.⟧");
    check("⟦Apples, pears, etc. were sold.⟧ ⟦Oranges, lemons etc.⟧ ⟦But no limes.⟧");
    check("⟦Some towns, e.g. Bakhmut, i.e. the front, fell.⟧");
    check("⟦Roe vs. Wade was overturned.⟧");
}

#[test]
fn months() {
    check("⟦The vote is on Jan. 5 and the count on Feb. 12.⟧ ⟦It ends Sept. 30.⟧");
    check("⟦Prices rose in Aug. and Oct. but fell in Nov.⟧ ⟦The bank said so.⟧");
}

#[test]
fn numeric_abbreviations() {
    check("⟦He lives at No. 10 Downing Street.⟧");
    check("⟦The answer was No.⟧ ⟦Talks ended.⟧");
}

#[test]
fn acronyms_and_initials() {
    check("⟦The U.S. and the U.K. backed the U.N. plan.⟧");
    check("⟦J.F. Kennedy and J. Edgar Hoover met E.U. officials.⟧");
    check("⟦Troops left the U.S.-led base.⟧");
}

#[test]
fn acronym_then_sentence_starter_splits() {
    check("⟦He arrived in the U.S.⟧ ⟦The next day he left.⟧");
    check("⟦Talks were held in the U.K.⟧ ⟦But no deal was made.⟧");
    check("⟦They met at 5 p.m.⟧ ⟦It rained.⟧");
    // Not a starter: the acronym's full stop is taken for an abbreviation (a known limit).
    check("⟦He arrived in the U.S. Congress met later.⟧");
}

#[test]
fn datelines_belong_to_the_first_sentence() {
    check("⟦BRASILIA (Reuters) - Lula said talks would go on.⟧ ⟦He gave no date.⟧");
    check("⟦BRASILIA • Brazilian President Luiz Lula said on Friday that talks would go on.⟧");
    check("⟦ST. LOUIS (Reuters) - The river rose.⟧");
    check("⟦WASHINGTON, D.C. — The Senate voted.⟧");
    check("⟦LONDON, Jan. 5 (AFP) -- Prices fell.⟧ ⟦Trade was thin.⟧");
    check("⟦NATO said the drill was over.⟧ ⟦The troops - all of them - left.⟧");
}

#[test]
fn numbers_and_decimals() {
    check("⟦Growth was 3.5 percent, or $2.3 billion, up from 1,000 units.⟧ ⟦It fell 0.5.⟧");
    check("⟦Sales grew in 2019.⟧ ⟦2020 was worse.⟧");
    assert_eq!(tokens("$2.3 billion, 1,000 and 3.5%"), "$/P 2.3/N billion/W ,/P 1,000/N and/W 3.5/N %/P");
}

#[test]
fn ellipses() {
    check("⟦He paused... then went on.⟧ ⟦Then… nothing.⟧");
    check("⟦He paused...⟧ ⟦Nobody spoke.⟧ ⟦We waited…⟧ ⟦The door opened.⟧");
    check("⟦The law says that ... 2 members are needed.⟧");
    assert_eq!(tokens("Wait... what?!"), "Wait/W .../P what/W ?!/P");
}

#[test]
fn question_and_exclamation_runs() {
    check("⟦What?!⟧ ⟦You did what??⟧ ⟦Unbelievable!!!⟧ ⟦OK.⟧");
    check("⟦\"Why?\" he asked.⟧ ⟦\"Because!\" she said.⟧");
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    check("⟦He said: \"We will win.\"⟧ ⟦Then he left.⟧");
    check("⟦She wrote “It is over.”⟧ ⟦Nobody replied.⟧");
    check("⟦He asked ‘Why not?’⟧ ⟦She shrugged.⟧");
    check("⟦(The vote was close.)⟧ ⟦It passed.⟧");
    check("⟦He shouted “Stop!”.⟧ ⟦They stopped.⟧");
}

#[test]
fn a_quote_over_several_sentences_keeps_them_apart() {
    check("⟦“We will fight.⟧ ⟦We will not give up.⟧ ⟦We never have,” he said.⟧");
    check("⟦\"It is late.⟧ ⟦Go home.\"⟧ ⟦She went.⟧");
}

#[test]
fn unknown_abbreviation_before_lowercase_or_comma() {
    check("⟦It weighs approx. three tonnes.⟧ ⟦Roughly.⟧");
    check("⟦The firm (est., 1990) grew.⟧");
}

#[test]
fn non_ascii_text() {
    check("⟦Émile Zoë à Genève a dit non.⟧ ⟦Ça suffit!⟧ ⟦Wirklich?⟧");
    check("⟦Путин заявил, что переговоры продолжатся.⟧ ⟦Дата не названа.⟧");
    check("⟦会谈结束了。⟧⟦双方离开。⟧");
    check("⟦Naïve café owners cheered.⟧ ⟦“Voilà,” said Zoë.⟧");
}

#[test]
fn token_kinds() {
    assert_eq!(
        tokens("Mr. O'Neil's “U.S.” don’t 2nd ‘x’ - «oui»"),
        "Mr/W ./P O'Neil's/W “/Q U.S/W ./P ”/Q don’t/W 2nd/W ‘/Q x/W ’/Q -/P «/Q oui/W »/Q"
    );
}

#[test]
fn base_is_added_to_every_offset() {
    let text = "One. Two.";
    let (tokens, sentences) = segment(text, 100);
    assert_well_formed(text, 100, &tokens, &sentences);
    assert_eq!(tokens[0], Token { start: 100, end: 103, kind: TokenKind::Word });
    assert_eq!(
        sentences,
        [Sentence { start: 100, end: 104, tokens: 0..2 }, Sentence { start: 105, end: 109, tokens: 2..4 }]
    );
}

#[test]
fn abbreviation_table_is_well_formed() {
    let data_lines = ABBREVIATIONS.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
    assert_eq!(abbreviations().len(), data_lines, "a line of abbreviations.tsv is malformed or repeated");
    for (form, kind) in
        [("Mr", AbbreviationKind::Title), ("e.g", AbbreviationKind::Other), ("No", AbbreviationKind::Numeric)]
    {
        assert_eq!(abbreviations().get(form), Some(&kind), "{form}");
    }
}

/// Runs over a megabyte of prose; `cargo test --release` shows how long it takes (well under a second).
#[test]
fn segments_a_megabyte_of_prose() {
    const PARAGRAPH: &str = "BRASILIA (Reuters) - Brazilian President Luiz Lula said on Friday that talks with \
        the U.S. would go on. \"We are ready,\" he told reporters in St. Louis. The presidency's spokesman, \
        Paulo Neves, said Mr. Lula met Gen. Tomas Ribeiro on Jan. 5... Growth was 3.5 percent, or $2.3 \
        billion. Was it enough?! Nobody knows.\n\n";
    let text = PARAGRAPH.repeat(1_000_000 / PARAGRAPH.len() + 1);
    let (tokens, sentences) = segment(&text, 0);
    assert!(text.len() >= 1_000_000);
    let per_paragraph = segment(PARAGRAPH, 0).1.len();
    assert_eq!(per_paragraph, 6);
    assert_eq!(sentences.len(), per_paragraph * (1_000_000 / PARAGRAPH.len() + 1));
    assert!(tokens.len() > 150_000);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn find_byte_finds_the_first_target(
            bytes in proptest::collection::vec(any::<u8>(), 0..64),
            from in 0usize..70,
            fold in prop_oneof![Just(0u8), Just(0x20u8)],
            targets in proptest::array::uniform3(any::<u8>()),
        ) {
            let expected = bytes.get(from..).and_then(|rest| {
                rest.iter().position(|&b| targets.contains(&(b | fold))).map(|p| from + p)
            });
            prop_assert_eq!(find_byte(&bytes, from, fold, targets), expected);
        }

        #[test]
        fn find_digit_finds_the_first_digit(
            bytes in proptest::collection::vec(
                prop_oneof![any::<u8>(), b'/'..=b':', Just(0xB0u8), Just(0xB9u8)], 0..64),
            from in 0usize..70,
        ) {
            let expected =
                bytes.get(from..).and_then(|rest| rest.iter().position(u8::is_ascii_digit).map(|p| from + p));
            prop_assert_eq!(find_digit(&bytes, from), expected);
        }

        #[test]
        fn news_like_text_is_well_formed(
            text in "[A-Za-z0-9 .,;?!…\"“”‘’'()\\-—•$%\n\tÉéüß日本Ж\u{301}]{0,160}",
            base in 0u32..10_000,
        ) {
            let (tokens, sentences) = segment(&text, base);
            assert_well_formed(&text, base, &tokens, &sentences);
        }

        #[test]
        fn any_text_is_well_formed(text in any::<String>()) {
            let (tokens, sentences) = segment(&text, 0);
            assert_well_formed(&text, 0, &tokens, &sentences);
        }

        #[test]
        fn words_are_the_word_and_number_tokens(
            text in "[A-Za-z0-9 .,;?!…\"“”‘’'()\\-—•$%\n\tÉéüß日本Ж\u{301}]{0,160}",
            base in 0u32..10_000,
        ) {
            prop_assert_eq!(words(&text, base).collect::<Vec<_>>(), word_tokens(&text, base));
        }
    }
}
