//! Checking that every exercise is a real exercise: the worked solution passes the exercise's
//! tests, and the starter the reader begins from compiles but fails them.

use crate::workspace::{Crate, Workspace};
use std::process::Command;

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
    let output = command
        .output()
        .map_err(|e| format!("could not run `{cargo} test`: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    Ok(TestRun {
        // A test failure is reported as `test result: FAILED`; a build that never got that far
        // reports `could not compile`.
        compiled: !stderr.contains("could not compile"),
        passed: output.status.success(),
        output: format!("{stdout}{stderr}"),
    })
}
