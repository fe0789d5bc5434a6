"""Option groups: choosing from them, cart lines with options, and the order's snapshot
(issue 16)."""

from __future__ import annotations

import pytest
from attrs import evolve

from food_core.errors import CartTooLarge, NotFound, OptionsInvalid, QuantityOutOfRange
from food_core.model import FoodItem, Option, OptionGroup, PaymentMode
from food_core.usecases import (
    add_cart_line,
    place_order,
    price_cart,
    remove_cart_line,
    set_cart_quantity,
    set_line_quantity,
    view_cart,
)
from tests.builders import World, make_world

PORTION = OptionGroup("Portion", 1, 1, (Option(501, "Half"), Option(502, "Full", 9_000)))
EXTRAS = OptionGroup(
    "Add-ons",
    0,
    2,
    (Option(503, "Raita", 3_000), Option(504, "Salan", 3_500), Option(505, "Egg", 2_000, False)),
)
BIRYANI = FoodItem(
    31, 1, "Veg Biryani", "Biryani", 20_000, True, True, option_groups=(PORTION, EXTRAS)
)
OTHER = FoodItem(32, 1, "Curd Rice", "Rice", 9_000, True, True, option_groups=(
    OptionGroup("Size", 1, 1, (Option(601, "Regular"), Option(602, "Large", 3_000))),
))  # fmt: skip


@pytest.fixture
def world() -> World:
    made = make_world()
    made.ports.catalog.add_food_items([BIRYANI, OTHER])
    return made


@pytest.mark.parametrize(
    ("chosen", "names"),
    [
        ((), "choose exactly 1 option for Portion, not 0"),
        ((501, 502), "choose exactly 1 option for Portion, not 2"),
        ((501, 503, 504, 503), "chosen twice"),
        ((502, 505), "Egg (Add-ons) is not available"),
        ((501, 601), "option 601 is not one of Veg Biryani's options"),
        ((501, 999), "option 999 is not one of Veg Biryani's options"),
    ],
)
def test_an_invalid_choice_is_refused_naming_what_is_wrong(
    chosen: tuple[int, ...], names: str
) -> None:
    with pytest.raises(OptionsInvalid) as refused:
        BIRYANI.choose(chosen)
    assert names in refused.value.message
    assert refused.value.field == "option_ids" and refused.value.code == "options_invalid"


def test_too_many_add_ons_are_refused() -> None:
    roomy = evolve(EXTRAS, options=(*EXTRAS.options[:2], Option(506, "Papad", 1_000)))
    item = evolve(BIRYANI, option_groups=(PORTION, roomy))
    with pytest.raises(OptionsInvalid, match="up to 2 for Add-ons, not 3"):
        item.choose((501, 503, 504, 506))


def test_a_choice_comes_back_in_menu_order_and_prices_the_line() -> None:
    options = BIRYANI.choose((504, 502, 503))
    assert [o.option_id for o in options] == [502, 503, 504]
    assert BIRYANI.unit_price(options) == 20_000 + 9_000 + 3_000 + 3_500


def test_groups_must_be_satisfiable() -> None:
    with pytest.raises(ValueError, match="choices"):
        OptionGroup("Size", 2, 1, (Option(1, "S"), Option(2, "M")))
    with pytest.raises(ValueError, match="share an id"):
        OptionGroup("Size", 1, 1, (Option(1, "S"), Option(1, "M")))
    with pytest.raises(ValueError, match="two groups"):
        evolve(BIRYANI, option_groups=(PORTION, OptionGroup("Dup", 0, 1, (Option(501, "Dup"),))))


def test_the_same_dish_with_other_options_is_another_line(world: World) -> None:
    user = world.customer().user_id
    add_cart_line(world.ports, user, BIRYANI.food_id, [502, 503], 1)
    add_cart_line(world.ports, user, BIRYANI.food_id, [501], 2)
    cart = add_cart_line(world.ports, user, BIRYANI.food_id, [503, 502], 2)  # same as the first
    assert [(line.line_id, line.quantity) for line in cart.food_items] == [
        ("31-502-503", 3),
        ("31-501", 2),
    ]
    full = cart.line("31-502-503")
    assert full is not None and full.unit_price == 20_000 + 9_000 + 3_000
    assert cart.item_total == 3 * 32_000 + 2 * 20_000


def test_line_quantities_keep_the_rules_per_line(world: World) -> None:
    user = world.customer().user_id
    add_cart_line(world.ports, user, BIRYANI.food_id, [502], 20)
    with pytest.raises(QuantityOutOfRange):
        add_cart_line(world.ports, user, BIRYANI.food_id, [502], 1)  # 21 on one line
    add_cart_line(world.ports, user, BIRYANI.food_id, [501], 20)
    with pytest.raises(CartTooLarge):
        add_cart_line(world.ports, user, BIRYANI.food_id, [501, 503], 11)  # 51 units in all
    cart = set_line_quantity(world.ports, user, "31-501", 5)
    assert cart.units == 25
    cart = remove_cart_line(world.ports, user, "31-502")
    assert [line.line_id for line in cart.food_items] == ["31-501"]
    with pytest.raises(NotFound):
        set_line_quantity(world.ports, user, "31-502", 1)


def test_a_dish_with_a_required_choice_has_no_plain_line(world: World) -> None:
    user = world.customer().user_id
    with pytest.raises(OptionsInvalid):
        set_cart_quantity(world.ports, user, BIRYANI.food_id, 1)
    cart = set_cart_quantity(world.ports, user, 11, 1)  # a dish without groups
    assert [line.line_id for line in cart.food_items] == ["11"]


def test_the_order_snapshots_option_names_and_prices(world: World) -> None:
    user = world.customer()
    address = world.address(user).address_id
    add_cart_line(world.ports, user.user_id, BIRYANI.food_id, [502, 504], 2)
    shown = price_cart(world.ports, user.user_id)
    placed = place_order(
        world.ports,
        user.user_id,
        idempotency_key="options-0001",
        address_id=address,
        payment_mode=PaymentMode.COD,
        expected_total=shown.total_amount,
    ).order
    (item,) = placed.items
    assert item.price == 20_000 + 9_000 + 3_500 and item.quantity == 2
    assert [(o.option_name, o.price_delta) for o in item.options] == [
        ("Full", 9_000),
        ("Salan", 3_500),
    ]
    assert item.label == "Veg Biryani (Full, Salan)"
    assert placed.bill.amount_of(placed.bill.lines[0].code) == 2 * 32_500


def test_an_option_sold_out_after_adding_stops_the_order(world: World) -> None:
    user = world.customer()
    address = world.address(user).address_id
    add_cart_line(world.ports, user.user_id, BIRYANI.food_id, [502, 503], 1)
    sold_out = evolve(
        EXTRAS, options=(evolve(EXTRAS.options[0], availability=False), *EXTRAS.options[1:])
    )
    world.ports.catalog.add_food_items([evolve(BIRYANI, option_groups=(PORTION, sold_out))])
    line = view_cart(world.ports, user.user_id).food_items[0]
    assert not line.options[1].availability  # the view shows today's option
    with pytest.raises(OptionsInvalid, match="Raita"):
        place_order(
            world.ports,
            user.user_id,
            idempotency_key="options-0002",
            address_id=address,
            payment_mode=PaymentMode.COD,
        )
    assert world.ports.orders.list_for_user(user.user_id, 10) == []


def test_an_option_repriced_after_adding_is_a_price_change(world: World) -> None:
    from food_core.errors import CartChanged

    user = world.customer()
    address = world.address(user).address_id
    add_cart_line(world.ports, user.user_id, BIRYANI.food_id, [502], 1)
    shown = price_cart(world.ports, user.user_id).total_amount
    dearer = evolve(
        PORTION, options=(PORTION.options[0], evolve(PORTION.options[1], price_delta=10_000))
    )
    world.ports.catalog.add_food_items([evolve(BIRYANI, option_groups=(dearer, EXTRAS))])
    with pytest.raises(CartChanged) as changed:
        place_order(
            world.ports,
            user.user_id,
            idempotency_key="options-0003",
            address_id=address,
            payment_mode=PaymentMode.COD,
            expected_total=shown,
        )
    assert changed.value.changes == [
        {"food_id": 31, "line_id": "31-502", "food_name": "Veg Biryani",
         "old_price": 29_000, "new_price": 30_000, "available": True},
    ]  # fmt: skip
