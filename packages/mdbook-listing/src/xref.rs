//! Links to figures: each "Listing 1-3" (or "Listings 3-1 and 3-2") in a page's prose that
//! another page shows becomes a link to its figure, `ch01-02-awaits-in-a-row.md#listing-1-3`,
//! which mdBook turns into a link to the HTML page. Code (fenced blocks and code spans), link
//! texts and destinations, headings and HTML stay as written; a listing shown on the same page
//! is a scroll away, and stays plain text.

use crate::directive::{self, Kind};
use crate::figure;
use crate::request::Request;
use crate::workspace::{Program, Workspace};
use mdbook_preprocessor::book::Book;
use regex::{Captures, Regex};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bListings? \d+-\d+(?:(?:,? and |, | to | or )\d+-\d+)*\b")
        .expect("a valid pattern")
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+-\d+").expect("a valid pattern"));

/// Where each listing's figure is: its chapter's path (relative to `src/`) and the figure's id,
/// the Rust program's figure if the book has one, else the twin's.
#[derive(Default)]
pub struct Figures(HashMap<String, (PathBuf, String)>);

impl Figures {
    /// Reads every page's `{{#listing}}` directives; a wrong one is left for the expansion to
    /// report.
    pub fn collect(book: &Book, workspace: &Workspace) -> Figures {
        let mut figures = Figures::default();
        for chapter in book.chapters() {
            let Some(path) = &chapter.path else { continue };
            for line in chapter.content.lines() {
                for found in directive::find(line).into_iter().flatten() {
                    let listing = workspace.find(&found.number);
                    let request = Request::parse(&found);
                    let (Kind::Listing, Some(listing), Ok(request)) =
                        (found.kind, listing, request)
                    else {
                        continue;
                    };
                    let rust = request
                        .programs
                        .as_ref()
                        .is_none_or(|p| p.contains(&Program::Rust));
                    let program = if rust { Program::Rust } else { Program::Twin };
                    let entry = figures.0.entry(found.number.clone());
                    let here = (path.clone(), figure::id(listing, program));
                    match entry {
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(here);
                        }
                        std::collections::hash_map::Entry::Occupied(mut slot) if rust => {
                            slot.insert(here);
                        }
                        _ => {}
                    }
                }
            }
        }
        figures
    }

    pub fn insert(&mut self, number: &str, page: &str, id: &str) {
        self.0
            .insert(number.to_owned(), (PathBuf::from(page), id.to_owned()));
    }
}

/// Tracks, line by line, whether a page's line is prose: not inside a fenced code block or an
/// HTML block, and not a heading.
#[derive(Default)]
pub struct Prose {
    fence: Option<String>,
    html: bool,
}

impl Prose {
    pub fn is_prose(&mut self, line: &str) -> bool {
        let trimmed = line.trim_start();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let is_fence = fence.len() >= 3 && fence.chars().all(|c| fence.starts_with(c));
        if let Some(open) = &self.fence {
            if is_fence
                && fence.starts_with(open.as_str())
                && trimmed[fence.len()..].trim().is_empty()
            {
                self.fence = None;
            }
            return false;
        }
        if is_fence {
            self.fence = Some(fence);
            return false;
        }
        if trimmed.is_empty() {
            self.html = false;
            return false;
        }
        if trimmed.starts_with('<') {
            self.html = true;
        }
        !self.html && !trimmed.starts_with('#')
    }
}

/// The line with its mentions of listings shown on other pages linked to them. `page` is the
/// chapter's path relative to `src/`.
pub fn link(line: &str, page: &Path, figures: &Figures) -> String {
    let mut out = String::new();
    let mut prose = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let verbatim = match c {
            '`' => code_span(rest),
            '[' => Some(link_span(rest)),
            '<' => Some(rest.find('>').map_or(rest.len(), |end| end + 1)),
            _ => None,
        };
        match verbatim {
            Some(length) => {
                out.push_str(&link_prose(&prose, page, figures));
                prose.clear();
                out.push_str(&rest[..length]);
                rest = &rest[length..];
            }
            None => {
                let length = if c == '`' {
                    rest.len() - rest.trim_start_matches('`').len()
                } else {
                    c.len_utf8()
                };
                prose.push_str(&rest[..length]);
                rest = &rest[length..];
            }
        }
    }
    out.push_str(&link_prose(&prose, page, figures));
    out
}

/// The length of a code span opening `text`, if it closes on this line.
fn code_span(text: &str) -> Option<usize> {
    let ticks = text.len() - text.trim_start_matches('`').len();
    let fence = &text[..ticks];
    let mut from = ticks;
    while let Some(at) = text[from..].find(fence) {
        let at = from + at;
        let run = text[at..].len() - text[at..].trim_start_matches('`').len();
        if run == ticks {
            return Some(at + ticks);
        }
        from = at + run;
    }
    None
}

/// The length of `[text]`, with its `(destination)` or `[reference]` if one follows; to the end
/// of the line if the brackets do not close on it.
fn link_span(text: &str) -> usize {
    let close = |text: &str, open: char, close: char| -> Option<usize> {
        let mut depth = 0;
        for (index, c) in text.char_indices() {
            match c {
                c if c == open => depth += 1,
                c if c == close => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(index + 1);
                    }
                }
                _ => {}
            }
        }
        None
    };
    let Some(end) = close(text, '[', ']') else {
        return text.len();
    };
    match text[end..].chars().next() {
        Some('(') => close(&text[end..], '(', ')').map_or(text.len(), |more| end + more),
        Some('[') => close(&text[end..], '[', ']').map_or(text.len(), |more| end + more),
        _ => end,
    }
}

fn link_prose(prose: &str, page: &Path, figures: &Figures) -> String {
    MENTION
        .replace_all(prose, |mention: &Captures| {
            let text = &mention[0];
            let targets = |number: &str| {
                figures
                    .0
                    .get(number)
                    .filter(|(shown_on, _)| shown_on != page)
                    .map(|(shown_on, id)| format!("{}#{id}", relative(page, shown_on).display()))
            };
            if !text.starts_with("Listings") {
                let number = &text["Listing ".len()..];
                return match targets(number) {
                    Some(target) => format!("[{text}]({target})"),
                    None => text.to_owned(),
                };
            }
            NUMBER
                .replace_all(text, |number: &Captures| match targets(&number[0]) {
                    Some(target) => format!("[{}]({target})", &number[0]),
                    None => number[0].to_owned(),
                })
                .into_owned()
        })
        .into_owned()
}

/// `to` as a link from the page `from`, both relative to `src/`.
fn relative(from: &Path, to: &Path) -> PathBuf {
    let from_dir: Vec<Component> = from
        .parent()
        .map(|dir| dir.components().collect())
        .unwrap_or_default();
    let to_parts: Vec<Component> = to.components().collect();
    let shared = from_dir
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut path = PathBuf::new();
    for _ in shared..from_dir.len() {
        path.push("..");
    }
    for part in &to_parts[shared..] {
        path.push(part);
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Figures {
        let mut figures = Figures::default();
        figures.insert("1-3", "ch01-02.md", "listing-1-3");
        figures.insert("3-1", "part/ch03.md", "listing-3-1");
        figures.insert("3-2", "part/ch03.md", "listing-3-2-twin");
        figures
    }

    fn linked(line: &str, page: &str) -> String {
        link(line, Path::new(page), &figures())
    }

    #[test]
    fn mentions_of_listings_on_other_pages_become_links() {
        assert_eq!(
            linked(
                "As Listing 1-3 showed, and Listings 3-1 and 3-2 too.",
                "ch04.md"
            ),
            "As [Listing 1-3](ch01-02.md#listing-1-3) showed, and Listings \
             [3-1](part/ch03.md#listing-3-1) and [3-2](part/ch03.md#listing-3-2-twin) too."
        );
        assert_eq!(
            linked(
                "Listing 1-3's twin, Listings 3-1, 3-2 and 9-9.",
                "part/ch05.md"
            ),
            "[Listing 1-3](../ch01-02.md#listing-1-3)'s twin, Listings [3-1](ch03.md#listing-3-1), \
             [3-2](ch03.md#listing-3-2-twin) and 9-9."
        );
    }

    #[test]
    fn same_page_code_links_and_html_stay_as_written() {
        for line in [
            "Listing 1-3 is just above.",
            "`Listing 3-1` and ``a ` Listing 3-1`` in code",
            "[Listing 3-1](elsewhere.md) and [see Listing 3-1][ref]",
            "<span title=\"Listing 3-1\">",
            "Listing 10-13 and Listing 31-1 and Listing 1-30",
        ] {
            assert_eq!(linked(line, "ch01-02.md"), line);
        }
    }

    #[test]
    fn prose_lines_are_outside_code_html_and_headings() {
        let page = "# Listing 1-3\ntext\n```rust\nListing 1-3\n```\n\n<div>\nListing 1-3\n\n  text\n~~~~\n```\n~~~~\n";
        let mut prose = Prose::default();
        let kinds: Vec<bool> = page.lines().map(|line| prose.is_prose(line)).collect();
        assert_eq!(
            kinds,
            [
                false, true, false, false, false, false, false, false, false, true, false, false,
                false
            ]
        );
    }
}
