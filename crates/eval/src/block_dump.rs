//! `eval cv-blocks --dump FILE`: every page's units as JSON lines (the held-out model's
//! probability, the scorer's selection, the label, the weight, the text and the features), to
//! study decision rules over the classifier's output without extracting the pages again.

use std::io::Write as _;
use std::path::Path;

use enricher_extract::html::scoring::block_model::BlockModel;

use crate::block_training::PageRows;
use crate::content::Case;

/// Writes one line per page of `cases`, each unit scored by `model_of(page index)`.
///
/// # Errors
/// The file cannot be written.
pub fn write<'m>(
    path: &Path,
    cases: &[Case],
    rows: &[PageRows],
    model_of: impl Fn(usize) -> &'m BlockModel,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (k, (case, page)) in cases.iter().zip(rows).enumerate() {
        let model = model_of(k);
        let units: Vec<serde_json::Value> = (0..page.features.len())
            .map(|i| {
                serde_json::json!([
                    model.probability(&page.features[i], page.selected[i]),
                    page.selected[i],
                    page.labels[i],
                    page.weights[i],
                    page.texts[i],
                    page.features[i].to_vec(),
                ])
            })
            .collect();
        let line = serde_json::json!({
            "name": case.name,
            "type": case.page_type,
            "units": units,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
