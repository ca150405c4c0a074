//! Connecting to the broker: one pass over its addresses, or passes with the retry policy of
//! [`super::backoff`]. With several addresses (the nodes of a cluster) a pass tries them in turn
//! from a given one and keeps the first that answers; only a pass in which none answered waits
//! the backoff, so a lost node is left for the next one at once.

use std::time::Duration;

use lapin::uri::AMQPUri;
use lapin::{Connection, ConnectionProperties};
use tokio_util::sync::CancellationToken;

use super::backoff::Backoff;
use crate::settings::{AmqpSettings, AmqpUrl};

/// A connection and which of the configured addresses it went to.
pub struct Connected {
    pub connection: Connection,
    /// Index in [`AmqpSettings::addresses`].
    pub index: usize,
    /// The address, password redacted: safe to log.
    pub address: String,
}

/// Opens one connection to `url`, named so operators can find it in `rabbitmqctl
/// list_connections`, giving up after `amqp.connect_timeout_ms`.
async fn connect_to(
    settings: &AmqpSettings,
    url: &AmqpUrl,
    role: &str,
) -> lapin::Result<Connection> {
    let name = format!(
        "{} {} pid={}",
        settings.connection_name,
        role,
        std::process::id()
    );
    let properties = ConnectionProperties::default().with_connection_name(name.into());
    let timeout = Duration::from_millis(settings.connect_timeout_ms.max(1));
    let uri = uri_with_frame_max(url.expose(), settings.frame_max)
        .map_err(|reason| std::io::Error::new(std::io::ErrorKind::InvalidInput, reason))?;
    match tokio::time::timeout(timeout, Connection::connect_uri(uri, properties)).await {
        Ok(result) => result,
        Err(_) => Err(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            format!("no answer within {timeout:?}"),
        )
        .into()),
    }
}

/// `url` parsed, proposing `frame_max` (`amqp.frame_max`, 0 for the broker's) unless the URL
/// names its own.
fn uri_with_frame_max(url: &str, frame_max: u32) -> Result<AMQPUri, String> {
    let mut uri: AMQPUri = url.parse()?;
    if uri.query.frame_max.is_none() && frame_max > 0 {
        uri.query.frame_max = Some(frame_max);
    }
    Ok(uri)
}

/// One pass over the addresses, starting at `start`: the first that answers, or the last error.
async fn connect_pass(
    settings: &AmqpSettings,
    role: &str,
    start: usize,
) -> Result<Connected, lapin::Error> {
    let addresses = settings.addresses();
    let count = addresses.len().max(1);
    let mut last_error = None;
    for step in 0..count {
        let index = (start + step) % count;
        let Some(url) = addresses.get(index) else {
            break;
        };
        match connect_to(settings, url, role).await {
            Ok(connection) => {
                return Ok(Connected {
                    connection,
                    index,
                    address: url.redacted(),
                });
            }
            Err(error) => {
                if count > 1 {
                    tracing::warn!(broker = %url, error = %error, "broker address unreachable; trying the next");
                }
                last_error = Some(error);
            }
        }
    }
    Err(last_error.unwrap_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "no broker address configured",
        )
        .into()
    }))
}

/// Connects to the first address that answers, in the configured order.
///
/// # Errors
/// No address is reachable or accepts the credentials: the last address's error.
pub async fn connect(settings: &AmqpSettings, role: &str) -> lapin::Result<Connection> {
    connect_pass(settings, role, 0).await.map(|c| c.connection)
}

/// Connects, passing over the addresses from `start` and retrying with backoff between passes.
/// `attempts` counts passes; 0 retries until `cancel` fires (then `Ok(None)`).
///
/// # Errors
/// The last connection error once the passes are used up.
pub async fn connect_with_retry(
    settings: &AmqpSettings,
    role: &str,
    attempts: u32,
    start: usize,
    cancel: &CancellationToken,
) -> lapin::Result<Option<Connected>> {
    let mut backoff = Backoff::new(
        Duration::from_millis(settings.reconnect_initial_ms),
        Duration::from_millis(settings.reconnect_max_ms),
    );
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let pass = tokio::select! {
            () = cancel.cancelled() => return Ok(None),
            pass = connect_pass(settings, role, start) => pass,
        };
        match pass {
            Ok(connected) => return Ok(Some(connected)),
            Err(error) if attempts != 0 && attempt >= attempts => return Err(error),
            Err(error) => {
                let delay = backoff.next_delay();
                tracing::warn!(
                    broker = %settings.redacted(),
                    attempt,
                    retry_in_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                    error = %error,
                    "broker unreachable"
                );
                tokio::select! {
                    () = cancel.cancelled() => return Ok(None),
                    () = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
}

/// The address to try first after losing the connection to address `lost` of `count`: the next
/// one, so a dead node is not the first tried again.
#[must_use]
pub fn failover_start(lost: usize, count: usize) -> usize {
    (lost + 1) % count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failover_moves_to_the_next_address_and_wraps_around() {
        assert_eq!(failover_start(0, 3), 1);
        assert_eq!(failover_start(2, 3), 0);
        assert_eq!(failover_start(0, 1), 0);
    }

    #[test]
    fn the_configured_frame_max_is_proposed_unless_the_url_sets_its_own() {
        let uri = uri_with_frame_max("amqp://u:p@host:5672/v", 32_768).unwrap();
        assert_eq!(uri.query.frame_max, Some(32_768));
        let uri = uri_with_frame_max("amqp://u:p@host:5672/v?frame_max=65536", 32_768).unwrap();
        assert_eq!(uri.query.frame_max, Some(65_536));
        let uri = uri_with_frame_max("amqp://u:p@host:5672/v", 0).unwrap();
        assert_eq!(uri.query.frame_max, None);
    }

    fn settings(urls: &[&str]) -> AmqpSettings {
        AmqpSettings {
            url: AmqpUrl::new("amqp://unused:1/"),
            urls: urls.iter().map(|u| AmqpUrl::new(*u)).collect(),
            connection_name: "test".into(),
            startup_attempts: 1,
            reconnect_initial_ms: 10,
            reconnect_max_ms: 20,
            connect_timeout_ms: 2_000,
            frame_max: 32_768,
        }
    }

    #[tokio::test]
    async fn a_pass_over_dead_addresses_names_the_last_error_and_gives_up() {
        let cancel = CancellationToken::new();
        let result = connect_with_retry(
            &settings(&["amqp://g:pw1@127.0.0.1:1/v", "amqp://g:pw2@127.0.0.1:2/v"]),
            "test",
            2,
            0,
            &cancel,
        )
        .await;
        assert!(result.is_err());
    }

    #[tokio::test]
    async fn a_cancelled_retry_returns_none() {
        let cancel = CancellationToken::new();
        cancel.cancel();
        let result =
            connect_with_retry(&settings(&["amqp://127.0.0.1:1/v"]), "test", 0, 0, &cancel)
                .await
                .unwrap();
        assert!(result.is_none());
    }
}
