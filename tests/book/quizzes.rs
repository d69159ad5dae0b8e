//! Every question of a listing's quiz (`quiz.toml`, read by the book's preprocessor:
//! `packages/mdbook-listing/src/quiz.rs`) is seen by a reader. A question renders inside the
//! figure of the program it asks about, so one about a program that no `{{#listing}}` directive
//! shows would be silently invisible: that is a problem here, naming the file and the question.
//! Everything else about a shown question (its format, its key against the checked output) is
//! checked where its figure renders, by `shown::check_directives_render`, as `mdbook build`
//! checks it.

use crate::markdown::Page;
use crate::workspace::Workspace;
use mdbook_listing::directive::{self, Kind};
use mdbook_listing::quiz;
use mdbook_listing::request::Request;
use mdbook_listing::workspace::Program;

pub fn check_quizzes_shown(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    // The programs each directive shows, by listing number. A directive that cannot be read is
    // reported by `shown::check_directives_render`.
    let mut shown: Vec<(String, Program)> = Vec::new();
    for line in pages.iter().flat_map(|page| &page.lines) {
        for found in directive::find(line).into_iter().flatten() {
            let Ok(request) = Request::parse(&found) else {
                continue;
            };
            if found.kind == Kind::Listing {
                let programs = request
                    .programs
                    .unwrap_or_else(|| vec![Program::Rust, Program::Twin]);
                shown.extend(programs.into_iter().map(|p| (found.number.clone(), p)));
            }
        }
    }
    for listing in &workspace.listings {
        let number = listing.number();
        let is_shown = |program| shown.contains(&(number.clone(), program));
        let questions = match quiz::load(listing, workspace) {
            Ok(Some(questions)) => questions,
            Ok(None) => continue,
            // A figure that shows the listing reports this where it stands, with its page.
            Err(_) if is_shown(Program::Rust) || is_shown(Program::Twin) => continue,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let file = workspace
            .relative(&quiz::file(listing))
            .display()
            .to_string();
        for question in questions.iter().filter(|q| !is_shown(q.of)) {
            let program = match question.of {
                Program::Rust => format!("Listing {number}"),
                Program::Twin => format!("the asyncio twin of Listing {number}"),
            };
            problems.push(format!(
                "{file}: Listing {number}, question {}: it asks about {program}, which no \
                 `{{{{#listing {number}}}}}` directive shows, so no reader would see it; show \
                 the listing, or move the question to one the book shows",
                question.id
            ));
        }
    }
}
