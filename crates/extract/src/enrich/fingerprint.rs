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

fn normalized_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Fingerprints `text` in one streaming pass: memory stays flat however long the text (the
/// normalised words are hashed as they come, three at a time, never collected).
#[must_use]
pub fn fingerprint(text: &str) -> Fingerprint {
    let mut sha = Sha256::new();
    let mut shingles = SimHash::default();
    let mut window: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    for (i, word) in normalized_words(text).enumerate() {
        if i > 0 {
            sha.update(b" ");
        }
        sha.update(word.as_bytes());
        window.push_back(word);
        if window.len() == 3 {
            shingles.add(window.iter());
            window.pop_front();
        }
    }
    if !shingles.any {
        // Fewer than three words: one shingle of them all.
        shingles.add(window.iter());
    }
    Fingerprint {
        sha256: sha.finalize().iter().map(|b| format!("{b:02x}")).collect(),
        simhash64: format!("{:016x}", shingles.finish()),
    }
}

/// SimHash over word 3-shingles, accumulated one shingle at a time.
struct SimHash {
    weights: [i64; 64],
    any: bool,
}

impl Default for SimHash {
    fn default() -> Self {
        Self {
            weights: [0; 64],
            any: false,
        }
    }
}

impl SimHash {
    fn add<'a>(&mut self, shingle: impl Iterator<Item = &'a String>) {
        let mut hasher = fnv::FnvHasher::default();
        for w in shingle {
            hasher.write(w.as_bytes());
            hasher.write_u8(0);
        }
        let h = hasher.finish();
        for (bit, weight) in self.weights.iter_mut().enumerate() {
            *weight += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
        self.any = true;
    }

    fn finish(&self) -> u64 {
        self.weights.iter().enumerate().fold(
            0u64,
            |acc, (bit, w)| if *w > 0 { acc | 1 << bit } else { acc },
        )
    }
}

/// SimHash of a text's word 3-shingles.
#[cfg(test)]
fn simhash_of(text: &str) -> u64 {
    u64::from_str_radix(&fingerprint(text).simhash64, 16).unwrap_or_default()
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
        let ha = simhash_of(a);
        let distance_b = (ha ^ simhash_of(b)).count_ones();
        let distance_c = (ha ^ simhash_of(c)).count_ones();
        assert!(distance_b < distance_c, "{distance_b} vs {distance_c}");
    }
}
