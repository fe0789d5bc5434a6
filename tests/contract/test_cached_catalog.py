"""The API's read-through catalog cache over every store: dish search passes through,
and a restaurant's new rating, stored through the cache, is what it answers next."""

from __future__ import annotations

from attrs import evolve

from adapters.caching import CachedCatalog
from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import RatingTotals
from food_core.search import RestaurantQuery
from tests.contract.builders import BENGALURU, Maker


def test_a_rating_set_through_the_cache_is_read_back_at_once(
    store: Store, make: Maker, clock: ManualClock
) -> None:
    cached = CachedCatalog(store.catalog, clock, ttl_s=3600)
    restaurant = make.restaurant(restaurant_name="Udupi", restaurant_description="-")
    cached.add_restaurant(restaurant)
    cached.add_food_items([make.food_item(restaurant.restaurant_id)])
    assert cached.get_restaurant(restaurant.restaurant_id) == restaurant  # now cached
    totals = RatingTotals(4, 18)
    cached.set_rating(restaurant.restaurant_id, totals)
    rated = evolve(restaurant, restaurant_rating=totals.score, rating_count=4)
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == rated
    assert cached.get_restaurant(restaurant.restaurant_id) == rated


def test_dish_search_through_the_cache_is_the_stores(
    store: Store, make: Maker, clock: ManualClock
) -> None:
    cached = CachedCatalog(store.catalog, clock, ttl_s=3600)
    restaurant = make.restaurant(restaurant_name="Udupi", restaurant_description="-")
    cached.add_restaurant(restaurant)
    cached.add_food_items([make.food_item(restaurant.restaurant_id)])
    query = RestaurantQuery(BENGALURU.pincode, text="masala")
    assert cached.search_restaurants(query) == [restaurant]
    assert cached.dishes_matching([restaurant.restaurant_id], "MASALA") == {
        restaurant.restaurant_id: ["Masala Dosa"]
    }
    # Not cached: a dish added behind the cache's back is named at once.
    store.catalog.add_food_items(
        [make.food_item(restaurant.restaurant_id, food_name="Masala Vada")]
    )
    assert cached.dishes_matching([restaurant.restaurant_id], "masala") == {
        restaurant.restaurant_id: ["Masala Dosa", "Masala Vada"]
    }
