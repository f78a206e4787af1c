#!/usr/bin/env python3
"""Build dyad's lemma and inflection tables from LemmInflect's lookup tables.

Inputs (package data of `lemminflect`, MIT licensed):
  lemma_lu.csv.gz  rows: word,upos,lemma[/lemma2...]      (first lemma = preferred)
  infl_lu.csv.gz   rows: lemma,verb,VBD,VBN,VBG,VBZ       (empty VBN = same as VBD)
                         lemma,noun,plural[/plural2...]
                         lemma,adj,JJR,JJS   lemma,adv,RBR,RBS
Outputs (UTF-8, tab separated, sorted, lower case):
  data/lang/lemmas.tsv       word <TAB> class <TAB> lemma
      class: V (verb/aux), N (noun), A (adjective/adverb).  Rows are kept when
      lemma != word, or when lemma == word but the regular suffix-stripping
      fallback of the Rust crate would get it wrong (e.g. "news" N -> "news").
  data/lang/inflections.tsv  lemma <TAB> class <TAB> form,form,...
      V: VBD, VBN, VBG, VBZ forms (all spellings, "/"-joined alternatives split);
      N: plural forms (NNS); A: comparative and superlative forms.
      Only forms different from the lemma are listed; the crate adds the lemma.

Usage: python tools/lang/build_lexicon.py [--out-dir data/lang]
"""
import argparse
import csv
import gzip
import io
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

CLASS = {"verb": "V", "aux": "V", "noun": "N", "adj": "A", "adv": "A"}
WORD_RE = re.compile(r"^[a-z][a-z'.\-]*$|^'[a-z]+$")

# Forms the tables do not cover but spaCy's tokenizer produces (class, word, lemma).
EXTRA = [
    ("V", "'s", "be"), ("V", "'re", "be"), ("V", "'m", "be"), ("V", "'ve", "have"),
    ("V", "'d", "have"), ("V", "’s", "be"), ("V", "’re", "be"), ("V", "’m", "be"),
    ("V", "’ve", "have"), ("V", "’d", "have"), ("V", "ai", "be"), ("V", "gon", "go"),
]


def resource(name):
    import lemminflect

    path = os.path.join(os.path.dirname(lemminflect.__file__), "resources", name)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return list(csv.reader(io.StringIO(f.read())))


# --- the regular fallback rules; keep in sync with crates/dyad-lang/src/lexicon.rs ---
VOWELS = set("aeiou")
# stems that take a silent e back: revis-ed, organiz-ed, troubl-ed, judg-ed, ...
E_ENDINGS = ("iz", "is", "bl", "pl", "dg", "rg", "uc", "ur", "ir", "ag", "v", "c", "u", "az", "yz", "ot", "tl", "gl", "kl", "dl", "fl", "zl")


def strip_s(w):
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "'s")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zzes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def restore_e(stem):
    """Stem left after removing -ed/-ing: undouble a final consonant or add a silent e."""
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfzaeiouwy":
        return stem[:-1]
    if len(stem) > 3 and stem.endswith("at") and stem[-3] not in "aeo":
        return stem + "e"  # negotiat-ed -> negotiate (but defeat-ed, float-ed)
    if len(stem) > 3 and stem.endswith("ud") and stem[-3] not in "aeo":
        return stem + "e"  # includ-ed -> include
    if len(stem) > 2 and stem.endswith(E_ENDINGS):
        return stem + "e"
    return stem


def strip_ed(w):
    if len(w) <= 4:
        return w
    if w.endswith("ied"):
        return w[:-3] + "y"
    if w.endswith("eed"):
        return w[:-1]
    if w.endswith("ed"):
        return restore_e(w[:-2])
    return w


def strip_ing(w):
    if len(w) <= 5 or not w.endswith("ing"):
        return w
    if w.endswith("ying") and len(w) > 6:
        return w[:-3]
    return restore_e(w[:-3])


def fallback(word, cls):
    if cls == "N":
        return strip_s(word)
    if cls == "V":
        if word.endswith("ing"):
            return strip_ing(word)
        if word.endswith("ed"):
            return strip_ed(word)
        if word.endswith("s"):
            return strip_s(word)
        return word
    return word


def useful(word):
    return 0 < len(word) <= 30 and WORD_RE.match(word) is not None


def build_lemmas():
    rows = resource("lemma_lu.csv.gz")
    # case-sensitive original rows first: a lower-case entry wins over a capitalised one
    rows.sort(key=lambda r: (r[0].lower(), r[0] != r[0].lower(), r[0], r[1]))
    table = {}
    for r in rows:
        if len(r) < 3:
            continue
        word, upos, lemmas = r[0], r[1], r[2]
        cls = CLASS.get(upos)
        if cls is None:
            continue
        w = word.lower()
        lemma = lemmas.split("/")[0].lower()
        if not useful(w) or not lemma:
            continue
        key = (w, cls)
        if key in table:
            continue
        if cls == "A" and w in ("more", "most", "less", "least"):
            continue  # quantifiers: keep them as they are (as spaCy does)
        if lemma == w and fallback(w, cls) == w:
            continue  # identity that the fallback already gets right
        table[key] = lemma
    for cls, w, lemma in EXTRA:
        table[(w, cls)] = lemma  # overrides ("'d" as a verb is "had"; as MD it is handled in the crate)
    return table


def build_inflections():
    rows = resource("infl_lu.csv.gz")
    rows.sort(key=lambda r: (r[0].lower(), r[0] != r[0].lower(), r[0], r[1]))
    table = {}
    for r in rows:
        if len(r) < 3:
            continue
        lemma, upos = r[0].lower(), r[1]
        cls = CLASS.get(upos)
        if cls is None or not useful(lemma):
            continue
        forms = []
        for cell in r[2:]:
            for f in cell.split("/"):
                f = f.strip().lower()
                if f and f != lemma and useful(f) and f not in forms:
                    forms.append(f)
        if not forms and cls == "A":
            continue  # uninflected adjectives: nothing to say
        # nouns/verbs with no other form (news, police) are kept with an empty
        # list so that the crate does not invent a regular plural for them
        key = (lemma, cls)
        if key in table:
            for f in forms:
                if f not in table[key]:
                    table[key].append(f)
        else:
            table[key] = forms
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=os.path.join(REPO, "data", "lang"))
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    lem = build_lemmas()
    infl = build_inflections()
    p = os.path.join(args.out_dir, "lemmas.tsv")
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        for (w, cls), lemma in sorted(lem.items()):
            f.write("%s\t%s\t%s\n" % (w, cls, lemma))
    print("wrote %s (%d rows, %d bytes)" % (p, len(lem), os.path.getsize(p)))
    p = os.path.join(args.out_dir, "inflections.tsv")
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        for (lemma, cls), forms in sorted(infl.items()):
            f.write("%s\t%s\t%s\n" % (lemma, cls, ",".join(forms)))
    print("wrote %s (%d rows, %d bytes)" % (p, len(infl), os.path.getsize(p)))
    # how often the fallback rules alone would be right (for the README)
    ok = sum(1 for (w, c), l in lem.items() if fallback(w, c) == l)
    print("fallback rules agree on %d of %d kept rows" % (ok, len(lem)))


if __name__ == "__main__":
    main()
