"""Benchmark the map: build the network and write the offline HTML for a large events set, then
time how long headless Chromium takes to draw it (network blocked).

Events come from ``../shared/corpora/reuters21578`` through ``diplomap extract`` (cached beside
the other outputs in ``--workdir``), or, with ``--synthetic N`` or when the corpus is absent,
from N random events between real capitals.

    python bench/bench_map.py                   # Reuters, if ../shared is there
    python bench/bench_map.py --synthetic 20000
    python bench/bench_map.py --screenshot maps/reuters.png

Targets (issue 4): HTML under 10 MB, drawn within 3 s.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578" / "articles.jsonl"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update"]


def reuters_events(workdir: Path, reuse: bool) -> tuple[list, list, float | None]:  # type: ignore[type-arg]
    from geo.ingest import read_articles
    from geo.network import events_from_frame  # noqa: F401  (import check)
    from geo.output import read_events_file
    from geo.pipeline import write_events
    from geo.records import Article

    out = workdir / "reuters_events.jsonl"
    took = None
    if not (reuse and out.exists()):
        t = time.perf_counter()
        write_events([str(REUTERS)], str(out), progress=True)
        took = time.perf_counter() - t
    events = list(read_events_file(str(out)))
    wanted = {e.article_id for e in events}
    articles = [Article(a.id, "", title=a.title, date=a.date, url=a.url)
                for a in read_articles(str(REUTERS), on_error="skip") if a.id in wanted]
    return events, articles, took


def synthetic_events(n: int, seed: int = 1) -> list:  # type: ignore[type-arg]
    from geo.records import Event, EventStatus, EventType, Evidence

    rng = random.Random(seed)
    codes = ["US", "GB", "FR", "DE", "RU", "CN", "JP", "IN", "BR", "ZA", "EG", "SA", "IR", "IQ", "SY", "TR",
             "JO", "LB", "IL", "AU", "NZ", "FJ", "CA", "MX", "AR", "NG", "KE", "ET", "PK", "ID", "KR", "VN",
             "UA", "PL", "IT", "ES", "SE", "NO", "CL", "PE"]
    types = list(EventType)
    out = []
    for i in range(n):
        k = 2 if rng.random() < 0.9 else rng.randint(3, 6)
        cs = tuple(rng.sample(codes, k))
        t = rng.choice(types)
        directed = t in (EventType.VISIT, EventType.CALL, EventType.SUPPORT, EventType.HOSTILE)
        text = f"Synthetic event {i}: officials of {' and '.join(cs)} took part in a {t.value}. " * 2
        out.append(Event(
            article_id=f"syn{i // 3}", type=t, countries=cs,
            status=EventStatus.PLANNED if rng.random() < 0.2 else EventStatus.OCCURRED,
            source=cs[0] if directed else None, target=cs[1] if directed else None,
            date=None if rng.random() < 0.3 else f"{rng.randint(1985, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            evidence=(Evidence(text.strip(), 0, len(text)),),
        ))
    return out


def time_drawn(html: Path, screenshot: Path | None = None) -> dict[str, float | int]:
    """Seconds from navigation until the map says it is drawn and a frame has been painted."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r) -> None:  # type: ignore[no-untyped-def]
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        t = time.perf_counter()
        page.goto(html.as_uri(), timeout=120_000)
        page.wait_for_selector("[data-diplomap-ready]", state="attached", timeout=120_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        drawn = time.perf_counter() - t
        counts = page.evaluate("""() => { const d = window.diplomapMaps[0];
            const on = new Set(); d.map.eachLayer(l => on.add(l));
            return [d.nodes.filter(l => on.has(l)).length, d.edges.filter(l => on.has(l)).length]; }""")
        if screenshot is not None:
            page.screenshot(path=str(screenshot))
        browser.close()
    return {"drawn_s": drawn, "nodes_drawn": counts[0], "edges_drawn": counts[1],
            "blocked_requests": len(blocked), "page_errors": len(errors)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--synthetic", type=int, default=0, help="use N synthetic events instead of Reuters")
    ap.add_argument("--workdir", default=None, help="where outputs go (default: diplomap's cache dir/bench)")
    ap.add_argument("--no-reuse", action="store_true", help="extract Reuters events again")
    ap.add_argument("--screenshot", default=None, help="save a screenshot of the drawn map")
    ap.add_argument("--static", action="store_true", help="also time a static PNG")
    args = ap.parse_args()

    from geo._files import cache_dir
    from geo.network import build_network, default_capitals
    from geo.render import render_map

    workdir = Path(args.workdir) if args.workdir else cache_dir() / "bench"
    workdir.mkdir(parents=True, exist_ok=True)
    figures: dict[str, object] = {}
    articles: list = []  # type: ignore[type-arg]
    if args.synthetic or not REUTERS.exists():
        n = args.synthetic or 20000
        events = synthetic_events(n)
        figures["input"] = f"synthetic ({n} events)"
    else:
        events, articles, took = reuters_events(workdir, reuse=not args.no_reuse)
        figures["input"] = f"reuters21578 ({len(articles)} articles with events)"
        if took is not None:
            figures["extract_s"] = round(took, 1)
    figures["events"] = len(events)

    t = time.perf_counter()
    default_capitals().capital("FR")  # load the gazetteer index outside the timing below
    figures["gazetteer_load_s"] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    net = build_network(events)
    figures["build_network_s"] = round(time.perf_counter() - t, 2)
    figures.update(nodes=len(net.nodes), edge_legs=len(net.edges), pairs=len(net.pairs))

    html = workdir / "bench_map.html"
    t = time.perf_counter()
    render_map(net, html, title="diplomap benchmark", articles=articles)
    figures["write_html_s"] = round(time.perf_counter() - t, 2)
    figures["html_mb"] = round(html.stat().st_size / 1e6, 2)
    if args.static:
        t = time.perf_counter()
        render_map(net, workdir / "bench_map.png", title="diplomap benchmark")
        figures["write_png_s"] = round(time.perf_counter() - t, 2)
    if Path(CHROMIUM).exists():
        shot = Path(args.screenshot) if args.screenshot else None
        figures.update({k: round(v, 2) if isinstance(v, float) else v for k, v in time_drawn(html, shot).items()})
    else:
        figures["drawn_s"] = "skipped (no chromium)"
    figures["targets"] = "html < 10 MB, drawn < 3 s"
    print(json.dumps(figures, indent=1))
    ok = figures["html_mb"] < 10 and isinstance(figures.get("drawn_s"), float) and figures["drawn_s"] < 3  # type: ignore[operator]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
