#!/usr/bin/env python3
"""Times the edit-test loop of the book on this machine, and prints what each kind of check costs.

    python3 bench/loop.py [--rev REV] [--runs N] [--no-shares] [--no-browser]

It works in a fresh clone of REV (default: HEAD), so the work tree and its target/ stay as they
are, and measures, with the wall clock:

  cold      `cargo test` in the fresh clone: nothing built yet (crates already downloaded)
  warm      `cargo test` again with nothing changed (median of N runs)
  one edit  `cargo test` after appending a comment to one listing's main.rs (median of N runs,
            a new comment each time, so that listing is rebuilt and run twice each time)
  shares    each kind of check alone, warm: `cargo test --test book -- FILTER` minus the same
            command selecting no check, and the harness's unit tests (`cargo test --lib`)
  browser   `npm test --prefix tests/browser` on the book the warm run built, if Chromium is
            installed (`npm ci` first, not timed)

It prints the figures and the machine's load average before each, and asserts nothing: the
figures depend on the machine and on what else it is doing. Run it on a quiet machine, twice.
"""

import argparse
import os
import shutil
import statistics
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


def run(command, cwd, check=True):
    """Runs a command, its output kept for when it fails, and returns its wall-clock seconds."""
    started = time.monotonic()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if check and done.returncode != 0:
        tail = done.stdout.decode(errors="replace")[-3000:]
        sys.exit(f"`{' '.join(command)}` failed in {cwd} (exit {done.returncode}):\n{tail}")
    return seconds


def load():
    return "load %.2f" % os.getloadavg()[0]


def report(what, seconds, note=""):
    print(f"{what:<24} {seconds:7.2f} s   {note}", flush=True)


def edited_listing(clone):
    """The first listing (in path order) that is meant to compile: its main.rs gets the edits."""
    for manifest in sorted(clone.glob("listings/*/listing-*/Cargo.toml")):
        if "compile-error" not in manifest.read_text():
            return manifest.parent / "src" / "main.rs"
    sys.exit(f"{clone}/listings: no listing that is meant to compile, so nothing to edit")


def median_of(runs, measure):
    times = [measure(i) for i in range(runs)]
    return statistics.median(times), times


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
        subprocess.run(["git", "-C", str(clone), "checkout", "-q", args.rev], check=True)
        rustc = subprocess.run(["rustc", "--version"], cwd=clone, capture_output=True, text=True)
        commit = subprocess.run(["git", "-C", str(clone), "log", "--oneline", "-1"],
                                capture_output=True, text=True).stdout.strip()
        print(f"{commit}\n{rustc.stdout.strip()}, {os.cpu_count()} cores, in {clone}\n", flush=True)

        cargo_test = ["cargo", "test", "-q"]
        note = load()
        report("cold", run(cargo_test, clone), note)
        note = load()
        warm, times = median_of(args.runs, lambda _: run(cargo_test, clone))
        report("warm (median)", warm, f"{note}; runs: {', '.join('%.2f' % t for t in times)}")

        main_rs = edited_listing(clone)
        original = main_rs.read_text()

        def one_edit(i):
            main_rs.write_text(original + f"// bench edit {time.time_ns()} {i}\n")
            return run(cargo_test, clone)

        note = load()
        edit, times = median_of(args.runs, one_edit)
        main_rs.write_text(original)
        shown = main_rs.relative_to(clone)
        report("one edit (median)", edit, f"{note}; {shown}; runs: {', '.join('%.2f' % t for t in times)}")
        run(cargo_test, clone)  # back to the committed listing, so that the shares start warm

        if not args.no_shares:
            print("\nshares, each kind alone, warm (minus the run that selects nothing):")
            book = ["cargo", "test", "-q", "--test", "book", "--"]
            nothing, _ = median_of(args.runs, lambda _: run(book + ["--exact", "no such check"], clone))
            report("  (start-up)", nothing, "cargo's no-op build, cargo metadata, no check")
            unit, _ = median_of(args.runs, lambda _: run(["cargo", "test", "-q", "--lib"], clone))
            report("  harness unit tests", unit, "cargo test --lib")
            for kind, selection in KINDS:
                alone, _ = median_of(args.runs, lambda _: run(book + selection, clone))
                report(f"  {kind}", alone - nothing, " ".join(selection))

        if not args.no_browser:
            if shutil.which(os.environ.get("CHROMIUM", "chromium")) is None:
                print("\nbrowser test: not measured, Chromium is not installed (apt-get install chromium)")
            else:
                run(["npm", "ci", "--prefix", "tests/browser"], clone)
                note = load()
                browser = run(["npm", "test", "--prefix", "tests/browser"], clone)
                report("\nbrowser test", browser, note)
    finally:
        shutil.rmtree(clone, ignore_errors=True)


if __name__ == "__main__":
    main()
