"""Speed and memory of :func:`geo.read_articles` (issue 2 "Ingest", issue 5 "Bad input").

Run: ``python bench/bench_ingest.py`` (add ``--quick`` for smaller synthetic inputs).

Measures, each in a fresh subprocess so peak memory is per case:
- the Reuters-21578 JSON Lines corpus from ``../shared`` (skipped when absent);
- a folder of 10,000 tiny text files (one in 250 empty, so errors are exercised);
- one 50 MB plain-text article;
- 500 synthetic HTML pages through trafilatura.
Prints a Markdown table: seconds, articles/second, MB/second, peak RSS.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

_CHILD = """
import json, resource, sys, time
from geo.ingest import read_articles
errors = []
t0 = time.perf_counter()
n = chars = 0
for a in read_articles(sys.argv[1], on_error="skip", errors=errors):
    n += 1
    chars += len(a.text)
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
print(json.dumps({"seconds": dt, "articles": n, "errors": len(errors), "chars": chars, "peak_mb": rss}))
"""

_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Talks {i} | Example</title>
<meta property="article:published_time" content="2024-06-{day:02d}T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks number {i}</h1>
{paras}</article><aside><h2>Most read</h2><ul><li>Other story</li></ul></aside>
<footer>Copyright 2024 Example. All rights reserved.</footer></body></html>"""


def measure(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def make_tiny_folder(root: Path, n: int) -> Path:
    folder = root / "tiny"
    for i in range(n):
        sub = folder / f"d{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = "" if i % 250 == 0 else f"Note {i}\n\nEnvoys met in Lima on Tuesday.\n"
        (sub / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def make_big_article(root: Path, mb: int) -> Path:
    path = root / "big.txt"
    para = "Delegations from Iraq and Russia met in Baghdad to discuss trade, energy and security. " * 6
    with path.open("w", encoding="utf-8") as fh:
        fh.write("A very long report\n\n")
        while fh.tell() < mb * 1_000_000:
            fh.write(para + "\n\n")
    return path


def make_html_pages(root: Path, n: int) -> Path:
    folder = root / "html"
    folder.mkdir()
    para = "<p>The foreign ministers met in Valletta to discuss fishing rights and trade, officials said.</p>"
    for i in range(n):
        page = _PAGE.format(i=i, day=1 + i % 28, paras=para * (5 + i % 10))
        (folder / f"p{i:04d}.html").write_text(page, encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller synthetic inputs")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        root = Path(tmp)
        cases: list[tuple[str, Path]] = []
        reuters = SHARED / "corpora" / "reuters21578" / "articles.jsonl"
        if reuters.is_file():
            cases.append(("Reuters-21578 JSONL", reuters))
        else:
            print(f"(skipping Reuters: {reuters} not found)", file=sys.stderr)
        t = time.perf_counter()
        cases.append(("10,000 tiny .txt files" if not args.quick else "1,000 tiny .txt files",
                      make_tiny_folder(root, 1_000 if args.quick else 10_000)))  # fmt: skip
        cases.append(("one 50 MB .txt article" if not args.quick else "one 5 MB .txt article",
                      make_big_article(root, 5 if args.quick else 50)))  # fmt: skip
        cases.append(("500 HTML pages (trafilatura)" if not args.quick else "50 HTML pages (trafilatura)",
                      make_html_pages(root, 50 if args.quick else 500)))  # fmt: skip
        print(f"(inputs written in {time.perf_counter() - t:.1f} s)", file=sys.stderr)
        for name, path in cases:
            r = measure(path)
            mb = size_mb(path)
            rows.append((name, r, mb))
    print("| input | MB | articles | errors | seconds | articles/s | MB/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, r, mb in rows:
        s = max(r["seconds"], 1e-9)
        print(
            f"| {name} | {mb:.1f} | {r['articles']:,} | {r['errors']:,} | {s:.2f} | "
            f"{r['articles'] / s:,.0f} | {mb / s:.1f} | {r['peak_mb']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
