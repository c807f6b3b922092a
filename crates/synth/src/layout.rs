//! Page layouts: how the text of a report sits among the rest of a scraped page.
//!
//! A scraper's plain-text dump of a news page is the article mixed with the site around it: the
//! masthead, navigation menus, share buttons, photo captions with credits, advertising labels, promo
//! links, reader comments and footers. Each [`Layout`] imitates one family of pages, after the built-in
//! corpus and the ingest fixtures (`crates/core/tests/fixtures`): a wire story ("MOSCOW (Reuters) -" with
//! an editing credit), an AP story with its "(AP Photo/...)" captions, an agency's own site, a newspaper or
//! broadcaster's article page, a tabloid with bullet standfirst and rated comments, a WordPress blog, a
//! page signed off by its print-edition line, and a forum-like page with a numbered comment thread.
//!
//! Every layout names its outlet where a reader (and the ingest) looks for it: in a wire dateline, a
//! masthead line or a print-edition line. Every layout prints the publication date in the page header
//! (or the print-edition line), in one of the formats sites use, and comments are always dated on or
//! after it.

use rand::RngExt;
use rand::seq::IndexedRandom;

use crate::calendar::Day;
use crate::prose::{Writer, word_count};
use crate::tables::{Outlet, tables};
use crate::world::Event;

/// The families of page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Wire,
    WireAp,
    AgencySite,
    Article,
    Broadcast,
    Tabloid,
    Blog,
    PrintEdition,
    Forum,
}

/// Layouts by outlet kind, with weights (relative): agencies mostly publish wire copy, newspapers
/// article pages, online outlets blogs and forum-like pages.
fn layouts_for(kind: &str) -> &'static [(Layout, u32)] {
    use Layout::*;
    match kind {
        "agency" => &[(Wire, 4), (WireAp, 2), (AgencySite, 3), (Article, 1)],
        "newspaper" => &[(Article, 4), (Tabloid, 2), (PrintEdition, 3), (Blog, 1)],
        "broadcaster" => &[(Broadcast, 5), (Article, 4), (Blog, 1)],
        "magazine" => &[(Article, 5), (Blog, 2), (PrintEdition, 2)],
        _ => &[(Article, 4), (Blog, 3), (Forum, 3)],
    }
}

pub(crate) fn choose_layout(writer: &mut Writer, outlet: &Outlet) -> Layout {
    let options = layouts_for(outlet.kind);
    let total: u32 = options.iter().map(|(_, w)| w).sum();
    let mut x = writer.rng.random_range(0..total);
    for &(layout, w) in options {
        if x < w {
            return layout;
        }
        x -= w;
    }
    Layout::Article
}

/// Sections of a site, for navigation menus.
const SECTIONS: [&str; 18] = [
    "World",
    "Politics",
    "Business",
    "Tech",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Economy",
    "Europe",
    "Asia",
    "Africa",
    "Americas",
    "Middle East",
    "Climate",
    "Lifestyle",
    "Video",
];

/// Agencies whose names photo credits print.
const PHOTO_AGENCIES: [&str; 7] = ["AFP", "Reuters", "AP", "EPA", "Getty Images", "Anadolu", "Xinhua"];

/// Beats a correspondent's byline names ("Helen Marsh Environment correspondent").
const BEATS: [&str; 6] = ["Diplomatic", "Security", "Political", "Economics", "Foreign", "Regional"];

/// Endings of a CSS-class list that some scrapes keep at the foot of the page.
const CSS_CLASSES: [&str; 5] = [
    "narrow-browser-and-phone",
    "medium-browser-and-portrait-tablet",
    "landscape-tablet",
    "medium-wide-browser",
    "wide-browser-and-larger",
];

/// Commenter handle parts.
const HANDLE_HEADS: [&str; 16] = [
    "River", "North", "Old", "Quiet", "Red", "Blue", "Silver", "Iron", "Green", "Lucky", "Honest", "Tired",
    "Salty", "Night", "Coastal", "Urban",
];
const HANDLE_TAILS: [&str; 16] = [
    "Watcher", "Reader", "Fox", "Gran", "Dad", "Walker", "Owl", "Sailor", "Farmer", "Cat", "Wolf", "Pilot",
    "Teacher", "Voter", "Skeptic", "Observer",
];

/// A page being written: lines of text.
struct Sheet {
    text: String,
}

impl Sheet {
    fn line(&mut self, s: &str) {
        self.text.push_str(s);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }
}

/// The page text of a report in a layout.
pub(crate) fn render(writer: &mut Writer, outlet: &Outlet, layout: Layout, promos: &mut [Event]) -> String {
    let mut sheet = Sheet { text: String::with_capacity(8192) };
    // Body length in words, lead included (300 to 900, as the generator promises).
    let target = writer.rng.random_range(300..=900usize);
    match layout {
        Layout::Wire => wire(writer, outlet, target, &mut sheet),
        Layout::WireAp => wire_ap(writer, outlet, target, &mut sheet),
        Layout::AgencySite => agency_site(writer, outlet, target, promos, &mut sheet),
        Layout::Article => article(writer, outlet, target, promos, &mut sheet),
        Layout::Broadcast => broadcast(writer, outlet, target, promos, &mut sheet),
        Layout::Tabloid => tabloid(writer, outlet, target, &mut sheet),
        Layout::Blog => blog(writer, outlet, target, promos, &mut sheet),
        Layout::PrintEdition => print_edition(writer, outlet, target, &mut sheet),
        Layout::Forum => forum(writer, outlet, target, &mut sheet),
    }
    sheet.text
}

/// A reporter's or photographer's name.
fn person_name(w: &mut Writer) -> String {
    let t = tables();
    let given = t.given_names[w.rng.random_range(0..t.given_names.len())];
    let surname = t.surnames[w.rng.random_range(0..t.surnames.len())];
    format!("{given} {surname}")
}

/// A time of day in working hours: (hour 6..=22, minute).
fn time_of_day(w: &mut Writer) -> (u32, u32) {
    (w.rng.random_range(6..=22), w.rng.random_range(0..60))
}

fn twelve_hour(hour: u32) -> (u32, &'static str) {
    match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    }
}

/// The publication date in one of the formats article pages print under the headline.
fn timestamp(w: &mut Writer, day: Day) -> String {
    let (y, m, d) = day.ymd();
    let month = day.month_name();
    let short = day.month_short();
    let (h, min) = time_of_day(w);
    let (h12, ampm) = twelve_hour(h);
    let weekday = day.weekday();
    match w.rng.random_range(0..9u32) {
        0 => format!("{month} {d}, {y}"),
        1 => format!("{d} {month} {y} {h:02}:{min:02} GMT"),
        2 => day.iso(),
        3 => format!("{} {d} {short} {y} {h:02}.{min:02} BST", &weekday[..3]),
        4 => format!("Published On {d} {short} {y}"),
        5 => format!("{weekday} {d} {month} {y} - {h:02}:{min:02} GMT"),
        6 => format!("{short} {d}, {y}, {h12}:{min:02} {ampm} ET"),
        7 => format!("{d:02}.{m:02}.{y}"),
        _ => format!("Published {month} {d}, {y} at {h12}:{min:02} {}", ampm.to_ascii_lowercase()),
    }
}

/// A navigation menu: "Home | World | Politics | Business".
fn nav_line(w: &mut Writer) -> String {
    let n = w.rng.random_range(4..=9usize);
    let mut items: Vec<&str> = vec![if w.rng.random_bool(0.5) { "Home" } else { "News" }];
    let mut pool: Vec<&str> = SECTIONS.to_vec();
    for _ in 1..n {
        let i = w.rng.random_range(0..pool.len());
        items.push(pool.swap_remove(i));
    }
    let sep = *[" | ", " | ", " • "].choose(&mut w.rng).unwrap_or(&" | ");
    items.join(sep)
}

fn section(w: &mut Writer) -> &'static str {
    SECTIONS[w.rng.random_range(0..SECTIONS.len())]
}

/// A photo credit as the end of a caption line prints it, for the outlet's own photographers or an agency.
fn photo_credit(w: &mut Writer, outlet: &Outlet) -> String {
    let name = person_name(w);
    let agency = PHOTO_AGENCIES[w.rng.random_range(0..PHOTO_AGENCIES.len())];
    match w.rng.random_range(0..8u32) {
        0 => format!("Photo: {name}/{agency}"),
        1 => format!("PHOTO: {}", agency.to_uppercase()),
        2 => format!("REUTERS/{name}"),
        3 => format!("(AP Photo/{name})"),
        4 => format!("[{name}/{}]", outlet.short),
        5 => format!("Photograph: {name}/{agency}"),
        6 => format!("Picture: {agency}"),
        _ => format!("EPA/{}", name.to_uppercase()),
    }
}

/// A caption, printed once with its credit, or twice with the credit on the second copy (as a page shows
/// it under the photo and again in its lightbox).
fn captions(w: &mut Writer, outlet: &Outlet, dated: bool, sheet: &mut Sheet) {
    let caption = w.caption(dated);
    let credit = photo_credit(w, outlet);
    if w.rng.random_bool(0.4) {
        sheet.line(&caption);
    }
    sheet.line(&format!("{caption} {credit}"));
}

/// Share and subscribe buttons as text.
fn share_block(w: &mut Writer, sheet: &mut Sheet) {
    let options: [&[&str]; 4] = [
        &["Share", "Tweet", "Email"],
        &["Share on Facebook", "Share on Twitter", "Email"],
        &["Share", "Facebook | Twitter | Email | Print"],
        &["Share this article", "Subscribe"],
    ];
    for line in options[w.rng.random_range(0..options.len())] {
        sheet.line(line);
    }
}

/// A byline in one of the shapes article pages print.
fn byline(w: &mut Writer) -> String {
    let a = person_name(w);
    match w.rng.random_range(0..5u32) {
        0 | 1 => format!("By {a}"),
        2 => {
            let b = person_name(w);
            format!("By {a} and {b}")
        }
        3 => {
            let beat = BEATS[w.rng.random_range(0..BEATS.len())];
            format!("{a} {beat} correspondent")
        }
        _ => a,
    }
}

/// Body paragraphs after the lead, with furniture inside the article now and then: an advertising label,
/// a "Read more" link to another story.
fn body(
    w: &mut Writer,
    lead: &str,
    target: usize,
    promos: &mut [Event],
    sheet: &mut Sheet,
    blank_lines: bool,
) {
    let paragraphs = w.paragraphs(word_count(lead), target);
    let ad_at = w.rng.random_bool(0.35).then(|| w.rng.random_range(1..paragraphs.len().max(2)));
    let read_more_at = (!promos.is_empty() && w.rng.random_bool(0.3))
        .then(|| w.rng.random_range(1..paragraphs.len().max(2)));
    for (i, p) in paragraphs.iter().enumerate() {
        if Some(i) == ad_at {
            sheet.line(if w.rng.random_bool(0.5) { "Advertisement" } else { "ADVERTISEMENT" });
            if blank_lines {
                sheet.blank();
            }
        }
        if Some(i) == read_more_at {
            let promo = w.promo_headline(&mut promos[0]);
            sheet.line(&format!("Read more: {promo}"));
            if blank_lines {
                sheet.blank();
            }
        }
        sheet.line(p);
        if blank_lines {
            sheet.blank();
        }
    }
}

/// A block of links to other stories under a heading that ends the article ("Related", "Most read").
fn promo_block(w: &mut Writer, promos: &mut [Event], sheet: &mut Sheet) {
    if promos.is_empty() {
        return;
    }
    let heading = *["Related", "Related stories", "Most read", "More stories", "Top stories"]
        .choose(&mut w.rng)
        .unwrap_or(&"Related");
    sheet.line(heading);
    let numbered = heading == "Most read";
    for (i, e) in promos.iter_mut().enumerate() {
        let h = w.promo_headline(e);
        if numbered {
            sheet.line(&format!("{}. {h}", i + 1));
        } else {
            sheet.line(&h);
        }
    }
}

fn footer(w: &mut Writer, outlet: &Outlet, sheet: &mut Sheet) {
    let year = w.published.year();
    sheet.line("Privacy policy | Terms of use | Cookie policy | Contact us");
    let notice = match w.rng.random_range(0..3u32) {
        0 => format!("© {year} {}. All rights reserved.", outlet.masthead),
        1 => format!("Copyright © {year} {}", outlet.masthead),
        _ => format!("© {} {year}", outlet.masthead),
    };
    sheet.line(&notice);
}

/// A commenter's name: a handle ("RiverWatcher", "maria1984") or a real-looking name.
fn commenter(w: &mut Writer) -> String {
    let t = tables();
    match w.rng.random_range(0..4u32) {
        0 => {
            let head = HANDLE_HEADS[w.rng.random_range(0..HANDLE_HEADS.len())];
            let tail = HANDLE_TAILS[w.rng.random_range(0..HANDLE_TAILS.len())];
            format!("{head}{tail}")
        }
        1 => {
            let head = HANDLE_HEADS[w.rng.random_range(0..HANDLE_HEADS.len())].to_ascii_lowercase();
            let tail = HANDLE_TAILS[w.rng.random_range(0..HANDLE_TAILS.len())].to_ascii_lowercase();
            format!("{head}{tail}")
        }
        2 => {
            let given = t.given_names[w.rng.random_range(0..t.given_names.len())].to_lowercase();
            format!("{given}{}", w.rng.random_range(1960..2005u32))
        }
        _ => person_name(w),
    }
}

/// How reader comments are printed.
#[derive(Debug, Clone, Copy)]
enum Thread {
    /// Name, then the time on its own line, replies indented and opening with "@name".
    Indented,
    /// "Name says:", the time on the next line, replies marked "In reply to Name.".
    Says,
    /// "Name, City, Country, 3 hours ago", with rating controls.
    Rated,
    /// "1. name", then "name 20 April 2013 10:31 New", replies indented.
    Numbered,
}

/// Times of comments: on or after the publication day, in order.
fn comment_times(w: &mut Writer, n: usize) -> Vec<(Day, u32, u32)> {
    let mut day = w.published.plus(w.rng.random_range(0..=1));
    let mut minutes = w.rng.random_range(7 * 60..20 * 60u32);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        minutes += w.rng.random_range(3..180u32);
        if minutes >= 24 * 60 {
            minutes -= 24 * 60;
            day = day.plus(1);
        }
        out.push((day, minutes / 60, minutes % 60));
    }
    out
}

fn comments(w: &mut Writer, style: Thread, sheet: &mut Sheet) {
    let n = w.rng.random_range(2..=7usize);
    let times = comment_times(w, n);
    let mut names: Vec<String> = Vec::with_capacity(n);
    // Each comment's nesting depth: a reply answers the comment just before it, one level deeper.
    let mut depths: Vec<usize> = Vec::with_capacity(n);
    match style {
        Thread::Indented => {
            sheet.line(if w.rng.random_bool(0.5) { "Comments" } else { "Join the conversation" })
        }
        Thread::Says => {}
        Thread::Rated => {
            sheet.line(&format!("Comments {}", n * 3 + 2));
            sheet.line("The comments below have not been moderated.");
        }
        Thread::Numbered => {
            sheet.line("Dear reader, to leave comments on the publication, you must register.");
            sheet.blank();
            sheet.line("I have an account? Sign in");
            sheet.blank();
        }
    }
    for (i, &(day, h, m)) in times.iter().enumerate() {
        let name = commenter(w);
        // A reply answers the comment before it, now and then, up to three levels deep.
        let reply = i > 0 && depths[i - 1] < 3 && w.rng.random_bool(0.3);
        let reply_to = reply.then(|| names[i - 1].clone());
        let depth = if reply { depths[i - 1] + 1 } else { 0 };
        depths.push(depth);
        let text = w.comment(reply_to.as_deref());
        let (y, _, d) = day.ymd();
        let short = day.month_short();
        match style {
            Thread::Indented => {
                let indent = "    ".repeat(depth);
                sheet.line(&format!("{indent}{name}"));
                sheet.line(&format!("{indent}{d} {short} {y} {h:02}.{m:02}"));
                sheet.line(&format!("{indent}{text}"));
                for control in ["Reply", "Share", "Report"] {
                    sheet.line(&format!("{indent}{control}"));
                }
            }
            Thread::Says => {
                let (h12, ampm) = twelve_hour(h);
                sheet.line(&format!("{name} says:"));
                sheet.line(&format!(
                    "{} {d}, {y} at {h12}:{m:02} {}",
                    day.month_name(),
                    ampm.to_ascii_lowercase()
                ));
                if let Some(to) = &reply_to {
                    sheet.line(&format!("In reply to {to}."));
                }
                sheet.line(&text);
                sheet.line("Reply");
            }
            Thread::Rated => {
                let city = &tables().cities[w.rng.random_range(0..tables().cities.len())];
                let hours = n - i + 1;
                sheet.line(&format!("{name}, {}, {}, {hours} hours ago", city.name, city.country_name));
                sheet.line(&text);
                sheet.line("Reply");
                sheet.line(&w.rng.random_range(0..60u32).to_string());
                sheet.line(&w.rng.random_range(0..20u32).to_string());
                sheet.line("Click to rate");
            }
            Thread::Numbered => {
                let indent = format!("  {}", "    ".repeat(depth));
                let handle = name.replace(' ', "_");
                sheet.line(&format!("{indent}{}. {handle}", i + 1));
                sheet.line(&format!("{indent}  {handle} {d} {} {y} {h:02}:{m:02} New", day.month_name()));
                sheet.line(&format!("{indent}  {text}"));
            }
        }
        names.push(name);
    }
}

/// A wire story as an agency's site prints it: date line, headline, "CITY (Agency) - " lead, credits.
fn wire(w: &mut Writer, outlet: &Outlet, target: usize, sheet: &mut Sheet) {
    let day = w.published;
    let (h, min) = time_of_day(w);
    let (h12, ampm) = twelve_hour(h);
    sheet.line(&format!(
        "{} {}, {} / {h12}:{min:02} {ampm} / Updated {} hours ago",
        day.month_name(),
        day.ymd().2,
        day.year(),
        w.rng.random_range(1..12u32)
    ));
    sheet.blank();
    let title_case = w.rng.random_bool(0.3);
    sheet.line(&w.headline(title_case));
    sheet.blank();
    let city = w.event.city.name.to_uppercase();
    let dateline = if w.rng.random_bool(0.6) {
        format!("{city} ({}) - ", outlet.short)
    } else {
        format!("{city}, {} ({}) - ", day.month_day(), outlet.short)
    };
    let lead = w.lead(&dateline);
    sheet.line(&lead);
    sheet.blank();
    if w.rng.random_bool(0.7) {
        let caption = w.caption(true);
        let credit = if outlet.name == "Reuters" {
            format!("REUTERS/{}", person_name(w))
        } else {
            photo_credit(w, outlet)
        };
        sheet.line(&format!("{caption} {credit}"));
        sheet.blank();
    }
    body(w, &lead, target, &mut [], sheet, true);
    let a = person_name(w);
    let b = person_name(w);
    let c = person_name(w);
    let city2 = w.event.other.name;
    let credit = match w.rng.random_range(0..3u32) {
        0 => format!("Reporting by {a}; Additional reporting by {b} in {city2}; Editing by {c}"),
        1 => format!("Reporting by {a}; Editing by {b} and {c}"),
        _ => format!("Writing by {a}; Editing by {b}"),
    };
    sheet.line(&credit);
    if w.rng.random_bool(0.4) {
        sheet.blank();
        for class in CSS_CLASSES {
            sheet.line(&format!("  • {class}"));
        }
    }
}

/// An AP-style story page: menu, headline, multi-author byline, captions with "(AP Photo/...)", a
/// "CITY, Country (AP) —" lead, contributors' credit and the agency's copyright line.
fn wire_ap(w: &mut Writer, outlet: &Outlet, target: usize, sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line(&nav_line(w));
    sheet.line("Search");
    sheet.line("ADVERTISEMENT");
    sheet.line(&w.headline(false));
    let (a, b) = (person_name(w), person_name(w));
    sheet.line(&format!("By {a} and {b}, {}", outlet.masthead));
    let day = w.published;
    sheet.line(&format!("{} {}, {}", day.month_name(), day.ymd().2, day.year()));
    let caption = w.caption(true);
    sheet.line(&caption);
    sheet.line(&format!("{caption} ({} Photo/{})", outlet.short, person_name(w)));
    sheet.line("Share");
    sheet.blank();
    let dateline =
        format!("{}, {} ({}) — ", w.event.city.name.to_uppercase(), w.event.city.country_name, outlet.short);
    let lead = w.lead(&dateline);
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, &mut [], sheet, true);
    let (c, d) = (person_name(w), person_name(w));
    sheet.line(&format!(
        "{} writers {c} in {} and {d} in {} contributed to this report.",
        outlet.short, w.event.city.name, w.event.other.name
    ));
    sheet.line(&format!(
        "Copyright {} {}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        day.year(),
        outlet.masthead
    ));
}

/// An agency's own English site: menus, headline and standfirst, byline, a dated header, the
/// "City (Agency) - " lead, editors' initials, related links and a cookie notice.
fn agency_site(w: &mut Writer, outlet: &Outlet, target: usize, promos: &mut [Event], sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line("Menu");
    sheet.line("Subscribe to our newsletters");
    sheet.line(&nav_line(w));
    sheet.line(section(w));
    sheet.line(&w.headline(false));
    if let Some(s) = w.standfirst() {
        sheet.line(&s);
    }
    sheet.line(&format!("By {}", person_name(w)));
    let day = w.published;
    let (h, min) = time_of_day(w);
    sheet.line(&format!(
        "{} {} {} {} - {h:02}:{min:02} GMT",
        day.weekday(),
        day.ymd().2,
        day.month_name(),
        day.year()
    ));
    sheet.line("Share on Facebook");
    sheet.line("Share on Twitter");
    captions(w, outlet, true, sheet);
    let dateline = format!("{} ({}) - ", w.event.city.name, outlet.short);
    let lead = w.lead(&dateline);
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, promos, sheet, true);
    let initials: Vec<String> = (0..3)
        .map(|_| {
            let n = w.rng.random_range(2..=3);
            (0..n).map(|_| char::from(b'a' + w.rng.random_range(0..26u8))).collect()
        })
        .collect();
    sheet.line(&initials.join("/"));
    sheet.line(&format!("© {} {}", day.year(), outlet.short));
    promo_block(w, promos, sheet);
    sheet.line(&format!("Follow {}", outlet.short));
    sheet.line("Twitter | Facebook | Instagram | LinkedIn | YouTube");
    sheet.line("This site uses cookies to improve your experience. By continuing to browse it you agree to our use of cookies. OK");
    sheet.line("Legal notice | Terms of use | Privacy policy | Contact");
}

/// A newspaper's, magazine's or broadcaster's article page.
fn article(w: &mut Writer, outlet: &Outlet, target: usize, promos: &mut [Event], sheet: &mut Sheet) {
    if w.rng.random_bool(0.3) {
        sheet.line("Skip to main content");
    }
    sheet.line(outlet.masthead);
    if w.rng.random_bool(0.5) {
        sheet.line("Menu");
        sheet.line("Search");
    }
    sheet.line(&nav_line(w));
    if w.rng.random_bool(0.6) {
        sheet.line(section(w));
    }
    let title_case = w.rng.random_bool(0.2);
    sheet.line(&w.headline(title_case));
    if w.rng.random_bool(0.5)
        && let Some(s) = w.standfirst()
    {
        sheet.line(&s);
    }
    let by = byline(w);
    let day = w.published;
    let stamp = timestamp(w, day);
    // A name alone over a date reads as a comment header ("NAME" then "TIME") to a comment finder: the
    // pages that print a bare name print the date above it.
    let bare_name = !by.starts_with("By ") && !by.ends_with("correspondent");
    if !bare_name && w.rng.random_bool(0.75) {
        sheet.line(&by);
        sheet.line(&stamp);
    } else {
        sheet.line(&stamp);
        sheet.line(&by);
    }
    if w.rng.random_bool(0.6) {
        share_block(w, sheet);
    }
    if w.rng.random_bool(0.7) {
        captions(w, outlet, false, sheet);
    }
    sheet.blank();
    let dateline = match w.rng.random_range(0..4u32) {
        0 => format!("{} — ", w.event.city.name.to_uppercase()),
        1 => format!("{}, {} – ", w.event.city.name, w.event.city.country_name),
        _ => String::new(),
    };
    let lead = w.lead(&dateline);
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, promos, sheet, true);
    match w.rng.random_range(0..4u32) {
        0 => sheet.line(&format!("Additional reporting by {} in {}", person_name(w), w.event.other.name)),
        1 => sheet.line("With reporting by Reuters and AFP"),
        _ => {}
    }
    if w.rng.random_bool(0.35) {
        let style = [Thread::Indented, Thread::Says, Thread::Rated][w.rng.random_range(0..3)];
        comments(w, style, sheet);
    }
    promo_block(w, promos, sheet);
    footer(w, outlet, sheet);
}

/// A broadcaster's web story: breadcrumb, headline, a caption printed twice without a credit, the
/// reporter's name alone, the date, the story, and video promos.
fn broadcast(w: &mut Writer, outlet: &Outlet, target: usize, promos: &mut [Event], sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line(&format!("News / {}", section(w)));
    sheet.blank();
    let title_case = w.rng.random_bool(0.5);
    sheet.line(&w.headline(title_case));
    sheet.blank();
    let caption = w.caption(false);
    sheet.line(&caption);
    sheet.line(&caption);
    sheet.line(&person_name(w));
    let day = w.published;
    let stamp = timestamp(w, day);
    sheet.line(&stamp);
    let lead = w.lead("");
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, promos, sheet, true);
    promo_block(w, promos, sheet);
    footer(w, outlet, sheet);
}

/// A tabloid story: long menus, bullet-point standfirst, upper-case byline "FOR" the site, published and
/// updated times, share counts, pictures with "Picture:" credits, and rated comments.
fn tabloid(w: &mut Writer, outlet: &Outlet, target: usize, sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line(&nav_line(w));
    sheet.line(&nav_line(w));
    sheet.line("Advertisement");
    sheet.line(&w.headline(false));
    for _ in 0..w.rng.random_range(2..=4) {
        if let Some(s) = w.standfirst() {
            sheet.line(&s);
        }
    }
    let name = person_name(w).to_uppercase();
    sheet.line(&format!("By {name} FOR {}", outlet.masthead.to_uppercase()));
    let day = w.published;
    let (h, min) = time_of_day(w);
    let (uh, umin) = time_of_day(w);
    let later = day.plus(1);
    sheet.line(&format!(
        "Published: {h:02}:{min:02} GMT, {} {} {} | Updated: {uh:02}:{umin:02} GMT, {} {} {}",
        day.ymd().2,
        day.month_name(),
        day.year(),
        later.ymd().2,
        later.month_name(),
        later.year()
    ));
    let shares = w.rng.random_range(10..900u32).to_string();
    for line in ["e-mail", &shares, "shares", "View comments"] {
        sheet.line(line);
    }
    let lead = w.lead("");
    sheet.line(&lead);
    sheet.blank();
    let paragraphs = w.paragraphs(word_count(&lead), target);
    let picture_at = paragraphs.len() / 3;
    for (i, p) in paragraphs.iter().enumerate() {
        if i == picture_at {
            let caption = w.caption(false);
            sheet.line(&caption);
            sheet.line(&format!(
                "{caption} Picture: {}",
                PHOTO_AGENCIES[w.rng.random_range(0..PHOTO_AGENCIES.len())]
            ));
            sheet.line("Click to enlarge");
        }
        sheet.line(p);
        sheet.blank();
    }
    sheet.line("Share or comment on this article:");
    if w.rng.random_bool(0.7) {
        comments(w, Thread::Rated, sheet);
        sheet.line(&format!(
            "The views expressed in the contents above are those of our users and do not necessarily reflect the views of {}.",
            outlet.masthead
        ));
    }
    sheet.line("Back to top");
    sheet.line(&nav_line(w));
}

/// A WordPress-style post: site title and tagline, "Posted on DATE by NAME", the post, "N thoughts on",
/// "says:" comments and the reply form.
fn blog(w: &mut Writer, outlet: &Outlet, target: usize, promos: &mut [Event], sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line("News and analysis from around the world");
    sheet.line("Menu");
    sheet.line("Home | About | Contact | Archives");
    let headline = w.headline(false);
    sheet.line(&headline);
    let day = w.published;
    sheet.line(&format!(
        "Posted on {} {}, {} by {}",
        day.month_name(),
        day.ymd().2,
        day.year(),
        person_name(w)
    ));
    sheet.blank();
    let lead = w.lead("");
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, &mut [], sheet, true);
    sheet.line(&format!("Posted in {} | Tagged {}, {}", section(w), w.event.city.name, w.event.kind.name));
    if w.rng.random_bool(0.6) {
        let (open, close) = w.marks;
        sheet.line(&format!("{} thoughts on {open}{headline}{close}", w.rng.random_range(2..9u32)));
        comments(w, Thread::Says, sheet);
    }
    sheet.line("Leave a Reply");
    sheet.line("Your email address will not be published. Required fields are marked *");
    sheet.line("Recent Posts");
    for e in promos.iter_mut() {
        let h = w.promo_headline(e);
        sheet.line(&h);
    }
    sheet.line("Archives");
    sheet.line(&format!("{} {}", day.month_name(), day.year()));
    sheet.line("Proudly powered by WordPress");
}

/// A newspaper page dated only by its print-edition line: captions with "PHOTO:" credits, a standfirst,
/// a "CITY • " lead.
fn print_edition(w: &mut Writer, outlet: &Outlet, target: usize, sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.line(&nav_line(w));
    sheet.blank();
    let headline = w.headline(false);
    sheet.line(&headline);
    sheet.blank();
    let caption = w.caption(false);
    let agency = PHOTO_AGENCIES[w.rng.random_range(0..PHOTO_AGENCIES.len())].to_uppercase();
    sheet.line(&caption);
    sheet.line(&format!("{caption} PHOTO: {agency}"));
    sheet.blank();
    if let Some(s) = w.standfirst() {
        sheet.line(&s);
        sheet.blank();
    }
    let lead = w.lead(&format!("{} • ", w.event.city.name.to_uppercase()));
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, &mut [], sheet, true);
    let day = w.published;
    sheet.line(&format!(
        "A version of this article appeared in the print edition of {} on {} {}, {}, with the headline '{headline}'. Print Edition | Subscribe",
        outlet.masthead,
        day.month_name(),
        day.ymd().2,
        day.year()
    ));
}

/// A forum-like site: the headline printed twice, a date, the text, and a numbered comment thread
/// behind a registration notice.
fn forum(w: &mut Writer, outlet: &Outlet, target: usize, sheet: &mut Sheet) {
    sheet.line(outlet.masthead);
    sheet.blank();
    let headline = w.headline(false);
    sheet.line(&headline);
    sheet.blank();
    sheet.line(&headline);
    sheet.blank();
    let day = w.published;
    sheet.line(&format!("{} {} {}", day.ymd().2, day.month_name(), day.year()));
    sheet.blank();
    let lead = w.lead("");
    sheet.line(&lead);
    sheet.blank();
    body(w, &lead, target, &mut [], sheet, true);
    comments(w, Thread::Numbered, sheet);
}
