//! Hostile input shapes at about 1 MB (the HTML ones at their natural size, just under the
//! depth and node limits) through the whole pipeline with the DEFAULT options: each must end
//! in a record or a typed error, never in `time_budget_exceeded` — the default budget is the
//! generous bound on a slow machine; no tight wall-clock number is asserted. The same shapes,
//! at growing sizes, are `article-enricher-eval hostile`.

#![allow(clippy::unwrap_used)]

use enricher_extract::{BodyHints, Extractor, Options, SAMPLE_ARTICLE, Source};

const MB: usize = 1024 * 1024;

/// The English lead each shape opens with, so the English-only stages run on it.
fn lead() -> String {
    format!("{SAMPLE_ARTICLE}\n\n")
}

/// `lead` then `piece(i)` for i = 1, 2, … up to `bytes` bytes.
fn fill(bytes: usize, mut piece: impl FnMut(usize) -> String) -> String {
    let mut out = lead();
    let mut i = 1;
    while out.len() < bytes {
        out.push_str(&piece(i));
        i += 1;
    }
    out
}

fn assert_finishes(shape: &str, body: &[u8], content_type: &str) {
    let extractor = Extractor::new(Options::default()).unwrap();
    let hints = BodyHints {
        content_type: Some(content_type),
        message_id: None,
    };
    match extractor.process(body, hints, Source::default()) {
        Ok(record) => assert!(!record.text.is_empty(), "{shape}: empty text"),
        Err(e) => assert_ne!(e.kind(), "time_budget_exceeded", "{shape}: {e}"),
    }
}

#[test]
fn a_storm_of_quoted_keys_finishes() {
    let body = fill(MB, |i| format!("\"k{i}\": {i}, "));
    assert_finishes("quote-keys", body.as_bytes(), "text/plain");
}

#[test]
fn runs_of_unbalanced_quote_marks_finish() {
    const RUNS: [&str; 6] = ["“", "” ”", "\"", "“ “ \"", "”", "\" \" “"];
    let body = fill(MB, |i| {
        format!("said Ana{} {} word ", i % 97, RUNS[i % RUNS.len()])
    });
    assert_finishes("quote-marks", body.as_bytes(), "text/plain");
}

#[test]
fn one_endless_sentence_finishes() {
    let flat: String = SAMPLE_ARTICLE
        .chars()
        .map(|c| match c {
            '.' | '!' | '?' => ',',
            '\n' => ' ',
            c => c,
        })
        .collect();
    let body = fill(MB, |_| format!("{flat} "));
    assert_finishes("endless-sentence", body.as_bytes(), "text/plain");
}

#[test]
fn a_hundred_thousand_capitalised_words_finish() {
    const SYLLABLES: [&str; 16] = [
        "Ka", "ve", "ro", "lu", "Mi", "ta", "so", "ne", "Dri", "pa", "gho", "li", "Zu", "bre",
        "an", "Tor",
    ];
    let body = fill(MB + MB / 2, |i| {
        let mut word = String::new();
        let mut n = i;
        loop {
            word.push_str(SYLLABLES[n % 16]);
            n /= 16;
            if n == 0 {
                break;
            }
        }
        let mut chars = word.chars();
        let first: String = chars.next().unwrap().to_uppercase().collect();
        let end = match i % 30 {
            0 => ". ",
            k if k % 3 == 0 => ", ",
            _ => " ",
        };
        format!("{first}{}{end}", chars.as_str().to_lowercase())
    });
    assert!(body.split_whitespace().count() > 100_000);
    assert_finishes("capitalised-words", body.as_bytes(), "text/plain");
}

#[test]
fn fifty_thousand_numbers_finish() {
    let body = fill(MB, |i| match i % 5 {
        0 => format!("{i} "),
        1 => format!("{},{:03} ", i % 1000, i % 997),
        2 => format!("{}.{} percent ", i % 100, i % 10),
        3 => format!("${i} million "),
        _ => format!("{i} tonnes of rice, "),
    });
    assert!(body.split_whitespace().count() > 50_000);
    assert_finishes("numbers", body.as_bytes(), "text/plain");
}

#[test]
fn html_nested_just_under_the_depth_limit_finishes() {
    let mut body = format!("<html><body><p>{}</p>", lead());
    for level in 0..500 {
        body.push_str(&format!("<div>Level {level} says hello. "));
    }
    body.push_str(&"</div>".repeat(500));
    body.push_str("</body></html>");
    assert_finishes("deep-html", body.as_bytes(), "text/html");
}

#[test]
fn html_with_nearly_as_many_elements_as_allowed_finishes() {
    let mut body = format!("<html><body><p>{}</p>", lead());
    for i in 0..150_000 {
        body.push_str(&format!("<p>{i} word</p>"));
    }
    body.push_str("</body></html>");
    assert_finishes("wide-html", body.as_bytes(), "text/html");
}

#[test]
fn an_envelope_with_twenty_thousand_metadata_keys_finishes() {
    let metadata: serde_json::Map<String, serde_json::Value> = (1..=20_000)
        .map(|i| (format!("k{i}"), serde_json::Value::from(format!("v{i}"))))
        .collect();
    let text = fill(MB, |i| format!("key{i}: v{i}\n"));
    let envelope = serde_json::json!({"id": "x", "text": text, "metadata": metadata});
    assert_finishes(
        "json-metadata",
        envelope.to_string().as_bytes(),
        "application/json",
    );
}
