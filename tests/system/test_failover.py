"""Replicas die; customers do not notice, and no order is ever duplicated
(docs/design.md §1, §5)."""

from __future__ import annotations

import signal
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx

from services.stack import Stack
from tests.system.conftest import wait_until_both_serve
from tests.system.journeys import GOOD_CARD, Customer
from tests.system.load import assert_each_order_once, orders_under_load

KILL_AT = 2.0


def test_sigkill_of_a_replica_under_load_shows_no_errors_and_no_duplicates(
    healthy: Stack,
) -> None:
    url = healthy.config.web_url
    outcome = orders_under_load(url, [(KILL_AT, lambda: healthy.kill_replica(0, signal.SIGKILL))])
    assert outcome.errors == []
    assert_each_order_once(url, outcome)
    assert any(at > KILL_AT + 0.5 for at in outcome.placed_at), (
        "no order was placed after the kill: the load did not run"
    )


def test_sigterm_lets_slow_requests_in_flight_finish(healthy: Stack) -> None:
    replica_b = healthy.config.api_url(1)
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as setup:
        customer = Customer(setup)
        dish = customer.first_available_dish()
        orders = []
        for _ in range(6):
            response = customer.order(dish, str(uuid.uuid4()))
            assert response.status_code == 201, response.text
            orders.append(response.json()["order_id"])
    started = threading.Barrier(len(orders) + 1)

    def pay(order_id: int) -> int:
        # Straight to replica B, so every request is in flight there when it is stopped.
        with httpx.Client(base_url=replica_b, timeout=30.0) as client:
            started.wait()
            response = client.post(
                f"/api/v1/orders/{order_id}/payment",
                json={"payment_mode": "CARD", "card": GOOD_CARD},
                headers=customer.headers | {"Idempotency-Key": str(uuid.uuid4())},
            )
            return response.status_code

    with ThreadPoolExecutor(max_workers=len(orders)) as pool:
        results = [pool.submit(pay, order_id) for order_id in orders]
        started.wait()
        time.sleep(0.15)  # the payments service takes 400 ms per charge
        healthy.kill_replica(1, signal.SIGTERM)
        statuses = Counter(f.result() for f in results)
    assert statuses == Counter({200: len(orders)})


def test_with_both_replicas_down_traefik_answers_a_fast_problem_and_recovers(
    healthy: Stack,
) -> None:
    healthy.kill_replica(0, signal.SIGKILL)
    healthy.kill_replica(1, signal.SIGKILL)
    with httpx.Client(base_url=healthy.config.web_url, timeout=5.0) as client:
        for _ in range(5):
            started = time.monotonic()
            response = client.get("/api/v1/cities")
            elapsed = time.monotonic() - started
            assert response.status_code in (502, 503)
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["status"] == response.status_code
            assert elapsed < 1.0
            time.sleep(0.3)
        healthy.restart_replica(0)  # returns once the replica answers /healthz
        ready = time.monotonic()
        while client.get("/api/v1/cities").status_code != 200:
            assert time.monotonic() - ready < 3.0, "not back in rotation within 3 s"
            time.sleep(0.05)
    healthy.restart_replica(1)
    wait_until_both_serve(healthy)


def test_the_supervisor_restarts_a_crashed_replica_and_logs_it(healthy: Stack) -> None:
    lines: list[str] = []
    healthy.log = lines.append
    healthy.supervise_in_background()
    crashed = healthy.replica_pid(0)
    healthy.kill_replica(0, signal.SIGKILL, hold_down=False)
    deadline = time.monotonic() + 20
    while healthy.replica_pid(0) == crashed or not any("api-a ready" in line for line in lines):
        assert time.monotonic() < deadline, f"api-a was not restarted: {lines}"
        time.sleep(0.1)
    assert any(line.startswith("api-a exited") and "restarting in" in line for line in lines)
    wait_until_both_serve(healthy)
