"""Colours, labels and attribution shared by the interactive and the static maps."""

from __future__ import annotations

from geo.records import EventType

__all__ = ["ATTRIBUTION", "TYPE_COLOURS", "TYPE_LABELS"]

# Colour-blind-safe-ish categorical palette (Okabe-Ito based), one colour per event type.
TYPE_COLOURS: dict[EventType, str] = {
    EventType.VISIT: "#0072b2",
    EventType.MEETING: "#009e73",
    EventType.CALL: "#56b4e9",
    EventType.ALLIANCE: "#8e44ad",
    EventType.AGREEMENT: "#a0522d",
    EventType.SUPPORT: "#e69f00",
    EventType.HOSTILE: "#d55e00",
}
TYPE_LABELS: dict[EventType, str] = {
    EventType.VISIT: "visit",
    EventType.MEETING: "meeting",
    EventType.CALL: "call",
    EventType.ALLIANCE: "alliance",
    EventType.AGREEMENT: "agreement",
    EventType.SUPPORT: "support",
    EventType.HOSTILE: "hostile",
}
ATTRIBUTION = "Places: GeoNames (CC BY 4.0) \u00b7 Basemap: Natural Earth"
