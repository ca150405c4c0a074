//! Hand-written pages for two page shapes a crawler meets beside plain articles: a live blog,
//! whose entries must each open with their timestamp instead of leaving "12:42" as a paragraph
//! of its own, and an article split over pages, whose record must say where the next page is.
//! Synthetic, written for these tests, not copied from any corpus.

#![allow(clippy::unwrap_used)]

use enricher_extract::{BodyHints, Extractor, Options, Record, Source};

fn record_of(page: &str, url: &str) -> Record {
    let extractor = Extractor::new(Options::default()).unwrap();
    let envelope = serde_json::json!({ "url": url, "html": page }).to_string();
    let hints = BodyHints {
        content_type: Some("application/json"),
        message_id: None,
    };
    extractor
        .process(envelope.as_bytes(), hints, Source::default())
        .unwrap()
}

const ENTRIES: [(&str, &str); 4] = [
    (
        "14:05",
        "The harbour master confirmed that the last ferry of the evening has been cancelled because of the storm.",
    ),
    (
        "13:40",
        "Wind gusts of more than ninety kilometres an hour were measured on the northern breakwater this afternoon.",
    ),
    (
        "13:10",
        "Schools along the coast will close early, the regional council said, and buses will leave at two o'clock.",
    ),
    (
        "12:42",
        "Forecasters raised the warning level for the whole coastline as the storm moved faster than expected overnight.",
    ),
];

fn live_blog() -> String {
    let entries: String = ENTRIES
        .iter()
        .map(|(time, text)| {
            format!(
                "<div class=\"entry\"><div class=\"entry-time\"><time>{time}</time></div>\
                 <div class=\"entry-body\"><p>{text}</p></div></div>"
            )
        })
        .collect();
    format!(
        "<html lang=\"en\"><head><title>Storm live: ferries cancelled</title></head><body>\
         <main><h1>Storm live: ferries cancelled as winds rise</h1>{entries}</main>\
         <footer><p>Copyright Example Coast News.</p></footer></body></html>"
    )
}

#[test]
fn each_live_blog_entry_is_one_paragraph_that_opens_with_its_time() {
    let record = record_of(&live_blog(), "https://coast.example.com/live/storm");
    let paragraphs: Vec<&str> = record.text.split("\n\n").collect();
    for (time, text) in ENTRIES {
        let joined = format!("{time} {text}");
        assert!(
            paragraphs.contains(&joined.as_str()),
            "no paragraph {joined:?} in:\n{}",
            record.text
        );
        assert!(
            !paragraphs.contains(&time),
            "{time} stands alone in:\n{}",
            record.text
        );
    }
}

fn paginated(head: &str, pager: &str) -> String {
    format!(
        "<html lang=\"en\"><head><title>The long road north</title>{head}</head><body><article>\
         <h1>The long road north</h1>\
         <p>The expedition left the village before dawn, loading the last of the supplies onto \
         two battered trucks while the drivers argued about the route across the mountains.</p>\
         <p>By noon the road had turned to gravel, and the first of many river crossings lay \
         ahead of them, swollen by a week of rain that nobody had planned for.</p>\
         {pager}</article></body></html>"
    )
}

#[test]
fn an_article_split_over_pages_names_its_next_page() {
    let url = "https://travel.example.com/stories/long-road-north";
    let from_head = record_of(
        &paginated(
            "<link rel=\"next\" href=\"/stories/long-road-north?page=2\">",
            "",
        ),
        url,
    );
    assert_eq!(
        from_head.next_page.as_deref(),
        Some("https://travel.example.com/stories/long-road-north?page=2")
    );
    let from_pager = record_of(
        &paginated(
            "",
            "<div class=\"pagination\"><span class=\"current\">1</span> \
             <a href=\"long-road-north/2\">2</a> <a href=\"long-road-north/3\">3</a> \
             <a href=\"long-road-north/2\">Next page</a></div>",
        ),
        url,
    );
    assert_eq!(
        from_pager.next_page.as_deref(),
        Some("https://travel.example.com/stories/long-road-north/2")
    );
    assert!(
        !from_pager.text.contains("Next page"),
        "{}",
        from_pager.text
    );
}

#[test]
fn an_article_on_one_page_has_no_next_page() {
    let record = record_of(
        &paginated(
            "",
            "<nav class=\"post-navigation\"><a rel=\"next\" href=\"/stories/another\">Another story</a></nav>",
        ),
        "https://travel.example.com/stories/long-road-north",
    );
    assert_eq!(record.next_page, None);
}
