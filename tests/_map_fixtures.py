"""Events and articles shared by the network, render and browser tests (written by hand, in the
shape ``geo.events`` produces; not copied from any gold file)."""

from __future__ import annotations

from geo.records import Actor, Article, Event, EventStatus, EventType, Evidence, Place, PlaceKind

BAGHDAD = Place("Baghdad", PlaceKind.CITY, "IQ", 33.34058, 44.40088, 98182)
MOSCOW = Place("Moscow", PlaceKind.CITY, "RU", 55.75222, 37.61556, 524901)
DAMASCUS = Place("Damascus", PlaceKind.CITY, "SY", 33.5102, 36.29128, 170654)
GREEN_ZONE = Place("Green Zone", PlaceKind.LANDMARK, "IQ", 33.30, 44.39)
BASRA = Place("Basra", PlaceKind.CITY, "IQ", 30.50852, 47.7804, 99532)
SUVA = Place("Suva", PlaceKind.CITY, "FJ", -18.14161, 178.44149, 2198148)

PAYLOAD = (
    "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">"
    "\"'><svg onload=window.__pwned=1> `${window.__pwned=1}` </textarea></div>"
)


def ev(text: str) -> tuple[Evidence, ...]:
    return (Evidence(text, 0, len(text)),)


def sample_events() -> list[Event]:
    """Ten events: visits, a call, an alliance with a seat, a proposed operations room, hostile,
    support, one event with no place, one with no date, one across the antimeridian."""
    return [
        Event("a0", EventType.MEETING, ("IQ", "GB"), source="GB", target="IQ", date="2024-03-05",
              location=BAGHDAD, actors=(Actor("Fuad Hussein", "Foreign Minister", "IQ"),),
              evidence=ev("Iraqi Foreign Minister Fuad Hussein received a British delegation in Baghdad.")),
        Event("a0", EventType.VISIT, ("GB", "IQ"), source="GB", target="IQ", date="2024-03-05",
              location=BAGHDAD, evidence=ev("A UK delegation visited Baghdad on Tuesday.")),
        Event("a1", EventType.VISIT, ("IQ", "RU"), status=EventStatus.PLANNED, source="IQ", target="RU",
              date="2024-04-10", location=MOSCOW,
              evidence=ev("Hussein will pay a visit to Moscow next month.")),
        Event("a1", EventType.CALL, ("IQ", "RU"), source="IQ", target="RU", date="2024-03-28",
              evidence=ev("Hussein and Lavrov discussed the visit by telephone.")),
        Event("a2", EventType.ALLIANCE, ("RU", "IQ", "IR", "SY"), date="2015", location=GREEN_ZONE,
              evidence=ev("In 2015, Russia and Iraq together with Iran and Syria formed a joint "
                          "intelligence-sharing committee based in Baghdad's Green Zone.")),
        Event("a3", EventType.ALLIANCE, ("IQ", "SY", "JO", "TR", "LB"), status=EventStatus.PLANNED,
              date="2024-05-02", evidence=ev("They stressed the need to form a joint operations room.")),
        Event("a3", EventType.VISIT, ("IR", "IQ"), source="IR", target="IQ", date="2024-05-01",
              evidence=ev("Shamkhani arrived in Baghdad from Tehran.")),
        Event("a4", EventType.HOSTILE, ("US", "IR"), source="US", target="IR", date=None,
              evidence=ev("Washington imposed new sanctions on Tehran.")),
        Event("a4", EventType.SUPPORT, ("IR", "IQ"), source="IR", target="IQ", date="2024-05-03",
              location=BASRA, evidence=ev("Iran pledged electricity supplies to Iraq.")),
        Event("a5", EventType.MEETING, ("US", "FJ"), date="2024-06-01", location=SUVA,
              evidence=ev("The US envoy met Fiji's prime minister in Suva.")),
    ]


def hostile_events() -> list[Event]:
    """Events whose every text field carries markup, script and quote-breaking payloads."""
    return [
        Event(PAYLOAD, EventType.VISIT, ("IQ", "RU"), source="IQ", target="RU", date="2024-01-02",
              location=Place(PAYLOAD, PlaceKind.LANDMARK, "RU", 55.0, 38.0),
              actors=(Actor(PAYLOAD, PAYLOAD, "IQ"),), date_text=PAYLOAD,
              evidence=ev("Evidence " + PAYLOAD)),
        Event("js-url", EventType.CALL, ("IQ", "IR"), source="IQ", target="IR", date="2024-01-03",
              evidence=ev("A call </script><script>window.__pwned=1</script>")),
    ]


def hostile_articles() -> list[Article]:
    return [
        Article(PAYLOAD, "", title="Title " + PAYLOAD, date="2024-01-02", url="javascript:window.__pwned=1"),
        Article("js-url", "", title="Second </title><script>window.__pwned=1</script>",
                url="\" onmouseover=\"window.__pwned=1"),
    ]
