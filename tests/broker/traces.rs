//! W3C trace context through the real broker: the `traceparent` of an input message is continued
//! on its record and dead letter, and with an OTLP endpoint the worker's span reaches an
//! in-process collector stand-in (OTLP/HTTP protobuf on 127.0.0.1) as the child of the sender's.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use article_enricher::broker::text_value;
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use lapin::BasicProperties;
use lapin::types::FieldTable;
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use prost::Message;

use crate::helpers::{Received, TestBroker, WorkerProcess, text_article};

const WAIT: Duration = Duration::from_secs(30);
const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_ID: &str = "00f067aa0ba902b7";
const DEAD_TRACE_ID: &str = "0af7651916cd43dd8448eb211c80319c";
const DEAD_PARENT_ID: &str = "b7ad6b7169203331";

/// The parts of a `traceparent` after checking its W3C format (version 00, lowercase hex ids that
/// are not all zero, two flag digits): (trace id, parent id, flags).
fn parse_traceparent(value: &str) -> (String, String, String) {
    let parts: Vec<&str> = value.split('-').collect();
    assert_eq!(parts.len(), 4, "{value}");
    let hex = |s: &str, len: usize| {
        s.len() == len
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && s.bytes().any(|b| b != b'0')
    };
    assert_eq!(parts[0], "00", "{value}");
    assert!(hex(parts[1], 32), "trace id of {value}");
    assert!(hex(parts[2], 16), "parent id of {value}");
    assert!(
        parts[3].len() == 2 && parts[3].bytes().all(|b| b.is_ascii_hexdigit()),
        "{value}"
    );
    (parts[1].into(), parts[2].into(), parts[3].into())
}

fn traced(message_id: &str, traceparent: Option<&str>) -> BasicProperties {
    let mut headers = FieldTable::default();
    if let Some(value) = traceparent {
        headers.insert("traceparent".into(), text_value(value));
        headers.insert("tracestate".into(), text_value("vendor=abc"));
    }
    BasicProperties::default()
        .with_message_id(message_id.into())
        .with_headers(headers)
}

fn record_traceparent(record: &Received) -> (String, String, String) {
    parse_traceparent(&record.header("traceparent").expect("a traceparent"))
}

/// Publishes three good articles (a valid traceparent, none, an invalid one) and a malformed one
/// with a traceparent; returns the records by message id and the dead letter.
async fn round_trip(
    broker: &TestBroker,
    worker: &WorkerProcess,
) -> (HashMap<String, Received>, Received) {
    let mut client = broker.client().await;
    worker.wait_ready().await;
    let known = format!("00-{TRACE_ID}-{PARENT_ID}-01");
    let dead = format!("00-{DEAD_TRACE_ID}-{DEAD_PARENT_ID}-01");
    let text = BasicProperties::with_content_type;
    client
        .publish_article(
            text_article(1).as_bytes(),
            text(traced("traced", Some(&known)), "text/plain".into()),
        )
        .await;
    client
        .publish_article(
            text_article(2).as_bytes(),
            text(traced("untraced", None), "text/plain".into()),
        )
        .await;
    client
        .publish_article(
            text_article(3).as_bytes(),
            text(
                traced("bad-header", Some("00-not-a-trace-01")),
                "text/plain".into(),
            ),
        )
        .await;
    client
        .publish_article(
            b"{\"id\": \"x\", \"text\": ",
            traced("malformed", Some(&dead)).with_content_type("application/json".into()),
        )
        .await;
    let mut records = HashMap::new();
    for _ in 0..3 {
        let record = client
            .next_record(WAIT)
            .await
            .expect("a record per good article");
        let id = record.json()["id"].as_str().unwrap().to_owned();
        records.insert(id, record);
    }
    let letter = client
        .next_dead_letter(WAIT)
        .await
        .expect("the malformed message is dead-lettered");
    client.close().await;
    (records, letter)
}

/// Checks the headers of one round trip; returns the span ids written on the traced record and
/// on the dead letter.
fn check_headers(records: &HashMap<String, Received>, letter: &Received) -> (String, String) {
    let (trace, span, flags) = record_traceparent(&records["traced"]);
    assert_eq!(trace, TRACE_ID, "the trace continues");
    assert_ne!(span, PARENT_ID, "the record's parent is the worker's span");
    assert_eq!(flags, "01");
    assert_eq!(
        records["traced"].header("tracestate").as_deref(),
        Some("vendor=abc")
    );

    let (fresh, _, _) = record_traceparent(&records["untraced"]);
    assert_ne!(fresh, TRACE_ID, "no header: a trace of its own");
    let (renewed, _, _) = record_traceparent(&records["bad-header"]);
    assert_ne!(
        renewed, fresh,
        "an invalid header: a new trace, and the article still has its record"
    );

    assert_eq!(
        letter.header("x-error-kind").as_deref(),
        Some("malformed_json")
    );
    let (dead_trace, dead_span, _) = record_traceparent(letter);
    assert_eq!(
        dead_trace, DEAD_TRACE_ID,
        "the dead letter stays in the sender's trace"
    );
    assert_ne!(dead_span, DEAD_PARENT_ID);
    (span, dead_span)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trace_headers_are_continued_on_records_and_dead_letters_without_an_exporter() {
    let broker = TestBroker::new();
    let worker = WorkerProcess::spawn(&broker, &[]);
    let (records, letter) = round_trip(&broker, &worker).await;
    check_headers(&records, &letter);
    assert!(!worker.logs().contains("OTLP"), "{}", worker.logs());
}

/// Spans received by the collector stand-in: (trace id, span id, parent span id, name), in hex.
type Spans = Arc<Mutex<Vec<(String, String, String, String)>>>;

async fn collect(
    State(spans): State<Spans>,
    body: Bytes,
) -> ([(&'static str, &'static str); 1], Vec<u8>) {
    let request = ExportTraceServiceRequest::decode(body).expect("an OTLP protobuf export");
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let mut received = spans.lock().unwrap();
    for resource in request.resource_spans {
        for scope in resource.scope_spans {
            for span in scope.spans {
                received.push((
                    hex(&span.trace_id),
                    hex(&span.span_id),
                    hex(&span.parent_span_id),
                    span.name,
                ));
            }
        }
    }
    (
        [("content-type", "application/x-protobuf")],
        ExportTraceServiceResponse::default().encode_to_vec(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exported_article_span_is_the_child_of_the_incoming_traceparent() {
    let spans: Spans = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .route("/v1/traces", post(collect))
        .with_state(spans.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let broker = TestBroker::new();
    let worker = WorkerProcess::spawn(
        &broker,
        &[
            ("ENRICHER__TELEMETRY__OTLP_ENDPOINT", endpoint.as_str()),
            ("ENRICHER__TELEMETRY__SERVICE_NAME", "enricher-trace-test"),
        ],
    );
    let (records, letter) = round_trip(&broker, &worker).await;
    let (record_span, dead_span) = check_headers(&records, &letter);

    // The batch processor exports within seconds; wait for both spans.
    let started = Instant::now();
    let find = |trace: &str| spans.lock().unwrap().iter().find(|s| s.0 == trace).cloned();
    while find(TRACE_ID).is_none() || find(DEAD_TRACE_ID).is_none() {
        assert!(
            started.elapsed() < WAIT,
            "spans not exported: {:?}\n{}",
            spans.lock().unwrap(),
            worker.logs()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (_, span_id, parent_id, name) = find(TRACE_ID).unwrap();
    assert_eq!(name, "article");
    assert_eq!(parent_id, PARENT_ID, "the sender's span is the parent");
    assert_eq!(span_id, record_span, "the record names the exported span");
    let (_, span_id, parent_id, _) = find(DEAD_TRACE_ID).unwrap();
    assert_eq!(parent_id, DEAD_PARENT_ID);
    assert_eq!(
        span_id, dead_span,
        "the dead letter names the exported span"
    );
    let untraced = record_traceparent(&records["untraced"]);
    assert!(
        spans
            .lock()
            .unwrap()
            .iter()
            .any(|s| s.0 == untraced.0 && s.1 == untraced.1 && s.2.is_empty()),
        "an article without a traceparent starts a trace: its span is a root"
    );
    assert!(worker.logs().contains("exporting spans over OTLP/HTTP"));
    server.abort();
}
