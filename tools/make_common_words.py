"""Derive ``data/gazetteer/common_words.txt``: frequent English words that are also place names.

A developer tool, not part of the install: it needs ``wordfreq`` (word frequencies, data CC BY-SA
4.0; ``pip install wordfreq``), the built gazetteer, and optionally the Reuters-21578 corpus in
``../shared`` for capitalisation counts. Run it again when the gazetteer's sources change::

    python bench/make_common_words.py [--top 12000]

A word is listed when it is among the ``--top`` most frequent English words, is a gazetteer
name but not first a country's or a continent's, and either

- is often written in lower case in running text (at least a tenth of its occurrences away from
  the start of a sentence: "reading", "mobile", "union", "secretary"), or is a month, a day
  or a compass word ("West");
- or does not name anything notable: a first-level region, a curated place, a capital or a city
  of 100,000 people ("democratic", "supreme", "john": capitalised, but not for a place).

So "china", "jordan", "georgia", "boston" and "paris" are left out: capitalised, they are places.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from geo._files import atomic_write, data_path
from geo.geocode.gazetteer import OfflineGazetteer
from geo.records import PlaceKind

REPO = Path(__file__).resolve().parents[1]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters21578" / "articles.jsonl"
WORD = re.compile(r"[A-Za-z]+")
# capitalised in every sentence, yet never a place on their own: "in March", "on Sunday",
# "the West", "North and South"
CALENDAR = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
}
NOTABLE = {PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.LANDMARK}


def case_counts(path: Path) -> tuple[Counter[str], Counter[str]]:
    """(lower-case, capitalised-not-sentence-initial) counts of every word in the corpus."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in WORD.finditer(text):
                w = m.group()
                if w.islower():
                    lower[w] += 1
                elif w[0].isupper() and w[1:].islower():
                    before = text[max(0, m.start() - 3) : m.start()].rstrip()
                    if before and before[-1] not in '.!?"\n:;-' and not before.endswith("\n"):
                        upper[w.lower()] += 1
    return lower, upper


def main() -> None:
    import wordfreq

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=12000)
    args = ap.parse_args()
    gaz = OfflineGazetteer()
    lower, upper = case_counts(REUTERS) if REUTERS.exists() else (Counter(), Counter())
    words: list[str] = []
    for w in wordfreq.top_n_list("en", args.top):
        if not w.isalpha() or not w.isascii() or len(w) < 3:
            continue
        found = gaz.candidates(w)
        if not found or (found[0].kind in {PlaceKind.COUNTRY, PlaceKind.CONTINENT} and w not in CALENDAR):
            continue
        lo, up = lower[w], upper[w]
        often_lower = lo + up >= 3 and lo >= 0.1 * (lo + up)
        notable = any(
            p.kind in NOTABLE or gaz.capital(p.country or "") == p or p.population >= 100_000
            for p in found[:5]
        )
        if w in CALENDAR or often_lower or not notable:
            words.append(w)
    out = data_path("gazetteer", "common_words.txt")
    with atomic_write(out) as fh:
        fh.write(
            "# Frequent English words that are also place names somewhere (derived by\n"
            "# bench/make_common_words.py from wordfreq frequencies, CC BY-SA 4.0, and the gazetteer).\n"
            "# The mentions stage treats a match on one of these as ambiguous.\n"
        )
        for w in sorted(set(words)):
            fh.write(w + "\n")
    print(f"{len(set(words))} words written to {out}")


if __name__ == "__main__":
    main()
