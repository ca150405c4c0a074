//! Checks of the seed article in `../shared/seeds` (the article this project was created from):
//! its golden record. `#[ignore]`d so the README's test command passes on a clone without
//! `../shared`; `.ci/run` runs them with `--ignored`, and there a missing `../shared` is a loud
//! failure, never a skip.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use enricher_extract::record::{CountryVia, EntityKind};
use enricher_extract::{BodyHints, Extractor, Options, Record, Source};

fn shared() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        dir.join("README.md").is_file(),
        "../shared is missing at {}: these checks need it (see README, 'Tests')",
        dir.display()
    );
    dir
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn the_seed_article_gives_its_title_dateline_sections_and_no_boilerplate() {
    let body =
        std::fs::read(shared().join("seeds/000_dbd028569688f37c.txt")).expect("the seed article");
    let hints = BodyHints {
        content_type: Some("text/plain"),
        message_id: None,
    };
    let record = Extractor::new(Options::default())
        .unwrap()
        .process(&body, hints, Source::default())
        .unwrap();
    assert_eq!(
        record.title.as_deref(),
        Some(
            "Petro Invites Trump to Colombia Amid Escalating War of Words Over Drug Trafficking Claims"
        )
    );
    assert_eq!(
        record.dateline.as_ref().map(|d| d.place.as_str()),
        Some("BOGOTÁ")
    );
    assert_eq!(record.language.as_deref(), Some("en"));
    let headings: Vec<&str> = record.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Petro Pushes Back: “Trump Is Misinformed”",
            "Context: Venezuela, Maduro, and Petro’s Amnesty Proposal",
            "A Diplomatic Rift Deepens"
        ]
    );
    for boilerplate in ["PNFPB", "Install", "home screen", "Scroll to Top"] {
        assert!(
            !record.text.contains(boilerplate),
            "{boilerplate:?} left in the text"
        );
    }
    assert!(
        record
            .text
            .starts_with("BOGOTÁ — Colombian President Gustavo Petro")
    );
    assert!(record.text.ends_with("on both sides of the hemisphere."));
}

fn seed_record() -> Record {
    let body =
        std::fs::read(shared().join("seeds/000_dbd028569688f37c.txt")).expect("the seed article");
    let hints = BodyHints {
        content_type: Some("text/plain"),
        message_id: None,
    };
    Extractor::new(Options::default())
        .unwrap()
        .process(&body, hints, Source::default())
        .unwrap()
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn the_seed_record_has_its_people_places_quotes_figures_and_countries() {
    let record = seed_record();
    let persons: Vec<&enricher_extract::record::Entity> = record
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    let mut names: Vec<&str> = persons.iter().map(|e| e.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Donald Trump",
            "Gustavo Petro",
            "Nicolás Maduro",
            "Pedro Sánchez"
        ],
        "exactly four persons"
    );
    let person = |name: &str| persons.iter().find(|e| e.name == name).unwrap();
    assert!(
        person("Gustavo Petro")
            .aliases
            .contains(&"Petro".to_owned())
    );
    assert!(
        person("Gustavo Petro")
            .roles
            .contains(&"Colombian President".to_owned())
    );
    assert!(person("Donald Trump").aliases.contains(&"Trump".to_owned()));
    assert!(
        person("Donald Trump")
            .roles
            .contains(&"U.S. President".to_owned())
    );
    assert!(
        person("Pedro Sánchez")
            .roles
            .contains(&"Defense Minister".to_owned())
    );
    assert!(
        person("Nicolás Maduro")
            .aliases
            .contains(&"Maduro".to_owned())
    );
    let locations: Vec<&str> = record
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Location)
        .map(|e| e.name.as_str())
        .collect();
    for place in ["Colombia", "Venezuela", "Bogotá", "Washington"] {
        assert!(
            locations.contains(&place),
            "{place} missing from {locations:?}"
        );
    }
    // Mentions point at their names in the text.
    let chars: Vec<char> = record.text.chars().collect();
    for entity in &record.entities {
        for m in &entity.mentions {
            let said: String = chars[m.start..m.end].iter().collect();
            assert!(
                said == entity.name || entity.aliases.contains(&said),
                "{said:?} for {}",
                entity.name
            );
        }
    }
    let mut codes: Vec<&str> = record.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["CO", "US", "VE"]);
    let co = record.countries.iter().find(|c| c.code == "CO").unwrap();
    for via in [
        CountryVia::Flag,
        CountryVia::Name,
        CountryVia::Demonym,
        CountryVia::Dateline,
    ] {
        assert!(co.via.contains(&via), "CO via {via}: {:?}", co.via);
    }
    assert!(
        record
            .countries
            .iter()
            .find(|c| c.code == "US")
            .unwrap()
            .via
            .contains(&CountryVia::Flag)
    );

    let speaker_of = |start: &str| {
        let quote = record
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start:?}"));
        quote.speaker.clone().unwrap_or_default()
    };
    for (quote, speaker) in [
        ("Trump will decide whether or not he wants", "Gustavo Petro"),
        ("They tell me not to respond", "Gustavo Petro"),
        ("quite hostile", "Donald Trump"),
        ("hasn’t really thought much about him", "Donald Trump"),
        ("It’s a shame because", "Gustavo Petro"),
        (
            "did not reach the streets of consumer countries",
            "Pedro Sánchez",
        ),
        ("The Maduro government must understand", "Gustavo Petro"),
        ("A country is defended with more democracy", "Gustavo Petro"),
        ("misinformed", "Gustavo Petro"),
    ] {
        assert_eq!(speaker_of(quote), speaker, "speaker of {quote:?}");
    }
    assert!(
        speaker_of("complicate").ends_with("advisers"),
        "{}",
        speaker_of("complicate")
    );
    let quote = record
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Trump will decide"))
        .unwrap();
    assert_eq!(quote.cue.as_deref(), Some("said"));
    assert_eq!(
        record
            .quotes
            .iter()
            .find(|q| q.text.starts_with("They tell me"))
            .unwrap()
            .cue
            .as_deref(),
        Some("insisted")
    );

    let quantity = |text: &str| {
        record
            .quantities
            .iter()
            .find(|q| q.text == text)
            .unwrap_or_else(|| panic!("no quantity {text:?}"))
    };
    assert_eq!(
        (quantity("1,446").value, quantity("1,446").item.as_deref()),
        (1446.0, Some("ground battles"))
    );
    assert_eq!(quantity("12").item.as_deref(), Some("bombings"));
    assert_eq!(
        (
            quantity("2,700 tons").value,
            quantity("2,700 tons").item.as_deref()
        ),
        (2700.0, Some("cocaine"))
    );
    assert_eq!(quantity("4,000 tons").unit.as_deref(), Some("tons"));
    assert_eq!(
        (
            quantity("30 billion").value,
            quantity("30 billion").item.as_deref()
        ),
        (30e9, Some("doses"))
    );

    assert!(record.keywords.iter().any(|k| k.term == "petro"));
    let summary = record.summary.as_deref().unwrap();
    assert!(
        summary.starts_with("BOGOTÁ — Colombian President Gustavo Petro"),
        "{summary}"
    );
    assert_eq!(record.fingerprint.sha256.len(), 64);
    assert_eq!(record.stats.sentences, 23);
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn the_seed_as_an_html_page_gives_the_same_title_text_and_sections_as_as_text() {
    let seed = std::fs::read_to_string(shared().join("seeds/000_dbd028569688f37c.txt"))
        .expect("the seed article");
    common::assert_html_matches_text(&seed, "PNFPB");
}
