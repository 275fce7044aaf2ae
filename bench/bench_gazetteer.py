"""Speed and memory of the offline gazetteer: cold build, warm load, lookups, text scanning.

    python bench/bench_gazetteer.py [--articles N]

Each phase runs in a fresh subprocess against a temporary ``DIPLOMAP_CACHE_DIR`` so that its
time and peak memory (``ru_maxrss``) are its own. The text-scanning phase reads
``../shared/corpora/reuters21578/articles.jsonl`` when it exists and is skipped otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl"

NAMES = [
    "Baghdad",
    "Moscow",
    "Paris",
    "Green Zone",
    "Türkiye",
    "Soviet Union",
    "Georgia",
    "Jordan",
    "New York",
    "Washington",
    "Springfield",
    "São Paulo",
    "Kyiv",
    "Gaza Strip",
    "Calif.",
    "UK",
    "Arab League",
    "Xqzzy",
]

PHASES = {
    "cold": """
import time
from geo.geocode.gazetteer import OfflineGazetteer
t = time.perf_counter(); g = OfflineGazetteer(); g.build(force=True)
out = {"seconds": time.perf_counter() - t, "entries": g.info()["entries"], "names": g.info()["names"],
       "searchable_names": g.info()["searchable_names"], "index_mb": sum(p.stat().st_size for p in g.path.parent.glob("gazetteer-*.pickle")) / 1e6}
""",
    "warm": """
import time
t = time.perf_counter()
from geo.geocode.gazetteer import OfflineGazetteer
g = OfflineGazetteer(); g.geocode("Baghdad")
out = {"seconds": time.perf_counter() - t, "load_seconds": g.info()["load_seconds"]}
""",
    "lookups": """
import time
from geo.geocode.gazetteer import OfflineGazetteer
g = OfflineGazetteer(); g.geocode("Baghdad")
names = NAMES * 2000
t = time.perf_counter()
for n in names: g.geocode(n)
dt = time.perf_counter() - t
t = time.perf_counter()
for n in names: g.candidates(n)
dt2 = time.perf_counter() - t
out = {"geocode_per_s": len(names) / dt, "candidates_per_s": len(names) / dt2}
""",
    "scan": """
import json, time
from geo.geocode.gazetteer import OfflineGazetteer
g = OfflineGazetteer(); g.geocode("Baghdad")
texts = []
with open(REUTERS, encoding="utf-8") as fh:
    for i, line in enumerate(fh):
        if i >= ARTICLES: break
        texts.append(json.loads(line)["text"])
t = time.perf_counter(); hits = 0
for text in texts:
    hits += sum(1 for _ in g.find_names(text))
dt = time.perf_counter() - t
mb = sum(len(x.encode("utf-8")) for x in texts) / 1e6
out = {"articles": len(texts), "seconds": dt, "articles_per_s": len(texts) / dt, "mb_per_s": mb / dt,
       "hits_per_article": hits / max(1, len(texts))}
""",
}


def run_phase(name: str, cache: str, articles: int) -> dict[str, float]:
    code = (
        f"NAMES = {NAMES!r}\nREUTERS = {str(REUTERS)!r}\nARTICLES = {articles}\n"
        + PHASES[name]
        + "\nimport resource, json\nout['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        + "print(json.dumps(out))\n"
    )
    env = dict(os.environ, DIPLOMAP_CACHE_DIR=cache)
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=REPO
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000, help="Reuters articles to scan (default: all)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="diplomap-bench-") as cache:
        cold = run_phase("cold", cache, args.articles)
        print(
            f"cold build : {cold['seconds']:6.1f} s   peak {cold['peak_mb']:5.0f} MB   "
            f"{cold['entries']:,} entries, {cold['names']:,} names ({cold['searchable_names']:,} in the automaton), "
            f"index {cold['index_mb']:.0f} MB"
        )
        warm = run_phase("warm", cache, args.articles)
        print(
            f"warm start : {warm['seconds']:6.2f} s   peak {warm['peak_mb']:5.0f} MB   "
            f"(index load {warm['load_seconds']:.2f} s, rest is imports)"
        )
        look = run_phase("lookups", cache, args.articles)
        print(
            f"lookups    : {look['geocode_per_s']:,.0f} geocode/s, {look['candidates_per_s']:,.0f} candidates/s"
        )
        if REUTERS.exists():
            scan = run_phase("scan", cache, args.articles)
            print(
                f"find_names : {scan['articles']:,} Reuters articles in {scan['seconds']:.1f} s = "
                f"{scan['articles_per_s']:,.0f} articles/s, {scan['mb_per_s']:.1f} MB/s, "
                f"{scan['hits_per_article']:.1f} candidate spans/article, peak {scan['peak_mb']:.0f} MB"
            )
        else:
            print(f"find_names : skipped ({REUTERS} not found)")


if __name__ == "__main__":
    main()
