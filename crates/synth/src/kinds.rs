//! The kinds of event the synthetic world is made of, and the sentences news prints about each.
//!
//! A [`Kind`] is data: the nouns a report uses for the event, the quantities it involves (with their
//! plausible ranges), the people who speak about it, and banks of templates for headlines, leads, factual
//! details, quotations, photo captions and the one-line summary another story uses to mention it in
//! passing. The type-independent paragraphs (reactions, analysis, background, closings) and the template
//! syntax are in [`crate::prose`].
//!
//! Template syntax, expanded by [`crate::prose::Writer`]: `{key}` is replaced by the event's value for that
//! key (`{city}`, `{killed}`, `{p0}` for the first participant), a key spelled with a capital letter is
//! capitalised (`{Country}`), and `[a|b|c]` picks one of the alternatives (an empty alternative prints
//! nothing). Every event has every key its kind's templates use.

/// How a participant speaks, which decides the quotations given to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Voice {
    /// A government, police or institutional voice.
    Official,
    /// A critic: the opposition, a defence lawyer, a campaigner, the target of sanctions.
    Critic,
    /// An analyst, an academic, an aid worker.
    Expert,
    /// A witness or a member of the public.
    Witness,
}

/// A participant's role, as printed. `title` comes before the name ("Foreign Minister Ana Petrova");
/// `apposition` follows it ("Ana Petrova, an analyst at Chatham House,"); one of the two is empty. `short`
/// stands for the person once introduced ("the minister"). Role texts may use `{adj}`, `{adj2}`, `{city}`,
/// `{country}`, `{o0}`, `{o1}` (the event's organisations), `{ngo}`, `{edu}`, `{igo}` and `{co}` (an
/// organisation of that kind, drawn once per event).
#[derive(Debug)]
pub(crate) struct Role {
    pub title: &'static str,
    pub apposition: &'static str,
    pub short: &'static str,
    pub voice: Voice,
}

const fn titled(title: &'static str, short: &'static str, voice: Voice) -> Role {
    Role { title, apposition: "", short, voice }
}

const fn described(apposition: &'static str, short: &'static str, voice: Voice) -> Role {
    Role { title: "", apposition, short, voice }
}

/// How a quantity is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A count of people or things: words below ten in running text ("three"), digits with thousands
    /// separators otherwise, digits always in headlines.
    Count,
    /// Always digits, without separators: percentages, money in billions, thousands in "{crowd},000".
    Digits,
    /// Tenths, printed with one decimal: an earthquake's magnitude.
    Tenths,
    /// A year this many years before the event's.
    YearsBefore,
}

/// A named quantity of an event and its range (inclusive).
#[derive(Debug)]
pub(crate) struct Quantity {
    pub name: &'static str,
    pub low: u32,
    pub high: u32,
    pub format: Format,
}

const fn q(name: &'static str, low: u32, high: u32, format: Format) -> Quantity {
    Quantity { name, low, high, format }
}

/// Where an event of a kind can happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Where {
    Anywhere,
    /// In a country with at least two parties in the organisation table (an election needs rivals).
    WithParties,
}

/// A kind of event and everything written about it.
#[derive(Debug)]
pub(crate) struct Kind {
    pub name: &'static str,
    /// Words for the event; the first is the plain one. `{noun}` picks one.
    pub nouns: &'static [&'static str],
    /// Whether the nouns are plural ("sanctions"): `{was}`, `{is}`, `{has}` agree with them.
    pub plural: bool,
    /// The event as one singular noun, for type-independent sentences: `{noun0}`.
    pub one: &'static str,
    /// Whether the event is a crisis (deaths, damage, unrest), which the type-independent quotations of
    /// shock and reassurance fit.
    pub crisis: bool,
    /// What the event is about or where it struck; one is drawn per event as `{subject}`.
    pub subjects: &'static [&'static str],
    pub place: Where,
    pub quantities: &'static [Quantity],
    /// The organisation kinds (as in organisations.tsv) of `{o0}` and `{o1}`.
    pub organisations: [&'static str; 2],
    /// The first two roles always take part; up to two of the others may.
    pub roles: &'static [Role],
    pub headlines: &'static [&'static str],
    pub leads: &'static [&'static str],
    pub details: &'static [&'static str],
    pub quotes: &'static [(Voice, &'static str)],
    pub captions: &'static [&'static str],
    /// A noun phrase naming the event, for a story about another event: "the bombing at a bus station in
    /// Kano that killed 14 people".
    pub briefs: &'static [&'static str],
}

use Format::{Count, Digits, Tenths, YearsBefore};
use Voice::{Critic, Expert, Official, Witness};

pub(crate) static KINDS: [Kind; 8] = [
    Kind {
        name: "summit",
        nouns: &["summit", "meeting", "round of talks", "gathering"],
        plural: false,
        one: "summit",
        crisis: false,
        subjects: &[
            "energy security",
            "migration",
            "regional security",
            "climate finance",
            "trade and investment",
            "counterterrorism cooperation",
            "water sharing",
            "border disputes",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("delegations", 8, 60, Count),
            q("hours", 3, 14, Count),
            q("agreements", 2, 9, Count),
            q("police", 600, 6000, Count),
            q("months", 2, 9, Count),
            q("prev_year", 2, 9, YearsBefore),
        ],
        organisations: ["intergovernmental", "ngo"],
        roles: &[
            titled("{adj} Foreign Minister", "the minister", Official),
            titled("{adj2} Foreign Minister", "the minister", Official),
            described("a senior official at {o0}", "the official", Official),
            described("an analyst at {ngo}", "the analyst", Expert),
            described("a professor of international relations at {edu}", "the professor", Expert),
            described("a spokesperson for the {adj} opposition", "the spokesperson", Critic),
        ],
        headlines: &[
            "{Adj} and {adj2} leaders agree to deepen ties at {city} summit",
            "{City} summit ends with pledge on {subject} but no timetable",
            "Leaders meet in {city} as {subject} tops the agenda",
            "{delegations} delegations gather in {city} for talks on {subject}",
            "Ministers claim progress on {subject} after {hours} hours of talks in {city}",
            "No breakthrough on {subject} at {city} summit, officials say",
        ],
        leads: &[
            "Leaders and ministers from {delegations} countries met in {city} {on_day} for a {noun} dominated by {subject}, with {adj} and {adj2} officials both claiming progress by the end of the day.",
            "A {noun} in {city} ended {on_day} with a joint statement on {subject}, although diplomats said the text papered over deep disagreements between {country} and {country2}.",
            "{p0} and {p1} held {hours} hours of talks in {city} {on_day}, the first meeting of its kind in more than a year, as pressure grew on both governments to show results on {subject}.",
            "Officials from {country} and {country2} agreed {on_day} to set up a joint commission on {subject}, the main outcome of a two-day {noun} in {city} that was marked by sharp exchanges behind closed doors.",
        ],
        details: &[
            "Delegations from {delegations} countries took part, and officials said {agreements} separate agreements were signed on the sidelines, covering energy, transport and customs cooperation.",
            "The talks ran for {hours} hours, well beyond the schedule set by the hosts, according to a diplomat who was in the room.",
            "A draft of the final communique seen by reporters referred to {subject} only in general terms and did not set any deadlines.",
            "Security was tight in central {city}, where police closed several streets around the conference venue and deployed about {police} officers.",
            "{O0} sent an observer to the {noun}, its first formal role in talks between the two governments.",
            "The {noun} was the first to be held in {country} since {prev_year}, when a similar meeting collapsed amid mutual recriminations.",
            "Officials said the two sides would set up working groups on {subject} and report back within {months} months.",
            "Several leaders left {city} before the closing session, and a planned joint news conference was cancelled at short notice.",
        ],
        quotes: &[
            (
                Official,
                "We have agreed on more than many people expected, and we will keep working on the rest",
            ),
            (Official, "This is not the end of the process but the beginning of a more serious one"),
            (Official, "Nobody should expect miracles from one meeting, but the direction is clear"),
            (Expert, "Both sides needed a photograph more than they needed an agreement, and they got one"),
            (
                Expert,
                "The real test will come in the next few months, when the working groups have to produce something concrete",
            ),
            (
                Critic,
                "Behind the handshakes there is nothing for ordinary people, only promises we have heard before",
            ),
            (Critic, "The government went to {city} to be seen, not to negotiate"),
        ],
        captions: &[
            "Delegates arrive for the opening session of the {noun} in {city}",
            "{n0} and {n1} shake hands before talks in {city}",
            "Police stand guard outside the conference centre in {city}",
        ],
        briefs: &[
            "the {noun} in {city} at which {delegations} delegations discussed {subject}",
            "the talks on {subject} between {country} and {country2} in {city}",
        ],
    },
    Kind {
        name: "bombing",
        nouns: &["bombing", "blast", "explosion", "attack"],
        plural: false,
        one: "bombing",
        crisis: true,
        subjects: &[
            "a crowded market",
            "a bus station",
            "a police checkpoint",
            "a busy shopping street",
            "a wedding hall",
            "a government building",
            "a railway station",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("killed", 3, 80, Count),
            q("injured", 10, 250, Count),
            q("arrested", 2, 9, Count),
            q("prev_year", 2, 12, YearsBefore),
        ],
        organisations: ["armed-group", "ngo"],
        roles: &[
            titled("{adj} Interior Minister", "the minister", Official),
            described("a shopkeeper who witnessed the blast", "the shopkeeper", Witness),
            described("a spokesperson for the {city} police", "the spokesperson", Official),
            described("a security analyst at {ngo}", "the analyst", Expert),
            described("a resident of {city}", "the resident", Witness),
            described("an opposition lawmaker from {city}", "the lawmaker", Critic),
        ],
        headlines: &[
            "Bomb at {subject} in {city} kills at least {killed}",
            "At least {killed} killed in {city} {noun}",
            "{City} {noun}: death toll rises to {killed} as police make {arrested} arrests",
            "{Country} vows to hunt down those behind deadly {city} {noun}",
            "Dozens wounded as {noun} rips through {subject} in {city}",
            "Police detain {arrested} suspects after deadly {noun} in {city}",
        ],
        leads: &[
            "At least {killed} people were killed and {injured} wounded when a bomb exploded at {subject} in {city} {on_day}, officials said, in one of the deadliest attacks in {country} in recent years.",
            "A powerful {noun} tore through {subject} in the {adj} city of {city} {on_day}, killing at least {killed} people and injuring {injured} more, according to police.",
            "The {adj} government declared three days of mourning after a {noun} at {subject} in {city} {on_day} left at least {killed} people dead and dozens wounded.",
            "Police in {city} said {on_day} they had detained {arrested} suspects over a {noun} at {subject} that killed at least {killed} people, as the city buried its dead.",
        ],
        details: &[
            "Police said {arrested} suspects had been detained in overnight raids, but gave no details of their identities or of the charges they could face.",
            "Hospitals in {city} appealed for blood donors as the number of wounded rose through the afternoon, with {injured} people treated for burns and shrapnel wounds.",
            "No group immediately claimed responsibility, although officials pointed to {o0}, which has carried out [similar|several] attacks in the region.",
            "A statement [attributed to|purportedly from] {o0} and circulated online said the group had carried out the attack, but its authenticity could not be independently verified.",
            "Television footage showed twisted metal, shattered windows and debris scattered across the street as rescue workers carried the wounded to ambulances.",
            "The {noun} happened shortly before noon, when {subject} would have been at its busiest, witnesses said.",
            "The [alleged|suspected] bomber had [reportedly|allegedly] been under surveillance by the security services for several months, a police source told local media.",
            "Security was stepped up at airports, railway stations and government buildings across {country} after the attack.",
            "Investigators said the device had been packed with nails and ball bearings to cause as many casualties as possible.",
            "It was the deadliest attack in {city} since {prev_year}, when a car bomb killed dozens of people near the city's main mosque.",
        ],
        quotes: &[
            (Official, "Those responsible for this cowardly act will be found and brought to justice"),
            (
                Official,
                "Our security forces are working around the clock, and we ask people to stay calm and avoid the area",
            ),
            (
                Witness,
                "There was a huge bang and then everything went dark. People were screaming and running in every direction",
            ),
            (
                Witness,
                "I saw bodies on the ground. I helped carry a young man to the ambulance, but I don't know if he survived",
            ),
            (
                Expert,
                "The choice of target suggests a group that wants to show it can still strike at the heart of a major city",
            ),
            (Critic, "The government was warned about this threat for months and did nothing"),
        ],
        captions: &[
            "Rescue workers search the site of the {noun} in {city}",
            "Wounded people are treated at a hospital in {city}",
            "Police cordon off the area around {subject} in {city}",
        ],
        briefs: &[
            "the {noun} at {subject} in {city} that killed {killed} people",
            "the bombing in {city} in which {killed} people died",
        ],
    },
    Kind {
        name: "election",
        nouns: &["election", "vote", "poll"],
        plural: false,
        one: "election",
        crisis: false,
        subjects: &["presidential", "parliamentary", "regional", "general", "local"],
        place: Where::WithParties,
        quantities: &[
            q("turnout", 38, 82, Digits),
            q("share", 41, 58, Digits),
            q("counted", 60, 97, Digits),
            q("days", 2, 10, Count),
            q("prev_year", 3, 6, YearsBefore),
        ],
        organisations: ["party", "party"],
        roles: &[
            described("the candidate of {o0}", "the candidate", Official),
            described("the candidate of {o1}", "the candidate", Critic),
            described("a spokesperson for the electoral commission", "the spokesperson", Official),
            described("a political analyst at {edu}", "the analyst", Expert),
            described("a voter in {city}", "the voter", Witness),
            described("a teacher who voted in {city}", "the teacher", Witness),
        ],
        headlines: &[
            "{s0} claims victory in {adj} {subject} {noun} as rival cries foul",
            "{Country} votes in tight {subject} {noun} overshadowed by the economy",
            "Turnout of {turnout} percent as {country} holds {subject} {noun}",
            "{s0} leads with {counted} percent of ballots counted",
            "{Adj} opposition rejects {noun} result, alleges fraud",
            "Close {subject} {noun} leaves {country} facing weeks of uncertainty",
        ],
        leads: &[
            "{Country} voted {on_day} in a {subject} {noun} that polls had described as too close to call, with turnout reaching {turnout} percent by the time polling stations closed.",
            "{p0} claimed victory in {country}'s {subject} {noun} {on_day}, with {share} percent of the vote according to preliminary results, while {p1} refused to concede.",
            "With {counted} percent of ballots counted, {p0} held a narrow lead in the {subject} {noun} in {country}, the electoral commission said {on_day}.",
            "Both main candidates in {country}'s {subject} {noun} claimed victory {on_day}, as a slow count left the result of a bitter campaign unresolved.",
        ],
        details: &[
            "Preliminary results gave {s0} {share} percent of the vote, a margin that would avoid a second round if it held.",
            "Turnout was {turnout} percent, the electoral commission said, [higher|lower] than at the previous {noun} in {prev_year}.",
            "Observers from {igo} said voting had been orderly in most places but reported [alleged|unconfirmed] irregularities at several polling stations outside {city}.",
            "Long queues formed outside polling stations in {city} from early morning, and some stayed open late to allow everyone waiting to vote.",
            "{O1} said it had collected evidence of [what it called ballot stuffing|so-called ballot stuffing] in several districts and would challenge the results in court.",
            "The campaign was dominated by rising prices, unemployment and corruption, issues on which both main candidates promised sweeping change.",
            "The final results are expected within {days} days, after which the losing side will have a week to file any challenges.",
            "Supporters of {s0} gathered outside the party's headquarters in {city}, waving flags and setting off fireworks as the first results came in.",
        ],
        quotes: &[
            (Official, "The people have spoken, and they have chosen change"),
            (Official, "I will govern for all citizens, including those who did not vote for me"),
            (Critic, "We will not accept a result that was stolen from the people"),
            (Critic, "We will wait for every vote to be counted before we say anything more"),
            (Expert, "Whoever wins will govern a deeply divided country, and neither side trusts the other"),
            (Witness, "I voted for change, because nothing has got better for my family in years"),
        ],
        captions: &[
            "Voters queue outside a polling station in {city}",
            "Supporters of {n0} celebrate in {city}",
            "Election officials count ballots at a polling station in {city}",
        ],
        briefs: &[
            "the {subject} {noun} in {country}, in which turnout was {turnout} percent",
            "the disputed {subject} {noun} in {country}",
        ],
    },
    Kind {
        name: "trade deal",
        nouns: &["trade deal", "trade agreement", "trade pact", "deal"],
        plural: false,
        one: "trade deal",
        crisis: false,
        subjects: &[
            "agricultural goods",
            "steel and aluminium",
            "electric vehicles",
            "pharmaceuticals",
            "digital services",
            "rare earths",
            "textiles",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("value", 2, 60, Digits),
            q("tariff", 5, 35, Digits),
            q("years", 3, 15, Count),
            q("jobs", 5000, 120_000, Count),
            q("prev_year", 4, 12, YearsBefore),
        ],
        organisations: ["intergovernmental", "company"],
        roles: &[
            titled("{adj} Trade Minister", "the minister", Official),
            titled("{adj2} Trade Minister", "the minister", Official),
            described("an economist at {co}", "the economist", Expert),
            described("a trade analyst at {ngo}", "the analyst", Expert),
            described("head of the {adj2} farmers' union", "the union leader", Critic),
            described("a factory owner in {city}", "the factory owner", Witness),
        ],
        headlines: &[
            "{Country} and {country2} sign ${value} billion trade deal",
            "{Adj} and {adj2} negotiators strike deal to cut tariffs on {subject}",
            "Trade pact to scrap {tariff} percent duties on {subject}, ministers say",
            "Farmers protest as {country} seals trade agreement with {country2}",
            "{Country}-{country2} {noun} could be worth ${value} billion a year, officials claim",
        ],
        leads: &[
            "{Country} and {country2} signed a {noun} in {city} {on_day} that will phase out tariffs on {subject} over {years} years, in an agreement both governments said was worth ${value} billion a year.",
            "Negotiators from {country} and {country2} concluded a long-delayed {noun} {on_day}, agreeing to cut duties of up to {tariff} percent on {subject} and to open public procurement to each other's companies.",
            "After {years} years of on-off negotiations, {p0} and {p1} signed a {noun} in {city} {on_day} that officials claimed would support some {jobs} jobs.",
        ],
        details: &[
            "Under the agreement, duties of up to {tariff} percent on {subject} will be cut in stages, with the most sensitive products protected for the full {years} years.",
            "Officials estimated the deal would add ${value} billion a year to trade between the two countries, although independent economists said the gains would take years to show.",
            "The agreement still needs to be ratified by both parliaments, a process that could take more than a year.",
            "{O0} welcomed the deal as a sign that countries were still willing to cut trade barriers despite rising protectionism.",
            "The text includes chapters on labour rights and the environment, which {adj} negotiators had resisted until the final round.",
            "Business groups in {country} said the deal would support as many as {jobs} jobs, mostly in manufacturing and logistics.",
            "Farmers' groups in {country2} have held protests against the agreement, saying it will expose them to cheaper imports.",
            "Talks began in {prev_year} but stalled twice, first over rules of origin and then over access for {adj2} farm products.",
        ],
        quotes: &[
            (
                Official,
                "This agreement sends a clear message that open trade still works for ordinary people",
            ),
            (
                Official,
                "We have protected our most sensitive sectors while opening new markets for our exporters",
            ),
            (Expert, "The headline numbers are optimistic, but the direction is right"),
            (Expert, "The real value of the deal is in the rules, not the tariffs"),
            (Critic, "Our members will pay the price for a deal that was negotiated behind closed doors"),
            (Witness, "If it means we can sell abroad without the paperwork, I will hire more people"),
        ],
        captions: &[
            "Trade ministers sign the agreement in {city}",
            "Containers are stacked at the port of {city}",
            "{n0} speaks at a news conference in {city}",
        ],
        briefs: &[
            "the {noun} between {country} and {country2} on {subject}",
            "the {adj}-{adj2} trade agreement signed in {city}",
        ],
    },
    Kind {
        name: "protest",
        nouns: &["protest", "demonstration", "rally", "march"],
        plural: false,
        one: "protest",
        crisis: true,
        subjects: &[
            "fuel prices",
            "a new pension law",
            "corruption",
            "police violence",
            "the cost of living",
            "a disputed mining project",
            "cuts to public services",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("crowd", 5, 200, Digits),
            q("arrested", 12, 400, Count),
            q("injured", 5, 80, Count),
            q("police", 500, 8000, Count),
            q("prev_year", 2, 10, YearsBefore),
        ],
        organisations: ["ngo", "party"],
        roles: &[
            described("one of the organisers of the protest", "the organiser", Critic),
            titled("{adj} Interior Minister", "the minister", Official),
            described("a spokesperson for the {city} police", "the spokesperson", Official),
            described("a student who joined the march", "the student", Witness),
            described("a sociologist at {edu}", "the sociologist", Expert),
            described("a campaigner with {o0}", "the campaigner", Critic),
        ],
        headlines: &[
            "Tens of thousands march in {city} over {subject}",
            "Police fire tear gas as protest over {subject} turns violent in {city}",
            "{arrested} arrested after clashes at {city} {noun}",
            "Protesters defy ban to rally against {subject} in {country}",
            "{Adj} government under pressure as protests over {subject} spread",
        ],
        leads: &[
            "Tens of thousands of people marched through central {city} {on_day} to protest against {subject}, in one of the largest demonstrations {country} has seen in years.",
            "Police in {city} used tear gas and water cannon {on_day} to disperse protesters who had gathered outside parliament to denounce {subject}, and at least {arrested} people were arrested.",
            "A {noun} against {subject} drew an estimated {crowd},000 people to the streets of {city} {on_day}, organisers said, although police put the figure much lower.",
        ],
        details: &[
            "Organisers said about {crowd},000 people had taken part, while police estimated the crowd at less than half that number.",
            "At least {arrested} people were detained, and {injured} were treated in hospital, including several police officers, the authorities said.",
            "Some {police} police officers were deployed in the city centre, and several metro stations were closed for the afternoon.",
            "Protesters carried banners and chanted slogans against the government, and some threw stones and bottles at riot police near the parliament building.",
            "The {noun} was called by a coalition of unions and civic groups, including {o0}, which has campaigned against {subject} for more than a year.",
            "Smaller demonstrations were held in several other cities across {country}, local media reported.",
            "Shop owners along the route boarded up their windows in the morning, fearing a repeat of clashes at earlier protests.",
            "The last protests on this scale were in {prev_year}, when a similar movement forced the government to withdraw a budget.",
        ],
        quotes: &[
            (Critic, "We are not going home until the government listens to us"),
            (Critic, "This is about the future of our children, and we will keep coming back"),
            (Official, "Everyone has the right to protest peacefully, but violence will not be tolerated"),
            (Official, "A small group of provocateurs tried to hijack a peaceful protest"),
            (Witness, "I have never seen so many people in the streets. Everyone is angry"),
            (Expert, "The government has underestimated how much anger there is over {subject}"),
        ],
        captions: &[
            "Protesters march through central {city}",
            "Riot police stand guard during the {noun} in {city}",
            "A demonstrator waves a flag in {city}",
        ],
        briefs: &[
            "the {noun} against {subject} in {city}, when {arrested} people were arrested",
            "the mass protests over {subject} in {country}",
        ],
    },
    Kind {
        name: "earthquake",
        nouns: &["earthquake", "quake"],
        plural: false,
        one: "earthquake",
        crisis: true,
        subjects: &[
            "a mountainous region",
            "a coastal area",
            "a densely populated valley",
            "a rural district",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("magnitude", 55, 78, Tenths),
            q("killed", 5, 400, Count),
            q("injured", 20, 2000, Count),
            q("buildings", 30, 3000, Count),
            q("depth", 5, 60, Count),
            q("aftershocks", 3, 40, Count),
            q("homeless", 1, 80, Digits),
            q("prev_year", 5, 20, YearsBefore),
        ],
        organisations: ["ngo", "intergovernmental"],
        roles: &[
            described("head of the national disaster management agency", "the agency chief", Official),
            described("a resident of {city}", "the resident", Witness),
            described("a seismologist at {edu}", "the seismologist", Expert),
            titled("{adj} Prime Minister", "the prime minister", Official),
            described("a coordinator for {o0}", "the coordinator", Expert),
            described("a mother of three from a village near {city}", "the woman", Witness),
        ],
        headlines: &[
            "Magnitude {magnitude} earthquake kills at least {killed} near {city}",
            "Rescuers search rubble after deadly {noun} in {country}",
            "{Country} {noun} death toll climbs to {killed}",
            "Thousands homeless after {noun} strikes near {city}",
            "Strong {noun} shakes {city}, toppling buildings",
        ],
        leads: &[
            "A magnitude {magnitude} {noun} struck {subject} near {city} {on_day}, killing at least {killed} people and destroying hundreds of homes, officials said.",
            "Rescue teams worked through the night to pull survivors from collapsed buildings after a powerful {noun} hit {subject} of {country} {on_day}, leaving at least {killed} people dead.",
            "The death toll from the {noun} that struck near {city} {on_day} rose to {killed}, with {injured} injured, as rescuers reached villages cut off by landslides.",
        ],
        details: &[
            "The {noun} had a magnitude of {magnitude} and struck at a depth of {depth} kilometres, according to seismologists, and was followed by {aftershocks} aftershocks.",
            "At least {buildings} buildings collapsed or were badly damaged, and an estimated {homeless},000 people spent the night in tents and cars.",
            "Officials said {injured} people had been injured, many of them seriously, and that hospitals in {city} were struggling to cope.",
            "Roads into the worst-hit villages were blocked by landslides, and rescuers had to reach some areas on foot.",
            "{O0} said it was sending emergency teams, tents and medical supplies, and appealed for funds to help those left homeless.",
            "The region sits on a major fault line and was last hit by a deadly earthquake in {prev_year}.",
            "Electricity and mobile networks were cut across much of the area, making it hard to assess the full extent of the damage.",
        ],
        quotes: &[
            (Witness, "The whole building was shaking. I grabbed my children and ran into the street"),
            (Witness, "We have lost everything. We have nowhere to go"),
            (Official, "Our priority is to reach everyone who may still be trapped under the rubble"),
            (Official, "Every available team has been sent to the affected area"),
            (
                Expert,
                "Many of the buildings that collapsed were built before the current safety standards came into force",
            ),
            (Expert, "Aftershocks are likely to continue for days, and damaged buildings remain dangerous"),
        ],
        captions: &[
            "Rescuers search for survivors in the rubble of a collapsed building near {city}",
            "Residents sit outside damaged homes in {city}",
            "A damaged road near {city} after the {noun}",
        ],
        briefs: &[
            "the {noun} near {city} that killed {killed} people",
            "the magnitude {magnitude} earthquake in {country}",
        ],
    },
    Kind {
        name: "court ruling",
        nouns: &["ruling", "verdict", "judgment", "decision"],
        plural: false,
        one: "ruling",
        crisis: false,
        subjects: &[
            "corruption",
            "fraud",
            "abuse of office",
            "money laundering",
            "espionage",
            "tax evasion",
            "bribery",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("sentence", 2, 15, Count),
            q("fine", 1, 90, Digits),
            q("judges", 3, 9, Count),
            q("defendants", 2, 12, Count),
            q("hearings", 10, 120, Count),
            q("days", 10, 30, Count),
        ],
        organisations: ["ngo", "education"],
        roles: &[
            titled("Judge", "the judge", Official),
            described("a lawyer for the defence", "the lawyer", Critic),
            described("a prosecutor in the case", "the prosecutor", Official),
            described("a legal scholar at {edu}", "the scholar", Expert),
            described("a researcher at {o0}", "the researcher", Expert),
            described("a former employee who testified at the trial", "the witness", Witness),
        ],
        headlines: &[
            "Court jails former minister for {sentence} years for {subject}",
            "{City} court convicts {defendants} in landmark {subject} case",
            "Judges rule against government in {subject} case",
            "Judge {s0} hands down {sentence}-year sentences in {subject} trial",
            "Defence to appeal after {subject} {noun} in {city}",
        ],
        leads: &[
            "A court in {city} sentenced a former government minister to {sentence} years in prison {on_day} for {subject}, in a case that has gripped {country} for more than a year.",
            "Judges in {city} convicted {defendants} people of {subject} {on_day} and ordered them to pay fines totalling {fine} million dollars, in one of the largest such cases in {country}'s history.",
            "{Country}'s highest court ruled {on_day} that the government had acted unlawfully, handing a major defeat to the authorities in a long-running case over {subject}.",
        ],
        details: &[
            "The panel of {judges} judges reached its decision unanimously after {hearings} hearings, the court said in a statement.",
            "Prosecutors had asked for a longer sentence, arguing that the defendants had [allegedly|] diverted public money into companies controlled by their relatives.",
            "Defence lawyers said they would appeal, and that the {noun} was based on evidence that had been obtained illegally.",
            "The court also ordered the confiscation of property and bank accounts worth an estimated {fine} million dollars.",
            "Dozens of supporters of the defendants gathered outside the courthouse, and police briefly detained several of them.",
            "{O0} said the trial had been marred by procedural violations and called for an independent review.",
            "The {noun} can be appealed within {days} days, and the defendants will remain free until a higher court rules.",
        ],
        quotes: &[
            (Official, "No one is above the law, whatever position they held"),
            (Official, "The evidence presented to the court left no room for doubt"),
            (Critic, "This is a political trial, and the verdict was written before it began"),
            (Critic, "We will take this case to every court we can, including international ones"),
            (Expert, "The ruling sets an important precedent for how such cases will be handled in future"),
            (Expert, "The question now is whether the sentence will survive an appeal"),
        ],
        captions: &[
            "Defendants sit in the courtroom in {city}",
            "Police stand outside the courthouse in {city}",
            "{n1} speaks to reporters outside the court in {city}",
        ],
        briefs: &[
            "the {subject} trial in {city}, which ended with sentences of up to {sentence} years",
            "the court ruling on {subject} in {city}",
        ],
    },
    Kind {
        name: "sanctions",
        nouns: &["sanctions", "measures", "penalties", "restrictions"],
        plural: true,
        one: "sanctions package",
        crisis: false,
        subjects: &[
            "arms exports",
            "human rights abuses",
            "cyber attacks",
            "a disputed election",
            "military support for rebels",
            "a crackdown on protesters",
        ],
        place: Where::Anywhere,
        quantities: &[
            q("individuals", 10, 120, Count),
            q("entities", 5, 60, Count),
            q("frozen", 1, 40, Digits),
            q("banks", 2, 12, Count),
            q("prev_year", 2, 8, YearsBefore),
        ],
        organisations: ["intergovernmental", "company"],
        roles: &[
            titled("{adj} Foreign Minister", "the minister", Official),
            described("a spokesperson for the {adj2} Foreign Ministry", "the spokesperson", Critic),
            described("a sanctions expert at {ngo}", "the expert", Expert),
            described("an economist at {edu}", "the economist", Expert),
            titled("{adj} Finance Minister", "the minister", Official),
            described("a businessman in {city}", "the businessman", Witness),
        ],
        headlines: &[
            "{Country} imposes new sanctions on {country2} over {subject}",
            "{Adj} sanctions target {individuals} individuals and {entities} companies in {country2}",
            "{Country2} vows to retaliate against {adj} sanctions",
            "Assets worth ${frozen} billion frozen in new sanctions on {country2}",
            "New {adj} measures hit {adj2} banks over {subject}",
        ],
        leads: &[
            "{Country} announced sanctions against {individuals} individuals and {entities} companies in {country2} {on_day}, accusing them of involvement in {subject}.",
            "The government of {country} froze assets worth an estimated ${frozen} billion {on_day} as part of a package of sanctions on {country2} over {subject}, drawing an angry response from {adj2} officials.",
            "{Country2} promised to respond in kind {on_day} after {country} imposed sanctions on {banks} of its banks over {subject}.",
        ],
        details: &[
            "The {noun} target {individuals} individuals and {entities} companies, including {banks} banks, which will be cut off from the {adj} financial system.",
            "Officials said assets worth about ${frozen} billion had been frozen, although independent analysts said the real figure was likely to be far lower.",
            "{O0} said it was studying whether to adopt similar measures, but several of its members have resisted.",
            "{Adj2} officials dismissed the {noun} as illegal and said they would have little effect on the economy.",
            "The {noun} come after months of warnings from {country} over {subject}, which {country2} denies.",
            "Shares in several {adj2} companies fell sharply after the announcement, and the currency lost ground against the dollar.",
            "{Country} first imposed limited sanctions on {country2} in {prev_year}, but officials said those had done little to change its behaviour.",
        ],
        quotes: &[
            (Official, "These measures are targeted at those responsible, not at the people of {country2}"),
            (Official, "We will not hesitate to go further if this behaviour continues"),
            (Critic, "These illegal sanctions will not change our policy, and we will respond in kind"),
            (Critic, "This is economic blackmail dressed up as principle"),
            (Expert, "Sanctions like these work slowly, if they work at all"),
            (
                Expert,
                "The measures are carefully designed to avoid hurting {adj} companies as much as possible",
            ),
        ],
        captions: &[
            "{n0} announces the sanctions at a news conference in {city}",
            "The central business district of {city}",
            "Officials leave a government building in {city}",
        ],
        briefs: &[
            "the {noun} {country} imposed on {country2} over {subject}",
            "the {adj} sanctions on {adj2} banks",
        ],
    },
];
