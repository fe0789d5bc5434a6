"""Ratings in memory: one per order, counted per restaurant from an index."""

from __future__ import annotations

from adapters.memory.store import MemoryStore
from food_core.model import Rating, RatingTotals


class MemoryRatings:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add(self, rating: Rating) -> bool:
        with self._s.lock:
            if rating.order_id in self._s.ratings:
                return False
            self._s.ratings[rating.order_id] = rating
            self._s.rating_ids_by_restaurant.setdefault(rating.restaurant_id, set()).add(
                rating.order_id
            )
            return True

    def get(self, order_id: int) -> Rating | None:
        return self._s.ratings.get(order_id)

    def replace(self, rating: Rating) -> None:
        with self._s.lock:
            if rating.order_id not in self._s.ratings:
                raise KeyError(f"order {rating.order_id} has no rating to replace")
            self._s.ratings[rating.order_id] = rating

    def totals(self, restaurant_id: int) -> RatingTotals:
        with self._s.lock:
            ids = self._s.rating_ids_by_restaurant.get(restaurant_id, set())
            stars = sum(self._s.ratings[order_id].stars for order_id in ids)
            return RatingTotals(len(ids), stars)
