//! `replay --from-dead-letter`: moves dead-lettered messages back to the input exchange with
//! their original routing key. Messages are taken with `basic.get` and left unacked until their
//! re-publish is confirmed; those not selected (another kind, past `--limit`, a dry run) stay
//! unacked and return to the queue when the channel closes, untouched.

use std::collections::BTreeMap;

use lapin::options::{BasicGetOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{BasicProperties, Connection};
use serde::Serialize;
use tokio_util::sync::CancellationToken;

use super::{ConfirmWindow, Progress, Summary, replay_properties};
use crate::broker::{ConfirmedPublisher, header_str, headers};

/// What to move.
/// Re-publishes (and so acks) in flight at once: well under the 32 commands a quorum queue's
/// client in the broker keeps in flight before it holds settlements back.
const ACKS_IN_FLIGHT: usize = 16;

#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only this `x-error-kind` (or broker reason, e.g. `delivery_limit`).
    pub kind: Option<String>,
    pub limit: Option<u64>,
    pub dry_run: bool,
}

/// What a dry run found: per kind, the count and the ids.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DryRunReport {
    pub kinds: BTreeMap<String, KindReport>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct KindReport {
    pub count: u64,
    pub ids: Vec<String>,
}

/// The failure kind of a dead letter: our `x-error-kind`, else the broker's dead-lettering
/// reason from `x-death` (`delivery_limit`, `rejected`, `expired`, `maxlen`).
#[must_use]
pub fn kind_of(properties: &BasicProperties) -> String {
    let headers = properties.headers().as_ref();
    if let Some(kind) = header_str(headers, headers::ERROR_KIND) {
        return kind;
    }
    let reason = headers.and_then(|h| match h.inner().get(headers::DEATH)? {
        AMQPValue::FieldArray(deaths) => deaths.as_slice().first().and_then(|d| match d {
            AMQPValue::FieldTable(t) => header_str(Some(t), "reason"),
            _ => None,
        }),
        _ => None,
    });
    reason.unwrap_or_else(|| "unknown".to_owned())
}

/// The id shown for a message: its AMQP message id, else the envelope's `id`.
fn id_of(properties: &BasicProperties, body: &[u8]) -> String {
    if let Some(id) = properties.message_id() {
        return id.as_str().to_owned();
    }
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| {
            v.get("id")
                .map(|id| id.as_str().map_or_else(|| id.to_string(), str::to_owned))
        })
        .unwrap_or_else(|| "-".to_owned())
}

/// Moves (or, in a dry run, lists) dead letters.
///
/// # Errors
/// Broker failures; messages not yet confirmed stay in the dead-letter queue.
pub async fn replay(
    connection: &Connection,
    publisher: &ConfirmedPublisher,
    dead_letter_queue: &str,
    to_exchange: &str,
    selection: &Selection,
    cancel: &CancellationToken,
) -> anyhow::Result<(Summary, Option<DryRunReport>)> {
    let channel = connection.create_channel().await?;
    let passive = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    let queue = channel
        .queue_declare(dead_letter_queue.into(), passive, FieldTable::default())
        .await?;
    // Only what is there now: messages that fail again during the replay wait for the next one.
    let available = u64::from(queue.message_count());
    let mut summary = Summary::default();
    let mut report = selection.dry_run.then(DryRunReport::default);
    // Few re-publishes in flight, so few acks at once: the dead-letter queue is a quorum queue,
    // whose client in the broker's channel sends at most 32 commands to the queue at a time and
    // keeps further settlements in the channel's memory until earlier ones are applied — and
    // forgets them when the channel closes, which returns those messages to the queue although
    // their acks were sent (the replay's "acks that did not take effect"). With at most 16 acks
    // between the synchronous `basic.get`s, none is ever held back.
    let mut window = ConfirmWindow::new(ACKS_IN_FLIGHT);
    let mut progress = Progress::new(Some(available));
    let mut selected = 0u64;
    while summary.read < available {
        if cancel.is_cancelled() {
            summary.interrupted = true;
            break;
        }
        let Some(message) = channel
            .basic_get(dead_letter_queue.into(), BasicGetOptions { no_ack: false })
            .await?
        else {
            break;
        };
        let delivery = message.delivery;
        summary.read += 1;
        let kind = kind_of(&delivery.properties);
        let wanted = selection.kind.as_ref().is_none_or(|k| *k == kind)
            && selection.limit.is_none_or(|l| selected < l);
        if let Some(report) = &mut report {
            let entry = report.kinds.entry(kind).or_default();
            entry.count += 1;
            entry.ids.push(id_of(&delivery.properties, &delivery.data));
        }
        if !wanted || selection.dry_run {
            summary.skipped += 1;
            continue;
        }
        selected += 1;
        let properties = replay_properties(&delivery.properties);
        match publisher
            .send(
                to_exchange,
                delivery.routing_key.as_str(),
                &delivery.data,
                properties,
            )
            .await
        {
            Ok(confirm) => window.push(confirm, Some(delivery.acker)).await,
            Err(error) => {
                summary.failed += 1;
                tracing::warn!(%error, "re-publish failed; the message stays in the dead-letter queue");
            }
        }
        progress.update(summary.read);
    }
    window.drain().await;
    progress.finish();
    summary.published = window.published;
    summary.failed += window.failed;
    summary.unacked = window.unacked;
    // A round trip on the channel: the broker has processed every ack sent before it (frames on
    // a channel are handled in order), so closing cannot race the last acks.
    let passive = QueueDeclareOptions {
        passive: true,
        ..QueueDeclareOptions::default()
    };
    channel
        .queue_declare(dead_letter_queue.into(), passive, FieldTable::default())
        .await?;
    if window.unacked > 0 {
        tracing::warn!(
            unacked = window.unacked,
            "some replayed dead letters could not be acked and stay in the queue"
        );
    }
    // Unacked messages (not selected, or not confirmed) return to the queue untouched.
    let _ = channel.close(200, "replay done".into()).await;
    Ok((summary, report))
}
