"""The SQLite geocode cache: hits and misses kept, nothing lost or damaged when a process dies."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from geo.errors import ConfigError, GeocoderUnavailable, OutputError
from geo.geocode.cache import CachedGeocoder, GeocodeCache, default_cache_path, normalise_query
from geo.records import Place, PlaceKind

MOSUL = Place("Mosul", PlaceKind.CITY, "IQ", 36.335, 43.119, geonameid=99072, population=1739800)
KRG = Place("Kurdistan Region", PlaceKind.REGION, "IQ", 36.4, 44.3)


class Table:
    """A geocoder answering from a dict, counting what it was asked."""

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places
        self.asked: list[tuple[str, str | None]] = []

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        self.asked.append((name, country))
        return self.places.get(name)


class Broken:
    def geocode(self, name: str, country: str | None = None) -> Place | None:
        raise GeocoderUnavailable(f"cannot reach the service for {name!r}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mosul", "mosul"),
        ("  MOSUL\t", "mosul"),
        ("Erbil  Governorate", "erbil governorate"),
        ("Straße", "strasse"),
        ("ＫＹＩＶ", "kyiv"),  # full-width letters
    ],
)
def test_normalise_query(name: str, expected: str) -> None:
    assert normalise_query(name) == expected


@pytest.mark.parametrize(("name", "place"), [("Mosul", MOSUL), ("Kurdistan Region", KRG), ("Atlantis", None)])
def test_answers_and_misses_round_trip(tmp_path: Path, name: str, place: Place | None) -> None:
    path = tmp_path / "g.sqlite"
    with GeocodeCache(path) as store:
        assert store.get("b", name) == (False, None)
        store.put("b", name, None, place)
    with GeocodeCache(path) as store:
        assert store.get("b", name.upper()) == (True, place)
        assert store.get("b", name, "FR") == (False, None)
        assert store.get("other", name) == (False, None)


def test_cached_geocoder_asks_once_per_name_and_country(tmp_path: Path) -> None:
    table = Table({"Mosul": MOSUL})
    with CachedGeocoder(table, cache=tmp_path / "g.sqlite") as g:
        results = [
            g.geocode("Mosul"),
            g.geocode("mosul"),
            g.geocode("Mosul", "IQ"),
            g.geocode("Nowhere"),
            g.geocode("nowhere"),
        ]
        stats = g.stats()
    assert results == [MOSUL, MOSUL, MOSUL, None, None]
    assert table.asked == [("Mosul", None), ("Mosul", "IQ"), ("Nowhere", None)]
    assert {k: stats[k] for k in ("hits", "negative_hits", "asked", "places", "misses")} == {
        "hits": 2,
        "negative_hits": 1,
        "asked": 3,
        "places": 2,
        "misses": 1,
    }


def test_errors_pass_through_and_are_not_cached(tmp_path: Path) -> None:
    with CachedGeocoder(Broken(), cache=tmp_path / "g.sqlite", backend="broken") as g:
        for _ in range(2):
            with pytest.raises(GeocoderUnavailable):
                g.geocode("Mosul")
        stats = g.stats()
    assert (stats["errors"], stats["asked"], stats["places"], stats["misses"]) == (2, 2, 0, 0)


def test_default_path_honours_diplomap_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOMAP_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_path() == tmp_path / "c" / "geocode.sqlite"
    with GeocodeCache() as store:
        store.put("b", "Mosul", None, MOSUL)
    assert (tmp_path / "c" / "geocode.sqlite").exists()


def test_database_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    GeocodeCache(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_damaged_file_is_moved_aside(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"this is not a database\0" * 100)
    with caplog.at_level(logging.WARNING, logger="geo.geocode.cache"), GeocodeCache(path) as store:
        store.put("b", "Mosul", None, MOSUL)
        assert store.get("b", "Mosul") == (True, MOSUL)
    assert "damaged" in caplog.text
    assert [p.name.startswith("g.sqlite.corrupt-") for p in tmp_path.iterdir()].count(True) == 1


def test_a_cache_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(ConfigError, match="newer diplomap"):
        GeocodeCache(path)


def test_an_unwritable_location_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="DIPLOMAP_CACHE_DIR"):
        GeocodeCache(blocker / "sub" / "g.sqlite")


def test_threads_share_one_cache(tmp_path: Path) -> None:
    table = Table(
        {f"town {i}": Place(f"Town {i}", PlaceKind.CITY, "FR", i / 10, i / 10) for i in range(0, 40, 2)}
    )
    errors: list[BaseException] = []
    with CachedGeocoder(table, cache=tmp_path / "g.sqlite") as g:

        def work(offset: int) -> None:
            try:
                for i in range(40):
                    g.geocode(f"town {(i + offset) % 40}")
            except Exception as exc:  # noqa: BLE001 - reported below; a thread would swallow it
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(k * 5,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        stats = g.stats()
    assert errors == []
    assert (stats["places"], stats["misses"]) == (20, 20)
    assert stats["hits"] + stats["asked"] == 160


_WRITER = textwrap.dedent(
    """
    import sys
    from geo.geocode.cache import CachedGeocoder, GeocodeCache
    from geo.records import Place, PlaceKind

    class Counter:
        def geocode(self, name, country=None):
            i = int(name.split()[-1])
            return None if i % 3 == 0 else Place(f"Town {i}", PlaceKind.CITY, "FR", i / 1000, -i / 1000)

    path, mode = sys.argv[1], sys.argv[2]
    if mode == "loop":
        g = CachedGeocoder(Counter(), cache=path, backend="counter")
        for i in range(1_000_000):  # bounded; the parent kills it long before
            g.geocode(f"town {i}")
            print(i, flush=True)
    elif mode.startswith("range:"):  # write a range of entries and exit
        start, stop = map(int, mode[len("range:"):].split("-"))
        with CachedGeocoder(Counter(), cache=path, backend="counter") as g:
            for i in range(start, stop):
                g.geocode(f"town {i}")
    else:  # die inside an open write transaction
        store = GeocodeCache(path)
        store.put("counter", "town 1", None, Place("Town 1", PlaceKind.CITY, "FR", 0.001, -0.001))
        conn = store._connect()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO geocode VALUES ('counter', 'town 2', '', 0, NULL, 0)")
        print("in transaction", flush=True)
        import time
        time.sleep(60)
    """
)


def _run_and_kill(path: Path, mode: str, lines_wanted: int) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + 30
    with subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        try:
            while len(lines) < lines_wanted and time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                lines.append(line.strip())
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        stderr = proc.stderr.read()
    assert len(lines) >= lines_wanted, f"writer stopped early: {stderr}"
    assert proc.returncode == -signal.SIGKILL
    return lines


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def test_a_killed_writer_leaves_a_consistent_cache_with_every_completed_entry(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    done = [int(x) for x in _run_and_kill(path, "loop", 300)]
    assert _integrity(path) == "ok"
    with GeocodeCache(path) as store:
        for i in done:
            cached, place = store.get("counter", f"town {i}")
            assert cached, f"completed entry {i} lost"
            assert place == (
                None if i % 3 == 0 else Place(f"Town {i}", PlaceKind.CITY, "FR", i / 1000, -i / 1000)
            )
        store.put("counter", "after", None, None)  # still writable: no stale lock
        assert store.get("counter", "after") == (True, None)


def test_a_writer_killed_inside_a_transaction_loses_only_that_write(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    assert _run_and_kill(path, "transaction", 1) == ["in transaction"]
    assert _integrity(path) == "ok"
    with GeocodeCache(path, busy_timeout=2) as store:
        assert store.get("counter", "town 1")[0] is True
        assert store.get("counter", "town 2") == (False, None)
        store.put("counter", "town 2", None, None)
        assert store.get("counter", "town 2") == (True, None)


def test_two_processes_write_one_cache_at_once(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite"
    GeocodeCache(path).close()  # created first, so both writers open an existing database
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), f"range:{a}-{b}"], stderr=subprocess.PIPE, text=True
        )
        for a, b in ((0, 300), (150, 450))
    ]
    for proc in writers:
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 0, stderr
    assert _integrity(path) == "ok"
    with GeocodeCache(path) as store:
        assert store.count("counter") == {"places": 300, "misses": 150}
        assert store.get("counter", "town 449") == (
            True,
            Place("Town 449", PlaceKind.CITY, "FR", 0.449, -0.449),
        )
