//! The figures `eval quotes` prints, per document source and overall, and by gold cue class:
//! - **direct recall**: gold `direct` quotes matched by a predicted quote, over all of them;
//! - **precision**: predicted quotes matched to a `direct` or `partial` gold quote, over all
//!   predicted quotes (one matching a `not_attributed` gold quote, or nothing, is wrong);
//! - **speaker accuracy**: over matched `direct` gold quotes whose `speaker_name` is not null,
//!   the share whose predicted speaker is right by [`super::matching::speaker_is_right`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Document;
use super::matching::{match_quotes, speaker_is_right};

/// Counts behind the figures of one row.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub docs: usize,
    pub direct: usize,
    pub direct_found: usize,
    pub predicted: usize,
    pub predicted_right: usize,
    pub with_speaker: usize,
    pub speaker_right: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.docs += other.docs;
        self.direct += other.direct;
        self.direct_found += other.direct_found;
        self.predicted += other.predicted;
        self.predicted_right += other.predicted_right;
        self.with_speaker += other.with_speaker;
        self.speaker_right += other.speaker_right;
    }
}

/// One error for `--errors`.
#[derive(Debug, Clone)]
pub struct Miss {
    pub doc: String,
    pub what: &'static str,
    pub detail: String,
}

/// The scores: per source, overall, by gold cue, and the errors.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub by_source: BTreeMap<String, Counts>,
    pub all: Counts,
    pub by_cue: BTreeMap<String, Counts>,
    pub misses: Vec<Miss>,
}

/// Scores the documents.
#[must_use]
pub fn score(docs: &[Document]) -> Report {
    let mut report = Report::default();
    for doc in docs {
        let gold: Vec<&str> = doc.gold.iter().map(|g| g.quote.as_str()).collect();
        let predicted: Vec<&str> = doc.predicted.iter().map(|p| p.text.as_str()).collect();
        let pairs = match_quotes(&gold, &predicted);
        let gold_match: BTreeMap<usize, usize> = pairs.iter().copied().collect();
        let predicted_match: BTreeMap<usize, usize> = pairs.iter().map(|&(g, p)| (p, g)).collect();
        let mut counts = Counts {
            docs: 1,
            predicted: predicted.len(),
            ..Counts::default()
        };
        for (p, quote) in doc.predicted.iter().enumerate() {
            let right = predicted_match
                .get(&p)
                .is_some_and(|g| matches!(doc.gold[*g].kind.as_str(), "direct" | "partial"));
            if right {
                counts.predicted_right += 1;
            } else {
                report.misses.push(Miss {
                    doc: doc.id.clone(),
                    what: "wrong",
                    detail: format!("{:?} ({:?})", quote.text, quote.names),
                });
            }
        }
        for (g, gold) in doc.gold.iter().enumerate() {
            if gold.kind != "direct" {
                continue;
            }
            let cue = report.by_cue.entry(gold.cue.clone()).or_default();
            let mut row = Counts {
                direct: 1,
                ..Counts::default()
            };
            if let Some(&p) = gold_match.get(&g) {
                row.direct_found = 1;
                if gold.speaker_name.is_some() {
                    row.with_speaker = 1;
                    let names: Vec<&str> =
                        doc.predicted[p].names.iter().map(String::as_str).collect();
                    if speaker_is_right(
                        &names,
                        gold.speaker.as_deref(),
                        gold.speaker_name.as_deref(),
                    ) {
                        row.speaker_right = 1;
                    } else {
                        report.misses.push(Miss {
                            doc: doc.id.clone(),
                            what: "speaker",
                            detail: format!(
                                "{:?}: gold {:?} / {:?} ({}), got {:?} ({})",
                                short(&gold.quote),
                                gold.speaker,
                                gold.speaker_name,
                                gold.cue,
                                names,
                                doc.predicted[p].speaker_kind.as_deref().unwrap_or("-")
                            ),
                        });
                    }
                }
            } else {
                report.misses.push(Miss {
                    doc: doc.id.clone(),
                    what: "missed",
                    detail: format!("{:?} ({})", short(&gold.quote), gold.cue),
                });
            }
            cue.add(&row);
            counts.add(&row);
        }
        report
            .by_source
            .entry(doc.source().to_owned())
            .or_default()
            .add(&counts);
        report.all.add(&counts);
    }
    report
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(70).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

fn percent(n: usize, d: usize) -> String {
    if d == 0 {
        "-".to_owned()
    } else {
        format!("{:.1}%", 100.0 * n as f64 / d as f64)
    }
}

/// The tables as text.
#[must_use]
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10} {:>5} {:>7} {:>9} {:>10} {:>10} {:>13}",
        "source", "docs", "direct", "recall", "predicted", "precision", "speaker acc."
    );
    let mut row = |name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{:<10} {:>5} {:>7} {:>9} {:>10} {:>10} {:>13}",
            name,
            c.docs,
            c.direct,
            percent(c.direct_found, c.direct),
            c.predicted,
            percent(c.predicted_right, c.predicted),
            format!(
                "{} ({}/{})",
                percent(c.speaker_right, c.with_speaker),
                c.speaker_right,
                c.with_speaker
            )
        );
    };
    for (source, counts) in &report.by_source {
        row(source, counts);
    }
    row("all", &report.all);
    let _ = writeln!(
        out,
        "\nby gold cue (direct quotes)\n{:<18} {:>7} {:>9} {:>20}",
        "cue", "direct", "recall", "speaker acc."
    );
    for (cue, c) in &report.by_cue {
        let _ = writeln!(
            out,
            "{:<18} {:>7} {:>9} {:>20}",
            cue,
            c.direct,
            percent(c.direct_found, c.direct),
            format!(
                "{} ({}/{})",
                percent(c.speaker_right, c.with_speaker),
                c.speaker_right,
                c.with_speaker
            )
        );
    }
    out
}

/// The errors as text, one per line.
#[must_use]
pub fn render_misses(report: &Report) -> String {
    report
        .misses
        .iter()
        .map(|m| format!("{:<7} {:<28} {}\n", m.what, m.doc, m.detail))
        .collect()
}
