//! The standard text-extraction metric: lower-cased `\w+` tokens, multisets of 4-token shingles
//! of the output and the expected text, per-page precision and recall, and corpus precision (mean
//! over pages with output), recall (mean over all pages) and their harmonic mean.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Tokens per shingle.
pub const SHINGLE: usize = 4;

/// Lower-cased `\w+` tokens (letters, digits, marks and `_`).
#[must_use]
pub fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Combining marks count as word characters in `\w` (e.g. Devanagari vowel signs).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

/// The multiset of shingles of `text` (shorter texts give one shingle of all their tokens).
#[must_use]
pub fn shingle_counts(text: &str) -> HashMap<u64, u32> {
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let hasher =
        std::hash::BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default();
    for window in tokens.windows(SHINGLE.min(tokens.len())) {
        let mut h = hasher.build_hasher();
        for token in window {
            h.write(token.as_bytes());
            h.write_u8(0xff);
        }
        *counts.entry(h.finish()).or_insert(0) += 1;
    }
    counts
}

/// One page's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// `None` when the output was empty (such pages do not count towards precision).
    pub precision: Option<f64>,
    pub recall: f64,
}

/// Scores one page's output against its expected text.
#[must_use]
pub fn score_page(output: &str, expected: &str) -> PageScore {
    let out = shingle_counts(output);
    let exp = shingle_counts(expected);
    let out_total: u32 = out.values().sum();
    let exp_total: u32 = exp.values().sum();
    let tp: u32 = out
        .iter()
        .map(|(k, n)| (*n).min(exp.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = (out_total > 0).then(|| f64::from(tp) / f64::from(out_total));
    let recall = if exp_total == 0 {
        if out_total == 0 { 1.0 } else { 0.0 }
    } else {
        f64::from(tp) / f64::from(exp_total)
    };
    PageScore { precision, recall }
}

/// Corpus figures: precision over pages with output, recall over all pages, F1 of the two.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CorpusScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub pages: usize,
}

/// The harmonic mean of precision and recall (0 when both are 0).
#[must_use]
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

impl PageScore {
    /// This page's F1, an empty output counting as precision 0.
    #[must_use]
    pub fn f1(&self) -> f64 {
        f1(self.precision.unwrap_or(0.0), self.recall)
    }
}

/// Aggregates page scores.
#[must_use]
pub fn aggregate(pages: &[PageScore]) -> CorpusScore {
    let with_output: Vec<f64> = pages.iter().filter_map(|p| p.precision).collect();
    let precision = mean(&with_output);
    let recall = mean(&pages.iter().map(|p| p.recall).collect::<Vec<_>>());
    let f1 = f1(precision, recall);
    CorpusScore {
        precision,
        recall,
        f1,
        pages: pages.len(),
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowercased_words() {
        assert_eq!(
            tokens("Hello, World! it's 2024_x"),
            ["hello", "world", "it", "s", "2024_x"]
        );
    }

    #[test]
    fn identical_text_scores_one() {
        let s = score_page("one two three four five six", "one two three four five six");
        assert_eq!(
            s,
            PageScore {
                precision: Some(1.0),
                recall: 1.0
            }
        );
    }

    #[test]
    fn extra_boilerplate_lowers_precision_only() {
        let s = score_page(
            "one two three four five menu home login about",
            "one two three four five",
        );
        assert_eq!(s.recall, 1.0);
        assert!(s.precision.unwrap() < 0.5);
    }

    #[test]
    fn empty_output_has_no_precision_and_zero_recall() {
        let s = score_page("", "one two three four five");
        assert_eq!(
            s,
            PageScore {
                precision: None,
                recall: 0.0
            }
        );
    }

    #[test]
    fn repeated_shingles_count_as_a_multiset() {
        let s = score_page("a b c d a b c d", "a b c d");
        assert!((s.precision.unwrap() - 0.2).abs() < 1e-9, "{s:?}");
    }

    #[test]
    fn precision_averages_only_pages_with_output() {
        let score = aggregate(&[
            PageScore {
                precision: Some(1.0),
                recall: 1.0,
            },
            PageScore {
                precision: None,
                recall: 0.0,
            },
        ]);
        assert_eq!(score.precision, 1.0);
        assert_eq!(score.recall, 0.5);
    }
}
