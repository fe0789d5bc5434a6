"""Cart edits. Each edit is a compare-and-set on the cart's version, retried on a race."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from food_core.errors import ConcurrentUpdate, NotFound
from food_core.model import Cart, FoodItem, Restaurant
from food_core.usecases.context import Ports
from food_core.usecases.opening import ensure_open

_ATTEMPTS = 5


def _empty_cart(ports: Ports, user_id: int) -> Cart:
    return Cart(cart_id=ports.ids.next_id(), user=user_id)


def view_cart(ports: Ports, user_id: int) -> Cart:
    """The cart with current catalog prices and availability (never stored for a view)."""
    cart = ports.carts.get(user_id)
    if cart is None:
        return Cart(cart_id=0, user=user_id)
    if cart.is_empty:
        return cart
    current = ports.catalog.get_food_items([line.food_item.food_id for line in cart.food_items])
    return cart.refreshed(current)


def edit_cart(ports: Ports, user_id: int, change: Callable[[Cart], Cart]) -> Cart:
    """Apply ``change`` to the stored cart (an empty one if none) by compare-and-set."""
    for _ in range(_ATTEMPTS):
        stored = ports.carts.get(user_id)
        base = stored if stored is not None else _empty_cart(ports, user_id)
        edited = change(base)
        if edited is base:
            return base
        if ports.carts.save(edited, stored.version if stored is not None else None):
            return edited
    raise ConcurrentUpdate("the cart changed while it was being edited; try again")


def _item_and_restaurant(ports: Ports, food_id: int) -> tuple[FoodItem, Restaurant]:
    item = ports.catalog.get_food_items([food_id]).get(food_id)
    if item is None:
        raise NotFound(f"food item {food_id} not found", field="food_id")
    restaurant = ports.catalog.get_restaurant(item.restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {item.restaurant_id} not found", field="food_id")
    return item, restaurant


def set_cart_quantity(
    ports: Ports, user_id: int, food_id: int, quantity: int, *, replace_cart: bool = False
) -> Cart:
    """Set the item's line without options to ``quantity`` (0 removes it); adding checks
    the item is available and the restaurant open."""
    item, restaurant = _item_and_restaurant(ports, food_id)
    ref, now = restaurant.ref, ports.clock.now()

    def change(cart: Cart) -> Cart:
        if quantity > cart.quantity_of(food_id):  # adding; taking out is always allowed
            ensure_open(restaurant, now)
        return cart.set_quantity(item, ref, quantity, replace_cart=replace_cart)

    return edit_cart(ports, user_id, change)


def add_cart_line(
    ports: Ports,
    user_id: int,
    food_id: int,
    option_ids: Sequence[int],
    quantity: int,
    *,
    replace_cart: bool = False,
) -> Cart:
    """Add the item with these options (``OptionsInvalid`` if they are not a valid
    choice); the same item with the same options adds to its line."""
    item, restaurant = _item_and_restaurant(ports, food_id)
    ensure_open(restaurant, ports.clock.now())
    ref = restaurant.ref
    return edit_cart(
        ports,
        user_id,
        lambda cart: cart.add_line(item, ref, option_ids, quantity, replace_cart=replace_cart),
    )


def set_line_quantity(ports: Ports, user_id: int, line_id: str, quantity: int) -> Cart:
    """Change a line's quantity (0 removes it), at the item's current data."""
    stored = ports.carts.get(user_id)
    line = None if stored is None else stored.line(line_id)
    if line is None:
        raise NotFound(f"line {line_id} is not in the cart", field="line_id")
    item, restaurant = _item_and_restaurant(ports, line.food_item.food_id)
    now = ports.clock.now()

    def change(cart: Cart) -> Cart:
        current = cart.line(line_id)
        if current is not None and quantity > current.quantity:
            ensure_open(restaurant, now)
        return cart.refreshed({item.food_id: item}).set_line_quantity(line_id, quantity)

    return edit_cart(ports, user_id, change)


def remove_cart_line(ports: Ports, user_id: int, line_id: str) -> Cart:
    return edit_cart(ports, user_id, lambda cart: cart.remove_line(line_id))


def remove_cart_item(ports: Ports, user_id: int, food_id: int) -> Cart:
    return edit_cart(ports, user_id, lambda cart: cart.remove(food_id))


def clear_cart(ports: Ports, user_id: int) -> Cart:
    return edit_cart(ports, user_id, lambda cart: cart if cart.is_empty else cart.cleared())
