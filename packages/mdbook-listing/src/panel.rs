//! One program of a listing's figure, the Rust crate or its asyncio twin: the parts of its
//! caption (title, file, command) and its body, the code, the checked output under its label,
//! and for the Rust program the timeline it declares. Everything missing is an error that names
//! the file to write.

use crate::anchors;
use crate::markdown::{fenced, shield};
use crate::quiz;
use crate::request::Request;
use crate::workspace::{self, Listing, MAIN_FILE, Program, TWIN_FILE, Workspace};
use std::fs;
use std::path::{Component, Path, PathBuf};

/// One program of the figure: its caption parts and its body (code, output, timeline).
pub struct Panel {
    program: Program,
    title: String,
    file: String,
    verb: &'static str,
    command: String,
    pub body: Vec<String>,
}

impl Panel {
    pub fn new(
        listing: &Listing,
        workspace: &Workspace,
        request: &Request,
        program: Program,
    ) -> Result<Panel, String> {
        let title = title(listing, workspace, program)?;
        let (path, code) = code(listing, workspace, request, program)?;
        let language = match program {
            Program::Rust => "rust",
            Program::Twin => "python",
        };
        let mut body = fenced(language, &code);
        let quiz = quiz::part(listing, workspace, program)?;
        body.extend(quiz.before_output);
        body.extend([
            String::new(),
            label(listing, program).to_owned(),
            String::new(),
        ]);
        body.extend(fenced("text", &output(listing, workspace, program)?));
        if program == Program::Rust && listing.timeline.is_some() {
            body.extend([String::new(), timeline(listing, workspace)?]);
        }
        body.extend(quiz.after_output);
        // A listing meant not to compile is captioned with `cargo run` like any other (which
        // shows the same error): the caption must not answer a quiz's "does it compile?".
        let (verb, command) = match program {
            Program::Rust => ("Run", format!("cargo run -p {}", listing.name())),
            Program::Twin => (listing.verb(program), listing.command(program, workspace)),
        };
        Ok(Panel {
            program,
            title,
            file: workspace.shown(&path),
            verb,
            command,
            body,
        })
    }

    /// `**Listing 1-3: …**` alone, `**Listing 1-3, asyncio twin: …**` for a twin alone, and in
    /// a figure of both programs `**asyncio twin:** …` at the top of the twin's panel.
    pub fn caption(&self, number: &str, alone: bool) -> String {
        match (self.program, alone) {
            (Program::Rust, _) => format!("**Listing {number}: {}**", self.title),
            (Program::Twin, true) => format!("**Listing {number}, asyncio twin: {}**", self.title),
            (Program::Twin, false) => format!("**asyncio twin:** {}", self.title),
        }
    }

    /// `File: … · Run: …`, the file and the command as inline code that breaks only after a
    /// `/`, so that a narrow screen never splits a name or a flag (`cargo run -` / `p …`).
    pub fn meta(&self) -> String {
        format!(
            "File: {} · {}: {}",
            unbroken("listing-file", &self.file),
            self.verb,
            unbroken("listing-command", &self.command)
        )
    }
}

/// `text` as `<code class="{class}">`, in pieces that `listing.css` keeps on one line each
/// (`.listing-unbroken`), with a line break allowed after each `/`. The pieces are escaped for
/// HTML, and for Markdown, which still reads the text between inline tags.
fn unbroken(class: &str, text: &str) -> String {
    let pieces: Vec<String> = text
        .split_inclusive('/')
        .map(|piece| format!("<span class=\"listing-unbroken\">{}</span>", escape(piece)))
        .collect();
    format!("<code class=\"{class}\">{}</code>", pieces.join("<wbr>"))
}

fn escape(text: &str) -> String {
    let mut escaped = String::new();
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '{' | '}' | '~' => {
                escaped.push_str(&format!("&#{};", c as u32))
            }
            _ => escaped.push(c),
        }
    }
    escaped
}

/// A file of the listing's crate that is code: inside its folder, not one of the files the
/// harness writes or the twin.
fn code_file(listing: &Listing, workspace: &Workspace, file: &str) -> Result<PathBuf, String> {
    let relative = Path::new(file);
    let inside = relative
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    let name = relative
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default();
    let not_code = [
        workspace::EXPECTED_FILE,
        workspace::TWIN_FILE,
        workspace::TWIN_EXPECTED_FILE,
        workspace::TIMELINE_FILE,
    ];
    if !inside || not_code.contains(&name) {
        return Err(format!(
            "`file={file}`: name a file of the listing's Rust code, relative to its folder"
        ));
    }
    let path = listing.krate.dir.join(relative);
    match path.is_file() {
        true => Ok(path),
        false => Err(format!(
            "Listing {} has no {}",
            listing.number(),
            workspace.shown(&path)
        )),
    }
}

fn title(listing: &Listing, workspace: &Workspace, program: Program) -> Result<String, String> {
    let (title, key, whose) = match program {
        Program::Rust => (&listing.title, "title", ""),
        Program::Twin => (&listing.twin_title, "twin-title", "'s asyncio twin"),
    };
    title.clone().ok_or_else(|| {
        format!(
            "{}: [package.metadata.listing] has no `{key} = \"…\"`, which the caption of \
             Listing {}{whose} needs",
            workspace.shown(&listing.manifest()),
            listing.number()
        )
    })
}

/// The code file and what the figure shows of it: the whole file, or the anchors asked for.
fn code(
    listing: &Listing,
    workspace: &Workspace,
    request: &Request,
    program: Program,
) -> Result<(PathBuf, String), String> {
    let (path, anchors, comment) = match program {
        Program::Rust => {
            let file = request.file.as_deref().unwrap_or(MAIN_FILE);
            (code_file(listing, workspace, file)?, &request.anchors, "//")
        }
        Program::Twin => (
            listing.krate.dir.join(TWIN_FILE),
            &request.twin_anchors,
            "#",
        ),
    };
    let shown = workspace.shown(&path);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    fits(&text).map_err(|e| format!("{shown}:{e}"))?;
    let code = match anchors.is_empty() {
        true => anchors::whole(&text),
        false => {
            anchors::select(&text, anchors, comment).map_err(|e| format!("{shown} has {e}"))?
        }
    };
    let code = shield(&code).map_err(|e| format!("{shown}: {e}"))?;
    Ok((path, code))
}

/// The most columns a line of a listing's code may take: what the book's code column shows at
/// desktop width without scrolling sideways. rustfmt formats the listings to it
/// (`listings/rustfmt.toml`), but leaves comments and strings that pass it as they are.
pub const MAX_COLUMNS: usize = 76;

/// Every line of a code file, but its anchor lines, fits in `MAX_COLUMNS`: the first that does
/// not is an error that gives its line number.
fn fits(text: &str) -> Result<(), String> {
    let too_wide = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.chars().count() > MAX_COLUMNS && !anchors::is_marker(line));
    match too_wide {
        None => Ok(()),
        Some((index, line)) => Err(format!(
            "{}: this line is {} columns wide, and the book shows {MAX_COLUMNS} without \
             scrolling; wrap it (a comment on lines of its own)",
            index + 1,
            line.chars().count()
        )),
    }
}

fn label(listing: &Listing, program: Program) -> &'static str {
    match (program, listing.is_compile_error()) {
        (Program::Rust, true) => "Output of `cargo build`, as checked by `cargo test`:",
        _ => "Output, as checked by `cargo test`:",
    }
}

/// The expected output, every line of it as the harness compares it.
fn output(listing: &Listing, workspace: &Workspace, program: Program) -> Result<String, String> {
    let path = listing.expected_file_of(program);
    let shown = workspace.shown(&path);
    let text = fs::read_to_string(&path).map_err(|_| {
        format!(
            "Listing {} has no checked output yet: {shown} does not exist \
             (`UPDATE_EXPECT=1 cargo test` writes it)",
            listing.number()
        )
    })?;
    let lines: Vec<&str> = text.lines().collect();
    shield(&lines.join("\n")).map_err(|e| format!("{shown}: {e}"))
}

/// The timeline's inline SVG, without blank lines, which would end mdBook's HTML block.
fn timeline(listing: &Listing, workspace: &Workspace) -> Result<String, String> {
    let path = listing.timeline_file();
    let shown = workspace.shown(&path);
    let svg = fs::read_to_string(&path).map_err(|_| {
        format!(
            "Listing {} declares a timeline, but {shown} does not exist (`cargo test` draws it)",
            listing.number()
        )
    })?;
    let lines: Vec<&str> = svg.lines().filter(|line| !line.trim().is_empty()).collect();
    shield(&lines.join("\n")).map_err(|e| format!("{shown}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_or_command_breaks_only_after_a_slash() {
        assert_eq!(
            unbroken("listing-file", "listings/ch14-x/src/main.rs"),
            "<code class=\"listing-file\"><span class=\"listing-unbroken\">listings/</span><wbr>\
             <span class=\"listing-unbroken\">ch14-x/</span><wbr>\
             <span class=\"listing-unbroken\">src/</span><wbr>\
             <span class=\"listing-unbroken\">main.rs</span></code>"
        );
        assert_eq!(
            unbroken("listing-command", "cargo run -p listing-14-04"),
            "<code class=\"listing-command\">\
             <span class=\"listing-unbroken\">cargo run -p listing-14-04</span></code>"
        );
    }

    #[test]
    fn the_pieces_are_escaped_for_html_and_markdown() {
        assert_eq!(
            escape("a_b*c`d<e>&\"f\\[g]"),
            "a&#95;b&#42;c&#96;d&lt;e&gt;&amp;&quot;f&#92;&#91;g&#93;"
        );
    }

    #[test]
    fn a_code_line_wider_than_the_book_is_an_error_with_its_number() {
        let fits_exactly = "x".repeat(MAX_COLUMNS);
        assert_eq!(fits(&format!("fn main() {{}}\n{fits_exactly}\n")), Ok(()));
        let anchor = format!("    // ANCHOR: {}", "a".repeat(MAX_COLUMNS));
        assert_eq!(
            fits(&format!("{anchor}\n")),
            Ok(()),
            "anchor lines are not shown"
        );
        let wide = format!("// {}", "é".repeat(MAX_COLUMNS - 2));
        assert_eq!(
            fits(&format!("fn main() {{}}\n{wide}\n")).unwrap_err(),
            "2: this line is 77 columns wide, and the book shows 76 without scrolling; wrap it \
             (a comment on lines of its own)"
        );
    }
}
