"""A persistent SQLite cache in front of any :class:`~geo.geocode.Geocoder`.

Answers *and* misses are kept, keyed by the backend (service, endpoint, language) and the
normalised query and country, so a name is asked of an online service once, ever. Errors
("could not ask") are never cached.

The database runs in WAL mode and every write is its own transaction: a process killed at any
moment leaves the file consistent, with every completed answer in it. Several threads (one
connection behind a lock) and several processes (SQLite's locking, with a busy timeout) may
share one file. A file that is not a database is moved aside and a new cache started.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import ConfigError, OutputError
from geo.records import Place, PlaceKind

if TYPE_CHECKING:
    from typing_extensions import Self

    from geo.geocode import Geocoder

log = logging.getLogger(__name__)

__all__ = ["CachedGeocoder", "GeocodeCache", "default_cache_path", "normalise_query"]

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode (
    backend TEXT NOT NULL,
    query   TEXT NOT NULL,
    country TEXT NOT NULL,       -- '' when the lookup was not restricted
    found   INTEGER NOT NULL,    -- 0: the backend said there is no such place
    place   TEXT,                -- JSON of the Place when found
    created REAL NOT NULL,       -- unix time
    PRIMARY KEY (backend, query, country)
) WITHOUT ROWID
"""


def default_cache_path() -> Path:
    """``geocode.sqlite`` in :func:`geo._files.cache_dir` (``DIPLOMAP_CACHE_DIR`` overrides it)."""
    from geo._files import cache_dir

    return cache_dir() / "geocode.sqlite"


def normalise_query(name: str) -> str:
    """The cache key of a name: NFKC, case-folded, whitespace collapsed.

    Examples
    --------
    >>> normalise_query("  Nakhon  RATCHASIMA ")
    'nakhon ratchasima'
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _place_to_json(place: Place) -> str:
    return json.dumps({**place.to_dict(), "population": place.population}, ensure_ascii=False, sort_keys=True)


def _place_from_json(text: str) -> Place:
    d = json.loads(text)
    return Place(
        name=d["name"],
        kind=PlaceKind(d["kind"]),
        country=d.get("country"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        geonameid=d.get("geonameid"),
        population=int(d.get("population") or 0),
    )


class GeocodeCache:
    """The SQLite store behind :class:`CachedGeocoder`.

    Parameters
    ----------
    path
        Database file; :func:`default_cache_path` when ``None``.
    busy_timeout
        Seconds to wait for another process holding the write lock.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, busy_timeout: float = 30.0) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.busy_timeout = busy_timeout
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._connect()

    def _open(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per write.
        conn = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable against a killed process in WAL mode (only power loss can lose
            # the last commits), and it keeps each write cheap.
            conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > _SCHEMA_VERSION:
                raise ConfigError(
                    f"geocode cache {self.path} was written by a newer diplomap (schema {version}); "
                    "upgrade diplomap or point DIPLOMAP_CACHE_DIR elsewhere"
                )
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_SCHEMA)
            conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self) -> sqlite3.Connection:
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                return self._conn
            # A connection must not cross fork(): a child process opens its own.
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    conn = self._open()
                except sqlite3.DatabaseError as exc:
                    if isinstance(exc, sqlite3.OperationalError):
                        raise  # locked, unwritable: not a damaged file
                    aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
                    log.warning(
                        "geocode cache %s is damaged (%s); moved it to %s and started afresh",
                        self.path,
                        exc,
                        aside,
                    )
                    os.replace(self.path, aside)
                    for suffix in ("-wal", "-shm"):
                        side = Path(f"{self.path}{suffix}")
                        if side.exists():
                            os.replace(side, Path(f"{aside}{suffix}"))
                    conn = self._open()
            except (OSError, sqlite3.OperationalError) as exc:
                raise OutputError(
                    f"cannot open the geocode cache {self.path}: {exc}; set DIPLOMAP_CACHE_DIR to a writable folder"
                ) from exc
            self._conn, self._pid = conn, os.getpid()
            return conn

    def get(self, backend: str, name: str, country: str | None = None) -> tuple[bool, Place | None]:
        """``(True, place_or_None)`` when the lookup is cached, ``(False, None)`` when it is not."""
        key = (backend, normalise_query(name), (country or "").upper())
        try:
            with self._lock:
                row = (
                    self._connect()
                    .execute(
                        "SELECT found, place FROM geocode WHERE backend = ? AND query = ? AND country = ?",
                        key,
                    )
                    .fetchone()
                )
        except sqlite3.Error as exc:
            # An unreadable cache costs a repeated request, not the run.
            log.warning("could not read the geocode cache %s: %s", self.path, exc)
            return False, None
        if row is None:
            return False, None
        found, text = row
        if not found:
            return True, None
        try:
            return True, _place_from_json(text)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring an unreadable geocode cache entry for %r: %s", name, exc)
            return False, None

    def put(self, backend: str, name: str, country: str | None, place: Place | None) -> None:
        """Store one answer (``None`` = the backend knows no such place) in its own transaction."""
        row = (
            backend,
            normalise_query(name),
            (country or "").upper(),
            0 if place is None else 1,
            None if place is None else _place_to_json(place),
            time.time(),
        )
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?, ?, ?)", row)
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                # Losing one cache entry costs a repeated request, not a result: keep going.
                log.warning("could not write to the geocode cache %s: %s", self.path, exc)

    def count(self, backend: str | None = None) -> dict[str, int]:
        """Stored ``places`` and ``misses``, for one backend or all of them."""
        sql = "SELECT found, COUNT(*) FROM geocode"
        args: tuple[str, ...] = ()
        if backend is not None:
            sql += " WHERE backend = ?"
            args = (backend,)
        with self._lock:
            rows = dict(self._connect().execute(sql + " GROUP BY found", args).fetchall())
        return {"places": int(rows.get(1, 0)), "misses": int(rows.get(0, 0))}

    def clear(self, backend: str | None = None) -> None:
        """Forget every entry (of one backend)."""
        with self._lock:
            conn = self._connect()
            if backend is None:
                conn.execute("DELETE FROM geocode")
            else:
                conn.execute("DELETE FROM geocode WHERE backend = ?", (backend,))

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"


class CachedGeocoder:
    """Any :class:`~geo.geocode.Geocoder`, remembered in a :class:`GeocodeCache`.

    Parameters
    ----------
    geocoder
        The backend asked on a cache miss.
    cache
        An open :class:`GeocodeCache`, a database path, or ``None`` for the default file.
    backend
        What the entries are filed under; by default the backend's ``cache_key`` (service,
        endpoint, language) or its class name.

    Examples
    --------
    >>> import tempfile, os
    >>> from geo.records import Place, PlaceKind
    >>> class Table:
    ...     def geocode(self, name, country=None):
    ...         return Place("Ur", PlaceKind.CITY, "IQ", 30.96, 46.10) if name == "Ur" else None
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with CachedGeocoder(Table(), cache=os.path.join(d, "g.sqlite")) as g:
    ...         _ = g.geocode("Ur"), g.geocode("ur"), g.geocode("Atlantis"), g.geocode("Atlantis")
    ...         g.stats()["hits"], g.stats()["asked"]
    (2, 2)
    """

    def __init__(
        self,
        geocoder: Geocoder,
        cache: GeocodeCache | str | os.PathLike[str] | None = None,
        *,
        backend: str | None = None,
    ) -> None:
        self.geocoder = geocoder
        self._owns_cache = not isinstance(cache, GeocodeCache)
        self.cache = cache if isinstance(cache, GeocodeCache) else GeocodeCache(cache)
        self.backend = backend or str(getattr(geocoder, "cache_key", None) or type(geocoder).__name__)
        self._lock = threading.Lock()
        self._stats = {"hits": 0, "negative_hits": 0, "asked": 0, "errors": 0}

    def _bump(self, key: str) -> None:
        with self._lock:
            self._stats[key] += 1

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        """The cached answer, or the backend's (then cached); errors pass through uncached."""
        cached, place = self.cache.get(self.backend, name, country)
        if cached:
            self._bump("hits")
            if place is None:
                self._bump("negative_hits")
            return place
        self._bump("asked")
        try:
            place = self.geocoder.geocode(name, country=country)
        except Exception:
            self._bump("errors")
            raise
        self.cache.put(self.backend, name, country, place)
        return place

    def stats(self) -> dict[str, Any]:
        """``hits`` (of which ``negative_hits`` were cached misses), ``asked`` (sent to the
        backend), ``errors``, and the ``places``/``misses`` stored for this backend."""
        with self._lock:
            out: dict[str, Any] = dict(self._stats)
        out.update(self.cache.count(self.backend))
        out["path"] = str(self.cache.path)
        return out

    def close(self) -> None:
        """Close the backend (if it can be) and the cache this object opened."""
        close = getattr(self.geocoder, "close", None)
        if callable(close):
            close()
        if self._owns_cache:
            self.cache.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
