//! `eval train-entities`: trains the entity tagger's CRF weights (`models/entities.crfsuite`)
//! on CoNLL-U documents with GUM `Entity=` annotations, with exactly the gold spans
//! `eval entities` scores against and the features the pipeline computes at run time
//! (`crates/extract/src/enrich/entities/tagger/`).
//!
//! The shipped weights come from `../shared/corpus/gum-train` (GUM, CC BY 4.0: academic,
//! biography, court, interview and travel documents). Never train on the news documents that
//! `eval entities` scores (`gum-news`), nor on data that is not openly licensed (CoNLL-2003,
//! OntoNotes).

use std::path::Path;

use crfs::Trainer;

use enricher_extract::enrich::entities::Kind;
use enricher_extract::enrich::entities::tagger;
use enricher_extract::enrich::headings::Headings;
use enricher_extract::enrich::tokens;
use enricher_extract::{Extractor, Options};

use crate::entities;

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

/// Trains on every document under `dir` and writes the model to `out`.
///
/// # Errors
/// The corpus cannot be read, or training or writing the model fails.
pub fn train(dir: &Path, out: &Path, settings: Settings) -> anyhow::Result<Report> {
    let docs = entities::load(dir)?;
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
    for doc in &docs {
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
        let words = tagger::DocumentWords::new(text, &toks);
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
        let report = train(dir.path(), &out, settings).expect("training");
        assert_eq!((report.documents, report.sentences), (1, 1));
        assert_eq!(report.name_tokens, 3);
        let weights = Weights::from_crfsuite(&std::fs::read(&out).expect("model")).expect("load");
        for label in ["O", "B-PER", "I-PER", "B-LOC"] {
            assert!(weights.labels.iter().any(|l| l == label), "{label}");
        }
    }
}
