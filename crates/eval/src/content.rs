//! `eval content`: runs the pipeline over a folder of `<case>/source.html` + `expected.html`
//! [+ `expected-metadata.json`] and reports text precision/recall/F1 (see [`super::shingles`]),
//! metadata exact-match rates (title, byline, language) and speed in pages/s on one core:
//! html5ever's bare parse, HTML extraction alone, and the full pipeline.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dom_query::Document;
use serde::{Deserialize, Serialize};

use super::shingles::{CorpusScore, PageScore, aggregate, score_page};
use enricher_extract::body::normalize_whitespace;
use enricher_extract::{BodyHints, Extractor, HtmlReader, Options, Source, charset, html};

/// One page with what it should give.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub source: Vec<u8>,
    pub expected_text: String,
    pub expected: Option<ExpectedMetadata>,
}

/// The fields of `expected-metadata.json` that are scored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ExpectedMetadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub lang: Option<String>,
}

/// Loads every case folder under `dir`, sorted by name.
///
/// # Errors
/// The folder cannot be read, or a case lacks `source.html` / `expected.html`.
pub fn load_cases(dir: &Path) -> anyhow::Result<Vec<Case>> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read corpus folder {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    folders.sort();
    anyhow::ensure!(
        !folders.is_empty(),
        "no <case>/source.html under {}",
        dir.display()
    );
    folders
        .into_iter()
        .map(|folder| {
            let source = std::fs::read(folder.join("source.html"))?;
            let expected_html = std::fs::read_to_string(folder.join("expected.html"))
                .map_err(|e| anyhow::anyhow!("{}: expected.html: {e}", folder.display()))?;
            let expected = match std::fs::read_to_string(folder.join("expected-metadata.json")) {
                Ok(json) => Some(serde_json::from_str(&json)?),
                Err(_) => None,
            };
            Ok(Case {
                name: folder
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                source,
                expected_text: html_text(&expected_html),
                expected,
            })
        })
        .collect()
}

/// The text of an HTML fragment as the pipeline renders text: blocks separated by a blank line,
/// inline markup flattened (so words split by `<span>`s in scripts without spaces stay whole).
#[must_use]
pub fn html_text(html: &str) -> String {
    let doc = Document::fragment(html);
    let blocks = html::blocks::blocks_of(&doc.root());
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One page's result.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub name: String,
    pub precision: Option<f64>,
    pub recall: f64,
    pub title: Option<String>,
    pub title_ok: Option<bool>,
    pub byline: Option<String>,
    pub byline_ok: Option<bool>,
    pub language_ok: Option<bool>,
    pub error: Option<String>,
}

/// Corpus figures.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub cases: Vec<CaseResult>,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Exact-match rates over the cases that have expected metadata.
    pub title_rate: f64,
    pub byline_rate: f64,
    pub language_rate: f64,
}

fn same(got: Option<&str>, expected: Option<&str>) -> bool {
    let norm = |s: Option<&str>| s.map(normalize_whitespace).filter(|s| !s.is_empty());
    norm(got) == norm(expected)
}

/// Languages compare on the primary subtag, lower-cased ("en-US" = "en").
fn same_language(got: Option<&str>, expected: Option<&str>) -> bool {
    let primary = |s: Option<&str>| {
        s.and_then(|s| {
            s.trim()
                .split(['-', '_'])
                .next()
                .map(str::to_ascii_lowercase)
        })
        .filter(|s| !s.is_empty())
    };
    primary(got) == primary(expected)
}

/// Runs the full pipeline on every case and scores it.
#[must_use]
pub fn evaluate(cases: &[Case], extractor: &Extractor) -> Report {
    let mut results = Vec::with_capacity(cases.len());
    let mut scores = Vec::with_capacity(cases.len());
    for case in cases {
        let hints = BodyHints {
            content_type: Some("text/html"),
            message_id: None,
        };
        let record = extractor.process(&case.source, hints, Source::default());
        let (text, title, byline, language, error) = match &record {
            Ok(r) => (
                r.text.as_str(),
                r.title.clone(),
                r.byline.clone(),
                r.language.clone(),
                None,
            ),
            Err(e) => ("", None, None, None, Some(e.kind().to_owned())),
        };
        let score: PageScore = score_page(text, &case.expected_text);
        scores.push(score);
        let expected = case.expected.as_ref();
        results.push(CaseResult {
            name: case.name.clone(),
            precision: score.precision,
            recall: score.recall,
            title_ok: expected
                .filter(|m| m.title.is_some())
                .map(|m| same(title.as_deref(), m.title.as_deref())),
            byline_ok: expected
                .filter(|m| m.byline.is_some())
                .map(|m| same(byline.as_deref(), m.byline.as_deref())),
            language_ok: expected
                .filter(|m| m.lang.is_some())
                .map(|m| same_language(language.as_deref(), m.lang.as_deref())),
            title,
            byline,
            error,
        });
    }
    let CorpusScore {
        precision,
        recall,
        f1,
        ..
    } = aggregate(&scores);
    // Rates count the cases whose expected value is given: a page that declares no language has
    // `lang: null` there, while the record always carries the detected language.
    let rate = |f: fn(&CaseResult) -> Option<bool>| {
        let judged: Vec<bool> = results.iter().filter_map(f).collect();
        if judged.is_empty() {
            0.0
        } else {
            judged.iter().filter(|ok| **ok).count() as f64 / judged.len() as f64
        }
    };
    Report {
        title_rate: rate(|r| r.title_ok),
        byline_rate: rate(|r| r.byline_ok),
        language_rate: rate(|r| r.language_ok),
        cases: results,
        precision,
        recall,
        f1,
    }
}

/// Pages per second on one core, HTML preloaded.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Speed {
    /// html5ever building a DOM (through dom_query), nothing else: the reference.
    pub parse_pages_per_s: f64,
    /// HTML to main text and metadata (charset, limits, parse, extraction), with the reader the
    /// configuration names.
    pub extract_pages_per_s: f64,
    /// The same with each reader: `readability`, then `scoring`.
    pub readability_pages_per_s: f64,
    pub scoring_pages_per_s: f64,
    /// The whole pipeline as the worker runs it, to the serialised record.
    pub pipeline_pages_per_s: f64,
}

/// Times each stage over all cases, `passes` times, on the calling thread.
#[must_use]
pub fn measure_speed(cases: &[Case], extractor: &Extractor, passes: usize) -> Speed {
    let passes = passes.max(1);
    let htmls: Vec<String> = cases
        .iter()
        .map(|c| charset::decode_html(&c.source, None).into_owned())
        .collect();
    let pages = (cases.len() * passes) as f64;
    // Passes alternate the parse and the two readers, so that a noisy machine's slow spells fall
    // on all three alike.
    let mut seconds = [0.0f64; 3];
    for _ in 0..passes {
        let started = Instant::now();
        for html in &htmls {
            std::hint::black_box(Document::from(html.as_str()));
        }
        seconds[0] += started.elapsed().as_secs_f64();
        for (slot, reader) in [(1, HtmlReader::Readability), (2, HtmlReader::Scoring)] {
            let options = Options {
                html_reader: reader,
                ..extractor.options().clone()
            };
            let started = Instant::now();
            for case in cases {
                std::hint::black_box(html::read_bytes(&case.source, None, None, &options).ok());
            }
            seconds[slot] += started.elapsed().as_secs_f64();
        }
    }
    let [parse, readability, scoring] = seconds.map(|s| pages / s);
    let extract = match extractor.options().html_reader {
        HtmlReader::Readability => readability,
        HtmlReader::Scoring => scoring,
    };
    let started = Instant::now();
    for _ in 0..passes {
        for case in cases {
            let hints = BodyHints {
                content_type: Some("text/html"),
                message_id: None,
            };
            let record = extractor.process(&case.source, hints, Source::default());
            std::hint::black_box(record.map(|r| serde_json::to_vec(&r).ok()).ok());
        }
    }
    let full = pages / started.elapsed().as_secs_f64();
    Speed {
        parse_pages_per_s: parse,
        extract_pages_per_s: extract,
        readability_pages_per_s: readability,
        scoring_pages_per_s: scoring,
        pipeline_pages_per_s: full,
    }
}

/// The human-readable table: one line per case, then the totals.
#[must_use]
pub fn render(report: &Report, speed: Option<&Speed>) -> String {
    use std::fmt::Write as _;
    let mark = |ok: Option<bool>| match ok {
        Some(true) => "ok",
        Some(false) => "--",
        None => "  ",
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<48} {:>6} {:>6} {:>6}  title byline lang",
        "case", "P", "R", "F1"
    );
    for c in &report.cases {
        let p = c.precision.unwrap_or(0.0);
        let f1 = super::shingles::f1(p, c.recall);
        let _ = writeln!(
            out,
            "{:<48} {:>6.3} {:>6.3} {:>6.3}  {:<5} {:<6} {:<4} {}",
            c.name,
            p,
            c.recall,
            f1,
            mark(c.title_ok),
            mark(c.byline_ok),
            mark(c.language_ok),
            c.error.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(out, "\npages {}", report.cases.len());
    let _ = writeln!(
        out,
        "text      precision {:.4}  recall {:.4}  F1 {:.4}",
        report.precision, report.recall, report.f1
    );
    let _ = writeln!(
        out,
        "metadata  title {:.1}%  byline {:.1}%  language {:.1}%",
        report.title_rate * 100.0,
        report.byline_rate * 100.0,
        report.language_rate * 100.0
    );
    if let Some(s) = speed {
        let _ = writeln!(
            out,
            "speed     html5ever parse {:.0} pages/s  extraction: readability {:.0} pages/s ({:.2}× parse time), scoring {:.0} pages/s ({:.2}× parse time)  full pipeline {:.0} pages/s  (one core)",
            s.parse_pages_per_s,
            s.readability_pages_per_s,
            s.parse_pages_per_s / s.readability_pages_per_s,
            s.scoring_pages_per_s,
            s.parse_pages_per_s / s.scoring_pages_per_s,
            s.pipeline_pages_per_s
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_never_merges_words_across_elements() {
        assert_eq!(
            html_text("<p>one</p><p>two<br>three</p>"),
            "one\n\ntwo three"
        );
    }

    #[test]
    fn languages_compare_on_their_primary_subtag() {
        assert!(same_language(Some("en"), Some("en-US")));
        assert!(!same_language(Some("en"), Some("fr")));
        assert!(same_language(None, None));
    }
}
