//! The command-line interface (clap): one subcommand each for the demo, running the worker,
//! extracting offline, publishing and replaying articles and declaring the topology. `main.rs` only parses and dispatches.

pub mod demo;
pub mod extract;
pub mod publish;
pub mod replay;
pub mod run;
pub mod signals;
pub mod topology;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Consumes news articles from RabbitMQ, extracts and enriches them, publishes one record each.
#[derive(Debug, Parser)]
#[command(name = "article-enricher", version, about)]
pub struct Cli {
    /// Configuration file, layered over config/default.toml (see README, "Configuration").
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The main job end to end on a real broker: a worker in its own vhost, the built-in samples
    /// (text, HTML, one malformed message) published, their records and the dead letter printed,
    /// then the throughput of a burst; the vhost is deleted afterwards.
    Demo(demo::DemoArgs),
    /// Run the worker: consume, extract, publish confirmed records, dead-letter bad input.
    Run,
    /// Extract one article (HTML, text or JSON envelope, auto-detected) to a record on stdout.
    Extract(extract::ExtractArgs),
    /// Publish article files to the input exchange (.json envelopes, .html, .txt; .jsonl = one
    /// envelope per line).
    Publish(publish::PublishArgs),
    /// Re-publish articles from the dead-letter queue, the archive stream or a JSONL file.
    Replay(replay::ReplayArgs),
    /// Declare the topology (when topology.declare is on) and print the queues with their counts.
    Topology,
}
