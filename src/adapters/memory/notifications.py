"""The notifier in memory: keeps every notice it is given (the reference and the test fake)."""

from __future__ import annotations

import threading

from food_core.model.notices import Notice, NoticeKind


class MemoryNotifier:
    """Every notice handed over, in order; thread-safe, never raises."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._notices: list[Notice] = []

    def notify(self, notice: Notice) -> None:
        with self._lock:
            self._notices.append(notice)

    @property
    def notices(self) -> list[Notice]:
        with self._lock:
            return list(self._notices)

    def of_order(self, order_id: int) -> list[Notice]:
        return [notice for notice in self.notices if notice.order_id == order_id]

    def kinds(self, order_id: int) -> list[NoticeKind]:
        """The kinds of the order's notices, in the order they were handed over."""
        return [notice.kind for notice in self.of_order(order_id)]

    def clear(self) -> None:
        with self._lock:
            self._notices.clear()
