//! The real-clock check: `REAL_CLOCK=3 cargo test` (3 runs of each program).
//!
//! Timed listings run on tokio's paused clock, and their asyncio twins on `vclock.py`'s virtual
//! one, where two timers due at the same instant fire in a fixed order. On a real clock their
//! order is a race, and a page that shows one outcome would be showing a coin toss as a fact.
//! In this mode every program runs on the real clock instead, `REAL_CLOCK=N` times (`vclock::start()` resumes
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

/// How many times each program runs on the real clock: `REAL_CLOCK=3` is 3, unset (or 0) is
/// `None`. One run can miss a race that goes the other way only now and then, so several are
/// better.
pub fn runs() -> Result<Option<u32>, String> {
    match std::env::var(VAR) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Ok(value) if value.is_empty() || value == "0" => Ok(None),
        Ok(value) => match value.parse::<u32>() {
            Ok(runs) => Ok(Some(runs)),
            Err(_) => Err(format!(
                "{VAR}={value}: it takes the number of runs of each program, e.g. {VAR}=3"
            )),
        },
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{VAR} is not UTF-8")),
    }
}

/// The report's note on a program that kept its order in every run.
pub fn note(runs: u32, worst_drift_ms: Option<u64>) -> String {
    let runs = match runs {
        1 => "1 run".to_owned(),
        n => format!("{n} runs"),
    };
    match worst_drift_ms {
        Some(ms) => format!("same order in {runs}; real stamps within {ms} ms of the virtual ones"),
        None => format!("same order in {runs}; no timestamps"),
    }
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
/// order: `Ok` with how far the real stamps strayed, at most. Otherwise the two orders, side by
/// side.
pub fn compare(expected: &str, actual: &str, shown_path: &str) -> Result<Option<u64>, String> {
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
        if let Some(hint) = load_hint(&expected, &actual) {
            problem.push_str(&hint);
        }
        return Err(problem);
    }
    Ok(expected
        .iter()
        .zip(&actual)
        .filter_map(|((want, _), (got, _))| Some((*want)?.abs_diff((*got)?)))
        .max())
}

/// A swap can also come from a machine so loaded that its real stamps strayed further than the
/// gap between the swapped lines. Says so when that is what happened, since the order check
/// alone cannot tell the two apart.
fn load_hint(expected: &[(Option<u64>, &str)], actual: &[(Option<u64>, &str)]) -> Option<String> {
    let virtual_stamp = |text: &str| expected.iter().find(|(_, t)| *t == text)?.0;
    let first_swap = expected
        .iter()
        .zip(actual)
        .find(|(want, got)| want.1 != got.1)?;
    let ((want_ms, _), (_, got_text)) = first_swap;
    let gap = (*want_ms)?.abs_diff(virtual_stamp(got_text)?);
    let drift = actual
        .iter()
        .filter_map(|(real, text)| Some((*real)?.abs_diff(virtual_stamp(text)?)))
        .max()?;
    (gap > 0 && drift >= gap).then(|| {
        format!(
            "  The first swapped lines are {gap} ms apart on the virtual clock, and this run's \
             stamps strayed by up to {drift} ms: a machine that late can swap them without any \
             tie. Run it again on a quieter machine before you change the listing.\n"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_order_passes_and_reports_the_worst_drift() {
        let expected = "[    0 ms] a: start\n[  300 ms] a: done\nall done\n";
        let actual = "[    1 ms] a: start\n[  304 ms] a: done\nall done\n";
        let drift = compare(expected, actual, "listings/x/output.txt").unwrap();
        assert_eq!(
            note(3, drift),
            "same order in 3 runs; real stamps within 4 ms of the virtual ones"
        );
        let unstamped = compare("x\n", "x\n", "f").unwrap();
        assert_eq!(note(1, unstamped), "same order in 1 run; no timestamps");
    }

    #[test]
    fn a_swap_of_lines_further_apart_than_the_drift_says_it_may_be_load() {
        let expected = "[  900 ms] b: step 2\n[  960 ms] a: step 3\n";
        let late = "[ 1700 ms] a: step 3\n[ 1800 ms] b: step 2\n";
        let problem = compare(expected, late, "f").unwrap_err();
        assert!(
            problem.contains("60 ms apart on the virtual clock"),
            "{problem}"
        );
        let tie = "[  900 ms] b: done\n[  900 ms] a: done\n";
        let swapped = "[  901 ms] a: done\n[  901 ms] b: done\n";
        let problem = compare(tie, swapped, "f").unwrap_err();
        assert!(!problem.contains("quieter machine"), "{problem}");
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
