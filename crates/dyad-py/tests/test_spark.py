"""dyad.spark.code_dataframe in Spark local mode, on 1,000 documents made
from the repository's fixtures, against `dyad code` on the same documents.
Skipped where Java or pyspark is missing (.ci/run installs both)."""

import datetime
import json
import os
import random
import shutil
import sys

import pytest

from conftest import SAMPLE_PAGE, plover_documents, run_cli

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no java on PATH (Spark needs Java 17)", allow_module_level=True)

import dyad.spark  # noqa: E402

DOCUMENTS = 1000


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-test")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """1,000 articles as JSON Lines: the fixtures' texts with varied ids and
    publication dates."""
    texts = [d["text"] for d in plover_documents()] + [SAMPLE_PAGE.read_text(encoding="utf-8")]
    start = datetime.date(2014, 1, 1)
    path = tmp_path_factory.mktemp("spark") / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(DOCUMENTS):
            published = start + datetime.timedelta(days=(i * 37) % 3000)
            record = {"id": f"article-{i:04d}", "published": published.isoformat(), "text": texts[i % len(texts)]}
            f.write(json.dumps(record) + "\n")
    return path


def test_code_dataframe_gives_the_events_of_dyad_code(spark, articles, dyad_bin):
    cli = {e["event_id"]: e for e in run_cli(dyad_bin, "code", str(articles))}
    df = spark.read.json(str(articles)).repartition(4)
    assert df.count() == DOCUMENTS
    events = dyad.spark.code_dataframe(df)
    assert events.schema == dyad.spark.event_schema()
    rows = {r["event_id"]: r for r in events.collect()}
    assert len(cli) > DOCUMENTS
    assert len(rows) == len(cli)
    assert rows.keys() == cli.keys()
    for event_id in random.Random(18).sample(sorted(cli), 100):
        row, record = rows[event_id], cli[event_id]
        assert row["doc_id"] == record["doc_id"]
        assert row["sentence_index"] == record["sentence_index"]
        assert row["cameo"] == record["cameo"] and row["plover"] == record["plover"]
        assert row["quad_class"] == record["quad_class"] and row["goldstein"] == record["goldstein"]
        assert row["factuality"] == record["factuality"] and row["confidence"] == record["confidence"]
        for side in ("source", "target"):
            assert (row[side] or {"code": None})["code"] == (record[side] or {"code": None})["code"]
        if record["date_precision"] == "day":
            assert row["date"].isoformat() == record["date"]
        assert row["context"] == record["context"]


def test_events_write_as_parquet_partitioned_by_date(spark, articles, tmp_path):
    df = spark.read.json(str(articles)).limit(50)
    events = dyad.spark.code_dataframe(df)
    out = str(tmp_path / "events")
    events.write.partitionBy("date").parquet(out)
    back = spark.read.parquet(out)
    assert back.count() == events.count() > 0
    assert any(name.startswith("date=") for name in os.listdir(out))
