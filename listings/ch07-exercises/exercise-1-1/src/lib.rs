//! Exercise 1-1: three fetches at once.
//! Your code goes in `starter.rs`.

mod service;

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::fetch_all;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::fetch_all;
