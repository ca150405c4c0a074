//! Publishing with publisher confirms and `mandatory`: a publish is done only when the broker
//! has confirmed it. A nack, a returned (unroutable) message or a confirm timeout is an error the
//! caller retries — never a log line.

use std::time::Duration;

use lapin::Confirmation;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::{BasicProperties, Channel, Connection};

/// Why a publish was not confirmed. All of these are transient.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("the broker nacked the message")]
    Nacked,
    #[error("the broker returned the message as unroutable: {0}")]
    Returned(String),
    #[error("no confirm within {0:?}")]
    Timeout(Duration),
    #[error("channel error: {0}")]
    Channel(#[from] lapin::Error),
}

/// A publish awaiting the broker's confirm.
pub struct PendingConfirm {
    pending: lapin::PublisherConfirm,
    timeout: Duration,
}

impl PendingConfirm {
    /// Waits for the confirm.
    ///
    /// # Errors
    /// [`PublishError`]: nacked, returned as unroutable, timed out, or a channel failure.
    pub async fn confirmed(self) -> Result<(), PublishError> {
        let confirmation = tokio::time::timeout(self.timeout, self.pending)
            .await
            .map_err(|_| PublishError::Timeout(self.timeout))??;
        match confirmation {
            Confirmation::Ack(None) => Ok(()),
            Confirmation::Ack(Some(returned)) | Confirmation::Nack(Some(returned)) => Err(
                PublishError::Returned(format!("{} {}", returned.reply_code, returned.reply_text)),
            ),
            Confirmation::Nack(None) => Err(PublishError::Nacked),
            Confirmation::NotRequested => unreachable!("the channel is in confirm mode"),
        }
    }
}

/// A confirm-mode channel.
#[derive(Clone)]
pub struct ConfirmedPublisher {
    channel: Channel,
    confirm_timeout: Duration,
}

impl ConfirmedPublisher {
    /// Opens a channel in confirm mode.
    ///
    /// # Errors
    /// The channel could not be opened.
    pub async fn open(connection: &Connection, confirm_timeout: Duration) -> lapin::Result<Self> {
        let channel = connection.create_channel().await?;
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await?;
        Ok(Self {
            channel,
            confirm_timeout,
        })
    }

    /// The channel, e.g. for declaring topology.
    #[must_use]
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// True while the channel can still publish; false after its connection was lost.
    #[must_use]
    pub fn is_connected(&self) -> bool {
        self.channel.status().connected()
    }

    /// Publishes `body` and waits for the broker's confirm.
    ///
    /// # Errors
    /// [`PublishError`]: nacked, returned as unroutable, timed out, or a channel failure.
    pub async fn publish(
        &self,
        exchange: &str,
        routing_key: &str,
        body: &[u8],
        properties: BasicProperties,
    ) -> Result<(), PublishError> {
        self.send(exchange, routing_key, body, properties)
            .await?
            .confirmed()
            .await
    }

    /// Publishes `body` without waiting: the returned [`PendingConfirm`] resolves with the
    /// broker's answer, so callers can keep many publishes in flight.
    ///
    /// # Errors
    /// The channel failed before the message was sent.
    pub async fn send(
        &self,
        exchange: &str,
        routing_key: &str,
        body: &[u8],
        properties: BasicProperties,
    ) -> Result<PendingConfirm, PublishError> {
        let options = BasicPublishOptions {
            mandatory: true,
            immediate: false,
        };
        let pending = self
            .channel
            .basic_publish(
                exchange.into(),
                routing_key.into(),
                options,
                body,
                properties,
            )
            .await?;
        Ok(PendingConfirm {
            pending,
            timeout: self.confirm_timeout,
        })
    }

    /// Closes the channel cleanly.
    pub async fn close(&self) {
        let _ = self.channel.close(200, "bye".into()).await;
    }
}
