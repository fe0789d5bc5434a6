"""Restaurant search as a MongoDB filter: ``food_core.search.matches`` as the filter,
``sort_key`` as the sort, and the keyset position ``after`` spelled out with ``$or``.

No ``$text`` (FerretDB has no text indexes, and answers a ``$text`` query with nothing):
text search is a ``$regex`` over case-folded copies of the name, description and each
cuisine, kept in ``search_keys``. A regex against an array matches if any element
matches, so a match never spans two fields.
"""

from __future__ import annotations

import string
from typing import Any

from adapters.mongo.schema import Document
from food_core.model import Restaurant
from food_core.search import RestaurantQuery, RestaurantSort, SearchPosition

_SORT_FIELD = {
    RestaurantSort.RATING: "restaurant_rating",
    RestaurantSort.NAME: "name_key",
    RestaurantSort.DELIVERY_TIME: "delivery_time_minutes",
}
_PUNCTUATION = frozenset(string.punctuation)


def search_fields(restaurant: Restaurant) -> Document:
    """The query-only fields stored beside a restaurant's own."""
    cuisines = [c.casefold() for c in restaurant.cuisines]
    return {
        "pincode": restaurant.city.pincode,
        "name_key": restaurant.restaurant_name.casefold(),
        "cuisine_keys": cuisines,
        "search_keys": [
            restaurant.restaurant_name.casefold(),
            restaurant.restaurant_description.casefold(),
            *cuisines,
        ],
    }


def literal_pattern(text: str) -> str:
    """A regex matching ``text`` literally, on MongoDB (PCRE) and FerretDB (Go RE2) alike.

    ``re.escape`` does not do: it escapes whitespace too, and RE2 rejects ``\\`` before
    a space. Both engines read a backslash before ASCII punctuation as that character.
    """
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)


def _after(sort: RestaurantSort, position: SearchPosition) -> Document:
    """(sort value, id) > position. Rating's sort value is the negated rating, so
    "after" means a lower rating, or the same rating and a higher id."""
    value: Any = position.value
    field = _SORT_FIELD[sort]
    if sort is RestaurantSort.RATING:
        rating = -value
        return {
            "$or": [
                {field: {"$lt": rating}},
                {field: rating, "_id": {"$gt": position.restaurant_id}},
            ]
        }
    return {
        "$or": [{field: {"$gt": value}}, {field: value, "_id": {"$gt": position.restaurant_id}}]
    }


def search_filter(query: RestaurantQuery) -> Document:
    clauses: list[Document] = [{"pincode": query.pincode}]
    if query.veg_only:
        clauses.append({"is_veg_only": True})
    if query.min_rating is not None:
        clauses.append({"restaurant_rating": {"$gte": query.min_rating}})
    if query.cuisine is not None:
        clauses.append({"cuisine_keys": query.cuisine.casefold()})
    if query.text:
        clauses.append({"search_keys": {"$regex": literal_pattern(query.text.casefold())}})
    if query.after is not None:
        clauses.append(_after(query.sort, query.after))
    return {"$and": clauses}


def search_sort(sort: RestaurantSort) -> list[tuple[str, int]]:
    direction = -1 if sort is RestaurantSort.RATING else 1
    return [(_SORT_FIELD[sort], direction), ("_id", 1)]
