//! Tests in an exercise's library, which its check would not run: the check builds and runs the
//! exercise's integration tests (`tests/*.rs`), not unit tests in its library (`#[test]`,
//! `#[tokio::test]`, `#[cfg(test)]`) nor code blocks in its doc comments that rustdoc runs.
//! Each is reported as `file:line`, so that no test of an exercise goes unchecked.

use crate::compile::Build;
use crate::workspace::{Crate, Workspace};
use std::fs;
use std::path::Path;

/// Where the library sources of `exercise` (the files its builds read, outside `tests/`) hold a
/// test that its check would not run.
pub fn find(exercise: &Crate, builds: [&Build; 2], workspace: &Workspace) -> Vec<String> {
    let tests_dir = exercise.dir.join("tests");
    let mut sources: Vec<&Path> = builds
        .iter()
        .flat_map(|build| &build.sources)
        .map(|path| path.as_path())
        .filter(|path| path.starts_with(&exercise.dir) && !path.starts_with(&tests_dir))
        .filter(|path| path.extension() == Some("rs".as_ref()))
        .collect();
    sources.sort();
    sources.dedup();
    let mut found = Vec::new();
    for path in sources {
        let text = fs::read_to_string(path).unwrap_or_default();
        for line in in_source(&text) {
            found.push(format!("    {}:{line}", workspace.relative(path).display()));
        }
    }
    found
}

/// The line numbers, in one source file, of unit tests and of doc-tests' opening fences.
fn in_source(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut in_doc_block = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start();
        let unit_test = ["#[test]", "#[tokio::test", "#[cfg(test)]"];
        if unit_test.iter().any(|marker| line.starts_with(marker)) {
            lines.push(index + 1);
            continue;
        }
        let doc = line
            .strip_prefix("///")
            .or_else(|| line.strip_prefix("//!"));
        let Some(info) = doc.and_then(|doc| doc.trim_start().strip_prefix("```")) else {
            continue;
        };
        in_doc_block = !in_doc_block;
        if in_doc_block && rustdoc_runs(info) {
            lines.push(index + 1);
        }
    }
    lines
}

/// Whether rustdoc runs a code block with this info string: no language, or only Rust's own
/// attributes (`rust`, `should_panic`, `no_run`, `edition2024`, ...), and not `ignore`.
fn rustdoc_runs(info: &str) -> bool {
    let mut words = info.split([',', ' ']).filter(|word| !word.is_empty());
    words.all(|word| {
        matches!(word, "rust" | "should_panic" | "no_run" | "compile_fail")
            || word.starts_with("edition")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_unit_tests_and_the_doc_tests_rustdoc_would_run() {
        let source = "/// ```\n/// assert!(true);\n/// ```\npub fn a() {}\n\
                      /// ```text\n/// not code\n/// ```\n\
                      #[cfg(test)]\nmod tests {\n    #[tokio::test(start_paused = true)]\n}\n";
        assert_eq!(in_source(source), [1, 8, 10]);
    }

    #[test]
    fn only_code_blocks_rustdoc_would_run_are_doc_tests() {
        for runs in ["", "rust", "should_panic", "rust,no_run", "edition2024"] {
            assert!(rustdoc_runs(runs), "{runs}");
        }
        for never_runs in ["text", "ignore", "rust,ignore", "console", "python"] {
            assert!(!rustdoc_runs(never_runs), "{never_runs}");
        }
    }
}
