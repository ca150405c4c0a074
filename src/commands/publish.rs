//! `publish`: sends article files to the input exchange with publisher confirms, so a user can
//! feed the worker by hand or from a script. Each file is one message (`.jsonl`: one per line).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::Args;
use lapin::BasicProperties;

use crate::broker::{self, ConfirmedPublisher, topology};
use crate::settings::Settings;
use enricher_extract::content_type_for;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Files to publish.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Routing key on the input exchange.
    #[arg(long, default_value = "article.new")]
    pub routing_key: String,
}

/// Runs `publish`.
///
/// # Errors
/// The broker is unreachable, a file cannot be read, or a publish is not confirmed.
pub async fn run(args: &PublishArgs, settings: &Settings) -> anyhow::Result<()> {
    let url = settings.amqp.redacted();
    let connection = broker::connect(&settings.amqp, "publish")
        .await
        .with_context(|| format!("cannot reach the broker at {url}"))?;
    let publisher = ConfirmedPublisher::open(
        &connection,
        Duration::from_millis(settings.worker.confirm_timeout_ms),
    )
    .await?;
    if settings.topology.declare {
        topology::declare(publisher.channel(), &settings.topology)
            .await
            .context("declaring the topology")?;
    }
    let mut published = 0usize;
    for path in &args.files {
        let data = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let is_jsonl = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
        let bodies: Vec<(&[u8], Option<&str>)> = if is_jsonl {
            data.split(|b| *b == b'\n')
                .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
                .map(|l| (l, Some("application/json")))
                .collect()
        } else {
            vec![(data.as_slice(), content_type_for(path))]
        };
        for (body, content_type) in bodies {
            let mut properties = BasicProperties::default().with_delivery_mode(2);
            if let Some(ct) = content_type {
                properties = properties.with_content_type(ct.into());
            }
            publisher
                .publish(
                    &settings.topology.input_exchange,
                    &args.routing_key,
                    body,
                    properties,
                )
                .await
                .with_context(|| format!("publishing {}", path.display()))?;
            published += 1;
        }
    }
    println!(
        "published {published} message(s) to exchange {:?} with routing key {:?}",
        settings.topology.input_exchange, args.routing_key
    );
    publisher.close().await;
    let _ = connection.close(200, "done".into()).await;
    Ok(())
}
