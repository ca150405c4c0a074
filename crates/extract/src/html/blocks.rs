//! Turns extracted content (an element subtree) into [`Block`]s in reading order: block elements
//! become blocks, headings stay headings, loose inline text between blocks becomes a paragraph,
//! and two or more `<br>` in a row end a paragraph, as they do on the page.

use dom_query::NodeRef;

use crate::body::{
    Block, BlockKind, Container, ContainerKind, Image, Inline, InlineKind, Markup,
    normalize_whitespace,
};

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

/// Which nodes of the tree (elements and text) are read: every one, or those a content scorer
/// kept.
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
    let mut collector = Collector {
        blocks: Vec::new(),
        inline: Run::default(),
        path: Vec::new(),
        next_id: 0,
        images: Vec::new(),
        keep,
    };
    collector.collect_blocks(nodes);
    collector.flush_inline();
    collector.blocks
}

/// What the content's relative links resolve against: `<base href>` resolved against the
/// page's URL, else the page's URL; only absolute `http(s)` URLs.
#[must_use]
pub fn base_url(doc: &dom_query::Document, url: Option<&str>) -> Option<String> {
    let web = |u: &url::Url| matches!(u.scheme(), "http" | "https");
    let page = url
        .and_then(|u| url::Url::parse(u.trim()).ok())
        .filter(web);
    let base = doc.select_single("base[href]").attr("href");
    let resolved = match (page, base) {
        (Some(page), Some(href)) => page.join(href.trim()).ok().filter(web).or(Some(page)),
        (None, Some(href)) => url::Url::parse(href.trim()).ok().filter(web),
        (page, None) => page,
    };
    resolved.map(String::from)
}

/// Inline text and the inline markup found in it (byte ranges into `text`).
#[derive(Debug, Default)]
struct Run {
    text: String,
    spans: Vec<Inline>,
}

/// The walk's state: the blocks so far, the loose inline text not yet a block, the containers
/// the walk is in, and images waiting for the block they stand before.
struct Collector<'k> {
    blocks: Vec<Block>,
    inline: Run,
    path: Vec<Container>,
    next_id: u32,
    images: Vec<Image>,
    keep: Keep<'k>,
}

impl Collector<'_> {
    /// Walks the nodes in document order: block elements become blocks, loose inline text
    /// between them becomes a paragraph of its own.
    fn collect_blocks<'a>(&mut self, nodes: impl Iterator<Item = NodeRef<'a>>) {
        let keep = self.keep;
        let mut chain = BreakChain::default();
        for child in nodes {
            if child.is_text() {
                if !keep(&child) {
                    continue;
                }
                let text = child.text();
                chain.text(&text);
                self.inline.text.push_str(&text);
                continue;
            }
            if !child.is_element() || !keep(&child) {
                continue;
            }
            let name = element_name(&child);
            let name = name.as_str();
            if name == "br" {
                self.inline.text.push(chain.br());
                continue;
            }
            chain.element();
            match block_kind(name) {
                Some(kind) if !has_block_child(&child, keep) => {
                    self.flush_inline();
                    let opened = self.open(&child, name);
                    let mut run = Run::default();
                    inline_text(&child, &mut run, keep);
                    let level = heading_level(name);
                    self.push_parts(kind, &run, level, name == "pre", false);
                    self.close(opened);
                }
                _ if is_inline(name) => inline_element(&child, name, &mut self.inline, keep),
                _ => {
                    self.flush_inline();
                    if name == "img"
                        && let Some(image) = image_of(&child)
                    {
                        self.images.push(image);
                    }
                    let opened = self.open(&child, name);
                    self.collect_blocks(child.children_it(false));
                    self.flush_inline();
                    self.close(opened);
                }
            }
        }
    }

    /// Enters `node` when it is a container; whether it was.
    fn open(&mut self, node: &NodeRef<'_>, name: &str) -> bool {
        let kind = match name {
            "blockquote" => ContainerKind::Quote,
            "ul" | "menu" => ContainerKind::List {
                ordered: false,
                start: 1,
            },
            "ol" => ContainerKind::List {
                ordered: true,
                start: node
                    .attr("start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1),
            },
            "li" => ContainerKind::Item,
            "table" => ContainerKind::Table,
            "tr" => ContainerKind::Row,
            "td" | "th" => ContainerKind::Cell {
                header: name == "th",
                column: cells_before(node),
            },
            _ => return false,
        };
        self.next_id += 1;
        self.path.push(Container {
            id: self.next_id,
            kind,
        });
        true
    }

    fn close(&mut self, opened: bool) {
        if opened {
            self.path.pop();
        }
    }

    /// The loose inline text so far as paragraphs (those with a letter or digit).
    fn flush_inline(&mut self) {
        let run = std::mem::take(&mut self.inline);
        if !run.text.is_empty() {
            self.push_parts(BlockKind::Paragraph, &run, 0, false, true);
        }
    }

    /// A run of text as blocks of `kind`: a heading whole, anything else split where a chain of
    /// `<br>` ends a paragraph; `loose` text only where it has a letter or digit.
    fn push_parts(&mut self, kind: BlockKind, run: &Run, level: u8, code: bool, loose: bool) {
        let whole = [(0, run.text.as_str())];
        let split;
        let parts: &[(usize, &str)] = if kind == BlockKind::Heading {
            // The paragraph separator is whitespace: a heading's chain of breaks is a space.
            &whole
        } else {
            split = paragraph_parts(&run.text);
            &split
        };
        let single = parts.len() == 1;
        for &(offset, part) in parts {
            let text = normalize_whitespace(part);
            let wanted = if loose {
                text.chars().any(char::is_alphanumeric)
            } else {
                !text.is_empty()
            };
            if !wanted {
                continue;
            }
            let verbatim = (code && single && part.contains('\n'))
                .then(|| part.trim_matches(|c| c == '\n' || c == '\r').trim_end().to_owned());
            let markup = Markup {
                level,
                path: self.path.clone(),
                spans: map_spans(part, offset, &run.spans),
                code,
                verbatim,
                images: std::mem::take(&mut self.images),
            };
            self.blocks.push(Block { kind, text, markup });
        }
    }
}

/// How many cells come before `cell` in its row (empty cells make no block, so the renderers
/// place cells by this).
fn cells_before(cell: &NodeRef<'_>) -> u16 {
    let mut count: u16 = 0;
    let mut sibling = cell.prev_element_sibling();
    while let Some(node) = sibling {
        if matches!(element_name(&node).as_ref(), "td" | "th") {
            count = count.saturating_add(1);
        }
        sibling = node.prev_element_sibling();
    }
    count
}

/// The parts of `text` between paragraph breaks, with their byte offsets.
fn paragraph_parts(text: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::with_capacity(1);
    let mut offset = 0;
    for part in text.split(PARAGRAPH_BREAK) {
        parts.push((offset, part));
        offset += part.len() + PARAGRAPH_BREAK.len_utf8();
    }
    parts
}

/// The spans of `run` that fall in `part` (which starts at byte `offset` of the run), moved to
/// byte offsets of the part's whitespace-normalised text: a boundary in whitespace moves to the
/// nearest word inside the span; spans left empty are dropped, images kept where they stand.
fn map_spans(part: &str, offset: usize, spans: &[Inline]) -> Vec<Inline> {
    let end_of_part = offset + part.len();
    let mut inside = spans
        .iter()
        .filter(|s| s.start <= end_of_part && s.end >= offset)
        .peekable();
    if inside.peek().is_none() {
        return Vec::new();
    }
    // Each word's start and end in the part and its start in the normalised text.
    let mut words = Vec::new();
    let mut normalised = 0;
    for word in part.split_whitespace() {
        let start = word.as_ptr() as usize - part.as_ptr() as usize;
        words.push((start, start + word.len(), normalised));
        normalised += word.len() + 1;
    }
    let length = normalised.saturating_sub(1);
    let to_start = |p: usize| {
        let i = words.partition_point(|w| w.1 <= p);
        words
            .get(i)
            .map_or(length, |&(start, _, at)| at + p.saturating_sub(start))
    };
    let to_end = |p: usize| {
        let i = words.partition_point(|w| w.0 < p);
        i.checked_sub(1)
            .map_or(0, |i| words[i].2 + p.min(words[i].1) - words[i].0)
    };
    let mut mapped = Vec::new();
    for span in inside {
        let start = span.start.max(offset) - offset;
        let end = span.end.min(end_of_part) - offset;
        if let InlineKind::Image(_) = span.kind {
            let at = to_start(start);
            mapped.push(Inline {
                start: at,
                end: at,
                kind: span.kind.clone(),
            });
            continue;
        }
        let (start, end) = (to_start(start), to_end(end));
        if start < end {
            mapped.push(Inline {
                start,
                end,
                kind: span.kind.clone(),
            });
        }
    }
    mapped
}

/// A heading element's level.
fn heading_level(name: &str) -> u8 {
    match name.as_bytes() {
        [b'h', level @ b'1'..=b'6'] => level - b'0',
        _ => 0,
    }
}

/// An inline element's text appended to `out`, with the markup it stands for (link,
/// emphasis, code, image) recorded over it.
fn inline_element(node: &NodeRef<'_>, name: &str, out: &mut Run, keep: Keep<'_>) {
    let start = out.text.len();
    let kind = match name {
        "a" => node
            .attr("href")
            .map(|href| href.trim().to_owned())
            .filter(|href| !href.is_empty())
            .map(InlineKind::Link),
        "strong" | "b" => Some(InlineKind::Strong),
        "em" | "i" => Some(InlineKind::Emphasis),
        "code" | "kbd" | "samp" => Some(InlineKind::Code),
        "img" => image_of(node).map(InlineKind::Image),
        _ => None,
    };
    inline_text(node, out, keep);
    if let Some(kind) = kind {
        out.spans.push(Inline {
            start,
            end: out.text.len(),
            kind,
        });
    }
}

/// An image worth showing: a source that is not inline data, not hidden, not a 1×1 tracking
/// pixel.
fn image_of(node: &NodeRef<'_>) -> Option<Image> {
    let tiny = ["width", "height"].iter().any(|dimension| {
        node.attr(dimension)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f32>().ok())
            .is_some_and(|v| v <= 1.0)
    });
    let hidden = node.attr("style").is_some_and(|style| {
        let style = style.to_ascii_lowercase().replace(' ', "");
        style.contains("display:none") || style.contains("visibility:hidden")
    });
    if tiny || hidden {
        return None;
    }
    let src = ["src", "data-src"]
        .iter()
        .filter_map(|attribute| node.attr(attribute))
        .map(|src| src.trim().to_owned())
        .find(|src| !src.is_empty() && !src.starts_with("data:"))?;
    let alt = node.attr("alt").map(|a| normalize_whitespace(&a)).unwrap_or_default();
    Some(Image { src, alt })
}

/// The text of an element as it renders: `<br>` and nested block-level elements become a space,
/// so words on either side never merge, and a chain of `<br>` a [`PARAGRAPH_BREAK`]; other markup
/// joins without one.
fn inline_text(node: &NodeRef<'_>, out: &mut Run, keep: Keep<'_>) {
    let mut chain = BreakChain::default();
    for child in node.children_it(false) {
        if child.is_text() {
            if !keep(&child) {
                continue;
            }
            let text = child.text();
            chain.text(&text);
            out.text.push_str(&text);
        } else if child.is_element() && keep(&child) {
            let name = element_name(&child);
            let name = name.as_str();
            if name == "br" {
                out.text.push(chain.br());
                continue;
            }
            chain.element();
            if name == "hr" {
                out.text.push(' ');
            } else if is_block_level(name) {
                out.text.push(' ');
                inline_text(&child, out, keep);
                out.text.push(' ');
            } else {
                inline_element(&child, name, out, keep);
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

    fn markup_of(html: &str) -> Vec<Block> {
        blocks_of(&Document::from(html).body().unwrap())
    }

    #[test]
    fn inline_markup_keeps_its_place_in_the_normalised_text() {
        let blocks = markup_of(
            "<body><p>  Read   the <a href='/r'> full\n report </a> and <b>the <i>key</i></b> \
             figures.<br><br>Then <code>x = 1</code>.</p></body>",
        );
        assert_eq!(blocks[0].text, "Read the full report and the key figures.");
        let spans: Vec<(&str, &InlineKind)> = blocks[0]
            .markup
            .spans
            .iter()
            .map(|s| (&blocks[0].text[s.start..s.end], &s.kind))
            .collect();
        assert!(spans.contains(&("full report", &InlineKind::Link("/r".into()))));
        assert!(spans.contains(&("the key", &InlineKind::Strong)));
        assert!(spans.contains(&("key", &InlineKind::Emphasis)));
        assert_eq!(blocks[1].text, "Then x = 1.");
        let code = &blocks[1].markup.spans[0];
        assert_eq!(&blocks[1].text[code.start..code.end], "x = 1");
    }

    #[test]
    fn list_items_and_cells_record_their_containers() {
        let blocks = markup_of(
            "<body><ol start='3'><li>One<ul><li>Inner</li></ul></li></ol>\
             <table><tr><td></td><th>Head</th></tr></table><h3>End</h3></body>",
        );
        let kinds = |b: &Block| b.markup.path.iter().map(|c| c.kind).collect::<Vec<_>>();
        let ordered = ContainerKind::List {
            ordered: true,
            start: 3,
        };
        let bullets = ContainerKind::List {
            ordered: false,
            start: 1,
        };
        assert_eq!(kinds(&blocks[0]), [ordered, ContainerKind::Item]);
        assert_eq!(
            kinds(&blocks[1]),
            [ordered, ContainerKind::Item, bullets, ContainerKind::Item]
        );
        assert_eq!(blocks[0].markup.path[1], blocks[1].markup.path[1]);
        assert_eq!(
            kinds(&blocks[2]),
            [
                ContainerKind::Table,
                ContainerKind::Row,
                ContainerKind::Cell {
                    header: true,
                    column: 1
                }
            ]
        );
        assert_eq!((blocks[3].kind, blocks[3].markup.level), (BlockKind::Heading, 3));
    }

    #[test]
    fn tracking_pixels_and_inline_data_are_no_images() {
        let blocks = markup_of(
            "<body><img src='/a.png' alt='A'><img src='/t.gif' width='1' height='1'>\
             <img src='data:image/png;base64,AAAA'><p>Text.</p></body>",
        );
        assert_eq!(
            blocks[0].markup.images,
            [Image {
                src: "/a.png".into(),
                alt: "A".into()
            }]
        );
    }
}
