"""Through the API: one order per cart, the price lock, where a restaurant delivers, open
hours, and unpaid orders expiring — with the answers a client acts on (issue 13)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from attrs import evolve
from starlette.applications import Starlette

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import IST, OpenHours
from services.api.container import Container
from services.api.sweep import sweep_once
from tests.integration.support import API, BENGALURU, DOSA, IDLI, Api, ApiClient, new_key

pytestmark = pytest.mark.every_store


def _place(client: ApiClient, address_id: int, key: str | None = None, **body: Any) -> Any:
    return client.post(
        f"{API}/orders",
        json={"address_id": address_id, "payment_mode": "CARD", **body},
        headers={"Idempotency-Key": key or new_key()},
    )


def _dinner_only(store: Store) -> None:
    """The dosa place opens only for dinner (the test clock says 17:30 in India)."""
    dosa = store.catalog.get_restaurant(1)
    assert dosa is not None
    store.catalog.add_restaurant(evolve(dosa, open_hours=OpenHours.parse("18:00-23:00")))


def test_a_second_tab_placing_the_same_cart_gets_the_same_order(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 2)
    address = client.add_address()["address_id"]
    first = _place(client, address)
    second = _place(client, address)  # another tab: its own key, the same cart
    assert first.status_code == second.status_code == 201
    assert second.json()["order_id"] == first.json()["order_id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert len(client.get(f"{API}/orders").json()["orders"]) == 1
    assert client.get(f"{API}/cart").json()["food_items"] == []


def test_a_changed_price_is_a_409_listing_it_and_the_second_click_places(
    client: ApiClient, store: Store
) -> None:
    client.signup()
    client.set_item(DOSA, 2)
    shown = client.get(f"{API}/cart").json()["total_amount"]
    address = client.add_address()["address_id"]
    item = store.catalog.get_food_items([DOSA])[DOSA]
    store.catalog.add_food_items([evolve(item, price=item.price + 1_000)])
    refused = _place(client, address, expected_total=shown)
    assert refused.status_code == 409
    body = refused.json()
    assert body["code"] == "cart_changed"
    assert body["errors"][0]["field"] == "expected_total"
    assert body["changes"] == [
        {"food_id": DOSA, "line_id": str(DOSA), "food_name": item.food_name,
         "old_price": item.price, "new_price": item.price + 1_000, "available": True},
    ]  # fmt: skip
    # Two dishes ₹10 dearer, and 5% GST on it.
    assert body["total_amount"] == shown + 2_000 + 100
    assert client.get(f"{API}/orders").json()["orders"] == []
    assert client.get(f"{API}/cart").json()["total_amount"] == body["total_amount"]
    agreed = _place(client, address, expected_total=body["total_amount"])
    assert agreed.status_code == 201 and agreed.json()["total_amount"] == body["total_amount"]


def test_an_address_the_restaurant_does_not_deliver_to_is_a_422_naming_it(
    client: ApiClient,
) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    mumbai = client.add_address(city_name="Mumbai", pincode="400001")["address_id"]
    check = client.get(f"{API}/cart/delivery/{mumbai}")
    assert check.status_code == 200
    assert check.json()["serviceable"] is False and "400001" in check.json()["detail"]
    refused = _place(client, mumbai)
    assert refused.status_code == 422
    assert refused.json()["code"] == "address_not_serviceable"
    assert refused.json()["errors"][0]["field"] == "address_id"
    home = client.add_address()["address_id"]
    assert client.get(f"{API}/cart/delivery/{home}").json() == {
        "address_id": home, "serviceable": True, "detail": None,
    }  # fmt: skip
    assert _place(client, home).status_code == 201


def test_the_delivery_check_needs_a_cart_and_the_customers_own_address(
    client: ApiClient, api: Api
) -> None:
    client.signup()
    address = client.add_address()["address_id"]
    empty = client.get(f"{API}/cart/delivery/{address}")
    assert empty.status_code == 409 and empty.json()["code"] == "cart_empty"
    other = api.client()
    other.signup(2)
    other.set_item(DOSA, 1)
    assert other.get(f"{API}/cart/delivery/{address}").status_code == 404


def test_a_closed_restaurant_says_so_in_search_and_refuses_the_cart(
    client: ApiClient, store: Store, clock: ManualClock
) -> None:
    _dinner_only(store)
    assert clock.now().astimezone(IST).hour == 17
    client.signup()
    found = client.get(f"{API}/cities/{BENGALURU}/restaurants").json()["restaurants"]
    dosa = next(r for r in found if r["restaurant_id"] == 1)
    assert dosa["is_open"] is False and dosa["opens_at"].endswith("T18:00:00+05:30")
    assert dosa["open_hours"] == "18:00-23:00"
    open_now = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"open_now": "true"})
    assert [r["restaurant_id"] for r in open_now.json()["restaurants"]] == [2]
    refused = client.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1})
    assert refused.status_code == 409
    assert refused.json()["code"] == "restaurant_closed"
    assert refused.json()["opens_at"] == dosa["opens_at"]
    detail = client.get(f"{API}/restaurants/1").json()
    assert detail["is_open"] is False


def test_placing_at_a_restaurant_that_closed_meanwhile_is_a_409(
    client: ApiClient, store: Store, clock: ManualClock
) -> None:
    client.signup()
    client.set_item(IDLI, 1)
    address = client.add_address()["address_id"]
    _dinner_only(store)
    refused = _place(client, address)
    assert refused.status_code == 409 and refused.json()["code"] == "restaurant_closed"


def test_an_unpaid_order_is_cancelled_by_the_sweep_with_its_reason(
    client: ApiClient, app: Starlette, clock: ManualClock
) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    order = _place(client, client.add_address()["address_id"]).json()
    container: Container = app.state.container
    clock.advance(timedelta(minutes=14))
    sweep_once(container)
    assert client.get(f"{API}/orders/{order['order_id']}").json()["order_status"] == (
        "PENDING_PAYMENT"
    )
    clock.advance(timedelta(minutes=2))
    sweep_once(container)
    seen = client.get(f"{API}/orders/{order['order_id']}").json()
    assert seen["order_status"] == "CANCELLED"
    assert seen["cancel_reason"] == "payment_not_completed"
    paid = client.pay(order["order_id"])
    assert paid.status_code == 409  # a cancelled order takes no payment
