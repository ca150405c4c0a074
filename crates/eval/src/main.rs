//! The `article-enricher-eval` binary: corpus scores, tagger training and speed reports for
//! article-enricher's extraction. Not part of the worker or its image.

use std::process::ExitCode;

use clap::Parser;
use enricher_eval::commands::{self, EvalArgs};

fn main() -> ExitCode {
    match commands::run(&EvalArgs::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("article-enricher-eval: {error:#}");
            ExitCode::FAILURE
        }
    }
}
