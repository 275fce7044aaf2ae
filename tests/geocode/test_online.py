"""Online geocoding against a real HTTP server on 127.0.0.1 that speaks Nominatim's JSON.

No test here reaches the internet: every geopy geocoder is built by :func:`online` (which
checks it points at 127.0.0.1) and :func:`_loopback_only` refuses any other connection.
"""

from __future__ import annotations

import itertools
import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geo.errors import ConfigError, GeocoderUnavailable, GeocodingError, UnknownGeocoderError
from geo.geocode import geocoder_names, get_geocoder
from geo.geocode.cache import CachedGeocoder, GeocodeCache
from geo.geocode.online import FallbackGeocoder, GeopyGeocoder, build_geocoder, place_from_raw
from geo.records import Place, PlaceKind

try:
    from .fake_nominatim import FakeNominatim, nominatim_result
except ImportError:
    from fake_nominatim import FakeNominatim, nominatim_result  # type: ignore[no-redef]

AGENT = "diplomap-tests/1.0 (tests@localhost)"
TOL = 0.05  # seconds of slack: the first request also pays for its connection and server thread

TABLE = {
    "lyon": [nominatim_result("Lyon", 45.7578, 4.8320, "fr")],
    "nakhon ratchasima": [nominatim_result("Nakhon Ratchasima", 14.9707, 102.1019, "th", osm_type="city")],
    "bavaria": [
        nominatim_result(
            "Bavaria",
            48.9468,
            11.4039,
            "de",
            osm_class="boundary",
            osm_type="administrative",
            addresstype="state",
            place_rank=8,
        )
    ],
    "tuvalu": [
        nominatim_result(
            "Tuvalu",
            -8.6405,
            179.1550,
            "tv",
            osm_class="boundary",
            osm_type="administrative",
            addresstype="country",
            place_rank=4,
        )
    ],
    "bab-el-mandeb": [
        nominatim_result(
            "Bab-el-Mandeb", 12.5833, 43.3333, "dj", osm_class="natural", osm_type="strait", place_rank=22
        )
    ],
    "camp lemonnier": [
        nominatim_result(
            "Camp Lemonnier", 11.5469, 43.1556, "dj", osm_class="military", osm_type="base", place_rank=30
        )
    ],
    # An invented venue no offline gazetteer holds.
    "halcyon naval base": [
        nominatim_result(
            "Halcyon Naval Base", 11.61, 43.14, "dj", osm_class="military", osm_type="base", place_rank=30
        )
    ],
    # A shop that Nominatim ranks first, and the town a news story means.
    "kherson": [
        nominatim_result("Kherson", 40.71, -74.0, "us", osm_class="shop", osm_type="bakery", place_rank=30),
        nominatim_result("Kherson", 46.6354, 32.6169, "ua"),
    ],
    # The US state and the country: the country restriction decides.
    "georgia": [
        nominatim_result(
            "Georgia",
            32.3293,
            -83.1137,
            "us",
            osm_class="boundary",
            osm_type="administrative",
            addresstype="state",
            place_rank=8,
        ),
        nominatim_result(
            "Georgia",
            41.6809,
            44.0287,
            "ge",
            osm_class="boundary",
            osm_type="administrative",
            addresstype="country",
            place_rank=4,
        ),
    ],
}


class TableGeocoder:
    """A small offline geocoder standing in for the gazetteer."""

    def __init__(self, places: dict[str, Place]) -> None:
        self.places = places
        self.asked: list[str] = []

    def geocode(self, name: str, country: str | None = None) -> Place | None:
        self.asked.append(name)
        place = self.places.get(name.casefold())
        if place is not None and country is not None and place.country != country:
            return None
        return place


BAGHDAD = Place("Baghdad", PlaceKind.CITY, "IQ", 33.3406, 44.4009, geonameid=98182)


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection that is not to 127.0.0.1: no test may reach the internet."""
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1"):
            raise AssertionError(f"test tried to reach {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.delenv("DIPLOMAP_USER_AGENT", raising=False)


@pytest.fixture()
def server() -> Iterator[FakeNominatim]:
    with FakeNominatim(TABLE) as fake:
        yield fake


@pytest.fixture()
def cache_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIPLOMAP_CACHE_DIR", str(tmp_path))
    return tmp_path / "geocode.sqlite"


def _check_local(geocoder: GeopyGeocoder, server: FakeNominatim) -> GeopyGeocoder:
    assert geocoder.endpoint.startswith(f"http://127.0.0.1:{server.port}/"), geocoder.endpoint
    return geocoder


@pytest.fixture()
def online(server: FakeNominatim) -> Iterator[Any]:
    """Build GeopyGeocoders against the fake server (fast settings unless overridden)."""
    made: list[GeopyGeocoder] = []

    def make(**options: Any) -> GeopyGeocoder:
        settings: dict[str, Any] = {
            "user_agent": AGENT,
            "domain": server.domain,
            "scheme": "http",
            "timeout": 0.5,
            "min_delay_seconds": 0.0,
            "max_retries": 2,
            "backoff_seconds": 0.02,
        }
        settings.update(options)
        geocoder = _check_local(GeopyGeocoder("nominatim", **settings), server)
        made.append(geocoder)
        return geocoder

    yield make
    for geocoder in made:
        geocoder.close()


def _stack(server: FakeNominatim, cache: Path | bool, **options: Any) -> FallbackGeocoder:
    settings: dict[str, Any] = {
        "user_agent": AGENT,
        "domain": server.domain,
        "scheme": "http",
        "timeout": 0.5,
        "min_delay_seconds": 0.0,
        "max_retries": 1,
        "backoff_seconds": 0.02,
        "offline": TableGeocoder({"baghdad": BAGHDAD}),
        "cache": cache,
    }
    settings.update(options)
    stack = get_geocoder("nominatim", **settings)
    assert isinstance(stack, FallbackGeocoder)
    inner = stack.online.geocoder if isinstance(stack.online, CachedGeocoder) else stack.online
    assert isinstance(inner, GeopyGeocoder)
    _check_local(inner, server)
    return stack


# --- answers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("Lyon", None, ("Lyon", PlaceKind.CITY, "FR", 45.7578, 4.8320)),
        ("  nakhon   RATCHASIMA ", None, ("Nakhon Ratchasima", PlaceKind.CITY, "TH", 14.9707, 102.1019)),
        ("Bavaria", None, ("Bavaria", PlaceKind.ADMIN1, "DE", 48.9468, 11.4039)),
        ("Tuvalu", None, ("Tuvalu", PlaceKind.COUNTRY, "TV", -8.6405, 179.1550)),
        ("Bab-el-Mandeb", None, ("Bab-el-Mandeb", PlaceKind.REGION, "DJ", 12.5833, 43.3333)),
        ("Camp Lemonnier", None, ("Camp Lemonnier", PlaceKind.LANDMARK, "DJ", 11.5469, 43.1556)),
        ("Kherson", None, ("Kherson", PlaceKind.CITY, "UA", 46.6354, 32.6169)),
        ("Georgia", "GE", ("Georgia", PlaceKind.COUNTRY, "GE", 41.6809, 44.0287)),
        ("Georgia", "us", ("Georgia", PlaceKind.ADMIN1, "US", 32.3293, -83.1137)),
        ("Lyon", "DE", None),
        ("Atlantis", None, None),
    ],
)
def test_geocode_maps_nominatim_json_to_places(
    online: Any, query: str, country: str | None, expected: tuple[Any, ...] | None
) -> None:
    place = online().geocode(query, country=country)
    if expected is None:
        assert place is None
    else:
        assert place is not None
        assert (place.name, place.kind, place.country, place.lat, place.lon) == expected


def test_request_asks_for_address_details_country_and_identifies_the_client(
    server: FakeNominatim, online: Any
) -> None:
    online().geocode("Georgia", country="GE")
    (request,) = server.requests
    assert request.path == "/search"
    assert request.params["q"] == "Georgia"
    assert request.params["format"] == "json"
    assert request.params["addressdetails"] == "1"
    assert request.params["countrycodes"] == "ge"
    assert request.headers["User-Agent"] == AGENT


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"class": "place", "type": "town", "address": {"country_code": "gb"}}, (PlaceKind.CITY, "GB")),
        ({"class": "boundary", "type": "administrative", "place_rank": 12}, (PlaceKind.ADMIN2, None)),
        ({"class": "place", "type": "continent"}, (PlaceKind.CONTINENT, None)),
        (
            {"class": "tourism", "type": "attraction", "address": {"country_code": "ru"}},
            (PlaceKind.LANDMARK, "RU"),
        ),
        ({"properties": {"type": "state", "countrycode": "IN", "name": "Goa"}}, (PlaceKind.ADMIN1, "IN")),
        (
            {"properties": {"osm_key": "natural", "osm_value": "sea", "countrycode": "GR"}},
            (PlaceKind.REGION, "GR"),
        ),
        (
            {
                "types": ["locality", "political"],
                "address_components": [{"types": ["country"], "short_name": "KE"}],
            },
            (PlaceKind.CITY, "KE"),
        ),
        ({"attributes": {"Country": "IRQ"}}, (PlaceKind.CITY, "IQ")),
    ],
)
def test_place_from_raw_reads_each_services_fields(raw: dict[str, Any], expected: tuple[Any, ...]) -> None:
    place = place_from_raw(raw, lat=1.0, lon=2.0, address="Somewhere, Else")
    assert (place.kind, place.country) == expected


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("Bavaria", None, ("Bavaria", PlaceKind.ADMIN1, "DE")),
        ("Bab-el-Mandeb", None, ("Bab-el-Mandeb", PlaceKind.REGION, "DJ")),
        ("Kherson", None, ("Kherson", PlaceKind.CITY, "UA")),
        ("Georgia", "GE", ("Georgia", PlaceKind.COUNTRY, "GE")),  # Photon has no country filter: ours
        ("Lyon", "DE", None),
    ],
)
def test_photon_is_another_service_behind_the_same_protocol(
    server: FakeNominatim, query: str, country: str | None, expected: tuple[Any, ...] | None
) -> None:
    stack = get_geocoder(
        "photon", domain=server.domain, scheme="http", min_delay_seconds=0, cache=False, offline=False
    )
    assert isinstance(stack, FallbackGeocoder) and isinstance(stack.online, GeopyGeocoder)
    with _check_local(stack.online, server):
        place = stack.geocode(query, country=country)
    assert (place and (place.name, place.kind, place.country)) == expected
    (request,) = server.requests
    assert request.path == "/api" and request.headers["User-Agent"].startswith("diplomap/")


# --- cache ---------------------------------------------------------------------------------


def test_a_miss_is_cached_and_the_second_call_makes_no_request(
    server: FakeNominatim, online: Any, cache_path: Path
) -> None:
    with CachedGeocoder(online(), cache=cache_path) as g:
        assert g.geocode("Atlantis") is None
        assert g.geocode("atlantis ") is None
        stats = g.stats()
    assert server.searches() == ["Atlantis"]
    assert (stats["asked"], stats["hits"], stats["negative_hits"], stats["misses"]) == (1, 1, 1, 1)


def test_a_hit_persists_across_cache_instances(server: FakeNominatim, online: Any, cache_path: Path) -> None:
    with CachedGeocoder(online(), cache=cache_path) as first:
        place = first.geocode("Bavaria")
    assert place is not None and len(server.requests) == 1
    with CachedGeocoder(online(), cache=GeocodeCache(cache_path)) as second:
        again = second.geocode("BAVARIA")
        second.cache.close()
    assert again == place
    assert len(server.requests) == 1


def test_cache_keys_by_country_and_backend(server: FakeNominatim, online: Any, cache_path: Path) -> None:
    with GeocodeCache(cache_path) as store:
        first = CachedGeocoder(online(), cache=store)
        assert first.geocode("Georgia", country="US") is not None
        assert first.geocode("Georgia", country="GE") is not None
        other_language = CachedGeocoder(online(language="fr"), cache=store)
        other_language.geocode("Georgia", country="US")
        assert other_language.backend != first.backend
    assert server.searches() == ["Georgia", "Georgia", "Georgia"]


def test_failures_are_not_cached(server: FakeNominatim, online: Any, cache_path: Path) -> None:
    with CachedGeocoder(online(max_retries=0), cache=cache_path) as g:
        server.script("status:500")
        with pytest.raises(GeocoderUnavailable):
            g.geocode("Lyon")
        place = g.geocode("Lyon")
        assert g.stats()["errors"] == 1
    assert place is not None and place.country == "FR"
    assert server.searches() == ["Lyon", "Lyon"]


# --- failures ------------------------------------------------------------------------------


def test_timeouts_are_retried_then_the_stack_falls_back_with_one_warning(
    server: FakeNominatim, cache_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.set_default("delay:3")
    with _stack(server, cache_path, timeout=0.25, max_retries=1) as stack:
        with caplog.at_level(logging.INFO, logger="geo.geocode.online"):
            answers = [stack.geocode(n) for n in ("Lyon", "Baghdad", "Tuvalu")]
        counts = stack.stats()
    assert answers == [None, BAGHDAD, None]
    assert server.searches() == ["Lyon", "Lyon", "Tuvalu", "Tuvalu"]  # 1 try + 1 retry each
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "offline answer" in warnings[0].getMessage()
    assert (counts["offline"], counts["failed"], counts["cache"]["misses"], counts["cache"]["places"]) == (
        1,
        2,
        0,
        0,
    )


def test_429_is_retried_after_retry_after(server: FakeNominatim, online: Any) -> None:
    server.script("status:429")
    server.set_retry_after("1")
    place = online(backoff_seconds=0.01, max_backoff_seconds=5).geocode("Lyon")
    assert place is not None and place.name == "Lyon"
    first, second = server.requests
    assert second.time - first.time >= 1.0 - TOL


def test_500_raises_unavailable_inside_and_falls_back_outside(
    server: FakeNominatim, online: Any, cache_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.set_default("status:500")
    with pytest.raises(GeocoderUnavailable) as exc:
        online(max_retries=2).geocode("Lyon")
    assert isinstance(exc.value, ConnectionError) and "3 attempts" in str(exc.value)
    assert server.searches() == ["Lyon"] * 3
    with _stack(server, cache_path) as stack, caplog.at_level(logging.WARNING):
        assert stack.geocode("Lyon") is None
        assert stack.geocode("Baghdad") == BAGHDAD
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


@pytest.mark.parametrize("status", ["400", "403"])
def test_refusals_are_not_retried(server: FakeNominatim, online: Any, status: str) -> None:
    server.set_default(f"status:{status}")
    with pytest.raises(GeocodingError) as exc:
        online(max_retries=3).geocode("Lyon")
    assert not isinstance(exc.value, GeocoderUnavailable)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    "body",
    [
        "<html><body>Service temporarily moved</body></html>",  # not JSON
        '[{"lat": "north", "lon": "east", "display_name": "?"}]',  # JSON of the wrong shape
        '{"error": "Nominatim is in maintenance"}',
    ],
)
def test_an_unreadable_answer_is_an_error_inside_and_the_offline_answer_outside(
    server: FakeNominatim, online: Any, cache_path: Path, body: str, caplog: pytest.LogCaptureFixture
) -> None:
    server.set_default(f"body:{body}")
    with pytest.raises(GeocodingError):
        online().geocode("Lyon")
    with _stack(server, cache_path) as stack, caplog.at_level(logging.WARNING):
        assert stack.geocode("Lyon") is None
        assert stack.stats()["cache"]["misses"] == 0  # not mistaken for "no such place"
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


@pytest.mark.parametrize("country", ["Iraq", "IRQ", "i", "ÖS"])
def test_country_must_be_alpha2(server: FakeNominatim, online: Any, country: str) -> None:
    with pytest.raises(ConfigError, match="alpha-2"):
        online().geocode("Lyon", country=country)
    assert server.requests == []


def test_a_dropped_connection_is_retried(server: FakeNominatim, online: Any) -> None:
    server.script("drop", "drop")
    place = online(max_retries=2).geocode("Tuvalu")
    assert place is not None and place.country == "TV"
    assert server.searches() == ["Tuvalu"] * 3


def test_a_server_that_always_drops_makes_the_stack_answer_offline(
    server: FakeNominatim, cache_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.set_default("drop")
    with (
        _stack(server, cache_path, trip_after=2, cooldown_seconds=60) as stack,
        caplog.at_level(logging.WARNING),
    ):
        answers = [stack.geocode(n) for n in ("Lyon", "Tuvalu", "Bavaria", "Baghdad")]
        counts = stack.stats()
    assert answers == [None, None, None, BAGHDAD]
    # Two names failed (2 requests each); after that the service was left alone.
    assert server.searches() == ["Lyon", "Lyon", "Tuvalu", "Tuvalu"]
    assert (counts["failed"], counts["skipped"], counts["offline"]) == (2, 1, 1)
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1


def test_the_service_is_asked_again_after_the_cooldown(server: FakeNominatim, cache_path: Path) -> None:
    server.script("status:500", "status:500")
    with _stack(server, cache_path, trip_after=1, cooldown_seconds=0.3) as stack:
        assert stack.geocode("Lyon") is None  # fails twice (1 retry): paused
        assert stack.geocode("Tuvalu") is None  # paused: not asked
        time.sleep(0.35)
        place = stack.geocode("Tuvalu")
        counts = stack.stats()
    assert place is not None and place.country == "TV"
    assert server.searches() == ["Lyon", "Lyon", "Tuvalu"]
    assert (counts["failed"], counts["skipped"], counts["online"]) == (1, 1, 1)


# --- rate limiting -------------------------------------------------------------------------


def test_requests_are_spaced_by_the_rate_limiter(server: FakeNominatim, online: Any) -> None:
    g = online(min_delay_seconds=0.2)
    for name in ("Lyon", "Tuvalu", "Bavaria", "Atlantis"):
        g.geocode(name)
    times = [r.time for r in server.requests]
    assert len(times) == 4
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.2 - TOL


def test_retries_are_paced_too(server: FakeNominatim, online: Any) -> None:
    server.script("status:500", "drop")
    g = online(min_delay_seconds=0.2, backoff_seconds=0.0, max_retries=2)
    assert g.geocode("Lyon") is not None
    times = [r.time for r in server.requests]
    assert len(times) == 3
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.2 - TOL


# --- configuration -------------------------------------------------------------------------


def test_nominatim_defaults_to_one_request_per_second(server: FakeNominatim) -> None:
    with _check_local(
        GeopyGeocoder("nominatim", user_agent=AGENT, domain=server.domain, scheme="http"), server
    ) as g:
        assert g.min_delay_seconds == 1.0


def test_get_geocoder_nominatim_is_the_composed_stack(server: FakeNominatim, cache_path: Path) -> None:
    with _stack(server, cache_path) as stack:
        assert stack.geocode("Baghdad") == BAGHDAD  # offline answers first, no request
        assert server.requests == []
        place = stack.geocode("Nakhon Ratchasima")
        assert place is not None and place.country == "TH"
        assert stack.geocode("Nakhon Ratchasima") == place
    assert server.searches() == ["Nakhon Ratchasima"]


def test_default_cache_lives_in_diplomap_cache_dir(server: FakeNominatim, cache_path: Path) -> None:
    with _stack(server, True) as stack:
        stack.geocode("Lyon")
        assert stack.stats()["cache"]["path"] == str(cache_path)


def test_every_geopy_service_is_registered() -> None:
    from geopy.geocoders import SERVICE_TO_GEOCODER

    assert set(SERVICE_TO_GEOCODER) | {"offline"} <= set(geocoder_names())


def test_unknown_geocoder_name_lists_valid_names() -> None:
    with pytest.raises(UnknownGeocoderError) as exc:
        get_geocoder("nominatimm")
    message = str(exc.value)
    assert "'nominatimm'" in message
    for name in ("offline", "nominatim", "photon", "arcgis"):
        assert name in exc.value.valid and name in message


def test_missing_user_agent_is_a_config_error(server: FakeNominatim) -> None:
    with pytest.raises(ConfigError) as exc:
        get_geocoder("nominatim", domain=server.domain, scheme="http", cache=False)
    assert "user agent" in str(exc.value) and "--user-agent" in str(exc.value)


def test_user_agent_may_come_from_the_environment(
    server: FakeNominatim, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLOMAP_USER_AGENT", "env-agent/2.0")
    with _check_local(
        GeopyGeocoder("nominatim", domain=server.domain, scheme="http", min_delay_seconds=0), server
    ) as g:
        g.geocode("Lyon")
    assert server.requests[0].headers["User-Agent"] == "env-agent/2.0"


@pytest.mark.parametrize(
    ("service", "options", "fragment"),
    [
        ("nominatim", {"user_agent": "my-application"}, "sample"),
        ("nominatim", {"user_agent": AGENT, "no_such_option": 1}, "no_such_option"),
        ("nominatim", {"user_agent": AGENT, "timeout": -1}, "timeout"),
        ("nominatim", {"user_agent": AGENT, "max_retries": -1}, "max_retries"),
        ("nominatim", {"user_agent": AGENT, "scheme": "ftp"}, "scheme"),
        ("geonames", {"scheme": "http"}, "username"),
    ],
)
def test_bad_options_are_config_errors(service: str, options: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigError) as exc:
        build_geocoder(service, cache=False, offline=False, **options)
    assert fragment in str(exc.value)


def test_the_loopback_guard_refuses_other_hosts() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(AssertionError):
        sock.connect(("203.0.113.1", 80))  # TEST-NET-3: never routed


# --- command line --------------------------------------------------------------------------


def test_cli_geocode_with_nominatim(
    server: FakeNominatim,
    cache_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from geo.cli import main

    monkeypatch.setattr("geo.geocode.default_gazetteer", lambda: TableGeocoder({"baghdad": BAGHDAD}))
    args = ["geocode", "--geocoder", "nominatim", "--user-agent", AGENT]
    for option in (f"domain={server.domain}", "scheme=http", "min_delay_seconds=0", "timeout=0.5"):
        args += ["--geocoder-option", option]
    assert main([*args, "Baghdad", "Bab-el-Mandeb", "Atlantis"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["query"], d.get("country"), d.get("kind")) for d in lines] == [
        ("Baghdad", "IQ", "city"),
        ("Bab-el-Mandeb", "DJ", "region"),
        ("Atlantis", None, None),
    ]
    assert server.searches() == ["Bab-el-Mandeb", "Atlantis"]
    assert cache_path.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--geocoder", "nominatim"], "user agent"),
        (["--geocoder", "nominatimm"], "choose one of"),
        (["--geocoder", "nominatim", "--user-agent", AGENT, "--geocoder-option", "oops"], "KEY=VALUE"),
    ],
)
def test_cli_geocoder_errors_are_one_line(
    args: list[str], message: str, server: FakeNominatim, capsys: pytest.CaptureFixture[str]
) -> None:
    from geo.cli import main

    assert main(["geocode", *args, "--geocoder-option", f"domain={server.domain}", "Lyon"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err
    assert server.requests == []


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("Talks in Djibouti\nDelegations met near Camp Lemonnier on Monday.\n", encoding="utf-8")
    return path


def test_extract_places_venues_the_offline_gazetteer_does_not_know(
    server: FakeNominatim, cache_path: Path, tmp_path: Path, gazetteer: Any
) -> None:
    import json

    from geo.cli import main

    article = tmp_path / "a.txt"
    article.write_text(
        "Talks at a naval base\n"
        "French Defence Minister Jean Dupont met Djiboutian President Omar Hassan at Halcyon Naval Base "
        "on Monday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    args = ["extract", str(article), "-o", str(out), "--no-progress", "-j", "2"]
    args += ["--geocoder", "nominatim", "--user-agent", AGENT]
    for option in (f"domain={server.domain}", "scheme=http", "min_delay_seconds=0"):
        args += ["--geocoder-option", option]
    assert main(args) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    meetings = [e for e in events if e["type"] == "meeting" and set(e["countries"]) == {"FR", "DJ"}]
    assert len(meetings) == 1
    assert meetings[0]["location"]["name"] == "Halcyon Naval Base"
    assert meetings[0]["location"]["country"] == "DJ"
    assert server.searches() == ["Halcyon Naval Base"]  # names the gazetteer knows are never sent


def test_offline_extract_leaves_unknown_venues_unplaced(tmp_path: Path, gazetteer: Any) -> None:
    import json

    from geo.cli import main

    article = tmp_path / "a.txt"
    article.write_text(
        "Talks at a naval base\nFrench Defence Minister Jean Dupont met Djiboutian President Omar Hassan "
        "at Halcyon Naval Base on Monday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(article), "-o", str(out), "--no-progress"]) == 0
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["location"] for e in events if e["type"] == "meeting"] == [None]
