//! The preprocessor itself: every `{{#listing …}}` and `{{#output …}}` in the book's chapters
//! replaced, or, when any of them is wrong, every problem reported with its page and line
//! (`src/ch01-02-awaits-in-a-row.md:7: …`) and the build stopped. Mentions of listings in the
//! prose become links to their figures (`xref`). It runs before mdBook's links preprocessor, so
//! the line numbers are the page's own.

use crate::directive::{self, Directive, Kind};
use crate::request::Request;
use crate::workspace::Workspace;
use crate::xref::{self, Figures, Prose};
use crate::{figure, output};
use mdbook_preprocessor::book::Book;
use mdbook_preprocessor::errors::{Error, Result};
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

pub struct ListingPreprocessor;

impl Preprocessor for ListingPreprocessor {
    fn name(&self) -> &str {
        "listing"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book> {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let workspace = Workspace::load(&cargo, &ctx.root, None).map_err(Error::msg)?;
        expand(&mut book, &workspace, &ctx.config.book.src)
            .map_err(|problems| Error::msg(problems.join("\n")))?;
        Ok(book)
    }
}

/// Expands the directives of every chapter, or returns every problem found.
pub fn expand(book: &mut Book, workspace: &Workspace, src: &Path) -> Result<(), Vec<String>> {
    let mut page = Page {
        workspace,
        figures: Figures::collect(book, workspace),
        ids: HashMap::new(),
        problems: Vec::new(),
        shown: String::new(),
        path: PathBuf::new(),
    };
    book.for_each_chapter_mut(|chapter| {
        let (Some(source), Some(path)) = (&chapter.source_path, &chapter.path) else {
            return; // a draft chapter has no file and no content
        };
        page.shown = workspace.shown(&workspace.root.join(src).join(source));
        page.path = path.clone();
        chapter.content = page.expand(&chapter.content);
    });
    match page.problems.is_empty() {
        true => Ok(()),
        false => Err(page.problems),
    }
}

struct Page<'a> {
    workspace: &'a Workspace,
    /// Where every listing's figure is, for the links to it.
    figures: Figures,
    /// Where each figure id was defined so far, to refuse a listing shown twice.
    ids: HashMap<String, String>,
    problems: Vec<String>,
    /// The page being expanded, as the reader finds it in the repository.
    shown: String,
    /// The same page as mdBook knows it, relative to `src/`.
    path: PathBuf,
}

impl Page<'_> {
    fn expand(&mut self, text: &str) -> String {
        let mut lines = Vec::new();
        let mut prose = Prose::default();
        for (index, line) in text.split('\n').enumerate() {
            let at = format!("{}:{}", self.shown, index + 1);
            let is_prose = prose.is_prose(line);
            let expanded = self.expand_line(line, &at);
            match is_prose && expanded.lines().count() <= 1 {
                true => lines.push(xref::link(&expanded, &self.path, &self.figures)),
                false => lines.push(expanded),
            }
        }
        lines.join("\n")
    }

    fn expand_line(&mut self, line: &str, at: &str) -> String {
        let mut expanded = String::new();
        let mut copied = 0;
        for found in directive::find(line) {
            let directive = match found {
                Ok(directive) => directive,
                Err(malformed) => {
                    let problem = &malformed.problem;
                    self.problems
                        .push(format!("{at}: `{}…`: {problem}", malformed.text));
                    return line.to_owned();
                }
            };
            let written = &line[directive.start..directive.end];
            let replaced = match directive.kind {
                Kind::Listing if line.trim() != written => Err(
                    "a listing's figure stands on a line of its own, with nothing else on it"
                        .into(),
                ),
                Kind::Listing => {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    match self.figure(&directive, at) {
                        Ok(figure) => return indented(&figure, indent),
                        Err(problem) => Err(problem),
                    }
                }
                Kind::Output => self.value(&directive),
            };
            match replaced {
                Ok(text) => {
                    expanded.push_str(&line[copied..directive.start]);
                    expanded.push_str(&text);
                    if starts_a_list_item(&expanded, &line[directive.end..]) {
                        expanded.push('\\');
                    }
                    copied = directive.end;
                }
                Err(problem) => self.problems.push(format!("{at}: `{written}`: {problem}")),
            }
        }
        expanded.push_str(&line[copied..]);
        expanded
    }

    fn figure(&mut self, directive: &Directive, at: &str) -> Result<String, String> {
        let listing = self.listing(directive)?;
        let request = Request::parse(directive)?;
        let figure = figure::render(listing, self.workspace, &request)?;
        for id in &figure.ids {
            if let Some(first) = self.ids.get(id) {
                return Err(format!(
                    "#{id} is already shown at {first}; show each program of a listing once, so \
                     that links to its figure lead to one place"
                ));
            }
        }
        for id in &figure.ids {
            self.ids.insert(id.clone(), at.to_owned());
        }
        Ok(figure.markdown)
    }

    fn value(&self, directive: &Directive) -> Result<String, String> {
        let listing = self.listing(directive)?;
        let request = output::Request::parse(directive)?;
        let file = listing.expected_file_of(request.program);
        let shown = self.workspace.shown(&file);
        let text = fs::read_to_string(&file).map_err(|_| {
            format!("{shown} does not exist (`UPDATE_EXPECT=1 cargo test` writes it)")
        })?;
        output::evaluate(&request.query, &text).map_err(|problem| format!("{shown}: {problem}"))
    }

    fn listing(&self, directive: &Directive) -> Result<&crate::workspace::Listing, String> {
        self.workspace.find(&directive.number).ok_or_else(|| {
            let parts: Vec<String> = directive
                .number
                .split('-')
                .map(|part| format!("{:0>2}", part))
                .collect();
            format!(
                "there is no Listing {} (no package `listing-{}` under listings/)",
                directive.number,
                parts.join("-")
            )
        })
    }
}

/// The figure as a block of its own: a blank line on each side, every line indented like the
/// directive (inside a list item, say).
/// Whether a line that begins with a value, `1` then `. That…`, would read as an ordered list
/// item in Markdown, losing the value into the list's number: a value that wraps to the start of
/// a line must stay text, so the `.` or `)` after it is escaped.
fn starts_a_list_item(before_and_value: &str, after: &str) -> bool {
    let value = before_and_value.trim_start();
    let digits = !value.is_empty() && value.len() <= 9 && value.bytes().all(|b| b.is_ascii_digit());
    let mut rest = after.chars();
    let marker = matches!(rest.next(), Some('.' | ')'));
    digits && marker && rest.next().is_none_or(char::is_whitespace)
}

fn indented(markdown: &str, indent: &str) -> String {
    let lines = markdown.lines().map(|line| match line.is_empty() {
        true => String::new(),
        false => format!("{indent}{line}"),
    });
    let mut block = vec![String::new()];
    block.extend(lines);
    block.push(String::new());
    block.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::fixture;
    use mdbook_preprocessor::book::{BookItem, Chapter};

    /// The pages after expansion, or the problems.
    fn run(pages: &[(&str, &str)]) -> Result<Vec<String>, Vec<String>> {
        let fixture = fixture();
        let mut book = Book::new();
        for (path, text) in pages {
            book.push_item(Chapter::new(path, text.to_string(), path, Vec::new()));
        }
        book.push_item(Chapter::new_draft("not written yet", Vec::new()));
        expand(&mut book, &fixture.workspace, Path::new("src"))?;
        let contents = book.iter().filter_map(|item| match item {
            BookItem::Chapter(chapter) if chapter.path.is_some() => Some(chapter.content.clone()),
            _ => None,
        });
        Ok(contents.collect())
    }

    fn problems(text: &str) -> Vec<String> {
        run(&[("ch01.md", text)]).unwrap_err()
    }

    #[test]
    fn a_listing_becomes_its_figure_between_blank_lines() {
        let pages = run(&[("ch01.md", "Intro:\n{{#listing 1-2}}\nAfter.\n")]).unwrap();
        assert!(pages[0].starts_with("Intro:\n\n<figure id=\"listing-1-2\" class=\"listing\">\n"));
        assert!(pages[0].ends_with("\n</figure>\n\nAfter.\n"));
    }

    #[test]
    fn a_figure_in_a_list_item_is_indented_like_it() {
        let pages = run(&[("ch01.md", "- item\n\n  {{#listing 1-2}}\n")]).unwrap();
        assert!(pages[0].contains("\n  <figure id=\"listing-1-2\""));
        assert!(pages[0].contains("\n  ```rust\n  fn main() {\n      brew();\n  }\n  ```\n"));
        assert!(!pages[0].contains("\n  \n"), "blank lines stay empty");
    }

    #[test]
    fn outputs_are_replaced_inline() {
        let text = "It takes {{#output 1-3 last-ms}} ms; b starts at \
                    {{#output 1-3 ms=\"b: start\"}} ms, and the twin prints \
                    {{#output 1-3 lines program=twin}} lines.";
        assert_eq!(
            run(&[("ch01.md", text)]).unwrap()[0],
            "It takes 500 ms; b starts at 300 ms, and the twin prints 2 lines."
        );
    }

    #[test]
    fn a_value_that_starts_a_line_never_starts_a_list() {
        let text =
            "The twin prints\n{{#output 1-3 lines program=twin}}. Then\n{{#output 1-3 lines}}) x";
        assert_eq!(
            run(&[("ch01.md", text)]).unwrap()[0],
            "The twin prints\n2\\. Then\n4\\) x"
        );
        let inline = "It prints {{#output 1-3 lines}}. Then";
        assert_eq!(run(&[("ch01.md", inline)]).unwrap()[0], "It prints 4. Then");
    }

    #[test]
    fn escaped_and_foreign_directives_are_left_for_mdbook() {
        let text = "\\{{#listing 1-3}} and {{#include x.rs}} and \\{{#output 9-9 lines}}";
        assert_eq!(run(&[("ch01.md", text)]).unwrap()[0], text);
    }

    #[test]
    fn each_problem_names_the_page_the_line_and_the_directive() {
        let text = "\
{{#listing 9-9}}
see {{#listing 1-2}}
{{#output 1-3 lines}} {{#output 1-3 ms=\"start\"}}
{{#listing 1-3 anchors=nope program=rust}}
{{#listing 2-2 program=twin}}
{{#output 2-1 lines}}
{{#listing 1-3 oops
";
        assert_eq!(
            problems(text),
            [
                "src/ch01.md:1: `{{#listing 9-9}}`: there is no Listing 9-9 (no package \
                 `listing-09-09` under listings/)",
                "src/ch01.md:2: `{{#listing 1-2}}`: a listing's figure stands on a line of its \
                 own, with nothing else on it",
                "src/ch01.md:3: `{{#output 1-3 ms=\"start\"}}`: listings/ch01/listing-01-03/output.txt: \
                 `ms=\"start\"`: 2 stamped lines hold `start` (at 0, 300 ms); make the text name one line",
                "src/ch01.md:4: `{{#listing 1-3 anchors=nope program=rust}}`: \
                 listings/ch01/listing-01-03/src/main.rs has no `ANCHOR: nope` line (its anchors: \
                 fetch, main)",
                "src/ch01.md:5: `{{#listing 2-2 program=twin}}`: listings/ch02/listing-02-02/Cargo.toml: \
                 [package.metadata.listing] has no `twin-title = \"…\"`, which the caption of \
                 Listing 2-2's asyncio twin needs",
                "src/ch01.md:6: `{{#output 2-1 lines}}`: listings/ch02/listing-02-01/output.txt does \
                 not exist (`UPDATE_EXPECT=1 cargo test` writes it)",
                "src/ch01.md:7: `{{#listing 1-3 oops…`: no closing `}}` on this line",
            ]
        );
    }

    #[test]
    fn a_program_shown_twice_is_refused_across_pages() {
        let pages = [
            ("ch01.md", "{{#listing 1-3}}\n"),
            (
                "part/ch02.md",
                "\n{{#listing 1-3 program=twin}}\n{{#listing 1-2}}\n{{#listing 1-2}}\n",
            ),
        ];
        assert_eq!(
            run(&pages).unwrap_err(),
            [
                "src/part/ch02.md:2: `{{#listing 1-3 program=twin}}`: #listing-1-3-twin is already \
                 shown at src/ch01.md:1; show each program of a listing once, so that links to its \
                 figure lead to one place",
                "src/part/ch02.md:4: `{{#listing 1-2}}`: #listing-1-2 is already shown at \
                 src/part/ch02.md:3; show each program of a listing once, so that links to its \
                 figure lead to one place",
            ]
        );
    }

    #[test]
    fn the_rust_program_and_its_twin_may_stand_apart() {
        let pages = [(
            "ch01.md",
            "{{#listing 1-3 program=rust}}\n\nProse.\n\n{{#listing 1-3 program=twin}}\n",
        )];
        let page = &run(&pages).unwrap()[0];
        assert!(
            page.contains("<figure id=\"listing-1-3\"")
                && page.contains("<figure id=\"listing-1-3-twin\"")
        );
    }

    #[test]
    fn mentions_link_to_figures_on_other_pages() {
        let pages = [
            ("ch01.md", "Listing 1-2 is below.\n\n{{#listing 1-2}}\n"),
            (
                "ch02.md",
                "As Listing 1-2 showed (`Listing 1-2`), and Listing 1-3's twin:\n\n{{#listing 1-3 program=twin}}\n",
            ),
            ("ch03.md", "# Listing 1-2\n\nListings 1-2 and 1-3.\n"),
        ];
        let pages = run(&pages).unwrap();
        assert!(pages[0].starts_with("Listing 1-2 is below.\n"));
        assert!(pages[1].starts_with(
            "As [Listing 1-2](ch01.md#listing-1-2) showed (`Listing 1-2`), and Listing 1-3's twin:\n"
        ));
        assert_eq!(
            pages[2],
            "# Listing 1-2\n\nListings [1-2](ch01.md#listing-1-2) and [1-3](ch02.md#listing-1-3-twin).\n"
        );
    }
}
