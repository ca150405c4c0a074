//! The WCXB authors' main-content metric: the lower-cased `\w+` tokens of the output and of the
//! expected text as multisets (a bag of words), per-page precision, recall and F1 from their
//! overlap, averaged over pages. Order-blind where the 4-shingle metric ([`super::shingles`]) is
//! not: the two together tell a missing block from a shuffled one.

use std::collections::HashMap;

use super::shingles::tokens;

/// One page's word-bag precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct WordScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scores `output` against `expected`. Both empty is a perfect page; one of them empty is zero.
#[must_use]
pub fn score(output: &str, expected: &str) -> WordScore {
    let bag = |text: &str| {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for token in tokens(text) {
            *counts.entry(token).or_default() += 1;
        }
        counts
    };
    let got = bag(output);
    let want = bag(expected);
    let got_total: u32 = got.values().sum();
    let want_total: u32 = want.values().sum();
    if got_total == 0 && want_total == 0 {
        return WordScore {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    if got_total == 0 || want_total == 0 {
        return WordScore {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let overlap: u32 = got
        .iter()
        .map(|(token, n)| (*n).min(want.get(token).copied().unwrap_or(0)))
        .sum();
    let precision = f64::from(overlap) / f64::from(got_total);
    let recall = f64::from(overlap) / f64::from(want_total);
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    WordScore {
        precision,
        recall,
        f1,
    }
}

/// Whether `snippet` appears in `text`, both lower-cased with whitespace collapsed.
#[must_use]
pub fn contains_snippet(text_normalized: &str, snippet: &str) -> bool {
    let snippet = normalize(snippet);
    !snippet.is_empty() && text_normalized.contains(&snippet)
}

/// Lower-cased, whitespace runs collapsed to one space, trimmed.
#[must_use]
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bags_overlap_as_multisets() {
        let s = score("the cat the hat", "the cat sat");
        // overlap: the ×1 (min 2,1), cat ×1 → 2 of 4 output words, 2 of 3 expected.
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn word_order_does_not_matter_but_case_and_punctuation_do_not_either() {
        assert!((score("Hat, the CAT.", "the cat hat").f1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn an_empty_output_scores_zero_unless_nothing_was_expected() {
        assert!(score("", "words").f1.abs() < 1e-9);
        assert!((score("", "").f1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn snippets_match_across_line_breaks_and_case() {
        let text = normalize("Protein continues\n to   DOMINATE the talk");
        assert!(contains_snippet(&text, "protein continues to dominate"));
        assert!(!contains_snippet(&text, "Login"));
        assert!(!contains_snippet(&text, "  "));
    }
}
