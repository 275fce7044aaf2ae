"""Events files: one record per event as JSON Lines, CSV, GeoJSON or (Geo)Parquet.

The record is the same in every format (see :data:`EVENT_FIELDS`)::

    {"article_id", "type", "plover", "cameo", "status", "date", "date_text", "countries",
     "source", "target", "actors": [{"name", "title", "country"}],
     "location": {"name", "kind", "country", "lat", "lon", "geonameid"} | null,
     "evidence": [{"text", "start", "end"}], "confidence"}

The format follows the output's suffix. Writing streams where the format allows it (JSON Lines,
CSV, GeoJSON), is atomic, and is deterministic: the same events give byte-identical files.
CSV flattens the record: ``countries`` joined with ``;``, the location spread over
``location_*`` columns, ``actors`` and ``evidence`` as JSON strings. Parquet keeps
``countries`` as a list and, when ``geopandas`` is available, adds a point geometry
(GeoParquet, EPSG:4326).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from geo._files import atomic_write
from geo.errors import ConfigError, IngestError
from geo.records import Actor, Event, EventStatus, EventType, Evidence, Place, PlaceKind

log = logging.getLogger(__name__)

__all__ = [
    "CSV_FIELDS",
    "EVENT_FIELDS",
    "EVENT_SUFFIXES",
    "event_from_dict",
    "event_to_dict",
    "is_events_file",
    "read_events_file",
    "write_events_file",
]

#: Fields of an event record, in output order.
EVENT_FIELDS: tuple[str, ...] = (
    "article_id",
    "type",
    "plover",
    "cameo",
    "status",
    "date",
    "date_text",
    "countries",
    "source",
    "target",
    "actors",
    "location",
    "evidence",
    "confidence",
)
LOCATION_FIELDS: tuple[str, ...] = ("name", "kind", "country", "lat", "lon", "geonameid")
#: Columns of the flattened record (CSV, Parquet).
CSV_FIELDS: tuple[str, ...] = tuple(
    f
    for name in EVENT_FIELDS
    for f in ([f"location_{k}" for k in LOCATION_FIELDS] if name == "location" else [name])
)
EVENT_SUFFIXES: tuple[str, ...] = (".jsonl", ".csv", ".geojson", ".parquet")
_MARKER = "diplomap-events"  # tags GeoJSON and Parquet files that we wrote


def event_to_dict(event: Event) -> dict[str, Any]:
    """The output record of ``event`` (plain JSON types, fields in :data:`EVENT_FIELDS` order)."""
    loc = event.location
    return {
        "article_id": event.article_id,
        "type": event.type.value,
        "plover": event.plover,
        "cameo": event.cameo,
        "status": event.status.value,
        "date": event.date,
        "date_text": event.date_text,
        "countries": list(event.countries),
        "source": event.source,
        "target": event.target,
        "actors": [{"name": a.name, "title": a.title, "country": a.country} for a in event.actors],
        # a country-level location ("a visit to Kenya") has no venue name: null, not ""
        "location": None if loc is None else {**loc.to_dict(), "name": loc.name or None},
        "evidence": [{"text": e.text, "start": e.start, "end": e.end} for e in event.evidence],
        "confidence": round(float(event.confidence), 3),
    }


def event_from_dict(record: dict[str, Any]) -> Event:
    """Rebuild an :class:`~geo.records.Event` from its output record (the inverse of :func:`event_to_dict`)."""
    try:
        loc = record.get("location")
        place = None
        if loc and (loc.get("name") or loc.get("country") or loc.get("lat") is not None):
            place = Place(
                name=loc.get("name") or "",
                kind=PlaceKind(loc.get("kind") or PlaceKind.CITY.value),
                country=loc.get("country"),
                lat=_float(loc.get("lat")),
                lon=_float(loc.get("lon")),
                geonameid=_int(loc.get("geonameid")),
            )
        return Event(
            article_id=str(record["article_id"]),
            type=EventType(record["type"]),
            countries=tuple(record.get("countries") or ()),
            status=EventStatus(record.get("status") or EventStatus.OCCURRED.value),
            plover=record.get("plover") or "",
            cameo=record.get("cameo") or "",
            source=record.get("source"),
            target=record.get("target"),
            date=record.get("date"),
            date_text=record.get("date_text"),
            actors=tuple(
                Actor(a.get("name") or "", a.get("title"), a.get("country"))
                for a in record.get("actors") or ()
            ),
            location=place,
            evidence=tuple(
                Evidence(e.get("text") or "", int(e.get("start", -1)), int(e.get("end", -1)))
                for e in record.get("evidence") or ()
            ),
            confidence=float(record.get("confidence", 0.5)),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise IngestError(
            f"not an event record ({exc}); expected the fields {', '.join(EVENT_FIELDS)}"
        ) from exc


def _float(v: Any) -> float | None:
    return None if v is None or v == "" else float(v)


def _int(v: Any) -> int | None:
    return None if v is None or v == "" else int(float(v))


def _suffix(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in EVENT_SUFFIXES:
        raise ConfigError(
            f"cannot write events as {suffix or 'a file without suffix'!r} ({path}); "
            f"use one of {', '.join(EVENT_SUFFIXES)}"
        )
    return suffix


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=False, separators=(", ", ": "))


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        value = record[name]
        if name == "location":
            loc = value or {}
            for k in LOCATION_FIELDS:
                flat[f"location_{k}"] = loc.get(k)
        elif name == "countries":
            flat[name] = ";".join(value)
        elif name in {"actors", "evidence"}:
            flat[name] = _dumps(value)
        else:
            flat[name] = value
    return flat


def _unflatten(row: dict[str, Any]) -> dict[str, Any]:
    def blank(v: Any) -> Any:
        return None if v is None or v == "" or (isinstance(v, float) and math.isnan(v)) else v

    record: dict[str, Any] = {k: blank(row.get(k)) for k in EVENT_FIELDS if k not in {"location"}}
    countries = row.get("countries")
    if isinstance(countries, str):
        record["countries"] = [c for c in countries.split(";") if c]
    else:
        record["countries"] = list(countries) if countries is not None else []
    for name in ("actors", "evidence"):
        value = row.get(name)
        record[name] = json.loads(value) if isinstance(value, str) and value else []
    loc = {k: blank(row.get(f"location_{k}")) for k in LOCATION_FIELDS}
    record["location"] = loc if any(v is not None for v in loc.values()) else None
    return record


def write_events_file(events: Iterable[Event], path: str | Path) -> int:
    """Write ``events`` to ``path`` in the format of its suffix and return how many were written.

    Parameters
    ----------
    events
        Any iterable of events, written as it streams (Parquet in row groups of 10,000).
    path
        Output path ending in ``.jsonl``, ``.csv``, ``.geojson`` or ``.parquet``.

    Raises
    ------
    ConfigError
        For any other suffix.
    OutputError
        When the file cannot be written.
    """
    suffix = _suffix(path)
    count = 0
    if suffix == ".jsonl":
        with atomic_write(path) as fh:
            for event in events:
                fh.write(_dumps(event_to_dict(event)) + "\n")
                count += 1
    elif suffix == ".csv":
        with atomic_write(path) as fh:
            writer = csv.DictWriter(fh, fieldnames=list(CSV_FIELDS), lineterminator="\n")
            writer.writeheader()
            for event in events:
                writer.writerow(_flatten(event_to_dict(event)))
                count += 1
    elif suffix == ".geojson":
        with atomic_write(path) as fh:
            fh.write(
                f'{{"type": "FeatureCollection", "name": "{_MARKER}", "crs": {{"type": "name", "properties": '
                '{"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}, "features": [\n'
            )
            for event in events:
                record = event_to_dict(event)
                loc = record["location"] or {}
                geometry = (
                    {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
                    if loc.get("lat") is not None and loc.get("lon") is not None
                    else None
                )
                feature = {"type": "Feature", "geometry": geometry, "properties": record}
                fh.write((",\n" if count else "") + _dumps(feature))
                count += 1
            fh.write("\n]}\n")
    else:
        count = _write_parquet(events, path)
    log.info("wrote %d events to %s", count, path)
    return count


# events per Parquet row group: what the writer holds in memory at once
_PARQUET_BATCH = 10_000


def _write_parquet(events: Iterable[Event], path: str | Path, batch_size: int = _PARQUET_BATCH) -> int:
    """GeoParquet (WKB points in EPSG:4326, null where there is no location), one row group per
    ``batch_size`` events, so memory stays flat however many are written. Returns the count."""
    import itertools

    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {name: pa.string() for name in CSV_FIELDS}
    types.update(
        countries=pa.list_(pa.string()),
        location_lat=pa.float64(),
        location_lon=pa.float64(),
        location_geonameid=pa.int64(),
        confidence=pa.float64(),
    )
    schema = pa.schema([*(pa.field(n, types[n]) for n in CSV_FIELDS), pa.field("geometry", pa.binary())])
    schema = schema.with_metadata({b"diplomap": _MARKER.encode()})
    bbox = [math.inf, math.inf, -math.inf, -math.inf]
    count = 0
    stream = iter(events)
    with atomic_write(path, "wb") as fh, pq.ParquetWriter(fh, schema) as writer:
        while batch := [event_to_dict(e) for e in itertools.islice(stream, batch_size)]:
            writer.write_table(_parquet_batch(batch, schema, bbox))
            count += len(batch)
        if bbox[0] <= bbox[2]:
            geo = {
                "version": "1.0.0",
                "primary_column": "geometry",
                "columns": {
                    "geometry": {
                        "encoding": "WKB",
                        "geometry_types": ["Point"],
                        "bbox": bbox,
                        "crs": _epsg4326(),
                    }
                },
            }
            writer.add_key_value_metadata({"geo": json.dumps(geo)})
    return count


def _parquet_batch(records: list[dict[str, Any]], schema: Any, bbox: list[float]) -> Any:
    """One row group of :func:`_write_parquet`; widens ``bbox`` (min lon, min lat, max lon, max lat)."""
    import pyarrow as pa
    from shapely import points, to_wkb

    rows = [_flatten(r) for r in records]
    columns: dict[str, list[Any]] = {name: [row[name] for row in rows] for name in CSV_FIELDS}
    columns["countries"] = [r["countries"] for r in records]
    geometry: list[bytes | None] = []
    for x, y in zip(columns["location_lon"], columns["location_lat"]):
        if x is None or y is None:
            geometry.append(None)
            continue
        geometry.append(to_wkb(points(x, y)))
        bbox[:] = [min(bbox[0], x), min(bbox[1], y), max(bbox[2], x), max(bbox[3], y)]
    columns["geometry"] = geometry
    return pa.table({f.name: pa.array(columns[f.name], type=f.type) for f in schema}, schema=schema)


def _epsg4326() -> dict[str, Any]:
    from pyproj import CRS

    return dict(CRS.from_epsg(4326).to_json_dict())


def _iter_records(path: Path) -> Iterator[dict[str, Any]]:
    suffix = _suffix(path)
    try:
        if suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        try:
                            yield json.loads(line)
                        except json.JSONDecodeError as exc:
                            raise IngestError(f"not JSON: {exc.msg}", str(path), n) from exc
        elif suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    record = _unflatten(row)
                    for k in ("confidence",):
                        record[k] = float(record[k]) if record.get(k) is not None else 0.5
                    yield record
        elif suffix == ".geojson":
            with path.open(encoding="utf-8") as fh:
                data = json.load(fh)
            for feature in data.get("features", []):
                yield feature["properties"]
        else:
            import pyarrow.parquet as pq

            for row in pq.read_table(path).to_pylist():
                yield _unflatten(row)
    except OSError as exc:
        raise IngestError(f"cannot read events file: {exc.strerror or exc}", str(path)) from exc


def read_events_file(path: str | Path) -> list[Event]:
    """The events in a file written by :func:`write_events_file` (any of its formats).

    Raises
    ------
    IngestError
        When the file cannot be read or holds something other than event records.
    """
    p = Path(path)
    return [event_from_dict(r) for r in _iter_records(p)]


def is_events_file(path: str | Path) -> bool:
    """True when ``path`` is an events file (rather than articles) that this module can read.

    A ``.jsonl`` or ``.csv`` qualifies when its first record has ``article_id`` and ``type``;
    ``.geojson`` and ``.parquet`` only when we wrote them.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file() or suffix not in EVENT_SUFFIXES:
        return False
    try:
        if suffix == ".jsonl":
            with p.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        first = json.loads(line)
                        return isinstance(first, dict) and "article_id" in first and "type" in first
            return False
        if suffix == ".csv":
            with p.open(encoding="utf-8", newline="") as fh:
                header = next(csv.reader(io.StringIO(fh.readline())), [])
            return "article_id" in header and "type" in header
        if suffix == ".geojson":
            with p.open(encoding="utf-8") as fh:
                head = fh.read(200)
            return f'"name": "{_MARKER}"' in head
        import pyarrow.parquet as pq

        meta = pq.read_schema(p).metadata or {}
        return meta.get(b"diplomap") == _MARKER.encode()
    except (OSError, ValueError, UnicodeDecodeError):
        return False
