//! Scoring a system's predictions against the gold marks.
//!
//! - Mentions count only with the exact span and label: precision, recall and F1 per label and
//!   micro-averaged over all labels.
//! - Alias merging is scored over the mentions both sides found (exact span): every pair of them within one
//!   text is a "same entity" link in the gold set when the two share a key, and in the system's output
//!   when the two share an entity id; precision and recall are over those links.
//! - A gold quote is attributed right when a system quote overlaps it and that quote's speaker matches.
//!   A system entity stands for the gold key most of the gold mentions overlapping its mentions carry; any
//!   unnamed source matches any `source:*`; the outlet matches `outlet`.
//! - Quote detection and hedges are scored by overlap: a gold span is found when some system span of the
//!   same kind overlaps it, and a system span is right when it overlaps some gold span.

use std::collections::{BTreeMap, HashSet};

use parallax_core::language::Label;

use crate::annotated::{AnnotatedText, GoldSpeaker};
use crate::prediction::{PredSpeaker, Prediction};

/// True, false and missed positives of exact matching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// `None` when the system predicted nothing.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `None` when there is nothing to find.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> Option<f64> {
        f1(self.precision(), self.recall())
    }

    /// The number of gold items.
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

/// Overlap matching, where one system span may find several gold spans and the other way round, so
/// precision and recall have numerators of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overlap {
    pub gold: usize,
    /// Gold spans some system span overlaps.
    pub gold_found: usize,
    pub system: usize,
    /// System spans that overlap some gold span.
    pub system_right: usize,
}

impl Overlap {
    pub fn precision(&self) -> Option<f64> {
        ratio(self.system_right, self.system)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.gold_found, self.gold)
    }

    pub fn f1(&self) -> Option<f64> {
        f1(self.precision(), self.recall())
    }

    fn add(&mut self, other: Overlap) {
        self.gold += other.gold;
        self.gold_found += other.gold_found;
        self.system += other.system;
        self.system_right += other.system_right;
    }
}

/// Right answers out of a number of gold items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub right: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> Option<f64> {
        ratio(self.right, self.total)
    }

    fn add(&mut self, other: Accuracy) {
        self.right += other.right;
        self.total += other.total;
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteScore {
    pub direct: Accuracy,
    pub reported: Accuracy,
    pub all: Accuracy,
    pub detection: Overlap,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HedgeScore {
    pub lexical: Overlap,
    pub scare: Overlap,
    /// Either kind, matched regardless of kind.
    pub all: Overlap,
}

/// A system's score over a set of texts. Tasks the system does not do are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub labels: BTreeMap<Label, Counts>,
    /// The same, with spans compared after [`normalise`]: a leading "the" and a possessive ignored.
    pub lenient: BTreeMap<Label, Counts>,
    pub merging: Option<Counts>,
    pub quotes: Option<QuoteScore>,
    pub hedges: Option<HedgeScore>,
}

impl Default for Score {
    fn default() -> Self {
        Self {
            labels: Label::ALL.into_iter().map(|l| (l, Counts::default())).collect(),
            lenient: Label::ALL.into_iter().map(|l| (l, Counts::default())).collect(),
            merging: None,
            quotes: None,
            hedges: None,
        }
    }
}

impl Score {
    /// All labels together.
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.labels.values() {
            total.add(*c);
        }
        total
    }

    /// All labels together, lenient matching.
    pub fn micro_lenient(&self) -> Counts {
        let mut total = Counts::default();
        for c in self.lenient.values() {
            total.add(*c);
        }
        total
    }

    /// Adds one text's gold marks and a system's prediction for it.
    pub fn add(&mut self, gold: &AnnotatedText, pred: &Prediction) {
        for (label, counts) in mentions(gold, pred) {
            self.labels.entry(label).or_default().add(counts);
        }
        for (label, counts) in mentions_lenient(gold, pred) {
            self.lenient.entry(label).or_default().add(counts);
        }
        if let Some(links) = merging(gold, pred) {
            self.merging.get_or_insert_default().add(links);
        }
        if let Some(q) = quotes(gold, pred) {
            let total = self.quotes.get_or_insert_default();
            total.direct.add(q.direct);
            total.reported.add(q.reported);
            total.all.add(q.all);
            total.detection.add(q.detection);
        }
        if let Some(h) = hedges(gold, pred) {
            let total = self.hedges.get_or_insert_default();
            total.lexical.add(h.lexical);
            total.scare.add(h.scare);
            total.all.add(h.all);
        }
    }
}

/// Exact span-and-label matching, per label.
pub fn mentions(gold: &AnnotatedText, pred: &Prediction) -> BTreeMap<Label, Counts> {
    matching(gold, pred, |span| span)
}

/// Span-and-label matching after `span` maps both sides' spans, per label.
fn matching(
    gold: &AnnotatedText,
    pred: &Prediction,
    span: impl Fn((u32, u32)) -> (u32, u32),
) -> BTreeMap<Label, Counts> {
    let mut out: BTreeMap<Label, Counts> = BTreeMap::new();
    let mut unmatched: HashSet<(u32, u32, Label)> = HashSet::new();
    for m in &gold.mentions {
        out.entry(m.label).or_default().fn_ += 1;
        let (s, e) = span((m.start, m.end));
        unmatched.insert((s, e, m.label));
    }
    for m in &pred.mentions {
        let counts = out.entry(m.label).or_default();
        let (s, e) = span((m.start, m.end));
        if unmatched.remove(&(s, e, m.label)) {
            counts.tp += 1;
            counts.fn_ -= 1;
        } else {
            counts.fp += 1;
        }
    }
    out
}

/// A span without a leading "the " and without a final possessive ("'s", "’s") or full stop: the
/// differences between annotation conventions (OntoNotes often includes "the" in an organisation's name)
/// rather than between right and wrong answers.
pub fn normalise(text: &str, (start, end): (u32, u32)) -> (u32, u32) {
    let Some(s) = text.get(start as usize..end as usize) else { return (start, end) };
    let mut a = 0;
    let mut b = s.len();
    for the in ["the ", "The "] {
        if s.starts_with(the) && s.len() > the.len() {
            a = the.len();
        }
    }
    for tail in ["'s", "’s", "."] {
        if s[a..b].ends_with(tail) && b - a > tail.len() {
            b -= tail.len();
        }
    }
    (start + a as u32, start + b as u32)
}

/// Span-and-label matching after [`normalise`], per label.
pub fn mentions_lenient(gold: &AnnotatedText, pred: &Prediction) -> BTreeMap<Label, Counts> {
    matching(gold, pred, |span| normalise(&gold.text, span))
}

/// Pairwise "same entity" links over the mentions both sides found; `None` without entity ids.
pub fn merging(gold: &AnnotatedText, pred: &Prediction) -> Option<Counts> {
    if !pred.merges {
        return None;
    }
    let mut system: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    for m in &pred.mentions {
        system.entry((m.start, m.end)).or_insert(m.entity.unwrap_or_default());
    }
    let mut seen = HashSet::new();
    let both: Vec<(&str, u32)> = gold
        .mentions
        .iter()
        .filter(|m| seen.insert((m.start, m.end)))
        .filter_map(|m| system.get(&(m.start, m.end)).map(|e| (m.key.as_str(), *e)))
        .collect();
    let mut links = Counts::default();
    for (i, (gold_a, sys_a)) in both.iter().enumerate() {
        for (gold_b, sys_b) in &both[i + 1..] {
            match (gold_a == gold_b, sys_a == sys_b) {
                (true, true) => links.tp += 1,
                (false, true) => links.fp += 1,
                (true, false) => links.fn_ += 1,
                (false, false) => {}
            }
        }
    }
    Some(links)
}

/// Quote attribution and detection; `None` when the system finds no quotes at all.
pub fn quotes(gold: &AnnotatedText, pred: &Prediction) -> Option<QuoteScore> {
    let system = pred.quotes.as_ref()?;
    let keys = entity_keys(gold, pred);
    let mut score = QuoteScore::default();
    for g in &gold.quotes {
        let overlapping: Vec<_> =
            system.iter().filter(|s| overlaps((g.start, g.end), (s.start, s.end))).collect();
        let right = overlapping.iter().any(|s| match (&g.speaker, &s.speaker) {
            (GoldSpeaker::Entity(key), PredSpeaker::Entity(e)) => keys.get(e) == Some(key),
            (GoldSpeaker::Source(_), PredSpeaker::Source(_)) | (GoldSpeaker::Outlet, PredSpeaker::Outlet) => {
                true
            }
            _ => false,
        });
        let one = Accuracy { right: usize::from(right), total: 1 };
        if g.direct {
            score.direct.add(one);
        } else {
            score.reported.add(one);
        }
        score.all.add(one);
    }
    let gold_spans: Vec<_> = gold.quotes.iter().map(|q| (q.start, q.end)).collect();
    let system_spans: Vec<_> = system.iter().map(|q| (q.start, q.end)).collect();
    score.detection = overlap(&gold_spans, &system_spans);
    Some(score)
}

/// The gold key each system entity stands for: the key most of the gold mentions overlapping its
/// mentions carry (ties go to the key first in alphabetical order, so the result is reproducible).
pub fn entity_keys(gold: &AnnotatedText, pred: &Prediction) -> BTreeMap<u32, String> {
    let mut votes: BTreeMap<u32, BTreeMap<&str, usize>> = BTreeMap::new();
    for m in &pred.mentions {
        let Some(entity) = m.entity else { continue };
        for g in gold.mentions.iter().filter(|g| overlaps((g.start, g.end), (m.start, m.end))) {
            *votes.entry(entity).or_default().entry(g.key.as_str()).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .filter_map(|(entity, keys)| {
            let best = keys.values().copied().max()?;
            let key = keys.into_iter().find(|(_, n)| *n == best)?.0;
            Some((entity, key.to_owned()))
        })
        .collect()
}

/// Hedges by overlap, per kind and for both kinds; `None` when the system finds no hedges at all.
pub fn hedges(gold: &AnnotatedText, pred: &Prediction) -> Option<HedgeScore> {
    let system = pred.hedges.as_ref()?;
    let of_kind = |scare: bool| {
        let g: Vec<_> = gold.hedges.iter().filter(|h| h.scare == scare).map(|h| (h.start, h.end)).collect();
        let s: Vec<_> = system.iter().filter(|h| h.scare == scare).map(|h| (h.start, h.end)).collect();
        overlap(&g, &s)
    };
    let g: Vec<_> = gold.hedges.iter().map(|h| (h.start, h.end)).collect();
    let s: Vec<_> = system.iter().map(|h| (h.start, h.end)).collect();
    Some(HedgeScore { lexical: of_kind(false), scare: of_kind(true), all: overlap(&g, &s) })
}

fn overlap(gold: &[(u32, u32)], system: &[(u32, u32)]) -> Overlap {
    Overlap {
        gold: gold.len(),
        gold_found: gold.iter().filter(|g| system.iter().any(|s| overlaps(**g, *s))).count(),
        system: system.len(),
        system_right: system.iter().filter(|s| gold.iter().any(|g| overlaps(*g, **s))).count(),
    }
}

/// Whether two half-open spans share at least one byte.
fn overlaps(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    match (p, r) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        // Nothing predicted but something to find (or the reverse): F1 is 0, as recall (precision) is.
        (None, Some(_)) | (Some(_), None) => Some(0.0),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotated::parse;
    use crate::prediction::{PredHedge, PredMention, PredQuote};

    fn gold(source: &str) -> AnnotatedText {
        parse("t.txt", source).expect("parses")
    }

    fn m(start: u32, end: u32, label: Label, entity: Option<u32>) -> PredMention {
        PredMention { start, end, label, entity }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn three_gold_two_predicted_one_exact() {
        // Gold: Bob 0..3, Ann 8..11, Rome 15..19 (all PERSON but Rome).
        let g = gold("[[PERSON Bob]] met [[PERSON Ann]] in [[PLACE Rome]].\n");
        // One exact (Bob), one wrong span (Ann + space): P = 1/2, R = 1/3, F1 = 2·(1/2)(1/3)/(5/6) = 0.4.
        let p = Prediction {
            mentions: vec![m(0, 3, Label::Person, None), m(8, 12, Label::Person, None)],
            ..Prediction::default()
        };
        let mut score = Score::default();
        score.add(&g, &p);
        let micro = score.micro();
        assert_eq!(micro, Counts { tp: 1, fp: 1, fn_: 2 });
        assert!(close(micro.precision(), 0.5));
        assert!(close(micro.recall(), 1.0 / 3.0));
        assert!(close(micro.f1(), 0.4));
        // Per label: PERSON P = 1/2, R = 1/2; PLACE nothing predicted, R = 0, F1 = 0.
        let person = score.labels[&Label::Person];
        assert!(close(person.f1(), 0.5));
        let place = score.labels[&Label::Place];
        assert_eq!(place.precision(), None);
        assert!(close(place.recall(), 0.0));
        assert!(close(place.f1(), 0.0));
        assert_eq!(score.labels[&Label::Event].f1(), None);
        // A peer without entity ids, quotes or hedges is "n/a" for those.
        assert_eq!(score.merging, None);
        assert_eq!(score.quotes, None);
    }

    #[test]
    fn the_right_span_with_the_wrong_label_is_a_false_and_a_missed_positive() {
        let g = gold("[[PLACE Rome]]\n");
        let p = Prediction { mentions: vec![m(0, 4, Label::Org, None)], ..Prediction::default() };
        let c = mentions(&g, &p);
        assert_eq!(c[&Label::Place], Counts { tp: 0, fp: 0, fn_: 1 });
        assert_eq!(c[&Label::Org], Counts { tp: 0, fp: 1, fn_: 0 });
    }

    #[test]
    fn alias_merging_links() {
        // Gold: Vladimir Putin (0..14), Putin (16..21), Obama (23..28), Putin (30..35).
        let g = gold(
            "[[PERSON=vladimir-putin Vladimir Putin]], [[PERSON=vladimir-putin Putin]], \
             [[PERSON=barack-obama Obama]], [[PERSON=vladimir-putin Putin]]\n",
        );
        // The system finds all but the last and merges all three found into one entity.
        let p = Prediction {
            mentions: vec![
                m(0, 14, Label::Person, Some(0)),
                m(16, 21, Label::Person, Some(0)),
                m(23, 28, Label::Person, Some(0)),
            ],
            merges: true,
            ..Prediction::default()
        };
        // Pairs over the three found: (VP, P) gold-same and system-same: tp; (VP, O) and (P, O) are
        // system-same only: fp. P = 1/3, R = 1/1.
        let links = merging(&g, &p).expect("entity ids");
        assert_eq!(links, Counts { tp: 1, fp: 2, fn_: 0 });
        assert!(close(links.precision(), 1.0 / 3.0));
        assert!(close(links.f1(), 0.5));
        // Split instead: Putin apart from Vladimir Putin: one missed link, none wrong.
        let p = Prediction {
            mentions: vec![m(0, 14, Label::Person, Some(0)), m(16, 21, Label::Person, Some(1))],
            merges: true,
            ..Prediction::default()
        };
        assert_eq!(merging(&g, &p), Some(Counts { tp: 0, fp: 0, fn_: 1 }));
    }

    #[test]
    fn quote_attribution() {
        let g = gold(
            "[[PERSON=john-kerry Kerry]] said \u{201c}{{Q:john-kerry:d we agree}}.\u{201d} \
             Officials said {{Q:source:officials:r it failed}}. \u{201c}{{Q:outlet:d Never}}\u{201d}. \
             He said {{Q:john-kerry:r no}}.\n",
        );
        let span = |s: &str| {
            let start = g.text.find(s).expect("in text") as u32;
            (start, start + s.len() as u32)
        };
        let q = |(start, end): (u32, u32), direct, speaker| PredQuote { start, end, direct, speaker };
        let (kerry, we_agree, it_failed, never) =
            (span("Kerry"), span("we agree"), span("it failed"), span("Never"));
        let p = Prediction {
            mentions: vec![m(kerry.0, kerry.1, Label::Person, Some(7))],
            merges: true,
            quotes: Some(vec![
                // Overlaps "we agree" (one byte more at the end) with the speaker that maps to john-kerry.
                q((we_agree.0, we_agree.1 + 1), true, PredSpeaker::Entity(7)),
                // The right kind of speaker, whatever the description.
                q(it_failed, false, PredSpeaker::Source("a source".into())),
                // The wrong speaker for an outlet quote.
                q(never, true, PredSpeaker::Entity(7)),
                // A quote in no gold quote.
                q(span("Officials"), false, PredSpeaker::Outlet),
            ]),
            hedges: None,
        };
        let s = quotes(&g, &p).expect("quotes");
        assert_eq!(s.direct, Accuracy { right: 1, total: 2 });
        // "no" (he said) is not found at all.
        assert_eq!(s.reported, Accuracy { right: 1, total: 2 });
        assert_eq!(s.all, Accuracy { right: 2, total: 4 });
        assert_eq!(s.detection, Overlap { gold: 4, gold_found: 3, system: 4, system_right: 3 });
        assert!(close(s.detection.precision(), 0.75));
        assert!(close(s.detection.recall(), 0.75));
    }

    #[test]
    fn entity_keys_by_majority() {
        let g = gold("[[PERSON=a A]] [[PERSON=b B]] [[PERSON=b B]] [[PERSON=c C]]\n");
        // Entity 0 covers A, B, B: majority b. Entity 1 covers A and C: a tie, alphabetical: a.
        let p = Prediction {
            mentions: vec![
                m(0, 1, Label::Person, Some(0)),
                m(2, 3, Label::Person, Some(0)),
                m(4, 5, Label::Person, Some(0)),
                m(0, 1, Label::Person, Some(1)),
                m(6, 7, Label::Person, Some(1)),
                m(8, 9, Label::Person, Some(2)),
            ],
            ..Prediction::default()
        };
        let keys = entity_keys(&g, &p);
        assert_eq!(keys[&0], "b");
        assert_eq!(keys[&1], "a");
        assert!(!keys.contains_key(&2));
    }

    #[test]
    fn hedges_by_overlap_and_kind() {
        let g =
            gold("The {{H alleged}} plot, a \u{201c}{{S peace deal}}\u{201d}, {{H reportedly}} failed.\n");
        let span = |s: &str| g.text.find(s).expect("in text") as u32;
        let p = Prediction {
            mentions: Vec::new(),
            merges: false,
            quotes: None,
            hedges: Some(vec![
                PredHedge { start: span("alleged"), end: span("alleged") + 7, scare: false },
                // The scare quote with its marks: overlaps the gold words.
                PredHedge { start: span("peace") - 3, end: span("deal") + 7, scare: true },
                // Found as the wrong kind: counts for "all" only.
                PredHedge { start: span("reportedly"), end: span("reportedly") + 10, scare: true },
            ]),
        };
        let h = hedges(&g, &p).expect("hedges");
        assert_eq!(h.lexical, Overlap { gold: 2, gold_found: 1, system: 1, system_right: 1 });
        assert_eq!(h.scare, Overlap { gold: 1, gold_found: 1, system: 2, system_right: 1 });
        assert_eq!(h.all, Overlap { gold: 3, gold_found: 3, system: 3, system_right: 3 });
    }

    #[test]
    fn lenient_matching_ignores_the_possessive_and_a_final_stop() {
        let text = "the World Bank's loan to the U.S.";
        assert_eq!(normalise(text, (0, 16)), (4, 14));
        assert_eq!(normalise(text, (29, 33)), (29, 32));
        assert_eq!(normalise(text, (0, 3)), (0, 3));
    }
}
