"""Where things are, and how long a rider takes between them.

Distances are great-circle (haversine) kilometres; a rider's route is longer than the
straight line by ``ROAD_FACTOR`` and ridden at ``RIDER_SPEED_KMH`` on average. Both are
the platform's planning figures, and every ETA is computed from them.
"""

from __future__ import annotations

import math

from attrs import field, frozen, validators

EARTH_RADIUS_KM = 6371.0
# A city's roads are about this much longer than the straight line between two points.
ROAD_FACTOR = 1.35
# A rider's average speed through city traffic, stops included.
RIDER_SPEED_KMH = 18.0


@frozen
class Position:
    """A point on the map, in degrees."""

    lat: float = field(validator=[validators.ge(-90.0), validators.le(90.0)])
    lng: float = field(validator=[validators.ge(-180.0), validators.le(180.0)])

    def km_to(self, other: Position) -> float:
        """Great-circle distance in kilometres."""
        lat1, lat2 = math.radians(self.lat), math.radians(other.lat)
        dlat = lat2 - lat1
        dlng = math.radians(other.lng - self.lng)
        a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlng / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def ride_minutes(km: float) -> int:
    """Whole minutes (rounded up) a rider takes to cover ``km`` of straight-line distance."""
    # Rounded first so that float noise (18.000000000000004) does not add a minute.
    return math.ceil(round(km * ROAD_FACTOR / RIDER_SPEED_KMH * 60, 6))
