//! For the unit tests: a small workspace written to a temporary folder, removed when dropped.
//!
//! - Listing 1-3: anchored Rust code, a twin, both outputs, a timeline, both titles;
//! - Listing 1-2: meant not to compile, whole-file code, a title;
//! - Listing 2-1: no output yet;
//! - Listing 2-2: a twin without a `twin-title`, and a declared timeline never drawn;
//! - Listing 2-3: no title.

use crate::workspace::{Crate, Expect, Listing, Timeline, Workspace};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const MAIN: &str = "\
use std::time::Duration;

// ANCHOR: fetch
async fn fetch(name: &str, ms: u64) {
    vclock::println!(\"{name}: start\");
}
// ANCHOR_END: fetch

fn helper() {}
fn another_helper() {}

// ANCHOR: main
#[tokio::main(start_paused = true)]
async fn main() {
    fetch(\"a\", 300).await;
}
// ANCHOR_END: main
";

pub const OUTPUT: &str =
    "[    0 ms] a: start\n[  300 ms] a: done\n[  300 ms] b: start\n[  500 ms] b: done\n";
pub const TWIN: &str = "import asyncio\n\nasyncio.run(main())\n";
pub const TWIN_OUTPUT: &str = "[    0 ms] a: start\n[  500 ms] b: done\n";
pub const SVG: &str = "<svg class=\"timeline\">\n\n<title>t</title>\n</svg>\n";

pub struct Fixture {
    pub workspace: Workspace,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.workspace.root);
    }
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("a file has a folder"))
            .expect("a temporary folder");
        fs::write(path, text).expect("a temporary file");
    }
}

pub fn fixture() -> Fixture {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let root = std::env::temp_dir().join(format!(
        "mdbook-listing-test-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    let listing = |chapter: &str, name: &str, files: &[(&str, &str)]| -> PathBuf {
        let dir = root.join("listings").join(chapter).join(name);
        write(&dir, &[("Cargo.toml", "[package]\n")]);
        write(&dir, files);
        dir
    };
    let dir_1_3 = listing(
        "ch01",
        "listing-01-03",
        &[
            ("src/main.rs", MAIN),
            ("output.txt", OUTPUT),
            ("twin.py", TWIN),
            ("twin-output.txt", TWIN_OUTPUT),
            ("timeline.svg", SVG),
        ],
    );
    let dir_1_2 = listing(
        "ch01",
        "listing-01-02",
        &[
            ("src/main.rs", "fn main() {\n    brew();\n}\n"),
            ("output.txt", "error: unused\n"),
        ],
    );
    let dir_2_1 = listing(
        "ch02",
        "listing-02-01",
        &[("src/main.rs", "fn main() {}\n")],
    );
    let dir_2_2 = listing(
        "ch02",
        "listing-02-02",
        &[
            ("src/main.rs", "fn main() {}\n"),
            ("output.txt", "done\n"),
            ("twin.py", "print('done')\n"),
            ("twin-output.txt", "done\n"),
        ],
    );
    let dir_2_3 = listing(
        "ch02",
        "listing-02-03",
        &[("src/main.rs", "fn main() {}\n"), ("output.txt", "done\n")],
    );
    let make = |name: &str, dir: PathBuf, title: Option<&str>, twin_title: Option<&str>| Listing {
        krate: Crate {
            name: name.into(),
            package_id: format!("path+file://{}#{name}@0.1.0", dir.display()),
            target_roots: vec![dir.join("src/main.rs")],
            dir,
        },
        expect: match name {
            "listing-01-02" => Expect::CompileError("E0425".into()),
            _ => Expect::Output,
        },
        timeline: match name {
            "listing-01-03" | "listing-02-02" => Some(Timeline {
                title: "t".into(),
                axis_ms: None,
            }),
            _ => None,
        },
        virtual_clock_only: None,
        title: title.map(str::to_owned),
        twin_title: twin_title.map(str::to_owned),
    };
    let listings = vec![
        make(
            "listing-01-02",
            dir_1_2,
            Some("Forgetting `.await` (does not compile)"),
            None,
        ),
        make(
            "listing-01-03",
            dir_1_3,
            Some("Two awaits in a row"),
            Some("the same in asyncio"),
        ),
        make("listing-02-01", dir_2_1, Some("No output yet"), None),
        make("listing-02-02", dir_2_2, Some("Done"), None),
        make("listing-02-03", dir_2_3, None, None),
    ];
    Fixture {
        workspace: Workspace {
            target_dir: root.join("target"),
            root,
            mdbook_version: Some("0.5.4".into()),
            root_package: None,
            listings,
            support_crates: Vec::new(),
            exercises: Vec::new(),
        },
    }
}
