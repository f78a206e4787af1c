#!/usr/bin/env bash
# Throughput of `dyad dedup` on one core: documents per second over a JSON
# Lines corpus (reading included), best of three runs.
# usage: tools/bench/dedup.sh CORPUS.jsonl [DYAD_BINARY]
set -euo pipefail
corpus=${1:?usage: tools/bench/dedup.sh CORPUS.jsonl [DYAD_BINARY]}
dyad=${2:-target/release/dyad}
docs=$(grep -c . "$corpus")
best=
for _ in 1 2 3; do
    start=$(date +%s.%N)
    taskset -c 0 "$dyad" dedup --threads 1 "$corpus" > /dev/null 2>&1
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc -l)" = 1 ]; then best=$secs; fi
done
printf '%d documents in %.3f s: %.0f documents/s\n' "$docs" "$best" "$(echo "$docs / $best" | bc -l)"
