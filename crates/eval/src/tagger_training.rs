//! `eval train-entities`: trains the entity tagger's CRF weights (`models/entities.crfsuite`)
//! on CoNLL-U documents with GUM `Entity=` annotations, with exactly the gold spans
//! `eval entities` scores against and the features the pipeline computes at run time
//! (`crates/extract/src/enrich/entities/tagger/`).
//!
//! The shipped weights come from `../shared/corpus/gum-train` (GUM, CC BY 4.0: academic,
//! biography, court, interview and travel documents) and `../shared/corpus/ner-open`
//! (WikiGold, Broad Twitter Corpus, WNUT-17, CC BY 4.0; read by [`crate::conll`]); sources and
//! licences in `crates/extract/models/SOURCES.md`. Never train on the news documents that
//! `eval entities` scores (`gum-news`), nor on data that is not openly licensed (CoNLL-2003,
//! OntoNotes). `eval cv-entities` cross-validates on the same sources, split by document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crfs::Trainer;

use enricher_extract::enrich::entities::Kind;
use enricher_extract::enrich::entities::tagger;
use enricher_extract::enrich::headings::Headings;
use enricher_extract::enrich::tokens;
use enricher_extract::{Extractor, Options};

use crate::{conll, entities};

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// L1 regularisation (sparsity: drops weak features).
    pub c1: f64,
    /// L2 regularisation.
    pub c2: f64,
    pub max_iterations: usize,
    /// Minimum count of a feature in the training data.
    pub min_freq: f64,
}

/// What the training saw.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    pub name_tokens: usize,
}

fn kind_of(name: &str) -> Option<Kind> {
    match name {
        "person" => Some(Kind::Person),
        "organization" => Some(Kind::Organization),
        "location" => Some(Kind::Location),
        _ => None,
    }
}

/// A training or evaluation document with the corpus it came from.
pub struct Sourced {
    /// `gum-train`, `wikigold`, `btc`, `wnut17`, …
    pub corpus: String,
    pub document: entities::Document,
}

/// The documents of every source folder, in the order given (see [`conll::load_source`]).
///
/// # Errors
/// A folder cannot be read.
pub fn load_sources(dirs: &[PathBuf]) -> anyhow::Result<Vec<Sourced>> {
    let mut out = Vec::new();
    for dir in dirs {
        let fallback = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        for document in conll::load_source(dir)? {
            out.push(Sourced {
                corpus: conll::corpus_of(&document.name, &fallback).to_owned(),
                document,
            });
        }
    }
    Ok(out)
}

/// Trains on every document under the `dirs` and writes the model to `out`.
///
/// # Errors
/// A corpus cannot be read, or training or writing the model fails.
pub fn train(dirs: &[PathBuf], out: &Path, settings: Settings) -> anyhow::Result<Report> {
    let docs = load_sources(dirs)?;
    let docs: Vec<&entities::Document> = docs.iter().map(|d| &d.document).collect();
    train_documents(&docs, out, settings)
}

/// Trains on `docs` and writes the model to `out`.
///
/// # Errors
/// Training or writing the model fails.
pub fn train_documents(
    docs: &[&entities::Document],
    out: &Path,
    settings: Settings,
) -> anyhow::Result<Report> {
    // The shipped gazetteer (and vocabulary) the rules and features read; its tagger weights
    // are not used.
    let extractor = Extractor::new(Options::default())?;
    let models = extractor.models();
    let mut trainer = Trainer::lbfgs()
        .with_c1(settings.c1)?
        .with_c2(settings.c2)?
        .with_max_iterations(settings.max_iterations)?;
    trainer.set_feature_minfreq(settings.min_freq)?;
    let mut report = Report {
        documents: docs.len(),
        sentences: 0,
        tokens: 0,
        name_tokens: 0,
    };
    for doc in docs {
        let text = doc.text.as_str();
        let sentence_ranges = tokens::sentences(text, Some("en"));
        let toks = tokens::tokenize(text, &sentence_ranges);
        let chars = tokens::CharIndex::new(text);
        let gold: Vec<(usize, usize, Kind)> = doc
            .gold
            .iter()
            .filter_map(|g| Some((g.start, g.end, kind_of(&g.kind)?)))
            .collect();
        let labels = tagger::gold_labels(&toks, &chars, &gold);
        let rules = tagger::rule_labels_of(&models.gazetteer, text, &toks, &doc.headings);
        let words = tagger::DocumentWords::new(text, &toks, &models.vocabulary);
        let headings = Headings::new(&doc.headings);
        for sentence in tagger::sentence_ranges(&toks) {
            let features = tagger::features::collect(&tagger::features::Sentence {
                text,
                tokens: &toks,
                range: sentence.clone(),
                headings: &headings,
                rules: &rules,
                words: &words,
                vocabulary: &models.vocabulary,
            });
            trainer.append(&features, &labels[sentence.clone()])?;
            report.sentences += 1;
        }
        report.tokens += toks.len();
        report.name_tokens += labels.iter().filter(|l| **l != "O").count();
    }
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    trainer.train(out)?;
    Ok(report)
}

/// Scores per type (and `all`).
pub type Scores = BTreeMap<String, entities::Score>;
/// Gold and predicted mentions of one document.
type Pair = (Vec<entities::Labeled>, Vec<entities::Labeled>);

/// k-fold cross-validation split by document: document `i` of each corpus is in fold `i % k`.
/// Each fold's documents are tagged by the whole pipeline with weights trained on every other
/// fold of every corpus; the scores are gathered per corpus and over all of them (`all`).
/// With `models`, each fold's weights are kept there and reused when present (to compare
/// changes after tagging without retraining; delete them after changing features or data).
/// With `only`, just that fold is trained and scored.
///
/// # Errors
/// A corpus cannot be read, or training fails.
pub fn cross_validate(
    dirs: &[PathBuf],
    folds: usize,
    settings: Settings,
    options: &Options,
    models: Option<&Path>,
    only: Option<usize>,
) -> anyhow::Result<BTreeMap<String, (usize, Scores)>> {
    anyhow::ensure!(folds >= 2, "cross-validation needs at least two folds");
    let docs = load_sources(dirs)?;
    let mut index_in_corpus: BTreeMap<&str, usize> = BTreeMap::new();
    let fold_of: Vec<usize> = docs
        .iter()
        .map(|d| {
            let i = index_in_corpus.entry(d.corpus.as_str()).or_default();
            *i += 1;
            (*i - 1) % folds
        })
        .collect();
    let mut pairs: BTreeMap<String, Vec<Pair>> = BTreeMap::new();
    let scratch = std::env::temp_dir().join(format!("cv-entities-{}", std::process::id()));
    let dir = models.unwrap_or(&scratch);
    std::fs::create_dir_all(dir)?;
    for fold in (0..folds).filter(|f| only.is_none_or(|o| o == *f)) {
        let model = dir.join(format!("fold-{fold}-of-{folds}.crfsuite"));
        let train: Vec<&entities::Document> = docs
            .iter()
            .zip(&fold_of)
            .filter(|(_, f)| **f != fold)
            .map(|(d, _)| &d.document)
            .collect();
        if models.is_some() && model.exists() {
            eprintln!("fold {}/{folds}: reusing {}", fold + 1, model.display());
        } else {
            let report = train_documents(&train, &model, settings)?;
            eprintln!(
                "fold {}/{folds}: trained on {} documents, {} tokens",
                fold + 1,
                report.documents,
                report.tokens
            );
        }
        let extractor = Extractor::with_entity_model(options.clone(), &model)?;
        for (d, _) in docs.iter().zip(&fold_of).filter(|(_, f)| **f == fold) {
            let pair = (
                d.document.gold.clone(),
                entities::predict(&extractor, &d.document),
            );
            pairs
                .entry(d.corpus.clone())
                .or_default()
                .push(pair.clone());
            pairs.entry("all".to_owned()).or_default().push(pair);
        }
    }
    if models.is_none() {
        let _ = std::fs::remove_dir_all(&scratch);
    }
    Ok(pairs
        .into_iter()
        .map(|(corpus, p)| (corpus, (p.len(), entities::score(&p))))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use enricher_extract::enrich::entities::tagger::weights::Weights;

    const DOC: &str = "# newpar\n\
1\tAna\tAna\tPROPN\t_\t_\t_\t_\t_\tEntity=(1-person\n\
2\tRuiz\tRuiz\tPROPN\t_\t_\t_\t_\t_\tEntity=1)\n\
3\tvisited\tvisit\tVERB\t_\t_\t_\t_\t_\t_\n\
4\tParis\tParis\tPROPN\t_\t_\t_\t_\t_\tEntity=(2-place)|SpaceAfter=No\n\
5\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_\n\n";

    #[test]
    fn training_writes_a_model_the_tagger_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("doc.conllu"), DOC).expect("write corpus");
        let out = dir.path().join("model.crfsuite");
        let settings = Settings {
            c1: 0.0,
            c2: 0.1,
            max_iterations: 20,
            min_freq: 0.0,
        };
        let report = train(&[dir.path().to_owned()], &out, settings).expect("training");
        assert_eq!((report.documents, report.sentences), (1, 1));
        assert_eq!(report.name_tokens, 3);
        let weights = Weights::from_crfsuite(&std::fs::read(&out).expect("model")).expect("load");
        for label in ["O", "B-PER", "I-PER", "B-LOC"] {
            assert!(weights.labels.iter().any(|l| l == label), "{label}");
        }
    }
}
