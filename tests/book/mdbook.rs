//! Building the book with the pinned mdbook. mdbook exits 0 after logging an error for a broken
//! `book.toml` table or a missing include, so any line it logs at WARN or ERROR is a problem.

use crate::workspace::Workspace;
use std::path::PathBuf;
use std::process::Command;

pub fn install_command(version: &str) -> String {
    format!("cargo install mdbook --locked --version {version}")
}

/// Builds the book into `target/book` and returns that folder, with what mdbook complained of
/// (a book that mdbook could still build is returned, so that its links are checked too).
pub fn build(workspace: &Workspace) -> Result<(PathBuf, Option<String>), String> {
    let wanted = workspace.pinned_mdbook()?;
    let install = install_command(wanted);
    let version = Command::new("mdbook").arg("--version").output().map_err(|_| {
        format!("mdbook is not installed (the book is pinned to mdbook {wanted}); install it with:\n    {install}")
    })?;
    let version = String::from_utf8_lossy(&version.stdout);
    if version.trim() != format!("mdbook v{wanted}") {
        return Err(format!(
            "found {}, but the book is pinned to mdbook {wanted} (Cargo.toml, \
             [workspace.metadata.book]); install it with:\n    {install}",
            version.trim()
        ));
    }

    let destination = workspace.target_dir.join("book");
    let output = Command::new("mdbook")
        .arg("build")
        .arg(&workspace.root)
        .arg("--dest-dir")
        .arg(&destination)
        .env("MDBOOK_LOG", "warn")
        .env("NO_COLOR", "1")
        .output()
        .map_err(|e| format!("could not run mdbook: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    let complaints: Vec<&str> = log
        .lines()
        .filter(|line| line.contains("WARN") || line.contains("ERROR"))
        .collect();
    let reported = format!("`mdbook build` ({}) reported:\n{log}", output.status);
    if !output.status.success() {
        return Err(reported);
    }
    Ok((
        destination,
        Some(reported).filter(|_| !complaints.is_empty()),
    ))
}
