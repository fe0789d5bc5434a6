"""Through the API (issue 17): the partner accepts and the nearest rider is assigned; the
kitchen marks the food ready, the rider picks it up and delivers it (collecting cash on
delivery); the customer sees the rider and the ETA at each step. Plus the partner's
console: its live orders, its menu edits and its day."""

from __future__ import annotations

import io
from typing import Any

import pytest

from services.api import cli
from services.api.container import Container
from tests.integration.support import API, DOSA, Api, ApiClient, command_container, new_key
from tests.integration.test_partner_flow import PARTNER_PASSWORD, create_partner

pytestmark = pytest.mark.every_store

RIDER_PASSWORD = "a rider's long password"
PIZZA_MARGHERITA = 21  # another restaurant's dish


def create_rider(container: Container, n: int, lat: float = 12.9767) -> None:
    out = io.StringIO()
    code = cli.main(
        [
            "create-rider",
            *("--email", f"rider{n}@example.com", "--phone", f"70000000{n:02d}"),
            *("--name", f"Rider {n}", "--city", "560001"),
            *("--lat", str(lat), "--lng", "77.5713", "--password-stdin"),
        ],
        container=command_container(container),
        stdin=io.StringIO(RIDER_PASSWORD + "\n"),
        out=out,
    )
    assert code == 0, out.getvalue()


@pytest.fixture
def kitchen(api: Api, container: Container) -> ApiClient:
    create_partner(container, "dosa.kitchen@example.com", 1, "9000000002")
    partner = api.client()
    partner.login("dosa.kitchen@example.com", PARTNER_PASSWORD)
    return partner


@pytest.fixture
def rider(api: Api, container: Container) -> ApiClient:
    create_rider(container, 1)
    client = api.client()
    client.login("rider1@example.com", RIDER_PASSWORD)
    return client


def _post(client: ApiClient, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(f"{API}{path}", json=body, headers={"Idempotency-Key": new_key()})


def _paid(client: ApiClient, payment_mode: str = "CARD") -> dict[str, Any]:
    order = client.ordered((DOSA, 2), payment_mode=payment_mode)
    if payment_mode == "COD":
        return order
    paid = client.pay(order["order_id"])
    assert paid.status_code == 200, paid.text
    return dict(paid.json()["order"])


def test_an_order_goes_from_the_kitchen_to_the_door_with_its_rider(
    client: ApiClient, kitchen: ApiClient, rider: ApiClient
) -> None:
    client.signup()
    order = _paid(client)
    order_id = order["order_id"]
    assert order["accept_by"] is not None and order["eta"] is None
    accepted = _post(kitchen, f"/partner/orders/{order_id}/accept", {"prep_minutes": 15})
    assert accepted.status_code == 200, accepted.text
    seen = client.get(f"{API}/orders/{order_id}").json()
    assert seen["accept_by"] is None and seen["eta"] is not None
    assert seen["delivery"]["delivery_status"] == "ASSIGNED"
    assert seen["delivery"]["rider"] == {
        "rider_id": rider.user_id,
        "rider_name": "Rider 1",
        "phone_masked": "70XXXXXX01",
    }
    job = rider.get(f"{API}/rider/job").json()
    assert job["order"]["order_id"] == order_id and job["order"]["cash_to_collect"] == 0
    assert job["order"]["items"] == [{"label": "Masala Dosa", "quantity": 2}]

    early = _post(rider, f"/rider/orders/{order_id}/picked-up")
    assert early.status_code == 409 and early.json()["code"] == "food_not_ready"
    assert _post(kitchen, f"/partner/orders/{order_id}/ready").json()["ready_at"] is not None
    picked = _post(rider, f"/rider/orders/{order_id}/picked-up")
    assert picked.status_code == 200, picked.text
    assert picked.json()["order"]["order_status"] == "OUT_FOR_DELIVERY"
    delivered = _post(rider, f"/rider/orders/{order_id}/delivered", {"cash_collected": False})
    assert delivered.status_code == 200, delivered.text
    assert delivered.json()["order"] is None  # free again
    final = client.get(f"{API}/orders/{order_id}").json()
    assert final["order_status"] == "DELIVERED" and final["eta"] is None


def test_a_cash_order_needs_its_cash_collected(
    client: ApiClient, kitchen: ApiClient, rider: ApiClient
) -> None:
    client.signup()
    order_id = _paid(client, "COD")["order_id"]
    _post(kitchen, f"/partner/orders/{order_id}/accept", {"prep_minutes": 10})
    _post(kitchen, f"/partner/orders/{order_id}/ready")
    job = _post(rider, f"/rider/orders/{order_id}/picked-up").json()
    assert (
        job["order"]["cash_to_collect"]
        == client.get(f"{API}/orders/{order_id}").json()["total_amount"]
    )
    refused = _post(rider, f"/rider/orders/{order_id}/delivered", {})
    assert refused.status_code == 422 and refused.json()["code"] == "cash_not_collected"
    assert refused.json()["errors"][0]["field"] == "cash_collected"
    done = _post(rider, f"/rider/orders/{order_id}/delivered", {"cash_collected": True})
    assert done.status_code == 200, done.text
    paid = client.get(f"{API}/orders/{order_id}").json()["payment"]
    assert paid["payment_status"] == "SUCCEEDED"


def test_riders_partners_and_customers_keep_to_their_own(
    api: Api, container: Container, client: ApiClient, kitchen: ApiClient, rider: ApiClient
) -> None:
    client.signup()
    create_rider(container, 2, lat=13.05)
    other = api.client()
    other.login("rider2@example.com", RIDER_PASSWORD)
    order_id = _paid(client)["order_id"]
    _post(kitchen, f"/partner/orders/{order_id}/accept", {"prep_minutes": 10})
    _post(kitchen, f"/partner/orders/{order_id}/ready")
    # The nearer rider has it; the other may not touch it.
    assert other.get(f"{API}/rider/job").json()["order"] is None
    assert _post(other, f"/rider/orders/{order_id}/picked-up").status_code == 404
    assert client.get(f"{API}/rider/job").status_code == 403
    assert kitchen.get(f"{API}/rider/job").status_code == 403
    assert rider.get(f"{API}/partner/orders").status_code == 403


def test_the_partner_edits_its_menu_and_sees_its_day(client: ApiClient, kitchen: ApiClient) -> None:
    menu = kitchen.get(f"{API}/partner/menu").json()["items"]
    assert {item["food_id"] for item in menu} >= {DOSA, 14}  # the unavailable one too
    edited = kitchen.patch(
        f"{API}/partner/menu/{DOSA}", json={"price": 13_500, "availability": False}
    )
    assert edited.status_code == 200, edited.text
    assert (edited.json()["price"], edited.json()["availability"]) == (13_500, False)
    assert (
        kitchen.patch(f"{API}/partner/menu/{PIZZA_MARGHERITA}", json={"price": 1}).status_code
        == 404
    )
    bad = kitchen.patch(f"{API}/partner/menu/{DOSA}", json={"price": 0})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "price"
    extra = kitchen.patch(f"{API}/partner/menu/{DOSA}", json={"colour": "red"})
    assert extra.status_code == 422
    kitchen.patch(f"{API}/partner/menu/{DOSA}", json={"availability": True})

    client.signup()
    order = _paid(client)
    day = kitchen.get(f"{API}/partner/today").json()
    assert (day["orders"], day["delivered"], day["cancelled"]) == (1, 0, 0)
    assert day["takings"] == order["total_amount"]


def test_the_partner_watches_its_orders_arrive(client: ApiClient, kitchen: ApiClient) -> None:
    client.signup()
    order_id = _paid(client)["order_id"]
    with kitchen.stream("GET", f"{API}/partner/events") as events:
        assert events.status_code == 200
        lines = events.iter_lines()
        data = next(line for line in lines if line.startswith("data: "))
    assert str(order_id) in data
