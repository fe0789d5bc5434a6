"""The cart as the API shows it, and setting a line's quantity."""

from __future__ import annotations

import attrs
from attrs import frozen

from food_core.model import MAX_LINE_QUANTITY, CartLine
from food_core.model.options import MAX_GROUP_OPTIONS
from food_core.usecases import DeliveryCheck, PricedCart
from services.api.schemas import fields as f
from services.api.schemas.bill import BillOut, CouponOut, bill_out, coupon_out
from services.api.schemas.common import (
    INR,
    ChosenOptionOut,
    Currency,
    RestaurantRefOut,
    restaurant_ref_out,
)

MAX_CHOSEN_OPTIONS = 4 * MAX_GROUP_OPTIONS


@frozen(kw_only=True)
class CartLineOut:
    """A line — a dish with its chosen options — at the catalog's current prices (paise):
    ``price`` is the unit price, options included. ``availability`` false means it must
    be removed before ordering (the dish, or one of its options, is unavailable)."""

    line_id: str
    food_id: int
    food_name: str
    options: list[ChosenOptionOut]
    price: int
    quantity: int
    line_total: int
    is_veg: bool
    availability: bool


@frozen(kw_only=True)
class CartOut:
    """One restaurant's items; ``cart_id`` is 0 before the first item is added.
    ``bill`` (null for an empty cart) is what placing the order now would charge, and
    ``total_amount`` its total: send it as ``expected_total`` when placing."""

    cart_id: int
    restaurant: RestaurantRefOut | None
    food_items: list[CartLineOut]
    bill: BillOut | None
    coupon: CouponOut | None
    tip: int
    total_amount: int
    currency: Currency


@frozen(kw_only=True)
class DeliveryCheckOut:
    """Would the cart's restaurant deliver to this address? ``detail`` says why not."""

    address_id: int
    serviceable: bool
    detail: str | None


def _replace_cart() -> bool:
    return f.described(  # type: ignore[no-any-return]
        "Empty a cart holding another restaurant's items first, instead of a 409",
        default=False,
    )


@frozen(kw_only=True)
class LineQuantityIn:
    # Range documented here, checked by the core so the answer says quantity_out_of_range.
    quantity: int = f.integer(
        0,
        MAX_LINE_QUANTITY,
        core_checked=True,
        description="The line's new quantity; 0 removes the line",
    )


@frozen(kw_only=True)
class SetQuantityIn(LineQuantityIn):
    replace_cart: bool = _replace_cart()


@frozen(kw_only=True)
class AddLineIn:
    food_id: int = f.identifier("The dish")
    option_ids: list[int] = f.identifiers(  # noqa: RUF009 (an attrs field specifier)
        MAX_CHOSEN_OPTIONS,
        "The options chosen, from the dish's option groups (any order)",
        default=attrs.Factory(list),
    )
    quantity: int = f.integer(
        1, MAX_LINE_QUANTITY, core_checked=True, description="How many to add", default=1
    )
    replace_cart: bool = _replace_cart()


def cart_line_out(line: CartLine) -> CartLineOut:
    return CartLineOut(
        line_id=line.line_id,
        food_id=line.food_item.food_id,
        food_name=line.food_item.food_name,
        options=[
            ChosenOptionOut(
                option_id=o.option_id, option_name=o.option_name, price_delta=o.price_delta
            )
            for o in line.options
        ],
        price=line.unit_price,
        quantity=line.quantity,
        line_total=line.line_total,
        is_veg=line.food_item.is_veg,
        availability=line.food_item.orderable_with(line.option_ids),
    )


def cart_out(priced: PricedCart) -> CartOut:
    cart = priced.cart
    return CartOut(
        cart_id=cart.cart_id,
        restaurant=restaurant_ref_out(cart.restaurant) if cart.restaurant else None,
        food_items=[cart_line_out(line) for line in cart.food_items],
        bill=None if priced.bill is None else bill_out(priced.bill),
        coupon=None if priced.coupon is None else coupon_out(priced.coupon),
        tip=cart.tip,
        total_amount=priced.total_amount,
        currency=INR,
    )


def delivery_check_out(check: DeliveryCheck) -> DeliveryCheckOut:
    return DeliveryCheckOut(
        address_id=check.address_id, serviceable=check.serviceable, detail=check.detail
    )
