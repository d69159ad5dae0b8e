//! A check: one named test of the book (a listing's output, a twin's, a timeline, an exercise, a
//! book-wide rule), what it needs built, and how it came out. `main.rs` runs each as one
//! libtest-compatible trial; the fixture tests run the fixture book's checks directly.

use std::sync::Arc;

/// A check that passed.
#[derive(Clone, Debug, PartialEq)]
pub enum Pass {
    Same,
    /// Passed, with something worth reading after the run: an expected file it updated, or the
    /// real-clock check's drift.
    Noted(String),
    /// Not run, for the reason given (a listing declared `virtual-clock-only`).
    NotRun(String),
}

/// What a check found wrong: one problem, or (for a book-wide check) one per place.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<String>);

impl From<String> for Problems {
    fn from(problem: String) -> Problems {
        Problems(vec![problem])
    }
}

impl std::fmt::Display for Problems {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

pub type Outcome = Result<Pass, Problems>;

/// Book-wide checks collect every problem, then pass only if there was none.
pub fn outcome(problems: Vec<String>) -> Outcome {
    match problems.is_empty() {
        true => Ok(Pass::Same),
        false => Err(Problems(problems)),
    }
}

#[derive(Clone)]
pub struct Check {
    /// Its trial's name: `listing-01-03`, `listing-01-03::twin`, `book::pages`, ...
    pub name: String,
    /// The packages it needs built (by name), so that a filtered run builds only those.
    pub needs: Vec<String>,
    run: Arc<dyn Fn() -> Outcome + Send + Sync>,
}

impl Check {
    pub fn new(
        name: impl Into<String>,
        needs: Vec<String>,
        run: impl Fn() -> Outcome + Send + Sync + 'static,
    ) -> Check {
        Check {
            name: name.into(),
            needs,
            run: Arc::new(run),
        }
    }

    pub fn run(&self) -> Outcome {
        (self.run)()
    }
}

/// An on/off switch from the environment: `1` is on; unset, empty or `0` is off; anything else
/// is refused, naming the variable, so that a misspelt value never silently means off.
pub fn flag(var: &str) -> Result<bool, String> {
    match std::env::var(var) {
        Err(std::env::VarError::NotPresent) => Ok(false),
        Ok(value) if value.is_empty() || value == "0" => Ok(false),
        Ok(value) if value == "1" => Ok(true),
        Ok(value) => Err(format!(
            "{var}={value}: set it to 1 to switch it on, or leave it unset"
        )),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{var} is not UTF-8")),
    }
}
