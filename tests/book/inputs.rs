//! What a build or a run is made of, as one hash: files (each one's path and bytes), facts (a
//! version), and the environment the harness was started with. The determinism record
//! (`twice`) and the records of earlier builds (`memo`) are keyed by it, so that a change to any
//! input gives another key.

use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Variables a shell sets about itself, which no program is given and no key holds, so that
/// `time cargo test` or a `cd` does not make every key new.
pub const SHELL_BOOKKEEPING: [&str; 4] = ["_", "OLDPWD", "PWD", "SHLVL"];
/// Likewise the variables nextest sets for each test process (`NEXTEST_RUN_ID` is new on every
/// run), which would otherwise make every key new under `cargo nextest run`.
pub const RUNNER_BOOKKEEPING_PREFIX: &str = "NEXTEST_";

/// Whether a variable is bookkeeping of the shell or the test runner (see above).
pub fn is_bookkeeping(name: &std::ffi::OsStr) -> bool {
    SHELL_BOOKKEEPING.iter().any(|var| name == *var)
        || name
            .to_str()
            .is_some_and(|name| name.starts_with(RUNNER_BOOKKEEPING_PREFIX))
}

/// Folders a tree's hash never holds, wherever they are: a repository's history, and the
/// browser test's installed packages, which no build reads.
const NEVER_INPUTS: [&str; 2] = [".git", "node_modules"];

#[derive(Default)]
pub struct Key(DefaultHasher);

impl Key {
    pub fn new() -> Key {
        Key::default()
    }

    /// A file's path and bytes; `None` if it cannot be read.
    pub fn file(&mut self, path: &Path) -> Option<&mut Key> {
        let bytes = fs::read(path).ok()?;
        self.text(&path.to_string_lossy());
        self.0.write_u64(content_hash::of(&bytes));
        Some(self)
    }

    /// Every file under `root` but those under the folders `skip` names (and `.git`,
    /// `node_modules`), in the order of their paths; `None` if a folder or file cannot be read.
    pub fn tree(&mut self, root: &Path, skip: &[&Path]) -> Option<&mut Key> {
        for file in files_under(root, skip)? {
            self.file(&file)?;
        }
        Some(self)
    }

    pub fn text(&mut self, fact: &str) -> &mut Key {
        self.0.write(fact.as_bytes());
        self.0.write_u8(0xff);
        self
    }

    /// Every variable of this process's environment (but the shell's and the test runner's
    /// bookkeeping), and the number of cores.
    pub fn environment(&mut self) -> &mut Key {
        let mut environment: Vec<_> = std::env::vars_os()
            .filter(|(name, _)| !is_bookkeeping(name))
            .collect();
        environment.sort();
        for (name, value) in environment {
            self.0.write(name.as_encoded_bytes());
            self.0.write_u8(b'=');
            self.0.write(value.as_encoded_bytes());
            self.0.write_u8(0);
        }
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        self.0.write_usize(cores);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// Every file under `root`, sorted, but those under `skip` and the folders no build reads;
/// `None` if a folder cannot be listed. A link is listed as a file (its target's bytes are
/// hashed; a link to a folder cannot be read, so its tree has no key).
pub fn files_under(root: &Path, skip: &[&Path]) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            // A tree that does not exist (a book not built yet) holds no file.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && folder == root => continue,
            Err(_) => return None,
        };
        for entry in entries {
            let entry = entry.ok()?;
            let path = entry.path();
            let never = NEVER_INPUTS.iter().any(|name| entry.file_name() == *name);
            if entry.file_type().ok()?.is_dir() {
                if !never && !skip.contains(&path.as_path()) {
                    folders.push(path);
                }
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Some(files)
}

/// Every cargo configuration file cargo reads for a build in `folder`: `.cargo/config.toml`
/// (or `config`) in it and each folder above it, and in `$CARGO_HOME` (`~/.cargo`).
pub fn cargo_config_files(folder: &Path) -> Vec<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    let folders = folder.ancestors().map(|folder| folder.join(".cargo"));
    let folders = folders.chain(home);
    folders
        .flat_map(|folder| [folder.join("config.toml"), folder.join("config")])
        .filter(|file| file.is_file())
        .collect()
}

/// Where a command is found on the `PATH`, as a shell would find it.
pub fn on_path(command: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|folder| folder.join(command))
        .find(|candidate| candidate.is_file())
}

/// What `rustc -vV` says in `folder` (where `rust-toolchain.toml` picks it): the compiler every
/// cargo call there uses.
pub fn rustc_version(folder: &Path) -> Result<String, String> {
    let output = Command::new("rustc")
        .arg("-vV")
        .current_dir(folder)
        .output()
        .map_err(|e| format!("could not run `rustc -vV`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`rustc -vV` failed in {}:\n{}",
            folder.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("harness-inputs-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn tree_key(root: &Path, skip: &[&Path]) -> Option<u64> {
        Some(Key::new().tree(root, skip)?.finish())
    }

    #[test]
    fn a_tree_key_changes_with_any_file_it_holds_and_no_other() {
        let root = scratch("tree");
        fs::create_dir_all(root.join("src")).unwrap();
        fs::create_dir_all(root.join("target")).unwrap();
        fs::create_dir_all(root.join("node_modules")).unwrap();
        fs::write(root.join("src/page.md"), "one").unwrap();
        let skip = root.join("target");
        let before = tree_key(&root, &[&skip]);
        fs::write(root.join("target/built"), "x").unwrap();
        fs::write(root.join("node_modules/package.json"), "x").unwrap();
        assert_eq!(before, tree_key(&root, &[&skip]), "skipped folders");
        fs::write(root.join("src/page.md"), "two").unwrap();
        let edited = tree_key(&root, &[&skip]);
        assert_ne!(before, edited, "an edited file");
        fs::write(root.join("src/new.md"), "").unwrap();
        let added = tree_key(&root, &[&skip]);
        assert_ne!(edited, added, "an empty new file");
        fs::rename(root.join("src/new.md"), root.join("src/renamed.md")).unwrap();
        assert_ne!(added, tree_key(&root, &[&skip]), "a renamed file");
        fs::remove_file(root.join("src/renamed.md")).unwrap();
        assert_eq!(edited, tree_key(&root, &[&skip]), "back as it was");
        fs::remove_dir_all(&root).unwrap();
    }
}
