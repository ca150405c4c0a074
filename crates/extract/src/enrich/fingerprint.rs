//! Content fingerprints for de-duplication downstream: SHA-256 of the normalised text (exact
//! duplicates) and a 64-bit SimHash over word 3-shingles (near duplicates: compare by Hamming
//! distance). SimHash is ten lines over the `fnv` hash, which is stable across builds.

use std::hash::Hasher;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Both fingerprints, as hex strings (a u64 does not survive JSON in every consumer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Fingerprint {
    pub sha256: String,
    pub simhash64: String,
}

fn normalized_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Fingerprints `text`.
#[must_use]
pub fn fingerprint(text: &str) -> Fingerprint {
    let words = normalized_words(text);
    let normalized = words.join(" ");
    let digest = Sha256::digest(normalized.as_bytes());
    Fingerprint {
        sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        simhash64: format!("{:016x}", simhash(&words)),
    }
}

/// SimHash over 3-word shingles.
#[must_use]
pub fn simhash(words: &[String]) -> u64 {
    let mut weights = [0i64; 64];
    let windows: Vec<&[String]> = if words.len() >= 3 {
        words.windows(3).collect()
    } else {
        vec![words]
    };
    for window in windows {
        let mut hasher = fnv::FnvHasher::default();
        for w in window {
            hasher.write(w.as_bytes());
            hasher.write_u8(0);
        }
        let h = hasher.finish();
        for (bit, weight) in weights.iter_mut().enumerate() {
            *weight += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    weights.iter().enumerate().fold(
        0u64,
        |acc, (bit, w)| if *w > 0 { acc | 1 << bit } else { acc },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_does_not_change_the_fingerprint() {
        assert_eq!(
            fingerprint("Hello,  World!\n\nAgain."),
            fingerprint("hello world again")
        );
    }

    #[test]
    fn near_duplicates_have_close_simhashes() {
        let a = "the council approved the budget on monday after a long debate about schools and transport spending in the city";
        let b = "the council approved the budget on tuesday after a long debate about schools and transport spending in the city";
        let c = "storms closed the harbour for three days and ferries ran a reduced timetable until the weekend ended";
        let ha = simhash(&normalized_words(a));
        let distance_b = (ha ^ simhash(&normalized_words(b))).count_ones();
        let distance_c = (ha ^ simhash(&normalized_words(c))).count_ones();
        assert!(distance_b < distance_c, "{distance_b} vs {distance_c}");
    }
}
