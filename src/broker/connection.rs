//! Connecting to the broker: one attempt, or attempts with the retry policy of [`super::backoff`].

use std::time::Duration;

use lapin::{Connection, ConnectionProperties};
use tokio_util::sync::CancellationToken;

use super::backoff::Backoff;
use crate::settings::AmqpSettings;

/// Opens one connection, named so operators can find it in `rabbitmqctl list_connections`.
///
/// # Errors
/// The broker is unreachable or refused the credentials.
pub async fn connect(settings: &AmqpSettings, role: &str) -> lapin::Result<Connection> {
    let name = format!(
        "{} {} pid={}",
        settings.connection_name,
        role,
        std::process::id()
    );
    let properties = ConnectionProperties::default().with_connection_name(name.into());
    Connection::connect(settings.url.expose(), properties).await
}

/// Connects, retrying with backoff. `attempts == 0` retries until `cancel` fires.
///
/// # Errors
/// The last connection error once the attempts are used up, or `None` inside the error position
/// when cancelled (returned as `Ok(None)`).
pub async fn connect_with_retry(
    settings: &AmqpSettings,
    role: &str,
    attempts: u32,
    cancel: &CancellationToken,
) -> lapin::Result<Option<Connection>> {
    let mut backoff = Backoff::new(
        Duration::from_millis(settings.reconnect_initial_ms),
        Duration::from_millis(settings.reconnect_max_ms),
    );
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        match connect(settings, role).await {
            Ok(connection) => return Ok(Some(connection)),
            Err(error) if attempts != 0 && attempt >= attempts => return Err(error),
            Err(error) => {
                let delay = backoff.next_delay();
                tracing::warn!(
                    broker = %settings.url,
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
