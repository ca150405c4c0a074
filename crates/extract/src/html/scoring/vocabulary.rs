//! The class, id and role vocabulary of Readability's rules: its word lists, one Aho-Corasick
//! automaton over them, the class weight they give, and the text normalisation the tests read.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// Class or id fragments of page furniture (Readability's `unlikelyCandidates`).
const UNLIKELY: [&str; 31] = [
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Fragments that keep an otherwise unlikely element (Readability's `okMaybeItsACandidate`).
const MAYBE: [&str; 9] = [
    "and", "article", "body", "column", "content", "layout", "main", "mathjax", "shadow",
];

/// Class or id fragments that lower an element's weight by 25.
const NEGATIVE: [&str; 25] = [
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    // Beyond Readability's list: sign-up prompts inside today's articles.
    "newsletter",
];

/// Class or id fragments that raise an element's weight by 25.
const POSITIVE: [&str; 12] = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Roles of page furniture.
pub(super) const UNLIKELY_ROLES: [&str; 7] = [
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Hosts whose embedded players count as content.
pub(super) const VIDEO_HOSTS: [&str; 8] = [
    "youtube",
    "youtu.be",
    "vimeo",
    "dailymotion",
    "twitch.tv",
    "archive.org",
    "upload.wikimedia.org",
    "player.bilibili.com",
];

/// Which of the word lists a class or id value holds a fragment of (bits below).
pub(super) const UNLIKELY_WORD: u8 = 1;
pub(super) const MAYBE_WORD: u8 = 2;
const NEGATIVE_WORD: u8 = 4;
const POSITIVE_WORD: u8 = 8;
pub(super) const BYLINE_WORD: u8 = 16;

/// Class or id fragments of a byline (Readability's `byline` pattern).
const BYLINE: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];

/// One automaton over every list's fragments, case-insensitive, with each fragment's lists:
/// an attribute value is read once instead of once per fragment.
static WORD_LISTS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut fragments: Vec<(&str, u8)> = Vec::new();
    for (list, bit) in [
        (&UNLIKELY[..], UNLIKELY_WORD),
        (&MAYBE[..], MAYBE_WORD),
        (&NEGATIVE[..], NEGATIVE_WORD),
        (&POSITIVE[..], POSITIVE_WORD),
        (&BYLINE[..], BYLINE_WORD),
    ] {
        for fragment in list {
            match fragments.iter_mut().find(|(f, _)| f == fragment) {
                Some((_, bits)) => *bits |= bit,
                None => fragments.push((fragment, bit)),
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(fragments.iter().map(|(f, _)| f))
        .expect("the word lists are valid patterns");
    (
        automaton,
        fragments.into_iter().map(|(_, bits)| bits).collect(),
    )
});

/// The word lists `value` holds a fragment of.
pub(super) fn word_groups(value: &str) -> u8 {
    if value.is_empty() {
        return 0;
    }
    let (automaton, bits) = &*WORD_LISTS;
    automaton
        .find_overlapping_iter(value)
        .fold(0, |groups, m| groups | bits[m.pattern().as_usize()])
}

/// Readability's class weight of one attribute value, from its word lists.
pub(super) fn class_weight(value: &str, groups: u8) -> f32 {
    let mut weight = 0.0;
    if groups & NEGATIVE_WORD != 0
        || value
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("hid"))
    {
        weight -= 25.0;
    }
    if groups & POSITIVE_WORD != 0 {
        weight += 25.0;
    }
    weight
}

/// A share widget: "share" or "sharedaddy" as a whole word of the class or id.
pub(super) fn is_share(value: &str) -> bool {
    !value.is_empty()
        && value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("share") || w.eq_ignore_ascii_case("sharedaddy"))
}

/// What follows "author" in the class or id of an author's box ("author-bio", "author_box",
/// "authorProfile", "author-information").
const AUTHOR_BOX_WORDS: [&str; 7] = ["bio", "about", "box", "profile", "desc", "info", "card"];

/// An author's box (a writer's picture, bio and links under or beside the article): "author"
/// followed, after `-` or `_` if any, by one of [`AUTHOR_BOX_WORDS`], or "about (the) author".
/// `groups` are the value's word lists: only values holding "author" are read.
pub(super) fn is_author_box(value: &str, groups: u8) -> bool {
    if groups & BYLINE_WORD == 0 {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    lower.match_indices("author").any(|(at, _)| {
        let after = lower[at + "author".len()..].trim_start_matches(['-', '_']);
        let before = lower[..at].trim_end_matches(['-', '_']);
        let before = before
            .strip_suffix("the")
            .unwrap_or(before)
            .trim_end_matches(['-', '_']);
        AUTHOR_BOX_WORDS.iter().any(|w| after.starts_with(w)) || before.ends_with("about")
    })
}

/// A notice block (a disclaimer or an advertiser's or affiliate disclosure): "disclaimer" or
/// "disclosure" in the class or id.
pub(super) fn is_notice(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.contains("disclaimer") || lower.contains("disclosure")
}

/// Class or id fragments of navigation chrome: a narrower family than Readability's unlikely
/// candidates (which also hold "header", "extra" and "related", the names of a listing's cards
/// and their titles: with them, cross-validated listing F1 fell 0.676 → 0.674, with these it is
/// 0.680).
const CHROME: [&str; 8] = [
    "menu",
    "breadcrumb",
    "footer",
    "pagination",
    "pager",
    "navbar",
    "social",
    "sidebar",
];

/// Navigation chrome by its class or id ("menu-item", "breadcrumbs", "footer-links"), unless
/// a fragment of a likely candidate excuses it ("sidebar-content", "main-menu-article").
pub(super) fn is_chrome_name(value: &str) -> bool {
    if value.is_empty() || word_groups(value) & MAYBE_WORD != 0 {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    CHROME.iter().any(|w| lower.contains(w))
}

/// A class naming a button: "btn", "button" or "cta" at the start of one of its words
/// ("btn btn-primary", "wp-block-button__link", "cta-link"; not "subtitle-cta"'s "subtitle").
pub(super) fn is_button_name(class: &str) -> bool {
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| {
            let starts = |prefix: &str| {
                word.get(..prefix.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(prefix))
            };
            starts("btn") || starts("button") || word.eq_ignore_ascii_case("cta")
        })
}

pub(super) fn normalized(text: &str) -> String {
    crate::body::normalize_whitespace(text)
}
