//! Loads the WCXB benchmark's layout (`html/<id>.html.gz`, `ground-truth/<id>.json`,
//! `metadata.json` with each page's type), as `../shared/corpus/wcxb-dev` holds it, into
//! [`Case`]s: main text, title, author, publish date, `with`/`without` snippets, page type, URL.
//! Pages whose ground truth has no main content (2 of the development split's 1,355) are left
//! out.

use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;

use super::content::{Case, ExpectedMetadata};

/// Whether `dir` is laid out as WCXB (rather than `<case>/source.html` folders).
#[must_use]
pub fn is_wcxb(dir: &Path) -> bool {
    dir.join("metadata.json").is_file() && dir.join("ground-truth").is_dir()
}

#[derive(Debug, Deserialize)]
struct GroundTruthFile {
    url: Option<String>,
    ground_truth: GroundTruth,
}

#[derive(Debug, Deserialize)]
struct GroundTruth {
    title: Option<String>,
    author: Option<String>,
    publish_date: Option<String>,
    main_content: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Metadata {
    files: std::collections::BTreeMap<String, FileInfo>,
}

#[derive(Debug, Deserialize)]
struct FileInfo {
    page_type: String,
}

/// Every page of a WCXB folder, sorted by id.
///
/// # Errors
/// `metadata.json` or a page's files cannot be read or parsed.
pub fn load(dir: &Path) -> anyhow::Result<Vec<Case>> {
    let metadata: Metadata = serde_json::from_str(
        &std::fs::read_to_string(dir.join("metadata.json"))
            .map_err(|e| anyhow::anyhow!("{}/metadata.json: {e}", dir.display()))?,
    )?;
    let cases: anyhow::Result<Vec<Option<Case>>> = metadata
        .files
        .iter()
        .map(|(id, info)| {
            let truth_path = dir.join("ground-truth").join(format!("{id}.json"));
            let truth: GroundTruthFile = serde_json::from_str(
                &std::fs::read_to_string(&truth_path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", truth_path.display()))?,
            )
            .map_err(|e| anyhow::anyhow!("{}: {e}", truth_path.display()))?;
            let html_path = dir.join("html").join(format!("{id}.html.gz"));
            let mut source = Vec::new();
            flate2::read::GzDecoder::new(
                std::fs::File::open(&html_path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", html_path.display()))?,
            )
            .read_to_end(&mut source)
            .map_err(|e| anyhow::anyhow!("{}: {e}", html_path.display()))?;
            let g = truth.ground_truth;
            let Some(expected_text) = g.main_content else {
                return Ok(None);
            };
            Ok(Some(Case {
                name: id.clone(),
                source,
                expected_text,
                expected: Some(ExpectedMetadata {
                    title: g.title,
                    byline: g.author,
                    lang: None,
                    date: g.publish_date,
                }),
                page_type: Some(info.page_type.clone()),
                url: truth.url,
                with: g.with,
                without: g.without,
            }))
        })
        .collect();
    Ok(cases?.into_iter().flatten().collect())
}
