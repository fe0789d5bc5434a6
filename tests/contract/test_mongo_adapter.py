"""What is particular to the MongoDB adapter: after a crash, a compare-and-set whose move
was committed but not applied is applied by the next writer, which then starts from it;
every command of the order's compare-and-set is by ``_id``; starting again finds its
indexes (FerretDB included) and gives restaurants stored before dish search their
dishes; a dish search reads no food item; write concern."""

from __future__ import annotations

from typing import Any

import pytest
from attrs import evolve
from pymongo import monitoring
from pymongo.write_concern import WriteConcern

from adapters.mongo import MongoStore
from adapters.mongo.codec import to_document
from adapters.mongo.moves import move_id
from adapters.mongo.orders import order_fields
from adapters.mongo.schema import (
    FOOD_ITEMS,
    INDEXES,
    ORDER_MOVES,
    RESTAURANT_DISHES,
    RESTAURANTS,
)
from adapters.mongo.search import search_fields
from food_core.model import Order, OrderStatus, User
from food_core.search import RestaurantQuery
from tests.contract.backends import Backend
from tests.contract.builders import Maker


@pytest.fixture
def mongo(mongodb_session: Backend) -> MongoStore:
    mongodb_session.reset()
    assert isinstance(mongodb_session.store, MongoStore)
    return mongodb_session.store


def _crash_after_committing(store: MongoStore, order: Order, moved: Order) -> None:
    """What a process that died right after the commit point leaves behind: the move."""
    store.db[ORDER_MOVES].insert_one(
        {"_id": move_id(order.order_id, order.version), "fields": order_fields(moved)}
    )


def _confirmed_in_a_crash(store: MongoStore, make: Maker) -> tuple[User, Order, Order]:
    user = make.user()
    store.users.add(user, "hash")
    order = make.order(user.user_id)
    store.orders.add(order)
    confirmed = make.confirmed(order)
    _crash_after_committing(store, order, confirmed)
    return user, order, confirmed


def test_the_next_writer_applies_a_crashed_move_and_starts_from_it(
    mongo: MongoStore, make: Maker
) -> None:
    user, order, confirmed = _confirmed_in_a_crash(mongo, make)
    assert mongo.orders.get(order.order_id) == order  # committed, not applied yet
    # A writer who read the old version loses, and the document is brought up to date.
    assert not mongo.orders.save(make.cancelled(order), order.version)
    assert mongo.orders.get(order.order_id) == confirmed
    counted = mongo.users.get(user.user_id)
    assert counted is not None and counted.total_orders == 1
    cancelled = make.cancelled(confirmed)
    assert mongo.orders.save(cancelled, confirmed.version)
    assert mongo.orders.get(order.order_id) == cancelled
    assert mongo.orders.list_for_restaurant(1, [OrderStatus.CANCELLED], 10) == [cancelled]


class _Commands(monitoring.CommandListener):
    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, Any]]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.seen.append((event.command_name, dict(event.command)))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        return None

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        return None


def _filters(command: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    if command == "find":
        return [body.get("filter", {})]
    if command == "update":
        return [u["q"] for u in body["updates"]]
    return []


def test_adding_reading_and_changing_an_order_uses_only_its_id(
    mongodb_session: Backend, make: Maker
) -> None:
    """FerretDB answers only ``_id`` lookups from an index: the order's whole life on the
    checkout path must send no other filter (a sequential scan there)."""
    mongodb_session.reset()
    assert mongodb_session.url is not None
    listener = _Commands()
    store = MongoStore(mongodb_session.url, event_listeners=[listener])
    try:
        order = make.order(1)
        listener.seen.clear()
        store.orders.add(order)
        current = store.orders.get(order.order_id)
        assert current is not None
        for step in (make.with_attempt, make.confirmed):
            moved = step(current)
            assert store.orders.save(moved, current.version)
            current = moved
        assert not store.orders.save(make.cancelled(order), order.version)  # a loser's path
        filters = [f for name, body in listener.seen for f in _filters(name, body)]
        assert filters, "the commands were seen"
        assert all(set(f) <= {"_id", "version"} and "_id" in f for f in filters), filters
    finally:
        store.close()


def test_opening_the_store_again_finds_every_index(
    mongo: MongoStore, mongodb_session: Backend
) -> None:
    assert mongodb_session.url is not None
    again = MongoStore(mongodb_session.url)
    try:
        for collection, indexes in INDEXES.items():
            names = {index["name"] for index in again.db[collection].list_indexes()}
            assert {index.document["name"] for index in indexes} <= names
    finally:
        again.close()


def test_unacknowledged_writes_are_refused(mongodb_session: Backend) -> None:
    assert mongodb_session.url is not None
    with pytest.raises(ValueError, match="acknowledged"):
        MongoStore(mongodb_session.url, write_concern=WriteConcern(w=0))
    with pytest.raises(ValueError, match="acknowledged"):
        MongoStore(mongodb_session.url + "?w=0")


def test_writes_default_to_majority_and_journal(mongo: MongoStore) -> None:
    assert mongo.db.write_concern == WriteConcern(w="majority", j=True)


def test_the_url_or_the_caller_can_choose_the_write_concern(mongodb_session: Backend) -> None:
    assert mongodb_session.url is not None
    from_url = MongoStore(mongodb_session.url + "?w=1&journal=false")
    chosen = MongoStore(mongodb_session.url, write_concern=WriteConcern(w=1))
    try:
        assert from_url.db.write_concern == WriteConcern(w=1, j=False)
        assert chosen.db.write_concern == WriteConcern(w=1)
    finally:
        from_url.close()
        chosen.close()


def test_restaurants_stored_before_dish_search_get_their_dishes_on_start(
    mongo: MongoStore, mongodb_session: Backend, make: Maker
) -> None:
    restaurant = make.restaurant(restaurant_name="Old Place")
    item = make.food_item(restaurant.restaurant_id, food_name="Ghee Roast")
    # As the adapter wrote them before: no menu names on the restaurant.
    mongo.db[RESTAURANTS].insert_one(
        {"_id": restaurant.restaurant_id, **to_document(restaurant), **search_fields(restaurant)}
    )
    mongo.db[FOOD_ITEMS].insert_one({"_id": item.food_id, **to_document(item)})
    assert mongodb_session.url is not None
    again = MongoStore(mongodb_session.url)
    try:
        query = RestaurantQuery(restaurant.city.pincode, text="GHEE")
        assert again.catalog.search_restaurants(query) == [restaurant]
        assert again.catalog.dishes_matching([restaurant.restaurant_id], "ghee") == {
            restaurant.restaurant_id: ["Ghee Roast"]
        }
    finally:
        again.close()


def test_a_dish_search_reads_no_food_item_and_its_dishes_by_id(
    mongodb_session: Backend, make: Maker
) -> None:
    """A text search asks which of the city's restaurants have a dish matching, then
    finds the restaurants (two finds, neither of food items); ``dishes_matching`` reads
    the page's restaurants' dishes by ``_id``. A search without text is one find."""
    mongodb_session.reset()
    assert mongodb_session.url is not None
    listener = _Commands()
    store = MongoStore(mongodb_session.url, event_listeners=[listener])
    try:
        restaurant = make.restaurant(restaurant_name="Udupi")
        store.catalog.add_restaurant(restaurant)
        store.catalog.add_food_items([make.food_item(restaurant.restaurant_id)])
        listener.seen.clear()
        query = RestaurantQuery(restaurant.city.pincode, text="masala")
        assert store.catalog.search_restaurants(query) == [restaurant]
        found = store.catalog.dishes_matching([restaurant.restaurant_id], "masala")
        assert found == {restaurant.restaurant_id: ["Masala Dosa"]}
        assert store.catalog.search_restaurants(evolve(query, text=None)) == [restaurant]
        sent = [(name, body.get("find")) for name, body in listener.seen]
        assert sent == [
            ("find", RESTAURANT_DISHES),
            ("find", RESTAURANTS),
            ("find", RESTAURANT_DISHES),
            ("find", RESTAURANTS),
        ]
        assert set(_filters(*listener.seen[2])[0]) == {"_id"}
    finally:
        store.close()
