//! The migration of a page from hand-typed presentations to directives. A presentation, as the
//! harness checked it before this preprocessor, is
//!
//! ~~~text
//! **Listing 1-3: Two awaits in a row take the sum of their times**\
//! File: `listings/…/listing-01-03/src/main.rs` · Run: `cargo run -p listing-01-03`
//!
//! ```rust
//! {{#include ../listings/…/listing-01-03/src/main.rs:fetch}}
//! ```                                  (one block per anchor)
//!
//! Output, as checked by `cargo test`:
//!
//! ```text
//! {{#include ../listings/…/listing-01-03/output.txt}}
//! ```
//!
//! {{#include ../listings/…/listing-01-03/timeline.svg}}     (if it declares one)
//! ~~~
//!
//! and the same with `**Listing 1-3, asyncio twin: …**` for a twin. Each becomes one line,
//! `{{#listing 1-3 anchors=fetch,main program=rust}}`, and its title goes to the listing's
//! `Cargo.toml`. Only a presentation whose every part is what the preprocessor would render is
//! rewritten; any other is left as it is and reported, so a run changes nothing it should not,
//! and a second run changes nothing at all.

use crate::paths::normalize_lexically;
use crate::workspace::{Listing, MAIN_FILE, Program, TWIN_FILE, Workspace};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\*\*Listing (\d+-\d+)(, asyncio twin)?: (.+)\*\*\\$").expect("a valid pattern")
});
static DETAILS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^File: `([^`]+)` · (Run|Build): `([^`]+)`$").expect("a valid pattern")
});
static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\{\{#include ([^:}]+)(?::([\w-]+))?\}\}$").expect("a valid pattern")
});
const OUTPUT_LABEL: &str = "Output, as checked by `cargo test`:";

/// A presentation found on a page, rewritten or not.
#[derive(Debug, PartialEq)]
pub struct Found {
    /// Its caption's line, counted from 1.
    pub line: usize,
    pub number: String,
    pub program: Program,
    pub title: String,
    /// The directive that replaced it, or why it was left alone.
    pub outcome: Result<String, String>,
}

/// A page's new text, and the presentations found on it.
pub struct Migrated {
    pub text: String,
    pub found: Vec<Found>,
}

/// Rewrites the presentations of one page; `page` is its path, for resolving its includes.
pub fn page(text: &str, page: &Path, workspace: &Workspace) -> Migrated {
    let dir = page.parent().unwrap_or(Path::new("."));
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some(caption) = CAPTION.captures(lines[index]) else {
            out.push(lines[index].to_owned());
            index += 1;
            continue;
        };
        let program = match caption.get(2) {
            Some(_) => Program::Twin,
            None => Program::Rust,
        };
        let number = caption[1].to_owned();
        let parsed = Parts::read(&lines, index, dir);
        let outcome = parsed.and_then(|parts| {
            let listing = workspace
                .find(&number)
                .ok_or_else(|| format!("there is no Listing {number} in the workspace"))?;
            let directive = parts.directive(listing, program, workspace)?;
            Ok((directive, parts.end))
        });
        found.push(Found {
            line: index + 1,
            number,
            program,
            title: caption[3].to_owned(),
            outcome: outcome
                .as_ref()
                .map(|(directive, _)| directive.clone())
                .map_err(Clone::clone),
        });
        match outcome {
            Ok((directive, end)) => {
                out.push(directive);
                index = end;
            }
            Err(_) => {
                out.push(lines[index].to_owned());
                index += 1;
            }
        }
    }
    Migrated {
        text: out.join("\n"),
        found,
    }
}

/// The parts of a presentation, as written, from its caption to its last include.
struct Parts {
    file: String,
    verb: String,
    command: String,
    /// Each code block's include: the file, and its anchor if it has one.
    code: Vec<(PathBuf, Option<String>)>,
    output: PathBuf,
    timeline: Option<PathBuf>,
    /// The index of the first line after the presentation.
    end: usize,
}

impl Parts {
    fn read(lines: &[&str], caption: usize, dir: &Path) -> Result<Parts, String> {
        let details = lines
            .get(caption + 1)
            .and_then(|line| DETAILS.captures(line));
        let details = details.ok_or("the line under the caption is not `File: … · Run: …`")?;
        let mut at = caption + 2;
        let skip_blank = |at: &mut usize| {
            while lines.get(*at).is_some_and(|line| line.trim().is_empty()) {
                *at += 1;
            }
        };
        // One include alone in a block fenced with exactly three backticks.
        let block = |at: usize, language: &str| -> Option<(PathBuf, Option<String>)> {
            let fence = format!("```{language}");
            let ok = lines.get(at) == Some(&fence.as_str()) && lines.get(at + 2) == Some(&"```");
            let include = INCLUDE.captures(lines.get(at + 1)?.trim()).filter(|_| ok)?;
            let path = normalize_lexically(&dir.join(&include[1]));
            Some((
                path,
                include.get(2).map(|anchor| anchor.as_str().to_owned()),
            ))
        };
        let mut code = Vec::new();
        loop {
            skip_blank(&mut at);
            match ["rust", "python"]
                .iter()
                .find_map(|language| block(at, language))
            {
                Some(include) => {
                    code.push(include);
                    at += 3;
                }
                None => break,
            }
        }
        if code.is_empty() {
            return Err("no code block holding one include follows the caption".into());
        }
        if lines.get(at) != Some(&OUTPUT_LABEL) {
            return Err(format!("the code is not followed by \"{OUTPUT_LABEL}\""));
        }
        at += 1;
        skip_blank(&mut at);
        let (output, None) =
            block(at, "text").ok_or("the output is not one include in a `text` block")?
        else {
            return Err("the output's include names an anchor".into());
        };
        at += 3;
        let mut end = at;
        skip_blank(&mut at);
        let timeline = match lines.get(at).and_then(|line| INCLUDE.captures(line)) {
            Some(include) if include[1].ends_with("/timeline.svg") => {
                end = at + 1;
                Some(normalize_lexically(&dir.join(&include[1])))
            }
            _ => None,
        };
        Ok(Parts {
            file: details[1].to_owned(),
            verb: details[2].to_owned(),
            command: details[3].to_owned(),
            code,
            output,
            timeline,
            end,
        })
    }

    /// The directive that renders these parts, if it renders exactly them.
    fn directive(
        &self,
        listing: &Listing,
        program: Program,
        workspace: &Workspace,
    ) -> Result<String, String> {
        let number = listing.number();
        let (file, _) = &self.code[0];
        if self.code.iter().any(|(other, _)| other != file) {
            return Err("its code blocks include more than one file".into());
        }
        let anchors: Vec<&str> = self
            .code
            .iter()
            .filter_map(|(_, anchor)| anchor.as_deref())
            .collect();
        if !anchors.is_empty() && anchors.len() != self.code.len() {
            return Err("it shows a whole file and anchors of it".into());
        }
        let shown = workspace.shown(file);
        if shown != self.file {
            return Err(format!(
                "its caption names {}, but its code is {shown}",
                self.file
            ));
        }
        let (verb, command) = (listing.verb(program), listing.command(program, workspace));
        if (verb, command.as_str()) != (self.verb.as_str(), self.command.as_str()) {
            return Err(format!(
                "its caption says `{}: {}`, not `{verb}: {command}`",
                self.verb, self.command
            ));
        }
        if self.output != listing.expected_file_of(program) {
            return Err(format!(
                "its output is {}, not its own",
                workspace.shown(&self.output)
            ));
        }
        let wants_timeline = program == Program::Rust && listing.timeline.is_some();
        match (&self.timeline, wants_timeline) {
            (Some(path), true) if *path == listing.timeline_file() => {}
            (None, false) => {}
            (Some(path), _) => {
                return Err(format!(
                    "it shows {}, not its own timeline",
                    workspace.shown(path)
                ));
            }
            (None, true) => {
                return Err("it declares a timeline, but the page does not show it".into());
            }
        }
        let mut directive = format!("{{{{#listing {number}");
        match program {
            Program::Rust => {
                let relative = file
                    .strip_prefix(&listing.krate.dir)
                    .map_err(|_| format!("{shown} is not in its crate"))?;
                if relative != Path::new(MAIN_FILE) {
                    directive.push_str(&format!(" file={}", workspace.shown(relative)));
                }
                if !anchors.is_empty() {
                    directive.push_str(&format!(" anchors={}", anchors.join(",")));
                }
            }
            Program::Twin => {
                if *file != listing.krate.dir.join(TWIN_FILE) {
                    return Err(format!("its code is {shown}, not the twin"));
                }
                if !anchors.is_empty() {
                    directive.push_str(&format!(" twin-anchors={}", anchors.join(",")));
                }
            }
        }
        if listing.twin().is_some() {
            directive.push_str(match program {
                Program::Rust => " program=rust",
                Program::Twin => " program=twin",
            });
        }
        directive.push_str("}}");
        Ok(directive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::fixture;

    const L13: &str = "../listings/ch01/listing-01-03";

    fn presentation(
        caption: &str,
        details: &str,
        code: &[&str],
        output: &str,
        timeline: bool,
    ) -> String {
        let mut text = format!("{caption}\\\n{details}\n\n");
        for include in code {
            let language = if include.ends_with(".py") {
                "python"
            } else {
                "rust"
            };
            text += &format!("```{language}\n{{{{#include {include}}}}}\n```\n\n");
        }
        text += &format!(
            "Output, as checked by `cargo test`:\n\n```text\n{{{{#include {output}}}}}\n```\n"
        );
        if timeline {
            text += &format!("\n{{{{#include {L13}/timeline.svg}}}}\n");
        }
        text
    }

    fn rust_1_3(command: &str, timeline: bool) -> String {
        presentation(
            "**Listing 1-3: Two awaits in a row take the sum**",
            &format!("File: `listings/ch01/listing-01-03/src/main.rs` · {command}"),
            &[
                &format!("{L13}/src/main.rs:fetch"),
                &format!("{L13}/src/main.rs:main"),
            ],
            &format!("{L13}/output.txt"),
            timeline,
        )
    }

    fn migrate(text: &str) -> Migrated {
        let fixture = fixture();
        let page_path = fixture.workspace.root.join("src/ch01.md");
        page(text, &page_path, &fixture.workspace)
    }

    #[test]
    fn rewrites_each_presentation_into_one_directive() {
        let twin = presentation(
            "**Listing 1-3, asyncio twin: the same in asyncio**",
            "File: `listings/ch01/listing-01-03/twin.py` · Run: `PYTHONPATH=listings/common/vclock \
             python3 listings/ch01/listing-01-03/twin.py`",
            &[&format!("{L13}/twin.py")],
            &format!("{L13}/twin-output.txt"),
            false,
        );
        let built = presentation(
            "**Listing 1-2: Forgetting `.await` (does not compile)**",
            "File: `listings/ch01/listing-01-02/src/main.rs` · Build: `cargo build -p listing-01-02`",
            &["../listings/ch01/listing-01-02/src/main.rs"],
            "../listings/ch01/listing-01-02/output.txt",
            false,
        );
        let text = format!(
            "# Page\n\nLead-in:\n\n{}\nWhat to notice.\n\n{twin}\nProse.\n\n{built}\nEnd.\n",
            rust_1_3("Run: `cargo run -p listing-01-03`", true)
        );
        let migrated = migrate(&text);
        assert_eq!(
            migrated.text,
            "# Page\n\nLead-in:\n\n{{#listing 1-3 anchors=fetch,main program=rust}}\n\nWhat to notice.\n\n\
             {{#listing 1-3 program=twin}}\n\nProse.\n\n{{#listing 1-2}}\n\nEnd.\n"
        );
        let titles: Vec<(&str, Program, &str, usize)> = migrated
            .found
            .iter()
            .map(|f| (f.number.as_str(), f.program, f.title.as_str(), f.line))
            .collect();
        assert_eq!(
            titles,
            [
                ("1-3", Program::Rust, "Two awaits in a row take the sum", 5),
                ("1-3", Program::Twin, "the same in asyncio", 26),
                (
                    "1-2",
                    Program::Rust,
                    "Forgetting `.await` (does not compile)",
                    41
                ),
            ]
        );
        assert!(migrated.found.iter().all(|f| f.outcome.is_ok()));
        let again = migrate(&migrated.text);
        assert_eq!(again.text, migrated.text);
        assert!(again.found.is_empty());
    }

    #[test]
    fn leaves_alone_what_it_would_not_render_the_same() {
        let reason = |text: &str| {
            let migrated = migrate(text);
            assert_eq!(migrated.text, text);
            migrated.found[0].outcome.clone().unwrap_err()
        };
        assert_eq!(
            reason(&rust_1_3("Run: `cargo run -p listing-1-3`", true)),
            "its caption says `Run: cargo run -p listing-1-3`, not `Run: cargo run -p listing-01-03`"
        );
        assert_eq!(
            reason(&rust_1_3("Run: `cargo run -p listing-01-03`", false)),
            "it declares a timeline, but the page does not show it"
        );
        assert_eq!(
            reason("**Listing 1-3: T**\\\nSomething else\n"),
            "the line under the caption is not `File: … · Run: …`"
        );
        let prose_between = rust_1_3("Run: `cargo run -p listing-01-03`", true)
            .replace("Output, as checked", "Some prose.\n\nOutput, as checked");
        assert_eq!(
            reason(&prose_between),
            "the code is not followed by \"Output, as checked by `cargo test`:\""
        );
        let other_output = rust_1_3("Run: `cargo run -p listing-01-03`", true)
            .replace("/output.txt", "/twin-output.txt");
        assert_eq!(
            reason(&other_output),
            "its output is listings/ch01/listing-01-03/twin-output.txt, not its own"
        );
    }
}
