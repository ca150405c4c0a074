//! The per-article time budget as a deadline the work itself checks at its loop boundaries
//! (between stages, per sentence, per quote), so an article over its budget stops computing and
//! returns `time_budget_exceeded` — instead of a time-out outside that leaves a thread burning a
//! core for an answer nobody waits for.

use std::time::{Duration, Instant};

use crate::ExtractError;

/// When the current article's budget runs out; the default is no deadline (eval tools, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct Deadline {
    at: Option<(Instant, u64)>,
}

impl Deadline {
    /// `budget_ms` after `started`.
    #[must_use]
    pub fn after(started: Instant, budget_ms: u64) -> Self {
        Self {
            at: started
                .checked_add(Duration::from_millis(budget_ms))
                .map(|at| (at, budget_ms)),
        }
    }

    /// Fails once the deadline has passed.
    ///
    /// # Errors
    /// [`ExtractError::TimeBudgetExceeded`].
    pub fn check(&self) -> Result<(), ExtractError> {
        match self.at {
            Some((at, budget_ms)) if Instant::now() > at => {
                Err(ExtractError::TimeBudgetExceeded { budget_ms })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passed_deadline_fails_and_no_deadline_never_does() {
        let started = Instant::now().checked_sub(Duration::from_millis(50)).unwrap();
        assert_eq!(
            Deadline::after(started, 10).check(),
            Err(ExtractError::TimeBudgetExceeded { budget_ms: 10 })
        );
        assert_eq!(Deadline::after(Instant::now(), 60_000).check(), Ok(()));
        assert_eq!(Deadline::default().check(), Ok(()));
    }
}
