//! The world tables the generator draws names from.
//!
//! Outlets, places, given names, organisations, nationality adjectives and speech verbs come from the
//! engine's own data files (`crates/core/data/*.tsv`), compiled in with `include_str!`, so that every name
//! a synthetic page prints is one the ingest and language stages can recognise. Only surnames are a list of
//! our own: the engine keeps no surname table, because it recognises a person by the given name and the
//! capitalised word after it.
//!
//! The tables are parsed once per process into slices of the embedded text (`&'static str`), so drawing a
//! name allocates nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

const OUTLETS: &str = include_str!("../../core/data/outlets.tsv");
const PLACES: &str = include_str!("../../core/data/places.tsv");
const GIVEN_NAMES: &str = include_str!("../../core/data/given_names.tsv");
const ORGANISATIONS: &str = include_str!("../../core/data/organisations.tsv");
const DEMONYMS: &str = include_str!("../../core/data/demonyms.tsv");
const SPEECH_VERBS: &str = include_str!("../../core/data/speech_verbs.tsv");

/// Surnames from many countries, in the common English transliterations news prints. Each is a single
/// capitalised word (or a hyphenated or apostrophised one), so that "Given Surname" reads as a byline and
/// as a person's name to the engine.
const SURNAMES: &[&str] = &[
    // English-speaking countries.
    "Adams",
    "Baker",
    "Bennett",
    "Brooks",
    "Campbell",
    "Carter",
    "Collins",
    "Cooper",
    "Dawson",
    "Dixon",
    "Ellis",
    "Fletcher",
    "Foster",
    "Gibson",
    "Graham",
    "Hammond",
    "Harper",
    "Hayes",
    "Holland",
    "Hughes",
    "Jenkins",
    "Kennedy",
    "Lawson",
    "Marshall",
    "Mitchell",
    "Morgan",
    "Murphy",
    "Nolan",
    "O'Brien",
    "O'Connor",
    "Palmer",
    "Parker",
    "Quinn",
    "Reynolds",
    "Robertson",
    "Shaw",
    "Sullivan",
    "Thornton",
    "Turner",
    "Walsh",
    "Whitaker",
    "Wilkinson",
    "Young",
    "McKenzie",
    "Donovan",
    "Gallagher",
    "Maddox",
    // French, Belgian, Swiss.
    "Arnaud",
    "Bertrand",
    "Boucher",
    "Chevalier",
    "Delacroix",
    "Dubois",
    "Fontaine",
    "Garnier",
    "Lambert",
    "Laurent",
    "Lefebvre",
    "Marchand",
    "Mercier",
    "Moreau",
    "Perrin",
    "Rousseau",
    "Vidal",
    "Girard",
    // German, Austrian, Dutch, Nordic.
    "Bauer",
    "Becker",
    "Brandt",
    "Fischer",
    "Hartmann",
    "Hoffmann",
    "Keller",
    "Koch",
    "Krause",
    "Lehmann",
    "Neumann",
    "Richter",
    "Schneider",
    "Vogel",
    "Wagner",
    "Zimmermann",
    "Bakker",
    "De Vries",
    "Jansen",
    "Visser",
    "Andersen",
    "Berg",
    "Dahl",
    "Eriksson",
    "Halvorsen",
    "Lindqvist",
    "Nieminen",
    "Virtanen",
    // Italian, Spanish, Portuguese, Latin American.
    "Bianchi",
    "Colombo",
    "Conti",
    "De Luca",
    "Esposito",
    "Ferrari",
    "Greco",
    "Marino",
    "Ricci",
    "Romano",
    "Alvarez",
    "Castillo",
    "Delgado",
    "Fernandez",
    "Gutierrez",
    "Herrera",
    "Jimenez",
    "Morales",
    "Navarro",
    "Ortega",
    "Ramirez",
    "Romero",
    "Sandoval",
    "Torres",
    "Vargas",
    "Almeida",
    "Barbosa",
    "Carvalho",
    "Ferreira",
    "Oliveira",
    "Pereira",
    "Rocha",
    "Santos",
    "Quispe",
    "Mamani",
    "Benavente",
    "Villanueva",
    // Greek, Balkan, Central and Eastern European.
    "Papadopoulos",
    "Georgiou",
    "Nikolaidis",
    "Kovacevic",
    "Petrovic",
    "Jovanovic",
    "Horvat",
    "Novak",
    "Kowalski",
    "Nowak",
    "Wisniewski",
    "Zielinski",
    "Dvorak",
    "Svoboda",
    "Horvath",
    "Nagy",
    "Szabo",
    "Popescu",
    "Ionescu",
    "Dimitrov",
    "Georgiev",
    "Hoxha",
    "Berisha",
    // Russian, Ukrainian, Belarusian, Baltic, Caucasian, Central Asian.
    "Ivanov",
    "Petrov",
    "Smirnov",
    "Volkov",
    "Sokolov",
    "Kuznetsov",
    "Orlov",
    "Morozov",
    "Lebedev",
    "Kozlov",
    "Pavlov",
    "Belov",
    "Shevchenko",
    "Bondarenko",
    "Kovalenko",
    "Tkachenko",
    "Melnyk",
    "Lysenko",
    "Kazlou",
    "Ozolins",
    "Kalnins",
    "Jankauskas",
    "Beridze",
    "Kapanadze",
    "Aliyev",
    "Mammadov",
    "Hovhannisyan",
    "Sargsyan",
    "Nurlanov",
    "Tokayev",
    "Karimov",
    "Rakhimov",
    // Turkish, Arabic, Persian, Kurdish, Hebrew.
    "Yilmaz",
    "Kaya",
    "Demir",
    "Celik",
    "Ozturk",
    "Aydin",
    "Arslan",
    "Haddad",
    "Khoury",
    "Mansour",
    "Nasser",
    "Saleh",
    "Hamdan",
    "Abboud",
    "Farouk",
    "Khalil",
    "Darwish",
    "Othman",
    "Al-Masri",
    "Al-Rashid",
    "Hosseini",
    "Rahimi",
    "Karimi",
    "Tehrani",
    "Moradi",
    "Barzani",
    "Cohen",
    "Levi",
    "Mizrahi",
    "Friedman",
    "Peretz",
    "Shapiro",
    // South Asian.
    "Sharma",
    "Gupta",
    "Patel",
    "Singh",
    "Reddy",
    "Nair",
    "Iyer",
    "Chatterjee",
    "Banerjee",
    "Mukherjee",
    "Desai",
    "Joshi",
    "Kapoor",
    "Menon",
    "Rao",
    "Qureshi",
    "Chaudhry",
    "Malik",
    "Siddiqui",
    "Rahman",
    "Hossain",
    "Perera",
    "Fernando",
    "Thapa",
    "Shrestha",
    // East and Southeast Asian.
    "Wang",
    "Zhang",
    "Chen",
    "Zhou",
    "Huang",
    "Zhao",
    "Xu",
    "Sun",
    "Zhu",
    "Guo",
    "Tanaka",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Sato",
    "Kim",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Yoon",
    "Nguyen",
    "Tran",
    "Pham",
    "Hoang",
    "Santoso",
    "Wijaya",
    "Hidayat",
    "Siregar",
    "Reyes",
    "Cruz",
    "Bautista",
    "Mendoza",
    "Aquino",
    "Tan",
    "Lim",
    "Ong",
    "Rahim",
    "Ismail",
    "Abdullah",
    "Srisai",
    "Chaiyaporn",
    "Win",
    "Sok",
    // African.
    "Okafor",
    "Adeyemi",
    "Okonkwo",
    "Balogun",
    "Eze",
    "Nwosu",
    "Abubakar",
    "Bello",
    "Mensah",
    "Owusu",
    "Boateng",
    "Asante",
    "Kamau",
    "Otieno",
    "Njoroge",
    "Wanjiru",
    "Mwangi",
    "Kiprop",
    "Mutua",
    "Tesfaye",
    "Haile",
    "Bekele",
    "Girma",
    "Diallo",
    "Traore",
    "Keita",
    "Coulibaly",
    "Ndiaye",
    "Sow",
    "Diop",
    "Mbeki",
    "Dlamini",
    "Nkosi",
    "Mokoena",
    "Khumalo",
    "Moyo",
    "Banda",
    "Phiri",
    "Mulenga",
    "Chukwu",
    "Benali",
    "Bouazizi",
    "El Amrani",
    "Haddadi",
    "Mahmoud",
    "Osman",
    "Warsame",
    "Abdi",
    "Hassan",
    // More from everywhere, so that three hundred names give few repeats in one story.
    "Lindgren",
    "Sorensen",
    "Fitzgerald",
    "Kowalczyk",
    "Lombardi",
    "Castellano",
    "Rinaldi",
    "Varga",
    "Toth",
    "Molnar",
    "Petersen",
    "Holm",
    "Strand",
    "Aguilar",
    "Cabrera",
    "Medina",
    "Salazar",
    "Figueroa",
    "Ibrahim",
    "Yusuf",
    "Suleiman",
    "Tahir",
    "Kuroda",
    "Hayashi",
    "Ogawa",
    "Matsuda",
    "Han",
    "Seo",
];

/// A news outlet of the world table, with the forms a page prints for it.
#[derive(Debug)]
pub(crate) struct Outlet {
    /// The canonical name: what the engine reports and what the truth records.
    pub name: &'static str,
    /// `agency`, `broadcaster`, `newspaper`, `magazine` or `online`.
    pub kind: &'static str,
    /// The outlet's first alias, printed alone on a line as its masthead.
    pub masthead: &'static str,
    /// The shortest alias, printed in a wire dateline: `MOSCOW (Reuters) -`.
    pub short: &'static str,
    /// The name in lower-case ASCII, for file names: `reuters`, `the_new_york_times`.
    pub slug: String,
}

/// Countries whose names English prints with "the".
const COUNTRIES_WITH_THE: [&str; 17] = [
    "Bahamas",
    "Central African Republic",
    "Comoros",
    "Czech Republic",
    "Democratic Republic of the Congo",
    "Dominican Republic",
    "Gambia",
    "Maldives",
    "Marshall Islands",
    "Netherlands",
    "Philippines",
    "Republic of the Congo",
    "Seychelles",
    "Solomon Islands",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
];

/// A city and the country it is in.
#[derive(Debug)]
pub(crate) struct City {
    pub name: &'static str,
    /// The country's name as running text prints it: "Spain", "the United States".
    pub country: &'static str,
    /// The country's name alone, as a place line prints it ("United States").
    pub country_name: &'static str,
    /// The nationality adjective ("French"), or the country's name when the table has none.
    pub adjective: &'static str,
    /// ISO 3166-1 alpha-2 code of the country, for matching organisations to it.
    pub code: &'static str,
}

/// An organisation, by kind.
#[derive(Debug, Clone)]
pub(crate) struct Organisation {
    /// The name as running text prints it, with "the" where English puts one ("the European Union").
    pub printed: String,
    /// ISO code of its country, or `intl`.
    pub code: &'static str,
}

/// Every table, parsed.
#[derive(Debug)]
pub(crate) struct Tables {
    pub outlets: Vec<Outlet>,
    pub cities: Vec<City>,
    /// The indices in `cities` of the cities in countries with at least two parties.
    pub party_cities: Vec<usize>,
    pub given_names: Vec<&'static str>,
    pub surnames: &'static [&'static str],
    /// Organisations by kind (`ngo`, `education`, `party`, ...).
    pub organisations: HashMap<&'static str, Vec<Organisation>>,
    /// For each kind and country code, the indices of that country's organisations in `organisations`.
    pub local: HashMap<(&'static str, &'static str), Vec<usize>>,
    /// Speech verbs in the past tense that can close a quotation ("...," she insisted), by class.
    pub speech_verbs: Vec<(&'static str, &'static str)>,
}

/// "the United States" and the like, made once so that cities can refer to them as `&'static str`.
fn the_forms() -> &'static [String] {
    static FORMS: OnceLock<Vec<String>> = OnceLock::new();
    FORMS.get_or_init(|| COUNTRIES_WITH_THE.iter().map(|c| format!("the {c}")).collect())
}

/// The parsed tables, shared by every call.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(Tables::parse)
}

/// The data rows of a table: not blank, not a `#` comment, split at tabs.
fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// Whether `needle` occurs in `text` as a whole word (not inside a longer word).
fn has_word(text: &str, needle: &str) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(needle).any(|(at, _)| {
        !word_char(text[..at].chars().next_back()) && !word_char(text[at + needle.len()..].chars().next())
    })
}

/// A file-name form of an outlet's name: ASCII letters and digits in lower case, accents dropped, other
/// characters as single underscores.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            'à'..='å' | 'À'..='Å' => 'a',
            'ç' | 'Ç' => 'c',
            'è'..='ë' | 'È'..='Ë' => 'e',
            'ì'..='ï' | 'Ì'..='Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò'..='ö' | 'Ò'..='Ö' => 'o',
            'ù'..='ü' | 'Ù'..='Ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

impl Tables {
    fn parse() -> Tables {
        let outlets: Vec<Outlet> = rows(OUTLETS)
            .filter(|r| r.len() >= 4)
            .map(|r| {
                let aliases: Vec<&'static str> = r[3].split('|').filter(|a| !a.is_empty()).collect();
                let masthead = aliases.first().copied().unwrap_or(r[0]);
                let short = aliases.iter().copied().min_by_key(|a| a.len()).unwrap_or(r[0]);
                Outlet { name: r[0], kind: r[1], masthead, short, slug: slug(r[0]) }
            })
            .collect();
        let aliases: Vec<&'static str> = rows(OUTLETS)
            .filter(|r| r.len() >= 4)
            .flat_map(|r| r[3].split('|'))
            .filter(|a| !a.is_empty())
            .collect();
        // A name that is also an outlet's alias would make a passing mention of a person or body count as a
        // mention of the outlet: such names are left out.
        let names_an_outlet = |name: &str| aliases.iter().any(|a| name.contains(a) && has_word(name, a));

        let adjectives: HashMap<&'static str, &'static str> = rows(DEMONYMS)
            .filter(|r| r.len() >= 4 && r[0] == "nationality" && r[3] != "-")
            .map(|r| (r[3], r[1]))
            .collect();
        let countries: HashMap<&'static str, &'static str> =
            rows(PLACES).filter(|r| r.len() >= 4 && r[0] == "country").map(|r| (r[3], r[1])).collect();
        let cities: Vec<City> = rows(PLACES)
            .filter(|r| r.len() >= 4 && r[0] == "city" && r.get(4).is_none_or(|a| *a != "ambiguous"))
            // "Cambridge, Massachusetts": a comma inside the name would read as the end of it.
            .filter(|r| !names_an_outlet(r[1]) && !r[1].contains(','))
            .filter_map(|r| {
                let name = *countries.get(r[3])?;
                let adjective = adjectives.get(name).copied().unwrap_or(name);
                let country = match COUNTRIES_WITH_THE.iter().find(|c| **c == name) {
                    Some(c) => the_forms().iter().find(|f| f[4..] == **c).map_or(name, String::as_str),
                    None => name,
                };
                Some(City { name: r[1], country, country_name: name, adjective, code: r[3] })
            })
            .collect();

        let given_names = rows(GIVEN_NAMES)
            .filter_map(|r| r.first().copied())
            .filter(|n| n.chars().all(|c| c.is_alphabetic() || c == '-') && !names_an_outlet(n))
            .collect();

        let mut organisations: HashMap<&'static str, Vec<Organisation>> = HashMap::new();
        for r in rows(ORGANISATIONS).filter(|r| r.len() >= 4 && r.get(4).is_none_or(|a| *a != "ambiguous")) {
            // "Democratic Party (Italy)": the qualifier only tells rows apart and is not printed.
            let name = r[1].split(" (").next().unwrap_or(r[1]);
            if names_an_outlet(name) || name.contains(['(', ')']) {
                continue;
            }
            organisations
                .entry(r[0])
                .or_default()
                .push(Organisation { printed: crate::world::with_article(name), code: r[3] });
        }

        let mut local: HashMap<(&'static str, &'static str), Vec<usize>> = HashMap::new();
        for (kind, list) in &organisations {
            for (i, o) in list.iter().enumerate() {
                local.entry((kind, o.code)).or_default().push(i);
            }
        }
        let mut parties: HashMap<&str, usize> = HashMap::new();
        for o in organisations.get("party").map_or(&[][..], Vec::as_slice) {
            *parties.entry(o.code).or_default() += 1;
        }
        let party_cities =
            (0..cities.len()).filter(|&i| parties.get(cities[i].code).is_some_and(|&n| n >= 2)).collect();

        // Past-tense, one-word forms that can close a quotation on their own ("...," she insisted). Left
        // out: verbs that need an object ("accused", "described"), that report something other than speech
        // in this position ("allowed", "granted"), or that would make a report read oddly whatever was
        // said ("joked", "pled", "refuted").
        const NOT_AFTER_QUOTES: [&str; 45] = [
            "accused",
            "attacked",
            "blasted",
            "challenged",
            "charged",
            "condemned",
            "criticised",
            "criticized",
            "denounced",
            "dismissed",
            "slammed",
            "described",
            "mentioned",
            "reported",
            "quoted",
            "cited",
            "allowed",
            "granted",
            "recognised",
            "recognized",
            "indicated",
            "purported",
            "refuted",
            "rebutted",
            "disputed",
            "denied",
            "objected",
            "professed",
            "confessed",
            "pled",
            "pleaded",
            "cried",
            "shouted",
            "exclaimed",
            "joked",
            "quipped",
            "boasted",
            "sighed",
            "testified",
            "wrote",
            "demanded",
            "proclaimed",
            "predicted",
            "promised",
            "assured",
        ];
        let classes = ["neutral", "assertive", "concessive", "doubt", "emotive", "contentious"];
        let mut speech_verbs: Vec<(&'static str, &'static str)> = rows(SPEECH_VERBS)
            .filter(|r| r.len() >= 3 && classes.contains(&r[2]))
            .map(|r| (r[0], r[2]))
            .filter(|(form, _)| {
                !form.contains(' ')
                    && (form.ends_with("ed") || matches!(*form, "said" | "wrote"))
                    && !NOT_AFTER_QUOTES.contains(form)
            })
            .collect();
        speech_verbs.dedup();

        Tables {
            outlets,
            cities,
            party_cities,
            given_names,
            surnames: SURNAMES,
            organisations,
            local,
            speech_verbs,
        }
    }

    /// The organisations of a kind; empty for a kind the table does not have.
    pub(crate) fn organisations(&self, kind: &str) -> &[Organisation] {
        self.organisations.get(kind).map_or(&[], Vec::as_slice)
    }

    /// The indices (into [`Tables::organisations`] of the kind) of a country's organisations of a kind.
    pub(crate) fn local(&self, kind: &'static str, code: &'static str) -> &[usize] {
        self.local.get(&(kind, code)).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_has_rows() {
        let t = tables();
        assert!(t.outlets.len() > 150, "{}", t.outlets.len());
        assert!(t.cities.len() > 1000, "{}", t.cities.len());
        assert!(t.given_names.len() > 3000);
        assert!(t.surnames.len() >= 300, "{}", t.surnames.len());
        for kind in ["ngo", "education", "intergovernmental", "party", "company", "court", "police"] {
            assert!(!t.organisations(kind).is_empty(), "{kind}");
        }
        assert!(t.speech_verbs.iter().any(|(v, _)| *v == "insisted"));
        assert!(t.speech_verbs.iter().all(|(v, _)| *v != "accused" && *v != "joked"));
    }

    #[test]
    fn outlet_forms() {
        let t = tables();
        let reuters = t.outlets.iter().find(|o| o.name == "Reuters").expect("Reuters");
        assert_eq!(
            (reuters.masthead, reuters.short, reuters.slug.as_str()),
            ("Reuters", "Reuters", "reuters")
        );
        let ap = t.outlets.iter().find(|o| o.name == "Associated Press").expect("AP");
        assert_eq!(ap.short, "AP");
        assert_eq!(slug("Agência Brasil"), "agencia_brasil");
        assert_eq!(slug("Radio Free Europe/Radio Liberty"), "radio_free_europe_radio_liberty");
    }

    #[test]
    fn names_that_are_outlets_are_left_out() {
        assert!(has_word("Voice of America", "America"));
        assert!(!has_word("Americans", "America"));
        // "Liberation" is an alias of the French daily Libération.
        let t = tables();
        let armed = t.organisations("armed-group");
        assert!(!armed.is_empty());
        assert!(armed.iter().all(|o| !o.printed.contains("Liberation")));
    }
}
