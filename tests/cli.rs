//! The command line without a broker: `extract` in its three forms, records validated against the
//! shipped JSON Schema, and configuration layering as a user meets it.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use serde_json::Value;

fn enricher() -> Command {
    let mut command = Command::cargo_bin("article-enricher").unwrap();
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    command
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/record.schema.json")).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(record: &Value) {
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(record)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "record does not validate: {errors:?}\n{record:#}"
    );
}

#[test]
fn extract_sample_gives_a_valid_record_of_the_built_in_article() {
    let output = enricher().args(["extract", "--sample"]).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid(&record);
    assert_eq!(
        record["title"],
        "Chile and Argentina Sign Glacier Water Pact After Decade of Border Disputes"
    );
    assert_eq!(record["dateline"]["place"], "SANTIAGO");
    assert_eq!(record["language"], "en");
    let headings: Vec<&str> = record["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(
        headings,
        ["What the Pact Changes", "A Long Road to Santiago"]
    );
    let text = record["text"].as_str().unwrap();
    assert!(
        text.ends_with("keep permit decisions local."),
        "boilerplate left in: {text}"
    );
}

#[test]
fn extract_reads_a_file_and_detects_html_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    std::fs::write(&path, "<html><head><title>Bridge Opens | City Paper</title><meta property=\"og:site_name\" content=\"City Paper\"></head><body><article><h1>Bridge Opens</h1><p>The new bridge opened to traffic on Sunday morning.</p></article></body></html>").unwrap();
    let output = enricher().arg("extract").arg(&path).output().unwrap();
    assert!(output.status.success());
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid(&record);
    assert_eq!(record["title"], "Bridge Opens");
    assert_eq!(record["content_type"], "html");
}

#[test]
fn extract_jsonl_keeps_order_and_puts_errors_in_place() {
    let mut input = String::new();
    for i in 0..40 {
        if i % 10 == 3 {
            input.push_str(&format!("{{\"id\": \"bad-{i}\", \"url\": \"u\"}}\n"));
        } else {
            input.push_str(&serde_json::json!({"id": format!("ok-{i}"), "text": format!("Headline {i}\n\nBody text of article {i} goes here.")}).to_string());
            input.push('\n');
        }
    }
    input.push_str("{not json\n");
    let output = enricher()
        .args(["extract", "--jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 41);
    for (i, line) in lines.iter().take(40).enumerate() {
        if i % 10 == 3 {
            assert_eq!(line["id"], format!("bad-{i}"));
            assert_eq!(line["error"]["kind"], "missing_content");
        } else {
            assert_eq!(line["id"], format!("ok-{i}"));
            assert_valid(line);
        }
    }
    assert_eq!(lines[40]["id"], Value::Null);
    assert_eq!(lines[40]["error"]["kind"], "malformed_json");
}

#[test]
fn extract_of_an_empty_article_fails_with_its_kind() {
    let output = enricher()
        .args(["extract", "-"])
        .write_stdin("   \n")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("empty_article"));
}

#[test]
fn an_environment_override_beats_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("small.toml");
    std::fs::write(&config, "[limits]\nmax_body_bytes = 10\n").unwrap();
    let from_file = enricher()
        .arg("--config")
        .arg(&config)
        .args(["extract", "--sample"])
        .output()
        .unwrap();
    assert!(!from_file.status.success(), "the file's limit applies");
    assert!(String::from_utf8_lossy(&from_file.stderr).contains("body_too_large"));

    let overridden = enricher()
        .arg("--config")
        .arg(&config)
        .args(["extract", "--sample"])
        .env("ENRICHER__LIMITS__MAX_BODY_BYTES", "1000000")
        .output()
        .unwrap();
    assert!(
        overridden.status.success(),
        "{}",
        String::from_utf8_lossy(&overridden.stderr)
    );
}

#[test]
fn an_unknown_key_fails_naming_it() {
    let output = enricher()
        .args(["extract", "--sample"])
        .env("ENRICHER__WORKER__PREFECH", "3")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("prefech"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("typo.toml");
    std::fs::write(&config, "[amqp]\nurll = \"amqp://x\"\n").unwrap();
    let output = enricher()
        .arg("--config")
        .arg(&config)
        .args(["extract", "--sample"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("urll"));
}

#[test]
fn a_missing_config_file_is_an_error() {
    let output = enricher()
        .args([
            "--config",
            "/nonexistent/enricher.toml",
            "extract",
            "--sample",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn extract_prints_the_main_content_in_the_format_asked_for() {
    let run = |format: &str, env: &[(&str, &str)]| {
        let mut command = enricher();
        command.args(["extract", "--sample", "--format", format]);
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let markdown = run("markdown", &[]);
    assert!(markdown.contains("\n\n## "), "{markdown}");
    assert!(!markdown.trim_start().starts_with('{'), "{markdown}");
    let text = run("text", &[]);
    assert!(!text.contains("## "), "{text}");
    // Asked for on the command line, HTML is rendered though the configuration leaves it off.
    let html = run("html", &[]);
    assert!(html.starts_with("<p>") && html.contains("<h2>"), "{html}");
    // The full record carries what the configuration switches on, and still validates.
    let json = run(
        "json",
        &[
            ("ENRICHER__RECORD__FORMATS__CHUNKS", "true"),
            ("ENRICHER__RECORD__FORMATS__HTML", "true"),
        ],
    );
    let record: Value = serde_json::from_str(&json).unwrap();
    assert_valid(&record);
    assert!(record["chunks"].as_array().is_some_and(|c| !c.is_empty()));
    assert!(record["html"].is_string() && record["markdown"].is_string());
}
