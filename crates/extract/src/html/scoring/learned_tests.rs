//! Unit tests of the learned pass with hand-made trees: where the classifier agrees with the
//! scorer the output is the scorer's, block for block; what it adds is read in document order
//! around the scorer's blocks; its gates (declared articles, too little added) leave a page
//! to the scorer.

use super::block_model::{BlockModel, FEATURES, Tree, with_model};
use super::*;

const PARAGRAPH: &str = "The council approved the new bridge on Tuesday, after a long debate \
                         about its cost, its design and the traffic it will bring to the old town.";

/// Input indices of the features the trees below split on.
const IN_ASIDE: u16 = 15;
const LOOSE: u16 = 11;
const SELECTED: u16 = FEATURES as u16;

/// A depth-2 tree: a unit the scorer selected is kept; another is added when input `added_by`
/// is set.
fn model(added_by: u16, growth: f32, defer_articles: bool) -> BlockModel {
    BlockModel {
        depth: 2,
        growth,
        defer_articles,
        trees: vec![Tree {
            features: vec![SELECTED, added_by, 0],
            thresholds: vec![0.5, 0.5, 2.0],
            leaves: vec![-5.0, 5.0, 5.0, 5.0],
        }],
        ..BlockModel::default()
    }
}

/// The blocks of `html` read with `model` (none: the scorer alone).
fn read(html: &str, model: Option<BlockModel>, declares_article: bool) -> Vec<Block> {
    let doc = Document::from(html);
    let learning = Learning {
        model: true,
        declares_article,
        declares_product: false,
    };
    with_model(model, || main_content(&doc, "", None, learning))
        .unwrap()
        .blocks
}

/// `n` paragraphs, each [`PARAGRAPH`] with its number in front (the learned reader drops a
/// block that repeats an earlier one word for word).
fn paragraphs(n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{i}. {PARAGRAPH}")).collect()
}

fn html_paragraphs(n: usize) -> String {
    paragraphs(n).iter().map(|p| format!("<p>{p}</p>")).collect()
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(|b| b.text.as_str()).collect()
}

/// An article the scorer reads whole, and after it an aside of three cards it leaves out.
fn page_with_cards() -> String {
    let cards: String = (1..=3)
        .map(|i| {
            format!(
                "<li><h3>Card {i}</h3><p>Card {i} tells how the ferry crossing works in winter, \
                 when the river is high and the timetable changes every week.</p></li>"
            )
        })
        .collect();
    format!(
        "<html><body><nav><a href=\"/\">Home</a></nav><div id=\"story\"><h2>The bridge</h2>{}\
         <ul><li>A first point, with a comma.</li><li>A second point.</li></ul></div>\
         <aside><ul>{cards}</ul></aside></body></html>",
        html_paragraphs(4)
    )
}

#[test]
fn a_model_that_agrees_with_the_scorer_gives_the_scorers_blocks_exactly() {
    let html = page_with_cards();
    let scorer = read(&html, None, false);
    let agreeing = read(&html, Some(model(SELECTED, 0.0, false)), false);
    assert!(texts(&scorer).contains(&"A second point."), "{:?}", texts(&scorer));
    assert!(!texts(&scorer).concat().contains("Card 1"));
    assert_eq!(agreeing, scorer);
}

#[test]
fn added_units_are_read_in_document_order_after_the_scorers_blocks() {
    let html = page_with_cards();
    let scorer = read(&html, None, false);
    let got = read(&html, Some(model(IN_ASIDE, 0.3, false)), false);
    // The scorer's blocks come first, unchanged, markup included.
    assert_eq!(got[..scorer.len()], scorer[..]);
    let added = texts(&got[scorer.len()..]);
    assert_eq!(added.len(), 6, "{added:?}");
    assert_eq!(added[0], "Card 1");
    assert!(added[5].starts_with("Card 3 tells how"), "{added:?}");
    assert!(!texts(&got).contains(&"Home"));
}

#[test]
fn a_page_that_declares_an_article_is_left_to_the_scorer_when_the_model_says_so() {
    let html = page_with_cards();
    let scorer = read(&html, None, false);
    assert_eq!(read(&html, Some(model(IN_ASIDE, 0.3, true)), true), scorer);
    assert_ne!(read(&html, Some(model(IN_ASIDE, 0.3, false)), true), scorer);
}

#[test]
fn a_declared_article_the_scorer_read_little_of_is_read_by_the_model() {
    let html = page_with_cards();
    let scorer = read(&html, None, false);
    let story: usize = texts(&scorer).iter().map(|t| t.chars().count()).sum();
    let deferring = |article_chars: f32| BlockModel {
        article_chars,
        ..model(IN_ASIDE, 0.3, true)
    };
    // The scorer's choice holds fewer characters than the bar: the model adds the cards.
    let short = read(&html, Some(deferring(story as f32 * 2.0)), true);
    assert!(texts(&short).concat().contains("Card 1"), "{:?}", texts(&short));
    // It holds more: the scorer's choice stands.
    assert_eq!(read(&html, Some(deferring(story as f32 / 2.0)), true), scorer);
}

#[test]
fn additions_that_grow_the_content_too_little_are_not_taken() {
    let html = page_with_cards();
    let scorer = read(&html, None, false);
    // The cards hold about half as many characters as the story.
    assert_eq!(read(&html, Some(model(IN_ASIDE, 1.0, false)), false), scorer);
    assert_ne!(read(&html, Some(model(IN_ASIDE, 0.3, false)), false), scorer);
}

#[test]
fn an_added_unit_inside_an_element_the_scorer_cleaned_out_is_read_in_its_place() {
    let html = format!(
        "<html><body><article>{}<p style=\"display: none\">Hidden teaser text.</p>\
         <div class=\"share\">Share on Facebook, Twitter, email</div>{}</article></body></html>",
        html_paragraphs(3),
        paragraphs(6)[3..]
            .iter()
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let scorer = read(&html, None, false);
    let numbered = paragraphs(6);
    assert_eq!(texts(&scorer), numbered);
    let got = read(&html, Some(model(LOOSE, 0.0, false)), false);
    let mut expected: Vec<&str> = numbered.iter().map(String::as_str).collect();
    expected.insert(3, "Share on Facebook, Twitter, email");
    assert_eq!(texts(&got), expected);
}

#[test]
fn where_the_model_decides_a_block_that_repeats_an_earlier_one_word_for_word_is_read_once() {
    let html = format!(
        "<html><body><article><div class=\"wide\">{}</div><div class=\"narrow\">{}</div>\
         </article><div>Loose words beside the story, which the model adds.</div></body></html>",
        html_paragraphs(3),
        html_paragraphs(3).to_uppercase()
    );
    let scorer = read(&html, None, false);
    assert_eq!(scorer.len(), 6, "the scorer keeps both copies: {:?}", texts(&scorer));
    let got = read(&html, Some(model(LOOSE, 0.0, false)), false);
    let mut expected: Vec<String> = paragraphs(3);
    expected.push("Loose words beside the story, which the model adds.".to_owned());
    assert_eq!(texts(&got), expected);
}

#[test]
fn the_model_adds_no_unit_of_a_run_of_review_cards() {
    let html = page_with_cards().replace("<li><h3>", "<li class=\"review-item\"><h3>");
    let scorer = read(&html, None, false);
    let got = read(&html, Some(model(IN_ASIDE, 0.3, false)), false);
    assert!(!texts(&got).concat().contains("Card 1"), "{:?}", texts(&got));
    assert_eq!(got, scorer);
    // The same cards under another class are added (the test above's page).
    let plain = read(&page_with_cards(), Some(model(IN_ASIDE, 0.3, false)), false);
    assert!(texts(&plain).concat().contains("Card 1"));
}

#[test]
fn the_model_adds_no_unit_of_a_forum_posters_signature() {
    let html = page_with_cards().replace("<li><h3>", "<li class=\"post-signature\"><h3>");
    let got = read(&html, Some(model(IN_ASIDE, 0.3, false)), false);
    assert!(!texts(&got).concat().contains("Card 1"), "{:?}", texts(&got));
}
