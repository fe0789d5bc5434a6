"""The cart's bill, its coupon and its tip (docs/design.md §3, "The bill").

``price_cart`` is the one place a cart is priced: the cart view and placing an order both
call it, so the bill the customer is shown is the bill the order stores, the amount the
payment takes and the amount a refund gives back.
"""

from __future__ import annotations

from attrs import frozen

from food_core.errors import CartEmpty, CouponInvalid, NotFound, OptionsInvalid
from food_core.model import (
    Bill,
    BillCode,
    Cart,
    Coupon,
    CouponRefusal,
    FoodItem,
    PricedLine,
    Restaurant,
    normalize_coupon_code,
    quote,
)
from food_core.model.coupons import coupon_invalid, explain
from food_core.usecases.carts import edit_cart, view_cart
from food_core.usecases.context import Ports


@frozen
class CouponStatus:
    """The cart's coupon as the customer is told: applied, or why not (checked again on
    every quote, so a cart that fell below the minimum says so)."""

    code: str
    coupon: Coupon | None  # None: no coupon has this code
    refusal: CouponRefusal | None

    @property
    def applied(self) -> bool:
        return self.refusal is None

    @property
    def description(self) -> str | None:
        return None if self.coupon is None else self.coupon.description

    @property
    def message(self) -> str | None:
        return None if self.refusal is None else explain(self.code, self.refusal, self.coupon)

    def error(self) -> CouponInvalid:
        assert self.refusal is not None  # only a refused coupon is an error
        return coupon_invalid(self.code, self.refusal, self.coupon)


@frozen
class PricedCart:
    cart: Cart  # at the catalog's current prices
    bill: Bill | None  # None for an empty cart
    coupon: CouponStatus | None

    @property
    def applied_coupon(self) -> Coupon | None:
        """The coupon whose discount is on the bill, else None."""
        return self.coupon.coupon if self.coupon is not None and self.coupon.applied else None

    @property
    def total_amount(self) -> int:
        return 0 if self.bill is None else self.bill.total_amount


def orderable_lines(cart: Cart, current: dict[int, FoodItem]) -> tuple[PricedLine, ...]:
    """The lines an order would take, at today's data: the ones still on the menu and
    available with options that are still a valid choice (placing refuses the others by
    name)."""
    lines = []
    for line in cart.food_items:
        item = current.get(line.food_item.food_id)
        if item is None or not item.availability:
            continue
        try:
            options = item.choose(line.option_ids)
        except OptionsInvalid:
            continue
        lines.append(PricedLine(item, line.quantity, options))
    return tuple(lines)


def coupon_refusal(
    ports: Ports, user_id: int, coupon: Coupon, restaurant: Restaurant, item_total: int
) -> CouponRefusal | None:
    user = ports.users.get(user_id)
    held = ports.orders.coupon_uses_held(user_id, coupon.code, coupon.uses_per_customer)
    return coupon.refusal(
        item_total=item_total,
        restaurant=restaurant,
        now=ports.clock.now(),
        confirmed_orders=0 if user is None else user.total_orders,
        uses_held=len(held),
    )


def price_lines(
    ports: Ports,
    user_id: int,
    cart: Cart,
    lines: tuple[PricedLine, ...],
    restaurant: Restaurant,
) -> PricedCart:
    """The bill of ``lines`` (the cart's, priced now) with the cart's coupon and tip."""
    item_total = sum(line.unit_price * line.quantity for line in lines)
    status: CouponStatus | None = None
    if cart.coupon is not None:
        coupon = ports.catalog.get_coupon(cart.coupon)
        if coupon is None:
            status = CouponStatus(cart.coupon, None, CouponRefusal.UNKNOWN)
        else:
            refusal = coupon_refusal(ports, user_id, coupon, restaurant, item_total)
            status = CouponStatus(coupon.code, coupon, refusal)
    priced = PricedCart(cart, None, status)
    applied = priced.applied_coupon
    discount = 0 if applied is None else applied.discount_on(item_total)
    bill = quote(lines, restaurant, ports.tariff, discount=discount, tip=cart.tip)
    return PricedCart(cart, bill, status)


def _restaurant_of(ports: Ports, cart: Cart) -> Restaurant:
    assert cart.restaurant is not None  # a non-empty cart has a restaurant
    restaurant = ports.catalog.get_restaurant(cart.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"{cart.restaurant.restaurant_name} is no longer listed", field="cart")
    return restaurant


def price_cart(ports: Ports, user_id: int, cart: Cart | None = None) -> PricedCart:
    """The cart at current prices with its bill (none for an empty cart). ``cart``: one
    just edited, billed at the item data it holds (the edit read what it changed), which
    saves reading it and its items again."""
    cart = view_cart(ports, user_id) if cart is None else cart
    if cart.is_empty:
        return PricedCart(cart, None, None)
    current = {line.food_item.food_id: line.food_item for line in cart.food_items}
    return price_lines(
        ports, user_id, cart, orderable_lines(cart, current), _restaurant_of(ports, cart)
    )


def _non_empty(cart: Cart, what: str) -> None:
    if cart.is_empty:
        raise CartEmpty(f"the cart is empty; add items before {what}", field="cart")


def apply_coupon(ports: Ports, user_id: int, raw_code: str) -> PricedCart:
    """Put a coupon on the cart if it applies to it now; else ``CouponInvalid`` with the
    reason, and the cart keeps what it had."""
    code = normalize_coupon_code(raw_code)
    coupon = ports.catalog.get_coupon(code)
    if coupon is None:
        raise coupon_invalid(code, CouponRefusal.UNKNOWN, None)
    shown = price_cart(ports, user_id)
    _non_empty(shown.cart, "applying a coupon")
    assert shown.bill is not None
    item_total = shown.bill.amount_of(BillCode.ITEM_TOTAL)
    refusal = coupon_refusal(ports, user_id, coupon, _restaurant_of(ports, shown.cart), item_total)
    if refusal is not None:
        raise coupon.invalid(refusal)

    def change(cart: Cart) -> Cart:
        _non_empty(cart, "applying a coupon")
        return cart.with_coupon(code)

    return price_cart(ports, user_id, edit_cart(ports, user_id, change))


def remove_coupon(ports: Ports, user_id: int) -> PricedCart:
    return price_cart(ports, user_id, edit_cart(ports, user_id, lambda c: c.with_coupon(None)))


def set_tip(ports: Ports, user_id: int, amount: int) -> PricedCart:
    """The rider's tip, 0 to ₹500 (``TipOutOfRange``); it carries no GST."""

    def change(cart: Cart) -> Cart:
        if amount:
            _non_empty(cart, "adding a tip")
        return cart.with_tip(amount)

    return price_cart(ports, user_id, edit_cart(ports, user_id, change))
