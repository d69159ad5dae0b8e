//! The harness's own tests: `tests/book/fixture/` is a small book in which each listing,
//! exercise and page breaks one rule on purpose (its `Cargo.toml` and pages say which). For each
//! kind of failure below, one trial (`harness::fixture::<kind>`) runs the fixture's check that
//! must catch it, and passes only if that check fails with the given message. The last trial,
//! `harness::fixture::nothing-else-fails`, runs every check of the fixture and passes only if each
//! fails with exactly the listed problems, or passes when none is listed: a fixture that fails
//! for another reason than its own cannot hide behind the message it was meant to show.
//!
//! The fixture is always checked in check mode, never updated, and builds under
//! `target/fixture`: its listings use the standard library only, so it builds in seconds.

use crate::book::Book;
use crate::check::{Check, Outcome, Pass, Problems};
use crate::checks;
use crate::expected::Mode;
use crate::workspace::Workspace;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The fixture book, beside this file.
pub const DIR: &str = "tests/book/fixture";

/// A kind of failure, the fixture check that shows it, and part of the message it fails with.
struct Expected {
    kind: &'static str,
    check: &'static str,
    message: &'static str,
}

/// Where the fixture's listings are, as the messages name them.
macro_rules! at {
    ($path:literal) => {
        concat!("listings/ch01-fixture/", $path)
    };
}

#[rustfmt::skip]
const EXPECTED: &[Expected] = &[
    Expected { kind: "changed output", check: "listing-01-02",
        message: concat!("its output differs from ", at!("listing-01-02/output.txt")) },
    Expected { kind: "missing output", check: "listing-01-03",
        message: concat!("its expected output ", at!("listing-01-03/output.txt does not exist")) },
    Expected { kind: "missing output, as its figure shows it", check: "book::pages",
        message: concat!("src/listings.md:9: `{{#listing 1-3}}`: Listing 1-3 has no checked \
                         output yet: ", at!("listing-01-03/output.txt does not exist")) },
    Expected { kind: "compile-fail listing that compiles", check: "listing-01-04",
        message: "declared `compile-error = \"E0308\"` in its Cargo.toml, but it compiled" },
    Expected { kind: "panic listing that does not panic", check: "listing-01-05",
        message: "`panic = \"boom\"` in its Cargo.toml, but it exited with exit status: 0" },
    Expected { kind: "stale timeline", check: "listing-01-06::timeline",
        message: concat!("its output differs from ", at!("listing-01-06/timeline.svg")) },
    Expected { kind: "orphan listing", check: "book::pages",
        message: concat!(at!("listing-01-07"), ": no `{{#listing 1-7}}` directive shows") },
    Expected { kind: "listing without a title", check: "book::pages",
        message: concat!(at!("listing-01-08/Cargo.toml"), ": no `title = \"…\"`") },
    Expected { kind: "listing without a title, as its figure shows it", check: "book::pages",
        message: concat!("src/listings.md:15: `{{#listing 1-8}}`: ", at!("listing-01-08/Cargo.toml"),
                         ": [package.metadata.listing] has no `title") },
    Expected { kind: "output included by hand", check: "book::pages",
        message: concat!("src/broken.md:22: includes ", at!("listing-01-02/output.txt by hand")) },
    Expected { kind: "orphan expected file", check: "book::files",
        message: concat!(at!("listing-01-08/twin-output.txt"), ": the expected output of an \
                         asyncio twin that does not exist") },
    Expected { kind: "stray file", check: "book::files",
        message: concat!(at!("notes.txt"), ": no program owns this file") },
    Expected { kind: "source no module declares", check: "book::files",
        message: concat!(at!("listing-01-02/src/old.rs"), ": a Rust file that no target") },
    Expected { kind: "include of a missing file", check: "book::pages",
        message: concat!("src/broken.md:6: includes ", at!("listing-01-01/src/missing.rs, \
                         which does not exist")) },
    Expected { kind: "include of a missing anchor", check: "book::pages",
        message: concat!("src/broken.md:10: includes anchor `nowhere` of ", at!("listing-01-01")) },
    Expected { kind: "hand-written code block", check: "book::pages",
        message: "src/broken.md:13: a rust code block must hold exactly one include" },
    Expected { kind: "directive naming a missing listing", check: "book::pages",
        message: "src/broken.md:27: `{{#listing 1-9}}`: there is no Listing 1-9" },
    Expected { kind: "directive naming a missing anchor", check: "book::pages",
        message: "src/broken.md:31: `{{#listing 1-5 anchors=nowhere}}`: " },
    Expected { kind: "mdbook error", check: "book::links",
        message: "`mdbook build` (exit status: 0) reported:" },
    Expected { kind: "broken link", check: "book::links",
        message: "broken.html: links to `nowhere.html`, which is not in the built book" },
    Expected { kind: "quiz its output no longer decides", check: "book::pages",
        message: concat!("src/listings.md:17: `{{#listing 1-10}}`: ", at!("listing-01-10/quiz.toml: \
                         Listing 1-10, question first-done: `key = \"first\"`: `a: done` (line 3) \
                         and `b: done` (line 4) are both stamped 300 ms")) },
    Expected { kind: "quiz on a listing no page shows", check: "book::pages",
        message: concat!(at!("listing-01-07/quiz.toml"), ": Listing 1-7, question lines: it asks \
                         about Listing 1-7, which no `{{#listing 1-7}}` directive shows") },
    Expected { kind: "quiz beside no listing", check: "book::files",
        message: concat!(at!("quiz.toml"), ": a quiz, but not beside a listing") },
    Expected { kind: "exercise whose starter passes", check: "exercise-1-1",
        message: "its starter code already passes the tests (`cargo test -p exercise-1-1`)" },
    Expected { kind: "exercise whose starter does not build", check: "exercise-1-2",
        message: "its starter code does not compile, so the reader cannot begin" },
];

/// The fixture book's checks, each run at most once, by whichever trial needs it first.
struct Fixture {
    checks: Vec<Check>,
    outcomes: HashMap<String, OnceLock<Outcome>>,
}

impl Fixture {
    fn load(book: &Book, cargo: &str) -> Result<Fixture, String> {
        let (root, target_dir) = (
            book.workspace.root.join(DIR),
            book.workspace.target_dir.join("fixture"),
        );
        let mut workspace = Workspace::load(cargo, &root, Some(&target_dir))?;
        // Built with the book's own pinned mdbook, whatever the fixture's Cargo.toml says.
        workspace.mdbook_version = book.workspace.mdbook_version.clone();
        let checks = checks::all(&Arc::new(Book::new(workspace, cargo, Mode::Check, None)));
        let outcomes = checks
            .iter()
            .map(|c| (c.name.clone(), OnceLock::new()))
            .collect();
        Ok(Fixture { checks, outcomes })
    }

    fn outcome(&self, name: &str) -> Result<&Outcome, String> {
        let check = self.checks.iter().find(|check| check.name == name);
        let check = check.ok_or_else(|| format!("the fixture book has no check `{name}`"))?;
        Ok(self.outcomes[name].get_or_init(|| check.run()))
    }
}

/// The fixture, loaded by the first trial that needs it.
struct Lazy {
    load: Box<dyn Fn() -> Result<Fixture, String> + Send + Sync>,
    loaded: OnceLock<Result<Fixture, String>>,
}

impl Lazy {
    fn get(&self) -> Result<&Fixture, String> {
        let loaded = self.loaded.get_or_init(|| (self.load)());
        loaded.as_ref().map_err(Clone::clone)
    }
}

/// The harness's fixture trials, run against the fixture beside `book`, built under its target
/// folder.
pub fn checks(book: &Arc<Book>) -> Vec<Check> {
    let book = Arc::clone(book);
    let fixture = Arc::new(Lazy {
        load: Box::new(move || Fixture::load(&book, &book.cargo)),
        loaded: OnceLock::new(),
    });
    let mut trials = Vec::new();
    for expected in EXPECTED {
        let fixture = Arc::clone(&fixture);
        let name = format!(
            "harness::fixture::{}",
            expected.kind.replace(", ", "-").replace(' ', "-")
        );
        trials.push(Check::new(name, vec![], move || {
            fails_with(fixture.get()?, expected)
        }));
    }
    trials.push(Check::new(
        "harness::fixture::nothing-else-fails",
        vec![],
        move || nothing_else_fails(fixture.get()?),
    ));
    trials
}

fn fails_with(fixture: &Fixture, expected: &Expected) -> Outcome {
    let Expected { check, message, .. } = expected;
    match fixture.outcome(check)? {
        Err(Problems(problems)) if problems.iter().any(|p| p.contains(message)) => Ok(Pass::Same),
        Err(problems) => Err(format!(
            "the fixture's check `{check}` failed, but not with `{message}`; it said:\n{problems}"
        )
        .into()),
        Ok(_) => Err(format!(
            "the fixture's check `{check}` passed; it must fail with `{message}`"
        )
        .into()),
    }
}

fn nothing_else_fails(fixture: &Fixture) -> Outcome {
    let mut wrong = Vec::new();
    for check in &fixture.checks {
        let listed: Vec<&str> = EXPECTED
            .iter()
            .filter(|expected| expected.check == check.name)
            .map(|expected| expected.message)
            .collect();
        match (fixture.outcome(&check.name)?, listed.is_empty()) {
            (Ok(_), true) => {}
            (Ok(_), false) => wrong.push(format!("`{}` passed, but must fail", check.name)),
            (Err(Problems(problems)), _) => {
                for problem in problems {
                    if !listed.iter().any(|message| problem.contains(message)) {
                        wrong.push(format!(
                            "`{}` failed with an unlisted problem:\n{problem}",
                            check.name
                        ));
                    }
                }
            }
        }
    }
    crate::check::outcome(wrong)
}
