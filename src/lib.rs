//! article-enricher: consumes news articles from RabbitMQ, extracts and enriches each one, and
//! publishes one structured record per article, never losing a message.
//!
//! The extraction pipeline itself is the `enricher_extract` crate (`crates/extract`): pure, no
//! broker, no async. This crate is everything around it:
//! - [`settings`] — layered configuration, typed once at start-up.
//! - [`telemetry`] — tracing subscriber set-up.
//! - [`broker`] — RabbitMQ plumbing: connection, topology, confirmed publishing, dead letters.
//! - [`worker`] — joins the two: one delivery in, one disposition out.
//! - [`replay`] — re-publishing from the dead-letter queue, the archive stream or a file.
//! - [`observability`] — metrics names and the `/metrics`, `/healthz`, `/readyz` listener.
//! - [`commands`] — the CLI subcommands (`run`, `extract`, `publish`, `replay`, `topology`).
//!
//! Scoring on corpora, training and speed reports live in `crates/eval` (`article-enricher-eval`).

pub mod broker;
pub mod commands;
pub mod observability;
pub mod replay;
pub mod settings;
pub mod telemetry;
pub mod worker;
