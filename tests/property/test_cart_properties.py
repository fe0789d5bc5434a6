"""Properties of the cart rules, through the use cases and the in-memory store."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from food_core.errors import DomainError
from food_core.model import MAX_CART_UNITS, MAX_LINE_QUANTITY, Cart
from food_core.usecases import remove_cart_item, set_cart_quantity, view_cart
from tests.builders import make_world

# food ids of the builder's world: 11–14 at restaurant 1 (14 unavailable), 21–22 at 2,
# and 99 that does not exist.
FOOD_IDS = st.sampled_from([11, 12, 13, 14, 21, 22, 99])
EDIT = st.tuples(
    FOOD_IDS, st.integers(min_value=-2, max_value=MAX_LINE_QUANTITY + 3), st.booleans()
)


def _stored(world_cart: Cart | None) -> tuple[object, ...]:
    if world_cart is None:
        return ()
    return (world_cart.restaurant, world_cart.food_items)


@settings(max_examples=150, deadline=None)
@given(edits=st.lists(EDIT, max_size=25))
def test_cart_invariants_hold_after_any_edits(edits: list[tuple[int, int, bool]]) -> None:
    world = make_world()
    user = world.customer()
    for food_id, quantity, replace in edits:
        before = world.ports.carts.get(user.user_id)
        try:
            set_cart_quantity(world.ports, user.user_id, food_id, quantity, replace_cart=replace)
        except DomainError:
            # Rejected input never changes the cart.
            assert _stored(world.ports.carts.get(user.user_id)) == _stored(before)
        cart = view_cart(world.ports, user.user_id)
        restaurants = {line.food_item.restaurant_id for line in cart.food_items}
        assert len(restaurants) <= 1
        assert cart.item_total == sum(ln.food_item.price * ln.quantity for ln in cart.food_items)
        assert all(1 <= line.quantity <= MAX_LINE_QUANTITY for line in cart.food_items)
        assert cart.units <= MAX_CART_UNITS
        assert all(line.food_item.availability for line in cart.food_items)


@settings(max_examples=100, deadline=None)
@given(
    edits=st.lists(EDIT, max_size=10),
    food_id=st.sampled_from([11, 12, 13]),
    quantity=st.integers(min_value=1, max_value=MAX_LINE_QUANTITY),
)
def test_setting_then_removing_an_item_restores_the_cart(
    edits: list[tuple[int, int, bool]], food_id: int, quantity: int
) -> None:
    world = make_world()
    user = world.customer()
    for f, q, r in edits:
        with contextlib.suppress(DomainError):
            set_cart_quantity(world.ports, user.user_id, f, q, replace_cart=r)
    before = view_cart(world.ports, user.user_id)
    if before.quantity_of(food_id):
        return  # the property is about adding a new line
    try:
        set_cart_quantity(world.ports, user.user_id, food_id, quantity)
    except DomainError:
        return  # another restaurant's cart, or over the unit bound: nothing changed
    after = remove_cart_item(world.ports, user.user_id, food_id)
    assert (after.restaurant, after.food_items) == (before.restaurant, before.food_items)
