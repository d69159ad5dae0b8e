//! Running a program and capturing what a terminal would show: standard output and standard
//! error on one pipe, so that the two arrive in the order they were written, with a time limit
//! after which the program is killed and reported as stuck.

use std::fmt;
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

/// How a program ended: with an exit code, or killed by a signal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
}

impl Exit {
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }
}

impl From<ExitStatus> for Exit {
    fn from(status: ExitStatus) -> Exit {
        match (status.code(), status.signal()) {
            (Some(code), _) => Exit::Code(code),
            (None, Some(signal)) => Exit::Signal(signal),
            (None, None) => unreachable!("on Unix a process exits with a code or a signal"),
        }
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "exit status: {code}"),
            Exit::Signal(signal) => write!(f, "signal: {signal}"),
        }
    }
}

pub enum Capture {
    /// Still running when the time limit was reached; it was killed.
    TooLong,
    Failed(String),
}

/// Runs a command with standard output and standard error on one pipe, so that the two arrive
/// in the order a terminal would show them, and kills it if it is still running after `limit`.
pub fn capture(mut command: Command, limit: Duration) -> Result<(Exit, String), Capture> {
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
    Ok((status.into(), output))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn interleaves_stdout_and_stderr_in_the_order_written() {
        let (exit, output) = capture(
            shell("echo one; echo two >&2; echo three"),
            Duration::from_secs(10),
        )
        .unwrap_or_else(|_| panic!("sh did not run"));
        assert_eq!(exit, Exit::Code(0));
        assert_eq!(output, "one\ntwo\nthree\n");
    }

    #[test]
    fn reports_the_exit_code_and_the_signal() {
        let run = |script| {
            capture(shell(script), Duration::from_secs(10))
                .ok()
                .unwrap()
                .0
        };
        assert_eq!(run("exit 3"), Exit::Code(3));
        assert_eq!(run("kill -9 $$"), Exit::Signal(9));
        assert_eq!(Exit::Signal(9).to_string(), "signal: 9");
    }

    #[test]
    fn kills_a_program_that_runs_past_its_limit() {
        let stuck = capture(shell("sleep 30"), Duration::from_millis(20));
        assert!(matches!(stuck, Err(Capture::TooLong)));
    }
}
