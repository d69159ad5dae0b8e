//! Timeline diagrams drawn from a listing's own run. Each line a timed listing prints,
//! `[  300 ms] a: done`, is an event at 300 ms on lane `a` (lines without a `lane:` prefix belong
//! to `main`). Each lane becomes a bar from its first event to its last, with a dot per event,
//! under the timeline's title. The SVG uses the page's theme colours, so it reads in every
//! mdBook theme, and carries a title and a text description for screen readers.
//!
//! The drawing is sized for a phone: it scales with the column, and a 390 px screen leaves a
//! 350 px column, so a drawing `WIDTH` units wide shows `FONT`-unit text at
//! `FONT * 350 / WIDTH` px (11.7 px), and no larger than `FONT * MAX_WIDTH / WIDTH` (16 px, the
//! body text) on a wide screen. The browser test measures what it renders.

use crate::workspace::Timeline;
use std::fmt::Write;

const WIDTH: u64 = 360;
const MAX_WIDTH: u64 = 480;
const FONT: u64 = 12;
/// A generous width of one character at `FONT` units, in the page's sans-serif font, bold
/// included: room for lane names and the tick labels is reserved by this estimate.
const CHAR: u64 = 8;
const TITLE_LINE: u64 = 16;
/// The title's lines, at most this many characters of about 7 units each, fit in `WIDTH`.
const TITLE_CHARS: usize = 46;
const SIDE: u64 = 4; // space left of the lane names
const GAP: u64 = 8; // between a lane's name and its bar
const ROW: u64 = 24;
const AXIS: u64 = 30; // room for the time axis below the lanes
// Text of 11 px or more in a phone's 350 px column, and no larger than the body's 16 px.
const _: () = assert!(FONT * 350 >= 11 * WIDTH && FONT * MAX_WIDTH <= 16 * WIDTH);

struct Lane {
    name: String,
    events: Vec<(u64, String)>,
}

/// Draws the timeline of a run's output. `id` makes the element ids unique on a page.
pub fn draw(id: &str, timeline: &Timeline, output: &str) -> Result<String, String> {
    let title = &timeline.title;
    let lanes = lanes(output);
    if lanes.is_empty() {
        return Err("it is declared `timeline = ...`, but it printed no `[  N ms]` lines".into());
    }
    let end = lanes
        .iter()
        .flat_map(|l| &l.events)
        .map(|(ms, _)| *ms)
        .max()
        .unwrap_or(0);
    if let Some(axis) = timeline.axis_ms.filter(|axis| *axis < end) {
        return Err(format!(
            "timeline-axis-ms = {axis}, but its last event is at {end} ms"
        ));
    }
    let shown_end = timeline.axis_ms.unwrap_or(end);
    let step = tick_step(shown_end);
    let axis_end = shown_end.div_ceil(step).max(1) * step;
    // The lane names, and the axis's unit below them, right-aligned before the bars; the last
    // tick's label, centred on the end of the axis, inside the right edge.
    let longest = lanes
        .iter()
        .map(|lane| lane.name.chars().count() as u64)
        .chain([2])
        .max()
        .unwrap_or(2);
    let labels = SIDE + longest * CHAR + GAP;
    let right = (axis_end.to_string().len() as u64 * CHAR).div_ceil(2) + 2;
    let chart = WIDTH - labels - right;
    let x = |ms: u64| labels + ms * chart / axis_end;
    let title_lines = wrap(title, TITLE_CHARS);
    let top = TITLE_LINE * title_lines.len() as u64 + 8;
    let axis_y = top + ROW * lanes.len() as u64 + 6;
    let height = axis_y + AXIS;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" style=\"max-width: {MAX_WIDTH}px; color: var(--fg); font-size: {FONT}px\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"
    );
    let _ = writeln!(svg, "<title id=\"{id}-title\">{}</title>", escape(title));
    let _ = writeln!(
        svg,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape(&describe(&lanes))
    );
    for (i, line) in title_lines.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<text x=\"{SIDE}\" y=\"{}\" font-weight=\"600\" fill=\"currentColor\">{}</text>",
            TITLE_LINE * (i as u64 + 1) - 3,
            escape(line)
        );
    }
    for (row, lane) in lanes.iter().enumerate() {
        let y = top + ROW * row as u64 + ROW / 2;
        let (first, last) = (lane.events[0].0, lane.events[lane.events.len() - 1].0);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"currentColor\">{}</text>",
            labels - GAP,
            y + 4,
            escape(&lane.name)
        );
        // Opaque, in the links' colour, which every theme sets well apart from its background.
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"3\" style=\"fill: var(--links)\"/>",
            x(first),
            y - 5,
            x(last) - x(first)
        );
        for (ms, event) in &lane.events {
            // In the text colour, ringed in the background's, so that a dot stands out from
            // its bar as well as from the page.
            let _ = writeln!(
                svg,
                "<circle cx=\"{}\" cy=\"{y}\" r=\"4.5\" fill=\"currentColor\" \
                 style=\"stroke: var(--bg); stroke-width: 1.5\"><title>[{ms} ms] {}: {}</title></circle>",
                x(*ms),
                escape(&lane.name),
                escape(event)
            );
        }
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{labels}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"currentColor\"/>",
        x(axis_end)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"currentColor\">ms</text>",
        labels - GAP,
        axis_y + 17
    );
    for tick in (0..=axis_end).step_by(step as usize) {
        let _ = writeln!(
            svg,
            "<line x1=\"{0}\" y1=\"{axis_y}\" x2=\"{0}\" y2=\"{1}\" stroke=\"currentColor\"/>\
             <text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\" fill=\"currentColor\">{tick}</text>",
            x(tick),
            axis_y + 4,
            axis_y + 17
        );
    }
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// The title in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The lanes, in the order they first print, with their events.
fn lanes(output: &str) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for line in output.lines() {
        let Some((ms, text)) = stamped(line) else {
            continue;
        };
        let (name, event) = match text.split_once(": ") {
            Some((name, event)) if is_lane_name(name) => (name, event),
            _ => ("main", text),
        };
        match lanes.iter_mut().find(|lane| lane.name == name) {
            Some(lane) => lane.events.push((ms, event.to_owned())),
            None => lanes.push(Lane {
                name: name.to_owned(),
                events: vec![(ms, event.to_owned())],
            }),
        }
    }
    lanes
}

/// `[  300 ms] a: done` → `(300, "a: done")`.
fn stamped(line: &str) -> Option<(u64, &str)> {
    let rest = line.strip_prefix('[')?;
    let (time, text) = rest.split_once(" ms] ")?;
    Some((time.trim().parse().ok()?, text))
}

/// A lane is named by a short label such as `a`, `producer` or `fetch 3`, not by a sentence
/// that happens to contain a colon.
fn is_lane_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 16 && name.split(' ').count() <= 2
}

fn tick_step(end: u64) -> u64 {
    [10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000]
        .into_iter()
        .find(|step| end.div_ceil(*step) <= 7)
        .unwrap_or(end.max(1))
}

fn describe(lanes: &[Lane]) -> String {
    let parts: Vec<String> = lanes
        .iter()
        .map(|lane| {
            let events: Vec<String> = lane
                .events
                .iter()
                .map(|(ms, event)| format!("{event} at {ms} ms"))
                .collect();
            format!("{}: {}", lane.name, events.join(", "))
        })
        .collect();
    format!("Timeline in virtual milliseconds. {}.", parts.join(". "))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str = "[    0 ms] a: start\n[    0 ms] b: start\n[  200 ms] b: done\n\
                       [  360 ms] a: done\nboth done\n[  360 ms] all done\n";

    fn timeline(title: &str, axis_ms: Option<u64>) -> Timeline {
        Timeline {
            title: title.to_owned(),
            axis_ms,
        }
    }

    fn drawn(title: &str, axis_ms: Option<u64>) -> String {
        draw("l", &timeline(title, axis_ms), RUN).unwrap()
    }

    /// The value of `name="…"` in an element's text.
    fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
        let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(&element[start..start + element[start..].find('"')?])
    }

    /// Every `<text>` element: its x, its anchor and its content.
    fn texts(svg: &str) -> Vec<(u64, String, String)> {
        svg.split("<text ")
            .skip(1)
            .map(|rest| {
                let (tag, after) = rest.split_once('>').unwrap();
                let content = after.split_once("</text>").unwrap().0;
                let tag = format!(" {tag}");
                let anchor = attribute(&tag, "text-anchor").unwrap_or("start");
                let x = attribute(&tag, "x").unwrap().parse().unwrap();
                (x, anchor.to_owned(), content.to_owned())
            })
            .collect()
    }

    #[test]
    fn all_text_is_drawn_at_the_one_font_size() {
        let svg = drawn("t", None);
        assert!(svg.contains(&format!("viewBox=\"0 0 {WIDTH} ")));
        assert!(svg.contains(&format!("font-size: {FONT}px")));
        assert!(!svg.contains("font-size=\""), "no text is drawn smaller");
    }

    #[test]
    fn the_title_is_drawn_as_lines_of_text_that_fit() {
        let title = "buffered(2) with a loop body that awaits: the fetches stand still while main processes";
        let svg = drawn(title, None);
        let lines: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|(_, anchor, _)| anchor == "start")
            .map(|(_, _, text)| text)
            .collect();
        assert_eq!(
            lines,
            [
                "buffered(2) with a loop body that awaits: the",
                "fetches stand still while main processes"
            ]
        );
        assert!(lines.iter().all(|line| line.len() <= TITLE_CHARS));
        assert!(svg.contains(&format!("<title id=\"l-title\">{title}</title>")));
    }

    #[test]
    fn every_label_fits_inside_the_drawing() {
        for svg in [drawn("t", None), drawn("t", Some(1000))] {
            for (x, anchor, text) in texts(&svg) {
                let width = text.chars().count() as u64 * CHAR;
                let (left, right) = match anchor.as_str() {
                    "end" => (x.checked_sub(width), x),
                    "middle" => (x.checked_sub(width / 2), x + width / 2),
                    _ => (Some(x), x + width),
                };
                assert!(
                    left.is_some() && right <= WIDTH,
                    "{text:?} at {x} ({anchor}) runs out of 0..{WIDTH}"
                );
            }
        }
    }

    #[test]
    fn the_axis_ends_at_the_tick_after_the_last_event() {
        let ticks: Vec<String> = texts(&drawn("t", None))
            .into_iter()
            .filter(|(_, anchor, _)| anchor == "middle")
            .map(|(_, _, text)| text)
            .collect();
        assert_eq!(ticks, ["0", "100", "200", "300", "400"]);
    }

    #[test]
    fn a_shared_axis_runs_to_the_declared_end_and_no_shorter() {
        let last = texts(&drawn("t", Some(700))).pop().unwrap();
        assert_eq!(last.2, "700");
        let short = draw("l", &timeline("t", Some(300)), RUN).unwrap_err();
        assert_eq!(
            short,
            "timeline-axis-ms = 300, but its last event is at 360 ms"
        );
    }

    #[test]
    fn lanes_in_the_order_they_first_print_and_unnamed_lines_on_main() {
        let svg = drawn("t", None);
        let names: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|(_, anchor, text)| anchor == "end" && text != "ms")
            .map(|(_, _, text)| text)
            .collect();
        assert_eq!(names, ["a", "b", "main"]);
        assert!(svg.contains("b: start at 0 ms, done at 200 ms. main: all done at 360 ms."));
        let unstamped = draw("l", &timeline("t", None), "no stamps\n").unwrap_err();
        assert!(unstamped.contains("printed no `[  N ms]` lines"));
    }

    #[test]
    fn bars_and_dots_are_opaque_in_theme_colours() {
        let svg = drawn("t", None);
        assert!(!svg.contains("opacity"));
        assert_eq!(svg.matches("style=\"fill: var(--links)\"").count(), 3);
        assert_eq!(svg.matches("<circle").count(), 5);
        assert_eq!(svg.matches("stroke: var(--bg)").count(), 5);
    }
}
