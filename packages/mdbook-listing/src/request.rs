//! What a `{{#listing 1-3 …}}` directive asks for, from its options:
//!
//! - `anchors=fetch,main`: only these anchored parts of the Rust code, in one block;
//! - `twin-anchors=…`: the same for the twin's code;
//! - `program=rust`, `program=twin`, `program=both`: which programs (default: all it has);
//! - `file=src/lib.rs`: another file of the crate than `src/main.rs`.

use crate::directive::{Directive, options};
use crate::workspace::Program;

#[derive(Debug, PartialEq)]
pub struct Request {
    /// `None`: every program the listing has.
    pub programs: Option<Vec<Program>>,
    pub anchors: Vec<String>,
    pub twin_anchors: Vec<String>,
    pub file: Option<String>,
}

impl Request {
    pub fn parse(directive: &Directive) -> Result<Request, String> {
        let given = options(
            directive,
            &[],
            &["anchors", "twin-anchors", "program", "file"],
        )?;
        let list = |key: &str| -> Result<Vec<String>, String> {
            let Some(Some(value)) = given.get(key) else {
                return Ok(Vec::new());
            };
            let names: Vec<String> = value
                .split(',')
                .map(|name| name.trim().to_owned())
                .collect();
            match names.iter().find(|name| !is_anchor_name(name)) {
                Some(bad) => Err(format!("`{key}=…`: `{bad}` is not an anchor name")),
                None => Ok(names),
            }
        };
        let programs = match given.get("program").copied().flatten() {
            None => None,
            Some("rust") => Some(vec![Program::Rust]),
            Some("twin") => Some(vec![Program::Twin]),
            Some("both") => Some(vec![Program::Rust, Program::Twin]),
            Some(other) => {
                return Err(format!("`program={other}`: it is `rust`, `twin` or `both`"));
            }
        };
        let request = Request {
            anchors: list("anchors")?,
            twin_anchors: list("twin-anchors")?,
            file: given.get("file").copied().flatten().map(str::to_owned),
            programs,
        };
        let shows = |program| {
            request
                .programs
                .as_ref()
                .is_none_or(|p| p.contains(&program))
        };
        if !shows(Program::Rust) && (!request.anchors.is_empty() || request.file.is_some()) {
            let option = if request.file.is_some() {
                "file"
            } else {
                "anchors"
            };
            return Err(format!(
                "`{option}=…` is about the Rust code, which `program=twin` does not show \
                 (the twin's parts are `twin-anchors=…`)"
            ));
        }
        if !shows(Program::Twin) && !request.twin_anchors.is_empty() {
            return Err(
                "`twin-anchors=…` is about the twin, which `program=rust` does not show".into(),
            );
        }
        Ok(request)
    }
}

fn is_anchor_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directive::find;

    #[test]
    fn options_that_contradict_each_other() {
        let error = |line: &str| Request::parse(&find(line).remove(0).unwrap()).unwrap_err();
        assert_eq!(
            error("{{#listing 1-3 program=twin anchors=main}}"),
            "`anchors=…` is about the Rust code, which `program=twin` does not show (the twin's \
             parts are `twin-anchors=…`)"
        );
        assert_eq!(
            error("{{#listing 1-3 program=rust twin-anchors=main}}"),
            "`twin-anchors=…` is about the twin, which `program=rust` does not show"
        );
        assert_eq!(
            error("{{#listing 1-3 program=python}}"),
            "`program=python`: it is `rust`, `twin` or `both`"
        );
        assert_eq!(
            error("{{#listing 1-3 anchors=a,,b}}"),
            "`anchors=…`: `` is not an anchor name"
        );
        assert_eq!(
            error("{{#listing 1-3 anchor=main}}"),
            "unknown option `anchor` (known: anchors=…, twin-anchors=…, program=…, file=…)"
        );
    }
}
