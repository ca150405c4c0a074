//! Every message header name the worker writes or reads, defined once. Queue and stream
//! *arguments* (`x-queue-type`, `x-stream-offset` as a consume argument, …) live with the topology
//! and the archive reader; these are the headers carried on messages.

/// The extractor version, on every record and on every dead letter the worker writes (so a newer
/// extractor can be tried on replay).
pub const EXTRACTOR_VERSION: &str = "x-extractor-version";
/// The input's AMQP `message_id`, on every record.
pub const SOURCE_MESSAGE_ID: &str = "x-source-message-id";
/// A dead letter's failure as a short stable code (`malformed_json`, `html_too_deep`, …).
pub const ERROR_KIND: &str = "x-error-kind";
/// A dead letter's human-readable failure message.
pub const ERROR_MESSAGE: &str = "x-error-message";
/// When the worker gave up on a message (RFC 3339).
pub const FAILED_AT: &str = "x-failed-at";
/// How often a message was replayed.
pub const REPLAY_COUNT: &str = "x-replay-count";
/// When a message was last replayed (RFC 3339).
pub const REPLAYED_AT: &str = "x-replayed-at";
/// W3C trace context: the trace and parent span an input message belongs to, and the worker's span
/// for it on every record and dead letter it writes (see `broker::trace_context`).
pub const TRACEPARENT: &str = "traceparent";
/// W3C trace context: vendor-specific trace data, carried along with [`TRACEPARENT`].
pub const TRACESTATE: &str = "tracestate";
/// The broker's record of a message's dead-letterings (quorum queue delivery limit).
pub const DEATH: &str = "x-death";
/// A stream message's offset, as the broker delivers it.
pub const STREAM_OFFSET: &str = "x-stream-offset";

/// Headers that describe a past failure or a position, not the article: a replay strips them.
pub const FAILURE_AND_POSITION: [&str; 13] = [
    ERROR_KIND,
    ERROR_MESSAGE,
    FAILED_AT,
    EXTRACTOR_VERSION,
    DEATH,
    "x-first-death-exchange",
    "x-first-death-queue",
    "x-first-death-reason",
    "x-last-death-exchange",
    "x-last-death-queue",
    "x-last-death-reason",
    "x-delivery-count",
    STREAM_OFFSET,
];
