"""Through the API (issue 17): the partner accepts with a preparation time or rejects
with a reason, and the sweep cancels an order nobody accepted — the customer sees why,
and a paid order is refunded in full."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.clock import ManualClock
from services.api.container import Container
from services.api.sweep import sweep_once
from tests.integration.support import API, DOSA, Api, ApiClient, new_key
from tests.integration.test_partner_flow import PARTNER_PASSWORD, create_partner

pytestmark = pytest.mark.every_store


@pytest.fixture
def kitchen(api: Api, container: Container) -> ApiClient:
    create_partner(container, "dosa.kitchen@example.com", 1, "9000000002")
    partner = api.client()
    partner.login("dosa.kitchen@example.com", PARTNER_PASSWORD)
    return partner


def _paid(client: ApiClient) -> dict[str, Any]:
    order = client.ordered((DOSA, 2))
    paid = client.pay(order["order_id"])
    assert paid.status_code == 200, paid.text
    return dict(paid.json()["order"])


def _answer(kitchen: ApiClient, order_id: int, verb: str, body: dict[str, Any]) -> Any:
    return kitchen.post(
        f"{API}/partner/orders/{order_id}/{verb}", json=body, headers={"Idempotency-Key": new_key()}
    )


def test_the_kitchen_accepts_with_a_preparation_time(client: ApiClient, kitchen: ApiClient) -> None:
    client.signup()
    order = _paid(client)
    accepted = _answer(kitchen, order["order_id"], "accept", {"prep_minutes": 20})
    assert accepted.status_code == 200, accepted.text
    seen = client.get(f"{API}/orders/{order['order_id']}").json()
    assert seen["order_status"] == "PREPARING" and seen["prep_minutes"] == 20
    assert seen["accepted_at"] is not None
    too_long = _answer(kitchen, order["order_id"], "accept", {"prep_minutes": 500})
    assert too_long.status_code == 422
    assert too_long.json()["errors"][0]["field"] == "prep_minutes"


def test_a_rejected_order_tells_the_customer_why_and_is_refunded(
    client: ApiClient, kitchen: ApiClient
) -> None:
    client.signup()
    order = _paid(client)
    rejected = _answer(kitchen, order["order_id"], "reject", {"reason": "Out of rice"})
    assert rejected.status_code == 200, rejected.text
    seen = client.get(f"{API}/orders/{order['order_id']}").json()
    assert seen["order_status"] == "CANCELLED"
    assert (seen["cancel_reason"], seen["cancel_note"]) == ("rejected_by_restaurant", "Out of rice")
    assert seen["payment"]["payment_status"] == "REFUNDED"
    again = _answer(kitchen, order["order_id"], "accept", {"prep_minutes": 10})
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    blank = _answer(kitchen, order["order_id"], "reject", {"reason": "   "})
    assert blank.status_code == 422


def test_an_order_nobody_accepts_is_cancelled_by_the_sweep_and_refunded(
    client: ApiClient, container: Container, clock: ManualClock
) -> None:
    client.signup()
    order = _paid(client)
    window = container.settings().partner_accept_s
    clock.advance(timedelta(seconds=window - 1))
    sweep_once(container)
    assert client.get(f"{API}/orders/{order['order_id']}").json()["order_status"] == "CONFIRMED"
    clock.advance(timedelta(seconds=2))
    sweep_once(container)
    sweep_once(container)  # a second sweep (another replica's) changes nothing
    seen = client.get(f"{API}/orders/{order['order_id']}").json()
    assert (seen["order_status"], seen["cancel_reason"]) == ("CANCELLED", "not_accepted_in_time")
    assert seen["payment"]["payment_status"] == "REFUNDED"
