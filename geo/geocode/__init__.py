"""Geocoding: the :class:`Geocoder` protocol and its backends.

The offline gazetteer (:class:`~geo.geocode.gazetteer.OfflineGazetteer`) is the default and
needs no network. Online geopy services are opt-in (:mod:`geo.geocode.online`) and sit behind
the same protocol, wrapped in a persistent cache (:mod:`geo.geocode.cache`).

A backend returns ``None`` for "no such place" and raises
:class:`~geo.errors.GeocodingError` for "could not ask".
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from geo.errors import UnknownGeocoderError
from geo.records import Place

if TYPE_CHECKING:
    from geo.geocode.gazetteer import OfflineGazetteer

__all__ = ["Geocoder", "OfflineGazetteer", "default_gazetteer", "get_geocoder", "register_geocoder", "geocoder_names"]


@runtime_checkable
class Geocoder(Protocol):
    """Anything that turns a place name into a :class:`~geo.records.Place`."""

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        """The best entry for ``name`` (restricted to ISO ``country`` if given), or ``None``."""
        ...


_REGISTRY: dict[str, Callable[..., Geocoder]] = {}


def register_geocoder(name: str, factory: Callable[..., Geocoder]) -> None:
    """Make a backend available to :func:`get_geocoder` and ``--geocoder NAME``."""
    _REGISTRY[name] = factory


def geocoder_names() -> list[str]:
    """Names accepted by :func:`get_geocoder`."""
    _register_builtin()
    return sorted(_REGISTRY)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> OfflineGazetteer:
    """The shared offline gazetteer (its index is built on first use, then loaded from cache)."""
    from geo.geocode.gazetteer import OfflineGazetteer

    return OfflineGazetteer()


def get_geocoder(name: str = "offline", **options: object) -> Geocoder:
    """A geocoder by name: ``offline`` (default) or an online geopy service."""
    _register_builtin()
    factory = _REGISTRY.get(name)
    if factory is None:
        raise UnknownGeocoderError(name, list(_REGISTRY))
    return factory(**options)


def _register_builtin() -> None:
    if "offline" not in _REGISTRY:
        _REGISTRY["offline"] = lambda **_: default_gazetteer()
        try:
            from geo.geocode import online
        except ImportError:  # online backends not written yet / geopy missing
            return
        online.register(register_geocoder)


def __getattr__(name: str) -> object:
    if name == "OfflineGazetteer":
        from geo.geocode.gazetteer import OfflineGazetteer

        return OfflineGazetteer
    raise AttributeError(name)
