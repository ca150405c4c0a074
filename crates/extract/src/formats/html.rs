//! The main content as clean HTML: the blocks rendered back into a small set of elements
//! (headings, paragraphs, lists, quotes, tables, code, links, emphasis, images when asked for),
//! with absolute URLs, then passed through `ammonia`'s allow-list sanitiser, so no script,
//! style, event handler or unsafe URL can reach a CMS even if one slipped into a block.
//! Tracking pixels (1×1 or hidden images) never become image markup.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::tree::{self, Node};
use super::{Style, heading_level, links};
use crate::body::{Block, BlockKind, ContainerKind, Inline, InlineKind};

/// The elements the sanitiser keeps.
const TAGS: [&str; 21] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "table",
    "tr",
    "th",
    "td",
    "a",
    "strong",
    "em",
    "img",
];

/// The blocks as sanitised HTML.
#[must_use]
pub fn render(blocks: &[Block], style: &Style<'_>) -> String {
    let mut raw = String::new();
    render_nodes(&tree::build(blocks), style, &mut raw);
    sanitise(&raw)
}

/// `html` through the allow-list: only [`TAGS`], `href` on links, `src`/`alt` on images,
/// `start` on ordered lists; only web and mail URLs.
#[must_use]
pub fn sanitise(html: &str) -> String {
    let attributes: HashMap<&str, HashSet<&str>> = [
        ("a", HashSet::from(["href"])),
        ("img", HashSet::from(["src", "alt"])),
        ("ol", HashSet::from(["start"])),
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(HashSet::from(TAGS))
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel", "ftp"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .clean(html)
        .to_string()
}

fn render_nodes(nodes: &[Node<'_>], style: &Style<'_>, out: &mut String) {
    for node in nodes {
        render_node(node, style, out);
    }
}

fn render_node(node: &Node<'_>, style: &Style<'_>, out: &mut String) {
    let (open, close) = match node {
        Node::Block(block) => return render_block(block, style, out),
        Node::Container(ContainerKind::Quote, _) => ("<blockquote>".to_owned(), "</blockquote>"),
        Node::Container(ContainerKind::List { ordered: true, start }, _) => {
            if *start == 1 {
                ("<ol>".to_owned(), "</ol>")
            } else {
                (format!("<ol start=\"{start}\">"), "</ol>")
            }
        }
        Node::Container(ContainerKind::List { ordered: false, .. }, _) => {
            ("<ul>".to_owned(), "</ul>")
        }
        Node::Container(ContainerKind::Item, _) => ("<li>".to_owned(), "</li>"),
        Node::Container(ContainerKind::Table, _) => ("<table>".to_owned(), "</table>"),
        Node::Container(ContainerKind::Row, _) => ("<tr>".to_owned(), "</tr>"),
        Node::Container(ContainerKind::Cell { header: true, .. }, _) => {
            ("<th>".to_owned(), "</th>")
        }
        Node::Container(ContainerKind::Cell { header: false, .. }, _) => {
            ("<td>".to_owned(), "</td>")
        }
    };
    let Node::Container(kind, children) = node else {
        return;
    };
    out.push_str(&open);
    match (kind, children.as_slice()) {
        // A cell or item of one plain paragraph holds its text without a `<p>`.
        (ContainerKind::Item | ContainerKind::Cell { .. }, [Node::Block(block)])
            if block.kind == BlockKind::Paragraph
                && !block.markup.code
                && (!style.images || block.markup.images.is_empty()) =>
        {
            inline_block(block, style, out);
        }
        (ContainerKind::Row, cells) => {
            // Empty cells made no block: put them back before the cells that follow them.
            let mut column = 0;
            for cell in cells {
                if let Node::Container(ContainerKind::Cell { column: at, .. }, _) = cell {
                    for _ in column..usize::from(*at) {
                        out.push_str("<td></td>");
                    }
                    column = usize::from(*at) + 1;
                }
                render_node(cell, style, out);
            }
        }
        _ => render_nodes(children, style, out),
    }
    out.push_str(close);
}

fn render_block(block: &Block, style: &Style<'_>, out: &mut String) {
    if style.images {
        for image in &block.markup.images {
            if let Some(src) = links::absolute(&image.src, style.base) {
                let _ = write!(
                    out,
                    "<p><img src=\"{}\" alt=\"{}\"></p>",
                    escape(&src),
                    escape(&image.alt)
                );
            }
        }
    }
    if block.markup.code {
        let code = block.markup.verbatim.as_deref().unwrap_or(&block.text);
        let _ = write!(out, "<pre><code>{}</code></pre>", escape(code));
        return;
    }
    let tag = if block.kind == BlockKind::Heading {
        format!("h{}", heading_level(block))
    } else {
        "p".to_owned()
    };
    let _ = write!(out, "<{tag}>");
    inline_block(block, style, out);
    let _ = write!(out, "</{tag}>");
}

/// A block's text with its inline markup.
fn inline_block(block: &Block, style: &Style<'_>, out: &mut String) {
    let mut spans: Vec<&Inline> = block.markup.spans.iter().collect();
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut cursor = 0;
    inline_range(&block.text, &spans, block.text.len(), &mut cursor, out, style);
}

/// Renders `text[cursor..end]` with the spans that start and end in it (sorted by start, outer
/// first), nested ones inside.
fn inline_range(
    text: &str,
    spans: &[&Inline],
    end: usize,
    cursor: &mut usize,
    out: &mut String,
    style: &Style<'_>,
) {
    let mut i = 0;
    while let Some((span, inner)) = super::next_outer_span(spans, &mut i, *cursor, end) {
        out.push_str(&escape(&text[*cursor..span.start]));
        *cursor = span.start;
        let (open, close) = match &span.kind {
            InlineKind::Image(image) => {
                if style.images
                    && let Some(src) = links::absolute(&image.src, style.base)
                {
                    let _ = write!(
                        out,
                        "<img src=\"{}\" alt=\"{}\">",
                        escape(&src),
                        escape(&image.alt)
                    );
                }
                continue;
            }
            InlineKind::Link(href) => match links::absolute(href, style.base) {
                Some(target) => (format!("<a href=\"{}\">", escape(&target)), "</a>"),
                None => (String::new(), ""),
            },
            InlineKind::Strong => ("<strong>".to_owned(), "</strong>"),
            InlineKind::Emphasis => ("<em>".to_owned(), "</em>"),
            InlineKind::Code => ("<code>".to_owned(), "</code>"),
        };
        out.push_str(&open);
        inline_range(text, inner, span.end, cursor, out, style);
        out.push_str(close);
    }
    out.push_str(&escape(&text[*cursor..end]));
    *cursor = end;
}

/// Text and attribute values with `&`, `<`, `>` and `"` escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
