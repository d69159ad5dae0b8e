//! The book's pages as the harness reads them: which pages `SUMMARY.md` lists, what each page
//! includes, and which code blocks it has. The checks here catch what `mdbook build` lets pass
//! silently: a missing file or anchor, a page left out of the summary, a listing never shown, an
//! output shown away from its listing, and code in a page that no test compiles.

use crate::workspace::{Listing, Program, Workspace, is_expected_output};
use std::fs;
use std::path::{Component, Path, PathBuf};

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

impl Page {
    /// The code block whose fences enclose `line`, if any.
    fn block_holding(&self, line: usize) -> Option<&CodeBlock> {
        self.blocks
            .iter()
            .find(|block| (block.line..=block.line + block.body.len()).contains(&line))
    }
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
    listed.iter().map(|path| parse_page(path)).collect()
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

/// Every file under `dir`, at any depth, whose name ends in `.{extension}`, sorted.
pub fn files_with_extension(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == extension) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn parse_page(path: &Path) -> Page {
    let text = fs::read_to_string(path).unwrap_or_default();
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
fn directives(line: &str) -> impl Iterator<Item = (&str, Selector)> {
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

fn normalize_lexically(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Every include resolves: its file exists, and its anchor or lines are in that file. A whole
/// file is included only if it has no anchor lines, which mdbook would show to the reader.
pub fn check_includes(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    for page in pages {
        let shown_page = workspace.relative(&page.path).display();
        for include in &page.includes {
            let at = format!("{shown_page}:{}", include.line);
            let shown = workspace.relative(&include.target).display();
            let Ok(text) = fs::read_to_string(&include.target) else {
                problems.push(format!("{at}: includes {shown}, which does not exist"));
                continue;
            };
            match &include.selector {
                Selector::WholeFile if text.contains("ANCHOR:") => problems.push(format!(
                    "{at}: includes all of {shown}, anchor comments and all; include an anchor \
                     (`{shown}:name`) or remove the ANCHOR lines"
                )),
                Selector::WholeFile => {}
                Selector::Anchor(name) => {
                    let has = |marker: &str| {
                        text.lines().any(|line| {
                            line.split_once(marker)
                                .is_some_and(|(_, rest)| rest.trim() == name)
                        })
                    };
                    if !has("ANCHOR:") || !has("ANCHOR_END:") {
                        problems.push(format!(
                            "{at}: includes anchor `{name}` of {shown}, which has no \
                             `ANCHOR: {name}` … `ANCHOR_END: {name}` pair (mdbook would show nothing)"
                        ));
                    }
                }
                Selector::Lines { first, last } => {
                    let lines = text.lines().count();
                    if *first == 0
                        || *first > lines
                        || last.is_some_and(|last| last > lines || last < *first)
                    {
                        problems.push(format!(
                            "{at}: includes lines {first}:{} of {shown}, which has {lines} lines",
                            last.map(|n| n.to_string()).unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }
}

/// Code shown in a page is code a test compiled: a `rust` (or `python`) block holds one include
/// of a file under `listings/` and nothing else. Shell sessions (`console`) and output (`text`) may be
/// written by hand; a block with no language is ambiguous and is reported.
pub fn check_code_blocks(pages: &[Page], workspace: &Workspace, problems: &mut Vec<String>) {
    let listings = workspace.root.join("listings");
    for page in pages {
        let shown_page = workspace.relative(&page.path).display();
        let dir = page.path.parent().expect("a page has a folder");
        for block in &page.blocks {
            let at = format!("{shown_page}:{}", block.line);
            match block.language.as_str() {
                "" => problems.push(format!(
                    "{at}: a code block with no language; say `console` for shell commands, \
                     `text` for output, or include a listing in a `rust` block"
                )),
                "rust" | "rs" | "python" | "py" => {
                    // Exactly one include of a listing's file, alone in the block: two parts of
                    // a listing are two blocks, so every block is one piece of checked code.
                    let lines: Vec<&str> = block
                        .body
                        .iter()
                        .map(|line| line.trim())
                        .filter(|line| !line.is_empty())
                        .collect();
                    let one_include = match lines.as_slice() {
                        [line] => {
                            let found: Vec<_> = directives(line).collect();
                            line.starts_with("{{#")
                                && line.ends_with("}}")
                                && found.len() == 1
                                && normalize_lexically(&dir.join(found[0].0)).starts_with(&listings)
                        }
                        _ => false,
                    };
                    if !one_include {
                        problems.push(format!(
                            "{at}: a {} code block must hold exactly one include of a listing's \
                             file (put the code in a listing crate; show two parts as two blocks)",
                            block.language
                        ));
                    }
                }
                _ => {}
            }
        }
    }
}

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
