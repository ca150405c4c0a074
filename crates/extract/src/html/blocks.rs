//! Turns extracted content (an element subtree) into [`Block`]s in reading order: block elements
//! become blocks, headings stay headings, loose inline text between blocks becomes a paragraph,
//! and two or more `<br>` in a row end a paragraph, as they do on the page.

use dom_query::NodeRef;

use crate::body::{Block, BlockKind, normalize_whitespace};

/// Elements read as one block each.
fn block_kind(name: &str) -> Option<BlockKind> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
        "p" | "li" | "blockquote" | "pre" | "figcaption" | "dd" | "dt" | "td" | "th"
        | "address" => Some(BlockKind::Paragraph),
        _ => None,
    }
}

/// Marks where a chain of `<br>` ends a paragraph inside collected text (Unicode's paragraph
/// separator, which is what it means).
const PARAGRAPH_BREAK: char = '\u{2029}';

/// Tracks `<br>` chains through a run of siblings: a `<br>` right after another (whitespace
/// between them aside) ends a paragraph, a lone one is a space.
#[derive(Default)]
struct BreakChain {
    after_br: bool,
}

impl BreakChain {
    /// Text between the breaks: anything but whitespace ends the chain.
    fn text(&mut self, text: &str) {
        self.after_br &= text.trim().is_empty();
    }

    /// What a `<br>` writes.
    fn br(&mut self) -> char {
        if std::mem::replace(&mut self.after_br, true) {
            PARAGRAPH_BREAK
        } else {
            ' '
        }
    }

    /// Any other element ends the chain.
    fn element(&mut self) {
        self.after_br = false;
    }
}

/// Which elements of the tree are read: every one, or those a content scorer kept.
pub type Keep<'k> = &'k dyn Fn(&NodeRef<'_>) -> bool;

/// The blocks under `root`, in document order.
#[must_use]
pub fn blocks_of(root: &NodeRef<'_>) -> Vec<Block> {
    blocks_of_nodes(root.children_it(false), &|_| true)
}

/// The blocks of `nodes` (read as siblings, in order) and of their descendants, leaving out
/// every element `keep` rejects together with its subtree.
#[must_use]
pub fn blocks_of_nodes<'a>(nodes: impl Iterator<Item = NodeRef<'a>>, keep: Keep<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut inline = String::new();
    collect_blocks(nodes, &mut blocks, &mut inline, keep);
    flush_inline(&mut blocks, &mut inline);
    blocks
}

/// Walks the nodes in document order: block elements become blocks, loose inline text between
/// them becomes a paragraph of its own.
fn collect_blocks<'a>(
    nodes: impl Iterator<Item = NodeRef<'a>>,
    blocks: &mut Vec<Block>,
    inline: &mut String,
    keep: Keep<'_>,
) {
    let mut chain = BreakChain::default();
    for child in nodes {
        if child.is_text() {
            let text = child.text();
            chain.text(&text);
            inline.push_str(&text);
            continue;
        }
        if !child.is_element() || !keep(&child) {
            continue;
        }
        let name = element_name(&child);
        let name = name.as_str();
        if name == "br" {
            inline.push(chain.br());
            continue;
        }
        chain.element();
        match block_kind(name) {
            Some(kind) if !has_block_child(&child, keep) => {
                flush_inline(blocks, inline);
                let mut raw = String::new();
                inline_text(&child, &mut raw, keep);
                if kind == BlockKind::Heading {
                    raw = raw.replace(PARAGRAPH_BREAK, " ");
                }
                for part in raw.split(PARAGRAPH_BREAK) {
                    let text = normalize_whitespace(part);
                    if !text.is_empty() {
                        blocks.push(Block { kind, text });
                    }
                }
            }
            _ if is_inline(name) => inline_text(&child, inline, keep),
            _ => {
                flush_inline(blocks, inline);
                collect_blocks(child.children_it(false), blocks, inline, keep);
                flush_inline(blocks, inline);
            }
        }
    }
}

/// The text of an element as it renders: `<br>` and nested block-level elements become a space,
/// so words on either side never merge, and a chain of `<br>` a [`PARAGRAPH_BREAK`]; other markup
/// joins without one.
fn inline_text(node: &NodeRef<'_>, out: &mut String, keep: Keep<'_>) {
    let mut chain = BreakChain::default();
    for child in node.children_it(false) {
        if child.is_text() {
            let text = child.text();
            chain.text(&text);
            out.push_str(&text);
        } else if child.is_element() && keep(&child) {
            let name = element_name(&child);
            let name = name.as_str();
            if name == "br" {
                out.push(chain.br());
                continue;
            }
            chain.element();
            if name == "hr" {
                out.push(' ');
            } else if is_block_level(name) {
                out.push(' ');
                inline_text(&child, out, keep);
                out.push(' ');
            } else {
                inline_text(&child, out, keep);
            }
        }
    }
}

fn is_block_level(name: &str) -> bool {
    block_kind(name).is_some()
        || matches!(
            name,
            "div"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "main"
                | "nav"
                | "aside"
                | "ul"
                | "ol"
                | "dl"
                | "table"
                | "thead"
                | "tbody"
                | "tfoot"
                | "tr"
                | "caption"
                | "figure"
                | "form"
                | "fieldset"
                | "details"
                | "summary"
                | "center"
                | "hgroup"
                | "menu"
        )
}

fn has_block_child(node: &NodeRef<'_>, keep: Keep<'_>) -> bool {
    node.children_it(false).any(|c| {
        c.is_element() && keep(&c) && {
            let name = element_name(&c);
            block_kind(name.as_str()).is_some()
                || matches!(name.as_str(), "div" | "ul" | "ol" | "table" | "section")
        }
    })
}

/// An element's local name (html5ever lower-cases HTML names), without allocating.
fn element_name(node: &NodeRef<'_>) -> dom_query::LocalName {
    node.qual_name_ref()
        .map(|name| name.local.clone())
        .unwrap_or_default()
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
    for part in inline.split(PARAGRAPH_BREAK) {
        let text = normalize_whitespace(part);
        if text.chars().any(char::is_alphanumeric) {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                text,
            });
        }
    }
    inline.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn texts(html: &str) -> Vec<(BlockKind, String)> {
        let doc = Document::from(html);
        blocks_of(&doc.body().unwrap())
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn loose_text_between_blocks_becomes_a_paragraph() {
        let got: Vec<String> =
            texts("<body><div>Loose text here<p>Block text.</p>more loose</div></body>")
                .into_iter()
                .map(|(_, t)| t)
                .collect();
        assert_eq!(got, ["Loose text here", "Block text.", "more loose"]);
    }

    #[test]
    fn list_items_are_kept_one_per_block() {
        assert_eq!(
            texts("<body><ul><li>One</li><li>Two</li></ul></body>").len(),
            2
        );
    }

    #[test]
    fn headings_stay_headings_and_inline_markup_is_flattened() {
        assert_eq!(
            texts(
                "<body><h2>Background</h2><p>Second <b>paragraph</b> with <a href='#'>a link</a>.</p></body>"
            ),
            [
                (BlockKind::Heading, "Background".to_owned()),
                (
                    BlockKind::Paragraph,
                    "Second paragraph with a link.".to_owned()
                )
            ]
        );
    }
    #[test]
    fn a_chain_of_line_breaks_ends_a_paragraph_and_a_single_one_does_not() {
        let got: Vec<String> = texts(
            "<body><div>Loose one<br>still one<br><br>\n<br>Loose two</div>\
             <p>First <b>line</b><br/>same paragraph<br> <br>Second paragraph</p>\
             <h2>Head<br><br>line</h2></body>",
        )
        .into_iter()
        .map(|(_, t)| t)
        .collect();
        assert_eq!(
            got,
            [
                "Loose one still one",
                "Loose two",
                "First line same paragraph",
                "Second paragraph",
                "Head line"
            ]
        );
    }
}
