//! Finding quote spans: text between double quote marks (curly or straight), within one
//! paragraph, or over several when news convention runs a quote on (each paragraph opens with a
//! mark, only the last one closes). Single marks inside are left alone, so nested quotes stay
//! inside the outer one. Also tells titles and slogans ("Better Days Ahead") from speech.
//! One pass over the text: linear in its length.

use std::ops::Range;

/// One quote as marked in the text: the quoted parts (one per paragraph, marks excluded) and
/// the byte range from the first opening mark to the last closing one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub parts: Vec<Range<usize>>,
    pub outer: Range<usize>,
}

impl Span {
    /// From the first quoted byte to the last.
    pub fn inner(&self) -> Range<usize> {
        self.parts.first().map_or(0, |p| p.start)..self.parts.last().map_or(0, |p| p.end)
    }

    /// The quoted words, paragraphs joined by one space.
    pub fn text(&self, text: &str) -> String {
        self.parts
            .iter()
            .map(|p| text[p.clone()].trim())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '"')
}

/// Whether `c` closes a quote opened expecting `close`: the same mark, or the other double
/// mark where a page mixes them ("people … fasting,” adds Longo).
fn closes(close: char, c: char) -> bool {
    c == close || matches!((close, c), ('"', '”') | ('”', '"'))
}

/// Whether byte `i` starts a paragraph (the text's start or after a line break) and a word
/// follows the mark.
fn opens_paragraph(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t']);
    (before.is_empty() || before.ends_with('\n'))
        && text[i..].chars().nth(1).is_some_and(char::is_alphanumeric)
}

/// The double-quoted spans of `text`, multi-paragraph quotes joined.
pub fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    // The open quote: where its current part starts, its first mark, its closing mark and the
    // parts of earlier paragraphs.
    let mut open: Option<(usize, usize, char, Vec<Range<usize>>)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (&mut open, c) {
            (None, '“') => open = Some((i + c.len_utf8(), i, '”', Vec::new())),
            (None, '"') => open = Some((i + 1, i, '"', Vec::new())),
            // A closing mark typed as the opening one, at a paragraph's start: ”We found …,”.
            (None, '”') if opens_paragraph(text, i) => {
                open = Some((i + c.len_utf8(), i, '”', Vec::new()));
            }
            (Some((part_start, first, close, parts)), c) if closes(*close, c) => {
                parts.push(*part_start..i);
                let outer = *first..i + c.len_utf8();
                let parts = std::mem::take(parts);
                if parts.iter().any(|p| text[p.clone()].chars().any(char::is_alphanumeric)) {
                    spans.push(Span { parts, outer });
                }
                open = None;
            }
            (Some((part_start, _, _, parts)), '\n') if text[i..].starts_with("\n\n") => {
                // A paragraph break inside an open quote: it runs on when the next paragraph
                // opens with a mark, else the mark was never closed and is dropped.
                let next = text[i..]
                    .char_indices()
                    .find(|(_, c)| !c.is_whitespace())
                    .map(|(k, c)| (i + k, c));
                match next {
                    Some((k, c)) if is_opening(c) => {
                        parts.push(*part_start..i);
                        *part_start = k + c.len_utf8();
                        while chars.peek().is_some_and(|(j, _)| *j <= k) {
                            chars.next();
                        }
                    }
                    _ => open = None,
                }
            }
            _ => {}
        }
    }
    spans
}

/// Whether quoted words read as a title, name or slogan rather than speech: a few words, no
/// sentence punctuation, and every longer word capitalised ("The Internet Explorer 6
/// Countdown", "Hope").
pub fn looks_like_title(quoted: &str) -> bool {
    // A name may end with its full stop or abbreviation ("Noble Moving and Storage.", "Acme
    // Holdings Inc.") and a title may hold a subtitle after a colon ("Cloud: Passport to …").
    // American punctuation keeps a following comma inside the marks ("Glory to Communism,").
    let quoted = quoted.trim_end().trim_end_matches(',');
    let quoted = quoted.strip_suffix('.').unwrap_or(quoted);
    let words: Vec<&str> = quoted.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || quoted.contains(['.', '!', '?', ',', ';']) {
        return false;
    }
    if words.first().is_some_and(|w| w.ends_with(':')) {
        return false;
    }
    words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase()))
        && words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        quote_spans(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn a_quote_running_over_paragraphs_is_one_quote() {
        let text = "Ruiz said:\n\n“We start now.\n\n“We end in May.”\n\nThen she left.";
        assert_eq!(texts(text), ["We start now. We end in May."]);
    }

    #[test]
    fn single_marks_inside_stay_inside_the_quote() {
        assert_eq!(
            texts("“They said ‘never’ twice,” Ruiz said."),
            ["They said ‘never’ twice,"]
        );
    }

    #[test]
    fn an_unclosed_mark_ends_at_the_paragraph() {
        assert_eq!(texts("He said “never.\n\nThen “yes” came."), ["yes"]);
    }

    #[test]
    fn a_closing_mark_opening_a_paragraph_opens_the_quote() {
        let text = "Rates rose.\n\n”We found the best rates out West,” said Anthony. “They work.”";
        assert_eq!(texts(text), ["We found the best rates out West,", "They work."]);
    }

    #[test]
    fn a_straight_opening_mark_closed_by_a_curly_one_is_one_quote() {
        let text = "And \"people with eating disorders should avoid it,” adds Longo. “Yes.”";
        assert_eq!(texts(text), ["people with eating disorders should avoid it,", "Yes."]);
    }

    #[test]
    fn titles_and_slogans_are_told_from_speech() {
        assert!(looks_like_title("The Internet Explorer 6 Countdown"));
        assert!(looks_like_title("Hope"));
        assert!(!looks_like_title("We are ready."));
        assert!(!looks_like_title("quite hostile"));
        assert!(looks_like_title("Noble Moving and Storage."));
        assert!(looks_like_title("Cloud Talks: Passport to Containers"));
        assert!(!looks_like_title("We are ready. We go."));
        assert!(!looks_like_title("Yes, Now."));
    }
}
