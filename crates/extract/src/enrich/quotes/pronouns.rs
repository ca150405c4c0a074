//! Pronoun speakers: "he" and "she" resolve to the nearest earlier person of a compatible
//! gender (the same, or one the text has not given) (from titles and earlier pronouns, see [`Index`]) — the nearest one in the pronoun's
//! own sentence, else the first one of the nearest earlier sentence that has one, across
//! paragraph boundaries. "they" resolves like an ungendered pronoun. The search looks back at
//! most [`LOOK_BACK`] person mentions, so each pronoun costs the same however long the text.

use super::index::{Index, token_at};
use crate::enrich::entities::MentionRef;

/// How many earlier person mentions a pronoun looks back over.
pub const LOOK_BACK: usize = 40;

/// The gender a pronoun asks for: `Some(true)` female, `Some(false)` male.
fn gender_of(pronoun: &str) -> Option<bool> {
    match pronoun.to_lowercase().as_str() {
        "she" => Some(true),
        "he" => Some(false),
        _ => None,
    }
}

/// The person `pronoun` at byte `at` refers to.
pub fn resolve<'a>(index: &Index<'a>, pronoun: &str, at: usize) -> Option<&'a MentionRef> {
    let tokens = index.tokens;
    let sentence = tokens
        .get(token_at(tokens, at).min(tokens.len().checked_sub(1)?))?
        .sentence;
    let wanted = gender_of(pronoun);
    let compatible = |m: &MentionRef| wanted.is_none() || index.gender[m.entity].is_none_or(|g| Some(g) == wanted);
    let persons = &index.persons;
    // Mentions out of text order (never from the tagger) are not searched.
    if !index.persons_ordered {
        return None;
    }
    let before_at = persons.partition_point(|m| m.start < at);
    // Walk back: the nearest compatible person in this sentence, else the first compatible
    // person of the nearest earlier sentence holding one.
    let window = || persons[..before_at].iter().rev().take(LOOK_BACK);
    let mut candidate: Option<&MentionRef> = None;
    for m in window() {
        if let Some(c) = candidate
            && m.sentence != c.sentence
        {
            return candidate;
        }
        if compatible(m) {
            if m.sentence == sentence {
                return Some(m);
            }
            candidate = Some(m);
        }
    }
    candidate
}
