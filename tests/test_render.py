"""geo.render: offline HTML (no http(s) anywhere), escaping of hostile text, static images,
fragments, determinism. What a browser does with the page is in test_browser.py."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from _map_fixtures import PAYLOAD, hostile_articles, hostile_events, sample_events

from geo.errors import ConfigError
from geo.network import build_network
from geo.records import Article, Event, EventType
from geo.render import make_map, render_map
from geo.render.interactive import _json_for_script, bent_arc, map_data

URL = re.compile(r"https?://", re.IGNORECASE)


@pytest.fixture(scope="module")
def net(gazetteer):  # type: ignore[no-untyped-def]
    return build_network(sample_events(), gazetteer=gazetteer)


@pytest.fixture(scope="module")
def hostile_net(gazetteer):  # type: ignore[no-untyped-def]
    return build_network(hostile_events(), gazetteer=gazetteer)


@pytest.fixture(scope="module")
def page(net, tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("map") / "map.html"
    arts = [Article("a0", "", title="UK delegation in Baghdad", url="https://example.org/a0", date="2024-03-05")]
    render_map(net, out, title="Diplomacy", articles=arts)
    return out.read_text(encoding="utf-8")


def _markup(html: str) -> str:
    """The page without the contents of its script and style elements."""
    html = re.sub(r"(<script\b[^>]*>).*?(</script>)", r"\1\2", html, flags=re.DOTALL | re.IGNORECASE)
    return re.sub(r"(<style\b[^>]*>).*?(</style>)", r"\1\2", html, flags=re.DOTALL | re.IGNORECASE)


def test_offline_html_names_no_url(page: str) -> None:
    assert URL.findall(page) == []
    markup = _markup(page)
    assert not re.search(r"<link\s", markup, re.IGNORECASE)
    assert not re.search(r"""\b(?:src|href)\s*=""", markup, re.IGNORECASE)


def test_offline_html_inlines_leaflet_and_jquery(page: str) -> None:
    assert "Leaflet 1.9" in page and "jQuery v3" in page
    assert "diplomapInit(" in page
    assert "url(data:image/png;base64," in page  # the layer control's icon
    assert "sourceMappingURL" not in page


def test_article_links_stay_data(page: str) -> None:
    # the article url is in the data (for the popup link) but does not spell a URL in the source
    assert "example.org\\/a0" in page


def _script_count(html: str) -> int:
    return len(re.findall(r"<script\b", html, re.IGNORECASE))


def test_hostile_text_is_escaped(hostile_net, net, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "hostile.html"
    render_map(hostile_net, out, title=PAYLOAD, articles=hostile_articles())
    html = out.read_text(encoding="utf-8")
    clean = tmp_path / "clean.html"
    render_map(net, clean, title="plain")
    clean_html = clean.read_text(encoding="utf-8")
    # no element or attribute from article text: as many of each as in a clean map (the inlined
    # jQuery itself spells some of them)
    assert _script_count(html) == _script_count(clean_html)
    for needle in ("<img", "<svg", "</textarea>", "javascript:"):
        assert html.count(needle) == clean_html.count(needle), needle
    markup = re.sub(r"<title>[^<]*</title>", "", _markup(html))  # the title is checked above
    for needle in ("onerror", "onload", "__pwned", "<img", "<svg"):
        assert needle not in markup, needle
    assert "<title>&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    # the texts are still there, as data
    data = _data_of(html)
    ev = data["events"][0]
    assert PAYLOAD.startswith(ev["aid"].rstrip("\u2026"))  # ids are clipped to 120 characters
    assert ev["x"] == ["Evidence " + PAYLOAD]
    assert data["articles"][0]["url"] is None  # javascript: is never a link
    assert data["articles"][1]["url"] is None


def _data_of(html: str) -> dict:  # type: ignore[type-arg]
    m = re.search(r'<script type="application/json" id="[\w]+_data">(.*?)</script>', html, re.DOTALL)
    assert m is not None
    return json.loads(m.group(1))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "\u2028\u2029",
        "a & b > c < d",
        "https://example.org/x?y=1&z=2",
        '"; window.__pwned=1; "',
    ],
)
def test_json_for_script_round_trips(text: str) -> None:
    js = _json_for_script({"x": text})
    assert "<" not in js and ">" not in js and "&" not in js and "://" not in js
    assert json.loads(js) == {"x": text}


def test_map_data_aggregates_and_fans_out(gazetteer) -> None:  # type: ignore[no-untyped-def]
    events = [
        Event(f"a{i}", EventType.CALL, ("IQ", "RU"), source="IQ", target="RU", date=f"2024-0{i + 1}-01")
        for i in range(3)
    ] + [Event("b", EventType.CALL, ("RU", "IQ"), source="RU", target="IQ", date="2024-05-01"),
         Event("c", EventType.HOSTILE, ("IQ", "RU"), date=None)]
    data = map_data(build_network(events, gazetteer=gazetteer), basemap=False)
    assert sorted(len(e["ev"]) for e in data["edges"]) == [1, 1, 3]
    assert data["dates"] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-05-01"]
    assert data["undated"] == 1
    # three groups between Baghdad and Moscow: three different paths, the middle one unbent
    mids = sorted(tuple(e["p"][0][len(e["p"][0]) // 2]) for e in data["edges"])
    assert len(set(mids)) == 3
    forward = next(e for e in data["edges"] if len(e["ev"]) == 3)
    names = [n["id"] for n in data["nodes"]]
    assert (names[forward["u"]], names[forward["v"]], forward["dir"]) == ("IQ", "RU", 1)
    # drawn from Baghdad (lat 33) to Moscow (lat 56)
    assert forward["p"][0][0][0] == pytest.approx(33.34, abs=0.01)
    assert forward["p"][-1][-1][0] == pytest.approx(55.75, abs=0.01)


@pytest.mark.parametrize("bend", [0.0, 0.2, -0.2])
def test_bent_arc_keeps_its_ends(bend: float) -> None:
    parts = bent_arc((44.4, 33.34), (37.62, 55.75), bend)
    assert parts[0][0] == pytest.approx([33.34, 44.4], abs=1e-3)
    assert parts[-1][-1] == pytest.approx([55.75, 37.62], abs=1e-3)


def test_bent_arc_splits_at_antimeridian() -> None:
    parts = bent_arc((170.0, 0.0), (-170.0, 5.0), 0.2)
    assert len(parts) == 2
    assert abs(parts[0][-1][1]) == 180 and abs(parts[1][0][1]) == 180


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_static_maps(net, tmp_path: Path, suffix: str, magic: bytes) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"map{suffix}"
    assert render_map(net, out, title="Diplomacy $x$ & <b>") == out
    data = out.read_bytes()
    assert data.startswith(magic) and len(data) > 20_000
    if suffix == ".png":
        assert _png_size(data) == (2000, 1300)  # 10 x 6.5 in at 200 dpi: a page width
    if suffix == ".svg":
        assert URL.sub("", data.decode()).count("<script") == 0


def test_static_map_of_nothing(tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "empty.png"
    render_map(build_network([], gazetteer=gazetteer), out)
    assert _png_size(out.read_bytes()) == (2000, 1300)


@pytest.mark.parametrize("suffix", [".html", ".svg", ".png", ".pdf"])
def test_same_input_same_bytes(net, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    render_map(net, a, title="t")
    render_map(net, b, title="t")
    assert a.read_bytes() == b.read_bytes()


def test_fragment(net, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "fragment.html"
    render_map(net, out, title='A "title"', fragment=True)
    text = out.read_text(encoding="utf-8")
    assert text.startswith('<div class="diplomap-fragment"')
    assert "<html" not in text.lower() and "<script" not in text.lower()  # the page is inside srcdoc
    assert 'sandbox="allow-scripts' in text and "allow-same-origin" not in text
    assert 'title="A &quot;title&quot;"' in text
    assert URL.findall(text) == []


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("map.txt", {}), ("map", {}), ("map.png", {"fragment": True}), ("map.html", {"tiles": "No.Such.Tiles"})],
)
def test_bad_options(net, tmp_path: Path, name: str, kwargs: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    with pytest.raises(ConfigError):
        render_map(net, tmp_path / name, **kwargs)
    assert not (tmp_path / name).exists()


def test_online_tiles_are_opt_in(net, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "tiles.html"
    render_map(net, out, tiles="OpenStreetMap.Mapnik")
    html = out.read_text(encoding="utf-8")
    assert "tile.openstreetmap.org" in html
    assert len(URL.findall(html)) >= 1
    assert _data_of(html)["basemap"] is None  # the tiles are the basemap


def test_make_map_displays_in_jupyter(net) -> None:  # type: ignore[no-untyped-def]
    import folium

    m = make_map(net, title="Notebook", height=500)
    assert isinstance(m, folium.Map)
    shown = m._repr_html_()
    assert "<iframe srcdoc=" in shown
    assert URL.findall(shown) == []
    assert "diplomapInit(" in shown  # escaped inside srcdoc, but there


def test_write_map_from_events_file(tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    output = pytest.importorskip("geo.output")
    from geo.pipeline import write_map

    events = tmp_path / "events.jsonl"
    output.write_events_file(sample_events(), str(events))
    out = tmp_path / "maps" / "m.html"
    report = write_map([str(events)], str(out), progress=False, title="From extract")
    assert report.events == len(sample_events())
    html = out.read_text(encoding="utf-8")
    assert URL.findall(html) == [] and "From extract" in html


def test_empty_map_html(tmp_path: Path, gazetteer) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "empty.html"
    render_map(build_network([], gazetteer=gazetteer), out)
    data = _data_of(out.read_text(encoding="utf-8"))
    assert (data["nodes"], data["edges"], data["events"], data["dates"]) == ([], [], [], [])
    assert URL.findall(out.read_text(encoding="utf-8")) == []


def test_popups_list_newest_first(gazetteer) -> None:  # type: ignore[no-untyped-def]
    dates = ["2023-05-01", None, "2024-01-09", "2015"]
    events = [Event(f"a{i}", EventType.CALL, ("IQ", "RU"), date=d) for i, d in enumerate(dates)]
    data = map_data(build_network(events, gazetteer=gazetteer), basemap=False)
    (edge,) = data["edges"]
    assert [data["events"][i].get("d") for i in edge["ev"]] == ["2024-01-09", "2023-05-01", "2015", None]
    node = next(n for n in data["nodes"] if n["id"] == "IQ")
    assert node["ev"] == edge["ev"]


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_cli_map_from_events_file(tmp_path: Path, gazetteer, suffix: str) -> None:  # type: ignore[no-untyped-def]
    output = pytest.importorskip("geo.output")
    from geo.cli import main

    events = tmp_path / "events.jsonl"
    output.write_events_file(sample_events(), str(events))
    out = tmp_path / f"map{suffix}"
    assert main(["map", str(events), "-o", str(out), "--title", "CLI", "--no-progress"]) == 0
    assert out.stat().st_size > 10_000
