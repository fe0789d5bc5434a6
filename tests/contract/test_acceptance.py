"""The acceptance deadline on every store (issue 17): the confirmed orders waiting for
their restaurant are listed oldest first, and four replicas' sweeps racing past the
deadline cancel each order once and refund it once."""

from __future__ import annotations

from datetime import timedelta

from adapters.stores import Store
from food_core.model import CancelReason, Order, OrderStatus, PaymentStatus
from tests.contract.acceptance_racers import WINDOW, sweep_unaccepted
from tests.contract.backends import Backend
from tests.contract.builders import Maker
from tests.contract.racing import RacePool


def _confirmed(store: Store, make: Maker) -> Order:
    """A card order paid (by an attempt the gateway holds no record of, so a refund is
    the store's write alone) and waiting for its restaurant."""
    user = make.user()
    store.users.add(user, "hash")
    order = make.order(user.user_id)
    store.orders.add(order)
    started = make.with_attempt(order)
    assert store.orders.save(started, order.version)
    attempt = started.payments[-1]
    paid = attempt.succeeded(make.clock.now(), gateway_reference=None, card=None)
    confirmed = started.attempt_settled(paid, make.ids.next_id(), make.clock.now())
    assert store.orders.save(confirmed, started.version)
    return confirmed


def test_orders_waiting_for_their_restaurant_are_listed_oldest_first(
    store: Store, make: Maker
) -> None:
    first, second = _confirmed(store, make), _confirmed(store, make)
    accepted = _confirmed(store, make)
    assert store.orders.save(accepted.accepted(15, make.clock.now()), accepted.version)
    waiting_unpaid = make.order(first.user)
    store.orders.add(waiting_unpaid)
    later = make.clock.now() + timedelta(seconds=1)
    assert store.orders.list_unaccepted(later, 10) == [first, second]
    assert store.orders.list_unaccepted(second.updated_at, 10) == [first]  # strict
    assert store.orders.list_unaccepted(later, 1) == [first]
    assert store.orders.list_unaccepted(later, 0) == []


def test_the_restaurants_answer_reads_back(store: Store, make: Maker) -> None:
    accepted = _confirmed(store, make)
    took = accepted.accepted(20, make.clock.now())
    assert store.orders.save(took, accepted.version)
    assert store.orders.get(took.order_id) == took
    stored = store.orders.get(took.order_id)
    assert stored is not None and stored.prep_minutes == 20 and stored.accepted_at is not None
    rejected = _confirmed(store, make)
    said_no = rejected.rejected("Out of basmati rice", make.clock.now())
    assert store.orders.save(said_no, rejected.version)
    back = store.orders.get(said_no.order_id)
    assert back is not None and back.cancel_note == "Out of basmati rice"
    assert back.cancel_reason is CancelReason.REJECTED


def test_four_sweeps_past_the_deadline_cancel_and_refund_each_order_once(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    orders = [_confirmed(store, make) for _ in range(3)]
    accepted = _confirmed(store, make)
    assert store.orders.save(accepted.accepted(10, make.clock.now()), accepted.version)
    past = make.clock.now() + WINDOW + timedelta(seconds=1)
    counts = racers.race(backend, sweep_unaccepted, [past] * 4)
    assert sum(counts) == len(orders)
    for order in orders:
        stored = store.orders.get(order.order_id)
        assert stored is not None
        assert stored.order_status is OrderStatus.CANCELLED
        assert stored.cancel_reason is CancelReason.NOT_ACCEPTED
        assert [p.payment_status for p in stored.payments] == [PaymentStatus.REFUNDED]
        # One cancellation and one refund: two changes, whoever made them.
        assert stored.version == order.version + 2
        assert not stored.needs_attention
    kept = store.orders.get(accepted.order_id)
    assert kept is not None and kept.order_status is OrderStatus.PREPARING
