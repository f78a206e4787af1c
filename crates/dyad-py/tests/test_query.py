"""dyad.query over a store made by `dyad ingest`, against `dyad query`."""

import pytest

import dyad
from conftest import SAMPLE_PAGE, run_cli


@pytest.fixture(scope="module")
def store(dyad_bin, tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "events.db"
    run_cli(dyad_bin, "ingest", "--store", str(path), "--date", "2019-05-14", str(SAMPLE_PAGE))
    return path


def test_query_gives_the_events_of_dyad_query(dyad_bin, store):
    cli = run_cli(dyad_bin, "query", "--store", str(store), "--format", "jsonl")
    table = dyad.query(store)
    assert table.num_rows == len(cli) > 0
    assert table.column("event_id").to_pylist() == [e["event_id"] for e in cli]


def test_query_filters_as_dyad_query(dyad_bin, store):
    every = run_cli(dyad_bin, "query", "--store", str(store), "--all", "--format", "jsonl")
    cameo = every[0]["cameo"][:2]
    cli = run_cli(dyad_bin, "query", "--store", str(store), "--all", "--cameo", cameo, "--from", "2019-01-01", "--format", "jsonl")
    table = dyad.query(str(store), all=True, cameo=cameo, from_="2019-01-01")
    assert 0 < table.num_rows <= len(every)
    assert table.column("event_id").to_pylist() == [e["event_id"] for e in cli]
    assert dyad.query(store, limit=1).num_rows == 1


def test_merged_events_carry_their_counts(dyad_bin, store):
    cli = run_cli(dyad_bin, "query", "--store", str(store), "--merged", "--format", "jsonl")
    table = dyad.query(store, merged=True)
    assert table.column("mentions").to_pylist() == [e["mentions"] for e in cli]


def test_query_errors_are_dyad_errors(store, tmp_path):
    with pytest.raises(dyad.DyadError, match="no such store"):
        dyad.query(tmp_path / "missing.db")
    with pytest.raises(dyad.DyadError):
        dyad.query(store, quad=7)
    with pytest.raises(dyad.DyadError, match="invalid date"):
        dyad.query(store, to="May 2019")
    with pytest.raises(dyad.DyadError):
        dyad.query(store, merged=True, all=True)
