//! Streamed server rendering put in place: a React page sent in chunks ("streaming SSR",
//! Next.js and every React 18+ framework) holds its late parts in `<div hidden id="S:n">` at the
//! end of the body, and a script moves each into its place, a `<template id="B:n">` (a Suspense
//! boundary, whose fallback — a spinner, a skeleton — it removes) or a `<template id="P:n">` (a
//! segment). Without scripts the article text sits in a hidden element, which every reader
//! skips: the page had no text at all, or only its shell. This does what the scripts do
//! (React's `$RC` and `$RS`), on the parsed tree, before the page is read.
//!
//! Hand-written because no HTML crate runs page scripts, and running them would be far more
//! than this needs: the markers are React's own, stable since React 18. The scripts' arguments
//! are not read (their contents are cut before parsing); React gives a segment the number of
//! its boundary, so `S:n` goes to `B:n`, else to `P:n`.

use std::collections::HashMap;

use dom_query::{Document, NodeData, NodeRef};

/// The comment that opens a Suspense boundary's content (`$`, `$?` pending, `$!` failed).
fn opens_boundary(contents: &str) -> bool {
    matches!(contents, "$" | "$?" | "$!")
}

/// The comment that closes a Suspense boundary.
const CLOSES_BOUNDARY: &str = "/$";

/// Moves every streamed part of `doc` into its place; returns how many were moved.
pub fn put_in_place(doc: &Document) -> usize {
    let parts: Vec<NodeRef<'_>> = doc
        .select("div[hidden][id^='S:']")
        .nodes()
        .iter()
        .filter(|n| n.id_attr().is_some_and(|id| is_part_id(&id, 'S')))
        .copied()
        .collect();
    if parts.is_empty() {
        return 0;
    }
    let places: HashMap<String, NodeRef<'_>> = doc
        .select("template[id]")
        .nodes()
        .iter()
        .filter_map(|n| {
            let id = n.id_attr()?.to_string();
            (is_part_id(&id, 'B') || is_part_id(&id, 'P')).then_some((id, *n))
        })
        .collect();
    let mut moved = 0;
    for part in parts {
        let Some(number) = part.id_attr().map(|id| id[2..].to_owned()) else {
            continue;
        };
        if let Some(boundary) = places.get(&format!("B:{number}")) {
            remove_fallback(boundary);
            move_children_before(&part, boundary);
        } else if let Some(segment) = places.get(&format!("P:{number}")) {
            move_children_before(&part, segment);
        } else {
            continue;
        }
        part.remove_from_parent();
        moved += 1;
    }
    moved
}

/// `S:12`, `B:0`, `P:a` (React numbers in base 36).
fn is_part_id(id: &str, prefix: char) -> bool {
    let mut chars = id.chars();
    chars.next() == Some(prefix)
        && chars.next() == Some(':')
        && id.len() > 2
        && id[2..].chars().all(|c| c.is_ascii_alphanumeric())
}

/// The part's children moved before `place`, and `place` removed.
fn move_children_before(part: &NodeRef<'_>, place: &NodeRef<'_>) {
    for child in part.children() {
        place.insert_before(&child);
    }
    place.remove_from_parent();
}

/// The boundary's fallback: the siblings after its template up to the comment that closes the
/// boundary (nested boundaries inside the fallback go with it).
fn remove_fallback(template: &NodeRef<'_>) {
    let mut depth = 0usize;
    let mut next = template.next_sibling();
    while let Some(node) = next {
        next = node.next_sibling();
        if let Some(comment) = comment_text(&node) {
            if opens_boundary(&comment) {
                depth += 1;
            } else if comment == CLOSES_BOUNDARY {
                if depth == 0 {
                    return;
                }
                depth -= 1;
            }
        }
        node.remove_from_parent();
    }
}

/// The contents of a comment node.
fn comment_text(node: &NodeRef<'_>) -> Option<String> {
    node.query(|n| match &n.data {
        NodeData::Comment { contents } => Some(contents.to_string()),
        _ => None,
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the test pages' leaf elements, in document order.
    fn body_text(doc: &Document) -> String {
        doc.select("h1, p, aside, article, footer")
            .iter()
            .map(|n| n.text().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_completed_boundary_replaces_its_fallback_with_the_streamed_content() {
        let doc = Document::from(
            "<body><h1>Title</h1><!--$?--><template id=\"B:0\"></template>\
             <p>Loading…</p><!--/$--><footer>Foot</footer>\
             <div hidden id=\"S:0\"><p>First paragraph.</p><p>Second.</p></div></body>",
        );
        assert_eq!(put_in_place(&doc), 1);
        assert_eq!(body_text(&doc), "Title First paragraph. Second. Foot");
        assert!(!doc.select("[hidden]").exists());
        assert!(!doc.select("template").exists());
    }

    #[test]
    fn a_segment_takes_the_place_of_its_placeholder() {
        let doc = Document::from(
            "<body><main><template id=\"P:a\"></template><aside>Side</aside></main>\
             <div hidden id=\"S:a\"><article>Story text.</article></div></body>",
        );
        assert_eq!(put_in_place(&doc), 1);
        assert_eq!(body_text(&doc), "Story text. Side");
    }

    #[test]
    fn nested_boundaries_are_filled_whatever_order_the_parts_come_in() {
        let doc = Document::from(
            "<body><!--$?--><template id=\"B:0\"></template><p>Wait</p><!--/$-->\
             <div hidden id=\"S:1\"><p>Inner.</p></div>\
             <div hidden id=\"S:0\"><p>Outer.</p><!--$?--><template id=\"B:1\"></template>\
             <!--$--><p>nested fallback</p><!--/$--><p>spinner</p><!--/$--><p>After.</p></div></body>",
        );
        assert_eq!(put_in_place(&doc), 2);
        assert_eq!(body_text(&doc), "Outer. Inner. After.");
    }

    #[test]
    fn a_hidden_element_that_is_no_streamed_part_stays_hidden() {
        let doc = Document::from(
            "<body><p>Text.</p><div hidden id=\"S:0\"><p>Orphan.</p></div>\
             <div hidden id=\"Summary\"><p>Secret.</p></div></body>",
        );
        assert_eq!(put_in_place(&doc), 0);
        assert_eq!(doc.select("[hidden]").length(), 2);
    }

    #[test]
    fn a_streamed_article_is_read_where_the_script_would_have_put_it() {
        let paragraph = "The council voted on Tuesday to extend the night bus network to the \
                         northern districts, after a year of petitions from shift workers who \
                         said the last train left them stranded.";
        let html = format!(
            "<html><body><header><a href=\"/\">Home</a></header><main><h1>Night buses</h1>\
             <!--$?--><template id=\"B:0\"></template><div class=\"skeleton\">Loading</div>\
             <!--/$--></main><footer>About us</footer><div hidden id=\"S:0\"><article>\
             <p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p></article></div></body></html>"
        );
        let body = crate::html::read(&html, None);
        let text = body.text();
        assert!(text.contains("extend the night bus network"), "{text}");
        assert!(!text.contains("Loading"), "{text}");
    }
}
