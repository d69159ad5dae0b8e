//! What an earlier build produced, or that a book-wide check passed, kept under `target/memo/`
//! so that a run whose inputs are all the same need not do it again, as cargo keeps a compiled
//! crate. Each entry is named for what it holds (the built book, one listing's compiler errors,
//! the pages check's pass) and the workspace it belongs to, and holds the key of everything that
//! result was made from (see `inputs`) and the result. An entry whose key differs from the one
//! computed now is never read; update mode keeps none and reads none, as it rebuilds everything
//! from real runs. No program's run is ever kept here: every listing and twin runs on every
//! `cargo test` (see `twice` for what may stand in for its second run).

use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

pub struct Memo {
    /// Where the entries are kept; none in update mode.
    dir: Option<PathBuf>,
}

impl Memo {
    pub fn new(dir: Option<PathBuf>) -> Memo {
        Memo { dir }
    }

    /// The result kept for `what` of the workspace at `root`, if it was made from inputs with
    /// this `key`.
    pub fn get(&self, root: &Path, what: &str, key: u64) -> Option<String> {
        let text = fs::read_to_string(self.file(root, what)?).ok()?;
        let (kept, result) = text.split_once('\n')?;
        (kept == format!("{key:016x}")).then(|| result.to_owned())
    }

    /// Keeps `result` for `what`, made from inputs with this `key`. Written whole, then renamed,
    /// so that another harness process (nextest runs one per check) never reads half an entry;
    /// one that cannot be written only costs a build next time.
    pub fn put(&self, root: &Path, what: &str, key: u64, result: &str) {
        let Some(file) = self.file(root, what) else {
            return;
        };
        let _ = fs::create_dir_all(file.parent().expect("an entry has a folder"));
        let partial = file.with_extension(format!("{}.partial", std::process::id()));
        if fs::write(&partial, format!("{key:016x}\n{result}")).is_ok() {
            let _ = fs::rename(&partial, &file);
        }
    }

    fn file(&self, root: &Path, what: &str) -> Option<PathBuf> {
        let mut workspace = DefaultHasher::new();
        workspace.write(root.as_os_str().as_encoded_bytes());
        let name = format!("{what}-{:016x}.txt", workspace.finish());
        Some(self.dir.as_ref()?.join(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_read_back_only_with_its_key_and_workspace() {
        let dir = std::env::temp_dir().join(format!("harness-memo-{}", std::process::id()));
        let memo = Memo::new(Some(dir.clone()));
        let (book, fixture) = (Path::new("/b"), Path::new("/b/tests/fixture"));
        assert_eq!(memo.get(book, "book", 1), None, "nothing kept yet");
        memo.put(book, "book", 1, "built\nin two lines");
        assert_eq!(
            memo.get(book, "book", 1).as_deref(),
            Some("built\nin two lines")
        );
        assert_eq!(memo.get(book, "book", 2), None, "another key");
        assert_eq!(memo.get(fixture, "book", 1), None, "another workspace");
        memo.put(book, "book", 2, "rebuilt");
        assert_eq!(memo.get(book, "book", 1), None, "replaced");
        assert_eq!(
            Memo::new(None).get(book, "book", 2),
            None,
            "update mode reads none"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
