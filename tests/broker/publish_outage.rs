//! An output queue that refuses publishes for a while — as a quorum queue does while a new leader
//! is elected after its node was lost — is waited out: the input is not nack-requeued again and
//! again until its delivery limit has the broker dead-letter a healthy article (the cluster
//! drill's lost article).

use std::time::Duration;

use crate::helpers::{Client, TestBroker, WorkerProcess, rabbitmqctl};

const WAIT: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishes_refused_for_a_few_seconds_delay_the_record_without_spending_the_delivery_limit()
{
    let broker = TestBroker::new();
    let mut topology = broker.topology.clone();
    topology.delivery_limit = 2;
    let mut client = Client::connect_to(&broker.url, &topology).await;
    // The broker nacks every publish to the output queue while this policy holds.
    rabbitmqctl(&[
        "set_policy",
        "-p",
        &broker.vhost,
        "refuse-records",
        &format!("^{}$", topology.output_queue),
        r#"{"max-length":0,"overflow":"reject-publish"}"#,
        "--apply-to",
        "queues",
    ]);
    let worker = WorkerProcess::spawn(&broker, &[("ENRICHER__TOPOLOGY__DELIVERY_LIMIT", "2")]);
    worker.wait_ready().await;
    client.publish_articles(1).await;
    // Refused for a few seconds: long enough for three rounds of quick retries and requeues.
    tokio::time::sleep(Duration::from_secs(4)).await;
    rabbitmqctl(&["clear_policy", "-p", &broker.vhost, "refuse-records"]);

    let record = client.next_record(WAIT).await;
    let dead_letter = client.next_dead_letter(Duration::from_millis(500)).await;
    assert!(
        dead_letter.is_none(),
        "a healthy article was dead-lettered: {:?}\n{}",
        dead_letter.map(|d| d.properties),
        worker.logs()
    );
    let record = record.unwrap_or_else(|| panic!("no record:\n{}", worker.logs()));
    assert_eq!(record.json()["id"], "a-0");
    assert!(worker.metric("enricher_publish_retries_total").await >= 1.0);
    assert_eq!(
        worker.metric("enricher_messages_requeued_total").await,
        0.0,
        "the input was requeued while the broker refused its record"
    );
    client.close().await;
}
