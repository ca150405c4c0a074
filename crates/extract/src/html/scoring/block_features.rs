//! The text blocks of a whole page ([`Unit`]s) read from the flat table, each with the features
//! the learned block classifier weighs ([`features`]), and the nodes to leave out once the
//! classifier has decided ([`dropped_nodes`]).
//!
//! A unit is either a leaf block (a paragraph, list item, heading, cell… holding no block
//! element) or the loose text of a container (its text nodes and inline children, such as the
//! text of a `<div>` that holds no `<p>`). The features are computed from the table's sums,
//! so they cost one pass over the table.

use dom_query::NodeId;
use rustc_hash::{FxHashMap, FxHashSet};

use super::table::{NONE, Table, density};
use super::tags::Tag;

/// How many features describe one unit (before the split by the scorer's selection).
pub const FEATURES: usize = 42;

/// One block of the page's text.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// The table index of the leaf block, or of the container whose loose text this is.
    pub(super) element: u32,
    /// Whether this is a container's loose text rather than a leaf block.
    pub(super) loose: bool,
    chars: f32,
    link_chars: f32,
    commas: f32,
    /// Whether the heuristic scorer kept this text.
    pub(super) selected: bool,
}

/// Ancestor kinds, as bits.
const IN_MAIN: u16 = 1;
const IN_ARTICLE: u16 = 2;
const IN_NAV: u16 = 4;
const IN_ASIDE: u16 = 8;
const IN_FOOTER: u16 = 16;
const IN_HEADER: u16 = 32;
const IN_FORM: u16 = 64;
const IN_LIST: u16 = 128;
const IN_TABLE: u16 = 256;

/// Whether `tag` is a leaf block kind (when it holds no block element).
fn is_leaf_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Li
            | Tag::Heading(_)
            | Tag::Td
            | Tag::Th
            | Tag::Pre
            | Tag::Blockquote
            | Tag::Dd
            | Tag::Dt
            | Tag::Address
            | Tag::Caption
    )
}

/// Whether `tag` flows inline in its container's loose text.
pub(super) fn is_inline(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Text | Tag::Phrasing | Tag::Span | Tag::A | Tag::Br | Tag::Code
    )
}

/// The bit of an element's own kind among the ancestor kinds.
fn kind_bit(table: &Table<'_>, index: u32) -> u16 {
    let e = &table.elements[index as usize];
    match e.tag {
        Tag::Article => IN_ARTICLE,
        Tag::Header => IN_HEADER,
        Tag::Form | Tag::Fieldset => IN_FORM,
        Tag::Ul | Tag::Ol | Tag::Dl => IN_LIST,
        Tag::Table => IN_TABLE,
        Tag::Chrome | Tag::Other => match e.node.qual_name_ref().map(|n| n.local.clone()) {
            Some(name) if &*name == "main" => IN_MAIN,
            Some(name) if &*name == "nav" => IN_NAV,
            Some(name) if &*name == "aside" => IN_ASIDE,
            Some(name) if &*name == "footer" => IN_FOOTER,
            _ => 0,
        },
        _ => 0,
    }
}

/// The page's units in document order, with what the heuristic scorer `selected` (a table
/// index is selected when the scorer kept it).
pub(super) fn units(table: &Table<'_>, selected: &[bool]) -> Vec<Unit> {
    let n = table.elements.len();
    // Inside a leaf unit, or part of a container's loose text.
    let mut covered = vec![false; n];
    let mut units = Vec::new();
    for i in 0..n {
        let e = &table.elements[i];
        if e.removed || e.tag == Tag::Text {
            // A removed element's subtree is skipped with it.
            covered[i] = e.removed || (e.parent != NONE && covered[e.parent as usize]);
            continue;
        }
        // Inside a leaf unit, or already read as its container's loose text.
        if covered[i] || (e.parent != NONE && covered[e.parent as usize]) {
            covered[i] = true;
            continue;
        }
        if is_leaf_tag(e.tag) && !e.sums.has_block {
            covered[i] = true;
            if e.sums.solid > 0.0 {
                units.push(Unit {
                    element: i as u32,
                    loose: false,
                    chars: e.sums.chars,
                    link_chars: e.sums.link_chars,
                    commas: e.sums.commas,
                    selected: selected[i],
                });
            }
            continue;
        }
        let (mut chars, mut link_chars, mut commas, mut solid) = (0.0, 0.0, 0.0, 0.0);
        let mut chosen = false;
        for c in table.children(i as u32) {
            let ce = &table.elements[c as usize];
            if !is_inline(ce.tag) || ce.sums.has_block {
                continue;
            }
            covered[c as usize] = true;
            chars += ce.sums.chars;
            commas += ce.sums.commas;
            solid += ce.sums.solid;
            link_chars += if ce.tag == Tag::A {
                ce.sums.chars
            } else {
                ce.sums.link_chars
            };
            chosen |= selected[c as usize];
        }
        if solid > 0.0 {
            units.push(Unit {
                element: i as u32,
                loose: true,
                chars,
                link_chars,
                commas,
                selected: chosen,
            });
        }
    }
    units
}

/// The text of the units `kept` adds to the scorer's selection, as a share of the selection's
/// (as large as the added text itself when the scorer selected nothing).
pub(super) fn growth(units: &[Unit], kept: &[bool]) -> f32 {
    let selected: f32 = units.iter().filter(|u| u.selected).map(|u| u.chars).sum();
    let added: f32 = units
        .iter()
        .zip(kept)
        .filter(|&(u, &k)| k && !u.selected)
        .map(|(u, _)| u.chars)
        .sum();
    added / selected.max(1.0)
}

/// Per-element context computed top-down: ancestor kinds and summed class weights.
struct Context {
    kinds: Vec<u16>,
    weights: Vec<f32>,
}

fn context(table: &Table<'_>) -> Context {
    let n = table.elements.len();
    let mut kinds = vec![0u16; n];
    let mut weights = vec![0f32; n];
    for i in 0..n {
        let e = &table.elements[i];
        if e.tag == Tag::Text {
            continue;
        }
        let (k, w) = match e.parent {
            NONE => (0, 0.0),
            p => (kinds[p as usize], weights[p as usize]),
        };
        kinds[i] = k | kind_bit(table, i as u32);
        weights[i] = w + e.weight;
    }
    Context { kinds, weights }
}

/// How many siblings of each element (itself included) share its tag and class.
struct LikeSiblings(FxHashMap<(u32, Tag, u64), f32>);

impl LikeSiblings {
    fn count(table: &Table<'_>) -> Self {
        let mut counts = FxHashMap::default();
        for e in &table.elements {
            if e.tag != Tag::Text && !e.removed {
                *counts.entry((e.parent, e.tag, e.class)).or_insert(0.0) += 1.0;
            }
        }
        Self(counts)
    }

    fn of(&self, table: &Table<'_>, index: u32) -> f32 {
        let e = &table.elements[index as usize];
        self.0
            .get(&(e.parent, e.tag, e.class))
            .copied()
            .unwrap_or(1.0)
    }
}

fn ln1(x: f32) -> f32 {
    x.max(0.0).ln_1p()
}

fn bit(yes: bool) -> f32 {
    f32::from(u8::from(yes))
}

/// The features of every unit, `FEATURES` per unit, in unit order.
/// `readable` is the page's `isProbablyReadable` score.
pub(super) fn features(table: &Table<'_>, units: &[Unit], readable: f32) -> Vec<[f32; FEATURES]> {
    let context = context(table);
    let like = LikeSiblings::count(table);
    let page_chars: f32 = units.iter().map(|u| u.chars).sum::<f32>().max(1.0);
    let selected_chars: f32 = units.iter().filter(|u| u.selected).map(|u| u.chars).sum();
    let first_selected = units.iter().position(|u| u.selected);
    let last_selected = units.iter().rposition(|u| u.selected);
    let page_links: f32 = units.iter().map(|u| u.link_chars).sum();
    let mut before = 0.0;
    let mut out = Vec::with_capacity(units.len());
    for (k, u) in units.iter().enumerate() {
        let e = &table.elements[u.element as usize];
        // The element whose surroundings describe the unit: the container itself for loose text.
        let parent = if u.loose { u.element } else { e.parent };
        let grand = if parent == NONE {
            NONE
        } else {
            table.elements[parent as usize].parent
        };
        let stats = |i: u32| -> (f32, f32) {
            if i == NONE {
                (0.0, 0.0)
            } else {
                let p = &table.elements[i as usize];
                (ln1(p.sums.chars), density(p.sums.link_chars, p.sums.chars))
            }
        };
        let (pc, pl) = stats(parent);
        let (gc, gl) = stats(grand);
        let kinds = context.kinds[u.element as usize];
        let weight = context.weights[u.element as usize];
        let neighbour = |j: Option<usize>| -> (f32, f32, f32) {
            match j.and_then(|j| units.get(j)) {
                Some(v) => (bit(v.selected), ln1(v.chars), density(v.link_chars, v.chars)),
                None => (0.0, 0.0, 0.0),
            }
        };
        let (ps, pcs, pld) = neighbour(k.checked_sub(1));
        let (ns, ncs, nld) = neighbour(Some(k + 1));
        let heading = matches!(e.tag, Tag::Heading(_)) && !u.loose;
        let level = match e.tag {
            Tag::Heading(l) if !u.loose => f32::from(l),
            _ => 0.0,
        };
        let position = before / page_chars;
        before += u.chars;
        let outside_before = first_selected.is_some_and(|f| k < f);
        let outside_after = last_selected.is_some_and(|l| k > l);
        let repeats = if u.loose || e.parent == NONE {
            like.of(table, u.element)
        } else {
            like.of(table, e.parent)
        };
        let own_repeats = if u.loose {
            1.0
        } else {
            like.of(table, u.element)
        };
        out.push([
            1.0,
            ln1(u.chars),
            density(u.link_chars, u.chars),
            ln1(u.commas),
            density(u.commas * 100.0, u.chars),
            bit(!u.loose && e.tag == Tag::P),
            bit(!u.loose && e.tag == Tag::Li),
            bit(heading && level <= 2.0),
            bit(heading && level > 2.0),
            bit(!u.loose && matches!(e.tag, Tag::Td | Tag::Th)),
            bit(!u.loose && matches!(e.tag, Tag::Pre | Tag::Blockquote)),
            bit(u.loose),
            bit(kinds & IN_MAIN != 0),
            bit(kinds & IN_ARTICLE != 0),
            bit(kinds & IN_NAV != 0),
            bit(kinds & IN_ASIDE != 0),
            bit(kinds & IN_FOOTER != 0),
            bit(kinds & IN_HEADER != 0),
            bit(kinds & IN_FORM != 0),
            bit(kinds & IN_LIST != 0),
            bit(kinds & IN_TABLE != 0),
            bit(e.in_figure),
            (weight / 25.0).clamp(-4.0, 4.0),
            pc,
            pl,
            gc,
            gl,
            ln1(repeats),
            ln1(own_repeats),
            position,
            bit(outside_before),
            bit(outside_after),
            density(selected_chars, page_chars),
            ln1(page_chars),
            density(page_links, page_chars),
            ps,
            pcs,
            pld,
            ns,
            ncs,
            nld,
            ln1(readable),
        ]);
    }
    out
}

/// The nodes to leave out (each with its subtree) so that only the `kept` units' text is read:
/// dropped leaf units, the loose children of containers whose loose text is dropped, and the
/// containers that hold no kept unit at all.
pub(super) fn dropped_nodes(table: &Table<'_>, units: &[Unit], kept: &[bool]) -> FxHashSet<NodeId> {
    let n = table.elements.len();
    let mut holds = vec![false; n];
    let mut dropped = FxHashSet::default();
    for (u, &keep) in units.iter().zip(kept) {
        if keep {
            holds[u.element as usize] = true;
        } else if u.loose {
            for c in table.children(u.element) {
                let ce = &table.elements[c as usize];
                if is_inline(ce.tag) && !ce.sums.has_block {
                    dropped.insert(ce.node.id);
                }
            }
        } else {
            dropped.insert(table.elements[u.element as usize].node.id);
        }
    }
    for i in (0..n).rev() {
        let e = &table.elements[i];
        if e.parent != NONE && holds[i] {
            holds[e.parent as usize] = true;
        }
    }
    for (i, e) in table.elements.iter().enumerate() {
        let loose_child = is_inline(e.tag) && !e.sums.has_block;
        if !holds[i]
            && e.sums.solid > 0.0
            && e.parent != NONE
            && holds[e.parent as usize]
            && !loose_child
        {
            dropped.insert(e.node.id);
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    use super::super::table::Flags;

    const FLAGS: Flags = Flags {
        strip_unlikely: false,
        weigh_classes: true,
        clean_conditionally: true,
    };

    /// The units of `html` (nothing selected) with their features.
    fn read(html: &str, check: impl Fn(&Table<'_>, &[Unit], &[[f32; FEATURES]])) {
        let doc = Document::from(html);
        let body = doc.body().unwrap();
        let table = Table::read(&body, doc.tree.len(), FLAGS, None);
        let selected = vec![false; table.elements.len()];
        let units = units(&table, &selected);
        let features = features(&table, &units, 0.0);
        check(&table, &units, &features);
    }

    #[test]
    fn paragraphs_list_items_and_loose_text_are_one_unit_each() {
        read(
            "<body><div>Loose <b>text</b> here<p>A paragraph, with a comma.</p>\
             <ul><li><a href=\"/a\">A link</a></li><li>Item</li></ul></div></body>",
            |table, units, _| {
                let kinds: Vec<(bool, Tag)> = units
                    .iter()
                    .map(|u| (u.loose, table.elements[u.element as usize].tag))
                    .collect();
                assert_eq!(
                    kinds,
                    [
                        (true, Tag::Div),
                        (false, Tag::P),
                        (false, Tag::Li),
                        (false, Tag::Li)
                    ]
                );
            },
        );
    }

    #[test]
    fn a_link_list_item_has_full_link_density_and_sits_in_a_list_in_the_nav() {
        read(
            "<body><nav><ul><li><a href=\"/a\">Home page</a></li></ul></nav>\
             <article><p>Plain words, and more.</p></article></body>",
            |_, units, features| {
                assert_eq!(units.len(), 2);
                let (li, p) = (&features[0], &features[1]);
                assert!((li[2] - 1.0).abs() < 1e-6, "link density {}", li[2]);
                assert_eq!((li[14], li[19], li[13]), (1.0, 1.0, 0.0), "nav, list, article");
                assert_eq!((p[2], p[13], p[14]), (0.0, 1.0, 0.0));
                assert!(p[3] > 0.0, "the comma is counted");
            },
        );
    }

    #[test]
    fn dropping_a_unit_drops_its_node_and_a_container_left_empty() {
        read(
            "<body><div id=\"a\"><p>Kept words here.</p></div>\
             <div id=\"b\"><p>Dropped words here.</p></div></body>",
            |table, units, _| {
                let dropped = dropped_nodes(table, units, &[true, false]);
                let id_of = |tag: Tag, nth: usize| {
                    table
                        .elements
                        .iter()
                        .filter(|e| e.tag == tag)
                        .nth(nth)
                        .map(|e| e.node.id)
                        .unwrap()
                };
                assert!(dropped.contains(&id_of(Tag::P, 1)));
                assert!(dropped.contains(&id_of(Tag::Div, 1)));
                assert!(!dropped.contains(&id_of(Tag::P, 0)));
                assert!(!dropped.contains(&id_of(Tag::Div, 0)));
            },
        );
    }
}
