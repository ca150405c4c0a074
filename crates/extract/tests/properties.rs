//! Properties over arbitrary input: the pipeline never panics, enforces its limits, and every
//! record it does produce is well-formed.

#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;

use enricher_extract::{BodyHints, ExtractError, Extractor, HtmlReader, Limits, Options, Source};
use proptest::prelude::*;

const CONTENT_TYPES: [Option<&str>; 5] = [
    None,
    Some("text/html"),
    Some("text/plain"),
    Some("application/json"),
    Some("application/octet-stream"),
];

fn small_limits() -> Limits {
    Limits {
        max_body_bytes: 64 * 1024,
        max_html_nodes: 60,
        max_html_depth: 12,
        time_budget_ms: 60_000,
    }
}

/// Extractors with small limits, one per HTML reader, so that each property runs on all three
/// (built once: loading the models for every case would dominate the run).
static READERS: LazyLock<[Extractor; 3]> = LazyLock::new(|| {
    [
        HtmlReader::Readability,
        HtmlReader::Scoring,
        HtmlReader::Learned,
    ]
    .map(|html_reader| {
        Extractor::new(Options {
            limits: small_limits(),
            html_reader,
            ..Options::default()
        })
        .unwrap()
    })
});

/// The default extractor.
static DEFAULT: LazyLock<Extractor> = LazyLock::new(|| Extractor::new(Options::default()).unwrap());

/// Elements an HTML tokenizer would open: `<` followed by a letter.
fn element_count(bytes: &[u8]) -> usize {
    bytes
        .windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_and_give_a_record_or_a_typed_error(
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        ct in 0..CONTENT_TYPES.len(),
        reader in 0..2usize,
    ) {
        let hints = BodyHints { content_type: CONTENT_TYPES[ct], message_id: None };
        match READERS[reader].process(&body, hints, Source::default()) {
            Ok(record) => {
                prop_assert!(record.text.chars().any(char::is_alphanumeric));
                prop_assert!(!record.id.is_empty());
            }
            Err(error) => prop_assert!(!error.kind().is_empty()),
        }
    }

    #[test]
    fn tag_soup_never_panics_and_never_gets_past_the_limits(
        soup in "(<(div|p|span|b|ul|li|table|tr|td|article|h2|script|style)( class=\"[a-z]{1,6}\")?>|</(div|p|span|b|ul|li|table|tr|td|article|h2)>|[A-Za-z .,]{0,12}|<br>|<!--[a-z]{0,5}-->){0,150}",
        reader in 0..2usize,
    ) {
        let html = format!("<html><body>{soup}</body></html>");
        let hints = BodyHints { content_type: Some("text/html"), message_id: None };
        let limits = small_limits();
        let result = READERS[reader].process(html.as_bytes(), hints, Source::default());
        if element_count(html.as_bytes()) > limits.max_html_nodes && !html.contains("<script") && !html.contains("<style") && !html.contains("<!--") {
            prop_assert_eq!(result.as_ref().err(), Some(&ExtractError::HtmlTooManyNodes { limit: limits.max_html_nodes }));
        }
        if let Ok(record) = result {
            prop_assert!(!record.text.is_empty());
            prop_assert!(record.title.as_deref().is_none_or(|t| !t.contains('\n')));
        }
    }

    #[test]
    fn any_utf8_text_never_panics(text in "\\PC{0,400}") {
        let hints = BodyHints { content_type: Some("text/plain"), message_id: None };
        let _ = DEFAULT.process(text.as_bytes(), hints, Source::default());
    }

    #[test]
    fn every_offset_is_inside_the_text_and_names_what_it_points_at(
        words in proptest::collection::vec("(Ana Ruiz|Paris|President|said|“We will win,”|\"Yes\"|U\\.S\\.|1,200 tons of|wheat|the|é|🇫🇷|[A-Z][a-zé]{1,8}|[a-z]{1,8}|,|\\.|\n\n)", 1..120),
    ) {
        let text = format!("Headline Here\n\n{}", words.join(" "));
        let hints = BodyHints { content_type: Some("text/plain"), message_id: None };
        if let Ok(record) = DEFAULT.process(text.as_bytes(), hints, Source::default()) {
            let chars: Vec<char> = record.text.chars().collect();
            let slice = |start: usize, end: usize| chars[start..end].iter().collect::<String>();
            for entity in &record.entities {
                for m in &entity.mentions {
                    prop_assert!(m.start < m.end && m.end <= chars.len());
                    let said = slice(m.start, m.end);
                    prop_assert!(said == entity.name || entity.aliases.contains(&said), "{said:?} is not {entity:?}");
                }
            }
            for quote in &record.quotes {
                prop_assert!(quote.start <= quote.end && quote.end <= chars.len());
                prop_assert!(quote.speaker_entity.is_none_or(|i| i < record.entities.len()));
            }
            for quantity in &record.quantities {
                prop_assert!(quantity.start < quantity.end && quantity.end <= chars.len());
                prop_assert_eq!(slice(quantity.start, quantity.end), quantity.text.clone());
            }
        }
    }
}
