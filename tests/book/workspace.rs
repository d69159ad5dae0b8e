//! What a book's workspace holds (its listings, exercises, support crates and pinned mdbook
//! version) and what each listing declares: read by the book's preprocessor, whose reading the
//! harness shares, so that the two can never disagree on what a listing is (see
//! `packages/mdbook-listing/src/workspace.rs` and `declarations.rs`).

pub use mdbook_listing::declarations::{self, Declarations};
pub use mdbook_listing::workspace::*;
