"""Cities, restaurant search and menus."""

from __future__ import annotations

from attrs import frozen

from food_core.errors import NotFound, ValidationFailed
from food_core.model import City, FoodItem, Restaurant
from food_core.rules import check_pincode
from food_core.search import (
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


@frozen
class SearchPage:
    restaurants: list[Restaurant]
    next_cursor: str | None


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
    sort: RestaurantSort = RestaurantSort.RATING,
    limit: int = 20,
    cursor: str | None = None,
) -> SearchPage:
    check_pincode(pincode)
    if ports.catalog.get_city(pincode) is None:
        raise NotFound(f"no city with PIN code {pincode}", field="pincode")
    if not 1 <= limit <= MAX_PAGE_SIZE:
        raise ValidationFailed(f"limit must be between 1 and {MAX_PAGE_SIZE}", field="limit")
    if min_rating is not None and not 0.0 <= min_rating <= 5.0:
        raise ValidationFailed("min_rating must be between 0 and 5", field="min_rating")
    text = " ".join(text.split()) if text else None
    if text is not None and len(text) > MAX_QUERY_LENGTH:
        raise ValidationFailed(f"q must be at most {MAX_QUERY_LENGTH} characters", field="q")
    query = RestaurantQuery(
        pincode=pincode,
        text=text or None,
        cuisine=(cuisine.strip() or None) if cuisine else None,
        veg_only=veg_only,
        min_rating=min_rating,
        sort=sort,
        limit=limit + 1,  # one extra row tells whether another page exists
        after=decode_cursor(cursor, sort) if cursor else None,
    )
    found = ports.catalog.search_restaurants(query)
    page = found[:limit]
    more = len(found) > limit
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = encode_cursor(
            sort, SearchPosition(sort_value(last, sort), last.restaurant_id)
        )
    return SearchPage(page, next_cursor)


def restaurant_menu(ports: Ports, restaurant_id: int) -> RestaurantMenu:
    restaurant = ports.catalog.get_restaurant(restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {restaurant_id} not found", field="restaurant_id")
    return RestaurantMenu(restaurant, ports.catalog.menu(restaurant_id))
