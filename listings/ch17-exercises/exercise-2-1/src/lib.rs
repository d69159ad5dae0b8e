//! Exercise 2-1: readings as they come.
//! Your code goes in `starter.rs`.

mod sensor;
pub use sensor::Sensor;

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::readings;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::readings;
