"""The public API: every name ``geo`` exports resolves, and the README's notebook lines run."""

from __future__ import annotations

from pathlib import Path

import pytest

import geo

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


@pytest.mark.parametrize("name", [n for n in geo.__all__ if n != "__version__"])
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(geo, name) is not None


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        geo.no_such_thing  # noqa: B018


def test_readme_notebook_lines_run_on_the_sample_articles() -> None:
    articles = list(geo.read_articles([str(ARTICLES)]))
    events = geo.extract_events(articles)
    nodes, edges, pairs = geo.build_network(events)
    assert len(articles) == 5
    assert len(events) > 0 and len(edges) >= len(events) // 2
    assert nodes.crs is not None and nodes.crs.to_epsg() == 4326
    html = geo.make_map(geo.build_network(events)).get_root().render()
    assert "Baghdad" in html
