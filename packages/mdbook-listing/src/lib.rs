//! The book's mdBook preprocessor. It replaces two directives in the pages (see README.md):
//! `{{#listing 1-3}}`, a listing's whole figure (caption, code, checked output, timeline and
//! asyncio twin), and `{{#output 1-3 last-ms}}`, one value from a listing's checked output.
//! Everything it shows comes from the listing's crate: its `Cargo.toml` holds the titles.
//! `workspace` (with `declarations`) is how both this crate and the test harness read the
//! workspace's listings. `migrate` and `manifest` serve the `migrate-listings` binary, which moves today's hand-typed
//! presentations to directives.

pub mod anchors;
pub mod declarations;
pub mod directive;
pub mod figure;
pub mod manifest;
pub mod markdown;
pub mod migrate;
pub mod output;
pub mod panel;
pub mod paths;
pub mod preprocess;
pub mod quiz;
pub mod request;
pub mod workspace;
pub mod xref;

#[cfg(test)]
mod fixture;
