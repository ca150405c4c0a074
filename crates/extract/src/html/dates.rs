//! The article's publication and modification dates, completed from the page itself when its
//! markup declares none, in this order of trust:
//!
//! 1. what the publisher declares (JSON-LD `datePublished` / `dateCreated` / `uploadDate`,
//!    `article:published_time`, `itemprop`, Dublin Core, Parse.ly, Sailthru meta tags — read by
//!    [`super::metadata`]), then, read by [`super::declared_dates`], meta tags under other names that say
//!    "publication date", and JSON-LD objects other than the article (a forum thread, a video);
//!    a declared UTC timestamp a day off the date in the URL, near enough to midnight that a
//!    time zone's offset puts it on the URL's day, gives way to that day, the publisher's own (a date without a time, as no time zone is known; taking instead the
//!    offset of a `<time>` giving the same instant fixed 1 page of `wcxb-dev` and broke 2);
//! 2. an element marked as the publication date in the body (`itemprop=datePublished`,
//!    `<time pubdate>`, `dt-published`, hAtom's `abbr.published`);
//! 3. the date shown next to the headline: the first `<time>` or written date ("Published on
//!    July 8, 2025", "25 novembre 2025", "12.12.2025") in the text that follows the `<h1>`, a
//!    date labelled "Updated" only when no other date is there;
//! 4. a date anywhere in the body that a publication label introduces ("Published On: 15
//!    August 2025"), outside comments, footers, navigation and asides;
//! 5. a `<time datetime>` elsewhere, outside comments;
//! 6. a date in the URL (`/2025/07/08/`);
//! 7. the modification date, when the page gives no other date (a page that shows only "Last
//!    updated August 4, 2025" is dated by it, also when that line is far from the headline);
//! 8. the first full date written in the body, outside comments, footers, navigation and
//!    asides, when the page gives no date in any of these ways (a post whose date sits in a
//!    side column of its own template; on `wcxb-dev` this dated 3 of the 11 undated pages of
//!    the even half rightly and 2 wrongly).
//!
//! A declared date outranks a different one shown under the headline: on `wcxb-dev`'s even
//! half, letting the shown date win fixed as many pages as it broke (21 each).
//!
//! Dates clearly not the article's are never taken: copyright years and bare years (only full
//! dates count), comment timestamps (text inside comment sections is skipped), and dates more
//! than a day after the extraction time.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use dom_query::{Document, NodeId, NodeRef};

use super::metadata::normalize_date;
use super::{date_text, declared_dates};
use crate::body::PageMetadata;

/// How much text after the headline is searched for its date (characters).
const WINDOW_AFTER: usize = 600;

/// How much text just before the headline is searched when none follows it (characters).
const WINDOW_BEFORE: usize = 150;

/// Words that label a date as a modification, not the publication (lower case, several
/// languages).
const UPDATED_LABELS: [&str; 9] = [
    "updat",
    "modifi",
    "revised",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "atualizado",
    "aggiornato",
    "bijgewerkt",
];

/// Fills `meta.published_at` (and `meta.modified_at`) from the page when the declared metadata
/// has none; drops declared dates in the future. `headline` is the `<h1>` that heads the
/// article, if one was found; `month_first` reads "03/04/2025" as March 4.
pub fn complete(
    doc: &Document,
    headline: Option<NodeId>,
    url: Option<&str>,
    month_first: bool,
    meta: &mut PageMetadata,
) {
    let now = Utc::now();
    meta.published_at = meta
        .published_at
        .take()
        .or_else(|| declared_dates::published_in_meta(doc))
        .or_else(|| declared_dates::published_in_json_ld(doc))
        .filter(|d| !in_future(d, now));
    meta.modified_at = meta
        .modified_at
        .take()
        .or_else(|| declared_dates::modified_in_meta(doc))
        .filter(|d| !in_future(d, now));
    let url_date = meta
        .canonical_url
        .as_deref()
        .and_then(super::metadata::date_in_url)
        .or_else(|| url.and_then(super::metadata::date_in_url));
    if let (Some(declared), Some(day)) = (&meta.published_at, &url_date)
        && is_local_day_of(day, declared)
    {
        meta.published_at = Some(day.clone());
    }
    let mut month_first = month_first;
    let mut near = headline.and_then(|id| near_headline(doc, id, month_first));
    // The URL's date settles the reading order of an ambiguous numeric date under the
    // headline ("03/10/2023" under `/2023/october/03/` is day first, whatever the language).
    if let (Some(id), Some(day), Some(shown)) = (headline, &url_date, &near)
        && !shown.date.starts_with(day.as_str())
        && let Some(flipped) = near_headline(doc, id, !month_first)
        && flipped.date.starts_with(day.as_str())
    {
        month_first = !month_first;
        near = Some(flipped);
    }
    let (shown, shown_updated) = match near {
        Some(Shown { date, updated, .. }) => (Some(date), updated),
        None => (None, false),
    };
    let shown = shown.filter(|d| !in_future(d, now));
    if meta.published_at.is_some() {
        return;
    }
    let text = std::cell::OnceCell::new();
    let body = || text.get_or_init(|| body_text(doc)).as_str();
    let published = itemprop_published(doc)
        .or_else(|| shown.clone().filter(|_| !shown_updated))
        .or_else(|| labelled_in_body(body(), month_first, PUBLISHED_LABELS))
        .or_else(|| time_element(doc))
        .or_else(|| url_date.clone())
        .filter(|d| !in_future(d, now));
    if shown_updated && meta.modified_at.is_none() {
        meta.modified_at.clone_from(&shown);
    }
    if meta.modified_at.is_none() && published.is_none() {
        meta.modified_at =
            labelled_in_body(body(), month_first, &UPDATED_LABELS).filter(|d| !in_future(d, now));
    }
    meta.published_at = published
        .or_else(|| meta.modified_at.clone())
        .or_else(|| {
            date_text::find_first(body(), month_first)
                .map(|f| f.date.format("%Y-%m-%d").to_string())
                .filter(|d| !in_future(d, now))
        });
}

/// How far the civil time zones reach from UTC (hours): from UTC−12 (Baker Island) to UTC+14
/// (Kiribati's Line Islands).
const UTC_OFFSETS: (i64, i64) = (-12, 14);

/// Whether `day`, the date in the page's URL, is the publisher's own calendar day of the
/// `declared` UTC timestamp: the timestamp is in UTC (`Z`), falls on the day after or before,
/// and some time zone's offset puts it on `day` (an evening post in New York is declared
/// `2025-12-19T02:41:41Z` under `/2025/12/18/`; a post declared at 20:00 UTC of the next day
/// is on that day everywhere). The URL was written in the publisher's time zone, so its day
/// is the one the page shows.
fn is_local_day_of(day: &str, declared: &str) -> bool {
    let Some(day) = day
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    else {
        return false;
    };
    let Some(instant) = declared
        .ends_with('Z')
        .then(|| DateTime::parse_from_rfc3339(declared).ok())
        .flatten()
        .map(|t| t.with_timezone(&Utc))
    else {
        return false;
    };
    // `day` at offset o runs from its midnight minus o to the next midnight minus o in UTC.
    let midnight = day.and_time(NaiveTime::MIN).and_utc();
    let (west, east) = UTC_OFFSETS;
    instant.date_naive() != day
        && instant >= midnight - Duration::hours(east)
        && instant < midnight + Duration::days(1) - Duration::hours(west)
}

/// Words that label a date as the publication's (lower case, several languages).
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "posted",
    "publié",
    "veröffentlicht",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "date:",
];

/// How much of the body's text is searched for a labelled date (characters).
const BODY_WINDOW: usize = 30_000;

/// Elements whose dates belong to the site, not the article.
const SITE_CHROME: [&str; 3] = ["footer", "nav", "aside"];

/// The body's text outside comments and the site's footer and navigation, up to
/// [`BODY_WINDOW`] characters: where a labelled date is looked for. One walk that skips those
/// subtrees whole.
fn body_text(doc: &Document) -> String {
    let mut text = String::new();
    let Some(body) = doc.body() else {
        return text;
    };
    let mut stack: Vec<NodeRef<'_>> = body.children_it(true).collect();
    while let Some(node) = stack.pop() {
        if text.len() > BODY_WINDOW {
            break;
        }
        if node.is_text() {
            text.push_str(&node.text());
            text.push(' ');
        } else if node.is_element() && !is_chrome_or_comments(&node) {
            stack.extend(node.children_it(true));
        }
    }
    text
}

/// Whether an element is the site's footer or navigation, or a comments section.
fn is_chrome_or_comments(node: &NodeRef<'_>) -> bool {
    node.node_name()
        .is_some_and(|n| SITE_CHROME.contains(&n.as_ref()))
        || marks_comments(node)
}

/// The first date in `text` (the body's, see [`body_text`]) that one of `labels` introduces
/// ("Published On: 15 August 2025" under a long lead, "Updated March 13, 2024" after an author
/// box).
fn labelled_in_body(text: &str, month_first: bool, labels: &[&str]) -> Option<String> {
    let lowered = text.to_lowercase();
    if !labels.iter().any(|l| lowered.contains(l)) {
        return None;
    }
    date_text::find_all(text, month_first)
        .into_iter()
        .find(|f| {
            let cue = cue_before(text, f.start);
            let cue = cue.trim_end();
            let tail: String = cue
                .chars()
                .rev()
                .take(16)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            labels.iter().any(|l| tail.contains(l))
        })
        .map(|f| f.date.format("%Y-%m-%d").to_string())
}

/// Whether a normalised date lies more than a day after `now`.
fn in_future(date: &str, now: DateTime<Utc>) -> bool {
    let day = date.get(..10).unwrap_or(date);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .is_ok_and(|d| d > (now + chrono::Duration::days(1)).date_naive())
}

/// A date shown near the headline, and whether it is labelled as an update.
struct Shown {
    date: String,
    updated: bool,
}

/// The first date in the text after the headline: a `<time>` element's `datetime` or a written
/// date. A date labelled "Updated" gives way to an unlabelled one in the same stretch of text.
fn near_headline(doc: &Document, headline: NodeId, month_first: bool) -> Option<Shown> {
    let body = doc.body()?;
    let mut text = String::new();
    // (offset in `text`, date) of each `<time datetime>` met.
    let mut times: Vec<(usize, String)> = Vec::new();
    // The text just before the headline: a date line above the title.
    let mut before = String::new();
    let mut started = false;
    for node in body.descendants_it() {
        if !started {
            started = node.id == headline;
            if node.is_text() {
                let part = node.text();
                // A date in the site's navigation or an aside above the headline ("Site updated
                // 2 February 2026") is not the article's; only text with digits is checked.
                if part.contains(|c: char| c.is_ascii_digit())
                    && node.ancestors_it(None).any(|a| {
                        a.node_name()
                            .is_some_and(|n| SITE_CHROME.contains(&n.as_ref()))
                    })
                {
                    continue;
                }
                before.push_str(&part);
                before.push(' ');
                if before.len() > 4 * WINDOW_BEFORE {
                    let mut cut = before.len() - 2 * WINDOW_BEFORE;
                    while !before.is_char_boundary(cut) {
                        cut += 1;
                    }
                    before.drain(..cut);
                }
            }
            continue;
        }
        if text.chars().count() > WINDOW_AFTER {
            break;
        }
        if node.is_text() {
            if !in_comments(&node) {
                text.push_str(&node.text());
                text.push(' ');
            }
        } else if node.node_name().as_deref() == Some("time")
            && let Some(date) = node.attr("datetime").as_deref().and_then(normalize_date)
            && !in_comments(&node)
        {
            times.push((text.len(), date));
        }
    }
    let mut dates: Vec<(usize, String)> = date_text::find_all(&text, month_first)
        .into_iter()
        .map(|f| (f.start, f.date.format("%Y-%m-%d").to_string()))
        .collect();
    // A `<time>` gives the exact time of its written date: it replaces a written date at its
    // place.
    for (at, date) in times {
        dates.retain(|(start, _)| *start < at || *start > at + 40);
        dates.push((at, date));
    }
    dates.sort_by_key(|(start, _)| *start);
    let labelled = |start: usize| {
        let cue = cue_before(&text, start);
        UPDATED_LABELS.iter().any(|l| cue.contains(l))
    };
    let first_plain = dates.iter().find(|(start, _)| !labelled(*start));
    if dates.is_empty() {
        let tail: String = {
            let chars: Vec<char> = before.chars().collect();
            chars[chars.len().saturating_sub(WINDOW_BEFORE)..]
                .iter()
                .collect()
        };
        // The dateline closest to the headline, unless it is labelled "Updated" and an
        // unlabelled one precedes it ("December 22, 2022 · Updated: January 2, 2026").
        let found = date_text::find_all(&tail, month_first);
        let is_update = |start: usize| {
            let cue = cue_before(&tail, start);
            UPDATED_LABELS.iter().any(|l| cue.contains(l))
        };
        let plain = found.iter().rev().find(|f| !is_update(f.start));
        return plain.or(found.last()).map(|f| Shown {
            date: f.date.format("%Y-%m-%d").to_string(),
            updated: plain.is_none(),
        });
    }
    let (date, updated) = match first_plain {
        Some((_, date)) => (date, false),
        None => (&dates[0].1, true),
    };
    Some(Shown {
        date: date.clone(),
        updated,
    })
}

/// The 30 characters before byte `at` of `text`, lower case.
fn cue_before(text: &str, at: usize) -> String {
    let before = &text[..at];
    let from = before
        .char_indices()
        .rev()
        .nth(29)
        .map_or(0, |(i, _)| i);
    before[from..].to_lowercase()
}

/// Whether a node sits in a comments section (an ancestor's class or id says "comment").
fn in_comments(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None).any(|a| marks_comments(&a))
}

/// Whether an element's class or id says "comment".
fn marks_comments(node: &NodeRef<'_>) -> bool {
    ["class", "id"].iter().any(|attr| {
        node.attr(attr)
            .is_some_and(|v| v.to_ascii_lowercase().contains("comment"))
    })
}

/// The elements that mark the publication date in the body: schema.org's `itemprop`, HTML's
/// `<time pubdate>`, the microformats' `dt-published` and hAtom's `published` (with the date in
/// its `title`).
const PUBLISHED_MARKS: &str =
    "[itemprop=datePublished], time[pubdate], .dt-published, abbr.published[title]";

/// An element in the body marked as the publication date ([`PUBLISHED_MARKS`]): its
/// `datetime`, `content` or `title` attribute, else its text.
fn itemprop_published(doc: &Document) -> Option<String> {
    doc.select(PUBLISHED_MARKS)
        .nodes()
        .iter()
        .filter(|n| !in_comments(n) && !in_foreign_item(n))
        .find_map(|n| {
            n.attr("datetime")
                .or_else(|| n.attr("content"))
                .or_else(|| n.attr("title"))
                .as_deref()
                .and_then(normalize_date)
                .or_else(|| {
                    date_text::find_first(&n.text(), true)
                        .map(|f| f.date.format("%Y-%m-%d").to_string())
                })
        })
}

/// Whether a microdata mark belongs to an item that is not the page: its nearest `itemscope`
/// ancestor is of a [`declared_dates::FOREIGN_TYPES`] type (`itemtype=".../Comment"`), as a
/// reader's reply under an answer is, whatever its class names. Its date is the reply's, as in
/// JSON-LD, where dates inside such objects are skipped too.
fn in_foreign_item(node: &NodeRef<'_>) -> bool {
    node.ancestors_it(None)
        .find(|a| a.has_attr("itemscope"))
        .and_then(|item| item.attr("itemtype"))
        .is_some_and(|types| {
            types.split_whitespace().any(|t| {
                let name = t.rsplit('/').next().unwrap_or(t);
                declared_dates::FOREIGN_TYPES.contains(&name)
            })
        })
}

/// The first `<time datetime>` outside comments.
fn time_element(doc: &Document) -> Option<String> {
    doc.select("time[datetime]")
        .nodes()
        .iter()
        .filter(|n| !in_comments(n))
        .find_map(|t| t.attr("datetime").as_deref().and_then(normalize_date))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The published date `read` gives a page with an `<h1>` headline.
    fn published(html: &str, url: Option<&str>) -> Option<String> {
        let doc = Document::from(html);
        let mut meta = super::super::metadata::read(&doc);
        let headline = doc.select_single("h1").nodes().first().map(|n| n.id);
        complete(&doc, headline, url, true, &mut meta);
        meta.published_at
    }

    #[test]
    fn the_date_under_the_headline_beats_a_footer_copyright_and_comment_dates() {
        let html = "<body><h1>Bridge Opens</h1><p>By Ana Ruiz · March 3, 2024</p>\
                    <p>The bridge opened.</p><div class=\"comments\"><p>Jo, May 1, 2024</p></div>\
                    <footer>© 2025 City Paper</footer></body>";
        assert_eq!(published(html, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn comment_timestamps_are_never_the_article_date() {
        let html = "<body><h1>Bridge Opens</h1><div id=\"comments\"><time datetime=\"2024-05-01\">May 1</time>\
                    <p>Posted May 2, 2024</p></div></body>";
        assert_eq!(published(html, None), None);
    }

    #[test]
    fn an_updated_line_gives_way_to_the_published_one() {
        let html = "<body><h1>Bridge Opens</h1><p>Updated: April 9, 2024</p>\
                    <p>Published: March 3, 2024</p></body>";
        assert_eq!(published(html, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn an_updated_line_alone_dates_the_page() {
        let html = "<body><h1>Bridge Opens</h1><p>Last updated August 4, 2025</p></body>";
        assert_eq!(published(html, None).as_deref(), Some("2025-08-04"));
    }

    #[test]
    fn a_labelled_date_far_below_the_headline_dates_the_page_but_a_footer_date_does_not() {
        let lead = "Long lead paragraph about the harbour. ".repeat(40);
        let html = format!(
            "<body><h1>Harbour Lanterns</h1><p>{lead}</p><p>Published On: 15 August 2025</p>\
             <footer>Site last updated: December 20, 2025</footer></body>"
        );
        assert_eq!(published(&html, None).as_deref(), Some("2025-08-15"));
        let footer_only = format!(
            "<body><h1>Harbour Lanterns</h1><p>{lead}</p><footer>Published: December 20, 2025</footer></body>"
        );
        assert_eq!(published(&footer_only, None), None);
    }

    #[test]
    fn a_labelled_update_far_below_the_headline_dates_a_page_without_another_date() {
        let lead = "Long lead paragraph about the harbour. ".repeat(40);
        let html = format!(
            "<body><h1>Harbour Lanterns</h1><p>{lead}</p><p>Updated March 13, 2024</p></body>"
        );
        assert_eq!(published(&html, None).as_deref(), Some("2024-03-13"));
    }

    #[test]
    fn an_unlabelled_date_anywhere_in_the_body_dates_a_page_without_any_other_but_a_footer_date_does_not()
     {
        let lead = "Long lead paragraph about the harbour. ".repeat(40);
        let html = format!(
            "<body><h1>Harbour Lanterns</h1><p>{lead}</p><div class=\"side\">4 March 2024</div>\
             <footer>Printed December 20, 2025</footer></body>"
        );
        assert_eq!(published(&html, None).as_deref(), Some("2024-03-04"));
        let footer_only =
            format!("<body><h1>Harbour Lanterns</h1><p>{lead}</p><footer>December 20, 2025</footer></body>");
        assert_eq!(published(&footer_only, None), None);
    }

    #[test]
    fn a_date_in_the_navigation_just_above_the_headline_is_not_the_article_date() {
        let html = "<body><nav><a href=\"/\">Home</a> <span>Site updated 2 February 2026</span></nav>\
                    <h1>Harbour Lanterns</h1><p>The lanterns were lit again.</p></body>";
        assert_eq!(published(html, None), None);
        let dateline = "<body><p class=\"kicker\">March 3, 2024</p><h1>Harbour Lanterns</h1>\
                        <p>The lanterns were lit again.</p></body>";
        assert_eq!(published(dateline, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn an_updated_dateline_just_above_the_headline_gives_way_to_the_published_one_before_it() {
        let html = "<body><div><a href=\"/c/health\">Health</a><span>DECEMBER 22, 2022</span>\
                    <span>Updated: JANUARY 02, 2024</span></div><h1>Harbour Lanterns</h1>\
                    <p>The lanterns were lit again.</p><footer>© 2025 Tide Post</footer></body>";
        assert_eq!(published(html, None).as_deref(), Some("2022-12-22"));
    }

    #[test]
    fn a_date_only_in_the_url_is_used() {
        let html = "<body><h1>Bridge Opens</h1><p>The bridge opened.</p></body>";
        assert_eq!(
            published(html, Some("https://n.example/2021/07/14/bridge-opens")).as_deref(),
            Some("2021-07-14")
        );
    }

    #[test]
    fn a_non_english_date_under_the_headline_is_read() {
        let html = "<body><h1>Le pont ouvre</h1><p>Publié le 25 novembre 2025</p></body>";
        assert_eq!(published(html, None).as_deref(), Some("2025-11-25"));
    }

    #[test]
    fn a_declared_date_outranks_the_text_and_future_dates_are_dropped() {
        let html = "<head><meta property=\"article:published_time\" content=\"2024-01-02T08:00:00Z\"></head>\
                    <body><h1>Bridge Opens</h1><p>March 3, 2024</p></body>";
        assert_eq!(
            published(html, None).as_deref(),
            Some("2024-01-02T08:00:00Z")
        );
        let future = "<head><meta property=\"article:published_time\" content=\"2999-01-02\"></head>\
                      <body><h1>Bridge Opens</h1><p>March 3, 2024</p></body>";
        assert_eq!(published(future, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn a_utc_timestamp_a_day_after_the_url_date_gives_way_to_the_url_day() {
        let html = "<head><meta property=\"article:published_time\" content=\"2025-12-19T02:41:41+00:00\"></head>\
                    <body><h1>Comfort Watches</h1><p>The film holds up.</p></body>";
        let url = Some("https://blog.example/2025/12/18/comfort-watches/");
        assert_eq!(published(html, url).as_deref(), Some("2025-12-18"));
        let same_day = html.replace("2025-12-19T02:41:41", "2025-12-18T15:00:00");
        assert_eq!(
            published(&same_day, url).as_deref(),
            Some("2025-12-18T15:00:00Z")
        );
        let with_offset = html.replace("+00:00", "-05:00");
        assert_eq!(
            published(&with_offset, url).as_deref(),
            Some("2025-12-19T02:41:41-05:00")
        );
    }

    #[test]
    fn a_utc_timestamp_is_on_the_url_day_only_where_a_time_zone_could_put_it_there() {
        let url_day = "2025-12-18";
        // The next UTC day, before noon: still the 18th west of Greenwich (UTC−12 at most).
        assert!(is_local_day_of(url_day, "2025-12-19T02:41:41Z"));
        assert!(is_local_day_of(url_day, "2025-12-19T11:59:00Z"));
        assert!(!is_local_day_of(url_day, "2025-12-19T12:00:00Z"));
        assert!(!is_local_day_of(url_day, "2025-12-19T20:00:00Z"));
        // The previous UTC day, from 10:00: already the 18th east of it (UTC+14 at most).
        assert!(is_local_day_of(url_day, "2025-12-17T23:30:00Z"));
        assert!(is_local_day_of(url_day, "2025-12-17T10:00:00Z"));
        assert!(!is_local_day_of(url_day, "2025-12-17T09:59:00Z"));
        // The same day, two days off, or a timestamp with its own offset: nothing to mend.
        assert!(!is_local_day_of(url_day, "2025-12-18T02:00:00Z"));
        assert!(!is_local_day_of(url_day, "2025-12-20T01:00:00Z"));
        assert!(!is_local_day_of(url_day, "2025-12-19T02:41:41-05:00"));
        assert!(!is_local_day_of(url_day, "2025-12-19"));
    }

    #[test]
    fn the_url_date_settles_the_reading_order_of_a_numeric_date_under_the_headline() {
        let html = "<body><h1>Wine Styles</h1><p>03/10/2023 by Tide Wines</p><p>Red and white.</p></body>";
        assert_eq!(published(html, None).as_deref(), Some("2023-03-10"));
        assert_eq!(
            published(html, Some("https://w.example/blog/2023/october/03/wine-styles")).as_deref(),
            Some("2023-10-03")
        );
    }

    #[test]
    fn a_forum_thread_declared_in_json_ld_is_dated_by_its_first_post_not_the_last_reply() {
        let html = "<head><script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\",\
                    \"headline\":\"Kettles?\",\"datePublished\":\"2024-01-10T17:47:16+00:00\"}</script></head>\
                    <body><h1>Kettles?</h1><p>Which one?</p><time datetime=\"2024-01-11T19:11:34-05:00\">Jan 11</time></body>";
        assert_eq!(
            published(html, None).as_deref(),
            Some("2024-01-10T17:47:16Z")
        );
    }

    #[test]
    fn a_microformat_published_mark_outranks_a_date_in_the_text() {
        let html = "<body><h1>Bridge Opens</h1><p>Work began on March 3, 2024.</p>\
                    <abbr class=\"published\" title=\"2024-06-01T09:00:00Z\">June 1</abbr></body>";
        assert_eq!(
            published(html, None).as_deref(),
            Some("2024-06-01T09:00:00Z")
        );
    }

    #[test]
    fn a_published_mark_inside_a_reply_item_is_not_the_page_date() {
        let html = "<body itemscope itemtype=\"https://schema.org/QAPage\"><h1>Kettles?</h1>\
                    <div itemscope itemtype=\"https://schema.org/Answer\"><p>Use a kettle.</p>\
                    <div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\">\
                    <p>Agreed.</p><time itemprop=\"datePublished\">2023-05-06T07:08:09Z</time>\
                    </div></div></body>";
        let marked = |html: &str| itemprop_published(&Document::from(html));
        assert_eq!(marked(html), None);
        let question = html.replace("schema.org/Comment", "schema.org/Question");
        assert_eq!(marked(&question).as_deref(), Some("2023-05-06"));
    }

    #[test]
    fn a_time_element_near_the_headline_gives_its_exact_time() {
        let html = "<body><h1>Bridge Opens</h1><time datetime=\"2022-01-09T07:30:00Z\">Jan 9, 2022</time></body>";
        assert_eq!(
            published(html, None).as_deref(),
            Some("2022-01-09T07:30:00Z")
        );
    }
}
