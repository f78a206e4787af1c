#!/usr/bin/env python3
"""Accuracy of data/lang/tagger.bin against spaCy on held-out news text.

The held-out sentences are those of train_tagger.py: every 10th allsides
document (sorted by id), labelled by spaCy (cached under --cache; labelled on
demand).  They are written to a file OUTSIDE the repository (--conll, default
/tmp/dyad-lang-cache/heldout.conll) and scored twice:

  * by a Python reader of tagger.bin (same features as the Rust crate), and
  * by the Rust crate itself: `cargo run --release -p dyad-lang --example tag_eval`
    (skip with --no-rust; --manifest-path picks another manifest).

Usage: python tools/lang/eval_tagger.py [--corpora DIR] [--heldout 4000] [--model data/lang/tagger.bin]
"""
import argparse
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_tagger as T  # noqa: E402


def load_bin(path):
    b = open(path, "rb").read()
    pos = 0

    def take(n):
        nonlocal pos
        s = b[pos:pos + n]
        if len(s) != n:
            raise ValueError("truncated")
        pos += n
        return s

    assert take(8) == b"DYADTAG1"
    (n_tags,) = struct.unpack("<I", take(4))
    tags = [take(take(1)[0]).decode() for _ in range(n_tags)]
    take(4)
    (n_td,) = struct.unpack("<I", take(4))
    tagdict = {}
    for _ in range(n_td):
        w = take(take(1)[0]).decode()
        tagdict[w] = tags[take(1)[0]]
    (n_feats,) = struct.unpack("<I", take(4))
    heads = [struct.unpack("<QB", take(9)) for _ in range(n_feats)]
    weights = {}
    for h, n in heads:
        ents = []
        for _ in range(n):
            t, q = struct.unpack("<Bh", take(3))
            ents.append((t, q))
        weights[h] = ents
    assert pos == len(b)
    return tags, tagdict, weights


class BinTagger:
    def __init__(self, path):
        self.tags, self.tagdict, self.weights = load_bin(path)

    def tag(self, words):
        pw, pn = T.pad(words)
        prev, prev2 = T.START
        out = []
        nt = len(self.tags)
        for i, w in enumerate(words):
            t = self.tagdict.get(w)
            if t is None:
                scores = [0] * nt
                for f in T.features(i, pw, pn, prev, prev2):
                    for k, q in self.weights.get(T.fnv1a64(f.encode("utf-8")), ()):
                        scores[k] += q
                best = 0
                for k in range(nt):
                    if scores[k] >= scores[best]:
                        best = k
                t = self.tags[best]
            out.append(t)
            prev2, prev = prev, t
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=T.DEFAULT_CORPORA)
    ap.add_argument("--cache", default=T.DEFAULT_CACHE)
    ap.add_argument("--heldout", type=int, default=4000)
    ap.add_argument("--model", default=T.DEFAULT_OUT)
    ap.add_argument("--conll", default=os.path.join(T.DEFAULT_CACHE, "heldout.conll"))
    ap.add_argument("--no-python", action="store_true", help="skip the (slow) Python scorer")
    ap.add_argument("--no-rust", action="store_true")
    ap.add_argument("--manifest-path", help="Cargo manifest for the Rust scorer (default: the workspace)")
    args = ap.parse_args()

    if os.path.abspath(args.conll).startswith(T.REPO + os.sep):
        raise SystemExit("refusing to write corpus text into the repository: pick --conll outside it")
    _, held = T.collect(args.corpora, args.cache, 0, args.heldout)
    T.write_conll(held, args.conll)
    n_tok = sum(len(w) for w, _ in held)
    print("held-out: %d sentences, %d tokens -> %s" % (len(held), n_tok, args.conll))

    if not args.no_python:
        bt = BinTagger(args.model)
        ok = sum(g == t for words, tags in held for g, t in zip(bt.tag(words), tags))
        print("python reader of %s: accuracy %.4f (%d / %d)" % (args.model, ok / max(n_tok, 1), ok, n_tok))
    if not args.no_rust:
        cmd = ["cargo", "run", "--quiet", "--release"]
        if args.manifest_path:
            cmd += ["--manifest-path", args.manifest_path]
        else:
            cmd += ["-p", "dyad-lang"]
        cmd += ["--example", "tag_eval", "--", args.conll]
        print("$ " + " ".join(cmd), flush=True)
        subprocess.run(cmd, cwd=T.REPO, check=True)


if __name__ == "__main__":
    main()
