//! The CRF's weights as lookup tables, and Viterbi decoding over them.
//!
//! The model file is CRFsuite's format, written by the `crfs` crate's trainer; we read it with
//! `crfs` once and copy its weights into a [`StateTable`] keyed by feature name. `crfs` exposes
//! the weights only through `Model::dump` (its feature records are crate-private), so a
//! [`DumpReader`] takes the dump line by line as it is written and keeps no copy of the text.
//! Hand-written decoding: `crfs`'s own tagger wants every feature as an owned `String` and looks
//! each one up in the model's CQDB, which made tagging cost four times the rest of the
//! enrichment; here a feature is a borrowed `&str` built in a reused buffer and scored with one
//! hash lookup.

mod state_table;

use std::collections::HashMap;
use std::io::{self, Write};

pub use state_table::Memo;
use state_table::StateTable;

/// Labels, transition weights and per-feature state weights.
pub struct Weights {
    pub labels: Vec<String>,
    /// `transitions[from * n + to]`.
    transitions: Vec<f64>,
    states: StateTable,
}

impl Weights {
    /// Reads a CRFsuite model.
    ///
    /// # Errors
    /// The bytes are not a CRFsuite model.
    pub fn from_crfsuite(bytes: &[u8]) -> io::Result<Self> {
        let model = crfs::Model::new(bytes)?;
        let n = model.num_labels() as usize;
        let labels: Vec<String> = (0..n as u32)
            .map(|i| model.to_label(i).unwrap_or("O").to_owned())
            .collect();
        let mut reader = DumpReader {
            index: labels
                .iter()
                .enumerate()
                .map(|(i, l)| (l.as_str(), u8::try_from(i).unwrap_or(u8::MAX)))
                .collect(),
            n,
            line: Vec::new(),
            section: String::new(),
            transitions: vec![0.0; n * n],
            states: StateTable::with_capacity(model.num_attrs() as usize),
        };
        model.dump(&mut reader)?;
        reader.flush()?;
        let DumpReader {
            transitions,
            mut states,
            ..
        } = reader;
        states.shrink_to_fit();
        Ok(Self {
            labels,
            transitions,
            states,
        })
    }

    /// Adds the weights of `feature` to one token's label scores, remembering where features
    /// were found in `memo` (one per document).
    #[inline]
    pub fn score(&self, feature: &str, row: &mut [f64], memo: &mut Memo) {
        for (label, weight) in self.states.get_remembered(feature, memo) {
            row[*label as usize] += weight;
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


/// Takes `crfs::Model::dump`'s text as it is written and keeps only the weights: the dump of a
/// 6 MB model is ~5 MB of text, which held whole raised every worker's peak memory.
struct DumpReader<'l> {
    /// Label name → label index.
    index: HashMap<&'l str, u8>,
    n: usize,
    /// The line being written (the dump writes each in several pieces).
    line: Vec<u8>,
    section: String,
    transitions: Vec<f64>,
    states: StateTable,
}

impl Write for DumpReader<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(end) = memchr::memchr(b'\n', rest) {
            self.line.extend_from_slice(&rest[..end]);
            self.take_line()?;
            rest = &rest[end + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    /// Reads the last line when it has no newline.
    fn flush(&mut self) -> io::Result<()> {
        if self.line.is_empty() {
            return Ok(());
        }
        self.take_line()
    }
}

impl DumpReader<'_> {
    /// Reads one dump line and clears it.
    fn take_line(&mut self) -> io::Result<()> {
        let line = std::mem::take(&mut self.line);
        let result = {
            let text = String::from_utf8_lossy(&line);
            self.read_line(text.strip_suffix('\r').unwrap_or(&text))
        };
        self.line = line;
        self.line.clear();
        result
    }

    fn read_line(&mut self, line: &str) -> io::Result<()> {
        if line.ends_with("= {") {
            line.split_whitespace()
                .next()
                .unwrap_or("")
                .clone_into(&mut self.section);
            return Ok(());
        }
        // "  (1) O --> B-PER: 2.43" or "  (0) w=said --> O: 1.07"
        let Some(rest) = line.trim_start().strip_prefix('(') else {
            return Ok(());
        };
        let Some((_, rest)) = rest.split_once(") ") else {
            return Ok(());
        };
        let Some((source, rest)) = rest.rsplit_once(" --> ") else {
            return Ok(());
        };
        let Some((target, weight)) = rest.rsplit_once(": ") else {
            return Ok(());
        };
        let (Some(&target), Ok(weight)) = (self.index.get(target), weight.parse::<f64>()) else {
            return Ok(());
        };
        match self.section.as_str() {
            "TRANSITIONS" => {
                if let Some(&from) = self.index.get(source) {
                    self.transitions[from as usize * self.n + target as usize] = weight;
                }
            }
            "STATE_FEATURES" => self
                .states
                .push(source, target, weight)
                .map_err(|reason| io::Error::new(io::ErrorKind::InvalidData, reason))?,
            _ => {}
        }
        Ok(())
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
            states: StateTable::default(),
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
            states: StateTable::default(),
        };
        let mut row = [0.5];
        weights.score("w=never-seen", &mut row, &mut Memo::default());
        assert_eq!(row, [0.5]);
    }

    /// Feature name → its (label, weight) pairs, as the loader before the packed table kept them.
    type OldStates = HashMap<String, Vec<(u8, f64)>>;

    /// The shipped model's weights as the loader before the packed table read them: the whole
    /// dump in one string, each feature's weights in a `Vec` of a `HashMap`.
    fn weights_as_a_map(model: &[u8]) -> (Vec<f64>, OldStates) {
        let model = crfs::Model::new(model).unwrap();
        let mut dump = Vec::new();
        model.dump(&mut dump).unwrap();
        let dump = String::from_utf8_lossy(&dump);
        let n = model.num_labels() as usize;
        let labels: Vec<String> = (0..n as u32)
            .map(|i| model.to_label(i).unwrap_or("O").to_owned())
            .collect();
        let index: HashMap<&str, u8> = (0..n).map(|i| (labels[i].as_str(), i as u8)).collect();
        let mut transitions = vec![0.0; n * n];
        let mut states = OldStates::new();
        let mut section = "";
        for line in dump.lines() {
            if line.ends_with("= {") {
                section = line.split_whitespace().next().unwrap_or("");
                continue;
            }
            let Some(rest) = line.trim_start().strip_prefix('(') else {
                continue;
            };
            let (_, rest) = rest.split_once(") ").unwrap();
            let (source, rest) = rest.rsplit_once(" --> ").unwrap();
            let (target, weight) = rest.rsplit_once(": ").unwrap();
            let (target, weight) = (index[target], weight.parse::<f64>().unwrap());
            match section {
                "TRANSITIONS" => transitions[index[source] as usize * n + target as usize] = weight,
                "STATE_FEATURES" => states
                    .entry(source.to_owned())
                    .or_default()
                    .push((target, weight)),
                _ => {}
            }
        }
        (transitions, states)
    }

    #[test]
    fn the_packed_table_holds_every_weight_of_the_shipped_model() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/models/entities.crfsuite");
        let bytes = std::fs::read(path).unwrap();
        let weights = Weights::from_crfsuite(&bytes).unwrap();
        let (transitions, states) = weights_as_a_map(&bytes);
        assert!(states.len() > 1000, "{} features", states.len());
        assert_eq!(weights.transitions, transitions);
        assert_eq!(weights.states.len(), states.len());
        for (feature, expected) in &states {
            assert_eq!(weights.states.get(feature), expected.as_slice(), "{feature}");
        }
        assert!(weights.states.get("w=no-such-word-in-any-model").is_empty());
    }

    #[test]
    fn a_dump_written_in_odd_pieces_reads_the_same() {
        let index: HashMap<&str, u8> = [("O", 0), ("B-PER", 1)].into_iter().collect();
        let mut reader = DumpReader {
            index,
            n: 2,
            line: Vec::new(),
            section: String::new(),
            transitions: vec![0.0; 4],
            states: StateTable::default(),
        };
        let dump = "TRANSITIONS = {\n  (1) O --> B-PER: -0.500000\n}\n\nSTATE_FEATURES = {\n  \
                    (0) w=a --> O: 1.250000\n  (0) w=a --> B-PER: 2.000000\n  (0) w=b --> O: 3.0";
        for piece in dump.as_bytes().chunks(3) {
            reader.write_all(piece).unwrap();
        }
        reader.flush().unwrap();
        assert_eq!(reader.transitions, [0.0, -0.5, 0.0, 0.0]);
        assert_eq!(reader.states.get("w=a"), [(0, 1.25), (1, 2.0)]);
        assert_eq!(reader.states.get("w=b"), [(0, 3.0)]);
    }
}
