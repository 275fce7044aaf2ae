"""geo.network: nodes at capitals and places, one edge per event leg, arcs, antimeridian, pairs."""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import math
from pathlib import Path

import pandas as pd
import pytest
from _map_fixtures import BAGHDAD, GREEN_ZONE, MOSCOW, ev, sample_events
from shapely.geometry import LineString, MultiLineString

from geo.network import (
    CRS,
    EDGE_COLUMNS,
    NODE_COLUMNS,
    PAIR_COLUMNS,
    arc_geometry,
    build_network,
    great_circle_points,
    split_antimeridian,
)
from geo.records import Event, EventStatus, EventType, Place, PlaceKind

GZ = "place:greenzone@33.30,44.39"


@pytest.fixture(scope="module")
def net(gazetteer):  # type: ignore[no-untyped-def]
    return build_network(sample_events(), gazetteer=gazetteer)


def test_frames_have_declared_columns_and_crs(net) -> None:  # type: ignore[no-untyped-def]
    nodes, edges, pairs = net
    assert tuple(nodes.columns) == NODE_COLUMNS
    assert tuple(edges.columns) == EDGE_COLUMNS
    assert tuple(pairs.columns) == PAIR_COLUMNS
    for frame in net:
        assert frame.crs.to_string() == CRS


def test_unpacks_as_nodes_edges(net) -> None:  # type: ignore[no-untyped-def]
    nodes, edges = net[:2]
    assert nodes is net.nodes and edges is net.edges


def test_node_and_edge_counts(net) -> None:  # type: ignore[no-untyped-def]
    nodes, edges, _ = net
    # ten states at their capitals, plus the Green Zone; Basra (support event with a place) is
    # not a node because support joins capitals; Baghdad and Moscow as places are the capitals
    assert sorted(nodes["id"]) == sorted(["FJ", "GB", "IQ", "IR", "JO", "LB", "RU", "SY", "TR", "US", GZ])
    assert len(edges) == 22
    assert edges["event"].nunique() == 10


def test_capitals_and_places(net) -> None:  # type: ignore[no-untyped-def]
    nodes = net.nodes.set_index("id")
    assert nodes.loc["IQ", "kind"] == "capital"
    assert nodes.loc["IQ", "name"] == "Baghdad"
    assert nodes.loc["RU", "name"] == "Moscow"
    assert nodes.loc[GZ, "kind"] == "landmark"
    assert nodes.loc[GZ, "country"] == "IQ"
    assert (nodes.loc[GZ, "lat"], nodes.loc[GZ, "lon"]) == (33.30, 44.39)
    # Baghdad takes part in 8 of the 10 events (not the US sanctions nor the US-Fiji meeting)
    assert nodes.loc["IQ", "events"] == 8
    assert nodes.loc["IQ", "degree"] == 8


@pytest.mark.parametrize(
    ("event", "legs"),
    [
        (0, {("GB", "IQ", True)}),  # meeting in Baghdad with a stated visitor: London -> Baghdad
        (1, {("GB", "IQ", True)}),  # visit to Baghdad (the capital itself, so the capital node)
        (2, {("IQ", "RU", True)}),  # planned visit to Moscow
        (3, {("IQ", "RU", True)}),  # call: capitals
        (4, {("RU", GZ, False), ("IQ", GZ, False), ("IR", GZ, False), ("SY", GZ, False)}),  # seat
        (5, {(a, b, False) for i, a in enumerate(["IQ", "SY", "JO", "TR", "LB"])
             for b in ["IQ", "SY", "JO", "TR", "LB"][i + 1 :]}),  # no seat: every pair
        (6, {("IR", "IQ", True)}),  # visit with no place: the host's capital
        (7, {("US", "IR", True)}),
        (8, {("IR", "IQ", True)}),  # support joins capitals, not the place named
        (9, {("US", "FJ", False)}),  # meeting in Suva, Fiji's capital
    ],
)
def test_legs_per_event(net, event: int, legs: set[tuple[str, str, bool]]) -> None:  # type: ignore[no-untyped-def]
    rows = net.edges[net.edges["event"] == event]
    assert {(r.u, r.v, bool(r.directed)) for r in rows.itertuples()} == legs


def test_edge_rows_carry_the_event(net) -> None:  # type: ignore[no-untyped-def]
    row = net.edges[net.edges["event"] == 2].iloc[0]
    assert (row["type"], row["status"], row["date"]) == ("visit", "planned", "2024-04-10")
    assert row["location"] == "Moscow"
    assert row["evidence"] == ("Hussein will pay a visit to Moscow next month.",)
    first = net.edges[net.edges["event"] == 0].iloc[0]
    assert first["actors"] == ("Fuad Hussein, Foreign Minister (IQ)",)


def test_antimeridian_split(net) -> None:  # type: ignore[no-untyped-def]
    geom = net.edges[net.edges["event"] == 9].geometry.iloc[0]  # Washington - Suva
    assert isinstance(geom, MultiLineString)
    a, b = geom.geoms
    assert abs(a.coords[-1][0]) == 180 and abs(b.coords[0][0]) == 180
    assert a.coords[-1][0] == -b.coords[0][0]
    assert a.coords[-1][1] == pytest.approx(b.coords[0][1])
    for part in geom.geoms:
        assert all(-180 <= x <= 180 for x, _ in part.coords)
    others = net.edges[net.edges["event"] != 9].geometry
    assert all(isinstance(g, LineString) for g in others)


@pytest.mark.parametrize(
    ("a", "b", "parts"),
    [
        ((44.4, 33.3), (37.6, 55.8), 1),  # Baghdad - Moscow
        ((170.0, 0.0), (-170.0, 0.0), 2),  # across the antimeridian, eastwards
        ((-170.0, 10.0), (170.0, -10.0), 2),  # westwards
        ((179.0, 65.0), (-179.0, 66.0), 2),  # Chukotka
        ((-77.0, 38.9), (139.7, 35.7), 2),  # Washington - Tokyo crosses over Alaska and the Bering Sea
    ],
)
def test_arc_geometry_parts(a: tuple[float, float], b: tuple[float, float], parts: int) -> None:
    geom = arc_geometry(a[0], a[1], b[0], b[1])
    n = len(geom.geoms) if isinstance(geom, MultiLineString) else 1
    assert n == parts
    coords = [c for g in getattr(geom, "geoms", [geom]) for c in g.coords]
    assert coords[0] == pytest.approx(a) and coords[-1] == pytest.approx(b)
    assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in coords)


def test_great_circle_is_shorter_than_the_rhumb_line() -> None:
    pts = great_circle_points(-0.1276, 51.5072, 139.6917, 35.6895)  # London - Tokyo goes north
    assert max(lat for _, lat in pts) > 65
    steps = [abs(b[0] - a[0]) for a, b in itertools.pairwise(pts)]
    assert max(steps) < 180


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([(0, 0), (10, 10)], [[(0, 0), (10, 10)]]),
        ([(170, 0), (190, 10)], [[(170, 0), (180, 5)], [(-180, 5), (-170, 10)]]),
        ([(-170, 0), (-190, -10)], [[(-170, 0), (-180, -5)], [(180, -5), (170, -10)]]),
    ],
)
def test_split_antimeridian(points, expected) -> None:  # type: ignore[no-untyped-def]
    got = split_antimeridian(points)
    assert [[pytest.approx(p) for p in part] for part in got] == expected


def test_pairs_aggregate_per_pair_and_type(gazetteer) -> None:  # type: ignore[no-untyped-def]
    calls = [
        Event(f"a{i}", EventType.CALL, ("IQ", "RU"), source=src, target=tgt, date=date,
              evidence=ev(f"Call number {i}."))
        for i, (src, tgt, date) in enumerate(
            [("IQ", "RU", "2024-03-01"), ("RU", "IQ", "2023-01-05"), ("IQ", "RU", None), ("IQ", "RU", "2024-07-09")]
        )
    ]
    visit = Event("v", EventType.VISIT, ("IQ", "RU"), status=EventStatus.PLANNED, source="IQ", target="RU",
                  location=MOSCOW, date="2025-01-01")
    pairs = build_network([*calls, visit], gazetteer=gazetteer).pairs
    assert len(pairs) == 2
    call = pairs[pairs["type"] == "call"].iloc[0]
    assert (call["u"], call["v"]) == ("IQ", "RU")
    assert (call["count"], call["forward"], call["backward"]) == (4, 3, 1)
    assert (call["first_date"], call["last_date"]) == ("2023-01-05", "2024-07-09")
    assert call["evidence"] == tuple(f"Call number {i}." for i in range(4))
    assert call["articles"] == ("a0", "a1", "a2", "a3")
    v = pairs[pairs["type"] == "visit"].iloc[0]
    assert (v["count"], v["planned"], v["occurred"]) == (1, 1, 0)


def test_pairs_count_events_not_legs(net) -> None:  # type: ignore[no-untyped-def]
    pairs = net.pairs
    seat = pairs[(pairs["v"] == GZ) | (pairs["u"] == GZ)]
    assert len(seat) == 4 and set(seat["count"]) == {1}
    assert int(pairs["count"].sum()) == len(net.edges)  # every leg here joins a distinct pair


@pytest.mark.parametrize(
    ("event", "n_edges"),
    [
        (Event("x", EventType.HOSTILE, ("IQ",), source="IQ"), 0),  # one state, no place
        (Event("x", EventType.MEETING, ("IQ", "XX")), 0),  # a state with no known capital
        (Event("x", EventType.VISIT, ("IQ",), source="IQ", location=Place("Basra", PlaceKind.CITY, "IQ", 30.5, 47.8)), 1),
        (Event("x", EventType.VISIT, ("IQ", "RU"), source="IQ", target="RU", location=BAGHDAD), 0),  # home
        # the capital's own governorate is the capital; another governorate is a place of its own
        (Event("x", EventType.VISIT, ("IR", "IQ"), source="IR", target="IQ",
               location=Place("Mayorality of Baghdad", PlaceKind.ADMIN1, "IQ", 33.35, 44.36)), 1),
        (Event("x", EventType.VISIT, ("IQ",), source="IQ",
               location=Place("Baghdad Governorate", PlaceKind.ADMIN1, "IQ", 33.35, 44.36)), 0),
        (Event("x", EventType.VISIT, ("IQ",), source="IQ",
               location=Place("Basra Governorate", PlaceKind.ADMIN1, "IQ", 30.5, 47.4)), 1),
        (Event("x", EventType.MEETING, ("FR", "DE", "IT", "ES", "PL", "NL", "BE", "AT")), 7),  # a star, not 28
        (Event("x", EventType.MEETING, ("FR", "DE", "IT", "ES", "PL", "NL")), 15),  # six: every pair
        (Event("x", EventType.ALLIANCE, ("RU", "IQ"), location=GREEN_ZONE), 2),
        # an organisation is not a place: the capitals are joined
        (Event("x", EventType.AGREEMENT, ("IQ", "RU"), location=Place("Arab League", PlaceKind.ORGANISATION, None, 0, 0)), 1),
    ],
)
def test_edge_rules(gazetteer, event: Event, n_edges: int) -> None:  # type: ignore[no-untyped-def]
    assert len(build_network([event], gazetteer=gazetteer).edges) == n_edges


def test_unknown_state_is_logged_not_raised(gazetteer, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING, logger="geo.network"):
        net = build_network([Event("x", EventType.CALL, ("QQ", "IQ"))], gazetteer=gazetteer)
    assert len(net.edges) == 0 and len(net.nodes) == 0
    assert "QQ" in caplog.text


def test_empty_input(gazetteer) -> None:  # type: ignore[no-untyped-def]
    nodes, edges, pairs = build_network([], gazetteer=gazetteer)
    assert len(nodes) == len(edges) == len(pairs) == 0
    assert nodes.crs.to_string() == CRS


def _record(e: Event) -> dict:  # type: ignore[type-arg]
    """An event as ``diplomap extract`` writes it to JSON Lines."""
    d = dataclasses.asdict(e)
    return json.loads(json.dumps(d, default=lambda o: o.value))


def test_dataframe_and_records_give_the_same_network(net, gazetteer) -> None:  # type: ignore[no-untyped-def]
    records = [_record(e) for e in sample_events()]
    frame = pd.DataFrame(records)
    for other in (build_network(records, gazetteer=gazetteer), build_network(frame, gazetteer=gazetteer)):
        assert other.nodes.drop(columns="geometry").equals(net.nodes.drop(columns="geometry"))
        cols = ["event", "u", "v", "type", "status", "date", "directed", "evidence", "actors"]
        assert other.edges[cols].equals(net.edges[cols])
        assert other.edges.geometry.geom_equals(net.edges.geometry).all()


def test_events_file_round_trip(tmp_path, net, gazetteer) -> None:  # type: ignore[no-untyped-def]
    output = pytest.importorskip("geo.output")
    path = tmp_path / "events.jsonl"
    output.write_events_file(sample_events(), str(path))
    again = build_network(list(output.read_events_file(str(path))), gazetteer=gazetteer)
    assert len(again.edges) == len(net.edges)
    assert sorted(again.nodes["id"]) == sorted(net.nodes["id"])


def test_default_gazetteer_is_used(net) -> None:  # type: ignore[no-untyped-def]
    again = build_network(sample_events())
    assert again.nodes["id"].tolist() == net.nodes["id"].tolist()
    assert math.isclose(again.nodes.set_index("id").loc["IQ", "lat"], 33.34, abs_tol=0.05)


@pytest.mark.parametrize(
    ("place", "node"),
    [
        (Place("Mayorality of Baghdad", PlaceKind.ADMIN1, "IQ", 33.35, 44.36), "IQ"),
        (Place("Baghdad", PlaceKind.CITY, "IQ", 33.32, 44.42, None), "IQ"),  # no geonameid: by name
        (Place("Kadhimiya", PlaceKind.CITY, "IQ", 33.38, 44.34), "IQ"),  # a district of the capital
        (Place("Iraq", PlaceKind.COUNTRY, "IQ", 33.0, 43.7), "IQ"),
        (Place("Basra Governorate", PlaceKind.ADMIN1, "IQ", 30.5, 47.4), "place:basragovernorate@30.50,47.40"),
        (Place("Green Zone", PlaceKind.LANDMARK, "IQ", 33.30, 44.39), GZ),  # a landmark stays itself
        (Place("Erbil", PlaceKind.CITY, "IQ", 36.19, 44.01, 95446), "place:95446"),
    ],
)
def test_visit_destination_node(gazetteer, place: Place, node: str) -> None:  # type: ignore[no-untyped-def]
    e = Event("x", EventType.VISIT, ("IR", "IQ"), source="IR", target="IQ", location=place)
    edges = build_network([e], gazetteer=gazetteer).edges
    assert edges[["u", "v"]].values.tolist() == [["IR", node]]


REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds_net(gazetteer):  # type: ignore[no-untyped-def]
    import geo

    articles = list(geo.read_articles(REPO / "data" / "articles"))
    if not articles:
        pytest.skip("no sample articles in data/articles")
    return build_network(geo.extract_events(articles, gazetteer=gazetteer), gazetteer=gazetteer)


def test_seeds_map_nodes(seeds_net) -> None:  # type: ignore[no-untyped-def]
    names = set(seeds_net.nodes["name"])
    assert {"Baghdad", "Moscow", "Damascus", "Tehran", "London", "Green Zone"} <= names


@pytest.mark.parametrize(
    ("types", "u", "v", "status"),
    [
        ({"visit", "meeting"}, "GB", "IQ", "occurred"),  # the UK delegation in Baghdad
        ({"visit"}, "IR", "IQ", "occurred"),  # Shamkhani from Tehran to Baghdad
        ({"visit"}, "IQ", "RU", None),  # Hussein to Moscow
        ({"call"}, "IQ", "RU", "occurred"),  # the Iraq-Russia phone call
        ({"alliance"}, "RU", "Green Zone", "occurred"),  # the 2015 intelligence-sharing centre
        ({"alliance"}, "IR", "Green Zone", "occurred"),
        ({"alliance"}, "SY", "Green Zone", "occurred"),
        ({"alliance"}, "JO", "TR", "planned"),  # the proposed operations room
        ({"alliance"}, "LB", "SY", "planned"),
    ],
)
def test_seeds_map_edges(seeds_net, types: set[str], u: str, v: str, status: str | None) -> None:  # type: ignore[no-untyped-def]
    names = dict(zip(seeds_net.nodes["id"], seeds_net.nodes["name"]))
    e = seeds_net.edges
    ends = {u, v}
    joins = pd.Series([{a, b} == ends or {a, names.get(b)} == ends or {names.get(a), b} == ends
                       for a, b in zip(e["u"], e["v"])], index=e.index, dtype=bool)
    hit = e[joins & e["type"].isin(types)]
    if status:
        hit = hit[hit["status"] == status]
    assert len(hit) >= 1
