//! The byline: Readability's byline element, else a name that a byline label introduces
//! ("By" <a>Ana Ruiz</a>, a forum's "Thread starter" <a>kelp_diver</a>), and whether an
//! element sits in a comments section.

use dom_query::{Document, NodeData, NodeId, NodeRef};

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
    labelled_name(&body)
}

/// The longest text taken as a byline label ("Thread starter", "Written by:"; characters).
const MAX_LABEL_CHARS: usize = 20;

/// The most words a name after a label has ("The Harbour Desk Team").
const MAX_NAME_WORDS: usize = 6;

/// The longest line (label and name) left out of the content as the byline (characters).
const MAX_LINE_CHARS: usize = 100;

/// Where a byline is never taken from: the site's chrome, and code ("By" as a value in a
/// code sample).
const NOT_BYLINE: [&str; 5] = ["nav", "footer", "aside", "code", "pre"];

/// The first name that a byline label alone in its text introduces, outside the site's chrome
/// and comments: the label's next element ("By <a>Ana Ruiz</a>") or its element's next element
/// (`<span>By</span><span>Ana Ruiz</span>`, a forum's `<span>Thread starter</span>
/// <a>kelp_diver</a>`). Pages that mark neither element as a byline write it this way. The
/// node returned (left out of the content) is the line holding both when it is short, else the
/// name's element.
fn labelled_name(body: &NodeRef<'_>) -> Option<(NodeId, String)> {
    for node in body.descendants_it() {
        // Only a short text node can be a label: it is read in place, without copying the text
        // of every node of the page.
        let Some(label) = node
            .query(|n| match &n.data {
                NodeData::Text { contents } => short_label(contents),
                _ => None,
            })
            .flatten()
        else {
            continue;
        };
        let trimmed = label.as_str();
        let next = node.next_element_sibling().or_else(|| {
            let parent = node.parent()?;
            // The label is its element's whole text.
            (parent.text().trim() == trimmed)
                .then(|| parent.next_element_sibling())
                .flatten()
        });
        let Some(name_node) = next else {
            continue;
        };
        let name = normalized(&name_node.text());
        let words = name.split_whitespace().count();
        // After a one-word label ("By"), a name is capitalised: "By <a>clicking</a> here" is a
        // sentence.
        let lower_case_name = name.chars().next().is_some_and(char::is_lowercase);
        if words == 0
            || (lower_case_name && !trimmed.contains(' '))
            || words > MAX_NAME_WORDS
            || name.chars().filter(|c| c.is_alphabetic()).count() < 2
            || crate::html::date_text::find_first(&name, true).is_some()
            || in_chrome_or_comments(&name_node)
        {
            continue;
        }
        let line = name_node
            .parent()
            .filter(|p| p.text().trim().chars().count() <= MAX_LINE_CHARS);
        return Some((line.map_or(name_node.id, |l| l.id), name));
    }
    None
}

/// A text node's trimmed text when it is a byline label ("By", "Written by:"): short, and
/// [`crate::html::authors::is_label`].
fn short_label(text: &str) -> Option<String> {
    let trimmed = text.trim();
    // Counting stops after the limit: a long paragraph is ruled out at its first characters.
    (!trimmed.is_empty()
        && trimmed.chars().nth(MAX_LABEL_CHARS).is_none()
        && crate::html::authors::is_label(trimmed))
    .then(|| trimmed.to_owned())
}

/// Whether a node sits in the site's navigation, footer or an aside, in code, or in a comments
/// section.
fn in_chrome_or_comments(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None).any(|a| {
        a.node_name()
            .is_some_and(|n| NOT_BYLINE.contains(&n.as_ref()))
            || ["class", "id"].iter().any(|attr| {
                a.attr(attr)
                    .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
            })
    })
}

/// An element's text with a space between the texts of its parts ("By<span>Ana</span>" reads
/// "By Ana").
fn spaced_text(node: &NodeRef<'_>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn byline(html: &str) -> Option<String> {
        byline_element(&Document::from(html)).map(|(_, name)| name)
    }

    #[test]
    fn a_name_after_a_by_label_is_the_byline() {
        assert_eq!(
            byline("<body><h1>Lanterns</h1><p>By <a href=\"/p/ana\">Ana Ruiz</a></p><p>Text.</p></body>")
                .as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            byline("<body><div><span>Written by</span><span>Li Wei</span></div></body>").as_deref(),
            Some("Li Wei")
        );
    }

    #[test]
    fn a_by_label_after_long_paragraphs_is_still_found_and_by_inside_a_sentence_is_not_a_label() {
        let lead = "The harbour lanterns were lit again by the quay. ".repeat(60);
        let html = format!(
            "<body><p>{lead}</p><p>By the quay, <a href=\"/x\">Harbour Office</a></p>\
             <div><span>By</span> <a href=\"/p/li\">Li Wei</a></div></body>"
        );
        assert_eq!(byline(&html).as_deref(), Some("Li Wei"));
    }

    #[test]
    fn a_forum_thread_starter_is_the_byline() {
        let html = "<body><ul><li><span class=\"sr\">Thread starter</span> \
                    <a href=\"/members/kelp_diver.12/\">kelp_diver</a></li></ul></body>";
        assert_eq!(byline(html).as_deref(), Some("kelp_diver"));
    }

    #[test]
    fn by_in_a_code_sample_is_no_byline() {
        assert_eq!(
            byline("<body><code><span>Ax</span> <span>By</span> <span>Cz</span></code></body>"),
            None
        );
    }

    #[test]
    fn a_lower_case_word_after_by_is_a_sentence_not_a_byline() {
        assert_eq!(byline("<body><p>By <a href=\"/t\">clicking here</a> you agree.</p></body>"), None);
    }

    #[test]
    fn a_label_before_a_date_in_a_comment_or_in_the_footer_gives_no_byline() {
        assert_eq!(byline("<body><p>By <time>March 3, 2024</time></p></body>"), None);
        assert_eq!(
            byline("<body><div class=\"comments\"><p>By <b>Jo Park</b></p></div></body>"),
            None
        );
        assert_eq!(
            byline("<body><footer><p>By <a>Site Team</a></p></footer></body>"),
            None
        );
    }
}
