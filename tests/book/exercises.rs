//! Checking that every exercise is a real exercise: the worked solution passes the exercise's
//! tests, and the starter the reader begins from compiles but fails them.

use crate::listings::{Capture, capture};
use crate::workspace::{Crate, Workspace};
use std::process::Command;
use std::time::Duration;

pub fn check(cargo: &str, exercise: &Crate, workspace: &Workspace) -> Result<(), String> {
    let name = &exercise.name;
    let solution = cargo_test(cargo, name, true, workspace)?;
    if !solution.passed {
        return Err(format!(
            "its solution fails the exercise's own tests \
             (`cargo test -p {name} --features solution`):\n{}",
            solution.output
        ));
    }
    let starter = cargo_test(cargo, name, false, workspace)?;
    if !starter.compiled {
        return Err(format!(
            "its starter code does not compile, so the reader cannot begin \
             (`cargo test -p {name}`):\n{}",
            starter.output
        ));
    }
    if starter.passed {
        return Err(format!(
            "its starter code already passes the tests (`cargo test -p {name}`), so there is \
             nothing to do; the starter must compile and fail them"
        ));
    }
    Ok(())
}

struct TestRun {
    compiled: bool,
    passed: bool,
    output: String,
}

/// Building and testing one exercise takes seconds; a starter whose tests never finish (a task
/// waiting on a channel that never closes, say) is stopped after this long and reported.
const TEST_LIMIT: Duration = Duration::from_secs(300);

fn cargo_test(
    cargo: &str,
    name: &str,
    solution: bool,
    workspace: &Workspace,
) -> Result<TestRun, String> {
    let mut command = Command::new(cargo);
    command
        .current_dir(&workspace.root)
        .args(["test", "--quiet", "--color=never", "-p", name])
        .env("RUST_BACKTRACE", "0");
    if solution {
        command.args(["--features", "solution"]);
    }
    let shown = format!(
        "cargo test -p {name}{}",
        if solution { " --features solution" } else { "" }
    );
    let (status, output) = capture(command, TEST_LIMIT).map_err(|problem| match problem {
        Capture::TooLong => format!(
            "`{shown}` was still running after {} s and was stopped; do its tests wait for \
             something that never comes?",
            TEST_LIMIT.as_secs()
        ),
        Capture::Failed(problem) => format!("`{shown}`: {problem}"),
    })?;
    Ok(TestRun {
        // A test failure is reported as `test result: FAILED`; a build that never got that far
        // reports `could not compile`.
        compiled: !output.contains("could not compile"),
        passed: status.success(),
        output,
    })
}
