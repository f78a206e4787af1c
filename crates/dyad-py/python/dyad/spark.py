"""dyad for Spark: code a DataFrame of articles into a DataFrame of events,
in the executors, through ``mapInArrow``. See docs/spark.md.

    >>> import dyad.spark
    >>> articles = spark.read.json("articles.jsonl")      # id, published, text
    >>> events = dyad.spark.code_dataframe(articles)
    >>> events.write.partitionBy("date").parquet("events/")

The events have the columns of the Parquet export (docs/exports.md) with
the types Spark has: the export's unsigned integers become signed ones wide
enough for them (see :func:`event_schema`).
"""

from __future__ import annotations

from typing import Iterator, Optional

import pyarrow
from pyspark.sql import DataFrame
from pyspark.sql.pandas.types import from_arrow_schema
from pyspark.sql.types import StructType

import dyad

# Spark has no unsigned integers: each becomes the signed type that holds
# all its values.
_SIGNED = {
    pyarrow.uint8(): pyarrow.int16(),
    pyarrow.uint16(): pyarrow.int32(),
    pyarrow.uint32(): pyarrow.int64(),
    pyarrow.uint64(): pyarrow.int64(),
}


def _signed(kind: pyarrow.DataType) -> pyarrow.DataType:
    if pyarrow.types.is_struct(kind):
        return pyarrow.struct([f.with_type(_signed(f.type)) for f in kind])
    if pyarrow.types.is_list(kind):
        return pyarrow.list_(kind.value_field.with_type(_signed(kind.value_type)))
    return _SIGNED.get(kind, kind)


def arrow_schema() -> pyarrow.Schema:
    """The Arrow schema of :func:`code_dataframe`'s rows: the Parquet
    export's, with signed integers."""
    export = dyad.code_arrow([]).schema
    return pyarrow.schema([f.with_type(_signed(f.type)) for f in export])


def event_schema() -> StructType:
    """The Spark schema of :func:`code_dataframe`'s rows (one per event)."""
    return from_arrow_schema(arrow_schema())


def code_dataframe(
    df: DataFrame,
    text: str = "text",
    date: Optional[str] = "published",
    id: Optional[str] = "id",
    *,
    min_confidence: Optional[float] = None,
    all: bool = False,
) -> DataFrame:
    """The events of a DataFrame of articles: one row per event, with
    :func:`event_schema`.

    ``text``, ``date`` and ``id`` name the columns holding each article's
    text, publication date (a date, a timestamp or a ``'YYYY-MM-DD'``
    string) and id; ``date=None`` leaves every article undated and ``id=None``
    ids each article by its position in its partition (give ids: events are
    identified by their document's). Each Spark task codes its partition on
    one thread: Spark runs one task a core.
    """
    columns = [text] + [c for c in (date, id) if c is not None]
    schema = arrow_schema()

    def code_batches(batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        for batch in batches:
            table = dyad.code_arrow(
                batch.column(text).to_pylist(),
                dates=batch.column(date).to_pylist() if date is not None else None,
                ids=[None if v is None else str(v) for v in batch.column(id).to_pylist()] if id is not None else None,
                threads=1,
                min_confidence=min_confidence,
                all=all,
            )
            yield from table.cast(schema).to_batches()

    return df.select(*columns).mapInArrow(code_batches, from_arrow_schema(schema))
