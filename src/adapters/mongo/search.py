"""Restaurant search as a MongoDB filter: ``food_core.search.matches`` as the filter,
``sort_key`` as the sort, and the keyset position ``after`` spelled out with ``$or``.

No ``$text`` (FerretDB has no text indexes, and answers a ``$text`` query with nothing):
text search is a ``$regex`` over case-folded copies of the name, description and each
cuisine, kept in ``search_keys``. A regex against an array matches if any element
matches, so a match never spans two fields.

Dishes match too: the case-folded names of each restaurant's dishes are kept apart, in
``restaurant_dishes`` with the restaurant's PIN code (``catalog`` keeps them in step
with the menu), so a text search first asks which of the city's restaurants have a
dish matching (:func:`dish_filter`) and the restaurant filter then takes those ids too.
Not on the restaurant's document: every search reads those, and FerretDB decodes each
one whole, so a search without text would pay for its menu's names.
"""

from __future__ import annotations

import string
from collections.abc import Collection, Iterable
from typing import Any

from adapters.mongo.schema import Document
from food_core.model import Restaurant
from food_core.search import RestaurantQuery, RestaurantSort, SearchPosition

_SORT_FIELD = {
    RestaurantSort.RATING: "restaurant_rating",
    RestaurantSort.NAME: "name_key",
    RestaurantSort.DELIVERY_TIME: "delivery_time_minutes",
    RestaurantSort.COST: "cost_for_two",
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


def dish_keys(dish_names: Iterable[str]) -> list[str]:
    """The case-folded names of a restaurant's dishes, once each: what a text search
    matches (``restaurant_dishes.dish_keys``)."""
    return sorted({name.casefold() for name in dish_names})


def dish_filter(pincode: str, text: str) -> Document:
    """The city's restaurants with a dish whose name contains ``text``."""
    return {"pincode": pincode, "dish_keys": {"$regex": literal_pattern(text.casefold())}}


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


def search_filter(query: RestaurantQuery, dish_matches: Collection[int] = ()) -> Document:
    """``dish_matches``: the ids of the city's restaurants a dish of which the text
    matches (see :func:`dish_filter`)."""
    clauses: list[Document] = [{"pincode": query.pincode}]
    if query.veg_only:
        clauses.append({"is_veg_only": True})
    if query.min_rating is not None:
        clauses.append({"restaurant_rating": {"$gte": query.min_rating}})
    if query.max_cost_for_two is not None:
        clauses.append({"cost_for_two": {"$lte": query.max_cost_for_two}})
    if query.cuisine is not None:
        clauses.append({"cuisine_keys": query.cuisine.casefold()})
    if query.text:
        own: Document = {"search_keys": {"$regex": literal_pattern(query.text.casefold())}}
        if dish_matches:
            clauses.append({"$or": [own, {"_id": {"$in": list(dish_matches)}}]})
        else:
            clauses.append(own)
    if query.after is not None:
        clauses.append(_after(query.sort, query.after))
    return {"$and": clauses}


def search_sort(sort: RestaurantSort) -> list[tuple[str, int]]:
    direction = -1 if sort is RestaurantSort.RATING else 1
    return [(_SORT_FIELD[sort], direction), ("_id", 1)]
