//! People whose surname has a lower-case particle: "Louis van Gaal", "Ursula von der Leyen",
//! "Mohammed bin Salman". The tagger, trained mostly on English names, stops at the particle or
//! leaves the name out, and "Gaal said" alone then reads as an organisation's statement. A given
//! name, one or two particles and one or two capitalised words are a person's name, unless the
//! whole is a place the gazetteer knows ("Marina del Rey"). The span replaces the spans inside
//! or across it; a person span the tagger found around it ("Francisco José de Goya y
//! Lucientes") stands instead.
//!
//! Hand-written: the given names come from our gazetteer and the particles are a short list.

use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::{Token, TokenKind};
use super::lexicon::{FUNCTION_WORDS, NAME_PARTICLES, is_capitalized, is_given_name};
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// `spans` with every name of a given name, particles and a surname typed as a person, and
/// the token ranges of those persons (their type stands when names are grouped into entities).
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Spans,
) -> (Spans, Vec<Range<usize>>) {
    let word = |k: usize| tokens[k].text(text);
    let surname_word = |k: usize| {
        k < tokens.len()
            && tokens[k].kind == TokenKind::Word
            && is_capitalized(word(k))
            && word(k).chars().count() > 1
            && !FUNCTION_WORDS.contains(word(k))
    };
    let mut names: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i + 2 < tokens.len() {
        let same = |k: usize| k < tokens.len() && tokens[k].sentence == tokens[i].sentence;
        // The particle first: one short list, where the given name is three lookups.
        if !NAME_PARTICLES.contains(&word(i + 1)) || !is_given_name(gazetteer, word(i)) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < i + 3 && same(k) && NAME_PARTICLES.contains(&word(k)) {
            k += 1;
        }
        if k == i + 1 || !same(k) || !surname_word(k) {
            i += 1;
            continue;
        }
        let mut end = k + 1;
        if same(end) && surname_word(end) && end < k + 2 {
            end += 1;
        }
        let whole = &text[tokens[i].start..tokens[end - 1].end];
        if !gazetteer.is_place(whole) && !gazetteer.is_city(whole) {
            names.push(i..end);
        }
        i = end;
    }
    // A person the tagger found around the name already ("Francisco José de Goya y Lucientes")
    // stands, as the person.
    let mut people = Vec::new();
    names.retain(|n| {
        let around = spans
            .iter()
            .find(|(r, kind)| *kind == Kind::Person && r.start <= n.start && n.end <= r.end);
        if let Some((r, _)) = around {
            people.push(r.clone());
        }
        around.is_none()
    });
    let overlaps = |r: &Range<usize>| names.iter().any(|n| r.start < n.end && n.start < r.end);
    let mut out: Spans = spans.into_iter().filter(|(r, _)| !overlaps(r)).collect();
    out.extend(names.iter().map(|r| (r.clone(), Kind::Person)));
    out.sort_by_key(|(r, _)| r.start);
    people.extend(names);
    (out, people)
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, spans: Spans) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let (spans, _) = apply(&Models::for_tests().gazetteer, text, &tokens, spans);
        super::super::surfaces(text, &tokens, spans)
    }

    #[test]
    fn a_given_name_particles_and_a_surname_are_a_person() {
        let text = "Club coach Tomas van Orvelt said so, as did Anna von der Brelt.";
        // The tagger found only "Orvelt", as an organisation.
        let found = typed(text, vec![(4..5, Kind::Organization)]);
        assert_eq!(
            found,
            [
                ("Tomas van Orvelt".to_owned(), Kind::Person),
                ("Anna von der Brelt".to_owned(), Kind::Person)
            ]
        );
    }

    #[test]
    fn a_longer_person_around_the_name_stands() {
        let text = "Works by Francisco José de Orvelt y Lucentes hang here.";
        let found = typed(text, vec![(2..8, Kind::Person)]);
        assert_eq!(found, [("Francisco José de Orvelt y Lucentes".to_owned(), Kind::Person)]);
    }

    #[test]
    fn a_particle_without_a_given_name_before_it_or_a_name_after_it_makes_no_person() {
        let text = "The Bank of Zantex and Quorvo van Orvelt met. Tomas de la said.";
        assert!(typed(text, Vec::new()).is_empty());
    }
}
