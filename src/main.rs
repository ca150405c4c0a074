//! The `article-enricher` binary: parses the CLI, loads settings, sets up telemetry and runs one
//! subcommand. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;
use enricher_extract::Extractor;

use article_enricher::commands::{self, Cli, Command};
use article_enricher::settings::{Settings, Sources};
use article_enricher::telemetry;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(&Sources {
        config_file: cli.config.clone(),
        environment: None,
    }) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("article-enricher: {error}");
            return ExitCode::from(2);
        }
    };
    let mut telemetry_settings = settings.telemetry.clone();
    if matches!(cli.command, Command::Demo(_)) && std::env::var_os("RUST_LOG").is_none() {
        // The demo prints what it shows on stdout; only problems belong beside it.
        telemetry_settings.filter = "warn".into();
    }
    telemetry::init(&telemetry_settings);
    let result = match &cli.command {
        Command::Extract(args) => Extractor::new(settings.limits.extractor_options())
            .map_err(anyhow::Error::from)
            .and_then(|extractor| commands::extract::run(args, &extractor)),
        command => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|runtime| {
                runtime.block_on(async {
                    match command {
                        Command::Run => commands::run::run(settings).await,
                        Command::Demo(args) => commands::demo::run(args, &settings).await,
                        Command::Publish(args) => commands::publish::run(args, &settings).await,
                        Command::Topology => commands::topology::run(&settings).await,
                        Command::Replay(args) => commands::replay::run(args, &settings).await,
                        Command::Extract(_) => {
                            unreachable!("handled without a runtime")
                        }
                    }
                })
            }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "fatal");
            eprintln!("article-enricher: {error:#}");
            ExitCode::FAILURE
        }
    }
}
