//! Cricket scorecards, wire content as much as results tables: a batting line ("J. Carter c
//! Rashid b Qadir 45", "A. Stewart lbw b Wasim 12", "M. Atherley not out 88") and a bowling
//! figure ("Qadir 20-5-48-2") name players, and every name on such a line is a person. The
//! tagger has never seen the shape and reads the names as anything or nothing. Hand-written:
//! the scorecard layout is a newsroom convention with no crate that parses it.

use std::ops::Range;

use super::super::tokens::{Token, TokenKind};
use super::lexicon::is_capitalized;
use super::results::{lines, overridden};
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// Lower-case words of a batsman's dismissal ("c", "b", "lbw", "st", "run out", "not out"); a
/// batting line holds one of the first seven.
const DISMISSALS: [&str; 10] = [
    "c", "b", "lbw", "st", "run", "not", "retired", "out", "hit", "and",
];

/// Capitalised words that head a scorecard's own lines rather than name a player.
const CARD_WORDS: [&str; 7] = [
    "Extras", "Total", "Fall", "Bowling", "Innings", "Batting", "Did",
];

/// Whether `text` opens with a bowler's figures: overs, maidens, runs and wickets ("20-5-48-2").
fn opens_with_bowling_figure(text: &str) -> bool {
    let figure = text.split([' ', ',', ';', '\n']).next().unwrap_or_default();
    let parts: Vec<&str> = figure.split('-').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The tagger's `spans` with the players of every scorecard line typed as persons, and the
/// results lines' `teams` without them (a bowler's figures read like scores).
pub(super) fn type_players(
    text: &str,
    tokens: &[Token],
    spans: Spans,
    teams: Vec<Range<usize>>,
) -> (Spans, Vec<Range<usize>>) {
    let mut players: Spans = Vec::new();
    for line in lines(text, tokens) {
        players.extend(players_of_line(text, tokens, line).into_iter().map(|r| (r, Kind::Person)));
    }
    if players.is_empty() {
        return (spans, teams);
    }
    let teams = teams
        .into_iter()
        .filter(|t| !players.iter().any(|(p, _)| t.start < p.end && p.start < t.end))
        .collect();
    (overridden(spans, players), teams)
}

/// The names of one line when it is a batting line (a name, a dismissal, the runs last) or
/// holds bowling figures (each name right before its figures).
fn players_of_line(text: &str, tokens: &[Token], line: Range<usize>) -> Vec<Range<usize>> {
    let word = |i: usize| tokens[i].text(text);
    let names = name_runs(text, tokens, line.clone());
    let last = line.end.saturating_sub(1);
    let batting = names.first().is_some_and(|first| first.start == line.start)
        && tokens[last].kind == TokenKind::Number
        && line.clone().any(|i| DISMISSALS[..7].contains(&word(i)))
        && line.clone().all(|i| match tokens[i].kind {
            TokenKind::Word => is_capitalized(word(i)) || DISMISSALS.contains(&word(i)),
            TokenKind::Number => i == last,
            TokenKind::Punct => matches!(word(i), "." | "&" | "*" | "(" | ")" | "+"),
        });
    if batting {
        return names;
    }
    names
        .into_iter()
        .filter(|r| {
            r.end < line.end
                && tokens[r.end].kind == TokenKind::Number
                && opens_with_bowling_figure(&text[tokens[r.end].start..])
        })
        .collect()
}

/// Runs of capitalised words with their initials ("J. Carter", "Saqlain Mushtaq"), leaving out
/// the scorecard's own words.
fn name_runs(text: &str, tokens: &[Token], line: Range<usize>) -> Vec<Range<usize>> {
    let word = |i: usize| tokens[i].text(text);
    let name_word = |i: usize| tokens[i].kind == TokenKind::Word && is_capitalized(word(i));
    let mut out = Vec::new();
    let mut i = line.start;
    while i < line.end {
        if !name_word(i) || CARD_WORDS.contains(&word(i)) {
            i += 1;
            continue;
        }
        let mut j = i;
        loop {
            j += 1;
            // An initial's full stop ("J. Carter") stays inside the name.
            let initial_dot = j + 1 < line.end
                && word(j) == "."
                && word(j - 1).chars().count() == 1
                && name_word(j + 1);
            if initial_dot {
                j += 1;
                continue;
            }
            if j >= line.end || !name_word(j) {
                break;
            }
        }
        out.push(i..j);
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn players(text: &str) -> Vec<String> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        type_players(text, &tokens, Vec::new(), Vec::new())
            .0
            .into_iter()
            .map(|(r, k)| {
                assert_eq!(k, Kind::Person);
                text[tokens[r.start].start..tokens[r.end - 1].end].to_owned()
            })
            .collect()
    }

    #[test]
    fn every_name_on_a_batting_line_is_a_player() {
        assert_eq!(
            players("J. Carter c Rashid b Qadir 45\nA. Stewart lbw b Wasim 12\nM. Atherley not out 88"),
            ["J. Carter", "Rashid", "Qadir", "A. Stewart", "Wasim", "M. Atherley"]
        );
    }

    #[test]
    fn a_bowler_is_the_name_before_his_figures() {
        assert_eq!(
            players("Bowling: Qadir 20-5-48-2, Wasim Karim 18-3-60-1"),
            ["Qadir", "Wasim Karim"]
        );
    }

    #[test]
    fn the_scorecards_own_lines_and_ordinary_sentences_name_no_player() {
        assert!(players("Extras (b-4 lb-6 nb-2) 12\nTotal (for 3 wickets) 257").is_empty());
        assert!(players("Carter was out for 45 after lunch, said Ana Ruiz 12").is_empty());
        assert!(players("Leeds 2 Bristol Rovers 1").is_empty());
        assert!(players("Celtic and Rangers out 2").is_empty());
    }
}
