//! Two checks of the pages that catch what `mdbook build` lets pass silently: every include
//! resolves (its file exists, and so do its anchor or lines), and every `rust` or `python` code
//! block is one include of a listing's file, so that no code in a page escapes the tests.

use crate::markdown::{Page, Selector, directives, normalize_lexically};
use crate::workspace::Workspace;
use std::fs;

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
