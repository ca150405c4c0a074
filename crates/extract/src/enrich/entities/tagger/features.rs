//! The CRF's features of each token, written once for training and tagging: the word, its
//! shape and affixes, its neighbours, gazetteer and vocabulary hits, known organisation names
//! ([`super::org_names`]), whether it is a common lower-case word, document-level
//! capitalisation evidence, the cues of the capitalised run it stands in ([`super::runs`]), its
//! and its neighbours' word classes learned from unlabelled text ([`super::word_classes`]) and
//! the rule-based tagger's labels around it.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet as HashSet};

use super::super::super::gazetteer::{self, Gazetteer};
use super::super::super::headings::Headings;
use super::super::super::tokens::{Token, TokenKind};
use super::super::common::is_common_word;
use super::super::lexicon::{self, is_capitalized};
use super::org_names::{Mark, OrgNames};
use super::runs::{self, Cues, DocumentRuns, Run};
use super::word_classes::WordClasses;

/// Document-wide evidence about words: seen in lower case, seen capitalised mid-sentence, the
/// capitalised run each token stands in and what the document's runs say about each word.
pub struct DocumentWords<'a> {
    lower: HashSet<&'a str>,
    capitalised_mid_sentence: HashSet<&'a str>,
    runs: Vec<Run>,
    /// The index in `runs` of the run each token stands in (`usize::MAX`: none).
    run_of: Vec<usize>,
    evidence: DocumentRuns<'a>,
    /// Each token's place in a known organisation's name.
    org_names: Vec<Mark>,
}

impl<'a> DocumentWords<'a> {
    #[must_use]
    pub fn new(text: &'a str, tokens: &[Token], vocabulary: &Vocabulary) -> Self {
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
        let cues = |w: &str| Cues {
            capitalised_mid_sentence: capitalised_mid_sentence.contains(w),
            ..vocabulary.cues(w)
        };
        let mut all_runs = Vec::new();
        let mut start = 0;
        for i in 1..=tokens.len() {
            if i == tokens.len() || tokens[i].sentence != tokens[start].sentence {
                all_runs.extend(runs::runs(text, tokens, start..i, &cues));
                start = i;
            }
        }
        let mut run_of = vec![usize::MAX; tokens.len()];
        for (n, run) in all_runs.iter().enumerate() {
            for slot in &mut run_of[run.range.clone()] {
                *slot = n;
            }
        }
        let evidence = DocumentRuns::new(text, tokens, &all_runs, &cues);
        Self {
            lower,
            capitalised_mid_sentence,
            runs: all_runs,
            run_of,
            evidence,
            org_names: vocabulary.org_names.marks(text, tokens),
        }
    }

    fn run_at(&self, token: usize) -> Option<&Run> {
        self.runs.get(*self.run_of.get(token)?)
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
const ORG_SUFFIX: u16 = 1 << 11;
const PLACE_LEAD: u16 = 1 << 12;

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
/// It also holds the known organisation names, matched over token runs.
pub struct Vocabulary {
    flags: FxHashMap<String, u16>,
    org_names: OrgNames,
    classes: WordClasses,
}

impl Vocabulary {
    /// The vocabulary of the word lists, `gazetteer` and the shipped organisation names.
    #[must_use]
    pub fn build(gazetteer: &Gazetteer) -> Self {
        Self {
            flags: vocabulary(gazetteer),
            org_names: OrgNames::shipped(),
            classes: WordClasses::shipped(),
        }
    }

    /// The token ranges of the known organisation names in `text` (longest first, no overlaps).
    #[must_use]
    pub fn org_name_ranges(&self, text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
        let marks = self.org_names.marks(text, tokens);
        let mut out = Vec::new();
        let mut i = 0;
        while i < marks.len() {
            match marks[i] {
                Mark::Single => out.push(i..i + 1),
                Mark::First => {
                    let mut end = i + 1;
                    while end < marks.len() && marks[end] == Mark::Inside {
                        end += 1;
                    }
                    out.push(i..end);
                    i = end;
                    continue;
                }
                Mark::None | Mark::Inside => {}
            }
            i += 1;
        }
        out
    }

    fn flags(&self, word: &str) -> u16 {
        self.flags.get(word).copied().unwrap_or(0)
    }

    /// What the lists say about `word`, as the capitalised runs read it.
    fn cues(&self, word: &str) -> Cues {
        let flags = self.flags(word);
        Cues {
            org: flags & ORG != 0,
            org_suffix: flags & ORG_SUFFIX != 0,
            place: flags & PLACE != 0,
            place_lead: flags & PLACE_LEAD != 0,
            person_lead: flags & (GIVEN | ROLE | HONORIFIC) != 0,
            capitalised_mid_sentence: false,
        }
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
        (&lexicon::ORG_WORDS[..], ORG),
        (&lexicon::PLACE_WORDS[..], PLACE),
        (&lexicon::ROLE_HEADS[..], ROLE),
        (lexicon::HONORIFICS, HONORIFIC),
        (&lexicon::FUNCTION_WORDS[..], FUNCTION),
        (&lexicon::SPEECH_VERBS[..], SPEECH),
        (&lexicon::ROLE_NOUNS[..], OFFICE),
        (lexicon::ORG_SUFFIXES, ORG_SUFFIX),
        (lexicon::PLACE_LEADS, PLACE_LEAD),
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
    let classes: Vec<Option<(&str, &str)>> = sentence
        .clone()
        .map(|i| vocabulary.classes.names_of(tokens[i].text(text)))
        .collect();
    let n = sentence.len();
    let case = sentence_case(input);
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
        if let Some((coarse, fine)) = classes[k] {
            add(&["k1=", coarse]);
            add(&["k2=", fine]);
        }
        let sentence_initial =
            k == 0 || matches!(tokens[i - 1].text(text), "“" | "\"" | "‘" | "(" | "—" | ":");
        if sentence_initial {
            add(&["init"]);
        }
        if headings.contains(tokens[i].start) {
            add(&["head"]);
        }
        if let Some(case) = case {
            add(&[case]);
        }
        if let Some(run) = words.run_at(i) {
            add(&[run.head.feature()]);
            if run.org_context {
                add(&["rctx=org"]);
            }
            // A long name's first and last words see past each other to the name's context.
            if run.range.len() > 1 {
                let before = run.range.start.checked_sub(1).filter(|b| *b >= sentence.start);
                let before = before.map_or("^", |b| lower[b - sentence.start].as_str());
                add(&["rp=", before]);
                let after = Some(run.range.end).filter(|a| *a < sentence.end);
                let after = after.map_or("$", |a| lower[a - sentence.start].as_str());
                add(&["rn=", after]);
            }
            if is_capitalized(w) {
                for feature in words.evidence.features(w) {
                    add(&[feature]);
                }
            }
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
            if is_common_word(&lower[k]) {
                add(&["common"]);
            }
            let flags = vocabulary.flags(w);
            for (flag, name) in CAPITALISED_FLAGS {
                if flags & flag != 0 {
                    add(&[name]);
                }
            }
        }
        match words.org_names[i] {
            Mark::None => {}
            Mark::Single => add(&["ogz=1"]),
            Mark::First => add(&["ogz=b"]),
            Mark::Inside => add(&["ogz=i"]),
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
                if let Some((coarse, _)) = classes[j] {
                    add(&[offset, ":k1=", coarse]);
                }
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

/// "caps" for a sentence without lower-case letters, "title" for one where most words (of
/// three or more) are capitalised: headlines, table rows and shouting, where capitals say less.
fn sentence_case(input: &Sentence<'_>) -> Option<&'static str> {
    let Sentence {
        text,
        tokens,
        range,
        ..
    } = input;
    let words: Vec<&str> = range
        .clone()
        .filter(|i| tokens[*i].kind == TokenKind::Word)
        .map(|i| tokens[i].text(text))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 2 {
        return None;
    }
    if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
        return Some("case=caps");
    }
    let capitalised = words.iter().filter(|w| is_capitalized(w)).count();
    (words.len() >= 3 && capitalised * 4 >= words.len() * 3).then_some("case=title")
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

#[cfg(test)]
mod tests {
    use super::super::super::super::tokens::{sentences, tokenize};
    use super::*;
    use crate::enrich::models::Models;

    fn features_of(text: &str, word: &str) -> Vec<String> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let k = tokens.iter().position(|t| t.text(text) == word).expect("word");
        features_at(text, &tokens, k)
    }

    fn last_features_of(text: &str, word: &str) -> Vec<String> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let k = tokens.iter().rposition(|t| t.text(text) == word).expect("word");
        features_at(text, &tokens, k)
    }

    fn features_at(text: &str, tokens: &[Token], k: usize) -> Vec<String> {
        let sentence = tokens[k].sentence;
        let range = tokens.iter().position(|t| t.sentence == sentence).expect("sentence")
            ..tokens.iter().rposition(|t| t.sentence == sentence).expect("sentence") + 1;
        let rules = vec!["O"; tokens.len()];
        let models = Models::for_tests();
        let words = DocumentWords::new(text, tokens, &models.vocabulary);
        let headings = Headings::new(&[]);
        let mut out = Vec::new();
        for_each(
            &Sentence {
                text,
                tokens,
                range: range.clone(),
                headings: &headings,
                rules: &rules,
                words: &words,
                vocabulary: &models.vocabulary,
            },
            |i, f| {
                if range.start + i == k {
                    out.push(f.to_owned());
                }
            },
        );
        out
    }

    #[test]
    fn every_word_of_a_name_with_an_organisation_word_carries_the_cue() {
        let found = features_of("Officials at the Ministry of Defence said so", "Defence");
        assert!(found.iter().any(|f| f == "run:org"), "{found:?}");
        let found = features_of("Officials met Ana Ruiz there", "Ana");
        assert!(found.iter().any(|f| f == "run:n"), "{found:?}");
    }

    #[test]
    fn a_place_word_at_either_end_of_a_name_marks_every_word_of_it() {
        let found = features_of("The cable runs between Lavernock Point and here", "Lavernock");
        assert!(found.iter().any(|f| f == "run:place"), "{found:?}");
        let found = features_of("They climbed Mount Kenya last year", "Kenya");
        assert!(found.iter().any(|f| f == "run:place"), "{found:?}");
        let found = features_of("He played for Bristol Rovers last year", "Bristol");
        assert!(found.iter().any(|f| f == "run:org"), "{found:?}");
    }

    #[test]
    fn the_words_around_a_name_and_the_rest_of_the_document_cue_an_organisation() {
        let found = features_of("Shares of Contoso rose sharply", "Contoso");
        assert!(found.iter().any(|f| f == "rctx=org"), "{found:?}");
        let shares = features_of("Shares of Contoso rose sharply", "Shares");
        assert!(!shares.iter().any(|f| f.starts_with("run:")), "{shares:?}");
        let text = "Analysts met Ana Ruiz. Profits at Tarvex Holdings Ltd fell. Ruiz left Tarvex.";
        let tarvex = last_features_of(text, "Tarvex");
        assert!(tarvex.iter().any(|f| f == "doc=org"), "{tarvex:?}");
        let ruiz = last_features_of(text, "Ruiz");
        assert!(ruiz.iter().any(|f| f == "doc=per"), "{ruiz:?}");
    }

    #[test]
    fn a_word_and_its_neighbours_carry_their_learned_classes() {
        let found = features_of("Yesterday Sarah flew to Texas for work", "Sarah");
        assert!(found.iter().any(|f| f.starts_with("k1=")), "{found:?}");
        assert!(found.iter().any(|f| f.starts_with("k2=")), "{found:?}");
        assert!(found.iter().any(|f| f.starts_with("1:k1=")), "{found:?}");
        let unseen = features_of("Yesterday Qxzvbrlo flew home", "Qxzvbrlo");
        assert!(!unseen.iter().any(|f| f.starts_with("k2=")), "{unseen:?}");
    }

    #[test]
    fn a_shouted_or_title_case_line_is_marked() {
        assert!(features_of("SHARES FALL IN TOKYO", "TOKYO").contains(&"case=caps".to_owned()));
        let title = features_of("Best Pizza In Town Tonight", "Pizza");
        assert!(title.contains(&"case=title".to_owned()), "{title:?}");
        let plain = features_of("The best pizza in town is here", "The");
        assert!(!plain.iter().any(|f| f.starts_with("case=")), "{plain:?}");
    }
}
