//! Declares the exchanges, queues and bindings the worker needs (idempotent), and reports what
//! exists. Input and dead-letter queues are quorum queues: replicated, persistent, and with a
//! delivery limit so a message that keeps crashing workers is dead-lettered, not requeued forever.

use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Channel, Connection, ExchangeKind};
use serde::Serialize;

use super::text_value;
use crate::settings::TopologySettings;

fn durable_exchange() -> ExchangeDeclareOptions {
    ExchangeDeclareOptions {
        durable: true,
        ..ExchangeDeclareOptions::default()
    }
}

fn durable_queue() -> QueueDeclareOptions {
    QueueDeclareOptions {
        durable: true,
        ..QueueDeclareOptions::default()
    }
}

/// Arguments of the input queue: quorum, delivery limit, dead-lettering to the DLX.
#[must_use]
pub fn input_queue_arguments(t: &TopologySettings) -> FieldTable {
    let mut args = FieldTable::default();
    args.insert("x-queue-type".into(), text_value("quorum"));
    args.insert(
        "x-delivery-limit".into(),
        AMQPValue::LongLongInt(i64::from(t.delivery_limit)),
    );
    args.insert(
        "x-dead-letter-exchange".into(),
        text_value(&t.dead_letter_exchange),
    );
    args
}

fn quorum_arguments() -> FieldTable {
    let mut args = FieldTable::default();
    args.insert("x-queue-type".into(), text_value("quorum"));
    args
}

/// Declares everything; safe to run on every start and from every worker.
///
/// # Errors
/// A broker error, e.g. an existing queue declared with other arguments (PRECONDITION_FAILED).
pub async fn declare(channel: &Channel, t: &TopologySettings) -> lapin::Result<()> {
    channel
        .exchange_declare(
            t.input_exchange.as_str().into(),
            ExchangeKind::Topic,
            durable_exchange(),
            FieldTable::default(),
        )
        .await?;
    channel
        .exchange_declare(
            t.dead_letter_exchange.as_str().into(),
            ExchangeKind::Fanout,
            durable_exchange(),
            FieldTable::default(),
        )
        .await?;
    channel
        .exchange_declare(
            t.output_exchange.as_str().into(),
            ExchangeKind::Topic,
            durable_exchange(),
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_declare(
            t.input_queue.as_str().into(),
            durable_queue(),
            input_queue_arguments(t),
        )
        .await?;
    channel
        .queue_bind(
            t.input_queue.as_str().into(),
            t.input_exchange.as_str().into(),
            t.input_binding.as_str().into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_declare(
            t.dead_letter_queue.as_str().into(),
            durable_queue(),
            quorum_arguments(),
        )
        .await?;
    channel
        .queue_bind(
            t.dead_letter_queue.as_str().into(),
            t.dead_letter_exchange.as_str().into(),
            "#".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_declare(
            t.output_queue.as_str().into(),
            durable_queue(),
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_bind(
            t.output_queue.as_str().into(),
            t.output_exchange.as_str().into(),
            t.output_binding.as_str().into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    Ok(())
}

/// One queue as the broker sees it.
#[derive(Debug, Clone, Serialize)]
pub struct QueueState {
    pub role: &'static str,
    pub name: String,
    /// `None` when the queue does not exist.
    pub messages: Option<u32>,
    pub consumers: Option<u32>,
}

/// Reports each configured queue with its message and consumer counts (passive declares).
///
/// # Errors
/// The connection failed; a missing queue is reported, not an error.
pub async fn inspect(
    connection: &Connection,
    t: &TopologySettings,
) -> lapin::Result<Vec<QueueState>> {
    let mut states = Vec::new();
    for (role, name) in [
        ("input", &t.input_queue),
        ("output", &t.output_queue),
        ("dead-letter", &t.dead_letter_queue),
    ] {
        // A passive declare of a missing queue closes its channel, so each gets its own.
        let channel = connection.create_channel().await?;
        let passive = QueueDeclareOptions {
            passive: true,
            ..QueueDeclareOptions::default()
        };
        let state = match channel
            .queue_declare(name.as_str().into(), passive, FieldTable::default())
            .await
        {
            Ok(queue) => QueueState {
                role,
                name: name.clone(),
                messages: Some(queue.message_count()),
                consumers: Some(queue.consumer_count()),
            },
            Err(_) => QueueState {
                role,
                name: name.clone(),
                messages: None,
                consumers: None,
            },
        };
        let _ = channel.close(200, "inspected".into()).await;
        states.push(state);
    }
    Ok(states)
}
