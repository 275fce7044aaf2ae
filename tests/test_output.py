from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.errors import ConfigError, IngestError
from geo.output import (
    EVENT_FIELDS,
    event_from_dict,
    event_to_dict,
    is_events_file,
    read_events_file,
    write_events_file,
)
from geo.records import Actor, Event, EventStatus, EventType, Evidence, Place, PlaceKind

MOSCOW = Place("Moscow", PlaceKind.CITY, "RU", 55.7558, 37.6173, geonameid=524901)
EVENTS = [
    Event(
        article_id="000_ec6b",
        type=EventType.VISIT,
        countries=("IQ", "RU"),
        status=EventStatus.PLANNED,
        plover="CONSULT/visit",
        cameo="043",
        source="IQ",
        target="RU",
        date="2020-11-25",
        date_text="on November 25",
        actors=(Actor("Fuad Hussein", "Foreign Minister", "IQ"), Actor("Sergey Lavrov", None, "RU")),
        location=MOSCOW,
        evidence=(Evidence('Hussein is to fly to Moscow next week, "he said".', 10, 59),),
        confidence=0.8,
    ),
    Event(
        article_id="000_ec6b",
        type=EventType.HOSTILE,
        countries=("US", "IQ"),
        plover="THREATEN",
        cameo="13",
        evidence=(
            Evidence("The US has threatened Iraq with sanctions.", 100, 142),
            Evidence("Again; with, commas", 150, 169),
        ),
    ),
    Event(
        article_id="r21578-1",
        type=EventType.VISIT,
        countries=("EG", "ET"),
        source="EG",
        target="ET",
        location=Place("", PlaceKind.COUNTRY, "ET", None, None),
    ),
]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".geojson", ".parquet"])
def test_round_trip_keeps_every_field(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    assert write_events_file(iter(EVENTS), path) == len(EVENTS)
    assert is_events_file(path)
    back = read_events_file(path)
    assert [event_to_dict(e) for e in back] == [event_to_dict(e) for e in EVENTS]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".geojson", ".parquet"])
def test_same_events_give_byte_identical_files(tmp_path: Path, suffix: str) -> None:
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    write_events_file(EVENTS, a)
    write_events_file(list(EVENTS), b)
    assert a.read_bytes() == b.read_bytes()


def test_jsonl_record_has_the_issue_fields_in_order(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    write_events_file(EVENTS[:1], path)
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert tuple(record) == EVENT_FIELDS
    assert record["location"] == {
        "name": "Moscow",
        "kind": "city",
        "country": "RU",
        "lat": 55.7558,
        "lon": 37.6173,
        "geonameid": 524901,
    }
    assert record["actors"][0] == {"name": "Fuad Hussein", "title": "Foreign Minister", "country": "IQ"}


def test_geojson_has_points_and_null_geometry(tmp_path: Path) -> None:
    path = tmp_path / "e.geojson"
    write_events_file(EVENTS, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert [f["geometry"] for f in data["features"]] == [
        {"type": "Point", "coordinates": [37.6173, 55.7558]},
        None,
        None,
    ]


def test_parquet_is_geoparquet_when_there_are_locations(tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "e.parquet"
    write_events_file(EVENTS, path)
    frame = geopandas.read_parquet(path)
    assert frame.crs is not None and frame.crs.to_epsg() == 4326
    assert frame.geometry.iloc[0].x == pytest.approx(37.6173)
    assert frame.geometry.iloc[1] is None


def test_parquet_streams_in_row_groups_with_one_bbox(tmp_path: Path) -> None:
    """Parquet is written a batch at a time (memory stays flat); the GeoParquet bbox covers all batches."""
    import json

    import pyarrow.parquet as pq

    from geo.output import _write_parquet

    path = tmp_path / "e.parquet"
    assert _write_parquet((ev for ev in EVENTS * 3), path, batch_size=2) == 3 * len(EVENTS)
    meta = pq.ParquetFile(path).metadata
    assert meta.num_row_groups == -(-3 * len(EVENTS) // 2)
    bbox = json.loads(meta.metadata[b"geo"])["columns"]["geometry"]["bbox"]
    assert bbox == pytest.approx([37.6173, 55.7558, 37.6173, 55.7558])
    assert read_events_file(path) == EVENTS * 3


def test_empty_output_is_still_valid(tmp_path: Path) -> None:
    for suffix in (".jsonl", ".csv", ".geojson", ".parquet"):
        path = tmp_path / f"empty{suffix}"
        assert write_events_file([], path) == 0
        assert read_events_file(path) == []


def test_unknown_suffix_is_a_config_error_naming_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\.xlsx.*\.jsonl"):
        write_events_file(EVENTS, tmp_path / "events.xlsx")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("articles.jsonl", '{"id": "a", "title": "t", "text": "x"}\n', False),
        ("events.jsonl", '\n{"article_id": "a", "type": "visit"}\n', True),
        ("empty.jsonl", "", False),
        ("map.geojson", '{"type": "FeatureCollection", "features": []}', False),
        ("notes.txt", "article_id type", False),
        ("broken.jsonl", "{not json", False),
    ],
)
def test_is_events_file(tmp_path: Path, name: str, content: str, expected: bool) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert is_events_file(path) is expected


def test_bad_record_is_an_ingest_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not an event record"):
        event_from_dict({"article_id": "a", "type": "picnic"})
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article_id": "a", "type": "visit"}\n{oops\n', encoding="utf-8")
    with pytest.raises(IngestError, match=r"bad.jsonl:2"):
        read_events_file(path)
