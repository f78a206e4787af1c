#!/usr/bin/env bash
# Runs dyad's fuzz targets (fuzz/) one after the other, each for SECONDS of
# fuzzing (default 600) from its seed corpus (fuzz/seeds/TARGET), and
# appends each run's figures from AFL's fuzzer_stats to tools/fuzz/RESULTS.md.
#
#   tools/fuzz/run.sh [SECONDS] [TARGET...]      (all targets by default)
#
# Needs cargo-afl (tools/fuzz/README.md). AFL runs at nice 15, on one core
# and not bound to it (AFL_NO_AFFINITY), so that it shares the machine. Its
# findings stay in fuzz/target/afl/TARGET/default/{crashes,hangs}.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-600}
shift || true
all_targets=(html_extract jsonl_reader text_reader sentences tokenizer
    date_expressions petrarch_dictionaries dyad_dictionaries)
[ $# -gt 0 ] && targets=("$@") || targets=("${all_targets[@]}")

# What AFL counts as a hang: ms one input may take. Extraction and the
# resolver (which runs the text stage first) are the slowest per byte.
timeout_ms() {
    case $1 in
        html_extract | jsonl_reader | text_reader | date_expressions) echo 2000 ;;
        *) echo 1000 ;;
    esac
}

results=tools/fuzz/RESULTS.md
commit=$(git rev-parse --short HEAD)
(cd fuzz && nice -n 15 cargo afl build --release --quiet)

for target in "${targets[@]}"; do
    [ -d "fuzz/seeds/$target" ] || { echo "run.sh: no target $target" >&2; exit 2; }
    out=fuzz/target/afl/$target
    rm -rf "$out"
    mkdir -p "$out"
    # The targets write their inputs as files here (in memory where /dev/shm is).
    scratch=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")/dyad-fuzz.XXXXXX")
    echo "== $target: $seconds s" >&2
    AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 \
        AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 TMPDIR="$scratch" \
        nice -n 15 cargo afl fuzz -i "fuzz/seeds/$target" -o "$out" \
        -t "$(timeout_ms "$target")" -V "$seconds" \
        -- "fuzz/target/release/$target" >"$out/afl.log" 2>&1 ||
        { echo "run.sh: afl-fuzz failed on $target (see $out/afl.log)" >&2; rm -rf "$scratch"; exit 1; }
    rm -rf "$scratch"
    stats=$out/default/fuzzer_stats
    stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
    run_time=$(stat run_time)
    row="| $(date -u +%Y-%m-%d) | $commit | $target | $(awk -v s="$run_time" 'BEGIN { printf "%.1f", s / 60 }')"
    row+=" | $(stat execs_done) | $(stat execs_per_sec) | $(stat corpus_count) | $(stat saved_crashes)"
    row+=" | $(stat saved_hangs) | $(timeout_ms "$target") | $(stat afl_version) |"
    echo "$row" >>"$results"
    echo "$row" >&2
done
