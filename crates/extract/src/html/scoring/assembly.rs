//! The learned pass's output read the way the scorer reads its own: from the scorer's roots,
//! in document order, with the units the classifier drops left out and the units it adds
//! read from the smallest pieces of the page that hold them. Where the classifier agrees with
//! the scorer on every unit the output is the scorer's, block for block.

use dom_query::{NodeId, NodeRef};
use rustc_hash::{FxHashMap, FxHashSet};

use super::block_features::{Unit, dropped_nodes, is_inline};
use super::table::{NONE, Table};
use super::tags::Tag;
use crate::body::Block;
use crate::html::blocks;

/// What the heuristic scorer chose: the roots of the content in document order and what it
/// left out inside them.
pub(super) struct Choice<'c> {
    pub(super) roots: &'c [NodeId],
    pub(super) left_out: &'c FxHashSet<NodeId>,
}

/// The blocks of the scorer's choice changed by the classifier's decisions (`kept`, one per
/// unit of `table`); `None` when it keeps every unit the scorer selected and adds none (the
/// scorer's own output stands).
pub(super) fn assemble(
    table: &Table<'_>,
    units: &[Unit],
    kept: &[bool],
    choice: &Choice<'_>,
    skip: Option<NodeId>,
) -> Option<Vec<Block>> {
    if units.iter().zip(kept).all(|(u, &k)| u.selected == k) {
        return None;
    }
    let index: FxHashMap<NodeId, u32> = table
        .elements
        .iter()
        .enumerate()
        .map(|(i, e)| (e.node.id, i as u32))
        .collect();
    let root_set: FxHashSet<u32> = choice
        .roots
        .iter()
        .filter_map(|id| index.get(id).copied())
        .collect();
    let in_root = |i: u32| root_set.contains(&i) || table.ancestors(i).any(|a| root_set.contains(&a));
    // The elements that hold a root: a piece read on its own must not be one of them.
    let mut holds_root = vec![false; table.elements.len()];
    for &r in &root_set {
        for a in table.ancestors(r) {
            holds_root[a as usize] = true;
        }
    }
    // What the added units need opened (left-out ancestors inside a root), and the pieces
    // outside the roots that hold them.
    let mut opened: FxHashSet<NodeId> = FxHashSet::default();
    let mut pieces: Vec<u32> = Vec::new();
    for (u, _) in units
        .iter()
        .zip(kept)
        .filter(|&(u, &k)| k && !u.selected)
    {
        let start = if u.loose {
            u.element
        } else {
            table.elements[u.element as usize].parent
        };
        opened.insert(table.elements[u.element as usize].node.id);
        if u.loose {
            opened.extend(table.children(u.element).filter_map(|c| {
                let ce = &table.elements[c as usize];
                (is_inline(ce.tag) && !ce.sums.has_block).then_some(ce.node.id)
            }));
        }
        opened.extend(
            std::iter::once(start)
                .filter(|&s| s != NONE)
                .chain(table.ancestors(start))
                .map(|a| table.elements[a as usize].node.id),
        );
        if in_root(u.element) {
            continue;
        }
        // The unit's highest ancestor that holds no root (the unit itself for a leaf whose
        // parent holds one).
        let mut piece = u.element;
        for a in std::iter::once(start).chain(table.ancestors(start)) {
            if a == NONE || holds_root[a as usize] || table.elements[a as usize].tag == Tag::Body
            {
                break;
            }
            piece = a;
        }
        if u.loose && piece == u.element && holds_root[u.element as usize] {
            // Loose text beside a root: its inline children are the pieces.
            pieces.extend(table.children(u.element).filter(|&c| {
                let ce = &table.elements[c as usize];
                is_inline(ce.tag) && !ce.sums.has_block
            }));
        } else {
            pieces.push(piece);
        }
    }
    let mut dropped = dropped_nodes(table, units, kept);
    // The table's own removals (the title heading, empty containers) stay out.
    dropped.extend(
        table
            .elements
            .iter()
            .filter(|e| e.removed)
            .map(|e| e.node.id),
    );
    let pruned: FxHashSet<NodeId> = table.pruned.iter().copied().chain(skip).collect();
    let keep = |node: &NodeRef<'_>| {
        let id = node.id;
        let left_out = choice.left_out.contains(&id) && !opened.contains(&id);
        node.is_text() && !dropped.contains(&id)
            || !left_out
                && !dropped.contains(&id)
                && !pruned.contains(&id)
                && node
                    .qual_name_ref()
                    .is_none_or(|name| Tag::of(&name.local).is_some())
    };
    let mut starts: Vec<u32> = root_set.into_iter().chain(pieces).collect();
    starts.sort_unstable();
    starts.dedup();
    // A piece inside another piece is read with it.
    let mut outer: Vec<u32> = Vec::with_capacity(starts.len());
    for s in starts {
        let covered = outer
            .last()
            .is_some_and(|&o| table.ancestors(s).any(|a| a == o));
        if !covered {
            outer.push(s);
        }
    }
    let nodes = outer.into_iter().map(|i| table.elements[i as usize].node);
    Some(blocks::blocks_of_nodes(nodes, &keep))
}
