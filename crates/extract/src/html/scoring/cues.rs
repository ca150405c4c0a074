//! Cue words of interface text inside an article, as data: how credit lines, teaser lines and
//! the headings of furniture sections (related stories, sources, comments) begin. Read only on
//! short blocks, as a whole line, so a sentence of the article that uses the words stays.

/// How a picture's credit line begins ("Credit: …", "Photo: …").
const CREDIT_STARTS: [&str; 14] = [
    "credit:",
    "credits:",
    "photo:",
    "photos:",
    "photo credit",
    "photograph:",
    "image:",
    "image source",
    "image credit",
    "image via",
    "picture:",
    "illustration:",
    "courtesy",
    "©",
];

/// Picture agencies a caption's credit ends with ("… / Getty Images").
const CREDIT_ENDS: [&str; 9] = [
    "getty images",
    "getty",
    "istock",
    "shutterstock",
    "ap photo",
    "reuters",
    "afp",
    "unsplash",
    "alamy",
];

/// How a teaser or interface line begins ("Related: …", "Read more").
const TEASER_STARTS: [&str; 22] = [
    "related:",
    "related article",
    "related story",
    "related stories",
    "related post",
    "read more",
    "read also",
    "read next",
    "also read",
    "see also:",
    "more from",
    "recommended:",
    "you may also like",
    "you might also like",
    "show caption",
    "hide caption",
    "jump to",
    "on this page",
    "table of contents",
    "advertisement",
    "sign up for",
    "subscribe to",
];

/// Headings of furniture sections: everything under them goes.
const SECTION_HEADINGS: [&str; 39] = [
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related reading",
    "more from",
    "more stories",
    "more news",
    "more articles",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "read more",
    "read next",
    "latest news",
    "popular",
    "trending",
    "sources",
    "article sources",
    "references",
    "leave a reply",
    "leave a comment",
    // A shop's rails of other products.
    "similar items",
    "similar products",
    "related products",
    "related items",
    "customers also bought",
    "customers also viewed",
    "customers who bought this item also bought",
    "people who viewed this item also viewed",
    "frequently bought together",
    "recently viewed",
    "recently viewed items",
    "recently viewed products",
    "sponsored products",
    "more to explore",
    "complete the look",
];

/// The line folded for the tests: lower case, spaces single, ends trimmed.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A picture's credit or a caption ending in one.
pub(super) fn is_credit_line(text: &str) -> bool {
    let t = folded(text);
    let t = t.trim_end_matches(['.', ')']);
    CREDIT_STARTS.iter().any(|c| t.starts_with(c))
        || CREDIT_ENDS
            .iter()
            .any(|c| t.ends_with(&format!("/ {c}")) || t.ends_with(&format!("/{c}")) || t.ends_with(&format!("({c}")))
}

/// A teaser or interface line.
pub(super) fn is_teaser_line(text: &str) -> bool {
    let t = folded(text);
    TEASER_STARTS.iter().any(|c| t.starts_with(c))
}

/// A heading of a furniture section ("Related articles", "Sources", "Leave a reply").
pub(super) fn is_furniture_heading(text: &str) -> bool {
    let t = folded(text);
    let t = t.trim_end_matches([':', '.', ' ']);
    SECTION_HEADINGS
        .iter()
        .any(|h| t == *h || (h.starts_with("more from") && t.starts_with(h)))
        || t.starts_with("comments")
        || (t.ends_with(" comments") && t.split(' ').next().is_some_and(|n| n.parse::<u32>().is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines_are_known_by_their_first_or_last_words() {
        assert!(is_credit_line("Photo: Ana Ruiz for the Harbour Times"));
        assert!(is_credit_line("Credit: Reviewed / Timothy Renzi"));
        assert!(is_credit_line(
            "Pilates tops the bookings this year. Mikolette / Getty Images"
        ));
    }

    #[test]
    fn a_sentence_about_photos_is_not_a_credit_line() {
        assert!(!is_credit_line(
            "The photo was taken on the north bank just before the bridge closed."
        ));
    }

    #[test]
    fn teaser_lines_begin_with_their_cue() {
        assert!(is_teaser_line("Related: Ferry timetable changes"));
        assert!(is_teaser_line("READ MORE"));
        assert!(!is_teaser_line("Readers of the paper wrote in to complain."));
    }

    #[test]
    fn furniture_headings_are_whole_cue_lines_or_comment_counts() {
        assert!(is_furniture_heading("Related articles:"));
        assert!(is_furniture_heading("More from the harbour desk"));
        assert!(is_furniture_heading("12 Comments"));
        assert!(!is_furniture_heading("Related costs of the repair"));
        assert!(!is_furniture_heading("Sources of the funding"));
    }

    #[test]
    fn a_shops_rails_of_other_products_are_furniture() {
        assert!(is_furniture_heading("People who viewed this item also viewed"));
        assert!(is_furniture_heading("Similar Items"));
        assert!(is_furniture_heading("Customers also bought:"));
        assert!(!is_furniture_heading("Similar items made in the same workshop"));
    }
}
