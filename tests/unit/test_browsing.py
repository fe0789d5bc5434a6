from __future__ import annotations

import pytest

from food_core.errors import NotFound, ValidationFailed
from food_core.search import RestaurantSort
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
