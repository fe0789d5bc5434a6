"""CatalogRepository: cities, restaurants, menus, availability, food item lookup."""

from __future__ import annotations

from attrs import evolve

from adapters.stores import Store
from food_core.model import City, OpenHours
from food_core.search import RestaurantQuery
from tests.contract.builders import BENGALURU, MUMBAI, Maker


def test_a_new_catalog_is_empty_until_a_city_is_added(store: Store) -> None:
    assert store.catalog.is_empty()
    store.catalog.add_city(BENGALURU)
    assert not store.catalog.is_empty()


def test_cities_are_listed_by_name_then_pincode(store: Store) -> None:
    cities = [
        MUMBAI,
        BENGALURU,
        City("110001", "Delhi"),
        City("411001", "Pune"),
        City("411002", "Pune"),
        City("560002", "bengaluru"),  # lower case sorts after every capital, as in Python
    ]
    for city in reversed(cities):
        store.catalog.add_city(city)
    assert store.catalog.list_cities() == sorted(cities, key=lambda c: (c.city_name, c.pincode))


def test_adding_a_city_again_replaces_it(store: Store) -> None:
    store.catalog.add_city(BENGALURU)
    store.catalog.add_city(City(BENGALURU.pincode, "Bangalore"))
    assert store.catalog.list_cities() == [City(BENGALURU.pincode, "Bangalore")]
    assert store.catalog.get_city(BENGALURU.pincode) == City(BENGALURU.pincode, "Bangalore")
    assert store.catalog.get_city("999999") is None


def test_a_restaurant_reads_back_equal(store: Store, make: Maker) -> None:
    restaurant = make.restaurant(
        cuisines=("Pizza", "Italian", "Café"), open_hours="11:00-22:30", restaurant_rating=3.75
    )
    store.catalog.add_restaurant(restaurant)
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == restaurant
    assert store.catalog.get_restaurant(restaurant.restaurant_id + 1) is None


def test_adding_a_restaurant_again_replaces_it_and_its_search_keys(
    store: Store, make: Maker
) -> None:
    restaurant = make.restaurant(cuisines=("Thai",))
    store.catalog.add_restaurant(restaurant)
    renamed = evolve(restaurant, restaurant_name="Noodle Bar", cuisines=("Chinese",))
    store.catalog.add_restaurant(renamed)
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == renamed
    assert store.catalog.search_restaurants(RestaurantQuery("560001", cuisine="thai")) == []
    assert store.catalog.search_restaurants(RestaurantQuery("560001", text="noodle")) == [renamed]


def test_the_menu_is_ordered_by_category_then_name_then_id(store: Store, make: Maker) -> None:
    rid = 1
    items = [
        make.food_item(rid, food_category="Dosa", food_name="Rava Dosa"),
        make.food_item(rid, food_category="Beverages", food_name="Filter Coffee"),
        make.food_item(rid, food_category="Dosa", food_name="Masala Dosa"),
        make.food_item(rid, food_category="Dosa", food_name="Masala Dosa"),
        make.food_item(rid, food_category="dosa", food_name="A lower-case category"),
        make.food_item(rid, food_category="Tiffin", food_name="Idli", description="Steamed"),
    ]
    other = make.food_item(2, food_name="Margherita", food_category="Pizza")
    store.catalog.add_food_items(reversed([*items, other]))
    assert store.catalog.menu(rid) == sorted(
        items, key=lambda i: (i.food_category, i.food_name, i.food_id)
    )
    assert store.catalog.menu(2) == [other]
    assert store.catalog.menu(3) == []


def test_adding_food_items_again_replaces_them_later_ones_winning(
    store: Store, make: Maker
) -> None:
    item = make.food_item(1)
    store.catalog.add_food_items([item])
    cheaper, cheapest = evolve(item, price=9_000), evolve(item, price=8_000)
    store.catalog.add_food_items([cheaper, cheapest])
    assert store.catalog.menu(1) == [cheapest]


def test_adding_no_food_items_is_harmless(store: Store) -> None:
    store.catalog.add_food_items([])
    assert store.catalog.menu(1) == []


def test_availability_can_be_switched_off_and_on(store: Store, make: Maker) -> None:
    item = make.food_item(1)
    store.catalog.add_food_items([item])
    store.catalog.set_availability(item.food_id, False)
    assert store.catalog.get_food_items([item.food_id]) == {
        item.food_id: evolve(item, availability=False)
    }
    store.catalog.set_availability(item.food_id, True)
    assert store.catalog.menu(1) == [item]


def test_setting_availability_of_an_unknown_item_creates_nothing(store: Store) -> None:
    store.catalog.set_availability(404, False)
    assert store.catalog.get_food_items([404]) == {}


def test_food_items_are_looked_up_by_id_skipping_unknown_ones(store: Store, make: Maker) -> None:
    a, b, c = make.food_item(1), make.food_item(1), make.food_item(2)
    store.catalog.add_food_items([a, b, c])
    found = store.catalog.get_food_items([c.food_id, 404, a.food_id, c.food_id])
    assert found == {c.food_id: c, a.food_id: a}
    assert store.catalog.get_food_items([]) == {}
    assert store.catalog.get_food_items(set()) == {}


def test_a_citys_served_pincodes_read_back_in_order(store: Store) -> None:
    served = City(BENGALURU.pincode, "Bengaluru", ("560034", "560002", "560095"))
    store.catalog.add_city(served)
    assert store.catalog.get_city(BENGALURU.pincode) == served
    assert store.catalog.list_cities() == [served]
    assert served.serves("560002") and served.serves("560001") and not served.serves("560003")


def test_a_restaurants_weekly_hours_read_back_equal(store: Store, make: Maker) -> None:
    hours = OpenHours.parse("Mon-Fri 11:00-15:00,18:30-23:30; Sat-Sun 09:00-01:00")
    restaurant = make.restaurant(open_hours=hours)
    store.catalog.add_restaurant(restaurant)
    stored = store.catalog.get_restaurant(restaurant.restaurant_id)
    assert stored == restaurant and stored.open_hours.text == hours.text
    found = store.catalog.search_restaurants(RestaurantQuery(restaurant.city.pincode))
    assert found == [restaurant]
