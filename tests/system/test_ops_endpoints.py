"""``/metrics`` and ``/readyz`` answer operators on the replicas' own ports, never the
public on Traefik's web entry point (issue 12, item 6)."""

from __future__ import annotations

import http.client

import httpx
import pytest

from services.stack import Stack

# The paths as a client may spell them: Traefik decodes unreserved escapes and cleans
# dot segments and double slashes before routing, and the replica would do the same.
SPELLINGS = [
    "/metrics",
    "/readyz",
    "/metrics?format=text",
    "/%6Detrics",
    "/%72eadyz",
    "//metrics",
    "/./readyz",
    "/api/../metrics",
]


def _raw(base_port: int, method: str, path: str) -> tuple[int, bytes]:
    """The request line exactly as written (httpx would normalise the path)."""
    connection = http.client.HTTPConnection("127.0.0.1", base_port, timeout=5)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@pytest.mark.parametrize("path", SPELLINGS)
def test_ops_endpoints_are_not_found_on_the_public_entry_point(healthy: Stack, path: str) -> None:
    status, body = _raw(healthy.config.web_port, "GET", path)

    assert status == 404, (status, body[:200])
    assert b"food_" not in body and b"ready" not in body


def test_a_head_request_for_metrics_is_not_found_either(healthy: Stack) -> None:
    assert _raw(healthy.config.web_port, "HEAD", "/metrics")[0] == 404


def test_each_replica_still_serves_metrics_and_readiness_on_its_own_port(healthy: Stack) -> None:
    for index in range(2):
        url = healthy.config.api_url(index)
        metrics = httpx.get(f"{url}/metrics", timeout=5)
        ready = httpx.get(f"{url}/readyz", timeout=5)

        assert metrics.status_code == 200 and "# TYPE" in metrics.text
        assert ready.status_code == 200, ready.text


def test_the_public_entry_point_still_answers_liveness_and_the_api(healthy: Stack) -> None:
    web = healthy.config.web_url

    assert httpx.get(f"{web}/healthz", timeout=5).status_code == 200
    assert httpx.get(f"{web}/api/v1/cities", timeout=5).status_code == 200
