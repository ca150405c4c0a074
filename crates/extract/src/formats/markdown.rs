//! The main content as CommonMark (pipe tables as GitHub writes them): headings with their
//! levels, paragraphs, nested lists, block quotes, tables, fenced code blocks, links made
//! absolute, emphasis and inline code, and images as `![alt](src)` when asked for.
//!
//! Hand-written rather than converted from HTML by a crate (`html2md`, `htmd`): those re-read the
//! page's markup and choose their own text, while this renders the blocks the record's `text`
//! comes from, so the two hold the same words in the same order (a test strips the Markdown with
//! `pulldown-cmark` and compares). Text is escaped so that nothing in it reads as markup.

use super::tree::{self, Node};
use super::{Style, heading_level, links};
use crate::body::{Block, BlockKind, ContainerKind, Inline, InlineKind};

/// The blocks as Markdown.
#[must_use]
pub fn render(blocks: &[Block], style: &Style<'_>) -> String {
    render_nodes(&tree::build(blocks), style, false)
}

/// Sibling nodes, separated by a blank line (a list right after a paragraph in a list item by a
/// line break only, so the list stays tight).
fn render_nodes(nodes: &[Node<'_>], style: &Style<'_>, in_item: bool) -> String {
    let mut out = String::new();
    for node in nodes {
        let part = render_node(node, style);
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let tight = in_item
                && matches!(
                node,
                Node::Container(ContainerKind::List { ordered, start }, _)
                    if !ordered || *start == 1
            );
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        out.push_str(&part);
    }
    out
}

fn render_node(node: &Node<'_>, style: &Style<'_>) -> String {
    match node {
        Node::Block(block) => render_block(block, style),
        Node::Container(ContainerKind::Quote, children) => {
            prefix_lines(&render_nodes(children, style, false), "> ", ">")
        }
        Node::Container(ContainerKind::List { ordered, start }, children) => {
            let mut out = String::new();
            for (i, child) in children.iter().enumerate() {
                let content = match child {
                    Node::Container(ContainerKind::Item, inner) => {
                        render_nodes(inner, style, true)
                    }
                    other => render_node(other, style),
                };
                if content.is_empty() {
                    continue;
                }
                let marker = if *ordered {
                    let number = u64::from(*start) + u64::try_from(i).unwrap_or(0);
                    format!("{number}. ")
                } else {
                    "- ".to_owned()
                };
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&list_item(&content, &marker));
            }
            out
        }
        Node::Container(ContainerKind::Item, children) => {
            list_item(&render_nodes(children, style, true), "- ")
        }
        Node::Container(ContainerKind::Table, children) => match tree::table_rows(children) {
            Some(rows) => render_table(&rows, style),
            None => flat(children, style),
        },
        Node::Container(_, children) => render_nodes(children, style, false),
    }
}

/// A layout table's (or a stray row's) blocks as plain paragraphs.
fn flat(children: &[Node<'_>], style: &Style<'_>) -> String {
    let mut blocks = Vec::new();
    tree::blocks_under(children, &mut blocks);
    let nodes: Vec<Node<'_>> = blocks.into_iter().map(Node::Block).collect();
    render_nodes(&nodes, style, false)
}

/// `content` as a list item: the marker before its first line, later lines indented to the
/// item's content.
fn list_item(content: &str, marker: &str) -> String {
    let indent = " ".repeat(marker.len());
    let mut out = String::with_capacity(content.len() + marker.len());
    for (i, line) in content.split('\n').enumerate() {
        if i == 0 {
            out.push_str(marker);
        } else {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(&indent);
            }
        }
        out.push_str(line);
    }
    out
}

/// Every line of `text` after `prefix` (`empty` for blank lines).
fn prefix_lines(text: &str, prefix: &str, empty: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                empty.to_owned()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A pipe table, the first row as its header.
fn render_table(rows: &[Vec<Vec<&Block>>], style: &Style<'_>) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push('|');
        for column in 0..columns {
            let cell = row.get(column).map_or_else(String::new, |blocks| {
                blocks
                    .iter()
                    .map(|b| inline(b, style).replace('|', "\\|"))
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            out.push(' ');
            out.push_str(&cell);
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(columns));
            out.push('\n');
        }
    }
    out.pop();
    out
}

fn render_block(block: &Block, style: &Style<'_>) -> String {
    let mut out = String::new();
    if style.images {
        for image in &block.markup.images {
            if let Some(src) = links::absolute(&image.src, style.base) {
                out.push_str(&format!("![{}]({})\n\n", escape(&image.alt), destination(&src)));
            }
        }
    }
    if block.markup.code {
        let code = block.markup.verbatim.as_deref().unwrap_or(&block.text);
        let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
        out.push_str(&format!("{fence}\n{code}\n{fence}"));
        return out;
    }
    let text = inline(block, style);
    if block.kind == BlockKind::Heading {
        out.push_str(&"#".repeat(usize::from(heading_level(block))));
        out.push(' ');
        // A heading's trailing `#`s would read as its closing sequence.
        match text.strip_suffix('#') {
            Some(head) => {
                out.push_str(head);
                out.push_str("\\#");
            }
            None => out.push_str(&text),
        }
    } else {
        out.push_str(&escape_line_start(text));
    }
    out
}

/// A block's text with its inline markup.
fn inline(block: &Block, style: &Style<'_>) -> String {
    let merged = merged_spans(&block.markup.spans);
    let mut spans: Vec<&Inline> = merged.iter().collect();
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(block.text.len() + 16);
    let mut cursor = 0;
    inline_range(
        &block.text,
        &spans,
        (0, block.text.len()),
        &mut cursor,
        &mut out,
        style,
        false,
    );
    out
}

/// The spans with touching ones of the same kind joined (`<em>b</em><em>y</em>` is one
/// emphasis: two would write `*b**y*`, which reads as neither).
fn merged_spans(spans: &[Inline]) -> Vec<Inline> {
    let mut merged: Vec<Inline> = spans.to_vec();
    let mut i = 0;
    while i < merged.len() {
        let next = merged.iter().position(|other| {
            other.kind == merged[i].kind
                && other.start == merged[i].end
                && other.start < other.end
                && !matches!(other.kind, InlineKind::Image(_))
        });
        if let Some(j) = next.filter(|&j| j != i) {
            merged[i].end = merged[j].end;
            merged.remove(j);
            if j < i {
                i -= 1;
            }
        } else {
            i += 1;
        }
    }
    merged
}

/// Renders `text[range]`: each span that starts in it (and ends in it) with its own markup
/// around its contents, the text between escaped. `spans` is sorted by start, outer first.
fn inline_range(
    text: &str,
    spans: &[&Inline],
    range: (usize, usize),
    cursor: &mut usize,
    out: &mut String,
    style: &Style<'_>,
    in_link: bool,
) {
    let (_, end) = range;
    let mut i = 0;
    while let Some((span, inner)) = super::next_outer_span(spans, &mut i, *cursor, end) {
        out.push_str(&escape(&text[*cursor..span.start]));
        *cursor = span.start;
        match &span.kind {
            InlineKind::Image(image) => {
                if style.images
                    && let Some(src) = links::absolute(&image.src, style.base)
                {
                    out.push_str(&format!("![{}]({})", escape(&image.alt), destination(&src)));
                }
            }
            InlineKind::Code => {
                let code = &text[span.start..span.end];
                let fence = "`".repeat(longest_run(code, '`') + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
                *cursor = span.end;
            }
            InlineKind::Link(href) => {
                let target = (!in_link)
                    .then(|| links::absolute(href, style.base))
                    .flatten();
                if let Some(target) = target {
                    out.push('[');
                    inline_range(text, inner, (span.start, span.end), cursor, out, style, true);
                    out.push_str(&escape(&text[*cursor..span.end]));
                    out.push_str("](");
                    out.push_str(&destination(&target));
                    out.push(')');
                } else {
                    inline_range(text, inner, (span.start, span.end), cursor, out, style, in_link);
                    out.push_str(&escape(&text[*cursor..span.end]));
                }
                *cursor = span.end;
            }
            InlineKind::Strong | InlineKind::Emphasis => {
                let marker = if span.kind == InlineKind::Strong {
                    "**"
                } else {
                    "*"
                };
                // Markers right after others would run into them (`***`): left out.
                let flanked = flanks(text, span.start, span.end) && !out.ends_with('*');
                if flanked {
                    out.push_str(marker);
                }
                inline_range(text, inner, (span.start, span.end), cursor, out, style, in_link);
                out.push_str(&escape(&text[*cursor..span.end]));
                if flanked {
                    out.push_str(marker);
                }
                *cursor = span.end;
            }
        }
    }
    out.push_str(&escape(&text[*cursor..end]));
    *cursor = end;
}

/// Whether `*` markers around `text[start..end]` open and close emphasis in CommonMark: the
/// contents start and end with a non-space, and a punctuation mark at either edge has space or
/// punctuation beyond it.
fn flanks(text: &str, start: usize, end: usize) -> bool {
    let inside = &text[start..end];
    let (Some(first), Some(last)) = (inside.chars().next(), inside.chars().next_back()) else {
        return false;
    };
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open_space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punctuation(c));
    !first.is_whitespace()
        && !last.is_whitespace()
        && (!is_punctuation(first) || open_space(before))
        && (!is_punctuation(last) || open_space(after))
        && first != '*'
        && last != '*'
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace())
}

/// A link destination: spaces and parentheses percent-encoded so it needs no brackets.
fn destination(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        if ch == c {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// Text escaped so that nothing in it reads as inline markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&text[i..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `text` (starting at `&`) reads as a character reference such as `&amp;` or `&#38;`.
fn looks_like_entity(text: &str) -> bool {
    let name = &text[1..];
    let length = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .unwrap_or(name.len());
    length > 0 && name[length..].starts_with(';')
}

/// A paragraph escaped where its start would read as a block (`#`, `>`, `-`, `+`, `=`, `|`,
/// `1.`, `1)`).
fn escape_line_start(text: String) -> String {
    let first = text.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=' | '|')) {
        return format!("\\{text}");
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::Markup;

    fn paragraph(text: &str, spans: Vec<Inline>) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            markup: Markup {
                spans,
                ..Markup::default()
            },
        }
    }

    #[test]
    fn text_that_looks_like_markup_is_escaped() {
        let block = paragraph("1. *Not* a [list] <b> &amp; item_name", Vec::new());
        assert_eq!(
            render(&[block], &Style::default()),
            "1\\. \\*Not\\* a \\[list\\] \\<b\\> \\&amp; item\\_name"
        );
        let heading = Block::plain(BlockKind::Heading, "C #".into());
        assert_eq!(render(&[heading], &Style::default()), "## C \\#");
    }

    #[test]
    fn touching_emphasis_is_one_and_emphasis_that_cannot_close_is_dropped() {
        let em = |start, end| Inline {
            start,
            end,
            kind: InlineKind::Emphasis,
        };
        let block = paragraph("Call Me by Your Name", vec![em(8, 9), em(9, 20)]);
        assert_eq!(
            render(&[block], &Style::default()),
            "Call Me *by Your Name*"
        );
        // `*"x"*y` would not close: the words stay, the markers go.
        let block = paragraph("\"x\"y", vec![em(0, 3)]);
        assert_eq!(render(&[block], &Style::default()), "\"x\"y");
    }
}
