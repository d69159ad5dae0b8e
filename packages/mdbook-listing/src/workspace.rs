//! What a book's workspace holds, as `cargo metadata` reports it: the listings, the exercises,
//! the support crates they share, and the pinned mdbook version. The one reading of it, shared
//! by this preprocessor and the test harness (`tests/book/`, which re-exports this module as its
//! own `workspace`): every package under `listings/` with a binary target is a listing,
//! `listing-01-03` is Listing 1-3, its asyncio twin is an optional `twin.py` beside its
//! `Cargo.toml`, and what it declares is under `[package.metadata.listing]` (`declarations`). A
//! manifest that cannot be read fails the whole run, naming the file.

use crate::declarations;
pub use crate::declarations::{Expect, Timeline};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The name of every listing's expected-output file, kept beside its `Cargo.toml`.
pub const EXPECTED_FILE: &str = "output.txt";
/// A listing's asyncio twin, an optional Python program beside its `Cargo.toml` that does the
/// same thing, and the twin's own expected output.
pub const TWIN_FILE: &str = "twin.py";
pub const TWIN_EXPECTED_FILE: &str = "twin-output.txt";
/// The timeline drawn from a timed listing's output, for listings that declare one.
pub const TIMELINE_FILE: &str = "timeline.svg";
/// Where the twins' own helper module, `vclock.py`, lives: beside the crate it mirrors.
pub const TWIN_HELPER_DIR: &str = "listings/common/vclock";
/// The code a figure shows when the directive names no other file.
pub const MAIN_FILE: &str = "src/main.rs";

/// Which of the programs a listing shows: the Rust crate, or its asyncio twin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Program {
    Rust,
    Twin,
}

#[derive(Debug)]
pub struct Workspace {
    /// The book's root: its `Cargo.toml`, `book.toml`, `src/` and `listings/`.
    pub root: PathBuf,
    /// Where cargo builds (and the harness builds the book): `target/`, unless told otherwise.
    pub target_dir: PathBuf,
    /// `[workspace.metadata.book] mdbook-version`, the mdbook the book is built and tested with
    /// (the harness needs it, see `pinned_mdbook`; the preprocessor does not).
    pub mdbook_version: Option<String>,
    /// The package of the root `Cargo.toml`, if it has one (the book's test harness).
    pub root_package: Option<String>,
    pub listings: Vec<Listing>,
    /// Library crates under `listings/` that listings share (the virtual clock); each must be
    /// shown in the book too, but has no output of its own.
    pub support_crates: Vec<Crate>,
    /// Exercise crates: a library with a `solution` feature that switches its code from the
    /// reader's starter (`src/starter.rs`) to the worked solution (`src/solution.rs`), and tests
    /// that the solution must pass and the starter must fail.
    pub exercises: Vec<Crate>,
}

#[derive(Debug)]
pub struct Crate {
    pub name: String,
    pub package_id: String,
    pub dir: PathBuf,
    /// The root source file of each of its targets (`src/main.rs`, `tests/fetch_all.rs`, ...).
    pub target_roots: Vec<PathBuf>,
}

#[derive(Debug)]
pub struct Listing {
    pub krate: Crate,
    pub expect: Expect,
    /// `timeline = "title"`: the listing's timed output is also drawn as `timeline.svg`.
    pub timeline: Option<Timeline>,
    /// `virtual-clock-only = "why"`: the real-clock check (`realclock`) does not run this
    /// listing or its twin, for the reason given (an hour of virtual time, say).
    pub virtual_clock_only: Option<String>,
    /// `title = "…"` and `twin-title = "…"`: what its caption says it shows.
    pub title: Option<String>,
    pub twin_title: Option<String>,
}

impl Listing {
    pub fn name(&self) -> &str {
        &self.krate.name
    }

    pub fn manifest(&self) -> PathBuf {
        self.krate.dir.join("Cargo.toml")
    }

    /// `compile-error = "…"`: the listing is built (`cargo build`), not run.
    pub fn is_compile_error(&self) -> bool {
        matches!(self.expect, Expect::CompileError(_))
    }

    pub fn expected_file(&self) -> PathBuf {
        self.krate.dir.join(EXPECTED_FILE)
    }

    /// The asyncio twin's script, if this listing has one.
    pub fn twin(&self) -> Option<PathBuf> {
        Some(self.krate.dir.join(TWIN_FILE)).filter(|path| path.is_file())
    }

    /// The programs this listing shows: the Rust crate, and its twin if it has one.
    pub fn programs(&self) -> Vec<Program> {
        match self.twin() {
            Some(_) => vec![Program::Rust, Program::Twin],
            None => vec![Program::Rust],
        }
    }

    /// The command that shows a reader what this program does, run from the repository's root:
    /// `cargo run -p listing-01-03`; `cargo build -p …` for a listing meant not to compile;
    /// `PYTHONPATH=listings/common/vclock python3 <twin>` for the twin.
    pub fn command(&self, program: Program, workspace: &Workspace) -> String {
        match (program, self.is_compile_error()) {
            (Program::Rust, true) => format!("cargo build -p {}", self.name()),
            (Program::Rust, false) => format!("cargo run -p {}", self.name()),
            (Program::Twin, _) => format!(
                "PYTHONPATH={TWIN_HELPER_DIR} python3 {}",
                workspace.shown(&self.krate.dir.join(TWIN_FILE))
            ),
        }
    }

    /// The caption's verb for that command: `Build` for a listing meant not to compile, else
    /// `Run`.
    pub fn verb(&self, program: Program) -> &'static str {
        match (program, self.is_compile_error()) {
            (Program::Rust, true) => "Build",
            _ => "Run",
        }
    }

    /// The listing's number as the book writes it: `listing-01-03` is Listing 1-3.
    pub fn number(&self) -> String {
        self.number_parts().collect::<Vec<_>>().join("-")
    }

    fn number_parts(&self) -> impl Iterator<Item = &str> {
        let parts = self.name().trim_start_matches("listing-").split('-');
        parts.map(|part| part.trim_start_matches('0'))
    }

    pub fn timeline_file(&self) -> PathBuf {
        self.krate.dir.join(TIMELINE_FILE)
    }

    pub fn expected_file_of(&self, program: Program) -> PathBuf {
        match program {
            Program::Rust => self.expected_file(),
            Program::Twin => self.krate.dir.join(TWIN_EXPECTED_FILE),
        }
    }
}

/// Whether a file is one of the expected outputs the harness compares.
pub fn is_expected_output(path: &Path) -> bool {
    path.ends_with(EXPECTED_FILE) || path.ends_with(TWIN_EXPECTED_FILE)
}

impl Workspace {
    /// Reads the workspace whose root manifest is in `root`. `target_dir` replaces the target
    /// directory cargo would choose (the fixture book builds under the real book's `target/`).
    pub fn load(cargo: &str, root: &Path, target_dir: Option<&Path>) -> Result<Workspace, String> {
        let manifest = root.join("Cargo.toml");
        let mut command = Command::new(cargo);
        command
            .args([
                "metadata",
                "--no-deps",
                "--format-version",
                "1",
                "--manifest-path",
            ])
            .arg(&manifest);
        if let Some(dir) = target_dir {
            command.env("CARGO_TARGET_DIR", dir);
        }
        let output = command
            .output()
            .map_err(|e| format!("could not run `{cargo} metadata`: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "`cargo metadata --manifest-path {}` failed:\n{}",
                manifest.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let metadata: Value = serde_json::from_slice(&output.stdout)
            .map_err(|e| format!("`cargo metadata` printed something that is not JSON: {e}"))?;
        Workspace::from_metadata(&metadata, &manifest)
    }

    /// The workspace in `cargo metadata --no-deps --format-version 1` output, read from the
    /// workspace whose root manifest is `manifest`.
    pub fn from_metadata(metadata: &Value, manifest: &Path) -> Result<Workspace, String> {
        let root = PathBuf::from(str_at(metadata, "/workspace_root")?);
        let target_dir = PathBuf::from(str_at(metadata, "/target_directory")?);
        let mdbook_version = match metadata.pointer("/metadata/book/mdbook-version") {
            None => None,
            Some(Value::String(version)) => Some(version.clone()),
            Some(_) => {
                return Err(format!(
                    "{}: [workspace.metadata.book] mdbook-version must be a string",
                    manifest.display()
                ));
            }
        };

        let root_manifest = root.join("Cargo.toml");
        let mut root_package = None;
        let listings_dir = root.join("listings");
        let mut listings = Vec::new();
        let mut support_crates = Vec::new();
        let mut exercises = Vec::new();
        for package in metadata["packages"].as_array().into_iter().flatten() {
            let manifest = PathBuf::from(str_at(package, "/manifest_path")?);
            let dir = manifest
                .parent()
                .expect("a manifest has a folder")
                .to_owned();
            if manifest == root_manifest {
                root_package = Some(str_at(package, "/name")?.to_owned());
            }
            if !dir.starts_with(&listings_dir) {
                continue;
            }
            let krate = Crate {
                name: str_at(package, "/name")?.to_owned(),
                package_id: str_at(package, "/id")?.to_owned(),
                dir,
                target_roots: target_roots(package),
            };
            if has_bin_target(package) {
                let shown = manifest.strip_prefix(&root).unwrap_or(&manifest);
                let declared =
                    declarations::parse(&package["metadata"], &shown.display().to_string())?;
                listings.push(Listing {
                    krate,
                    expect: declared.expect,
                    timeline: declared.timeline,
                    virtual_clock_only: declared.virtual_clock_only,
                    title: declared.title,
                    twin_title: declared.twin_title,
                });
            } else if package.pointer("/features/solution").is_some() {
                exercises.push(krate);
            } else {
                support_crates.push(krate);
            }
        }
        listings.sort_by(|a, b| a.name().cmp(b.name()));
        support_crates.sort_by(|a, b| a.name.cmp(&b.name));
        exercises.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Workspace {
            root,
            target_dir,
            mdbook_version,
            root_package,
            listings,
            support_crates,
            exercises,
        })
    }

    /// The mdbook version the book is pinned to, or why there is none.
    pub fn pinned_mdbook(&self) -> Result<&str, String> {
        self.mdbook_version.as_deref().ok_or_else(|| {
            format!(
                "{}: no `mdbook-version = \"…\"` under [workspace.metadata.book], the mdbook \
                 the book is built and tested with",
                self.root.join("Cargo.toml").display()
            )
        })
    }

    /// A path as the reader sees it in the repository: relative to the workspace root.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// The same as text, with `/` between its parts, as a page shows it.
    pub fn shown(&self, path: &Path) -> String {
        let parts: Vec<String> = self
            .relative(path)
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }

    /// The listing a directive names by its number, `1-3`.
    pub fn find(&self, number: &str) -> Option<&Listing> {
        self.listings
            .iter()
            .find(|listing| listing.number_parts().eq(number.split('-')))
    }
}

fn str_at<'a>(value: &'a Value, pointer: &str) -> Result<&'a str, String> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("no string at {pointer}"))
}

fn has_bin_target(package: &Value) -> bool {
    let targets = package["targets"].as_array().into_iter().flatten();
    targets
        .flat_map(|target| target["kind"].as_array().into_iter().flatten())
        .any(|kind| kind == "bin")
}

fn target_roots(package: &Value) -> Vec<PathBuf> {
    let targets = package["targets"].as_array().into_iter().flatten();
    targets
        .filter_map(|target| target["src_path"].as_str())
        .map(PathBuf::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn package(name: &str, dir: &str, kind: &str, listing: Value) -> Value {
        json!({
            "name": name,
            "id": format!("path+file:///book/{dir}#{name}@0.1.0"),
            "manifest_path": format!("/book/{dir}/Cargo.toml"),
            "targets": [{ "kind": [kind], "src_path": format!("/book/{dir}/src/main.rs") }],
            "metadata": { "listing": listing },
        })
    }

    fn from(packages: Vec<Value>) -> Result<Workspace, String> {
        let metadata = json!({
            "workspace_root": "/book",
            "target_directory": "/book/target",
            "metadata": { "book": { "mdbook-version": "0.5.4" } },
            "packages": packages,
        });
        Workspace::from_metadata(&metadata, Path::new("/book/Cargo.toml"))
    }

    #[test]
    fn finds_the_listings_with_a_binary_under_listings() {
        let workspace = from(vec![
            package(
                "listing-01-03",
                "listings/ch01/listing-01-03",
                "bin",
                json!({}),
            ),
            package("vclock", "listings/common/vclock", "lib", json!({})),
            package(
                "mdbook-listing",
                "packages/mdbook-listing",
                "bin",
                json!({}),
            ),
        ])
        .unwrap();
        let names: Vec<&str> = workspace.listings.iter().map(|l| l.name()).collect();
        assert_eq!(names, ["listing-01-03"]);
        let support: Vec<&str> = workspace.support_crates.iter().map(|c| &*c.name).collect();
        assert_eq!(support, ["vclock"]);
        assert_eq!(workspace.listings[0].number(), "1-3");
        assert!(workspace.find("1-3").is_some());
        assert!(workspace.find("01-03").is_none());
        assert_eq!(workspace.pinned_mdbook(), Ok("0.5.4"));
    }

    #[test]
    fn reads_titles_and_declarations() {
        let declared = json!({
            "title": "Two awaits", "twin-title": "the same in asyncio",
            "compile-error": "E0373", "timeline": "a timeline",
        });
        let workspace = from(vec![package(
            "listing-10-12",
            "listings/ch10/listing-10-12",
            "bin",
            declared,
        )])
        .unwrap();
        let listing = &workspace.listings[0];
        assert_eq!(listing.number(), "10-12");
        assert_eq!(listing.title.as_deref(), Some("Two awaits"));
        assert_eq!(listing.twin_title.as_deref(), Some("the same in asyncio"));
        assert!(listing.is_compile_error() && listing.timeline.is_some());
        let (verb, command) = (
            listing.verb(Program::Rust),
            listing.command(Program::Rust, &workspace),
        );
        assert_eq!(
            (verb, command.as_str()),
            ("Build", "cargo build -p listing-10-12")
        );
        assert_eq!(listing.verb(Program::Twin), "Run");
        let twin = listing.command(Program::Twin, &workspace);
        assert_eq!(
            twin,
            "PYTHONPATH=listings/common/vclock python3 listings/ch10/listing-10-12/twin.py"
        );
    }

    #[test]
    fn a_title_that_is_not_a_string_names_the_manifest() {
        let error = from(vec![package(
            "listing-01-01",
            "listings/ch01/listing-01-01",
            "bin",
            json!({ "title": 3 }),
        )])
        .err()
        .unwrap();
        assert_eq!(
            error,
            "listings/ch01/listing-01-01/Cargo.toml: [package.metadata.listing] title must be a \
             non-empty string on one line"
        );
    }
}
