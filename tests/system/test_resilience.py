"""Duplicates across replicas, a payments outage and a store restart (docs/design.md §1, §5).

Each test leaves the stack as it found it: whatever it stops, it starts again.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from adapters.payments_http import HttpPaymentGateway
from food_core.model import PaymentStatus
from services.stack import Stack
from tests.system.conftest import wait_until_both_serve
from tests.system.journeys import GOOD_CARD, Customer

ORDER_BODY_MODE = "CARD"
PAY_BODY = {"payment_mode": "CARD", "card": GOOD_CARD}
# The API's own deadline for an unreachable payments service is its 1 s connect timeout;
# "fast" leaves room for a loaded CI machine, but is far below any client timeout.
FAST_SECONDS = 3.0
STORE_RECOVERY_SECONDS = 30.0
# The payments circuit breaker half-opens 10 s after it opened (adapters.payments_http).
PAYMENTS_RECOVERY_SECONDS = 25.0


def _both_at_once(
    stack: Stack, send: Callable[[httpx.Client], httpx.Response], rounds: int = 2
) -> list[httpx.Response]:
    """``send`` straight to replica A and replica B, ``rounds`` times each, released
    together by a barrier so the requests race."""
    urls = [stack.config.api_url(0), stack.config.api_url(1)] * rounds
    barrier = threading.Barrier(len(urls))

    def one(url: str) -> httpx.Response:
        with httpx.Client(base_url=url, timeout=30.0) as client:
            barrier.wait()
            return send(client)

    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        return list(pool.map(one, urls))


def _settle(responses: list[httpx.Response], send: Callable[[], httpx.Response]) -> dict:
    """Racing duplicates may get 409 request_in_progress; retrying with the same key must
    then replay the winner's answer. Returns the one successful body."""
    bodies = [r.json() for r in responses if r.status_code in (200, 201)]
    for response in responses:
        assert response.status_code in (200, 201, 409), response.text
        if response.status_code == 409:
            assert response.json()["code"] == "request_in_progress", response.text
    deadline = time.monotonic() + 15
    while not bodies:
        assert time.monotonic() < deadline, "the first request never finished"
        time.sleep(0.2)
        again = send()
        if again.status_code in (200, 201):
            bodies.append(again.json())
    return bodies[0]


def _gateway_payments(stack: Stack, order_id: int) -> list[PaymentStatus]:
    """What the payments service itself holds for the order (the source of truth)."""
    assert stack.payments is not None and stack.secrets is not None
    gateway = HttpPaymentGateway(stack.payments.url, stack.secrets.payments_secret)
    try:
        return [p.payment_status for p in gateway.payments_for_order(order_id)]
    finally:
        gateway.close()


def _wait_until_each_replica_can_charge(stack: Stack, customer: Customer, dish: int) -> None:
    """After an outage each replica's circuit breaker to payments may still be open (it
    half-opens after 10 s): pay a fresh order on each replica until one goes through, so
    the tests after this one find payments working."""
    for replica in (0, 1):
        with httpx.Client(base_url=stack.config.api_url(replica), timeout=10.0) as client:
            customer.client = client
            placed = customer.order(dish, str(uuid.uuid4()))
            assert placed.status_code == 201, placed.text
            path = f"/api/v1/orders/{placed.json()['order_id']}/payment"
            key = str(uuid.uuid4())
            deadline = time.monotonic() + PAYMENTS_RECOVERY_SECONDS
            while (paid := customer.post(path, PAY_BODY, key)).status_code == 503:
                assert time.monotonic() < deadline, paid.text
                time.sleep(0.5)
            assert paid.status_code == 200, paid.text


def test_one_key_sent_to_both_replicas_at_once_makes_one_order_and_one_charge(
    healthy: Stack,
) -> None:
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as setup:
        customer = Customer(setup)
        dish = customer.first_available_dish()
        cart = customer.put(f"/api/v1/cart/items/{dish}", {"quantity": 1})
        assert cart.status_code == 200, cart.text
    order_key = str(uuid.uuid4())
    order_body = {"address_id": customer.address_id, "payment_mode": ORDER_BODY_MODE}
    order_headers = customer.headers | {"Idempotency-Key": order_key}

    def place(client: httpx.Client) -> httpx.Response:
        return client.post("/api/v1/orders", json=order_body, headers=order_headers)

    placed = _both_at_once(healthy, place)
    with httpx.Client(base_url=healthy.config.api_url(0), timeout=30.0) as a:
        order = _settle(placed, lambda: place(a))
    order_id = order["order_id"]
    ok = [r for r in placed if r.status_code == 201]
    assert {r.json()["order_id"] for r in ok} == {order_id}

    pay_key = str(uuid.uuid4())
    pay_headers = customer.headers | {"Idempotency-Key": pay_key}

    def pay(client: httpx.Client) -> httpx.Response:
        return client.post(f"/api/v1/orders/{order_id}/payment", json=PAY_BODY, headers=pay_headers)

    paid = _both_at_once(healthy, pay)
    with httpx.Client(base_url=healthy.config.api_url(1), timeout=30.0) as b:
        result = _settle(paid, lambda: pay(b))
        assert result["order"]["order_status"] == "CONFIRMED"
        payment_ids = {r.json()["payment"]["payment_id"] for r in paid if r.status_code == 200}
        assert payment_ids <= {result["payment"]["payment_id"]}

        got = b.get(f"/api/v1/orders/{order_id}", headers=customer.headers)
        assert got.status_code == 200, got.text
        assert got.json()["order_status"] == "CONFIRMED"
        assert got.json()["payment"]["payment_status"] == "SUCCEEDED"
        listed = b.get("/api/v1/orders", headers=customer.headers).json()["orders"]
        assert [o["order_id"] for o in listed] == [order_id]  # one order for the key
    assert _gateway_payments(healthy, order_id) == [PaymentStatus.SUCCEEDED]  # one charge


def test_payments_down_answers_503_fast_and_the_same_key_pays_once_when_back(
    healthy: Stack,
) -> None:
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as client:
        customer = Customer(client)
        dish = customer.first_available_dish()
        placed = customer.order(dish, str(uuid.uuid4()))
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order_id"]
        key = str(uuid.uuid4())
        path = f"/api/v1/orders/{order_id}/payment"
        healthy.stop_payments()
        try:
            # Straight to each replica first, then through Traefik (next test).
            for replica in (0, 1, 0):
                with httpx.Client(base_url=healthy.config.api_url(replica), timeout=10.0) as r:
                    started = time.monotonic()
                    down = r.post(
                        path, json=PAY_BODY, headers=customer.headers | {"Idempotency-Key": key}
                    )
                    elapsed = time.monotonic() - started
                assert down.status_code == 503, down.text
                assert down.json()["code"] == "payment_unavailable"
                assert elapsed < FAST_SECONDS, f"503 took {elapsed:.2f}s"
            through_traefik = customer.post(path, PAY_BODY, key)
            assert through_traefik.status_code == 503, through_traefik.text
            assert through_traefik.json()["code"] == "payment_unavailable"
            order = customer.get(f"/api/v1/orders/{order_id}")
            assert order.status_code == 200, order.text
            assert order.json()["order_status"] == "PENDING_PAYMENT"
        finally:
            healthy.start_payments()  # same port, secret and database
        # The API's circuit breaker to payments opened during the outage; it lets one
        # probe through after 10 s. A client retries with the SAME key until it settles.
        back_at = time.monotonic()
        while True:
            back = customer.post(path, PAY_BODY, key)
            if back.status_code != 503:
                break
            assert time.monotonic() - back_at < PAYMENTS_RECOVERY_SECONDS, back.text
            time.sleep(0.5)
        assert back.status_code == 200, back.text
        assert back.json()["order"]["order_status"] == "CONFIRMED"
        again = customer.post(path, PAY_BODY, key)  # a replay, never a second charge
        assert again.status_code == 200, again.text
        assert again.json()["payment"] == back.json()["payment"]
        final = customer.get(f"/api/v1/orders/{order_id}").json()
        assert final["order_status"] == "CONFIRMED"
        assert final["payment"]["payment_status"] == "SUCCEEDED"
        _wait_until_each_replica_can_charge(healthy, customer, dish)
    statuses = Counter(_gateway_payments(healthy, order_id))
    assert statuses[PaymentStatus.SUCCEEDED] == 1, statuses


def test_through_traefik_a_payments_outage_keeps_its_problem_code(healthy: Stack) -> None:
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as client:
        customer = Customer(client)
        dish = customer.first_available_dish()
        placed = customer.order(dish, str(uuid.uuid4()))
        assert placed.status_code == 201, placed.text
        path = f"/api/v1/orders/{placed.json()['order_id']}/payment"
        healthy.stop_payments()
        try:
            down = customer.post(path, PAY_BODY, str(uuid.uuid4()))
        finally:
            healthy.start_payments()
    _wait_until_each_replica_can_charge(healthy, customer, dish)
    assert down.status_code == 503
    assert down.json()["code"] == "payment_unavailable"


@pytest.mark.parametrize("server", ["ferretdb", "postgres"])
def test_the_api_recovers_from_a_store_restart_without_being_restarted(
    healthy: Stack, server: str
) -> None:
    """FerretDB, or the PostgreSQL under it, stops and starts again on the same data."""
    stop, start = getattr(healthy, f"stop_{server}"), getattr(healthy, f"start_{server}")
    replica_pids = [healthy.replica_pid(0), healthy.replica_pid(1)]
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as client:
        customer = Customer(client)
        dish = customer.first_available_dish()
        stop()
        try:
            # The cart is never served from the catalog cache: it needs the store.
            during = customer.get("/api/v1/cart")
            assert during.status_code >= 500  # the store is gone: an error, not a hang
        finally:
            start()  # same port and data
        restarted = time.monotonic()
        last = ""
        for path in ("/api/v1/cart", f"/api/v1/cities/{customer.pincode}/restaurants"):
            while True:
                try:
                    response = customer.get(path)
                    if response.status_code == 200:
                        break
                    last = f"{response.status_code} {response.text[:200]}"
                except httpx.HTTPError as error:
                    last = repr(error)
                assert time.monotonic() - restarted < STORE_RECOVERY_SECONDS, last
                time.sleep(0.2)
        # Writes work again too, and the data written before the restart is still there.
        placed = customer.order(dish, str(uuid.uuid4()))
        assert placed.status_code == 201, placed.text
        assert customer.get(f"/api/v1/orders/{placed.json()['order_id']}").status_code == 200
    assert [healthy.replica_pid(0), healthy.replica_pid(1)] == replica_pids
    wait_until_both_serve(healthy)
