//! `cargo test` for the book: every check below is one libtest trial, run by libtest-mimic, so
//! that filters, `--skip`, `--exact`, `--list`, `--format`, `--test-threads` and
//! `cargo nextest run` behave as in any Rust project.
//!
//! - `listing-01-03`: the listing builds (in one cargo call with all the others) without a
//!   warning, runs, exits as its `Cargo.toml` declares (successfully, or with the declared
//!   panic), prints the same thing on two runs (the second may be an identical earlier run of
//!   the very same program; see `twice`) and nothing run-dependent (an address, a thread id),
//!   and prints exactly its `output.txt`. A listing declared `compile-error` must fail to
//!   compile with that error, and its `output.txt` holds what the compiler said.
//! - `listing-01-03::twin`: the same for its asyncio twin, run with python3 (see `twins`).
//! - `listing-01-03::timeline`: the timeline drawn from that output is its `timeline.svg`.
//! - `exercise-1-1`: its solution passes its tests; its starter builds, and its tests run and
//!   report at least one failure (see `exercises`).
//! - `book::pages`: every page is in `SUMMARY.md`; every include and anchor resolves; every
//!   `rust` or `python` block is one include of a listing; every listing and twin is shown by
//!   exactly one `{{#listing}}` directive, has its title, and every directive renders (see
//!   `shown`); no page includes an output or timeline by hand; support crates and exercises are
//!   shown.
//! - `book::links`: the pinned mdbook builds the book without a warning, and every link and
//!   `#anchor` inside the built book resolves.
//! - `book::files`: every file under `listings/` is owned by a program (see `ownership`).
//! - `harness::fixture::*`: the harness's own tests, on a book made to fail (see `fixture`).
//!
//! Every listing and twin runs on every `cargo test`. What may be kept from an earlier run, under
//! the key of all its inputs (see `memo`): the second run of a program (`twice`), the built book
//! (`mdbook`), the errors of a listing meant not to compile (`kept_errors`), and the pass of
//! `book::pages` and `book::links`; a change to any input, the harness included, does it again.
//!
//! `UPDATE_EXPECT=1 cargo test` rewrites the expected files (outputs, timelines) from real runs
//! instead of comparing, and nothing else. `REAL_CLOCK=3 cargo test` runs only each listing and
//! twin, 3 times, on the real clock, and checks that each prints its lines in the order of its
//! expected file (`realclock`). After the run, both list what they did, one line per check.

use harness::book::Book;
use harness::check::{Check, Pass};
use harness::expected::{self, Mode};
use harness::workspace::Workspace;
use harness::{checks, fixture, realclock};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    match run(&arguments) {
        Ok(exit) => exit,
        Err(problem) => {
            eprintln!("error: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &Arguments) -> Result<ExitCode, String> {
    let mode = Mode::from_env()?;
    let real_clock_runs = realclock::runs()?;
    let real_clock = real_clock_runs.is_some();
    if real_clock && mode == Mode::Update {
        return Err(format!(
            "{} and {}=1 cannot be combined: expected files come from virtual-clock runs only",
            realclock::VAR,
            expected::UPDATE_VAR
        ));
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let workspace = Workspace::load(&cargo, Path::new(env!("CARGO_MANIFEST_DIR")), None)?;
    workspace.pinned_mdbook()?;
    let book = Arc::new(Book::new(workspace, &cargo, mode, real_clock_runs));

    let mut checks = checks::all(&book);
    if !real_clock {
        // Right after the first check, so that the fixture builds while the book's own do.
        let at = checks.len().min(1);
        checks.splice(at..at, fixture::checks(&book));
    }
    let notes = Arc::new(Mutex::new(Vec::new()));
    let trials: Vec<Trial> = checks.iter().map(|check| trial(check, &notes)).collect();

    // Build only what the selected checks need, and start at once unless only listing them.
    let selected = checks
        .iter()
        .zip(&trials)
        .filter(|(_, trial)| !arguments.is_filtered_out(trial) && !arguments.is_ignored(trial));
    let needed: BTreeSet<String> = selected
        .flat_map(|(check, _)| check.needs.clone())
        .collect();
    book.build_only(needed);
    if !arguments.list {
        if real_clock {
            println!(
                "{}: each listing and twin runs {} times, on the real clock; timelines, exercises, \
                 book checks and the harness's own tests do not run in this mode",
                realclock::VAR,
                book.real_clock_runs
            );
        }
        book.start_builds();
    }

    let conclusion = libtest_mimic::run(arguments, trials);
    let mut notes = notes.lock().expect("no trial panics holding it").clone();
    if !notes.is_empty() {
        notes.sort();
        let about = match real_clock {
            true => {
                "how far each program's real stamps strayed from its virtual ones, never asserted"
            }
            false => "expected files rewritten from real runs; read the diff before you commit",
        };
        println!("notes ({about}):");
        for note in notes {
            println!("    {note}");
        }
        println!();
    }
    Ok(conclusion.exit_code())
}

/// A check as a libtest trial: passed, ignored at run time with the reason it did not run, or
/// failed with its problems. Notes are kept for the report after the run.
fn trial(check: &Check, notes: &Arc<Mutex<Vec<String>>>) -> Trial {
    let (check, notes) = (check.clone(), Arc::clone(notes));
    Trial::ignorable_test(check.name.clone(), move || match check.run() {
        Ok(Pass::Same) => Ok(Completion::Completed),
        Ok(Pass::Noted(note)) => {
            let note = format!("{}: {note}", check.name);
            notes.lock().expect("no trial panics holding it").push(note);
            Ok(Completion::Completed)
        }
        Ok(Pass::NotRun(why)) => Ok(Completion::ignored_with(why)),
        Err(problems) => Err(Failed::from(problems)),
    })
}
