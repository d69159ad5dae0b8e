//! Exercise 3-1: a rate limit per client.
//! Your code goes in `starter.rs`.

use std::time::Duration;

/// At most `burst` lines echoed in any span of time shorter than `per`.
#[derive(Clone, Copy)]
pub struct RateLimit {
    pub burst: usize,
    pub per: Duration,
}

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::echo;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::echo;
