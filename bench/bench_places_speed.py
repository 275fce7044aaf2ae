"""Speed of ``diplomap places`` on the Reuters-21578 corpus (13,166 articles).

Measures, each in a fresh process:

* **cold start**: building the gazetteer index into an empty cache directory
  (``diplomap gazetteer build``);
* **warm start**: ``diplomap places`` on one short article with the index already built
  (interpreter start, imports, index load, one article);
* **full run**: ``diplomap places`` over ``../shared/corpora/reuters21578/articles.jsonl``:
  wall time, articles/second, MB/second and peak resident memory.

The corpus is read from ``../shared`` beside the repository and never copied into it.

Usage::

    python bench/bench_places_speed.py [--limit N] [--cache-dir DIR] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl"


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB) of that one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
    return wall, usage.ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0 = all)")
    ap.add_argument("--cache-dir", help="use this (warm) cache directory instead of building a fresh one")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found", file=sys.stderr)
        return 0
    py = [sys.executable, "-m", "geo", "-q"]
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        env = dict(os.environ)
        if args.cache_dir:
            env["DIPLOMAP_CACHE_DIR"] = args.cache_dir
        else:
            env["DIPLOMAP_CACHE_DIR"] = str(tmpdir / "cache")
            wall, rss = timed([*py, "gazetteer", "build"], env)
            figures["cold_start_s"] = wall
            figures["cold_start_peak_mb"] = rss
        corpus = CORPUS
        if args.limit:
            corpus = tmpdir / "subset.jsonl"
            with open(CORPUS, encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as dst:
                for i, line in enumerate(src):
                    if i >= args.limit:
                        break
                    dst.write(line)
        one = tmpdir / "one.txt"
        one.write_text(
            "Talks in Baghdad\n\nBAGHDAD, March 3 - Iraqi and Russian officials met.\n", encoding="utf-8"
        )
        figures["warm_start_s"], _ = timed(
            [*py, "places", str(one), "-o", str(tmpdir / "one.jsonl"), "--no-progress"], env
        )
        out = tmpdir / "places.jsonl"
        wall, rss = timed([*py, "places", str(corpus), "-o", str(out), "--no-progress"], env)
        with open(out, encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        mb = corpus.stat().st_size / 1e6
        figures.update(
            full_run_s=wall,
            articles=n,
            megabytes=mb,
            articles_per_s=n / wall,
            mb_per_s=mb / wall,
            peak_mb=rss,
        )
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:{width}}  {value:,.2f}" if isinstance(value, float) else f"{key:{width}}  {value:,}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
