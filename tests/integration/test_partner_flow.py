"""The restaurant partner's side, and the customer watching the order as events."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from dependency_injector import providers

from services.api import cli
from services.api.app import create_app
from services.api.container import Container
from services.api.settings import Settings
from tests.integration.support import (
    API,
    DOSA,
    MARGHERITA,
    Api,
    ApiClient,
    command_container,
    new_key,
)

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores

PARTNER_PASSWORD = "kitchen password 1"


@pytest.fixture
def settings() -> Settings:
    return Settings.for_tests(sse_poll_s=0.02, sse_heartbeat_s=0.05, sse_max_s=10.0)


def create_partner(container: Container, email: str, restaurant_id: int, phone: str) -> int:
    out = io.StringIO()
    code = cli.main(
        [
            "create-partner",
            "--email",
            email,
            "--phone",
            phone,
            "--name",
            "Kitchen",
            "--restaurant-id",
            str(restaurant_id),
            "--password-stdin",
        ],
        container=command_container(container),
        stdin=io.StringIO(PARTNER_PASSWORD + "\n"),
        out=out,
    )
    assert code == 0, out.getvalue()
    return code


@pytest.fixture
def partner(api: Api, container: Container) -> ApiClient:
    create_partner(container, "dosa.kitchen@example.com", 1, "9000000002")
    partner = api.client()
    session = partner.login("dosa.kitchen@example.com", PARTNER_PASSWORD)
    assert session["user"]["role"] == "PARTNER" and session["user"]["restaurant_id"] == 1
    return partner


@pytest.fixture
def customer(api: Api) -> ApiClient:
    customer = api.client()
    customer.signup()
    return customer


def _status(partner: ApiClient, order_id: int, status: str) -> Any:
    return partner.post(
        f"{API}/partner/orders/{order_id}/status",
        json={"order_status": status},
        headers={"Idempotency-Key": new_key()},
    )


def test_partner_moves_an_order_and_the_customer_sees_it(
    partner: ApiClient, customer: ApiClient
) -> None:
    unpaid = customer.ordered((DOSA, 1))
    order = customer.ordered((DOSA, 2), payment_mode="COD")
    incoming = partner.get(f"{API}/partner/orders").json()["orders"]
    assert [o["order_id"] for o in incoming] == [order["order_id"]]  # not the unpaid one

    assert _status(partner, order["order_id"], "DELIVERED").json()["code"] == ("invalid_transition")
    for status in ("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"):
        response = _status(partner, order["order_id"], status)
        assert response.status_code == 200, response.text
        assert response.json()["order_status"] == status
        seen = customer.get(f"{API}/orders/{order['order_id']}").json()
        assert seen["order_status"] == status
    delivered = customer.get(f"{API}/orders/{order['order_id']}").json()
    assert delivered["delivery"]["delivery_status"] == "DELIVERED"
    assert delivered["payment"]["payment_status"] == "SUCCEEDED"  # cash collected
    assert partner.get(f"{API}/partner/orders").json() == {"orders": []}
    assert _status(partner, unpaid["order_id"], "PREPARING").status_code == 409


def test_a_partner_cannot_touch_another_restaurants_orders(
    api: Api, container: Container, customer: ApiClient
) -> None:
    create_partner(container, "pizza.kitchen@example.com", 2, "9000000003")
    pizza = api.client()
    pizza.login("pizza.kitchen@example.com", PARTNER_PASSWORD)
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    assert _status(pizza, order["order_id"], "PREPARING").status_code == 404
    assert pizza.get(f"{API}/partner/orders").json() == {"orders": []}
    own = customer.ordered((MARGHERITA, 1), payment_mode="COD")
    assert [o["order_id"] for o in pizza.get(f"{API}/partner/orders").json()["orders"]] == [
        own["order_id"]
    ]


def test_create_partner_refuses_an_unknown_restaurant(container: Container) -> None:
    code = cli.main(
        [
            "create-partner",
            "--email",
            "x@example.com",
            "--phone",
            "9000000009",
            "--name",
            "X",
            "--restaurant-id",
            "404",
            "--password-stdin",
        ],
        container=container,
        stdin=io.StringIO(PARTNER_PASSWORD + "\n"),
        out=io.StringIO(),
    )
    assert code == 1


def _events(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    """Server-sent events as dicts; comment lines come through as {"comment": …}."""
    event: dict[str, str] = {}
    for line in lines:
        if line.startswith(":"):
            yield {"comment": line[1:].strip()}
        elif not line:
            if event:
                yield event
            event = {}
        else:
            name, _, value = line.partition(":")
            event[name] = value.strip()


def _next_status(events: Iterator[dict[str, str]], seen: list[str]) -> dict[str, Any]:
    for event in events:
        if "comment" in event:
            seen.append(event["comment"])
        elif event.get("event") == "status":
            data: dict[str, Any] = json.loads(event["data"])
            return data
    raise AssertionError("the stream ended before the next status event")


@pytest.mark.timeout(30)
def test_order_events_stream_status_changes(partner: ApiClient, customer: ApiClient) -> None:
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    url = f"{API}/orders/{order['order_id']}/events"
    comments: list[str] = []
    with customer.stream("GET", url) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = _events(response.iter_lines())
        assert _next_status(events, comments)["order_status"] == "CONFIRMED"
        for status in ("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"):
            assert _status(partner, order["order_id"], status).status_code == 200
            update = _next_status(events, comments)
            assert update["order_status"] == status
            assert update["order_id"] == order["order_id"]
        # DELIVERED is final: the server ends the stream (only comments may follow).
        assert all("comment" in e for e in events)


@pytest.mark.timeout(30)
def test_order_events_end_after_the_time_limit(container: Container) -> None:
    short = Settings.for_tests(sse_poll_s=0.02, sse_heartbeat_s=0.05, sse_max_s=0.3)
    container.settings.override(providers.Object(short))
    with Api(create_app(container)) as api:
        customer = api.client()
        customer.signup()
        order = customer.ordered((DOSA, 1), payment_mode="COD")
        started = time.monotonic()
        with customer.stream("GET", f"{API}/orders/{order['order_id']}/events") as response:
            received = list(_events(response.iter_lines()))
        assert time.monotonic() - started < 5
    statuses = [e for e in received if e.get("event") == "status"]
    assert len(statuses) == 1
    assert any(e.get("comment") == "heartbeat" for e in received)
    assert "time limit" in received[-1].get("comment", "")


@pytest.mark.timeout(30)
def test_events_follow_changes_made_through_the_other_replica(container: Container) -> None:
    # Two replicas share nothing but the store (and the settings' token keys).
    replica_b = Container()
    for name in ("settings", "clock", "hasher", "gateway", "store"):
        getattr(replica_b, name).override(providers.Object(getattr(container, name)()))
    with Api(create_app(container)) as a, Api(create_app(replica_b)) as b:
        create_partner(container, "dosa.kitchen@example.com", 1, "9000000002")
        customer = a.client()
        customer.signup()
        order = customer.ordered((DOSA, 1), payment_mode="COD")
        partner = b.client()
        partner.login("dosa.kitchen@example.com", PARTNER_PASSWORD)
        # A session made on one replica is good on the other.
        bearer = {"Authorization": f"Bearer {customer.token}"}
        assert b.client().get(f"{API}/me", headers=bearer).status_code == 200
        with customer.stream("GET", f"{API}/orders/{order['order_id']}/events") as response:
            events = _events(response.iter_lines())
            assert _next_status(events, [])["order_status"] == "CONFIRMED"
            assert _status(partner, order["order_id"], "PREPARING").status_code == 200
            assert _next_status(events, [])["order_status"] == "PREPARING"
