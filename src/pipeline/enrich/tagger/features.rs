//! The CRF's features of each token, written once for training and tagging: the word, its
//! shape and affixes, its neighbours, gazetteer and vocabulary hits, document-level
//! capitalisation evidence and the rule-based tagger's labels around it.

use fnv::FnvHashSet as HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use super::super::entities;
use super::super::gazetteer;
use super::super::tokens::{Token, TokenKind};

/// Document-wide evidence about words: seen in lower case, seen capitalised mid-sentence.
pub struct DocumentWords<'a> {
    lower: HashSet<&'a str>,
    capitalised_mid_sentence: HashSet<&'a str>,
}

impl<'a> DocumentWords<'a> {
    #[must_use]
    pub fn new(text: &'a str, tokens: &[Token]) -> Self {
        let mut lower = HashSet::default();
        let mut capitalised_mid_sentence = HashSet::default();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.text(text);
            if w.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(w);
            } else if i > 0
                && tokens[i - 1].sentence == t.sentence
                && tokens[i - 1].kind == TokenKind::Word
            {
                capitalised_mid_sentence.insert(w);
            }
        }
        Self {
            lower,
            capitalised_mid_sentence,
        }
    }
}

/// A word's shape: "Xx", "X", "x", "d", with "." and "-" kept ("X.X.", "Xx-Xx").
pub(super) fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

/// Calls `emit(k, feature)` for every feature of every token `k` (0-based within the sentence)
/// of `sentence` (a token range). `rules` holds the rule-based label of every token.
pub fn for_each(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    headings: &[Range<usize>],
    rules: &[&str],
    words: &DocumentWords<'_>,
    mut emit: impl FnMut(usize, &str),
) {
    let gazetteer = gazetteer::get();
    let lower: Vec<String> = sentence
        .clone()
        .map(|i| tokens[i].text(text).to_lowercase())
        .collect();
    let shapes: Vec<String> = sentence
        .clone()
        .map(|i| shape(tokens[i].text(text)))
        .collect();
    let n = sentence.len();
    let mut buf = String::with_capacity(64);
    for k in 0..n {
        let i = sentence.start + k;
        let w = tokens[i].text(text);
        let mut add = |args: std::fmt::Arguments<'_>| {
            buf.clear();
            let _ = buf.write_fmt(args);
            emit(k, &buf);
        };
        add(format_args!("b"));
        add(format_args!("w={}", lower[k]));
        add(format_args!("s={}", shapes[k]));
        if let (Some((p, _)), Some((x, _))) = (
            lower[k].char_indices().nth(3),
            lower[k].char_indices().rev().nth(2),
        ) {
            add(format_args!("p3={}", &lower[k][..p]));
            add(format_args!("x3={}", &lower[k][x..]));
        }
        add(format_args!("r={}", rules[i]));
        let sentence_initial =
            k == 0 || matches!(tokens[i - 1].text(text), "“" | "\"" | "‘" | "(" | "—" | ":");
        if sentence_initial {
            add(format_args!("init"));
        }
        if headings.iter().any(|h| h.contains(&tokens[i].start)) {
            add(format_args!("head"));
        }
        // The gazetteer and the vocabularies below hold capitalised words only.
        if entities::is_capitalized(w) {
            if words.lower.contains(lower[k].as_str()) {
                add(format_args!("lowseen"));
            }
            if words.capitalised_mid_sentence.contains(w) {
                add(format_args!("capmid"));
            }
            if gazetteer.is_place(w) {
                add(format_args!("gz=place"));
            }
            if gazetteer.is_city(w) {
                add(format_args!("gz=city"));
            }
            if gazetteer.is_demonym(w) {
                add(format_args!("gz=demonym"));
            }
            if entities::is_given_name(w) {
                add(format_args!("gz=given"));
            }
            for (list, name) in [
                (entities::ORG_WORDS, "v=org"),
                (entities::PLACE_WORDS, "v=place"),
                (entities::ROLE_HEADS, "v=role"),
                (entities::HONORIFICS, "v=hon"),
                (entities::FUNCTION_WORDS, "v=func"),
            ] {
                if list.contains(&w) {
                    add(format_args!("{name}"));
                }
            }
        }
        if entities::SPEECH_VERBS.contains(&lower[k].as_str()) {
            add(format_args!("v=speech"));
        }
        if entities::ROLE_NOUNS.contains(&lower[k].as_str()) {
            add(format_args!("v=office"));
        }
        for d in [-2_isize, -1, 1, 2] {
            let Some(j) = k.checked_add_signed(d).filter(|j| *j < n) else {
                add(format_args!("{d}:edge"));
                continue;
            };
            add(format_args!("{d}:w={}", lower[j]));
            add(format_args!("{d}:r={}", rules[sentence.start + j]));
            if d.abs() == 1 {
                add(format_args!("{d}:s={}", shapes[j]));
            }
        }
        if k > 0 {
            add(format_args!("-1|0:{}|{}", lower[k - 1], shapes[k]));
        }
        if k + 1 < n {
            add(format_args!("0|+1:{}|{}", shapes[k], lower[k + 1]));
        }
    }
}

/// The features of every token of `sentence`, as the trainer takes them.
#[must_use]
pub fn collect(
    text: &str,
    tokens: &[Token],
    sentence: Range<usize>,
    headings: &[Range<usize>],
    rules: &[&str],
    words: &DocumentWords<'_>,
) -> Vec<Vec<crfs::Attribute>> {
    let mut out: Vec<Vec<crfs::Attribute>> = vec![Vec::new(); sentence.len()];
    for_each(text, tokens, sentence, headings, rules, words, |k, f| {
        out[k].push(crfs::Attribute::new(f, 1.0));
    });
    out
}
