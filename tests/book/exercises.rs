//! Checking that every exercise is a real exercise: its worked solution passes its tests, and the
//! starter the reader begins from builds, and its tests run to the end with at least one test
//! failing. A starter that "fails" for another reason (it does not build, a test executable
//! crashes or hangs) is reported as what it is. An exercise's tests are its integration tests
//! (`tests/*.rs`), built once per run with every other exercise's (see `compile`), and each
//! test executable is then run as `cargo test` runs it. Tests in its library (unit tests,
//! doc-tests) would not be run that way, so an exercise that has one fails (see `hidden_tests`).

use crate::capture::{Capture, Exit, capture};
use crate::compile::Build;
use crate::hidden_tests;
use crate::test_report::{self, TestReport};
use crate::workspace::{Crate, Workspace};
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
    let hidden = hidden_tests::find(exercise, [starter, solution], workspace);
    if !hidden.is_empty() {
        return Err(format!(
            "its library has tests of its own, which this check does not run (it runs the \
             tests in tests/); move them to tests/:\n{}",
            hidden.join("\n")
        ));
    }

    let with_solution = format!("cargo test -p {name} --features solution");
    if solution.executables.is_empty() && !failed_to_compile(solution) {
        return Err(format!(
            "it has no tests in tests/, so `{with_solution}` runs none"
        ));
    }
    if failed_to_compile(solution) {
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
    if failed_to_compile(starter) {
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

fn failed_to_compile(build: &Build) -> bool {
    build.executables.is_empty() || build.diagnostics.iter().any(|d| d.level == "error")
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
