"""Shared fixtures: the repository, the `dyad` binary the package is
compared with, and documents made from the repository's own fixtures."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SAMPLE_PAGE = REPO / "examples" / "sample-page.txt"
PLOVER_OWN = REPO / "crates" / "dyad" / "tests" / "fixtures" / "plover-own.jsonl"


@pytest.fixture(scope="session")
def dyad_bin() -> str:
    """The command line to compare with: $DYAD_BIN, or the release build."""
    path = os.environ.get("DYAD_BIN", str(REPO / "target" / "release" / "dyad"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"no dyad binary at {path}: build it (cargo build --release -p dyad) or set DYAD_BIN")
    return path


def run_cli(dyad_bin: str, *args: str) -> list[dict]:
    """The JSON Lines `dyad` prints, one dict a line."""
    out = subprocess.run([dyad_bin, *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def plover_documents() -> list[dict]:
    """The texts, dates and ids of the PLOVER fixture."""
    with open(PLOVER_OWN, encoding="utf-8") as f:
        return [json.loads(line) for line in f]
