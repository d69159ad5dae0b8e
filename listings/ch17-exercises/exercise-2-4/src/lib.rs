//! Exercise 2-4: two sources and a deadline.
//! Your code goes in `starter.rs`.

mod sources;
pub use sources::{door, temperatures};

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::merged_until;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::merged_until;
