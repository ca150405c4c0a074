//! Scores kept extractors on a corpus with the same metric as `article-enricher-eval content`:
//! text precision/recall/F1 over 4-token shingles, and pages/s on one core (HTML preloaded).
//! Usage: `cargo run --release -p compare-extractors [DIR]` (default ../shared/corpus/readability-pages).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use enricher_eval::content::{html_text, load_cases};
use enricher_eval::shingles::{aggregate, score_page};
use enricher_extract::charset::decode_html;
use std::time::Instant;

/// One extractor: page HTML in, main text out.
type Extract = fn(&str) -> String;

fn dom_smoothie_text(html: &str) -> String {
    let cfg = dom_smoothie::Config::default();
    dom_smoothie::Readability::new(html, None, Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| html_text(&a.content))
        .unwrap_or_default()
}

fn trafilatura_text(html: &str) -> String {
    trafilatura::extract(html, &trafilatura::Options::default())
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/readability-pages".into());
    let cases = load_cases(std::path::Path::new(&dir)).expect("corpus");
    let htmls: Vec<String> = cases
        .iter()
        .map(|c| decode_html(&c.source, None).into_owned())
        .collect();
    let extractors: [(&str, Extract); 2] = [
        ("dom_smoothie", dom_smoothie_text),
        ("trafilatura", trafilatura_text),
    ];
    for (name, extract) in extractors {
        let started = Instant::now();
        let outputs: Vec<String> = htmls.iter().map(|h| extract(h)).collect();
        let secs = started.elapsed().as_secs_f64();
        let scores: Vec<_> = outputs
            .iter()
            .zip(&cases)
            .map(|(o, c)| score_page(o, &c.expected_text))
            .collect();
        let s = aggregate(&scores);
        println!(
            "{name:<14} precision {:.4}  recall {:.4}  F1 {:.4}  {:.0} pages/s (one core, {} pages)",
            s.precision,
            s.recall,
            s.f1,
            cases.len() as f64 / secs,
            cases.len()
        );
    }
}
