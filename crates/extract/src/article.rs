//! An article as it arrives, before extraction: its identity, hints from the sender and its content.

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// The article's content in the form it arrived in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Raw HTML bytes; the charset is resolved during extraction (BOM, meta, then sniffing).
    Html {
        bytes: Vec<u8>,
        /// Charset named by the transport (`text/html; charset=…`), if any.
        charset: Option<String>,
    },
    /// Already-scraped plain text.
    Text(String),
}

impl Content {
    /// `"html"` or `"text"`, as recorded in the output.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Html { .. } => "html",
            Self::Text(_) => "text",
        }
    }
}

/// One decoded article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Envelope `id`, else the AMQP `message_id`, else a hash of url + content.
    pub id: String,
    pub url: Option<String>,
    /// The sender's title; used when the content itself has none.
    pub title: Option<String>,
    /// The sender's name for where the article came from (a feed, a crawler).
    pub source: Option<String>,
    pub published_at: Option<String>,
    /// The sender's language hint (ISO 639-1); text detection has the last word.
    pub language: Option<String>,
    /// Envelope `metadata` plus any envelope fields we do not know, passed through untouched.
    pub metadata: Map<String, Value>,
    pub content: Content,
}

impl Article {
    /// A plain-text article with no sender metadata; its id is a hash of the text.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        Self::bare(content_id(None, text.as_bytes()), Content::Text(text))
    }

    /// An HTML page (its charset resolved from the page itself) from `url`, if known; its id is
    /// a hash of url and bytes.
    #[must_use]
    pub fn html(bytes: impl Into<Vec<u8>>, url: Option<&str>) -> Self {
        let bytes = bytes.into();
        let mut article = Self::bare(
            content_id(url, &bytes),
            Content::Html {
                bytes,
                charset: None,
            },
        );
        article.url = url.map(str::to_owned);
        article
    }

    /// An article with `id` and `content` and nothing from a sender.
    pub(crate) fn bare(id: String, content: Content) -> Self {
        Self {
            id,
            url: None,
            title: None,
            source: None,
            published_at: None,
            language: None,
            metadata: Map::new(),
            content,
        }
    }
}

/// A hash of url + content: the id of an article nobody named.
pub(crate) fn content_id(url: Option<&str>, content: &[u8]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(url.unwrap_or("").as_bytes());
    hasher.update([0]);
    hasher.update(content);
    let digest = hasher.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}
