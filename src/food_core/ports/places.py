"""Where restaurants and delivery addresses are on the map (a geocoder)."""

from __future__ import annotations

from typing import Protocol

from food_core.model import Address, Restaurant
from food_core.model.geo import Position


class Places(Protocol):
    def restaurant_position(self, restaurant: Restaurant) -> Position: ...

    def address_position(self, address: Address) -> Position:
        """Where the address is, as near as the geocoder can tell (its PIN code's area at
        worst)."""
        ...
