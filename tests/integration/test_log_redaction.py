"""The access log: one JSON line per request, and never a secret in any log line."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from services.api.logs import ACCESS_LOGGER, JsonFormatter
from tests.integration.support import API, DOSA, PASSWORD, Api, new_key

CARD_NUMBER = "4000000000000002"  # a declined card: its number appears in error paths too


class Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.lines.append(self.format(record))


@pytest.fixture
def logs() -> Iterator[Captured]:
    handler = Captured()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


def test_no_password_token_cookie_or_card_number_is_logged(api: Api, logs: Captured) -> None:
    client = api.client()
    client.signup(cookies=True)
    token = client.token  # the session cookie's value
    assert token
    csrf = client.cookies["food_csrf"]
    client.post(f"{API}/auth/login", json={"email": "customer1@example.com", "password": "wrong!"})
    client.post(f"{API}/auth/login", json={"email": "customer1@example.com", "password": PASSWORD})
    headers = {"X-CSRF-Token": client.cookies["food_csrf"]}
    client.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1}, headers=headers)
    address = client.post(
        f"{API}/addresses",
        json={"label": "Home", "line1": "1 Road", "city_name": "Bengaluru", "pincode": "560001"},
        headers=headers,
    ).json()
    order = client.post(
        f"{API}/orders",
        json={"address_id": address["address_id"], "payment_mode": "CARD"},
        headers={**headers, "Idempotency-Key": new_key()},
    ).json()
    card = {"number": CARD_NUMBER, "exp_month": 12, "exp_year": 2031, "cvc": "987"}
    declined = client.post(
        f"{API}/orders/{order['order_id']}/payment",
        json={"payment_mode": "CARD", "card": card},
        headers={**headers, "Idempotency-Key": new_key()},
    )
    assert declined.status_code == 402
    invalid = client.post(
        f"{API}/orders/{order['order_id']}/payment",
        json={"payment_mode": "CARD", "card": {**card, "number": CARD_NUMBER[:-1] + "9"}},
        headers={**headers, "Idempotency-Key": new_key()},
    )
    assert invalid.status_code == 422
    bad_json = client.post(
        f"{API}/auth/login",
        content=f'{{"email": "a@b.co", "password": "{PASSWORD}"'.encode(),
        headers={"Content-Type": "application/json"},
    )
    assert bad_json.status_code == 400

    text = "\n".join(logs.lines)
    assert logs.lines, "nothing was logged"
    for secret in (PASSWORD, "wrong!", token, csrf, CARD_NUMBER, CARD_NUMBER[:-1] + "9"):
        assert secret not in text
    assert '"cvc"' not in text and "card" not in text.replace("/payment", "")


def test_one_access_line_per_request_with_its_fields(api: Api, logs: Captured) -> None:
    client = api.client()
    client.signup()
    client.get(f"{API}/orders/12345", headers={"X-Request-ID": "req-1"})
    access = [
        json.loads(line)
        for line, r in zip(logs.lines, logs.records, strict=True)
        if r.name == ACCESS_LOGGER
    ]
    assert [a["route"] for a in access] == ["/api/v1/auth/signup", "/api/v1/orders/{order_id}"]
    last = access[-1]
    assert last["method"] == "GET" and last["status"] == 404
    assert last["request_id"] == "req-1"
    assert last["user_id"] == client.user_id
    assert isinstance(last["duration_ms"], float)
    assert access[0]["user_id"] is None  # signup is anonymous
