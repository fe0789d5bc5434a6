from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.caching import CachedCatalog
from adapters.clock import ManualClock
from adapters.memory.store import MemoryCatalog
from food_core.search import RestaurantQuery
from tests.builders import BENGALURU, make_world


def _cached() -> tuple[CachedCatalog, MemoryCatalog, ManualClock]:
    world = make_world()
    inner = world.ports.catalog
    assert isinstance(inner, MemoryCatalog)
    return CachedCatalog(inner, world.clock, ttl_s=5), inner, world.clock


def test_browsing_reads_are_served_from_the_cache_until_they_expire() -> None:
    cached, inner, clock = _cached()
    query = RestaurantQuery(pincode=BENGALURU.pincode)
    before = cached.search_restaurants(query)
    renamed = evolve(inner.get_restaurant(1), restaurant_name="Renamed Elsewhere")
    inner.add_restaurant(renamed)  # another process changes the store
    assert cached.search_restaurants(query) == before
    assert cached.get_restaurant(1) is not None
    clock.advance(timedelta(seconds=6))
    assert cached.get_restaurant(1) == renamed
    assert any(r.restaurant_name == "Renamed Elsewhere" for r in cached.search_restaurants(query))


def test_changes_through_the_cache_clear_it_at_once() -> None:
    cached, _inner, _clock = _cached()
    menu = cached.menu(1)
    cached.set_availability(menu[0].food_id, not menu[0].availability)
    assert cached.menu(1)[0].availability is not menu[0].availability


def test_prices_and_availability_for_carts_and_orders_are_never_cached() -> None:
    cached, inner, _clock = _cached()
    assert cached.get_food_items([11])[11].availability is True
    inner.set_availability(11, False)
    assert cached.get_food_items([11])[11].availability is False


def test_callers_cannot_change_what_is_cached() -> None:
    cached, _inner, _clock = _cached()
    cached.list_cities().clear()
    assert cached.list_cities()
