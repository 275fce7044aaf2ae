"""diplomap: turn news articles into a map of diplomacy.

The pipeline runs one way: ingest -> mentions -> events -> geocode -> network -> render.
Public functions are imported lazily so that ``import geo`` stays cheap.

>>> import geo
>>> geo.__version__
'0.1.0'
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "Article": "geo.records",
    "Place": "geo.records",
    "PlaceKind": "geo.records",
    "Mention": "geo.records",
    "MentionKind": "geo.records",
    "Mentions": "geo.records",
    "Actor": "geo.records",
    "Event": "geo.records",
    "EventType": "geo.records",
    "EventStatus": "geo.records",
    "Evidence": "geo.records",
    "GeoError": "geo.errors",
    "ConfigError": "geo.errors",
    "IngestError": "geo.errors",
    "GeocodingError": "geo.errors",
    "GeocoderUnavailable": "geo.errors",
    "MissingDependencyError": "geo.errors",
    "read_articles": "geo.ingest",
    "find_mentions": "geo.mentions",
    "find_events": "geo.events",
    "extract_events": "geo.events",
    "Geocoder": "geo.geocode",
    "OfflineGazetteer": "geo.geocode",
    "get_geocoder": "geo.geocode",
    "build_network": "geo.network",
    "render_map": "geo.render",
    "make_map": "geo.render",
}

# stage subpackages reachable as attributes (``geo.render.make_map``) without importing them eagerly
_SUBMODULES = {"ingest", "mentions", "events", "geocode", "network", "render", "output", "pipeline", "dates"}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"geo.{name}")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
