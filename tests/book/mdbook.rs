//! Building the book with the pinned mdbook. mdbook exits 0 after logging an error for a broken
//! `book.toml` table or a missing include, so any line it logs at WARN or ERROR is a problem.
//!
//! A book built without a complaint is kept (see `memo`) under the key of everything it could
//! be made of: every file of the repository outside the target folder (the pages, the
//! listings and their outputs, the theme, the preprocessor's sources, every manifest and
//! `Cargo.lock`), the mdbook executable and its version, the compiler's, and the environment. A later run with the
//! same key, whose `target/book` still holds exactly the files that build wrote, uses that book
//! instead of building it again; any other run builds it.

use crate::inputs::{self, Key};
use crate::memo::Memo;
use crate::workspace::Workspace;
use mdbook_preprocessor::config::Config;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What the memo entry of a built book is named.
const MEMO: &str = "book";

pub fn install_command(version: &str) -> String {
    format!("cargo install mdbook --locked --version {version}")
}

/// What `book.toml` runs the book's preprocessor with. The harness runs the same binary
/// itself (see `preprocessor`), so that mdbook need not start cargo twice (`supports`, then the
/// run), each time waiting for the target folder's lock that the listings' build holds.
pub const PREPROCESSOR_BY_CARGO_RUN: &str = "cargo run --quiet --bin mdbook-listing --";

/// The mdbook on the PATH, if it is the pinned one: its `--version`.
fn pinned_version(workspace: &Workspace) -> Result<String, String> {
    let wanted = workspace.pinned_mdbook()?;
    let install = install_command(wanted);
    let version = Command::new("mdbook").arg("--version").output().map_err(|_| {
        format!("mdbook is not installed (the book is pinned to mdbook {wanted}); install it with:\n    {install}")
    })?;
    let version = String::from_utf8_lossy(&version.stdout).trim().to_owned();
    if version != format!("mdbook v{wanted}") {
        return Err(format!(
            "found {version}, but the book is pinned to mdbook {wanted} (Cargo.toml, \
             [workspace.metadata.book]); install it with:\n    {install}"
        ));
    }
    Ok(version)
}

/// Whether the book as last built is kept (see above) and `target/book` still holds it.
pub fn is_kept(workspace: &Workspace, memo: &Memo, rustc: &str) -> bool {
    pinned_version(workspace).is_ok_and(|version| {
        let inputs = inputs_key(workspace, &version, rustc);
        kept(workspace, memo, inputs)
    })
}

/// Whether a book built from inputs with the key `inputs` is kept, and `target/book` still
/// holds exactly the files that build wrote.
fn kept(workspace: &Workspace, memo: &Memo, inputs: Option<u64>) -> bool {
    let output = output_key(&workspace.target_dir.join("book"));
    inputs.zip(output).is_some_and(|(inputs, output)| {
        memo.get(&workspace.root, MEMO, inputs) == Some(format!("{output:016x}"))
    })
}

/// The preprocessor's executable, built as `book.toml`'s `cargo run` would build it, if
/// `book.toml` runs it that way; `None` if the book has no such preprocessor.
pub fn preprocessor(cargo: &str, workspace: &Workspace) -> Result<Option<PathBuf>, String> {
    let book_toml = workspace.root.join("book.toml");
    let config = Config::from_disk(&book_toml)
        .map_err(|e| format!("{}: {e:#}", workspace.relative(&book_toml).display()))?;
    let command: Option<String> = config.get("preprocessor.listing.command").unwrap_or(None);
    if command.as_deref() != Some(PREPROCESSOR_BY_CARGO_RUN) {
        return Ok(None);
    }
    let output = Command::new(cargo)
        .current_dir(&workspace.root)
        .env("CARGO_TARGET_DIR", &workspace.target_dir)
        .args([
            "build",
            "--quiet",
            "--bin",
            "mdbook-listing",
            "--message-format=json",
        ])
        .output()
        .map_err(|e| format!("could not run `{cargo}`: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let executable = stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "mdbook-listing")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from));
    match (output.status.success(), executable) {
        (true, Some(executable)) => Ok(Some(executable)),
        _ => Err(format!(
            "could not build the book's preprocessor (`cargo build --bin mdbook-listing`):\n{}",
            String::from_utf8_lossy(&output.stderr)
        )),
    }
}

/// Builds the book into `target/book` and returns that folder, with what mdbook complained of
/// (a book that mdbook could still build is returned, so that its links are checked too).
/// `preprocessor` gives the preprocessor's executable, when the book is to be built.
pub fn build(
    workspace: &Workspace,
    memo: &Memo,
    rustc: &str,
    preprocessor: impl FnOnce() -> Result<Option<PathBuf>, String>,
) -> Result<(PathBuf, Option<String>), String> {
    let version = pinned_version(workspace)?;
    let destination = workspace.target_dir.join("book");
    let key = || inputs_key(workspace, &version, rustc);
    let before = key();
    if kept(workspace, memo, before) {
        return Ok((destination, None));
    }
    let mut command = Command::new("mdbook");
    command
        .arg("build")
        .arg(&workspace.root)
        .arg("--dest-dir")
        .arg(&destination)
        .env("MDBOOK_LOG", "warn")
        .env("NO_COLOR", "1");
    if let Some(executable) = preprocessor()? {
        // mdbook splits the command as a POSIX shell would (shlex).
        command.env(
            "MDBOOK_PREPROCESSOR__LISTING__COMMAND",
            shell_quoted(&executable),
        );
    }
    let output = command
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
    // Kept only if no input changed while mdbook was reading them.
    let unchanged = before.filter(|&before| key() == Some(before));
    if complaints.is_empty()
        && let Some((key, output)) = unchanged.zip(output_key(&destination))
    {
        memo.put(&workspace.root, MEMO, key, &format!("{output:016x}"));
    }
    Ok((
        destination,
        Some(reported).filter(|_| !complaints.is_empty()),
    ))
}

/// A path as one word of a POSIX shell's command line: in single quotes, each `'` in it
/// written `'\''`.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

/// The key of everything the book is made of (see above); `None` if a file cannot be read.
fn inputs_key(workspace: &Workspace, mdbook_version: &str, rustc: &str) -> Option<u64> {
    let mut key = Key::new();
    key.text(mdbook_version).text(rustc);
    key.file(&inputs::on_path("mdbook")?)?;
    key.tree(&workspace.root, &[&workspace.target_dir])?;
    Some(key.environment().finish())
}

/// The key of the built book's files, as mdbook left them.
fn output_key(destination: &Path) -> Option<u64> {
    Some(Key::new().tree(destination, &[])?.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_quoted_as_one_word_for_mdbook() {
        assert_eq!(shell_quoted(Path::new("/b/target/pp")), "'/b/target/pp'");
        assert_eq!(
            shell_quoted(Path::new("/my book/it's/pp")),
            r"'/my book/it'\''s/pp'"
        );
    }
}
