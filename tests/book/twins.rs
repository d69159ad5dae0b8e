//! Running the asyncio twins: finding a `python3` recent enough, and running each twin as
//! `PYTHONPATH=listings/common/vclock python3 -S twin.py` would, with its output checked like a
//! listing's (it exits successfully and prints the same thing twice). Starting Python and
//! importing asyncio takes 80 ms, ten times what a twin then takes to run, so each test thread
//! starts one Python (`twin_server.py`) that imports asyncio once and forks a fresh copy of
//! itself for every run; that file says how such a run matches a plain one.

use crate::capture::Exit;
use crate::listings::{RUN_LIMIT, check_exit, too_long};
use crate::normalize::normalize;
use crate::realclock;
use crate::twice::{self, Record};
use crate::workspace::{Expect, TWIN_HELPER_DIR};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Mutex, OnceLock};

const SERVER: &str = include_str!("twin_server.py");
/// The signal `twin_server.py` stops a twin with when it runs past `RUN_LIMIT`.
const SIGALRM: i32 = 14;

/// The twins of one book, and the Python processes that run them.
pub struct Twins {
    root: PathBuf,
    real_clock: bool,
    idle: Mutex<Vec<Server>>,
}

/// The `python3` on the PATH, looked up once for the process: the book and the harness's
/// fixture book run their twins on the same one, and behind a version manager's shim (pyenv's)
/// the look-up alone takes a quarter of a second.
static PYTHON: OnceLock<Result<Python, String>> = OnceLock::new();

impl Twins {
    pub fn new(root: &Path, real_clock: bool) -> Twins {
        Twins {
            root: root.to_owned(),
            real_clock,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// What a reader sees when running the twin: checked twice on the virtual clock (see
    /// `twice`), or once on the real one (see `realclock`).
    pub fn observe(&self, script: &Path, record: &Record) -> Result<String, String> {
        if self.real_clock {
            return Ok(normalize(&self.run(script)?, &self.root));
        }
        // What a twin is made of: its script, the helper modules it may import, the
        // interpreter, and the server that runs it.
        let python = self.python()?;
        let mut files = vec![script.to_owned()];
        let helpers = std::fs::read_dir(self.root.join(TWIN_HELPER_DIR))
            .into_iter()
            .flatten();
        let mut helpers: Vec<PathBuf> = helpers.flatten().map(|entry| entry.path()).collect();
        helpers.retain(|path| path.extension() == Some("py".as_ref()));
        helpers.sort();
        files.extend(helpers);
        let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let interpreter = python.path.to_string_lossy();
        let facts = [interpreter.as_ref(), python.version.as_str(), SERVER];
        let folder = script.parent().expect("a twin has a folder");
        let key = twice::key(&files, &facts, folder);
        record.twice_the_same(key, || self.run(script), &self.root)
    }

    fn run(&self, script: &Path) -> Result<String, String> {
        let taken = self.idle.lock().expect("no thread panics holding it").pop();
        let mut server = match taken {
            Some(server) => server,
            None => Server::start(&self.python()?.path, &self.root, self.real_clock)?,
        };
        let (exit, output) = server.run(script)?;
        self.idle
            .lock()
            .expect("no thread panics holding it")
            .push(server);
        if exit == Exit::Signal(SIGALRM) {
            return Err(too_long());
        }
        check_exit(exit, &output, &Expect::Output)?;
        Ok(output)
    }

    fn python(&self) -> Result<&'static Python, String> {
        let found = PYTHON.get_or_init(find_python);
        found.as_ref().map_err(Clone::clone)
    }
}

/// The interpreter the twins run on: its own path, and its `sys.version`.
struct Python {
    path: PathBuf,
    version: String,
}

/// The twins need `python3`, 3.11 or later (for `asyncio.Runner` and `TaskGroup`). Finds the
/// interpreter's own path, so that the server starts it directly rather than through a wrapper
/// such as pyenv's shim, which doubles the start-up time.
fn find_python() -> Result<Python, String> {
    let install = "install it with: apt-get install python3 (or from python.org)";
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys; print(sys.version_info >= (3, 11)); print(sys.executable); \
             print(sys.version.replace('\\n', ' '))",
        ])
        .output()
        .map_err(|_| {
            format!("python3 is not installed, and the asyncio twins need it; {install}")
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    match stdout.lines().collect::<Vec<_>>().as_slice() {
        ["True", executable, version] if !executable.is_empty() => Ok(Python {
            path: PathBuf::from(executable),
            version: version.to_string(),
        }),
        _ => Err(format!(
            "the asyncio twins need python3 3.11 or later; {install}"
        )),
    }
}

/// One running `twin_server.py`, answering one script at a time.
struct Server {
    child: Child,
    requests: ChildStdin,
    replies: BufReader<ChildStdout>,
}

impl Server {
    fn start(python: &Path, root: &Path, real_clock: bool) -> Result<Server, String> {
        let mut command = Command::new(python);
        twice::without_shell_bookkeeping(&mut command)
            // No `site` module: twins use the standard library only, and Python then starts in a
            // quarter of the time. What they print is the same as with a plain `python3`.
            .args(["-S", "-c", SERVER])
            .arg(RUN_LIMIT.as_secs().to_string())
            .env("PYTHONPATH", root.join(TWIN_HELPER_DIR))
            .env("PYTHONDONTWRITEBYTECODE", "1") // no __pycache__ folders among the listings
            .env("PYTHONHASHSEED", "0")
            .env("PYTHONUNBUFFERED", "1") // lines reach the shared pipe in the order printed
            .stdin(Stdio::piped())
            .stdout(Stdio::piped());
        if real_clock {
            command.env(realclock::PROGRAM_VAR, "1");
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("could not start {}: {e}", python.display()))?;
        let requests = child.stdin.take().expect("stdin is piped");
        let replies = BufReader::new(child.stdout.take().expect("stdout is piped"));
        Ok(Server {
            child,
            requests,
            replies,
        })
    }

    fn run(&mut self, script: &Path) -> Result<(Exit, String), String> {
        let shown = script.display();
        let path = script.to_str().filter(|path| !path.contains('\n'));
        let path =
            path.ok_or_else(|| format!("{shown}: a twin's path must be UTF-8 on one line"))?;
        let stopped = |e: std::io::Error| {
            format!("the Python running the twins (tests/book/twin_server.py) stopped: {e}")
        };
        writeln!(self.requests, "{path}").map_err(stopped)?;
        self.requests.flush().map_err(stopped)?;
        let mut header = String::new();
        self.replies.read_line(&mut header).map_err(stopped)?;
        let parsed = header
            .trim_end()
            .split_once(' ')
            .and_then(|(exit, length)| {
                Some((exit.parse::<i32>().ok()?, length.parse::<usize>().ok()?))
            });
        let Some((exit, length)) = parsed else {
            return Err(format!(
                "the Python running the twins (tests/book/twin_server.py) answered `{}` for \
                 {shown}, not `EXIT BYTES`",
                header.trim_end()
            ));
        };
        let mut printed = vec![0; length];
        self.replies.read_exact(&mut printed).map_err(stopped)?;
        let exit = match exit {
            signal if signal < 0 => Exit::Signal(-signal),
            code => Exit::Code(code),
        };
        let output =
            String::from_utf8(printed).map_err(|_| "its output is not UTF-8".to_owned())?;
        Ok((exit, output))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
