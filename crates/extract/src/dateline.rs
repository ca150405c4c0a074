//! Finds a news dateline at the start of the lead paragraph: "BOGOTÁ — …", "LONDON, March 3
//! (Reuters) - …", "Kyiv, Ukraine (AP) — …", or a wire story's own dateline line "LONDON
//! 2026-11-28" after its shouted headline. Hand-written: datelines are a newsroom convention
//! with no crate that parses them.

use serde::{Deserialize, Serialize};

/// Where (and by whom, and when) the story was filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Dateline {
    pub place: String,
    pub agency: Option<String>,
    pub date: Option<String>,
}

/// Separators between a dateline and the story, longest first.
const SEPARATORS: [&str; 5] = [" — ", " – ", " -- ", " - ", "—"];

/// The longest prefix that can be a dateline, in characters.
const MAX_PREFIX_CHARS: usize = 80;

/// Month names and their abbreviations, lower-cased (also what entity names never end in before
/// a number: `enrich::entities::tidy`).
pub(crate) const MONTHS: [&str; 24] = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The dateline of a story whose blocks from the lead paragraph on are `paragraphs`: in the
/// lead, in the block after a shouted headline ("SOCCER - LEAGUE RESULTS." then "LONDON
/// 2026-11-28 - …"), or on a line of its own after up to two short lines (a headline, a byline).
#[must_use]
pub fn find_in<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Option<Dateline> {
    let mut before: Option<&str> = None;
    for p in paragraphs.take(MAX_LINES_BEFORE_DATELINE + 1) {
        let found = match before {
            None => find(p),
            // The lead after a shouted headline ("SOCCER - LEAGUE RESULTS." then "LONDON
            // 2026-11-28 - …").
            Some(headline) if is_headline_shouted(headline) => find(p),
            // A wire story's own dateline line after short lines of its own: a headline, a
            // byline ("Ana Ruiz" then "LONDON 2026-11-28").
            Some(_) => dateline_line(p),
        };
        if found.is_some() {
            return found;
        }
        if !is_short_line(p) {
            return None;
        }
        before = Some(p);
    }
    None
}

/// How many short lines (a headline, a byline) may stand before a dateline line of its own.
const MAX_LINES_BEFORE_DATELINE: usize = 2;

/// The most words a headline or byline line before a dateline line has.
const MAX_SHORT_LINE_WORDS: usize = 20;

fn is_short_line(p: &str) -> bool {
    p.split_whitespace().count() <= MAX_SHORT_LINE_WORDS && !p.contains('\n')
}

/// The dateline of a line that holds nothing else ("LONDON 2026-11-28", "AL-RAYYAN, Qatar
/// Nov 30"): a place and a date, no story.
#[must_use]
pub fn dateline_line(line: &str) -> Option<Dateline> {
    place_and_date(line).filter(|(_, rest)| *rest == 0).map(|(d, _)| d)
}

/// Letters, none of them lower case.
fn is_shouted(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// Lower-case words a shouted wire headline keeps as written ("ENGLAND v PAKISTAN SCORES").
pub(crate) const HEADLINE_CONNECTORS: [&str; 6] = ["v", "v.", "vs", "vs.", "and", "of"];

/// A shouted headline: some word of two letters or more in capitals, and every word with a
/// lower-case letter one of the connectors wire headlines keep in lower case.
fn is_headline_shouted(s: &str) -> bool {
    let mut capitals = false;
    for word in s.split_whitespace() {
        if word.chars().any(char::is_lowercase) {
            if !HEADLINE_CONNECTORS.contains(&word) {
                return false;
            }
        } else if word.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            capitals = true;
        }
    }
    capitals
}

/// The dateline that opens `lead`, if any.
#[must_use]
pub fn find(lead: &str) -> Option<Dateline> {
    let Some((pos, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| lead.find(sep).map(|p| (p, sep)))
        .min_by_key(|(p, _)| *p)
    else {
        return place_and_date(lead).map(|(dateline, _)| dateline);
    };
    // A shouted line on both sides of the dash is a headline ("SOCCER - LEAGUE RESULTS",
    // "CRICKET - ENGLAND v PAKISTAN SCORES").
    if is_headline_shouted(&lead[pos + sep.len()..]) {
        return None;
    }
    let prefix = lead[..pos].trim();
    if prefix.is_empty()
        || prefix.chars().count() > MAX_PREFIX_CHARS
        || prefix.split_whitespace().count() > 8
    {
        return None;
    }
    let (rest, agency) = match (prefix.rfind('('), prefix.ends_with(')')) {
        (Some(open), true) => (
            prefix[..open].trim(),
            Some(prefix[open + 1..prefix.len() - 1].trim().to_owned()).filter(|a| !a.is_empty()),
        ),
        _ => (prefix, None),
    };
    let mut parts = rest.split(',').map(str::trim).filter(|p| !p.is_empty());
    let place_head = parts.next()?;
    let first_word = place_head.split_whitespace().next()?;
    let shouted = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    let capitalised = first_word.chars().next().is_some_and(char::is_uppercase);
    if !capitalised
        || !(shouted || agency.is_some())
        || place_head.contains(['.', '!', '?', '"', '“']) && !shouted
    {
        return None;
    }
    let mut place = place_head.to_owned();
    let mut date = None;
    for part in parts {
        if looks_like_date(part) {
            date = Some(part.to_owned());
        } else if date.is_none() {
            place.push_str(", ");
            place.push_str(part);
        }
    }
    Some(Dateline {
        place,
        agency,
        date,
    })
}

/// "LONDON 2026-11-28" or "NEW YORK, Nov 30": a shouted place of up to four words, then a date
/// (an ISO date, or a month and a day), opening the paragraph.
fn place_and_date(lead: &str) -> Option<(Dateline, usize)> {
    // Tokenised text puts a space before the comma ("AL-AIN , United Arab Emirates").
    let lead = lead.replace(" ,", ",");
    let words: Vec<&str> = lead.split_whitespace().collect();
    let places = words
        .iter()
        .take(4)
        .take_while(|w| {
            let w = w.trim_end_matches(',');
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && is_shouted(w)
        })
        .count();
    if places == 0 {
        return None;
    }
    // A region or country after the shouted place and a comma ("PORTSMOUTH, England
    // 2026-06-12", "ORLANDO, Fla. 2026-06-12", "AL-AIN, United Arab Emirates 1996-12-06"): up
    // to three capitalised words that are no month.
    let region = if words[places - 1].ends_with(',') {
        words[places..]
            .iter()
            .take(3)
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().any(|c| c.is_ascii_digit())
                    && !MONTHS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str())
            })
            .count()
    } else {
        0
    };
    let rest = &words[places + region..];
    let iso = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.len() == 10
            && w.char_indices()
                .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
    };
    let month_day = |month: &str, day: &str| {
        MONTHS.contains(&month.trim_end_matches('.').to_lowercase().as_str())
            && day.trim_end_matches([',', '.']).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let (date, date_words) = match rest {
        [first, ..] if iso(first) => (first.trim_end_matches([',', '.']).to_owned(), 1),
        [month, day, ..] if month_day(month, day) => {
            (format!("{} {}", month, day.trim_end_matches([',', '.'])), 2)
        }
        _ => return None,
    };
    let dateline = Dateline {
        place: words[..places + region]
            .join(" ")
            .trim_end_matches(',')
            .to_owned(),
        agency: None,
        date: Some(date),
    };
    Some((dateline, rest.len() - date_words))
}

fn looks_like_date(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|w| {
        MONTHS.contains(&w.to_lowercase().as_str())
            || (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(place: &str, agency: Option<&str>, date: Option<&str>) -> Option<Dateline> {
        Some(Dateline {
            place: place.into(),
            agency: agency.map(Into::into),
            date: date.map(Into::into),
        })
    }

    #[test]
    fn a_capitalised_city_before_an_em_dash_is_a_dateline() {
        assert_eq!(
            find("BOGOTÁ — Colombian President Gustavo Petro said"),
            dl("BOGOTÁ", None, None)
        );
    }

    #[test]
    fn a_wire_dateline_gives_place_date_and_agency() {
        assert_eq!(
            find("LONDON, March 3 (Reuters) - British inflation fell"),
            dl("LONDON", Some("Reuters"), Some("March 3"))
        );
    }

    #[test]
    fn a_mixed_case_place_needs_an_agency() {
        assert_eq!(
            find("Kyiv, Ukraine (AP) — Drones struck"),
            dl("Kyiv, Ukraine", Some("AP"), None)
        );
        assert_eq!(
            find("Officials said on Monday - without evidence - that"),
            None
        );
    }

    #[test]
    fn a_wire_dateline_line_after_a_shouted_headline_is_found() {
        let paragraphs = ["TENNIS - VELDORIAN STAR WINS OPENER.", "MARVENTO 2026-10-22", "Text."];
        assert_eq!(
            find_in(paragraphs.into_iter()),
            dl("MARVENTO", None, Some("2026-10-22"))
        );
        assert_eq!(
            find("NEW MARVENTO, Nov 30 Shares rose"),
            dl("NEW MARVENTO", None, Some("Nov 30"))
        );
        assert_eq!(
            find("PORTSMOUTH, England 2026-06-12"),
            dl("PORTSMOUTH, England", None, Some("2026-06-12"))
        );
        assert_eq!(
            find("MARVENTO, Fla. 2026-06-12"),
            dl("MARVENTO, Fla.", None, Some("2026-06-12"))
        );
        assert_eq!(find("MARVENTO, Shares Fell Sharply"), None);
        assert_eq!(find("NASA said on Monday that"), None);
        assert_eq!(find("MARVENTO 12 points clear"), None);
    }

    #[test]
    fn a_dateline_line_after_a_headline_and_a_byline_is_found() {
        let lines = ["SOCCER - LATE GOAL SINKS LEADERS .", "Ana Ruiz", "MARVENTO , Veldoria 2026-10-22", "Text."];
        assert_eq!(
            find_in(lines.into_iter()),
            dl("MARVENTO, Veldoria", None, Some("2026-10-22"))
        );
        let lines = ["Leaders held at home", "Ana Ruiz", "NEW MARVENTO, North Veldoria Isles Nov 30", "Text."];
        assert_eq!(
            find_in(lines.into_iter()),
            dl("NEW MARVENTO, North Veldoria Isles", None, Some("Nov 30"))
        );
    }

    #[test]
    fn a_dateline_after_prose_or_with_a_story_after_a_byline_is_not_taken() {
        let prose = "The council met on Sunday and voted, after a long and angry debate, to close \
                     the old harbour road to lorries for a year.";
        assert_eq!(find_in([prose, "MARVENTO 2026-10-22"].into_iter()), None);
        assert_eq!(
            find_in(["Ana Ruiz", "MARVENTO 2026-10-22 The council met."].into_iter()),
            None
        );
        assert_eq!(dateline_line("MARVENTO 2026-10-22 The council met."), None);
    }

    #[test]
    fn a_shouted_headline_with_a_dash_is_not_a_dateline() {
        assert_eq!(find("SOCCER - LEAGUE RESULTS AND STANDINGS."), None);
        assert_eq!(find("CRICKET - VELDORIA v MARVENTO SCORES."), None);
        assert_eq!(
            find_in(["CRICKET - VELDORIA v MARVENTO SCORES.", "MARVENTO 2026-08-22"].into_iter()),
            dl("MARVENTO", None, Some("2026-08-22"))
        );
        assert_eq!(
            find_in(["SOCCER - LEAGUE RESULTS.", "The league played."].into_iter()),
            None
        );
    }

    #[test]
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        assert_eq!(find("The minister — who resigned — spoke"), None);
    }
}
