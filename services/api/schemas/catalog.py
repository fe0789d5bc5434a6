"""Cities, restaurant search and menus."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.model import City, FoodItem, Restaurant
from food_core.search import MAX_PAGE_SIZE, RestaurantSort
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
class RestaurantsOut:
    """One page of a search; pass ``next_cursor`` back as ``cursor`` for the next one."""

    restaurants: list[RestaurantOut]
    next_cursor: str | None = f.pattern(
        CURSOR_PATTERN,
        CURSOR_MESSAGE,
        max_length=CURSOR_MAX_LENGTH,
        min_length=CURSOR_MIN_LENGTH,
        description=NEXT_CURSOR_DESCRIPTION,
    )


@frozen(kw_only=True)
class FoodItemOut:
    """A dish on a menu; ``price`` is in paise."""

    food_id: int
    restaurant_id: int
    food_name: str
    food_category: str
    description: str
    price: int
    currency: Currency
    availability: bool
    is_veg: bool


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
        description="Words in the name, description or cuisines",
    )
    cuisine: str | None = f.text(60, required=False, default=None)
    veg: bool = f.described("Vegetarian-only restaurants", default=False)
    open_now: bool = f.described("Only restaurants open now", default=False)
    min_rating: float | None = f.number(0.0, 5.0, default=None)
    sort: RestaurantSort = f.described(  # noqa: RUF009 (an attrs field specifier)
        "rating (best first), name or delivery_time", default=RestaurantSort.RATING
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


def city_out(city: City) -> CityOut:
    return CityOut(pincode=city.pincode, city_name=city.city_name)


def _restaurant_fields(restaurant: Restaurant, now: datetime) -> dict[str, object]:
    when = opening(restaurant, now)
    return {
        "restaurant_id": restaurant.restaurant_id,
        "restaurant_name": restaurant.restaurant_name,
        "restaurant_description": restaurant.restaurant_description,
        "restaurant_rating": restaurant.restaurant_rating,
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
    )


def search_page_out(page: SearchPage, now: datetime) -> RestaurantsOut:
    return RestaurantsOut(
        restaurants=[restaurant_out(r, now) for r in page.restaurants],
        next_cursor=page.next_cursor,
    )


def restaurant_detail_out(found: RestaurantMenu, now: datetime) -> RestaurantDetailOut:
    return RestaurantDetailOut(
        **_restaurant_fields(found.restaurant, now),  # type: ignore[arg-type]
        menu=[food_item_out(item) for item in found.menu],
    )
