//! Every link inside the built book leads somewhere: the file exists, and so does the element
//! its `#fragment` names. Links that leave the book (`https:`, `mailto:`) are not followed; the
//! machines that run the tests have no network, and the book's pages must not depend on one.

use crate::markdown::files_with_extension;
use std::collections::HashMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Every link of the built book in `book` that leads nowhere, one problem per link.
pub fn check(book: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let mut pages = Vec::new();
    for page in files_with_extension(book, "html") {
        match fs::read_to_string(&page) {
            Ok(html) => pages.push((page, html)),
            Err(e) => problems.push(format!("{}: {e}", page.display())),
        }
    }
    let ids: HashMap<&Path, Vec<String>> = pages
        .iter()
        .map(|(page, html)| (page.as_path(), attribute_values(html, "id")))
        .collect();

    for (page, html) in &pages {
        let shown_page = page.strip_prefix(book).unwrap_or(page).display();
        // The 404 page may be served from any folder, so mdBook gives it `<base href="/">`.
        let base = match html.contains("<base href=\"/\">") {
            true => book.to_owned(),
            false => page.parent().expect("a page has a folder").to_owned(),
        };
        for link in attribute_values(html, "href")
            .into_iter()
            .chain(attribute_values(html, "src"))
        {
            if link.contains(':') || link.starts_with("//") {
                continue; // another scheme or host: outside the book
            }
            let (path, fragment) = match link.split_once('#') {
                Some((path, fragment)) => (path, Some(fragment)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or_default();
            let target = match path {
                "" => page.clone(),
                _ => resolve(&base, path, book),
            };
            let target = if target.is_dir() {
                target.join("index.html")
            } else {
                target
            };
            if !target.is_file() {
                problems.push(format!(
                    "{shown_page}: links to `{link}`, which is not in the built book"
                ));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let known = ids
                    .get(target.as_path())
                    .is_some_and(|ids| ids.iter().any(|id| id == fragment));
                if !known {
                    problems.push(format!(
                        "{shown_page}: links to `{link}`, but {} has no element with id `{fragment}`",
                        target.strip_prefix(book).unwrap_or(&target).display()
                    ));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// The values of every `name="…"` attribute in the page, in order.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let marker = format!(" {name}=\"");
    html.match_indices(&marker)
        .filter_map(|(at, _)| {
            let rest = &html[at + marker.len()..];
            rest.find('"').map(|end| rest[..end].replace("&amp;", "&"))
        })
        .collect()
}

/// `path` from `base`, never above the book's root (as a web server would serve it).
fn resolve(base: &Path, path: &str, book: &Path) -> PathBuf {
    let start = if path.starts_with('/') { book } else { base };
    let mut out = start.to_owned();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::ParentDir if out != book => {
                out.pop();
            }
            Component::Normal(part) => out.push(part),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attribute_values_with_entities_decoded() {
        let html = r#"<a href="a.html#x">A</a> <img src="i.svg"> <a href="b.html?q=1&amp;r=2">"#;
        assert_eq!(
            attribute_values(html, "href"),
            ["a.html#x", "b.html?q=1&r=2"]
        );
        assert_eq!(attribute_values(html, "src"), ["i.svg"]);
    }

    #[test]
    fn never_resolves_above_the_book() {
        let book = Path::new("/b/book");
        assert_eq!(
            resolve(&book.join("ch"), "../../../x.html", book),
            book.join("x.html")
        );
        assert_eq!(
            resolve(&book.join("ch"), "/y.html", book),
            book.join("y.html")
        );
        assert_eq!(
            resolve(&book.join("ch"), "./z.html", book),
            book.join("ch/z.html")
        );
    }
}
