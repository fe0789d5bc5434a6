"""The demo's map: where its restaurants, addresses and riders are.

Real city centres (each demo city's main post office, to about 100 m); around them every
restaurant, PIN-code area and rider gets a place derived from its id, so the same
catalog always has the same geography and distances are real kilometres. A street
address is placed in its PIN code's area, a little off its centre by the address's text.
A PIN code outside the demo's cities is placed by its number inside India's bounding box:
a stand-in, good enough to compute a distance, not a geocoder.
"""

from __future__ import annotations

import hashlib
import math

from adapters.demo_catalog import SERVED_FROM, SERVED_UP_TO
from food_core.model import Address, Position, Restaurant

CITY_CENTRES: dict[str, Position] = {
    "400001": Position(18.9388, 72.8354),  # Mumbai, Fort
    "110001": Position(28.6315, 77.2167),  # New Delhi, Connaught Place
    "560001": Position(12.9767, 77.5713),  # Bengaluru
    "500001": Position(17.3850, 78.4867),  # Hyderabad, Abids
    "600001": Position(13.0900, 80.2830),  # Chennai, George Town
    "700001": Position(22.5726, 88.3639),  # Kolkata, BBD Bagh
    "411001": Position(18.5204, 73.8567),  # Pune
    "380001": Position(23.0225, 72.5714),  # Ahmedabad
    "302001": Position(26.9124, 75.7873),  # Jaipur
    "226001": Position(26.8467, 80.9462),  # Lucknow
    "160017": Position(30.7333, 76.7794),  # Chandigarh
    "695001": Position(8.5241, 76.9366),  # Thiruvananthapuram
}
# How far from its centre a city's restaurants, PIN-code areas and riders spread.
RESTAURANT_RADIUS_KM = 6.0
AREA_RADIUS_KM = 9.0
RIDER_RADIUS_KM = 7.0
# How far an address may sit from its PIN code's centre.
STREET_RADIUS_KM = 0.5
_INDIA_LAT = (8.0, 30.0)
_INDIA_LNG = (70.0, 88.0)


def _unit(*parts: object) -> tuple[float, float]:
    """Two numbers in [0, 1) drawn from ``parts`` (stable across runs and machines)."""
    digest = hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest[:4]) / 2**32, int.from_bytes(digest[4:]) / 2**32


def _around(centre: Position, radius_km: float, *parts: object) -> Position:
    """A point of the disc of ``radius_km`` around ``centre``, uniform by area."""
    u, v = _unit(*parts)
    distance, angle = radius_km * math.sqrt(u), 2 * math.pi * v
    dlat = distance * math.cos(angle) / 110.574
    dlng = distance * math.sin(angle) / (111.320 * math.cos(math.radians(centre.lat)))
    return Position(round(centre.lat + dlat, 6), round(centre.lng + dlng, 6))


def _city_of(pincode: str) -> str | None:
    """The demo city whose delivery area holds ``pincode``."""
    number = int(pincode)
    for main, last in SERVED_UP_TO.items():
        if int(SERVED_FROM.get(main, main)) <= number <= int(last):
            return main
    return None


def city_centre(city_pincode: str) -> Position:
    known = CITY_CENTRES.get(city_pincode)
    if known is not None:
        return known
    u, v = _unit("city", city_pincode)
    return Position(
        round(_INDIA_LAT[0] + u * (_INDIA_LAT[1] - _INDIA_LAT[0]), 6),
        round(_INDIA_LNG[0] + v * (_INDIA_LNG[1] - _INDIA_LNG[0]), 6),
    )


def area_centre(pincode: str) -> Position:
    """The centre of a PIN code's area: in its city (the main PIN code is the centre)."""
    city = _city_of(pincode) or pincode
    if pincode == city:
        return city_centre(city)
    return _around(city_centre(city), AREA_RADIUS_KM, "area", pincode)


def rider_start(city_pincode: str, number: int) -> Position:
    """Where the city's ``number``-th demo rider waits at first."""
    return _around(city_centre(city_pincode), RIDER_RADIUS_KM, "rider", city_pincode, number)


class DemoMap:
    """``food_core.ports.Places`` on the demo's geography."""

    def restaurant_position(self, restaurant: Restaurant) -> Position:
        centre = city_centre(restaurant.city.pincode)
        return _around(centre, RESTAURANT_RADIUS_KM, "restaurant", restaurant.restaurant_id)

    def address_position(self, address: Address) -> Position:
        street = " ".join(address.line1.lower().split())
        return _around(area_centre(address.pincode), STREET_RADIUS_KM, "street", street)
