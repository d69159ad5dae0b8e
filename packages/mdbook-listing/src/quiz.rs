//! A listing's quiz: `quiz.toml` beside its `Cargo.toml` holds questions about what the listing
//! prints, each with 2 to 5 options and a `key` that says how the right one is found. The key
//! is computed at build time from the listing's checked output, with the queries of
//! `{{#output}}` (`output.rs`), so an answer that is a fact of the output is never typed by
//! hand; a question that its output no longer decides (no option right, or two) fails the
//! build, naming the file and the question. The questions render inside the listing's figure,
//! in the panel of the program they ask about, between its code and its checked output
//! (`part`): a plain list that shows every option's explanation and the answer, which
//! `assets/quiz.js` turns into a form, hiding the output until the reader answers.
//!
//! ```toml
//! [[question]]
//! id = "total-time"      # kebab-case, unique in the file
//! ask = "At what virtual time does Listing 1-4 print its last line?"   # inline Markdown
//! of = "rust"            # whose checked output decides: "rust" (default) or "twin"
//! key = "last-ms"
//!
//! [[question.option]]
//! answer = "300 ms"      # what the reader sees (inline Markdown)
//! value = "300"          # compared with the value the key computes
//! why = "The longer of the two: both sleeps run during the same 300 ms."
//! ```
//!
//! The key forms:
//!
//! - `"last-ms"`, `{ ms = "text" }`, `"lines"`, `{ match = "regex" }`: the value the same
//!   `{{#output}}` query reads in the checked output; the right option is the one whose `value`
//!   equals it.
//! - `"first"`: the values are texts the program prints; the right option is the one whose text
//!   is on the earliest line (the stamp aside). Every value must occur, no two first on one line,
//!   and none stamped at the same virtual instant as the first one: the order of two events due
//!   at one instant is tokio's choice, not a fact to ask about (the tie rule), unless one causes
//!   the other, which the question then says in `causal = "…"` (for the maintainers; the reader
//!   does not see it).
//! - `"compiles"`: values `"yes"` and `"no"`; `"no"` is right exactly when the listing declares
//!   `compile-error`, and the key then quotes the first `error` line of its checked output.
//! - `{ given = "value" }`: for a conceptual question that no output decides, the right option's
//!   value, named by hand.

use crate::figure;
use crate::markdown::shield;
use crate::output::{self, Query};
use crate::workspace::{Listing, Program, Workspace};
use regex::Regex;
use std::fs;
use std::path::PathBuf;
use std::sync::LazyLock;
use toml::{Table, Value};

/// The quiz file beside a listing's `Cargo.toml`.
pub const QUIZ_FILE: &str = "quiz.toml";

const QUESTION_KEYS: &[&str] = &["id", "ask", "of", "key", "causal", "option"];
const OPTION_KEYS: &[&str] = &["answer", "value", "why"];
const KEY_FORMS: &str = "\"last-ms\", { ms = \"text\" }, \"lines\", { match = \"regex\" }, \
                         \"first\", \"compiles\", { given = \"value\" }";

#[derive(Debug)]
pub struct Question {
    /// Kebab-case, unique in its file: `total-time`.
    pub id: String,
    /// The question, inline Markdown.
    pub ask: String,
    /// Whose checked output decides it, and in whose panel it stands.
    pub of: Program,
    pub key: Key,
    /// `causal = "…"`, under `key = "first"` only: how the first event causes another stamped at
    /// the same virtual instant, which makes their order a fact despite the tie.
    pub causal: Option<String>,
    pub options: Vec<Choice>,
}

/// How the right option is found.
#[derive(Debug)]
pub enum Key {
    /// The value an `{{#output}}` query reads.
    Output(Query),
    /// The value printed first.
    First,
    /// `"no"` when the listing is meant not to compile, else `"yes"`.
    Compiles,
    /// Named by hand, for a conceptual question.
    Given(String),
}

#[derive(Debug)]
pub struct Choice {
    /// What the reader sees, inline Markdown.
    pub answer: String,
    /// What the key's value is compared with.
    pub value: String,
    /// Why this option is right or wrong, Markdown.
    pub why: String,
}

/// A question's right option, and what decided it (for the answer's "Decided by …").
#[derive(Debug, PartialEq)]
pub struct Decision {
    pub right: usize,
    /// `its last stamped line is at 300 ms`; `None` for a `given` key, which no output decides.
    pub because: Option<String>,
}

/// What a quiz adds to a program's panel: the questions and the opening of the wrapper that
/// `quiz.js` hides (before the checked output), and the wrapper's end (after the output and
/// timeline). Both are empty when no question asks about the program.
#[derive(Default)]
pub struct Part {
    pub before_output: Vec<String>,
    pub after_output: Vec<String>,
}

pub fn file(listing: &Listing) -> PathBuf {
    listing.krate.dir.join(QUIZ_FILE)
}

/// The listing's questions, read and checked in all that does not depend on its output; `None`
/// when it has no quiz. A problem names the file and, where there is one, the question.
pub fn load(listing: &Listing, workspace: &Workspace) -> Result<Option<Vec<Question>>, String> {
    let path = file(listing);
    if !path.exists() {
        return Ok(None);
    }
    let shown = workspace.shown(&path);
    let text = fs::read_to_string(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let table: Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
        format!("{shown}:{line}: not valid TOML: {}", e.message().trim())
    })?;
    questions(&table, listing)
        .map(Some)
        .map_err(|problem| format!("{shown}: {problem}"))
}

fn questions(table: &Table, listing: &Listing) -> Result<Vec<Question>, String> {
    if let Some(key) = table.keys().find(|key| *key != "question") {
        return Err(format!(
            "unknown key `{key}` (a quiz file holds `[[question]]` tables only)"
        ));
    }
    let list = match table.get("question") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        None | Some(Value::Array(_)) => {
            return Err("holds no `[[question]]`; ask something, or delete the file".into());
        }
        Some(_) => {
            return Err("`question` must be an array of tables, written `[[question]]`".into());
        }
    };
    let mut questions: Vec<Question> = Vec::new();
    for (index, item) in list.iter().enumerate() {
        questions.push(question(item, index, listing, &questions)?);
    }
    Ok(questions)
}

fn question(
    item: &Value,
    index: usize,
    listing: &Listing,
    before: &[Question],
) -> Result<Question, String> {
    let number = listing.number();
    let unnamed = format!("Listing {number}, question {}", index + 1);
    let Value::Table(table) = item else {
        return Err(format!(
            "{unnamed}: a question is a table, written `[[question]]`"
        ));
    };
    let id = match table.get("id") {
        Some(Value::String(id)) if is_kebab_case(id) => id.clone(),
        Some(Value::String(id)) => {
            return Err(format!(
                "{unnamed}: `id = \"{id}\"` is not kebab-case (lowercase letters and digits, in \
                 words joined by single hyphens)"
            ));
        }
        Some(_) => return Err(format!("{unnamed}: `id` must be a string")),
        None => {
            return Err(format!(
                "{unnamed} has no `id = \"…\"` (kebab-case, unique in the file), which its \
                 errors and the reader's saved answer go by"
            ));
        }
    };
    let who = format!("Listing {number}, question {id}");
    if let Some(earlier) = before.iter().position(|question| question.id == id) {
        return Err(format!(
            "{who}: question {} has this id already; each id is unique in the file",
            earlier + 1
        ));
    }
    let checked = || -> Result<Question, String> {
        unknown_keys(table, QUESTION_KEYS, "")?;
        let ask = text(table, "ask", "`ask`", false)?
            .ok_or("has no `ask = \"…\"`, the question itself")?;
        let of = match table.get("of") {
            None => Program::Rust,
            Some(Value::String(of)) if of == "rust" => Program::Rust,
            Some(Value::String(of)) if of == "twin" => Program::Twin,
            Some(other) => return Err(format!("`of = {other}`: it is \"rust\" or \"twin\"")),
        };
        if of == Program::Twin && listing.twin().is_none() {
            return Err(format!(
                "`of = \"twin\"`, but Listing {number} has no asyncio twin (no twin.py beside \
                 its Cargo.toml)"
            ));
        }
        let key = key(table.get("key"))?;
        if matches!(key, Key::Compiles) && of == Program::Twin {
            return Err(
                "`key = \"compiles\"` asks whether the Rust program compiles; a twin is not \
                 compiled (drop `of = \"twin\"`)"
                    .into(),
            );
        }
        let causal = text(table, "causal", "`causal`", true)?;
        if causal.is_some() && !matches!(key, Key::First) {
            return Err(
                "`causal` says why two events at one instant are ordered, which only a \
                 `key = \"first\"` question compares"
                    .into(),
            );
        }
        let options = options(table.get("option"))?;
        let values = || {
            let values: Vec<String> = options.iter().map(|o| code(&o.value)).collect();
            values.join(", ")
        };
        match &key {
            Key::Compiles => {
                let other = options
                    .iter()
                    .position(|option| !["yes", "no"].contains(&option.value.as_str()));
                if let Some(index) = other {
                    return Err(format!(
                        "`key = \"compiles\"`: option {} has the value {}; it is \"yes\" or \"no\"",
                        index + 1,
                        code(&options[index].value)
                    ));
                }
            }
            Key::Given(given) if !options.iter().any(|option| option.value == *given) => {
                return Err(format!(
                    "`key = {{ given = \"{given}\" }}` names no option's value (they are {})",
                    values()
                ));
            }
            _ => {}
        }
        Ok(Question {
            id: id.clone(),
            ask,
            of,
            key,
            causal,
            options,
        })
    };
    checked().map_err(|problem| format!("{who}: {problem}"))
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn unknown_keys(table: &Table, known: &[&str], whose: &str) -> Result<(), String> {
    match table.keys().find(|key| !known.contains(&key.as_str())) {
        Some(key) => Err(format!(
            "{whose}unknown key `{key}` (known: {})",
            known.join(", ")
        )),
        None => Ok(()),
    }
}

/// A text field: a non-empty string, on one line unless `paragraph`, where its lines are
/// joined (a blank line, which would end it, is refused).
fn text(table: &Table, key: &str, named: &str, paragraph: bool) -> Result<Option<String>, String> {
    let Some(value) = table.get(key) else {
        return Ok(None);
    };
    let Value::String(text) = value else {
        return Err(format!("{named} must be a string"));
    };
    let lines: Vec<&str> = text.trim().lines().map(str::trim).collect();
    match lines.as_slice() {
        [] | [""] => Err(format!("{named} is empty")),
        [_] => Ok(Some(lines[0].to_owned())),
        _ if !paragraph => Err(format!("{named} must be on one line")),
        _ if lines.contains(&"") => Err(format!("{named} has a blank line; it is one paragraph")),
        _ => Ok(Some(lines.join(" "))),
    }
}

fn key(value: Option<&Value>) -> Result<Key, String> {
    let unknown =
        |written: String| format!("`key = {written}` is not a key form (known: {KEY_FORMS})");
    match value {
        None => Err(format!(
            "has no `key`, which says how the right option is found ({KEY_FORMS})"
        )),
        Some(Value::String(name)) => match name.as_str() {
            "first" => Ok(Key::First),
            "compiles" => Ok(Key::Compiles),
            _ => Query::named(name, None)?
                .map(Key::Output)
                .ok_or_else(|| unknown(format!("\"{name}\""))),
        },
        Some(Value::Table(table)) if table.len() == 1 => {
            let (name, value) = table.iter().next().expect("one entry");
            let text = match value {
                Value::String(text) if !text.is_empty() => text,
                _ => {
                    return Err(format!(
                        "`key = {{ {name} = … }}`: the value must be a non-empty string"
                    ));
                }
            };
            if name == "given" {
                return Ok(Key::Given(text.clone()));
            }
            Query::named(name, Some(text))?
                .map(Key::Output)
                .ok_or_else(|| unknown(format!("{{ {name} = … }}")))
        }
        Some(other) => Err(unknown(other.to_string())),
    }
}

fn options(value: Option<&Value>) -> Result<Vec<Choice>, String> {
    let list = match value {
        Some(Value::Array(list)) => list,
        None => return Err("has no options; give it 2 to 5 `[[question.option]]` tables".into()),
        Some(_) => {
            return Err(
                "`option` must be an array of tables, written `[[question.option]]`".into(),
            );
        }
    };
    let mut choices: Vec<Choice> = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let n = index + 1;
        let Value::Table(table) = item else {
            return Err(format!(
                "option {n} is not a table; write it `[[question.option]]`"
            ));
        };
        unknown_keys(table, OPTION_KEYS, &format!("option {n}: "))?;
        let field = |key: &str, paragraph: bool, missing: &str| {
            text(table, key, &format!("option {n}'s `{key}`"), paragraph)?
                .ok_or_else(|| format!("option {n} has no `{key} = \"…\"`; {missing}"))
        };
        let choice = Choice {
            answer: field("answer", false, "it is what the reader sees")?,
            value: field(
                "value",
                false,
                "it is what the key's value is compared with",
            )?,
            why: field("why", true, "every option says why it is right or wrong")?,
        };
        if let Some(same) = choices.iter().position(|c| c.value == choice.value) {
            return Err(format!(
                "options {} and {n} have the same value {}; the key tells options apart by \
                 their values",
                same + 1,
                code(&choice.value)
            ));
        }
        choices.push(choice);
    }
    match choices.len() {
        2..=5 => Ok(choices),
        count => Err(format!(
            "has {count} option{}; a question has 2 to 5",
            if count == 1 { "" } else { "s" }
        )),
    }
}

/// Finds the right option of `question` from the listing's checked output: exactly one, or an
/// error that says what the output gives and why no single option fits it.
pub fn decide(
    question: &Question,
    listing: &Listing,
    workspace: &Workspace,
) -> Result<Decision, String> {
    let options = &question.options;
    let position = |value: &str| options.iter().position(|option| option.value == value);
    if let Key::Given(given) = &question.key {
        let right = position(given).expect("a given value is an option's, checked on loading");
        return Ok(Decision {
            right,
            because: None,
        });
    }
    let path = listing.expected_file_of(question.of);
    let shown = workspace.shown(&path);
    let output = fs::read_to_string(&path).map_err(|_| {
        format!(
            "its key reads the checked output, but {shown} does not exist \
             (`UPDATE_EXPECT=1 cargo test` writes it)"
        )
    })?;
    let values = || {
        let values: Vec<String> = options.iter().map(|o| code(&o.value)).collect();
        values.join(", ")
    };
    let (right, because) = match &question.key {
        Key::Given(_) => unreachable!("returned above"),
        Key::Output(query) => {
            let value = output::evaluate(query, &output)
                .map_err(|problem| format!("its key reads {shown}: {problem}"))?;
            let right = position(&value).ok_or_else(|| {
                format!(
                    "no option is right: {} gives {} in {shown}, and the options' values are \
                     {}; the output changed, or a value is wrong",
                    written(&question.key),
                    code(&value),
                    values()
                )
            })?;
            (right, explain(query, &value, &output))
        }
        Key::First => first(options, question.causal.is_some(), &output, &shown)?,
        Key::Compiles => match listing.is_compile_error() {
            false => (
                position("yes").ok_or("`key = \"compiles\"`: no option has the value \"yes\"")?,
                "it builds and runs, and prints the checked output below".to_owned(),
            ),
            true => {
                let error = output
                    .lines()
                    .find(|line| line.trim_start().starts_with("error"))
                    .ok_or_else(|| {
                        format!(
                            "Listing {} declares `compile-error`, but its checked output {shown} \
                             holds no `error` line for the key to show",
                            listing.number()
                        )
                    })?;
                (
                    position("no").ok_or("`key = \"compiles\"`: no option has the value \"no\"")?,
                    format!("`cargo build` stops with {}", code(error.trim())),
                )
            }
        },
    };
    Ok(Decision {
        right,
        because: Some(because),
    })
}

/// The key as written in the file, for messages.
fn written(key: &Key) -> String {
    match key {
        Key::Output(Query::LastMs) => "`key = \"last-ms\"`".into(),
        Key::Output(Query::Lines) => "`key = \"lines\"`".into(),
        Key::Output(Query::MsOf(text)) => format!("`key = {{ ms = \"{text}\" }}`"),
        Key::Output(Query::Match(regex)) => format!("`key = {{ match = \"{regex}\" }}`"),
        Key::First => "`key = \"first\"`".into(),
        Key::Compiles => "`key = \"compiles\"`".into(),
        Key::Given(value) => format!("`key = {{ given = \"{value}\" }}`"),
    }
}

/// What the output shows that decides an `{{#output}}` query's question.
fn explain(query: &Query, value: &str, output: &str) -> String {
    match query {
        Query::LastMs => format!("its last stamped line is at {value} ms"),
        Query::MsOf(text) => format!("its line holding {} is stamped {value} ms", code(text)),
        Query::Lines => format!("it prints {value} lines"),
        Query::Match(regex) => {
            let line = output.lines().find(|line| regex.is_match(line));
            format!("it prints {}", code(line.unwrap_or(value).trim()))
        }
    }
}

/// `key = "first"`: the option whose text the output prints first, strictly before the others,
/// and at an earlier virtual instant unless the question says why the two are ordered (`causal`).
fn first(
    options: &[Choice],
    causal: bool,
    output: &str,
    shown: &str,
) -> Result<(usize, String), String> {
    let mut found = Vec::new();
    for (index, option) in options.iter().enumerate() {
        let line = output::lines(output)
            .find(|line| line.text.contains(option.value.as_str()))
            .ok_or_else(|| {
                format!(
                    "`key = \"first\"`: option {}'s value {} is on no line of {shown}; each \
                     value is a text the program prints",
                    index + 1,
                    code(&option.value)
                )
            })?;
        found.push((line.number, line.ms, index));
    }
    found.sort();
    let value = |index: usize| code(&options[index].value);
    for pair in found.windows(2) {
        let ((line, _, one), (other_line, _, other)) = (pair[0], pair[1]);
        if line == other_line {
            return Err(format!(
                "`key = \"first\"`: {} and {} are first printed on the same line ({line}) of \
                 {shown}, so neither comes before the other",
                value(one),
                value(other)
            ));
        }
    }
    let (number, ms, right) = found[0];
    let tied = found[1..]
        .iter()
        .find(|(_, other_ms, _)| ms.is_some() && *other_ms == ms);
    match (tied, causal) {
        (Some(&(other, _, index)), false) => {
            return Err(format!(
                "`key = \"first\"`: {} (line {number}) and {} (line {other}) are both stamped \
                 {} ms in {shown}; the order of two events due at the same virtual instant is \
                 not a fact to ask about (the tie rule), unless one causes the other: then say \
                 how in `causal = \"…\"`",
                value(right),
                value(index),
                ms.unwrap_or_default()
            ));
        }
        (None, true) => {
            return Err(format!(
                "declares `causal`, but no other value is stamped at the instant of the first, \
                 {} (line {number}) in {shown}; the order needs no excuse, so remove it",
                value(right)
            ));
        }
        _ => {}
    }
    let at = ms.map(|ms| format!(", at {ms} ms")).unwrap_or_default();
    Ok((
        right,
        format!("{} comes first, on line {number}{at}", value(right)),
    ))
}

/// The quiz part of a program's panel: the questions that ask about `program`, each decided from
/// its checked output, rendered as HTML around Markdown that mdBook renders.
pub fn part(listing: &Listing, workspace: &Workspace, program: Program) -> Result<Part, String> {
    let Some(questions) = load(listing, workspace)? else {
        return Ok(Part::default());
    };
    let asked: Vec<&Question> = questions.iter().filter(|q| q.of == program).collect();
    if asked.is_empty() {
        // The other program of the figure asks; this one's output, a tab away, would often
        // answer it, so it is hidden too, behind a control of its own (`quiz.js`).
        let figure = figure::id(listing, program);
        return Ok(Part {
            before_output: vec![
                String::new(),
                format!("<div class=\"quiz-output quiz-unasked\" id=\"{figure}-output\">"),
            ],
            after_output: vec![String::new(), "</div>".into()],
        });
    }
    let shown = workspace.shown(&file(listing));
    let number = listing.number();
    let mut decisions = Vec::new();
    let mut problems = Vec::new();
    for question in &asked {
        match decide(question, listing, workspace) {
            Ok(decision) => decisions.push(decision),
            Err(problem) => problems.push(format!(
                "{shown}: Listing {number}, question {}: {problem}",
                question.id
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    let figure = figure::id(listing, program);
    let decider = match program {
        Program::Rust => format!("[Listing {number}](#{figure})"),
        Program::Twin => format!("[the asyncio twin of Listing {number}](#{figure})"),
    };
    let mut lines = vec![
        String::new(),
        format!("<div class=\"quiz\" id=\"{figure}-quiz\" data-output=\"{figure}-output\">"),
        "<p class=\"quiz-title\"><strong>Predict, then check</strong></p>".to_owned(),
        "<ol class=\"quiz-questions\">".to_owned(),
    ];
    for (question, decision) in asked.iter().zip(&decisions) {
        lines.push(format!(
            "<li class=\"quiz-question\" id=\"quiz-{number}-{}\">",
            question.id
        ));
        lines.extend(block("quiz-ask", &inline(&question.ask))?);
        lines.push("<ul class=\"quiz-options\">".into());
        for (index, option) in question.options.iter().enumerate() {
            let right = index == decision.right;
            lines.push(format!(
                "<li class=\"quiz-option\" data-value=\"{}\"{}>",
                attribute(&option.value),
                if right { " data-right=\"true\"" } else { "" }
            ));
            lines.extend(block("quiz-answer", &inline(&option.answer))?);
            let verdict = if right { "Right." } else { "Not this one." };
            let why = format!(
                "<span class=\"quiz-verdict\">{verdict}</span> {}",
                option.why
            );
            lines.extend(block("quiz-why", &why)?);
            lines.push("</li>".into());
        }
        lines.push("</ul>".into());
        let answer = &question.options[decision.right].answer;
        let key = format!("<strong>Answer:</strong> {answer}");
        lines.extend(block("quiz-key", &key)?);
        if let Some(because) = &decision.because {
            let decided = format!("Decided by the checked output of {decider}: {because}.");
            lines.extend(block("quiz-decided", &decided)?);
        }
        lines.push("</li>".into());
    }
    lines.extend([
        "</ol>".to_owned(),
        "</div>".to_owned(),
        format!("<div class=\"quiz-output\" id=\"{figure}-output\">"),
    ]);
    Ok(Part {
        before_output: lines,
        after_output: vec![String::new(), "</div>".into()],
    })
}

/// A `<div>` holding one paragraph of Markdown, which mdBook renders because blank lines set it
/// apart from the HTML around it.
fn block(class: &str, markdown: &str) -> Result<Vec<String>, String> {
    let markdown = shield(markdown)?;
    Ok(vec![
        format!("<div class=\"{class}\">"),
        String::new(),
        markdown,
        String::new(),
        "</div>".to_owned(),
    ])
}

/// Inline Markdown that stays inline at the start of a paragraph: `5.` or `- x` would begin a
/// list, `# x` a heading, `> x` a quote. A backslash before the mark keeps it text.
fn inline(text: &str) -> String {
    static BLOCK_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,9}[.)]|[-+*]|#{1,6})(?:\s|$)|^>").expect("a valid pattern")
    });
    match BLOCK_START.find(text) {
        None => text.to_owned(),
        Some(_) => {
            let mark = text
                .find(|c: char| !c.is_ascii_digit())
                .filter(|&at| at > 0)
                .unwrap_or(0);
            format!("{}\\{}", &text[..mark], &text[mark..])
        }
    }
}

/// A Markdown code span that shows `text` as it is, whatever backticks it holds.
fn code(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    match longest {
        0 => format!("{fence}{text}{fence}"),
        _ => format!("{fence} {text} {fence}"),
    }
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{Fixture, fixture};
    use crate::preprocess::expand;
    use mdbook_preprocessor::book::{Book, BookItem, Chapter};
    use std::path::Path;

    const FILE: &str = "listings/ch01/listing-01-03/quiz.toml";

    /// The fixture, with `quiz` as the quiz.toml of the listing numbered `number`.
    fn with_quiz(number: &str, quiz: &str) -> Fixture {
        let fixture = fixture();
        let listing = fixture.workspace.find(number).expect("a fixture listing");
        fs::write(file(listing), quiz).expect("a temporary file");
        fixture
    }

    /// One question `q` with this key line and options `(value, why)`, each answer its value.
    fn question(key: &str, options: &[&str]) -> String {
        let mut quiz = format!("[[question]]\nid = \"q\"\nask = \"What?\"\n{key}\n");
        for value in options {
            quiz.push_str(&format!(
                "\n[[question.option]]\nanswer = \"{value}\"\nvalue = \"{value}\"\nwhy = \"Because.\"\n"
            ));
        }
        quiz
    }

    /// The right option's value and what decided it, for one question on Listing `number`.
    fn decided(number: &str, quiz: &str) -> Result<(String, Option<String>), String> {
        let fixture = with_quiz(number, quiz);
        let listing = fixture.workspace.find(number).unwrap();
        let questions = load(listing, &fixture.workspace)?.expect("a quiz");
        let decision = decide(&questions[0], listing, &fixture.workspace)?;
        let value = questions[0].options[decision.right].value.clone();
        Ok((value, decision.because))
    }

    fn right(number: &str, quiz: &str) -> String {
        decided(number, quiz).unwrap().0
    }

    /// The problem the Rust panel of Listing `number` reports, loading or deciding its quiz.
    fn problem(number: &str, quiz: &str) -> String {
        let fixture = with_quiz(number, quiz);
        let listing = fixture.workspace.find(number).unwrap();
        match part(listing, &fixture.workspace, Program::Rust) {
            Ok(_) => panic!("the quiz was accepted:\n{quiz}"),
            Err(problem) => problem,
        }
    }

    /// A problem with a question, after the file and question it names.
    fn question_problem(quiz: &str) -> String {
        let problem = problem("1-3", quiz);
        let prefix = format!("{FILE}: Listing 1-3, question q: ");
        match problem.strip_prefix(&prefix) {
            Some(rest) => rest.to_owned(),
            None => panic!("`{problem}` does not start with `{prefix}`"),
        }
    }

    #[test]
    fn each_output_key_reads_the_checked_output_as_output_does() {
        let last = question("key = \"last-ms\"", &["300", "500"]);
        assert_eq!(
            decided("1-3", &last).unwrap(),
            (
                "500".into(),
                Some("its last stamped line is at 500 ms".into())
            )
        );
        let ms = question("key = { ms = \"b: start\" }", &["0", "300"]);
        assert_eq!(
            decided("1-3", &ms).unwrap(),
            (
                "300".into(),
                Some("its line holding `b: start` is stamped 300 ms".into())
            )
        );
        let lines = question("key = \"lines\"", &["2", "4", "5"]);
        assert_eq!(
            decided("1-3", &lines).unwrap(),
            ("4".into(), Some("it prints 4 lines".into()))
        );
        let matched = question(r#"key = { match = '(\d+) ms\] b: done' }"#, &["300", "500"]);
        assert_eq!(
            decided("1-3", &matched).unwrap(),
            ("500".into(), Some("it prints `[  500 ms] b: done`".into()))
        );
    }

    #[test]
    fn the_first_key_finds_the_earliest_text() {
        let first = question("key = \"first\"", &["b: done", "a: start"]);
        assert_eq!(
            decided("1-3", &first).unwrap(),
            (
                "a: start".into(),
                Some("`a: start` comes first, on line 1, at 0 ms".into())
            )
        );
        let fixture = with_quiz("1-2", &question("key = \"first\"", &["E0599", "warning"]));
        let listing = fixture.workspace.find("1-2").unwrap();
        fs::write(
            listing.expected_file_of(Program::Rust),
            "warning: x\nerror[E0599]: y\n",
        )
        .unwrap();
        let questions = load(listing, &fixture.workspace).unwrap().unwrap();
        assert_eq!(
            decide(&questions[0], listing, &fixture.workspace).unwrap(),
            Decision {
                right: 1,
                because: Some("`warning` comes first, on line 1".into())
            }
        );
    }

    #[test]
    fn a_causal_tie_is_a_fact_when_the_question_says_why() {
        let causal = question(
            "key = \"first\"\ncausal = \"main starts b only once a is done.\"",
            &["b: start", "a: done"],
        );
        assert_eq!(
            decided("1-3", &causal).unwrap(),
            (
                "a: done".into(),
                Some("`a: done` comes first, on line 2, at 300 ms".into())
            )
        );
    }

    #[test]
    fn the_compiles_key_follows_the_declaration_and_quotes_the_checked_error() {
        let compiles = question("key = \"compiles\"", &["yes", "no"]);
        assert_eq!(
            decided("1-2", &compiles).unwrap(),
            (
                "no".into(),
                Some("`cargo build` stops with `error: unused`".into())
            )
        );
        assert_eq!(right("1-3", &compiles), "yes");
    }

    #[test]
    fn a_given_key_names_the_right_option_and_no_output_decides_it() {
        let given = question("key = { given = \"b\" }", &["a", "b", "c"]);
        assert_eq!(decided("1-3", &given).unwrap(), ("b".into(), None));
    }

    #[test]
    fn a_twin_question_reads_the_twin_output_and_stands_in_its_panel() {
        let quiz = question("key = \"lines\"\nof = \"twin\"", &["2", "4"]);
        assert_eq!(right("1-3", &quiz), "2");
        let fixture = with_quiz("1-3", &quiz);
        let listing = fixture.workspace.find("1-3").unwrap();
        let rust = part(listing, &fixture.workspace, Program::Rust).unwrap();
        assert_eq!(
            rust.before_output.join("\n"),
            "\n<div class=\"quiz-output quiz-unasked\" id=\"listing-1-3-output\">",
            "the Rust output, a tab away, is hidden too, without a quiz of its own"
        );
        let twin = part(listing, &fixture.workspace, Program::Twin).unwrap();
        let html = twin.before_output.join("\n");
        assert!(html.contains(
            "<div class=\"quiz\" id=\"listing-1-3-twin-quiz\" data-output=\"listing-1-3-twin-output\">"
        ));
        assert!(html.contains(
            "Decided by the checked output of [the asyncio twin of Listing 1-3](#listing-1-3-twin): \
             it prints 2 lines."
        ));
        assert!(html.ends_with("<div class=\"quiz-output\" id=\"listing-1-3-twin-output\">"));
    }

    #[test]
    fn a_quiz_renders_between_the_code_and_the_output_it_hides() {
        let quiz = "\
[[question]]
id = \"total\"
ask = \"How long does Listing 1-3 take?\"
key = \"last-ms\"

[[question.option]]
answer = \"500 ms\"
value = \"500\"
why = \"\"\"
The sum:
`a`, then `b`.\"\"\"

[[question.option]]
answer = \"5.\"
value = \"5\"
why = \"No.\"
";
        let fixture = with_quiz("1-3", quiz);
        let listing = fixture.workspace.find("1-3").unwrap();
        let directive = crate::directive::find("{{#listing 1-3 program=rust}}").remove(0);
        let request = crate::request::Request::parse(&directive.unwrap()).unwrap();
        let figure = figure::render(listing, &fixture.workspace, &request).unwrap();
        let expected = "\
}
```

<div class=\"quiz\" id=\"listing-1-3-quiz\" data-output=\"listing-1-3-output\">
<p class=\"quiz-title\"><strong>Predict, then check</strong></p>
<ol class=\"quiz-questions\">
<li class=\"quiz-question\" id=\"quiz-1-3-total\">
<div class=\"quiz-ask\">

How long does Listing 1-3 take?

</div>
<ul class=\"quiz-options\">
<li class=\"quiz-option\" data-value=\"500\" data-right=\"true\">
<div class=\"quiz-answer\">

500 ms

</div>
<div class=\"quiz-why\">

<span class=\"quiz-verdict\">Right.</span> The sum: `a`, then `b`.

</div>
</li>
<li class=\"quiz-option\" data-value=\"5\">
<div class=\"quiz-answer\">

5\\.

</div>
<div class=\"quiz-why\">

<span class=\"quiz-verdict\">Not this one.</span> No.

</div>
</li>
</ul>
<div class=\"quiz-key\">

<strong>Answer:</strong> 500 ms

</div>
<div class=\"quiz-decided\">

Decided by the checked output of [Listing 1-3](#listing-1-3): its last stamped line is at 500 ms.

</div>
</li>
</ol>
</div>
<div class=\"quiz-output\" id=\"listing-1-3-output\">

Output, as checked by `cargo test`:

```text
[    0 ms] a: start";
        assert!(figure.markdown.contains(expected), "{}", figure.markdown);
        assert!(figure.markdown.ends_with("</svg>\n\n</div>\n\n</figure>"));
    }

    #[test]
    fn inline_text_stays_inline_and_output_stays_code() {
        assert_eq!(inline("5. ms"), "5\\. ms");
        assert_eq!(inline("12) x"), "12\\) x");
        assert_eq!(inline("- x"), "\\- x");
        assert_eq!(inline("# x"), "\\# x");
        assert_eq!(inline(">x"), "\\>x");
        assert_eq!(inline("500 ms"), "500 ms");
        assert_eq!(inline("-1"), "-1");
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("of `Future`"), "`` of `Future` ``");
        assert_eq!(attribute("\"<a&b>\""), "&quot;&lt;a&amp;b&gt;&quot;");
    }

    #[test]
    fn a_file_that_is_not_a_quiz_is_refused_with_its_name() {
        assert_eq!(
            problem("1-3", "[[question]]\nid = \"q\"\nask = \"x\n"),
            format!("{FILE}:3: not valid TOML: invalid basic string, expected `\"`")
        );
        assert_eq!(
            problem("1-3", "title = \"x\"\n"),
            format!("{FILE}: unknown key `title` (a quiz file holds `[[question]]` tables only)")
        );
        for empty in ["", "question = []\n"] {
            assert_eq!(
                problem("1-3", empty),
                format!("{FILE}: holds no `[[question]]`; ask something, or delete the file")
            );
        }
        assert_eq!(
            problem("1-3", "question = \"x\"\n"),
            format!("{FILE}: `question` must be an array of tables, written `[[question]]`")
        );
        assert_eq!(
            problem("1-3", "[[question]]\nask = \"x\"\n"),
            format!(
                "{FILE}: Listing 1-3, question 1 has no `id = \"…\"` (kebab-case, unique in the \
                 file), which its errors and the reader's saved answer go by"
            )
        );
        assert_eq!(
            problem("1-3", "[[question]]\nid = \"Total_time\"\n"),
            format!(
                "{FILE}: Listing 1-3, question 1: `id = \"Total_time\"` is not kebab-case \
                 (lowercase letters and digits, in words joined by single hyphens)"
            )
        );
        let twice = question("key = \"lines\"", &["4", "5"]).repeat(2);
        assert_eq!(
            problem("1-3", &twice),
            format!(
                "{FILE}: Listing 1-3, question q: question 1 has this id already; each id is \
                 unique in the file"
            )
        );
    }

    #[test]
    fn a_malformed_question_is_refused_naming_it() {
        let forms = "\"last-ms\", { ms = \"text\" }, \"lines\", { match = \"regex\" }, \"first\", \
                     \"compiles\", { given = \"value\" }";
        let known = format!("(known: {forms})");
        let blank_line = "[[question]]\nid = \"q\"\nask = \"x\"\nkey = \"lines\"\n\
                          [[question.option]]\nanswer = \"4\"\nvalue = \"4\"\nwhy = \"\"\"A\n\nB\"\"\"\n";
        let cases = [
            (
                question("key = \"lines\"\nasks = \"x\"", &["4", "5"]),
                "unknown key `asks` (known: id, ask, of, key, causal, option)".to_owned(),
            ),
            (
                question("key = \"lines\"\ncausal = \"x\"", &["4", "5"]),
                "`causal` says why two events at one instant are ordered, which only a \
                 `key = \"first\"` question compares"
                    .to_owned(),
            ),
            (
                "[[question]]\nid = \"q\"\nask = \"\"\n".to_owned(),
                "`ask` is empty".to_owned(),
            ),
            (
                "[[question]]\nid = \"q\"\nask = \"\"\"a\nb\"\"\"\n".to_owned(),
                "`ask` must be on one line".to_owned(),
            ),
            (
                "[[question]]\nid = \"q\"\n".to_owned(),
                "has no `ask = \"…\"`, the question itself".to_owned(),
            ),
            (
                question("key = \"lines\"\nof = \"python\"", &["4", "5"]),
                "`of = \"python\"`: it is \"rust\" or \"twin\"".to_owned(),
            ),
            (
                question("", &["4", "5"]),
                format!("has no `key`, which says how the right option is found ({forms})"),
            ),
            (
                question("key = \"last\"", &["4", "5"]),
                format!("`key = \"last\"` is not a key form {known}"),
            ),
            (
                question("key = { ms = \"a\", lines = \"b\" }", &["4", "5"]),
                format!("`key = {{ lines = \"b\", ms = \"a\" }}` is not a key form {known}"),
            ),
            (
                question("key = { line = \"a\" }", &["4", "5"]),
                format!("`key = {{ line = … }}` is not a key form {known}"),
            ),
            (
                question("key = { ms = 3 }", &["4", "5"]),
                "`key = { ms = … }`: the value must be a non-empty string".to_owned(),
            ),
            (
                question("key = { match = \"(a\" }", &["4", "5"]),
                "`match`: not a regular expression".to_owned(),
            ),
            (
                question("key = \"compiles\"\nof = \"twin\"", &["yes", "no"]),
                "`key = \"compiles\"` asks whether the Rust program compiles; a twin is not \
                 compiled (drop `of = \"twin\"`)"
                    .to_owned(),
            ),
            (
                question("key = \"compiles\"", &["yes", "maybe"]),
                "`key = \"compiles\"`: option 2 has the value `maybe`; it is \"yes\" or \"no\""
                    .to_owned(),
            ),
            (
                question("key = { given = \"d\" }", &["a", "b"]),
                "`key = { given = \"d\" }` names no option's value (they are `a`, `b`)".to_owned(),
            ),
            (
                question("key = \"lines\"", &["4"]),
                "has 1 option; a question has 2 to 5".to_owned(),
            ),
            (
                question("key = \"lines\"", &["1", "2", "3", "4", "5", "6"]),
                "has 6 options; a question has 2 to 5".to_owned(),
            ),
            (
                question("key = \"lines\"", &[]),
                "has no options; give it 2 to 5 `[[question.option]]` tables".to_owned(),
            ),
            (
                question("key = \"lines\"", &["4", "5", "4"]),
                "options 1 and 3 have the same value `4`; the key tells options apart by their \
                 values"
                    .to_owned(),
            ),
            (
                question("key = \"lines\"", &["4", "5"]).replace("why = \"Because.\"\n\n", ""),
                "option 1 has no `why = \"…\"`; every option says why it is right or wrong"
                    .to_owned(),
            ),
            (
                question("key = \"lines\"", &["4", "5"]).replace("answer = \"5\"\n", ""),
                "option 2 has no `answer = \"…\"`; it is what the reader sees".to_owned(),
            ),
            (
                question("key = \"lines\"", &["4", "5"]).replace("value = \"4\"\n", ""),
                "option 1 has no `value = \"…\"`; it is what the key's value is compared with"
                    .to_owned(),
            ),
            (
                blank_line.to_owned(),
                "option 1's `why` has a blank line; it is one paragraph".to_owned(),
            ),
            (
                question("key = \"lines\"", &["4", "5"]) + "hint = \"x\"\n",
                "option 2: unknown key `hint` (known: answer, value, why)".to_owned(),
            ),
        ];
        for (quiz, expected) in cases {
            let problem = question_problem(&quiz);
            assert!(
                problem.starts_with(&expected),
                "for\n{quiz}\nexpected `{expected}`, got `{problem}`"
            );
        }
        assert_eq!(
            problem(
                "1-2",
                &question("key = \"lines\"\nof = \"twin\"", &["4", "5"])
            ),
            "listings/ch01/listing-01-02/quiz.toml: Listing 1-2, question q: `of = \"twin\"`, but \
             Listing 1-2 has no asyncio twin (no twin.py beside its Cargo.toml)"
        );
    }

    #[test]
    fn a_question_its_output_does_not_decide_is_refused_naming_it() {
        let output = "listings/ch01/listing-01-03/output.txt";
        assert_eq!(
            question_problem(&question("key = \"last-ms\"", &["300", "200"])),
            format!(
                "no option is right: `key = \"last-ms\"` gives `500` in {output}, and the \
                 options' values are `300`, `200`; the output changed, or a value is wrong"
            )
        );
        assert_eq!(
            question_problem(&question("key = { ms = \"start\" }", &["0", "300"])),
            format!(
                "its key reads {output}: `ms=\"start\"`: 2 stamped lines hold `start` (at 0, 300 \
                 ms); make the text name one line"
            )
        );
        assert_eq!(
            question_problem(&question("key = \"first\"", &["a: start", "c: done"])),
            format!(
                "`key = \"first\"`: option 2's value `c: done` is on no line of {output}; each \
                 value is a text the program prints"
            )
        );
        assert_eq!(
            question_problem(&question("key = \"first\"", &["a: done", "done"])),
            format!(
                "`key = \"first\"`: `a: done` and `done` are first printed on the same line (2) \
                 of {output}, so neither comes before the other"
            )
        );
        assert_eq!(
            question_problem(&question("key = \"first\"", &["b: start", "a: done"])),
            format!(
                "`key = \"first\"`: `a: done` (line 2) and `b: start` (line 3) are both stamped \
                 300 ms in {output}; the order of two events due at the same virtual instant is \
                 not a fact to ask about (the tie rule), unless one causes the other: then say \
                 how in `causal = \"…\"`"
            )
        );
        assert_eq!(
            question_problem(&question(
                "key = \"first\"\ncausal = \"a's end lets main go on.\"",
                &["a: start", "b: done"]
            )),
            format!(
                "declares `causal`, but no other value is stamped at the instant of the first, \
                 `a: start` (line 1) in {output}; the order needs no excuse, so remove it"
            )
        );
        let fixture = with_quiz("1-2", &question("key = \"compiles\"", &["yes", "no"]));
        let listing = fixture.workspace.find("1-2").unwrap();
        fs::write(listing.expected_file_of(Program::Rust), "warning: unused\n").unwrap();
        assert_eq!(
            part(listing, &fixture.workspace, Program::Rust)
                .err()
                .unwrap(),
            "listings/ch01/listing-01-02/quiz.toml: Listing 1-2, question q: Listing 1-2 \
             declares `compile-error`, but its checked output \
             listings/ch01/listing-01-02/output.txt holds no `error` line for the key to show"
        );
    }

    #[test]
    fn every_question_a_figure_shows_is_checked_and_named_in_the_build() {
        let quiz = question("key = \"last-ms\"", &["300", "200"])
            + &question("key = \"lines\"", &["1", "2"]).replace("\"q\"", "\"count\"");
        let fixture = with_quiz("1-3", &quiz);
        let mut book = Book::new();
        let page = "Intro.\n\n{{#listing 1-3 program=rust}}\n";
        book.push_item(Chapter::new("One", page.into(), "ch01.md", Vec::new()));
        let problems = expand(&mut book, &fixture.workspace, Path::new("src")).unwrap_err();
        let output = "listings/ch01/listing-01-03/output.txt";
        assert_eq!(
            problems,
            [format!(
                "src/ch01.md:3: `{{{{#listing 1-3 program=rust}}}}`: {FILE}: Listing 1-3, \
                 question q: no option is right: `key = \"last-ms\"` gives `500` in {output}, \
                 and the options' values are `300`, `200`; the output changed, or a value is \
                 wrong\n\
                 {FILE}: Listing 1-3, question count: no option is right: `key = \"lines\"` \
                 gives `4` in {output}, and the options' values are `1`, `2`; the output \
                 changed, or a value is wrong"
            )]
        );
        let fine = with_quiz("1-3", &question("key = \"lines\"", &["4", "5"]));
        let mut book = Book::new();
        book.push_item(Chapter::new("One", page.into(), "ch01.md", Vec::new()));
        expand(&mut book, &fine.workspace, Path::new("src")).unwrap();
        let BookItem::Chapter(chapter) = book.iter().next().unwrap() else {
            panic!("a chapter")
        };
        assert!(
            chapter
                .content
                .contains("<li class=\"quiz-question\" id=\"quiz-1-3-q\">")
        );
    }
}
