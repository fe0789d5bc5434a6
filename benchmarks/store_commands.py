"""Benchmark: the store commands one checkout sends through the API, per store.

    python -m benchmarks.store_commands [--only sqlite,postgresql,mongodb]

One checkout is what a customer does from a filled-in account: three cart edits
(``PUT /cart/items/{food_id}``), ``POST /orders`` by card, ``POST /orders/{id}/payment``.
The API runs in process (the production container with the fake gateway and the fast
test hasher), one request after another, so the count is exact and the same on every
run, whatever else the machine is doing: use it to compare commits. It counts what the
API's store sees — the domain's reads and writes and the edge's (sessions, revocation):

- MongoDB wire (FerretDB here, MongoDB/Atlas in production): pymongo's command
  monitoring, one per command started (``find``, ``insert``, ``update``, …);
- SQL: SQLAlchemy's ``before_cursor_execute``, one per statement (transaction
  ``BEGIN``/``COMMIT`` are not statements and are not counted).

``tests/contract/test_command_budget.py`` fails if a checkout sends more than
``BUDGETS`` says; lower the budget when a change lowers the count.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import threading
import uuid
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from dependency_injector import providers
from pymongo import monitoring

from adapters.clock import ManualClock
from adapters.demo_catalog import generate, load_into
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import Store, open_store

NAMES = ("sqlite", "postgresql", "mongodb")
# The most commands one checkout may send, per store (checked by a test).
BUDGETS = {"sqlite": 41, "postgresql": 22, "mongodb": 24}
API = "/api/v1"
CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2031, "cvc": "123"}
STEPS = ("cart edit 1", "cart edit 2", "cart edit 3", "place order", "pay by card")


class _Tally:
    """Commands counted while ``step`` is set, by step and by command name."""

    def __init__(self) -> None:
        self.step: str | None = None
        self.by_step: Counter[str] = Counter()
        self.by_name: Counter[str] = Counter()
        self.log: list[tuple[str, str]] = []  # (step, what was sent), for --verbose
        self._lock = threading.Lock()

    def count(self, name: str, detail: str = "") -> None:
        with self._lock:
            if self.step is not None:
                self.by_step[self.step] += 1
                self.by_name[name] += 1
                self.log.append((self.step, detail or name))

    @property
    def total(self) -> int:
        return sum(self.by_step.values())


class _MongoListener(monitoring.CommandListener):
    def __init__(self, tally: _Tally) -> None:
        self._tally = tally

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        name = event.command_name
        body = event.command
        target = body.get(name, "")
        where = body.get("filter") or [u.get("q") for u in body.get("updates", [])] or ""
        self._tally.count(name, f"{name} {target} {where}"[:160])

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        return None

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        return None


def _listen_sql(store: Store, tally: _Tally) -> None:
    engine: sa.Engine = store.engine  # type: ignore[attr-defined]

    def executed(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        tally.count(statement.split(None, 1)[0].upper(), " ".join(statement.split())[:160])

    sa.event.listen(engine, "before_cursor_execute", executed)


@contextlib.contextmanager
def _store_at(name: str, workdir: Path, tally: _Tally) -> Iterator[Store]:
    workdir.mkdir(parents=True, exist_ok=True)
    if name == "sqlite":
        store = open_store(f"sqlite:///{workdir / 'commands.db'}")
        _listen_sql(store, tally)
        yield store
        store.close()
    elif name == "postgresql":
        from services.devstack.postgres import start_postgres

        with start_postgres(workdir / "postgres") as server:
            store = open_store(server.url)
            _listen_sql(store, tally)
            yield store
            store.close()
    elif name == "mongodb":
        from adapters.mongo import MongoStore
        from services.devstack.ferretdb import start_ferretdb

        with start_ferretdb(workdir / "ferretdb") as server:
            store = MongoStore(
                server.url, database="food_commands", event_listeners=[_MongoListener(tally)]
            )
            yield store
            store.close()
    else:
        raise ValueError(f"unknown store {name!r}; choose from {', '.join(NAMES)}")


def _checkout(client: Any, tally: _Tally, foods: list[int]) -> None:
    """Sign up and add an address (not counted), then count one checkout."""
    email = f"commands-{uuid.uuid4().hex[:8]}@example.com"
    body = {"user_name": "Count Ing", "email": email, "phone": "9812345678"}
    signup = {**body, "password": "a long password", "bearer": True}
    signed = client.post(f"{API}/auth/signup", json=signup)
    assert signed.status_code == 201, signed.text
    client.headers["Authorization"] = f"Bearer {signed.json()['token']}"
    address = client.post(
        f"{API}/addresses",
        json={"label": "Home", "line1": "12 MG Road", "city_name": "Bengaluru",
              "pincode": "560001"},
    )  # fmt: skip
    assert address.status_code == 201, address.text
    edits = [(foods[0], 1), (foods[1], 2), (foods[0], 2)]
    for step, (food_id, quantity) in zip(STEPS, edits, strict=False):
        tally.step = step
        edited = client.put(f"{API}/cart/items/{food_id}", json={"quantity": quantity})
        assert edited.status_code == 200, edited.text
    tally.step = "place order"
    placed = client.post(
        f"{API}/orders",
        json={"address_id": address.json()["address_id"], "payment_mode": "CARD"},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert placed.status_code == 201, placed.text
    tally.step = "pay by card"
    paid = client.post(
        f"{API}/orders/{placed.json()['order_id']}/payment",
        json={"payment_mode": "CARD", "card": CARD},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert paid.status_code == 200, paid.text
    assert paid.json()["order"]["order_status"] == "CONFIRMED", paid.text
    tally.step = None


def count_checkout(name: str, workdir: Path) -> _Tally:
    """Run one checkout through the in-process API on store ``name``; return the tally."""
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

    from services.api.app import create_app
    from services.api.container import Container
    from services.api.settings import Settings

    tally = _Tally()
    with _store_at(name, workdir, tally) as store:
        demo = generate()
        load_into(store.catalog, demo)
        bengaluru = next(r for r in demo.restaurants if r.city.pincode == "560001")
        foods = [i.food_id for i in demo.food_items if i.restaurant_id == bengaluru.restaurant_id]
        foods = [f for f in foods if store.catalog.get_food_items([f])[f].availability][:2]
        clock = ManualClock()
        container = Container()
        # As the stack runs (catalog and revocation caches on; the manual clock keeps the
        # whole checkout inside their time), but no background sweep: only the
        # checkout's own requests reach the store.
        settings = Settings.for_tests(
            reconcile_interval_s=0, catalog_cache_s=5, revocation_cache_s=1
        )
        container.settings.override(providers.Object(settings))
        container.clock.override(providers.Object(clock))
        container.hasher.override(providers.Object(FastTestHasher()))
        container.gateway.override(providers.Object(FakePaymentGateway(clock)))
        container.store.override(providers.Object(store))
        with TestClient(create_app(container)) as client:
            _checkout(client, tally, foods)
    return tally


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(NAMES), help="stores, comma-separated")
    parser.add_argument("--verbose", action="store_true", help="list every command sent")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    print("store commands per checkout (3 cart edits → place order → pay by card)")
    with tempfile.TemporaryDirectory(prefix="food-commands-") as tmp:
        for name in names:
            tally = count_checkout(name, Path(tmp) / name)
            steps = ", ".join(f"{step} {tally.by_step[step]}" for step in STEPS)
            names_seen = ", ".join(f"{n} {c}" for n, c in tally.by_name.most_common())
            print(f"{name:>10}: {tally.total:3d}  ({steps})")
            print(f"{'':>10}  by command: {names_seen}")
            if args.verbose:
                for step, detail in tally.log:
                    print(f"{'':>12}{step:>12}: {detail}")


if __name__ == "__main__":
    main()
