#!/usr/bin/env python3
"""Draw sentences to code from the allsides corpus: one per article, at random.

usage: sample.py CORPUS.jsonl RESERVED.txt N SEED [DRAWN.jsonl...] > sample.jsonl

Articles listed in RESERVED.txt (the project's evaluation sets) are never
drawn, nor those of earlier draws (DRAWN.jsonl, files this script wrote). Each output line holds the article id and the byte spans of the
sentence and of its context (the one or two sentences before it in the same
article): {"id", "article", "context": [start, end] | null, "text": [start, end]}.
No text is written; build.py puts it back from the corpus.
"""
import json, random, sys
from sentences import spans


def main():
    corpus, reserved_path, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    reserved = {l.strip() for l in open(reserved_path) if l.strip()}
    for drawn_path in sys.argv[5:]:
        reserved |= {json.loads(l)["article"] for l in open(drawn_path) if l.strip()}
    articles = []
    for line in open(corpus, encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in reserved or not a.get("text") or not a.get("published"):
            continue
        articles.append(a)
    rng = random.Random(seed)
    rng.shuffle(articles)
    drawn = 0
    for a in articles:
        if drawn == n:
            break
        data = a["text"].encode("utf-8")
        ss = list(spans(a["text"]))
        ok = [i for i, (s, e) in enumerate(ss) if 6 <= len(data[s:e].split()) <= 60]
        if not ok:
            continue
        i = rng.choice(ok)
        ctx = [ss[max(0, i - 2)][0], ss[i - 1][1]] if i > 0 else None
        print(json.dumps({"id": f"{a['id']}@{ss[i][0]}", "article": a["id"], "context": ctx, "text": list(ss[i])}))
        drawn += 1


if __name__ == "__main__":
    main()
