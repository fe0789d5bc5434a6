"""The customer's whole flow through Traefik, as the web app makes it, down to the
confirmation mail the stack's sink received."""

from __future__ import annotations

import time
import uuid
from email.message import EmailMessage

import httpx

from services.stack import Stack
from services.stack.mailsink import mails, text_of
from tests.system.journeys import GOOD_CARD, Customer, plainly_orderable


def test_a_customer_orders_and_pays_through_traefik(healthy: Stack) -> None:
    with httpx.Client(base_url=healthy.config.web_url, timeout=10.0) as client:
        me = Customer(client)
        cities = client.get("/api/v1/cities").json()["cities"]
        assert len(cities) >= 8
        found = me.get(
            f"/api/v1/cities/{me.pincode}/restaurants", sort="rating", open_now="true", limit=5
        )
        assert found.status_code == 200
        restaurants = found.json()["restaurants"]
        assert restaurants and found.json()["next_cursor"]
        restaurant = me.get(f"/api/v1/restaurants/{restaurants[0]['restaurant_id']}").json()
        dishes = [item for item in restaurant["menu"] if plainly_orderable(item)][:2]
        for dish in dishes:
            assert (
                me.put(f"/api/v1/cart/items/{dish['food_id']}", {"quantity": 2}).status_code == 200
            )
        cart = me.get("/api/v1/cart").json()
        items = next(line for line in cart["bill"]["lines"] if line["code"] == "item_total")
        assert items["amount"] == sum(2 * d["price"] for d in dishes)
        assert cart["total_amount"] == sum(line["amount"] for line in cart["bill"]["lines"])
        assert cart["currency"] == "INR"

        placed = me.post(
            "/api/v1/orders",
            {"address_id": me.address_id, "payment_mode": "CARD"},
            key=str(uuid.uuid4()),
        )
        assert placed.status_code == 201, placed.text
        order = placed.json()
        assert order["order_status"] == "PENDING_PAYMENT"
        assert order["total_amount"] == cart["total_amount"]

        paid = me.post(
            f"/api/v1/orders/{order['order_id']}/payment",
            {"payment_mode": "CARD", "card": GOOD_CARD},
            key=str(uuid.uuid4()),
        )
        assert paid.status_code == 200, paid.text
        result = paid.json()
        assert result["order"]["order_status"] == "CONFIRMED"
        assert result["payment"]["payment_status"] == "SUCCEEDED"
        assert result["payment"]["card"] == {"brand": "visa", "last4": "4242"} or (
            result["payment"]["card"]["last4"] == "4242"
        )
        assert "4242424242424242" not in paid.text

        seen = me.get(f"/api/v1/orders/{order['order_id']}").json()
        assert seen["order_status"] == "CONFIRMED"
        assert seen["delivery"]["delivery_status"] == "PENDING"
        assert me.get("/api/v1/me").json()["total_orders"] == 1
        assert [o["order_id"] for o in me.get("/api/v1/orders").json()["orders"]] == [
            order["order_id"]
        ]

        # The replica that confirmed it mailed the customer; the stack's sink kept it.
        confirmation = _mail_of(healthy, order["order_id"], "confirmed")
        assert confirmation["To"] == f"System Tester <{me.email}>"
        text = text_of(confirmation)
        assert "Bill:" in text and f"₹{order['total_amount'] / 100:,.2f}" in text


def _mail_of(stack: Stack, order_id: int, notice: str, timeout: float = 15.0) -> EmailMessage:
    deadline = time.monotonic() + timeout
    while True:
        for mail in mails(stack.config.mail_dir):
            if mail["X-Food-Order"] == str(order_id) and mail["X-Food-Notice"] == notice:
                return mail
        if time.monotonic() > deadline:
            raise AssertionError(f"no {notice} mail of order {order_id} in the sink")
        time.sleep(0.1)
