"""Records shared by every stage of the pipeline.

Data flows one way: ingest -> mentions -> events -> geocode -> network -> render.
Each stage takes and returns these frozen dataclasses; none of them imports a later stage.
Coordinates are always ``lat``/``lon`` (WGS84), spans are half-open character offsets
``start``/``end`` into :attr:`Article.text`, and countries are ISO 3166-1 alpha-2 codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "Article",
    "Place",
    "PlaceKind",
    "MentionKind",
    "Mention",
    "Actor",
    "Mentions",
    "Evidence",
    "EventType",
    "EventStatus",
    "Event",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk.

    ``text`` is the body exactly as read (for ``.txt`` files: everything after the title
    line is *not* split off; see :mod:`geo.ingest`). ``furniture`` lists spans of page
    furniture (share buttons, "Related articles" blocks, widgets) that later stages ignore
    while keeping offsets into the original text.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # path (and line) the article came from
    furniture: tuple[tuple[int, int], ...] = ()

    def is_furniture(self, start: int, end: int) -> bool:
        """True when the span ``[start, end)`` lies inside page furniture."""
        return any(s <= start and end <= e for s, e in self.furniture)


class PlaceKind(str, Enum):
    """What sort of thing a gazetteer entry is."""

    COUNTRY = "country"
    ADMIN1 = "admin1"  # state, province, region of a country
    ADMIN2 = "admin2"  # county, district
    CITY = "city"
    LANDMARK = "landmark"  # Green Zone, Kremlin, White House
    REGION = "region"  # Middle East, Persian Gulf, Gaza Strip, Kurdistan Region
    CONTINENT = "continent"
    ORGANISATION = "organisation"  # not a place: Arab League, Paris Club


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved gazetteer entry."""

    name: str
    kind: PlaceKind
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0

    def to_dict(self) -> dict[str, object]:
        """The JSON form used in every output: name, kind, country, lat, lon, geonameid."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }


class MentionKind(str, Enum):
    """How a span refers to a place or a state."""

    TOPONYM = "toponym"  # "Baghdad", "Iraq", "the Green Zone"
    DEMONYM = "demonym"  # "Iraqi", "Russian-made": the state, through an adjective
    METONYM = "metonym"  # "Moscow and Baghdad held talks": a capital standing for a government
    NONSTATE = "nonstate"  # ISIS, Daesh, PMU: actors that are never states


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names a place, a state, or a non-state actor."""

    start: int
    end: int
    text: str
    kind: MentionKind
    place: Place | None  # the resolved entry (the state's own entry for demonyms)
    country: str | None  # the state referred to, ISO alpha-2
    dateline: bool = False  # "BAGHDAD, March 3 -" / "Baghdad:"


@dataclass(frozen=True, slots=True)
class Actor:
    """An official or a government body: "Iraqi Foreign Minister Fuad Hussein"."""

    name: str  # person's name, or the body ("the Iraqi Foreign Ministry") when no person
    title: str | None
    country: str | None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Mentions:
    """Everything :func:`geo.find_mentions` found in one article."""

    article_id: str
    places: tuple[Mention, ...] = ()  # toponyms, demonyms, metonyms, non-state actors, by start
    actors: tuple[Actor, ...] = ()  # officials, with coreferent mentions resolved to a country
    dateline: Mention | None = None

    def countries(self) -> list[str]:
        """States mentioned, in order of first mention."""
        seen: dict[str, None] = {}
        for m in self.places:
            if m.country and m.kind is not MentionKind.NONSTATE:
                seen.setdefault(m.country, None)
        return list(seen)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence reporting an event, with its span in the article text."""

    text: str
    start: int
    end: int


class EventType(str, Enum):
    """The kind of interaction; each maps to a PLOVER category and a CAMEO root (see geo.events)."""

    VISIT = "visit"
    MEETING = "meeting"
    CALL = "call"
    ALLIANCE = "alliance"
    AGREEMENT = "agreement"
    SUPPORT = "support"
    HOSTILE = "hostile"


class EventStatus(str, Enum):
    """Whether the event happened (past, ongoing, background) or is planned or proposed."""

    OCCURRED = "occurred"
    PLANNED = "planned"


@dataclass(frozen=True, slots=True)
class Event:
    """One diplomatic interaction reported by one article."""

    article_id: str
    type: EventType
    countries: tuple[str, ...]  # every state involved, ISO alpha-2; actor first where directed
    status: EventStatus = EventStatus.OCCURRED
    plover: str = ""  # PLOVER category and mode, e.g. "CONSULT/visit"
    cameo: str = ""  # CAMEO root code, e.g. "04"
    source: str | None = None  # the traveller / actor, where the event has a direction
    target: str | None = None  # the host / target
    date: str | None = None  # ISO date, resolved against the article's date
    date_text: str | None = None
    actors: tuple[Actor, ...] = ()
    location: Place | None = None
    evidence: tuple[Evidence, ...] = field(default=())
    confidence: float = 0.5
