//! The [`Extractor`]: options and models loaded once, then any number of articles turned into
//! records, each within its time budget.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::article::{Article, Content};
use crate::deadline::Deadline;
use crate::decode::{self, BodyHints};
use crate::enrich::models::Models;
use crate::error::{ExtractError, ModelError};
use crate::options::Options;
use crate::record::{self, Record, Source};
use crate::{
    EXTRACTOR_NAME, EXTRACTOR_VERSION, READING_WORDS_PER_MINUTE, dateline, enrich, html, language,
    plain_text,
};

/// Turns articles into records. Built once (options plus models, loaded at construction), then
/// shared: cloning is cheap (the models sit behind an [`Arc`]) and `extract` takes `&self`, so
/// one extractor serves every thread of a worker.
#[derive(Debug, Clone)]
pub struct Extractor {
    options: Options,
    models: Arc<Models>,
}

impl Extractor {
    /// An extractor with the shipped models.
    ///
    /// # Errors
    /// A shipped model does not load (a broken build): [`ModelError`].
    pub fn new(options: Options) -> Result<Self, ModelError> {
        Ok(Self {
            options,
            models: Arc::new(Models::shipped()?),
        })
    }

    /// An extractor whose entity tagger uses the CRFsuite weights in `path` instead of the
    /// shipped ones (to compare trained models).
    ///
    /// # Errors
    /// The file cannot be read or is not a model: [`ModelError`], naming the file.
    pub fn with_entity_model(options: Options, path: &Path) -> Result<Self, ModelError> {
        Ok(Self {
            options,
            models: Arc::new(Models::with_entity_model_file(path)?),
        })
    }

    /// The loaded models, for the eval tools that score stages the public API does not expose.
    #[cfg(feature = "internals")]
    #[doc(hidden)]
    #[must_use]
    pub fn models(&self) -> &Models {
        &self.models
    }

    /// What this extractor was built with.
    #[must_use]
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the record of an already-decoded article (no transport information: the
    /// record's `source` holds the article's own url and source name).
    ///
    /// # Errors
    /// Limit errors for hostile HTML, [`ExtractError::EmptyArticle`], or the time budget.
    pub fn extract(&self, article: &Article) -> Result<Record, ExtractError> {
        self.extract_from(article, Source::default())
    }

    /// Extracts the record of an already-decoded article that arrived from `source`.
    ///
    /// # Errors
    /// As [`Extractor::extract`].
    pub fn extract_from(&self, article: &Article, source: Source) -> Result<Record, ExtractError> {
        self.extract_timed(article, source, self.clock())
    }

    /// Decodes a message body (envelope, HTML or text) and extracts its record; the time budget
    /// covers both.
    ///
    /// # Errors
    /// Any [`ExtractError`]: all are permanent for these bytes.
    pub fn process(
        &self,
        body: &[u8],
        hints: BodyHints<'_>,
        source: Source,
    ) -> Result<Record, ExtractError> {
        let mut clock = self.clock();
        let article = decode::decode(body, hints, &self.options.limits)?;
        clock.lap("decode")?;
        self.extract_timed(&article, source, clock)
    }

    /// Decodes a message body into an [`Article`] without extracting it.
    ///
    /// # Errors
    /// The decode errors of [`Extractor::process`].
    pub fn decode(&self, body: &[u8], hints: BodyHints<'_>) -> Result<Article, ExtractError> {
        decode::decode(body, hints, &self.options.limits)
    }

    fn clock(&self) -> Clock {
        Clock::start(self.options.limits.time_budget_ms)
    }

    fn extract_timed(
        &self,
        article: &Article,
        mut source: Source,
        mut clock: Clock,
    ) -> Result<Record, ExtractError> {
        let body = match &article.content {
            // The page is read with its address as the record will give it (the source's,
            // else the envelope's): relative links and the date in the URL need it.
            Content::Html { bytes, charset } => html::read_bytes(
                bytes,
                charset.as_deref(),
                source.url.as_deref().or(article.url.as_deref()),
                &self.options,
            )?,
            Content::Text(text) => plain_text::read(&crate::mojibake::repair(text)),
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
        let dateline = dateline::find_in(body.blocks_from_lead());
        clock.lap("language")?;
        let title = body.title.clone().or_else(|| article.title.clone());
        let headings = body.heading_ranges();
        let enrichment = enrich::enrich(
            &self.models,
            &text,
            &enrich::Context {
                title: title.as_deref(),
                raw_title: body.raw_title.as_deref(),
                language: language.as_deref(),
                dateline_place: dateline.as_ref().map(|d| d.place.as_str()),
                dateline_agency: dateline.as_ref().and_then(|d| d.agency.as_deref()),
                headings: &headings,
                deadline: clock.deadline(),
            },
        )?;
        clock.lap("enrich")?;
        let formats = &self.options.formats;
        let rendered = crate::formats::render(&body, &text, formats);
        clock.lap("formats")?;
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
            text: if formats.text { text } else { String::new() },
            markdown: rendered.markdown,
            html: rendered.html,
            chunks: rendered.chunks,
            language,
            published_at: article.published_at.clone().or(meta.published_at),
            modified_at: meta.modified_at,
            site_name: meta.site_name,
            canonical_url: meta.canonical_url,
            next_page: body.next_page.clone(),
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
}

/// Measures stages and enforces the per-article time budget between them.
struct Clock {
    started: Instant,
    last: Instant,
    budget: Duration,
    timings: BTreeMap<String, f64>,
}

impl Clock {
    /// The budget as a deadline the stages check inside their loops.
    fn deadline(&self) -> Deadline {
        Deadline::after(
            self.started,
            u64::try_from(self.budget.as_millis()).unwrap_or(u64::MAX),
        )
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    fn extractor(options: Options) -> Extractor {
        Extractor::new(options).unwrap()
    }

    #[test]
    fn an_entity_model_that_does_not_load_is_an_error_naming_the_file() {
        let dir = std::env::temp_dir().join(format!("ae-model-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("broken.crfsuite");
        std::fs::write(&path, b"not a model").unwrap();
        let error = Extractor::with_entity_model(Options::default(), &path).unwrap_err();
        assert!(error.to_string().contains("broken.crfsuite"), "{error}");
        let missing =
            Extractor::with_entity_model(Options::default(), &dir.join("absent")).unwrap_err();
        assert!(missing.to_string().contains("absent"), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_text_body_becomes_a_record_with_title_and_text() {
        let record = extractor(Options::default())
            .process(
                "Storm Closes Ports\n\nHAMBURG — A storm closed the port on Monday, officials said."
                    .as_bytes(),
                BodyHints::default(),
                Source::default(),
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
        let err = extractor(Options::default())
            .process(
                b"<html><body><nav>Menu</nav></body></html>",
                BodyHints::default(),
                Source::default(),
            )
            .unwrap_err();
        assert_eq!(err.kind(), "empty_article");
    }

    #[test]
    fn a_zero_budget_is_exceeded() {
        let options = Options {
            limits: Limits {
                time_budget_ms: 0,
                ..Limits::default()
            },
            ..Options::default()
        };
        // Any measurable work exceeds a zero budget; decode of a large body is measurable.
        let body = "word ".repeat(200_000);
        let err = extractor(options)
            .process(body.as_bytes(), BodyHints::default(), Source::default())
            .unwrap_err();
        assert_eq!(err.kind(), "time_budget_exceeded");
    }
}
