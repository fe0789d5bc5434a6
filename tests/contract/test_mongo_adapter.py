"""What is particular to the MongoDB adapter: after a crash, a compare-and-set whose move
was committed but not applied counts at once and is applied by ``settle_pending`` (and by
the next move); starting again finds its indexes (FerretDB included); write concern."""

from __future__ import annotations

import pytest
from pymongo.write_concern import WriteConcern

from adapters.mongo import MongoStore
from adapters.mongo.orders import order_fields
from adapters.mongo.schema import INDEXES, ORDER_MOVES
from food_core.model import Order, OrderStatus, User
from tests.contract.backends import Backend
from tests.contract.builders import Maker


@pytest.fixture
def mongo(mongodb_session: Backend) -> MongoStore:
    mongodb_session.reset()
    assert isinstance(mongodb_session.store, MongoStore)
    return mongodb_session.store


def _crash_after_committing(store: MongoStore, order: Order, moved: Order, user: User) -> None:
    """What a process that died right after the commit point leaves behind."""
    store.db[ORDER_MOVES].insert_one(
        {
            "doc_id": order.order_id,
            "rev": 0,
            "fields": order_fields(moved),
            "pending": True,
            "counts_for": user.user_id,
        }
    )


def _confirmed_in_a_crash(store: MongoStore, make: Maker) -> tuple[User, Order, Order]:
    user = make.user()
    store.users.add(user, "hash")
    order = make.order(user.user_id)
    store.orders.claim(order)
    confirmed = make.confirmed(order)
    _crash_after_committing(store, order, confirmed, user)
    return user, order, confirmed


def test_a_committed_confirmation_counts_and_settling_applies_it(
    mongo: MongoStore, make: Maker
) -> None:
    user, order, confirmed = _confirmed_in_a_crash(mongo, make)
    counted = mongo.users.get(user.user_id)
    assert counted is not None and counted.total_orders == 1
    assert mongo.orders.get(order.order_id) == order  # not applied yet
    assert mongo.settle_pending() == 1
    assert mongo.orders.get(order.order_id) == confirmed
    assert mongo.settle_pending() == 0
    assert mongo.orders.list_for_restaurant(1, [OrderStatus.CONFIRMED], 10) == [confirmed]


def test_the_next_move_applies_a_crashed_one_first(mongo: MongoStore, make: Maker) -> None:
    user, order, confirmed = _confirmed_in_a_crash(mongo, make)
    # The stored document still says PENDING_PAYMENT, but that is no longer the status.
    assert not mongo.orders.transition(make.cancelled(order), OrderStatus.PENDING_PAYMENT)
    cancelled = make.cancelled(confirmed)
    assert mongo.orders.transition(cancelled, OrderStatus.CONFIRMED)
    assert mongo.orders.get(order.order_id) == cancelled
    counted = mongo.users.get(user.user_id)
    assert counted is not None and counted.total_orders == 1


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
