//! Framing signals on small texts whose answers can be worked out by hand.

use super::*;
use crate::bundle::Bundle;

/// Counts of words, with the ids `vocabulary` gives them.
fn counts(vocabulary: &mut Vocabulary, words: &[(&str, u32)]) -> Counts {
    logodds::counts(words.iter().map(|&(w, c)| (vocabulary.id(w.to_owned()), c)).collect())
}

fn table(parts: &[&Counts]) -> Table {
    let mut t = Table::default();
    for p in parts {
        t.add(p);
    }
    t
}

/// Three toy documents. The group is the first ("apple apple banana"); the rest the other two ("banana
/// cherry", "cherry cherry apple"); the prior is the whole corpus at its own size (α_0 = 8, Monroe et
/// al.'s choice): α_apple = 3, α_banana = 2.
///
/// apple:  δ = ln((2+3)/(3+8-2-3)) - ln((1+3)/(5+8-1-3)) = ln(5/6) - ln(4/9) = 0.628609;
///         σ² = 1/5 + 1/4 = 0.45; z = 0.628609 / 0.670820 = 0.937075.
/// banana: δ = ln((1+2)/(3+8-1-2)) - ln((1+2)/(5+8-1-2)) = ln(3/8) - ln(3/10) = 0.223144;
///         σ² = 1/3 + 1/3; z = 0.223144 / 0.816497 = 0.273295.
/// cherry is not used by the group, so it is not listed. (The background is doubled so that half of it,
/// the largest prior allowed, is the corpus itself.)
#[test]
fn log_odds_with_an_informative_prior_by_hand() {
    let mut v = Vocabulary::default();
    let group = counts(&mut v, &[("apple", 2), ("banana", 1)]);
    let rest = counts(&mut v, &[("banana", 1), ("cherry", 3), ("apple", 1)]);
    let within = table(&[&group, &rest]);
    let corpus = table(&[&group, &rest, &group, &rest]);
    let terms = logodds::distinctive(&group, &within, &corpus, &v, 8.0, f32::MIN, 10);
    assert_eq!(terms.len(), 2, "{terms:?}");
    assert_eq!(terms[0].term, "apple");
    assert_eq!(terms[0].count, 2);
    assert!((terms[0].delta - 0.628_609).abs() < 1e-5, "{terms:?}");
    assert!((terms[0].z - 0.937_075).abs() < 1e-5, "{terms:?}");
    assert_eq!(terms[1].term, "banana");
    assert!((terms[1].delta - 0.223_144).abs() < 1e-5, "{terms:?}");
    assert!((terms[1].z - 0.273_295).abs() < 1e-5, "{terms:?}");
    // A z-score floor drops banana; a limit of one keeps apple alone.
    assert_eq!(logodds::distinctive(&group, &within, &corpus, &v, 8.0, 0.5, 10).len(), 1);
    assert_eq!(logodds::distinctive(&group, &within, &corpus, &v, 8.0, f32::MIN, 1).len(), 1);
}

#[test]
fn counts_by_word_id_sum_and_a_table_gives_them_back() {
    let mut v = Vocabulary::default();
    let a = counts(&mut v, &[("apple", 2), ("banana", 1), ("apple", 1)]);
    let b = counts(&mut v, &[("cherry", 3), ("banana", 2)]);
    assert_eq!(v.len(), 3);
    assert_eq!(a, vec![(0, 3), (1, 1)]);
    assert_eq!(logodds::sum([a.as_slice(), b.as_slice()]), vec![(0, 3), (1, 3), (2, 3)]);
    assert_eq!((v.word(2), v.word(9)), ("cherry", ""));
    // One table serves group after group: what is added and taken back leaves it as it was.
    let mut t = table(&[&a]);
    t.add(&b);
    assert_eq!((t.get(1), t.total()), (3, 9.0));
    t.subtract(&b);
    assert_eq!((t.get(1), t.get(2), t.total()), (1, 0, 4.0));
}

#[test]
fn the_prior_keeps_a_one_off_word_from_topping_the_list() {
    // "zeppelin" once in the group and never elsewhere; "strike" 20 times against 5 in a rest as large.
    let mut v = Vocabulary::default();
    let group = counts(&mut v, &[("zeppelin", 1), ("strike", 20), ("port", 79)]);
    let rest = counts(&mut v, &[("strike", 5), ("port", 95)]);
    let corpus = table(&[&group, &rest]);
    let terms = logodds::distinctive(&group, &corpus, &corpus, &v, logodds::PRIOR_SIZE, f32::MIN, 10);
    assert_eq!(terms[0].term, "strike", "{terms:?}");
    assert!(terms[0].z > 1.96, "{terms:?}");
}

const REPORT: &str = "Flood forces evacuations in Porto Alegre\n\nBy Ana Souza\n\nMay 6, 2024\n\n\
PORTO ALEGRE (Reuters) - Floods forced 80,000 people from their homes in southern Brazil on Sunday, \
Governor Eduardo Leite said.\n\n\
\"This is the worst disaster in the history of our state,\" Leite told reporters.\n\n\
A civil defence source said at least 75 people had died in the floods in southern Brazil.\n\n\
Analysts said the damage could cut national growth this year.\n\n\
The so-called flood barrier was never finished, and the state's \"resilience plan\" was never funded.\n";

const OTHER: &str = "Brazil floods: rescue boats reach stranded towns\n\nBy Carlos Lima\n\nMay 7, 2024\n\n\
Rescue boats reached towns cut off by the floods in southern Brazil on Monday.\n\n\
Governor Eduardo Leite insisted the state would rebuild.\n\n\
Residents in Canoas said the water rose within minutes.\n\n\
Floods forced 80,000 people from their homes in southern Brazil, where heavy rain has fallen for a week.\n";

fn floods() -> Bundle {
    Bundle::new(vec![
        crate::process("report.txt", REPORT.as_bytes()),
        crate::process("other.txt", OTHER.as_bytes()),
    ])
}

#[test]
fn voices_by_kind_with_shares_and_verbs() {
    let b = floods();
    let f = &b.framing.documents[0];
    let find = |name: &str| f.voices.iter().find(|v| v.name.contains(name));
    let leite = find("Leite").unwrap_or_else(|| panic!("{:#?}", f.voices));
    assert_eq!(leite.kind, VoiceKind::Official);
    assert_eq!(leite.quotes, 2, "{leite:?}");
    assert_eq!(leite.direct, 1);
    let verbs: Vec<&str> = leite.verbs.iter().map(|c| c.label.as_str()).collect();
    assert!(verbs.contains(&"say") && verbs.contains(&"tell"), "{verbs:?}");
    let source = find("source").unwrap_or_else(|| panic!("{:#?}", f.voices));
    assert_eq!(source.kind, VoiceKind::Anonymous);
    let analysts = find("Analysts").unwrap_or_else(|| panic!("{:#?}", f.voices));
    assert_eq!(analysts.kind, VoiceKind::Expert);
    // Shares are each voice's quoted words over all quoted words.
    let total: u32 = f.voices.iter().map(|v| v.words).sum();
    assert_eq!(total, f.quoted_words);
    for v in &f.voices {
        assert!((v.share - v.words as f32 / total as f32).abs() < 1e-6);
    }
    // The direct quote has 11 words: "This is the worst disaster in the history of our state".
    assert!(leite.words >= 11, "{leite:?}");
    // The kinds are tallied by quotes.
    let official = f.voice_kinds.iter().find(|c| c.label == "official").map(|c| c.count);
    assert_eq!(official, Some(2), "{:?}", f.voice_kinds);
}

#[test]
fn hedges_and_scare_quotes_are_counted() {
    let b = floods();
    let f = &b.framing.documents[0];
    assert!(f.hedges.iter().any(|c| c.label == "so-called" && c.count == 1), "{:?}", f.hedges);
    assert_eq!(f.scare_quotes, vec!["resilience plan".to_owned()], "{f:?}");
    assert!(b.framing.documents[1].hedges.is_empty());
}

#[test]
fn tone_of_a_disaster_story_is_negative() {
    let b = floods();
    let f = &b.framing.documents[0];
    assert!(f.tone.sentences >= 6, "{:?}", f.tone);
    assert!(f.tone.compound < 0.0, "{:?}", f.tone);
    assert!((f.tone.positive + f.tone.negative + f.tone.neutral - 1.0).abs() < 1e-5);
}

#[test]
fn prominence_and_omissions_of_a_shared_event() {
    let b = floods();
    let (e, event) = b
        .events
        .events
        .iter()
        .enumerate()
        .find(|(_, e)| e.documents == [0, 1])
        .unwrap_or_else(|| panic!("one flood event: {:#?}", b.events.events));
    let e = u32::try_from(e).unwrap_or(0);
    let report = b.framing.of(e, 0).expect("the report's framing");
    assert!(report.prominence.in_lead, "{:?}", report.prominence);
    let headline_in = event.passages.iter().any(|p| {
        let p = &b.events.passages[p.passage as usize];
        p.document == 0 && p.section == SectionKind::Headline
    });
    assert_eq!(report.prominence.in_headline, headline_in);
    assert_eq!(report.prominence.first_paragraph, Some(0));
    assert_eq!(report.prominence.first_position, Some(0.0));
    // The other story reaches the 80,000 evacuated only in its last paragraph.
    let other = b.framing.of(e, 1).expect("the other's framing");
    let matrix = &b.framing.matrices[e as usize];
    let evacuated = matrix.items.iter().find(|i| i.key.starts_with("number:80000")).expect("the 80,000");
    assert!(evacuated.all_cells(&matrix.documents).all(|c| c.presence == Presence::Present), "{evacuated:?}");
    // Sunday, the day the report says the floods forced people out, is the report's alone.
    let sunday =
        matrix.items.iter().find(|i| i.key == "day:2024-05-05").unwrap_or_else(|| panic!("{matrix:#?}"));
    let cells: Vec<Cell> = sunday.all_cells(&matrix.documents).collect();
    assert_eq!((cells[0].presence, cells[1].presence), (Presence::Present, Presence::Absent));
    assert!(cells[0].passage.is_some() && cells[1].passage.is_none());
    let omitted = b.framing.omissions(other);
    assert!(
        omitted
            .iter()
            .any(|o| o.kind == ItemKind::Fact && o.label.starts_with("Sunday") && o.reported_by == [0]),
        "{omitted:?}"
    );
    assert!(!b.framing.omissions(report).iter().any(|o| o.label.starts_with("Sunday")));
    assert!(b.framing.omissions(report).iter().all(|o| !o.reported_by.contains(&0)));
}

#[test]
fn voice_kinds_from_roles() {
    assert_eq!(kind_of_role("Russian President"), Some(VoiceKind::Official));
    assert_eq!(kind_of_role("former finance minister"), Some(VoiceKind::Official));
    assert_eq!(kind_of_role("analysts"), Some(VoiceKind::Expert));
    assert_eq!(kind_of_role("nothing here"), None);
}
