//! Quotes standing under an introduction in an earlier paragraph: a sentence ending with a
//! colon that names the speaker ("The minister set out her plan:" / "- “…”" / "- “…”"), or a
//! line that is only a name ("Senator Ana Ruiz", "Minister Ruiz on Morning Report", "Harbour
//! Workers Union") above the quotes it heads. The quote paragraphs between the introduction
//! and the quote belong to the same run; one with an attribution of its own, or a paragraph of
//! prose, ends it.

use std::ops::Range;

use super::cues::{NAME_TITLES, PERSON_NOUNS, ROLE_MODIFIERS, is_speech_verb};
use super::index::{Index, Speaker, token_at};
use super::phrases::name_at;
use super::{Given, SpeakerKind, name_of, speaker_before_colon};
use crate::enrich::entities::Kind;
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// How many words a lead before a quote in a list item may take ("- On tariffs: “…”").
const LEAD_WORDS: usize = 16;

/// How many quote paragraphs a run may hold above the quote before its introduction.
const RUN_PARAGRAPHS: usize = 12;

/// How many tokens a line naming a source may take ("U.S. Senator Ana Ruiz (D-Ore.),
/// Chairman of the Senate Committee on Fisheries").
const HEADING_TOKENS: usize = 32;

/// Lower-case words a line naming a source may hold ("Secretary of State … on Face the
/// Nation").
const HEADING_CONNECTORS: &[&str] = &["of", "on", "and", "the", "for", "in", "at", "to", "de", "du", "la"];

/// Words of page furniture that a title-case line may hold ("Advertisement", "Read More",
/// "Related Coverage", "Watch Live"): such a line names no source.
const PAGE_FURNITURE: &[&str] = &[
    "advertisement", "advert", "sponsored", "related", "read", "more", "watch", "listen", "share", "subscribe",
    "photo", "photos", "video", "videos", "gallery", "comments", "comment", "update", "updated", "newsletter",
    "sign", "click", "continue", "story", "live", "also", "see", "top", "latest",
];

/// The speaker the introduction of the quote opening at byte `outer_start` names, when the
/// quote opens its paragraph (after a list marker or a short lead ending with a colon).
pub fn run_introduction(index: &Index<'_>, outer_start: usize) -> Option<Given> {
    let here = index.paragraph_of(outer_start);
    if !opens_quote_paragraph(index, index.paragraph_range(here), outer_start) {
        return None;
    }
    let mut steps = 0;
    for p in (0..here).rev() {
        let range = index.paragraph_range(p);
        if index.text[range.clone()].trim().is_empty() {
            continue;
        }
        let first_quote = first_quote_mark(index, &range);
        if first_quote.is_some_and(|q| opens_quote_paragraph(index, range.clone(), q)) {
            if has_own_cue(index, &range) || steps >= RUN_PARAGRAPHS {
                return None;
            }
            steps += 1;
            continue;
        }
        return introduced_by(index, range, outer_start);
    }
    None
}

/// The byte of the first opening quote mark in a paragraph.
fn first_quote_mark(index: &Index<'_>, range: &Range<usize>) -> Option<usize> {
    index.text[range.clone()]
        .find(['“', '"'])
        .map(|at| range.start + at)
}

/// Whether the quote opening at byte `quote` opens its paragraph `range`: nothing but a list
/// marker before it, or a short lead ending with a colon ("- On tariffs: “…”").
fn opens_quote_paragraph(index: &Index<'_>, range: Range<usize>, quote: usize) -> bool {
    let before = index.text[range.start..quote.max(range.start)].trim();
    let before = before
        .strip_prefix(['-', '*', '•', '–', '—'])
        .map_or(before, str::trim_start);
    before.is_empty() || before.ends_with(':') && before.split_whitespace().count() <= LEAD_WORDS
}

/// Whether a quote paragraph has an attribution of its own: a speech verb outside the marks.
fn has_own_cue(index: &Index<'_>, range: &Range<usize>) -> bool {
    let tokens = index.tokens;
    (token_at(tokens, range.start)..token_at(tokens, range.end))
        .any(|k| !index.in_quote(tokens[k].start) && is_speech_verb(index.word(k)))
}

/// The speaker named by the paragraph `range` above a run of quotes: its colon's sentence, or
/// the name it consists of.
fn introduced_by(index: &Index<'_>, range: Range<usize>, outer_start: usize) -> Option<Given> {
    let tokens = index.tokens;
    let (first, end) = (token_at(tokens, range.start), token_at(tokens, range.end));
    let last = end.checked_sub(1).filter(|k| *k >= first)?;
    if index.word(last) == ":" {
        return speaker_before_colon(index, last, outer_start);
    }
    let found = heading_source(index, first, end)?;
    let (name, entity) = name_of(index, found, outer_start);
    Some((name.clone(), entity, name.map(|_| SpeakerKind::PreviousSentence), None))
}

/// The source a line of tokens `first..end` names, when it is only a name: title-case words
/// (a few lower-case connectors, numbers, brackets and commas aside) with no closing
/// punctuation. The source is the part before the first comma or bracket and before " on "
/// (a programme: "Minister Ruiz on Morning Report"): a person named in it, else the
/// organisation or name it is.
fn heading_source(index: &Index<'_>, first: usize, end: usize) -> Option<Speaker> {
    if end - first > HEADING_TOKENS {
        return None;
    }
    let title_case = (first..end).all(|k| match index.tokens[k].kind {
        TokenKind::Word => {
            let w = index.word(k);
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || HEADING_CONNECTORS.contains(&w)
        }
        _ => !matches!(index.word(k), "!" | "?" | ":" | ";" | "“" | "”" | "\""),
    });
    // "U.S." and "L." are words with a full stop: only a stop closing the line is punctuation.
    let closed = index.text[index.tokens[first].start..index.tokens[end - 1].end]
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';']);
    if !title_case || closed || !index.word(first).starts_with(char::is_uppercase) {
        return None;
    }
    let head_end = (first..end)
        .find(|k| matches!(index.word(*k), "," | "(" | "on" | "-" | "—" | "–" | "|"))
        .unwrap_or(end);
    let last = head_end.checked_sub(1).filter(|k| *k >= first)?;
    let (start, stop) = (index.tokens[first].start, index.tokens[last].end);
    // A name of common words only ("And", "The End") names nobody.
    let named = (first..=last).any(|k| {
        index.tokens[k].kind == TokenKind::Word
            && index.word(k).starts_with(char::is_uppercase)
            && !STOPWORDS.contains(index.word(k).to_lowercase().as_str())
    });
    let furniture = (first..end).any(|k| PAGE_FURNITURE.contains(&index.word(k).to_lowercase().as_str()));
    if !named || furniture {
        return None;
    }
    // A person the tagger found closing the head part ("Secretary of State Ana Ruiz").
    let persons = &index.persons;
    let from = if index.persons_ordered { persons.partition_point(|m| m.start < start) } else { 0 };
    let person = persons[from..]
        .iter()
        .take_while(|m| !index.persons_ordered || m.start < stop)
        .find(|m| m.start >= start && m.end == stop)
        .map(|m| Speaker::Entity(m.entity));
    if person.is_some() {
        return person;
    }
    // An organisation (or a person of another kind's name) the tagger found, spanning it.
    if let Some(m) = index.mention_at(start)
        && m.end == stop
        && index.entities[m.entity].kind != Kind::Location
    {
        return Some(Speaker::Entity(m.entity));
    }
    // A title before an untagged name: "Chairman Ana Ruiz".
    let role = |k: usize| {
        let w = index.word(k);
        let lower = w.to_lowercase();
        NAME_TITLES.contains(&w) || PERSON_NOUNS.contains(lower.as_str()) || ROLE_MODIFIERS.contains(&lower.as_str())
    };
    if role(first)
        && let Some((Speaker::Name(name), name_last)) = name_at(index, first)
        && name_last == last
    {
        return Some(Speaker::Name(name));
    }
    // A place alone names no speaker.
    if index.mention_at(start).is_some_and(|m| index.entities[m.entity].kind == Kind::Location && m.end == stop) {
        return None;
    }
    Some(Speaker::Name(index.text[start..stop].to_owned()))
}
