//! The statistical half of entity recognition: a linear-chain CRF (the `crfs` crate, a pure-Rust
//! CRFsuite) that reads each sentence's tokens with their word shapes, neighbours, gazetteer and
//! vocabulary hits, document-level capitalisation evidence and the rule-based tagger's own
//! labels, and decides the final name spans and types (BIO over person/organisation/location).
//! The rules stay in charge of what a CRF does not do well — roles, aliases, grouping — and
//! their labels are features; the names are the CRF's (rule names it leaves out stay out: on
//! held-out folds keeping them cost far more precision than they gave recall).
//!
//! The weights (`models/entities.crfsuite`) are trained on openly licensed (CC BY) data — GUM's
//! non-news documents, WikiGold, the Broad Twitter Corpus and WNUT-17 — with
//! `article-enricher-eval train-entities ../shared/corpus/gum-train ../shared/corpus/ner-open`;
//! see `crates/eval/src/tagger_training.rs` and `models/SOURCES.md`. The features
//! ([`features`]) are written once and used by both training and tagging, so the two cannot
//! drift apart.

pub mod features;
mod org_names;
mod runs;
pub mod word_classes;
pub mod weights;

#[cfg(feature = "internals")]
use std::collections::HashMap;
use std::ops::Range;

pub use features::{DocumentWords, Vocabulary};
use weights::Weights;

#[cfg(feature = "internals")]
use super::super::gazetteer::Gazetteer;
use super::super::headings::Headings;
use super::super::tokens::{Token, TokenKind};
use super::lexicon::{FUNCTION_WORDS, is_capitalized};
use super::rules::RuleEntities;
use super::types::Kind;
use crate::ExtractError;
use crate::deadline::Deadline;

/// Label of a token inside a span of `kind`.
#[must_use]
pub fn label(kind: Kind, first: bool) -> &'static str {
    match (kind, first) {
        (Kind::Person, true) => "B-PER",
        (Kind::Person, false) => "I-PER",
        (Kind::Organization, true) => "B-ORG",
        (Kind::Organization, false) => "I-ORG",
        (Kind::Location, true) => "B-LOC",
        (Kind::Location, false) => "I-LOC",
    }
}

fn kind_of_label(label: &str) -> Option<Kind> {
    match label.get(2..)? {
        "PER" => Some(Kind::Person),
        "ORG" => Some(Kind::Organization),
        "LOC" => Some(Kind::Location),
        _ => None,
    }
}

#[cfg(feature = "internals")]
/// The rule-based labels of every token of a document, for training.
#[must_use]
pub fn rule_labels_of(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    headings: &[Range<usize>],
) -> Vec<&'static str> {
    let found = super::rules::by_rules(
        gazetteer,
        text,
        tokens,
        &Headings::new(headings),
        super::types::DatelineNames::default(),
        Deadline::default(),
    );
    // Without a deadline the rules cannot fail.
    found.map_or_else(|_| vec!["O"; tokens.len()], |found| rule_labels(tokens, &found))
}

/// The rule-based labels of every token ("O", "B-PER", …).
#[must_use]
fn rule_labels(tokens: &[Token], found: &RuleEntities) -> Vec<&'static str> {
    let mut labels = vec!["O"; tokens.len()];
    let mut t = 0;
    for mention in &found.mentions {
        while t < tokens.len() && tokens[t].start < mention.start {
            t += 1;
        }
        let kind = found.kind_of(mention.entity);
        let mut first = true;
        let mut i = t;
        while i < tokens.len() && tokens[i].end <= mention.end {
            labels[i] = label(kind, first);
            first = false;
            i += 1;
        }
    }
    labels
}

/// Token ranges of each sentence, in order.
#[must_use]
pub fn sentence_ranges(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens[i].sentence != tokens[start].sentence {
            if start < i {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// The tagger's spans (token ranges, types).
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per sentence).
pub(super) fn tag(
    model: &Weights,
    vocabulary: &Vocabulary,
    text: &str,
    tokens: &[Token],
    headings: &Headings,
    found: &RuleEntities,
    deadline: Deadline,
) -> Result<Vec<(Range<usize>, Kind)>, ExtractError> {
    let rules = rule_labels(tokens, found);
    let words = DocumentWords::new(text, tokens, vocabulary);
    let n = model.labels.len();
    let mut out = Vec::new();
    let mut scores: Vec<f64> = Vec::new();
    let mut memo = weights::Memo::default();
    for sentence in sentence_ranges(tokens) {
        deadline.check()?;
        // Title case makes every heading word look like a name: headings keep the rules' names,
        // which there are only names already found in the body.
        if headings.contains(tokens[sentence.start].start) {
            out.extend(spans(&rules[sentence.clone()], sentence.start));
            continue;
        }
        if !may_hold_a_name(text, tokens, sentence.clone(), &rules) {
            continue;
        }
        scores.clear();
        scores.resize(sentence.len() * n, 0.0);
        let input = features::Sentence {
            text,
            tokens,
            range: sentence.clone(),
            headings,
            rules: &rules,
            words: &words,
            vocabulary,
        };
        features::for_each(&input, |k, f| {
            model.score(f, &mut scores[k * n..(k + 1) * n], &mut memo);
        });
        let labels = model.viterbi(&scores);
        let by_rules = spans(&rules[sentence.clone()], sentence.start);
        // The rules' names the tagger left out stay out: they are features already, and keeping
        // them halved precision on held-out folds of every training corpus (fold 0 of 3: all
        // F1 0.445 with them, 0.542 without; `eval cv-entities --fold 0`). Even the rules'
        // organisations typed by evidence (an organisation word, a bare name repeated three
        // times) cost more than they gave: organisation F1 0.370 → 0.349 on the same fold.
        out.extend(split_conjoined(
            text,
            tokens,
            spans(&labels, sentence.start),
            &by_rules,
        ));
    }
    out.sort_by_key(|(r, _)| r.start);
    let out = drop_named_after(text, tokens, out);
    Ok(propagate(text, tokens, headings, out))
}

/// "The Warhol Polaroids" after "Andy Warhol": a person span of two or more words that starts
/// with another person's surname is a thing named after that person, not a person (the rules
/// hold the same view; the tagger, told the surname is a person's, does not).
fn drop_named_after(
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let words = |r: &Range<usize>| -> Vec<&str> { r.clone().map(|i| tokens[i].text(text)).collect() };
    let people: Vec<Vec<&str>> = spans
        .iter()
        .filter(|(r, k)| *k == Kind::Person && r.len() > 1)
        .map(|(r, _)| words(r))
        .collect();
    spans
        .into_iter()
        .filter(|(r, k)| {
            if *k != Kind::Person || r.len() < 2 {
                return true;
            }
            let own = words(r);
            !people
                .iter()
                .any(|p| p.last() == own.first() && *p != own)
        })
        .collect()
}

/// Document-level consistency: a name the tagger found once is a name wherever else it stands
/// whole (not inside a longer capitalised run) in the body, with the type most of its tagged
/// mentions got. The tagger reads one sentence at a time and misses repeats it is unsure of.
fn propagate(
    text: &str,
    tokens: &[Token],
    headings: &Headings,
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    use rustc_hash::FxHashMap;
    let word = |i: usize| tokens[i].text(text);
    // Name (its words) → votes per type.
    let mut names: FxHashMap<Vec<&str>, [usize; 3]> = FxHashMap::default();
    for (range, kind) in &spans {
        let words: Vec<&str> = range.clone().map(word).collect();
        if words.len() == 1 && FUNCTION_WORDS.contains(words[0]) {
            continue;
        }
        // "Ruiz" after "Ana Ruiz": a person's surname alone is that person.
        if *kind == Kind::Person && words.len() > 1 {
            let last = words[words.len() - 1];
            if is_capitalized(last) {
                names.entry(vec![last]).or_default()[*kind as usize] += 1;
            }
        }
        names.entry(words).or_default()[*kind as usize] += 1;
    }
    let mut by_first: FxHashMap<&str, Vec<(&[&str], Kind)>> = FxHashMap::default();
    for (words, votes) in &names {
        let best = (0..3).max_by_key(|k| (votes[*k], std::cmp::Reverse(*k))).unwrap_or(0);
        by_first
            .entry(words[0])
            .or_default()
            .push((words.as_slice(), Kind::ALL[best]));
    }
    let mut covered = vec![false; tokens.len()];
    for (range, _) in &spans {
        for c in &mut covered[range.clone()] {
            *c = true;
        }
    }
    let capitalised_word =
        |i: usize| tokens[i].kind == TokenKind::Word && is_capitalized(word(i));
    let mut added = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let candidates = by_first.get(word(i));
        let found = candidates.and_then(|candidates| {
            candidates
                .iter()
                .filter(|(words, _)| {
                    let end = i + words.len();
                    end <= tokens.len()
                        && (i..end).all(|k| !covered[k] && tokens[k].sentence == tokens[i].sentence)
                        && (i..end).zip(words.iter()).all(|(k, w)| word(k) == *w)
                        && !(i > 0
                            && tokens[i - 1].sentence == tokens[i].sentence
                            && capitalised_word(i - 1))
                        && !(end < tokens.len()
                            && tokens[end].sentence == tokens[i].sentence
                            && capitalised_word(end))
                })
                .max_by_key(|(words, _)| words.len())
        });
        match found {
            Some((words, kind)) if !headings.contains(tokens[i].start) => {
                added.push((i..i + words.len(), *kind));
                i += words.len();
            }
            _ => i += 1,
        }
    }
    if added.is_empty() {
        return spans;
    }
    let mut out = spans;
    out.extend(added);
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// Whether the tagger needs to read a sentence: the rules found a name in it, or a word other
/// than a sentence-opening function word ("The", "But") is capitalised. A sentence of lower-case
/// words holds no names the tagger was trained to find, and skipping it saves a third of the
/// tagging time on news text.
fn may_hold_a_name(text: &str, tokens: &[Token], sentence: Range<usize>, rules: &[&str]) -> bool {
    sentence.clone().any(|i| {
        let word = tokens[i].text(text);
        rules[i] != "O"
            || (is_capitalized(word) && !(i == sentence.start && FUNCTION_WORDS.contains(word)))
    })
}

/// "Ana Ruiz and Tomás Berg": a tagged span that joins two names the rules found separately
/// across "and", "or", "&" or a comma is those two names; so is a person span that opens with a
/// person the rules found and joins an organisation or place across "of" ("Ana Ruiz of Acme
/// Party"; not "Church of Jesus Christ of …", which is no person span).
fn split_conjoined(
    text: &str,
    tokens: &[Token],
    tagged: Vec<(Range<usize>, Kind)>,
    by_rules: &[(Range<usize>, Kind)],
) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::with_capacity(tagged.len());
    for (span, kind) in tagged {
        // `by_rules` is in order and disjoint: the spans inside start from the first one
        // starting in `span`.
        let first = by_rules.partition_point(|(r, _)| r.start < span.start);
        let inside: Vec<(Range<usize>, Kind)> = by_rules[first..]
            .iter()
            .take_while(|(r, _)| r.start < span.end)
            .filter(|(r, _)| r.end <= span.end)
            .cloned()
            .collect();
        let conjoined = inside.windows(2).any(|pair| {
            let between = pair[0].0.end..pair[1].0.start;
            let of_a_body = kind == Kind::Person
                && pair[0].0.start == span.start
                && between.len() == 1
                && tokens[between.start].text(text) == "of"
                && pair[0].1 == Kind::Person
                && pair[1].1 != Kind::Person;
            of_a_body
                || between.clone().any(|i| matches!(tokens[i].text(text), "and" | "or" | "&" | ","))
        });
        if conjoined {
            out.extend(inside);
        } else {
            out.push((span, kind));
        }
    }
    out
}

/// BIO labels → spans; an `I-` without a matching `B-` starts a span.
fn spans<S: AsRef<str>>(labels: &[S], offset: usize) -> Vec<(Range<usize>, Kind)> {
    let mut out: Vec<(Range<usize>, Kind)> = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for (k, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let kind = kind_of_label(label);
        let continues = label.starts_with("I-") && open.is_some_and(|(_, o)| Some(o) == kind);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            out.push((offset + start..offset + k, kind));
        }
        if let Some(kind) = kind {
            open = Some((k, kind));
        }
    }
    if let Some((start, kind)) = open {
        out.push((offset + start..offset + labels.len(), kind));
    }
    out
}

#[cfg(feature = "internals")]
/// Gold labels from character spans: tokens wholly inside a span take its type; longer spans
/// win over the ones nested in them.
#[must_use]
pub fn gold_labels(
    tokens: &[Token],
    chars: &super::super::tokens::CharIndex,
    gold: &[(usize, usize, Kind)],
) -> Vec<&'static str> {
    let mut labels = vec!["O"; tokens.len()];
    let mut spans: Vec<&(usize, usize, Kind)> = gold.iter().collect();
    spans.sort_by_key(|(s, e, _)| std::cmp::Reverse(e - s));
    let starts: Vec<usize> = tokens.iter().map(|t| chars.char_of(t.start)).collect();
    let ends: Vec<usize> = tokens.iter().map(|t| chars.char_of(t.end)).collect();
    for (s, e, kind) in spans {
        let inside: Vec<usize> = (0..tokens.len())
            .filter(|i| starts[*i] >= *s && ends[*i] <= *e)
            .collect();
        if inside.is_empty() || inside.iter().any(|i| labels[*i] != "O") {
            continue;
        }
        for (n, i) in inside.iter().enumerate() {
            labels[*i] = label(*kind, n == 0);
        }
    }
    labels
}

#[cfg(feature = "internals")]
/// Counts of each label, for the training report.
#[must_use]
pub fn label_counts(labels: &[&str]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for l in labels {
        *out.entry((*l).to_owned()).or_default() += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_labels_become_spans_and_a_stray_inside_label_starts_one() {
        let labels = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG"];
        assert_eq!(
            spans(&labels, 10),
            [
                (10..12, Kind::Person),
                (13..14, Kind::Location),
                (14..15, Kind::Organization),
                (15..16, Kind::Organization)
            ]
        );
    }

    #[test]
    fn word_shapes_collapse_repeats() {
        assert_eq!(features::shape("Gustavo"), "Xx");
        assert_eq!(features::shape("U.S."), "X.X.");
        assert_eq!(features::shape("1,446"), "d,d");
    }

    #[test]
    fn a_tagged_name_is_a_name_where_it_recurs_whole_but_not_inside_a_longer_name() {
        use super::super::super::tokens::{sentences, tokenize};
        let text = "Acme rose. Analysts say Acme fell. Acme Holdings Ltd did not.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let spans = propagate(
            text,
            &tokens,
            &Headings::new(&[]),
            vec![(0..1, Kind::Organization)],
        );
        let said: Vec<(&str, Kind)> = spans
            .iter()
            .map(|(r, k)| (&text[tokens[r.start].start..tokens[r.end - 1].end], *k))
            .collect();
        assert_eq!(
            said,
            [("Acme", Kind::Organization), ("Acme", Kind::Organization)]
        );
    }

    #[test]
    fn a_span_joining_names_the_rules_found_apart_is_split() {
        use super::super::super::tokens::{sentences, tokenize};
        let text = "Ana Ruiz of Acme Party and Bea Lund met Bank of Brill.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let by_rules = [
            (0..2, Kind::Person),
            (3..5, Kind::Organization),
            (6..8, Kind::Person),
            (9..10, Kind::Organization),
            (11..12, Kind::Location),
        ];
        let tagged = vec![(0..5, Kind::Person), (6..8, Kind::Person), (9..12, Kind::Organization)];
        // Bank of Brill stays whole: an organisation span is never split at "of".
        let got = split_conjoined(text, &tokens, tagged, &by_rules);
        assert_eq!(
            got,
            [
                (0..2, Kind::Person),
                (3..5, Kind::Organization),
                (6..8, Kind::Person),
                (9..12, Kind::Organization)
            ]
        );
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(!crate::enrich::models::Models::for_tests().tagger.labels.is_empty());
    }
}
