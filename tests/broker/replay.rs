//! Replay and scale-out on the real broker: dead-letter round trip, archive replay by time and
//! from the start, file replay, a clean stop mid-replay, and ordering mode over partitions.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use lapin::BasicProperties;
use lapin::types::FieldTable;
use nix::sys::signal::Signal;
use serde_json::{Value, json};

use crate::helpers::{TestBroker, WorkerProcess, command, envelope, json_properties, run_command};

const WAIT: Duration = Duration::from_secs(60);

fn summary(stdout: &str) -> Value {
    let line = stdout
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON summary in {stdout:?}"));
    serde_json::from_str(line).unwrap()
}

/// Reads records until `n` have arrived; returns id → record message ids in arrival order.
async fn read_records(
    client: &mut crate::helpers::Client,
    n: usize,
) -> HashMap<String, Vec<String>> {
    let mut seen: HashMap<String, Vec<String>> = HashMap::new();
    for i in 0..n {
        let record = client
            .next_record(WAIT)
            .await
            .unwrap_or_else(|| panic!("only {i} of {n} records arrived"));
        let id = record.json()["id"].as_str().unwrap().to_owned();
        let message_id = record.properties.message_id().as_ref().unwrap().to_string();
        seen.entry(id).or_default().push(message_id);
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dead_letters_replay_by_kind_after_the_limit_is_raised_and_nothing_is_lost() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let strict = [("ENRICHER__LIMITS__MAX_BODY_BYTES", "2000")];
    let mut worker = WorkerProcess::spawn(&broker, &strict);
    let mut messages = Vec::new();
    for i in 0..50 {
        messages.push(envelope(i));
        messages.push(json!({"id": format!("big-{i}"), "text": format!("Long Report {i}\n\n{}", "Officials published the long report today. ".repeat(60))}));
    }
    client.publish_envelopes(&messages).await;
    let first = client.collect_records(50, WAIT).await;
    assert_eq!(first.len(), 50);
    client
        .wait_queue_len(&broker.topology.dead_letter_queue, 50, WAIT)
        .await;

    let (_, out) = run_command(
        &broker,
        &["replay", "--from-dead-letter", "--dry-run", "--json"],
        &[],
    );
    let report = summary(&out);
    assert_eq!(
        report["dry_run"]["kinds"]["body_too_large"]["count"], 50,
        "{report}"
    );
    let ids: HashSet<&str> = report["dry_run"]["kinds"]["body_too_large"]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        (0..50)
            .map(|i| format!("big-{i}"))
            .collect::<HashSet<_>>()
            .iter()
            .map(String::as_str)
            .collect()
    );
    assert_eq!(report["summary"]["published"], 0);
    client
        .wait_queue_len(&broker.topology.dead_letter_queue, 50, WAIT)
        .await;

    let (_, out) = run_command(
        &broker,
        &[
            "replay",
            "--from-dead-letter",
            "--kind",
            "malformed_json",
            "--json",
        ],
        &[],
    );
    assert_eq!(
        summary(&out)["summary"]["published"],
        0,
        "another kind moves nothing"
    );

    worker.signal(Signal::SIGTERM);
    assert!(worker.wait_exit(WAIT).success());
    let _relaxed =
        WorkerProcess::spawn(&broker, &[("ENRICHER__LIMITS__MAX_BODY_BYTES", "1000000")]);
    let (_, out) = run_command(
        &broker,
        &[
            "replay",
            "--from-dead-letter",
            "--kind",
            "body_too_large",
            "--json",
        ],
        &[],
    );
    let moved = summary(&out);
    assert_eq!(moved["summary"]["published"], 50, "{moved}");
    assert_eq!(moved["summary"]["failed"], 0);
    let replayed = client.collect_records(50, WAIT).await;
    assert_eq!(
        replayed.keys().cloned().collect::<HashSet<_>>(),
        (0..50).map(|i| format!("big-{i}")).collect()
    );
    // Every replayed dead letter was acked for good: nothing comes back when the replay's channel
    // closes (it did, before acks were paced for the quorum queue's client).
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        client.queue_len(&broker.topology.dead_letter_queue).await,
        0
    );
    client
        .wait_queue_len(&broker.topology.dead_letter_queue, 0, WAIT)
        .await;
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dead_letter_round_trip_under_load_leaves_the_queue_empty_round_after_round() {
    const BIG: usize = 64;
    const LOAD: usize = 60;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let strict = [("ENRICHER__LIMITS__MAX_BODY_BYTES", "2000")];
    let relaxed = [("ENRICHER__LIMITS__MAX_BODY_BYTES", "1000000")];
    let big = |round: usize, i: usize| json!({"id": format!("big-{round}-{i}"), "text": format!("Long Report {i}\n\n{}", "Officials published the long report today. ".repeat(60))});
    for round in 0..3 {
        let mut worker = WorkerProcess::spawn(&broker, &strict);
        client
            .publish_envelopes(&(0..BIG).map(|i| big(round, i)).collect::<Vec<_>>())
            .await;
        client
            .wait_queue_len(&broker.topology.dead_letter_queue, BIG as u32, WAIT)
            .await;
        worker.signal(Signal::SIGTERM);
        assert!(worker.wait_exit(WAIT).success());

        let mut relaxed_worker = WorkerProcess::spawn(&broker, &relaxed);
        // Load while the replay runs: other articles flow through the same worker.
        let load: Vec<Value> = (0..LOAD)
            .map(|i| {
                let mut e = envelope(round * 1000 + i);
                e["id"] = json!(format!("load-{round}-{i}"));
                e
            })
            .collect();
        let publishing = {
            let broker_client = broker.client().await;
            tokio::spawn(async move {
                broker_client.publish_envelopes(&load).await;
                broker_client.close().await;
            })
        };
        let (_, out) = run_command(&broker, &["replay", "--from-dead-letter", "--json"], &[]);
        publishing.await.unwrap();
        let moved = summary(&out);
        assert_eq!(moved["summary"]["published"], BIG, "{moved}");
        let records = client.collect_records(BIG + LOAD, WAIT).await;
        let expected: HashSet<String> = (0..BIG)
            .map(|i| format!("big-{round}-{i}"))
            .chain((0..LOAD).map(|i| format!("load-{round}-{i}")))
            .collect();
        assert_eq!(
            records.keys().cloned().collect::<HashSet<_>>(),
            expected,
            "round {round}: every article has its record, nothing foreign"
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert_eq!(
            client.queue_len(&broker.topology.dead_letter_queue).await,
            0,
            "round {round}: replayed dead letters stay acked"
        );
        relaxed_worker.signal(Signal::SIGTERM);
        assert!(relaxed_worker.wait_exit(WAIT).success());
    }
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_archive_replays_since_a_time_and_from_the_first_message_with_the_same_record_ids() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let _worker = WorkerProcess::spawn(&broker, &[]);
    client.publish_articles(500).await;
    let mut first = read_records(&mut client, 500).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let halfway = chrono::Utc::now().timestamp().to_string();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    client
        .publish_envelopes(&(500..1000).map(envelope).collect::<Vec<_>>())
        .await;
    first.extend(read_records(&mut client, 500).await);
    assert_eq!(first.len(), 1000);

    let (_, out) = run_command(
        &broker,
        &["replay", "--from-archive", "--since", &halfway, "--json"],
        &[],
    );
    let since = summary(&out);
    assert_eq!(since["summary"]["published"], 500, "{since}");
    let again = read_records(&mut client, 500).await;
    for (id, message_ids) in &again {
        let n: usize = id.trim_start_matches("a-").parse().unwrap();
        assert!(n >= 500, "{id} was archived before the halfway time");
        assert_eq!(
            message_ids, &first[id],
            "{id}: a replayed record keeps its message_id"
        );
    }

    let started = Instant::now();
    let (_, out) = run_command(
        &broker,
        &["replay", "--from-archive", "--first", "--json"],
        &[],
    );
    let elapsed = started.elapsed();
    let all = summary(&out);
    assert_eq!(all["summary"]["published"], 1000, "{all}");
    assert_eq!(
        all["summary"]["skipped"], 500,
        "earlier replays in the archive are skipped: {all}"
    );
    let everything = read_records(&mut client, 1000).await;
    assert_eq!(everything.len(), 1000);
    eprintln!(
        "archive replay --first: 1000 messages re-published in {:.2} s ({:.0} messages/s, debug build)",
        elapsed.as_secs_f64(),
        1500.0 / elapsed.as_secs_f64()
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jsonl_file_replays_into_one_record_per_envelope() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let _worker = WorkerProcess::spawn(&broker, &[]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.jsonl");
    let lines: Vec<String> = (0..1000).map(|i| envelope(i).to_string()).collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let (_, out) = run_command(
        &broker,
        &["replay", "--from-file", path.to_str().unwrap(), "--json"],
        &[],
    );
    assert_eq!(summary(&out)["summary"]["published"], 1000);
    let records = client.collect_records(1000, WAIT).await;
    assert_eq!(records.len(), 1000);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigint_mid_replay_leaves_every_message_republished_or_untouched() {
    const TOTAL: u32 = 20_000;
    let broker = TestBroker::new();
    let client = broker.client().await;
    // Dead letters as the worker writes them, published straight to the dead-letter exchange.
    let messages = (0..TOTAL)
        .map(|i| {
            let mut headers = FieldTable::default();
            headers.insert(
                "x-error-kind".into(),
                article_enricher::broker::text_value("time_budget_exceeded"),
            );
            let props: BasicProperties = json_properties().with_headers(headers);
            (
                "article.test".to_owned(),
                serde_json::to_vec(&envelope(i as usize)).unwrap(),
                props,
            )
        })
        .collect();
    client
        .publish_many(&broker.topology.dead_letter_exchange, messages)
        .await;
    client
        .wait_queue_len(&broker.topology.dead_letter_queue, TOTAL, WAIT)
        .await;

    let replay = command(&broker, &["replay", "--from-dead-letter", "--json"], &[])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + WAIT;
    while client.queue_len(&broker.topology.input_queue).await == 0 {
        assert!(Instant::now() < deadline, "the replay never started");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(replay.id() as i32),
        Signal::SIGINT,
    )
    .unwrap();
    let output = replay.wait_with_output().unwrap();
    assert!(output.status.success());
    let result = summary(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(
        result["summary"]["interrupted"], true,
        "stopped before the end: {result}"
    );
    let published = result["summary"]["published"].as_u64().unwrap() as u32;
    // The replay channel is closed: unacked messages are back in the dead-letter queue.
    let deadline = Instant::now() + WAIT;
    loop {
        let input = client.queue_len(&broker.topology.input_queue).await;
        let untouched = client.queue_len(&broker.topology.dead_letter_queue).await;
        if input == published && input + untouched == TOTAL {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "input {input} + dead letters {untouched} != {TOTAL} (published {published})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(published > 0 && published < TOTAL, "{result}");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ordering_mode_keeps_per_key_order_across_two_workers_and_four_partitions() {
    const MESSAGES: usize = 2_000;
    const KEYS: usize = 20;
    let mut broker = TestBroker::new();
    broker.topology.ordering = true;
    let ordered = [
        ("ENRICHER__TOPOLOGY__ORDERING", "true"),
        ("ENRICHER__WORKER__MAX_IN_FLIGHT", "4"),
    ];
    let mut client = broker.client().await;
    let workers = [
        WorkerProcess::spawn(
            &broker,
            &[
                ordered[0],
                ordered[1],
                ("ENRICHER__WORKER__PARTITIONS", "0,1"),
            ],
        ),
        WorkerProcess::spawn(
            &broker,
            &[
                ordered[0],
                ordered[1],
                ("ENRICHER__WORKER__PARTITIONS", "2,3"),
            ],
        ),
    ];
    for worker in &workers {
        worker.wait_ready().await;
    }
    let messages = (0..MESSAGES)
        .map(|i| {
            let key = i % KEYS;
            let body = json!({"id": format!("k{key}-{i}"), "text": crate::helpers::text_article(i), "metadata": {"key": key, "seq": i}});
            (format!("article.site-{key}"), serde_json::to_vec(&body).unwrap(), json_properties())
        })
        .collect();
    client
        .publish_many(&broker.topology.input_exchange, messages)
        .await;
    let mut last_seq: HashMap<u64, i64> = HashMap::new();
    for n in 0..MESSAGES {
        let record = client
            .next_record(WAIT)
            .await
            .unwrap_or_else(|| panic!("only {n} records arrived"));
        let json = record.json();
        let key = json["metadata"]["key"].as_u64().unwrap();
        let seq = json["metadata"]["seq"].as_i64().unwrap();
        let previous = last_seq.insert(key, seq).unwrap_or(-1);
        assert!(seq > previous, "key {key}: record {seq} after {previous}");
    }
    assert_eq!(last_seq.len(), KEYS);
    for worker in &workers {
        assert!(
            worker.metric("enricher_records_published_total").await > 0.0,
            "both workers took partitions"
        );
    }
    client.close().await;
}
