//! Typing a name: the evidence and guesses that make a chunk a person, an organisation or a
//! place, the cues around a single unknown name, and the document-wide vote over them.

use std::ops::Range;

use super::super::words;
use super::super::gazetteer::Gazetteer;
use super::super::tokens::Token;
use super::lexicon::{
    CONNECTORS, ORG_SUFFIXES, ORG_WORDS, PLACE_LEADS, PLACE_PREPOSITIONS, PLACE_WORDS, SPEECH_VERBS,
    is_acronym,
};
use super::types::{DatelineNames, Kind};

/// Cues seen for a single unknown name across the document.
#[derive(Debug, Default)]
pub(super) struct Votes {
    pub(super) occurrences: usize,
    /// The name is a known given name ("Gloria").
    pub(super) given_name: bool,
    pub(super) person: usize,
    pub(super) location: usize,
    pub(super) organization: usize,
}

impl Votes {
    /// A known given name is a person; otherwise a person when any occurrence speaks; a place
    /// when most follow a place preposition; an organisation when it is an acronym or recurs
    /// (products and firms recur bare: "Microsoft").
    pub(super) fn decide(&self) -> Option<Kind> {
        // A known given name used alone is a person unless most uses follow a place preposition.
        if self.given_name && self.location * 2 <= self.occurrences {
            return Some(Kind::Person);
        }
        // News introduces people by full name; a bare name repeated three times or more without
        // one is a firm, a product or a body ("Microsoft said …").
        if self.person > 0 && self.occurrences < 3 {
            Some(Kind::Person)
        } else if self.location * 2 > self.occurrences {
            Some(Kind::Location)
        } else if self.organization > 0 || self.occurrences >= 2 {
            Some(Kind::Organization)
        } else {
            None
        }
    }

    /// Whether the decision rests on document evidence the tagger cannot see: a given name, a
    /// bare name used three times or more without a full name (news names people in full), or
    /// a name that mostly follows place prepositions across the document.
    pub(super) fn is_evidence(&self) -> bool {
        self.given_name
            || (self.occurrences >= 3 && self.location * 2 <= self.occurrences)
            || (self.occurrences >= 2 && self.location * 2 > self.occurrences)
    }
}

/// The type of a chunk from its words and context, and whether it rests on evidence (true) or
/// is a guess the tagger may overrule; `None` when only a cue can tell.
pub(super) fn classify(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    range: &Range<usize>,
    surface: &str,
    words: &[&str],
    dateline: DatelineNames<'_>,
) -> Option<(Kind, bool)> {
    // Evidence: the place gazetteer, the dateline's names, organisation and place words.
    if gazetteer.is_place(surface) || gazetteer.is_city(surface) {
        return Some((Kind::Location, true));
    }
    if let Some(place) = dateline.place
        && (place == surface || words::title_case(place) == surface)
    {
        return Some((Kind::Location, true));
    }
    if dateline.agency == Some(surface) {
        return Some((Kind::Organization, true));
    }
    let last = *words.last()?;
    if words.iter().any(|w| ORG_WORDS.contains(w)) || (words.len() > 1 && ORG_SUFFIXES.contains(&last))
    {
        return Some((Kind::Organization, true));
    }
    // Guesses from here on.
    if words.len() == 1 && is_acronym(last) && !surface.contains('.') {
        return Some((Kind::Organization, false));
    }
    if words.len() > 1 && PLACE_WORDS.contains(last) {
        return Some((Kind::Location, true));
    }
    // "Mount Kenya", "Lake Geneva": a place word leads the name.
    if words.len() > 1 && PLACE_LEADS.contains(&words[0]) {
        return Some((Kind::Location, false));
    }
    // "Paris, France": followed by a comma and a known place.
    let next = tokens.get(range.end).map(|t| t.text(text));
    let after = tokens.get(range.end + 1).map(|t| t.text(text));
    if next == Some(",") && after.is_some_and(|a| gazetteer.is_place(a)) && words.len() <= 2 {
        return Some((Kind::Location, false));
    }
    if words.len() > 1 {
        if words.iter().any(|w| CONNECTORS.contains(w)) {
            return Some((Kind::Organization, false));
        }
        // "LA Weekly", "Windows XP": an acronym or a digit is not part of a person's name.
        if words
            .iter()
            .any(|w| is_acronym(w) || w.chars().any(|c| c.is_ascii_digit()))
        {
            return Some((Kind::Organization, false));
        }
        if words.first().is_some_and(|w| gazetteer.is_demonym(w)) {
            return Some((Kind::Organization, false));
        }
        return Some((Kind::Person, false));
    }
    None
}

/// A single unknown name: a person next to a speech verb, a place after a place preposition.
pub(super) fn single_name_cue(text: &str, tokens: &[Token], range: &Range<usize>) -> Option<Kind> {
    let before = range
        .start
        .checked_sub(1)
        .map(|i| tokens[i].text(text).to_lowercase());
    let after = tokens.get(range.end).map(|t| t.text(text).to_lowercase());
    if after.as_deref().is_some_and(|a| SPEECH_VERBS.contains(a))
        || before.as_deref().is_some_and(|b| SPEECH_VERBS.contains(b))
    {
        return Some(Kind::Person);
    }
    if before
        .as_deref()
        .is_some_and(|b| PLACE_PREPOSITIONS.contains(&b))
    {
        return Some(Kind::Location);
    }
    let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
    if is_acronym(surface) {
        return Some(Kind::Organization);
    }
    None
}
