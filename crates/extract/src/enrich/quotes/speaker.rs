//! Who a speech verb's subject is, read from one token on: an entity mention, a title before
//! a name, a pronoun, a group, a descriptive noun phrase or a capitalised name the tagger
//! missed ([`super::phrases`]), and "according to X". The patterns around a quote that use it
//! are in [`super::attribution_after`] and [`super::subject_walk`].

use super::cues::{
    DOCUMENT_VERBS, HeadKind, IN_THE_WORDS_OF, ACCORDING_TO, NAME_TITLES, ORGANISATION_PRONOUNS, SUBJECT_PRONOUNS,
    is_speech_verb,
};

pub use super::index::Speaker;
use super::index::{Index, token_at};
use super::phrases::{bare_phrase_at, group_at, name_after_article, name_at, owned_agent, phrase_at};
use super::reading::{capitalised, cue_follows, is_word};
use crate::enrich::entities::Kind;

/// How an attribution was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A speech verb and its subject.
    Verb,
    /// "according to X".
    AccordingTo,
}

/// An attribution: the speaker, the cue word, how it was written, and the byte after it.
pub type Attribution = (Speaker, String, Pattern, usize);

/// A speaker starting at token `i`, and the byte after it. Entities (not places), titles before
/// a name, pronouns and groups count anywhere; a descriptive noun phrase or an untagged
/// capitalised name counts only when a speech verb follows it, unless `need_cue` is false.
pub fn speaker_at(index: &Index<'_>, i: usize, need_cue: bool) -> Option<(Speaker, usize)> {
    speaker_at_with(index, i, need_cue, false)
}

/// The next speech verb after token `k` in its sentence, within a few words.
fn next_verb(index: &Index<'_>, k: usize) -> Option<usize> {
    let sentence = index.tokens.get(k)?.sentence;
    (k + 1..k + 16)
        .take_while(|j| index.tokens.get(*j).is_some_and(|t| t.sentence == sentence))
        .find(|j| is_speech_verb(index.word(*j)))
}

/// [`speaker_at`]; a written source ("the report") speaks when `documents` is true (after
/// "according to" or a document verb before it), else only when the next speech verb is a
/// document verb ("the report read").
pub(super) fn speaker_at_with(
    index: &Index<'_>,
    i: usize,
    need_cue: bool,
    documents: bool,
) -> Option<(Speaker, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let t = tokens.get(i)?;
    // "Ms. Lindqvist": a title the tagger left out of the name.
    if NAME_TITLES.contains(&t.text(text)) {
        let next = if index.word(i + 1) == "." { i + 2 } else { i + 1 };
        if capitalised(index, next) {
            return speaker_at(index, next, need_cue);
        }
    }
    // "C. Eugene Steuerle": an initial the tagger left out of the name it opens.
    if index.word(i).chars().count() == 1
        && capitalised(index, i)
        && index.word(i + 1) == "."
        && let Some(m) = index.tokens.get(i + 2).and_then(|n| index.mention_at(n.start))
        && index.entities[m.entity].kind == Kind::Person
    {
        return Some((Speaker::Entity(m.entity), m.end));
    }
    if let Some(m) = index.mention_at(t.start)
        && let Some(end) = owned_agent(index, token_at(tokens, m.end))
    {
        return Some((Speaker::Phrase(text[m.start..end].to_owned()), end));
    }
    if let Some(m) = index.mention_at(t.start) {
        // "Georgia Silvera Seamans" tagged as a place: a given name and a surname are a person.
        let written = &text[m.start..m.end];
        let person_name = written.contains(' ')
            && written.split_whitespace().next().and_then(super::cues::given_name_gender).is_some();
        if index.entities[m.entity].kind == Kind::Location && person_name {
            return Some((Speaker::Name(written.to_owned()), m.end));
        }
        return (index.entities[m.entity].kind != Kind::Location)
            .then_some((Speaker::Entity(m.entity), m.end));
    }
    // A title before the name: "Finance Minister Rachel Reeves".
    if capitalised(index, i) {
        let mut k = i + 1;
        while k < i + 4 && capitalised(index, k) {
            if let Some(m) = index.mention_at(tokens[k].start) {
                return (index.entities[m.entity].kind != Kind::Location)
                    .then_some((Speaker::Entity(m.entity), m.end));
            }
            k += 1;
        }
    }
    let w = t.text(text);
    if SUBJECT_PRONOUNS.contains(&w)
        || ORGANISATION_PRONOUNS.contains(&w) && cue_follows(index, i + 1).is_some()
    {
        return Some((Speaker::Pronoun(w.to_owned()), t.end));
    }
    if let Some((g, end)) = group_at(index, i) {
        return Some((Speaker::Phrase(g), end));
    }
    let (found, last) = match phrase_at(index, i) {
        Some((found, last, HeadKind::Document)) => {
            let verb = next_verb(index, last);
            if !documents && !verb.is_some_and(|v| DOCUMENT_VERBS.contains(index.word(v))) {
                return None;
            }
            (found, last)
        }
        Some((found, last, HeadKind::Agent)) => (found, last),
        None => bare_phrase_at(index, i)
            .or_else(|| name_at(index, i))
            .or_else(|| name_after_article(index, i))?,
    };
    if !need_cue || cue_follows(index, last + 1).is_some() {
        return Some((found, tokens[last].end));
    }
    // "a law professor who says “…”": a relative clause whose verb is a speech verb.
    if index.word(last + 1) == "who" && cue_follows(index, last + 2).is_some() {
        return Some((found, tokens[last].end));
    }
    // "Mu Li, of the university's school, said": an apposition between commas before the verb.
    if index.word(last + 1) == ","
        && let Some(close) = (last + 2..last + 14)
            .take_while(|j| is_word(index, *j) || matches!(index.word(*j), "," | "’s" | "'s" | "-"))
            .find(|j| index.word(*j) == ",")
        && cue_follows(index, close + 1).is_some()
    {
        return Some((found, tokens[last].end));
    }
    // "her mother, Fiona, said": a name standing between two commas right before the verb.
    if matches!(found, Speaker::Name(_))
        && i > 0
        && index.word(i - 1) == ","
        && index.word(last + 1) == ","
        && cue_follows(index, last + 2).is_some()
    {
        return Some((found, tokens[last].end));
    }
    // "the father of two said": the speaker is the head phrase; "of" and up to two words may
    // stand between it and the verb.
    (index.word(last + 1) == "of")
        .then(|| (last + 2..last + 4).find(|j| is_word(index, *j) && cue_follows(index, j + 1).is_some()))
        .flatten()
        .map(|j| (found, tokens[j].end))
}

/// "according to X" (or "in the words of X", "in X’s words") starting at token `i`.
pub fn according_to_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    if index.word(i).eq_ignore_ascii_case(ACCORDING_TO[0]) && index.word(i + 1) == ACCORDING_TO[1] {
        // "according to Acme’s Ruiz": the speaker follows the possessive when it is a person
        // the tagger found ("according to Russia’s United Nations ambassador" stays as it was).
        let owned = matches!(index.word(i + 3), "’s" | "'s") && capitalised(index, i + 4);
        return owned
            .then(|| speaker_at_with(index, i + 4, false, true))
            .flatten()
            .filter(|(found, _)| {
                matches!(found, Speaker::Entity(e) if index.entities[*e].kind == Kind::Person)
            })
            .or_else(|| speaker_at_with(index, i + 2, false, true));
    }
    // "in X’s words", "in his own words".
    if index.word(i).eq_ignore_ascii_case("in") {
        let owner = match index.word(i + 1) {
            "his" | "His" => Some((Speaker::Pronoun("he".to_owned()), i + 2)),
            "her" | "Her" => Some((Speaker::Pronoun("she".to_owned()), i + 2)),
            _ => speaker_at(index, i + 1, false)
                .filter(|(found, _)| !matches!(found, Speaker::Pronoun(_)))
                .map(|(found, end)| (found, token_at(index.tokens, end)))
                .filter(|(_, k)| matches!(index.word(*k), "’s" | "'s"))
                .map(|(found, k)| (found, k + 1)),
        };
        if let Some((found, k)) = owner {
            let k = if index.word(k) == "own" { k + 1 } else { k };
            if index.word(k) == "words" {
                return Some((found, index.tokens[k].end));
            }
        }
    }
    // "in the words of X".
    let words_of = IN_THE_WORDS_OF
        .iter()
        .enumerate()
        .all(|(k, w)| index.word(i + k).eq_ignore_ascii_case(w));
    words_of.then(|| speaker_at_with(index, i + IN_THE_WORDS_OF.len(), false, true)).flatten()
}
