#!/usr/bin/env python3
"""The Python package's speed against the command line's, on one corpus.

usage: tools/bench/python.py [CORPUS.jsonl] [--runs N] [--spark]

Run with a Python that has the `dyad` wheel installed (and pyspark, for
--spark), after the release build. Prints one JSON line per run, alternating
`dyad code --threads 2 -o /dev/null CORPUS` with `dyad.code_many(texts,
threads=2)` (the event dicts made, as a caller gets them), wall and CPU
seconds, then the ratio of the best wall times;
with --spark, a local[2] Spark job coding the corpus with
dyad.spark.code_dataframe and counting the events. The corpus defaults to
the shared international-news sample beside the repository; its text stays
outside the repository.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import dyad

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DEFAULT_DATE = "2020-01-01"


def read_corpus(path):
    texts, dates, ids = [], [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            record = json.loads(line)
            texts.append(record["text"])
            published = record.get("published") or record.get("date")
            dates.append(published[:10] if published else DEFAULT_DATE)
            ids.append(record.get("id") or f"{os.path.basename(path)}:{n}")
    return texts, dates, ids


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(dyad_bin, corpus):
    """Wall and CPU seconds of `dyad code`, and the events it wrote."""
    start, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(
        [dyad_bin, "code", "--threads", "2", "--date", DEFAULT_DATE, "-o", "/dev/null", corpus],
        check=True, capture_output=True, text=True,
    )
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu
    events = int(done.stderr.strip().splitlines()[-1].split(", ")[-1].split()[0])
    return seconds, cpu, events


def time_python(texts, dates, ids):
    """Wall and CPU seconds of code_many (every thread), and the events."""
    start, cpu = time.perf_counter(), time.process_time()
    coded = dyad.code_many(texts, dates=dates, ids=ids, threads=2)
    return time.perf_counter() - start, time.process_time() - cpu, sum(map(len, coded))


def time_spark(corpus):
    from pyspark.sql import SparkSession

    import dyad.spark

    # The workers run this Python, which has the wheel.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        from pyspark.sql.functions import coalesce, col, lit

        start = time.perf_counter()
        articles = session.read.json(corpus).select(
            "id", coalesce(col("published"), lit(DEFAULT_DATE)).alias("published"), "text"
        )
        events = dyad.spark.code_dataframe(articles).count()
        return time.perf_counter() - start, events
    finally:
        session.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=os.path.join(REPO, "..", "shared", "corpora", "allsides_intl.jsonl"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--dyad", default=os.path.join(REPO, "target", "release", "dyad"))
    args = parser.parse_args()
    texts, dates, ids = read_corpus(args.corpus)
    dyad.code("Warm-up: Russia and Ukraine held talks.", date=DEFAULT_DATE)
    best_cli = best_python = float("inf")
    for run in range(args.runs):
        cli, cli_cpu, cli_events = time_cli(args.dyad, args.corpus)
        python, python_cpu, python_events = time_python(texts, dates, ids)
        best_cli, best_python = min(best_cli, cli), min(best_python, python)
        print(json.dumps({"run": run, "documents": len(texts),
                          "cli_seconds": round(cli, 2), "cli_cpu_seconds": round(cli_cpu, 2), "cli_events": cli_events,
                          "code_many_seconds": round(python, 2), "code_many_cpu_seconds": round(python_cpu, 2),
                          "code_many_events": python_events}))
    print(json.dumps({"code_many_speed_of_cli": round(best_cli / best_python, 3)}))
    if args.spark:
        seconds, events = time_spark(args.corpus)
        print(json.dumps({"spark_local2_seconds": round(seconds, 2), "spark_events": events}))


if __name__ == "__main__":
    main()
