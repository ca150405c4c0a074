//! Helpers shared by the pipeline's integration tests.

#![allow(clippy::unwrap_used, dead_code)]

use enricher_extract::{BodyHints, Extractor, Options, Record, Source};

/// Wraps a plain-text article the way a simple site would: title in `<h1>`, paragraphs in `<p>`,
/// headings in `<h2>`, the trailing UI lines in a footer. The structure comes from the text's
/// own record (its title, paragraphs and section headings).
pub fn article_as_html(text: &str) -> String {
    let record = process(text, "text/plain");
    let title = record.title.clone().unwrap();
    let headings: Vec<&str> = record.sections.iter().map(|s| s.heading.as_str()).collect();
    let mut html =
        format!("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>");
    for paragraph in record.text.split("\n\n") {
        let tag = if headings.contains(&paragraph) {
            "h2"
        } else {
            "p"
        };
        html.push_str(&format!("<{tag}>{paragraph}</{tag}>"));
    }
    html.push_str("</article><footer>");
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    for line in paragraphs.iter().rev().take(3).rev() {
        html.push_str(&format!("<p>{line}</p>"));
    }
    html.push_str("</footer></body></html>");
    html
}

/// The record of `body` sent with `content_type`, by the default extractor.
pub fn process(body: &str, content_type: &'static str) -> Record {
    let hints = BodyHints {
        content_type: Some(content_type),
        message_id: None,
    };
    Extractor::new(Options::default())
        .unwrap()
        .process(body.as_bytes(), hints, Source::default())
        .unwrap()
}

/// Extracts `text` as plain text and wrapped by [`article_as_html`] and checks that both give
/// the same title, text, sections and dateline. `footer_starts` is the boilerplate line the HTML
/// must hold in its footer (so the check is not vacuous).
pub fn assert_html_matches_text(text: &str, footer_starts: &str) {
    let from_text = process(text, "text/plain");
    let html = article_as_html(text);
    assert!(
        html.contains(&format!("<footer><p>{footer_starts}")),
        "the boilerplate sits in the footer: {html}"
    );
    let from_html = process(&html, "text/html");
    assert_eq!(from_html.title, from_text.title);
    assert_eq!(from_html.text, from_text.text);
    assert_eq!(from_html.sections, from_text.sections);
    assert_eq!(from_html.dateline, from_text.dateline);
}
