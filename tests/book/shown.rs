//! Every listing, twin, support crate and exercise is shown in the book, the way a reader needs
//! it. A listing's figure (caption, code, checked output, timeline, twin) is rendered by the
//! book's preprocessor (`packages/mdbook-listing`) from one `{{#listing}}` line, so what is
//! checked here is what the preprocessor cannot see alone: that every program is shown by exactly
//! one directive, that every caption has its title, that every directive renders (the same
//! expansion `mdbook build` runs, with the page and line of each problem), and that no page
//! presents a listing's output or timeline by hand.

use crate::markdown::{Include, Page};
use crate::workspace::{Program, Workspace, is_expected_output};
use mdbook_listing::directive::{self, Kind};
use mdbook_listing::request::Request;
use mdbook_preprocessor::book::{Book, Chapter};
use std::path::Path;

/// Every support crate is included by some page, and every listing's Rust program and twin is
/// shown by exactly one `{{#listing}}` directive.
pub fn check_listings_shown(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    for krate in &workspace.support_crates {
        let all_includes = || pages.iter().flat_map(|page| &page.includes);
        if !all_includes().any(|include| include.target.starts_with(&krate.dir)) {
            problems.push(format!(
                "{}: no page includes this crate's code; show it in a chapter, or remove it",
                workspace.relative(&krate.dir).display()
            ));
        }
    }
    // Which programs each directive shows, by listing number, with where it stands.
    let mut shown: Vec<(String, Program, String)> = Vec::new();
    for page in pages {
        let shown_page = workspace.relative(&page.path).display().to_string();
        for (at, line) in page.lines.iter().enumerate() {
            for found in directive::find(line).into_iter().flatten() {
                if found.kind != Kind::Listing {
                    continue;
                }
                // A request that cannot be read is reported by `check_directives_render`.
                let Ok(request) = Request::parse(&found) else {
                    continue;
                };
                let place = format!("{shown_page}:{}", at + 1);
                let asked = request
                    .programs
                    .unwrap_or_else(|| vec![Program::Rust, Program::Twin]);
                for program in asked {
                    shown.push((found.number.clone(), program, place.clone()));
                }
            }
        }
    }
    for listing in &workspace.listings {
        for program in listing.programs() {
            let what = match program {
                Program::Rust => format!("{}", workspace.relative(&listing.krate.dir).display()),
                Program::Twin => format!(
                    "{}/twin.py",
                    workspace.relative(&listing.krate.dir).display()
                ),
            };
            let places: Vec<&str> = shown
                .iter()
                .filter(|(number, shows, _)| *number == listing.number() && *shows == program)
                .map(|(_, _, place)| place.as_str())
                .collect();
            match places.as_slice() {
                [] => problems.push(format!(
                    "{what}: no `{{{{#listing {}}}}}` directive shows this program; show it in a \
                     chapter, or remove it",
                    listing.number()
                )),
                [_] => {}
                more => problems.push(format!(
                    "{what}: shown by {} directives ({}); show each program once",
                    more.len(),
                    more.join(", ")
                )),
            }
        }
    }
}

/// Every listing has the title its caption shows, and a twin's title if it has a twin.
pub fn check_titles(workspace: &Workspace, problems: &mut Vec<String>) {
    for listing in &workspace.listings {
        let manifest = listing.krate.dir.join("Cargo.toml");
        let manifest = workspace.relative(&manifest).display();
        if listing.title.is_none() {
            problems.push(format!(
                "{manifest}: no `title = \"…\"` under [package.metadata.listing]; its caption \
                 says what the listing shows"
            ));
        }
        if listing.twin().is_some() && listing.twin_title.is_none() {
            problems.push(format!(
                "{manifest}: has a twin.py but no `twin-title = \"…\"` under \
                 [package.metadata.listing]"
            ));
        }
    }
}

/// Every page's directives render as `mdbook build` renders them, by the very same preprocessor:
/// a directive naming a listing, anchor or twin that does not exist is reported with its page,
/// line and directive.
pub fn check_directives_render(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    let src = workspace.root.join("src");
    let mut book = Book::new();
    for page in pages {
        let Ok(path) = page.path.strip_prefix(&src) else {
            continue;
        };
        let content = page.lines.join("\n");
        book.push_item(Chapter::new("", content, path, Vec::new()));
    }
    if let Err(found) = mdbook_listing::preprocess::expand(&mut book, workspace, Path::new("src")) {
        problems.extend(found);
    }
}

/// No page includes a listing's output or timeline by hand: its figure shows them, rendered from
/// the checked files.
pub fn check_no_hand_presentations(
    pages: &[Page],
    workspace: &Workspace,
    problems: &mut Vec<String>,
) {
    let by_hand = |include: &&Include| {
        is_expected_output(&include.target)
            || include
                .target
                .file_name()
                .is_some_and(|name| name == "timeline.svg")
    };
    for page in pages {
        let shown_page = workspace.relative(&page.path).display();
        for include in page.includes.iter().filter(by_hand) {
            problems.push(format!(
                "{shown_page}:{}: includes {} by hand; a `{{{{#listing}}}}` directive shows a \
                 listing's checked output and timeline",
                include.line,
                workspace.relative(&include.target).display()
            ));
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
