//! Finds a news dateline at the start of the lead paragraph: "BOGOTÁ — …", "LONDON, March 3
//! (Reuters) - …", "Kyiv, Ukraine (AP) — …". Hand-written: datelines are a newsroom convention
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

/// The dateline that opens `lead`, if any.
#[must_use]
pub fn find(lead: &str) -> Option<Dateline> {
    let (pos, _) = SEPARATORS
        .iter()
        .filter_map(|sep| lead.find(sep).map(|p| (p, sep)))
        .min_by_key(|(p, _)| *p)?;
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
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        assert_eq!(find("The minister — who resigned — spoke"), None);
    }
}
