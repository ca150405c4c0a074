//! The byte ranges of an article's headings as a set answering "is this byte in a heading?" by
//! binary search: enrichment asks it per token and per sentence, and a scan of every heading
//! each time made long texts with many headings quadratic.

use std::ops::Range;

/// Heading byte ranges, sorted and merged (overlapping or touching ranges joined, empty ones
/// dropped): a byte is in the set exactly when one of the original ranges contains it.
#[derive(Debug, Clone, Default)]
pub struct Headings(Vec<Range<usize>>);

impl Headings {
    /// The set of `ranges`, in any order.
    #[must_use]
    pub fn new(ranges: &[Range<usize>]) -> Self {
        let mut sorted: Vec<Range<usize>> =
            ranges.iter().filter(|r| r.start < r.end).cloned().collect();
        sorted.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
        for range in sorted {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        Self(merged)
    }

    /// Whether a heading holds `byte`.
    #[must_use]
    pub fn contains(&self, byte: usize) -> bool {
        let after = self.0.partition_point(|r| r.start <= byte);
        after > 0 && byte < self.0[after - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn membership_matches_a_scan_of_the_ranges() {
        let ranges = [10..20, 0..3, 15..25, 30..30, 25..27, 40..41];
        let set = Headings::new(&ranges);
        for byte in 0..50 {
            assert_eq!(
                set.contains(byte),
                ranges.iter().any(|r| r.contains(&byte)),
                "{byte}"
            );
        }
    }
}
