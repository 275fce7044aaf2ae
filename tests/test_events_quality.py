"""Quality floors of event extraction (issue 3), scored by ``../shared/score_events.py``.

Runs the whole pipeline (ingest -> mentions -> events) on the seeds and on the development
gold, writes the events file as ``diplomap extract`` would, and checks the scorer's figures
against the floors the issue sets. Skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.events import iter_events
from geo.ingest import read_articles
from geo.output import write_events_file

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def score(shared: Path, gold: Path, inputs: list[str], tmp_path: Path, gazetteer: object) -> dict:  # type: ignore[type-arg]
    pred = tmp_path / f"{gold.stem}.jsonl"
    write_events_file(iter_events(read_articles(inputs), gazetteer=gazetteer), pred)
    out = subprocess.run(
        [sys.executable, str(shared / "score_events.py"), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out[: out.rindex("}") + 1])


def test_seeds_floor(shared_dir: Path, tmp_path: Path, gazetteer: object) -> None:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    result = score(shared_dir, shared_dir / "seeds_gold.jsonl", seeds, tmp_path, gazetteer)
    assert result["dyad"]["f1"] >= 0.85, result["dyad"]
    assert result["family"]["location_acc50km"] >= 0.9, result["family"]


def test_dev_floor(shared_dir: Path, tmp_path: Path, gazetteer: object) -> None:
    dev = shared_dir / "dev_gold"
    result = score(shared_dir, dev / "gold.jsonl", [str(dev / "articles.jsonl")], tmp_path, gazetteer)
    assert result["dyad"]["f1"] >= 0.70, result["dyad"]
    # every type is found at least sometimes
    assert all(v > 0 for v in result["family"]["recall_by_type"].values()), result["family"]["recall_by_type"]
