//! Paths as the pages and the harness name them: a page's relative link resolved without
//! touching the disk, and the files of a folder found by their extension.

use std::fs;
use std::path::{Component, Path, PathBuf};

/// `path` with its `.` and `..` parts resolved as text, without following links or asking
/// the disk whether anything exists (`src/../listings/a` is `listings/a`).
pub fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every file under `dir`, at any depth, whose name ends in `.{extension}`, sorted.
pub fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == extension) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_and_current_parts_are_resolved_as_text() {
        assert_eq!(
            normalize_lexically(Path::new("src/./ch01/../../listings/a/main.rs")),
            PathBuf::from("listings/a/main.rs")
        );
    }
}
