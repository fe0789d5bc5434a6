"""CatalogRepository.search_restaurants: ``search.matches`` filters (the text matching
dishes too), ``search.sort_key`` order and keyset pagination, exactly as the in-memory
reference."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adapters.stores import Store
from food_core.model import FoodItem, Restaurant
from food_core.search import (
    MAX_COST_FOR_TWO,
    MAX_DELIVERY_TIME_MINUTES,
    MAX_NAME_KEY_LENGTH,
    MAX_RESTAURANT_ID,
    RestaurantQuery,
    RestaurantSort,
    SearchPosition,
    matches,
    sort_key,
    sort_value,
)
from tests.contract.backends import SERVER_BACKED, Backend
from tests.contract.builders import BENGALURU, MUMBAI, Maker

PIN = BENGALURU.pincode


def _expected(
    restaurants: Iterable[Restaurant],
    query: RestaurantQuery,
    menus: Mapping[int, Sequence[str]] | None = None,
) -> list[Restaurant]:
    dishes = menus or {}
    found = [r for r in restaurants if matches(r, query, dishes.get(r.restaurant_id, ()))]
    return sorted(found, key=lambda r: sort_key(r, query.sort))[: query.limit]


def _ids(restaurants: Iterable[Restaurant]) -> list[int]:
    return [r.restaurant_id for r in restaurants]


def _all_pages(store: Store, query: RestaurantQuery) -> list[list[Restaurant]]:
    pages: list[list[Restaurant]] = []
    while True:
        page = store.catalog.search_restaurants(query)
        if not page:
            return pages
        pages.append(page)
        last = page[-1]
        position = SearchPosition(sort_value(last, query.sort), last.restaurant_id)
        query = evolve(query, after=position)


@pytest.fixture
def town(store: Store, make: Maker) -> list[Restaurant]:
    restaurants = [
        make.restaurant(
            restaurant_name="Dosa Corner",
            restaurant_description="Crisp dosas and filter coffee",
            restaurant_rating=4.4,
            cuisines=("South Indian", "Breakfast"),
            is_veg_only=True,
            delivery_time_minutes=25,
            cost_for_two=30_000,
        ),
        make.restaurant(
            restaurant_name="slice of bandra",
            restaurant_description="Wood-fired pizza, 100% dough_made here",
            restaurant_rating=4.1,
            cuisines=("Pizza", "Italian"),
            is_veg_only=False,
            delivery_time_minutes=35,
            cost_for_two=60_000,
        ),
        make.restaurant(
            restaurant_name="Biryani House",
            restaurant_description="Hyderabadi dum biryani",
            restaurant_rating=4.4,
            cuisines=("Mughlai",),
            is_veg_only=False,
            delivery_time_minutes=40,
            cost_for_two=60_000,
        ),
        make.restaurant(
            restaurant_name="Ésprit Café",
            restaurant_description="Coffee, cakes; CRÊPES",
            restaurant_rating=3.9,
            cuisines=("Café", "Desserts"),
            is_veg_only=True,
            delivery_time_minutes=15,
            cost_for_two=0,
        ),
        make.restaurant(
            restaurant_name="Straße Grill",
            restaurant_description="German grill",
            restaurant_rating=0.0,
            cuisines=(),
            is_veg_only=False,
            delivery_time_minutes=25,
        ),
        make.restaurant(
            restaurant_name="Bombay Dosa",
            restaurant_description="Elsewhere",
            restaurant_rating=5.0,
            city=MUMBAI,
            cuisines=("South Indian",),
        ),
    ]
    for restaurant in restaurants:
        store.catalog.add_restaurant(restaurant)
    return restaurants


QUERIES = {
    "all in the city": RestaurantQuery(PIN),
    "another city": RestaurantQuery(MUMBAI.pincode),
    "an unknown city": RestaurantQuery("999999"),
    "veg only": RestaurantQuery(PIN, veg_only=True),
    "min rating is inclusive": RestaurantQuery(PIN, min_rating=4.1),
    "min rating zero keeps zero": RestaurantQuery(PIN, min_rating=0.0),
    "cuisine, any case": RestaurantQuery(PIN, cuisine="south INDIAN"),
    "cuisine is whole, not a substring": RestaurantQuery(PIN, cuisine="Indian"),
    "cuisine with an accent": RestaurantQuery(PIN, cuisine="CAFÉ"),
    "text in a name": RestaurantQuery(PIN, text="DOSA"),
    "text in a description": RestaurantQuery(PIN, text="dum bir"),
    "text in a cuisine": RestaurantQuery(PIN, text="mughl"),
    "text, folded case beyond ASCII": RestaurantQuery(PIN, text="crêpes"),
    "text, ß folds to ss": RestaurantQuery(PIN, text="STRASSE"),
    "text % is literal": RestaurantQuery(PIN, text="100%"),
    "text _ is literal": RestaurantQuery(PIN, text="h_made"),
    "text _ does not match any character": RestaurantQuery(PIN, text="dough made"),
    "text / and regex characters are literal": RestaurantQuery(PIN, text="(.*)"),
    "text never spans two fields": RestaurantQuery(PIN, text="corner crisp"),
    "empty text is no filter": RestaurantQuery(PIN, text=""),
    "everything at once": RestaurantQuery(
        PIN, text="o", cuisine="south indian", veg_only=True, min_rating=4.0
    ),
    "by name, case-insensitive": RestaurantQuery(PIN, sort=RestaurantSort.NAME),
    "by delivery time, ties by id": RestaurantQuery(PIN, sort=RestaurantSort.DELIVERY_TIME),
    "by cost, ties by id": RestaurantQuery(PIN, sort=RestaurantSort.COST),
    "max cost is inclusive": RestaurantQuery(PIN, max_cost_for_two=40_000),
    "max cost zero keeps free": RestaurantQuery(PIN, max_cost_for_two=0),
    "after a cost position": RestaurantQuery(
        PIN, sort=RestaurantSort.COST, after=SearchPosition(30_000, 1)
    ),
    "limit": RestaurantQuery(PIN, limit=2),
    "after a rating position": RestaurantQuery(PIN, after=SearchPosition(-4.4, 1)),
    "after a name position": RestaurantQuery(
        PIN, sort=RestaurantSort.NAME, after=SearchPosition("c", 1)
    ),
}


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_search_matches_the_reference(
    store: Store, town: list[Restaurant], query: RestaurantQuery
) -> None:
    assert store.catalog.search_restaurants(query) == _expected(town, query)


def test_rating_sort_is_best_first_with_ties_by_id(store: Store, town: list[Restaurant]) -> None:
    found = store.catalog.search_restaurants(RestaurantQuery(PIN))
    ratings = [(-r.restaurant_rating, r.restaurant_id) for r in found]
    assert ratings == sorted(ratings)
    assert found[0].restaurant_rating == found[1].restaurant_rating == 4.4


@pytest.mark.parametrize("sort", list(RestaurantSort))
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_pages_never_skip_or_repeat(
    store: Store, town: list[Restaurant], sort: RestaurantSort, limit: int
) -> None:
    query = RestaurantQuery(PIN, sort=sort, limit=limit)
    pages = _all_pages(store, query)
    assert all(len(page) <= limit for page in pages)
    flat = [r for page in pages for r in page]
    assert flat == _expected(town, RestaurantQuery(PIN, sort=sort, limit=51))


def test_pages_hold_across_many_equal_sort_values(store: Store, make: Maker) -> None:
    same = [make.restaurant(restaurant_rating=4.0, delivery_time_minutes=30) for _ in range(7)]
    for restaurant in reversed(same):
        store.catalog.add_restaurant(restaurant)
    pages = _all_pages(store, RestaurantQuery(PIN, limit=3))
    assert [_ids(page) for page in pages] == [
        _ids(same[0:3]),
        _ids(same[3:6]),
        _ids(same[6:7]),
    ]


EDGE_POSITIONS = {
    "best rating, first id": (RestaurantSort.RATING, SearchPosition(-5.0, 1)),
    "rating zero, last id": (RestaurantSort.RATING, SearchPosition(0.0, MAX_RESTAURANT_ID)),
    "longest delivery time": (
        RestaurantSort.DELIVERY_TIME,
        SearchPosition(MAX_DELIVERY_TIME_MINUTES, MAX_RESTAURANT_ID),
    ),
    "longest name key, outside the BMP": (
        RestaurantSort.NAME,
        SearchPosition("\U0010ffff" * MAX_NAME_KEY_LENGTH, 1),
    ),
    "empty name key": (RestaurantSort.NAME, SearchPosition("", MAX_RESTAURANT_ID)),
    "free, first id": (RestaurantSort.COST, SearchPosition(0, 1)),
    "the highest cost a cursor holds": (
        RestaurantSort.COST,
        SearchPosition(MAX_COST_FOR_TWO, MAX_RESTAURANT_ID),
    ),
}


@pytest.mark.parametrize(("sort", "position"), EDGE_POSITIONS.values(), ids=EDGE_POSITIONS.keys())
def test_every_position_a_cursor_may_hold_is_answered(
    store: Store, town: list[Restaurant], sort: RestaurantSort, position: SearchPosition
) -> None:
    # The core accepts exactly these ranges from a cursor (food_core.search); every store
    # must bind them (a 64-bit overflow, a NUL or a NaN once reached the driver: a 500).
    query = RestaurantQuery(PIN, sort=sort, after=position)
    assert store.catalog.search_restaurants(query) == _expected(town, query)


# --- property: any catalog, any query, same answer as the reference ---

_WORDS = st.sampled_from(
    [
        "dosa",
        "Dosa",
        "DOSA",
        "café",
        "CAFÉ",
        "straße",
        "ss",
        "pizza",
        "%",
        "_",
        "a.b",
        "x y",
        "İ",
        "ﬁ",
    ]
)
_TEXT = st.lists(_WORDS, min_size=0, max_size=3).map(" ".join)
_CITY = st.sampled_from([BENGALURU, MUMBAI])


_COSTS = st.sampled_from([0, 25_000, 40_000, 80_000])


@st.composite
def _restaurants(draw: st.DrawFn) -> list[Restaurant]:
    count = draw(st.integers(0, 8))
    ids = draw(st.lists(st.integers(1, 10_000), min_size=count, max_size=count, unique=True))
    return [
        Restaurant(
            restaurant_id=rid,
            restaurant_name=draw(_TEXT),
            restaurant_description=draw(_TEXT),
            restaurant_rating=draw(st.sampled_from([0.0, 3.5, 4.0, 4.1, 4.4, 5.0])),
            city=draw(_CITY),
            cuisines=tuple(draw(st.lists(_WORDS, max_size=3))),
            is_veg_only=draw(st.booleans()),
            delivery_time_minutes=draw(st.sampled_from([15, 25, 40])),
            cost_for_two=draw(_COSTS),
        )
        for rid in ids
    ]


@st.composite
def _menus(draw: st.DrawFn, restaurants: list[Restaurant]) -> list[FoodItem]:
    """Dishes of some of the restaurants (and of one not in the catalog)."""
    owners = [r.restaurant_id for r in restaurants] + [10_001]
    count = draw(st.integers(0, 10))
    ids = draw(st.lists(st.integers(1, 100_000), min_size=count, max_size=count, unique=True))
    return [
        FoodItem(
            food_id=fid,
            restaurant_id=draw(st.sampled_from(owners)),
            food_name=draw(_TEXT.filter(bool)),
            food_category=draw(st.sampled_from(["Mains", "Drinks"])),
            price=10_000,
            availability=draw(st.booleans()),
            is_veg=True,
        )
        for fid in ids
    ]


@st.composite
def _queries(draw: st.DrawFn, restaurants: list[Restaurant]) -> RestaurantQuery:
    sort = draw(st.sampled_from(list(RestaurantSort)))
    after = None
    paged = draw(st.booleans())
    if restaurants and paged:
        pivot = draw(st.sampled_from(restaurants))
        # Ids start at 1 (a cursor holding 0 is refused by the core).
        after = SearchPosition(sort_value(pivot, sort), draw(st.integers(1, 10_001)))
    return RestaurantQuery(
        pincode=draw(_CITY).pincode,
        text=draw(st.none() | _TEXT | _WORDS),
        cuisine=draw(st.none() | _WORDS),
        veg_only=draw(st.booleans()),
        min_rating=draw(st.none() | st.sampled_from([0.0, 4.0, 4.4, 4.5])),
        max_cost_for_two=draw(st.none() | _COSTS),
        sort=sort,
        limit=draw(st.integers(1, 10)),
        after=after,
    )


def test_any_search_agrees_with_the_reference(backend: Backend) -> None:
    examples = 40 if backend.name in SERVER_BACKED else 100

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        backend.reset()
        catalog = backend.store.catalog
        restaurants = data.draw(_restaurants())
        items = data.draw(_menus(restaurants))
        # Items before and after their restaurants, as a load or a later edit would.
        split = data.draw(st.integers(0, len(items)))
        catalog.add_food_items(items[:split])
        for restaurant in restaurants:
            catalog.add_restaurant(restaurant)
        catalog.add_food_items(items[split:])
        menus: dict[int, list[str]] = {}
        for item in items:
            menus.setdefault(item.restaurant_id, []).append(item.food_name)
        for _ in range(3):
            query = data.draw(_queries(restaurants))
            assert catalog.search_restaurants(query) == _expected(restaurants, query, menus)
            found = [r.restaurant_id for r in restaurants]
            if query.text:
                assert catalog.dishes_matching(found, query.text) == _dishes_matching(
                    items, found, query.text
                )

    check()


def _dishes_matching(
    items: Sequence[FoodItem], restaurant_ids: Sequence[int], text: str
) -> dict[int, list[str]]:
    menu = sorted(items, key=lambda i: (i.food_category, i.food_name, i.food_id))
    found: dict[int, list[str]] = {}
    for restaurant_id in restaurant_ids:
        names = [
            i.food_name
            for i in menu
            if i.restaurant_id == restaurant_id and text.casefold() in i.food_name.casefold()
        ]
        if names:
            found[restaurant_id] = names
    return found
