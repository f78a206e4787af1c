#!/usr/bin/env bash
# Load benchmark of `dyad serve` (figures: tools/bench/README.md):
#  1. a seed store ingested from the corpus (as store.sh makes it);
#  2. a store of about 1 million events made from it by make_store.py
#     (set EVENTS and SENTENCES to change);
#  3. the release server on it at a free loopback port, pinned to core 1,
#     and serve_load.py pinned to core 0: filtered GET /api/events at RATE
#     requests/s (500) for DURATION seconds (30), then the latency percentiles,
#     errors, the server's peak memory and CPU time per request and the
#     machine's load average.
#
#   tools/bench/serve.sh [CORPUS.jsonl] [WORKDIR]
#
# WORKDIR (default: a new folder under /tmp) keeps the stores; a seed or a
# large store already there is reused. Traffic stays on the loopback
# address and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpora/allsides_intl.jsonl}"
work="${2:-$(mktemp -d)}"
cargo build --release --quiet -p dyad
dyad="${CARGO_TARGET_DIR:-target}/release/dyad"
seed="$work/seed.db"
big="$work/serve-1m.db"
[ -e "$seed" ] || "$dyad" ingest --threads 2 --date 2020-01-01 --store "$seed" "$corpus"
[ -e "$big" ] || python3 tools/bench/make_store.py "$seed" "$big" \
    --events "${EVENTS:-1000000}" --sentences "${SENTENCES:-200000}"
"$dyad" store info --store "$big"
log="$work/serve.log"
taskset -c 1 "$dyad" serve --store "$big" --addr 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill "$server"' EXIT
for _ in $(seq 100); do
    grep -q "serving" "$log" && break
    sleep 0.1
done
addr=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
taskset -c 0 python3 tools/bench/serve_load.py "$addr" --pid "$server" \
    --rate "${RATE:-500}" --seconds "${DURATION:-30}"
