#!/usr/bin/env bash
# Score the coder on real-news gold sentences with the shared scorer.
# usage: tools/eval/news-dev.sh [GOLD.jsonl] [DYAD_BINARY]
# Prints the scorer's report; leaves the coder's input in /tmp/dyad-news-input.jsonl
# and the events in /tmp/dyad-news-events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
gold=${1:-../shared/data/news-dev.jsonl}
dyad=${2:-target/release/dyad}
[ -x "$dyad" ] || cargo build --release -q -p dyad
python3 ../shared/eval/score.py news-input "$gold" > /tmp/dyad-news-input.jsonl
"$dyad" code /tmp/dyad-news-input.jsonl -o /tmp/dyad-news-events.jsonl 2>/dev/null
python3 ../shared/eval/score.py news "$gold" /tmp/dyad-news-events.jsonl
