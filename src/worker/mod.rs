//! The worker: consumes the input queue, hands each delivery to [`handle`], and supervises the
//! connection — reconnecting with capped backoff after a loss, and draining in-flight articles on
//! shutdown within a deadline.
//!
//! Reconnection is ours rather than lapin's auto-recovery: after a loss every unacked delivery is
//! redelivered by the broker anyway, so a fresh connection, channel set and consumer is the
//! simplest state to reason about, and its acks can never target a stale delivery tag.

pub mod handle;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use futures_util::StreamExt;
use lapin::Connection;
use lapin::options::{
    BasicCancelOptions, BasicConsumeOptions, BasicQosOptions, QueueDeclareOptions,
};
use lapin::types::FieldTable;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::broker::{self, ConfirmedPublisher, topology};
use crate::observability::{self as obs, Health};
use crate::settings::Settings;

/// Why one connected session ended.
enum SessionEnd {
    Shutdown,
    ConnectionLost(String),
}

/// Runs the worker until `shutdown` fires.
///
/// # Errors
/// Fatal start-up errors only: the broker unreachable after `amqp.startup_attempts`, or the
/// topology refused (e.g. a queue exists with other arguments). Later losses are recovered.
pub async fn run(
    settings: Arc<Settings>,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let url = settings.amqp.url.redacted();
    let attempts = settings.amqp.startup_attempts.max(1);
    let Some(mut connection) =
        broker::connect_with_retry(&settings.amqp, "worker", attempts, &shutdown)
            .await
            .with_context(|| format!("cannot reach the broker at {url}"))?
    else {
        return Ok(());
    };
    let in_flight = Arc::new(Semaphore::new(settings.worker.effective_max_in_flight()));
    let tracker = TaskTracker::new();
    let mut first_session = true;
    loop {
        health.set_connected(true);
        tracing::info!(broker = %url, queue = %settings.topology.input_queue, "connected");
        let end = serve(
            &connection,
            &settings,
            &health,
            &in_flight,
            &tracker,
            &shutdown,
        )
        .await;
        health.set_connected(false);
        match end {
            Ok(SessionEnd::Shutdown) => break,
            Err(error) if first_session => {
                return Err(error).context(format!("start-up failed on the broker at {url}"));
            }
            Ok(SessionEnd::ConnectionLost(reason)) => {
                metrics::counter!(obs::CONNECTION_LOSSES).increment(1);
                tracing::warn!(reason, "connection lost; reconnecting");
            }
            Err(error) => {
                metrics::counter!(obs::CONNECTION_LOSSES).increment(1);
                tracing::warn!(error = format!("{error:#}"), "session failed; reconnecting");
            }
        }
        first_session = false;
        let _ = connection.close(200, "reconnecting".into()).await;
        match broker::connect_with_retry(&settings.amqp, "worker", 0, &shutdown).await {
            Ok(Some(new_connection)) => connection = new_connection,
            Ok(None) => break,
            Err(error) => return Err(error).context("reconnect failed"),
        }
    }
    let _ = connection.close(200, "shutdown".into()).await;
    tracing::info!("stopped");
    Ok(())
}

/// Waits for in-flight articles, at most `deadline`. What is left unacked returns to the queue
/// when the connection closes.
async fn drain(tracker: &TaskTracker, deadline: Duration) {
    tracker.close();
    if tracker.is_empty() {
        return;
    }
    tracing::info!(in_flight = tracker.len(), "draining in-flight articles");
    if tokio::time::timeout(deadline, tracker.wait())
        .await
        .is_err()
    {
        tracing::warn!(
            left = tracker.len(),
            "shutdown deadline reached; unacked articles return to the queue"
        );
    }
}

/// One connected session: channels, topology, consumer, and the delivery loop.
async fn serve(
    connection: &Connection,
    settings: &Arc<Settings>,
    health: &Health,
    in_flight: &Arc<Semaphore>,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) -> anyhow::Result<SessionEnd> {
    let topology_settings = &settings.topology;
    let publisher = ConfirmedPublisher::open(connection, settings.worker.confirm_timeout()).await?;
    if topology_settings.declare {
        topology::declare(publisher.channel(), topology_settings)
            .await
            .context("declaring the topology")?;
    } else {
        let passive = QueueDeclareOptions {
            passive: true,
            ..QueueDeclareOptions::default()
        };
        publisher
            .channel()
            .queue_declare(
                topology_settings.input_queue.as_str().into(),
                passive,
                FieldTable::default(),
            )
            .await
            .with_context(|| {
                format!(
                    "the input queue {} does not exist",
                    topology_settings.input_queue
                )
            })?;
    }
    let channel = connection.create_channel().await?;
    channel
        .basic_qos(
            settings.worker.effective_prefetch(),
            BasicQosOptions::default(),
        )
        .await?;
    let consumer_tag = format!("article-enricher-{}", std::process::id());
    let mut consumer = channel
        .basic_consume(
            topology_settings.input_queue.as_str().into(),
            consumer_tag.as_str().into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;
    health.set_consuming(true);
    let context = Arc::new(handle::Context::new(settings.clone(), publisher.clone()));
    let end = loop {
        let permit = tokio::select! {
            () = shutdown.cancelled() => break SessionEnd::Shutdown,
            permit = in_flight.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let delivery = tokio::select! {
            () = shutdown.cancelled() => break SessionEnd::Shutdown,
            delivery = consumer.next() => delivery,
        };
        match delivery {
            Some(Ok(delivery)) => {
                tracker.spawn(handle::handle(delivery, context.clone(), permit));
            }
            Some(Err(error)) => break SessionEnd::ConnectionLost(error.to_string()),
            None => break SessionEnd::ConnectionLost("the broker cancelled the consumer".into()),
        }
    };
    health.set_consuming(false);
    if matches!(end, SessionEnd::Shutdown) {
        tracing::info!("stopping: no new deliveries");
        let _ = channel
            .basic_cancel(consumer_tag.as_str().into(), BasicCancelOptions::default())
            .await;
        drain(tracker, settings.worker.shutdown_deadline()).await;
        let _ = channel.close(200, "shutdown".into()).await;
        publisher.close().await;
    }
    Ok(end)
}
