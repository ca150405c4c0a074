//! Noun phrases and names that can speak, read from a token on: a descriptive phrase with a
//! determiner ("the Ohio lawmaker"), a bare one ("Legal scholars"), a group ("some advisers"),
//! a possessive's speaking noun ("Russia’s foreign ministry"), a name after "the" and a
//! capitalised name the tagger missed.

use super::cues::{
    GROUP_NOUNS, HeadKind, PHRASE_VERBS, NP_DETERMINERS, NP_MAX_WORDS, NP_STOPS, PERSON_NOUNS, ROLE_MODIFIERS, head_kind,
    is_speech_verb,
};
use super::index::{Index, Speaker, token_at};
use super::reading::{capitalised, cue_follows, is_word};
use crate::enrich::entities::Kind;
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// "Legal scholars have found", "Planetary defense researcher Ana Ruiz": a noun phrase with no
/// determiner, up to [`NP_MAX_WORDS`] words ending in a noun that speaks ([`HeadKind::Agent`]),
/// every word lower-case but the first when it opens the sentence (or follows a quote mark).
/// The tagger's names are not read as one. Its last token.
pub(super) fn bare_phrase_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let t = tokens.get(i)?;
    let lower = |k: usize| is_word(index, k) && index.word(k).starts_with(char::is_lowercase);
    let opens = i == index.sentence_start(t.sentence)
        || matches!(index.word(i - 1), "“" | "”" | "\"" | "-" | "—" | ":");
    let first_ok = lower(i) || opens && capitalised(index, i);
    if !first_ok || index.mention_at(t.start).is_some() || STOPWORDS.contains(index.word(i).to_lowercase().as_str()) {
        return None;
    }
    let agent = |k: usize| head_kind(index.word(k)) == Some(HeadKind::Agent) && !is_speech_verb(index.word(k));
    // With no tags for parts of speech, the phrase ends at its first speaking noun (and the
    // speaking nouns right after it, "police officers"): "Audience reviewers gave it 67%".
    let mut last = i;
    while !agent(last) {
        let w = index.word(last + 1);
        if last >= i + NP_MAX_WORDS
            || !lower(last + 1)
            || NP_STOPS.contains(w)
            || STOPWORDS.contains(w)
            || is_speech_verb(w)
        {
            return None;
        }
        last += 1;
    }
    while last < i + NP_MAX_WORDS && lower(last + 1) && agent(last + 1) {
        last += 1;
    }
    // "user jayk1984", "defense researcher Ana Ruiz": a role before a name; the name speaks.
    let next = index.tokens.get(last + 1).map(|t| t.start);
    let handle_at = |b: usize| {
        let at = index.handles.partition_point(|h| h.start < b);
        index.handles.get(at).is_some_and(|h| h.start == b)
    };
    if capitalised(index, last + 1) || next.is_some_and(handle_at) {
        return None;
    }
    let head = index.word(last);
    // One capitalised word alone is a title before a name ("Undersecretary for …") unless plural.
    let enough = last > i || lower(i) || head.ends_with('s');
    enough.then(|| (Speaker::Phrase(text[t.start..tokens[last].end].to_owned()), last))
}

/// "reports the Wall Street Journal", "the Associated Press said": a name after "the" (the
/// tagger's, or capitalised words it missed) that no speaking noun heads.
pub(super) fn name_after_article(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    if !index.word(i).eq_ignore_ascii_case("the") || !capitalised(index, i + 1) {
        return None;
    }
    let (found, last) = match index.mention_at(index.tokens[i + 1].start) {
        Some(m) if index.entities[m.entity].kind == Kind::Location => return None,
        Some(m) => (Speaker::Entity(m.entity), token_at(index.tokens, m.end) - 1),
        None => name_at(index, i + 1)?,
    };
    // "the AI-designed robots": a name that modifies the noun after it is no speaker.
    let modifies = is_word(index, last + 1)
        && index.word(last + 1).starts_with(char::is_lowercase)
        && cue_follows(index, last + 1).is_none();
    (!modifies).then_some((found, last))
}

/// "Clinton’s campaign said", "Russia’s foreign ministry said": after a possessive at token
/// `k`, up to [`OWNED_WORDS`] lower-case words ending in a noun that speaks (a person, role,
/// group or organisation) right before a speech verb. The byte after that noun.
pub(super) fn owned_agent(index: &Index<'_>, k: usize) -> Option<usize> {
    if !matches!(index.word(k), "’s" | "'s") {
        return None;
    }
    let head = (k + 1..=k + OWNED_WORDS)
        .take_while(|j| is_word(index, *j) && index.word(*j).starts_with(char::is_lowercase))
        .take_while(|j| !is_speech_verb(index.word(*j)))
        .last()?;
    (head_kind(index.word(head)) == Some(HeadKind::Agent) && cue_follows(index, head + 1).is_some())
        .then(|| index.tokens[head].end)
}

/// How many words a possessive's speaking noun phrase may run ("Russia’s foreign ministry").
const OWNED_WORDS: usize = 3;

/// "some advisers", "the foreign ministry officials": determiner, up to two words, group noun.
pub(super) fn group_at(index: &Index<'_>, i: usize) -> Option<(String, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let first = tokens.get(i)?;
    let start_word = first.text(text).to_lowercase();
    let body_start = if NP_DETERMINERS.contains(&start_word.as_str()) {
        i + 1
    } else {
        i
    };
    for k in body_start..body_start + 3 {
        let t = tokens.get(k)?;
        let w = t.text(text);
        if t.kind != TokenKind::Word {
            return None;
        }
        if GROUP_NOUNS.contains(w) {
            return Some((text[first.start..t.end].to_owned(), t.end));
        }
        if STOPWORDS.contains(w.to_lowercase().as_str()) {
            return None;
        }
    }
    None
}

/// A descriptive noun phrase: a determiner and up to [`NP_MAX_WORDS`] words ("the Ohio
/// lawmaker", "one tester", "the Institute's release"), up to a stop word or punctuation.
/// Its head (last word) must name a person, role, group, organisation or written source
/// ([`head_kind`]): "the final text" or "the plan" never speaks. Returns it, its last token and
/// the head's kind.
pub(super) fn phrase_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize, HeadKind)> {
    let (text, tokens) = (index.text, index.tokens);
    let det = index.word(i).to_lowercase();
    if !NP_DETERMINERS.contains(&det.as_str()) {
        return None;
    }
    let mut last = i;
    for k in i + 1..=i + NP_MAX_WORDS {
        let w = index.word(k);
        let joins_words = index.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || (w == "-" && is_word(index, k + 1));
        // "The U.S. Department of Agriculture": "of" goes on into a capitalised name.
        let of_name = w == "of" && last > i && capitalised(index, k + 1);
        if !(is_word(index, k) || joins_words || of_name)
            || (NP_STOPS.contains(w.to_lowercase().as_str()) && !of_name)
            || is_speech_verb(w)
            || past_tense_after_agent(index, last, w)
            || verb_or_adverb_after_agent(index, last, w)
            || PHRASE_VERBS.iter().any(|(verb, next)| w == *verb && index.word(k + 1) == *next)
        {
            // "a pub owner and robbery victim": a second speaking noun joined by "and" is
            // the same person's.
            if let Some(second) = joined_agent(index, last, k) {
                last = second;
            }
            break;
        }
        last = k;
    }
    if last == i {
        return None;
    }
    // The head: the last word before a trailing "of <Name>" ("the U.S. Department of
    // Agriculture" keeps "Department"), else the last word.
    let head = (i + 1..=last)
        .rev()
        .find(|k| index.word(*k) == "of")
        .map_or(last, |of| of - 1);
    let kind = head_kind(index.word(head))?;
    Some((
        Speaker::Phrase(text[tokens[i].start..tokens[last].end].to_owned()),
        last,
        kind,
    ))
}

/// "Another respondent highlighted …", "One survey respondent summed this up": a lower-case
/// past-tense word right after a speaking noun at token `last` is the verb of the sentence,
/// so the noun phrase ends before it.
fn past_tense_after_agent(index: &Index<'_>, last: usize, word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && word.starts_with(char::is_lowercase)
        && is_word(index, last)
        && head_kind(index.word(last)) == Some(HeadKind::Agent)
}

/// "a shop owner recently robbed", "a bartender praises the plan": a lower-case word that
/// names nothing ([`head_kind`]) and reads as an adverb or a verb ("-ly", "-ed", a final "s"),
/// right after a speaking noun at token `last`, ends the noun phrase before it.
fn verb_or_adverb_after_agent(index: &Index<'_>, last: usize, word: &str) -> bool {
    let verb_like = word.ends_with("ly") || word.ends_with("ed") || word.ends_with('s') && !word.ends_with("ss");
    verb_like
        && word.len() > 3
        && word.starts_with(char::is_lowercase)
        && head_kind(word).is_none()
        && is_word(index, last)
        && head_kind(index.word(last)) == Some(HeadKind::Agent)
}

/// After a speaking noun at token `last` and "and" at token `and`, one or two lower-case words
/// ending in another speaking noun ("a pub owner and robbery victim"), followed by no further
/// lower-case word: that noun's token.
fn joined_agent(index: &Index<'_>, last: usize, and: usize) -> Option<usize> {
    if index.word(and) != "and" || head_kind(index.word(last)) != Some(HeadKind::Agent) {
        return None;
    }
    let lower = |k: usize| {
        is_word(index, k)
            && index.word(k).starts_with(char::is_lowercase)
            && !STOPWORDS.contains(index.word(k))
            && !is_speech_verb(index.word(k))
    };
    let second = (and + 1..=and + 2)
        .take_while(|k| lower(*k))
        .find(|k| head_kind(index.word(*k)) == Some(HeadKind::Agent))?;
    (!lower(second + 1)).then_some(second)
}

/// One to three capitalised words the tagger did not mark ("Parr", "Kelly D. Norris").
pub(super) fn name_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    // "Senior researcher Mu Li", "Undersecretary for Education …": a role word is no name.
    let is_role = |k: usize| {
        let lower = index.word(k).to_lowercase();
        ROLE_MODIFIERS.contains(&lower.as_str()) || PERSON_NOUNS.contains(lower.as_str())
    };
    // "elmo666", "wrote user jayk1984": a user name, alone or after a person noun.
    let handle = |k: usize| {
        let start = index.tokens.get(k)?.start;
        let at = index.handles.partition_point(|h| h.start < start);
        index.handles.get(at).filter(|h| h.start == start).map(|_| k)
    };
    let noun_before = PERSON_NOUNS.contains(index.word(i).to_lowercase().as_str());
    if let Some(k) = handle(i).or_else(|| noun_before.then(|| handle(i + 1)).flatten()) {
        return Some((Speaker::Name(index.word(k).to_owned()), k));
    }
    if !capitalised(index, i) {
        return None;
    }
    // "Ambassador Mohib": the name starts after capitalised role words.
    let mut i = i;
    while is_role(i) {
        if !capitalised(index, i + 1) {
            return None;
        }
        i += 1;
    }
    let mut last = i;
    loop {
        // An initial: "Kelly D. Norris".
        let initial = index.word(last).chars().count() == 1 && index.word(last + 1) == ".";
        let next = if initial { last + 2 } else { last + 1 };
        if next > i + 4
            || !capitalised(index, next)
            || index.mention_at(index.tokens[next].start).is_some()
        {
            break;
        }
        last = next;
    }
    let (text, tokens) = (index.text, index.tokens);
    Some((
        Speaker::Name(text[tokens[i].start..tokens[last].end].to_owned()),
        last,
    ))
}
