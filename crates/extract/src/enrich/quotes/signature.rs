//! Pull quotes signed after the quote, the way reviews and features print them: `“…” — Rochelle
//! Bilow, editor`, or the name alone on the next line (`“…”` / `Carey Cranston` / `Museum
//! President`). The signature is the quote's speaker. Only a person's name counts, and only
//! when the name ends the line or a comma follows it, so running text after a dash is no
//! signature.

use super::index::{Index, Speaker, token_at};
use super::cues::given_name_gender;
use super::speaker::{Attribution, Pattern, speaker_at};
use crate::enrich::entities::Kind;
use crate::enrich::words::STOPWORDS;

/// Dashes that open a signature.
const DASHES: &[&str] = &["—", "–", "―", "-", "--"];

/// The signature after a quote ending at byte `quote_end`, in the same paragraph.
pub fn signed(index: &Index<'_>, quote_end: usize) -> Option<Attribution> {
    let tokens = index.tokens;
    let i = token_at(tokens, quote_end);
    let t = tokens.get(i)?;
    if index.paragraph_of(t.start) != index.paragraph_of(quote_end) {
        return None;
    }
    let gap = index.text.get(quote_end..t.start)?;
    let dash = DASHES.contains(&index.word(i));
    let on_next_line = gap.contains('\n') && gap.trim().is_empty();
    let (speaker, end, cue) = match (dash, on_next_line) {
        (true, false) => {
            let (speaker, end) = speaker_at(index, i + 1, false)?;
            (speaker, end, index.word(i).to_owned())
        }
        (false, true) => {
            let (speaker, end) = name_line(index, t.start)?;
            (speaker, end, "signature".to_owned())
        }
        _ => return None,
    };
    let person = match &speaker {
        Speaker::Entity(e) => index.entities[*e].kind == Kind::Person,
        Speaker::Name(_) => true,
        _ => false,
    };
    let rest = index.text.get(end..)?;
    let ends_line = rest
        .trim_start_matches([' ', '\t'])
        .chars()
        .next()
        .is_none_or(|c| c == '\n');
    let comma_follows = dash && rest.starts_with(',');
    (person && (ends_line || comma_follows)).then_some((speaker, cue, Pattern::Verb, end))
}

/// A line starting at byte `start` that is only a person's name: two to four capitalised words,
/// tagged as a person or opening with a known given name ("Carey Cranston").
fn name_line(index: &Index<'_>, start: usize) -> Option<(Speaker, usize)> {
    let rest = index.text.get(start..)?;
    let line = rest.split('\n').next()?.trim_end();
    let words: Vec<&str> = line.split_whitespace().collect();
    let name_like = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && !STOPWORDS.contains(w.to_lowercase().as_str())
    };
    if !(2..=4).contains(&words.len()) || !words.iter().all(name_like) {
        return None;
    }
    let end = start + line.len();
    let tagged = index
        .mention_at(start)
        .filter(|m| index.entities[m.entity].kind == Kind::Person && m.end == end);
    match tagged {
        Some(m) => Some((Speaker::Entity(m.entity), end)),
        None => words
            .first()
            .and_then(|w| given_name_gender(w))
            .map(|_| (Speaker::Name(line.to_owned()), end)),
    }
}
