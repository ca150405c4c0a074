//! Direct quotes and who said them. Quotes are text in straight or curly double quotes; the
//! speaker comes from an attribution after the quote (“…,” Petro said / said Petro / he
//! insisted), else from the speech verb before it in the sentence and that verb's subject
//! (Sánchez added that … “…”), else from the previous quote in the paragraph (a continuation).
//! Pronouns resolve to the nearest earlier person; group noun phrases ("some advisers") speak
//! too. Hand-written: quote attribution is newsroom-specific and no kept crate does it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::entities::{Entity, MentionRef};
use super::tokens::{Token, TokenKind};
use super::words::STOPWORDS;

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quote {
    pub text: String,
    /// The speaker's name, or the group that spoke ("some advisers"); null when unknown.
    pub speaker: Option<String>,
    /// Index into `entities`, when the speaker is one.
    pub speaker_entity: Option<usize>,
    /// The speech verb ("said", "insisted", "added", …).
    pub cue: Option<String>,
    /// Character offsets of the quoted text (without the marks) in the record's text.
    pub start: usize,
    pub end: usize,
}

/// Verbs that introduce or attribute speech.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "insisted",
    "insists",
    "told",
    "tells",
    "noted",
    "notes",
    "warned",
    "warns",
    "warning",
    "argued",
    "argues",
    "explained",
    "explains",
    "stated",
    "states",
    "asked",
    "asks",
    "wrote",
    "writes",
    "claimed",
    "claims",
    "declared",
    "declares",
    "announced",
    "replied",
    "responded",
    "maintained",
    "maintains",
    "calling",
    "called",
    "describing",
    "described",
    "acknowledged",
    "admitted",
    "stressed",
    "emphasized",
    "emphasised",
    "urged",
    "reported",
    "suggested",
    "continued",
    "recalled",
    "concluded",
    "promised",
    "vowed",
    "remarked",
    "commented",
    "tweeted",
    "posted",
    "saying",
    "adding",
    "insisting",
    "telling",
];

/// Nouns that make a group speaker ("some advisers", "the officials").
const GROUP_NOUNS: &[&str] = &[
    "advisers",
    "advisors",
    "officials",
    "critics",
    "analysts",
    "experts",
    "residents",
    "lawmakers",
    "witnesses",
    "protesters",
    "diplomats",
    "sources",
    "activists",
    "workers",
    "students",
    "doctors",
    "police",
    "authorities",
    "leaders",
    "members",
    "investigators",
    "prosecutors",
    "observers",
    "economists",
    "scientists",
    "researchers",
    "supporters",
    "opponents",
    "organizers",
    "organisers",
    "officers",
    "spokespeople",
    "aides",
    "ministers",
    "villagers",
    "farmers",
    "parents",
    "teachers",
    "fans",
    "voters",
    "citizens",
    "people",
];

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "He", "She", "they", "They"];
const GROUP_DETERMINERS: &[&str] = &[
    "some", "the", "many", "several", "other", "two", "three", "four", "most", "a", "few", "Some",
    "The", "Many", "Several",
];
const PREPOSITIONS: &[&str] = &[
    "to", "at", "on", "with", "about", "for", "against", "from", "of", "by", "into", "toward",
    "towards", "than", "between", "over",
];

/// The last attribution: (paragraph, speaker name, speaker entity, cue).
type Attributed = (usize, Option<String>, Option<usize>, Option<String>);

/// A possible speaker found in the text.
#[derive(Debug, Clone)]
enum Speaker {
    Entity(usize),
    Group(String),
    Pronoun,
}

/// Finds quotes with speakers. Offsets in the output are byte offsets (converted by the caller).
#[must_use]
pub fn find(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    mentions: &[MentionRef],
    headings: &[Range<usize>],
) -> Vec<Quote> {
    // A quote in a headline has no attribution of its own; the body quotes it again.
    let spans: Vec<_> = quote_spans(text)
        .into_iter()
        .filter(|(inner, _)| !headings.iter().any(|h| h.contains(&inner.start)))
        .collect();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<Attributed> = None;
    let paragraph_of = |byte: usize| text[..byte].matches("\n\n").count();
    let mut skip_until = 0;
    for (index, (inner, outer)) in spans.iter().enumerate() {
        if inner.start < skip_until {
            continue;
        }
        let inner = inner.clone();
        let mut second: Option<Range<usize>> = None;
        let mut attribution = after_quote(text, tokens, mentions, outer.end);
        // “A,” he said, “B.” — join the second part.
        if let Some((_, _, attribution_end)) = &attribution
            && let Some((next_inner, _)) = spans.get(index + 1)
            && text[*attribution_end..next_inner.start]
                .trim()
                .trim_start_matches(',')
                .trim()
                .chars()
                .all(|c| matches!(c, '“' | '"'))
            && paragraph_of(next_inner.start) == paragraph_of(inner.start)
        {
            second = Some(next_inner.clone());
            skip_until = next_inner.end;
        }
        if attribution.is_none() {
            attribution = before_quote(text, tokens, mentions, outer.start).map(|(s, c)| (s, c, 0));
        }
        // No speech verb: a partial quote belongs to the sentence's subject, if one is named.
        let subject = if attribution.is_none() {
            sentence_subject(text, tokens, entities, mentions, outer.start)
        } else {
            None
        };
        let paragraph = paragraph_of(inner.start);
        let (speaker, speaker_entity, cue) = match attribution {
            Some((speaker, cue, _)) => {
                let (name, entity) =
                    resolve(text, tokens, entities, mentions, speaker, inner.start);
                (name, entity, Some(cue))
            }
            None => match (&previous, subject) {
                (_, Some(id)) if !text[inner.clone()].contains(['.', '!', '?']) => {
                    (Some(entities[id].name.clone()), Some(id), None)
                }
                (Some((p, name, entity, cue)), _) if *p == paragraph || *p + 1 == paragraph => {
                    (name.clone(), *entity, cue.clone())
                }
                _ => (None, None, None),
            },
        };
        previous = Some((paragraph, speaker.clone(), speaker_entity, cue.clone()));
        let mut quoted = text[inner.clone()].trim_end_matches([',', ' ']).to_owned();
        let mut end = inner.end;
        if let Some(second) = second {
            quoted.push(' ');
            quoted.push_str(&text[second.clone()]);
            end = second.end;
        }
        quotes.push(Quote {
            text: quoted,
            speaker,
            speaker_entity,
            cue,
            start: inner.start,
            end,
        });
    }
    quotes
}

/// (inner, outer) byte ranges of double-quoted spans, curly or straight, within one paragraph.
fn quote_spans(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((i, '”')),
            (None, '"') => open = Some((i, '"')),
            (Some((start, close)), c) if c == close => {
                let inner = start + c.len_utf8()..i;
                if text[inner.clone()].chars().any(char::is_alphanumeric) {
                    spans.push((inner, start..i + c.len_utf8()));
                }
                open = None;
            }
            (Some(_), '\n') if text[i..].starts_with("\n\n") => open = None,
            _ => {}
        }
    }
    spans
}

fn token_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.start < byte)
}

fn mention_at(mentions: &[MentionRef], start: usize) -> Option<&MentionRef> {
    mentions.iter().find(|m| m.start == start)
}

/// “…,” Petro said / “…,” said Petro / “…,” he insisted / “…,” some advisers warned.
fn after_quote(
    text: &str,
    tokens: &[Token],
    mentions: &[MentionRef],
    quote_end: usize,
) -> Option<(Speaker, String, usize)> {
    let mut i = token_at(tokens, quote_end);
    // The attribution belongs to the quote's own sentence, never to the next one.
    let quote_sentence = tokens.get(i.checked_sub(1)?)?.sentence;
    if tokens.get(i).is_none_or(|t| t.sentence != quote_sentence) {
        return None;
    }
    if tokens.get(i).is_some_and(|t| t.text(text) == ",") {
        i += 1;
    }
    let word = |k: usize| tokens.get(k).map(|t| t.text(text)).unwrap_or("");
    // cue + speaker
    if CUES.contains(&word(i)) {
        let cue = word(i).to_owned();
        if let Some((speaker, end)) = speaker_at(text, tokens, mentions, i + 1) {
            return Some((speaker, cue, end));
        }
    }
    // speaker + cue
    let (speaker, next) = speaker_at(text, tokens, mentions, i)?;
    let next_token = token_at(tokens, next);
    let cue_index = (next_token..next_token + 2).find(|k| CUES.contains(&word(*k)))?;
    Some((speaker, word(cue_index).to_owned(), tokens[cue_index].end))
}

/// A speaker starting at token `i`: an entity mention, a subject pronoun, or a group NP.
/// Returns it and the byte offset after it.
fn speaker_at(
    text: &str,
    tokens: &[Token],
    mentions: &[MentionRef],
    i: usize,
) -> Option<(Speaker, usize)> {
    let t = tokens.get(i)?;
    if let Some(m) = mention_at(mentions, t.start) {
        return Some((Speaker::Entity(m.entity), m.end));
    }
    // A title before the name: "Finance Minister Rachel Reeves".
    let capitalized = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
        })
    };
    if capitalized(i) {
        let mut k = i + 1;
        while k < i + 4 && capitalized(k) {
            if let Some(m) = mention_at(mentions, tokens[k].start) {
                return Some((Speaker::Entity(m.entity), m.end));
            }
            k += 1;
        }
    }
    let w = t.text(text);
    if SUBJECT_PRONOUNS.contains(&w) {
        return Some((Speaker::Pronoun, t.end));
    }
    group_at(text, tokens, i).map(|(g, end)| (Speaker::Group(g), end))
}

/// "some advisers", "the foreign ministry officials": determiner, up to two words, group noun.
fn group_at(text: &str, tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let first = tokens.get(i)?;
    let start_word = first.text(text);
    let body_start = if GROUP_DETERMINERS.contains(&start_word) {
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
        if GROUP_NOUNS.contains(&w) {
            return Some((text[first.start..t.end].to_owned(), t.end));
        }
        // Only modifiers may stand between the determiner and the noun.
        if STOPWORDS.contains(&w.to_lowercase().as_str()) {
            return None;
        }
    }
    None
}

/// The speech verb before the quote in its sentence, and that verb's subject.
fn before_quote(
    text: &str,
    tokens: &[Token],
    mentions: &[MentionRef],
    quote_start: usize,
) -> Option<(Speaker, String)> {
    let q = token_at(tokens, quote_start);
    let sentence = tokens.get(q.min(tokens.len().saturating_sub(1)))?.sentence;
    let sentence_start = tokens.iter().position(|t| t.sentence == sentence)?;
    let verb = (sentence_start..q)
        .rev()
        .find(|k| CUES.contains(&tokens[*k].text(text)))?;
    let cue = tokens[verb].text(text).to_owned();
    subject_before(text, tokens, mentions, sentence_start, verb).map(|s| (s, cue))
}

/// The first person or organisation named as a subject (not after a preposition, not possessive)
/// in the sentence before `before`.
fn sentence_subject(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    mentions: &[MentionRef],
    before: usize,
) -> Option<usize> {
    let q = token_at(tokens, before).min(tokens.len().saturating_sub(1));
    let sentence = tokens.get(q)?.sentence;
    let start = tokens.iter().position(|t| t.sentence == sentence)?;
    let word = |k: usize| tokens[k].text(text);
    (start..q).find_map(|k| {
        let m = mention_at(mentions, tokens[k].start)?;
        let after_preposition = k > start && PREPOSITIONS.contains(&word(k - 1));
        let next = token_at(tokens, m.end);
        let possessive = tokens
            .get(next)
            .is_some_and(|t| matches!(t.text(text), "’s" | "'s"));
        (entities[m.entity].kind != super::entities::Kind::Location && !after_preposition && !possessive)
            .then_some(m.entity)
    })
}

/// The nearest subject-like speaker before token `verb`: relative clauses (", who …,") and
/// objects of prepositions and possessives are skipped.
fn subject_before(
    text: &str,
    tokens: &[Token],
    mentions: &[MentionRef],
    from: usize,
    verb: usize,
) -> Option<Speaker> {
    let word = |k: usize| tokens[k].text(text);
    // Mark tokens inside ", who/which/whose … ," clauses.
    let mut skipped = vec![false; verb.saturating_sub(from)];
    let mut k = from;
    while k < verb {
        if word(k) == ","
            && k + 1 < verb
            && matches!(word(k + 1), "who" | "which" | "whose" | "whom")
        {
            let close = (k + 1..verb).find(|j| word(*j) == ",").unwrap_or(verb);
            for s in k..close.min(verb) {
                skipped[s - from] = true;
            }
            k = close;
        }
        k += 1;
    }
    let mut best: Option<Speaker> = None;
    let mut k = from;
    while k < verb {
        if skipped[k - from] {
            k += 1;
            continue;
        }
        let after_preposition = k > from && PREPOSITIONS.contains(&word(k - 1));
        if let Some((speaker, end)) = speaker_at(text, tokens, mentions, k) {
            let next = token_at(tokens, end);
            let possessive = tokens
                .get(next)
                .is_some_and(|t| matches!(t.text(text), "’s" | "'s"));
            if !after_preposition && !possessive {
                best = Some(speaker);
            }
            k = next.max(k + 1);
        } else {
            k += 1;
        }
    }
    best
}

/// Names a speaker; pronouns resolve to the nearest earlier person mention (in this sentence,
/// else the first person of the nearest earlier sentence that has one).
fn resolve(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    mentions: &[MentionRef],
    speaker: Speaker,
    at: usize,
) -> (Option<String>, Option<usize>) {
    let _ = text;
    match speaker {
        Speaker::Entity(id) => (Some(entities[id].name.clone()), Some(id)),
        Speaker::Group(group) => (Some(group), None),
        Speaker::Pronoun => {
            let sentence = tokens
                .get(token_at(tokens, at).min(tokens.len().saturating_sub(1)))
                .map_or(0, |t| t.sentence);
            let is_person = |m: &&MentionRef| entities[m.entity].kind == super::entities::Kind::Person;
            let in_sentence = mentions
                .iter()
                .filter(is_person)
                .rfind(|m| m.sentence == sentence && m.start < at);
            let earlier = || {
                let previous_sentence = mentions
                    .iter()
                    .filter(is_person)
                    .filter(|m| m.sentence < sentence)
                    .map(|m| m.sentence)
                    .max()?;
                mentions
                    .iter()
                    .filter(is_person)
                    .find(|m| m.sentence == previous_sentence)
            };
            match in_sentence.or_else(earlier) {
                Some(m) => (Some(entities[m.entity].name.clone()), Some(m.entity)),
                None => (None, None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::entities;
    use super::super::tokens::{sentences, tokenize};
    use super::*;
    use crate::enrich::models::Models;

    fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let (found, mentions) = entities::find(
            Models::for_tests().entity_lookups(),
            text,
            &tokens,
            &[],
            None,
            entities::DatelineNames::default(),
        );
        find(text, &tokens, &found, &mentions, &[])
            .into_iter()
            .map(|q| (q.text, q.speaker, q.cue))
            .collect()
    }

    fn q(text: &str, speaker: &str, cue: &str) -> (String, Option<String>, Option<String>) {
        (
            text.to_owned(),
            Some(speaker.to_owned()),
            Some(cue.to_owned()),
        )
    }

    #[test]
    fn an_attribution_after_the_quote_names_the_speaker() {
        assert_eq!(
            quotes("Officials met Ana Ruiz. “We are ready,” Ruiz said."),
            [q("We are ready", "Ana Ruiz", "said")]
        );
        assert_eq!(
            quotes("“We are ready,” said Ana Ruiz."),
            [q("We are ready", "Ana Ruiz", "said")]
        );
    }

    #[test]
    fn a_pronoun_resolves_to_the_nearest_earlier_person() {
        assert_eq!(
            quotes("Ana Ruiz disagreed. “Not yet,” she insisted."),
            [q("Not yet", "Ana Ruiz", "insisted")]
        );
    }

    #[test]
    fn split_quotes_are_joined() {
        assert_eq!(
            quotes("Tom Berg spoke. “First,” he said, “we wait.”"),
            [q("First we wait.", "Tom Berg", "said")]
        );
    }

    #[test]
    fn a_partial_quote_belongs_to_the_subject_of_the_speech_verb() {
        let got = quotes(
            "Tom Berg, who runs the port, has maintained that Ana Ruiz was “quite hostile” to the plan.",
        );
        assert_eq!(got, [q("quite hostile", "Tom Berg", "maintained")]);
    }

    #[test]
    fn a_group_can_be_the_speaker() {
        let got = quotes(
            "Ana Ruiz said some advisers had urged her to wait, warning that a vote could “complicate” talks.",
        );
        assert_eq!(got, [q("complicate", "some advisers", "warning")]);
    }

    #[test]
    fn a_quote_without_attribution_continues_the_previous_speaker() {
        let got = quotes("“We are ready,” Ana Ruiz said. “The vote is next week.”");
        assert_eq!(got[1], q("The vote is next week.", "Ana Ruiz", "said"));
    }

    #[test]
    fn an_attribution_in_the_next_paragraph_is_not_this_quotes() {
        let got = quotes("“It works,” Tom Berg said. “It is cheap.”\n\nAna Ruiz said it was not.");
        assert_eq!(got[1].1.as_deref(), Some("Tom Berg"));
    }
}
