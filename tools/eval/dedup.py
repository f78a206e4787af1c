#!/usr/bin/env python3
"""Near-duplicate clustering quality of `dyad dedup` against exact Jaccard.

Computes, for every pair of documents of a JSON Lines corpus, the exact
Jaccard similarity of their word 5-grams (text lower-cased, every run of
non-word characters folded to one space), runs `dyad dedup --json CORPUS`
and reports:
  - recall: the share of pairs at or above --high (0.85) that fall in one
    cluster;
  - the share of reported pairs (pairs within a cluster) below --low (0.7).

    python3 tools/eval/dedup.py CORPUS.jsonl [--dyad target/release/dyad] [--threshold 0.8]
"""

import argparse
import itertools
import json
import re
import subprocess

NON_WORD = re.compile(r"\W+")


def shingles(text: str) -> set[str]:
    words = NON_WORD.sub(" ", text.lower()).split()
    if len(words) < 5:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + 5]) for i in range(len(words) - 4)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--threshold", default="0.8")
    ap.add_argument("--high", type=float, default=0.85)
    ap.add_argument("--low", type=float, default=0.7)
    args = ap.parse_args()

    docs = {}
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs[str(r["id"])] = shingles(r["text"])
    run = subprocess.run(
        [args.dyad, "dedup", "--json", "--threshold", args.threshold, args.corpus],
        capture_output=True, text=True, check=True,
    )
    cluster_of = {}
    reported = []
    for n, line in enumerate(run.stdout.splitlines()):
        ids = json.loads(line)["ids"]
        for i in ids:
            cluster_of[i] = n
        reported.extend(itertools.combinations(ids, 2))

    ids = list(docs)
    similar = [
        (a, b) for a, b in itertools.combinations(ids, 2) if jaccard(docs[a], docs[b]) >= args.high
    ]
    found = sum(1 for a, b in similar if a in cluster_of and cluster_of.get(a) == cluster_of.get(b))
    low = sum(1 for a, b in reported if jaccard(docs[a], docs[b]) < args.low)
    print(f"documents {len(docs)}, clusters {len(run.stdout.splitlines())}, reported pairs {len(reported)}")
    print(f"pairs with Jaccard >= {args.high}: {len(similar)}, in one cluster: {found} "
          f"(recall {found / max(len(similar), 1):.3f})")
    print(f"reported pairs below {args.low}: {low} ({low / max(len(reported), 1):.3f})")


if __name__ == "__main__":
    main()
