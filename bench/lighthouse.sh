#!/usr/bin/env bash
# Lighthouse scores (mobile: performance, accessibility, best practices, SEO) of pages of the
# built book, served compressed as a real host serves it (tests/browser/server.mjs).
#
#   cargo test --test book -- book::pages    # builds target/book
#   bash bench/lighthouse.sh [page.html ...]  # default: the introduction and the longest chapter
#
# It prints the scores and asserts nothing: performance is simulated from this machine's speed
# and moves with its load, so run it on a quiet machine. Lighthouse (pinned below) is fetched by
# npx on first use; Chromium is Debian's, as in the browser test (CHROMIUM overrides it).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
book="${BOOK_DIR:-$repo/target/book}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
lighthouse_version=12.8.2
port=8799
[[ -f "$book/index.html" ]] || { echo "no built book at $book: run cargo test first" >&2; exit 1; }
[[ -x "$chromium" ]] || { echo "no Chromium at $chromium (set CHROMIUM)" >&2; exit 1; }

if [[ $# -eq 0 ]]; then
  # The longest chapter: the page with the most lines in src/ (SUMMARY.md aside).
  longest="$(wc -l "$repo"/src/ch*.md | grep -v ' total$' | sort -n | tail -1 | awk '{print $2}')"
  set -- introduction.html "$(basename "$longest" .md).html"
fi

out="$(mktemp -d)"
node "$repo/tests/browser/server.mjs" "$book" "$port" >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 50); do grep -q serving "$out/server.log" && break; sleep 0.1; done
base="$(sed -n 's/^serving .* at \(http[^ ]*\)$/\1/p' "$out/server.log")"
[[ -n "$base" ]] || { echo "the book server did not start:" >&2; cat "$out/server.log" >&2; exit 1; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "$@"; do
  CHROME_PATH="$chromium" npx --yes "lighthouse@$lighthouse_version" "$base$page" --quiet \
    --chrome-flags="--headless=new --no-sandbox" --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$out/report.json" >/dev/null
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = Object.entries(r.categories).map(([k, v]) => `${k} ${Math.round(v.score * 100)}`);
    const a = r.audits;
    console.log(`${process.argv[2]}: ${s.join(", ")}; FCP ${a["first-contentful-paint"].displayValue},` +
      ` LCP ${a["largest-contentful-paint"].displayValue}, TBT ${a["total-blocking-time"].displayValue}`);
  ' "$out/report.json" "$page"
done
