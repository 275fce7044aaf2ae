"""The incremental GeoPackage store (``--store FILE.gpkg``, :mod:`geo.store`)."""

from __future__ import annotations

import dataclasses
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.errors import ConfigError
from geo.events import iter_events
from geo.ingest import read_articles
from geo.output import event_to_dict, read_events_file
from geo.records import Article, Event, EventType, Place, PlaceKind
from geo.store import EventStore, article_key, update_store

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    (
        "BAGHDAD, March 3 - Iraqi Foreign Minister Fuad Hussein arrived in Moscow on Tuesday for talks with "
        "Russian Foreign Minister Sergei Lavrov."
    ),
    "PARIS, May 4 - French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Friday.",
    "Wheat prices rose on the Chicago Board of Trade as dry weather cut the outlook for the harvest.",
    "TOKYO - Japan and South Korea signed an agreement on military intelligence sharing on Wednesday.",
    "Egyptian President Abdel Fattah al-Sisi telephoned Ethiopian Prime Minister Abiy Ahmed on Sunday.",
]


def _articles(texts: list[str] = TEXTS, prefix: str = "a") -> list[Article]:
    return [Article(id=f"{prefix}{i}", text=t, title=f"title {i}", date="2021-03-02") for i, t in enumerate(texts)]


def _records(events: list[Event]) -> list[dict[str, object]]:
    return [event_to_dict(e) for e in events]


def _dev_articles(shared_dir: Path) -> list[Article]:
    return list(read_articles(shared_dir / "dev_gold" / "articles.jsonl"))


def _check_consistent(path: Path) -> dict[str, int]:
    """Every article row's event count matches its events; no event without its article."""
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        mismatched = db.execute(
            "SELECT count(*) FROM articles a WHERE a.events <> (SELECT count(*) FROM events e WHERE e.article_key = a.key)"
        ).fetchone()[0]
        orphans = db.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.key = e.article_key)"
        ).fetchone()[0]
        assert (mismatched, orphans) == (0, 0)
        return {
            "articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "events": db.execute("SELECT count(*) FROM events").fetchone()[0],
        }
    finally:
        db.close()


def test_store_holds_what_extraction_yields(tmp_path: Path, gazetteer: object) -> None:
    articles = _articles()
    expected = list(iter_events(articles, gazetteer=gazetteer))
    assert expected, "the sample texts should give events"
    with EventStore(tmp_path / "s.gpkg") as store:
        update = update_store(store, articles)
        assert (update.added, update.unchanged, update.events) == (len(articles), 0, len(expected))
        assert _records(list(store.iter_events())) == _records(expected)
        assert [(a.id, a.title, a.date) for a in store.iter_articles()] == [(a.id, a.title, a.date) for a in articles]
    assert _check_consistent(tmp_path / "s.gpkg") == {"articles": len(articles), "events": len(expected)}


def test_rerun_extracts_only_new_articles(tmp_path: Path, gazetteer: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.events

    calls: list[str] = []
    real = geo.events._scan_triggers  # the first step of extracting any article

    def counting(article: Article) -> object:
        calls.append(article.text)
        return real(article)

    monkeypatch.setattr(geo.events, "_scan_triggers", counting)
    articles = _articles()
    with EventStore(tmp_path / "s.gpkg") as store:
        update_store(store, articles[:3])
    assert len(calls) == 3
    calls.clear()
    with EventStore(tmp_path / "s.gpkg") as store:
        update = update_store(store, articles)
        assert (update.added, update.unchanged) == (2, 3)
        assert sorted(calls) == sorted(a.text for a in articles[3:])  # unchanged ones are never read again
        together = list(store.iter_events())
    assert _records(together) == _records(list(iter_events(articles, gazetteer=gazetteer)))


def test_changed_text_replaces_the_old_version(tmp_path: Path, gazetteer: object) -> None:
    first = _articles()[:2]
    changed = [first[0], dataclasses.replace(first[1], text=TEXTS[4])]
    with EventStore(tmp_path / "s.gpkg") as store:
        update_store(store, first)
        update = update_store(store, changed)
        assert (update.added, update.replaced, update.unchanged) == (1, 1, 1)
        got = list(store.iter_events())
    assert _records(got) == _records(list(iter_events(changed, gazetteer=gazetteer)))
    assert _check_consistent(tmp_path / "s.gpkg")["articles"] == 2


def test_duplicate_articles_in_one_run_are_stored_once(tmp_path: Path, gazetteer: object) -> None:
    articles = _articles()
    with EventStore(tmp_path / "s.gpkg") as store:
        update = update_store(store, articles + articles[:2])
        assert (update.added, update.unchanged) == (len(articles), 2)


def test_geopandas_opens_the_store(tmp_path: Path, gazetteer: object) -> None:
    geopandas = pytest.importorskip("geopandas")
    articles = _articles()
    with EventStore(tmp_path / "s.gpkg") as store:
        update_store(store, articles)
        events = list(store.iter_events())
    frame = geopandas.read_file(tmp_path / "s.gpkg", layer="events")
    assert frame.crs.to_epsg() == 4326
    assert list(frame["article_id"]) == [e.article_id for e in events]
    assert list(frame["type"]) == [e.type.value for e in events]
    located = [e for e in events if e.location is not None and e.location.lat is not None]
    assert located, "some sample event should have coordinates"
    points = frame[frame.geometry.notna()]
    assert [(round(p.x, 6), round(p.y, 6)) for p in points.geometry] == [
        (round(e.location.lon, 6), round(e.location.lat, 6)) for e in located  # type: ignore[union-attr,arg-type]
    ]
    db = sqlite3.connect(tmp_path / "s.gpkg")
    extent = db.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name='events'").fetchone()
    db.close()
    assert extent == tuple(points.total_bounds)
    table = geopandas.read_file(tmp_path / "s.gpkg", layer="articles")
    assert list(table["article_id"]) == [a.id for a in articles]
    assert list(table["key"]) == [article_key(a) for a in articles]


def test_point_geometry_round_trips_exact_coordinates(tmp_path: Path) -> None:
    geopandas = pytest.importorskip("geopandas")
    place = Place("Moscow", PlaceKind.CITY, "RU", 55.7558, 37.6173, geonameid=524901)
    event = Event("x", EventType.VISIT, ("IQ", "RU"), source="IQ", target="RU", location=place)
    with EventStore(tmp_path / "s.gpkg") as store:
        store.add(Article("x", "text"), [event, dataclasses.replace(event, location=None)])
    frame = geopandas.read_file(tmp_path / "s.gpkg", layer="events")
    assert (frame.geometry.iloc[0].x, frame.geometry.iloc[0].y) == (37.6173, 55.7558)
    assert frame.geometry.iloc[1] is None


@pytest.mark.parametrize(
    ("name", "content"),
    [("events.sqlite", None), ("other.gpkg", "CREATE TABLE t (x)"), ("junk.gpkg", b"not a database at all" * 100)],
)
def test_refuses_what_is_not_a_store(tmp_path: Path, name: str, content: str | bytes | None) -> None:
    path = tmp_path / name
    if isinstance(content, str):
        db = sqlite3.connect(path)
        db.execute(content)
        db.commit()
        db.close()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(ConfigError, match=name):
        EventStore(path)


def test_jobs_two_fills_the_same_store(tmp_path: Path, shared_dir: Path, gazetteer: object) -> None:
    articles = _dev_articles(shared_dir)
    stored = []
    for jobs in (1, 2):
        with EventStore(tmp_path / f"s{jobs}.gpkg") as store:
            update_store(store, iter(articles), jobs=jobs)
            stored.append(_records(list(store.iter_events())))
    assert stored[0] and stored[0] == stored[1]
    assert stored[0] == _records(list(iter_events(articles, gazetteer=gazetteer)))


_CHILD = textwrap.dedent(
    """
    import sys
    import geo.store
    from geo.ingest import read_articles
    from geo.store import EventStore, update_store

    geo.store._COMMIT_SECONDS = 0.0  # commit after every article, so the kill lands between and inside
    def articles():
        for n, a in enumerate(read_articles(sys.argv[2])):
            print(n, flush=True)
            yield a
    with EventStore(sys.argv[1]) as store:
        update_store(store, articles())
    print("done", flush=True)
    """
)


def test_kill_9_leaves_the_store_consistent(tmp_path: Path, shared_dir: Path, gazetteer: object) -> None:
    source = shared_dir / "dev_gold" / "articles.jsonl"
    path = tmp_path / "s.gpkg"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), str(source)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "20":  # 20 articles read: some committed, one in flight
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    partial = _check_consistent(path)
    assert 0 < partial["articles"] < 45
    # the re-run finishes the job: the store then equals an uninterrupted run
    articles = _dev_articles(shared_dir)
    with EventStore(path) as store:
        update = update_store(store, articles)
        assert (update.added, update.unchanged) == (len(articles) - partial["articles"], partial["articles"])
        resumed = _records(list(store.iter_events()))
    assert resumed == _records(list(iter_events(articles, gazetteer=gazetteer)))
    _check_consistent(path)


def test_uncommitted_work_is_gone_after_kill(tmp_path: Path) -> None:
    path = tmp_path / "s.gpkg"
    script = textwrap.dedent(
        """
        import sys, time
        from geo.records import Article, Event, EventType
        from geo.store import EventStore
        store = EventStore(sys.argv[1])
        for n in range(5):
            store.add(Article(f"a{n}", f"text {n}"), [Event(f"a{n}", EventType.MEETING, ("FR", "DE"))] * 2)
        store.commit()
        for n in range(5, 9):
            store.add(Article(f"a{n}", f"text {n}"), [Event(f"a{n}", EventType.CALL, ("EG", "ET"))])
        print("open", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "open"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert _check_consistent(path) == {"articles": 5, "events": 10}


def test_cli_extract_and_map_from_store(tmp_path: Path, gazetteer: object) -> None:
    from geo.cli import main

    articles = _articles()
    src = tmp_path / "in"
    src.mkdir()
    for a in articles[:3]:
        (src / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    store = tmp_path / "s.gpkg"
    assert main(["-q", "extract", str(src), "--store", str(store), "--no-progress"]) == 0
    first = _check_consistent(store)
    for a in articles[3:]:
        (src / f"{a.id}.txt").write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    assert main(["-q", "extract", str(src), "--store", str(store), "-o", str(out), "--no-progress"]) == 0
    assert _check_consistent(store)["articles"] == first["articles"] + 2
    full = tmp_path / "full.jsonl"
    assert main(["-q", "extract", str(src), "-o", str(full), "--no-progress"]) == 0
    assert sorted(map(str, _records(read_events_file(out)))) == sorted(map(str, _records(read_events_file(full))))
    html = tmp_path / "map.html"
    assert main(["-q", "map", "--store", str(store), "-o", str(html), "--no-progress"]) == 0
    assert html.stat().st_size > 0


def test_cli_needs_paths_or_store(capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["extract", "-o", "x.jsonl"])
    assert exc.value.code == 2
    assert "--store" in capsys.readouterr().err
