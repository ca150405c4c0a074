//! The main content in the forms the next system reads: Markdown for LLM tools and RAG
//! pipelines ([`markdown`]), sanitised HTML for CMS imports ([`html`]) and heading-aware chunks
//! with offsets into the record's text ([`chunks`]). All three are rendered from the same
//! [`Block`]s as the record's `text`, so they hold the same words in the same order; which of
//! them a record carries is chosen by [`Formats`], so a deployment pays only for what it uses.
//!
//! Submodules, each using only those listed before it: `tree` (blocks back into their
//! containers), `links` (URL resolution), `markdown`, `html`, `chunks`.

pub mod chunks;
pub mod html;
pub(crate) mod links;
pub mod markdown;
mod tree;

use serde::Deserialize;

use crate::body::{Block, Body, Inline};
pub use chunks::Chunk;

/// Which forms of the main content a record carries (the worker's `[record.formats]` table).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Formats {
    /// `text`: plain text, paragraphs separated by a blank line. Always computed (enrichment
    /// reads it); off leaves it out of the record.
    pub text: bool,
    /// `markdown`: CommonMark (with GitHub's pipe tables).
    pub markdown: bool,
    /// `html`: sanitised HTML.
    pub html: bool,
    /// `chunks`: pieces of `text` split at headings and paragraph ends.
    pub chunks: bool,
    /// Whether Markdown and HTML show the content's images (`![alt](src)`, `<img>`).
    pub images: bool,
    /// The most words in one chunk.
    pub chunk_words: usize,
    /// Words a chunk repeats from the end of the one before it in the same section (at most
    /// half of `chunk_words`).
    pub chunk_overlap_words: usize,
}

impl Default for Formats {
    fn default() -> Self {
        Self {
            text: true,
            markdown: true,
            html: false,
            chunks: false,
            images: false,
            chunk_words: 200,
            chunk_overlap_words: 40,
        }
    }
}

/// The formats a record asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub markdown: Option<String>,
    pub html: Option<String>,
    pub chunks: Option<Vec<Chunk>>,
}

/// Renders the formats `formats` switches on from `body`, whose text is `text`.
#[must_use]
pub fn render(body: &Body, text: &str, formats: &Formats) -> Rendered {
    let base = body.base_url.as_deref().and_then(|b| url::Url::parse(b).ok());
    let style = Style {
        base: base.as_ref(),
        images: formats.images,
    };
    Rendered {
        markdown: formats
            .markdown
            .then(|| markdown::render(&body.blocks, &style)),
        html: formats.html.then(|| html::render(&body.blocks, &style)),
        chunks: formats.chunks.then(|| {
            chunks::split(
                &body.blocks,
                text,
                formats.chunk_words,
                formats.chunk_overlap_words,
            )
        }),
    }
}

/// What Markdown and HTML rendering need besides the blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style<'u> {
    /// What relative links resolve against; without it only absolute links are kept.
    pub base: Option<&'u url::Url>,
    /// Whether images are shown.
    pub images: bool,
}

/// A block's heading level for rendering: its own, or 2 when the source had none (a plain-text
/// heading sits under the article's title).
fn heading_level(block: &Block) -> u8 {
    if block.markup.level == 0 {
        2
    } else {
        block.markup.level
    }
}

/// The next span at `*i` or after it that lies within `cursor..end`, with the spans nested in
/// it; `*i` moves past both. `spans` is sorted by start, outer spans first. Both renderers walk
/// a block's inline markup with this, each writing its own syntax around the pieces.
fn next_outer_span<'s, 'i>(
    spans: &'s [&'i Inline],
    i: &mut usize,
    cursor: usize,
    end: usize,
) -> Option<(&'i Inline, &'s [&'i Inline])> {
    while *i < spans.len() {
        let span = spans[*i];
        *i += 1;
        if span.start < cursor || span.end > end {
            continue;
        }
        let inner_count = spans[*i..]
            .iter()
            .take_while(|s| s.start < span.end || (s.start == span.end && s.end == span.end))
            .count();
        let inner = &spans[*i..*i + inner_count];
        *i += inner_count;
        return Some((span, inner));
    }
    None
}
