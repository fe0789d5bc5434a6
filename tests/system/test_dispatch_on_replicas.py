"""Issue 17 on the real stack (two replicas, FerretDB, Traefik, the payments service):
the acceptance deadline cancels and refunds each unanswered order once although both
replicas sweep, and a replica killed while orders are being accepted and dispatched
loses nothing: every order gets a rider of its own, in the end, and is delivered."""

from __future__ import annotations

import signal
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.demo_catalog import generate
from services.stack import Stack, StackConfig
from services.stack.seed import PARTNER_EMAIL, RIDERS_PER_CITY, partner_restaurant, rider_email
from tests.system.conftest import TEST_AUTH_RATE, run_stack, wait_until_both_serve
from tests.system.journeys import GOOD_CARD, Customer, plainly_orderable

ACCEPT_S = 30  # the shortest window the setting allows
SWEEP_S = 1
PAYMENTS_REFUNDS = "payments_refunds_total"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    config = StackConfig.on_free_ports(
        Path(tmp_path_factory.mktemp("dispatch-stack")),
        auth_rate=TEST_AUTH_RATE,
        extra_api_env={
            "FOOD_PARTNER_ACCEPT_S": str(ACCEPT_S),
            "FOOD_RECONCILE_INTERVAL_S": str(SWEEP_S),
        },
    )
    yield from run_stack(config)


def _login(client: httpx.Client, email: str, password: str) -> dict[str, str]:
    login = client.post(
        "/api/v1/auth/login", json={"email": email, "password": password, "bearer": True}
    )
    assert login.status_code == 200, login.text
    return {"Authorization": f"Bearer {login.json()['token']}"}


def _paid_orders(client: httpx.Client, count: int) -> tuple[Customer, list[int]]:
    """``count`` orders paid by card at the demo partner's restaurant."""
    restaurant_id = partner_restaurant(generate().restaurants).restaurant_id
    customer = Customer(client)
    restaurant = customer.get(f"/api/v1/restaurants/{restaurant_id}").json()
    dish = next(item["food_id"] for item in restaurant["menu"] if plainly_orderable(item))
    address = customer.add_address(restaurant["city"])
    orders = []
    for _ in range(count):
        assert customer.put(f"/api/v1/cart/items/{dish}", {"quantity": 1}).status_code == 200
        placed = customer.post(
            "/api/v1/orders", {"address_id": address, "payment_mode": "CARD"}, str(uuid.uuid4())
        )
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order_id"]
        paid = customer.post(
            f"/api/v1/orders/{order_id}/payment",
            {"payment_mode": "CARD", "card": GOOD_CARD},
            str(uuid.uuid4()),
        )
        assert paid.status_code == 200, paid.text
        orders.append(order_id)
    return customer, orders


def _refunds(stack: Stack) -> float:
    metrics = httpx.get(f"http://127.0.0.1:{stack.config.payments_port}/metrics").text
    return sum(
        float(line.split()[-1])
        for line in metrics.splitlines()
        if line.startswith(PAYMENTS_REFUNDS)
    )


def _until(check: Any, timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"not within {timeout} s: {what}")


def test_the_deadline_cancels_and_refunds_each_unanswered_order_once(stack: Stack) -> None:
    wait_until_both_serve(stack)
    refunds_before = _refunds(stack)
    with httpx.Client(base_url=stack.config.web_url, timeout=10.0) as client:
        customer, orders = _paid_orders(client, 3)
        shown = customer.get(f"/api/v1/orders/{orders[0]}").json()
        assert shown["order_status"] == "CONFIRMED" and shown["accept_by"] is not None

        def all_cancelled() -> list[dict[str, Any]] | None:
            seen = [customer.get(f"/api/v1/orders/{o}").json() for o in orders]
            done = all(o["payment"]["payment_status"] == "REFUNDED" for o in seen)
            return seen if done else None

        seen = _until(all_cancelled, ACCEPT_S + 30, "the unanswered orders refunded")
    assert {(o["order_status"], o["cancel_reason"]) for o in seen} == {
        ("CANCELLED", "not_accepted_in_time")
    }
    time.sleep(3 * SWEEP_S)  # both replicas sweep again: nothing more is refunded
    assert _refunds(stack) - refunds_before == len(orders)


def test_a_replica_killed_while_orders_are_dispatched_loses_nothing(stack: Stack) -> None:
    assert stack.secrets is not None
    password = stack.secrets.demo_password
    city = partner_restaurant(generate().restaurants).city.pincode
    wait_until_both_serve(stack)
    with httpx.Client(base_url=stack.config.web_url, timeout=10.0) as client:
        customer, orders = _paid_orders(client, RIDERS_PER_CITY + 2)  # more than riders
        partner = _login(client, PARTNER_EMAIL, password)
        riders = [
            _login(client, rider_email(city, n), password) for n in range(1, RIDERS_PER_CITY + 1)
        ]

        def accept(order_id: int) -> int:
            # Retried until an answer. Accepting twice with the same time is harmless (the
            # order is returned as it is), so each try has a key of its own: the killed
            # replica's request stays "in progress" under its key until its lease lapses.
            for _ in range(60):
                try:
                    answer = client.post(
                        f"/api/v1/partner/orders/{order_id}/accept",
                        json={"prep_minutes": 10},
                        headers=partner | {"Idempotency-Key": str(uuid.uuid4())},
                    )
                except httpx.TransportError:
                    continue
                in_progress = answer.status_code == 409 and (
                    answer.json()["code"] == "request_in_progress"
                )
                if answer.status_code < 500 and not in_progress:
                    return answer.status_code
                time.sleep(0.5)
            return 0

        with ThreadPoolExecutor(max_workers=len(orders) + 1) as pool:
            accepting = [pool.submit(accept, order_id) for order_id in orders]
            time.sleep(0.05)
            stack.kill_replica(0, signal.SIGKILL)
            assert [f.result() for f in accepting] == [200] * len(orders)

        def assigned() -> list[dict[str, Any]] | None:
            seen = [customer.get(f"/api/v1/orders/{o}").json() for o in orders]
            with_rider = [o for o in seen if o["delivery"]["rider"] is not None]
            return seen if len(with_rider) == RIDERS_PER_CITY else None

        seen = _until(assigned, 30, "every rider given one order")
        holders = [o["delivery"]["rider"]["rider_id"] for o in seen if o["delivery"]["rider"]]
        assert len(set(holders)) == RIDERS_PER_CITY  # one order per rider

        delivered: set[int] = set()
        for _ in range(len(orders)):  # each round every rider delivers what they carry
            for rider in riders:
                job = client.get("/api/v1/rider/job", headers=rider).json()["order"]
                if job is None:
                    continue
                order_id = job["order_id"]
                ready = client.post(f"/api/v1/partner/orders/{order_id}/ready", headers=partner)
                assert ready.status_code == 200, ready.text
                for step, body in (("picked-up", None), ("delivered", {"cash_collected": False})):
                    moved = client.post(
                        f"/api/v1/rider/orders/{order_id}/{step}", json=body, headers=rider
                    )
                    assert moved.status_code == 200, moved.text
                delivered.add(order_id)
            if delivered == set(orders):
                break
            time.sleep(2 * SWEEP_S)
        assert delivered == set(orders)
        final = [customer.get(f"/api/v1/orders/{o}").json()["order_status"] for o in orders]
        assert final == ["DELIVERED"] * len(orders)


def test_the_partners_stream_comes_through_the_edge_unbuffered(healthy: Stack) -> None:
    stack = healthy  # the replica the test before killed is back
    assert stack.secrets is not None
    with httpx.Client(base_url=stack.config.web_url, timeout=10.0) as client:
        partner = _login(client, PARTNER_EMAIL, stack.secrets.demo_password)
        # A buffering edge holds the first event back until the stream ends (minutes):
        # the client's read timeout fails the test first.
        with client.stream("GET", "/api/v1/partner/events", headers=partner) as events:
            assert events.status_code == 200
            assert events.headers["content-type"].startswith("text/event-stream")
            first = next(line for line in events.iter_lines() if line.startswith("event:"))
            assert first == "event: orders"
