//! A book under test: its workspace, the mode and clock it is checked with, and what its checks
//! share, each made once, on first use, by whichever check needs it first: the cargo builds (all
//! listings and exercise starters in one call, all exercise solutions in another), the book
//! built by mdbook, each program's observed output (a listing's output check and its timeline
//! read the same runs), and the Python processes that run the twins.

use crate::check::{Outcome, Pass};
use crate::compile::{self, Build, Targets};
use crate::expected::Mode;
use crate::inputs::{self, Key};
use crate::kept_errors::{self, Shared};
use crate::listings;
use crate::mdbook;
use crate::memo::Memo;
use crate::twice::Record;
use crate::twins::Twins;
use crate::workspace::{Listing, Program, Workspace};
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

pub type Builds = HashMap<String, Build>;

/// The key of the harness's own executable, read once for the process (the book and the
/// fixture book are checked by the same one).
static HARNESS: OnceLock<Option<u64>> = OnceLock::new();

/// What the memo entry of a check that passed holds.
const PASSED: &str = "passed";

/// What a check needs, beside packages, when it needs the book built by mdbook (never a
/// package's name, which has no space).
pub const BUILT_BOOK: &str = "the built book";

pub struct Book {
    pub workspace: Workspace,
    pub cargo: String,
    pub mode: Mode,
    pub real_clock: bool,
    /// `REAL_CLOCK=N`: how many times each program runs on the real clock (see `realclock`).
    pub real_clock_runs: u32,
    /// The packages the selected checks need (and `BUILT_BOOK`); everything if never set.
    wanted: OnceLock<BTreeSet<String>>,
    /// The listings and exercises as given (`[0]`), and the exercises with `--features solution`
    /// (`[1]`).
    builds: [OnceLock<Result<Builds, String>>; 2],
    /// The book as mdbook built it, and what mdbook complained of (see `mdbook::build`).
    built_book: OnceLock<Result<(PathBuf, Option<String>), String>>,
    /// Each listing's observed output, for its Rust program (`[0]`) and its twin (`[1]`).
    observed: Vec<[OnceLock<Result<String, String>>; 2]>,
    twins: Twins,
    /// Earlier runs that agreed twice (see `twice`).
    record: Record,
    /// What earlier builds made, kept by the key of their inputs (see `memo`).
    memo: Memo,
    /// What `rustc -vV` says: the compiler the builds use.
    rustc: OnceLock<Result<String, String>>,
    /// The book's preprocessor, built for mdbook (see `mdbook::preprocessor`).
    preprocessor: OnceLock<Result<Option<PathBuf>, String>>,
    /// Read when the book was loaded, so that a result kept later is the one of the harness
    /// that ran and of the files it read: the key of the harness's executable, and of every
    /// file of the repository outside the target folder (`None` if one could not be read).
    harness: Option<u64>,
    pub loaded_tree: Option<u64>,
}

/// Which build: the packages as given (the listings, the exercises' starters), or the
/// exercises with their worked solution (`--features solution`).
#[derive(Clone, Copy, PartialEq)]
pub enum Variant {
    AsGiven,
    Solution,
}

impl Book {
    pub fn new(
        workspace: Workspace,
        cargo: &str,
        mode: Mode,
        real_clock_runs: Option<u32>,
    ) -> Book {
        let real_clock = real_clock_runs.is_some();
        let twins = Twins::new(&workspace.root, real_clock);
        let observed = workspace
            .listings
            .iter()
            .map(|_| Default::default())
            .collect();
        let records = workspace.target_dir.join("determinism");
        let record = Record::new(Some(records).filter(|_| mode == Mode::Check));
        let memo = workspace.target_dir.join("memo");
        let memo = Memo::new(Some(memo).filter(|_| mode == Mode::Check));
        let harness = *HARNESS.get_or_init(|| {
            let executable = std::env::current_exe().ok()?;
            Some(Key::new().file(&executable)?.finish())
        });
        let loaded_tree = tree_key(&workspace);
        Book {
            workspace,
            cargo: cargo.to_owned(),
            mode,
            real_clock,
            real_clock_runs: real_clock_runs.unwrap_or(0),
            wanted: OnceLock::new(),
            builds: Default::default(),
            built_book: OnceLock::new(),
            observed,
            twins,
            record,
            memo,
            rustc: OnceLock::new(),
            preprocessor: OnceLock::new(),
            harness,
            loaded_tree,
        }
    }

    /// Runs a book-wide check, unless it passed before with every input the same: the harness
    /// itself (its executable), the compiler, the environment, and what `inputs` adds (see
    /// `memo`). Only a pass is kept; a check that fails runs every time.
    pub fn unless_passed(
        &self,
        what: &str,
        inputs: impl Fn(&mut Key) -> Option<()>,
        check: impl FnOnce() -> Outcome,
    ) -> Outcome {
        if self.mode != Mode::Check {
            return check();
        }
        let key = || {
            let mut key = Key::new();
            key.text(&format!("{:016x}", self.harness?));
            key.text(self.rustc().ok()?).environment();
            inputs(&mut key)?;
            Some(key.finish())
        };
        let root = &self.workspace.root;
        let before = key();
        if let Some(before) = before
            && self.memo.get(root, what, before).as_deref() == Some(PASSED)
        {
            return Ok(Pass::Same);
        }
        let outcome = check();
        if outcome == Ok(Pass::Same)
            && let Some(before) = before.filter(|&before| key() == Some(before))
        {
            self.memo.put(root, what, before, PASSED);
        }
        outcome
    }

    fn preprocessor(&self) -> Result<Option<PathBuf>, String> {
        let built = self
            .preprocessor
            .get_or_init(|| mdbook::preprocessor(&self.cargo, &self.workspace));
        built.clone()
    }

    fn rustc(&self) -> Result<&str, String> {
        let version = self
            .rustc
            .get_or_init(|| inputs::rustc_version(&self.workspace.root));
        version.as_deref().map_err(Clone::clone)
    }

    /// Builds only these packages (and the book, if `BUILT_BOOK` is among them) from now on:
    /// what the selected checks need.
    pub fn build_only(&self, packages: BTreeSet<String>) {
        let _ = self.wanted.set(packages);
    }

    /// Starts the builds the selected checks need, so that they are ready when the checks that
    /// wait for them come up, and checks that need no build run meanwhile: the cargo builds on a
    /// thread of their own, one after the other (cargo locks the target folder), and mdbook's
    /// build of the book on another. The first cargo build is the book's preprocessor, if the
    /// book is to be built: mdbook then runs that executable rather than `book.toml`'s
    /// `cargo run` (see `mdbook::preprocessor`), and builds the book while the listings build.
    pub fn start_builds(self: &Arc<Self>) {
        let book_wanted = !self.wanted(std::iter::once(BUILT_BOOK)).is_empty();
        let book = Arc::clone(self);
        std::thread::spawn(move || {
            // The preprocessor first, if the book is to be built, so that mdbook builds it
            // while cargo builds the listings.
            if book_wanted
                && let Ok(rustc) = book.rustc()
                && !mdbook::is_kept(&book.workspace, &book.memo, rustc)
            {
                let _ = book.preprocessor();
            }
            let _ = book.builds(Variant::AsGiven);
            let _ = book.builds(Variant::Solution);
        });
        if book_wanted {
            let book = Arc::clone(self);
            std::thread::spawn(move || {
                let _ = book.built_book();
            });
        }
    }

    /// The book built by the pinned mdbook into `target/book`, with what mdbook complained of.
    pub fn built_book(&self) -> Result<&(PathBuf, Option<String>), String> {
        let built = self.built_book.get_or_init(|| {
            let preprocessor = || self.preprocessor();
            mdbook::build(&self.workspace, &self.memo, self.rustc()?, preprocessor)
        });
        built.as_ref().map_err(Clone::clone)
    }

    fn wanted<'a>(&self, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let wanted = self.wanted.get();
        names
            .filter(|name| wanted.is_none_or(|wanted| wanted.contains(*name)))
            .collect()
    }

    pub fn builds(&self, variant: Variant) -> Result<&Builds, String> {
        let built = self.builds[variant as usize].get_or_init(|| {
            let listings = self.workspace.listings.iter().map(|l| l.name());
            let listings = match variant {
                Variant::AsGiven => self.wanted(listings),
                Variant::Solution => Vec::new(),
            };
            let exercises = self.workspace.exercises.iter().map(|e| e.name.as_str());
            let exercises = self.wanted(exercises);
            let features: Vec<String> = match variant {
                Variant::AsGiven => Vec::new(),
                Variant::Solution => exercises.iter().map(|e| format!("{e}/solution")).collect(),
            };
            // Listings meant not to compile whose errors were kept from inputs that are all the
            // same (see `kept_errors`) are not compiled again.
            let meant_not_to_compile = self.meant_not_to_compile(&listings)?;
            let kept: Vec<(&Listing, Build)> = meant_not_to_compile
                .iter()
                .filter_map(|&(listing, key)| {
                    let build = kept_errors::kept(&self.memo, &self.workspace.root, listing, key?)?;
                    Some((listing, build))
                })
                .collect();
            let listings: Vec<&str> = listings
                .into_iter()
                .filter(|&name| !kept.iter().any(|(listing, _)| listing.name() == name))
                .collect();
            let targets = Targets {
                bins: !listings.is_empty(),
                tests: !exercises.is_empty(),
            };
            let packages = [listings, exercises].concat();
            let started = SystemTime::now();
            let mut builds =
                compile::build(&self.cargo, &self.workspace, &packages, targets, &features)
                    .map_err(|problem| {
                        format!("could not build the listings and exercises: {problem}")
                    })?;
            self.keep_errors(&meant_not_to_compile, &builds, started)?;
            let kept = kept.into_iter();
            builds.extend(kept.map(|(listing, build)| (listing.krate.package_id.clone(), build)));
            Ok(builds)
        });
        built.as_ref().map_err(Clone::clone)
    }

    /// The wanted listings declared `compile-error`, each with the key of its inputs (see
    /// `kept_errors`); no key in update mode, which compiles them all.
    fn meant_not_to_compile(
        &self,
        wanted: &[&str],
    ) -> Result<Vec<(&Listing, Option<u64>)>, String> {
        let listings = self.workspace.listings.iter();
        let listings = listings.filter(|l| l.is_compile_error() && wanted.contains(&l.name()));
        let Some(harness) = self.harness.filter(|_| self.mode == Mode::Check) else {
            return Ok(listings.map(|listing| (listing, None)).collect());
        };
        let shared = Shared::of(&self.workspace, self.rustc()?, harness);
        Ok(listings
            .map(|listing| (listing, shared.key(listing)))
            .collect())
    }

    /// Keeps the errors of each listing meant not to compile that this build compiled, if no
    /// input of it changed while it was built.
    fn keep_errors(
        &self,
        compiled: &[(&Listing, Option<u64>)],
        builds: &Builds,
        started: SystemTime,
    ) -> Result<(), String> {
        let Some(harness) = self.harness.filter(|_| self.mode == Mode::Check) else {
            return Ok(());
        };
        if compiled.is_empty() {
            return Ok(());
        }
        let shared = Shared::of(&self.workspace, self.rustc()?, harness);
        for &(listing, before) in compiled {
            let Some(build) = builds.get(&listing.krate.package_id) else {
                continue;
            };
            if let Some(key) = before.filter(|&key| shared.key(listing) == Some(key)) {
                kept_errors::keep(
                    &self.memo,
                    &shared,
                    &self.workspace,
                    listing,
                    (key, started),
                    build,
                );
            }
        }
        Ok(())
    }

    /// What the `index`th listing's program prints (checked twice on the virtual clock, once on
    /// the real one), or why it does not do what it declares. Run once per test run.
    pub fn observe(&self, index: usize, program: Program) -> Result<String, String> {
        let observed =
            self.observed[index][program as usize].get_or_init(|| self.run(index, program));
        observed.clone()
    }

    /// One more real-clock run of the `index`th listing's program, not kept: the real-clock
    /// check runs each program `real_clock_runs` times, and each run may order its lines anew.
    pub fn observe_again(&self, index: usize, program: Program) -> Result<String, String> {
        debug_assert!(
            self.real_clock,
            "only the real-clock check runs a program again"
        );
        self.run(index, program)
    }

    /// Runs the program as this book's clock and mode say, without keeping the result.
    fn run(&self, index: usize, program: Program) -> Result<String, String> {
        let listing = &self.workspace.listings[index];
        let root = &self.workspace.root;
        match program {
            Program::Rust => {
                let build = self
                    .builds(Variant::AsGiven)?
                    .get(&listing.krate.package_id);
                match self.real_clock {
                    true => listings::observe_on_real_clock(listing, build, root),
                    false => listings::observe(listing, build, root, &self.record),
                }
            }
            Program::Twin => {
                let script = listing.twin().ok_or("its twin.py is gone")?;
                self.twins.observe(&script, &self.record)
            }
        }
    }
}

/// The key of every file of the repository outside the target folder.
pub fn tree_key(workspace: &Workspace) -> Option<u64> {
    Some(
        Key::new()
            .tree(&workspace.root, &[&workspace.target_dir])?
            .finish(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Problems;
    use std::cell::Cell;
    use std::fs;

    #[test]
    fn a_check_that_passed_runs_again_only_when_an_input_changed_and_one_that_failed_always() {
        let root = std::env::temp_dir().join(format!("harness-book-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        let page = root.join("page.md");
        fs::write(&page, "one").unwrap();
        let workspace = Workspace {
            root: root.clone(),
            target_dir: root.join("target"),
            mdbook_version: None,
            root_package: None,
            listings: Vec::new(),
            support_crates: Vec::new(),
            exercises: Vec::new(),
        };
        let book = Book::new(workspace, "cargo", Mode::Check, None);
        let runs = Cell::new(0);
        let inputs = |key: &mut Key| key.file(&page).map(|_| ());
        let passing = || {
            runs.set(runs.get() + 1);
            Ok(Pass::Same)
        };
        let failing = || {
            runs.set(runs.get() + 1);
            Err(Problems(vec!["broken".into()]))
        };
        assert_eq!(book.unless_passed("pages", inputs, passing), Ok(Pass::Same));
        assert_eq!(book.unless_passed("pages", inputs, passing), Ok(Pass::Same));
        assert_eq!(runs.get(), 1, "the second time, the kept pass stands in");
        fs::write(&page, "two").unwrap();
        book.unless_passed("pages", inputs, passing).unwrap();
        assert_eq!(runs.get(), 2, "an input changed");
        assert!(book.unless_passed("links", inputs, failing).is_err());
        assert!(book.unless_passed("links", inputs, failing).is_err());
        assert_eq!(runs.get(), 4, "a failure is never kept");
        let updating = Book::new(book.workspace, "cargo", Mode::Update, None);
        updating.unless_passed("pages", inputs, passing).unwrap();
        assert_eq!(runs.get(), 5, "update mode runs every check");
        fs::remove_dir_all(&root).unwrap();
    }
}
