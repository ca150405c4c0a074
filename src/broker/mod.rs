//! RabbitMQ plumbing, knowing nothing of articles: connecting with backoff, declaring the
//! topology, publishing with confirms, building dead-letter messages, and carrying W3C trace
//! context in message headers.

pub mod backoff;
pub mod connection;
pub mod dead_letter;
pub mod headers;
pub mod publisher;
pub mod topology;
pub mod trace_context;

pub use connection::{connect, connect_with_retry};
pub use publisher::{ConfirmedPublisher, PublishError};

use lapin::types::{AMQPValue, FieldTable, LongString};

/// Reads a header as text, whatever string type the sender used.
#[must_use]
pub fn header_str(headers: Option<&FieldTable>, key: &str) -> Option<String> {
    match headers?.inner().get(key)? {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_owned()),
        AMQPValue::LongLongInt(n) => Some(n.to_string()),
        AMQPValue::LongInt(n) => Some(n.to_string()),
        AMQPValue::LongUInt(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A text header value.
#[must_use]
pub fn text_value(s: &str) -> AMQPValue {
    AMQPValue::LongString(LongString::from(s.as_bytes().to_vec()))
}
