//! Places the tagger read as people: a country, capital, region or continent listed after
//! another name ("demand in Europe and Asia", "Africa and Latin America") takes the type of its
//! neighbour's pattern in the tagger's data, where "X and Y" mostly joins people. The gazetteer
//! knows these names whole; a country's name is a place unless the document uses it
//! as a person's surname ("Michael Jordan … Jordan said") or a title heads it. World regions
//! and continents are listed here because the country crates hold countries only; they are
//! kept out of [`Gazetteer::is_place`] so that the tagger's training features stay as they were
//! (its weights are rebuilt byte-for-byte). Hand-written: a short closed list no crate ships.

use std::ops::Range;

use super::super::gazetteer::{Gazetteer, Via};
use super::super::tokens::{Token, TokenKind};
use super::lexicon::{HONORIFICS, ROLE_HEADS, is_capitalized};
use super::types::Kind;

/// Continents, world regions, seas and oceans that newswire names as places.
const REGIONS: &[&str] = &[
    "Africa",
    "Asia",
    "Europe",
    "Antarctica",
    "Oceania",
    "Australasia",
    "Eurasia",
    "Americas",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Mideast",
    "Near East",
    "Far East",
    "Southeast Asia",
    "South Asia",
    "East Asia",
    "Central Asia",
    "West Asia",
    "Asia-Pacific",
    "Asia Pacific",
    "West Africa",
    "East Africa",
    "North Africa",
    "Southern Africa",
    "Central Africa",
    "Sub-Saharan Africa",
    "Horn of Africa",
    "Sahel",
    "Maghreb",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "Northern Europe",
    "Southern Europe",
    "Scandinavia",
    "Balkans",
    "Baltics",
    "Caucasus",
    "Caribbean",
    "Persian Gulf",
    "Mediterranean",
    "Siberia",
    "Patagonia",
    "Kashmir",
    "Kurdistan",
    "Gaza Strip",
    "West Bank",
    "Gaza",
    "Pacific",
    "Atlantic",
    "Arctic",
    "Indian Ocean",
    "South China Sea",
    "Black Sea",
    "Baltic Sea",
    "North Sea",
    "Red Sea",
];

/// Whether `name` is a country's name (not a capital or a province: "Victoria", "Miranda" and
/// "Lincoln" are people too).
fn is_country_name(gazetteer: &Gazetteer, name: &str) -> bool {
    matches!(gazetteer.country_of(name), Some((_, Via::Name)))
}

/// Whether `name` is a continent, world region, sea or ocean.
pub(super) fn is_region(name: &str) -> bool {
    REGIONS.contains(&name)
}

/// The tagger's `spans` with known places typed as people retyped as places, and regions the
/// tagger left out added as places.
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let surface = |r: &Range<usize>| &text[tokens[r.start].start..tokens[r.end - 1].end];
    // Surnames of the document's people named in full: those stay people.
    let surnames: Vec<&str> = spans
        .iter()
        .filter(|(r, k)| *k == Kind::Person && r.len() > 1)
        .map(|(r, _)| tokens[r.end - 1].text(text))
        .collect();
    for (range, kind) in &mut spans {
        let name = surface(range);
        let titled = range.start > 0 && {
            let before = tokens[range.start - 1].text(text);
            HONORIFICS.contains(&before) || ROLE_HEADS.contains(before)
        };
        if *kind == Kind::Person
            && (is_country_name(gazetteer, name) || is_region(name))
            && !surnames.contains(&name)
            && !titled
        {
            *kind = Kind::Location;
        }
    }
    // Regions the tagger did not tag: whole runs of capitalised words naming one.
    let mut i = 0;
    while i < tokens.len() {
        let starts_run = tokens[i].kind == TokenKind::Word
            && is_capitalized(tokens[i].text(text))
            && (i == 0 || !is_capitalized(tokens[i - 1].text(text)) || tokens[i - 1].sentence != tokens[i].sentence);
        if !starts_run {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].sentence == tokens[i].sentence
            && tokens[end].kind == TokenKind::Word
            && is_capitalized(tokens[end].text(text))
        {
            end += 1;
        }
        let run = i..end;
        let tagged_word = i > 0 && matches!(tokens[i - 1].text(text), "#" | "@");
        if !tagged_word && is_region(surface(&run)) && !spans.iter().any(|(r, _)| r.start < run.end && run.start < r.end) {
            spans.push((run.clone(), Kind::Location));
        }
        i = end;
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, spans: &[(&str, usize, Kind)]) -> Vec<(String, Kind)> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let spans = spans.iter().map(|(w, n, k)| (at(w)..at(w) + n, *k)).collect();
        apply(&Models::for_tests().gazetteer, text, &tokens, spans)
            .into_iter()
            .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
            .collect()
    }

    #[test]
    fn a_region_or_country_the_tagger_read_as_a_person_is_a_place() {
        let found = typed(
            "Demand in Europe and Asia rose, as did sales in Chile and Latin America.",
            &[("Asia", 1, Kind::Person), ("Chile", 1, Kind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Europe".to_owned(), Kind::Location),
                ("Asia".to_owned(), Kind::Location),
                ("Chile".to_owned(), Kind::Location),
                ("Latin America".to_owned(), Kind::Location),
            ]
        );
    }

    #[test]
    fn a_place_name_that_is_a_persons_surname_in_the_story_stays_a_person() {
        let found = typed(
            "Jordan said he was tired after Michael Jordan scored 30.",
            &[("Michael", 2, Kind::Person), ("Jordan", 1, Kind::Person)],
        );
        assert!(found.iter().all(|(_, k)| *k == Kind::Person), "{found:?}");
    }
}
