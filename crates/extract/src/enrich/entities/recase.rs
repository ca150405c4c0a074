//! Shouted sentences (wire headlines such as "ECOPETROL SHARES JUMP ON OUTPUT FORECAST", shouted
//! datelines and captions) recased before names are looked for: capitals say nothing in a
//! sentence without a lower-case letter, so each word takes the spelling the document itself
//! gives it inside its ordinary sentences ("Ecopetrol", "shares"), else the capitalised form
//! that opens one of them if it is no common word ("Veldoria's opposition …"), else title case for a place,
//! demonym or given name the gazetteer knows, else lower case for a word of four letters or
//! more (headline words the story never repeats are mostly ordinary words), and short unknown
//! words stay initialisms ("UN").
//! Only the case of letters changes and only where the byte length stays, so every token offset
//! still holds and mentions keep pointing at the original text. Hand-written: truecasing crates
//! need a trained language model; the document's own spelling is the evidence that travels.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::super::gazetteer::Gazetteer;
use super::super::words;
use super::super::tokens::{Token, TokenKind};
use super::common::is_common_word;
use super::lexicon::FUNCTION_WORDS;
use crate::dateline::HEADLINE_CONNECTORS;

/// Unknown shouted words this short (in letters) are left as written: initialisms.
const INITIALISM_LETTERS: usize = 3;

/// `text` with every shouted sentence (or line of one) recased, or `None` when it has none.
#[must_use]
pub(super) fn shouted_sentences(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
) -> Option<String> {
    // Lines of sentences: a shouted headline may share a sentence with the line after it.
    let mut sentences = Vec::new();
    let mut start = 0;
    let same_line = |a: &Token, b: &Token| {
        a.sentence == b.sentence && !text[a.end..b.start].contains('\n')
    };
    for run in tokens.chunk_by(same_line) {
        sentences.push(start..start + run.len());
        start += run.len();
    }
    let shouted: Vec<bool> = sentences
        .iter()
        .map(|s| is_shouted(text, tokens, s.clone()))
        .collect();
    if !shouted.contains(&true) {
        return None;
    }
    let spellings = Spellings::of(text, tokens, &sentences, &shouted);
    let mut bytes = text.as_bytes().to_vec();
    for (sentence, _) in sentences.iter().zip(&shouted).filter(|(_, s)| **s) {
        let mut first = true;
        let sentence = &tokens[sentence.clone()];
        let mut in_place = 0;
        for (k, token) in sentence.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let word = token.text(text);
            if in_place == 0 {
                in_place = known_place_words(gazetteer, text, &sentence[k..]);
            }
            let mut spelled = if in_place > 0 {
                in_place -= 1;
                title_case(word)
            } else {
                spellings.spelling(gazetteer, word)
            };
            if first {
                spelled = capitalise_first(&spelled);
                first = false;
            }
            if spelled.len() == word.len() {
                bytes[token.start..token.end].copy_from_slice(spelled.as_bytes());
            }
        }
    }
    // Only whole tokens of valid UTF-8 were replaced by strings of the same length.
    String::from_utf8(bytes).ok()
}

/// How many words opening `tokens` spell a place of two or three words the gazetteer knows
/// ("NEW YORK", "SRI LANKA", "LOS ANGELES"), whose short words are no initialisms; 0 if none.
fn known_place_words(gazetteer: &Gazetteer, text: &str, tokens: &[Token]) -> usize {
    for n in [3, 2] {
        let Some(run) = tokens.get(..n) else {
            continue;
        };
        let words = run.iter().all(|t| t.kind == TokenKind::Word)
            && run.windows(2).all(|pair| &text[pair[0].end..pair[1].start] == " ");
        if !words {
            continue;
        }
        let titled = words::title_case(&text[run[0].start..run[n - 1].end]);
        if gazetteer.country_of(&titled).is_some()
            || gazetteer.is_place(&titled)
            || gazetteer.is_city(&titled)
        {
            return n;
        }
    }
    0
}

/// A sentence with no lower-case letter but in the connectors wire headlines keep ("ENGLAND v
/// PAKISTAN"): two words or more, or one word beside a number (a
/// shouted dateline, "LONDON 2026-11-28"), with four letters or more in all.
fn is_shouted(text: &str, tokens: &[Token], sentence: Range<usize>) -> bool {
    let tokens = &tokens[sentence];
    let words = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text(text).chars().any(char::is_alphabetic))
        .count();
    let numbers = tokens.iter().any(|t| t.kind == TokenKind::Number);
    let letters: usize = tokens
        .iter()
        .map(|t| t.text(text).chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    (words >= 2 || words == 1 && numbers)
        && letters >= 4
        && !tokens.iter().any(|t| {
            let word = t.text(text);
            word.chars().any(char::is_lowercase) && !HEADLINE_CONNECTORS.contains(&word)
        })
}

/// How the document spells each word (lower-cased) inside its ordinary sentences, where it
/// follows another word.
struct Spellings<'a> {
    seen: FxHashMap<String, Vec<(&'a str, usize)>>,
    /// Capitalised words seen only opening a sentence or clause (weaker evidence).
    opening: FxHashMap<String, &'a str>,
}

impl<'a> Spellings<'a> {
    fn of(text: &'a str, tokens: &[Token], sentences: &[Range<usize>], shouted: &[bool]) -> Self {
        let mut seen: FxHashMap<String, Vec<(&'a str, usize)>> = FxHashMap::default();
        let mut opening: FxHashMap<String, &'a str> = FxHashMap::default();
        for (sentence, _) in sentences.iter().zip(shouted).filter(|(_, s)| !**s) {
            // A word after another word: not opening a sentence or a clause ("30 - Shares").
            let words = tokens[sentence.clone()]
                .windows(2)
                .filter(|pair| pair[0].kind == TokenKind::Word && pair[1].kind == TokenKind::Word)
                .map(|pair| &pair[1]);
            let first = tokens[sentence.clone()]
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .take(1);
            for token in first {
                let word = token.text(text);
                opening.entry(word.to_lowercase()).or_insert(word);
            }
            for token in words {
                let word = token.text(text);
                let forms = seen.entry(word.to_lowercase()).or_default();
                match forms.iter_mut().find(|(form, _)| *form == word) {
                    Some((_, count)) => *count += 1,
                    None => forms.push((word, 1)),
                }
            }
        }
        Self { seen, opening }
    }

    /// The spelling a shouted `word` takes.
    fn spelling(&self, gazetteer: &Gazetteer, word: &str) -> String {
        let lower = word.to_lowercase();
        if let Some(forms) = self.seen.get(&lower) {
            // The most frequent form; the first seen on a tie.
            let mut best = forms[0];
            for form in &forms[1..] {
                if form.1 > best.1 {
                    best = *form;
                }
            }
            return best.0.to_owned();
        }
        if word.starts_with(['\'', '’'])
            || is_common_word(&lower)
            || FUNCTION_WORDS.contains(lower.as_str())
        {
            return lower;
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() <= INITIALISM_LETTERS {
            return word.to_owned();
        }
        if let Some(form) = self.opening.get(&lower) {
            return (*form).to_owned();
        }
        let titled = title_case(word);
        let known = gazetteer.country_of(&titled).is_some()
            || gazetteer.is_place(&titled)
            || gazetteer.is_city(&titled)
            || gazetteer.is_first_name(&titled);
        if known { titled } else { lower }
    }
}

/// "ROLLS-ROYCE" → "Rolls-Royce", "O'NEILL" → "O'Neill": a capital opening each part.
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut opens_part = true;
    for c in word.chars() {
        if c.is_alphabetic() {
            if opens_part {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            opens_part = false;
        } else {
            out.push(c);
            opens_part = matches!(c, '-' | '\'' | '’');
        }
    }
    out
}

/// `word` with its first letter in upper case.
fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn recased(text: &str) -> Option<String> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        shouted_sentences(&Models::for_tests().gazetteer, text, &tokens)
    }

    #[test]
    fn a_shouted_headline_takes_the_documents_spelling() {
        let text = "ZANTEX SHARES JUMP ON QUORLAND FORECAST\n\nInvestors bought Zantex after \
                    analysts in Quorland raised their forecast.";
        let out = recased(text).expect("a shouted headline");
        assert!(
            out.starts_with("Zantex shares jump on Quorland forecast\n"),
            "{out}"
        );
        assert_eq!(out.len(), text.len());
        assert!(out.ends_with("analysts in Quorland raised their forecast."));
    }

    #[test]
    fn known_places_are_title_cased_unknown_words_lowered_and_short_ones_kept() {
        let out = recased("TALKS BETWEEN JAPAN AND THE UN ON VELDORIAN QUIBBLES\n\nThe talks.")
            .expect("a shouted headline");
        assert!(
            out.starts_with("Talks between Japan and the UN on veldorian quibbles"),
            "{out}"
        );
    }

    #[test]
    fn a_shouted_dateline_with_its_date_is_recased() {
        let out = recased("MARVENTO 2026-11-28\n\nResults of the league in Marvento.")
            .expect("a shouted dateline");
        assert!(out.starts_with("Marvento 2026-11-28"), "{out}");
    }

    #[test]
    fn a_shouted_place_of_several_words_is_title_cased_whole() {
        let out = recased("NEW YORK 2026-12-01\n\nResults of games played on Saturday.")
            .expect("a shouted dateline");
        assert!(out.starts_with("New York 2026-12-01"), "{out}");
    }

    #[test]
    fn a_shouted_headline_with_a_lower_case_v_is_recased() {
        let out = recased("CRICKET - VELDORIA v JAPAN SCORES.\n\nVeldoria batted first.")
            .expect("a shouted headline");
        assert!(out.starts_with("Cricket - Veldoria v Japan scores."), "{out}");
        assert_eq!(recased("The v is a letter.\n\nVeldoria batted first."), None);
    }

    #[test]
    fn ordinary_text_and_a_lone_initialism_are_left_alone() {
        assert_eq!(recased("The NATO summit opened. It ended well."), None);
        assert_eq!(recased("NATO.\n\nThe summit opened."), None);
    }

    #[test]
    fn parts_of_a_compound_word_are_capitalised() {
        assert_eq!(title_case("ROLLS-ROYCE"), "Rolls-Royce");
        assert_eq!(title_case("O'NEILL"), "O'Neill");
    }
}
