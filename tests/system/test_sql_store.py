"""The stack with the SQL adapter as the API's store (``nox -s up -- --store postgresql``):
the same flow through Traefik, on PostgreSQL, with FerretDB left to the payments service."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.stack import Stack, StackConfig
from tests.system.conftest import TEST_AUTH_RATE, run_stack
from tests.system.journeys import GOOD_CARD, Customer


@pytest.fixture(scope="module")
def sql_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    config = StackConfig.on_free_ports(
        Path(tmp_path_factory.mktemp("sql-stack")),
        auth_rate=TEST_AUTH_RATE,
        store="postgresql",
        # A short wait for a payment, swept often: an unpaid order expires in about a minute.
        extra_api_env={"FOOD_UNPAID_ORDER_TTL_S": "60", "FOOD_RECONCILE_INTERVAL_S": "2"},
    )
    yield from run_stack(config)


def test_the_replicas_are_configured_for_the_sql_store(sql_stack: Stack) -> None:
    assert sql_stack.api_env()["FOOD_STORE_URL"].startswith("postgresql+psycopg://")


def test_a_customer_orders_and_pays_on_the_sql_store(sql_stack: Stack) -> None:
    with httpx.Client(base_url=sql_stack.config.web_url, timeout=10.0) as client:
        me = Customer(client)
        dish = me.first_available_dish()
        placed = me.order(dish, str(uuid.uuid4()))
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order_id"]
        paid = me.post(
            f"/api/v1/orders/{order_id}/payment",
            {"payment_mode": "CARD", "card": GOOD_CARD},
            key=str(uuid.uuid4()),
        )
        assert paid.status_code == 200, paid.text
        assert paid.json()["order"]["order_status"] == "CONFIRMED"
        assert me.get("/api/v1/me").json()["total_orders"] == 1
        # A second placement of the same (now ordered) cart answers with that order.
        again = me.post(
            "/api/v1/orders",
            {"address_id": me.address_id, "payment_mode": "CARD"},
            key=str(uuid.uuid4()),
        )
        assert again.status_code == 201, again.text
        assert again.json()["order_id"] == order_id


def test_an_unpaid_order_is_cancelled_after_its_wait_with_the_reason(sql_stack: Stack) -> None:
    with httpx.Client(base_url=sql_stack.config.web_url, timeout=10.0) as client:
        me = Customer(client)
        placed = me.order(me.first_available_dish(), str(uuid.uuid4()))
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order_id"]
        deadline = time.monotonic() + 120
        seen = me.get(f"/api/v1/orders/{order_id}").json()
        while seen["order_status"] != "CANCELLED" and time.monotonic() < deadline:
            time.sleep(2)
            seen = me.get(f"/api/v1/orders/{order_id}").json()
        assert seen["order_status"] == "CANCELLED"
        assert seen["cancel_reason"] == "payment_not_completed"
        late = me.post(
            f"/api/v1/orders/{order_id}/payment",
            {"payment_mode": "CARD", "card": GOOD_CARD},
            key=str(uuid.uuid4()),
        )
        assert late.status_code == 409
