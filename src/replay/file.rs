//! `replay --from-file FILE.jsonl`: publishes one JSON envelope per line to the input exchange
//! (e.g. an export from another system), confirmed.

use std::io::BufRead;
use std::path::Path;

use anyhow::Context as _;
use lapin::BasicProperties;
use tokio_util::sync::CancellationToken;

use super::{ConfirmWindow, Progress, Summary, replay_properties};
use crate::broker::ConfirmedPublisher;

/// Publishes every non-blank line of `path`.
///
/// # Errors
/// The file cannot be read, or the channel fails.
pub async fn replay(
    publisher: &ConfirmedPublisher,
    path: &Path,
    to_exchange: &str,
    routing_key: &str,
    cancel: &CancellationToken,
) -> anyhow::Result<Summary> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let total = std::io::BufReader::new(std::fs::File::open(path)?)
        .lines()
        .count() as u64;
    let mut summary = Summary::default();
    let mut window = ConfirmWindow::new(256);
    let mut progress = Progress::new(Some(total));
    for line in std::io::BufReader::new(file).lines() {
        if cancel.is_cancelled() {
            summary.interrupted = true;
            break;
        }
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        summary.read += 1;
        if line.trim().is_empty() {
            summary.skipped += 1;
            continue;
        }
        let properties = replay_properties(
            &BasicProperties::default()
                .with_content_type("application/json".into())
                .with_delivery_mode(2),
        );
        let confirm = publisher
            .send(to_exchange, routing_key, line.as_bytes(), properties)
            .await?;
        window.push(confirm, None).await;
        progress.update(summary.read);
    }
    window.drain().await;
    progress.finish();
    summary.published = window.published;
    summary.failed = window.failed;
    summary.unacked = window.unacked;
    Ok(summary)
}
