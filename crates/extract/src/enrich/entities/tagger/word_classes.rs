//! Word classes learned from unlabelled text (`models/word_classes.txt`, built by `eval
//! train-classes`; source in `models/SOURCES.md`): words that stand in the same contexts share a
//! class, so a word the labelled data never holds ("Ecopetrol", "Bundesbank") is read like the
//! words of its class that it does hold. A feature, never a decision. Two granularities: a
//! coarse class (a few dozen: "a company-like name", "a month") and a fine one.
//! Hand-written: a map lookup; the classes themselves are trained in the eval crate.

use rustc_hash::FxHashMap;

/// Each word's coarse and fine class, and every class number written out once (features are
/// strings; tagging should not format numbers per token).
pub struct WordClasses {
    classes: FxHashMap<String, (u16, u16)>,
    names: Vec<String>,
}

impl WordClasses {
    /// The shipped classes.
    #[must_use]
    pub fn shipped() -> Self {
        Self::from_lines(include_str!("../../../../models/word_classes.txt"))
    }

    /// Lines `word<TAB>coarse<TAB>fine`; `#` lines are comments; malformed lines are skipped.
    #[must_use]
    pub fn from_lines(lines: &str) -> Self {
        let classes: FxHashMap<String, (u16, u16)> = lines
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|line| {
                let mut parts = line.split('\t');
                let word = parts.next()?;
                let coarse = parts.next()?.parse().ok()?;
                let fine = parts.next()?.parse().ok()?;
                Some((word.to_owned(), (coarse, fine)))
            })
            .collect();
        let largest = classes.values().map(|&(c, f)| c.max(f)).max().unwrap_or(0);
        let names = (0..=largest).map(|n| n.to_string()).collect();
        Self { classes, names }
    }

    /// The classes of `word` as written (digits read as `0`), if the text held it often enough.
    #[must_use]
    pub fn of(&self, word: &str) -> Option<(u16, u16)> {
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return self.classes.get(&class_key(word)).copied();
        }
        self.classes.get(word).copied()
    }

    /// [`Self::of`] with the class numbers as the features write them.
    #[must_use]
    pub fn names_of(&self, word: &str) -> Option<(&str, &str)> {
        let (coarse, fine) = self.of(word)?;
        Some((&self.names[usize::from(coarse)], &self.names[usize::from(fine)]))
    }
}

/// The form a word is clustered and looked up under: every ASCII digit written `0`, so "1996"
/// and "2025" share a class.
#[must_use]
pub fn class_key(word: &str) -> String {
    word.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_has_its_listed_classes_and_numbers_share_theirs() {
        let classes = WordClasses::from_lines("# comment\nAcme\t3\t41\n0000\t7\t9\nbad line\n");
        assert_eq!(classes.of("Acme"), Some((3, 41)));
        assert_eq!(classes.of("1996"), Some((7, 9)));
        assert_eq!(classes.of("acme"), None);
        assert_eq!(classes.of("bad line"), None);
        assert_eq!(classes.names_of("Acme"), Some(("3", "41")));
    }
}
