"""Restaurant search: the query value, sort orders and the opaque pagination cursor.

Pagination is keyset-based: a page ends at a *position* (the sort value and the
restaurant id of its last row) and the next page starts strictly after it. Every adapter
orders by :func:`sort_key`, so pages never skip or repeat a restaurant.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json

from attrs import field, frozen, validators

from food_core.errors import ValidationFailed
from food_core.model.catalog import Restaurant

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 20


class RestaurantSort(enum.StrEnum):
    RATING = "rating"  # best rated first
    NAME = "name"  # A → Z, case-insensitive
    DELIVERY_TIME = "delivery_time"  # fastest first


SortValue = float | str | int


@frozen
class SearchPosition:
    """Where a page ended: its last restaurant's sort value and id."""

    value: SortValue
    restaurant_id: int


@frozen
class RestaurantQuery:
    pincode: str
    text: str | None = None
    cuisine: str | None = None
    veg_only: bool = False
    min_rating: float | None = None
    sort: RestaurantSort = RestaurantSort.RATING
    # One more than a page, so the caller can tell whether another page follows.
    limit: int = field(
        default=DEFAULT_PAGE_SIZE, validator=[validators.ge(1), validators.le(MAX_PAGE_SIZE + 1)]
    )
    after: SearchPosition | None = None


def sort_value(restaurant: Restaurant, sort: RestaurantSort) -> SortValue:
    """The first component of the sort key; ties are broken by restaurant_id ascending."""
    if sort is RestaurantSort.RATING:
        return -restaurant.restaurant_rating
    if sort is RestaurantSort.NAME:
        return restaurant.restaurant_name.casefold()
    return restaurant.delivery_time_minutes


def sort_key(restaurant: Restaurant, sort: RestaurantSort) -> tuple[SortValue, int]:
    return (sort_value(restaurant, sort), restaurant.restaurant_id)


def matches(restaurant: Restaurant, query: RestaurantQuery) -> bool:
    """The filter every adapter implements; the in-memory adapter uses it directly."""
    if restaurant.city.pincode != query.pincode:
        return False
    if query.veg_only and not restaurant.is_veg_only:
        return False
    if query.min_rating is not None and restaurant.restaurant_rating < query.min_rating:
        return False
    if query.cuisine is not None and query.cuisine.casefold() not in (
        c.casefold() for c in restaurant.cuisines
    ):
        return False
    if query.text:
        needle = query.text.casefold()
        haystacks = (
            restaurant.restaurant_name,
            restaurant.restaurant_description,
            *restaurant.cuisines,
        )
        if not any(needle in h.casefold() for h in haystacks):
            return False
    if query.after is not None:
        position = (query.after.value, query.after.restaurant_id)
        if not sort_key(restaurant, query.sort) > position:
            return False
    return True


def encode_cursor(sort: RestaurantSort, position: SearchPosition) -> str:
    raw = json.dumps([sort.value, position.value, position.restaurant_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: RestaurantSort) -> SearchPosition:
    """Raise :class:`ValidationFailed` for anything not made by :func:`encode_cursor`."""
    invalid = ValidationFailed("cursor is not valid for this search", field="cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise invalid from None
    if not (isinstance(data, list) and len(data) == 3 and data[0] == sort.value):
        raise invalid
    _, raw_value, restaurant_id = data
    value: SortValue
    if sort is RestaurantSort.NAME and isinstance(raw_value, str):
        value = raw_value
    elif sort is RestaurantSort.DELIVERY_TIME and type(raw_value) is int:
        value = raw_value
    elif sort is RestaurantSort.RATING and type(raw_value) in (int, float):
        value = float(raw_value)
    else:
        raise invalid
    if type(restaurant_id) is not int:
        raise invalid
    return SearchPosition(value, restaurant_id)
