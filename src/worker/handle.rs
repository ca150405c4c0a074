//! One delivery in, one disposition out. Extraction runs on the blocking pool under the time
//! budget; the outcome is mapped to a broker action in exactly one place, [`settle`]:
//! - a record → publish confirmed to the output exchange, then ack;
//! - a permanent failure → publish the original message to the dead-letter exchange with the
//!   reason in headers, confirmed, then ack;
//! - a publish that keeps failing (transient) → retried for at least the confirm timeout, then
//!   nack with requeue; the quorum queue's delivery limit stops a message from cycling forever.
//!
//! Each delivery's `article` span continues the sender's W3C trace (`traceparent`), and the
//! record or dead letter carries the span's own context.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use lapin::BasicProperties;
use lapin::message::Delivery;
use lapin::options::{BasicAckOptions, BasicNackOptions};
use lapin::types::FieldTable;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tracing::Instrument;

use crate::broker::backoff::Backoff;
use crate::broker::{
    ConfirmedPublisher, PublishError, dead_letter, headers, text_value, trace_context,
};
use crate::observability as obs;
use crate::settings::Settings;
use crate::telemetry;
use enricher_extract::record::record_message_id;
use enricher_extract::{
    BodyHints, EXTRACTOR_NAME, EXTRACTOR_VERSION, ExtractError, Extractor, Source,
};

/// What every delivery task shares.
pub struct Context {
    settings: Arc<Settings>,
    /// Built once at start-up with its models; every delivery's extraction shares it.
    extractor: Extractor,
    /// Extraction slots (`worker.extract_concurrency`): CPU-bound work is bounded here, apart from
    /// the much larger number of deliveries in flight, which mostly wait on the broker.
    extract_slots: Arc<Semaphore>,
    publisher: ConfirmedPublisher,
}

impl Context {
    #[must_use]
    pub fn new(
        settings: Arc<Settings>,
        extractor: Extractor,
        publisher: ConfirmedPublisher,
    ) -> Self {
        let extract_slots = Arc::new(Semaphore::new(
            settings.worker.effective_extract_concurrency(),
        ));
        Self {
            settings,
            extractor,
            extract_slots,
            publisher,
        }
    }
}

/// What processing decided for one delivery.
enum Outcome {
    Record {
        article_id: String,
        routing_key: String,
        json: Vec<u8>,
    },
    Failed(ExtractError),
    /// The extractor panicked: a bug, dead-lettered so it cannot crash the worker again.
    Panicked(String),
}

/// Processes and settles one delivery; the permit bounds articles in flight.
pub async fn handle(mut delivery: Delivery, context: Arc<Context>, permit: OwnedSemaphorePermit) {
    let span = tracing::info_span!(
        "article",
        delivery_tag = delivery.delivery_tag,
        article_id = tracing::field::Empty
    );
    // The sender's trace continues here; this span's context goes on the record or dead letter.
    let trace = telemetry::otlp::continue_trace(&span, delivery.properties.headers().as_ref());
    async move {
        let _permit = permit;
        metrics::counter!(obs::CONSUMED).increment(1);
        metrics::gauge!(obs::IN_FLIGHT).increment(1.0);
        // The body is shared with the extraction thread, not copied (bodies reach 10 MiB).
        let body = Arc::new(std::mem::take(&mut delivery.data));
        let outcome = process(&delivery, body.clone(), &context).await;
        settle(delivery, &body, outcome, &context, &trace).await;
        metrics::gauge!(obs::IN_FLIGHT).decrement(1.0);
    }
    .instrument(span)
    .await;
}

/// Counts a running extraction in `enricher_extractions_running` for as long as it lives, panics
/// included.
struct RunningExtraction;

impl RunningExtraction {
    fn start() -> Self {
        metrics::gauge!(obs::EXTRACTIONS_RUNNING).increment(1.0);
        Self
    }
}

impl Drop for RunningExtraction {
    fn drop(&mut self) {
        metrics::gauge!(obs::EXTRACTIONS_RUNNING).decrement(1.0);
    }
}

/// Runs the pipeline on the blocking pool once an extraction slot is free, bounded by the time
/// budget. The slot moves into the blocking job and is freed only when that thread finishes —
/// even when the outer time-out has already given up on it — so the threads computing never
/// outnumber the slots.
async fn process(delivery: &Delivery, body: Arc<Vec<u8>>, context: &Context) -> Outcome {
    let (settings, extractor) = (&context.settings, &context.extractor);
    let properties = &delivery.properties;
    let content_type = properties
        .content_type()
        .as_ref()
        .map(|s| s.as_str().to_owned());
    let message_id = properties
        .message_id()
        .as_ref()
        .map(|s| s.as_str().to_owned());
    let source = Source {
        url: None,
        name: None,
        message_id: message_id.clone(),
        exchange: Some(delivery.exchange.as_str().to_owned()).filter(|s| !s.is_empty()),
        routing_key: Some(delivery.routing_key.as_str().to_owned()),
        received_at: Some(Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)),
    };
    let extractor = extractor.clone();
    let prefix = settings.topology.output_routing_prefix.clone();
    let budget = Duration::from_millis(settings.limits.time_budget_ms);
    let slot = context
        .extract_slots
        .clone()
        .acquire_owned()
        .await
        .expect("the extraction semaphore is never closed");
    let job = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let _running = RunningExtraction::start();
        let hints = BodyHints {
            content_type: content_type.as_deref(),
            message_id: message_id.as_deref(),
        };
        extractor.process(&body, hints, source).map(|record| {
            for (stage, ms) in &record.timings_ms {
                metrics::histogram!(obs::STAGE_SECONDS, "stage" => stage.clone())
                    .record(ms / 1000.0);
            }
            let language = record.language.as_deref().unwrap_or("und");
            Outcome::Record {
                article_id: record.id.clone(),
                routing_key: format!("{prefix}.{language}"),
                json: serde_json::to_vec(&record).expect("a record always serialises"),
            }
        })
    });
    // The pipeline checks the budget between stages; this outer bound catches a stage that hangs.
    match tokio::time::timeout(budget + Duration::from_secs(1), job).await {
        Ok(Ok(Ok(outcome))) => outcome,
        Ok(Ok(Err(error))) => Outcome::Failed(error),
        Ok(Err(join_error)) => Outcome::Panicked(join_error.to_string()),
        Err(_) => Outcome::Failed(ExtractError::TimeBudgetExceeded {
            budget_ms: settings.limits.time_budget_ms,
        }),
    }
}

/// The one place where an outcome becomes a broker action.
async fn settle(
    delivery: Delivery,
    body: &[u8],
    outcome: Outcome,
    context: &Context,
    trace: &opentelemetry::Context,
) {
    let settings = &context.settings;
    let span = tracing::Span::current();
    let published = match &outcome {
        Outcome::Record {
            article_id,
            routing_key,
            json,
        } => {
            span.record("article_id", article_id.as_str());
            let properties = record_properties(article_id, &delivery.properties);
            let properties = trace_context::with_trace(properties, trace);
            let started = Instant::now();
            let result = publish_with_retry(
                context,
                &settings.topology.output_exchange,
                routing_key,
                json,
                properties,
            )
            .await;
            metrics::histogram!(obs::STAGE_SECONDS, "stage" => "publish")
                .record(started.elapsed().as_secs_f64());
            if result.is_ok() {
                metrics::counter!(obs::PUBLISHED).increment(1);
                tracing::debug!(routing_key, "record published");
            }
            result
        }
        Outcome::Failed(_) | Outcome::Panicked(_) => {
            let (kind, message) = match &outcome {
                Outcome::Failed(error) => (error.kind(), error.to_string()),
                Outcome::Panicked(message) => ("extractor_panic", message.clone()),
                Outcome::Record { .. } => unreachable!(),
            };
            if let Some(id) = delivery.properties.message_id() {
                span.record("article_id", id.as_str());
            }
            let failed_at = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
            let failure = dead_letter::Failure {
                kind,
                message: &message,
                failed_at: &failed_at,
                extractor_version: EXTRACTOR_VERSION,
            };
            let properties = dead_letter::properties(&delivery.properties, &failure);
            let properties = trace_context::with_trace(properties, trace);
            let result = publish_with_retry(
                context,
                &settings.topology.dead_letter_exchange,
                delivery.routing_key.as_str(),
                body,
                properties,
            )
            .await;
            if result.is_ok() {
                metrics::counter!(obs::DEAD_LETTERED, "kind" => kind).increment(1);
                tracing::warn!(kind, reason = %message, "dead-lettered");
            }
            result
        }
    };
    match published {
        Ok(()) => match delivery.acker.ack(BasicAckOptions::default()).await {
            Ok(true) => {}
            Ok(false) | Err(_) => {
                metrics::counter!(obs::ACK_FAILURES).increment(1);
                tracing::warn!("ack failed; the broker will redeliver and the record may repeat");
            }
        },
        Err(error) => {
            metrics::counter!(obs::REQUEUED).increment(1);
            tracing::warn!(error = %error, "publish failed after retries; requeueing the input");
            let requeue = BasicNackOptions {
                requeue: true,
                multiple: false,
            };
            if delivery.acker.nack(requeue).await.is_err() {
                tracing::warn!("nack failed; the broker will redeliver");
            }
        }
    }
}

/// Properties of a record message: persistent JSON, deterministic id, correlation copied.
fn record_properties(article_id: &str, input: &BasicProperties) -> BasicProperties {
    let mut headers = FieldTable::default();
    headers.insert(
        headers::EXTRACTOR_VERSION.into(),
        text_value(EXTRACTOR_VERSION),
    );
    if let Some(source_id) = input.message_id() {
        headers.insert(
            headers::SOURCE_MESSAGE_ID.into(),
            text_value(source_id.as_str()),
        );
    }
    let mut properties = BasicProperties::default()
        .with_content_type("application/json".into())
        .with_delivery_mode(2)
        .with_message_id(record_message_id(article_id, EXTRACTOR_VERSION).into())
        .with_app_id(EXTRACTOR_NAME.into())
        .with_timestamp(u64::try_from(Utc::now().timestamp()).unwrap_or(0))
        .with_headers(headers);
    if let Some(correlation_id) = input.correlation_id() {
        properties = properties.with_correlation_id(correlation_id.clone());
    }
    properties
}

/// Publishes with confirms, retrying transient failures with exponential backoff. Gives up at
/// once when the connection is gone: the broker will redeliver the input to a new session.
/// Otherwise it gives up only after `publish_retries` retries *and* `confirm_timeout` since the
/// first attempt: a quorum queue whose leader was lost nacks publishes until its new leader is
/// known (seconds), and giving up sooner would nack-requeue the input again and again — each
/// requeue spends one of the input's `x-delivery-limit` deliveries, and past the limit the
/// broker dead-letters a healthy article (at most once: dropped if the dead-letter queue's
/// leader is down too).
async fn publish_with_retry(
    context: &Context,
    exchange: &str,
    routing_key: &str,
    body: &[u8],
    properties: BasicProperties,
) -> Result<(), PublishError> {
    let worker = &context.settings.worker;
    let initial = Duration::from_millis(worker.retry_backoff_ms);
    let mut backoff = Backoff::new(initial, initial * 1024);
    let mut attempt = 0u32;
    let started = Instant::now();
    loop {
        match context
            .publisher
            .publish(exchange, routing_key, body, properties.clone())
            .await
        {
            Ok(()) => return Ok(()),
            Err(error)
                if !context.publisher.is_connected()
                    || (attempt >= worker.publish_retries
                        && started.elapsed() >= worker.confirm_timeout()) =>
            {
                return Err(error);
            }
            Err(error) => {
                attempt += 1;
                metrics::counter!(obs::RETRIED).increment(1);
                let delay = backoff.next_delay();
                tracing::warn!(attempt, error = %error, "publish not confirmed; retrying");
                tokio::time::sleep(delay).await;
            }
        }
    }
}
