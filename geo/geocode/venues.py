"""Venues the offline gazetteer does not know, answered by an opt-in (online) geocoder.

Mention finding only sees names the offline gazetteer holds, so "talks at Camp Lemonnier" leaves
its event without a location. With ``--geocoder NAME`` the events whose sentence names such a
venue ("in X", "at X") ask the online stack for it. Names the offline gazetteer knows are never
sent: the events stage has already judged them.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator

from geo.geocode import Geocoder, default_gazetteer
from geo.records import Event, EventType

log = logging.getLogger(__name__)

__all__ = ["locate_venues", "venue_names"]

# "in X" / "at X": up to four capitalised words, "of" allowed inside ("Palace of Nations")
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3})")
_NOT_VENUES = frozenset(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The", "A", "An", "This", "That", "His", "Her", "Their", "Its"]
)
_PLACED_TYPES = frozenset({EventType.VISIT, EventType.MEETING, EventType.AGREEMENT, EventType.ALLIANCE})


def venue_names(sentence: str) -> list[str]:
    """Candidate venue names in ``sentence``, in order.

    >>> venue_names("The ministers met at Camp Lemonnier on Monday and in March in Djibouti.")
    ['Camp Lemonnier', 'Djibouti']
    """
    names = []
    for m in _VENUE.finditer(sentence):
        name = m.group(1).rstrip(".")
        if name.split()[0] not in _NOT_VENUES:
            names.append(name)
    return names


def locate_venues(events: Iterable[Event], geocoder: Geocoder) -> Iterator[Event]:
    """Events as given, those with no location placed at the first venue ``geocoder`` resolves.

    Only names the offline gazetteer does not know are asked, and only for event types that
    happen somewhere (visits, meetings, agreements, alliances).
    """
    offline = default_gazetteer()
    for event in events:
        if event.location is None and event.type in _PLACED_TYPES and event.evidence:
            for name in venue_names(event.evidence[0].text):
                if offline.geocode(name) is not None:
                    continue
                place = geocoder.geocode(name)
                if place is not None and place.lat is not None:
                    log.debug("venue %r of a %s event placed by the geocoder", name, event.type.value)
                    event = dataclasses.replace(event, location=place)
                    break
        yield event
