//! Exercise 2-2: make the next item while this one is used.
//! Your code goes in `starter.rs`.

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::prefetch;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::prefetch;
