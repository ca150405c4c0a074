//! article-enricher's extraction pipeline as a library: a message body or an [`Article`] in, one
//! enriched [`Record`] out. Pure and synchronous — no broker, no async runtime, no I/O after
//! start-up — so the worker, the offline `extract` command, the eval tools, tests and benchmarks
//! all run the same code, and any Rust program can use it.
//!
//! Build one [`Extractor`] (options plus the models it loads once) and share it; it is cheap to
//! clone and safe to use from many threads.
//!
//! ```
//! use enricher_extract::{Article, Extractor, Options};
//!
//! let extractor = Extractor::new(Options::default())?;
//! let article = Article::text(
//!     "Storm Closes Ports\n\nHAMBURG — A storm closed the port on Monday, \
//!      Mayor Peter Tschentscher said.",
//! );
//! let record = extractor.extract(&article)?;
//! assert_eq!(record.title.as_deref(), Some("Storm Closes Ports"));
//! assert_eq!(record.dateline.as_ref().map(|d| d.place.as_str()), Some("HAMBURG"));
//! assert!(record.entities.iter().any(|e| e.name == "Peter Tschentscher"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Stages: `decode` (envelope / HTML / text) → `charset` → `prescan` limits → `html` or
//! `plain_text` reader → `body` structure → `dateline` and `language` → `enrich` (entities,
//! quotes, quantities, countries, keywords, summary, fingerprint) → [`Record`].

/// Declares the pipeline's modules: crate-private, or public but hidden from the docs when the
/// `internals` feature is on (the eval tools score and train on stages the public API does not
/// expose; the worker never turns it on).
macro_rules! internal_modules {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "internals")]
        #[doc(hidden)]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        pub(crate) mod $name;
    )*};
}

internal_modules!(
    body, charset, dateline, deadline, decode, enrich, formats, html, language, mojibake,
    plain_text, prescan,
);

mod article;
mod error;
mod extractor;
mod options;
pub mod record;

pub use article::{Article, Content};
pub use decode::{BodyHints, content_type_for};
pub use error::{ExtractError, ModelError};
pub use extractor::Extractor;
pub use formats::Formats;
pub use html::Reader as HtmlReader;
pub use options::{Limits, Options};
pub use record::{Record, Source};

/// A built-in plain-text article in the style of the project's seed (a wire story with a
/// dateline, quotes, entities and quantities), for demos, examples and smoke tests.
pub const SAMPLE_ARTICLE: &str = include_str!("sample_article.txt");

/// The extractor's name in every record.
pub const EXTRACTOR_NAME: &str = "article-enricher";
/// The extractor's version in every record and in the output message id.
pub const EXTRACTOR_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Words per minute for `reading_time_seconds`.
const READING_WORDS_PER_MINUTE: usize = 230;
