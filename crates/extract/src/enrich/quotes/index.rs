//! The lookups quote attribution needs, built once per article so each quote costs about the
//! same however long the text is: paragraph breaks, the mention starting at a byte, the last
//! speech verb so far in each sentence, person mentions in order with the gender the text gives
//! each person, entities by last name and by role word, and (per sentence, on first use) the
//! subject candidates of its speech verbs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::cues::{self, GENDERED_PRONOUNS, GENDERED_TITLES, PREPOSITIONS};
use super::handles::{self, Handle};
use crate::enrich::entities::{Entity, Kind, MentionRef};
use crate::enrich::tokens::Token;
use crate::enrich::words::STOPWORDS;

/// The token at or after byte `byte`.
pub fn token_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.start < byte)
}

/// The speakers a subject walk accepted, each with the token it was accepted at.
pub type Walk = Rc<[(usize, Speaker)]>;

/// A possible speaker found in the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Speaker {
    /// A tagged entity.
    Entity(usize),
    /// A capitalised name the tagger did not mark, as written.
    Name(String),
    /// A group or descriptive noun phrase, as written ("some advisers", "the Ohio lawmaker").
    Phrase(String),
    /// A subject pronoun, as written.
    Pronoun(String),
}

pub struct Index<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    /// Byte offsets of the (non-overlapping) "\n\n" paragraph breaks.
    paragraph_breaks: Vec<usize>,
    /// The first mention starting at each byte.
    by_start: HashMap<usize, &'a MentionRef>,
    /// For each token, the last speech verb at or before it in its sentence.
    pub last_cue: Vec<Option<usize>>,
    /// Person mentions, in text order: the tagger's, and a known person's name word the tagger
    /// left untagged ([`untagged_person_words`]).
    pub persons: Vec<MentionRef>,
    /// Whether `persons` is ordered by start and sentence (mentions normally are).
    pub persons_ordered: bool,
    /// Per entity: `Some(true)` female, `Some(false)` male, from titles and from the first
    /// gendered pronoun after its mention in the same sentence ("Ruiz said her plan …"; a
    /// pronoun in a later sentence is what resolution has to decide, so it does not vote);
    /// `None` unknown.
    pub gender: Vec<Option<bool>>,
    /// Entities by the lower-cased last word of their name and aliases (first entity wins;
    /// persons before others), to link names the tagger did not mark.
    by_last_word: HashMap<String, usize>,
    /// Entities by the lower-cased last word of their roles ("lawmaker" for "Ohio lawmaker").
    by_role_word: HashMap<String, usize>,
    /// Per sentence: the first named subject (token, entity).
    subjects: RefCell<HashMap<usize, Option<(usize, usize)>>>,
    /// Per sentence start: the accepted speakers of the subject walk.
    pub walks: RefCell<HashMap<usize, Walk>>,
    /// The quoted byte ranges (marks excluded), in text order.
    quoted: Vec<std::ops::Range<usize>>,
    /// User names used as speakers, in text order ([`handles`](super::handles)).
    pub handles: Vec<Handle>,
}

/// How many tokens a dateline may run before its dash.
const DATELINE_TOKENS: usize = 12;

fn last_word(s: &str) -> Option<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Person mentions the tagger missed: a capitalised word standing alone (no capitalised word
/// next to it) outside every mention, that is the one-word name, or the last word, of exactly
/// one person entity ("Once Vorst arrived" after "Ellen Vorst"), as a mention of that person.
pub(super) fn untagged_person_words(
    text: &str,
    tokens: &[Token],
    entities: &[Entity],
    mentions: &[MentionRef],
) -> Vec<MentionRef> {
    let mut by_word: HashMap<&str, Option<usize>> = HashMap::new();
    for (id, e) in entities.iter().enumerate() {
        if e.kind != Kind::Person {
            continue;
        }
        if let Some(w) = e.name.split_whitespace().last() {
            by_word
                .entry(w)
                .and_modify(|known| {
                    if *known != Some(id) {
                        *known = None;
                    }
                })
                .or_insert(Some(id));
        }
    }
    let capital = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_uppercase))
    };
    let mut found = Vec::new();
    let mut next_mention = 0;
    for (k, t) in tokens.iter().enumerate() {
        while next_mention < mentions.len() && mentions[next_mention].end <= t.start {
            next_mention += 1;
        }
        let covered = mentions.get(next_mention).is_some_and(|m| m.start <= t.start);
        // A capitalised word before it is part of the same name, unless it is a common word
        // opening the sentence ("Once Vorst arrived").
        let name_before = k > 0
            && capital(k - 1)
            && !STOPWORDS.contains(tokens[k - 1].text(text).to_lowercase().as_str());
        if covered || !capital(k) || name_before || capital(k + 1) {
            continue;
        }
        if let Some(Some(id)) = by_word.get(t.text(text)) {
            found.push(MentionRef {
                start: t.start,
                end: t.end,
                entity: *id,
                sentence: t.sentence,
            });
        }
    }
    found
}

impl<'a> Index<'a> {
    pub fn new(
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
            last_cue.push(if cues::is_cue_at(text, tokens, k) {
                Some(k)
            } else {
                carried
            });
        }
        // A photo credit ("Ezra Acayan / Getty Images") names nobody in the story.
        let credit = |m: &MentionRef| text[m.end..].trim_start_matches([' ', '\u{a0}']).starts_with('/');
        let mut persons: Vec<MentionRef> = mentions
            .iter()
            .filter(|m| entities[m.entity].kind == Kind::Person && !credit(m))
            .cloned()
            .collect();
        persons.extend(untagged_person_words(text, tokens, entities, mentions));
        persons.sort_by_key(|m| m.start);
        let persons_ordered = persons
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].sentence <= w[1].sentence);
        let mut by_last_word = HashMap::new();
        let mut by_role_word = HashMap::new();
        for pass in [true, false] {
            for (id, e) in entities.iter().enumerate() {
                if (e.kind == Kind::Person) != pass {
                    continue;
                }
                for name in std::iter::once(&e.name).chain(&e.aliases) {
                    if let Some(w) = last_word(name) {
                        by_last_word.entry(w).or_insert(id);
                    }
                }
                for role in &e.roles {
                    if let Some(w) = last_word(role) {
                        by_role_word.entry(w).or_insert(id);
                    }
                }
            }
        }
        let mut index = Self {
            text,
            tokens,
            entities,
            paragraph_breaks: text.match_indices("\n\n").map(|(i, _)| i).collect(),
            by_start,
            last_cue,
            persons,
            persons_ordered,
            gender: vec![None; entities.len()],
            by_last_word,
            by_role_word,
            subjects: RefCell::new(HashMap::new()),
            walks: RefCell::new(HashMap::new()),
            quoted: super::spans::quote_spans(text)
                .into_iter()
                .flat_map(|s| s.parts)
                .collect(),
            handles: Vec::new(),
        };
        index.gender = index.genders();
        let found = handles::find(text, tokens, mentions, &|byte| index.in_quote(byte));
        index.handles = found;
        index
    }

    /// Each person's gender: from a gendered title just before a mention ("Ms. Ruiz"), else
    /// from a full name's given name ([`cues::given_name_gender`]), else from the first
    /// gendered pronoun outside quote marks whose nearest earlier person in its sentence is that
    /// person. One pass over the tokens.
    fn genders(&self) -> Vec<Option<bool>> {
        let mut gender: Vec<Option<bool>> = vec![None; self.entities.len()];
        if !self.persons_ordered {
            return gender;
        }
        // A given name the list knows ("Darren Tipton"), where no title said otherwise.
        let mut titled = vec![false; self.entities.len()];
        let mut next_person = 0;
        let mut last_person: Option<&MentionRef> = None;
        for (k, t) in self.tokens.iter().enumerate() {
            while next_person < self.persons.len() && self.persons[next_person].start <= t.start {
                let m = &self.persons[next_person];
                if let Some((_, female)) = k
                    .checked_sub(1)
                    .map(|p| if self.word(p) == "." { p.saturating_sub(1) } else { p })
                    .and_then(|p| {
                        GENDERED_TITLES
                            .iter()
                            .find(|(w, _)| w.trim_end_matches('.') == self.word(p).trim_end_matches('.'))
                    })
                    .filter(|_| m.start == t.start)
                {
                    gender[m.entity] = Some(*female);
                    titled[m.entity] = true;
                }
                // "Miss Ellen Fetter": a title the tagger kept inside the name tells too.
                let mut name = self.entities[m.entity].name.split_whitespace();
                let first = name.next();
                let in_name = first.and_then(|w| GENDERED_TITLES.iter().find(|(t, _)| *t == w));
                if let Some((_, female)) = in_name {
                    gender[m.entity] = Some(*female);
                    titled[m.entity] = true;
                }
                if !titled[m.entity]
                    && let Some(first) = first
                    && self.entities[m.entity].name.contains(' ')
                    && let Some(female) = cues::given_name_gender(first)
                {
                    gender[m.entity] = Some(female);
                }
                last_person = Some(m);
                next_person += 1;
            }
            let w = t.text(self.text);
            // "…," he said: the pronoun a quote's speaker is resolved from does not vote.
            if w.len() > 7
                || !w.starts_with(['h', 'H', 's', 'S'])
                || self.in_quote(t.start)
                || cues::is_speech_verb(self.word(k + 1))
            {
                continue;
            }
            let lower = w.to_lowercase();
            // "Lorenz gave her a manual", "hired him": an object names someone else.
            let object = lower == "him"
                || lower == "her" && cues::OBJECT_FOLLOWERS.contains(self.word(k + 1));
            if !object
                && let Some((_, female)) = GENDERED_PRONOUNS.iter().find(|(p, _)| *p == lower)
                && let Some(m) = last_person.filter(|m| m.sentence == t.sentence)
                && gender[m.entity].is_none()
            {
                gender[m.entity] = Some(*female);
            }
        }
        gender
    }

    /// Whether byte `byte` is inside quote marks.
    pub fn in_quote(&self, byte: usize) -> bool {
        let after = self.quoted.partition_point(|r| r.start <= byte);
        after > 0 && self.quoted[after - 1].end > byte
    }

    /// The paragraph holding `byte`: the number of paragraph breaks wholly before it.
    pub fn paragraph_of(&self, byte: usize) -> usize {
        self.paragraph_breaks.partition_point(|b| b + 2 <= byte)
    }

    /// The byte range of paragraph `paragraph` (its breaks left out).
    pub fn paragraph_range(&self, paragraph: usize) -> std::ops::Range<usize> {
        let start = paragraph
            .checked_sub(1)
            .and_then(|p| self.paragraph_breaks.get(p))
            .map_or(0, |b| b + 2);
        let end = self.paragraph_breaks.get(paragraph).copied().unwrap_or(self.text.len());
        start..end.max(start)
    }

    pub fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    pub fn mention_at(&self, start: usize) -> Option<&'a MentionRef> {
        self.by_start.get(&start).copied()
    }

    /// The entity a name the tagger did not mark refers to, by its last word ("Parr" → "Nadia
    /// Parr"); for a noun phrase, the entity holding it as a role ("the lawmaker").
    pub fn link(&self, written: &str, noun_phrase: bool) -> Option<usize> {
        let w = last_word(written)?;
        if noun_phrase {
            self.by_role_word.get(&w).copied()
        } else {
            self.by_last_word.get(&w).copied()
        }
    }

    /// The first token after a dateline opening a paragraph at token `from` ("WASHINGTON
    /// (Reuters) —", "NEW JERSEY (WABC) --"): place words in capitals, an agency or station in
    /// brackets, then a dash. `from` itself when there is none. An agency in a dateline is the
    /// article's source, never a speaker or a subject.
    pub fn after_dateline(&self, from: usize) -> usize {
        let tokens = self.tokens;
        let opens_paragraph = from == 0
            || tokens.get(from).is_some_and(|t| {
                self.paragraph_of(t.start) != self.paragraph_of(tokens[from - 1].start)
            });
        let upper = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        if !opens_paragraph || !upper(self.word(from)) {
            return from;
        }
        let is_dash = |w: &str| !w.is_empty() && w.chars().all(|c| matches!(c, '-' | '—' | '–'));
        let mut bracket = false;
        for k in from..(from + DATELINE_TOKENS).min(tokens.len()) {
            let w = self.word(k);
            if is_dash(w) {
                let after = if is_dash(self.word(k + 1)) { k + 2 } else { k + 1 };
                return if k > from { after } else { from };
            }
            match w {
                "(" => bracket = true,
                ")" => bracket = false,
                "," | "." => {}
                _ if bracket || upper(w) => {}
                _ => return from,
            }
        }
        from
    }

    /// The first token of sentence `sentence` (tokens are in sentence order).
    pub fn sentence_start(&self, sentence: usize) -> usize {
        self.tokens.partition_point(|t| t.sentence < sentence)
    }

    /// The token after the last of sentence `sentence`.
    pub fn sentence_end(&self, sentence: usize) -> usize {
        self.tokens.partition_point(|t| t.sentence <= sentence)
    }

    /// The first person or organisation named as a subject (not after a preposition, not
    /// possessive) in the sentence of `before`, before it.
    pub fn sentence_subject(&self, before: usize) -> Option<usize> {
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

    fn first_subject(&self, sentence: usize) -> Option<(usize, usize)> {
        let tokens = self.tokens;
        let start = self.sentence_start(sentence);
        let end = self.sentence_end(sentence);
        (self.after_dateline(start)..end).find_map(|k| {
            if self.in_quote(tokens[k].start) {
                return None;
            }
            let m = self.mention_at(tokens[k].start)?;
            let after_preposition = k > start && PREPOSITIONS.contains(&self.word(k - 1));
            let next = token_at(tokens, m.end);
            let possessive = matches!(self.word(next), "’s" | "'s");
            (self.entities[m.entity].kind != Kind::Location && !after_preposition && !possessive)
                .then_some((k, m.entity))
        })
    }
}
