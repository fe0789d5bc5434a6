"""Coupons, tips and bills on every store: a coupon's use is held by the order that used
it — claimed in the insert that places it, given back when it is cancelled — so a use is
counted once even when two orders of one customer take it at the same moment."""

from __future__ import annotations

from datetime import datetime

import pytest
from attrs import evolve

from adapters.stores import Store
from food_core.errors import CouponUseTaken
from food_core.model import (
    IST,
    Coupon,
    CouponKind,
    CouponUse,
    PricedLine,
    Tariff,
    quote,
)
from tests.contract.backends import Backend
from tests.contract.builders import Maker
from tests.contract.racing import ROUNDS, RacePool, use_same_coupon

WELCOME = Coupon(
    code="WELCOME50",
    description="50% off up to ₹100 on a first order",
    kind=CouponKind.PERCENT,
    value=50,
    min_item_total=14_900,
    max_discount=10_000,
    first_order_only=True,
    valid_from=datetime(2026, 1, 1, tzinfo=IST),
    valid_until=datetime(2027, 1, 1, tzinfo=IST),
)


def test_coupons_are_stored_by_code_and_replaced_whole(store: Store) -> None:
    flat = Coupon("FLAT75", "₹75 off", CouponKind.FLAT, 7_500, restaurant_id=7, uses_per_customer=3)
    store.catalog.add_coupons([WELCOME, flat])
    assert store.catalog.get_coupon("WELCOME50") == WELCOME
    assert store.catalog.get_coupon("FLAT75") == flat
    assert store.catalog.get_coupon("NOSUCH") is None
    cheaper = Coupon("FLAT75", "₹50 off", CouponKind.FLAT, 5_000, city_pincode="560001")
    store.catalog.add_coupons([cheaper])
    assert store.catalog.get_coupon("FLAT75") == cheaper


def test_restaurant_fees_and_packaging_are_kept(store: Store, make: Maker) -> None:
    restaurant = make.restaurant(delivery_fee=3_500, free_delivery_above=59_900)
    store.catalog.add_restaurant(restaurant)
    item = make.food_item(restaurant.restaurant_id, packaging=1_500)
    store.catalog.add_food_items([item])
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == restaurant
    assert store.catalog.get_food_items([item.food_id]) == {item.food_id: item}


def test_a_cart_keeps_its_coupon_and_tip(store: Store, make: Maker) -> None:
    user = make.user()
    restaurant = make.restaurant()
    item = make.food_item(restaurant.restaurant_id)
    cart = make.cart(user.user_id, item).with_coupon("WELCOME50").with_tip(3_000)
    assert store.carts.save(cart, None)
    assert store.carts.get(user.user_id) == cart


def test_an_order_keeps_the_bill_it_was_placed_with(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "hash")
    restaurant = make.restaurant(delivery_fee=3_000)
    plain = make.order(user.user_id, coupon=CouponUse("WELCOME50", 1))
    lines = [PricedLine(make.food_item(1, price=i.price, packaging=500), i.quantity)
             for i in plain.items]  # fmt: skip
    bill = quote(lines, restaurant, Tariff(platform_fee=1_000), discount=10_000, tip=2_000)
    order = evolve(plain, bill=bill)
    store.orders.add(order)
    stored = store.orders.get(order.order_id)
    assert stored == order and stored.total_amount == bill.total_amount


def test_a_coupon_use_is_held_by_one_order_at_a_time(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "hash")
    assert store.orders.coupon_uses_held(user.user_id, "FEAST100", 3) == set()
    first = make.order(user.user_id, coupon=CouponUse("FEAST100", 1))
    store.orders.add(first)
    same_use = make.order(user.user_id, coupon=CouponUse("FEAST100", 1))
    with pytest.raises(CouponUseTaken):
        store.orders.add(same_use)
    assert store.orders.get(same_use.order_id) is None
    second = make.order(user.user_id, coupon=CouponUse("FEAST100", 2))
    store.orders.add(second)
    assert store.orders.coupon_uses_held(user.user_id, "FEAST100", 3) == {1, 2}
    # Another customer, or another coupon, holds uses of its own.
    other = make.user()
    store.users.add(other, "hash")
    store.orders.add(make.order(other.user_id, coupon=CouponUse("FEAST100", 1)))
    store.orders.add(make.order(user.user_id, coupon=CouponUse("WELCOME50", 1)))
    assert store.orders.coupon_uses_held(user.user_id, "FEAST100", 3) == {1, 2}
    assert store.orders.coupon_uses_held(user.user_id, "FEAST100", 1) == {1}


def test_a_cancelled_order_gives_its_coupon_use_back(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "hash")
    order = make.order(user.user_id, coupon=CouponUse("WELCOME50", 1))
    store.orders.add(order)
    cancelled = make.cancelled(order)
    assert cancelled.coupon is not None and cancelled.coupon.released
    assert store.orders.save(cancelled, order.version)
    assert store.orders.coupon_uses_held(user.user_id, "WELCOME50", 1) == set()
    again = make.order(user.user_id, coupon=CouponUse("WELCOME50", 1))
    assert store.orders.add(again) == again
    assert store.orders.coupon_uses_held(user.user_id, "WELCOME50", 1) == {1}


def test_orders_without_a_coupon_never_collide_on_it(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "hash")
    orders = [make.order(user.user_id) for _ in range(3)]
    assert [store.orders.add(o).order_id for o in orders] == [o.order_id for o in orders]


def test_four_carts_taking_the_last_use_of_a_coupon_at_once_use_it_once(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    codes = [f"LAST{n}" for n in range(ROUNDS)]
    outcomes = racers.race(backend, use_same_coupon, [(user.user_id, codes)] * 4)
    for round_, code in enumerate(codes):
        assert [racer[round_] for racer in outcomes].count(True) == 1, code
        assert store.orders.coupon_uses_held(user.user_id, code, 1) == {1}
    assert len(store.orders.list_for_user(user.user_id, 50)) == ROUNDS


def test_an_order_is_found_by_the_cart_version_it_was_placed_from(
    store: Store, make: Maker
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    order = make.order(user.user_id, cart_version=7)
    store.orders.add(order)
    assert store.orders.get_by_cart(user.user_id, 7) == order
    assert store.orders.get_by_cart(user.user_id, 8) is None
    assert store.orders.get_by_cart(user.user_id + 1, 7) is None
