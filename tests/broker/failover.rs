//! Several broker addresses: a dead first address is skipped at start-up, and a lost connection
//! fails over to the next address by itself.

use std::time::{Duration, Instant};

use article_enricher::settings::redact_url;

use crate::helpers::{TestBroker, WorkerProcess};

const WAIT: Duration = Duration::from_secs(30);

/// The `connected` log lines of a worker, with the address each names.
fn connected_addresses(worker: &WorkerProcess) -> Vec<String> {
    worker
        .logs()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v["message"] == "connected")
        .map(|v| v["broker"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_first_address_is_skipped_and_the_second_serves() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let urls = format!(
        "amqp://guest:d3adpass@127.0.0.1:1/{},{}",
        broker.vhost, broker.url
    );
    let worker = WorkerProcess::spawn(&broker, &[("AMQP_URL", urls.as_str())]);
    worker.wait_ready().await;
    client.publish_articles(20).await;
    let seen = client.collect_records(20, WAIT).await;
    assert_eq!(seen.len(), 20, "{}", worker.logs());
    let logs = worker.logs();
    assert!(logs.contains("trying the next"), "{logs}");
    assert!(logs.contains("amqp://guest:***@127.0.0.1:1/"), "{logs}");
    assert!(!logs.contains("d3adpass"), "{logs}");
    assert_eq!(connected_addresses(&worker), [redact_url(&broker.url)]);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_connection_fails_over_to_the_next_address() {
    let broker = TestBroker::new();
    // Two addresses of the same broker, told apart by their host names.
    let second = broker.url.replace("127.0.0.1", "localhost");
    assert_ne!(second, broker.url, "the test broker URL names 127.0.0.1");
    let urls = format!("{},{second}", broker.url);
    let worker = WorkerProcess::spawn(&broker, &[("AMQP_URL", urls.as_str())]);
    worker.wait_ready().await;
    broker.close_all_connections();
    let deadline = Instant::now() + WAIT;
    while connected_addresses(&worker).len() < 2 {
        assert!(
            Instant::now() < deadline,
            "no reconnect:\n{}",
            worker.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        connected_addresses(&worker),
        [redact_url(&broker.url), redact_url(&second)]
    );
    worker.wait_ready().await;
    let mut client = broker.client().await;
    client.publish_articles(5).await;
    assert_eq!(client.collect_records(5, WAIT).await.len(), 5);
    client.close().await;
}
