//! The cluster drills, on a 3-node RabbitMQ cluster (`scripts/cluster.sh`):
//! - two workers connected to different nodes, and the node that leads the input queue killed
//!   with SIGKILL mid-run: every article must have its record — none lost, none dead-lettered —
//!   and duplicates are counted and explained (an article whose record was confirmed but whose
//!   ack died with the node is delivered again: at-least-once, de-duplicated downstream by the
//!   record's message id);
//! - an archive replay while the node that leads the archive stream and the input queue is
//!   stopped gracefully: the replay completes and its summary is exact.
//!
//! Ignored by default (the cluster takes ~20 s to start): `.ci/run` runs them after the README's
//! test command with `cargo test --release --test cluster_drill -- --ignored --nocapture
//! --test-threads 1`. Where `rabbitmq-server` is absent they print SKIPPED and pass.

#![allow(clippy::unwrap_used)]

#[allow(dead_code)]
#[path = "broker/helpers.rs"]
mod helpers;

#[path = "cluster/harness.rs"]
mod harness;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use article_enricher::settings::{Settings, Sources, TopologySettings};
use harness::{
    Cluster, Fates, failover_from_logs, log_lines_naming, publish_failures, rabbitmq_installed,
    sessions,
};
use helpers::{Client, WorkerProcess};

const ARTICLES: usize = 5_000;
const WAIT: Duration = Duration::from_secs(60);
/// Articles in the archive for the replay drill: enough that the replay is still running when
/// the stopped node is down.
const REPLAYED: usize = 40_000;

/// The drill's topology, as a worker given the three addresses sees it (quorum output queue).
fn cluster_topology(cluster: &Cluster) -> TopologySettings {
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
    topology
}

/// Deliveries a worker consumed, records it published, acks that failed, inputs it requeued.
async fn worker_counts(worker: &WorkerProcess) -> [f64; 4] {
    [
        worker.metric("enricher_messages_consumed_total").await,
        worker.metric("enricher_records_published_total").await,
        worker.metric("enricher_ack_failures_total").await,
        worker.metric("enricher_messages_requeued_total").await,
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts a 3-node RabbitMQ cluster; run by .ci/run"]
async fn killing_the_input_queue_leader_mid_run_loses_no_article() {
    if !rabbitmq_installed() {
        eprintln!("SKIPPED: rabbitmq-server is not installed, the cluster drill cannot run");
        return;
    }
    let cluster = Cluster::up();
    let topology = cluster_topology(&cluster);

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
    let mut fates = Fates::new(ARTICLES);
    while fates.records.len() < ARTICLES / 4 {
        let record = client.next_record(WAIT).await;
        let record = record.unwrap_or_else(|| panic!("no records:\n{}", on_victim.logs()));
        fates.record(record.json()["id"].as_str().unwrap().to_owned());
    }

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
    fates.read_records(&mut client, WAIT).await;
    let all_records = killed_at.elapsed();
    if !fates.without_record().is_empty() {
        // Where are they? The queues as a live node sees them, then a fresh consumer (the first
        // one's unacknowledged deliveries return to the queue when its connection closes).
        eprintln!("queues after the wait:\n{}", cluster.queues(reader));
        client.close().await;
        client = Client::connect_to(&cluster.url(reader), &topology).await;
        fates
            .read_records(&mut client, Duration::from_secs(10))
            .await;
        eprintln!(
            "after reconnecting the reader: {} without a record",
            fates.without_record().len()
        );
    }

    // The killed node comes back and rejoins; nothing more arrives but duplicates.
    cluster.run(&["start", &victim.to_string()]);
    let status = cluster.run(&["status"]);
    assert_eq!(status.matches(" running").count(), 3, "{status}");
    fates
        .read_remaining(&mut client, Duration::from_secs(3))
        .await;
    on_victim.wait_ready().await;
    on_survivor.wait_ready().await;
    fates
        .read_dead_letters(&client, &topology.dead_letter_queue)
        .await;
    let queues = cluster.queues(reader);
    let lost = fates.lost();
    let without_record = fates.without_record();
    let counts = [
        worker_counts(&on_victim).await,
        worker_counts(&on_survivor).await,
    ];
    let failover = failover_from_logs(&on_victim).unwrap_or(noticed);
    eprintln!(
        "drill phases: kill to second session seen {:.2} s, kill to every article recorded {:.1} s, \
         restart and rejoin {:.1} s",
        noticed.as_secs_f64(),
        all_records.as_secs_f64(),
        (killed_at.elapsed() - all_records).as_secs_f64()
    );
    eprintln!("queues at the end:\n{queues}");
    for (name, worker) in [("a", &on_victim), ("b", &on_survivor)] {
        for (failure, n) in publish_failures(worker) {
            eprintln!("worker {name}: {n} × {failure}");
        }
    }
    for (name, [consumed, published, ack_failures, requeued]) in ["a", "b"].iter().zip(counts) {
        eprintln!(
            "worker {name}: consumed {consumed}, records published {published}, acks failed \
             {ack_failures}, inputs requeued {requeued}"
        );
    }
    // Every duplicate record is a redelivery: an article consumed again after its first record
    // was confirmed (its ack died with the connection, or a confirm was lost with it).
    let redeliveries = counts.iter().map(|c| c[0]).sum::<f64>() - ARTICLES as f64;
    let duplicates = fates.duplicates();
    eprintln!(
        "| articles | node killed | records | lost | dead-lettered | duplicates | redeliveries | failover | /readyz gap seen |"
    );
    eprintln!("|---|---|---|---|---|---|---|---|---|");
    eprintln!(
        "| {ARTICLES} | {victim} (input queue leader) | {} | {} | {} | {duplicates} | {redeliveries} | {:.3} s | {readyz_gap} |",
        fates.record_count(),
        lost.len(),
        fates.dead_letters.len(),
        failover.as_secs_f64()
    );
    if !without_record.is_empty() {
        eprintln!("{}", fates.report());
        for worker in [&on_victim, &on_survivor] {
            for line in log_lines_naming(worker, &without_record) {
                eprintln!("  {line}");
            }
        }
    }
    assert!(
        without_record.is_empty() && fates.dead_letters.is_empty(),
        "{} articles without a record ({} lost), {} dead-lettered:\n{}",
        without_record.len(),
        lost.len(),
        fates.dead_letters.len(),
        fates.report()
    );
    assert!(
        duplicates as f64 <= redeliveries,
        "{duplicates} duplicate records but only {redeliveries} redeliveries"
    );
    client.close().await;
}

/// The archive replay as a process of its own, connected to `urls` (the first that answers).
fn spawn_replay(urls: &str) -> (std::process::Child, std::path::PathBuf) {
    let log = std::env::temp_dir().join(format!(
        "ae-drill-replay-{}.log",
        uuid::Uuid::new_v4().simple()
    ));
    let child = std::process::Command::new(helpers::worker_binary())
        .args(["replay", "--from-archive", "--first", "--json"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AMQP_URL", urls)
        .env("ENRICHER__TOPOLOGY__OUTPUT_QUEUE_TYPE", "quorum")
        .env("ENRICHER__TELEMETRY__FORMAT", "json")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("spawning the replay");
    (child, log)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "starts a 3-node RabbitMQ cluster; run by .ci/run"]
async fn stopping_the_archive_leader_mid_replay_leaves_the_summary_exact() {
    if !rabbitmq_installed() {
        eprintln!("SKIPPED: rabbitmq-server is not installed, the cluster drill cannot run");
        return;
    }
    let cluster = Cluster::up();
    let topology = cluster_topology(&cluster);
    assert!(topology.archive, "the archive stream is on by default");
    Client::connect_to(&cluster.url(1), &topology)
        .await
        .close()
        .await;
    let victim = cluster.leader(&topology.archive_queue);
    let replayer = victim % 3 + 1;
    let reader = replayer % 3 + 1;
    let client = Client::connect_to(&cluster.url(reader), &topology).await;
    // No worker runs: the articles reach the input queue and the archive; the input queue is
    // emptied, so afterwards it holds exactly what the replay re-published.
    client.publish_articles(REPLAYED).await;
    cluster.run(&[
        "ctl",
        &reader.to_string(),
        "purge_queue",
        &topology.input_queue,
    ]);
    assert_eq!(client.queue_len(&topology.input_queue).await, 0);

    // The stop is issued as the replay starts: the command and the node's graceful shutdown
    // take seconds, the replay of the whole archive longer.
    let (replay, log) = spawn_replay(&cluster.urls_from(replayer));
    let started = Instant::now();
    // The replay's exit is timed on a thread of its own, to compare with the node's stop.
    let waiter = std::thread::spawn(move || {
        let output = replay.wait_with_output();
        (output, started.elapsed())
    });
    cluster.run(&["stop", &victim.to_string()]);
    let stopped_at = started.elapsed();
    let (replay, took) = tokio::task::spawn_blocking(move || waiter.join().unwrap())
        .await
        .unwrap();
    let replay = replay.unwrap();
    let mid_replay = took > stopped_at;
    let logs = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(replay.status.success(), "the replay failed:\n{logs}");
    let stdout = String::from_utf8(replay.stdout).unwrap();
    let summary: serde_json::Value = stdout
        .lines()
        .find(|l| l.starts_with('{'))
        .and_then(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no JSON summary in {stdout:?}\n{logs}"));
    let summary = &summary["summary"];

    // The input queue holds exactly what the summary says was published.
    let in_input = client.queue_len(&topology.input_queue).await as usize;
    cluster.run(&["start", &victim.to_string()]);
    let status = cluster.run(&["status"]);
    eprintln!(
        "replay drill: node {victim} (archive and input leader) stop issued as the replay began, \
         node down at {:.2} s, replay done at {:.2} s; down mid-replay: {mid_replay}",
        stopped_at.as_secs_f64(),
        took.as_secs_f64()
    );
    eprintln!(
        "| archived | node stopped | read | published | failed | unacked | in the input queue |"
    );
    eprintln!("|---|---|---|---|---|---|---|");
    eprintln!(
        "| {REPLAYED} | {victim} (archive + input leader) | {} | {} | {} | {} | {in_input} |",
        summary["read"], summary["published"], summary["failed"], summary["unacked"],
    );
    assert!(
        mid_replay,
        "the node was down only after the replay ended; raise REPLAYED"
    );
    assert_eq!(summary["interrupted"], false, "{summary}");
    for (key, expected) in [
        ("read", REPLAYED),
        ("published", REPLAYED),
        ("skipped", 0),
        ("failed", 0),
        ("unacked", 0),
    ] {
        assert_eq!(summary[key], expected, "{key}: {summary}\n{logs}");
    }
    assert_eq!(in_input, REPLAYED, "{summary}");
    assert_eq!(status.matches(" running").count(), 3, "{status}");
    let _ = std::fs::remove_file(log);
    client.close().await;
}
