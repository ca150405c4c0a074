//! Words that look like names at the start of a line and are not: the common words of running
//! English text (compiled from `models/common_words.txt`, built by `scripts/common-words.py`
//! from openly licensed text; source and licence in `models/SOURCES.md`) and the initialisms of
//! common nouns ("SEO", "CEO", "GPU") that web pages and posts write in capitals.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Initialisms of common nouns, never a person, organisation or place by themselves.
const INITIALISMS: &[&str] = &[
    "AI", "API", "APIs", "ATM", "B2B", "B2C", "BTW", "CEO", "CEOs", "CFO", "COO", "CPU", "CRM",
    "CSS", "CTA", "CTO", "CDN", "DIY", "DM", "DNA", "DVD", "ETA", "FAQ", "FAQs", "FYI", "GPS",
    "GPU", "GPUs", "HD", "HR", "HTML", "HVAC", "IMO", "IMHO", "IoT", "IT", "KPI", "KPIs", "LCD",
    "LED", "LLM", "LLMs", "LOL", "ML", "MVP", "OMG", "OS", "PC", "PDF", "PM", "AM", "PPC", "PS",
    "Q&A", "RAM", "ROI", "RSVP", "RT", "SaaS", "SDK", "SEO", "SKU", "SMS", "SQL", "SSD", "SUV",
    "TBD", "TV", "UI", "URL", "USB", "UX", "VIP", "VP", "VPN", "WiFi", "Wi-Fi",
];

/// Whether `word` is the initialism of a common noun ("SEO", "CEO").
pub(super) fn is_initialism(word: &str) -> bool {
    INITIALISMS.contains(&word)
}

/// Whether `lower` (a lower-cased word) is a common word of running text: written in lower case
/// nine times in ten inside sentences.
pub(super) fn is_common_word(lower: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        include_str!("../../../models/common_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    WORDS.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_are_common_and_names_are_not() {
        assert!(is_common_word("coverage"));
        assert!(is_common_word("services"));
        assert!(!is_common_word("london"));
        assert!(!is_common_word("olivia"));
    }

    #[test]
    fn initialisms_of_common_nouns_are_listed_but_not_organisations() {
        assert!(is_initialism("SEO"));
        assert!(!is_initialism("IBM"));
        assert!(!is_initialism("NASA"));
    }
}
