"""dyad: political event data from news text.

Who did what to whom, when and where, coded as CAMEO and PLOVER events by
the same pipeline as the ``dyad`` command line, compiled into this package
(no model or data to download)::

    >>> import dyad
    >>> events = dyad.code(text, date="2019-05-14", id="sample-page")
    >>> events[0]["cameo"], events[0]["source"]["code"]

Every event is the record ``dyad code`` prints (docs/events.md), as a dict.
:func:`code_many` codes many documents in parallel without the GIL,
:func:`code_arrow` returns them as a ``pyarrow.Table`` with the schema of
the Parquet export, :func:`query` reads a store made by ``dyad ingest``,
and :func:`explain` and :func:`actors` show the analysis behind the events.
``dyad.pandas`` and ``dyad.spark`` code DataFrames.

Problems with the input raise :class:`DyadError` (a ``ValueError``) with the
command line's message; arguments of the wrong type raise ``TypeError``.
"""

from __future__ import annotations

import datetime as _dt
import os
import importlib
import json
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from . import _dyad
from ._dyad import DyadError

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "DyadError",
    "Date",
    "code",
    "code_many",
    "code_arrow",
    "explain",
    "actors",
    "query",
]

#: A publication date: ``'YYYY-MM-DD'`` or a ``datetime.date`` (a
#: ``datetime.datetime`` counts by its day). ``None`` leaves the document
#: undated, as ``dyad code`` without ``--date``: its events take only the
#: dates their text gives.
Date = Union[str, _dt.date, None]


def _date_string(date: Any, name: str = "date") -> Optional[str]:
    """The ``'YYYY-MM-DD'`` string of a date argument (the native half
    checks it and raises :class:`DyadError` on an invalid one)."""
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, _dt.datetime):
        return date.date().isoformat()
    if isinstance(date, _dt.date):
        return date.isoformat()
    raise TypeError(f"{name} must be a 'YYYY-MM-DD' string, a datetime.date or None, not {type(date).__name__}")


def _check_str(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")


def _texts(texts: Any) -> list[str]:
    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a sequence of str, not a single " + type(texts).__name__)
    texts = list(texts)
    for i, text in enumerate(texts):
        _check_str(text, f"texts[{i}]")
    return texts


def _column(values: Any, n: int, name: str) -> list:
    if values is None:
        return [None] * n
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be a sequence with one value per text, not a single {type(values).__name__}")
    values = list(values)
    if len(values) != n:
        raise DyadError(f"{name} has {len(values)} values for {n} texts")
    return values


def _batch(
    texts: Any,
    dates: Any,
    ids: Any,
    titles: Any,
) -> tuple[list[str], list[Optional[str]], list[str], list[Optional[str]]]:
    """The native half's arguments: lists of one value per text; documents
    without an id are numbered from 0 as they come."""
    texts = _texts(texts)
    n = len(texts)
    dates = [_date_string(d, f"dates[{i}]") for i, d in enumerate(_column(dates, n, "dates"))]
    ids = [str(i) if id is None else id for i, id in enumerate(_column(ids, n, "ids"))]
    for i, id in enumerate(ids):
        _check_str(id, f"ids[{i}]")
    titles = _column(titles, n, "titles")
    for i, title in enumerate(titles):
        if title is not None:
            _check_str(title, f"titles[{i}]")
    return texts, dates, ids, titles


def _records(jsonl: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in jsonl.splitlines()]


def code(
    text: str,
    *,
    date: Date = None,
    id: Optional[str] = None,
    title: Optional[str] = None,
    min_confidence: Optional[float] = None,
    all: bool = False,
) -> list[dict[str, Any]]:
    """Code one document: its events, as ``dyad code`` prints them.

    ``date`` is the publication date (``'YYYY-MM-DD'`` or a
    ``datetime.date``; undated when ``None``) that relative dates ("on
    Tuesday") resolve against; ``id`` is the document id the records carry
    (``"text"`` when ``None``). By default only events the text asserts or
    states as intended are returned; ``all=True`` returns every candidate
    with its factuality, and ``min_confidence`` drops events below it, as
    ``--all`` and ``--min-confidence`` do.

    Raises :class:`DyadError` for an invalid date, ``TypeError`` for
    arguments of the wrong type.
    """
    _check_str(text, "text")
    if id is None:
        id = "text"
    _check_str(id, "id")
    if title is not None:
        _check_str(title, "title")
    (jsonl,) = _dyad.code_jsonl(
        ([text], [_date_string(date)], [id], [title]), min_confidence, bool(all), None
    )
    return _records(jsonl)


def code_many(
    texts: Sequence[str],
    *,
    dates: Optional[Sequence[Date]] = None,
    ids: Optional[Sequence[Optional[str]]] = None,
    titles: Optional[Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    min_confidence: Optional[float] = None,
    all: bool = False,
) -> list[list[dict[str, Any]]]:
    """Code many documents in parallel: one list of event records per text,
    in order.

    ``dates``, ``ids`` and ``titles``, when given, hold one value per text
    (see :func:`code`); a document without an id is numbered by its
    position (``"0"``, ``"1"``, ...). Coding runs without the GIL on
    ``threads`` threads (one a core when ``None``).
    """
    jsonl = _dyad.code_jsonl(_batch(texts, dates, ids, titles), min_confidence, bool(all), threads)
    return [_records(doc) for doc in jsonl]


def code_arrow(
    texts: Sequence[str],
    *,
    dates: Optional[Sequence[Date]] = None,
    ids: Optional[Sequence[Optional[str]]] = None,
    titles: Optional[Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    min_confidence: Optional[float] = None,
    all: bool = False,
) -> "pyarrow.Table":
    """Code many documents (as :func:`code_many`) into one
    ``pyarrow.Table``, one row per event, with the columns and types of
    ``dyad code --format parquet`` (docs/exports.md). Needs pyarrow.
    """
    import pyarrow

    batch = _dyad.code_batch(_batch(texts, dates, ids, titles), min_confidence, bool(all), threads)
    return pyarrow.Table.from_batches([batch])


def explain(text: str, *, date: Date = None, id: str = "text") -> list[dict[str, Any]]:
    """The analysis of each sentence of a text, as ``dyad explain --json``
    prints it: tokens with tags, lemmas and dependencies, phrases, clauses,
    actors, the patterns tried, the candidates dropped and the events coded
    (every factuality)."""
    _check_str(text, "text")
    _check_str(id, "id")
    return [json.loads(s) for s in _dyad.explain_json(text, _date_string(date), id)]


def actors(text: str, *, date: Date = None, id: str = "text") -> list[dict[str, Any]]:
    """The actor mentions of a text, as ``dyad actors`` prints them: the
    words, their span, the actor code, country, sector and name, and the
    dictionary entry that matched."""
    _check_str(text, "text")
    _check_str(id, "id")
    return [json.loads(m) for m in _dyad.actors_json(text, _date_string(date), id)]


def query(
    store: Union[str, "os.PathLike[str]"],
    *,
    source: Optional[str] = None,
    target: Optional[str] = None,
    actor: Optional[str] = None,
    cameo: Optional[str] = None,
    plover: Optional[str] = None,
    quad: Optional[int] = None,
    from_: Date = None,
    to: Date = None,
    country: Optional[str] = None,
    text: Optional[str] = None,
    min_confidence: Optional[float] = None,
    all: bool = False,
    merged: bool = False,
    limit: Optional[int] = None,
    offset: int = 0,
) -> "pyarrow.Table":
    """The events of a store made by ``dyad ingest`` that match the filters
    of ``dyad query``, ordered by date, as a ``pyarrow.Table`` with the
    Parquet export's schema (with ``mentions``, ``sources``, ``articles``
    and ``doc_ids`` when ``merged``). ``from_`` is ``--from`` (``from`` is
    a Python keyword). Needs pyarrow.

    Raises :class:`DyadError` for a missing or foreign store and for
    filters that cannot match (the command line's messages).
    """
    import pyarrow

    batch = _dyad.query_batch(
        os.fspath(store),
        source,
        target,
        actor,
        cameo,
        plover,
        quad,
        _date_string(from_, "from_"),
        _date_string(to, "to"),
        country,
        text,
        min_confidence,
        bool(all),
        bool(merged),
        limit,
        offset,
    )
    return pyarrow.Table.from_batches([batch])


def __getattr__(name: str) -> Any:
    # dyad.pandas and dyad.spark import their (optional) libraries only
    # when first used.
    if name in ("pandas", "spark"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
