//! The CRF's state weights (feature name → its weight for each label it has one for), packed
//! flat: every name back to back in one string, every (label, weight) pair in one array, one
//! pair of end offsets per feature, and a `hashbrown` [`HashTable`] of feature numbers as the
//! index. The `HashMap<Box<str>, Vec<(u8, f64)>>` this replaces spent two small heap allocations
//! per feature (a 64-byte `Vec` for ~1.25 weights) and a 40-byte slot: ~13 MB resident in every
//! process for the shipped model's ~75,000 features, ~3 MB here. `HashTable` (hashbrown's
//! raw-table API, already in the tree through `whatlang`) is the well-kept crate for "the key
//! lives elsewhere"; only the arena around it is ours, because no crate packs a string-keyed
//! multimap this way (`fst` maps a key to one `u64` and is slower to probe than a hash).

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Feature name → the labels and weights it adds.
#[derive(Default)]
pub struct StateTable {
    /// Every feature's name, back to back.
    names: String,
    /// Where each feature's name and weights end; they start where the previous one's end.
    ends: Vec<Ends>,
    /// Every feature's (label index, weight) pairs, back to back.
    weights: Vec<(u8, f64)>,
    /// Feature numbers, hashed by name.
    index: HashTable<u32>,
    hasher: FxBuildHasher,
}

/// The ends of one feature's name in `names` and of its weights in `weights`.
#[derive(Clone, Copy, Default)]
struct Ends {
    name: u32,
    weights: u32,
}

impl StateTable {
    /// An empty table with room for `features` names.
    pub fn with_capacity(features: usize) -> Self {
        Self {
            ends: Vec::with_capacity(features),
            index: HashTable::with_capacity(features),
            ..Self::default()
        }
    }

    /// How many features have weights.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Feature `i`'s name and weights as ranges of `names` and `weights`.
    fn ranges(ends: &[Ends], i: usize) -> (Range<usize>, Range<usize>) {
        let start = if i == 0 { Ends::default() } else { ends[i - 1] };
        (
            start.name as usize..ends[i].name as usize,
            start.weights as usize..ends[i].weights as usize,
        )
    }

    fn name_in<'a>(names: &'a str, ends: &[Ends], i: usize) -> &'a str {
        &names[Self::ranges(ends, i).0]
    }

    fn name(&self, i: usize) -> &str {
        Self::name_in(&self.names, &self.ends, i)
    }

    /// The name of the feature added last, if any.
    pub fn last_name(&self) -> Option<&str> {
        self.len().checked_sub(1).map(|i| self.name(i))
    }

    /// Adds `label`'s `weight` to `feature`: to the feature added last when it has this name,
    /// else as a new feature.
    ///
    /// # Errors
    /// `feature` was added before but is not the last one (a model lists each feature's weights
    /// together), or the table outgrew `u32` offsets.
    pub fn push(&mut self, feature: &str, label: u8, weight: f64) -> Result<(), &'static str> {
        if self.last_name() != Some(feature) {
            let hash = self.hasher.hash_one(feature);
            if self.find(feature, hash).is_some() {
                return Err("a feature's weights are not listed together");
            }
            self.names.push_str(feature);
            let id = u32::try_from(self.len()).map_err(|_| "too many features")?;
            let name = u32::try_from(self.names.len()).map_err(|_| "feature names too long")?;
            let weights = self.ends.last().map_or(0, |last| last.weights);
            self.ends.push(Ends { name, weights });
            let (names, ends, hasher) = (&self.names, &self.ends, &self.hasher);
            self.index.insert_unique(hash, id, |&i| {
                hasher.hash_one(Self::name_in(names, ends, i as usize))
            });
        }
        self.weights.push((label, weight));
        let end = u32::try_from(self.weights.len()).map_err(|_| "too many weights")?;
        if let Some(last) = self.ends.last_mut() {
            last.weights = end;
        }
        Ok(())
    }

    /// Gives back the room the arrays grew into while loading.
    pub fn shrink_to_fit(&mut self) {
        self.names.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.weights.shrink_to_fit();
        let (names, ends, hasher) = (&self.names, &self.ends, &self.hasher);
        self.index
            .shrink_to_fit(|&i| hasher.hash_one(Self::name_in(names, ends, i as usize)));
    }

    fn find(&self, feature: &str, hash: u64) -> Option<usize> {
        self.index
            .find(hash, |&i| self.name(i as usize) == feature)
            .map(|&i| i as usize)
    }

    /// The (label index, weight) pairs of `feature` (none when it has no weights).
    #[cfg(test)]
    pub fn get(&self, feature: &str) -> &[(u8, f64)] {
        match self.find(feature, self.hasher.hash_one(feature)) {
            Some(i) => &self.weights[Self::ranges(&self.ends, i).1],
            None => &[],
        }
    }

    /// The (label index, weight) pairs of `feature` (none when it has no weights), looked up
    /// through `memo`, which remembers where the features found last were.
    #[inline]
    pub fn get_remembered(&self, feature: &str, memo: &mut Memo) -> &[(u8, f64)] {
        let hash = self.hasher.hash_one(feature);
        // The top bits pick the slot: hashbrown's own probe starts from the low ones.
        let slot = &mut memo.slots[(hash >> (64 - Memo::BITS)) as usize];
        let found = if slot.0 == hash && slot.1 != Memo::EMPTY && self.name(slot.1 as usize) == feature
        {
            Some(slot.1 as usize)
        } else {
            let found = self.find(feature, hash);
            if let Some(i) = found {
                *slot = (hash, u32::try_from(i).unwrap_or(Memo::EMPTY));
            }
            found
        };
        match found {
            Some(i) => &self.weights[Self::ranges(&self.ends, i).1],
            None => &[],
        }
    }
}

/// Where recently found features are in the table, for one tagging call: a document of 770
/// words asks ~15,000 times for ~2,600 distinct features ("b", "r=O", "-1:s=x" for every
/// token), and each probe of the 75,000-feature index is a cache miss; a remembered slot is
/// checked against the feature's name, so a stale or colliding slot only costs a probe.
pub struct Memo {
    slots: Vec<(u64, u32)>,
}

impl Memo {
    const BITS: u32 = 12;
    const EMPTY: u32 = u32::MAX;
}

impl Default for Memo {
    fn default() -> Self {
        Self {
            slots: vec![(0, Self::EMPTY); 1 << Self::BITS],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_gets_the_weights_pushed_for_it_and_nothing_else() {
        let mut table = StateTable::with_capacity(2);
        table.push("w=said", 0, 1.5).unwrap();
        table.push("w=said", 2, -0.25).unwrap();
        table.push("shape=Xx", 1, 3.0).unwrap();
        table.shrink_to_fit();
        assert_eq!(table.len(), 2);
        assert_eq!(table.get("w=said"), [(0, 1.5), (2, -0.25)]);
        assert_eq!(table.get("shape=Xx"), [(1, 3.0)]);
        assert!(table.get("w=sai").is_empty());
        assert!(table.get("").is_empty());
    }

    #[test]
    fn a_remembered_lookup_gives_what_a_plain_one_gives() {
        let mut table = StateTable::default();
        for i in 0..5_000_u32 {
            table.push(&format!("f{i}"), (i % 7) as u8, f64::from(i)).unwrap();
        }
        table.shrink_to_fit();
        let mut memo = Memo::default();
        // Twice over, so the second round reads remembered slots (and colliding ones: 6,000
        // names share 4,096 slots).
        for _ in 0..2 {
            for i in 0..6_000_u32 {
                let name = format!("f{i}");
                assert_eq!(table.get_remembered(&name, &mut memo), table.get(&name), "{name}");
            }
        }
    }

    #[test]
    fn a_feature_listed_in_two_places_is_refused() {
        let mut table = StateTable::default();
        table.push("a", 0, 1.0).unwrap();
        table.push("b", 0, 1.0).unwrap();
        assert!(table.push("a", 1, 1.0).is_err());
    }

    #[test]
    fn lookups_survive_the_index_growing() {
        let mut table = StateTable::default();
        for i in 0..10_000_u32 {
            table.push(&format!("f{i}"), (i % 7) as u8, f64::from(i)).unwrap();
        }
        table.shrink_to_fit();
        for i in (0..10_000_u32).step_by(97) {
            assert_eq!(table.get(&format!("f{i}")), [((i % 7) as u8, f64::from(i))]);
        }
    }
}
