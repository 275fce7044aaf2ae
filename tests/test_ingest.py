from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import IngestError
from geo.ingest import read_articles

SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_seed_folder_reads_every_text_file_in_sorted_order() -> None:
    articles = list(read_articles(SEEDS))
    assert [a.id for a in articles] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for a in articles:
        assert a.text == (SEEDS / f"{a.id}.txt").read_text(encoding="utf-8")
        assert a.title and a.title in a.text


def test_jsonl_bad_line_is_reported_and_other_lines_are_read(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text('{"id": "a", "text": "One."}\n{broken\n{"text": "Two."}\n', encoding="utf-8")
    errors: list[IngestError] = []
    got = list(read_articles([f], on_error="skip", errors=errors))
    assert [(a.id, a.text, a.source) for a in got] == [("a", "One.", f"{f}:1"), ("batch:3", "Two.", f"{f}:3")]
    assert [(e.path, e.line) for e in errors] == [(str(f), 2)]
