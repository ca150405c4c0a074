//! `topology`: declares the exchanges, queues and bindings (when `topology.declare` is on) and
//! prints each queue with its message and consumer counts.

use anyhow::Context as _;

use crate::broker::{self, topology};
use crate::settings::Settings;

/// Runs `topology`.
///
/// # Errors
/// The broker is unreachable or refused the declarations.
pub async fn run(settings: &Settings) -> anyhow::Result<()> {
    let url = settings.amqp.redacted();
    let connection = broker::connect(&settings.amqp, "topology")
        .await
        .with_context(|| format!("cannot reach the broker at {url}"))?;
    let t = &settings.topology;
    if t.declare {
        let channel = connection.create_channel().await?;
        topology::declare(&channel, t)
            .await
            .context("declaring the topology")?;
        let _ = channel.close(200, "declared".into()).await;
    }
    println!("broker      {url}");
    println!(
        "exchanges   input={} (topic)  output={} (topic)  dead-letter={} (fanout)",
        t.input_exchange, t.output_exchange, t.dead_letter_exchange
    );
    println!(
        "bindings    {} -[{}]-> {}",
        t.input_exchange, t.input_binding, t.input_queue
    );
    println!(
        "            {} -[{}]-> {}",
        t.output_exchange, t.output_binding, t.output_queue
    );
    println!(
        "            {} -[#]-> {}",
        t.dead_letter_exchange, t.dead_letter_queue
    );
    for queue in topology::inspect(&connection, t).await? {
        match (queue.messages, queue.consumers) {
            (Some(messages), Some(consumers)) => {
                println!(
                    "queue       {:<12} {:<32} messages={messages} consumers={consumers}",
                    queue.role, queue.name
                );
            }
            _ => println!("queue       {:<12} {:<32} MISSING", queue.role, queue.name),
        }
    }
    let _ = connection.close(200, "done".into()).await;
    Ok(())
}
