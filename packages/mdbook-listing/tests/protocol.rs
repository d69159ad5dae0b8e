//! The binary as mdBook runs it, on a one-listing workspace written to a temporary folder:
//! `supports <renderer>`, the book in on stdin and out on stdout, and a page's problem failing
//! the run with its page, line and directive on stderr.

use mdbook_preprocessor::PreprocessorContext;
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_mdbook-listing");

struct Book1(PathBuf);

impl Drop for Book1 {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A workspace holding Listing 1-1, with its title, code and output.
fn workspace(name: &str) -> Book1 {
    let root = std::env::temp_dir().join(format!("mdbook-listing-{name}-{}", std::process::id()));
    let files = [
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"listings/*/*\"]\nresolver = \"3\"\n",
        ),
        (
            "listings/ch01/listing-01-01/Cargo.toml",
            "[package]\nname = \"listing-01-01\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [package.metadata.listing]\ntitle = \"Hello\"\n",
        ),
        (
            "listings/ch01/listing-01-01/src/main.rs",
            "fn main() {\n    println!(\"hi\");\n}\n",
        ),
        ("listings/ch01/listing-01-01/output.txt", "hi\n"),
    ];
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    Book1(root)
}

fn run(root: &Path, page: &str, mdbook_version: &str) -> Output {
    let mut ctx = PreprocessorContext::new(root.to_owned(), Config::default(), "html".into());
    ctx.mdbook_version = mdbook_version.into();
    let mut book = Book::new();
    book.push_item(Chapter::new("One", page.into(), "ch01.md", Vec::new()));
    let input = serde_json::to_vec(&(&ctx, &book)).unwrap();
    let mut child = Command::new(BINARY)
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn supports_every_renderer() {
    let status = Command::new(BINARY)
        .args(["supports", "html"])
        .status()
        .unwrap();
    assert!(status.success());
    let status = Command::new(BINARY).arg("nonsense").status().unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn expands_the_book_it_reads() {
    let root = workspace("expands");
    let output = run(
        &root.0,
        "{{#listing 1-1}}\n\nIt prints {{#output 1-1 lines}} line.\n",
        "0.5.4",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let book: Book = serde_json::from_slice(&output.stdout).unwrap();
    let Some(BookItem::Chapter(chapter)) = book.items.first() else {
        panic!("no chapter")
    };
    assert!(
        chapter
            .content
            .contains("<figure id=\"listing-1-1\" class=\"listing\">")
    );
    assert!(chapter.content.contains(
        "**Listing 1-1: Hello**\\\nFile: <code class=\"listing-file\">\
         <span class=\"listing-unbroken\">listings/</span><wbr>"
    ));
    assert!(
        chapter
            .content
            .contains("<span class=\"listing-unbroken\">listing-01-01/</span>")
    );
    assert!(chapter.content.contains("```text\nhi\n```"));
    assert!(chapter.content.ends_with("It prints 1 line.\n"));
}

#[test]
fn a_wrong_directive_fails_with_its_page_and_line() {
    let root = workspace("fails");
    let output = run(&root.0, "Intro.\n\n{{#listing 1-9}}\n", "0.5.4");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "src/ch01.md:3: `{{#listing 1-9}}`: there is no Listing 1-9 (no package \
             `listing-01-09` under listings/)"
        ),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn another_mdbook_release_is_refused() {
    let root = workspace("version");
    let output = run(&root.0, "Intro.\n", "0.6.0");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("mdbook 0.6.0 runs this preprocessor")
    );
}
