//! The few parts of real output that differ from machine to machine or run to run, replaced by
//! a fixed placeholder, so that an expected file holds only what the listing decides.

use std::path::Path;

pub fn normalize(text: &str, workspace_root: &Path) -> String {
    let text = text.replace(&format!("{}/", workspace_root.display()), "");
    let text = match cargo_home() {
        Some(home) => text.replace(&home, "~/.cargo"),
        None => text,
    };
    let text = replace_between(
        &text,
        "/registry/src/index.crates.io-",
        "",
        |c| c.is_ascii_hexdigit(),
        "…",
    );
    // rustc writes a type too long to print into a file named with a random number.
    let text = replace_between(&text, ".long-type-", "", |c| c.is_ascii_digit(), "…");
    // Since Rust 1.88 a panic message names the thread's numeric id: `thread 'main' (4242)`.
    replace_between(
        &text,
        "' (",
        ") panicked at",
        |c| c.is_ascii_digit(),
        "<id>",
    )
}

fn cargo_home() -> Option<String> {
    let home = std::env::var("CARGO_HOME").ok();
    let home = home.or_else(|| {
        std::env::var("HOME")
            .ok()
            .map(|home| format!("{home}/.cargo"))
    });
    home.map(|home| home.trim_end_matches('/').to_owned())
}

/// Replaces each non-empty run of characters matching `part` that stands between `open` and
/// `close` (an empty `close`: every such run that follows `open`).
fn replace_between(
    text: &str,
    open: &str,
    close: &str,
    part: fn(char) -> bool,
    with: &str,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(open) {
        let (before, after) = rest.split_at(at + open.len());
        out.push_str(before);
        let run = after.find(|c| !part(c)).unwrap_or(after.len());
        if run > 0 && after[run..].starts_with(close) {
            out.push_str(with);
            rest = &after[run..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A line of output that would make an expected file depend on the run: an address or a
/// thread id. Two identical runs can still both print one (a stable heap layout, say).
pub fn run_dependent_line(text: &str) -> Option<&str> {
    text.lines().find(|line| {
        line.contains("ThreadId(")
            || line.match_indices("0x").any(|(at, _)| {
                let digits = line[at + 2..].chars().take_while(char::is_ascii_hexdigit);
                digits.count() >= 8
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_what_differs_between_machines_and_runs() {
        let root = Path::new("/home/me/book");
        let text = "thread 'main' (4242) panicked at /home/me/book/listings/x/src/main.rs:3:5:\n\
                    see /r/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.0/src/lib.rs\n\
                    written to target/debug/deps/x.long-type-123456.txt\n";
        let normalized = normalize(text, root);
        assert_eq!(
            normalized,
            "thread 'main' (<id>) panicked at listings/x/src/main.rs:3:5:\n\
             see /r/registry/src/index.crates.io-…/tokio-1.0/src/lib.rs\n\
             written to target/debug/deps/x.long-type-….txt\n"
        );
    }

    #[test]
    fn finds_addresses_and_thread_ids() {
        assert_eq!(
            run_dependent_line("a\nat 0x7ffd5e8c1a20\n"),
            Some("at 0x7ffd5e8c1a20")
        );
        assert_eq!(
            run_dependent_line("on ThreadId(2)\n"),
            Some("on ThreadId(2)")
        );
        assert_eq!(run_dependent_line("0x10 is sixteen\n"), None);
    }
}
