//! Turns a message body into an [`Article`]: JSON envelope, raw HTML or plain text, chosen by
//! content type or, when there is none, by sniffing the first bytes.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::Limits;
use crate::article::{Article, Content};
use crate::error::ExtractError;

/// What the transport says about a body.
#[derive(Debug, Clone, Copy, Default)]
pub struct BodyHints<'a> {
    /// The message's content type, e.g. `text/html; charset=utf-8`.
    pub content_type: Option<&'a str>,
    /// The transport's message id (AMQP `message_id`), the second choice for the article id.
    pub message_id: Option<&'a str>,
}

/// The content type a file's extension names (`.html`, `.txt`, `.json`, …); `None` lets
/// decoding sniff the bytes.
#[must_use]
pub fn content_type_for(path: &std::path::Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "html" | "htm" | "xhtml" => Some("text/html"),
        "txt" | "text" | "md" => Some("text/plain"),
        "json" => Some("application/json"),
        _ => None,
    }
}

/// The shape of a body, from its content type or its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyShape {
    Json,
    Html,
    Text,
}

/// Decodes one message body.
///
/// # Errors
/// Every [`ExtractError`] that a body alone can cause: empty, too large, malformed JSON,
/// invalid UTF-8, unsupported or unrecognisable content, an envelope with no content.
pub fn decode(body: &[u8], hints: BodyHints<'_>, limits: &Limits) -> Result<Article, ExtractError> {
    if body.len() > limits.max_body_bytes {
        return Err(ExtractError::BodyTooLarge {
            size: body.len(),
            limit: limits.max_body_bytes,
        });
    }
    if body.is_empty() {
        return Err(ExtractError::EmptyBody);
    }
    let (mime, charset) = split_content_type(hints.content_type);
    let shape = match mime.as_deref() {
        Some("application/json" | "text/json") => BodyShape::Json,
        Some(m) if m.ends_with("+json") => BodyShape::Json,
        Some("text/html" | "application/xhtml+xml") => BodyShape::Html,
        Some("text/plain") => BodyShape::Text,
        None | Some("" | "application/octet-stream") => sniff(body)?,
        Some(other) => return Err(ExtractError::UnsupportedContentType(other.to_owned())),
    };
    match shape {
        BodyShape::Json => decode_envelope(body, hints),
        BodyShape::Html => Ok(bare_article(
            hints,
            body,
            Content::Html {
                bytes: body.to_vec(),
                charset,
            },
        )),
        BodyShape::Text => {
            let text = std::str::from_utf8(body).map_err(|_| ExtractError::InvalidUtf8("text"))?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            Ok(bare_article(hints, body, Content::Text(text.to_owned())))
        }
    }
}

/// Lower-cased MIME type and the `charset` parameter, if any.
fn split_content_type(content_type: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(ct) = content_type else {
        return (None, None);
    };
    let mut parts = ct.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_owned())
    });
    (Some(mime), charset)
}

/// Guesses the shape of a body without a content type.
fn sniff(body: &[u8]) -> Result<BodyShape, ExtractError> {
    let body = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    match first {
        None => Err(ExtractError::EmptyArticle),
        Some(b'{') => Ok(BodyShape::Json),
        Some(b'<') => Ok(BodyShape::Html),
        Some(_) if std::str::from_utf8(body).is_ok_and(looks_like_text) => Ok(BodyShape::Text),
        Some(_) => Err(ExtractError::Undecodable),
    }
}

/// Text has no control characters other than whitespace.
fn looks_like_text(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && !c.is_whitespace())
}

fn bare_article(hints: BodyHints<'_>, body: &[u8], content: Content) -> Article {
    Article::bare(resolve_id(None, hints.message_id, None, body), content)
}

/// Envelope `id`, else the transport's message id, else a hash of url + content.
fn resolve_id(
    envelope_id: Option<String>,
    message_id: Option<&str>,
    url: Option<&str>,
    content: &[u8],
) -> String {
    if let Some(id) = envelope_id.filter(|s| !s.trim().is_empty()) {
        return id;
    }
    if let Some(id) = message_id.filter(|s| !s.trim().is_empty()) {
        return id.to_owned();
    }
    crate::article::content_id(url, content)
}


/// A JSON envelope as it arrives. Fields we do not interpret are kept, and go to the record's
/// `metadata` beside the envelope's own `metadata` object.
#[derive(Debug, Deserialize)]
struct Envelope {
    #[serde(default, deserialize_with = "string_or_number")]
    id: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    metadata: Option<Map<String, Value>>,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

/// An envelope `id` may be a string or a number (kept as its decimal text).
fn string_or_number<'de, D: serde::Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    match Option::<Value>::deserialize(de)? {
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Null) | None => Ok(None),
        Some(_) => Err(serde::de::Error::custom("must be a string or a number")),
    }
}

fn decode_envelope(body: &[u8], hints: BodyHints<'_>) -> Result<Article, ExtractError> {
    let text = std::str::from_utf8(body).map_err(|_| ExtractError::InvalidUtf8("JSON"))?;
    let value: Value =
        serde_json::from_str(text).map_err(|e| ExtractError::MalformedJson(e.to_string()))?;
    if !value.is_object() {
        return Err(ExtractError::InvalidEnvelope(
            "the JSON body is not an object".into(),
        ));
    }
    let envelope: Envelope = serde_path_to_error::deserialize(value).map_err(|e| {
        ExtractError::InvalidEnvelope(format!("\"{}\": {}", e.path(), e.inner()))
    })?;
    let content = match (envelope.html, envelope.text) {
        (Some(html), _) if !html.trim().is_empty() => Content::Html {
            bytes: html.into_bytes(),
            charset: Some("utf-8".into()),
        },
        (_, Some(text)) => Content::Text(text),
        (Some(html), None) => Content::Html {
            bytes: html.into_bytes(),
            charset: Some("utf-8".into()),
        },
        (None, None) => return Err(ExtractError::MissingContent),
    };
    let mut metadata = envelope.metadata.unwrap_or_default();
    for (key, value) in envelope.unknown {
        metadata.entry(key).or_insert(value);
    }
    let (id, url) = (envelope.id, envelope.url);
    let content_bytes: &[u8] = match &content {
        Content::Html { bytes, .. } => bytes,
        Content::Text(t) => t.as_bytes(),
    };
    Ok(Article {
        id: resolve_id(id, hints.message_id, url.as_deref(), content_bytes),
        url,
        title: envelope.title,
        source: envelope.source,
        published_at: envelope.published_at,
        language: envelope.language,
        metadata,
        content,
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
    }

    fn decode_ct(body: &[u8], ct: Option<&str>) -> Result<Article, ExtractError> {
        decode(
            body,
            BodyHints {
                content_type: ct,
                message_id: None,
            },
            &limits(),
        )
    }

    #[test]
    fn a_json_envelope_with_text_becomes_a_text_article() {
        let a = decode_ct(
            br#"{"id":"a1","url":"https://x/y","text":"Hello world."}"#,
            None,
        )
        .unwrap();
        assert_eq!(a.id, "a1");
        assert_eq!(a.url.as_deref(), Some("https://x/y"));
        assert_eq!(a.content, Content::Text("Hello world.".into()));
    }

    #[test]
    fn unknown_envelope_fields_pass_through_under_metadata() {
        let a = decode_ct(
            br#"{"text":"t","feed":"wire","metadata":{"k":1}}"#,
            Some("application/json"),
        )
        .unwrap();
        assert_eq!(a.metadata["feed"], "wire");
        assert_eq!(a.metadata["k"], 1);
    }

    #[test]
    fn html_wins_over_text_in_an_envelope() {
        let a = decode_ct(br#"{"html":"<p>x</p>","text":"y"}"#, None).unwrap();
        assert_eq!(a.content.kind(), "html");
    }

    #[test]
    fn the_message_id_is_the_id_when_the_envelope_has_none() {
        let a = decode(
            b"plain",
            BodyHints {
                content_type: Some("text/plain"),
                message_id: Some("m-9"),
            },
            &limits(),
        )
        .unwrap();
        assert_eq!(a.id, "m-9");
    }

    #[test]
    fn without_any_id_the_id_is_a_stable_content_hash() {
        let a = decode_ct(b"same text", None).unwrap();
        let b = decode_ct(b"same text", None).unwrap();
        let c = decode_ct(b"other text", None).unwrap();
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, c.id);
        assert_eq!(a.id.len(), 32);
    }

    #[test]
    fn each_bad_body_has_its_own_kind() {
        let cases: [(&[u8], Option<&str>, &str); 8] = [
            (b"", None, "empty_body"),
            (b"{\"text\": ", Some("application/json"), "malformed_json"),
            (
                b"{\"text\": \"\xff\xfe\"}",
                Some("application/json"),
                "invalid_utf8",
            ),
            (b"{\"url\": \"u\"}", None, "missing_content"),
            (
                b"\x00\x01\x02\xff",
                Some("application/octet-stream"),
                "undecodable",
            ),
            (b"\x89PNG", Some("image/png"), "unsupported_content_type"),
            (b"[1,2]", Some("application/json"), "invalid_envelope"),
            (b"   \n\t ", None, "empty_article"),
        ];
        for (body, ct, kind) in cases {
            let err = decode_ct(body, ct).unwrap_err();
            assert_eq!(err.kind(), kind, "{body:?} {ct:?}: {err}");
        }
    }

    #[test]
    fn a_body_over_the_limit_is_refused_before_parsing() {
        let limits = Limits {
            max_body_bytes: 4,
            ..Limits::default()
        };
        let err = decode(b"hello", BodyHints::default(), &limits).unwrap_err();
        assert_eq!(err.kind(), "body_too_large");
    }

    #[test]
    fn the_charset_parameter_is_kept_for_html() {
        let a = decode_ct(b"<p>x</p>", Some("text/html; charset=\"windows-1252\"")).unwrap();
        assert_eq!(
            a.content,
            Content::Html {
                bytes: b"<p>x</p>".to_vec(),
                charset: Some("windows-1252".into())
            }
        );
    }
}
