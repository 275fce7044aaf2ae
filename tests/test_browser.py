"""The offline map in headless Chromium, with the network blocked: it draws, its popups open and
show their evidence, its controls filter, and no code from article text ever runs.

Needs Debian's ``chromium`` (``apt-get install chromium``; .ci/run installs it) and the
``playwright`` package; skips cleanly without them. No browser is downloaded.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from _map_fixtures import PAYLOAD, hostile_articles, hostile_events, sample_events

from geo.network import build_network
from geo.records import Article
from geo.render import render_map
from geo.render.interactive import map_data

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("DIPLOMAP_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update"]
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: Any
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)


def open_map(browser: Any, path: Path, *, frame: bool = False) -> Opened:
    """Open ``path`` from file:// with every other request aborted (and counted)."""
    page = browser.new_page(viewport={"width": 1280, "height": 820})
    opened = Opened(page)
    page.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    page.on("console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None)
    page.on("requestfailed", lambda req: opened.failed.append(req.url) if not req.url.startswith(("file:", "data:", "about:")) else None)

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "about:")):
            r.continue_()
        else:
            opened.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    target = page
    if frame:  # the map is the page inside the (first) iframe's srcdoc
        page.wait_for_selector("iframe", state="attached")
        target = page.frames[1]
    target.wait_for_selector("[data-diplomap-ready]", state="attached", timeout=20_000)
    return opened


@pytest.fixture(scope="module")
def net(gazetteer):  # type: ignore[no-untyped-def]
    return build_network(sample_events(), gazetteer=gazetteer)


ARTICLES = [Article("a0", "", title="UK delegation in Baghdad", url="https://example.org/a0", date="2024-03-05"),
            Article("a4", "", title="Sanctions and pledges", url=None, date="2024-05-03")]


@pytest.fixture(scope="module")
def map_file(net, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("browser") / "map.html"
    render_map(net, out, title="Diplomacy test map", articles=ARTICLES)
    return out


@pytest.fixture()
def opened(browser, map_file) -> Iterator[Opened]:  # type: ignore[no-untyped-def]
    o = open_map(browser, map_file)
    yield o
    o.page.close()


COUNT_LAYERS = """() => {
  const d = window.diplomapMaps[0];
  const on = new Set();
  d.map.eachLayer(l => on.add(l));
  return {
    nodes: d.nodes.filter(l => on.has(l)).length,
    edges: d.edges.filter(l => on.has(l)).length,
    arrows: d.arrows.filter(l => on.has(l)).length,
    labels: d.labels.filter(l => on.has(l) && l._icon && l._icon.style.visibility !== 'hidden').length,
    places: document.querySelectorAll('.dm-place').length,
    canvases: document.querySelectorAll('canvas').length,
    pwned: typeof window.__pwned,
  };
}"""


def test_draws_offline_with_no_error(opened: Opened, net) -> None:  # type: ignore[no-untyped-def]
    data = map_data(net, basemap=False)
    got = opened.js(COUNT_LAYERS)
    assert opened.errors == [] and opened.blocked == [] and opened.failed == []
    assert got["nodes"] == len(net.nodes) == 11
    assert got["edges"] == len(data["edges"])
    assert got["arrows"] == sum(e["dir"] for e in data["edges"])
    assert got["places"] == 1  # the Green Zone
    assert got["canvases"] >= 2  # basemap and network
    assert got["labels"] >= 6
    assert got["pwned"] == "undefined"


def _click_latlng(o: Opened, latlng: list[float]) -> None:
    box = o.js("""(ll) => {
      const d = window.diplomapMaps[0];
      const p = d.map.latLngToContainerPoint(ll);
      const r = d.map.getContainer().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y];
    }""", latlng)
    o.page.mouse.click(box[0], box[1])


def _popup_text(o: Opened) -> str:
    o.page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
    return str(o.page.inner_text(".leaflet-popup-content"))


def test_edge_popup_on_click(opened: Opened) -> None:
    # the US -> Iran sanctions arc, clicked a third of the way along (over the Atlantic)
    where = opened.js("""() => {
      const d = window.diplomapMaps[0];
      const line = d.edges.find(l => l.dm.t === 'hostile');
      const pts = line.getLatLngs().flat();
      const p = pts[Math.floor(pts.length / 3)];
      return [p.lat, p.lng];
    }""")
    _click_latlng(opened, where)
    text = _popup_text(opened)
    assert text.startswith("Washington \u2192 Tehran \u00b7 hostile")
    assert "Washington imposed new sanctions on Tehran." in text
    assert "hostile" in text and "undated" in text
    assert "US \u2192 IR" in text


def test_node_popup_on_click(opened: Opened) -> None:
    _click_latlng(opened, [51.50853, -0.12574])  # London
    text = _popup_text(opened)
    assert text.startswith("London \u00b7 capital of United Kingdom")
    assert "A UK delegation visited Baghdad on Tuesday." in text
    assert "UK delegation in Baghdad" in text  # the article's title
    link = opened.page.query_selector(".leaflet-popup-content a")
    assert link is not None and link.get_attribute("href") == "https://example.org/a0"
    assert opened.blocked == []  # showing a link fetches nothing


def test_tooltip_on_hover(opened: Opened) -> None:
    box = opened.js("""() => {
      const d = window.diplomapMaps[0];
      const p = d.map.latLngToContainerPoint([55.75204, 37.61781]);
      const r = d.map.getContainer().getBoundingClientRect();
      return [r.left + p.x, r.top + p.y];
    }""")
    opened.page.mouse.move(box[0], box[1])
    opened.page.wait_for_selector(".leaflet-tooltip", timeout=5_000)
    assert "Moscow (capital of Russia)" in opened.page.inner_text(".leaflet-tooltip")


def test_state_filter(opened: Opened) -> None:
    opened.page.select_option(".dm-state-select", "GB")
    got = opened.js(COUNT_LAYERS)
    assert got["edges"] == 2  # the UK visit and meeting (two groups on one pair)
    assert got["nodes"] == 2  # London and Baghdad
    # the view frames London and Baghdad
    assert opened.js("""() => { const b = window.diplomapMaps[0].map.getBounds();
                               return b.contains([51.5, -0.13]) && b.contains([33.34, 44.4]) && !b.contains([-18.1, 178.4]); }""")
    opened.page.select_option(".dm-state-select", "")
    assert opened.js(COUNT_LAYERS)["nodes"] == 11


def test_time_slider(opened: Opened) -> None:
    # keep only the last date (2024-06-01: the US-Fiji meeting) and drop undated events
    opened.js("""() => {
      const from = document.querySelector('.dm-time-from');
      from.value = from.max;
      from.dispatchEvent(new Event('input'));
      const und = document.querySelector('.dm-time-undated');
      und.checked = false;
      und.dispatchEvent(new Event('change'));
    }""")
    got = opened.js(COUNT_LAYERS)
    assert got["edges"] == 1 and got["nodes"] == 2
    assert "2024-06-01 \u2013 2024-06-01 (1 event)" in opened.page.inner_text(".dm-time-text")


def test_layer_control_toggles_types(opened: Opened) -> None:
    before = opened.js(COUNT_LAYERS)["edges"]
    opened.page.get_by_label("alliance").uncheck()
    after = opened.js(COUNT_LAYERS)["edges"]
    n_alliance = opened.js("() => window.diplomapMaps[0].edges.filter(l => l.dm.t === 'alliance').length")
    assert after == before - n_alliance and n_alliance == 14


def test_hostile_text_never_runs(browser, gazetteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "hostile.html"
    render_map(build_network(hostile_events(), gazetteer=gazetteer), out, title=PAYLOAD,
               articles=hostile_articles())
    o = open_map(browser, out)
    try:
        # open every popup and tooltip, then click the first edge for real
        texts = o.js("""() => {
          const d = window.diplomapMaps[0];
          const out = [];
          for (const l of [...d.edges, ...d.nodes]) {
            l.openTooltip(); out.push(l.getTooltip().getElement().textContent);
            l.openPopup(); out.push(l.getPopup().getElement().textContent);
          }
          return out;
        }""")
        assert any("<script>window.__pwned=1</script>" in t for t in texts)  # shown as text
        assert any("<img src=x onerror=" in t for t in texts)
        assert o.js("() => document.title") == PAYLOAD
        assert o.js("() => document.querySelectorAll('.leaflet-popup-content img, .leaflet-popup-content script, .leaflet-popup-content svg').length") == 0
        hrefs = o.js("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        assert not any(h and h.lower().startswith("javascript:") for h in hrefs)
        o.page.wait_for_timeout(200)  # let any injected handler fire
        assert o.js("() => typeof window.__pwned") == "undefined"
        assert o.errors == [] and o.blocked == []
    finally:
        o.page.close()


def test_fragment_draws_in_its_iframe(browser, net, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    frag = tmp_path / "fragment.html"
    render_map(net, frag, title="Fragment", fragment=True)
    host = tmp_path / "host.html"
    host.write_text(f"<!doctype html><html><body><h1>Report</h1>{frag.read_text()}</body></html>")
    o = open_map(browser, host, frame=True)
    try:
        inner = o.page.frames[1]
        assert inner.evaluate("() => window.diplomapMaps[0].nodes.length") == 11
        assert o.errors == [] and o.blocked == []
    finally:
        o.page.close()


def test_screenshot_has_a_map(opened: Opened, tmp_path: Path) -> None:
    """A screenshot that is not blank: the basemap and the network put many colours on it."""
    shot = tmp_path / "map.png"
    opened.page.screenshot(path=str(shot))
    from matplotlib.image import imread

    img = imread(str(shot))
    colours = {tuple((px[:3] * 255).astype(int) // 16) for px in img[::7, ::7].reshape(-1, img.shape[-1])}
    assert len(colours) > 40


def test_notebook_displays_offline_and_safely(browser, gazetteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The example notebook runs (nbclient); its map output, with a hostile article added,
    draws offline and runs no article code."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        pytest.skip("no python3 Jupyter kernel")
    nb = nbformat.read(REPO / "examples" / "diplomacy.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO / 'tests')!r})\n"
        "from _map_fixtures import hostile_events, hostile_articles, PAYLOAD\n"
        "geo.render.make_map(geo.build_network(hostile_events()), title=PAYLOAD,\n"
        "                    articles=hostile_articles(), height=420)"
    ))
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(REPO / "examples")}})
    client.execute()
    htmls = [o["data"]["text/html"] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
             if o.get("output_type") in ("display_data", "execute_result") and "text/html" in o.get("data", {})]
    maps = [h for h in htmls if "srcdoc=" in h]
    assert len(maps) >= 2  # the example's map and the hostile one
    tables = [h for h in htmls if "<table" in h]
    assert tables  # nodes / edges frames shown
    for i, h in enumerate(maps):
        page = tmp_path / f"cell{i}.html"
        page.write_text(f'<!doctype html><html><head><meta charset="utf-8"></head><body>{h}</body></html>',
                        encoding="utf-8")
        o = open_map(browser, page, frame=True)
        try:
            inner = o.page.frames[1]
            assert inner.evaluate("() => window.diplomapMaps[0].nodes.length") > 0
            inner.evaluate("""() => { for (const l of [...window.diplomapMaps[0].edges, ...window.diplomapMaps[0].nodes])
                                       { l.openPopup(); l.openTooltip(); } }""")
            o.page.wait_for_timeout(100)
            assert inner.evaluate("() => typeof window.__pwned") == "undefined"
            assert o.js("() => typeof window.__pwned") == "undefined"
            assert o.errors == [] and o.blocked == [] and o.failed == []
        finally:
            o.page.close()


def test_empty_map_opens(browser, gazetteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "empty.html"
    render_map(build_network([], gazetteer=gazetteer), out, title="Nothing yet")
    o = open_map(browser, out)
    try:
        got = o.js(COUNT_LAYERS)
        assert (got["nodes"], got["edges"]) == (0, 0)
        assert o.page.query_selector(".dm-time") is None  # no dates, no slider
        assert o.errors == [] and o.blocked == []
    finally:
        o.page.close()


def test_nodes_stay_clickable_after_filtering(opened: Opened) -> None:
    # keep only the US-Fiji meeting, then everything again: the US sanctions arc comes back on
    # top of Washington's marker unless the nodes are raised again
    for last_only in (True, False):
        opened.js("""(last) => {
          const from = document.querySelector('.dm-time-from'), und = document.querySelector('.dm-time-undated');
          from.value = last ? from.max : 0; und.checked = !last;
          from.dispatchEvent(new Event('input'));
          und.dispatchEvent(new Event('change')); }""", last_only)
        assert opened.js(COUNT_LAYERS)["edges"] == (1 if last_only else 22)
    _click_latlng(opened, [38.89511, -77.03637])  # Washington
    assert _popup_text(opened).splitlines()[0].startswith("Washington \u00b7 capital of")


def test_legend_folds_on_small_maps(browser, map_file) -> None:  # type: ignore[no-untyped-def]
    o = open_map(browser, map_file)
    try:
        assert not o.js("() => document.querySelector('.dm-legend').classList.contains('dm-folded')")
        o.page.set_viewport_size({"width": 800, "height": 480})
        o.page.reload()
        o.page.wait_for_selector("[data-diplomap-ready]", state="attached")
        legend = o.page.locator(".dm-legend")
        assert "dm-folded" in (legend.get_attribute("class") or "")
        assert not o.page.locator(".dm-legend-row").first.is_visible()
        o.page.click(".dm-legend-title")
        assert o.page.locator(".dm-legend-row").first.is_visible()
    finally:
        o.page.close()
