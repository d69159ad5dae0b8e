#!/usr/bin/env bash
# How long the README's `mdbook serve` takes on a fresh clone before the book answers: the first
# serve builds the book's preprocessor with cargo, then the book.
#
#   bash bench/first-serve.sh [REV]    # default: HEAD
#
# It clones REV into a temporary folder (crates already downloaded are reused from cargo's
# cache, as on a reader's second project), starts `mdbook serve` there and prints the seconds
# until the introduction is served, then a second serve's time (the preprocessor built). It
# asserts nothing: the figure depends on the machine and its load, printed beside it.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
port=3917
work="$(mktemp -d)"
server=
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
command -v mdbook >/dev/null || { echo "mdbook is not installed (see the README)" >&2; exit 1; }
git clone --quiet "$repo" "$work/book"
git -C "$work/book" checkout --quiet "$rev"

serve_seconds() {
  local started
  started=$(date +%s.%N)
  (cd "$work/book" && exec mdbook serve --port "$port" >"$work/serve.log" 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/introduction.html" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { echo "mdbook serve stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.2
  done
  printf "%.1f" "$(echo "$(date +%s.%N) - $started" | bc)"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); mdbook $(mdbook --version | cut -d' ' -f2)"
echo "first mdbook serve on a fresh clone: $(serve_seconds) s"
echo "second mdbook serve (preprocessor built): $(serve_seconds) s"
