//! A fixed list of words that answers "is this word in it?" with one hash lookup. The lists the
//! enrichment stages read (stopwords, speech verbs, organisation and role words; 25 to 260 words
//! each) are asked for nearly every token, and a slice's `contains` compares the word with every
//! entry: on a 770-word news text those scans were a tenth of the enrichment's time (`perf` on
//! `article-enricher-eval speed`). The list stays a `&'static [&str]` in the source, readable and
//! ordered as written; the set is built from it on first use. Hand-written because it is a
//! `OnceLock` around a `FxHashSet` (`rustc-hash`, already a dependency), too small for a crate.

use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list, kept as written, with a set built from it on first use.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    /// The list of `words` (as they are compared: no case folding is done here).
    #[must_use]
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the list, exactly as written.
    #[must_use]
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// The list reads as the slice it was written as (`iter`, `len`, indexing); only `contains`
/// goes through the set.
impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: WordList = WordList::new(&["red", "green", "Blue"]);

    #[test]
    fn a_word_list_holds_exactly_the_words_written() {
        assert!(COLOURS.contains("red"));
        assert!(COLOURS.contains("Blue"));
        assert!(!COLOURS.contains("blue"));
        assert!(!COLOURS.contains("re"));
        assert_eq!(COLOURS.iter().copied().collect::<Vec<_>>(), ["red", "green", "Blue"]);
        assert_eq!(COLOURS.len(), 3);
    }
}
