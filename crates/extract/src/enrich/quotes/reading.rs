//! Small reads of the token index shared by the speaker readers: whether a token is a word, a
//! capitalised word, or is followed by a speech verb.

use super::cues::{VERB_GAP_WORDS, is_cue_at, is_speech_verb};
use super::index::Index;
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// Whether a speech cue follows token `k` (a speech verb, or a phrase verb with its word, "put
/// it"), allowing a gap word or two ("also said").
pub(super) fn cue_follows(index: &Index<'_>, k: usize) -> Option<usize> {
    let k = after_brackets(index, k);
    (k..k + 3)
        .take_while(|j| *j == k || VERB_GAP_WORDS.contains(&index.word(*j - 1)))
        .find(|j| is_cue_at(index.text, index.tokens, *j))
}

/// Tokens a bracket after a speaker's name may hold ("(D-Ore.)", "(TX-15)").
const BRACKET_TOKENS: usize = 8;

/// The token after a bracket opening at token `k` between a speaker and the verb, a party and
/// district ("Senator Ana Ruiz (D-Ore.) said"); `k` itself when there is none. A bracket
/// holding a speech verb is not passed over.
pub(super) fn after_brackets(index: &Index<'_>, k: usize) -> usize {
    if index.word(k) != "(" {
        return k;
    }
    (k + 1..k + BRACKET_TOKENS)
        .take_while(|j| index.tokens.get(*j).is_some() && !is_speech_verb(index.word(*j)))
        .find(|j| index.word(*j) == ")")
        .map_or(k, |close| close + 1)
}

pub(super) fn is_word(index: &Index<'_>, k: usize) -> bool {
    index.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
}

pub(super) fn capitalised(index: &Index<'_>, k: usize) -> bool {
    is_word(index, k)
        && index.word(k).chars().next().is_some_and(char::is_uppercase)
        && !STOPWORDS.contains(index.word(k).to_lowercase().as_str())
}
