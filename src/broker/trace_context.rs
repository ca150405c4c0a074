//! W3C trace context (`traceparent`, `tracestate`) in AMQP message headers: read from an input
//! message, written on what is published for it.
//!
//! Parsing and formatting are OpenTelemetry's [`TraceContextPropagator`] (version `00`, a 32-hex
//! trace id, a 16-hex parent id, the flags; an invalid header reads as none, so a bad
//! `traceparent` starts a new trace and never fails a message). This module only adapts an AMQP
//! field table to the propagator's `Extractor` and `Injector`, and makes the child span context a
//! process writes when no OpenTelemetry tracer is installed to make one.

use lapin::BasicProperties;
use lapin::types::{AMQPValue, FieldTable};
use opentelemetry::Context;
use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::{SpanContext, TraceContextExt, TraceFlags, TraceState};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{IdGenerator, RandomIdGenerator};

use super::text_value;

/// Reads trace headers from a message's field table (text values only).
struct HeaderExtractor<'a>(Option<&'a FieldTable>);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        match self.0?.inner().get(key)? {
            AMQPValue::LongString(s) => std::str::from_utf8(s.as_bytes()).ok(),
            AMQPValue::ShortString(s) => Some(s.as_str()),
            _ => None,
        }
    }

    fn keys(&self) -> Vec<&str> {
        self.0
            .map(|table| table.inner().keys().map(|k| k.as_str()).collect())
            .unwrap_or_default()
    }
}

/// Writes trace headers into a field table as long strings.
struct HeaderInjector<'a>(&'a mut FieldTable);

impl Injector for HeaderInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        self.0.insert(key.into(), text_value(&value));
    }
}

/// The sender's trace context from a message's headers; an empty context when there is no valid
/// `traceparent`.
#[must_use]
pub fn extract(headers: Option<&FieldTable>) -> Context {
    TraceContextPropagator::new().extract(&HeaderExtractor(headers))
}

/// `properties` with `traceparent` (and `tracestate` when not empty) set to `context`'s span,
/// replacing any the message carried; unchanged when `context` holds no valid span.
#[must_use]
pub fn with_trace(properties: BasicProperties, context: &Context) -> BasicProperties {
    if !context.span().span_context().is_valid() {
        return properties;
    }
    let mut headers = properties.headers().clone().unwrap_or_default();
    TraceContextPropagator::new().inject_context(context, &mut HeaderInjector(&mut headers));
    properties.with_headers(headers)
}

/// A new span context under `parent`: the parent's trace id, flags and trace state with a fresh
/// span id, or a fresh trace (sampled) when `parent` holds no valid span. What is written on the
/// messages when no OpenTelemetry tracer makes the span.
#[must_use]
pub fn child_of(parent: &Context) -> Context {
    let ids = RandomIdGenerator::default();
    let parent_span = parent.span();
    let parent = parent_span.span_context();
    let span = if parent.is_valid() {
        SpanContext::new(
            parent.trace_id(),
            ids.new_span_id(),
            parent.trace_flags(),
            false,
            parent.trace_state().clone(),
        )
    } else {
        SpanContext::new(
            ids.new_trace_id(),
            ids.new_span_id(),
            TraceFlags::SAMPLED,
            false,
            TraceState::default(),
        )
    };
    Context::new().with_remote_span_context(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::header_str;
    use crate::broker::headers::{TRACEPARENT, TRACESTATE};

    const PARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    fn headers_with(pairs: &[(&str, &str)]) -> FieldTable {
        let mut table = FieldTable::default();
        for (key, value) in pairs {
            table.insert((*key).into(), text_value(value));
        }
        table
    }

    fn traceparent(properties: &BasicProperties) -> String {
        header_str(properties.headers().as_ref(), TRACEPARENT).expect("a traceparent")
    }

    #[test]
    fn a_child_keeps_the_trace_id_and_state_and_gets_its_own_span_id() {
        let headers = headers_with(&[(TRACEPARENT, PARENT), (TRACESTATE, "congo=t61rcWkgMzE")]);
        let child = child_of(&extract(Some(&headers)));
        let written = with_trace(BasicProperties::default(), &child);
        let value = traceparent(&written);
        let parts: Vec<&str> = value.split('-').collect();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0], "00");
        assert_eq!(parts[1], "4bf92f3577b34da6a3ce929d0e0e4736");
        assert_eq!(parts[2].len(), 16);
        assert_ne!(parts[2], "00f067aa0ba902b7");
        assert_eq!(parts[3], "01");
        assert_eq!(
            header_str(written.headers().as_ref(), TRACESTATE).as_deref(),
            Some("congo=t61rcWkgMzE")
        );
    }

    #[test]
    fn an_invalid_or_missing_traceparent_starts_a_new_valid_trace() {
        for bad in [
            None,
            Some("garbage"),
            Some("00-00000000000000000000000000000000-00f067aa0ba902b7-01"),
            Some("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"),
            Some("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            Some("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
        ] {
            let headers = bad.map(|value| headers_with(&[(TRACEPARENT, value)]));
            let parent = extract(headers.as_ref());
            assert!(
                !parent.span().span_context().is_valid(),
                "{bad:?} read as valid"
            );
            let value = traceparent(&with_trace(BasicProperties::default(), &child_of(&parent)));
            let parts: Vec<&str> = value.split('-').collect();
            assert_eq!(parts.len(), 4, "{value}");
            assert_eq!(parts[0], "00");
            assert!(
                parts[1].len() == 32 && parts[1] != "0".repeat(32),
                "{value}"
            );
            assert!(
                parts[2].len() == 16 && parts[2] != "0".repeat(16),
                "{value}"
            );
            assert!(
                value
                    .bytes()
                    .all(|b| b == b'-' || b.is_ascii_digit() || b.is_ascii_lowercase()),
                "{value}"
            );
        }
    }

    #[test]
    fn writing_the_trace_keeps_the_other_headers_and_replaces_an_old_traceparent() {
        let headers = headers_with(&[(TRACEPARENT, PARENT), ("x-case", "kept")]);
        let properties = BasicProperties::default().with_headers(headers.clone());
        let child = child_of(&extract(Some(&headers)));
        let written = with_trace(properties, &child);
        assert_eq!(
            header_str(written.headers().as_ref(), "x-case").as_deref(),
            Some("kept")
        );
        assert_ne!(traceparent(&written), PARENT);
    }

    #[test]
    fn an_empty_context_writes_nothing() {
        let written = with_trace(BasicProperties::default(), &Context::new());
        assert!(written.headers().is_none());
    }
}
