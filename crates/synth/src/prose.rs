//! Writing a report: headline, lead, body paragraphs, captions and reader comments about one event.
//!
//! Every document about an event draws on the same facts (the event's people, places and quantities)
//! but writes them differently: it picks its own subset of details and voices from the banks, in its own
//! order, with its own synonyms, speech verbs, quotation style and hedges, and may mention an earlier
//! event in passing. Templates are never reused within a document, so a long report does not repeat
//! itself; the banks (the kind's own in [`crate::kinds`] and the type-independent ones below) hold
//! enough sentences for the longest body (900 words).
//!
//! The [`Writer`] owns the document's random stream and remembers what the document has already said:
//! which participants it has introduced (the first mention is "Foreign Minister Ana Petrova" or "Ana
//! Petrova, an analyst at Chatham House,", later ones "Petrova") and which templates it has used.

use std::sync::OnceLock;

use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use crate::calendar::Day;
use crate::kinds::{Format, Voice};
use crate::tables::tables;
use crate::world::Event;

/// What other governments, bodies and people said: type-independent, indirect speech.
const REACTIONS: &[&str] = &[
    "{Igo} said in a statement that it was following developments in {country} closely and urged all sides to act responsibly.",
    "In a brief statement, the {adj} government said it would not comment further until all the facts were known.",
    "Opposition parties accused the government of using the {noun0} for political ends, a charge ministers rejected.",
    "{p1} {said} the authorities had questions to answer about how events had unfolded, and demanded that officials appear before parliament.",
    "Reaction on social media was divided, with some users praising the authorities and others accusing them of hiding the truth.",
    "Foreign governments were quick to respond, and several embassies in {country} issued statements within hours.",
    "{Adj2} officials {said} they had been in contact with their {adj} counterparts and were ready to help if asked.",
    "Markets in {country} reacted cautiously, and the main stock index closed slightly lower on the day.",
    "Not everyone was convinced. {p2} {said} the official account left too many questions unanswered.",
    "Religious leaders and trade unions called for calm, while several newspapers in {country} demanded that someone take responsibility.",
    "The reaction in {city} was muted, with many residents saying they had heard similar promises before.",
    "{p0} {said} the government had acted quickly and responsibly, and rejected suggestions that warnings had been ignored.",
    "A spokesperson for {igo} {said} the organisation was ready to offer technical help if the {adj} authorities asked for it.",
];

/// What it means: type-independent commentary.
const ANALYSIS: &[&str] = &[
    "Analysts said the {noun0} could have lasting consequences for the government, which faces growing discontent over the economy.",
    "For the government, the timing could hardly be worse: growth is slowing and its approval ratings have fallen for months.",
    "Some analysts [argue|believe|say] the {noun} {was} a turning point; others say little will change in practice.",
    "{p2} {said} the {noun0} showed how much had changed in {country} over the past decade, and how much had not.",
    "The episode is likely to shape political debate in {country} for months, according to [political observers|commentators|diplomats in {city}].",
    "Diplomats in {city} said privately that the {noun0} had caught many governments by surprise.",
    "Whether the {noun0} marks a lasting shift remains unclear, and much will depend on decisions taken in the coming weeks.",
    "Critics say the authorities have repeatedly promised reforms without delivering them, and that public trust is low.",
    "In {city}, where the {noun0} dominated conversation in cafes and on public transport, many people said they expected little to change.",
    "Economists [warned|said] the {noun0} could weigh on investment, at least in the short term.",
    "It is the kind of event that tends to be remembered long after the headlines fade, [one analyst said|according to historians of the region].",
    "{p3} {said} the [reported|official] figures should be treated with caution until they could be independently verified.",
    "The government's handling of the {noun0} has become a test of its credibility, both at home and with its partners abroad.",
];

/// Context: type-independent background, some of it about another event of the world (`{other}`).
const BACKGROUND: &[&str] = &[
    "The {noun0} came {ago} after {other}.",
    "Many people in {country} drew comparisons with {other}, {ago} earlier.",
    "Memories are still fresh of {other}, {ago} ago.",
    "Officials have been under pressure since {other}, {ago} ago, and critics say lessons were not learned.",
    "{Country} has seen a series of political and economic shocks in recent years, and public confidence in institutions is low, according to opinion polls.",
    "Relations between {country} and {country2} have been strained for years, although both governments have recently signalled a wish to improve them.",
    "The {noun} {was} the [latest|most serious] in a series of events that have tested the {adj} government this year.",
    "The area around {city} has a long history of tension between the central government and local authorities.",
    "{Country}'s economy has grown slowly over the past decade, and unemployment remains high among young people.",
];

/// How a report ends: what happens next.
const CLOSINGS: &[&str] = &[
    "Officials said more details would be released in the coming days.",
    "The government is expected to set out its response in parliament next week.",
    "It was not immediately clear what the next steps would be.",
    "{Igo} is expected to discuss the {noun0} at a meeting later this month.",
    "Further statements are expected later in the week, officials said.",
    "Neither side gave any indication of when talks on the next steps might begin.",
];

/// Quotations any participant of a voice may give: `true` marks those that fit only a crisis (deaths,
/// damage, unrest), the others fit any event.
const QUOTES: &[(Voice, bool, &str)] = &[
    (Voice::Official, true, "We are doing everything in our power to deal with the situation"),
    (Voice::Official, true, "I want to assure everyone that the government is in control"),
    (Voice::Official, true, "This is a difficult moment, but we will get through it together"),
    (Voice::Official, false, "We will provide more information as soon as we have it"),
    (Voice::Official, false, "Our position has been clear from the start, and it has not changed"),
    (Voice::Critic, true, "The government has failed, and it must take responsibility"),
    (Voice::Critic, false, "People deserve the truth, not more excuses"),
    (Voice::Critic, true, "We warned about this for years and nobody listened"),
    (Voice::Critic, false, "Nobody asked the people who will have to live with the consequences"),
    (Voice::Expert, false, "It is too early to draw firm conclusions, but the signs are worrying"),
    (Voice::Expert, false, "What happens next depends largely on decisions taken in the coming weeks"),
    (Voice::Expert, false, "This was not a surprise to anyone who has followed events in {country} closely"),
    (Voice::Expert, false, "The consequences will be felt well beyond {country}"),
    (Voice::Witness, true, "Nobody here expected anything like this"),
    (Voice::Witness, true, "We are all in shock. Everyone is talking about it"),
    (Voice::Witness, true, "I just want life to go back to normal"),
    (Voice::Witness, false, "People here have been talking about nothing else all week"),
];

/// Where and how someone spoke, after "..., Petrova said,".
const SETTINGS: &[&str] = &[
    "speaking to reporters in {city}",
    "in a televised address",
    "in a statement",
    "at a news conference",
    "in an interview with local television",
    "speaking by telephone",
    "in a post on social media",
];

/// Who speaks when no participant of the quotation's voice takes part.
fn anonymous(voice: Voice) -> &'static [&'static str] {
    match voice {
        Voice::Official => {
            &["a government spokesperson", "an official who asked not to be named", "a senior official"]
        }
        Voice::Critic => &["an opposition politician", "one critic of the government", "a local activist"],
        Voice::Expert => &["one analyst", "a diplomat in {city}", "a researcher who follows the region"],
        Voice::Witness => &["one resident", "a man who gave only his first name", "a woman at the scene"],
    }
}

/// Reader comments, and replies to them (`{to}` is the commenter answered).
const COMMENTS: &[&str] = &[
    "Thoughts with everyone in {city} tonight.",
    "Same story every time. Nothing will change until people stop voting for the same politicians.",
    "Who actually believes the official numbers?",
    "Excellent reporting, thank you for covering this properly.",
    "I was in {city} last year. Hard to believe this is the same place.",
    "The article doesn't mention what happened the last time. Convenient.",
    "{s0} should be ashamed of that statement.",
    "Where is the rest of the world on this?",
    "This will be forgotten in a week, like everything else.",
    "Does anyone know if the roads into {city} are open again?",
    "Interesting that the government statement came so late.",
    "My cousin lives near {city}. Everyone is shaken but safe.",
    "The real question is who benefits from all this.",
    "Good to see {igo} finally saying something, even if it is too little.",
];

const REPLIES: &[&str] = &[
    "@{to} exactly what I was thinking.",
    "@{to} you clearly didn't read past the headline.",
    "@{to} not true, the figures are in the article.",
    "Agreed with {to}. Well said.",
    "@{to} and what would you have done differently?",
];

/// Numbers below ten as words, as news style spells them in running text.
const SMALL_NUMBERS: [&str; 10] =
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/// Verbs that introduce reported speech ("X said that ...") and read well before a clause.
const INDIRECT_VERBS: [&str; 12] = [
    "said",
    "added",
    "noted",
    "stated",
    "argued",
    "insisted",
    "claimed",
    "warned",
    "acknowledged",
    "suggested",
    "maintained",
    "stressed",
];

/// The share of speech verbs that are plain "said" (0..=1). Wire copy uses "said" for most attributions;
/// 0.55 keeps it the most common verb while the others still show in a few hundred words.
const SAID_SHARE: f64 = 0.55;

/// Which bank a template was drawn from, for the record of what a document has used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bank {
    Detail,
    Reaction,
    Analysis,
    Background,
    Closing,
    Quote,
    GenericQuote,
    Comment,
}

/// The paragraph roles of a body after its lead, with their weights (relative; from reading wire and
/// newspaper reports, which alternate facts and voices and keep context and commentary shorter).
const ROLE_WEIGHTS: [(Bank, u32); 5] =
    [(Bank::Detail, 3), (Bank::Quote, 3), (Bank::Reaction, 2), (Bank::Analysis, 2), (Bank::Background, 1)];

/// Writes one document about one event.
#[derive(Debug)]
pub(crate) struct Writer {
    pub rng: ChaCha8Rng,
    pub event: Event,
    /// An earlier event the report may mention in passing.
    pub background: Option<Event>,
    pub published: Day,
    /// Opening and closing quotation marks: curly or straight, one style per page.
    pub marks: (&'static str, &'static str),
    introduced: [bool; 4],
    headline_mode: bool,
    /// The templates used so far, a bit per template of each bank (every bank has fewer than 64).
    used: [u64; 8],
    /// The templates of each bank this document can use (see [`Writer::usable`]), worked out on first
    /// use and again once the background event has been mentioned.
    usable_masks: [Option<u64>; 8],
    /// Whether the body mentions the background event.
    pub mentioned_background: bool,
}

/// Which event a template is expanded for: the report's own, or the background event in a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Main,
    Background,
}

impl Writer {
    pub(crate) fn new(rng: ChaCha8Rng, event: Event, background: Option<Event>, published: Day) -> Writer {
        let mut rng = rng;
        let marks = if rng.random_bool(0.5) { ("“", "”") } else { ("\"", "\"") };
        Writer {
            rng,
            event,
            background,
            published,
            marks,
            introduced: [false; 4],
            headline_mode: false,
            used: [0; 8],
            usable_masks: [None; 8],
            mentioned_background: false,
        }
    }

    fn event_for(&self, subject: Subject) -> &Event {
        match (subject, &self.background) {
            (Subject::Background, Some(b)) => b,
            _ => &self.event,
        }
    }

    /// Expands a template for the report's event and capitalises its first letter.
    pub(crate) fn sentence(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        self.expand(Subject::Main, template, None, &mut out);
        capitalise_first(&mut out);
        out
    }

    /// Expands `template` into `out`. `follow` is the character that comes after the template in the
    /// text it is part of (None at the end), which decides whether an apposition needs a closing comma.
    fn expand(&mut self, subject: Subject, template: &str, follow: Option<char>, out: &mut String) {
        let mut rest = template;
        while let Some(at) = rest.bytes().position(|b| b == b'{' || b == b'[') {
            out.push_str(&rest[..at]);
            let open = rest.as_bytes()[at];
            let close = if open == b'{' { '}' } else { ']' };
            let Some(len) = rest[at..].find(close) else {
                out.push_str(&rest[at..]);
                return;
            };
            let inner = &rest[at + 1..at + len];
            rest = &rest[at + len + 1..];
            let next = rest.chars().next().or(follow);
            let start = out.len();
            if open == b'{' {
                self.resolve(subject, inner, next, out);
            } else {
                let choices: Vec<&str> = inner.split('|').collect();
                let choice = choices[self.rng.random_range(0..choices.len())];
                self.expand(subject, choice, next, out);
                // An empty alternative leaves the spaces on both sides of it: keep one.
                if out.len() == start && out.ends_with(' ') && rest.starts_with(' ') {
                    rest = &rest[1..];
                }
            }
            agree_article(out, start);
            // "the United States's" is printed "the United States'".
            let piece = &out[start..];
            if rest.starts_with("'s")
                && piece.ends_with('s')
                && (piece.starts_with("the ") || piece.starts_with("The "))
            {
                out.push('\'');
                rest = &rest[2..];
            }
        }
        out.push_str(rest);
    }

    fn resolve(&mut self, subject: Subject, key: &str, follow: Option<char>, out: &mut String) {
        let capital = key.starts_with(|c: char| c.is_ascii_uppercase());
        let start = out.len();
        // Keys are short ASCII words: lower-case them on the stack.
        let mut buf = [0u8; 24];
        let n = key.len().min(buf.len());
        for (d, s) in buf.iter_mut().zip(key.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        let lower = std::str::from_utf8(&buf[..n]).unwrap_or(key);
        self.resolve_lower(subject, lower, follow, out);
        if capital {
            capitalise_at(out, start);
        }
    }

    fn resolve_lower(&mut self, subject: Subject, key: &str, follow: Option<char>, out: &mut String) {
        let headline = self.headline_mode;
        let ev = self.event_for(subject);
        let plural = ev.kind.plural;
        match key {
            "city" => out.push_str(ev.city.name),
            "country" => out.push_str(ev.city.country),
            "adj" => out.push_str(ev.city.adjective),
            "country2" => out.push_str(ev.other.country),
            "adj2" => out.push_str(ev.other.adjective),
            "subject" => out.push_str(ev.subject),
            "noun0" => out.push_str(ev.kind.one),
            "noun" => {
                let nouns = ev.kind.nouns;
                let noun = nouns[self.rng.random_range(0..nouns.len())];
                out.push_str(noun);
            }
            "was" => out.push_str(if plural { "were" } else { "was" }),
            "is" => out.push_str(if plural { "are" } else { "is" }),
            "has" => out.push_str(if plural { "have" } else { "has" }),
            "o0" | "o1" => {
                let i = usize::from(key == "o1");
                out.push_str(ev.organisations.get(i).copied().unwrap_or("the authorities"));
            }
            "igo" => out.push_str(ev.igo),
            "year" => out.push_str(&ev.date.year().to_string()),
            "date" => out.push_str(&ev.date.month_day()),
            "on_day" => {
                let day = ev.date;
                let text = self.on_day(day);
                out.push_str(&text);
            }
            "said" => {
                let verb = self.indirect_verb();
                out.push_str(verb);
                if verb != "said" {
                    out.push_str(" that");
                }
            }
            "other" => match self.background.as_ref().map(|b| b.kind.briefs) {
                Some(briefs) => {
                    let brief = briefs[self.rng.random_range(0..briefs.len())];
                    self.mentioned_background = true;
                    self.usable_masks = [None; 8];
                    self.expand(Subject::Background, brief, follow, out);
                }
                None => out.push_str("earlier unrest in the region"),
            },
            "ago" => {
                let days = self.background.as_ref().map_or(30, |b| self.published.0 - b.date.0);
                out.push_str(&ago(days));
            }
            _ => {
                if let Some((kind, i)) = person_key(key) {
                    self.person(subject, kind, i, follow, out);
                } else if let Some((value, format)) = ev.quantity(key) {
                    format_quantity(value, format, headline, out);
                } else {
                    out.push_str(key);
                }
            }
        }
    }

    /// A participant as a template names them: `p` a mention (introduction first, then the surname or a
    /// short role), `s` the surname, `n` the full name.
    fn person(&mut self, subject: Subject, kind: char, i: usize, follow: Option<char>, out: &mut String) {
        if subject == Subject::Background {
            out.push_str("officials");
            return;
        }
        let Some(person) = self.event.people.get(i) else {
            out.push_str(anonymous(Voice::Official)[0]);
            return;
        };
        match kind {
            's' => out.push_str(person.surname),
            'n' => {
                out.push_str(person.given);
                out.push(' ');
                out.push_str(person.surname);
            }
            _ => {
                let text = self.mention(i, follow);
                out.push_str(&text);
            }
        }
    }

    /// A mention of participant `i`: the introduction the first time, later the surname (or, now and then,
    /// the short role). `follow` is the character after the mention: a sentence that goes on after an
    /// apposition needs a comma to close it.
    pub(crate) fn mention(&mut self, i: usize, follow: Option<char>) -> String {
        let Some(person) = self.event.people.get(i) else { return anonymous(Voice::Official)[0].to_owned() };
        if self.headline_mode {
            return person.surname.to_owned();
        }
        if self.introduced.get(i).copied().unwrap_or(true) {
            let short_unique = self.event.people.iter().filter(|p| p.short == person.short).count() == 1;
            return if short_unique && self.rng.random_bool(0.15) {
                person.short.to_owned()
            } else {
                person.surname.to_owned()
            };
        }
        self.introduced[i] = true;
        if person.apposition.is_empty() {
            format!("{} {} {}", person.title, person.given, person.surname)
        } else {
            let closes = follow.is_none_or(|c| matches!(c, '.' | ',' | ':' | ';' | '?' | '!'));
            let comma = if closes { "" } else { "," };
            format!("{} {}, {}{comma}", person.given, person.surname, person.apposition)
        }
    }

    /// "on Tuesday" for a day in the week before publication, otherwise "on April 18"; now and then
    /// "last week".
    fn on_day(&mut self, day: Day) -> String {
        let gap = self.published.0 - day.0;
        match gap {
            0..=6 if self.rng.random_bool(0.8) => format!("on {}", day.weekday()),
            7..=13 if self.rng.random_bool(0.3) => "last week".to_owned(),
            _ => format!("on {}", day.month_day()),
        }
    }

    /// A verb of reported speech: mostly "said".
    fn indirect_verb(&mut self) -> &'static str {
        if self.rng.random_bool(SAID_SHARE) {
            "said"
        } else {
            INDIRECT_VERBS[self.rng.random_range(0..INDIRECT_VERBS.len())]
        }
    }

    /// A verb closing a quotation of a voice, from the speech-verb table: mostly "said".
    fn speech_verb(&mut self, voice: Voice) -> &'static str {
        let verbs = verbs_for(voice);
        if verbs.is_empty() || self.rng.random_bool(SAID_SHARE) {
            "said"
        } else {
            verbs[self.rng.random_range(0..verbs.len())]
        }
    }

    /// Whether every participant a template names takes part, and its background event exists and is
    /// not mentioned yet. Looks at the bytes after each `{` only: every template is asked about at every
    /// draw, so this allocates nothing.
    fn usable(&self, template: &str) -> bool {
        let people = self.event.people.len();
        let background_free = self.background.is_some() && !self.mentioned_background;
        let bytes = template.as_bytes();
        let mut i = 0;
        while let Some(at) = bytes[i..].iter().position(|&b| b == b'{') {
            let key = &bytes[i + at + 1..];
            i += at + 1;
            if let [kind, digit, b'}', ..] = key
                && matches!(kind.to_ascii_lowercase(), b'p' | b's' | b'n')
                && digit.is_ascii_digit()
                && usize::from(digit - b'0') >= people
            {
                return false;
            }
            if (key.starts_with(b"other}") || key.starts_with(b"ago}")) && !background_free {
                return false;
            }
        }
        true
    }

    fn is_used(&self, bank: Bank, i: usize) -> bool {
        self.used[bank as usize] & (1 << i) != 0
    }

    fn mark(&mut self, bank: Bank, i: usize) {
        self.used[bank as usize] |= 1 << i;
    }

    /// The templates of a bank that [`Writer::draw`] draws from.
    fn templates(&self, bank: Bank) -> &'static [&'static str] {
        match bank {
            Bank::Detail => self.event.kind.details,
            Bank::Reaction => REACTIONS,
            Bank::Analysis => ANALYSIS,
            Bank::Background => BACKGROUND,
            Bank::Closing => CLOSINGS,
            Bank::Comment => COMMENTS,
            Bank::Quote | Bank::GenericQuote => &[],
        }
    }

    /// The templates of a bank still available: usable and not yet used, a bit each.
    fn available(&mut self, bank: Bank) -> u64 {
        let mask = match self.usable_masks[bank as usize] {
            Some(m) => m,
            None => {
                let templates = self.templates(bank);
                let m =
                    (0..templates.len()).filter(|&i| self.usable(templates[i])).fold(0u64, |m, i| m | 1 << i);
                self.usable_masks[bank as usize] = Some(m);
                m
            }
        };
        mask & !self.used[bank as usize]
    }

    /// An unused, usable template of a bank, marked as used.
    fn draw(&mut self, bank: Bank) -> Option<&'static str> {
        let mut free = self.available(bank);
        if free == 0 {
            return None;
        }
        // The k-th set bit, for a k drawn uniformly.
        for _ in 0..self.rng.random_range(0..free.count_ones()) {
            free &= free - 1;
        }
        let i = free.trailing_zeros() as usize;
        self.mark(bank, i);
        Some(self.templates(bank)[i])
    }

    /// The headline: one of the kind's, digits for numbers and surnames for people; in title case on
    /// some pages.
    pub(crate) fn headline(&mut self, title_case: bool) -> String {
        let headlines = self.event.kind.headlines;
        let template = loop {
            let t = headlines[self.rng.random_range(0..headlines.len())];
            if self.usable(t) {
                break t;
            }
        };
        self.headline_mode = true;
        let mut text = self.sentence(template);
        self.headline_mode = false;
        if title_case {
            text = to_title_case(&text);
        }
        text
    }

    /// A standfirst: a detail of the event as a summary line, without a final full stop.
    pub(crate) fn standfirst(&mut self) -> Option<String> {
        let template = self.draw(Bank::Detail)?;
        let mut text = self.sentence(template);
        if text.ends_with('.') {
            text.pop();
        }
        Some(text)
    }

    /// The lead paragraph, with `dateline` ("MOSCOW (Reuters) - ") before it.
    pub(crate) fn lead(&mut self, dateline: &str) -> String {
        let leads = self.event.kind.leads;
        let candidates: Vec<&'static str> = leads.iter().copied().filter(|t| self.usable(t)).collect();
        let template = candidates.choose(&mut self.rng).copied().unwrap_or(leads[0]);
        let mut text = String::from(dateline);
        text.push_str(&self.sentence(template));
        text
    }

    /// The body after the lead: paragraphs until the body (lead included, `lead_words` long) reaches
    /// `target` words, ending with a closing paragraph.
    pub(crate) fn paragraphs(&mut self, lead_words: usize, target: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut words = lead_words;
        // Reports give a fact and a voice early: a detail, then a quotation.
        let mut plan = vec![Bank::Detail, Bank::Quote];
        while words < target {
            let bank = match plan.pop() {
                Some(b) => b,
                None => self.pick_role(),
            };
            let Some(paragraph) = self.paragraph(bank) else {
                // The bank is spent: drop the role; stop when every bank is.
                if self.exhausted() {
                    break;
                }
                continue;
            };
            words += word_count(&paragraph);
            out.push(paragraph);
        }
        if let Some(t) = self.draw(Bank::Closing) {
            out.push(self.sentence(t));
        }
        out
    }

    fn pick_role(&mut self) -> Bank {
        let total: u32 = ROLE_WEIGHTS.iter().map(|(_, w)| w).sum();
        let mut x = self.rng.random_range(0..total);
        for (bank, w) in ROLE_WEIGHTS {
            if x < w {
                return bank;
            }
            x -= w;
        }
        Bank::Detail
    }

    fn exhausted(&mut self) -> bool {
        let (main, generic) = self.quote_candidates();
        main.is_empty()
            && generic.is_empty()
            && [Bank::Detail, Bank::Reaction, Bank::Analysis, Bank::Background]
                .iter()
                .all(|&b| self.available(b) == 0)
    }

    /// One paragraph of a role: one or two sentences, or a quotation.
    fn paragraph(&mut self, bank: Bank) -> Option<String> {
        if bank == Bank::Quote {
            return self.quote_paragraph();
        }
        let first = self.draw(bank)?;
        let mut text = self.sentence(first);
        if self.rng.random_bool(0.4)
            && let Some(second) = self.draw(bank)
        {
            text.push(' ');
            text.push_str(&self.sentence(second));
        }
        Some(text)
    }

    /// The unused quotations: the kind's own and the generic ones, by index into each bank.
    fn quote_candidates(&self) -> (Vec<usize>, Vec<usize>) {
        let own = self.event.kind.quotes;
        let main = (0..own.len()).filter(|&i| !self.is_used(Bank::Quote, i)).collect();
        let generic = (0..QUOTES.len())
            .filter(|&i| self.fits(QUOTES[i].0, QUOTES[i].1) && !self.is_used(Bank::GenericQuote, i))
            .collect();
        (main, generic)
    }

    /// Whether a type-independent quotation fits the event: a crisis quotation only a crisis, and the
    /// voice of a witness or critic only where one takes part (officials and analysts comment on
    /// anything).
    fn fits(&self, voice: Voice, crisis_only: bool) -> bool {
        (!crisis_only || self.event.kind.crisis)
            && (matches!(voice, Voice::Official | Voice::Expert)
                || self.event.people.iter().any(|p| p.voice == voice))
    }

    /// A quotation, attributed to a participant of its voice (or to an anonymous source), in one of the
    /// shapes reports print quotations in.
    fn quote_paragraph(&mut self) -> Option<String> {
        let (main, generic) = self.quote_candidates();
        // The kind's own quotations first: they are about this event.
        let (voice, quote_template, key) =
            if !main.is_empty() && (generic.is_empty() || self.rng.random_bool(0.65)) {
                let i = *main.choose(&mut self.rng)?;
                let (v, t) = self.event.kind.quotes[i];
                (v, t, (Bank::Quote, i))
            } else {
                let i = *generic.choose(&mut self.rng)?;
                let (v, _, t) = QUOTES[i];
                (v, t, (Bank::GenericQuote, i))
            };
        self.mark(key.0, key.1);
        let quote = self.sentence(quote_template);
        let speakers: Vec<usize> =
            (0..self.event.people.len()).filter(|&i| self.event.people[i].voice == voice).collect();
        let speaker = speakers.choose(&mut self.rng).copied();
        let (open, close) = self.marks;
        let shape = self.rng.random_range(0..5u32);
        // The speaker's name before the verb, or at the end of the sentence.
        let name = |w: &mut Writer, follow: Option<char>| match speaker {
            Some(i) => w.mention(i, follow),
            None => {
                let options = anonymous(voice);
                let t = options[w.rng.random_range(0..options.len())];
                let mut s = String::new();
                w.expand(Subject::Main, t, follow, &mut s);
                s
            }
        };
        let text = match shape {
            0 => {
                let who = name(self, Some(' '));
                let verb = self.speech_verb(voice);
                format!("{open}{quote},{close} {who} {verb}.")
            }
            1 => {
                let verb = self.speech_verb(voice);
                let who = name(self, None);
                format!("{open}{quote},{close} {verb} {who}.")
            }
            2 => {
                let mut who = name(self, Some(' '));
                capitalise_first(&mut who);
                let verb = self.indirect_verb();
                format!("{who} {verb}: {open}{quote}.{close}")
            }
            3 => {
                let who = name(self, Some(' '));
                let verb = self.speech_verb(voice);
                let setting = SETTINGS[self.rng.random_range(0..SETTINGS.len())];
                let mut setting_text = String::new();
                self.expand(Subject::Main, setting, None, &mut setting_text);
                format!("{open}{quote},{close} {who} {verb}, {setting_text}.")
            }
            _ => {
                // Two quotations of the same voice, the attribution between them.
                let who = name(self, Some(' '));
                let verb = self.speech_verb(voice);
                let second = self.second_quote(voice);
                match second {
                    Some(q2) => format!("{open}{quote},{close} {who} {verb}. {open}{q2}.{close}"),
                    None => format!("{open}{quote},{close} {who} {verb}."),
                }
            }
        };
        Some(text)
    }

    fn second_quote(&mut self, voice: Voice) -> Option<String> {
        let own = self.event.kind.quotes;
        let mut options: Vec<((Bank, usize), &'static str)> = (0..own.len())
            .filter(|&i| own[i].0 == voice && !self.is_used(Bank::Quote, i))
            .map(|i| ((Bank::Quote, i), own[i].1))
            .collect();
        if options.is_empty() {
            options.extend(
                (0..QUOTES.len())
                    .filter(|&i| {
                        QUOTES[i].0 == voice
                            && self.fits(QUOTES[i].0, QUOTES[i].1)
                            && !self.is_used(Bank::GenericQuote, i)
                    })
                    .map(|i| ((Bank::GenericQuote, i), QUOTES[i].2)),
            );
        }
        let &(key, template) = options.choose(&mut self.rng)?;
        self.mark(key.0, key.1);
        Some(self.sentence(template))
    }

    /// A photo caption (without its credit): a scene of the event, sometimes with its weekday. With
    /// `dated`, sometimes with its full date instead ("..., April 18, 2013."), as agency captions print
    /// it; layouts ask for that only where the caption cannot be taken for the page's timestamp (it
    /// comes after it) or for a comment header (there are no comments).
    pub(crate) fn caption(&mut self, dated: bool) -> String {
        let captions = self.event.kind.captions;
        let candidates: Vec<&'static str> = captions.iter().copied().filter(|t| self.usable(t)).collect();
        let template = candidates.choose(&mut self.rng).copied().unwrap_or(captions[0]);
        let mut text = self.sentence(template);
        let day = self.event.date;
        match self.rng.random_range(0..if dated { 3 } else { 2 }) {
            0 => text.push('.'),
            1 => text.push_str(&format!(" on {}.", day.weekday())),
            _ => {
                let (y, _, d) = day.ymd();
                text.push_str(&format!(", {} {d}, {y}.", day.month_name()));
            }
        }
        text
    }

    /// A reader comment; a reply when `to` names the commenter answered.
    pub(crate) fn comment(&mut self, to: Option<&str>) -> String {
        let template = match to {
            Some(_) => REPLIES[self.rng.random_range(0..REPLIES.len())],
            None => match self.draw(Bank::Comment) {
                Some(t) => t,
                None => COMMENTS[self.rng.random_range(0..COMMENTS.len())],
            },
        };
        let template = template.replace("{to}", to.unwrap_or(""));
        self.sentence(&template)
    }

    /// A headline for another event, as a promo link prints it.
    pub(crate) fn promo_headline(&mut self, other: &mut Event) -> String {
        // The other event stands in for the report's own while its headline is written.
        std::mem::swap(&mut self.event, other);
        let text = self.headline(false);
        std::mem::swap(&mut self.event, other);
        text
    }
}

/// The speech-verb classes (as in speech_verbs.tsv) that suit each voice: officials assert, critics
/// also claim and complain, analysts also concede, witnesses also lament.
fn verb_classes(voice: Voice) -> &'static [&'static str] {
    match voice {
        Voice::Official => &["neutral", "assertive"],
        Voice::Critic => &["neutral", "assertive", "doubt", "contentious"],
        Voice::Expert => &["neutral", "concessive", "assertive"],
        Voice::Witness => &["neutral", "emotive"],
    }
}

/// The speech verbs of the table that suit a voice, gathered once.
fn verbs_for(voice: Voice) -> &'static [&'static str] {
    static VERBS: OnceLock<[Vec<&'static str>; 4]> = OnceLock::new();
    let all = VERBS.get_or_init(|| {
        [Voice::Official, Voice::Critic, Voice::Expert, Voice::Witness].map(|v| {
            let classes = verb_classes(v);
            tables()
                .speech_verbs
                .iter()
                .filter(|(_, class)| classes.contains(class))
                .map(|(form, _)| *form)
                .collect()
        })
    });
    let i = match voice {
        Voice::Official => 0,
        Voice::Critic => 1,
        Voice::Expert => 2,
        Voice::Witness => 3,
    };
    &all[i]
}

/// Whether a word is said with a vowel sound first, so that "a" before it becomes "an". Spelling decides,
/// except for the words that open with a "y" or "w" sound ("a union", "a one-off", "a European").
fn vowel_sound(word: &str) -> bool {
    let lower = word.get(..3).unwrap_or(word).to_ascii_lowercase();
    word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U'])
        && !["uni", "use", "usu", "eu", "one", "eur"].iter().any(|p| lower.starts_with(p))
}

/// Turns the article "a" just before `out[at..]` into "an" when the text there opens with a vowel sound.
fn agree_article(out: &mut String, at: usize) {
    let before = &out[..at];
    let single_a = |s: &str| s.ends_with(" a ") || s == "a " || s.ends_with(" A ") || s == "A ";
    if single_a(before) && vowel_sound(&out[at..]) {
        out.insert(at - 1, 'n');
    }
}

/// The number of words (runs of characters between ASCII spaces and line breaks, which are the only
/// spaces the generator writes), counted a byte at a time.
pub(crate) fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for b in text.bytes() {
        let space = matches!(b, b' ' | b'\n' | b'\t' | b'\r');
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

/// A template key that names a participant: `p0`, `s1`, `n2`.
fn person_key(key: &str) -> Option<(char, usize)> {
    let mut chars = key.chars();
    let kind = chars.next()?;
    let digit = chars.next()?.to_digit(10)?;
    (matches!(kind, 'p' | 's' | 'n') && chars.next().is_none()).then_some((kind, digit as usize))
}

fn format_quantity(value: u32, format: Format, headline: bool, out: &mut String) {
    match format {
        Format::Count if !headline && value < 10 => out.push_str(SMALL_NUMBERS[value as usize]),
        Format::Count => out.push_str(&with_separators(value)),
        Format::Digits | Format::YearsBefore => out.push_str(&value.to_string()),
        Format::Tenths => out.push_str(&format!("{}.{}", value / 10, value % 10)),
    }
}

/// "12,400".
fn with_separators(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How long ago, in words: "nine days", "three weeks", "five months", "two years".
fn ago(days: i32) -> String {
    let (n, unit) = match days {
        ..=13 => (days.max(2), "day"),
        14..=59 => (days / 7, "week"),
        60..=729 => (days / 30, "month"),
        _ => (days / 365, "year"),
    };
    let number =
        usize::try_from(n).ok().and_then(|n| SMALL_NUMBERS.get(n)).map_or(n.to_string(), |w| (*w).to_owned());
    format!("{number} {unit}s")
}

/// Upper-cases the letter at byte `at` of `out`, if it is a lower-case one.
fn capitalise_at(out: &mut String, at: usize) {
    if let Some(head) = out.get_mut(at..at + 1)
        && head.as_bytes()[0].is_ascii_lowercase()
    {
        head.make_ascii_uppercase();
    } else if let Some(c) = out[at..].chars().next()
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        out.replace_range(at..at + c.len_utf8(), &upper);
    }
}

/// Upper-cases the first letter, after any opening quotation mark (but not a handle: "@name").
pub(crate) fn capitalise_first(text: &mut String) {
    if let Some((i, c)) = text.char_indices().find(|(_, c)| !matches!(c, '"' | '“' | '\'' | '‘'))
        && c.is_lowercase()
    {
        let upper: String = c.to_uppercase().collect();
        text.replace_range(i..i + c.len_utf8(), &upper);
    }
}

/// Headline title case: every word capitalised except short function words inside the headline.
fn to_title_case(text: &str) -> String {
    const SMALL: [&str; 16] = [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "as", "with", "after",
        "over",
    ];
    text.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL.contains(&w) {
                w.to_owned()
            } else {
                let mut s = w.to_owned();
                capitalise_first(&mut s);
                s
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_spans_of_time_in_words() {
        assert_eq!(with_separators(1_234_567), "1,234,567");
        assert_eq!(with_separators(999), "999");
        assert_eq!(ago(3), "three days");
        assert_eq!(ago(21), "three weeks");
        assert_eq!(ago(400), "13 months");
        assert_eq!(ago(1000), "two years");
    }

    #[test]
    fn title_case_keeps_small_words() {
        assert_eq!(
            to_title_case("Bomb at a bus station in Kano kills at least 12"),
            "Bomb at a Bus Station in Kano Kills at Least 12"
        );
        let mut s = String::from("“we will");
        capitalise_first(&mut s);
        assert_eq!(s, "“We will");
    }

    #[test]
    fn every_bank_fits_the_record_of_used_templates() {
        for kind in &crate::kinds::KINDS {
            for bank in [kind.details, kind.headlines, kind.leads, kind.captions, kind.briefs] {
                assert!(bank.len() < 64, "{}", kind.name);
            }
            assert!(kind.quotes.len() < 64);
        }
        for bank in [REACTIONS, ANALYSIS, BACKGROUND, CLOSINGS, COMMENTS] {
            assert!(bank.len() < 64);
        }
        assert!(QUOTES.len() < 64);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in ["", "one", "  two words ", "a\nb\tc  d", "“Quoted,” she said."] {
            assert_eq!(word_count(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn person_keys() {
        assert_eq!(person_key("p0"), Some(('p', 0)));
        assert_eq!(person_key("s3"), Some(('s', 3)));
        assert_eq!(person_key("prev_year"), None);
        assert_eq!(person_key("n"), None);
    }
}
