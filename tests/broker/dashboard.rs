//! The Grafana dashboard (`deploy/grafana/article-enricher.json`) against a running worker: every
//! metric name its PromQL queries must be in the worker's `/metrics` after it has processed a good
//! and a malformed message, so a renamed metric breaks the build, not the dashboard.
//!
//! The PromQL scan is written here: it needs only the metric names (identifiers outside strings,
//! label matchers, range selectors and grouping clauses that are neither function calls nor
//! keywords). The one maintained PromQL parser crate, `promql-parser`, would bring a parser
//! generator (lrpar, cfgrammar) into the test build for that.

use std::collections::{BTreeSet, HashMap};

use lapin::BasicProperties;
use serde_json::Value;

use crate::WAIT;
use crate::helpers::{TestBroker, WorkerProcess, text_article};

const DASHBOARD: &str = include_str!("../../deploy/grafana/article-enricher.json");

/// PromQL words that are not metric names: binary operators, modifiers, grouping keywords.
const KEYWORDS: [&str; 12] = [
    "and",
    "or",
    "unless",
    "by",
    "without",
    "on",
    "ignoring",
    "group_left",
    "group_right",
    "bool",
    "offset",
    "atan2",
];

/// PromQL's aggregation operators: written `sum by (label) (…)` they are not followed by `(`.
const AGGREGATIONS: [&str; 14] = [
    "sum",
    "min",
    "max",
    "avg",
    "group",
    "stddev",
    "stdvar",
    "count",
    "count_values",
    "bottomk",
    "topk",
    "quantile",
    "limitk",
    "limit_ratio",
];

/// Histogram series suffixes: the exposition has `name_bucket`, `name_sum` and `name_count`,
/// never the bare `name`.
const HISTOGRAM_SUFFIXES: [&str; 3] = ["_bucket", "_sum", "_count"];

/// Every PromQL query in the dashboard: the panels' `expr`s and the template variables' queries.
fn dashboard_queries(dashboard: &Value) -> Vec<String> {
    let mut queries = Vec::new();
    collect_exprs(&dashboard["panels"], &mut queries);
    for variable in dashboard["templating"]["list"]
        .as_array()
        .into_iter()
        .flatten()
    {
        if variable["type"] != "query" {
            continue;
        }
        let query = variable["query"]["query"]
            .as_str()
            .or_else(|| variable["query"].as_str())
            .expect("a query variable has a query");
        queries.push(label_values_selector(query).to_owned());
    }
    queries
}

/// Walks nested panels (rows hold panels too) for their targets' `expr`.
fn collect_exprs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("expr", Value::String(expr)) => out.push(expr.clone()),
                    _ => collect_exprs(inner, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_exprs(item, out)),
        _ => {}
    }
}

/// `label_values(selector, label)` → `selector`; any other query is returned whole.
fn label_values_selector(query: &str) -> &str {
    query
        .trim()
        .strip_prefix("label_values(")
        .and_then(|rest| rest.rsplit_once(','))
        .map_or(query, |(selector, _)| selector)
}

/// The metric names a PromQL expression queries.
fn metric_names(expr: &str) -> BTreeSet<String> {
    let chars: Vec<char> = expr.chars().collect();
    let mut names = BTreeSet::new();
    let mut i = 0;
    // Set after a grouping keyword: the next parenthesised list holds labels, not metrics.
    let mut labels_follow = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' | '`' => i = skip_past(&chars, i, c),
            '{' => i = skip_past(&chars, i, '}'),
            '[' => i = skip_past(&chars, i, ']'),
            '(' if labels_follow => {
                labels_follow = false;
                i = skip_past(&chars, i, ')');
            }
            '$' => {
                // A Grafana variable such as $job or $__rate_interval.
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
            c if c.is_ascii_digit() || c == '.' => {
                // A number, with any exponent or duration unit stuck to it (1e3, 5m).
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '.') {
                    i += 1;
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' || c == ':' => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == ':')
                {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let next = chars[i..].iter().find(|c| !c.is_whitespace());
                if KEYWORDS.contains(&word.as_str()) {
                    labels_follow = matches!(
                        word.as_str(),
                        "by" | "without" | "on" | "ignoring" | "group_left" | "group_right"
                    );
                } else if next != Some(&'(') && !AGGREGATIONS.contains(&word.as_str()) {
                    names.insert(word);
                }
            }
            _ => i += 1,
        }
    }
    names
}

/// The index just past the `close` that ends the span opened at `open` (the whole rest of the
/// expression if it is never closed).
fn skip_past(chars: &[char], open: usize, close: char) -> usize {
    chars[open + 1..]
        .iter()
        .position(|&c| c == close)
        .map_or(chars.len(), |offset| open + offset + 2)
}

/// A Prometheus text exposition: the sample names present and each family's `# TYPE`.
struct Exposition {
    samples: BTreeSet<String>,
    types: HashMap<String, String>,
}

impl Exposition {
    fn parse(text: &str) -> Self {
        let mut samples = BTreeSet::new();
        let mut types = HashMap::new();
        for line in text.lines() {
            if let Some(declaration) = line.strip_prefix("# TYPE ") {
                let mut parts = declaration.split_whitespace();
                if let (Some(name), Some(kind)) = (parts.next(), parts.next()) {
                    types.insert(name.to_owned(), kind.to_owned());
                }
            } else if !line.starts_with('#') && !line.trim().is_empty() {
                let name = line.split(['{', ' ']).next().unwrap_or_default();
                samples.insert(name.to_owned());
            }
        }
        Self { samples, types }
    }

    /// Why the dashboard's `name` would show no data, or `None` when it is served.
    fn problem(&self, name: &str) -> Option<String> {
        if let Some(base) = HISTOGRAM_SUFFIXES
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
        {
            let kind = self.types.get(base).map(String::as_str);
            if kind != Some("histogram") && !self.samples.contains(name) {
                return Some(format!(
                    "{name}: no such series, and {base} is no histogram"
                ));
            }
        } else if self.types.get(name).map(String::as_str) == Some("histogram") {
            return Some(format!(
                "{name} is a histogram: query {name}_bucket, _sum or _count"
            ));
        }
        (!self.samples.contains(name)).then(|| format!("{name}: not in /metrics"))
    }
}

#[test]
fn the_scan_finds_metric_names_and_skips_functions_labels_ranges_and_variables() {
    let names = metric_names(
        r#"histogram_quantile(0.95, sum by (le, stage) (rate(enricher_stage_seconds_bucket{job=~"$job", stage!="x(y)"}[$__rate_interval])))"#,
    );
    assert_eq!(
        names,
        BTreeSet::from(["enricher_stage_seconds_bucket".to_owned()])
    );
    let names = metric_names(
        "sum(a_total offset 5m) / on (instance) group_left (pod) b_gauge * 1e3 and min without (x) (c:recorded)",
    );
    assert_eq!(
        names,
        BTreeSet::from(["a_total".into(), "b_gauge".into(), "c:recorded".into()])
    );
}

#[test]
fn a_label_values_query_is_scanned_for_its_selector_only() {
    let selector =
        label_values_selector(r#"label_values(enricher_consuming{job=~"$job"}, instance)"#);
    assert_eq!(
        metric_names(selector),
        BTreeSet::from(["enricher_consuming".to_owned()])
    );
}

#[test]
fn a_bare_histogram_name_or_an_unknown_suffix_is_reported() {
    let exposition = Exposition::parse(
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n# TYPE c_total counter\nc_total 0\n",
    );
    assert_eq!(exposition.problem("h_bucket"), None);
    assert_eq!(exposition.problem("h_count"), None);
    assert_eq!(exposition.problem("c_total"), None);
    assert!(exposition.problem("h").unwrap().contains("is a histogram"));
    assert!(exposition.problem("c_bucket").is_some());
    assert!(exposition.problem("renamed_total").is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_metric_the_grafana_dashboard_queries_is_served_by_a_running_worker() {
    let dashboard: Value = serde_json::from_str(DASHBOARD).expect("the dashboard is JSON");
    let queries = dashboard_queries(&dashboard);
    assert!(queries.len() >= 10, "too few queries found: {queries:?}");
    let mut wanted = BTreeSet::new();
    for query in &queries {
        let names = metric_names(query);
        assert!(!names.is_empty(), "no metric found in {query}");
        wanted.extend(names);
    }

    let broker = TestBroker::new();
    let mut client = broker.client().await;
    let worker = WorkerProcess::spawn(&broker, &[]);
    worker.wait_ready().await;
    client
        .publish_article(
            text_article(1).as_bytes(),
            BasicProperties::default()
                .with_content_type("text/plain".into())
                .with_message_id("good".into()),
        )
        .await;
    client
        .publish_article(
            b"{\"id\": \"bad\", \"text\": ",
            BasicProperties::default()
                .with_content_type("application/json".into())
                .with_message_id("bad".into()),
        )
        .await;
    client
        .next_record(WAIT)
        .await
        .expect("the good article's record");
    client
        .next_dead_letter(WAIT)
        .await
        .expect("the malformed message's dead letter");

    let (status, body) = worker.http_get("/metrics").await;
    assert_eq!(status, 200);
    let exposition = Exposition::parse(&body);
    let problems: Vec<String> = wanted
        .iter()
        .filter_map(|name| exposition.problem(name))
        .collect();
    assert!(
        problems.is_empty(),
        "the dashboard queries metrics the worker does not serve:\n{}\n/metrics:\n{body}",
        problems.join("\n")
    );
    // Everything the worker exports is on the dashboard (histograms through their buckets).
    let unshown: Vec<&String> = exposition
        .types
        .keys()
        .filter(|family| {
            !wanted.contains(*family)
                && !HISTOGRAM_SUFFIXES
                    .iter()
                    .any(|suffix| wanted.contains(&format!("{family}{suffix}")))
        })
        .collect();
    assert!(unshown.is_empty(), "metrics no panel shows: {unshown:?}");
    client.close().await;
}
