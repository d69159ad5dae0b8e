//! What a reader sees when running a listing. For a listing meant not to compile, the compiler's
//! errors, once it is sure they include the declared one. For any other, its output, once it is
//! sure that it compiled without a warning, exited as its `Cargo.toml` declares (successfully,
//! or with the declared panic) and printed the same thing on two runs (see `twice`).

use crate::capture::{Capture, Exit, capture};
use crate::compile::{Build, Diagnostic};
use crate::normalize::normalize;
use crate::realclock;
use crate::twice::{self, Record};
use crate::workspace::{Expect, Listing};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// A listing takes milliseconds (timed ones run on a paused clock). One still running after this
/// long is stuck, and is killed so that the suite reports it instead of hanging.
pub const RUN_LIMIT: Duration = Duration::from_secs(60);

/// The listing's output on the virtual clock (or its compiler errors), normalized.
pub fn observe(
    listing: &Listing,
    build: Option<&Build>,
    root: &Path,
    record: &Record,
) -> Result<String, String> {
    let empty = Build::default();
    let build = build.unwrap_or(&empty);
    if let Expect::CompileError(wanted) = &listing.expect {
        return compiler_errors(build, wanted, root);
    }
    let executable = built_cleanly(build)?;
    let key = twice::key(&[executable], &[], &listing.krate.dir);
    let run = || run(Command::new(executable), listing, &listing.expect);
    record.twice_the_same(key, run, root)
}

/// One run of a listing on the real clock (see `realclock`). Only the order of its lines can be
/// compared, so no second run checks it for determinism; the check calls this once per run.
pub fn observe_on_real_clock(
    listing: &Listing,
    build: Option<&Build>,
    root: &Path,
) -> Result<String, String> {
    let empty = Build::default();
    let executable = built_cleanly(build.unwrap_or(&empty))?;
    let mut command = Command::new(executable);
    command.env(realclock::PROGRAM_VAR, "1");
    Ok(normalize(&run(command, listing, &listing.expect)?, root))
}

fn compiler_errors(build: &Build, wanted: &str, root: &Path) -> Result<String, String> {
    if !build.executables.is_empty() {
        return Err(format!(
            "it is declared `compile-error = \"{wanted}\"` in its Cargo.toml, but it compiled"
        ));
    }
    // An error code (`E0373`) or lint name (`unused_must_use`) is matched exactly; other text is
    // looked for in the message, for errors that have no code.
    let matches = |d: &Diagnostic| {
        d.level == "error" && (d.code.as_deref() == Some(wanted) || d.message.contains(wanted))
    };
    if !build.diagnostics.iter().any(matches) {
        return Err(format!(
            "it is declared `compile-error = \"{wanted}\"`, but the compiler said:\n{}",
            build.compiler_says()
        ));
    }
    Ok(normalize(&build.compiler_says(), root))
}

fn built_cleanly(build: &Build) -> Result<&Path, String> {
    let Some((_, executable)) = build.executables.first() else {
        return Err(format!("it did not compile:\n{}", build.compiler_says()));
    };
    if !build.diagnostics.is_empty() {
        return Err(format!(
            "it compiled with warnings, which a reader running it would see:\n{}",
            build.compiler_says()
        ));
    }
    Ok(executable)
}

/// Runs a listing's program in its folder, with what it prints to stdout and stderr on one pipe
/// (so a panic message lands among the printed lines where a terminal would show it), and checks
/// how it exited.
fn run(mut command: Command, listing: &Listing, expect: &Expect) -> Result<String, String> {
    twice::without_shell_bookkeeping(&mut command)
        .current_dir(&listing.krate.dir)
        .env("RUST_BACKTRACE", "0");
    let (exit, output) = capture(command, RUN_LIMIT).map_err(|problem| match problem {
        Capture::TooLong => too_long(),
        Capture::Failed(problem) => problem,
    })?;
    check_exit(exit, &output, expect)?;
    Ok(output)
}

pub fn too_long() -> String {
    format!(
        "still running after {} s of real time; a listing should take milliseconds \
         (a real sleep, or a deadlock?)",
        RUN_LIMIT.as_secs()
    )
}

/// Whether a program exited as declared: successfully, or (for `panic = "..."`) with a Rust
/// panic whose message contains the declared text.
pub fn check_exit(exit: Exit, output: &str, expect: &Expect) -> Result<(), String> {
    let panicked = exit == Exit::Code(101) && output.contains("panicked at");
    match expect {
        Expect::Output if exit.success() => Ok(()),
        Expect::Output => Err(format!("it exited with {exit}; output:\n{output}")),
        Expect::Panic(message) if panicked && output.contains(message.as_str()) => Ok(()),
        Expect::Panic(message) => Err(format!(
            "it is declared `panic = \"{message}\"` in its Cargo.toml, but it exited with \
             {exit} and printed:\n{output}"
        )),
        Expect::CompileError(_) => unreachable!("a listing meant not to compile is never run"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_panic_must_be_a_panic_with_that_message() {
        let panic = Expect::Panic("boom".into());
        let printed = "thread 'main' (7) panicked at src/main.rs:2:5:\nboom\n";
        assert!(check_exit(Exit::Code(101), printed, &panic).is_ok());
        let other = check_exit(Exit::Code(101), "panicked at x:\nbang\n", &panic).unwrap_err();
        assert!(other.contains("declared `panic = \"boom\"`"), "{other}");
        let no_panic = check_exit(Exit::Code(0), "done\n", &panic).unwrap_err();
        assert!(
            no_panic.contains("it exited with exit status: 0"),
            "{no_panic}"
        );
    }

    #[test]
    fn a_plain_listing_must_exit_successfully() {
        assert!(check_exit(Exit::Code(0), "", &Expect::Output).is_ok());
        let failed = check_exit(Exit::Signal(6), "", &Expect::Output).unwrap_err();
        assert!(failed.starts_with("it exited with signal: 6"), "{failed}");
    }
}
