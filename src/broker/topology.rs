//! Declares the exchanges, queues and bindings the worker needs (idempotent), and reports what
//! exists. Input and dead-letter queues are quorum queues: replicated, persistent, and with a
//! delivery limit so a message that keeps crashing workers is dead-lettered, not requeued forever.
//! Their replication (and the archive stream's) follows `topology.quorum_group_size`; the output
//! queue is classic unless `topology.output_queue_type` asks for a quorum queue.

use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Channel, Connection, ExchangeKind};
use serde::Serialize;

use super::text_value;
use crate::settings::{OutputQueueType, TopologySettings};

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

/// A quorum queue's arguments: its type and, when configured, its replicas.
fn quorum_arguments(t: &TopologySettings) -> FieldTable {
    let mut args = FieldTable::default();
    args.insert("x-queue-type".into(), text_value("quorum"));
    if t.quorum_group_size > 0 {
        args.insert(
            "x-quorum-initial-group-size".into(),
            AMQPValue::LongLongInt(i64::from(t.quorum_group_size)),
        );
    }
    args
}

/// Arguments of the input queue: quorum, delivery limit, dead-lettering to the DLX.
#[must_use]
pub fn input_queue_arguments(t: &TopologySettings) -> FieldTable {
    let mut args = quorum_arguments(t);
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

/// Arguments of the archive stream: retention by size and age.
#[must_use]
pub fn archive_arguments(t: &TopologySettings) -> FieldTable {
    let mut args = FieldTable::default();
    args.insert("x-queue-type".into(), text_value("stream"));
    if t.quorum_group_size > 0 {
        args.insert(
            "x-initial-cluster-size".into(),
            AMQPValue::LongLongInt(i64::from(t.quorum_group_size)),
        );
    }
    args.insert(
        "x-max-length-bytes".into(),
        AMQPValue::LongLongInt(i64::try_from(t.archive_max_bytes).unwrap_or(i64::MAX)),
    );
    if !t.archive_max_age.trim().is_empty() {
        args.insert("x-max-age".into(), text_value(t.archive_max_age.trim()));
    }
    args
}

/// Arguments of a partition queue: like the input queue, plus single-active-consumer so one
/// worker at a time takes a partition and its order holds.
fn partition_queue_arguments(t: &TopologySettings) -> FieldTable {
    let mut args = input_queue_arguments(t);
    args.insert("x-single-active-consumer".into(), AMQPValue::Boolean(true));
    args
}

/// Arguments of the dead-letter queue: a quorum queue.
#[must_use]
pub fn dead_letter_queue_arguments(t: &TopologySettings) -> FieldTable {
    quorum_arguments(t)
}

/// Arguments of the output queue: none for a classic queue, a quorum queue's otherwise.
#[must_use]
pub fn output_queue_arguments(t: &TopologySettings) -> FieldTable {
    match t.output_queue_type {
        OutputQueueType::Classic => FieldTable::default(),
        OutputQueueType::Quorum => quorum_arguments(t),
    }
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
    // In ordering mode the partition queues take the input queue's place.
    if !t.ordering {
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
    }
    channel
        .queue_declare(
            t.dead_letter_queue.as_str().into(),
            durable_queue(),
            dead_letter_queue_arguments(t),
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
    if t.archive {
        channel
            .queue_declare(
                t.archive_queue.as_str().into(),
                durable_queue(),
                archive_arguments(t),
            )
            .await?;
        channel
            .queue_bind(
                t.archive_queue.as_str().into(),
                t.input_exchange.as_str().into(),
                t.input_binding.as_str().into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
    }
    if t.ordering {
        declare_partitions(channel, t).await?;
    }
    channel
        .queue_declare(
            t.output_queue.as_str().into(),
            durable_queue(),
            output_queue_arguments(t),
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

/// Ordering mode: the consistent-hash exchange (plugin `rabbitmq_consistent_hash_exchange`),
/// bound to the input exchange, and its partition queues with equal weights.
async fn declare_partitions(channel: &Channel, t: &TopologySettings) -> lapin::Result<()> {
    let mut args = FieldTable::default();
    if !t.partition_hash_header.trim().is_empty() {
        args.insert(
            "hash-header".into(),
            text_value(t.partition_hash_header.trim()),
        );
    }
    channel
        .exchange_declare(
            t.partition_exchange.as_str().into(),
            ExchangeKind::Custom("x-consistent-hash".into()),
            durable_exchange(),
            args,
        )
        .await?;
    channel
        .exchange_bind(
            t.partition_exchange.as_str().into(),
            t.input_exchange.as_str().into(),
            t.input_binding.as_str().into(),
            lapin::options::ExchangeBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    for index in 0..t.partitions {
        let queue = t.partition_queue(index);
        channel
            .queue_declare(
                queue.as_str().into(),
                durable_queue(),
                partition_queue_arguments(t),
            )
            .await?;
        // With the consistent-hash exchange the binding key is the partition's weight.
        channel
            .queue_bind(
                queue.as_str().into(),
                t.partition_exchange.as_str().into(),
                "1".into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await?;
    }
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
    let mut queues: Vec<(&'static str, String)> = Vec::new();
    if !t.ordering {
        queues.push(("input", t.input_queue.clone()));
    }
    queues.push(("output", t.output_queue.clone()));
    queues.push(("dead-letter", t.dead_letter_queue.clone()));
    if t.archive {
        queues.push(("archive", t.archive_queue.clone()));
    }
    if t.ordering {
        queues.extend((0..t.partitions).map(|i| ("partition", t.partition_queue(i))));
    }
    for (role, name) in &queues {
        let role = *role;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, Sources};

    fn topology(env: &[(&str, &str)]) -> TopologySettings {
        Settings::load(&Sources::environment_of(env))
            .unwrap()
            .topology
    }

    fn long(args: &FieldTable, key: &str) -> Option<i64> {
        match args.inner().get(key)? {
            AMQPValue::LongLongInt(n) => Some(*n),
            _ => None,
        }
    }

    #[test]
    fn one_broker_address_leaves_the_replication_to_the_broker() {
        let t = topology(&[]);
        assert_eq!(
            long(&input_queue_arguments(&t), "x-quorum-initial-group-size"),
            None
        );
        assert_eq!(long(&archive_arguments(&t), "x-initial-cluster-size"), None);
    }

    #[test]
    fn three_broker_addresses_replicate_every_quorum_queue_and_the_stream_three_times() {
        let t = topology(&[(
            "AMQP_URL",
            "amqp://g:g@n1:5672/v,amqp://g:g@n2:5672/v,amqp://g:g@n3:5672/v",
        )]);
        assert_eq!(t.quorum_group_size, 3);
        for args in [
            input_queue_arguments(&t),
            partition_queue_arguments(&t),
            dead_letter_queue_arguments(&t),
        ] {
            assert_eq!(long(&args, "x-quorum-initial-group-size"), Some(3));
        }
        assert_eq!(
            long(&archive_arguments(&t), "x-initial-cluster-size"),
            Some(3)
        );
        assert!(
            output_queue_arguments(&t).inner().is_empty(),
            "classic by default"
        );
    }

    #[test]
    fn a_configured_group_size_wins_and_a_quorum_output_queue_gets_it_too() {
        let t = topology(&[
            ("ENRICHER__TOPOLOGY__QUORUM_GROUP_SIZE", "5"),
            ("ENRICHER__TOPOLOGY__OUTPUT_QUEUE_TYPE", "quorum"),
        ]);
        let args = output_queue_arguments(&t);
        assert_eq!(long(&args, "x-quorum-initial-group-size"), Some(5));
        assert!(args.inner().contains_key("x-queue-type"));
    }
}
