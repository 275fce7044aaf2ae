"""Quality floors of geoparsing (issue 2), computed from the gold files in ../shared.

* Seeds: every gold place named in an article's text is found, in the right country, and a
  city lies within 25 km of its gold position.
* Benchmarks (GeoWebNews, TR-News, LGL): recognition F1 and accuracy within 161 km beat CLAVIN,
  corpus by corpus, under the EUPEG protocol of the benchmark's own ``score.py`` (exact span
  match; GeoWebNews restricted to GeoNames-linked gold). CLAVIN's figures are computed here from
  its stored output with the same scorer, not copied.

Everything skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from geo.geocode import default_gazetteer
from geo.ingest import read_articles
from geo.mentions import find_mentions
from geo.pipeline import places_record
from geo.records import MentionKind, PlaceKind

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH = SHARED / "benchmarks" / "geoparsing"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "seeds_gold.jsonl"

pytestmark = pytest.mark.shared


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _seed_cases() -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    if not SEEDS_GOLD.exists():
        return []
    cases = []
    for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for place in record["places"]:
            cases.append((record["id"], place))
    return cases


@pytest.fixture(scope="module")
def seed_mentions():  # type: ignore[no-untyped-def]
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not found")
    gaz = default_gazetteer()
    return {a.id: (a, find_mentions(a, gaz)) for a in read_articles([str(SEEDS)])}


@pytest.mark.parametrize(
    ("article_id", "gold"), _seed_cases(), ids=lambda v: v if isinstance(v, str) else v["name"]
)
def test_seed_place_found_in_the_right_country(article_id: str, gold: dict, seed_mentions) -> None:  # type: ignore[no-untyped-def,type-arg]
    article, mentions = seed_mentions[article_id]
    if gold["name"] not in article.text:
        pytest.skip(f"{gold['name']!r} is not in the article text")
    found = [
        m
        for m in mentions.places
        if m.kind in (MentionKind.TOPONYM, MentionKind.METONYM)
        and m.place is not None
        and gold["name"] in m.text
    ]
    assert found, f"{gold['name']} not found; found {[m.text for m in mentions.places]}"
    first = found[0]
    assert first.country == gold["country"]
    if first.place is not None and first.place.kind is PlaceKind.CITY and gold["lat"] is not None:
        assert first.place.lat is not None and first.place.lon is not None
        assert _km(gold["lat"], gold["lon"], first.place.lat, first.place.lon) <= 25


# ---------------------------------------------------------------------------------------------
# benchmark floors against CLAVIN


def _score(gold: Path, pred: Path, corpus: str, tmp: Path) -> tuple[float, float]:
    """(F1, acc@161) of the exact row under the EUPEG protocol."""
    out = tmp / f"{pred.stem}.metrics.json"
    extra = ["--require-geonameid"] if corpus == "geowebnews" else []
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "score.py"),
            str(gold),
            str(pred),
            "--protocol",
            "eupeg",
            *extra,
            "--json",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    exact = json.loads(out.read_text())["all"]["modes"]["exact"]
    return exact["recognition"]["f1"], exact["resolution_matched"]["acc161"]


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["geowebnews", "trnews", "lgl"])
def test_benchmark_beats_clavin(corpus: str, tmp_path: Path) -> None:
    gold = BENCH / f"{corpus}.jsonl"
    clavin = BENCH / "baselines" / f"{corpus}.clavin.eupeg.jsonl"
    if not gold.exists() or not clavin.exists():
        pytest.skip("../shared/benchmarks/geoparsing not found")
    gaz = default_gazetteer()
    pred = tmp_path / f"{corpus}.jsonl"
    with open(pred, "w", encoding="utf-8") as fh:
        fh.writelines(
            json.dumps(places_record(article, find_mentions(article, gaz))) + "\n"
            for article in read_articles([str(gold)])
        )
    f1, acc = _score(gold, pred, corpus, tmp_path)
    clavin_f1, clavin_acc = _score(gold, clavin, corpus, tmp_path)
    assert f1 > clavin_f1, f"{corpus}: F1 {f1:.3f} <= CLAVIN {clavin_f1:.3f}"
    assert acc > clavin_acc, f"{corpus}: acc@161 {acc:.3f} <= CLAVIN {clavin_acc:.3f}"
