#!/usr/bin/env python3
"""Fit the coder's confidence: the chance that an event is right, from what
the event record shows, by logistic regression on coded real-news gold.

usage: fit.py GOLD.jsonl EVENTS.jsonl > data/events/confidence.tsv
       fit.py --check GOLD.jsonl EVENTS.jsonl   (calibration of coded confidences)

GOLD.jsonl holds real-news records (id, context, text, events: source,
target, cameo), as tools/news-gold/build.py writes them; EVENTS.jsonl is
`dyad code --all` on them (the input `score.py news-input` makes). An event
is right when it matches a gold event as `score.py news` matches them: the
triple (source country, target country, CAMEO root), one to one, for
events whose trigger starts in the record's sentence.

The features are those of crates/dyad-code/src/confidence.rs, which reads
the weights written here; the two lists must agree.
"""
import json, math, sys
from collections import Counter, defaultdict

GROUPS = {"IGO", "NGO", "IMG", "MNC"}
# Every feature crates/dyad-code/src/confidence.rs knows; each gets a weight,
# 0 where no event of the data has it.
FEATURES = [
    "bias", "first_in_sentence", "quad1", "quad2", "quad3", "quad4", "statement",
    "intended", "hypothetical", "negated", "failed", "reported", "combined_rule",
    "long_trigger", "source_named", "source_without_country", "source_unsectored",
    "target_none", "target_without_country", "target_unsectored", "same_country",
]
L2 = 1.0
STEPS = 4000
RATE = 0.5


def key(code):
    code = (code or "---").upper()
    return code[:3] if code[:3] in GROUPS else (code[:3] or "---")


def actor_key(a):
    return key((a or {}).get("country") or (a or {}).get("code"))


def features(e, first):
    """The names of the features an event record has (bias included);
    `first`: its trigger is the first of its sentence's events."""
    f = ["bias"]
    if first:
        f.append("first_in_sentence")
    if e.get("quad_class") in (1, 2, 3, 4):
        f.append(f"quad{e['quad_class']}")
    if e["cameo"].startswith("01"):
        f.append("statement")
    if e["factuality"] != "asserted":
        f.append(e["factuality"])
    if " + " in e["evidence"]["rule"]:
        f.append("combined_rule")
    if len(e["evidence"]["trigger"].split()) >= 2:
        f.append("long_trigger")
    src, tgt = e.get("source"), e.get("target")
    if src and src.get("name"):
        f.append("source_named")
    if src and not src.get("country"):
        f.append("source_without_country")
    if src and not src.get("sector"):
        f.append("source_unsectored")
    if not tgt:
        f.append("target_none")
    else:
        if not tgt.get("country"):
            f.append("target_without_country")
        if not tgt.get("sector"):
            f.append("target_unsectored")
        if src and src.get("country") and src.get("country") == tgt.get("country"):
            f.append("same_country")
    return f


def labelled(gold_path, events_path):
    pred = defaultdict(list)
    for line in open(events_path):
        e = json.loads(line)
        pred[e["doc_id"]].append(e)
    for evs in pred.values():
        for e in evs:
            e["_first"] = all(o["evidence"]["span"][0] >= e["evidence"]["span"][0]
                              for o in evs if o["sentence_index"] == e["sentence_index"])
    out = []
    for line in open(gold_path):
        g = json.loads(line)
        off = len((g["context"] + " ").encode()) if g.get("context") else 0
        gold = Counter((key(x["source"]), key(x.get("target")), x["cameo"][:2]) for x in g["events"])
        for e in pred[g["id"]]:
            if e["evidence"]["span"][0] < off:
                continue
            t = (actor_key(e.get("source")), actor_key(e.get("target")), e["cameo"][:2])
            right = gold[t] > 0
            if right:
                gold[t] -= 1
            out.append((e, right))
    return out


def fit(data):
    names = FEATURES
    unknown = {n for e, _ in data for n in features(e, e["_first"])} - set(names)
    assert not unknown, f"features without a place in FEATURES: {unknown}"
    w = {n: 0.0 for n in names}
    rows = [(features(e, e["_first"]), 1.0 if y else 0.0) for e, y in data]
    for _ in range(STEPS):
        grad = {n: (L2 * w[n] if n != "bias" else 0.0) / len(rows) for n in names}
        for fs, y in rows:
            p = 1 / (1 + math.exp(-sum(w[n] for n in fs)))
            for n in fs:
                grad[n] += (p - y) / len(rows)
        for n in names:
            w[n] -= RATE * grad[n]
    return w


def main():
    if sys.argv[1] == "--check":
        data = labelled(sys.argv[2], sys.argv[3])
        for lo in (0.0, 0.3, 0.5, 0.7, 0.8):
            sel = [y for e, y in data if e["confidence"] >= lo
                   and e["factuality"] in ("asserted", "intended")]
            print(f"confidence >= {lo}: {len(sel)} printed events, "
                  f"{sum(sel) / len(sel) if sel else 0:.3f} right")
        return
    data = labelled(sys.argv[1], sys.argv[2])
    w = fit(data)
    right = sum(y for _, y in data)
    print("# The coder's confidence: logistic regression weights over features of")
    print("# the event record (crates/dyad-code/src/confidence.rs names them).")
    print(f"# Fitted by tools/confidence/fit.py on {len(data)} candidate events ({right} right)")
    print("# of the project's own coded real-news sentences (tools/news-gold).")
    print("feature\tweight")
    for n in FEATURES:
        print(f"{n}\t{w[n]:.4f}")


if __name__ == "__main__":
    main()
