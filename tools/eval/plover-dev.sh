#!/usr/bin/env bash
# Score the coder on the PLOVER gold-standard dev sentences with the shared scorer.
# usage: tools/eval/plover-dev.sh [GOLD.jsonl] [DYAD_BINARY]
# Prints the scorer's report; leaves the predictions in /tmp/dyad-dev-events.jsonl
# and the actor mentions in /tmp/dyad-dev-actors.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=${1:-../shared/data/plover-gsr-dev.jsonl}
dyad=${2:-target/release/dyad}
[ -x "$dyad" ] || cargo build --release -q -p dyad
"$dyad" code "$gold" -o /tmp/dyad-dev-events.jsonl 2>/dev/null
"$dyad" actors "$gold" > /tmp/dyad-dev-actors.jsonl 2>/dev/null
python3 ../shared/eval/score.py gsr "$gold" /tmp/dyad-dev-events.jsonl
python3 ../shared/eval/score.py actors "$gold" /tmp/dyad-dev-actors.jsonl
