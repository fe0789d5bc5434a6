"""A restaurant's orders placed since a moment, on every store (issue 18): at or after
it, in any status, oldest first by id — what the partner's day tally reads."""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import IST
from food_core.usecases import day_tally, reject_order
from tests.contract.builders import Maker
from tests.contract.dispatch_racers import Kitchen


def test_a_restaurants_orders_since_a_moment_are_listed_oldest_first(
    store: Store, make: Maker
) -> None:
    early = make.order(1, restaurant_id=1)
    middle = make.order(1, restaurant_id=1)
    late = make.order(2, restaurant_id=1)
    elsewhere = make.order(2, restaurant_id=2)
    # Made last (the highest id) but created at the same moment as ``middle``.
    stamped = evolve(make.order(3, restaurant_id=1), created_at=middle.created_at)
    for order in (early, middle, late, elsewhere, stamped):
        store.orders.add(order)
    since = middle.created_at
    assert store.orders.list_placed_since(1, since, 10) == [middle, late, stamped]
    assert store.orders.list_placed_since(1, early.created_at, 10) == [
        early,
        middle,
        late,
        stamped,
    ]
    assert store.orders.list_placed_since(1, since, 2) == [middle, late]
    assert store.orders.list_placed_since(1, since, 0) == []
    assert store.orders.list_placed_since(2, since, 10) == [elsewhere]
    after_all = late.created_at + timedelta(microseconds=1)
    assert store.orders.list_placed_since(1, after_all, 10) == []
    assert store.orders.list_placed_since(3, early.created_at, 10) == []


def test_orders_since_a_moment_are_listed_in_any_status_by_when_they_were_placed(
    store: Store, make: Maker
) -> None:
    before = make.order(1, restaurant_id=1)
    paid, dropped = make.order(1, restaurant_id=1), make.order(2, restaurant_id=1)
    for order in (before, paid, dropped):
        store.orders.add(order)
    confirmed = make.confirmed(paid)
    assert store.orders.save(confirmed, paid.version)
    cancelled = make.cancelled(dropped)
    assert store.orders.save(cancelled, dropped.version)
    # A change later than ``since`` does not bring an earlier order in.
    touched = make.confirmed(before)
    assert store.orders.save(touched, before.version)
    assert store.orders.list_placed_since(1, paid.created_at, 10) == [confirmed, cancelled]


def test_the_partners_day_counts_todays_confirmed_orders(store: Store, clock: ManualClock) -> None:
    kitchen = Kitchen(store, clock)
    kept = kitchen.accepted(kitchen.confirmed_order())
    rejected = kitchen.confirmed_order(line1="4 Church Street")
    reject_order(kitchen.ports, kitchen.partner.user_id, rejected.order_id, "Out of batter")
    kitchen.placed_order(line1="9 Residency Road")  # never paid: not counted
    tally = day_tally(kitchen.ports, kitchen.partner.user_id)
    assert (tally.orders, tally.cancelled, tally.delivered) == (2, 1, 0)
    assert tally.takings == kept.total_amount
    local = clock.now().astimezone(IST)
    assert tally.since == local.replace(hour=0, minute=0, second=0, microsecond=0)
    # The next day (India time) starts from nothing.
    clock.advance(timedelta(days=1))
    assert day_tally(kitchen.ports, kitchen.partner.user_id).orders == 0
