//! CoNLL column files (a token and its tag per line, blank lines between sentences) as
//! [`Document`]s with character-offset gold mentions, for training and cross-validating the
//! entity tagger beside GUM's CoNLL-U: WikiGold (IOB1, PER/ORG/LOC/MISC), the Broad Twitter
//! Corpus (IOB2, PER/ORG/LOC) and WNUT-17 (IOB2, person/location/corporation/group/product/
//! creative-work) in `../shared/corpus/ner-open`.
//!
//! Types: PER/person → person, LOC/location → location, ORG/corporation/group → organization;
//! MISC, product and creative-work are outside (the record has no such type). Both IOB1 and IOB2
//! are read: a mention starts at `B-` or at an `I-` whose type differs from the token before.
//! Mentions that start with a user name or hashtag (`@…`, `#…`; BTC tags user names) are left
//! out: the record names people in running text, not accounts.
//! Documents: `-DOCSTART-` lines split a file; files without them (tweets) are cut into
//! documents of [`TWEETS_PER_DOCUMENT`] sentences, each sentence its own paragraph.
//! Hand-written: the format is a few lines of splitting, and no kept crate reads it into
//! character offsets over a detokenised text.

use std::path::{Path, PathBuf};

use crate::entities::{Document, Labeled};

/// Sentences (tweets) per document in files without `-DOCSTART-`: a fixed-size group, so that
/// cross-validation folds split by group.
pub const TWEETS_PER_DOCUMENT: usize = 50;

/// Every `*.conll` and `*.conll.txt` file under `dir` (recursively), sorted by path.
///
/// # Errors
/// A folder or file cannot be read.
pub fn files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", d.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".conll") || n.ends_with(".conll.txt"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The record's type of a CoNLL tag's type part, if it has one.
fn kind_of(tag_type: &str) -> Option<&'static str> {
    match tag_type {
        "PER" | "person" => Some("person"),
        "LOC" | "location" => Some("location"),
        "ORG" | "corporation" | "group" => Some("organization"),
        _ => None,
    }
}

/// A token and its tag.
type Row = (String, String);

/// Parses one CoNLL column file into documents named `<name>#<n>`.
#[must_use]
pub fn parse(name: &str, content: &str) -> Vec<Document> {
    let mut documents: Vec<Vec<Vec<Row>>> = Vec::new();
    let mut sentence: Vec<Row> = Vec::new();
    let has_docstart = content.contains("-DOCSTART-");
    let mut current: Vec<Vec<Row>> = Vec::new();
    let flush_sentence = |sentence: &mut Vec<Row>, current: &mut Vec<Vec<Row>>| {
        if !sentence.is_empty() {
            current.push(std::mem::take(sentence));
        }
    };
    for line in content.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut sentence, &mut current);
            if !current.is_empty() {
                documents.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.trim().is_empty() {
            flush_sentence(&mut sentence, &mut current);
            if !has_docstart && current.len() >= TWEETS_PER_DOCUMENT {
                documents.push(std::mem::take(&mut current));
            }
            continue;
        }
        let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
        let (Some(token), Some(tag)) = (cols.next(), cols.next_back()) else {
            continue;
        };
        sentence.push((token.to_owned(), tag.to_owned()));
    }
    flush_sentence(&mut sentence, &mut current);
    if !current.is_empty() {
        documents.push(current);
    }
    documents
        .iter()
        .enumerate()
        .map(|(n, sentences)| document(&format!("{name}#{n}"), sentences, !has_docstart))
        .collect()
}

/// No space before these tokens when the text is rebuilt.
fn attaches_left(token: &str) -> bool {
    matches!(
        token,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'re" | "'ve" | "'ll"
    )
}

fn document(name: &str, sentences: &[Vec<Row>], sentence_per_paragraph: bool) -> Document {
    let mut text = String::new();
    let mut chars = 0_usize;
    let mut gold = Vec::new();
    for sentence in sentences {
        if !text.is_empty() {
            let sep = if sentence_per_paragraph { "\n\n" } else { " " };
            text.push_str(sep);
            chars += sep.len();
        }
        // The open mention: start character, type part of the tag, record type.
        let mut open: Option<(usize, String, Option<&'static str>)> = None;
        let mut last_end = chars;
        let mut previous: Option<&str> = None;
        for (token, tag) in sentence {
            if previous.is_some_and(|p| p != "(" && p != "[") && !attaches_left(token) {
                text.push(' ');
                chars += 1;
            }
            let start = chars;
            text.push_str(token);
            chars += token.chars().count();
            let (prefix, tag_type) = tag.split_once('-').unwrap_or((tag.as_str(), ""));
            let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t, _)| t == tag_type);
            if !continues {
                if let Some((s, _, Some(kind))) = open.take() {
                    gold.push(Labeled {
                        start: s,
                        end: last_end,
                        kind: kind.to_owned(),
                    });
                }
                // A user name or hashtag ("@paulwalk", "#London") is not a name in running text.
                let handle = token.starts_with(['@', '#']);
                open = matches!(prefix, "B" | "I").then(|| {
                    let kind = kind_of(tag_type).filter(|_| !handle);
                    (start, tag_type.to_owned(), kind)
                });
            }
            last_end = chars;
            previous = Some(token);
        }
        if let Some((s, _, Some(kind))) = open.take() {
            gold.push(Labeled {
                start: s,
                end: last_end,
                kind: kind.to_owned(),
            });
        }
    }
    gold.sort();
    gold.dedup();
    Document {
        name: name.to_owned(),
        text,
        headings: Vec::new(),
        gold,
    }
}

/// The documents of a training or evaluation source: a folder of GUM `*.conllu` files, or a
/// folder (searched recursively) of CoNLL column files. Each document is named after its file
/// relative to `dir`.
///
/// # Errors
/// The folder cannot be read or holds neither kind of file.
pub fn load_source(dir: &Path) -> anyhow::Result<Vec<Document>> {
    let has_conllu = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .any(|e| e.path().extension().is_some_and(|x| x == "conllu"));
    if has_conllu {
        return crate::entities::load(dir);
    }
    let files = files(dir)?;
    anyhow::ensure!(
        !files.is_empty(),
        "no .conllu, .conll or .conll.txt files under {}",
        dir.display()
    );
    let mut out = Vec::new();
    for file in files {
        let name = file
            .strip_prefix(dir)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned();
        out.extend(parse(&name, &std::fs::read_to_string(&file)?));
    }
    Ok(out)
}

/// The corpus a document belongs to, for per-corpus tables: the first folder of its name
/// (`wikigold/wikigold.conll.txt#3` → `wikigold`), or `fallback` for a file at the top.
#[must_use]
pub fn corpus_of<'a>(name: &'a str, fallback: &'a str) -> &'a str {
    name.split_once('/').map_or(fallback, |(first, _)| first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2_tags_become_character_spans_and_misc_is_dropped() {
        let content = "-DOCSTART- O\n\nThe O\nMad I-ORG\nCapsule I-ORG\nB-ORG B-ORG\nin O\n\
Japan I-LOC\n, O\nsays O\nJapanese I-MISC\nAna I-PER\n, O\n@ana I-PER\n. O\n\n";
        let docs = parse("w", content);
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(
            doc.text,
            "The Mad Capsule B-ORG in Japan, says Japanese Ana, @ana."
        );
        let said: Vec<(&str, &str)> = doc
            .gold
            .iter()
            .map(|l| {
                let s: usize = doc
                    .text
                    .char_indices()
                    .nth(l.start)
                    .map(|(b, _)| b)
                    .unwrap();
                let e: usize = doc
                    .text
                    .char_indices()
                    .nth(l.end)
                    .map_or(doc.text.len(), |(b, _)| b);
                (&doc.text[s..e], l.kind.as_str())
            })
            .collect();
        assert_eq!(
            said,
            [
                ("Mad Capsule", "organization"),
                ("B-ORG", "organization"),
                ("Japan", "location"),
                ("Ana", "person")
            ]
        );
    }

    #[test]
    fn tweets_without_docstart_are_grouped_into_documents_of_fixed_size() {
        let tweet = "hi\tO\nParis\tB-location\n\n";
        let docs = parse("t", &tweet.repeat(TWEETS_PER_DOCUMENT + 1));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].gold.len(), TWEETS_PER_DOCUMENT);
        assert!(docs[1].text.starts_with("hi Paris"));
        assert!(docs[0].text.contains("Paris\n\nhi"));
    }

    #[test]
    fn the_corpus_is_the_first_folder_of_a_document_name() {
        assert_eq!(corpus_of("btc/a.conll#3", "x"), "btc");
        assert_eq!(corpus_of("GUM_bio_byron", "gum-train"), "gum-train");
    }
}
