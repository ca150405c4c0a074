//! `eval readers`: a differential check of the two HTML readers on any pages, with no expected
//! text needed. The `scoring` reader re-implements Readability's rules that `dom_smoothie`
//! applies by rewriting the tree; run both on a folder of real pages, score the scorer's text
//! against dom_smoothie's with the `eval content` metric, and the pages where they part are the
//! places to look.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::shingles::score_page;
use enricher_extract::{HtmlReader, Options, html};

/// One page where the readers were compared.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub path: PathBuf,
    /// Shingle F1 of the `scoring` reader's text against the `readability` reader's.
    pub f1: f64,
    pub readability_chars: usize,
    pub scoring_chars: usize,
}

/// The HTML files under `dir` (recursively), sorted.
///
/// # Errors
/// A folder cannot be read.
pub fn html_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Both readers on each file, worst agreement first; files that cannot be read are skipped.
#[must_use]
pub fn compare(files: &[PathBuf], options: &Options) -> Vec<Comparison> {
    let text = |bytes: &[u8], reader| {
        let options = Options {
            html_reader: reader,
            ..options.clone()
        };
        html::read_bytes(bytes, None, None, &options)
            .map(|body| body.text())
            .unwrap_or_default()
    };
    let mut comparisons: Vec<Comparison> = files
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            let reference = text(&bytes, HtmlReader::Readability);
            let scored = text(&bytes, HtmlReader::Scoring);
            Some(Comparison {
                path: path.clone(),
                f1: score_page(&scored, &reference).f1(),
                readability_chars: reference.chars().count(),
                scoring_chars: scored.chars().count(),
            })
        })
        .collect();
    comparisons.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    comparisons
}

/// The `worst` pages and the totals, as a table.
#[must_use]
pub fn render(comparisons: &[Comparison], worst: usize) -> String {
    let mut out = format!("{:>6}  {:>9}  {:>9}  page\n", "F1", "readab.", "scoring");
    for c in comparisons.iter().take(worst).filter(|c| c.f1 < 1.0) {
        out += &format!(
            "{:>6.3}  {:>9}  {:>9}  {}\n",
            c.f1,
            c.readability_chars,
            c.scoring_chars,
            c.path.display()
        );
    }
    let pages = comparisons.len();
    let same = comparisons.iter().filter(|c| c.f1 >= 0.9999).count();
    let mean = comparisons.iter().map(|c| c.f1).sum::<f64>() / pages.max(1) as f64;
    out += &format!("pages {pages} | same text {same} | mean F1 {mean:.4}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_where_the_readers_part_come_first() {
        let dir = std::env::temp_dir().join(format!("ae-readers-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let paragraph = "<p>The council approved the new bridge on Tuesday, after a long debate \
                         about its cost, its design and the traffic it will bring.</p>";
        let article = format!(
            "<html><body><article>{}</article></body></html>",
            paragraph.repeat(6)
        );
        std::fs::write(dir.join("a.html"), &article).unwrap();
        std::fs::write(dir.join("sub/b.htm"), &article).unwrap();
        std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
        let files = html_files(&dir).unwrap();
        assert_eq!(files.len(), 2);
        let comparisons = compare(&files, &Options::default());
        assert!(
            comparisons
                .iter()
                .all(|c| c.f1 > 0.999 && c.scoring_chars > 500)
        );
        let table = render(&comparisons, 10);
        assert!(
            table.ends_with("pages 2 | same text 2 | mean F1 1.0000\n"),
            "{table}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
