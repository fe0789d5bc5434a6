"""Customers' favourite restaurants in memory."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import MemoryStore


class MemoryFavourites:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add(self, user_id: int, restaurant_id: int, at: datetime) -> None:
        with self._s.lock:
            self._s.favourites.setdefault(user_id, {}).setdefault(restaurant_id, at)

    def remove(self, user_id: int, restaurant_id: int) -> bool:
        with self._s.lock:
            return self._s.favourites.get(user_id, {}).pop(restaurant_id, None) is not None

    def list_for_user(self, user_id: int, limit: int) -> list[int]:
        with self._s.lock:
            saved = self._s.favourites.get(user_id, {})
            newest = sorted(saved.items(), key=lambda entry: (entry[1], entry[0]), reverse=True)
            return [restaurant_id for restaurant_id, _ in newest[:limit]]
