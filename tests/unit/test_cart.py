from __future__ import annotations

import pytest

from food_core.errors import (
    CartRestaurantConflict,
    CartTooLarge,
    ItemUnavailable,
    NotFound,
    QuantityOutOfRange,
)
from food_core.usecases import clear_cart, remove_cart_item, set_cart_quantity, view_cart
from tests.builders import World


def test_adding_items_derives_the_total_from_the_lines(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    cart = set_cart_quantity(world.ports, user.user_id, 13, 3)
    assert cart.item_total == 2 * 12_000 + 3 * 4_000
    assert cart.restaurant is not None and cart.restaurant.restaurant_id == 1
    assert view_cart(world.ports, user.user_id) == cart


def test_setting_a_quantity_replaces_the_line(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    cart = set_cart_quantity(world.ports, user.user_id, 11, 5)
    assert [(line.food_item.food_id, line.quantity) for line in cart.food_items] == [(11, 5)]


def test_quantity_zero_removes_the_line(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    cart = set_cart_quantity(world.ports, user.user_id, 11, 0)
    assert cart.is_empty
    assert cart.restaurant is None


@pytest.mark.parametrize("quantity", [-1, 21])
def test_line_quantity_is_bounded(world: World, quantity: int) -> None:
    user = world.customer()
    with pytest.raises(QuantityOutOfRange) as error:
        set_cart_quantity(world.ports, user.user_id, 11, quantity)
    assert error.value.field == "quantity"


def test_a_cart_holds_at_most_fifty_units(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 20)
    set_cart_quantity(world.ports, user.user_id, 12, 20)
    with pytest.raises(CartTooLarge):
        set_cart_quantity(world.ports, user.user_id, 13, 11)
    assert view_cart(world.ports, user.user_id).units == 40


def test_items_from_another_restaurant_conflict(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    with pytest.raises(CartRestaurantConflict) as error:
        set_cart_quantity(world.ports, user.user_id, 21, 1)
    assert "Dosa Corner" in error.value.message
    assert view_cart(world.ports, user.user_id).quantity_of(11) == 1


def test_replace_cart_starts_over_with_the_other_restaurant(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    cart = set_cart_quantity(world.ports, user.user_id, 21, 2, replace_cart=True)
    assert cart.restaurant is not None and cart.restaurant.restaurant_id == 2
    assert [line.food_item.food_id for line in cart.food_items] == [21]


def test_unavailable_items_cannot_be_added(world: World) -> None:
    user = world.customer()
    with pytest.raises(ItemUnavailable):
        set_cart_quantity(world.ports, user.user_id, 14, 1)


def test_unknown_items_are_not_found(world: World) -> None:
    user = world.customer()
    with pytest.raises(NotFound):
        set_cart_quantity(world.ports, user.user_id, 999, 1)


def test_removing_an_item_not_in_the_cart_is_not_found(world: World) -> None:
    user = world.customer()
    with pytest.raises(NotFound):
        remove_cart_item(world.ports, user.user_id, 11)


def test_clear_empties_the_cart(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    assert clear_cart(world.ports, user.user_id).is_empty
    assert view_cart(world.ports, user.user_id).is_empty


def test_view_shows_current_catalog_prices(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    world.ports.catalog.set_availability(11, False)
    line = view_cart(world.ports, user.user_id).food_items[0]
    assert line.food_item.availability is False


def test_carts_are_private_to_each_user(world: World) -> None:
    a, b = world.customer(1), world.customer(2)
    set_cart_quantity(world.ports, a.user_id, 11, 1)
    assert view_cart(world.ports, b.user_id).is_empty
