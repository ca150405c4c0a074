//! A club named after its city is named without it too: where a story has the organisation
//! "Bayern Munich", "Inter Milan" or "Ajax Amsterdam", the word "Bayern", "Inter" or "Ajax" on
//! its own (a shouted headline's "BAYERN WIN", a later "put Bayern ahead") is that club, not the
//! region the gazetteer knows or a person. Only two-word organisations whose second word is a
//! place the gazetteer knows or the story names as a place, and whose first word is no city and
//! no word of running text, count; only the spans the tagger and the rules found are retyped.
//!
//! Hand-written: it reads the document's own spans, which no crate sees.

use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::Token;
use super::common::is_common_word;
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// `spans` with every one-word name that is the first word of a club named after its city
/// typed as that club, and the token ranges retyped.
pub(super) fn type_short_names(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Spans,
) -> (Spans, Vec<Range<usize>>) {
    let word = |k: usize| tokens[k].text(text);
    // The places the document names: the gazetteer's cities carry local names ("München"), so
    // the English one counts when the story itself names it as a place (its dateline).
    let places: Vec<String> = spans
        .iter()
        .filter(|(r, kind)| *kind == Kind::Location && r.len() == 1)
        .map(|(r, _)| word(r.start).to_lowercase())
        .collect();
    let is_city = |w: &str| {
        gazetteer.is_city(w) || gazetteer.is_place(w) || places.contains(&w.to_lowercase())
    };
    let short_names: Vec<String> = spans
        .iter()
        .filter(|(r, kind)| *kind == Kind::Organization && r.len() == 2)
        .filter(|(r, _)| {
            let (first, city) = (word(r.start), word(r.start + 1));
            is_city(city)
                && !gazetteer.is_city(first)
                && first.chars().any(char::is_lowercase)
                && !is_common_word(&first.to_lowercase())
        })
        .map(|(r, _)| word(r.start).to_lowercase())
        .collect();
    let mut retyped = Vec::new();
    if short_names.is_empty() {
        return (spans, retyped);
    }
    for (range, kind) in &mut spans {
        // Compared without case: a shouted headline writes "BAYERN".
        if range.len() == 1
            && *kind != Kind::Organization
            && short_names.contains(&word(range.start).to_lowercase())
        {
            *kind = Kind::Organization;
            retyped.push(range.clone());
        }
    }
    (spans, retyped)
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, spans: &[(&str, usize, Kind)]) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let spans = spans
            .iter()
            .map(|(name, nth, kind)| {
                let at = text.match_indices(name).nth(*nth).expect("name").0;
                (super::super::token_range_at(&tokens, at, name.len()), *kind)
            })
            .collect();
        let (spans, _) = type_short_names(&Models::for_tests().gazetteer, text, &tokens, spans);
        super::super::surfaces(text, &tokens, spans)
    }

    #[test]
    fn a_club_named_after_its_city_is_named_without_the_city_too() {
        let text = "ZANTEX WIN. Zantex Madrid beat Hamburg. Goals put Zantex ahead.";
        let found = typed(
            text,
            &[
                ("ZANTEX", 0, Kind::Location),
                ("Zantex Madrid", 0, Kind::Organization),
                ("Zantex", 1, Kind::Person),
            ],
        );
        assert!(found.iter().all(|(_, kind)| *kind == Kind::Organization), "{found:?}");
        // A city the gazetteer knows by another name counts where the story names it a place.
        let text = "MUNICH 1996-08-22\nQuorvo Munich beat Hamburg. Goals put Quorvo ahead.";
        let found = typed(
            text,
            &[
                ("MUNICH", 0, Kind::Location),
                ("Quorvo Munich", 0, Kind::Organization),
                ("Quorvo", 1, Kind::Person),
            ],
        );
        assert_eq!(found[2], ("Quorvo".to_owned(), Kind::Organization), "{found:?}");
    }

    #[test]
    fn a_city_before_a_city_or_a_name_after_no_city_makes_no_club() {
        let text = "Berlin Madrid fares rose. Berlin was calm. Zantex Quorvo beat Hamburg. \
                    Zantex was calm.";
        let found = typed(
            text,
            &[
                ("Berlin Madrid", 0, Kind::Organization),
                ("Berlin", 1, Kind::Location),
                ("Zantex Quorvo", 0, Kind::Organization),
                ("Zantex", 1, Kind::Person),
            ],
        );
        assert_eq!(found[1], ("Berlin".to_owned(), Kind::Location), "{found:?}");
        assert_eq!(found[3], ("Zantex".to_owned(), Kind::Person), "{found:?}");
    }
}
