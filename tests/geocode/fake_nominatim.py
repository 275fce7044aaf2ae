"""A real HTTP server on 127.0.0.1 that speaks Nominatim's ``/search`` JSON, for tests.

(It also answers Photon's ``/api`` GeoJSON from the same table, to test a second service.)

It answers from a small table, and can be told to misbehave for the next requests: delay
(to trigger client timeouts), answer 429 with ``Retry-After``, answer 500, or drop the
connection without a response. Every request is recorded with its arrival time, so tests can
check rate limiting and that a cached name makes no request at all.

    with FakeNominatim(PLACES) as server:
        server.script("drop", "status:500", "ok")   # the next three requests
        geopy.geocoders.Nominatim(domain=server.domain, scheme="http", user_agent="t")
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self
from urllib.parse import parse_qs, urlsplit

__all__ = ["FakeNominatim", "Request", "nominatim_result"]


def nominatim_result(
    name: str,
    lat: float,
    lon: float,
    country_code: str,
    *,
    osm_class: str = "place",
    osm_type: str = "city",
    addresstype: str | None = None,
    place_rank: int = 16,
) -> dict[str, Any]:
    """One entry of Nominatim's ``format=json`` answer (``address`` only with addressdetails)."""
    addresstype = addresstype or osm_type
    return {
        "place_id": abs(hash((name, country_code))) % 10**8,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "relation",
        "osm_id": abs(hash(name)) % 10**7,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": osm_class,
        "type": osm_type,
        "place_rank": place_rank,
        "importance": 0.6,
        "addresstype": addresstype,
        "name": name,
        "display_name": f"{name}, {country_code.upper()}",
        "address": {addresstype: name, "country_code": country_code.lower()},
        "boundingbox": [str(lat - 0.1), str(lat + 0.1), str(lon - 0.1), str(lon + 0.1)],
    }


@dataclass(frozen=True)
class Request:
    """One request the server received."""

    time: float  # time.monotonic() on arrival
    path: str
    params: Mapping[str, str]
    headers: Mapping[str, str]

    @property
    def q(self) -> str:
        return self.params.get("q", "")


@dataclass
class _State:
    table: dict[str, list[dict[str, Any]]]
    script: deque[str] = field(default_factory=deque)
    default: str = "ok"
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


_PHOTON_TYPES = frozenset({"house", "street", "locality", "district", "city", "county", "state", "country"})


def _photon(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Nominatim results as Photon's ``/api`` FeatureCollection."""
    features = []
    for r in results:
        properties = {
            "name": r["name"],
            "countrycode": r["address"]["country_code"].upper(),
            "osm_key": r["class"],
            "osm_value": r["type"],
            "type": r["addresstype"] if r["addresstype"] in _PHOTON_TYPES else "other",
        }
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        state = self.server.state
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        with state.lock:
            state.requests.append(Request(time.monotonic(), url.path, params, dict(self.headers.items())))
            action = state.script.popleft() if state.script else state.default
        kind, _, arg = action.partition(":")
        if kind == "drop":
            # Close the socket with no response at all: the client sees a dropped connection.
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if kind == "delay":
            state.stopping.wait(float(arg))
            kind = "ok"
        if kind == "body":  # a 200 answer with exactly this body
            self.send_response(200)
            self._send_body(arg.encode())
            return
        if kind == "status":
            code = int(arg)
            body = json.dumps({"error": {"code": code, "message": "fake failure"}}).encode()
            self.send_response(code)
            if code == 429:
                self.send_header("Retry-After", self.server.retry_after)
            self._send_body(body)
            return
        if url.path.rstrip("/") == "/api":  # Photon speaks GeoJSON over the same data
            self.send_response(200)
            self._send_body(
                json.dumps(_photon(self._search({**params, "addressdetails": "1"}, state.table))).encode()
            )
            return
        if url.path.rstrip("/") != "/search":
            self.send_response(404)
            self._send_body(b'{"error": "not found"}')
            return
        results = self._search(params, state.table)
        self.send_response(200)
        self._send_body(json.dumps(results).encode())

    def _search(
        self, params: Mapping[str, str], table: Mapping[str, list[dict[str, Any]]]
    ) -> list[dict[str, Any]]:
        results = [dict(r) for r in table.get(" ".join(params.get("q", "").casefold().split()), [])]
        codes = {c for c in params.get("countrycodes", "").lower().split(",") if c}
        if codes:
            results = [r for r in results if r["address"]["country_code"] in codes]
        if params.get("addressdetails") != "1":
            for r in results:
                r.pop("address", None)
        limit = int(params.get("limit", "10"))
        return results[:limit]

    def _send_body(self, body: bytes) -> None:
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client timed out and left: nothing to answer
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: _State
    retry_after = "1"

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out and hang up are part of the tests


class FakeNominatim:
    """A Nominatim look-alike on ``127.0.0.1:<ephemeral port>``, served from a thread.

    Parameters
    ----------
    table
        Lower-cased query -> list of results (see :func:`nominatim_result`).
    """

    def __init__(self, table: Mapping[str, Sequence[dict[str, Any]]] | None = None) -> None:
        self._state = _State(table={k.casefold(): list(v) for k, v in (table or {}).items()})
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = self._state
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def domain(self) -> str:
        """What geopy's ``Nominatim(domain=...)`` takes (with ``scheme="http"``)."""
        return f"127.0.0.1:{self.port}"

    def script(self, *actions: str) -> None:
        """Behaviour for the next requests, in order: ``ok``, ``delay:SECONDS``,
        ``status:CODE`` (429 carries ``Retry-After``), ``drop``, ``body:TEXT`` (200 with that
        body); then the default (:meth:`set_default`)."""
        with self._state.lock:
            self._state.script.extend(actions)

    def set_default(self, action: str) -> None:
        """Behaviour once the script is used up (``ok`` unless changed)."""
        with self._state.lock:
            self._state.default = action

    def set_retry_after(self, seconds: str) -> None:
        self._server.retry_after = seconds

    @property
    def requests(self) -> list[Request]:
        with self._state.lock:
            return list(self._state.requests)

    def searches(self) -> list[str]:
        """The ``q`` of every request received, in order."""
        return [r.q for r in self.requests]

    def stop(self) -> None:
        self._state.stopping.set()  # wakes delayed handlers so shutdown does not wait on them
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
