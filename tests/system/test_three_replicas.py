"""``nox -s up -- --replicas 3``: three API replicas behind Traefik; two of them are
killed under load and the customers see no error and no order twice (issue 18)."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.stack import Stack, StackConfig
from services.stack.config import REPO_ROOT
from tests.system.conftest import (
    PAYMENTS_LATENCY_MS,
    TEST_AUTH_RATE,
    run_stack,
    wait_until_both_serve,
)
from tests.system.load import assert_each_order_once, orders_under_load

FIRST_KILL_AT, SECOND_KILL_AT = 2.0, 3.5


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    config = StackConfig.on_free_ports(
        Path(tmp_path_factory.mktemp("stack3")),
        replicas=3,
        auth_rate=TEST_AUTH_RATE,
        extra_payments_env={"PAYMENTS_LATENCY_MS": PAYMENTS_LATENCY_MS},
    )
    yield from run_stack(config)


def test_three_replicas_serve_behind_traefik(three: Stack) -> None:
    assert [r.name for r in three.replicas] == ["api-a", "api-b", "api-c"]
    wait_until_both_serve(three)  # all three UP in Traefik's service
    assert three.traefik is not None
    admin = three.traefik.extra["admin_url"]
    with httpx.Client(timeout=5.0) as client:
        servers = client.get(f"{admin}/api/http/services/food-api@file").json()["serverStatus"]
        assert sorted(servers) == sorted(three.config.api_urls)
        for index in range(3):  # each its own worker id, so order ids never collide
            assert client.get(f"{three.config.api_url(index)}/healthz").status_code == 200


def test_killing_two_of_three_under_load_shows_no_errors_and_no_duplicates(
    three: Stack,
) -> None:
    wait_until_both_serve(three)
    url = three.config.web_url
    outcome = orders_under_load(
        url,
        [
            (FIRST_KILL_AT, lambda: three.kill_replica(0, signal.SIGKILL)),
            (SECOND_KILL_AT, lambda: three.kill_replica(1, signal.SIGKILL)),
        ],
        seconds=6.5,
    )
    assert outcome.errors == []
    assert_each_order_once(url, outcome)
    assert any(at > SECOND_KILL_AT + 0.5 for at in outcome.placed_at), (
        "no order was placed after the second kill: the load did not run"
    )
    assert not three.replicas[0].server.process.running  # type: ignore[union-attr]
    assert not three.replicas[1].server.process.running  # type: ignore[union-attr]
    three.restart_replica(0)
    three.restart_replica(1)
    wait_until_both_serve(three)


def test_replicas_is_an_option_of_the_stack_command() -> None:
    """``python -m services.stack --replicas N`` (what ``nox -s up -- --replicas N``
    runs) refuses a count the ids have no room for before starting anything."""
    refused = subprocess.run(
        [sys.executable, "-m", "services.stack", "--replicas", "27"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        check=False,
    )
    assert refused.returncode == 2
    assert "--replicas must be 1 to 26" in refused.stderr
    config = StackConfig.from_env(replicas=3)
    assert config.api_ports == (8001, 8002, 8003)
    assert [name for name, _, _ in config.named_ports()].count("api-c") == 1
