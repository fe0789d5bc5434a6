"""Cities, restaurant search and menus."""

from __future__ import annotations

from datetime import datetime

from attrs import evolve, field, frozen

from food_core.errors import NotFound, ValidationFailed
from food_core.model import City, FoodItem, Restaurant
from food_core.rules import check_pincode
from food_core.search import (
    MAX_COST_FOR_TWO,
    MAX_PAGE_SIZE,
    RestaurantQuery,
    RestaurantSort,
    SearchPosition,
    decode_cursor,
    encode_cursor,
    sort_value,
)
from food_core.usecases.context import Ports

MAX_QUERY_LENGTH = 100
_OPEN_NOW_PAGES = 10  # store pages an open-now search reads at most for one page


@frozen
class SearchPage:
    restaurants: list[Restaurant]
    next_cursor: str | None
    # For a text search: the names of each restaurant's dishes the text matched.
    matched_dishes: dict[int, list[str]] = field(factory=dict)


@frozen
class RestaurantMenu:
    restaurant: Restaurant
    menu: list[FoodItem]


def list_cities(ports: Ports) -> list[City]:
    return ports.catalog.list_cities()


def search_restaurants(
    ports: Ports,
    *,
    pincode: str,
    text: str | None = None,
    cuisine: str | None = None,
    veg_only: bool = False,
    min_rating: float | None = None,
    max_cost_for_two: int | None = None,
    sort: RestaurantSort = RestaurantSort.RATING,
    limit: int = 20,
    cursor: str | None = None,
    open_at: datetime | None = None,
) -> SearchPage:
    """``open_at``: only restaurants open at that time (``open_now`` in the API). ``text``
    matches a restaurant's name, description or cuisines, or one of its dishes' names
    (which the page names); ``max_cost_for_two`` is in paise."""
    check_pincode(pincode)
    if ports.catalog.get_city(pincode) is None:
        raise NotFound(f"no city with PIN code {pincode}", field="pincode")
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationFailed(f"limit must be between 1 and {MAX_PAGE_SIZE}", field="limit")
    if min_rating is not None and not 0.0 <= min_rating <= 5.0:
        raise ValidationFailed("min_rating must be between 0 and 5", field="min_rating")
    if max_cost_for_two is not None and not 0 <= max_cost_for_two <= MAX_COST_FOR_TWO:
        raise ValidationFailed(
            "max_cost_for_two must be a whole number of paise, 0 or more", field="max_cost_for_two"
        )
    text = " ".join(text.split()) if text else None
    if text is not None and len(text) > MAX_QUERY_LENGTH:
        raise ValidationFailed(f"q must be at most {MAX_QUERY_LENGTH} characters", field="q")
    query = RestaurantQuery(
        pincode=pincode,
        text=text or None,
        cuisine=(cuisine.strip() or None) if cuisine else None,
        veg_only=veg_only,
        min_rating=min_rating,
        max_cost_for_two=max_cost_for_two,
        sort=sort,
        limit=limit + 1,  # one extra row tells whether another page exists
        after=decode_cursor(cursor, sort) if cursor else None,
    )
    if open_at is None:
        found = ports.catalog.search_restaurants(query)
        page, more = found[:limit], len(found) > limit
        result = SearchPage(page, _cursor_after(page[-1], sort) if more and page else None)
    else:
        result = _open_page(ports, query, limit, open_at)
    if query.text is None or not result.restaurants:
        return result
    ids = [restaurant.restaurant_id for restaurant in result.restaurants]
    return evolve(result, matched_dishes=ports.catalog.dishes_matching(ids, query.text))


def _cursor_after(last: Restaurant, sort: RestaurantSort) -> str:
    return encode_cursor(sort, SearchPosition(sort_value(last, sort), last.restaurant_id))


def _open_page(ports: Ports, query: RestaurantQuery, limit: int, at: datetime) -> SearchPage:
    """Only restaurants open at ``at``: open hours are no column a store can filter on,
    so pages are read in turn (a bounded number) and filtered here; the cursor names the
    last restaurant looked at, open or not."""
    page: list[Restaurant] = []
    for _ in range(_OPEN_NOW_PAGES):
        found = ports.catalog.search_restaurants(query)
        for position, restaurant in enumerate(found[:limit]):
            if restaurant.open_hours.is_open(at):
                page.append(restaurant)
                if len(page) == limit:
                    more = position + 1 < len(found)
                    next_cursor = _cursor_after(restaurant, query.sort) if more else None
                    return SearchPage(page, next_cursor)
        if len(found) <= limit:
            return SearchPage(page, None)
        last = found[limit - 1]
        query = evolve(
            query, after=SearchPosition(sort_value(last, query.sort), last.restaurant_id)
        )
    assert query.after is not None
    return SearchPage(page, encode_cursor(query.sort, query.after))


def restaurant_menu(ports: Ports, restaurant_id: int) -> RestaurantMenu:
    restaurant = ports.catalog.get_restaurant(restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {restaurant_id} not found", field="restaurant_id")
    return RestaurantMenu(restaurant, ports.catalog.menu(restaurant_id))
