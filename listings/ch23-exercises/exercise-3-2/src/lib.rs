//! Exercise 3-2: a shutdown that lets every request finish.
//! Your code goes in `starter.rs`.

mod work;
pub use work::{WORK, answer};

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::serve;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::serve;
