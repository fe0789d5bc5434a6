"""Restaurant search as SQL: ``food_core.search.matches`` as a WHERE clause, ``sort_key``
as ORDER BY, and the keyset position ``after`` as a row-value comparison spelled out.

Text and cuisine matching compare case-folded copies written next to the originals
(Python's ``str.casefold``, so the database never has to fold case itself). The text
matches a restaurant's dishes too: an EXISTS on ``food_items`` by the restaurant's id
(``ix_food_items_by_name_key``: restaurant id, then the folded name), evaluated only for
the city's restaurants the other conditions leave.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from adapters.sql.tables import food_items, restaurant_cuisines, restaurants
from food_core.search import RestaurantQuery, RestaurantSort, SearchPosition

_r = restaurants.c
_rc = restaurant_cuisines.c
_f = food_items.c


def _has_cuisine(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    return sa.exists().where(_rc.restaurant_id == _r.restaurant_id, condition)


def _contains(column: sa.ColumnElement[str], text: str) -> sa.ColumnElement[bool]:
    # autoescape: % and _ in the needle are literal, as in a substring test.
    return column.contains(text.casefold(), autoescape=True)


def _text_matches(text: str) -> sa.ColumnElement[bool]:
    return sa.or_(
        _contains(_r.name_key, text),
        _contains(_r.description_key, text),
        _has_cuisine(_contains(_rc.cuisine_key, text)),
        sa.exists().where(_f.restaurant_id == _r.restaurant_id, _contains(_f.name_key, text)),
    )


def _sort_column(sort: RestaurantSort) -> sa.ColumnElement[object]:
    if sort is RestaurantSort.RATING:
        return _r.restaurant_rating
    if sort is RestaurantSort.NAME:
        return _r.name_key
    if sort is RestaurantSort.COST:
        return _r.cost_for_two
    return _r.delivery_time_minutes


def _after(sort: RestaurantSort, position: SearchPosition) -> sa.ColumnElement[bool]:
    """(sort value, id) > position. Rating's sort value is the negated rating, so
    "after" means a lower rating, or the same rating and a higher id."""
    value, last_id = position.value, position.restaurant_id
    column = _sort_column(sort)
    if sort is RestaurantSort.RATING:
        assert not isinstance(value, str)
        rating = -value
        return sa.or_(column < rating, sa.and_(column == rating, _r.restaurant_id > last_id))
    return sa.or_(column > value, sa.and_(column == value, _r.restaurant_id > last_id))


def restaurant_search(query: RestaurantQuery) -> sa.Select[*tuple[Any, ...]]:
    """One page of matching restaurant rows, in order."""
    conditions: list[sa.ColumnElement[bool]] = [_r.city_pincode == query.pincode]
    if query.veg_only:
        conditions.append(_r.is_veg_only.is_(True))
    if query.min_rating is not None:
        conditions.append(_r.restaurant_rating >= query.min_rating)
    if query.max_cost_for_two is not None:
        conditions.append(_r.cost_for_two <= query.max_cost_for_two)
    if query.cuisine is not None:
        conditions.append(_has_cuisine(_rc.cuisine_key == query.cuisine.casefold()))
    if query.text:
        conditions.append(_text_matches(query.text))
    if query.after is not None:
        conditions.append(_after(query.sort, query.after))
    column = _sort_column(query.sort)
    first = column.desc() if query.sort is RestaurantSort.RATING else column.asc()
    return (
        sa.select(restaurants)
        .where(*conditions)
        .order_by(first, _r.restaurant_id.asc())
        .limit(query.limit)
    )


def dishes_matching(restaurant_ids: list[int], text: str) -> sa.Select[tuple[int, str]]:
    """The dishes of those restaurants whose names contain ``text``, by restaurant and in
    menu order (``ix_food_items_by_name_key`` finds each restaurant's)."""
    return (
        sa.select(_f.restaurant_id, _f.food_name)
        .where(_f.restaurant_id.in_(restaurant_ids), _contains(_f.name_key, text))
        .order_by(_f.restaurant_id, _f.food_category, _f.food_name, _f.food_id)
    )
