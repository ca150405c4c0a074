//! Whether a page continues on another page, and where: the address a crawler fetches next
//! for an article split over several pages (or a listing over several screens).
//!
//! Two sources, in order of trust: the `<link rel="next">` the page declares in its head (what
//! search engines read), then a "next" link inside the page's pagination block — an element
//! whose class, id or label says it paginates ("pagination", "pager", "page-numbers",
//! "page-links"), holding a link marked `rel="next"`, a link whose text says next in one of
//! several languages or is a forward arrow, or the link numbered one past the current page.
//! A `rel="next"` link elsewhere is not enough: blog themes put it on the link to the next
//! *post*, which is another article, not the rest of this one. No crate reads pagination;
//! the rule is a few selectors over the tree we already have.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dom_query::{Document, Selection};
use url::Url;

use crate::formats::links::absolute;

/// Words of class names, ids and labels that mark a pagination block.
const PAGINATION_MARKS: [&str; 6] = [
    "paginat",
    "pager",
    "page-numbers",
    "page-links",
    "pagenav",
    "page-nav",
];

/// Words of class names and ids that mark something else that uses a pagination class: links
/// to the adjacent *posts* (other articles), and the dots of an image carousel.
const NOT_PAGINATION_MARKS: [&str; 8] = [
    "post-nav",
    "posts-nav",
    "entry-nav",
    "adjacent",
    "carousel",
    "swiper",
    "slider",
    "slick",
];

/// Link texts that mean "the next page" (lower-cased, arrows and whitespace trimmed).
const NEXT_WORDS: [&str; 16] = [
    "next",
    "next page",
    "older",
    "older posts",
    "more",
    "suivant",
    "page suivante",
    "weiter",
    "nächste",
    "nächste seite",
    "siguiente",
    "próxima",
    "successivo",
    "successiva",
    "volgende",
    "następna",
];

/// Characters a "next" link is often drawn with.
const ARROWS: [char; 6] = ['›', '»', '→', '>', '⟩', '❯'];

/// The longest pagination block (in characters) whose text is taken for page controls; longer
/// ones are a container that happens to carry a pagination class.
const MAX_CONTROLS_CHARS: usize = 120;

/// What a page says of its pagination.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pagination {
    /// The absolute address of the page after this one, if the page says it has one.
    pub next_page: Option<String>,
    /// The page controls' texts (whitespace-normalised), so that a reader that kept them in
    /// the content can drop them: "1 2 3 Next page" is not the article's text.
    pub controls: Vec<String>,
}

/// Reads the page's pagination: the next page's address and the controls' texts.
#[must_use]
pub fn read(doc: &Document, base_url: Option<&str>) -> Pagination {
    let base = base_url.and_then(|b| Url::parse(b).ok());
    let base = base.as_ref();
    let blocks = pagination_blocks(doc);
    let declared = doc
        .select_single("head")
        .select("link[rel][href]")
        .iter()
        .find(|link| has_rel_next(link))
        .and_then(|link| link.attr("href"))
        .and_then(|href| absolute(&href, base));
    let next_page = declared
        .or_else(|| blocks.iter().find_map(|block| next_link_in(block, base)))
        .filter(|next| web_page(next) && Some(next.as_str()) != base_url);
    let controls = blocks
        .iter()
        .map(|block| crate::body::normalize_whitespace(&block.text()))
        .filter(|text| !text.is_empty() && text.chars().count() <= MAX_CONTROLS_CHARS)
        .collect();
    Pagination {
        next_page,
        controls,
    }
}

/// The pagination marks as one case-insensitive automaton, so that each element's attributes
/// are scanned once.
static MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PAGINATION_MARKS)
        .expect("the pagination marks are valid patterns")
});

/// The elements whose class, id or label carries a pagination mark (and no mark of something
/// else): one walk of the body, allocating only for the few that match.
fn pagination_blocks(doc: &Document) -> Vec<Selection<'_>> {
    let Some(body) = doc.body() else {
        return Vec::new();
    };
    body.descendants_it()
        .filter(|node| {
            node.is_element()
                && ["class", "id", "aria-label"]
                    .iter()
                    .any(|name| node.attr(name).is_some_and(|v| MARKS.is_match(v.as_ref())))
        })
        .map(Selection::from)
        .filter(is_pagination_block)
        .collect()
}

fn has_rel_next(node: &Selection) -> bool {
    node.attr("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("next")))
}

fn is_pagination_block(node: &Selection) -> bool {
    let marks = ["class", "id", "aria-label"]
        .iter()
        .filter_map(|name| node.attr(name))
        .map(|value| value.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    PAGINATION_MARKS.iter().any(|mark| marks.contains(mark))
        && !NOT_PAGINATION_MARKS.iter().any(|mark| marks.contains(mark))
}

/// The next page's link inside one pagination block.
fn next_link_in(block: &Selection, base: Option<&Url>) -> Option<String> {
    let links = block.select("a[href]");
    let resolve = |link: &Selection| link.attr("href").and_then(|h| absolute(&h, base));
    if let Some(link) = links.iter().find(has_rel_next) {
        return resolve(&link);
    }
    if let Some(link) = links.iter().find(says_next) {
        return resolve(&link);
    }
    let current = block
        .select("[aria-current=page], .current, .active, .is-current")
        .iter()
        .find_map(|node| node.text().trim().parse::<u32>().ok())?;
    links
        .iter()
        .find(|link| link.text().trim().parse::<u32>().ok() == Some(current + 1))
        .and_then(|link| resolve(&link))
}

fn says_next(link: &Selection) -> bool {
    let label = link.attr("aria-label").map(|l| l.to_string());
    let text = link.text().to_string();
    [label.as_deref(), Some(text.as_str())]
        .into_iter()
        .flatten()
        .any(|said| {
            let lowered = said.to_lowercase();
            let trimmed = lowered.trim_matches(|c: char| c.is_whitespace() || ARROWS.contains(&c));
            if trimmed.is_empty() {
                // Only an arrow pointing forward.
                return lowered.trim().chars().all(|c| ARROWS.contains(&c)) && !lowered.trim().is_empty();
            }
            NEXT_WORDS.contains(&trimmed)
        })
}

fn web_page(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://news.example.com/2025/11/long-read/";

    fn next_of(html: &str) -> Option<String> {
        read(&Document::from(html), Some(URL)).next_page
    }

    #[test]
    fn a_declared_rel_next_link_gives_the_next_page() {
        let html = r#"<html><head><link rel="next" href="/2025/11/long-read/2/"></head>
            <body><p>Text.</p></body></html>"#;
        assert_eq!(
            next_of(html).as_deref(),
            Some("https://news.example.com/2025/11/long-read/2/")
        );
    }

    #[test]
    fn a_next_link_in_the_pagination_block_gives_the_next_page() {
        let html = r#"<html><body><article><p>Text.</p></article>
            <nav class="pagination"><a href="?page=1">1</a> <span>2</span>
            <a href="?page=3">Next ›</a></nav></body></html>"#;
        assert_eq!(
            next_of(html).as_deref(),
            Some("https://news.example.com/2025/11/long-read/?page=3")
        );
    }

    #[test]
    fn the_page_numbered_after_the_current_one_is_next() {
        let html = r#"<html><body><div class="page-links">
            <span class="current">1</span> <a href="2/">2</a> <a href="3/">3</a>
            </div></body></html>"#;
        assert_eq!(
            next_of(html).as_deref(),
            Some("https://news.example.com/2025/11/long-read/2/")
        );
    }

    #[test]
    fn a_link_to_the_next_post_is_not_a_next_page() {
        let html = r#"<html><body><article><p>Text.</p></article>
            <nav class="navigation post-navigation"><div class="nav-next">
            <a href="/2025/11/another-story/" rel="next">Another story</a></div></nav>
            </body></html>"#;
        assert_eq!(next_of(html), None);
    }

    #[test]
    fn links_to_adjacent_posts_and_carousel_dots_are_not_pagination() {
        let html = r#"<html><body><article><p>Text.</p></article>
            <nav class="post-navigation pagination"><a href="/older-story/">Next</a></nav>
            <div class="adjacent-entry-pagination pagination">
            <div class="pagination-next"><a href="/other/">Next Post</a></div></div>
            <div class="swiper-pagination"><span class="current">1</span><a href="?slide=2">2</a></div>
            </body></html>"#;
        assert_eq!(next_of(html), None);
    }

    #[test]
    fn a_page_without_pagination_has_no_next_page() {
        let html = r#"<html><body><article><p>Next, the minister spoke.</p>
            <a href="/more">Next</a></article></body></html>"#;
        assert_eq!(next_of(html), None);
    }
}
