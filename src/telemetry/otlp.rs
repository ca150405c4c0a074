//! Span export with OpenTelemetry over OTLP/HTTP (protobuf) when `telemetry.otlp_endpoint` is set,
//! and the trace context of each article's span.
//!
//! With an endpoint, a `tracing-opentelemetry` layer turns the worker's own spans (the
//! `article_enricher` targets, INFO and above) into OpenTelemetry spans; the SDK's batch processor
//! exports them from a thread of its own with a blocking HTTP client, never on the runtime's
//! threads. Without one, no layer, no provider and no exporter exist: an article's span context
//! is only made (two random ids) and written on the messages it publishes.

use std::sync::OnceLock;
use std::time::Duration;

use opentelemetry::Context;
use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Level;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::Layer;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::registry::LookupSpan;

use crate::broker::trace_context;
use crate::settings::TelemetrySettings;

/// How long one export may take: a collector that does not answer delays the process's exit (the
/// last batch is flushed on the way out) by at most this.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(5);

/// The exporting provider, when `telemetry.otlp_endpoint` is set; shut down (flushing the last
/// spans) by [`shutdown`].
static PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

/// The OTLP/HTTP traces URL for a configured endpoint: the base URL of a collector (as in
/// `OTEL_EXPORTER_OTLP_ENDPOINT`) with `/v1/traces` appended, or a URL already ending in it.
#[must_use]
pub fn traces_url(endpoint: &str) -> String {
    let endpoint = endpoint.trim_end_matches('/');
    if endpoint.ends_with("/v1/traces") {
        endpoint.to_owned()
    } else {
        format!("{endpoint}/v1/traces")
    }
}

/// The layer exporting the worker's spans, when an endpoint is configured.
///
/// # Errors
/// The exporter could not be built (e.g. the endpoint is not a URL).
pub fn layer<S>(
    settings: &TelemetrySettings,
) -> Result<Option<Box<dyn Layer<S> + Send + Sync>>, opentelemetry_otlp::ExporterBuildError>
where
    S: tracing::Subscriber + for<'span> LookupSpan<'span> + Send + Sync,
{
    let endpoint = settings.otlp_endpoint.trim();
    if endpoint.is_empty() {
        return Ok(None);
    }
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(traces_url(endpoint))
        .with_timeout(EXPORT_TIMEOUT)
        .build()?;
    let resource = Resource::builder()
        .with_service_name(settings.service_name.clone())
        .build();
    let provider = SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(resource)
        .build();
    let tracer = provider.tracer("article-enricher");
    let _ = PROVIDER.set(provider);
    let ours = Targets::new().with_target("article_enricher", Level::INFO);
    Ok(Some(
        tracing_opentelemetry::layer()
            .with_tracer(tracer)
            .with_filter(ours)
            .boxed(),
    ))
}

/// True when spans are exported.
#[must_use]
pub fn exporting() -> bool {
    PROVIDER.get().is_some()
}

/// Exports the spans still buffered and stops the exporter; a no-op when nothing is exported.
pub fn shutdown() {
    if let Some(provider) = PROVIDER.get() {
        let _ = provider.shutdown();
    }
}

/// Makes `span` (not yet entered) the child of the trace context in a message's headers and
/// returns its context, to be written on what is published for the message. When spans are
/// exported, the context is the exported span's; otherwise a child span context is made here.
#[must_use]
pub fn continue_trace(span: &tracing::Span, headers: Option<&lapin::types::FieldTable>) -> Context {
    let parent = trace_context::extract(headers);
    if exporting() {
        let _ = span.set_parent(parent.clone());
        let context = span.context();
        if context.span().span_context().is_valid() {
            return context;
        }
    }
    trace_context::child_of(&parent)
}
