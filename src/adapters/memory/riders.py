"""Riders in memory: a rider's assignment changes by compare-and-set under the store's lock."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import MemoryStore
from food_core.model import Rider


class MemoryRiders:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add(self, rider: Rider) -> None:
        with self._s.lock:
            self._s.riders.setdefault(rider.rider_id, rider)

    def get(self, rider_id: int) -> Rider | None:
        return self._s.riders.get(rider_id)

    def save(self, rider: Rider, expected_version: int) -> bool:
        with self._s.lock:
            stored = self._s.riders.get(rider.rider_id)
            if stored is None or stored.version != expected_version:
                return False
            self._s.riders[rider.rider_id] = rider
            return True

    def _all(self) -> list[Rider]:
        with self._s.lock:
            return sorted(self._s.riders.values(), key=lambda r: r.rider_id)

    def list_free(self, city_pincode: str, limit: int) -> list[Rider]:
        free = [r for r in self._all() if r.city_pincode == city_pincode and r.is_free]
        return free[: max(limit, 0)]

    def holding(self, order_id: int) -> Rider | None:
        return next((r for r in self._all() if r.order_id == order_id), None)

    def list_busy(self, updated_before: datetime, limit: int) -> list[Rider]:
        busy = [r for r in self._all() if not r.is_free and r.updated_at < updated_before]
        return sorted(busy, key=lambda r: (r.updated_at, r.rider_id))[: max(limit, 0)]
