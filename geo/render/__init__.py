"""Render a diplomacy network: an offline interactive HTML map, or a static PNG/SVG/PDF.

>>> from geo.render import render_map  # doctest: +SKIP
>>> render_map(build_network(events), "maps/diplomacy.html", title="Diplomacy")  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import ConfigError

if TYPE_CHECKING:
    import folium

    from geo.network import Network
    from geo.records import Article

__all__ = ["HTML_SUFFIXES", "STATIC_SUFFIXES", "make_map", "render_map"]

HTML_SUFFIXES = frozenset({".html", ".htm"})
STATIC_SUFFIXES = frozenset({".png", ".svg", ".pdf"})


def make_map(
    network: Network,
    *,
    title: str | None = None,
    tiles: str | None = None,
    articles: Sequence[Article] | None = None,
    height: str | int = "100%",
) -> folium.Map:
    """An interactive, offline folium map of ``network``; displays inline in Jupyter.

    See :func:`geo.render.interactive.make_map`.
    """
    from geo.render.interactive import make_map as _make_map

    return _make_map(network, title=title, tiles=tiles, articles=articles, height=height)


def render_map(
    network: Network,
    output: str | os.PathLike[str],
    *,
    title: str | None = None,
    tiles: str | None = None,
    fragment: bool = False,
    articles: Sequence[Article] | None = None,
) -> Path:
    """Write the map of ``network`` to ``output``, atomically; the format follows the suffix.

    Parameters
    ----------
    network
        ``(nodes, edges, pairs)`` from :func:`geo.build_network`.
    output
        ``.html``/``.htm``: a self-contained interactive map that needs no network (unless
        ``tiles``); ``.png``, ``.svg``, ``.pdf``: a static map sized for a document.
    title
        Title drawn on the map.
    tiles
        xyzservices provider name for online tiles under the interactive map (opt-in).
    fragment
        For HTML: write a fragment (a sandboxed ``<iframe srcdoc>``) to paste into a page
        instead of a whole page.
    articles
        Articles whose title, date and url are shown in popups (their text is not used).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    from geo._files import atomic_write

    path = Path(output)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from geo.render.interactive import fragment_html, map_html

        page = map_html(network, title=title, tiles=tiles, articles=articles)
        text = fragment_html(page, title=title) if fragment else page
        with atomic_write(path) as fh:
            fh.write(text)
        return path
    if suffix in STATIC_SUFFIXES:
        if fragment:
            raise ConfigError("--fragment is for .html maps; drop it or write to a .html file")
        from geo.render.static import render_static

        render_static(network, path, title=title)
        return path
    raise ConfigError(
        f"cannot draw a map as {suffix or 'a file without suffix'!r}; use .html, .png, .svg or .pdf"
    )
