"""A read-through cache in front of a CatalogRepository, for what customers browse.

Cities, restaurant searches, restaurants and menus are read on every page and change
rarely; on a slow store (FerretDB) each search costs tens of milliseconds of the store's
CPU. Entries live ``ttl_s`` seconds, so a change made through another process shows up
within that time; a change made through this wrapper clears the cache at once.

``get_food_items`` is deliberately NOT cached: carts and order placement read current
prices and availability through it, and must never act on stale data. Nor is
``dishes_matching`` (it follows a search, and its text is the customer's).
A restaurant's new rating drops only that restaurant's entry: searches show the score
they read for up to ``ttl_s`` seconds, as they would any change made by another process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Hashable, Iterable
from datetime import timedelta
from typing import TypeVar

from food_core.model import City, Coupon, FoodItem, RatingTotals, Restaurant
from food_core.ports import CatalogRepository, Clock
from food_core.search import RestaurantQuery

T = TypeVar("T")
_MAX_ENTRIES = 10_000


class CachedCatalog:
    def __init__(self, inner: CatalogRepository, clock: Clock, ttl_s: float) -> None:
        self._inner = inner
        self._clock = clock
        self._ttl = timedelta(seconds=ttl_s)
        self._lock = threading.Lock()
        self._entries: dict[Hashable, tuple[object, object]] = {}

    def _cached(self, key: Hashable, load: Callable[[], T]) -> T:
        now = self._clock.now()
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None and hit[0] > now:  # type: ignore[operator]
            return hit[1]  # type: ignore[return-value]
        value = load()
        with self._lock:
            if len(self._entries) >= _MAX_ENTRIES:
                self._entries.clear()  # bounded memory; a full reload is cheap enough
            self._entries[key] = (now + self._ttl, value)
        return value

    def _changed(self) -> None:
        with self._lock:
            self._entries.clear()

    # --- cached reads ------------------------------------------------------------------

    def list_cities(self) -> list[City]:
        return list(self._cached("cities", self._inner.list_cities))

    def get_city(self, pincode: str) -> City | None:
        return self._cached(("city", pincode), lambda: self._inner.get_city(pincode))

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        found = self._cached(("search", query), lambda: self._inner.search_restaurants(query))
        return list(found)

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None:
        return self._cached(
            ("restaurant", restaurant_id), lambda: self._inner.get_restaurant(restaurant_id)
        )

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        return list(self._cached(("menu", restaurant_id), lambda: self._inner.menu(restaurant_id)))

    # --- always from the store -----------------------------------------------------------

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]:
        return self._inner.get_food_items(food_ids)

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        return self._inner.dishes_matching(restaurant_ids, text)

    def is_empty(self) -> bool:
        return self._inner.is_empty()

    def get_coupon(self, code: str) -> Coupon | None:
        return self._inner.get_coupon(code)

    # --- writes clear the cache ----------------------------------------------------------

    def add_city(self, city: City) -> None:
        self._inner.add_city(city)
        self._changed()

    def add_restaurant(self, restaurant: Restaurant) -> None:
        self._inner.add_restaurant(restaurant)
        self._changed()

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        self._inner.add_food_items(items)
        self._changed()

    def set_availability(self, food_id: int, availability: bool) -> None:
        self._inner.set_availability(food_id, availability)
        self._changed()

    def set_price(self, food_id: int, price: int) -> None:
        self._inner.set_price(food_id, price)
        self._changed()

    def add_coupons(self, coupons: Iterable[Coupon]) -> None:
        self._inner.add_coupons(coupons)

    def set_rating(self, restaurant_id: int, totals: RatingTotals) -> None:
        self._inner.set_rating(restaurant_id, totals)
        with self._lock:
            self._entries.pop(("restaurant", restaurant_id), None)
