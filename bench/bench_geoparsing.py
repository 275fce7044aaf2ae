"""Geoparsing quality: ``diplomap places`` on the four benchmark corpora, scored with ``score.py``.

Reads ``../shared/benchmarks/geoparsing/`` (beside the repository; never copied into it), runs
``diplomap places`` on each corpus, scores the output with the benchmark's own ``score.py``
under its default protocol (overlap row, all gold toponyms) and under the EUPEG protocol
(exact row; GeoWebNews restricted to GeoNames-linked gold with ``--require-geonameid``), and
prints a table beside the published systems: the EUPEG rows of ``published_results.csv`` and
the same scorer run on the stored CLAVIN / CamCoder / Edinburgh / StanfordNER outputs.

Usage::

    python bench/bench_geoparsing.py [--corpus lgl trnews ...] [--json results.json] [--markdown]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "benchmarks" / "geoparsing"
CORPORA = {
    "geowebnews": "GeoWebNews",
    "lgl": "LGL",
    "trnews": "TR-News",
    "geovirus": "GeoVirus",
}
BASELINES = ("clavin", "camcoder", "edinburgh", "stanfordner")


def score(gold: Path, pred: Path, *extra: str) -> dict:
    """Run ``score.py`` and return its JSON metrics (the ``all`` block)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.json"
        subprocess.run(
            [sys.executable, str(BENCH / "score.py"), str(gold), str(pred), "--json", str(out), *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        return json.loads(out.read_text())["all"]


def protocols(corpus: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Protocol name -> (row to read, score.py options)."""
    eupeg = ("--protocol", "eupeg") + (("--require-geonameid",) if corpus == "geowebnews" else ())
    return {"default": ("overlap", ()), "eupeg": ("exact", eupeg)}


def row(metrics: dict, mode: str) -> dict[str, float]:
    m = metrics["modes"][mode]
    return {
        "P": 100 * m["recognition"]["precision"],
        "R": 100 * m["recognition"]["recall"],
        "F1": 100 * m["recognition"]["f1"],
        "acc161": 100 * (m["resolution_matched"]["acc161"] or 0.0),
        "mean_km": m["resolution_matched"]["mean_km"] or 0.0,
        "e2e_acc161": 100 * (m["resolution_e2e"]["acc161"] or 0.0),
    }


def run_places(corpus_file: Path, out: Path) -> float:
    """``diplomap places`` on one corpus; returns wall seconds."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "geo", "-q", "places", str(corpus_file), "-o", str(out), "--no-progress"],
        check=True,
    )
    return time.perf_counter() - t0


def published(corpus: str) -> dict[str, dict[str, float]]:
    """EUPEG rows of published_results.csv for one corpus."""
    name = CORPORA[corpus]
    rows: dict[str, dict[str, float]] = {}
    with open(BENCH / "published_results.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["corpus"] == name and r["protocol"].startswith("EUPEG") and r["f1"]:
                rows[r["system"]] = {
                    "P": 100 * float(r["precision"]),
                    "R": 100 * float(r["recall"]),
                    "F1": 100 * float(r["f1"]),
                    "acc161": 100 * float(r["acc161"]) if r["acc161"] else float("nan"),
                }
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", choices=list(CORPORA), default=list(CORPORA))
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table for the README")
    ap.add_argument("--keep", help="directory to keep the prediction files in")
    args = ap.parse_args(argv)
    if not BENCH.exists():
        print(f"skipped: {BENCH} not found", file=sys.stderr)
        return 0
    results: dict[str, dict] = {}
    keep = Path(args.keep) if args.keep else None
    with tempfile.TemporaryDirectory() as tmp:
        outdir = keep or Path(tmp)
        outdir.mkdir(parents=True, exist_ok=True)
        for corpus in args.corpus:
            gold = BENCH / f"{corpus}.jsonl"
            pred = outdir / f"{corpus}.diplomap.jsonl"
            secs = run_places(gold, pred)
            res: dict = {"seconds": secs, "systems": {}}
            for proto, (mode, opts) in protocols(corpus).items():
                res["systems"].setdefault("diplomap", {})[proto] = row(score(gold, pred, *opts), mode)
                for system in BASELINES:
                    base = BENCH / "baselines" / f"{corpus}.{system}.eupeg.jsonl"
                    if base.exists():
                        res["systems"].setdefault(system, {})[proto] = row(score(gold, base, *opts), mode)
            res["published_eupeg"] = published(corpus)
            results[corpus] = res
    _print(results, markdown=args.markdown)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


def _print(results: dict[str, dict], *, markdown: bool) -> None:
    if markdown:
        print("| corpus | system | default P/R/F1 | default acc@161 | EUPEG P/R/F1 | EUPEG acc@161 |")
        print("|---|---|---|---|---|---|")
    for corpus, res in results.items():
        if not markdown:
            print(f"\n== {CORPORA[corpus]}  (diplomap places: {res['seconds']:.1f} s)")
            print(f"{'system':22} {'protocol':8} {'P':>6} {'R':>6} {'F1':>6} {'acc161':>7} {'mean km':>8}")
        for system, protos in res["systems"].items():
            d, e = protos["default"], protos["eupeg"]
            if markdown:
                print(
                    f"| {CORPORA[corpus]} | {system} | {d['P']:.1f}/{d['R']:.1f}/{d['F1']:.1f} | {d['acc161']:.1f} "
                    f"| {e['P']:.1f}/{e['R']:.1f}/{e['F1']:.1f} | {e['acc161']:.1f} |"
                )
                continue
            for proto, r in protos.items():
                print(
                    f"{system:22} {proto:8} {r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f} {r['acc161']:7.1f} {r['mean_km']:8.0f}"
                )
        if not markdown:
            for system, r in res["published_eupeg"].items():
                print(
                    f"{system + ' (published)':22} {'eupeg':8} {r['P']:6.1f} {r['R']:6.1f} {r['F1']:6.1f} {r['acc161']:7.1f}"
                )


if __name__ == "__main__":
    sys.exit(main())
