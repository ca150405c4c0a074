//! User names ("handles") of forum, market and social-media users who speak in a story
//! ("elmo666 wrote", "wrote user jayk1984", "ScreamMyName told me"): one token shaped like no
//! ordinary word or name (letters and digits mixed, or capitals inside a word), that the
//! tagger did not mark. A handle counts as a person only when the text uses it as a speaker
//! somewhere (before or after a speech verb, or after a person noun such as "user"), so a
//! product code or a brand written in camel case is never one. Hand-written: the entity
//! tagger has no class for them and no kept crate knows them.

use std::collections::HashSet;

use super::cues::{PERSON_NOUNS, VERB_GAP_WORDS, is_speech_verb};
use crate::enrich::entities::MentionRef;
use crate::enrich::tokens::{Token, TokenKind};

/// A handle's mention: its token's bytes and sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handle {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
}

/// Surname prefixes that put a capital inside an ordinary name ("McCarthy", "DeSantis").
const NAME_PREFIXES: &[&str] = &["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz"];

/// The fewest characters of a handle.
const MIN_CHARS: usize = 5;

/// Whether `word` is shaped like a user name: ASCII letters, digits and underscores only, and
/// either lower-case letters mixed with digits ("elmo666", not "EV6" or "A380"), or a capital
/// after a lower-case letter in a word that starts with a capital ("PlutoPete"), past any
/// surname prefix.
#[must_use]
pub fn is_handle(word: &str) -> bool {
    if word.chars().count() < MIN_CHARS
        || !word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || !word.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        return false;
    }
    let lower = word.chars().filter(char::is_ascii_lowercase).count();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return lower >= 3;
    }
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let rest = NAME_PREFIXES
        .iter()
        .find_map(|p| word.strip_prefix(p).filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase())))
        .unwrap_or(word);
    let chars: Vec<char> = rest.chars().collect();
    chars.windows(2).skip(1).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// The handles of a text, in order: every token shaped like a handle, outside `mentions` and
/// outside quote marks (`quoted`), whose word the text uses as a speaker at least once.
#[must_use]
pub fn find(text: &str, tokens: &[Token], mentions: &[MentionRef], quoted: &dyn Fn(usize) -> bool) -> Vec<Handle> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text(text));
    let mut covered: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    covered.sort_unstable();
    let in_mention = |t: &Token| {
        let after = covered.partition_point(|(s, _)| *s <= t.start);
        after > 0 && covered[after - 1].1 > t.start
    };
    let candidates: Vec<usize> = (0..tokens.len())
        .filter(|k| {
            let t = &tokens[*k];
            t.kind == TokenKind::Word && is_handle(word(*k)) && !in_mention(t) && !quoted(t.start)
        })
        .collect();
    // "elmo666 wrote", "elmo666 also said", "said elmo666", "user jayk1984".
    let speaks = |k: usize| {
        let verb_after = (k + 1..k + 3)
            .take_while(|j| *j == k + 1 || VERB_GAP_WORDS.contains(&word(*j - 1)))
            .any(|j| is_speech_verb(word(j)));
        let before = k.checked_sub(1).map_or("", word);
        verb_after || is_speech_verb(before) || PERSON_NOUNS.contains(before.to_lowercase().as_str())
    };
    let speakers: HashSet<&str> = candidates.iter().filter(|k| speaks(**k)).map(|k| word(*k)).collect();
    candidates
        .into_iter()
        .filter(|k| speakers.contains(word(*k)))
        .map(|k| Handle {
            start: tokens[k].start,
            end: tokens[k].end,
            sentence: tokens[k].sentence,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::is_handle;

    #[test]
    fn letters_mixed_with_digits_or_inner_capitals_are_handles() {
        for w in ["elmo666", "jayk1984", "PlutoPete", "ScreamMyName", "dark_fox_77"] {
            assert!(is_handle(w), "{w}");
        }
    }

    #[test]
    fn ordinary_words_codes_and_prefixed_surnames_are_not_handles() {
        for w in ["Mercer", "said", "EV6", "A380", "COVID19", "McCarthy", "DeSantis", "MacKenzie", "iPhone", "NASA", "Pete"] {
            assert!(!is_handle(w), "{w}");
        }
    }
}
