//! The language layer's data: gazetteers and lexicons, compiled in from `data/` and parsed once.
//!
//! Every table is general, world-wide data (see `data/README.md`); nothing here knows any corpus. The
//! tables are tab-separated, with `#` comment lines; a malformed line is skipped (a test checks that the
//! built-in tables have none).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::Label;

/// What a name of the gazetteers stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    pub label: Label,
    /// The canonical name: "United States" for "U.S.", "Islamic State" for "ISIS".
    pub canonical: String,
    /// The table's kind column: `country`, `city`, `intergovernmental`, `agency`, `nationality`, ...
    pub kind: String,
    /// The name is also an ordinary word or a person's name ("Nice", "Jordan"): only trusted where
    /// nothing says otherwise (never at the start of a sentence).
    pub ambiguous: bool,
}

/// The role a title gives ("President", "spokesman"), and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// `government`, `military`, `expert`, `other`, ... (the table's kind column).
    pub kind: &'static str,
    /// It stands right before a name ("President", "Mr"), rather than as a role noun ("spokesman").
    pub before: bool,
    pub ambiguous: bool,
}

/// A speech verb's lemma and class (`neutral`, `assertive`, `doubt`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    pub lemma: &'static str,
    pub class: &'static str,
}

/// A hedge phrase, as lowercase words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HedgeEntry {
    pub words: Vec<&'static str>,
    pub kind: &'static str,
}

/// All the language tables.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Gazetteer names as printed (whitespace collapsed to one space), to what they name.
    pub names: HashMap<String, NameEntry>,
    /// The most words any gazetteer name has.
    pub max_name_words: usize,
    /// Lowercase forms of group names printed in lowercase ("jihadists", "separatists").
    pub lowercase_names: HashMap<String, NameEntry>,
    /// Head nouns that end a named event ("bombings", "summit"), lowercase.
    pub event_heads: HashSet<String>,
    /// Words that start a named event ("Hurricane", "Operation").
    pub event_prefixes: HashSet<String>,
    pub given_names: HashSet<String>,
    /// Titles and role nouns as printed ("President", "president", "Defence Secretary").
    pub titles: HashMap<String, Title>,
    pub max_title_words: usize,
    /// Speech verbs by lowercase form ("said", "according to").
    pub speech_verbs: HashMap<String, SpeechVerb>,
    /// Hedges by their first lowercase word.
    pub hedges: HashMap<&'static str, Vec<HedgeEntry>>,
    /// Frequent lowercase English words that are not names.
    pub common: HashSet<String>,
    pub org_heads: HashSet<&'static str>,
    pub org_starts: HashSet<&'static str>,
    pub place_heads: HashSet<&'static str>,
    pub place_starts: HashSet<&'static str>,
    pub place_suffixes: Vec<&'static str>,
    /// For the first piece of every gazetteer name and title (its text up to the first space or `/`,
    /// `,`, `&`, `(`), the most pieces such a name can span: bounds the lookups at each word.
    pub starts: HashMap<String, usize>,
    /// The hyphenated words of gazetteer names and titles ("Tehreek-e-Insaf", "Guinea-Bissau"): a word
    /// printed so is kept whole, not cut before a lowercase part.
    pub hyphenated: HashSet<String>,
}

const PLACES: &str = include_str!("../../data/places.tsv");
const ORGANISATIONS: &str = include_str!("../../data/organisations.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");
const EVENTS: &str = include_str!("../../data/events.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.tsv");
const TITLES: &str = include_str!("../../data/titles.tsv");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.tsv");
const HEDGES: &str = include_str!("../../data/hedges.tsv");
const COMMON_WORDS: &str = include_str!("../../data/common_words.tsv");
const NAME_HEADS: &str = include_str!("../../data/name_heads.tsv");

/// The built-in lexicon.
pub fn lexicon() -> &'static Lexicon {
    static CELL: OnceLock<Lexicon> = OnceLock::new();
    CELL.get_or_init(Lexicon::built_in)
}

/// The data lines of a table: not blank, not a comment.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn alternatives(column: &str) -> impl Iterator<Item = &str> {
    column.split('|').map(str::trim).filter(|s| !s.is_empty() && *s != "-")
}

/// Collapses whitespace runs to one space, the form gazetteer names are kept in.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Which of two entries for the same form wins: an unambiguous one, then by the kind's rank (a country
/// before a city of the same name, a place before an organisation).
fn rank(entry: &NameEntry) -> (bool, u8) {
    let kind = match entry.kind.as_str() {
        "country" => 0,
        "territory" => 1,
        "nationality" => 2,
        "intergovernmental" | "agency" => 3,
        "region" => 4,
        "city" => 5,
        _ => 6,
    };
    (entry.ambiguous, kind)
}

impl Lexicon {
    fn built_in() -> Self {
        let mut lex = Lexicon::default();
        for row in rows(PLACES) {
            if let &[kind, name, aliases, _country, ref rest @ ..] = row.as_slice() {
                let label = Label::Place;
                lex.add_names(name, aliases, label, kind, rest.first() == Some(&"ambiguous"));
            }
        }
        for row in rows(ORGANISATIONS) {
            if let &[kind, name, aliases, _country, ref rest @ ..] = row.as_slice() {
                lex.add_names(name, aliases, Label::Org, kind, rest.first() == Some(&"ambiguous"));
            }
        }
        for outlet in &crate::outlets::table().outlets {
            let aliases = outlet.aliases.join("|");
            lex.add_names(&outlet.name, &aliases, Label::Org, "outlet", false);
        }
        for row in rows(DEMONYMS) {
            if let &[kind, name, forms, _place, ref rest @ ..] = row.as_slice() {
                let ambiguous = rest.first() == Some(&"ambiguous");
                for form in alternatives(forms).chain([name]) {
                    let entry = NameEntry {
                        label: Label::Norp,
                        canonical: name.to_string(),
                        kind: kind.to_string(),
                        ambiguous,
                    };
                    if form.chars().next().is_some_and(char::is_lowercase) {
                        lex.lowercase_names.entry(form.to_string()).or_insert(entry);
                    } else {
                        lex.insert_name(form, entry);
                    }
                }
            }
        }
        for row in rows(EVENTS) {
            match row[..] {
                ["event", name, aliases, ..] => lex.add_names(name, aliases, Label::Event, "event", false),
                ["head", word, "prefix", ..] => {
                    lex.event_prefixes.insert(word.to_string());
                }
                ["head", word, ..] => {
                    lex.event_heads.insert(word.to_lowercase());
                }
                _ => {}
            }
        }
        lex.given_names = rows(GIVEN_NAMES).filter_map(|r| r.first().map(|s| s.to_string())).collect();
        for row in rows(TITLES) {
            if let &[form, kind, position, ref rest @ ..] = row.as_slice() {
                let title = Title {
                    kind,
                    before: position == "before",
                    ambiguous: rest.first() == Some(&"ambiguous"),
                };
                for form in alternatives(form) {
                    let form = collapse(form);
                    lex.max_title_words = lex.max_title_words.max(form.split(' ').count());
                    lex.titles.entry(form).or_insert(title);
                }
            }
        }
        for row in rows(SPEECH_VERBS) {
            if let [form, lemma, class, ..] = row[..] {
                lex.speech_verbs.entry(form.to_lowercase()).or_insert(SpeechVerb { lemma, class });
            }
        }
        for row in rows(HEDGES) {
            if let [term, kind, ..] = row[..] {
                for term in alternatives(term) {
                    let words: Vec<&'static str> = term.split_whitespace().collect();
                    if let Some(first) = words.first() {
                        lex.hedges.entry(first).or_default().push(HedgeEntry { words: words.clone(), kind });
                    }
                }
            }
        }
        for entries in lex.hedges.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        lex.common = rows(COMMON_WORDS).filter_map(|r| r.first().map(|s| s.to_lowercase())).collect();
        let forms: Vec<String> = lex.names.keys().chain(lex.titles.keys()).cloned().collect();
        for form in forms {
            lex.hyphenated.extend(form.split(' ').filter(|w| w.contains('-')).map(str::to_string));
            let first = form.split([' ', '/', ',', '&', '(']).next().unwrap_or("").to_string();
            // Words and the marks between them are pieces: "9/11" is three, "Bosnia and Herzegovina" three.
            // A hyphenated word may be one piece ("al-Qaeda") or three ("Self-Defense Forces", "Council
            // on American-Islamic Relations"): counted as three, the most the name can span.
            let pieces = form
                .split(' ')
                .map(|w| 1 + 2 * w.matches(['/', ',', '&', '(', ')', '-']).count())
                .sum::<usize>();
            for (key, n) in
                [(first.clone(), pieces), (first.split('-').next().unwrap_or("").to_string(), pieces)]
            {
                let e = lex.starts.entry(key).or_insert(0);
                *e = (*e).max(n);
            }
        }
        for row in rows(NAME_HEADS) {
            if let [kind, word] = row[..] {
                match kind {
                    "org" => lex.org_heads.insert(word),
                    "org-start" => lex.org_starts.insert(word),
                    "place" => lex.place_heads.insert(word),
                    "place-start" => lex.place_starts.insert(word),
                    "place-suffix" => {
                        lex.place_suffixes.push(word);
                        true
                    }
                    _ => false,
                };
            }
        }
        lex
    }

    fn add_names(&mut self, name: &str, aliases: &str, label: Label, kind: &str, ambiguous: bool) {
        for form in std::iter::once(name).chain(alternatives(aliases)) {
            let entry = NameEntry { label, canonical: name.to_string(), kind: kind.to_string(), ambiguous };
            self.insert_name(form, entry);
        }
    }

    fn insert_name(&mut self, form: &str, entry: NameEntry) {
        let form = collapse(form);
        if form.is_empty() {
            return;
        }
        self.max_name_words = self.max_name_words.max(form.split(' ').count());
        match self.names.get(&form) {
            Some(old) if rank(old) <= rank(&entry) => {}
            _ => {
                self.names.insert(form, entry);
            }
        }
    }

    /// Looks a name up as printed, then, for a name printed in capitals ("MOSCOW", "CEDAR RAPIDS"), in
    /// title case.
    pub fn name(&self, form: &str) -> Option<&NameEntry> {
        if let Some(entry) = self.names.get(form) {
            return Some(entry);
        }
        let letters = form.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 3 && form.chars().all(|c| !c.is_lowercase()) {
            let titled: String = form.split(' ').map(title_word).collect::<Vec<_>>().join(" ");
            // "IVANO-FRANKIVSK" is "Ivano-Frankivsk".
            let parts = || -> String {
                form.split(' ')
                    .map(|w| w.split('-').map(title_word).collect::<Vec<_>>().join("-"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            return self.names.get(&titled).or_else(|| self.names.get(&parts()));
        }
        None
    }

    /// The most pieces a gazetteer name or title starting with `first` can span, if any starts with it
    /// (for a word in capitals, also in title case: "MOSCOW").
    pub fn pieces_from(&self, first: &str) -> Option<usize> {
        if let Some(&n) = self.starts.get(first) {
            return Some(n);
        }
        if first.chars().filter(|c| c.is_alphabetic()).count() > 3 && first.chars().all(|c| !c.is_lowercase())
        {
            let parts = || first.split('-').map(title_word).collect::<Vec<_>>().join("-");
            // A name in capitals may span as many words as the longest name.
            return self
                .starts
                .get(&title_word(first))
                .or_else(|| self.starts.get(&parts()))
                .map(|_| self.max_name_words.max(1) * 2);
        }
        None
    }

    /// Whether `word` (as printed) is an ordinary lowercase word when written in lowercase.
    pub fn is_common(&self, word: &str) -> bool {
        if word.chars().any(char::is_uppercase) {
            self.common.contains(&word.to_lowercase())
        } else {
            self.common.contains(word)
        }
    }
}

/// A word in title case: its first letter as printed, the rest in lowercase ("MOSCOW" is "Moscow").
pub(crate) fn title_word(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map(|f| f.to_string() + &cs.as_str().to_lowercase()).unwrap_or_default()
}
