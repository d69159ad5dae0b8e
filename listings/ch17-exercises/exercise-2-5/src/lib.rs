//! Exercise 2-5: every page of a paginated API.
//! Your code goes in `starter.rs`.

mod api;
pub use api::{Api, ApiError, Page};

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::all_items;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::all_items;
