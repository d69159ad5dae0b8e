//! The compiler's errors for a listing meant not to compile, kept (see `memo`). Cargo compiles
//! such a listing again on every build, since it keeps nothing of a crate that failed: about a
//! tenth of a CPU second each, most of a warm run's build. So the harness keeps what the
//! compiler said, under the key of everything the listing could be made of:
//!
//! - every file in the listing's folder;
//! - every file of the repository but those in the folders that hold no crate a listing can
//!   use (`NO_CRATE_FOR_LISTINGS`: the target folder, the pages, the tests, the theme, the
//!   benchmarks, CI's files) and in the other listings' and exercises' folders: so the shared
//!   crates it may use, every manifest (any of which can change the features its dependencies
//!   are built with), `Cargo.lock` (which fixes every dependency's source),
//!   `rust-toolchain.toml` and any `.cargo/config.toml`;
//! - the `Cargo.toml` of every other listing and exercise (one cargo call builds them all, so
//!   any of them can change the features a dependency is built with);
//! - every cargo configuration file cargo reads here, in the repository, above it and in
//!   `$CARGO_HOME` (rustflags, a wrapper, a `[patch]`);
//! - the harness's own executable (the cargo command it runs, how it reads the messages),
//!   what `rustc -vV` says, and the environment.
//!
//! A run whose key is the same does not compile it and checks the kept errors instead; any other
//! compiles it. Kept are only errors the compiler gave for a crate that did not build, and only
//! when every file its dep-info names is among those above (paths with `..` resolved first) and
//! no error says a file could not be read: a missing file is in no dep-info, so its later
//! appearance could change no key.

use crate::compile::{self, Build, Diagnostic};
use crate::inputs::{self, Key};
use crate::markdown::normalize_lexically;
use crate::memo::Memo;
use crate::workspace::{Listing, Workspace};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The repository's folders that hold no crate a listing can use, beside the target folder. A
/// crate added to one of them for listings to use must be taken off this list.
const NO_CRATE_FOR_LISTINGS: [&str; 6] = ["src", "tests", "theme", "bench", ".ci", ".github"];

/// The inputs every listing's key shares, hashed once per build.
pub struct Shared {
    key: Option<u64>,
    skip: Vec<PathBuf>,
}

/// Errors about a file the compiler could not read (`include_str!` of a missing file, a missing
/// module file, E0583): that file is in no dep-info, so such errors are never kept.
const UNREAD_FILE: [&str; 2] = ["couldn't read", "file not found for module"];

impl Shared {
    /// `harness` is the key of the harness's own executable.
    pub fn of(workspace: &Workspace, rustc: &str, harness: u64) -> Shared {
        let mut skip = vec![workspace.target_dir.clone()];
        skip.extend(
            NO_CRATE_FOR_LISTINGS
                .iter()
                .map(|folder| workspace.root.join(folder)),
        );
        skip.extend(workspace.listings.iter().map(|l| l.krate.dir.clone()));
        skip.extend(workspace.exercises.iter().map(|e| e.dir.clone()));
        let skipped: Vec<&Path> = skip.iter().map(PathBuf::as_path).collect();
        let mut key = Key::new();
        key.text(rustc)
            .text(&format!("{harness:016x}"))
            .environment();
        let manifests = workspace.listings.iter().map(|l| &l.krate);
        let manifests = manifests
            .chain(&workspace.exercises)
            .map(|k| k.dir.join("Cargo.toml"));
        let configs = inputs::cargo_config_files(&workspace.root);
        let files: Option<()> = manifests
            .chain(configs)
            .try_for_each(|file| key.file(&file).map(|_| ()));
        let key = files
            .and_then(|()| key.tree(&workspace.root, &skipped))
            .map(|key| key.finish());
        Shared { key, skip }
    }

    /// The key of everything `listing` could be made of; `None` if a file cannot be read.
    pub fn key(&self, listing: &Listing) -> Option<u64> {
        let mut key = Key::new();
        key.text(&format!("{:016x}", self.key?));
        Some(key.tree(&listing.krate.dir, &[])?.finish())
    }

    /// Whether a file the compiler read is among the inputs of `listing`'s key.
    fn covers(&self, listing: &Listing, root: &Path, file: &Path) -> bool {
        let file = normalize_lexically(&root.join(file));
        file.starts_with(&listing.krate.dir)
            || (file.starts_with(root) && !self.skip.iter().any(|skip| file.starts_with(skip)))
    }
}

/// What the compiler said of `listing` when last built from inputs with this `key`.
pub fn kept(memo: &Memo, root: &Path, listing: &Listing, key: u64) -> Option<Build> {
    let text = memo.get(root, &memo_name(listing), key)?;
    let kept: Value = serde_json::from_str(&text).ok()?;
    let sources = kept["sources"].as_array()?.iter();
    let diagnostics = kept["diagnostics"].as_array()?.iter();
    let text = |value: &Value, field: &str| value[field].as_str().map(str::to_owned);
    Some(Build {
        executables: Vec::new(),
        sources: sources
            .map(|s| s.as_str().map(|s| root.join(s)))
            .collect::<Option<_>>()?,
        diagnostics: diagnostics
            .map(|d| {
                Some(Diagnostic {
                    level: text(d, "level")?,
                    code: text(d, "code"),
                    message: text(d, "message")?,
                    rendered: text(d, "rendered")?,
                })
            })
            .collect::<Option<_>>()?,
    })
}

/// Keeps what the compiler said of `listing`, built from inputs with this `key` in a build that
/// started at `since`, if it failed with an error and read only files the key holds.
pub fn keep(
    memo: &Memo,
    shared: &Shared,
    workspace: &Workspace,
    listing: &Listing,
    (key, since): (u64, SystemTime),
    build: &Build,
) {
    let root = &workspace.root;
    let failed =
        build.executables.is_empty() && build.diagnostics.iter().any(|d| d.level == "error");
    let unread = |d: &Diagnostic| UNREAD_FILE.iter().any(|text| d.message.contains(text));
    if build.diagnostics.iter().any(unread) {
        return;
    }
    let Some(sources) = compile::sources_read_since(workspace, listing.name(), since) else {
        return;
    };
    let covered = sources
        .iter()
        .all(|file| shared.covers(listing, root, file));
    if !failed || !covered || sources.is_empty() {
        return;
    }
    let sources: Vec<_> = sources
        .iter()
        .map(|file| file.strip_prefix(root).unwrap_or(file).to_string_lossy())
        .collect();
    let diagnostics: Vec<_> = build
        .diagnostics
        .iter()
        .map(|d| json!({"level": d.level, "code": d.code, "message": d.message, "rendered": d.rendered}))
        .collect();
    let kept = json!({"sources": sources, "diagnostics": diagnostics});
    memo.put(root, &memo_name(listing), key, &kept.to_string());
}

fn memo_name(listing: &Listing) -> String {
    format!("compile-errors-{}", listing.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::{Crate, Expect};
    use std::fs;

    fn listing(root: &Path, name: &str) -> Listing {
        let dir = root.join("listings/ch01").join(name);
        fs::create_dir_all(dir.join("src")).unwrap();
        fs::write(dir.join("src/main.rs"), format!("fn main() {{ {name} }}")).unwrap();
        fs::write(
            dir.join("Cargo.toml"),
            format!("[package]\nname = \"{name}\""),
        )
        .unwrap();
        Listing {
            krate: Crate {
                name: name.to_owned(),
                package_id: format!("path+file://{}#0.1.0", dir.display()),
                dir: dir.clone(),
                target_roots: vec![dir.join("src/main.rs")],
            },
            expect: Expect::CompileError("E0308".into()),
            timeline: None,
            virtual_clock_only: None,
            title: None,
            twin_title: None,
        }
    }

    #[test]
    fn a_key_holds_the_listing_and_what_it_shares_but_not_other_listings_or_pages() {
        let root = std::env::temp_dir().join(format!("harness-kept-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let (one, two) = (
            listing(&root, "listing-01-01"),
            listing(&root, "listing-01-02"),
        );
        fs::create_dir_all(root.join("src")).unwrap();
        fs::create_dir_all(root.join("listings/common/vclock")).unwrap();
        fs::write(root.join("Cargo.lock"), "one").unwrap();
        let workspace = Workspace {
            root: root.clone(),
            target_dir: root.join("target"),
            mdbook_version: None,
            root_package: None,
            listings: vec![one, two],
            support_crates: Vec::new(),
            exercises: Vec::new(),
        };
        let key = || Shared::of(&workspace, "rustc 1.95.0", 7).key(&workspace.listings[0]);
        let before = key();
        assert!(before.is_some());
        fs::write(root.join("src/page.md"), "a page").unwrap();
        fs::create_dir_all(root.join("tests/book")).unwrap();
        fs::write(root.join("tests/book/check.rs"), "// the harness").unwrap();
        let other = workspace.listings[1].krate.dir.join("src/main.rs");
        fs::write(&other, "fn main() {}").unwrap();
        fs::create_dir_all(root.join("target/debug")).unwrap();
        fs::write(root.join("target/debug/listing-01-01"), "built").unwrap();
        assert_eq!(
            key(),
            before,
            "a page, the harness, another listing, the target folder"
        );

        fs::write(root.join("Cargo.lock"), "two").unwrap();
        assert_ne!(key(), before, "Cargo.lock");
        fs::write(root.join("Cargo.lock"), "one").unwrap();
        fs::write(
            root.join("listings/common/vclock/lib.rs"),
            "pub fn now() {}",
        )
        .unwrap();
        assert_ne!(key(), before, "a shared crate");
        fs::remove_file(root.join("listings/common/vclock/lib.rs")).unwrap();
        assert_eq!(key(), before);
        let own = workspace.listings[0].krate.dir.join("src/main.rs");
        fs::write(&own, "fn main() { 1 }").unwrap();
        assert_ne!(key(), before, "its own source");
        assert_ne!(
            Shared::of(&workspace, "rustc 1.96.0", 7).key(&workspace.listings[0]),
            key(),
            "another compiler"
        );
        assert_ne!(
            Shared::of(&workspace, "rustc 1.95.0", 8).key(&workspace.listings[0]),
            key(),
            "another harness"
        );
        let own_key = key();
        let other_manifest = workspace.listings[1].krate.dir.join("Cargo.toml");
        fs::write(&other_manifest, "[dependencies]\nfutures = \"0.3\"").unwrap();
        assert_ne!(key(), own_key, "another listing's manifest");

        let shared = Shared::of(&workspace, "rustc 1.95.0", 7);
        let first = &workspace.listings[0];
        assert!(shared.covers(first, &root, &own));
        assert!(shared.covers(first, &root, Path::new("listings/common/vclock/lib.rs")));
        assert!(
            !shared.covers(first, &root, &other),
            "another listing's file"
        );
        assert!(!shared.covers(first, &root, Path::new("src/page.md")));
        assert!(!shared.covers(first, &root, Path::new("/elsewhere/lib.rs")));
        fs::remove_dir_all(&root).unwrap();
    }

    fn error(message: &str) -> Diagnostic {
        Diagnostic {
            level: "error".into(),
            code: Some("E0308".into()),
            message: message.into(),
            rendered: format!("error[E0308]: {message}\n"),
        }
    }

    #[test]
    fn errors_are_kept_and_read_back_only_for_a_failed_build_of_covered_files() {
        let root = std::env::temp_dir().join(format!("harness-keep-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let one = listing(&root, "listing-01-01");
        let deps = root.join("target/debug/deps");
        fs::create_dir_all(&deps).unwrap();
        let workspace = Workspace {
            root: root.clone(),
            target_dir: root.join("target"),
            mdbook_version: None,
            root_package: None,
            listings: vec![one],
            support_crates: Vec::new(),
            exercises: Vec::new(),
        };
        let (memo, listing) = (
            Memo::new(Some(root.join("target/memo"))),
            &workspace.listings[0],
        );
        let shared = Shared::of(&workspace, "rustc 1.95.0", 7);
        let key = shared.key(listing).unwrap();
        let since = SystemTime::now();
        let dep_info = |sources: &str| {
            let text = format!("{}: {sources}\n", deps.join("listing_01_01-1").display());
            fs::write(deps.join("listing_01_01-1.d"), text).unwrap();
        };
        let failed = Build {
            diagnostics: vec![error("mismatched types")],
            ..Build::default()
        };
        let keep = |build: &Build| keep(&memo, &shared, &workspace, listing, (key, since), build);

        dep_info("listings/ch01/listing-01-01/src/main.rs");
        keep(&Build::default());
        assert!(
            kept(&memo, &root, listing, key).is_none(),
            "no error, nothing kept"
        );
        let unread = Build {
            diagnostics: vec![error("couldn't read `data.txt`")],
            ..Build::default()
        };
        keep(&unread);
        assert!(kept(&memo, &root, listing, key).is_none(), "an unread file");
        dep_info("listings/ch01/listing-01-01/src/../../../../src/page.md");
        keep(&failed);
        assert!(
            kept(&memo, &root, listing, key).is_none(),
            "a file outside its key"
        );

        dep_info("listings/ch01/listing-01-01/src/main.rs");
        keep(&failed);
        let back = kept(&memo, &root, listing, key).expect("kept");
        assert_eq!(back.compiler_says(), failed.compiler_says());
        assert!(back.executables.is_empty());
        assert_eq!(back.sources, [listing.krate.dir.join("src/main.rs")]);
        assert!(
            kept(&memo, &root, listing, key + 1).is_none(),
            "another key"
        );
        fs::remove_dir_all(&root).unwrap();
    }
}
