"""Type stubs of dyad's native half (crates/dyad-py/src/lib.rs). Use the
functions of the ``dyad`` package: they check and normalize the arguments."""

from typing import Optional

import pyarrow

#: Equally long lists of texts, dates ('YYYY-MM-DD' or None: undated),
#: ids and titles.
Batch = tuple[list[str], list[Optional[str]], list[str], list[Optional[str]]]

class DyadError(ValueError):
    """An input dyad cannot code or a store it cannot read; the message is
    the command line's."""

def code_jsonl(
    batch: Batch,
    min_confidence: Optional[float],
    all: bool,
    threads: Optional[int],
) -> list[str]:
    """Each document's events as the JSON Lines of ``dyad code``."""

def code_batch(
    batch: Batch,
    min_confidence: Optional[float],
    all: bool,
    threads: Optional[int],
) -> pyarrow.RecordBatch:
    """Every document's events in the Parquet export's schema."""

def explain_json(text: str, date: Optional[str], id: str) -> list[str]:
    """What ``dyad explain --json`` prints, one JSON object a sentence."""

def actors_json(text: str, date: Optional[str], id: str) -> list[str]:
    """What ``dyad actors`` prints, one JSON object a mention."""

def query_batch(
    store: str,
    source: Optional[str],
    target: Optional[str],
    actor: Optional[str],
    cameo: Optional[str],
    plover: Optional[str],
    quad: Optional[int],
    from_: Optional[str],
    to: Optional[str],
    country: Optional[str],
    text: Optional[str],
    min_confidence: Optional[float],
    all: bool,
    merged: bool,
    limit: Optional[int],
    offset: int,
) -> pyarrow.RecordBatch:
    """The stored events a query selects, in the Parquet export's schema."""
