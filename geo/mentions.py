"""Find and resolve what an article mentions: places, states, officials and non-state actors.

:func:`find_mentions` turns one :class:`~geo.records.Article` into a
:class:`~geo.records.Mentions` record:

* **toponyms** found with the gazetteer's Aho–Corasick automaton, filtered the way a reader
  would (capitalised, not a month, not part of a person's, organisation's or newspaper's name,
  not page furniture), longest match first, and resolved the way a geographer would: prefer
  places in the states the article already names (explicit countries, demonyms, the dateline),
  places near the article's other places, then countries, capitals and large places;
* **demonyms** and adjectives ("Iraqi", "Russian-made") as the state they name;
* **metonyms**: capitals standing for their governments ("Moscow and Baghdad held talks",
  "Tehran's position", "Washington said");
* **datelines** ("BAGHDAD, March 3 -", "Baghdad:"), marked and returned as ``Mentions.dateline``;
* **non-state actors** (ISIS, Hezbollah, the ANC...), never states;
* **officials and bodies** as :class:`~geo.records.Actor` records with the state they serve,
  with coreference inside the article (see :func:`resolve_name` and :func:`actor_at`).

Plain data files in ``data/lexicon/`` (demonyms, titles, bodies, non-state actors, stop-names,
given names) drive the rules; see their README.

For the events stage
--------------------
``find_mentions(article, gazetteer=None) -> Mentions``
    ``places`` ordered by start (kinds TOPONYM, DEMONYM, METONYM, NONSTATE; NONSTATE has
    ``place=None, country=None``); ``actors``; ``dateline``. ``Mentions.countries()`` lists the
    states named, non-state actors excluded.
``resolve_name(mentions, name) -> Actor | None``
    The official a bare name refers to ("Salih", "Lavrov", "Fuad Hussein"): full name first,
    then surname.
``actor_at(mentions, start, end) -> Actor | None``
    The actor whose span overlaps ``[start, end)``. Every later mention of a named official
    ("Salih said ...") is an :class:`Actor` of its own with the same name, title and country and
    its own span, so a sentence can be scanned by span.
``state_of(mentions, start, end) -> str | None``
    The state a span stands for: through an actor there, else a toponym, demonym or metonym
    there (never a non-state actor).

An actor's ``name`` is the person's name, or for a body or an unnamed official the phrase
itself ("the Iraqi Foreign Ministry", "the Iraqi president", "U.S. officials"); its ``title`` is
lower case ("foreign minister and deputy prime minister", "ambassador to moscow").
"""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from geo._files import data_path
from geo._regex import has_odd_case
from geo.errors import GeocodingError
from geo.records import Actor, Article, Mention, MentionKind, Mentions, Place, PlaceKind

if TYPE_CHECKING:
    from geo.geocode.gazetteer import OfflineGazetteer

log = logging.getLogger(__name__)

__all__ = [
    "Lexicon",
    "actor_at",
    "find_mentions",
    "find_mentions_many",
    "find_mentions_naming",
    "load_lexicon",
    "resolve_name",
    "state_of",
]

# --------------------------------------------------------------------------------------
# lexicon (plain data files, loaded once)
# --------------------------------------------------------------------------------------

_NO_PLURAL = ("ese", "ish", "ch", "ss", "sh", "s", ".", "i made", "-made")


@dataclass(frozen=True)
class Lexicon:
    """The word lists that drive the rules (``data/lexicon/*``)."""

    demonyms: dict[str, str]  # surface form -> ISO code or "=Region name"
    nonstate: dict[str, str]  # surface form -> canonical name
    titles: tuple[str, ...]  # title heads, lower case, longest first
    bodies: tuple[str, ...]  # body heads, lower case, longest first
    stopnames: frozenset[str]
    function_words: frozenset[str]
    given_names: frozenset[str]
    automaton: Any  # ahocorasick.Automaton over demonym and non-state forms


def _lines(name: str) -> Iterator[str]:
    path = data_path("lexicon", name)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``data/lexicon/`` once and build the demonym / non-state automaton."""
    import ahocorasick

    demonyms: dict[str, str] = {}
    for line in _lines("demonyms.tsv"):
        forms, target = line.split("\t")[:2]
        for form in forms.split(","):
            form = form.strip()
            demonyms[form] = target
            if not form.endswith(_NO_PLURAL) and not form.isupper():
                demonyms.setdefault(form + "s", target)
            head, _, rest = form.partition(" ")
            if rest and rest != rest.lower():
                # wire copy lower-cases the second word now and then ("his West german counterpart")
                demonyms.setdefault(head + " " + rest.lower(), target)
    nonstate: dict[str, str] = {}
    for line in _lines("nonstate.tsv"):
        parts = line.split("\t")
        for form in parts[0].split(","):
            nonstate[form.strip()] = parts[1].strip()
    titles = tuple(sorted({t.strip().lower() for t in _lines("titles.txt")}, key=len, reverse=True))
    bodies = tuple(sorted({t.strip().lower() for t in _lines("bodies.txt")}, key=len, reverse=True))
    stop = frozenset(t.strip().lower() for t in _lines("stopnames.txt"))
    func = frozenset(t.strip().lower() for t in _lines("function_words.txt"))
    given = frozenset(w.lower() for line in _lines("given_names.txt") for w in line.split())
    auto = ahocorasick.Automaton()
    for form, target in demonyms.items():
        for f in {form, form.upper()}:
            auto.add_word(f, (len(f), "demonym", target))
    for form, canonical in nonstate.items():
        auto.add_word(form, (len(form), "nonstate", canonical))
        if form.upper() != form and len(form) > 4:
            auto.add_word(form.upper(), (len(form), "nonstate", canonical))
    auto.make_automaton()
    return Lexicon(demonyms, nonstate, titles, bodies, stop, func, given, auto)


# --------------------------------------------------------------------------------------
# regular expressions, compiled once
# --------------------------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "BAGHDAD, March 3 -", "WASHINGTON (Reuters) -", "UNITED NATIONS, March 3 -", "SALVADOR, Feb 26 -"
_DATELINE_CAPS = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’\-]+(?:[ \xa0][A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,[ \xa0]*(?P<region>[A-Z][A-Za-z.]+(?:[ \xa0][A-Z][A-Za-z.]+)?))?"
    r"(?:,?[ \xa0]*" + _MONTH + r"[ \xa0]*\d{1,2}(?:,[ \xa0]*\d{4})?)?"
    r"(?:[ \xa0]*\((?:[A-Za-z][\w .&-]*)\))?[ \xa0]*(?:-|–|—|--|:)"
)
# "Baghdad:" / "Baghdad, March 3 -" at the start of a paragraph, in title case
_DATELINE_TITLE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][a-z]+(?:[ \xa0][A-Z][a-z]+){0,2})"
    r"(?:(?:,[ \xa0]*"
    + _MONTH
    + r"[ \xa0]*\d{1,2}(?:,[ \xa0]*\d{4})?)?[ \xa0]*(?:\((?:[A-Za-z][\w .&-]*)\))?[ \xa0]*(?:–|—|--|-(?=\s))"
    r"|[ \xa0]*:(?=[ \xa0]))"
)
_SENT_END = re.compile(r"[.!?]['\"”’)]*\s*$|^\s*$|[\n\r]\s*$|[\"“‘(\[]\s*$")
_PREV_WORD = re.compile(r"([A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)\.?[ \xa0]$")
# capitalised modifiers that only ever open a title phrase ("Deputy Prime Minister")
_TITLE_MOD_BEFORE_WORDS = tuple(
    "Deputy Vice Prime Foreign Acting Finance Trade Defence Defense Interior Economy Agriculture Justice".split()
)
_TITLE_MOD_BEFORE = re.compile(r"\b(?:" + "|".join(_TITLE_MOD_BEFORE_WORDS) + r")[ \xa0]$")
_PREV_PARTICLES = frozenset(
    """de del della la le da do dos das di du
    van von der den bin ibn ben abu al el ul y arap ould wa zu af""".split()
)
_PREV_PARTICLE = re.compile(r"([A-Z][\w'’-]*)[ \xa0](?:" + "|".join(sorted(_PREV_PARTICLES)) + r")[ \xa0]$")
_NEXT_WORD = re.compile(r"^[ \xa0]([A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)")
# a capitalised word after a place that names an accord or a meeting there: the place is kept
# ("1956 Geneva Convention", "Schengen Agreement"; meetings only after a sizeable place, "the Madrid
# Conference"; no "Round": "Kennedy Round" names a person)
_ACCORD_HEADS = frozenset(
    """agreement agreements accord accords convention conventions treaty treaties pact protocol
    declaration charter communique""".split()
)
_MEETING_HEADS = frozenset("talks meeting summit conference".split())
# a lower-case head noun after a name says the name is a place ("Thassos island", "Hvar port")
_HEAD_NOUN_AFTER = re.compile(
    r"^[ \xa0]+(?:island|islands|isle|river|lake|mountains|peninsula|valley|bay|port|harbour|harbor|"
    r"airport|province|region|district|county|city|town|village)\b"
)
# a demonym inside an organisation's name: "Economic Community of West African States",
# "Association of South East Asian Nations", "Organisation of African Unity"
_ORG_NAME_BEFORE = re.compile(r"\b(?:[A-Z][a-z]+)[ \xa0]of[ \xa0](?:the[ \xa0])?(?:[A-Z][\w-]*[ \xa0]){0,3}$")
_ORG_NAME_AFTER = re.compile(
    r"^[ \xa0](?:[A-Z][a-z]+[ \xa0])?(?:States|Nations|Countries|Unity|Republics|Peoples)\b"
)
_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \xa0]of(?:[ \xa0]the)?(?:[ \xa0][A-Z][a-z]+)?[ \xa0]$")
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)(?!\w)")
_LOCATIVE_WORDS = tuple(
    """in to from at into near outside inside via across toward towards through around visit visited visiting
    visits arrived arrives arriving left leave flew travel travelled traveled based born embassy""".split()
)
_LOCATIVE_ENDINGS = _LOCATIVE_WORDS + ("the",)  # the last word before a match of _LOCATIVE_BEFORE ends so
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:" + "|".join(_LOCATIVE_WORDS) + r")[ \xa0]+(?:the[ \xa0]+)?$", re.IGNORECASE
)
_SPEECH_AFTER = re.compile(
    r"^,?[ \xa0]+(?:(?:has|have|had|will|would|could|may|might|must|is|was|were|are|did|does|also|has also|"
    r"had also|again|then|now|already|still|has now|repeatedly|on [A-Z][a-z]+day)[ \xa0]+){0,3}"
    r"(?:said|says|say|announced|announces|accused|accuses|rejected|rejects|warned|warns|insisted|insists|"
    r"denied|denies|agreed|agrees|urged|urges|wants|want|wanted|hopes|hoped|signed|signs|called|calls|"
    r"offered|offers|demanded|demands|refused|refuses|condemned|condemns|welcomed|welcomes|supports|"
    r"supported|support|backed|backs|threatened|threatens|imposed|imposes|expelled|expels|recalled|"
    r"recalls|protested|protests|responded|responds|claimed|claims|sent|sends|opposed|opposes|"
    r"criticized|criticised|criticizes|criticises|blamed|blames|pledged|pledges|promised|promises|"
    r"proposed|proposes|decided|decides|declared|declares|asked|asks|told|tells|believes|believed|"
    r"maintains|maintained|considers|considered|recognized|recognised|recognizes|recognises|"
    r"agreed|approved|approves|vetoed|vowed|vows|retaliated|reacted|reacts|sought|seeks|seek|"
    r"insisted|stated|states|noted|notes|stressed|stresses|reiterated|confirmed|confirms|"
    r"has been|have been|and)\b"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween[ \xa0]+$")
_CAPS_LINE = re.compile(r"(?m)^[^\n]+$")  # the lines of a text, less the empty ones

# Place-type words that may follow a place name without making it a person's name.
_PLACE_HEADS = frozenset(
    [
        "river",
        "county",
        "city",
        "province",
        "region",
        "state",
        "republic",
        "district",
        "governorate",
        "oblast",
        "valley",
        "mountains",
        "mountain",
        "mount",
        "island",
        "islands",
        "isles",
        "sea",
        "gulf",
        "bay",
        "lake",
        "strait",
        "straits",
        "peninsula",
        "desert",
        "basin",
        "coast",
        "square",
        "palace",
        "bridge",
        "dam",
        "port",
        "harbor",
        "harbour",
        "airport",
        "border",
        "borders",
        "plain",
        "plains",
        "highlands",
        "canal",
        "delta",
        "area",
        "metro",
        "municipality",
        "parish",
        "township",
        "village",
        "town",
        "borough",
        "prefecture",
        "territory",
        "territories",
        "zone",
        "park",
        "street",
        "avenue",
        "road",
        "boulevard",
        "heights",
        "hills",
        "hill",
        "forest",
        "beach",
        "falls",
        "capital",
        "embassy",
    ]
)
# Heads that make the name before them an organisation, company or publication.
_ORG_HEADS = frozenset(
    [
        "daily",
        "times",
        "post",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "telegraph",
        "guardian",
        "observer",
        "news",
        "press",
        "agency",
        "television",
        "tv",
        "radio",
        "broadcasting",
        "network",
        "magazine",
        "review",
        "star",
        "sun",
        "globe",
        "chronicle",
        "mail",
        "express",
        "standard",
        "inquirer",
        "courier",
        "dispatch",
        "bulletin",
        "monitor",
        "weekly",
        "record",
        "register",
        "bank",
        "banks",
        "club",
        "group",
        "council",
        "university",
        "college",
        "institute",
        "school",
        "academy",
        "company",
        "co",
        "corp",
        "corporation",
        "inc",
        "ltd",
        "plc",
        "llc",
        "airlines",
        "airways",
        "air",
        "railways",
        "railway",
        "motors",
        "industries",
        "international",
        "holdings",
        "partners",
        "associates",
        "fund",
        "foundation",
        "association",
        "society",
        "federation",
        "league",
        "union",
        "commission",
        "committee",
        "party",
        "front",
        "movement",
        "exchange",
        "corporation",
        "trust",
        "board",
        "authority",
        "forum",
        "games",
        "olympics",
        "cup",
        "open",
        "marathon",
        "grand",
        "prix",
        "festival",
        "orchestra",
        "symphony",
        "opera",
        "ballet",
        "museum",
        "hospital",
        "clinic",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "prison",
        "jail",
        "police",
        "sheriff",
        "fire",
        "department",
        "office",
        "bureau",
        "court",
        "tribunal",
        "institute",
        "center",
        "centre",
        "initiative",
        "project",
        "program",
        "programme",
        "fc",
        "united",
        "city's",
        "stadium",
        "arena",
        "hotel",
        "mall",
    ]
)
# heads of organisations named "<Head> of <Place>": Bank of England, University of Iowa
_ORG_OF_HEADS = frozenset(
    [
        "bank",
        "organisation",
        "organization",
        "embassy",
        "ministry",
        "consulate",
        "university",
        "college",
        "institute",
        "museum",
        "church",
        "council",
        "chamber",
        "association",
        "club",
        "party",
        "federation",
        "league",
        "society",
        "academy",
        "school",
        "diocese",
        "archdiocese",
        "archbishop",
        "bishop",
        "patriarch",
        "company",
        "corporation",
        "port-authority",
        "board",
    ]
)
_NAME_PARTICLES = frozenset(
    ["upon", "over", "under", "sobre", "sous", "della", "dello", "delle", "degli", "dels", "dos", "das"]
)
_POSSESSIVE_INSIDE = re.compile(r"\w['’]s\s")
_DIRECTIONAL = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
    ]
)
_ACRONYM_PLACES = frozenset(
    [
        "US",
        "U.S.",
        "U.S.A.",
        "USA",
        "UK",
        "U.K.",
        "UAE",
        "U.A.E.",
        "USSR",
        "U.S.S.R.",
        "DPRK",
        "PRC",
        "ROK",
        "DRC",
        "EU",
        "E.U.",
        "NYC",
        "D.C.",
        "DC",
    ]
)


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def _haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180.0
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals or title case (headlines): capitalisation says nothing there."""
    spans = []
    for m in _CAPS_LINE.finditer(text):
        line = m.group()
        if len(line) > 300:
            continue
        # counts of [A-Z] and [a-z] with bytes.translate (C) rather than a list of matches;
        # UTF-8 encodes every other character as bytes >= 0x80, which are never counted
        raw = line.encode("utf-8", "surrogatepass")
        n_upper = len(raw.translate(None, _NOT_ASCII_UPPER))
        n_letters = n_upper + len(raw.translate(None, _NOT_ASCII_LOWER))
        if n_letters >= 4 and n_upper > 0.7 * n_letters:
            spans.append((m.start(), m.end()))
            continue
        if line.rstrip().endswith((".", '"', "”")):
            continue
        long_words = _LONG_WORD.findall(line)
        if len(long_words) >= 3 and all(w[0].isupper() for w in long_words):
            spans.append((m.start(), m.end()))
    return spans


_NOT_ASCII_UPPER = bytes(b for b in range(256) if not 0x41 <= b <= 0x5A)  # deleted: all but A-Z
_NOT_ASCII_LOWER = bytes(b for b in range(256) if not 0x61 <= b <= 0x7A)  # deleted: all but a-z
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{3,}")


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    for s, e in spans:  # a loop, not any(): asked ~70,000 times over a corpus, of a span or two
        if s <= pos < e:
            return True
    return False


def _last_word(before: str) -> str:
    """The last whitespace-separated word of ``before`` ("" if none).

    A pattern anchored at the end of ``before`` ("[ \xa0]$") matches in this word and the spaces
    after it (or a newline: "$" also matches before a final one), so a test of the word can rule
    the pattern out (see the tests). Under re.IGNORECASE "İn" and "ın" are "in": a test that
    compares lower case must leave a word that is not ASCII to the search.
    """
    words = before.rsplit(None, 1)
    return words[-1] if words else ""


def _sentence_initial(text: str, start: int) -> bool:
    if not _SENT_END.search(text[max(0, start - 6) : start]):
        return False
    # "Prof. Francis Eze", "Dr. Ashley Sutton": an honorific's full stop ends no sentence
    abbrev = _ABBREV_BEFORE.search(text, max(0, start - 12), start)
    return abbrev is None or abbrev.group(1).lower() not in _HONORIFIC_WORDS


_ABBREV_BEFORE = re.compile(r"(?<![\w.])([A-Za-z]{1,9})\.\s*$")


@dataclass
class _Cand:
    start: int
    end: int
    source: str  # "gaz", "demonym", "nonstate"
    key: str
    places: list[Place]
    dateline: bool = False
    place: Place | None = None
    kind: MentionKind = MentionKind.TOPONYM
    hq: bool = False  # places are the entries of "<key> headquarters" (an organisation's dateline)


@functools.lru_cache(maxsize=200_000)
def _cached_candidates(gaz_id: int, key: str) -> tuple[Place, ...]:
    return tuple(_GAZ[gaz_id].candidates(key)[:25])


_GAZ: dict[int, Any] = {}


def _candidates(gazetteer: Any, key: str) -> tuple[Place, ...]:
    gid = id(gazetteer)
    _GAZ[gid] = gazetteer
    return _cached_candidates(gid, key)


_T = TypeVar("_T")
_FAILED_LOOKUPS: set[str] = set()


def _ask(what: str, call: Callable[[], _T], default: _T) -> _T:
    """``call()``, or ``default`` when the gazetteer reports that it cannot answer.

    Only :class:`geo.errors.GeocodingError` (an index that cannot be loaded or rebuilt) is caught,
    and it is logged (once per kind of lookup), since every later answer is then "no place" and
    quality drops. Any other exception is a bug and propagates.
    """
    try:
        return call()
    except GeocodingError as exc:
        if what not in _FAILED_LOOKUPS:
            _FAILED_LOOKUPS.add(what)
            log.warning("gazetteer lookup %s failed (%s); treating it as no answer from now on", what, exc)
        return default


class _States:
    """Per-gazetteer cache of country entries and capitals."""

    def __init__(self, gazetteer: Any) -> None:
        self.gaz = gazetteer
        self._country: dict[str, Place | None] = {}
        self._capital: dict[str, Place | None] = {}
        self._region: dict[str, Place | None] = {}

    def country(self, code: str) -> Place | None:
        if code not in self._country:
            # an unknown code is None, not an error
            self._country[code] = _ask("country", lambda: self.gaz.country(code), None)
        return self._country[code]

    def capital(self, code: str | None) -> Place | None:
        if code is None:
            return None
        if code not in self._capital:
            self._capital[code] = _ask("capital", lambda: self.gaz.capital(code), None)
        return self._capital[code]

    def is_capital(self, place: Place) -> bool:
        cap = self.capital(place.country)
        if cap is None:
            return False
        if place.geonameid is not None and cap.geonameid is not None:
            return place.geonameid == cap.geonameid
        return cap.name == place.name

    def region(self, name: str) -> Place | None:
        if name not in self._region:
            self._region[name] = self.gaz.geocode(name)
        return self._region[name]


@functools.lru_cache(maxsize=4)
def _states_for(gaz_id: int) -> _States:
    return _States(_GAZ[gaz_id])


# --------------------------------------------------------------------------------------
# the stage
# --------------------------------------------------------------------------------------


def find_mentions(article: Article, gazetteer: OfflineGazetteer | None = None) -> Mentions:
    """Find and resolve the places, states, officials and non-state actors in ``article``.

    Parameters
    ----------
    article
        The article; only ``article.text`` is read (spans are offsets into it), and spans
        inside ``article.furniture`` are ignored.
    gazetteer
        The offline gazetteer; :func:`geo.geocode.default_gazetteer` when ``None``.

    Returns
    -------
    Mentions
        ``places``: toponyms, demonyms, metonyms and non-state actors, ordered by start;
        ``actors``: officials and government bodies with the state they serve (coreferent
        mentions such as a later bare surname get their own :class:`Actor` with the same
        name, title and country); ``dateline``: the dateline mention, if any.

    Examples
    --------
    >>> from geo.records import Article
    >>> m = find_mentions(Article(id="x", text="BAGHDAD, March 3 - Iraqi Foreign Minister Fuad Hussein met Russian officials."))
    >>> m.dateline.text, m.dateline.country
    ('BAGHDAD', 'IQ')
    >>> [(a.name, a.country) for a in m.actors][:1]
    [('Fuad Hussein', 'IQ')]
    """
    mentions = find_mentions_naming(article, 0, gazetteer)
    if mentions is None:  # never, with no states asked for
        raise AssertionError("find_mentions_naming gave up with no states asked for")
    return mentions


def find_mentions_naming(
    article: Article, at_least: int, gazetteer: OfflineGazetteer | None = None
) -> Mentions | None:
    """:func:`find_mentions`, or ``None`` once its places name fewer than ``at_least`` states.

    The officials are looked for last, and only when the places name enough states: an official
    takes his state from a place or demonym of the article (or its dateline), so he adds none.
    The events stage asks for two, the fewest an event has.
    """
    return find_mentions_many([(article, at_least)], gazetteer)[0]


def find_mentions_many(
    requests: Sequence[tuple[Article, int]], gazetteer: OfflineGazetteer | None = None
) -> list[Mentions | None]:
    """:func:`find_mentions_naming` of each ``(article, at_least)``, stage by stage over them all.

    Each stage (the gazetteer scan, the places, the officials) runs over every article before the
    next one starts: a stage's tables (the scan's automaton alone is 124 MB) are then still in the
    CPU's caches for the next article, which makes a batch of a few hundred articles about a
    sixth quicker than the same articles one by one. The answers are the same.
    """
    if gazetteer is None:
        from geo.geocode import default_gazetteer

        gazetteer = default_gazetteer()
    names = [list(gazetteer.find_names(article.text, capitalised=True)) for article, _ in requests]
    placed = [
        _find_places(article, at_least, gazetteer, found)
        for (article, at_least), found in zip(requests, names, strict=True)
    ]
    return [None if p is None else _find_officials(*p) for p in placed]


def _find_places(
    article: Article, at_least: int, gazetteer: OfflineGazetteer, names: Iterable[tuple[int, int, str]]
) -> tuple[Article, list[Mention], list[tuple[int, int]]] | None:
    """The place mentions of ``article`` (and its headings) from the gazetteer ``names`` found in
    its text, or ``None`` when they name fewer than ``at_least`` states."""
    lex = load_lexicon()
    text = article.text
    gid = id(gazetteer)
    _GAZ[gid] = gazetteer
    states = _states_for(gid)
    headings = _heading_spans(text)
    dateline_span = _find_dateline(text)

    cands: list[_Cand] = []
    persons: set[str] = set()
    blockers: list[tuple[int, int]] = []
    # "bank", "market": a one-word name in lower case is never a place (_surface_facts); a
    # dateline starts with a capital
    for start, end, key in names:
        is_dl = dateline_span is not None and start == dateline_span[0] and end == dateline_span[1]
        if article.furniture and article.is_furniture(start, end):
            continue
        places = _cached_candidates(gid, key)  # (_candidates, with _GAZ[gid] set above)
        if not places:
            continue
        if not is_dl and places[0].kind is PlaceKind.ORGANISATION and " " in key:
            # an organisation's full name always takes its span, so that nothing inside it
            # ("Asian" in "Association of South East Asian Nations") is a place; it is dropped below
            cands.append(_Cand(start, end, "gaz", key, list(places)))
            continue
        if not is_dl:
            verdict = _accept_toponym(text, start, end, key, places, headings, lex, gazetteer)
            if verdict == _PERSON and text[start:end].rsplit(None, 1)[-1].lower() in _PLACE_HEADS:
                verdict = _REJECT  # "Orange County" is never a person, whatever stands before it
            if verdict == _PERSON:
                persons.add(text[start:end])
            if verdict in (_PERSON, _BLOCK):
                blockers.append((start, end))
            if verdict != _ACCEPT:
                continue
        if is_dl and places[0].kind is PlaceKind.ORGANISATION:
            # "UNITED NATIONS, March 3 -": a dateline is a place, the organisation's headquarters
            hq = _candidates(gazetteer, key + " headquarters")
            if not hq:
                continue
            places = hq
            cands.append(_Cand(start, end, "gaz", key, list(places), dateline=is_dl, hq=True))
            continue
        cands.append(_Cand(start, end, "gaz", key, list(places), dateline=is_dl))
    if blockers:
        # inside a longer name judged a person's or an organisation's ("Orange County has ...",
        # "New York Times"), no shorter name is a place either
        blocked = _strictly_inside(cands, blockers)
        if blocked:
            cands = [c for i, c in enumerate(cands) if i not in blocked]
    if persons:
        # a name once seen as a person's ("Meghan Morrison") is a person everywhere in the article,
        # unless it is a country
        cands = [
            c for c in cands if c.dateline or text[c.start : c.end] not in persons or _prominent(c.places[0])
        ]
    for end_idx, (length, what, target) in lex.automaton.iter(text):
        end = end_idx + 1
        start = end - length
        if not _word_bounded(text, start, end):
            continue
        if article.furniture and article.is_furniture(start, end):
            continue
        surface = text[start:end]
        if surface.isupper() and len(surface) > 4 and what == "demonym" and not _in_spans(start, headings):
            continue
        if what == "demonym":
            # (the anchored test after first: the search before costs ~2 µs and rarely matters)
            if _ORG_NAME_AFTER.match(text[end : end + 30]) and _ORG_NAME_BEFORE.search(
                text[max(0, start - 80) : start]
            ):
                continue  # inside an organisation's name
            place = states.country(target) if not target.startswith("=") else states.region(target[1:])
            if place is None:
                continue
            cands.append(_Cand(start, end, "demonym", target, [place], kind=MentionKind.DEMONYM))
        else:
            if surface == "IS" and not _is_islamic_state_context(text, start, end):
                continue
            cands.append(_Cand(start, end, "nonstate", target, [], kind=MentionKind.NONSTATE))

    kept = _longest_first(cands)
    # organisations (Paris Club, Arab League) are entries of kind ORGANISATION: they win the
    # span (so "Paris" inside is not a place) and are then dropped.
    kept = [c for c in kept if not (c.source == "gaz" and c.places[0].kind is PlaceKind.ORGANISATION)]

    if at_least > 0 and not _may_name_states(kept, at_least, gid):
        # each place is one of its candidates: with fewer states among them all than asked for,
        # choosing them (the costliest part of this stage) cannot name enough
        return None
    _resolve(kept, text, states, lex)
    _anchor_relative_places(kept, text)
    kept = _drop_lonely_given_names(kept, text, lex)
    if at_least > 0 and not _names_states(kept, at_least):
        return None  # (marking metonyms below changes no place and no state)
    _mark_metonyms(kept, text, states)

    places_out = [_to_mention(c, text) for c in kept if c.kind is MentionKind.NONSTATE or c.place is not None]
    return article, places_out, headings


def _may_name_states(cands: list[_Cand], at_least: int, gaz_id: int) -> bool:
    """Whether the places chosen for ``cands`` (one entry of each, or none) may name ``at_least``
    states; ``False`` only when they cannot.

    They name no state that no entry holds, and each name adds at most one: the states of names
    whose entries all lie in one state, and one more for each other name that has an entry in
    another state ("Georgia" said once, in an article on Atlanta, adds at most one).
    """
    union: set[str] = set()  # the states of all entries
    settled: set[str] = set()  # the states of names whose entries all lie in one state
    unsettled: list[frozenset[str]] = []  # the states of the other names' entries
    for c in cands:
        if c.source == "gaz":
            states, one_state = _entry_states(gaz_id, c.key, c.hq)
        elif c.places and c.places[0].country:  # a demonym: its one entry
            states, one_state = frozenset((c.places[0].country,)), True
        else:
            continue
        union |= states
        if one_state:
            settled |= states
            if len(settled) >= at_least:
                return True
        elif states:
            unsettled.append(states)
    if len(union) < at_least:
        return False
    return len(settled) + sum(1 for states in unsettled if not states <= settled) >= at_least


@functools.lru_cache(maxsize=100_000)
def _entry_states(gaz_id: int, key: str, hq: bool) -> tuple[frozenset[str], bool]:
    """The states of a name's entries, and whether every entry lies in the one state."""
    places = _entries(gaz_id, key, hq)
    states = frozenset(p.country for p in places if p.country)
    return states, len(states) == 1 and all(p.country for p in places)


def _names_states(cands: list[_Cand], at_least: int) -> bool:
    """Whether the places chosen for ``cands`` name at least ``at_least`` states (stops once they do)."""
    named: set[str] = set()
    for c in cands:
        if c.kind is not MentionKind.NONSTATE and c.place is not None and c.place.country:
            named.add(c.place.country)
            if len(named) >= at_least:
                return True
    return False


def _find_officials(article: Article, places_out: list[Mention], headings: list[tuple[int, int]]) -> Mentions:
    """The mentions of ``article``: its officials, found from its ``places_out``, and those places
    less the ones inside a person's name."""
    text = article.text
    actors, name_spans = _find_actors(text, places_out, load_lexicon(), article, headings)
    if name_spans:
        # a toponym inside a person's name ("Hussein" in "Fuad Hussein", later bare "Hussein")
        person_mask = bytearray(len(text) + 1)
        for s, e, _ in name_spans:
            person_mask[s:e] = b"\x01" * (e - s)
        places_out = [m for m in places_out if not _inside_person(m, person_mask)]
    dateline = next((m for m in places_out if m.dateline), None)
    return Mentions(article_id=article.id, places=tuple(places_out), actors=tuple(actors), dateline=dateline)


# "Fish Lake, 10 km east of Basra", "a village 30 miles (48 km) north of Kabul"
_RELATIVE_TO = re.compile(
    r",?\s+(?:(?:about|some|around|roughly|nearly|only|just)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>km|kms|kilometers|kilometres|miles)\b\.?(?:\s*\([^()]{1,20}\))?\s+"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ward)?\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
_WIDE_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.CONTINENT})


def _anchor_relative_places(cands: list[_Cand], text: str) -> None:
    """A place said to lie N km from another is within reach of it, or it is not that place.

    "Fish Lake, 10 km east of Basra" is no town in Indiana: the candidate nearest the anchor
    within reach is taken, and with none the name is left unresolved (an unknown place is
    better than one on another continent).
    """
    low = text.lower()
    if "km" not in low and "mile" not in low and "kilomet" not in low:
        return  # most articles: no distances at all
    by_start = {c.start: c for c in cands}
    by_end = {c.end: c for c in cands}
    for m in _RELATIVE_TO.finditer(text):
        c, anchor = by_end.get(m.start()), by_start.get(m.end())
        if c is None or anchor is None or c.place is None or anchor.place is None:
            continue
        if c.source != "gaz" or c.dateline or c.place.kind in _WIDE_KINDS:
            continue  # "Louisville, Kentucky, about 35 miles south of Austin": the town is meant
        n = float(m.group("n").replace(",", ""))
        km = n * (1.609 if m.group("unit").lower().startswith("mi") else 1.0)
        reach = km * 1.5 + 50  # the distance is rounded and the anchor's point is its centre
        ap, cp = anchor.place, c.place
        if ap.lat is None or cp.lat is None or _place_km(cp, ap) <= reach:
            continue
        if ap.population < 1_000_000 and any(
            _fold(p.name) == _fold(ap.name) and _place_km(p, cp) <= reach for p in anchor.places
        ):
            continue  # a lesser anchor may be the one misread (a homonym near the place): leave both
        nearest = min(
            ((d, i) for i, p in enumerate(c.places) if (d := _place_km(p, ap)) <= reach), default=None
        )
        c.place = c.places[nearest[1]] if nearest else None


def _place_km(a: Place, b: Place) -> float:
    """Kilometres between two places; infinite when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return _haversine(a.lat, a.lon, b.lat, b.lon)


def _strictly_inside(cands: list[_Cand], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of candidates lying inside one of ``spans`` without being that span."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    out: set[int] = set()
    for i, c in enumerate(cands):
        # spans are gazetteer names (a few words long): look back a bounded number of them
        k = bisect.bisect_right(starts, c.start)
        for s, e in spans[max(0, k - 8) : k]:
            if s <= c.start and c.end <= e and (s, e) != (c.start, c.end):
                out.add(i)
                break
    return out


def _drop_lonely_given_names(cands: list[_Cand], text: str, lex: Lexicon) -> list[_Cand]:
    """ "Paul" resolved to a Cape Verdean district in an article with nothing else there: a person."""
    by_country: Counter[str] | None = None  # counted for the first given name only (most articles: none)
    out = []
    for c in cands:
        p = c.place
        if (
            c.source == "gaz"
            and not c.dateline
            and p is not None
            and p.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.CITY)
            # a city of millions under its own name is meant as one ("Santiago, march 6 - chile's")
            and not (
                p.kind is PlaceKind.CITY
                and p.population >= 1_000_000
                and _fold(p.name) == _fold(text[c.start : c.end])
            )
            and text[c.start : c.end].lower() in lex.given_names
        ):
            if by_country is None:
                by_country = Counter(o.place.country for o in cands if o.place is not None and o.place.country)
            if by_country[p.country or ""] <= text.count(text[c.start : c.end]) and not _LOCATIVE_BEFORE.search(
                text[max(0, c.start - 40) : c.start]
            ):
                continue
        out.append(c)
    return out


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _is_word_char(before) and not _is_word_char(after)


def _is_islamic_state_context(text: str, start: int, end: int) -> bool:
    """ "IS" is the Islamic State only in mixed-case text next to militant vocabulary."""
    window = text[max(0, start - 200) : end + 200].lower()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if sum(c.isupper() for c in line) > 0.5 * max(1, sum(c.isalpha() for c in line)):
        return False
    return any(
        w in window for w in ("militant", "jihad", "fighters", "islamic state", "isis", "terror", "caliphate")
    )


def _find_dateline(text: str) -> tuple[int, int] | None:
    """Span of the place name of the dateline, looked for in the first paragraphs only."""
    head = text[:600]
    for rx in (_DATELINE_CAPS, _DATELINE_TITLE):
        for m in rx.finditer(head):
            place = m.group("place")
            if rx is _DATELINE_TITLE and m.group().rstrip().endswith(":") and len(place.split()) > 2:
                continue
            # a dateline starts a paragraph after at most the title line
            if text[: m.start()].count("\n") > 3 and m.start() > 250:
                continue
            return m.start("place"), m.end("place")
    return None


_ACCEPT, _REJECT, _PERSON, _BLOCK = 0, 1, 2, 3
_CLUB_WORDS = tuple("Real Atletico Atlético Sporting Dynamo Dinamo Olympique Borussia FC AC Inter".split())
_CLUB_BEFORE = re.compile(r"(?:^|[\s(])(?:" + "|".join(_CLUB_WORDS) + r")[ \xa0]$")
_OCCASION_AFTER = re.compile(r"\s+(?:day|anniversary|celebrations?|holiday|eve)\b", re.IGNORECASE)
_DISEASE_AFTER = re.compile(r"\s+(?:ha?emorrhagic\s+)?(?:virus|fever|flu)\b", re.IGNORECASE)


def _may_open_disease(second: str) -> bool:
    """Whether ``_DISEASE_AFTER`` may match where ``second`` is its second character ("" at the
    end): after the first space, more space or a disease's first letter."""
    return second in "hHvVfF" or second.isspace()  # ("" is in every string)


def _may_open_code(first: str) -> bool:
    """Whether ``_CODE_AFTER`` may match where ``first`` is its first character ("" at the end)."""
    return first in "- \xa0" or first.isdecimal()  # \d is what str.isdecimal() accepts


def _accept_toponym(
    text: str,
    start: int,
    end: int,
    key: str,
    places: tuple[Place, ...],
    headings: list[tuple[int, int]],
    lex: Lexicon,
    gazetteer: Any,
) -> int:
    """Is this occurrence of a gazetteer name a place mention?

    Returns ``_ACCEPT``, ``_REJECT``, or ``_PERSON`` when the context shows the name is a
    person's (so that its other, bare occurrences in the article are rejected too).
    """
    if text.startswith("$", end):
        return _REJECT  # "US$1 million", "HK$", "NZ$": a currency, not a place
    # (each pattern after the name is tried only where the characters it opens with stand: see
    # the tests; most names are followed by a space and a word that opens none)
    if (
        places[0].kind is not PlaceKind.COUNTRY
        and _may_open_disease(text[end + 1 : end + 2])
        and _DISEASE_AFTER.match(text, end)
    ):
        return _BLOCK  # "West Nile virus", "Marburg virus", "Lassa fever": a disease, named after a place
    surface = text[start:end]
    facts = _surface_facts(id(gazetteer), key, surface)
    if facts is None:
        return _REJECT
    low, lower_word, major, prominent, acronym, short, common, code_like = facts
    in_heading = bool(headings) and _in_spans(start, headings)  # (most articles have no heading)
    if not in_heading and lower_word:
        return _REJECT  # "The meeting": a multiword name has its content words capitalised
    if not in_heading and (acronym or short):
        return _REJECT  # acronyms in running text ("IT", "AND"; "S.C.", "L.A." are places), "Ky"
    before = text[max(0, start - 40) : start]
    after = text[end : end + 60]
    # The patterns ending "$" below are searched for at every position of ``before`` (about a
    # microsecond each), but any match lies in its last word: a string test of that word first
    # rules most of them out, and the search still decides.
    last_word = _last_word(before)
    said_place: list[bool] = []  # does the context say "place"? asked only where it matters

    def locative() -> bool:
        if not said_place:
            said_place.append(
                bool(
                    (not last_word.isascii() or last_word.lower().endswith(_LOCATIVE_ENDINGS))
                    and _LOCATIVE_BEFORE.search(before)
                )
                or bool(after.startswith(",") and _CONTAINER_AFTER.match(after))
                or bool(_HEAD_NOUN_AFTER.match(after))
            )
        return said_place[0]

    exact = code_like is None
    if code_like and not in_heading:
        return _REJECT  # "Chi" for Chicago, "Sea" for Seattle, "Gold" for Gold Coast: codes and words
    if not prominent and after.startswith(("'", "’")) and _POSSESSIVE_COMPANY.match(after):
        return _REJECT  # "Moody's Investors Service", "Moody's said"
    if not prominent and _may_open_code(after[:1]) and _CODE_AFTER.match(after):
        return _REJECT  # "Baa-1", "Delta 747": ratings and models
    if not prominent and not exact:
        # only another name of a small place ("The Bank" for Portsmouth, "Mobil" for Mobile):
        # far more often a company or a person than that place
        if not (locative() and not in_heading):
            return _REJECT
    if common and _OCCASION_AFTER.match(after):
        return _REJECT  # "Independence Day", "the 57th Independence anniversary", "Victory Day": a holiday
    if common and locative() and re.search(r"\bthe[ \xa0]+$", before, re.IGNORECASE):
        said_place[0] = False  # "to the Bank": a common noun, not a town
    if common and not major:
        # "Reading", "Mobile", "Police", "Justice": only where the context says "place"
        if (
            in_heading
            or _sentence_initial(text, start)
            or not (locative() or prominent and not _sentence_initial(text, start))
        ):
            return _REJECT
    if last_word.endswith(_CLUB_WORDS) and _CLUB_BEFORE.search(before):
        return _REJECT  # "Real Madrid", "Atletico Madrid", "Dynamo Kiev", "Inter Milan": a football club
    if not major and last_word.endswith(_TITLE_MOD_BEFORE_WORDS) and _TITLE_MOD_BEFORE.search(before):
        return _REJECT  # "Foreign Minster" (a misspelt title, not the town), "Vice Presidente"
    if (
        in_heading
        and low in lex.given_names
        and not prominent
        and not locative()
        and not last_word.islower()  # no capital, no previous word (_PREV_WORD)
        and _PREV_WORD.search(before)
    ):
        # "Algeria Names Aziz As Premier": title case hides the surname test below (a table
        # row, "4.40 Victoria", is left alone)
        return _REJECT
    if in_heading:
        return _ACCEPT
    if (
        surface.startswith(_SAINT_FORMS)
        and places[0].kind is not PlaceKind.COUNTRY
        and places[0].population < 1_000_000
        and _SAINT_BUILDING_AFTER.match(after)
    ):
        return _BLOCK  # "the Saint Peter and Saint Paul Coptic Orthodox Church": a church, not the parish
    m = _HYPHEN_BEFORE.search(before) if last_word.endswith("-") else None
    if m and not (
        _is_place_word(m.group(1), gazetteer)
        or m.group(1) in lex.demonyms
        or m.group(1).lower() in _HYPHEN_PREFIXES
    ):
        return _PERSON if m.group(1)[0].isupper() else _REJECT  # "Abdul-Rahman", "anti-Rahman"
    m = _HYPHEN_AFTER.match(after) if after.startswith("-") else None
    if m and not (
        _is_place_word(m.group(1), gazetteer)
        or m.group(1) in lex.demonyms
        or m.group(1).lower() in _HYPHEN_SUFFIXES
    ):
        return _REJECT  # "Rahman-Smith"
    m = _PREV_PARTICLE.search(before) if last_word in _PREV_PARTICLES else None
    if m and m.group(1).lower() not in lex.function_words:
        return _PERSON  # "Miguel de la Madrid", "Osama bin Laden"
    m = None if last_word.islower() else _PREV_WORD.search(before)
    if m and m.group(0).endswith(". ") and len(m.group(1)) > 3:
        m = None  # "...Development. Ohio received": a sentence ends before the name
    if m:
        word = m.group(1)
        wl = word.lower()
        if wl.rstrip(".") in _HONORIFIC_WORDS:
            return _PERSON  # "Mr. Walsh", "Sen. Clinton", "President Lincoln"
        if not (
            wl.endswith(("'s", "’s"))  # "Baghdad’s Green Zone": a possessive is no first name
            or wl in lex.function_words
            or wl in _DIRECTIONAL
            or word in lex.demonyms
            or _is_title_word(wl, lex)
            or (_is_place_word(word, gazetteer, prominent=not prominent) and wl not in lex.given_names)
            or _sentence_initial(text, start - len(m.group(0)))
            and _is_common(gazetteer, wl)
        ):
            return _PERSON  # "Fuad Hussein", "Meghan Morrison", "Tom Ingram"
    pair = _SLASH_PAIR_BEFORE.search(before) if last_word.endswith("/") else None
    if (
        pair
        and places[0].kind is PlaceKind.COUNTRY
        and _is_place_word(pair.group(1), gazetteer, prominent=True)
    ):
        return _ACCEPT  # "Canada/U.S. Bilateral talks": the second of a pair of states, whatever follows
    m = _NEXT_WORD.search(after) if "A" <= after[1:2] <= "Z" else None  # a capital after one space
    if m:
        word = m.group(1)
        wl = word.lower()
        if wl in _ORG_HEADS or wl.rstrip(".") in _STREET_HEADS:
            return _BLOCK  # "China Daily", "Tehran Times", "Paris Club", "Atlantic Avenue"
        if wl in _NATURAL_HEADS:
            return _BLOCK  # "Virgin Islands", "Red River" unknown to the gazetteer: not the town "Virgin"
        if not (
            wl in _PLACE_HEADS
            or wl in _ACCORD_HEADS
            or (wl in _MEETING_HEADS and prominent)
            or wl in lex.function_words
            or wl in lex.stopnames
            or word in lex.demonyms
            or _is_title_word(wl, lex)
            or _is_place_word(word, gazetteer, prominent=not prominent)
            and not (low in lex.given_names and not major)
            or _capitalised_for_the_dot(text, surface, end + m.end(1), wl)
        ):
            if not major:
                return _PERSON  # "Jordan Peterson", "Tom Ingram" seen from the left
            return _BLOCK
    m = _OF_BEFORE.search(before) if "of" in before else None
    if m and m.group(1).lower() in _ORG_OF_HEADS:
        return _BLOCK  # "Bank of England", "University of Iowa"
    if low in lex.given_names and not prominent and not locative():
        return _REJECT  # "Noel", "Ashley" on their own: people far more often than villages
    if not prominent and not locative() and " " not in surface:
        # a small place that behaves like a person: "Morrison says", "says Morrison", "Morrison, 26,"
        if _SPEECH_NEAR_AFTER.match(after) or _SPEECH_NEAR_BEFORE.search(before) or _AGE_AFTER.match(after):
            return _PERSON
    return _ACCEPT


def _capitalised_for_the_dot(text: str, surface: str, word_end: int, word: str) -> bool:
    """Whether the capitalised word after a dotted abbreviation is only capitalised for the dot:
    some wires capitalise the word after "U.S." as if a sentence began ("the U.S. Would impose",
    "the U.S. Position on"). It is, when a lower-case word follows it and the article writes it in
    lower case elsewhere; a name goes on ("U.S. Steel Corp") or is written capitalised throughout."""
    if not surface.endswith(".") or not _LOWER_WORD_AFTER.match(text, word_end):
        return False
    return _has_word(text, word)  # case-sensitive: lower case


def _has_word(text: str, word: str) -> bool:
    """Whether ``re.search(rf"\\b{re.escape(word)}\\b", text)`` matches, without compiling a
    pattern for each word (most of the cost: the words vary)."""
    i = text.find(word)
    while i >= 0:
        if _at_boundary(text, i) and _at_boundary(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


_LOWER_WORD_AFTER = re.compile(r"[ \xa0]+[a-z]")
_SLASH_PAIR_BEFORE = re.compile(r"\b([A-Z][\w.]*)/$")
_SAINT_FORMS = ("Saint ", "St. ", "St ", "Sainte ", "San ", "Santa ", "Santo ", "São ")
# a building named after a saint, a few words on: "Saint Mark's Cathedral", "St. Mary Coptic Church"
_SAINT_BUILDING_AFTER = re.compile(
    r"(?:['’]s)?(?:[ \xa0]+(?:and[ \xa0]+)?(?:Saint|St\.?|[A-Z][\w'’-]*)){0,5}[ \xa0]+"
    r"(?:Church|Cathedral|Basilica|Chapel|Monastery|Abbey|Mosque|Temple|School|College|Hospital|University)\b"
)
_Facts = tuple[str, bool, bool, bool, bool, bool, bool, bool | None]


@functools.lru_cache(maxsize=100_000)
def _surface_facts(gaz_id: int, key: str, surface: str) -> _Facts | None:
    """What :func:`_accept_toponym` knows from the name alone (the same at every occurrence).

    ``None``: never a place (lower case, a stop-name, demonym, non-state actor or title word, or
    a possessive inside). Otherwise ``(low, lower_word, major, prominent, acronym, short, common,
    code_like)``; ``code_like`` is ``None`` when the surface is one of the entries' own names
    ("exact"), else whether it is short or a common word (a code or an alternate name).
    """
    if not surface[0].isupper():
        return None
    lex = load_lexicon()
    low = surface.lower()
    if low in lex.stopnames or key in lex.stopnames or surface in lex.demonyms or surface in lex.nonstate:
        return None  # (the key is the name without accents: "El Niño" is the stop-name "el nino")
    if _is_title_word(low, lex):
        return None
    lower_word = " " in surface and any(
        w[0].islower() and len(w) > 3 and w not in _NAME_PARTICLES for w in surface.split()[1:]
    )
    if _POSSESSIVE_INSIDE.search(surface):
        return None  # "Baghdad's Green Zone": both parts are found on their own
    gazetteer = _GAZ[gaz_id]
    places = _candidates(gazetteer, key)
    top = places[0]
    major = top.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.ADMIN1) or (
        top.population >= 1_000_000
    )
    prominent = major or top.kind is PlaceKind.LANDMARK or top.population >= 100_000
    upper = surface.isupper() and len(surface.replace(".", "")) > 1
    acronym = upper and surface not in _ACRONYM_PLACES and not _DOTTED_CAPS.match(surface)
    short = not upper and len(surface) <= 2
    common = _is_common(gazetteer, key)
    folded = _fold(surface)
    exact = any(_fold(p.name) == folded for p in places[:10])
    dotted = surface.endswith(".")  # "S.C.", "Ill.", "Ont.": abbreviations of states and provinces
    code_like = (
        None if exact else (not dotted and (len(surface) <= 4 or common) and surface not in _ACRONYM_PLACES)
    )
    return low, lower_word, major, prominent, acronym, short, common, code_like


def _is_common(gazetteer: Any, word: str) -> bool:
    return bool(_ask("is_common_word", lambda: gazetteer.is_common_word(word), False))


def _major(top: Place) -> bool:
    return top.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.ADMIN1) or (
        top.population >= 1_000_000
    )


def _prominent(top: Place) -> bool:
    return top.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION, PlaceKind.ADMIN1) or (
        top.population >= 100_000
    )


# a place name before these is part of the name of a natural feature the gazetteer lacks
_NATURAL_HEADS = frozenset(
    """islands island isles isle river rivers mountains mountain range hills lake lakes sea bay gulf strait
    straits peninsula desert canyon creek falls glacier reef atoll archipelago basin plateau""".split()
)
# a place name before these is part of a street's name, not the place itself
_STREET_HEADS = frozenset(
    """street st avenue ave road rd boulevard blvd drive dr lane ln way terrace crescent highway hwy
    parkway pkwy turnpike expressway freeway alley court ct""".split()
)
_DOTTED_CAPS = re.compile(r"^(?:[A-Z]\.){2,4}$")
_POSSESSIVE_COMPANY = re.compile(r"^['’]s[ \xa0]+(?:[A-Z]|said|says|say)")
_CODE_AFTER = re.compile(r"^(?:-|[ \xa0])?\d")
_HYPHEN_BEFORE = re.compile(r"([A-Za-z]+)-$")
_HYPHEN_AFTER = re.compile(r"^-([A-Za-z]+(?:\.[A-Za-z]+)*\.?)")  # "Canada-U.S.": the dotted name whole
# "pro-Moscow", "anti-Baghdad", "ex-Yugoslavia", "Trans-Siberia", "post-Soviet", "mid-Atlantic"
_HYPHEN_PREFIXES = frozenset(
    [
        "pro",
        "anti",
        "ex",
        "non",
        "post",
        "pre",
        "mid",
        "trans",
        "inter",
        "intra",
        "neo",
        "pan",
        "sub",
        "north",
        "south",
        "east",
        "west",
    ]
)
# "Moscow-based", "Iraq-bound", "Texas-born", "Baghdad-Damascus"
_HYPHEN_SUFFIXES = frozenset(
    [
        "based",
        "bound",
        "born",
        "led",
        "backed",
        "made",
        "owned",
        "run",
        "style",
        "area",
        "wide",
        "era",
        "side",
        "headquartered",
        "registered",
        "flagged",
        "listed",
        "bred",
        "educated",
        "raised",
        "centred",
        "centered",
        "focused",
        "funded",
        "sponsored",
        "controlled",
    ]
)
_HONORIFIC_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "pres",
        "minister",
        "secretary",
        "judge",
        "justice",
        "sheriff",
        "mayor",
        "prof",
        "professor",
        "rev",
        "reverend",
        "father",
        "sister",
        "brother",
        "gen",
        "col",
        "capt",
        "lt",
        "sgt",
        "cpl",
        "pvt",
        "maj",
        "adm",
        "cmdr",
        "coach",
        "officer",
        "deputy",
        "detective",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "emir",
        "ayatollah",
        "imam",
        "rabbi",
        "pastor",
        "bishop",
        "pope",
        "saint",
    ]
)
_CONTAINER_AFTER = re.compile(r"^,[ \xa0]+[A-Z][a-z]*\.?(?:[ \xa0][A-Z][a-z]+)?(?:,|\.|[ \xa0]|$)")
_SPEECH_NEAR_AFTER = re.compile(
    r"^,?[ \xa0]+(?:said|says|told|added|explained|wrote|recalled|asked|replied|laughed|smiled|"
    r"who|himself|herself|thinks|believes|knows|admitted|admits)\b"
)
_SPEECH_NEAR_BEFORE = re.compile(r"\b(?:said|says|told|according to|asked|thanked|praised|quoted)[ \xa0]+$")
_AGE_AFTER = re.compile(r"^,[ \xa0]+\d{1,2}[,.]")


@functools.lru_cache(maxsize=1)
def _title_tails() -> frozenset[str]:
    """Every title and every tail of one after a space ("minister", "prime minister" of "deputy prime minister")."""
    return frozenset(
        t[i + 1 :] for t in load_lexicon().titles for i in range(-1, len(t)) if i < 0 or t[i] == " "
    )


@functools.lru_cache(maxsize=50_000)
def _title_word_cached(wl: str) -> bool:
    return wl in _title_tails() or wl in {
        # modifiers and plurals of titles are no towns either ("Vice" in Peru, "Secretary" in
        # Maryland); not "Kings" or "Queens", which are places as often as titles
        "vice",
        "ministers",
        "presidents",
        "secretaries",
        "ambassadors",
        "envoys",
        "premiers",
        "chancellors",
        "deputies",
        "foreign",
        "defence",
        "defense",
        "interior",
        "trade",
        "finance",
        "deputy",
        "acting",
        "former",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
    }


def _is_title_word(wl: str, lex: Lexicon) -> bool:
    return _title_word_cached(wl)


_PLACE_WORD_GAZ: dict[str, Any] = {}


@functools.lru_cache(maxsize=100_000)
def _place_word_cached(word: str) -> int:
    """0: no place; 1: a place; 2: a prominent place (country, state, city over 100,000)."""
    gaz = _PLACE_WORD_GAZ.get("g")
    if gaz is None:
        return 0
    hits: list[str] = _ask(
        "find_names", lambda: [k for s, e, k in gaz.find_names(word) if s == 0 and e == len(word)], []
    )
    if not hits:
        return 0
    places = _candidates(gaz, hits[0])
    return 2 if places and _prominent(places[0]) else 1


def _is_place_word(word: str, gazetteer: Any, *, prominent: bool = False) -> bool:
    if _PLACE_WORD_GAZ.get("g") is not gazetteer:
        _PLACE_WORD_GAZ["g"] = gazetteer
        _place_word_cached.cache_clear()
    level = _place_word_cached(word)
    return level >= 2 if prominent else level >= 1


def _longest_first(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates, longest span winning; ties: non-state, then gazetteer, then demonym."""
    rank = {"nonstate": 0, "gaz": 1, "demonym": 2}
    order = sorted(cands, key=lambda c: (-(c.end - c.start), rank[c.source], c.start))
    if not order:
        return []
    taken = bytearray(max(c.end for c in order) + 1)  # characters already claimed: linear, not quadratic
    out = []
    for c in order:
        if taken.find(1, c.start, c.end) >= 0:  # (no slice to copy, as any(taken[c.start : c.end]) makes)
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


POP_WEIGHT = 0.7
_KIND_BONUS = {
    PlaceKind.COUNTRY: 7.0,
    PlaceKind.CONTINENT: 7.0,
    PlaceKind.REGION: 7.5,
    PlaceKind.ADMIN1: 2.5,
    PlaceKind.LANDMARK: 2.0,
    PlaceKind.ADMIN2: 0.5,
    PlaceKind.CITY: 0.0,
    PlaceKind.ORGANISATION: -9.0,
}


# a name used as a town's: "a 36-year-old Palestine man", "Lebanon residents", "2 miles east of
# Palestine" (English calls a country's people by its demonym, and measures from towns)
_TOWN_USE_AFTER = re.compile(
    r"[ \xa0](?:man|woman|men|women|resident|residents|native|natives|teen|teenager|teens|boy|girl|couple|"
    r"family|families|mayor|city\s+(?:council|limits|hall|manager|officials)|ISD|High\s+School)\b"
)
_TOWN_USE_BEFORE = re.compile(
    r"\b\d+(?:\.\d+)?[ \xa0]+(?:miles?|mi|kilomet(?:er|re)s?|km)[ \xa0]+(?:north|south|east|west|northeast|"
    r"northwest|southeast|southwest)[ \xa0]+of[ \xa0]+$"
)


def _used_as_town(cands: list[_Cand], text: str) -> set[str]:
    """The keys of country names that the article uses, somewhere, as the name of a town."""
    return {
        c.key
        for c in cands
        if c.source == "gaz"
        and len(c.places) > 1
        and c.places[0].kind is PlaceKind.COUNTRY
        and any(p.kind in (PlaceKind.CITY, PlaceKind.ADMIN2) for p in c.places[1:])
        and (
            _TOWN_USE_AFTER.match(text, c.end)
            or _TOWN_USE_BEFORE.search(text, max(0, c.start - 40), c.start)
        )
    }


def _resolve(cands: list[_Cand], text: str, states: _States, lex: Lexicon) -> None:
    """Choose each toponym's entry from the article's context (two passes)."""
    towns = _used_as_town(cands, text)
    evidence: Counter[str] = Counter()
    for c in cands:
        if c.source == "demonym":
            c.place = c.places[0]
            if c.place.kind is PlaceKind.COUNTRY and c.place.country:
                evidence[c.place.country] += 1
        elif c.source == "gaz":
            top = c.places[0]
            if c.dateline and top.country:
                evidence[top.country] += 2
            weight = _name_evidence(id(states.gaz), c.key, c.hq)
            if weight and top.country and c.key not in towns:  # a weight implies a country
                evidence[top.country] += weight
    grid = _support_grid(cands, id(states.gaz))
    support_cache: dict[tuple[str, int], float] = {}
    anchors: dict[tuple[int, int], set[str]] = {}
    regions: list[Place] = []
    # the names to choose for, each with its container and its folded surface: the same in both passes
    to_choose = []
    for c in cands:
        if c.source == "gaz" and len(c.places) > 1:
            container = _container_after(c, cands, text)
            to_choose.append((c, container, _fold(text[c.start : c.end])))
        elif c.source == "gaz":
            c.place = c.places[0]
    for last_pass in (False, True):
        total = sum(evidence.values()) or 1  # evidence, anchors and regions are fixed for a pass
        anchor_cells = _AnchorCells(anchors)
        near_anchors: dict[str, tuple[_Cells, _Cells]] = {}
        # within a pass the choice depends on the name and these few facts, not on where it stands:
        # a name said again ("U.S." ten times) is chosen once
        chosen: dict[tuple[str, bool, bool, int, str], Place] = {}
        for c, container, surface in to_choose:
            memo = (c.key, c.hq, c.dateline, id(container), surface)
            place = chosen.get(memo)
            if place is None:
                near = near_anchors.get(c.key)
                if near is None:
                    near = near_anchors[c.key] = anchor_cells.other_than(c.key)
                place = chosen[memo] = _best(
                    c, evidence, total, near, states, container, surface, grid, regions, support_cache,
                    town=c.key in towns,
                )
            c.place = place
        if last_pass:
            break  # the evidence, regions and anchors below are the next pass's context
        evidence2: Counter[str] = Counter(evidence)
        regions = []
        anchors = {}
        for c in cands:
            if c.source == "gaz" and c.place is not None:
                p = c.place
                if p.country:
                    evidence2[p.country] += 1
                if p.kind is PlaceKind.ADMIN1 and p.lat is not None:
                    regions.append(p)
                if p.kind in _SMALL_KINDS and p.lat is not None and p.lon is not None:
                    anchors.setdefault((math.floor(p.lat), math.floor(p.lon)), set()).add(c.key)
        evidence = evidence2


_SMALL_KINDS = (PlaceKind.CITY, PlaceKind.ADMIN2, PlaceKind.LANDMARK, PlaceKind.ADMIN1)


def _entries(gaz_id: int, key: str, hq: bool) -> tuple[Place, ...]:
    """A candidate's entries (its ``places``) from its name alone: those of ``key``, or of the
    organisation's headquarters for a dateline naming an organisation (``hq``)."""
    return _candidates(_GAZ[gaz_id], key + " headquarters" if hq else key)


@functools.lru_cache(maxsize=100_000)
def _name_evidence(gaz_id: int, key: str, hq: bool) -> int:
    """What a name says of the article's country, whatever the article: 2 for a country, 1 for a
    province, county or a name of one country only, 0 when it is ambiguous between big things
    ("Georgia": a country and a US state) or its first entry has no country."""
    places = _entries(gaz_id, key, hq)
    top = places[0]
    if not top.country:
        return 0
    if any(p.country != top.country and (_prominent(p) or p.kind is PlaceKind.ADMIN2) for p in places[1:]):
        return 0
    if top.kind is PlaceKind.COUNTRY:
        return 2
    if top.kind in (PlaceKind.ADMIN1, PlaceKind.ADMIN2) or len({p.country for p in places}) == 1:
        return 1
    return 0


@functools.lru_cache(maxsize=100_000)
def _local_cells(gaz_id: int, key: str, hq: bool) -> tuple[tuple[tuple[int, int], float], ...]:
    """The 1-degree cells of a name's local entries (cities, counties, landmarks, provinces), each
    with the name's weight there: 1/sqrt(how many local entries it has)."""
    places = _entries(gaz_id, key, hq)
    local = [p for p in places if p.kind in _SMALL_KINDS and p.lat is not None and p.lon is not None]
    if not local:
        return ()
    weight = 1.0 / math.sqrt(len(local))
    return tuple(((math.floor(p.lat), math.floor(p.lon)), weight) for p in local)  # type: ignore[arg-type]


def _support_grid(cands: list[_Cand], gaz_id: int) -> dict[tuple[int, int], dict[str, float]]:
    """1-degree cells -> names with a (local) candidate there, each weighted by how specific it is.

    "Richmond" near "Madison County": a name with few candidates is strong support, a name found
    in every state ("Academy", "Delta") almost none.
    """
    grid: dict[tuple[int, int], dict[str, float]] = {}
    # each name once (a name said again adds nothing), in the order first said: the order of the
    # cells and of their names, and so of the sums in _support, is unchanged
    for key, hq in dict.fromkeys((c.key, c.hq) for c in cands if c.source == "gaz"):
        for cell_key, weight in _local_cells(gaz_id, key, hq):
            cell = grid.setdefault(cell_key, {})
            cell[key] = max(cell.get(key, 0.0), weight)
    return grid


def _support(p: Place, key: str, grid: dict[tuple[int, int], dict[str, float]]) -> float:
    if p.lat is None or p.lon is None or p.kind not in _SMALL_KINDS:
        return 0.0
    la, lo = math.floor(p.lat), math.floor(p.lon)
    names: dict[str, float] = {}
    for dla in (-1, 0, 1):
        for dlo in (-1, 0, 1):
            for k, w in grid.get((la + dla, lo + dlo), {}).items():
                if k != key and w > names.get(k, 0.0):
                    names[k] = w
    return sum(names.values())


_Cells = set[tuple[int, int]]


class _AnchorCells:
    """The 1-degree cells holding the small places an article names (``anchors``: cell -> names),
    asked for by name: the cells holding one named otherwise, and those cells with their
    neighbours. Most names share the same answer (only a cell a name holds alone differs)."""

    def __init__(self, anchors: dict[tuple[int, int], set[str]]) -> None:
        self._cells: _Cells = set(anchors)
        self._around = _with_neighbours(self._cells)
        self._alone: dict[str, _Cells] = {}  # name -> the cells it holds alone
        for cell, keys in anchors.items():
            if len(keys) == 1:
                self._alone.setdefault(next(iter(keys)), set()).add(cell)

    def other_than(self, key: str) -> tuple[_Cells, _Cells]:
        own = self._alone.get(key)
        if not own:
            return self._cells, self._around
        cells = self._cells - own
        return cells, _with_neighbours(cells)


def _with_neighbours(cells: _Cells) -> _Cells:
    return set().union(*map(_cell_and_neighbours, cells))  # (a union in C of cached sets of nine)


@functools.lru_cache(maxsize=100_000)
def _cell_and_neighbours(cell: tuple[int, int]) -> frozenset[tuple[int, int]]:
    la, lo = cell
    return frozenset((la + a, lo + b) for a in (-1, 0, 1) for b in (-1, 0, 1))


@functools.lru_cache(maxsize=100_000)
def _priors(
    gaz_id: int, key: str, hq: bool, surface: str
) -> tuple[tuple[float, float, bool, bool, float], ...]:
    """Per entry of a candidate, the parts of its score that do not depend on the article.

    ``(prior, bonus, located, town, ceiling)``: ``prior`` is rank, population, kind and own-name;
    ``bonus`` is the capital's (or a province's namesake city's) bonus, added later in the same
    order as before so that every score is the same float; ``located``: it has coordinates;
    ``town``: a city or a county (what a named province around it supports); ``ceiling``: the
    highest ``prior + bonus`` of this entry and every later one.
    """
    states = _states_for(gaz_id)
    places = _entries(gaz_id, key, hq)
    out = []
    for rank, p in enumerate(places):
        s = -0.2 * rank + POP_WEIGHT * math.log10(p.population + 10) + _KIND_BONUS.get(p.kind, 0.0)
        if _fold(p.name) == surface:
            s += 1.5  # its own name rather than an alternate one ("Orange County", not "Orange")
        bonus = 0.0
        if p.kind is PlaceKind.CITY and states.is_capital(p):
            bonus = 3.5  # Moscow the capital before Moscow the province
        elif p.kind is PlaceKind.CITY and p.population >= 100_000 and _seat_of_namesake(p, list(places)):
            bonus = 2.5  # Geneva, Osaka, Sao Paulo: the city before the province named after it
        located = p.lat is not None and p.lon is not None
        out.append((s, bonus, located, p.kind in (PlaceKind.CITY, PlaceKind.ADMIN2)))
    ceiling = -math.inf
    for i in reversed(range(len(out))):
        ceiling = max(ceiling, out[i][0] + out[i][1])
        out[i] += (ceiling,)
    return tuple(out)


def _best(
    c: _Cand,
    evidence: Counter[str],
    total: int,
    near: tuple[set[tuple[int, int]], set[tuple[int, int]]],
    states: _States,
    container: Place | None,
    surface: str,
    grid: dict[tuple[int, int], dict[str, float]],
    regions: list[Place],
    support_cache: dict[tuple[str, int], float],
    town: bool = False,
) -> Place:
    """The entry of ``c`` that the article's context supports best.

    ``container``: the place after a comma that holds this one ("Paris, Texas"), if any;
    ``surface``: the name as written, folded; ``town``: the article uses the name as a town's
    (:func:`_used_as_town`), so no country is meant. (A name of one entry is settled by the caller.)
    """
    anchor_cells, around_anchors = near
    best, best_score = c.places[0], -1e9
    priors = _priors(id(states.gaz), c.key, c.hq, surface)
    grid_most = 2.4 if len(grid) > 1 else 0.0
    container_most = 4.0 if container is not None else 0.0
    # what the article adds to any entry at most: its states (1.5 + 2.5 * share + 1.0), the
    # dateline, and the costly terms below
    context_most = (
        5.0
        + (5.0 if c.dateline else 0.0)
        + (1.2 if anchor_cells else 0.0)
        + grid_most
        + (1.5 if regions else 0.0)
        + container_most
    )
    for rank, p in enumerate(c.places):
        s, bonus, located, is_town, ceiling = priors[rank]
        if ceiling + context_most + 1e-9 <= best_score:
            break  # neither this entry nor a later one can pass the best (most names: after the first)
        if town and p.kind is PlaceKind.COUNTRY:
            continue
        country = p.country
        if country and evidence.get(country):
            share = evidence[country] / total
            s += 1.5 + 2.5 * share
            if share >= 0.5 and total >= 3:
                s += 1.0  # the article's own country
        if bonus:
            s += bonus
        if c.dateline and p.kind in (PlaceKind.CITY, PlaceKind.LANDMARK):
            s += 5.0  # a dateline names a city ("NEW YORK, March 3 -"), not its state
        # what the costlier terms below can still add at most: an entry that cannot pass the best
        # even so is not scored further (the margin covers rounding; the choice is the same)
        most = (
            (1.2 if anchor_cells and located else 0.0)
            + grid_most
            + (1.5 if regions and located and is_town else 0.0)
            + container_most
        )
        if s + most + 1e-9 <= best_score:
            continue
        if anchor_cells and p.lat is not None and p.lon is not None:
            cell = (math.floor(p.lat), math.floor(p.lon))
            if cell in anchor_cells:
                s += 1.2
            elif cell in around_anchors:
                s += 0.8
        if len(grid) > 1:
            sk = (c.key, rank)
            sup = support_cache.get(sk)
            if sup is None:
                sup = support_cache[sk] = _support(p, c.key, grid)
            s += 0.8 * min(3.0, sup)
        if (
            regions
            and p.kind in (PlaceKind.CITY, PlaceKind.ADMIN2)
            and p.lat is not None
            and p.lon is not None
        ):
            # inside a state or province the article names ("Orange County" with "California")
            if any(
                r.country == p.country and _haversine(p.lat, p.lon, r.lat, r.lon) < 500  # type: ignore[arg-type]
                for r in regions
            ):
                s += 1.5
        if container is not None:
            if p.country == container.country and p is not container:
                s += 2.0
                if (
                    container.lat is not None
                    and p.lat is not None
                    and container.lon is not None
                    and p.lon is not None
                ):
                    if _haversine(p.lat, p.lon, container.lat, container.lon) < 800:
                        s += 2.0
        if s > best_score:
            best, best_score = p, s
    return best


@functools.lru_cache(maxsize=100_000)
def _fold(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def _seat_of_namesake(city: Place, places: list[Place]) -> bool:
    """The city holds a fair share of a same-named province around it (Geneva, Zurich, Osaka)."""
    if city.lat is None or city.lon is None:
        return False
    for p in places:
        if (
            p.kind is PlaceKind.ADMIN1
            and p.country == city.country
            and p.lat is not None
            and p.lon is not None
            and city.population >= 0.2 * max(p.population, 1)
            and _haversine(city.lat, city.lon, p.lat, p.lon) < 200
        ):
            return True
    return False


def _container_after(c: _Cand, cands: list[_Cand], text: str) -> Place | None:
    nxt = text[c.end : c.end + 3]
    if not nxt.startswith(", "):
        return None
    for o in cands:
        if o.start == c.end + 2 and o.source == "gaz":
            top = o.places[0]
            if top.kind in (PlaceKind.ADMIN1, PlaceKind.COUNTRY, PlaceKind.ADMIN2):
                return top
    return None


def _mark_metonyms(cands: list[_Cand], text: str, states: _States) -> None:
    """Capitals standing for governments: subject of a speech verb, possessive, or paired with a state."""
    state_like = set()
    for i, c in enumerate(cands):
        if c.place is None or c.source != "gaz":
            continue
        if c.place.kind is PlaceKind.COUNTRY or (
            c.place.kind is PlaceKind.CITY and states.is_capital(c.place)
        ):
            state_like.add(i)
    for i in state_like:
        c = cands[i]
        if c.place is None or c.place.kind is not PlaceKind.CITY or c.dateline:
            continue
        before = text[max(0, c.start - 40) : c.start]
        after = text[c.end : c.end + 80]
        if _LOCATIVE_BEFORE.search(before):
            continue
        metonym = bool(_POSSESSIVE.match(after)) or bool(_SPEECH_AFTER.match(after))
        if not metonym:
            # "Moscow and Baghdad have held talks", "between Tehran and Riyadh"
            for j in (i - 1, i + 1):
                if j in state_like:
                    o = cands[j]
                    gap = text[c.end : o.start] if j > i else text[o.end : c.start]
                    if gap.strip() in {"and", ",", "or"}:
                        first = min(c, o, key=lambda x: x.start)
                        lead = text[max(0, first.start - 40) : first.start]
                        last = max(c, o, key=lambda x: x.start)
                        if _LOCATIVE_BEFORE.search(lead):
                            break
                        if _BETWEEN_BEFORE.search(lead) or _SPEECH_AFTER.match(
                            text[last.end : last.end + 80]
                        ):
                            metonym = True
                            break
                        if re.match(
                            r"^[ \xa0]+(?:have|has|had|held|hold|will|are|were|signed|agreed|discussed)\b",
                            text[last.end : last.end + 20],
                        ):
                            metonym = True
                            break
        if metonym:
            c.kind = MentionKind.METONYM


def _to_mention(c: _Cand, text: str) -> Mention:
    if c.kind is MentionKind.NONSTATE:
        return Mention(c.start, c.end, text[c.start : c.end], MentionKind.NONSTATE, None, None)
    p = c.place
    assert p is not None  # callers filter
    country = p.country  # "English" -> England -> GB; "European" -> Europe -> None
    return Mention(c.start, c.end, text[c.start : c.end], c.kind, p, country, dateline=c.dateline)


def _inside_person(m: Mention, person_mask: bytearray) -> bool:
    if m.kind is MentionKind.NONSTATE or m.place is None:
        return False
    return all(person_mask[m.start : m.end])


# --------------------------------------------------------------------------------------
# officials, bodies and coreference
# --------------------------------------------------------------------------------------

_NAME_TOKEN = r"(?:[A-Z]\.|(?:Mc|Mac|O'|O’|D'|D’)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*|(?:al|el|bin|ibn|abu|ben|de|la|van|von|der|da|di|du|le|ul)-[A-Z][\w'’]+)"
_PARTICLE = r"(?:al|el|bin|ibn|abu|ben|bint|de|del|della|la|le|van|von|der|den|da|di|du|dos|ul|arap|ould|wa)"
_NAME = (
    r"(?P<name>(?:(?:Sir|Dame|Sheikh|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Gen\.?|General|Lieutenant General|Col\.?|Admiral|Prince|King|Queen)[ \xa0])?"
    + _NAME_TOKEN
    + r"(?:[ \xa0](?:"
    + _PARTICLE
    + r"[ \xa0])*"
    + _NAME_TOKEN
    + r"){0,4})"
)
_NAME_RE = re.compile(_NAME)
_TITLE_MOD_WORDS = tuple(
    """special presidential deputy foreign senior acting former top chief first vice prime defence defense
    interior trade finance economy oil energy agriculture justice health education state new then
    outgoing incoming permanent national security military regional supreme assistant executive general
    political economic government high-ranking veteran visiting resident ruling opposition chief affairs
    cabinet armed forces staff joint air naval army navy police intelligence central bank newly
    designated appointed newly-appointed newly-designated current long-time longtime interim caretaker
    elected newly-elected chief top own""".split()
)
_TITLE_MODS = "(?:" + "|".join(_TITLE_MOD_WORDS) + ")"


# heads an official's title can end in besides the lexicon's titles ("his Iraqi counterpart")
_EXTRA_HEADS = ("counterpart", "counterparts", "minister")


@functools.lru_cache(maxsize=1)
def _actor_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon()
    heads = "|".join(re.escape(t) for t in lex.titles + _EXTRA_HEADS)
    bodies = "|".join(re.escape(b) for b in lex.bodies)
    mod = r"(?:(?:[A-Z][\w.-]*|" + _TITLE_MODS + r")[ \xa0]){0,5}?"
    # after a state reference, the title head: "Iraqi Foreign Minister", "Russia's special ... representative"
    after_state = re.compile(
        r"(?:'s|’s)?[ \xa0](?P<title>" + mod + r"(?i:" + heads + r")(?:-(?:designate|elect|general))?)\b"
    )
    # title only, after a state: "the Iraqi president", "his Iraqi counterpart"
    after_state_title = re.compile(
        r"(?:'s|’s)?[ \xa0](?P<title>(?:(?i:"
        + _TITLE_MODS
        + r")[ \xa0]){0,3}?(?i:"
        + heads
        + r"))\b(?![ \xa0]"
        + _NAME_TOKEN
        + ")"
    )
    body = re.compile(
        r"(?:'s|’s)?[ \xa0](?P<body>(?:(?:[A-Z][\w-]*|"
        + _TITLE_MODS
        + r")[ \xa0]){0,3}?(?i:"
        + bodies
        + r"))\b"
    )
    # "Eduard Shevardnadze, the Soviet foreign minister" : name before ", the <state> <title>"
    name_before = re.compile(_NAME + r",[ \xa0](?:the[ \xa0])?$")
    return after_state, after_state_title, body, name_before


_WORD_AFTER_STATE = re.compile(r"(?:'s|’s)?[ \xa0](\w+)")


@functools.lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    """The first word of every title modifier, title head and body head (lower case)."""
    lex = load_lexicon()
    firsts = set()
    for phrase in (*_TITLE_MOD_WORDS, *lex.titles, *_EXTRA_HEADS, *lex.bodies):
        first = re.match(r"\w+", phrase)
        if first is None or not first.group(0).isascii():
            # (under re.IGNORECASE a letter beyond ASCII may match an ASCII one: "K" matches "k")
            raise ValueError(f"a title modifier, title or body opens with no ASCII word: {phrase!r}")
        firsts.add(first.group(0))
    return frozenset(firsts)


def _may_open_title_after_state(tail: str) -> bool:
    """False only when none of :func:`_actor_regexes`' three patterns after a state (``after_state``,
    ``body``, ``after_state_title``) can match at the start of ``tail``.

    Each opens with "('s) " and a word that is capitalised, a title modifier, or opens a title or
    body head; a word that is not ASCII is left to them ("K" for "k" under re.IGNORECASE).
    """
    word = _WORD_AFTER_STATE.match(tail)
    if word is None:
        return False
    first = word.group(1)
    return "A" <= first[0] <= "Z" or not first.isascii() or first.lower() in _title_first_words()


@functools.lru_cache(maxsize=1)
def _head_first_words() -> Any:
    """An automaton over the first word of every title and body head (lower case)."""
    import ahocorasick

    lex = load_lexicon()
    automaton = ahocorasick.Automaton()
    for head in (*lex.titles, *_EXTRA_HEADS, *lex.bodies):
        first = re.match(r"\w+", head)
        if first is None:
            raise ValueError(f"a title or body opens with no letter: {head!r}")
        automaton.add_word(first.group(0), len(first.group(0)))
    automaton.make_automaton()
    return automaton


def may_name_officials(text: str) -> bool:
    """False only when ``text`` can hold no official and no government body.

    Every title or body :func:`find_mentions` gives an actor ("Foreign Minister", "the Iraqi
    government", a later bare surname copying one) contains a head of the lexicon's titles or
    bodies, which opens a word; this checks whether the first word of any head occurs as a word,
    without looking for mentions (a cheap test: an article without one has no official at all).

    >>> may_name_officials("Acme Corp agreed to buy Widget Inc."), may_name_officials("The foreign minister said.")
    (False, True)
    """
    if has_odd_case(text):
        return True  # the actor regexes ignore case as Unicode does ("K" for "k"); lower() does not
    low = text.lower()
    size = len(low)
    for last, length in _head_first_words().iter(low):
        first = last - length + 1
        before = low[first - 1] if first else " "
        after = low[last + 1] if last + 1 < size else " "
        # a word of its own: \w is what str.isalnum() accepts, and "_"
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
    return False


_BODY_NAME = re.compile(r"(?:[ \xa0]\([A-Z]{2,8}\))?,?[ \xa0]" + _NAME)
_TITLE_OF_BEFORE = re.compile(
    r"\b(?!the\b)(?P<title>[A-Za-z][a-z-]+(?:[ \xa0][A-Za-z][a-z-]+)?)[ \xa0]of[ \xa0](?:the[ \xa0])?$"
)
_HONORIFICS = frozenset({"Sir", "Dame", "Sheikh", "Dr", "Dr.", "Prince", "King", "Queen", "Emir", "Sultan"})


_TITLE_FIRST_MODS = [
    "Deputy",
    "Vice",
    "Acting",
    "Former",
    "First",
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Trade",
    "Finance",
    "Prime",
    "Economy",
    "Oil",
    "Energy",
    "Agriculture",
    "Justice",
    "Health",
    "Education",
    "Chief",
    "Special",
    "Senior",
    "Supreme",
    "Crown",
    "Grand",
    "Secretary",
    "State",
]


def _title_forms() -> tuple[list[str], list[str]]:
    """The capitalised modifiers and titles a "<Title> <Name>" opens with (in priority order)."""
    heads = [f for t in load_lexicon().titles for f in (t.title(), t.capitalize())]
    return list(_TITLE_FIRST_MODS), heads


def _title_first_regex(mods: list[str], heads: list[str]) -> str:
    """``\\b(?:(?:mod)[ ]){0,3}(?:head)`` written as a branch on the first letter.

    Each alternative opens with a literal letter, so ``re`` scans for those letters instead of
    trying ``\\b`` and every alternative at every position (three times as fast); the word
    boundary is checked after the letter. Within a letter the modifiers and titles keep their
    order, and the modifiers come before the bare titles as the greedy ``{0,3}`` tries them, so
    the matches are the same (tests/test_mentions.py compares with the regex as written).
    """
    any_mod = "(?:" + "|".join(map(re.escape, mods)) + ")"
    any_head = "(?:" + "|".join(map(re.escape, heads)) + ")"
    branches = []
    for first in dict.fromkeys(f[0] for f in mods + heads):
        if not first.isalnum():
            raise ValueError(f"a title opens with {first!r}, not a letter: the word boundary would differ")
        parts = []
        mod_rests = [re.escape(m[1:]) for m in mods if m[0] == first]
        if mod_rests:
            parts.append("(?:" + "|".join(mod_rests) + r")[ \xa0](?:" + any_mod + r"[ \xa0]){0,2}" + any_head)
        head_rests = [re.escape(h[1:]) for h in heads if h[0] == first]
        if head_rests:
            parts.append("(?:" + "|".join(head_rests) + ")")
        branches.append(re.escape(first) + r"(?<!\w.)(?:" + "|".join(parts) + ")")  # (?<!\w.): \b before it
    return "(?:" + "|".join(branches) + ")"


# the portfolio a title names before the name: "Secretary of State George Shultz", "Minister of
# Foreign Affairs Ali Akbar Velayati", "Chancellor of the Exchequer Nigel Lawson", "Secretary of
# State for Trade and Industry Paul Channon"
_PORTFOLIOS = (
    "State", "Foreign Affairs", "External Affairs", "Home Affairs", "Economic Affairs", "Foreign Relations",
    "Foreign Trade", "International Trade", "Trade", "Finance", "Economy", "Defence", "Defense",
    "National Defence", "National Defense", "Commerce", "Industry", "Agriculture", "Energy", "Oil",
    "Petroleum", "Mines", "Interior", "Justice", "Health", "Education", "Labour", "Labor", "Information",
    "Planning", "Treasury", "Exchequer", "Economic Cooperation", "Cooperation", "Development", "Transport",
    "Communications", "Tourism", "Culture", "Public Works", "Fisheries", "Environment",
)  # fmt: skip
_PORTFOLIO = "(?:" + "|".join(map(re.escape, sorted(_PORTFOLIOS, key=len, reverse=True))) + ")"
# (not a body's name: "Chairman of the Foreign Relations Committee" names no person after it)
_BODY_HEADS = r"(?![ \xa0](?:Sub)?(?:Committee|Commission|Council|Department|Ministry|Board|Agency|Office|Bureau|Authority|Institute|Fund|Bank|Corporation|Company))"
_TITLE_PORTFOLIO = (
    r"(?:[ \xa0](?:of|for)[ \xa0](?:the[ \xa0])?"
    + _PORTFOLIO
    + r"(?:[ \xa0](?:and|&)[ \xa0]"
    + _PORTFOLIO
    + r")?"
    + _BODY_HEADS
    + r"){0,2}"
)


@functools.lru_cache(maxsize=1)
def _title_first_re() -> re.Pattern[str]:
    return re.compile(r"(?P<title>" + _title_first_regex(*_title_forms()) + _TITLE_PORTFOLIO + r")[ \xa0]" + _NAME)


@functools.lru_cache(maxsize=1)
def _lower_title_before_re() -> re.Pattern[str]:
    lex = load_lexicon()
    heads = "|".join(re.escape(t) for t in lex.titles)
    return re.compile(r"\b(?P<title>(?:" + _TITLE_MODS + r"[ \xa0]){0,3}(?:" + heads + r"))[ \xa0]$")


_LAST_WORD = re.compile(r"[ \xa0\n-]")


@functools.lru_cache(maxsize=1)
def _title_heads_last() -> frozenset[str]:
    return frozenset(t.split()[-1] for t in load_lexicon().titles)


# a capitalised word after a lower-case one and before another capitalised word: where a
# "<lower-case title> <Given> <Surname>" can start (cheap to scan for, unlike the titles)
# (the look-behind sits after the first letter, so that the pattern opens with [A-Z], which re
# finds by a quick scan, instead of trying the look-behind at every position)
_LOWER_THEN_NAME = re.compile(
    r"([A-Z](?<=[a-z][ \xa0][A-Z])[a-z]+)[ \xa0](?=[A-Z]|" + _PARTICLE + r"[ \xa0-])"
)


_GAP = re.compile(
    r"(?:[ \xa0](?:of|for|to|on|in|and|at)[ \xa0][^,.;:()\n]{0,80}?)?(?:[ \xa0]\([A-Z]{2,8}\))?,?[ \xa0]"
)
_TOKEN_START = re.compile(r"(?<![\w'’.-])(?:[A-Z]|(?:al|el|bin|ibn|abu)-[A-Z])")
_ABBREV_TAIL = re.compile(r"[ \xa0]*\([A-Z]{2,8}\)$")
_HONORIFIC_NAME_START = frozenset(
    {"Sir", "Dame", "Sheikh", "Dr", "Dr.", "Prince", "King", "Queen", "Emir", "Sultan"}
)


def _name_after_title(text: str, pos: int, big_mask: bytearray, lex: Lexicon) -> tuple[int, int, int] | None:
    """The first person's name after a title head at ``pos``: (start, end, end of the title text).

    Between the head and the name may come "of/for/to ..." and an abbreviation ("Ambassador to
    Moscow", "representative for the Middle East and Africa, ", "Council (SNSC) "); a name is never
    a place and never follows "the".
    """
    window = text[pos : pos + 160]
    for start_tok in _TOKEN_START.finditer(window):
        mn = _NAME_RE.match(window, start_tok.start())
        if mn is None:
            continue
        gap = window[: mn.start()]
        if not _GAP.fullmatch(gap) and gap != "":
            continue
        if gap == "":
            continue
        if re.search(r"\b(?:the|of|for|to|and|in|on|at)[ \xa0]$", gap):
            continue
        name = _clean_name(mn.group("name"), lex)
        if not name:
            continue
        ns = pos + mn.start() + mn.group("name").find(name)
        ne = ns + len(name)
        if any(big_mask[ns:ne]):
            continue  # "Middle East" is no one's name; a village called "Johannes" may be
        first = name.split()[0]
        if _is_title_word(first.lower().rstrip("."), lex) and first not in _HONORIFIC_NAME_START:
            continue
        return ns, ne, pos + mn.start()
    return None


# words that make a capitalised run a body's name, never a person's: "General Motors Corp",
# "the General Agreement on Tariffs", "General Electric Co" follow the title "General" (not
# _ORG_HEADS, which also holds words that are surnames: "Sun", "Star", "Post")
_BODY_WORDS = frozenset(
    "corp corporation co company inc ltd plc llc motors electric dynamics mills foods industries holdings "
    "agreement assembly accounting bank fund council committee commission association federation institute "
    "university office agency authority board group airlines airways exchange".split()
)


# words that end a title and never stand in a person's name (not "Sultan", "Sheikh", "General")
_TITLE_REST = frozenset(
    {"Secretary", "Minister", "Chairman", "Spokesman", "Ambassador", "Governor", "Representative", "Negotiator",
     "Negotiations", "Director", "Adviser", "Advisor", "Affairs", "Relations"}
    | {w for p in _PORTFOLIOS for w in p.split()}
)  # fmt: skip


def _clean_name(name: str, lex: Lexicon) -> str | None:
    """The person's name in ``name`` as the name regex took it, or ``None`` if it names a body.

    Drops a possessive ("Reagan's"), trailing words that are not part of a name (days, months,
    places taken too far) and leading words of the title ("Cabinet Secretary Masaharu Gotoda").
    """
    toks = name.split()
    if toks and len(toks[-1]) > 2 and toks[-1].endswith(("'s", "’s")):
        toks[-1] = toks[-1][:-2]  # "President Reagan's hopes": the man is Reagan
    while toks and (toks[-1].lower().rstrip(".") in lex.stopnames or toks[-1].lower() in lex.function_words):
        toks.pop()
    while (
        toks
        and (
            toks[0].lower() in lex.function_words
            or _is_title_word(toks[0].lower().rstrip("."), lex)
            # "(General) Council Chairman Shintaro Abe": a body before its officer's title
            or toks[0].lower().strip(".,") in _BODY_WORDS
            and len(toks) > 1
            and _is_title_word(toks[1].lower().rstrip("."), lex)
        )
        and toks[0] not in _HONORIFICS
    ):
        toks.pop(0)
    # the rest of a title the regex left in: "(Chief) Cabinet Secretary Masaharu Gotoda", "(Minister for
    # Trade) Negotiations Michael Duffy"
    toks = toks[max((i + 1 for i, t in enumerate(toks[:-1]) if t in _TITLE_REST), default=0) :]
    if not toks or any(t.lower().strip(".,") in _BODY_WORDS for t in toks):
        return None  # a company's or a body's name: "(General) Motors Corp", "(General) Agreement"
    out = " ".join(toks)
    if len(out) < 3 or out.lower() in lex.function_words:
        return None
    return out


# States that have no such office (for the whole span of the corpora, 1987 on): a titled name
# under their dateline is some other state's official. Monarchies have no president; these
# presidential republics no prime minister.
_NO_SUCH_OFFICE: dict[str, frozenset[str]] = {
    "president": frozenset(
        "GB JP ES NL BE LU SE NO DK MC LI CA AU NZ JM BS PG SB TV BZ AG LC VC GD KN SA JO MA KW BH QA AE OM "
        "BN TH KH BT TO SZ LS MY".split()
    ),
    "prime minister": frozenset(
        "US MX BR AR CL CO VE EC BO PY UY CR PA GT HN SV NI DO ID PH NG ZA CH CY".split()
    ),
}

_BODY_BEFORE_TITLE = re.compile(
    r"(?:\b[A-Z][\w.&-]*[A-Z][\w.&-]*|\b(?:Bank|Fund|Commission|Corporation|Corp|Company|Co|Inc|Group|Club|"
    r"Committee|Council|Assembly|Parliament|Court|University|Association|Federation|Union|Institute|Board|"
    r"Exchange|Agency|Authority))\s+$"
)


def _find_actors(
    text: str, places: list[Mention], lex: Lexicon, article: Article, headings: list[tuple[int, int]]
) -> tuple[list[Actor], list[tuple[int, int, str]]]:
    after_state, after_state_title, body_re, name_before = _actor_regexes()
    actors: list[Actor] = []
    name_spans: list[tuple[int, int, str]] = []  # person names (start, end, name)
    covered = bytearray(len(text) + 1)  # characters already given to an actor
    dateline_cc = next((m.country for m in places if m.dateline), None)
    # characters inside demonyms and major places: no person's name overlaps them
    big_mask = bytearray(len(text) + 1)
    for m in places:
        if m.kind is not MentionKind.NONSTATE and (
            m.kind is MentionKind.DEMONYM
            or (m.place is not None and _major(m.place) and m.place.kind is not PlaceKind.ADMIN1)
        ):
            big_mask[m.start : m.end] = b"\x01" * (m.end - m.start)

    def add(name: str, title: str | None, cc: str | None, s: int, e: int, person: bool) -> None:
        if person and _in_spans(s, headings):
            return  # title-case headlines capitalise every word: no name can be told apart
        if person and all(big_mask[s:e]):
            return  # "talks with Japanese officials, Britain said": a state, not the officials' name
        if any(covered[s:e]):
            return
        covered[s:e] = b"\x01" * (e - s)
        actors.append(Actor(name=name, title=title, country=cc, start=s, end=e))
        if person:
            name_spans.append((s, e, name))

    for m in places:
        if m.kind is MentionKind.NONSTATE or m.country is None or m.place is None:
            continue
        if m.kind is MentionKind.TOPONYM and m.place.kind not in (
            PlaceKind.COUNTRY,
            PlaceKind.ADMIN1,
            PlaceKind.REGION,
            PlaceKind.CITY,
        ):
            continue
        tail = text[m.end : m.end + 200]
        if not _may_open_title_after_state(tail):
            continue  # "Iraq said", "Iraq, which": most places (the three searches below cost ~4 µs)
        mt = after_state.match(tail)
        if mt:
            found = _name_after_title(text, m.end + mt.end(), big_mask, lex)
            if found is not None:
                ns, ne, gap_end = found
                title = (mt.group("title") + text[m.end + mt.end() : gap_end]).strip(" ,\xa0")
                title = _ABBREV_TAIL.sub("", title)
                add(text[ns:ne], title.lower(), m.country, ns, ne, True)
                continue
            mt = None
        mb = body_re.match(tail)
        if mb and not mt:
            head = mb.group("body")
            mn = _BODY_NAME.match(tail, mb.end())
            if mn:
                name = _clean_name(mn.group("name"), lex)
                if name:
                    ns = m.end + mn.start("name") + mn.group("name").find(name)
                    lead = _TITLE_OF_BEFORE.search(text[max(0, m.start - 60) : m.start])
                    title = (lead.group("title") + " of " if lead else "") + head
                    add(name, title.lower(), m.country, ns, ns + len(name), True)
                    continue
            s = m.start
            pre = text[max(0, s - 4) : s]
            if pre.lower().endswith("the "):
                s -= 4
            add(text[s : m.end + mb.end()], head.lower(), m.country, s, m.end + mb.end(), False)
            continue
        mtt = after_state_title.match(tail)
        if mtt:
            s = m.start
            pre = text[max(0, s - 4) : s]
            if pre.lower() in ("the ", "his ", "her "):
                s -= 4
            nb = name_before.search(text[max(0, s - 80) : s])
            if nb:
                name = _clean_name(nb.group("name"), lex)
                if name:
                    ns = s - (len(text[max(0, s - 80) : s]) - nb.start("name"))
                    add(name, mtt.group("title").lower(), m.country, ns, ns + len(name), True)
                    continue
            add(
                text[s : m.end + mtt.end()],
                mtt.group("title").lower(),
                m.country,
                s,
                m.end + mtt.end(),
                False,
            )
    # "President Barham Salih" without a state next to it: the state from an earlier mention
    # of the same person, else the dateline's country
    for mt in _title_first_re().finditer(text):
        name = _clean_name(mt.group("name"), lex)
        if not name or (article.furniture and article.is_furniture(mt.start(), mt.end())):
            continue
        ns = mt.start("name") + mt.group("name").find(name)
        ne = ns + len(name)
        if any(covered[ns:ne]):
            continue
        prev = _match_actor(actors, name)
        title = mt.group("title").lower()
        cc = prev.country if prev is not None else _state_before(text, mt.start(), places, covered)
        if cc is None and prev is None:
            cc = _subject_state(text, mt.start(), ne, places)
        if cc is None and prev is None:
            # "TOKYO - President Reagan": Japan has no president, so he is not Japan's; but "Ex-Im
            # President Takashi Tanaka" heads a body of the dateline's state
            no_office = dateline_cc in _NO_SUCH_OFFICE.get(title, ())
            if not no_office or _BODY_BEFORE_TITLE.search(text, max(0, mt.start() - 40), mt.start()):
                cc = dateline_cc
        add(name, title, cc, ns, ne, True)
    # "information minister Marco Lara": a lower-case title, then a given name and a surname
    for mg in _LOWER_THEN_NAME.finditer(text):
        if mg.group(1).lower() not in lex.given_names:
            continue  # a lower-case title is often followed by any capitalised word: demand a person's name
        ns = mg.start()
        if _LAST_WORD.split(text[max(0, ns - 30) : ns - 1])[-1] not in _title_heads_last():
            continue  # the word before is no title's last word: skip the costly search below
        mt = _lower_title_before_re().search(text, max(0, ns - 80), ns)
        mn = _NAME_RE.match(text, ns)
        if mt is None or mn is None or " " not in mn.group("name"):
            continue
        name = _clean_name(mn.group("name"), lex)
        if not name or not mn.group("name").startswith(name.split()[0]):
            continue
        if article.furniture and article.is_furniture(mt.start(), mn.end()):
            continue
        ne = ns + len(name)
        if any(covered[ns:ne]) or any(big_mask[ns:ne]):
            continue
        prev = _match_actor(actors, name)
        # no dateline fallback: a lower-case title is as often a company's chairman as a state's
        cc = prev.country if prev is not None else _state_before(text, mt.start(), places, covered)
        add(name, mt.group("title"), cc, ns, ne, True)
    # coreference: later bare surnames (and full names) of named people
    persons = [a for a in actors if any(a.start == s for s, _, _ in name_spans)]
    if persons:
        surnames: dict[str, Actor] = {}
        for a in persons:
            parts = a.name.split()
            for form in {a.name, parts[-1]}:
                if len(form) > 2 and form.lower() not in lex.function_words:
                    surnames.setdefault(form, a)
        for s, e, form in _find_words(text, sorted(surnames, key=len, reverse=True)):
            if any(covered[s:e]):
                continue
            if _LOCATIVE_BEFORE.search(text[max(0, s - 30) : s]) and _place_at(places, s, e):
                continue  # "flew to Madrid" after "Miguel de la Madrid": the place, not the man
            a = surnames[form]
            covered[s:e] = b"\x01" * (e - s)
            actors.append(Actor(name=a.name, title=a.title, country=a.country, start=s, end=e))
            name_spans.append((s, e, a.name))
    actors.sort(key=lambda a: a.start)
    return actors, name_spans


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w is in a str pattern


def _at_boundary(text: str, i: int) -> bool:
    """Whether ``\\b`` holds at position ``i`` of ``text``."""
    before = i > 0 and _is_word_char(text[i - 1])
    return before != (i < len(text) and _is_word_char(text[i]))


def _find_words(text: str, names: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """``(start, end, name)`` of each match of ``\\b(name1|name2|...)\\b`` in ``text``, the first
    listed winning, as :func:`re.finditer` gives them, without compiling a pattern per article."""
    found = []
    for order, name in enumerate(names):
        if not name:
            continue
        i = text.find(name)
        while i >= 0:
            if _at_boundary(text, i) and _at_boundary(text, i + len(name)):
                found.append((i, order, i + len(name), name))
            i = text.find(name, i + 1)
    found.sort()
    pos = 0
    for start, _order, end, name in found:
        if start >= pos:  # the leftmost place, and there the first name listed
            yield start, end, name
            pos = end


def _place_at(places: list[Mention], start: int, end: int) -> bool:
    return any(m.start == start and m.end == end and m.kind is not MentionKind.NONSTATE for m in places)


# "LONDON, March 2 - Brazil is not happy with ..., Finance Minister Dilson Funaro said": the
# official who speaks after a clause whose subject is a state speaks for that state (he is in London
# on a visit). Only a speaker after the clause: in "Defence Minister X said Iran had attacked", Iran
# is whom he speaks of.
_SPEAKER_AFTER = re.compile(r"[ \xa0]+(?:said|says|told|added)\b")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?][\"'”’)]?\s+|\n\s*|[ \xa0][-–—][ \xa0]+)(?:The[ \xa0]+)?(?=[A-Z])")


def _subject_state(text: str, title_start: int, name_end: int, places: list[Mention]) -> str | None:
    """The state a sentence opens with, when the titled name at ``title_start`` speaks after it."""
    if not text.startswith(", ", title_start - 2) or not _SPEAKER_AFTER.match(text, name_end):
        return None
    opening = None
    for opening in _SENTENCE_OPENING.finditer(text, max(0, title_start - 400), title_start):
        pass
    if opening is None:
        return None  # a sentence too long to tell its subject
    start = opening.end()
    for m in places:
        if (
            m.start == start
            and m.kind is MentionKind.TOPONYM
            and m.place is not None
            and m.place.kind is PlaceKind.COUNTRY
        ):
            return m.country
    return None


def _state_before(text: str, pos: int, places: list[Mention], covered: bytearray) -> str | None:
    """A state named just before ``pos`` ("Iraq’s President ..."), not inside a name given to an
    actor (``covered``): in "Chancellor Nigel Lawson, Foreign Secretary Geoffrey Howe", "Lawson" is
    no town of Canada's; nor after a comma ("an agreement reached in London, Finance Minister Barend
    du Plessis said": where the agreement was reached, not whose minister he is)."""
    for m in reversed(places):
        if (
            m.end <= pos
            and pos - m.end <= 4
            and "," not in text[m.end : pos]
            and m.country
            and m.kind is not MentionKind.NONSTATE
            and not any(covered[m.start : m.end])
        ):
            return m.country
    return None


def _match_actor(actors: Iterable[Actor], name: str) -> Actor | None:
    last = name.split()[-1]
    for a in actors:
        if a.name == name or a.name.split()[-1] == last:
            return a
    return None


def resolve_name(mentions: Mentions, name: str) -> Actor | None:
    """The official called ``name`` in this article ("Salih", "Fuad Hussein"), or ``None``.

    Matches the full name first, then the surname (last word), among the actors
    :func:`find_mentions` found; the first match in the article wins.

    >>> from geo.records import Actor, Mentions
    >>> m = Mentions("a", actors=(Actor("Sergey Lavrov", "foreign minister", "RU", 10, 23),))
    >>> resolve_name(m, "Lavrov").country
    'RU'
    """
    name = name.strip()
    for a in mentions.actors:
        if a.name == name:
            return a
    last = name.split()[-1] if name.split() else name
    for a in mentions.actors:
        if a.name.split() and a.name.split()[-1] == last:
            return a
    return None


def actor_at(mentions: Mentions, start: int, end: int) -> Actor | None:
    """The actor whose span overlaps ``[start, end)`` (a name, a title or a body), or ``None``."""
    for a in mentions.actors:
        if a.start < end and start < a.end:
            return a
    return None


def state_of(mentions: Mentions, start: int, end: int) -> str | None:
    """The state a span refers to: through an actor there, or a state mention there (not non-state)."""
    a = actor_at(mentions, start, end)
    if a is not None and a.country:
        return a.country
    for m in mentions.places:
        if m.start < end and start < m.end and m.kind is not MentionKind.NONSTATE:
            return m.country
    return None
