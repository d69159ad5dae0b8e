//! Every file under `listings/` is owned by a program that the suite checks, so that no stale
//! file survives the listing it belonged to. A file is owned when it is one of:
//!
//! - a package's `Cargo.toml`;
//! - a source its compiler read: the root of each of its targets, as `cargo metadata` reports
//!   them, and every file in the dep-info of the builds this run made (so a `.rs` file that no
//!   `mod` declares is not owned); of a package that does not compile (a listing meant not to,
//!   a starter that is broken), whose reads rustc does not report, every `.rs` file;
//! - a listing's asyncio twin (`twin.py`), or a module of the twins' helper folder (`vclock.py`);
//! - `listings/rustfmt.toml`, the width the listings are formatted to;
//! - an expected file of a program that exists: a listing's `output.txt`, a `twin-output.txt`
//!   beside a `twin.py`, a `timeline.svg` of a listing that declares `timeline`;
//! - a listing's questions (`quiz.toml`), which the book renders in the listing's figure (see
//!   `quizzes`).
//!
//! Files that git ignores (`__pycache__/`, per `.gitignore`) are never committed and are left
//! out; outside a git work tree, every file counts.

use crate::compile::Build;
use crate::workspace::{Crate, Workspace};
use crate::workspace::{
    EXPECTED_FILE, TIMELINE_FILE, TWIN_EXPECTED_FILE, TWIN_FILE, TWIN_HELPER_DIR,
};
use mdbook_listing::quiz::QUIZ_FILE;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One problem per file under `listings/` that nothing owns, saying what it looks like it was.
pub fn check(workspace: &Workspace, builds: &[&HashMap<String, Build>]) -> Vec<String> {
    let listings = workspace.root.join("listings");
    let mut files = Vec::new();
    walk(&listings, &mut files);
    let ignored = git_ignored(&workspace.root, &files);
    let owned = owned(workspace, builds);
    let crates: Vec<&Crate> = all_crates(workspace).collect();
    files
        .iter()
        .filter(|file| !owned.contains(*file) && !ignored.contains(*file))
        .map(|file| {
            let shown = workspace.relative(file).display();
            let home = crates.iter().find(|krate| file.starts_with(&krate.dir));
            format!("{shown}: {}", why_not_owned(file, home.copied(), workspace))
        })
        .collect()
}

fn all_crates(workspace: &Workspace) -> impl Iterator<Item = &Crate> {
    let listings = workspace.listings.iter().map(|listing| &listing.krate);
    listings
        .chain(&workspace.exercises)
        .chain(&workspace.support_crates)
}

fn owned(workspace: &Workspace, builds: &[&HashMap<String, Build>]) -> BTreeSet<PathBuf> {
    let mut owned = BTreeSet::new();
    for krate in all_crates(workspace) {
        owned.insert(krate.dir.join("Cargo.toml"));
        owned.extend(krate.target_roots.iter().cloned());
        for build in builds
            .iter()
            .filter_map(|builds| builds.get(&krate.package_id))
        {
            owned.extend(build.sources.iter().cloned());
            if build.diagnostics.iter().any(|d| d.level == "error") {
                let mut files = Vec::new();
                walk(&krate.dir, &mut files);
                owned.extend(
                    files
                        .into_iter()
                        .filter(|f| f.extension() == Some("rs".as_ref())),
                );
            }
        }
    }
    for listing in &workspace.listings {
        owned.insert(listing.expected_file());
        if let Some(twin) = listing.twin() {
            owned.insert(twin);
            owned.insert(listing.krate.dir.join(TWIN_EXPECTED_FILE));
        }
        if listing.timeline.is_some() {
            owned.insert(listing.timeline_file());
        }
        owned.insert(listing.krate.dir.join(QUIZ_FILE));
    }
    owned.insert(workspace.root.join("listings").join("rustfmt.toml"));
    let helper = workspace.root.join(TWIN_HELPER_DIR);
    let mut helper_files = Vec::new();
    walk(&helper, &mut helper_files);
    owned.extend(
        helper_files
            .into_iter()
            .filter(|file| file.extension() == Some("py".as_ref())),
    );
    owned
}

/// Why nothing owns `file`, found in the folder of `home` (if it is in a package's folder).
fn why_not_owned(file: &Path, home: Option<&Crate>, workspace: &Workspace) -> String {
    let name = file
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    let listing =
        home.and_then(|krate| workspace.listings.iter().find(|l| l.krate.dir == krate.dir));
    let fix = "delete it, or make it part of a listing the book shows";
    match (name, home, listing) {
        (TWIN_EXPECTED_FILE, _, Some(_)) => format!(
            "the expected output of an asyncio twin that does not exist (no {TWIN_FILE} beside \
             it); delete it, or add the twin"
        ),
        (TIMELINE_FILE, _, Some(_)) => "a timeline of a listing that declares none (no \
             `timeline = \"title\"` in its Cargo.toml); delete it, or declare the timeline"
            .to_owned(),
        (QUIZ_FILE, _, _) => "a quiz, but not beside a listing (a package with a binary target), \
             whose figure would show it; move it beside its listing's Cargo.toml, or delete it"
            .to_owned(),
        (EXPECTED_FILE | TWIN_EXPECTED_FILE | TIMELINE_FILE, _, None) => format!(
            "an expected file, but not beside a listing (a package with a binary target); {fix}"
        ),
        (_, Some(_), _) if name.ends_with(".rs") => "a Rust file that no target of its package \
             compiles (no `mod` declares it); delete it, or declare it"
            .to_owned(),
        _ => format!(
            "no program owns this file (it is not a manifest, a source the compiler or a twin \
             reads, or the expected output of a program); {fix}"
        ),
    }
}

/// Every file under `dir`, at any depth.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    entries.sort_by_key(|entry| entry.path());
    for entry in entries {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => walk(&path, files),
            _ => files.push(path),
        }
    }
}

/// Which of `files` git ignores: `git check-ignore` reports ignored files that are not tracked.
/// Outside a git work tree (or without git) none is.
fn git_ignored(root: &Path, files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["check-ignore", "--stdin", "-z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return BTreeSet::new();
    };
    let mut paths = Vec::new();
    for file in files {
        paths.extend_from_slice(file.as_os_str().as_encoded_bytes());
        paths.push(0);
    }
    // Written from another thread, so that git's answers never fill a pipe we are not reading.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || stdin.map(|mut stdin| stdin.write_all(&paths)));
    let output = child
        .wait_with_output()
        .map(|output| output.stdout)
        .unwrap_or_default();
    let _ = writer.join();
    output
        .split(|byte| *byte == 0)
        .filter(|path| !path.is_empty())
        .map(|path| PathBuf::from(String::from_utf8_lossy(path).into_owned()))
        .collect()
}
