//! Golden tests for the pipeline: one folder per case under `tests/golden/html/` with the input
//! (`source.html`, written for this project) and the expected record fields (`expected.json`),
//! compared field by field with a readable diff. `UPDATE_GOLDEN=1 cargo test --test golden`
//! rewrites the expected files; review the diff before committing.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use enricher_extract::{BodyHints, Extractor, HtmlReader, Options, Record, SAMPLE_ARTICLE, Source};
use serde_json::{Value, json};

/// The fields a golden file pins; timings and extractor details are left out on purpose.
fn pinned(record: &Record) -> Value {
    json!({
        "title": record.title,
        "byline": record.byline,
        "authors": record.authors,
        "published_at": record.published_at,
        "modified_at": record.modified_at,
        "site_name": record.site_name,
        "canonical_url": record.canonical_url,
        "language": record.language,
        "tags": record.tags,
        "categories": record.categories,
        "readable": record.readable,
        "dateline": record.dateline,
        "section_headings": record.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>(),
        "text": record.text.split("\n\n").collect::<Vec<_>>(),
    })
}

fn extract(path: &Path) -> Record {
    extract_with(path, HtmlReader::default())
}

fn extract_with(path: &Path, reader: HtmlReader) -> Record {
    let body = std::fs::read(path).unwrap();
    let content_type = if path.extension().is_some_and(|e| e == "html") {
        "text/html"
    } else {
        "text/plain"
    };
    let hints = BodyHints {
        content_type: Some(content_type),
        message_id: None,
    };
    let options = Options {
        html_reader: reader,
        ..Options::default()
    };
    Extractor::new(options)
        .unwrap()
        .process(&body, hints, Source::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn cases(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        !cases.is_empty(),
        "no golden cases under {}",
        root.display()
    );
    cases
}

/// Compares each pinned field; on mismatch prints expected and got side by side.
fn check(case: &Path, got: &Value) {
    let expected_path = case.join("expected.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(
            &expected_path,
            serde_json::to_string_pretty(got).unwrap() + "\n",
        )
        .unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!(
                "missing {} (run with UPDATE_GOLDEN=1)",
                expected_path.display()
            )
        }),
    )
    .unwrap();
    let mut diffs = Vec::new();
    for (field, want) in expected.as_object().unwrap() {
        let have = &got[field];
        if have != want {
            diffs.push(format!(
                "  {field}:\n    expected: {want}\n    got:      {have}"
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "golden case {} differs:\n{}",
        case.display(),
        diffs.join("\n")
    );
}

/// The enrichment fields a text golden file pins.
fn pinned_enrichment(record: &Record) -> Value {
    let entities = |kind: &str| -> Vec<Value> {
        record
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| json!({"name": e.name, "aliases": e.aliases, "roles": e.roles, "count": e.count}))
            .collect()
    };
    json!({
        "title": record.title,
        "language": record.language,
        "dateline": record.dateline,
        "section_headings": record.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>(),
        "persons": entities("person"),
        "organizations": entities("organization"),
        "locations": entities("location"),
        "quotes": record.quotes.iter().map(|q| json!({"text": q.text, "speaker": q.speaker, "cue": q.cue})).collect::<Vec<_>>(),
        "quantities": record.quantities.iter().map(|q| json!({"text": q.text, "value": q.value, "unit": q.unit, "item": q.item})).collect::<Vec<_>>(),
        "countries": record.countries.iter().map(|c| json!({"code": c.code, "via": c.via})).collect::<Vec<_>>(),
        "notes": record.notes,
    })
}

#[test]
fn text_articles_give_their_golden_enrichment() {
    for case in cases("tests/golden/text") {
        let record = extract(&case.join("source.txt"));
        check(&case, &pinned_enrichment(&record));
    }
}

#[test]
fn html_pages_give_their_golden_records() {
    for case in cases("tests/golden/html") {
        let record = extract(&case.join("source.html"));
        check(&case, &pinned(&record));
    }
}

/// The Readability reader gives the same records on our golden pages as the default scorer.
#[test]
fn html_pages_give_their_golden_records_with_the_readability_reader() {
    for case in cases("tests/golden/html") {
        let record = extract_with(&case.join("source.html"), HtmlReader::Readability);
        check(&case, &pinned(&record));
    }
}

#[test]
fn a_seed_style_article_as_html_gives_the_same_title_text_and_sections_as_as_text() {
    common::assert_html_matches_text(SAMPLE_ARTICLE, "Share this article");
}
