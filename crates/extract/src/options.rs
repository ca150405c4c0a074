//! What an [`Extractor`](crate::Extractor) is built with: the bounds that protect it from hostile
//! input ([`Limits`]) and the choices that change what it reads and writes ([`Options`]).

use serde::Deserialize;

use crate::formats::Formats;
use crate::html;

/// Bounds that protect the worker from hostile or broken input. Every field is a limit: going
/// over it fails the article with a permanent [`ExtractError`](crate::ExtractError).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Largest message body accepted, in bytes (`body_too_large`).
    pub max_body_bytes: usize,
    /// Most HTML elements, counted before the page is parsed (`html_too_many_nodes`).
    pub max_html_nodes: usize,
    /// Deepest HTML nesting, checked before the page is parsed (`html_too_deep`).
    pub max_html_depth: usize,
    /// Wall-clock milliseconds one article may take (`time_budget_exceeded`).
    pub time_budget_ms: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 10 * 1024 * 1024,
            max_html_nodes: 200_000,
            max_html_depth: 512,
            time_budget_ms: 5_000,
        }
    }
}

/// Everything an extractor is built with besides its models.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub limits: Limits,
    /// Which reader finds an HTML page's main content.
    pub html_reader: html::Reader,
    /// Which forms of the main content records carry (text, Markdown, HTML, chunks).
    pub formats: Formats,
}
