from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

import attrs
import pytest

from adapters import demo_catalog
from adapters.demo_catalog import (
    DemoCatalog,
    Dice,
    generate,
    load_if_empty,
    load_into,
    menu_of,
)
from adapters.memory.store import MemoryCatalog, MemoryStore
from food_core.model import FoodItem
from food_core.rules import check_pincode
from food_core.search import MAX_PAGE_SIZE, RestaurantQuery

SEEDS = [demo_catalog.DEFAULT_SEED, 1, 42, 987654321]

# The main (GPO) PIN code of each city.
GPO_PINCODES = {
    "Mumbai": "400001",
    "New Delhi": "110001",
    "Bengaluru": "560001",
    "Hyderabad": "500001",
    "Chennai": "600001",
    "Kolkata": "700001",
    "Pune": "411001",
    "Ahmedabad": "380001",
    "Jaipur": "302001",
    "Lucknow": "226001",
    "Chandigarh": "160017",
    "Thiruvananthapuram": "695001",
}

# A dish whose name has one of these words is non-veg (egg counts as non-veg in India).
NON_VEG_WORDS = {
    "chicken", "mutton", "fish", "prawn", "prawns", "crab", "clam", "egg", "keema", "kheema",
    "kebab", "maas", "mangsho", "ilish", "macher", "chingri", "bhetki", "bombil", "surmai",
    "pomfret", "nihari", "haleem", "gosht", "pepperoni", "lukhmi", "omelette", "akuri", "meen",
    "karimeen", "kozhi", "murgh", "paya", "marag", "kola", "rassa", "kombdi", "wings",
}  # fmt: skip
VEG_EXCEPTIONS = {"Kathal Galouti Kebab", "Hara Bhara Kebab"}


@pytest.fixture(scope="module")
def demo() -> DemoCatalog:
    return generate()


@pytest.fixture(scope="module", params=SEEDS, ids=lambda seed: f"seed={seed}")
def any_demo(request: pytest.FixtureRequest) -> DemoCatalog:
    seed: int = request.param
    return generate(seed)


def _menus(demo: DemoCatalog) -> dict[int, list[FoodItem]]:
    menus: dict[int, list[FoodItem]] = defaultdict(list)
    for item in demo.food_items:
        menus[item.restaurant_id].append(item)
    return menus


# --- determinism -------------------------------------------------------------------------


def test_the_same_seed_gives_an_equal_catalog() -> None:
    first, second = generate(), generate(demo_catalog.DEFAULT_SEED)
    assert first == second
    assert repr(first) == repr(second)


def test_another_seed_gives_another_catalog_with_the_same_cities() -> None:
    first, other = generate(1), generate(2)
    assert first != other
    assert first.cities == other.cities


def _fingerprint_in_a_fresh_process(hash_seed: str) -> str:
    code = (
        "import hashlib; from adapters.demo_catalog import generate; "
        "print(hashlib.sha256(repr(generate()).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_output_is_byte_identical_across_processes(demo: DemoCatalog) -> None:
    here = hashlib.sha256(repr(demo).encode()).hexdigest()
    assert _fingerprint_in_a_fresh_process("1") == here
    assert _fingerprint_in_a_fresh_process("4242") == here


def _canonical_sha256(demo: DemoCatalog) -> str:
    # default=str: coupons carry their validity windows as datetimes.
    data = json.dumps(attrs.asdict(demo), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def test_the_default_catalog_is_pinned(demo: DemoCatalog) -> None:
    # Stored ids and names must keep meaning the same thing across releases and Python
    # versions. Update this only for a deliberate change to the tables or the generator
    # (last: option groups and the historical ratings that score restaurants, issue 16;
    # ids, names, prices and availability unchanged).
    expected = "ddd03427c57aa2a4ad96e5b61fd1032d2b9a32e1c938ddb9f37a89145b0ad161"
    assert _canonical_sha256(demo) == expected


def test_dice_draws_stay_in_range() -> None:
    dice = Dice(7)
    assert all(0 <= dice.below(3) < 3 for _ in range(1000))
    assert {dice.randint(1, 3) for _ in range(1000)} == {1, 2, 3}
    assert all(1.0 <= dice.triangular(1.0, 2.0, 1.5) <= 2.0 for _ in range(1000))
    picked = dice.sample(range(10), 4)
    assert len(picked) == len(set(picked)) == 4
    assert sorted(dice.sample("abc", 3)) == ["a", "b", "c"]
    assert dice.sample("abc", 0) == []


# --- cities ------------------------------------------------------------------------------


def test_cities_are_real_with_their_gpo_pincodes(demo: DemoCatalog) -> None:
    assert len(demo.cities) >= 8
    assert {c.city_name: c.pincode for c in demo.cities} == GPO_PINCODES


def test_pincodes_are_six_digits_and_unique(demo: DemoCatalog) -> None:
    pincodes = [c.pincode for c in demo.cities]
    assert len(set(pincodes)) == len(pincodes)
    for pincode in pincodes:
        assert len(pincode) == 6
        assert pincode.isdigit()
        assert check_pincode(pincode) == pincode


# --- counts and ids ----------------------------------------------------------------------


def test_counts(any_demo: DemoCatalog) -> None:
    assert len(any_demo.restaurants) >= 80
    assert len(any_demo.food_items) >= 1500
    per_city = Counter(r.city.pincode for r in any_demo.restaurants)
    assert set(per_city) == {c.pincode for c in any_demo.cities}
    assert min(per_city.values()) >= 6


def test_ids_are_positive_unique_and_stable(any_demo: DemoCatalog) -> None:
    restaurant_ids = [r.restaurant_id for r in any_demo.restaurants]
    food_ids = [i.food_id for i in any_demo.food_items]
    assert len(set(restaurant_ids)) == len(restaurant_ids)
    assert len(set(food_ids)) == len(food_ids)
    assert restaurant_ids == list(range(1001, 1001 + len(restaurant_ids)))
    assert food_ids == list(range(100001, 100001 + len(food_ids)))
    assert {i.restaurant_id for i in any_demo.food_items} == set(restaurant_ids)


def test_the_default_catalog_keeps_its_shape(demo: DemoCatalog) -> None:
    # Ids are only stable if the tables are: a change here is a change to the demo data.
    assert (len(demo.cities), len(demo.restaurants)) == (12, 96)
    assert demo.restaurants[0].restaurant_id == 1001
    assert demo.food_items[0].food_id == 100001


# --- restaurants -------------------------------------------------------------------------


def test_restaurant_values_are_in_range(any_demo: DemoCatalog) -> None:
    known_cuisines = set(demo_catalog.MENUS)
    for r in any_demo.restaurants:
        # The score (Bayesian, towards 3.5) of ratings centred on a level drawn in 3.0–4.9.
        assert 3.0 <= r.restaurant_rating <= 4.9
        assert r.rating_count == len(
            [x for x in any_demo.ratings if x.restaurant_id == r.restaurant_id]
        )
        assert 15 <= r.delivery_time_minutes <= 60
        assert 200_00 <= r.cost_for_two <= 1500_00
        assert r.cost_for_two % 50_00 == 0
        assert 1 <= len(r.cuisines) <= 3
        assert len(set(r.cuisines)) == len(r.cuisines)
        assert set(r.cuisines) <= known_cuisines
        assert r.restaurant_description
        assert r.restaurant_name == r.restaurant_name.strip()


def test_restaurant_names_are_unique(any_demo: DemoCatalog) -> None:
    names = [r.restaurant_name for r in any_demo.restaurants]
    assert len(set(names)) == len(names)


def test_about_a_quarter_of_restaurants_are_veg_only(demo: DemoCatalog) -> None:
    share = sum(r.is_veg_only for r in demo.restaurants) / len(demo.restaurants)
    assert 0.2 <= share <= 0.35


def test_veg_only_restaurants_have_only_veg_items(any_demo: DemoCatalog) -> None:
    veg_only = {r.restaurant_id for r in any_demo.restaurants if r.is_veg_only}
    assert veg_only
    offenders = [i for i in any_demo.food_items if i.restaurant_id in veg_only and not i.is_veg]
    assert offenders == []


# --- food items --------------------------------------------------------------------------


def test_every_menu_is_substantial_and_orderable(any_demo: DemoCatalog) -> None:
    for restaurant_id, items in _menus(any_demo).items():
        assert 10 <= len(items) <= 25, restaurant_id
        names = [i.food_name for i in items]
        assert len(set(names)) == len(names), restaurant_id
        for category in {i.food_category for i in items}:
            assert any(i.availability for i in items if i.food_category == category), (
                restaurant_id,
                category,
            )


def test_item_values_are_in_range(any_demo: DemoCatalog) -> None:
    categories = set(demo_catalog.CATEGORY_ORDER)
    for item in any_demo.food_items:
        assert 30_00 <= item.price <= 650_00
        assert item.price % 5_00 == 0
        assert item.food_category in categories
        assert item.food_name
        assert item.description


def test_a_few_items_are_unavailable(any_demo: DemoCatalog) -> None:
    unavailable = sum(not i.availability for i in any_demo.food_items)
    assert 0 < unavailable <= 0.05 * len(any_demo.food_items)


def test_items_and_restaurants_mix_veg_and_non_veg(demo: DemoCatalog) -> None:
    veg_share = sum(i.is_veg for i in demo.food_items) / len(demo.food_items)
    assert 0.5 < veg_share < 0.9


# --- the tables --------------------------------------------------------------------------


def test_dish_names_are_unique_and_borrowed_dishes_exist() -> None:
    names = [d.name for dishes in demo_catalog.MENUS.values() for d in dishes]
    assert [n for n, count in Counter(names).items() if count > 1] == []
    for cuisine, borrowed in demo_catalog.BORROWED.items():
        assert cuisine in demo_catalog.MENUS
        assert set(borrowed) <= set(names) - {d.name for d in demo_catalog.MENUS[cuisine]}


def test_veg_marks_match_the_dish() -> None:
    for dishes in demo_catalog.MENUS.values():
        for dish in dishes:
            words = set(re.findall(r"[a-z]+", dish.name.lower()))
            looks_non_veg = bool(words & NON_VEG_WORDS)
            if dish.name in VEG_EXCEPTIONS:
                looks_non_veg = False
            assert dish.is_veg is not looks_non_veg, dish.name


def test_dish_table_values_are_sensible() -> None:
    for dishes in demo_catalog.MENUS.values():
        for dish in dishes:
            assert 30 <= dish.rupees <= 650, dish.name
            assert dish.category in demo_catalog.CATEGORY_ORDER, dish.name
            assert 0 < len(dish.description) <= 80, dish.name


def test_every_cuisine_a_city_uses_is_fully_described() -> None:
    used = {
        c for spec in demo_catalog.CITIES for concept in spec.concepts for c in concept.cuisines
    }
    tables = (
        demo_catalog.MENUS,
        demo_catalog.NAME_SUFFIXES,
        demo_catalog.BLURBS,
        demo_catalog.COST_FOR_TWO,
    )
    for table in tables:
        assert used <= set(table)
    for spec in demo_catalog.CITIES:
        assert len(spec.localities) >= len(spec.concepts), spec.name
        for concept in spec.concepts:
            dishes = [d for c in concept.cuisines for d in menu_of(c)]
            if concept.veg_only:
                dishes = [d for d in dishes if d.is_veg]
            assert len({d.name for d in dishes}) >= demo_catalog.MENU_SIZE[0], (spec.name, concept)


# --- loading and searching ---------------------------------------------------------------


def test_load_if_empty_loads_once(demo: DemoCatalog) -> None:
    store = MemoryStore()
    catalog = MemoryCatalog(store)
    assert catalog.is_empty()
    assert load_if_empty(catalog) is True
    assert len(store.cities) == len(demo.cities)
    assert len(store.restaurants) == len(demo.restaurants)
    assert len(store.food_items) == len(demo.food_items)
    assert load_if_empty(catalog) is False
    assert len(store.food_items) == len(demo.food_items)


def test_loaded_catalog_answers_like_the_generated_one(demo: DemoCatalog) -> None:
    catalog = MemoryCatalog(MemoryStore())
    load_into(catalog, demo)
    assert [c.city_name for c in catalog.list_cities()] == sorted(GPO_PINCODES)
    first = demo.restaurants[0]
    assert catalog.get_restaurant(first.restaurant_id) == first
    menu = catalog.menu(first.restaurant_id)
    assert sorted(menu, key=lambda i: i.food_id) == _menus(demo)[first.restaurant_id]


def test_search_finds_each_citys_restaurants(demo: DemoCatalog) -> None:
    catalog = MemoryCatalog(MemoryStore())
    load_into(catalog, demo)
    for city in demo.cities:
        expected = {r.restaurant_id for r in demo.restaurants if r.city.pincode == city.pincode}
        found = catalog.search_restaurants(RestaurantQuery(city.pincode, limit=MAX_PAGE_SIZE))
        assert {r.restaurant_id for r in found} == expected
        assert len(found) >= 6
        veg = catalog.search_restaurants(
            RestaurantQuery(city.pincode, veg_only=True, limit=MAX_PAGE_SIZE)
        )
        assert veg
        assert all(r.is_veg_only for r in veg)


@pytest.mark.parametrize(
    ("pincode", "cuisine"),
    [("500001", "Hyderabadi"), ("700001", "Bengali"), ("600001", "Chettinad"),
     ("380001", "Gujarati"), ("226001", "Awadhi"), ("411001", "Maharashtrian")],
)  # fmt: skip
def test_regional_cuisines_are_found_in_their_city(
    demo: DemoCatalog, pincode: str, cuisine: str
) -> None:
    catalog = MemoryCatalog(MemoryStore())
    load_into(catalog, demo)
    found = catalog.search_restaurants(RestaurantQuery(pincode, cuisine=cuisine))
    assert found
    assert all(cuisine in r.cuisines for r in found)
