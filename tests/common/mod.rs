//! Helpers shared by the integration tests that need no broker.

use article_enricher::pipeline;

/// Wraps a plain-text article the way a simple site would: title in `<h1>`, paragraphs in `<p>`,
/// headings in `<h2>`, the trailing UI lines in a footer.
pub fn article_as_html(text: &str) -> String {
    let body = pipeline::plain_text::read(text);
    let mut html = format!(
        "<html><head><title>{}</title></head><body><article><h1>{}</h1>",
        body.title.clone().unwrap(),
        body.title.clone().unwrap()
    );
    for block in &body.blocks {
        let tag = if block.kind == pipeline::body::BlockKind::Heading {
            "h2"
        } else {
            "p"
        };
        html.push_str(&format!("<{tag}>{}</{tag}>", block.text));
    }
    html.push_str("</article><footer>");
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    for line in paragraphs.iter().rev().take(3).rev() {
        html.push_str(&format!("<p>{line}</p>"));
    }
    html.push_str("</footer></body></html>");
    html
}

fn process(body: &str, content_type: &'static str) -> pipeline::Record {
    let hints = pipeline::BodyHints {
        content_type: Some(content_type),
        message_id: None,
    };
    pipeline::process(
        body.as_bytes(),
        hints,
        pipeline::Source::default(),
        &pipeline::Limits::default(),
    )
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
