//! The determinism check: a program must print the same thing on two runs, or no expected file
//! could hold its output (wall-clock time, addresses, hash-map order). Every program runs on
//! every `cargo test`, and this run's output is the one compared with the expected file.
//!
//! The second run may be an earlier one. After two runs agree, their output is recorded under
//! `target/determinism/`, in a file named by a hash of everything the program is made of and
//! run with: its executable's path and bytes (a twin: its script, the twins' helper modules,
//! the interpreter and its version), its folder, every environment variable it sees and the
//! number of cores. (Programs do not see the few variables a shell sets about itself, such as
//! `_` and `OLDPWD`, nor nextest's `NEXTEST_*`, so that `time cargo test`, a `cd` or a nextest
//! run does not make every key new; see `inputs`.) When a later run of that very program
//! prints exactly the recorded output, the
//! recorded run stands in for the second one. A program that changed in any of those inputs
//! has another key, so an old record never serves it; and a record only ever replaces the
//! second run, never the first. Update mode always runs twice, as it writes expected files.

use crate::inputs::{Key, is_bookkeeping};
use crate::normalize::normalize;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Leaves out of a program's environment what its key leaves out.
pub fn without_shell_bookkeeping(command: &mut Command) -> &mut Command {
    let bookkeeping = std::env::vars_os().filter(|(name, _)| is_bookkeeping(name));
    bookkeeping.fold(command, |command, (name, _)| command.env_remove(name))
}

pub struct Record {
    /// Where the records are kept; none in update mode, which always runs twice.
    dir: Option<PathBuf>,
}

impl Record {
    pub fn new(dir: Option<PathBuf>) -> Record {
        Record { dir }
    }

    /// Runs a program (once or twice, see above) and returns its normalized output, or says how
    /// two runs differed. Runs are compared after normalizing, since a panic's thread id
    /// differs on every run by design.
    pub fn twice_the_same(
        &self,
        key: Option<u64>,
        run: impl Fn() -> Result<String, String>,
        root: &Path,
    ) -> Result<String, String> {
        let first = normalize(&run()?, root);
        let file = self
            .dir
            .as_ref()
            .zip(key)
            .map(|(dir, key)| dir.join(format!("{key:016x}.txt")));
        let recorded = |file: &PathBuf| fs::read_to_string(file).is_ok_and(|text| text == first);
        if file.as_ref().is_some_and(recorded) {
            return Ok(first);
        }
        let second = normalize(&run()?, root);
        if first != second {
            return Err(format!(
                "two runs printed different output, so no expected file can hold it \
                 (is it printing wall-clock time, addresses, thread ids or hash-map order?)\n\
                 --- first run\n{first}--- second run\n{second}"
            ));
        }
        if let Some(file) = &file {
            // Written whole, then renamed, so that another harness process (nextest runs one per
            // check) never reads half a record. One that cannot be written only costs a second
            // run next time.
            let _ = fs::create_dir_all(file.parent().expect("a record has a folder"));
            let partial = file.with_extension(format!("{}.partial", std::process::id()));
            if fs::write(&partial, &first).is_ok() {
                let _ = fs::rename(&partial, file);
            }
        }
        Ok(first)
    }
}

/// The key of a program made of `files` (whose bytes are read, `None` if one cannot be read)
/// and `facts` (paths, versions), run in `folder` with this process's environment.
pub fn key(files: &[&Path], facts: &[&str], folder: &Path) -> Option<u64> {
    let mut key = Key::new();
    for file in files {
        key.file(file)?;
    }
    for fact in facts {
        key.text(fact);
    }
    key.text(&folder.to_string_lossy());
    Some(key.environment().finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn scratch(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("harness-twice-{}-{name}", std::process::id()))
    }

    #[test]
    fn two_runs_that_differ_are_reported_side_by_side() {
        let runs = Cell::new(0);
        let counting = || {
            runs.set(runs.get() + 1);
            Ok(format!("run {}\n", runs.get()))
        };
        let problem = Record::new(None).twice_the_same(None, counting, Path::new("/b"));
        let problem = problem.unwrap_err();
        assert!(
            problem.contains("--- first run\nrun 1\n--- second run\nrun 2\n"),
            "{problem}"
        );
    }

    #[test]
    fn a_recorded_run_of_the_same_program_stands_in_for_the_second_run_only() {
        let record = Record::new(Some(scratch("record")));
        let runs = Cell::new(0);
        let same = || {
            runs.set(runs.get() + 1);
            Ok("same\n".to_owned())
        };
        let root = Path::new("/b");
        assert_eq!(
            record.twice_the_same(Some(7), same, root).unwrap(),
            "same\n"
        );
        assert_eq!(runs.get(), 2, "no record yet: it runs twice");
        assert_eq!(
            record.twice_the_same(Some(7), same, root).unwrap(),
            "same\n"
        );
        assert_eq!(runs.get(), 3, "recorded: it still runs, once");
        assert_eq!(
            record.twice_the_same(Some(8), same, root).unwrap(),
            "same\n"
        );
        assert_eq!(runs.get(), 5, "another program: twice");
        let _ = fs::remove_dir_all(scratch("record"));
    }

    #[test]
    fn a_run_that_differs_from_the_record_runs_again() {
        let record = Record::new(Some(scratch("differs")));
        let root = Path::new("/b");
        record
            .twice_the_same(Some(1), || Ok("old\n".into()), root)
            .unwrap();
        let runs = Cell::new(0);
        let new = || {
            runs.set(runs.get() + 1);
            Ok("new\n".to_owned())
        };
        assert_eq!(record.twice_the_same(Some(1), new, root).unwrap(), "new\n");
        assert_eq!(runs.get(), 2);
        let _ = fs::remove_dir_all(scratch("differs"));
    }

    #[test]
    fn the_key_changes_with_the_program_and_its_folder() {
        let dir = scratch("key");
        fs::create_dir_all(&dir).unwrap();
        let program = dir.join("program");
        fs::write(&program, "one").unwrap();
        let one = key(&[&program], &["python 3.11"], &dir);
        assert_eq!(one, key(&[&program], &["python 3.11"], &dir));
        assert_ne!(one, key(&[&program], &["python 3.12"], &dir));
        assert_ne!(one, key(&[&program], &["python 3.11"], &dir.join("other")));
        fs::write(&program, "two").unwrap();
        assert_ne!(one, key(&[&program], &["python 3.11"], &dir));
        assert_eq!(key(&[&dir.join("missing")], &[], &dir), None);
        fs::remove_dir_all(&dir).unwrap();
    }
}
