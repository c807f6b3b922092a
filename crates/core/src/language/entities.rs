//! Named entities: finding the mentions, labelling them, and linking the mentions of one text that name
//! the same entity.
//!
//! # Method
//!
//! Rules over [`Piece`]s, backed by the gazetteers and lexicons of [`super::lexicon`], in four steps.
//!
//! 1. **Dates** ([`super::temporal`]) are found first, in any case ("last year", "on Wednesday"); then
//!    datelines' places: words in capitals that open a paragraph before a comma, a dash or a mark
//!    ("CEDAR RAPIDS, Iowa (AP) —").
//! 2. **Capitalised chunks.** A chunk is a run of capitalised pieces, joined by the lowercase connectors
//!    names contain (`of`, `for`, `de`, `bin`, `von`, ...) when a capitalised piece follows. The first
//!    word of a sentence (also after a dateline's mark: "BOISE - A march") leaves the chunk when it is
//!    an ordinary word ("The", "However"). A gazetteer name that runs past the chunk is taken whole ("The
//!    Office for the Coordination of Humanitarian Affairs"). A chunk is decided as a whole when it can
//!    be: a gazetteer name ("Islamic State"); an organisation by its head word ("Foreign Ministry",
//!    "Ministry of Defence"); a named event, when an event noun ends it or follows it ("Oklahoma City
//!    bombing", "G-20 summit", "Winter Olympics", "Hurricane Katrina"), or a year leads it ("the 2016
//!    U.S. presidential election"); a place by its head word ("Red Square", "Lake Baikal"). The head
//!    words do not decide a chunk that a title opens, alone or after a nationality or a place ("American
//!    Interior Minister Rajan Park"). Otherwise it is cut, longest match first, into gazetteer names,
//!    titles ("President", "Secretary of State") and the rest, which is a person when a title comes
//!    before it (but not an acronym after a role noun: "public broadcaster ARD") or its first word is a
//!    given name or it is two or three capitalised words; an organisation when it is an acronym; and
//!    undecided when it is one word. A line in title case (a headline: "Ukraine Seals Trade Agreement
//!    With India") says nothing by its capitals, so there an ordinary word is no name unless a gazetteer
//!    name or a title covers it (an ambiguous name of one ordinary word, "Target", does not), two or
//!    three capitalised words alone are no person, and event nouns with ordinary words are no named event
//!    ("Earthquake Strikes").
//! 3. **Consistency within the text.** An undecided word that is part of a person's name found elsewhere
//!    in the text is that person ("Okonjo" after "Ngozi Okonjo"); one that the text names in a
//!    decided mention elsewhere takes that label; one before a speech verb ("X said") is a person; one
//!    after "in", "near" or "from" is a place. The rest are left out: a missing entity costs less than a
//!    wrong one.
//! 4. **Linking** ([`link`]): mentions of the same entity share an [`Entity`]: gazetteer names by their
//!    canonical name ("U.S." and "America" are "United States"), people by first and last name and a
//!    surname by the nearest full name before it, acronyms by the name they were introduced with
//!    ("Federal Security Service (FSB)"), other names by their lowercase form ("Nato", "NATO").
//!
//! Titles and roles are recorded for people: the title words before a name, with what modifies them
//! ("Russian President", "Elysee spokesman"), and an apposition after it (", a spokesman for the
//! ministry,").
//!
//! # Limits
//!
//! English, capitalisation-based: all-capitals or all-lowercase text finds little. A name the gazetteers
//! do not know and the text never marks by a title, a given name or a speech verb is missed when it is a
//! single word. Pronouns are not mentions (quotes resolve them to speakers).

use std::collections::HashMap;

use super::lexicon::{Lexicon, NameEntry, collapse};
use super::pieces::Piece;
use super::{Entity, Label, Mention, temporal};
use crate::text::TokenKind;

/// A mention before linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The gazetteer's canonical name, when the mention is a gazetteer name.
    pub canonical: Option<String>,
    /// The title or role given to it where it is mentioned.
    pub role: Option<(usize, usize)>,
    /// The first piece of the mention.
    pub piece: usize,
    /// Found only by consistency with another mention or a weak cue.
    pub weak: bool,
}

/// Lowercase words that join the capitalised words of one name.
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "de", "del", "della", "der", "den", "des", "du", "da", "di", "do", "dos", "das", "la",
    "le", "van", "von", "bin", "ibn", "al", "el", "y", "und",
];

/// Lowercase words that may follow "of" or "for" inside a name ("Islamic State of Iraq and the Levant").
const CONNECTOR_ARTICLES: &[&str] = &["the"];

/// Words before which an undecided name is a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "from", "outside", "across", "throughout"];

/// Words after a name that make it a person when it is undecided.
const PERSON_VERBS: &[&str] = &["said", "says", "told", "added", "wrote", "asked", "explained", "argued"];

/// Finds the entity mentions of `text`. `pieces` are its pieces; the result is in text order and
/// mentions do not overlap.
pub fn find(text: &str, pieces: &[Piece], lex: &Lexicon) -> Vec<Found> {
    let mut taken = vec![false; pieces.len()];
    let mut found = Vec::new();

    year_led_events(text, pieces, lex, &mut taken, &mut found);
    for date in temporal::find(text, pieces) {
        if taken[date.first..date.last + 1].iter().any(|t| *t) {
            continue;
        }
        for t in &mut taken[date.first..date.last + 1] {
            *t = true;
        }
        found.push(plain(date.start, date.end, Label::Date, date.first));
    }

    // A dateline: a place printed in capitals that opens a paragraph, before a comma, a dash, a
    // parenthesis or a mark ("CEDAR RAPIDS, Iowa (AP) —", "COLUMBUS, Ohio —", "LAS VEGAS •"). Its
    // capitals and its place at the start of a sentence say nothing here; where it stands says it is a
    // place. A name the gazetteers give another kind ("NATO, which ...") is read as usual.
    for (a, b) in datelines(text, pieces, lex) {
        if taken[a..b].iter().any(|t| *t) {
            continue;
        }
        let (s, e) = (pieces[a].name_start, pieces[b - 1].name_end);
        let dateline = match lex.name(&collapse(&text[s..e])) {
            Some(entry) if entry.label == Label::Place => mention(s, e, entry, a),
            Some(_) => continue,
            None if text[s..e].chars().filter(|c| c.is_alphabetic()).count() < DATELINE_UNKNOWN_LETTERS => {
                continue;
            }
            None => plain(s, e, Label::Place, a),
        };
        taken[a..b].fill(true);
        found.push(dateline);
    }

    // In a title-case line ("Ukraine Seals Trade Agreement With India") capitals say nothing: an
    // ordinary word there is no name, unless a gazetteer name or a title covers it. A gazetteer name that
    // is one ordinary word and is marked ambiguous ("Target", "Shell") counts as the ordinary word: as at
    // the start of a sentence, its capital says nothing.
    let mut title_case = vec![false; pieces.len()];
    for (a, b) in title_case_sentences(text, pieces) {
        title_case[a..b].fill(true);
        let mut k = a;
        while k < b {
            let mut ambiguous_word = false;
            if !taken[k]
                && let Some((stop, segment @ (Segment::Name(_) | Segment::Title))) =
                    longest_at(text, pieces, lex, k, b)
            {
                ambiguous_word = matches!(segment, Segment::Name(e) if e.ambiguous)
                    && stop == k + 1
                    && ambiguous_ordinary_word(pieces[k].name(text), lex);
                if !ambiguous_word {
                    k = stop;
                    continue;
                }
            }
            // An event noun stays, to end a named event ("Ulsan Bombing").
            if pieces[k].capitalised(text)
                && (ambiguous_word || sentence_word(text, &pieces[k], lex))
                && !lex.event_heads.contains(&pieces[k].name(text).to_lowercase())
            {
                taken[k] = true;
            }
            k += 1;
        }
    }

    let mut undecided: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        if taken[i] {
            i += 1;
            continue;
        }
        let p = &pieces[i];
        if p.is_word()
            && !p.capitalised(text)
            && let Some(entry) = lex.lowercase_names.get(p.name(text))
        {
            found.push(mention(p.name_start, p.name_end, entry, i));
            taken[i] = true;
            i += 1;
            continue;
        }
        // A gazetteer name that runs past what a chunk joins ("Islamic State of Iraq and the Levant").
        if p.capitalised(text) {
            let sentence_end = pieces[i..].iter().take_while(|q| q.sentence == p.sentence).count() + i;
            let chunk = chunk_end(text, pieces, &taken, i, lex).unwrap_or(i + 1);
            let here = longest_at(text, pieces, lex, i, sentence_end);
            // Also one that the ordinary word opening the sentence comes before ("The Office for the
            // Coordination of Humanitarian Affairs"): that word is left, and the name found from the next.
            if here.is_none()
                && p.sentence_start
                && sentence_word(text, p, lex)
                && i + 1 < sentence_end
                && !taken[i + 1]
                && let Some((k, Segment::Name(_))) = longest_at(text, pieces, lex, i + 1, sentence_end)
                && k > chunk
            {
                taken[i] = true;
                i += 1;
                continue;
            }
            if let Some((k, Segment::Name(entry))) = here
                && k > chunk
                && !taken[i..k].iter().any(|t| *t)
            {
                found.push(mention(p.name_start, pieces[k - 1].name_end, entry, i));
                for t in &mut taken[i..k] {
                    *t = true;
                }
                i = k;
                continue;
            }
        }
        let Some(end) = chunk_end(text, pieces, &taken, i, lex) else {
            i += 1;
            continue;
        };
        let before = found.len();
        decide_chunk(text, pieces, lex, (i, end), title_case[i], &mut found, &mut undecided);
        for t in &mut taken[i..end] {
            *t = true;
        }
        // An event noun right after the chunk was taken with it.
        if let Some(last) = found[before..].iter().map(|f| f.end).max() {
            let mut k = end;
            while k < pieces.len() && pieces[k].end <= last {
                taken[k] = true;
                k += 1;
            }
            i = k.max(end);
        } else {
            i = end;
        }
    }

    consistency(text, pieces, lex, &mut found, &undecided);
    ages(text, pieces, &mut found);
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if out.last().is_some_and(|l| f.start < l.end) || f.end <= f.start {
            continue;
        }
        out.push(f);
    }
    out
}

/// A mention found by a rule, with no gazetteer entry and no role.
fn plain(start: usize, end: usize, label: Label, piece: usize) -> Found {
    Found { start, end, label, canonical: None, role: None, piece, weak: false }
}

fn mention(start: usize, end: usize, entry: &NameEntry, piece: usize) -> Found {
    Found {
        start,
        end,
        label: entry.label,
        canonical: Some(entry.canonical.clone()),
        role: None,
        piece,
        weak: false,
    }
}

/// Whether piece `i` can start or continue a name.
fn name_piece(text: &str, p: &Piece) -> bool {
    p.capitalised(text)
}

/// The end (exclusive piece index) of the capitalised chunk starting at `i`, if one starts there.
fn chunk_end(text: &str, pieces: &[Piece], taken: &[bool], mut i: usize, lex: &Lexicon) -> Option<usize> {
    let start = i;
    if !name_piece(text, &pieces[i]) {
        return None;
    }
    let sentence = pieces[i].sentence;
    loop {
        let p = &pieces[i];
        if p.possessive || p.cut && p.name_end < p.end {
            return Some(i + 1);
        }
        let Some(next) = pieces.get(i + 1).filter(|n| n.sentence == sentence && !taken[i + 1]) else {
            return Some(i + 1);
        };
        if !gap_is_space(text, p.end, next.start) {
            return Some(i + 1);
        }
        if name_piece(text, next) && !next.sentence_start {
            i += 1;
            continue;
        }
        // Connectors, and "of the", between capitalised words.
        let word = next.text(text);
        // "and" inside an organisation's name: "Argyll and Bute Council".
        if matches!(word, "and" | "&") && and_joins_org(text, pieces, taken, i + 2, lex) {
            i += 2;
            continue;
        }
        if next.is_word() && CONNECTORS.contains(&word) {
            let mut k = i + 2;
            if pieces.get(k).is_some_and(|a| CONNECTOR_ARTICLES.contains(&a.text(text)))
                && matches!(word, "of" | "for" | "on")
            {
                k += 1;
            }
            if let Some(after) = pieces.get(k)
                && after.sentence == sentence
                && !taken[k]
                && name_piece(text, after)
                && connector_fits(text, pieces, start, i, word, lex)
            {
                i = k;
                continue;
            }
        }
        return Some(i + 1);
    }
}

/// Whether the capitalised run starting at piece `k` ends with an organisation's head word, so that an
/// "and" before it belongs to the name.
fn and_joins_org(text: &str, pieces: &[Piece], taken: &[bool], k: usize, lex: &Lexicon) -> bool {
    let Some(first) = pieces.get(k) else { return false };
    let mut last = k;
    while let Some(next) = pieces.get(last + 1)
        && next.sentence == first.sentence
        && !taken[last + 1]
        && next.capitalised(text)
        && gap_is_space(text, pieces[last].end, next.start)
        && !pieces[last].possessive
    {
        last += 1;
    }
    first.capitalised(text) && !taken[k] && lex.org_heads.contains(pieces[last].name(text))
}

/// Whether a connector may join the chunk `start..=last` to what follows. Name particles (`de`, `bin`,
/// `von`) always may; `of`, `for` and `on` only after the head word of an organisation, a place or an
/// event, or a title ("Ministry of", "Secretary of State"), so that "Modi of India" stays two names.
fn connector_fits(
    text: &str,
    pieces: &[Piece],
    start: usize,
    last: usize,
    word: &str,
    lex: &Lexicon,
) -> bool {
    if !matches!(word, "of" | "for" | "on") {
        return true;
    }
    let head = pieces[last].name(text);
    let first = pieces[start].name(text);
    lex.org_heads.contains(head)
        || lex.org_starts.contains(head)
        || lex.place_heads.contains(head)
        || lex.event_prefixes.contains(head)
        || lex.event_prefixes.contains(first)
        || lex.titles.get(head).is_some_and(|t| t.before)
        || matches!(head, "Republic" | "Kingdom" | "States" | "Emirates" | "Islands" | "Bay" | "Gulf" | "Sea")
}

fn gap_is_space(text: &str, from: usize, to: usize) -> bool {
    from <= to && text[from..to].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// A segment of a chunk.
#[derive(Debug, Clone)]
enum Segment<'a> {
    Name(&'a NameEntry),
    Title,
    Rest,
}

/// The longest gazetteer name or title that starts at piece `i` and ends by `end`.
fn longest_at<'a>(
    text: &str,
    pieces: &[Piece],
    lex: &'a Lexicon,
    i: usize,
    end: usize,
) -> Option<(usize, Segment<'a>)> {
    // Only names and titles that start with this piece's word can match here; most words start none.
    let max = lex.pieces_from(pieces[i].name(text))?;
    let last = (i + max).min(end);
    for k in (i + 1..=last).rev() {
        let start = pieces[i].name_start;
        let stop = pieces[k - 1].name_end;
        if stop <= start {
            continue;
        }
        let form: std::borrow::Cow<str> =
            if k == i + 1 { text[start..stop].into() } else { collapse(&text[start..stop]).into() };
        if let Some(entry) = lex.name(&form) {
            let ambiguous_alone = entry.ambiguous && pieces[i].sentence_start;
            if !ambiguous_alone {
                return Some((k, Segment::Name(entry)));
            }
        }
        if let Some(title) = lex.titles.get(form.as_ref())
            && (title.before || form.chars().next().is_some_and(char::is_uppercase))
        {
            return Some((k, Segment::Title));
        }
    }
    None
}

/// A role noun capitalised only because it opens the sentence ("Economist Jane Okafor said"): a title
/// of one piece.
fn sentence_role_at(text: &str, pieces: &[Piece], lex: &Lexicon, i: usize) -> Option<usize> {
    let word = pieces[i].name(text);
    if !pieces[i].sentence_start || !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    lex.titles.get(word.to_lowercase().as_str()).filter(|t| !t.before && !t.ambiguous).map(|_| i + 1)
}

/// Decides the chunk `i..end` and pushes its mentions; one-word names it cannot decide go to
/// `undecided` as (piece, found index placeholder).
fn decide_chunk(
    text: &str,
    pieces: &[Piece],
    lex: &Lexicon,
    (mut i, end): (usize, usize),
    title_case: bool,
    found: &mut Vec<Found>,
    undecided: &mut Vec<(usize, usize)>,
) {
    let span = |a: usize, b: usize| (pieces[a].name_start, pieces[b - 1].name_end);
    // The whole chunk as one gazetteer name ("The Hague", "United States"), unless an event noun follows
    // it ("the G-20 summit", "the Madrid bombings").
    if let Some((k, Segment::Name(entry))) = longest_at(text, pieces, lex, i, end)
        && k == end
    {
        if entry.label != Label::Norp
            && entry.label != Label::Event
            && let Some(event_end) = event_noun_after(text, pieces, lex, i, end)
        {
            found.push(Found {
                start: span(i, end).0,
                end: event_end,
                label: Label::Event,
                canonical: None,
                role: None,
                piece: i,
                weak: false,
            });
            return;
        }
        let (s, e) = span(i, end);
        found.push(mention(s, e, entry, i));
        return;
    }
    // An ordinary word opening the sentence is not part of the name, unless it begins a gazetteer name
    // ("South Korea President Yoon Suk Yeol said").
    if pieces[i].sentence_start
        && sentence_word(text, &pieces[i], lex)
        && (matches!(pieces[i].name(text), "The" | "A" | "An")
            || !matches!(longest_at(text, pieces, lex, i, end), Some((k, Segment::Name(_))) if k > i + 1))
    {
        i += 1;
        while i < end && !name_piece(text, &pieces[i]) {
            i += 1;
        }
        if i >= end {
            return;
        }
    }
    let first = pieces[i].name(text);
    let last = pieces[end - 1].name(text);
    let whole = span(i, end);

    // Holidays are dates: "Independence Day", "National Foundation Day".
    if end - i > 1 && last == "Day" {
        found.push(plain(whole.0, whole.1, Label::Date, i));
        return;
    }
    // A named event: an event noun ends it or follows it, or a prefix starts it. In a title-case line,
    // only if a word of it names something: "Earthquake Strikes" and "Cyber Attacks" are a headline's
    // ordinary words.
    if let Some(event_end) = event_after(text, pieces, lex, i, end) {
        let named = (i..end).any(|k| {
            !lex.event_heads.contains(&pieces[k].name(text).to_lowercase())
                && !sentence_word(text, &pieces[k], lex)
        });
        if title_case && !named {
            return;
        }
        found.push(plain(whole.0, event_end, Label::Event, i));
        return;
    }
    // A title opens the chunk, or follows a nationality or a place that opens it ("American Interior
    // Minister Rajan Park"): the chunk is a person's name with what comes before it, whatever its last
    // word is the head of. After a nationality or place, a title that is also an ordinary word does not
    // count ("Chennai Metropolitan Water Supply and Sewerage Board").
    let starts_title = match longest_at(text, pieces, lex, i, end) {
        Some((_, Segment::Title)) => true,
        Some((k, Segment::Name(e))) if k < end && matches!(e.label, Label::Norp | Label::Place) => {
            match longest_at(text, pieces, lex, k, end) {
                Some((stop, Segment::Title)) => lex
                    .titles
                    .get(collapse(&text[pieces[k].name_start..pieces[stop - 1].name_end]).as_str())
                    .is_some_and(|t| !t.ambiguous),
                _ => false,
            }
        }
        _ => false,
    };
    // "Ministry of Defence", "Tenth District Court of Appeals": an organisation's head before a connector.
    let org_start = (i..end.saturating_sub(1)).any(|k| {
        (lex.org_starts.contains(pieces[k].name(text)) || lex.org_heads.contains(pieces[k].name(text)))
            && matches!(pieces[k + 1].text(text), "of" | "for" | "on" | "and" | "&")
            && !matches!(longest_at(text, pieces, lex, i, k + 1), Some((_, Segment::Title)))
    });
    if !starts_title && end - i > 1 && (lex.org_heads.contains(last) || org_start) {
        found.push(plain(whole.0, whole.1, Label::Org, i));
        return;
    }
    let place_start = lex.place_starts.contains(first) && end - i > 1;
    if !starts_title && (place_start || (end - i > 1 && lex.place_heads.contains(last))) {
        found.push(plain(whole.0, whole.1, Label::Place, i));
        return;
    }

    // Cut into names, titles and the rest.
    let mut segments: Vec<(usize, usize, Segment)> = Vec::new();
    let mut k = i;
    while k < end {
        let found_at = longest_at(text, pieces, lex, k, end)
            .or_else(|| {
                sentence_role_at(text, pieces, lex, k).filter(|&s| s < end).map(|s| (s, Segment::Title))
            })
            .filter(|(stop, segment)| {
                // An ambiguous name that is also a given name, before another capitalised word, is a
                // person's first name ("Jordan Henderson", "Georgia Smith").
                !(matches!(segment, Segment::Name(e) if e.ambiguous)
                    && *stop < end
                    && *stop == k + 1
                    && lex.given_names.contains(pieces[k].name(text))
                    && longest_at(text, pieces, lex, *stop, end).is_none())
            });
        // A one-word place that ends the chunk right after a given name is that person's surname ("Tom
        // Jordan", "Nicole Holland").
        let surname = matches!(found_at, Some((stop, Segment::Name(e))) if e.label == Label::Place
            && stop == end
            && stop == k + 1)
            && matches!(segments.last(), Some((_, stop, Segment::Rest)) if *stop == k)
            && lex.given_names.contains(pieces[k - 1].name(text));
        if let Some((stop, segment)) = found_at.filter(|_| !surname) {
            segments.push((k, stop, segment));
            k = stop;
        } else {
            match segments.last_mut() {
                Some((_, stop, Segment::Rest)) if *stop == k => *stop = k + 1,
                _ => segments.push((k, k + 1, Segment::Rest)),
            }
            k += 1;
        }
    }
    // An organisation's name followed by more words that are not a person's name is one longer name
    // ("BBC Radio Manchester", "Reuters Breakingviews").
    if let [(a, _, Segment::Name(entry)), (r, b, Segment::Rest)] = segments.as_slice()
        && entry.label == Label::Org
        && *a == i
        && *b == end
        && !lex.given_names.contains(pieces[*r].name(text))
        && !(b - r == 1 && lex.is_common(pieces[*r].name(text)))
    {
        let (s, e) = span(i, end);
        found.push(plain(s, e, Label::Org, i));
        return;
    }
    let mut title_start: Option<usize> = None;
    let mut modifier_start: Option<usize> = None;
    for (n, (a, b, segment)) in segments.iter().enumerate() {
        let (mut a, b) = (*a, *b);
        match segment {
            Segment::Name(entry) => {
                let (s, e) = span(a, b);
                found.push(mention(s, e, entry, a));
                if title_start.is_none() {
                    modifier_start = Some(a);
                }
            }
            Segment::Title => {
                title_start.get_or_insert(modifier_start.unwrap_or(a));
            }
            Segment::Rest => {
                let (trimmed, b) = trim_connectors(text, pieces, a, b);
                a = trimmed;
                if a >= b {
                    continue;
                }
                // A title's complement before the name: "Minister of Natural Resources Oleg Petrov".
                if title_start.is_some()
                    && b - a >= 3
                    && let Some(g) = (a + 1..b - 1).find(|&g| lex.given_names.contains(pieces[g].name(text)))
                    && !lex.given_names.contains(pieces[a].name(text))
                {
                    a = g;
                }
                let (s, e) = span(a, b);
                let titled = title_start.is_some() || n == 0 && title_before(text, pieces, lex, a).is_some();
                let role = match title_start {
                    Some(t) => {
                        let title_end = pieces[a - 1].name_end.max(pieces[a - 1].end);
                        honorific_free(text, pieces[t].name_start, title_end, lex)
                    }
                    None if n == 0 => title_before(text, pieces, lex, a),
                    None => None,
                };
                let words = b - a;
                let given = lex.given_names.contains(pieces[a].name(text));
                let acronym = words == 1 && is_acronym(pieces[a].name(text));
                // A role noun before an acronym names what it is, not who ("public broadcaster ARD",
                // "regulator FCA"): people are not called by initials after a role noun.
                let titled =
                    titled && !(acronym && title_start.is_none() && role_noun_before(text, pieces, lex, a));
                // In a title-case headline every word is capitalised: that alone names no one.
                let looks =
                    !title_case && (2..=3).contains(&words) && looks_like_person(text, pieces, a, b, lex);
                // Two or three unknown capitalised words after "in", "near", ... name a place.
                let after_preposition = n == 0
                    && !given
                    && !titled
                    && a == i
                    && i > 0
                    && pieces[i - 1].sentence == pieces[i].sentence
                    && matches!(pieces[i - 1].text(text), "in" | "near" | "at" | "outside" | "across");
                let (label, weak) = if titled || given {
                    (Some(Label::Person), false)
                } else if looks && after_preposition {
                    (Some(Label::Place), true)
                } else if looks {
                    (Some(Label::Person), true)
                } else if acronym && !lex.is_common(pieces[a].name(text))
                    || words >= 4 && !shouted(text, pieces, a, b, lex)
                {
                    (Some(Label::Org), true)
                } else {
                    (None, true)
                };
                match label {
                    Some(label) => {
                        found.push(Found { start: s, end: e, label, canonical: None, role, piece: a, weak })
                    }
                    None if words == 1 => undecided.push((a, b)),
                    None => {}
                }
                title_start = None;
                modifier_start = None;
            }
        }
    }
}

/// A gazetteer name that is also an ordinary word and no given name ("Target", but not "Jordan").
fn ambiguous_ordinary_word(word: &str, lex: &Lexicon) -> bool {
    lex.is_common(word) && !lex.given_names.contains(word)
}

/// An ordinary word that may open a sentence: "The", "However", "Police".
fn sentence_word(text: &str, p: &Piece, lex: &Lexicon) -> bool {
    let word = p.name(text);
    lex.is_common(word) && !lex.given_names.contains(word) && !lex.names.contains_key(word)
        || matches!(word, "The" | "A" | "An")
}

/// The fewest letters of a dateline place the gazetteers do not know: "ACME, the company ..." opening a
/// paragraph is more likely an acronym than a town.
const DATELINE_UNKNOWN_LETTERS: usize = 5;

/// The most words of a dateline's place ("RIO DE JANEIRO", "SALT LAKE CITY").
const DATELINE_WORDS: usize = 4;

/// Datelines' places (as ranges of pieces): at the start of a paragraph, one to [`DATELINE_WORDS`] words
/// in capitals, then a comma, a dash, an opening parenthesis or a mark ("•", "·", "|"); not ordinary
/// words alone ("UPDATE —", "EDITOR'S NOTE —").
fn datelines(text: &str, pieces: &[Piece], lex: &Lexicon) -> Vec<(usize, usize)> {
    let shouted = |p: &Piece| {
        let word = p.text(text);
        p.is_word()
            && word.chars().take(2).all(char::is_uppercase)
            && word.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '.' | '\'' | '’'))
    };
    let mut out = Vec::new();
    for a in 0..pieces.len() {
        if !shouted(&pieces[a]) {
            continue;
        }
        let opens = text[..pieces[a].start].chars().rev().find(|c| *c != ' ' && *c != '\t');
        if opens.is_some_and(|c| c != '\n') {
            continue;
        }
        let mut b = a;
        while b < pieces.len() && b - a < DATELINE_WORDS && shouted(&pieces[b]) {
            b += 1;
        }
        let after = pieces.get(b).map(|p| p.text(text));
        if matches!(after, Some("," | "—" | "–" | "-" | "(" | "•" | "·" | "|"))
            && !pieces[a..b].iter().all(|p| lex.is_common(p.name(text)))
        {
            out.push((a, b));
        }
    }
    out
}

/// The sentences (as ranges of pieces) written in title case: three or more capitalised words, every
/// lowercase word a function word ("with", "of", "in"), and no full stop at the end, as headlines are
/// written ("Ukraine Seals Trade Agreement With India", "Tax Evasion Trial Opens in Boise"). A sentence of
/// prose full of names still has a verb in lowercase or ends with a full stop.
fn title_case_sentences(text: &str, pieces: &[Piece]) -> Vec<(usize, usize)> {
    let function = crate::events::stopwords();
    let mut out = Vec::new();
    let mut a = 0;
    while a < pieces.len() {
        let sentence = pieces[a].sentence;
        let b = a + pieces[a..].iter().take_while(|p| p.sentence == sentence).count();
        let words = pieces[a..b]
            .iter()
            .filter(|p| p.is_word() && p.text(text).chars().next().is_some_and(char::is_alphabetic));
        let (mut capitals, mut prose) = (0, false);
        for p in words {
            let (word, capital) = (p.text(text), p.capitalised(text));
            // A word in capitals ("By ANDREAS MITCHELL") neither makes nor breaks title case.
            if capital && word.chars().any(char::is_lowercase) {
                capitals += 1;
            } else if !capital && !function.contains(word.to_lowercase().as_str()) {
                prose = true;
            }
        }
        if capitals >= 3 && !prose && pieces[b - 1].text(text) != "." {
            out.push((a, b));
        }
        a = b;
    }
    out
}

/// Letters only, all capitals, two to six of them: "FSB", "NATO" (dots allowed: "F.B.I.").
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Two or three capitalised words, none of them an ordinary word: how people's names look.
fn looks_like_person(text: &str, pieces: &[Piece], a: usize, b: usize, lex: &Lexicon) -> bool {
    pieces[a..b].iter().all(|p| {
        let w = p.name(text);
        p.capitalised(text) && !is_acronym(w) && !lex.is_common(w) && !lex.org_heads.contains(w)
    })
}

/// Whether the pieces `a..b` are words in capitals, half or more of them ordinary words: shouting
/// ("NOBODY IN THIS TOWN EVER LISTENS"), not a name.
fn shouted(text: &str, pieces: &[Piece], a: usize, b: usize, lex: &Lexicon) -> bool {
    let words: Vec<&str> = pieces[a..b].iter().filter(|p| p.is_word()).map(|p| p.name(text)).collect();
    let common = words.iter().filter(|w| lex.is_common(&w.to_lowercase())).count();
    words.iter().all(|w| !w.chars().any(char::is_lowercase)) && 2 * common >= words.len()
}

/// Drops connectors left at the edges of a cut.
fn trim_connectors(text: &str, pieces: &[Piece], mut a: usize, mut b: usize) -> (usize, usize) {
    let connector = |p: &Piece| !p.capitalised(text);
    while a < b && connector(&pieces[a]) {
        a += 1;
    }
    while b > a && connector(&pieces[b - 1]) {
        b -= 1;
    }
    (a, b)
}

/// A lowercase title or role noun right before piece `a` ("spokesman Dmitry Ivanov", "national security
/// adviser Jane Doe"), with the name that modifies it ("Elysee spokesman"): its span.
fn title_before(text: &str, pieces: &[Piece], lex: &Lexicon, a: usize) -> Option<(usize, usize)> {
    let max = lex.max_title_words.max(1);
    for n in (1..=max.min(a)).rev() {
        let first = a - n;
        if pieces[first].sentence != pieces[a].sentence {
            continue;
        }
        let form = collapse(&text[pieces[first].start..pieces[a - 1].end]);
        if let Some(title) = lex.titles.get(&form) {
            if title.kind == "honorific" {
                return None;
            }
            // What modifies the title: a capitalised word or name right before it.
            let mut start = pieces[first].start;
            let mut m = first;
            while m > 0
                && pieces[m - 1].sentence == pieces[a].sentence
                && (pieces[m - 1].capitalised(text) || pieces[m - 1].possessive)
                && !pieces[m - 1].sentence_start
                && gap_is_space(text, pieces[m - 1].end, pieces[m].start)
            {
                m -= 1;
                start = pieces[m].name_start;
            }
            return Some((start, pieces[a - 1].end));
        }
    }
    None
}

/// Whether the word right before piece `a`, in its sentence, is a role noun ("spokesman", "broadcaster")
/// rather than a title that stands before names ("President").
fn role_noun_before(text: &str, pieces: &[Piece], lex: &Lexicon, a: usize) -> bool {
    a > 0
        && pieces[a - 1].sentence == pieces[a].sentence
        && lex.titles.get(pieces[a - 1].text(text)).is_some_and(|t| !t.before)
}

/// The role span `start..end` unless it is only an honorific ("Mr").
fn honorific_free(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let form = collapse(&text[start..end]);
    match lex.titles.get(&form) {
        Some(t) if t.kind == "honorific" => None,
        _ => {
            // Strip a leading honorific inside a longer title ("Mr President" keeps "President").
            Some((start, end))
        }
    }
}

/// The end of a named event that the chunk `i..end` starts, if it does.
fn event_after(text: &str, pieces: &[Piece], lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    let first = pieces[i].name(text);
    let last = pieces[end - 1].name(text);
    let only_group = end - i == 1 && lex.names.get(first).is_some_and(|e| e.label == Label::Norp);
    if only_group {
        return None;
    }
    if lex.event_prefixes.contains(first) && end - i > 1 {
        return Some(pieces[end - 1].name_end);
    }
    if let Some(end) = event_noun_after(text, pieces, lex, i, end) {
        return Some(end);
    }
    (end - i > 1 && lex.event_heads.contains(&last.to_lowercase()) || last == "Olympics")
        .then(|| pieces[end - 1].name_end)
}

/// The end of an event noun right after the chunk `i..end`, possibly after one more lowercase word
/// ("school siege", "presidential election").
fn event_noun_after(text: &str, pieces: &[Piece], lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    let sentence = pieces[i].sentence;
    // "a NATO summit" is one of many, not a named event.
    let indefinite = i > 0
        && pieces[i - 1].sentence == sentence
        && matches!(pieces[i - 1].text(text), "a" | "an" | "A" | "An");
    if pieces[end - 1].possessive || indefinite {
        return None;
    }
    for p in pieces.iter().skip(end).take(2) {
        if p.sentence != sentence || !p.is_word() || p.capitalised(text) {
            return None;
        }
        let word = p.name(text).to_lowercase();
        if lex.event_heads.contains(&word) {
            return Some(p.name_end);
        }
        if lex.is_common(&word) && !word.ends_with("al") && !word.ends_with("ary") {
            return None;
        }
    }
    None
}

/// Named events led by a year: "the 2016 U.S. presidential election", "the 2014 Winter Olympics".
fn year_led_events(text: &str, pieces: &[Piece], lex: &Lexicon, taken: &mut [bool], found: &mut Vec<Found>) {
    for i in 0..pieces.len() {
        let p = &pieces[i];
        let year = p.kind == TokenKind::Number
            && p.text(text).len() == 4
            && p.text(text).parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y));
        if !year || taken[i] {
            continue;
        }
        for k in i + 1..(i + 7).min(pieces.len()) {
            let q = &pieces[k];
            if q.sentence != p.sentence || !q.is_word() || taken[k] {
                break;
            }
            let word = q.name(text);
            if k > i + 1 && lex.event_heads.contains(&word.to_lowercase()) {
                found.push(plain(p.start, q.name_end, Label::Event, i));
                for t in &mut taken[i..=k] {
                    *t = true;
                }
                break;
            }
            let lower_ok = !q.capitalised(text) && !lex.is_common(word) || word.ends_with("al");
            if !(q.capitalised(text) || lower_ok) {
                break;
            }
        }
    }
}

/// A person's age printed after their name, "Jane Doe, 52, said": a DATE, as in OntoNotes.
fn ages(text: &str, pieces: &[Piece], found: &mut Vec<Found>) {
    let mut ages = Vec::new();
    for f in found.iter().filter(|f| f.label == Label::Person) {
        let Some(last) = (f.piece..pieces.len()).find(|&k| pieces[k].name_end >= f.end) else { continue };
        let (Some(comma), Some(age), Some(after)) =
            (pieces.get(last + 1), pieces.get(last + 2), pieces.get(last + 3))
        else {
            continue;
        };
        let is_age = age.kind == TokenKind::Number
            && age.text(text).parse::<u32>().is_ok_and(|n| (1..=120).contains(&n));
        if comma.text(text) == "," && is_age && matches!(after.text(text), "," | "." | ";") {
            ages.push(plain(age.start, age.end, Label::Date, last + 2));
        }
    }
    found.extend(ages);
}

/// Step 3 of the method: decides one-word names from the rest of the text.
fn consistency(
    text: &str,
    pieces: &[Piece],
    lex: &Lexicon,
    found: &mut Vec<Found>,
    undecided: &[(usize, usize)],
) {
    // The label a name has where something decided it (a gazetteer, a title, a head word) holds for the
    // same name where only a guess labelled it: "in Cedar Rapids" makes "Cedar Rapids" a place throughout.
    let mut by_form: HashMap<String, Label> = HashMap::new();
    for f in found.iter().filter(|f| !f.weak) {
        by_form.entry(text[f.start..f.end].to_string()).or_insert(f.label);
    }
    for f in found.iter_mut().filter(|f| f.weak) {
        if let Some(&label) = by_form.get(&text[f.start..f.end]) {
            f.label = label;
            f.weak = false;
        }
    }
    for f in found.iter().filter(|f| f.weak && f.label == Label::Place) {
        by_form.entry(text[f.start..f.end].to_string()).or_insert(f.label);
    }
    for f in found.iter_mut().filter(|f| f.weak) {
        if let Some(&label) = by_form.get(&text[f.start..f.end]) {
            f.label = label;
        }
    }
    let mut person_parts: HashMap<&str, ()> = HashMap::new();
    for f in found.iter() {
        by_form.entry(text[f.start..f.end].to_string()).or_insert(f.label);
        if f.label == Label::Person {
            for part in text[f.start..f.end].split_whitespace() {
                if part.chars().next().is_some_and(char::is_uppercase) && part.chars().count() > 2 {
                    person_parts.insert(part, ());
                }
            }
        }
    }
    for &(a, _) in undecided {
        let p = &pieces[a];
        let word = p.name(text);
        let next = pieces.get(a + 1).filter(|n| n.sentence == p.sentence).map(|n| n.text(text));
        let prev = a.checked_sub(1).map(|k| &pieces[k]).filter(|q| q.sentence == p.sentence);
        let label = if person_parts.contains_key(word) {
            Some(Label::Person)
        } else if let Some(label) = by_form.get(word) {
            Some(*label)
        } else if p.sentence_start && lex.is_common(word) {
            None
        } else if next.is_some_and(|n| PERSON_VERBS.contains(&n)) && !lex.is_common(word) && !p.sentence_start
        {
            Some(Label::Person)
        } else if word.chars().count() > 6
            && lex.place_suffixes.iter().any(|s| word.ends_with(s))
            && word.chars().all(char::is_alphabetic)
            || prev.is_some_and(|q| PLACE_PREPOSITIONS.contains(&q.text(text)))
                && !lex.is_common(word)
                && !next.is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
        {
            Some(Label::Place)
        } else {
            None
        };
        if let Some(label) = label {
            found.push(Found {
                start: p.name_start,
                end: p.name_end,
                label,
                canonical: None,
                role: None,
                piece: a,
                weak: true,
            });
        }
    }
}

/// Links the mentions of one text into entities (step 4 of the method).
pub fn link(text: &str, found: &[Found]) -> (Vec<Mention>, Vec<Entity>) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_key: HashMap<(Label, String), usize> = HashMap::new();
    let mut mentions = Vec::with_capacity(found.len());
    // People with a full name, for surnames: (parts, entity).
    let mut people: Vec<(Vec<String>, usize, usize)> = Vec::new();
    // Acronyms introduced in brackets after a name: "Federal Security Service (FSB)".
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    for f in found.iter().filter(|f| f.label == Label::Person) {
        let parts = name_parts(&text[f.start..f.end]);
        if parts.len() >= 2 {
            people.push((parts, f.start, 0));
        }
    }

    for (n, f) in found.iter().enumerate() {
        let surface = collapse(&text[f.start..f.end]);
        let key = match (&f.canonical, f.label) {
            (Some(c), _) => c.clone(),
            (None, Label::Person) => person_key(&surface, f.start, &people),
            (None, Label::Date) => surface.to_lowercase(),
            (None, _) => acronyms
                .get(&surface)
                .map(|&e| entities[e].key.clone())
                .unwrap_or_else(|| plain_key(&surface)),
        };
        let entity = *by_key.entry((f.label, key.clone())).or_insert_with(|| {
            entities.push(Entity {
                name: key_name(&surface, &key, f),
                label: f.label,
                aliases: Vec::new(),
                roles: Vec::new(),
                key: key.clone(),
            });
            entities.len() - 1
        });
        let e = &mut entities[entity];
        if surface != e.name && !e.aliases.contains(&surface) {
            e.aliases.push(surface.clone());
        }
        if let Some((rs, re)) = f.role {
            let role = collapse(&text[rs..re]);
            if !role.is_empty() && !e.roles.contains(&role) {
                e.roles.push(role);
            }
        }
        if f.label == Label::Person && name_parts(&surface).len() >= 2 {
            for p in people.iter_mut().filter(|p| p.1 == f.start) {
                p.2 = entity;
            }
        }
        // "Name (ACRONYM)": the acronym names the same entity.
        if let Some(next) = found.get(n + 1)
            && f.label != Label::Person
            && text[f.end..next.start].trim() == "("
            && text[next.end..].starts_with(')')
        {
            acronyms.insert(collapse(&text[next.start..next.end]), entity);
        }
        mentions.push(Mention {
            start: u32::try_from(f.start).unwrap_or(u32::MAX),
            end: u32::try_from(f.end).unwrap_or(u32::MAX),
            label: f.label,
            entity: u32::try_from(entity).unwrap_or(u32::MAX),
        });
    }
    // A person is shown by the fullest name the text gives.
    for e in entities.iter_mut().filter(|e| e.label == Label::Person) {
        if let Some(fullest) = e
            .aliases
            .iter()
            .filter(|a| name_parts(a).len() > name_parts(&e.name).len())
            .max_by_key(|a| name_parts(a).len())
        {
            let old = std::mem::replace(&mut e.name, fullest.clone());
            e.aliases.push(old);
        }
        let name = e.name.clone();
        e.aliases.retain(|a| *a != name);
    }
    (mentions, entities)
}

/// The words of a person's name, without initials and particles, for matching surnames.
fn name_parts(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string)
        .collect()
}

/// A person's key: first and last name, lowercase ("john smith" for "John A. Smith"); a
/// single name is the nearest full name before it with that part (or, failing that, after it).
fn person_key(surface: &str, at: usize, people: &[(Vec<String>, usize, usize)]) -> String {
    let parts = name_parts(surface);
    match parts.len() {
        0 => plain_key(surface),
        1 => {
            let word = &parts[0];
            let has = |p: &&(Vec<String>, usize, usize)| p.0.iter().any(|w| w == word);
            let before = people.iter().filter(|p| p.1 < at).filter(has).max_by_key(|p| p.1);
            let any = people.iter().find(has);
            match before.or(any) {
                Some((full, ..)) => full_key(full),
                None => plain_key(surface),
            }
        }
        _ => full_key(&parts),
    }
}

fn full_key(parts: &[String]) -> String {
    let first = parts.first().map(String::as_str).unwrap_or("");
    let last = parts.last().map(String::as_str).unwrap_or("");
    format!("{first} {last}").to_lowercase()
}

/// Lowercase, dots removed: "NATO" and "Nato" and "N.A.T.O." are one key.
fn plain_key(surface: &str) -> String {
    surface.chars().filter(|c| *c != '.').collect::<String>().to_lowercase()
}

/// The name an entity is shown by: the gazetteer's canonical name, a person's fullest form.
fn key_name(surface: &str, key: &str, f: &Found) -> String {
    match &f.canonical {
        Some(c) => c.clone(),
        None if f.label == Label::Person && name_parts(surface).len() < 2 && key.contains(' ') => {
            // A surname seen before its full name: show the key's words capitalised as printed later.
            surface.to_string()
        }
        None => surface.to_string(),
    }
}
