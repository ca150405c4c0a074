//! Names listed together are of one kind: "Deutsche Telekom and Siemens also gained". Wire
//! copy lists companies, clubs and parties this way, and the tagger, reading one word with
//! nothing around it, makes the second a person. Where a one-word person stands next to an
//! organisation across "and" or "or", this pass makes it an organisation too, unless its word is
//! a given name, follows an honorific, or is a word of a person named in full in the document
//! ("Obama" after "Barack Obama" stays a person).
//!
//! Names the tagger left out beside an organisation ("Commerzbank and Daimler-Benz fell") are
//! not added: on web pages the word after "X and" was a product, a protocol or the rest of a
//! longer name ("Dental and Craniofacial Research") about as often as a company.
//!
//! Hand-written: it reads the spans the tagger and the rules leave, which no crate sees.

use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::Token;
use super::lexicon::{HONORIFICS, is_given_name};
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// `spans` with the one-word persons listed beside an organisation typed as organisations.
pub(super) fn apply(gazetteer: &Gazetteer, text: &str, tokens: &[Token], mut spans: Spans) -> Spans {
    spans.sort_by_key(|(r, _)| r.start);
    let word = |k: usize| tokens[k].text(text);
    let joins = |k: usize| matches!(word(k), "and" | "or");
    let same_sentence = |a: usize, b: usize| tokens[a].sentence == tokens[b].sentence;
    // The words of every person name of two words or more: a one-word person reading one of
    // them is that person, wherever it stands.
    let person_words: Vec<&str> = spans
        .iter()
        .filter(|(r, kind)| *kind == Kind::Person && r.len() > 1)
        .flat_map(|(r, _)| r.clone().map(word))
        .collect();
    // "Mr. Quorvo": the honorific's full stop may stand as a token of its own.
    let honorific_before = |k: usize| {
        let before = match k.checked_sub(1).map(word) {
            Some(".") => k.checked_sub(2),
            Some(_) => Some(k - 1),
            None => None,
        };
        before.is_some_and(|b| HONORIFICS.contains(&word(b)))
    };
    let lone_person = |range: &Range<usize>| {
        let w = word(range.start);
        range.len() == 1
            && !is_given_name(gazetteer, w)
            && !person_words.contains(&w)
            && !honorific_before(range.start)
    };
    let mut retype = Vec::new();
    for (n, (range, kind)) in spans.iter().enumerate() {
        if *kind != Kind::Organization {
            continue;
        }
        let after = range.end;
        if let Some((next, Kind::Person)) = spans.get(n + 1)
            && after + 1 < tokens.len()
            && joins(after)
            && next.start == after + 1
            && same_sentence(range.start, after + 1)
            && lone_person(next)
        {
            retype.push(n + 1);
        }
        if let Some((previous, Kind::Person)) = n.checked_sub(1).map(|p| &spans[p])
            && range.start >= 2
            && joins(range.start - 1)
            && previous.end == range.start - 1
            && same_sentence(range.start - 2, range.start)
            && lone_person(previous)
        {
            retype.push(n - 1);
        }
    }
    for n in retype {
        spans[n].1 = Kind::Organization;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    /// `apply` over every occurrence of each named span.
    fn typed(text: &str, spans: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let mut all: Spans = Vec::new();
        for (name, kind) in spans {
            for (at, _) in text.match_indices(name) {
                // Whole words only ("Vorst" inside "Ana Vorst" is the longer name's).
                let whole = !text[..at].ends_with(char::is_alphanumeric)
                    && !text[at + name.len()..].starts_with(char::is_alphanumeric);
                let inside = all.iter().any(|(r, _)| {
                    tokens[r.start].start <= at && at + name.len() <= tokens[r.end - 1].end
                });
                if whole && !inside {
                    all.push((super::super::token_range_at(&tokens, at, name.len()), *kind));
                }
            }
        }
        let spans = apply(&Models::for_tests().gazetteer, text, &tokens, all);
        super::super::surfaces(text, &tokens, spans)
    }

    #[test]
    fn a_one_word_person_listed_with_an_organisation_is_an_organisation() {
        let found = typed(
            "Shares of Zantex Holdings and Quorvo also gained on Monday.",
            &[("Zantex Holdings", Kind::Organization), ("Quorvo", Kind::Person)],
        );
        assert_eq!(found[1], ("Quorvo".to_owned(), Kind::Organization));
        let found = typed(
            "Brelvo or Tarnex Bank will win.",
            &[("Brelvo", Kind::Person), ("Tarnex Bank", Kind::Organization)],
        );
        assert_eq!(found[0], ("Brelvo".to_owned(), Kind::Organization));
    }

    #[test]
    fn people_places_and_persons_named_in_full_keep_their_kind() {
        // A person named in full elsewhere, a given name, a person after an honorific.
        let text = "Ana Vorst met Acme Corp. Acme Corp and Vorst agreed, as did Acme Corp and \
                    Maria, and Mr. Quorvo and Acme Corp.";
        let found = typed(
            text,
            &[
                ("Ana Vorst", Kind::Person),
                ("Acme Corp", Kind::Organization),
                ("Vorst", Kind::Person),
                ("Maria", Kind::Person),
                ("Quorvo", Kind::Person),
            ],
        );
        let organisations: Vec<&str> = found
            .iter()
            .filter(|(_, kind)| *kind == Kind::Organization)
            .map(|(name, _)| name.as_str())
            .collect();
        assert_eq!(organisations, ["Acme Corp"; 4], "{found:?}");
        for person in ["Vorst", "Maria", "Quorvo"] {
            assert!(found.contains(&(person.to_owned(), Kind::Person)), "{person}: {found:?}");
        }
    }
}
