//! The record's text in pieces for retrieval: every heading starts a new chunk, and a section
//! longer than the chunk size is cut at the last paragraph end (else sentence end, else word)
//! that leaves the chunk at least half full, the next chunk repeating the last words of the one
//! before. Offsets are characters (Unicode scalar values) into `text`, as every other offset
//! in the record.

use serde::{Deserialize, Serialize};

use crate::body::{Block, BlockKind};

/// One piece of the record's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Chunk {
    /// The headings the chunk sits under, outermost first (the article's title is not one of
    /// them); empty before the first heading.
    pub heading_path: Vec<String>,
    /// `text[start..end]` of the record, headings included.
    pub text: String,
    /// Character offset of the chunk's first character in the record's `text`.
    pub start: usize,
    /// Character offset just past the chunk's last character.
    pub end: usize,
    /// Whitespace-separated words in the chunk.
    pub words: usize,
}

/// A word of the text: byte range, and whether it ends its block or a sentence.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    ends_block: bool,
    ends_sentence: bool,
}

/// Splits `text` (the blocks joined by blank lines) into chunks of at most `max_words` words,
/// consecutive chunks of a section sharing `overlap_words` words (at most half the size).
#[must_use]
pub fn split(blocks: &[Block], text: &str, max_words: usize, overlap_words: usize) -> Vec<Chunk> {
    let max_words = max_words.max(1);
    let overlap_words = overlap_words.min(max_words / 2);
    let mut chunks = Vec::new();
    let mut chars = CharOffsets::new(text);
    let mut headings: Vec<(u8, &str)> = Vec::new();
    let mut section: Vec<Word> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut offset = 0;
    for block in blocks {
        if block.kind == BlockKind::Heading {
            cut(&section, &path, text, max_words, overlap_words, &mut chars, &mut chunks);
            section.clear();
            let level = match block.markup.level {
                0 => 2,
                level => level,
            };
            while headings.last().is_some_and(|(l, _)| *l >= level) {
                headings.pop();
            }
            headings.push((level, &block.text));
            path = headings.iter().map(|(_, h)| (*h).to_owned()).collect();
        }
        let words_before = section.len();
        for word in block.text.split_whitespace() {
            let start = offset + (word.as_ptr() as usize - block.text.as_ptr() as usize);
            section.push(Word {
                start,
                end: start + word.len(),
                ends_block: false,
                ends_sentence: word.ends_with(['.', '!', '?', '…', '。'])
                    || word.ends_with(".\"")
                    || word.ends_with(".”"),
            });
        }
        if section.len() > words_before
            && let Some(last) = section.last_mut()
        {
            last.ends_block = true;
        }
        offset += block.text.len() + 2;
    }
    cut(&section, &path, text, max_words, overlap_words, &mut chars, &mut chunks);
    chunks
}

/// The chunks of one section's words.
fn cut(
    words: &[Word],
    path: &[String],
    text: &str,
    max_words: usize,
    overlap_words: usize,
    chars: &mut CharOffsets<'_>,
    chunks: &mut Vec<Chunk>,
) {
    let mut first = 0;
    while first < words.len() {
        let end = if words.len() - first <= max_words {
            words.len()
        } else {
            let limit = first + max_words;
            let shortest = first + (max_words / 2).max(1);
            let ends = (shortest..=limit).rev();
            ends.clone()
                .find(|&e| words[e - 1].ends_block)
                .or_else(|| ends.clone().find(|&e| words[e - 1].ends_sentence))
                .unwrap_or(limit)
        };
        let (from, to) = (words[first].start, words[end - 1].end);
        chunks.push(Chunk {
            heading_path: path.to_vec(),
            text: text[from..to].to_owned(),
            start: chars.at(from),
            end: chars.at(to),
            words: end - first,
        });
        if end == words.len() {
            break;
        }
        first = end.saturating_sub(overlap_words).max(first + 1);
    }
}

/// Byte offsets to character offsets, counted from the last offset asked (forwards, or back
/// for an overlap), so a whole text costs one pass.
struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    char: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            byte: 0,
            char: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.char -= self.text[byte..self.byte].chars().count();
        } else {
            self.char += self.text[self.byte..byte].chars().count();
        }
        self.byte = byte;
        self.char
    }
}
