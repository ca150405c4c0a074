//! Sports results and tables: lines of names and scores ("Leeds 2 Bristol Rovers 1", "Ajax 10 7 2
//! 1 24 9 23") are wire content the tagger never saw in training, where it reads a club as a
//! person. On such a line every name that a score follows is a team: an organisation, or a
//! place when it is a country's name (national sides, as newswire annotation has it). An athlete
//! the tagger typed as a person by a known given name ("Ernie Els 66 67") stays a person.

use std::ops::Range;

use super::super::gazetteer::{Gazetteer, Via};
use super::super::tokens::{Token, TokenKind};
use super::lexicon::{CONNECTORS, is_capitalized, is_given_name};
use super::types::Kind;

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// Lower-case words a results line may hold besides names and scores.
const RESULT_WORDS: &[&str] = &["v", "vs", "vs.", "at", "beat", "drew", "and"];

/// The tagger's `spans` with the teams of every results line typed as teams, and the teams'
/// token ranges.
pub(super) fn type_teams(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> (Spans, Vec<Range<usize>>) {
    let mut teams: Vec<(Range<usize>, Kind)> = Vec::new();
    for line in lines(text, tokens) {
        teams.extend(teams_of_line(gazetteer, text, tokens, line, &spans));
    }
    if teams.is_empty() {
        return (spans, Vec::new());
    }
    let ranges = teams.iter().map(|(r, _)| r.clone()).collect();
    (overridden(spans, teams), ranges)
}

/// `spans` with every span that overlaps one of `over` replaced by `over`, in text order.
pub(super) fn overridden(spans: Spans, over: Spans) -> Spans {
    let overlaps = |r: &Range<usize>| over.iter().any(|(o, _)| r.start < o.end && o.start < r.end);
    let mut out: Spans = spans.into_iter().filter(|(r, _)| !overlaps(r)).collect();
    out.extend(over);
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The tagger's `spans` with every name of two words or more that it made a place but that
/// stands before a country in brackets, which no place is ("Noureddine Morceli (Algeria)
/// 3:32.00", "Marc Rosset (Switzerland) beat …"), typed as the athlete it is. A club before
/// its country ("Bayern Munich (Germany)") is one the tagger already calls an organisation.
/// Names of two or three capitalised words the tagger left out are athletes too on such a
/// line, and so is one that opens with a given name right after the score that opens its line
/// ("66 Ivo Lind (Norway), Dan Okoro (Kenya)", "65 Tea Berg"): the tagger never saw a name
/// after a figure at a line's start.
pub(super) fn type_athletes(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Spans,
) -> Spans {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let same_line = |a: usize, b: usize| !text[tokens[a].end..tokens[b].start].contains('\n');
    // `close_figures`: the figures must open the line or follow the brackets (a name the
    // tagger left out needs the table's layout, not a number somewhere in a paragraph).
    let before_country = |range: &Range<usize>, close_figures: bool| {
        if range.len() < 2 || word(range.end) != "(" {
            return false;
        }
        let Some(close) = (range.end + 1..tokens.len().min(range.end + 6)).find(|&i| word(i) == ")")
        else {
            return false;
        };
        if close == range.end + 1 {
            return false;
        }
        let inside = &text[tokens[range.end + 1].start..tokens[close - 1].end];
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let country = matches!(gazetteer.country_of(inside), Some((_, Via::Name)));
        let place = gazetteer.country_of(surface).is_some()
            || gazetteer.is_place(surface)
            || gazetteer.is_city(surface);
        // A results line holds a rank, a time or a score ("Middle East (Saudi Arabia): jobs"
        // is no result).
        let mut first = range.start;
        while first > 0 && same_line(first - 1, first) {
            first -= 1;
        }
        let mut figures = tokens[first].kind == TokenKind::Number
            || (close + 1 < tokens.len() && tokens[close + 1].kind == TokenKind::Number);
        let mut i = close;
        while !figures && !close_figures && i + 1 < tokens.len() && same_line(i, i + 1) {
            i += 1;
            figures = tokens[i].kind == TokenKind::Number;
        }
        country && !place && figures
    };
    // A one-word place after a capitalised word the tagger left out is the athlete's surname
    // ("MaliVai Washington (U.S.)": an unknown given name before a city's name).
    let taken: Vec<usize> = spans.iter().flat_map(|(r, _)| r.clone()).collect();
    for (range, kind) in &mut spans {
        if *kind != Kind::Location {
            continue;
        }
        if before_country(range, false) {
            *kind = Kind::Person;
            continue;
        }
        let given = range.start.checked_sub(1).filter(|&g| {
            range.len() == 1
                && same_line(g, range.start)
                && tokens[g].kind == TokenKind::Word
                && is_capitalized(word(g))
                && !taken.contains(&g)
        });
        if let Some(g) = given
            && before_country(&(g..range.end), false)
        {
            *range = g..range.end;
            *kind = Kind::Person;
        }
    }
    // Names the tagger left out.
    let covered = |i: usize| spans.iter().any(|(r, _)| r.contains(&i));
    let name_word = |i: usize| {
        i < tokens.len() && tokens[i].kind == TokenKind::Word && is_capitalized(word(i)) && !covered(i)
    };
    let mut added: Spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(i) || (i > 0 && same_line(i - 1, i) && name_word(i - 1)) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() && end - i < 4 && same_line(end - 1, end) && name_word(end) {
            end += 1;
        }
        let run = i..end;
        let opens_after_score = i >= 1
            && tokens[i - 1].kind == TokenKind::Number
            && (i == 1 || !same_line(i - 2, i - 1))
            && is_given_name(gazetteer, word(i))
            && (end == tokens.len() || !same_line(end - 1, end) || matches!(word(end), "," | "("));
        if (2..=3).contains(&run.len()) && (before_country(&run, true) || opens_after_score) {
            added.push((run, Kind::Person));
        }
        i = end;
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// Token ranges of the text's lines (a line ends at a newline or a sentence's end).
pub(super) fn lines(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        let ends = i == tokens.len()
            || tokens[i].sentence != tokens[i - 1].sentence
            || text[tokens[i - 1].end..tokens[i].start].contains('\n');
        if ends {
            out.push(start..i);
            start = i;
        }
    }
    out
}

fn is_score(word: &str) -> bool {
    word.split('-')
        .all(|part| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
}

/// The teams of one line, when it is a results line: only names, scores, punctuation and a few
/// linking words, with at least two scores and a name that a score follows.
fn teams_of_line(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    line: Range<usize>,
    spans: &[(Range<usize>, Kind)],
) -> Vec<(Range<usize>, Kind)> {
    let word = |i: usize| tokens[i].text(text);
    // A label before a colon opens the line ("Division two: Elche 3 Lleida 1", "Played on
    // Saturday: …"); the results follow it.
    let label_colon = |i: usize| {
        word(i) == ":"
            && i > line.start
            && tokens[i - 1].kind == TokenKind::Word
            && text[tokens[i].end..].starts_with(char::is_whitespace)
    };
    let line = match line.clone().rev().find(|&i| label_colon(i)) {
        Some(colon) => colon + 1..line.end,
        None => line,
    };
    let mut scores = 0;
    for i in line.clone() {
        let w = word(i);
        match tokens[i].kind {
            TokenKind::Number if is_score(w) => scores += 1,
            TokenKind::Word if is_capitalized(w) => {}
            TokenKind::Word if CONNECTORS.contains(&w) || RESULT_WORDS.contains(&w) => {}
            TokenKind::Punct => {}
            _ => return Vec::new(),
        }
    }
    if scores < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut depth = 0_usize;
    let mut i = line.start;
    while i < line.end {
        match word(i) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || tokens[i].kind != TokenKind::Word || !is_capitalized(word(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < line.end
            && tokens[j].kind == TokenKind::Word
            && (is_capitalized(word(j))
                || (CONNECTORS.contains(&word(j)) && j + 1 < line.end && is_capitalized(word(j + 1))))
        {
            j += 1;
        }
        let scored = j < line.end && tokens[j].kind == TokenKind::Number && is_score(word(j));
        let athlete = spans.iter().any(|(r, k)| {
            *k == Kind::Person
                && r.start == i
                && r.end >= i + 2
                && is_given_name(gazetteer, word(i))
        });
        if scored && !athlete {
            let surface = &text[tokens[i].start..tokens[j - 1].end];
            let country = matches!(gazetteer.country_of(surface), Some((_, Via::Name)));
            let kind = if country {
                Kind::Location
            } else {
                Kind::Organization
            };
            out.push((i..j, kind));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;
    use crate::enrich::models::Models;

    fn teams(text: &str, spans: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let find = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = spans.iter().map(|(n, k)| (find(n), *k)).collect();
        let models = Models::for_tests();
        type_teams(&models.gazetteer, text, &tokens, spans)
            .0
            .into_iter()
            .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
            .collect()
    }

    #[test]
    fn the_names_on_a_line_of_scores_are_teams() {
        let found = teams(
            "Leeds 2 Bristol Rovers 1\nGermany 3 Ajax 0",
            &[("Bristol Rovers", Kind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Leeds".to_owned(), Kind::Organization),
                ("Bristol Rovers".to_owned(), Kind::Organization),
                ("Germany".to_owned(), Kind::Location),
                ("Ajax".to_owned(), Kind::Organization),
            ]
        );
    }

    #[test]
    fn a_label_before_a_colon_opens_a_results_line() {
        let found = teams(
            "Division two: Elche 3 Lleida 1, Burgos 1 Zamora 2\nPlayed on Saturday: Getafe 4 Ajax 2",
            &[],
        );
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Elche", "Lleida", "Burgos", "Zamora", "Getafe", "Ajax"]);
        assert!(found.iter().all(|(_, k)| *k == Kind::Organization));
        assert!(teams("Posted 2014 at 08:32 AM 2", &[]).is_empty());
    }

    #[test]
    fn a_name_before_a_country_in_brackets_is_an_athlete_not_a_place() {
        let text = "1. Noura Belkadi (Algeria) 3:32.00\n2. Saint Lucia (Algeria) 3:33.00\n\
                    Teachers - Middle East (Algeria): apply";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let range = |name: &str| super::super::token_range(text, &tokens, name);
        let names = ["Noura Belkadi", "Saint Lucia", "Middle East"];
        let spans = names.map(|n| (range(n), Kind::Location)).to_vec();
        let models = Models::for_tests();
        let typed: Vec<Kind> = type_athletes(&models.gazetteer, text, &tokens, spans)
            .into_iter()
            .map(|(_, k)| k)
            .collect();
        assert_eq!(typed, [Kind::Person, Kind::Location, Kind::Location]);
    }

    #[test]
    fn a_place_after_a_given_name_the_tagger_left_out_is_the_athletes_surname() {
        let text = "Ivo Lind (Norway) beat 6 - MaliVo Washington (Kenya) 6-2 6-4";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let range = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = vec![(range("Ivo Lind"), Kind::Person), (range("Washington"), Kind::Location)];
        let models = Models::for_tests();
        let typed: Vec<(&str, Kind)> = type_athletes(&models.gazetteer, text, &tokens, spans)
            .into_iter()
            .map(|(r, k)| (&text[tokens[r.start].start..tokens[r.end - 1].end], k))
            .collect();
        assert_eq!(typed, [("Ivo Lind", Kind::Person), ("MaliVo Washington", Kind::Person)]);
    }

    #[test]
    fn names_the_tagger_left_out_on_a_leaderboard_are_athletes() {
        let text = "Leading scores (Britain unless stated):\n65 Anna Lindqvar\n66 Tomaso Verrel \
                    (Italy), Dan Okoro (Kenya)\nThe Federal Reserve (United States) cut rates by 25 \
                    points, and Tomaso Verrel (Italy) said 3 more.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let models = Models::for_tests();
        let found: Vec<&str> = type_athletes(&models.gazetteer, text, &tokens, Vec::new())
            .into_iter()
            .filter(|(_, k)| *k == Kind::Person)
            .map(|(r, _)| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect();
        assert_eq!(found, ["Anna Lindqvar", "Tomaso Verrel", "Dan Okoro"]);
    }

    #[test]
    fn a_sentence_with_numbers_is_not_a_results_line() {
        let found = teams(
            "Leeds won 2 of 3 games, said Ana Ruiz.",
            &[("Ana Ruiz", Kind::Person)],
        );
        assert_eq!(found, [("Ana Ruiz".to_owned(), Kind::Person)]);
    }
}
