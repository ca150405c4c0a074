//! Page metadata from markup, in order of trust: JSON-LD (`NewsArticle`, `Article`, …, also
//! inside `@graph`), then meta tags (Open Graph, `article:*`, Dublin Core, Parse.ly, plain
//! `name=…`), then `<time datetime>`, then date patterns in the URL. Dates are normalised to
//! RFC 3339 with chrono. Hand-written on top of `dom_query` and `serde_json`: the Readability port
//! we use reads only a few of these fields, and no crate covers the rest.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat};
use dom_query::{Document, Matcher};
use serde_json::Value;

use crate::body::{PageMetadata, normalize_whitespace};

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: [&str; 10] = [
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "WebPage",
];

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default)]
struct JsonLd {
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    keywords: Vec<String>,
    sections: Vec<String>,
    image: Option<String>,
    publisher: Option<String>,
    description: Option<String>,
    headline: Option<String>,
    body: Option<String>,
    /// An article type other than `WebPage` was found.
    is_article: bool,
    /// A `Product` (or `ProductGroup`) object was found, at the top or in a `@graph`.
    is_product: bool,
}

/// Reads all metadata the page declares. Dates the page only shows (next to the headline, in its
/// URL) are added by [`super::dates`].
#[must_use]
pub fn read(doc: &Document) -> PageMetadata {
    let ld = json_ld(doc);
    // One pass over the meta tags instead of one tree walk per selector.
    let mut tags_by_key: HashMap<String, Vec<String>> = HashMap::new();
    for tag in &doc.select("meta") {
        let Some(content) = tag
            .attr("content")
            .map(|c| normalize_whitespace(&c))
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = tag.attr(attr) {
                tags_by_key
                    .entry(key.trim().to_ascii_lowercase())
                    .or_default()
                    .push(content.clone());
            }
        }
    }
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| tags_by_key.get(*k)?.first().cloned())
    };
    // The first of `keys` whose value reads as a date: a tag that holds something else ("01/07/16"
    // under `date`) leaves the next one its turn.
    let meta_date = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| tags_by_key.get(*k)?.iter().find_map(|v| normalize_date(v)))
    };
    let meta_all = |key: &str| -> Vec<String> { tags_by_key.get(key).cloned().unwrap_or_default() };

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        authors = [
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
        ]
        .iter()
        .flat_map(|sel| meta_all(sel))
        .filter(|a| !a.starts_with("http") && a.chars().any(char::is_alphabetic))
        .collect();
    }
    if authors.is_empty() {
        authors = labelled_author(&tags_by_key).into_iter().collect();
    }
    if authors.is_empty() {
        authors = author_attribute(doc).into_iter().collect();
    }
    if authors.is_empty() {
        authors = microdata_author(doc).into_iter().collect();
    }
    for author in &mut authors {
        let unquoted = author.trim_matches(|c| matches!(c, '"' | '“' | '”'));
        if unquoted.len() < author.len() {
            *author = unquoted.trim().to_owned();
        }
    }
    authors.retain(|a| !a.is_empty());
    dedup(&mut authors);

    let canonical_url = doc
        .select_single("link[rel='canonical']")
        .attr("href")
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .or_else(|| meta(&["og:url"]));

    let published_at = ld
        .published
        .as_deref()
        .and_then(normalize_date)
        .or_else(|| {
            meta_date(&[
                "article:published_time",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "date",
                "og:published_time",
                "published-date",
                "publication-date",
                "published",
            ])
        })
        .or_else(|| meta_date(&["dc.date", "dcterms.date", "dcterms.created", "dc.date.created"]));

    let modified_at = ld.modified.as_deref().and_then(normalize_date).or_else(|| {
        meta_date(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "last-modified",
            "dcterms.modified",
            "dc.date.modified",
        ])
    });

    let mut tags = meta_all("article:tag");
    tags.extend(ld.keywords.iter().cloned());
    for sel in ["keywords", "news_keywords"] {
        if let Some(k) = meta(&[sel]) {
            tags.extend(split_list(&k));
        }
    }
    dedup(&mut tags);
    let mut headlines: Vec<String> = ld.headline.clone().into_iter().collect();
    for key in ["og:title", "twitter:title"] {
        headlines.extend(meta_all(key));
    }

    let mut categories = meta_all("article:section");
    categories.extend(ld.sections.iter().cloned());
    dedup(&mut categories);
    let declares_product = declares_product(doc, &ld, meta(&["og:type"]).as_deref());

    PageMetadata {
        byline: None,
        authors,
        published_at,
        modified_at,
        site_name: meta(&["og:site_name"])
            .or(ld.publisher)
            .or_else(|| meta(&["application-name"])),
        canonical_url,
        image: meta(&["og:image", "twitter:image"]).or(ld.image),
        description: meta(&["og:description", "description", "twitter:description"])
            .or(ld.description),
        tags,
        categories,
        headlines,
        article_body: ld.body,
        declares_article: ld.is_article
            || meta(&["og:type"]).is_some_and(|t| t.eq_ignore_ascii_case("article")),
        declares_product,
    }
}

/// Labels of a `twitter:labelN` tag whose `twitter:dataN` names the author (lower case).
const AUTHOR_LABELS: [&str; 4] = ["written by", "author", "by", "posted by"];

/// The author a page gives as a Twitter card's labelled data (`twitter:label1` "Written by",
/// `twitter:data1` "Ana Ruiz"), as blogging tools do when they declare no other author.
fn labelled_author(tags_by_key: &HashMap<String, Vec<String>>) -> Option<String> {
    (1..=4).find_map(|n| {
        let label = tags_by_key.get(&format!("twitter:label{n}"))?.first()?;
        let label = label.trim().trim_end_matches(':').to_lowercase();
        if !AUTHOR_LABELS.contains(&label.as_str()) {
            return None;
        }
        tags_by_key
            .get(&format!("twitter:data{n}"))?
            .first()
            .filter(|name| !name.starts_with("http") && name.chars().any(char::is_alphabetic))
            .cloned()
    })
}

/// Attributes that hold the name of a post's author (forum and blog templates put it on the
/// post's element: `<article data-author="kelp_diver">`).
const AUTHOR_ATTRIBUTES: [&str; 4] = [
    "data-author",
    "data-author-name",
    "data-author-username",
    "data-authors",
];

/// The selector of an element in the body carrying one of [`AUTHOR_ATTRIBUTES`], compiled
/// once for all pages.
static AUTHOR_ATTRIBUTE_MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let selector = AUTHOR_ATTRIBUTES.map(|a| format!("body [{a}]")).join(", ");
    Matcher::new(&selector).expect("the author attribute selector is valid CSS")
});

/// The longest value of an author attribute taken as a name (characters).
const MAX_ATTRIBUTE_NAME_CHARS: usize = 60;

/// The author named by the first element carrying an author attribute in the page's body: a
/// name, not an id (digits, braces) or a link.
fn author_attribute(doc: &Document) -> Option<String> {
    let first = doc.select_single_matcher(&AUTHOR_ATTRIBUTE_MATCHER);
    let value = AUTHOR_ATTRIBUTES.iter().find_map(|a| first.attr(a))?;
    let value = normalize_whitespace(&value);
    let is_name = value.chars().count() <= MAX_ATTRIBUTE_NAME_CHARS
        && value.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !value.starts_with("http")
        && !value.contains(['{', '[', '<']);
    if !is_name {
        return None;
    }
    super::authors::clean_byline(&value)
}

/// The author a page marks up as schema.org microdata on its post (`<div itemprop="author"
/// itemscope><meta itemprop="name" content="kelp_diver"></div>`, forum and blog templates):
/// the first such element's `name` property, else its own `content` or text, when short.
fn microdata_author(doc: &Document) -> Option<String> {
    let author = doc.select_single("body [itemprop~='author']");
    if !author.exists() {
        return None;
    }
    let name = author.select_single("[itemprop~='name']");
    let value = if name.exists() {
        name.attr("content").map_or_else(|| name.text().to_string(), |c| c.to_string())
    } else {
        author
            .attr("content")
            .map_or_else(|| author.text().to_string(), |c| c.to_string())
    };
    let value = normalize_whitespace(&value);
    (value.chars().count() <= MAX_ATTRIBUTE_NAME_CHARS && !value.starts_with("http"))
        .then(|| super::authors::clean_byline(&value))
        .flatten()
}

fn dedup(values: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    values.retain(|v| seen.insert(v.to_lowercase()));
}

fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(normalize_whitespace)
        .filter(|t| !t.is_empty())
        .collect()
}

/// The first article object among the page's JSON-LD blocks, and whether any block declares a
/// product.
fn json_ld(doc: &Document) -> JsonLd {
    let mut is_product = false;
    for script in &doc.select("script[type='application/ld+json']") {
        let text = script.text();
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        is_product = is_product || holds_product(&value);
        if let Some(article) = find_article(&value) {
            return JsonLd {
                is_product,
                ..parse_article(article)
            };
        }
    }
    JsonLd {
        is_product,
        ..JsonLd::default()
    }
}

/// JSON-LD types of a shop's product page.
const PRODUCT_TYPES: [&str; 2] = ["Product", "ProductGroup"];

/// Whether a JSON-LD value is, or lists at its top or in its `@graph`, a product.
fn holds_product(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().any(holds_product),
        Value::Object(map) => {
            has_type(map, &PRODUCT_TYPES) || map.get("@graph").is_some_and(holds_product)
        }
        _ => false,
    }
}

/// Whether the page declares a shop's product: a JSON-LD `Product`, `og:type` `product` (or
/// `product.item`), or schema.org microdata of a `Product`.
fn declares_product(doc: &Document, ld: &JsonLd, og_type: Option<&str>) -> bool {
    ld.is_product
        || og_type.is_some_and(|t| t.to_ascii_lowercase().starts_with("product"))
        || doc
            .select("[itemtype$='schema.org/Product'], [itemtype$='schema.org/ProductGroup']")
            .exists()
}

/// Whether a JSON-LD object's `@type`, one name or a list of names, is one of `types`.
#[must_use]
pub fn has_type(object: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

fn find_article(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            let is_article = has_type(map, &ARTICLE_TYPES);
            if is_article && map.get("@type").and_then(Value::as_str) != Some("WebPage") {
                return Some(value);
            }
            map.get("@graph")
                .and_then(find_article)
                .or(is_article.then_some(value))
        }
        _ => None,
    }
}

fn parse_article(article: &Value) -> JsonLd {
    JsonLd {
        authors: names(article.get("author"))
            .into_iter()
            .chain(names(article.get("creator")))
            .collect(),
        published: text(article.get("datePublished"))
            .or_else(|| text(article.get("dateCreated")))
            .or_else(|| text(article.get("uploadDate"))),
        modified: text(article.get("dateModified")),
        keywords: match article.get("keywords") {
            Some(Value::String(s)) => split_list(s),
            Some(Value::Array(items)) => items.iter().filter_map(|i| text(Some(i))).collect(),
            _ => Vec::new(),
        },
        sections: match article.get("articleSection") {
            Some(Value::String(s)) => vec![normalize_whitespace(s)],
            Some(Value::Array(items)) => items.iter().filter_map(|i| text(Some(i))).collect(),
            _ => Vec::new(),
        },
        image: url_of(article.get("image")),
        publisher: article.get("publisher").and_then(|p| text(p.get("name"))),
        description: text(article.get("description")),
        headline: text(article.get("headline")),
        is_article: !matches!(article.get("@type"), Some(Value::String(t)) if t == "WebPage"),
        is_product: false,
        body: article
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .map(str::to_owned),
    }
}

/// A JSON-LD string with its character references decoded: JSON-LD sits in a `<script>`, whose
/// text the HTML parser leaves as written, and publishers often escape it as if it were markup
/// ("Mayor&#8217;s", "Q&amp;A").
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => {
            Some(normalize_whitespace(&html_escape::decode_html_entities(s))).filter(|s| !s.is_empty())
        }
        _ => None,
    }
}

/// Author names from a string, a Person object, or an array of either.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => split_list(&html_escape::decode_html_entities(s))
            .into_iter()
            .filter(|s| !s.starts_with("http"))
            .collect(),
        Some(Value::Object(map)) => text(map.get("name")).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().flat_map(|i| names(Some(i))).collect(),
        _ => Vec::new(),
    }
}

fn url_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Object(map) => text(map.get("url")).or_else(|| text(map.get("contentUrl"))),
        Value::Array(items) => items.iter().find_map(|i| url_of(Some(i))),
        _ => None,
    }
}

/// The earliest year a declared date may give: a value such as "01/07/16" reads as the year 1
/// in the `%Y/%m/%d` shape, and no page is that old.
const MIN_YEAR: u32 = 1000;

/// A date or date-time in any common markup format, as RFC 3339 (UTC offset kept when given);
/// none for a value that gives a year before [`MIN_YEAR`] (a two-digit year read as a whole).
#[must_use]
pub fn normalize_date(raw: &str) -> Option<String> {
    parse_date(raw).filter(|d| {
        d.get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .is_some_and(|y| y >= MIN_YEAR)
    })
}

fn parse_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, format) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
            return Some(naive.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    let date_part = s.get(..10).unwrap_or(s);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(date_part, format) {
            return Some(midnight(date));
        }
    }
    for format in ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(s, format) {
            return Some(midnight(date));
        }
    }
    // A short value that is a written date in another shape ("13/11/2025 09:21:40", "Nov 05,
    // 2025", "25 novembre 2025"): its day, read as the visible dates are.
    // A numeric date that reads differently month first and day first ("02-12-2025") is left
    // out: a declared value says nothing of the page's language.
    let found = (s.len() <= MAX_WRITTEN_DATE_LEN)
        .then(|| super::date_text::find_first(s, true))
        .flatten()
        .filter(|f| f.start <= MAX_WRITTEN_DATE_LEAD)?;
    (super::date_text::find_first(s, false) == Some(found)).then(|| midnight(found.date))
}

/// The longest declared value read as a written date (bytes): a date with its time and zone,
/// not a sentence.
const MAX_WRITTEN_DATE_LEN: usize = 40;

/// How far into a declared value a written date may start (bytes): after a weekday ("Tuesday,").
const MAX_WRITTEN_DATE_LEAD: usize = 11;

/// A date without a time stays a date (RFC 3339 `full-date`): no time or zone is invented.
fn midnight(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `/2024/03/05/`, `/2024-03-05/` or `/20240305/` in a URL path.
#[must_use]
pub fn date_in_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let parts: Vec<&str> = path.split(['/', '?', '#']).collect();
    for (i, part) in parts.iter().enumerate() {
        let is_year = part.len() == 4
            && part.chars().all(|c| c.is_ascii_digit())
            && part.starts_with(['1', '2']);
        // The month as a number or a name ("/2023/october/03/").
        let month = |m: &str| {
            if m.len() <= 2 {
                m.parse::<u32>().ok()
            } else {
                super::date_text::month(m)
            }
        };
        if is_year
            && let (Some(m), Some(d)) = (parts.get(i + 1), parts.get(i + 2))
            && let Some(m) = month(m)
            && let Ok(d) = d.get(..d.len().min(2)).unwrap_or(d).parse::<u32>()
            && let Some(date) = part
                .parse()
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        {
            return Some(midnight(date));
        }
        for candidate in [part.get(..10), part.get(..8)].into_iter().flatten() {
            let format = if candidate.len() == 10 {
                "%Y-%m-%d"
            } else {
                "%Y%m%d"
            };
            if candidate.starts_with(['1', '2'])
                && let Ok(date) = NaiveDate::parse_from_str(candidate, format)
                && (1990..=2100)
                    .contains(&date.format("%Y").to_string().parse::<i32>().unwrap_or(0))
            {
                return Some(midnight(date));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_authors_dates_and_keywords_are_read() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
            {"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
             "datePublished":"2024-03-05T10:00:00+01:00","dateModified":"2024-03-06T08:00:00Z","keywords":"energy, wind",
             "articleSection":"Business","publisher":{"@type":"Organization","name":"Daily Wire Service"},"image":{"url":"https://x/i.jpg"}}]}</script></head><body></body></html>"#;
        let meta = read(&Document::from(html));
        assert_eq!(meta.authors, ["Ana Ruiz", "Li Wei"]);
        assert_eq!(
            meta.published_at.as_deref(),
            Some("2024-03-05T10:00:00+01:00")
        );
        assert_eq!(meta.modified_at.as_deref(), Some("2024-03-06T08:00:00Z"));
        assert_eq!(meta.tags, ["energy", "wind"]);
        assert_eq!(meta.categories, ["Business"]);
        assert_eq!(meta.site_name.as_deref(), Some("Daily Wire Service"));
        assert_eq!(meta.image.as_deref(), Some("https://x/i.jpg"));
    }

    #[test]
    fn character_references_in_a_json_ld_headline_and_author_are_decoded() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"The Mayor&#8217;s Q&amp;A","author":"Ana Ru&iacute;z"}
            </script></head><body></body></html>"#,
        );
        let meta = read(&doc);
        assert_eq!(meta.headlines.first().map(String::as_str), Some("The Mayor\u{2019}s Q&A"));
        assert_eq!(meta.authors, vec!["Ana Ru\u{ed}z".to_owned()]);
    }

    #[test]
    fn a_product_is_declared_by_json_ld_open_graph_or_microdata_and_an_article_is_not() {
        let declares = |html: &str| read(&Document::from(html)).declares_product;
        assert!(declares(
            r#"<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"Product","name":"Kettle"}]}</script></head>"#
        ));
        assert!(declares(
            r#"<head><script type="application/ld+json">[{"@type":["Product","Thing"],"name":"Pack"}]</script></head>"#
        ));
        assert!(declares(r#"<head><meta property="og:type" content="product.item"></head>"#));
        assert!(declares(
            r#"<body><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Tee</span></div></body>"#
        ));
        // A review article names the product it reviews, but is not a shop's product page.
        assert!(!declares(
            r#"<head><script type="application/ld+json">{"@type":"Review","itemReviewed":{"@type":"Product","name":"Kettle"}}</script><meta property="og:type" content="article"></head>"#
        ));
    }

    #[test]
    fn meta_tags_fill_in_when_there_is_no_json_ld() {
        let html = r#"<head><meta name="author" content="Sam Roe"><meta property="article:published_time" content="2023-11-02">
            <meta property="og:site_name" content="Gazette"><link rel="canonical" href="https://g.example/a"><meta property="article:tag" content="Rail">
            <meta name="description" content="About trains."></head>"#;
        let meta = read(&Document::from(html));
        assert_eq!(meta.authors, ["Sam Roe"]);
        assert_eq!(meta.published_at.as_deref(), Some("2023-11-02"));
        assert_eq!(meta.site_name.as_deref(), Some("Gazette"));
        assert_eq!(meta.canonical_url.as_deref(), Some("https://g.example/a"));
        assert_eq!(meta.tags, ["Rail"]);
        assert_eq!(meta.description.as_deref(), Some("About trains."));
    }

    #[test]
    fn a_twitter_card_labelled_written_by_names_the_author() {
        let html = r#"<head><meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes">
            <meta name="twitter:label2" content="Written by"><meta name="twitter:data2" content="Ines Calloway"></head>"#;
        assert_eq!(read(&Document::from(html)).authors, ["Ines Calloway"]);
        let reading_time_only = r#"<head><meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="4 minutes"></head>"#;
        assert!(read(&Document::from(reading_time_only)).authors.is_empty());
    }

    #[test]
    fn an_author_attribute_on_the_post_names_the_author_but_an_id_does_not() {
        let html = r#"<body><article data-author-id="5521" data-author="kelp_diver"><p>First post.</p></article>
            <article data-author="quay_walker"><p>A reply.</p></article></body>"#;
        assert_eq!(read(&Document::from(html)).authors, ["kelp_diver"]);
        let id_only = r#"<body><div data-author="{A1B2-C3}"><p>Text.</p></div></body>"#;
        assert!(read(&Document::from(id_only)).authors.is_empty());
    }

    #[test]
    fn a_page_declares_itself_an_article_by_json_ld_type_or_og_type_but_not_as_a_web_page() {
        let declares = |head: &str| read(&Document::from(format!("<head>{head}</head>"))).declares_article;
        assert!(declares(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Quay"}</script>"#
        ));
        assert!(declares(r#"<meta property="og:type" content="article">"#));
        assert!(!declares(
            r#"<script type="application/ld+json">{"@type":"WebPage","name":"Quay"}</script>"#
        ));
        assert!(!declares(r#"<meta property="og:type" content="website">"#));
    }

    #[test]
    fn a_microdata_author_on_the_post_names_the_author_when_nothing_else_does() {
        let html = r#"<body><article><div itemprop="author" itemscope itemtype="https://schema.org/Person">
            <meta itemprop="name" content="kelp_diver"></div><p>First post.</p></article>
            <article><div itemprop="author"><span itemprop="name">quay_walker</span></div></article></body>"#;
        assert_eq!(read(&Document::from(html)).authors, ["kelp_diver"]);
        let text_only = r#"<body><p>By <span itemprop="author">Ines Calloway</span></p></body>"#;
        assert_eq!(read(&Document::from(text_only)).authors, ["Ines Calloway"]);
        let declared = r#"<head><meta name="author" content="Sam Roe"></head>
            <body><span itemprop="author">Ines Calloway</span></body>"#;
        assert_eq!(read(&Document::from(declared)).authors, ["Sam Roe"]);
    }

    #[test]
    fn quotes_around_a_declared_author_are_dropped() {
        let html = r#"<head><meta name="author" content="&quot;Sam Roe&quot;"></head>"#;
        assert_eq!(read(&Document::from(html)).authors, ["Sam Roe"]);
    }

    #[test]
    fn a_two_digit_year_is_no_date_and_the_next_declared_date_is_read() {
        assert_eq!(normalize_date("01/07/16"), None);
        assert_eq!(normalize_date("0001-07-16"), None);
        let html = r#"<head><meta name="date" content="01/07/16">
            <meta property="og:published_time" content="2024-10-08T00:00:00-04:00"></head>"#;
        assert_eq!(
            read(&Document::from(html)).published_at.as_deref(),
            Some("2024-10-08T00:00:00-04:00")
        );
    }

    #[test]
    fn dates_in_common_formats_normalise_to_rfc3339() {
        assert_eq!(
            normalize_date("Tue, 05 Mar 2024 10:00:00 GMT").as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(
            normalize_date("2024-03-05 10:00:00").as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(
            normalize_date("March 5, 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            normalize_date("2024-03-05T10:00:00+0100").as_deref(),
            Some("2024-03-05T10:00:00+01:00")
        );
        assert_eq!(normalize_date("yesterday"), None);
        assert_eq!(
            normalize_date("13/11/2025 09:21:40").as_deref(),
            Some("2025-11-13")
        );
        assert_eq!(
            normalize_date("Tuesday, 25 novembre 2025").as_deref(),
            Some("2025-11-25")
        );
        assert_eq!(normalize_date("Updated on the day after March 5, 2024"), None);
        assert_eq!(normalize_date("02-12-2025"), None);
    }

    #[test]
    fn a_json_ld_type_is_matched_as_one_name_or_in_a_list() {
        let object = |json: &str| match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => map,
            _ => unreachable!("test objects are JSON objects"),
        };
        let types = ["NewsArticle", "BlogPosting"];
        assert!(has_type(&object(r#"{"@type":"NewsArticle"}"#), &types));
        assert!(has_type(&object(r#"{"@type":["WebPage","BlogPosting"]}"#), &types));
        assert!(!has_type(&object(r#"{"@type":"Comment"}"#), &types));
        assert!(!has_type(&object(r#"{"name":"Quay"}"#), &types));
    }

    #[test]
    fn url_dates_need_a_plausible_year() {
        assert_eq!(
            date_in_url("https://x.example/2024-02-29-leap").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(date_in_url("https://x.example/item/12345678"), None);
        assert_eq!(
            date_in_url("https://x.example/blog/2023/october/03/wine-types").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(
            date_in_url("https://x.example/2024/03/05/bridge").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(date_in_url("https://x.example/2023/guide/03/x"), None);
    }
}
