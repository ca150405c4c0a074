//! Teams named by sports prose: wire sports stories name clubs in running text, not only on
//! results lines (`results` reads those) — "Zantex striker Ana Ruiz", "the Quorvo coach",
//! "signed for Zantex", "joined Zantex from Quorvo", "Zantex's 2-1 win over Quorvo", "beat Zantex
//! 3-1", "drew 1-1 with Zantex", "lost to Zantex", "Zantex v Quorvo". A name so cued is an organisation, and so is
//! the same name elsewhere in the story (`org_cues::mark`), unless the gazetteer knows it as a
//! country or a nationality (national sides are places, as newswire annotation has it), it names
//! a competition ("Premier League striker"), or the tagger typed it as a person; a name of two
//! or more words opening with a given name is an athlete where a result is the cue ("Ana Ruiz
//! beat Tea Berg 6-4"). A name the tagger ran across a "v" ("ZANTEX V QUORVO" in a shouted
//! headline read as one name) is first cut in two at it. Hand-written: these are the sports desk's set phrases, which no crate
//! lists.

use std::ops::Range;

use super::super::gazetteer::{Gazetteer, Via};
use super::super::tokens::{Token, TokenKind};
use super::common::{is_common_word, is_initialism};
use super::lexicon::{is_capitalized, is_given_name};
use super::org_cues::{mark, name_run};
use super::types::Kind;

/// Lower-case words for a player or official that, right after a name, say it is a team's
/// ("Zantex striker Ana Ruiz").
const ROLES: &[&str] = &[
    "striker", "coach", "manager", "midfielder", "goalkeeper", "defender", "captain", "winger",
    "forward", "full-back", "centre-back", "center-back", "playmaker", "skipper",
];

/// Lower-case words that may stand between a team's name and the role ("Zantex head coach").
const ROLE_MODIFIERS: &[&str] = &["head", "assistant", "caretaker", "interim", "youth", "reserve"];

/// Roles that are also common words elsewhere ("moved the date forward"): these count only
/// before a capitalised name ("Zantex forward Ana Ruiz").
const ROLES_BEFORE_A_NAME: &[&str] = &["forward", "captain"];

/// Lower-case verbs of a result whose object, followed by a score, is a team ("beat Zantex 3-1").
const BEAT: &[&str] = &[
    "beat", "defeated", "thrashed", "edged", "hammered", "routed", "crushed", "downed", "stunned",
];

/// Nouns of a result that, after a score, name the opponent after "over", "against", "by", "to"
/// or "with" ("a 2-1 win over Zantex", "a 1-1 draw with Zantex").
const RESULT_NOUNS: &[&str] = &["win", "victory", "triumph", "defeat", "loss", "draw", "success"];

/// Words of a competition's name: "Premier League striker" names no team.
const COMPETITION_WORDS: &[&str] = &[
    "League", "Cup", "Championship", "Championships", "Olympic", "Olympics", "Games", "Open",
    "Series", "Trophy", "Tour", "Division", "Bundesliga", "Serie", "Liga", "Premiership",
    "Prix", "Conference",
];

/// The words for "versus" between two sides ("Zantex v Quorvo", "ZANTEX V QUORVO", "Zantex vs.
/// Quorvo").
const VERSUS: &[&str] = &["v", "V", "vs", "VS", "Vs", "v.", "vs."];

/// The tagger's `spans` with every name that runs across a [`VERSUS`] word cut in two there,
/// each side typed anew: a country is a place (a national side), a name of two or more words
/// opening with a given name a person, any other a team.
pub(super) fn split_at_versus(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let word = |i: usize| tokens[i].text(text);
    let side = |range: Range<usize>| {
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let kind = if matches!(gazetteer.country_of(surface), Some((_, Via::Name))) {
            Kind::Location
        } else if range.len() >= 2 && is_given_name(gazetteer, word(range.start)) {
            Kind::Person
        } else {
            Kind::Organization
        };
        (range, kind)
    };
    let mut out = Vec::with_capacity(spans.len());
    for (range, kind) in spans {
        // A lone given name before a capital "V" is a person's first name and middle initial
        // ("Ana V Ruiz").
        let initial = |k: usize| k == range.start + 1 && is_given_name(gazetteer, word(range.start));
        let Some(k) = (range.start + 1..range.end.saturating_sub(1))
            .find(|&k| VERSUS.contains(&word(k)) && !initial(k))
        else {
            out.push((range, kind));
            continue;
        };
        let after = if word(k + 1) == "." { k + 2 } else { k + 1 };
        out.push(side(range.start..k));
        if after < range.end {
            out.push(side(after..range.end));
        }
    }
    out
}

/// The tagger's `spans` with the teams these cues name (`found`, from [`cued_teams`]) typed as
/// organisations (rule in the module docs).
pub(super) fn apply(
    found: &[Range<usize>],
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    if found.is_empty() {
        return spans;
    }
    // A name the tagger made a person before a role and another name is the club whose player
    // or official that is ("Chelsea manager Dan Okoro": a given name, read as a person).
    let cues = Cues { text, tokens };
    for run in found.iter().filter(|r| cues.role_before_a_name(r)) {
        for (range, kind) in &mut spans {
            if range == run && *kind == Kind::Person {
                *kind = Kind::Organization;
            }
        }
    }
    mark(text, tokens, found, spans)
}

/// The tagger's `spans` with a player's or official's role that opens the sentence cut from the
/// person it heads ("Striker Ana Ruiz joined …" → "Ana Ruiz"): capitalised only by the sentence,
/// it is the role, not part of the name.
pub(super) fn without_opening_roles(
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    spans
        .into_iter()
        .map(|(mut range, kind)| {
            let opens = range.start == 0 || tokens[range.start - 1].sentence != tokens[range.start].sentence;
            let role = tokens[range.start].text(text).to_lowercase();
            if kind == Kind::Person && opens && range.len() >= 2 && ROLES.contains(&role.as_str()) {
                range.start += 1;
            }
            (range, kind)
        })
        .collect()
}

/// The names these cues make teams.
pub(super) fn cued_teams(gazetteer: &Gazetteer, text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let cues = Cues { text, tokens };
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(run) = name_run(text, tokens, i, true) else {
            i += 1;
            continue;
        };
        let by_role = cues.role_after(&run) || cues.transfer_before(&run);
        let by_result =
            cues.result_after(&run) || cues.result_before(&run) || cues.versus_around(&run);
        if (by_role || by_result) && is_team(gazetteer, &cues, &run, by_result) {
            found.push(run.clone());
        }
        i = run.end;
    }
    found
}

/// Whether the cued name `run` may be a team: no country, nationality or competition, no lone
/// common word or initialism ("Sales manager", "HR manager"), and, cued by a result, no person's
/// name.
fn is_team(gazetteer: &Gazetteer, cues: &Cues<'_>, run: &Range<usize>, by_result: bool) -> bool {
    let surface = cues.surface(run);
    if matches!(gazetteer.country_of(surface), Some((_, Via::Name | Via::Demonym))) {
        return false;
    }
    if run.clone().any(|k| COMPETITION_WORDS.contains(&cues.word(k))) {
        return false;
    }
    if run.len() == 1
        && (is_common_word(&surface.to_lowercase()) || is_initialism(surface))
    {
        return false;
    }
    let athlete = run.len() >= 2 && is_given_name(gazetteer, cues.word(run.start));
    !(by_result && athlete)
}

/// The tokens of a text, read around a name.
struct Cues<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Cues<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn surface(&self, run: &Range<usize>) -> &str {
        &self.text[self.tokens[run.start].start..self.tokens[run.end - 1].end]
    }

    /// Whether token `i` exists, stands in `run`'s sentence and is one of `words`.
    fn is_at(&self, i: usize, run: &Range<usize>, words: &[&str]) -> bool {
        i < self.tokens.len()
            && self.tokens[i].sentence == self.tokens[run.start].sentence
            && words.contains(&self.word(i))
    }

    /// Whether token `i`, in `run`'s sentence, is a capitalised word.
    fn is_name_word_at(&self, i: usize, run: &Range<usize>) -> bool {
        i < self.tokens.len()
            && self.tokens[i].sentence == self.tokens[run.start].sentence
            && self.tokens[i].kind == TokenKind::Word
            && is_capitalized(self.word(i))
    }

    /// The end of the score ("2-1", "3–0") starting at token `i`, if one does.
    fn score_at(&self, i: usize) -> Option<usize> {
        let goals = |k: usize| {
            k < self.tokens.len()
                && self.tokens[k].kind == TokenKind::Number
                && (1..=3).contains(&self.word(k).len())
                && self.word(k).bytes().all(|b| b.is_ascii_digit())
        };
        (goals(i) && i + 2 < self.tokens.len() && matches!(self.word(i + 1), "-" | "–") && goals(i + 2))
            .then_some(i + 3)
    }

    /// A score at token `i` that stands alone, no score right before or after it (a tennis
    /// match's sets are scored "6-4 6-3" between players).
    fn single_score_at(&self, i: usize) -> Option<usize> {
        let after_a_score = i >= 3 && self.score_at(i - 3) == Some(i);
        self.score_at(i)
            .filter(|&end| !after_a_score && self.score_at(end).is_none())
    }

    /// "Zantex striker", "Zantex head coach", "Zantex forward Ana Ruiz".
    fn role_after(&self, run: &Range<usize>) -> bool {
        let mut at = run.end;
        if self.is_at(at, run, ROLE_MODIFIERS) {
            at += 1;
        }
        if !self.is_at(at, run, ROLES) {
            return false;
        }
        !ROLES_BEFORE_A_NAME.contains(&self.word(at)) || self.is_name_word_at(at + 1, run)
    }

    /// "Zantex manager Dan Okoro": a role, then the capitalised name of whoever holds it.
    fn role_before_a_name(&self, run: &Range<usize>) -> bool {
        let mut at = run.end;
        if self.is_at(at, run, ROLE_MODIFIERS) {
            at += 1;
        }
        self.is_at(at, run, ROLES) && self.is_name_word_at(at + 1, run)
    }

    /// "signed for Zantex", "joined Zantex from Quorvo" (both), "joined Zantex on loan from
    /// Quorvo".
    fn transfer_before(&self, run: &Range<usize>) -> bool {
        let signed_for = |start: usize| {
            start >= 2 && self.is_at(start - 2, run, &["signed"]) && self.is_at(start - 1, run, &["for"])
        };
        let joined = |start: usize| start >= 1 && self.is_at(start - 1, run, &["joined"]);
        let from_after = |end: usize| {
            self.is_at(end, run, &["from"])
                || (self.is_at(end, run, &["on"])
                    && self.is_at(end + 1, run, &["loan"])
                    && self.is_at(end + 2, run, &["from"]))
        };
        if signed_for(run.start) || (joined(run.start) && from_after(run.end)) {
            return true;
        }
        // The club left: "... from Quorvo" after a name that "joined" or was "signed for".
        if run.start < 2 || !self.is_at(run.start - 1, run, &["from"]) {
            return false;
        }
        let mut end = run.start - 1;
        if end >= 2 && self.is_at(end - 1, run, &["loan"]) && self.is_at(end - 2, run, &["on"]) {
            end -= 2;
        }
        let mut start = end;
        while start > 0 && self.is_name_word_at(start - 1, run) {
            start -= 1;
        }
        start < end && (joined(start) || signed_for(start))
    }

    /// Whether token `i`, in `run`'s sentence, is a [`VERSUS`] word ("v", "vs", or "vs" with its
    /// full stop split off, `i` then being the stop).
    fn versus_at(&self, i: usize, run: &Range<usize>) -> bool {
        self.is_at(i, run, VERSUS)
            || (i >= 1 && self.word(i) == "." && self.is_at(i - 1, run, VERSUS))
    }

    /// "Zantex v Quorvo", "Zantex vs. Quorvo": either side of a fixture.
    fn versus_around(&self, run: &Range<usize>) -> bool {
        let at = run.end;
        if self.is_at(at, run, VERSUS) {
            let next = if at + 1 < self.tokens.len() && self.word(at + 1) == "." { at + 2 } else { at + 1 };
            return self.is_name_word_at(next, run);
        }
        let Some(before) = run.start.checked_sub(1) else {
            return false;
        };
        if !self.versus_at(before, run) {
            return false;
        }
        let name_end = if self.word(before) == "." { before - 1 } else { before };
        name_end >= 1 && self.is_name_word_at(name_end - 1, run)
    }

    /// "Zantex beat Quorvo 3-1", "Zantex drew 1-1 with Quorvo", "Zantex lost 2-1 to Quorvo",
    /// "Zantex's 2-1 win over Quorvo": the subject of a scored result.
    fn result_after(&self, run: &Range<usize>) -> bool {
        let at = run.end;
        if self.is_at(at, run, &["'s", "’s"]) {
            return self
                .single_score_at(at + 1)
                .is_some_and(|end| self.is_at(end, run, RESULT_NOUNS));
        }
        if !self.is_at(at, run, BEAT) && !self.is_at(at, run, &["drew", "lost", "won"]) {
            return false;
        }
        // A score closes the result within a few words, in the same sentence.
        (at + 1..(at + 8).min(self.tokens.len()))
            .take_while(|&k| self.tokens[k].sentence == self.tokens[run.start].sentence)
            .any(|k| self.single_score_at(k).is_some())
    }

    /// "beat Zantex 3-1", "drew (1-1) with Zantex", "lost (2-1) to Zantex", "a 2-1 win over
    /// Zantex": the opponent in a result.
    fn result_before(&self, run: &Range<usize>) -> bool {
        let start = run.start;
        if start >= 1 && self.is_at(start - 1, run, BEAT) {
            return self.single_score_at(run.end).is_some();
        }
        if start < 2 {
            return false;
        }
        let link = self.word(start - 1);
        if !self.is_at(start - 1, run, &["with", "to", "over", "against", "by"]) {
            return false;
        }
        // The word before the link, past a score ("drew 1-1 with").
        let mut at = start - 2;
        if at >= 3 && self.single_score_at(at - 2) == Some(start - 1) {
            at -= 3;
        }
        match self.word(at) {
            "drew" | "draw" if link == "with" => self.is_at(at, run, &["drew", "draw"]),
            "lost" if link == "to" => self.is_at(at, run, &["lost"]),
            noun if RESULT_NOUNS.contains(&noun) => {
                // "a 2-1 win over": the score stands before the noun.
                at >= 3 && self.is_at(at, run, RESULT_NOUNS) && self.single_score_at(at - 3) == Some(at)
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn typed(text: &str, spans: &[(&str, Kind)]) -> Vec<(String, Kind)> {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let find = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = spans.iter().map(|(n, k)| (find(n), *k)).collect();
        let found = cued_teams(&Models::for_tests().gazetteer, text, &tokens);
        apply(&found, text, &tokens, spans)
            .into_iter()
            .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
            .collect()
    }

    fn organisations(text: &str, spans: &[(&str, Kind)]) -> Vec<String> {
        typed(text, spans)
            .into_iter()
            .filter(|(_, k)| *k == Kind::Organization)
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn a_club_before_a_players_position_is_an_organisation() {
        let found = organisations(
            "Zantex striker Ana Ruiz scored twice. The Quorvo head coach was sacked, and \
             Veltrix forward Tea Berg limped off.",
            &[("Ana Ruiz", Kind::Person), ("Tea Berg", Kind::Person)],
        );
        assert_eq!(found, ["Zantex", "Quorvo", "Veltrix"]);
    }

    #[test]
    fn a_club_opening_the_sentence_before_a_role_is_an_organisation() {
        let found = organisations(
            "Marblo Rovers manager Dan Okoro said his side deserved it.",
            &[("Dan Okoro", Kind::Person)],
        );
        assert_eq!(found, ["Marblo Rovers"]);
    }

    #[test]
    fn a_club_named_like_a_person_before_a_role_and_its_holder_is_an_organisation() {
        let found = typed(
            "Chelsea manager Dan Okoro said it. Tea Berg, captain of the side, agreed.",
            &[("Chelsea", Kind::Person), ("Dan Okoro", Kind::Person), ("Tea Berg", Kind::Person)],
        );
        assert_eq!(
            found,
            [
                ("Chelsea".to_owned(), Kind::Organization),
                ("Dan Okoro".to_owned(), Kind::Person),
                ("Tea Berg".to_owned(), Kind::Person)
            ]
        );
    }

    #[test]
    fn a_role_opening_the_sentence_is_no_part_of_the_persons_name() {
        let text = "Striker Ana Ruiz joined on Friday. Manager Dan Okoro agreed. Tea Berg left.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let find = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = vec![
            (find("Striker Ana Ruiz"), Kind::Person),
            (find("Manager Dan Okoro"), Kind::Person),
            (find("Tea Berg"), Kind::Person),
        ];
        let names: Vec<&str> = without_opening_roles(text, &tokens, spans)
            .into_iter()
            .map(|(r, _)| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect();
        assert_eq!(names, ["Ana Ruiz", "Dan Okoro", "Tea Berg"]);
    }

    #[test]
    fn the_clubs_of_a_transfer_are_organisations() {
        let found = organisations(
            "Ruiz signed for Zantex in May. Berg joined Quorvo from Veltrix, and Okoro joined \
             Marblo on loan from Trevanne.",
            &[],
        );
        assert_eq!(found, ["Zantex", "Quorvo", "Veltrix", "Marblo", "Trevanne"]);
    }

    #[test]
    fn both_sides_of_a_scored_result_are_organisations() {
        let found = organisations(
            "Zantex's 2-1 win over Quorvo lifted them. Veltrix beat Marblo 3-1 on Sunday, \
             Trevanne drew 1-1 with Oskarby and Lundal lost 2-0 to Brevik.",
            &[],
        );
        assert_eq!(
            found,
            ["Zantex", "Quorvo", "Veltrix", "Marblo", "Trevanne", "Oskarby", "Lundal", "Brevik"]
        );
    }

    #[test]
    fn a_team_cued_once_is_a_team_throughout_the_story() {
        let found = organisations(
            "Quorvo were top at Christmas. Zantex beat Quorvo 3-1 on Saturday.",
            &[],
        );
        assert_eq!(found, ["Quorvo", "Zantex", "Quorvo"]);
    }

    #[test]
    fn national_sides_stay_places_and_players_stay_people() {
        let text = "Germany coach Ana Ruiz was pleased after France lost 2-1 to Brazil. Dutch \
                    striker Tea Berg scored. Dan Okoro beat Ivo Lind 6-4 6-3.";
        let found = typed(
            text,
            &[
                ("Germany", Kind::Location),
                ("Ana Ruiz", Kind::Person),
                ("Tea Berg", Kind::Person),
            ],
        );
        assert!(found.iter().all(|(_, k)| *k != Kind::Organization), "{found:?}");
        assert!(found.contains(&("Germany".to_owned(), Kind::Location)), "{found:?}");
    }

    #[test]
    fn competitions_common_words_and_loose_phrases_are_left_alone() {
        let found = organisations(
            "The Premier League striker moved on. Our Sales manager left. We lost to Zantex \
             once, she said, and brought the Gala forward. He beat Quorvo on penalties.",
            &[],
        );
        assert_eq!(found, ["Zantex"]);
    }

    #[test]
    fn both_sides_of_a_fixture_are_teams_and_national_sides_stay_places() {
        let found = typed(
            "Zantex v Quorvo was called off. Veltrix vs. Marblo is on Sunday, and so is Portugal \
             v Marblo.",
            &[],
        );
        let orgs: Vec<&str> = found
            .iter()
            .filter(|(_, k)| *k == Kind::Organization)
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(orgs, ["Zantex", "Quorvo", "Veltrix", "Marblo", "Marblo"], "{found:?}");
    }

    #[test]
    fn a_name_run_across_versus_is_cut_in_two() {
        let text = "SOCCER - ZANTEX V QUORVO REPORT. Germany V France ended level. Ana V Ruiz spoke.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let find = |name: &str| super::super::token_range(text, &tokens, name);
        let spans = vec![
            (find("ZANTEX V QUORVO"), Kind::Person),
            (find("Germany V France"), Kind::Organization),
            (find("Ana V Ruiz"), Kind::Person),
        ];
        let split = split_at_versus(&Models::for_tests().gazetteer, text, &tokens, spans);
        let named: Vec<(&str, Kind)> = split
            .iter()
            .map(|(r, k)| (&text[tokens[r.start].start..tokens[r.end - 1].end], *k))
            .collect();
        assert_eq!(
            named,
            [
                ("ZANTEX", Kind::Organization),
                ("QUORVO", Kind::Organization),
                ("Germany", Kind::Location),
                ("France", Kind::Location),
                ("Ana V Ruiz", Kind::Person),
            ]
        );
    }

    #[test]
    fn a_person_the_tagger_found_stays_a_person() {
        let found = typed(
            "Okoro lost to Ana Ruiz in the final.",
            &[("Ana Ruiz", Kind::Person)],
        );
        assert_eq!(found, [("Ana Ruiz".to_owned(), Kind::Person)]);
    }
}
