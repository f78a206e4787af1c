#!/usr/bin/env python3
"""Check dyad's Parquet export with pyarrow: rows and column types.

usage: tools/store/check_parquet.py DYAD_BINARY

Ingests examples/ into a temporary store, writes its events (and merged
events) as Parquet and as JSON Lines, and checks that pyarrow reads the same
rows, ids and values with the documented types (docs/exports.md). Exits
non-zero on the first difference.
"""
import json
import os
import subprocess
import sys
import tempfile

import pyarrow as pa
import pyarrow.parquet as pq

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

ACTOR = pa.struct([
    pa.field("text", pa.string(), False), pa.field("code", pa.string(), False),
    pa.field("country", pa.string()), pa.field("sector", pa.string()), pa.field("name", pa.string()),
    pa.field("start", pa.uint64(), False), pa.field("end", pa.uint64(), False),
])
TYPES = {
    "event_id": pa.string(), "sentence_index": pa.uint32(), "date": pa.date32(),
    "source": ACTOR, "target": ACTOR, "quad_class": pa.uint8(), "goldstein": pa.float64(),
    "context": pa.list_(pa.string()), "confidence": pa.float64(), "trigger_start": pa.uint64(),
}
MERGED_TYPES = {"mentions": pa.uint32(), "articles": pa.uint32(), "doc_ids": pa.list_(pa.string())}


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def check(dyad, store, merged, out):
    flags = ["--merged"] if merged else []
    run(dyad, "query", "--store", store, *flags, "--format", "parquet", "-o", out)
    lines = [json.loads(l) for l in run(dyad, "query", "--store", store, *flags, "--format", "jsonl").splitlines()]
    table = pq.read_table(out)
    assert table.num_rows == len(lines) > 0, (table.num_rows, len(lines))
    for name, kind in {**TYPES, **(MERGED_TYPES if merged else {})}.items():
        assert table.schema.field(name).type == kind, (name, table.schema.field(name).type, kind)
    rows = table.to_pylist()
    for row, line in zip(rows, lines):
        assert row["event_id"] == line["event_id"]
        assert row["cameo"] == line["cameo"] and row["factuality"] == line["factuality"]
        assert (row["source"] or {}).get("code") == (line["source"] or {}).get("code")
        assert row["context"] == line["context"]
        if line["date_precision"] == "day":
            assert row["date"].isoformat() == line["date"]
        if merged:
            assert row["doc_ids"] == line["doc_ids"] and row["mentions"] == line["mentions"]
    print(f"parquet: {'merged ' if merged else ''}{table.num_rows} rows, {table.num_columns} columns, types as documented")


def main():
    dyad = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "t.db")
        run(dyad, "ingest", "--store", store, "--date", "2019-05-14", os.path.join(REPO, "examples"))
        check(dyad, store, False, os.path.join(tmp, "events.parquet"))
        check(dyad, store, True, os.path.join(tmp, "merged.parquet"))
    print("parquet: 2 passed, 0 failed")


if __name__ == "__main__":
    main()
