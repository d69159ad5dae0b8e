//! Exercise 1-5: a worker that shuts down gracefully.
//! Your code goes in `starter.rs`.

mod work;
pub use work::process;

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::worker;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::worker;
