//! Writing a key of a listing's `[package.metadata.listing]` table into its `Cargo.toml` text,
//! for the migration: the rest of the file, comments and order included, stays as it was, and
//! the result is parsed back to check that the key now holds the value.

/// `text` with `key = "value"` in `[package.metadata.listing]`: the key's line replaced if it
/// has one, else a new line after the line of the key `after` (or after the table's header),
/// and the table appended to the file if it has none.
pub fn set(text: &str, key: &str, value: &str, after: Option<&str>) -> Result<String, String> {
    const HEADER: &str = "[package.metadata.listing]";
    let entry = format!("{key} = {}", basic_string(value));
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let is_key = |line: &str, key: &str| {
        line.trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    match lines.iter().position(|line| line.trim() == HEADER) {
        None => {
            if lines.last().is_some_and(|line| !line.trim().is_empty()) {
                lines.push(String::new());
            }
            lines.extend([HEADER.to_owned(), entry]);
        }
        Some(header) => {
            let end = (header + 1..lines.len())
                .find(|&index| lines[index].trim_start().starts_with('['))
                .unwrap_or(lines.len());
            let table = header + 1..end;
            match table.clone().find(|&index| is_key(&lines[index], key)) {
                Some(index) => lines[index] = entry,
                None => {
                    let anchor = after
                        .and_then(|after| table.clone().find(|&index| is_key(&lines[index], after)))
                        .unwrap_or(header);
                    lines.insert(anchor + 1, entry);
                }
            }
        }
    }
    let written = lines.join("\n") + "\n";
    let parsed: toml::Table =
        toml::from_str(&written).map_err(|e| format!("the edited Cargo.toml is not TOML: {e}"))?;
    let read = parsed
        .get("package")
        .and_then(|package| package.get("metadata"))
        .and_then(|metadata| metadata.get("listing"))
        .and_then(|listing| listing.get(key))
        .and_then(|found| found.as_str());
    match read == Some(value) {
        true => Ok(written),
        false => Err(format!(
            "could not write `{key}` into [package.metadata.listing] (is the table written in \
             another form?)"
        )),
    }
}

/// A TOML basic string: `"…"`, with `"`, `\` and control characters escaped.
fn basic_string(value: &str) -> String {
    let mut quoted = String::from('"');
    for c in value.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "[package]\nname = \"listing-01-03\"\n\n[lints]\nworkspace = true\n";
    const DECLARED: &str = "[package]\nname = \"l\"\n\n[package.metadata.listing]\n# why\ntimeline = \"t\"\n\n[dependencies]\n";

    #[test]
    fn appends_the_table_when_there_is_none() {
        let written = set(PLAIN, "title", "Two `awaits` \"in\" a row\\", None).unwrap();
        assert_eq!(
            written,
            format!(
                "{PLAIN}\n[package.metadata.listing]\ntitle = \"Two `awaits` \\\"in\\\" a row\\\\\"\n"
            )
        );
    }

    #[test]
    fn inserts_into_the_table_and_keeps_the_rest() {
        let written = set(DECLARED, "title", "T", None).unwrap();
        let written = set(&written, "twin-title", "t2", Some("title")).unwrap();
        assert_eq!(
            written,
            "[package]\nname = \"l\"\n\n[package.metadata.listing]\ntitle = \"T\"\ntwin-title = \"t2\"\n\
             # why\ntimeline = \"t\"\n\n[dependencies]\n"
        );
    }

    #[test]
    fn replaces_a_key_it_already_has() {
        let once = set(DECLARED, "title", "Old", None).unwrap();
        let twice = set(&once, "title", "New", None).unwrap();
        assert_eq!(twice, once.replace("Old", "New"));
        assert_eq!(
            set(&twice, "title", "New", None).unwrap(),
            twice,
            "idempotent"
        );
    }

    #[test]
    fn refuses_a_table_it_cannot_edit_in_place() {
        let inline = "[package]\nname = \"l\"\nmetadata.listing = { timeline = \"t\" }\n";
        assert!(set(inline, "title", "T", None).is_err());
    }
}
