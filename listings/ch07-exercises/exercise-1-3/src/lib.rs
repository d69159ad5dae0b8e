//! Exercise 1-3: a worker pool with a limit.
//! Your code goes in `starter.rs`.

mod service;
pub use service::Backend;

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::resize_all;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::resize_all;
