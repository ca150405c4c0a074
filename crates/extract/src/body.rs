//! The common shape that every reader (HTML, plain text) produces: a title and the article's
//! blocks in reading order. Everything downstream — text, sections, dateline, language — works on
//! this, so both input forms give the same record for the same article.

use serde::{Deserialize, Serialize};

/// One block of the main content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The block's text, whitespace-normalised, never empty.
    pub text: String,
    /// How the block sat in the page's markup, for the Markdown and HTML formats; empty for
    /// plain text. Never changes `text`.
    pub markup: Markup,
}

impl Block {
    /// A block without markup.
    #[must_use]
    pub fn plain(kind: BlockKind, text: String) -> Self {
        Self {
            kind,
            text,
            markup: Markup::default(),
        }
    }
}

/// The markup around a block's text: its heading level, the containers it sits in, its inline
/// markup and the images before it. Read with the text from the same walk of the page, so every
/// format shows the same words in the same order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup {
    /// A heading's level, 1 to 6; 0 when the source had none (plain text).
    pub level: u8,
    /// The containers (lists, items, quotes, tables) the block sits in, outermost first.
    pub path: Vec<Container>,
    /// Links, emphasis, code and images over `text`, as byte ranges; nested ones inside the
    /// ones that hold them.
    pub spans: Vec<Inline>,
    /// Whether the block is preformatted code (`<pre>`).
    pub code: bool,
    /// A code block's text with its own line breaks, when they only differ from `text` in
    /// whitespace.
    pub verbatim: Option<String>,
    /// Images that stand between the previous block and this one.
    pub images: Vec<Image>,
}

/// A container element around blocks; `id` tells two containers of the same kind apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Container {
    pub id: u32,
    pub kind: ContainerKind,
}

/// What a container is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContainerKind {
    Quote,
    /// A list; `start` is an ordered list's first number.
    List { ordered: bool, start: u32 },
    Item,
    Table,
    Row,
    /// A table cell; `column` counts the cells before it in its row.
    Cell { header: bool, column: u16 },
}

/// Inline markup over `text[start..end]` (bytes); an image is empty (`start == end`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub start: usize,
    pub end: usize,
    pub kind: InlineKind,
}

/// What inline markup is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineKind {
    /// A link to `href` as the page wrote it (resolved when rendered).
    Link(String),
    Strong,
    Emphasis,
    Code,
    Image(Image),
}

/// An image of the content, `src` as the page wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub src: String,
    pub alt: String,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
}

/// What a reader extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    /// A language the markup declares (`<html lang>`), to be verified by text detection.
    pub language_hint: Option<String>,
    /// Metadata the page declares (HTML only; empty for plain text).
    pub meta: PageMetadata,
    /// Whether the input reads as an article; false for index, list and error pages.
    pub readable: bool,
    /// The title as it arrived, decorations (flag emoji) included.
    pub raw_title: Option<String>,
    /// What the content's relative links are relative to: the page's `<base href>` resolved
    /// against its URL, else its URL (absolute `http(s)` URLs only).
    pub base_url: Option<String>,
    /// The absolute address of the page that continues this one (`rel=next`, a pagination
    /// block's "next" link), for a crawler to fetch.
    pub next_page: Option<String>,
}

/// Metadata from markup: JSON-LD, meta tags, `<time>`, `<link rel=canonical>`, URL patterns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageMetadata {
    /// The byline as the page shows it ("By Ana Ruiz, Reuters").
    pub byline: Option<String>,
    /// Author names: JSON-LD, then meta tags, then split from the byline.
    pub authors: Vec<String>,
    /// RFC 3339.
    pub published_at: Option<String>,
    /// RFC 3339.
    pub modified_at: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    /// Headlines the publisher declares (JSON-LD `headline`, `og:title`, `twitter:title`).
    pub headlines: Vec<String>,
    /// The article's text as its JSON-LD `articleBody` declares it, line breaks kept.
    #[serde(skip)]
    pub article_body: Option<String>,
    /// Whether the page declares itself an article (a JSON-LD article type other than
    /// `WebPage`, or `og:type` `article`): its one `<h1>` is then its headline even where the
    /// declared titles word it differently.
    #[serde(skip)]
    pub declares_article: bool,
    /// Whether the page declares a shop's product (a JSON-LD `Product`, `og:type` `product`,
    /// `Product` microdata): its customer reviews are then left out of the content.
    #[serde(skip)]
    pub declares_product: bool,
}

/// A section of the article under one of its own headings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Section {
    pub heading: String,
    pub text: String,
}

impl Body {
    /// The main text: blocks separated by a blank line, headings kept as their own paragraphs.
    #[must_use]
    pub fn text(&self) -> String {
        let mut out = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 2).sum());
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&block.text);
        }
        out
    }

    /// Byte ranges of the heading blocks in [`Body::text`].
    #[must_use]
    pub fn heading_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        let mut offset = 0;
        for block in &self.blocks {
            if block.kind == BlockKind::Heading {
                ranges.push(offset..offset + block.text.len());
            }
            offset += block.text.len() + 2;
        }
        ranges
    }

    /// The sections that follow the article's own headings; text before the first heading
    /// belongs to no section.
    #[must_use]
    pub fn sections(&self) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        for block in &self.blocks {
            match block.kind {
                BlockKind::Heading => sections.push(Section {
                    heading: block.text.clone(),
                    text: String::new(),
                }),
                BlockKind::Paragraph => {
                    if let Some(section) = sections.last_mut() {
                        if !section.text.is_empty() {
                            section.text.push_str("\n\n");
                        }
                        section.text.push_str(&block.text);
                    }
                }
            }
        }
        sections
    }

    /// The texts of the lead paragraph (where a dateline would be) and of every block after it.
    pub fn blocks_from_lead(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .skip_while(|b| b.kind != BlockKind::Paragraph)
            .map(|b| b.text.as_str())
    }
}

/// Collapses runs of whitespace to one space and trims the ends.
#[must_use]
pub fn normalize_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: BlockKind, text: &str) -> Block {
        Block::plain(kind, text.into())
    }

    #[test]
    fn sections_collect_the_paragraphs_under_each_heading() {
        let body = Body {
            title: None,
            blocks: vec![
                block(BlockKind::Paragraph, "Lead."),
                block(BlockKind::Heading, "One"),
                block(BlockKind::Paragraph, "a."),
                block(BlockKind::Paragraph, "b."),
                block(BlockKind::Heading, "Two"),
                block(BlockKind::Paragraph, "c."),
            ],
            language_hint: None,
            meta: PageMetadata::default(),
            readable: true,
            raw_title: None,
            base_url: None,
            next_page: None,
        };
        assert_eq!(
            body.sections(),
            vec![
                Section {
                    heading: "One".into(),
                    text: "a.\n\nb.".into()
                },
                Section {
                    heading: "Two".into(),
                    text: "c.".into()
                },
            ]
        );
        assert_eq!(body.text(), "Lead.\n\nOne\n\na.\n\nb.\n\nTwo\n\nc.");
        assert_eq!(body.blocks_from_lead().next(), Some("Lead."));
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalize_whitespace("  a \n\t b  "), "a b");
    }
}
