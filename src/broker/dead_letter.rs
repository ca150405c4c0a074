//! Dead-letter messages the worker publishes itself for permanent failures: the original body and
//! properties, plus headers that say why, so an operator (or `replay`) can act on them.

use lapin::BasicProperties;

use super::headers::{ERROR_KIND, ERROR_MESSAGE, EXTRACTOR_VERSION, FAILED_AT};
use super::text_value;

/// Why a message is dead-lettered.
#[derive(Debug, Clone)]
pub struct Failure<'a> {
    pub kind: &'a str,
    pub message: &'a str,
    pub failed_at: &'a str,
    pub extractor_version: &'a str,
}

/// The original properties with the failure headers added; nothing else changes.
#[must_use]
pub fn properties(original: &BasicProperties, failure: &Failure<'_>) -> BasicProperties {
    let mut headers = original.headers().clone().unwrap_or_default();
    headers.insert(ERROR_KIND.into(), text_value(failure.kind));
    headers.insert(
        ERROR_MESSAGE.into(),
        text_value(&truncate(failure.message, 1024)),
    );
    headers.insert(FAILED_AT.into(), text_value(failure.failed_at));
    headers.insert(
        EXTRACTOR_VERSION.into(),
        text_value(failure.extractor_version),
    );
    original.clone().with_headers(headers)
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::header_str;
    use lapin::types::FieldTable;

    #[test]
    fn failure_headers_are_added_and_other_properties_kept() {
        let mut original_headers = FieldTable::default();
        original_headers.insert("x-trace".into(), text_value("t-1"));
        let original = BasicProperties::default()
            .with_message_id("m-1".into())
            .with_content_type("text/html".into())
            .with_headers(original_headers);
        let failure = Failure {
            kind: "html_too_deep",
            message: "too deep",
            failed_at: "2026-01-01T00:00:00Z",
            extractor_version: "0.1.0",
        };
        let props = properties(&original, &failure);
        let headers = props.headers().as_ref();
        assert_eq!(
            header_str(headers, ERROR_KIND).as_deref(),
            Some("html_too_deep")
        );
        assert_eq!(header_str(headers, "x-trace").as_deref(), Some("t-1"));
        assert_eq!(props.message_id().as_ref().map(|s| s.as_str()), Some("m-1"));
        assert_eq!(
            props.content_type().as_ref().map(|s| s.as_str()),
            Some("text/html")
        );
    }

    #[test]
    fn long_messages_are_truncated_on_a_char_boundary() {
        let long = "é".repeat(1000);
        assert!(truncate(&long, 1024).len() <= 1024 + '…'.len_utf8());
    }
}
