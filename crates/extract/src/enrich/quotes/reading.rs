//! Small reads of the token index shared by the speaker readers: whether a token is a word, a
//! capitalised word, or is followed by a speech verb.

use super::cues::{VERB_GAP_WORDS, is_cue_at};
use super::index::Index;
use crate::enrich::tokens::TokenKind;
use crate::enrich::words::STOPWORDS;

/// Whether a speech cue follows token `k` (a speech verb, or a phrase verb with its word, "put
/// it"), allowing a gap word or two ("also said").
pub(super) fn cue_follows(index: &Index<'_>, k: usize) -> Option<usize> {
    (k..k + 3)
        .take_while(|j| *j == k || VERB_GAP_WORDS.contains(&index.word(*j - 1)))
        .find(|j| is_cue_at(index.text, index.tokens, *j))
}

pub(super) fn is_word(index: &Index<'_>, k: usize) -> bool {
    index.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
}

pub(super) fn capitalised(index: &Index<'_>, k: usize) -> bool {
    is_word(index, k)
        && index.word(k).chars().next().is_some_and(char::is_uppercase)
        && !STOPWORDS.contains(&index.word(k).to_lowercase().as_str())
}
