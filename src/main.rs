//! The `article-enricher` binary: parses the CLI, loads settings, sets up telemetry and runs one
//! subcommand. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;
use enricher_extract::Extractor;

use article_enricher::commands::{self, Cli, Command};
use article_enricher::settings::{Settings, Sources};
use article_enricher::telemetry;
use article_enricher::worker::ShutdownCutOff;

/// Exit code when SIGTERM's shutdown deadline cut in-flight work off (0: drained; 1: fatal error;
/// 2: invalid configuration).
const EXIT_CUT_OFF: u8 = 3;

/// How long the runtime waits, after the command returned, for blocking work it cannot cancel.
const RUNTIME_SHUTDOWN: std::time::Duration = std::time::Duration::from_millis(200);

/// Tunes glibc's malloc for a worker that holds many mid-sized bodies and builds large DOMs:
/// - two arenas (`M_ARENA_MAX`). By default every thread that allocates at once gets an arena of
///   its own (up to 8 per core) that keeps its freed memory: a worker extracting large pages on
///   the blocking pool's threads reached 1.0 GB peak RSS through the hostile mix of
///   `scripts/bench-hostile-mix.sh` (0.7 GB with two arenas) and 140 MB on real news pages at
///   prefetch 64 (96 MB);
/// - allocations of 128 KiB and more mapped on their own (`M_MMAP_THRESHOLD`, which also stops
///   glibc raising that threshold as large blocks are freed) and free memory at the top of the
///   heap given back past 1 MiB (`M_TRIM_THRESHOLD`): page bodies and DOM arrays go back to the
///   system when their article is done instead of pinning heap. News pages, prefetch 64: peak
///   RSS 97 MB → 76 MB, throughput unchanged within noise.
///
/// Each is skipped when its environment variable (`MALLOC_ARENA_MAX`, `MALLOC_MMAP_THRESHOLD_`,
/// `MALLOC_TRIM_THRESHOLD_`) is set, so an operator keeps the last word. mimalloc was measured
/// too: worse here.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn tune_malloc() {
    let settings = [
        ("MALLOC_ARENA_MAX", libc::M_ARENA_MAX, 2),
        ("MALLOC_MMAP_THRESHOLD_", libc::M_MMAP_THRESHOLD, 128 * 1024),
        (
            "MALLOC_TRIM_THRESHOLD_",
            libc::M_TRIM_THRESHOLD,
            1024 * 1024,
        ),
    ];
    for (variable, parameter, value) in settings {
        if std::env::var_os(variable).is_none() {
            // SAFETY: mallopt only changes an allocator parameter. It runs first thing in
            // main, before any other thread of ours exists, and takes no pointers.
            unsafe {
                libc::mallopt(parameter, value);
            }
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_malloc() {}

fn main() -> ExitCode {
    tune_malloc();
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
    let mut secrets = settings.amqp.secrets();
    secrets.extend(settings.telemetry.secrets());
    let scrubbing = telemetry::Scrubbing::new(secrets.clone());
    if let Err(error) = telemetry::init(&telemetry_settings, secrets) {
        let message = scrubbing.scrub(&error.to_string()).into_owned();
        eprintln!("article-enricher: telemetry.otlp_endpoint: {message}");
        return ExitCode::from(2);
    }
    let result = match &cli.command {
        Command::Extract(args) => Extractor::new(args.options(settings.extractor_options()))
            .map_err(anyhow::Error::from)
            .and_then(|extractor| commands::extract::run(args, &extractor)),
        command => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(anyhow::Error::from)
            .and_then(|runtime| {
                let result = runtime.block_on(async {
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
                });
                // Extractions still computing on the blocking pool (the shutdown deadline cut
                // them off) are not waited for: their messages return to the queue.
                runtime.shutdown_timeout(RUNTIME_SHUTDOWN);
                result
            }),
    };
    // The spans still buffered are exported before the process ends.
    telemetry::otlp::shutdown();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.downcast_ref::<ShutdownCutOff>().is_some() => {
            tracing::warn!(error = %error, "stopped at the shutdown deadline");
            ExitCode::from(EXIT_CUT_OFF)
        }
        Err(error) => {
            // The cause once: a log line for the worker (its logs may be JSON), plain text on
            // stderr for the other commands.
            let message = scrubbing.scrub(&format!("{error:#}")).into_owned();
            if matches!(cli.command, Command::Run) {
                tracing::error!(error = message, "fatal");
            } else {
                eprintln!("article-enricher: {message}");
            }
            ExitCode::FAILURE
        }
    }
}
