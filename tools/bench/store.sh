#!/usr/bin/env bash
# Benchmarks of the event store (figures: tools/bench/README.md):
#  1. a seed store ingested from the corpus;
#  2. a large store made from it by make_store.py (10 million events over
#     2 million sentences by default; set EVENTS and SENTENCES to change);
#  3. the queries of the store issue on it, each run three times:
#     one source over one month, --count-by month, a full-text query.
#
#   tools/bench/store.sh [CORPUS.jsonl] [WORKDIR]
#
# WORKDIR (default: a new folder under /tmp) keeps the stores; a seed or a
# large store already there is reused. The large store takes about 7 GB.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpora/allsides_intl.jsonl}"
work="${2:-$(mktemp -d)}"
cargo build --release --quiet --features parquet
dyad="${CARGO_TARGET_DIR:-target}/release/dyad"
seed="$work/seed.db"
big="$work/big.db"
[ -e "$seed" ] || "$dyad" ingest --threads 2 --date 2020-01-01 --store "$seed" "$corpus"
[ -e "$big" ] || python3 tools/bench/make_store.py "$seed" "$big" \
    --events "${EVENTS:-10000000}" --sentences "${SENTENCES:-2000000}"
"$dyad" store info --store "$big"
millis() {
    local start end lines
    start=$(date +%s%N)
    lines=$("$@" | wc -l)
    end=$(date +%s%N)
    echo "{\"ms\":$(((end - start) / 1000000)),\"lines\":$lines,\"query\":\"${*:4}\"}"
}
for _ in 1 2 3; do
    millis "$dyad" query --store "$big" --source RUS --from 2019-05-01 --to 2019-05-31
    millis "$dyad" query --store "$big" --count-by month --format tsv
    millis "$dyad" query --store "$big" --text airstrike --limit 100
    millis "$dyad" query --store "$big" --text airstrike --format tsv
done
