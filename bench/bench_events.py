"""Quality and speed of event extraction (issue 3).

Run: ``python bench/bench_events.py [--jobs N] [--limit N] [--skip-corpus]``.

1. Quality: extracts events from the seeds and the development gold in ``../shared`` and
   scores them with ``../shared/score_events.py``: dyad P/R/F1 (the headline), event-level
   F1 (family and strict), location accuracy within 50 km, and recall per event type.
2. Speed: runs ingest -> mentions -> events over the whole Reuters-21578 corpus in a fresh
   subprocess (with a progress bar on stderr) and prints articles per second, events found
   and peak memory (the largest resident set of the parent and of any worker).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

_CHILD = """
import json, resource, sys, time
from tqdm import tqdm
from geo.events import iter_events
from geo.geocode import default_gazetteer
from geo.ingest import read_articles
from geo.output import write_events_file

path, out, jobs, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
default_gazetteer().build()  # index load is counted apart from extraction
t0 = time.perf_counter()
n = 0
def articles():
    global n
    for a in tqdm(read_articles([path]), unit=" articles", mininterval=1.0, file=sys.stderr):
        if limit and n >= limit:
            return
        n += 1
        yield a
events = write_events_file(iter_events(articles(), jobs=jobs), out)
dt = time.perf_counter() - t0
self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": dt, "articles": n, "events": events, "peak_mb": max(self_mb, child_mb)}))
"""


def _score(gold: Path, inputs: list[str], out: Path) -> dict:  # type: ignore[type-arg]
    from geo.events import iter_events
    from geo.ingest import read_articles
    from geo.output import write_events_file

    write_events_file(iter_events(read_articles(inputs)), out)
    text = subprocess.run(
        [sys.executable, str(SHARED / "score_events.py"), str(gold), str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(text[: text.rindex("}") + 1])


def quality(tmp: Path) -> None:
    sets = {
        "seeds": (SHARED / "seeds_gold.jsonl", sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))),
        "dev": (SHARED / "dev_gold" / "gold.jsonl", [str(SHARED / "dev_gold" / "articles.jsonl")]),
    }
    print("| set | dyad P | dyad R | dyad F1 | event F1 (family) | event F1 (strict) | location@50km |")
    print("|---|---|---|---|---|---|---|")
    recalls = {}
    for name, (gold, inputs) in sets.items():
        r = _score(gold, inputs, tmp / f"{name}.jsonl")
        d, f, s = r["dyad"], r["family"], r["strict"]
        print(
            f"| {name} | {d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | {f['f1']:.3f} | {s['f1']:.3f} "
            f"| {f['location_acc50km']} |"
        )
        recalls[name] = r["strict"]["recall_by_type"]
    print()
    types = sorted({t for rec in recalls.values() for t in rec})
    print("| set | " + " | ".join(types) + " |")
    print("|---|" + "---|" * len(types))
    for name, rec in recalls.items():
        print(f"| {name} recall | " + " | ".join(f"{rec[t]:.2f}" if t in rec else "-" for t in types) + " |")


def speed(tmp: Path, jobs: int, limit: int) -> None:
    corpus = SHARED / "corpora" / "reuters21578" / "articles.jsonl"
    if not corpus.is_file():
        print(f"corpus not found at {corpus}; skipped")
        return
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(corpus), str(tmp / "reuters.jsonl"), str(jobs), str(limit)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    r = json.loads(out.strip().splitlines()[-1])
    print()
    print("| corpus | jobs | articles | events | seconds | articles/s | peak MB |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| reuters21578 | {jobs} | {r['articles']} | {r['events']} | {r['seconds']:.1f} | "
        f"{r['articles'] / r['seconds']:.0f} | {r['peak_mb']:.0f} |"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="stop the corpus run after this many articles")
    ap.add_argument("--skip-corpus", action="store_true")
    a = ap.parse_args()
    if not SHARED.is_dir():
        print(f"shared data not found at {SHARED}; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        quality(Path(tmp))
        if not a.skip_corpus:
            speed(Path(tmp), a.jobs, a.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
