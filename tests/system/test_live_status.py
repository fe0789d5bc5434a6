"""The restaurant moves an order along; the customer's event stream, through Traefik,
sees every step — whichever replica holds the stream and whichever takes the writes."""

from __future__ import annotations

import json
import threading
import uuid

import httpx

from adapters.demo_catalog import generate
from services.stack import Stack
from services.stack.seed import PARTNER_EMAIL, partner_restaurant
from tests.system.journeys import Customer, plainly_orderable

STEPS = ["PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"]


def test_the_customers_stream_follows_the_partners_steps(healthy: Stack) -> None:
    assert healthy.secrets is not None
    url = healthy.config.web_url
    restaurant_id = partner_restaurant(generate().restaurants).restaurant_id
    with httpx.Client(base_url=url, timeout=10.0) as client:
        customer = Customer(client)
        restaurant = customer.get(f"/api/v1/restaurants/{restaurant_id}").json()
        dish = next(item["food_id"] for item in restaurant["menu"] if plainly_orderable(item))
        assert customer.put(f"/api/v1/cart/items/{dish}", {"quantity": 1}).status_code == 200
        placed = customer.post(
            "/api/v1/orders",
            {"address_id": customer.add_address(restaurant["city"]), "payment_mode": "COD"},
            str(uuid.uuid4()),
        )
        assert placed.status_code == 201, placed.text
        order_id = placed.json()["order_id"]
        assert placed.json()["order_status"] == "CONFIRMED"

        seen: list[str] = []
        changed = threading.Condition()

        def listen() -> None:
            with httpx.stream(
                "GET",
                f"{url}/api/v1/orders/{order_id}/events",
                headers=customer.headers,
                timeout=30.0,
            ) as stream:
                for line in stream.iter_lines():
                    if line.startswith("data:"):
                        status = json.loads(line[5:])["order_status"]
                        with changed:
                            if not seen or seen[-1] != status:
                                seen.append(status)
                            changed.notify_all()
                        if status == "DELIVERED":
                            return

        listener = threading.Thread(target=listen)
        listener.start()

        def wait_for(status: str) -> None:
            # The stream polls the store every 0.5 s: each step is awaited before the
            # next, or quick steps would be seen as one change.
            with changed:
                assert changed.wait_for(lambda: status in seen, timeout=10), (status, seen)

        wait_for("CONFIRMED")

        login = client.post(
            "/api/v1/auth/login",
            json={
                "email": PARTNER_EMAIL,
                "password": healthy.secrets.demo_password,
                "bearer": True,
            },
        )
        assert login.status_code == 200, login.text
        partner = {"Authorization": f"Bearer {login.json()['token']}"}
        incoming = client.get("/api/v1/partner/orders", headers=partner).json()["orders"]
        assert order_id in [o["order_id"] for o in incoming]
        for step in STEPS:
            moved = client.post(
                f"/api/v1/partner/orders/{order_id}/status",
                json={"order_status": step},
                headers=partner,
            )
            assert moved.status_code == 200, moved.text
            wait_for(step)
        listener.join(timeout=30)
        assert not listener.is_alive()
    assert seen == ["CONFIRMED", *STEPS]
