//! The learned pass over the whole page: every text block of the body is classified as content
//! or not by the block model, with the heuristic scorer's choice among its features, and the
//! kept blocks are read in document order.

use dom_query::{NodeId, NodeRef};
use rustc_hash::FxHashSet;

use super::block_features::{dropped_nodes, features, units};
use super::block_model::{self, BlockModel, Sample};
use super::table::{Flags, NONE, Table};
use super::tags::Tag;
use crate::body::Block;
use crate::html::blocks;

/// What the heuristic scorer chose: the roots of the content and what it left out inside them.
pub(super) struct Choice<'c> {
    pub(super) roots: &'c FxHashSet<NodeId>,
    pub(super) left_out: &'c FxHashSet<NodeId>,
}

/// The blocks the `model` keeps on the page (`None` when it keeps none, without a model, or on
/// a page that reads as an article past the model's gate); a sample collection under way gets
/// every unit's features and text.
pub(super) fn learned_blocks(
    body: &NodeRef<'_>,
    nodes: usize,
    title: &str,
    skip: Option<NodeId>,
    choice: &Choice<'_>,
    model: Option<&BlockModel>,
) -> Option<Vec<Block>> {
    let flags = Flags {
        strip_unlikely: false,
        weigh_classes: true,
        clean_conditionally: true,
    };
    let mut table = Table::read(body, nodes, flags, skip);
    table.remove_title_heading(title);
    let mut selected = vec![false; table.elements.len()];
    for (i, e) in table.elements.iter().enumerate() {
        let inherited =
            choice.roots.contains(&e.node.id) || (e.parent != NONE && selected[e.parent as usize]);
        selected[i] = inherited && !choice.left_out.contains(&e.node.id);
    }
    let readable = table.readable_score(1000.0);
    if !block_model::collecting() && model.is_none_or(|m| readable >= m.gate) {
        return None;
    }
    let units = units(&table, &selected);
    let features = features(&table, &units, readable);
    if block_model::collecting() {
        let samples = units
            .iter()
            .zip(&features)
            .map(|(u, f)| Sample {
                features: *f,
                selected: u.selected,
                text: unit_text(&table, u.element, u.loose),
            })
            .collect();
        block_model::deliver(samples);
    }
    let model = model?;
    let kept: Vec<bool> = units
        .iter()
        .zip(&features)
        .map(|(u, f)| model.keeps(f, u.selected))
        .collect();
    if !kept.contains(&true) {
        return None;
    }
    let dropped = dropped_nodes(&table, &units, &kept);
    let pruned: FxHashSet<NodeId> = table.pruned.iter().copied().chain(skip).collect();
    let keep = |node: &NodeRef<'_>| {
        !dropped.contains(&node.id)
            && !pruned.contains(&node.id)
            && node
                .qual_name_ref()
                .is_none_or(|name| Tag::of(&name.local).is_some())
    };
    Some(blocks::blocks_of_nodes(body.children_it(false), &keep))
}

/// A unit's text: the leaf block's, or the container's loose text.
fn unit_text(table: &Table<'_>, element: u32, loose: bool) -> String {
    let e = &table.elements[element as usize];
    if !loose {
        return e.node.text().to_string();
    }
    let mut text = String::new();
    for c in table.children(element) {
        let ce = &table.elements[c as usize];
        if matches!(
            ce.tag,
            Tag::Text | Tag::Phrasing | Tag::Span | Tag::A | Tag::Br | Tag::Code
        ) && !ce.sums.has_block
        {
            text.push_str(&ce.node.text());
            text.push(' ');
        }
    }
    text
}
