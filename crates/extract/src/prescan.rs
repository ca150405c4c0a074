//! A byte-level pass over HTML that enforces the node-count and depth limits before the parser
//! runs. Hand-written because the limits must hold *before* the tree is built: html5ever checks
//! "element in scope" against the whole stack of open elements, so a page of 100,000 nested
//! `<div>`s costs quadratic time inside the parser, and no parser crate offers such a guard.
//!
//! Depth is an upper-bound estimate: elements whose end tag is optional (`p`, `li`, `td`, …) and
//! void elements never count, so ordinary pages stay far below the limit.
//!
//! The same pass marks the contents of `<script>` and `<style>` elements, which no reader uses
//! (JSON-LD scripts excepted): on news pages they are about 45% of the bytes, and the parser
//! tokenises them character by character. [`without_inert`] cuts them out before the parse,
//! leaving the elements themselves in place, so the tree has the same shape and the same text.

use std::borrow::Cow;
use std::ops::Range;

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

/// What the scan found: the byte ranges of script and style contents nothing reads.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    pub inert: Vec<Range<usize>>,
}

/// Checks `html` against the limits without building a tree, and marks the inert contents [`without_inert`] removes.
///
/// # Errors
/// [`ExtractError::HtmlTooManyNodes`] or [`ExtractError::HtmlTooDeep`].
pub fn scan(html: &[u8], max_nodes: usize, max_depth: usize) -> Result<Scan, ExtractError> {
    let mut found = Scan::default();
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
        let attributes_start = i;
        let tag_end = memchr(b'>', &html[i..]).map_or(n, |p| i + p + 1);
        let self_closing = tag_end >= 2 && html[tag_end - 2] == b'/';
        i = tag_end;
        if is(&RAW_TEXT) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            let content = i;
            i = find_ignore_case(&html[i..], &end_tag).map_or(n, |p| i + p);
            if i < n && is_inert(name, &html[attributes_start..content], &html[content..i]) {
                found.inert.push(content..i);
            }
            continue;
        }
        if counted && !self_closing {
            depth += 1;
            if depth > max_depth {
                return Err(ExtractError::HtmlTooDeep { limit: max_depth });
            }
        }
    }
    Ok(found)
}

/// Whether a raw-text element's content can go: a script that is not JSON-LD, or a style sheet.
/// A script holding `<!--` keeps its content, since the parser's escaped states may end it at
/// another `</script>` than the first.
fn is_inert(name: &[u8], attributes: &[u8], content: &[u8]) -> bool {
    if name.eq_ignore_ascii_case(b"style") {
        return true;
    }
    name.eq_ignore_ascii_case(b"script")
        && !attributes
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
        && find(content, b"<!--").is_none()
}

/// `html` without the inert ranges of its [`Scan`] (which must come from this same text).
#[must_use]
pub fn without_inert<'a>(html: &'a str, scan: &Scan) -> Cow<'a, str> {
    if scan.inert.is_empty() {
        return Cow::Borrowed(html);
    }
    let removed: usize = scan.inert.iter().map(ExactSizeIterator::len).sum();
    let mut kept = String::with_capacity(html.len() - removed);
    let mut from = 0;
    for range in &scan.inert {
        // Ranges start after a `>` and end at a `<`: always on character boundaries.
        kept.push_str(&html[from..range.start]);
        from = range.end;
    }
    kept.push_str(&html[from..]);
    Cow::Owned(kept)
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

    fn check_limits(html: &[u8], max_nodes: usize, max_depth: usize) -> Result<(), ExtractError> {
        scan(html, max_nodes, max_depth).map(drop)
    }

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

    fn stripped(html: &str) -> String {
        let scan = scan(html.as_bytes(), 1000, 100).unwrap();
        without_inert(html, &scan).into_owned()
    }

    #[test]
    fn script_and_style_contents_are_cut_and_their_elements_kept() {
        assert_eq!(
            stripped(
                "<head><STYLE>p{x:y}</STYLE><script src=a.js>var a = '<p>';</SCRIPT></head><p>Text"
            ),
            "<head><STYLE></STYLE><script src=a.js></SCRIPT></head><p>Text"
        );
    }

    #[test]
    fn json_ld_and_escaped_scripts_are_kept_whole() {
        let html = r#"<script type="application/LD+JSON">{"headline":"H"}</script><script><!--<script></script>--></script><p>T"#;
        assert_eq!(stripped(html), html);
    }

    #[test]
    fn script_tags_inside_comments_and_unclosed_scripts_are_left_alone() {
        let html = "<!-- <script> --><p>Kept</p><script>never closed <p>";
        assert_eq!(stripped(html), html);
    }

    #[test]
    fn multibyte_text_around_cut_scripts_stays_whole() {
        assert_eq!(
            stripped("<p>Ærø «x»</p><script>é</script><p>日本</p>"),
            "<p>Ærø «x»</p><script></script><p>日本</p>"
        );
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_depth() {
        let html = "<p>para".repeat(5_000);
        assert_eq!(check_limits(html.as_bytes(), 10_000, 16), Ok(()));
    }
}
