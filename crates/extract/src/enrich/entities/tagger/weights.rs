//! The CRF's weights as lookup tables, and Viterbi decoding over them.
//!
//! The model file is CRFsuite's format, written by the `crfs` crate's trainer; we read it with
//! `crfs` once and copy its weights into a hash table keyed by feature name. Hand-written
//! decoding: `crfs`'s own tagger wants every feature as an owned `String` and looks each one up
//! in the model's CQDB, which made tagging cost four times the rest of the enrichment; here a
//! feature is a borrowed `&str` built in a reused buffer and scored with one hash lookup.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

/// Labels, transition weights and per-feature state weights.
pub struct Weights {
    pub labels: Vec<String>,
    /// `transitions[from * n + to]`.
    transitions: Vec<f64>,
    states: HashMap<Box<str>, Vec<(u8, f64)>, FxBuildHasher>,
}

impl Weights {
    /// Reads a CRFsuite model.
    ///
    /// # Errors
    /// The bytes are not a CRFsuite model.
    pub fn from_crfsuite(bytes: &[u8]) -> std::io::Result<Self> {
        let model = crfs::Model::new(bytes)?;
        let mut dump = Vec::new();
        model.dump(&mut dump)?;
        let dump = String::from_utf8_lossy(&dump);
        let n = model.num_labels() as usize;
        let labels: Vec<String> = (0..n as u32)
            .map(|i| model.to_label(i).unwrap_or("O").to_owned())
            .collect();
        let index: HashMap<&str, u8> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), u8::try_from(i).unwrap_or(u8::MAX)))
            .collect();
        let mut transitions = vec![0.0; n * n];
        let mut states: HashMap<Box<str>, Vec<(u8, f64)>, FxBuildHasher> = HashMap::default();
        let mut section = "";
        for line in dump.lines() {
            if line.ends_with("= {") {
                section = line.split_whitespace().next().unwrap_or("");
                continue;
            }
            // "  (1) O --> B-PER: 2.43" or "  (0) w=said --> O: 1.07"
            let Some(rest) = line.trim_start().strip_prefix('(') else {
                continue;
            };
            let Some((_, rest)) = rest.split_once(") ") else {
                continue;
            };
            let Some((source, rest)) = rest.rsplit_once(" --> ") else {
                continue;
            };
            let Some((target, weight)) = rest.rsplit_once(": ") else {
                continue;
            };
            let (Some(target), Ok(weight)) = (index.get(target), weight.parse::<f64>()) else {
                continue;
            };
            match section {
                "TRANSITIONS" => {
                    if let Some(from) = index.get(source) {
                        transitions[*from as usize * n + *target as usize] = weight;
                    }
                }
                "STATE_FEATURES" => states
                    .entry(source.into())
                    .or_default()
                    .push((*target, weight)),
                _ => {}
            }
        }
        Ok(Self {
            labels,
            transitions,
            states,
        })
    }

    /// Adds the weights of `feature` to one token's label scores.
    pub fn score(&self, feature: &str, row: &mut [f64]) {
        if let Some(weights) = self.states.get(feature) {
            for (label, weight) in weights {
                row[*label as usize] += weight;
            }
        }
    }

    /// The best label sequence for the state scores (`scores[k * n + label]`).
    #[must_use]
    pub fn viterbi(&self, scores: &[f64]) -> Vec<&str> {
        let n = self.labels.len();
        let len = scores.len() / n;
        if len == 0 || n == 0 {
            return Vec::new();
        }
        let mut best = scores[..n].to_vec();
        let mut back = vec![0_usize; len * n];
        for k in 1..len {
            let mut next = vec![f64::NEG_INFINITY; n];
            for to in 0..n {
                for (from, previous) in best.iter().enumerate() {
                    let s = previous + self.transitions[from * n + to];
                    if s > next[to] {
                        next[to] = s;
                        back[k * n + to] = from;
                    }
                }
                next[to] += scores[k * n + to];
            }
            best = next;
        }
        let mut label = (0..n)
            .max_by(|a, b| best[*a].total_cmp(&best[*b]))
            .unwrap_or(0);
        let mut out = vec![0_usize; len];
        for k in (0..len).rev() {
            out[k] = label;
            label = back[k * n + label];
        }
        out.into_iter().map(|l| self.labels[l].as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_follows_transitions_when_state_scores_tie() {
        let labels = vec!["O".to_owned(), "B-PER".to_owned(), "I-PER".to_owned()];
        // O→I-PER is forbidden, B-PER→I-PER is favoured.
        let transitions = vec![0.0, 0.0, -10.0, 0.0, 0.0, 5.0, 0.0, 0.0, 0.0];
        let weights = Weights {
            labels,
            transitions,
            states: HashMap::default(),
        };
        // Token 0 leans B-PER, token 1 is undecided between O and I-PER.
        let scores = [0.0, 2.0, 0.0, 1.0, 0.0, 1.0];
        assert_eq!(weights.viterbi(&scores), ["B-PER", "I-PER"]);
    }

    #[test]
    fn unknown_features_add_nothing() {
        let weights = Weights {
            labels: vec!["O".to_owned()],
            transitions: vec![0.0],
            states: HashMap::default(),
        };
        let mut row = [0.5];
        weights.score("w=never-seen", &mut row);
        assert_eq!(row, [0.5]);
    }
}
