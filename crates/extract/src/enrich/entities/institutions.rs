//! Names that end in an institution's head word are organisations whatever the tagger typed
//! them: "the Palestinian Authority" opens with a people's name and the tagger, reading the
//! demonym, makes it a place; "the Gates Foundation" opens with a surname and becomes a person.
//! The head word says what the name is ("Authority", "Ministry", "Commission", "Inc"). Heads
//! that end places as often ("Bank": the West Bank; "Court": Earls Court; "Board") are not
//! read this way. The gazetteer is not asked: its country names include the Palestinian
//! Authority, which governs and is no place. Hand-written: the head words are English's own,
//! which no crate lists.

use std::ops::Range;

use super::super::tokens::Token;
use super::org_cues::INSTITUTION_HEADS;
use super::types::Kind;

/// Head words that end places and buildings as often as institutions.
const PLACE_LIKE_HEADS: &[&str] = &["Bank", "Court", "Board"];

/// `spans` with every place or person of two words or more that ends in an institution's head
/// word typed as an organisation.
pub(super) fn by_head_word(
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    for (range, kind) in &mut spans {
        if *kind == Kind::Organization || range.len() < 2 {
            continue;
        }
        let last = tokens[range.end - 1].text(text);
        if INSTITUTION_HEADS.contains(&last) && !PLACE_LIKE_HEADS.contains(&last) {
            *kind = Kind::Organization;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, first: &str, words: usize, kind: Kind) -> Kind {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let start = tokens.iter().position(|t| t.text(text) == first).unwrap();
        let out = by_head_word(text, &tokens, vec![(start..start + words, kind)]);
        out[0].1
    }

    #[test]
    fn a_place_or_person_ending_in_an_institutions_head_word_is_an_organisation() {
        let text = "The Palestinian Authority met the Gates Foundation in the West Bank.";
        assert_eq!(typed(text, "Palestinian", 2, Kind::Location), Kind::Organization);
        assert_eq!(typed(text, "Gates", 2, Kind::Person), Kind::Organization);
        assert_eq!(typed(text, "West", 2, Kind::Location), Kind::Location);
    }
}
