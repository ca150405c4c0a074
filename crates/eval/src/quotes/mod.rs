//! `eval quotes`: quote recall, precision and speaker accuracy on the hand-annotated development
//! set (`crates/eval/data/quotes`: `annotations.jsonl`, one JSON object per gold quote, and
//! `documents.txt`, the ids of the fully annotated documents; the guideline beside them).
//!
//! Each listed document's text is run through the whole pipeline as a plain-text message. Texts:
//! `gum-news/<stem>` is rebuilt from `<corpus>/gum-news/<stem>.conllu` by the entity scorer's
//! loader ([`crate::entities::parse`]); `wcxb-dev/<id>` is `ground_truth.main_content` of
//! `<corpus>/wcxb-dev/ground-truth/<id>.json`; `readability-pages/<case>` is the text of
//! `<corpus>/readability-pages/<case>/expected.html`, blocks separated by a blank line; any other
//! `<source>/<name>` is the plain text `<corpus>/<source>/<name>.txt`.
//! Predicted quotes are matched to gold ones by the rule in [`matching`]; the figures are
//! defined in [`report`].

pub mod matching;
pub mod report;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use enricher_extract::{BodyHints, Extractor, Source};

/// One gold quote, as the annotation guideline defines its fields.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    pub doc: String,
    #[serde(default)]
    pub n: Option<serde_json::Value>,
    pub quote: String,
    /// `direct`, `partial` or `not_attributed`.
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    /// How the speaker is found: `cue`, `previous_sentence`, `colon`, `running_quote`,
    /// `pronoun`, `according_to` or `none`.
    pub cue: String,
}

/// One predicted quote: its text, how the speaker was found and the names it goes by (the
/// speaker as written and, when linked, its entity's name).
#[derive(Debug, Clone)]
pub struct Predicted {
    pub text: String,
    pub speaker_kind: Option<String>,
    pub names: Vec<String>,
}

/// One scored document.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub gold: Vec<GoldQuote>,
    pub predicted: Vec<Predicted>,
}

impl Document {
    /// The corpus part of the id: `gum-news` or `wcxb-dev`.
    #[must_use]
    pub fn source(&self) -> &str {
        self.id.split('/').next().unwrap_or("")
    }
}

#[derive(Debug, Deserialize)]
struct GroundTruthFile {
    ground_truth: GroundTruth,
}

#[derive(Debug, Deserialize)]
struct GroundTruth {
    main_content: Option<String>,
}

/// The text of document `id` under `corpus`.
///
/// # Errors
/// An unknown source or an unreadable file.
pub fn document_text(corpus: &Path, id: &str) -> anyhow::Result<String> {
    let (source, name) = id
        .split_once('/')
        .with_context(|| format!("document id {id:?} has no source/"))?;
    match source {
        "gum-news" => {
            let path = corpus.join("gum-news").join(format!("{name}.conllu"));
            let conllu = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Ok(crate::entities::parse(name, &conllu).text)
        }
        "wcxb-dev" => {
            let path = corpus
                .join("wcxb-dev/ground-truth")
                .join(format!("{name}.json"));
            let file: GroundTruthFile = serde_json::from_str(
                &std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?,
            )?;
            Ok(file.ground_truth.main_content.unwrap_or_default())
        }
        "readability-pages" => {
            let path = corpus
                .join("readability-pages")
                .join(name)
                .join("expected.html");
            let html = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Ok(crate::content::html_text(&html))
        }
        // Any other source is a folder of plain-text documents: `<corpus>/<source>/<name>.txt`
        // (the fifth held-out batch's `wh-briefings/<stem>`, see its SOURCES.md).
        other => {
            let path = corpus.join(other).join(format!("{name}.txt"));
            std::fs::read_to_string(&path).with_context(|| {
                format!(
                    "cannot read {} (unknown document source {other:?} in {id:?})",
                    path.display()
                )
            })
        }
    }
}

/// Reads the development set in `dir`: the documents listed in `documents.txt` (blank lines and
/// `#` comments skipped) with their gold quotes.
///
/// # Errors
/// A missing or malformed file.
pub fn load_gold(dir: &Path) -> anyhow::Result<Vec<(String, Vec<GoldQuote>)>> {
    let listed = std::fs::read_to_string(dir.join("documents.txt"))
        .with_context(|| format!("cannot read {}/documents.txt", dir.display()))?;
    let annotations = std::fs::read_to_string(dir.join("annotations.jsonl"))
        .with_context(|| format!("cannot read {}/annotations.jsonl", dir.display()))?;
    let mut by_doc: BTreeMap<String, Vec<GoldQuote>> = BTreeMap::new();
    for (number, line) in annotations.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let gold: GoldQuote = serde_json::from_str(line)
            .with_context(|| format!("annotations.jsonl line {}", number + 1))?;
        by_doc.entry(gold.doc.clone()).or_default().push(gold);
    }
    Ok(listed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|id| (id.to_owned(), by_doc.remove(id).unwrap_or_default()))
        .collect())
}

/// The pipeline's quotes for `text`, sent as a plain-text message.
///
/// # Errors
/// The extraction fails.
pub fn predict(extractor: &Extractor, text: &str) -> anyhow::Result<Vec<Predicted>> {
    let hints = BodyHints {
        content_type: Some("text/plain"),
        message_id: None,
    };
    let record = extractor
        .process(text.as_bytes(), hints, Source::default())
        .map_err(|e| anyhow::anyhow!("{e} ({})", e.kind()))?;
    Ok(record
        .quotes
        .iter()
        .map(|q| {
            let mut names: Vec<String> = q.speaker.iter().cloned().collect();
            if let Some(entity) = q.speaker_entity.and_then(|i| record.entities.get(i)) {
                names.push(entity.name.clone());
            }
            Predicted {
                text: q.text.clone(),
                speaker_kind: speaker_kind_of(q),
                names,
            }
        })
        .collect())
}

/// How the record says the speaker was found.
fn speaker_kind_of(quote: &enricher_extract::record::Quote) -> Option<String> {
    serde_json::to_value(quote)
        .ok()?
        .get("speaker_kind")?
        .as_str()
        .map(str::to_owned)
}

/// Loads the set in `dir` (or one half of its documents, by position), reads the texts under `corpus` and runs the pipeline on each.
///
/// # Errors
/// As [`load_gold`], [`document_text`] and [`predict`].
pub fn evaluate(
    extractor: &Extractor,
    dir: &Path,
    corpus: &Path,
    half: Option<crate::commands::Half>,
) -> anyhow::Result<Vec<Document>> {
    load_gold(dir)?
        .into_iter()
        .enumerate()
        .filter(|(i, _)| half.is_none_or(|h| (i % 2 == 0) == (h == crate::commands::Half::Even)))
        .map(|(_, doc)| doc)
        .map(|(id, gold)| {
            let text = document_text(corpus, &id)?;
            Ok(Document {
                predicted: predict(extractor, &text)?,
                id,
                gold,
            })
        })
        .collect()
}
