"""Cities, restaurant search and menus."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import frozen

from food_core.model import City, FoodItem, OptionGroup, Restaurant
from food_core.search import MAX_COST_FOR_TWO, MAX_PAGE_SIZE, RestaurantSort
from food_core.usecases import RestaurantMenu, SearchPage, opening
from food_core.usecases.browsing import MAX_QUERY_LENGTH
from services.api.cursors import (
    CURSOR_DESCRIPTION,
    CURSOR_MAX_LENGTH,
    CURSOR_MIN_LENGTH,
    CURSOR_PATTERN,
    NEXT_CURSOR_DESCRIPTION,
)
from services.api.schemas import fields as f
from services.api.schemas.common import INR, Currency

PINCODE_PATTERN = r"^[1-9][0-9]{5}$"
PINCODE_MESSAGE = "must be a 6-digit Indian PIN code"
CURSOR_MESSAGE = "must be a next_cursor value from an earlier page"


@frozen(kw_only=True)
class CityOut:
    pincode: str
    city_name: str


@frozen(kw_only=True)
class CitiesOut:
    cities: list[CityOut]


@frozen(kw_only=True)
class RestaurantOut:
    """A restaurant. ``cost_for_two`` is in paise."""

    restaurant_id: int
    restaurant_name: str
    restaurant_description: str
    restaurant_rating: float
    rating_count: int  # how many customers' ratings the rating is the score of
    city: CityOut
    cuisines: list[str]
    is_veg_only: bool
    delivery_time_minutes: int
    cost_for_two: int
    currency: Currency
    open_hours: str
    is_open: bool
    opens_at: str | None  # ISO 8601 in India's time zone, when closed; else null


@frozen(kw_only=True)
class RestaurantHitOut(RestaurantOut):
    """A search result; ``matched_dishes``: the names of its dishes the text matched."""

    matched_dishes: list[str]


@frozen(kw_only=True)
class RestaurantsOut:
    """One page of a search; pass ``next_cursor`` back as ``cursor`` for the next one."""

    restaurants: list[RestaurantHitOut]
    next_cursor: str | None = f.pattern(
        CURSOR_PATTERN,
        CURSOR_MESSAGE,
        max_length=CURSOR_MAX_LENGTH,
        min_length=CURSOR_MIN_LENGTH,
        description=NEXT_CURSOR_DESCRIPTION,
    )


@frozen(kw_only=True)
class OptionOut:
    """``price_delta``: paise added to the dish's price when chosen."""

    option_id: int
    option_name: str
    price_delta: int
    availability: bool


@frozen(kw_only=True)
class OptionGroupOut:
    """Choose ``min_choices`` to ``max_choices`` of ``options`` (min 1: required)."""

    group_name: str
    min_choices: int
    max_choices: int
    options: list[OptionOut]


@frozen(kw_only=True)
class FoodItemOut:
    """A dish on a menu; ``price`` is in paise, without options."""

    food_id: int
    restaurant_id: int
    food_name: str
    food_category: str
    description: str
    price: int
    currency: Currency
    availability: bool
    is_veg: bool
    option_groups: list[OptionGroupOut]


@frozen(kw_only=True)
class RestaurantDetailOut(RestaurantOut):
    """A restaurant with its menu, ordered by category, then name."""

    menu: list[FoodItemOut]


@frozen(kw_only=True)
class SearchQuery:
    q: str | None = f.text(
        MAX_QUERY_LENGTH,
        required=False,
        default=None,
        description="Words in the name, description, cuisines or a dish's name",
    )
    cuisine: str | None = f.text(60, required=False, default=None)
    veg: bool = f.described("Vegetarian-only restaurants", default=False)
    open_now: bool = f.described("Only restaurants open now", default=False)
    min_rating: float | None = f.number(0.0, 5.0, default=None)
    max_cost_for_two: int | None = f.integer(
        0, MAX_COST_FOR_TWO, default=None, description="At most this cost for two, in paise"
    )
    sort: RestaurantSort = f.described(  # noqa: RUF009 (an attrs field specifier)
        "rating (best first), name, delivery_time (fastest first) or cost (cheapest first)",
        default=RestaurantSort.RATING,
    )
    limit: int = f.integer(1, MAX_PAGE_SIZE, default=20)
    cursor: str | None = f.pattern(
        CURSOR_PATTERN,
        CURSOR_MESSAGE,
        max_length=CURSOR_MAX_LENGTH,
        min_length=CURSOR_MIN_LENGTH,
        description=CURSOR_DESCRIPTION,
        default=None,
    )


def needs_choice(item: Mapping[str, Any]) -> bool:
    """Has this menu item (a ``FoodItemOut`` as JSON) a required option group?"""
    return any(group["min_choices"] for group in item["option_groups"])


def plainly_orderable(item: Mapping[str, Any]) -> bool:
    """Can a client add this menu item with ``setCartItem``, choosing no options?"""
    return bool(item["availability"]) and not needs_choice(item)


def city_out(city: City) -> CityOut:
    return CityOut(pincode=city.pincode, city_name=city.city_name)


def _restaurant_fields(restaurant: Restaurant, now: datetime) -> dict[str, object]:
    when = opening(restaurant, now)
    return {
        "restaurant_id": restaurant.restaurant_id,
        "restaurant_name": restaurant.restaurant_name,
        "restaurant_description": restaurant.restaurant_description,
        "restaurant_rating": restaurant.restaurant_rating,
        "rating_count": restaurant.rating_count,
        "city": city_out(restaurant.city),
        "cuisines": list(restaurant.cuisines),
        "is_veg_only": restaurant.is_veg_only,
        "delivery_time_minutes": restaurant.delivery_time_minutes,
        "cost_for_two": restaurant.cost_for_two,
        "currency": INR,
        "open_hours": restaurant.open_hours.text,
        "is_open": when.is_open,
        "opens_at": None if when.opens_at is None else when.opens_at.isoformat(),
    }


def restaurant_out(restaurant: Restaurant, now: datetime) -> RestaurantOut:
    return RestaurantOut(**_restaurant_fields(restaurant, now))  # type: ignore[arg-type]


def option_group_out(group: OptionGroup) -> OptionGroupOut:
    return OptionGroupOut(
        group_name=group.group_name,
        min_choices=group.min_choices,
        max_choices=group.max_choices,
        options=[
            OptionOut(
                option_id=o.option_id,
                option_name=o.option_name,
                price_delta=o.price_delta,
                availability=o.availability,
            )
            for o in group.options
        ],
    )


def food_item_out(item: FoodItem) -> FoodItemOut:
    return FoodItemOut(
        food_id=item.food_id,
        restaurant_id=item.restaurant_id,
        food_name=item.food_name,
        food_category=item.food_category,
        description=item.description,
        price=item.price,
        currency=INR,
        availability=item.availability,
        is_veg=item.is_veg,
        option_groups=[option_group_out(group) for group in item.option_groups],
    )


def search_page_out(page: SearchPage, now: datetime) -> RestaurantsOut:
    return RestaurantsOut(
        restaurants=[
            RestaurantHitOut(
                **_restaurant_fields(r, now),  # type: ignore[arg-type]
                matched_dishes=page.matched_dishes.get(r.restaurant_id, []),
            )
            for r in page.restaurants
        ],
        next_cursor=page.next_cursor,
    )


def restaurant_detail_out(found: RestaurantMenu, now: datetime) -> RestaurantDetailOut:
    return RestaurantDetailOut(
        **_restaurant_fields(found.restaurant, now),  # type: ignore[arg-type]
        menu=[food_item_out(item) for item in found.menu],
    )
