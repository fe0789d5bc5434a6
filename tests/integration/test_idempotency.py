"""Idempotency-Key: replays, mismatches, requests in progress (docs/design.md §5)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from adapters.memory.requests import MemoryRequestLog
from services.api.container import Container
from services.api.idempotency import LEASE
from tests.integration.support import API, DOSA, GOOD_CARD, PASSWORD, Api, ApiClient, new_key

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores


def _order(client: ApiClient, key: str, address_id: int, mode: str = "CARD") -> httpx.Response:
    return client.post(
        f"{API}/orders",
        json={"address_id": address_id, "payment_mode": mode},
        headers={"Idempotency-Key": key},
    )


def test_same_key_and_body_replays_the_same_order(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    address_id = client.add_address()["address_id"]
    key = new_key()
    first = _order(client, key, address_id)
    second = _order(client, key, address_id)
    assert first.status_code == second.status_code == 201
    assert "Idempotent-Replayed" not in first.headers
    assert second.headers["Idempotent-Replayed"] == "true"
    assert first.json()["order_id"] == second.json()["order_id"]
    assert len(client.get(f"{API}/orders").json()["orders"]) == 1


def test_same_key_with_another_body_is_422(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    address_id = client.add_address()["address_id"]
    key = new_key()
    assert _order(client, key, address_id).status_code == 201
    reused = _order(client, key, address_id, "COD")
    assert reused.status_code == 422
    assert reused.json()["code"] == "idempotency_key_reused"


def test_order_and_payment_need_a_key(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    missing = client.post(f"{API}/orders", json={"address_id": 1, "payment_mode": "COD"})
    assert missing.status_code == 400
    assert missing.json()["code"] == "idempotency_key_missing"
    assert missing.json()["errors"] == [{"field": "Idempotency-Key", "message": "is required"}]
    unpaid = client.post(
        f"{API}/orders/{order['order_id']}/payment",
        json={"payment_mode": "CARD", "card": GOOD_CARD},
    )
    assert unpaid.status_code == 400
    malformed = client.pay(order["order_id"], key="short")
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["field"] == "Idempotency-Key"


def test_payment_replay_charges_once(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    key = new_key()
    first = client.pay(order["order_id"], key=key)
    second = client.pay(order["order_id"], key=key)
    assert first.status_code == second.status_code == 200
    assert second.headers["Idempotent-Replayed"] == "true"
    assert first.json()["payment"]["payment_id"] == second.json()["payment"]["payment_id"]
    other_card = client.pay(order["order_id"], {**GOOD_CARD, "exp_year": 2032}, key=key)
    assert other_card.status_code == 422
    assert other_card.json()["code"] == "idempotency_key_reused"


def test_optional_key_replays_an_address(client: ApiClient) -> None:
    client.signup()
    key = new_key()
    body = {"label": "Home", "line1": "1 Residency Road", "city_name": "Bengaluru"}
    body["pincode"] = "560001"
    first = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
    second = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert first.json() == second.json()
    assert len(client.get(f"{API}/addresses").json()["addresses"]) == 1
    changed = client.post(
        f"{API}/addresses", json={**body, "label": "Work"}, headers={"Idempotency-Key": key}
    )
    assert changed.status_code == 422
    assert changed.json()["code"] == "idempotency_key_reused"
    # Another path with the same key is another request, too.
    assert (
        client.post(f"{API}/orders/1/cancel", headers={"Idempotency-Key": key}).json()["code"]
        == "idempotency_key_reused"
    )


def test_keys_are_per_caller(client: ApiClient, api: Api) -> None:
    client.signup(1)
    other = api.client()
    other.signup(2)
    key = new_key()
    body = {"label": "Home", "line1": "1 Residency Road", "city_name": "Bengaluru"}
    body["pincode"] = "560001"
    mine = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
    theirs = other.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
    assert "Idempotent-Replayed" not in theirs.headers
    assert mine.json()["address_id"] != theirs.json()["address_id"]


def test_a_replayed_signup_still_starts_a_session(api: Api) -> None:
    client = api.client()
    body = {
        "user_name": "Asha",
        "email": "asha@example.com",
        "phone": "9876543210",
        "password": PASSWORD,
        "bearer": True,
    }
    key = new_key()
    first = client.post(f"{API}/auth/signup", json=body, headers={"Idempotency-Key": key})
    second = client.post(f"{API}/auth/signup", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json()["user"] == first.json()["user"]
    me = client.get(f"{API}/me", headers={"Authorization": f"Bearer {second.json()['token']}"})
    assert me.json()["user_id"] == first.json()["user"]["user_id"]
    # Without the key the duplicate is what it is: the email is taken.
    assert client.post(f"{API}/auth/signup", json=body).json()["code"] == "email_taken"


class HeldRequestLog(MemoryRequestLog):
    """Holds back completions while ``held``: the first request looks still in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.held = False

    def complete(self, scope: str, key: str, status: int, body: str) -> None:
        if not self.held:
            super().complete(scope, key, status, body)


def test_the_same_request_while_the_first_runs_is_409(
    container: Container, app: Starlette, clock: ManualClock
) -> None:
    log = HeldRequestLog()
    container.request_log.override(providers.Object(log))
    with Api(app) as api:
        client = api.client()
        client.signup()
        key = new_key()
        body = {"label": "Home", "line1": "1 Residency Road", "city_name": "Bengaluru"}
        body["pincode"] = "560001"
        log.held = True
        first = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
        assert first.status_code == 201
        in_progress = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
        assert in_progress.status_code == 409
        assert in_progress.json()["code"] == "request_in_progress"
        other = client.post(
            f"{API}/addresses", json={**body, "label": "Work"}, headers={"Idempotency-Key": key}
        )
        assert other.json()["code"] == "idempotency_key_reused"
        # Once the lease has run out (the replica died), a retry takes the key over.
        log.held = False
        clock.advance(LEASE + timedelta(seconds=1))
        retried = client.post(f"{API}/addresses", json=body, headers={"Idempotency-Key": key})
        assert retried.status_code == 201
        assert "Idempotent-Replayed" not in retried.headers
