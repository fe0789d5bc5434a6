"""Benchmark: full checkouts per second on in-memory adapters, one core.

One checkout = three cart edits (3 items) → place order → pay by card through the fake
gateway. Customers and addresses are created before timing starts.

    nox -s bench            # or: python -m benchmarks.checkout --customers 50000
"""

from __future__ import annotations

import argparse
import gc
import time

from adapters.clock import SystemClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher, memory_ports
from food_core.model import CardDetails, City, FoodItem, PaymentMode, Restaurant
from food_core.usecases import Ports, add_address, pay_order, place_order, set_cart_quantity, signup

CARD = CardDetails("4242424242424242", 12, 2031, "123", "Bench Mark")


def _world() -> Ports:
    clock = SystemClock()
    ports = memory_ports(
        clock=clock,
        ids=SnowflakeIds(1),
        hasher=FastTestHasher(),
        gateway=FakePaymentGateway(clock),
    )
    city = City("560001", "Bengaluru")
    ports.catalog.add_city(city)
    ports.catalog.add_restaurant(
        Restaurant(
            1, "Bench Bhavan", "South Indian", 4.5, city, ("South Indian",), True, 20, 30_000
        )
    )
    ports.catalog.add_food_items(
        FoodItem(100 + n, 1, f"Dish {n}", "Mains", 10_000 + 500 * n, True, True) for n in range(3)
    )
    return ports


def _customers(ports: Ports, count: int) -> list[tuple[int, int]]:
    made = []
    for n in range(count):
        user = signup(
            ports,
            user_name=f"Bench {n}",
            email=f"bench{n}@example.com",
            phone=f"9{n:09d}",
            password="bench password",
        )
        address = add_address(
            ports,
            user.user_id,
            label="Home",
            line1="1 Bench Road",
            city_name="Bengaluru",
            pincode="560001",
        )
        made.append((user.user_id, address.address_id))
    return made


def _checkout(ports: Ports, user_id: int, address_id: int) -> None:
    for food_id in (100, 101, 102):
        set_cart_quantity(ports, user_id, food_id, 2)
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


def run(customers: int) -> float:
    ports = _world()
    people = _customers(ports, customers)
    gc.collect()
    started = time.perf_counter()
    for user_id, address_id in people:
        _checkout(ports, user_id, address_id)
    elapsed = time.perf_counter() - started
    return customers / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rates = sorted(run(args.customers) for _ in range(args.rounds))
    print(
        f"checkout (3-item cart → place → pay by card), in memory, 1 core, "
        f"{args.customers} customers × {args.rounds} rounds"
    )
    print(
        f"checkouts/s: median {rates[len(rates) // 2]:,.0f}  best {rates[-1]:,.0f}  "
        f"worst {rates[0]:,.0f}"
    )


if __name__ == "__main__":
    main()
