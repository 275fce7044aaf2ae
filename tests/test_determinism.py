"""The same input gives the same output, byte for byte, run after run (issue 5).

Each run is a separate process, so nothing cached in memory (sets, dict order seeded by hash
randomisation) can hide a difference: PYTHONHASHSEED differs between the two runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _run(args: list[str], seed: str, cache: Path) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "DIPLOMAP_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-m", "geo", *args], check=True, env=env, capture_output=True)


@pytest.mark.parametrize(
    ("verb", "suffix"),
    [("extract", ".jsonl"), ("extract", ".csv"), ("extract", ".geojson"), ("places", ".jsonl"), ("map", ".html")],
)
def test_two_runs_write_identical_bytes(
    verb: str, suffix: str, tmp_path: Path, _isolated_cache: Path
) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}{suffix}"
        _run([verb, str(ARTICLES), "-o", str(out), "--no-progress"], seed, _isolated_cache)
        outputs.append(out.read_bytes())
    assert outputs[0], f"{verb} wrote an empty {suffix}"
    assert outputs[0] == outputs[1]
