//! The workspace's listings, found by the rules of the test harness (`tests/book/workspace.rs`):
//! every package under `listings/` with a binary target is a listing, `listing-01-03` is
//! Listing 1-3, its asyncio twin is an optional `twin.py` beside its `Cargo.toml`, and what it
//! declares is under `[package.metadata.listing]`. Of those declarations this crate reads
//! `title` and `twin-title` (its captions), `compile-error` (built, not run) and `timeline`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The files beside a listing's `Cargo.toml`, as the harness names them.
pub const EXPECTED_FILE: &str = "output.txt";
pub const TWIN_FILE: &str = "twin.py";
pub const TWIN_EXPECTED_FILE: &str = "twin-output.txt";
pub const TIMELINE_FILE: &str = "timeline.svg";
/// Where the twins' helper module, `vclock.py`, lives (their `PYTHONPATH`).
pub const TWIN_HELPER_DIR: &str = "listings/common/vclock";
/// The code a figure shows when the directive names no other file.
pub const MAIN_FILE: &str = "src/main.rs";

/// One of the two programs a listing can show: the Rust crate, or its asyncio twin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Program {
    Rust,
    Twin,
}

#[derive(Debug)]
pub struct Listing {
    /// The package name, `listing-01-03`.
    pub name: String,
    /// The folder that holds its `Cargo.toml`.
    pub dir: PathBuf,
    /// `compile-error = "…"`: the listing is built (`cargo build`), not run.
    pub compile_error: bool,
    /// `timeline = "…"`: the harness draws `timeline.svg` from its output.
    pub timeline: bool,
    /// `title = "…"`: what the caption says the listing shows (Markdown, one line).
    pub title: Option<String>,
    /// `twin-title = "…"`: the same for the asyncio twin's caption.
    pub twin_title: Option<String>,
}

pub struct Workspace {
    pub root: PathBuf,
    /// Sorted by name.
    pub listings: Vec<Listing>,
}

impl Listing {
    /// The listing's number as the book writes it: `listing-01-03` is Listing 1-3.
    pub fn number(&self) -> String {
        let parts: Vec<&str> = self
            .name
            .trim_start_matches("listing-")
            .split('-')
            .map(|part| part.trim_start_matches('0'))
            .collect();
        parts.join("-")
    }

    pub fn manifest(&self) -> PathBuf {
        self.dir.join("Cargo.toml")
    }

    /// The asyncio twin's script, if this listing has one.
    pub fn twin(&self) -> Option<PathBuf> {
        Some(self.dir.join(TWIN_FILE)).filter(|path| path.is_file())
    }

    /// The checked output of one of its programs.
    pub fn expected_file(&self, program: Program) -> PathBuf {
        match program {
            Program::Rust => self.dir.join(EXPECTED_FILE),
            Program::Twin => self.dir.join(TWIN_EXPECTED_FILE),
        }
    }

    pub fn timeline_file(&self) -> PathBuf {
        self.dir.join(TIMELINE_FILE)
    }

    /// The caption's verb and command for a program, as the harness derives them:
    /// `Run`, `cargo run -p listing-01-03`; `Build`, `cargo build -p …` for a listing meant not
    /// to compile; `Run`, `PYTHONPATH=listings/common/vclock python3 <twin>` for the twin.
    pub fn command(&self, program: Program, workspace: &Workspace) -> (&'static str, String) {
        match (program, self.compile_error) {
            (Program::Rust, true) => ("Build", format!("cargo build -p {}", self.name)),
            (Program::Rust, false) => ("Run", format!("cargo run -p {}", self.name)),
            (Program::Twin, _) => (
                "Run",
                format!(
                    "PYTHONPATH={TWIN_HELPER_DIR} python3 {}",
                    workspace.shown(&self.dir.join(TWIN_FILE))
                ),
            ),
        }
    }
}

impl Workspace {
    /// Asks `cargo metadata` for the workspace that holds `dir`, as the harness does.
    pub fn load(dir: &Path) -> Result<Workspace, String> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = Command::new(&cargo)
            .args(["metadata", "--no-deps", "--format-version", "1"])
            .current_dir(dir)
            .output()
            .map_err(|e| format!("could not run `{cargo} metadata` in {}: {e}", dir.display()))?;
        if !output.status.success() {
            return Err(format!(
                "`cargo metadata` failed in {}:\n{}",
                dir.display(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let metadata: Value = serde_json::from_slice(&output.stdout)
            .map_err(|e| format!("`cargo metadata` printed something that is not JSON: {e}"))?;
        Workspace::from_metadata(&metadata)
    }

    /// The listings in `cargo metadata --no-deps --format-version 1` output.
    pub fn from_metadata(metadata: &Value) -> Result<Workspace, String> {
        let root = PathBuf::from(str_at(metadata, "/workspace_root")?);
        let listings_dir = root.join("listings");
        let mut listings = Vec::new();
        for package in metadata["packages"].as_array().into_iter().flatten() {
            let manifest = PathBuf::from(str_at(package, "/manifest_path")?);
            let dir = manifest
                .parent()
                .expect("a manifest has a folder")
                .to_owned();
            if !dir.starts_with(&listings_dir) || !has_bin_target(package) {
                continue;
            }
            let shown = manifest.strip_prefix(&root).unwrap_or(&manifest).display();
            let table = &package["metadata"]["listing"];
            let text = |key: &str| -> Result<Option<String>, String> {
                match table.get(key) {
                    None => Ok(None),
                    Some(Value::String(text))
                        if !text.trim().is_empty() && !text.contains('\n') =>
                    {
                        Ok(Some(text.clone()))
                    }
                    Some(_) => Err(format!(
                        "{shown}: [package.metadata.listing] {key} must be a non-empty string \
                         on one line"
                    )),
                }
            };
            listings.push(Listing {
                name: str_at(package, "/name")?.to_owned(),
                compile_error: table.get("compile-error").is_some(),
                timeline: table.get("timeline").is_some(),
                title: text("title")?,
                twin_title: text("twin-title")?,
                dir,
            });
        }
        listings.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Workspace { root, listings })
    }

    /// The listing a directive names by its number, `1-3`.
    pub fn find(&self, number: &str) -> Option<&Listing> {
        self.listings
            .iter()
            .find(|listing| listing.number() == number)
    }

    /// A path as the reader sees it in the repository: relative to the root, with `/`.
    pub fn shown(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let parts: Vec<String> = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

fn str_at<'a>(value: &'a Value, pointer: &str) -> Result<&'a str, String> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("`cargo metadata`: no string at {pointer}"))
}

fn has_bin_target(package: &Value) -> bool {
    let targets = package["targets"].as_array().into_iter().flatten();
    targets
        .flat_map(|target| target["kind"].as_array().into_iter().flatten())
        .any(|kind| kind == "bin")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn package(name: &str, dir: &str, kind: &str, listing: Value) -> Value {
        json!({
            "name": name,
            "manifest_path": format!("/book/{dir}/Cargo.toml"),
            "targets": [{ "kind": [kind] }],
            "metadata": { "listing": listing },
        })
    }

    fn metadata(packages: Vec<Value>) -> Value {
        json!({ "workspace_root": "/book", "packages": packages })
    }

    #[test]
    fn finds_the_listings_with_a_binary_under_listings() {
        let workspace = Workspace::from_metadata(&metadata(vec![
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
        ]))
        .unwrap();
        let names: Vec<&str> = workspace.listings.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["listing-01-03"]);
        assert_eq!(workspace.listings[0].number(), "1-3");
        assert!(workspace.find("1-3").is_some());
        assert!(workspace.find("01-03").is_none());
    }

    #[test]
    fn reads_titles_and_declarations() {
        let declared = json!({
            "title": "Two awaits", "twin-title": "the same in asyncio",
            "compile-error": "E0373", "timeline": "a timeline",
        });
        let workspace = Workspace::from_metadata(&metadata(vec![package(
            "listing-10-12",
            "listings/ch10/listing-10-12",
            "bin",
            declared,
        )]))
        .unwrap();
        let listing = &workspace.listings[0];
        assert_eq!(listing.number(), "10-12");
        assert_eq!(listing.title.as_deref(), Some("Two awaits"));
        assert_eq!(listing.twin_title.as_deref(), Some("the same in asyncio"));
        assert!(listing.compile_error && listing.timeline);
        let (verb, command) = listing.command(Program::Rust, &workspace);
        assert_eq!(
            (verb, command.as_str()),
            ("Build", "cargo build -p listing-10-12")
        );
        let (_, twin) = listing.command(Program::Twin, &workspace);
        assert_eq!(
            twin,
            "PYTHONPATH=listings/common/vclock python3 listings/ch10/listing-10-12/twin.py"
        );
    }

    #[test]
    fn a_title_that_is_not_a_string_names_the_manifest() {
        let error = Workspace::from_metadata(&metadata(vec![package(
            "listing-01-01",
            "listings/ch01/listing-01-01",
            "bin",
            json!({ "title": 3 }),
        )]))
        .err()
        .unwrap();
        assert_eq!(
            error,
            "listings/ch01/listing-01-01/Cargo.toml: [package.metadata.listing] title must be a \
             non-empty string on one line"
        );
    }
}
