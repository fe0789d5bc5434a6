"""Is a restaurant open now, and when does it open next (in India's time zone)."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.errors import RestaurantClosed
from food_core.model import IST, Restaurant


@frozen
class Opening:
    is_open: bool
    opens_at: datetime | None  # when it next opens if closed (IST); None if open or never


def opening(restaurant: Restaurant, now: datetime) -> Opening:
    hours = restaurant.open_hours
    if hours.is_open(now):
        return Opening(True, None)
    return Opening(False, hours.next_opening(now))


def ensure_open(restaurant: Restaurant, now: datetime, *, field: str = "food_id") -> None:
    """Raise ``RestaurantClosed`` (with when it opens next) unless it is open at ``now``."""
    when = opening(restaurant, now)
    if when.is_open:
        return
    if when.opens_at is None:
        raise RestaurantClosed(
            f"{restaurant.restaurant_name} is closed", opens_at=None, field=field
        )
    local = when.opens_at.astimezone(IST)
    raise RestaurantClosed(
        f"{restaurant.restaurant_name} is closed; it opens at {local:%H:%M} on {local:%A}",
        opens_at=local.isoformat(),
        field=field,
    )
