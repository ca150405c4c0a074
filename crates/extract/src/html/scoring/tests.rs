//! Unit tests of the scoring reader: whole pages in, the kept blocks' texts out.

use super::*;
use super::vocabulary::{is_author_box, is_button_name, is_chrome_name, is_notice, word_groups};

const PARAGRAPH: &str = "The council approved the new bridge on Tuesday, after a long debate \
                         about its cost, its design and the traffic it will bring to the old town.";

fn texts(html: &str) -> Vec<String> {
    let doc = Document::from(html);
    let skip = byline_element(&doc).map(|(id, _)| id);
    main_content(&doc, "", skip, Learning::default())
        .unwrap()
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect()
}

fn links(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<li><a href=\"/story/{i}\">Another story number {i} worth a click</a></li>"
            )
        })
        .collect()
}

#[test]
fn the_article_wins_over_navigation_sidebars_and_link_lists() {
    let html = format!(
        "<html><body><div class=\"menu\"><ul>{}</ul></div>\
         <div id=\"main\"><div class=\"story\">{}</div>\
         <div class=\"more\"><ul>{}</ul></div></div>\
         <div class=\"sidebar\"><p>Popular now, and trending.</p><ul>{}</ul></div></body></html>",
        links(8),
        format!("<p>{PARAGRAPH}</p>").repeat(6),
        links(6),
        links(8)
    );
    let got = texts(&html);
    assert_eq!(got.len(), 6, "{got:?}");
    assert!(got.iter().all(|t| t == PARAGRAPH), "{got:?}");
}

#[test]
fn the_byline_element_is_found_and_left_out_of_the_content() {
    let html = format!(
        "<html><body><article><span class=\"byline\">By <span itemprop=\"name\">Ana Ruiz</span></span>{}</article></body></html>",
        format!("<p>{PARAGRAPH}</p>").repeat(5)
    );
    let doc = Document::from(html.as_str());
    let (_, name) = byline_element(&doc).unwrap();
    assert_eq!(name, "Ana Ruiz");
    assert!(texts(&html).iter().all(|t| !t.contains("Ana Ruiz")));
}

#[test]
fn hidden_elements_and_share_widgets_are_not_content() {
    let html = format!(
        "<html><body><article>{}<p style=\"display: none\">Hidden teaser text that should never show up anywhere.</p>\
         <div class=\"share\">Share on Facebook, Twitter, email</div>{}</article></body></html>",
        format!("<p>{PARAGRAPH}</p>").repeat(3),
        format!("<p>{PARAGRAPH}</p>").repeat(3)
    );
    let got = texts(&html);
    assert_eq!(got, vec![PARAGRAPH.to_owned(); 6]);
}

#[test]
fn paragraphs_split_over_sibling_containers_are_joined() {
    let part = format!(
        "<div class=\"body-part\">{}</div>",
        format!("<p>{PARAGRAPH}</p>").repeat(4)
    );
    let html = format!(
        "<html><body><div>{part}<div class=\"ad-slot\"><a href=\"/ad\">Sponsored</a></div>{part}</div></body></html>"
    );
    assert_eq!(texts(&html).len(), 8);
}

#[test]
fn loose_text_in_a_container_is_scored_as_paragraphs() {
    let html = format!(
        "<html><body><div class=\"nav\"><a href=\"/\">Home</a></div><div id=\"story\">{}</div></body></html>",
        format!("{PARAGRAPH}<br><br>").repeat(6)
    );
    let got = texts(&html);
    assert!(got.concat().contains("old town."), "{got:?}");
    assert!(!got.concat().contains("Home"), "{got:?}");
}
fn article_with(inner: &str) -> Vec<String> {
    let paragraphs = format!("<p>{PARAGRAPH}</p>").repeat(4);
    texts(&format!(
        "<html><body><div id=\"story\">{paragraphs}{inner}{paragraphs}</div></body></html>"
    ))
}

#[test]
fn a_widget_left_with_an_ad_label_once_its_links_are_gone_is_removed() {
    // The credits go first (all link text); the box then holds only "Advertising".
    let got = article_with(
        "<div class=\"inread\"><div><div class=\"label\">Advertising</div>\
         <div class=\"credits\"><a href=\"http://ads.example\">Video ads by Example</a></div>\
         </div></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
}

#[test]
fn a_caption_beside_an_image_counts_as_a_paragraph_and_stays() {
    let got = article_with(
        "<div class=\"thumb\"><div class=\"thumbinner\"><a href=\"/f.png\"><img src=\"/f.png\"></a>\
         <div class=\"thumbcaption\"><div class=\"magnify\"><a href=\"/f\" title=\"Enlarge\"></a></div>\
         The new bridge at dusk</div></div></div>",
    );
    assert!(got.iter().any(|t| t == "The new bridge at dusk"), "{got:?}");
}

#[test]
fn a_bare_hash_link_counts_as_a_full_link() {
    // 13 of 34 characters are link text: kept at Readability's 0.3 weight for in-page
    // links, removed at full weight.
    let got = article_with(
        "<div class=\"gallery\"><h2>Business in pictures</h2><ul><li></li><li>\
         <a href=\"#\">show all 50</a></li></ul></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
}

#[test]
fn a_joined_aside_is_renamed_and_kept() {
    let html = format!(
        "<html><body><div id=\"page\"><div class=\"post\">{}</div>\
         <aside class=\"bio\">{}</aside></div></body></html>",
        format!("<p>{PARAGRAPH}</p>").repeat(5),
        format!("<p>{PARAGRAPH}</p>").repeat(3)
    );
    assert_eq!(texts(&html).len(), 8);
}
#[test]
fn text_removed_inside_a_heading_leaves_the_heading_share_of_its_container() {
    // Without its button the heading is 12 of the box's 19 characters, not all of them, so
    // the short, linked box goes (Readability's short-block rule, whatever the class bonus).
    let got = article_with(
        "<div class=\"story-heading\"><h2>Struct Mutex <button>Copy item path</button></h2>\
         <span><a href=\"/src/mutex.rs\">Source</a></span></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
}

#[test]
fn an_author_box_inside_the_article_is_not_content() {
    let got = article_with(
        "<div class=\"post-author-box\"><img src=\"/ana.jpg\"><h3>Ana Ruiz</h3>\
         <p>Ana Ruiz covers city hall and transport for the paper and has written about the \
         bridge since the first plans were drawn up ten years ago.</p></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(got.iter().all(|t| !t.contains("Ana Ruiz")), "{got:?}");
}

#[test]
fn a_long_element_named_for_its_author_stays() {
    let long = format!("<p>{PARAGRAPH}</p>").repeat(12);
    let got = article_with(&format!("<div class=\"author-info-layout\">{long}</div>"));
    assert_eq!(got.len(), 20, "{got:?}");
}

#[test]
fn author_boxes_are_named_by_author_and_a_box_word() {
    for name in ["author-bio", "about-the-author", "about_author", "authorBox", "cs-entry__author-info"] {
        assert!(is_author_box(name, word_groups(name)), "{name}");
    }
    for name in ["author", "post-author-name", "byline", "authors-list", "bio"] {
        assert!(!is_author_box(name, word_groups(name)), "{name}");
    }
}

#[test]
fn a_disclosure_inside_the_article_is_left_out() {
    let got = article_with(
        "<div class=\"affiliate-disclosure\"><p>We may earn a commission when you buy \
         through the links on this page, at no cost to you.</p></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(got.iter().all(|t| t == PARAGRAPH), "{got:?}");
}

#[test]
fn a_menu_or_a_nav_of_links_inside_the_article_is_left_out() {
    for inner in [
        "<ul class=\"post-menu\"><li><a href=\"/a\">Harbour news</a></li>\
         <li><a href=\"/b\">Ferry times</a></li><li><a href=\"/c\">Tide tables</a></li></ul>",
        "<nav><a href=\"/a\">Previous story</a> <a href=\"/b\">Next story</a></nav>",
    ] {
        let got = article_with(inner);
        assert_eq!(got.len(), 8, "{inner}: {got:?}");
        assert!(got.iter().all(|t| t == PARAGRAPH), "{got:?}");
    }
}

#[test]
fn an_element_named_chrome_stays_when_its_text_is_not_links() {
    let note = "The ferry timetable changes again in March, when the winter service ends.";
    let got = article_with(&format!(
        "<div class=\"breadcrumb-note\"><p>{note} See <a href=\"/t\">times</a>.</p></div>"
    ));
    assert_eq!(got.len(), 9, "{got:?}");
}

#[test]
fn notices_and_chrome_are_named_by_their_class_words() {
    for name in ["affiliate-disclosure", "footer-disclaimer", "DisclaimerBox"] {
        assert!(is_notice(name), "{name}");
    }
    assert!(!is_notice("disclose-all"));
    for name in ["menu-item", "breadcrumbs", "footer-links", "pagination", "social-icons"] {
        assert!(is_chrome_name(name), "{name}");
    }
    for name in ["sidebar-content", "card-header", "related", "main-menu-article", ""] {
        assert!(!is_chrome_name(name), "{name}");
    }
}

#[test]
fn a_link_styled_as_a_button_inside_the_article_is_left_out() {
    let got = article_with(
        "<p><a class=\"btn btn-primary\" href=\"/subscribe\">Subscribe now</a></p>\
         <div class=\"wp-block-button\"><a class=\"wp-block-button__link\" href=\"/demo\">\
         Book a demo</a></div>",
    );
    assert_eq!(got.len(), 8, "{got:?}");
    assert!(got.iter().all(|t| t == PARAGRAPH), "{got:?}");
}

#[test]
fn a_plain_link_or_a_long_one_named_a_button_stays() {
    let got = article_with(
        "<p>The <a href=\"/ferry\">ferry timetable</a> changes in March.</p>\
         <p><a class=\"button-like\" href=\"/t\">The winter timetable of the harbour ferries, \
         with every crossing and its fare</a></p>",
    );
    assert_eq!(got.len(), 10, "{got:?}");
}

#[test]
fn buttons_are_named_by_a_word_of_their_class() {
    for name in ["btn", "btn-primary", "wp-block-button__link", "cta", "Button--large"] {
        assert!(is_button_name(name), "{name}");
    }
    for name in ["subtitle", "nobutton", "ctabar", "", "abtn-link"] {
        assert!(!is_button_name(name), "{name}");
    }
}

/// A shop's product page: a description, then customer reviews as like cards.
fn product_page(card_class: &str) -> String {
    let review = |who: &str| {
        format!(
            "<div class=\"{card_class}\"><h4>{who}</h4><p>I bought this kettle for the office, \
             and after three months it still boils fast, although the lid squeaks a little, \
             which nobody else seems to notice.</p></div>"
        )
    };
    format!(
        "<html><body><main><h1>Steel Kettle</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>\
         <p>{PARAGRAPH}</p><section class=\"reviews\">{}{}{}</section></main></body></html>",
        review("Sam, Leeds"),
        review("Ana, Porto"),
        review("Lee, Austin"),
    )
}

fn texts_with(html: &str, learning: Learning) -> Vec<String> {
    let doc = Document::from(html);
    main_content(&doc, "", None, learning)
        .unwrap()
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect()
}

#[test]
fn a_product_page_leaves_its_customer_reviews_out() {
    let product = Learning {
        declares_product: true,
        ..Learning::default()
    };
    let got = texts_with(&product_page("review-card"), product);
    assert!(got.iter().any(|t| t.contains("council approved")), "{got:?}");
    assert!(got.iter().all(|t| !t.contains("kettle for the office")), "{got:?}");
    assert!(got.iter().all(|t| !t.contains("Sam, Leeds")), "{got:?}");
}

#[test]
fn review_cards_stay_on_a_page_that_declares_no_product() {
    let got = texts_with(&product_page("review-card"), Learning::default());
    assert_eq!(
        got.iter().filter(|t| t.contains("kettle for the office")).count(),
        3,
        "{got:?}"
    );
}

#[test]
fn like_cards_not_named_reviews_stay_on_a_product_page() {
    let product = Learning {
        declares_product: true,
        ..Learning::default()
    };
    let got = texts_with(&product_page("preview-card"), product);
    assert_eq!(
        got.iter().filter(|t| t.contains("kettle for the office")).count(),
        3,
        "{got:?}"
    );
}

/// A thread of three posts of four paragraphs (~1,600 characters in all), each with the poster's
/// panel and signature, in an element of class `wrapper`.
fn thread(wrapper: &str) -> String {
    let post = |who: &str| {
        format!(
            "<div class=\"post\"><dl class=\"postprofile\"><dt>{who}</dt><dd>Posts: 6217</dd>\
             <dd>Joined: Oct 05, 2011</dd></dl><div class=\"content\">{}</div><div class=\"signature\">Sent from my phone, {who}</div></div>",
            format!("<p>{PARAGRAPH}</p>").repeat(4)
        )
    };
    format!(
        "<html><body><div class=\"{wrapper}\">{}{}{}</div></body></html>",
        post("Sam"),
        post("Ana"),
        post("Lee")
    )
}

#[test]
fn a_forum_posters_signature_and_panel_are_left_out_of_the_thread() {
    let got = texts(&thread("topic"));
    assert_eq!(
        got.iter().filter(|t| t.contains("council approved")).count(),
        12,
        "{got:?}"
    );
    assert!(got.iter().all(|t| !t.contains("Sent from my phone")), "{got:?}");
    assert!(got.iter().all(|t| !t.contains("Posts: 6217")), "{got:?}");
}

#[test]
fn a_wrapper_of_the_whole_thread_named_like_a_panel_stays() {
    let got = texts(&thread("postprofile_container"));
    assert_eq!(
        got.iter().filter(|t| t.contains("council approved")).count(),
        12,
        "{got:?}"
    );
}
