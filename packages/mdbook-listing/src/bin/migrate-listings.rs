//! `migrate-listings`: rewrites the hand-typed listing presentations of the book's pages
//! (`src/**/*.md`) into `{{#listing …}}` directives, and writes each caption's title into its
//! listing's `Cargo.toml` (`title`, `twin-title` under `[package.metadata.listing]`). A
//! presentation it cannot render exactly as it is written stays and is reported; a second run
//! changes nothing. Run from the repository's root:
//!
//! ```console
//! cargo run -p mdbook-listing --bin migrate-listings -- [--dry-run]
//! ```
//!
//! It prints the pages' line count before and after, and exits 1 if it left any presentation
//! alone.

use mdbook_listing::manifest;
use mdbook_listing::migrate::{self, Found};
use mdbook_listing::paths;
use mdbook_listing::workspace::{Program, Workspace};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dry_run = match args.as_slice() {
        [] => false,
        [flag] if flag == "--dry-run" => true,
        _ => {
            eprintln!("usage: migrate-listings [--dry-run]   (from the repository's root)");
            return ExitCode::from(2);
        }
    };
    match run(dry_run) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(problem) => {
            eprintln!("migrate-listings: {problem}");
            ExitCode::FAILURE
        }
    }
}

/// Whether every presentation found was rewritten.
fn run(dry_run: bool) -> Result<bool, String> {
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let workspace = Workspace::load(&cargo, &cwd, None)?;
    let src = workspace.root.join("src");
    let pages = markdown_files(&src);
    let before = line_count(&src);

    // The titles to write, per listing: (key, value).
    let mut titles: BTreeMap<String, Vec<(&str, String)>> = BTreeMap::new();
    let (mut rewritten, mut left) = (0, 0);
    for path in &pages {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let migrated = migrate::page(&text, path, &workspace);
        let shown = workspace.shown(path);
        for Found {
            line,
            number,
            program,
            title,
            outcome,
        } in migrated.found
        {
            match outcome {
                Ok(_) => {
                    rewritten += 1;
                    let key = match program {
                        Program::Rust => "title",
                        Program::Twin => "twin-title",
                    };
                    titles.entry(number).or_default().push((key, title));
                }
                Err(why) => {
                    left += 1;
                    println!("{shown}:{line}: left as it is: Listing {number}: {why}");
                }
            }
        }
        if migrated.text != text && !dry_run {
            fs::write(path, &migrated.text).map_err(|e| format!("{shown}: {e}"))?;
        }
    }

    let mut manifests = 0;
    for (number, keys) in &titles {
        let listing = workspace.find(number).expect("a migrated listing exists");
        let path = listing.manifest();
        let shown = workspace.shown(&path);
        let original = fs::read_to_string(&path).map_err(|e| format!("{shown}: {e}"))?;
        let mut text = original.clone();
        for key in ["title", "twin-title"] {
            if let Some((_, value)) = keys.iter().find(|(k, _)| *k == key) {
                let after = (key == "twin-title").then_some("title");
                text =
                    manifest::set(&text, key, value, after).map_err(|e| format!("{shown}: {e}"))?;
            }
        }
        if text != original {
            manifests += 1;
            if !dry_run {
                fs::write(&path, text).map_err(|e| format!("{shown}: {e}"))?;
            }
        }
    }

    let after = if dry_run { before } else { line_count(&src) };
    let would = if dry_run {
        " (dry run: nothing written)"
    } else {
        ""
    };
    println!(
        "{rewritten} presentations rewritten, {left} left as they are, {manifests} Cargo.toml \
         files given titles{would}"
    );
    println!("src/*.md: {before} lines before, {after} after");
    Ok(left == 0)
}

/// Every `.md` file under `dir` but `SUMMARY.md`, sorted.
fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = paths::files_with_extension(dir, "md");
    files.retain(|path| !path.ends_with("SUMMARY.md"));
    files
}

/// The measure the issue uses, `cat src/*.md | wc -l`: newlines in the top folder's pages.
fn line_count(src: &Path) -> usize {
    let pages = fs::read_dir(src)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path());
    pages
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter_map(|path| fs::read_to_string(path).ok())
        .map(|text| text.matches('\n').count())
        .sum()
}
