"""Durability: what a store acknowledged survives the death of the process that wrote it.

A child process (a fresh interpreter: ``python -m tests.contract.test_durability URL
STAGE``) opens the store from its URL, places an order through the use cases (and for
the ``paid`` stage pays it with the fake gateway), prints the acknowledged order as one
JSON line and then waits; the parent SIGKILLs it as soon as it has read that line, so
nothing after the acknowledgement (closing connections, interpreter shutdown) can help.
The parent then opens a fresh store on the same URL and finds the order, with its items
and status.

For the MongoDB wire protocol the FerretDB server itself is also killed (SIGKILL) and
started again on the same PostgreSQL cluster (durable: fsync on) before the order is
read back (unless ``FOOD_TEST_MONGODB_URL`` names an outside server: then only a new
client is used).
PostgreSQL comes from the session fixture, read back through a new client (its test
cluster runs with fsync off: this checks commit-before-acknowledge, not power loss).
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from adapters.stores import open_store
from food_core.model import BillCode, OrderStatus
from tests.contract.backends import with_database

ROOT = Path(__file__).resolve().parents[2]
ACK_TIMEOUT = 120.0
DURABILITY_DATABASE = "food_durability"
STAGES = ("placed", "paid")

# The child's little world; ids far from the demo catalog's and the contract builders'.
PINCODE = "560001"
RESTAURANT_ID = 7_700_001
DISHES = {7_700_101: ("Durable Dosa", 12_000, 2), 7_700_102: ("Fsync Filter Coffee", 4_500, 3)}


# -- the child -------------------------------------------------------------------------


def _child(url: str, stage: str) -> None:  # pragma: no cover - runs in a subprocess
    from attrs import evolve

    from adapters.clock import SystemClock
    from adapters.ids import SnowflakeIds
    from adapters.memory import FakePaymentGateway, FastTestHasher
    from adapters.stores import ports_for
    from food_core.model import CardDetails, City, FoodItem, PaymentMode, Restaurant
    from food_core.usecases import add_address, pay_order, place_order, set_cart_quantity, signup

    store = open_store(url)
    clock = SystemClock()
    ports = ports_for(
        store,
        gateway=FakePaymentGateway(clock),
        hasher=FastTestHasher(),
        clock=clock,
        ids=SnowflakeIds(9),
    )
    city = City(PINCODE, "Bengaluru")
    ports.catalog.add_city(city)
    restaurant = Restaurant(
        RESTAURANT_ID, "Durable Bhavan", "", 4.2, city, ("South Indian",), True, 25, 40_000
    )
    # The child orders on the real clock: open at any hour the test runs.
    ports.catalog.add_restaurant(evolve(restaurant, open_hours="00:00-24:00"))
    ports.catalog.add_food_items(
        FoodItem(food_id, RESTAURANT_ID, name, "Mains", price, True, True)
        for food_id, (name, price, _) in DISHES.items()
    )
    tag = uuid.uuid4().hex[:12]
    user = signup(
        ports,
        user_name="Durable Customer",
        email=f"durable-{tag}@example.com",
        phone=f"9{int(tag, 16) % 10**9:09d}",
        password="durable password",
    )
    address = add_address(
        ports,
        user.user_id,
        label="Home",
        line1="1 Commit Road",
        city_name="Bengaluru",
        pincode=PINCODE,
    )
    for food_id, (_, _, quantity) in DISHES.items():
        set_cart_quantity(ports, user.user_id, food_id, quantity)
    order = place_order(
        ports,
        user.user_id,
        idempotency_key=f"durable-{tag}",
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
    ).order
    status = order.order_status
    if stage == "paid":
        paid = pay_order(
            ports,
            user.user_id,
            order.order_id,
            idempotency_key=f"durable-pay-{tag}",
            payment_mode=PaymentMode.CARD,
            card=CardDetails("4242424242424242", 12, 2031, "123", "Durable Customer"),
        )
        status = paid.order.order_status
    ack = {"order_id": order.order_id, "user_id": user.user_id, "status": status.value}
    sys.stdout.write(json.dumps(ack) + "\n")
    sys.stdout.flush()
    time.sleep(600)  # the parent kills us; never close the store cleanly


# -- the parent ------------------------------------------------------------------------


def _acknowledged_then_killed(url: str, stage: str) -> dict[str, Any]:
    """Run the child, read its acknowledgement, SIGKILL it at once; the ack."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.contract.test_durability", url, stage],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(child.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=ACK_TIMEOUT)
            line = child.stdout.readline() if ready else ""
        os.kill(child.pid, signal.SIGKILL)  # immediately after the acknowledgement
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, (
            f"the child ended on its own ({child.returncode}) before acknowledging:\n"
            f"{child.stderr.read() if child.stderr else ''}"
        )
        assert line, "no acknowledgement from the child"
        ack: dict[str, Any] = json.loads(line)
        return ack
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def _assert_order_stored(url: str, ack: dict[str, Any], stage: str) -> None:
    store = open_store(url, migrate=False)  # a fresh client / connection
    try:
        order = store.orders.get(ack["order_id"])
        assert order is not None, f"acknowledged order {ack['order_id']} is lost"
        assert order.user == ack["user_id"]
        assert order.order_status.value == ack["status"]
        assert {item.food_id: item.quantity for item in order.items} == {
            food_id: quantity for food_id, (_, _, quantity) in DISHES.items()
        }
        items = sum(price * qty for _, price, qty in DISHES.values())
        assert order.bill.amount_of(BillCode.ITEM_TOTAL) == items
        assert order.total_amount == order.bill.total_amount
        if stage == "placed":
            assert order.order_status is OrderStatus.PENDING_PAYMENT
        else:
            assert order.is_confirmed and order.is_settled_payment
            assert order.payment is not None
            assert [a.payment_id for a in order.payments] == [order.payment.payment_id]
        mine = store.orders.list_for_user(ack["user_id"], limit=10)
        assert [o.order_id for o in mine] == [ack["order_id"]]
    finally:
        store.close()


@pytest.mark.parametrize("stage", STAGES)
def test_sqlite_keeps_an_acknowledged_order(tmp_path: Path, stage: str) -> None:
    url = f"sqlite:///{tmp_path / 'durable.db'}"
    open_store(url).close()  # migrated before the child starts
    ack = _acknowledged_then_killed(url, stage)
    _assert_order_stored(url, ack, stage)


@pytest.mark.parametrize("stage", STAGES)
def test_postgresql_keeps_an_acknowledged_order(postgres_url: str, stage: str) -> None:
    open_store(postgres_url).close()
    ack = _acknowledged_then_killed(postgres_url, stage)
    _assert_order_stored(postgres_url, ack, stage)


class _FerretDB:
    """A FerretDB of this module's own on a durable PostgreSQL cluster, so that FerretDB
    can be killed and started again on the same data; or an outside server
    (``FOOD_TEST_MONGODB_URL``), never restarted."""

    def __init__(self, state_dir: Path | None, url: str) -> None:
        self.state_dir = state_dir
        self.url = url
        self.postgres: Any = None
        self.server: Any = None

    def start(self) -> None:
        from services.devstack.ferretdb import start_ferretdb
        from services.devstack.postgres import start_postgres

        assert self.state_dir is not None
        if self.postgres is None:
            self.postgres = start_postgres(self.state_dir / "postgres", durable=True)
        self.server = start_ferretdb(self.state_dir / "ferretdb", postgres=self.postgres)
        self.url = self.server.url

    def crash_and_restart(self) -> bool:
        if self.server is None:
            return False
        self.server.process.stop_signal = signal.SIGKILL  # no clean shutdown
        self.server.process.grace = 0.0
        self.server.stop()
        self.start()
        return True

    def stop(self) -> None:
        for server in (self.server, self.postgres):
            if server is not None:
                server.stop()


@pytest.fixture(scope="module")
def ferretdb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_FerretDB]:
    from tests.servers import _unavailable

    outside = os.environ.get("FOOD_TEST_MONGODB_URL")
    if outside:
        yield _FerretDB(None, outside)
        return
    server = _FerretDB(tmp_path_factory.mktemp("ferretdb-durability"), "")
    try:
        server.start()
    except Exception as error:  # fail under CI, skip locally (as tests/servers.py)
        server.stop()
        _unavailable("ferretdb", error)
        raise AssertionError("unreachable") from error
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("stage", STAGES)
def test_mongodb_wire_keeps_an_acknowledged_order(ferretdb: _FerretDB, stage: str) -> None:
    url = with_database(ferretdb.url, DURABILITY_DATABASE)
    ack = _acknowledged_then_killed(url, stage)
    restarted = ferretdb.crash_and_restart()
    if restarted:
        url = with_database(ferretdb.url, DURABILITY_DATABASE)
    _assert_order_stored(url, ack, stage)


if __name__ == "__main__":  # pragma: no cover - the child
    _child(sys.argv[1], sys.argv[2])
