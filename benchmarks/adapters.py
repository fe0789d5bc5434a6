"""Benchmark: the same workload on every store adapter, in one run.

    python -m benchmarks.adapters [--searches 300] [--checkouts 200] [--budget 90]
                                  [--only memory,sqlite,postgresql,mongodb]

Each store gets the demo catalog (seed 2026), then:

- search: ``--searches`` restaurant searches through the use case with mixed filters
  (city, text, cuisine, veg-only, minimum rating, each sort order; a fixed random
  sequence, the same for every store); latency p50 / p99 per search;
- checkout: ``--checkouts`` customers, each with an address and a 2-item cart made
  before timing; then, timed, place order + pay by card with the fake gateway (no
  latency) per customer, one after the other; checkouts per second. Each of the two
  phases stops early when it has used ``--budget`` seconds (the table says how many ran).

SQLite is a file in a temp dir; PostgreSQL and FerretDB (MongoDB wire, on PostgreSQL)
are started by ``services.devstack`` into a temp dir and stopped afterwards. The local
PostgreSQL runs with fsync off (a test cluster), so its write figures are no
durability-paid figures. One process, one thread: latency, not throughput under load.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from attrs import frozen

from adapters.clock import SystemClock
from adapters.demo_catalog import generate, load_into
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import Store, open_store, ports_for
from food_core.model import CardDetails, PaymentMode
from food_core.search import RestaurantSort
from food_core.usecases import (
    Ports,
    add_address,
    pay_order,
    place_order,
    search_restaurants,
    set_cart_quantity,
    signup,
)

NAMES = ("memory", "sqlite", "postgresql", "mongodb")
CARD = CardDetails("4242424242424242", 12, 2031, "123", "Bench Mark")
TEXTS = ("biryani", "cafe", "pizza", "dosa", "kitchen", "house", "tandoor", "momo", "a")
BENCH_DATABASE = "food_bench"


@frozen
class Result:
    store: str
    searches: int
    p50_ms: float
    p99_ms: float
    checkouts: int
    checkouts_per_s: float
    setup_s: float


@contextlib.contextmanager
def _store_url(name: str, workdir: Path) -> Iterator[str]:
    if name == "memory":
        yield "memory://"
    elif name == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
    elif name == "postgresql":
        from services.devstack.postgres import start_postgres

        with start_postgres(workdir / "postgres") as server:
            yield server.url
    elif name == "mongodb":
        from services.devstack.ferretdb import start_ferretdb

        with start_ferretdb(workdir / "ferretdb") as server:
            yield server.url.rstrip("/") + "/" + BENCH_DATABASE
    else:
        raise ValueError(f"unknown store {name!r}; one of {', '.join(NAMES)}")


def _ports(store: Store) -> Ports:
    clock = SystemClock()
    return ports_for(
        store,
        gateway=FakePaymentGateway(clock),
        hasher=FastTestHasher(),
        clock=clock,
        ids=SnowflakeIds(11),
    )


def _search_plan(count: int) -> list[dict[str, object]]:
    demo = generate()
    rng = random.Random(2026)
    cuisines = sorted({c for r in demo.restaurants for c in r.cuisines})
    pincodes = [city.pincode for city in demo.cities]
    plan: list[dict[str, object]] = []
    for _ in range(count):
        query: dict[str, object] = {
            "pincode": rng.choice(pincodes),
            "sort": rng.choice(list(RestaurantSort)),
        }
        if rng.random() < 0.4:
            query["text"] = rng.choice(TEXTS)
        if rng.random() < 0.3:
            query["cuisine"] = rng.choice(cuisines)
        if rng.random() < 0.25:
            query["veg_only"] = True
        if rng.random() < 0.3:
            query["min_rating"] = rng.choice((3.5, 4.0, 4.5))
        plan.append(query)
    return plan


def _time_until(budget: float, count: int, step: Callable[[int], None]) -> tuple[list[float], int]:
    """Run ``step(i)`` for i < count, timing each, until ``budget`` seconds are used."""
    timings: list[float] = []
    deadline = time.perf_counter() + budget
    for i in range(count):
        started = time.perf_counter()
        step(i)
        timings.append(time.perf_counter() - started)
        if time.perf_counter() >= deadline:
            break
    return timings, len(timings)


def _customers(ports: Ports, count: int, tag: str) -> list[tuple[int, int]]:
    demo = generate()
    restaurant = demo.restaurants[0]
    dishes = [item for item in demo.food_items if item.restaurant_id == restaurant.restaurant_id]
    dishes = [item for item in dishes if item.availability][:2]
    made = []
    for n in range(count):
        user = signup(
            ports,
            user_name=f"Bench {n}",
            email=f"bench-{tag}-{n}@example.com",
            phone=f"8{n:09d}",
            password="bench password",
        )
        address = add_address(
            ports,
            user.user_id,
            label="Home",
            line1="1 Bench Road",
            city_name=restaurant.city.city_name,
            pincode=restaurant.city.pincode,
        )
        for item in dishes:
            set_cart_quantity(ports, user.user_id, item.food_id, 2)
        made.append((user.user_id, address.address_id))
    return made


def run_one(name: str, searches: int, checkouts: int, budget: float) -> Result:
    with (
        tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp,
        _store_url(name, Path(tmp)) as url,
    ):
        setup_started = time.perf_counter()
        store = open_store(url)
        try:
            ports = _ports(store)
            load_into(store.catalog, generate())
            people = _customers(ports, checkouts, f"{name}-{time.time_ns()}")
            setup = time.perf_counter() - setup_started
            plan = _search_plan(searches)

            def search(i: int) -> None:
                search_restaurants(ports, **plan[i])  # type: ignore[arg-type]

            latencies, searched = _time_until(budget, searches, search)

            def checkout(i: int) -> None:
                user_id, address_id = people[i]
                order = place_order(
                    ports,
                    user_id,
                    idempotency_key=f"bench-{user_id}",
                    address_id=address_id,
                    payment_mode=PaymentMode.CARD,
                ).order
                pay_order(
                    ports,
                    user_id,
                    order.order_id,
                    idempotency_key=f"pay-{user_id}",
                    payment_mode=PaymentMode.CARD,
                    card=CARD,
                )

            durations, checked_out = _time_until(budget, len(people), checkout)
        finally:
            store.close()
    ms = sorted(t * 1000 for t in latencies)
    return Result(
        store=name,
        searches=searched,
        p50_ms=statistics.median(ms),
        p99_ms=ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))],
        checkouts=checked_out,
        checkouts_per_s=checked_out / sum(durations),
        setup_s=setup,
    )


def table(results: list[Result]) -> str:
    lines = [
        "| store | searches | search p50 | search p99 | checkouts | place+pay /s | setup |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.store} | {r.searches} | {r.p50_ms:.2f} ms | {r.p99_ms:.2f} ms "
            f"| {r.checkouts} | {r.checkouts_per_s:,.1f} | {r.setup_s:.1f} s |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--checkouts", type=int, default=200)
    parser.add_argument("--budget", type=float, default=90.0, help="seconds per phase")
    parser.add_argument("--only", default=",".join(NAMES), help="comma-separated stores")
    args = parser.parse_args()
    results = []
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        print(f"{name}: setting up and running…", flush=True)
        results.append(run_one(name, args.searches, args.checkouts, args.budget))
    print()
    print(
        f"{args.searches} searches (mixed filters) and {args.checkouts} checkouts "
        f"(place order + pay, fake gateway) per store, demo catalog seed 2026, 1 thread"
    )
    print(table(results))


if __name__ == "__main__":
    main()
