//! `mdbook-listing`, run by mdBook as the book's `listing` preprocessor (book.toml). mdBook
//! first asks `mdbook-listing supports <renderer>` (exit 0: yes), then writes the book as JSON
//! on stdin and reads the expanded book from stdout. A problem in a page is printed on stderr,
//! one line each, and the exit status 1 fails `mdbook build`.

use mdbook_listing::preprocess::ListingPreprocessor;
use mdbook_preprocessor::Preprocessor;
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        // Every renderer: what it adds is HTML and Markdown, which any renderer can pass on.
        [command, _renderer] if command == "supports" => ExitCode::SUCCESS,
        [] => match run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(problems) => {
                eprintln!("mdbook-listing: the book's listing directives have problems:");
                eprintln!("{problems}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!(
                "usage: mdbook-listing [supports <renderer>]\n\
                 mdBook runs it as a preprocessor, the book on stdin (see book.toml)"
            );
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let (ctx, book) =
        mdbook_preprocessor::parse_input(io::stdin()).map_err(|e| format!("{e:#}"))?;
    let ours = mdbook_preprocessor::MDBOOK_VERSION;
    if minor(&ctx.mdbook_version) != minor(ours) {
        return Err(format!(
            "mdbook {} runs this preprocessor, which is built for mdbook {ours}; use the mdbook \
             version in Cargo.toml ([workspace.metadata.book])",
            ctx.mdbook_version
        ));
    }
    let book = ListingPreprocessor
        .run(&ctx, book)
        .map_err(|e| format!("{e:#}"))?;
    serde_json::to_writer(io::stdout(), &book).map_err(|e| format!("cannot write the book: {e}"))
}

/// `0.5` of `0.5.4`: releases that share it share the preprocessor protocol.
fn minor(version: &str) -> String {
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}
