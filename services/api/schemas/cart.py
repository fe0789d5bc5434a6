"""The cart as the API shows it, and setting a line's quantity."""

from __future__ import annotations

from attrs import frozen

from food_core.model import MAX_LINE_QUANTITY
from food_core.usecases import DeliveryCheck, PricedCart
from services.api.schemas import fields as f
from services.api.schemas.bill import BillOut, CouponOut, bill_out, coupon_out
from services.api.schemas.common import INR, Currency, RestaurantRefOut, restaurant_ref_out


@frozen(kw_only=True)
class CartLineOut:
    """A line at the catalog's current price (paise); ``availability`` false means it must
    be removed before ordering."""

    food_id: int
    food_name: str
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


@frozen(kw_only=True)
class SetQuantityIn:
    # Range documented here, checked by the core so the answer says quantity_out_of_range.
    quantity: int = f.integer(
        0,
        MAX_LINE_QUANTITY,
        core_checked=True,
        description="The line's new quantity; 0 removes the line",
    )
    replace_cart: bool = f.described(
        "Empty a cart holding another restaurant's items first, instead of a 409",
        default=False,
    )


def cart_out(priced: PricedCart) -> CartOut:
    cart = priced.cart
    return CartOut(
        cart_id=cart.cart_id,
        restaurant=restaurant_ref_out(cart.restaurant) if cart.restaurant else None,
        food_items=[
            CartLineOut(
                food_id=line.food_item.food_id,
                food_name=line.food_item.food_name,
                price=line.food_item.price,
                quantity=line.quantity,
                line_total=line.line_total,
                is_veg=line.food_item.is_veg,
                availability=line.food_item.availability,
            )
            for line in cart.food_items
        ],
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
