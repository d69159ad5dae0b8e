//! Comparing what a listing printed with its expected file, or (in update mode) rewriting the
//! file from the real run, and nothing else.

use crate::check::Pass;
use similar::TextDiff;
use std::fs;
use std::path::Path;

/// The environment variable that switches on update mode.
pub const UPDATE_VAR: &str = "UPDATE_EXPECT";
pub const REFRESH_COMMAND: &str = "UPDATE_EXPECT=1 cargo test";

#[derive(Clone, Copy, PartialEq)]
pub enum Mode {
    Check,
    Update,
}

impl Mode {
    /// `UPDATE_EXPECT=1`: update mode. Unset, empty or `0`: check mode. Anything else is refused,
    /// so that a misspelt value never checks when an update was meant.
    pub fn from_env() -> Result<Mode, String> {
        match crate::check::flag(UPDATE_VAR)? {
            true => Ok(Mode::Update),
            false => Ok(Mode::Check),
        }
    }
}

/// `shown_path` is the file's path relative to the workspace root, used in every message.
pub fn compare(
    path: &Path,
    shown_path: &Path,
    actual: &str,
    command: &str,
    mode: Mode,
) -> Result<Pass, String> {
    let expected = match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("could not read {}: {e}", shown_path.display())),
    };
    if expected.as_deref() == Some(actual) {
        return Ok(Pass::Same);
    }
    if mode == Mode::Update {
        fs::write(path, actual)
            .map_err(|e| format!("could not write {}: {e}", shown_path.display()))?;
        return Ok(Pass::Noted(format!("updated {}", shown_path.display())));
    }
    let Some(expected) = expected else {
        return Err(format!(
            "its expected output {} does not exist.\n\
             Create it from a real run with: {REFRESH_COMMAND}",
            shown_path.display()
        ));
    };
    let diff = TextDiff::from_lines(expected.as_str(), actual)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("{} (expected)", shown_path.display()),
            &format!("`{command}` (actual)"),
        )
        .to_string();
    Err(format!(
        "its output differs from {}:\n\n{diff}\n\
         If the new output is right, refresh the expected files with: {REFRESH_COMMAND}",
        shown_path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("harness-expected-{}-{name}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        dir.join("output.txt")
    }

    #[test]
    fn a_difference_is_shown_as_a_diff_with_the_command_that_refreshes() {
        let file = scratch("diff");
        fs::write(&file, "a\nb\n").unwrap();
        let shown = Path::new("listings/x/output.txt");
        let problem = compare(&file, shown, "a\nc\n", "cargo run -p x", Mode::Check).unwrap_err();
        assert!(
            problem.starts_with("its output differs from listings/x/output.txt"),
            "{problem}"
        );
        assert!(problem.contains("-b\n+c\n"), "{problem}");
        assert!(problem.ends_with(REFRESH_COMMAND), "{problem}");
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            "a\nb\n",
            "check mode writes nothing"
        );
    }

    #[test]
    fn a_missing_file_is_reported_in_check_mode_and_written_in_update_mode() {
        let file = scratch("missing");
        let _ = fs::remove_file(&file);
        let shown = Path::new("listings/x/output.txt");
        let problem = compare(&file, shown, "a\n", "cargo run -p x", Mode::Check).unwrap_err();
        assert!(
            problem.contains("listings/x/output.txt does not exist"),
            "{problem}"
        );
        let updated = compare(&file, shown, "a\n", "cargo run -p x", Mode::Update).unwrap();
        assert_eq!(updated, Pass::Noted("updated listings/x/output.txt".into()));
        assert_eq!(fs::read_to_string(&file).unwrap(), "a\n");
        assert_eq!(
            compare(&file, shown, "a\n", "", Mode::Check).unwrap(),
            Pass::Same
        );
    }
}
