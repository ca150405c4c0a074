//! `replay`: re-publishes articles from the dead-letter queue, the archive stream or a JSONL file
//! to the input exchange, with a progress bar (or log lines) and a final summary. Ctrl-C stops
//! cleanly: confirms in flight are awaited, everything else is left untouched.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use clap::{ArgGroup, Args};
use tokio_util::sync::CancellationToken;

use crate::broker::{self, ConfirmedPublisher, topology};
use crate::replay::{self, archive, dead_letter};
use crate::settings::Settings;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["from_dead_letter", "from_archive", "from_file"])))]
#[command(group(ArgGroup::new("start").args(["first", "offset", "since"])))]
pub struct ReplayArgs {
    /// Move dead-lettered messages back to the input exchange.
    #[arg(long)]
    pub from_dead_letter: bool,
    /// Re-publish articles from the archive stream (needs --first, --offset or --since).
    #[arg(long, requires = "start")]
    pub from_archive: bool,
    /// Publish the JSON envelopes of a JSONL file, one per line.
    #[arg(long, value_name = "FILE.jsonl")]
    pub from_file: Option<PathBuf>,
    /// Dead letters: only this x-error-kind (or broker reason such as delivery_limit).
    #[arg(long, requires = "from_dead_letter")]
    pub kind: Option<String>,
    /// Dead letters: move at most N.
    #[arg(long, requires = "from_dead_letter")]
    pub limit: Option<u64>,
    /// Dead letters: list what would move (count per kind, ids) and move nothing.
    #[arg(long, requires = "from_dead_letter")]
    pub dry_run: bool,
    /// Archive: from the first message retained.
    #[arg(long)]
    pub first: bool,
    /// Archive: from this stream offset.
    #[arg(long)]
    pub offset: Option<u64>,
    /// Archive: from this time (RFC 3339 or Unix seconds).
    #[arg(long)]
    pub since: Option<String>,
    /// Archive: stop before messages archived at or after this time.
    #[arg(long, requires = "from_archive")]
    pub until: Option<String>,
    /// Exchange to publish to (default: the input exchange).
    #[arg(long)]
    pub to: Option<String>,
    /// File: routing key for the envelopes.
    #[arg(long, default_value = "article.replay")]
    pub routing_key: String,
    /// Archive: a stream silent this long (ms) is at its end.
    #[arg(long, default_value_t = 2000)]
    pub idle_ms: u64,
    /// Print the summary (and dry-run report) as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `replay`.
///
/// # Errors
/// The broker is unreachable, or the source cannot be read.
pub async fn run(args: &ReplayArgs, settings: &Settings) -> anyhow::Result<()> {
    let url = settings.amqp.redacted();
    let connection = broker::connect(&settings.amqp, "replay")
        .await
        .with_context(|| format!("cannot reach the broker at {url}"))?;
    let publisher =
        ConfirmedPublisher::open(&connection, settings.worker.confirm_timeout()).await?;
    let t = &settings.topology;
    if t.declare {
        topology::declare(publisher.channel(), t)
            .await
            .context("declaring the topology")?;
    }
    let cancel = CancellationToken::new();
    tokio::spawn(super::signals::cancel_on_signal(cancel.clone()));
    let to = args.to.as_deref().unwrap_or(&t.input_exchange);
    let (summary, report) = if args.from_dead_letter {
        let selection = dead_letter::Selection {
            kind: args.kind.clone(),
            limit: args.limit,
            dry_run: args.dry_run,
        };
        dead_letter::replay(
            &connection,
            &publisher,
            &t.dead_letter_queue,
            to,
            &selection,
            &cancel,
        )
        .await?
    } else if args.from_archive {
        let start = match (args.first, args.offset, &args.since) {
            (_, Some(offset), _) => archive::StartAt::Offset(offset),
            (_, _, Some(since)) => archive::StartAt::Since(replay::parse_time(since)?),
            _ => archive::StartAt::First,
        };
        let until = args.until.as_deref().map(replay::parse_time).transpose()?;
        let idle = Duration::from_millis(args.idle_ms);
        (
            archive::replay(
                &connection,
                &publisher,
                &t.archive_queue,
                to,
                start,
                until,
                idle,
                &cancel,
            )
            .await?,
            None,
        )
    } else {
        let path = args.from_file.as_ref().expect("clap requires a source");
        (
            replay::file::replay(&publisher, path, to, &args.routing_key, &cancel).await?,
            None,
        )
    };
    if args.json {
        println!(
            "{}",
            serde_json::json!({"summary": summary, "dry_run": report})
        );
    } else {
        if let Some(report) = &report {
            println!("dry run: nothing moved");
            for (kind, entry) in &report.kinds {
                println!(
                    "{kind}: {} message(s): {}",
                    entry.count,
                    entry.ids.join(" ")
                );
            }
        }
        println!("{summary}");
    }
    publisher.close().await;
    let _ = connection.close(200, "replay done".into()).await;
    Ok(())
}
