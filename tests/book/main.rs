//! `cargo test` for the book. It builds every listing with one cargo call, runs each (and its
//! asyncio twin) twice, and compares what it printed with the expected file the book includes;
//! draws declared timelines from that same output; checks that each exercise's solution passes
//! its tests and its starter fails them; checks the pages (every include, anchor, caption and
//! code block resolves to checked code, every listing is shown with its output right under it);
//! and builds the book with the pinned mdbook, following every link inside it.
//!
//! `UPDATE_EXPECT=1 cargo test` rewrites the expected files from real runs instead of comparing.
//! `REAL_CLOCK=3 cargo test` runs every program three times on the real clock instead of the
//! virtual one, and checks that each prints its lines in the order of its expected file (`realclock`).
//! Arguments that do not start with `-` filter the checks by name, like libtest:
//! `cargo test -- listing-01-02`, `cargo test -- twin`, `cargo test -- book:`.

mod exercises;
mod expected;
mod links;
mod listings;
mod mdbook;
mod normalize;
mod pages;
mod realclock;
mod timeline;
mod workspace;

use expected::{Mode, Verdict};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use workspace::{Program, Workspace};

/// One line of the report: a named check and what it found.
struct Check {
    name: String,
    outcome: Result<Verdict, String>,
}

fn main() -> ExitCode {
    let started = Instant::now();
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let selected =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let mode = Mode::from_env();
    let real_clock_runs = match realclock::runs() {
        Ok(runs) => runs,
        Err(problem) => return report(vec![failed("mode", problem)], 0, started),
    };
    let real_clock = real_clock_runs.is_some();
    if real_clock && mode == Mode::Update {
        let problem = format!(
            "{} and {} cannot be combined: expected files come from virtual-clock runs only",
            realclock::VAR,
            expected::UPDATE_VAR
        );
        return report(vec![failed("mode", problem)], 0, started);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());

    let workspace = match Workspace::load(&cargo) {
        Ok(workspace) => workspace,
        Err(problem) => return report(vec![failed("workspace", problem)], 0, started),
    };
    let mut checks = Vec::new();

    let builds = match listings::build_all(&cargo, &workspace) {
        Ok(builds) => builds,
        Err(problem) => return report(vec![failed("build listings", problem)], 0, started),
    };
    let python = listings::find_python();
    let mut filtered_out = 0;
    // Every program to run, with the names of its checks that the filters select: its output
    // and, for a listing that declares one, its timeline.
    let mut jobs = Vec::new();
    for listing in &workspace.listings {
        for program in listing.programs() {
            let name = match program {
                Program::Rust => listing.name().to_owned(),
                Program::Twin => format!("{} asyncio twin", listing.name()),
            };
            let compile_fail = matches!(listing.expect, workspace::Expect::CompileError(_));
            if real_clock && (program == Program::Rust && compile_fail) {
                filtered_out += 1; // nothing runs, so no clock is involved
                continue;
            }
            if let (true, Some(why)) = (real_clock, &listing.virtual_clock_only) {
                if selected(&name) {
                    println!(
                        "not run on the real clock, as its Cargo.toml declares: {name} ({why})"
                    );
                }
                filtered_out += 1;
                continue;
            }
            let timeline = match (program, &listing.timeline) {
                (Program::Rust, Some(_)) => Some(format!("{name} timeline")),
                _ => None,
            };
            let output = Some(name).filter(|name| selected(name));
            // Timelines are drawn from the virtual-clock run only.
            let drawn = timeline
                .as_ref()
                .filter(|name| selected(name) && !real_clock)
                .cloned();
            filtered_out +=
                usize::from(output.is_none()) + usize::from(timeline.is_some() && drawn.is_none());
            if output.is_some() || drawn.is_some() {
                jobs.push(Job {
                    listing,
                    program,
                    output,
                    timeline: drawn,
                });
            }
        }
    }
    // Programs are independent and mostly wait for a process to start, so they run side by side.
    let context = Context {
        workspace: &workspace,
        builds: &builds,
        python: &python,
        mode,
        real_clock_runs,
    };
    checks.extend(
        parallel_map(&jobs, |job| run_job(job, &context))
            .into_iter()
            .flatten(),
    );

    if real_clock {
        let others = workspace.exercises.len() + BOOK_CHECKS.len();
        println!(
            "\n{}: every listing and twin ran on the real clock; the timelines, the \
             compile-fail listings and the {others} exercise and book checks are counted as \
             filtered out",
            realclock::VAR
        );
        return report(checks, filtered_out + others, started);
    }

    for exercise in &workspace.exercises {
        if selected(&exercise.name) {
            let outcome = exercises::check(&cargo, exercise, &workspace).map(|()| Verdict::Same);
            checks.push(Check {
                name: exercise.name.clone(),
                outcome,
            });
        } else {
            filtered_out += 1;
        }
    }

    for (name, check) in BOOK_CHECKS {
        if selected(name) {
            checks.push(Check {
                name: name.into(),
                outcome: check(&workspace),
            });
        } else {
            filtered_out += 1;
        }
    }
    report(checks, filtered_out, started)
}

type BookCheck = (&'static str, fn(&Workspace) -> Result<Verdict, String>);

const BOOK_CHECKS: [BookCheck; 2] = [
    ("book: pages and includes", check_pages),
    ("book: mdbook build and links", |w| {
        let book = mdbook::build(w)?;
        links::check(&book).map(|()| Verdict::Same)
    }),
];

/// One program to run, and the checks to make of what it printed.
struct Job<'a> {
    listing: &'a workspace::Listing,
    program: Program,
    output: Option<String>,
    timeline: Option<String>,
}

struct Context<'a> {
    workspace: &'a Workspace,
    builds: &'a std::collections::HashMap<String, listings::Build>,
    python: &'a Result<std::path::PathBuf, String>,
    mode: Mode,
    /// `REAL_CLOCK=N`: run each program N times on the real clock instead (`realclock`).
    real_clock_runs: Option<u32>,
}

fn run_job(job: &Job, context: &Context) -> Vec<Check> {
    if let Some(runs) = context.real_clock_runs {
        return vec![real_clock_check(job, context, runs)];
    }
    let Job {
        listing, program, ..
    } = *job;
    let workspace = context.workspace;
    let command = listing.command(program, workspace);
    let observed = match program {
        Program::Rust => {
            let build = context.builds.get(&listing.krate.package_id);
            listings::observe(listing, build, workspace)
        }
        Program::Twin => {
            let script = listing
                .twin()
                .expect("a listing with a twin has its script");
            context
                .python
                .clone()
                .and_then(|python| listings::observe_twin(listing, &python, &script, workspace))
        }
    };
    let mut checks = Vec::new();
    if let Some(name) = &job.output {
        let outcome = observed.clone().and_then(|actual| {
            compare(listing, program, &actual, &command, workspace, context.mode)
        });
        checks.push(Check {
            name: name.clone(),
            outcome,
        });
    }
    if let (Some(name), Some(drawn)) = (&job.timeline, &listing.timeline) {
        let outcome = observed
            .and_then(|actual| timeline::draw(listing.name(), drawn, &actual))
            .and_then(|svg| {
                let file = listing.timeline_file();
                expected::compare(
                    &file,
                    workspace.relative(&file),
                    &svg,
                    &command,
                    context.mode,
                )
            });
        checks.push(Check {
            name: name.clone(),
            outcome,
        });
    }
    checks
}

/// `items.iter().map(f)`, on one thread per core, with the results in the order of `items`.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            break mine;
                        };
                        mine.push((index, f(item)));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a check panicked"))
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// Compares a program's output with its expected file, once it is sure the output holds nothing
/// that would differ on another run.
fn compare(
    listing: &workspace::Listing,
    program: Program,
    actual: &str,
    command: &str,
    workspace: &Workspace,
    mode: Mode,
) -> Result<Verdict, String> {
    if let Some(line) = normalize::run_dependent_line(actual) {
        return Err(format!(
            "it printed a line that depends on the run (an address or a thread id):\n    {line}"
        ));
    }
    let file = listing.expected_file_of(program);
    expected::compare(&file, workspace.relative(&file), actual, command, mode)
}

/// The real-clock check (`realclock`): the program runs `runs` times on the real clock, and
/// each run must print its lines in the order of its expected file.
fn real_clock_check(job: &Job, context: &Context, runs: u32) -> Check {
    let Job {
        listing, program, ..
    } = *job;
    let workspace = context.workspace;
    let observe = || match program {
        Program::Rust => {
            let build = context.builds.get(&listing.krate.package_id);
            listings::observe_on_real_clock(listing, build, workspace)
        }
        Program::Twin => {
            let script = listing
                .twin()
                .expect("a listing with a twin has its script");
            context.python.clone().and_then(|python| {
                listings::observe_twin_on_real_clock(listing, &python, &script, workspace)
            })
        }
    };
    let file = listing.expected_file_of(program);
    let shown = workspace.relative(&file).display().to_string();
    let outcome = std::fs::read_to_string(&file)
        .map_err(|e| format!("could not read {shown}: {e}"))
        .and_then(|expected| {
            let mut worst = None;
            for run in 1..=runs {
                let drift = observe()
                    .and_then(|actual| realclock::compare(&expected, &actual, &shown))
                    .map_err(|problem| format!("run {run} of {runs}: {problem}"))?;
                worst = worst.max(drift);
            }
            Ok(Verdict::Noted(realclock::note(runs, worst)))
        });
    let name = job
        .output
        .clone()
        .expect("the real-clock check draws no timeline");
    Check { name, outcome }
}

fn check_pages(workspace: &Workspace) -> Result<Verdict, String> {
    let mut problems = Vec::new();
    let pages = pages::load(workspace, &mut problems);
    pages::check_includes(&pages, workspace, &mut problems);
    pages::check_code_blocks(&pages, workspace, &mut problems);
    pages::check_listings_shown(&pages, workspace, &mut problems);
    pages::check_outputs_in_blocks(&pages, workspace, &mut problems);
    pages::check_exercises_shown(&pages, workspace, &mut problems);
    match problems.is_empty() {
        true => Ok(Verdict::Same),
        false => Err(problems.join("\n")),
    }
}

fn failed(name: &str, problem: String) -> Check {
    Check {
        name: name.into(),
        outcome: Err(problem),
    }
}

/// Prints the checks the way libtest prints tests, so the summary line reads like any other
/// `cargo test` run, and fails the process if any check failed.
fn report(checks: Vec<Check>, filtered_out: usize, started: Instant) -> ExitCode {
    println!("\nrunning {} checks", checks.len());
    for check in &checks {
        let status = match &check.outcome {
            Ok(Verdict::Same) => "ok".to_owned(),
            Ok(Verdict::Updated) => "ok (expected output updated)".to_owned(),
            Ok(Verdict::Noted(note)) => format!("ok ({note})"),
            Err(_) => "FAILED".to_owned(),
        };
        println!("test {} ... {status}", check.name);
    }
    let failures: Vec<&Check> = checks.iter().filter(|c| c.outcome.is_err()).collect();
    if !failures.is_empty() {
        println!("\nfailures:");
        for check in &failures {
            if let Err(problem) = &check.outcome {
                println!("\n---- {} ----\n{}: {problem}", check.name, check.name);
            }
        }
        println!("\nfailures:");
        for check in &failures {
            println!("    {}", check.name);
        }
    }
    let verdict = if failures.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {verdict}. {} passed; {} failed; 0 ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
        checks.len() - failures.len(),
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
