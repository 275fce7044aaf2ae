"""The static map for reports: PNG, SVG or PDF drawn with matplotlib and geopandas.

It draws what the interactive map draws (same aggregated, fanned arcs, colours and line styles)
on the Natural Earth basemap, with capitals labelled (overlapping labels are moved or dropped),
a legend, a title and the attribution, sized for a document page (10 x 6.5 inches).
"""

from __future__ import annotations

import itertools
import json
import math
import os
from pathlib import Path
from typing import Any

from geo._files import atomic_write
from geo.network import Network
from geo.records import EventType
from geo.render import assets
from geo.render.style import ATTRIBUTION, TYPE_COLOURS, TYPE_LABELS

__all__ = ["draw_static", "render_static"]

_SEA, _LAND, _ACTIVE, _BORDER = "#d6e6f0", "#f7f5f0", "#efe4cc", "#a3aab3"


def _plain(text: str) -> str:
    """Text matplotlib shows as written (no mathtext between dollar signs)."""
    return str(text).replace("$", r"\$")


def _extent(network: Network) -> tuple[float, float, float, float]:
    nodes = network.nodes
    if not len(nodes):
        return (-180.0, 180.0, -60.0, 80.0)
    lon0, lon1 = float(nodes["lon"].min()), float(nodes["lon"].max())
    lat0, lat1 = float(nodes["lat"].min()), float(nodes["lat"].max())
    dx, dy = max(lon1 - lon0, 16.0), max(lat1 - lat0, 10.0)
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    lon0, lon1 = cx - dx * 0.62, cx + dx * 0.62
    lat0, lat1 = cy - dy * 0.62, cy + dy * 0.62
    return (max(-180.0, lon0), min(180.0, lon1), max(-80.0, lat0), min(84.0, lat1))


def _point_along(path: list[tuple[float, float]], frac: float, kx: float) -> tuple[Any, Any] | None:
    seg = [math.hypot((b[0] - a[0]) * kx, b[1] - a[1]) for a, b in itertools.pairwise(path)]
    total = sum(seg)
    if total == 0:
        return None
    target, acc = total * frac, 0.0
    for (a, b), d in zip(itertools.pairwise(path), seg):
        if acc + d >= target and d > 0:
            t = (target - acc) / d
            return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), (b[0] - a[0], b[1] - a[1])
        acc += d
    return None


def draw_static(network: Network, *, title: str | None = None, figsize: tuple[float, float] = (10.0, 6.5)) -> Any:
    """A matplotlib Figure of the network (not attached to pyplot)."""
    import geopandas as gpd
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from geo.render.interactive import map_data

    data = map_data(network, title=title, basemap=False)
    fig = Figure(figsize=figsize, dpi=100)
    rect = (0.01, 0.03, 0.98, 0.90 if title else 0.96)
    ax = fig.add_axes(rect)
    ax.set_facecolor(_SEA)
    lon0, lon1, lat0, lat1 = _extent(network)
    mid = math.radians((lat0 + lat1) / 2)
    kx = math.cos(mid)

    world = gpd.GeoDataFrame.from_features(json.loads(assets.basemap_text())["features"], crs="EPSG:4326")
    active = set(network.nodes["country"].dropna()) if len(network.nodes) else set()
    colours = [_ACTIVE if iso in active else _LAND for iso in world["iso"]]
    world.plot(ax=ax, color=colours, edgecolor=_BORDER, linewidth=0.4, zorder=1)

    types_seen: dict[str, str] = {}
    for ed in data["edges"]:
        colour = TYPE_COLOURS[EventType(ed["t"])]
        types_seen[ed["t"]] = colour
        planned = ed["s"] == "planned"
        style = (0, (5, 3)) if ed["t"] == "call" else ((0, (1, 2.5)) if planned else "solid")
        width = min(6.0, 0.9 + 0.8 * math.sqrt(len(ed["ev"])))
        alpha = 0.6 if planned else 0.9
        longest: list[tuple[float, float]] = []
        for part in ed["p"]:
            xs, ys = [p[1] for p in part], [p[0] for p in part]
            ax.plot(xs, ys, color=colour, linewidth=width, linestyle=style, alpha=alpha, zorder=3,
                    solid_capstyle="butt", dash_capstyle="round")
            if len(part) > len(longest):
                longest = [(p[1], p[0]) for p in part]
        if ed["dir"] and len(longest) >= 2:
            at = _point_along(longest, 0.62, kx)
            if at is not None:
                (x, y), (dx, dy) = at
                norm = math.hypot(dx * kx, dy) or 1.0
                eps = (lon1 - lon0) * 0.004
                ax.annotate(
                    "", xy=(x + dx / norm * eps, y + dy / norm * eps), xytext=(x, y),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 0, "alpha": alpha,
                                "mutation_scale": 9 + 2.5 * width, "shrinkA": 0, "shrinkB": 0},
                    zorder=4,
                )

    nodes = data["nodes"]
    caps = [n for n in nodes if n["kind"] == "capital"]
    places = [n for n in nodes if n["kind"] != "capital"]

    def size(n: dict[str, Any]) -> float:
        return min(18.0, 4.0 + 1.8 * math.sqrt(len(n["ev"])))

    if caps:
        ax.scatter([n["lon"] for n in caps], [n["lat"] for n in caps], s=[size(n) ** 2 for n in caps],
                   facecolor="white", edgecolor="#1d2733", linewidth=1.1, zorder=5)
    if places:
        ax.scatter([n["lon"] for n in places], [n["lat"] for n in places], s=42, marker="D",
                   facecolor="#8e44ad", edgecolor="white", linewidth=0.8, zorder=6)

    # grow the extent to the axes' shape, so the aspect needs no change of limits
    want = (figsize[0] * rect[2]) / (figsize[1] * rect[3])
    have = (lon1 - lon0) * kx / (lat1 - lat0)
    if have < want:
        extra = ((lat1 - lat0) * want / kx - (lon1 - lon0)) / 2
        lon0, lon1 = lon0 - extra, lon1 + extra
    else:
        extra = ((lon1 - lon0) * kx / want - (lat1 - lat0)) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1 / kx, adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_edgecolor("#8a949e")
        spine.set_linewidth(0.6)
    fig.patch.set_facecolor("white")
    if title:
        fig.suptitle(_plain(title), fontsize=14, fontweight="bold", y=0.985)

    handles = [Line2D([], [], color=c, lw=2.2, linestyle=(0, (5, 3)) if t == "call" else "solid",
                      label=TYPE_LABELS[EventType(t)]) for t, c in sorted(types_seen.items(),
                      key=lambda kv: list(EventType).index(EventType(kv[0])))]
    handles += [
        Line2D([], [], color="#666", lw=2, linestyle=(0, (1, 2)), label="planned / proposed"),
        Line2D([], [], marker="o", color="none", markerfacecolor="white", markeredgecolor="#1d2733",
               markersize=8, label="capital (size = events)"),
    ]
    if places:
        handles.append(Line2D([], [], marker="D", color="none", markerfacecolor="#8e44ad",
                              markeredgecolor="white", markersize=7, label="other place"))
    ax.legend(handles=handles, loc="lower left", fontsize=7.5, framealpha=0.92, title="Events",
              title_fontsize=8, borderpad=0.6)
    fig.text(0.995, 0.005, ATTRIBUTION, ha="right", va="bottom", fontsize=6.5, color="#555")
    _place_labels(fig, ax, nodes, size)
    return fig


def _place_labels(fig: Any, ax: Any, nodes: list[dict[str, Any]], size: Any) -> None:
    """Label nodes, most important first; a label that would overlap another tries the other
    three sides of its node and is left out if none is free."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    placed: list[Any] = []
    xmin, xmax = ax.get_xlim()
    ymin, ymax = ax.get_ylim()
    from matplotlib.transforms import Bbox

    # node markers are obstacles: a label may not cover another node
    px = fig.dpi / 72.0
    markers = []
    for n in nodes:
        x, y = ax.transData.transform((n["lon"], n["lat"]))
        r = (size(n) / 2 if n["kind"] == "capital" else 4) * px
        markers.append((n["id"], Bbox.from_extents(x - r, y - r, x + r, y + r)))
    order = sorted(nodes, key=lambda n: (n["kind"] != "capital", -len(n["ev"]), n["name"]))
    for n in order:
        if not (xmin <= n["lon"] <= xmax and ymin <= n["lat"] <= ymax):
            continue
        r = size(n) / 2 + 2 if n["kind"] == "capital" else 6
        capital = n["kind"] == "capital"
        for dx, dy, ha, va in ((r, 0, "left", "center"), (-r, 0, "right", "center"),
                               (0, r, "center", "bottom"), (0, -r, "center", "top")):
            text = ax.annotate(
                _plain(n["name"]), (n["lon"], n["lat"]), xytext=(dx, dy), textcoords="offset points",
                ha=ha, va=va, fontsize=8 if capital else 7, fontweight="bold" if capital else "normal",
                fontstyle="normal" if capital else "italic", color="#1d2733" if capital else "#5b2c6f",
                zorder=7,
            )
            import matplotlib.patheffects as pe

            text.set_path_effects([pe.withStroke(linewidth=2.5, foreground="white")])
            box = text.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(b) for b in placed) and not any(
                box.overlaps(b) for nid, b in markers if nid != n["id"]
            ):
                placed.append(box)
                break
            text.remove()


def render_static(network: Network, output: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write the static map to ``output`` (.png, .svg or .pdf), atomically and reproducibly."""
    import matplotlib

    path = Path(output)
    fmt = path.suffix.lower().lstrip(".")
    fig = draw_static(network, title=title)
    metadata: dict[str, Any] = {"png": {"Software": None}, "svg": {"Date": None},
                                "pdf": {"CreationDate": None, "ModDate": None}}[fmt]
    with matplotlib.rc_context({"svg.hashsalt": "diplomap", "svg.fonttype": "path"}), atomic_write(path, "wb") as fh:
        fig.savefig(fh, format=fmt, dpi=200, metadata=metadata, facecolor="white")
    return path
