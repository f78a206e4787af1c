#!/usr/bin/env bash
# Code PETRARCH's unit-test records from raw text with their validation
# dictionaries and score them with the shared scorer.
# usage: tools/eval/petrarch-unit.sh [DIR] [DYAD_BINARY]
# DIR holds PETR.UnitTest.records.xml and the PETR.Validate.*.txt dictionaries.
# Leaves the records as JSON Lines in /tmp/dyad-petrarch.jsonl and the
# events in /tmp/dyad-petrarch-events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/data/petrarch-unit}
dyad=${2:-target/release/dyad}
[ -x "$dyad" ] || cargo build --release -q -p dyad
python3 tools/eval/petrarch_jsonl.py "$dir/PETR.UnitTest.records.xml" > /tmp/dyad-petrarch.jsonl
"$dyad" --dictionaries "$dir" code /tmp/dyad-petrarch.jsonl -o /tmp/dyad-petrarch-events.jsonl 2>/dev/null
python3 ../shared/eval/score.py petrarch "$dir/PETR.UnitTest.records.xml" /tmp/dyad-petrarch-events.jsonl
