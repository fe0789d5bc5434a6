"""Traefik's rules as the stack renders them, in front of a recording backend (issue 12):
what it retries when an answer is lost, and how it groups its limits.

Traefik here is the stack's own: the same templates, rendered by the same runner, with
the same error-page fallback; only the replica is a :class:`RecordingBackend`, which can
lose an answer or hold a stream on cue. Clients connect from 127.0.0.1 and 127.0.0.2
(both loopback) to tell one client IP from another.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml  # type: ignore[import-untyped]

from services.devstack.server import RunningServer, ServerStartError
from services.devstack.traefik import start_traefik
from services.stack.replica import start_fallback
from tests.system.recording_backend import RecordingBackend

IN_FLIGHT = 4  # per client IP, on every router but the events one
EVENTS_IN_FLIGHT = 3  # open event streams per client IP
AUTH_RATE = (1, 3)  # per client IP on /api/v1/auth/: 1/s, burst 3
LOSE = {"X-Test-Lose": "1"}
HOLD = {"X-Test-Hold": "1"}


@dataclass
class Edge:
    traefik: RunningServer
    backend: RecordingBackend

    @property
    def url(self) -> str:
        return self.traefik.url

    def client(self, source: str = "127.0.0.1") -> httpx.Client:
        """A client whose connections come from ``source`` (a loopback address)."""
        transport = httpx.HTTPTransport(local_address=source)
        return httpx.Client(base_url=self.url, transport=transport, timeout=10.0)

    def wait_in_rotation(self, timeout: float = 10.0) -> None:
        """The backend takes requests again: lost answers count against it (passive
        health check) until the active check, every second, brings it back; Traefik's
        API does not show that, so ask until a request reaches it (which also clears its
        count of failed attempts)."""
        deadline = time.monotonic() + timeout
        status = 0
        while time.monotonic() < deadline:
            status = httpx.get(f"{self.url}/ok", timeout=5).status_code
            if status == 200:
                return
            time.sleep(0.2)
        raise AssertionError(f"the backend did not come back into rotation: {status}")


@pytest.fixture(scope="module")
def module_edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Edge]:
    state = Path(tmp_path_factory.mktemp("edge"))
    with RecordingBackend() as backend, ExitStack() as servers:
        try:
            fallback = servers.enter_context(start_fallback(state / "fallback"))
            traefik = servers.enter_context(
                start_traefik(
                    state / "traefik",
                    replica_urls=[backend.url],
                    fallback_url=fallback.url,
                    in_flight_limit=IN_FLIGHT,
                    events_in_flight_limit=EVENTS_IN_FLIGHT,
                    auth_rate=AUTH_RATE,
                )
            )
        except ServerStartError as error:
            if os.environ.get("CI"):
                pytest.fail(f"Traefik must start in CI: {error}")
            pytest.skip(f"Traefik could not start: {error}")
        yield Edge(traefik, backend)


@pytest.fixture
def edge(module_edge: Edge) -> Iterator[Edge]:
    module_edge.wait_in_rotation()
    module_edge.backend.clear()
    yield module_edge
    module_edge.backend.release()
    assert module_edge.backend.wait_released()


# --- retries ------------------------------------------------------------------------

# State-changing requests with no Idempotency-Key: applied twice if Traefik sent them
# again after a replica had them (a login counted twice against its throttle, a second
# address, a signup's duplicate, ...).
KEYLESS_WRITES = [
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/auth/signup"),
    ("POST", "/api/v1/addresses"),
    ("POST", "/api/v1/orders/7/cancel"),
]


@pytest.mark.parametrize(("method", "path"), KEYLESS_WRITES)
def test_a_keyless_write_whose_answer_is_lost_is_sent_to_a_replica_only_once(
    edge: Edge, method: str, path: str
) -> None:
    with edge.client() as client:
        response = client.request(method, path, json={"x": 1}, headers=LOSE)

    assert response.status_code == 502
    assert edge.backend.count(path) == 1


def test_a_login_carrying_a_key_is_still_sent_only_once(edge: Edge) -> None:
    # The API keys no login: a key there must not buy a retry. (From an address of its
    # own: the keyless tests above spent this address's burst of the auth rate limit.)
    with edge.client("127.0.0.5") as client:
        response = client.post(
            "/api/v1/auth/login",
            json={"x": 1},
            headers={**LOSE, "Idempotency-Key": str(uuid.uuid4())},
        )

    assert response.status_code == 502
    assert edge.backend.count("/api/v1/auth/login") == 1


def test_a_keyed_write_whose_answer_is_lost_is_tried_again(edge: Edge) -> None:
    # The replica replays a keyed request's first answer, so repeating it is safe.
    with edge.client() as client:
        client.post(
            "/api/v1/orders",
            json={"x": 1},
            headers={**LOSE, "Idempotency-Key": str(uuid.uuid4())},
        )

    assert edge.backend.count("/api/v1/orders") > 1


def test_a_read_whose_answer_is_lost_is_tried_again(edge: Edge) -> None:
    with edge.client() as client:
        client.get("/api/v1/cities", headers=LOSE)

    assert edge.backend.count("/api/v1/cities") > 1


# --- limits, grouped by client IP -----------------------------------------------------


def test_event_streams_are_limited_per_client_ip_whatever_the_host(edge: Edge) -> None:
    with ExitStack() as streams, edge.client() as here, edge.client("127.0.0.2") as there:
        for n in range(EVENTS_IN_FLIGHT):
            response = streams.enter_context(
                here.stream(
                    "GET",
                    f"/api/v1/orders/{n + 1}/events",
                    headers={**HOLD, "Host": f"host-{n}.example"},
                )
            )
            assert response.status_code == 200
        assert edge.backend.wait_held(EVENTS_IN_FLIGHT)

        one_more = here.get("/api/v1/orders/99/events", headers={"Host": "another.example"})
        from_elsewhere = streams.enter_context(
            there.stream("GET", "/api/v1/orders/98/events", headers=HOLD)
        )
        other_requests = here.get("/api/v1/cities")

        assert one_more.status_code == 429
        assert edge.backend.count("/api/v1/orders/99/events") == 0
        assert from_elsewhere.status_code == 200
        assert other_requests.status_code == 200  # streams have a limit of their own
        edge.backend.release()


def test_requests_in_flight_are_limited_per_client_ip_whatever_the_host(edge: Edge) -> None:
    statuses: list[int] = []

    def slow(n: int) -> None:
        with edge.client() as client:
            response = client.get(
                f"/api/v1/slow/{n}", headers={**HOLD, "Host": f"host-{n}.example"}
            )
            statuses.append(response.status_code)

    threads = [threading.Thread(target=slow, args=(n,)) for n in range(IN_FLIGHT)]
    for thread in threads:
        thread.start()
    try:
        assert edge.backend.wait_held(IN_FLIGHT)
        with edge.client() as here, edge.client("127.0.0.2") as there:
            one_more = here.get("/api/v1/cities", headers={"Host": "another.example"})
            from_elsewhere = there.get("/api/v1/cities")
    finally:
        edge.backend.release()
        for thread in threads:
            thread.join(timeout=15)

    assert one_more.status_code == 429
    assert from_elsewhere.status_code == 200
    assert statuses == [200] * IN_FLIGHT


def test_the_auth_rate_limit_is_per_client_ip_whatever_the_host(edge: Edge) -> None:
    with edge.client() as here, edge.client("127.0.0.2") as there:
        burst = [
            here.get("/api/v1/auth/me", headers={"Host": f"host-{n}.example"}).status_code
            for n in range(2 * AUTH_RATE[1])
        ]
        from_elsewhere = there.get("/api/v1/auth/me")

    assert 429 in burst
    assert from_elsewhere.status_code == 200


def test_every_limit_groups_by_client_ip_and_ipv6_prefix_never_by_host(edge: Edge) -> None:
    # IPv6 cannot be exercised on this loopback-only Traefik; its grouping is config.
    dynamic = yaml.safe_load(Path(edge.traefik.extra["dynamic_config"]).read_text())
    middlewares = dynamic["http"]["middlewares"]
    limits = {
        name: config
        for name, middleware in middlewares.items()
        for kind, config in middleware.items()
        if kind in ("inFlightReq", "rateLimit")
    }

    assert set(limits) == {"in-flight-limit", "events-in-flight-limit", "auth-rate-limit"}
    for name, config in limits.items():
        assert config["sourceCriterion"] == {"ipStrategy": {"ipv6Subnet": 64}}, name
    events = dynamic["http"]["routers"]["food-api-events"]["middlewares"]
    assert "events-in-flight-limit" in events and "in-flight-limit" not in events
