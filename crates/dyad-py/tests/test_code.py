"""dyad.code, code_many, code_arrow, explain and actors against the
command line's output."""

import datetime
import subprocess

import pyarrow as pa
import pytest

import dyad
from conftest import SAMPLE_PAGE, plover_documents, run_cli


def sample_text() -> str:
    return SAMPLE_PAGE.read_text(encoding="utf-8")


def test_code_gives_the_records_of_dyad_code(dyad_bin):
    cli = run_cli(dyad_bin, "code", "--date", "2019-05-14", str(SAMPLE_PAGE))
    records = dyad.code(sample_text(), date="2019-05-14", id="sample-page")
    assert len(cli) > 0
    assert records == cli


def test_code_all_and_min_confidence_are_the_command_line_flags(dyad_bin):
    every = run_cli(dyad_bin, "code", "--all", "--date", "2019-05-14", str(SAMPLE_PAGE))
    assert dyad.code(sample_text(), date="2019-05-14", id="sample-page", all=True) == every
    confident = run_cli(dyad_bin, "code", "--min-confidence", "0.5", "--date", "2019-05-14", str(SAMPLE_PAGE))
    assert dyad.code(sample_text(), date="2019-05-14", id="sample-page", min_confidence=0.5) == confident


def test_a_date_object_is_its_day():
    text = sample_text()
    as_string = dyad.code(text, date="2019-05-14")
    assert dyad.code(text, date=datetime.date(2019, 5, 14)) == as_string
    assert dyad.code(text, date=datetime.datetime(2019, 5, 14, 23, 59)) == as_string
    # Relative dates resolve against the publication date.
    assert dyad.code(text, date="2020-01-07") != as_string


def documents(n: int):
    docs = plover_documents()[:n]
    return [d["text"] for d in docs], [d["date"] for d in docs], [d["id"] for d in docs]


def test_code_many_in_parallel_equals_one_thread_and_code_in_a_loop():
    texts, dates, ids = documents(60)
    texts.append(sample_text())
    dates.append("2019-05-14")
    ids.append("sample-page")
    two = dyad.code_many(texts, dates=dates, ids=ids, threads=2)
    one = dyad.code_many(texts, dates=dates, ids=ids, threads=1)
    loop = [dyad.code(t, date=d, id=i) for t, d, i in zip(texts, dates, ids)]
    assert len(two) == len(texts)
    assert sum(map(len, two)) > 60
    assert two == one == loop


def test_code_many_numbers_documents_without_ids():
    texts, dates, _ = documents(5)
    coded = dyad.code_many(texts, dates=dates)
    assert any(coded)
    assert [{e["doc_id"] for e in events} for events in coded] == [{str(i)} if events else set() for i, events in enumerate(coded)]


def test_code_arrow_has_the_parquet_schema_and_one_row_per_event():
    texts, dates, ids = documents(40)
    table = dyad.code_arrow(texts, dates=dates, ids=ids, threads=2)
    records = [e for events in dyad.code_many(texts, dates=dates, ids=ids) for e in events]
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(records) > 0
    actor = table.schema.field("source").type
    assert pa.types.is_struct(actor) and actor.field("start").type == pa.uint64()
    types = {
        "event_id": pa.string(), "doc_id": pa.string(), "sentence_index": pa.uint32(),
        "date": pa.date32(), "cameo": pa.string(), "quad_class": pa.uint8(),
        "goldstein": pa.float64(), "context": pa.list_(pa.string()), "confidence": pa.float64(),
        "trigger_start": pa.uint64(),
    }
    for name, kind in types.items():
        assert table.schema.field(name).type == kind, name
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in records]
    for row, record in zip(rows, records):
        assert row["cameo"] == record["cameo"] and row["confidence"] == record["confidence"]
        assert (row["source"] or {}).get("code") == (record["source"] or {}).get("code")
        if record["date_precision"] == "day":
            assert row["date"].isoformat() == record["date"]


def test_code_arrow_of_nothing_is_an_empty_table_with_the_schema():
    table = dyad.code_arrow([])
    assert table.num_rows == 0 and "event_id" in table.schema.names


def test_explain_gives_what_explain_json_prints(dyad_bin):
    sentence = "Kenya's foreign minister met the Ugandan president in Kampala on Tuesday."
    cli = run_cli(dyad_bin, "explain", "--json", "--date", "2021-03-02", "--text", sentence)
    explained = dyad.explain(sentence, date="2021-03-02")
    assert len(explained) == 1
    assert explained == cli


def test_actors_gives_what_dyad_actors_prints(dyad_bin, tmp_path):
    text = "Officials from France and Germany met Russian diplomats in Geneva on Monday."
    path = tmp_path / "meeting.txt"
    path.write_text(text, encoding="utf-8")
    cli = run_cli(dyad_bin, "actors", "--date", "2021-03-02", str(path))
    mentions = dyad.actors(text, date="2021-03-02", id="meeting")
    assert len(mentions) >= 2
    assert mentions == cli


@pytest.mark.parametrize("text", [None, 42, b"Russia attacked Ukraine.", ["a text"]])
def test_a_text_that_is_no_str_is_a_type_error(text):
    with pytest.raises(TypeError):
        dyad.code(text)


@pytest.mark.parametrize("date", ["2019-13-01", "2019-02-30", "yesterday", "14/05/2019", ""])
def test_an_invalid_date_is_a_dyad_error(date):
    with pytest.raises(dyad.DyadError, match="invalid date") as raised:
        dyad.code("Russia attacked Ukraine.", date=date)
    assert isinstance(raised.value, ValueError)


def test_bad_arguments_of_code_many():
    with pytest.raises(TypeError):
        dyad.code_many("one text, not a list")
    with pytest.raises(TypeError):
        dyad.code_many(["a text", None])
    with pytest.raises(TypeError):
        dyad.code("a text", date=20190514)
    with pytest.raises(dyad.DyadError):
        dyad.code_many(["a text"], dates=["2019-05-14", "2019-05-15"])
    with pytest.raises(dyad.DyadError):
        dyad.code_many(["a text"], dates=["not a date"])
    with pytest.raises(dyad.DyadError):
        dyad.code_many(["a text"], threads=0)


def test_the_interpreter_survives_odd_text():
    odd = ["", "\x00\x01", "\u202e" * 100, "é" * 10_000, "Russia." * 2000]
    coded = dyad.code_many(odd, dates=["2020-01-01"] * len(odd))
    assert len(coded) == len(odd)


def test_a_forked_process_codes_too():
    # Coding before a fork must leave nothing behind (no global thread pool)
    # that the child would wait for.
    import multiprocessing

    texts, dates, ids = documents(8)
    expected = dyad.code_many(texts, dates=dates, ids=ids)
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        result = pool.apply_async(dyad.code_many, (texts,), {"dates": dates, "ids": ids})
        assert result.get(timeout=60) == expected


def test_an_undated_text_takes_only_the_dates_it_gives():
    text = ("Israeli troops attacked Palestinian protesters in Gaza on Monday. "
            "On 3 May 2019 Russian troops attacked Ukrainian positions near Donetsk.")
    dates = [r["date"] for r in dyad.code(text)]
    assert dates == [None, "2019-05-03"]
