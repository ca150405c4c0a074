//! Short forms defined in brackets: newswire names an organisation in full once with its
//! initials after it ("the Kenya African National Union (KANU)", "the Forum for Democratic
//! Change (FDC)") and then uses the initials alone ("KANU candidate Joseph Kiptoo"). The
//! tagger, which reads one sentence at a time, rarely types a bare unknown acronym, so the
//! short form is typed as its full name is, everywhere in the story, and its mentions join the
//! full name's entity (the record lists the short form as an alias). Only a short form whose
//! first letter opens a word of the full name counts, so a bracketed ticker, country or
//! party affiliation ("(NYSE)", "(R-Ohio)") of another shape is left alone. Hand-written: the
//! convention is the wire's own, and no crate reads it.

use std::collections::HashMap;
use std::ops::Range;

use super::super::tokens::{Token, TokenKind};
use super::rules::Builder;
use super::types::{Kind, MentionRef};

/// Whether `word` is written as initials: 2 to 8 characters, capitals (and digits or an inner
/// hyphen or ampersand), at least two capitals.
fn is_short_form(word: &str) -> bool {
    let count = word.chars().count();
    (2..=8).contains(&count)
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '&')
        && !word.starts_with('-')
        && !word.ends_with('-')
}

/// The short forms defined in `text`: the token range of each full name (a span of `spans`,
/// not a person) and the short form's text, where "(" short-form ")" follows the full name.
fn definitions<'t>(
    text: &'t str,
    tokens: &[Token],
    spans: &[(Range<usize>, Kind)],
) -> Vec<(Range<usize>, Kind, &'t str)> {
    let word = |i: usize| tokens[i].text(text);
    let mut found = Vec::new();
    for (range, kind) in spans {
        let at = range.end;
        if *kind == Kind::Person || at + 2 >= tokens.len() || range.len() < 2 {
            continue;
        }
        if word(at) != "(" || word(at + 2) != ")" || tokens[at + 1].kind != TokenKind::Word {
            continue;
        }
        let short = word(at + 1);
        let first = short.chars().next().unwrap_or(' ');
        let opens_a_word = range.clone().any(|k| word(k).starts_with(first));
        if is_short_form(short) && opens_a_word {
            found.push((range.clone(), *kind, short));
        }
    }
    found
}

/// The tagger's `spans` with every use of a short form defined in brackets typed as its full
/// name is (added where the tagger left it out, retyped where it typed it otherwise; a short
/// form inside a longer name is left to that name).
pub(super) fn apply(
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let defined = definitions(text, tokens, &spans);
    if defined.is_empty() {
        return spans;
    }
    let kinds: HashMap<&str, Kind> = defined.iter().map(|(_, k, s)| (*s, *k)).collect();
    for (i, token) in tokens.iter().enumerate() {
        let Some(kind) = kinds.get(token.text(text)) else {
            continue;
        };
        match spans.iter_mut().find(|(r, _)| r.start <= i && i < r.end) {
            Some((r, k)) if r.len() == 1 => *k = *kind,
            Some(_) => {}
            None => spans.push((i..i + 1, *kind)),
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// Re-points the mentions of each short form defined in brackets to its full name's entity.
pub(super) fn join(text: &str, entities: &[Builder], mentions: &mut [MentionRef]) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| mentions[m].start);
    let mut full_of: HashMap<usize, usize> = HashMap::new();
    for pair in order.windows(2) {
        let (full, short) = (&mentions[pair[0]], &mentions[pair[1]]);
        let surface = &text[short.start..short.end];
        let between = &text[full.end..short.start];
        let first = surface.chars().next().unwrap_or(' ');
        if between.trim() == "("
            && text[short.end..].starts_with(')')
            && is_short_form(surface)
            && full.entity != short.entity
            && entities[full.entity].kind != Kind::Person
            && text[full.start..full.end]
                .split_whitespace()
                .any(|w| w.starts_with(first))
        {
            full_of.entry(short.entity).or_insert(full.entity);
        }
    }
    for m in mentions.iter_mut() {
        if let Some(full) = full_of.get(&m.entity) {
            m.entity = *full;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_short_forms_and_words_are_not() {
        assert!(is_short_form("KANU"));
        assert!(is_short_form("FORD-K"));
        assert!(is_short_form("AT&T"));
        assert!(!is_short_form("Kanu"));
        assert!(!is_short_form("A"));
        assert!(!is_short_form("-AB"));
    }
}
