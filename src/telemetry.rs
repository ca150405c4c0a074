//! Sets up `tracing` once: human-readable or JSON lines on stderr (stdout is reserved for command
//! output such as `extract`'s records), filtered by `RUST_LOG` or the configured filter.
//!
//! Two guards keep the broker password out of every log line, whatever `RUST_LOG` says: the AMQP
//! client's trace events (`lapin`, `amq_protocol*`: frame dumps, the login frame among them, its
//! password as a list of byte values) are never recorded, and every line is scrubbed of the
//! password's forms before it is written ([`Scrubbing`]) — the last line of defence for a message
//! we do not control.
//!
//! Spans are exported over OTLP when `telemetry.otlp_endpoint` is set ([`otlp`]).
//!
//! The client's own ERROR events are not recorded either: every error it logs it also returns to
//! us, and we log it once, where it is handled, at the level it deserves (a forced connection
//! close is one WARN line, "connection lost; reconnecting", not three).

use std::io::Write;

use tracing::Level;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::{FilterExt, filter_fn};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, fmt};

use crate::settings::{LogFormat, TelemetrySettings, redact_url};

pub mod otlp;

/// Installs the global subscriber; `secrets` are scrubbed from every line. A second call is a
/// no-op, so tests may call it freely.
///
/// # Errors
/// `telemetry.otlp_endpoint` is set but no exporter can be built for it.
pub fn init(
    settings: &TelemetrySettings,
    secrets: Vec<String>,
) -> Result<(), opentelemetry_otlp::ExporterBuildError> {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.filter));
    let filter = filter.and(filter_fn(|meta| !is_client_noise(meta)));
    let writer = Scrubbing::new(secrets);
    let layer = fmt::layer().with_writer(writer).with_target(false);
    let layer = match settings.format {
        LogFormat::Json => layer
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_filter(filter)
            .boxed(),
        LogFormat::Pretty => layer.compact().with_filter(filter).boxed(),
    };
    // No `Option` layer: a `None` one would make every callsite "always" interesting, so events
    // the filter drops (the AMQP client's many trace events) would each be checked at run time.
    let registry = tracing_subscriber::registry().with(layer);
    let exporting = match otlp::layer(settings)? {
        Some(export) => registry.with(export).try_init().is_ok(),
        None => {
            let _ = registry.try_init();
            false
        }
    };
    if exporting {
        tracing::info!(
            endpoint = %redact_url(&otlp::traces_url(&settings.otlp_endpoint)),
            service = settings.service_name,
            "exporting spans over OTLP/HTTP"
        );
    }
    Ok(())
}

/// The AMQP client's trace events (frame dumps, the login frame with its credentials among them)
/// and its error events (which it also returns to us).
fn is_client_noise(meta: &tracing::Metadata<'_>) -> bool {
    (*meta.level() == Level::TRACE || *meta.level() == Level::ERROR)
        && (meta.target().starts_with("lapin") || meta.target().starts_with("amq_protocol"))
}

/// Writes log lines to stderr with every secret replaced by `***`.
#[derive(Debug, Clone)]
pub struct Scrubbing {
    secrets: std::sync::Arc<Vec<String>>,
}

impl Scrubbing {
    #[must_use]
    pub fn new(mut secrets: Vec<String>) -> Self {
        secrets.retain(|s| !s.is_empty());
        // Longest first, so a form that contains another is replaced whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Self {
            secrets: std::sync::Arc::new(secrets),
        }
    }

    /// `line` with every secret replaced.
    #[must_use]
    pub fn scrub<'a>(&self, line: &'a str) -> std::borrow::Cow<'a, str> {
        let mut out = std::borrow::Cow::Borrowed(line);
        for secret in self.secrets.iter() {
            if out.contains(secret.as_str()) {
                out = std::borrow::Cow::Owned(out.replace(secret.as_str(), "***"));
            }
        }
        out
    }
}

/// One log line on its way to stderr: collected, scrubbed, then written whole.
#[derive(Debug)]
pub struct ScrubbedLine {
    scrubbing: Scrubbing,
    buffer: Vec<u8>,
}

impl Write for ScrubbedLine {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buffer);
        let line = self.scrubbing.scrub(&text);
        let result = std::io::stderr().lock().write_all(line.as_bytes());
        self.buffer.clear();
        result
    }
}

impl Drop for ScrubbedLine {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

impl<'a> MakeWriter<'a> for Scrubbing {
    type Writer = ScrubbedLine;

    fn make_writer(&'a self) -> Self::Writer {
        ScrubbedLine {
            scrubbing: self.clone(),
            buffer: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_the_secret_is_replaced_and_the_rest_of_the_line_kept() {
        let scrubbing = Scrubbing::new(vec!["p%2Fss".into(), "p/ss".into()]);
        assert_eq!(
            scrubbing.scrub("login p/ss then amqp://u:p%2Fss@h and p/ss again"),
            "login *** then amqp://u:***@h and *** again"
        );
        assert_eq!(scrubbing.scrub("nothing here"), "nothing here");
    }
}
