//! `{{#listing 1-3 …}}`: a listing's whole presentation, as one `<figure id="listing-1-3">`.
//! Its `<figcaption>` gives the number, the title from the listing's `Cargo.toml`, the file and
//! the command that runs it; then come the code, the checked output and, if the listing
//! declares one, its timeline (each program's part is a `panel`). A listing with an asyncio
//! twin shows both programs in one figure, each in a panel of its own: `listing.js` makes them
//! tabs; without JavaScript, and in print, they stand one under the other.
//!
//! The code blocks are Markdown fences inside the HTML, separated from it by blank lines, so
//! mdBook renders and highlights them like any ```` ```rust ```` block.

use crate::panel::Panel;
use crate::request::Request;
use crate::workspace::{Listing, Program, TWIN_FILE, Workspace};

/// The figure's Markdown, and the element ids it defines (for links, and to find duplicates).
pub struct Figure {
    pub ids: Vec<String>,
    pub markdown: String,
}

/// The id of a listing's figure, or of its twin's figure or panel: `listing-1-3`,
/// `listing-1-3-twin`.
pub fn id(listing: &Listing, program: Program) -> String {
    match program {
        Program::Rust => format!("listing-{}", listing.number()),
        Program::Twin => format!("listing-{}-twin", listing.number()),
    }
}

pub fn render(
    listing: &Listing,
    workspace: &Workspace,
    request: &Request,
) -> Result<Figure, String> {
    let number = listing.number();
    let twin = listing.twin();
    let programs = match (&request.programs, &twin) {
        (Some(programs), _) => programs.clone(),
        (None, Some(_)) => vec![Program::Rust, Program::Twin],
        (None, None) => vec![Program::Rust],
    };
    if programs.contains(&Program::Twin) && twin.is_none() {
        return Err(format!(
            "Listing {number} has no asyncio twin ({} does not exist)",
            workspace.shown(&listing.krate.dir.join(TWIN_FILE))
        ));
    }
    let mut panels = Vec::new();
    for &program in &programs {
        panels.push(Panel::new(listing, workspace, request, program)?);
    }
    let mut lines = Vec::new();
    let mut ids = vec![id(listing, programs[0])];
    match panels.as_slice() {
        [panel] => {
            lines.push(format!("<figure id=\"{}\" class=\"listing\">", ids[0]));
            lines.extend(caption(&[panel.caption(&number, true), panel.meta()]));
            lines.push(String::new());
            lines.extend(panel.body.iter().cloned());
            lines.push(String::new());
        }
        [rust, twin] => {
            ids.push(id(listing, Program::Twin));
            lines.push(format!("<figure id=\"{}\" class=\"listing\">", ids[0]));
            lines.extend(caption(&[rust.caption(&number, false)]));
            lines.push("<div class=\"listing-programs\">".into());
            lines.push("<div class=\"listing-program\" data-label=\"Rust\">".into());
            lines.extend([String::new(), rust.meta(), String::new()]);
            lines.extend(rust.body.iter().cloned());
            lines.extend([String::new(), "</div>".into()]);
            lines.push(format!(
                "<div class=\"listing-program\" id=\"{}\" data-label=\"asyncio twin\">",
                ids[1]
            ));
            lines.extend([
                String::new(),
                twin.caption(&number, false) + "\\",
                twin.meta(),
            ]);
            lines.push(String::new());
            lines.extend(twin.body.iter().cloned());
            lines.extend([String::new(), "</div>".into(), "</div>".into()]);
        }
        _ => unreachable!("a figure shows one or two programs"),
    }
    lines.push("</figure>".into());
    Ok(Figure {
        ids,
        markdown: lines.join("\n"),
    })
}

/// The `<figcaption>`, its Markdown on lines of their own so that mdBook renders it.
fn caption(lines: &[String]) -> Vec<String> {
    let mut caption = vec!["<figcaption>".to_owned(), String::new()];
    match lines {
        [title, meta] => caption.extend([format!("{title}\\"), meta.clone()]),
        _ => caption.extend(lines.iter().cloned()),
    }
    caption.extend([String::new(), "</figcaption>".to_owned()]);
    caption
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directive::find;
    use crate::fixture::fixture;
    use crate::request::Request;

    fn figure(line: &str) -> Result<Figure, String> {
        let fixture = fixture();
        let directive = find(line).remove(0).unwrap();
        let request = Request::parse(&directive)?;
        let listing = fixture.workspace.find(&directive.number).unwrap();
        render(listing, &fixture.workspace, &request)
    }

    /// A caption's `File: … · Run: …` line, its file and command made of these unbroken pieces.
    fn meta(file: &[&str], verb: &str, command: &[&str]) -> String {
        let code = |class: &str, pieces: &[&str]| {
            let pieces: Vec<String> = pieces
                .iter()
                .map(|piece| format!("<span class=\"listing-unbroken\">{piece}</span>"))
                .collect();
            format!("<code class=\"{class}\">{}</code>", pieces.join("<wbr>"))
        };
        format!(
            "File: {} · {verb}: {}",
            code("listing-file", file),
            code("listing-command", command)
        )
    }

    const RUST_FILE: [&str; 5] = ["listings/", "ch01/", "listing-01-03/", "src/", "main.rs"];

    fn rust_meta() -> String {
        meta(&RUST_FILE, "Run", &["cargo run -p listing-01-03"])
    }

    const RUST_BODY: &str = "\
```rust
use std::time::Duration;

async fn fetch(name: &str, ms: u64) {
    vclock::println!(\"{name}: start\");
}

// --snip--

#[tokio::main(start_paused = true)]
async fn main() {
    fetch(\"a\", 300).await;
}
```

Output, as checked by `cargo test`:

```text
[    0 ms] a: start
[  300 ms] a: done
[  300 ms] b: start
[  500 ms] b: done
```

<svg class=\"timeline\">
<title>t</title>
</svg>";

    #[test]
    fn the_rust_program_alone_with_anchors() {
        let figure = figure("{{#listing 1-3 anchors=fetch,main program=rust}}").unwrap();
        assert_eq!(figure.ids, ["listing-1-3"]);
        let expected = format!(
            "<figure id=\"listing-1-3\" class=\"listing\">\n<figcaption>\n\n\
             **Listing 1-3: Two awaits in a row**\\\n{}\n\
             \n</figcaption>\n\n{RUST_BODY}\n\n</figure>",
            rust_meta()
        );
        assert_eq!(figure.markdown, expected);
    }

    #[test]
    fn both_programs_in_one_figure_by_default() {
        let figure = figure("{{#listing 1-3 anchors=fetch,main}}").unwrap();
        assert_eq!(figure.ids, ["listing-1-3", "listing-1-3-twin"]);
        let expected = format!(
            "<figure id=\"listing-1-3\" class=\"listing\">\n<figcaption>\n\n\
             **Listing 1-3: Two awaits in a row**\n\n</figcaption>\n\
             <div class=\"listing-programs\">\n\
             <div class=\"listing-program\" data-label=\"Rust\">\n\n\
             {}\n\n{RUST_BODY}\n\n</div>\n\
             <div class=\"listing-program\" id=\"listing-1-3-twin\" data-label=\"asyncio twin\">\n\n\
             **asyncio twin:** the same in asyncio\\\n{}\n\n\
             ```python\nimport asyncio\n\nasyncio.run(main())\n```\n\n\
             Output, as checked by `cargo test`:\n\n\
             ```text\n[    0 ms] a: start\n[  500 ms] b: done\n```\n\n\
             </div>\n</div>\n</figure>",
            rust_meta(),
            twin_meta()
        );
        assert_eq!(figure.markdown, expected);
        let explicit = figure_markdown("{{#listing 1-3 anchors=fetch,main program=both}}");
        assert_eq!(explicit, expected);
    }

    fn twin_meta() -> String {
        let file = ["listings/", "ch01/", "listing-01-03/", "twin.py"];
        let command = [
            "PYTHONPATH=listings/",
            "common/",
            "vclock python3 listings/",
            "ch01/",
            "listing-01-03/",
            "twin.py",
        ];
        meta(&file, "Run", &command)
    }

    fn figure_markdown(line: &str) -> String {
        figure(line).unwrap().markdown
    }

    #[test]
    fn the_twin_alone_has_a_caption_and_id_of_its_own() {
        let figure = figure("{{#listing 1-3 program=twin}}").unwrap();
        assert_eq!(figure.ids, ["listing-1-3-twin"]);
        assert!(figure.markdown.starts_with(&format!(
            "<figure id=\"listing-1-3-twin\" class=\"listing\">\n<figcaption>\n\n\
             **Listing 1-3, asyncio twin: the same in asyncio**\\\n{}\n",
            twin_meta()
        )));
        assert!(
            !figure.markdown.contains("<svg"),
            "the timeline is the Rust program's"
        );
    }

    #[test]
    fn a_listing_meant_not_to_compile_is_captioned_like_any_other_and_whole() {
        let markdown = figure_markdown("{{#listing 1-2}}");
        let file = ["listings/", "ch01/", "listing-01-02/", "src/", "main.rs"];
        let meta = meta(&file, "Run", &["cargo run -p listing-01-02"]);
        assert!(markdown.contains(&format!(
            "**Listing 1-2: Forgetting `.await` (does not compile)**\\\n{meta}\n"
        )));
        assert!(markdown.contains("```rust\nfn main() {\n    brew();\n}\n```"));
        assert!(markdown.contains("Output of `cargo build`, as checked by `cargo test`:"));
    }

    #[test]
    fn another_file_of_the_crate_whole_without_its_anchor_lines() {
        let markdown = figure_markdown("{{#listing 1-3 program=rust file=src/main.rs}}");
        assert!(markdown.contains("```rust\nuse std::time::Duration;\n\nasync fn fetch"));
        assert!(!markdown.contains("ANCHOR"));
    }

    #[test]
    fn errors_name_what_is_missing() {
        let error = |line: &str| figure(line).err().unwrap();
        assert_eq!(
            error("{{#listing 1-2 program=twin}}"),
            "Listing 1-2 has no asyncio twin (listings/ch01/listing-01-02/twin.py does not exist)"
        );
        assert_eq!(
            error("{{#listing 1-3 anchors=fetch,mian program=rust}}"),
            "listings/ch01/listing-01-03/src/main.rs has no `ANCHOR: mian` line (its anchors: fetch, main)"
        );
        assert_eq!(
            error("{{#listing 2-3}}"),
            "listings/ch02/listing-02-03/Cargo.toml: [package.metadata.listing] has no \
             `title = \"…\"`, which the caption of Listing 2-3 needs"
        );
        assert_eq!(
            error("{{#listing 2-1}}"),
            "Listing 2-1 has no checked output yet: listings/ch02/listing-02-01/output.txt does \
             not exist (`UPDATE_EXPECT=1 cargo test` writes it)"
        );
        assert_eq!(
            error("{{#listing 2-2 program=twin}}"),
            "listings/ch02/listing-02-02/Cargo.toml: [package.metadata.listing] has no \
             `twin-title = \"…\"`, which the caption of Listing 2-2's asyncio twin needs"
        );
        assert_eq!(
            error("{{#listing 2-2 program=rust}}"),
            "Listing 2-2 declares a timeline, but listings/ch02/listing-02-02/timeline.svg does \
             not exist (`cargo test` draws it)"
        );
        assert_eq!(
            error("{{#listing 1-3 program=rust file=src/lib.rs}}"),
            "Listing 1-3 has no listings/ch01/listing-01-03/src/lib.rs"
        );
        for file in ["../listing-01-02/src/main.rs", "output.txt", "/etc/passwd"] {
            assert_eq!(
                error(&format!("{{{{#listing 1-3 program=rust file={file}}}}}")),
                format!(
                    "`file={file}`: name a file of the listing's Rust code, relative to its folder"
                )
            );
        }
    }
}
