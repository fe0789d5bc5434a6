"""OrderRepository: the idempotent claim, lookups, list orders, and the status
compare-and-set that counts confirmed orders exactly once."""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.stores import Store
from food_core.model import OrderStatus, PaymentMode, User
from tests.contract.builders import Maker


def _customer(store: Store, make: Maker) -> User:
    user = make.user()
    store.users.add(user, "hash")
    return user


def _total_orders(store: Store, user: User) -> int:
    stored = store.users.get(user.user_id)
    assert stored is not None
    return stored.total_orders


# --- claim ---


def test_a_claimed_order_is_returned_and_stored(store: Store, make: Maker) -> None:
    order = make.order(1, key="checkout-1")
    assert store.orders.claim(order) == order
    assert store.orders.get(order.order_id) == order
    assert store.orders.get_by_key(1, "checkout-1") == order


def test_claiming_a_taken_key_returns_the_stored_order_and_inserts_nothing(
    store: Store, make: Maker
) -> None:
    first = make.order(1, key="checkout-1")
    store.orders.claim(first)
    second = make.order(1, key="checkout-1", quantity=5)
    assert store.orders.claim(second) == first
    assert store.orders.get(second.order_id) is None
    assert store.orders.list_for_user(1, 10) == [first]


def test_the_same_key_for_different_users_is_two_orders(store: Store, make: Maker) -> None:
    mine, theirs = make.order(1, key="k"), make.order(2, key="k")
    assert store.orders.claim(mine) == mine
    assert store.orders.claim(theirs) == theirs
    assert store.orders.get_by_key(1, "k") == mine
    assert store.orders.get_by_key(2, "k") == theirs


def test_unknown_orders_and_keys_are_none(store: Store, make: Maker) -> None:
    store.orders.claim(make.order(1, key="k"))
    assert store.orders.get(404) is None
    assert store.orders.get_by_key(1, "other") is None
    assert store.orders.get_by_key(2, "k") is None


def test_a_full_order_reads_back_equal(store: Store, make: Maker) -> None:
    order = make.confirmed(make.order(1))
    cancelled = make.cancelled(order)
    store.orders.claim(cancelled)
    assert store.orders.get(order.order_id) == cancelled
    assert cancelled.delivery is not None and cancelled.payment is not None


# --- lists ---


def test_a_users_orders_are_listed_newest_first_and_paged_by_before(
    store: Store, make: Maker
) -> None:
    mine = [make.order(1) for _ in range(5)]
    store.orders.claim(make.order(2))
    for order in [mine[3], mine[0], mine[4], mine[1], mine[2]]:
        store.orders.claim(order)
    newest_first = list(reversed(mine))
    assert store.orders.list_for_user(1, 10) == newest_first
    assert store.orders.list_for_user(1, 2) == newest_first[:2]
    assert store.orders.list_for_user(1, 2, before=newest_first[1].order_id) == newest_first[2:4]
    assert store.orders.list_for_user(1, 10, before=mine[0].order_id) == []
    assert store.orders.list_for_user(3, 10) == []


def test_a_zero_limit_lists_nothing(store: Store, make: Maker) -> None:
    store.orders.claim(make.order(1))
    assert store.orders.list_for_user(1, 0) == []


def test_a_restaurants_orders_are_listed_oldest_first_filtered_by_status(
    store: Store, make: Maker
) -> None:
    pending = make.order(1, restaurant_id=5)
    confirmed = make.confirmed(make.order(2, restaurant_id=5))
    cancelled = make.cancelled(make.order(3, restaurant_id=5))
    elsewhere = make.confirmed(make.order(1, restaurant_id=6))
    later_confirmed = make.confirmed(make.order(4, restaurant_id=5))
    for order in (later_confirmed, elsewhere, cancelled, confirmed, pending):
        store.orders.claim(order)
    kitchen = [OrderStatus.CONFIRMED, OrderStatus.PREPARING]
    assert store.orders.list_for_restaurant(5, kitchen, 10) == [confirmed, later_confirmed]
    assert store.orders.list_for_restaurant(5, kitchen, 1) == [confirmed]
    assert store.orders.list_for_restaurant(5, list(OrderStatus), 10) == [
        pending,
        confirmed,
        cancelled,
        later_confirmed,
    ]
    assert store.orders.list_for_restaurant(5, [], 10) == []
    assert store.orders.list_for_restaurant(7, kitchen, 10) == []


def test_refunds_are_due_for_cancelled_orders_whose_payment_succeeded(
    store: Store, make: Maker
) -> None:
    due_later = make.cancelled(make.confirmed(make.order(1)))
    due_first = make.cancelled(make.confirmed(make.order(2)))
    assert due_first.payment is not None
    refunded = make.cancelled(make.confirmed(make.order(3)))
    assert refunded.payment is not None
    refunded = refunded.with_payment(refunded.payment.refunded(make.clock.now()), make.clock.now())
    confirmed = make.confirmed(make.order(4))
    cancelled_unpaid = make.cancelled(make.order(5))
    for order in (refunded, due_first, confirmed, due_later, cancelled_unpaid):
        store.orders.claim(order)
    assert store.orders.list_refunds_due(10) == sorted(
        [due_later, due_first], key=lambda o: o.order_id
    )
    assert len(store.orders.list_refunds_due(1)) == 1


def test_a_refund_recorded_by_transition_is_no_longer_due(store: Store, make: Maker) -> None:
    cancelled = make.cancelled(make.confirmed(make.order(1)))
    store.orders.claim(cancelled)
    assert store.orders.list_refunds_due(10) == [cancelled]
    assert cancelled.payment is not None
    now = make.clock.now()
    refunded = cancelled.with_payment(cancelled.payment.refunded(now), now)
    assert store.orders.transition(refunded, OrderStatus.CANCELLED)
    assert store.orders.list_refunds_due(10) == []


# --- transition ---


def test_a_transition_from_the_expected_status_replaces_the_order(
    store: Store, make: Maker
) -> None:
    order = make.order(1)
    store.orders.claim(order)
    cancelled = make.cancelled(order)
    assert store.orders.transition(cancelled, OrderStatus.PENDING_PAYMENT)
    assert store.orders.get(order.order_id) == cancelled


def test_a_transition_from_another_status_is_refused(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.claim(order)
    assert not store.orders.transition(make.cancelled(order), OrderStatus.PAYMENT_FAILED)
    assert store.orders.get(order.order_id) == order


def test_a_transition_of_an_unknown_order_is_refused(store: Store, make: Maker) -> None:
    order = make.order(1)
    assert not store.orders.transition(make.cancelled(order), OrderStatus.PENDING_PAYMENT)
    assert store.orders.get(order.order_id) is None


def test_confirming_counts_the_order_once(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.claim(order)
    confirmed = make.confirmed(order)
    assert store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT)
    assert _total_orders(store, user) == 1
    # The same confirmation again loses the compare-and-set and counts nothing.
    assert not store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT)
    assert _total_orders(store, user) == 1


def test_moves_after_confirmation_do_not_count_again(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.claim(order)
    confirmed = make.confirmed(order)
    store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT)
    status = OrderStatus.CONFIRMED
    current = confirmed
    for step in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        make.clock.advance(timedelta(minutes=5))
        moved = current.advanced(step, make.clock.now())
        assert store.orders.transition(moved, status)
        current, status = moved, step
    assert store.orders.get(order.order_id) == current
    assert _total_orders(store, user) == 1


def test_a_declined_payment_then_a_confirmation_counts_once(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.claim(order)
    now = make.clock.now()
    declined = make.payment(order).failed(now, failure_code="card_declined")
    failed = order.payment_failed(declined, now)
    assert store.orders.transition(failed, OrderStatus.PENDING_PAYMENT)
    # A second decline keeps the status: PAYMENT_FAILED → PAYMENT_FAILED.
    again = failed.payment_failed(
        make.payment(order).failed(now, failure_code="insufficient_funds"), now
    )
    assert store.orders.transition(again, OrderStatus.PAYMENT_FAILED)
    assert _total_orders(store, user) == 0
    assert store.orders.transition(make.confirmed(again), OrderStatus.PAYMENT_FAILED)
    assert _total_orders(store, user) == 1


def test_each_confirmed_order_of_a_user_counts(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    other = _customer(store, make)
    for _ in range(3):
        order = make.order(user.user_id, mode=PaymentMode.UPI)
        store.orders.claim(order)
        store.orders.transition(make.confirmed(order), OrderStatus.PENDING_PAYMENT)
    assert _total_orders(store, user) == 3
    assert _total_orders(store, other) == 0


def test_cancelling_a_confirmed_order_keeps_its_count(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.claim(order)
    confirmed = make.confirmed(order)
    store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT)
    assert store.orders.transition(make.cancelled(confirmed), OrderStatus.CONFIRMED)
    assert _total_orders(store, user) == 1


def test_confirming_an_order_of_an_unknown_user_still_moves_it(store: Store, make: Maker) -> None:
    order = make.order(404)
    store.orders.claim(order)
    confirmed = make.confirmed(order)
    assert store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT)
    assert store.orders.get(order.order_id) == confirmed
    assert store.users.get(404) is None


def test_an_order_claimed_already_confirmed_was_not_counted(store: Store, make: Maker) -> None:
    # Counting happens on the transition into CONFIRMED, never on insert.
    user = _customer(store, make)
    confirmed = make.confirmed(make.order(user.user_id))
    store.orders.claim(confirmed)
    assert _total_orders(store, user) == 0
    assert store.orders.transition(evolve(confirmed), OrderStatus.CONFIRMED)
    assert _total_orders(store, user) == 0
