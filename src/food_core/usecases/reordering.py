"""Order again: a past order's items into the cart, at today's prices."""

from __future__ import annotations

from attrs import frozen

from food_core.errors import NotFound, NothingToReorder, OptionsInvalid
from food_core.model import Cart, CartLine, FoodItem, OrderItem
from food_core.usecases.carts import edit_cart
from food_core.usecases.context import Ports
from food_core.usecases.opening import ensure_open
from food_core.usecases.ownership import own_order


@frozen
class Reorder:
    cart: Cart
    # The past order's items that cannot be ordered today, by name (with their options).
    unavailable: list[str]


def reorder(ports: Ports, user_id: int, order_id: int) -> Reorder:
    """Replace the cart with the order's items and options at today's data; an item no
    longer listed, unavailable, or whose options are no longer a valid choice is left
    out and named (``NothingToReorder`` if that is every one)."""
    order = own_order(ports, user_id, order_id)
    restaurant = ports.catalog.get_restaurant(order.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"{order.restaurant.restaurant_name} is no longer listed", field="order_id")
    ensure_open(restaurant, ports.clock.now(), field="order_id")
    current = ports.catalog.get_food_items([item.food_id for item in order.items])
    lines: list[CartLine] = []
    unavailable: list[str] = []
    for ordered in order.items:
        line = _line_today(ordered, current)
        if line is None:
            unavailable.append(ordered.label)
        else:
            lines.append(line)
    if not lines:
        raise NothingToReorder(
            f"none of order {order_id}'s items can be ordered today: {', '.join(unavailable)}",
            field="order_id",
        )
    ref = restaurant.ref
    cart = edit_cart(ports, user_id, lambda cart: cart.filled_with(ref, lines))
    return Reorder(cart, unavailable)


def _line_today(ordered: OrderItem, current: dict[int, FoodItem]) -> CartLine | None:
    item = current.get(ordered.food_id)
    if item is None or not item.availability:
        return None
    try:
        options = item.choose(ordered.option_ids)
    except OptionsInvalid:
        return None
    return CartLine(item, ordered.quantity, options)
