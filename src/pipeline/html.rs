//! Reads an HTML page into a [`Body`]: the headline, the main content's blocks and the declared
//! language. Parsing is html5ever through `dom_query`; the limits are enforced before parsing by
//! [`super::prescan`]. This first reader finds the content root by markup (`article`, `main`,
//! `itemprop=articleBody`, else `body`) and drops page chrome by element; #3 replaces the root
//! choice with scoring.

use dom_query::{Document, NodeRef};

use super::body::{Block, BlockKind, Body, normalize_whitespace};

/// Elements that never hold article text.
const CHROME: &str = "script, style, noscript, template, nav, footer, aside, form, iframe, svg, \
                      button, select, dialog, [hidden], [aria-hidden=true], [role=navigation], \
                      [role=complementary], [role=contentinfo]";

/// Where the article usually is, most specific first.
const CONTENT_ROOTS: [&str; 4] = ["[itemprop=articleBody]", "article", "main", "[role=main]"];

/// Elements read as one block each.
fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        "p" | "li" | "blockquote" | "pre" | "figcaption" | "dd" | "dt" | "td" | "th"
        | "address" => Some(BlockKind::Paragraph),
        _ => None,
    }
}

/// Reads an already-decoded page.
#[must_use]
pub fn read(html: &str) -> Body {
    let doc = Document::from(html);
    let language_hint = doc
        .select("html")
        .attr("lang")
        .map(|l| l.to_string())
        .filter(|l| !l.trim().is_empty());
    let title = headline(&doc);
    doc.select(CHROME).remove();
    let root = CONTENT_ROOTS
        .iter()
        .map(|sel| doc.select_single(sel))
        .find(|s| s.exists() && s.text().split_whitespace().nth(20).is_some())
        .and_then(|s| s.nodes().first().cloned())
        .or_else(|| doc.body());
    let mut blocks = Vec::new();
    if let Some(root) = root {
        let mut inline = String::new();
        collect_blocks(&root, &mut blocks, &mut inline);
        flush_inline(&mut blocks, &mut inline);
    }
    // The headline is the title, not a paragraph of the text.
    if let (Some(title), Some(first)) = (&title, blocks.first())
        && first.kind == BlockKind::Heading
        && &first.text == title
    {
        blocks.remove(0);
    }
    Body {
        title,
        blocks,
        language_hint,
    }
}

/// The headline: `og:title`, else the first `<h1>`, else `<title>` without its site suffix.
fn headline(doc: &Document) -> Option<String> {
    let og = doc
        .select_single("meta[property='og:title']")
        .attr("content")
        .map(|t| normalize_whitespace(&t));
    let h1 = doc.select_single("h1");
    let h1 = h1.exists().then(|| normalize_whitespace(&h1.text()));
    let title_tag = doc.select_single("title");
    let title_tag = title_tag
        .exists()
        .then(|| strip_site_suffix(&normalize_whitespace(&title_tag.text())));
    [h1, og, title_tag]
        .into_iter()
        .flatten()
        .find(|t| !t.is_empty())
}

/// "Headline | Site" → "Headline": cuts the last part after a separator when what remains is
/// longer than what is cut.
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            if head.split_whitespace().count() >= 2
                && tail.split_whitespace().count() < head.split_whitespace().count()
            {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Walks the content root in document order: block elements become blocks, loose inline text
/// between them becomes a paragraph of its own.
fn collect_blocks(node: &NodeRef<'_>, blocks: &mut Vec<Block>, inline: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            inline.push_str(&child.text());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if name == "br" {
            inline.push(' ');
            continue;
        }
        match block_kind(&name) {
            Some(kind) if !has_block_child(&child) => {
                flush_inline(blocks, inline);
                let text = normalize_whitespace(&child.text());
                if !text.is_empty() {
                    blocks.push(Block { kind, text });
                }
            }
            _ if is_inline(&name) => inline.push_str(&child.text()),
            _ => {
                flush_inline(blocks, inline);
                collect_blocks(&child, blocks, inline);
                flush_inline(blocks, inline);
            }
        }
    }
}

fn has_block_child(node: &NodeRef<'_>) -> bool {
    node.element_children().iter().any(|c| {
        c.node_name().is_some_and(|n| {
            block_kind(&n.to_ascii_lowercase()).is_some()
                || matches!(
                    &*n.to_ascii_lowercase(),
                    "div" | "ul" | "ol" | "table" | "section"
                )
        })
    })
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
            | "font"
            | "label"
    )
}

fn flush_inline(blocks: &mut Vec<Block>, inline: &mut String) {
    let text = normalize_whitespace(inline);
    inline.clear();
    if text.chars().any(char::is_alphanumeric) {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_element_is_the_content_and_chrome_is_dropped() {
        let html = r##"<html lang="en"><head><title>Big News Today | The Daily</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Big News Today</h1>
              <p>First paragraph of the story, long enough to count as real article text here.</p>
              <h2>Background</h2><p>Second <b>paragraph</b> with <a href="#">a link</a>.</p>
              <aside>Related: other story</aside>
            </article>
            <footer>© The Daily. All rights reserved.</footer></body></html>"##;
        let body = read(html);
        assert_eq!(body.title.as_deref(), Some("Big News Today"));
        assert_eq!(body.language_hint.as_deref(), Some("en"));
        assert_eq!(
            body.text(),
            "First paragraph of the story, long enough to count as real article text here.\n\nBackground\n\nSecond paragraph with a link."
        );
        assert_eq!(body.sections()[0].heading, "Background");
    }

    #[test]
    fn the_site_suffix_is_cut_from_a_title_tag() {
        assert_eq!(
            strip_site_suffix("Markets Rally on Rate Cut | Example News"),
            "Markets Rally on Rate Cut"
        );
        assert_eq!(strip_site_suffix("Home - Example"), "Home - Example");
    }

    #[test]
    fn loose_text_between_blocks_becomes_a_paragraph() {
        let body = read("<body><div>Loose text here<p>Block text.</p>more loose</div></body>");
        let texts: Vec<_> = body.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Loose text here", "Block text.", "more loose"]);
    }

    #[test]
    fn list_items_are_kept_one_per_block() {
        let body = read("<body><ul><li>One</li><li>Two</li></ul></body>");
        assert_eq!(body.blocks.len(), 2);
    }
}
