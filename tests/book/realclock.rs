//! The real-clock check: `REAL_CLOCK=1 cargo test`.
//!
//! Timed listings run on tokio's paused clock, and their asyncio twins on `vclock.py`'s virtual
//! one, where two timers due at the same instant fire in a fixed order. On a real clock their
//! order is a race, and a page that shows one outcome would be showing a coin toss as a fact.
//! In this mode every program runs once on the real clock instead (`vclock::start()` resumes
//! tokio's clock; `vclock.py` hands the twin asyncio's own event loop), and the check compares
//! the *order* of the lines it prints with its expected file, ignoring the `[  300 ms]` stamps.
//! How far the real stamps stray from the virtual ones is reported for each program, never
//! asserted: it depends on the machine's load.

use std::fmt::Write as _;

/// The environment variable that switches this mode on.
pub const VAR: &str = "REAL_CLOCK";
/// Passed to each program: `vclock::start()` then resumes tokio's paused clock, and `vclock.py`
/// hands the twin asyncio's own event loop.
pub const PROGRAM_VAR: &str = "VCLOCK_REAL_TIME";

pub fn enabled() -> Result<bool, String> {
    crate::check::flag(VAR)
}

/// One printed line, split into its virtual-time stamp (if it has one) and the rest.
fn split_stamp(line: &str) -> (Option<u64>, &str) {
    let stamped = line
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(" ms] "))
        .and_then(|(ms, text)| Some((ms.trim().parse().ok()?, text)));
    match stamped {
        Some((ms, text)) => (Some(ms), text),
        None => (None, line),
    }
}

/// Compares a real-clock run with the expected (virtual-clock) output. Same lines in the same
/// order: `Ok` with a note on the timestamps. Otherwise the two orders, side by side.
pub fn compare(expected: &str, actual: &str, shown_path: &str) -> Result<String, String> {
    let expected: Vec<_> = expected.lines().map(split_stamp).collect();
    let actual: Vec<_> = actual.lines().map(split_stamp).collect();
    let same_order = expected.len() == actual.len()
        && expected
            .iter()
            .zip(&actual)
            .all(|((_, want), (_, got))| want == got);
    if !same_order {
        let mut problem = format!(
            "on the real clock it printed its lines in another order than {shown_path}, so \
             that order is a race (two events due at one instant, neither causing the other?):\n"
        );
        for index in 0..expected.len().max(actual.len()) {
            let text = |lines: &[(Option<u64>, &str)]| {
                lines
                    .get(index)
                    .map_or(String::new(), |(_, t)| t.to_string())
            };
            let (want, got) = (text(&expected), text(&actual));
            let marker = if want == got { ' ' } else { '!' };
            let _ = writeln!(
                problem,
                "  {marker} expected: {want:<40}  real clock: {got}"
            );
        }
        return Err(problem);
    }
    let worst = expected
        .iter()
        .zip(&actual)
        .filter_map(|((want, _), (got, _))| Some((*want)?.abs_diff((*got)?)))
        .max();
    Ok(match worst {
        Some(ms) => format!("same order; real stamps within {ms} ms of the virtual ones"),
        None => "same order; no timestamps".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_order_passes_and_reports_the_worst_drift() {
        let expected = "[    0 ms] a: start\n[  300 ms] a: done\nall done\n";
        let actual = "[    1 ms] a: start\n[  304 ms] a: done\nall done\n";
        let note = compare(expected, actual, "listings/x/output.txt").unwrap();
        assert_eq!(
            note,
            "same order; real stamps within 4 ms of the virtual ones"
        );
        let unstamped = compare("x\n", "x\n", "f").unwrap();
        assert_eq!(unstamped, "same order; no timestamps");
    }

    #[test]
    fn another_order_is_shown_line_by_line() {
        let expected = "[  100 ms] a: done\n[  100 ms] b: done\n";
        let actual = "[  101 ms] b: done\n[  101 ms] a: done\n";
        let problem = compare(expected, actual, "listings/x/output.txt").unwrap_err();
        assert!(
            problem.contains("in another order than listings/x/output.txt"),
            "{problem}"
        );
        assert!(problem.contains("! expected: a: done"), "{problem}");
    }
}
