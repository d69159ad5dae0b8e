//! Exercise 1-2: a price with a fallback.
//! Your code goes in `starter.rs`.

mod service;
pub use service::Exchange;

// ANCHOR: types
use std::time::Duration;

/// How long `price` may wait for the live price.
pub const PATIENCE: Duration = Duration::from_millis(50);

/// A price, and where it came from.
#[derive(Debug, PartialEq, Eq)]
pub enum Quote {
    Live(u32),
    Cached(u32),
}
// ANCHOR_END: types

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::price;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::price;
