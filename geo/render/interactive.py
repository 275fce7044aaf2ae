"""The interactive map: a folium map that works offline, drawn from inline data by diplomap.js.

Python prepares one JSON document (nodes, bent great-circle arcs aggregated per pair, type,
status and direction, the events behind each, the basemap) and ``geo/assets/diplomap.js`` draws
it on a canvas, builds popups and tooltips with ``textContent`` (article text can never become
markup), and adds the legend, the time slider and the state filter. One folium FeatureGroup per
event type gives the layer control its toggles. Leaflet, jQuery and our assets are inlined, so
the HTML names no http(s) resource unless ``tiles`` asks for online tiles.
"""

from __future__ import annotations

import html
import json
import logging
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from geo.errors import ConfigError
from geo.network import Network, great_circle_points, split_antimeridian
from geo.records import Article, EventType
from geo.render import assets
from geo.render.style import ATTRIBUTION, TYPE_COLOURS, TYPE_LABELS

if TYPE_CHECKING:
    import folium

log = logging.getLogger(__name__)

__all__ = ["bent_arc", "fragment_html", "make_map", "map_data", "map_html"]

_BEND = 0.16  # sideways bulge of a parallel arc, as a fraction of its length, per step
_BIG = 3000  # above this many events, keep popups lean so the file stays small


def _merc(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _unmerc(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def bent_arc(
    a: tuple[float, float], b: tuple[float, float], bend: float, *, max_points: int = 200, digits: int = 3
) -> list[list[list[float]]]:
    """A great-circle arc from ``a`` to ``b`` (``(lon, lat)``) pushed sideways by ``bend``.

    The push is perpendicular to the chord on the Web Mercator plane the map is drawn on,
    largest in the middle (``bend`` times the chord length) and zero at both ends, so parallel
    edges between the same two nodes fan out. Returns Leaflet parts ``[[[lat, lon], ...], ...]``,
    split at the antimeridian.
    """
    pts = great_circle_points(a[0], a[1], b[0], b[1], max_points=max_points)
    if bend and len(pts) < 24:  # a short arc needs more points to look curved
        lon0, lat0 = pts[0]
        lon1, lat1 = pts[-1]
        pts = [(lon0 + (lon1 - lon0) * i / 23, lat0 + (lat1 - lat0) * i / 23) for i in range(24)]
    if bend:
        xy = [(lon, _merc(lat)) for lon, lat in pts]
        (x0, y0), (x1, y1) = xy[0], xy[-1]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length, dx / length
        n = len(xy) - 1
        out = []
        for i, (x, y) in enumerate(xy):
            s = bend * length * math.sin(math.pi * i / n)
            out.append((x + nx * s, _unmerc(y + ny * s)))
        pts = out
    return [[[round(lat, digits), round(lon, digits)] for lon, lat in part] for part in split_antimeridian(pts)]


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _http_url(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _none(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def map_data(
    network: Network,
    *,
    title: str | None = None,
    articles: Sequence[Article] | None = None,
    attribution: str = ATTRIBUTION,
    popup_limit: int = 40,
    basemap: bool = True,
) -> dict[str, Any]:
    """The JSON document diplomap.js draws: events, nodes, aggregated bent edges, basemap."""
    nodes, edges = network.nodes, network.edges
    n_events = edges["event"].nunique() if len(edges) else 0
    big = n_events > _BIG
    # a big map keeps its text within a budget (about 3 MB of evidence in all)
    max_chars, max_sentences = (max(80, min(240, 3_000_000 // max(n_events, 1))), 1) if big else (500, 3)
    art_by_id = {a.id: a for a in (articles or ())}

    # events, in input order; every leg row of an event carries the same event fields
    first_rows = edges.drop_duplicates("event").sort_values("event")
    dates = sorted({d for d in first_rows["date"] if _none(d)})
    date_index = {d: i for i, d in enumerate(dates)}
    art_index: dict[str, int] = {}
    art_list: list[dict[str, Any]] = []
    ev_index: dict[int, int] = {}
    ev_list: list[dict[str, Any]] = []
    for row in first_rows.itertuples(index=False):
        aid = str(row.article_id)
        if aid in art_by_id and aid not in art_index:
            a = art_by_id[aid]
            art_index[aid] = len(art_list)
            art_list.append({"id": a.id, "title": _clip(a.title or "", 300), "url": _http_url(a.url), "date": a.date})
        ev_index[int(row.event)] = len(ev_list)
        date = _none(row.date)
        countries = list(row.countries)
        ev_list.append(
            {
                "t": row.type,
                "s": row.status,
                "d": date,
                "dt": _clip(row.date_text, 120) if _none(row.date_text) and not big else None,
                "k": date_index[date] if date else -1,
                "c": countries,
                "src": row.source if row.directed else None,
                "tgt": None,
                "a": [_clip(a, 160) for a in row.actors][:6],
                "x": [_clip(s, max_chars) for s in row.evidence][:max_sentences],
                "r": art_index.get(aid, -1),
                "aid": _clip(aid, 120),
                "l": _clip(row.location, 120) if _none(row.location) else None,
            }
        )
    # direction of an event: its traveller/actor state to the host/target state
    for row in edges.itertuples(index=False):
        e = ev_list[ev_index[int(row.event)]]
        if row.directed and e["tgt"] is None:
            e["src"], e["tgt"] = row.source, row.target
    for e in ev_list:  # empty fields are left out (diplomap.js has defaults)
        for field in [k for k, v in e.items() if k not in ("k", "c", "t") and (v is None or v == [] or v == -1)]:
            del e[field]

    def newest_first(i: int) -> tuple[int, int]:
        """Popups list dated events newest first, then undated ones, in input order."""
        return (-ev_list[i]["k"] if ev_list[i]["k"] >= 0 else 1, i)

    node_index = {nid: i for i, nid in enumerate(nodes["id"])}
    node_events: dict[str, set[int]] = defaultdict(set)
    GroupKey = tuple[str, str, str, str, bool]  # from node, to node, type, status, directed
    groups: dict[GroupKey, list[int]] = defaultdict(list)
    for row in edges.itertuples(index=False):
        i = ev_index[int(row.event)]
        node_events[row.u].add(i)
        node_events[row.v].add(i)
        lo, hi = sorted((str(row.u), str(row.v)))
        key: GroupKey
        if big:  # one edge per pair and type: direction and status are in the popups
            key = (lo, hi, str(row.type), "", False)
        elif row.directed:
            key = (str(row.u), str(row.v), str(row.type), str(row.status), True)
        else:
            key = (lo, hi, str(row.type), str(row.status), False)
        bucket = groups[key]
        if not bucket or bucket[-1] != i:
            bucket.append(i)

    # parallel groups between the same two nodes fan out around the great circle
    by_pair: dict[tuple[str, str], list[GroupKey]] = defaultdict(list)
    for key in groups:
        lo, hi = sorted(key[:2])
        by_pair[(lo, hi)].append(key)
    type_order = {t.value: i for i, t in enumerate(EventType)}
    lonlat = {nid: (float(lon), float(lat)) for nid, lon, lat in zip(nodes["id"], nodes["lon"], nodes["lat"])}
    edge_list: list[dict[str, Any]] = []
    for (first, second), keys in sorted(by_pair.items()):
        keys.sort(key=lambda k: (type_order.get(k[2], 99), k[3], k[4], k[0] != first))
        for j, key in enumerate(keys):
            u, v, etype, status, directed = key
            step = j - (len(keys) - 1) / 2
            # many parallel groups share a fan of fixed width instead of spreading ever wider
            parts = bent_arc(lonlat[first], lonlat[second], min(_BEND, 0.7 / len(keys)) * step,
                             max_points=32 if big else 200, digits=2 if big else 3)
            if u != first:  # drawn from first to second; reverse so the arrow points u -> v
                parts = [p[::-1] for p in parts[::-1]]
            evs = groups[key]
            if not status:  # a merged group is planned only when all its events are
                status = "planned" if all(ev_list[i].get("s") == "planned" for i in evs) else "occurred"
            ds = sorted(ev_list[i]["d"] for i in evs if ev_list[i].get("d"))
            edge_list.append(
                {
                    "u": node_index[u],
                    "v": node_index[v],
                    "t": etype,
                    "s": status,
                    "dir": 1 if directed else 0,
                    "p": parts,
                    "ev": sorted(evs, key=newest_first),
                    "d": (ds[0] if ds[0] == ds[-1] else f"{ds[0]} \u2013 {ds[-1]}") if ds else None,
                }
            )
    # wide (frequent) edges first, so thin ones stay visible on top of them
    edge_list.sort(key=lambda e: -len(e["ev"]))

    node_list = [
        {
            "id": r.id,
            "name": _clip(r.name, 80),
            "kind": r.kind,
            "country": _none(r.country),
            "state": _none(r.state),
            "lat": round(float(r.lat), 4),
            "lon": round(float(r.lon), 4),
            "ev": sorted(node_events.get(r.id, ()), key=newest_first),
        }
        for r in nodes.itertuples(index=False)
    ]
    states = sorted(
        {(r.country, r.state or r.country) for r in nodes.itertuples(index=False) if r.kind == "capital"},
        key=lambda s: s[1],
    )
    type_counts: dict[str, int] = defaultdict(int)
    for e in ev_list:
        type_counts[e["t"]] += 1
    return {
        "title": title or "",
        "types": [[t.value, TYPE_LABELS[t], TYPE_COLOURS[t]] for t in EventType],
        "typeCounts": dict(type_counts),
        "dates": dates,
        "undated": sum(1 for e in ev_list if e["k"] < 0),
        "aggregated": big,
        "events": ev_list,
        "articles": art_list,
        "nodes": node_list,
        "edges": edge_list,
        "states": [list(s) for s in states],
        "popupLimit": popup_limit,
        "attribution": attribution,
        "basemap": "__BASEMAP__" if basemap else None,
    }


def _json_for_script(data: dict[str, Any]) -> str:
    """JSON that is also a safe JavaScript literal inside ``<script>``.

    ``<``, ``>``, ``&`` and the JS line separators become ``\\uXXXX`` escapes and ``/`` becomes
    ``\\/``: the values are unchanged once parsed, but no string can close the script element,
    open a comment, or spell a URL scheme in the HTML source.
    """
    # ASCII only: the data reads the same whatever encoding a host page (or a notebook) declares
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=False, allow_nan=False)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("/", "\\/")
    )
    if '"__BASEMAP__"' in text:
        text = text.replace('"__BASEMAP__"', assets.basemap_text(), 1)
    return text


def _offline_map_class() -> type[folium.Map]:
    import folium

    class OfflineMap(folium.Map):
        """A folium Map whose page loads nothing from a CDN (our assets are inlined instead)."""

        default_js: list[tuple[str, str]] = []  # noqa: RUF012 - folium's own attribute
        default_css: list[tuple[str, str]] = []  # noqa: RUF012

    return OfflineMap


def _diplomap_element(data_json: str, edge_groups: dict[str, Any], nodes: Any, labels: Any) -> Any:
    from branca.element import MacroElement
    from folium.template import Template

    class DiplomapLayer(MacroElement):
        # the data sits in a JSON script element: JSON.parse reads megabytes faster than the
        # JavaScript parser reads the same text as an object literal
        _template = Template(
            "{% macro html(this, kwargs) %}\n"
            '<script type="application/json" id="{{ this.get_name() }}_data">{{ this.data_json }}</script>\n'
            "{% endmacro %}\n"
            "{% macro script(this, kwargs) %}\n"
            "diplomapInit({{ this._parent.get_name() }}, "
            'JSON.parse(document.getElementById("{{ this.get_name() }}_data").textContent), '
            "{edges: { {% for key, g in this.edge_groups %}{{ key }}: {{ g.get_name() }}, {% endfor %} }, nodes: {{ this.nodes.get_name() }}, "
            "labels: {{ this.labels.get_name() }} });\n"
            "{% endmacro %}"
        )

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "Diplomap"
            self.data_json = data_json
            self.edge_groups = [(json.dumps(t), g) for t, g in edge_groups.items()]
            self.nodes = nodes
            self.labels = labels

    return DiplomapLayer()


def _inline_assets(m: folium.Map) -> None:
    from branca.element import Element

    header = m.get_root().header  # type: ignore[attr-defined]
    header.add_child(Element(f"<style>{assets.leaflet_css()}</style>"), name="leaflet_css")
    header.add_child(Element(f"<style>{assets.diplomap_css()}</style>"), name="diplomap_css")
    header.add_child(Element(f"<script>{assets.leaflet_js()}</script>"), name="leaflet_js")
    header.add_child(Element(f"<script>{assets.jquery_js()}</script>"), name="jquery_js")
    header.add_child(Element(f"<script>{assets.diplomap_js()}</script>"), name="diplomap_js")


def _tile_layer(name: str) -> Any:
    import folium
    import xyzservices

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError as exc:
        raise ConfigError(
            f"unknown tiles {name!r}; use an xyzservices provider name such as 'CartoDB.Positron' or "
            "'OpenStreetMap.Mapnik'"
        ) from exc
    if provider.requires_token():
        raise ConfigError(f"tiles {name!r} need an API key; choose a provider that does not")
    return folium.TileLayer(
        tiles=provider.build_url(scale_factor="{r}"),
        attr=provider.html_attribution,
        name=provider.name,
        max_zoom=provider.get("max_zoom", 18),
        overlay=False,
    )


def _deterministic_ids(root: Any) -> None:
    """Replace folium's random element ids with counters so the same input gives the same bytes."""
    counter = 0

    def walk(el: Any) -> None:
        nonlocal counter
        kids = getattr(el, "_children", None)
        if not kids:
            return
        renamed = {}
        for key, child in list(kids.items()):
            old = child.get_name()
            counter += 1
            child._id = f"{counter:08x}"
            renamed[child.get_name() if key == old else key] = child
            walk(child)
        kids.clear()
        kids.update(renamed)

    root._id = "root"
    walk(root)


def make_map(
    network: Network,
    *,
    title: str | None = None,
    tiles: str | None = None,
    articles: Sequence[Article] | None = None,
    height: str | int = "100%",
) -> folium.Map:
    """An interactive folium map of the network that works offline (also inline in Jupyter).

    Parameters
    ----------
    network
        What :func:`geo.build_network` returned.
    title
        Shown at the top of the map.
    tiles
        An xyzservices provider name (``"CartoDB.Positron"``) to add online tiles; ``None``
        (default) keeps the map fully offline on the Natural Earth basemap.
    articles
        Articles (text not needed) whose title, date and url go into popups.
    height
        CSS height of the map (``"100%"`` for a page, e.g. ``600`` in a notebook).
    """
    import folium

    # online tiles replace the Natural Earth basemap (drawn on top, it would hide them)
    data = map_data(network, title=title, articles=articles, attribution=ATTRIBUTION, basemap=not tiles)
    nodes = network.nodes
    if len(nodes):
        center = [float(nodes["lat"].mean()), float(nodes["lon"].mean())]
    else:
        center = [30.0, 20.0]
    m = _offline_map_class()(
        location=center,
        zoom_start=3,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        min_zoom=2,
        max_bounds=True,
        height=height,
        world_copy_jump=False,
    )
    _inline_assets(m)
    if tiles:
        _tile_layer(tiles).add_to(m)
    edge_groups = {}
    present = set(network.edges["type"]) if len(network.edges) else set()
    for t in EventType:
        if t.value in present:
            edge_groups[t.value] = folium.FeatureGroup(name=f"{TYPE_LABELS[t]}", show=True).add_to(m)
    node_group = folium.FeatureGroup(name="states and places", show=True).add_to(m)
    label_group = folium.FeatureGroup(name="labels", show=True).add_to(m)
    # a page-sized map lists its layers; a smaller one (a notebook cell) folds them into a button
    folium.LayerControl(collapsed=height != "100%", position="topright").add_to(m)
    m.add_child(_diplomap_element(_json_for_script(data), edge_groups, node_group, label_group))
    if title:
        from branca.element import Element

        m.get_root().header.add_child(  # type: ignore[attr-defined]
            Element(f"<title>{html.escape(title)}</title>"), name="title"
        )
    _deterministic_ids(m.get_root())
    return m


def map_html(network: Network, **options: Any) -> str:
    """The whole map as one self-contained HTML page."""
    m = make_map(network, **options)
    return str(m.get_root().render())


def fragment_html(page: str, *, title: str | None = None, height: str = "600px") -> str:
    """An HTML fragment that embeds ``page`` in a sandboxed iframe (``srcdoc``), ready to paste.

    The sandbox lets the map run its scripts but keeps them away from the host page.
    """
    label = html.escape(title or "diplomap", quote=True).encode("ascii", "xmlcharrefreplace").decode("ascii")
    # character references survive any encoding of the host page; the attribute decodes them
    srcdoc = html.escape(page, quote=True).encode("ascii", "xmlcharrefreplace").decode("ascii")
    return (
        f'<div class="diplomap-fragment" style="position:relative;width:100%;height:{html.escape(height)};">'
        f'<iframe title="{label}" srcdoc="{srcdoc}" '
        'style="position:absolute;inset:0;width:100%;height:100%;border:0;" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>\n'
    )
