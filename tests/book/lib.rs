//! The book's test harness, as a library: `tests/book/main.rs` runs its checks as libtest
//! trials, and its own unit tests (in each module) and fixture tests (`fixture`) run under
//! `cargo test` like any crate's. Each module holds one concern and says what it checks.
//!
//! - What is under test: `workspace` (cargo metadata, and a listing's
//!   `[package.metadata.listing]`, read by `packages/mdbook-listing`, re-exported), `book` (a
//!   book under test and what its checks share).
//! - Running things: `compile` (cargo builds, dep-info), `capture` (a process's output, with a
//!   time limit), `listings` and `twins` (a program's observed output), `twice` (the
//!   determinism check, and the record that spares a second run), `inputs` (what a build or a
//!   run is made of, as one hash) and `memo` (what an earlier build made, kept under that hash:
//!   the built book, see `mdbook`, the errors of a listing meant not to compile, see
//!   `kept_errors`, and the passes of `book::pages` and `book::links`, see
//!   `Book::unless_passed`), `exercises` with
//!   `test_report` (a libtest run's results) and `hidden_tests` (tests it would not run).
//! - Reading the pages: `markdown`; building the book: `mdbook`.
//! - Policy, one rule each: `expected` and `normalize` (output against its expected file),
//!   `timeline`, `realclock`, `pages` (includes, code blocks), `shown` (what each page shows, and
//!   its `{{#listing}}` directives rendered by `packages/mdbook-listing`),
//!   `links`, `ownership` (every file under `listings/` is owned), `quizzes` (every quiz
//!   question is shown).
//! - The list of checks: `check` (one check), `checks` (a book's checks, in order), `fixture`
//!   (the harness's own tests on a book made to fail).

pub mod book;
pub mod capture;
pub mod check;
pub mod checks;
pub mod compile;
pub mod exercises;
pub mod expected;
pub mod fixture;
pub mod hidden_tests;
pub mod inputs;
pub mod kept_errors;
pub mod links;
pub mod listings;
pub mod markdown;
pub mod mdbook;
pub mod memo;
pub mod normalize;
pub mod ownership;
pub mod pages;
pub mod quizzes;
pub mod realclock;
pub mod shown;
pub mod test_report;
pub mod timeline;
pub mod twice;
pub mod twins;
pub mod workspace;
