//! Publication and modification dates a page declares outside the places
//! [`super::metadata`] reads first (the article's own JSON-LD object and the usual meta tags):
//! meta tags under any name that says "publication date" (`cxenseparse:publishtime`,
//! `og:publish_date`, `citation_publication_date`, `w-published-date`, …), and JSON-LD objects
//! other than the article (a forum thread's `DiscussionForumPosting`, a `VideoObject`'s
//! `uploadDate`, a `WebPage` beside an undated `Article`).
//!
//! Read by [`super::dates`] only when the usual places give no date, so they rank below them in
//! its order of trust. Names are matched by their words rather than listed one by one: the
//! variants are many (21 different publication-date names on `wcxb-dev` alone) and all say the
//! same thing.

use dom_query::Document;
use serde_json::Value;

use super::metadata::{has_type, normalize_date};

/// Words of a meta name that say it holds the publication (lower case; the name is split at
/// `:`, `.`, `-` and `_`, so a run-together name such as `PublishedDate` is one word).
const PUBLISHED_WORDS: [&str; 8] = [
    "publish",
    "published",
    "publishtime",
    "publishdate",
    "publisheddate",
    "publication",
    "pub",
    "pubdate",
];

/// Words of a meta name that say it holds a date or time.
const DATE_WORDS: [&str; 5] = ["date", "time", "at", "publishtime", "pubdate"];

/// Words of a meta name that say it holds the modification.
const MODIFIED_WORDS: [&str; 5] = [
    "modified",
    "updated",
    "lastmodifieddate",
    "modifieddate",
    "lastmodified",
];

/// JSON-LD (and microdata) types whose date, and the dates inside them, are not the page's:
/// comments, answers and reviews by readers, offers, events, people and organisations, lists
/// of other pages.
pub const FOREIGN_TYPES: [&str; 12] = [
    "ItemList",
    "BreadcrumbList",
    "Comment",
    "Answer",
    "Review",
    "Offer",
    "Event",
    "Person",
    "Organization",
    "Product",
    "Rating",
    "AggregateRating",
];

/// The publication date of a meta tag named for it in a way [`super::metadata`] does not list.
#[must_use]
pub fn published_in_meta(doc: &Document) -> Option<String> {
    meta_date(doc, |words| {
        let says_published = words
            .iter()
            .any(|w| PUBLISHED_WORDS.contains(w) || w.starts_with("publi"));
        let says_date = words.iter().any(|w| says_date_or_time(w));
        says_published && says_date && !words.iter().any(|w| MODIFIED_WORDS.contains(w))
    })
}

/// The modification date of a meta tag named for it in a way [`super::metadata`] does not
/// list (`modified-date`, `updated_at`, `lastmodifieddate`).
#[must_use]
pub fn modified_in_meta(doc: &Document) -> Option<String> {
    meta_date(doc, |words| {
        let says_date = words.iter().any(|w| says_date_or_time(w));
        words.iter().any(|w| MODIFIED_WORDS.contains(w)) && says_date
    })
}

/// Whether one word of a meta name says it holds a date or time ("date", "publishtime",
/// "publisheddate").
fn says_date_or_time(word: &str) -> bool {
    DATE_WORDS.contains(&word)
        || word.ends_with("date") && !word.ends_with("update")
        || word.ends_with("time")
}

/// The first meta tag whose name's words satisfy `named` and whose content is a date.
fn meta_date(doc: &Document, named: impl Fn(&[&str]) -> bool) -> Option<String> {
    doc.select("meta").nodes().iter().find_map(|tag| {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| tag.attr(a))?
            .to_ascii_lowercase();
        let words: Vec<&str> = key
            .split([':', '.', '-', '_', ' '])
            .filter(|w| !w.is_empty())
            .collect();
        if !named(&words) {
            return None;
        }
        tag.attr("content").as_deref().and_then(normalize_date)
    })
}

/// The first `datePublished`, `dateCreated` or `uploadDate` of a JSON-LD object that is not a
/// comment, a review, an offer or another object whose date is not the page's, searched
/// through arrays, `@graph` and the objects that stand for the page ([`SAME_PAGE_KEYS`]: a
/// `WebPage`'s `mainEntity`).
#[must_use]
pub fn published_in_json_ld(doc: &Document) -> Option<String> {
    doc.select("script[type='application/ld+json']")
        .nodes()
        .iter()
        .find_map(|script| {
            let text = script.text();
            let text = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            let value = serde_json::from_str::<Value>(text).ok()?;
            first_date(&value, 0)
        })
}

/// How deep nested JSON-LD objects are searched.
const MAX_DEPTH: usize = 6;

/// The properties whose objects stand for the page itself (an object's other properties —
/// `relatedLink`, `citation`, `isPartOf`, `hasPart`, `comment` — name other works).
const SAME_PAGE_KEYS: [&str; 5] = [
    "@graph",
    "mainEntity",
    "mainEntityOfPage",
    "video",
    "associatedMedia",
];

fn first_date(value: &Value, depth: usize) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| first_date(v, depth + 1)),
        Value::Object(map) => {
            if has_type(map, &FOREIGN_TYPES) {
                return None;
            }
            ["datePublished", "dateCreated", "uploadDate"]
                .iter()
                .find_map(|k| map.get(*k).and_then(date_value))
                .or_else(|| {
                    SAME_PAGE_KEYS
                        .iter()
                        .find_map(|k| map.get(*k).and_then(|v| first_date(v, depth + 1)))
                })
        }
        _ => None,
    }
}

/// A JSON-LD date given as a string, an array of strings or a `{"@value": …}` object.
fn date_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => normalize_date(s),
        Value::Array(items) => items.iter().find_map(date_value),
        Value::Object(map) => map.get("@value").and_then(date_value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_names_that_say_publication_date_are_read_and_modification_names_are_not() {
        let page = |name: &str| {
            Document::from(format!(
                r#"<head><meta name="{name}" content="2025-05-27T06:03:43Z"></head>"#
            ))
        };
        for name in [
            "w-published-date",
            "cXenseParse:publishtime",
            "og:publish_date",
            "citation_publication_date",
            "published_at",
            "PublishedDate",
        ] {
            assert_eq!(
                published_in_meta(&page(name)).as_deref(),
                Some("2025-05-27T06:03:43Z"),
                "{name}"
            );
        }
        for name in [
            "last-modified-date",
            "publisher",
            "published-updated-time",
            "publish-update",
            "date",
        ] {
            assert_eq!(published_in_meta(&page(name)), None, "{name}");
        }
        assert_eq!(
            modified_in_meta(&page("modified-date")).as_deref(),
            Some("2025-05-27T06:03:43Z")
        );
    }

    #[test]
    fn a_forum_thread_or_video_object_dates_the_page_but_a_comment_or_review_does_not() {
        let page = |json: &str| {
            Document::from(format!(
                r#"<head><script type="application/ld+json">{json}</script></head>"#
            ))
        };
        let thread = r#"{"@type":"DiscussionForumPosting","headline":"Kettles?","datePublished":"2024-01-10T17:47:16+00:00",
            "comment":[{"@type":"Comment","dateCreated":"2024-01-11T10:00:00Z"}]}"#;
        assert_eq!(
            published_in_json_ld(&page(thread)).as_deref(),
            Some("2024-01-10T17:47:16Z")
        );
        let video = r#"{"@graph":[{"@type":"WebSite","name":"Tide"},{"@type":"VideoObject","uploadDate":["2023-06-02"]}]}"#;
        assert_eq!(published_in_json_ld(&page(video)).as_deref(), Some("2023-06-02"));
        let reviews_only = r#"{"@type":"Product","name":"Kettle","review":{"@type":"Review","datePublished":"2022-02-02"}}"#;
        assert_eq!(published_in_json_ld(&page(reviews_only)), None);
    }
}
