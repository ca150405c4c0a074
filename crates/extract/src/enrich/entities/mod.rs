//! Named entities (person, organization, location): rules find capitalised-token chunks inside
//! sentences, role and title cues ("Colombian President Gustavo Petro" → role "Colombian
//! President"), organisation and place vocabularies, the place gazetteer, and document-level
//! consistency ("Petro" after "Gustavo Petro" is the same person); the CRF [`tagger`] then decides
//! spans and types where its training disagrees with them. Hand-written: no kept Rust crate does
//! English NER offline without model downloads.
//!
//! The rooms, each using only those before it: `types` (the record's entity types), `lexicon`
//! (word lists), `chunking`, `classification`, `common` (common words), `recase` (shouted sentences recased), `rules`, `org_cues` (organisations by newswire phrasing), `sports_cues` (teams by sports prose), `tidy` (name edges cut back to name words), `fullnames` (a short person name joined to its full name), `salience`, `tagger`, then `results` (sports results lines) and `scorecards` (cricket batting and bowling lines); this module is
//! the only one that calls the tagger, so nothing imports it back.
//!
//! Headings and the title are matched only against entities found in the body, since title case
//! makes every word look like a name.

mod acronyms;
mod chunking;
mod clubs;
mod classification;
mod common;
mod coordination;
mod fullnames;
mod initials;
mod known_places;
pub mod lexicon;
mod org_cues;
mod pairs;
mod particle_names;
mod recase;
mod results;
mod rules;
mod salience;
mod scorecards;
mod sports_cues;
pub mod tagger;
mod tidy;
mod types;

use std::ops::Range;

use super::tokens::Token;
use super::gazetteer::Gazetteer;
use super::words::title_case;
use super::headings::Headings;
use tagger::Vocabulary;
use tagger::weights::Weights;

use crate::ExtractError;
use crate::deadline::Deadline;

pub use types::{DatelineNames, Entity, Kind, MentionRef, Span};

/// What entity recognition looks up: the gazetteer and the tagger's weights and vocabulary
/// (owned by the extractor's models, loaded once).
#[derive(Clone, Copy)]
pub struct Lookups<'a> {
    pub gazetteer: &'a Gazetteer,
    pub weights: &'a Weights,
    pub vocabulary: &'a Vocabulary,
}

/// Finds entities in `text`. `tokens` are the text's tokens; `headings` are byte ranges of heading
/// paragraphs; `title` and the dateline's names add context.
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `deadline` has passed (checked per name chunk and
/// per sentence).
pub fn find(
    lookups: Lookups<'_>,
    text: &str,
    tokens: &[Token],
    headings: &[Range<usize>],
    title: Option<&str>,
    dateline: DatelineNames<'_>,
    deadline: Deadline,
) -> Result<(Vec<Entity>, Vec<MentionRef>), ExtractError> {
    let gazetteer = lookups.gazetteer;
    let headings = &Headings::new(headings);
    // Names are read from the recased text; its offsets are the original's.
    let recased = recase::shouted_sentences(gazetteer, text, tokens);
    let original = text;
    let text = recased.as_deref().unwrap_or(text);
    let mut found = rules::by_rules(gazetteer, text, tokens, headings, dateline, deadline)?;
    let spans = tagger::tag(
        lookups.weights,
        lookups.vocabulary,
        text,
        tokens,
        headings,
        &found,
        deadline,
    )?;
    let spans = tidy::tidy(text, tokens, spans);
    let spans = tidy::split_affiliations(gazetteer, text, tokens, spans);
    let spans = tidy::without_portfolios(gazetteer, text, tokens, spans);
    let spans = without_events(text, tokens, spans);
    let spans = without_demonyms(gazetteer, text, tokens, spans);
    let (spans, dateline_places) =
        with_dateline_places(gazetteer, original, tokens, dateline.place, spans);
    let spans = known_places::apply(gazetteer, text, tokens, spans);
    let spans = org_cues::apply(gazetteer, text, tokens, spans);
    let known = lookups.vocabulary.org_name_ranges(text, tokens);
    let spans = org_cues::with_known_names(gazetteer, text, tokens, &known, spans);
    let spans = pairs::split_listed_pairs(text, tokens, &known, spans);
    let spans = coordination::apply(gazetteer, text, tokens, spans);
    let (spans, particle_people) = particle_names::apply(gazetteer, text, tokens, spans);
    let spans = sports_cues::split_at_versus(gazetteer, text, tokens, spans);
    let spans = sports_cues::without_opening_roles(text, tokens, spans);
    // The teams sports prose names stay teams whatever the rules guessed from a place word
    // ("Manchester City", a city's name) or the city list.
    let prose_teams = sports_cues::cued_teams(gazetteer, text, tokens);
    let spans = sports_cues::apply(&prose_teams, text, tokens, spans);
    let spans = results::type_athletes(gazetteer, text, tokens, spans);
    let (spans, teams) = results::type_teams(gazetteer, text, tokens, spans);
    let (spans, mut teams) = scorecards::type_players(text, tokens, spans, teams);
    let spans = initials::type_initialled(gazetteer, text, tokens, spans);
    let (spans, short_clubs) = clubs::type_short_names(gazetteer, text, tokens, spans);
    teams.extend(prose_teams.into_iter().filter(|r| spans.contains(&(r.clone(), Kind::Organization))));
    // The names whose type stands whatever entity the rules grouped them into.
    let mut fixed = teams;
    fixed.extend(short_clubs);
    fixed.extend(particle_people.into_iter().filter(|r| spans.contains(&(r.clone(), Kind::Person))));
    fixed.extend(dateline_places.into_iter().filter(|r| spans.contains(&(r.clone(), Kind::Location))));
    let spans = acronyms::apply(text, tokens, spans);
    found.refine(gazetteer, text, tokens, &spans, &fixed);
    fullnames::join(&mut found.entities, &mut found.mentions);
    acronyms::join(text, &found.entities, &mut found.mentions);
    Ok(salience::finish(text, title, &found.entities, found.mentions))
}

/// The tagger's names less those of events, laws and awards ("the Harbour Open", "the Desert
/// Invitational"): the tagger reads such a name as a place or an organisation from its first
/// word, where its last word says what it is.
fn without_events(
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    spans.retain(|(range, _)| {
        let words: Vec<&str> = range.clone().map(|i| tokens[i].text(text)).collect();
        !rules::names_any_event(&words)
    });
    spans
}

/// The tagger's one-word names less nationalities ("Colombian officials"): a demonym is no
/// person, organisation or place, as the rules already hold; the tagger's word classes put it
/// beside the countries it derives from.
fn without_demonyms(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    spans.retain(|(range, _)| {
        let surface = tokens[range.start].text(text);
        range.len() != 1 || !gazetteer.is_demonym(surface) || gazetteer.is_place(surface)
    });
    spans
}

/// Token ranges with their types.
type Spans = Vec<(Range<usize>, Kind)>;

/// The places a dateline names ("LONDON", "Kyiv, Ukraine") where the dateline stands, at the
/// start of a paragraph, as places when the tagger left them out or, for a place the gazetteer
/// knows, typed them otherwise: a dateline says where the story was filed, and a shouted word
/// opening a line gives the tagger little to go on. Also gives the token ranges of the places
/// it typed: they stay places when the names are grouped into entities, even where the rules
/// took the word for the surname of a person they guessed ("MUNICH" and a "Bayern Munich").
fn with_dateline_places(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    place: Option<&str>,
    mut spans: Spans,
) -> (Spans, Vec<Range<usize>>) {
    let mut placed = Vec::new();
    let Some(place) = place else {
        return (spans, placed);
    };
    // A shouted shop or forum line before a dash ("NEW ARRIVALS - Shop now") is no place: a
    // place of several words, or of a common word, must be one the gazetteer knows ("NEW YORK").
    let known = |part: &str| {
        let titled = title_case(part);
        gazetteer.is_place(&titled) || gazetteer.is_city(&titled)
    };
    let plain = |part: &str| {
        !part.contains(' ') && !common::is_common_word(&part.to_lowercase())
    };
    if !place.split(", ").all(|part| known(part) || plain(part)) {
        return (spans, placed);
    }
    // Matched by its first part: tokenised text spaces the comma off ("AL-AIN , Qatar").
    let head = place.split(", ").next().unwrap_or(place);
    let Some(at) = text
        .match_indices(head)
        .map(|(at, _)| at)
        .find(|&at| at == 0 || text[..at].ends_with('\n'))
    else {
        return (spans, placed);
    };
    let mut from = at;
    for part in place.split(", ") {
        let start = from + text[from..].find(part).unwrap_or(0);
        let end = start + part.len();
        from = end;
        let Some(first) = tokens.iter().position(|t| t.start == start) else {
            continue;
        };
        let Some(last) = tokens[first..].iter().position(|t| t.end == end) else {
            continue;
        };
        let range = first..first + last + 1;
        let overlaps = spans
            .iter()
            .any(|(r, _)| r.start < range.end && range.start < r.end);
        if !overlaps {
            spans.push((range.clone(), Kind::Location));
        } else if known(part) {
            // A city the tagger read as its club or a person ("TORONTO", a club's name too)
            // is the place the story was filed from.
            for (r, kind) in &mut spans {
                if *r == range {
                    *kind = Kind::Location;
                }
            }
        }
        if spans.contains(&(range.clone(), Kind::Location)) {
            placed.push(range);
        }
    }
    spans.sort_by_key(|(r, _)| r.start);
    (spans, placed)
}

/// The token range that spells `name` where it first stands in `text` (tests of the passes
/// after the tagger build their spans with it).
#[cfg(test)]
fn token_range(text: &str, tokens: &[Token], name: &str) -> Range<usize> {
    token_range_at(tokens, text.find(name).expect("name"), name.len())
}

/// The token range that spells the `len` bytes at byte `at`.
#[cfg(test)]
fn token_range_at(tokens: &[Token], at: usize, len: usize) -> Range<usize> {
    let first = tokens.iter().position(|t| t.start == at).expect("start");
    let last = tokens.iter().position(|t| t.end == at + len).expect("end");
    first..last + 1
}

/// Spans as the text they cover, with their types (what the passes' tests compare).
#[cfg(test)]
fn surfaces(text: &str, tokens: &[Token], spans: Spans) -> Vec<(String, Kind)> {
    spans
        .into_iter()
        .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{sentences, tokenize};
    use super::*;
    use crate::enrich::models::Models;

    fn entities(text: &str) -> Vec<Entity> {
        entities_with_dateline(text, DatelineNames::default())
    }

    fn entities_with_dateline(text: &str, dateline: DatelineNames<'_>) -> Vec<Entity> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        find(
            Models::for_tests().entity_lookups(),
            text,
            &tokens,
            &[],
            None,
            dateline,
            Deadline::default(),
        )
        .unwrap()
        .0
    }

    #[test]
    fn the_place_of_a_dateline_is_a_location() {
        let text = "MARVENTO, Nov 30 - Shares of Zantex rose on Monday.";
        let dateline = DatelineNames {
            place: Some("MARVENTO"),
            agency: None,
        };
        let found = entities_with_dateline(text, dateline);
        assert_eq!(get(&found, "Marvento").kind, "location", "{found:?}");
    }

    #[test]
    fn a_known_city_in_a_dateline_read_as_an_organisation_is_the_place() {
        let typed = |text: &str, place: &str| {
            let tokens = tokenize(text, &sentences(text, Some("en")));
            let spans = vec![(token_range(text, &tokens, place), Kind::Organization)];
            let gazetteer = &Models::for_tests().gazetteer;
            with_dateline_places(gazetteer, text, &tokens, Some(place), spans).0[0].1
        };
        assert_eq!(typed("TORONTO 2026-08-16\nZantex won.", "TORONTO"), Kind::Location);
        assert_eq!(typed("MARVENTO 2026-08-16\nZantex won.", "MARVENTO"), Kind::Organization);
    }

    #[test]
    fn a_dateline_city_stays_a_place_beside_a_club_named_after_it() {
        let found = entities_with_dateline(
            "MUNICH 1996-08-22\nJuergen Klinsmann scored twice as Bayern Munich beat Hamburg \
             3-1 on Thursday.",
            DatelineNames {
                place: Some("MUNICH"),
                agency: None,
            },
        );
        let munich: Vec<Kind> = found
            .iter()
            .filter(|e| e.mentions.iter().any(|m| m.start == 0))
            .map(|e| e.kind)
            .collect();
        assert_eq!(munich, [Kind::Location], "{found:?}");
    }

    #[test]
    fn a_dateline_of_common_words_is_a_place_only_when_the_gazetteer_knows_it() {
        let text = "NEW ARRIVALS - Shop the autumn range today.\n\nNEW YORK - Shares rose.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let places = |place: &str| {
            let dateline = DatelineNames {
                place: Some(place),
                agency: None,
            };
            let lookups = Models::for_tests().entity_lookups();
            with_dateline_places(lookups.gazetteer, text, &tokens, dateline.place, Vec::new()).0
        };
        assert!(places("NEW ARRIVALS").is_empty());
        assert_eq!(places("NEW YORK").len(), 1);
    }

    #[test]
    fn a_shouted_headline_names_what_the_story_names() {
        let found = entities(
            "VELDORIA'S ZANTEX SHARES JUMP ON OUTPUT FORECAST.\n\nMARVENTO, Nov 30 - Shares of \
             Veldorian state oil company Zantex rose 4.1 percent on Monday.",
        );
        assert_eq!(get(&found, "Zantex").kind, "organization", "{found:?}");
        assert_eq!(get(&found, "Zantex").count, 2, "{found:?}");
    }

    fn get<'a>(list: &'a [Entity], name: &str) -> &'a Entity {
        list.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name} in {list:?}"))
    }

    #[test]
    fn a_title_before_a_name_becomes_the_persons_role() {
        let found = entities("Colombian President Gustavo Petro spoke on Monday.");
        let petro = get(&found, "Gustavo Petro");
        assert_eq!(petro.kind, "person");
        assert_eq!(petro.roles, ["Colombian President"]);
    }

    #[test]
    fn a_surname_later_in_the_article_is_an_alias_of_the_full_name() {
        let found =
            entities("Officials met Gustavo Petro on Monday. Later, Petro left for the airport.");
        let petro = get(&found, "Gustavo Petro");
        assert_eq!(petro.aliases, ["Petro"]);
        assert_eq!(petro.count, 2);
    }

    #[test]
    fn an_apposition_gives_a_role() {
        let found = entities("The plan was drafted by Ana Ruiz, the foreign minister, last year.");
        assert_eq!(get(&found, "Ana Ruiz").roles, ["foreign minister"]);
    }

    #[test]
    fn organisation_words_and_connectors_make_organisations() {
        let found = entities(
            "The figures came from the Office for National Statistics and the Bank of England on Tuesday.",
        );
        assert_eq!(
            get(&found, "Office for National Statistics").kind,
            "organization"
        );
        assert_eq!(get(&found, "Bank of England").kind, "organization");
    }

    #[test]
    fn a_company_named_with_and_without_its_legal_form_is_one_entity() {
        let found = entities(
            "Shares of Veldor Bank Plc rose on Tuesday. Veldor Bank said it would pay more, and \
             Quorvo Corp. agreed. Quorvo fell.",
        );
        let veldor = get(&found, "Veldor Bank Plc");
        assert_eq!(veldor.aliases, ["Veldor Bank"]);
        assert_eq!(found.iter().filter(|e| e.name.starts_with("Veldor")).count(), 1);
    }

    #[test]
    fn countries_and_capitals_are_locations_and_demonyms_are_not_entities() {
        let found = entities("Talks between Colombian officials in Bogotá and Venezuela resumed.");
        assert_eq!(get(&found, "Bogotá").kind, "location");
        assert_eq!(get(&found, "Venezuela").kind, "location");
        assert!(found.iter().all(|e| e.name != "Colombian"));
    }

    #[test]
    fn a_sentence_initial_word_is_not_a_name_unless_it_recurs_capitalised() {
        let found =
            entities("Speaking at the meeting, the minister agreed. Officials were pleased.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn the_same_country_under_two_names_is_one_entity() {
        let found = entities("Officials in the United States said U.S. exports rose.");
        let us = get(&found, "United States");
        assert_eq!(us.aliases, ["U.S."]);
    }

    #[test]
    fn a_recurring_unknown_single_name_is_an_organisation() {
        let found = entities(
            "Shares of Contoso rose. Analysts said demand for Contoso products was strong.",
        );
        assert_eq!(get(&found, "Contoso").kind, "organization");
    }

    #[test]
    fn a_bare_name_repeated_three_times_with_speech_verbs_is_an_organisation() {
        let found = entities(
            "Contoso said profits rose. Contoso said costs fell. Later Contoso said nothing.",
        );
        assert_eq!(get(&found, "Contoso").kind, "organization");
    }

    #[test]
    fn a_name_the_tagger_left_out_before_said_is_an_organisation_unless_it_reads_as_people() {
        let found = entities(
            "Talks ended without a deal on Monday. Zantex said it would cut 2,000 jobs. \
             Police said the plant would close. A spokesman for Quorvo declined to comment. \
             LONDON (Reuters) - Shares of Veltrix rose sharply after the results.",
        );
        assert_eq!(get(&found, "Zantex").kind, "organization");
        assert_eq!(get(&found, "Quorvo").kind, "organization");
        assert_eq!(get(&found, "Veltrix").kind, "organization");
        assert!(found.iter().all(|e| e.name != "Police" && !e.name.starts_with("Shares")), "{found:?}");
        // A surname after its particle ends a person's name, whatever the tagger made of it.
        let found = entities("Talks ended on Monday. Zantex coach Tomas van Orvelt said he was happy.");
        assert_eq!(get(&found, "Tomas van Orvelt").kind, "person", "{found:?}");
    }

    #[test]
    fn a_name_ending_in_a_geographic_feature_word_is_a_place() {
        let found = entities(
            "The barrage, between Lavernock Point and Brean Down, would supply power, said Ana Ruiz.",
        );
        assert_eq!(get(&found, "Lavernock Point").kind, "location");
        assert_eq!(get(&found, "Brean Down").kind, "location");
    }

    #[test]
    fn the_names_on_a_line_of_results_are_teams_not_people() {
        let found = entities(
            "Results on Saturday:\n\nLeeds 2 Bristol Rovers 1\nNewcastle 0 Aston Villa 3",
        );
        for team in ["Leeds", "Bristol Rovers", "Newcastle", "Aston Villa"] {
            assert_eq!(get(&found, team).kind, "organization", "{team}");
        }
    }

    #[test]
    fn a_team_named_after_its_city_is_an_organisation_in_a_result() {
        let found = entities(
            "Manchester City beat Arsenal 2-1 on Saturday in the league, the club said in its \
             report, and fans in Manchester cheered.",
        );
        assert_eq!(get(&found, "Manchester City").kind, Kind::Organization);
        assert_eq!(get(&found, "Arsenal").kind, Kind::Organization);
        assert_eq!(get(&found, "Manchester").kind, Kind::Location);
    }

    #[test]
    fn initials_defined_in_brackets_are_the_organisation_they_stand_for() {
        let found = entities(
            "The ruling Veldoran National Union (VNU) won a by-election on Friday, officials \
             said. VNU candidate Ana Ruiz beat the opposition by 12,000 votes, and the VNU \
             will now hold a majority in parliament.",
        );
        let union = get(&found, "Veldoran National Union");
        assert_eq!(union.kind, Kind::Organization);
        assert_eq!(union.aliases, ["VNU"]);
        assert_eq!(union.mentions.len(), 4);
    }

    #[test]
    fn events_and_laws_are_not_entities() {
        let found = entities("She spoke at the Science Fair before the Clean Air Act passed.");
        assert!(
            found
                .iter()
                .all(|e| e.name != "Science Fair" && e.name != "Clean Air Act"),
            "{found:?}"
        );
    }

    #[test]
    fn sports_events_are_not_entities_though_their_winners_are() {
        let found = entities(
            "Anna Lindqvist won the Harbour Open on Sunday. She was third at the Desert \
             Invitational and wins the Riverside Stakes next month.",
        );
        assert!(found.iter().any(|e| e.name == "Anna Lindqvist"), "{found:?}");
        assert!(
            found.iter().all(|e| !["Harbour Open", "Desert Invitational", "Riverside Stakes"]
                .contains(&e.name.as_str())),
            "{found:?}"
        );
    }

    #[test]
    fn a_wire_storys_dateline_line_after_its_headline_and_byline_names_places() {
        let text = "CYCLING - LATE ATTACK WINS STAGE .\nAna Ruiz\nMARVENTO , Veldoria \
                    2026-12-06\nTomas Brel won the stage on Friday .\n";
        let extractor = crate::Extractor::new(crate::Options::default()).expect("extractor");
        let record = extractor.extract(&crate::Article::text(text)).expect("record");
        let dateline = record.dateline.expect("dateline");
        assert_eq!(dateline.place, "MARVENTO, Veldoria");
        assert!(record.entities.iter().any(|e| e.name == "Tomas Brel"));
    }

    #[test]
    fn a_name_starting_with_a_known_surname_is_not_another_person() {
        let found = entities(
            "The artist Andy Warhol took thousands of photos. The Warhol Polaroids were sold.",
        );
        assert!(
            found.iter().all(|e| e.name != "Warhol Polaroids"),
            "{found:?}"
        );
    }

    #[test]
    fn an_acronym_inside_a_name_makes_it_an_organisation() {
        let found = entities("The review appeared in LA Weekly on Friday.");
        assert_eq!(get(&found, "LA Weekly").kind, "organization");
    }

    #[test]
    fn a_given_name_used_alone_is_a_person_even_when_it_recurs() {
        let found = entities(
            "Gloria fell ill in May. Doctors treated Gloria at home. Gloria recovered slowly.",
        );
        assert_eq!(get(&found, "Gloria").kind, "person");
    }

    #[test]
    fn a_bare_name_mostly_after_place_prepositions_is_a_location() {
        let found = entities(
            "Shelling continued in Vuhledar overnight. Residents in Vuhledar sheltered. Troops near Vuhledar dug in.",
        );
        assert_eq!(get(&found, "Vuhledar").kind, "location");
    }

    #[test]
    fn two_names_joined_by_and_stay_two_people() {
        let found = entities("Ana Ruiz and Tomás Berg run two restaurants in the old town.");
        assert!(found.iter().all(|e| !e.name.contains(" and ")), "{found:?}");
        assert_eq!(get(&found, "Ana Ruiz").kind, "person");
        assert_eq!(get(&found, "Tomás Berg").kind, "person");
    }

    #[test]
    fn the_agency_a_dateline_names_is_an_organisation() {
        let text =
            "LONDON (Reuters) - Prices fell. Economists polled by Reuters had expected more.";
        let dateline = DatelineNames {
            place: Some("LONDON"),
            agency: Some("Reuters"),
        };
        let found = entities_with_dateline(text, dateline);
        assert_eq!(get(&found, "Reuters").kind, "organization");
    }

    #[test]
    fn a_greeting_before_a_name_is_not_part_of_the_entitys_name() {
        let found = entities(
            "Ana Ruiz asked which camera to take to Paris. Tom Berg said the Nikon works.\n\nThanks Tom, I will take the Nikon then.",
        );
        assert!(found.iter().all(|e| !e.name.starts_with("Thanks")), "{found:?}");
    }

    #[test]
    fn salience_is_highest_for_the_most_mentioned_entity() {
        let found =
            entities("Ana Ruiz met Tom Berg. Ruiz said the deal was done. Ruiz left early.");
        assert_eq!(found[0].name, "Ana Ruiz");
        assert_eq!(found[0].salience, 1.0);
    }
}
