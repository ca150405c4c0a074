//! The byline: Readability's byline element, and whether an element sits in a comments section.

use dom_query::{Document, NodeId};

use super::vocabulary::{BYLINE_WORD, normalized, word_groups};

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
        // An element holding only a label ("By", "Author:") is not the byline.
        if !crate::html::authors::is_label(&spaced_text(&node)) {
            return Some((node.id, normalized(&name)));
        }
    }
    None
}

/// An element's text with a space between the texts of its parts ("By<span>Ana</span>" reads
/// "By Ana").
fn spaced_text(node: &dom_query::NodeRef<'_>) -> String {
    let mut text = String::new();
    for part in node.descendants_it().filter(dom_query::NodeRef::is_text) {
        text.push_str(&part.text());
        text.push(' ');
    }
    text
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
