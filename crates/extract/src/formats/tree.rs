//! The blocks back into the containers they sat in (lists, items, quotes, tables), from the
//! container path each block records: consecutive blocks that share a container share its node.

use crate::body::{Block, Container, ContainerKind};

/// A block, or a container with its children in order.
#[derive(Debug)]
pub enum Node<'b> {
    Block(&'b Block),
    Container(ContainerKind, Vec<Node<'b>>),
}

/// The blocks as a forest of containers, in reading order.
#[must_use]
pub fn build(blocks: &[Block]) -> Vec<Node<'_>> {
    let mut root = Vec::new();
    let mut open: Vec<(Container, Vec<Node<'_>>)> = Vec::new();
    for block in blocks {
        let path = &block.markup.path;
        let shared = open
            .iter()
            .zip(path)
            .take_while(|((container, _), on_path)| container.id == on_path.id)
            .count();
        while open.len() > shared {
            close(&mut open, &mut root);
        }
        open.extend(path[shared..].iter().map(|c| (*c, Vec::new())));
        match open.last_mut() {
            Some((_, children)) => children.push(Node::Block(block)),
            None => root.push(Node::Block(block)),
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut root);
    }
    root
}

fn close<'b>(open: &mut Vec<(Container, Vec<Node<'b>>)>, root: &mut Vec<Node<'b>>) {
    if let Some((container, children)) = open.pop() {
        let node = Node::Container(container.kind, children);
        match open.last_mut() {
            Some((_, parent)) => parent.push(node),
            None => root.push(node),
        }
    }
}

/// Every block under `nodes`, in order.
pub fn blocks_under<'b>(nodes: &[Node<'b>], out: &mut Vec<&'b Block>) {
    for node in nodes {
        match node {
            Node::Block(block) => out.push(block),
            Node::Container(_, children) => blocks_under(children, out),
        }
    }
}

/// A data table's rows of cells (each cell its blocks, placed at its column), when the table
/// holds only rows of plain-paragraph cells and has at least two columns; `None` for a layout
/// table (headings, lists, quotes or tables inside cells), which renders as its paragraphs.
#[must_use]
pub fn table_rows<'b>(children: &[Node<'b>]) -> Option<Vec<Vec<Vec<&'b Block>>>> {
    let mut rows = Vec::new();
    let mut columns = 0;
    for child in children {
        let Node::Container(ContainerKind::Row, cells) = child else {
            return None;
        };
        let mut row: Vec<Vec<&Block>> = Vec::new();
        for cell in cells {
            let Node::Container(ContainerKind::Cell { column, .. }, content) = cell else {
                return None;
            };
            let mut blocks = Vec::new();
            for node in content {
                match node {
                    Node::Block(block)
                        if block.kind == crate::body::BlockKind::Paragraph
                            && !block.markup.code =>
                    {
                        blocks.push(*block);
                    }
                    _ => return None,
                }
            }
            let column = usize::from(*column).max(row.len());
            row.resize(column, Vec::new());
            row.push(blocks);
        }
        columns = columns.max(row.len());
        rows.push(row);
    }
    (columns >= 2).then_some(rows)
}
