//! Building every listing in one cargo call, and running each one the way a reader would.

use crate::normalize::normalize;
use crate::workspace::{Expect, Listing, TWIN_HELPER_DIR, Workspace};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// A listing takes milliseconds (timed ones run on a paused clock). One still running after this
/// long is stuck, and is killed so that the suite reports it instead of hanging.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// What the compiler made of one listing.
#[derive(Default)]
pub struct Build {
    pub executable: Option<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

pub struct Diagnostic {
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    pub rendered: String,
}

/// Builds every listing with one `cargo build --keep-going`, so that the listings meant not to
/// compile fail on their own while all the others are built, and returns what happened to each,
/// keyed by package id.
pub fn build_all(cargo: &str, workspace: &Workspace) -> Result<HashMap<String, Build>, String> {
    let output = Command::new(cargo)
        .current_dir(&workspace.root)
        .args(["build", "--workspace", "--exclude", "course", "--bins"])
        .args(["--keep-going", "--message-format=json", "--color=never"])
        .output()
        .map_err(|e| format!("could not run `{cargo} build`: {e}"))?;

    let mut builds: HashMap<String, Build> = HashMap::new();
    let mut finished = false;
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue; // a build script may print plain lines to stdout
        };
        let package = message["package_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match message["reason"].as_str() {
            Some("compiler-artifact") => {
                if let Some(path) = message["executable"].as_str() {
                    builds.entry(package).or_default().executable = Some(path.into());
                }
            }
            Some("compiler-message") => {
                let diagnostic = &message["message"];
                builds
                    .entry(package)
                    .or_default()
                    .diagnostics
                    .push(Diagnostic {
                        level: diagnostic["level"].as_str().unwrap_or_default().to_owned(),
                        code: diagnostic
                            .pointer("/code/code")
                            .and_then(Value::as_str)
                            .map(Into::into),
                        message: diagnostic["message"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        rendered: diagnostic["rendered"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                    });
            }
            Some("build-finished") => finished = true,
            _ => {}
        }
    }
    if !finished {
        return Err(format!(
            "`cargo build` stopped before building the listings:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(builds)
}

/// What a reader sees for a listing, or why the listing does not do what it declares.
pub fn observe(
    listing: &Listing,
    build: Option<&Build>,
    workspace: &Workspace,
) -> Result<String, String> {
    let empty = Build::default();
    let build = build.unwrap_or(&empty);
    let compiler_says = || -> String {
        build
            .diagnostics
            .iter()
            .map(|d| d.rendered.as_str())
            .collect()
    };

    if let Expect::CompileError(wanted) = &listing.expect {
        if build.executable.is_some() {
            return Err(format!(
                "it is declared `compile-error = \"{wanted}\"` in its Cargo.toml, but it compiled"
            ));
        }
        let errors = build.diagnostics.iter().filter(|d| d.level == "error");
        let found: Vec<&Diagnostic> = errors.collect();
        // An error code (`E0373`) or lint name (`unused_must_use`) is matched exactly; other
        // text is looked for in the message, for errors that have no code.
        let matches = |d: &&Diagnostic| {
            d.code.as_deref() == Some(wanted) || d.message.contains(wanted.as_str())
        };
        if !found.iter().any(matches) {
            return Err(format!(
                "it is declared `compile-error = \"{wanted}\"`, but the compiler said:\n{}",
                compiler_says()
            ));
        }
        return Ok(normalize(&compiler_says(), &workspace.root));
    }

    let Some(executable) = &build.executable else {
        return Err(format!("it did not compile:\n{}", compiler_says()));
    };
    if !build.diagnostics.is_empty() {
        return Err(format!(
            "it compiled with warnings, which a reader running it would see:\n{}",
            compiler_says()
        ));
    }

    twice_the_same(
        || run(Command::new(executable), listing, &listing.expect),
        workspace,
    )
}

/// The twins need `python3`, 3.11 or later (for `asyncio.Runner` and `TaskGroup`). Returns the
/// interpreter's own path, so that each twin starts it directly rather than through a wrapper
/// such as pyenv's shim, which doubles the start-up time.
pub fn find_python() -> Result<PathBuf, String> {
    let install = "install it with: apt-get install python3 (or from python.org)";
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.version_info >= (3, 11)); print(sys.executable)",
        ])
        .output()
        .map_err(|_| {
            format!("python3 is not installed, and the asyncio twins need it; {install}")
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    match stdout.lines().collect::<Vec<_>>().as_slice() {
        ["True", executable] if !executable.is_empty() => Ok(PathBuf::from(executable)),
        _ => Err(format!(
            "the asyncio twins need python3 3.11 or later; {install}"
        )),
    }
}

/// What a reader sees when running a listing's asyncio twin with `python3`.
pub fn observe_twin(
    listing: &Listing,
    interpreter: &Path,
    script: &Path,
    workspace: &Workspace,
) -> Result<String, String> {
    twice_the_same(
        || {
            let python = twin_command(interpreter, script, workspace);
            run(python, listing, &Expect::Output)
        },
        workspace,
    )
}

/// One run of a twin on asyncio's own event loop and the real clock (see `realclock`).
pub fn observe_twin_on_real_clock(
    listing: &Listing,
    interpreter: &Path,
    script: &Path,
    workspace: &Workspace,
) -> Result<String, String> {
    let python = twin_command(interpreter, script, workspace);
    on_real_clock(python, listing, &Expect::Output, workspace)
}

/// One run of a listing on the real clock (see `realclock`). Only the order of its lines can be
/// compared, so it is run once.
pub fn observe_on_real_clock(
    listing: &Listing,
    build: Option<&Build>,
    workspace: &Workspace,
) -> Result<String, String> {
    match build.and_then(|build| build.executable.as_ref()) {
        Some(executable) => on_real_clock(
            Command::new(executable),
            listing,
            &listing.expect,
            workspace,
        ),
        None => observe(listing, build, workspace), // says why it did not build
    }
}

fn on_real_clock(
    mut command: Command,
    listing: &Listing,
    expect: &Expect,
    workspace: &Workspace,
) -> Result<String, String> {
    command.env(crate::realclock::PROGRAM_VAR, "1");
    Ok(normalize(&run(command, listing, expect)?, &workspace.root))
}

fn twin_command(interpreter: &Path, script: &Path, workspace: &Workspace) -> Command {
    let mut command = Command::new(interpreter);
    command
        // No `site` module: twins use the standard library only, and Python then starts in a
        // quarter of the time. What they print is the same as with a plain `python3`.
        .arg("-S")
        .arg(script)
        .env("PYTHONPATH", workspace.root.join(TWIN_HELPER_DIR))
        .env("PYTHONDONTWRITEBYTECODE", "1") // no __pycache__ folders among the listings
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONUNBUFFERED", "1"); // lines reach the shared pipe in the order printed
    command
}

/// Runs a program twice and returns its normalized output, or says how the two runs differed.
/// They are compared after normalizing, since a panic's thread id differs on every run by design.
fn twice_the_same(
    run: impl Fn() -> Result<String, String>,
    workspace: &Workspace,
) -> Result<String, String> {
    let first = normalize(&run()?, &workspace.root);
    let second = normalize(&run()?, &workspace.root);
    if first != second {
        return Err(format!(
            "two runs printed different output, so no expected file can hold it \
             (is it printing wall-clock time, addresses, thread ids or hash-map order?)\n\
             --- first run\n{first}--- second run\n{second}"
        ));
    }
    Ok(first)
}

/// Runs a listing's program in its folder, as `capture` does (so a panic message lands among
/// the printed lines where a terminal would show it), and checks how it exited.
fn run(mut command: Command, listing: &Listing, expect: &Expect) -> Result<String, String> {
    command
        .current_dir(&listing.krate.dir)
        .env("RUST_BACKTRACE", "0");
    let (status, output) = capture(command, RUN_LIMIT).map_err(|problem| match problem {
        Capture::TooLong => format!(
            "still running after {} s of real time; a listing should take milliseconds \
             (a real sleep, or a deadlock?)",
            RUN_LIMIT.as_secs()
        ),
        Capture::Failed(problem) => problem,
    })?;
    check_status(status, &output, expect)?;
    Ok(output)
}

pub enum Capture {
    /// Still running when the time limit was reached; it was killed.
    TooLong,
    Failed(String),
}

/// Runs a command with standard output and standard error on one pipe, so that the two arrive
/// in the order a terminal would show them, and kills it if it is still running after `limit`.
pub fn capture(mut command: Command, limit: Duration) -> Result<(ExitStatus, String), Capture> {
    let program = command.get_program().to_string_lossy().into_owned();
    let no_pipe = |e: std::io::Error| Capture::Failed(format!("no pipe: {e}"));
    let (mut reader, writer) = std::io::pipe().map_err(no_pipe)?;
    let mut child = {
        command
            .stdin(Stdio::null())
            .stdout(writer.try_clone().map_err(no_pipe)?)
            .stderr(writer);
        let child = command
            .spawn()
            .map_err(|e| Capture::Failed(format!("could not start {program}: {e}")))?;
        // Dropping `command` closes our copies of the pipe's writing end, so the read below
        // ends when the program exits.
        drop(command);
        child
    };

    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = sender.send(reader.read_to_end(&mut bytes).map(|_| bytes));
    });
    let bytes = match receiver.recv_timeout(limit) {
        Ok(read) => read.map_err(|e| Capture::Failed(format!("could not read its output: {e}")))?,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Capture::TooLong);
        }
    };
    let status = child
        .wait()
        .map_err(|e| Capture::Failed(format!("could not wait for it: {e}")))?;
    let output = String::from_utf8(bytes)
        .map_err(|_| Capture::Failed("its output is not UTF-8".to_owned()))?;
    Ok((status, output))
}

fn check_status(status: ExitStatus, output: &str, expect: &Expect) -> Result<(), String> {
    let panicked = status.code() == Some(101) && output.contains("panicked at");
    match expect {
        Expect::Output if status.success() => Ok(()),
        Expect::Output => Err(format!("it exited with {status}; output:\n{output}")),
        Expect::Panic(message) if panicked && output.contains(message.as_str()) => Ok(()),
        Expect::Panic(message) => Err(format!(
            "it is declared `panic = \"{message}\"` in its Cargo.toml, but it exited with \
             {status} and printed:\n{output}"
        )),
        Expect::CompileError(_) => unreachable!("a listing meant not to compile is never run"),
    }
}
