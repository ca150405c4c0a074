//! A byte-level pass over HTML that enforces the node-count and depth limits before the parser
//! runs. Hand-written because the limits must hold *before* the tree is built: html5ever checks
//! "element in scope" against the whole stack of open elements, so a page of 100,000 nested
//! `<div>`s costs quadratic time inside the parser, and no parser crate offers such a guard.
//!
//! Depth is an upper-bound estimate: elements whose end tag is optional (`p`, `li`, `td`, …) and
//! void elements never count, so ordinary pages stay far below the limit.

use super::error::ExtractError;

/// Elements with no end tag.
const VOID: [&[u8]; 14] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr", b"param",
];

/// Elements whose end tag may be omitted; they are closed implicitly and so are not counted.
const OPTIONAL_END: [&[u8]; 14] = [
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"rt",
    b"rp",
];

/// Elements whose content is raw text: the scan jumps to their end tag.
const RAW_TEXT: [&[u8]; 5] = [b"script", b"style", b"textarea", b"title", b"xmp"];

/// Checks `html` against the limits without building a tree.
///
/// # Errors
/// [`ExtractError::HtmlTooManyNodes`] or [`ExtractError::HtmlTooDeep`].
pub fn check_limits(html: &[u8], max_nodes: usize, max_depth: usize) -> Result<(), ExtractError> {
    let mut nodes = 0usize;
    let mut depth = 0usize;
    let mut i = 0usize;
    let n = html.len();
    while let Some(offset) = memchr(b'<', &html[i..]) {
        i += offset + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            i = find(&html[i + 3..], b"-->").map_or(n, |p| i + 3 + p + 3);
            continue;
        }
        let closing = html[i] == b'/';
        let start = if closing { i + 1 } else { i };
        let name_len = html[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !html[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..start + name_len];
        let is = |list: &[&[u8]]| list.iter().any(|t| t.eq_ignore_ascii_case(name));
        i = start + name_len;
        let counted = !is(&VOID) && !is(&OPTIONAL_END);
        if closing {
            if counted {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        nodes += 1;
        if nodes > max_nodes {
            return Err(ExtractError::HtmlTooManyNodes { limit: max_nodes });
        }
        let tag_end = memchr(b'>', &html[i..]).map_or(n, |p| i + p + 1);
        let self_closing = tag_end >= 2 && html[tag_end - 2] == b'/';
        i = tag_end;
        if is(&RAW_TEXT) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            i = find_ignore_case(&html[i..], &end_tag).map_or(n, |p| i + p);
            continue;
        }
        if counted && !self_closing {
            depth += 1;
            if depth > max_depth {
                return Err(ExtractError::HtmlTooDeep { limit: max_depth });
            }
        }
    }
    Ok(())
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// `needle` starts with `<`: jumps from one `<` to the next instead of testing every window.
fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(p) = memchr::memchr(needle[0], &haystack[at..]) {
        let start = at + p;
        if haystack
            .get(start..start + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_page_passes() {
        let html =
            b"<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src=x></div></body></html>";
        assert_eq!(check_limits(html, 100, 5), Ok(()));
    }

    #[test]
    fn deeply_nested_divs_are_refused() {
        let html = "<div>".repeat(100_000);
        assert_eq!(
            check_limits(html.as_bytes(), 1_000_000, 512),
            Err(ExtractError::HtmlTooDeep { limit: 512 })
        );
    }

    #[test]
    fn too_many_elements_are_refused() {
        let html = "<span></span>".repeat(101);
        assert_eq!(
            check_limits(html.as_bytes(), 100, 512),
            Err(ExtractError::HtmlTooManyNodes { limit: 100 })
        );
    }

    #[test]
    fn tags_inside_scripts_and_comments_do_not_count() {
        let html = b"<script>for(;;){'<div><div><div>'}</script><!-- <div><div> --><p>x</p>";
        assert_eq!(check_limits(html, 2, 1), Ok(()));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let html = "<p>para".repeat(5_000);
        assert_eq!(check_limits(html.as_bytes(), 10_000, 16), Ok(()));
    }
}
