//! Score floors on the corpora in `../shared/corpus` (text F1 and metadata rates on
//! readability-pages per HTML reader, entity F1 on gum-news). `#[ignore]`d so the README's test
//! command passes on a clone without `../shared`; `.ci/run` runs them with `--ignored`, and there
//! a missing `../shared` is a loud failure, never a skip.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use enricher_eval::{content, entities, quotes};
use enricher_extract::{Extractor, HtmlReader, Options};

fn shared() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        dir.join("README.md").is_file(),
        "../shared is missing at {}: these checks need it (see README, 'Tests')",
        dir.display()
    );
    dir
}

/// Score floors on `../shared/corpus/readability-pages`, per HTML reader. They only go up: raise
/// them when the extractor improves, never lower them to make a change pass.
struct ContentFloors {
    f1: f64,
    title: f64,
    byline: f64,
    language: f64,
}

const READABILITY_FLOORS: ContentFloors = ContentFloors {
    f1: 0.999,
    title: 0.99,
    byline: 0.97,
    language: 1.0,
};

/// The scoring reader's text F1 was 0.9969; issue #14 allows down to 0.99 on Readability's own
/// pages for a gain on real pages: widening to a page's `<main>` took it to 0.9950 for +0.011
/// word F1 on wcxb-dev (both halves).
/// Its title is the article's headline as the page shows it (issue #15: the `<h1>` agreed with
/// the declared titles, the site name cut), no longer Readability.js's `<title>` rules that this
/// corpus's expected titles follow ("Mozilla - Wikipedia", "How to Build a Terrarium | eHow"):
/// 0.708 measured, for wcxb-dev titles 45.8 % → 73.2 % (held-out half alike). The Readability
/// reader keeps Readability's title and its 0.99 floor.
/// Then the precision pass of 2026-12-05 (credit, teaser and prompt lines, "More from…"
/// sections) took it to 0.9903, for +0.0025 word F1 on wcxb-dev (odd half +0.003, `without`
/// snippets 6.2 % → 5.6 %): Readability's own expected output keeps captions, "Photo Credit"
/// and "Related:" lines that a news pipeline wants gone. The 0.99 is the floor now.
const SCORING_FLOORS: ContentFloors = ContentFloors {
    f1: 0.990,
    title: 0.70,
    byline: 0.97,
    language: 1.0,
};

fn assert_content_floors(reader: HtmlReader, floors: &ContentFloors) {
    let cases = content::load_cases(&shared().join("corpus/readability-pages")).unwrap();
    assert!(cases.len() >= 130, "the corpus lost pages: {}", cases.len());
    let extractor = Extractor::new(Options {
        html_reader: reader,
        ..Options::default()
    })
    .unwrap();
    let report = content::evaluate(&cases, &extractor);
    eprintln!(
        "{reader:?}\n{}",
        content::render(&report, None)
            .lines()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let figures = [
        ("text F1", report.f1, floors.f1),
        ("title", report.title_rate, floors.title),
        ("byline", report.byline_rate, floors.byline),
        ("language", report.language_rate, floors.language),
    ];
    for (name, got, floor) in figures {
        assert!(got >= floor, "{reader:?}: {name} {got:.4} < floor {floor}");
    }
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn content_extraction_stays_above_its_floors() {
    assert_eq!(HtmlReader::default(), HtmlReader::Learned);
    // The learned reader leaves declared articles and small additions to the scorer: on
    // Readability's pages it gives the scorer's output, and is held to the scorer's floors.
    assert_content_floors(HtmlReader::Learned, &SCORING_FLOORS);
    assert_content_floors(HtmlReader::Scoring, &SCORING_FLOORS);
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn the_readability_reader_stays_above_its_floors() {
    assert_content_floors(HtmlReader::Readability, &READABILITY_FLOORS);
}

/// Word-bag F1 floors on `../shared/corpus/wcxb-dev` for the scoring reader (the learned
/// reader, trained on these pages, is held to cross-validated floors below), set a
/// little below the scoring reader's figures (0.8291 overall; article 0.9451, collection
/// 0.6124, documentation 0.9187, forum 0.7264, listing 0.6016, product 0.5301, service 0.7707,
/// once React's streamed parts were put in place, `html/streamed.rs`). Only go up.
const WCXB_WORD_F1_FLOORS: [(&str, f64); 8] = [
    ("all", 0.825),
    ("article", 0.94),
    ("collection", 0.605),
    ("documentation", 0.91),
    ("forum", 0.72),
    ("listing", 0.595),
    ("product", 0.525),
    ("service", 0.765),
];

/// Metadata floors on `../shared/corpus/wcxb-dev` (title, author, publication date; exact match
/// as `eval content` compares them), a little under the measured rates (scoring reader:
/// title 0.788, author 0.818, date 0.871 after the titles and dates work of 2026-12-06, the
/// reply-date rule of the session after and the streamed parts of 2026-12-07). Only go up.
const WCXB_TITLE_FLOOR: f64 = 0.783;
const WCXB_AUTHOR_FLOOR: f64 = 0.81;
const WCXB_DATE_FLOOR: f64 = 0.868;

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn wcxb_dev_content_and_metadata_stay_above_their_floors() {
    let cases = content::load_cases(&shared().join("corpus/wcxb-dev")).unwrap();
    assert!(
        cases.len() >= 1350,
        "the corpus lost pages: {}",
        cases.len()
    );
    let extractor = Extractor::new(Options {
        html_reader: HtmlReader::Scoring,
        ..Options::default()
    })
    .unwrap();
    let report = content::evaluate(&cases, &extractor);
    assert_word_f1_floors(&report, &WCXB_WORD_F1_FLOORS);
    let overall = &report.overall;
    let figures = [
        ("title", overall.title.rate, WCXB_TITLE_FLOOR),
        ("author", overall.byline.rate, WCXB_AUTHOR_FLOOR),
        ("date", overall.date.rate, WCXB_DATE_FLOOR),
    ];
    for (name, got, floor) in figures {
        eprintln!("wcxb-dev {name} {got:.4} (floor {floor})");
        assert!(got >= floor, "wcxb-dev: {name} {got:.4} < floor {floor}");
    }
}

/// Each of `floors` (a page type, or "all") against the word-bag F1 of `report`.
fn assert_word_f1_floors(report: &content::Report, floors: &[(&str, f64)]) {
    for &(page_type, floor) in floors {
        let totals = if page_type == "all" {
            &report.overall
        } else {
            &report
                .per_type
                .iter()
                .find(|(t, _)| t == page_type)
                .unwrap_or_else(|| panic!("no {page_type} pages"))
                .1
        };
        eprintln!("{page_type}: word F1 {:.4}", totals.word_f1);
        assert!(
            totals.word_f1 >= floor,
            "{page_type}: word F1 {:.4} < floor {floor}",
            totals.word_f1
        );
    }
}

/// Cross-validated word-bag F1 floors of the learned reader on wcxb-dev (5 folds by page, each
/// page extracted by trees trained on the other four, with the shipped settings), a little
/// under the measured 0.8513 (article 0.9495, collection 0.6698, documentation 0.9187, forum
/// 0.7833, listing 0.6749, product 0.5629, service 0.8031) once declared articles of which the
/// scorer read under 1,000 characters went to the trees (2026-12-07, evening); then product
/// 0.5629 → 0.6021 and all 0.8524 → 0.8549 once a product page's review cards are left out
/// (2026-12-07, night), and forum 0.7832 → 0.7923, all 0.8556, once forum posters' signatures
/// and panels are. Only go up —
/// with two exceptions, recorded here:
/// - listing went from 0.675 to 0.665. Putting React's streamed parts in place
///   (`html/streamed.rs`) is what a browser shows; on one listing (wcxb-dev 2914) it shows a
///   launch comment three times, which the scorer then prefers to the list of products (word
///   F1 0.84 → 0.12), while the same change took 13 other pages up (0.8468 → 0.8497 overall).
/// - forum went from 0.785 to 0.78 (measured 0.7918 → 0.7833). Letting the trees read declared
///   articles the scorer read under 1,000 characters of changed 11 pages: 8 up (articles the
///   scorer cut to a teaser, 0.16 → 0.85, 0.24 → 0.95, 0.32 → 1.0; a product, a collection,
///   listings) and 3 down, among them one forum thread (wcxb-dev 4316) whose reference text is
///   the opening post alone, where the trees add the replies (1.0 → 0.07) — the thread read
///   whole, as a forum page should be.
const WCXB_LEARNED_CV_FLOORS: [(&str, f64); 8] = [
    ("all", 0.853),
    ("article", 0.945),
    ("collection", 0.665),
    ("documentation", 0.91),
    ("forum", 0.79),
    ("listing", 0.67),
    ("product", 0.595),
    ("service", 0.80),
];

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn the_learned_reader_cross_validated_on_wcxb_dev_stays_above_its_floors() {
    use enricher_eval::block_training as bt;
    let cases = content::load_cases(&shared().join("corpus/wcxb-dev")).unwrap();
    let extractor = Extractor::new(Options {
        html_reader: HtmlReader::Learned,
        ..Options::default()
    })
    .unwrap();
    let rows = bt::collect(&cases, &extractor);
    let (report, _, _) = bt::cross_validate(&cases, &rows, &extractor, 5, SHIPPED_TREES);
    assert_word_f1_floors(&report, &WCXB_LEARNED_CV_FLOORS);
}

/// The settings `crates/extract/models/blocks.txt` was trained with (its comment line).
const SHIPPED_TREES: enricher_eval::block_trees::TreeSettings =
    enricher_eval::block_trees::TreeSettings {
        trees: 200,
        depth: 4,
        rate: 0.1,
        lambda: 1.0,
        min_hessian: 0.5,
        threshold: 0.5,
        add_threshold: 0.6,
        gate: f32::MAX,
        growth: 0.3,
        defer_articles: true,
        article_chars: 1000.0,
    };

/// Entity F1 floor on `../shared/corpus/gum-news` (definition in `crates/eval/src/entities.rs`). Only
/// goes up — with one stated exception: the tagger retrained with the organisation-name and
/// common-word features (cross-validated F1 on the 495 training documents 0.555 → 0.562, the
/// check README names for tagger changes) scores 0.652 here against 0.661, two entities' repeated
/// mentions flipping ("Sea Org" ×6 as a place, a browser's name ×6 as a person) against seven
/// organisations newly found (news agencies, NASA, U.N., Microsoft); the floor went 0.655 → 0.650.
/// Sports events no longer taken from the tagger and wire datelines on lines of their own made
/// it 0.651 → 0.655 (12 fewer wrong), and the floor 0.653. The post-tagger organisation and
/// place rules of 2026-12-06 night (head words, legal forms, regions, initials in brackets) made
/// it 0.657, and the floor 0.655. The word classes and the retraining of 2026-12-07 (cross-validated
/// 0.566 → 0.581) made it 0.663, and the floor 0.660.
const ENTITY_F1_FLOOR: f64 = 0.660;

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn entity_recognition_stays_above_its_floor() {
    let docs = entities::load(&shared().join("corpus/gum-news")).unwrap();
    assert!(
        docs.len() >= 22,
        "the corpus lost documents: {}",
        docs.len()
    );
    let extractor = Extractor::new(Options::default()).unwrap();
    let pairs: Vec<_> = docs
        .iter()
        .map(|d| (d.gold.clone(), entities::predict(&extractor, d)))
        .collect();
    let scores = entities::score(&pairs);
    eprintln!("{}", entities::render(&scores, docs.len()));
    assert!(
        scores["all"].f1 >= ENTITY_F1_FLOOR,
        "entity F1 {:.4} < floor {ENTITY_F1_FLOOR}",
        scores["all"].f1
    );
}

/// Quote floors on the hand-annotated development set (`crates/eval/data/quotes`, texts read
/// from `../shared/corpus`): direct-quote recall, precision and speaker accuracy, a little under
/// the measured 98.5 %, 94.5 % and 96.0 % (60 documents; speaker 91.6 % before the pronoun and
/// full-name work of 2026-12-06, 95.1 % before the rules for the fourth batch's classes, 95.8 %
/// before "As X put it:" was read as a cue). Only go up.
const QUOTE_FLOORS: [(&str, f64); 3] = [("recall", 0.97), ("precision", 0.93), ("speaker", 0.955)];

/// Scores the quote set in `crates/eval/data/<set>` (at least `min_docs` documents) and holds
/// its direct-quote recall, precision and speaker accuracy to `floors`.
fn assert_quote_floors(set: &str, min_docs: usize, floors: [(&str, f64); 3]) {
    let corpus = shared().join("corpus");
    let extractor = Extractor::new(Options::default()).unwrap();
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(set);
    let docs = quotes::evaluate(&extractor, &data, &corpus, None).unwrap();
    assert!(
        docs.len() >= min_docs,
        "{set} lost documents: {}",
        docs.len()
    );
    let all = quotes::report::score(&docs).all;
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let figures = [
        ratio(all.direct_found, all.direct),
        ratio(all.predicted_right, all.predicted),
        ratio(all.speaker_right, all.with_speaker),
    ];
    for ((name, floor), got) in floors.into_iter().zip(figures) {
        eprintln!("{set} {name} {got:.4} (floor {floor})");
        assert!(got >= floor, "{set}: {name} {got:.4} < floor {floor}");
    }
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn quote_attribution_stays_above_its_floors() {
    assert_quote_floors("quotes", 40, QUOTE_FLOORS);
}

/// Quote floors on the second batch annotated blind (`crates/eval/data/quotes-heldout2`, 11
/// articles, 104 direct quotes; scored blind once: 100 %, 89.6 %, 85.6 %), a little under the
/// 100 %, 96.0 % and 97.1 % measured after the rules written for its classes (93.3 % before the
/// pronoun work of 2026-12-06) — a development set since then. Only go up.
const QUOTE_HELDOUT2_FLOORS: [(&str, f64); 3] =
    [("recall", 0.99), ("precision", 0.95), ("speaker", 0.96)];

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn quote_attribution_on_the_second_held_out_batch_stays_above_its_floors() {
    assert_quote_floors("quotes-heldout2", 11, QUOTE_HELDOUT2_FLOORS);
}

/// Quote floors on the third batch annotated blind (`crates/eval/data/quotes-heldout3`, 10
/// articles, 116 direct quotes; scored blind once: 98.3 %, 90.1 %, 78.1 %), a little under the
/// 98.3 %, 90.1 % and 95.6 % measured after the rules written for the classes of its errors
/// (user names as speakers and pronoun referents, a participle after a comma, a person before a
/// colon, a noun phrase before its past-tense verb; 83.3 % before) — a development set since
/// then. Only go up.
const QUOTE_HELDOUT3_FLOORS: [(&str, f64); 3] =
    [("recall", 0.98), ("precision", 0.89), ("speaker", 0.95)];

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn quote_attribution_on_the_third_held_out_batch_stays_above_its_floors() {
    assert_quote_floors("quotes-heldout3", 10, QUOTE_HELDOUT3_FLOORS);
}

/// Quote floors on the fourth batch annotated blind (`crates/eval/data/quotes-heldout4`, 9
/// documents, 87 direct quotes; scored blind once, after the rules developed on the third batch:
/// 100 %, 95.5 %, 78.2 %; 77.0 % with the code before those rules), a little under the 100 %,
/// 95.5 % and 96.6 % measured after the rules written for the classes of its errors — a
/// development set since then. Only go up.
const QUOTE_HELDOUT4_FLOORS: [(&str, f64); 3] =
    [("recall", 0.99), ("precision", 0.95), ("speaker", 0.96)];

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn quote_attribution_on_the_fourth_held_out_batch_stays_above_its_floors() {
    assert_quote_floors("quotes-heldout4", 9, QUOTE_HELDOUT4_FLOORS);
}

/// Quote floors on the sixth batch annotated blind (`crates/eval/data/quotes-heldout6`, 12 news
/// pages — ten front and section pages of news sites, two short articles — 23 direct quotes
/// among 115 quotations, most of them not attributed; scored blind once: 91.3 % recall (21/23),
/// 87.0 % precision (40/46), 71.4 % speaker accuracy (15/21)), set a little under those. Only go
/// up.
const QUOTE_HELDOUT6_FLOORS: [(&str, f64); 3] =
    [("recall", 0.90), ("precision", 0.86), ("speaker", 0.70)];

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn quote_attribution_on_the_sixth_held_out_batch_stays_above_its_floors() {
    assert_quote_floors("quotes-heldout6", 12, QUOTE_HELDOUT6_FLOORS);
}
