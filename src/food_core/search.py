"""Restaurant search: the query value, sort orders and the opaque pagination cursor.

Pagination is keyset-based: a page ends at a *position* (the sort value and the
restaurant id of its last row) and the next page starts strictly after it. Every adapter
orders by :func:`sort_key`, so pages never skip or repeat a restaurant.

A cursor comes back from the client, so it is hostile input: :func:`decode_cursor` accepts
only what :func:`encode_cursor` could have made — the sort it was made for, a finite sort
value inside its column's range, an id in 1..2^53−1 — and :class:`RestaurantQuery` refuses
any other position, so no adapter is ever asked to bind a value its store cannot hold
(an overflowing integer, a NaN, a NUL in text). The API signs cursors on top of this.
"""

from __future__ import annotations

import base64
import binascii
import enum
import json
from collections.abc import Iterable

from attrs import field, frozen, validators

from food_core.errors import ValidationFailed
from food_core.model.catalog import Restaurant

MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 20
MAX_RESTAURANT_ID = (1 << 53) - 1  # ids stay exact in JavaScript (docs/design.md §3)
MAX_DELIVERY_TIME_MINUTES = (1 << 31) - 1  # the column is a 32-bit integer
MAX_COST_FOR_TWO = (1 << 53) - 1  # paise; exact in JavaScript
MAX_RATING = 5.0
MAX_NAME_KEY_LENGTH = 300  # characters of a case-folded name in a cursor


class RestaurantSort(enum.StrEnum):
    RATING = "rating"  # best rated first
    NAME = "name"  # A → Z, case-insensitive
    DELIVERY_TIME = "delivery_time"  # fastest first
    COST = "cost"  # lowest cost for two first


SortValue = float | str | int


@frozen
class SearchPosition:
    """Where a page ended: its last restaurant's sort value and id."""

    value: SortValue
    restaurant_id: int


def position_is_valid(sort: RestaurantSort, position: SearchPosition) -> bool:
    """Could ``position`` be where a page sorted by ``sort`` ended? Its id is an id, and
    its value has the sort value's type and lies in its column's range."""
    restaurant_id, value = position.restaurant_id, position.value
    if type(restaurant_id) is not int or not 1 <= restaurant_id <= MAX_RESTAURANT_ID:
        return False
    if sort is RestaurantSort.RATING:  # the negated rating; NaN and ±inf fail the range
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return -MAX_RATING <= value <= 0.0
    if sort is RestaurantSort.DELIVERY_TIME:
        return type(value) is int and 1 <= value <= MAX_DELIVERY_TIME_MINUTES
    if sort is RestaurantSort.COST:
        return type(value) is int and 0 <= value <= MAX_COST_FOR_TWO
    return type(value) is str and _is_storable_text(value)


def _is_storable_text(text: str) -> bool:
    """Text every store can bind: no NUL (PostgreSQL text cannot hold one), no lone
    surrogate (not UTF-8), and bounded."""
    if len(text) > MAX_NAME_KEY_LENGTH or "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_after(query: RestaurantQuery, _attribute: object, after: SearchPosition | None) -> None:
    if after is not None and not position_is_valid(query.sort, after):
        raise ValidationFailed("cursor is not valid for this search", field="cursor")


@frozen
class RestaurantQuery:
    pincode: str
    text: str | None = None
    cuisine: str | None = None
    veg_only: bool = False
    min_rating: float | None = None
    max_cost_for_two: int | None = field(
        default=None,
        validator=validators.optional([validators.ge(0), validators.le(MAX_COST_FOR_TWO)]),
    )
    sort: RestaurantSort = RestaurantSort.RATING
    # One more than a page, so the caller can tell whether another page follows.
    limit: int = field(
        default=DEFAULT_PAGE_SIZE, validator=[validators.ge(1), validators.le(MAX_PAGE_SIZE + 1)]
    )
    after: SearchPosition | None = field(default=None, validator=_check_after)


def sort_value(restaurant: Restaurant, sort: RestaurantSort) -> SortValue:
    """The first component of the sort key; ties are broken by restaurant_id ascending."""
    if sort is RestaurantSort.RATING:
        return -restaurant.restaurant_rating
    if sort is RestaurantSort.NAME:
        return restaurant.restaurant_name.casefold()
    if sort is RestaurantSort.COST:
        return restaurant.cost_for_two
    return restaurant.delivery_time_minutes


def sort_key(restaurant: Restaurant, sort: RestaurantSort) -> tuple[SortValue, int]:
    return (sort_value(restaurant, sort), restaurant.restaurant_id)


def dish_matches(dish_name: str, text: str) -> bool:
    """Does a dish's name contain the search text (case-folded)?"""
    return text.casefold() in dish_name.casefold()


def matches(restaurant: Restaurant, query: RestaurantQuery, dish_names: Iterable[str] = ()) -> bool:
    """The filter every adapter implements; the in-memory adapter uses it directly.
    ``dish_names``: the restaurant's menu, which the text may match too."""
    if restaurant.city.pincode != query.pincode:
        return False
    if query.veg_only and not restaurant.is_veg_only:
        return False
    if query.min_rating is not None and restaurant.restaurant_rating < query.min_rating:
        return False
    if query.max_cost_for_two is not None and restaurant.cost_for_two > query.max_cost_for_two:
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
        if not any(needle in h.casefold() for h in haystacks) and not any(
            dish_matches(name, query.text) for name in dish_names
        ):
            return False
    if query.after is not None:
        position = (query.after.value, query.after.restaurant_id)
        if not sort_key(restaurant, query.sort) > position:
            return False
    return True


def encode_cursor(sort: RestaurantSort, position: SearchPosition) -> str:
    raw = json.dumps(
        [sort.value, position.value, position.restaurant_id],
        separators=(",", ":"),
        ensure_ascii=False,  # UTF-8: shorter than escapes for most non-ASCII names
        allow_nan=False,
    )
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _no_constants(name: str) -> object:
    raise ValueError(f"{name} is not a number a cursor can hold")


def decode_cursor(cursor: str, sort: RestaurantSort) -> SearchPosition:
    """Raise :class:`ValidationFailed` (naming ``cursor``) for anything
    :func:`encode_cursor` could not have made for a page sorted by ``sort``."""
    invalid = ValidationFailed("cursor is not valid for this search", field="cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(
            base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"),
            parse_constant=_no_constants,  # NaN, Infinity, -Infinity
        )
    except (ValueError, UnicodeError, binascii.Error, RecursionError):
        raise invalid from None
    if not (isinstance(data, list) and len(data) == 3 and data[0] == sort.value):
        raise invalid
    _, value, restaurant_id = data
    position = SearchPosition(value, restaurant_id)
    if not position_is_valid(sort, position):
        raise invalid
    return position
