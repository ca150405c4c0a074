//! The enriched record: the one JSON document published per article. Its shape is described by
//! `schema/record.schema.json`; tests validate every produced record against that schema.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

pub use crate::body::Section;
pub use crate::dateline::Dateline;
pub use crate::enrich::countries::CountryVia;
pub use crate::enrich::entities::Kind as EntityKind;
pub use crate::enrich::{
    CountryMention, Entity, Fingerprint, Keyword, Quantity, Quote, Span, SpeakerKind,
};
pub use crate::formats::Chunk;

/// Bumped when a field changes meaning or is removed; adding a field does not bump it.
pub const SCHEMA_VERSION: u32 = 1;

/// One enriched article, as published to the output exchange and printed by `article-enricher
/// extract`. Fields may be added without bumping `schema_version`; removing or changing one
/// bumps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(title = "article-enricher record")]
pub struct Record {
    /// The record format's version.
    #[schemars(extend("const" = 1))]
    pub schema_version: u32,
    /// The article id: envelope `id`, else the AMQP `message_id`, else a hash of url + content.
    pub id: String,
    pub source: Source,
    /// `"html"` or `"text"`: the form the article arrived in.
    pub content_type: String,
    pub title: Option<String>,
    /// The byline as the page shows it.
    pub byline: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Main text: paragraphs separated by a blank line, headings as their own paragraphs.
    /// Every offset in the record counts characters (Unicode scalar values) into it. Left out
    /// only when `record.formats.text` is off.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The main content as CommonMark (pipe tables as GitHub writes them): the same words as
    /// `text` in the same order, with heading levels, lists, quotes, tables, code blocks,
    /// emphasis, absolute links and (when `record.formats.images` is on) images. Present when
    /// `record.formats.markdown` is on (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
    /// The main content as sanitised HTML (an allow-list of structural and inline elements,
    /// absolute URLs, no scripts, styles, event handlers or tracking pixels). Present when
    /// `record.formats.html` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// `text` split at headings and paragraph ends into pieces of at most
    /// `record.formats.chunk_words` words, consecutive pieces of a section overlapping by
    /// `record.formats.chunk_overlap_words` words. Present when `record.formats.chunks` is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chunks: Option<Vec<Chunk>>,
    /// ISO 639-1.
    pub language: Option<String>,
    /// RFC 3339 where the page or envelope gives a parseable date, else as given. A source that
    /// gives only a day gives a date-only value (`full-date`, "2025-11-25"): no time or time
    /// zone is invented. From the page: declared metadata first, then the date shown under the
    /// headline, a `<time>` element, the URL, and last the modification date.
    pub published_at: Option<String>,
    /// RFC 3339, or a date-only `full-date` as for `published_at`.
    pub modified_at: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// The absolute address of the page that continues this one, when the page is paginated
    /// (its `<link rel="next">`, or the "next" link of its pagination block): fetch it for the
    /// rest of the article.
    pub next_page: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub dateline: Option<Dateline>,
    /// Whether the input reads as an article; false for index, list and error pages, whose
    /// `text` is whatever little the page had.
    pub readable: bool,
    pub sections: Vec<Section>,
    pub stats: Stats,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub countries: Vec<CountryMention>,
    pub keywords: Vec<Keyword>,
    /// Two or three sentences of the article, in order.
    pub summary: Option<String>,
    pub fingerprint: Fingerprint,
    /// What enrichment skipped and why.
    pub notes: Vec<String>,
    /// Envelope metadata and unknown envelope fields, passed through untouched.
    pub metadata: Map<String, Value>,
    pub extractor: Extractor,
    /// Milliseconds spent per pipeline stage (`decode`, `parse`, `language`, `total`).
    pub timings_ms: BTreeMap<String, f64>,
}

/// Where the article came from. Broker fields are empty for offline extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Source {
    pub url: Option<String>,
    /// The sender's name for the source (envelope `source`).
    pub name: Option<String>,
    pub message_id: Option<String>,
    pub exchange: Option<String>,
    pub routing_key: Option<String>,
    /// When the worker received the message (RFC 3339).
    pub received_at: Option<String>,
}

/// Counts over the main text.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Stats {
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    /// At 230 words per minute, the usual figure for adult readers of news.
    pub reading_time_seconds: u64,
}

/// Which extractor produced the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Extractor {
    pub name: String,
    pub version: String,
}

/// The record's JSON Schema (draft 2020-12), generated from these types: what the record
/// serialises to. `schema/record.schema.json` is this, committed; a test fails when they drift.
#[must_use]
pub fn json_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    generator.into_root_schema_for::<Record>().to_value()
}

/// The output message id: the same for the same article and extractor version, so consumers can
/// de-duplicate what at-least-once delivery repeats, and a new version replaces the old record.
#[must_use]
pub fn record_message_id(article_id: &str, extractor_version: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(article_id.as_bytes());
    hasher.update([0]);
    hasher.update(extractor_version.as_bytes());
    let digest = hasher.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_message_id_depends_on_article_and_version_only() {
        assert_eq!(record_message_id("a", "1"), record_message_id("a", "1"));
        assert_ne!(record_message_id("a", "1"), record_message_id("a", "2"));
        assert_ne!(record_message_id("a", "1"), record_message_id("b", "1"));
    }
}
