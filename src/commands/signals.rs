//! Turns the first SIGTERM or SIGINT into a cancellation, for the long-running commands.

use tokio_util::sync::CancellationToken;

/// Cancels `token` on the first SIGTERM or SIGINT, logging which one.
pub async fn cancel_on_signal(token: CancellationToken) {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => tracing::info!("SIGINT received; stopping"),
        () = terminate => tracing::info!("SIGTERM received; stopping"),
    }
    token.cancel();
}
