#!/usr/bin/env python3
"""Rebuild the project's real-news gold records from the corpus.

usage: build.py SPANS.jsonl CORPUS.jsonl > gold.jsonl

SPANS.jsonl lines hold an id, an article id, byte spans of the context and
the sentence, and (for coded files) the events. The output has the fields
score.py news reads: id, date, title, context, text, events.
"""
import json, sys


def main():
    specs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
    wanted = {s["article"] for s in specs}
    articles = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in wanted:
            articles[a["id"]] = a
    for s in specs:
        a = articles.get(s["article"])
        if a is None:
            sys.exit(f"{sys.argv[1]}: article {s['article']} is not in {sys.argv[2]}")
        data = a["text"].encode("utf-8")
        text = data[s["text"][0]:s["text"][1]].decode("utf-8")
        context = data[s["context"][0]:s["context"][1]].decode("utf-8") if s.get("context") else ""
        context = " ".join(context.split())
        rec = {"id": s["id"], "date": (a.get("published") or "")[:10] or None, "title": a.get("title"),
               "context": context, "text": text}
        if "events" in s:
            rec["events"] = s["events"]
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
