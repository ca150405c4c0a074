//! Direct quotes and who said them, read the way a reporter reads them: a quote is text in
//! double marks ([`spans`]: multi-paragraph quotes joined, nested single quotes kept inside,
//! titles and slogans left out); its speaker is looked for in order ([`find`]):
//! 1. the quote's own sentence — a speech verb and its subject after the quote ("…," Okafor
//!    said / said Ms. Lindqvist / the lawmaker said), before it (Ruiz told reporters: "…") or
//!    in its middle ("…," he said, "…": two quotes, the second given the first one's speaker),
//!    or "according to X" ([`speaker`], [`attribution_after`], [`subject_walk`]); quoted words are never a speaker;
//! 2. a sentence ending with a colon just before a quote that stands alone (`colon`);
//! 3. the attribution of a later quote in the same sentence ("“A,” which …, “B,” she said");
//!    then, for a quote opening its paragraph, the introduction above its run of quote
//!    paragraphs: a sentence ending with a colon ("Ruiz outlined her plan:" / "- “…”") or a
//!    line that is only a name ("Senator Ana Ruiz on Morning Report") ([`introductions`]);
//! 4. the subject of the sentence before, when it has a speech verb (`previous_sentence`, or
//!    `running_quote` when that sentence holds the last quote and its speaker);
//! 5. the last speaker of a running quote in the same or the previous paragraph
//!    (`running_quote`);
//! 6. for words quoted inside the reporter's sentence, the sentence's named subject
//!    (`subject`).
//!
//! Pronouns resolve with gender across paragraphs ([`pronouns`]); speech verbs and noun cues
//! are data ([`cues`]). Every step looks up tables built once per article ([`index`]), so the
//! stage is linear in the text. Hand-written: quote attribution is newsroom-specific and no
//! kept crate does it.

pub mod attribution_after;
pub mod cues;
pub mod handles;
pub mod index;
pub mod introductions;
pub mod phrases;
pub mod pronouns;
mod reading;
pub mod signature;
pub mod speaker;
pub mod spans;
pub mod subject_walk;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_introductions;
#[cfg(test)]
mod tests_releases;
#[cfg(test)]
mod tests_sources;
#[cfg(test)]
mod tests_speakers;

use serde::{Deserialize, Serialize};

use self::index::{Index, token_at};
use self::speaker::{Attribution, Pattern, Speaker};
use super::entities::{self, Entity, MentionRef};
use super::headings::Headings;
use super::tokens::Token;
use crate::ExtractError;
use crate::deadline::Deadline;

/// One quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quote {
    pub text: String,
    /// The speaker: a linked entity's name, else the name or noun phrase as written ("the Ohio
    /// lawmaker", "some advisers"); null when unknown.
    pub speaker: Option<String>,
    /// Index into `entities`, when the speaker is one.
    pub speaker_entity: Option<usize>,
    /// How the speaker was found, so users can filter by confidence; null without a speaker.
    #[serde(default)]
    pub speaker_kind: Option<SpeakerKind>,
    /// The speech verb ("said", "insisted", "added", …) or "according to".
    pub cue: Option<String>,
    /// Character offsets of the quoted text (without the marks) in the record's text.
    pub start: usize,
    pub end: usize,
}

/// How a quote's speaker was found, from the most to the least direct.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A speech verb and its named or noun-phrase subject in the quote's sentence.
    Cue,
    /// A speech verb in the quote's sentence whose subject is a pronoun, resolved.
    Pronoun,
    /// "according to X" in the quote's sentence.
    AccordingTo,
    /// The sentence before a standalone quote ends with a colon and names the speaker.
    Colon,
    /// The quote continues the previous quote's speaker.
    RunningQuote,
    /// The subject of the sentence before (with a speech verb) or of the paragraph's lead.
    PreviousSentence,
    /// Words quoted in the reporter's sentence, given to the sentence's named subject.
    Subject,
}

/// Quoted words inside the reporter's sentence, this many or fewer, with no speech verb around
/// them, are a scare quote or a term ("the “festival”"), not speech: left out.
const SCARE_QUOTE_WORDS: usize = 3;

/// The speaker given to a quote: (name, entity, kind, cue).
type Given = (Option<String>, Option<usize>, Option<SpeakerKind>, Option<String>);

/// Finds quotes with speakers. Offsets in the output are byte offsets (converted by the caller).
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per quote).
pub fn find(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    mentions: &[MentionRef],
    headings: &Headings,
    deadline: Deadline,
) -> Result<Vec<Quote>, ExtractError> {
    // A quote in a headline has no attribution of its own; the body quotes it again.
    let spans: Vec<_> = spans::quote_spans(text)
        .into_iter()
        .filter(|s| !headings.contains(s.outer.start))
        .collect();
    let index = Index::new(text, tokens, entities, mentions);
    let mut quotes: Vec<Quote> = Vec::new();
    // The last quote's paragraph (where it ended) and speaker.
    let mut previous: Option<(usize, Given)> = None;
    // “A,” he said, “B.”: the second part (starting at this byte) is its own quote with the
    // first part's speaker.
    let mut carried: Option<(usize, Given)> = None;
    let mut previous_end = 0;
    for (position, span) in spans.iter().enumerate() {
        deadline.check()?;
        let quoted = span.text(text);
        if names_a_thing(&index, span, &quoted) {
            continue;
        }
        let end = span.inner().end;
        let mut attribution = signature::signed(&index, span.outer.end)
            .or_else(|| attribution_after::after_quote(&index, span.outer.end));
        if let Some((_, _, _, attribution_end)) = &attribution
            && let Some(next) = spans.get(position + 1)
            && *attribution_end <= next.outer.start
            && text[*attribution_end..next.outer.start]
                .trim()
                .trim_start_matches(',')
                .trim()
                .is_empty()
            && index.paragraph_of(next.outer.start) == index.paragraph_of(span.outer.end)
            && let Some(found) = attribution.clone()
        {
            carried = Some((next.outer.start, given_by(&index, found, span.outer.start)));
        }
        let carry = carried
            .take_if(|(at, _)| *at == span.outer.start)
            .map(|(_, given)| given);
        if attribution.is_none() && carry.is_none() {
            attribution = subject_walk::before_quote(&index, span.outer.start);
        }
        let standalone = starts_sentence(&index, span.outer.start);
        if attribution.is_none()
            && !standalone
            && spans::looks_like_title(&quoted)
            && !has_noun_cue(&index, span.outer.start)
        {
            continue;
        }
        let given: Given = match attribution {
            Some(found) => {
                let last = match &found.0 {
                    Speaker::Pronoun(p) => last_speaker_as_pronoun(
                        &index,
                        (p, &found.1),
                        previous.as_ref(),
                        previous_end,
                        span.outer.start,
                    ),
                    _ => None,
                };
                last.unwrap_or_else(|| given_by(&index, found, span.outer.start))
            }
            None if text[..span.outer.start].trim_end().ends_with(':') && !standalone => {
                // "Sunak defended the record: “…”": the colon's sentence speaks; a list item's
                // lead ("- On tariffs: “…”") names none, the line heading the list does.
                colon_speaker(&index, span.outer.start)
                    .filter(|given| given.0.is_some())
                    .or_else(|| introductions::run_introduction(&index, span.outer.start))
                    .unwrap_or_default()
            }
            None if carry.is_some() => carry.unwrap_or_default(),
            None if standalone => colon_speaker(&index, span.outer.start)
                .or_else(|| later_in_sentence(&index, &spans[position + 1..], span.outer.start))
                .or_else(|| running_from_sentence_before(&index, previous.as_ref(), span.outer.start))
                .or_else(|| introductions::run_introduction(&index, span.outer.start))
                .or_else(|| {
                    previous_sentence_speaker(&index, span.outer.start).map(|mut given| {
                        // The sentence before is the last quote's own: a running quote.
                        if previous.as_ref().is_some_and(|(_, g)| g.0 == given.0) {
                            given.2 = Some(SpeakerKind::RunningQuote);
                        }
                        given
                    })
                })
                .or_else(|| {
                    previous
                        .as_ref()
                        .filter(|(p, g)| {
                            g.0.is_some()
                                && running_reach(&index, *p, g, previous_end, span.outer.start)
                        })
                        .map(|(_, (name, entity, _, cue))| {
                            (name.clone(), *entity, Some(SpeakerKind::RunningQuote), cue.clone())
                        })
                })
                .or_else(|| person_opening_sentence_before(&index, span.outer.start))
                .unwrap_or_default(),
            None => match index.sentence_subject(span.outer.start) {
                Some(id)
                    if !quoted.contains(['.', '!', '?'])
                        && quoted.split_whitespace().count() > SCARE_QUOTE_WORDS =>
                (
                    Some(entities[id].name.clone()),
                    Some(id),
                    Some(SpeakerKind::Subject),
                    None,
                ),
                _ => (None, None, None, None),
            },
        };
        if given.0.is_none() && !standalone && quoted.split_whitespace().count() <= SCARE_QUOTE_WORDS
        {
            // A scare quote or a term in the reporter's words, nobody's speech.
            continue;
        }
        previous = Some((index.paragraph_of(end), given.clone()));
        previous_end = span.outer.end;
        let (speaker, speaker_entity, speaker_kind, cue) = given;
        quotes.push(Quote {
            text: quoted.trim_end_matches([',', ' ']).to_owned(),
            speaker,
            speaker_entity,
            speaker_kind,
            cue,
            start: span.inner().start,
            end,
        });
    }
    Ok(quotes)
}

/// "“…,” says Fontana. “…,” he adds.": a pronoun speaker right after a quote is that quote's
/// speaker when no other person is named in between and the gender fits.
fn last_speaker_as_pronoun(
    index: &Index<'_>,
    (pronoun, cue): (&str, &str),
    previous: Option<&(usize, Given)>,
    previous_end: usize,
    at: usize,
) -> Option<Given> {
    let wanted = pronouns::gender_of(pronoun)?;
    let (paragraph, (name, entity, kind, _)) = previous?;
    let here = index.paragraph_of(at);
    // A speaker the text names (an entity or a name the tagger missed), not a noun phrase.
    let named = entity.is_some() || matches!(kind, Some(SpeakerKind::Cue | SpeakerKind::Colon));
    // Further back than the next paragraph only when nobody else is named in between (checked
    // below): "“…,” he said. / Lee also expressed concern … / “…,” he said."
    if name.is_none()
        || !named
        || here > paragraph + RUNNING_PARAGRAPHS
        || entity.is_some_and(|e| {
            index.entities[e].kind != entities::Kind::Person
                || index.gender[e].is_some_and(|g| g != wanted)
        })
        || entity.is_none() && name.as_deref().is_some_and(|n| n.starts_with(char::is_lowercase))
    {
        return None;
    }
    let persons = &index.persons;
    let from = persons.partition_point(|m| m.start < previous_end);
    let to = persons.partition_point(|m| m.start < at);
    if persons[from..to.max(from)].iter().any(|m| Some(m.entity) != *entity) {
        return None;
    }
    Some((name.clone(), *entity, Some(SpeakerKind::Pronoun), Some(cue.to_owned())))
}

/// How many paragraphs back a running quote's speaker carries over paragraphs that name no
/// other person (a photo caption, a line of background between two quotes of one speaker).
const RUNNING_PARAGRAPHS: usize = 3;

/// Whether a standalone quote at byte `at` continues the last quote, which ended at byte
/// `previous_end` in paragraph `paragraph` with speaker `given`: it is in the same or the next
/// paragraph, or at most [`RUNNING_PARAGRAPHS`] on with no other person named between (the
/// speaker's own full name in a caption, "Hori Parata at his farm", is no other person).
fn running_reach(
    index: &Index<'_>,
    paragraph: usize,
    given: &Given,
    previous_end: usize,
    at: usize,
) -> bool {
    let here = index.paragraph_of(at);
    if here <= paragraph + 1 {
        return true;
    }
    if here > paragraph + RUNNING_PARAGRAPHS {
        return false;
    }
    let persons = &index.persons;
    let from = persons.partition_point(|m| m.start < previous_end);
    let to = persons.partition_point(|m| m.start < at);
    let surname = |name: &str| name.split_whitespace().last().map(str::to_lowercase);
    let speaker = given.0.as_deref().and_then(surname);
    persons[from..to.max(from)].iter().all(|m| {
        Some(m.entity) == given.1 || speaker.is_some() && surname(&index.entities[m.entity].name) == speaker
    })
}

/// The last quote's speaker when that quote sits in the sentence right before a standalone
/// quote ("“…,” states Slayton. “…”"): a running quote.
fn running_from_sentence_before(
    index: &Index<'_>,
    previous: Option<&(usize, Given)>,
    outer_start: usize,
) -> Option<Given> {
    let (_, (name, entity, _, cue)) = previous.filter(|(_, g)| g.0.is_some())?;
    let q = token_at(index.tokens, outer_start);
    let before = index.tokens.get(q.checked_sub(1)?)?;
    if index.paragraph_of(before.start) != index.paragraph_of(outer_start) {
        return None;
    }
    // The sentence before holds a quote whose speaker is the last one found.
    let sentence = before.sentence;
    let holds_quote = (index.sentence_start(sentence)..q).any(|k| index.in_quote(index.tokens[k].start));
    holds_quote.then(|| (name.clone(), *entity, Some(SpeakerKind::RunningQuote), cue.clone()))
}

/// Whether the sentence of byte `at` holds a noun cue ("in a statement", "a spokesman").
fn has_noun_cue(index: &Index<'_>, at: usize) -> bool {
    let q = token_at(index.tokens, at);
    let Some(sentence) = index.tokens.get(q).map(|t| t.sentence) else {
        return false;
    };
    (index.sentence_start(sentence)..index.sentence_end(sentence))
        .any(|k| cues::NOUN_CUES.contains(&index.word(k)))
}

/// Whether the quote opening at byte `outer_start` starts its sentence (nothing but marks or
/// a dash before it there).
fn starts_sentence(index: &Index<'_>, outer_start: usize) -> bool {
    let q = token_at(index.tokens, outer_start);
    let Some(sentence) = index.tokens.get(q).map(|t| t.sentence) else {
        return true;
    };
    let start = index.sentence_start(sentence);
    (start..q).all(|k| index.tokens[k].kind == crate::enrich::tokens::TokenKind::Punct)
}

/// Names an attribution's speaker.
fn given_by(index: &Index<'_>, (found, cue, pattern, _): Attribution, at: usize) -> Given {
    let pronoun = matches!(found, Speaker::Pronoun(_));
    let (name, entity) = name_of(index, found, at);
    let kind = match pattern {
        Pattern::AccordingTo => SpeakerKind::AccordingTo,
        Pattern::Verb if pronoun => SpeakerKind::Pronoun,
        Pattern::Verb => SpeakerKind::Cue,
    };
    (name.clone(), entity, name.map(|_| kind), Some(cue))
}

/// The name (as the record gives it) and entity of a speaker.
fn name_of(index: &Index<'_>, found: Speaker, at: usize) -> (Option<String>, Option<usize>) {
    match found {
        Speaker::Entity(id) => (Some(index.entities[id].name.clone()), Some(id)),
        Speaker::Name(name) => match index.link(&name, false) {
            Some(id) => (Some(index.entities[id].name.clone()), Some(id)),
            None => (Some(name), None),
        },
        Speaker::Phrase(phrase) => {
            let entity = index.link(&phrase, true);
            (Some(phrase), entity)
        }
        Speaker::Pronoun(pronoun) if cues::ORGANISATION_PRONOUNS.contains(&pronoun.as_str()) => {
            match pronouns::resolve_organisation(index, at) {
                Some(id) => (Some(index.entities[id].name.clone()), Some(id)),
                None => (None, None),
            }
        }
        Speaker::Pronoun(pronoun) => match pronouns::resolve(index, &pronoun, at) {
            Some(pronouns::Referent::Person(m)) => (Some(index.entities[m.entity].name.clone()), Some(m.entity)),
            Some(pronouns::Referent::Handle(h)) => (Some(index.text[h.start..h.end].to_owned()), None),
            None => (None, None),
        },
    }
}

/// A sentence ending with a colon right before a standalone quote: its first speaker
/// ("Obama tweeted:", "Kelly Norris, horticulturist:").
fn colon_speaker(index: &Index<'_>, outer_start: usize) -> Option<Given> {
    let q = token_at(index.tokens, outer_start);
    let colon = q.checked_sub(1).filter(|k| index.word(*k) == ":")?;
    speaker_before_colon(index, colon, outer_start)
}

/// The speaker a sentence ending with the colon at token `colon` introduces, named for a quote
/// at byte `outer_start`.
fn speaker_before_colon(index: &Index<'_>, colon: usize, outer_start: usize) -> Option<Given> {
    let sentence = index.tokens[colon].sentence;
    let from = index.sentence_start(sentence);
    let verb = index.last_cue[colon];
    let found = match verb {
        Some(v) => subject_walk::subject_before(index, from, v),
        None => person_before_colon(index, from, colon)
            .or_else(|| subject_walk::first_speaker(index, from))
            .or_else(|| subject_walk::subject_before_verb(index, from, colon)),
    }?;
    let (name, entity) = name_of(index, found, outer_start);
    Some((name.clone(), entity, name.map(|_| SpeakerKind::Colon), verb.map(|v| index.word(v).to_owned())))
}

/// "Some testers were won over, including tester Paul Denholm: “…”": a person the tagger
/// found, named right before the colon of a sentence with no speech verb, introduces the quote
/// (not the sentence's subject, "Some testers").
fn person_before_colon(index: &Index<'_>, from: usize, colon: usize) -> Option<Speaker> {
    let last = colon.checked_sub(1).filter(|k| *k >= from)?;
    let (start, end) = (index.tokens[from].start, index.tokens[last].end);
    let persons = &index.persons;
    let before = persons.partition_point(|m| m.start < end);
    persons[..before]
        .iter()
        .rev()
        .take_while(|m| m.start >= start)
        .find(|m| m.end == end)
        .map(|m| Speaker::Entity(m.entity))
}

/// The attribution of a later quote in the same sentence ("“A,” which …, “B,” Fontana
/// explains."): the sentence's speaker.
fn later_in_sentence(index: &Index<'_>, later: &[spans::Span], outer_start: usize) -> Option<Given> {
    let sentence = index.tokens.get(token_at(index.tokens, outer_start))?.sentence;
    let next = later.first()?;
    let next_sentence = index.tokens.get(token_at(index.tokens, next.outer.start))?.sentence;
    if next_sentence != sentence {
        return None;
    }
    attribution_after::after_quote(index, next.outer.end).map(|found| given_by(index, found, outer_start))
}

/// The subject of the sentence before a standalone quote when that sentence has a speech verb
/// ("Wilkins also said the show was late. “…”"), in the same or the previous paragraph.
fn previous_sentence_speaker(index: &Index<'_>, outer_start: usize) -> Option<Given> {
    let q = token_at(index.tokens, outer_start);
    let before = q.checked_sub(1)?;
    let t = index.tokens.get(before)?;
    // The sentence before may close the previous paragraph ("Ruiz said on Sunday the plan
    // was dead." / "“…”").
    if index.paragraph_of(t.start) + 1 < index.paragraph_of(outer_start) {
        return None;
    }
    let from = index.sentence_start(t.sentence);
    let (found, cue) = match index.last_cue[before] {
        Some(verb) => (
            subject_walk::subject_before(index, from, verb)?,
            Some(index.word(verb).to_owned()),
        ),
        None => opening_source(index, from)?,
    };
    // A pronoun subject ("… , he said.") resolves where it stands, not at the quote.
    let at = index.last_cue[before].map_or(outer_start, |verb| index.tokens[verb].start);
    let (name, entity) = name_of(index, found, at);
    Some((name.clone(), entity, name.map(|_| SpeakerKind::PreviousSentence), cue))
}

/// The source a sentence without a speech verb opens with: "According to Bongard, …" or a
/// person's point of view, "To Levin, …" / "For Lyon, …".
fn opening_source(index: &Index<'_>, from: usize) -> Option<(Speaker, Option<String>)> {
    let k = index.after_dateline(from);
    if let Some((found, _)) = speaker::according_to_at(index, k) {
        return Some((found, Some(cues::ACCORDING_TO.join(" "))));
    }
    if !cues::VIEWPOINT_OPENERS.contains(&index.word(k)) {
        return None;
    }
    let m = index.mention_at(index.tokens.get(k + 1)?.start)?;
    (index.entities[m.entity].kind == entities::Kind::Person
        && index.word(token_at(index.tokens, m.end)) == ",")
        .then_some((Speaker::Entity(m.entity), None))
}

/// Whether a quote names a thing rather than reports words: a title or name used as a noun in
/// the sentence (“Super Mario Run” will launch), or a short term inside a noun phrase (a
/// “post-truth” society, that “a-ha!” moment): a determiner before the marks, a lower-case
/// word right after them.
fn names_a_thing(index: &Index<'_>, span: &spans::Span, quoted: &str) -> bool {
    let tokens = index.tokens;
    if is_nickname(index, span, quoted) {
        return true;
    }
    let after = token_at(tokens, span.outer.end);
    let Some(next) = tokens.get(after) else {
        return false;
    };
    let word = index.word(after);
    let close = index.text[span.outer.end..next.start].trim().is_empty()
        && next.kind == crate::enrich::tokens::TokenKind::Word
        && word.starts_with(char::is_lowercase)
        && !cues::is_speech_verb(word)
        && tokens.get(after.wrapping_sub(1)).is_some_and(|t| t.sentence == next.sentence);
    if !close {
        return false;
    }
    // A comma or full stop inside the marks may end speech whose attribution follows ("“Not
    // yet,” she said"): then the marks are speech.
    let attribution_follows = cues::SUBJECT_PRONOUNS.contains(&word)
        || (after..after + 3).any(|k| cues::is_speech_verb(index.word(k)));
    let last = quoted.trim_end().chars().last();
    let ends_well = |c: char| c.is_alphanumeric() || matches!(c, ',' | '.') && !attribution_follows;
    if last.is_some_and(ends_well) && spans::looks_like_title(quoted) {
        return true;
    }
    let opening = token_at(tokens, span.outer.start);
    last.is_some_and(|c| ends_well(c) || matches!(c, '!' | '?'))
        && quoted.split_whitespace().count() <= TERM_WORDS
        && opening
            .checked_sub(1)
            .is_some_and(|k| cues::TERM_DETERMINERS.contains(&index.word(k)) && tokens[k].sentence == next.sentence)
}

/// The most words of a quoted term inside a noun phrase ([`names_a_thing`]).
const TERM_WORDS: usize = 4;

/// Whether quoted words are a nickname inside a name (George “Sonny” Perdue): one or two
/// capitalised words of letters only, the marks touching a capitalised word on each side.
fn is_nickname(index: &Index<'_>, span: &spans::Span, quoted: &str) -> bool {
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let plain = |w: &&str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    };
    if words.is_empty() || words.len() > 2 || !words.iter().all(plain) {
        return false;
    }
    let tokens = index.tokens;
    let (opening, after) = (token_at(tokens, span.outer.start), token_at(tokens, span.outer.end));
    let touches = |k: usize, gap: std::ops::Range<usize>| {
        reading::capitalised(index, k) && index.text.get(gap).is_some_and(|g| g.trim().is_empty())
    };
    opening.checked_sub(1).is_some_and(|before| touches(before, tokens[before].end..span.outer.start))
        && tokens.get(after).is_some_and(|next| touches(after, span.outer.end..next.start))
}

/// A standalone quote with no other source: the person who opens the sentence right before it,
/// in the same or the previous paragraph, when that sentence ends with a full stop ("Ana Ruiz,
/// the governor, was blunt." / "“…”"), as a reader takes it.
///
/// A quote opening its own paragraph (a list item, "- “…”") may also take a speaking noun
/// phrase that opens the previous paragraph's last sentence ("Audience reviewers gave it 67%."
/// / "- “…”").
fn person_opening_sentence_before(index: &Index<'_>, outer_start: usize) -> Option<Given> {
    let here = index.paragraph_of(outer_start);
    let punct = |k: usize| index.tokens[k].kind == crate::enrich::tokens::TokenKind::Punct;
    // A list marker or a dash opening the quote's paragraph is passed over.
    let mut last = token_at(index.tokens, outer_start).checked_sub(1)?;
    while punct(last) && index.paragraph_of(index.tokens[last].start) == here && index.word(last) != "." {
        last = last.checked_sub(1)?;
    }
    let before = index.tokens.get(last)?;
    let there = index.paragraph_of(before.start);
    if !(there == here || there + 1 == here) || index.word(last) != "." {
        return None;
    }
    let start = index.sentence_start(before.sentence);
    if let Some(id) = index.sentence_subject(before.start)
        && index.mention_at(index.tokens.get(start)?.start).is_some_and(|m| m.entity == id)
        && index.entities[id].kind == entities::Kind::Person
    {
        return Some((
            Some(index.entities[id].name.clone()),
            Some(id),
            Some(SpeakerKind::PreviousSentence),
            None,
        ));
    }
    if there == here {
        return None;
    }
    // Quoted words and marks at the sentence's opening are no part of the phrase's head.
    let first = (start..last).find(|k| !punct(*k) && !index.in_quote(index.tokens[*k].start))?;
    match speaker::speaker_at(index, first, false)? {
        (Speaker::Phrase(phrase), _) => {
            let entity = index.link(&phrase, true);
            Some((Some(phrase), entity, Some(SpeakerKind::PreviousSentence), None))
        }
        _ => None,
    }
}
