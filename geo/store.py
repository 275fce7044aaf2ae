"""An incremental event store in one GeoPackage file (``--store FILE.gpkg``).

The store keeps every article it has seen (by a content hash of its id and text) and the events
extracted from it, so a re-run over a growing folder extracts only the new articles: unchanged
articles are skipped before mention finding. An article whose id is already stored with another
text replaces the old version and its events.

The file is a plain GeoPackage 1.3 (SQLite) written with :mod:`sqlite3`; GIS tools and
``geopandas.read_file(path, layer="events")`` open it directly.

``events`` (features, EPSG:4326)
    One row per event: the columns of the flattened events record (see
    :data:`geo.output.CSV_FIELDS`: ``countries`` joined with ``;``, ``actors`` and ``evidence``
    as JSON, the location over ``location_*`` columns) plus ``article_key``, and the location as
    a point geometry ``geom`` (null when the event has no coordinates).
``articles`` (attributes)
    One row per article: ``key`` (the content hash), ``article_id``, ``title``, ``date``,
    ``url``, ``source``, the number of ``events`` and the diplomap ``version`` that extracted them.

Each article is written together with its events inside one transaction; transactions are
committed about once a second, so a killed run loses at most the last second of work and leaves
the store consistent (SQLite's journal rolls back the unfinished transaction on next open).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sqlite3
import struct
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from geo.errors import ConfigError, OutputError
from geo.records import Article, Event

log = logging.getLogger(__name__)

__all__ = ["STORE_SUFFIXES", "EventStore", "StoreUpdate", "article_key", "update_store"]

STORE_SUFFIXES: tuple[str, ...] = (".gpkg",)
EVENTS_TABLE = "events"
ARTICLES_TABLE = "articles"
_DESCRIPTION = "diplomap events"
_GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
_GPKG_USER_VERSION = 10300  # GeoPackage 1.3
_COMMIT_SECONDS = 1.0

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]'
)

# (column, SQLite type) of the events table after fid and geom, in the events file's order
_LOCATION = ("name", "kind", "country", "lat", "lon", "geonameid")
_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_key", "TEXT NOT NULL"),
    ("article_id", "TEXT NOT NULL"),
    ("type", "TEXT NOT NULL"),
    ("plover", "TEXT"),
    ("cameo", "TEXT"),
    ("status", "TEXT"),
    ("date", "TEXT"),
    ("date_text", "TEXT"),
    ("countries", "TEXT"),
    ("source", "TEXT"),
    ("target", "TEXT"),
    ("actors", "TEXT"),
    ("location_name", "TEXT"),
    ("location_kind", "TEXT"),
    ("location_country", "TEXT"),
    ("location_lat", "REAL"),
    ("location_lon", "REAL"),
    ("location_geonameid", "INTEGER"),
    ("evidence", "TEXT"),
    ("confidence", "REAL"),
)
_ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("key", "TEXT NOT NULL UNIQUE"),
    ("article_id", "TEXT NOT NULL"),
    ("title", "TEXT"),
    ("date", "TEXT"),
    ("url", "TEXT"),
    ("source", "TEXT"),
    ("events", "INTEGER NOT NULL"),
    ("version", "TEXT"),
)

_SCHEMA = f"""
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE {ARTICLES_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT,
  {", ".join(f'"{c}" {t}' for c, t in _ARTICLE_COLUMNS)});
CREATE INDEX {ARTICLES_TABLE}_article_id ON {ARTICLES_TABLE}(article_id);
CREATE TABLE {EVENTS_TABLE} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POINT,
  {", ".join(f'"{c}" {t}' for c, t in _EVENT_COLUMNS)});
CREATE INDEX {EVENTS_TABLE}_article_key ON {EVENTS_TABLE}(article_key);
"""


def article_key(article: Article) -> str:
    """The content hash that identifies ``article`` in a store (SHA-256 of its id and text)."""
    h = hashlib.sha256(article.id.encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _gpkg_point(lon: float | None, lat: float | None) -> bytes | None:
    """GeoPackage binary of a point: header (magic, version 0, little-endian, no envelope), srs_id, WKB."""
    if lon is None or lat is None:
        return None
    return b"GP\x00\x01" + struct.pack("<i", 4326) + struct.pack("<BIdd", 1, 1, float(lon), float(lat))


@dataclass
class StoreUpdate:
    """What :func:`update_store` did."""

    added: int = 0  # new articles extracted
    unchanged: int = 0  # articles already in the store, skipped
    replaced: int = 0  # articles whose id was stored with another text
    events: int = 0  # events of the added articles


class EventStore:
    """A GeoPackage holding articles (by content hash) and their events.

    Parameters
    ----------
    path
        The ``.gpkg`` file; created (with its folder) when missing.

    Raises
    ------
    ConfigError
        When ``path`` does not end in ``.gpkg`` or is an SQLite file that is not a diplomap store.
    OutputError
        When the file cannot be created or opened.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.gpkg"
    >>> with EventStore(path) as store:
    ...     store.counts()
    {'articles': 0, 'events': 0}
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if self.path.suffix.lower() not in STORE_SUFFIXES:
            raise ConfigError(f"--store {self.path}: a store is a GeoPackage; name it with .gpkg (e.g. events.gpkg)")
        self._lock = threading.Lock()  # the pool's feeder thread asks has() while the main thread writes
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are opened and committed explicitly
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot open store {self.path}: {exc}") from exc
        try:
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise ConfigError(f"{self.path} is not a GeoPackage diplomap can use ({exc}); choose a new .gpkg file") from exc
        except BaseException:
            self._db.close()
            raise
        self._in_tx = False
        self._last_commit = time.monotonic()
        self._added: list[tuple[Any, ...]] = []  # event rows of the open transaction, for the extent

    # -- schema -----------------------------------------------------------------------------

    def _init_schema(self) -> None:
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(f"PRAGMA application_id={_GPKG_APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version={_GPKG_USER_VERSION}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.executemany(
                "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                [
                    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
                    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
                    ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
                ],
            )  # fmt: skip
            self._db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, ?, ?, ?, ?)",
                (EVENTS_TABLE, "features", EVENTS_TABLE, _DESCRIPTION, 4326),
            )
            self._db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, ?, ?, ?)",
                (ARTICLES_TABLE, "attributes", ARTICLES_TABLE, _DESCRIPTION),
            )
            self._db.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)", (EVENTS_TABLE,)
            )
            self._db.execute("COMMIT")
            return
        row = self._db.execute(
            "SELECT description FROM gpkg_contents WHERE table_name=?", (EVENTS_TABLE,)
        ).fetchone() if "gpkg_contents" in tables else None
        if row is None or row[0] != _DESCRIPTION or not {EVENTS_TABLE, ARTICLES_TABLE} <= tables:
            raise ConfigError(
                f"{self.path} is a database but not a diplomap store (no '{EVENTS_TABLE}' and "
                f"'{ARTICLES_TABLE}' layers written by diplomap); choose a new .gpkg file"
            )

    # -- context ----------------------------------------------------------------------------

    def __enter__(self) -> EventStore:  # noqa: PYI034 - Self needs Python 3.11
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close(commit=exc_type is None or issubclass(exc_type, Exception))

    def close(self, commit: bool = True) -> None:
        """Commit (or, with ``commit=False``, roll back) the open transaction and close the file."""
        with self._lock:
            if self._in_tx:
                if commit:
                    self._update_extent()
                self._db.execute("COMMIT" if commit else "ROLLBACK")
                self._in_tx = False
            self._db.close()

    # -- writing ----------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        """True when an article with content hash ``key`` is stored (committed or in this transaction)."""
        with self._lock:
            return self._db.execute(f"SELECT 1 FROM {ARTICLES_TABLE} WHERE key=?", (key,)).fetchone() is not None

    def add(self, article: Article, events: Iterable[Event], key: str | None = None) -> bool:
        """Store ``article`` and its ``events`` in the current transaction.

        An article stored under the same id with another text is replaced (its events too).
        Returns True when it replaced one. Call :meth:`commit` (or close the store) to make it durable.
        """
        from geo import __version__
        from geo.output import event_to_dict

        key = key or article_key(article)
        rows = [_event_row(key, event_to_dict(e)) for e in events]
        with self._lock:
            if not self._in_tx:
                self._db.execute("BEGIN IMMEDIATE")
                self._in_tx = True
            # a savepoint: a failure half-way leaves neither the article nor any of its events
            self._db.execute("SAVEPOINT article")
            try:
                old = self._replace(article, key, rows, __version__)
            except BaseException:
                self._db.execute("ROLLBACK TO article")
                self._db.execute("RELEASE article")
                raise
            self._db.execute("RELEASE article")
            self._added.extend(rows)
        return bool(old)

    def _replace(self, article: Article, key: str, rows: list[tuple[Any, ...]], version: str) -> list[str]:
        old = [r[0] for r in self._db.execute(
            f"SELECT key FROM {ARTICLES_TABLE} WHERE article_id=? AND key<>?", (article.id, key)
        )]  # fmt: skip
        for k in old:
            self._db.execute(f"DELETE FROM {EVENTS_TABLE} WHERE article_key=?", (k,))
            self._db.execute(f"DELETE FROM {ARTICLES_TABLE} WHERE key=?", (k,))
        self._db.execute(
            f"INSERT OR REPLACE INTO {ARTICLES_TABLE} ({', '.join(c for c, _ in _ARTICLE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})",
            (key, article.id, article.title, article.date, article.url, article.source, len(rows), version),
        )
        self._db.execute(f"DELETE FROM {EVENTS_TABLE} WHERE article_key=?", (key,))
        self._db.executemany(
            f"INSERT INTO {EVENTS_TABLE} (geom, {', '.join(c for c, _ in _EVENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * (len(_EVENT_COLUMNS) + 1))})",
            rows,
        )
        return old

    def commit(self, force: bool = True) -> None:
        """Commit the open transaction (with ``force=False``: only when the last commit is a second old)."""
        now = time.monotonic()
        if not force and now - self._last_commit < _COMMIT_SECONDS:
            return
        with self._lock:
            if self._in_tx:
                self._update_extent()
                self._db.execute("COMMIT")
                self._in_tx = False
        self._last_commit = now

    def _update_extent(self) -> None:
        # widen the layer's bounding box by what this transaction added (no scan of the table;
        # after a replacement the box may be larger than needed, which the spec allows)
        lon = [r[-4] for r in self._added if r[-4] is not None]
        lat = [r[-5] for r in self._added if r[-5] is not None]
        self._added = []
        if lon and lat:
            self._db.execute(
                "UPDATE gpkg_contents SET min_x=min(coalesce(min_x, ?), ?), min_y=min(coalesce(min_y, ?), ?), "
                "max_x=max(coalesce(max_x, ?), ?), max_y=max(coalesce(max_y, ?), ?) WHERE table_name=?",
                (min(lon), min(lon), min(lat), min(lat), max(lon), max(lon), max(lat), max(lat), EVENTS_TABLE),
            )
        self._db.execute(
            "UPDATE gpkg_contents SET last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name=?",
            (EVENTS_TABLE,),
        )

    # -- reading ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many articles and events the store holds."""
        with self._lock:
            return {
                "articles": self._db.execute(f"SELECT count(*) FROM {ARTICLES_TABLE}").fetchone()[0],
                "events": self._db.execute(f"SELECT count(*) FROM {EVENTS_TABLE}").fetchone()[0],
            }

    def iter_events(self) -> Iterator[Event]:
        """Every stored event, in the order the articles were added (streamed from the file)."""
        from geo.output import event_from_dict

        names = [c for c, _ in _EVENT_COLUMNS]
        cursor = self._db.execute(f"SELECT {', '.join(names)} FROM {EVENTS_TABLE} ORDER BY fid")
        for row in cursor:
            yield event_from_dict(_event_record(dict(zip(names, row))))

    def iter_articles(self) -> Iterator[Article]:
        """The stored articles' metadata (``text`` is empty: the store keeps no article text)."""
        cursor = self._db.execute(f"SELECT article_id, title, date, url, source FROM {ARTICLES_TABLE} ORDER BY fid")
        for ident, title, date, url, source in cursor:
            yield Article(id=ident, text="", title=title or "", date=date, url=url, source=source)


def _event_row(key: str, record: dict[str, Any]) -> tuple[Any, ...]:
    loc = record["location"] or {}
    values: dict[str, Any] = {"article_key": key}
    for name, value in record.items():
        if name == "location":
            for k in _LOCATION:
                values[f"location_{k}"] = loc.get(k)
        elif name == "countries":
            values[name] = ";".join(value)
        elif name in {"actors", "evidence"}:
            values[name] = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        else:
            values[name] = value
    geom = _gpkg_point(loc.get("lon"), loc.get("lat"))
    return (geom, *(values[c] for c, _ in _EVENT_COLUMNS))


def _event_record(row: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in row.items() if k != "article_key" and not k.startswith("location_")}
    record["countries"] = [c for c in (row["countries"] or "").split(";") if c]
    record["actors"] = json.loads(row["actors"] or "[]")
    record["evidence"] = json.loads(row["evidence"] or "[]")
    loc = {k: row[f"location_{k}"] for k in _LOCATION}
    record["location"] = loc if any(v is not None for v in loc.values()) else None
    return record


def update_store(
    store: EventStore, articles: Iterable[Article], *, jobs: int = 1, **options: Any
) -> StoreUpdate:
    """Extract the events of the articles ``store`` does not hold yet and add them.

    Articles already stored (same id and text) are skipped before mention finding. Each article
    is written with its events in one transaction; transactions are committed about once a
    second and at the end.

    Parameters
    ----------
    store
        The open store.
    articles
        Any iterable of articles (streamed).
    jobs
        Worker processes for :func:`geo.events.iter_events`.
    **options
        Passed on to :func:`geo.events.iter_events` (e.g. ``geocoder``).
    """
    from geo.events import iter_events

    report = StoreUpdate()
    # Articles enter extraction under their content key, so each event names exactly one
    # article even when ids repeat; ``inflight`` maps keys back (metadata only, no text).
    inflight: dict[str, Article] = {}
    order: deque[str] = deque()

    def feed() -> Iterator[Article]:
        for article in articles:
            key = article_key(article)
            if key in inflight or store.has(key):
                report.unchanged += 1
                continue
            inflight[key] = dataclasses.replace(article, text="", furniture=())
            order.append(key)
            yield dataclasses.replace(article, id=key)

    def finish(key: str, events: list[Event]) -> None:
        article = inflight.pop(key)
        report.replaced += store.add(article, events, key=key)
        report.added += 1
        report.events += len(events)
        store.commit(force=False)

    current: str | None = None
    group: list[Event] = []
    try:
        for event in iter_events(feed(), jobs=jobs, **options):
            key = event.article_id
            if key != current:
                if current is not None:
                    finish(current, group)
                while order[0] != key:  # articles before this one had no events
                    finish(order.popleft(), [])
                current, group = order.popleft(), []
            group.append(dataclasses.replace(event, article_id=inflight[key].id))
        if current is not None:
            finish(current, group)
        while order:
            finish(order.popleft(), [])
    finally:
        store.commit()
    log.info(
        "store %s: %d new articles (%d replaced an older text), %d unchanged, %d events added",
        store.path, report.added, report.replaced, report.unchanged, report.events,
    )
    return report
