"""dyad for pandas: code a DataFrame of articles into a DataFrame of events.

    >>> import pandas as pd, dyad.pandas
    >>> articles = pd.DataFrame({"id": ["a1"], "published": ["2019-05-14"], "text": [text]})
    >>> events = dyad.pandas.code_frame(articles)
    >>> events[["doc_id", "date", "source", "cameo", "target"]]
"""

from __future__ import annotations

from typing import Optional

import pandas

import dyad


def code_frame(
    df: pandas.DataFrame,
    text: str = "text",
    date: Optional[str] = "published",
    id: Optional[str] = "id",
    *,
    threads: Optional[int] = None,
    min_confidence: Optional[float] = None,
    all: bool = False,
) -> pandas.DataFrame:
    """The events of a DataFrame's articles: one row per event, with the
    columns of the Parquet export (docs/exports.md; actors and place as
    dicts, ``date`` as a date).

    ``text``, ``date`` and ``id`` name the columns holding each article's
    text, publication date (``'YYYY-MM-DD'`` strings, dates or timestamps)
    and id. A missing date column (or ``date=None``) leaves every article
    undated; a missing id column (or ``id=None``) ids each article by its
    index label. Coding runs in parallel, as :func:`dyad.code_many`.
    """
    if text not in df.columns:
        raise KeyError(f"no text column {text!r} in the DataFrame")
    dates = df[date].tolist() if date is not None and date in df.columns else None
    if id is not None and id in df.columns:
        ids = [str(v) for v in df[id].tolist()]
    else:
        ids = [str(label) for label in df.index]
    table = dyad.code_arrow(
        df[text].tolist(),
        dates=[None if pandas.isna(d) else d for d in dates] if dates is not None else None,
        ids=ids,
        threads=threads,
        min_confidence=min_confidence,
        all=all,
    )
    return table.to_pandas()
