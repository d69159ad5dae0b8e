//! Reading what a libtest test executable printed: which tests passed and which failed, and the
//! closing `test result:` line that shows it ran to the end.

#[derive(Debug, Default, PartialEq)]
pub struct TestReport {
    pub passed: Vec<String>,
    pub failed: Vec<String>,
    /// Whether the closing `test result: ...` line was printed: the tests ran to the end.
    pub finished: bool,
}

/// Parses libtest's pretty output: `test name ... ok`, `test name ... FAILED`, and
/// `test result: FAILED. 1 passed; 1 failed; ...`.
pub fn parse(output: &str) -> TestReport {
    let mut report = TestReport::default();
    for line in output.lines() {
        if line.starts_with("test result: ") {
            report.finished = true;
        } else if let Some(rest) = line.strip_prefix("test ") {
            match rest.rsplit_once(" ... ") {
                Some((name, "ok")) => report.passed.push(name.to_owned()),
                Some((name, "FAILED")) => report.failed.push(name.to_owned()),
                _ => {}
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_passed_and_failed_tests_and_the_closing_line() {
        let output = "\nrunning 2 tests\ntest slow ... FAILED\ntest order ... ok\n\nfailures:\n\n\
                      ---- slow stdout ----\n\nthread 'slow' panicked at tests/t.rs:9:5:\n\n\
                      test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out\n";
        let report = parse(output);
        assert_eq!(report.passed, ["order"]);
        assert_eq!(report.failed, ["slow"]);
        assert!(report.finished);
    }

    #[test]
    fn a_run_cut_short_has_no_closing_line() {
        let report = parse("\nrunning 1 test\nerror: test failed, to rerun pass `--test t`\n");
        assert!(!report.finished);
        assert!(report.failed.is_empty());
    }
}
