"""Issue 13 through Traefik, on the whole stack (its clock starts at a Wednesday noon in
India, StackConfig.on_free_ports): two tabs, the price lock, the service area, open hours.
Unpaid orders expiring: tests/system/test_sql_store.py (a stack with a short wait)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from attrs import evolve

from adapters.mongo import MongoStore
from services.stack import Stack
from tests.system.journeys import Customer, plainly_orderable


@pytest.fixture
def shopper(healthy: Stack) -> Iterator[Customer]:
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as client:
        yield Customer(client)


@pytest.fixture
def store(healthy: Stack) -> Iterator[MongoStore]:
    """The API's store, for what a restaurant would change (a price)."""
    opened = MongoStore(healthy.config.store_url)
    yield opened
    opened.close()


def _place(me: Customer, key: str | None = None, **body: Any) -> httpx.Response:
    return me.post(
        "/api/v1/orders",
        {"address_id": me.address_id, "payment_mode": "CARD", **body},
        key or str(uuid.uuid4()),
    )


def test_two_tabs_placing_one_cart_at_once_make_one_order(shopper: Customer) -> None:
    dish = shopper.first_available_dish()
    assert shopper.put(f"/api/v1/cart/items/{dish}", {"quantity": 2}).status_code == 200
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: _place(shopper), range(4)))
    assert {a.status_code for a in answers} <= {201, 409}, [a.text for a in answers]
    placed = {a.json()["order_id"] for a in answers if a.status_code == 201}
    assert len(placed) == 1
    assert len(shopper.get("/api/v1/orders").json()["orders"]) == 1


def test_a_price_changed_mid_checkout_is_shown_and_needs_agreement(
    shopper: Customer, store: MongoStore
) -> None:
    dish = shopper.first_available_dish()
    assert shopper.put(f"/api/v1/cart/items/{dish}", {"quantity": 1}).status_code == 200
    shown = shopper.get("/api/v1/cart").json()["total_amount"]
    item = store.catalog.get_food_items([dish])[dish]
    store.catalog.add_food_items([evolve(item, price=item.price + 500)])
    try:
        refused = _place(shopper, expected_total=shown)
        assert refused.status_code == 409, refused.text
        assert refused.json()["code"] == "cart_changed"
        assert refused.json()["changes"][0]["new_price"] == item.price + 500
        now = shopper.get("/api/v1/cart").json()  # the cart took the new price
        assert refused.json()["total_amount"] == now["total_amount"] > shown
        agreed = _place(shopper, expected_total=refused.json()["total_amount"])
        assert agreed.status_code == 201, agreed.text
        assert agreed.json()["total_amount"] == now["total_amount"]
        assert agreed.json()["bill"] == now["bill"]
    finally:
        store.catalog.add_food_items([item])


def test_an_address_in_another_city_is_refused(shopper: Customer) -> None:
    dish = shopper.first_available_dish()  # a restaurant of the shopper's city
    assert shopper.put(f"/api/v1/cart/items/{dish}", {"quantity": 1}).status_code == 200
    cities = shopper.get("/api/v1/cities").json()["cities"]
    elsewhere = next(c for c in cities if c["pincode"] != shopper.pincode)
    far = shopper.post(
        "/api/v1/addresses",
        {"label": "Trip", "line1": "1 Far Road", "city_name": elsewhere["city_name"],
         "pincode": elsewhere["pincode"]},
    ).json()["address_id"]  # fmt: skip
    assert shopper.get(f"/api/v1/cart/delivery/{far}").json()["serviceable"] is False
    refused = shopper.post(
        "/api/v1/orders", {"address_id": far, "payment_mode": "CARD"}, str(uuid.uuid4())
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "address_not_serviceable"
    assert refused.json()["errors"][0]["field"] == "address_id"


def test_a_closed_restaurant_is_marked_and_cannot_be_ordered_from(shopper: Customer) -> None:
    closed = None
    for city in shopper.get("/api/v1/cities").json()["cities"]:
        found = shopper.get(f"/api/v1/cities/{city['pincode']}/restaurants", limit=50).json()
        closed = next((r for r in found["restaurants"] if not r["is_open"]), None)
        if closed is not None:
            break
    assert closed is not None, "at noon on a Wednesday the street-food stalls are closed"
    assert closed["opens_at"] is not None
    open_now = shopper.get(
        f"/api/v1/cities/{closed['city']['pincode']}/restaurants", open_now="true", limit=50
    ).json()["restaurants"]
    assert closed["restaurant_id"] not in {r["restaurant_id"] for r in open_now}
    menu = shopper.get(f"/api/v1/restaurants/{closed['restaurant_id']}").json()["menu"]
    dish = next(d["food_id"] for d in menu if plainly_orderable(d))
    refused = shopper.put(f"/api/v1/cart/items/{dish}", {"quantity": 1, "replace_cart": True})
    assert refused.status_code == 409
    assert refused.json()["code"] == "restaurant_closed"
    assert refused.json()["opens_at"] == closed["opens_at"]
