//! Span hygiene after the tagger: the edges of a name are cut back to name words. Forum threads,
//! comment lists and e-mails put a poster's name, a date and a greeting on one line ("Minoa Tue
//! Aug 27, 2019", "Hi Dana", "Can I …"), and the tagger — trained on edited prose — reads the
//! calendar words and the greeting as part of the name; once "Minoa Tue Aug" is a person, every
//! later "Aug" joins it as a mention. What no name holds:
//! - a calendar word (month or weekday, full or abbreviated) right before a number: a date;
//! - a leading full stop or list mark ("." of "Dr." when the honorific was left out);
//! - a sentence-initial greeting, interjection, auxiliary or question word ("Hi", "Thanks",
//!   "Can");
//! - a line break: a name never runs over the end of a line;
//! - a slash, bar, bullet or semicolon between spaces inside it: those list names ("Twitter /
//!   NASA"; "AC/DC" stays one name);
//! - a lone month or weekday that is not also a name ("Nov", "Monday"; "May" and "June" stay);
//! - the pronoun "I" on its own, or a clock or time-zone word after a number ("5:58 AM");
//! - an office word before a person's name ("Ambassador Mohib"): it is the person's role (the
//!   rules read it as the role already), and a person of office words alone is no person;
//! - in a person, the run of organisation and title words before the last title word with a
//!   name after it ("Brillco Cloud Product Manager Dana Ruiz" is "Dana Ruiz"): the tagger runs
//!   a person over the title that press copy writes before the name.
//!
//! [`without_portfolios`] cuts a body's initialism from the portfolio of the title after it
//! ("EU Farm Commissioner": "EU").
//!
//! [`split_affiliations`] then parts a person from the affiliation the tagger ran it into
//! ("Tomas Berg of Zantex": the person "Tomas Berg" and the organisation "Zantex").
//! - a lone common word that is capitalised only because it opens a line or sentence or stands
//!   in a title-case line ("Coverage to repair your car", "Our Corporate Event Services"),
//!   unless the document also capitalises it inside running text ("… with Uber."); a lone
//!   common-noun initialism ("SEO", "CEO"); a lone capital letter. A sentence-initial "May" is such a common word unless the document capitalises it
//!   inside a sentence too ("Theresa May").
//!
//! An entity the rules named with such an edge takes its longest mention's surface as its name
//! (`salience`).

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::super::gazetteer::Gazetteer;
use super::super::tokens::{Token, TokenKind};
use super::super::words::GROUP_NOUNS;
use super::common::{is_common_word, is_initialism};
use super::lexicon::{
    ORG_SUFFIXES, ORG_WORDS, PLACE_WORDS, ROLE_HEADS, is_acronym, is_capitalized,
};
use super::types::Kind;
use crate::dateline::MONTHS;

/// Weekdays, full and abbreviated, lower-cased (the months are the dateline's).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Calendar words that are also names ("Theresa May", "Jan Ullrich", "The Sun"): alone they
/// stay a name unless a number follows.
const CALENDAR_NAMES: &[&str] = &["may", "june", "april", "august", "march", "jan", "sun", "sat"];

/// Clock and time-zone words, lower-cased: after a number they are part of a time, not a name.
const TIME_WORDS: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet",
    "cest", "bst", "ist",
];

/// Words that open a sentence without ever opening a name, lower-cased: greetings and
/// interjections of informal text, auxiliaries and question words. Not "will" or "may" (given
/// names), nor the articles (some names hold them).
const OPENERS: &[&str] = &[
    "hi", "hello", "hey", "thanks", "thank", "please", "let", "edited", "posted", "yes", "no",
    "ok", "okay", "well", "sorry", "dear", "welcome", "cheers", "regards", "i", "can", "could",
    "do", "does", "did", "is", "are", "was", "were", "would", "should", "shall", "might", "must",
    "have", "has", "had", "if", "when", "what", "why", "how", "where", "who", "which", "so", "but",
    "and", "or", "just", "also", "maybe", "anyone", "anybody",
];

/// Job titles that end a title run before a name ("Product Manager Dana Ruiz") besides the
/// office heads of the lexicon, which the tagger reads as a feature and so stay as they are.
const JOB_TITLES: &[&str] = &[
    "Manager", "Engineer", "Executive", "Analyst", "Strategist", "Scientist", "Designer",
    "Producer", "Economist", "Researcher", "Correspondent", "Reporter", "Adviser", "Advisor",
    "Official", "Lawyer", "Head", "Deputy", "Vice", "Coordinator", "Administrator",
];

/// Currencies, which open market lines ("Sterling fell 0.4%") as capitalised words that are no
/// name: read like the common words (some are names elsewhere: "Sterling K. Brown").
const CURRENCIES: &[&str] = &[
    "Sterling", "Dollar", "Euro", "Yen", "Yuan", "Renminbi", "Rupee", "Peso", "Rouble", "Ruble",
    "Franc", "Lira", "Rand", "Krona", "Krone", "Zloty", "Forint", "Ringgit", "Baht", "Dirham",
    "Riyal", "Shekel",
];

/// What follows a surname without being a name of its own.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Tokens that end a sentence or set off a list item: never the first token of a name.
fn is_separator(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '|' | '•' | '·' | '*' | '-' | '–' | '—' | '/'))
}

/// `spans` with their edges cut back to name words; spans left with no name word are dropped.
pub(super) fn tidy(
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let lines = Lines::new(text, tokens);
    spans
        .into_iter()
        .flat_map(|(range, kind)| split_at_list_marks(text, tokens, range, kind))
        .filter_map(|(range, kind)| {
            let range = tidy_range(text, tokens, range, kind);
            (!range.is_empty() && !lines.is_lone_common_word(text, tokens, &range))
                .then_some((range, kind))
        })
        .collect()
}

/// A span cut at the slashes, bars, bullets and semicolons standing between spaces inside it:
/// they list names ("Twitter / NASA", "Acme | Brill"); unspaced they are part of one ("AC/DC").
fn split_at_list_marks(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    kind: Kind,
) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        // Only a mark with space on both sides lists names: "Bodø/Glimt", "AC/DC" are one name.
        let spaced = i > range.start
            && i + 1 < range.end
            && tokens[i - 1].end < tokens[i].start
            && tokens[i].end < tokens[i + 1].start;
        if spaced && matches!(tokens[i].text(text), "/" | "|" | "•" | ";") {
            out.push((start..i, kind));
            start = i + 1;
        }
    }
    out.push((start..range.end, kind));
    out.retain(|(r, _)| !r.is_empty());
    out
}

/// The document's lines as capitals read them: which tokens stand in a title-case or all-caps
/// line, and which words running text capitalises alone, between lower-case words (not a
/// line's or sentence's first word, not a word of a capitalised phrase or a title-case line).
struct Lines<'a> {
    /// Per token: its line is title case or all capitals.
    titled: Vec<bool>,
    capitalised_inside: FxHashSet<&'a str>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, tokens: &[Token]) -> Self {
        let mut titled = vec![false; tokens.len()];
        let mut capitalised_inside = FxHashSet::default();
        let mut start = 0;
        for end in 1..=tokens.len() {
            if end < tokens.len() && !text[tokens[end - 1].end..tokens[end].start].contains('\n') {
                continue;
            }
            let line = start..end;
            let is_titled = is_title_line(text, &tokens[line.clone()]);
            for i in line.clone() {
                titled[i] = is_titled;
                let word = tokens[i].text(text);
                // "maintained by Uber in", "follow @ Independent": a lone capital inside a
                // sentence, not a word of a capitalised phrase ("Brand Wisdom Solutions") nor
                // the first word after a stop.
                let capitalised_word = |k: usize| {
                    tokens[k].kind == TokenKind::Word && is_capitalized(tokens[k].text(text))
                };
                let inside = i > line.start
                    && tokens[i - 1].sentence == tokens[i].sentence
                    && !capitalised_word(i - 1)
                    && !is_separator(tokens[i - 1].text(text));
                let capitalised_next = line.contains(&(i + 1)) && capitalised_word(i + 1);
                if !is_titled
                    && inside
                    && !capitalised_next
                    && tokens[i].kind == TokenKind::Word
                    && is_capitalized(word)
                {
                    capitalised_inside.insert(word);
                }
            }
            start = end;
        }
        Self {
            titled,
            capitalised_inside,
        }
    }

    /// Whether `range` is one word that is no name by itself: a common word capitalised by its
    /// place (a line's or sentence's start, a title-case line) and nowhere in running text, a
    /// common-noun initialism, or a lone capital letter ("C" of "C++", "Group B"). Even one typed
    /// organisation goes: keeping those ("X", the company) cost WikiGold 12 false organisations
    /// for none found (organisation precision 0.711 → 0.699).
    fn is_lone_common_word(&self, text: &str, tokens: &[Token], range: &Range<usize>) -> bool {
        if range.len() != 1 {
            return false;
        }
        let i = range.start;
        let word = tokens[i].text(text);
        let lone_letter = word.len() == 1 && word.chars().all(char::is_uppercase);
        if is_initialism(word) || lone_letter {
            return true;
        }
        let placed = self.titled[i] || opens_sentence(text, tokens, i);
        placed
            && is_capitalized(word)
            && word.chars().all(char::is_alphabetic)
            && (is_common_word(&word.to_lowercase()) || CURRENCIES.contains(&word))
            && !self.capitalised_inside.contains(word)
    }
}

/// A heading, menu or shouted line: of its words of four letters or more, none in lower case
/// or at least half capitalised (two such words at least).
fn is_title_line(text: &str, tokens: &[Token]) -> bool {
    let long: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    long.len() >= 2 && 2 * long.iter().filter(|w| is_capitalized(w)).count() >= long.len()
}

/// Whether the token at `i` opens a sentence or a line, or follows an opening quote or bracket.
fn opens_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    i == 0
        || tokens[i - 1].sentence != tokens[i].sentence
        || text[tokens[i - 1].end..tokens[i].start].contains('\n')
        || matches!(tokens[i - 1].text(text), "(" | "\"" | "“" | "'" | "‘")
}

fn tidy_range(text: &str, tokens: &[Token], mut range: Range<usize>, kind: Kind) -> Range<usize> {
    if let Some(cut) =
        (range.start + 1..range.end).find(|&i| text[tokens[i - 1].end..tokens[i].start].contains('\n'))
    {
        range.end = cut;
    }
    while !range.is_empty()
        && (leads_nothing(text, tokens, range.start)
            || kind == Kind::Person && ROLE_HEADS.contains(tokens[range.start].text(text)))
    {
        range.start += 1;
    }
    if let Some(cut) = after_opening_group(text, tokens, &range) {
        range.start = cut;
    }
    if kind == Kind::Person {
        range = person_proper(text, tokens, range);
    }
    let before_number = tokens
        .get(range.end)
        .is_some_and(|t| t.kind == TokenKind::Number);
    if before_number {
        while !range.is_empty() && is_calendar_word(tokens[range.end - 1].text(text)) {
            range.end -= 1;
        }
    }
    if range.len() == 1 {
        let word = tokens[range.start].text(text);
        let after_number = range.start > 0 && tokens[range.start - 1].kind == TokenKind::Number;
        let lower = word.trim_end_matches('.').to_lowercase();
        let lone_date_word = is_calendar_word(word) && !CALENDAR_NAMES.contains(&lower.as_str());
        if word == "I" || lone_date_word || after_number && TIME_WORDS.contains(&lower.as_str()) {
            range.end = range.start;
        }
    }
    range
}

/// The fields of a government portfolio, as they stand between a body's initialism and an
/// office in a title ("EU Farm Commissioner", "UK Trade Secretary").
const PORTFOLIOS: &[&str] = &[
    "Trade", "Farm", "Agriculture", "Finance", "Foreign", "Defence", "Defense", "Interior",
    "Justice", "Health", "Education", "Energy", "Environment", "Transport", "Economy", "Economic",
    "Industry", "Competition", "Budget", "Culture", "Fisheries", "Home", "Labour", "Labor",
    "Employment", "Climate", "Digital", "Research", "Development", "Security", "Monetary",
    "Social", "Affairs", "Internal", "External", "Enlargement", "Regional", "Consumer",
];

/// "EU Farm Commissioner Franz Fischler": the tagger runs the body's initialism into the
/// portfolio of the title after it ("EU Farm"); the name is the initialism alone, a place when
/// the gazetteer knows it ("UK Trade Secretary"). Only spans that an office word follows and
/// whose words after the initialism are all portfolio words are cut.
pub(super) fn without_portfolios(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    spans
        .into_iter()
        .map(|(range, kind)| {
            let word = |k: usize| tokens[k].text(text);
            let cut = kind == Kind::Organization
                && range.len() >= 2
                && is_acronym(word(range.start))
                && (range.start + 1..range.end).all(|k| PORTFOLIOS.contains(&word(k)))
                && tokens.get(range.end).is_some_and(|t| ROLE_HEADS.contains(t.text(text)));
            if !cut {
                return (range, kind);
            }
            let first = word(range.start);
            let kind = if gazetteer.is_place(first) { Kind::Location } else { kind };
            (range.start..range.start + 1, kind)
        })
        .collect()
}

/// Plural nouns of market reports that open a sentence before the company they are of ("Shares
/// of Zantex rose", "Stakes in …").
const MARKET_NOUNS: &[&str] = &["shares", "stakes", "stake", "bonds", "units"];

/// Where a span that opens its sentence with a group of people or a market noun and a
/// preposition really starts: "Analysts at Zantex said" and "Shares of Zantex rose" name Zantex;
/// capitalised only by the sentence (or by a wire dateline's dash before it), "Analysts" and
/// "Shares" are no part of the name. Names of institutions ("Friends of the Earth" is not such a
/// noun) are left whole.
fn after_opening_group(text: &str, tokens: &[Token], range: &Range<usize>) -> Option<usize> {
    if range.len() < 3 {
        return None;
    }
    let first = tokens[range.start].text(text).to_lowercase();
    let opens = opens_sentence(text, tokens, range.start) || after_wire_dateline(text, tokens, range.start);
    let preposition = matches!(tokens[range.start + 1].text(text), "of" | "at" | "in" | "from");
    let start = range.start + 2 + usize::from(tokens[range.start + 2].text(text) == "the");
    (opens
        && preposition
        && (GROUP_NOUNS.contains(first.as_str()) || MARKET_NOUNS.contains(&first.as_str()))
        && start < range.end
        && is_capitalized(tokens[start].text(text)))
    .then_some(start)
}

/// Whether the token at `i` follows a wire dateline's dash ("LONDON (Reuters) - Shares …"): a
/// sentence starts there though the splitter sees one sentence.
pub(super) fn after_wire_dateline(text: &str, tokens: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(tokens[i - 1].text(text), "-" | "–" | "—")
        && tokens[i - 2].text(text) == ")"
}

/// A person span cut to the name: it starts after the last title word inside it that a name
/// follows.
fn person_proper(text: &str, tokens: &[Token], mut range: Range<usize>) -> Range<usize> {
    if range.len() < 3 {
        return range;
    }
    let title = (range.start + 1..range.end - 1).rev().find(|&i| {
        let word = tokens[i].text(text);
        ROLE_HEADS.contains(word) || JOB_TITLES.contains(&word)
    });
    if let Some(title) = title {
        let first = tokens[title + 1].text(text);
        let last = tokens[range.end - 1].text(text);
        let names_follow = is_capitalized(first)
            && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !NAME_SUFFIXES.contains(&first)
            && !is_common_word(&first.to_lowercase())
            && !PLACE_WORDS.contains(first)
            && is_capitalized(last);
        if names_follow {
            range.start = title + 1;
        }
    }
    range
}

/// Persons the tagger ran over their affiliation ("Tomas Berg of Zantex Holdings", "Ana Ruiz of
/// Chile") split in two: the person ends before an "of" that two or more words precede ("Joan
/// of Arc", "Duke of York" and a regnal number's "Louis XV of France" stay whole), and the
/// capitalised words after it (an article left out) are a place when the gazetteer knows them,
/// an organisation when an organisation word or an initialism says so ("the Velbor Party",
/// "DAB"), and no name otherwise ("of Vijaynagar": a town or a firm). Newswire names the two
/// apart; GUM's spans nest them, and it names the affiliation apart too.
pub(super) fn split_affiliations(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[Token],
    spans: Vec<(Range<usize>, Kind)>,
) -> Vec<(Range<usize>, Kind)> {
    let mut out = Vec::with_capacity(spans.len());
    for (range, kind) in spans {
        let of = (kind == Kind::Person)
            .then(|| {
                (range.start + 2..range.end.saturating_sub(1))
                    .find(|&i| tokens[i].text(text) == "of")
            })
            .flatten();
        let regnal = of.is_some_and(|of| is_regnal_number(tokens[of - 1].text(text)));
        let Some(of) = of.filter(|_| !regnal) else {
            out.push((range, kind));
            continue;
        };
        out.push((range.start..of, Kind::Person));
        let mut rest = of + 1..range.end;
        while !rest.is_empty() && !is_capitalized(tokens[rest.start].text(text)) {
            rest.start += 1;
        }
        if rest.is_empty() || !is_capitalized(tokens[rest.end - 1].text(text)) {
            continue;
        }
        let name = &text[tokens[rest.start].start..tokens[rest.end - 1].end];
        if gazetteer.is_place(name) || gazetteer.is_city(name) {
            out.push((rest, Kind::Location));
        } else if rest.clone().any(|i| {
            let word = tokens[i].text(text);
            ORG_WORDS.contains(word) || ORG_SUFFIXES.contains(&word) || is_acronym(word)
        }) {
            out.push((rest, Kind::Organization));
        }
    }
    out
}

/// A regnal number ("XV", "II"): the name before it is a monarch's, and its "of" names the realm.
fn is_regnal_number(word: &str) -> bool {
    !word.is_empty() && word.len() <= 5 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether the token at `i` cannot open a name: no letter or digit, or a sentence-initial
/// function word or opener followed by more of the span.
fn leads_nothing(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].text(text);
    if is_separator(word) {
        return true;
    }
    if !opens_sentence(text, tokens, i) || word.chars().all(|c| c.is_uppercase()) && word.len() > 1 {
        return false;
    }
    let lower = word.to_lowercase();
    OPENERS.contains(&lower.as_str())
}

/// Whether a name the rules built (`Thanks Tom`, `Mahaloth January`) carries a word at its
/// edges that no name holds: an opener first or a calendar word last.
pub(super) fn has_noisy_edge(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().map(str::to_lowercase);
    first.is_some_and(|w| OPENERS.contains(&w.as_str()))
        || name.split_whitespace().count() > 1
            && name.split_whitespace().last().is_some_and(is_calendar_word)
}

/// A month or weekday name, full or abbreviated ("Nov.", "Monday").
pub(super) fn is_calendar_word(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS.contains(&word.as_str()) || WEEKDAYS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::super::super::tokens::{sentences, tokenize};
    use super::*;

    fn tidied(text: &str, first: usize, last: usize) -> String {
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let out = tidy(text, &tokens, vec![(first..last + 1, Kind::Person)]);
        out.first().map_or(String::new(), |(r, _)| {
            text[tokens[r.start].start..tokens[r.end - 1].end].to_owned()
        })
    }

    #[test]
    fn a_group_or_a_market_noun_opening_the_sentence_is_no_part_of_the_name_after_it() {
        let text = "LONDON (Reuters) - Shares of Zantex rose. Analysts at Quorvo Bank said so.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        let organisation = |first: &str, last: &str| {
            let out = tidy(text, &tokens, vec![(at(first)..at(last) + 1, Kind::Organization)]);
            out.first().map_or(String::new(), |(r, _)| {
                text[tokens[r.start].start..tokens[r.end - 1].end].to_owned()
            })
        };
        assert_eq!(organisation("Shares", "Zantex"), "Zantex", "{words:?}");
        assert_eq!(organisation("Analysts", "Bank"), "Quorvo Bank");
        let text = "He joined Friends of the Earth.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let out = tidy(text, &tokens, vec![(2..6, Kind::Organization)]);
        assert_eq!(out, vec![(2..6, Kind::Organization)]);
    }

    #[test]
    fn a_date_after_a_posters_name_is_not_part_of_the_name() {
        assert_eq!(tidied("Minoa Tue Aug 27, 2019 5:58 am", 0, 2), "Minoa");
        assert_eq!(tidied("Lisias June 14, 2024", 0, 1), "Lisias");
    }

    #[test]
    fn a_month_that_is_also_a_name_stays_when_no_number_follows() {
        assert_eq!(tidied("He met Theresa May on Friday.", 2, 3), "Theresa May");
    }

    #[test]
    fn a_greeting_or_question_word_at_the_start_of_a_sentence_is_cut() {
        assert_eq!(tidied("Hi Dana, thanks for the fix.", 0, 1), "Dana");
        assert_eq!(tidied("Can I keep my camera?", 0, 1), "");
    }

    #[test]
    fn a_clock_word_after_a_time_is_not_a_name() {
        let text = "The post went up at 10:02 PM yesterday.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let pm = tokens.iter().position(|t| t.text(text) == "PM").unwrap();
        assert_eq!(tidied(text, pm, pm), "");
    }

    #[test]
    fn a_lone_weekday_or_month_is_not_a_name_but_may_is() {
        assert_eq!(tidied("See you Monday then.", 2, 2), "");
        assert_eq!(tidied("The Nov issue is out.", 1, 1), "");
        assert_eq!(tidied("He thanked May for the report.", 2, 2), "May");
    }

    #[test]
    fn an_office_word_before_a_persons_name_is_the_role_not_the_name() {
        assert_eq!(tidied("Ambassador Mohib spoke.", 0, 1), "Mohib");
        assert_eq!(tidied("The President left.", 1, 1), "");
    }

    #[test]
    fn a_currency_opening_a_market_line_is_no_name_unless_capitalised_inside_a_sentence() {
        assert_eq!(tidied("Sterling fell 0.4% against the dollar.", 0, 0), "");
        let text = "Sterling fell on the news today. Many of the fans of Sterling cheered loudly.";
        assert_eq!(tidied(text, 0, 0), "Sterling");
    }

    #[test]
    fn a_bodys_initialism_run_into_the_portfolio_of_a_title_is_the_initialism_alone() {
        let models = crate::enrich::models::Models::for_tests();
        let cut = |text: &str, first: usize, last: usize| -> Vec<(String, Kind)> {
            let tokens = tokenize(text, &sentences(text, Some("en")));
            let spans = vec![(first..last + 1, Kind::Organization)];
            let spans = without_portfolios(&models.gazetteer, text, &tokens, spans);
            super::super::surfaces(text, &tokens, spans)
        };
        let text = "Then ZFA Farm Commissioner Tomas Berg spoke.";
        assert_eq!(cut(text, 1, 2), [("ZFA".to_owned(), Kind::Organization)]);
        let text = "Then UK Trade Secretary Tomas Berg spoke.";
        assert_eq!(cut(text, 1, 2), [("UK".to_owned(), Kind::Location)]);
        // A name of its own before the title, or no title after it, stays whole.
        let text = "Then ZFA Velbor Commissioner Tomas Berg spoke.";
        assert_eq!(cut(text, 1, 2), [("ZFA Velbor".to_owned(), Kind::Organization)]);
        let text = "Then ZFA Farm said so.";
        assert_eq!(cut(text, 1, 2), [("ZFA Farm".to_owned(), Kind::Organization)]);
    }

    #[test]
    fn a_person_run_into_an_affiliation_is_the_person_and_the_organisation_or_place() {
        let models = crate::enrich::models::Models::for_tests();
        let split = |text: &str, first: usize, last: usize| -> Vec<(String, Kind)> {
            let tokens = tokenize(text, &sentences(text, Some("en")));
            let spans = vec![(first..last + 1, Kind::Person)];
            split_affiliations(&models.gazetteer, text, &tokens, spans)
                .into_iter()
                .map(|(r, k)| (text[tokens[r.start].start..tokens[r.end - 1].end].to_owned(), k))
                .collect()
        };
        let text = "Analysts met Tomas Berg of Zantex on Monday.";
        assert_eq!(split(text, 2, 5), [("Tomas Berg".to_owned(), Kind::Person)]);
        let text = "Analysts met Tomas Berg of ZTX on Monday.";
        assert_eq!(
            split(text, 2, 5),
            [("Tomas Berg".to_owned(), Kind::Person), ("ZTX".to_owned(), Kind::Organization)]
        );
        let text = "Historians wrote of Louis XV of France often.";
        assert_eq!(split(text, 3, 6), [("Louis XV of France".to_owned(), Kind::Person)]);
        let text = "Analysts met Dana Okarro of the Velbor Party.";
        assert_eq!(
            split(text, 2, 7),
            [
                ("Dana Okarro".to_owned(), Kind::Person),
                ("Velbor Party".to_owned(), Kind::Organization)
            ]
        );
        let text = "Analysts met Dana Okarro of Italy.";
        assert_eq!(
            split(text, 2, 5),
            [("Dana Okarro".to_owned(), Kind::Person), ("Italy".to_owned(), Kind::Location)]
        );
        let text = "They read about Joan of Arc today.";
        assert_eq!(split(text, 3, 5), [("Joan of Arc".to_owned(), Kind::Person)]);
    }

    #[test]
    fn a_person_starts_after_the_title_words_that_precede_the_name() {
        let text = "It shipped, says Brillco Cloud Product Manager Dana Ruiz.";
        assert_eq!(tidied(text, 4, 9), "Dana Ruiz");
        assert_eq!(tidied("Then House Speaker Mara Lind spoke.", 1, 4), "Mara Lind");
        assert_eq!(tidied("Then Martin Luther King Jr. spoke.", 1, 4), "Martin Luther King Jr");
        assert_eq!(tidied("We met Dana Okarro King today.", 2, 4), "Dana Okarro King");
        assert_eq!(tidied("We met Larry Sultan Valley today.", 2, 4), "Larry Sultan Valley");
    }

    #[test]
    fn an_office_word_opening_an_organisation_stays() {
        let text = "President Hotels grew.";
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let out = tidy(text, &tokens, vec![(0..2, Kind::Organization)]);
        assert_eq!(out, [(0..2, Kind::Organization)]);
    }

    fn kept(text: &str, word: &str) -> bool {
        let tokens = tokenize(text, &sentences(text, Some("en")));
        let i = tokens.iter().position(|t| t.text(text) == word).expect("word");
        !tidy(text, &tokens, vec![(i..i + 1, Kind::Organization)]).is_empty()
    }

    #[test]
    fn a_common_word_capitalised_by_a_line_start_or_a_title_line_is_no_name() {
        assert!(!kept("Coverage when you are offline\n\nYour policy applies.", "Coverage"));
        assert!(!kept("Our work\n\nOur Corporate Event Services\n\nWe plan it.", "Services"));
        assert!(!kept("Most teams hire SEO consultants.", "SEO"));
    }

    #[test]
    fn a_common_word_the_document_capitalises_inside_a_sentence_stays() {
        let text = "Coverage is included.\n\nYou can apply for it with Coverage today.";
        assert!(kept(text, "Coverage"));
        assert!(kept("Olivia teaches yoga in London.", "Olivia"));
    }

    #[test]
    fn a_name_never_runs_over_a_line_break() {
        assert_eq!(tidied("Acraftman\nBerlin is cold", 0, 1), "Acraftman");
    }

    #[test]
    fn a_leading_full_stop_is_cut() {
        assert_eq!(tidied("Dr. Andrea Cossarizza spoke.", 1, 3), "Andrea Cossarizza");
    }

    #[test]
    fn a_name_that_opens_with_a_number_word_or_a_given_name_is_kept() {
        assert_eq!(tidied("One Direction played.", 0, 1), "One Direction");
        assert_eq!(tidied("Will Smith arrived.", 0, 1), "Will Smith");
    }

    #[test]
    fn an_acronym_at_the_start_of_a_sentence_is_kept() {
        assert_eq!(tidied("US officials met.", 0, 0), "US");
    }

    #[test]
    fn a_lone_capital_letter_is_no_name_whatever_its_type() {
        let text = "They posted on X about C in the morning.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let kept = |i: usize, kind: Kind| !tidy(text, &tokens, vec![(i..i + 1, kind)]).is_empty();
        assert_eq!(tokens[3].text(text), "X");
        assert!(!kept(3, Kind::Organization));
        assert_eq!(tokens[5].text(text), "C");
        assert!(!kept(5, Kind::Location));
    }

    #[test]
    fn a_slash_or_bar_inside_a_span_lists_two_names() {
        let text = "Shared by Brillco / Zantex and Acme | Dorn today.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let names: Vec<&str> = tidy(
            text,
            &tokens,
            vec![(2..5, Kind::Organization), (6..9, Kind::Organization)],
        )
        .into_iter()
        .map(|(r, _)| &text[tokens[r.start].start..tokens[r.end - 1].end])
        .collect();
        assert_eq!(names, ["Brillco", "Zantex", "Acme", "Dorn"]);
    }

    #[test]
    fn a_slash_without_spaces_is_part_of_the_name() {
        let text = "They signed with Brill/Zantex Records today.";
        let sentences = sentences(text, Some("en"));
        let tokens = tokenize(text, &sentences);
        let out = tidy(text, &tokens, vec![(3..7, Kind::Organization)]);
        assert_eq!(out, [(3..7, Kind::Organization)], "{:?}", &tokens[3..7]);
    }
}
