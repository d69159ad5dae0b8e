//! Timeline diagrams drawn from a listing's own run. Each line a timed listing prints,
//! `[  300 ms] a: done`, is an event at 300 ms on lane `a` (lines without a `lane:` prefix belong
//! to `main`). Each lane becomes a bar from its first event to its last, with a dot per event.
//! The SVG uses the page's theme colours, so it reads in every mdBook theme, and carries a title
//! and a text description for screen readers.

use crate::workspace::Timeline;
use std::fmt::Write;

const WIDTH: u64 = 640;
const LABELS: u64 = 120; // room for lane names on the left
const RIGHT: u64 = 24;
const ROW: u64 = 26;
const TOP: u64 = 8;
const AXIS: u64 = 34; // room for the time axis below the lanes

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
    let chart = WIDTH - LABELS - RIGHT;
    let x = |ms: u64| LABELS + ms * chart / axis_end;
    let height = TOP + ROW * lanes.len() as u64 + AXIS;

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"100%\" style=\"max-width: {WIDTH}px; color: var(--fg); font-size: 12px\" role=\"img\" \
         aria-labelledby=\"{id}-title {id}-desc\">"
    );
    let _ = writeln!(svg, "<title id=\"{id}-title\">{}</title>", escape(title));
    let _ = writeln!(
        svg,
        "<desc id=\"{id}-desc\">{}</desc>",
        escape(&describe(&lanes))
    );
    for (row, lane) in lanes.iter().enumerate() {
        let y = TOP + ROW * row as u64 + ROW / 2;
        let (first, last) = (lane.events[0].0, lane.events[lane.events.len() - 1].0);
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"currentColor\">{}</text>",
            LABELS - 10,
            y + 4,
            escape(&lane.name)
        );
        let _ = writeln!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"3\" style=\"fill: var(--links)\" opacity=\"0.45\"/>",
            x(first),
            y - 5,
            x(last) - x(first)
        );
        for (ms, event) in &lane.events {
            let _ = writeln!(
                svg,
                "<circle cx=\"{}\" cy=\"{y}\" r=\"4\" style=\"fill: var(--links)\"><title>[{ms} ms] {}: {}</title></circle>",
                x(*ms),
                escape(&lane.name),
                escape(event)
            );
        }
    }
    let axis_y = TOP + ROW * lanes.len() as u64 + 6;
    let _ = writeln!(
        svg,
        "<line x1=\"{LABELS}\" y1=\"{axis_y}\" x2=\"{}\" y2=\"{axis_y}\" stroke=\"currentColor\"/>",
        x(axis_end)
    );
    for tick in (0..=axis_end).step_by(step as usize) {
        let _ = writeln!(
            svg,
            "<line x1=\"{0}\" y1=\"{axis_y}\" x2=\"{0}\" y2=\"{1}\" stroke=\"currentColor\"/>\
             <text x=\"{0}\" y=\"{2}\" text-anchor=\"middle\" fill=\"currentColor\">{tick} ms</text>",
            x(tick),
            axis_y + 4,
            axis_y + 18
        );
    }
    svg.push_str("</svg>\n");
    Ok(svg)
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
        .find(|step| end.div_ceil(*step) <= 6)
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
