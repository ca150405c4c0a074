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
    pub url: AmqpUrl,
    pub connection_name: String,
    /// Start-up fails (exit 1) after this many unreachable attempts, so a wrong URL is seen at once.
    pub startup_attempts: u32,
    pub reconnect_initial_ms: u64,
    pub reconnect_max_ms: u64,
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

/// Log output.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    pub format: LogFormat,
    pub filter: String,
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

    /// The URL with its password replaced by `***`, safe to log.
    #[must_use]
    pub fn redacted(&self) -> String {
        redact_url(self.expose())
    }
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
        let mut forms = vec![password, decoded, as_bytes];
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
                .source(Some(prefixed.into_iter().collect())),
        );
        if let Some(url) = env.get("AMQP_URL").filter(|v| !v.is_empty()) {
            builder = builder.set_override("amqp.url", url.as_str())?;
        }
        Ok(builder.build()?.try_deserialize()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_with(env: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        Settings::load(&Sources {
            config_file: None,
            environment: Some(
                env.iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            ),
        })
    }

    #[test]
    fn the_compiled_in_defaults_load() {
        let settings = load_with(&[]).unwrap();
        assert_eq!(settings.topology.input_queue, "articles.incoming");
        assert_eq!(settings.limits.max_body_bytes, 10 * 1024 * 1024);
    }

    #[test]
    fn an_environment_variable_overrides_a_nested_key() {
        let settings = load_with(&[("ENRICHER__WORKER__MAX_IN_FLIGHT", "7")]).unwrap();
        assert_eq!(settings.worker.max_in_flight, 7);
    }

    #[test]
    fn a_list_comes_from_a_comma_separated_variable() {
        let settings = load_with(&[("ENRICHER__WORKER__PARTITIONS", "2,3")]).unwrap();
        assert_eq!(settings.worker.partitions, [2, 3]);
    }

    #[test]
    fn the_html_reader_is_chosen_by_name_and_an_unknown_one_is_an_error() {
        assert_eq!(
            load_with(&[]).unwrap().limits.html_reader,
            HtmlReader::Scoring
        );
        let settings = load_with(&[("ENRICHER__LIMITS__HTML_READER", "readability")]).unwrap();
        assert_eq!(settings.limits.html_reader, HtmlReader::Readability);
        let err = load_with(&[("ENRICHER__LIMITS__HTML_READER", "fast")]).unwrap_err();
        assert!(err.to_string().contains("fast"), "{err}");
    }

    #[test]
    fn the_record_formats_default_to_text_and_markdown_and_each_can_be_switched() {
        let options = load_with(&[]).unwrap().extractor_options();
        assert_eq!(options.formats, Formats::default());
        assert!(options.formats.text && options.formats.markdown);
        assert!(!options.formats.html && !options.formats.chunks);
        let settings = load_with(&[
            ("ENRICHER__RECORD__FORMATS__HTML", "true"),
            ("ENRICHER__RECORD__FORMATS__MARKDOWN", "false"),
            ("ENRICHER__RECORD__FORMATS__CHUNK_WORDS", "120"),
        ])
        .unwrap();
        let formats = settings.extractor_options().formats;
        assert!(formats.html && !formats.markdown && formats.text);
        assert_eq!(formats.chunk_words, 120);
        let err = load_with(&[("ENRICHER__RECORD__FORMATS__PDF", "true")]).unwrap_err();
        assert!(err.to_string().contains("pdf"), "{err}");
    }

    #[test]
    fn amqp_url_overrides_the_configured_url() {
        let settings = load_with(&[("AMQP_URL", "amqp://u:p@example:5672/v")]).unwrap();
        assert_eq!(settings.amqp.url.expose(), "amqp://u:p@example:5672/v");
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        let err = load_with(&[("ENRICHER__WORKER__MAX_IN_FLIGT", "7")]).unwrap_err();
        assert!(err.to_string().contains("max_in_fligt"), "{err}");
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let settings = load_with(&[("AMQP_URL", "amqp://user:s3cret@host/vh")]).unwrap();
        let debug = format!("{settings:?}");
        assert!(!debug.contains("s3cret"), "{debug}");
        assert!(debug.contains("amqp://user:***@host/vh"), "{debug}");
    }

    #[test]
    fn redaction_leaves_urls_without_password_alone() {
        assert_eq!(redact_url("amqp://host:5672/%2f"), "amqp://host:5672/%2f");
        assert_eq!(redact_url("amqp://user@host"), "amqp://user@host");
        assert_eq!(redact_url("amqps://a:b:c@h/v"), "amqps://a:***@h/v");
    }

    #[test]
    fn a_password_with_a_raw_slash_is_redacted_whole() {
        let url = "amqp://svc:se/cr@et@broker:5672/news";
        assert_eq!(redact_url(url), "amqp://svc:***@broker:5672/news");
        let secrets = AmqpUrl::new(url).secrets();
        assert!(secrets.contains(&"se/cr@et".to_owned()), "{secrets:?}");
    }

    #[test]
    fn a_password_that_is_the_user_name_is_no_secret_to_scrub() {
        assert!(
            AmqpUrl::new("amqp://guest:guest@h/%2f")
                .secrets()
                .is_empty()
        );
        assert_eq!(
            AmqpUrl::new("amqp://u:p%2Fw@h/%2f").secrets(),
            ["112, 47, 119", "p%2Fw", "p/w"]
        );
    }

    proptest::proptest! {
        #[test]
        fn no_password_survives_redaction_whatever_its_characters(
            password in "[^\\s]{3,24}",
        ) {
            let encoded: String =
                percent_encoding::utf8_percent_encode(&password, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            for written in [password.clone(), encoded] {
                let url = format!("amqp://svc-user:{written}@broker.internal:5672/news");
                let redacted = redact_url(&url);
                proptest::prop_assert_eq!(
                    &redacted,
                    "amqp://svc-user:***@broker.internal:5672/news",
                    "{}", url
                );
                let shown = format!("{:?} {}", AmqpUrl::new(url.clone()), AmqpUrl::new(url.clone()));
                proptest::prop_assert!(!shown.contains(&written), "{}", shown);
                let scrubbing = crate::telemetry::Scrubbing::new(AmqpUrl::new(url.clone()).secrets());
                let line = format!("connecting to {url} with password {password}");
                let scrubbed = scrubbing.scrub(&line);
                proptest::prop_assert!(!scrubbed.contains(&password), "{}", scrubbed);
            }
        }
    }

    #[test]
    fn a_config_file_that_does_not_parse_names_file_and_line_but_never_echoes_the_line() {
        let dir = std::env::temp_dir().join(format!("ae-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("broken.toml");
        std::fs::write(
            &path,
            "[amqp]\nurl = \"amqp://svc:Sup3rS3cret!@broker/news\nconnection_name = \"x\"\n",
        )
        .unwrap();
        let error = Settings::load(&Sources {
            config_file: Some(path.clone()),
            environment: Some(HashMap::new()),
        })
        .unwrap_err()
        .to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(!error.contains("Sup3rS3cret"), "{error}");
        assert!(error.contains("broken.toml"), "{error}");
        assert!(error.contains("line 2"), "{error}");
    }
}
