//! `{{#output 1-3 …}}`: one value read from a listing's checked output, for the numbers in the
//! prose, so that "five items take 1000 ms" cannot drift from the run it describes. One query:
//!
//! - `last-ms`: the virtual time of the last stamped line (`[  500 ms] …`), `500`;
//! - `ms="b: start"`: the virtual time of the one stamped line whose text holds `b: start`;
//! - `lines`: how many lines the output has;
//! - `match="peak heap (\d+) bytes"`: the text a regular expression captures (its one group, or
//!   all it matches if it has none) on the one line it matches;
//!
//! and `program=twin` to read the asyncio twin's output instead of the Rust program's. A query
//! that finds no value, or more than one, is an error: the prose must name one thing. The same
//! queries compute the keys of a listing's quiz (`quiz.rs`).

use crate::directive::{Directive, options};
use crate::workspace::Program;
use regex::Regex;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// The `match` patterns compiled so far: the book asks many of them more than once, and an
/// unoptimised build spends milliseconds compiling each.
static PATTERNS: LazyLock<Mutex<HashMap<String, Regex>>> = LazyLock::new(Default::default);

#[derive(Debug)]
pub enum Query {
    LastMs,
    MsOf(String),
    Lines,
    Match(Regex),
}

#[derive(Debug)]
pub struct Request {
    pub query: Query,
    pub program: Program,
}

impl Request {
    pub fn parse(directive: &Directive) -> Result<Request, String> {
        let given = options(
            directive,
            &["last-ms", "lines"],
            &["ms", "match", "program"],
        )?;
        let program = match given.get("program").copied().flatten() {
            None | Some("rust") => Program::Rust,
            Some("twin") => Program::Twin,
            Some(other) => {
                return Err(format!(
                    "`program={other}`: an output is `program=rust` or `program=twin`"
                ));
            }
        };
        let mut queries = Vec::new();
        for (name, value) in &given {
            queries.extend(Query::named(name, *value)?);
        }
        let query = match queries.len() {
            1 => queries.remove(0),
            _ => {
                return Err(
                    "needs exactly one of `last-ms`, `ms=\"text\"`, `lines`, `match=\"regex\"`"
                        .into(),
                );
            }
        };
        Ok(Request { query, program })
    }
}

impl Query {
    /// The query an option names, as `{{#output}}` and a quiz's `key` (`quiz.rs`) write it:
    /// `last-ms`, `lines`, `ms="text"`, `match="regex"`; `None` for any other name.
    pub fn named(name: &str, value: Option<&str>) -> Result<Option<Query>, String> {
        Ok(Some(match (name, value) {
            ("last-ms", None) => Query::LastMs,
            ("lines", None) => Query::Lines,
            ("ms", Some(text)) => Query::MsOf(text.to_owned()),
            ("match", Some(pattern)) => Query::Match(pattern_of(pattern)?),
            _ => return Ok(None),
        }))
    }
}

/// One line of an output: its number (from 1), its virtual time if `vclock` stamped it, and
/// its text without the stamp.
pub struct Line<'a> {
    pub number: usize,
    pub ms: Option<&'a str>,
    pub text: &'a str,
}

/// The lines of an output, each with its stamp split off.
pub fn lines(output: &str) -> impl Iterator<Item = Line<'_>> {
    output.lines().enumerate().map(|(index, line)| {
        let stamp = stamp_of(line);
        Line {
            number: index + 1,
            ms: stamp.map(|(ms, _)| ms),
            text: stamp.map_or(line, |(_, text)| text),
        }
    })
}

/// The virtual time and text of a line stamped by `vclock`, `[  300 ms] a: done`: a `[`, any
/// white space, ASCII digits (vclock prints no other), ` ms] `, the text. Read by hand rather
/// than by a regular expression, since every query reads every line.
fn stamp_of(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('[')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (ms, rest) = rest.split_at(digits);
    let text = rest.strip_prefix(" ms] ")?;
    Some((ms, text)).filter(|_| !ms.is_empty())
}

fn pattern_of(pattern: &str) -> Result<Regex, String> {
    let mut patterns = PATTERNS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let regex = match patterns.get(pattern) {
        Some(regex) => regex.clone(),
        None => {
            let regex = Regex::new(pattern)
                .map_err(|e| format!("`match`: not a regular expression: {e}"))?;
            patterns.insert(pattern.to_owned(), regex.clone());
            regex
        }
    };
    if regex.captures_len() > 2 {
        return Err(format!(
            "`match=\"{pattern}\"` has {} groups; capture the value with one group, and write \
             the others `(?:…)`",
            regex.captures_len() - 1
        ));
    }
    Ok(regex)
}

/// The value the query reads in `output`, the text of an expected-output file.
pub fn evaluate(query: &Query, output: &str) -> Result<String, String> {
    let stamped = || lines(output).filter_map(|line| Some((line.ms?, line.text)));
    match query {
        Query::LastMs => stamped()
            .last()
            .map(|(ms, _)| ms.to_owned())
            .ok_or_else(|| "`last-ms`: the output has no stamped `[  N ms]` line".into()),
        Query::Lines => Ok(output.lines().count().to_string()),
        Query::MsOf(text) => {
            let found: Vec<_> = stamped()
                .filter(|(_, line)| line.contains(text.as_str()))
                .collect();
            match found.as_slice() {
                [(ms, _)] => Ok(ms.to_string()),
                [] => Err(format!("`ms=\"{text}\"`: no stamped line holds `{text}`")),
                many => Err(format!(
                    "`ms=\"{text}\"`: {} stamped lines hold `{text}` (at {} ms); make the text \
                     name one line",
                    many.len(),
                    many.iter()
                        .map(|(ms, _)| *ms)
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
        Query::Match(regex) => {
            let mut values = Vec::new();
            for (number, line) in output.lines().enumerate() {
                for found in regex.captures_iter(line) {
                    let value = found
                        .get(1)
                        .or_else(|| found.get(0))
                        .map_or("", |m| m.as_str());
                    values.push((number + 1, value.to_owned()));
                }
            }
            match values.as_slice() {
                [(_, value)] if !value.is_empty() => Ok(value.clone()),
                [(line, _)] => Err(format!(
                    "`match=\"{regex}\"` matches line {line}, but captures nothing"
                )),
                [] => Err(format!("`match=\"{regex}\"` matches no line of the output")),
                many => Err(format!(
                    "`match=\"{regex}\"` matches {} times (on lines {}); make it match once",
                    many.len(),
                    many.iter()
                        .map(|(line, _)| line.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_is_brackets_spaces_ascii_digits_and_ms() {
        assert_eq!(stamp_of("[  300 ms] a: done"), Some(("300", "a: done")));
        assert_eq!(stamp_of("[0 ms] "), Some(("0", "")));
        assert_eq!(stamp_of("[\t12 ms] x ms] y"), Some(("12", "x ms] y")));
        for unstamped in [
            "[ ms] x",
            "[ 3ms] x",
            "[ 3 ms]x",
            " [3 ms] x",
            "[+3 ms] x",
            "[３ ms] x",
        ] {
            assert_eq!(stamp_of(unstamped), None, "{unstamped}");
        }
    }
    use crate::directive::find;

    const OUTPUT: &str = "\
[    0 ms] a: start
[  300 ms] a: done
[  300 ms] b: start
[  500 ms] b: done
stream: peak heap 14 bytes
Vec: peak heap 39165824 bytes
";

    fn request(line: &str) -> Result<Request, String> {
        Request::parse(&find(line).remove(0).unwrap())
    }

    fn value(line: &str) -> Result<String, String> {
        evaluate(&request(line)?.query, OUTPUT)
    }

    #[test]
    fn each_query() {
        assert_eq!(value("{{#output 1-3 last-ms}}").unwrap(), "500");
        assert_eq!(value(r#"{{#output 1-3 ms="b: start"}}"#).unwrap(), "300");
        assert_eq!(value("{{#output 1-3 lines}}").unwrap(), "6");
        assert_eq!(
            value(r#"{{#output 1-3 match="Vec: peak heap (\d+)"}}"#).unwrap(),
            "39165824"
        );
        assert_eq!(
            value(r#"{{#output 1-3 match="stream: peak heap \d+"}}"#).unwrap(),
            "stream: peak heap 14"
        );
        assert_eq!(
            value(r#"{{#output 1-3 match="(?:Vec|list): peak heap (\d+)"}}"#).unwrap(),
            "39165824"
        );
    }

    #[test]
    fn the_program_is_the_rust_one_unless_told() {
        assert_eq!(
            request("{{#output 1-3 lines}}").unwrap().program,
            Program::Rust
        );
        assert_eq!(
            request("{{#output 1-3 lines program=twin}}")
                .unwrap()
                .program,
            Program::Twin
        );
        assert_eq!(
            request("{{#output 1-3 lines program=both}}").unwrap_err(),
            "`program=both`: an output is `program=rust` or `program=twin`"
        );
    }

    #[test]
    fn a_query_that_does_not_give_one_value_fails() {
        assert_eq!(
            value(r#"{{#output 1-3 ms="start"}}"#).unwrap_err(),
            "`ms=\"start\"`: 2 stamped lines hold `start` (at 0, 300 ms); make the text name one line"
        );
        assert_eq!(
            value(r#"{{#output 1-3 ms="c: start"}}"#).unwrap_err(),
            "`ms=\"c: start\"`: no stamped line holds `c: start`"
        );
        assert_eq!(
            value(r#"{{#output 1-3 match="peak heap (\d+)"}}"#).unwrap_err(),
            r#"`match="peak heap (\d+)"` matches 2 times (on lines 5, 6); make it match once"#
        );
        assert_eq!(
            value(r#"{{#output 1-3 match="RSS (\d+)"}}"#).unwrap_err(),
            r#"`match="RSS (\d+)"` matches no line of the output"#
        );
        assert_eq!(
            value(r#"{{#output 1-3 match="Vec: (x*)peak"}}"#).unwrap_err(),
            r#"`match="Vec: (x*)peak"` matches line 6, but captures nothing"#
        );
        assert_eq!(
            evaluate(&Query::LastMs, "no stamps\n").unwrap_err(),
            "`last-ms`: the output has no stamped `[  N ms]` line"
        );
    }

    #[test]
    fn a_request_needs_one_well_formed_query() {
        let needs = "needs exactly one of `last-ms`, `ms=\"text\"`, `lines`, `match=\"regex\"`";
        assert_eq!(request("{{#output 1-3}}").unwrap_err(), needs);
        assert_eq!(request("{{#output 1-3 lines last-ms}}").unwrap_err(), needs);
        assert!(
            request(r#"{{#output 1-3 match="(a"}}"#)
                .unwrap_err()
                .starts_with("`match`: not a regular expression")
        );
        assert_eq!(
            request(r#"{{#output 1-3 match="(a)(b)"}}"#).unwrap_err(),
            "`match=\"(a)(b)\"` has 2 groups; capture the value with one group, and write the others `(?:…)`"
        );
        assert_eq!(
            request("{{#output 1-3 last}}").unwrap_err(),
            "unknown option `last` (known: last-ms, lines, ms=…, match=…, program=…)"
        );
    }
}
