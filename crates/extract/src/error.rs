//! Why an article could not be turned into a record. Every variant here is permanent: the same
//! bytes would fail the same way again, so the worker dead-letters them with [`ExtractError::kind`].

/// A permanent failure to decode or extract one article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("the message body is empty")]
    EmptyBody,
    #[error("the message body is {size} bytes, over the {limit}-byte limit")]
    BodyTooLarge { size: usize, limit: usize },
    #[error("malformed JSON envelope: {0}")]
    MalformedJson(String),
    #[error("invalid UTF-8 in a {0} body")]
    InvalidUtf8(&'static str),
    #[error("unsupported content type {0:?}")]
    UnsupportedContentType(String),
    #[error("the body is neither JSON, HTML nor text")]
    Undecodable,
    #[error("the envelope has neither \"html\" nor \"text\"")]
    MissingContent,
    #[error("invalid envelope: {0}")]
    InvalidEnvelope(String),
    #[error("the article has no text")]
    EmptyArticle,
    #[error("the HTML has more than {limit} elements")]
    HtmlTooManyNodes { limit: usize },
    #[error("the HTML nests deeper than {limit} elements")]
    HtmlTooDeep { limit: usize },
    #[error("extraction exceeded its {budget_ms} ms time budget")]
    TimeBudgetExceeded { budget_ms: u64 },
}

impl ExtractError {
    /// A short stable code for the `x-error-kind` header and the metrics label.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Self::EmptyBody => "empty_body",
            Self::BodyTooLarge { .. } => "body_too_large",
            Self::MalformedJson(_) => "malformed_json",
            Self::InvalidUtf8(_) => "invalid_utf8",
            Self::UnsupportedContentType(_) => "unsupported_content_type",
            Self::Undecodable => "undecodable",
            Self::MissingContent => "missing_content",
            Self::InvalidEnvelope(_) => "invalid_envelope",
            Self::EmptyArticle => "empty_article",
            Self::HtmlTooManyNodes { .. } => "html_too_many_nodes",
            Self::HtmlTooDeep { .. } => "html_too_deep",
            Self::TimeBudgetExceeded { .. } => "time_budget_exceeded",
        }
    }
}

/// A model the extractor needs did not load. Raised when an [`Extractor`](crate::Extractor) is
/// built, so a worker with a broken model fails at start-up instead of quietly tagging worse.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read the entity model {path}: {source}")]
    Read {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("the entity model {origin} does not load: {reason}")]
    Invalid { origin: String, reason: String },
}
