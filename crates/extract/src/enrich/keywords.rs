//! Keywords and the extractive summary. Keywords are candidate phrases (runs of up to three
//! content words between stopwords), scored by how often the phrase and its words occur, with a
//! bonus for words in the title — a lean single pass. `yake-rust` was measured at 67–143 docs/s
//! on news articles here, below the whole pipeline's budget, so this is ours.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::headings::Headings;
use super::tokens::{Token, TokenKind};
use super::words::STOPWORDS;
use crate::ExtractError;
use crate::deadline::Deadline;

/// One keyword.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Keyword {
    pub term: String,
    /// 0–1, the best keyword scoring 1.
    pub score: f64,
}


/// The top `limit` keywords of `text`.
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per sentence).
pub fn keywords(
    text: &str,
    tokens: &[Token],
    title: Option<&str>,
    limit: usize,
    deadline: Deadline,
) -> Result<Vec<Keyword>, ExtractError> {
    let mut word_freq: HashMap<String, f64> = HashMap::default();
    let mut phrases: HashMap<String, (usize, Vec<String>)> = HashMap::default();
    let mut run: Vec<&Token> = Vec::new();
    let flush = |run: &mut Vec<&Token>, phrases: &mut HashMap<String, (usize, Vec<String>)>| {
        for chunk in run.chunks(3) {
            let words: Vec<String> = chunk.iter().map(|t| t.text(text).to_lowercase()).collect();
            let entry = phrases.entry(words.join(" ")).or_insert((0, words));
            entry.0 += 1;
        }
        run.clear();
    };
    for (i, t) in tokens.iter().enumerate() {
        if i == 0 || tokens[i - 1].sentence != t.sentence {
            deadline.check()?;
        }
        let w = t.text(text);
        let lower = (t.kind == TokenKind::Word && w.chars().count() > 2)
            .then(|| w.to_lowercase())
            .filter(|lower| !STOPWORDS.contains(lower));
        let same_sentence = run
            .last()
            .is_none_or(|last| last.sentence == t.sentence && i > 0);
        if lower.is_none() || !same_sentence {
            flush(&mut run, &mut phrases);
        }
        if let Some(lower) = lower {
            *word_freq.entry(lower).or_default() += 1.0;
            run.push(t);
        }
    }
    flush(&mut run, &mut phrases);
    let title_words: Vec<String> = title
        .map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let mut scored: Vec<(String, f64)> = phrases
        .into_iter()
        .map(|(phrase, (count, words))| {
            let mean = words
                .iter()
                .map(|w| word_freq.get(w).copied().unwrap_or(0.0))
                .sum::<f64>()
                / words.len() as f64;
            let in_title = words.iter().filter(|w| title_words.contains(w)).count() as f64;
            let score = count as f64
                * mean
                * (1.0 + 0.5 * (words.len() as f64 - 1.0))
                * (1.0 + 0.5 * in_title);
            (phrase, score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<(String, f64)> = Vec::new();
    for (phrase, score) in scored {
        if out
            .iter()
            .any(|(p, _)| p.contains(&phrase) || phrase.contains(p.as_str()))
        {
            continue;
        }
        out.push((phrase, score));
        if out.len() == limit {
            break;
        }
    }
    let max = out.first().map_or(1.0, |(_, s)| *s).max(1e-9);
    Ok(out
        .into_iter()
        .map(|(term, score)| Keyword {
            term,
            score: (score / max * 1000.0).round() / 1000.0,
        })
        .collect())
}

/// Two or three sentences (three from eight sentences up), in article order: those richest in
/// keywords, with a bonus for the lead.
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per sentence).
pub fn summary(
    text: &str,
    sentences: &[Range<usize>],
    headings: &Headings,
    keywords: &[Keyword],
    deadline: Deadline,
) -> Result<Option<String>, ExtractError> {
    let weights: HashMap<&str, f64> = keywords
        .iter()
        .flat_map(|k| k.term.split(' ').map(move |w| (w, k.score)))
        .collect();
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        deadline.check()?;
        if headings.contains(s.start)
            || text[s.clone()].split_whitespace().count() < 6
        {
            continue;
        }
        let words: Vec<String> = text[s.clone()]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let weight: f64 = words.iter().filter_map(|w| weights.get(w.as_str())).sum();
        let lead = if i == 0 { 1.0 } else { 0.0 };
        candidates.push((i, weight / (words.len() as f64).sqrt() + lead));
    }
    if candidates.is_empty() {
        return Ok(None);
    }
    let want = if sentences.len() >= 8 { 3 } else { 2 };
    let mut best = candidates.clone();
    best.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut chosen: Vec<usize> = best.into_iter().take(want).map(|(i, _)| i).collect();
    chosen.sort_unstable();
    Ok(Some(
        chosen
            .into_iter()
            .map(|i| text[sentences[i].clone()].trim())
            .collect::<Vec<_>>()
            .join(" "),
    ))
}
