"""Bounded load through Traefik while something happens to the replicas, and the check
that every order placed is there exactly once: the failover tests' harness.

Customers place keyed orders back to back while searchers browse, all to the stack's
web URL on 127.0.0.1, each loop bounded in count (``MAX_ITERATIONS``) and in time; the
``events`` run at their offsets from the start (kill a replica, say). Every answer that
is not the expected status, and every transport error, is a client-visible error.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

from tests.system.journeys import Customer

MAX_ITERATIONS = 400  # per worker: the loops are bounded in count as well as time


@dataclass
class LoadOutcome:
    customers: list[Customer]
    errors: list[str] = field(default_factory=list)
    # Per customer: Idempotency-Key -> the order id answered for it.
    placed: dict[int, dict[str, int]] = field(default_factory=dict)
    # When orders were placed (seconds from the start), to tell they went on after events.
    placed_at: list[float] = field(default_factory=list)


def orders_under_load(
    url: str,
    events: Sequence[tuple[float, Callable[[], None]]],
    *,
    seconds: float = 6.0,
    customers: int = 4,
    searchers: int = 4,
) -> LoadOutcome:
    with httpx.Client(base_url=url, timeout=10.0) as setup:
        people = [Customer(setup) for _ in range(customers)]
        dish = people[0].first_available_dish()
        pincode = people[0].pincode
    outcome = LoadOutcome(people, placed={c.user_id: {} for c in people})
    lock = threading.Lock()
    started = time.monotonic()
    stop_at = started + seconds

    def error(text: str) -> None:
        with lock:
            outcome.errors.append(text)

    def order_loop(customer: Customer) -> None:
        with httpx.Client(base_url=url, timeout=10.0) as client:
            customer.client = client
            for _ in range(MAX_ITERATIONS):
                if time.monotonic() > stop_at:
                    return
                key = str(uuid.uuid4())
                try:
                    response = customer.order(dish, key)
                except (httpx.HTTPError, AssertionError) as e:
                    error(f"order: {e!r}")
                    continue
                if response.status_code != 201:
                    error(f"order: {response.status_code} {response.text[:200]}")
                    continue
                with lock:
                    outcome.placed[customer.user_id][key] = response.json()["order_id"]
                    outcome.placed_at.append(time.monotonic() - started)

    def search_loop() -> None:
        with httpx.Client(base_url=url, timeout=10.0) as client:
            for n in range(MAX_ITERATIONS):
                if time.monotonic() > stop_at:
                    return
                try:
                    response = client.get(
                        f"/api/v1/cities/{pincode}/restaurants",
                        params={"q": ["a", "an", "e"][n % 3]},
                    )
                except httpx.HTTPError as e:
                    error(f"search: {e!r}")
                    continue
                if response.status_code != 200:
                    error(f"search: {response.status_code} {response.text[:200]}")

    with ThreadPoolExecutor(max_workers=customers + searchers) as pool:
        futures = [pool.submit(order_loop, c) for c in people]
        futures += [pool.submit(search_loop) for _ in range(searchers)]
        for at, event in sorted(events, key=lambda e: e[0]):
            time.sleep(max(0.0, started + at - time.monotonic()))
            event()
        for future in futures:
            future.result()
    return outcome


def assert_each_order_once(url: str, outcome: LoadOutcome) -> None:
    """One order per key, and each customer's orders are exactly those answered."""
    with httpx.Client(base_url=url, timeout=10.0) as client:
        for customer in outcome.customers:
            customer.client = client
            keys = outcome.placed[customer.user_id]
            assert len(keys) <= 50, "more orders than one page: shorten the load"
            listed = customer.get("/api/v1/orders", limit=50).json()["orders"]
            assert len(set(keys.values())) == len(keys)  # one order per key
            assert sorted(o["order_id"] for o in listed) == sorted(keys.values())
