//! Comparing what a listing printed with its expected file, or (in update mode) rewriting the
//! file from the real run.

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
    pub fn from_env() -> Mode {
        match std::env::var(UPDATE_VAR).as_deref() {
            Ok("1") => Mode::Update,
            _ => Mode::Check,
        }
    }
}

pub enum Verdict {
    Same,
    Updated,
    /// Passed, with something worth reading in the report (the real-clock check's drift).
    Noted(String),
}

/// `shown_path` is the file's path relative to the workspace root, used in every message.
pub fn compare(
    path: &Path,
    shown_path: &Path,
    actual: &str,
    command: &str,
    mode: Mode,
) -> Result<Verdict, String> {
    let expected = match fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("could not read {}: {e}", shown_path.display())),
    };
    if expected.as_deref() == Some(actual) {
        return Ok(Verdict::Same);
    }
    if mode == Mode::Update {
        fs::write(path, actual)
            .map_err(|e| format!("could not write {}: {e}", shown_path.display()))?;
        return Ok(Verdict::Updated);
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
