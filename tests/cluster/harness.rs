//! What the cluster drills share: the 3-node cluster of `scripts/cluster.sh` for the length of a
//! test (torn down however the test ends), reading the workers' logs for failover times, and the
//! fate of every article — its records, its dead letters with their reasons, or missing.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use article_enricher::broker::{header_str, headers};
use lapin::types::AMQPValue;

use crate::helpers::{Client, WorkerProcess};

/// The cluster for the length of the test: `up` on creation, `down` on drop, however it ends.
pub struct Cluster {
    dir: PathBuf,
    base_port: u16,
}

impl Cluster {
    fn script() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/cluster.sh")
    }

    pub fn run(&self, args: &[&str]) -> String {
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

    pub fn up() -> Self {
        let base_port = std::env::var("AE_CLUSTER_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(5681);
        // `.ci/run` names the directory, so its exit trap can take the cluster down even when
        // this process dies before its `Drop` runs.
        let dir = std::env::var_os("AE_CLUSTER_DIR").map_or_else(
            || std::env::temp_dir().join(format!("ae-cluster-{}", std::process::id())),
            PathBuf::from,
        );
        let cluster = Self { dir, base_port };
        cluster.run(&["up"]);
        cluster
    }

    /// The AMQP URL of node `n` (1-based).
    pub fn url(&self, n: u16) -> String {
        format!(
            "amqp://guest:guest@127.0.0.1:{}/%2f",
            self.base_port + n - 1
        )
    }

    /// The three URLs, node `first` first.
    pub fn urls_from(&self, first: u16) -> String {
        (0..3)
            .map(|i| self.url((first - 1 + i) % 3 + 1))
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn leader(&self, queue: &str) -> u16 {
        self.run(&["leader", queue]).trim().parse().unwrap()
    }

    /// Every queue as node `n` sees it: type, leader, ready and unacknowledged messages.
    pub fn queues(&self, n: u16) -> String {
        self.run(&[
            "ctl",
            &n.to_string(),
            "list_queues",
            "name",
            "type",
            "leader",
            "messages_ready",
            "messages_unacknowledged",
        ])
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
pub fn failover_from_logs(worker: &WorkerProcess) -> Option<Duration> {
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
pub fn sessions(worker: &WorkerProcess) -> usize {
    worker
        .logs()
        .lines()
        .filter(|l| l.contains("\"message\":\"connected\""))
        .count()
}

/// The worker's log lines that name one of `ids` (its spans carry the article id).
pub fn log_lines_naming(worker: &WorkerProcess, ids: &[String]) -> Vec<String> {
    worker
        .logs()
        .lines()
        .filter(|l| ids.iter().any(|id| l.contains(&format!("\"{id}\""))))
        .map(str::to_owned)
        .collect()
}

pub fn rabbitmq_installed() -> bool {
    Command::new("sh")
        .args([
            "-c",
            "command -v rabbitmq-server || test -x /usr/lib/rabbitmq/bin/rabbitmq-server",
        ])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Why a message is in the dead-letter queue: the worker's `x-error-kind` (and message), or the
/// broker's `x-death` reason (e.g. `delivery_limit`).
fn dead_letter_reason(message: &crate::helpers::Received) -> String {
    let found = message.properties.headers().as_ref();
    if let Some(kind) = header_str(found, headers::ERROR_KIND) {
        let why = header_str(found, headers::ERROR_MESSAGE).unwrap_or_default();
        return format!("worker: {kind} ({why})");
    }
    let death = found
        .and_then(|h| h.inner().get(headers::DEATH))
        .and_then(|d| match d {
            AMQPValue::FieldArray(deaths) => deaths.as_slice().first().cloned(),
            _ => None,
        });
    if let Some(AMQPValue::FieldTable(first)) = death {
        let reason = header_str(Some(&first), "reason").unwrap_or_default();
        let count = header_str(Some(&first), "count").unwrap_or_default();
        return format!("broker: {reason} (x-death count {count})");
    }
    "no reason header".to_owned()
}

/// What became of each of the articles `a-0` … `a-{n-1}`.
#[derive(Debug, Default)]
pub struct Fates {
    pub articles: usize,
    /// Records read from the output queue, per article id.
    pub records: HashMap<String, usize>,
    /// Dead letters per article id, each with its reason.
    pub dead_letters: BTreeMap<String, Vec<String>>,
}

impl Fates {
    pub fn new(articles: usize) -> Self {
        Self {
            articles,
            ..Self::default()
        }
    }

    pub fn record(&mut self, id: String) {
        *self.records.entry(id).or_default() += 1;
    }

    pub fn without_record(&self) -> Vec<String> {
        (0..self.articles)
            .map(|i| format!("a-{i}"))
            .filter(|id| !self.records.contains_key(id))
            .collect()
    }

    /// Articles with neither a record nor a dead letter.
    pub fn lost(&self) -> Vec<String> {
        self.without_record()
            .into_iter()
            .filter(|id| !self.dead_letters.contains_key(id))
            .collect()
    }

    pub fn record_count(&self) -> usize {
        self.records.values().sum()
    }

    /// Records beyond the first for each article.
    pub fn duplicates(&self) -> usize {
        self.records.values().map(|n| n - 1).sum()
    }

    /// Reads records from the output queue until every article has one or none comes for `idle`.
    pub async fn read_records(&mut self, client: &mut Client, idle: Duration) {
        while !self.without_record().is_empty() {
            let Some(record) = client.next_record(idle).await else {
                return;
            };
            self.record(record.json()["id"].as_str().unwrap().to_owned());
        }
    }

    /// Reads whatever else arrives until nothing comes for `idle` (late duplicates).
    pub async fn read_remaining(&mut self, client: &mut Client, idle: Duration) {
        while let Some(record) = client.next_record(idle).await {
            self.record(record.json()["id"].as_str().unwrap().to_owned());
        }
    }

    /// Takes every message from the dead-letter queue and files it under its article.
    pub async fn read_dead_letters(&mut self, client: &Client, queue: &str) {
        while let Some(message) = client.get(queue).await {
            let id = serde_json::from_slice::<serde_json::Value>(&message.body)
                .ok()
                .and_then(|v| v["id"].as_str().map(str::to_owned))
                .unwrap_or_else(|| "(no id)".to_owned());
            self.dead_letters
                .entry(id)
                .or_default()
                .push(dead_letter_reason(&message));
        }
    }

    /// One line per article that has no record: dead-lettered (why) or missing.
    pub fn report(&self) -> String {
        let mut lines = Vec::new();
        for id in self.without_record() {
            match self.dead_letters.get(&id) {
                Some(reasons) => lines.push(format!("{id}: dead-lettered: {}", reasons.join("; "))),
                None => lines.push(format!("{id}: missing (no record, no dead letter)")),
            }
        }
        for (id, reasons) in &self.dead_letters {
            if self.records.contains_key(id) {
                lines.push(format!(
                    "{id}: has a record and a dead letter: {}",
                    reasons.join("; ")
                ));
            }
        }
        lines.join("\n")
    }
}

/// The worker's publish failures, counted by log message and error: why records were retried
/// or inputs requeued.
pub fn publish_failures(worker: &WorkerProcess) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in worker.logs().lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let message = v["message"].as_str().unwrap_or_default();
        if message.starts_with("publish ") {
            let error = v["error"].as_str().unwrap_or_default();
            *counts.entry(format!("{message}: {error}")).or_default() += 1;
        }
    }
    counts
}
