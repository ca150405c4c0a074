//! Broker tests against the real RabbitMQ on 127.0.0.1:5672. Each test has a vhost of its own,
//! starts worker processes from the built binary, and checks what reaches the output and
//! dead-letter queues. No broker is mocked.

#![allow(clippy::unwrap_used)]

mod dashboard;
mod demo;
mod failover;
mod helpers;
mod publish_outage;
mod replay;
mod shutdown;
mod traces;

use std::collections::HashSet;
use std::time::Duration;

use enricher_extract::EXTRACTOR_VERSION;
use enricher_extract::record::record_message_id;
use helpers::{
    TestBroker, WorkerProcess, duplicate_count, merge_counts, missing_articles, text_article,
};
use lapin::BasicProperties;
use lapin::types::FieldTable;
use nix::sys::signal::Signal;

const WAIT: Duration = Duration::from_secs(30);

fn schema_validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/record.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("the shipped schema compiles")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_input_form_gives_exactly_one_confirmed_record_matching_it() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let worker = WorkerProcess::spawn(&broker, &[]);
    worker.wait_ready().await;

    client
        .publish_article(
            text_article(1).as_bytes(),
            BasicProperties::default()
                .with_content_type("text/plain".into())
                .with_message_id("msg-text".into())
                .with_correlation_id("corr-1".into()),
        )
        .await;
    let html = "<html lang=\"en\"><head><title>Harbour Reopens After Storm | Coast News</title><meta property=\"og:site_name\" content=\"Coast News\"></head><body>\
                <nav><a href=\"/\">Home</a></nav><article><h1>Harbour Reopens After Storm</h1>\
                <p>The harbour reopened on Friday after a storm closed it for three days, the port authority said.</p>\
                <p>Ferries will run on a reduced timetable until Monday.</p></article><footer>Copyright Coast News</footer></body></html>";
    client
        .publish_article(
            html.as_bytes(),
            BasicProperties::default()
                .with_content_type("text/html".into())
                .with_message_id("msg-html".into()),
        )
        .await;
    let envelope = serde_json::json!({
        "id": "env-1", "url": "https://example.org/news/1", "title": "Sender Title",
        "text": "Wind Farm Approved\n\nThe regional government approved a wind farm of 40 turbines on Wednesday.",
        "published_at": "2026-11-20T10:00:00Z", "feed": "wire-7", "metadata": {"desk": "energy"}
    });
    client
        .publish_article(
            &serde_json::to_vec(&envelope).unwrap(),
            BasicProperties::default().with_content_type("application/json".into()),
        )
        .await;

    let validator = schema_validator();
    let mut records = Vec::new();
    for _ in 0..3 {
        let record = client
            .next_record(WAIT)
            .await
            .expect("a record for each article");
        let json = record.json();
        assert!(
            validator.is_valid(&json),
            "record does not validate: {:?}",
            validator
                .iter_errors(&json)
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        );
        records.push(record);
    }
    assert!(
        client.next_record(Duration::from_secs(2)).await.is_none(),
        "exactly one record per article"
    );

    let by_id = |id: &str| {
        records
            .iter()
            .find(|r| r.json()["id"] == id)
            .unwrap_or_else(|| panic!("no record {id}"))
    };
    let text = by_id("msg-text");
    let json = text.json();
    assert_eq!(json["title"], "Council Approves Budget Number 1");
    assert_eq!(json["content_type"], "text");
    assert_eq!(json["dateline"]["place"], "LISBON");
    assert_eq!(json["language"], "en");
    assert!(!json["text"].as_str().unwrap().contains("Scroll to Top"));
    assert_eq!(json["source"]["message_id"], "msg-text");
    assert_eq!(json["source"]["exchange"], "articles");
    assert_eq!(json["source"]["routing_key"], "article.test");
    assert!(json["source"]["received_at"].is_string());
    assert_eq!(json["extractor"]["version"], EXTRACTOR_VERSION);
    assert_eq!(text.routing_key, "article.enriched.en");
    let props = &text.properties;
    assert_eq!(
        props.message_id().as_ref().unwrap().as_str(),
        record_message_id("msg-text", EXTRACTOR_VERSION)
    );
    assert_eq!(props.correlation_id().as_ref().unwrap().as_str(), "corr-1");
    assert_eq!(
        props.content_type().as_ref().unwrap().as_str(),
        "application/json"
    );
    assert_eq!(*props.delivery_mode(), Some(2));
    assert_eq!(
        text.header("x-extractor-version").as_deref(),
        Some(EXTRACTOR_VERSION)
    );
    assert_eq!(
        text.header("x-source-message-id").as_deref(),
        Some("msg-text")
    );

    let json = by_id("msg-html").json();
    assert_eq!(json["title"], "Harbour Reopens After Storm");
    assert_eq!(json["content_type"], "html");
    assert_eq!(
        json["text"],
        "The harbour reopened on Friday after a storm closed it for three days, the port authority said.\n\nFerries will run on a reduced timetable until Monday."
    );

    let json = by_id("env-1").json();
    assert_eq!(json["title"], "Wind Farm Approved");
    assert_eq!(json["source"]["url"], "https://example.org/news/1");
    assert_eq!(json["published_at"], "2026-11-20T10:00:00Z");
    assert_eq!(json["metadata"]["desk"], "energy");
    assert_eq!(json["metadata"]["feed"], "wire-7");

    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_message_is_dead_lettered_with_its_kind_and_the_worker_goes_on() {
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let worker = WorkerProcess::spawn(&broker, &[("ENRICHER__LIMITS__MAX_BODY_BYTES", "600000")]);
    worker.wait_ready().await;

    let nested = "<html><body>".to_owned() + &"<div>".repeat(100_000) + "text</body></html>";
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        (
            "malformed_json",
            b"{\"id\": \"x\", \"text\": ".to_vec(),
            Some("application/json"),
        ),
        (
            "invalid_utf8",
            b"{\"id\": \"x\", \"text\": \"caf\xe9 \xff\"}".to_vec(),
            Some("application/json"),
        ),
        ("empty_body", Vec::new(), None),
        ("empty_article", b"  \n\t  \n ".to_vec(), Some("text/plain")),
        (
            "missing_content",
            b"{\"id\": \"x\", \"url\": \"https://example.org\"}".to_vec(),
            None,
        ),
        (
            "body_too_large",
            "word ".repeat(140_000).into_bytes(),
            Some("text/plain"),
        ),
        ("html_too_deep", nested.into_bytes(), Some("text/html")),
        (
            "unsupported_content_type",
            random,
            Some("application/x-random"),
        ),
    ];
    for (i, (kind, body, content_type)) in cases.iter().enumerate() {
        let mut headers = FieldTable::default();
        headers.insert("x-case".into(), article_enricher::broker::text_value(kind));
        let mut props = BasicProperties::default()
            .with_message_id(format!("bad-{i}").into())
            .with_headers(headers);
        if let Some(ct) = content_type {
            props = props.with_content_type((*ct).into());
        }
        client.publish_article(body, props).await;
        // After each bad message the worker must still serve a good one.
        client
            .publish_article(
                text_article(i).as_bytes(),
                BasicProperties::default().with_message_id(format!("good-{i}").into()),
            )
            .await;
    }

    let mut dead = Vec::new();
    for _ in 0..cases.len() {
        dead.push(
            client
                .next_dead_letter(WAIT)
                .await
                .expect("a dead letter per bad message"),
        );
    }
    for (i, (kind, body, content_type)) in cases.iter().enumerate() {
        let letter = dead
            .iter()
            .find(|d| {
                d.properties.message_id().as_ref().map(|m| m.as_str()) == Some(&format!("bad-{i}"))
            })
            .unwrap_or_else(|| panic!("{kind} was not dead-lettered"));
        assert_eq!(letter.header("x-error-kind").as_deref(), Some(*kind));
        assert!(
            letter
                .header("x-error-message")
                .is_some_and(|m| !m.is_empty())
        );
        assert!(letter.header("x-failed-at").is_some());
        assert_eq!(
            letter.header("x-extractor-version").as_deref(),
            Some(EXTRACTOR_VERSION)
        );
        assert_eq!(
            letter.header("x-case").as_deref(),
            Some(*kind),
            "original headers kept"
        );
        assert_eq!(&letter.body, body, "{kind}: original bytes intact");
        assert_eq!(
            letter
                .properties
                .content_type()
                .as_ref()
                .map(|c| c.as_str()),
            *content_type
        );
        assert_eq!(
            letter.routing_key, "article.test",
            "original routing key kept"
        );
    }
    let records = client.collect_records(cases.len(), WAIT).await;
    let expected: HashSet<String> = (0..cases.len()).map(|i| format!("good-{i}")).collect();
    assert_eq!(records.keys().cloned().collect::<HashSet<_>>(), expected);
    assert!(worker.metric("enricher_messages_dead_lettered_total").await >= cases.len() as f64);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_worker_with_256_deliveries_in_flight_loses_nothing_after_restart() {
    const ARTICLES: usize = 2_000;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    client.publish_articles(ARTICLES).await;

    // Hundreds of deliveries held at once (extracting, waiting for a slot, or waiting for their
    // confirm and ack) when the process dies: all of them must come back.
    let mut worker = WorkerProcess::spawn(
        &broker,
        &[
            ("ENRICHER__WORKER__PREFETCH", "256"),
            ("ENRICHER__WORKER__MAX_IN_FLIGHT", "256"),
            ("ENRICHER__WORKER__EXTRACT_CONCURRENCY", "2"),
        ],
    );
    let first = client.collect_records(ARTICLES / 4, WAIT).await;
    assert_eq!(first.len(), ARTICLES / 4, "the first worker made progress");
    worker.signal(Signal::SIGKILL);
    worker.wait_exit(WAIT);

    let _second = WorkerProcess::spawn(&broker, &[]);
    let mut seen = first;
    let rest = client.collect_records(ARTICLES, WAIT).await;
    merge_counts(&mut seen, rest);
    let missing = missing_articles(&seen, ARTICLES);
    assert!(missing.is_empty(), "articles without a record: {missing:?}");
    let duplicates = duplicate_count(&seen);
    eprintln!("crash test: {ARTICLES} articles, {duplicates} duplicate records after SIGKILL");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_recovers_from_forced_connection_loss() {
    const ARTICLES: usize = 2_000;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    client.publish_articles(ARTICLES).await;
    let worker = WorkerProcess::spawn(&broker, &[]);
    let mut seen = client.collect_records(ARTICLES / 4, WAIT).await;
    assert_eq!(seen.len(), ARTICLES / 4);

    broker.close_all_connections();
    // The test's own connection was closed too: reconnect to keep reading records.
    drop(client);
    let mut client = broker.client().await;
    let rest = client.collect_records(ARTICLES, WAIT).await;
    merge_counts(&mut seen, rest);
    let missing = missing_articles(&seen, ARTICLES);
    assert!(
        missing.is_empty(),
        "articles without a record: {missing:?}\n{}",
        worker.logs()
    );
    assert!(worker.metric("enricher_connection_losses_total").await >= 1.0);
    // A forced close is one WARN line of ours, not a burst of ERROR lines from the client.
    let logs = worker.logs();
    assert!(!logs.contains("\"level\":\"ERROR\""), "{logs}");
    assert!(logs.contains("connection lost; reconnecting"), "{logs}");
    worker.wait_ready().await;
    let duplicates = duplicate_count(&seen);
    eprintln!(
        "connection-loss test: {ARTICLES} articles, {duplicates} duplicate records (the test client's unacked reads count too)"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_workers_share_one_queue_and_lose_nothing() {
    const ARTICLES: usize = 3_000;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let workers: Vec<WorkerProcess> = (0..3)
        .map(|_| WorkerProcess::spawn(&broker, &[("ENRICHER__WORKER__MAX_IN_FLIGHT", "2")]))
        .collect();
    for worker in &workers {
        worker.wait_ready().await;
    }
    client.publish_articles(ARTICLES).await;
    let seen = client.collect_records(ARTICLES, WAIT).await;
    assert_eq!(seen.len(), ARTICLES, "every article has a record");
    // A record reaches the queue just before its publisher sees the confirm and counts it: the
    // counters catch up a moment after the last record arrives.
    let started = std::time::Instant::now();
    loop {
        let mut total = 0.0;
        let mut idle = false;
        for worker in &workers {
            let published = worker.metric("enricher_records_published_total").await;
            idle |= published == 0.0;
            total += published;
        }
        assert!(!idle, "a worker did no work");
        if total >= ARTICLES as f64 {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "{total} records counted of {ARTICLES}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_drains_in_flight_articles_and_exits_zero() {
    const ARTICLES: usize = 600;
    let broker = TestBroker::new();
    let mut client = broker.client().await;
    client.publish_articles(ARTICLES).await;
    let mut worker = WorkerProcess::spawn(&broker, &[]);
    let mut seen = client.collect_records(50, WAIT).await;
    worker.signal(Signal::SIGTERM);
    let status = worker.wait_exit(Duration::from_secs(15));
    assert!(
        status.success(),
        "exit status {status:?}\n{}",
        worker.logs()
    );
    assert!(worker.logs().contains("stopped"), "{}", worker.logs());

    // Everything is either a record or back in the input queue: nothing in between.
    merge_counts(
        &mut seen,
        client
            .collect_records(ARTICLES, Duration::from_secs(2))
            .await,
    );
    let mut queued = HashSet::new();
    while let Some(message) = client.get(&broker.topology.input_queue).await {
        queued.insert(message.json()["id"].as_str().unwrap().to_owned());
    }
    let accounted: HashSet<String> = seen.keys().cloned().chain(queued.iter().cloned()).collect();
    let missing: Vec<usize> = (0..ARTICLES)
        .filter(|i| !accounted.contains(&format!("a-{i}")))
        .collect();
    assert!(missing.is_empty(), "lost on shutdown: {missing:?}");
    assert!(!queued.is_empty() || seen.len() == ARTICLES);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_broker_fails_start_up_naming_it_without_the_password() {
    let broker = TestBroker::new();
    let mut worker = WorkerProcess::spawn(
        &broker,
        &[
            ("AMQP_URL", "amqp://guest:hunter2@127.0.0.1:1/none"),
            ("ENRICHER__AMQP__STARTUP_ATTEMPTS", "2"),
        ],
    );
    let status = worker.wait_exit(WAIT);
    assert!(!status.success());
    let logs = worker.logs();
    assert!(logs.contains("amqp://guest:***@127.0.0.1:1/none"), "{logs}");
    assert!(!logs.contains("hunter2"), "{logs}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_broker_password_reaches_no_log_line_even_at_trace_level() {
    let broker = TestBroker::new();
    let user = format!("ae-user-{}", uuid::Uuid::new_v4().simple());
    // Raw `/`, `@`, `?` and `#` in a password defeat naive URL handling.
    let password = "Tr4ce/p@ss?w#rd";
    helpers::rabbitmqctl(&["add_user", &user, password]);
    // Deleted however the test ends.
    struct User(String);
    impl Drop for User {
        fn drop(&mut self) {
            let _ = std::process::Command::new("rabbitmqctl")
                .args(["-q", "delete_user", &self.0])
                .output();
        }
    }
    let _user = User(user.clone());
    helpers::rabbitmqctl(&[
        "set_permissions",
        "-p",
        &broker.vhost,
        &user,
        ".*",
        ".*",
        ".*",
    ]);
    let encoded = "Tr4ce%2Fp%40ss%3Fw%23rd";
    let host = std::env::var("TEST_AMQP_HOST").unwrap_or_else(|_| "127.0.0.1:5672".into());
    let mut client = broker.client().await;
    for url in [
        format!("amqp://{user}:{encoded}@{host}/{}", broker.vhost),
        // Written raw, as users do: the worker cannot log in, and must say so without it.
        format!("amqp://{user}:{password}@{host}/{}", broker.vhost),
    ] {
        let mut worker = WorkerProcess::spawn(
            &broker,
            &[
                ("AMQP_URL", url.as_str()),
                ("RUST_LOG", "trace"),
                ("ENRICHER__AMQP__STARTUP_ATTEMPTS", "2"),
            ],
        );
        if url.contains(encoded) {
            worker.wait_ready().await;
            client.publish_articles(1).await;
            assert!(
                client.next_record(WAIT).await.is_some(),
                "{}",
                worker.logs()
            );
            worker.signal(Signal::SIGTERM);
        }
        worker.wait_exit(WAIT);
        let logs = worker.logs();
        if url.contains(encoded) {
            assert!(
                logs.contains("\"level\":\"DEBUG\""),
                "debug and trace logging are on: {logs}"
            );
        } else {
            assert!(logs.contains(":***@"), "the URL is named, redacted: {logs}");
        }
        // The client's frame dumps show the login as bytes: "84, 114, 52, …".
        let as_bytes = password
            .bytes()
            .map(|b| b.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        for form in [password, encoded, "p@ss", "Tr4ce", as_bytes.as_str()] {
            assert!(
                !logs.contains(form),
                "{form:?} in the logs of {url}:\n{logs}"
            );
        }
    }
    client.close().await;
}
