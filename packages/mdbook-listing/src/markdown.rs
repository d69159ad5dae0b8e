//! Markdown that carries text through mdBook as it is: fenced code blocks whose fence no line
//! can close, and text shielded from mdBook's links preprocessor.

/// A fenced code block, its fence longer than any run of backticks that starts a line of it.
pub fn fenced(language: &str, body: &str) -> Vec<String> {
    let longest = body
        .lines()
        .map(|line| line.trim_start().chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    vec![format!("{fence}{language}"), body.to_owned(), fence]
}

/// mdBook's links preprocessor runs after this one and would expand a `{{#include …}}` that it
/// finds in a listing's code or output. The first `{{#` of each line gets the backslash that
/// makes links show it as written (its escape reaches to the line's last `}}`); the rare forms
/// that escape cannot protect are refused.
pub fn shield(text: &str) -> Result<String, String> {
    let mut lines = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut shielded = line.to_owned();
        let mut escaped_to = None;
        let mut from = 0;
        while let Some(offset) = line[from..].find("{{") {
            let at = from + offset;
            from = at + 2;
            let rest = line[at + 2..].trim_start();
            let spaced = rest.len() < line.len() - at - 2;
            let link_type: String = rest
                .strip_prefix('#')
                .map(|r| {
                    r.chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect()
                })
                .unwrap_or_default();
            let after_type = rest.get(1 + link_type.len()..).unwrap_or_default();
            let looks_like_link =
                !link_type.is_empty() && after_type.chars().next().is_none_or(char::is_whitespace);
            if !looks_like_link {
                continue;
            }
            let last_close = line.rfind("}}").filter(|&close| close > at);
            match (escaped_to, spaced, last_close) {
                (Some(end), _, _) if at < end => {} // inside the escape already made
                (None, false, Some(close)) => {
                    shielded.insert(at, '\\');
                    escaped_to = Some(close);
                }
                _ => {
                    return Err(format!(
                        "line {} holds `{{{{{}`, which mdBook's links preprocessor would try to \
                         expand; write it without the `#` right after `{{{{`",
                        number + 1,
                        &line[at + 2..].chars().take(20).collect::<String>()
                    ));
                }
            }
        }
        lines.push(shielded);
    }
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shielding_from_the_links_preprocessor() {
        assert_eq!(
            shield("a {{#include x}} b").unwrap(),
            r"a \{{#include x}} b"
        );
        assert_eq!(shield("{{#a x}} {{#b y}}").unwrap(), r"\{{#a x}} {{#b y}}");
        assert_eq!(
            shield("{{x}} {{#}} {{#if_x}}").unwrap(),
            "{{x}} {{#}} {{#if_x}}"
        );
        assert!(shield("{{ #include x}}").is_err());
        assert!(shield("{{#include x\n}}").is_err());
        assert_eq!(fenced("text", "```\nx"), ["````text", "```\nx", "````"]);
    }
}
