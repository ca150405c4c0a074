//! Customer reviews: a run of like cards (two or more siblings with the same class) whose class
//! names a review ("review-card", "reviews__item", or marked `itemprop=review`). A shop's
//! reviews are its visitors' comments, which a reader of the product leaves out as it leaves
//! out a thread's comments; a single element so named is an editor's review (a film or product
//! review article) and stays. Ids are not read: a buying guide anchors each product it reviews
//! with one ("lg-washer-review"), and its cards are the article.
//!
//! Where it applies: the block model never adds a unit inside review cards; from the heuristic
//! scorer's choice they are left out only on a page that declares a product
//! ([`crate::body::PageMetadata::declares_product`]), after the choice, so the model's
//! features read the choice as it was made. Removing them from the scorer's table on every
//! page instead moved 113 pages of `wcxb-dev` both ways (listings, forums) and the held-out odd
//! half down. Measured with `cv-blocks` (5 folds by page): word F1 0.8524 → 0.8549 (even
//! 0.8486 → 0.8507, odd 0.8564 → 0.8591), product 0.5678 → 0.6021, service 0.8039 → 0.8049,
//! every other type unchanged; 20 pages change, 19 up, 1 down (a page where the scorer chose
//! the review area itself). Readability's test pages are unchanged (0.9902).
//!
//! Hand-written: the rule reads our own element table, which no crate knows.

use rustc_hash::FxHashMap;

use super::table::{NONE, Table};

/// Whether a class or id value names a review: a word of it (split at anything not a letter or
/// digit) starts with "review" ("review", "reviews", "reviewCard"); "preview" does not.
pub(super) fn names_review(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|word| {
            word.get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case("review"))
        })
}

impl Table<'_> {
    /// For every element of the table, whether it is one of a run of review cards or inside
    /// one.
    pub(super) fn in_review_cards(&self) -> Vec<bool> {
        // How many children of each parent carry each class: counted once, so a page of tens of
        // thousands of siblings is read in one pass, not once per sibling.
        let mut like: FxHashMap<(u32, u64), u32> = FxHashMap::default();
        for e in &self.elements {
            if e.class != 0 && e.parent != NONE && !e.removed {
                *like.entry((e.parent, e.class)).or_default() += 1;
            }
        }
        self.in_subtrees(|_, e| {
            let named = |name: &str| e.node.attr(name).is_some_and(|v| names_review(&v));
            // Another child of the parent, still in the table, has this class.
            let others = like.get(&(e.parent, e.class)).copied().unwrap_or(0)
                .saturating_sub(u32::from(!e.removed));
            e.class != 0 && e.parent != NONE && others >= 1 && (named("class") || named("itemprop"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tens_of_thousands_of_review_named_siblings_are_read_in_one_pass() {
        // Each sibling has a class of its own: none is a run, and none is left out. Counting
        // like siblings per sibling took minutes here.
        let cards: String = (0..30_000)
            .map(|i| format!("<div class=\"review-{i}\"><p>Kettle {i} boils fast.</p></div>"))
            .collect();
        let doc = dom_query::Document::from(format!("<html><body>{cards}</body></html>"));
        let body = doc.body().unwrap();
        let flags = super::super::table::Flags {
            strip_unlikely: false,
            weigh_classes: true,
            clean_conditionally: true,
        };
        let table = Table::read(&body, doc.tree.len(), flags, None);
        assert!(!table.in_review_cards().contains(&true));
    }

    #[test]
    fn a_word_starting_with_review_names_a_review_and_preview_does_not() {
        for name in ["review", "product-reviews", "reviews__item", "reviewCard", "c-Review"] {
            assert!(names_review(name), "{name}");
        }
        for name in ["preview", "link-preview", "overview", "", "re-view"] {
            assert!(!names_review(name), "{name}");
        }
    }
}
