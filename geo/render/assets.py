"""Offline assets inlined into every map: Leaflet, jQuery, our JS/CSS and the Natural Earth basemap.

Leaflet and jQuery come from the XStatic-Leaflet and XStatic-jQuery packages; the rest ships in
``geo/assets``. Everything is read once per process and cleaned so that the HTML a map becomes
names no ``http(s)`` resource: source-map comments are dropped, Leaflet's attribution link becomes
plain text, images become data URIs, and the SVG namespace string is spelled ``http:\\/\\/...``
(the same JavaScript string, not a URL anything fetches).
"""

from __future__ import annotations

import base64
import functools
import json
import re
from pathlib import Path

__all__ = [
    "asset_path",
    "basemap_centroids",
    "basemap_text",
    "diplomap_css",
    "diplomap_js",
    "jquery_js",
    "leaflet_css",
    "leaflet_js",
    "script_safe",
]

_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$", re.MULTILINE)
_CSS_SOURCE_MAP = re.compile(r"/\*[#@] sourceMappingURL=.*?\*/")


def asset_path(name: str) -> Path:
    """A file shipped in ``geo/assets``."""
    return Path(__file__).resolve().parent.parent / "assets" / name


def script_safe(text: str) -> str:
    """JavaScript source that cannot close its ``<script>`` element early."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def _xstatic_dir(module: str) -> Path:
    from importlib import import_module

    from geo.errors import MissingDependencyError

    try:
        pkg = import_module(f"xstatic.pkg.{module}")
    except ImportError as exc:
        raise MissingDependencyError(f"xstatic-{module}", "map") from exc
    return Path(pkg.BASE_DIR)


def _no_urls(js: str) -> str:
    js = _SOURCE_MAP.sub("", js)
    js = js.replace('"http://www.w3.org/2000/svg"', '"http:\\/\\/www.w3.org/2000/svg"')
    return js


@functools.lru_cache(maxsize=1)
def leaflet_js() -> str:
    """Leaflet's minified JS, with its attribution prefix as plain text."""
    js = (_xstatic_dir("leaflet") / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"prefix:'<a href=\"https://leafletjs\.com\"[^']*?</a>'", "prefix:'Leaflet'", js)
    js = js.replace("https://leafletjs.com", "leafletjs.com")  # the licence header comment
    return script_safe(_no_urls(js))


@functools.lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's CSS with its images as data URIs."""
    root = _xstatic_dir("leaflet")
    css = _CSS_SOURCE_MAP.sub("", (root / "leaflet.css").read_text(encoding="utf-8"))
    # comments citing browser bug trackers are the only URLs in it
    css = re.sub(r"/\*.*?\*/", lambda m: "" if "://" in m.group(0) else m.group(0), css, flags=re.DOTALL)

    def inline(m: re.Match[str]) -> str:
        path = root / m.group(1)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


@functools.lru_cache(maxsize=1)
def jquery_js() -> str:
    """jQuery, minified."""
    return script_safe(_no_urls((_xstatic_dir("jquery") / "jquery.min.js").read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=1)
def diplomap_js() -> str:
    """Our map behaviour: drawing from data, popups, filters, time slider, labels, arrows."""
    return script_safe(asset_path("diplomap.js").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def diplomap_css() -> str:
    return asset_path("diplomap.css").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def basemap_text() -> str:
    """The Natural Earth 1:50m countries as compact GeoJSON text."""
    return asset_path("ne_50m_countries.geojson").read_text(encoding="utf-8").strip()


@functools.lru_cache(maxsize=1)
def basemap_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) of a point inside each country's largest polygon."""
    from shapely.geometry import shape

    out: dict[str, tuple[float, float]] = {}
    for f in json.loads(basemap_text())["features"]:
        iso = f["properties"].get("iso")
        if not iso:
            continue
        geom = shape(f["geometry"])
        biggest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        pt = biggest.representative_point()
        out[iso] = (round(pt.y, 4), round(pt.x, 4))
    return out
