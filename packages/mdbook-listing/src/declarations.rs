//! What a listing declares about itself in its `Cargo.toml`, under `[package.metadata.listing]`:
//! that it is meant to panic or not to compile, that its output is drawn as a timeline, or that
//! it only makes sense on the virtual clock, and the titles its captions show. A key that is
//! misspelt, of the wrong type or contradicting another fails the whole run (of the test harness
//! or of `mdbook build`), naming the manifest.

use serde_json::Value;

/// What a listing is meant to do. No declaration means it runs and exits successfully.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// Runs to completion; its output is compared with `output.txt`.
    Output,
    /// `panic = "text"`: exits with a panic whose message contains the text.
    Panic(String),
    /// `compile-error = "E0373"`: fails to compile with that error code (or, for an error that
    /// has no code, with a message containing the text).
    CompileError(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: String,
    /// `timeline-axis-ms = 500`: the time axis ends here rather than at the last event, so that
    /// timelines meant to be compared side by side share one scale.
    pub axis_ms: Option<u64>,
}

#[derive(Debug, PartialEq)]
pub struct Declarations {
    pub expect: Expect,
    /// `timeline = "title"`: the listing's timed output is also drawn as `timeline.svg`.
    pub timeline: Option<Timeline>,
    /// `virtual-clock-only = "why"`: the real-clock check (`realclock`) does not run this
    /// listing or its twin, for the reason given (an hour of virtual time, say).
    pub virtual_clock_only: Option<String>,
    /// `title = "…"`: what the listing shows, in its caption (rendered by the book's
    /// preprocessor, `packages/mdbook-listing`); `twin-title = "…"`, the same for its twin.
    pub title: Option<String>,
    pub twin_title: Option<String>,
}

const KNOWN: &str = "`title`, `twin-title`, `panic`, `compile-error`, `timeline`, \
                     `timeline-axis-ms`, `virtual-clock-only`";

/// Reads the declarations from a package's `metadata` as `cargo metadata` reports it. `shown` is
/// the manifest's path as the reader sees it, named in every message.
pub fn parse(metadata: &Value, shown: &str) -> Result<Declarations, String> {
    let mut declared = Declarations {
        expect: Expect::Output,
        timeline: None,
        virtual_clock_only: None,
        title: None,
        twin_title: None,
    };
    let Some(table) = metadata.get("listing") else {
        return Ok(declared);
    };
    let at = format!("{shown}: [package.metadata.listing]");
    let table = table
        .as_object()
        .ok_or_else(|| format!("{at} must be a table"))?;
    let mut title = None;
    let mut axis_ms = None;
    for (key, value) in table {
        if key == "timeline-axis-ms" {
            let ms = value.as_u64().filter(|ms| *ms > 0);
            axis_ms = Some(
                ms.ok_or_else(|| format!("{at} timeline-axis-ms must be a positive integer"))?,
            );
            continue;
        }
        // A title is one line of Markdown, in a caption.
        let (is_title, wanted) = match key.as_str() {
            "title" | "twin-title" => (true, "a non-empty string on one line"),
            _ => (false, "a non-empty string"),
        };
        let text = value.as_str().filter(|text| {
            !text.is_empty() && !(is_title && (text.trim().is_empty() || text.contains('\n')))
        });
        let text = text
            .ok_or_else(|| format!("{at} {key} must be {wanted}"))?
            .to_owned();
        let expect = match key.as_str() {
            "panic" => Expect::Panic(text),
            "compile-error" => Expect::CompileError(text),
            "timeline" => {
                title = Some(text);
                continue;
            }
            "virtual-clock-only" => {
                declared.virtual_clock_only = Some(text);
                continue;
            }
            "title" => {
                declared.title = Some(text);
                continue;
            }
            "twin-title" => {
                declared.twin_title = Some(text);
                continue;
            }
            _ => return Err(format!("{at} has an unknown key `{key}` (known: {KNOWN})")),
        };
        if declared.expect != Expect::Output {
            return Err(format!("{at} declares both `panic` and `compile-error`"));
        }
        declared.expect = expect;
    }
    if axis_ms.is_some() && title.is_none() {
        return Err(format!(
            "{at} timeline-axis-ms needs a `timeline = \"title\"`"
        ));
    }
    declared.timeline = title.map(|title| Timeline { title, axis_ms });
    Ok(declared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse_listing(table: Value) -> Result<Declarations, String> {
        parse(&json!({ "listing": table }), "listings/x/Cargo.toml")
    }

    #[test]
    fn no_table_means_a_plain_run() {
        let declared = parse(&json!(null), "Cargo.toml").unwrap();
        assert_eq!(declared.expect, Expect::Output);
        assert_eq!(declared.timeline, None);
    }

    #[test]
    fn reads_every_key() {
        let declared = parse_listing(json!({
            "panic": "boom",
            "timeline": "Two at once",
            "timeline-axis-ms": 500,
            "virtual-clock-only": "an hour of sleep",
            "title": "Two awaits",
            "twin-title": "Two awaits in asyncio",
        }))
        .unwrap();
        assert_eq!(declared.expect, Expect::Panic("boom".into()));
        let timeline = Timeline {
            title: "Two at once".into(),
            axis_ms: Some(500),
        };
        assert_eq!(declared.timeline, Some(timeline));
        assert_eq!(
            declared.virtual_clock_only.as_deref(),
            Some("an hour of sleep")
        );
        assert_eq!(declared.title.as_deref(), Some("Two awaits"));
        assert_eq!(
            declared.twin_title.as_deref(),
            Some("Two awaits in asyncio")
        );
    }

    #[test]
    fn names_the_manifest_and_the_key_in_every_refusal() {
        let refused = [
            (json!({ "panik": "boom" }), "unknown key `panik`"),
            (json!({ "panic": "" }), "panic must be a non-empty string"),
            (
                json!({ "panic": "a", "compile-error": "E1" }),
                "both `panic` and `compile-error`",
            ),
            (
                json!({ "timeline-axis-ms": 0, "timeline": "t" }),
                "must be a positive integer",
            ),
            (json!({ "timeline-axis-ms": 500 }), "needs a `timeline"),
            (json!("panic"), "must be a table"),
            (
                json!({ "title": "two\nlines" }),
                "title must be a non-empty string on one line",
            ),
            (
                json!({ "twin-title": " " }),
                "twin-title must be a non-empty",
            ),
        ];
        for (table, message) in refused {
            let problem = parse_listing(table).unwrap_err();
            assert!(problem.starts_with("listings/x/Cargo.toml: [package.metadata.listing]"));
            assert!(problem.contains(message), "{problem}");
        }
    }
}
