//! The one retry policy of the worker, for broker connections and for publishes that are not
//! confirmed: exponential delays (doubling from `initial`, capped at `max`) with jitter, so that
//! many workers that lost the broker together do not come back in lockstep. The delays come from
//! `backon`'s exponential backoff; its jitter adds up to one delay again, so we halve each delay to
//! keep "equal jitter": every wait lies between half its nominal delay and the whole of it, and
//! never above `max`.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBuilder};

/// Waits between attempts: an endless iterator of jittered, capped exponential delays.
#[derive(Debug)]
pub struct Backoff {
    delays: backon::ExponentialBackoff,
}

impl Backoff {
    /// Delays starting near `initial`, doubling, never above `max`.
    #[must_use]
    pub fn new(initial: Duration, max: Duration) -> Self {
        let max = max.max(initial);
        Self {
            delays: ExponentialBuilder::default()
                .with_min_delay(initial)
                .with_max_delay(max)
                .with_factor(2.0)
                .with_jitter()
                .without_max_times()
                .build(),
        }
    }

    /// The delay before the next attempt.
    pub fn next_delay(&mut self) -> Duration {
        // backon's jitter gives [nominal, 2 × nominal); halved: [nominal / 2, nominal).
        self.delays.next().map_or(Duration::ZERO, |d| d / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_with_jitter_and_never_pass_the_cap() {
        let mut backoff = Backoff::new(Duration::from_millis(100), Duration::from_millis(350));
        let delays: Vec<u128> = (0..6).map(|_| backoff.next_delay().as_millis()).collect();
        let nominal = [100, 200, 350, 350, 350, 350];
        for (delay, nominal) in delays.iter().zip(nominal) {
            assert!(
                (nominal / 2..=nominal).contains(delay),
                "{delays:?} against {nominal}"
            );
        }
    }

    #[test]
    fn two_workers_do_not_wait_in_lockstep() {
        let series = || {
            let mut b = Backoff::new(Duration::from_millis(1_000), Duration::from_secs(60));
            (0..8).map(|_| b.next_delay()).collect::<Vec<_>>()
        };
        assert_ne!(series(), series());
    }
}
