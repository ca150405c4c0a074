//! `eval`: scores the pipeline on annotated corpora and prints the tables the issues name.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use crate::eval::content;
use crate::pipeline::Limits;

#[derive(Debug, Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalWhat,
}

#[derive(Debug, Subcommand)]
pub enum EvalWhat {
    /// Main text and metadata from HTML pages: `<case>/source.html` + `expected.html`
    /// [+ `expected-metadata.json`] under DIR.
    Content(ContentArgs),
}

#[derive(Debug, Args)]
pub struct ContentArgs {
    /// The corpus folder.
    #[arg(default_value = "../shared/corpus/readability-pages")]
    pub dir: PathBuf,
    /// Print the report as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Passes over the corpus for the speed figures; 0 skips them.
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
}

/// Runs `eval`.
///
/// # Errors
/// The corpus cannot be read.
pub fn run(args: &EvalArgs, limits: &Limits) -> anyhow::Result<()> {
    match &args.what {
        EvalWhat::Content(args) => {
            let cases = content::load_cases(&args.dir)?;
            let report = content::evaluate(&cases, limits);
            let speed =
                (args.passes > 0).then(|| content::measure_speed(&cases, limits, args.passes));
            if args.json {
                println!("{}", serde_json::json!({"report": report, "speed": speed}));
            } else {
                print!("{}", content::render(&report, speed.as_ref()));
            }
            Ok(())
        }
    }
}
