//! Word tokens with byte spans, and the sentences that hold them. Tokens keep abbreviations with
//! internal periods ("U.S.", "Dr.") and hyphenated words whole, split possessives ("Petro’s" →
//! "Petro" + "’s") and separate punctuation. Hand-written: entity, quote and quantity rules need
//! exactly these spans, which general-purpose segmenters do not give.

use std::ops::Range;

/// One token: its byte span in the text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Index of the sentence holding the token.
    pub sentence: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

impl Token {
    #[must_use]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into tokens, assigning each to the sentence (byte ranges, in order) it falls in.
#[must_use]
pub fn tokenize(text: &str, sentences: &[Range<usize>]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut sentence = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            // 1,446 / 2.5 / 30%
            while j < chars.len() {
                let d = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                if d.is_ascii_digit() || (matches!(d, ',' | '.') && next_digit) {
                    j += 1;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if d.is_alphanumeric() || is_mark(d) || (d == '-' && next_alnum) {
                    j += 1;
                } else if is_apostrophe(d) && next_alnum {
                    // "’s" / "’t" endings are split off; inner apostrophes (O’Brien) stay.
                    let rest: String = chars[j + 1..].iter().take(3).map(|x| x.1).collect();
                    let ending = rest
                        .chars()
                        .take_while(|x| x.is_alphabetic())
                        .collect::<String>()
                        .to_lowercase();
                    if matches!(ending.as_str(), "s" | "t" | "re" | "ve" | "ll" | "d" | "m") {
                        break;
                    }
                    j += 1;
                } else if d == '.'
                    && chars
                        .get(j + 1)
                        .is_some_and(|n| n.1.is_alphabetic() && n.1.is_uppercase())
                    && chars.get(j + 2).is_some_and(|n| n.1 == '.')
                {
                    // U.S. / U.K. / D.C.
                    j += 1;
                } else {
                    break;
                }
            }
            // Abbreviation period: "U.S." keeps its final period.
            if j < chars.len() && chars[j].1 == '.' && text[start..chars[j].0].contains('.') {
                j += 1;
            }
            TokenKind::Word
        } else if is_apostrophe(c) && chars.get(j).is_some_and(|n| n.1.is_alphabetic()) {
            // The split-off "’s".
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let end = chars.get(j).map_or(text.len(), |x| x.0);
        while sentence + 1 < sentences.len() && start >= sentences[sentence].end {
            sentence += 1;
        }
        tokens.push(Token {
            start,
            end,
            kind,
            sentence,
        });
        i = j;
    }
    tokens
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Sentence byte ranges (sentencex, by language), never crossing a paragraph break.
#[must_use]
pub fn sentences(text: &str, language: Option<&str>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        let language = language.unwrap_or("en");
        for boundary in sentencex::get_sentence_boundaries(language, paragraph) {
            let (s, e) = (offset + boundary.start_byte, offset + boundary.end_byte);
            let trimmed = text[s..e].trim_end();
            let lead = text[s..e].len() - text[s..e].trim_start().len();
            if !trimmed.trim().is_empty() {
                out.push(s + lead..s + trimmed.len());
            }
        }
        offset += paragraph.len() + 2;
    }
    out
}

/// Byte offset → character offset, for record offsets in Unicode scalars. Keeps the byte offset
/// of every 64th character (an eighth of a byte per character, not eight) and counts the rest.
pub struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of characters 0, 64, 128, …
    checkpoints: Vec<usize>,
}

/// Characters between checkpoints.
const CHECKPOINT_EVERY: usize = 64;

impl<'a> CharIndex<'a> {
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let checkpoints = text
            .char_indices()
            .step_by(CHECKPOINT_EVERY)
            .map(|(i, _)| i)
            .collect();
        Self { text, checkpoints }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    #[must_use]
    pub fn char_of(&self, byte: usize) -> usize {
        let k = self.checkpoints.partition_point(|&b| b <= byte).saturating_sub(1);
        let from = self.checkpoints.get(k).copied().unwrap_or(0);
        k * CHECKPOINT_EVERY + self.text[from..byte.min(self.text.len())].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, std::slice::from_ref(&(0..text.len())))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_stay_whole_and_possessives_split() {
        assert_eq!(
            words("U.S. President Trump’s plan"),
            ["U.S.", "President", "Trump", "’s", "plan"]
        );
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            words("over 1,446 battles, 2.5% and 30."),
            [
                "over", "1,446", "battles", ",", "2.5", "%", "and", "30", "."
            ]
        );
    }

    #[test]
    fn sentences_split_within_paragraphs() {
        let text = "Dr. Roe arrived. She spoke.\n\nA new paragraph here.";
        let got: Vec<&str> = sentences(text, Some("en"))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            ["Dr. Roe arrived.", "She spoke.", "A new paragraph here."]
        );
    }

    #[test]
    fn char_offsets_count_scalars_not_bytes() {
        let index = CharIndex::new("BOGOTÁ — x");
        assert_eq!(index.char_of("BOGOTÁ".len()), 6);
    }
}
