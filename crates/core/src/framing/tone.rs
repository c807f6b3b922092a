//! Tone: how positive or negative a text reads, from the VADER sentiment lexicon.
//!
//! # Method
//!
//! This is our own implementation of the rules of VADER (Hutto, C.J. & Gilbert, E.E. (2014), "VADER: A
//! Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14), over its lexicon
//! (`data/vader_lexicon.tsv`) and its modifier words (`data/vader_modifiers.tsv`), both MIT-licensed by
//! C.J. Hutto. VADER was chosen over a trained model because it is small, needs no weights, runs the same
//! natively and in wasm, and every score can be explained word by word.
//!
//! A text is split into sentences by [`crate::text::segment`]; each sentence gets VADER's *compound*
//! score, computed as follows.
//!
//! 1. **Words.** The sentence is cut at Unicode word boundaries (UAX #29), so edge punctuation falls
//!    away and inner apostrophes stay (`isn't`, `don’t`, read as `don't`). Hyphenated words are kept
//!    whole (`self-confident`, `kind-of`, `anti-terror`), as in the reference, so a compound the
//!    lexicon does not list scores nothing. Words are looked up in lowercase.
//! 2. **Valence.** A word in the lexicon gets its mean human rating, -4..4 (`good` is 1.9). Booster
//!    words themselves score 0, as does `kind` in `kind of`.
//! 3. **Modifiers** in the three words before a sentiment word (only those not in the lexicon
//!    themselves): a booster adds 0.293 to its magnitude (`very good`), a dampener takes 0.293 off
//!    (`barely good`), scaled by 0.95 two words back and 0.9 three words back; a negation (`not`,
//!    `never`, any word with `n't`) multiplies the valence by -0.74. `no` negates the word after it and
//!    scores 0 itself; `never so good` is boosted by 1.25 instead of negated, `without doubt good` left
//!    alone, and `least good` (but not `at least good`) negated.
//! 4. **Emphasis.** A sentiment word or booster in ALL CAPS in a sentence that is not all caps gains
//!    0.733 in magnitude.
//! 5. **"But".** Valences before the first `but` count half, those after it one and a half times.
//! 6. **Sum and punctuation.** The valences are summed; each `!` (up to four) adds 0.292 to the sum's
//!    magnitude, and two or three `?` add 0.18 each (four or more, 0.96).
//! 7. **Normalisation.** The compound is `x / sqrt(x² + 15)`, in -1..1.
//!
//! [`Tone`] then averages the compounds of the sentences and counts the shares of positive
//! (compound `>= 0.05`), negative (`<= -0.05`) and neutral sentences, VADER's recommended thresholds.
//! Averaging sentence scores, rather than scoring the whole text as one, is how VADER's authors suggest
//! scoring paragraphs, and keeps one long sentence from outweighing the rest.
//!
//! The sentences in this module's tests, the examples of VADER's README among them, score the same as
//! the reference implementation (vaderSentiment 3.3.2, Python) to its four decimals, except the two
//! whose tests say why they differ (see below).
//!
//! # Differences from the reference implementation
//!
//! - **Tokens.** The reference splits at whitespace and strips ASCII punctuation from the ends of each
//!   token (but keeps it when two or fewer characters would remain, so `ok,` and `"No` stay as they
//!   are and score nothing); here words are Unicode words. So a word in curly quotes (`“threat”`) counts
//!   here and is lost there, `good/bad` and `Dallas,TX` are two words here and one token there, and a
//!   curly apostrophe reads as a straight one, so `can’t` negates here and not there. On the 332
//!   sentences of the built-in corpus, these are the only causes of difference (6 sentences).
//! - **No emoticons, emoji or number slang.** The reference reads `:-)` and `<3` and turns emoji into
//!   their names; news rarely uses them, and the word tokeniser cannot see them, so the data file leaves
//!   them out, with the digit-only codes (`187`) that in news are numbers.
//! - **No idioms.** The reference's special cases (`the bomb` and `the shit` at +3, `kiss of death`,
//!   `yeah right`) are left out on purpose: in news, "the bomb" is a bomb.
//! - **`never so`/`this`.** The reference multiplies a word by 1.25 whenever `so` or `this` stands right
//!   before it and the word three back is not in the lexicon, a slip in operator precedence in its
//!   `never so` check, so "this war" or "so bad" counts a quarter more; here only `never so`/`never this`
//!   does. "It was never so good." scores 0.5777 here, 0.6626 there.
//! - **Two-word dampeners** (`kind of`, `sort of`, `just enough`) act like one-word ones: on the word
//!   right after them or one further, in any position, with their sign turned against the word's
//!   valence. The reference adds -0.293 whatever the sign (so `sort of bad` gets *worse*), and only to
//!   a word that is at least the fourth of its sentence.
//! - **"But"** weights valences by position; the reference finds each valence by value in the list,
//!   which misplaces a repeated value in rare cases.
//!
//! # Limits on news text
//!
//! Treat the result as a rough signal for comparing outlets' reports of the same event, never as a
//! verdict on one article or on an outlet's bias.
//!
//! - **Built for social media.** The lexicon is general words (from LIWC, ANEW and the General
//!   Inquirer) plus chat slang and emoticons, each rated out of context by crowd workers, and VADER was
//!   tuned on tweets; it does not know the register of news. Chat abbreviations collide with news ones: `tx`
//!   (thanks, +1.5) and `nh` (+2.2) are also Texas and New Hampshire, `ha` (+1.4) is hectares.
//! - **The event, not the framing.** Hard news about violence is negative whoever writes it: `killed`
//!   (-3.5), `terrorist` (-3.7), `attack` (-2.1), `war` (-2.9), `crisis` (-3.1). Two outlets reporting
//!   the same attack differ in tone mostly through what else they include, so compare outlets on the
//!   same event, never across events.
//! - **Reported speech.** A quote carries the speaker's sentiment, not the outlet's: an article that
//!   quotes an angry official reads as angry. (The quote finder in [`crate::language`] marks quotes, so
//!   a caller can score narration and quotes apart.)
//! - **Domain words.** Many words that frame news are missing (`cooperation`, `deal`, `reform`,
//!   `regime`, `militants`, `victory`, `deaths`; there is no stemming, so `death` is in and `deaths` is
//!   not) or carry a general sense that is wrong here: `united` (+1.8) and `security` (+1.4) make "The
//!   United Nations Security Council met on Monday." read positive (0.64). Capitalised names are not
//!   told apart from words.
//! - **No irony, no distance.** Sarcasm, scare quotes ("the 'peace' plan") and hedges are read at face
//!   value; the hedge finder in [`crate::language`] says more about distance than tone does.
//! - **English only**, and sentence splitting errors (a headline glued to the first sentence) change
//!   what is averaged.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Tone of a text, from the lexicon.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Mean compound score of the scored sentences, -1..1 (VADER's normalisation).
    pub compound: f32,
    /// Shares of sentences that are positive (compound >= 0.05), negative (<= -0.05), neutral; they sum
    /// to 1 when sentences > 0.
    pub positive: f32,
    pub negative: f32,
    pub neutral: f32,
    /// How many sentences were scored.
    pub sentences: u32,
}

/// VADER's compound score of one sentence, -1..1: 0 for a sentence with no sentiment word, and for one
/// with no word at all.
pub fn sentence_compound(sentence: &str) -> f32 {
    score(sentence).unwrap_or(0.0) as f32
}

/// The tone of a text: split into sentences by [`crate::text::segment`], each scored, then aggregated
/// as [`tone_of_sentences`] does.
pub fn tone(text: &str) -> Tone {
    let (_, sentences) = crate::text::segment(text, 0);
    tone_of_sentences(sentences.iter().filter_map(|s| text.get(s.start as usize..s.end as usize)))
}

/// The tone of sentences already split. A sentence without a single word containing a letter (a number,
/// a row of symbols) is not scored and not counted; if none is scored, the tone is [`Tone::default`].
pub fn tone_of_sentences<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Tone {
    tone_of_scores(sentences.into_iter().filter_map(sentence_score))
}

/// VADER's compound score of one sentence, or `None` for a sentence without a word containing a letter,
/// which is not scored: for callers that score sentences once and aggregate them in several ways.
pub fn sentence_score(sentence: &str) -> Option<f32> {
    score(sentence).map(|s| s as f32)
}

/// The tone of sentences already scored by [`sentence_score`].
pub fn tone_of_scores(scores: impl IntoIterator<Item = f32>) -> Tone {
    let (mut sum, mut positive, mut negative, mut count) = (0.0f64, 0u32, 0u32, 0u32);
    for compound in scores.into_iter().map(f64::from) {
        sum += compound;
        count = count.saturating_add(1);
        if compound >= POSITIVE_THRESHOLD {
            positive = positive.saturating_add(1);
        } else if compound <= NEGATIVE_THRESHOLD {
            negative = negative.saturating_add(1);
        }
    }
    if count == 0 {
        return Tone::default();
    }
    let n = f64::from(count);
    let neutral = count - positive - negative;
    Tone {
        compound: (sum / n) as f32,
        positive: (f64::from(positive) / n) as f32,
        negative: (f64::from(negative) / n) as f32,
        neutral: (f64::from(neutral) / n) as f32,
        sentences: count,
    }
}

// The constants are the reference implementation's, "empirically derived" by Hutto & Gilbert (2014) from
// human ratings of modified sentences. They are not tuning knobs: changing one breaks the agreement with
// the reference that the tests check.

/// A booster adds this to a sentiment word's magnitude, a dampener takes it off.
const BOOSTER: f64 = 0.293;
/// A booster two or three words before the sentiment word counts this much of [`BOOSTER`].
const BOOSTER_DISTANCE: [f64; 3] = [1.0, 0.95, 0.9];
/// An ALL-CAPS sentiment word or booster, in a sentence that is not all caps, gains this in magnitude.
const CAPS: f64 = 0.733;
/// A negation multiplies the valence by this: it flips the sign and takes a quarter off.
const NEGATION: f64 = -0.74;
/// `never so good`: the valence is multiplied by this instead of negated.
const NEVER_SO: f64 = 1.25;
/// Weights of the valences before and after the first "but".
const BEFORE_BUT: f64 = 0.5;
const AFTER_BUT: f64 = 1.5;
/// Each `!` adds this to the sum's magnitude, for up to [`MAX_EXCLAMATIONS`] of them.
const EXCLAMATION: f64 = 0.292;
const MAX_EXCLAMATIONS: usize = 4;
/// Two or three `?` add this each; four or more add [`MANY_QUESTIONS`]. One adds nothing.
const QUESTION: f64 = 0.18;
const MANY_QUESTIONS: f64 = 0.96;
/// The normalisation's alpha, `x / sqrt(x² + alpha)`: about the largest sum VADER expects.
const ALPHA: f64 = 15.0;
/// VADER's recommended thresholds for calling a compound positive or negative (its README).
const POSITIVE_THRESHOLD: f64 = 0.05;
const NEGATIVE_THRESHOLD: f64 = -0.05;

const LEXICON: &str = include_str!("../../data/vader_lexicon.tsv");
const MODIFIERS: &str = include_str!("../../data/vader_modifiers.tsv");

/// What a modifier word does to the sentiment word after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Increment,
    Decrement,
    Negation,
}

/// The two tables, parsed once.
#[derive(Debug, Default)]
struct Vader {
    /// Mean valence by lowercase token.
    lexicon: HashMap<&'static str, f64>,
    /// One-word (and hyphenated) modifiers by lowercase word.
    modifiers: HashMap<&'static str, Modifier>,
    /// Two-word dampeners (`kind of`), as their two words.
    phrases: Vec<(&'static str, &'static str)>,
}

fn vader() -> &'static Vader {
    static CELL: OnceLock<Vader> = OnceLock::new();
    CELL.get_or_init(|| Vader::parse(LEXICON, MODIFIERS))
}

/// The data lines of a table: not blank, not a comment, split at tabs.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Vader {
    /// Parses the tables; a malformed line is skipped (a test checks the built-in tables have none).
    fn parse(lexicon: &'static str, modifiers: &'static str) -> Self {
        let mut vader = Vader::default();
        for row in rows(lexicon) {
            if let [token, valence] = row.as_slice()
                && let Ok(valence) = valence.parse::<f64>()
                && valence.is_finite()
            {
                vader.lexicon.insert(token, valence);
            }
        }
        for row in rows(modifiers) {
            let [word, kind] = row.as_slice() else { continue };
            let kind = match *kind {
                "booster-increment" => Modifier::Increment,
                "booster-decrement" => Modifier::Decrement,
                "negation" => Modifier::Negation,
                _ => continue,
            };
            match word.split_once(' ') {
                // Only dampeners come in two words; a two-word entry of another kind would be ignored.
                Some((first, second)) if kind == Modifier::Decrement => vader.phrases.push((first, second)),
                Some(_) => {}
                None => {
                    vader.modifiers.insert(word, kind);
                }
            }
        }
        vader
    }

    fn is_booster(&self, word: &str) -> bool {
        matches!(self.modifiers.get(word), Some(Modifier::Increment | Modifier::Decrement))
    }

    fn is_negation(&self, word: &str) -> bool {
        self.modifiers.get(word) == Some(&Modifier::Negation) || word.contains("n't")
    }
}

/// A word of a sentence.
#[derive(Debug)]
struct Word {
    /// Lowercase, with `’` read as `'` and the Unicode hyphens as `-`.
    lower: String,
    /// Has a cased letter and no lowercase one (Python's `str.isupper`, as the reference uses).
    caps: bool,
    /// Has a letter, not only digits: a sentence needs one such word to be scored.
    letter: bool,
}

impl Word {
    fn new(text: &str) -> Self {
        let lower = text.to_lowercase().replace('\u{2019}', "'").replace(['\u{2010}', '\u{2011}'], "-");
        let caps = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
        Word { lower, caps, letter: text.chars().any(char::is_alphabetic) }
    }

    fn is(&self, word: &str) -> bool {
        self.lower == word
    }
}

/// The words of a sentence: UAX #29 words that have a letter or digit, with non-alphanumeric edges
/// (underscores, which UAX #29 keeps in words) trimmed. Words joined by hyphens with no space are one word
/// (`self-confident`, `anti-terror`), as whitespace tokens are in the reference: a compound the lexicon
/// does not list scores nothing, rather than as its parts ("AIDS-free" is not `free`).
fn words(sentence: &str) -> Vec<Word> {
    let pieces: Vec<(usize, &str)> = sentence.split_word_bound_indices().collect();
    let is_word = |piece: &str| piece.chars().any(char::is_alphanumeric);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(start, piece)) = pieces.get(i) {
        if !is_word(piece) {
            i += 1;
            continue;
        }
        // Extends the chain: word, hyphen, word, hyphen, word...
        let mut last = i;
        while let (Some(&(_, hyphen)), Some(&(_, next))) = (pieces.get(last + 1), pieces.get(last + 2)) {
            if !HYPHENS.contains(&hyphen) || !is_word(next) {
                break;
            }
            last += 2;
        }
        let end = pieces.get(last).map_or(start + piece.len(), |&(at, p)| at + p.len());
        let text = sentence.get(start..end).unwrap_or(piece);
        let trimmed = text.trim_matches(|c: char| !c.is_alphanumeric());
        if !trimmed.is_empty() {
            out.push(Word::new(trimmed));
        }
        i = last + 1;
    }
    out
}

/// The hyphens that join a compound: hyphen-minus, U+2010 hyphen and U+2011 non-breaking hyphen. Looked
/// up as hyphen-minus (the lexicon's form).
const HYPHENS: [&str; 3] = ["-", "\u{2010}", "\u{2011}"];

/// The compound score of a sentence, or `None` if it has no word with a letter.
fn score(sentence: &str) -> Option<f64> {
    let vader = vader();
    let words = words(sentence);
    if !words.iter().any(|w| w.letter) {
        return None;
    }
    let mixed_caps = words.iter().any(|w| w.caps) && words.iter().any(|w| !w.caps);
    let mut valences: Vec<f64> = (0..words.len()).map(|i| valence(&words, i, mixed_caps, vader)).collect();
    if let Some(but) = words.iter().position(|w| w.is("but")) {
        for (i, v) in valences.iter_mut().enumerate() {
            if i < but {
                *v *= BEFORE_BUT;
            } else if i > but {
                *v *= AFTER_BUT;
            }
        }
    }
    let mut sum: f64 = valences.iter().sum();
    let emphasis = punctuation_emphasis(sentence);
    if sum > 0.0 {
        sum += emphasis;
    } else if sum < 0.0 {
        sum -= emphasis;
    }
    Some(normalise(sum))
}

/// The valence of word `i` with the modifiers before it applied (steps 2 to 4 of the module docs).
fn valence(words: &[Word], i: usize, mixed_caps: bool, vader: &Vader) -> f64 {
    let Some(word) = words.get(i) else { return 0.0 };
    // `before(d)` is the word `d` places back; `None` before the sentence starts.
    let before = |d: usize| i.checked_sub(d).and_then(|j| words.get(j));
    let before_is = |d: usize, w: &str| before(d).is_some_and(|b| b.is(w));
    let next = words.get(i + 1);
    if vader.is_booster(&word.lower) || (word.is("kind") && next.is_some_and(|n| n.is("of"))) {
        return 0.0;
    }
    let Some(&base) = vader.lexicon.get(word.lower.as_str()) else { return 0.0 };
    let in_lexicon = |w: &Word| vader.lexicon.contains_key(w.lower.as_str());

    let mut v = base;
    // "no" before a sentiment word negates it rather than counting as a negative word itself.
    if word.is("no") && next.is_some_and(in_lexicon) {
        v = 0.0;
    }
    if before_is(1, "no")
        || before_is(2, "no")
        || (before_is(3, "no") && (before_is(1, "or") || before_is(1, "nor")))
    {
        v = base * NEGATION;
    }
    if word.caps && mixed_caps {
        v += if v > 0.0 { CAPS } else { -CAPS };
    }
    for (d, distance_weight) in (1..=3).zip(BOOSTER_DISTANCE) {
        let Some(modifier) = before(d) else { break };
        // A sentiment word is never read as a modifier of the next one.
        if in_lexicon(modifier) {
            continue;
        }
        v += booster_scalar(modifier, v, mixed_caps, vader) * distance_weight;
        v = negation_check(v, d, &before_is, vader, before(d));
    }
    // Two-word dampeners right before the word or one further (see the module docs for how the
    // reference differs).
    let phrase_before = |d: usize| {
        let (Some(first), Some(second)) = (before(d + 1), before(d)) else { return false };
        vader.phrases.iter().any(|&(a, b)| first.is(a) && second.is(b))
    };
    if phrase_before(1) || phrase_before(2) {
        v += if v < 0.0 { BOOSTER } else { -BOOSTER };
    }
    // "least good" is negated; "at least good" and "very least good" are not.
    if before(1).is_some_and(|b| b.is("least") && !in_lexicon(b))
        && !before_is(2, "at")
        && !before_is(2, "very")
    {
        v *= NEGATION;
    }
    v
}

/// What a booster or dampener adds to valence `v`: 0.293 towards more or less magnitude, plus the
/// caps emphasis when it is written in ALL CAPS in a mixed-case sentence.
fn booster_scalar(modifier: &Word, v: f64, mixed_caps: bool, vader: &Vader) -> f64 {
    let mut scalar = match vader.modifiers.get(modifier.lower.as_str()) {
        Some(Modifier::Increment) => BOOSTER,
        Some(Modifier::Decrement) => -BOOSTER,
        _ => return 0.0,
    };
    if v < 0.0 {
        scalar = -scalar;
    }
    if modifier.caps && mixed_caps {
        scalar += if v > 0.0 { CAPS } else { -CAPS };
    }
    scalar
}

/// Applies a negation `d` words back (1..=3), with the `never so` and `without doubt` exceptions.
fn negation_check(
    v: f64,
    d: usize,
    before_is: &impl Fn(usize, &str) -> bool,
    vader: &Vader,
    modifier: Option<&Word>,
) -> f64 {
    let so_or_this = |k: usize| before_is(k, "so") || before_is(k, "this");
    let never_so = match d {
        2 => before_is(2, "never") && so_or_this(1),
        3 => before_is(3, "never") && (so_or_this(2) || so_or_this(1)),
        _ => false,
    };
    let without_doubt = match d {
        2 => before_is(2, "without") && before_is(1, "doubt"),
        3 => before_is(3, "without") && (before_is(2, "doubt") || before_is(1, "doubt")),
        _ => false,
    };
    if never_so {
        v * NEVER_SO
    } else if without_doubt {
        v
    } else if modifier.is_some_and(|m| vader.is_negation(&m.lower)) {
        v * NEGATION
    } else {
        v
    }
}

/// What `!` and `?` add to the magnitude of a sentence's sum.
fn punctuation_emphasis(sentence: &str) -> f64 {
    let exclamations = sentence.bytes().filter(|&b| b == b'!').count().min(MAX_EXCLAMATIONS);
    let questions = sentence.bytes().filter(|&b| b == b'?').count();
    let question_emphasis = match questions {
        0 | 1 => 0.0,
        2 | 3 => questions as f64 * QUESTION,
        _ => MANY_QUESTIONS,
    };
    exclamations as f64 * EXCLAMATION + question_emphasis
}

/// VADER's normalisation of a sum of valences into -1..1.
fn normalise(sum: f64) -> f64 {
    (sum / (sum * sum + ALPHA).sqrt()).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts the compound of `sentence` is `expected`, to the four decimals VADER prints.
    #[track_caller]
    fn check(sentence: &str, expected: f64) {
        let got = f64::from(sentence_compound(sentence));
        assert!((got - expected).abs() < 1e-4, "{sentence:?}: got {got:.5}, expected {expected}");
    }

    /// The hand computation of the normalisation, for sums worked out in the tests.
    fn norm(x: f64) -> f64 {
        x / (x * x + 15.0).sqrt()
    }

    #[test]
    fn neutral_sentence_scores_zero() {
        check("The meeting is on Tuesday.", 0.0);
        assert_eq!(
            tone("The meeting is on Tuesday."),
            Tone { compound: 0.0, positive: 0.0, negative: 0.0, neutral: 1.0, sentences: 1 }
        );
    }

    #[test]
    fn one_word_scores_its_lexicon_valence() {
        // The lexicon rates "good" 1.9: 1.9 / sqrt(1.9² + 15) = 0.4404.
        assert_eq!(vader().lexicon.get("good"), Some(&1.9));
        check("good", norm(1.9));
        check("good", 0.4404);
        check("The book was good.", 0.4404);
        // Lookup is in lowercase; a lone capitalised word is all caps but the sentence is not mixed.
        check("GOOD", 0.4404);
    }

    #[test]
    fn negation_flips_and_scales() {
        // 1.9 × -0.74 = -1.406.
        check("not good", norm(1.9 * -0.74));
        check("not good", -0.3412);
        check("This isn't good.", -0.3412);
        // A curly apostrophe reads as a straight one; the reference misses this negation (0.4404).
        check("This isn’t good.", -0.3412);
        // Up to three words back.
        check("It is not a good idea.", -0.3412);
        check("There was no good news.", -0.3412);
        check("Not bad at all", 0.431);
    }

    #[test]
    fn boosters_and_dampeners_change_magnitude() {
        check("very good", norm(1.9 + 0.293));
        check("very good", 0.4927);
        assert!(sentence_compound("very good") > sentence_compound("good"));
        assert!(sentence_compound("very bad") < sentence_compound("bad"));
        assert!(sentence_compound("barely good") < sentence_compound("good"));
        // Negated after boosting: (1.9 + 0.293 × 0.95) × -0.74.
        check("It is not a very good deal.", -0.3865);
        check("The book was only kind of good.", 0.3832);
    }

    #[test]
    fn but_shifts_weight_to_what_follows() {
        // 1.9 × 0.5 - 2.5 × 1.5.
        check("The talks were good but the outcome was bad.", norm(0.95 - 3.75));
        check("The talks were good but the outcome was bad.", -0.5859);
        check("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042);
    }

    #[test]
    fn punctuation_and_caps_add_emphasis() {
        check("It was good!", norm(1.9 + 0.292));
        check("It was good!", 0.4926);
        check("It was good!!!!!!!", norm(1.9 + 4.0 * 0.292));
        check("Is it good??", 0.504);
        // One question mark adds nothing.
        check("Is it good?", 0.4404);
        check("Today SUX!", -0.5461);
    }

    #[test]
    fn vader_readme_examples() {
        check("VADER is smart, handsome, and funny.", 0.8316);
        check("VADER is smart, handsome, and funny!", 0.8439);
        check("VADER is very smart, handsome, and funny.", 0.8545);
        check("VADER is VERY SMART, handsome, and FUNNY.", 0.9227);
        check("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342);
        check("VADER is not smart, handsome, nor funny.", -0.7424);
        check("At least it isn't a horrible book.", 0.431);
        check("Today only kinda sux! But I'll get by, lol", 0.5249);
    }

    #[test]
    fn special_cases() {
        check("Without doubt it was a good day.", 0.6136);
        check("It was the least bad option.", 0.431);
        // The reference gives 0.6626: it multiplies by 1.25 a second time because "so" stands right
        // before the word (see the module docs). Here: (1.9 + 0.293) × 1.25.
        check("It was never so good.", norm((1.9 + 0.293) * 1.25));
        check("It was never so good.", 0.5777);
        // Hyphenated words are read whole: a listed one scores, an unlisted one does not score its parts.
        check("He was self-confident.", norm(2.5));
        check(
            "His call for joint anti-terror efforts comes as the minister looks to review spy agencies",
            0.0,
        );
    }

    #[test]
    fn news_sentences_match_the_reference() {
        check("Police said the attack killed 12 people.", -0.8225);
        check("The two leaders praised the cooperation between their countries.", 0.4939);
        check("The United Nations Security Council met on Monday.", 0.6369);
        check("Protesters were not happy.", -0.5991);
    }

    #[test]
    fn aggregates_sentences() {
        let t = tone("The talks were a great success. The attack killed 12 people.");
        assert_eq!(t.sentences, 2);
        assert_eq!((t.positive, t.negative, t.neutral), (0.5, 0.5, 0.0));
        let mean = (sentence_compound("The talks were a great success.")
            + sentence_compound("The attack killed 12 people."))
            / 2.0;
        assert!((t.compound - mean).abs() < 1e-6);
        let t = tone_of_sentences(["good", "bad", "Tuesday"]);
        assert_eq!(t.sentences, 3);
        assert!((t.neutral - 1.0 / 3.0).abs() < 1e-6);
        assert!((t.positive + t.negative + t.neutral - 1.0).abs() < 1e-6);
    }

    #[test]
    fn empty_and_garbage_give_default() {
        assert_eq!(tone(""), Tone::default());
        assert_eq!(tone("   \n\n  "), Tone::default());
        assert_eq!(tone("\u{0}\u{1}\u{fffd}\u{fffd} ### ... !!! ??? 12 345 :-) \u{1f600}"), Tone::default());
        assert_eq!(tone_of_sentences([]), Tone::default());
        assert_eq!(sentence_compound(""), 0.0);
        assert_eq!(sentence_compound("!!!???"), 0.0);
    }

    #[test]
    fn never_panics() {
        // Bytes of every value, decoded lossily, and a long sentence with no terminator.
        let bytes: Vec<u8> = (0..=255u8).cycle().take(20_000).collect();
        let garbage = String::from_utf8_lossy(&bytes);
        let t = tone(&garbage);
        assert!(t.compound.is_finite() && (-1.0..=1.0).contains(&t.compound));
        let long = "good - very-bad -- not -'- great' _ but ".repeat(5_000);
        let t = tone(&long);
        assert!(t.compound.is_finite() && (-1.0..=1.0).contains(&t.compound));
        for s in ["-", "-good", "good-", "no", "no no", "least", "kind", "kind of", "but", "never so", "n't"]
        {
            let c = sentence_compound(s);
            assert!(c.is_finite() && (-1.0..=1.0).contains(&c), "{s:?}");
        }
    }

    #[test]
    fn built_in_tables_parse_completely() {
        let data_rows = |tsv: &str| rows(tsv).count();
        let vader = vader();
        assert_eq!(vader.lexicon.len(), data_rows(LEXICON), "a lexicon row is malformed or repeated");
        assert_eq!(
            vader.modifiers.len() + vader.phrases.len(),
            data_rows(MODIFIERS),
            "a modifier row is malformed or repeated"
        );
        assert_eq!(vader.phrases.len(), 3);
        assert!(vader.is_negation("not") && vader.is_negation("uh-uh") && vader.is_negation("shouldn't"));
    }
}
