//! `eval train-classes`: the entity tagger's word classes (`models/word_classes.txt`), learned
//! from unlabelled text — the main texts of a WCXB folder's pages (`ground-truth/*.json`) and
//! the `*.txt` files of plain folders, tokenised as the pipeline tokenises — so that a word the
//! labelled data never holds shares the features of the words that stand in the same contexts.
//! Words written with a leading `#` (hashtags) get no class: the file's `#` lines are comments.
//!
//! The classes come from the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney
//! 1998): every word starts in a class by its frequency rank, then, word by word in frequency
//! order, moves to the class that most raises the likelihood of a class-bigram model of the
//! text, until a pass moves few words or the iterations run out. It runs twice, for a coarse
//! and a fine granularity. Deterministic: the same text and settings give the same bytes.
//! Hand-written: no maintained Rust crate clusters words, and the algorithm is a page.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use enricher_extract::enrich::entities::tagger::word_classes::class_key;
use enricher_extract::enrich::tokens;

/// Clustering settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub coarse: usize,
    pub fine: usize,
    /// Words seen fewer times than this get no class.
    pub min_count: u32,
    pub iterations: usize,
}

/// What the clustering saw.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    pub tokens: usize,
    pub words: usize,
}

/// Clusters the words of the folders' texts (WCXB main texts, or every `*.txt` file of a plain
/// folder, by name) and writes the classes to `out`.
///
/// # Errors
/// A folder cannot be read, holds no text, or `out` cannot be written.
pub fn train(dirs: &[PathBuf], out: &Path, settings: Settings) -> anyhow::Result<Report> {
    let mut texts = Vec::new();
    for dir in dirs {
        let before = texts.len();
        if crate::wcxb::is_wcxb(dir) {
            texts.extend(crate::wcxb::load(dir)?.into_iter().map(|c| c.expected_text));
        } else {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .filter(|path| path.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            for file in files {
                texts.push(std::fs::read_to_string(&file)?);
            }
        }
        anyhow::ensure!(texts.len() > before, "{}: no text found", dir.display());
    }
    let corpus = Corpus::new(&texts, settings.min_count);
    let coarse = exchange(&corpus, settings.coarse, settings.iterations);
    let fine = exchange(&corpus, settings.fine, settings.iterations);
    let mut rows: Vec<(&str, usize, usize)> = (0..corpus.named)
        .map(|w| (corpus.words[w].as_str(), coarse[w], fine[w]))
        .collect();
    rows.sort_unstable();
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    writeln!(
        file,
        "# word<TAB>coarse class<TAB>fine class: `article-enricher-eval train-classes` (exchange \
         algorithm, {} and {} classes, {} iterations, words seen at least {} times) over {} \
         tokens of {} main texts; see models/SOURCES.md",
        settings.coarse,
        settings.fine,
        settings.iterations,
        settings.min_count,
        corpus.tokens,
        texts.len()
    )?;
    for (word, c, f) in rows {
        writeln!(file, "{word}\t{c}\t{f}")?;
    }
    file.flush()?;
    Ok(Report {
        documents: texts.len(),
        tokens: corpus.tokens,
        words: corpus.named,
    })
}

/// The text as word ids with bigram counts: ids `0..named` are the words seen `min_count`
/// times or more (most frequent first), then one id for every rarer word and one for the
/// sentence boundary.
struct Corpus {
    words: Vec<String>,
    named: usize,
    counts: Vec<i64>,
    /// Each word's right neighbours and left neighbours with counts, itself left out.
    right: Vec<Vec<(u32, i64)>>,
    left: Vec<Vec<(u32, i64)>>,
    /// How often each word follows itself.
    repeats: Vec<i64>,
    tokens: usize,
}

impl Corpus {
    fn new(texts: &[String], min_count: u32) -> Self {
        let mut sentences: Vec<Vec<String>> = Vec::new();
        for text in texts {
            let tokens = tokens::tokenize(text, &tokens::sentences(text, Some("en")));
            let mut current = Vec::new();
            let mut sentence = tokens.first().map_or(0, |t| t.sentence);
            for token in &tokens {
                if token.sentence != sentence && !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
                sentence = token.sentence;
                current.push(class_key(token.text(text)));
            }
            if !current.is_empty() {
                sentences.push(current);
            }
        }
        let mut frequency: FxHashMap<&str, u32> = FxHashMap::default();
        for word in sentences.iter().flatten() {
            *frequency.entry(word.as_str()).or_default() += 1;
        }
        let mut kept: Vec<(&str, u32)> = frequency
            .iter()
            .filter(|(_, n)| **n >= min_count)
            .map(|(w, n)| (*w, *n))
            .collect();
        kept.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let named = kept.len();
        let mut words: Vec<String> = kept.iter().map(|(w, _)| (*w).to_owned()).collect();
        words.push("<rare>".to_owned());
        words.push("<s>".to_owned());
        let id: FxHashMap<&str, u32> = kept
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (*w, i as u32))
            .collect();
        let (rare, boundary) = (named as u32, named as u32 + 1);
        let mut bigrams: FxHashMap<(u32, u32), i64> = FxHashMap::default();
        let mut counts = vec![0_i64; words.len()];
        let mut tokens_seen = 0;
        for sentence in &sentences {
            let mut previous = boundary;
            counts[boundary as usize] += 1;
            for word in sentence {
                let w = id.get(word.as_str()).copied().unwrap_or(rare);
                counts[w as usize] += 1;
                *bigrams.entry((previous, w)).or_default() += 1;
                previous = w;
                tokens_seen += 1;
            }
            *bigrams.entry((previous, boundary)).or_default() += 1;
        }
        let mut right = vec![Vec::new(); words.len()];
        let mut left = vec![Vec::new(); words.len()];
        let mut repeats = vec![0; words.len()];
        let mut pairs: Vec<((u32, u32), i64)> = bigrams.into_iter().collect();
        pairs.sort_unstable();
        for ((a, b), n) in pairs {
            if a == b {
                repeats[a as usize] += n;
            } else {
                right[a as usize].push((b, n));
                left[b as usize].push((a, n));
            }
        }
        Self {
            words,
            named,
            counts,
            right,
            left,
            repeats,
            tokens: tokens_seen,
        }
    }
}

/// `x ln x`, 0 at 0.
fn xlogx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// Each word's class among `k`, by the exchange algorithm.
fn exchange(corpus: &Corpus, k: usize, iterations: usize) -> Vec<usize> {
    let v = corpus.words.len();
    let mut class: Vec<usize> = (0..v).map(|w| w % k).collect();
    let mut pair = vec![0_i64; k * k];
    let mut single = vec![0_i64; k];
    for w in 0..v {
        single[class[w]] += corpus.counts[w];
        pair[class[w] * k + class[w]] += corpus.repeats[w];
        for &(b, n) in &corpus.right[w] {
            pair[class[w] * k + class[b as usize]] += n;
        }
    }
    let mut to_right = vec![0_i64; k];
    let mut from_left = vec![0_i64; k];
    let (mut right_touched, mut left_touched) = (Vec::new(), Vec::new());
    for iteration in 0..iterations {
        let mut moved = 0;
        for w in 0..v {
            let n_w = corpus.counts[w];
            let s = corpus.repeats[w];
            right_touched.clear();
            left_touched.clear();
            for &(b, n) in &corpus.right[w] {
                let c = class[b as usize];
                if to_right[c] == 0 {
                    right_touched.push(c);
                }
                to_right[c] += n;
            }
            for &(a, n) in &corpus.left[w] {
                let c = class[a as usize];
                if from_left[c] == 0 {
                    left_touched.push(c);
                }
                from_left[c] += n;
            }
            let from = class[w];
            for &c in &right_touched {
                pair[from * k + c] -= to_right[c];
            }
            for &c in &left_touched {
                pair[c * k + from] -= from_left[c];
            }
            pair[from * k + from] -= s;
            single[from] -= n_w;
            let gain = |b: usize| {
                let mut g = 0.0;
                for &c in &right_touched {
                    if c != b {
                        let old = pair[b * k + c];
                        g += xlogx(old + to_right[c]) - xlogx(old);
                    }
                }
                for &c in &left_touched {
                    if c != b {
                        let old = pair[c * k + b];
                        g += xlogx(old + from_left[c]) - xlogx(old);
                    }
                }
                let old = pair[b * k + b];
                g += xlogx(old + to_right[b] + from_left[b] + s) - xlogx(old);
                g - 2.0 * (xlogx(single[b] + n_w) - xlogx(single[b]))
            };
            let mut best = from;
            let mut best_gain = gain(from);
            for b in 0..k {
                if b != from {
                    let g = gain(b);
                    if g > best_gain + 1e-9 {
                        best = b;
                        best_gain = g;
                    }
                }
            }
            for &c in &right_touched {
                pair[best * k + c] += to_right[c];
            }
            for &c in &left_touched {
                pair[c * k + best] += from_left[c];
            }
            pair[best * k + best] += s;
            single[best] += n_w;
            if best != from {
                class[w] = best;
                moved += 1;
            }
            for &c in &right_touched {
                to_right[c] = 0;
            }
            for &c in &left_touched {
                from_left[c] = 0;
            }
        }
        eprintln!(
            "classes {k}: pass {} moved {moved} of {v} words",
            iteration + 1
        );
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class_and_others_do_not() {
        let mut texts = Vec::new();
        for (city, firm) in [("Oslo", "Acme"), ("Lima", "Brillco"), ("Kyiv", "Zantex")] {
            for _ in 0..20 {
                texts.push(format!(
                    "She flew to {city} on Monday. Shares of {firm} rose sharply today."
                ));
            }
        }
        let corpus = Corpus::new(&texts, 3);
        let class = exchange(&corpus, 8, 10);
        let of = |w: &str| class[corpus.words.iter().position(|x| x == w).unwrap()];
        assert_eq!(of("Oslo"), of("Lima"));
        assert_eq!(of("Lima"), of("Kyiv"));
        assert_eq!(of("Acme"), of("Zantex"));
        assert_ne!(of("Oslo"), of("Acme"));
    }
}
