//! Names written with initials: wire copy names players, officials and authors by their
//! initials and surname ("Somerset 83 (P. Quarrel 4-38)", "Zantex: A. Vorlo, M. Brantic", "the
//! bowler D. Okarro"), a shape the tagger's training text seldom holds, so it reads the surname
//! alone, a place, or nothing. One or more one-letter initials, each with its period and a
//! space, right before a capitalised word that is no common word or place, in one sentence and
//! on one line, are a person: a name the tagger left out is added, its span over the surname
//! alone (a person or a place: "A. Dale") grows to take the initials, and a person it ended
//! just before them takes them as middle initials with the surname ("Dana K. Okarro"). An
//! organisation the tagger found there stays one ("J. Zantex Holdings" names a company), and
//! so does a span that already holds the initials ("George W. Bush"); after another
//! name-like word the tagger did not call a person, and for initials that spell a country
//! ("U. S. Open"), nothing is guessed. Hand-written: a newsroom convention no crate reads.

use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::{Token, TokenKind};
use super::common::is_common_word;
use super::lexicon::{FUNCTION_WORDS, is_capitalized};
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// The tagger's `spans` with the names written with initials typed as persons.
pub(super) fn type_initialled(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Spans,
) -> Spans {
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        let Some(surname) = initials_end(text, tokens, i) else {
            i += 1;
            continue;
        };
        let opens_run = i < 2 || initials_end(text, tokens, i - 2).is_none();
        if opens_run
            && is_surname(gazetteer, text, tokens, i, surname)
            && !spells_a_country(gazetteer, text, tokens, i, surname)
        {
            let name = i..surname + 1;
            let overlapping: Vec<usize> = (0..spans.len())
                .filter(|&s| spans[s].0.start < name.end && name.start < spans[s].0.end)
                .collect();
            let surname_span = match overlapping.as_slice() {
                [] => Some(None),
                [s] if spans[*s].0.start == surname && spans[*s].1 != Kind::Organization => {
                    Some(Some(*s))
                }
                _ => None,
            };
            let before = spans.iter().position(|(r, k)| r.end == i && *k == Kind::Person);
            let after_a_word = i > 0
                && tokens[i - 1].kind == TokenKind::Word
                && tokens[i - 1].sentence == tokens[i].sentence
                && is_capitalized(tokens[i - 1].text(text))
                && !FUNCTION_WORDS.contains(tokens[i - 1].text(text))
                && !is_common_word(&tokens[i - 1].text(text).to_lowercase());
            if let Some(surname_span) = surname_span {
                let end = surname_span.map_or(name.end, |s| spans[s].0.end);
                match before {
                    Some(b) => spans[b].0.end = end,
                    None if after_a_word => {}
                    None => spans.push((i..end, Kind::Person)),
                }
                if let Some(s) = surname_span.filter(|_| before.is_some() || !after_a_word) {
                    spans.remove(s);
                }
                changed |= before.is_some() || !after_a_word;
            }
        }
        i = surname;
    }
    if changed {
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// When token `i` opens a run of initials ("P." or "J. R. R."), the index of the token after
/// the run.
fn initials_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut k = i;
    while is_initial(text, tokens, k) {
        k += 2;
    }
    (k > i && k < tokens.len()).then_some(k)
}

/// Whether token `k` is a one-letter initial: a capital letter with its period right after
/// it ("I." is the pronoun far more often).
fn is_initial(text: &str, tokens: &[Token], k: usize) -> bool {
    let (Some(letter), Some(period)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    let word = letter.text(text);
    letter.kind == TokenKind::Word
        && word.len() == 1
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && word != "I"
        && period.start == letter.end
        && period.text(text) == "."
}

/// Whether token `k`, after the initials opening at `first`, is a surname: a capitalised word
/// after a space that is no common or function word and no place ("N. Georgia" is a region),
/// in the initials' sentence and on their line.
fn is_surname(gazetteer: &Gazetteer, text: &str, tokens: &[Token], first: usize, k: usize) -> bool {
    let token = &tokens[k];
    let word = token.text(text);
    token.kind == TokenKind::Word
        && token.sentence == tokens[first].sentence
        && token.start > tokens[k - 1].end
        && !text[tokens[first].start..token.start].contains('\n')
        && is_capitalized(word)
        && word.chars().count() > 1
        && !FUNCTION_WORDS.contains(word)
        && !is_common_word(&word.to_lowercase())
        && !gazetteer.is_place(word)
        && !gazetteer.is_city(word)
        && gazetteer.country_of(word).is_none()
}

/// Whether the initials from `first` to `end` spell a country's short name ("U. S.", "U. K.").
fn spells_a_country(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
) -> bool {
    let letters: String = (first..end)
        .step_by(2)
        .map(|k| format!("{}.", tokens[k].text(text)))
        .collect();
    end - first > 2 && gazetteer.country_of(&letters).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, tagged: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let range_of = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = tagged.iter().map(|(n, k)| (range_of(n), *k)).collect();
        let gazetteer = &Models::for_tests().gazetteer;
        type_initialled(gazetteer, text, &tokens, spans)
            .into_iter()
            .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
            .collect()
    }

    fn person(name: &str) -> (String, Kind) {
        (name.to_owned(), Kind::Person)
    }

    #[test]
    fn an_initial_and_a_surname_the_tagger_left_out_are_a_person() {
        assert_eq!(
            typed("The bowler P. Quarrel took four wickets.", &[]),
            [person("P. Quarrel")]
        );
        assert_eq!(
            typed("Zantex 83 (D. Okarro 4-43), Quorvo 296.", &[]),
            [person("D. Okarro")]
        );
    }

    #[test]
    fn every_name_of_a_line_up_written_with_initials_is_a_person() {
        assert_eq!(
            typed("Zantex: A. Vorlo, M. Brantic, J. R. Quellin.", &[]),
            [person("A. Vorlo"), person("M. Brantic"), person("J. R. Quellin")]
        );
    }

    #[test]
    fn the_taggers_surname_grows_to_take_its_initials_and_a_place_there_is_the_person() {
        assert_eq!(
            typed("Later A. Dale scored 69.", &[("Dale", Kind::Location)]),
            [person("A. Dale")]
        );
        assert_eq!(
            typed("Later S. Okarro bowled.", &[("Okarro", Kind::Person)]),
            [person("S. Okarro")]
        );
    }

    #[test]
    fn an_organisation_or_a_name_that_holds_the_initials_stays_as_the_tagger_read_it() {
        let company = [("Zantex Holdings", Kind::Organization)];
        assert_eq!(
            typed("Shares of J. Zantex Holdings rose.", &company),
            [("Zantex Holdings".to_owned(), Kind::Organization)]
        );
        let president = [("George W. Vorlo", Kind::Person)];
        assert_eq!(
            typed("Then George W. Vorlo spoke.", &president),
            [person("George W. Vorlo")]
        );
    }

    #[test]
    fn a_capital_letter_before_a_common_word_or_another_line_names_nobody() {
        assert!(typed("He took vitamin D. Researchers disagree.", &[]).is_empty());
        assert!(typed("Group B. The draw was made.", &[]).is_empty());
        assert!(typed("Appendix C.\nQuorvo tables follow.", &[]).is_empty());
        assert!(typed("It was me and I. Quorvo left.", &[]).is_empty());
        assert!(typed("She won the U. S. Quorvo title.", &[]).is_empty());
        assert!(typed("Storms hit N. Georgia overnight.", &[]).is_empty());
        assert!(typed("He holds an M.Sc from Quorvo.", &[]).is_empty());
    }

    #[test]
    fn a_middle_initial_joins_the_person_before_it_and_the_surname_after_it() {
        assert_eq!(
            typed("Judge Dana K. Okarro ruled.", &[("Dana", Kind::Person)]),
            [person("Dana K. Okarro")]
        );
        assert_eq!(
            typed("Judge Dana K. Okarro ruled.", &[("Dana", Kind::Person), ("Okarro", Kind::Person)]),
            [person("Dana K. Okarro")]
        );
        assert!(typed("The Quorvo K. Zantex deal.", &[]).is_empty());
    }
}
