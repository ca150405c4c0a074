//! Step 1 of the rules: chunks of capitalised tokens within sentences (with connectors such as
//! "of" between them), sentence-initial common words dropped, and a role head splitting a chunk
//! into a role and a name ("Colombian President Gustavo Petro").

use std::collections::HashMap;
use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::headings::Headings;
use super::super::tokens::{Token, TokenKind};
use super::lexicon::{CONNECTORS, FUNCTION_WORDS, HONORIFICS, ORG_WORDS, PLACE_WORDS, ROLE_HEADS};
use super::lexicon::{is_acronym, is_capitalized};
use super::types::Kind;

/// A name chunk before typing: token range, role text, type cue.
#[derive(Debug, Clone)]
pub(super) struct Chunk {
    pub(super) tokens: Range<usize>,
    pub(super) role: Option<String>,
    pub(super) kind: Option<Kind>,
}

/// Step 1: the name chunks of the text, outside headings.
pub(super) fn chunks(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    headings: &Headings,
) -> Vec<Chunk> {
    let in_heading = |t: &Token| headings.contains(t.start);
    let word = |i: usize| tokens[i].text(text);
    // Capitalised mid-sentence occurrences decide whether a sentence-initial word is a name.
    let mut mid_sentence_caps: HashMap<&str, usize> = HashMap::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0
            && tokens[i - 1].sentence == t.sentence
            && t.kind == TokenKind::Word
            && is_capitalized(t.text(text))
        {
            *mid_sentence_caps.entry(t.text(text)).or_default() += 1;
        }
    }
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind != TokenKind::Word || !is_capitalized(word(i)) || in_heading(t) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len()
            && tokens[j].sentence == t.sentence
            && tokens[j].kind == TokenKind::Word
        {
            let w = word(j);
            if is_capitalized(w) {
                j += 1;
            } else if CONNECTORS.contains(&w)
                && tokens.get(j + 1).is_some_and(|n| {
                    n.sentence == t.sentence
                        && n.kind == TokenKind::Word
                        && is_capitalized(n.text(text))
                })
            {
                j += 2;
            } else {
                break;
            }
        }
        let sentence_start = i == 0
            || tokens[i - 1].sentence != t.sentence
            || matches!(tokens[i - 1].text(text), "“" | "\"" | "‘");
        let mut start = i;
        // Function words and demonym-less sentence starters are not part of a name.
        while start < j && FUNCTION_WORDS.contains(word(start)) {
            start += 1;
        }
        if start == i && sentence_start {
            let w = word(i);
            let known_elsewhere = mid_sentence_caps.get(w).copied().unwrap_or(0) > 0;
            let plain_word = !known_elsewhere && !gazetteer.is_place(w) && !is_acronym(w);
            if plain_word && j - i == 1 {
                start = j;
            } else if plain_word
                && j - i > 2
                && CONNECTORS.contains(&word(i + 1))
                && !ORG_WORDS.contains(w)
                && !PLACE_WORDS.contains(w)
            {
                // "Shares of Contoso rose": a capitalised common word before "of" is not a name.
                start = i + 2;
            }
        }
        if start < j {
            chunks.extend(split_chunk(text, tokens, start..j));
        }
        i = j.max(i + 1);
    }
    chunks
}

/// Splits a chunk at a role head: "Colombian President Gustavo Petro" → role + name.
fn split_chunk(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<Chunk> {
    let word = |i: usize| tokens[i].text(text);
    let role_at = range
        .clone()
        .rev()
        .skip(1)
        .find(|i| ROLE_HEADS.contains(word(*i)));
    if let Some(k) = role_at {
        let role_tokens: Vec<&str> = (range.start..=k).map(word).collect();
        let role = role_tokens.join(" ");
        let role = (!HONORIFICS.contains(&role.as_str())).then_some(role);
        return vec![Chunk {
            tokens: k + 1..range.end,
            role,
            kind: Some(Kind::Person),
        }];
    }
    vec![Chunk {
        tokens: range,
        role: None,
        kind: None,
    }]
}
