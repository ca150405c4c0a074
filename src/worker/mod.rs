//! The worker: consumes the input queue, hands each delivery to [`handle`], and supervises the
//! connection — reconnecting with capped backoff after a loss, and draining in-flight articles on
//! shutdown within a deadline.
//!
//! Reconnection is ours rather than lapin's auto-recovery: after a loss every unacked delivery is
//! redelivered by the broker anyway, so a fresh connection, channel set and consumer is the
//! simplest state to reason about, and its acks can never target a stale delivery tag.

pub mod handle;

use enricher_extract::Extractor;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context as _;
use futures_util::StreamExt;
use lapin::options::{
    BasicCancelOptions, BasicConsumeOptions, BasicQosOptions, QueueDeclareOptions,
};
use lapin::types::FieldTable;
use lapin::{Connection, Consumer};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::broker::{self, ConfirmedPublisher, topology};
use crate::observability::{self as obs, Health};
use crate::settings::Settings;

/// How long a stopping worker leaves its last acks to be applied before it closes its channel.
const ACK_SETTLE_GRACE: Duration = Duration::from_millis(250);

/// The worker's flow control, across sessions.
struct Flow {
    /// Deliveries held at once (`worker.max_in_flight`).
    in_flight: Arc<Semaphore>,
    /// Every delivery task, so shutdown can wait for them.
    tracker: TaskTracker,
    /// Deliveries the shutdown deadline cut off.
    cut_off: AtomicUsize,
}

/// Why one connected session ended.
enum SessionEnd {
    Shutdown,
    ConnectionLost(String),
}

/// The shutdown deadline passed with articles still in flight: the worker stopped anyway and
/// their deliveries, never acked, return to the queue. The process exits with its own code.
#[derive(Debug, thiserror::Error)]
#[error(
    "the shutdown deadline ({deadline:?}) cut {left} in-flight article(s) off; their messages return to the queue"
)]
pub struct ShutdownCutOff {
    pub left: usize,
    pub deadline: Duration,
}

/// Runs the worker until `shutdown` fires.
///
/// # Errors
/// Fatal start-up errors only: the broker unreachable after `amqp.startup_attempts`, or the
/// topology refused (e.g. a queue exists with other arguments). Later losses are recovered.
pub async fn run(
    settings: Arc<Settings>,
    extractor: Extractor,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    let url = settings.amqp.redacted();
    let attempts = settings.amqp.startup_attempts.max(1);
    let address_count = settings.amqp.addresses().len();
    let Some(connected) =
        broker::connect_with_retry(&settings.amqp, "worker", attempts, 0, &shutdown)
            .await
            .with_context(|| format!("cannot reach the broker at {url}"))?
    else {
        return Ok(());
    };
    let mut connection = connected.connection;
    let mut index = connected.index;
    let mut address = connected.address;
    let flow = Flow {
        in_flight: Arc::new(Semaphore::new(settings.worker.effective_max_in_flight())),
        tracker: TaskTracker::new(),
        cut_off: AtomicUsize::new(0),
    };
    let mut first_session = true;
    loop {
        health.set_connected(true);
        tracing::info!(broker = %address, queue = %settings.topology.input_queue, "connected");
        let end = serve(
            &connection,
            &settings,
            &extractor,
            &health,
            &flow,
            &shutdown,
        )
        .await;
        health.set_connected(false);
        match end {
            Ok(SessionEnd::Shutdown) => break,
            Err(error) if first_session => {
                return Err(error).context(format!("start-up failed on the broker at {address}"));
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
        // The next address first: in a cluster the node just lost may be down.
        let start = broker::connection::failover_start(index, address_count);
        match broker::connect_with_retry(&settings.amqp, "worker", 0, start, &shutdown).await {
            Ok(Some(connected)) => {
                connection = connected.connection;
                index = connected.index;
                address = connected.address;
            }
            Ok(None) => break,
            Err(error) => return Err(error).context("reconnect failed"),
        }
    }
    let _ = connection.close(200, "shutdown".into()).await;
    let left = flow.cut_off.load(Ordering::SeqCst);
    if left > 0 {
        return Err(ShutdownCutOff {
            left,
            deadline: settings.worker.shutdown_deadline(),
        }
        .into());
    }
    tracing::info!("stopped");
    Ok(())
}

/// Waits for in-flight articles, at most `deadline`; returns how many were left. What is left
/// unacked returns to the queue when the connection closes.
async fn drain(tracker: &TaskTracker, deadline: Duration) -> usize {
    tracker.close();
    if tracker.is_empty() {
        return 0;
    }
    tracing::info!(in_flight = tracker.len(), "draining in-flight articles");
    if tokio::time::timeout(deadline, tracker.wait())
        .await
        .is_err()
    {
        return tracker.len();
    }
    0
}

/// One connected session: channels, topology, consumers, and the delivery loop(s).
async fn serve(
    connection: &Connection,
    settings: &Arc<Settings>,
    extractor: &Extractor,
    health: &Health,
    flow: &Flow,
    shutdown: &CancellationToken,
) -> anyhow::Result<SessionEnd> {
    let topology_settings = &settings.topology;
    let queues = topology_settings.consumed_queues(&settings.worker.partitions);
    let publisher = ConfirmedPublisher::open(connection, settings.worker.confirm_timeout()).await?;
    if topology_settings.declare {
        topology::declare(publisher.channel(), topology_settings)
            .await
            .context("declaring the topology")?;
    } else {
        for queue in &queues {
            let passive = QueueDeclareOptions {
                passive: true,
                ..QueueDeclareOptions::default()
            };
            publisher
                .channel()
                .queue_declare(queue.as_str().into(), passive, FieldTable::default())
                .await
                .with_context(|| format!("the input queue {queue} does not exist"))?;
        }
    }
    let channel = connection.create_channel().await?;
    channel
        .basic_qos(
            settings.worker.effective_prefetch(),
            BasicQosOptions::default(),
        )
        .await?;
    let mut consumers = Vec::with_capacity(queues.len());
    for (index, queue) in queues.iter().enumerate() {
        let tag = format!("article-enricher-{}-{index}", std::process::id());
        let consumer = channel
            .basic_consume(
                queue.as_str().into(),
                tag.as_str().into(),
                BasicConsumeOptions::default(),
                FieldTable::default(),
            )
            .await?;
        consumers.push((tag, consumer));
    }
    health.set_consuming(true);
    tracing::info!(queues = ?queues, ordered = topology_settings.ordering, "consuming");
    let context = Arc::new(handle::Context::new(
        settings.clone(),
        extractor.clone(),
        publisher.clone(),
    ));
    let end = if topology_settings.ordering {
        consume_in_order(
            consumers.iter().map(|(_, c)| c.clone()).collect(),
            &context,
            &flow.in_flight,
            shutdown,
            settings.worker.shutdown_deadline(),
            &flow.cut_off,
        )
        .await
    } else {
        consume_competing(
            consumers[0].1.clone(),
            &context,
            &flow.in_flight,
            &flow.tracker,
            shutdown,
        )
        .await
    };
    health.set_consuming(false);
    if matches!(end, SessionEnd::Shutdown) {
        tracing::info!("stopping: no new deliveries");
        for (tag, _) in &consumers {
            let _ = channel
                .basic_cancel(tag.as_str().into(), BasicCancelOptions::default())
                .await;
        }
        let left = drain(&flow.tracker, settings.worker.shutdown_deadline()).await;
        flow.cut_off.fetch_add(left, Ordering::SeqCst);
        // The input is a quorum queue: the broker's channel sends at most 32 settlements to it at
        // a time and holds later acks back until earlier ones are applied — and forgets held-back
        // acks when the channel closes, so their messages would be delivered again. A moment
        // for the last acks of the drain to be applied before closing.
        tokio::time::sleep(ACK_SETTLE_GRACE).await;
        let _ = channel.close(200, "shutdown".into()).await;
        publisher.close().await;
    }
    Ok(end)
}

/// Competing consumers: deliveries are processed concurrently, up to the in-flight bound.
async fn consume_competing(
    mut consumer: Consumer,
    context: &Arc<handle::Context>,
    in_flight: &Arc<Semaphore>,
    tracker: &TaskTracker,
    shutdown: &CancellationToken,
) -> SessionEnd {
    loop {
        let permit = tokio::select! {
            () = shutdown.cancelled() => return SessionEnd::Shutdown,
            permit = in_flight.clone().acquire_owned() => permit.expect("the semaphore is never closed"),
        };
        let delivery = tokio::select! {
            () = shutdown.cancelled() => return SessionEnd::Shutdown,
            delivery = consumer.next() => delivery,
        };
        match delivery {
            Some(Ok(delivery)) => {
                tracker.spawn(handle::handle(delivery, context.clone(), permit));
            }
            Some(Err(error)) => return SessionEnd::ConnectionLost(error.to_string()),
            None => return SessionEnd::ConnectionLost("the broker cancelled the consumer".into()),
        }
    }
}

/// Ordering mode: each partition's deliveries are settled one after another, so records leave in
/// the order articles arrived; partitions run side by side. On shutdown each loop finishes the
/// article it holds (within the deadline) before the session ends.
async fn consume_in_order(
    consumers: Vec<Consumer>,
    context: &Arc<handle::Context>,
    in_flight: &Arc<Semaphore>,
    shutdown: &CancellationToken,
    deadline: Duration,
    cut_off: &AtomicUsize,
) -> SessionEnd {
    let session = shutdown.child_token();
    let mut loops = tokio::task::JoinSet::new();
    for mut consumer in consumers {
        let (context, in_flight, session) = (context.clone(), in_flight.clone(), session.clone());
        loops.spawn(async move {
            loop {
                let delivery = tokio::select! {
                    () = session.cancelled() => return None,
                    delivery = consumer.next() => delivery,
                };
                let delivery = match delivery {
                    Some(Ok(delivery)) => delivery,
                    Some(Err(error)) => return Some(error.to_string()),
                    None => return Some("the broker cancelled the consumer".to_owned()),
                };
                let permit = in_flight
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("the semaphore is never closed");
                handle::handle(delivery, context.clone(), permit).await;
            }
        });
    }
    let mut lost = None;
    if let Some(Ok(Some(reason))) = loops.join_next().await {
        lost = Some(reason);
    }
    session.cancel();
    if tokio::time::timeout(deadline, async {
        while loops.join_next().await.is_some() {}
    })
    .await
    .is_err()
    {
        cut_off.fetch_add(loops.len(), Ordering::SeqCst);
        loops.abort_all();
    }
    match lost {
        Some(reason) if !shutdown.is_cancelled() => SessionEnd::ConnectionLost(reason),
        _ if shutdown.is_cancelled() => SessionEnd::Shutdown,
        _ => SessionEnd::ConnectionLost("a partition consumer stopped".into()),
    }
}
