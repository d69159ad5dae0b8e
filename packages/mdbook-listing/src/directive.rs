//! Finding this preprocessor's directives on a page line and splitting them into their parts:
//! `{{#listing 1-3 anchors=fetch,main}}` and `{{#output 1-3 ms="b: start"}}` are a name, a
//! listing number, then options, each `word` or `key=value` (the value in double quotes when it
//! holds spaces or `}}`; `\"` and `\\` inside them). A directive written `\{{#listing …}}` is
//! escaped: left alone here, and mdBook's links preprocessor drops the backslash.

use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Listing,
    Output,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Listing => "listing",
            Kind::Output => "output",
        }
    }
}

/// An option as written: `("anchors", Some("fetch,main"))`, `("last-ms", None)`.
pub type Token = (String, Option<String>);

#[derive(Debug, PartialEq)]
pub struct Directive {
    pub kind: Kind,
    /// Byte range of the whole `{{#…}}` on its line.
    pub start: usize,
    pub end: usize,
    /// The listing number, `1-3`.
    pub number: String,
    /// Options in the order written.
    pub options: Vec<Token>,
}

/// A directive that could not be read, with the text it starts with for the message.
#[derive(Debug, PartialEq)]
pub struct Malformed {
    pub start: usize,
    pub text: String,
    pub problem: String,
}

/// Every directive on a line, in order, skipping escaped ones.
pub fn find(line: &str) -> Vec<Result<Directive, Malformed>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = line[from..].find("{{#") {
        let start = from + offset;
        let after = &line[start + 3..];
        let kind = [Kind::Listing, Kind::Output].into_iter().find(|kind| {
            after.starts_with(kind.name())
                && after[kind.name().len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || c == '}')
        });
        from = start + 3;
        let (Some(kind), false) = (kind, line[..start].ends_with('\\')) else {
            continue; // another directive (mdBook's own), or an escaped one
        };
        let body = start + 3 + kind.name().len();
        let parsed = parse(line, body).and_then(|(tokens, end)| make(kind, start, end, tokens));
        match parsed {
            Ok(directive) => {
                from = directive.end;
                found.push(Ok(directive));
            }
            Err(problem) => {
                let text: String = line[start..].chars().take(40).collect();
                found.push(Err(Malformed {
                    start,
                    text,
                    problem,
                }));
                break; // the rest of the line cannot be trusted
            }
        }
    }
    found
}

/// The options as a map, refusing an option given twice, an unknown one, a flag given a value
/// or a key given none. `flags` are the options written alone, `keys` those written `key=…`.
pub fn options<'a>(
    directive: &'a Directive,
    flags: &[&str],
    keys: &[&str],
) -> Result<BTreeMap<&'a str, Option<&'a str>>, String> {
    let mut map = BTreeMap::new();
    for (name, value) in &directive.options {
        let known = flags.contains(&name.as_str()) || keys.contains(&name.as_str());
        if !known {
            let mut all: Vec<String> = flags.iter().map(|flag| flag.to_string()).collect();
            all.extend(keys.iter().map(|key| format!("{key}=…")));
            return Err(format!(
                "unknown option `{name}` (known: {})",
                all.join(", ")
            ));
        }
        match (flags.contains(&name.as_str()), value) {
            (true, Some(_)) => return Err(format!("`{name}` takes no value")),
            (false, None) => return Err(format!("`{name}` needs a value: `{name}=…`")),
            _ => {}
        }
        if map.insert(name.as_str(), value.as_deref()).is_some() {
            return Err(format!("`{name}` is given twice"));
        }
    }
    Ok(map)
}

fn make(kind: Kind, start: usize, end: usize, mut tokens: Vec<Token>) -> Result<Directive, String> {
    let usage = format!(
        "it starts with a listing number, as in `{{{{#{} 1-3}}}}`",
        kind.name()
    );
    if tokens.is_empty() {
        return Err(format!("no listing number; {usage}"));
    }
    let (number, value) = tokens.remove(0);
    let is_number = number.split_once('-').is_some_and(|(chapter, listing)| {
        [chapter, listing].iter().all(|part| {
            !part.is_empty() && !part.starts_with('0') && part.bytes().all(|b| b.is_ascii_digit())
        })
    });
    if !is_number || value.is_some() {
        return Err(format!("`{number}` is not a listing number; {usage}"));
    }
    Ok(Directive {
        kind,
        start,
        end,
        number,
        options: tokens,
    })
}

/// Splits what follows the directive's name into tokens, up to the closing `}}`; returns them
/// and the byte just past the `}}`.
fn parse(line: &str, mut at: usize) -> Result<(Vec<Token>, usize), String> {
    let bytes = line.as_bytes();
    let mut tokens = Vec::new();
    loop {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if line[at..].starts_with("}}") {
            return Ok((tokens, at + 2));
        }
        if at >= bytes.len() {
            return Err("no closing `}}` on this line".into());
        }
        let word_end = line[at..]
            .find(|c: char| c.is_whitespace() || c == '=' || c == '"')
            .map_or(line.len(), |i| at + i);
        let word_end = line[at..word_end].find("}}").map_or(word_end, |i| at + i);
        let word = &line[at..word_end];
        if word.is_empty() {
            return Err(format!("expected an option at `{}`", &line[at..]));
        }
        at = word_end;
        if bytes.get(at) != Some(&b'=') {
            tokens.push((word.to_owned(), None));
            continue;
        }
        at += 1;
        let value = if bytes.get(at) == Some(&b'"') {
            let (value, end) = quoted(line, at + 1)
                .ok_or_else(|| format!("the value of `{word}` has no closing `\"`"))?;
            at = end;
            value
        } else {
            let end = line[at..]
                .find(|c: char| c.is_whitespace())
                .map_or(line.len(), |i| at + i);
            let end = line[at..end].find("}}").map_or(end, |i| at + i);
            let value = line[at..end].to_owned();
            at = end;
            value
        };
        if value.is_empty() {
            return Err(format!("`{word}=` has an empty value"));
        }
        tokens.push((word.to_owned(), Some(value)));
    }
}

/// A double-quoted value starting at `at` (after the opening quote), and the byte past its end.
fn quoted(line: &str, at: usize) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = line[at..].char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return Some((value, at + index + 1)),
            '\\' => match chars.next() {
                Some((_, escaped @ ('"' | '\\'))) => value.push(escaped),
                Some((_, other)) => {
                    value.push('\\');
                    value.push(other);
                }
                None => return None,
            },
            c => value.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Directive {
        let mut found = find(line);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0).unwrap()
    }

    fn problem(line: &str) -> String {
        find(line).remove(0).unwrap_err().problem
    }

    fn pair(key: &str, value: &str) -> (String, Option<String>) {
        (key.into(), Some(value.into()))
    }

    #[test]
    fn a_bare_listing() {
        let directive = one("{{#listing 1-3}}");
        assert_eq!(directive.kind, Kind::Listing);
        assert_eq!(directive.number, "1-3");
        assert_eq!((directive.start, directive.end), (0, 16));
        assert!(directive.options.is_empty());
    }

    #[test]
    fn options_flags_and_quoted_values() {
        let line = r#"at {{#output 10-1 match="peak \"heap\" (\d+)}}" program=twin last-ms }} ms"#;
        let directive = one(line);
        assert_eq!(directive.kind, Kind::Output);
        assert_eq!(
            directive.options,
            [
                pair("match", r#"peak "heap" (\d+)}}"#),
                pair("program", "twin"),
                ("last-ms".into(), None)
            ]
        );
        assert_eq!(&line[directive.end..], " ms");
    }

    #[test]
    fn several_on_a_line_and_others_left_alone() {
        let line = r"{{#include a.rs}} {{#output 1-3 last-ms}} and {{#output 2-1 lines}} \{{#output 9-9 x}}";
        let found: Vec<String> = find(line).into_iter().map(|d| d.unwrap().number).collect();
        assert_eq!(found, ["1-3", "2-1"]);
        assert!(find("{{#listings 1-3}} {{#outputs}}").is_empty());
    }

    #[test]
    fn malformed_directives() {
        assert_eq!(problem("{{#listing 1-3"), "no closing `}}` on this line");
        assert_eq!(
            problem("{{#listing}}"),
            "no listing number; it starts with a listing number, as in `{{#listing 1-3}}`"
        );
        assert_eq!(
            problem("{{#listing 01-3}}"),
            "`01-3` is not a listing number; it starts with a listing number, as in `{{#listing 1-3}}`"
        );
        assert_eq!(
            problem("{{#output anchors=a}}"),
            "`anchors` is not a listing number; it starts with a listing number, as in `{{#output 1-3}}`"
        );
        assert_eq!(
            problem(r#"{{#output 1-3 ms="b: start}}"#),
            "the value of `ms` has no closing `\"`"
        );
        assert_eq!(
            problem("{{#listing 1-3 anchors=}}"),
            "`anchors=` has an empty value"
        );
        assert_eq!(
            find("{{#listing 1-3 x").remove(0).unwrap_err().text,
            "{{#listing 1-3 x"
        );
    }

    #[test]
    fn options_are_checked_against_what_the_directive_knows() {
        let known = |line: &str| options(&one(line), &["lines"], &["anchors"]).map(|m| m.len());
        assert_eq!(known("{{#listing 1-3 anchors=a lines}}"), Ok(2));
        assert_eq!(
            known("{{#listing 1-3 anchor=a}}"),
            Err("unknown option `anchor` (known: lines, anchors=…)".into())
        );
        assert_eq!(
            known("{{#listing 1-3 anchors=a anchors=b}}"),
            Err("`anchors` is given twice".into())
        );
        assert_eq!(
            known("{{#listing 1-3 lines=2}}"),
            Err("`lines` takes no value".into())
        );
        assert_eq!(
            known("{{#listing 1-3 anchors}}"),
            Err("`anchors` needs a value: `anchors=…`".into())
        );
    }
}
