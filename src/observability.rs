//! Metrics and health: the names of every metric the worker records, the Prometheus recorder
//! (`metrics` + `metrics-exporter-prometheus`), and the HTTP listener serving `/metrics`,
//! `/healthz` and `/readyz` (axum).

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tokio_util::sync::CancellationToken;

/// Messages taken from the input queue.
pub const CONSUMED: &str = "enricher_messages_consumed_total";
/// Records published and confirmed.
pub const PUBLISHED: &str = "enricher_records_published_total";
/// Messages dead-lettered by the worker, labelled by `kind`.
pub const DEAD_LETTERED: &str = "enricher_messages_dead_lettered_total";
/// Publish attempts retried after a nack, return, timeout or channel error.
pub const RETRIED: &str = "enricher_publish_retries_total";
/// Inputs nacked with requeue after the retries ran out.
pub const REQUEUED: &str = "enricher_messages_requeued_total";
/// Acks that failed (the broker redelivers those messages).
pub const ACK_FAILURES: &str = "enricher_ack_failures_total";
/// Deliveries held now: waiting for an extraction slot, extracting, or waiting for their
/// record's confirm and ack (at most `worker.max_in_flight`).
pub const IN_FLIGHT: &str = "enricher_in_flight";
/// Extractions computing now, on the blocking pool (at most `worker.extract_concurrency`).
pub const EXTRACTIONS_RUNNING: &str = "enricher_extractions_running";
/// Seconds per pipeline stage (`decode`, `parse`, `language`, `total`) and `publish`.
pub const STAGE_SECONDS: &str = "enricher_stage_seconds";
/// 1 while connected to the broker.
pub const CONNECTED: &str = "enricher_broker_connected";
/// 1 while consuming from the input queue.
pub const CONSUMING: &str = "enricher_consuming";
/// Broker connections lost.
pub const CONNECTION_LOSSES: &str = "enricher_connection_losses_total";
/// The configured bound on deliveries held (`worker.max_in_flight`, resolved).
pub const IN_FLIGHT_LIMIT: &str = "enricher_in_flight_limit";
/// The configured number of extraction slots (`worker.extract_concurrency`, resolved).
pub const EXTRACTION_SLOTS: &str = "enricher_extraction_slots";

/// Histogram buckets for stage times: 50 µs to 10 s.
const STAGE_BUCKETS: [f64; 14] = [
    0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0,
    10.0,
];

/// How often histogram samples are folded into their buckets when nobody scrapes `/metrics`.
const UPKEEP_PERIOD: std::time::Duration = std::time::Duration::from_secs(5);

/// Runs the recorder's upkeep every few seconds until `shutdown`. `install_recorder` leaves it
/// to the caller: without it every histogram sample (several per article) stays queued in
/// memory until the next scrape, so an unscraped worker grew by ~0.3 KB per article (36 → 65 MB
/// over 100,000 articles).
pub fn spawn_upkeep(
    handle: PrometheusHandle,
    shutdown: CancellationToken,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(UPKEEP_PERIOD);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                _ = every.tick() => handle.run_upkeep(),
            }
        }
    })
}

/// Installs the global Prometheus recorder, describes every metric (the `# HELP` lines) and
/// registers the counters and gauges at zero, so that `/metrics` lists them from start-up:
/// dashboards and alerts see 0, not "no data", for events that have not happened yet (a
/// connection loss, a retry). `tests/broker/dashboard.rs` relies on it.
///
/// # Errors
/// A recorder was already installed in this process.
pub fn install_recorder() -> anyhow::Result<PrometheusHandle> {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(STAGE_SECONDS.into()), &STAGE_BUCKETS)?
        .install_recorder()?;
    describe();
    for name in [
        CONSUMED,
        PUBLISHED,
        RETRIED,
        REQUEUED,
        ACK_FAILURES,
        CONNECTION_LOSSES,
    ] {
        metrics::counter!(name).absolute(0);
    }
    for name in [IN_FLIGHT, EXTRACTIONS_RUNNING, CONNECTED, CONSUMING] {
        metrics::gauge!(name).set(0.0);
    }
    Ok(handle)
}

/// The `# HELP` text of every metric.
fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(CONSUMED, "Messages taken from the input queue.");
    describe_counter!(PUBLISHED, "Records published and confirmed by the broker.");
    describe_counter!(
        DEAD_LETTERED,
        "Messages dead-lettered by the worker, by kind (x-error-kind)."
    );
    describe_counter!(
        RETRIED,
        "Publish attempts retried after a nack, return, timeout or channel error."
    );
    describe_counter!(
        REQUEUED,
        "Inputs nacked with requeue after the retries ran out."
    );
    describe_counter!(
        ACK_FAILURES,
        "Acks that failed (the broker redelivers those)."
    );
    describe_counter!(CONNECTION_LOSSES, "Broker connections lost.");
    describe_gauge!(
        IN_FLIGHT,
        "Deliveries held: waiting for a slot, extracting, or waiting for confirm and ack."
    );
    describe_gauge!(EXTRACTIONS_RUNNING, "Extractions computing now.");
    describe_gauge!(
        IN_FLIGHT_LIMIT,
        "The bound on deliveries held (worker.max_in_flight)."
    );
    describe_gauge!(
        EXTRACTION_SLOTS,
        "Extractions that may run at once (worker.extract_concurrency)."
    );
    describe_gauge!(CONNECTED, "1 while connected to the broker.");
    describe_gauge!(CONSUMING, "1 while consuming from the input queue.");
    describe_histogram!(
        STAGE_SECONDS,
        Unit::Seconds,
        "Seconds per pipeline stage (decode, parse, language, total) and publish."
    );
}

/// Publishes the worker's resolved capacity, so that a dashboard shows `enricher_in_flight`
/// and `enricher_extractions_running` against their bounds.
pub fn record_limits(max_in_flight: usize, extract_concurrency: usize) {
    metrics::gauge!(IN_FLIGHT_LIMIT).set(max_in_flight as f64);
    metrics::gauge!(EXTRACTION_SLOTS).set(extract_concurrency as f64);
}

/// What `/readyz` reports: connected to the broker and consuming.
#[derive(Debug, Default)]
pub struct Health {
    connected: AtomicBool,
    consuming: AtomicBool,
}

impl Health {
    pub fn set_connected(&self, connected: bool) {
        self.connected.store(connected, Ordering::SeqCst);
        metrics::gauge!(CONNECTED).set(f64::from(u8::from(connected)));
        if !connected {
            self.set_consuming(false);
        }
    }

    pub fn set_consuming(&self, consuming: bool) {
        self.consuming.store(consuming, Ordering::SeqCst);
        metrics::gauge!(CONSUMING).set(f64::from(u8::from(consuming)));
    }

    #[must_use]
    pub fn is_ready(&self) -> bool {
        self.connected.load(Ordering::SeqCst) && self.consuming.load(Ordering::SeqCst)
    }
}

#[derive(Clone)]
struct AppState {
    metrics: PrometheusHandle,
    health: Arc<Health>,
}

/// Binds the listener and serves until `shutdown` fires; returns the bound address (useful with
/// port 0) and the server task.
///
/// # Errors
/// The address could not be bound.
pub async fn serve(
    bind: SocketAddr,
    metrics: PrometheusHandle,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let app = Router::new()
        .route("/metrics", get(render_metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readiness))
        .with_state(AppState { metrics, health });
    let listener = tokio::net::TcpListener::bind(bind).await?;
    let addr = listener.local_addr()?;
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app)
            .with_graceful_shutdown(async move { shutdown.cancelled().await })
            .await;
        if let Err(error) = served {
            tracing::error!(%error, "metrics listener failed");
        }
    });
    Ok((addr, task))
}

async fn render_metrics(State(state): State<AppState>) -> String {
    state.metrics.render()
}

async fn readiness(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.health.is_ready() {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}
