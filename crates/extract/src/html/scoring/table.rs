//! The flat table of elements ([`Table`]) with the sums over each kept subtree ([`Sums`],
//! [`TextSpan`]): reading the tree into it, summing bottom-up, removing an element by
//! subtracting its sums, and walking it (children, ancestors, text).

use dom_query::{NodeData, NodeId, NodeRef};

use super::tags::Tag;
use super::vocabulary::{
    MAYBE_WORD, UNLIKELY_ROLES, UNLIKELY_WORD, VIDEO_HOSTS, class_weight, is_author_box, is_share, word_groups,
};

/// Readability's "enough text" threshold (characters); below it the next, looser attempt runs.
pub(super) const CHAR_THRESHOLD: f32 = 500.0;

pub(super) const NONE: u32 = u32::MAX;

/// What the rules know of one element: its place and the sums over its kept subtree.
#[derive(Debug, Clone)]
pub(super) struct Element<'a> {
    pub(super) node: NodeRef<'a>,
    pub(super) parent: u32,
    first_child: u32,
    pub(super) last_child: u32,
    next_sibling: u32,
    pub(super) tag: Tag,

    /// Readability's class weight (±25 per attribute).
    pub(super) weight: f32,
    /// A hash of the `class` attribute as written (0 without one), for the same-class sibling
    /// bonus.
    pub(super) class: u64,
    /// Whether the class or id names a share widget.
    pub(super) share: bool,
    /// Whether the class or id names an author's box (a bio under the article).
    pub(super) author_box: bool,
    pub(super) sums: Sums,
    /// Whitespace-normalised text characters directly in this element (not in child elements).
    pub(super) own_chars: f32,
    /// The subtree's text, composed (see [`TextSpan`]).
    span: TextSpan,
    /// Set when this `<div>` holds nothing but one `<p>`: Readability replaces it by the `<p>`.
    pub(super) transparent: bool,
    /// Set when Readability reads this `<div>` as a paragraph: it holds one run of phrasing
    /// content (and little link text), or no block element at all.
    pub(super) as_paragraph: bool,
    /// Set when two or more `<br>` in a row sit among the children: Readability turns the
    /// text after them into paragraphs.
    pub(super) br_chain: bool,
    /// What one character of this element counts as link text: 1 for a link, 0.3 for an
    /// in-page (`#`) link, 0 otherwise.
    link_factor: f32,
    /// Whether this is an embedded video player.
    pub(super) video: bool,
    pub(super) score: Option<f32>,
    pub(super) removed: bool,
    /// A data table, or an element holding one (set by the cleaning).
    pub(super) data_table: bool,
    pub(super) holds_data_table: bool,
    pub(super) in_figure: bool,
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
pub(super) struct Sums {
    pub(super) chars: f32,
    pub(super) link_chars: f32,
    pub(super) commas: f32,
    pub(super) paragraphs: f32,
    pub(super) images: f32,
    pub(super) list_items: f32,
    pub(super) inputs: f32,
    pub(super) embeds: f32,
    pub(super) videos: f32,
    /// Characters inside headings (nested ones counted again, as Readability does).
    pub(super) heading_chars: f32,
    /// Characters inside "textish" elements (nested ones counted again).
    pub(super) textish_chars: f32,
    /// Characters inside lists.
    pub(super) list_chars: f32,
    /// Characters other than whitespace.
    pub(super) solid: f32,
    /// Whether a block element is somewhere below.
    pub(super) has_block: bool,
}

impl Sums {
    /// Adds `other`'s figures (not `has_block`, which is an either-or).
    pub(super) fn add(&mut self, other: &Self) {
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
pub(super) struct Flags {
    pub(super) strip_unlikely: bool,
    pub(super) weigh_classes: bool,
    pub(super) clean_conditionally: bool,
}

/// The flat table of kept elements, in document order (a parent before its children).
pub(super) struct Table<'a> {
    pub(super) elements: Vec<Element<'a>>,
    pub(super) flags: Flags,
    /// An element left out with its subtree (the byline).
    skip: Option<NodeId>,
    /// Elements left out with their subtrees (hidden, unlikely).
    pub(super) pruned: Vec<NodeId>,
}

impl<'a> Table<'a> {
    /// Reads the subtree of `body` into the table, leaving out what is never content.
    pub(super) fn read(body: &NodeRef<'a>, nodes: usize, flags: Flags, skip: Option<NodeId>) -> Self {
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
            author_box: false,
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
        let author_box = is_author_box(a.class, class_words) || is_author_box(a.id, id_words);
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
                author_box,
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
    pub(super) fn remove(&mut self, index: u32) {
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
    pub(super) fn text_of(&self, index: u32) -> String {
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

    /// For every element, whether it or an ancestor is one that `roots` picks (an element with
    /// text, a class, …); an element inside a picked one is not asked.
    pub(super) fn in_subtrees(&self, roots: impl Fn(u32, &Element<'a>) -> bool) -> Vec<bool> {
        let mut inside = vec![false; self.elements.len()];
        for (i, e) in self.elements.iter().enumerate() {
            inside[i] = (e.parent != NONE && inside[e.parent as usize])
                || (e.tag != Tag::Text && roots(u32::try_from(i).unwrap_or(NONE), e));
        }
        inside
    }

    pub(super) fn element_children(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        self.children(index)
            .filter(|&c| self.elements[c as usize].tag != Tag::Text)
    }

    pub(super) fn children(&self, index: u32) -> impl Iterator<Item = u32> + Clone + '_ {
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

    /// The next sibling in the tree (removed or not), [`NONE`] at the end.
    pub(super) fn next_sibling_of(&self, index: u32) -> u32 {
        self.elements[index as usize].next_sibling
    }

    pub(super) fn ancestors(&self, index: u32) -> impl Iterator<Item = u32> + '_ {
        let mut current = self.elements[index as usize].parent;
        std::iter::from_fn(move || {
            (current != NONE).then(|| {
                let here = current;
                current = self.elements[here as usize].parent;
                here
            })
        })
    }

    fn ancestor_removed(&self, index: u32) -> bool {
        self.ancestors(index)
            .any(|a| self.elements[a as usize].removed)
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

pub(super) fn density(part: f32, whole: f32) -> f32 {
    if whole > 0.0 { part / whole } else { 0.0 }
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
