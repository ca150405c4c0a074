//! Two listed organisations the tagger ran into one name across "and" ("the IMF and World
//! Bank", "Zantex Bank and Quorvo Group"): the tagger reads "X and Y" as one name as often as
//! its training text joins them ("Procter and Gamble"), so where each side on its own is a
//! name of the shipped organisation list (`tagger::org_names`) and the whole is not, the span
//! is cut into the two organisations; so is a span where one side is listed and the other is
//! an initialism ("Barclays and HSBC"). Hand-written: it reads the list, which no crate holds.

use std::ops::Range;

use super::super::tokens::Token;
use super::lexicon::is_acronym;
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// The tagger's `spans` with every span that joins two `known` organisation names by "and"
/// cut into the two organisations.
pub(super) fn split_listed_pairs(
    text: &str,
    tokens: &[Token],
    known: &[Range<usize>],
    spans: Spans,
) -> Spans {
    let is_known = |r: &Range<usize>| known.contains(r);
    // An initialism is a name on its own ("Barclays and HSBC"): no name of the list joins one.
    let is_name = |r: &Range<usize>| is_known(r) || (r.len() == 1 && is_acronym(tokens[r.start].text(text)));
    let mut out: Spans = Vec::with_capacity(spans.len());
    for (range, kind) in spans {
        let joint = range
            .clone()
            .skip(1)
            .find(|&k| k + 1 < range.end && tokens[k].text(text) == "and");
        match joint {
            Some(k)
                if !is_known(&range)
                    && (is_known(&(range.start..k)) || is_known(&(k + 1..range.end)))
                    && is_name(&(range.start..k))
                    && is_name(&(k + 1..range.end)) =>
            {
                out.push((range.start..k, Kind::Organization));
                out.push((k + 1..range.end, Kind::Organization));
            }
            _ => out.push((range, kind)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn split(text: &str, span: &str, listed: &[&str]) -> Vec<String> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let range_of = |name: &str| super::super::token_range(text, &tokens, name);
        let known: Vec<Range<usize>> = listed.iter().map(|n| range_of(n)).collect();
        split_listed_pairs(text, &tokens, &known, vec![(range_of(span), Kind::Organization)])
            .into_iter()
            .map(|(r, _)| text[tokens[r.start].start..tokens[r.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn two_listed_organisations_joined_by_and_are_two() {
        let text = "Officials of the ZFX and Quorvo Bank arrived.";
        assert_eq!(
            split(text, "ZFX and Quorvo Bank", &["ZFX", "Quorvo Bank"]),
            ["ZFX", "Quorvo Bank"]
        );
    }

    #[test]
    fn a_listed_organisation_and_an_initialism_joined_by_and_are_two() {
        let text = "Shares of Zantex and QVX fell.";
        assert_eq!(split(text, "Zantex and QVX", &["Zantex"]), ["Zantex", "QVX"]);
        // Neither side listed: the tagger's reading stands.
        assert_eq!(split(text, "Zantex and QVX", &[]), ["Zantex and QVX"]);
    }

    #[test]
    fn a_name_with_and_stays_whole_unless_both_sides_are_listed_and_the_whole_is_not() {
        let text = "Shares of Zantex and Quorvo rose.";
        assert_eq!(split(text, "Zantex and Quorvo", &["Zantex"]), ["Zantex and Quorvo"]);
        assert_eq!(
            split(text, "Zantex and Quorvo", &["Zantex and Quorvo", "Zantex", "Quorvo"]),
            ["Zantex and Quorvo"]
        );
    }
}
