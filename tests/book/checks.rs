//! The checks of a book, one per listing program, twin, timeline, exercise and book-wide rule, in
//! the order they run: the twins and the pages first, while the cargo builds and mdbook's build
//! of the book are under way (see `Book::start_builds`), then what waits for a build.
//!
//! On the real clock (`REAL_CLOCK=N`), only the listings and twins are checked, N times each:
//! the order of their lines against the expected file (see `realclock`).

use crate::book::{BUILT_BOOK, Book, Variant, tree_key};
use crate::check::{Check, Outcome, Pass, outcome};
use crate::inputs::Key;
use crate::workspace::{Expect, Program};
use crate::{exercises, expected, links, markdown, normalize, ownership, pages};
use crate::{quizzes, realclock, shown, timeline};
use std::sync::Arc;

pub fn all(book: &Arc<Book>) -> Vec<Check> {
    let workspace = &book.workspace;
    let mut checks = Vec::new();
    let indexed = || workspace.listings.iter().enumerate();
    for (index, listing) in indexed().filter(|(_, listing)| listing.twin().is_some()) {
        let name = format!("{}::twin", listing.name());
        checks.push(with(book, name, vec![], move |book| {
            program_check(book, index, Program::Twin)
        }));
    }
    if book.real_clock {
        for (index, listing) in indexed() {
            let name = listing.name().to_owned();
            let needs = vec![name.clone()];
            checks.push(with(book, name, needs, move |book| {
                program_check(book, index, Program::Rust)
            }));
        }
        return checks;
    }
    checks.push(with(book, "book::pages", vec![], pages_check));
    for (index, listing) in indexed() {
        let name = listing.name().to_owned();
        let needs = vec![name.clone()];
        checks.push(with(book, &name, needs.clone(), move |book| {
            program_check(book, index, Program::Rust)
        }));
        if listing.timeline.is_some() {
            let timeline = format!("{name}::timeline");
            checks.push(with(book, timeline, needs, move |book| {
                timeline_check(book, index)
            }));
        }
    }
    let built_book = vec![BUILT_BOOK.to_owned()];
    checks.push(with(book, "book::links", built_book, links_check));
    for (index, exercise) in workspace.exercises.iter().enumerate() {
        let needs = vec![exercise.name.clone()];
        checks.push(with(book, &exercise.name, needs, move |book| {
            exercise_check(book, index)
        }));
    }
    let everything = workspace.listings.iter().map(|l| l.name().to_owned());
    let everything = everything.chain(workspace.exercises.iter().map(|e| e.name.clone()));
    checks.push(with(book, "book::files", everything.collect(), files_check));
    checks
}

fn with(
    book: &Arc<Book>,
    name: impl Into<String>,
    needs: Vec<String>,
    check: impl Fn(&Book) -> Outcome + Send + Sync + 'static,
) -> Check {
    let book = Arc::clone(book);
    Check::new(name, needs, move || check(&book))
}

/// A listing's program (or twin) prints exactly its expected file, or on the real clock, the
/// same lines in the same order.
fn program_check(book: &Book, index: usize, program: Program) -> Outcome {
    let listing = &book.workspace.listings[index];
    let workspace = &book.workspace;
    if let (true, Some(why)) = (book.real_clock, &listing.virtual_clock_only) {
        return Ok(Pass::NotRun(format!("virtual-clock-only: {why}")));
    }
    let compile_fail = matches!(listing.expect, Expect::CompileError(_));
    if book.real_clock && program == Program::Rust && compile_fail {
        let why = "meant not to compile, so nothing runs on a clock";
        return Ok(Pass::NotRun(why.into()));
    }
    let actual = book.observe(index, program)?;
    let file = listing.expected_file_of(program);
    let shown = workspace.relative(&file);
    if book.real_clock {
        let expected = std::fs::read_to_string(&file)
            .map_err(|e| format!("could not read {}: {e}", shown.display()))?;
        let shown = shown.display().to_string();
        let runs = book.real_clock_runs;
        let mut worst = realclock::compare(&expected, &actual, &shown)
            .map_err(|problem| format!("run 1 of {runs}: {problem}"))?;
        for run in 2..=runs {
            let again = book.observe_again(index, program)?;
            let drift = realclock::compare(&expected, &again, &shown)
                .map_err(|problem| format!("run {run} of {runs}: {problem}"))?;
            worst = worst.max(drift);
        }
        return Ok(Pass::Noted(realclock::note(runs, worst)));
    }
    if let Some(line) = normalize::run_dependent_line(&actual) {
        return Err(format!(
            "it printed a line that depends on the run (an address or a thread id):\n    {line}"
        )
        .into());
    }
    let command = listing.command(program, workspace);
    Ok(expected::compare(
        &file, shown, &actual, &command, book.mode,
    )?)
}

/// A declared timeline, drawn from the listing's checked output, is its `timeline.svg`.
fn timeline_check(book: &Book, index: usize) -> Outcome {
    let listing = &book.workspace.listings[index];
    let declared = listing
        .timeline
        .as_ref()
        .expect("only declared timelines are checked");
    let actual = book.observe(index, Program::Rust)?;
    let svg = timeline::draw(listing.name(), declared, &actual)?;
    let file = listing.timeline_file();
    let shown = book.workspace.relative(&file);
    let command = listing.command(Program::Rust, &book.workspace);
    Ok(expected::compare(&file, shown, &svg, &command, book.mode)?)
}

fn exercise_check(book: &Book, index: usize) -> Outcome {
    let exercise = &book.workspace.exercises[index];
    let id = &exercise.package_id;
    let starter = book.builds(Variant::AsGiven)?.get(id);
    let solution = book.builds(Variant::Solution)?.get(id);
    exercises::check(exercise, starter, solution, &book.workspace)?;
    Ok(Pass::Same)
}

/// Every page's includes, code blocks and directives, and every listing and exercise shown.
/// What it reads is all in the repository outside the target folder, so it runs again only
/// when a file there changed, or the harness (see `Book::unless_passed`).
fn pages_check(book: &Book) -> Outcome {
    let workspace = &book.workspace;
    // The files as the harness found them when it read the workspace (its listings), or no key.
    let inputs = |key: &mut Key| {
        let now = tree_key(workspace).filter(|&now| Some(now) == book.loaded_tree)?;
        key.text(&format!("{now:016x}"));
        Some(())
    };
    book.unless_passed("pages-passed", inputs, || all_pages_checks(book))
}

fn all_pages_checks(book: &Book) -> Outcome {
    let workspace = &book.workspace;
    let mut problems = Vec::new();
    let pages = markdown::load(workspace, &mut problems);
    pages::check_includes(&pages, workspace, &mut problems);
    pages::check_code_blocks(&pages, workspace, &mut problems);
    shown::check_listings_shown(&pages, workspace, &mut problems);
    shown::check_titles(workspace, &mut problems);
    shown::check_directives_render(&pages, workspace, &mut problems);
    shown::check_no_hand_presentations(&pages, workspace, &mut problems);
    shown::check_exercises_shown(&pages, workspace, &mut problems);
    quizzes::check_quizzes_shown(&pages, workspace, &mut problems);
    outcome(problems)
}

/// The book builds with the pinned mdbook without a warning, and every link inside it resolves.
/// The links are checked again only when the built book's files changed, or the harness (see
/// `Book::unless_passed`).
fn links_check(book: &Book) -> Outcome {
    let (built, complaints) = book.built_book()?;
    if let Some(complaints) = complaints {
        let mut problems = vec![complaints.clone()];
        problems.extend(links::check(built));
        return outcome(problems);
    }
    let inputs = |key: &mut Key| {
        key.tree(built, &[])?;
        Some(())
    };
    book.unless_passed("links-passed", inputs, || outcome(links::check(built)))
}

/// Every file under `listings/` is owned by a program (see `ownership`).
fn files_check(book: &Book) -> Outcome {
    let builds = [
        book.builds(Variant::AsGiven)?,
        book.builds(Variant::Solution)?,
    ];
    outcome(ownership::check(&book.workspace, &builds))
}
