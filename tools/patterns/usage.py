#!/usr/bin/env python3
"""How often each event pattern fires, on the dev sets and on real text.

usage: usage.py PATTERNS.tsv NAME=EVENTS.jsonl... > usage.tsv

Each EVENTS.jsonl is `dyad code --all` output; NAME names its column. A
corpus column is any whose name starts with "corpus"; the others are dev
sets. A pattern fires once per event whose rule names it (frames combine
two: `030 agree to + 040 hold talk` counts for both). The last column flags
a pattern that fires on a dev set but never in the corpora, unless its line
in PATTERNS.tsv carries a note starting `# general:` that says why it is a
general phrasing anyway.
"""
import json, re, sys
from collections import Counter

# Words the coder writes before a rule it derived ("negation + 073 accept").
DERIVATIONS = re.compile(r"^(?:negation|future|must|should|unless) \+ ")
# A rule joins pattern ids with " + " before a CAMEO code.
JOIN = re.compile(r" \+ (?=\d{2,4} )")


def patterns(path):
    """(id, note) of every pattern line, in file order."""
    out = []
    for raw in open(path, encoding="utf-8"):
        body, _, note = raw.rstrip("\n").partition("\t#")
        body = body.split(" #")[0].strip()
        if not body or body.startswith(("#", "&")) or "\t" not in body:
            continue
        code, pattern = body.split("\t", 1)
        out.append((f"{code.strip()} {' '.join(pattern.split())}", note.strip()))
    return out


def rule_ids(rule):
    while DERIVATIONS.match(rule):
        rule = DERIVATIONS.sub("", rule, count=1)
    return JOIN.split(rule)


def main():
    pats = patterns(sys.argv[1])
    columns = []
    for arg in sys.argv[2:]:
        name, path = arg.split("=", 1)
        counts = Counter()
        for line in open(path, encoding="utf-8"):
            e = json.loads(line)
            for pid in rule_ids(e["evidence"]["rule"]):
                counts[pid] += 1
        columns.append((name, counts))
    print("\t".join(["pattern"] + [n for n, _ in columns] + ["flag"]))
    for pid, note in pats:
        row = [c[pid] for _, c in columns]
        dev = sum(n for (name, _), n in zip(columns, row) if not name.startswith("corpus"))
        corpus = sum(n for (name, _), n in zip(columns, row) if name.startswith("corpus"))
        general = note.startswith("general:")
        flag = "dev-only" if dev and not corpus and not general else ""
        print("\t".join([pid] + [str(n) for n in row] + [flag]))


if __name__ == "__main__":
    main()
