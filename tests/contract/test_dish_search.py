"""Dish search on every store: a restaurant search's text matches its dishes' names too
(``search.matches`` with the menu), ``dishes_matching`` names the dishes matched in menu
order, and the menu's names follow every write of the items; the ``max_cost_for_two``
filter and the cost sort with its pages."""

from __future__ import annotations

import pytest
from attrs import evolve

from adapters.stores import Store
from food_core.model import FoodItem, Restaurant
from food_core.search import RestaurantQuery, RestaurantSort, SearchPosition, sort_value
from tests.contract.builders import BENGALURU, MUMBAI, Maker

PIN = BENGALURU.pincode


def _ids(restaurants: list[Restaurant]) -> list[int]:
    return [r.restaurant_id for r in restaurants]


def _search(store: Store, text: str, **options: object) -> list[int]:
    query = RestaurantQuery(PIN, text=text, **options)  # type: ignore[arg-type]
    return _ids(store.catalog.search_restaurants(query))


def _add(store: Store, *restaurants: Restaurant) -> None:
    for restaurant in restaurants:
        store.catalog.add_restaurant(restaurant)


def _dishes(make: Maker, restaurant: Restaurant, *names: str, **changes: object) -> list[FoodItem]:
    return [make.food_item(restaurant.restaurant_id, food_name=n, **changes) for n in names]


@pytest.fixture
def menus(store: Store, make: Maker) -> dict[str, Restaurant]:
    """Restaurants whose own name, description and cuisines never name their dishes."""
    places = {
        "dosa": make.restaurant(restaurant_name="Udupi Upahar", restaurant_description="Tiffin"),
        "grill": make.restaurant(
            restaurant_name="Fire & Smoke",
            restaurant_description="Grills",
            cuisines=("BBQ",),
            is_veg_only=False,
        ),
        "odd": make.restaurant(
            restaurant_name="Odd Bits", restaurant_description="Fusion", cuisines=("Fusion",)
        ),
        "bombay": make.restaurant(
            restaurant_name="Bombay Canteen", restaurant_description="Mumbai", city=MUMBAI
        ),
        "empty": make.restaurant(restaurant_name="Menu Coming Soon", restaurant_description="-"),
    }
    _add(store, *places.values())
    items = [
        *_dishes(make, places["dosa"], "Masala Dosa", "Rava Idli", "Filter Coffee"),
        make.food_item(
            places["dosa"].restaurant_id, food_name="Ghee Roast Dosa", availability=False
        ),
        *_dishes(make, places["grill"], "Tandoori Chicken", "Paneer Tikka", food_category="Grill"),
        make.food_item(
            places["grill"].restaurant_id, food_name="Masala Chaas", food_category="Drinks"
        ),
        *_dishes(
            make,
            places["odd"],
            "100% Ragi (.*) Mudde",
            "Straße Momos",
            "ÉCLAIR au café",
            "Kothu_Parotta",
            "[Chef's] Special + Rice?",
            "Back\\slash Bun",
            "Dal/Rice Combo",
            food_category="Specials",
        ),
        *_dishes(make, places["bombay"], "Masala Dosa", "Vada Pav"),
    ]
    store.catalog.add_food_items(items)
    return places


def test_a_dish_name_finds_its_restaurant_in_the_city_only(
    store: Store, menus: dict[str, Restaurant]
) -> None:
    assert _search(store, "vada pav") == []  # Mumbai's dish
    found = store.catalog.search_restaurants(RestaurantQuery(MUMBAI.pincode, text="vada pav"))
    assert _ids(found) == [menus["bombay"].restaurant_id]
    assert _search(store, "tikka") == [menus["grill"].restaurant_id]
    # An unavailable dish is still on the menu, and found.
    assert _search(store, "ghee roast") == [menus["dosa"].restaurant_id]
    by_name = _search(store, "masala", sort=RestaurantSort.NAME)
    assert by_name == [menus["grill"].restaurant_id, menus["dosa"].restaurant_id]


def test_the_restaurant_and_its_dishes_match_alike(
    store: Store, make: Maker, menus: dict[str, Restaurant]
) -> None:
    named = make.restaurant(restaurant_name="The Tikka Place", restaurant_description="-")
    _add(store, named)
    ids = _search(store, "TIKKA", sort=RestaurantSort.NAME)
    assert ids == [menus["grill"].restaurant_id, named.restaurant_id]
    # The other filters still hold for restaurants found by a dish.
    assert _search(store, "tikka", veg_only=True) == [named.restaurant_id]


CASES = {
    "any case": ("TANDOORI", "grill", ["Tandoori Chicken"]),
    "ß folds to ss": ("STRASSE", "odd", ["Straße Momos"]),
    "accents fold": ("éclair AU CAFÉ", "odd", ["ÉCLAIR au café"]),
    "% is literal": ("100%", "odd", ["100% Ragi (.*) Mudde"]),
    "regex characters are literal": ("(.*)", "odd", ["100% Ragi (.*) Mudde"]),
    "_ is literal": ("u_p", "odd", ["Kothu_Parotta"]),
    "brackets, quotes, + and ?": ("[chef's] special + rice?", "odd", ["[Chef's] Special + Rice?"]),
    "a backslash": ("k\\s", "odd", ["Back\\slash Bun"]),
    "a slash (the LIKE escape)": ("L/R", "odd", ["Dal/Rice Combo"]),
}


@pytest.mark.parametrize(("text", "place", "dishes"), CASES.values(), ids=CASES.keys())
def test_dish_text_is_a_case_folded_literal_substring(
    store: Store, menus: dict[str, Restaurant], text: str, place: str, dishes: list[str]
) -> None:
    restaurant_id = menus[place].restaurant_id
    assert _search(store, text) == [restaurant_id]
    assert store.catalog.dishes_matching([restaurant_id], text) == {restaurant_id: dishes}


NEVER = {
    "_ matches no other character": "kothu parotta",
    ". matches no other character": "100% ragi (x*)",
    "% matches nothing more": "100%ragi",
    "a match never spans two dishes": "mudde straße",
    "nor a dish and the restaurant": "odd bits straße",
}


@pytest.mark.parametrize("text", NEVER.values(), ids=NEVER.keys())
def test_dish_text_matches_nothing_else(
    store: Store, menus: dict[str, Restaurant], text: str
) -> None:
    assert _search(store, text) == []
    assert store.catalog.dishes_matching(_ids(list(menus.values())), text) == {}


def test_dishes_matching_names_each_restaurants_dishes_in_menu_order(
    store: Store, make: Maker, menus: dict[str, Restaurant]
) -> None:
    dosa, grill, bombay = menus["dosa"], menus["grill"], menus["bombay"]
    # One in a category that sorts first, though its name sorts later, and a second
    # "Masala Dosa" in the same category (ties by id): each where the menu has it.
    first = make.food_item(
        dosa.restaurant_id, food_name="Mini Masala Dosa", food_category="Breakfast"
    )
    twin = make.food_item(dosa.restaurant_id, food_name="Masala Dosa")
    store.catalog.add_food_items([twin, first])
    asked = [grill.restaurant_id, menus["empty"].restaurant_id, dosa.restaurant_id, 424242]
    found = store.catalog.dishes_matching(asked, "MASALA")
    assert found == {
        grill.restaurant_id: ["Masala Chaas"],
        dosa.restaurant_id: ["Mini Masala Dosa", "Masala Dosa", "Masala Dosa"],
    }
    assert list(found) == [grill.restaurant_id, dosa.restaurant_id]  # in the order asked
    assert store.catalog.dishes_matching([dosa.restaurant_id], "dosa") == {
        dosa.restaurant_id: ["Mini Masala Dosa", "Ghee Roast Dosa", "Masala Dosa", "Masala Dosa"]
    }
    # Only the restaurants asked about, whatever else matches.
    assert store.catalog.dishes_matching([bombay.restaurant_id], "dosa") == {
        bombay.restaurant_id: ["Masala Dosa"]
    }
    assert store.catalog.dishes_matching([], "dosa") == {}


def test_the_dishes_follow_the_menu_as_items_are_replaced(
    store: Store, make: Maker, menus: dict[str, Restaurant]
) -> None:
    dosa, grill = menus["dosa"], menus["grill"]
    idli = next(i for i in store.catalog.menu(dosa.restaurant_id) if i.food_name == "Rava Idli")
    # Renamed: the old name no longer finds it, the new one does.
    store.catalog.add_food_items([evolve(idli, food_name="Button Idli")])
    assert _search(store, "rava") == []
    assert _search(store, "button") == [dosa.restaurant_id]
    assert store.catalog.dishes_matching([dosa.restaurant_id], "idli") == {
        dosa.restaurant_id: ["Button Idli"]
    }
    # Moved to another restaurant's menu: found there, no longer here.
    store.catalog.add_food_items(
        [evolve(idli, food_name="Button Idli", restaurant_id=grill.restaurant_id)]
    )
    assert _search(store, "button") == [grill.restaurant_id]
    assert store.catalog.dishes_matching([dosa.restaurant_id, grill.restaurant_id], "idli") == {
        grill.restaurant_id: ["Button Idli"]
    }
    # A batch with new and replaced items, and an item given twice (the last wins).
    coffee = next(
        i for i in store.catalog.menu(dosa.restaurant_id) if i.food_name == "Filter Coffee"
    )
    fresh = make.food_item(dosa.restaurant_id, food_name="Kesari Bath")
    store.catalog.add_food_items(
        [fresh, evolve(coffee, food_name="Badam Milk"), evolve(coffee, food_name="Rose Milk")]
    )
    assert _search(store, "coffee") == []
    assert _search(store, "badam") == []
    assert _search(store, "rose milk") == [dosa.restaurant_id]
    assert _search(store, "kesari") == [dosa.restaurant_id]


def test_a_restaurant_stored_again_or_after_its_items_keeps_its_dishes(
    store: Store, make: Maker, menus: dict[str, Restaurant]
) -> None:
    dosa = menus["dosa"]
    store.catalog.add_restaurant(evolve(dosa, restaurant_name="Udupi Upahar 2"))
    assert _search(store, "rava idli") == [dosa.restaurant_id]
    late = make.restaurant(restaurant_name="Late Opener", restaurant_description="-")
    store.catalog.add_food_items(_dishes(make, late, "Kuzhi Paniyaram"))
    store.catalog.add_restaurant(late)
    assert _search(store, "kuzhi") == [late.restaurant_id]
    assert store.catalog.dishes_matching([late.restaurant_id], "KUZHI") == {
        late.restaurant_id: ["Kuzhi Paniyaram"]
    }
    assert store.catalog.get_restaurant(late.restaurant_id) == late


def test_a_restaurant_moved_to_another_city_is_found_by_its_dishes_there(
    store: Store, menus: dict[str, Restaurant]
) -> None:
    dosa = menus["dosa"]
    store.catalog.add_restaurant(evolve(dosa, city=MUMBAI))
    assert _search(store, "rava idli") == []
    found = store.catalog.search_restaurants(RestaurantQuery(MUMBAI.pincode, text="rava idli"))
    assert _ids(found) == [dosa.restaurant_id]


def test_a_dish_search_pages_like_any_other(store: Store, make: Maker) -> None:
    places = [
        make.restaurant(restaurant_rating=4.0, restaurant_name=f"Place {n}") for n in range(5)
    ]
    _add(store, *places)
    for place in places:
        store.catalog.add_food_items(_dishes(make, place, "Paneer Butter Masala", "Butter Naan"))
    seen: list[int] = []
    query = RestaurantQuery(PIN, text="butter", limit=2)
    while page := store.catalog.search_restaurants(query):
        seen.extend(_ids(page))
        last = page[-1]
        query = evolve(
            query, after=SearchPosition(sort_value(last, query.sort), last.restaurant_id)
        )
    assert seen == _ids(places)  # each once, though each has two dishes that match


# --- the cost filter and the cost sort ---


@pytest.fixture
def priced(store: Store, make: Maker) -> list[Restaurant]:
    costs = [40_000, 25_000, 80_000, 25_000, 0, 120_000, 40_000]
    restaurants = [make.restaurant(cost_for_two=cost) for cost in costs]
    restaurants.append(make.restaurant(cost_for_two=100, city=MUMBAI))
    _add(store, *reversed(restaurants))
    return restaurants


def _by_cost(restaurants: list[Restaurant]) -> list[int]:
    in_city = [r for r in restaurants if r.city == BENGALURU]
    return _ids(sorted(in_city, key=lambda r: (r.cost_for_two, r.restaurant_id)))


@pytest.mark.parametrize("most", [0, 24_999, 25_000, 40_000, 10**15])
def test_max_cost_for_two_is_inclusive(store: Store, priced: list[Restaurant], most: int) -> None:
    query = RestaurantQuery(PIN, max_cost_for_two=most, sort=RestaurantSort.COST)
    cheap = [r for r in priced if r.cost_for_two <= most]
    assert _ids(store.catalog.search_restaurants(query)) == _by_cost(cheap)


def test_the_cost_sort_is_cheapest_first_ties_by_id(store: Store, priced: list[Restaurant]) -> None:
    found = store.catalog.search_restaurants(RestaurantQuery(PIN, sort=RestaurantSort.COST))
    assert _ids(found) == _by_cost(priced)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_cost_pages_never_skip_or_repeat(
    store: Store, priced: list[Restaurant], limit: int
) -> None:
    query = RestaurantQuery(PIN, sort=RestaurantSort.COST, limit=limit, max_cost_for_two=80_000)
    seen: list[int] = []
    while page := store.catalog.search_restaurants(query):
        assert len(page) <= limit
        seen.extend(_ids(page))
        last = page[-1]
        query = evolve(query, after=SearchPosition(last.cost_for_two, last.restaurant_id))
    assert seen == _by_cost([r for r in priced if r.cost_for_two <= 80_000])


def test_a_cost_position_between_ties_resumes_after_it(
    store: Store, priced: list[Restaurant]
) -> None:
    ties = sorted(r.restaurant_id for r in priced if r.cost_for_two == 25_000)
    after = SearchPosition(25_000, ties[0])
    query = RestaurantQuery(PIN, sort=RestaurantSort.COST, after=after)
    assert _ids(store.catalog.search_restaurants(query)) == _by_cost(priced)[2:]
