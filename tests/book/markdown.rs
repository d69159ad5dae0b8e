//! Reading the book's pages as mdbook will: which pages `SUMMARY.md` lists (a page missing from
//! it, or an entry whose page is missing, is a problem reported here), and in each page its
//! `{{#include}}` directives and its fenced code blocks, with their line numbers.

use crate::workspace::Workspace;
pub use mdbook_listing::paths::{files_with_extension, normalize_lexically};
use std::fs;
use std::path::{Path, PathBuf};

pub struct Page {
    pub path: PathBuf,
    pub lines: Vec<String>,
    pub includes: Vec<Include>,
    pub blocks: Vec<CodeBlock>,
}

pub struct Include {
    pub line: usize,
    pub target: PathBuf,
    pub selector: Selector,
}

pub enum Selector {
    WholeFile,
    Anchor(String),
    Lines { first: usize, last: Option<usize> },
}

pub struct CodeBlock {
    pub line: usize,
    pub language: String,
    pub body: Vec<String>,
}

/// Reads `src/SUMMARY.md` and every page it lists, in order. A page missing from the summary, or
/// a summary entry without its page, is a problem reported here.
pub fn load(workspace: &Workspace, problems: &mut Vec<String>) -> Vec<Page> {
    let src = workspace.root.join("src");
    let summary_path = src.join("SUMMARY.md");
    let Ok(summary) = fs::read_to_string(&summary_path) else {
        problems.push("src/SUMMARY.md: missing; mdbook needs it to know the book's pages".into());
        return Vec::new();
    };

    let mut listed = Vec::new();
    for (number, line) in summary.lines().enumerate() {
        for link in links(line) {
            if link.is_empty() {
                continue; // a draft chapter: listed in the contents, not written yet
            }
            let path = src.join(link);
            if path.is_file() {
                listed.push(path);
            } else {
                problems.push(format!(
                    "src/SUMMARY.md:{}: lists {link}, which does not exist",
                    number + 1
                ));
            }
        }
    }
    for page in files_with_extension(&src, "md") {
        if page != summary_path && !listed.contains(&page) {
            let shown = workspace.relative(&page).display();
            problems.push(format!(
                "{shown}: not listed in src/SUMMARY.md, so the book never shows it"
            ));
        }
    }
    let mut pages = Vec::new();
    for path in listed {
        match fs::read_to_string(&path) {
            Ok(text) => pages.push(parse_page(&path, &text)),
            Err(e) => problems.push(format!("{}: {e}", workspace.relative(&path).display())),
        }
    }
    pages
}

/// The targets of the `[text](target)` links on a summary line.
fn links(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        found.push(after[..end].trim());
        rest = &after[end..];
    }
    found
}

fn parse_page(path: &Path, text: &str) -> Page {
    let dir = path.parent().expect("a page has a folder");
    let mut includes = Vec::new();
    let mut blocks = Vec::new();
    let mut open: Option<(String, CodeBlock)> = None;

    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        includes.extend(directives(line).map(|(target, selector)| Include {
            line: number,
            target: normalize_lexically(&dir.join(target)),
            selector,
        }));
        let trimmed = line.trim_start();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let is_fence = fence.len() >= 3 && fence.chars().all(|c| c == fence.as_bytes()[0] as char);
        match (&mut open, is_fence) {
            (Some((opening, _)), true)
                if fence.starts_with(opening.as_str())
                    && trimmed[fence.len()..].trim().is_empty() =>
            {
                blocks.push(open.take().expect("a block is open").1);
            }
            (Some((_, block)), _) => block.body.push(line.to_owned()),
            (None, true) => {
                let info = trimmed[fence.len()..].trim();
                let language = info
                    .split([',', ' '])
                    .next()
                    .unwrap_or_default()
                    .to_lowercase();
                open = Some((
                    fence,
                    CodeBlock {
                        line: number,
                        language,
                        body: Vec::new(),
                    },
                ));
            }
            (None, false) => {}
        }
    }
    if let Some((_, block)) = open {
        blocks.push(block); // unclosed: checked like any other, and mdbook shows it to the end
    }
    Page {
        path: path.to_owned(),
        lines: text.lines().map(str::to_owned).collect(),
        includes,
        blocks,
    }
}

/// The `{{#include path[:selector]}}` directives on a line (and `rustdoc_include`), skipping
/// escaped ones (`\{{#include ...}}`).
pub fn directives(line: &str) -> impl Iterator<Item = (&str, Selector)> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("{{#") {
        let escaped = rest[..at].ends_with('\\');
        let after = &rest[at + 3..];
        let Some(end) = after.find("}}") else { break };
        let directive = after[..end].trim();
        rest = &after[end + 2..];
        let Some((name, argument)) = directive.split_once(char::is_whitespace) else {
            continue;
        };
        if escaped || !matches!(name, "include" | "rustdoc_include") {
            continue;
        }
        let argument = argument.trim();
        let (target, selector) = match argument.split_once(':') {
            None => (argument, Selector::WholeFile),
            Some((target, spec)) => (target, selector(spec)),
        };
        found.push((target, selector));
    }
    found.into_iter()
}

fn selector(spec: &str) -> Selector {
    let number = |text: &str| text.trim().parse::<usize>().ok();
    match spec.split_once(':') {
        None => match number(spec) {
            Some(line) => Selector::Lines {
                first: line,
                last: Some(line),
            },
            None => Selector::Anchor(spec.trim().to_owned()),
        },
        Some((first, last)) => Selector::Lines {
            first: number(first).unwrap_or(1),
            last: number(last),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        parse_page(Path::new("/book/src/page.md"), text)
    }

    #[test]
    fn finds_includes_with_their_selectors_and_skips_escaped_ones() {
        let page = page(
            "{{#include ../listings/a/src/main.rs:fetch}}\n\
             {{#rustdoc_include ../listings/a/src/main.rs:3:5}} \\{{#include nope.rs}}\n\
             {{#include ../listings/a/output.txt}} {{#include ../x.rs:7:}}\n",
        );
        let found: Vec<_> = page
            .includes
            .iter()
            .map(|i| (i.line, i.target.clone()))
            .collect();
        assert_eq!(found[0], (1, PathBuf::from("/book/listings/a/src/main.rs")));
        assert_eq!(found.len(), 4, "the escaped include is not one");
        assert!(matches!(&page.includes[0].selector, Selector::Anchor(name) if name == "fetch"));
        assert!(matches!(
            page.includes[1].selector,
            Selector::Lines {
                first: 3,
                last: Some(5)
            }
        ));
        assert!(matches!(page.includes[2].selector, Selector::WholeFile));
        assert!(matches!(
            page.includes[3].selector,
            Selector::Lines {
                first: 7,
                last: None
            }
        ));
    }

    #[test]
    fn reads_code_blocks_with_their_language_and_longer_fences() {
        let page =
            page("text\n```rust,ignore\nfn main() {}\n```\n````markdown\n```\n````\n~~~\nx\n");
        let blocks: Vec<_> = page
            .blocks
            .iter()
            .map(|b| (b.line, b.language.as_str(), b.body.len()))
            .collect();
        assert_eq!(blocks, [(2, "rust", 1), (5, "markdown", 1), (8, "", 1)]);
    }

    #[test]
    fn reads_the_summary_links() {
        assert_eq!(links("- [A](a.md) and [B](sub/b.md)"), ["a.md", "sub/b.md"]);
        assert_eq!(links("[Draft]()"), [""]);
    }
}
