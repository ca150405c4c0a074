//! The extraction pipeline: one message body in, one [`Record`] out. Pure and synchronous — no
//! broker, no async runtime — so the worker, the offline `extract` command, tests and benchmarks
//! all run the same code.
//!
//! Stages: [`decode`] (envelope / HTML / text) → [`charset`] → [`prescan`] limits → [`html`] or
//! [`plain_text`] reader → [`body`] structure → [`dateline`] and [`language`] → [`enrich`]
//! (entities, quotes, quantities, countries, keywords, summary, fingerprint) → [`record`].

pub mod article;
pub mod body;
pub mod charset;
pub mod dateline;
pub mod decode;
pub mod enrich;
pub mod error;
pub mod html;
pub mod language;
pub mod plain_text;
pub mod prescan;
pub mod record;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Deserialize;

pub use article::{Article, Content};
pub use decode::BodyHints;
pub use error::ExtractError;
pub use html::Reader as HtmlReader;
pub use record::{Record, Source};

/// The extractor's name in every record.
pub const EXTRACTOR_NAME: &str = "article-enricher";
/// The extractor's version in every record and in the output message id.
pub const EXTRACTOR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Words per minute for `reading_time_seconds`.
const READING_WORDS_PER_MINUTE: usize = 230;

/// Bounds that protect the worker from hostile or broken input.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub max_body_bytes: usize,
    pub max_html_nodes: usize,
    pub max_html_depth: usize,
    pub time_budget_ms: u64,
    /// Which reader finds an HTML page's main content. Not a bound, but carried with the
    /// bounds because every extraction call takes them.
    #[serde(default)]
    pub html_reader: html::Reader,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 10 * 1024 * 1024,
            max_html_nodes: 200_000,
            max_html_depth: 512,
            time_budget_ms: 5_000,
            html_reader: html::Reader::default(),
        }
    }
}

/// Measures stages and enforces the per-article time budget between them.
struct Clock {
    started: Instant,
    last: Instant,
    budget: Duration,
    timings: BTreeMap<String, f64>,
}

impl Clock {
    fn start(budget_ms: u64) -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            budget: Duration::from_millis(budget_ms),
            timings: BTreeMap::new(),
        }
    }

    /// Records the stage that just ended; fails once the budget is spent.
    fn lap(&mut self, stage: &str) -> Result<(), ExtractError> {
        let now = Instant::now();
        self.timings
            .insert(stage.to_owned(), millis(now - self.last));
        self.last = now;
        if now - self.started > self.budget {
            return Err(ExtractError::TimeBudgetExceeded {
                budget_ms: u64::try_from(self.budget.as_millis()).unwrap_or(u64::MAX),
            });
        }
        Ok(())
    }

    fn finish(mut self) -> BTreeMap<String, f64> {
        self.timings
            .insert("total".into(), millis(self.started.elapsed()));
        self.timings
    }
}

fn millis(d: Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

/// Decodes a message body and extracts its record.
///
/// # Errors
/// Any [`ExtractError`]: all are permanent for these bytes.
pub fn process(
    body: &[u8],
    hints: BodyHints<'_>,
    source: Source,
    limits: &Limits,
) -> Result<Record, ExtractError> {
    let mut clock = Clock::start(limits.time_budget_ms);
    let article = decode::decode(body, hints, limits)?;
    clock.lap("decode")?;
    extract_timed(&article, source, limits, clock)
}

/// HTML bytes to a [`body::Body`]: charset resolved, limits checked before parsing, script and
/// style contents cut, page read.
///
/// # Errors
/// [`ExtractError::HtmlTooManyNodes`] or [`ExtractError::HtmlTooDeep`].
pub fn extract_html(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    limits: &Limits,
) -> Result<body::Body, ExtractError> {
    let html = charset::decode_html(bytes, charset);
    let scan = prescan::scan(
        html.as_bytes(),
        limits.max_html_nodes,
        limits.max_html_depth,
    )?;
    let html = prescan::without_inert(&html, &scan);
    Ok(html::read_with(&html, url, limits.html_reader))
}

/// Extracts the record of an already-decoded article.
///
/// # Errors
/// Limit errors for hostile HTML, [`ExtractError::EmptyArticle`], or the time budget.
pub fn extract(article: &Article, source: Source, limits: &Limits) -> Result<Record, ExtractError> {
    extract_timed(article, source, limits, Clock::start(limits.time_budget_ms))
}

fn extract_timed(
    article: &Article,
    mut source: Source,
    limits: &Limits,
    mut clock: Clock,
) -> Result<Record, ExtractError> {
    let body = match &article.content {
        Content::Html { bytes, charset } => {
            extract_html(bytes, charset.as_deref(), article.url.as_deref(), limits)?
        }
        Content::Text(text) => plain_text::read(text),
    };
    clock.lap("parse")?;
    let text = body.text();
    if !text.chars().any(char::is_alphanumeric) {
        return Err(ExtractError::EmptyArticle);
    }
    let hint = article
        .language
        .as_deref()
        .or(body.language_hint.as_deref());
    let language = language::detect(&text, hint);
    let dateline = body.lead().and_then(dateline::find);
    clock.lap("language")?;
    let title = body.title.clone().or_else(|| article.title.clone());
    let headings = body.heading_ranges();
    let enrichment = enrich::enrich(
        &text,
        &enrich::Context {
            title: title.as_deref(),
            raw_title: body.raw_title.as_deref(),
            language: language.as_deref(),
            dateline_place: dateline.as_ref().map(|d| d.place.as_str()),
            dateline_agency: dateline.as_ref().and_then(|d| d.agency.as_deref()),
            headings: &headings,
        },
    );
    clock.lap("enrich")?;
    for (stage, ms) in &enrichment.stage_ms {
        clock.timings.insert((*stage).to_owned(), *ms);
    }
    let words = text.split_whitespace().count();
    let stats = record::Stats {
        words,
        sentences: enrichment.sentences,
        paragraphs: body.blocks.len(),
        reading_time_seconds: u64::try_from((words * 60).div_ceil(READING_WORDS_PER_MINUTE))
            .unwrap_or(u64::MAX),
    };
    source.url = source.url.or_else(|| article.url.clone());
    source.name = source.name.or_else(|| article.source.clone());
    let meta = body.meta.clone();
    Ok(Record {
        schema_version: record::SCHEMA_VERSION,
        id: article.id.clone(),
        source,
        content_type: article.content.kind().to_owned(),
        title,
        byline: meta.byline,
        authors: meta.authors,
        sections: body.sections(),
        text,
        language,
        published_at: article.published_at.clone().or(meta.published_at),
        modified_at: meta.modified_at,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        image: meta.image,
        description: meta.description,
        tags: meta.tags,
        categories: meta.categories,
        dateline,
        readable: body.readable,
        stats,
        entities: enrichment.entities,
        quotes: enrichment.quotes,
        quantities: enrichment.quantities,
        countries: enrichment.countries,
        keywords: enrichment.keywords,
        summary: enrichment.summary,
        fingerprint: enrichment.fingerprint,
        notes: enrichment.notes,
        metadata: article.metadata.clone(),
        extractor: record::Extractor {
            name: EXTRACTOR_NAME.to_owned(),
            version: EXTRACTOR_VERSION.to_owned(),
        },
        timings_ms: clock.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_body_becomes_a_record_with_title_and_text() {
        let record = process(
            "Storm Closes Ports\n\nHAMBURG — A storm closed the port on Monday, officials said."
                .as_bytes(),
            BodyHints::default(),
            Source::default(),
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(record.title.as_deref(), Some("Storm Closes Ports"));
        assert_eq!(
            record.text,
            "HAMBURG — A storm closed the port on Monday, officials said."
        );
        assert_eq!(record.dateline.unwrap().place, "HAMBURG");
        assert_eq!(record.language.as_deref(), Some("en"));
        assert_eq!(record.content_type, "text");
        assert!(record.timings_ms.contains_key("total"));
    }

    #[test]
    fn html_with_no_text_is_an_empty_article() {
        let err = process(
            b"<html><body><nav>Menu</nav></body></html>",
            BodyHints::default(),
            Source::default(),
            &Limits::default(),
        )
        .unwrap_err();
        assert_eq!(err.kind(), "empty_article");
    }

    #[test]
    fn a_zero_budget_is_exceeded() {
        let limits = Limits {
            time_budget_ms: 0,
            ..Limits::default()
        };
        // Any measurable work exceeds a zero budget; decode of a large body is measurable.
        let body = "word ".repeat(200_000);
        let err = process(
            body.as_bytes(),
            BodyHints::default(),
            Source::default(),
            &limits,
        )
        .unwrap_err();
        assert_eq!(err.kind(), "time_budget_exceeded");
    }
}
