"""Online geocoders through geopy: opt-in, polite, and never fatal.

Three layers, each a :class:`~geo.geocode.Geocoder`, composed by :func:`build_geocoder`::

    FallbackGeocoder(offline gazetteer, CachedGeocoder(GeopyGeocoder(service)))

- :class:`GeopyGeocoder` asks one geopy service (any name in
  ``geopy.geocoders.SERVICE_TO_GEOCODER``: ``nominatim``, ``photon``, ``arcgis`` ...), paced by
  geopy's :class:`~geopy.extra.rate_limiter.RateLimiter` (one request per second by default, as
  Nominatim's usage policy requires), with a timeout, and retries with exponential backoff on
  timeouts, 429, 5xx and dropped connections. It returns ``None`` for "no such place" and raises
  :class:`~geo.errors.GeocoderUnavailable` once the retries are spent.
- :class:`~geo.geocode.cache.CachedGeocoder` remembers answers and misses in SQLite.
- :class:`FallbackGeocoder` asks the offline gazetteer first, the online service only for names
  the gazetteer does not know, and turns a failing service into the offline answer with one
  warning.

Nothing here touches the network until :meth:`geocode` is called.
"""

from __future__ import annotations

import inspect
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from geo.errors import ConfigError, GeocoderUnavailable, GeocodingError, UnknownGeocoderError
from geo.records import Place, PlaceKind

if TYPE_CHECKING:
    from typing_extensions import Self

    from geo.geocode import Geocoder
    from geo.geocode.cache import GeocodeCache

log = logging.getLogger(__name__)

__all__ = [
    "USER_AGENT_ENV",
    "FallbackGeocoder",
    "GeopyGeocoder",
    "build_geocoder",
    "place_from_raw",
    "register",
    "service_names",
]

#: Environment variable read when no ``user_agent`` is given.
USER_AGENT_ENV = "DIPLOMAP_USER_AGENT"

# geopy's sample agents, which Nominatim's operators block.
_SAMPLE_USER_AGENTS = frozenset(
    {"my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"}
)

_DEFAULT_MIN_DELAY = 1.0  # seconds between requests: Nominatim's usage policy, polite elsewhere

# Result classes that name a business or a road rather than a place a news story is about;
# taken only when the service offers nothing better.
_NOT_PLACES = frozenset(
    {"highway", "shop", "craft", "railway", "public_transport", "emergency", "power", "bus", "club"}
)

# Nominatim ``addresstype``/``type`` (and Photon ``type``/``osm_value``) to our kinds.
_TYPE_KIND: dict[str, PlaceKind] = {
    "continent": PlaceKind.CONTINENT,
    "country": PlaceKind.COUNTRY,
    "state": PlaceKind.ADMIN1,
    "province": PlaceKind.ADMIN1,
    "region": PlaceKind.ADMIN1,
    "state_district": PlaceKind.ADMIN2,
    "county": PlaceKind.ADMIN2,
    "district": PlaceKind.ADMIN2,
    "municipality": PlaceKind.CITY,
    "city": PlaceKind.CITY,
    "town": PlaceKind.CITY,
    "village": PlaceKind.CITY,
    "hamlet": PlaceKind.CITY,
    "locality": PlaceKind.CITY,
    "suburb": PlaceKind.CITY,
    "borough": PlaceKind.CITY,
    "city_district": PlaceKind.CITY,
    "quarter": PlaceKind.CITY,
    "neighbourhood": PlaceKind.CITY,
    "island": PlaceKind.REGION,
    "archipelago": PlaceKind.REGION,
    "sea": PlaceKind.REGION,
    "ocean": PlaceKind.REGION,
    "bay": PlaceKind.REGION,
    "strait": PlaceKind.REGION,
    "peninsula": PlaceKind.REGION,
}

# OSM classes whose features are areas of land or water rather than buildings.
_REGION_CLASSES = frozenset({"natural", "waterway", "landuse", "boundary", "geological"})

# Google's result types, checked in this order.
_GOOGLE_KIND = (
    ("country", PlaceKind.COUNTRY),
    ("administrative_area_level_1", PlaceKind.ADMIN1),
    ("administrative_area_level_2", PlaceKind.ADMIN2),
    ("locality", PlaceKind.CITY),
    ("sublocality", PlaceKind.CITY),
    ("continent", PlaceKind.CONTINENT),
    ("natural_feature", PlaceKind.REGION),
)


def service_names() -> list[str]:
    """Names of the geopy services :func:`build_geocoder` accepts (``nominatim``, ``photon`` ...)."""
    from geopy.geocoders import SERVICE_TO_GEOCODER

    return sorted(SERVICE_TO_GEOCODER)


def _service_class(service: str) -> type:
    from geopy.geocoders import SERVICE_TO_GEOCODER

    cls = SERVICE_TO_GEOCODER.get(service.lower())
    if cls is None:
        raise UnknownGeocoderError(service, ["offline", *SERVICE_TO_GEOCODER])
    return cls  # type: ignore[no-any-return]


def _needs_user_agent(cls: type) -> bool:
    from geopy.geocoders import Nominatim

    return issubclass(cls, Nominatim)


def _alpha3(country: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_2=country)
    return found.alpha_3 if found is not None else country


def _alpha2(code: object) -> str | None:
    """An ISO alpha-2 code from whatever a service returns (``fr``, ``FRA``); None if unknown."""
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    if len(code) == 2:
        return code
    if len(code) == 3:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
        return found.alpha_2 if found is not None else None
    return None


def _kind_from_rank(rank: object) -> PlaceKind | None:
    # Nominatim's place_rank: 2 continent, 4 country, 5-9 state, 10-12 county, 13-25 settlements.
    if not isinstance(rank, (int, float)):
        return None
    if rank <= 3:
        return PlaceKind.CONTINENT
    if rank == 4:
        return PlaceKind.COUNTRY
    if rank <= 9:
        return PlaceKind.ADMIN1
    if rank <= 12:
        return PlaceKind.ADMIN2
    if rank <= 25:
        return PlaceKind.CITY
    return None


def _kind(raw: Mapping[str, Any]) -> PlaceKind:
    props = raw.get("properties")
    if isinstance(props, Mapping):  # Photon: a GeoJSON feature
        for key in ("type", "osm_value"):
            kind = _TYPE_KIND.get(str(props.get(key, "")))
            if kind is not None:
                return kind
        return PlaceKind.REGION if props.get("osm_key") in _REGION_CLASSES else PlaceKind.LANDMARK
    types = raw.get("types")
    if isinstance(types, list):  # Google
        for gtype, kind in _GOOGLE_KIND:
            if gtype in types:
                return kind
        return PlaceKind.LANDMARK
    osm_class = str(raw.get("class", raw.get("category", "")))
    osm_type = str(raw.get("type", ""))
    addresstype = str(raw.get("addresstype", ""))
    if osm_class in {"place", "boundary"} or addresstype:
        for key in (addresstype, osm_type):
            kind = _TYPE_KIND.get(key)
            if kind is not None:
                return kind
        ranked = _kind_from_rank(raw.get("place_rank"))
        if osm_class == "boundary" and osm_type == "administrative" and ranked is not None:
            return ranked
    if osm_class in _REGION_CLASSES:
        return PlaceKind.REGION
    if osm_class:
        return PlaceKind.LANDMARK
    # A service that says nothing about what it found: most unknown names in news are towns.
    return PlaceKind.CITY


def _country(raw: Mapping[str, Any]) -> str | None:
    address = raw.get("address")
    if isinstance(address, Mapping):  # Nominatim with addressdetails
        return _alpha2(address.get("country_code"))
    props = raw.get("properties")
    if isinstance(props, Mapping):  # Photon
        return _alpha2(props.get("countrycode"))
    components = raw.get("address_components")
    if isinstance(components, list):  # Google
        for comp in components:
            if isinstance(comp, Mapping) and "country" in comp.get("types", ()):
                return _alpha2(comp.get("short_name"))
    for key in ("country_code", "countryCode", "CountryCode", "Country"):
        value = raw.get(key)
        if value is None and isinstance(raw.get("attributes"), Mapping):  # ArcGIS out_fields
            value = raw["attributes"].get(key)
        code = _alpha2(value)
        if code is not None:
            return code
    return None


def _name(raw: Mapping[str, Any], address: str) -> str:
    for container in (raw, raw.get("properties")):
        if isinstance(container, Mapping):
            name = container.get("name")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return address.split(",")[0].strip() or address


def place_from_raw(
    raw: Mapping[str, Any], *, lat: float | None, lon: float | None, address: str = ""
) -> Place:
    """A :class:`~geo.records.Place` from one geopy result's ``raw`` answer.

    Reads Nominatim's ``class``/``type``/``addresstype``/``place_rank`` and
    ``address.country_code``, Photon's GeoJSON properties and Google's ``types``; other
    services give a city-kind place with whatever country code they return.

    Examples
    --------
    >>> raw = {"class": "boundary", "type": "administrative", "addresstype": "state",
    ...        "name": "Bavaria", "address": {"country_code": "de"}}
    >>> place_from_raw(raw, lat=48.9, lon=11.4)
    Place(name='Bavaria', kind=<PlaceKind.ADMIN1: 'admin1'>, country='DE', lat=48.9, lon=11.4, geonameid=None, population=0)
    """
    population = 0
    extratags = raw.get("extratags")
    if isinstance(extratags, Mapping):
        try:
            population = int(str(extratags.get("population", "0")).replace(",", ""))
        except ValueError:
            population = 0
    return Place(
        name=_name(raw, address),
        kind=_kind(raw),
        country=_country(raw),
        lat=lat,
        lon=lon,
        population=population,
    )


def _is_transient(exc: BaseException) -> bool:
    """Whether asking again later may succeed (timeouts, 429, 5xx, dropped connections)."""
    from geopy import exc as gexc

    if isinstance(exc, (gexc.GeocoderTimedOut, gexc.GeocoderUnavailable, gexc.GeocoderRateLimited)):
        return True
    permanent = (
        gexc.GeocoderQueryError,
        gexc.GeocoderAuthenticationFailure,
        gexc.GeocoderInsufficientPrivileges,
        gexc.GeocoderQuotaExceeded,
        gexc.GeocoderParseError,
    )
    # A bare GeocoderServiceError is a 500/502 or a connection the server closed without answering.
    return isinstance(exc, gexc.GeocoderServiceError) and not isinstance(exc, permanent)


def _adapter_factory() -> Callable[..., Any]:
    """geopy's requests adapter without urllib3's own retries: every retry is ours, so it is paced."""
    import functools

    from geopy.adapters import RequestsAdapter, URLLibAdapter

    if RequestsAdapter.is_available:
        return functools.partial(RequestsAdapter, max_retries=0)
    return URLLibAdapter  # type: ignore[no-any-return]


class GeopyGeocoder:
    """One geopy service behind the :class:`~geo.geocode.Geocoder` protocol.

    Parameters
    ----------
    service
        A name in ``geopy.geocoders.SERVICE_TO_GEOCODER`` (``"nominatim"``, ``"photon"`` ...).
    user_agent
        Identifies your application to the service; required for Nominatim and its
        derivatives (their usage policy). Falls back to ``$DIPLOMAP_USER_AGENT``.
    timeout
        Seconds to wait for one answer.
    min_delay_seconds
        Least time between two requests (geopy's ``RateLimiter``); 1 s by default.
    max_retries
        Further attempts after a timeout, 429, 5xx or dropped connection.
    backoff_seconds, max_backoff_seconds
        Wait before retry ``n`` is ``backoff_seconds * 2**n`` (or the service's
        ``Retry-After``), never more than ``max_backoff_seconds``.
    language
        Preferred language of the returned names, where the service takes one.
    **options
        Passed to the geopy class: ``domain``, ``scheme``, ``api_key``, ``username`` ...

    Raises
    ------
    UnknownGeocoderError
        ``service`` is not a geopy service.
    ConfigError
        A missing user agent, a missing API key, or an option the service does not take.
    """

    def __init__(
        self,
        service: str,
        *,
        user_agent: str | None = None,
        timeout: float = 10.0,
        min_delay_seconds: float = _DEFAULT_MIN_DELAY,
        max_retries: int = 3,
        backoff_seconds: float = 1.0,
        max_backoff_seconds: float = 60.0,
        language: str | None = "en",
        **options: Any,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        cls = _service_class(service)
        self.service = service.lower()
        for label, value in (
            ("timeout", timeout),
            ("min_delay_seconds", min_delay_seconds),
            ("backoff_seconds", backoff_seconds),
            ("max_backoff_seconds", max_backoff_seconds),
        ):
            if not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
                raise ConfigError(f"{label} must be a number of seconds >= 0, not {value!r}")
        if not isinstance(max_retries, int) or max_retries < 0:
            raise ConfigError(f"max_retries must be an integer >= 0, not {max_retries!r}")
        agent = user_agent or os.environ.get(USER_AGENT_ENV) or None
        if agent is not None and agent.strip().lower() in _SAMPLE_USER_AGENTS:
            raise ConfigError(f"user agent {agent!r} is a sample that services block; name your application")
        if agent is None and _needs_user_agent(cls):
            raise ConfigError(
                f"the {self.service} geocoder needs a user agent that identifies your application "
                "(its usage policy requires one): pass --user-agent 'yourapp/1.0 (you@example.org)' "
                f"or user_agent=..., or set {USER_AGENT_ENV}"
            )
        if agent is None:
            from geo import __version__

            agent = f"diplomap/{__version__}"
        self.user_agent = agent
        self.timeout = float(timeout)
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = max_retries
        self.backoff_seconds = float(backoff_seconds)
        self.max_backoff_seconds = float(max_backoff_seconds)
        self.language = language
        options.setdefault("adapter_factory", _adapter_factory())
        try:
            self._geocoder = cls(user_agent=agent, timeout=self.timeout, **options)
        except TypeError as exc:
            accepted = [p for p in inspect.signature(cls).parameters if p != "user_agent"]
            raise ConfigError(
                f"the {self.service} geocoder cannot be set up with {sorted(options)}: {exc}; "
                f"it takes: {', '.join(accepted)}"
            ) from exc
        except Exception as exc:  # geopy's ConfigurationError: a missing api_key, a bad scheme
            raise ConfigError(f"the {self.service} geocoder cannot be set up: {exc}") from exc
        self._params = set(inspect.signature(self._geocoder.geocode).parameters)
        # geopy's RateLimiter does the pacing only: retries are ours so that each waits its backoff.
        self._limited = RateLimiter(
            self._geocoder.geocode,
            min_delay_seconds=self.min_delay_seconds,
            max_retries=0,
            error_wait_seconds=self.min_delay_seconds,
            swallow_exceptions=False,
        )

    @property
    def endpoint(self) -> str:
        """The service's base address (``https://nominatim.openstreetmap.org/search``)."""
        return str(
            getattr(self._geocoder, "api", None) or getattr(self._geocoder, "domain", None) or self.service
        )

    @property
    def cache_key(self) -> str:
        """What a cache keys this backend's answers by: service, endpoint and language."""
        return f"{self.service}|{self.endpoint}|{self.language or ''}"

    def _query_options(self, country: str | None) -> dict[str, Any]:
        params = self._params
        kw: dict[str, Any] = {"exactly_one": False}
        if "limit" in params:
            kw["limit"] = 5
        if "addressdetails" in params:
            kw["addressdetails"] = True
        if self.language and "language" in params:
            kw["language"] = self.language
        if country:
            if "country_codes" in params:
                kw["country_codes"] = country.lower()
            elif "countries" in params:
                kw["countries"] = [_alpha3(country)]
            elif "country" in params:
                kw["country"] = country
            elif "components" in params and self.service in {"google", "googlev3"}:
                kw["components"] = {"country": country}
        return kw

    def _ask(self, name: str, country: str | None) -> Any:
        from geopy import exc as gexc

        kwargs = self._query_options(country)
        last: BaseException | None = None
        for attempt in range(self.max_retries + 1):
            try:
                return self._limited(name, **kwargs)
            except gexc.GeopyError as exc:
                if not _is_transient(exc):
                    raise GeocodingError(
                        f"{self.service} refused {name!r}: {type(exc).__name__}: {exc}"
                    ) from exc
                last = exc
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                # geopy's parsers trust the service's JSON: an answer of the wrong shape lands here.
                raise GeocodingError(
                    f"{self.service} at {self.endpoint} gave an unreadable answer for {name!r}: {exc!r}"
                ) from exc
            if attempt == self.max_retries:
                break
            wait = self.backoff_seconds * 2**attempt
            retry_after = getattr(last, "retry_after", None)
            if isinstance(retry_after, (int, float)) and retry_after > wait:
                wait = float(retry_after)
            wait = min(wait, self.max_backoff_seconds)
            log.info(
                "%s: %s for %r; retry %d/%d in %.2f s",
                self.service,
                type(last).__name__,
                name,
                attempt + 1,
                self.max_retries,
                wait,
            )
            time.sleep(wait)
        raise GeocoderUnavailable(
            f"{self.service} at {self.endpoint} did not answer {name!r} after {self.max_retries + 1} "
            f"attempts ({type(last).__name__}: {last}); try later or raise max_retries/timeout"
        ) from last

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        """The service's best place for ``name`` (in ISO ``country`` if given), or ``None``.

        Raises
        ------
        GeocoderUnavailable
            The service did not answer after the retries (timeouts, 429, 5xx, dropped connections).
        GeocodingError
            The service refused the query (bad request, bad key, quota) or gave an unreadable answer.
        ConfigError
            ``country`` is not a two-letter code.
        """
        query = " ".join(name.split())
        if not query:
            return None
        if country is not None and not (len(country) == 2 and country.isascii() and country.isalpha()):
            raise ConfigError(f"country must be an ISO 3166-1 alpha-2 code such as 'IQ', not {country!r}")
        country = country.upper() if country else None
        locations = self._ask(query, country)
        if not locations:
            return None
        if not isinstance(locations, list):
            locations = [locations]
        places: list[tuple[bool, Place]] = []
        for loc in locations:
            raw = loc.raw if isinstance(loc.raw, Mapping) else {}
            place = place_from_raw(raw, lat=loc.latitude, lon=loc.longitude, address=loc.address or "")
            if country is not None and place.country is not None and place.country != country:
                continue
            props = raw.get("properties")
            osm_class = props.get("osm_key") if isinstance(props, Mapping) else raw.get("class")
            places.append((str(osm_class or "") in _NOT_PLACES, place))
        if not places:
            return None
        # Services rank by importance already: keep their order, but a town before a shop of that name.
        return min(places, key=lambda item: item[0])[1]

    def close(self) -> None:
        """Close the service's keep-alive connections."""
        adapter = getattr(self._geocoder, "adapter", None)
        exit_ = getattr(adapter, "__exit__", None)
        if exit_ is not None:
            exit_(None, None, None)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"GeopyGeocoder({self.service!r}, endpoint={self.endpoint!r})"


class FallbackGeocoder:
    """Ask ``offline`` first and ``online`` for what it does not know; never fail the run.

    When ``online`` raises :class:`~geo.errors.GeocodingError`, the offline answer (``None``)
    stands and one warning is logged for the whole run. After ``trip_after`` failures in a row
    the online service is left alone for ``cooldown_seconds`` so a dead service does not cost
    every remaining name its retries.

    Parameters
    ----------
    offline
        The first geocoder asked, usually :func:`geo.geocode.default_gazetteer`; ``None`` for
        none.
    online
        The geocoder asked for the names ``offline`` does not resolve.
    """

    def __init__(
        self,
        offline: Geocoder | None,
        online: Geocoder,
        *,
        trip_after: int = 3,
        cooldown_seconds: float = 300.0,
    ) -> None:
        if trip_after < 1:
            raise ConfigError(f"trip_after must be >= 1, not {trip_after!r}")
        self.offline = offline
        self.online = online
        self.trip_after = trip_after
        self.cooldown_seconds = cooldown_seconds
        self._lock = threading.Lock()
        self._warned = False
        self._consecutive = 0
        self._paused_until = 0.0
        self.counts = {"offline": 0, "online": 0, "not_found": 0, "failed": 0, "skipped": 0}

    def _count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        """The offline answer if there is one, else the online one; ``None`` if neither knows."""
        if self.offline is not None:
            place = self.offline.geocode(name, country=country)
            if place is not None:
                self._count("offline")
                return place
        if time.monotonic() < self._paused_until:
            self._count("skipped")
            return None
        try:
            place = self.online.geocode(name, country=country)
        except GeocodingError as exc:
            self._failed(name, exc)
            return None
        with self._lock:
            self._consecutive = 0
        self._count("online" if place is not None else "not_found")
        return place

    def _failed(self, name: str, exc: GeocodingError) -> None:
        with self._lock:
            self.counts["failed"] += 1
            self._consecutive += 1
            first = not self._warned
            self._warned = True
            trip = self._consecutive >= self.trip_after
            if trip:
                self._consecutive = 0
                self._paused_until = time.monotonic() + self.cooldown_seconds
        if first:
            log.warning(
                "online geocoding failed, using the offline answer instead (further failures at INFO): %s",
                exc,
            )
        else:
            log.info("online geocoding failed for %r, offline answer kept: %s", name, exc)
        if trip:
            log.info(
                "online geocoder paused for %.0f s after %d failures in a row",
                self.cooldown_seconds,
                self.trip_after,
            )

    def stats(self) -> dict[str, Any]:
        """Where answers came from (``offline``, ``online``, ``not_found``, ``failed``,
        ``skipped``), plus the online stack's own ``stats()`` under ``"cache"`` when it has one."""
        with self._lock:
            out: dict[str, Any] = dict(self.counts)
        inner = getattr(self.online, "stats", None)
        if callable(inner):
            out["cache"] = inner()
        return out

    def close(self) -> None:
        """Close the online stack (connections, cache)."""
        close = getattr(self.online, "close", None)
        if callable(close):
            close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _DefaultGazetteer:
    """The shared offline gazetteer, loaded on the first lookup rather than when the stack is built."""

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        from geo.geocode import default_gazetteer

        return default_gazetteer().geocode(name, country=country)


def build_geocoder(
    service: str,
    *,
    offline: Geocoder | bool = True,
    cache: bool | str | os.PathLike[str] | GeocodeCache = True,
    trip_after: int = 3,
    cooldown_seconds: float = 300.0,
    **options: Any,
) -> FallbackGeocoder:
    """The online stack for ``service``: offline gazetteer, then cache, then the service.

    Parameters
    ----------
    service
        A geopy service name (``"nominatim"``, ``"photon"``, ``"arcgis"`` ...).
    offline
        ``True`` for the default offline gazetteer, ``False`` for none, or any Geocoder.
    cache
        ``True`` for ``geocode.sqlite`` in the user's cache directory (``DIPLOMAP_CACHE_DIR``
        overrides it), ``False`` for no cache, a path, or an open
        :class:`~geo.geocode.cache.GeocodeCache`.
    **options
        :class:`GeopyGeocoder` options: ``user_agent``, ``timeout``, ``min_delay_seconds``,
        ``max_retries``, ``domain``, ``scheme``, ``api_key`` ...

    Examples
    --------
    >>> g = build_geocoder("nominatim", user_agent="diplomap-docs/1.0", cache=False, offline=False)
    >>> g.online
    GeopyGeocoder('nominatim', endpoint='https://nominatim.openstreetmap.org/search')
    """
    from geo.geocode.cache import CachedGeocoder

    online: Geocoder = GeopyGeocoder(service, **options)
    if cache is not False:
        online = CachedGeocoder(online, cache=None if cache is True else cache)
    first: Geocoder | None
    if offline is True:
        first = _DefaultGazetteer()
    elif offline is False:
        first = None
    else:
        first = offline
    return FallbackGeocoder(first, online, trip_after=trip_after, cooldown_seconds=cooldown_seconds)


def register(register_geocoder: Callable[[str, Callable[..., Geocoder]], None]) -> None:
    """Register every geopy service under its geopy name (called by :mod:`geo.geocode`)."""
    import functools

    try:
        from geopy.geocoders import SERVICE_TO_GEOCODER
    except ImportError:  # pragma: no cover - geopy is a hard dependency
        log.debug("geopy is not installed; only the offline geocoder is available")
        return
    for name in SERVICE_TO_GEOCODER:
        register_geocoder(name, functools.partial(build_geocoder, name))
