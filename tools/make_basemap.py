"""Convert Natural Earth country polygons from the npm package ``world-atlas`` (TopoJSON) into the
compact GeoJSON that ``geo.render`` ships in ``geo/assets/``.

Run once, by hand, when the basemap should change; nothing decodes TopoJSON at run time::

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python tools/make_basemap.py /tmp/package/countries-50m.json geo/assets/ne_50m_countries.geojson

What it does:
- decodes the quantised, delta-encoded TopoJSON arcs into rings;
- repairs rings that cross the antimeridian (consecutive longitudes more than 180 degrees apart,
  e.g. Russia's Chukotka, Fiji, Antarctica) by unwrapping them and cutting at +-180;
- simplifies (``--tolerance`` degrees, topology preserving per country) and rounds coordinates to
  ``--digits`` decimals;
- keeps ``name`` and the ISO 3166-1 alpha-2 code (``iso``, from the numeric id via pycountry).
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

import pycountry
import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping
from shapely.ops import unary_union

from geo.network import unwrap_longitudes


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) coordinates of every arc (TopoJSON stores quantised deltas)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """Stitch arcs into a ring; a negative index ``~i`` means arc ``i`` reversed."""
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])  # consecutive arcs share their end point
    return out


def repair_ring(coords: list[tuple[float, float]]) -> list[Polygon]:
    """A ring as polygons inside [-180, 180]; rings crossing the antimeridian are cut there."""
    lons = [c[0] for c in coords]
    if all(abs(b - a) <= 180 for a, b in itertools.pairwise(lons)):
        poly = Polygon(coords)
        return [poly] if poly.is_valid else [shapely.make_valid(poly)]
    # unwrap: keep each step shorter than 180 degrees, then fold the parts back
    un = unwrap_longitudes(list(coords))
    if abs(un[-1][0] - un[0][0]) > 1:  # a ring around a pole (Antarctica): close it along the pole
        pole = -90.0 if sum(c[1] for c in un) < 0 else 90.0
        un = un + [(un[-1][0], pole), (un[0][0], pole)]
    poly = shapely.make_valid(Polygon(un))
    parts = []
    for shift in (-360, 0, 360):
        window = box(-180 + shift, -90, 180 + shift, 90)
        piece = poly.intersection(window)
        if not piece.is_empty:
            parts.append(shapely.affinity.translate(piece, -shift, 0))
    return [p for p in _polygons(unary_union(parts))]


def _polygons(geom: Any) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]


def geometry(obj: dict[str, Any], arcs: list[list[tuple[float, float]]]) -> MultiPolygon | None:
    polys = obj["arcs"] if obj["type"] == "MultiPolygon" else [obj["arcs"]] if obj["type"] == "Polygon" else []
    out: list[Polygon] = []
    for rings in polys:
        first = ring(arcs, rings[0])
        if all(abs(lat) > 89.9 for _, lat in first):
            # spherical TopoJSON: Antarctica is "the pole ring minus the coast"; on a plane it is
            # the coast ring closed along the pole
            out.extend(p for r in rings[1:] for p in repair_ring(ring(arcs, r)))
            continue
        shells = repair_ring(first)
        holes = [Polygon(ring(arcs, r)) for r in rings[1:]]
        for shell in shells:
            for hole in holes:
                shell = shell.difference(hole)
            out.extend(_polygons(shell))
    return MultiPolygon(out) if out else None


def alpha2(numeric: str | None) -> str | None:
    if not numeric:
        return None
    c = pycountry.countries.get(numeric=numeric.zfill(3))
    return c.alpha_2 if c else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson")
    ap.add_argument("output")
    ap.add_argument("--tolerance", type=float, default=0.02, help="simplify tolerance in degrees")
    ap.add_argument("--digits", type=int, default=2, help="decimals kept in coordinates")
    args = ap.parse_args()
    topo = json.loads(Path(args.topojson).read_text())
    arcs = decode_arcs(topo)
    features = []
    for obj in topo["objects"]["countries"]["geometries"]:
        geom = geometry(obj, arcs)
        if geom is None:
            continue
        geom = shapely.simplify(geom, args.tolerance, preserve_topology=True)
        geom = shapely.set_precision(geom, 10 ** -args.digits)
        if geom.is_empty:
            continue
        props = {"name": obj.get("properties", {}).get("name", ""), "iso": alpha2(obj.get("id"))}
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
    features.sort(key=lambda f: f["properties"]["name"])
    out = {"type": "FeatureCollection", "features": features}
    text = json.dumps(out, separators=(",", ":"))
    Path(args.output).write_text(text + "\n")
    print(f"{len(features)} countries, {len(text) / 1e6:.2f} MB -> {args.output}")


if __name__ == "__main__":
    main()
