//! Every listing, twin, support crate and exercise is shown in the book, the way a reader needs
//! it: a listing's program under its checked caption with its expected output right after its
//! code (and its timeline right after that output), every expected output in a code block, and
//! an exercise's solution on a page other than its starter's.

use crate::markdown::{Include, Page};
use crate::workspace::{Listing, Program, Workspace, is_expected_output};
use std::path::Path;

/// Every crate under `listings/` is shown in some page, and every program a listing shows (its
/// Rust code, and its asyncio twin if it has one) is presented with its caption above it
/// (`check_caption`) and its expected output right after it: wherever an expected output is
/// included, the include before it is of the same program's code, and at least one page
/// presents the program that way. (A page may still quote a few lines of a listing elsewhere
/// without its output.)
pub fn check_listings_shown(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    let all_includes = || pages.iter().flat_map(|page| &page.includes);
    for krate in &workspace.support_crates {
        if !all_includes().any(|include| include.target.starts_with(&krate.dir)) {
            problems.push(format!(
                "{}: no page includes this crate's code; show it in a chapter, or remove it",
                workspace.relative(&krate.dir).display()
            ));
        }
    }

    for listing in &workspace.listings {
        for program in listing.programs() {
            let is_code = |path: &Path| listing.is_code_of(program, path);
            let output = listing.expected_file_of(program);
            let shown_output = workspace.relative(&output).display();
            let what = match program {
                Program::Rust => format!("{}", workspace.relative(&listing.krate.dir).display()),
                Program::Twin => format!(
                    "{}/twin.py",
                    workspace.relative(&listing.krate.dir).display()
                ),
            };
            if !all_includes().any(|include| is_code(&include.target)) {
                problems.push(format!(
                    "{what}: no page includes this code; show it in a chapter, or remove it"
                ));
                continue;
            }
            let mut presented = false;
            for page in pages {
                let shown_page = workspace.relative(&page.path).display();
                for (at, include) in page.includes.iter().enumerate() {
                    if include.target != output {
                        continue;
                    }
                    if at > 0 && is_code(&page.includes[at - 1].target) {
                        presented = true;
                        // The caption stands above the first of the code includes before it.
                        let first = page.includes[..at]
                            .iter()
                            .rposition(|i| !is_code(&i.target))
                            .map_or(0, |before| before + 1);
                        let code = &page.includes[first];
                        if let Err(problem) = check_caption(page, code, listing, program, workspace)
                        {
                            problems.push(problem);
                        }
                    } else {
                        problems.push(format!(
                            "{shown_page}:{}: includes {shown_output}, but not right after the \
                             code of {what}; show the output directly under its code",
                            include.line
                        ));
                    }
                }
            }
            if !presented {
                problems.push(format!(
                    "{what}: its code is shown, but no page includes its output {shown_output} \
                     right after it"
                ));
            }
        }
        if listing.timeline.is_some() {
            check_timeline_shown(pages, workspace, listing, problems);
        }
    }
}

/// A listing's timeline is shown right under its output, outside any code block (mdBook passes
/// the inline SVG through as HTML).
fn check_timeline_shown(
    pages: &[Page],
    workspace: &Workspace,
    listing: &Listing,
    problems: &mut Vec<String>,
) {
    let timeline = listing.timeline_file();
    let shown_timeline = workspace.relative(&timeline).display();
    let output = listing.expected_file();
    let mut shown = false;
    for page in pages {
        let shown_page = workspace.relative(&page.path).display();
        for (at, include) in page.includes.iter().enumerate() {
            if include.target != timeline {
                continue;
            }
            shown = true;
            if at == 0 || page.includes[at - 1].target != output {
                problems.push(format!(
                    "{shown_page}:{}: includes {shown_timeline}, but not right after {}; show the \
                     timeline directly under the output it is drawn from",
                    include.line,
                    workspace.relative(&output).display()
                ));
            }
            if page.block_holding(include.line).is_some() {
                problems.push(format!(
                    "{shown_page}:{}: includes {shown_timeline} inside a code block, which would \
                     show the SVG's source; include it on a line of its own",
                    include.line
                ));
            }
        }
    }
    if !shown {
        problems.push(format!(
            "{}: declares a timeline, but no page includes {shown_timeline}",
            listing.name()
        ));
    }
}

/// An expected output lives in a code block, where mdbook shows it verbatim.
pub fn check_outputs_in_blocks(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    for page in pages {
        let shown_page = workspace.relative(&page.path).display();
        for include in page
            .includes
            .iter()
            .filter(|i| is_expected_output(&i.target))
        {
            let in_block = page
                .block_holding(include.line)
                .is_some_and(|block| !matches!(block.language.as_str(), "rust" | "rs"));
            if !in_block {
                problems.push(format!(
                    "{shown_page}:{}: includes {} outside a `text` code block, where mdbook \
                     would render it as prose",
                    include.line,
                    workspace.relative(&include.target).display()
                ));
            }
        }
    }
}

/// Every exercise shows its starter and its tests, and its solution on a page of its own, so a
/// reader working on the exercise does not see the answer by scrolling.
pub fn check_exercises_shown(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    for exercise in &workspace.exercises {
        let shown = workspace.relative(&exercise.dir).display();
        let pages_showing = |path: &Path| -> Vec<&Page> {
            let wanted = |include: &Include| include.target.starts_with(path);
            pages
                .iter()
                .filter(|page| page.includes.iter().any(wanted))
                .collect()
        };
        let starter = pages_showing(&exercise.dir.join("src/starter.rs"));
        let tests = pages_showing(&exercise.dir.join("tests"));
        let solution = pages_showing(&exercise.dir.join("src/solution.rs"));
        for (part, showing) in [
            ("src/starter.rs", &starter),
            ("tests/", &tests),
            ("src/solution.rs", &solution),
        ] {
            if showing.is_empty() {
                problems.push(format!("{shown}: no page includes its {part}"));
            }
        }
        for page in &solution {
            if starter.iter().any(|other| other.path == page.path) {
                problems.push(format!(
                    "{}: shows both the starter and the solution of {}; put the solution on \
                     a page of its own",
                    workspace.relative(&page.path).display(),
                    exercise.name
                ));
            }
        }
    }
}

/// Every listing's program is presented under a caption of one form, with its number, what it
/// shows, its file and the command that runs it:
///
/// ```text
/// **Listing 1-3: Two awaits in a row take the sum of their times**\
/// File: `listings/ch01-await-is-not-a-fork/listing-01-03/src/main.rs` · Run: `cargo run -p listing-01-03`
/// ```
fn check_caption(
    page: &Page,
    code: &Include,
    listing: &Listing,
    program: Program,
    workspace: &Workspace,
) -> Result<(), String> {
    let title = match program {
        Program::Rust => format!("**Listing {}: ", listing.number()),
        Program::Twin => format!("**Listing {}, asyncio twin: ", listing.number()),
    };
    let file = workspace.relative(&code.target).display().to_string();
    let command = listing.command(program, workspace);
    let verb = match command.starts_with("cargo build") {
        true => "Build",
        false => "Run",
    };
    let details = format!("File: `{file}` · {verb}: `{command}`");
    // The caption is the paragraph that ends just above the code block holding the include.
    let fence = page
        .block_holding(code.line)
        .map_or(code.line, |block| block.line);
    let paragraph: Vec<&str> = page.lines[..fence - 1]
        .iter()
        .rev()
        .skip_while(|line| line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right = paragraph.len() == 2
        && paragraph[0].starts_with(&title)
        && paragraph[0].ends_with("**\\")
        && paragraph[1] == details;
    match right {
        true => Ok(()),
        false => Err(format!(
            "{}:{fence}: the caption above this listing must be, on two lines:\n    \
             {title}<what it shows>**\\\n    {details}",
            workspace.relative(&page.path).display()
        )),
    }
}
