#!/usr/bin/env bash
# Writes a TSV of every event pattern with how often it fires on each dev set
# and on all of ../shared/corpora, flagging patterns that fire on a dev set
# and never on real text (see usage.py).
# usage: tools/patterns/usage.sh [OUT.tsv] [DYAD_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/dyad-pattern-usage.tsv}
dyad=${2:-target/release/dyad}
[ -x "$dyad" ] || cargo build --release -q -p dyad
shared=../shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
code() { "$dyad" code --all --date 2019-01-01 "$@" 2>/dev/null; }
python3 "$shared/eval/score.py" news-input "$shared/data/news-dev.jsonl" > "$tmp/news-input.jsonl"
code "$tmp/news-input.jsonl" > "$tmp/news-dev.jsonl"
code "$shared/data/plover-gsr-dev.jsonl" > "$tmp/plover-dev.jsonl"
for corpus in allsides_intl reuters21578 same_event_sets html_pages; do
    code "$shared/corpora/$corpus.jsonl" > "$tmp/corpus-$corpus.jsonl"
done
code "$shared/corpora/html" > "$tmp/corpus-html.jsonl"
python3 tools/patterns/usage.py data/events/patterns.tsv \
    news-dev="$tmp/news-dev.jsonl" plover-dev="$tmp/plover-dev.jsonl" \
    corpus-allsides="$tmp/corpus-allsides_intl.jsonl" corpus-reuters="$tmp/corpus-reuters21578.jsonl" \
    corpus-same-event="$tmp/corpus-same_event_sets.jsonl" corpus-html-pages="$tmp/corpus-html_pages.jsonl" \
    corpus-html="$tmp/corpus-html.jsonl" > "$out"
echo "$out: $(tail -n +2 "$out" | wc -l) patterns, $(grep -c 'dev-only$' "$out" || true) flagged dev-only" >&2
