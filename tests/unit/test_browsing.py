from __future__ import annotations

import base64

import pytest

from food_core.errors import NotFound, ValidationFailed
from food_core.search import (
    MAX_DELIVERY_TIME_MINUTES,
    MAX_NAME_KEY_LENGTH,
    MAX_RESTAURANT_ID,
    RestaurantQuery,
    RestaurantSort,
    SearchPosition,
    decode_cursor,
    encode_cursor,
)
from food_core.usecases import list_cities, restaurant_menu, search_restaurants
from tests.builders import BENGALURU, World


def test_cities_are_listed_by_name(world: World) -> None:
    assert [c.city_name for c in list_cities(world.ports)] == ["Bengaluru", "Mumbai"]


def test_search_is_case_insensitive_over_name_description_and_cuisine(world: World) -> None:
    def names(text: str) -> list[str]:
        page = search_restaurants(world.ports, pincode="560001", text=text)
        return [r.restaurant_name for r in page.restaurants]

    assert names("DOSA") == ["Dosa Corner"]
    assert names("wood-fired") == ["Slice of Bandra"]
    assert names("italian") == ["Slice of Bandra"]
    assert names("sushi") == []


def test_search_filters_by_cuisine_veg_and_rating(world: World) -> None:
    def ids(**filters: object) -> list[int]:
        page = search_restaurants(world.ports, pincode="560001", **filters)  # type: ignore[arg-type]
        return [r.restaurant_id for r in page.restaurants]

    assert ids(cuisine="pizza") == [2]
    assert ids(veg_only=True) == [1]
    assert ids(min_rating=4.2) == [1]
    assert ids() == [1, 2]  # best rated first


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (RestaurantSort.NAME, [1, 2]),
        (RestaurantSort.DELIVERY_TIME, [1, 2]),
        (RestaurantSort.RATING, [1, 2]),
    ],
)
def test_search_sorts(world: World, sort: RestaurantSort, expected: list[int]) -> None:
    page = search_restaurants(world.ports, pincode="560001", sort=sort)
    assert [r.restaurant_id for r in page.restaurants] == expected


def test_pages_follow_the_cursor_without_gaps_or_repeats(world: World) -> None:
    from attrs import evolve

    for n in range(3, 30):
        world.ports.catalog.add_restaurant(
            evolve(world.dosa, restaurant_id=n, restaurant_rating=round(3 + (n % 7) / 5, 1))
        )
    for sort in RestaurantSort:
        seen: list[int] = []
        cursor = None
        while True:
            page = search_restaurants(
                world.ports, pincode="560001", sort=sort, limit=4, cursor=cursor
            )
            seen.extend(r.restaurant_id for r in page.restaurants)
            cursor = page.next_cursor
            if cursor is None:
                break
        assert sorted(seen) == list(range(1, 30))
        assert len(seen) == len(set(seen))


def test_a_cursor_from_another_sort_is_rejected(world: World) -> None:
    from attrs import evolve

    for n in range(3, 8):
        world.ports.catalog.add_restaurant(evolve(world.dosa, restaurant_id=n))
    page = search_restaurants(world.ports, pincode="560001", limit=2)
    assert page.next_cursor is not None
    with pytest.raises(ValidationFailed) as error:
        search_restaurants(
            world.ports, pincode="560001", sort=RestaurantSort.NAME, cursor=page.next_cursor
        )
    assert error.value.field == "cursor"


@pytest.mark.parametrize("cursor", ["garbage", "W10", "!!!"])
def test_a_forged_cursor_is_rejected(world: World, cursor: str) -> None:
    with pytest.raises(ValidationFailed):
        search_restaurants(world.ports, pincode="560001", cursor=cursor)


@pytest.mark.parametrize(("field", "value"), [("limit", 0), ("limit", 51), ("min_rating", 6.0)])
def test_search_bounds_are_checked(world: World, field: str, value: object) -> None:
    with pytest.raises(ValidationFailed) as error:
        search_restaurants(world.ports, pincode="560001", **{field: value})  # type: ignore[arg-type]
    assert error.value.field == field


def test_searching_an_unknown_city_is_not_found(world: World) -> None:
    with pytest.raises(NotFound):
        search_restaurants(world.ports, pincode="999999")
    assert BENGALURU.pincode == "560001"


def test_the_menu_lists_items_by_category(world: World) -> None:
    menu = restaurant_menu(world.ports, 1)
    assert [i.food_category for i in menu.menu] == ["Beverages", "Dosa", "Dosa", "Tiffin"]
    with pytest.raises(NotFound):
        restaurant_menu(world.ports, 404)


def _raw_cursor(text: str) -> str:
    """A cursor as a client could forge one: base64url of any JSON text."""
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("sort", "payload"),
    [
        # The three the review reproduced as 500s: an id past any integer column, a
        # delivery time past the 32-bit column, a NaN.
        (RestaurantSort.RATING, '["rating",-4.5,100000000000000000000000]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",100000000000000000000000,1]'),
        (RestaurantSort.RATING, '["rating",-4.5,1e23]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",1e23,1]'),
        (RestaurantSort.RATING, '["rating",NaN,1]'),
        (RestaurantSort.RATING, '["rating",-Infinity,1]'),
        (RestaurantSort.RATING, '["rating",-1e400,1]'),  # parses to -inf
        (RestaurantSort.RATING, '["rating",-5.5,1]'),  # ratings are 0..5, negated
        (RestaurantSort.RATING, '["rating",0.5,1]'),
        (RestaurantSort.RATING, '["rating",-' + "9" * 500 + ",1]"),
        (RestaurantSort.RATING, '["rating",true,1]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",2147483648,1]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",0,1]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30.5,1]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30,0]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30,-1]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30,9007199254740992]'),  # 2^53
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30,1.0]'),
        (RestaurantSort.DELIVERY_TIME, '["delivery_time",30,true]'),
        (RestaurantSort.NAME, '["name","dosa\\u0000",1]'),  # PostgreSQL text holds no NUL
        (RestaurantSort.NAME, '["name","\\ud800",1]'),  # a lone surrogate is not UTF-8
        (RestaurantSort.NAME, '["name","' + "a" * 301 + '",1]'),
        (RestaurantSort.NAME, '["name",7,1]'),
        (RestaurantSort.NAME, '["rating",-4.5,1]'),  # made for another sort
        (RestaurantSort.NAME, '["name","dosa",1,2]'),
        (RestaurantSort.NAME, "[" * 100_000),  # too deep to parse
        (RestaurantSort.NAME, '{"name":"dosa"}'),
    ],
)
def test_a_tampered_cursor_is_a_validation_error_naming_the_cursor(
    world: World, sort: RestaurantSort, payload: str
) -> None:
    with pytest.raises(ValidationFailed) as error:
        search_restaurants(world.ports, pincode="560001", sort=sort, cursor=_raw_cursor(payload))
    assert error.value.field == "cursor"


def test_a_cursor_that_is_not_utf8_is_rejected(world: World) -> None:
    cursor = base64.urlsafe_b64encode(b'["name","\xff",1]').decode().rstrip("=")
    with pytest.raises(ValidationFailed) as error:
        search_restaurants(world.ports, pincode="560001", sort=RestaurantSort.NAME, cursor=cursor)
    assert error.value.field == "cursor"


@pytest.mark.parametrize(
    ("sort", "position"),
    [
        (RestaurantSort.RATING, SearchPosition(-5.0, 1)),
        (RestaurantSort.RATING, SearchPosition(0.0, MAX_RESTAURANT_ID)),
        (RestaurantSort.DELIVERY_TIME, SearchPosition(MAX_DELIVERY_TIME_MINUTES, 1)),
        (RestaurantSort.NAME, SearchPosition("\U0010ffff" * MAX_NAME_KEY_LENGTH, 1)),
    ],
)
def test_cursors_at_the_edges_of_their_range_round_trip(
    world: World, sort: RestaurantSort, position: SearchPosition
) -> None:
    assert decode_cursor(encode_cursor(sort, position), sort) == position
    page = search_restaurants(
        world.ports, pincode="560001", sort=sort, cursor=encode_cursor(sort, position)
    )
    assert page.next_cursor is None


@pytest.mark.parametrize(
    ("sort", "position"),
    [
        (RestaurantSort.RATING, SearchPosition(float("nan"), 1)),
        (RestaurantSort.RATING, SearchPosition(-4.5, 10**23)),
        (RestaurantSort.DELIVERY_TIME, SearchPosition(10**23, 1)),
        (RestaurantSort.NAME, SearchPosition("a\x00", 1)),
        (RestaurantSort.NAME, SearchPosition(-4.5, 1)),
    ],
)
def test_a_query_never_carries_a_position_outside_its_sorts_range(
    sort: RestaurantSort, position: SearchPosition
) -> None:
    # Library callers build queries themselves: the query refuses what no store can bind.
    with pytest.raises(ValidationFailed) as error:
        RestaurantQuery("560001", sort=sort, after=position)
    assert error.value.field == "cursor"
