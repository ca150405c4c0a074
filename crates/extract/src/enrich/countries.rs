//! Countries an article mentions: by name ("Colombia", "U.S."), demonym ("Colombian"), flag emoji
//! (🇨🇴), capital ("Bogotá") and dateline place, counted per country.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::gazetteer;
use super::words::title_case;

/// One country and how the article mentions it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CountryMention {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
    pub mentions: usize,
    /// How the article names it, each way once.
    pub via: Vec<CountryVia>,
}

/// A way an article names a country. Declared in alphabetical order, the order `via` lists them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum CountryVia {
    /// Its capital ("Bogotá").
    Capital,
    /// The dateline's place.
    Dateline,
    /// A demonym ("Colombian").
    Demonym,
    /// A flag emoji (🇨🇴).
    Flag,
    /// Its name ("Colombia", "U.S.").
    Name,
}

impl CountryVia {
    /// The name the record uses.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Capital => "capital",
            Self::Dateline => "dateline",
            Self::Demonym => "demonym",
            Self::Flag => "flag",
            Self::Name => "name",
        }
    }
}

impl std::fmt::Display for CountryVia {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Compares with the name the record uses (`via == "flag"`).
impl PartialEq<&str> for CountryVia {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl From<gazetteer::Via> for CountryVia {
    fn from(via: gazetteer::Via) -> Self {
        match via {
            gazetteer::Via::Name => Self::Name,
            gazetteer::Via::Demonym => Self::Demonym,
            gazetteer::Via::Capital => Self::Capital,
        }
    }
}

/// Flag emoji (pairs of regional indicators) → alpha-2 codes, in order.
#[must_use]
pub fn flags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending: Option<char> = None;
    for c in text.chars() {
        let letter = (0x1F1E6..=0x1F1FF)
            .contains(&(c as u32))
            .then(|| char::from(b'A' + u8::try_from(c as u32 - 0x1F1E6).unwrap_or(0)));
        match (pending, letter) {
            (Some(first), Some(second)) => {
                out.push(format!("{first}{second}"));
                pending = None;
            }
            (None, Some(first)) => pending = Some(first),
            _ => pending = None,
        }
    }
    out
}

fn word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric)
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Counts the countries in `text`, plus flags in `decorated` (e.g. the raw title line) and the
/// dateline place.
#[must_use]
pub fn find(
    gazetteer: &gazetteer::Gazetteer,
    text: &str,
    decorated: Option<&str>,
    dateline_place: Option<&str>,
) -> Vec<CountryMention> {
    let mut counts: BTreeMap<String, (usize, BTreeSet<CountryVia>)> = BTreeMap::new();
    let mut add = |code: &str, via: CountryVia| {
        let entry = counts.entry(code.to_owned()).or_default();
        entry.0 += 1;
        entry.1.insert(via);
    };
    for code in flags(text)
        .into_iter()
        .chain(decorated.map(flags).unwrap_or_default())
    {
        add(&code, CountryVia::Flag);
    }
    for m in gazetteer.matcher.find_iter(text) {
        if !word_boundary(text, m.start(), m.end()) {
            continue;
        }
        let form = &gazetteer.patterns[m.pattern().as_usize()];
        // "US" in capitals only: a bare "us" is a pronoun.
        if form == "US" && text[m.start()..m.end()] != *"US" {
            continue;
        }
        if let Some((code, via)) = gazetteer.country_of(form) {
            add(code, via.into());
        }
    }
    if let Some(place) = dateline_place {
        let titled = title_case(place.split(',').next().unwrap_or(place).trim());
        if let Some((code, _)) = gazetteer
            .country_of(&titled)
            .or_else(|| gazetteer.country_of(place))
        {
            add(code, CountryVia::Dateline);
        }
    }
    let mut out: Vec<CountryMention> = counts
        .into_iter()
        .map(|(code, (mentions, via))| CountryMention {
            name: gazetteer
                .names
                .get(&code)
                .cloned()
                .unwrap_or_else(|| code.clone()),
            code,
            mentions,
            via: via.into_iter().collect(),
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.code.cmp(&b.code)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::models::Models;

    #[test]
    fn flag_emoji_become_codes() {
        assert_eq!(flags("🇨🇴🇺🇸 Title"), ["CO", "US"]);
    }

    #[test]
    fn names_demonyms_capitals_flags_and_datelines_all_count() {
        let found = find(
            &Models::for_tests().gazetteer,
            "Colombian President Gustavo Petro met U.S. officials in Washington about Venezuela. Colombia said so.",
            Some("🇨🇴 Title"),
            Some("BOGOTÁ"),
        );
        let co = found.iter().find(|c| c.code == "CO").unwrap();
        assert_eq!(co.via, ["dateline", "demonym", "flag", "name"]);
        assert_eq!(co.mentions, 4);
        let us = found.iter().find(|c| c.code == "US").unwrap();
        assert_eq!(us.via, ["capital", "name"]);
        assert!(found.iter().any(|c| c.code == "VE"));
    }

    #[test]
    fn a_lowercase_us_is_a_pronoun() {
        assert!(find(&Models::for_tests().gazetteer, "Tell us more.", None, None).is_empty());
    }
}
