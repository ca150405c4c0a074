//! Connecting to the broker: one attempt, or attempts with capped exponential backoff.

use std::time::Duration;

use lapin::{Connection, ConnectionProperties};
use tokio_util::sync::CancellationToken;

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

/// Capped exponential backoff: `initial`, doubling, never above `max`.
#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
    max: Duration,
}

impl Backoff {
    #[must_use]
    pub fn new(initial: Duration, max: Duration) -> Self {
        Self { next: initial, max }
    }

    /// The delay before the next attempt; each call doubles the following one up to the cap.
    pub fn next_delay(&mut self) -> Duration {
        let delay = self.next;
        self.next = (self.next * 2).min(self.max);
        delay
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_millis(350));
        let delays: Vec<_> = (0..4).map(|_| b.next_delay().as_millis()).collect();
        assert_eq!(delays, [100, 200, 350, 350]);
    }
}
