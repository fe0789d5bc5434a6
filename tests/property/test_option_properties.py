"""Properties of option choices (issue 16): a line's price is always the dish's plus its
options'; whatever a customer tries to choose, and however the menu changes before they
order, no order holds a choice its dish does not allow."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from food_core.errors import DomainError, OptionsInvalid
from food_core.model import FoodItem, Option, OptionGroup, PaymentMode, RestaurantRef
from food_core.model.cart import Cart
from food_core.usecases import add_cart_line, place_order
from tests.builders import make_world


@st.composite
def groups(draw: st.DrawFn) -> tuple[OptionGroup, ...]:
    made: list[OptionGroup] = []
    next_id = 1
    for index in range(draw(st.integers(0, 3))):
        size = draw(st.integers(1, 4))
        options = []
        for _ in range(size):
            options.append(
                Option(next_id, f"o{next_id}", draw(st.integers(0, 5_000)), draw(st.booleans()))
            )
            next_id += 1
        high = draw(st.integers(1, size))
        low = draw(st.integers(0, high))
        made.append(OptionGroup(f"g{index}", low, high, tuple(options)))
    return tuple(made)


def _item(option_groups: tuple[OptionGroup, ...], price: int = 10_000) -> FoodItem:
    return FoodItem(11, 1, "Masala Dosa", "Dosa", price, True, True, option_groups=option_groups)


def _allowed(item: FoodItem, chosen: list[int]) -> bool:
    wanted = set(chosen)
    if len(wanted) != len(chosen):
        return False
    known = {o.option_id: o for g in item.option_groups for o in g.options}
    if not wanted <= set(known) or not all(known[i].availability for i in wanted):
        return False
    return all(
        g.min_choices <= len(wanted & {o.option_id for o in g.options}) <= g.max_choices
        for g in item.option_groups
    )


@given(groups(), st.lists(st.integers(1, 14), max_size=6), st.integers(1, 50_000))
def test_a_choice_is_accepted_exactly_when_the_groups_allow_it(
    option_groups: tuple[OptionGroup, ...], chosen: list[int], price: int
) -> None:
    item = _item(option_groups, price)
    try:
        options = item.choose(chosen)
    except OptionsInvalid:
        assert not _allowed(item, chosen)
        return
    assert _allowed(item, chosen)
    assert sorted(o.option_id for o in options) == sorted(chosen)
    line = Cart(1, 1).add_line(item, RestaurantRef(1, "Dosa Corner"), chosen, 2).food_items[0]
    assert line.unit_price == price + sum(o.price_delta for o in options)
    assert line.line_total == 2 * line.unit_price


@settings(max_examples=60, deadline=None)
@given(
    groups(),
    st.lists(st.lists(st.integers(1, 14), max_size=5), min_size=1, max_size=4),
    groups(),
)
def test_no_order_holds_a_choice_its_dish_does_not_allow_at_placing(
    before: tuple[OptionGroup, ...], attempts: list[list[int]], after: tuple[OptionGroup, ...]
) -> None:
    world = make_world()
    world.ports.catalog.add_food_items([_item(before)])
    user = world.customer()
    address = world.address(user).address_id
    for chosen in attempts:
        with contextlib.suppress(DomainError):  # refused choices leave the cart as it was
            add_cart_line(world.ports, user.user_id, 11, chosen, 1)
    world.ports.catalog.add_food_items([_item(after)])  # the menu changes before ordering
    try:
        placed = place_order(
            world.ports,
            user.user_id,
            idempotency_key="property-0001",
            address_id=address,
            payment_mode=PaymentMode.COD,
        ).order
    except DomainError:
        assert world.ports.orders.list_for_user(user.user_id, 10) == []
        return
    current = _item(after)
    for ordered in placed.items:
        assert _allowed(current, list(ordered.option_ids))
        assert ordered.price == current.unit_price(current.choose(ordered.option_ids))
