"""Properties of every bill: its lines sum to its total, only the discount is negative,
the total is never below zero, and a coupon never takes off more than its cap or the
items."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from food_core.model import (
    BillCode,
    Coupon,
    CouponKind,
    FoodItem,
    PricedLine,
    Restaurant,
    Tariff,
    quote,
)
from tests.builders import BENGALURU

items = st.builds(
    FoodItem,
    food_id=st.integers(1, 10**6),
    restaurant_id=st.just(1),
    food_name=st.just("Dish"),
    food_category=st.just("Mains"),
    price=st.integers(1, 100_000),
    availability=st.just(True),
    is_veg=st.booleans(),
    packaging=st.integers(0, 5_000),
)
lines = st.lists(st.builds(PricedLine, items, st.integers(1, 20)), min_size=1, max_size=8)
restaurants = st.builds(
    Restaurant,
    restaurant_id=st.just(1),
    restaurant_name=st.just("R"),
    restaurant_description=st.just("d"),
    restaurant_rating=st.just(4.0),
    city=st.just(BENGALURU),
    cuisines=st.just(("Pizza",)),
    is_veg_only=st.just(False),
    delivery_time_minutes=st.just(30),
    cost_for_two=st.just(50_000),
    delivery_fee=st.integers(0, 10_000),
    free_delivery_above=st.none() | st.integers(0, 500_000),
)
coupons = (
    st.none()
    | st.builds(
        Coupon,
        code=st.just("TEST10"),
        description=st.just("test"),
        kind=st.just(CouponKind.PERCENT),
        value=st.integers(1, 100),
        max_discount=st.none() | st.integers(1, 50_000),
    )
    | st.builds(
        Coupon,
        code=st.just("FLAT10"),
        description=st.just("test"),
        kind=st.just(CouponKind.FLAT),
        value=st.integers(1, 200_000),
        max_discount=st.none() | st.integers(1, 50_000),
    )
)


@given(lines, restaurants, st.integers(0, 10_000), coupons, st.integers(0, 50_000))
def test_every_bill_adds_up_and_stays_within_its_rules(
    priced: list[PricedLine],
    restaurant: Restaurant,
    platform_fee: int,
    coupon: Coupon | None,
    tip: int,
) -> None:
    item_total = sum(line.item.price * line.quantity for line in priced)
    discount = 0 if coupon is None else coupon.discount_on(item_total)
    bill = quote(priced, restaurant, Tariff(platform_fee), discount=discount, tip=tip)
    assert bill.total_amount == sum(line.amount for line in bill.lines)
    assert all(line.amount >= 0 for line in bill.lines if line.code is not BillCode.DISCOUNT)
    assert bill.total_amount >= 0
    assert bill.amount_of(BillCode.ITEM_TOTAL) == item_total
    assert -bill.amount_of(BillCode.DISCOUNT) <= item_total
    if coupon is not None and coupon.max_discount is not None:
        assert -bill.amount_of(BillCode.DISCOUNT) <= coupon.max_discount
    gst = next(line for line in bill.lines if line.code is BillCode.GST)
    cgst, sgst = gst.parts
    assert cgst.amount == sgst.amount and cgst.amount + sgst.amount == gst.amount
