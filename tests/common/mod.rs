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
