//! What a figure shows of a source file: all of it, or the parts between mdBook's anchor lines
//! (`// ANCHOR: name` … `// ANCHOR_END: name`), read as mdBook's `{{#include file:name}}` reads
//! them. Several parts go into one code block, in the order asked for, joined by the lines the
//! file has between them when nothing else stands there, and by an elision line
//! (`// --snip--`, as The Rust Programming Language writes it) where lines are left out.

use regex::Regex;
use std::sync::LazyLock;

// mdBook's own patterns (mdbook-driver, `links/take_lines.rs`).
static START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<name>[\w_-]+)").expect("a valid pattern"));
static END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<name>[\w_-]+)").expect("a valid pattern"));

fn is_marker(line: &str) -> bool {
    START.is_match(line) || END.is_match(line)
}

/// The anchors a file defines, in order.
pub fn names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        if let Some(found) = START.captures(line)
            && !names.iter().any(|name| name == &found["name"])
        {
            names.push(found["name"].to_owned());
        }
    }
    names
}

/// The whole file without its anchor lines, which are for the book, not the reader.
pub fn whole(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|line| !is_marker(line)).collect();
    lines.join("\n")
}

/// The parts of `text` between the named anchors, joined in the order given; `comment` starts
/// the elision line (`//` for Rust, `#` for Python). An anchor that the file does not open
/// and close is an error naming the anchors it has.
pub fn select(text: &str, anchors: &[String], comment: &str) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut parts = Vec::new();
    for anchor in anchors {
        let named = |pattern: &Regex, line: &str| {
            pattern
                .captures(line)
                .is_some_and(|found| &found["name"] == anchor)
        };
        let start = lines.iter().position(|line| named(&START, line));
        let end = start
            .and_then(|start| (start + 1..lines.len()).find(|&index| named(&END, lines[index])));
        let (Some(start), Some(end)) = (start, end) else {
            let known = names(text);
            let known = match known.is_empty() {
                true => "it has no anchors".to_owned(),
                false => format!("its anchors: {}", known.join(", ")),
            };
            let what = match start {
                None => format!("no `ANCHOR: {anchor}` line"),
                Some(_) => format!("`ANCHOR: {anchor}` but no `ANCHOR_END: {anchor}` after it"),
            };
            return Err(format!("{what} ({known})"));
        };
        parts.push((start, end));
    }

    let mut shown: Vec<String> = Vec::new();
    for (index, &(start, end)) in parts.iter().enumerate() {
        if index > 0 {
            let previous_end = parts[index - 1].1;
            let between = lines.get(previous_end + 1..start).unwrap_or_default();
            let adjacent = start > previous_end
                && between
                    .iter()
                    .all(|line| line.trim().is_empty() || is_marker(line));
            if adjacent {
                let blank = between.iter().filter(|line| line.trim().is_empty());
                shown.extend(blank.map(|_| String::new()));
            } else {
                let first = lines[start + 1..end]
                    .iter()
                    .find(|line| !line.trim().is_empty() && !is_marker(line));
                let indent: String = first
                    .map(|line| line.chars().take_while(|c| c.is_whitespace()).collect())
                    .unwrap_or_default();
                shown.extend([
                    String::new(),
                    format!("{indent}{comment} --snip--"),
                    String::new(),
                ]);
            }
        }
        let body = lines[start + 1..end].iter().filter(|line| !is_marker(line));
        shown.extend(body.map(|line| line.to_string()));
    }
    Ok(shown.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
use std::time::Duration;

// ANCHOR: fetch
async fn fetch() {}
// ANCHOR_END: fetch

// ANCHOR: other
fn other() {}
// ANCHOR_END: other
fn hidden() {}

// ANCHOR: main
#[tokio::main]
async fn main() {
    // ANCHOR: body
    fetch().await;
    // ANCHOR_END: body
}
// ANCHOR_END: main
";

    fn select_all(anchors: &[&str]) -> Result<String, String> {
        let anchors: Vec<String> = anchors.iter().map(|a| a.to_string()).collect();
        select(FILE, &anchors, "//")
    }

    #[test]
    fn lists_the_anchors_in_order() {
        assert_eq!(names(FILE), ["fetch", "other", "main", "body"]);
    }

    #[test]
    fn one_anchor_drops_the_anchor_lines_inside_it() {
        assert_eq!(
            select_all(&["main"]).unwrap(),
            "#[tokio::main]\nasync fn main() {\n    fetch().await;\n}"
        );
    }

    #[test]
    fn adjacent_anchors_keep_the_blank_line_between_them() {
        assert_eq!(
            select_all(&["fetch", "other"]).unwrap(),
            "async fn fetch() {}\n\nfn other() {}"
        );
    }

    #[test]
    fn lines_left_out_become_an_elision_line() {
        assert_eq!(
            select_all(&["other", "main"]).unwrap(),
            "fn other() {}\n\n// --snip--\n\n#[tokio::main]\nasync fn main() {\n    fetch().await;\n}"
        );
        assert_eq!(
            select_all(&["fetch", "body"]).unwrap(),
            "async fn fetch() {}\n\n    // --snip--\n\n    fetch().await;"
        );
    }

    #[test]
    fn parts_out_of_file_order_are_elided_too() {
        let shown = select_all(&["other", "fetch"]).unwrap();
        assert_eq!(shown, "fn other() {}\n\n// --snip--\n\nasync fn fetch() {}");
    }

    #[test]
    fn a_missing_anchor_names_the_ones_there_are() {
        assert_eq!(
            select_all(&["fetch", "mian"]).unwrap_err(),
            "no `ANCHOR: mian` line (its anchors: fetch, other, main, body)"
        );
        assert_eq!(
            select("fn main() {}\n", &["main".into()], "//").unwrap_err(),
            "no `ANCHOR: main` line (it has no anchors)"
        );
    }

    #[test]
    fn an_unclosed_anchor_is_an_error() {
        let text = "// ANCHOR: main\nfn main() {}\n";
        assert_eq!(
            select(text, &["main".into()], "//").unwrap_err(),
            "`ANCHOR: main` but no `ANCHOR_END: main` after it (its anchors: main)"
        );
    }

    #[test]
    fn the_whole_file_loses_only_its_anchor_lines() {
        assert_eq!(whole("# ANCHOR: a\nx = 1\n# ANCHOR_END: a\n"), "x = 1");
    }
}
