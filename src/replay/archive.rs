//! `replay --from-archive`: reads the archive stream from a start point (`first`, an offset, or a
//! time) and re-publishes each article to the input exchange (or another), confirmed, until
//! `--until` or the end of the stream as it was when the replay began. Messages that are
//! themselves replays (they carry `x-replay-count`) are skipped, so replaying twice never
//! doubles work.

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use lapin::options::{BasicCancelOptions, BasicConsumeOptions, BasicQosOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Channel, Connection, Consumer};
use tokio_util::sync::CancellationToken;

use super::{ConfirmWindow, Progress, REPLAY_COUNT, Summary, replay_properties};
use crate::broker::{ConfirmedPublisher, header_str, headers, text_value};

/// Where in the stream to start.
#[derive(Debug, Clone, Copy)]
pub enum StartAt {
    First,
    Offset(u64),
    Since(DateTime<Utc>),
}

impl StartAt {
    fn argument(self) -> AMQPValue {
        match self {
            Self::First => text_value("first"),
            Self::Offset(n) => AMQPValue::LongLongInt(i64::try_from(n).unwrap_or(i64::MAX)),
            Self::Since(t) => AMQPValue::Timestamp(u64::try_from(t.timestamp()).unwrap_or(0)),
        }
    }
}

/// Stream consumers get up to this many messages ahead (a stream requires a prefetch).
const STREAM_PREFETCH: u16 = 500;

async fn stream_consumer(
    connection: &Connection,
    queue: &str,
    offset: AMQPValue,
) -> lapin::Result<(Channel, Consumer)> {
    let channel = connection.create_channel().await?;
    channel
        .basic_qos(STREAM_PREFETCH, BasicQosOptions::default())
        .await?;
    let mut args = FieldTable::default();
    args.insert("x-stream-offset".into(), offset);
    let consumer = channel
        .basic_consume(
            queue.into(),
            "".into(),
            BasicConsumeOptions::default(),
            args,
        )
        .await?;
    Ok((channel, consumer))
}

fn offset_of(delivery: &lapin::message::Delivery) -> Option<u64> {
    header_str(
        delivery.properties.headers().as_ref(),
        headers::STREAM_OFFSET,
    )
    .and_then(|o| o.parse().ok())
}

/// The next offset after the last message in the stream now (0 when empty): reads the last chunk.
async fn end_offset(connection: &Connection, queue: &str, idle: Duration) -> lapin::Result<u64> {
    let (channel, mut consumer) = stream_consumer(connection, queue, text_value("last")).await?;
    let mut end = 0;
    while let Ok(Some(Ok(delivery))) = tokio::time::timeout(idle, consumer.next()).await {
        end = end.max(offset_of(&delivery).map_or(0, |o| o + 1));
    }
    let _ = channel.close(200, "probed".into()).await;
    Ok(end)
}

/// The offset of the first message at or after `time`, if the stream has one.
async fn offset_at(
    connection: &Connection,
    queue: &str,
    time: DateTime<Utc>,
    idle: Duration,
) -> lapin::Result<Option<u64>> {
    let (channel, mut consumer) =
        stream_consumer(connection, queue, StartAt::Since(time).argument()).await?;
    let first = match tokio::time::timeout(idle, consumer.next()).await {
        Ok(Some(Ok(delivery))) => offset_of(&delivery),
        _ => None,
    };
    let _ = channel.close(200, "probed".into()).await;
    Ok(first)
}

/// Replays from the archive. `idle` is how long a silent stream means its end.
///
/// # Errors
/// Broker failures.
#[allow(clippy::too_many_arguments)]
pub async fn replay(
    connection: &Connection,
    publisher: &ConfirmedPublisher,
    archive_queue: &str,
    to_exchange: &str,
    start: StartAt,
    until: Option<DateTime<Utc>>,
    idle: Duration,
    cancel: &CancellationToken,
) -> anyhow::Result<Summary> {
    let mut cutoff = end_offset(connection, archive_queue, idle).await?;
    if let Some(until) = until
        && let Some(offset) = offset_at(connection, archive_queue, until, idle).await?
    {
        cutoff = cutoff.min(offset);
    }
    tracing::info!(
        archive = archive_queue,
        stop_before_offset = cutoff,
        "replaying from the archive"
    );
    let mut summary = Summary::default();
    if cutoff == 0 {
        return Ok(summary);
    }
    let (channel, mut consumer) =
        stream_consumer(connection, archive_queue, start.argument()).await?;
    let mut window = ConfirmWindow::new(256);
    let mut progress = Progress::new(None);
    loop {
        let next = tokio::select! {
            () = cancel.cancelled() => {
                summary.interrupted = true;
                break;
            }
            next = tokio::time::timeout(idle, consumer.next()) => next,
        };
        let delivery = match next {
            Ok(Some(Ok(delivery))) => delivery,
            Ok(Some(Err(error))) => return Err(error.into()),
            Ok(None) | Err(_) => break,
        };
        let offset = offset_of(&delivery);
        if offset.is_some_and(|o| o >= cutoff) {
            break;
        }
        summary.read += 1;
        if header_str(delivery.properties.headers().as_ref(), REPLAY_COUNT).is_some() {
            summary.skipped += 1;
            let _ = delivery
                .acker
                .ack(lapin::options::BasicAckOptions::default())
                .await;
            if offset.is_some_and(|o| o + 1 >= cutoff) {
                break;
            }
            continue;
        }
        let properties = replay_properties(&delivery.properties);
        let confirm = publisher
            .send(
                to_exchange,
                delivery.routing_key.as_str(),
                &delivery.data,
                properties,
            )
            .await?;
        window.push(confirm, Some(delivery.acker)).await;
        progress.update(summary.read);
        // The last message that existed when the replay began: stop without waiting for idle.
        if offset.is_some_and(|o| o + 1 >= cutoff) {
            break;
        }
    }
    window.drain().await;
    progress.finish();
    summary.published = window.published;
    summary.failed = window.failed;
    summary.unacked = window.unacked;
    let _ = channel
        .basic_cancel(consumer.tag(), BasicCancelOptions::default())
        .await;
    let _ = channel.close(200, "replay done".into()).await;
    Ok(summary)
}
