//! `eval train-blocks` and `eval cv-blocks`: the learned block classifier's training data, its
//! trainer and its cross-validation on a WCXB folder.
//!
//! Every text block of every page (a unit: see `html/scoring/block_features.rs`) is labelled
//! content when at least half of its lower-cased `\w+` tokens occur in the page's ground-truth
//! text, and weighted by its share of the page's tokens (so that each page counts once, as the
//! page-averaged word F1 does). Gradient-boosted trees ([`crate::block_trees`]) are fitted on
//! the units' features and whether the heuristic scorer selected each: deterministic (no
//! sampling, fixed order), so the shipped weights rebuild byte-for-byte. Cross-validation
//! deals the pages into folds by the number in their name and extracts each fold's pages with
//! weights trained on the other folds, scored by the `eval content` code.

use std::collections::HashSet;

use enricher_extract::Extractor;
use enricher_extract::html::scoring::block_model::{
    BlockModel, FEATURES, Sample, collect_samples, with_model,
};

use crate::block_trees::{Row, TreeSettings, fit_trees};
use crate::content::{self, Case, Report};
use crate::shingles::tokens;

/// One page's units as training rows.
#[derive(Debug, Clone, Default)]
pub struct PageRows {
    pub features: Vec<[f32; FEATURES]>,
    pub selected: Vec<bool>,
    pub labels: Vec<bool>,
    pub weights: Vec<f64>,
    /// The units' texts and the page's expected text (for the oracle figures).
    pub texts: Vec<String>,
    pub expected: String,
}

/// Labels and weights for one page's `samples` against its ground truth `expected`.
#[must_use]
pub fn rows_of(samples: &[Sample], expected: &str) -> PageRows {
    let truth_tokens = tokens(expected);
    let truth: HashSet<&str> = truth_tokens.iter().map(String::as_str).collect();
    let pairs: HashSet<(&str, &str)> = truth_tokens
        .windows(2)
        .map(|w| (w[0].as_str(), w[1].as_str()))
        .collect();
    // Word pairs tell the page's text from furniture made of common words; a one-word block is
    // judged by its word.
    let counts: Vec<(usize, usize)> = samples
        .iter()
        .map(|s| {
            let t = tokens(&s.text);
            let found = if t.len() < 2 {
                t.iter().filter(|w| truth.contains(w.as_str())).count()
            } else {
                let hits = t
                    .windows(2)
                    .filter(|w| pairs.contains(&(w[0].as_str(), w[1].as_str())))
                    .count();
                // As a share of the block's words.
                (hits * t.len()).div_ceil(t.len() - 1)
            };
            (t.len(), found.min(t.len()))
        })
        .collect();
    let total: usize = counts.iter().map(|c| c.0).sum();
    let mut rows = PageRows::default();
    for (s, (n, found)) in samples.iter().zip(counts) {
        rows.features.push(s.features);
        rows.selected.push(s.selected);
        rows.labels.push(n > 0 && 2 * found >= n);
        rows.weights.push(n as f64 / total.max(1) as f64);
        rows.texts.push(s.text.clone());
    }
    rows.expected = expected.to_owned();
    rows
}

/// Every page's rows, extracted with the heuristic scorer (the features do not depend on the
/// model).
#[must_use]
pub fn collect(cases: &[Case], extractor: &Extractor) -> Vec<PageRows> {
    cases
        .iter()
        .map(|case| {
            let (_, samples) = with_model(None, || {
                collect_samples(|| content::extract_case(extractor, case))
            });
            rows_of(&samples, &case.expected_text)
        })
        .collect()
}

/// Fits the model on `pages`.
#[must_use]
pub fn fit(pages: &[&PageRows], settings: TreeSettings) -> BlockModel {
    let rows: Vec<Row<'_>> = pages
        .iter()
        .flat_map(|p| {
            (0..p.features.len())
                .map(move |i| (&p.features[i], p.selected[i], p.labels[i], p.weights[i]))
        })
        .collect();
    fit_trees(&rows, settings)
}

/// The fold (of `k`) of the page named `name`: the number in its name, modulo `k`.
#[must_use]
pub fn fold_of(name: &str, k: usize) -> usize {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    let number = digits
        .get(digits.len().saturating_sub(6)..)
        .and_then(|d| d.parse::<u64>().ok())
        .unwrap_or(0);
    (number % k.max(1) as u64) as usize
}

/// Unit-level accuracy (weighted by tokens) of `model` on `pages`.
#[must_use]
pub fn unit_accuracy(model: &BlockModel, pages: &[&PageRows]) -> f64 {
    let (mut right, mut all) = (0.0, 0.0);
    for page in pages {
        for i in 0..page.features.len() {
            let kept = model.keeps(&page.features[i], page.selected[i]);
            all += page.weights[i];
            if kept == page.labels[i] {
                right += page.weights[i];
            }
        }
    }
    right / f64::max(all, 1e-9)
}

/// The mean word F1 over `pages` of the units `keep` picks (by page and unit index), read in
/// order: the labels' ceiling, or the scorer's selection seen through the units.
#[must_use]
pub fn unit_f1(pages: &[&PageRows], keep: impl Fn(&PageRows, usize) -> bool) -> f64 {
    let total: f64 = pages
        .iter()
        .map(|p| {
            let text: Vec<&str> = (0..p.texts.len())
                .filter(|&i| keep(p, i))
                .map(|i| p.texts[i].as_str())
                .collect();
            crate::wordbag::score(&text.join("\n"), &p.expected).f1
        })
        .sum();
    total / pages.len().max(1) as f64
}

/// k-fold cross-validation by page: each fold's pages extracted with weights trained on the
/// other folds, scored as `eval content` scores; with the held-out unit accuracy and the
/// folds' models.
#[must_use]
pub fn cross_validate(
    cases: &[Case],
    rows: &[PageRows],
    extractor: &Extractor,
    k: usize,
    settings: TreeSettings,
) -> (Report, f64, Vec<BlockModel>) {
    let models: Vec<BlockModel> = (0..k)
        .map(|f| {
            let train: Vec<&PageRows> = cases
                .iter()
                .zip(rows)
                .filter(|(c, _)| fold_of(&c.name, k) != f)
                .map(|(_, r)| r)
                .collect();
            fit(&train, settings)
        })
        .collect();
    let mut accuracy = 0.0;
    for (f, model) in models.iter().enumerate() {
        let held: Vec<&PageRows> = cases
            .iter()
            .zip(rows)
            .filter(|(c, _)| fold_of(&c.name, k) == f)
            .map(|(_, r)| r)
            .collect();
        accuracy += unit_accuracy(model, &held) / k as f64;
    }
    let report = score_folds(cases, extractor, &models, k);
    (report, accuracy, models)
}

/// Each case extracted with its fold's model and scored.
#[must_use]
pub fn score_folds(
    cases: &[Case],
    extractor: &Extractor,
    models: &[BlockModel],
    k: usize,
) -> Report {
    content::score_all(cases, |case| {
        let model = models[fold_of(&case.name, k)].clone();
        with_model(Some(model), || content::extract_case(extractor, case))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(text: &str, x: f32) -> Sample {
        let mut features = [0.0; FEATURES];
        features[0] = 1.0;
        features[1] = x;
        Sample {
            features,
            selected: true,
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_block_is_content_when_half_its_words_are_in_the_ground_truth() {
        let samples = [
            sample("The council approved the bridge", 1.0),
            sample("Subscribe to our newsletter today", 0.0),
        ];
        let rows = rows_of(&samples, "The council approved the new bridge on Tuesday.");
        assert_eq!(rows.labels, [true, false]);
        assert!((rows.weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn pages_fall_in_folds_by_their_number() {
        assert_eq!(fold_of("page-00012", 5), 2);
        assert_eq!(fold_of("page-00015", 5), 0);
    }
}
