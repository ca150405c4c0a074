//! Organisations by the words newswire puts around them: a name right after a lower-case company
//! noun ("state oil company Ecopetrol", "carmaker Zantex", "opposition Social Democrats",
//! "Premier League side Zantex United"; not after "the company", which a
//! person's name may follow as the subject of a clause, and not after "rival": rivals are people
//! too), after "shares of/in", "stake in", "analysts at" or "a spokesman for", before
//! "spokesman" or "said in a statement", or before "said" where the tagger found nothing (see
//! [`REPORTED_BY`]); and a name of two or more words inside a sentence that ends in an institution's
//! head word ("the Financial Services Authority", "Quorvo Holdings plc") where the tagger found
//! nothing at all. The tagger, trained on little business news, reads such a lone unknown
//! name as a person, a place or nothing, and drops some whole names over one word it has seen
//! lower-case in its data ("financial"). A name the tagger typed as a person stays one, and so
//! does a place the gazetteer knows ("Colombia said in a statement" is a country). Hand-written:
//! these cues are the newsroom's own phrasing, which no crate lists.

use std::ops::Range;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::{Token, TokenKind};
use super::super::words::GROUP_NOUNS;
use super::common::is_common_word;
use super::lexicon::{
    FUNCTION_WORDS, HONORIFICS, NAME_PARTICLES, ROLE_HEADS, is_capitalized, is_given_name,
};
use super::tidy::{after_wire_dateline, is_calendar_word};
use super::types::Kind;

/// Lower-case nouns that, right before a name, say the name is an organisation's.
const COMPANY_NOUNS: &[&str] = &[
    "company", "firm", "group", "bank", "insurer", "airline", "carrier", "carmaker", "automaker",
    "retailer", "lender", "broker", "brokerage", "conglomerate", "startup", "start-up",
    "manufacturer", "refiner", "miner", "utility", "publisher", "broadcaster",
    "newspaper", "daily", "chipmaker", "drugmaker", "supermarket", "exporter",
    "agency", "regulator", "opposition", "ruling", "club", "side", "champions", "outfit",
    "steelmaker", "planemaker", "shipbuilder",
];

/// Lower-case words that, right after a name, say it is an organisation's.
const AFTER: &[&[&str]] = &[
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["said", "in", "a", "statement"],
];

/// Reporting verbs that, right after a name the tagger found nothing on, say it is an
/// organisation's: a wire story introduces a person by full name, which the tagger reads, so
/// an unknown name it leaves out before "said" is a company's, an agency's or a party's
/// ("Siemens said on Monday …", "Greenpeace said"). Names opening like a person's, places and
/// sentence-opening common words ("Police said", "Officials say") are left out.
const REPORTED_BY: &[&str] = &["said", "says", "announced", "reported"];

/// Lower-case word pairs that, right before a name, say it is an organisation's.
const BEFORE: &[[&str; 2]] = &[
    ["shares", "of"],
    ["shares", "in"],
    ["stake", "in"],
    ["analysts", "at"],
    ["economists", "at"],
    ["spokesman", "for"],
    ["spokeswoman", "for"],
    ["spokesperson", "for"],
];

/// Last words that make a name of two or more words an institution's, whatever its other words:
/// the unambiguous part of `lexicon::ORG_WORDS` (not "House", "Times", "Energy" or "Capital", which
/// end places and products too, nor "Party", which ends events as often in posts) and the
/// company forms of `lexicon::ORG_SUFFIXES`.
const INSTITUTION_HEADS: &[&str] = &[
    "Ministry", "Department", "University", "Bank", "Council", "Agency", "Commission",
    "Committee", "Court", "Corporation", "Corp.", "Corp", "Inc.", "Inc", "Ltd.", "Ltd", "LLC",
    "Company", "Association", "Institute", "Foundation", "Organization", "Organisation",
    "Federation", "Administration", "Authority", "Bureau", "Board", "Tribunal", "Directorate",
    "Secretariat", "Academy", "Holdings", "Industries", "plc", "PLC", "Plc", "AG", "GmbH",
    "Limited", "Incorporated", "LLP",
];

/// The tagger's `spans` with the names these cues mark typed as organisations (and names the
/// tagger missed there added).
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let word = |i: usize| tokens[i].text(text);
    let lower_at = |i: usize, w: &str| i < tokens.len() && word(i) == w;
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let run = name_run(text, tokens, i, false).or_else(|| {
            name_run(text, tokens, i, true).filter(|r| {
                is_described_as_company(text, tokens, r)
                    || (r.end < tokens.len() && REPORTED_BY.contains(&word(r.end)))
            })
        });
        let Some(run) = run else {
            i += 1;
            continue;
        };
        let before = |n: usize| (run.start >= n).then(|| run.start - n);
        let cued_before = before(1).is_some_and(|b| {
            tokens[b].sentence == tokens[run.start].sentence
                && COMPANY_NOUNS.contains(&word(b))
                && !before(2).is_some_and(|a| {
                    matches!(word(a).to_lowercase().as_str(), "a" | "an" | "the" | "his" | "her")
                })
        }) || before(2).is_some_and(|b| {
            tokens[b].sentence == tokens[run.start].sentence
                && BEFORE
                    .iter()
                    .any(|pair| word(b).eq_ignore_ascii_case(pair[0]) && word(b + 1) == pair[1])
                // "a spokeswoman for Prime Minister Keir Starmer" speaks for a person.
                && !opens_like_a_person(gazetteer, word(run.start))
                && !run.clone().any(|k| ROLE_HEADS.contains(word(k)))
        });
        let cued_after = AFTER.iter().any(|words| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| lower_at(run.end + k, w) && tokens[run.end + k].sentence == tokens[run.start].sentence)
        });
        let surface = &text[tokens[run.start].start..tokens[run.end - 1].end];
        let place = names_a_place(gazetteer, surface);
        let untagged = !spans.iter().any(|(r, _)| r.start < run.end && run.start < r.end);
        let reporting = untagged
            && run.end < tokens.len()
            && tokens[run.end].sentence == tokens[run.start].sentence
            && REPORTED_BY.contains(&word(run.end))
            && !run.clone().any(|k| opens_like_a_person(gazetteer, word(k)))
            && !GROUP_NOUNS.contains(word(run.start).to_lowercase().as_str())
            && !run.clone().all(|k| is_common_word(&word(k).to_lowercase()))
            // "Louis van Gaal said": the run ends a person's name after its particle.
            && !(run.start >= 2
                && NAME_PARTICLES.contains(&word(run.start - 1))
                && is_capitalized(word(run.start - 2)));
        let last = word(run.end - 1);
        let headed = run.len() >= 2
            && (INSTITUTION_HEADS.contains(&last)
                || (INDUSTRY_HEADS.contains(&last)
                    && run.clone().any(|k| !is_common_word(&word(k).to_lowercase()))))
            && untagged
            && !is_title_case(text, &tokens[line_around(text, tokens, run.start)]);
        let described = is_described_as_company(text, tokens, &run);
        if ((cued_before || cued_after || described || reporting) && !place) || headed {
            found.push(run.clone());
        }
        i = run.end;
    }
    let movers = market_movers(gazetteer, text, tokens);
    let spans = with_movers_read_as_people(gazetteer, text, tokens, &movers, spans);
    found.extend(movers);
    let spans = with_companies_read_as_people(gazetteer, text, tokens, spans);
    let spans = with_joined_institutions(gazetteer, text, tokens, spans);
    let spans = without_opening_company_nouns(text, tokens, spans);
    mark(text, tokens, &found, spans)
}

/// The tagger's `spans` with the `known` organisation names (the shipped list, see
/// `tagger::org_names`) where the tagger found nothing on them at all ("Traders said the
/// Federal Reserve …"): a name of two words or more the list holds whole is an organisation
/// unless it is also a place (a club named after its city) or opens like a person's. A lone
/// word is left to the tagger: the list's one-word names ("City", "Arena", "News", clubs'
/// short names) are headings' and common words as often (3 false organisations on
/// gum-news). The list stays a feature where the tagger decided anything.
pub(super) fn with_known_names(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    known: &[Range<usize>],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let mut added = false;
    for range in known {
        let surface = &text[tokens[range.start].start..tokens[range.end - 1].end];
        let first = tokens[range.start].text(text);
        if range.len() < 2
            || tokens[range.start].kind != TokenKind::Word
            || names_a_place(gazetteer, surface)
            || gazetteer.country_of(surface).is_some()
            || opens_like_a_person(gazetteer, first)
            || spans.iter().any(|(r, _)| r.start < range.end && range.start < r.end)
            || is_title_case(text, &tokens[line_around(text, tokens, range.start)])
        {
            continue;
        }
        spans.push((range.clone(), Kind::Organization));
        added = true;
    }
    if added {
        spans.sort_by_key(|(r, _)| r.start);
    }
    spans
}

/// Whether the gazetteer knows `surface` as a place, a city or a people's name ("Colombia",
/// "Leeds", "Germans"): such a name is no organisation for the cues of this module.
fn names_a_place(gazetteer: &Gazetteer, surface: &str) -> bool {
    gazetteer.is_place(surface) || gazetteer.is_city(surface) || gazetteer.is_demonym(surface)
}

/// Lower-case verbs of a share price's move ("Zantex rose 3 percent"); not "gained" or "lost",
/// which candidates do with the vote.
const MOVES: &[&str] = &[
    "rose", "fell", "slipped", "jumped", "climbed", "dropped", "slid", "surged",
    "tumbled", "plunged", "soared", "advanced", "declined", "eased", "added", "shed", "sank",
    "rallied", "firmed", "dipped", "edged",
];

/// Units of a share price's move: a percentage, or the currency's small coin.
const MOVE_UNITS: &[&str] = &["percent", "per", "%", "pct", "cents", "pence", "cent", "p"];

/// First words of what a market report moves that is no company: currencies, commodities,
/// indexes and bonds ("Sterling fell 0.4%", "Brent rose 2 percent", "Nikkei ends 1 percent
/// up").
const MARKET_INSTRUMENTS: &[&str] = &[
    "Sterling", "Dollar", "Euro", "Yen", "Yuan", "Rupee", "Franc", "Bitcoin", "Ether", "Gold",
    "Silver", "Copper", "Platinum", "Brent", "WTI", "Nikkei", "Topix", "Nasdaq", "Dow", "FTSE",
    "DAX", "CAC", "Hang", "Kospi", "Sensex", "Nifty", "Stoxx", "Bund", "Bunds", "Gilts",
    "Treasuries", "Treasury",
];

/// Names the market report makes companies: a name before "shares" or "stock" ("Zantex shares
/// fell"), or before a price move measured in percent or cents ("Quorvo rose 3 percent", "Veltrix
/// edged up 2 cents") — people and places do not trade; an index does, so a name after "the"
/// ("the Nikkei rose 1 percent"), a [`MARKET_INSTRUMENTS`] name and a place are left alone.
fn market_movers(gazetteer: &Gazetteer, text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let in_sentence = |i: usize, of: usize| i < tokens.len() && tokens[i].sentence == tokens[of].sentence;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(run) = name_run(text, tokens, i, true) else {
            i += 1;
            continue;
        };
        i = run.end;
        let at = run.end;
        let after_the = run.start >= 1 && word(run.start - 1).eq_ignore_ascii_case("the");
        let surface = &text[tokens[run.start].start..tokens[run.end - 1].end];
        if after_the
            || MARKET_INSTRUMENTS.contains(&tokens[run.start].text(text))
            || names_a_place(gazetteer, surface)
            || !in_sentence(at, run.start)
        {
            continue;
        }
        let shares = matches!(word(at), "shares" | "stock") && in_sentence(at + 1, run.start)
            && (MOVES.contains(&word(at + 1)) || matches!(word(at + 1), "were" | "closed" | "traded" | "ended"));
        let moved = MOVES.contains(&word(at))
            && (at + 1..at + 5).any(|k| {
                in_sentence(k + 1, run.start)
                    && tokens[k].kind == TokenKind::Number
                    && MOVE_UNITS.contains(&word(k + 1))
            });
        if shares || moved {
            found.push(run);
        }
    }
    found
}

/// The tagger's `spans` with a "person" that the market report makes a company
/// ([`market_movers`]) typed as an organisation, unless it opens with a given name, a title
/// or an honorific.
fn with_movers_read_as_people(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    movers: &[Range<usize>],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    for (range, kind) in &mut spans {
        if *kind == Kind::Person
            && movers.iter().any(|m| m.start < range.end && range.start < m.end)
            && !opens_like_a_person(gazetteer, tokens[range.start].text(text))
        {
            *kind = Kind::Organization;
        }
    }
    spans
}

/// Words that may follow the company noun heading an apposition ("Zantex, the largest bank
/// in the region", "…, a chipmaker based in Taipei").
const AFTER_APPOSITION_HEAD: &[&str] = &[
    "in", "of", "by", "based", "which", "that", "with", "to", "from", "and", "owned", "controlled",
];

/// Whether `run` stands before an apposition whose head is a company noun ("Zantex, the
/// country's biggest carmaker, …", "Quorvo, a Swiss bank"): the noun is the head when
/// punctuation or a preposition or relative word follows it ("a bank employee" is a person).
fn is_described_as_company(text: &str, tokens: &[Token], run: &Range<usize>) -> bool {
    let word = |k: usize| tokens[k].text(text);
    let sentence = tokens[run.start].sentence;
    let within = |k: usize| k < tokens.len() && tokens[k].sentence == sentence;
    if !within(run.end + 1) || word(run.end) != "," || !matches!(word(run.end + 1), "the" | "a" | "an") {
        return false;
    }
    let first = run.end + 2;
    (first..first + 5).take_while(|&k| within(k)).any(|k| {
        COMPANY_NOUNS.contains(&word(k))
            // "a group of farmers" counts people.
            && !(word(k) == "group" && within(k + 1) && word(k + 1) == "of")
            && (k == first || (first..k).all(|m| !is_capitalized(word(m)) || word(m).ends_with("'s")))
            && (!within(k + 1)
                || tokens[k + 1].kind != TokenKind::Word
                || AFTER_APPOSITION_HEAD.contains(&word(k + 1)))
    })
}

/// Last words of companies' names that name their trade ("Ostrava Steel", "Halvex Mining"):
/// kept apart from [`INSTITUTION_HEADS`] because alone with common words they name no one
/// ("Social Media", "Human Resources"), and some are surnames ("David Steel", "Alan Sugar").
const INDUSTRY_HEADS: &[&str] = &[
    "Steel", "Motors", "Motor", "Airlines", "Airways", "Foods", "Oil", "Gas", "Petroleum",
    "Electric", "Electronics", "Chemicals", "Chemical", "Mining", "Textiles", "Cement", "Pharma",
    "Pharmaceuticals", "Telecom", "Telecommunications", "Bancorp", "Brewery", "Breweries",
    "Shipping", "Logistics", "Software", "Semiconductor", "Semiconductors", "Minerals", "Metals",
    "Shipyard", "Refinery", "Insurance", "Airport",
];

/// The tagger's `spans` with a "person" whose name ends in an institution's or a trade's head
/// word and does not open with a given name, a title or an honorific typed as an organisation
/// ("Ostrava Chemicals"; not "David Steel"; "Dana Ruiz Foundation" stays the tagger's call).
fn with_companies_read_as_people(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    for (range, kind) in &mut spans {
        if *kind != Kind::Person || range.len() < 2 {
            continue;
        }
        let first = tokens[range.start].text(text);
        let last = tokens[range.end - 1].text(text);
        // "Steel" ends surnames too ("David Steel", whose "David", a city's name as well, is
        // no given name to the gazetteer).
        let headed = INSTITUTION_HEADS.contains(&last)
            || (INDUSTRY_HEADS.contains(&last)
                && last != "Steel"
                && range.clone().any(|k| !is_common_word(&tokens[k].text(text).to_lowercase())));
        if headed && !opens_like_a_person(gazetteer, first) {
            *kind = Kind::Organization;
        }
    }
    // "Halvex and Norlen, which both reported …": people take "who", not "which".
    let which_after = |end: usize| {
        end + 1 < tokens.len()
            && tokens[end].text(text) == ","
            && tokens[end + 1].text(text) == "which"
            && tokens[end + 1].sentence == tokens[end].sentence
    };
    let mut k = spans.len();
    while k > 0 {
        k -= 1;
        let (range, kind) = spans[k].clone();
        let next = spans.get(k + 1).map(|(r, _)| r.clone());
        let listed_before = next.as_ref().is_some_and(|r| {
            r.start == range.end + 1 && tokens[range.end].text(text) == "and" && which_after(r.end)
        });
        let first = tokens[range.start].text(text);
        if kind == Kind::Person
            && !opens_like_a_person(gazetteer, first)
            && (which_after(range.end) || listed_before)
        {
            spans[k].1 = Kind::Organization;
        }
    }
    spans
}

/// Whether a name opening with `first` reads as a person's: a given name, an honorific or a
/// title ("Dana Ruiz Foundation", "Dr Quorvo Mining" stay the tagger's call).
fn opens_like_a_person(gazetteer: &Gazetteer, first: &str) -> bool {
    is_given_name(gazetteer, first) || HONORIFICS.contains(&first) || ROLE_HEADS.contains(first)
}

/// Company nouns that open a wire sentence before the company's name ("Carmaker Zantex AG said
/// …", "Retailer Quorvo …"): capitalised only by the sentence, never part of the name.
const OPENING_COMPANY_NOUNS: &[&str] = &[
    "carmaker", "automaker", "chipmaker", "drugmaker", "retailer", "lender", "insurer", "airline",
    "brokerage", "conglomerate", "refiner", "miner", "publisher", "broadcaster", "regulator",
    "exporter", "manufacturer", "supermarket", "carrier", "steelmaker", "planemaker",
];

/// The tagger's `spans` with a sentence-opening company noun cut from the name it heads, the
/// rest typed as an organisation ("Carmaker Zantex AG" → "Zantex AG").
fn without_opening_company_nouns(
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    for (range, kind) in &mut spans {
        let first = range.start;
        let opens = first == 0 || tokens[first - 1].sentence != tokens[first].sentence;
        if opens
            && range.len() >= 2
            && OPENING_COMPANY_NOUNS.contains(&tokens[first].text(text).to_lowercase().as_str())
        {
            range.start += 1;
            *kind = Kind::Organization;
        }
    }
    spans
}

/// The tagger's `spans` with an institution named by two common nouns joined by "and" read as
/// one name ("the Securities and Exchange Commission", "the Food and Drug Administration"):
/// the tagger, like [`name_run`], stops at the lower-case "and" and leaves two names or none.
/// Only a single word before "and" joins, a common word or one after "the", and no place, so
/// two names listed ("Britain and the Bank of England", "Zantex and Quorvo Holdings") stay two; a
/// person the tagger found stays one.
fn with_joined_institutions(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let word = |i: usize| tokens[i].text(text);
    let mut i = 1;
    while i + 2 < tokens.len() {
        let first = i;
        let joins = word(first + 1) == "and"
            && tokens[first].kind == TokenKind::Word
            && is_capitalized(word(first))
            && tokens[first - 1].sentence == tokens[first].sentence
            && (!is_capitalized(word(first - 1)) || word(first - 1) == "The")
            && (is_common_word(&word(first).to_lowercase()) || word(first - 1).eq_ignore_ascii_case("the"))
            && !gazetteer.is_place(word(first))
            && !gazetteer.is_demonym(word(first))
            && tokens[first + 2].sentence == tokens[first].sentence;
        let rest = joins.then(|| name_run(text, tokens, first + 2, false)).flatten();
        let Some(rest) = rest.filter(|r| r.len() >= 2 && INSTITUTION_HEADS.contains(&word(r.end - 1))) else {
            i += 1;
            continue;
        };
        let whole = first..rest.end;
        let overlaps = |r: &Range<usize>| r.start < whole.end && whole.start < r.end;
        if !spans.iter().any(|(r, k)| overlaps(r) && (*k == Kind::Person || r.start < first || r.end > whole.end)) {
            spans.retain(|(r, _)| !overlaps(r));
            spans.push((whole.clone(), Kind::Organization));
        }
        i = whole.end;
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// The tagger's `spans` with each cued name of `found` typed as an organisation (added where the
/// tagger left it out; a name the tagger typed as a person, whole or in part, stays one), and
/// the same name standing whole elsewhere in the text typed the same way.
pub(super) fn mark(
    text: &str,
    tokens: &[Token],
    found: &[Range<usize>],
    mut spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let word = |i: usize| tokens[i].text(text);
    let mut names: Vec<Vec<&str>> = Vec::new();
    for run in found {
        let run = run.clone();
        let overlapping: Vec<usize> = (0..spans.len())
            .filter(|&s| spans[s].0.start < run.end && run.start < spans[s].0.end)
            .collect();
        if overlapping.iter().any(|&s| spans[s].1 == Kind::Person) {
            continue;
        }
        if overlapping.iter().any(|&s| spans[s].0 != run) && !overlapping.is_empty() {
            // The tagger cut the name otherwise: retype its pieces only.
            for s in overlapping {
                spans[s].1 = Kind::Organization;
            }
            continue;
        }
        names.push(run.clone().map(word).collect());
        match overlapping.first() {
            Some(&s) => spans[s].1 = Kind::Organization,
            None => spans.push((run, Kind::Organization)),
        }
    }
    // The same name elsewhere in the story, standing whole, is the same organisation.
    let mut i = 0;
    while i < tokens.len() {
        let Some(run) = name_run(text, tokens, i, false).or_else(|| whole_run_at(text, tokens, i)) else {
            i += 1;
            continue;
        };
        let words: Vec<&str> = run.clone().map(word).collect();
        if names.contains(&words) {
            match spans.iter_mut().find(|(r, _)| r.start < run.end && run.start < r.end) {
                Some((r, kind)) if *r == run && *kind != Kind::Person => *kind = Kind::Organization,
                Some(_) => {}
                None => spans.push((run.clone(), Kind::Organization)),
            }
        }
        i = run.end;
    }
    spans.sort_by_key(|(r, _)| r.start);
    spans
}

/// Whether every word of four letters or more on a line is capitalised (a heading, a post's
/// title: "After Party Tonight", where a head word says nothing).
fn is_title_case(text: &str, line: &[Token]) -> bool {
    line.iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(is_capitalized)
}

/// The tokens of the line that holds token `i`.
fn line_around(text: &str, tokens: &[Token], i: usize) -> Range<usize> {
    let breaks = |k: usize| text[tokens[k - 1].end..tokens[k].start].contains('\n');
    let start = (1..=i).rev().find(|&k| breaks(k)).unwrap_or(0);
    let end = (i + 1..tokens.len()).find(|&k| breaks(k)).unwrap_or(tokens.len());
    start..end
}

/// The capitalised run opening a sentence at token `i` (where [`name_run`] does not look), so
/// that a name found elsewhere is found again at the start of a sentence or headline.
fn whole_run_at(text: &str, tokens: &[Token], i: usize) -> Option<Range<usize>> {
    let opens = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
    let word = tokens[i].text(text);
    if !opens || tokens[i].kind != TokenKind::Word || !is_capitalized(word) || word.len() < 2 {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && tokens[end].sentence == tokens[i].sentence
        && tokens[end].kind == TokenKind::Word
        && is_capitalized(tokens[end].text(text))
    {
        end += 1;
    }
    Some(i..end)
}

/// The run of capitalised words (joined by "of", "&", "and" inside) that starts at token `i`, not
/// opening its sentence unless `opening` (then its first word must be no common word): a name as
/// it stands inside running text.
pub(super) fn name_run(
    text: &str,
    tokens: &[Token],
    i: usize,
    opening: bool,
) -> Option<Range<usize>> {
    let word = |k: usize| tokens[k].text(text);
    let opens = |k: usize| {
        k == 0 || tokens[k - 1].sentence != tokens[k].sentence || after_wire_dateline(text, tokens, k)
    };
    let is_name_word = |k: usize| {
        // The cheap tests first: most words are not capitalised, and lower-casing allocates.
        if tokens[k].kind != TokenKind::Word || !is_capitalized(word(k)) {
            return false;
        }
        let lower = word(k).to_lowercase();
        // "I", or "Later" opening a sentence, is no part of a name.
        let not_a_name = FUNCTION_WORDS.contains(lower.as_str())
            || is_calendar_word(word(k))
            || word(k).chars().count() <= 1
            || (opens(k) && is_common_word(&lower));
        !not_a_name
    };
    if (opens(i) && !opening) || !is_name_word(i) || (i > 0 && !opens(i) && is_name_word(i - 1)) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len() && tokens[end].sentence == tokens[i].sentence {
        if is_name_word(end) {
            end += 1;
        } else if matches!(word(end), "&" | "of")
            && end + 1 < tokens.len()
            && tokens[end + 1].sentence == tokens[i].sentence
            && is_name_word(end + 1)
        {
            end += 2;
        } else {
            break;
        }
    }
    Some(i..end)
}

#[cfg(test)]
mod tests {
    use super::super::super::models::Models;
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn organisations(text: &str, spans: Vec<(Range<usize>, Kind)>) -> Vec<String> {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        apply(&Models::for_tests().gazetteer, text, &tokens, spans)
            .into_iter()
            .filter(|(_, k)| *k == Kind::Organization)
            .map(|(r, _)| text[tokens[r.start].start..tokens[r.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn a_name_after_a_company_noun_is_an_organisation() {
        let found = organisations(
            "Shares of state oil company Zantex Energy rose, and carmaker Quorvo fell.",
            Vec::new(),
        );
        assert_eq!(found, ["Zantex Energy", "Quorvo"]);
    }

    #[test]
    fn the_name_found_by_a_cue_is_found_again_elsewhere() {
        let found = organisations(
            "Quorvo fell. Analysts at Quorvo Bank said so. Shares of Quorvo slipped.",
            Vec::new(),
        );
        assert_eq!(found, ["Quorvo", "Quorvo Bank", "Quorvo"]);
    }

    #[test]
    fn statement_spokesman_and_shares_cues_mark_organisations() {
        let found = organisations(
            "Trading in shares of Veltrix was halted. A Marblo spokesman declined to comment. \
             Later Quintaro said in a statement that it would appeal.",
            Vec::new(),
        );
        assert_eq!(found, ["Veltrix", "Marblo", "Quintaro"]);
    }

    #[test]
    fn a_name_ending_in_an_institutions_head_word_that_the_tagger_dropped_is_an_organisation() {
        let found = organisations(
            "Officials at the Financial Services Authority said so, and Quorvo Holdings PLC agreed.",
            Vec::new(),
        );
        assert_eq!(found, ["Financial Services Authority", "Quorvo Holdings PLC"]);
    }

    #[test]
    fn two_common_nouns_joined_by_and_before_a_head_word_are_one_institution() {
        let text = "The Securities and Exchange Commission and the Food and Drug Administration \
                    met, as did officials from Britain and Quorvo Holdings.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let spans = vec![
            (at("Securities")..at("Securities") + 1, Kind::Organization),
            (at("Exchange")..at("Exchange") + 2, Kind::Organization),
            (at("Britain")..at("Britain") + 1, Kind::Location),
        ];
        let found = organisations(text, spans);
        assert_eq!(
            found,
            ["Securities and Exchange Commission", "Food and Drug Administration", "Quorvo Holdings"]
        );
    }

    #[test]
    fn a_company_noun_opening_the_sentence_is_no_part_of_the_name() {
        let found = organisations("Carmaker Zantex AG said profit rose.", vec![(0..3, Kind::Person)]);
        assert_eq!(found, ["Zantex AG"]);
    }

    #[test]
    fn a_company_named_by_its_trade_is_no_person_but_a_person_so_named_stays_one() {
        let text = "Officials said Ostrava Chemicals and Halvex Mining would merge, and David Steel \
                    and the head of Social Media agreed with them on Monday.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let spans = vec![
            (at("Ostrava")..at("Ostrava") + 2, Kind::Person),
            (at("David")..at("David") + 2, Kind::Person),
        ];
        let found = organisations(text, spans);
        assert_eq!(found, ["Ostrava Chemicals", "Halvex Mining"]);
    }

    #[test]
    fn names_followed_by_which_are_no_people_but_a_given_name_stays_a_person() {
        let text = "Trading was led by Halvex and Norlen, which both gained, and by Quorvo, which \
                    fell, while Ana Ruiz, which surprised many, resigned.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let spans = ["Halvex", "Norlen", "Quorvo"]
            .iter()
            .map(|w| (at(w)..at(w) + 1, Kind::Person))
            .chain([(at("Ana")..at("Ana") + 2, Kind::Person)])
            .collect();
        let found = organisations(text, spans);
        assert_eq!(found, ["Halvex", "Norlen", "Quorvo"]);
    }

    #[test]
    fn a_name_described_as_a_company_in_apposition_is_an_organisation() {
        let found = organisations(
            "Zorvik, the country's largest steelmaker, cut jobs. Traders said Kestrel, the \
             biggest broker in town, sold. Lena Holm, a bank employee, Norlen, a group of \
             farmers, and Brenvale, a rival, said nothing.",
            Vec::new(),
        );
        assert_eq!(found, ["Zorvik", "Kestrel"]);
    }

    #[test]
    fn a_head_word_does_not_retype_what_the_tagger_found() {
        let text = "Fans of the Zantex Bank side cheered, and Dana Ruiz Foundation staff left.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let zantex = tokens.iter().position(|t| t.text(text) == "Zantex").unwrap();
        let dana = tokens.iter().position(|t| t.text(text) == "Dana").unwrap();
        let spans = vec![(zantex..zantex + 1, Kind::Location), (dana..dana + 2, Kind::Person)];
        let found = organisations(text, spans);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn people_places_and_a_noun_with_an_article_are_left_alone() {
        let text = "The company Dana Ruiz founded grew. Colombia said in a statement it agreed. \
                    She joined a group Veltrix ran. On the plus side I saw it, and I left.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let dana = tokens.iter().position(|t| t.text(text) == "Dana").unwrap();
        let found = organisations(text, vec![(dana..dana + 2, Kind::Person)]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_whose_shares_or_price_move_is_a_company_even_read_as_a_person() {
        let text = "Halvex shares fell on Monday. Traders said Quorvo Telekom rose 3 percent and \
                    Veltrix edged up 2 cents, while the Zenko rose 1 percent, Sterling fell 0.4% \
                    and Marlow lost 5 percent of the vote. Ana Berg rose 2 percent in the polls.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let spans = vec![
            (at("Quorvo")..at("Quorvo") + 2, Kind::Person),
            (at("Marlow")..at("Marlow") + 1, Kind::Person),
            (at("Ana")..at("Ana") + 2, Kind::Person),
        ];
        let found = organisations(text, spans);
        assert_eq!(found, ["Halvex", "Quorvo Telekom", "Veltrix"]);
    }

    #[test]
    fn a_listed_name_the_tagger_left_out_is_an_organisation() {
        let text = "The Zantex Bank left rates unchanged. Target met Dana Ruiz in Leeds.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let at = |w: &str| tokens.iter().position(|t| t.text(text) == w).unwrap();
        let known = vec![
            at("Zantex")..at("Zantex") + 2,
            at("Target")..at("Target") + 1,
            at("Dana")..at("Dana") + 2,
            at("Leeds")..at("Leeds") + 1,
        ];
        let gazetteer = &Models::for_tests().gazetteer;
        let found: Vec<&str> = with_known_names(gazetteer, text, &tokens, &known, Vec::new())
            .into_iter()
            .map(|(r, _)| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect();
        assert_eq!(found, ["Zantex Bank"]);
    }
}
