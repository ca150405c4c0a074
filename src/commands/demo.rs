//! `demo`: the main job end to end on a real broker, in a minute, from a fresh clone. It finds the
//! broker (`AMQP_URL`, else the local one; a local `rabbitmq-server` is started when none answers),
//! declares the topology in a vhost of its own, runs a worker in this process, publishes the
//! built-in samples (a text article, an HTML page, one malformed message), waits until both
//! records are confirmed on the output queue and the bad message is dead-lettered, prints what
//! came out, then a burst of sample articles for the throughput, and deletes its vhost.
//!
//! Isolation: a vhost made with `rabbitmqctl` when it is at hand (the local broker); against a
//! broker `rabbitmqctl` cannot reach, uniquely named exchanges and queues in the URL's own vhost,
//! deleted at the end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use clap::Args;
use enricher_extract::{Extractor, SAMPLE_ARTICLE};
use lapin::options::{
    BasicGetOptions, ExchangeDeleteOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::FieldTable;
use lapin::{BasicProperties, Channel};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use crate::broker::{self, ConfirmedPublisher, header_str, headers, topology};
use crate::observability::Health;
use crate::settings::{AmqpUrl, Settings, TopologySettings};
use crate::worker;

/// The HTML page of the demo: a news page with a byline, JSON-LD, navigation and a footer,
/// written for this project (one of the extraction library's golden pages).
const SAMPLE_PAGE: &str =
    include_str!("../../crates/extract/tests/golden/html/jsonld-news/source.html");

/// A JSON envelope whose `html` is a number: dead-lettered as `invalid_envelope`.
const MALFORMED: &str = r#"{"id": "demo-malformed", "url": "https://example.com/x", "html": 42}"#;

/// How long the demo waits for its records before it gives up.
const WAIT: Duration = Duration::from_secs(60);

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Sample articles published after the first three, to measure records/s (0 skips it).
    #[arg(long, default_value_t = 1000)]
    pub burst: usize,
}

/// Runs `demo`.
///
/// # Errors
/// No broker can be reached or started, the vhost or topology cannot be made, or the records do
/// not arrive within a minute.
pub async fn run(args: &DemoArgs, settings: &Settings) -> anyhow::Result<()> {
    // The demo isolates itself on the first configured broker address.
    let first = settings
        .amqp
        .addresses()
        .into_iter()
        .next()
        .context("no broker address configured")?;
    let base = url::Url::parse(first.expose()).context("AMQP_URL is not a URL")?;
    ensure_broker(&base).await?;
    let run_id = format!(
        "ae-demo-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_millis()
    );
    let isolation = Isolation::create(&base, &run_id, &settings.topology)?;
    let mut settings = settings.clone();
    settings.amqp.url = AmqpUrl::new(isolation.url.clone());
    settings.amqp.urls.clear();
    settings.amqp.startup_attempts = 3;
    settings.topology = isolation.topology.clone();
    settings.http.enabled = false;
    println!(
        "broker  {} (isolated: {})",
        settings.amqp.url.redacted(),
        isolation.describe()
    );
    let result = demonstrate(args, &settings).await;
    let cleanup = isolation.remove(&settings).await;
    result.and(cleanup)
}

async fn demonstrate(args: &DemoArgs, settings: &Settings) -> anyhow::Result<()> {
    let extractor = Extractor::new(settings.extractor_options())?;
    let connection = broker::connect(&settings.amqp, "demo")
        .await
        .with_context(|| format!("cannot connect to {}", settings.amqp.url.redacted()))?;
    let publisher =
        ConfirmedPublisher::open(&connection, settings.worker.confirm_timeout()).await?;
    topology::declare(publisher.channel(), &settings.topology).await?;

    let shutdown = CancellationToken::new();
    let worker = tokio::spawn(worker::run(
        Arc::new(settings.clone()),
        extractor,
        Arc::new(Health::default()),
        shutdown.clone(),
    ));

    let t = &settings.topology;
    let samples: [(&str, &str, &[u8]); 3] = [
        ("demo-text", "text/plain", SAMPLE_ARTICLE.as_bytes()),
        ("demo-page", "text/html", SAMPLE_PAGE.as_bytes()),
        ("demo-malformed", "application/json", MALFORMED.as_bytes()),
    ];
    for (id, content_type, body) in samples {
        let properties = BasicProperties::default()
            .with_message_id(id.into())
            .with_content_type(content_type.into())
            .with_delivery_mode(2);
        publisher
            .publish(&t.input_exchange, "article.demo", body, properties)
            .await
            .with_context(|| format!("publishing {id}"))?;
    }
    println!("published 3 articles: a text article, an HTML page, one malformed envelope\n");

    let channel = publisher.channel();
    let records = take(channel, &t.output_queue, 2).await?;
    for record in &records {
        print_record(&serde_json::from_slice(&record.0)?);
    }
    let dead = take(channel, &t.dead_letter_queue, 1).await?;
    let headers = dead[0].1.headers().as_ref();
    println!(
        "dead-lettered {}: {} — {}\n",
        dead[0]
            .1
            .message_id()
            .as_ref()
            .map_or("?", |id| id.as_str()),
        header_str(headers, headers::ERROR_KIND).unwrap_or_default(),
        header_str(headers, headers::ERROR_MESSAGE).unwrap_or_default(),
    );

    if args.burst > 0 {
        let started = Instant::now();
        for i in 0..args.burst {
            let envelope =
                serde_json::json!({"id": format!("demo-burst-{i}"), "text": SAMPLE_ARTICLE});
            let properties = BasicProperties::default()
                .with_content_type("application/json".into())
                .with_delivery_mode(2);
            let pending = publisher
                .send(
                    &t.input_exchange,
                    "article.demo",
                    envelope.to_string().as_bytes(),
                    properties,
                )
                .await?;
            // Confirms are awaited at the end of every hundred, not one at a time.
            if i % 100 == 99 {
                pending.confirmed().await?;
            }
        }
        wait_for_count(channel, &t.output_queue, args.burst).await?;
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "throughput: {} sample articles published, extracted and confirmed in {seconds:.2} s = {:.0} records/s (one worker, {} extraction slots)",
            args.burst,
            args.burst as f64 / seconds,
            settings.worker.effective_extract_concurrency()
        );
    }

    shutdown.cancel();
    worker.await.context("the worker task")??;
    let _ = connection.close(200, "demo done".into()).await;
    Ok(())
}

/// Prints a record's headline, language, entities and quotes.
fn print_record(record: &Value) {
    let text = |key: &str| record[key].as_str().unwrap_or("—").to_owned();
    println!(
        "record  {}  ({} , {})",
        text("id"),
        text("content_type"),
        text("language")
    );
    println!("  headline  {}", text("title"));
    let entities: Vec<String> = record["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .take(8)
        .map(|e| {
            format!(
                "{} ({})",
                e["name"].as_str().unwrap_or("?"),
                e["type"].as_str().unwrap_or("?")
            )
        })
        .collect();
    println!("  entities  {}", entities.join(", "));
    for quote in record["quotes"].as_array().into_iter().flatten().take(2) {
        println!(
            "  quote     “{}” — {}",
            quote["text"].as_str().unwrap_or(""),
            quote["speaker"].as_str().unwrap_or("?")
        );
    }
    println!(
        "  words {}  entities {}  quotes {}  countries {}\n",
        record["stats"]["words"],
        record["entities"].as_array().map_or(0, Vec::len),
        record["quotes"].as_array().map_or(0, Vec::len),
        record["countries"].as_array().map_or(0, Vec::len),
    );
}

/// Takes `n` messages from `queue` (acked), waiting up to [`WAIT`].
async fn take(
    channel: &Channel,
    queue: &str,
    n: usize,
) -> anyhow::Result<Vec<(Vec<u8>, BasicProperties)>> {
    let started = Instant::now();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        if let Some(message) = channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: true })
            .await?
        {
            out.push((message.delivery.data, message.delivery.properties));
            continue;
        }
        if started.elapsed() > WAIT {
            bail!(
                "only {} of {n} messages reached {queue} within {WAIT:?}",
                out.len()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(out)
}

/// Waits until `queue` holds `n` messages.
async fn wait_for_count(channel: &Channel, queue: &str, n: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    loop {
        let passive = QueueDeclareOptions {
            passive: true,
            ..QueueDeclareOptions::default()
        };
        let count = channel
            .queue_declare(queue.into(), passive, FieldTable::default())
            .await?
            .message_count();
        if count as usize >= n {
            return Ok(());
        }
        if started.elapsed() > WAIT {
            bail!("only {count} of {n} records reached {queue} within {WAIT:?}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Makes sure a broker answers at the URL's host and port; starts the local `rabbitmq-server`
/// when none does and the URL names this machine.
async fn ensure_broker(url: &url::Url) -> anyhow::Result<()> {
    let host = url.host_str().unwrap_or("127.0.0.1").to_owned();
    let port = url.port().unwrap_or(5672);
    let answers = || tokio::net::TcpStream::connect((host.clone(), port));
    if answers().await.is_ok() {
        return Ok(());
    }
    let local = matches!(host.as_str(), "127.0.0.1" | "localhost" | "::1" | "[::1]");
    if !local || which("rabbitmq-server").is_none() {
        bail!(
            "no RabbitMQ answers at {host}:{port}. Start one (Debian/Ubuntu: `apt-get install \
             rabbitmq-server`, then `rabbitmq-server -detached`; or `docker compose up -d \
             rabbitmq` in this repository), or point AMQP_URL at yours"
        );
    }
    eprintln!("no RabbitMQ answers at {host}:{port}; starting the local rabbitmq-server");
    let status = std::process::Command::new("rabbitmq-server")
        .arg("-detached")
        .status()
        .context("starting rabbitmq-server")?;
    if !status.success() {
        bail!("rabbitmq-server -detached failed ({status})");
    }
    let started = Instant::now();
    while answers().await.is_err() {
        if started.elapsed() > Duration::from_secs(90) {
            bail!("the local rabbitmq-server did not come up on {host}:{port} within 90 s");
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // The port opens before the broker accepts logins; rabbitmqctl knows when it is ready.
    let _ = rabbitmqctl(&["await_startup"]);
    Ok(())
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|path| path.is_file())
    })
}

/// Runs `rabbitmqctl` (or the command in `RABBITMQCTL`, e.g. `docker compose exec -T rabbitmq
/// rabbitmqctl`), quietly.
fn rabbitmqctl(args: &[&str]) -> anyhow::Result<()> {
    let command = std::env::var("RABBITMQCTL").unwrap_or_else(|_| "rabbitmqctl".into());
    let mut parts = command.split_whitespace();
    let program = parts.next().unwrap_or("rabbitmqctl");
    let output = std::process::Command::new(program)
        .args(parts)
        .arg("-q")
        .args(args)
        .output()
        .with_context(|| format!("running {program}"))?;
    if !output.status.success() {
        bail!(
            "{command} {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// Where the demo's topology lives, and how it is removed afterwards.
struct Isolation {
    /// The AMQP URL the demo uses (its own vhost, or the base URL).
    url: String,
    topology: TopologySettings,
    /// The vhost made for the demo, deleted at the end; `None` when the names are prefixed
    /// instead.
    vhost: Option<String>,
}

impl Isolation {
    fn create(base: &url::Url, run_id: &str, topology: &TopologySettings) -> anyhow::Result<Self> {
        let user = match base.username() {
            "" => "guest".to_owned(),
            user => percent_decode(user),
        };
        let made = rabbitmqctl(&["add_vhost", run_id]).and_then(|()| {
            rabbitmqctl(&["set_permissions", "-p", run_id, &user, ".*", ".*", ".*"])
        });
        match made {
            Ok(()) => {
                let mut url = base.clone();
                url.set_path(&format!("/{run_id}"));
                Ok(Self {
                    url: url.to_string(),
                    topology: topology.clone(),
                    vhost: Some(run_id.to_owned()),
                })
            }
            Err(error) => {
                tracing::debug!(
                    error = format!("{error:#}"),
                    "no vhost of our own; prefixing names"
                );
                Ok(Self {
                    url: base.to_string(),
                    topology: prefixed(topology, run_id),
                    vhost: None,
                })
            }
        }
    }

    fn describe(&self) -> String {
        match &self.vhost {
            Some(vhost) => format!("vhost {vhost}"),
            None => format!("names prefixed {}", self.topology.input_exchange),
        }
    }

    /// Deletes the vhost, or the prefixed queues and exchanges.
    async fn remove(&self, settings: &Settings) -> anyhow::Result<()> {
        if let Some(vhost) = &self.vhost {
            return rabbitmqctl(&["delete_vhost", vhost]);
        }
        let connection = broker::connect(&settings.amqp, "demo-cleanup").await?;
        let channel = connection.create_channel().await?;
        let t = &self.topology;
        for queue in [
            &t.input_queue,
            &t.output_queue,
            &t.dead_letter_queue,
            &t.archive_queue,
        ] {
            let _ = channel
                .queue_delete(queue.as_str().into(), QueueDeleteOptions::default())
                .await;
        }
        for exchange in [
            &t.input_exchange,
            &t.output_exchange,
            &t.dead_letter_exchange,
        ] {
            let _ = channel
                .exchange_delete(exchange.as_str().into(), ExchangeDeleteOptions::default())
                .await;
        }
        let _ = connection.close(200, "demo cleanup".into()).await;
        Ok(())
    }
}

/// The topology with every name prefixed by `run_id`.
fn prefixed(topology: &TopologySettings, run_id: &str) -> TopologySettings {
    let name = |n: &str| format!("{run_id}.{n}");
    TopologySettings {
        input_exchange: name(&topology.input_exchange),
        input_queue: name(&topology.input_queue),
        output_exchange: name(&topology.output_exchange),
        output_queue: name(&topology.output_queue),
        dead_letter_exchange: name(&topology.dead_letter_exchange),
        dead_letter_queue: name(&topology.dead_letter_queue),
        archive_queue: name(&topology.archive_queue),
        partition_exchange: name(&topology.partition_exchange),
        partition_queue_prefix: name(&topology.partition_queue_prefix),
        ordering: false,
        ..topology.clone()
    }
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}
