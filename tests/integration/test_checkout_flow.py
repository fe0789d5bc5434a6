"""The customer's whole journey through the API, and the payment outcomes."""

from __future__ import annotations

import pytest

from adapters.memory import FakePaymentGateway, Fault
from adapters.memory.gateway import FaultHook
from tests.integration.support import (
    API,
    BENGALURU,
    COFFEE,
    DECLINED_CARD,
    DOSA,
    GOOD_CARD,
    Api,
    ApiClient,
    new_key,
)

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores


def test_signup_to_paid_order_confirmation(client: ApiClient) -> None:
    session = client.signup()
    assert session["user"]["total_orders"] == 0
    assert "password" not in str(session) and "hash" not in str(session)

    cities = client.get(f"{API}/cities").json()["cities"]
    assert {"pincode": BENGALURU, "city_name": "Bengaluru"} in cities

    found = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"q": "dosa"}).json()
    assert [r["restaurant_name"] for r in found["restaurants"]] == ["Dosa Corner"]
    assert found["next_cursor"] is None
    restaurant_id = found["restaurants"][0]["restaurant_id"]

    menu = client.get(f"{API}/restaurants/{restaurant_id}").json()["menu"]
    dosa = next(item for item in menu if item["food_id"] == DOSA)
    assert dosa == {
        "food_id": DOSA,
        "restaurant_id": restaurant_id,
        "food_name": "Masala Dosa",
        "food_category": "Dosa",
        "description": "",
        "price": 12_000,
        "currency": "INR",
        "availability": True,
        "is_veg": True,
        "option_groups": [],
    }

    client.set_item(DOSA, 2)
    cart = client.set_item(COFFEE, 1)
    lines = {line["code"]: line["amount"] for line in cart["bill"]["lines"]}
    assert lines["item_total"] == 2 * 12_000 + 4_000
    assert cart["total_amount"] == cart["bill"]["total_amount"] == sum(lines.values())
    assert cart["currency"] == "INR"
    assert [(line["food_id"], line["line_total"]) for line in cart["food_items"]] == [
        (DOSA, 24_000),
        (COFFEE, 4_000),
    ]

    address = client.add_address(landmark="Near the metro")
    assert client.get(f"{API}/addresses").json() == {"addresses": [address]}

    order = client.place_order(address["address_id"], "CARD")
    assert order["order_status"] == "PENDING_PAYMENT"
    assert order["bill"] == cart["bill"]  # the bill shown is the bill placed
    assert order["total_amount"] == cart["total_amount"] and order["currency"] == "INR"
    assert order["delivery_address"] == address
    assert client.get(f"{API}/cart").json()["food_items"] == []  # ordered: cart cleared

    paid = client.pay(order["order_id"])
    assert paid.status_code == 200, paid.text
    result = paid.json()
    assert result["order"]["order_status"] == "CONFIRMED"
    assert result["payment"]["payment_status"] == "SUCCEEDED"
    assert result["payment"]["card"] == {"brand": "visa", "last4": "4242"}
    assert result["payment"]["amount"] == order["total_amount"]  # the bill, paid
    assert GOOD_CARD["number"] not in paid.text and GOOD_CARD["cvc"] not in str(result["payment"])

    confirmation = client.get(f"{API}/orders/{order['order_id']}").json()
    assert confirmation["order_status"] == "CONFIRMED"
    assert confirmation["delivery"]["delivery_status"] == "PENDING"
    assert client.get(f"{API}/orders").json()["orders"] == [confirmation]
    assert client.get(f"{API}/me").json()["total_orders"] == 1


def test_cash_on_delivery_is_confirmed_at_once(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1), payment_mode="COD")
    assert order["order_status"] == "CONFIRMED"
    assert order["payment"]["payment_mode"] == "COD"
    assert order["payment"]["payment_status"] == "PENDING"


def test_declined_card_is_402_and_the_order_can_be_paid_again(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    declined = client.pay(order["order_id"], DECLINED_CARD)
    assert declined.status_code == 402
    assert declined.headers["content-type"] == "application/problem+json"
    problem = declined.json()
    assert problem["code"] == "payment_declined"
    assert problem["failure_code"] == "card_declined"
    assert client.get(f"{API}/orders/{order['order_id']}").json()["order_status"] == (
        "PAYMENT_FAILED"
    )

    retried = client.pay(order["order_id"], GOOD_CARD)
    assert retried.status_code == 200
    assert retried.json()["order"]["order_status"] == "CONFIRMED"

    again = client.pay(order["order_id"], GOOD_CARD)
    assert again.status_code == 409
    assert again.json()["code"] == "order_already_paid"


def test_invalid_card_details_are_422(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    response = client.pay(order["order_id"], {**GOOD_CARD, "number": "4242424242424241"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_payment_details"
    assert response.json()["errors"][0]["field"] == "card.number"


def test_unreachable_payments_is_503_with_retry_after_and_settles_later(
    api: Api, gateway: FakePaymentGateway
) -> None:
    faults: list[Fault | None] = [Fault.TIMEOUT_AFTER_CHARGE]

    def flaky(_request: object) -> Fault | None:
        return faults.pop() if faults else None

    hook: FaultHook = flaky
    gateway._fault = hook  # the fake's fault hook; set before the first charge
    client = api.client()
    client.signup()
    order = client.ordered((DOSA, 1))
    key = new_key()
    unknown = client.pay(order["order_id"], key=key)
    assert unknown.status_code == 503
    assert unknown.json()["code"] == "payment_unavailable"
    assert int(unknown.headers["Retry-After"]) > 0
    # Charged, but the answer was lost: reading the order reconciles it.
    settled = client.get(f"{API}/orders/{order['order_id']}").json()
    assert settled["order_status"] == "CONFIRMED"
    # Retrying with the same key replays the one charge instead of charging again.
    retried = client.pay(order["order_id"], key=key)
    assert retried.status_code == 200
    assert gateway.successful_charges() == {order["order_id"]: 1}


def test_cancel_refunds_a_paid_order(client: ApiClient, gateway: FakePaymentGateway) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    assert client.pay(order["order_id"]).status_code == 200
    cancelled = client.post(f"{API}/orders/{order['order_id']}/cancel")
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert body["order_status"] == "CANCELLED"
    assert body["payment"]["payment_status"] == "REFUNDED"


def test_adding_from_another_restaurant_is_a_conflict_unless_replacing(
    client: ApiClient,
) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    conflict = client.put(f"{API}/cart/items/21", json={"quantity": 1})
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "cart_restaurant_conflict"
    replaced = client.set_item(21, 1, replace_cart=True)
    assert replaced["restaurant"]["restaurant_name"] == "Slice of Bandra"
    assert [line["food_id"] for line in replaced["food_items"]] == [21]


def test_cart_edits(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 2)
    client.set_item(COFFEE, 1)
    removed = client.delete(f"{API}/cart/items/{COFFEE}")
    assert removed.status_code == 200
    assert [line["food_id"] for line in removed.json()["food_items"]] == [DOSA]
    assert client.set_item(DOSA, 0)["food_items"] == []
    client.set_item(DOSA, 1)
    assert client.delete(f"{API}/cart").status_code == 204
    assert client.get(f"{API}/cart").json()["total_amount"] == 0


def test_an_empty_cart_cannot_be_ordered(client: ApiClient) -> None:
    client.signup()
    address = client.add_address()
    response = client.post(
        f"{API}/orders",
        json={"address_id": address["address_id"], "payment_mode": "CARD"},
        headers={"Idempotency-Key": new_key()},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "cart_empty"


def test_deleting_an_address_keeps_the_orders_copy(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    address_id = order["delivery_address"]["address_id"]
    assert client.delete(f"{API}/addresses/{address_id}").status_code == 204
    assert client.get(f"{API}/addresses").json() == {"addresses": []}
    again = client.get(f"{API}/orders/{order['order_id']}").json()
    assert again["delivery_address"]["address_id"] == address_id
    assert client.delete(f"{API}/addresses/{address_id}").status_code == 404
