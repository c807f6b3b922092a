use super::*;

/// The mentions of `text` as (text, label) pairs.
fn mentions(text: &str) -> Vec<(String, Label)> {
    let a = analyse_text(text);
    a.mentions.iter().map(|m| (text[m.start as usize..m.end as usize].to_string(), m.label)).collect()
}

fn has(text: &str, want: &str, label: Label) -> bool {
    mentions(text).iter().any(|(t, l)| t == want && *l == label)
}

fn entity_of<'a>(a: &'a Analysis, text: &str, surface: &str) -> &'a Entity {
    let m = a
        .mentions
        .iter()
        .find(|m| &text[m.start as usize..m.end as usize] == surface)
        .unwrap_or_else(|| panic!("no mention {surface:?} in {:?}", mentions(text)));
    &a.entities[m.entity as usize]
}

#[test]
fn the_built_in_tables_parse_without_malformed_lines() {
    let lex = lexicon::lexicon();
    assert!(lex.names.len() > 1000, "gazetteer names: {}", lex.names.len());
    assert!(lex.given_names.len() > 1000);
    assert!(lex.titles.len() > 100);
    assert!(lex.speech_verbs.contains_key("said"));
    assert!(lex.hedges.contains_key("allegedly"));
    assert!(lex.common.contains("however"));
    for (file, tsv, columns) in [
        ("places.tsv", include_str!("../../data/places.tsv"), 4..=5),
        ("organisations.tsv", include_str!("../../data/organisations.tsv"), 4..=5),
        ("demonyms.tsv", include_str!("../../data/demonyms.tsv"), 4..=5),
        ("events.tsv", include_str!("../../data/events.tsv"), 3..=4),
        ("titles.tsv", include_str!("../../data/titles.tsv"), 3..=4),
        ("speech_verbs.tsv", include_str!("../../data/speech_verbs.tsv"), 3..=3),
        ("hedges.tsv", include_str!("../../data/hedges.tsv"), 2..=3),
        ("name_heads.tsv", include_str!("../../data/name_heads.tsv"), 2..=2),
    ] {
        for (n, line) in tsv.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cols = line.split('\t').count();
            assert!(columns.contains(&cols), "{file}:{}: {cols} columns: {line:?}", n + 1);
        }
    }
}

#[test]
fn people_places_organisations_and_groups() {
    let text = "Russian President Vladimir Ivanov met NATO officials in Brussels on Wednesday.";
    let m = mentions(text);
    assert!(m.contains(&("Russian".into(), Label::Norp)), "{m:?}");
    assert!(m.contains(&("Vladimir Ivanov".into(), Label::Person)), "{m:?}");
    assert!(m.contains(&("NATO".into(), Label::Org)), "{m:?}");
    assert!(m.contains(&("Brussels".into(), Label::Place)), "{m:?}");
    assert!(m.contains(&("Wednesday".into(), Label::Date)), "{m:?}");
    assert!(!m.iter().any(|(t, _)| t.contains("President")), "titles are not part of names: {m:?}");
}

#[test]
fn a_sentence_opening_word_is_not_a_name() {
    let m = mentions("However, the talks in Geneva stalled. The delegation left.");
    assert!(!m.iter().any(|(t, _)| t == "However" || t == "The"), "{m:?}");
    assert!(m.contains(&("Geneva".into(), Label::Place)), "{m:?}");
}

#[test]
fn organisations_by_head_word_and_by_of() {
    assert!(has("He joined the Ministry of Defence in 2001.", "Ministry of Defence", Label::Org));
    assert!(has(
        "Officials at the Kenyan Foreign Ministry declined to comment.",
        "Kenyan Foreign Ministry",
        Label::Org
    ));
    assert!(has(
        "She studied at Lagos State University before moving.",
        "Lagos State University",
        Label::Org
    ));
}

#[test]
fn named_events() {
    let text =
        "The 2016 U.S. presidential election followed the G-20 summit and the Riverside Marathon bombings.";
    let m = mentions(text);
    assert!(m.contains(&("2016 U.S. presidential election".into(), Label::Event)), "{m:?}");
    assert!(m.contains(&("G-20 summit".into(), Label::Event)), "{m:?}");
    assert!(m.contains(&("Riverside Marathon bombings".into(), Label::Event)), "{m:?}");
    assert!(has("Hurricane Odile hit the coast.", "Hurricane Odile", Label::Event));
    assert!(has("It was the worst attack since World War II in the region.", "World War II", Label::Event));
}

#[test]
fn dates_absolute_and_relative() {
    let text = "On April 15, 2013, and again last year, the 1990s and two years ago were recalled; in March 2014 too.";
    let m = mentions(text);
    for want in ["April 15, 2013", "last year", "the 1990s", "two years ago", "March 2014"] {
        assert!(m.contains(&(want.into(), Label::Date)), "{want}: {m:?}");
    }
    assert!(!mentions("You may go.").iter().any(|(_, l)| *l == Label::Date));
}

#[test]
fn possessives_and_hyphenated_names() {
    let text = "Mr Okafor's office rejected the pro-Russian claims, and al-Shabaab fighters left Mogadishu.";
    let m = mentions(text);
    assert!(m.contains(&("Okafor".into(), Label::Person)), "{m:?}");
    assert!(m.contains(&("Russian".into(), Label::Norp)), "{m:?}");
    assert!(m.iter().any(|(t, l)| t == "al-Shabaab" && *l == Label::Org), "{m:?}");
}

#[test]
fn surnames_link_to_the_full_name_and_roles_are_kept() {
    let text = "Palace spokesman Dmitry Orlov denied the report. Orlov said it was false. \
                Later, Mr Orlov added nothing.";
    let a = analyse_text(text);
    let full = entity_of(&a, text, "Dmitry Orlov");
    let short = entity_of(&a, text, "Orlov");
    assert_eq!(full, short);
    assert_eq!(full.name, "Dmitry Orlov");
    assert!(full.roles.iter().any(|r| r.contains("spokesman")), "{:?}", full.roles);
    let people = a.entities.iter().filter(|e| e.label == Label::Person).count();
    assert_eq!(people, 1, "{:?}", a.entities);
}

#[test]
fn gazetteer_aliases_and_acronyms_merge() {
    let text = "The U.S. and the United States of America are one. The Federal Customs Service (FCS) said \
                the FCS would act. Nato and NATO agree.";
    let a = analyse_text(text);
    assert_eq!(entity_of(&a, text, "U.S.").key, entity_of(&a, text, "United States of America").key);
    assert_eq!(entity_of(&a, text, "Federal Customs Service"), entity_of(&a, text, "FCS"));
    assert_eq!(entity_of(&a, text, "Nato").key, entity_of(&a, text, "NATO").key);
}

#[test]
fn direct_quotes_with_speakers_after_before_and_by_pronoun() {
    let text = "“We will not retreat,” said Amara Diallo, the interior minister.\n\n\
                Diallo told reporters: “The border is closed.”\n\n\
                “It is over,” she said.";
    let a = analyse_text(text);
    let diallo = a.entities.iter().position(|e| e.name == "Amara Diallo").expect("entity") as u32;
    let direct: Vec<&Quote> = a.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 3, "{:?}", a.quotes);
    for q in &direct {
        assert_eq!(q.speaker, Speaker::Entity(diallo), "{q:?}");
    }
    assert_eq!(&text[direct[0].start as usize..direct[0].end as usize], "We will not retreat,");
    assert_eq!(direct[0].verb.as_deref(), Some("said"));
}

#[test]
fn a_quote_over_several_paragraphs_is_one_quote() {
    let text = "Minister Jon Berg said: “The first part.\n\n“The second part, still quoted.”";
    let a = analyse_text(text);
    let direct: Vec<&Quote> = a.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 1, "{:?}", a.quotes);
    let q = direct[0];
    assert!(text[q.start as usize..q.end as usize].starts_with("The first part."));
    assert!(text[q.start as usize..q.end as usize].ends_with("still quoted."));
}

#[test]
fn reported_speech_and_unnamed_sources() {
    let text = "A senior diplomatic source said the talks had collapsed overnight. \
                According to police, the suspect fled on foot after the blast.";
    let a = analyse_text(text);
    let reported: Vec<&Quote> = a.quotes.iter().filter(|q| !q.direct).collect();
    assert_eq!(reported.len(), 2, "{:?}", a.quotes);
    assert!(matches!(&reported[0].speaker, Speaker::Unnamed(d) if d.contains("diplomatic source")));
    assert_eq!(
        &text[reported[0].start as usize..reported[0].end as usize],
        "the talks had collapsed overnight"
    );
    assert!(matches!(&reported[1].speaker, Speaker::Unnamed(d) if d == "police"), "{:?}", reported[1]);
    assert_eq!(reported[1].verb.as_deref(), Some("According to"));
}

#[test]
fn hedges_and_scare_quotes() {
    let text = "The alleged plot was reportedly foiled, officials called it a “special operation” and left.";
    let a = analyse_text(text);
    let terms: Vec<(&str, HedgeKind)> = a.hedges.iter().map(|h| (h.term.as_str(), h.kind)).collect();
    assert!(terms.contains(&("alleged", HedgeKind::Lexical)), "{terms:?}");
    assert!(terms.contains(&("reportedly", HedgeKind::Lexical)), "{terms:?}");
    assert!(terms.contains(&("special operation", HedgeKind::ScareQuote)), "{terms:?}");
    assert!(a.quotes.iter().all(|q| !q.direct || q.speaker != Speaker::Outlet), "{:?}", a.quotes);
}

#[test]
fn nothing_in_empty_or_odd_text_and_no_panic() {
    assert_eq!(analyse_text(""), Analysis::default());
    for text in
        ["\"", "“", "” “", "'''", "Mr.", "U.S.", "—", "The", "1990s", "al-", "-Qaeda", "\u{feff}", "A\u{301}"]
    {
        let a = analyse_text(text);
        for m in &a.mentions {
            assert!(text.is_char_boundary(m.start as usize) && text.is_char_boundary(m.end as usize));
        }
    }
}

#[test]
fn runs_tile_a_span_and_carry_their_marks() {
    let text = "“It is over,” said Ana Ruiz, the alleged leader.";
    let a = analyse_text(text);
    let runs = runs(&a, 0, text.len() as u32);
    assert_eq!(runs.first().map(|r| r.start), Some(0));
    assert_eq!(runs.last().map(|r| r.end), Some(text.len() as u32));
    for w in runs.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    let marked = |want: &str| runs.iter().find(|r| &text[r.start as usize..r.end as usize] == want).copied();
    let name = marked("Ana Ruiz").expect("a run for the name");
    assert!(name.mention.is_some() && name.quote.is_none());
    assert!(marked("alleged").is_some_and(|r| r.hedge.is_some()));
    assert!(marked("It is over,").is_some_and(|r| r.quote.is_some()));
    assert!(super::runs(&a, 5, 5).is_empty());
}

#[test]
fn a_capitalised_prefix_stays_with_the_name_it_begins() {
    // Whether the name is in the gazetteer or not, at the start of a sentence or inside one.
    let text = "The Anti-Corruption Foundation sent teams. Officials of the Anti-Slavery Society and the \
                Non-Aligned Movement met. Meanwhile Anti-Defamation League staff left.";
    let m = mentions(text);
    for want in [
        "Anti-Corruption Foundation",
        "Anti-Slavery Society",
        "Non-Aligned Movement",
        "Anti-Defamation League",
    ] {
        assert!(m.iter().any(|(t, l)| t == want && *l == Label::Org), "{want}: {m:?}");
    }
    // A prefix before a name is not part of it.
    let m = mentions("Pro-Kremlin groups rallied, and the Merkel-Macron meeting went ahead.");
    assert!(m.iter().any(|(t, _)| t == "Kremlin"), "{m:?}");
    assert!(!m.iter().any(|(t, _)| t.contains("Pro") || t.contains("Merkel-Macron")), "{m:?}");
}

#[test]
fn a_gazetteer_name_is_found_whole_past_a_hyphenated_word_or_an_opening_article() {
    // Names the gazetteer holds: one opened by a sentence's "The" and running past what a chunk joins
    // ("Coordination of"), and two with a hyphenated word after their first.
    let text = "The Office for the Coordination of Humanitarian Affairs said it would help. The Council \
                on American-Islamic Relations agreed, as did the Comprehensive Nuclear-Test-Ban Treaty \
                Organization.";
    let m = mentions(text);
    for want in [
        "Office for the Coordination of Humanitarian Affairs",
        "Council on American-Islamic Relations",
        "Comprehensive Nuclear-Test-Ban Treaty Organization",
    ] {
        assert!(m.iter().any(|(t, l)| t == want && *l == Label::Org), "{want}: {m:?}");
    }
    assert!(!m.iter().any(|(t, _)| t.starts_with("The ") || t == "Ban Treaty Organization"), "{m:?}");
}

#[test]
fn a_title_after_a_nationality_makes_a_person_whatever_the_surname() {
    // A surname that is also a place's or an organisation's head word ("Park", "Hall", "Bank").
    for (text, person) in [
        ("\"We will help,\" American Interior Minister Rajan Park said.", "Rajan Park"),
        ("Kenyan Foreign Minister Amina Hall said the talks would go on.", "Amina Hall"),
        ("On Monday the French Finance Minister Claire Bank resigned.", "Claire Bank"),
    ] {
        let m = mentions(text);
        assert!(m.iter().any(|(t, l)| t == person && *l == Label::Person), "{person}: {m:?}");
        assert!(!m.iter().any(|(t, l)| t.contains("Minister") && *l != Label::Person), "{m:?}");
    }
    // The rule stays for a place or an organisation that is no title and a name.
    assert!(has("They met in Moreno Valley on Friday.", "Moreno Valley", Label::Place));
    assert!(has("The Kenyan Development Bank said so.", "Kenyan Development Bank", Label::Org));
    // A title that is also an ordinary word ("Metropolitan") does not count.
    assert!(has(
        "The Lagos Metropolitan Transport Board said fares would rise.",
        "Lagos Metropolitan Transport Board",
        Label::Org
    ));
}

#[test]
fn a_title_case_headline_of_ordinary_words_names_no_event() {
    let names = |text: &str| mentions(text).into_iter().map(|(t, _)| t).collect::<Vec<String>>();
    assert_eq!(names("Earthquake Strikes Off Coast of Chile"), ["Chile"]);
    assert_eq!(names("Parliament Rejects Vote on Budget"), Vec::<String>::new());
    assert_eq!(names("Brazilian Negotiators Strike Deal With India"), ["Brazilian", "India"]);
    assert_eq!(names("Cyber Attacks Hit Banks in Estonia"), ["Estonia"]);
    assert_eq!(names("Minister Says FBI Tip-Off Helped Police in Ohio"), ["FBI", "Ohio"]);
    // A name in it still makes the event.
    assert!(has("Police Hunt Suspects After Ulsan Bombing", "Ulsan Bombing", Label::Event));
}

#[test]
fn a_sentence_after_a_dateline_mark_starts_there() {
    // Whatever mark an outlet puts after its dateline, the word after it opens the sentence: "A protest"
    // is no named event, and the place is still found.
    for text in [
        "OVERLAND PARK • A protest against a new pension law drew thousands.",
        "BOISE - A march against a mining project drew thousands.",
        "DILI | A rally against a new tax drew thousands.",
    ] {
        let m = mentions(text);
        assert!(!m.iter().any(|(_, l)| *l == Label::Event), "{text}: {m:?}");
        assert!(m.iter().any(|(_, l)| *l == Label::Place), "{text}: {m:?}");
    }
    // A hyphen inside a compound opens nothing: "Indian" there is the nationality.
    assert!(has("The Romanian-Indian trade agreement was signed.", "Indian", Label::Norp));
}

#[test]
fn a_hyphenated_word_with_a_lowercase_part_is_whole_when_a_name_spells_it_so() {
    let m = mentions("Pakistan Tehreek-e-Insaf said it had evidence. Judge Ing-wen Perera said so too.");
    assert!(m.iter().any(|(t, l)| t == "Pakistan Tehreek-e-Insaf" && *l == Label::Org), "{m:?}");
    assert!(m.iter().any(|(t, l)| t == "Ing-wen Perera" && *l == Label::Person), "{m:?}");
    // Otherwise the lowercase part is no name's.
    let m = mentions("The Beijing-backed government and U.S.-led forces met.");
    assert!(m.iter().any(|(t, _)| t == "Beijing") && m.iter().any(|(t, _)| t == "U.S."), "{m:?}");
}

#[test]
fn a_hyphenated_name_in_capitals_is_found() {
    let m = mentions("IVANO-FRANKIVSK — Rescue teams worked through the night.");
    assert!(m.iter().any(|(t, l)| t == "IVANO-FRANKIVSK" && *l == Label::Place), "{m:?}");
    assert!(!m.iter().any(|(t, _)| t == "IVANO"), "{m:?}");
}

#[test]
fn words_shouted_in_capitals_are_no_organisation() {
    let m =
        mentions("Read this again. NOBODY IN THIS TOWN EVER LISTENS TO THE PEOPLE LIVING HERE, he wrote.");
    assert!(!m.iter().any(|(_, l)| *l == Label::Org), "{m:?}");
    // A long run of unknown capitalised words is still one.
    assert!(has(
        "Officials of the Zorvath Kelmir Ostrand Vetch met.",
        "Zorvath Kelmir Ostrand Vetch",
        Label::Org
    ));
}

#[test]
fn a_title_case_headline_names_only_what_is_a_name() {
    let names = |text: &str| mentions(text).into_iter().map(|(t, _)| t).collect::<Vec<String>>();
    assert_eq!(names("Ukraine Seals Trade Agreement With India"), ["Ukraine", "India"]);
    assert_eq!(names("Pension Protest Spreads to Boise and Cairo"), ["Boise", "Cairo"]);
    // A word that is not an ordinary one still reads as a name: "Evasion Trial" here.
    let m = names("Tax Evasion Trial Opens in Boise");
    assert!(
        m.contains(&"Boise".into()) && !m.iter().any(|t| t.contains("Tax") || t.contains("Opens")),
        "{m:?}"
    );
    let m = mentions("South Korea Vows to Hunt Down Those Behind Deadly Ulsan Bombing");
    assert!(m.contains(&("South Korea".into(), Label::Place)), "{m:?}");
    assert!(m.contains(&("Ulsan Bombing".into(), Label::Event)), "{m:?}");
    assert_eq!(m.len(), 2, "{m:?}");
    let m = mentions("North Korea Fires Missile Over Japan");
    assert_eq!(m, [("North Korea".into(), Label::Place), ("Japan".into(), Label::Place)]);
    // A gazetteer name of ordinary words, and a title, stay whole.
    // (Which words are ordinary is the list of common words: a verb it lacks, such as "Resigns", would
    // still be read as part of the name before it.)
    // An ambiguous gazetteer name that is one ordinary word is that word in a headline; in prose, where
    // its capital says something, it is still the name.
    let m = names("Greek Sanctions Target 41 Individuals Over Corruption");
    assert!(!m.iter().any(|t| t.contains("Target")), "{m:?}");
    assert!(has("Shoppers at Target said prices rose.", "Target", Label::Org));
    let m = mentions("World Bank President David Malpass Warns of Slowdown");
    assert!(m.contains(&("World Bank".into(), Label::Org)), "{m:?}");
    assert!(m.iter().any(|(t, l)| t == "David Malpass" && *l == Label::Person), "{m:?}");
    assert_eq!(m.len(), 2, "{m:?}");
}

#[test]
fn a_place_in_capitals_that_opens_a_paragraph_is_a_dateline() {
    let m =
        mentions("CEDAR RAPIDS, Iowa (AP) — The river crested overnight.\n\nHARLOW CREEK — Classes start.");
    assert!(m.contains(&("CEDAR RAPIDS".into(), Label::Place)), "{m:?}");
    assert!(m.contains(&("HARLOW CREEK".into(), Label::Place)), "{m:?}");
    // A gazetteer place that is also a person's name, where a sentence starts: a place in a dateline.
    let m = mentions("COLUMBUS, Ohio — An appeals court ruled.");
    assert!(m.contains(&("COLUMBUS".into(), Label::Place)), "{m:?}");
    let m = mentions("LAS VEGAS • Tens of thousands of people marched.");
    assert!(m.contains(&("LAS VEGAS".into(), Label::Place)), "{m:?}");
    // Not a dateline: ordinary words, a short unknown acronym, capitals inside a paragraph, an
    // organisation the gazetteers know.
    for text in [
        "UPDATE — The figures were revised.",
        "EDITOR'S NOTE — This story has been corrected.",
        "ACME, the maker of anvils, said sales fell.",
        "Residents said CEDAR RAPIDS, as the banner read, would recover.",
    ] {
        let m = mentions(text);
        assert!(!m.iter().any(|(_, l)| *l == Label::Place), "{text}: {m:?}");
    }
    let m = mentions("NATO, the alliance, met in Brussels.");
    assert!(m.contains(&("NATO".into(), Label::Org)), "{m:?}");
}

#[test]
fn an_acronym_after_a_role_noun_is_an_organisation() {
    let m = mentions("The interview was aired by German public broadcaster ARD on Sunday.");
    assert!(m.contains(&("ARD".into(), Label::Org)), "{m:?}");
    // A name after a role noun is still a person's, and a title before initials still makes one.
    assert!(has("The interview was given to broadcaster Jane Doyle on Sunday.", "Jane Doyle", Label::Person));
    assert!(has("Officials said President JFK had been warned.", "JFK", Label::Person));
}

#[test]
fn prose_full_of_names_is_not_title_case() {
    // A verb in lowercase, or a full stop, marks prose: its capitalised words are read as before.
    let m = mentions("Officials said the Tenth District Court of Appeals ruled on Monday.");
    assert!(m.iter().any(|(t, l)| t == "Tenth District Court of Appeals" && *l == Label::Org), "{m:?}");
    // A gazetteer name that opens a sentence keeps its first word.
    let m = mentions("South Korea President Yoon Suk Yeol said the talks would go on.");
    assert!(m.contains(&("South Korea".into(), Label::Place)), "{m:?}");
}

#[test]
fn a_byline_in_capitals_is_not_title_case() {
    let m = mentions("Protesters March Through Central Algiers. EPA/ANDREAS MITCHELL");
    assert!(m.iter().any(|(t, l)| t == "ANDREAS MITCHELL" && *l == Label::Person), "{m:?}");
}

/// The reported speech of `text`: (speaker, clause) pairs, a speaker by its entity's name, "unnamed: "
/// and its description, or "outlet".
fn reported_of(text: &str) -> Vec<(String, String)> {
    let a = analyse_text(text);
    a.quotes
        .iter()
        .filter(|q| !q.direct)
        .map(|q| {
            let who = match &q.speaker {
                Speaker::Entity(e) => a.entities[*e as usize].name.clone(),
                Speaker::Unnamed(d) => format!("unnamed: {d}"),
                Speaker::Outlet => "outlet".to_owned(),
            };
            (who, text[q.start as usize..q.end as usize].to_owned())
        })
        .collect()
}

#[test]
fn reported_speech_after_a_subject_with_an_apposition_a_relative_clause_or_a_participle() {
    // The subject, then a clause set off by commas about it, then the verb and what was said.
    let text = "Councillor Maren Holt, who chairs the transport committee, said the tram line would open \
                in the spring.\n\n\
                Tomasz Wrona, a lecturer in economics at Gdańsk University, said prices were unlikely to \
                fall before the summer.\n\n\
                The insurer, Northgate Insurance Group, said the claims would be settled within a month.\n\n\
                Professor Ines Barreto of the Porto Regional Water Institute said the reservoir was at its lowest \
                level in a decade.\n\n\
                The bridge, which cost $40 million, opened, said a spokesman for the city.\n\n\
                On Monday, Premier Ada Lind praised the harvest, saying that farmers had earned their \
                subsidies.\n\n\
                “We will rebuild,” Mayor Ivo Brandt said, speaking to reporters in the flooded town square.";
    let reported = reported_of(text);
    let said = |who: &str, clause: &str| reported.iter().any(|(w, c)| w == who && c == clause);
    assert!(said("Maren Holt", "the tram line would open in the spring"), "{reported:?}");
    assert!(said("Tomasz Wrona", "prices were unlikely to fall before the summer"), "{reported:?}");
    assert!(said("Northgate Insurance Group", "the claims would be settled within a month"), "{reported:?}");
    assert!(said("Ines Barreto", "the reservoir was at its lowest level in a decade"), "{reported:?}");
    // A participle after a comma: the sentence's subject says what follows it.
    assert!(said("Ada Lind", "farmers had earned their subsidies"), "{reported:?}");
    // Not a participle that takes no clause: "speaking to reporters" is not what was said.
    assert!(!reported.iter().any(|(_, c)| c.starts_with("to reporters")), "{reported:?}");
    // A clause before the verb with its subject after it stays as it was read.
    assert!(
        reported.iter().any(|(w, c)| w.starts_with("unnamed: a spokesman") && c.starts_with("The bridge")),
        "{reported:?}"
    );
}

#[test]
fn a_direct_quote_whose_speaker_has_a_phrase_about_them_before_the_verb() {
    let text = "“We are not going home until the council listens,” Nicole Ferraro, one of the organisers of \
                the march, said, speaking to reporters.\n\n\
                Kofi Mensah, a spokesman for the port authority, said: “The berths are full until Friday.”";
    let a = analyse_text(text);
    let speakers: Vec<(String, String)> = a
        .quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| {
            let who = match &q.speaker {
                Speaker::Entity(e) => a.entities[*e as usize].name.clone(),
                other => format!("{other:?}"),
            };
            (who, text[q.start as usize..q.end as usize].to_owned())
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Nicole Ferraro".to_owned(), "We are not going home until the council listens,".to_owned()),
            ("Kofi Mensah".to_owned(), "The berths are full until Friday.".to_owned()),
        ],
        "{:?}",
        a.quotes
    );
}

#[test]
fn reported_speech_after_an_auxiliary_a_conjunction_or_with_the_subject_after_the_clause() {
    let text = "Minister Oskar Lind has long said the northern line is too costly to run. He has also \
                said the tunnel must wait.\n\n\
                Chief regulator Ana Sousa did not publish the figures but said the fares would rise by a \
                tenth.\n\n\
                Water rationing will begin in June in eight districts, officials said, forcing hotels to \
                buy from private tankers.\n\n\
                Turnout was the lowest in a decade, organisers said, despite the mild weather.";
    let reported = reported_of(text);
    let said = |who: &str, clause: &str| reported.iter().any(|(w, c)| w == who && c == clause);
    assert!(said("Oskar Lind", "the northern line is too costly to run"), "{reported:?}");
    assert!(said("Oskar Lind", "the tunnel must wait"), "{reported:?}");
    assert!(said("Ana Sousa", "the fares would rise by a tenth"), "{reported:?}");
    assert!(
        said("unnamed: officials", "Water rationing will begin in June in eight districts"),
        "{reported:?}"
    );
    assert!(said("unnamed: organisers", "Turnout was the lowest in a decade"), "{reported:?}");
}
#[test]
fn a_place_after_a_given_name_is_the_persons_surname() {
    let text = "Aid reached Holland and Jordan on Monday, said Tom Jordan, who runs the charity. \
                Nicole Holland, its treasurer, agreed.";
    let found = mentions(text);
    assert!(found.contains(&("Tom Jordan".to_owned(), Label::Person)), "{found:?}");
    assert!(found.contains(&("Nicole Holland".to_owned(), Label::Person)), "{found:?}");
    // The countries named on their own stay places.
    assert!(found.contains(&("Holland".to_owned(), Label::Place)), "{found:?}");
    assert!(found.contains(&("Jordan".to_owned(), Label::Place)), "{found:?}");
}

#[test]
fn a_role_noun_opening_a_sentence_is_not_part_of_the_name() {
    let text = "Hydrologist Ines Barreto said the reservoir was low. Economist Jane Okafor agreed.";
    let found = mentions(text);
    assert!(found.contains(&("Ines Barreto".to_owned(), Label::Person)), "{found:?}");
    assert!(found.contains(&("Jane Okafor".to_owned(), Label::Person)), "{found:?}");
    let a = analyse_text(text);
    assert!(entity_of(&a, text, "Jane Okafor").roles.iter().any(|r| r == "Economist"), "{:?}", a.entities);
}

#[test]
fn reported_speech_inside_a_relative_clause() {
    let text = "The March 3 meeting, which the Foreign Ministry said was requested by Kenya, lasted an hour. \
                The fire, which investigators say started in a kitchen, spread to four floors.";
    let reported = reported_of(text);
    let said = |who: &str, clause: &str| reported.iter().any(|(w, c)| w == who && c == clause);
    assert!(said("Foreign Ministry", "was requested by Kenya"), "{reported:?}");
    assert!(said("unnamed: investigators", "started in a kitchen"), "{reported:?}");
}
