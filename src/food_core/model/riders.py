"""Riders: who carries an order from the restaurant to the customer.

A rider carries one order at a time. The rider record says which (``order_id``), and the
store changes it by compare-and-set on ``version``, so two dispatchers can never hand one
rider two orders: the second one's write finds the version moved.
"""

from __future__ import annotations

from datetime import datetime

from attrs import evolve, field, frozen, validators

from food_core.model.geo import Position

# Shown to the customer: the first two and last two digits, the rest hidden.
_SHOWN_HEAD = 2
_SHOWN_TAIL = 2


def mask_phone(phone: str) -> str:
    """ "9876543210" → "98XXXXXX10": enough to recognise the call, not to keep the number."""
    hidden = len(phone) - _SHOWN_HEAD - _SHOWN_TAIL
    if hidden <= 0:
        return "X" * len(phone)
    return f"{phone[:_SHOWN_HEAD]}{'X' * hidden}{phone[-_SHOWN_TAIL:]}"


@frozen
class RiderRef:
    """What an order shows of its rider."""

    rider_id: int
    rider_name: str
    phone_masked: str


@frozen
class Rider:
    """A rider of a city's pool. ``rider_id`` is the rider's user account."""

    rider_id: int
    rider_name: str
    phone: str
    city_pincode: str
    position: Position
    updated_at: datetime
    # The order the rider carries now (None: free).
    order_id: int | None = None
    version: int = field(default=0, validator=validators.ge(0))

    @property
    def is_free(self) -> bool:
        return self.order_id is None

    @property
    def ref(self) -> RiderRef:
        return RiderRef(self.rider_id, self.rider_name, mask_phone(self.phone))

    def _next(self, now: datetime, **changes: object) -> Rider:
        return evolve(self, updated_at=now, version=self.version + 1, **changes)  # type: ignore[arg-type]

    def assigned(self, order_id: int, now: datetime) -> Rider:
        if self.order_id is not None:
            raise ValueError(f"rider {self.rider_id} already carries order {self.order_id}")
        return self._next(now, order_id=order_id)

    def released(self, order_id: int, at: Position, now: datetime) -> Rider:
        """Done with ``order_id`` (delivered or taken away), now at ``at``."""
        if self.order_id != order_id:
            raise ValueError(f"rider {self.rider_id} does not carry order {order_id}")
        return self._next(now, order_id=None, position=at)

    def moved(self, to: Position, now: datetime) -> Rider:
        return self._next(now, position=to)
