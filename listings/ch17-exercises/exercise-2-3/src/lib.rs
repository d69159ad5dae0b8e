//! Exercise 2-3: a polite crawler.
//! Your code goes in `starter.rs`.

mod server;
pub use server::Server;

#[cfg(not(feature = "solution"))]
mod starter;
#[cfg(not(feature = "solution"))]
pub use starter::crawl;

#[cfg(feature = "solution")]
mod solution;
#[cfg(feature = "solution")]
pub use solution::crawl;
