"""Through the API: the cart's bill, a coupon and a tip, their 422s, and the bill the
order keeps (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.stores import Store
from food_core.model import Coupon, CouponKind
from tests.integration.support import API, DOSA, ApiClient

pytestmark = pytest.mark.every_store

WELCOME = Coupon(
    "WELCOME50", "50% off up to ₹100 on your first order", CouponKind.PERCENT, 50,
    min_item_total=14_900, max_discount=10_000, first_order_only=True,
)  # fmt: skip


@pytest.fixture(autouse=True)
def _coupons(store: Store) -> None:
    store.catalog.add_coupons([WELCOME])


def _lines(cart: dict[str, Any]) -> dict[str, int]:
    return {line["code"]: line["amount"] for line in cart["bill"]["lines"]}


def test_the_cart_shows_every_line_of_its_bill(client: ApiClient) -> None:
    client.signup()
    assert client.get(f"{API}/cart").json()["bill"] is None  # nothing to bill yet
    cart = client.set_item(DOSA, 2)
    lines = _lines(cart)
    assert lines["item_total"] == 24_000
    assert {"delivery_fee", "platform_fee", "gst"} <= set(lines)
    assert cart["total_amount"] == cart["bill"]["total_amount"] == sum(lines.values())
    gst = next(line for line in cart["bill"]["lines"] if line["code"] == "gst")
    assert [p["code"] for p in gst["parts"]] == ["cgst", "sgst"]


def test_a_coupon_applies_and_comes_off(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 2)
    applied = client.put(f"{API}/cart/coupon", json={"code": "welcome50"})
    assert applied.status_code == 200, applied.text
    body = applied.json()
    assert body["coupon"]["code"] == "WELCOME50" and body["coupon"]["applied"]
    assert _lines(body)["discount"] == -10_000
    removed = client.delete(f"{API}/cart/coupon")
    assert removed.status_code == 200 and removed.json()["coupon"] is None
    assert "discount" not in _lines(removed.json())


@pytest.mark.parametrize(
    ("code", "status", "problem", "reason"),
    [
        ("NOSUCH", 422, "coupon_invalid", "unknown"),
        ("x!", 422, "validation_failed", None),
    ],
)
def test_a_coupon_that_cannot_apply_is_a_422_naming_the_field(
    client: ApiClient, code: str, status: int, problem: str, reason: str | None
) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    refused = client.put(f"{API}/cart/coupon", json={"code": code})
    assert refused.status_code == status
    body = refused.json()
    assert body["code"] == problem and body["errors"][0]["field"] == "code"
    if reason is not None:
        assert body["reason"] == reason and code in body["detail"]


def test_a_coupon_below_its_minimum_says_so(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 1)  # ₹120 < ₹149
    refused = client.put(f"{API}/cart/coupon", json={"code": "WELCOME50"})
    assert refused.status_code == 422 and refused.json()["reason"] == "below_minimum"


def test_a_tip_is_billed_without_gst_and_kept_in_range(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 1)
    before = client.get(f"{API}/cart").json()
    tipped = client.put(f"{API}/cart/tip", json={"amount": 3_000})
    assert tipped.status_code == 200
    body = tipped.json()
    assert body["tip"] == 3_000 and _lines(body)["tip"] == 3_000
    assert body["total_amount"] == before["total_amount"] + 3_000  # no GST on a tip
    too_much = client.put(f"{API}/cart/tip", json={"amount": 50_001})
    assert too_much.status_code == 422
    assert too_much.json()["errors"][0]["field"] == "amount"


def test_a_tip_on_an_empty_cart_is_a_409(client: ApiClient) -> None:
    client.signup()
    refused = client.put(f"{API}/cart/tip", json={"amount": 2_000})
    assert refused.status_code == 409 and refused.json()["code"] == "cart_empty"


def test_the_order_keeps_the_bill_with_its_coupon(client: ApiClient) -> None:
    client.signup()
    client.set_item(DOSA, 2)
    cart = client.put(f"{API}/cart/coupon", json={"code": "WELCOME50"}).json()
    address = client.add_address()["address_id"]
    order = client.place_order(address, "CARD")
    assert order["bill"] == cart["bill"] and order["coupon_code"] == "WELCOME50"
    assert order["total_amount"] == cart["total_amount"]
    fetched = client.get(f"{API}/orders/{order['order_id']}").json()
    assert fetched["bill"] == cart["bill"]  # the receipt is the bill paid
