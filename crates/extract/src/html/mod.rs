//! Reads an HTML page into a [`Body`]: the headline, the main content's blocks, the declared
//! language and the page's metadata.
//!
//! The main content comes from one of two [`Reader`]s. By default our own [`scoring`]:
//! Readability's rules in one pass over the unchanged tree, which costs a fraction of the parse.
//! Or `dom_smoothie`, a Readability port: measured with our metric on
//! `../shared/corpus/readability-pages` it scores F1 0.9994 where the `trafilatura` crate scores
//! 0.944 (`tools/compare-extractors`), but it rewrites the tree and costs about as much as the
//! parse again; the scorer matches its output on all but two of those pages. Around either we
//! add what they lack: JSON-LD and meta-tag metadata
//! ([`metadata`]), block structure with headings for sections ([`blocks`]), and a markup
//! fallback when no candidate is found. The page is parsed once; metadata is read before
//! Readability mutates the tree.

pub mod authors;
pub mod blocks;
pub mod date_text;
pub mod dates;
pub mod declared_dates;
pub mod live_blog;
pub mod metadata;
pub mod pagination;
pub mod scoring;
pub mod streamed;
pub mod title;

use dom_query::Document;

use super::body::{Block, BlockKind, Body, normalize_whitespace};
use scoring::Learning;
use crate::{ExtractError, Options};

/// Elements that never hold article text (used by the fallback reader).
const CHROME: &str = "script, style, noscript, template, nav, footer, aside, form, iframe, svg, \
                      button, select, dialog, [hidden], [aria-hidden=true], [role=navigation], \
                      [role=complementary], [role=contentinfo]";

/// Where the article usually is, most specific first (used by the fallback reader).
const CONTENT_ROOTS: [&str; 4] = ["[itemprop=articleBody]", "article", "main", "[role=main]"];

/// Readability's own threshold for "enough text" (characters).
const READABILITY_CHAR_THRESHOLD: usize = 500;

/// The readers that find a page's main content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reader {
    /// `dom_smoothie`, the Readability port: text F1 0.9994 on the development corpus, about
    /// twice a bare parse's time.
    Readability,
    /// Our single-pass scorer ([`scoring`]): Readability's rules, widened to a thread's posts,
    /// a grid's cards or a page's `<main>`; F1 0.9903 on the development corpus, word F1 0.823
    /// on wcxb-dev (Readability's rules alone: 0.9969 and 0.789).
    Scoring,
    /// The scorer, then a learned block classifier over the whole page
    /// ([`scoring::block_model`], boosted trees trained on wcxb-dev) that keeps or adds each
    /// text block with the scorer's choice among its features. Pages that declare themselves
    /// articles stay with the scorer, and the model's decisions stand only when what it adds
    /// is at least 30 % of the scorer's text (where the model agrees with the scorer the output
    /// is the scorer's exactly): word F1 0.844 on wcxb-dev in 5-fold cross-validation where the
    /// scorer alone has 0.823, text F1 0.9903 on the development corpus (the scorer's), but
    /// `without` snippets 5.7 % against the scorer's 5.65 %. The default since 2026-12-06: the
    /// same output as the scorer on articles, the other posts, cards and sections elsewhere.
    #[default]
    Learned,
}

/// HTML bytes to a [`Body`]: charset resolved, limits checked before parsing, script and style
/// contents cut, page read with the chosen reader.
///
/// # Errors
/// [`ExtractError::HtmlTooManyNodes`] or [`ExtractError::HtmlTooDeep`].
pub fn read_bytes(
    bytes: &[u8],
    charset: Option<&str>,
    url: Option<&str>,
    options: &Options,
) -> Result<Body, ExtractError> {
    let limits = &options.limits;
    let html = crate::charset::decode_html(bytes, charset);
    let scan = crate::prescan::scan(html.as_bytes(), limits.max_html_nodes, limits.max_html_depth)?;
    let html = crate::prescan::without_inert(&html, &scan);
    Ok(read_with(&html, url, options.html_reader))
}

/// Reads an already-decoded page with the default reader; `url` (if known) helps date detection
/// and link resolution.
#[cfg(test)]
#[must_use]
pub fn read(html: &str, url: Option<&str>) -> Body {
    read_with(html, url, Reader::default())
}

/// Reads an already-decoded page with `reader`.
///
/// A page whose scripted view leaves almost no text but whose `<noscript>` holds markup (forum
/// software serves its whole thread there to clients without scripts) is read again with the
/// `<noscript>` elements opened as ordinary containers: a browser without scripts shows them.
#[must_use]
pub fn read_with(html: &str, url: Option<&str>, reader: Reader) -> Body {
    let body = read_parsed(html, url, reader);
    if reader != Reader::Readability
        && letters_of(&body.blocks) < READABILITY_CHAR_THRESHOLD
        && let Some(opened) = noscript_opened(html)
    {
        let again = read_parsed(&opened, url, reader);
        if letters_of(&again.blocks) > 2 * letters_of(&body.blocks).max(100) {
            return again;
        }
    }
    body
}

/// Letters and digits in `blocks`.
fn letters_of(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

/// `html` with its `<noscript>` tags renamed to `<div>`, when one of them holds markup.
fn noscript_opened(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let holds_markup = lower.match_indices("<noscript").any(|(open, _)| {
        let inner = &lower[open..];
        let inner = &inner[..inner.find("</noscript").unwrap_or(inner.len())];
        inner.matches("<p").count() + inner.matches("<div").count() >= 3
    });
    if !holds_markup {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (at, _) in lower.match_indices("noscript") {
        let before = &lower[..at];
        if before.ends_with('<') || before.ends_with("</") {
            out.push_str(&html[from..at]);
            out.push_str("div");
            from = at + "noscript".len();
        }
    }
    out.push_str(&html[from..]);
    Some(out)
}

/// [`read_with`] on one parse of `html`.
fn read_parsed(html: &str, url: Option<&str>, reader: Reader) -> Body {
    let doc = Document::from(html);
    // Every streamed part waits in a `<template>` placeholder: no template, nothing to move.
    if html.contains("<template") {
        streamed::put_in_place(&doc);
    }
    let language_hint = doc
        .select_single("html")
        .attr("lang")
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let mut meta = metadata::read(&doc);
    let base_url = blocks::base_url(&doc, url);
    let pagination::Pagination {
        next_page,
        controls: page_controls,
    } = pagination::read(&doc, base_url.as_deref());
    let chosen = title::choose(&doc, &meta);
    let month_first = language_hint
        .as_deref()
        .is_none_or(|l| l.eq_ignore_ascii_case("en") || l.to_ascii_lowercase().starts_with("en-us"));
    dates::complete(&doc, chosen.node, url, month_first, &mut meta);
    // The Readability reader keeps Readability's own title (`<title>` with its rules), as that
    // port's users expect; the default reader gives the article's headline ([`title`]).
    let headline_text = chosen.text.filter(|_| reader != Reader::Readability);
    // The scoring reader leaves the tree as it is and looks these up itself, only when needed.
    let (markup_title, commenter_names) = match reader {
        Reader::Readability => (headline(&doc), Some(commenter_names(&doc))),
        Reader::Scoring | Reader::Learned => (None, None),
    };
    let site_authors = authors::only_the_site(&meta.authors, meta.site_name.as_deref());
    let absolute_url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = dom_smoothie::Config {
        // The prescan already bounded the element count.
        max_elements_to_parse: 0,
        ..dom_smoothie::Config::default()
    };
    let found = match reader {
        Reader::Readability => readability(doc, html, absolute_url, &config),
        Reader::Scoring | Reader::Learned => scored(
            doc,
            absolute_url,
            &config,
            (&meta.authors, site_authors),
            Learning {
                model: reader == Reader::Learned,
                declares_article: meta.declares_article,
                declares_product: meta.declares_product,
            },
        ),
    };
    let (readable, title, blocks) = match found {
        Some(found) => {
            meta.byline = found.byline.map(|b| normalize_whitespace(&b)).filter(|b| {
                !b.is_empty()
                    && (commenter_names.as_ref().is_none_or(|c| !c.contains(b))
                        || meta.authors.contains(b))
            });
            if meta.published_at.is_none() {
                meta.published_at = found
                    .published_time
                    .as_deref()
                    .and_then(metadata::normalize_date);
            }
            if meta.site_name.is_none() {
                meta.site_name = found.site_name;
            }
            if meta.description.is_none() {
                meta.description = found.excerpt.map(|e| normalize_whitespace(&e));
            }
            if meta.image.is_none() {
                meta.image = found.image;
            }
            let title = headline_text.clone().or_else(|| Some(normalize_whitespace(&found.title)))
                .filter(|t| !t.is_empty())
                .map(|t| {
                    if meta.headlines.contains(&t) {
                        t
                    } else {
                        strip_site_name(&t, meta.site_name.as_deref())
                    }
                })
                .or(markup_title);
            (found.readable, title, found.blocks)
        }
        None => (false, headline_text.or(markup_title), fallback_blocks(html)),
    };
    let (readable, mut blocks) = match meta.article_body.take() {
        Some(declared) if declared_body_is_fuller(&declared, &blocks) => {
            (true, declared_blocks(&declared))
        }
        _ => (readable, blocks),
    };
    if let Some(names) =
        authors::from_byline(&meta.authors, site_authors, meta.byline.as_deref())
    {
        meta.authors = names;
    }
    drop_leading_byline(&mut blocks, &meta);
    drop_interface_lines(&mut blocks);
    blocks.retain(|b| !page_controls.contains(&b.text));
    live_blog::join_timestamps(&mut blocks);
    // The headline is the title, not a paragraph of the text.
    if let (Some(title), Some(first)) = (&title, blocks.first())
        && first.kind == BlockKind::Heading
        && &first.text == title
    {
        blocks.remove(0);
    }
    Body {
        title,
        blocks,
        language_hint,
        meta,
        readable,
        raw_title: None,
        base_url,
        next_page,
    }
}

/// What a content reader found: the main content's blocks and the metadata Readability's
/// rules give (title, byline, dates, site name, excerpt, image).
struct Found {
    readable: bool,
    title: String,
    byline: Option<String>,
    published_time: Option<String>,
    site_name: Option<String>,
    excerpt: Option<String>,
    image: Option<String>,
    blocks: Vec<Block>,
}

impl Found {
    fn new(readable: bool, metadata: dom_smoothie::Metadata, blocks: Vec<Block>) -> Self {
        Self {
            readable,
            title: metadata.title,
            byline: metadata.byline,
            published_time: metadata.published_time,
            site_name: metadata.site_name,
            excerpt: metadata.excerpt,
            image: metadata.image,
            blocks,
        }
    }
}

/// Reads the main content with our own scorer ([`scoring`]) and the metadata with
/// Readability's rules (`dom_smoothie`'s JSON-LD and meta-tag reader, which leaves the tree as
/// it is). A page without enough content for an article falls back to the markup reader, as
/// with Readability.
fn scored(
    doc: Document,
    url: Option<&str>,
    config: &dom_smoothie::Config,
    (authors, site_authors): (&[String], bool),
    learning: Learning,
) -> Option<Found> {
    let reader = dom_smoothie::Readability::with_document(doc, url, Some(config.clone())).ok()?;
    let mut metadata = reader.get_article_metadata(reader.parse_json_ld());
    let doc = reader.doc;
    if metadata.title.is_empty() {
        metadata.title = headline(&doc).unwrap_or_default();
    }
    // The site's name declared as the author gives way to a person's byline the page shows.
    let byline = (metadata.byline.is_none() || site_authors)
        .then(|| scoring::byline_element(&doc))
        .flatten()
        .filter(|(_, text)| metadata.byline.is_none() || authors::names_a_person(text));
    let skip = byline.as_ref().map(|(id, _)| *id);
    if let Some((_, text)) = byline {
        // Readability's byline search matches any "author" class, comments' too.
        let commenter = !authors.contains(&text) && scoring::in_comments(&doc, skip);
        metadata.byline = Some(text).filter(|_| !commenter);
    }
    let content = scoring::main_content(&doc, &metadata.title, skip, learning)?;
    // Readability's last resort keeps a short page's longest attempt; the markup reader only
    // takes over when even that is too little (as for the `readability` reader).
    let blocks = if content.substantial {
        content.blocks
    } else {
        fallback_blocks_of(&doc)
    };
    Some(Found::new(content.readable, metadata, blocks))
}

/// Runs Readability on the parsed page: whether the page looks like an article, the article, and
/// the document holding the article's content (`#readability-page-1`), read in place rather
/// than re-parsed from the article's HTML.
///
/// Readability's multi-attempt mode clones the whole tree before each attempt, which cost more
/// than the parse itself; its first attempt is the strict policy, so we run that alone on the
/// tree and only when it yields less than Readability's threshold of text re-parse the page and
/// run every attempt — the same result as `parse()`, without the clone on the common path.
fn readability(
    doc: Document,
    html: &str,
    url: Option<&str>,
    config: &dom_smoothie::Config,
) -> Option<Found> {
    let (readable, article, content) = readability_article(doc, html, url, config)?;
    // Readability's last resort on a short page that is not an article keeps everything,
    // navigation included; the markup reader drops page chrome instead.
    let blocks = if readable || article.length >= READABILITY_CHAR_THRESHOLD {
        content
            .select_single("#readability-page-1")
            .nodes()
            .first()
            .map(blocks::blocks_of)
            .unwrap_or_default()
    } else {
        fallback_blocks(html)
    };
    Some(Found {
        readable,
        title: article.title,
        byline: article.byline,
        published_time: article.published_time,
        site_name: article.site_name,
        excerpt: article.excerpt,
        image: article.image,
        blocks,
    })
}

/// Readability's article and the document holding its content.
fn readability_article(
    doc: Document,
    html: &str,
    url: Option<&str>,
    config: &dom_smoothie::Config,
) -> Option<(bool, dom_smoothie::Article, Document)> {
    let mut reader =
        dom_smoothie::Readability::with_document(doc, url, Some(config.clone())).ok()?;
    let readable = reader.is_probably_readable();
    if let Ok(article) = reader.parse_with_policy(dom_smoothie::ParsePolicy::Strict) {
        // Readability's own test: the whitespace-normalised length of the content.
        let length = reader
            .doc
            .select_single("#readability-page-1")
            .nodes()
            .first()
            .map_or(0, dom_query::NodeRef::normalized_char_count);
        if length >= READABILITY_CHAR_THRESHOLD {
            return Some((readable, article, reader.doc));
        }
    }
    let mut reader =
        dom_smoothie::Readability::with_document(Document::from(html), url, Some(config.clone()))
            .ok()?;
    let article = reader.parse().ok()?;
    Some((readable, article, reader.doc))
}

/// Names shown only as authors of comments: a byline equal to one of these is a commenter's,
/// not the article's (Readability's byline search matches any "author" class). A name that also
/// appears as an author outside the comments (a writer answering readers) stays allowed.
fn commenter_names(doc: &Document) -> std::collections::HashSet<String> {
    const AUTHORISH: &str = "[class*=author], [class*=byline], [class*=user], [class*=name], [rel=author], [itemprop=author]";
    let in_comments = |node: &dom_query::NodeRef<'_>| {
        node.ancestors_it(None).any(|a| {
            let marker = format!(
                "{} {}",
                a.attr("class").unwrap_or_default(),
                a.attr("id").unwrap_or_default()
            )
            .to_ascii_lowercase();
            marker.contains("comment")
        })
    };
    let mut commenters = std::collections::HashSet::new();
    let mut writers = std::collections::HashSet::new();
    for node in doc.select(AUTHORISH).nodes() {
        let name = normalize_whitespace(&node.text());
        if name.is_empty() || name.split_whitespace().count() > 6 {
            continue;
        }
        if in_comments(node) {
            commenters.insert(name);
        } else {
            writers.insert(name);
        }
    }
    commenters.retain(|n| !writers.contains(n));
    commenters
}

/// Whether the page's JSON-LD `articleBody` holds the article where the markup does not: at
/// least Readability's threshold of text and more than twice what the reader found. Pages whose
/// HTML is only a shell for a script that renders the article still declare it there; a teaser
/// or a truncated body is shorter than the page's own text and never wins.
fn declared_body_is_fuller(declared: &str, blocks: &[Block]) -> bool {
    let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
    let declared = letters(declared);
    let found: usize = blocks.iter().map(|b| letters(&b.text)).sum();
    declared >= READABILITY_CHAR_THRESHOLD && declared > 2 * found
}

/// The paragraphs of a JSON-LD `articleBody`: its lines, or its blocks when it holds markup.
fn declared_blocks(declared: &str) -> Vec<Block> {
    if declared.contains("</p>") || declared.contains("<br") {
        return blocks::blocks_of(&Document::fragment(declared).root());
    }
    declared
        .lines()
        .map(normalize_whitespace)
        .filter(|line| !line.is_empty())
        .map(|text| Block::plain(BlockKind::Paragraph, text))
        .collect()
}

/// Removes what Readability keeps of page chrome at either end of the article: interface
/// paragraphs ("Share this article", "Sign up for our newsletter", an app or cookie prompt) —
/// the plain-text reader's rules. Only at the ends, as for plain text: inside the article such
/// a line may be the article's own words, and the reference texts of `eval content` keep them.
fn drop_interface_lines(blocks: &mut Vec<Block>) {
    let chrome =
        |b: &Block| b.kind == BlockKind::Paragraph && super::plain_text::is_boilerplate(&b.text);
    while blocks.last().is_some_and(chrome) {
        blocks.pop();
    }
    let leading = blocks.iter().take_while(|b| chrome(b)).count();
    blocks.drain(..leading);
}

/// Removes a byline line ("By Ana Ruiz and Li Wei") from the first blocks of the text: it is
/// metadata, already in `byline` / `authors`.
fn drop_leading_byline(blocks: &mut Vec<Block>, meta: &super::body::PageMetadata) {
    let names: Vec<&str> = meta
        .authors
        .iter()
        .map(String::as_str)
        .chain(meta.byline.as_deref())
        .collect();
    if names.is_empty() {
        return;
    }
    let is_byline = |text: &str| {
        let lower = text.to_lowercase();
        let shaped = lower.starts_with("by ") || names.contains(&text);
        shaped && text.split_whitespace().count() <= 12 && names.iter().any(|n| text.contains(n))
    };
    if let Some(pos) = blocks
        .iter()
        .take(3)
        .position(|b| b.kind == BlockKind::Paragraph && is_byline(&b.text))
    {
        blocks.remove(pos);
    }
}

/// Without a Readability candidate: the first markup content root with text, else `<body>`,
/// with page chrome removed.
fn fallback_blocks(html: &str) -> Vec<Block> {
    fallback_blocks_of(&Document::from(html))
}

/// [`fallback_blocks`] on a parsed page, which it changes.
fn fallback_blocks_of(doc: &Document) -> Vec<Block> {
    doc.select(CHROME).remove();
    let root = CONTENT_ROOTS
        .iter()
        .map(|sel| doc.select_single(sel))
        .find(|s| s.exists() && s.text().split_whitespace().nth(20).is_some())
        .and_then(|s| s.nodes().first().copied())
        .or_else(|| doc.body());
    root.map(|r| blocks::blocks_of(&r)).unwrap_or_default()
}

/// The headline from markup: the first `<h1>`, else `og:title`, else `<title>` without its site
/// suffix.
fn headline(doc: &Document) -> Option<String> {
    let h1 = doc.select_single("h1");
    let h1 = h1.exists().then(|| normalize_whitespace(&h1.text()));
    let og = doc
        .select_single("meta[property='og:title']")
        .attr("content")
        .map(|t| normalize_whitespace(&t));
    let title_tag = doc.select_single("title");
    let title_tag = title_tag
        .exists()
        .then(|| strip_site_suffix(&normalize_whitespace(&title_tag.text())));
    [h1, og, title_tag]
        .into_iter()
        .flatten()
        .find(|t| !t.is_empty())
}

/// Title separators between a headline and a site name (a blog's "Walk • Ana Ruiz" too).
const TITLE_SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • "];

/// "Headline | Site" → "Headline" when the part cut is the name the page declares for its site
/// (`og:site_name`, JSON-LD publisher): only then is it certain that the part is not headline.
/// Not applied to a title the publisher declares as the article's headline (JSON-LD
/// `headline`, `og:title`, `twitter:title`): that is kept exactly as declared, as Readability
/// and the reference metadata of `eval content` keep it.
fn strip_site_name(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_owned();
    };
    let head = title.strip_suffix(site).map(str::trim_end);
    let tail = title.strip_prefix(site).map(str::trim_start);
    for sep in TITLE_SEPARATORS.map(str::trim) {
        let headline = head
            .and_then(|h| h.strip_suffix(sep))
            .or_else(|| tail.and_then(|t| t.strip_prefix(sep)))
            .map(str::trim);
        if let Some(headline) = headline.filter(|h| h.split_whitespace().count() >= 2) {
            return headline.to_owned();
        }
    }
    title.to_owned()
}

/// "Headline | Site" → "Headline": cuts the last part after a separator when what remains is
/// longer than what is cut.
fn strip_site_suffix(title: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let head_words = head.split_whitespace().count();
            if head_words >= 2 && tail.split_whitespace().count() < head_words {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_suffix_is_cut_from_a_title_tag() {
        assert_eq!(
            strip_site_suffix("Markets Rally on Rate Cut | Example News"),
            "Markets Rally on Rate Cut"
        );
        assert_eq!(strip_site_suffix("Home - Example"), "Home - Example");
    }

    #[test]
    fn the_declared_site_name_is_cut_from_the_title() {
        assert_eq!(
            strip_site_name("Bridge Opens | City Paper", Some("City Paper")),
            "Bridge Opens"
        );
        assert_eq!(
            strip_site_name("City Paper - Bridge Opens Today", Some("City Paper")),
            "Bridge Opens Today"
        );
        assert_eq!(
            strip_site_name("Bridge Opens | City Paper", None),
            "Bridge Opens | City Paper"
        );
        assert_eq!(
            strip_site_name("Bridge Opens | Ana Ruiz", Some("City Paper")),
            "Bridge Opens | Ana Ruiz"
        );
    }

    fn page(head: &str) -> String {
        let paragraph = "<p>The council approved the new bridge on Tuesday after a long debate \
                         about its cost, its design and the traffic it will bring to the old town.</p>";
        format!(
            "<html><head>{head}<meta property=\"og:site_name\" content=\"City Paper\"></head>\
             <body><article><h1>Bridge Opens</h1>{}</article></body></html>",
            paragraph.repeat(6)
        )
    }

    #[test]
    fn the_headline_shown_in_h1_wins_over_a_declared_title_with_the_site_name() {
        let html = page(
            "<title>Bridge Opens | City Paper</title><meta property=\"og:title\" content=\"Bridge Opens | City Paper\">",
        );
        assert_eq!(read(&html, None).title.as_deref(), Some("Bridge Opens"));
        // The Readability reader keeps Readability's title, declared as the publisher wrote it.
        assert_eq!(
            read_with(&html, None, Reader::Readability).title.as_deref(),
            Some("Bridge Opens | City Paper")
        );
    }

    #[test]
    fn a_title_from_the_title_tag_loses_the_declared_site_name() {
        let body = read(&page("<title>Bridge Opens | City Paper</title>"), None);
        assert_eq!(body.title.as_deref(), Some("Bridge Opens"));
    }

    #[test]
    fn interface_lines_at_the_end_of_the_article_are_dropped() {
        let html = page("<title>Bridge Opens</title>").replace(
            "</article>",
            "<p>Share this article</p><p>Sign up for our newsletter</p></article>",
        );
        let body = read(&html, None);
        let text = body.text();
        assert!(text.ends_with("old town."), "{text}");
    }

    #[test]
    fn a_thread_served_only_in_noscript_is_read_from_there() {
        let posts: String = LINES
            .iter()
            .map(|l| format!("<div class=\"post\"><p>{l}</p></div>"))
            .collect();
        let html = format!(
            "<html><body><div id=\"app\"></div><noscript><div class=\"thread\">{posts}</div></noscript></body></html>"
        );
        let body = read(&html, None);
        let texts: Vec<&str> = body.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, LINES);
    }

    #[test]
    fn a_page_without_a_readability_candidate_falls_back_to_markup() {
        let body = read(
            "<html><body><nav>Home</nav><p>Short.</p></body></html>",
            None,
        );
        assert_eq!(body.text(), "Short.");
    }

    const LINES: [&str; 4] = [
        "The council approved the new bridge on Tuesday after a long debate about its cost.",
        "Its design, chosen in a public vote last spring, keeps the old town's skyline intact.",
        "Work starts in March and should end before the summer of the following year, officials said.",
        "Traffic on the old crossing will be limited to buses and bicycles while the work goes on.",
    ];

    fn ld_page(body_json: &str, html_body: &str) -> String {
        format!(
            "<html><head><title>Bridge Opens</title><script type=\"application/ld+json\">\
             {{\"@type\":\"NewsArticle\",\"headline\":\"Bridge Opens\",\"articleBody\":{body_json}}}\
             </script></head><body>{html_body}</body></html>"
        )
    }

    #[test]
    fn a_script_rendered_shell_gives_the_declared_article_body() {
        let declared = serde_json::to_string(&[LINES, LINES].concat().join("\n\n")).unwrap();
        let html = ld_page(
            &declared,
            "<div id=\"root\">Loading…</div><noscript>Enable JavaScript.</noscript>",
        );
        for reader in [Reader::Scoring, Reader::Readability] {
            let body = read_with(&html, None, reader);
            assert!(body.readable, "{reader:?}");
            assert_eq!(body.blocks.len(), 8, "{reader:?}: {:?}", body.blocks);
            assert_eq!(body.blocks[0].text, LINES[0]);
        }
    }

    /// The four lines as `<p>` elements, twice over.
    fn paragraphs_twice() -> String {
        LINES
            .iter()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
            .repeat(2)
    }

    #[test]
    fn a_declared_body_in_markup_is_read_as_markup() {
        let html = ld_page(
            &serde_json::to_string(&paragraphs_twice()).unwrap(),
            "<div id=\"app\"></div>",
        );
        let body = read(&html, None);
        assert_eq!(body.blocks.len(), 8, "{:?}", body.blocks);
        assert!(body.text().split("\n\n").all(|p| !p.contains('<')));
    }

    #[test]
    fn a_declared_teaser_never_replaces_the_page_text() {
        let html = ld_page(
            "\"The council approved the new bridge.\"",
            &format!("<article>{}</article>", paragraphs_twice()),
        );
        let body = read(&html, None);
        assert_eq!(body.blocks.len(), 8);
        assert_eq!(body.blocks[1].text, LINES[1]);
    }
    #[test]
    fn a_short_story_keeps_its_scored_content_rather_than_the_whole_page() {
        // Too short to read as an article, but Readability's last resort still keeps the story
        // (its threshold counts the indentation too); the markup fallback would take the links.
        let indent = format!("\n{}", " ".repeat(120));
        let links: String = (0..6)
            .map(|i| format!("<div class=\"links\"><a href=\"/s/{i}\">Another story {i}</a></div>"))
            .collect();
        let story: String = LINES[..2]
            .iter()
            .map(|l| format!("{indent}<p>{indent}{l}{indent}</p>"))
            .collect();
        let html = format!(
            "<html><body>{links}<div class=\"story\">{story}{indent}</div>{links}</body></html>"
        );
        let body = read(&html, None);
        assert!(!body.readable);
        let texts: Vec<&str> = body.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, LINES[..2]);
    }
}
