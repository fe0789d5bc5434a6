"""Everything is scoped to the caller: another user's things are 404, not 403."""

from __future__ import annotations

import pytest

from tests.integration.support import API, DOSA, GOOD_CARD, Api, ApiClient, new_key

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores


@pytest.fixture
def owner(api: Api) -> ApiClient:
    owner = api.client()
    owner.signup(1)
    return owner


@pytest.fixture
def stranger(api: Api) -> ApiClient:
    stranger = api.client()
    stranger.signup(2)
    return stranger


def test_another_users_order_is_not_found(owner: ApiClient, stranger: ApiClient) -> None:
    order = owner.ordered((DOSA, 1))
    order_id = order["order_id"]
    for method, path, body in [
        ("GET", f"{API}/orders/{order_id}", None),
        ("GET", f"{API}/orders/{order_id}/events", None),
        ("POST", f"{API}/orders/{order_id}/cancel", None),
        ("POST", f"{API}/orders/{order_id}/payment", {"payment_mode": "CARD", "card": GOOD_CARD}),
    ]:
        response = stranger.request(method, path, json=body, headers={"Idempotency-Key": new_key()})
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["code"] == "not_found"
    assert stranger.get(f"{API}/orders").json() == {"orders": []}
    # Untouched by the attempts.
    assert owner.get(f"{API}/orders/{order_id}").json()["order_status"] == "PENDING_PAYMENT"


def test_another_users_address_is_not_found(owner: ApiClient, stranger: ApiClient) -> None:
    address_id = owner.add_address()["address_id"]
    assert stranger.delete(f"{API}/addresses/{address_id}").status_code == 404
    stranger.set_item(DOSA, 1)
    ordering = stranger.post(
        f"{API}/orders",
        json={"address_id": address_id, "payment_mode": "COD"},
        headers={"Idempotency-Key": new_key()},
    )
    assert ordering.status_code == 404
    assert stranger.get(f"{API}/addresses").json() == {"addresses": []}
    assert len(owner.get(f"{API}/addresses").json()["addresses"]) == 1


def test_carts_are_per_user(owner: ApiClient, stranger: ApiClient) -> None:
    owner.set_item(DOSA, 3)
    assert stranger.get(f"{API}/cart").json()["food_items"] == []
    assert stranger.delete(f"{API}/cart").status_code == 204
    assert owner.get(f"{API}/cart").json()["food_items"][0]["quantity"] == 3


def test_fields_a_client_must_not_set_are_refused_by_name(owner: ApiClient) -> None:
    owner.set_item(DOSA, 1)
    address_id = owner.add_address()["address_id"]
    response = owner.post(
        f"{API}/orders",
        json={
            "address_id": address_id,
            "payment_mode": "CARD",
            "order_status": "CONFIRMED",
            "total_amount": 1,
            "user_id": 42,
        },
        headers={"Idempotency-Key": new_key()},
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"order_status", "total_amount", "user_id"}
    price = owner.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1, "price": 1})
    assert price.status_code == 422
    assert price.json()["errors"] == [
        {"field": "price", "message": "is not a field a client may set"}
    ]
    cancel = owner.post(f"{API}/orders/1/cancel", json={"order_status": "CANCELLED"})
    assert cancel.status_code == 422
    assert cancel.json()["errors"][0]["field"] == "order_status"
