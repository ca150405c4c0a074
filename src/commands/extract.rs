//! `extract`: the pipeline without a broker. One article from a file, stdin or the built-in
//! sample to one record (or, with `--format text|markdown|html`, just its main content in that
//! form); or `--jsonl`: envelopes on stdin, records on stdout in the same order,
//! computed on all cores (rayon), a failed line replaced by `{"id", "error": {"kind", "message"}}`.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use rayon::prelude::*;
use serde_json::json;

use enricher_extract::{
    BodyHints, Extractor, Options, Record, SAMPLE_ARTICLE, Source, content_type_for,
};

/// Lines handed to the thread pool at once in `--jsonl` mode; bounds memory on endless input.
const JSONL_BATCH: usize = 512;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article file, or `-` for stdin. Without it: stdin when piped, else the built-in sample.
    pub file: Option<PathBuf>,
    /// Read JSON envelopes from stdin, one per line; write one record (or error) per line.
    #[arg(long, conflicts_with_all = ["file", "sample"])]
    pub jsonl: bool,
    /// Extract the built-in sample article.
    #[arg(long, conflicts_with = "file")]
    pub sample: bool,
    /// Write compact JSON instead of indented JSON.
    #[arg(long)]
    pub compact: bool,
    /// What to print: the whole record (`json`) or only the main content as plain text,
    /// Markdown or sanitised HTML (whatever `record.formats` says).
    #[arg(long, value_enum, default_value_t = OutputFormat::Json, conflicts_with = "jsonl")]
    pub format: OutputFormat,
}

/// What `extract` prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The main text.
    Text,
    /// The main content as Markdown.
    Markdown,
    /// The main content as sanitised HTML.
    Html,
    /// The full record.
    #[default]
    Json,
}

impl ExtractArgs {
    /// `options` with the printed format switched on.
    #[must_use]
    pub fn options(&self, mut options: Options) -> Options {
        match self.format {
            OutputFormat::Text => options.formats.text = true,
            OutputFormat::Markdown => options.formats.markdown = true,
            OutputFormat::Html => options.formats.html = true,
            OutputFormat::Json => {}
        }
        options
    }
}

/// The part of `record` that `format` prints (`None` for the whole record).
fn content(record: Record, format: OutputFormat) -> Option<String> {
    match format {
        OutputFormat::Text => Some(record.text),
        OutputFormat::Markdown => Some(record.markdown.unwrap_or_default()),
        OutputFormat::Html => Some(record.html.unwrap_or_default()),
        OutputFormat::Json => None,
    }
}

/// Runs `extract`.
///
/// # Errors
/// The input could not be read, a model did not load, or the article could not be extracted (the message names why).
pub fn run(args: &ExtractArgs, extractor: &Extractor) -> anyhow::Result<()> {
    if args.jsonl {
        return run_jsonl(extractor);
    }
    let (body, content_type) = read_input(args)?;
    let hints = BodyHints {
        content_type,
        message_id: None,
    };
    let record = extractor
        .process(&body, hints, Source::default())
        .map_err(|e| anyhow::anyhow!("{} ({})", e, e.kind()))?;
    let mut out = std::io::stdout().lock();
    if args.format != OutputFormat::Json {
        writeln!(out, "{}", content(record, args.format).unwrap_or_default())?;
        return Ok(());
    }
    if args.compact {
        serde_json::to_writer(&mut out, &record)?;
    } else {
        serde_json::to_writer_pretty(&mut out, &record)?;
    }
    writeln!(out)?;
    Ok(())
}

/// The body to extract and, from the file name, its content type (sniffed when unknown).
fn read_input(args: &ExtractArgs) -> anyhow::Result<(Vec<u8>, Option<&'static str>)> {
    use std::io::IsTerminal as _;
    match &args.file {
        Some(path) if path.as_os_str() != "-" => {
            let body =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Ok((body, content_type_for(path)))
        }
        Some(_) => Ok((read_stdin()?, None)),
        None if args.sample || std::io::stdin().is_terminal() => {
            Ok((SAMPLE_ARTICLE.as_bytes().to_vec(), Some("text/plain")))
        }
        None => Ok((read_stdin()?, None)),
    }
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    let mut body = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut body)
        .context("reading stdin")?;
    Ok(body)
}

fn run_jsonl(extractor: &Extractor) -> anyhow::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines = stdin.lines();
    loop {
        let batch: Vec<String> = lines
            .by_ref()
            .take(JSONL_BATCH)
            .collect::<Result<_, _>>()
            .context("reading stdin")?;
        if batch.is_empty() {
            break;
        }
        let results: Vec<String> = batch
            .par_iter()
            .map(|line| extract_line(line, extractor))
            .collect();
        for result in results {
            out.write_all(result.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One envelope line to one output line: the record, or the error in its place.
fn extract_line(line: &str, extractor: &Extractor) -> String {
    let hints = BodyHints {
        content_type: Some("application/json"),
        message_id: None,
    };
    match extractor.process(line.as_bytes(), hints, Source::default()) {
        Ok(record) => serde_json::to_string(&record).expect("a record always serialises"),
        Err(error) => {
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(serde_json::Value::Null);
            json!({"id": id, "error": {"kind": error.kind(), "message": error.to_string()}})
                .to_string()
        }
    }
}
