//! Building many packages with one cargo call, and what the compiler made of each: the
//! executables, the diagnostics, and every source file it read (from the dep-info files rustc
//! writes beside what it builds). One call builds every binary target (the listings, as
//! `cargo run` builds them) and every integration test (the exercises' `tests/`, as
//! `cargo test` builds them), so that cargo keeps both cores busy with both. `--keep-going`
//! lets a package that fails to compile fail alone while all the others are built.
//!
//! Cargo picks the features of every dependency from the packages one call selects, so each call
//! also selects the workspace's root package (the harness), which depends on the listings' own
//! dependencies: every call, `cargo test`'s included, then builds each dependency with the same
//! features, and `cargo test` builds them all, beside the harness's, before the harness starts.
//! Without it, `syn` was built three times over (for the harness, the listings and the
//! exercises), `futures-util` twice, and a filtered run rebuilt `tokio`.

use crate::workspace::Workspace;
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// What the compiler made of one package.
#[derive(Default)]
pub struct Build {
    /// Each executable built, with the name of its target (`listing-01-03`, `fetch_all`).
    pub executables: Vec<(String, PathBuf)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every file the compiler read for the targets it built (sources, `include_str!` files).
    pub sources: Vec<PathBuf>,
}

pub struct Diagnostic {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    pub rendered: String,
}

impl Build {
    /// The compiler's messages, as a reader running cargo would see them.
    pub fn compiler_says(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.rendered.as_str())
            .collect()
    }
}

/// What to build of the packages: their binaries, their integration tests, or both. (Cargo
/// refuses `--test '*'` for packages none of which has a test, and `--bins` likewise.)
pub struct Targets {
    pub bins: bool,
    pub tests: bool,
}

/// Builds the binaries and integration tests (as `targets` says) of `packages` of `workspace`,
/// with `features` on, in one cargo call, and returns what happened to each, keyed by package
/// id. Fails only if cargo itself did not get as far as building.
pub fn build(
    cargo: &str,
    workspace: &Workspace,
    packages: &[&str],
    targets: Targets,
    features: &[String],
) -> Result<HashMap<String, Build>, String> {
    let mut builds: HashMap<String, Build> = HashMap::new();
    if packages.is_empty() {
        return Ok(builds);
    }
    let mut command = Command::new(cargo);
    command
        .current_dir(&workspace.root)
        .env("CARGO_TARGET_DIR", &workspace.target_dir)
        .arg("--color=never");
    command.args(["build", "--keep-going", "--message-format=json"]);
    if targets.bins {
        command.arg("--bins");
    }
    if targets.tests {
        command.args(["--test", "*"]);
    }
    if !features.is_empty() {
        command.arg("--features").arg(features.join(","));
    }
    for package in packages {
        command.args(["-p", package]);
    }
    if let Some(root) = &workspace.root_package {
        // Its targets are the harness's own, already built by `cargo test`: nothing to do.
        command.args(["-p", root]);
    }
    let output = command
        .output()
        .map_err(|e| format!("could not run `{cargo}`: {e}"))?;

    let mut finished = false;
    let mut deps = DepsListing::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue; // a build script may print plain lines to stdout
        };
        let package = message["package_id"].as_str().unwrap_or_default();
        // A dependency from a registry is not the book's to check.
        let local = package.starts_with("path+");
        match message["reason"].as_str() {
            Some("build-finished") => finished = true,
            _ if !local => {}
            Some("compiler-artifact") => {
                let build = builds.entry(package.to_owned()).or_default();
                record_artifact(build, &message, &workspace.root, &mut deps);
            }
            Some("compiler-message") => {
                let build = builds.entry(package.to_owned()).or_default();
                build.diagnostics.push(diagnostic(&message["message"]));
            }
            _ => {}
        }
    }
    if !finished {
        return Err(format!(
            "cargo stopped before building the packages:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(builds)
}

fn record_artifact(build: &mut Build, message: &Value, root: &Path, deps: &mut DepsListing) {
    let filenames = message["filenames"].as_array().into_iter().flatten();
    for file in filenames.filter_map(Value::as_str) {
        if let Some(sources) = dep_info_of(Path::new(file), deps) {
            build
                .sources
                .extend(sources.into_iter().map(|path| root.join(path)));
        }
    }
    if let Some(executable) = message["executable"].as_str() {
        let target = message["target"]["name"].as_str().unwrap_or_default();
        build
            .executables
            .push((target.to_owned(), PathBuf::from(executable)));
    }
}

fn diagnostic(message: &Value) -> Diagnostic {
    let text = |pointer: &str| {
        let value = message.pointer(pointer).and_then(Value::as_str);
        value.unwrap_or_default().to_owned()
    };
    Diagnostic {
        level: text("/level"),
        code: Some(text("/code/code")).filter(|code| !code.is_empty()),
        message: text("/message"),
        rendered: text("/rendered"),
    }
}

/// The dep-info file rustc wrote for an artifact, parsed. A library or test stays in `deps/`,
/// with its dep-info beside it (`deps/libvclock-4f2e.rlib` has `deps/vclock-4f2e.d`). An
/// executable is copied out of `deps/` (`target/debug/listing-01-03` is a hard link to
/// `deps/listing_01_03-9c1d`), and rustc's dep-info stays beside the file in `deps/`: the one
/// cargo writes beside the copy is left out when any package of the same `--keep-going` build
/// fails to compile, as the listings meant not to compile always do.
fn dep_info_of(artifact: &Path, deps: &mut DepsListing) -> Option<Vec<PathBuf>> {
    let name = artifact.file_name()?.to_str()?;
    let library = [".rlib", ".rmeta", ".so", ".a"]
        .iter()
        .find_map(|extension| name.strip_suffix(extension));
    let beside = match library {
        Some(stem) => {
            artifact.with_file_name(format!("{}.d", stem.strip_prefix("lib").unwrap_or(stem)))
        }
        None => deps
            .original_of(artifact)
            .map(|original| original.with_extension("d"))
            .unwrap_or_else(|| artifact.with_file_name(format!("{name}.d"))),
    };
    let text = fs::read_to_string(beside).ok()?;
    Some(parse_dep_info(&text))
}

/// The files the compiler read for the crate `name` (a package's name, `listing-08-11`) in a
/// build that started at `since`: from the newest dep-info file of that crate in the dev
/// profile's `deps/`, if it was written since. Cargo reports no artifact for a crate that failed
/// to compile, but rustc writes its dep-info before it checks types, so this is how the harness
/// learns what a listing meant not to compile is made of.
pub fn sources_read_since(
    workspace: &Workspace,
    name: &str,
    since: SystemTime,
) -> Option<Vec<PathBuf>> {
    let deps = workspace.target_dir.join("debug").join("deps");
    let prefix = format!("{}-", name.replace('-', "_"));
    let newest = fs::read_dir(deps)
        .ok()?
        .flatten()
        .filter(|entry| {
            let file = entry.file_name();
            let file = file.to_string_lossy();
            file.starts_with(&prefix) && file.ends_with(".d")
        })
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .max()?;
    // The file system's clock is coarser than the one `since` was read from.
    let margin = Duration::from_secs(1);
    if newest.0 + margin < since {
        return None;
    }
    let text = fs::read_to_string(&newest.1).ok()?;
    Some(
        parse_dep_info(&text)
            .into_iter()
            .map(|path| workspace.root.join(path))
            .collect(),
    )
}

/// The names of the files in a `deps/` folder, read once for a whole build: a build copies out
/// one executable per listing, and `deps/` holds thousands of files.
#[derive(Default)]
struct DepsListing {
    dir: PathBuf,
    files: Vec<PathBuf>,
}

impl DepsListing {
    /// The file in `deps/` that an executable cargo copied out of it was copied from: the one
    /// with the crate's name and a hash (`listing_01_03-9c1d` for `listing-01-03`) that is the
    /// same file (a hard link, as cargo makes them) or, where cargo had to copy, the same size
    /// and time.
    fn original_of(&mut self, executable: &Path) -> Option<PathBuf> {
        let dir = executable.parent()?.join("deps");
        if dir != self.dir {
            let entries = fs::read_dir(&dir).ok()?.flatten();
            self.files = entries.map(|entry| entry.path()).collect();
            self.dir = dir;
        }
        let name = executable.file_stem()?.to_str()?.replace('-', "_");
        let wanted = fs::metadata(executable).ok()?;
        self.files
            .iter()
            .filter(|path| {
                let stem = path
                    .file_stem()
                    .and_then(|stem| stem.to_str())
                    .unwrap_or("");
                let hashed = stem
                    .strip_prefix(&name)
                    .and_then(|rest| rest.strip_prefix('-'));
                hashed.is_some_and(|hash| !hash.is_empty() && !hash.contains('.'))
                    && path.extension() == executable.extension()
            })
            .find(|path| fs::metadata(path).is_ok_and(|found| same_file(&found, &wanted)))
            .cloned()
    }
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// The prerequisites of every rule in a Makefile-style dep-info file (`out: a.rs b.rs`), with
/// `\ ` unescaped to a space.
fn parse_dep_info(text: &str) -> Vec<PathBuf> {
    let mut sources = Vec::new();
    for line in text.lines().filter(|line| !line.starts_with('#')) {
        let Some((_, prerequisites)) = line.split_once(": ") else {
            continue;
        };
        let mut current = String::new();
        let mut chars = prerequisites.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&' ') => current.push(chars.next().unwrap_or(' ')),
                ' ' => sources.extend(
                    Some(std::mem::take(&mut current))
                        .filter(|s| !s.is_empty())
                        .map(PathBuf::from),
                ),
                _ => current.push(c),
            }
        }
        sources.extend(Some(current).filter(|s| !s.is_empty()).map(PathBuf::from));
    }
    sources.sort();
    sources.dedup();
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_prerequisite_of_a_dep_info_file() {
        let text = "/t/debug/listing-01-03: /b/src/main.rs /b/common/my\\ lib.rs\n\n\
                    /b/src/main.rs:\n/b/common/my\\ lib.rs:\n\n# env-dep:CARGO_PKG_NAME=x\n";
        let sources = parse_dep_info(text);
        assert_eq!(
            sources,
            [
                PathBuf::from("/b/common/my lib.rs"),
                PathBuf::from("/b/src/main.rs")
            ]
        );
    }

    #[test]
    fn finds_the_dep_info_file_of_each_kind_of_artifact() {
        let dir = std::env::temp_dir().join(format!("harness-dep-info-{}", std::process::id()));
        let deps = dir.join("deps");
        fs::create_dir_all(&deps).unwrap();
        fs::write(deps.join("vclock-4f2e.d"), "x: lib.rs\n").unwrap();
        // An executable as cargo leaves it: a hard link out of deps/, whose dep-info is in
        // deps/ only, beside an older build of the same crate with another hash.
        fs::write(deps.join("listing_01_03-9c1d"), "new build").unwrap();
        fs::write(deps.join("listing_01_03-9c1d.d"), "x: main.rs module.rs\n").unwrap();
        fs::write(deps.join("listing_01_03-0000"), "old build").unwrap();
        fs::write(deps.join("listing_01_03-0000.d"), "x: main.rs\n").unwrap();
        fs::hard_link(deps.join("listing_01_03-9c1d"), dir.join("listing-01-03")).unwrap();
        // One copied out without a link, its dep-info beside the copy.
        fs::write(dir.join("listing-01-04"), "copied").unwrap();
        fs::write(dir.join("listing-01-04.d"), "x: main.rs\n").unwrap();
        let mut listing = DepsListing::default();
        let library = dep_info_of(&deps.join("libvclock-4f2e.rlib"), &mut listing);
        let linked = dep_info_of(&dir.join("listing-01-03"), &mut listing);
        let copied = dep_info_of(&dir.join("listing-01-04"), &mut listing);
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(library, Some(vec![PathBuf::from("lib.rs")]));
        assert_eq!(
            linked,
            Some(vec![PathBuf::from("main.rs"), PathBuf::from("module.rs")])
        );
        assert_eq!(copied, Some(vec![PathBuf::from("main.rs")]));
    }
}
