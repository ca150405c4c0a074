//! `eval content`: runs the pipeline over a folder of `<case>/source.html` + `expected.html`
//! [+ `expected-metadata.json`], or a WCXB folder ([`super::wcxb`]), and reports text
//! precision/recall/F1 twice (4-shingles, [`super::shingles`]; word bags, [`super::wordbag`]),
//! `with`/`without` snippet rates, metadata exact-match rates (title, byline or author, date,
//! language), a table per page type, and speed in pages/s on one core: html5ever's bare parse,
//! HTML extraction alone, and the full pipeline.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dom_query::Document;
use serde::{Deserialize, Serialize};

use super::shingles::{CorpusScore, PageScore, aggregate, score_page};
use super::wordbag::{self, WordScore};
use enricher_extract::body::normalize_whitespace;
use enricher_extract::{BodyHints, Extractor, HtmlReader, Options, Record, Source, charset, html};

/// One page with what it should give.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub source: Vec<u8>,
    pub expected_text: String,
    pub expected: Option<ExpectedMetadata>,
    /// The page's type where the corpus gives one (WCXB: article, forum, listing, …).
    pub page_type: Option<String>,
    /// The page's address, passed to the pipeline as the envelope's `url` would be.
    pub url: Option<String>,
    /// Text that must appear in the output / must not (WCXB's snippets).
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// The fields of `expected-metadata.json` that are scored.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ExpectedMetadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub lang: Option<String>,
    /// The publication date; compared on its first ten characters (YYYY-MM-DD).
    #[serde(alias = "publishedTime")]
    pub date: Option<String>,
}

/// Loads every case folder under `dir`, sorted by name.
///
/// # Errors
/// The folder cannot be read, or a case lacks `source.html` / `expected.html`.
pub fn load_cases(dir: &Path) -> anyhow::Result<Vec<Case>> {
    if super::wcxb::is_wcxb(dir) {
        return super::wcxb::load(dir);
    }
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
                page_type: None,
                url: None,
                with: Vec::new(),
                without: Vec::new(),
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
    pub page_type: Option<String>,
    /// 4-shingle precision (none when the output is empty) and recall.
    pub precision: Option<f64>,
    pub recall: f64,
    /// Word-bag precision, recall and F1.
    pub words: WordScore,
    /// `with` snippets found, `without` snippets found (both out of the case's lists).
    pub with_found: usize,
    pub without_found: usize,
    pub title: Option<String>,
    pub title_ok: Option<bool>,
    pub byline: Option<String>,
    /// The author names joined by ", " (what `byline_ok` also compares).
    pub authors: String,
    pub byline_ok: Option<bool>,
    pub date: Option<String>,
    pub date_ok: Option<bool>,
    pub language_ok: Option<bool>,
    pub error: Option<String>,
}

/// Figures over a set of pages (the whole corpus, or one page type).
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub pages: usize,
    /// 4-shingle corpus precision, recall and F1 (see [`super::shingles::aggregate`]).
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Word-bag precision, recall and F1, each the mean over pages.
    pub word_precision: f64,
    pub word_recall: f64,
    pub word_f1: f64,
    /// Share of `with` snippets found and of `without` snippets found (lower is better), over
    /// all snippets; none when the pages have no snippets.
    pub with_rate: Option<f64>,
    pub without_rate: Option<f64>,
    /// Exact-match rates with the number of pages that give an expected value.
    pub title: Rate,
    pub byline: Rate,
    pub date: Rate,
    pub language: Rate,
}

/// An exact-match rate over the pages that have an expected value.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rate {
    pub rate: f64,
    pub judged: usize,
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
    /// Everything over all pages, then per page type (sorted by name) when the corpus has types.
    pub overall: Totals,
    pub per_type: Vec<(String, Totals)>,
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

/// Dates compare on their first ten characters (YYYY-MM-DD): a date-only value matches a
/// timestamp of the same day.
fn same_date(got: Option<&str>, expected: Option<&str>) -> bool {
    let day = |s: Option<&str>| s.map(|s| s.trim().chars().take(10).collect::<String>());
    day(got) == day(expected)
}

/// Lower-cased, whitespace collapsed: how titles and authors are compared.
fn same_folded(got: Option<&str>, expected: Option<&str>) -> bool {
    let norm = |s: Option<&str>| s.map(wordbag::normalize).filter(|s| !s.is_empty());
    norm(got) == norm(expected)
}

/// What an extractor gave for one page: the fields that are scored. Other extractors (the
/// comparison tool's peers) fill it too, so that every one is scored by the same code.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// Author names, compared joined by ", " when the byline does not match.
    pub authors: Vec<String>,
    /// The publication date (RFC 3339 or YYYY-MM-DD).
    pub date: Option<String>,
    pub language: Option<String>,
}

impl From<&Record> for Extracted {
    fn from(r: &Record) -> Self {
        Self {
            text: r.text.clone(),
            title: r.title.clone(),
            byline: r.byline.clone(),
            authors: r.authors.clone(),
            date: r.published_at.clone(),
            language: r.language.clone(),
        }
    }
}

/// Scores one page's extraction (or error kind) against its case.
fn score_case(case: &Case, extracted: Result<Extracted, String>) -> (CaseResult, PageScore) {
    let (got, error) = match extracted {
        Ok(got) => (got, None),
        Err(kind) => (Extracted::default(), Some(kind)),
    };
    let Extracted {
        text,
        title,
        byline,
        authors,
        date,
        language,
    } = got;
    let authors = authors.join(", ");
    let text = text.as_str();
    let shingles: PageScore = score_page(text, &case.expected_text);
    let folded = wordbag::normalize(text);
    let expected = case.expected.as_ref();
    // Readability's corpus compares bylines exactly as written; WCXB's authors are compared
    // folded (case, spacing), against the byline or the author names joined by ", ".
    let wcxb = case.page_type.is_some();
    let byline_ok = expected.filter(|m| m.byline.is_some()).map(|m| {
        if wcxb {
            same_folded(byline.as_deref(), m.byline.as_deref())
                || same_folded(Some(&authors), m.byline.as_deref())
        } else {
            same(byline.as_deref(), m.byline.as_deref())
        }
    });
    let title_ok = expected.filter(|m| m.title.is_some()).map(|m| {
        if wcxb {
            same_folded(title.as_deref(), m.title.as_deref())
        } else {
            same(title.as_deref(), m.title.as_deref())
        }
    });
    let result = CaseResult {
        name: case.name.clone(),
        page_type: case.page_type.clone(),
        precision: shingles.precision,
        recall: shingles.recall,
        words: wordbag::score(text, &case.expected_text),
        with_found: case
            .with
            .iter()
            .filter(|s| wordbag::contains_snippet(&folded, s))
            .count(),
        without_found: case
            .without
            .iter()
            .filter(|s| wordbag::contains_snippet(&folded, s))
            .count(),
        title_ok,
        byline_ok,
        date_ok: expected
            .filter(|m| m.date.is_some())
            .map(|m| same_date(date.as_deref(), m.date.as_deref())),
        language_ok: expected
            .filter(|m| m.lang.is_some())
            .map(|m| same_language(language.as_deref(), m.lang.as_deref())),
        title,
        byline,
        authors,
        date,
        error,
    };
    (result, shingles)
}

/// The figures over `pages` (results with their shingle scores, and their cases' snippet counts).
fn totals(pages: &[(&CaseResult, PageScore, &Case)]) -> Totals {
    let CorpusScore {
        precision,
        recall,
        f1,
        ..
    } = aggregate(&pages.iter().map(|(_, s, _)| *s).collect::<Vec<_>>());
    let n = pages.len().max(1) as f64;
    let mean =
        |f: fn(&WordScore) -> f64| pages.iter().map(|(r, _, _)| f(&r.words)).sum::<f64>() / n;
    let share = |found: usize, total: usize| (total > 0).then(|| found as f64 / total as f64);
    let rate = |f: fn(&CaseResult) -> Option<bool>| {
        let judged: Vec<bool> = pages.iter().filter_map(|(r, _, _)| f(r)).collect();
        Rate {
            rate: if judged.is_empty() {
                0.0
            } else {
                judged.iter().filter(|ok| **ok).count() as f64 / judged.len() as f64
            },
            judged: judged.len(),
        }
    };
    Totals {
        pages: pages.len(),
        precision,
        recall,
        f1,
        word_precision: mean(|w| w.precision),
        word_recall: mean(|w| w.recall),
        word_f1: mean(|w| w.f1),
        with_rate: share(
            pages.iter().map(|(r, _, _)| r.with_found).sum(),
            pages.iter().map(|(_, _, c)| c.with.len()).sum(),
        ),
        without_rate: share(
            pages.iter().map(|(r, _, _)| r.without_found).sum(),
            pages.iter().map(|(_, _, c)| c.without.len()).sum(),
        ),
        title: rate(|r| r.title_ok),
        byline: rate(|r| r.byline_ok),
        date: rate(|r| r.date_ok),
        language: rate(|r| r.language_ok),
    }
}

/// Runs the full pipeline on every case and scores it.
#[must_use]
pub fn evaluate(cases: &[Case], extractor: &Extractor) -> Report {
    score_all(cases, |case| extract_case(extractor, case))
}

/// The pipeline on one case's page, as the worker runs it on an HTML envelope with the page's
/// URL: the scored fields, or the error's kind.
///
/// # Errors
/// The pipeline's error kind (e.g. `empty_article`).
pub fn extract_case(extractor: &Extractor, case: &Case) -> Result<Extracted, String> {
    let hints = BodyHints {
        content_type: Some("text/html"),
        message_id: None,
    };
    let source = Source {
        url: case.url.clone(),
        ..Source::default()
    };
    extractor
        .process(&case.source, hints, source)
        .map(|record| Extracted::from(&record))
        .map_err(|e| e.kind().to_owned())
}

/// Runs `extract` on every case (an error is scored as an empty page) and scores the results.
pub fn score_all(
    cases: &[Case],
    mut extract: impl FnMut(&Case) -> Result<Extracted, String>,
) -> Report {
    let mut results = Vec::with_capacity(cases.len());
    let mut scores = Vec::with_capacity(cases.len());
    for case in cases {
        let (result, score) = score_case(case, extract(case));
        results.push(result);
        scores.push(score);
    }
    let pages: Vec<(&CaseResult, PageScore, &Case)> = results
        .iter()
        .zip(&scores)
        .zip(cases)
        .map(|((r, s), c)| (r, *s, c))
        .collect();
    let overall = totals(&pages);
    let mut types: Vec<&str> = cases
        .iter()
        .filter_map(|c| c.page_type.as_deref())
        .collect();
    types.sort_unstable();
    types.dedup();
    let per_type = types
        .into_iter()
        .map(|t| {
            let of_type: Vec<_> = pages
                .iter()
                .filter(|(_, _, c)| c.page_type.as_deref() == Some(t))
                .copied()
                .collect();
            (t.to_owned(), totals(&of_type))
        })
        .collect();
    Report {
        precision: overall.precision,
        recall: overall.recall,
        f1: overall.f1,
        // Rates count the cases whose expected value is given: a page that declares no
        // language has `lang: null` there, while the record always carries the detected one.
        title_rate: overall.title.rate,
        byline_rate: overall.byline.rate,
        language_rate: overall.language.rate,
        cases: results,
        overall,
        per_type,
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
    /// The same with each reader: `readability`, then `scoring` (or `learned` when configured).
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
        let scorer = match extractor.options().html_reader {
            HtmlReader::Learned => HtmlReader::Learned,
            _ => HtmlReader::Scoring,
        };
        for (slot, reader) in [(1, HtmlReader::Readability), (2, scorer)] {
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
        HtmlReader::Scoring | HtmlReader::Learned => scoring,
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

/// The human-readable table: one line per case, then the totals, then one line per page type.
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
        "{:<48} {:>6} {:>6} {:>6} {:>6}  title byline date lang",
        "case", "P", "R", "F1", "wordF1"
    );
    for c in &report.cases {
        let p = c.precision.unwrap_or(0.0);
        let f1 = super::shingles::f1(p, c.recall);
        let name = match &c.page_type {
            Some(t) => format!("{} {t}", c.name),
            None => c.name.clone(),
        };
        let _ = writeln!(
            out,
            "{:<48} {:>6.3} {:>6.3} {:>6.3} {:>6.3}  {:<5} {:<6} {:<4} {:<4} {}",
            name,
            p,
            c.recall,
            f1,
            c.words.f1,
            mark(c.title_ok),
            mark(c.byline_ok),
            mark(c.date_ok),
            mark(c.language_ok),
            c.error.as_deref().unwrap_or("")
        );
    }
    let o = &report.overall;
    let _ = writeln!(out, "\npages {}", report.cases.len());
    let _ = writeln!(
        out,
        "text      precision {:.4}  recall {:.4}  F1 {:.4}",
        report.precision, report.recall, report.f1
    );
    let _ = writeln!(
        out,
        "words     precision {:.4}  recall {:.4}  F1 {:.4}  (word bags, mean over pages)",
        o.word_precision, o.word_recall, o.word_f1
    );
    if let (Some(with), Some(without)) = (o.with_rate, o.without_rate) {
        let _ = writeln!(
            out,
            "snippets  with found {:.1}%  without found {:.1}%",
            with * 100.0,
            without * 100.0
        );
    }
    let _ = writeln!(
        out,
        "metadata  title {:.1}% ({})  byline {:.1}% ({})  date {:.1}% ({})  language {:.1}% ({})",
        o.title.rate * 100.0,
        o.title.judged,
        o.byline.rate * 100.0,
        o.byline.judged,
        o.date.rate * 100.0,
        o.date.judged,
        o.language.rate * 100.0,
        o.language.judged,
    );
    if !report.per_type.is_empty() {
        let _ = writeln!(
            out,
            "\n{:<14} {:>5} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>6} {:>6} {:>6}",
            "type",
            "pages",
            "wordP",
            "wordR",
            "wordF1",
            "shF1",
            "with%",
            "without%",
            "title%",
            "auth%",
            "date%"
        );
        for (t, row) in report
            .per_type
            .iter()
            .map(|(t, r)| (t.as_str(), r))
            .chain(std::iter::once(("all", o)))
        {
            let _ = writeln!(
                out,
                "{:<14} {:>5} {:>7.4} {:>7.4} {:>7.4} {:>7.4} {:>7.1} {:>8.1} {:>6.1} {:>6.1} {:>6.1}",
                t,
                row.pages,
                row.word_precision,
                row.word_recall,
                row.word_f1,
                row.f1,
                row.with_rate.unwrap_or(0.0) * 100.0,
                row.without_rate.unwrap_or(0.0) * 100.0,
                row.title.rate * 100.0,
                row.byline.rate * 100.0,
                row.date.rate * 100.0,
            );
        }
    }
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

    #[test]
    fn dates_compare_on_the_day() {
        assert!(same_date(
            Some("2025-09-04T10:00:00+02:00"),
            Some("2025-09-04")
        ));
        assert!(!same_date(Some("2025-09-05"), Some("2025-09-04")));
        assert!(!same_date(None, Some("2025-09-04")));
    }

    #[test]
    fn titles_and_authors_compare_folded() {
        assert!(same_folded(Some("Jane  DOE"), Some("jane doe")));
        assert!(!same_folded(Some(""), Some("jane doe")));
    }
}
