"""CartRepository: one cart per user, saved by compare-and-set on its version."""

from __future__ import annotations

from attrs import evolve

from adapters.stores import Store
from food_core.model import Cart, RestaurantRef
from tests.contract.builders import Maker


def test_a_user_without_a_cart_has_none(store: Store) -> None:
    assert store.carts.get(1) is None


def test_the_first_save_expects_no_cart(store: Store, make: Maker) -> None:
    cart = make.cart(7, make.food_item(1), 2)
    assert store.carts.save(cart, None)
    assert store.carts.get(7) == cart


def test_a_second_first_save_is_refused(store: Store, make: Maker) -> None:
    item = make.food_item(1)
    first = make.cart(7, item, 1)
    assert store.carts.save(first, None)
    assert not store.carts.save(make.cart(7, item, 3), None)
    assert store.carts.get(7) == first


def test_saving_over_the_expected_version_replaces_the_cart(store: Store, make: Maker) -> None:
    item, other = make.food_item(1), make.food_item(1, food_name="Idli")
    cart = make.cart(7, item, 1)
    store.carts.save(cart, None)
    ref = RestaurantRef(1, "Dosa Corner")
    edited = cart.set_quantity(other, ref, 4).set_quantity(item, ref, 3)
    assert store.carts.save(edited, cart.version)
    assert store.carts.get(7) == edited
    assert edited.version == cart.version + 2


def test_saving_over_a_stale_version_is_refused(store: Store, make: Maker) -> None:
    item = make.food_item(1)
    cart = make.cart(7, item, 1)
    store.carts.save(cart, None)
    newer = cart.set_quantity(item, RestaurantRef(1, "Dosa Corner"), 2)
    assert store.carts.save(newer, cart.version)
    assert not store.carts.save(cart.cleared(), cart.version)
    assert store.carts.get(7) == newer


def test_expecting_a_version_when_there_is_no_cart_is_refused(store: Store, make: Maker) -> None:
    assert not store.carts.save(make.cart(7, make.food_item(1)), 0)
    assert store.carts.get(7) is None


def test_an_emptied_cart_is_stored_empty(store: Store, make: Maker) -> None:
    cart = make.cart(7, make.food_item(1), 5)
    store.carts.save(cart, None)
    cleared = cart.cleared()
    assert store.carts.save(cleared, cart.version)
    stored = store.carts.get(7)
    assert stored == cleared
    assert stored is not None and stored.is_empty and stored.restaurant is None


def test_a_line_keeps_the_food_item_as_it_was_added(store: Store, make: Maker) -> None:
    item = make.food_item(1, description="with chutney", is_veg=False, price=15_050)
    cart = make.cart(7, item, 2)
    store.carts.save(cart, None)
    stored = store.carts.get(7)
    assert stored is not None
    assert stored.food_items[0].food_item == item
    assert stored.item_total == 30_100


def test_carts_of_different_users_are_separate(store: Store, make: Maker) -> None:
    a = make.cart(1, make.food_item(1))
    b = evolve(Cart(cart_id=99, user=2), version=5)
    assert store.carts.save(a, None)
    assert store.carts.save(b, None)
    assert store.carts.get(1) == a
    assert store.carts.get(2) == b
