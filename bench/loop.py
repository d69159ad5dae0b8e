#!/usr/bin/env python3
"""Times the edit-test loop of the book on this machine, and what each kind of check costs.

    python3 bench/loop.py [--rev REV] [--runs N] [--no-shares] [--no-browser]

It works in a fresh clone of REV (default: HEAD), so the work tree and its target/ stay as they
are, and measures:

  cold      `cargo test` in the fresh clone: nothing built yet (crates already downloaded)
  warm      `cargo test` again with nothing changed (median of N runs)
  one edit  `cargo test` after appending a comment to one listing's main.rs (median of N runs,
            a new comment each time, so that listing is rebuilt each time; a comment leaves its
            executable byte for byte the same, so its determinism record still spares it the
            second run)
  shares    each kind of check alone, warm: `cargo test --test book -- FILTER` minus the same
            command selecting no check; and the harness's unit tests (`cargo test --lib`)
  browser   `npm test --prefix tests/browser` on the book the warm runs built, if Chromium is
            installed (`npm ci` first, not timed)

Each figure is wall-clock seconds, with the CPU seconds (user + system, of every process the
command started) beside it, and the load average when it began: on a machine shared with other
work the wall clock varies from run to run, the CPU time much less. It asserts nothing. For
commits older than the libtest-compatible harness, use --no-shares (their filters differ).
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Each kind of check, as the harness names its trials (tests/book/main.rs).
KINDS = [
    ("listing programs", ["listing-", "--skip", "::twin", "--skip", "::timeline"]),
    ("asyncio twins", ["::twin"]),
    ("timelines", ["::timeline"]),
    ("exercises", ["exercise-"]),
    ("book checks", ["book::"]),
    ("harness fixture", ["harness::"]),
]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, cwd):
    """Runs a command (its output kept for when it fails) and returns its wall and CPU seconds."""
    cpu, started = children_cpu(), time.monotonic()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    wall = time.monotonic() - started
    if done.returncode != 0:
        tail = done.stdout.decode(errors="replace")[-3000:]
        sys.exit(f"`{' '.join(command)}` failed in {cwd} (exit {done.returncode}):\n{tail}")
    return wall, children_cpu() - cpu


def median_of(runs, measure):
    """The run with the median wall time of `runs` runs, and every run's wall time."""
    times = sorted((measure(i) for i in range(runs)), key=lambda t: t[0])
    return times[len(times) // 2], [wall for wall, _ in times]


def report(what, timing, note=""):
    wall, cpu = timing
    print(f"{what:<22} {wall:7.2f} s  (CPU {cpu:6.2f} s)  {note}", flush=True)


def load():
    return "load %.2f" % os.getloadavg()[0]


def edited_listing(clone):
    """The first listing (in path order) that is meant to compile: its main.rs gets the edits."""
    for manifest in sorted(clone.glob("listings/*/listing-*/Cargo.toml")):
        if "compile-error" not in manifest.read_text():
            return manifest.parent / "src" / "main.rs"
    sys.exit(f"{clone}/listings: no listing that is meant to compile, so nothing to edit")


def measure_loop(clone, runs):
    cargo_test = ["cargo", "test", "-q"]
    note = load()
    report("cold", run(cargo_test, clone), note)
    note = load()
    warm, times = median_of(runs, lambda _: run(cargo_test, clone))
    report("warm (median)", warm, f"{note}; runs: {', '.join('%.2f' % t for t in times)}")

    main_rs = edited_listing(clone)
    original = main_rs.read_text()

    def one_edit(i):
        main_rs.write_text(original + f"// bench edit {time.time_ns()} {i}\n")
        return run(cargo_test, clone)

    note = load()
    edit, times = median_of(runs, one_edit)
    main_rs.write_text(original)
    run(cargo_test, clone)  # back to the committed listing, so that what follows starts warm
    edited = f"{main_rs.relative_to(clone)}; runs: {', '.join('%.2f' % t for t in times)}"
    report("one edit (median)", edit, f"{note}; {edited}")


def measure_shares(clone, runs):
    print("\nshares, each kind alone, warm (minus the run that selects nothing):")
    book = ["cargo", "test", "-q", "--test", "book", "--"]
    nothing, _ = median_of(runs, lambda _: run(book + ["--exact", "no such check"], clone))
    report("  (start-up)", nothing, "cargo's no-op build, cargo metadata, no check")
    unit, _ = median_of(runs, lambda _: run(["cargo", "test", "-q", "--lib"], clone))
    report("  harness unit tests", unit, "cargo test --lib")
    for kind, selection in KINDS:
        alone, _ = median_of(runs, lambda _: run(book + selection, clone))
        share = (alone[0] - nothing[0], alone[1] - nothing[1])
        report(f"  {kind}", share, " ".join(selection))


def measure_browser(clone):
    if shutil.which(os.environ.get("CHROMIUM", "chromium")) is None:
        print("\nbrowser test: not measured, Chromium is not installed (apt-get install chromium)")
        return
    run(["npm", "ci", "--prefix", "tests/browser"], clone)
    note = load()
    print()
    report("browser test", run(["npm", "test", "--prefix", "tests/browser"], clone), note)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rev", default="HEAD", help="the commit to measure (default: HEAD)")
    parser.add_argument("--runs", type=int, default=5, help="runs per warm figure (default: 5)")
    parser.add_argument("--no-shares", action="store_true", help="skip the share of each kind")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser test")
    args = parser.parse_args()
    if args.runs < 1:
        sys.exit(f"--runs must be 1 or more, not {args.runs}")

    clone = Path(tempfile.mkdtemp(prefix="book-bench-"))
    try:
        subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(REPO), str(clone)], check=True)
        checkout = subprocess.run(["git", "-C", str(clone), "checkout", "-q", args.rev],
                                  capture_output=True, text=True)
        if checkout.returncode != 0:
            sys.exit(f"--rev {args.rev}: not a commit of {REPO}: {checkout.stderr.strip()}")
        rustc = subprocess.run(["rustc", "--version"], cwd=clone, capture_output=True, text=True)
        commit = subprocess.run(["git", "-C", str(clone), "log", "--oneline", "-1"],
                                capture_output=True, text=True).stdout.strip()
        machine = f"{rustc.stdout.strip()}, {os.cpu_count()} cores"
        print(f"{commit}\n{machine}, in {clone}\n", flush=True)
        measure_loop(clone, args.runs)
        if not args.no_shares:
            measure_shares(clone, args.runs)
        if not args.no_browser:
            measure_browser(clone)
    finally:
        shutil.rmtree(clone, ignore_errors=True)


if __name__ == "__main__":
    main()
