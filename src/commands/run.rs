//! `run`: the worker process — metrics recorder, health/metrics listener, signal handling, and
//! the worker loop until SIGTERM or SIGINT.

use std::sync::Arc;

use anyhow::Context as _;
use enricher_extract::Extractor;
use tokio_util::sync::CancellationToken;

use crate::observability::{self, Health};
use crate::settings::Settings;
use crate::worker;

/// Runs the worker until a signal; exits cleanly after draining.
///
/// # Errors
/// Fatal start-up errors: a model does not load, the listener cannot bind, the broker is unreachable, the topology is
/// refused.
pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let extractor =
        Extractor::new(settings.extractor_options()).context("the extractor cannot start")?;
    let settings = Arc::new(settings);
    let shutdown = CancellationToken::new();
    let health = Arc::new(Health::default());
    let metrics = observability::install_recorder()?;
    observability::spawn_upkeep(metrics.clone(), shutdown.clone());
    let listener = if settings.http.enabled {
        let (addr, task) = observability::serve(
            settings.http.bind,
            metrics,
            health.clone(),
            shutdown.clone(),
        )
        .await
        .with_context(|| format!("cannot listen on {}", settings.http.bind))?;
        tracing::info!(%addr, "metrics and health listener up");
        Some(task)
    } else {
        None
    };
    tokio::spawn(super::signals::cancel_on_signal(shutdown.clone()));
    observability::record_limits(
        settings.worker.effective_max_in_flight(),
        settings.worker.effective_extract_concurrency(),
    );
    tracing::info!(
        version = enricher_extract::EXTRACTOR_VERSION,
        max_in_flight = settings.worker.effective_max_in_flight(),
        extract_concurrency = settings.worker.effective_extract_concurrency(),
        prefetch = settings.worker.effective_prefetch(),
        "worker starting"
    );
    let result = worker::run(settings, extractor, health, shutdown.clone()).await;
    shutdown.cancel();
    if let Some(task) = listener {
        let _ = task.await;
    }
    result
}
