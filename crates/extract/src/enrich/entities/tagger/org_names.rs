//! Known organisation names — football clubs and listed companies, from public-domain and CC0
//! lists (`models/org_names.txt`, built by `scripts/org-names.py`; sources in
//! `models/SOURCES.md`) — matched as whole token sequences so the CRF can weigh "this run of
//! words is a known organisation's name" against its context. A feature, never a decision: many
//! clubs share their city's name ("Liverpool") and the model learns when that counts.
//! Hand-written: a set lookup over token windows is all it takes.

use rustc_hash::FxHashSet;

use super::super::super::tokens::{self, Token, TokenKind};
use super::super::lexicon::is_capitalized;

/// The longest name looked up, in tokens.
const MAX_TOKENS: usize = 6;

/// Where a token stands in a known organisation's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// A name of one token.
    Single,
    /// The first token of a longer name.
    First,
    /// A later token of a longer name.
    Inside,
}

/// The organisation names, each as its tokens joined by single spaces.
pub struct OrgNames(FxHashSet<String>);

impl OrgNames {
    /// The shipped list.
    #[must_use]
    pub fn shipped() -> Self {
        Self::from_lines(include_str!("../../../../models/org_names.txt"))
    }

    /// Names one a line; `#` lines are comments.
    #[must_use]
    pub fn from_lines(lines: &str) -> Self {
        let names = lines
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|name| {
                let tokens = tokens::tokenize(name, std::slice::from_ref(&(0..name.len())));
                (tokens.len() <= MAX_TOKENS).then(|| joined(name, &tokens))
            })
            .collect();
        Self(names)
    }

    /// Each token's place in the longest known name that starts at a capitalised word or a
    /// number, names not crossing sentences; earlier names win over overlapping later ones.
    #[must_use]
    pub fn marks(&self, text: &str, tokens: &[Token]) -> Vec<Mark> {
        let mut marks = vec![Mark::None; tokens.len()];
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < tokens.len() {
            let first = &tokens[i];
            let word = first.text(text);
            let starts = match first.kind {
                TokenKind::Word => is_capitalized(word),
                TokenKind::Number => true,
                TokenKind::Punct => false,
            };
            let mut found = 0;
            if starts {
                key.clear();
                for (n, token) in tokens[i..].iter().take(MAX_TOKENS).enumerate() {
                    if token.sentence != first.sentence {
                        break;
                    }
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(token.text(text));
                    if self.0.contains(key.as_str()) {
                        found = n + 1;
                    }
                }
            }
            match found {
                0 => i += 1,
                1 => {
                    marks[i] = Mark::Single;
                    i += 1;
                }
                n => {
                    marks[i] = Mark::First;
                    for mark in &mut marks[i + 1..i + n] {
                        *mark = Mark::Inside;
                    }
                    i += n;
                }
            }
        }
        marks
    }
}

fn joined(text: &str, tokens: &[Token]) -> String {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(names: &str, text: &str) -> Vec<(String, Mark)> {
        let sentences = tokens::sentences(text, Some("en"));
        let toks = tokens::tokenize(text, &sentences);
        let marks = OrgNames::from_lines(names).marks(text, &toks);
        toks.iter()
            .zip(marks)
            .filter(|(_, m)| *m != Mark::None)
            .map(|(t, m)| (t.text(text).to_owned(), m))
            .collect()
    }

    #[test]
    fn the_longest_known_name_is_marked_word_by_word() {
        let got = marks_of(
            "# comment\nNorthfield Rovers\nNorthfield\nAcme\n",
            "Northfield Rovers beat Acme. Northfield is a town.",
        );
        assert_eq!(
            got,
            [
                ("Northfield".to_owned(), Mark::First),
                ("Rovers".to_owned(), Mark::Inside),
                ("Acme".to_owned(), Mark::Single),
                ("Northfield".to_owned(), Mark::Single),
            ]
        );
    }

    #[test]
    fn lower_case_words_and_names_across_sentences_are_not_marked() {
        let got = marks_of("Acme\nBrill Tower\n", "The acme of it. Brill. Tower fell.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn names_with_periods_match_as_tokenised() {
        let got = marks_of("A. B. Smithson\n3Dco\n", "Shares of A. B. Smithson and 3Dco rose.");
        assert_eq!(got.len(), 7, "{got:?}");
    }

    #[test]
    fn the_shipped_list_knows_clubs_and_companies() {
        let names = OrgNames::shipped();
        assert!(names.0.contains("Arsenal"));
        assert!(!names.0.contains("Tom"), "a given name alone is no organisation");
        assert!(names.0.contains("Goldman Sachs"));
        assert!(!names.0.contains("Common Stock"));
    }
}
