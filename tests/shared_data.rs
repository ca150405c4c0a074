//! Checks that read `../shared` (the seed article, later the corpora). They are `#[ignore]`d so
//! the README's test command passes on a clone without `../shared`; `.ci/run` runs them with
//! `--ignored`, and there a missing `../shared` is a loud failure, never a skip.

use std::path::PathBuf;

use article_enricher::pipeline::{self, BodyHints, Limits, Source};

fn shared() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
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
    let record = pipeline::process(&body, hints, Source::default(), &Limits::default()).unwrap();
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
