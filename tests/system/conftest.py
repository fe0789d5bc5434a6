"""The whole stack, started once per test session on free ports: FerretDB, payments,
two API replicas, the mail sink, the error-page fallback and Traefik."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.devstack.server import ServerStartError
from services.stack import Stack, StackConfig

# Every test client shares 127.0.0.1, so Traefik's per-IP auth limit is raised here;
# its default (5/s, burst 10) is checked by the devstack selfcheck.
TEST_AUTH_RATE = (500, 1000)
# Slow enough that a payment is still in flight when a replica is told to stop.
PAYMENTS_LATENCY_MS = "400"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    config = StackConfig.on_free_ports(
        Path(tmp_path_factory.mktemp("stack")),
        auth_rate=TEST_AUTH_RATE,
        extra_payments_env={"PAYMENTS_LATENCY_MS": PAYMENTS_LATENCY_MS},
    )
    yield from run_stack(config)


def run_stack(config: StackConfig) -> Iterator[Stack]:
    """Start a stack for a fixture (failing under CI, skipping otherwise, when it cannot
    start), yield it, stop it."""
    running = Stack(config, log=lambda line: print(f"[stack] {line}"))
    try:
        running.start()
    except ServerStartError as error:
        if os.environ.get("CI"):
            pytest.fail(f"the stack must start in CI: {error}")
        pytest.skip(f"the stack could not start: {error}")
    yield running
    running.stop()


@pytest.fixture
def healthy(stack: Stack) -> Stack:
    """Both replicas up and in Traefik's rotation before the test starts."""
    for index, replica in enumerate(stack.replicas):
        if replica.server is None or not replica.server.process.running or replica.held_down:
            stack.restart_replica(index)
    wait_until_both_serve(stack)
    return stack


def wait_until_both_serve(stack: Stack, timeout: float = 10.0) -> None:
    """Traefik marks a replica healthy on its next check (every 1 s); ask its API.
    Every replica of the stack: both by default, N with ``replicas=N``."""
    assert stack.traefik is not None
    admin = stack.traefik.extra["admin_url"]
    deadline = time.monotonic() + timeout
    status: dict[str, str] = {}
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            service = client.get(f"{admin}/api/http/services/food-api@file").json()
            status = service.get("serverStatus", {})
            if len(status) == len(stack.replicas) and set(status.values()) == {"UP"}:
                return
            time.sleep(0.2)
    raise AssertionError(f"not every replica came back into rotation: {status}")
