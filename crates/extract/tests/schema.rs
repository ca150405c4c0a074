//! The committed `schema/record.schema.json` is the schema generated from the record's types:
//! this test fails when they drift. `UPDATE_SCHEMA=1 cargo test -p enricher-extract --test
//! schema` rewrites the file; review the diff before committing.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use enricher_extract::{Article, Extractor, Formats, Options, SAMPLE_ARTICLE, record};

fn committed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/record.schema.json")
}

#[test]
fn the_committed_schema_is_the_one_generated_from_the_types() {
    let generated = serde_json::to_string_pretty(&record::json_schema()).unwrap() + "\n";
    let path = committed_path();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{} drifted from the record's types; regenerate it with UPDATE_SCHEMA=1 and review",
        path.display()
    );
}

#[test]
fn a_record_validates_against_the_committed_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(committed_path()).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let extractor = Extractor::new(Options::default()).unwrap();
    let record = extractor.extract(&Article::text(SAMPLE_ARTICLE)).unwrap();
    let value = serde_json::to_value(&record).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = value.clone();
    broken["entities"][0]["type"] = "planet".into();
    assert!(
        !validator.is_valid(&broken),
        "an unknown entity type must not validate"
    );
}

#[test]
fn a_record_with_every_format_validates_against_the_committed_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(committed_path()).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let extractor = Extractor::new(Options {
        formats: Formats {
            html: true,
            chunks: true,
            images: true,
            ..Formats::default()
        },
        ..Options::default()
    })
    .unwrap();
    let page = "<html><head><title>Bridge Opens</title></head><body><article><h1>Bridge Opens</h1>\
                <p>The council approved the <a href=\"/plan\">new bridge</a> on Tuesday.</p>\
                <h2>Costs</h2><ul><li>Steel</li><li>Labour</li></ul></article></body></html>";
    let record = extractor
        .extract(&Article::html(
            page,
            Some("https://example.com/news/bridge"),
        ))
        .unwrap();
    let value = serde_json::to_value(&record).unwrap();
    for field in ["text", "markdown", "html", "chunks"] {
        assert!(value.get(field).is_some(), "{field}");
    }
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = value.clone();
    broken["chunks"][0]["start"] = "zero".into();
    assert!(
        !validator.is_valid(&broken),
        "a chunk offset must be a number"
    );
}
