//! The content formats (`markdown`, `html`, `chunks`): golden outputs for hand-made pages under
//! `tests/golden/formats/` (`source.html`, `url.txt`, `expected.md`, `expected.html`,
//! `expected.chunks.json`; `UPDATE_GOLDEN=1` rewrites the expected files), the checks each page
//! was written for, and the promise that Markdown holds the words of `text` in the same order
//! on every golden page.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use enricher_extract::{Article, Extractor, Formats, HtmlReader, Options, Record};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

fn all_formats(images: bool, chunk_words: usize, chunk_overlap_words: usize) -> Formats {
    Formats {
        text: true,
        markdown: true,
        html: true,
        chunks: true,
        images,
        chunk_words,
        chunk_overlap_words,
    }
}

fn golden_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn extract_case(case: &str, formats: Formats) -> Record {
    let dir = golden_dir("formats").join(case);
    let html = std::fs::read(dir.join("source.html")).unwrap();
    let url = std::fs::read_to_string(dir.join("url.txt")).ok();
    let extractor = Extractor::new(Options {
        formats,
        ..Options::default()
    })
    .unwrap();
    extractor
        .extract(&Article::html(html, url.as_deref().map(str::trim)))
        .unwrap()
}

/// Compares `got` with the committed `file` of `case` (or rewrites it with `UPDATE_GOLDEN`),
/// printing both on a difference.
fn check_golden(case: &str, file: &str, got: &str) {
    let path = golden_dir("formats").join(case).join(file);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        want == got,
        "{} differs:\n--- expected\n{want}\n--- got\n{got}",
        path.display()
    );
}

#[test]
fn each_format_page_gives_its_golden_markdown_html_and_chunks() {
    for case in ["structure", "sanitised", "sections"] {
        let record = extract_case(case, all_formats(true, 60, 10));
        check_golden(case, "expected.md", &(record.markdown.unwrap() + "\n"));
        check_golden(case, "expected.html", &(record.html.unwrap() + "\n"));
        let chunks = serde_json::to_string_pretty(&record.chunks.unwrap()).unwrap();
        check_golden(case, "expected.chunks.json", &(chunks + "\n"));
    }
}

#[test]
fn markdown_keeps_lists_nested_tables_code_quotes_and_makes_links_absolute() {
    let markdown = extract_case("structure", Formats::default())
        .markdown
        .unwrap();
    for expected in [
        "## Where the money goes",
        "### What the mayor said",
        "- Transport\n  - Buses and trams\n  - Road repairs\n- Schools",
        "- Housing\n  1. New social housing\n  2. Renovation grants",
        "| Department | Share | Change |\n| --- | --- | --- |\n| Transport | 31% | +2 points |",
        "| Schools | 27% |  |",
        "> We are spending more",
        "```\ndistrict_share = riders / total_riders\nbudget = district_share * transport_total\n```",
        "`district_share`",
        "[full budget report](https://ledger.example.com/2025/budget/report.pdf)",
        "[previous year's analysis](https://ledger.example.com/archive/2024)",
        "[national figures](https://stats.example.org/city?id=7)",
        "*euro*",
        "**2025 budget**",
        "\\*open data\\*",
    ] {
        assert!(
            markdown.contains(expected),
            "missing {expected:?} in:\n{markdown}"
        );
    }
    assert!(!markdown.contains("Home"), "{markdown}");
}

#[test]
fn html_is_sanitised_with_absolute_urls_and_no_scripts_handlers_or_pixels() {
    let record = extract_case("sanitised", all_formats(true, 200, 40));
    let html = record.html.unwrap();
    // The headline is the record's title, not part of the content.
    assert!(!html.contains("<h1>"), "{html}");
    for banned in [
        "<script",
        "track(",
        "onclick",
        "onmouseover",
        "style",
        "javascript:",
        "pixel.example.net",
    ] {
        assert!(!html.contains(banned), "{banned:?} in:\n{html}");
    }
    for expected in [
        "<a href=\"https://port.example.com/port/history\" rel=\"noopener noreferrer\">the harbour's history</a>",
        "<img src=\"https://port.example.com/images/harbour.jpg\" alt=\"Ships in the harbour\">",
        "Track this story",
    ] {
        assert!(html.contains(expected), "missing {expected:?} in:\n{html}");
    }
    let markdown = record.markdown.unwrap();
    assert!(
        markdown.contains("![Ships in the harbour](https://port.example.com/images/harbour.jpg)"),
        "{markdown}"
    );
    assert!(!markdown.contains("pixel.example.net"), "{markdown}");
}

#[test]
fn images_appear_only_when_configured() {
    let record = extract_case("sanitised", all_formats(false, 200, 40));
    assert!(!record.markdown.unwrap().contains("!["));
    assert!(!record.html.unwrap().contains("<img"));
}

#[test]
fn chunks_slice_the_text_follow_the_headings_and_overlap_as_configured() {
    let (size, overlap) = (60, 10);
    let record = extract_case("sections", all_formats(false, size, overlap));
    let chunks = record.chunks.unwrap();
    let chars: Vec<char> = record.text.chars().collect();
    for chunk in &chunks {
        let slice: String = chars[chunk.start..chunk.end].iter().collect();
        assert_eq!(slice, chunk.text);
        assert_eq!(chunk.words, chunk.text.split_whitespace().count());
        assert!(chunk.words <= size, "{chunk:?}");
    }
    let paths: Vec<Vec<&str>> = chunks
        .iter()
        .map(|c| c.heading_path.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(paths.first().unwrap(), &Vec::<&str>::new());
    assert!(paths.contains(&vec!["Background"]));
    assert!(paths.contains(&vec!["Background", "Earlier plans"]));
    assert_eq!(paths.last().unwrap(), &vec!["Costs"]);
    // Every heading starts a chunk.
    for heading in ["Background", "Earlier plans", "Costs"] {
        assert!(
            chunks.iter().any(|c| c.text.starts_with(heading)),
            "{heading}"
        );
    }
    // Consecutive chunks under the same headings repeat exactly `overlap` words.
    let mut overlapping = 0;
    for pair in chunks.windows(2) {
        if pair[0].heading_path != pair[1].heading_path {
            assert!(pair[1].start >= pair[0].end, "{pair:?}");
            continue;
        }
        overlapping += 1;
        let tail: Vec<&str> = pair[0]
            .text
            .split_whitespace()
            .rev()
            .take(overlap)
            .collect();
        let head: Vec<&str> = pair[1].text.split_whitespace().take(overlap).collect();
        assert_eq!(tail.into_iter().rev().collect::<Vec<_>>(), head);
        assert!(pair[1].start < pair[0].end);
    }
    assert!(overlapping >= 2, "{chunks:#?}");
}

#[test]
fn formats_switched_off_are_left_out_of_the_record() {
    let formats = Formats {
        text: false,
        markdown: false,
        ..Formats::default()
    };
    let record = extract_case("structure", formats);
    let value = serde_json::to_value(&record).unwrap();
    for field in ["text", "markdown", "html", "chunks"] {
        assert!(value.get(field).is_none(), "{field}");
    }
    let defaults = serde_json::to_value(extract_case("structure", Formats::default())).unwrap();
    assert!(defaults["text"].is_string() && defaults["markdown"].is_string());
    assert!(defaults.get("html").is_none() && defaults.get("chunks").is_none());
}

/// The text of Markdown with its markup removed: text and code, no image descriptions, a
/// space between blocks.
fn markdown_words(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_image = 0;
    for event in Parser::new_ext(markdown, MdOptions::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) if in_image == 0 => out.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. })
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {}
            Event::Start(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => {
                out.push(' ');
            }
            _ => {}
        }
    }
    out
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that the record's Markdown, stripped, is its text.
fn assert_markdown_holds_the_text(name: &str, record: &Record) {
    let markdown = record.markdown.as_deref().unwrap();
    let (want, got) = (
        normalise(&record.text),
        normalise(&markdown_words(markdown)),
    );
    if want != got {
        let at = want
            .chars()
            .zip(got.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(40))
                .take(100)
                .collect::<String>()
        };
        panic!(
            "{name}: Markdown without markup differs from text at character {at}:\n  text:     {}\n  markdown: {}",
            around(&want),
            around(&got)
        );
    }
}

#[test]
fn markdown_without_its_markup_is_the_text_on_every_golden_page() {
    let mut pages = 0;
    for (dir, extension) in [("html", "html"), ("text", "txt"), ("formats", "html")] {
        for entry in std::fs::read_dir(golden_dir(dir)).unwrap() {
            let case = entry.unwrap().path();
            let source = case.join(format!("source.{extension}"));
            let body = std::fs::read(&source).unwrap();
            for reader in [
                HtmlReader::Learned,
                HtmlReader::Scoring,
                HtmlReader::Readability,
            ] {
                let extractor = Extractor::new(Options {
                    html_reader: reader,
                    formats: all_formats(true, 200, 40),
                    ..Options::default()
                })
                .unwrap();
                let article = if extension == "html" {
                    Article::html(body.clone(), Some("https://example.com/a/b.html"))
                } else {
                    Article::text(String::from_utf8(body.clone()).unwrap())
                };
                let record = extractor.extract(&article).unwrap();
                assert_markdown_holds_the_text(&source.display().to_string(), &record);
            }
            pages += 1;
        }
    }
    assert!(pages >= 10, "{pages}");
}

#[test]
fn plain_text_gets_markdown_paragraphs_and_headings() {
    let extractor = Extractor::new(Options::default()).unwrap();
    let record = extractor
        .extract(&Article::text(
            "Storm Closes Ports\n\nHAMBURG — A storm closed the port on Monday, officials said.\n\n\
             What Comes Next\n\nThe port expects to reopen on Friday if the wind drops, a spokesman said.",
        ))
        .unwrap();
    assert_eq!(
        record.markdown.as_deref(),
        Some(
            "HAMBURG — A storm closed the port on Monday, officials said.\n\n## What Comes Next\n\n\
             The port expects to reopen on Friday if the wind drops, a spokesman said."
        )
    );
}

#[test]
#[ignore = "reads ../shared; run by .ci/run with --ignored"]
fn markdown_without_its_markup_is_the_text_on_the_shared_readability_pages() {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/readability-pages");
    assert!(root.is_dir(), "../shared is missing at {}", root.display());
    let extractor = Extractor::new(Options {
        formats: all_formats(true, 200, 40),
        ..Options::default()
    })
    .unwrap();
    let mut pages = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let source = entry.unwrap().path().join("source.html");
        let Ok(body) = std::fs::read(&source) else {
            continue;
        };
        let article = Article::html(body, Some("https://example.com/a/b.html"));
        if let Ok(record) = extractor.extract(&article) {
            assert_markdown_holds_the_text(&source.display().to_string(), &record);
            assert!(!record.html.unwrap().contains("<script"));
            pages += 1;
        }
    }
    assert!(pages >= 100, "{pages}");
}
