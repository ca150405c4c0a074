//! Direct quotes and who said them. Quotes are text in straight or curly double quotes; the
//! speaker comes from an attribution after the quote (“…,” Petro said / said Petro / he
//! insisted), else from the speech verb before it in the sentence and that verb's subject
//! (Sánchez added that … “…”), else from the previous quote in the paragraph (a continuation).
//! Pronouns resolve to the nearest earlier person; group noun phrases ("some advisers") speak
//! too. Hand-written: quote attribution is newsroom-specific and no kept crate does it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::entities::{Entity, MentionRef};
use super::headings::Headings;
use super::tokens::{Token, TokenKind};
use super::words::STOPWORDS;
use crate::ExtractError;
use crate::deadline::Deadline;

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
    let spans: Vec<_> = quote_spans(text)
        .into_iter()
        .filter(|(inner, _)| !headings.contains(inner.start))
        .collect();
    let index = Index::new(text, tokens, entities, mentions);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<Attributed> = None;
    let mut skip_until = 0;
    for (position, (inner, outer)) in spans.iter().enumerate() {
        deadline.check()?;
        if inner.start < skip_until {
            continue;
        }
        let inner = inner.clone();
        let mut second: Option<Range<usize>> = None;
        let mut attribution = after_quote(&index, outer.end);
        // “A,” he said, “B.” — join the second part.
        if let Some((_, _, attribution_end)) = &attribution
            && let Some((next_inner, _)) = spans.get(position + 1)
            && text[*attribution_end..next_inner.start]
                .trim()
                .trim_start_matches(',')
                .trim()
                .chars()
                .all(|c| matches!(c, '“' | '"'))
            && index.paragraph_of(next_inner.start) == index.paragraph_of(inner.start)
        {
            second = Some(next_inner.clone());
            skip_until = next_inner.end;
        }
        if attribution.is_none() {
            attribution = before_quote(&index, outer.start).map(|(s, c)| (s, c, 0));
        }
        // No speech verb: a partial quote belongs to the sentence's subject, if one is named.
        let subject = if attribution.is_none() {
            index.sentence_subject(outer.start)
        } else {
            None
        };
        let paragraph = index.paragraph_of(inner.start);
        let (speaker, speaker_entity, cue) = match attribution {
            Some((speaker, cue, _)) => {
                let (name, entity) = index.resolve(speaker, inner.start);
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
    Ok(quotes)
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

/// The speakers a subject walk accepted, each with the token it was accepted at.
type Walk = Rc<[(usize, Speaker)]>;

/// The text, tokens and mentions with the lookups quote attribution needs, built once per
/// article so each quote costs about the same however long the text is: paragraph breaks, the
/// mention starting at a byte, the last speech verb so far in each sentence, the person mentions
/// in order, and (per sentence, on first use) its subject candidates.
struct Index<'a> {
    text: &'a str,
    tokens: &'a [Token],
    entities: &'a [Entity],
    /// Byte offsets of the (non-overlapping) "\n\n" paragraph breaks.
    paragraph_breaks: Vec<usize>,
    /// The first mention starting at each byte.
    by_start: HashMap<usize, &'a MentionRef>,
    /// For each token, the last speech verb at or before it in its sentence.
    last_cue: Vec<Option<usize>>,
    /// Person mentions, in text order.
    persons: Vec<&'a MentionRef>,
    /// Whether `persons` is ordered by start and sentence (mentions normally are); when not,
    /// pronouns resolve by scanning.
    persons_ordered: bool,
    /// Per sentence: the first named subject (token, entity), see [`Index::sentence_subject`].
    subjects: RefCell<HashMap<usize, Option<(usize, usize)>>>,
    /// Per sentence start: the accepted speakers of the subject walk, see [`Index::subject_before`].
    walks: RefCell<HashMap<usize, Walk>>,
}

impl<'a> Index<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        entities: &'a [Entity],
        mentions: &'a [MentionRef],
    ) -> Self {
        let mut by_start = HashMap::with_capacity(mentions.len());
        for m in mentions {
            by_start.entry(m.start).or_insert(m);
        }
        let mut last_cue: Vec<Option<usize>> = Vec::with_capacity(tokens.len());
        for (k, t) in tokens.iter().enumerate() {
            let carried = if k > 0 && tokens[k - 1].sentence == t.sentence {
                last_cue[k - 1]
            } else {
                None
            };
            last_cue.push(if CUES.contains(&t.text(text)) {
                Some(k)
            } else {
                carried
            });
        }
        let persons: Vec<&MentionRef> = mentions
            .iter()
            .filter(|m| entities[m.entity].kind == super::entities::Kind::Person)
            .collect();
        let persons_ordered = persons
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].sentence <= w[1].sentence);
        Self {
            text,
            tokens,
            entities,
            paragraph_breaks: text.match_indices("\n\n").map(|(i, _)| i).collect(),
            by_start,
            last_cue,
            persons,
            persons_ordered,
            subjects: RefCell::new(HashMap::new()),
            walks: RefCell::new(HashMap::new()),
        }
    }

    /// The paragraph holding `byte`: the number of paragraph breaks wholly before it.
    fn paragraph_of(&self, byte: usize) -> usize {
        self.paragraph_breaks.partition_point(|b| b + 2 <= byte)
    }

    fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    fn mention_at(&self, start: usize) -> Option<&'a MentionRef> {
        self.by_start.get(&start).copied()
    }

    /// The first token of sentence `sentence` (tokens are in sentence order).
    fn sentence_start(&self, sentence: usize) -> usize {
        self.tokens.partition_point(|t| t.sentence < sentence)
    }

    /// The first person or organisation named as a subject (not after a preposition, not
    /// possessive) in the sentence before `before`.
    fn sentence_subject(&self, before: usize) -> Option<usize> {
        let tokens = self.tokens;
        let q = token_at(tokens, before).min(tokens.len().saturating_sub(1));
        let sentence = tokens.get(q)?.sentence;
        let first = *self
            .subjects
            .borrow_mut()
            .entry(sentence)
            .or_insert_with(|| self.first_subject(sentence));
        first.filter(|(k, _)| *k < q).map(|(_, entity)| entity)
    }

    /// The first token of `sentence` that starts a named subject, and its entity.
    fn first_subject(&self, sentence: usize) -> Option<(usize, usize)> {
        let tokens = self.tokens;
        let start = self.sentence_start(sentence);
        let end = tokens.partition_point(|t| t.sentence <= sentence);
        (start..end).find_map(|k| {
            let m = self.mention_at(tokens[k].start)?;
            let after_preposition = k > start && PREPOSITIONS.contains(&self.word(k - 1));
            let next = token_at(tokens, m.end);
            let possessive = matches!(self.word(next), "’s" | "'s");
            (self.entities[m.entity].kind != super::entities::Kind::Location
                && !after_preposition
                && !possessive)
                .then_some((k, m.entity))
        })
    }

    /// The nearest subject-like speaker before token `verb`, from token `from` (the start of the
    /// verb's sentence): relative clauses (", who …,") and objects of prepositions and
    /// possessives are skipped. The walk over the sentence does not depend on where the verb is,
    /// so it runs once per sentence and each verb takes the last speaker it accepted before it.
    fn subject_before(&self, from: usize, verb: usize) -> Option<Speaker> {
        let walk = Rc::clone(
            self.walks
                .borrow_mut()
                .entry(from)
                .or_insert_with(|| self.subject_walk(from)),
        );
        let before = walk.partition_point(|(k, _)| *k < verb);
        before
            .checked_sub(1)
            .map(|last| walk[last].1.clone())
    }

    /// The speakers the subject walk accepts in the sentence starting at token `from`, with the
    /// token each was accepted at.
    fn subject_walk(&self, from: usize) -> Walk {
        let tokens = self.tokens;
        let sentence = tokens[from].sentence;
        let end = tokens.partition_point(|t| t.sentence <= sentence);
        let word = |k: usize| self.word(k);
        // Mark tokens inside ", who/which/whose … ," clauses.
        let mut skipped = vec![false; end.saturating_sub(from)];
        let mut k = from;
        while k < end {
            if word(k) == ","
                && k + 1 < end
                && matches!(word(k + 1), "who" | "which" | "whose" | "whom")
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
        let mut k = from;
        while k < end {
            if skipped[k - from] {
                k += 1;
                continue;
            }
            let after_preposition = k > from && PREPOSITIONS.contains(&word(k - 1));
            if let Some((speaker, speaker_end)) = speaker_at(self, k) {
                let next = token_at(tokens, speaker_end);
                let possessive = matches!(word(next), "’s" | "'s");
                if !after_preposition && !possessive {
                    accepted.push((k, speaker));
                }
                k = next.max(k + 1);
            } else {
                k += 1;
            }
        }
        accepted.into()
    }

    /// Names a speaker; pronouns resolve to the nearest earlier person mention (in this
    /// sentence, else the first person of the nearest earlier sentence that has one).
    fn resolve(&self, speaker: Speaker, at: usize) -> (Option<String>, Option<usize>) {
        let entities = self.entities;
        match speaker {
            Speaker::Entity(id) => (Some(entities[id].name.clone()), Some(id)),
            Speaker::Group(group) => (Some(group), None),
            Speaker::Pronoun => {
                let tokens = self.tokens;
                let sentence = tokens
                    .get(token_at(tokens, at).min(tokens.len().saturating_sub(1)))
                    .map_or(0, |t| t.sentence);
                let found = if self.persons_ordered {
                    self.nearest_person(sentence, at)
                } else {
                    self.nearest_person_by_scan(sentence, at)
                };
                match found {
                    Some(m) => (Some(entities[m.entity].name.clone()), Some(m.entity)),
                    None => (None, None),
                }
            }
        }
    }

    /// [`Index::resolve`]'s person by binary search over the ordered person mentions.
    fn nearest_person(&self, sentence: usize, at: usize) -> Option<&'a MentionRef> {
        let persons = &self.persons;
        // Mentions before `at` lie in this sentence or earlier ones, so the last of them is the
        // nearest in this sentence if any is.
        let before_at = persons.partition_point(|m| m.start < at);
        let in_sentence = persons[..before_at]
            .last()
            .filter(|m| m.sentence == sentence)
            .copied();
        in_sentence.or_else(|| {
            let earlier = persons.partition_point(|m| m.sentence < sentence);
            let previous_sentence = persons[..earlier].last()?.sentence;
            persons
                .get(persons.partition_point(|m| m.sentence < previous_sentence))
                .copied()
        })
    }

    /// [`Index::resolve`]'s person by scanning, for mentions out of order.
    fn nearest_person_by_scan(&self, sentence: usize, at: usize) -> Option<&'a MentionRef> {
        let persons = &self.persons;
        let in_sentence = persons
            .iter()
            .rfind(|m| m.sentence == sentence && m.start < at)
            .copied();
        in_sentence.or_else(|| {
            let previous_sentence = persons
                .iter()
                .filter(|m| m.sentence < sentence)
                .map(|m| m.sentence)
                .max()?;
            persons
                .iter()
                .find(|m| m.sentence == previous_sentence)
                .copied()
        })
    }
}

/// “…,” Petro said / “…,” said Petro / “…,” he insisted / “…,” some advisers warned.
fn after_quote(index: &Index<'_>, quote_end: usize) -> Option<(Speaker, String, usize)> {
    let tokens = index.tokens;
    let mut i = token_at(tokens, quote_end);
    // The attribution belongs to the quote's own sentence, never to the next one.
    let quote_sentence = tokens.get(i.checked_sub(1)?)?.sentence;
    if tokens.get(i).is_none_or(|t| t.sentence != quote_sentence) {
        return None;
    }
    if index.word(i) == "," {
        i += 1;
    }
    let word = |k: usize| index.word(k);
    // cue + speaker
    if CUES.contains(&word(i)) {
        let cue = word(i).to_owned();
        if let Some((speaker, end)) = speaker_at(index, i + 1) {
            return Some((speaker, cue, end));
        }
    }
    // speaker + cue
    let (speaker, next) = speaker_at(index, i)?;
    let next_token = token_at(tokens, next);
    let cue_index = (next_token..next_token + 2).find(|k| CUES.contains(&word(*k)))?;
    Some((speaker, word(cue_index).to_owned(), tokens[cue_index].end))
}

/// A speaker starting at token `i`: an entity mention, a subject pronoun, or a group NP.
/// Returns it and the byte offset after it.
fn speaker_at(index: &Index<'_>, i: usize) -> Option<(Speaker, usize)> {
    let (text, tokens) = (index.text, index.tokens);
    let t = tokens.get(i)?;
    if let Some(m) = index.mention_at(t.start) {
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
            if let Some(m) = index.mention_at(tokens[k].start) {
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
fn before_quote(index: &Index<'_>, quote_start: usize) -> Option<(Speaker, String)> {
    let tokens = index.tokens;
    let q = token_at(tokens, quote_start);
    let sentence = tokens.get(q.min(tokens.len().saturating_sub(1)))?.sentence;
    let sentence_start = index.sentence_start(sentence);
    // The last speech verb in `sentence_start..q`: the tokens there are all in this sentence.
    let verb = if q > sentence_start {
        index.last_cue[q - 1]?
    } else {
        return None;
    };
    let cue = index.word(verb).to_owned();
    index.subject_before(sentence_start, verb).map(|s| (s, cue))
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
            Deadline::default(),
        )
        .unwrap();
        find(text, &tokens, &found, &mentions, &Headings::default(), Deadline::default())
            .unwrap()
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
