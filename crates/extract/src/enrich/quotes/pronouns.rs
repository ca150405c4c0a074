//! Pronoun speakers: "he" and "she" resolve to the nearest earlier person of a compatible
//! gender (the same, or one the text has not given) (from titles and earlier pronouns, see [`Index`]) — the nearest one in the pronoun's
//! own sentence, else the first one of the nearest earlier sentence that has one, across
//! paragraph boundaries. "they" resolves like an ungendered pronoun. The search looks back at
//! most [`LOOK_BACK`] person mentions, so each pronoun costs the same however long the text.

use super::handles::Handle;
use super::index::{Index, token_at};
use crate::enrich::entities::{Kind, MentionRef};

/// How many earlier person mentions a pronoun looks back over.
pub const LOOK_BACK: usize = 40;

/// The gender a pronoun asks for: `Some(true)` female, `Some(false)` male.
pub fn gender_of(pronoun: &str) -> Option<bool> {
    match pronoun.to_lowercase().as_str() {
        "she" => Some(true),
        "he" => Some(false),
        _ => None,
    }
}

/// Whom a pronoun refers to: a person the tagger found, or a user name.
#[derive(Debug, Clone, Copy)]
pub enum Referent<'i> {
    Person(&'i MentionRef),
    Handle(&'i Handle),
}

/// Whom `pronoun` at byte `at` refers to: the person [`resolve_person`] finds, unless a user
/// name ([`Handle`]) stands nearer by the same rule (the nearest in the pronoun's sentence,
/// else the first of the nearest earlier sentence), within [`GENDERED_REACH`] sentences.
/// Handles have no gender, but a reader takes the user the passage is about, not an earlier
/// person whose gender fits.
pub fn resolve<'i>(index: &'i Index<'_>, pronoun: &str, at: usize) -> Option<Referent<'i>> {
    let person = resolve_person(index, pronoun, at);
    let tokens = index.tokens;
    let sentence = tokens.get(token_at(tokens, at).min(tokens.len().checked_sub(1)?))?.sentence;
    let handles = &index.handles[..index.handles.partition_point(|h| h.start < at)];
    let Some(last) = handles.last().filter(|h| h.sentence + GENDERED_REACH >= sentence) else {
        return person.map(Referent::Person);
    };
    let handle = if last.sentence == sentence {
        last
    } else {
        handles.iter().rev().take_while(|h| h.sentence == last.sentence).last().unwrap_or(last)
    };
    let nearer = match person {
        None => true,
        Some(p) if handle.sentence == sentence => p.sentence != sentence || handle.start > p.start,
        Some(p) => p.sentence < handle.sentence || p.sentence == handle.sentence && handle.start < p.start,
    };
    if nearer {
        Some(Referent::Handle(handle))
    } else {
        person.map(Referent::Person)
    }
}

/// The person `pronoun` at byte `at` refers to.
pub fn resolve_person<'i>(index: &'i Index<'_>, pronoun: &str, at: usize) -> Option<&'i MentionRef> {
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
    let nearest = |fits: &dyn Fn(&MentionRef) -> bool| {
        let mut candidate: Option<&'i MentionRef> = None;
        for m in window() {
            if let Some(c) = candidate
                && m.sentence != c.sentence
            {
                return candidate;
            }
            if fits(m) {
                if m.sentence == sentence {
                    return Some(m);
                }
                candidate = Some(m);
            }
        }
        candidate
    };
    let lenient = nearest(&compatible);
    // A person whose gender the text gives beats a nearer one it does not (often an
    // organisation tagged as a person, "Paris Baguette"), within a few sentences.
    let gendered = |m: &MentionRef| wanted.is_some() && index.gender[m.entity] == wanted;
    // Not over a full name that is the subject of an earlier sentence ("Quinn Arden, a
    // designer, says …" / "“…,” she says"): a reader takes that person.
    let subject_before = |m: &MentionRef| {
        m.sentence != sentence
            && index.entities[m.entity].name.contains(' ')
            && index.sentence_subject(m.start + 1) == Some(m.entity)
    };
    match lenient {
        Some(m) if index.gender[m.entity].is_none() && wanted.is_some() && !subject_before(m) => nearest(&gendered)
            .filter(|g| g.sentence + GENDERED_REACH >= sentence)
            .or(lenient),
        _ => lenient,
    }
}

/// How many sentences back a person of the pronoun's gender is preferred over a nearer person
/// of unknown gender.
const GENDERED_REACH: usize = 4;

/// How many sentences back "it" looks for the organisation it speaks for.
const ORGANISATION_REACH: usize = 2;

/// "“…,” it said in a statement": the organisation named as the subject of one of the
/// [`ORGANISATION_REACH`] sentences before the one holding byte `at` ("The Food Standards
/// Agency warned …"), the nearest first, in the same or the previous paragraph.
pub fn resolve_organisation(index: &Index<'_>, at: usize) -> Option<usize> {
    let tokens = index.tokens;
    let sentence = tokens.get(token_at(tokens, at).min(tokens.len().checked_sub(1)?))?.sentence;
    let paragraph = index.paragraph_of(at);
    (1..=ORGANISATION_REACH).find_map(|back| {
        let s = sentence.checked_sub(back)?;
        let last = tokens.get(index.sentence_end(s).checked_sub(1)?)?;
        if index.paragraph_of(last.start) + 1 < paragraph {
            return None;
        }
        index
            .sentence_subject(last.start)
            .filter(|e| index.entities[*e].kind == Kind::Organization)
    })
}
