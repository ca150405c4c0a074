//! Enrichment of the main text: sentences, entities with aliases and roles, quotes with speakers,
//! quantities, countries, keywords, an extractive summary and fingerprints. Pure and offline: no
//! model download, no external service. English-only stages (entities, quotes, quantities,
//! keywords) are skipped for other languages, and the record's `notes` says so.
//!
//! All offsets in the output are character (Unicode scalar) offsets into the record's `text`.

pub mod capitals;
pub mod countries;
pub mod entities;
pub mod fingerprint;
pub mod gazetteer;
pub mod headings;
pub mod keywords;
pub mod models;
pub mod quantities;
pub mod quotes;
pub mod tokens;
pub mod word_list;
pub mod words;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use models::Models;

use crate::ExtractError;
use crate::deadline::Deadline;

pub use countries::CountryMention;
pub use entities::{Entity, Span};
pub use fingerprint::Fingerprint;
pub use keywords::Keyword;
pub use quantities::Quantity;
pub use quotes::{Quote, SpeakerKind};

/// Keywords kept per article.
const KEYWORDS: usize = 10;

/// The token stages (entities, quotes, quantities, keywords, summary) read at most this many
/// characters of the text — cut after the last whole sentence that fits, or after the last whole
/// word when that sentence ends before half of it (one endless sentence) — and the record's notes
/// say so. They are linear, but the heaviest in time and memory (an 8.5 MB text took 370 MB
/// through them), and no news article comes near this length: a safety net for pathological
/// shapes of a megabyte and more. Sentences, countries, language and the fingerprint read the
/// whole text.
pub const ENRICHED_CHARS: usize = 200_000;

/// The byte length of the prefix the token stages read: the whole text when it is short enough.
fn enriched_prefix(text: &str, sentences: &[Range<usize>]) -> usize {
    let Some((limit, _)) = text.char_indices().nth(ENRICHED_CHARS) else {
        return text.len();
    };
    let word_cut = text[..limit]
        .rfind(char::is_whitespace)
        .unwrap_or(limit);
    sentences
        .iter()
        .map(|s| s.end)
        .take_while(|end| *end <= limit)
        .last()
        .filter(|end| *end >= limit / 2)
        .unwrap_or(word_cut)
}

/// Everything enrichment adds to a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Enrichment {
    pub sentences: usize,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub countries: Vec<CountryMention>,
    pub keywords: Vec<Keyword>,
    pub summary: Option<String>,
    pub fingerprint: Fingerprint,
    /// What was skipped and why (e.g. English-only stages on another language).
    pub notes: Vec<String>,
    /// Milliseconds per enrichment stage ("enrich.entities", …), for the record's timings.
    #[serde(skip)]
    pub stage_ms: Vec<(&'static str, f64)>,
}

/// Times enrichment stages.
struct StageClock {
    last: std::time::Instant,
    laps: Vec<(&'static str, f64)>,
}

impl StageClock {
    fn start() -> Self {
        Self {
            last: std::time::Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = std::time::Instant::now();
        self.laps
            .push((stage, (now - self.last).as_secs_f64() * 1000.0));
        self.last = now;
    }
}

/// What enrichment reads besides the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub title: Option<&'a str>,
    /// The title as it arrived, decorations (flag emoji) included.
    pub raw_title: Option<&'a str>,
    pub language: Option<&'a str>,
    pub dateline_place: Option<&'a str>,
    /// The news agency a dateline names ("Reuters").
    pub dateline_agency: Option<&'a str>,
    /// Byte ranges of heading paragraphs in the text.
    pub headings: &'a [Range<usize>],
    /// When the article's time budget runs out; checked between stages and inside their loops.
    pub deadline: Deadline,
}

/// Enriches `text`.
///
/// # Errors
/// [`ExtractError::TimeBudgetExceeded`] once `context.deadline` has passed.
pub fn enrich(
    models: &Models,
    text: &str,
    context: &Context<'_>,
) -> Result<Enrichment, ExtractError> {
    let deadline = context.deadline;
    let headings = &headings::Headings::new(context.headings);
    let mut clock = StageClock::start();
    let english = context.language.is_none_or(|l| l == "en");
    let sentence_ranges = tokens::sentences(text, context.language.filter(|l| l.len() == 2));
    let chars = tokens::CharIndex::new(text);
    clock.lap("enrich.sentences");
    deadline.check()?;
    let countries = countries::find(
        &models.gazetteer,
        text,
        context.raw_title.or(context.title),
        context.dateline_place,
    );
    clock.lap("enrich.countries");
    let fingerprint = fingerprint::fingerprint(text);
    clock.lap("enrich.fingerprint");
    if !english {
        let summary = sentence_ranges
            .iter()
            .filter(|s| !headings.contains(s.start))
            .take(2)
            .map(|s| text[s.clone()].trim())
            .collect::<Vec<_>>()
            .join(" ");
        return Ok(Enrichment {
            sentences: sentence_ranges.len(),
            entities: Vec::new(),
            quotes: Vec::new(),
            quantities: Vec::new(),
            countries,
            keywords: Vec::new(),
            summary: Some(summary).filter(|s| !s.is_empty()),
            fingerprint,
            notes: vec![format!(
                "entities, quotes, quantities and keywords are English-only; skipped for language {:?}; the summary is the lead",
                context.language.unwrap_or("und")
            )],
            stage_ms: clock.laps,
        });
    }
    let mut notes = Vec::new();
    // Very long texts: the token stages read a prefix (see ENRICHED_CHARS).
    let cut = enriched_prefix(text, &sentence_ranges);
    let named = &text[..cut];
    let prefix_sentences: Vec<Range<usize>> = sentence_ranges
        .iter()
        .filter(|s| s.start < cut)
        .map(|s| s.start..s.end.min(cut))
        .collect();
    if cut < text.len() {
        notes.push(format!(
            "entities, quotes, quantities, keywords and the summary cover the first {} characters of {}",
            chars.char_of(cut),
            chars.char_of(text.len())
        ));
    }
    let tokens = tokens::tokenize(named, &prefix_sentences);
    let named_tokens = &tokens[..];
    clock.lap("enrich.tokens");
    deadline.check()?;
    let (mut entities, mentions) = entities::find(
        models.entity_lookups(),
        named,
        named_tokens,
        context.headings,
        context.title,
        entities::DatelineNames {
            place: context.dateline_place,
            agency: context.dateline_agency,
        },
        deadline,
    )?;
    clock.lap("enrich.entities");
    deadline.check()?;
    let mut quotes = quotes::find(
        named,
        named_tokens,
        &entities,
        &mentions,
        headings,
        deadline,
    )?;
    clock.lap("enrich.quotes");
    deadline.check()?;
    let mut quantities = quantities::find(named, &tokens);
    clock.lap("enrich.quantities");
    deadline.check()?;
    let keywords = keywords::keywords(named, &tokens, context.title, KEYWORDS, deadline)?;
    let summary = keywords::summary(
        named,
        &prefix_sentences,
        headings,
        &keywords,
        deadline,
    )?;
    clock.lap("enrich.keywords");
    // Byte offsets to character offsets.
    for entity in &mut entities {
        for span in &mut entity.mentions {
            *span = Span {
                start: chars.char_of(span.start),
                end: chars.char_of(span.end),
            };
        }
    }
    for quote in &mut quotes {
        quote.start = chars.char_of(quote.start);
        quote.end = chars.char_of(quote.end);
    }
    for quantity in &mut quantities {
        quantity.start = chars.char_of(quantity.start);
        quantity.end = chars.char_of(quantity.end);
    }
    Ok(Enrichment {
        sentences: sentence_ranges.len(),
        entities,
        quotes,
        quantities,
        countries,
        keywords,
        summary,
        fingerprint,
        notes,
        stage_ms: clock.laps,
    })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn an_expired_deadline_stops_enrichment_with_time_budget_exceeded() {
        let text = include_str!("../sample_article.txt");
        let started = Instant::now()
            .checked_sub(Duration::from_secs(1))
            .unwrap();
        let context = Context {
            language: Some("en"),
            deadline: Deadline::after(started, 1),
            ..Context::default()
        };
        let got = enrich(Models::for_tests(), text, &context);
        let err = got.err().unwrap();
        assert_eq!(err, ExtractError::TimeBudgetExceeded { budget_ms: 1 });
        assert_eq!(err.kind(), "time_budget_exceeded");
        // The same article without a deadline enriches.
        let context = Context {
            language: Some("en"),
            ..Context::default()
        };
        assert!(enrich(Models::for_tests(), text, &context).is_ok());
    }

    #[test]
    fn a_very_long_text_is_enriched_over_its_first_characters_and_the_notes_say_so() {
        let article = include_str!("../sample_article.txt");
        let text = vec![article; ENRICHED_CHARS / article.chars().count() + 20].join("\n\n");
        let context = Context {
            language: Some("en"),
            ..Context::default()
        };
        let enrichment = enrich(Models::for_tests(), &text, &context).unwrap();
        let note = enrichment
            .notes
            .iter()
            .find(|n| n.contains("cover the first"))
            .unwrap();
        assert!(note.ends_with(&text.chars().count().to_string()), "{note}");
        let mut mentions = enrichment.entities.iter().flat_map(|e| &e.mentions);
        assert!(mentions.clone().count() > 0);
        assert!(mentions.all(|m| m.end <= ENRICHED_CHARS));
        assert!(!enrichment.keywords.is_empty());
        // A short text has no such note.
        let short = enrich(Models::for_tests(), article, &context).unwrap();
        assert!(short.notes.is_empty(), "{:?}", short.notes);
    }
}
