//! What a forum adds around each post from the poster's account: the signature under the post
//! ("message-signature", "post-signature", phpBB's "signature") and the panel beside it with the
//! poster's rank, post count and join date (phpBB's "postprofile", XenForo's
//! "message-userDetails", "user-info", vBulletin's "userinfo"). Neither is the thread's text; a
//! reader of the thread leaves both out. Named by class only, as the forum engines name them,
//! and short (a wrapper of the whole thread named "postprofile_container" is not one).
//!
//! Left out like a shop's reviews ([`super::reviews`]): the block model never adds them, and
//! they are taken from the scorer's choice after it is made, on every page. Measured with
//! `cv-blocks` (5 folds by page): word F1 0.8549 → 0.8556 (even 0.8507 → 0.8518, odd 0.8591 →
//! 0.8595), forum 0.7832 → 0.7923, every other type unchanged but listing (+0.0001); 30 pages
//! change, 26 up (0.547 → 0.825, 0.709 → 0.862), 4 down by 0.001–0.017. Readability's test
//! pages are unchanged (0.9902).
//! Hand-written: the rule reads our own element table, which no crate knows.

use super::table::Table;

/// Whether a class value names a poster's signature or panel: a word of it (split at anything
/// not a letter or digit) starts with "signature", or is "postprofile", "userinfo" or
/// "userdetails", or "user" is followed by "info" ("user-info", "user_info").
pub(super) fn names_poster_chrome(class: &str) -> bool {
    let words: Vec<&str> = class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, word)| {
        let starts = |prefix: &str| {
            word.get(..prefix.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(prefix))
        };
        starts("signature")
            || ["postprofile", "userinfo", "userdetails"]
                .iter()
                .any(|name| word.eq_ignore_ascii_case(name))
            || (word.eq_ignore_ascii_case("user")
                && words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("info")))
    })
}

/// Text (characters) from which an element so named is a wrapper of posts ("postprofile_container"
/// around a whole thread), not one poster's signature or panel.
const MAX_CHROME_CHARS: f32 = 1500.0;

impl Table<'_> {
    /// For every element of the table, whether it is a poster's signature or panel, or inside
    /// one.
    pub(super) fn in_poster_chrome(&self) -> Vec<bool> {
        self.in_subtrees(|_, e| {
            e.class != 0
                && e.sums.chars < MAX_CHROME_CHARS
                && e.node
                    .attr("class")
                    .is_some_and(|c| names_poster_chrome(&c))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forum_engines_names_for_signatures_and_poster_panels_are_read() {
        for name in [
            "message-signature signature-collapsed",
            "post-signature flex--item",
            "signature",
            "postprofile",
            "message-userDetails",
            "user-info user-hover",
            "userinfo",
            "DiscussionBoard-signature",
        ] {
            assert!(names_poster_chrome(name), "{name}");
        }
        for name in ["author-info", "user", "info-box", "post-body", "", "users-information"] {
            assert!(!names_poster_chrome(name), "{name}");
        }
    }
}
