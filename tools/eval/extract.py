#!/usr/bin/env python3
"""Article extraction quality of `dyad extract` on pages with a hand-made body.

Reads a JSON Lines corpus whose records carry `id`, the ground-truth `text`
and `meta.html_file` (a gzipped page, relative to the corpus file), writes
each page ungzipped as `<id>.html` into a temporary folder, runs
`dyad extract FOLDER` and scores each page's extracted text against the
ground truth: precision, recall and F1 over bags of white-space-separated
tokens, averaged over pages.

    python3 tools/eval/extract.py CORPUS.jsonl [--dyad target/release/dyad] [--worst N]
"""

import argparse
import collections
import gzip
import json
import pathlib
import subprocess
import tempfile


def scores(extracted: str, truth: str) -> tuple[float, float, float]:
    got = collections.Counter(extracted.split())
    want = collections.Counter(truth.split())
    common = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0, 1.0
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=pathlib.Path)
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args()

    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8") if line.strip()]
    truth = {r["id"]: r["text"] for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        for r in records:
            html = gzip.decompress((args.corpus.parent / r["meta"]["html_file"]).read_bytes())
            (pathlib.Path(tmp) / f"{r['id']}.html").write_bytes(html)
        run = subprocess.run([args.dyad, "extract", tmp], capture_output=True, text=True, check=True)
    extracted = {d["id"]: d["text"] for d in map(json.loads, run.stdout.splitlines())}

    per_page = {i: scores(extracted.get(i, ""), t) for i, t in truth.items()}
    n = len(per_page)
    mean = [sum(s[k] for s in per_page.values()) / n for k in range(3)]
    print(f"pages {n} (extracted {len(extracted)})")
    print(f"precision {mean[0]:.3f}  recall {mean[1]:.3f}  F1 {mean[2]:.3f}")
    for i, (p, r, f) in sorted(per_page.items(), key=lambda kv: kv[1][2])[: args.worst]:
        print(f"  {f:.3f}  P {p:.3f}  R {r:.3f}  {i}")


if __name__ == "__main__":
    main()
