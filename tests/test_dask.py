"""``extract --engine dask`` (:mod:`geo.distributed`) on a local Dask cluster equals the local engine."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
geopandas = pytest.importorskip("geopandas")

from geo.distributed import events_frame, events_from_frame, extract_with_dask
from geo.errors import ConfigError
from geo.events import iter_events
from geo.ingest import read_articles
from geo.output import event_to_dict

N_ARTICLES = 200


@pytest.fixture(scope="module")
def cluster(gazetteer: object) -> Iterator[str]:
    # the index is built (gazetteer fixture) before the workers start, so each only loads it
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 200 Reuters-21578 articles as JSON Lines in a temporary folder."""
    source = shared_dir / "corpora" / "reuters21578" / "articles.jsonl"
    if not source.is_file():
        pytest.skip(f"corpus not found at {source}")
    path = tmp_path_factory.mktemp("dask") / "reuters.jsonl"
    with source.open(encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, N_ARTICLES)), encoding="utf-8")
    return path


def _local(path: Path) -> list[dict[str, object]]:
    return [event_to_dict(e) for e in iter_events(read_articles(path))]


def _read(path: Path) -> list[dict[str, object]]:
    return [event_to_dict(e) for e in events_from_frame(geopandas.read_parquet(path))]


@pytest.mark.parametrize("partition_size", ["40KB", "64MB"])
def test_dask_equals_local_row_for_row(cluster: str, corpus: Path, tmp_path: Path, partition_size: str) -> None:
    out = tmp_path / "events.parquet"
    count = extract_with_dask([str(corpus)], str(out), scheduler=cluster, partition_size=partition_size)
    local = _local(corpus)
    assert local and count == len(local)
    assert _read(out) == local
    frame = geopandas.read_parquet(out)
    assert frame.crs.to_epsg() == 4326
    located = frame[frame.geometry.notna()]
    assert list(located.geometry.x) == list(located["location_lon"])


def test_folder_output_written_by_workers(cluster: str, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    count = extract_with_dask([str(corpus)], str(out), scheduler=cluster, partition_size="40KB")
    assert len(list(out.glob("part-*.parquet"))) > 1
    assert count == len(_read(out)) and _read(out) == _local(corpus)


def test_records_without_ids_are_numbered_as_locally(cluster: str, tmp_path: Path) -> None:
    texts = [
        "Iraqi Foreign Minister Fuad Hussein arrived in Moscow on Tuesday for talks with Russian officials.",
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Friday.",
        "Egyptian President Abdel Fattah al-Sisi telephoned Ethiopian Prime Minister Abiy Ahmed on Sunday.",
    ]
    lines = []
    for n in range(30):  # blank lines too: line numbers count them, as ingest does
        lines.append(json.dumps({"text": texts[n % 3], "date": "2021-03-02"}))
        if n % 7 == 0:
            lines.append("")
    path = tmp_path / "noids.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "e.parquet"
    extract_with_dask([str(path)], str(out), scheduler=cluster, partition_size="1KB")
    got = _read(out)
    assert {r["article_id"] for r in got} > {"noids:1", "noids:33"}
    assert got == _local(path)


def test_parquet_input_equals_jsonl(cluster: str, corpus: Path, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "reuters.parquet", row_group_size=64)
    out = tmp_path / "e.parquet"
    extract_with_dask([str(tmp_path / "reuters.parquet")], str(out), scheduler=cluster)
    assert _read(out) == _local(corpus)


def test_frame_round_trip_keeps_every_field(corpus: Path, gazetteer: object) -> None:
    events = list(iter_events(read_articles(corpus), gazetteer=gazetteer))
    assert [event_to_dict(e) for e in events_from_frame(events_frame(events))] == [event_to_dict(e) for e in events]


@pytest.mark.parametrize(
    ("paths", "message"),
    [(["missing.jsonl"], "does not exist"), (["notes.txt"], "JSON Lines"), (["empty"], "no .jsonl")],
)
def test_bad_inputs_are_named(tmp_path: Path, paths: list[str], message: str) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match=message):
        extract_with_dask([str(tmp_path / p) for p in paths], str(tmp_path / "o.parquet"), scheduler="tcp://127.0.0.1:1")


def test_cli_engine_dask(cluster: str, corpus: Path, tmp_path: Path) -> None:
    from geo.cli import main

    out = tmp_path / "cli.parquet"
    code = main(["-q", "extract", "--engine", "dask", "--scheduler", cluster, str(corpus), "-o", str(out)])
    assert code == 0
    assert _read(out) == _local(corpus)
