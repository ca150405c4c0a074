//! Finds the article's main content with Readability's scoring, computed in one walk over the
//! parsed tree instead of by rewriting it.
//!
//! Hand-written because the Readability port we measured (`dom_smoothie`) costs more than the
//! parse itself: it rewrites the tree (divs to paragraphs, `<br>` runs to paragraphs), then
//! recomputes text and link lengths with selector queries for every candidate and every element
//! it considers cleaning. Here the tree is read once into a flat table of elements with their
//! text length, link text, commas and tag counts summed bottom-up; the paragraph scores, the
//! candidate climb, the sibling join and the conditional cleaning are the same rules as
//! Readability.js (its word lists and thresholds) evaluated on that table, and removing an
//! element is subtracting its sums from its ancestors. Nothing in the document is changed.
//! The paragraphs Readability would have made (divs turned into `<p>`, loose text wrapped in
//! one) are counted where its cleaning counts paragraphs.
//!
//! Known differences from Readability's output, kept on purpose: where Readability drops a
//! `<br>` and glues the words of two lines together, the lines stay apart here.

use dom_query::{Document, NodeData, NodeId, NodeRef};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use super::blocks;
use crate::body::Block;

/// Readability's "enough text" threshold (characters); below it the next, looser attempt runs.
const CHAR_THRESHOLD: f32 = 500.0;

/// Class or id fragments of page furniture (Readability's `unlikelyCandidates`).
const UNLIKELY: [&str; 31] = [
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Fragments that keep an otherwise unlikely element (Readability's `okMaybeItsACandidate`).
const MAYBE: [&str; 9] = [
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

/// Class or id fragments that lower an element's weight by 25.
const NEGATIVE: [&str; 24] = [
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

/// Class or id fragments that raise an element's weight by 25.
const POSITIVE: [&str; 12] = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Roles of page furniture.
const UNLIKELY_ROLES: [&str; 7] = [
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Hosts whose embedded players count as content.
const VIDEO_HOSTS: [&str; 8] = [
    "youtube",
    "youtu.be",
    "vimeo",
    "dailymotion",
    "twitch.tv",
    "archive.org",
    "upload.wikimedia.org",
    "player.bilibili.com",
];

/// The element kinds the rules tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
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
    fn of(name: &str) -> Option<Self> {
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
    fn is_block(self) -> bool {
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
    fn is_phrasing(self) -> bool {
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
    fn is_textish(self) -> bool {
        self.is_block() || matches!(self, Self::Li | Self::Td | Self::Span)
    }
}

const NONE: u32 = u32::MAX;

/// Candidates scoring at most this keep their score unscaled by link density.
const MIN_SCORE_TO_SCALE: f32 = 5.0;

/// What the rules know of one element: its place and the sums over its kept subtree.
#[derive(Debug, Clone)]
struct Element<'a> {
    node: NodeRef<'a>,
    parent: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    tag: Tag,

    /// Readability's class weight (±25 per attribute).
    weight: f32,
    /// A hash of the `class` attribute as written (0 without one), for the same-class sibling
    /// bonus.
    class: u64,
    /// Whether the class or id names a share widget.
    share: bool,
    sums: Sums,
    /// Whitespace-normalised text characters directly in this element (not in child elements).
    own_chars: f32,
    /// The subtree's text, composed (see [`TextSpan`]).
    span: TextSpan,
    /// Set when this `<div>` holds nothing but one `<p>`: Readability replaces it by the `<p>`.
    transparent: bool,
    /// Set when Readability reads this `<div>` as a paragraph: it holds one run of phrasing
    /// content (and little link text), or no block element at all.
    as_paragraph: bool,
    /// Set when two or more `<br>` in a row sit among the children: Readability turns the
    /// text after them into paragraphs.
    br_chain: bool,
    /// What one character of this element counts as link text: 1 for a link, 0.3 for an
    /// in-page (`#`) link, 0 otherwise.
    link_factor: f32,
    /// Whether this is an embedded video player.
    video: bool,
    score: Option<f32>,
    removed: bool,
    /// A data table, or an element holding one (set by the cleaning).
    data_table: bool,
    holds_data_table: bool,
    in_figure: bool,
    in_table_or_code: bool,
}

/// Text in the form that composes: the whitespace-normalised length of a stretch of text
/// (runs of whitespace count once, across node boundaries too) when what precedes it ends in
/// whitespace, and whether it starts and ends with whitespace. dom_query's
/// `normalized_char_count` of a subtree is the composition of its text nodes, trimmed.
#[derive(Debug, Clone, Copy)]
struct TextSpan {
    chars: f32,
    lead: bool,
    trail: bool,
    empty: bool,
}

impl TextSpan {
    const EMPTY: Self = Self {
        chars: 0.0,
        lead: false,
        trail: false,
        empty: true,
    };

    /// `self` followed by `next`.
    fn then(self, next: Self) -> Self {
        if self.empty {
            return next;
        }
        if next.empty {
            return self;
        }
        Self {
            chars: self.chars + next.chars + f32::from(u8::from(next.lead && !self.trail)),
            lead: self.lead,
            trail: next.trail,
            empty: false,
        }
    }

    /// The trimmed length.
    fn len(self) -> f32 {
        if self.trail && self.chars > 0.0 {
            self.chars - 1.0
        } else {
            self.chars
        }
    }
}

/// Sums over an element's kept subtree (the element itself excluded for the tag counts).
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    chars: f32,
    link_chars: f32,
    commas: f32,
    paragraphs: f32,
    images: f32,
    list_items: f32,
    inputs: f32,
    embeds: f32,
    videos: f32,
    /// Characters inside headings (nested ones counted again, as Readability does).
    heading_chars: f32,
    /// Characters inside "textish" elements (nested ones counted again).
    textish_chars: f32,
    /// Characters inside lists.
    list_chars: f32,
    /// Characters other than whitespace.
    solid: f32,
    /// Whether a block element is somewhere below.
    has_block: bool,
}

impl Sums {
    /// Adds `other`'s figures (not `has_block`, which is an either-or).
    fn add(&mut self, other: &Self) {
        self.add_times(other, 1.0);
    }

    fn subtract(&mut self, other: &Self) {
        self.add_times(other, -1.0);
    }

    /// Adds `k` times `other`'s figures.
    fn add_times(&mut self, other: &Self, k: f32) {
        self.chars += k * other.chars;
        self.link_chars += k * other.link_chars;
        self.commas += k * other.commas;
        self.paragraphs += k * other.paragraphs;
        self.images += k * other.images;
        self.list_items += k * other.list_items;
        self.inputs += k * other.inputs;
        self.embeds += k * other.embeds;
        self.videos += k * other.videos;
        self.heading_chars += k * other.heading_chars;
        self.textish_chars += k * other.textish_chars;
        self.list_chars += k * other.list_chars;
        self.solid += k * other.solid;
    }
}

/// Which of Readability's rules an attempt applies; each retry drops one.
#[derive(Debug, Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weigh_classes: bool,
    clean_conditionally: bool,
}

/// The main content the scorer found.
#[derive(Debug, Clone)]
pub struct MainContent {
    pub blocks: Vec<Block>,
    /// Whether the page reads as an article: Readability's `isProbablyReadable` (paragraphs of
    /// 140 characters or more, scored by the square root of their excess) or enough content.
    pub readable: bool,
    /// Whether the content is worth keeping even on a page that does not read as an article:
    /// Readability's threshold of text, whitespace included, as its last resort counts it.
    pub substantial: bool,
}

/// Readability's byline element, for a page whose metadata names no author: the first element
/// marked as an author or byline (`rel=author`, `itemprop=author`, or such a class or id) with
/// a text under 100 characters; its `itemprop=name` part if it has one. The element is left out
/// of the content.
#[must_use]
pub fn byline_element(doc: &Document) -> Option<(NodeId, String)> {
    let body = doc.body()?;
    for node in body.descendants_it() {
        let Some(element) = node.element_ref() else {
            continue;
        };
        let marked = element.attrs.iter().any(|attr| {
            let value = &*attr.value;
            match &*attr.name.local {
                "rel" => value.eq_ignore_ascii_case("author"),
                "itemprop" => value.to_ascii_lowercase().contains("author"),
                "class" | "id" => word_groups(value) & BYLINE_WORD != 0,
                _ => false,
            }
        });
        drop(element);
        if !marked {
            continue;
        }
        let length = node.text().trim().chars().count();
        if length == 0 || length >= 100 {
            continue;
        }
        let name = node
            .descendants_it()
            .find(|d| d.attr("itemprop").as_deref() == Some("name"))
            .map_or_else(|| node.text(), |n| n.text());
        return Some((node.id, normalized(&name)));
    }
    None
}

/// Whether element `id` sits inside a comments section (an ancestor's class or id says
/// "comment").
#[must_use]
pub fn in_comments(doc: &Document, id: Option<NodeId>) -> bool {
    let Some(node) = id.and_then(|id| doc.tree.get(&id)) else {
        return false;
    };
    node.ancestors_it(None).any(|a| {
        a.element_ref().is_some_and(|e| {
            e.attrs.iter().any(|attr| {
                matches!(&*attr.name.local, "class" | "id")
                    && attr.value.to_ascii_lowercase().contains("comment")
            })
        })
    })
}

/// Finds the main content of `doc`, leaving out the element `skip` (the byline); `None` when
/// the page has no `<body>`.
#[must_use]
pub fn main_content(doc: &Document, title: &str, skip: Option<NodeId>) -> Option<MainContent> {
    let body = doc.body()?;
    let attempts = [
        Flags {
            strip_unlikely: true,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weigh_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut best: Option<(f32, Table<'_>, Vec<u32>)> = None;
    let mut probably_readable = None;
    for flags in attempts {
        let mut table = Table::read(&body, doc.tree.len(), flags, skip);
        table.remove_title_heading(title);
        probably_readable.get_or_insert_with(|| table.probably_readable());
        let chosen = table.choose();
        let chars: f32 = chosen
            .iter()
            .map(|&i| table.elements[i as usize].sums.chars)
            .sum();
        let enough = chars >= CHAR_THRESHOLD;
        if best.as_ref().is_none_or(|(c, _, _)| chars > *c) {
            best = Some((chars, table, chosen));
        }
        if enough {
            break;
        }
    }
    let (chars, table, chosen) = best?;
    let left_out: FxHashSet<NodeId> = table
        .elements
        .iter()
        .filter(|e| e.removed)
        .map(|e| e.node.id)
        .chain(table.pruned.iter().copied())
        .chain(skip)
        .collect();
    // What the table never held (scripts, styles) is left out by its tag.
    let keep = |node: &NodeRef<'_>| {
        !left_out.contains(&node.id)
            && node
                .qual_name_ref()
                .is_none_or(|name| Tag::of(&name.local).is_some())
    };
    let roots = chosen.iter().map(|&i| table.elements[i as usize].node);
    let readable = probably_readable.unwrap_or(false) || chars >= CHAR_THRESHOLD;
    // Readability's last resort keeps its longest attempt when that holds the threshold in raw
    // text (indentation counted), as `textContent.length` measures it.
    let raw_chars = if readable {
        0
    } else {
        chosen
            .iter()
            .map(|&i| table.text_of(i).chars().count())
            .sum()
    };
    Some(MainContent {
        blocks: blocks::blocks_of_nodes(roots, &keep),
        readable,
        substantial: readable || raw_chars >= CHAR_THRESHOLD as usize,
    })
}

/// The flat table of kept elements, in document order (a parent before its children).
struct Table<'a> {
    elements: Vec<Element<'a>>,
    flags: Flags,
    /// An element left out with its subtree (the byline).
    skip: Option<NodeId>,
    /// Elements left out with their subtrees (hidden, unlikely).
    pruned: Vec<NodeId>,
}

impl<'a> Table<'a> {
    /// Reads the subtree of `body` into the table, leaving out what is never content.
    fn read(body: &NodeRef<'a>, nodes: usize, flags: Flags, skip: Option<NodeId>) -> Self {
        let mut table = Table {
            elements: Vec::with_capacity(nodes),
            flags,
            skip,
            pruned: Vec::new(),
        };
        let mut stack: Vec<(NodeRef<'a>, u32)> = vec![(*body, NONE)];
        while let Some((node, parent)) = stack.pop() {
            if let Some(stats) = node.query(|n| text_stats(&n.data)).flatten() {
                table.push_text(&node, parent, stats);
            } else if let Some(index) = table.push(&node, parent)
                && table.elements[index as usize].tag != Tag::Svg
            {
                // Comments and the like fall through both tests when popped.
                let mut child = node.last_child();
                while let Some(c) = child {
                    child = c.prev_sibling();
                    stack.push((c, index));
                }
            }
        }
        table.sum_up();
        table.remove_empty();
        table
    }

    /// Adds a text node under `parent`.
    fn push_text(
        &mut self,
        node: &NodeRef<'a>,
        parent: u32,
        (span, commas, solid): (TextSpan, f32, f32),
    ) {
        let chars = span.len();
        let p = &mut self.elements[parent as usize];
        p.own_chars += chars;
        let element = Element {
            node: *node,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            tag: Tag::Text,
            weight: 0.0,
            class: 0,
            share: false,
            sums: Sums {
                chars,
                commas,
                solid,
                ..Sums::default()
            },
            own_chars: 0.0,
            span,
            transparent: false,
            as_paragraph: false,
            br_chain: false,
            link_factor: 0.0,
            video: false,
            score: None,
            removed: false,
            data_table: false,
            holds_data_table: false,
            in_figure: false,
            in_table_or_code: false,
        };
        self.link(parent, element);
    }

    /// Appends `element` to the table as the last child of `parent`; its index.
    fn link(&mut self, parent: u32, element: Element<'a>) -> u32 {
        let index = self.elements.len() as u32;
        self.elements.push(element);
        if parent != NONE {
            let p = &mut self.elements[parent as usize];
            let previous = p.last_child;
            p.last_child = index;
            if previous == NONE {
                p.first_child = index;
            } else {
                self.elements[previous as usize].next_sibling = index;
            }
        }
        index
    }

    /// Adds one element; `None` when it and its subtree are left out.
    fn push(&mut self, node: &NodeRef<'a>, parent: u32) -> Option<u32> {
        if self.skip == Some(node.id) {
            return None;
        }
        let element = node.element_ref()?;
        let tag = Tag::of(&element.name.local)?;
        let mut a = Attributes::default();
        for attr in &element.attrs {
            let value = &*attr.value;
            match &*attr.name.local {
                "class" => a.class = value,
                "id" => a.id = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = value == "true",
                "aria-modal" => a.aria_modal = value == "true",
                "role" => a.role = value,
                "style" => a.style = value,
                "href" => a.href = value,
                "src" | "data" => a.video |= VIDEO_HOSTS.iter().any(|h| value.contains(h)),
                _ => {}
            }
        }
        let invisible_style = !a.style.is_empty() && {
            let style = a.style.to_ascii_lowercase().replace(' ', "");
            style.contains("display:none") || style.contains("visibility:hidden")
        };
        if a.hidden
            || a.aria_hidden && !a.class.contains("fallback-image")
            || invisible_style
            || a.aria_modal && a.role == "dialog"
        {
            self.pruned.push(node.id);
            return None;
        }
        let (class_words, id_words) = (word_groups(a.class), word_groups(a.id));
        let (in_figure, in_table_or_code) = match parent {
            NONE => (false, false),
            p => {
                let p = &self.elements[p as usize];
                (
                    p.in_figure || p.tag == Tag::Figure,
                    p.in_table_or_code || matches!(p.tag, Tag::Table | Tag::Code),
                )
            }
        };
        if self.flags.strip_unlikely
            && tag != Tag::Body
            && tag != Tag::A
            && (UNLIKELY_ROLES.contains(&a.role)
                || !in_table_or_code
                    && (class_words | id_words) & UNLIKELY_WORD != 0
                    && (class_words | id_words) & MAYBE_WORD == 0)
        {
            self.pruned.push(node.id);
            return None;
        }
        let link_factor = match tag {
            // A bare `#` is not an in-page link: it counts in full, as in Readability.
            Tag::A if a.href.len() > 1 && a.href.starts_with('#') => 0.3,
            Tag::A => 1.0,
            _ => 0.0,
        };
        let weight = if self.flags.weigh_classes {
            class_weight(a.class, class_words) + class_weight(a.id, id_words)
        } else {
            0.0
        };
        let share = is_share(a.class) || is_share(a.id);
        let class = hash_class(a.class);
        let video = tag == Tag::Embed && a.video;
        drop(element);
        let index = self.link(
            parent,
            Element {
                node: *node,
                parent,
                first_child: NONE,
                last_child: NONE,
                next_sibling: NONE,
                tag,
                weight,
                class,
                share,
                sums: Sums::default(),
                own_chars: 0.0,
                span: TextSpan::EMPTY,
                link_factor,
                video,
                transparent: false,
                as_paragraph: false,
                br_chain: false,
                score: None,
                removed: false,
                data_table: false,
                holds_data_table: false,
                in_figure,
                in_table_or_code,
            },
        );
        Some(index)
    }

    /// Sums every element's subtree into it, children before parents.
    fn sum_up(&mut self) {
        for i in (0..self.elements.len()).rev() {
            if self.elements[i].tag != Tag::Text && self.has_br_chain(i as u32) {
                let e = &mut self.elements[i];
                e.br_chain = true;
                e.sums.has_block = true;
                // Readability puts the text after the chain in a new `<p>`; a `<p>` holding
                // one becomes a `<div>`.
                if e.tag == Tag::P {
                    e.tag = Tag::Div;
                }
            }
            if self.elements[i].tag != Tag::Text {
                let e = &mut self.elements[i];
                e.sums.chars = e.span.len();
            }
            let e = &self.elements[i];
            let (parent, span, has_block) =
                (e.parent, e.span, e.sums.has_block || e.tag.is_block());
            if parent == NONE {
                continue;
            }
            let contribution = self.contribution(i as u32);
            // Children come last-first: each is put in front of what its parent holds so far.
            let p = &mut self.elements[parent as usize];
            p.span = span.then(p.span);
            p.sums.add(&contribution);
            p.sums.has_block |= has_block;
        }
    }

    /// What element `index` adds to each ancestor's sums: its subtree's, plus itself counted by
    /// its tag.
    fn contribution(&self, index: u32) -> Sums {
        let e = &self.elements[index as usize];
        let (tag, mut sums) = (e.tag, e.sums);
        let count = |yes: bool| f32::from(u8::from(yes));
        let chars_if = |yes: bool| if yes { sums.chars } else { 0.0 };
        if tag == Tag::A {
            sums.link_chars = sums.chars * e.link_factor;
        }
        sums.paragraphs += count(tag == Tag::P || e.as_paragraph);
        sums.images += count(tag == Tag::Img);
        sums.list_items += count(tag == Tag::Li);
        sums.inputs += count(tag == Tag::Input);
        sums.embeds += count(tag == Tag::Embed);
        sums.videos += count(e.video);
        sums.heading_chars += chars_if(matches!(tag, Tag::Heading(_)));
        sums.textish_chars += chars_if(tag.is_textish());
        sums.list_chars += chars_if(matches!(tag, Tag::Ul | Tag::Ol));
        sums
    }

    /// Readability's `isProbablyReadable` over the elements it considers: paragraphs, `pre`,
    /// `article` and containers of loose text.
    fn probably_readable(&self) -> bool {
        let mut score = 0.0f32;
        for e in &self.elements {
            let considered = matches!(e.tag, Tag::P | Tag::Pre | Tag::Article)
                || (e.tag == Tag::Div && e.own_chars > 0.0);
            if considered && e.sums.chars >= 140.0 {
                score += (e.sums.chars - 140.0).sqrt();
                if score > 20.0 {
                    return true;
                }
            }
        }
        false
    }

    /// Readability drops the first `<h1>` or `<h2>` that repeats the title.
    fn remove_title_heading(&mut self, title: &str) {
        if title.is_empty() {
            return;
        }
        let found = (0..self.elements.len()).find(|&i| {
            let e = &self.elements[i];
            !e.removed
                && matches!(e.tag, Tag::Heading(1 | 2))
                && text_similarity(title, &self.text_of(i as u32)) > 0.75
        });
        if let Some(i) = found {
            self.remove(i as u32);
        }
    }

    /// Whether two `<br>` follow each other (whitespace between them aside) among the children.
    fn has_br_chain(&self, index: u32) -> bool {
        let mut last_was_br = false;
        for c in self.children(index) {
            let e = &self.elements[c as usize];
            match e.tag {
                Tag::Br if last_was_br => return true,
                Tag::Br => last_was_br = true,
                Tag::Text if e.sums.solid == 0.0 => {}
                _ => last_was_br = false,
            }
        }
        false
    }

    /// Readability drops `div`, `section`, `header` and heading elements without text whose
    /// children are at most line breaks.
    fn remove_empty(&mut self) {
        for i in (0..self.elements.len()).rev() {
            let e = &self.elements[i];
            let may_hold =
                matches!(e.tag, Tag::Div | Tag::Section | Tag::Heading(_)) || e.tag == Tag::Header;
            if !may_hold || e.removed || e.sums.solid > 0.0 {
                continue;
            }
            let only_breaks = self
                .element_children(i as u32)
                .all(|c| matches!(self.elements[c as usize].tag, Tag::Br | Tag::Hr));
            if only_breaks {
                self.remove(i as u32);
            }
        }
    }

    /// Marks an element removed and takes its sums out of its ancestors'.
    fn remove(&mut self, index: u32) {
        let e = &mut self.elements[index as usize];
        if e.removed {
            return;
        }
        e.removed = true;
        if self.ancestor_removed(index) {
            return;
        }
        let mut sums = self.contribution(index);
        let e = &self.elements[index as usize];
        let chars = e.sums.chars;
        let mut parent = e.parent;
        while parent != NONE {
            let p = &mut self.elements[parent as usize];
            p.sums.subtract(&sums);
            // What `p` adds to its own ancestors by its tag shrinks with its text.
            sums.add(&Sums {
                link_chars: chars * p.link_factor,
                heading_chars: if matches!(p.tag, Tag::Heading(_)) {
                    chars
                } else {
                    0.0
                },
                textish_chars: if p.tag.is_textish() { chars } else { 0.0 },
                list_chars: if matches!(p.tag, Tag::Ul | Tag::Ol) {
                    chars
                } else {
                    0.0
                },
                ..Sums::default()
            });
            parent = p.parent;
        }
    }

    /// An element's text as it stands: without the removed and never-scored elements in it.
    fn text_of(&self, index: u32) -> String {
        fn collect(table: &Table<'_>, index: u32, text: &mut String) {
            for c in table.children(index) {
                let e = &table.elements[c as usize];
                if e.tag == Tag::Text {
                    text.push_str(&e.node.text());
                } else {
                    collect(table, c, text);
                }
            }
        }
        let mut text = String::new();
        collect(self, index, &mut text);
        text
    }

    fn element_children(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        self.children(index)
            .filter(|&c| self.elements[c as usize].tag != Tag::Text)
    }

    fn children(&self, index: u32) -> impl Iterator<Item = u32> + Clone + '_ {
        let mut next = self.elements[index as usize].first_child;
        std::iter::from_fn(move || {
            while next != NONE {
                let current = next;
                next = self.elements[current as usize].next_sibling;
                if !self.elements[current as usize].removed {
                    return Some(current);
                }
            }
            None
        })
    }

    /// Scores paragraphs into their ancestors, picks the top candidate and its siblings, and
    /// cleans them; returns the chosen elements in document order.
    fn choose(&mut self) -> Vec<u32> {
        if self.elements.is_empty() {
            return Vec::new();
        }
        self.mark_paragraph_divs();
        self.score_paragraphs();
        let top = self.top_candidate();
        let chosen = self.siblings_of(top);
        self.clean(&chosen);
        chosen
            .into_iter()
            .filter(|&i| !self.elements[i as usize].removed)
            .collect()
    }

    /// Readability turns a `<div>` without block elements into a paragraph, and replaces one
    /// holding a single paragraph (and little link text) by that paragraph.
    fn mark_paragraph_divs(&mut self) {
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            if e.tag != Tag::Div || e.removed {
                continue;
            }
            let (mut runs, mut run_chars) = (0usize, 0.0f32);
            self.for_each_run(i as u32, |chars, _, _| {
                runs += 1;
                run_chars += chars;
            });
            let link_density = density(e.sums.link_chars, e.sums.chars);
            let mut blocks = self
                .element_children(i as u32)
                .filter(|&c| !self.is_phrasing(c));
            let first_block = blocks.next();
            let more_blocks = blocks.next().is_some();
            drop(blocks);
            // Readability wraps each run in a `<p>`; a div left holding one `<p>` (and little
            // link text) is replaced by it; a div without any block becomes a `<p>`.
            let one_run = runs == 1 && first_block.is_none() && !e.br_chain;
            let one_p = runs == 0
                && !more_blocks
                && first_block.is_some_and(|c| self.elements[c as usize].tag == Tag::P);
            let transparent = one_p && link_density < 0.25;
            let as_paragraph = one_run && link_density < 0.25 || runs == 0 && !e.sums.has_block;
            let e = &mut self.elements[i];
            e.transparent = transparent;
            e.as_paragraph = as_paragraph;
            // The cleaning counts the paragraphs Readability made: a div turned into one counts
            // for its ancestors (and in its own contribution), the runs wrapped in one count
            // as paragraphs and "textish" text for the div and its ancestors.
            let (extra, from) = if as_paragraph {
                let extra = Sums {
                    paragraphs: 1.0,
                    ..Sums::default()
                };
                (extra, e.parent)
            } else if runs > 0 && !transparent {
                let extra = Sums {
                    paragraphs: runs as f32,
                    textish_chars: run_chars,
                    ..Sums::default()
                };
                (extra, i as u32)
            } else {
                continue;
            };
            let mut at = from;
            while at != NONE {
                let a = &mut self.elements[at as usize];
                a.sums.add(&extra);
                at = a.parent;
            }
        }
    }

    /// Readability's phrasing content: text, inline elements, links without blocks.
    fn is_phrasing(&self, index: u32) -> bool {
        let e = &self.elements[index as usize];
        e.tag.is_phrasing() && !(e.tag == Tag::A && e.sums.has_block)
    }

    /// The runs of phrasing content among an element's children that Readability turns into
    /// paragraphs: (characters, commas, whether the run follows a chain of `<br>`).
    fn for_each_run(&self, index: u32, mut run_found: impl FnMut(f32, f32, bool)) {
        let blank = |c: u32| {
            let e = &self.elements[c as usize];
            e.tag == Tag::Text && e.sums.solid == 0.0
        };
        let mut current: Option<(f32, f32, bool)> = None;
        let mut after_chain = false;
        let mut children = self.children(index).peekable();
        while let Some(c) = children.next() {
            let e = &self.elements[c as usize];
            if blank(c) {
                if let Some(run) = current.as_mut() {
                    run.0 += e.sums.chars;
                }
                continue;
            }
            if e.tag == Tag::Br {
                let next = children.clone().find(|&n| !blank(n));
                if next.is_some_and(|n| self.elements[n as usize].tag == Tag::Br) {
                    if let Some((chars, commas, chain)) = current.take() {
                        run_found(chars, commas, chain);
                    }
                    while children
                        .peek()
                        .is_some_and(|&n| blank(n) || self.elements[n as usize].tag == Tag::Br)
                    {
                        children.next();
                    }
                    after_chain = true;
                }
                continue;
            }
            if self.is_phrasing(c) {
                let run = current.get_or_insert((0.0, 0.0, after_chain));
                run.0 += e.sums.chars;
                run.1 += e.sums.commas;
            } else {
                if let Some((chars, commas, chain)) = current.take() {
                    run_found(chars, commas, chain);
                }
                after_chain = false;
            }
        }
        if let Some((chars, commas, chain)) = current {
            run_found(chars, commas, chain);
        }
    }

    fn is_scored_paragraph(&self, e: &Element<'_>) -> bool {
        !e.transparent
            && (e.as_paragraph
                || matches!(
                    e.tag,
                    Tag::P | Tag::Td | Tag::Pre | Tag::Section | Tag::Heading(2..=6)
                ))
    }

    fn score_paragraphs(&mut self) {
        for i in 0..self.elements.len() {
            let e = &self.elements[i];
            if e.removed || e.tag == Tag::Text {
                continue;
            }
            if self.is_scored_paragraph(e) && e.sums.chars >= 25.0 {
                self.add_score(i as u32, e.sums.chars, e.sums.commas);
            }
            let e = &self.elements[i];
            // A container `<div>`'s runs of loose text, and the text after a chain of `<br>`
            // elsewhere, become paragraphs of their own, scored into the element.
            let container_div = e.tag == Tag::Div && !e.transparent && !e.as_paragraph;
            if container_div || e.br_chain && e.tag != Tag::P && !e.as_paragraph {
                let mut scored = Vec::new();
                self.for_each_run(i as u32, |chars, commas, after_chain| {
                    if chars >= 25.0 && (container_div || after_chain) {
                        scored.push((chars, commas));
                    }
                });
                for (chars, commas) in scored {
                    self.add_paragraph_score(i as u32, chars, commas);
                }
            }
        }
    }

    /// Adds a paragraph's score to up to five ancestors of element `paragraph`.
    fn add_score(&mut self, paragraph: u32, chars: f32, commas: f32) {
        let parent = self.elements[paragraph as usize].parent;
        self.add_paragraph_score(parent, chars, commas);
    }

    /// Adds a paragraph's score to `first` (level 0) and its ancestors up to level 4.
    fn add_paragraph_score(&mut self, first: u32, chars: f32, commas: f32) {
        let score = 1.0 + (commas + 1.0) + (chars / 100.0).floor().min(3.0);
        let mut level = 0u32;
        let mut current = first;
        while current != NONE && level < 5 {
            let e = &self.elements[current as usize];
            let next = e.parent;
            if e.transparent {
                current = next;
                continue;
            }
            if e.removed {
                break;
            }
            // Readability skips an ancestor whose parent is not an element (`<html>`).
            let base = self.base_score(current);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f32::from(u8::try_from(l * 3).unwrap_or(u8::MAX)),
            };
            let e = &mut self.elements[current as usize];
            *e.score.get_or_insert(base) += score / divider;
            level += 1;
            current = next;
        }
    }

    /// Readability's initial score of an element: by tag, plus its class weight.
    fn base_score(&self, index: u32) -> f32 {
        let e = &self.elements[index as usize];
        let by_tag = if e.as_paragraph {
            0.0
        } else {
            match e.tag {
                Tag::Div => 5.0,
                Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
                Tag::Address
                | Tag::Ol
                | Tag::Ul
                | Tag::Dl
                | Tag::Dd
                | Tag::Dt
                | Tag::Li
                | Tag::Form => -3.0,
                Tag::Heading(_) | Tag::Th => -5.0,
                _ => 0.0,
            }
        };
        by_tag + e.weight
    }

    /// The best-scoring element after link density, moved up to a shared ancestor when several
    /// near-best candidates sit under one, and up through single-child wrappers.
    fn top_candidate(&mut self) -> u32 {
        let mut candidates: Vec<(u32, f32)> = Vec::new();
        for i in 0..self.elements.len() {
            let e = &mut self.elements[i];
            // As `dom_smoothie` does: low scores are not scaled, and only positive ones compete.
            if let Some(score) = e.score.as_mut() {
                if *score > MIN_SCORE_TO_SCALE {
                    *score *= 1.0 - density(e.sums.link_chars, e.sums.chars);
                }
                if *score > 0.0 {
                    candidates.push((i as u32, *score));
                }
            }
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(5);
        let Some(&(mut top, top_score)) = candidates.first() else {
            return 0;
        };
        if top == 0 {
            return 0;
        }
        let alternatives: Vec<Vec<u32>> = candidates[1..]
            .iter()
            .filter(|(_, s)| *s / top_score >= 0.75)
            .map(|(i, _)| self.ancestors(*i).collect())
            .collect();
        if alternatives.len() > 3 {
            let mut parent = self.elements[top as usize].parent;
            while parent != NONE && parent != 0 {
                let lists = alternatives.iter().filter(|a| a.contains(&parent)).count();
                if lists >= 3 {
                    top = parent;
                    break;
                }
                parent = self.elements[parent as usize].parent;
            }
        }
        if self.elements[top as usize].score.is_none() {
            let base = self.base_score(top);
            self.elements[top as usize].score = Some(base);
        }
        let mut last = self.elements[top as usize].score.unwrap_or_default();
        let threshold = last / 3.0;
        let mut parent = self.elements[top as usize].parent;
        while parent != NONE && parent != 0 {
            let Some(score) = self.elements[parent as usize].score else {
                parent = self.elements[parent as usize].parent;
                continue;
            };
            if score < threshold {
                break;
            }
            if score > last {
                top = parent;
                break;
            }
            last = score;
            parent = self.elements[parent as usize].parent;
        }
        let mut parent = self.elements[top as usize].parent;
        while parent != NONE && parent != 0 && self.element_children(parent).count() == 1 {
            top = parent;
            parent = self.elements[top as usize].parent;
        }
        top
    }

    fn ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        let mut current = self.elements[index as usize].parent;
        std::iter::from_fn(move || {
            (current != NONE).then(|| {
                let here = current;
                current = self.elements[here as usize].parent;
                here
            })
        })
    }

    /// The top candidate with the siblings Readability joins to it, in document order.
    fn siblings_of(&mut self, top: u32) -> Vec<u32> {
        let parent = self.elements[top as usize].parent;
        if parent == NONE {
            return vec![top];
        }
        let top_score = self.elements[top as usize].score.unwrap_or_default();
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.elements[top as usize].class;
        let siblings: Vec<u32> = self.element_children(parent).collect();
        siblings
            .into_iter()
            .filter(|&s| {
                if s == top {
                    return true;
                }
                let e = &self.elements[s as usize];
                let bonus = if top_class != 0 && e.class == top_class {
                    top_score * 0.2
                } else {
                    0.0
                };
                if e.score.is_some_and(|score| score + bonus >= threshold) {
                    return true;
                }
                let is_p = e.tag == Tag::P || e.as_paragraph || e.transparent;
                if !is_p {
                    return false;
                }
                let link_density = density(e.sums.link_chars, e.sums.chars);
                let length = e.sums.chars;
                if length > 80.0 {
                    link_density < 0.25
                } else {
                    length > 0.0 && link_density == 0.0 && ends_a_sentence(&self.text_of(s))
                }
            })
            .collect()
    }

    /// Readability's `prepArticle`: share widgets, negatively weighted headings and the
    /// conditional cleaning of forms, tables, lists and divs, innermost first.
    fn clean(&mut self, chosen: &[u32]) {
        // The table is in document order, so a subtree is the range up to its last descendant.
        let mut inside: Vec<u32> = Vec::new();
        for &root in chosen {
            let mut last = root;
            while self.elements[last as usize].last_child != NONE {
                last = self.elements[last as usize].last_child;
            }
            inside.extend((root..=last).filter(|&i| self.elements[i as usize].tag != Tag::Text));
        }
        for &i in &inside {
            let e = &self.elements[i as usize];
            if !e.removed && e.share && e.sums.chars < CHAR_THRESHOLD {
                self.remove(i);
            }
        }
        self.mark_data_tables(&inside);
        let is_root = |i: u32| chosen.contains(&i);
        // Readability renames the joined siblings it does not keep as they are to divs.
        let tag_of = |table: &Self, i: u32| {
            let e = &table.elements[i as usize];
            if e.as_paragraph || e.transparent {
                Tag::P
            } else if is_root(i)
                && !matches!(
                    e.tag,
                    Tag::Div | Tag::Article | Tag::Section | Tag::P | Tag::Ol | Tag::Ul
                )
            {
                Tag::Div
            } else {
                e.tag
            }
        };
        if self.flags.clean_conditionally {
            for &i in inside.iter().rev() {
                if matches!(tag_of(self, i), Tag::Form | Tag::Fieldset) && self.should_remove(i) {
                    self.remove(i);
                }
            }
        }
        // Page chrome, inputs and embeds other than video players always go (a joined sibling
        // renamed to a div escapes, as in Readability).
        for &i in &inside {
            let tag = tag_of(self, i);
            if matches!(tag, Tag::Chrome | Tag::Input)
                || tag == Tag::Embed && !self.elements[i as usize].video
            {
                self.remove(i);
            }
        }
        if self.flags.weigh_classes {
            for &i in &inside {
                let e = &self.elements[i as usize];
                if matches!(tag_of(self, i), Tag::Heading(1 | 2)) && e.weight < 0.0 {
                    self.remove(i);
                }
            }
        }
        if self.flags.clean_conditionally {
            for &i in inside.iter().rev() {
                if matches!(tag_of(self, i), Tag::Table | Tag::Ul | Tag::Div)
                    && !self.elements[i as usize].removed
                    && self.should_remove(i)
                {
                    self.remove(i);
                }
            }
        }
    }

    /// Readability's data tables (kept whole by the cleaning), and the elements holding one.
    fn mark_data_tables(&mut self, inside: &[u32]) {
        for &i in inside {
            let e = &self.elements[i as usize];
            if e.tag != Tag::Table || e.removed || !is_data_table(e) {
                continue;
            }
            self.elements[i as usize].data_table = true;
            let mut parent = self.elements[i as usize].parent;
            while parent != NONE && !self.elements[parent as usize].holds_data_table {
                self.elements[parent as usize].holds_data_table = true;
                parent = self.elements[parent as usize].parent;
            }
        }
    }

    fn ancestor_removed(&self, index: u32) -> bool {
        self.ancestors(index)
            .any(|a| self.elements[a as usize].removed)
    }

    /// Readability's `_cleanConditionally` test for one element, as `dom_smoothie` has it.
    /// Inputs and embeds count only while they are there: for forms and fieldsets, tested
    /// before [`Self::clean`] removes them.
    fn should_remove(&self, index: u32) -> bool {
        let e = &self.elements[index as usize];
        if e.data_table
            || e.holds_data_table
            || self
                .ancestors(index)
                .any(|a| self.elements[a as usize].data_table)
        {
            return false;
        }
        let s = &e.sums;
        if e.weight < 0.0 {
            return !self.holds_pre(index);
        }
        if s.commas >= 10.0 {
            return false;
        }
        if s.videos > 0.0 {
            return false;
        }
        let (embeds, inputs) = (s.embeds, s.inputs);
        let text = if s.solid < 20.0 {
            normalized(&self.text_of(index))
        } else {
            String::new()
        };
        if is_ad_or_loading(&text) {
            return true;
        }
        let is_list = matches!(e.tag, Tag::Ul | Tag::Ol) || density(s.list_chars, s.chars) > 0.9;
        let (p, img, li) = (s.paragraphs, s.images, s.list_items - 100.0);
        let chars = s.chars;
        let link_density = density(s.link_chars, chars);
        let weight = e.weight;
        let remove = (!e.in_figure && img > 1.0 && p / img < 0.5)
            || (!is_list && li > p)
            || inputs > (p / 3.0).floor()
            || (!is_list
                && !e.in_figure
                && chars < 25.0
                && (img == 0.0 || img > 2.0)
                && link_density > 0.0
                && density(s.heading_chars, chars) < 0.9)
            || (!is_list && weight < 25.0 && link_density > 0.2)
            || (weight >= 25.0 && link_density > 0.5)
            || (embeds == 1.0 && chars < 75.0)
            || embeds > 1.0
            || (img == 0.0 && s.textish_chars <= 0.0);
        if is_list && remove {
            let nested = self
                .children(index)
                .any(|c| self.element_children(c).nth(1).is_some());
            if nested {
                return true;
            }
            return img != s.list_items;
        }
        remove
    }

    fn holds_pre(&self, index: u32) -> bool {
        let mut stack: Vec<u32> = self.element_children(index).collect();
        while let Some(i) = stack.pop() {
            if self.elements[i as usize].tag == Tag::Pre {
                return true;
            }
            stack.extend(self.element_children(i));
        }
        false
    }
}

/// The whitespace-normalised length and comma count of a text node; `None` for other nodes.
fn text_stats(data: &NodeData) -> Option<(TextSpan, f32, f32)> {
    let NodeData::Text { contents } = data else {
        return None;
    };
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut solid = 0u32;
    // As dom_query counts: whitespace after whitespace (or at the start) is not counted.
    let mut after_space = true;
    for c in contents.chars() {
        if c.is_whitespace() {
            if !after_space {
                chars += 1;
            }
            after_space = true;
        } else {
            after_space = false;
            chars += 1;
            solid += 1;
            if matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            ) {
                commas += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let span = TextSpan {
        chars: chars as f32,
        lead: contents.starts_with(char::is_whitespace),
        trail: contents.ends_with(char::is_whitespace),
        empty: contents.is_empty(),
    };
    #[allow(clippy::cast_precision_loss)]
    Some((span, commas as f32, solid as f32))
}

fn density(part: f32, whole: f32) -> f32 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// Which of the word lists a class or id value holds a fragment of (bits below).
const UNLIKELY_WORD: u8 = 1;
const MAYBE_WORD: u8 = 2;
const NEGATIVE_WORD: u8 = 4;
const POSITIVE_WORD: u8 = 8;
const BYLINE_WORD: u8 = 16;

/// Class or id fragments of a byline (Readability's `byline` pattern).
const BYLINE: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];

/// One automaton over every list's fragments, case-insensitive, with each fragment's lists:
/// an attribute value is read once instead of once per fragment.
static WORD_LISTS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut fragments: Vec<(&str, u8)> = Vec::new();
    for (list, bit) in [
        (&UNLIKELY[..], UNLIKELY_WORD),
        (&MAYBE[..], MAYBE_WORD),
        (&NEGATIVE[..], NEGATIVE_WORD),
        (&POSITIVE[..], POSITIVE_WORD),
        (&BYLINE[..], BYLINE_WORD),
    ] {
        for fragment in list {
            match fragments.iter_mut().find(|(f, _)| f == fragment) {
                Some((_, bits)) => *bits |= bit,
                None => fragments.push((fragment, bit)),
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(fragments.iter().map(|(f, _)| f))
        .expect("the word lists are valid patterns");
    (
        automaton,
        fragments.into_iter().map(|(_, bits)| bits).collect(),
    )
});

/// The word lists `value` holds a fragment of.
fn word_groups(value: &str) -> u8 {
    if value.is_empty() {
        return 0;
    }
    let (automaton, bits) = &*WORD_LISTS;
    automaton
        .find_overlapping_iter(value)
        .fold(0, |groups, m| groups | bits[m.pattern().as_usize()])
}

/// Readability's class weight of one attribute value, from its word lists.
fn class_weight(value: &str, groups: u8) -> f32 {
    let mut weight = 0.0;
    if groups & NEGATIVE_WORD != 0
        || value
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("hid"))
    {
        weight -= 25.0;
    }
    if groups & POSITIVE_WORD != 0 {
        weight += 25.0;
    }
    weight
}

/// How much of `b`'s words (by characters) are also in `a`; 1 when `a` contains `b`.
fn text_similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.contains(&b) {
        return 1.0;
    }
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let tokens_a: FxHashSet<String> = words(&a).into_iter().collect();
    let tokens_b = words(&b);
    let total: usize = tokens_b.iter().map(|w| w.chars().count()).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = tokens_b
        .iter()
        .filter(|w| !tokens_a.contains(*w))
        .map(|w| w.chars().count())
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let distance = unique as f32 / total as f32;
    1.0 - distance
}

/// A share widget: "share" or "sharedaddy" as a whole word of the class or id.
fn is_share(value: &str) -> bool {
    !value.is_empty()
        && value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("share") || w.eq_ignore_ascii_case("sharedaddy"))
}

/// The class attribute's hash for equality tests; 0 for none.
fn hash_class(class: &str) -> u64 {
    use std::hash::BuildHasher;
    if class.is_empty() {
        0
    } else {
        rustc_hash::FxBuildHasher.hash_one(class) | 1
    }
}

/// The attributes the rules read, from one pass over an element's attributes.
#[derive(Default)]
struct Attributes<'v> {
    class: &'v str,
    id: &'v str,
    hidden: bool,
    aria_hidden: bool,
    aria_modal: bool,
    role: &'v str,
    style: &'v str,
    href: &'v str,
    video: bool,
}

/// A data table (kept whole by the cleaning), by `dom_smoothie`'s test: a summary, a caption or
/// header cells make one; a nested table, one row or one column do not; otherwise ten rows,
/// more than four columns or more than ten cells do.
fn is_data_table(e: &Element<'_>) -> bool {
    let node = e.node;
    if node.attr("role").as_deref() == Some("presentation")
        || node.attr("datatable").as_deref() == Some("0")
    {
        return false;
    }
    if node.has_attr("summary") {
        return true;
    }
    let names = |n: &NodeRef<'_>| n.qual_name_ref().map(|q| q.local.clone());
    let mut nested = false;
    for d in node.descendants_it() {
        match names(&d).as_deref() {
            Some("caption" | "col" | "colgroup" | "tfoot" | "thead" | "th") => return true,
            Some("table") => nested = true,
            _ => {}
        }
    }
    if nested {
        return false;
    }
    let mut rows = 0usize;
    let mut columns = 0usize;
    for row in node
        .descendants_it()
        .filter(|d| names(d).as_deref() == Some("tr"))
    {
        rows += 1;
        let in_row: usize = row
            .descendants_it()
            .filter(|d| names(d).as_deref() == Some("td"))
            .map(|cell| {
                cell.attr("colspan")
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000)
            })
            .sum();
        columns = columns.max(in_row);
    }
    if rows == 1 || columns == 1 {
        return false;
    }
    rows >= 10 || columns > 4 || rows * columns > 10
}

fn normalized(text: &str) -> String {
    super::super::body::normalize_whitespace(text)
}

/// Text that is nothing but an advertising or loading label.
fn is_ad_or_loading(text: &str) -> bool {
    let t = text.to_lowercase();
    let t = t.trim_end_matches('…').trim_end_matches("...");
    matches!(
        t,
        "ad" | "advertising"
            | "advertisement"
            | "pub"
            | "publicité"
            | "werb"
            | "werbung"
            | "广告"
            | "реклама"
            | "anuncio"
            | "loading"
            | "正在加载"
            | "загрузка"
            | "chargement"
            | "cargando"
    )
}

/// Readability's short-paragraph test: a full stop followed by a space or the end.
fn ends_a_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "The council approved the new bridge on Tuesday, after a long debate \
                             about its cost, its design and the traffic it will bring to the old town.";

    fn texts(html: &str) -> Vec<String> {
        let doc = Document::from(html);
        let skip = byline_element(&doc).map(|(id, _)| id);
        main_content(&doc, "", skip)
            .unwrap()
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    fn links(n: usize) -> String {
        (0..n)
            .map(|i| {
                format!(
                    "<li><a href=\"/story/{i}\">Another story number {i} worth a click</a></li>"
                )
            })
            .collect()
    }

    #[test]
    fn the_article_wins_over_navigation_sidebars_and_link_lists() {
        let html = format!(
            "<html><body><div class=\"menu\"><ul>{}</ul></div>\
             <div id=\"main\"><div class=\"story\">{}</div>\
             <div class=\"more\"><ul>{}</ul></div></div>\
             <div class=\"sidebar\"><p>Popular now, and trending.</p><ul>{}</ul></div></body></html>",
            links(8),
            format!("<p>{PARAGRAPH}</p>").repeat(6),
            links(6),
            links(8)
        );
        let got = texts(&html);
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got.iter().all(|t| t == PARAGRAPH), "{got:?}");
    }

    #[test]
    fn the_byline_element_is_found_and_left_out_of_the_content() {
        let html = format!(
            "<html><body><article><span class=\"byline\">By <span itemprop=\"name\">Ana Ruiz</span></span>{}</article></body></html>",
            format!("<p>{PARAGRAPH}</p>").repeat(5)
        );
        let doc = Document::from(html.as_str());
        let (_, name) = byline_element(&doc).unwrap();
        assert_eq!(name, "Ana Ruiz");
        assert!(texts(&html).iter().all(|t| !t.contains("Ana Ruiz")));
    }

    #[test]
    fn hidden_elements_and_share_widgets_are_not_content() {
        let html = format!(
            "<html><body><article>{}<p style=\"display: none\">Hidden teaser text that should never show up anywhere.</p>\
             <div class=\"share\">Share on Facebook, Twitter, email</div>{}</article></body></html>",
            format!("<p>{PARAGRAPH}</p>").repeat(3),
            format!("<p>{PARAGRAPH}</p>").repeat(3)
        );
        let got = texts(&html);
        assert_eq!(got, vec![PARAGRAPH.to_owned(); 6]);
    }

    #[test]
    fn paragraphs_split_over_sibling_containers_are_joined() {
        let part = format!(
            "<div class=\"body-part\">{}</div>",
            format!("<p>{PARAGRAPH}</p>").repeat(4)
        );
        let html = format!(
            "<html><body><div>{part}<div class=\"ad-slot\"><a href=\"/ad\">Sponsored</a></div>{part}</div></body></html>"
        );
        assert_eq!(texts(&html).len(), 8);
    }

    #[test]
    fn loose_text_in_a_container_is_scored_as_paragraphs() {
        let html = format!(
            "<html><body><div class=\"nav\"><a href=\"/\">Home</a></div><div id=\"story\">{}</div></body></html>",
            format!("{PARAGRAPH}<br><br>").repeat(6)
        );
        let got = texts(&html);
        assert!(got.concat().contains("old town."), "{got:?}");
        assert!(!got.concat().contains("Home"), "{got:?}");
    }
    fn article_with(inner: &str) -> Vec<String> {
        let paragraphs = format!("<p>{PARAGRAPH}</p>").repeat(4);
        texts(&format!(
            "<html><body><div id=\"story\">{paragraphs}{inner}{paragraphs}</div></body></html>"
        ))
    }

    #[test]
    fn a_widget_left_with_an_ad_label_once_its_links_are_gone_is_removed() {
        // The credits go first (all link text); the box then holds only "Advertising".
        let got = article_with(
            "<div class=\"inread\"><div><div class=\"label\">Advertising</div>\
             <div class=\"credits\"><a href=\"http://ads.example\">Video ads by Example</a></div>\
             </div></div>",
        );
        assert_eq!(got.len(), 8, "{got:?}");
    }

    #[test]
    fn a_caption_beside_an_image_counts_as_a_paragraph_and_stays() {
        let got = article_with(
            "<div class=\"thumb\"><div class=\"thumbinner\"><a href=\"/f.png\"><img src=\"/f.png\"></a>\
             <div class=\"thumbcaption\"><div class=\"magnify\"><a href=\"/f\" title=\"Enlarge\"></a></div>\
             The new bridge at dusk</div></div></div>",
        );
        assert!(got.iter().any(|t| t == "The new bridge at dusk"), "{got:?}");
    }

    #[test]
    fn a_bare_hash_link_counts_as_a_full_link() {
        // 13 of 34 characters are link text: kept at Readability's 0.3 weight for in-page
        // links, removed at full weight.
        let got = article_with(
            "<div class=\"gallery\"><h2>Business in pictures</h2><ul><li></li><li>\
             <a href=\"#\">show all 50</a></li></ul></div>",
        );
        assert_eq!(got.len(), 8, "{got:?}");
    }

    #[test]
    fn a_joined_aside_is_renamed_and_kept() {
        let html = format!(
            "<html><body><div id=\"page\"><div class=\"post\">{}</div>\
             <aside class=\"bio\">{}</aside></div></body></html>",
            format!("<p>{PARAGRAPH}</p>").repeat(5),
            format!("<p>{PARAGRAPH}</p>").repeat(3)
        );
        assert_eq!(texts(&html).len(), 8);
    }
    #[test]
    fn text_removed_inside_a_heading_leaves_the_heading_share_of_its_container() {
        // Without its button the heading is 12 of the box's 19 characters, not all of them, so
        // the short, linked box goes (Readability's short-block rule, whatever the class bonus).
        let got = article_with(
            "<div class=\"story-heading\"><h2>Struct Mutex <button>Copy item path</button></h2>\
             <span><a href=\"/src/mutex.rs\">Source</a></span></div>",
        );
        assert_eq!(got.len(), 8, "{got:?}");
    }
}
