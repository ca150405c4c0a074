//! Scores other Rust extractors (dom_smoothie, the `trafilatura` crate, `rs-trafilatura`) and
//! article-enricher's own pipeline on a corpus with exactly the code of
//! `article-enricher-eval content` ([`enricher_eval::content::score_all`]): 4-shingle and
//! word-bag F1, snippet rates, title / author / date exact-match rates, per page type when the
//! corpus has types (WCXB), and pages/s on one core (HTML preloaded).
//! Usage: `cargo run --release -p compare-extractors [DIR]` (default ../shared/corpus/readability-pages).
//!
//! rs-trafilatura's page-type classifier and tuning come from its author's work on WCXB, the
//! benchmark whose development split `../shared/corpus/wcxb-dev` is: its figures there may be
//! figures on data it was fitted to.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use enricher_eval::content::{
    Case, Extracted, Report, extract_case, html_text, load_cases, score_all,
};
use enricher_extract::charset::decode_html;
use enricher_extract::{Extractor, Options};

/// One extractor: the page (decoded HTML and its case, for the URL) in, scored fields out.
type Extract<'a> = Box<dyn FnMut(&str, &Case) -> Extracted + 'a>;

fn dom_smoothie(html: &str, case: &Case) -> Extracted {
    let cfg = dom_smoothie::Config::default();
    dom_smoothie::Readability::new(html, case.url.as_deref(), Some(cfg))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| Extracted {
            text: html_text(&a.content),
            title: Some(a.title.to_string()).filter(|t| !t.is_empty()),
            byline: a.byline.map(|b| b.to_string()),
            date: a.published_time.map(|d| d.to_string()),
            language: a.lang.map(|l| l.to_string()),
            ..Extracted::default()
        })
        .unwrap_or_default()
}

fn trafilatura_crate(html: &str, case: &Case) -> Extracted {
    let mut options = trafilatura::Options::default();
    options.original_url = case.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    trafilatura::extract(html, &options)
        .map(|r| Extracted {
            text: r.content_text,
            title: some(r.metadata.title),
            byline: some(r.metadata.author),
            date: r.metadata.date.map(|d| d.to_string()),
            ..Extracted::default()
        })
        .unwrap_or_default()
}

fn rs_trafilatura(html: &str, case: &Case) -> Extracted {
    let options = rs_trafilatura::Options {
        url: case.url.clone(),
        ..rs_trafilatura::Options::default()
    };
    rs_trafilatura::extract_with_options(html, &options)
        .map(|r| Extracted {
            text: r.content_text,
            title: r.metadata.title,
            byline: r.metadata.author,
            date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
            language: r.metadata.language,
            ..Extracted::default()
        })
        .unwrap_or_default()
}

fn line(name: &str, label: &str, report: &Report, pages_per_s: Option<f64>) -> String {
    let (o, rows) = (&report.overall, &report.per_type);
    let mut out = format!(
        "{name:<16} {label:<14} words F1 {:.4} (P {:.4} R {:.4})  4-shingle F1 {:.4}",
        o.word_f1, o.word_precision, o.word_recall, o.f1
    );
    if let (Some(with), Some(without)) = (o.with_rate, o.without_rate) {
        out += &format!(
            "  with {:.1}% without {:.1}%",
            with * 100.0,
            without * 100.0
        );
    }
    out += &format!(
        "  title {:.1}% author {:.1}% date {:.1}%",
        o.title.rate * 100.0,
        o.byline.rate * 100.0,
        o.date.rate * 100.0
    );
    if let Some(speed) = pages_per_s {
        out += &format!("  {speed:.0} pages/s");
    }
    for (t, row) in rows {
        out += &format!(
            "\n{name:<16} {t:<14} words F1 {:.4}  4-shingle F1 {:.4}  without {:.1}%  ({} pages)",
            row.word_f1,
            row.f1,
            row.without_rate.unwrap_or(0.0) * 100.0,
            row.pages
        );
    }
    out
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
    let enricher = Extractor::new(Options::default()).expect("models");
    let ours: Extract<'_> =
        Box::new(|_, case: &Case| extract_case(&enricher, case).unwrap_or_default());
    let extractors: Vec<(&str, Extract<'_>)> = vec![
        ("article-enricher", ours),
        ("dom_smoothie", Box::new(dom_smoothie)),
        ("trafilatura", Box::new(trafilatura_crate)),
        ("rs-trafilatura", Box::new(rs_trafilatura)),
    ];
    println!("{} pages from {dir}", cases.len());
    for (name, mut extract) in extractors {
        let started = Instant::now();
        let outputs: Vec<Extracted> = htmls
            .iter()
            .zip(&cases)
            .map(|(h, c)| extract(h, c))
            .collect();
        let speed = cases.len() as f64 / started.elapsed().as_secs_f64();
        let mut outputs = outputs.into_iter();
        let report = score_all(&cases, |_| Ok(outputs.next().unwrap_or_default()));
        println!("{}", line(name, "all", &report, Some(speed)));
    }
}
