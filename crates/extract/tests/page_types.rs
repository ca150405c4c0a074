//! Hand-written pages, one per kind of page the HTML reader gathers differently (a thread of
//! posts, a grid of cards, a page of sections, documentation with code and a sidebar, an
//! article with a related-links box and a newsletter prompt): the right text is in, the
//! interface text is out. Synthetic, written for these tests, not copied from any corpus.

#![allow(clippy::unwrap_used)]

use enricher_extract::{BodyHints, Extractor, Options, Source};

fn text_of(page: &str) -> String {
    let extractor = Extractor::new(Options::default()).unwrap();
    let hints = BodyHints {
        content_type: Some("text/html"),
        message_id: None,
    };
    extractor
        .process(page.as_bytes(), hints, Source::default())
        .unwrap()
        .text
}

fn assert_all_in(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

fn assert_all_out(text: &str, unwanted: &[&str]) {
    for u in unwanted {
        assert!(!text.contains(u), "kept {u:?} in:\n{text}");
    }
}

const NAV: &str = "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/about\">About us</a></li>\
     <li><a href=\"/contact\">Contact the team</a></li></ul></nav>";
const FOOTER: &str = "<footer><p>Copyright Example Media, all rights reserved.</p>\
     <a href=\"/privacy\">Privacy policy</a></footer>";

const REPLIES: [&str; 5] = [
    "My bicycle chain keeps slipping on the smallest rear cog whenever I climb a steep hill, even though the chain is new.",
    "Check the derailleur limit screws first, then the cable tension; a worn cassette also makes a new chain skip, so count the teeth.",
    "I had the same trouble last spring and a new cassette fixed it completely, the old one had hooked teeth that you could barely see.",
    "Thanks, the cassette was indeed worn down, and after replacing it the chain runs quietly again on every cog, climbs included.",
    "Glad it worked out for you; for the future, measure chain stretch every thousand kilometres and the cassette will last far longer.",
];

#[test]
fn a_forum_thread_keeps_all_five_posts() {
    let posts: String = REPLIES
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                "<div class=\"post\" id=\"p{i}\"><div class=\"post-meta\"><a href=\"/u/{i}\">rider{i}</a> \
                 <span>March {i}, 2026</span></div><div class=\"post-body\"><p>{r}</p></div>\
                 <div class=\"post-actions\"><a href=\"#\">Reply</a></div></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><head><title>Chain slipping</title></head><body>{NAV}<main><h1>Chain slipping on the smallest cog</h1>\
         <div class=\"thread\">{posts}</div></main><aside class=\"sidebar\"><h3>Popular threads</h3><ul>\
         <li><a href=\"/t/1\">Best tyres for winter riding in the mountains</a></li>\
         <li><a href=\"/t/2\">Tubeless or tubes for a daily commuter bicycle</a></li></ul></aside>{FOOTER}</body></html>"
    );
    let text = text_of(&page);
    assert_all_in(&text, &REPLIES);
    assert_all_out(
        &text,
        &[
            "Popular threads",
            "Best tyres",
            "Copyright",
            "Contact the team",
        ],
    );
}

const CARDS: [(&str, &str); 4] = [
    (
        "Ceramic mug",
        "A hand-thrown stoneware mug with a speckled glaze, holds three hundred millilitres of tea or coffee.",
    ),
    (
        "Linen napkins",
        "A set of four napkins woven from washed linen, soft from the first use and better with every wash.",
    ),
    (
        "Oak board",
        "A chopping board cut from one piece of oiled oak, heavy enough to stay put while you slice bread.",
    ),
    (
        "Copper kettle",
        "A stovetop kettle of brushed copper with a wooden handle that stays cool when the water boils.",
    ),
];

#[test]
fn a_listing_keeps_every_card() {
    let cards: String = CARDS
        .iter()
        .enumerate()
        .map(|(i, (name, blurb))| {
            format!(
                "<div class=\"card\"><h3><a href=\"/item/{i}\">{name}</a></h3><p>{blurb}</p>\
                 <span class=\"price\">{i}9 euros</span></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><body>{NAV}<div id=\"content\"><h1>Kitchen goods</h1><div class=\"grid\">{cards}</div></div>\
         <div class=\"newsletter\"><p>Sign up for our newsletter and get ten percent off.</p></div>{FOOTER}</body></html>"
    );
    let text = text_of(&page);
    assert_all_in(&text, &CARDS.map(|(_, blurb)| blurb));
    assert_all_out(&text, &["Copyright", "Contact the team"]);
}

const SERVICES: [(&str, &str); 3] = [
    (
        "Garden design",
        "We draw a plan for your garden that fits its soil, its light and the time you want to spend in it, with planting lists for every season.",
    ),
    (
        "Tree care",
        "Our arborists prune, brace and when needed fell trees safely, and we chip the wood on site so nothing is left behind for you to clear.",
    ),
    (
        "Lawn renovation",
        "We scarify, aerate and reseed tired lawns in autumn, then come back in spring to feed the new grass and check how it took.",
    ),
];

#[test]
fn a_service_page_keeps_all_its_sections() {
    let sections: String = SERVICES
        .iter()
        .map(|(h, p)| format!("<section class=\"service\"><h2>{h}</h2><p>{p}</p></section>"))
        .collect();
    let page = format!(
        "<html><body>{NAV}<main><h1>Our services</h1>{sections}</main>\
         <div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all cookies?</p></div>{FOOTER}</body></html>"
    );
    let text = text_of(&page);
    assert_all_in(&text, &SERVICES.map(|(_, p)| p));
    assert_all_in(&text, &SERVICES.map(|(h, _)| h));
    assert_all_out(&text, &["We use cookies", "Copyright"]);
}

#[test]
fn a_documentation_page_keeps_its_code_and_leaves_the_sidebar() {
    let page = format!(
        "<html><body>{NAV}<div class=\"docs\"><div class=\"sidebar\"><ul>\
         <li><a href=\"/docs/install\">Installation guide</a></li><li><a href=\"/docs/config\">Configuration reference</a></li>\
         <li><a href=\"/docs/cli\">Command line options</a></li><li><a href=\"/docs/faq\">Frequently asked questions</a></li></ul></div>\
         <div class=\"doc-content\"><h1>Reading a configuration file</h1>\
         <p>The loader reads a TOML file from the working directory, merges environment variables on top of it, and fails early when a key is unknown.</p>\
         <pre><code>let settings = Settings::load(\"app.toml\")?;\nprintln!(\"{{}}\", settings.port);</code></pre>\
         <p>Every key has a default, so an empty file is valid; the defaults are listed in the reference, with the environment variable that overrides each.</p>\
         <p>Files are read once at start-up. A change to the file takes effect at the next start, and the loader logs the path it read so that you can tell which file won when several are present.</p>\
         <h2>Overriding a key</h2><p>Set APP_PORT to change the port without touching the file, which is handy in containers where files are read-only.</p>\
         </div></div>{FOOTER}</body></html>"
    );
    let text = text_of(&page);
    assert_all_in(
        &text,
        &[
            "Settings::load(\"app.toml\")",
            "merges environment variables",
            "Set APP_PORT",
        ],
    );
    assert_all_out(
        &text,
        &[
            "Installation guide",
            "Frequently asked questions",
            "Copyright",
        ],
    );
}

const STORY: [&str; 6] = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from June, after engineers found cracks in two of its piers.",
    "Buses, bicycles and pedestrians will still be allowed across while the repairs go on, which the council expects to last about eighteen months.",
    "Shop owners on the north bank said they feared losing customers, and asked for free parking near the ferry landing during the works.",
    "The mayor said the city would study the request, and that a temporary ferry service would run every ten minutes at rush hour.",
    "Engineers will publish their full report next month, with an estimate of the cost that the council has so far declined to give.",
    "The bridge, opened in 1931, carries about twelve thousand vehicles a day, and its last major repair was finished more than thirty years ago.",
];

#[test]
fn an_article_leaves_out_its_related_links_box_and_newsletter_prompt() {
    let paragraphs: Vec<String> = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
    let page = format!(
        "<html><body>{NAV}<article><h1>Harbour bridge closes to cars</h1>{}{}{}\
         <aside class=\"related-links\"><h4>Related</h4><ul>\
         <li><a href=\"/a/1\">Ferry fares to rise in the spring timetable</a></li>\
         <li><a href=\"/a/2\">Council approves budget for new cycle lanes</a></li>\
         <li><a href=\"/a/3\">Harbour festival moves to the south bank</a></li></ul></aside>{}{}\
         <div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox.</p>\
         <form><input type=\"email\" placeholder=\"Your email\"><button>Subscribe</button></form></div>{}\
         <div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share by email</a></div>\
         </article>{FOOTER}</body></html>",
        paragraphs[0], paragraphs[1], paragraphs[5], paragraphs[2], paragraphs[3], paragraphs[4]
    );
    let text = text_of(&page);
    assert_all_in(&text, &STORY);
    assert_all_out(
        &text,
        &[
            "Ferry fares to rise",
            "cycle lanes",
            "morning briefing",
            "Share on Facebook",
            "Copyright",
        ],
    );
}

/// The interface text of an article that no class name gives away: a sign-up prompt around a
/// button, a photo credit, a "Related:" line and a "More from" section at the end.
fn article_with_unmarked_interface() -> String {
    let paragraphs: Vec<String> = STORY.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><body>{NAV}<div id=\"page\"><div><h1>Harbour bridge closes to cars</h1>\
         <p>Photo: Ana Ruiz for the Harbour Times</p>{}{}\
         <p>Related: <a href=\"/a/9\">Ferry timetable changes for the winter months</a></p>{}{}\
         <div><p>Get the morning briefing every weekday.</p><button>Sign me up</button></div>{}{}\
         <h3>More from the harbour desk</h3>\
         <div><p><a href=\"/a/7\">Tram fares to rise</a> as the operator reports a year of losses, \
         with the council asked to cover the gap.</p></div></div></div>{FOOTER}</body></html>",
        paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3], paragraphs[4], paragraphs[5]
    )
}

#[test]
fn an_article_leaves_out_credits_teasers_prompts_and_more_from_sections_by_their_shape() {
    let text = text_of(&article_with_unmarked_interface());
    assert_all_in(&text, &STORY);
    assert_all_out(
        &text,
        &[
            "Photo: Ana Ruiz",
            "Ferry timetable changes",
            "morning briefing",
            "More from the harbour desk",
            "Tram fares to rise",
        ],
    );
}

const KAYAKS: [&str; 4] = [
    "We spent three weeks paddling five folding kayaks along the Wenlow estuary, from the sheltered reed beds near Carrow Mill out to the choppy water beyond the old harbour wall.",
    "The Marlowe Fold 12 was the quickest to assemble, taking a little under nine minutes once we had learned the order of its ribs, and it tracked straight in a crosswind.",
    "The heavier Tarnhull Expedition felt the most stable when the tide turned against us, though its frame took two of us to put together and its deck bag leaked.",
    "Of the cheaper boats, the Pellow Lite surprised us: its hull flexed in short waves, but it packed into a bag small enough for a train luggage rack.",
];

#[test]
fn an_article_leaves_out_its_disclosure_breadcrumbs_and_link_menus_by_their_names() {
    let paragraphs: String = KAYAKS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let verdict = "Our verdict: pick the Marlowe Fold 12 for day trips and the Tarnhull Expedition \
                   for longer journeys with heavy loads";
    let page = format!(
        "<html><body><div class=\"page-wrap\"><div class=\"entry-content\">\
         <ul class=\"breadcrumb-trail\"><li><a href=\"/\">Home</a></li><li><a href=\"/gear\">Gear</a></li>\
         <li><a href=\"/gear/boats\">Boats</a></li></ul>\
         <h1>Five folding kayaks tested on the Wenlow estuary</h1>\
         <div class=\"affiliate-disclosure\"><p>We may earn a commission when you buy through links \
         on this page.</p></div>{paragraphs}\
         <nav class=\"post-links\"><a href=\"/gear/paddles\">Best kayak paddles</a> \
         <a href=\"/gear/dry-bags\">Best dry bags</a></nav>\
         <div class=\"sidebar-content\"><p>{verdict}, and see our <a href=\"/gear/repair\">guide to \
         field repairs</a>.</p></div>\
         <div class=\"footer-links\"><a href=\"/about\">About us</a> <a href=\"/privacy\">Privacy \
         policy</a></div></div></div></body></html>"
    );
    let text = text_of(&page);
    assert_all_in(&text, &KAYAKS);
    assert_all_in(&text, &[verdict]);
    assert_all_out(
        &text,
        &[
            "Gear",
            "Boats",
            "earn a commission",
            "Best kayak paddles",
            "Best dry bags",
            "Privacy policy",
        ],
    );
}
