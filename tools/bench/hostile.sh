#!/usr/bin/env bash
# Hard inputs at any size (issue 19): time and peak memory of `dyad code`
# on each row of the issue's table. Inputs are made at run time from the
# corpus beside the repository (its text never enters the repository), in
# a temporary folder deleted at the end; the largest batch is never
# written: it is piped to `dyad code -`.
#
#   tools/bench/hostile.sh [CORPUS.jsonl] [BATCH_MB]
#
# CORPUS defaults to ../shared/corpora/allsides_intl.jsonl, BATCH_MB (the
# repeated-corpus batch) to 1000. Prints one Markdown table row per input
# (wall seconds, CPU seconds, peak resident memory, from /usr/bin/time),
# then the targets. The ratios are of CPU seconds, which a machine shared
# with other work disturbs less than wall time (one document is coded on
# one thread: on an idle machine the two agree).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/../shared/corpora/allsides_intl.jsonl}
batch_mb=${2:-1000}
dyad=$root/target/release/dyad
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
(cd "$root" && cargo build --release -p dyad --quiet)

tmp=$(mktemp -d /tmp/dyad-hostile.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# The single documents are written one at a time and deleted after their
# run: the largest needs 64 MB (and the 50 MB line 50 more).
avail_mb=$(df --output=avail -m "$tmp" | tail -1 | tr -d ' ')
echo "free space in $tmp: $avail_mb MB" >&2
if [ "$avail_mb" -lt 200 ]; then
    echo "less than 200 MB free in $tmp: the single documents do not fit" >&2
    exit 1
fi

# make KIND SIZE: writes an input on stdout (see the Python below).
make() {
    python3 - "$corpus" "$@" <<'PY'
import json, sys

corpus, kind, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = sys.stdout

def records():
    while True:
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

def paragraphs():
    for r in records():
        yield from (p for p in r["text"].split("\n") if p.strip())

def text(limit, transform=lambda p: p, sep="\n\n"):
    n = 0
    for p in paragraphs():
        chunk = transform(p) + sep
        out.write(chunk)
        n += len(chunk.encode())
        if n >= limit:
            return

if kind == "text":  # news text, paragraphs apart
    text(size)
elif kind == "line":  # news text on one line without sentence stops
    text(size, lambda p: p.translate(str.maketrans(".!?", "   ")), sep=" ")
elif kind in ("deep", "flat"):  # a page of news paragraphs, SIZE levels deep or flat
    body = []
    n = 0
    for p in paragraphs():
        body.append(f"<p>{p}</p>\n")
        n += len(p)
        if n > 50_000:
            break
    body = "".join(body)
    out.write("<html><head><title>Talks resume</title></head><body>\n")
    if kind == "deep":
        out.write("<div>" * size + body + "</div>" * size)
    else:  # the same bytes, the nesting spread flat
        out.write("<div></div>" * size + body)
    out.write("</body></html>\n")
elif kind == "batch":  # the corpus repeated under new ids, SIZE bytes
    n, rep = 0, 0
    while n < size:
        with open(corpus, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                r["id"] = f"{r['id']}-{rep}"
                line = json.dumps(r, ensure_ascii=False) + "\n"
                out.write(line)
                n += len(line.encode())
                if n >= size:
                    break
        rep += 1
elif kind == "broken":  # SIZE short records, every 100th cut short
    i = 0
    for p in paragraphs():
        i += 1
        line = json.dumps({"id": f"r{i}", "text": p, "date": "2020-01-01"})
        out.write((line[: len(line) // 2] if i % 100 == 0 else line) + "\n")
        if i >= size:
            break
PY
}

# run LABEL FILE_OR_- [dyad code options...]: one table row; stdin is the
# input when FILE is -.
run() {
    local label=$1 input=$2
    shift 2
    nice /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" "$dyad" code --date 2020-01-01 "$@" "$input" \
        > /dev/null 2> "$tmp/stderr" || true
    local secs user sys kb summary cpu
    read -r secs user sys kb < <(tail -1 "$tmp/time")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    summary=$(grep -E "documents read" "$tmp/stderr" | tail -1 | sed 's/^dyad: //')
    printf '| %s | %s | %s | %d | %s |\n' "$label" "$secs" "$cpu" "$((kb / 1024))" "$summary"
    echo "$label $cpu $((kb / 1024))" >> "$tmp/figures"
}

echo "| input | seconds | CPU seconds | peak MB | dyad says |"
echo "| --- | --- | --- | --- | --- |"
for mb in 1 2 4 8 16 32 64; do
    make text $((mb * 1000000)) > "$tmp/doc.txt"
    run "one text document, $mb MB" "$tmp/doc.txt"
done
make text 50000000 > "$tmp/doc.txt"
run "one text document, 50 MB" "$tmp/doc.txt"
rm -f "$tmp/doc.txt"
for mb in 1 2 50; do
    make line $((mb * 1000000)) > "$tmp/line.txt"
    run "one line without stops, $mb MB" "$tmp/line.txt"
done
rm -f "$tmp/line.txt"
make deep 100000 > "$tmp/deep.html"
make flat 100000 > "$tmp/flat.html"
run "HTML 100,000 elements deep, $(($(stat -c %s "$tmp/deep.html") / 1000)) KB" "$tmp/deep.html"
run "HTML of the same size and text, flat" "$tmp/flat.html"
make deep 14000 | sed 's#</div>##g' > "$tmp/unclosed.html"
run "HTML with 14,000 unclosed div" "$tmp/unclosed.html"
rm -f "$tmp"/*.html
run "the corpus, $(($(stat -c %s "$corpus") / 1000000)) MB" "$corpus"
make broken 100000 > "$tmp/broken.jsonl"
run "100,000 lines, every 100th broken" "$tmp/broken.jsonl"
rm -f "$tmp/broken.jsonl"
make batch $((batch_mb * 1000000)) | run "the corpus repeated under new ids, $batch_mb MB, on stdin" -
run "--threads 100000, examples/sample-page.txt" "$root/examples/sample-page.txt" --threads 100000

echo
awk '
    { t[$0] = $0 }
    /^one text document, 1 MB/ { one = $(NF-1) }
    /^one text document, 64 MB/ { big = $(NF-1) }
    /^one text document, 50 MB/ { normal50 = $(NF-1) }
    /^one line without stops, 50 MB/ { line50 = $(NF-1) }
    /^HTML 100,000/ { deep = $(NF-1) }
    /^HTML of the same size/ { flat = $(NF-1) }
    { if ($NF > peak) { peak = $NF; peaked = $0; sub(/ [^ ]+ [^ ]+$/, "", peaked) } }
    END {
        printf "64 MB document: %.1f CPU s against 64 x the 1 MB document, %.1f s: %.2fx (target within 2x)\n", big, 64 * one, big / (64 * one)
        printf "50 MB line without stops: %.1f CPU s against a 50 MB text document, %.1f s: %.2fx (target at most 2x)\n", line50, normal50, line50 / normal50
        printf "100,000-deep HTML: %.2f CPU s against the flat page, %.2f s: %.2fx (target at most 2x)\n", deep, flat, deep / flat
        printf "highest peak memory: %d MB (target under 300 MB), on: %s\n", peak, peaked
    }' "$tmp/figures"
