"""Benchmark: does a checkout get slower as the store's history grows? (issue 11 §3)

    python -m benchmarks.history [--checkouts 150] [--small 1000] [--large 50000]

On FerretDB (PostgreSQL backend, durable), one process, one thread: customers with an
address and the demo catalog; then the store is filled with ``--small`` earlier orders
(each with the moves of a paid order and its cart's edits, as a checkout leaves them),
``--checkouts`` checkouts are timed (3 cart edits → place → pay by card, through the use
cases, the fake gateway answering at once; the first 20 after each fill warm up, after
``--settle`` seconds for PostgreSQL's checkpoint and autovacuum); the store is filled up
to ``--large`` earlier orders and the same checkouts are timed again. The ratio large /
small of the median should stay near 1: every lookup a checkout makes is by ``_id``,
answered from an index whatever the collection holds (the goal is ≤ 1.2). The earlier
orders are copies of a real paid order under fresh ids, written with ``insert_many``
(the adapter's own writes would take an hour for 50,000).
"""

from __future__ import annotations

import argparse
import copy
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from adapters.clock import SystemClock
from adapters.demo_catalog import generate, load_into
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.mongo import MongoStore
from adapters.mongo.moves import move_id
from adapters.mongo.schema import CART_MOVES, ORDER_MOVES, ORDERS
from adapters.stores import ports_for
from food_core.model import CardDetails, PaymentMode
from food_core.usecases import (
    Ports,
    add_address,
    pay_order,
    place_order,
    set_cart_quantity,
    signup,
)
from services.devstack.ferretdb import start_ferretdb

CARD = CardDetails("4242424242424242", 12, 2031, "123", "Bench Mark")
GOAL_RATIO = 1.2
_WARM_UP = 20  # checkouts run before the timed ones, after each fill
_BATCH = 1_000


def _customer(ports: Ports, n: int) -> tuple[int, int]:
    user = signup(ports, user_name=f"History {n}", email=f"history{n}@example.com",
                  phone=f"97{n:08d}", password="a long password")  # fmt: skip
    address = add_address(ports, user.user_id, label="Home", line1="1 History Lane",
                          city_name="Bengaluru", pincode="560001")  # fmt: skip
    return user.user_id, address.address_id


def _checkout(ports: Ports, user_id: int, address_id: int, foods: list[int], n: int) -> float:
    began = time.perf_counter()
    for food_id, quantity in ((foods[0], 1), (foods[1], 2), (foods[0], 2)):
        set_cart_quantity(ports, user_id, food_id, quantity)
    placed = place_order(ports, user_id, idempotency_key=f"history-place-{n:08d}",
                         address_id=address_id, payment_mode=PaymentMode.CARD)  # fmt: skip
    pay_order(ports, user_id, placed.order.order_id, idempotency_key=f"history-pay-{n:08d}",
              payment_mode=PaymentMode.CARD, card=CARD)  # fmt: skip
    return (time.perf_counter() - began) * 1000


class History:
    """Copies of one real order (its document and its moves) under fresh ids."""

    def __init__(self, store: MongoStore, template_order_id: int, ids: SnowflakeIds) -> None:
        self.db = store.db
        self.ids = ids
        self.order = self.db[ORDERS].find_one({"_id": template_order_id})
        assert self.order is not None
        self.moves = [
            m
            for v in range(int(self.order["version"]))
            if (m := self.db[ORDER_MOVES].find_one({"_id": move_id(template_order_id, v)}))
        ]
        self.written = 0

    def _copies(self, count: int) -> tuple[list[Any], list[Any], list[Any]]:
        orders, order_moves, cart_moves = [], [], []
        for _ in range(count):
            self.written += 1
            order_id, user_id = self.ids.next_id(), 10**12 + self.written % 5_000
            doc = copy.deepcopy(self.order)
            doc.update(_id=order_id, order_id=order_id, user_id=user_id,
                       idempotency_key=f"old-{order_id}", cart_version=-order_id)  # fmt: skip
            orders.append(doc)
            for move in self.moves:
                version = int(move["_id"].rsplit(":", 1)[1])
                fields = {**move["fields"], "order_id": order_id, "user_id": user_id}
                order_moves.append({"_id": move_id(order_id, version), "fields": fields})
            cart_moves += [{"_id": move_id(user_id, -order_id * 4 - k), "fields": {}}
                           for k in range(4)]  # fmt: skip
        return orders, order_moves, cart_moves

    def fill_to(self, total: int) -> None:
        while self.written < total:
            orders, order_moves, cart_moves = self._copies(min(_BATCH, total - self.written))
            self.db[ORDERS].insert_many(orders, ordered=False)
            self.db[ORDER_MOVES].insert_many(order_moves, ordered=False)
            self.db[CART_MOVES].insert_many(cart_moves, ordered=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkouts", type=int, default=150)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=50_000)
    parser.add_argument(
        "--settle", type=float, default=30.0,
        help="seconds to wait after a bulk fill (PostgreSQL's checkpoint and autovacuum)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="food-history-") as tmp,
        start_ferretdb(Path(tmp) / "ferretdb", durable=True) as server,
    ):
        store = MongoStore(server.url, database="food_history")
        ids = SnowflakeIds(9)
        ports = ports_for(store, gateway=FakePaymentGateway(SystemClock()),
                              hasher=FastTestHasher(), clock=SystemClock(), ids=ids)  # fmt: skip
        demo = generate()
        load_into(store.catalog, demo)
        shop = next(r for r in demo.restaurants if r.city.pincode == "560001")
        dishes = [i for i in demo.food_items if i.restaurant_id == shop.restaurant_id]
        foods = [i.food_id for i in dishes if i.availability][:2]
        customers = [_customer(ports, n) for n in range(args.checkouts)]
        user_id, address_id = customers[0]
        set_cart_quantity(ports, user_id, foods[0], 1)
        template = place_order(ports, user_id, idempotency_key="history-template",
                                   address_id=address_id,
                                   payment_mode=PaymentMode.CARD)  # fmt: skip
        pay_order(ports, user_id, template.order.order_id, idempotency_key="history-tpay",
                      payment_mode=PaymentMode.CARD, card=CARD)  # fmt: skip
        history = History(store, template.order.order_id, ids)
        results: dict[int, list[float]] = {}
        for size in (args.small, args.large):
            started = time.monotonic()
            history.fill_to(size)
            print(f"{size:,} earlier orders written in {time.monotonic() - started:.0f} s")
            results[size] = [
                _checkout(ports, u, a, foods, size + n) for n, (u, a) in enumerate(customers)
            ]
        store.close()
    load = Path("/proc/loadavg").read_text().strip()
    print(f"load average: {load}")
    print("| earlier orders | checkout median ms | p90 ms |\n|---|---|---|")
    for size, latencies in results.items():
        ordered = sorted(latencies)
        p90 = ordered[int(len(ordered) * 0.9)]
        print(f"| {size:,} | {statistics.median(latencies):.1f} | {p90:.1f} |")
    ratio = statistics.median(results[args.large]) / statistics.median(results[args.small])
    verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
    print(f"ratio {args.large:,} / {args.small:,} (medians): {ratio:.2f} "
          f"(goal ≤ {GOAL_RATIO}: {verdict})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
