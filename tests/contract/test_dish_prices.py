"""A dish's price changed on every store (issue 18): the new base price reads back
everywhere the dish is read, its options' deltas and everything else stay, and the
partner's edit goes through it."""

from __future__ import annotations

from attrs import evolve

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import Option, OptionGroup
from food_core.usecases import edit_dish, partner_menu
from tests.contract.builders import Maker
from tests.contract.dispatch_racers import Kitchen

PORTION = OptionGroup("Portion", 1, 1, (Option(1201, "Half"), Option(1202, "Full", 9_000)))


def test_a_new_price_reads_back_and_the_options_keep_their_deltas(
    store: Store, make: Maker
) -> None:
    biryani = make.food_item(1, food_name="Chicken Biryani", price=24_000, option_groups=(PORTION,))
    other = make.food_item(1, food_name="Raita", price=4_000)
    store.catalog.add_food_items([biryani, other])
    store.catalog.set_price(biryani.food_id, 26_500)
    repriced = evolve(biryani, price=26_500)
    assert store.catalog.get_food_items([biryani.food_id]) == {biryani.food_id: repriced}
    assert store.catalog.menu(1) == [repriced, other]
    assert repriced.option_groups == (PORTION,)  # Full still adds 90 rupees
    store.catalog.set_price(biryani.food_id, 24_000)
    assert store.catalog.get_food_items([biryani.food_id]) == {biryani.food_id: biryani}


def test_pricing_an_unknown_dish_creates_nothing(store: Store) -> None:
    store.catalog.set_price(404, 10_000)
    assert store.catalog.get_food_items([404]) == {}


def test_the_partners_edit_changes_price_and_availability(store: Store, clock: ManualClock) -> None:
    kitchen = Kitchen(store, clock)
    partner = kitchen.partner.user_id
    edited = edit_dish(
        kitchen.ports, partner, kitchen.dish.food_id, price=13_500, availability=False
    )
    assert edited == evolve(kitchen.dish, price=13_500, availability=False)
    assert partner_menu(kitchen.ports, partner) == [edited]
    assert store.catalog.get_food_items([kitchen.dish.food_id]) == {edited.food_id: edited}
