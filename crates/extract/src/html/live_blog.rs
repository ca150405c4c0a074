//! Live blogs: each entry's timestamp joined to the entry's first block, so that "12:42" is not
//! a paragraph of its own but opens the paragraph it dates.
//!
//! A page is read as a live blog when at least [`MIN_STAMPS`] of its blocks are nothing but a
//! time of day ("12:42", "3.15pm", "14:05 GMT", "5 Dec 2025, 12:42"); one such block alone is
//! left as it is (a time under a photo, a timetable line). The test is a small hand-written
//! scanner: no date crate parses "12.42pm BST" and we only need to know that a short line *is*
//! a time, not which instant it names.

use crate::body::{Block, Inline};

/// Time-only blocks a page needs before its timestamps are joined to their entries.
pub const MIN_STAMPS: usize = 2;

/// A timestamp line is short.
const MAX_STAMP_CHARS: usize = 40;

/// Words that may stand beside the time in a timestamp line (lower-cased, dots dropped).
const STAMP_WORDS: [&str; 47] = [
    "am", "pm", "gmt", "bst", "utc", "cet", "cest", "et", "est", "edt", "ct", "cst", "cdt", "pt",
    "pst", "pdt", "ist", "aest", "aedt", "jst", "jan", "feb", "mar", "apr", "may", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "updated", "posted", "at", "today", "yesterday",
    "local", "time", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
];

/// Joins every timestamp-only block to the block after it, when the page has enough of them.
pub fn join_timestamps(blocks: &mut Vec<Block>) {
    let stamps = blocks.iter().filter(|b| is_timestamp(&b.text)).count();
    if stamps < MIN_STAMPS {
        return;
    }
    let mut joined: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut pending: Option<Block> = None;
    for block in blocks.drain(..) {
        if is_timestamp(&block.text) {
            if let Some(previous) = pending.replace(block) {
                joined.push(previous);
            }
            continue;
        }
        match pending.take() {
            Some(stamp) => joined.push(prefix(stamp, block)),
            None => joined.push(block),
        }
    }
    joined.extend(pending);
    *blocks = joined;
}

/// `stamp`'s text, a space, then `entry`'s: the entry's kind and containers, both blocks' inline
/// markup and images.
fn prefix(stamp: Block, entry: Block) -> Block {
    let shift = stamp.text.len() + 1;
    let mut markup = entry.markup;
    let mut spans = stamp.markup.spans;
    spans.extend(markup.spans.into_iter().map(|span| Inline {
        start: span.start + shift,
        end: span.end + shift,
        kind: span.kind,
    }));
    markup.spans = spans;
    let mut images = stamp.markup.images;
    images.append(&mut markup.images);
    markup.images = images;
    // Code keeps its own line breaks; a prefixed block is no longer verbatim.
    markup.verbatim = None;
    Block {
        kind: entry.kind,
        text: format!("{} {}", stamp.text, entry.text),
        markup,
    }
}

/// Whether `text` is only a time of day, perhaps with a date, a zone or "Updated".
#[must_use]
pub fn is_timestamp(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_STAMP_CHARS {
        return false;
    }
    let mut clock = false;
    for token in text.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '–' || c == '-') {
        if token.is_empty() {
            continue;
        }
        let word: String = token
            .chars()
            .filter(|c| *c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(rest) = clock_time(token) {
            clock = true;
            let rest: String = rest.chars().filter(|c| *c != '.').flat_map(char::to_lowercase).collect();
            if rest.is_empty() || rest == "am" || rest == "pm" || rest == "h" {
                continue;
            }
            return false;
        }
        let day_or_year = word.len() <= 4 && !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
        let month = word.len() >= 3 && STAMP_WORDS.iter().any(|w| w.len() >= 3 && word.starts_with(w));
        if !(day_or_year || month || STAMP_WORDS.contains(&word.as_str())) {
            return false;
        }
    }
    clock
}

/// A token starting with `H:MM` or `H.MM` (hours 0–23, minutes 00–59): what follows the
/// minutes, if it does.
fn clock_time(token: &str) -> Option<&str> {
    let bytes = token.as_bytes();
    let hour_len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hour_len) || bytes.len() < hour_len + 3 {
        return None;
    }
    if !matches!(bytes[hour_len], b':' | b'.') {
        return None;
    }
    let minutes = &bytes[hour_len + 1..hour_len + 3];
    if !minutes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let hour: u32 = token[..hour_len].parse().ok()?;
    let minute: u32 = token[hour_len + 1..hour_len + 3].parse().ok()?;
    (hour < 24 && minute < 60).then(|| &token[hour_len + 3..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::BlockKind;

    fn paragraphs(texts: &[&str]) -> Vec<Block> {
        texts
            .iter()
            .map(|t| Block::plain(BlockKind::Paragraph, (*t).to_owned()))
            .collect()
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn times_of_day_in_their_usual_forms_are_timestamps() {
        for stamp in [
            "12:42",
            "3.15pm",
            "14:05 GMT",
            "9:30 a.m. ET",
            "Updated 12:42",
            "5 Dec 2025, 12:42",
            "12:42 | 5 December",
        ] {
            assert!(is_timestamp(stamp), "{stamp}");
        }
    }

    #[test]
    fn sentences_scores_and_numbers_are_not_timestamps() {
        for text in [
            "The vote is at 12:42 today.",
            "Arsenal 2 Chelsea 1",
            "2025",
            "3.5 million",
            "25:61",
            "Chapter 12:42 of the report was read aloud in full.",
        ] {
            assert!(!is_timestamp(text), "{text}");
        }
    }

    #[test]
    fn each_live_blog_entry_opens_with_its_timestamp() {
        let mut blocks = paragraphs(&[
            "Live: the summit day by day",
            "12:42",
            "The leaders arrived.",
            "They shook hands.",
            "13:05",
            "Talks began.",
        ]);
        join_timestamps(&mut blocks);
        assert_eq!(
            texts(&blocks),
            [
                "Live: the summit day by day",
                "12:42 The leaders arrived.",
                "They shook hands.",
                "13:05 Talks began."
            ]
        );
    }

    #[test]
    fn a_single_time_line_is_left_alone() {
        let mut blocks = paragraphs(&["The train left.", "12:42", "It arrived late."]);
        join_timestamps(&mut blocks);
        assert_eq!(texts(&blocks), ["The train left.", "12:42", "It arrived late."]);
    }

    #[test]
    fn links_in_the_entry_move_with_its_text() {
        let mut blocks = paragraphs(&["12:42", "See the map.", "13:00", "Done."]);
        blocks[1].markup.spans.push(Inline {
            start: 8,
            end: 11,
            kind: crate::body::InlineKind::Link("/map".into()),
        });
        join_timestamps(&mut blocks);
        let span = &blocks[0].markup.spans[0];
        assert_eq!(&blocks[0].text[span.start..span.end], "map");
    }
}
