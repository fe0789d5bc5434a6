"""Coupons and tips on the cart, and the bill an order keeps: checked when applied, again
whenever the cart changes and at placement; a coupon's use is held by the order that used
it and given back when that order is cancelled; the tip is refunded with the order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from food_core.errors import CartEmpty, CouponInvalid, TipOutOfRange, ValidationFailed
from food_core.model import BillCode, Coupon, CouponKind, PaymentMode, PaymentStatus
from food_core.usecases import (
    Placement,
    apply_coupon,
    cancel_order,
    pay_order,
    place_order,
    price_cart,
    remove_cart_item,
    remove_coupon,
    set_cart_quantity,
    set_tip,
)
from tests.builders import GOOD_CARD, World, make_world

DOSA, IDLI, COFFEE = 11, 12, 13
WELCOME = Coupon(
    "WELCOME50", "50% off up to ₹100 on a first order", CouponKind.PERCENT, 50,
    min_item_total=14_900, max_discount=10_000, first_order_only=True,
)  # fmt: skip
FEAST = Coupon("FEAST100", "₹100 off above ₹200", CouponKind.FLAT, 10_000,
               min_item_total=20_000, uses_per_customer=2)  # fmt: skip


@pytest.fixture
def world() -> World:
    world = make_world()
    world.ports.catalog.add_coupons([WELCOME, FEAST])
    return world


def _place(world: World, user_id: int, key: str = "place-0001") -> Placement:
    address = world.address(world.ports.users.get(user_id))  # type: ignore[arg-type]
    return place_order(
        world.ports,
        user_id,
        idempotency_key=key,
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
        expected_total=price_cart(world.ports, user_id).total_amount,
    )


def _refusal(error: pytest.ExceptionInfo[CouponInvalid]) -> str:
    return error.value.reason


def test_a_coupon_that_applies_takes_its_discount_off_the_bill(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)  # ₹240
    priced = apply_coupon(world.ports, user.user_id, " welcome50 ")
    assert priced.coupon is not None and priced.coupon.applied
    assert priced.bill is not None and priced.bill.amount_of(BillCode.DISCOUNT) == -10_000  # capped
    assert priced.cart.coupon == "WELCOME50"


@pytest.mark.parametrize(
    ("code", "reason"),
    [("NOSUCH", "unknown"), ("FEAST100", "below_minimum")],
)
def test_a_coupon_that_does_not_apply_is_refused_with_its_reason(
    world: World, code: str, reason: str
) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, COFFEE, 1)
    with pytest.raises(CouponInvalid) as refused:
        apply_coupon(world.ports, user.user_id, code)
    assert _refusal(refused) == reason and code in refused.value.message
    assert price_cart(world.ports, user.user_id).cart.coupon is None


def test_a_malformed_code_and_an_empty_cart_are_refused(world: World) -> None:
    user = world.customer()
    with pytest.raises(ValidationFailed):
        apply_coupon(world.ports, user.user_id, "no!")
    with pytest.raises(CartEmpty):
        apply_coupon(world.ports, user.user_id, "WELCOME50")


def test_a_coupon_outside_its_window_restaurant_or_city_is_refused(world: World) -> None:
    now = world.clock.now()
    world.ports.catalog.add_coupons([
        evolve(FEAST, code="LATER", min_item_total=0, valid_from=now + timedelta(days=1)),
        evolve(FEAST, code="GONE", min_item_total=0, valid_until=now),
        evolve(FEAST, code="PIZZAONLY", min_item_total=0, restaurant_id=world.pizza.restaurant_id),
        evolve(FEAST, code="MUMBAI", min_item_total=0, city_pincode="400001"),
    ])  # fmt: skip
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    for code, reason in (
        ("LATER", "not_started"), ("GONE", "expired"),
        ("PIZZAONLY", "other_restaurant"), ("MUMBAI", "other_city"),
    ):  # fmt: skip
        with pytest.raises(CouponInvalid) as refused:
            apply_coupon(world.ports, user.user_id, code)
        assert _refusal(refused) == reason


def test_the_coupon_is_checked_again_when_the_cart_changes(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    set_cart_quantity(world.ports, user.user_id, IDLI, 1)  # ₹200
    apply_coupon(world.ports, user.user_id, "WELCOME50")
    remove_cart_item(world.ports, user.user_id, IDLI)  # ₹120: below the minimum
    priced = price_cart(world.ports, user.user_id)
    assert priced.coupon is not None and priced.coupon.refusal is not None
    assert priced.coupon.refusal.value == "below_minimum" and priced.coupon.message
    assert priced.bill is not None and priced.bill.amount_of(BillCode.DISCOUNT) == 0
    # Placing with it still on is refused with the reason, and orders nothing.
    with pytest.raises(CouponInvalid) as refused:
        _place(world, user.user_id)
    assert _refusal(refused) == "below_minimum"
    assert world.ports.orders.list_for_user(user.user_id, 10) == []
    remove_coupon(world.ports, user.user_id)
    assert _place(world, user.user_id).order.coupon is None


def test_the_order_keeps_the_bill_shown_and_a_replay_returns_it_unchanged(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    apply_coupon(world.ports, user.user_id, "WELCOME50")
    set_tip(world.ports, user.user_id, 3_000)
    shown = price_cart(world.ports, user.user_id)
    placed = _place(world, user.user_id)
    assert placed.order.bill == shown.bill and placed.order.total_amount == shown.total_amount
    assert placed.order.coupon is not None and placed.order.coupon.code == "WELCOME50"
    again = place_order(
        world.ports, user.user_id, idempotency_key="place-0001",
        address_id=placed.order.delivery_address.address_id, payment_mode=PaymentMode.CARD,
    )  # fmt: skip
    assert again.replayed and again.order.bill == placed.order.bill
    paid = pay_order(
        world.ports, user.user_id, placed.order.order_id, idempotency_key="pay-00000001",
        payment_mode=PaymentMode.CARD, card=GOOD_CARD,
    )  # fmt: skip
    assert paid.order.payment is not None and paid.order.payment.amount == shown.total_amount


def test_a_first_order_coupon_is_used_once_and_given_back_by_a_cancel(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    apply_coupon(world.ports, user.user_id, "WELCOME50")
    first = _place(world, user.user_id).order
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    with pytest.raises(CouponInvalid) as refused:  # the unpaid first order holds it
        apply_coupon(world.ports, user.user_id, "WELCOME50")
    assert _refusal(refused) == "used_up"
    cancel_order(world.ports, user.user_id, first.order_id)
    assert apply_coupon(world.ports, user.user_id, "WELCOME50").coupon is not None
    second = _place(world, user.user_id, key="place-0002").order
    pay_order(
        world.ports, user.user_id, second.order_id, idempotency_key="pay-00000002",
        payment_mode=PaymentMode.CARD, card=GOOD_CARD,
    )  # fmt: skip
    # Paid and confirmed, it is no longer the customer's first order.
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    with pytest.raises(CouponInvalid) as again:
        apply_coupon(world.ports, user.user_id, "WELCOME50")
    assert _refusal(again) == "first_order_only"


def test_a_coupon_with_two_uses_is_held_by_two_orders(world: World) -> None:
    user = world.customer()
    for n in (1, 2):
        set_cart_quantity(world.ports, user.user_id, DOSA, 2)
        apply_coupon(world.ports, user.user_id, "FEAST100")
        order = _place(world, user.user_id, key=f"place-000{n}").order
        assert order.coupon is not None and order.coupon.slot == n
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    with pytest.raises(CouponInvalid) as refused:
        apply_coupon(world.ports, user.user_id, "FEAST100")
    assert _refusal(refused) == "used_up"


def test_a_cancelled_paid_order_refunds_its_whole_bill_tip_included(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    set_tip(world.ports, user.user_id, 5_000)
    order = _place(world, user.user_id).order
    assert order.bill.amount_of(BillCode.TIP) == 5_000
    pay_order(
        world.ports, user.user_id, order.order_id, idempotency_key="pay-00000001",
        payment_mode=PaymentMode.CARD, card=GOOD_CARD,
    )  # fmt: skip
    cancelled = cancel_order(world.ports, user.user_id, order.order_id)
    payment = cancelled.payment
    assert payment is not None and payment.payment_status is PaymentStatus.REFUNDED
    assert payment.amount == order.total_amount  # never more than was paid
    [charge] = world.gateway.payments_for_order(order.order_id)
    assert charge.payment_status is PaymentStatus.REFUNDED
    assert charge.amount == order.total_amount


def test_a_tip_is_kept_within_its_range_and_goes_with_an_emptied_cart(world: World) -> None:
    user = world.customer()
    with pytest.raises(CartEmpty):
        set_tip(world.ports, user.user_id, 2_000)
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    with pytest.raises(TipOutOfRange):
        set_tip(world.ports, user.user_id, 50_001)
    priced = set_tip(world.ports, user.user_id, 2_000)
    assert priced.bill is not None and priced.bill.amount_of(BillCode.TIP) == 2_000
    remove_cart_item(world.ports, user.user_id, DOSA)
    emptied = price_cart(world.ports, user.user_id)
    assert emptied.cart.tip == 0 and emptied.bill is None and emptied.total_amount == 0


def test_a_coupon_window_is_read_in_the_injected_clock(world: World) -> None:
    start = world.clock.now() + timedelta(hours=1)
    world.ports.catalog.add_coupons([
        evolve(FEAST, code="HAPPYHOUR", min_item_total=0, valid_from=start,
               valid_until=start + timedelta(hours=1)),
    ])  # fmt: skip
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    world.clock.advance(timedelta(hours=1, minutes=30))
    assert apply_coupon(world.ports, user.user_id, "HAPPYHOUR").coupon is not None
    world.clock.advance(timedelta(hours=1))
    assert price_cart(world.ports, user.user_id).coupon.refusal.value == "expired"  # type: ignore[union-attr]


@pytest.mark.parametrize("key", ["place-0001", "place-0002"], ids=["same-key", "other-tab"])
def test_a_second_click_beside_an_order_holding_the_coupon_gets_that_order(
    world: World, key: str
) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    apply_coupon(world.ports, user.user_id, "WELCOME50")
    before = world.store.carts[user.user_id]
    first = _place(world, user.user_id).order
    # The second click read the cart before the first emptied it (the follow-up).
    world.store.carts[user.user_id] = before
    again = place_order(
        world.ports, user.user_id, idempotency_key=key,
        address_id=first.delivery_address.address_id, payment_mode=PaymentMode.CARD,
    )  # fmt: skip
    assert again.replayed and again.order.order_id == first.order_id


def test_a_coupon_used_up_meanwhile_is_refused_at_placement(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    apply_coupon(world.ports, user.user_id, "WELCOME50")
    _place(world, user.user_id)
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    world.store.carts[user.user_id] = evolve(
        world.store.carts[user.user_id], coupon="WELCOME50"
    )  # applied in another tab before the first order took the use
    with pytest.raises(CouponInvalid) as refused:
        _place(world, user.user_id, key="place-0002")
    assert _refusal(refused) == "used_up"
    assert len(world.ports.orders.list_for_user(user.user_id, 10)) == 1
