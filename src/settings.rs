//! Typed settings, loaded once at start-up from layered configuration (the `config` crate).
//!
//! Layers, later ones win: the compiled-in `config/default.toml`, `config/<APP_ENV>.toml`,
//! the `--config FILE`, `ENRICHER__SECTION__KEY` environment variables, then `AMQP_URL`.
//! Every struct denies unknown fields, so a misspelt key is an error that names it.

use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use config::{Config, Environment, File, FileFormat};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use enricher_extract::{Formats, HtmlReader, Limits, Options};

/// The defaults, compiled in so the binary runs from any working directory.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Prefix of the environment variables that override configuration keys.
pub const ENV_PREFIX: &str = "ENRICHER";

/// Everything the worker and the commands read from configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub amqp: AmqpSettings,
    pub topology: TopologySettings,
    pub worker: WorkerSettings,
    pub limits: LimitsSettings,
    pub telemetry: TelemetrySettings,
    pub http: HttpSettings,
    pub record: RecordSettings,
}

impl Settings {
    /// What the extractor is built with: the `[limits]` table and the record's formats.
    #[must_use]
    pub fn extractor_options(&self) -> Options {
        Options {
            formats: self.record.formats.clone(),
            ..self.limits.extractor_options()
        }
    }
}

/// The `[record]` table: what each record carries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSettings {
    /// `[record.formats]`: which forms of the main content (text, Markdown, HTML, chunks) and
    /// how chunks are cut; keys left out keep their defaults.
    #[serde(default)]
    pub formats: Formats,
}

/// The `[limits]` table: the extractor's bounds ([`Limits`]) and, beside them for the sake of an
/// unchanged configuration file, which HTML reader it uses (an option, not a bound).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsSettings {
    pub max_body_bytes: usize,
    pub max_html_nodes: usize,
    pub max_html_depth: usize,
    pub time_budget_ms: u64,
    #[serde(default)]
    pub html_reader: HtmlReader,
}

impl LimitsSettings {
    /// The bounds alone.
    #[must_use]
    pub fn limits(&self) -> Limits {
        Limits {
            max_body_bytes: self.max_body_bytes,
            max_html_nodes: self.max_html_nodes,
            max_html_depth: self.max_html_depth,
            time_budget_ms: self.time_budget_ms,
        }
    }

    /// What the extractor is built with, formats at their defaults (see
    /// [`Settings::extractor_options`] for the configured ones).
    #[must_use]
    pub fn extractor_options(&self) -> Options {
        Options {
            limits: self.limits(),
            html_reader: self.html_reader,
            ..Options::default()
        }
    }
}

/// How to reach the broker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmqpSettings {
    /// One broker URL, or several separated by commas (each starting `amqp://` or `amqps://`).
    pub url: AmqpUrl,
    /// The nodes of a cluster, tried in order; when not empty it takes the place of `url`.
    #[serde(default)]
    pub urls: Vec<AmqpUrl>,
    pub connection_name: String,
    /// Start-up fails (exit 1) after this many unreachable attempts, so a wrong URL is seen at once.
    pub startup_attempts: u32,
    pub reconnect_initial_ms: u64,
    pub reconnect_max_ms: u64,
    /// An address that does not answer within this long counts as unreachable, so the next one
    /// is tried (a killed host drops packets rather than refusing them).
    pub connect_timeout_ms: u64,
    /// Largest AMQP frame the worker proposes, in bytes (the broker's limit wins when lower; a
    /// URL's own `?frame_max=` wins over this). The client keeps a send and a receive buffer of
    /// 32 frames each, always resident: 8 MiB at the broker's default of 128 KiB, 2 MiB at 32 KiB.
    pub frame_max: u32,
}

impl AmqpSettings {
    /// The broker addresses in the order they are tried: `urls`, or else the URLs of `url`.
    #[must_use]
    pub fn addresses(&self) -> Vec<AmqpUrl> {
        if self.urls.is_empty() {
            self.url.split()
        } else {
            self.urls.iter().flat_map(AmqpUrl::split).collect()
        }
    }

    /// Every address with its password replaced by `***`, comma-separated: safe to log.
    #[must_use]
    pub fn redacted(&self) -> String {
        self.addresses()
            .iter()
            .map(AmqpUrl::redacted)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The password forms of every address (see [`AmqpUrl::secrets`]), and of `url` even when
    /// `urls` takes its place: all of them are scrubbed from the logs.
    #[must_use]
    pub fn secrets(&self) -> Vec<String> {
        let mut forms: Vec<String> = self
            .url
            .split()
            .iter()
            .chain(self.urls.iter())
            .flat_map(|u| u.split())
            .flat_map(|u| u.secrets())
            .collect();
        forms.sort();
        forms.dedup();
        forms
    }
}

/// Names of everything the worker declares; each is configurable so tests and tenants can isolate.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopologySettings {
    pub declare: bool,
    pub input_exchange: String,
    pub input_queue: String,
    pub input_binding: String,
    pub delivery_limit: u32,
    pub output_exchange: String,
    pub output_queue: String,
    pub output_binding: String,
    pub output_routing_prefix: String,
    pub dead_letter_exchange: String,
    pub dead_letter_queue: String,
    pub archive: bool,
    pub archive_queue: String,
    pub archive_max_bytes: u64,
    pub archive_max_age: String,
    pub ordering: bool,
    pub partitions: u16,
    pub partition_exchange: String,
    pub partition_queue_prefix: String,
    pub partition_hash_header: String,
    /// Replicas of each quorum queue (`x-quorum-initial-group-size`) and of the archive stream
    /// (`x-initial-cluster-size`). 0 means automatic: 3 when at least three broker addresses are
    /// configured (a cluster), else unset so the broker's default applies — and queues declared
    /// before this key existed keep arguments equal to the ones they were declared with.
    #[serde(default)]
    pub quorum_group_size: u32,
    /// `classic` (the default) or `quorum`: the output queue's type. In a cluster choose
    /// `quorum`, so records survive the loss of the node that holds a classic queue.
    #[serde(default)]
    pub output_queue_type: OutputQueueType,
}

/// The type of the output queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputQueueType {
    /// A durable classic queue, on the node that declared it.
    #[default]
    Classic,
    /// A replicated quorum queue.
    Quorum,
}

impl TopologySettings {
    /// The name of partition queue `index` in ordering mode.
    #[must_use]
    pub fn partition_queue(&self, index: u16) -> String {
        format!("{}{index}", self.partition_queue_prefix)
    }

    /// The queues a worker consumes: the input queue, or in ordering mode the partition queues
    /// in `assigned` (all of them when empty).
    #[must_use]
    pub fn consumed_queues(&self, assigned: &[u16]) -> Vec<String> {
        if !self.ordering {
            return vec![self.input_queue.clone()];
        }
        if assigned.is_empty() {
            (0..self.partitions)
                .map(|i| self.partition_queue(i))
                .collect()
        } else {
            assigned.iter().map(|i| self.partition_queue(*i)).collect()
        }
    }
}

/// The prefetch when none is configured: enough deliveries to keep every core busy while their
/// confirms and acks are on the wire, few enough that the bodies held stay small.
pub const DEFAULT_PREFETCH: u16 = 64;

/// Flow control and retry policy of the consuming loop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerSettings {
    /// Deliveries held at once: being extracted, waiting for an extraction slot, or waiting for
    /// their record's confirm and their ack. 0 means the prefetch.
    pub max_in_flight: usize,
    /// basic.qos: unacknowledged deliveries the broker pushes ahead. Large, so the broker round
    /// trips of many messages overlap while the cores extract.
    pub prefetch: u16,
    /// Extractions running at once (CPU-bound, on the blocking pool). 0 means the number of CPUs.
    pub extract_concurrency: usize,
    pub publish_retries: u32,
    pub retry_backoff_ms: u64,
    pub confirm_timeout_ms: u64,
    pub shutdown_deadline_ms: u64,
    pub partitions: Vec<u16>,
}

impl WorkerSettings {
    /// Deliveries held at once: the configured value, or the prefetch when it is 0.
    #[must_use]
    pub fn effective_max_in_flight(&self) -> usize {
        if self.max_in_flight > 0 {
            self.max_in_flight
        } else {
            usize::from(self.effective_prefetch())
        }
    }

    /// basic.qos prefetch: the configured value; when it is 0, twice `max_in_flight` if that is
    /// set, else [`DEFAULT_PREFETCH`].
    #[must_use]
    pub fn effective_prefetch(&self) -> u16 {
        match (self.prefetch, self.max_in_flight) {
            (0, 0) => DEFAULT_PREFETCH,
            (0, n) => u16::try_from(n * 2).unwrap_or(u16::MAX),
            (p, _) => p,
        }
    }

    /// Extractions at once: the configured value, or the number of CPUs when it is 0.
    #[must_use]
    pub fn effective_extract_concurrency(&self) -> usize {
        if self.extract_concurrency > 0 {
            self.extract_concurrency
        } else {
            std::thread::available_parallelism().map_or(2, usize::from)
        }
    }

    #[must_use]
    pub fn confirm_timeout(&self) -> Duration {
        Duration::from_millis(self.confirm_timeout_ms)
    }

    #[must_use]
    pub fn shutdown_deadline(&self) -> Duration {
        Duration::from_millis(self.shutdown_deadline_ms)
    }
}

/// Log output and span export.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    pub format: LogFormat,
    pub filter: String,
    /// Base URL of an OTLP/HTTP collector (`http://host:4318`; `/v1/traces` is appended unless
    /// present). Empty: no span is exported (trace headers are still read and written).
    #[serde(default)]
    pub otlp_endpoint: String,
    /// `service.name` of the exported spans.
    #[serde(default = "default_service_name")]
    pub service_name: String,
}

fn default_service_name() -> String {
    "article-enricher".into()
}

impl TelemetrySettings {
    /// The password forms of the OTLP endpoint, if it carries one (see [`AmqpUrl::secrets`]):
    /// scrubbed from the logs like the broker's.
    #[must_use]
    pub fn secrets(&self) -> Vec<String> {
        AmqpUrl::new(self.otlp_endpoint.clone()).secrets()
    }
}

/// Pretty for people, JSON for log shippers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// The metrics and health listener.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSettings {
    pub enabled: bool,
    pub bind: SocketAddr,
}

/// An AMQP URL whose password never reaches logs or `Debug` output.
#[derive(Clone)]
pub struct AmqpUrl(SecretString);

impl AmqpUrl {
    #[must_use]
    pub fn new(url: impl Into<String>) -> Self {
        Self(SecretString::from(url.into()))
    }

    /// The full URL, password included: only for handing to the AMQP client.
    #[must_use]
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// The URL with its password replaced by `***`, safe to log; each URL of a list alike.
    #[must_use]
    pub fn redacted(&self) -> String {
        split_addresses(self.expose())
            .iter()
            .map(|u| redact_url(u))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The URLs of a comma-separated list (one URL stays one).
    #[must_use]
    pub fn split(&self) -> Vec<Self> {
        split_addresses(self.expose())
            .into_iter()
            .map(Self::new)
            .collect()
    }
}

/// Splits `amqp://a…,amqp://b…` into its URLs. A comma splits only where the next part starts a
/// URL (`amqp://` or `amqps://`), so a raw comma inside a password or a query stays where it is.
#[must_use]
pub fn split_addresses(list: &str) -> Vec<String> {
    let starts_url = |rest: &str| {
        let rest = rest.trim_start().to_ascii_lowercase();
        rest.starts_with("amqp://") || rest.starts_with("amqps://")
    };
    let mut parts = Vec::new();
    let mut current = String::new();
    for (i, piece) in list.split(',').enumerate() {
        if i > 0 && !starts_url(piece) {
            current.push(',');
        } else if i > 0 {
            parts.push(std::mem::take(&mut current));
        }
        current.push_str(piece);
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

impl fmt::Debug for AmqpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AmqpUrl({})", self.redacted())
    }
}

impl fmt::Display for AmqpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl<'de> Deserialize<'de> for AmqpUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// The user information of `scheme://userinfo@host…`: everything up to the *last* `@` (a raw `@`,
/// `/`, `?` or `#` in a password then stays inside it; a raw `@` in the path makes it swallow the
/// host too, which only ever hides more). `None` without credentials.
fn userinfo_span(url: &str) -> Option<(usize, usize)> {
    let start = url.find("://")? + 3;
    let at = url[start..].rfind('@')? + start;
    Some((start, at))
}

/// Whether the user information is what a URL parser reads as such: none of the characters that
/// end an authority appear raw in it.
fn well_formed_userinfo(userinfo: &str) -> bool {
    !userinfo.contains(['/', '?', '#', '\\', '@'])
}

/// Replaces the password in `scheme://user:password@host…` with `***`. A well-formed URL is
/// parsed with the `url` crate; one whose password holds raw `/`, `?`, `#`, `\\` or `@` (which a
/// parser would split elsewhere) is masked from the first `:` of its user information to the
/// last `@`, so nothing of the password is left whatever characters it holds.
#[must_use]
pub fn redact_url(url: &str) -> String {
    let Some((start, at)) = userinfo_span(url) else {
        return url.to_owned();
    };
    let userinfo = &url[start..at];
    if well_formed_userinfo(userinfo)
        && let Ok(mut parsed) = url::Url::parse(url)
        && parsed.has_host()
    {
        if parsed.password().is_some() {
            let _ = parsed.set_password(Some("***"));
        }
        return parsed.to_string();
    }
    let masked = match userinfo.split_once(':') {
        Some((user, _)) => format!("{user}:***"),
        None => userinfo.to_owned(),
    };
    format!("{}{masked}{}", &url[..start], &url[at..])
}

impl AmqpUrl {
    /// The forms of the password that must never reach a log line: as written in the URL,
    /// percent-decoded, and as the list of byte values a frame dump shows. Empty when the URL has no password, or when the password is the user
    /// name (the redacted URL shows the user name anyway, e.g. RabbitMQ's `guest:guest`).
    #[must_use]
    pub fn secrets(&self) -> Vec<String> {
        let addresses = split_addresses(self.expose());
        if addresses.len() > 1 {
            let mut forms: Vec<String> = addresses
                .into_iter()
                .flat_map(|u| Self::new(u).secrets())
                .collect();
            forms.sort();
            forms.dedup();
            return forms;
        }
        let url = self.expose();
        let Some((start, at)) = userinfo_span(url) else {
            return Vec::new();
        };
        let userinfo = &url[start..at];
        let (user, password) = match url::Url::parse(url) {
            Ok(parsed) if well_formed_userinfo(userinfo) && parsed.has_host() => (
                parsed.username().to_owned(),
                parsed.password().map(str::to_owned),
            ),
            _ => match userinfo.split_once(':') {
                Some((user, password)) => (user.to_owned(), Some(password.to_owned())),
                None => (userinfo.to_owned(), None),
            },
        };
        let Some(password) = password.filter(|p| !p.is_empty()) else {
            return Vec::new();
        };
        let decoded = percent_encoding::percent_decode_str(&password)
            .decode_utf8_lossy()
            .into_owned();
        let user = percent_encoding::percent_decode_str(&user)
            .decode_utf8_lossy()
            .into_owned();
        if decoded == user {
            return Vec::new();
        }
        // Frame dumps show the login as a list of byte values.
        let as_bytes = decoded
            .bytes()
            .map(|b| b.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        // The URL parser re-encodes what it serialises ("\u{86}" becomes "%C2%86"): the
        // password exactly as written is a form of its own.
        let written = userinfo
            .split_once(':')
            .map(|(_, written)| written.to_owned())
            .unwrap_or_default();
        let mut forms = vec![password, decoded, as_bytes, written];
        forms.retain(|form| *form != user && !form.is_empty());
        forms.sort();
        forms.dedup();
        forms
    }
}

/// Where the layers come from; the defaults read the real environment.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// `--config FILE`: required when given.
    pub config_file: Option<PathBuf>,
    /// Environment to read instead of the process's (tests inject their own).
    pub environment: Option<HashMap<String, String>>,
}

impl Sources {
    /// No file, and `pairs` as the whole environment (what tests inject).
    #[must_use]
    pub fn environment_of(pairs: &[(&str, &str)]) -> Self {
        Self {
            config_file: None,
            environment: Some(
                pairs
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            ),
        }
    }
}

/// A configuration that could not be read or does not fit the settings. Its message names the
/// file, line and key, but never echoes a value: a line of a configuration file can hold the
/// broker password.
#[derive(Debug, thiserror::Error)]
#[error("invalid configuration: {message}")]
pub struct SettingsError {
    message: String,
}

impl From<config::ConfigError> for SettingsError {
    fn from(error: config::ConfigError) -> Self {
        Self {
            message: describe_without_values(&error),
        }
    }
}

/// A configuration error's message with every value left out: for a file that does not parse,
/// the parser's position and complaint without its quote of the line; for a value of the wrong
/// type, the key and the expected type without the value.
fn describe_without_values(error: &config::ConfigError) -> String {
    use config::ConfigError;
    match error {
        ConfigError::FileParse { uri, cause } => {
            let text = cause.to_string();
            let kept: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !is_quoted_source_line(line))
                .collect();
            format!(
                "{} does not parse: {}",
                uri.as_deref().unwrap_or("a configuration file"),
                kept.join("; ")
            )
        }
        ConfigError::Type {
            origin,
            expected,
            key,
            ..
        } => format!(
            "{}{} must be {expected}",
            key.as_deref()
                .map_or_else(|| "a value".to_owned(), |k| format!("`{k}`")),
            origin
                .as_deref()
                .map_or_else(String::new, |o| format!(" (in {o})")),
        ),
        ConfigError::At { error, origin, key } => format!(
            "{}{}: {}",
            key.as_deref()
                .map_or_else(String::new, |k| format!("`{k}`")),
            origin
                .as_deref()
                .map_or_else(String::new, |o| format!(" in {o}")),
            describe_without_values(error)
        ),
        other => other.to_string(),
    }
}

/// A line of a parser's snippet: `3 | url = "…"`, ` |`, or the `^` marker under it.
fn is_quoted_source_line(line: &str) -> bool {
    let digits = line
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .trim_start();
    digits.starts_with('|')
        || line
            .chars()
            .all(|c| c == '^' || c == '~' || c.is_whitespace())
}

impl Settings {
    /// Loads the layered configuration.
    ///
    /// # Errors
    /// A missing `--config` file, a syntax error, a value of the wrong type or an unknown key.
    pub fn load(sources: &Sources) -> Result<Self, SettingsError> {
        let env = sources
            .environment
            .clone()
            .unwrap_or_else(|| std::env::vars().collect());
        let mut builder =
            Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        if let Some(app_env) = env.get("APP_ENV").filter(|v| !v.is_empty()) {
            let dir = env
                .get("ENRICHER_CONFIG_DIR")
                .map_or_else(|| PathBuf::from("config"), PathBuf::from);
            builder = builder
                .add_source(File::with_name(&dir.join(app_env).to_string_lossy()).required(false));
        }
        if let Some(path) = &sources.config_file {
            builder = builder.add_source(File::from(Path::new(path)).required(true));
        }
        let prefixed: HashMap<String, String> = env
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("{ENV_PREFIX}__")))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        builder = builder.add_source(
            Environment::with_prefix(ENV_PREFIX)
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("worker.partitions")
                .with_list_parse_key("amqp.urls")
                .source(Some(prefixed.into_iter().collect())),
        );
        if let Some(url) = env.get("AMQP_URL").filter(|v| !v.is_empty()) {
            // AMQP_URL, one URL or a comma-separated list, replaces every configured address.
            builder = builder
                .set_override("amqp.url", url.as_str())?
                .set_override("amqp.urls", Vec::<String>::new())?;
        }
        let mut settings: Self = builder.build()?.try_deserialize()?;
        if settings.topology.quorum_group_size == 0 && settings.amqp.addresses().len() >= 3 {
            settings.topology.quorum_group_size = 3;
        }
        Ok(settings)
    }
}

#[cfg(test)]
mod tests;
