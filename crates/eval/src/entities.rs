//! `eval entities`: named-entity precision/recall/F1 per type, exact spans, on CoNLL-U documents
//! with GUM's `Entity=` annotations (e.g. `../shared/corpus/gum-news`).
//!
//! **What counts as a named mention.** A GUM mention of type `person`, `organization` or
//! `place` (scored as `location`) that contains at least one proper noun (UPOS `PROPN`). Its gold
//! span is the longest run inside the mention of proper nouns and capitalised words, joined by
//! "of", "the", "and", "for", "de" or "&" ("Church of Scientology", "United States"), holding a
//! proper noun (the first such run, on a tie); for persons, only what follows the last title word in it ("President", "Minister",
//! "Mr.", …), since this project — like CoNLL-style NER — keeps titles as roles, not names. Nested mentions count
//! separately ("U.S." inside "U.S. President Donald Trump"). Duplicate gold spans of one type are
//! counted once.
//!
//! **The text.** Tokens joined with their `SpaceAfter` spacing, sentences of one paragraph by a
//! space, paragraphs (`# newpar`) by a blank line; `head` blocks are passed as headings, as the
//! pipeline does with an article's headings.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use enricher_extract::{Extractor, enrich};

/// A gold or predicted mention: character offsets and type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Labeled {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
}

/// One document: its text, headings and gold mentions.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub name: String,
    pub text: String,
    /// Byte ranges of heading paragraphs.
    #[serde(skip)]
    pub headings: Vec<std::ops::Range<usize>>,
    pub gold: Vec<Labeled>,
}

/// Title words dropped from the front of gold spans.
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Prime",
    "Secretary",
    "Senator",
    "Sen.",
    "Governor",
    "Gov.",
    "Mayor",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "General",
    "Gen.",
    "Judge",
    "Justice",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof.",
    "Professor",
    "Sir",
    "Lord",
    "Lady",
    "Chief",
    "Ambassador",
    "Commissioner",
    "Representative",
    "Rep.",
    "Captain",
    "Capt.",
    "Colonel",
    "Col.",
    "Vice",
    "Deputy",
    "Foreign",
    "Defense",
    "Defence",
    "Interior",
    "Finance",
    "Attorney",
    "Speaker",
    "Saint",
    "St.",
];

struct Token {
    form: String,
    upos: String,
    space_after: bool,
    misc_entity: Option<String>,
}

/// Reads every `*.conllu` file under `dir`, sorted by name.
///
/// # Errors
/// The folder cannot be read or holds no CoNLL-U files.
pub fn load(dir: &Path) -> anyhow::Result<Vec<Document>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    anyhow::ensure!(
        !files.is_empty(),
        "no .conllu files under {}",
        dir.display()
    );
    files
        .iter()
        .map(|f| {
            Ok(parse(
                &f.file_stem().unwrap_or_default().to_string_lossy(),
                &std::fs::read_to_string(f)?,
            ))
        })
        .collect()
}

/// Parses one CoNLL-U document.
#[must_use]
pub fn parse(name: &str, conllu: &str) -> Document {
    // Paragraphs of sentences of tokens.
    let mut paragraphs: Vec<(bool, Vec<Vec<Token>>)> = Vec::new();
    let mut sentence: Vec<Token> = Vec::new();
    let mut next_is_head = false;
    for line in conllu.lines() {
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment == "newpar" || comment.starts_with("newpar ") {
                paragraphs.push((false, Vec::new()));
            } else if let Some(block) = comment.strip_prefix("newpar_block =") {
                next_is_head = block.trim().starts_with("head");
                if let Some(last) = paragraphs.last_mut() {
                    last.0 = next_is_head;
                }
            }
            continue;
        }
        if line.trim().is_empty() {
            if !sentence.is_empty() {
                if paragraphs.is_empty() {
                    paragraphs.push((next_is_head, Vec::new()));
                }
                paragraphs
                    .last_mut()
                    .expect("a paragraph")
                    .1
                    .push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let misc = cols[9];
        sentence.push(Token {
            form: cols[1].to_owned(),
            upos: cols[3].to_owned(),
            space_after: !misc.split('|').any(|m| m == "SpaceAfter=No"),
            misc_entity: misc
                .split('|')
                .find_map(|m| m.strip_prefix("Entity="))
                .map(str::to_owned),
        });
    }
    if !sentence.is_empty() {
        if paragraphs.is_empty() {
            paragraphs.push((false, Vec::new()));
        }
        paragraphs.last_mut().expect("a paragraph").1.push(sentence);
    }
    // Text with token character offsets.
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new(); // per token, in order
    let mut tokens: Vec<&Token> = Vec::new();
    for (head, sentences) in paragraphs.iter().filter(|(_, s)| !s.is_empty()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let paragraph_start = text.len();
        for (si, sentence) in sentences.iter().enumerate() {
            if si > 0 {
                text.push(' ');
            }
            for (ti, token) in sentence.iter().enumerate() {
                let start = text.chars().count();
                text.push_str(&token.form);
                spans.push((start, text.chars().count()));
                tokens.push(token);
                if token.space_after && ti + 1 < sentence.len() {
                    text.push(' ');
                }
            }
        }
        if *head {
            headings.push(paragraph_start..text.len());
        }
    }
    // Mentions from the bracket notation.
    let mut open: Vec<(String, usize, String)> = Vec::new(); // (id, start token, type)
    let mut gold: BTreeSet<Labeled> = BTreeSet::new();
    for (index, token) in tokens.iter().enumerate() {
        let Some(entity) = &token.misc_entity else {
            continue;
        };
        let mut rest = entity.as_str();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                let fields: Vec<&str> = after[..end].split('-').collect();
                let id = fields.first().copied().unwrap_or_default().to_owned();
                let kind = fields.get(1).copied().unwrap_or_default().to_owned();
                let closes_here = after[end..].starts_with(')');
                if closes_here {
                    add_gold(&mut gold, &tokens, &spans, index, index, &kind);
                    rest = &after[end + 1..];
                } else {
                    open.push((id, index, kind));
                    rest = &after[end..];
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(pos) = open.iter().rposition(|(open_id, _, _)| open_id == id) {
                    let (_, start, kind) = open.remove(pos);
                    add_gold(&mut gold, &tokens, &spans, start, index, &kind);
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    Document {
        name: name.to_owned(),
        text,
        headings,
        gold: gold.into_iter().collect(),
    }
}

fn add_gold(
    gold: &mut BTreeSet<Labeled>,
    tokens: &[&Token],
    spans: &[(usize, usize)],
    first: usize,
    last: usize,
    kind: &str,
) {
    let kind = match kind {
        "person" => "person",
        "organization" => "organization",
        "place" => "location",
        _ => return,
    };
    // The longest run of name tokens in the mention: proper nouns and capitalised words, with
    // connectors ("of", "the", "and", "for", "de") between them; it must hold a proper noun.
    let is_name = |t: &Token| {
        t.upos == "PROPN"
            || (t.form.chars().next().is_some_and(char::is_uppercase)
                && !matches!(t.upos.as_str(), "DET" | "PRON" | "PUNCT" | "ADP" | "CCONJ"))
    };
    let is_connector =
        |t: &Token| matches!(t.form.as_str(), "of" | "the" | "and" | "for" | "de" | "&");
    let mut best: Option<(usize, usize)> = None;
    let mut i = first;
    while i <= last {
        if is_name(tokens[i]) {
            let mut j = i;
            while j < last
                && (is_name(tokens[j + 1])
                    || (is_connector(tokens[j + 1]) && j + 2 <= last && is_name(tokens[j + 2])))
            {
                j += if is_name(tokens[j + 1]) { 1 } else { 2 };
            }
            let has_propn = (i..=j).any(|k| tokens[k].upos == "PROPN");
            if has_propn && best.is_none_or(|(s, e)| j - i > e - s) {
                best = Some((i, j));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    let Some((mut s, e)) = best else { return };
    // A person's name is what follows the last title word ("US President Donald Trump").
    if kind == "person"
        && let Some(last_title) = (s..=e)
            .rev()
            .find(|i| TITLES.contains(&tokens[*i].form.as_str()))
    {
        if last_title == e {
            return;
        }
        s = last_title + 1;
    }
    gold.insert(Labeled {
        start: spans[s].0,
        end: spans[e].1,
        kind: kind.to_owned(),
    });
}

/// Predicted mentions for a document, from the enrichment stage.
#[must_use]
pub fn predict(extractor: &Extractor, doc: &Document) -> Vec<Labeled> {
    let context = enrich::Context {
        language: Some("en"),
        headings: &doc.headings,
        ..enrich::Context::default()
    };
    let enrichment = enrich::enrich(extractor.models(), &doc.text, &context)
        .expect("without a deadline, enrichment cannot time out");
    let mut out: Vec<Labeled> = enrichment
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(move |m| Labeled {
                start: m.start,
                end: m.end,
                kind: e.kind.as_str().to_owned(),
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Precision, recall and F1 for one type (or all).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn finish(mut self) -> Self {
        self.precision = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        self.recall = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
        self
    }
}

/// Scores predictions against gold, per type and overall (micro-averaged).
#[must_use]
pub fn score(pairs: &[(Vec<Labeled>, Vec<Labeled>)]) -> BTreeMap<String, Score> {
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    for (gold, predicted) in pairs {
        let gold: BTreeSet<&Labeled> = gold.iter().collect();
        let predicted: BTreeSet<&Labeled> = predicted.iter().collect();
        for kind in ["person", "organization", "location"] {
            let g: BTreeSet<_> = gold.iter().filter(|l| l.kind == kind).collect();
            let p: BTreeSet<_> = predicted.iter().filter(|l| l.kind == kind).collect();
            let tp = g.intersection(&p).count();
            for key in [kind, "all"] {
                let s = scores.entry(key.to_owned()).or_default();
                s.tp += tp;
                s.fp += p.len() - tp;
                s.fn_ += g.len() - tp;
            }
        }
    }
    scores.into_iter().map(|(k, s)| (k, s.finish())).collect()
}

/// Missed (`-`) and spurious (`+`) mentions per document, with their text.
#[must_use]
pub fn render_errors(docs: &[Document], pairs: &[(Vec<Labeled>, Vec<Labeled>)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (doc, (gold, predicted)) in docs.iter().zip(pairs) {
        let chars: Vec<char> = doc.text.chars().collect();
        let said = |l: &Labeled| chars[l.start..l.end].iter().collect::<String>();
        for g in gold.iter().filter(|g| !predicted.contains(g)) {
            let _ = writeln!(out, "{}\t- {}\t{}", doc.name, g.kind, said(g));
        }
        for p in predicted.iter().filter(|p| !gold.contains(p)) {
            let _ = writeln!(out, "{}\t+ {}\t{}", doc.name, p.kind, said(p));
        }
    }
    out
}

/// The table.
#[must_use]
pub fn render(scores: &BTreeMap<String, Score>, docs: usize) -> String {
    use std::fmt::Write as _;
    let mut out = format!(
        "{docs} documents; exact spans\n{:<13} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
        "type", "P", "R", "F1", "tp", "fp", "fn"
    );
    for key in ["person", "organization", "location", "all"] {
        if let Some(s) = scores.get(key) {
            let _ = writeln!(
                out,
                "{key:<13} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}",
                s.precision, s.recall, s.f1, s.tp, s.fp, s.fn_
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# newdoc id = t\n# newpar\n# newpar_block = p (1 s)\n\
1\tUS\tUS\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(1-person-new-x-x-3-coref-Trump(2-place-new-x-x-1-coref-US)\n\
2\tPresident\tPresident\tPROPN\tNNP\t_\t0\troot\t_\t_\n\
3\tTrump\tTrump\tPROPN\tNNP\t_\t0\troot\t_\tEntity=1)\n\
4\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t0\troot\t_\t_\n\
\n";

    #[test]
    fn gold_spans_are_proper_noun_runs_without_titles_and_nested_mentions_count() {
        let doc = parse("t", DOC);
        assert_eq!(doc.text, "US President Trump spoke.");
        assert_eq!(
            doc.gold,
            [
                Labeled {
                    start: 0,
                    end: 2,
                    kind: "location".into()
                },
                Labeled {
                    start: 13,
                    end: 18,
                    kind: "person".into()
                }
            ]
        );
    }

    #[test]
    fn scores_count_exact_matches_by_type() {
        let gold = vec![Labeled {
            start: 0,
            end: 2,
            kind: "location".into(),
        }];
        let predicted = vec![
            Labeled {
                start: 0,
                end: 2,
                kind: "location".into(),
            },
            Labeled {
                start: 3,
                end: 8,
                kind: "person".into(),
            },
        ];
        let s = score(&[(gold, predicted)]);
        assert_eq!((s["all"].tp, s["all"].fp, s["all"].fn_), (1, 1, 0));
        assert_eq!(s["location"].f1, 1.0);
    }
}
