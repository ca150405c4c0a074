//! Speakers before a quote: the subject of the last speech verb in the quote's sentence (Ruiz
//! told reporters: "…") found by one walk per sentence, and "according to X" at its start.

use std::rc::Rc;

use super::cues::{DOCUMENT_NOUNS, NP_STOPS, PREPOSITIONS, is_speech_verb};
use super::index::{Index, Speaker, Walk, token_at};
use super::reading::{after_brackets, cue_follows, is_word};
use super::speaker::{Attribution, Pattern, according_to_at, speaker_at};
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// The attribution before a quote starting at byte `quote_start`, in its sentence: the last
/// speech verb there and its subject, or "according to X".
pub fn before_quote(index: &Index<'_>, quote_start: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    let q = token_at(tokens, quote_start);
    let sentence = tokens.get(q.min(tokens.len().saturating_sub(1)))?.sentence;
    let sentence_start = index.sentence_start(sentence);
    if q <= sentence_start {
        return None;
    }
    if let Some(verb) = index.last_cue[q - 1]
        && let Some(speaker) =
            subject_before(index, sentence_start, verb).or_else(|| name_before_stray_stop(index, verb))
    {
        return Some((speaker, index.word(verb).to_owned(), Pattern::Verb, 0));
    }
    // "According to X, “…”": only near the sentence start, so the search stays short.
    (sentence_start..q.min(sentence_start + 4))
        .find_map(|k| according_to_at(index, k))
        .map(|(speaker, end)| (speaker, "according to".to_owned(), Pattern::AccordingTo, end))
}

/// "Senator Ana Ruiz (D-Ore.). said, “…”": a lower-case speech verb opening its sentence
/// (token `verb`) after a sentence that is only a name, a bracket at most and a full stop: a
/// stray full stop split the name from its verb, and the name speaks.
fn name_before_stray_stop(index: &Index<'_>, verb: usize) -> Option<Speaker> {
    let tokens = index.tokens;
    let stop = verb.checked_sub(1)?;
    let opens = index.sentence_start(tokens[verb].sentence) == verb;
    if !opens || !index.word(verb).starts_with(char::is_lowercase) || index.word(stop) != "." {
        return None;
    }
    let start = index.sentence_start(tokens[stop].sentence);
    let (found, end) = speaker_at(index, start, false)?;
    let named = !matches!(found, Speaker::Phrase(_));
    (named && after_brackets(index, token_at(tokens, end)) == stop).then_some(found)
}

/// The nearest subject-like speaker before token `verb` in the sentence starting at token
/// `from`. The walk over the sentence does not depend on the verb, so it runs once per
/// sentence and each verb takes the last speaker it accepted before it.
pub fn subject_before(index: &Index<'_>, from: usize, verb: usize) -> Option<Speaker> {
    // "Ruiz suggested that the plan would work, saying, “…”": a participle after a comma
    // belongs to the clause of the speech verb before it, whose subject speaks, not the nearest
    // name in that verb's object.
    if index.word(verb).ends_with("ing")
        && verb > from + 1
        && index.word(verb - 1) == ","
        && let Some(finite) = index.last_cue[verb - 2].filter(|v| *v >= from)
        && let Some(found) = subject_before(index, from, finite)
    {
        return Some(found);
    }
    let walk = Rc::clone(
        index.walks
            .borrow_mut()
            .entry(from)
            .or_insert_with(|| subject_walk(index, from)),
    );
    let before = walk.partition_point(|(k, _)| *k < verb);
    before.checked_sub(1).map(|last| walk[last].1.clone())
}

/// The first speaker the walk accepts in the sentence starting at token `from`.
pub fn first_speaker(index: &Index<'_>, from: usize) -> Option<Speaker> {
    subject_before(index, from, usize::MAX)?;
    index.walks
        .borrow()
        .get(&from)
        .and_then(|walk| walk.first().map(|(_, s)| s.clone()))
}

/// The speakers the subject walk accepts in the sentence starting at token `from`:
/// relative clauses (", who …,"), objects of prepositions and possessives are skipped.
fn subject_walk(index: &Index<'_>, from: usize) -> Walk {
    let tokens = index.tokens;
    let sentence = tokens[from].sentence;
    let end = index.sentence_end(sentence);
    let word = |k: usize| index.word(k);
    // Words inside quote marks are the quote's, never its speaker.
    let mut skipped: Vec<bool> = (from..end)
        .map(|k| index.in_quote(tokens[k].start))
        .collect();
    let mut k = from;
    while k < end {
        if word(k) == "," && k + 1 < end && matches!(word(k + 1), "who" | "which" | "whose" | "whom")
        {
            let close = (k + 1..end).find(|j| word(*j) == ",").unwrap_or(end);
            for s in k..close.min(end) {
                skipped[s - from] = true;
            }
            k = close;
        }
        k += 1;
    }
    let mut accepted = Vec::new();
    let opening = index.after_dateline(from);
    let mut k = opening;
    while k < end {
        if skipped[k - from] {
            k += 1;
            continue;
        }
        // "with Boswell stating:", "with one poster writing": the preposition opens a clause
        // whose subject speaks.
        let with_clause = |end: usize| {
            k > from
                && word(k - 1) == "with"
                && cue_follows(index, token_at(tokens, end)).is_some_and(|v| word(v).ends_with("ing"))
        };
        let after_preposition = k > from && PREPOSITIONS.contains(&word(k - 1));
        let at_start = k == opening || matches!(word(k - 1), "“" | "\"" | ":");
        if let Some((found, found_end)) = speaker_at(index, k, !at_start) {
            let next = token_at(tokens, found_end);
            let possessive = matches!(word(next), "’s" | "'s");
            // "PC World's recent analysis … concluded": a named owner of a written source
            // speaks through it.
            let owns_document = possessive
                && !after_preposition
                && matches!(found, Speaker::Entity(_) | Speaker::Name(_))
                && document_follows(index, next + 1, end);
            if (!after_preposition || with_clause(found_end)) && !possessive || owns_document {
                let named = !matches!(found, Speaker::Phrase(_));
                accepted.push((k, found));
                // "Solomon, chief executive of the council, said": the apposition between
                // two commas after a name is not a subject (after a description, "a
                // spokeswoman, Ana Ruiz, said", the name in it is).
                if named
                    && word(next) == ","
                    && !matches!(word(next + 1), "and" | "or")
                    && let Some(close) = (next + 1..end.min(next + 14)).find(|j| word(*j) == ",")
                    && !(next + 1..close).any(|j| is_speech_verb(word(j)))
                {
                    k = close + 1;
                    continue;
                }
            } else if word(k).eq_ignore_ascii_case("the") {
                // "of the Refugee Council Enver Solomon told": a name after "the" that is no
                // subject here may still open one from its own first word.
                k += 1;
                continue;
            }
            k = next.max(k + 1);
        } else {
            k += 1;
        }
    }
    accepted.into()
}

/// Whether a written source's noun ("analysis", "statement") heads the few words from token
/// `from` (before `end`, a stop word or punctuation).
fn document_follows(index: &Index<'_>, from: usize, end: usize) -> bool {
    // "the Office's May 2025 report": a date may stand before the noun.
    let dated = |j: usize| is_word(index, j) || index.tokens[j].kind == TokenKind::Number;
    (from..(from + 4).min(end))
        .take_while(|j| dated(*j) && !NP_STOPS.contains(index.word(*j).to_lowercase().as_str()))
        .any(|j| DOCUMENT_NOUNS.contains(index.word(j).to_lowercase().as_str()))
}

/// "In Ohio, a bartender praises the plan: “…”": in a sentence with no speech verb before the
/// colon at token `colon`, the first speaker opening a clause, when a lower-case verb ("-s",
/// "-ed") follows it, is the clause's subject and introduces the quote.
pub fn subject_before_verb(index: &Index<'_>, from: usize, colon: usize) -> Option<Speaker> {
    let word = |k: usize| index.word(k);
    // The subject opens the clause: the sentence's first word (a list marker aside) or the word
    // after a comma closing an opening phrase ("In Ohio, …").
    let opening = (index.after_dateline(from)..colon).find(|k| index.tokens[*k].kind == TokenKind::Word)?;
    let first = (opening..colon).find_map(|k| {
        let t = &index.tokens[k];
        let opens_clause = k == opening || word(k - 1) == ",";
        (t.kind == TokenKind::Word && opens_clause && !index.in_quote(t.start))
            .then(|| speaker_at(index, k, false))
            .flatten()
    })?;
    let (found, end) = first;
    let next = token_at(index.tokens, end);
    let w = word(next);
    let verb_like = next < colon
        && w.len() > 3
        && w.starts_with(char::is_lowercase)
        && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("ed"))
        && !STOPWORDS.contains(w);
    verb_like.then_some(found)
}
