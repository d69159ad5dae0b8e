//! Checking that every exercise is a real exercise: its worked solution passes its tests, and the
//! starter the reader begins from builds, and its tests run to the end with at least one test
//! failing. A starter that "fails" for another reason (it does not build, a test executable
//! crashes or hangs) is reported as what it is. Every exercise is built once per run, with the
//! others, by `cargo build --tests` (the test executables `cargo test --no-run` builds; see
//! `compile`), and each test executable is then run as
//! `cargo test` runs it. Doc-tests are not run that way, so an exercise whose sources hold one
//! fails rather than leave it unchecked.

use crate::capture::{Capture, Exit, capture};
use crate::compile::Build;
use crate::test_report::{self, TestReport};
use crate::workspace::{Crate, Workspace};
use std::fs;
use std::process::Command;
use std::time::Duration;

/// An exercise's tests take milliseconds on tokio's paused clock. A test executable still
/// running after this long is stuck (a task waiting on a channel that never closes, say).
const TEST_LIMIT: Duration = Duration::from_secs(60);

pub fn check(
    exercise: &Crate,
    starter: Option<&Build>,
    solution: Option<&Build>,
    workspace: &Workspace,
) -> Result<(), String> {
    let name = &exercise.name;
    let empty = Build::default();
    let (starter, solution) = (starter.unwrap_or(&empty), solution.unwrap_or(&empty));
    let doc_tests = doc_tests(exercise, [starter, solution], workspace);
    if !doc_tests.is_empty() {
        return Err(format!(
            "it has doc-tests, which this check does not run (it runs the test executables \
             `cargo build --tests` builds); move them to tests/:\n{}",
            doc_tests.join("\n")
        ));
    }

    let with_solution = format!("cargo test -p {name} --features solution");
    if !compiled(solution) {
        return Err(format!(
            "its solution does not compile (`{with_solution}`):\n{}",
            solution.compiler_says()
        ));
    }
    let solved = run_tests(exercise, solution, &with_solution)?;
    if let Some((target, exit, output)) = solved.iter().find(|(_, exit, _)| !exit.success()) {
        return Err(format!(
            "its solution fails the exercise's own tests (`{with_solution}`): {target} exited \
             with {exit}:\n{output}"
        ));
    }
    if solved
        .iter()
        .all(|(_, _, output)| test_report::parse(output).passed.is_empty())
    {
        return Err(format!("it has no tests: `{with_solution}` runs none"));
    }

    let as_given = format!("cargo test -p {name}");
    if !compiled(starter) {
        return Err(format!(
            "its starter code does not compile, so the reader cannot begin (`{as_given}`):\n{}",
            starter.compiler_says()
        ));
    }
    let mut failed = Vec::new();
    for (target, exit, output) in run_tests(exercise, starter, &as_given)? {
        let report: TestReport = test_report::parse(&output);
        let failed_tests = exit == Exit::Code(101) && report.finished && !report.failed.is_empty();
        if !exit.success() && !failed_tests {
            return Err(format!(
                "its starter's tests did not run to the end (`{as_given}`): {target} exited with \
                 {exit} without reporting a failed test; the starter must build, run and fail \
                 a test:\n{output}"
            ));
        }
        failed.extend(report.failed);
    }
    if failed.is_empty() {
        return Err(format!(
            "its starter code already passes the tests (`{as_given}`), so there is nothing to \
             do; the starter must compile and fail them"
        ));
    }
    Ok(())
}

fn compiled(build: &Build) -> bool {
    !build.executables.is_empty() && !build.diagnostics.iter().any(|d| d.level == "error")
}

/// Runs each test executable of a build in the exercise's folder, as `cargo test` does, and
/// returns each one's target name, exit and output.
fn run_tests(
    exercise: &Crate,
    build: &Build,
    shown: &str,
) -> Result<Vec<(String, Exit, String)>, String> {
    let mut runs = Vec::new();
    for (target, executable) in &build.executables {
        let mut command = Command::new(executable);
        command
            .current_dir(&exercise.dir)
            .env("CARGO_MANIFEST_DIR", &exercise.dir)
            .env("CARGO_PKG_NAME", &exercise.name)
            .env("RUST_BACKTRACE", "0");
        let (exit, output) = capture(command, TEST_LIMIT).map_err(|problem| match problem {
            Capture::TooLong => format!(
                "`{shown}`: its test {target} was still running after {} s and was stopped; \
                 do its tests wait for something that never comes?",
                TEST_LIMIT.as_secs()
            ),
            Capture::Failed(problem) => format!("`{shown}`: {target}: {problem}"),
        })?;
        runs.push((target.clone(), exit, output));
    }
    Ok(runs)
}

/// `file:line` of each code block in the exercise's doc comments that rustdoc would run.
fn doc_tests(exercise: &Crate, builds: [&Build; 2], workspace: &Workspace) -> Vec<String> {
    let mut sources: Vec<_> = builds.iter().flat_map(|build| &build.sources).collect();
    sources
        .retain(|path| path.starts_with(&exercise.dir) && path.extension() == Some("rs".as_ref()));
    sources.sort();
    sources.dedup();
    let mut found = Vec::new();
    for path in sources {
        let text = fs::read_to_string(path).unwrap_or_default();
        let mut open = false;
        for (index, line) in text.lines().enumerate() {
            let line = line.trim_start();
            let doc = line
                .strip_prefix("///")
                .or_else(|| line.strip_prefix("//!"));
            let Some(info) = doc.and_then(|doc| doc.trim_start().strip_prefix("```")) else {
                continue;
            };
            open = !open;
            if open && is_doc_test(info) {
                found.push(format!(
                    "    {}:{}",
                    workspace.relative(path).display(),
                    index + 1
                ));
            }
        }
    }
    found
}

/// Whether rustdoc runs a code block with this info string: no language, or only Rust's own
/// attributes (`rust`, `should_panic`, `no_run`, `edition2024`, ...), and not `ignore`.
fn is_doc_test(info: &str) -> bool {
    info.split([',', ' '])
        .filter(|word| !word.is_empty())
        .all(|word| {
            matches!(word, "rust" | "should_panic" | "no_run" | "compile_fail")
                || word.starts_with("edition")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_code_blocks_rustdoc_would_run_are_doc_tests() {
        for runs in ["", "rust", "should_panic", "rust,no_run", "edition2024"] {
            assert!(is_doc_test(runs), "{runs}");
        }
        for never_runs in ["text", "ignore", "rust,ignore", "console", "python"] {
            assert!(!is_doc_test(never_runs), "{never_runs}");
        }
    }
}
