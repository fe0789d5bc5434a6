"""OrderRepository: the placement's claims (key and cart version), lookups, lists, the
compare-and-set on ``version`` that writes an order with its payment attempts, the
sweep's list, and total_orders counted from the orders ever confirmed."""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.stores import Store
from food_core.model import CancelReason, Order, OrderStatus, PaymentMode, PaymentStatus, User
from tests.contract.builders import Maker


def _customer(store: Store, make: Maker) -> User:
    user = make.user()
    store.users.add(user, "hash")
    return user


def _total_orders(store: Store, user: User) -> int:
    stored = store.users.get(user.user_id)
    assert stored is not None
    return stored.total_orders


def _kept(store: Store, order: Order) -> Order:
    """Store ``order`` as it is (whatever its version) through ``add``."""
    assert store.orders.add(order) == order
    return order


# --- the placement's claims ---


def test_an_added_order_is_returned_and_stored(store: Store, make: Maker) -> None:
    order = make.order(1, key="checkout-1")
    assert store.orders.add(order) == order
    assert store.orders.get(order.order_id) == order
    assert store.orders.get_by_key(1, "checkout-1") == order


def test_adding_under_a_taken_key_returns_the_stored_order_and_inserts_nothing(
    store: Store, make: Maker
) -> None:
    first = make.order(1, key="checkout-1")
    store.orders.add(first)
    second = make.order(1, key="checkout-1", quantity=5)
    assert store.orders.add(second) == first
    assert store.orders.get(second.order_id) is None
    assert store.orders.list_for_user(1, 10) == [first]


def test_adding_from_an_ordered_cart_version_returns_that_order_whatever_the_key(
    store: Store, make: Maker
) -> None:
    first = make.order(1, key="tab-one", cart_version=7)
    store.orders.add(first)
    second_tab = make.order(1, key="tab-two", cart_version=7)
    assert store.orders.add(second_tab) == first
    assert store.orders.get(second_tab.order_id) is None
    assert store.orders.get_by_key(1, "tab-two") is None
    # The next version of the cart is a new order.
    later = make.order(1, key="tab-two", cart_version=8)
    assert store.orders.add(later) == later


def test_when_both_claims_are_taken_the_keys_order_is_returned(store: Store, make: Maker) -> None:
    by_key = make.order(1, key="k", cart_version=1)
    by_cart = make.order(1, key="other", cart_version=2)
    store.orders.add(by_key)
    store.orders.add(by_cart)
    assert store.orders.add(make.order(1, key="k", cart_version=2)) == by_key


def test_the_same_key_and_cart_version_for_different_users_are_two_orders(
    store: Store, make: Maker
) -> None:
    mine = make.order(1, key="k", cart_version=3)
    theirs = make.order(2, key="k", cart_version=3)
    assert store.orders.add(mine) == mine
    assert store.orders.add(theirs) == theirs
    assert store.orders.get_by_key(1, "k") == mine
    assert store.orders.get_by_key(2, "k") == theirs


def test_unknown_orders_and_keys_are_none(store: Store, make: Maker) -> None:
    store.orders.add(make.order(1, key="k"))
    assert store.orders.get(404) is None
    assert store.orders.get_by_key(1, "other") is None
    assert store.orders.get_by_key(2, "k") is None


def test_a_full_order_with_its_attempts_reads_back_equal(store: Store, make: Maker) -> None:
    declined = make.declined(make.order(1))
    cancelled = make.cancelled(make.confirmed(declined))
    _kept(store, cancelled)
    assert store.orders.get(cancelled.order_id) == cancelled
    assert [p.payment_status for p in cancelled.payments] == [
        PaymentStatus.FAILED,
        PaymentStatus.SUCCEEDED,
    ]
    assert cancelled.delivery is not None and cancelled.paid_by is not None


def test_a_cash_order_added_with_its_attempt_reads_back_equal(store: Store, make: Maker) -> None:
    order = make.with_attempt(make.order(1, mode=PaymentMode.COD))
    _kept(store, order)
    assert store.orders.get(order.order_id) == order
    assert store.orders.list_needing_attention(10) == [order]  # its outcome is unknown


# --- compare-and-set on the version ---


def test_a_save_from_the_stored_version_replaces_the_order(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.add(order)
    cancelled = make.cancelled(order)
    assert store.orders.save(cancelled, order.version)
    assert store.orders.get(order.order_id) == cancelled
    assert cancelled.version == order.version + 1


def test_a_save_from_another_version_is_refused(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.add(order)
    cancelled = make.cancelled(order)
    assert store.orders.save(cancelled, order.version)
    # A writer that read version 0 too loses: its change is computed from stale data.
    assert not store.orders.save(make.with_attempt(order), order.version)
    # A version the order never had (ahead of it) is refused too, and leaves no trace.
    ahead = evolve(cancelled, version=cancelled.version + 6)
    assert not store.orders.save(ahead, cancelled.version + 5)
    assert store.orders.get(order.order_id) == cancelled
    # ... and the order goes on from the version it has.
    assert store.orders.save(evolve(cancelled, version=cancelled.version + 1), cancelled.version)


def test_a_save_of_an_unknown_order_is_refused(store: Store, make: Maker) -> None:
    order = make.order(1)
    assert not store.orders.save(make.cancelled(order), order.version)
    assert store.orders.get(order.order_id) is None


def test_an_attempt_and_its_outcome_are_saved_with_the_order(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.add(order)
    started = make.with_attempt(order, key="pay-1")
    assert store.orders.save(started, order.version)
    assert store.orders.get(order.order_id) == started
    paid = make.paid(started.payments[0])
    confirmed = started.attempt_settled(paid, make.ids.next_id(), make.clock.now())
    assert store.orders.save(confirmed, started.version)
    stored = store.orders.get(order.order_id)
    assert stored == confirmed
    assert stored.order_status is OrderStatus.CONFIRMED and stored.payment == paid


def test_many_changes_then_the_order_reads_back_as_last_saved(store: Store, make: Maker) -> None:
    current = make.order(1)
    store.orders.add(current)
    steps = [make.declined, make.declined, make.confirmed]
    for step in steps:
        moved = step(current)
        assert store.orders.save(moved, current.version)
        current = moved
    for status in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        make.clock.advance(timedelta(minutes=5))
        moved = current.advanced(status, make.clock.now())
        assert store.orders.save(moved, current.version)
        current = moved
    assert store.orders.get(current.order_id) == current
    assert len(current.payments) == 3


# --- lists ---


def test_a_users_orders_are_listed_newest_first_and_paged_by_before(
    store: Store, make: Maker
) -> None:
    mine = [make.order(1) for _ in range(5)]
    store.orders.add(make.order(2))
    for order in [mine[3], mine[0], mine[4], mine[1], mine[2]]:
        store.orders.add(order)
    newest_first = list(reversed(mine))
    assert store.orders.list_for_user(1, 10) == newest_first
    assert store.orders.list_for_user(1, 2) == newest_first[:2]
    assert store.orders.list_for_user(1, 2, before=newest_first[1].order_id) == newest_first[2:4]
    assert store.orders.list_for_user(1, 10, before=mine[0].order_id) == []
    assert store.orders.list_for_user(3, 10) == []


def test_a_zero_limit_lists_nothing(store: Store, make: Maker) -> None:
    store.orders.add(make.order(1))
    assert store.orders.list_for_user(1, 0) == []
    assert store.orders.list_needing_attention(0) == []


def test_a_restaurants_orders_are_listed_oldest_first_filtered_by_status(
    store: Store, make: Maker
) -> None:
    pending = make.order(1, restaurant_id=5)
    confirmed = make.confirmed(make.order(2, restaurant_id=5))
    cancelled = make.cancelled(make.order(3, restaurant_id=5))
    elsewhere = make.confirmed(make.order(1, restaurant_id=6))
    later_confirmed = make.confirmed(make.order(4, restaurant_id=5))
    for order in (later_confirmed, elsewhere, cancelled, confirmed, pending):
        _kept(store, order)
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


def test_the_sweep_lists_refunds_due_and_attempts_of_unknown_outcome_oldest_first(
    store: Store, make: Maker
) -> None:
    due_later = make.cancelled(make.confirmed(make.order(1)))
    due_first = make.cancelled(make.confirmed(make.order(2)))
    refunded = make.refunded(make.cancelled(make.confirmed(make.order(3))))
    confirmed = make.confirmed(make.order(4))
    cancelled_unpaid = make.cancelled(make.order(5))
    in_flight = make.with_attempt(make.order(6))
    declined = make.declined(make.order(7))
    for order in (refunded, due_first, confirmed, due_later, cancelled_unpaid):
        _kept(store, order)
    for order in (in_flight, declined):
        _kept(store, order)
    assert store.orders.list_needing_attention(10) == sorted(
        [due_later, due_first, in_flight], key=lambda o: o.order_id
    )
    assert len(store.orders.list_needing_attention(1)) == 1


def test_a_saved_refund_or_outcome_leaves_the_sweeps_list(store: Store, make: Maker) -> None:
    cancelled = make.cancelled(make.confirmed(make.order(1)))
    in_flight = make.with_attempt(make.order(2))
    for order in (cancelled, in_flight):
        _kept(store, order)
    assert len(store.orders.list_needing_attention(10)) == 2
    assert store.orders.save(make.refunded(cancelled), cancelled.version)
    failed = in_flight.payments[0].failed(make.clock.now(), failure_code="card_declined")
    settled = in_flight.attempt_settled(failed, make.ids.next_id(), make.clock.now())
    assert store.orders.save(settled, in_flight.version)
    assert store.orders.list_needing_attention(10) == []


def test_a_recorded_cash_promise_on_a_confirmed_order_needs_no_attention(
    store: Store, make: Maker
) -> None:
    order = make.with_attempt(make.order(1, mode=PaymentMode.COD))
    _kept(store, order)
    recorded = order.payments[0].recorded_by_gateway("pay_cod_1", None)
    confirmed = order.attempt_settled(recorded, make.ids.next_id(), make.clock.now())
    assert confirmed.order_status is OrderStatus.CONFIRMED
    assert store.orders.save(confirmed, order.version)
    assert store.orders.list_needing_attention(10) == []


# --- total_orders: the orders ever confirmed ---


def test_confirming_counts_the_order_once(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.add(order)
    confirmed = make.confirmed(order)
    assert store.orders.save(confirmed, order.version)
    assert _total_orders(store, user) == 1
    # The same confirmation again loses the compare-and-set and counts nothing.
    assert not store.orders.save(confirmed, order.version)
    assert _total_orders(store, user) == 1


def test_changes_after_confirmation_do_not_count_again(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.add(order)
    current = make.confirmed(order)
    store.orders.save(current, order.version)
    for step in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        make.clock.advance(timedelta(minutes=5))
        moved = current.advanced(step, make.clock.now())
        assert store.orders.save(moved, current.version)
        current = moved
    assert _total_orders(store, user) == 1


def test_declines_do_not_count_and_the_confirmation_after_them_counts_once(
    store: Store, make: Maker
) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.add(order)
    failed = make.declined(order)
    assert store.orders.save(failed, order.version)
    again = make.declined(failed)
    assert again.order_status is OrderStatus.PAYMENT_FAILED
    assert store.orders.save(again, failed.version)
    assert _total_orders(store, user) == 0
    assert store.orders.save(make.confirmed(again), again.version)
    assert _total_orders(store, user) == 1


def test_each_confirmed_order_of_a_user_counts(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    other = _customer(store, make)
    for _ in range(3):
        order = make.order(user.user_id, mode=PaymentMode.UPI)
        store.orders.add(order)
        store.orders.save(make.confirmed(order), order.version)
    store.orders.add(make.order(user.user_id))  # not confirmed: not counted
    assert _total_orders(store, user) == 3
    assert _total_orders(store, other) == 0


def test_cancelling_a_confirmed_order_keeps_its_count(store: Store, make: Maker) -> None:
    user = _customer(store, make)
    order = make.order(user.user_id)
    store.orders.add(order)
    confirmed = make.confirmed(order)
    store.orders.save(confirmed, order.version)
    assert store.orders.save(make.cancelled(confirmed), confirmed.version)
    assert _total_orders(store, user) == 1
    by_email = store.users.get_by_email(user.email)
    assert by_email is not None and by_email.total_orders == 1


def test_an_order_of_an_unknown_user_still_changes(store: Store, make: Maker) -> None:
    order = make.order(404)
    store.orders.add(order)
    confirmed = make.confirmed(order)
    assert store.orders.save(confirmed, order.version)
    assert store.orders.get(order.order_id) == confirmed
    assert store.users.get(404) is None


# --- the sweep's list of orders waiting for a payment ---


def test_orders_waiting_for_a_payment_are_listed_oldest_change_first(
    store: Store, make: Maker
) -> None:
    waiting = make.order(1)
    declined = make.declined(make.order(2))
    paid = make.confirmed(make.order(3))
    cancelled = make.cancelled(make.order(4))
    for order in (declined, paid, cancelled, waiting):
        _kept(store, order)
    later = make.clock.now() + timedelta(seconds=1)
    assert store.orders.list_unpaid(later, 10) == sorted(
        [waiting, declined], key=lambda o: (o.updated_at, o.order_id)
    )
    assert store.orders.list_unpaid(waiting.updated_at, 10) == []  # "before" is strict
    assert len(store.orders.list_unpaid(later, 1)) == 1
    assert store.orders.list_unpaid(later, 0) == []


def test_an_order_paid_since_leaves_the_waiting_list(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.add(order)
    later = make.clock.now() + timedelta(hours=1)
    assert store.orders.list_unpaid(later, 10) == [order]
    assert store.orders.save(make.confirmed(order), order.version)
    assert store.orders.list_unpaid(later, 10) == []


def test_a_cancel_reason_reads_back(store: Store, make: Maker) -> None:
    order = make.order(1)
    store.orders.add(order)
    expired = order.cancelled(make.clock.now(), CancelReason.UNPAID)
    assert store.orders.save(expired, order.version)
    stored = store.orders.get(order.order_id)
    assert stored == expired and stored.cancel_reason is CancelReason.UNPAID
