//! The element kinds the rules tell apart ([`Tag`]) and the `TAGS` table of tag names to kinds.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The element kinds the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Tag {
    /// A text node (its sums are its own text).
    Text,
    Body,
    Div,
    P,
    Section,
    Header,
    Article,
    Td,
    Th,
    Tr,
    Pre,
    Blockquote,
    Heading(u8),
    Address,
    Ol,
    Ul,
    Dl,
    Dd,
    Dt,
    Li,
    Form,
    Fieldset,
    Table,
    Caption,
    Img,
    Input,
    Embed,
    A,
    Br,
    Hr,
    Figure,
    Code,
    Phrasing,
    Span,
    /// Read as an element, its drawing never as text.
    Svg,
    /// Elements Readability's cleaning always removes from the article (`footer`, `aside`,
    /// `button`, `select`, `textarea`, `link`).
    Chrome,
    Other,
}

/// Tag names to kinds, looked up once per element (`None`: never content).
static TAGS: LazyLock<FxHashMap<&'static str, Option<Tag>>> = LazyLock::new(|| {
    const NAMES: [&str; 78] = [
        "body",
        "div",
        "p",
        "section",
        "header",
        "article",
        "td",
        "th",
        "tr",
        "pre",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "address",
        "ol",
        "ul",
        "dl",
        "dd",
        "dt",
        "li",
        "form",
        "fieldset",
        "table",
        "caption",
        "img",
        "picture",
        "input",
        "object",
        "embed",
        "iframe",
        "a",
        "br",
        "hr",
        "figure",
        "code",
        "abbr",
        "audio",
        "b",
        "bdo",
        "cite",
        "data",
        "dfn",
        "em",
        "i",
        "kbd",
        "label",
        "mark",
        "math",
        "meter",
        "output",
        "progress",
        "q",
        "ruby",
        "samp",
        "small",
        "strong",
        "sub",
        "sup",
        "time",
        "var",
        "wbr",
        "del",
        "ins",
        "font",
        "u",
        "s",
        "span",
        "svg",
        "footer",
        "aside",
        "button",
        "select",
        "textarea",
        "link",
    ];
    const SKIPPED: [&str; 8] = [
        "script", "style", "noscript", "template", "head", "meta", "title", "dialog",
    ];
    NAMES
        .into_iter()
        .chain(SKIPPED)
        .map(|name| (name, Tag::classify(name)))
        .collect()
});

impl Tag {
    pub(super) fn of(name: &str) -> Option<Self> {
        TAGS.get(name).copied().unwrap_or(Some(Self::Other))
    }

    fn classify(name: &str) -> Option<Self> {
        Some(match name {
            "body" => Self::Body,
            "div" => Self::Div,
            "p" => Self::P,
            "section" => Self::Section,
            "header" => Self::Header,
            "article" => Self::Article,
            "td" => Self::Td,
            "th" => Self::Th,
            "tr" => Self::Tr,
            "pre" => Self::Pre,
            "blockquote" => Self::Blockquote,
            "h1" => Self::Heading(1),
            "h2" => Self::Heading(2),
            "h3" => Self::Heading(3),
            "h4" => Self::Heading(4),
            "h5" => Self::Heading(5),
            "h6" => Self::Heading(6),
            "address" => Self::Address,
            "ol" => Self::Ol,
            "ul" => Self::Ul,
            "dl" => Self::Dl,
            "dd" => Self::Dd,
            "dt" => Self::Dt,
            "li" => Self::Li,
            "form" => Self::Form,
            "fieldset" => Self::Fieldset,
            "table" => Self::Table,
            "caption" => Self::Caption,
            "img" | "picture" => Self::Img,
            "input" => Self::Input,
            "object" | "embed" | "iframe" => Self::Embed,
            "a" => Self::A,
            "br" => Self::Br,
            "hr" => Self::Hr,
            "figure" => Self::Figure,
            "code" => Self::Code,
            "abbr" | "audio" | "b" | "bdo" | "cite" | "data" | "dfn" | "em" | "i" | "kbd"
            | "label" | "mark" | "math" | "meter" | "output" | "progress" | "q" | "ruby"
            | "samp" | "small" | "strong" | "sub" | "sup" | "time" | "var" | "wbr" | "del"
            | "ins" | "u" | "s" => Self::Phrasing,
            // Readability turns `<font>` into `<span>` before it reads the page.
            "span" | "font" => Self::Span,
            "svg" => Self::Svg,
            "footer" | "aside" | "button" | "select" | "textarea" | "link" => Self::Chrome,
            // Never content: Readability removes these before it reads the page.
            "script" | "style" | "noscript" | "template" | "head" | "meta" | "title" | "dialog" => {
                return None;
            }
            _ => Self::Other,
        })
    }

    /// Elements whose presence makes a `<div>` a container rather than a paragraph.
    pub(super) fn is_block(self) -> bool {
        matches!(
            self,
            Self::Blockquote
                | Self::Dl
                | Self::Div
                | Self::Img
                | Self::Ol
                | Self::P
                | Self::Pre
                | Self::Table
                | Self::Ul
        )
    }

    /// Readability's phrasing content (links only when they hold no block).
    pub(super) fn is_phrasing(self) -> bool {
        matches!(
            self,
            Self::Text
                | Self::Phrasing
                | Self::Span
                | Self::A
                | Self::Br
                | Self::Img
                | Self::Input
                | Self::Embed
                | Self::Code
        )
    }

    /// Elements whose text counts as "textish" for the text-density test.
    pub(super) fn is_textish(self) -> bool {
        self.is_block() || matches!(self, Self::Li | Self::Td | Self::Span)
    }
}
