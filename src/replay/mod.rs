//! Replay: re-publishes articles to the input exchange so the current extractor processes them
//! again — from the dead-letter queue ([`dead_letter`]), from the archive stream ([`archive`]) or
//! from a JSONL file ([`file`]). Built on RabbitMQ's own features (a stream with offsets, the
//! dead-letter queue), not on a store of ours. Every message is either re-published and
//! confirmed, or left untouched: a stop (Ctrl-C) waits for the confirms already in flight.

pub mod archive;
pub mod dead_letter;
pub mod file;

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use lapin::Acker;
use lapin::BasicProperties;
use lapin::options::BasicAckOptions;
use lapin::types::{AMQPValue, FieldTable};
use serde::Serialize;

pub use crate::broker::headers::{REPLAY_COUNT, REPLAYED_AT};
use crate::broker::publisher::PendingConfirm;
use crate::broker::{header_str, headers, text_value};

/// The original properties for a re-publish: failure and position headers stripped,
/// `x-replay-count` incremented, `x-replayed-at` set.
#[must_use]
pub fn replay_properties(original: &BasicProperties) -> BasicProperties {
    let mut headers = FieldTable::default();
    if let Some(existing) = original.headers() {
        for (key, value) in existing {
            if !headers::FAILURE_AND_POSITION.contains(&key.as_str()) {
                headers.insert(key.clone(), value.clone());
            }
        }
    }
    let count = header_str(original.headers().as_ref(), REPLAY_COUNT)
        .and_then(|c| c.parse::<i64>().ok())
        .unwrap_or(0);
    headers.insert(REPLAY_COUNT.into(), AMQPValue::LongLongInt(count + 1));
    headers.insert(
        REPLAYED_AT.into(),
        text_value(&Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)),
    );
    original.clone().with_headers(headers)
}

/// What a replay did.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Messages read from the source.
    pub read: u64,
    /// Re-published and confirmed.
    pub published: u64,
    /// Read but not selected (another kind, past the limit, a dry run).
    pub skipped: u64,
    /// Not confirmed by the broker; left untouched at the source.
    pub failed: u64,
    /// Re-published and confirmed, but the ack at the source failed: the message is also still
    /// at its source and a later replay may send it again (at-least-once).
    pub unacked: u64,
    /// Whether the replay was stopped (Ctrl-C) before its end.
    pub interrupted: bool,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "replay {}: read {}, published {}, skipped {}, failed {}, unacked at the source {}",
            if self.interrupted {
                "interrupted"
            } else {
                "done"
            },
            self.read,
            self.published,
            self.skipped,
            self.failed,
            self.unacked
        )
    }
}

/// Shows progress: a bar with rate and ETA on a terminal, a log line every few seconds otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last_log: Instant,
}

impl Progress {
    /// `total` is the number of messages expected, when known.
    #[must_use]
    pub fn new(total: Option<u64>) -> Self {
        use std::io::IsTerminal as _;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = total.map_or_else(ProgressBar::new_spinner, ProgressBar::new);
            let template = if total.is_some() {
                "{bar:40} {pos}/{len} {per_sec} eta {eta}"
            } else {
                "{spinner} {pos} messages {per_sec}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        Self {
            bar,
            started: Instant::now(),
            last_log: Instant::now(),
        }
    }

    /// Reports the number of messages handled so far.
    pub fn update(&mut self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        } else if self.last_log.elapsed() >= Duration::from_secs(2) {
            self.last_log = Instant::now();
            let rate = done as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
            tracing::info!(done, rate = format!("{rate:.0}/s"), "replaying");
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Publishes with many confirms in flight; each source message is acked (if it has an acker)
/// only once its re-publish is confirmed.
pub struct ConfirmWindow {
    window: usize,
    pending: VecDeque<(PendingConfirm, Option<Acker>)>,
    pub published: u64,
    pub failed: u64,
    /// Re-published, but the source ack failed: the message is still at its source too.
    pub unacked: u64,
}

impl ConfirmWindow {
    #[must_use]
    pub fn new(window: usize) -> Self {
        Self {
            window: window.max(1),
            pending: VecDeque::new(),
            published: 0,
            failed: 0,
            unacked: 0,
        }
    }

    /// Adds a sent publish; waits for the oldest confirm when the window is full.
    pub async fn push(&mut self, confirm: PendingConfirm, source: Option<Acker>) {
        self.pending.push_back((confirm, source));
        while self.pending.len() >= self.window {
            self.settle_oldest().await;
        }
    }

    /// Waits for every confirm in flight.
    pub async fn drain(&mut self) {
        while !self.pending.is_empty() {
            self.settle_oldest().await;
        }
    }

    async fn settle_oldest(&mut self) {
        let Some((confirm, source)) = self.pending.pop_front() else {
            return;
        };
        match confirm.confirmed().await {
            Ok(()) => {
                self.published += 1;
                if let Some(acker) = source
                    && !matches!(acker.ack(BasicAckOptions::default()).await, Ok(true))
                {
                    self.unacked += 1;
                    tracing::warn!(
                        "ack of a replayed message failed; it stays at its source and may be replayed again"
                    );
                }
            }
            Err(error) => {
                self.failed += 1;
                tracing::warn!(%error, "re-publish not confirmed; the message stays at its source");
            }
        }
    }
}

/// Parses `--since` / `--until`: RFC 3339, or seconds since the Unix epoch.
///
/// # Errors
/// Neither form.
pub fn parse_time(raw: &str) -> anyhow::Result<chrono::DateTime<Utc>> {
    if let Ok(secs) = raw.trim().parse::<i64>() {
        return chrono::DateTime::from_timestamp(secs, 0)
            .ok_or_else(|| anyhow::anyhow!("timestamp out of range: {raw}"));
    }
    Ok(chrono::DateTime::parse_from_rfc3339(raw.trim())
        .map_err(|e| anyhow::anyhow!("not an RFC 3339 time or Unix seconds: {raw:?} ({e})"))?
        .with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replay_strips_failure_headers_and_counts_replays() {
        let mut headers = FieldTable::default();
        headers.insert(headers::ERROR_KIND.into(), text_value("body_too_large"));
        headers.insert("x-trace".into(), text_value("t"));
        headers.insert(REPLAY_COUNT.into(), AMQPValue::LongLongInt(2));
        let original = BasicProperties::default()
            .with_message_id("m".into())
            .with_headers(headers);
        let replayed = replay_properties(&original);
        let h = replayed.headers().as_ref();
        assert_eq!(header_str(h, headers::ERROR_KIND), None);
        assert_eq!(header_str(h, "x-trace").as_deref(), Some("t"));
        assert_eq!(header_str(h, REPLAY_COUNT).as_deref(), Some("3"));
        assert!(header_str(h, REPLAYED_AT).is_some());
        assert_eq!(
            replayed.message_id().as_ref().map(|m| m.as_str()),
            Some("m")
        );
    }

    #[test]
    fn times_parse_as_rfc3339_or_unix_seconds() {
        assert_eq!(parse_time("1700000000").unwrap().timestamp(), 1_700_000_000);
        assert_eq!(
            parse_time("2023-11-14T22:13:20Z").unwrap().timestamp(),
            1_700_000_000
        );
        assert!(parse_time("yesterday").is_err());
    }
}
