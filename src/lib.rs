//! article-enricher: consumes news articles from RabbitMQ, extracts and enriches each one, and
//! publishes one structured record per article, never losing a message.
//!
//! - [`pipeline`] — pure extraction: message body in, record out (no broker, no async).
//! - [`settings`] — layered configuration, typed once at start-up.
//! - [`telemetry`] — tracing subscriber set-up.
//! - [`broker`] — RabbitMQ plumbing: connection, topology, confirmed publishing, dead letters.
//! - [`worker`] — joins the two: one delivery in, one disposition out.
//! - [`replay`] — re-publishing from the dead-letter queue, the archive stream or a file.
//! - [`observability`] — metrics names and the `/metrics`, `/healthz`, `/readyz` listener.
//! - [`eval`] — scoring the pipeline on annotated corpora.
//! - [`commands`] — the CLI subcommands (`run`, `extract`, `publish`, `topology`).

pub mod broker;
pub mod commands;
pub mod eval;
pub mod observability;
pub mod pipeline;
pub mod replay;
pub mod settings;
pub mod telemetry;
pub mod worker;
