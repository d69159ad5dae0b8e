//! What a figure shows of a source file: all of it, or the parts between mdBook's anchor lines
//! (`// ANCHOR: name` … `// ANCHOR_END: name`), read as mdBook's `{{#include file:name}}` reads
//! them, shown as one program with gaps, the way The Rust Programming Language shows excerpts:
//!
//! - A part that starts inside a block comes with the lines that open the block (the
//!   `async fn main() {` and its attributes, every enclosing block up to the file's top level)
//!   and the lines that close it (`}`), so that no excerpt starts with indented lines out of
//!   nowhere.
//! - Where the file has lines between, before or after what is shown, an elision line stands in
//!   for them: `// --snip--` (`# --snip--` in Python), indented as the lines it stands for.
//!   Between two parts with only blank lines between them, there is none.
//! - A gap of a single line shows that line instead: a marker in its place would hide nothing.
//!
//! Blocks are found by indentation, as rustfmt and black lay code out: the block of a line is
//! opened by the nearest line above it that is indented less (with the lines its statement
//! starts on and the attributes above them), and closed by the nearest line below it that is
//! indented less, if that line starts with a closing bracket.

use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

// mdBook's own patterns (mdbook-driver, `links/take_lines.rs`).
static START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<name>[\w_-]+)").expect("a valid pattern"));
static END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<name>[\w_-]+)").expect("a valid pattern"));

/// What stands for the lines left out, after the language's comment token.
pub const ELISION: &str = "--snip--";

/// Whether a line is an anchor line. (Every line of every listing is asked: the plain `contains`
/// spares most of them the regular expressions.)
pub fn is_marker(line: &str) -> bool {
    line.contains("ANCHOR") && (START.is_match(line) || END.is_match(line))
}

/// The anchors a file defines, in order.
pub fn names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines().filter(|line| line.contains("ANCHOR:")) {
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

/// The parts of `text` between the named anchors, in one block, with the lines that open and
/// close the blocks they sit in and an elision line for each run of lines left out; `comment`
/// is the language's line comment (`//` for Rust, `#` for Python). Parts asked for in the
/// order of the file are shown together; a part that starts before the end of the one asked
/// for before it starts a new excerpt, after an elision line. An anchor that the file does not
/// open and close is an error naming the anchors it has.
pub fn select(text: &str, anchors: &[String], comment: &str) -> Result<String, String> {
    let file = File::new(text, comment);
    let mut excerpts: Vec<BTreeSet<usize>> = Vec::new();
    let mut previous_end = None;
    for anchor in anchors {
        let (start, end) = file.anchor(anchor)?;
        if previous_end.is_none_or(|previous| start <= previous) {
            excerpts.push(BTreeSet::new());
        }
        previous_end = Some(end);
        let shown = excerpts.last_mut().expect("an excerpt was just pushed");
        let body: Vec<usize> = (start + 1..end).filter(|&at| !file.marker(at)).collect();
        shown.extend(&body);
        let code = || body.iter().copied().filter(|&at| file.code(at));
        if let (Some(first), Some(last)) = (code().next(), code().next_back()) {
            shown.extend(file.openers(first));
            shown.extend(file.closers(last));
        }
    }

    let mut shown: Vec<Shown> = Vec::new();
    for excerpt in &excerpts {
        let mut items = file.render(excerpt);
        if !shown.is_empty() {
            // One elision line where one excerpt ends and the next begins.
            while matches!(shown.last(), Some(Shown::Blank | Shown::Elided(_))) {
                shown.pop();
            }
            let leading = items
                .iter()
                .take_while(|item| matches!(item, Shown::Blank | Shown::Elided(_)))
                .count();
            items.drain(..leading);
            shown.extend([Shown::Blank, Shown::Elided(0), Shown::Blank]);
        }
        shown.extend(items);
    }
    let lines: Vec<String> = shown
        .iter()
        .map(|item| match item {
            Shown::Line(at) => file.lines[*at].to_owned(),
            Shown::Blank => String::new(),
            Shown::Elided(indent) => format!("{}{comment} {ELISION}", " ".repeat(*indent)),
        })
        .collect();
    Ok(lines.join("\n"))
}

/// One line of an excerpt.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shown {
    Line(usize),
    Blank,
    Elided(usize),
}

/// Where a run of lines left out stands.
#[derive(Clone, Copy, PartialEq)]
enum Gap {
    Before,
    Between,
    After,
}

struct File<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    comment: &'a str,
}

impl<'a> File<'a> {
    fn new(text: &'a str, comment: &'a str) -> File<'a> {
        File {
            text,
            lines: text.lines().collect(),
            comment,
        }
    }

    /// The lines of `ANCHOR: name` and of the `ANCHOR_END: name` after it.
    fn anchor(&self, anchor: &str) -> Result<(usize, usize), String> {
        let named = |pattern: &Regex, line: &str| {
            pattern
                .captures(line)
                .is_some_and(|found| &found["name"] == anchor)
        };
        let lines = &self.lines;
        let start = lines.iter().position(|line| named(&START, line));
        let end = start
            .and_then(|start| (start + 1..lines.len()).find(|&index| named(&END, lines[index])));
        match (start, end) {
            (Some(start), Some(end)) => Ok((start, end)),
            _ => {
                let known = names(self.text);
                let known = match known.is_empty() {
                    true => "it has no anchors".to_owned(),
                    false => format!("its anchors: {}", known.join(", ")),
                };
                let what = match start {
                    None => format!("no `ANCHOR: {anchor}` line"),
                    Some(_) => {
                        format!("`ANCHOR: {anchor}` but no `ANCHOR_END: {anchor}` after it")
                    }
                };
                Err(format!("{what} ({known})"))
            }
        }
    }

    fn marker(&self, at: usize) -> bool {
        is_marker(self.lines[at])
    }

    fn blank(&self, at: usize) -> bool {
        self.lines[at].trim().is_empty()
    }

    /// A line a reader reads: not blank, not an anchor line.
    fn code(&self, at: usize) -> bool {
        !self.blank(at) && !self.marker(at)
    }

    /// A line of code that is not a comment, one that can open or close a block.
    fn statement(&self, at: usize) -> bool {
        self.code(at) && !self.lines[at].trim_start().starts_with(self.comment)
    }

    fn indent(&self, at: usize) -> usize {
        let line = self.lines[at];
        line.len() - line.trim_start().len()
    }

    fn is_attribute(&self, at: usize) -> bool {
        let line = self.lines[at].trim_start();
        match self.comment {
            "#" => line.starts_with('@'),
            _ => line.starts_with("#[") || line.starts_with("#!["),
        }
    }

    /// A line that goes on the statement of the line above: the end of a parameter list, a
    /// return type, a `where` clause, the next call of a chain.
    fn continues(&self, at: usize) -> bool {
        let line = self.lines[at].trim_start();
        let word = |word: &str| {
            line.strip_prefix(word)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        };
        [")", "]", ">", "{", ".", "->", "+", "|"]
            .iter()
            .any(|start| line.starts_with(start))
            || word("where")
    }

    /// The lines that open the blocks line `at` sits in, from the file's top level down: for
    /// each block, its statement from its first line (and the attributes above it) to the line
    /// that opens it.
    fn openers(&self, at: usize) -> Vec<usize> {
        let mut shown = Vec::new();
        let (mut below, mut indent) = (at, self.indent(at));
        while indent > 0 {
            let Some(opens) = (0..below)
                .rev()
                .find(|&line| self.statement(line) && self.indent(line) < indent)
            else {
                break;
            };
            let mut first = opens;
            while self.continues(first) {
                let level = self.indent(first);
                let above = (0..first)
                    .rev()
                    .find(|&line| self.statement(line) && self.indent(line) <= level);
                match above {
                    Some(above) => first = above,
                    None => break,
                }
            }
            let mut top = first;
            while let Some(above) = (0..top).rev().find(|&line| !self.marker(line))
                && self.is_attribute(above)
                && self.indent(above) == self.indent(first)
            {
                top = above;
            }
            shown.extend(top..=opens);
            (below, indent) = (top, self.indent(first));
        }
        shown
    }

    /// The lines that close the blocks line `at` sits in, up to the file's top level: each is
    /// the nearest line below that is indented less and starts with a closing bracket. A line
    /// such as `} else {` closes one block and opens another, which the next line closes.
    fn closers(&self, at: usize) -> Vec<usize> {
        let mut shown = Vec::new();
        let (mut above, mut indent) = (at, self.indent(at));
        while indent > 0 {
            let Some(closes) = (above + 1..self.lines.len())
                .find(|&line| self.statement(line) && self.indent(line) < indent)
            else {
                break;
            };
            let line = self.lines[closes].trim();
            if !line.starts_with(['}', ')', ']']) {
                break;
            }
            shown.push(closes);
            let reopens = line.ends_with(['{', '(', '[']);
            (above, indent) = (closes, self.indent(closes) + usize::from(reopens));
        }
        shown
    }

    /// The lines of one excerpt, in file order, with the gaps between, before and after them.
    fn render(&self, shown: &BTreeSet<usize>) -> Vec<Shown> {
        let shown: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&at| !self.marker(at))
            .collect();
        let (Some(&first), Some(&last)) = (shown.first(), shown.last()) else {
            return Vec::new();
        };
        let mut items = self.gap(0..first, Gap::Before);
        for (index, &at) in shown.iter().enumerate() {
            if index > 0 {
                items.extend(self.gap(shown[index - 1] + 1..at, Gap::Between));
            }
            items.push(match self.blank(at) {
                true => Shown::Blank,
                false => Shown::Line(at),
            });
        }
        items.extend(self.gap(last + 1..self.lines.len(), Gap::After));
        items
    }

    /// What stands for lines left out: nothing but their blank lines if they hold no code,
    /// the one line itself if they hold one, and an elision line otherwise, with the blank
    /// lines the file has on either side of them.
    fn gap(&self, lines: std::ops::Range<usize>, gap: Gap) -> Vec<Shown> {
        let kept: Vec<usize> = lines.filter(|&at| !self.marker(at)).collect();
        let code: Vec<usize> = kept.iter().copied().filter(|&at| self.code(at)).collect();
        let as_in_file = |at: &usize| match self.blank(*at) {
            true => Shown::Blank,
            false => Shown::Line(*at),
        };
        let (Some(&first_code), Some(&last_code)) = (code.first(), code.last()) else {
            return match gap {
                Gap::Between => kept.iter().map(as_in_file).collect(),
                Gap::Before | Gap::After => Vec::new(),
            };
        };
        // Blank lines before a file's first line of code, or after its last, show nothing.
        let kept: Vec<usize> = kept
            .into_iter()
            .filter(|&at| match gap {
                Gap::Before => at >= first_code,
                Gap::After => at <= last_code,
                Gap::Between => true,
            })
            .collect();
        if code.len() == 1 {
            return kept.iter().map(as_in_file).collect();
        }
        let indent = code.iter().map(|&at| self.indent(at)).min().unwrap_or(0);
        let mut items = Vec::new();
        if kept.first().is_some_and(|&at| self.blank(at)) {
            items.push(Shown::Blank);
        }
        items.push(Shown::Elided(indent));
        if kept.last().is_some_and(|&at| self.blank(at)) {
            items.push(Shown::Blank);
        }
        items
    }
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
        select_in(FILE, anchors, "//")
    }

    fn select_in(text: &str, anchors: &[&str], comment: &str) -> Result<String, String> {
        let anchors: Vec<String> = anchors.iter().map(|a| a.to_string()).collect();
        select(text, &anchors, comment)
    }

    #[test]
    fn lists_the_anchors_in_order() {
        assert_eq!(names(FILE), ["fetch", "other", "main", "body"]);
    }

    #[test]
    fn one_anchor_drops_the_anchor_lines_inside_it() {
        assert_eq!(
            select_all(&["main"]).unwrap(),
            "// --snip--\n\n#[tokio::main]\nasync fn main() {\n    fetch().await;\n}"
        );
    }

    #[test]
    fn adjacent_anchors_keep_the_blank_line_between_them() {
        assert_eq!(
            select_all(&["fetch", "other"]).unwrap(),
            "use std::time::Duration;\n\nasync fn fetch() {}\n\nfn other() {}\n// --snip--"
        );
    }

    #[test]
    fn lines_left_out_between_parts_become_an_elision_line() {
        let text = "\
// ANCHOR: a
fn a() {}
// ANCHOR_END: a

fn b() {}
fn c() {}

// ANCHOR: d
fn d() {}
// ANCHOR_END: d
";
        assert_eq!(
            select_in(text, &["a", "d"], "//").unwrap(),
            "fn a() {}\n\n// --snip--\n\nfn d() {}"
        );
    }

    #[test]
    fn lines_left_out_before_and_after_become_elision_lines() {
        let text = "\
use a;
use b;

// ANCHOR: c
fn c() {}
// ANCHOR_END: c
fn d() {}
fn e() {}
";
        assert_eq!(
            select_in(text, &["c"], "//").unwrap(),
            "// --snip--\n\nfn c() {}\n// --snip--"
        );
    }

    #[test]
    fn a_single_line_left_out_is_shown_instead() {
        assert_eq!(
            select_all(&["other", "main"]).unwrap(),
            "// --snip--\n\nfn other() {}\nfn hidden() {}\n\n#[tokio::main]\nasync fn main() {\n    \
             fetch().await;\n}"
        );
    }

    #[test]
    fn a_part_inside_a_block_comes_with_the_lines_that_open_and_close_it() {
        let text = "\
use std::time::Duration;
use vclock::vprintln;

#[tokio::main(start_paused = true)]
async fn main() {
    vclock::start();
    let setup = 1;
    // ANCHOR: main
    let a = fetch(\"a\").await;
    // ANCHOR_END: main
    vprintln!(\"{a}\");
    vprintln!(\"done\");
}
";
        assert_eq!(
            select_in(text, &["main"], "//").unwrap(),
            "// --snip--\n\n#[tokio::main(start_paused = true)]\nasync fn main() {\n    \
             // --snip--\n    let a = fetch(\"a\").await;\n    // --snip--\n}"
        );
    }

    #[test]
    fn the_opening_lines_are_the_whole_statement_at_every_level() {
        let text = "\
impl Stream for Ticks {
    fn poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<u32>>
    where
        Self: Unpin,
    {
        let a = 1;
        let b = 2;
        // ANCHOR: tick
        Poll::Ready(Some(a + b))
        // ANCHOR_END: tick
    }
}
";
        assert_eq!(
            select_in(text, &["tick"], "//").unwrap(),
            "impl Stream for Ticks {\n    fn poll_next(\n        self: Pin<&mut Self>,\n        \
             cx: &mut Context<'_>,\n    ) -> Poll<Option<u32>>\n    where\n        Self: Unpin,\n    \
             {\n        // --snip--\n        Poll::Ready(Some(a + b))\n    }\n}"
        );
        let chained = "\
fn main() {
    runtime
        .block_on(async {
            // ANCHOR: body
            work().await;
            // ANCHOR_END: body
        });
}
";
        assert_eq!(
            select_in(chained, &["body"], "//").unwrap(),
            "fn main() {\n    runtime\n        .block_on(async {\n            work().await;\n        \
             });\n}"
        );
    }

    #[test]
    fn two_parts_in_one_block_share_its_opening_and_closing_lines() {
        let text = "\
async fn main() {
    // ANCHOR: first
    let a = 1;
    // ANCHOR_END: first
    let b = 2;
    let c = 3;
    // ANCHOR: second
    let d = a;
    // ANCHOR_END: second
}
";
        assert_eq!(
            select_in(text, &["first", "second"], "//").unwrap(),
            "async fn main() {\n    let a = 1;\n    // --snip--\n    let d = a;\n}"
        );
    }

    #[test]
    fn a_line_that_closes_one_block_and_opens_another_is_followed_to_its_end() {
        let text = "\
fn f(x: bool) {
    if x {
        // ANCHOR: yes
        yes();
        // ANCHOR_END: yes
    } else {
        no();
        never();
    }
}
";
        assert_eq!(
            select_in(text, &["yes"], "//").unwrap(),
            "fn f(x: bool) {\n    if x {\n        yes();\n    } else {\n        // --snip--\n    \
             }\n}"
        );
    }

    #[test]
    fn python_blocks_open_with_their_decorators_and_close_by_indentation() {
        let text = "\
import asyncio


@decorated
async def main():
    await setup()
    await more_setup()
    # ANCHOR: body
    await work()
    # ANCHOR_END: body
    print(\"done\")


asyncio.run(main())
";
        assert_eq!(
            select_in(text, &["body"], "#").unwrap(),
            "import asyncio\n\n\n@decorated\nasync def main():\n    # --snip--\n    await \
             work()\n# --snip--"
        );
    }

    #[test]
    fn parts_out_of_file_order_are_separate_excerpts() {
        let shown = select_all(&["other", "fetch"]).unwrap();
        assert_eq!(
            shown,
            "// --snip--\n\nfn other() {}\n\n// --snip--\n\nuse std::time::Duration;\n\nasync fn \
             fetch() {}\n\n// --snip--"
        );
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
