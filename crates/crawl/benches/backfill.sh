#!/usr/bin/env bash
# Crawl benchmark: `zhnews backfill` over PAGES generated article pages served by HOSTS local hosts
# (127.0.0.1 … 127.0.0.HOSTS, one port each), end to end: fetch + article extraction + entity
# extraction + store. Reports pages/s and peak RSS, once with politeness off and once at 1 request/s
# per host.
#
#   crates/crawl/benches/backfill.sh [PAGES] [HOSTS] [MODES]
#   MODES: "off polite" (default), "off" or "polite".
#
# Builds the release binary and the bench site first. Each run uses a fresh database in a temp dir.
set -euo pipefail
PAGES=${1:-10000}
HOSTS=${2:-100}
MODES=${3:-off polite}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$ROOT"
cargo build --release --bin zhnews >/dev/null
cargo build --release -p zhnews-crawl --example bench_site >/dev/null
BIN=target/release/zhnews
SITE=target/release/examples/bench_site
WORK=$(mktemp -d)
trap 'kill $SITE_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

"$SITE" "$HOSTS" "$PAGES" "$WORK/urls.txt" >"$WORK/site.out" &
SITE_PID=$!
for _ in $(seq 100); do grep -q ready "$WORK/site.out" 2>/dev/null && break; sleep 0.1; done

for mode in $MODES; do
  case $mode in
    off) crawl='concurrency = 64
per_host_concurrency = 8
per_host_delay_ms = 0
respect_robots = false' ;;
    polite) crawl='concurrency = 64
per_host_concurrency = 1
per_host_delay_ms = 1000
respect_robots = true' ;;
    *) echo "unknown mode $mode" >&2; exit 2 ;;
  esac
  printf '[crawl]\n%s\n' "$crawl" >"$WORK/$mode.toml"
  rm -f "$WORK/$mode.db"*
  start=$(date +%s.%N)
  /usr/bin/time -v "$BIN" -q --db "$WORK/$mode.db" --config "$WORK/$mode.toml" \
    backfill "$WORK/urls.txt" >"$WORK/$mode.out" 2>"$WORK/$mode.err" || true
  end=$(date +%s.%N)
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/$mode.err")
  articles=$(grep -o '[0-9]* new' "$WORK/$mode.out" | head -1 | cut -d' ' -f1)
  awk -v m="$mode" -v p="$PAGES" -v h="$HOSTS" -v s="$start" -v e="$end" -v r="$rss" -v a="$articles" \
    'BEGIN { t = e - s; printf "backfill politeness=%s: %d pages from %d hosts in %.1fs = %.0f pages/s, %s articles stored, peak RSS %.1f MB\n", m, p, h, t, p / t, a, r / 1024 }'
  tail -n 1 "$WORK/$mode.out"
done
