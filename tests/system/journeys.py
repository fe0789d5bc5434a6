"""A customer's steps over HTTP, shared by the system tests."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

import httpx

from services.api.schemas.catalog import plainly_orderable

_phones = itertools.count(int(uuid.uuid4().int % 10**8))

PASSWORD = "a long system-test password"
GOOD_CARD = {
    "number": "4242424242424242",
    "exp_month": 12,
    "exp_year": 2031,
    "cvc": "123",
    "name": "System Test",
}


class Customer:
    """A signed-up customer with a Bearer token, a delivery address and a cart helper."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        n = next(_phones) % 10**8
        self.email = f"system-{uuid.uuid4().hex[:12]}@example.com"
        response = client.post(
            "/api/v1/auth/signup",
            json={
                "user_name": "System Tester",
                "email": self.email,
                "phone": f"9{n:09d}"[:10],
                "password": PASSWORD,
                "bearer": True,  # this client sends the token; the web app uses the cookie
            },
        )
        assert response.status_code == 201, response.text
        body = response.json()
        self.user_id: int = body["user"]["user_id"]
        self.headers = {"Authorization": f"Bearer {body['token']}"}
        city = client.get("/api/v1/cities").json()["cities"][0]
        self.pincode: str = city["pincode"]
        self.address_id: int = self.add_address(city)

    def add_address(self, city: dict[str, Any]) -> int:
        """A home address in ``city`` (a city as the API writes it), by its id."""
        address = self.post(
            "/api/v1/addresses",
            {
                "label": "Home",
                "line1": "1 Test Street",
                "line2": "",
                "landmark": "",
                "city_name": city["city_name"],
                "pincode": city["pincode"],
            },
        )
        assert address.status_code == 201, address.text
        return int(address.json()["address_id"])

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.client.get(path, headers=self.headers, params=params)

    def post(self, path: str, body: dict[str, Any], key: str | None = None) -> httpx.Response:
        headers = dict(self.headers)
        if key is not None:
            headers["Idempotency-Key"] = key
        return self.client.post(path, json=body, headers=headers)

    def put(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return self.client.put(path, json=body, headers=self.headers)

    def first_available_dish(self) -> int:
        found = self.get(f"/api/v1/cities/{self.pincode}/restaurants", open_now="true")
        restaurants = found.json()["restaurants"]
        menu = self.get(f"/api/v1/restaurants/{restaurants[0]['restaurant_id']}").json()["menu"]
        return int(next(item["food_id"] for item in menu if plainly_orderable(item)))

    def order(self, food_id: int, key: str) -> httpx.Response:
        """Fill the cart with one dish and place an order with ``key``."""
        cart = self.put(f"/api/v1/cart/items/{food_id}", {"quantity": 1})
        assert cart.status_code == 200, cart.text
        return self.post(
            "/api/v1/orders", {"address_id": self.address_id, "payment_mode": "CARD"}, key
        )
