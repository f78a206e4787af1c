"""dyad.pandas.code_frame: a DataFrame of articles to a DataFrame of events."""

import datetime

import pandas as pd

import dyad
import dyad.pandas
from conftest import plover_documents


def test_code_frame_codes_each_article_with_its_date_and_id():
    docs = plover_documents()[:30]
    articles = pd.DataFrame({
        "id": [d["id"] for d in docs],
        "published": [datetime.date.fromisoformat(d["date"]) for d in docs],
        "text": [d["text"] for d in docs],
    })
    events = dyad.pandas.code_frame(articles)
    expected = dyad.code_arrow(articles["text"].tolist(), dates=[d["date"] for d in docs], ids=articles["id"].tolist())
    assert len(events) == expected.num_rows > 0
    assert events["event_id"].tolist() == expected.column("event_id").to_pylist()
    assert set(events["doc_id"]) <= set(articles["id"])


def test_code_frame_reads_other_columns_and_timestamps():
    docs = plover_documents()[:10]
    articles = pd.DataFrame({
        "body": [d["text"] for d in docs],
        "day": pd.to_datetime([d["date"] for d in docs]),
    }, index=[f"row{i}" for i in range(10)])
    events = dyad.pandas.code_frame(articles, text="body", date="day", id=None)
    expected = dyad.code_many(articles["body"].tolist(), dates=[d["date"] for d in docs], ids=list(articles.index))
    assert events["event_id"].tolist() == [e["event_id"] for doc in expected for e in doc]
