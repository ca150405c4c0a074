//! Criterion benchmarks of the extraction library's functions (speed figures, never tests):
//! a seed-style text article end to end, one of our golden HTML pages end to end with each HTML
//! reader, and decoding alone. Corpus-level pages/s reports are `article-enricher-eval content`
//! and `article-enricher-eval speed`. Run with `cargo bench -p enricher-extract`.

#![allow(clippy::unwrap_used)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use enricher_extract::{BodyHints, Extractor, HtmlReader, Options, SAMPLE_ARTICLE, Source};

const PAGE: &str = include_str!("../tests/golden/html/jsonld-news/source.html");

fn hints(content_type: &'static str) -> BodyHints<'static> {
    BodyHints {
        content_type: Some(content_type),
        message_id: None,
    }
}

fn text_article(c: &mut Criterion) {
    let extractor = Extractor::new(Options::default()).unwrap();
    let mut group = c.benchmark_group("text article");
    group.throughput(Throughput::Bytes(SAMPLE_ARTICLE.len() as u64));
    group.bench_function("process", |b| {
        b.iter(|| {
            extractor
                .process(
                    SAMPLE_ARTICLE.as_bytes(),
                    hints("text/plain"),
                    Source::default(),
                )
                .unwrap()
        });
    });
    group.bench_function("decode", |b| {
        b.iter(|| {
            extractor
                .decode(SAMPLE_ARTICLE.as_bytes(), hints("text/plain"))
                .unwrap()
        });
    });
    group.finish();
}

fn html_page(c: &mut Criterion) {
    let mut group = c.benchmark_group("html page");
    group.throughput(Throughput::Bytes(PAGE.len() as u64));
    for reader in [HtmlReader::Scoring, HtmlReader::Readability] {
        let extractor = Extractor::new(Options {
            html_reader: reader,
            ..Options::default()
        })
        .unwrap();
        group.bench_function(format!("process ({reader:?} reader)"), |b| {
            b.iter(|| {
                extractor
                    .process(PAGE.as_bytes(), hints("text/html"), Source::default())
                    .unwrap()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, text_article, html_page);
criterion_main!(benches);
