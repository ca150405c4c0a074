//! The CRF's features of each token, written once for training and tagging: the word, its
//! shape and affixes, its neighbours, gazetteer and vocabulary hits, document-level
//! capitalisation evidence and the rule-based tagger's labels around it.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use super::super::super::gazetteer::{self, Gazetteer};
use super::super::super::headings::Headings;
use super::super::super::tokens::{Token, TokenKind};
use super::super::lexicon::{self, is_capitalized};

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

const GZ_PLACE: u16 = 1;
const GZ_CITY: u16 = 1 << 1;
const GZ_DEMONYM: u16 = 1 << 2;
const GIVEN: u16 = 1 << 3;
const ORG: u16 = 1 << 4;
const PLACE: u16 = 1 << 5;
const ROLE: u16 = 1 << 6;
const HONORIFIC: u16 = 1 << 7;
const FUNCTION: u16 = 1 << 8;
const SPEECH: u16 = 1 << 9;
const OFFICE: u16 = 1 << 10;

/// Features of capitalised words, in the order they are emitted.
const CAPITALISED_FLAGS: [(u16, &str); 9] = [
    (GZ_PLACE, "gz=place"),
    (GZ_CITY, "gz=city"),
    (GZ_DEMONYM, "gz=demonym"),
    (GIVEN, "gz=given"),
    (ORG, "v=org"),
    (PLACE, "v=place"),
    (ROLE, "v=role"),
    (HONORIFIC, "v=hon"),
    (FUNCTION, "v=func"),
];

/// Every word the features look up, with its flags: one hash lookup per token instead of a
/// scan of each list (the lists hold hundreds of words; scanning them was a third of tagging).
/// Built from the gazetteer, so it lives in [`Models`](crate::enrich::models::Models) beside it.
pub struct Vocabulary(FxHashMap<String, u16>);

impl Vocabulary {
    /// The vocabulary of the word lists and `gazetteer`.
    #[must_use]
    pub fn build(gazetteer: &Gazetteer) -> Self {
        Self(vocabulary(gazetteer))
    }

    fn flags(&self, word: &str) -> u16 {
        self.0.get(word).copied().unwrap_or(0)
    }
}

fn vocabulary(gazetteer: &Gazetteer) -> FxHashMap<String, u16> {
    let mut map: FxHashMap<String, u16> = FxHashMap::default();
    let mut mark = |word: &str, flag: u16| *map.entry(word.to_owned()).or_default() |= flag;
    for (form, (_, via)) in &gazetteer.forms {
        let flag = match via {
            gazetteer::Via::Demonym => GZ_DEMONYM,
            gazetteer::Via::Name | gazetteer::Via::Capital => GZ_PLACE,
        };
        mark(form.as_str(), flag);
    }
    for form in gazetteer.subdivisions.keys() {
        mark(form.as_str(), GZ_PLACE);
    }
    for city in &gazetteer.cities {
        mark(city, GZ_CITY);
    }
    for (list, flag) in [
        (lexicon::ORG_WORDS, ORG),
        (lexicon::PLACE_WORDS, PLACE),
        (lexicon::ROLE_HEADS, ROLE),
        (lexicon::HONORIFICS, HONORIFIC),
        (lexicon::FUNCTION_WORDS, FUNCTION),
        (lexicon::SPEECH_VERBS, SPEECH),
        (lexicon::ROLE_NOUNS, OFFICE),
    ] {
        for word in list {
            mark(word, flag);
        }
    }
    for name in &gazetteer.first_names {
        if lexicon::is_given_name(gazetteer, name) {
            mark(name, GIVEN);
        }
    }
    map
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

/// One sentence and the document around it, as the features read them.
pub struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The sentence's token range.
    pub range: Range<usize>,
    /// Byte ranges of heading paragraphs.
    pub headings: &'a Headings,
    /// The rule-based label of every token of the document.
    pub rules: &'a [&'a str],
    pub words: &'a DocumentWords<'a>,
    /// The word lists' and the gazetteer's words with their flags.
    pub vocabulary: &'a Vocabulary,
}

/// Calls `emit(k, feature)` for every feature of every token `k` (0-based within the sentence).
pub fn for_each(input: &Sentence<'_>, mut emit: impl FnMut(usize, &str)) {
    let Sentence {
        text,
        tokens,
        range: sentence,
        headings,
        rules,
        words,
        vocabulary,
    } = input;
    let sentence = sentence.clone();
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
        // A feature is its parts concatenated ("w=" + "said"), built in one reused buffer.
        let mut add = |parts: &[&str]| {
            buf.clear();
            for part in parts {
                buf.push_str(part);
            }
            emit(k, &buf);
        };
        add(&["b"]);
        add(&["w=", &lower[k]]);
        add(&["s=", &shapes[k]]);
        if let (Some((p, _)), Some((x, _))) = (
            lower[k].char_indices().nth(3),
            lower[k].char_indices().rev().nth(2),
        ) {
            add(&["p3=", &lower[k][..p]]);
            add(&["x3=", &lower[k][x..]]);
        }
        add(&["r=", rules[i]]);
        let sentence_initial =
            k == 0 || matches!(tokens[i - 1].text(text), "“" | "\"" | "‘" | "(" | "—" | ":");
        if sentence_initial {
            add(&["init"]);
        }
        if headings.contains(tokens[i].start) {
            add(&["head"]);
        }
        // The gazetteer and the vocabularies hold capitalised words only, the verb and office
        // lists lower-case ones: one lookup each.
        if is_capitalized(w) {
            if words.lower.contains(lower[k].as_str()) {
                add(&["lowseen"]);
            }
            if words.capitalised_mid_sentence.contains(w) {
                add(&["capmid"]);
            }
            let flags = vocabulary.flags(w);
            for (flag, name) in CAPITALISED_FLAGS {
                if flags & flag != 0 {
                    add(&[name]);
                }
            }
        }
        let flags = vocabulary.flags(lower[k].as_str());
        if flags & SPEECH != 0 {
            add(&["v=speech"]);
        }
        if flags & OFFICE != 0 {
            add(&["v=office"]);
        }
        for (d, offset) in [(-2_isize, "-2"), (-1, "-1"), (1, "1"), (2, "2")] {
            let Some(j) = k.checked_add_signed(d).filter(|j| *j < n) else {
                add(&[offset, ":edge"]);
                continue;
            };
            add(&[offset, ":w=", &lower[j]]);
            add(&[offset, ":r=", rules[sentence.start + j]]);
            if d.abs() == 1 {
                add(&[offset, ":s=", &shapes[j]]);
            }
        }
        if k > 0 {
            add(&["-1|0:", &lower[k - 1], "|", &shapes[k]]);
        }
        if k + 1 < n {
            add(&["0|+1:", &shapes[k], "|", &lower[k + 1]]);
        }
    }
}

#[cfg(feature = "internals")]
/// The features of every token of the sentence, as the trainer takes them.
#[must_use]
pub fn collect(input: &Sentence<'_>) -> Vec<Vec<crfs::Attribute>> {
    let mut out: Vec<Vec<crfs::Attribute>> = vec![Vec::new(); input.range.len()];
    for_each(input, |k, f| {
        out[k].push(crfs::Attribute::new(f, 1.0));
    });
    out
}
