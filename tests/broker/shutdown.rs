//! Slow pages and SIGTERM: extraction slots are never exceeded while slow-but-legal pages are
//! fed, and SIGTERM during a long extraction stops the process at the shutdown deadline, the page
//! left unacked for the queue to redeliver.

use std::time::{Duration, Instant};

use lapin::BasicProperties;
use nix::sys::signal::Signal;

use crate::helpers::{TestBroker, WorkerProcess};

const WAIT: Duration = Duration::from_secs(60);

/// A legal news-like page of about `paragraphs` × 150 bytes: ordinary prose, nothing hostile,
/// just long (7 MB takes about two seconds to extract on a 2-core machine).
fn long_page(paragraphs: usize) -> String {
    const WORDS: [&str; 24] = [
        "river", "council", "budget", "water", "minister", "said", "the", "of", "and", "to", "in",
        "a", "for", "on", "with", "as", "by", "at", "from", "harbour", "project", "storm",
        "Lisbon", "Monday",
    ];
    let mut seed = 7u64;
    let mut next = || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        usize::try_from(seed >> 33).unwrap() % WORDS.len()
    };
    let mut html = String::from(
        "<html><head><title>Long Page</title></head><body><article><h1>Long Page</h1>",
    );
    for _ in 0..paragraphs {
        html.push_str("<p>The");
        for _ in 0..22 {
            html.push(' ');
            html.push_str(WORDS[next()]);
        }
        html.push_str(".</p>");
    }
    html.push_str("</article></body></html>");
    html
}

fn html_properties(id: &str) -> BasicProperties {
    BasicProperties::default()
        .with_content_type("text/html".into())
        .with_message_id(id.into())
        .with_delivery_mode(2)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_during_a_long_extraction_stops_at_the_deadline_and_the_page_returns_to_the_queue()
{
    const DEADLINE_MS: u64 = 300;
    let broker = TestBroker::new();
    let client = broker.client().await;
    let mut worker = WorkerProcess::spawn(
        &broker,
        &[
            ("ENRICHER__LIMITS__TIME_BUDGET_MS", "120000"),
            (
                "ENRICHER__WORKER__SHUTDOWN_DEADLINE_MS",
                &DEADLINE_MS.to_string(),
            ),
            ("ENRICHER__WORKER__EXTRACT_CONCURRENCY", "1"),
        ],
    );
    worker.wait_ready().await;
    client
        .publish_article(long_page(64_000).as_bytes(), html_properties("long-page"))
        .await;
    let started = Instant::now();
    while worker.metric("enricher_extractions_running").await < 1.0 {
        assert!(started.elapsed() < WAIT, "{}", worker.logs());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    worker.signal(Signal::SIGTERM);
    let signalled = Instant::now();
    let status = worker.wait_exit(WAIT);
    let took = signalled.elapsed();
    let logs = worker.logs();
    assert_eq!(status.code(), Some(3), "cut off at the deadline:\n{logs}");
    assert!(
        took < Duration::from_millis(DEADLINE_MS) + Duration::from_millis(1_700),
        "exited {took:?} after SIGTERM, deadline {DEADLINE_MS} ms:\n{logs}"
    );
    assert!(logs.contains("stopped at the shutdown deadline"), "{logs}");
    // Never acked: the broker holds it for the next worker; nothing was published for it.
    client
        .wait_queue_len(&broker.topology.input_queue, 1, WAIT)
        .await;
    assert_eq!(client.queue_len(&broker.topology.output_queue).await, 0);
    assert_eq!(
        client.queue_len(&broker.topology.dead_letter_queue).await,
        0
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn running_extractions_never_exceed_their_bound_while_slow_pages_are_fed() {
    const GOOD: usize = 40;
    const SLOW: usize = 4;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let worker = WorkerProcess::spawn(
        &broker,
        &[
            ("ENRICHER__WORKER__EXTRACT_CONCURRENCY", "1"),
            ("ENRICHER__LIMITS__TIME_BUDGET_MS", "250"),
        ],
    );
    worker.wait_ready().await;
    let page = long_page(20_000);
    for i in 0..SLOW {
        client
            .publish_article(page.as_bytes(), html_properties(&format!("slow-{i}")))
            .await;
    }
    client.publish_articles(GOOD).await;
    let started = Instant::now();
    let mut most = 0.0f64;
    let mut records = 0;
    loop {
        most = most.max(worker.metric("enricher_extractions_running").await);
        while let Some(_record) = client.next_record(Duration::from_millis(10)).await {
            records += 1;
        }
        let dead = client.queue_len(&broker.topology.dead_letter_queue).await as usize;
        if records + dead >= GOOD + SLOW {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "{records} records, {dead} dead letters:\n{}",
            worker.logs()
        );
    }
    assert!(most <= 1.0, "{most} extractions ran at once with one slot");
    assert!(records >= GOOD, "every good article has its record");
    client.close().await;
}
