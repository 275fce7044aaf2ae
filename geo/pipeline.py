"""The one place that chains the stages: ingest -> mentions -> events -> network -> render.

Each ``write_*`` function is what a CLI verb calls; it streams articles, keeps going past
unreadable inputs (unless ``strict``), writes its output atomically and returns a
:class:`RunReport` saying what was read and what failed.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo._files import atomic_write
from geo.errors import ConfigError, IngestError
from geo.records import Article, Event, MentionKind, Mentions

log = logging.getLogger(__name__)

__all__ = ["RunReport", "iter_articles", "places_record", "write_events", "write_map", "write_places"]


@dataclass
class RunReport:
    """What a run read, wrote and could not read."""

    articles: int = 0
    events: int = 0
    failures: list[IngestError] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    def exit_code(self) -> int:
        """0 when everything was read, 1 when some input failed."""
        return 1 if self.failures else 0


def iter_articles(
    paths: Sequence[str], *, strict: bool, progress: bool, report: RunReport
) -> Iterator[Article]:
    """Articles from ``paths``; unreadable inputs are collected in ``report.failures`` (the CLI prints them)."""
    from geo.ingest import read_articles

    errors: list[IngestError] = report.failures
    articles: Iterable[Article] = read_articles(paths, on_error="raise" if strict else "skip", errors=errors)
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.5)
    try:
        for article in articles:
            report.articles += 1
            if bar is not None:
                bar.update(1)
            yield article
    finally:
        if bar is not None:
            bar.close()


def places_record(article: Article, mentions: Mentions) -> dict[str, Any]:
    """One line of ``diplomap places`` output (the geoparsing benchmark's prediction format)."""
    toponyms = []
    for m in mentions.places:
        if m.kind is MentionKind.NONSTATE or m.place is None:
            continue
        toponyms.append({"start": m.start, "end": m.end, "text": m.text, "mention": m.kind.value, **m.place.to_dict()})
    return {"id": article.id, "toponyms": toponyms}


def write_places(paths: Sequence[str], output: str, *, strict: bool = False, progress: bool = True) -> RunReport:
    """``diplomap places``: one JSON line per article with its resolved toponyms."""
    from geo.geocode import default_gazetteer
    from geo.mentions import find_mentions

    report = RunReport()
    gazetteer = default_gazetteer()
    with atomic_write(output) as fh:
        for article in iter_articles(paths, strict=strict, progress=progress, report=report):
            mentions = find_mentions(article, gazetteer=gazetteer)
            fh.write(json.dumps(places_record(article, mentions), ensure_ascii=False) + "\n")
    report.outputs.append(output)
    return report


def _online_geocoder(
    name: str, options: Mapping[str, Any] | None, consumer: Callable[..., Any] | None = None
) -> dict[str, Any]:
    """``{"geocoder": stack}`` for ``consumer`` (``iter_events``) when ``--geocoder`` names an
    online service. Built before any article is read, so a missing user agent or key fails at once.
    """
    if name == "offline":
        return {}
    import inspect

    from geo.geocode import get_geocoder

    backend = get_geocoder(name, **dict(options or {}))
    if consumer is not None and "geocoder" not in inspect.signature(consumer).parameters:
        log.warning("--geocoder %s is not used by %s yet; the offline gazetteer answers alone", name, consumer.__name__)
        _close_geocoder({"geocoder": backend})
        return {}
    return {"geocoder": backend}


def _placed(events: Iterable[Event], extra: Mapping[str, Any]) -> Iterable[Event]:
    """With an online geocoder, events with no location get the venue it resolves (geocode stage).

    It runs here, in the parent process, so one rate limiter paces every request whatever ``jobs``.
    """
    backend = extra.get("geocoder")
    if backend is None:
        return events
    from geo.geocode.venues import locate_venues

    return locate_venues(events, backend)


def _close_geocoder(extra: Mapping[str, Any]) -> None:
    backend = extra.get("geocoder")
    if backend is not None:
        log.info("geocoding: %s", backend.stats() if hasattr(backend, "stats") else backend)
        if hasattr(backend, "close"):
            backend.close()


def write_events(
    paths: Sequence[str],
    output: str | None,
    *,
    strict: bool = False,
    progress: bool = True,
    jobs: int = 1,
    geocoder: str = "offline",
    geocoder_options: Mapping[str, Any] | None = None,
    store: str | None = None,
) -> RunReport:
    """``diplomap extract``: events to ``.jsonl``, ``.csv``, ``.geojson`` or ``.parquet``.

    With ``store`` (a ``.gpkg`` file, see :mod:`geo.store`) only articles the store does not
    hold yet are extracted and added to it; ``output`` (optional then) gets every stored event.
    """
    from geo.events import iter_events
    from geo.output import write_events_file

    report = RunReport()
    if store is not None:
        return _extract_into_store(paths, output, store, report, strict=strict, progress=progress, jobs=jobs,
                                   geocoder=geocoder, geocoder_options=geocoder_options)  # fmt: skip
    if not output:
        raise ConfigError("extract needs an output file (-o events.jsonl) or a store (--store events.gpkg)")
    extra = _online_geocoder(geocoder, geocoder_options)
    try:
        articles = iter_articles(paths, strict=strict, progress=progress, report=report)
        report.events = write_events_file(_placed(iter_events(articles, jobs=jobs), extra), output)
    finally:
        _close_geocoder(extra)
    report.outputs.append(output)
    return report


def _extract_into_store(
    paths: Sequence[str],
    output: str | None,
    store: str,
    report: RunReport,
    *,
    strict: bool,
    progress: bool,
    jobs: int,
    geocoder: str,
    geocoder_options: Mapping[str, Any] | None,
) -> RunReport:
    from geo.events import iter_events
    from geo.output import write_events_file
    from geo.store import EventStore, update_store

    with EventStore(store) as db:
        if paths:
            extra = _online_geocoder(geocoder, geocoder_options, iter_events)
            try:
                articles = iter_articles(paths, strict=strict, progress=progress, report=report)
                report.events = update_store(db, articles, jobs=jobs, **extra).events
            finally:
                _close_geocoder(extra)
        report.outputs.append(store)
        if output:
            report.events = write_events_file(db.iter_events(), output)
            report.outputs.append(output)
    return report


def write_map(
    paths: Sequence[str],
    output: str,
    *,
    strict: bool = False,
    progress: bool = True,
    title: str | None = None,
    tiles: str | None = None,
    fragment: bool = False,
    jobs: int = 1,
    geocoder: str = "offline",
    geocoder_options: Mapping[str, Any] | None = None,
    store: str | None = None,
) -> RunReport:
    """``diplomap map``: articles (or an events file from ``extract``) in, map out.

    With ``store`` the map is drawn from the store's events, after adding the articles of
    ``paths`` (if any) that it does not hold yet.
    """
    from geo.network import build_network
    from geo.output import is_events_file, read_events_file
    from geo.render import render_map

    # a bad suffix fails before any article is read
    suffix = Path(output).suffix.lower()
    if suffix not in {".html", ".htm", ".png", ".svg", ".pdf"}:
        raise ConfigError(f"cannot draw a map as {suffix or 'a file without suffix'!r}; use .html, .png, .svg or .pdf")
    report = RunReport()
    articles: list[Article]
    if store is not None:
        from geo.store import EventStore

        _extract_into_store(paths, None, store, report, strict=strict, progress=progress, jobs=jobs,
                            geocoder=geocoder, geocoder_options=geocoder_options)  # fmt: skip
        report.outputs.clear()
        with EventStore(store) as db:
            events = list(db.iter_events())
            articles = list(db.iter_articles())
    elif paths and all(is_events_file(p) for p in paths):
        events = [e for p in paths for e in read_events_file(p)]
        articles = []
    else:
        from geo.events import iter_events

        articles = []

        def keep(stream: Iterable[Article]) -> Iterator[Article]:
            for a in stream:
                articles.append(Article(id=a.id, text="", title=a.title, date=a.date, url=a.url, source=a.source))
                yield a

        extra = _online_geocoder(geocoder, geocoder_options)
        try:
            stream = keep(iter_articles(paths, strict=strict, progress=progress, report=report))
            events = list(_placed(iter_events(stream, jobs=jobs), extra))
        finally:
            _close_geocoder(extra)
    report.events = len(events)
    network = build_network(events)
    render_map(network, output, title=title, tiles=tiles, fragment=fragment, articles=articles)
    report.outputs.append(output)
    return report


def geocode_names(
    names: Sequence[str],
    *,
    country: str | None,
    geocoder: str,
    geocoder_options: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """``diplomap geocode``: one record per name, ``{"query", "place": None}`` when not found."""
    if geocoder != "offline":
        extra = _online_geocoder(geocoder, geocoder_options)
        try:
            return _geocode_all(names, country, extra["geocoder"])
        finally:
            _close_geocoder(extra)
    from geo.geocode import get_geocoder

    return _geocode_all(names, country, get_geocoder(geocoder))


def _geocode_all(names: Sequence[str], country: str | None, backend: Any) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for name in names:
        place = backend.geocode(name, country=country)
        records.append({"query": name, "place": None} if place is None else {"query": name, **place.to_dict()})
    return records


def gazetteer_info(action: str) -> dict[str, Any]:
    """``diplomap gazetteer build|info``: (re)build the offline index if asked, then describe it."""
    from geo.geocode import default_gazetteer

    gazetteer = default_gazetteer()
    if action == "build":
        gazetteer.build(force=True)
    return dict(gazetteer.info())
