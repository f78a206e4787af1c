#!/usr/bin/env bash
# Tracks dyad's speed: builds release, then codes a corpus with `dyad bench`
# on 1 and 2 threads and prints one JSON line each, then the same for the
# language analysis alone (`dyad bench --language`: tokens per second
# through tokens, tags, lemmas, the dependency parse, phrases and clauses),
# plus the start-up time (loading every built-in dictionary and coding one
# short sentence), and `dyad ingest` into a new store against `dyad code`
# on 2 threads in the same run (wall seconds, store size per event). Then
# the binary of the commit before the real-news coding issue (PRE_ISSUE,
# default 60cfd26: no parse in coding) is built beside it and both are
# benched on one thread, alternating, so that the two figures come from
# one machine at one time.
#
#   tools/bench/run.sh [CORPUS.jsonl]
#
# The corpus defaults to the shared international-news sample beside the
# repository; its text stays outside the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpora/allsides_intl.jsonl}"
cargo build --release --quiet --features parquet
dyad="${CARGO_TARGET_DIR:-target}/release/dyad"
for threads in 1 2; do
    "$dyad" bench --threads "$threads" --date 2020-01-01 --json "$corpus"
done
for threads in 1 2; do
    "$dyad" bench --language --threads "$threads" --date 2020-01-01 --json "$corpus"
done
TIMEFORMAT='{"startup_seconds":%R}'
time "$dyad" explain --date 2020-01-01 --text "Moscow rejected the proposal." >/dev/null
store="$(mktemp -d)/bench.db"
millis() { local start end; start=$(date +%s%N); "$@" 2>/dev/null; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
code_ms=$(millis "$dyad" code --threads 2 --date 2020-01-01 -o /dev/null "$corpus")
ingest_ms=$(millis "$dyad" ingest --threads 2 --date 2020-01-01 --store "$store" "$corpus")
events=$("$dyad" store info --store "$store" | sed -n 's/^events: //p')
bytes=$(stat -c %s "$store")
echo "{\"code_ms\":$code_ms,\"ingest_ms\":$ingest_ms,\"events\":$events,\"store_bytes_per_event\":$((bytes / events))}"
rm -r "$(dirname "$store")"
pre="${PRE_ISSUE:-60cfd26}"
pre_tree="$(mktemp -d)"
git worktree add --quiet --detach "$pre_tree" "$pre"
(cd "$pre_tree" && CARGO_TARGET_DIR="$PWD/target" cargo build --release --quiet -p dyad)
for round in 1 2; do
    for binary in "$pre_tree/target/release/dyad" "$dyad"; do
        label=$([ "$binary" = "$dyad" ] && echo "this commit" || echo "pre-issue $pre")
        echo "{\"binary\":\"$label\",\"round\":$round}"
        "$binary" bench --threads 1 --date 2020-01-01 --json "$corpus"
    done
done
git worktree remove --force "$pre_tree"
