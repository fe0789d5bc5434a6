"""Option groups on every store: a food item's groups (sizes, half/full, add-ons) read
back whole and in order; a cart holding one item twice with different options, and an
order's snapshot of the options chosen, round-trip equal."""

from __future__ import annotations

from attrs import evolve

from adapters.stores import Store
from food_core.model import (
    Cart,
    FoodItem,
    Option,
    OptionGroup,
    OrderItem,
    OrderOption,
    RestaurantRef,
)
from tests.contract.builders import Maker

PORTION = OptionGroup(
    "Portion",
    1,
    1,
    (Option(1201, "Half"), Option(1202, "Full", 9_000)),
)
ADD_ONS = OptionGroup(
    "Add-ons — pick up to 2",
    0,
    2,
    (
        Option(1205, "Extra raita", 2_500),
        Option(1206, "Boiled egg", 2_000, availability=False),
        Option(1207, "Mirchi ka salan 🌶", 3_000),
    ),
)


def _biryani(make: Maker, restaurant_id: int = 1) -> FoodItem:
    return make.food_item(
        restaurant_id,
        food_name="Chicken Biryani",
        food_category="Biryani",
        price=24_000,
        is_veg=False,
        option_groups=(PORTION, ADD_ONS),
    )


def test_option_groups_read_back_whole_and_in_order(store: Store, make: Maker) -> None:
    biryani = _biryani(make)
    plain = make.food_item(1, food_name="Idli")
    store.catalog.add_food_items([biryani, plain])
    assert store.catalog.menu(1) == [biryani, plain]
    assert store.catalog.get_food_items([biryani.food_id, plain.food_id]) == {
        biryani.food_id: biryani,
        plain.food_id: plain,
    }
    stored = store.catalog.get_food_items([biryani.food_id])[biryani.food_id]
    assert [g.group_name for g in stored.option_groups] == ["Portion", "Add-ons — pick up to 2"]
    assert stored.option_groups[1].options[1].availability is False
    assert plain.option_groups == ()


def test_replacing_an_item_replaces_its_groups(store: Store, make: Maker) -> None:
    biryani = _biryani(make)
    store.catalog.add_food_items([biryani])
    fewer = evolve(biryani, option_groups=(evolve(PORTION, group_name="Size"),))
    store.catalog.add_food_items([fewer])
    assert store.catalog.menu(1) == [fewer]
    none = evolve(fewer, option_groups=())
    store.catalog.add_food_items([none])
    assert store.catalog.get_food_items([biryani.food_id]) == {biryani.food_id: none}


def test_availability_changes_keep_the_groups(store: Store, make: Maker) -> None:
    biryani = _biryani(make)
    store.catalog.add_food_items([biryani])
    store.catalog.set_availability(biryani.food_id, False)
    assert store.catalog.menu(1) == [evolve(biryani, availability=False)]


def test_one_item_twice_with_other_options_is_two_lines_that_round_trip(
    store: Store, make: Maker
) -> None:
    biryani = _biryani(make)
    ref = RestaurantRef(1, "Dosa Corner")
    cart = (
        Cart(cart_id=make.ids.next_id(), user=7)
        .add_line(biryani, ref, [1202, 1207, 1205], 2)
        .add_line(biryani, ref, [1201], 1)
    )
    assert [line.line_id for line in cart.food_items] == [
        f"{biryani.food_id}-1202-1205-1207",
        f"{biryani.food_id}-1201",
    ]
    assert store.carts.save(cart, None)
    stored = store.carts.get(7)
    assert stored == cart
    assert stored is not None
    assert [line.option_ids for line in stored.food_items] == [(1202, 1205, 1207), (1201,)]
    assert stored.item_total == 2 * (24_000 + 9_000 + 2_500 + 3_000) + 24_000
    fewer = stored.set_line_quantity(f"{biryani.food_id}-1201", 0)
    assert store.carts.save(fewer, stored.version)
    assert store.carts.get(7) == fewer


def test_an_order_keeps_the_options_as_they_were_chosen(store: Store, make: Maker) -> None:
    full = (OrderOption(1202, "Full", 9_000), OrderOption(1207, "Mirchi ka salan 🌶", 3_000))
    items = (
        OrderItem(21, "Chicken Biryani", 36_000, 2, False, options=full),
        OrderItem(21, "Chicken Biryani", 24_000, 1, False, options=(OrderOption(1201, "Half", 0),)),
        OrderItem(13, "Filter Coffee", 4_000, 1, True),
    )
    order = make.order(7, items=items)
    store.orders.add(order)
    stored = store.orders.get(order.order_id)
    assert stored == order
    assert stored is not None
    assert stored.items[0].label == "Chicken Biryani (Full, Mirchi ka salan 🌶)"
    assert stored.items[1].option_ids == (1201,)
    cancelled = make.cancelled(stored)
    assert store.orders.save(cancelled, stored.version)
    assert store.orders.list_for_user(7, 5) == [cancelled]
