"""The exception tree of diplomap.

::

    GeoError                                   except geo.GeoError catches everything we raise
    ├── ConfigError(GeoError, ValueError)      bad options
    │   └── UnknownGeocoderError               lists the valid names
    ├── MissingDependencyError(GeoError, ImportError)   names the extra to install
    ├── IngestError(GeoError)                  unreadable or malformed input; carries path and line
    ├── OutputError(GeoError, OSError)         an output could not be written
    └── GeocodingError(GeoError)
        └── GeocoderUnavailable(GeocodingError, ConnectionError)

Chain with ``raise ... from exc``; messages name the bad value and the fix.
"""

from __future__ import annotations

__all__ = [
    "GeoError",
    "ConfigError",
    "UnknownGeocoderError",
    "MissingDependencyError",
    "IngestError",
    "OutputError",
    "GeocodingError",
    "GeocoderUnavailable",
]


class GeoError(Exception):
    """Base of every error diplomap raises on purpose."""


class ConfigError(GeoError, ValueError):
    """A bad option or argument."""


class UnknownGeocoderError(ConfigError):
    """A geocoder name that is not registered."""

    def __init__(self, name: str, valid: list[str]) -> None:
        super().__init__(f"unknown geocoder {name!r}; choose one of: {', '.join(sorted(valid))}")
        self.name = name
        self.valid = valid


class MissingDependencyError(GeoError, ImportError):
    """An optional library is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is required for this; install it with: pip install 'diplomap[{extra}]'")
        self.package = package
        self.extra = extra


class IngestError(GeoError):
    """An input file (or one line of it) could not be read as articles."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        where = path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message


class OutputError(GeoError, OSError):
    """An output file could not be written."""


class GeocodingError(GeoError):
    """A geocoder failed to answer."""


class GeocoderUnavailable(GeocodingError, ConnectionError):
    """A geocoding service could not be reached (timeout, refused, 5xx, rate limited)."""
