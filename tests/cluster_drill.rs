//! The cluster drill: a 3-node RabbitMQ cluster (`scripts/cluster.sh`), two workers connected to
//! different nodes, and the node that leads the input queue killed with SIGKILL mid-run. Every
//! article must have its record; duplicates are counted (an article whose record was published
//! but whose ack died with the node is delivered again — at-least-once, de-duplicated downstream
//! by the record's message id). Ignored by default (the cluster takes ~20 s to start): `.ci/run`
//! runs it after the README's test command with
//! `cargo test --release --test cluster_drill -- --ignored --nocapture`.

#![allow(clippy::unwrap_used)]

#[allow(dead_code)]
#[path = "broker/helpers.rs"]
mod helpers;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use article_enricher::settings::{Settings, Sources};
use helpers::{Client, WorkerProcess, duplicate_count, merge_counts, missing_articles};

const ARTICLES: usize = 5_000;
const WAIT: Duration = Duration::from_secs(60);

/// The cluster for the length of the test: `up` on creation, `down` on drop, however it ends.
struct Cluster {
    dir: PathBuf,
    base_port: u16,
}

impl Cluster {
    fn script() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/cluster.sh")
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new(Self::script())
            .args(args)
            .env("AE_CLUSTER_DIR", &self.dir)
            .env("AE_CLUSTER_PORT", self.base_port.to_string())
            .output()
            .expect("running scripts/cluster.sh");
        assert!(
            output.status.success(),
            "cluster.sh {args:?}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn up() -> Self {
        let base_port = std::env::var("AE_CLUSTER_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(5681);
        let cluster = Self {
            dir: std::env::temp_dir().join(format!("ae-cluster-{}", std::process::id())),
            base_port,
        };
        cluster.run(&["up"]);
        cluster
    }

    /// The AMQP URL of node `n` (1-based).
    fn url(&self, n: u16) -> String {
        format!(
            "amqp://guest:guest@127.0.0.1:{}/%2f",
            self.base_port + n - 1
        )
    }

    /// The three URLs, node `first` first.
    fn urls_from(&self, first: u16) -> String {
        (0..3)
            .map(|i| self.url((first - 1 + i) % 3 + 1))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn leader(&self, queue: &str) -> u16 {
        self.run(&["leader", queue]).trim().parse().unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if std::thread::panicking() && std::env::var_os("AE_KEEP_CLUSTER").is_some() {
            eprintln!("cluster kept for inspection in {}", self.dir.display());
            return;
        }
        let _ = Command::new(Self::script())
            .arg("down")
            .env("AE_CLUSTER_DIR", &self.dir)
            .env("AE_CLUSTER_PORT", self.base_port.to_string())
            .output();
    }
}

/// The time between the worker's "connection lost" line and its next "consuming" line: how long
/// the failover took, as the worker itself saw it.
fn failover_from_logs(worker: &WorkerProcess) -> Option<Duration> {
    let mut lost = None;
    for line in worker.logs().lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let at = v["timestamp"]
            .as_str()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        match (v["message"].as_str(), at) {
            (Some("connection lost; reconnecting" | "session failed; reconnecting"), Some(at)) => {
                lost.get_or_insert(at);
            }
            (Some("consuming"), Some(at)) if lost.is_some() => {
                return (at - lost?).to_std().ok();
            }
            _ => {}
        }
    }
    None
}

/// How many `connected` lines a worker has logged (one per session).
fn sessions(worker: &WorkerProcess) -> usize {
    worker
        .logs()
        .lines()
        .filter(|l| l.contains("\"message\":\"connected\""))
        .count()
}

fn rabbitmq_installed() -> bool {
    Command::new("sh")
        .args([
            "-c",
            "command -v rabbitmq-server || test -x /usr/lib/rabbitmq/bin/rabbitmq-server",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts a 3-node RabbitMQ cluster; run by .ci/run"]
async fn killing_the_input_queue_leader_mid_run_loses_no_article() {
    if !rabbitmq_installed() {
        eprintln!("SKIPPED: rabbitmq-server is not installed, the cluster drill cannot run");
        return;
    }
    let cluster = Cluster::up();
    let topology = Settings::load(&Sources {
        config_file: None,
        environment: Some(HashMap::from([
            ("AMQP_URL".to_owned(), cluster.urls_from(1)),
            (
                "ENRICHER__TOPOLOGY__OUTPUT_QUEUE_TYPE".to_owned(),
                "quorum".to_owned(),
            ),
        ])),
    })
    .unwrap()
    .topology;
    assert_eq!(
        topology.quorum_group_size, 3,
        "three addresses: three replicas"
    );

    // Declared from node 1, so node 1 leads the queues (RabbitMQ's client-local locator).
    Client::connect_to(&cluster.url(1), &topology)
        .await
        .close()
        .await;
    let victim = cluster.leader(&topology.input_queue);
    let survivor = victim % 3 + 1;
    let reader = survivor % 3 + 1;
    // The test's own client stays on a node that is not killed.
    let mut client = Client::connect_to(&cluster.url(reader), &topology).await;
    client.publish_articles(ARTICLES).await;

    let env = [
        ("ENRICHER__TOPOLOGY__OUTPUT_QUEUE_TYPE", "quorum"),
        ("ENRICHER__WORKER__EXTRACT_CONCURRENCY", "1"),
    ];
    let on_victim = WorkerProcess::spawn_at(&cluster.urls_from(victim), "ae-drill-a", &env);
    let on_survivor = WorkerProcess::spawn_at(&cluster.urls_from(survivor), "ae-drill-b", &env);
    let mut seen = client.collect_records(ARTICLES / 4, WAIT).await;
    assert_eq!(seen.len(), ARTICLES / 4, "{}", on_victim.logs());

    cluster.run(&["kill", &victim.to_string()]);
    let killed_at = Instant::now();
    // The worker on the killed node fails over by itself: a second session, on another node.
    let mut failover = None;
    let mut readyz_gap = false;
    while failover.is_none() {
        readyz_gap |= on_victim.http_get("/readyz").await.0 != 200;
        if sessions(&on_victim) >= 2 {
            failover = Some(killed_at.elapsed());
        }
        assert!(
            killed_at.elapsed() < WAIT,
            "no failover:\n{}",
            on_victim.logs()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let noticed = failover.unwrap();
    while !missing_articles(&seen, ARTICLES).is_empty() {
        let Some(record) = client.next_record(WAIT).await else {
            break;
        };
        let id = record.json()["id"].as_str().unwrap().to_owned();
        *seen.entry(id).or_default() += 1;
    }
    let all_records = killed_at.elapsed();
    let missing = missing_articles(&seen, ARTICLES);
    assert!(
        missing.is_empty(),
        "{} articles without a record: {:?}…\n{}",
        missing.len(),
        &missing[..missing.len().min(20)],
        on_victim.logs()
    );

    // The killed node comes back and rejoins; nothing more arrives but duplicates.
    cluster.run(&["start", &victim.to_string()]);
    let status = cluster.run(&["status"]);
    assert_eq!(status.matches(" running").count(), 3, "{status}");
    merge_counts(
        &mut seen,
        client
            .collect_records(ARTICLES, Duration::from_secs(3))
            .await,
    );
    on_victim.wait_ready().await;
    on_survivor.wait_ready().await;
    let records: usize = seen.values().sum();
    let failover = failover_from_logs(&on_victim).unwrap_or(noticed);
    eprintln!(
        "drill phases: kill to second session seen {:.2} s, kill to every article recorded {:.1} s, \
         restart and rejoin {:.1} s",
        noticed.as_secs_f64(),
        all_records.as_secs_f64(),
        (killed_at.elapsed() - all_records).as_secs_f64()
    );
    let duplicates = duplicate_count(&seen);
    eprintln!(
        "| articles | node killed | records | lost | duplicates | failover | /readyz gap seen |"
    );
    eprintln!("|---|---|---|---|---|---|---|");
    eprintln!(
        "| {ARTICLES} | {victim} (input queue leader) | {records} | {} | {duplicates} | {:.3} s | {readyz_gap} |",
        missing_articles(&seen, ARTICLES).len(),
        failover.as_secs_f64()
    );
    client.close().await;
}
