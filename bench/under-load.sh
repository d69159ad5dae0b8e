#!/usr/bin/env bash
# Runs `cargo test` many times in a row while other processes keep every core busy, and counts
# the passes: the check that the book's outputs, the real-socket listings of Part III among them,
# do not depend on how fast the machine is.
#
#   bash bench/under-load.sh [RUNS] [FILTER]    # default: 20 runs of the whole `cargo test`
#
# It starts one busy loop per core (`nproc`), at the same priority as the tests, runs the test
# command RUNS times in the work tree (built once first, not counted), and prints each run's
# result, wall-clock seconds and the load average when it began, then the number of passes. A
# failed run's output is kept in target/under-load/run-N.log. It asserts nothing itself; the
# exit status is 1 if any run failed.
set -uo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-20}"
filter="${2:-}"
logs="$repo/target/under-load"
mkdir -p "$logs"
cd "$repo"

test_command=(cargo test)
[[ -n "$filter" ]] && test_command+=(--test book -- "$filter")

"${test_command[@]}" >"$logs/warm-up.log" 2>&1 || { echo "the warm-up run failed: $logs/warm-up.log" >&2; exit 1; }

busy=()
trap 'kill "${busy[@]}" 2>/dev/null' EXIT
for _ in $(seq "$(nproc)"); do
  (while :; do :; done) &
  busy+=($!)
done

passed=0
for run in $(seq "$runs"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(date +%s.%N)
  if "${test_command[@]}" >"$logs/run-$run.log" 2>&1; then
    result=pass
    passed=$((passed + 1))
    rm -f "$logs/run-$run.log"
  else
    result="FAIL (target/under-load/run-$run.log)"
  fi
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo "run $run: $result, $seconds s, load $load"
done
echo "$passed of $runs runs passed, with $(nproc) busy loops beside them"
[[ $passed -eq $runs ]]
